# The expense pages: the list, adding and editing, receipts.
expense-add-title = Ausgabe hinzufügen
expense-edit-title = Ausgabe bearbeiten
expense-prefilled = Aus dem Beleg ausgefüllt. Prüfe die Werte und speichere dann.
expense-add-button = Ausgabe hinzufügen
expense-receipts-field = Belege
expense-receipts-hint = (optional: Fotos oder PDFs, je bis { $mb } MB)
expense-filter-title = Filtern und sortieren
expense-filter-label = Ausgaben filtern
expense-filter-from = Von
expense-filter-to = Bis
expense-filter-any = Alle
expense-filter-anyone = Alle
expense-filter-search = Suche
expense-filter-search-hint = Beschreibung, Empfänger, Notizen
expense-filter-tag = Schlagwort
expense-filter-min = Min. { $currency }
expense-filter-max = Max. { $currency }
expense-filter-sort = Sortierung
expense-sort = { $sort ->
    [newest] Neueste zuerst
    [oldest] Älteste zuerst
    [largest] Größte zuerst
   *[smallest] Kleinste zuerst
    }
expense-filter-apply = Filtern
expense-filter-clear = Zurücksetzen
expense-filter-field = { $field ->
    [from] Von
    [to] Bis
    [min] Min.
    [max] Max.
    [sort] Sortierung
    [category] Kategorie
    [member] Bezahlt von
    [tag] Schlagwort
    [q] Suche
   *[other] { $field }
    }
expense-filter-invalid = { $field } { $message }; alles wird angezeigt.
expense-deleted = „{ $description }“ gelöscht.
expense-undo = Rückgängig
expense-undo-named = Löschen von { $description } rückgängig machen
expense-count = { $count ->
    [one] Ausgabe
   *[other] Ausgaben
    }
expense-total = Summe
expense-export-csv = Als CSV exportieren
expense-date = Datum
expense-description = Beschreibung
expense-category = Kategorie
expense-paid-by = Bezahlt von
expense-amount = Betrag
expense-actions = Aktionen
expense-none-match = Keine Ausgaben passen zu diesem Filter.
expense-none-yet = Noch keine Ausgaben.
expense-none-yet-add = Noch keine Ausgaben: Füge oben die erste hinzu.
expense-list-label = Ausgaben nach Tag
expense-split = { $method ->
    [equal] Zu gleichen Teilen geteilt:
    [shares] Nach Anteilen geteilt:
    [percent] Nach Prozent geteilt:
   *[exact] Nach genauen Beträgen geteilt:
    }
expense-receipts-count = Belege ({ $count })
expense-receipts-of = Belege ({ $count }) zu { $description }
expense-add-receipt = Beleg hinzufügen
expense-add-receipt-to = Beleg hinzufügen: { $description }
expense-edit = Bearbeiten
expense-edit-named = { $description } bearbeiten
expense-delete = Löschen
expense-delete-named = { $description } löschen
expense-load-more = Mehr laden

expense-added = { $receipts ->
    [0] „{ $description }“ hinzugefügt.
    [one] „{ $description }“ mit Beleg hinzugefügt.
   *[other] „{ $description }“ mit { $receipts } Belegen hinzugefügt.
    }
expense-added-receipts-lost = { $receipts ->
    [one] „{ $description }“ hinzugefügt, aber der Beleg wurde nicht gespeichert ({ $reason }). Hänge ihn später über den Link „Belege“ der Ausgabe erneut an.
   *[other] „{ $description }“ hinzugefügt, aber die Belege wurden nicht gespeichert ({ $reason }). Hänge sie später über den Link „Belege“ der Ausgabe erneut an.
    }
expense-saved = „{ $description }“ gespeichert.
expense-restored = „{ $description }“ ist wieder da.

# The fields of an expense, shared by the add and edit forms and recurring rules.
form-save = Speichern
form-cancel = Abbrechen
form-amount = Betrag
form-currency = Währung
form-rate = Kurs zu { $currency }
form-rate-hint = (andere Währungen)
form-rate-error = Kurs
form-date = Datum
form-description = Beschreibung
form-payee = Empfänger
form-category = Kategorie
form-no-category = Keine Kategorie
form-paid-by = Bezahlt von
form-tags = Schlagwörter
form-tags-hint = (durch Kommas getrennt)
form-notes = Notizen
form-split-legend = Zwischen Mitgliedern geteilt
form-split-how = Wie
form-split-none = Nicht geteilt (zahlt, wer bezahlt hat)
form-split-equal = Zu gleichen Teilen zwischen den angehakten Mitgliedern
form-split-shares = Nach Anteilen (z. B. 2 und 1)
form-split-percent = Nach Prozent (zusammen 100)
form-split-exact = Nach genauen Beträgen (zusammen der Betrag)
form-split-error = Aufteilung:
form-share-of = Anteil, Prozent oder Betrag von { $name }
form-share-hint = Anteil, % oder Betrag
form-file = Datei

# Receipts of an expense.
receipt-title = Belege
receipt-alt = Beleg { $filename }
receipt-preparing = Vorschau wird erstellt …
receipt-problem = Keine Vorschau: { $problem }
receipt-fill-form = Formular aus diesem Beleg ausfüllen
receipt-none = Noch keine Belege.
receipt-drop = Belege hinzufügen: Fotos (JPEG, PNG, WebP, HEIC) oder PDFs, je bis { $mb } MB. Zieh Dateien hierher, wähle sie aus oder mach ein Foto.
receipt-attach = Anhängen
receipt-reads-text = Der Text jedes Belegs wird nach dem Hochladen gelesen, um Händler, Summe und Datum für die Ausgabe vorzuschlagen.
receipt-edit-expense = Ausgabe bearbeiten
receipt-breadcrumb = Navigationspfad
receipt-no-metadata = Ohne die Metadaten des Fotos (Ort, Kamera) angezeigt. Der Download ist die Datei, wie sie hochgeladen wurde.
receipt-being-prepared = Die Vorschau wird erstellt; lade die Seite gleich neu.
receipt-no-preview-here = Für diese Datei gibt es hier keine Vorschau; lade sie herunter, um sie zu öffnen.
receipt-read-from = Aus dem Beleg gelesen
receipt-fill-expense = Ausgabe damit ausfüllen
receipt-download = Original herunterladen
receipt-remove = Beleg entfernen
receipt-attached = { $count ->
    [one] Beleg angehängt.
   *[other] { $count } Belege angehängt.
    }
receipt-removed = Beleg entfernt.
expense-csv-date = Datum
expense-csv-description = Beschreibung
expense-csv-payee = Empfänger
expense-csv-category = Kategorie
expense-csv-tags = Schlagwörter
expense-csv-paid-by = Bezahlt von
expense-csv-amount = Betrag
expense-csv-base-currency = Basiswährung
expense-csv-original-amount = Betrag wie eingegeben
expense-csv-currency = Währung
expense-csv-rate = Kurs
expense-csv-split = Aufteilung
expense-csv-notes = Notizen
expense-csv-id = ID
