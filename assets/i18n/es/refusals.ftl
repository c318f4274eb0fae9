# Rechazos que no nombran ningún campo, mostrados como aviso sobre la página.
refusal-role = Como { $role ->
        [owner] propietario
        [admin] administrador
        [member] miembro
       *[viewer] lector
    } de este espacio no puedes hacer eso.
refusal-manage-members = Tu rol no permite gestionar miembros.
refusal-transfer = Solo el propietario puede transferir la propiedad.
refusal-suspended = Los operadores de este sitio han suspendido este espacio: se puede consultar pero no cambiar hasta que levanten la suspensión.
refusal-locked = Esta cuenta está bloqueada. Contacta con los operadores de este sitio para que la desbloqueen.
refusal-plan-history = El plan { $plan } guarda { $months } meses de historial: los gastos anteriores al { $date } se pueden consultar pero no añadir ni cambiar. El propietario del espacio puede mejorar el plan en la página de Facturación.
refusal-plan-expenses-used = El plan { $plan } permite { $allowed } gastos nuevos al mes, y los de este mes se han agotado. El propietario del espacio puede mejorar el plan en la página de Facturación.
refusal-plan-expenses-left = El plan { $plan } permite { $allowed } gastos nuevos al mes: quedan { $left } este mes, y esto añade { $count }. El propietario del espacio puede mejorar el plan en la página de Facturación.
refusal-plan-receipts = El plan { $plan } guarda { $allowed } MB de recibos, hay { $used } MB usados y este archivo no cabe. El propietario del espacio puede mejorar el plan en la página de Facturación.
refusal-plan-members = El plan { $plan } permite { $allowed } personas por espacio (las invitaciones pendientes cuentan). El propietario del espacio puede mejorar el plan en la página de Facturación.
refusal-storage-unavailable = No se pudo acceder al almacenamiento de recibos, así que el recibo no se guardó. El gasto en sí no ha cambiado; adjunta el recibo de nuevo más tarde.
refusal-storage-full = El almacenamiento de recibos está lleno, así que el recibo no se guardó. El gasto en sí no ha cambiado; adjunta el recibo de nuevo cuando el operador haya liberado espacio.
refusal-stripe-unreachable = No se pudo contactar con Stripe, nuestro proveedor de pagos, así que no ha cambiado nada. Inténtalo de nuevo en unos minutos.
refusal-stripe-refused = Stripe, nuestro proveedor de pagos, rechazó la solicitud, así que no ha cambiado nada. Inténtalo más tarde o contacta con los operadores de este sitio.
refusal-billing-off = La facturación está desactivada en esta instancia: todos los espacios tienen todas las funciones.
refusal-form-fields = El formulario tiene más de { $max } campos.
refusal-too-large = { $what ->
        [form] El formulario es demasiado grande
        [upload] La subida es demasiado grande
        [file] El archivo es demasiado grande
       *[archive] El archivo comprimido es demasiado grande
    }: aquí se pueden enviar como mucho { $size } { $unit }.
refusal-too-slow = La petición no se envió a tiempo; no se ha cambiado nada. Inténtalo de nuevo.
refusal-platform-role = Tu rol en la plataforma no lo permite.
