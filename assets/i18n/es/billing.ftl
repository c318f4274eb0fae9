# La página de facturación.

billing-page-confirming = Gracias. Stripe está confirmando el pago; esta página muestra el nuevo plan en cuanto Stripe nos avisa (normalmente en unos segundos).
billing-page-refresh = Actualizar
billing-page-plan = Plan { $name }
billing-page-paid = pagado
billing-page-paid-until = pagado hasta el { $date }
billing-page-then-ends = después termina (cancelado)
billing-page-grace = falló un pago; se mantiene hasta el { $date }
billing-page-lapsed = el plan { $plan } no está pagado; se aplican los límites del plan gratuito
billing-page-limit = Límite
billing-page-used = Usado
billing-page-allowed = Permitido
billing-page-people = Personas en el espacio (cuentan las invitaciones pendientes)
billing-page-expenses-month = Gastos añadidos este mes
billing-page-history = Historial que puedes ampliar o cambiar
billing-page-storage = Almacenamiento de recibos
billing-page-no-limit = sin límite
billing-page-months = { $count ->
        [one] { $count } mes
       *[other] { $count } meses
    }
billing-page-all = todo
billing-page-mb = { $count } MB
billing-page-nothing-removed = Al pasar un límite no se elimina nada: lo que guardaste sigue visible; solo lo nuevo espera a una mejora de plan.
billing-page-portal = Métodos de pago, facturas y cancelación
billing-page-plans = Planes
billing-page-up-to-people = Hasta { $count } personas
billing-page-any-people = Cualquier número de personas
billing-page-expenses-a-month = { $count } gastos nuevos al mes
billing-page-unlimited-expenses = Gastos ilimitados
billing-page-history-months = { $count ->
        [one] { $count } mes de historial editable
       *[other] { $count } meses de historial editable
    }
billing-page-all-history = Todo tu historial
billing-page-receipts-mb = { $count } MB de recibos
billing-page-unlimited-receipts = Recibos ilimitados
billing-page-your-plan = Tu plan
billing-page-pay-monthly = Pagar al mes
billing-page-pay-yearly = Pagar al año
billing-page-change-in-portal = Cambia de plan en el portal de facturación.
billing-page-owner-only = Solo el propietario del espacio puede cambiar el plan.
