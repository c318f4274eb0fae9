# Tous les e-mails de l'application, dans la langue du destinataire.

mail-hello = Bonjour { $name },
mail-hello-anyone = Bonjour,
mail-ignore = Si ce n'était pas vous, vous pouvez ignorer cet e-mail.

mail-verify-subject = Confirmez votre adresse e-mail pour SmartExpense
mail-verify-text = Bienvenue sur SmartExpense. Veuillez confirmer votre adresse e-mail en ouvrant ce lien :
mail-verify-html = Bienvenue sur SmartExpense. Veuillez confirmer votre adresse e-mail :
mail-verify-button = Confirmer mon adresse
mail-verify-expiry = Le lien fonctionne pendant 48 heures. Si vous ne vous êtes pas inscrit, vous pouvez ignorer cet e-mail.

mail-reset-subject = Réinitialisez votre mot de passe SmartExpense
mail-reset-text = Quelqu'un a demandé à réinitialiser le mot de passe de votre compte SmartExpense. Pour choisir un nouveau mot de passe, ouvrez ce lien :
mail-reset-html = Quelqu'un a demandé à réinitialiser le mot de passe de votre compte SmartExpense.
mail-reset-button = Choisir un nouveau mot de passe
mail-reset-expiry = Le lien fonctionne une seule fois, pendant 30 minutes. Si ce n'était pas vous, ignorez cet e-mail ; votre mot de passe reste inchangé.

mail-new-email-subject = Confirmez votre nouvelle adresse e-mail pour SmartExpense
mail-new-email-text = Vous avez demandé à utiliser { $email } pour votre compte SmartExpense. Pour confirmer, ouvrez ce lien :
mail-new-email-html = Vous avez demandé à utiliser { $email } pour votre compte SmartExpense.
mail-new-email-button = Confirmer la nouvelle adresse
mail-new-email-until = D'ici là, votre compte garde son adresse actuelle. Le lien fonctionne pendant 48 heures.

mail-taken-subject = Quelqu'un a essayé de s'inscrire à SmartExpense avec votre adresse
mail-taken-body = Quelqu'un, peut-être vous, a essayé de créer un compte SmartExpense avec cette adresse. Elle a déjà un compte : rien n'a été créé ni modifié.
mail-taken-login-text = Pour vous connecter : { $link }
mail-taken-forgot-text = Mot de passe oublié ? Choisissez-en un nouveau : { $link }
mail-taken-login = Se connecter
mail-taken-forgot = Choisir un nouveau mot de passe

mail-invitation-subject = { $inviter } vous a invité à rejoindre { $workspace } sur SmartExpense
mail-invitation-text = { $inviter } vous a invité à rejoindre « { $workspace } » sur SmartExpense en tant que { $role }.
mail-invitation-html = { $inviter } vous a invité à rejoindre <strong>{ $workspace }</strong> sur SmartExpense en tant que { $role }.
mail-invitation-how-text = Pour accepter, ouvrez ce lien et connectez-vous ou inscrivez-vous avec cette adresse ({ $email }) :
mail-invitation-button = Accepter l'invitation
mail-invitation-how-html = Connectez-vous ou inscrivez-vous avec cette adresse ({ $email }).
mail-invitation-expiry = Le lien fonctionne une seule fois, pendant 7 jours. Si vous ne vous y attendiez pas, ignorez cet e-mail.

mail-payment-subject = Échec du paiement pour { $workspace } sur SmartExpense
mail-payment-text = Stripe n'a pas pu prélever le paiement de la formule { $plan } de « { $workspace } » (facture { $invoice }).
mail-payment-html = Stripe n'a pas pu prélever le paiement de la formule { $plan } de <strong>{ $workspace }</strong> (facture { $invoice }).
mail-payment-paid-plan = payante
mail-payment-grace = L'espace garde la formule { $plan } jusqu'au { $until } pendant que Stripe réessaie. Ensuite, les limites de la formule gratuite s'appliquent jusqu'à ce qu'un paiement réussisse ; rien de ce que vous avez enregistré n'est supprimé.
mail-payment-no-grace = Tant qu'aucun paiement ne réussit, les limites de la formule gratuite s'appliquent ; rien de ce que vous avez enregistré n'est supprimé.
mail-payment-update-text = Pour mettre à jour le moyen de paiement, ouvrez la page de facturation :
mail-payment-update = Mettre à jour le moyen de paiement

mail-alert-title-reached = { $budget } a atteint { $percent } %
mail-alert-title-over = { $budget } est à { $percent } % de sa limite
mail-alert-in-text = { $title } dans « { $workspace } ».
mail-alert-in-html = <strong>{ $title }</strong> dans « { $workspace } ».
mail-alert-body = { $spent } dépensés sur { $limit } pour { $period ->
    [week] la semaine
    [quarter] le trimestre
    [year] l'année
   *[month] le mois
    } commençant le { $start }.
mail-alert-see-text = Voir vos budgets : { $link }
mail-alert-see = Voir vos budgets
mail-alert-why-text = Vous recevez cet e-mail parce que les alertes de budget sont activées pour vous dans cet espace. Désactivez-les sous Notifications : { $link }
mail-alert-why-html = Vous recevez cet e-mail parce que les alertes de budget sont activées pour vous dans cet espace.
mail-alert-off = Les désactiver

mail-week-subject = [{ $workspace }] Votre semaine : { $total } dépensés
mail-week-text = Dans « { $workspace } », la semaine du { $start } au { $end } : { $total } dépensés en { $count ->
    [one] 1 dépense
   *[other] { $count } dépenses
    }.
mail-week-html = Dans « { $workspace } », la semaine du { $start } au { $end } : <strong>{ $total }</strong> dépensés en { $count ->
    [one] 1 dépense
   *[other] { $count } dépenses
    }.
mail-week-uncategorised = Sans catégorie
mail-week-budget = Budget { $name } : { $spent } sur { $limit } ({ $percent })
mail-week-percent = { $percent } %
mail-week-over = dépassé
mail-week-dashboard-text = Tableau de bord : { $link }
mail-week-dashboard = Ouvrir le tableau de bord
mail-week-why-text = Vous avez demandé ce résumé hebdomadaire. Désactivez-le sous Notifications : { $link }
mail-week-why-html = Vous avez demandé ce résumé hebdomadaire.
mail-week-off = Le désactiver
