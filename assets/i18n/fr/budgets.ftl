# La page des budgets et celle des notifications.

budget-intro = Une limite par semaine, mois, trimestre ou année, pour tout, pour une catégorie ou pour la part d'un membre. Les membres qui le souhaitent reçoivent un e-mail quand les dépenses atteignent un seuil, une fois par période.
budget-budget = Budget
budget-this-period = Cette période
budget-spent = Dépensé
budget-left = Restant
budget-actions = Actions
budget-per-period = { $amount } par { $period ->
        [week] semaine
        [month] mois
        [quarter] trimestre
       *[year] an
    }
budget-period = { $period ->
        [week] Semaine
        [month] Mois
        [quarter] Trimestre
       *[year] Année
    }
budget-members-share = part de { $name }
budget-rolls-over = reportable
budget-alerts-at = alertes à
budget-percent = { $value } %
budget-percent-of = { $percent } % de { $limit }
budget-over-of = dépassé, limite { $limit }
budget-carried = ({ $amount } reportés)
budget-delete = Supprimer
budget-none = Aucun budget pour l'instant.
budget-set-title = Définir un budget
budget-name = Nom
budget-limit-in = Limite ({ $currency })
budget-limit = Limite
budget-per = Par
budget-period-label = Période
budget-category = Catégorie
budget-everything = Tout
budget-whose = Dépenses de qui
budget-everyones = Tout le monde
budget-member = Membre
budget-alert-at = Alerte à (%)
budget-thresholds-help = Croissants, de 1 à 1000, par exemple 50, 80, 100.
budget-thresholds = Seuils
budget-rollover = Reporter le reste (ou le dépassement) sur la période suivante
budget-submit = Définir le budget
budget-is-set = Le budget « { $name } » est défini.
budget-deleted = Le budget « { $name } » est supprimé.

budget-mark-all-read = Tout marquer comme lu
budget-new = Nouveau :
budget-no-notifications = Rien pour l'instant. Les alertes de budget apparaissent ici.
budget-mail = E-mails de cet espace
budget-mail-alerts = Un e-mail quand un budget atteint un seuil d'alerte
budget-mail-weekly = Un résumé de la semaine écoulée, le lundi matin
budget-save = Enregistrer
budget-all-read = Tout est lu.
budget-mail-saved = Vos préférences d'e-mail sont enregistrées.
