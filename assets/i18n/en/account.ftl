# Signing up, logging in, recovering an account; the account page; the
# start page; the page an invitation link opens.

auth-email = Email
auth-password = Password
auth-name = Name
auth-login-title = Log in
auth-login-submit = Log in
auth-forgot-link = Forgot your password?
auth-create-link = Create an account
auth-login-wrong = Email or password is incorrect.
auth-login-unconfirmed = Confirm your email address first: open the link we mailed you, or reset your password to get a new one.
auth-signup-title = Sign up
auth-signup-heading = Create your account
auth-password-help = At least 10 characters; a few unrelated words work well.
auth-signup-submit = Create account
auth-have-account = Already have an account?
auth-have-account-login = Log in
auth-forgot-title = Reset your password
auth-forgot-sent = If <strong>{ $email }</strong> has an account, a reset link is on its way. It works once, for 30 minutes.
auth-forgot-submit = Send me a reset link
auth-back-to-login = Back to login
auth-reset-title = Choose a new password
auth-reset-invalid = This reset link is invalid, expired or already used.
auth-reset-ask-again = Ask for a new link
auth-new-password = New password
auth-reset-submit = Set password
auth-reset-done = Your password is changed. Log in with the new one.
auth-verified-title = Email confirmation
auth-verified-done = Thanks: <strong>{ $email }</strong> is confirmed.
auth-verified-continue = Continue
auth-verify-invalid = This confirmation link is invalid, expired or already used. Log in and ask for a new one from your account page.
auth-verify-taken = That address now belongs to another account, so it cannot be used.
auth-check-mail = Almost there: we sent a mail to { $email }. Open it to go on.
auth-logged-out = You are logged out.
auth-logged-out-everywhere = { $count ->
    [one] Logged out of 1 session on all devices.
   *[other] Logged out of { $count } sessions on all devices.
    }
auth-form-expired = This form has expired or did not come from this site. Reload the page and try again.

account-title = Account
account-heading = Your account
account-profile = Profile
account-confirmed = (confirmed)
account-not-confirmed = (not confirmed yet)
account-pending = Waiting for you to confirm <strong>{ $email }</strong>.
account-send-again = Send the confirmation link again
account-password-heading = Change password
account-current-password = Current password
account-new-password = New password
account-password-submit = Change password
account-password-note = Your other sessions are logged out when the password changes.
account-email-heading = Change email
account-new-email = New email
account-email-submit = Change email
account-email-note = We mail a link to the new address; the change happens when you open it.
account-tokens-heading = API access tokens
account-tokens-intro = For scripts and apps that use the API: send <code>Authorization: Bearer &lt;token&gt;</code> to <code>/api/v1</code>
account-tokens-docs = see the API documentation
account-token-new = Your new token “{ $name }”. Copy it now: it is not shown again.
account-token-new-label = The new token
account-token-name = Name
account-token-prefix = Starts with
account-token-state = State
account-token-expires = Expires
account-token-last-used = Last used
account-token-actions = Actions
account-token-state-active = active
account-token-state-revoked = revoked
account-token-state-expired = expired
account-token-never = never
account-token-revoke = Revoke
account-token-placeholder = e.g. Bank import script
account-token-in-days = in { $days } days
account-token-expiry = Expiry
account-token-create = Create token
account-token-revoked = The token "{ $name }" is revoked and no longer works.
account-sessions-heading = Sessions
account-session-device = Device
account-session-ip = IP
account-session-started = Started
account-session-last-seen = Last seen
account-session-unknown = unknown
account-session-this = this browser
account-logout-everywhere = Log out everywhere
account-delete-heading = Delete account
account-delete-intro = This deletes your account and signs you out everywhere. Workspaces only you belong to are deleted with it; a workspace you own with others needs a new owner first. It cannot be undone.
account-delete-refused = Not deleted: { $reason }.
account-delete-submit = Delete my account
account-password-changed = Password changed. Your other sessions were logged out.
account-email-link-sent = We sent a link to { $email }. Your address changes when you open it.
account-already-confirmed = Your address is already confirmed.
account-confirmation-sent = We sent a new confirmation link to { $email }.
account-deleted = Your account and its data are deleted.

home-title = Home
home-hello = Hello, { $name }
home-confirm = Please confirm <strong>{ $email }</strong>: open the link we mailed you, or
home-confirm-link = send a new one
home-your-workspaces = Your workspaces
home-create-another = Create another workspace
home-start = Start by creating a workspace for your household or team.
home-create = Create a workspace
home-tagline = Track what your household or team spends: shared costs, budgets and receipts, on your own server.
home-sign-up = Create an account
home-log-in = Log in

invitation-title = Invitation
invitation-text = { $inviter } invited <strong>{ $email }</strong> to join <strong>{ $workspace }</strong> as { $role }.
invitation-log-in-first = Log in or create an account with <strong>{ $email }</strong> to accept.
invitation-log-in = Log in
invitation-sign-up = Sign up
invitation-wrong-account = You are logged in as { $current }, but this invitation is for { $email }. Log out and log in with that address to accept it.
invitation-join = Join { $workspace }
invitation-unknown = This invitation link is not valid. Ask for a new one.
invitation-used = This invitation was already used.
invitation-revoked = This invitation was revoked.
invitation-expired = This invitation has expired; ask for a new one.
invitation-joined = You joined { $workspace }.
throttle-attempts = Too many attempts; try again in { $unit ->
        [seconds] { $count } seconds
       *[minutes] { $count } minutes
    }.
throttle-verification = A confirmation link was sent too often; you can ask for another in { $unit ->
        [seconds] { $count } seconds
       *[minutes] { $count } minutes
    }.
throttle-invitation = This invitation was sent too often; you can send it again in { $unit ->
        [seconds] { $count } seconds
       *[minutes] { $count } minutes
    }.
throttle-password-field = was tried too often; try again in { $wait }
throttle-seconds = { $count } seconds
throttle-minutes = { $count } minutes
