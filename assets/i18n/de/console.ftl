# Die Konsole der Betreiber (/admin): ihre Seiten und die Antworten ihrer
# Aktionen. Plattformrollen (superadmin, support, billing), Job-Status,
# Stripe-Status und Protokoll-Codes erscheinen so, wie sie gespeichert sind.

console-title = Konsole
console-nav-label = Konsole
console-nav-overview = Übersicht
console-nav-users = Konten
console-nav-workspaces = Bereiche
console-nav-billing = Abrechnung
console-nav-jobs = Jobs
console-nav-audit = Protokoll

console-pages = Seiten
console-previous = Zurück
console-next = Weiter
console-page-of = Seite { $page } von { $pages } ({ $total })
console-in-all = { $total } insgesamt.

console-actions = Aktionen
console-name = Name
console-email = E-Mail
console-role = Rolle
console-state = Status
console-kind = Art
console-currency = Währung
console-created = Erstellt
console-joined = Registriert
console-members = Mitglieder
console-search = Suchen
console-filter = Filtern
console-none = Keine.
console-nothing-yet = Noch nichts.
console-your-password = Dein Passwort
console-password-to-confirm = Dein Passwort, zur Bestätigung
console-state-active = aktiv
console-state-locked = gesperrt
console-state-unconfirmed = unbestätigt
console-state-suspended = gesperrt

console-count-users = Konten
console-count-workspaces = Bereiche
console-count-subscriptions = Aktive Abos
console-count-jobs-waiting = Wartende Jobs
console-count-jobs-failed = Fehlgeschlagene Jobs
console-signups-heading = Registrierungen pro Tag
console-signups-day = Tag
console-signups-count = Registrierungen
console-signups-share = Anteil
console-signups-bar = { $count ->
        [one] { $count } Registrierung
       *[other] { $count } Registrierungen
    }

console-users-search = Konten suchen
console-users-search-placeholder = Name oder E-Mail
console-users-locked-only = nur gesperrte
console-users-none = Keine passenden Konten.

console-user-changing-to = (wechselt zu { $email })
console-user-confirmed = Adresse bestätigt
console-user-unconfirmed = Adresse nicht bestätigt
console-user-joined = registriert am { $when }
console-user-locked-since = gesperrt seit { $when }
console-user-roles = Plattformrollen:
console-user-roles-none = keine
console-user-lock = Konto sperren
console-user-lock-explain = { $email } wird überall abgemeldet und kann sich erst wieder anmelden, wenn das Konto entsperrt ist.
console-user-lock-confirm = Ja, Konto sperren
console-user-unlock = Konto entsperren
console-user-reset = Passwort zurücksetzen erzwingen
console-user-reset-explain = Alle Sitzungen enden, und { $email } bekommt per Mail einen Link, um ein neues Passwort zu wählen.
console-user-reset-confirm = Ja, Passwort zurücksetzen
console-user-verify = Adresse als bestätigt markieren
console-user-resend = Bestätigungsmail erneut senden
console-user-being-deleted = wird gelöscht
console-user-sessions = Sitzungen
console-session-last-seen = Zuletzt aktiv
console-session-started = Begonnen
console-session-ip = IP
console-session-browser = Browser
console-session-end = Beenden
console-session-none = Keine aktiven Sitzungen.
console-session-end-all = Alle Sitzungen beenden
console-user-roles-heading = Plattformrollen
console-role-grant-label = Vergeben
console-role-grant = Rolle vergeben
console-role-take-label = Entziehen
console-role-revoke = Rolle entziehen
console-user-delete-heading = Dieses Konto löschen
console-user-delete-explain = Entfernt das Konto, seine Sitzungen und Mitgliedschaften sowie die Bereiche, die ihm allein gehören. Ein Bereich, der ihm gehört und weitere Mitglieder hat, braucht zuerst einen anderen Eigentümer.
console-user-delete = Konto löschen
console-user-history = Verlauf in der Konsole

console-workspaces-search = Bereiche suchen
console-workspaces-suspended-only = nur gesperrte
console-workspaces-none = Keine passenden Bereiche.

console-ws-created = erstellt am { $when }
console-ws-usage = Nutzung: { $members ->
        [one] { $members } Person
       *[other] { $members } Personen
    }, { $expenses ->
        [one] { $expenses } Ausgabe
       *[other] { $expenses } Ausgaben
    } in diesem Monat hinzugefügt.
console-ws-plan = Tarif:
console-ws-stripe-status = Stripe: { $status }
console-ws-paid-until = bezahlt bis { $day }
console-ws-customer = Kunde { $customer }
console-ws-billing-off = Die Abrechnung ist auf dieser Instanz ausgeschaltet.
console-plan-state-free = kostenlos
console-plan-state-active = aktiv
console-plan-state-grace = Nachfrist
console-plan-state-lapsed = abgelaufen
console-ws-support = Support-Zugang:
console-ws-support-until = vom Eigentümer gewährt bis { $day }
console-ws-support-view = Als Leser ansehen
console-ws-support-recorded = (wird im Protokoll des Bereichs festgehalten)
console-ws-support-none = nicht gewährt (der Eigentümer kann ihn in den Einstellungen des Bereichs gewähren)
console-ws-unsuspend = Sperre aufheben
console-ws-suspend = Sperren
console-ws-suspend-explain = Die Mitglieder können „{ $name }“ dann lesen, aber nichts mehr ändern, bis du die Sperre aufhebst.
console-ws-suspend-confirm = Ja, sperren
console-role-of = Rolle von { $name }
console-change-role = Rolle ändern
console-make-owner = Zum Eigentümer machen
console-remove = Entfernen
console-remove-confirm = Ja, { $name } entfernen
console-ws-delete-heading = Diesen Bereich löschen
console-ws-delete-explain = Entfernt den Bereich mit allem, was darin ist, für alle Mitglieder (sein Abo bei Stripe endet). Das lässt sich nicht rückgängig machen.
console-ws-type-name = Gib <strong>{ $name }</strong> ein
console-ws-delete = Bereich löschen

console-support-view = Support-Ansicht
console-support-view-notice = Nur lesen, vom Eigentümer gewährt bis { $day }. Diese Ansicht wird im Protokoll des Bereichs festgehalten.
console-support-latest = Neueste Ausgaben
console-support-expenses = { $count ->
        [one] { $count } Ausgabe
       *[other] { $count } Ausgaben
    }, insgesamt { $total }.
console-date = Datum
console-description = Beschreibung
console-amount = Betrag
console-support-no-expenses = Keine Ausgaben.

console-billing-off = Die Abrechnung ist auf dieser Instanz ausgeschaltet (kein Stripe-Schlüssel): Jeder Bereich hat alle Funktionen.
console-billing-all = Alle Abos
console-billing-failed = Fehlgeschlagene Zahlungen
console-billing-reconcile = Jetzt mit Stripe abgleichen
console-billing-workspace = Bereich
console-billing-plan = Tarif
console-billing-status = Stripe-Status
console-billing-paid-until = Bezahlt bis
console-billing-grace-until = Nachfrist bis
console-billing-customer = Kunde / Abo
console-billing-synced = Abgeglichen
console-billing-free = kostenlos
console-billing-never = nie
console-billing-none = Keine Abrechnungskonten.
console-billing-none-failed = Keine Abrechnungskonten mit fehlgeschlagenen Zahlungen.

console-jobs-heading = Hintergrund-Jobs
console-jobs-waiting = { $count ->
        [one] { $count } Job wartet, läuft oder ist für einen neuen Versuch fällig.
       *[other] { $count } Jobs warten, laufen oder sind für einen neuen Versuch fällig.
    }
console-jobs-state = Status
console-jobs-count = Jobs
console-jobs-queue-empty = Die Warteschlange ist leer.
console-jobs-failed-heading = Fehlgeschlagene Jobs
console-jobs-failed-help = Jobs, die bei jedem Versuch fehlgeschlagen sind. „Erneut versuchen“ stellt einen mit neuen Versuchen zurück in die Warteschlange; „Verwerfen“ entfernt ihn endgültig.
console-jobs-job = Job
console-jobs-attempts = Versuche
console-jobs-error = Fehler
console-jobs-retry = Erneut versuchen
console-jobs-discard = Verwerfen
console-jobs-discard-confirm = Ja, verwerfen
console-jobs-none = Keine fehlgeschlagenen Jobs.

console-audit-heading = Protokoll der Plattform
console-audit-action = Aktion
console-audit-action-example = user.locked
console-audit-target = Ziel
console-audit-target-example = user:<ID>
console-audit-when = Wann
console-audit-who = Wer
console-audit-from = Von
console-audit-what = Was
console-audit-change = Vorher → nachher
console-audit-none = Nichts festgehalten.

# Die Antworten der Aktionen.
console-done-locked = { $email } ist gesperrt; die Sitzungen sind beendet.
console-done-unlocked = { $email } ist entsperrt.
console-done-session-ended = Die Sitzung ist beendet.
console-done-sessions-ended = { $count ->
        [one] { $count } Sitzung beendet.
       *[other] { $count } Sitzungen beendet.
    }
console-done-reset-sent = Ein Link zum Zurücksetzen des Passworts ging per Mail an { $email }.
console-done-confirmed = { $email } ist bestätigt.
console-done-confirmation-sent = Ein neuer Bestätigungslink ging per Mail an { $email }.
console-done-role-granted = { $email } ist jetzt { $role }.
console-done-role-revoked = { $email } ist nicht mehr { $role }.
console-done-account-deleted = Das Konto { $email } ist gelöscht.
console-done-suspended = „{ $name }“ ist gesperrt: Die Mitglieder können nur noch lesen.
console-done-unsuspended = „{ $name }“ ist nicht mehr gesperrt.
console-done-member-role = { $email } ist jetzt { $role }.
console-done-member-removed = { $email } wurde entfernt.
console-done-workspace-deleting = „{ $name }“ wird gelöscht.
console-done-reconcile-queued = Der Abgleich mit Stripe ist eingeplant; Korrekturen erscheinen hier und im Protokoll des jeweiligen Bereichs.
console-done-job-retried = Job { $id } wird erneut versucht.
console-done-job-discarded = Job { $id } ist verworfen.
console-job-not-found = Kein fehlgeschlagener Job hat diese ID (vielleicht wurde er schon erneut versucht oder verworfen).

# Feldmeldungen, die nur Betreiber sehen (src/i18n/field_messages.rs).
field-console-confirmed-already = ist bereits bestätigt
field-console-locked-already = ist bereits gesperrt
field-console-password-needed = wird gebraucht, um ein neues Konto anzulegen (password:...)
field-console-not-locked = ist nicht gesperrt
field-console-last-superadmin-sign-in = ist der letzte superadmin, der sich anmelden kann; mache zuerst jemand anderen zum superadmin
field-console-last-superadmin = ist der letzte superadmin; mache zuerst jemand anderen zum superadmin
field-console-platform-role = muss superadmin, support oder billing sein
field-console-last-superadmin-demoted = dem letzten superadmin kann die Rolle nicht entzogen werden; mache zuerst jemand anderen zum superadmin
field-console-lock-yourself = du kannst dein eigenes Konto nicht sperren
field-console-delete-yourself = du kannst dein eigenes Konto nicht in der Konsole löschen
field-console-support-not-granted = der Eigentümer hat keinen Support-Zugang gewährt (das geht in den Einstellungen des Bereichs)
