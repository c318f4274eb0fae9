# Résumés du journal d'audit (enregistrés en anglais ; voir
# `src/i18n/audit_summaries.rs`).

audit-expense-added = dépense « { $description } » ajoutée
audit-expense-changed = dépense « { $description } » modifiée
audit-deleted = « { $name } » supprimé
audit-expense-restored = dépense « { $description } » restaurée
audit-receipt-attached = justificatif « { $file } » joint à « { $description } »
audit-receipt-removed = justificatif « { $file } » retiré de « { $description } »
audit-imported = { $imported ->
        [one] { $imported } dépense importée
       *[other] { $imported } dépenses importées
    } depuis « { $file } » ({ $duplicates ->
        [one] { $duplicates } doublon ignoré
       *[other] { $duplicates } doublons ignorés
    }, { $failed ->
        [one] { $failed } ligne avec des problèmes
       *[other] { $failed } lignes avec des problèmes
    })
audit-category-created = catégorie « { $name } » créée
audit-category-changed = catégorie « { $name } » modifiée
audit-category-deleted-uncategorized = catégorie « { $name } » supprimée ; { $count ->
        [one] { $count } dépense est
       *[other] { $count } dépenses sont
    } désormais sans catégorie
audit-category-deleted = catégorie « { $name } » supprimée ; { $count ->
        [one] { $count } dépense déplacée
       *[other] { $count } dépenses déplacées
    } vers « { $target } »
audit-budget-added = budget « { $name } » ajouté
audit-budget-changed = budget « { $name } » modifié
audit-budget-deleted = budget « { $name } » supprimé
audit-recurring-added = « { $description } » programmée { $frequency ->
        [daily] tous les jours
        [weekly] toutes les semaines
        [monthly] tous les mois
        [yearly] tous les ans
       *[other] { $frequency }
    } à partir du { $date }
audit-recurring-changed = dépense récurrente « { $description } » modifiée ({ $frequency ->
        [daily] tous les jours
        [weekly] toutes les semaines
        [monthly] tous les mois
        [yearly] tous les ans
       *[other] { $frequency }
    } à partir du { $date })
audit-recurring-stopped = dépense récurrente « { $description } » arrêtée
audit-settlement-recorded = { $from } a payé { $amount } { $currency } à { $to }
audit-settlement-deleted = paiement du { $date } supprimé
audit-member-role = { $email } est désormais { $role ->
        [owner] propriétaire
        [admin] administrateur
        [member] membre
        [viewer] lecteur
       *[other] { $role }
    } (auparavant { $was ->
        [owner] propriétaire
        [admin] administrateur
        [member] membre
        [viewer] lecteur
       *[other] { $was }
    })
audit-ownership = propriété de l'espace transférée à { $email }
audit-member-left = { $email } est parti(e)
audit-member-removed = { $email } a été retiré(e)
audit-invited = invitation de { $email } comme { $role ->
        [owner] propriétaire
        [admin] administrateur
        [member] membre
        [viewer] lecteur
       *[other] { $role }
    }
audit-invitation-resent = invitation renvoyée à { $email }
audit-invitation-revoked = invitation à { $email } révoquée
audit-joined = { $email } a rejoint l'espace comme { $role ->
        [owner] propriétaire
        [admin] administrateur
        [member] membre
        [viewer] lecteur
       *[other] { $role }
    }
audit-workspace-created = { $kind ->
        [household] foyer
        [team] équipe
       *[other] espace
    } « { $name } » créé
audit-workspace-settings = paramètres de l'espace modifiés
audit-workspace-delete-asked = suppression de « { $name } » demandée
audit-archive-restored = archive de « { $name } » restaurée ({ $count ->
        [one] { $count } dépense
       *[other] { $count } dépenses
    })
audit-support-granted = accès en lecture à cet espace donné au support du site pour { $hours ->
        [one] { $hours } heure
       *[other] { $hours } heures
    }
audit-support-ended = accès du support terminé
audit-support-viewed = le support a consulté l'espace
audit-billing-synced = abonnement { $subscription } { $status ->
        [active] actif
        [trialing] en période d'essai
        [past_due] en retard de paiement
        [unpaid] impayé
        [canceled] résilié
        [incomplete] incomplet
        [incomplete_expired] expiré
        [paused] en pause
       *[other] { $status }
    } sur l'offre { $plan }
audit-billing-gone = l'abonnement { $subscription } n'existe plus chez Stripe
audit-console-member-role = dans « { $name } » : { $email } est désormais { $role ->
        [owner] propriétaire
        [admin] administrateur
        [member] membre
        [viewer] lecteur
       *[other] { $role }
    }.
audit-console-member-removed = dans « { $name } » : { $email } a été retiré(e).
audit-console-in = dans « { $name } » : { $done }
audit-suspended = « { $name } » suspendu
audit-unsuspended = suspension de « { $name } » levée
audit-platform-role-given = rôle { $role } donné à { $email }
audit-platform-role-taken = rôle { $role } retiré à { $email }
audit-locked = { $email } verrouillé ; { $count ->
        [one] { $count } session terminée
       *[other] { $count } sessions terminées
    }
audit-unlocked = { $email } déverrouillé
audit-sessions-ended = { $count ->
        [one] { $count } session terminée
       *[other] { $count } sessions terminées
    } pour { $email }
audit-address-confirmed = adresse { $email } confirmée
audit-password-reset-sent = sessions de { $email } terminées et lien de réinitialisation envoyé
audit-confirmation-resent = nouveau lien de confirmation envoyé à { $email }
audit-account-deleted = compte { $email } supprimé
audit-reconcile-queued = rapprochement avec Stripe planifié
audit-job-retried = tâche échouée { $id } relancée
audit-job-discarded = tâche échouée { $id } abandonnée
