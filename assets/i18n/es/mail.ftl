# Todos los correos de la aplicación, en el idioma de quien los recibe.

mail-hello = Hola, { $name }:
mail-hello-anyone = Hola:
mail-ignore = Si no fuiste tú, puedes ignorar este correo.

mail-verify-subject = Confirma tu dirección de correo para SmartExpense
mail-verify-text = Te damos la bienvenida a SmartExpense. Confirma tu dirección de correo abriendo este enlace:
mail-verify-html = Te damos la bienvenida a SmartExpense. Confirma tu dirección de correo:
mail-verify-button = Confirmar mi dirección
mail-verify-expiry = El enlace funciona durante 48 horas. Si no te registraste, puedes ignorar este correo.

mail-reset-subject = Restablece tu contraseña de SmartExpense
mail-reset-text = Alguien pidió restablecer la contraseña de tu cuenta de SmartExpense. Para elegir una contraseña nueva, abre este enlace:
mail-reset-html = Alguien pidió restablecer la contraseña de tu cuenta de SmartExpense.
mail-reset-button = Elegir una contraseña nueva
mail-reset-expiry = El enlace funciona una vez, durante 30 minutos. Si no fuiste tú, ignora este correo; tu contraseña sigue igual.

mail-new-email-subject = Confirma tu nueva dirección de correo para SmartExpense
mail-new-email-text = Pediste usar { $email } para tu cuenta de SmartExpense. Para confirmarlo, abre este enlace:
mail-new-email-html = Pediste usar { $email } para tu cuenta de SmartExpense.
mail-new-email-button = Confirmar la nueva dirección
mail-new-email-until = Hasta entonces, tu cuenta conserva su dirección actual. El enlace funciona durante 48 horas.

mail-taken-subject = Alguien intentó registrarse en SmartExpense con tu dirección
mail-taken-body = Alguien, quizá tú, intentó crear una cuenta de SmartExpense con esta dirección. Ya tiene una cuenta, así que no se creó ni se cambió nada.
mail-taken-login-text = Para iniciar sesión: { $link }
mail-taken-forgot-text = ¿Olvidaste tu contraseña? Elige una nueva: { $link }
mail-taken-login = Iniciar sesión
mail-taken-forgot = Elegir una contraseña nueva

mail-invitation-subject = { $inviter } te invitó a { $workspace } en SmartExpense
mail-invitation-text = { $inviter } te invitó a unirte a «{ $workspace }» en SmartExpense como { $role }.
mail-invitation-html = { $inviter } te invitó a unirte a <strong>{ $workspace }</strong> en SmartExpense como { $role }.
mail-invitation-how-text = Para aceptar, abre este enlace e inicia sesión o regístrate con esta dirección ({ $email }):
mail-invitation-button = Aceptar la invitación
mail-invitation-how-html = Inicia sesión o regístrate con esta dirección ({ $email }).
mail-invitation-expiry = El enlace funciona una vez, durante 7 días. Si no lo esperabas, ignora este correo.

mail-payment-subject = Falló el pago de { $workspace } en SmartExpense
mail-payment-text = Stripe no pudo cobrar el pago del plan { $plan } de «{ $workspace }» (factura { $invoice }).
mail-payment-html = Stripe no pudo cobrar el pago del plan { $plan } de <strong>{ $workspace }</strong> (factura { $invoice }).
mail-payment-paid-plan = de pago
mail-payment-grace = El espacio conserva el plan { $plan } hasta el { $until } mientras Stripe lo vuelve a intentar. Después se aplican los límites del plan gratuito hasta que un pago salga bien; no se elimina nada de lo que guardaste.
mail-payment-no-grace = Hasta que un pago salga bien se aplican los límites del plan gratuito; no se elimina nada de lo que guardaste.
mail-payment-update-text = Para actualizar el método de pago, abre la página de facturación:
mail-payment-update = Actualizar el método de pago

mail-alert-title-reached = { $budget } ha llegado al { $percent } %
mail-alert-title-over = { $budget } está al { $percent } % de su límite
mail-alert-in-text = { $title } en «{ $workspace }».
mail-alert-in-html = <strong>{ $title }</strong> en «{ $workspace }».
mail-alert-body = { $spent } gastados de { $limit } en { $period ->
    [week] la semana
    [quarter] el trimestre
    [year] el año
   *[month] el mes
    } que empieza el { $start }.
mail-alert-see-text = Ver tus presupuestos: { $link }
mail-alert-see = Ver tus presupuestos
mail-alert-why-text = Recibes este correo porque tienes activadas las alertas de presupuesto en este espacio. Desactívalas en Notificaciones: { $link }
mail-alert-why-html = Recibes este correo porque tienes activadas las alertas de presupuesto en este espacio.
mail-alert-off = Desactivarlas

mail-week-subject = [{ $workspace }] Tu semana: { $total } gastados
mail-week-text = En «{ $workspace }», la semana del { $start } al { $end }: { $total } gastados en { $count ->
    [one] 1 gasto
   *[other] { $count } gastos
    }.
mail-week-html = En «{ $workspace }», la semana del { $start } al { $end }: <strong>{ $total }</strong> gastados en { $count ->
    [one] 1 gasto
   *[other] { $count } gastos
    }.
mail-week-uncategorised = Sin categoría
mail-week-budget = Presupuesto { $name }: { $spent } de { $limit } ({ $percent })
mail-week-percent = { $percent } %
mail-week-over = superado
mail-week-dashboard-text = Panel: { $link }
mail-week-dashboard = Abrir el panel
mail-week-why-text = Pediste este resumen semanal. Desactívalo en Notificaciones: { $link }
mail-week-why-html = Pediste este resumen semanal.
mail-week-off = Desactivarlo
