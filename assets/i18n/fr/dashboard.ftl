# A workspace's start page: figures, charts and lists.
dashboard-spent = dépensés
dashboard-last-month = le mois dernier { $total }
dashboard-members = { $count ->
    [one] { $count } membre
   *[other] { $count } membres
    }
dashboard-invite = inviter quelqu’un
dashboard-add = Ajouter une dépense
dashboard-budgets = Budgets de la période
dashboard-budget-spent = { $spent } sur { $limit }
dashboard-budget-over = dépassé
dashboard-no-budgets = Pas encore de budget.
dashboard-set-budget = Définissez-en un
dashboard-set-budget-why = et recevez un e-mail quand les dépenses s’en approchent.
dashboard-all-budgets = Tous les budgets
dashboard-by-category = Par catégorie, { $month }
dashboard-by-category-title = Dépenses par catégorie en { $month }
dashboard-nothing-spent = Rien de dépensé ce mois-ci.
dashboard-last-12-months = Les 12 derniers mois
dashboard-trend-title = Dépenses par mois ; le mois le plus élevé : { $max }
dashboard-per-month = Dépenses par mois
dashboard-top-payees = Principaux bénéficiaires du mois
dashboard-expenses-count = { $count ->
    [one] { $count } dépense
   *[other] { $count } dépenses
    }
dashboard-no-payees = Aucun bénéficiaire ce mois-ci.
dashboard-recent = Dépenses récentes
dashboard-no-expenses = Pas encore de dépense.
dashboard-all-expenses = Toutes les dépenses
dashboard-is-owed = doit recevoir
dashboard-owes = doit
dashboard-settled = Tout le monde est quitte.
dashboard-settle-up = Régler les comptes
dashboard-month-1 = janvier
dashboard-month-2 = février
dashboard-month-3 = mars
dashboard-month-4 = avril
dashboard-month-5 = mai
dashboard-month-6 = juin
dashboard-month-7 = juillet
dashboard-month-8 = août
dashboard-month-9 = septembre
dashboard-month-10 = octobre
dashboard-month-11 = novembre
dashboard-month-12 = décembre
dashboard-month-short-1 = janv
dashboard-month-short-2 = févr
dashboard-month-short-3 = mars
dashboard-month-short-4 = avr
dashboard-month-short-5 = mai
dashboard-month-short-6 = juin
dashboard-month-short-7 = juil
dashboard-month-short-8 = août
dashboard-month-short-9 = sept
dashboard-month-short-10 = oct
dashboard-month-short-11 = nov
dashboard-month-short-12 = déc
