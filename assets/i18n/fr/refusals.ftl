# Refus qui ne nomment aucun champ, affichés en avis au-dessus de la page.
refusal-role = En tant { $role ->
        [owner] que propriétaire
        [admin] qu'administrateur
        [member] que membre
       *[viewer] que lecteur
    } de cet espace, vous ne pouvez pas faire cela.
refusal-manage-members = Votre rôle ne permet pas de gérer les membres.
refusal-transfer = Seul le propriétaire peut transférer la propriété.
refusal-suspended = Cet espace est suspendu par les opérateurs de ce site : il peut être consulté mais pas modifié jusqu'à la levée de la suspension.
refusal-locked = Ce compte est verrouillé. Contactez les opérateurs de ce site pour le faire déverrouiller.
refusal-plan-history = L'offre { $plan } garde { $months } mois d'historique : les dépenses antérieures au { $date } peuvent être consultées mais pas ajoutées ni modifiées. Le propriétaire de l'espace peut changer d'offre sur la page Facturation.
refusal-plan-expenses-used = L'offre { $plan } permet { $allowed } nouvelles dépenses par mois, et celles de ce mois sont épuisées. Le propriétaire de l'espace peut changer d'offre sur la page Facturation.
refusal-plan-expenses-left = L'offre { $plan } permet { $allowed } nouvelles dépenses par mois : il en reste { $left } ce mois-ci, et ceci en ajoute { $count }. Le propriétaire de l'espace peut changer d'offre sur la page Facturation.
refusal-plan-receipts = L'offre { $plan } garde { $allowed } Mo de justificatifs, { $used } Mo sont utilisés et ce fichier ne tient pas. Le propriétaire de l'espace peut changer d'offre sur la page Facturation.
refusal-plan-members = L'offre { $plan } permet { $allowed } personnes par espace (les invitations en attente comptent). Le propriétaire de l'espace peut changer d'offre sur la page Facturation.
refusal-storage-unavailable = Le stockage des justificatifs était injoignable, le justificatif n'a donc pas été enregistré. La dépense elle-même est inchangée ; joignez le justificatif plus tard.
refusal-storage-full = Le stockage des justificatifs est plein, le justificatif n'a donc pas été enregistré. La dépense elle-même est inchangée ; joignez le justificatif une fois que l'opérateur aura libéré de la place.
refusal-stripe-unreachable = Stripe, notre prestataire de paiement, était injoignable, rien n'a donc changé. Veuillez réessayer dans quelques minutes.
refusal-stripe-refused = Stripe, notre prestataire de paiement, a refusé la demande, rien n'a donc changé. Veuillez réessayer plus tard ou contacter les opérateurs de ce site.
refusal-billing-off = La facturation est désactivée sur cette instance : chaque espace a toutes les fonctions.
refusal-form-fields = Le formulaire a plus de { $max } champs.
refusal-too-large = { $what ->
        [form] Le formulaire est trop volumineux
        [upload] L'envoi est trop volumineux
        [file] Le fichier est trop volumineux
       *[archive] L'archive est trop volumineuse
    } : au plus { $size } { $unit ->
        [MB] Mo
       *[KB] Ko
    } peuvent être envoyés ici.
refusal-too-slow = La requête n'a pas été envoyée à temps ; rien n'a été modifié. Veuillez réessayer.
refusal-platform-role = Votre rôle sur la plateforme ne le permet pas.
