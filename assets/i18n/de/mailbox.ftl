# Das Postfach der Entwicklung (/_dev/mail): Mails, die die App in einen
# Ordner geschrieben statt verschickt hat.

mailbox-title = Postfach
mailbox-intro = Nur in der Entwicklung: Mails, die die App nach <code>{ $folder }</code> geschrieben statt verschickt hat. Neueste zuerst.
mailbox-date = Datum
mailbox-to = An
mailbox-subject = Betreff
mailbox-empty = Noch keine Mails.
mailbox-to-field = An:
mailbox-date-field = Datum:
