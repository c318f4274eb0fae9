# Every mail the app sends, in the recipient's language.

mail-hello = Hello { $name },
mail-hello-anyone = Hello,
mail-ignore = If it was not you, you can ignore this mail.

mail-verify-subject = Confirm your email address for SmartExpense
mail-verify-text = Welcome to SmartExpense. Please confirm your email address by opening this link:
mail-verify-html = Welcome to SmartExpense. Please confirm your email address:
mail-verify-button = Confirm my address
mail-verify-expiry = The link works for 48 hours. If you did not sign up, you can ignore this mail.

mail-reset-subject = Reset your SmartExpense password
mail-reset-text = Someone asked to reset the password of your SmartExpense account. To choose a new password, open this link:
mail-reset-html = Someone asked to reset the password of your SmartExpense account.
mail-reset-button = Choose a new password
mail-reset-expiry = The link works once, for 30 minutes. If it was not you, ignore this mail; your password stays as it is.

mail-new-email-subject = Confirm your new email address for SmartExpense
mail-new-email-text = You asked to use { $email } for your SmartExpense account. To confirm, open this link:
mail-new-email-html = You asked to use { $email } for your SmartExpense account.
mail-new-email-button = Confirm the new address
mail-new-email-until = Until you do, your account keeps its current address. The link works for 48 hours.

mail-taken-subject = Someone tried to sign up to SmartExpense with your address
mail-taken-body = Someone, perhaps you, tried to create a SmartExpense account with this address. It has an account already, so nothing was created or changed.
mail-taken-login-text = To log in: { $link }
mail-taken-forgot-text = Forgot your password? Choose a new one: { $link }
mail-taken-login = Log in
mail-taken-forgot = Choose a new password

mail-invitation-subject = { $inviter } invited you to { $workspace } on SmartExpense
mail-invitation-text = { $inviter } invited you to join "{ $workspace }" on SmartExpense as { $role }.
mail-invitation-html = { $inviter } invited you to join <strong>{ $workspace }</strong> on SmartExpense as { $role }.
mail-invitation-how-text = To accept, open this link and log in or sign up with this address ({ $email }):
mail-invitation-button = Accept the invitation
mail-invitation-how-html = Log in or sign up with this address ({ $email }).
mail-invitation-expiry = The link works once, for 7 days. If you did not expect this, ignore this mail.

mail-payment-subject = Payment failed for { $workspace } on SmartExpense
mail-payment-text = Stripe could not take the payment for the { $plan } plan of "{ $workspace }" (invoice { $invoice }).
mail-payment-html = Stripe could not take the payment for the { $plan } plan of <strong>{ $workspace }</strong> (invoice { $invoice }).
mail-payment-paid-plan = paid
mail-payment-grace = The workspace keeps the { $plan } plan until { $until } while Stripe tries again. After that the limits of the free plan apply until a payment succeeds; nothing you saved is removed.
mail-payment-no-grace = Until a payment succeeds the limits of the free plan apply; nothing you saved is removed.
mail-payment-update-text = To update the payment method, open the billing page:
mail-payment-update = Update the payment method

mail-alert-title-reached = { $budget } has reached { $percent }%
mail-alert-title-over = { $budget } is at { $percent }% of its limit
mail-alert-in-text = { $title } in "{ $workspace }".
mail-alert-in-html = <strong>{ $title }</strong> in “{ $workspace }”.
mail-alert-body = { $spent } spent of { $limit } for the { $period ->
    [week] week
    [quarter] quarter
    [year] year
   *[month] month
    } starting { $start }.
mail-alert-see-text = See your budgets: { $link }
mail-alert-see = See your budgets
mail-alert-why-text = You get this mail because budget alerts are on for you in this workspace. Turn them off under Notifications: { $link }
mail-alert-why-html = You get this mail because budget alerts are on for you in this workspace.
mail-alert-off = Turn them off

mail-week-subject = [{ $workspace }] Your week: { $total } spent
mail-week-text = In "{ $workspace }" the week of { $start } to { $end }: { $total } spent in { $count ->
    [one] 1 expense
   *[other] { $count } expenses
    }.
mail-week-html = In “{ $workspace }” the week of { $start } to { $end }: <strong>{ $total }</strong> spent in { $count ->
    [one] 1 expense
   *[other] { $count } expenses
    }.
mail-week-uncategorised = Uncategorised
mail-week-budget = Budget { $name }: { $spent } of { $limit } ({ $percent })
mail-week-percent = { $percent }%
mail-week-over = over
mail-week-dashboard-text = Dashboard: { $link }
mail-week-dashboard = Open the dashboard
mail-week-why-text = You asked for this weekly summary. Turn it off under Notifications: { $link }
mail-week-why-html = You asked for this weekly summary.
mail-week-off = Turn it off
