# L'assistant : ses réponses, son panneau et sa page.

assistant-title = Assistant
assistant-page-title = Assistant · { $workspace }
assistant-intro = Posez vos questions sur les dépenses de cet espace en français, en anglais, en allemand ou en espagnol, ou décrivez une dépense pour l'ajouter. Les réponses viennent de vos propres données sur ce serveur ; rien n'est envoyé ailleurs.
assistant-try = Essayez
assistant-open-panel = Demander à l'assistant
assistant-input-label = Posez une question sur vos dépenses ou ajoutez une dépense
assistant-input-placeholder = p. ex. combien pour les courses le mois dernier ? · café 4,50 hier
assistant-ask = Demander
assistant-you = Vous :
assistant-message-error = Le message { $error }.
assistant-draft-description = Description
assistant-draft-amount = Montant ({ $currency })
assistant-draft-rate = Taux vers { $currency }
assistant-draft-date = Date
assistant-draft-category = Catégorie
assistant-draft-no-category = Sans catégorie
assistant-draft-paid-by = Payé par

assistant-example-1 = Combien avons-nous dépensé en courses le mois dernier ?
assistant-example-2 = plus grosses dépenses cette semaine
assistant-example-3 = Qui doit à qui ?
assistant-example-4 = café 4,50 hier

assistant-can-do = Je peux totaliser vos dépenses (par catégorie, personne, période ou mots), lister les plus grosses dépenses, comparer des périodes, donner des moyennes mensuelles, montrer les budgets et qui doit à qui, et ajouter une dépense à partir d'une ligne comme « café 4,50 hier ».
assistant-unknown = Je n'ai pas compris. { assistant-can-do }
assistant-not-understood =
    { $count ->
        [one] Je n'ai pas compris le mot { $words }, je ne réponds donc pas comme s'il n'était pas là. { assistant-can-do }
       *[other] Je n'ai pas compris les mots { $words }, je ne réponds donc pas comme s'ils n'étaient pas là. { assistant-can-do }
    }

assistant-refused-budgets = En tant que { $role } de cet espace, vous ne pouvez pas voir les budgets ; un propriétaire ou un admin le peut.
assistant-refused-balances = En tant que { $role } de cet espace, vous ne pouvez pas voir les soldes ; un propriétaire ou un admin le peut.
assistant-refused-add = En tant que { $role } de cet espace, vous ne pouvez pas ajouter de dépenses ; un propriétaire ou un admin le peut.

assistant-month =
    { $month ->
        [1] janvier
        [2] février
        [3] mars
        [4] avril
        [5] mai
        [6] juin
        [7] juillet
        [8] août
        [9] septembre
        [10] octobre
        [11] novembre
       *[12] décembre
    }
assistant-on-day = le { $date }
assistant-in-month = en { $month } { $year }
assistant-in-quarter = au T{ $quarter } { $year }
assistant-in-year = en { $year }
assistant-from-to = du { $from } au { $to }
assistant-month-year = { $month } { $year }
assistant-quarter-year = T{ $quarter } { $year }

assistant-count =
    { $count ->
        [one] { $count } dépense
       *[other] { $count } dépenses
    }
assistant-on-category = en { $category }
assistant-on-search = pour les dépenses mentionnant « { $words } »
assistant-spent =
    { $who ->
        [all] Vous avez dépensé
        [me] Vous avez payé
       *[member] { $name } a payé
    } { $amount }{ $what } { $range } ({ $count }).
assistant-spent-nothing = Rien de dépensé{ $what } { $range } : aucune dépense ne correspond.
assistant-see-expenses = Voir ces dépenses

assistant-breakdown = Par catégorie { $range } ({ $total } au total) :
assistant-breakdown-none = Aucune dépense { $range }.
assistant-open-report = Ouvrir le rapport

assistant-biggest =
    { $count ->
        [one] La plus grosse dépense
       *[other] Les { $count } plus grosses dépenses
    }{ $what } { $range } :
assistant-biggest-none = Aucune dépense{ $what } { $range }.
assistant-see-largest = Tout voir, les plus grosses d'abord

assistant-compare = Dépenses{ $what } : { $first } { $first-total } ({ $first-count }), { $second } { $second-total } ({ $second-count }). { $later } : { $change } { $first }.
assistant-compare-change =
    { $direction ->
        [same] autant qu'en
        [more] { $difference }{ $percent } de plus qu'en
       *[less] { $difference }{ $percent } de moins qu'en
    }
assistant-see-period = Voir { $period }

assistant-average =
    { $months ->
        [one] En moyenne { $average } par mois{ $what }, sur 1 mois ({ $from } à { $to } ; { $total } au total, { $count }).
       *[other] En moyenne { $average } par mois{ $what }, sur { $months } mois ({ $from } à { $to } ; { $total } au total, { $count }).
    }
assistant-average-not-begun = Cette période n'a pas encore commencé ({ $range }).

assistant-no-budgets = Cet espace n'a pas encore de budget.
assistant-budget-left = reste { $left } sur { $limit }
assistant-budget-over = dépassé de { $over } (limite { $limit })
assistant-budget-percent = , { $percent } % dépensés
assistant-budget-line = { $name } : { $standing }{ $percent }, { $spent } dépensés du { $from } au { $to }
assistant-open-budgets = Ouvrir les budgets

assistant-balance-settled =
    { $who ->
        [me] Vous êtes à jour.
       *[other] { $name } est à jour.
    }
assistant-balance-owed =
    { $who ->
        [me] On vous doit { $amount } au total.
       *[other] On doit { $amount } au total à { $name }.
    }
assistant-balance-owes =
    { $who ->
        [me] Vous devez { $amount } au total.
       *[other] { $name } doit { $amount } au total.
    }
assistant-all-settled = Tout le monde est à jour.
assistant-transfer =
    { $who ->
        [me] Vous devez { $amount } à { $to }.
       *[other] { $from } doit { $amount } à { $to }.
    }
assistant-you-object = vous
assistant-deleted-account = Un compte supprimé
assistant-open-balances = Ouvrir les soldes

assistant-draft = Ajouter « { $description } », { $amount } { $day }, payé par { $payer }{ $details } ? Vérifiez et confirmez pour l'ajouter.
assistant-draft-in-category = , dans { $category }
assistant-draft-at = , chez { $payee }
assistant-draft-split = , partagé à parts égales entre { $count } personnes
assistant-draft-needs-rate = Le montant est en { $currency } : indiquez le taux vers { $base } avant de confirmer.
assistant-draft-payer-you = vous
assistant-cannot-add = Je ne peux pas ajouter cela : { $why }.
assistant-add-this = Ajouter cette dépense

assistant-help-start = Posez-moi une question sur les dépenses de cet espace, ou indiquez-moi une dépense à ajouter. Par exemple :
assistant-help-invite = Les propriétaires et les admins invitent sur la page Membres : saisissez l'e-mail et un rôle (admin, membre ou lecteur). La personne reçoit par e-mail un lien pour rejoindre l'espace.
assistant-help-invite-link = Ouvrir les membres
assistant-help-export = Vos dépenses se téléchargent en CSV depuis la page Dépenses (« Exporter en CSV » garde votre filtre). Les propriétaires et les admins peuvent télécharger tout l'espace en archive JSON depuis les Paramètres.
assistant-help-export-link = Télécharger toutes les dépenses en CSV
assistant-help-import = Importez un fichier CSV (un export bancaire ou un tableur) sur la page Import : vous associez ses colonnes, voyez un aperçu, et l'import avance avec une barre de progression.
assistant-help-import-link = Ouvrir l'import
assistant-help-add = Utilisez le formulaire de la page Dépenses, ou dites-le-moi ici, p. ex. « café 4,50 hier » ou « loyer 1200 payé par Sam partagé » : je le préremplis et vous confirmez.
assistant-help-add-link = Ouvrir les dépenses
assistant-help-budgets = Les propriétaires et les admins fixent les budgets sur la page Budgets : un montant par semaine, mois, trimestre ou année, pour l'espace, une catégorie ou un membre, avec des alertes aux seuils choisis (80 % et 100 % par défaut).
assistant-help-budgets-link = Ouvrir les budgets
assistant-help-categories = Les catégories (et sous-catégories) se gèrent sur la page Catégories ; les propriétaires et les admins les ajoutent, renomment, recolorent et suppriment.
assistant-help-categories-link = Ouvrir les catégories
assistant-help-settle = La page Soldes montre qui doit à qui et le moins de paiements possible pour que tout le monde soit à jour ; enregistrez-y un paiement quand quelqu'un rembourse.
assistant-help-settle-link = Ouvrir les soldes
assistant-help-recurring = Loyer, abonnements et autres frais réguliers se configurent sur la page Récurrentes ; chacun est ajouté comme dépense à son échéance.
assistant-help-recurring-link = Ouvrir les récurrentes
assistant-help-reports = La page Rapports totalise n'importe quelle période par catégorie, mois, semaine, bénéficiaire ou payeur, en tableau, en graphique et en fichier CSV.
assistant-help-reports-link = Ouvrir les rapports

assistant-no-such-budget = Aucun budget ne correspond à « { $word } ». Lequel voulez-vous dire ?
assistant-compare-which = Comparer quelles périodes ?
assistant-which-member = Quel membre voulez-vous dire par « { $phrase } » ?
assistant-which-category = Quelle catégorie voulez-vous dire par « { $phrase } » ?
assistant-which-budget = Quel budget voulez-vous dire par « { $phrase } » ?
assistant-nobody-called = Personne ne s'appelle « { $phrase } » ici. Qui voulez-vous dire ?
assistant-which-amount = Quel est le montant : { $amounts } ?
assistant-which-day = Quel jour ?
assistant-what-for = À quoi correspondent les { $amount } ?
