# Registrieren, Anmelden, Konto wiederherstellen; die Kontoseite; die
# Startseite; die Seite, die ein Einladungslink öffnet.

auth-email = E-Mail
auth-password = Passwort
auth-name = Name
auth-login-title = Anmelden
auth-login-submit = Anmelden
auth-forgot-link = Passwort vergessen?
auth-create-link = Konto erstellen
auth-login-wrong = E-Mail oder Passwort ist falsch.
auth-login-unconfirmed = Bestätige zuerst deine E-Mail-Adresse: Öffne den Link, den wir dir geschickt haben, oder setze dein Passwort zurück, um einen neuen zu bekommen.
auth-signup-title = Registrieren
auth-signup-heading = Erstelle dein Konto
auth-password-help = Mindestens 10 Zeichen; ein paar Wörter, die nichts miteinander zu tun haben, sind gut.
auth-signup-submit = Konto erstellen
auth-have-account = Du hast schon ein Konto?
auth-have-account-login = Anmelden
auth-forgot-title = Passwort zurücksetzen
auth-forgot-sent = Falls <strong>{ $email }</strong> ein Konto hat, ist ein Link zum Zurücksetzen unterwegs. Er funktioniert einmal, 30 Minuten lang.
auth-forgot-submit = Link zum Zurücksetzen schicken
auth-back-to-login = Zurück zur Anmeldung
auth-reset-title = Neues Passwort wählen
auth-reset-invalid = Dieser Link zum Zurücksetzen ist ungültig, abgelaufen oder schon benutzt.
auth-reset-ask-again = Neuen Link anfordern
auth-new-password = Neues Passwort
auth-reset-submit = Passwort speichern
auth-reset-done = Dein Passwort ist geändert. Melde dich mit dem neuen an.
auth-verified-title = E-Mail-Bestätigung
auth-verified-done = Danke: <strong>{ $email }</strong> ist bestätigt.
auth-verified-continue = Weiter
auth-verify-invalid = Dieser Bestätigungslink ist ungültig, abgelaufen oder schon benutzt. Melde dich an und fordere auf deiner Kontoseite einen neuen an.
auth-verify-taken = Diese Adresse gehört inzwischen zu einem anderen Konto und kann nicht verwendet werden.
auth-check-mail = Fast geschafft: Wir haben eine Mail an { $email } geschickt. Öffne sie, um weiterzumachen.
auth-logged-out = Du bist abgemeldet.
auth-logged-out-everywhere = { $count ->
    [one] Von 1 Sitzung auf allen Geräten abgemeldet.
   *[other] Von { $count } Sitzungen auf allen Geräten abgemeldet.
    }
auth-form-expired = Dieses Formular ist abgelaufen oder stammt nicht von dieser Seite. Lade die Seite neu und versuche es noch einmal.

account-title = Konto
account-heading = Dein Konto
account-profile = Profil
account-confirmed = (bestätigt)
account-not-confirmed = (noch nicht bestätigt)
account-pending = Wartet auf deine Bestätigung von <strong>{ $email }</strong>.
account-send-again = Bestätigungslink noch einmal schicken
account-password-heading = Passwort ändern
account-current-password = Aktuelles Passwort
account-new-password = Neues Passwort
account-password-submit = Passwort ändern
account-password-note = Deine anderen Sitzungen werden abgemeldet, wenn sich das Passwort ändert.
account-email-heading = E-Mail ändern
account-new-email = Neue E-Mail
account-email-submit = E-Mail ändern
account-email-note = Wir schicken einen Link an die neue Adresse; die Änderung gilt, sobald du ihn öffnest.
account-tokens-heading = API-Zugangstoken
account-tokens-intro = Für Skripte und Apps, die die API nutzen: Sende <code>Authorization: Bearer &lt;token&gt;</code> an <code>/api/v1</code>
account-tokens-docs = siehe die API-Dokumentation
account-token-new = Dein neues Token „{ $name }“. Kopiere es jetzt: Es wird nicht noch einmal angezeigt.
account-token-new-label = Das neue Token
account-token-name = Name
account-token-prefix = Beginnt mit
account-token-state = Status
account-token-expires = Läuft ab
account-token-last-used = Zuletzt benutzt
account-token-actions = Aktionen
account-token-state-active = aktiv
account-token-state-revoked = widerrufen
account-token-state-expired = abgelaufen
account-token-never = nie
account-token-revoke = Widerrufen
account-token-placeholder = z. B. Skript für den Bankimport
account-token-in-days = in { $days } Tagen
account-token-expiry = Ablauf
account-token-create = Token erstellen
account-token-revoked = Das Token „{ $name }“ ist widerrufen und funktioniert nicht mehr.
account-sessions-heading = Sitzungen
account-session-device = Gerät
account-session-ip = IP
account-session-started = Begonnen
account-session-last-seen = Zuletzt aktiv
account-session-unknown = unbekannt
account-session-this = dieser Browser
account-logout-everywhere = Überall abmelden
account-delete-heading = Konto löschen
account-delete-intro = Damit löschst du dein Konto und wirst überall abgemeldet. Bereiche, zu denen nur du gehörst, werden mit gelöscht; ein Bereich, den du mit anderen teilst und dir gehört, braucht zuerst einen neuen Eigentümer. Das lässt sich nicht rückgängig machen.
account-delete-refused = Nicht gelöscht: { $reason }.
account-delete-submit = Mein Konto löschen
account-password-changed = Passwort geändert. Deine anderen Sitzungen wurden abgemeldet.
account-email-link-sent = Wir haben einen Link an { $email } geschickt. Deine Adresse ändert sich, sobald du ihn öffnest.
account-already-confirmed = Deine Adresse ist schon bestätigt.
account-confirmation-sent = Wir haben einen neuen Bestätigungslink an { $email } geschickt.
account-deleted = Dein Konto und seine Daten sind gelöscht.

home-title = Start
home-hello = Hallo, { $name }
home-confirm = Bitte bestätige <strong>{ $email }</strong>: Öffne den Link, den wir dir geschickt haben, oder
home-confirm-link = lass dir einen neuen schicken
home-your-workspaces = Deine Bereiche
home-create-another = Weiteren Bereich anlegen
home-start = Lege zuerst einen Bereich für deinen Haushalt oder dein Team an.
home-create = Bereich anlegen
home-tagline = Behalte im Blick, was dein Haushalt oder Team ausgibt: geteilte Kosten, Budgets und Belege, auf deinem eigenen Server.
home-sign-up = Konto erstellen
home-log-in = Anmelden

invitation-title = Einladung
invitation-text = { $inviter } hat <strong>{ $email }</strong> eingeladen, <strong>{ $workspace }</strong> als { $role } beizutreten.
invitation-log-in-first = Melde dich mit <strong>{ $email }</strong> an oder erstelle ein Konto damit, um anzunehmen.
invitation-log-in = Anmelden
invitation-sign-up = Registrieren
invitation-wrong-account = Du bist als { $current } angemeldet, aber diese Einladung ist für { $email }. Melde dich ab und mit dieser Adresse an, um sie anzunehmen.
invitation-join = { $workspace } beitreten
invitation-unknown = Dieser Einladungslink ist ungültig. Bitte um einen neuen.
invitation-used = Diese Einladung wurde schon angenommen.
invitation-revoked = Diese Einladung wurde zurückgezogen.
invitation-expired = Diese Einladung ist abgelaufen; bitte um eine neue.
invitation-joined = Du bist { $workspace } beigetreten.
throttle-attempts = Zu viele Versuche; versuche es in { $unit ->
        [seconds] { $count } Sekunden
       *[minutes] { $count } Minuten
    } noch einmal.
throttle-verification = Ein Bestätigungslink wurde zu oft gesendet; du kannst in { $unit ->
        [seconds] { $count } Sekunden
       *[minutes] { $count } Minuten
    } einen neuen anfordern.
throttle-invitation = Diese Einladung wurde zu oft gesendet; du kannst sie in { $unit ->
        [seconds] { $count } Sekunden
       *[minutes] { $count } Minuten
    } erneut senden.
throttle-password-field = wurde zu oft versucht; versuche es in { $wait } noch einmal
throttle-seconds = { $count } Sekunden
throttle-minutes = { $count } Minuten
