# Audit summaries (the models store them in English; see
# `src/i18n/audit_summaries.rs`).

audit-expense-added = „{ $description }“ hinzugefügt
audit-expense-changed = „{ $description }“ geändert
audit-deleted = „{ $name }“ gelöscht
audit-expense-restored = „{ $description }“ wiederhergestellt
audit-receipt-attached = „{ $file }“ an „{ $description }“ angehängt
audit-receipt-removed = „{ $file }“ von „{ $description }“ entfernt
audit-imported = { $imported ->
        [one] eine Ausgabe
       *[other] { $imported } Ausgaben
    } aus „{ $file }“ importiert ({ $duplicates ->
        [one] ein Duplikat
       *[other] { $duplicates } Duplikate
    } übersprungen, { $failed ->
        [one] eine Zeile
       *[other] { $failed } Zeilen
    } mit Problemen)
audit-category-created = Kategorie „{ $name }“ angelegt
audit-category-changed = Kategorie „{ $name }“ geändert
audit-category-deleted-uncategorized = Kategorie „{ $name }“ gelöscht; { $count ->
        [one] eine Ausgabe ist
       *[other] { $count } Ausgaben sind
    } jetzt ohne Kategorie
audit-category-deleted = Kategorie „{ $name }“ gelöscht; { $count ->
        [one] eine Ausgabe
       *[other] { $count } Ausgaben
    } nach „{ $target }“ verschoben
audit-budget-added = Budget „{ $name }“ angelegt
audit-budget-changed = Budget „{ $name }“ geändert
audit-budget-deleted = Budget „{ $name }“ gelöscht
audit-recurring-added = „{ $description }“ { $frequency ->
        [daily] täglich
        [weekly] wöchentlich
        [monthly] monatlich
        [yearly] jährlich
       *[other] { $frequency }
    } ab { $date } eingerichtet
audit-recurring-changed = wiederkehrende Ausgabe „{ $description }“ geändert ({ $frequency ->
        [daily] täglich
        [weekly] wöchentlich
        [monthly] monatlich
        [yearly] jährlich
       *[other] { $frequency }
    } ab { $date })
audit-recurring-stopped = wiederkehrende Ausgabe „{ $description }“ beendet
audit-settlement-recorded = { $from } hat { $to } { $amount } { $currency } gezahlt
audit-settlement-deleted = Zahlung vom { $date } gelöscht
audit-member-role = { $email } ist jetzt { $role ->
        [owner] Eigentümer
        [admin] Admin
        [member] Mitglied
        [viewer] Leser
       *[other] { $role }
    } (vorher { $was ->
        [owner] Eigentümer
        [admin] Admin
        [member] Mitglied
        [viewer] Leser
       *[other] { $was }
    })
audit-ownership = Eigentum am Bereich an { $email } übertragen
audit-member-left = { $email } ist ausgetreten
audit-member-removed = { $email } wurde entfernt
audit-invited = { $email } als { $role ->
        [owner] Eigentümer
        [admin] Admin
        [member] Mitglied
        [viewer] Leser
       *[other] { $role }
    } eingeladen
audit-invitation-resent = Einladung an { $email } erneut gesendet
audit-invitation-revoked = Einladung an { $email } zurückgezogen
audit-joined = { $email } ist als { $role ->
        [owner] Eigentümer
        [admin] Admin
        [member] Mitglied
        [viewer] Leser
       *[other] { $role }
    } beigetreten
audit-workspace-created = { $kind ->
        [household] Haushalt
        [team] Team
       *[other] Bereich
    } „{ $name }“ angelegt
audit-workspace-settings = Einstellungen des Bereichs geändert
audit-workspace-delete-asked = Löschen von „{ $name }“ beantragt
audit-archive-restored = Archiv von „{ $name }“ wiederhergestellt ({ $count ->
        [one] eine Ausgabe
       *[other] { $count } Ausgaben
    })
audit-support-granted = dem Support der Website { $hours ->
        [one] eine Stunde
       *[other] { $hours } Stunden
    } lang Lesezugriff auf diesen Bereich gegeben
audit-support-ended = Zugriff des Supports beendet
audit-support-viewed = der Support hat den Bereich angesehen
audit-billing-synced = Abo { $subscription } ist { $status ->
        [active] aktiv
        [trialing] in der Testphase
        [past_due] überfällig
        [unpaid] unbezahlt
        [canceled] gekündigt
        [incomplete] unvollständig
        [incomplete_expired] abgelaufen
        [paused] pausiert
       *[other] { $status }
    } im Tarif { $plan }
audit-billing-gone = Abo { $subscription } gibt es bei Stripe nicht mehr
audit-console-member-role = in „{ $name }“: { $email } ist jetzt { $role ->
        [owner] Eigentümer
        [admin] Admin
        [member] Mitglied
        [viewer] Leser
       *[other] { $role }
    }.
audit-console-member-removed = in „{ $name }“: { $email } wurde entfernt.
audit-console-in = in „{ $name }“: { $done }
audit-suspended = „{ $name }“ gesperrt
audit-unsuspended = Sperre von „{ $name }“ aufgehoben
audit-platform-role-given = { $email } die Rolle { $role } gegeben
audit-platform-role-taken = { $email } die Rolle { $role } entzogen
audit-locked = { $email } gesperrt; { $count ->
        [one] eine Sitzung
       *[other] { $count } Sitzungen
    } beendet
audit-unlocked = { $email } entsperrt
audit-sessions-ended = { $count ->
        [one] eine Sitzung
       *[other] { $count } Sitzungen
    } von { $email } beendet
audit-address-confirmed = Adresse { $email } bestätigt
audit-password-reset-sent = Sitzungen von { $email } beendet und einen Link zum Zurücksetzen gesendet
audit-confirmation-resent = neuen Bestätigungslink an { $email } gesendet
audit-account-deleted = Konto { $email } gelöscht
audit-reconcile-queued = Abgleich mit Stripe eingeplant
audit-job-retried = fehlgeschlagenen Auftrag { $id } erneut versucht
audit-job-discarded = fehlgeschlagenen Auftrag { $id } verworfen
