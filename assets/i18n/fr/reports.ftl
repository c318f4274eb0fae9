# La page des rapports et son téléchargement CSV.

report-from = Du
report-to = Au
report-group-by = Regrouper par
report-group = Regroupement
report-grouping = { $group ->
        [category] Catégorie
        [month] Mois
        [week] Semaine
        [payee] Bénéficiaire
       *[payer] Payeur
    }
report-show = Afficher
report-range = du { $from } au { $to }
report-download = Télécharger en CSV :
report-csv-spreadsheet = pour tableur
report-csv-plain = CSV simple, virgule
report-expenses = Dépenses
report-total = Total
report-share = Part
report-none = Aucune dépense sur cette période.
report-csv-group = Groupe
report-csv-expenses = Dépenses
report-csv-total = Total
report-csv-currency = Devise
