# The operators' console (/admin): its pages, and what its actions answer.
# Platform roles (superadmin, support, billing), job states, Stripe states
# and audit action codes are shown as they are stored.

console-title = Console
console-nav-label = Console
console-nav-overview = Overview
console-nav-users = Users
console-nav-workspaces = Workspaces
console-nav-billing = Billing
console-nav-jobs = Jobs
console-nav-audit = Audit log

console-pages = Pages
console-previous = Previous
console-next = Next
console-page-of = Page { $page } of { $pages } ({ $total })
console-in-all = { $total } in all.

console-actions = Actions
console-name = Name
console-email = Email
console-role = Role
console-state = State
console-kind = Kind
console-currency = Currency
console-created = Created
console-joined = Joined
console-members = Members
console-search = Search
console-filter = Filter
console-none = None.
console-nothing-yet = Nothing yet.
console-your-password = Your password
console-password-to-confirm = Your password, to confirm
console-state-active = active
console-state-locked = locked
console-state-unconfirmed = unconfirmed
console-state-suspended = suspended

console-count-users = Users
console-count-workspaces = Workspaces
console-count-subscriptions = Active subscriptions
console-count-jobs-waiting = Jobs waiting
console-count-jobs-failed = Jobs failed
console-signups-heading = Signups per day
console-signups-day = Day
console-signups-count = Signups
console-signups-share = Share
console-signups-bar = { $count ->
        [one] { $count } signup
       *[other] { $count } signups
    }

console-users-search = Search users
console-users-search-placeholder = Name or email
console-users-locked-only = locked only
console-users-none = No users match.

console-user-changing-to = (changing to { $email })
console-user-confirmed = address confirmed
console-user-unconfirmed = address not confirmed
console-user-joined = joined { $when }
console-user-locked-since = locked since { $when }
console-user-roles = Platform roles:
console-user-roles-none = none
console-user-lock = Lock account
console-user-lock-explain = { $email } will be signed out everywhere and cannot sign in until unlocked.
console-user-lock-confirm = Yes, lock the account
console-user-unlock = Unlock account
console-user-reset = Force password reset
console-user-reset-explain = Their sessions end and a link to choose a new password is mailed to { $email }.
console-user-reset-confirm = Yes, reset the password
console-user-verify = Mark address confirmed
console-user-resend = Resend confirmation mail
console-user-being-deleted = being deleted
console-user-sessions = Sessions
console-session-last-seen = Last seen
console-session-started = Started
console-session-ip = IP
console-session-browser = Browser
console-session-end = End
console-session-none = No active sessions.
console-session-end-all = End all sessions
console-user-roles-heading = Platform roles
console-role-grant-label = Grant
console-role-grant = Grant role
console-role-take-label = Take away
console-role-revoke = Revoke role
console-user-delete-heading = Delete this account
console-user-delete-explain = Removes the account, its sessions and memberships, and the workspaces it owns alone. A workspace it owns with others must get another owner first.
console-user-delete = Delete account
console-user-history = Console history

console-workspaces-search = Search workspaces
console-workspaces-suspended-only = suspended only
console-workspaces-none = No workspaces match.

console-ws-created = created { $when }
console-ws-usage = Usage: { $members ->
        [one] { $members } person
       *[other] { $members } people
    }, { $expenses ->
        [one] { $expenses } expense
       *[other] { $expenses } expenses
    } added this month.
console-ws-plan = Plan:
console-ws-stripe-status = Stripe: { $status }
console-ws-paid-until = paid until { $day }
console-ws-customer = customer { $customer }
console-ws-billing-off = Billing is off on this instance.
console-plan-state-free = free
console-plan-state-active = active
console-plan-state-grace = grace period
console-plan-state-lapsed = lapsed
console-ws-support = Support access:
console-ws-support-until = granted by the owner until { $day }
console-ws-support-view = View as a viewer
console-ws-support-recorded = (recorded in the workspace's audit log)
console-ws-support-none = not granted (the owner can grant it in the workspace settings)
console-ws-unsuspend = Lift the suspension
console-ws-suspend = Suspend
console-ws-suspend-explain = Its members can then read "{ $name }" but not change anything, until you lift the suspension.
console-ws-suspend-confirm = Yes, suspend it
console-role-of = Role of { $name }
console-change-role = Change role
console-make-owner = Make owner
console-remove = Remove
console-remove-confirm = Yes, remove { $name }
console-ws-delete-heading = Delete this workspace
console-ws-delete-explain = Removes the workspace and everything in it for every member (its subscription in Stripe ends). It cannot be undone.
console-ws-type-name = Type <strong>{ $name }</strong>
console-ws-delete = Delete workspace

console-support-view = support view
console-support-view-notice = Read-only, granted by the owner until { $day }. This view is recorded in the workspace's audit log.
console-support-latest = Latest expenses
console-support-expenses = { $count ->
        [one] { $count } expense
       *[other] { $count } expenses
    }, { $total } in all.
console-date = Date
console-description = Description
console-amount = Amount
console-support-no-expenses = No expenses.

console-billing-off = Billing is off on this instance (no Stripe key): every workspace has every feature.
console-billing-all = All subscriptions
console-billing-failed = Failed payments
console-billing-reconcile = Reconcile with Stripe now
console-billing-workspace = Workspace
console-billing-plan = Plan
console-billing-status = Stripe status
console-billing-paid-until = Paid until
console-billing-grace-until = Grace until
console-billing-customer = Customer / subscription
console-billing-synced = Synced
console-billing-free = free
console-billing-never = never
console-billing-none = No billing accounts.
console-billing-none-failed = No billing accounts with failed payments.

console-jobs-heading = Background jobs
console-jobs-waiting = { $count ->
        [one] { $count } job is waiting, running or due for a retry.
       *[other] { $count } jobs are waiting, running or due for a retry.
    }
console-jobs-state = State
console-jobs-count = Jobs
console-jobs-queue-empty = The queue is empty.
console-jobs-failed-heading = Failed jobs
console-jobs-failed-help = Jobs that failed on every attempt. Retry puts one back with fresh attempts; discard removes it for good.
console-jobs-job = Job
console-jobs-attempts = Attempts
console-jobs-error = Error
console-jobs-retry = Retry
console-jobs-discard = Discard
console-jobs-discard-confirm = Yes, discard it
console-jobs-none = No failed jobs.

console-audit-heading = Platform audit log
console-audit-action = Action
console-audit-action-example = user.locked
console-audit-target = Target
console-audit-target-example = user:<id>
console-audit-when = When
console-audit-who = Who
console-audit-from = From
console-audit-what = What
console-audit-change = Before → after
console-audit-none = Nothing recorded.

# What the console's actions answer.
console-done-locked = { $email } is locked; their sessions ended.
console-done-unlocked = { $email } is unlocked.
console-done-session-ended = The session ended.
console-done-sessions-ended = { $count ->
        [one] { $count } session ended.
       *[other] { $count } sessions ended.
    }
console-done-reset-sent = A password reset link was mailed to { $email }.
console-done-confirmed = { $email } is confirmed.
console-done-confirmation-sent = A new confirmation link was mailed to { $email }.
console-done-role-granted = { $email } is now { $role }.
console-done-role-revoked = { $email } is no longer { $role }.
console-done-account-deleted = The account { $email } is deleted.
console-done-suspended = "{ $name }" is suspended: read-only for its members.
console-done-unsuspended = "{ $name }" is no longer suspended.
console-done-member-role = { $email } is now { $role }.
console-done-member-removed = { $email } was removed.
console-done-workspace-deleting = "{ $name }" is being deleted.
console-done-reconcile-queued = Reconciliation with Stripe is queued; fixes appear here and in each workspace's audit log.
console-done-job-retried = Job { $id } retried.
console-done-job-discarded = Job { $id } discarded.
console-job-not-found = No failed job has that id (it may have been retried or discarded already).

# Field messages only operators meet (src/i18n/field_messages.rs).
field-console-confirmed-already = is confirmed already
field-console-locked-already = is locked already
field-console-password-needed = is needed to create a new account (password:...)
field-console-not-locked = is not locked
field-console-last-superadmin-sign-in = is the last superadmin who can sign in; make someone else superadmin first
field-console-last-superadmin = is the last superadmin; make someone else superadmin first
field-console-platform-role = must be superadmin, support or billing
field-console-last-superadmin-demoted = the last superadmin cannot be demoted; make someone else superadmin first
field-console-lock-yourself = you cannot lock your own account
field-console-delete-yourself = you cannot delete your own account from the console
field-console-support-not-granted = the owner has not granted support access (they can, in the workspace settings)
