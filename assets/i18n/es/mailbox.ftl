# El buzón de desarrollo (/_dev/mail): los correos que la aplicación
# escribió en una carpeta en lugar de enviarlos.

mailbox-title = Buzón
mailbox-intro = Solo en desarrollo: los correos que la aplicación escribió en <code>{ $folder }</code> en lugar de enviarlos. Los más recientes primero.
mailbox-date = Fecha
mailbox-to = Para
mailbox-subject = Asunto
mailbox-empty = Todavía no hay correos.
mailbox-to-field = Para:
mailbox-date-field = Fecha:
