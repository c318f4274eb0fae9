# The assistant: its answers, its panel and its page.

assistant-title = Assistant
assistant-page-title = Assistant · { $workspace }
assistant-intro = Ask about this workspace's spending in plain English, German, French or Spanish, or describe an expense to add it. Answers come from your own data on this server; nothing is sent anywhere.
assistant-try = Try
assistant-open-panel = Ask the assistant
assistant-input-label = Ask about your spending or add an expense
assistant-input-placeholder = e.g. how much on groceries last month? · coffee 4.50 yesterday
assistant-ask = Ask
assistant-you = You:
assistant-message-error = The message { $error }.
assistant-draft-description = Description
assistant-draft-amount = Amount ({ $currency })
assistant-draft-rate = Rate to { $currency }
assistant-draft-date = Date
assistant-draft-category = Category
assistant-draft-no-category = No category
assistant-draft-paid-by = Paid by

assistant-example-1 = how much did we spend on groceries last month?
assistant-example-2 = biggest expenses this week
assistant-example-3 = who owes whom?
assistant-example-4 = coffee 4.50 yesterday

assistant-can-do = I can total what you spent (by category, person, period or words), list the biggest expenses, compare periods, give monthly averages, show budgets and who owes whom, and add an expense from a line like "coffee 4.50 yesterday".
assistant-unknown = I didn't understand that. { assistant-can-do }
assistant-not-understood =
    { $count ->
        [one] I didn't understand the word { $words }, so I didn't answer as if it weren't there. { assistant-can-do }
       *[other] I didn't understand the words { $words }, so I didn't answer as if they weren't there. { assistant-can-do }
    }

assistant-refused-budgets = As a { $role } of this workspace you can't see budgets; an owner or admin can.
assistant-refused-balances = As a { $role } of this workspace you can't see balances; an owner or admin can.
assistant-refused-add = As a { $role } of this workspace you can't add expenses; an owner or admin can.

assistant-month =
    { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    }
assistant-on-day = on { $date }
assistant-in-month = in { $month } { $year }
assistant-in-quarter = in Q{ $quarter } { $year }
assistant-in-year = in { $year }
assistant-from-to = from { $from } to { $to }
assistant-month-year = { $month } { $year }
assistant-quarter-year = Q{ $quarter } { $year }

assistant-count =
    { $count ->
        [one] 1 expense
       *[other] { $count } expenses
    }
assistant-on-category = on { $category }
assistant-on-search = on expenses mentioning "{ $words }"
assistant-spent =
    { $who ->
        [all] You spent
        [me] You paid
       *[member] { $name } paid
    } { $amount }{ $what } { $range } ({ $count }).
assistant-spent-nothing = Nothing spent{ $what } { $range }: no expenses match.
assistant-see-expenses = See these expenses

assistant-breakdown = By category { $range } ({ $total } in all):
assistant-breakdown-none = No expenses { $range }.
assistant-open-report = Open the report

assistant-biggest =
    { $count ->
        [one] The largest expense
       *[other] The { $count } largest expenses
    }{ $what } { $range }:
assistant-biggest-none = No expenses{ $what } { $range }.
assistant-see-largest = See them all, largest first

assistant-compare = Spending{ $what }: { $first } { $first-total } ({ $first-count }), { $second } { $second-total } ({ $second-count }). { $later } is { $change } { $first }.
assistant-compare-change =
    { $direction ->
        [same] the same as
        [more] { $difference }{ $percent } more than
       *[less] { $difference }{ $percent } less than
    }
assistant-see-period = See { $period }

assistant-average =
    { $months ->
        [one] On average { $average } a month{ $what }, over 1 month ({ $from } to { $to }; { $total } in all, { $count }).
       *[other] On average { $average } a month{ $what }, over { $months } months ({ $from } to { $to }; { $total } in all, { $count }).
    }
assistant-average-not-begun = That period has not begun yet ({ $range }).

assistant-no-budgets = There are no budgets in this workspace yet.
assistant-budget-left = { $left } left of { $limit }
assistant-budget-over = over by { $over } (limit { $limit })
assistant-budget-percent = , { $percent }% spent
assistant-budget-line = { $name }: { $standing }{ $percent }, { $spent } spent from { $from } to { $to }
assistant-open-budgets = Open budgets

assistant-balance-settled =
    { $who ->
        [me] You are settled up.
       *[other] { $name } is settled up.
    }
assistant-balance-owed =
    { $who ->
        [me] You are owed { $amount } in all.
       *[other] { $name } is owed { $amount } in all.
    }
assistant-balance-owes =
    { $who ->
        [me] You owe { $amount } in all.
       *[other] { $name } owes { $amount } in all.
    }
assistant-all-settled = Everyone is settled up.
assistant-transfer =
    { $who ->
        [me] You owe { $to } { $amount }.
       *[other] { $from } owes { $to } { $amount }.
    }
assistant-you-object = you
assistant-deleted-account = A deleted account
assistant-open-balances = Open balances

assistant-draft = Add "{ $description }", { $amount } { $day }, paid by { $payer }{ $details }? Check it and confirm to add it.
assistant-draft-in-category = , in { $category }
assistant-draft-at = , at { $payee }
assistant-draft-split = , split equally between { $count } people
assistant-draft-needs-rate = It is in { $currency }: give the rate to { $base } before confirming.
assistant-draft-payer-you = you
assistant-cannot-add = I can't add that: { $why }.
assistant-add-this = Add this expense

assistant-help-start = Ask me about this workspace's spending, or tell me an expense to add. For example:
assistant-help-invite = Owners and admins invite people on the Members page: enter their email and a role (admin, member or viewer). They get a link by mail that lets them join.
assistant-help-invite-link = Open members
assistant-help-export = Your expenses download as CSV from the Expenses page ("Export CSV" keeps the filter you set). Owners and admins can download the whole workspace as a JSON archive from Settings.
assistant-help-export-link = Download all expenses as CSV
assistant-help-import = Import a CSV file (a bank export or a spreadsheet) on the Import page: you match its columns, see a preview, and the import runs with a progress bar.
assistant-help-import-link = Open import
assistant-help-add = Use the form on the Expenses page, or tell me here, e.g. "coffee 4.50 yesterday" or "rent 1200 paid by Sam split equally": I prefill it and you confirm.
assistant-help-add-link = Open expenses
assistant-help-budgets = Owners and admins set budgets on the Budgets page: an amount per week, month, quarter or year, for the workspace, a category or one member, with alerts at the thresholds you choose (80% and 100% by default).
assistant-help-budgets-link = Open budgets
assistant-help-categories = Categories (and subcategories) are kept on the Categories page; owners and admins add, rename, recolour and remove them.
assistant-help-categories-link = Open categories
assistant-help-settle = The Balances page shows who owes whom and the fewest payments that settle everyone; record a payment there when someone pays back.
assistant-help-settle-link = Open balances
assistant-help-recurring = Rent, subscriptions and other repeating costs are set up on the Recurring page; each is added as an expense when it falls due.
assistant-help-recurring-link = Open recurring
assistant-help-reports = The Reports page totals any range by category, month, week, payee or payer, as a table, a chart and a CSV file.
assistant-help-reports-link = Open reports

assistant-no-such-budget = No budget here matches "{ $word }". Which one do you mean?
assistant-compare-which = Compare which periods?
assistant-which-member = Which member do you mean by "{ $phrase }"?
assistant-which-category = Which category do you mean by "{ $phrase }"?
assistant-which-budget = Which budget do you mean by "{ $phrase }"?
assistant-nobody-called = Nobody here is called "{ $phrase }". Who do you mean?
assistant-which-amount = Which is the amount: { $amounts }?
assistant-which-day = On which day?
assistant-what-for = What was { $amount } for?
