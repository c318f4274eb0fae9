# Inscription, connexion, récupération du compte ; la page du compte ; la
# page d'accueil ; la page qu'ouvre un lien d'invitation.

auth-email = E-mail
auth-password = Mot de passe
auth-name = Nom
auth-login-title = Se connecter
auth-login-submit = Se connecter
auth-forgot-link = Mot de passe oublié ?
auth-create-link = Créer un compte
auth-login-wrong = E-mail ou mot de passe incorrect.
auth-login-unconfirmed = Confirmez d'abord votre adresse e-mail : ouvrez le lien que nous vous avons envoyé, ou réinitialisez votre mot de passe pour en recevoir un nouveau.
auth-signup-title = S'inscrire
auth-signup-heading = Créez votre compte
auth-password-help = Au moins 10 caractères ; quelques mots sans rapport entre eux font très bien l'affaire.
auth-signup-submit = Créer le compte
auth-have-account = Vous avez déjà un compte ?
auth-have-account-login = Connectez-vous
auth-forgot-title = Réinitialiser votre mot de passe
auth-forgot-sent = Si <strong>{ $email }</strong> a un compte, un lien de réinitialisation est en route. Il fonctionne une seule fois, pendant 30 minutes.
auth-forgot-submit = M'envoyer un lien de réinitialisation
auth-back-to-login = Retour à la connexion
auth-reset-title = Choisir un nouveau mot de passe
auth-reset-invalid = Ce lien de réinitialisation est invalide, expiré ou déjà utilisé.
auth-reset-ask-again = Demander un nouveau lien
auth-new-password = Nouveau mot de passe
auth-reset-submit = Enregistrer le mot de passe
auth-reset-done = Votre mot de passe a été changé. Connectez-vous avec le nouveau.
auth-verified-title = Confirmation de l'e-mail
auth-verified-done = Merci : l'adresse <strong>{ $email }</strong> est confirmée.
auth-verified-continue = Continuer
auth-verify-invalid = Ce lien de confirmation est invalide, expiré ou déjà utilisé. Connectez-vous et demandez-en un nouveau depuis la page de votre compte.
auth-verify-taken = Cette adresse appartient désormais à un autre compte ; elle ne peut pas être utilisée.
auth-check-mail = Presque terminé : nous avons envoyé un e-mail à { $email }. Ouvrez-le pour continuer.
auth-logged-out = Vous êtes déconnecté.
auth-logged-out-everywhere = { $count ->
    [one] Déconnecté de 1 session sur tous les appareils.
   *[other] Déconnecté de { $count } sessions sur tous les appareils.
    }
auth-form-expired = Ce formulaire a expiré ou ne provient pas de ce site. Rechargez la page et réessayez.

account-title = Compte
account-heading = Votre compte
account-profile = Profil
account-confirmed = (adresse confirmée)
account-not-confirmed = (adresse pas encore confirmée)
account-pending = En attente de votre confirmation de <strong>{ $email }</strong>.
account-send-again = Renvoyer le lien de confirmation
account-password-heading = Changer le mot de passe
account-current-password = Mot de passe actuel
account-new-password = Nouveau mot de passe
account-password-submit = Changer le mot de passe
account-password-note = Vos autres sessions sont déconnectées quand le mot de passe change.
account-email-heading = Changer l'e-mail
account-new-email = Nouvel e-mail
account-email-submit = Changer l'e-mail
account-email-note = Nous envoyons un lien à la nouvelle adresse ; le changement a lieu quand vous l'ouvrez.
account-tokens-heading = Jetons d'accès à l'API
account-tokens-intro = Pour les scripts et applications qui utilisent l'API : envoyez <code>Authorization: Bearer &lt;token&gt;</code> à <code>/api/v1</code>
account-tokens-docs = voir la documentation de l'API
account-token-new = Votre nouveau jeton « { $name } ». Copiez-le maintenant : il ne sera plus affiché.
account-token-new-label = Le nouveau jeton
account-token-name = Nom
account-token-prefix = Commence par
account-token-state = État
account-token-expires = Expire
account-token-last-used = Dernière utilisation
account-token-actions = Actions
account-token-state-active = actif
account-token-state-revoked = révoqué
account-token-state-expired = expiré
account-token-never = jamais
account-token-revoke = Révoquer
account-token-placeholder = p. ex. script d'import bancaire
account-token-in-days = dans { $days } jours
account-token-expiry = Expiration
account-token-create = Créer le jeton
account-token-revoked = Le jeton « { $name } » est révoqué et ne fonctionne plus.
account-sessions-heading = Sessions
account-session-device = Appareil
account-session-ip = IP
account-session-started = Ouverte
account-session-last-seen = Dernière activité
account-session-unknown = inconnu
account-session-this = ce navigateur
account-logout-everywhere = Se déconnecter partout
account-delete-heading = Supprimer le compte
account-delete-intro = Cela supprime votre compte et vous déconnecte partout. Les espaces dont vous êtes le seul membre sont supprimés avec lui ; un espace que vous possédez avec d'autres doit d'abord avoir un nouveau propriétaire. C'est irréversible.
account-delete-refused = Non supprimé : { $reason }.
account-delete-submit = Supprimer mon compte
account-password-changed = Mot de passe changé. Vos autres sessions ont été déconnectées.
account-email-link-sent = Nous avons envoyé un lien à { $email }. Votre adresse change quand vous l'ouvrez.
account-already-confirmed = Votre adresse est déjà confirmée.
account-confirmation-sent = Nous avons envoyé un nouveau lien de confirmation à { $email }.
account-deleted = Votre compte et ses données sont supprimés.

home-title = Accueil
home-hello = Bonjour, { $name }
home-confirm = Veuillez confirmer <strong>{ $email }</strong> : ouvrez le lien que nous vous avons envoyé, ou
home-confirm-link = demandez-en un nouveau
home-your-workspaces = Vos espaces
home-create-another = Créer un autre espace
home-start = Commencez par créer un espace pour votre foyer ou votre équipe.
home-create = Créer un espace
home-tagline = Suivez ce que dépense votre foyer ou votre équipe : frais partagés, budgets et justificatifs, sur votre propre serveur.
home-sign-up = Créer un compte
home-log-in = Se connecter

invitation-title = Invitation
invitation-text = { $inviter } a invité <strong>{ $email }</strong> à rejoindre <strong>{ $workspace }</strong> en tant que { $role }.
invitation-log-in-first = Connectez-vous ou créez un compte avec <strong>{ $email }</strong> pour accepter.
invitation-log-in = Se connecter
invitation-sign-up = S'inscrire
invitation-wrong-account = Vous êtes connecté en tant que { $current }, mais cette invitation est pour { $email }. Déconnectez-vous et connectez-vous avec cette adresse pour l'accepter.
invitation-join = Rejoindre { $workspace }
invitation-unknown = Ce lien d'invitation n'est pas valide. Demandez-en un nouveau.
invitation-used = Cette invitation a déjà été utilisée.
invitation-revoked = Cette invitation a été révoquée.
invitation-expired = Cette invitation a expiré ; demandez-en une nouvelle.
invitation-joined = Vous avez rejoint { $workspace }.
throttle-attempts = Trop de tentatives ; réessayez dans { $unit ->
        [seconds] { $count } secondes
       *[minutes] { $count } minutes
    }.
throttle-verification = Un lien de confirmation a été envoyé trop souvent ; vous pourrez en demander un autre dans { $unit ->
        [seconds] { $count } secondes
       *[minutes] { $count } minutes
    }.
throttle-invitation = Cette invitation a été envoyée trop souvent ; vous pourrez la renvoyer dans { $unit ->
        [seconds] { $count } secondes
       *[minutes] { $count } minutes
    }.
throttle-password-field = a été essayé trop souvent ; réessayez dans { $wait }
throttle-seconds = { $count } secondes
throttle-minutes = { $count } minutes
