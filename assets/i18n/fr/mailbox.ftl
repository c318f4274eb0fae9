# La boîte de réception de développement (/_dev/mail) : les e-mails que
# l'application a écrits dans un dossier au lieu de les envoyer.

mailbox-title = Boîte de réception
mailbox-intro = En développement uniquement : les e-mails que l'application a écrits dans <code>{ $folder }</code> au lieu de les envoyer. Les plus récents d'abord.
mailbox-date = Date
mailbox-to = À
mailbox-subject = Objet
mailbox-empty = Aucun e-mail pour l'instant.
mailbox-to-field = À :
mailbox-date-field = Date :
