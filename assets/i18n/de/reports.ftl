# Die Berichtsseite und ihr CSV-Download.

report-from = Von
report-to = Bis
report-group-by = Gruppieren nach
report-group = Gruppe
report-grouping = { $group ->
        [category] Kategorie
        [month] Monat
        [week] Woche
        [payee] Empfänger
       *[payer] Zahler
    }
report-show = Anzeigen
report-range = vom { $from } bis { $to }
report-download = Als CSV herunterladen:
report-csv-spreadsheet = für Tabellenkalkulationen
report-csv-plain = einfaches CSV, Komma
report-expenses = Ausgaben
report-total = Summe
report-share = Anteil
report-none = Keine Ausgaben in diesem Zeitraum.
report-csv-group = Gruppe
report-csv-expenses = Ausgaben
report-csv-total = Summe
report-csv-currency = Währung
