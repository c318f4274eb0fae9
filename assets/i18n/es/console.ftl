# La consola de los operadores (/admin): sus páginas y las respuestas de sus
# acciones. Los roles de la plataforma (superadmin, support, billing), los
# estados de las tareas, los estados de Stripe y los códigos del registro se
# muestran tal como se guardan.

console-title = Consola
console-nav-label = Consola
console-nav-overview = Resumen
console-nav-users = Usuarios
console-nav-workspaces = Espacios
console-nav-billing = Facturación
console-nav-jobs = Tareas
console-nav-audit = Registro

console-pages = Páginas
console-previous = Anterior
console-next = Siguiente
console-page-of = Página { $page } de { $pages } ({ $total })
console-in-all = { $total } en total.

console-actions = Acciones
console-name = Nombre
console-email = Correo
console-role = Rol
console-state = Estado
console-kind = Tipo
console-currency = Moneda
console-created = Creado
console-joined = Alta
console-members = Miembros
console-search = Buscar
console-filter = Filtrar
console-none = Ninguno.
console-nothing-yet = Nada todavía.
console-your-password = Tu contraseña
console-password-to-confirm = Tu contraseña, para confirmar
console-state-active = activo
console-state-locked = bloqueado
console-state-unconfirmed = sin confirmar
console-state-suspended = suspendido

console-count-users = Usuarios
console-count-workspaces = Espacios
console-count-subscriptions = Suscripciones activas
console-count-jobs-waiting = Tareas en espera
console-count-jobs-failed = Tareas fallidas
console-signups-heading = Altas por día
console-signups-day = Día
console-signups-count = Altas
console-signups-share = Proporción
console-signups-bar = { $count ->
        [one] { $count } alta
       *[other] { $count } altas
    }

console-users-search = Buscar usuarios
console-users-search-placeholder = Nombre o correo
console-users-locked-only = solo bloqueados
console-users-none = Ningún usuario coincide.

console-user-changing-to = (cambiando a { $email })
console-user-confirmed = dirección confirmada
console-user-unconfirmed = dirección sin confirmar
console-user-joined = alta el { $when }
console-user-locked-since = bloqueado desde el { $when }
console-user-roles = Roles de la plataforma:
console-user-roles-none = ninguno
console-user-lock = Bloquear la cuenta
console-user-lock-explain = Se cerrarán todas las sesiones de { $email } y no podrá iniciar sesión hasta que se desbloquee la cuenta.
console-user-lock-confirm = Sí, bloquear la cuenta
console-user-unlock = Desbloquear la cuenta
console-user-reset = Forzar el cambio de contraseña
console-user-reset-explain = Se cierran sus sesiones y se envía a { $email } un enlace para elegir una contraseña nueva.
console-user-reset-confirm = Sí, restablecer la contraseña
console-user-verify = Marcar la dirección como confirmada
console-user-resend = Reenviar el correo de confirmación
console-user-being-deleted = eliminándose
console-user-sessions = Sesiones
console-session-last-seen = Última actividad
console-session-started = Inicio
console-session-ip = IP
console-session-browser = Navegador
console-session-end = Cerrar
console-session-none = No hay sesiones activas.
console-session-end-all = Cerrar todas las sesiones
console-user-roles-heading = Roles de la plataforma
console-role-grant-label = Conceder
console-role-grant = Conceder el rol
console-role-take-label = Quitar
console-role-revoke = Quitar el rol
console-user-delete-heading = Eliminar esta cuenta
console-user-delete-explain = Elimina la cuenta, sus sesiones y membresías, y los espacios de los que es el único propietario. Un espacio suyo con otros miembros debe pasar antes a otro propietario.
console-user-delete = Eliminar la cuenta
console-user-history = Historial de la consola

console-workspaces-search = Buscar espacios
console-workspaces-suspended-only = solo suspendidos
console-workspaces-none = Ningún espacio coincide.

console-ws-created = creado el { $when }
console-ws-usage = Uso: { $members ->
        [one] { $members } persona
       *[other] { $members } personas
    }, { $expenses ->
        [one] { $expenses } gasto añadido
       *[other] { $expenses } gastos añadidos
    } este mes.
console-ws-plan = Plan:
console-ws-stripe-status = Stripe: { $status }
console-ws-paid-until = pagado hasta el { $day }
console-ws-customer = cliente { $customer }
console-ws-billing-off = La facturación está desactivada en esta instancia.
console-plan-state-free = gratuito
console-plan-state-active = activo
console-plan-state-grace = periodo de gracia
console-plan-state-lapsed = vencido
console-ws-support = Acceso de soporte:
console-ws-support-until = concedido por el propietario hasta el { $day }
console-ws-support-view = Ver como lector
console-ws-support-recorded = (queda anotado en el registro del espacio)
console-ws-support-none = no concedido (el propietario puede concederlo en los ajustes del espacio)
console-ws-unsuspend = Levantar la suspensión
console-ws-suspend = Suspender
console-ws-suspend-explain = Sus miembros podrán consultar «{ $name }», pero no cambiar nada, hasta que levantes la suspensión.
console-ws-suspend-confirm = Sí, suspenderlo
console-role-of = Rol de { $name }
console-change-role = Cambiar el rol
console-make-owner = Hacer propietario
console-remove = Quitar
console-remove-confirm = Sí, quitar a { $name }
console-ws-delete-heading = Eliminar este espacio
console-ws-delete-explain = Elimina el espacio y todo su contenido para todos sus miembros (su suscripción en Stripe termina). No se puede deshacer.
console-ws-type-name = Escribe <strong>{ $name }</strong>
console-ws-delete = Eliminar el espacio

console-support-view = vista de soporte
console-support-view-notice = Solo lectura, concedida por el propietario hasta el { $day }. Esta consulta queda anotada en el registro del espacio.
console-support-latest = Últimos gastos
console-support-expenses = { $count ->
        [one] { $count } gasto
       *[other] { $count } gastos
    }, { $total } en total.
console-date = Fecha
console-description = Descripción
console-amount = Importe
console-support-no-expenses = No hay gastos.

console-billing-off = La facturación está desactivada en esta instancia (no hay clave de Stripe): todos los espacios tienen todas las funciones.
console-billing-all = Todas las suscripciones
console-billing-failed = Pagos fallidos
console-billing-reconcile = Conciliar con Stripe ahora
console-billing-workspace = Espacio
console-billing-plan = Plan
console-billing-status = Estado en Stripe
console-billing-paid-until = Pagado hasta
console-billing-grace-until = Gracia hasta
console-billing-customer = Cliente / suscripción
console-billing-synced = Sincronizado
console-billing-free = gratuito
console-billing-never = nunca
console-billing-none = No hay cuentas de facturación.
console-billing-none-failed = No hay cuentas de facturación con pagos fallidos.

console-jobs-heading = Tareas en segundo plano
console-jobs-waiting = { $count ->
        [one] { $count } tarea en espera, en curso o pendiente de reintento.
       *[other] { $count } tareas en espera, en curso o pendientes de reintento.
    }
console-jobs-state = Estado
console-jobs-count = Tareas
console-jobs-queue-empty = La cola está vacía.
console-jobs-failed-heading = Tareas fallidas
console-jobs-failed-help = Tareas que fallaron en todos los intentos. «Reintentar» vuelve a ponerla en la cola con nuevos intentos; «Descartar» la elimina para siempre.
console-jobs-job = Tarea
console-jobs-attempts = Intentos
console-jobs-error = Error
console-jobs-retry = Reintentar
console-jobs-discard = Descartar
console-jobs-discard-confirm = Sí, descartarla
console-jobs-none = No hay tareas fallidas.

console-audit-heading = Registro de la plataforma
console-audit-action = Acción
console-audit-action-example = user.locked
console-audit-target = Objetivo
console-audit-target-example = user:<id>
console-audit-when = Cuándo
console-audit-who = Quién
console-audit-from = Desde
console-audit-what = Qué
console-audit-change = Antes → después
console-audit-none = Nada registrado.

# Las respuestas de las acciones.
console-done-locked = { $email } está bloqueado; sus sesiones se cerraron.
console-done-unlocked = { $email } está desbloqueado.
console-done-session-ended = La sesión se cerró.
console-done-sessions-ended = { $count ->
        [one] Se cerró { $count } sesión.
       *[other] Se cerraron { $count } sesiones.
    }
console-done-reset-sent = Se envió a { $email } un enlace para restablecer la contraseña.
console-done-confirmed = { $email } está confirmada.
console-done-confirmation-sent = Se envió a { $email } un nuevo enlace de confirmación.
console-done-role-granted = { $email } ahora es { $role }.
console-done-role-revoked = { $email } ya no es { $role }.
console-done-account-deleted = La cuenta { $email } está eliminada.
console-done-suspended = «{ $name }» está suspendido: sus miembros solo pueden consultarlo.
console-done-unsuspended = «{ $name }» ya no está suspendido.
console-done-member-role = { $email } ahora es { $role }.
console-done-member-removed = Se quitó a { $email }.
console-done-workspace-deleting = «{ $name }» se está eliminando.
console-done-reconcile-queued = La conciliación con Stripe está en cola; las correcciones aparecerán aquí y en el registro de cada espacio.
console-done-job-retried = La tarea { $id } se reintenta.
console-done-job-discarded = La tarea { $id } se descartó.
console-job-not-found = Ninguna tarea fallida tiene ese identificador (puede que ya se haya reintentado o descartado).

# Mensajes de campo que solo ven los operadores (src/i18n/field_messages.rs).
field-console-confirmed-already = ya está confirmada
field-console-locked-already = ya está bloqueada
field-console-password-needed = es necesaria para crear una cuenta nueva (password:...)
field-console-not-locked = no está bloqueada
field-console-last-superadmin-sign-in = es el último superadmin que puede iniciar sesión; haz antes superadmin a otra persona
field-console-last-superadmin = es el último superadmin; haz antes superadmin a otra persona
field-console-platform-role = debe ser superadmin, support o billing
field-console-last-superadmin-demoted = al último superadmin no se le puede quitar el rol; haz antes superadmin a otra persona
field-console-lock-yourself = no puedes bloquear tu propia cuenta
field-console-delete-yourself = no puedes eliminar tu propia cuenta desde la consola
field-console-support-not-granted = el propietario no ha concedido acceso de soporte (puede hacerlo en los ajustes del espacio)
