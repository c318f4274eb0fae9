# The phone-first frame: the bottom bar and the quick-add sheet.
design-nav-bar = Rubriques principales
design-quick-add-title = Ajouter une dépense
design-close = Fermer
design-quick-add-amount = Montant ({ $currency })
design-quick-add-description = Pour quoi
design-quick-add-category = Catégorie
design-quick-add-no-category = Sans catégorie
design-quick-add-date = Date
design-quick-add-paid-by = Payé par
design-quick-add-split = Partage
design-split-equal = À parts égales
design-split-none = Non partagé
design-quick-add-between = Entre
design-quick-add-save = Ajouter
design-quick-add-more = Plus de détails…
