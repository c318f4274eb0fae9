# The development mailbox (/_dev/mail): mail the app wrote to a folder
# instead of sending it.

mailbox-title = Mailbox
mailbox-intro = Development only: mail the app wrote to <code>{ $folder }</code> instead of sending it. Newest first.
mailbox-date = Date
mailbox-to = To
mailbox-subject = Subject
mailbox-empty = No mail yet.
mailbox-to-field = To:
mailbox-date-field = Date:
