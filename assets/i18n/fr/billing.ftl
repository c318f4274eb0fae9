# La page de facturation.

billing-page-confirming = Merci. Stripe confirme le paiement ; cette page affiche la nouvelle formule dès que Stripe nous prévient (en général en quelques secondes).
billing-page-refresh = Actualiser
billing-page-plan = Formule { $name }
billing-page-paid = payée
billing-page-paid-until = payée jusqu'au { $date }
billing-page-then-ends = puis elle prend fin (résiliée)
billing-page-grace = un paiement a échoué ; conservée jusqu'au { $date }
billing-page-lapsed = la formule { $plan } est impayée ; les limites de la formule gratuite s'appliquent
billing-page-limit = Limite
billing-page-used = Utilisé
billing-page-allowed = Autorisé
billing-page-people = Personnes dans l'espace (invitations en attente comprises)
billing-page-expenses-month = Dépenses ajoutées ce mois-ci
billing-page-history = Historique modifiable
billing-page-storage = Stockage des justificatifs
billing-page-no-limit = sans limite
billing-page-months = { $count ->
        [one] { $count } mois
       *[other] { $count } mois
    }
billing-page-all = tout
billing-page-mb = { $count } Mo
billing-page-nothing-removed = Au-delà d'une limite, rien n'est supprimé : ce que vous avez enregistré reste consultable, seuls les nouveaux ajouts attendent une mise à niveau.
billing-page-portal = Moyens de paiement, factures et résiliation
billing-page-plans = Formules
billing-page-up-to-people = Jusqu'à { $count } personnes
billing-page-any-people = Nombre illimité de personnes
billing-page-expenses-a-month = { $count } nouvelles dépenses par mois
billing-page-unlimited-expenses = Dépenses illimitées
billing-page-history-months = { $count ->
        [one] { $count } mois d'historique modifiable
       *[other] { $count } mois d'historique modifiable
    }
billing-page-all-history = Tout votre historique
billing-page-receipts-mb = { $count } Mo de justificatifs
billing-page-unlimited-receipts = Justificatifs illimités
billing-page-your-plan = Votre formule
billing-page-pay-monthly = Payer au mois
billing-page-pay-yearly = Payer à l'année
billing-page-change-in-portal = Changez de formule dans le portail de facturation.
billing-page-owner-only = Seul le propriétaire de l'espace peut changer de formule.
