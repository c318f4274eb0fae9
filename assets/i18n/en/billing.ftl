# The billing page.

billing-page-confirming = Thank you. Stripe is confirming the payment; this page shows the new plan as soon as Stripe tells us (usually within seconds).
billing-page-refresh = Refresh
billing-page-plan = { $name } plan
billing-page-paid = paid
billing-page-paid-until = paid until { $date }
billing-page-then-ends = then it ends (cancelled)
billing-page-grace = a payment failed; kept until { $date }
billing-page-lapsed = the { $plan } plan is unpaid; the Free plan's limits apply
billing-page-limit = Limit
billing-page-used = Used
billing-page-allowed = Allowed
billing-page-people = People in the workspace (pending invitations count)
billing-page-expenses-month = Expenses added this month
billing-page-history = History you can add to or change
billing-page-storage = Receipt storage
billing-page-no-limit = no limit
billing-page-months = { $count ->
        [one] { $count } month
       *[other] { $count } months
    }
billing-page-all = all
billing-page-mb = { $count } MB
billing-page-nothing-removed = Past a limit nothing is removed: what you saved stays readable, only new additions wait for an upgrade.
billing-page-portal = Payment methods, invoices and cancellation
billing-page-plans = Plans
billing-page-up-to-people = Up to { $count } people
billing-page-any-people = Any number of people
billing-page-expenses-a-month = { $count } new expenses a month
billing-page-unlimited-expenses = Unlimited expenses
billing-page-history-months = { $count ->
        [one] { $count } month of history to edit
       *[other] { $count } months of history to edit
    }
billing-page-all-history = All your history
billing-page-receipts-mb = { $count } MB of receipts
billing-page-unlimited-receipts = Unlimited receipts
billing-page-your-plan = Your plan
billing-page-pay-monthly = Pay monthly
billing-page-pay-yearly = Pay yearly
billing-page-change-in-portal = Change plans in the billing portal.
billing-page-owner-only = Only the workspace owner can change the plan.
