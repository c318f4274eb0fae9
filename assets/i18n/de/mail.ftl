# Alle Mails der App, in der Sprache der Empfänger.

mail-hello = Hallo { $name },
mail-hello-anyone = Hallo,
mail-ignore = Wenn du das nicht warst, kannst du diese Mail ignorieren.

mail-verify-subject = Bestätige deine E-Mail-Adresse für SmartExpense
mail-verify-text = Willkommen bei SmartExpense. Bitte bestätige deine E-Mail-Adresse, indem du diesen Link öffnest:
mail-verify-html = Willkommen bei SmartExpense. Bitte bestätige deine E-Mail-Adresse:
mail-verify-button = Meine Adresse bestätigen
mail-verify-expiry = Der Link funktioniert 48 Stunden lang. Wenn du dich nicht registriert hast, kannst du diese Mail ignorieren.

mail-reset-subject = Setze dein SmartExpense-Passwort zurück
mail-reset-text = Jemand möchte das Passwort deines SmartExpense-Kontos zurücksetzen. Um ein neues Passwort zu wählen, öffne diesen Link:
mail-reset-html = Jemand möchte das Passwort deines SmartExpense-Kontos zurücksetzen.
mail-reset-button = Neues Passwort wählen
mail-reset-expiry = Der Link funktioniert einmal, 30 Minuten lang. Wenn du das nicht warst, ignoriere diese Mail; dein Passwort bleibt, wie es ist.

mail-new-email-subject = Bestätige deine neue E-Mail-Adresse für SmartExpense
mail-new-email-text = Du möchtest { $email } für dein SmartExpense-Konto verwenden. Zum Bestätigen öffne diesen Link:
mail-new-email-html = Du möchtest { $email } für dein SmartExpense-Konto verwenden.
mail-new-email-button = Neue Adresse bestätigen
mail-new-email-until = Bis dahin behält dein Konto seine bisherige Adresse. Der Link funktioniert 48 Stunden lang.

mail-taken-subject = Jemand wollte sich mit deiner Adresse bei SmartExpense registrieren
mail-taken-body = Jemand, vielleicht du, wollte mit dieser Adresse ein SmartExpense-Konto anlegen. Sie hat schon ein Konto, daher wurde nichts angelegt oder geändert.
mail-taken-login-text = Zum Anmelden: { $link }
mail-taken-forgot-text = Passwort vergessen? Wähle ein neues: { $link }
mail-taken-login = Anmelden
mail-taken-forgot = Neues Passwort wählen

mail-invitation-subject = { $inviter } hat dich zu { $workspace } bei SmartExpense eingeladen
mail-invitation-text = { $inviter } hat dich eingeladen, „{ $workspace }“ bei SmartExpense als { $role } beizutreten.
mail-invitation-html = { $inviter } hat dich eingeladen, <strong>{ $workspace }</strong> bei SmartExpense als { $role } beizutreten.
mail-invitation-how-text = Zum Annehmen öffne diesen Link und melde dich mit dieser Adresse ({ $email }) an oder registriere dich damit:
mail-invitation-button = Einladung annehmen
mail-invitation-how-html = Melde dich mit dieser Adresse ({ $email }) an oder registriere dich damit.
mail-invitation-expiry = Der Link funktioniert einmal, 7 Tage lang. Wenn du damit nicht gerechnet hast, ignoriere diese Mail.

mail-payment-subject = Zahlung für { $workspace } bei SmartExpense fehlgeschlagen
mail-payment-text = Stripe konnte die Zahlung für den Tarif { $plan } von „{ $workspace }“ nicht einziehen (Rechnung { $invoice }).
mail-payment-html = Stripe konnte die Zahlung für den Tarif { $plan } von <strong>{ $workspace }</strong> nicht einziehen (Rechnung { $invoice }).
mail-payment-paid-plan = kostenpflichtig
mail-payment-grace = Der Bereich behält den Tarif { $plan } bis { $until }, während Stripe es erneut versucht. Danach gelten die Grenzen des kostenlosen Tarifs, bis eine Zahlung gelingt; nichts Gespeichertes wird entfernt.
mail-payment-no-grace = Bis eine Zahlung gelingt, gelten die Grenzen des kostenlosen Tarifs; nichts Gespeichertes wird entfernt.
mail-payment-update-text = Um die Zahlungsmethode zu aktualisieren, öffne die Abrechnungsseite:
mail-payment-update = Zahlungsmethode aktualisieren

mail-alert-title-reached = { $budget } hat { $percent } % erreicht
mail-alert-title-over = { $budget } steht bei { $percent } % des Limits
mail-alert-in-text = { $title } in „{ $workspace }“.
mail-alert-in-html = <strong>{ $title }</strong> in „{ $workspace }“.
mail-alert-body = { $spent } von { $limit } ausgegeben für { $period ->
    [week] die Woche
    [quarter] das Quartal
    [year] das Jahr
   *[month] den Monat
    } ab { $start }.
mail-alert-see-text = Zu deinen Budgets: { $link }
mail-alert-see = Zu deinen Budgets
mail-alert-why-text = Du bekommst diese Mail, weil Budget-Warnungen in diesem Bereich für dich eingeschaltet sind. Unter Benachrichtigungen kannst du sie ausschalten: { $link }
mail-alert-why-html = Du bekommst diese Mail, weil Budget-Warnungen in diesem Bereich für dich eingeschaltet sind.
mail-alert-off = Ausschalten

mail-week-subject = [{ $workspace }] Deine Woche: { $total } ausgegeben
mail-week-text = In „{ $workspace }“ in der Woche vom { $start } bis { $end }: { $total } ausgegeben in { $count ->
    [one] 1 Ausgabe
   *[other] { $count } Ausgaben
    }.
mail-week-html = In „{ $workspace }“ in der Woche vom { $start } bis { $end }: <strong>{ $total }</strong> ausgegeben in { $count ->
    [one] 1 Ausgabe
   *[other] { $count } Ausgaben
    }.
mail-week-uncategorised = Ohne Kategorie
mail-week-budget = Budget { $name }: { $spent } von { $limit } ({ $percent })
mail-week-percent = { $percent } %
mail-week-over = überschritten
mail-week-dashboard-text = Übersicht: { $link }
mail-week-dashboard = Übersicht öffnen
mail-week-why-text = Du hast diese Wochenübersicht bestellt. Unter Benachrichtigungen kannst du sie abbestellen: { $link }
mail-week-why-html = Du hast diese Wochenübersicht bestellt.
mail-week-off = Abbestellen
