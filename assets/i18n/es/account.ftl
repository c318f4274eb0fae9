# Registrarse, iniciar sesión, recuperar la cuenta; la página de la cuenta;
# la página de inicio; la página que abre un enlace de invitación.

auth-email = Correo electrónico
auth-password = Contraseña
auth-name = Nombre
auth-login-title = Iniciar sesión
auth-login-submit = Iniciar sesión
auth-forgot-link = ¿Olvidaste tu contraseña?
auth-create-link = Crear una cuenta
auth-login-wrong = El correo o la contraseña no son correctos.
auth-login-unconfirmed = Primero confirma tu dirección de correo: abre el enlace que te enviamos o restablece tu contraseña para recibir uno nuevo.
auth-signup-title = Registrarse
auth-signup-heading = Crea tu cuenta
auth-password-help = Al menos 10 caracteres; unas cuantas palabras sin relación entre sí funcionan bien.
auth-signup-submit = Crear cuenta
auth-have-account = ¿Ya tienes una cuenta?
auth-have-account-login = Inicia sesión
auth-forgot-title = Restablecer tu contraseña
auth-forgot-sent = Si <strong>{ $email }</strong> tiene una cuenta, te llegará un enlace para restablecerla. Funciona una vez, durante 30 minutos.
auth-forgot-submit = Enviarme un enlace
auth-back-to-login = Volver a iniciar sesión
auth-reset-title = Elige una contraseña nueva
auth-reset-invalid = Este enlace para restablecer la contraseña no es válido, ha caducado o ya se usó.
auth-reset-ask-again = Pedir un enlace nuevo
auth-new-password = Contraseña nueva
auth-reset-submit = Guardar contraseña
auth-reset-done = Tu contraseña ha cambiado. Inicia sesión con la nueva.
auth-verified-title = Confirmación del correo
auth-verified-done = Gracias: <strong>{ $email }</strong> está confirmado.
auth-verified-continue = Continuar
auth-verify-invalid = Este enlace de confirmación no es válido, ha caducado o ya se usó. Inicia sesión y pide uno nuevo desde la página de tu cuenta.
auth-verify-taken = Esa dirección ahora pertenece a otra cuenta, así que no se puede usar.
auth-check-mail = Ya casi está: te enviamos un correo a { $email }. Ábrelo para continuar.
auth-logged-out = Has cerrado la sesión.
auth-logged-out-everywhere = { $count ->
    [one] Se cerró 1 sesión en todos los dispositivos.
   *[other] Se cerraron { $count } sesiones en todos los dispositivos.
    }
auth-form-expired = Este formulario ha caducado o no proviene de este sitio. Recarga la página e inténtalo de nuevo.

account-title = Cuenta
account-heading = Tu cuenta
account-profile = Perfil
account-confirmed = (confirmado)
account-not-confirmed = (sin confirmar)
account-pending = Esperando a que confirmes <strong>{ $email }</strong>.
account-send-again = Enviar de nuevo el enlace de confirmación
account-password-heading = Cambiar la contraseña
account-current-password = Contraseña actual
account-new-password = Contraseña nueva
account-password-submit = Cambiar la contraseña
account-password-note = Tus otras sesiones se cierran cuando cambia la contraseña.
account-email-heading = Cambiar el correo
account-new-email = Correo nuevo
account-email-submit = Cambiar el correo
account-email-note = Enviamos un enlace a la nueva dirección; el cambio se hace cuando lo abres.
account-tokens-heading = Tokens de acceso a la API
account-tokens-intro = Para scripts y aplicaciones que usan la API: envía <code>Authorization: Bearer &lt;token&gt;</code> a <code>/api/v1</code>
account-tokens-docs = consulta la documentación de la API
account-token-new = Tu nuevo token «{ $name }». Cópialo ahora: no se volverá a mostrar.
account-token-new-label = El nuevo token
account-token-name = Nombre
account-token-prefix = Empieza por
account-token-state = Estado
account-token-expires = Caduca
account-token-last-used = Último uso
account-token-actions = Acciones
account-token-state-active = activo
account-token-state-revoked = revocado
account-token-state-expired = caducado
account-token-never = nunca
account-token-revoke = Revocar
account-token-placeholder = p. ej. script de importación bancaria
account-token-in-days = en { $days } días
account-token-expiry = Caducidad
account-token-create = Crear token
account-token-revoked = El token «{ $name }» está revocado y ya no funciona.
account-sessions-heading = Sesiones
account-session-device = Dispositivo
account-session-ip = IP
account-session-started = Inicio
account-session-last-seen = Última actividad
account-session-unknown = desconocido
account-session-this = este navegador
account-logout-everywhere = Cerrar sesión en todas partes
account-delete-heading = Eliminar la cuenta
account-delete-intro = Esto elimina tu cuenta y cierra tu sesión en todas partes. Los espacios a los que solo perteneces tú se eliminan con ella; un espacio tuyo que compartes con otros necesita antes un nuevo propietario. No se puede deshacer.
account-delete-refused = No se eliminó: { $reason }.
account-delete-submit = Eliminar mi cuenta
account-password-changed = Contraseña cambiada. Se cerraron tus otras sesiones.
account-email-link-sent = Te enviamos un enlace a { $email }. Tu dirección cambia cuando lo abras.
account-already-confirmed = Tu dirección ya está confirmada.
account-confirmation-sent = Te enviamos un nuevo enlace de confirmación a { $email }.
account-deleted = Tu cuenta y sus datos se han eliminado.

home-title = Inicio
home-hello = Hola, { $name }
home-confirm = Confirma <strong>{ $email }</strong>: abre el enlace que te enviamos, o
home-confirm-link = pide uno nuevo
home-your-workspaces = Tus espacios
home-create-another = Crear otro espacio
home-start = Empieza creando un espacio para tu hogar o tu equipo.
home-create = Crear un espacio
home-tagline = Controla lo que gasta tu hogar o tu equipo: gastos compartidos, presupuestos y recibos, en tu propio servidor.
home-sign-up = Crear una cuenta
home-log-in = Iniciar sesión

invitation-title = Invitación
invitation-text = { $inviter } invitó a <strong>{ $email }</strong> a unirse a <strong>{ $workspace }</strong> como { $role }.
invitation-log-in-first = Inicia sesión o crea una cuenta con <strong>{ $email }</strong> para aceptar.
invitation-log-in = Iniciar sesión
invitation-sign-up = Registrarse
invitation-wrong-account = Has iniciado sesión como { $current }, pero esta invitación es para { $email }. Cierra la sesión e inicia sesión con esa dirección para aceptarla.
invitation-join = Unirse a { $workspace }
invitation-unknown = Este enlace de invitación no es válido. Pide uno nuevo.
invitation-used = Esta invitación ya se usó.
invitation-revoked = Esta invitación fue revocada.
invitation-expired = Esta invitación ha caducado; pide una nueva.
invitation-joined = Te has unido a { $workspace }.
throttle-attempts = Demasiados intentos; vuelve a intentarlo dentro de { $unit ->
        [seconds] { $count } segundos
       *[minutes] { $count } minutos
    }.
throttle-verification = Se ha enviado un enlace de confirmación demasiadas veces; podrás pedir otro dentro de { $unit ->
        [seconds] { $count } segundos
       *[minutes] { $count } minutos
    }.
throttle-invitation = Esta invitación se ha enviado demasiadas veces; podrás reenviarla dentro de { $unit ->
        [seconds] { $count } segundos
       *[minutes] { $count } minutos
    }.
throttle-password-field = se ha probado demasiadas veces; vuelve a intentarlo dentro de { $wait }
throttle-seconds = { $count } segundos
throttle-minutes = { $count } minutos
