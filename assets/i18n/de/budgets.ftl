# Die Budgetseite und die Benachrichtigungen.

budget-intro = Eine Grenze pro Woche, Monat, Quartal oder Jahr, für alles, eine Kategorie oder den Anteil eines Mitglieds. Wer möchte, bekommt eine Mail, wenn die Ausgaben eine Schwelle erreichen, einmal pro Zeitraum.
budget-budget = Budget
budget-this-period = Dieser Zeitraum
budget-spent = Ausgegeben
budget-left = Übrig
budget-actions = Aktionen
budget-per-period = { $amount } pro { $period ->
        [week] Woche
        [month] Monat
        [quarter] Quartal
       *[year] Jahr
    }
budget-period = { $period ->
        [week] Woche
        [month] Monat
        [quarter] Quartal
       *[year] Jahr
    }
budget-members-share = Anteil von { $name }
budget-rolls-over = wird übertragen
budget-alerts-at = Hinweis bei
budget-percent = { $value } %
budget-percent-of = { $percent } % von { $limit }
budget-over-of = überschritten, Grenze { $limit }
budget-carried = ({ $amount } übertragen)
budget-delete = Löschen
budget-none = Noch keine Budgets.
budget-set-title = Budget festlegen
budget-name = Name
budget-limit-in = Grenze ({ $currency })
budget-limit = Grenze
budget-per = Pro
budget-period-label = Zeitraum
budget-category = Kategorie
budget-everything = Alles
budget-whose = Wessen Ausgaben
budget-everyones = Alle zusammen
budget-member = Mitglied
budget-alert-at = Hinweis bei (%)
budget-thresholds-help = Aufsteigend, 1 bis 1000, z. B. 50, 80, 100.
budget-thresholds = Schwellen
budget-rollover = Was übrig bleibt (oder überzogen ist), in den nächsten Zeitraum übertragen
budget-submit = Budget festlegen
budget-is-set = Budget „{ $name }“ ist festgelegt.
budget-deleted = Budget „{ $name }“ ist gelöscht.

budget-mark-all-read = Alle als gelesen markieren
budget-new = Neu:
budget-no-notifications = Noch nichts. Hier erscheinen Budget-Hinweise.
budget-mail = Mails aus diesem Bereich
budget-mail-alerts = Eine Mail, wenn ein Budget eine Hinweisschwelle erreicht
budget-mail-weekly = Eine Zusammenfassung der vergangenen Woche, montags früh
budget-save = Speichern
budget-all-read = Alles gelesen.
budget-mail-saved = Deine Mail-Einstellungen sind gespeichert.
