# The phone-first frame: the bottom bar and the quick-add sheet.
design-nav-bar = Hauptbereiche
design-quick-add-title = Ausgabe hinzufügen
design-close = Schließen
design-quick-add-amount = Betrag ({ $currency })
design-quick-add-description = Wofür
design-quick-add-category = Kategorie
design-quick-add-no-category = Keine Kategorie
design-quick-add-date = Datum
design-quick-add-paid-by = Bezahlt von
design-quick-add-split = Aufteilung
design-split-equal = Zu gleichen Teilen
design-split-none = Nicht geteilt
design-quick-add-between = Zwischen
design-quick-add-save = Hinzufügen
design-quick-add-more = Mehr Angaben…
