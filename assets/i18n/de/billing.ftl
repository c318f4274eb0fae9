# Die Abrechnungsseite.

billing-page-confirming = Danke. Stripe bestätigt die Zahlung; diese Seite zeigt den neuen Tarif, sobald Stripe uns Bescheid gibt (meist innerhalb von Sekunden).
billing-page-refresh = Neu laden
billing-page-plan = Tarif { $name }
billing-page-paid = bezahlt
billing-page-paid-until = bezahlt bis { $date }
billing-page-then-ends = danach endet er (gekündigt)
billing-page-grace = eine Zahlung ist fehlgeschlagen; bleibt bis { $date }
billing-page-lapsed = der Tarif { $plan } ist unbezahlt; es gelten die Grenzen des kostenlosen Tarifs
billing-page-limit = Grenze
billing-page-used = Genutzt
billing-page-allowed = Erlaubt
billing-page-people = Personen im Bereich (offene Einladungen zählen mit)
billing-page-expenses-month = In diesem Monat hinzugefügte Ausgaben
billing-page-history = Zeitraum, in dem du hinzufügen oder ändern kannst
billing-page-storage = Speicher für Belege
billing-page-no-limit = keine Grenze
billing-page-months = { $count ->
        [one] { $count } Monat
       *[other] { $count } Monate
    }
billing-page-all = alles
billing-page-mb = { $count } MB
billing-page-nothing-removed = Über einer Grenze wird nichts entfernt: Was du gespeichert hast, bleibt lesbar; nur Neues wartet auf ein Upgrade.
billing-page-portal = Zahlungsmethoden, Rechnungen und Kündigung
billing-page-plans = Tarife
billing-page-up-to-people = Bis zu { $count } Personen
billing-page-any-people = Beliebig viele Personen
billing-page-expenses-a-month = { $count } neue Ausgaben pro Monat
billing-page-unlimited-expenses = Unbegrenzte Ausgaben
billing-page-history-months = { $count ->
        [one] { $count } Monat Verlauf zum Bearbeiten
       *[other] { $count } Monate Verlauf zum Bearbeiten
    }
billing-page-all-history = Dein gesamter Verlauf
billing-page-receipts-mb = { $count } MB für Belege
billing-page-unlimited-receipts = Unbegrenzte Belege
billing-page-your-plan = Dein Tarif
billing-page-pay-monthly = Monatlich zahlen
billing-page-pay-yearly = Jährlich zahlen
billing-page-change-in-portal = Den Tarif wechselst du im Abrechnungsportal.
billing-page-owner-only = Nur der Eigentümer des Bereichs kann den Tarif ändern.
