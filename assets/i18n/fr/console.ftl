# La console des opérateurs (/admin) : ses pages et les réponses de ses
# actions. Les rôles de plateforme (superadmin, support, billing), les états
# des tâches, les états Stripe et les codes du journal restent tels qu'ils
# sont enregistrés.

console-title = Console
console-nav-label = Console
console-nav-overview = Aperçu
console-nav-users = Utilisateurs
console-nav-workspaces = Espaces
console-nav-billing = Facturation
console-nav-jobs = Tâches
console-nav-audit = Journal

console-pages = Pages
console-previous = Précédente
console-next = Suivante
console-page-of = Page { $page } sur { $pages } ({ $total })
console-in-all = { $total } au total.

console-actions = Actions
console-name = Nom
console-email = E-mail
console-role = Rôle
console-state = État
console-kind = Type
console-currency = Devise
console-created = Créé le
console-joined = Inscrit le
console-members = Membres
console-search = Rechercher
console-filter = Filtrer
console-none = Aucun.
console-nothing-yet = Rien pour l'instant.
console-your-password = Votre mot de passe
console-password-to-confirm = Votre mot de passe, pour confirmer
console-state-active = actif
console-state-locked = verrouillé
console-state-unconfirmed = non confirmé
console-state-suspended = suspendu

console-count-users = Utilisateurs
console-count-workspaces = Espaces
console-count-subscriptions = Abonnements actifs
console-count-jobs-waiting = Tâches en attente
console-count-jobs-failed = Tâches en échec
console-signups-heading = Inscriptions par jour
console-signups-day = Jour
console-signups-count = Inscriptions
console-signups-share = Part
console-signups-bar = { $count ->
        [one] { $count } inscription
       *[other] { $count } inscriptions
    }

console-users-search = Rechercher des utilisateurs
console-users-search-placeholder = Nom ou e-mail
console-users-locked-only = verrouillés uniquement
console-users-none = Aucun utilisateur ne correspond.

console-user-changing-to = (en cours de changement pour { $email })
console-user-confirmed = adresse confirmée
console-user-unconfirmed = adresse non confirmée
console-user-joined = inscrit le { $when }
console-user-locked-since = verrouillé depuis le { $when }
console-user-roles = Rôles de plateforme :
console-user-roles-none = aucun
console-user-lock = Verrouiller le compte
console-user-lock-explain = { $email } sera déconnecté partout et ne pourra plus se connecter tant que le compte n'est pas déverrouillé.
console-user-lock-confirm = Oui, verrouiller le compte
console-user-unlock = Déverrouiller le compte
console-user-reset = Imposer un nouveau mot de passe
console-user-reset-explain = Ses sessions prennent fin et un lien pour choisir un nouveau mot de passe est envoyé à { $email }.
console-user-reset-confirm = Oui, réinitialiser le mot de passe
console-user-verify = Marquer l'adresse comme confirmée
console-user-resend = Renvoyer l'e-mail de confirmation
console-user-being-deleted = en cours de suppression
console-user-sessions = Sessions
console-session-last-seen = Dernière activité
console-session-started = Ouverte le
console-session-ip = Adresse IP
console-session-browser = Navigateur
console-session-end = Terminer
console-session-none = Aucune session active.
console-session-end-all = Terminer toutes les sessions
console-user-roles-heading = Rôles de plateforme
console-role-grant-label = Attribuer
console-role-grant = Attribuer le rôle
console-role-take-label = Retirer
console-role-revoke = Retirer le rôle
console-user-delete-heading = Supprimer ce compte
console-user-delete-explain = Supprime le compte, ses sessions et ses adhésions, ainsi que les espaces dont il est le seul propriétaire. Un espace qu'il possède et qui a d'autres membres doit d'abord changer de propriétaire.
console-user-delete = Supprimer le compte
console-user-history = Historique de la console

console-workspaces-search = Rechercher des espaces
console-workspaces-suspended-only = suspendus uniquement
console-workspaces-none = Aucun espace ne correspond.

console-ws-created = créé le { $when }
console-ws-usage = Utilisation : { $members ->
        [one] { $members } personne
       *[other] { $members } personnes
    }, { $expenses ->
        [one] { $expenses } dépense ajoutée
       *[other] { $expenses } dépenses ajoutées
    } ce mois-ci.
console-ws-plan = Formule :
console-ws-stripe-status = Stripe : { $status }
console-ws-paid-until = payée jusqu'au { $day }
console-ws-customer = client { $customer }
console-ws-billing-off = La facturation est désactivée sur cette instance.
console-plan-state-free = gratuite
console-plan-state-active = active
console-plan-state-grace = délai de grâce
console-plan-state-lapsed = expirée
console-ws-support = Accès de l'assistance :
console-ws-support-until = accordé par le propriétaire jusqu'au { $day }
console-ws-support-view = Consulter comme lecteur
console-ws-support-recorded = (inscrit dans le journal de l'espace)
console-ws-support-none = non accordé (le propriétaire peut l'accorder dans les paramètres de l'espace)
console-ws-unsuspend = Lever la suspension
console-ws-suspend = Suspendre
console-ws-suspend-explain = Ses membres pourront alors consulter « { $name } » mais plus rien y modifier, jusqu'à ce que vous leviez la suspension.
console-ws-suspend-confirm = Oui, le suspendre
console-role-of = Rôle de { $name }
console-change-role = Changer le rôle
console-make-owner = Nommer propriétaire
console-remove = Retirer
console-remove-confirm = Oui, retirer { $name }
console-ws-delete-heading = Supprimer cet espace
console-ws-delete-explain = Supprime l'espace et tout son contenu pour tous ses membres (son abonnement Stripe prend fin). C'est irréversible.
console-ws-type-name = Saisissez <strong>{ $name }</strong>
console-ws-delete = Supprimer l'espace

console-support-view = vue de l'assistance
console-support-view-notice = Lecture seule, accordée par le propriétaire jusqu'au { $day }. Cette consultation est inscrite dans le journal de l'espace.
console-support-latest = Dernières dépenses
console-support-expenses = { $count ->
        [one] { $count } dépense
       *[other] { $count } dépenses
    }, { $total } au total.
console-date = Date
console-description = Description
console-amount = Montant
console-support-no-expenses = Aucune dépense.

console-billing-off = La facturation est désactivée sur cette instance (pas de clé Stripe) : chaque espace a toutes les fonctionnalités.
console-billing-all = Tous les abonnements
console-billing-failed = Paiements en échec
console-billing-reconcile = Rapprocher avec Stripe maintenant
console-billing-workspace = Espace
console-billing-plan = Formule
console-billing-status = État Stripe
console-billing-paid-until = Payé jusqu'au
console-billing-grace-until = Délai de grâce jusqu'au
console-billing-customer = Client / abonnement
console-billing-synced = Synchronisé
console-billing-free = gratuite
console-billing-never = jamais
console-billing-none = Aucun compte de facturation.
console-billing-none-failed = Aucun compte de facturation avec un paiement en échec.

console-jobs-heading = Tâches de fond
console-jobs-waiting = { $count ->
        [one] { $count } tâche en attente, en cours ou à relancer.
       *[other] { $count } tâches en attente, en cours ou à relancer.
    }
console-jobs-state = État
console-jobs-count = Tâches
console-jobs-queue-empty = La file d'attente est vide.
console-jobs-failed-heading = Tâches en échec
console-jobs-failed-help = Les tâches qui ont échoué à chaque tentative. « Relancer » en remet une en file avec de nouvelles tentatives ; « Abandonner » la supprime définitivement.
console-jobs-job = Tâche
console-jobs-attempts = Tentatives
console-jobs-error = Erreur
console-jobs-retry = Relancer
console-jobs-discard = Abandonner
console-jobs-discard-confirm = Oui, l'abandonner
console-jobs-none = Aucune tâche en échec.

console-audit-heading = Journal de la plateforme
console-audit-action = Action
console-audit-action-example = user.locked
console-audit-target = Cible
console-audit-target-example = user:<id>
console-audit-when = Quand
console-audit-who = Qui
console-audit-from = Depuis
console-audit-what = Quoi
console-audit-change = Avant → après
console-audit-none = Rien d'enregistré.

# Les réponses des actions.
console-done-locked = { $email } est verrouillé ; ses sessions ont pris fin.
console-done-unlocked = { $email } est déverrouillé.
console-done-session-ended = La session a pris fin.
console-done-sessions-ended = { $count ->
        [one] { $count } session terminée.
       *[other] { $count } sessions terminées.
    }
console-done-reset-sent = Un lien de réinitialisation du mot de passe a été envoyé à { $email }.
console-done-confirmed = { $email } est confirmée.
console-done-confirmation-sent = Un nouveau lien de confirmation a été envoyé à { $email }.
console-done-role-granted = { $email } est désormais { $role }.
console-done-role-revoked = { $email } n'est plus { $role }.
console-done-account-deleted = Le compte { $email } est supprimé.
console-done-suspended = « { $name } » est suspendu : ses membres ne peuvent plus que le consulter.
console-done-unsuspended = « { $name } » n'est plus suspendu.
console-done-member-role = { $email } est désormais { $role }.
console-done-member-removed = { $email } a été retiré(e).
console-done-workspace-deleting = « { $name } » est en cours de suppression.
console-done-reconcile-queued = Le rapprochement avec Stripe est programmé ; les corrections apparaîtront ici et dans le journal de chaque espace.
console-done-job-retried = La tâche { $id } est relancée.
console-done-job-discarded = La tâche { $id } est abandonnée.
console-job-not-found = Aucune tâche en échec n'a cet identifiant (elle a peut-être déjà été relancée ou abandonnée).

# Les messages de champ que seuls les opérateurs voient (src/i18n/field_messages.rs).
field-console-confirmed-already = est déjà confirmée
field-console-locked-already = est déjà verrouillé
field-console-password-needed = est nécessaire pour créer un nouveau compte (password:...)
field-console-not-locked = n'est pas verrouillé
field-console-last-superadmin-sign-in = est le dernier superadmin qui peut se connecter ; nommez d'abord quelqu'un d'autre superadmin
field-console-last-superadmin = est le dernier superadmin ; nommez d'abord quelqu'un d'autre superadmin
field-console-platform-role = doit être superadmin, support ou billing
field-console-last-superadmin-demoted = le dernier superadmin ne peut pas perdre ce rôle ; nommez d'abord quelqu'un d'autre superadmin
field-console-lock-yourself = vous ne pouvez pas verrouiller votre propre compte
field-console-delete-yourself = vous ne pouvez pas supprimer votre propre compte depuis la console
field-console-support-not-granted = le propriétaire n'a pas accordé l'accès à l'assistance (il peut le faire dans les paramètres de l'espace)
