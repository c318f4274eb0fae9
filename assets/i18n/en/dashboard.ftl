# A workspace's start page: figures, charts and lists.
dashboard-spent = spent
dashboard-last-month = last month { $total }
dashboard-members = { $count ->
    [one] { $count } member
   *[other] { $count } members
    }
dashboard-invite = invite someone
dashboard-add = Add an expense
dashboard-budgets = Budgets this period
dashboard-budget-spent = { $spent } of { $limit }
dashboard-budget-over = over
dashboard-no-budgets = No budgets yet.
dashboard-set-budget = Set one
dashboard-set-budget-why = and get a mail when spending nears it.
dashboard-all-budgets = All budgets
dashboard-by-category = By category, { $month }
dashboard-by-category-title = Spending by category in { $month }
dashboard-nothing-spent = Nothing spent this month yet.
dashboard-last-12-months = The last 12 months
dashboard-trend-title = Spending per month; the highest month was { $max }
dashboard-per-month = Spending per month
dashboard-top-payees = Top payees this month
dashboard-expenses-count = { $count ->
    [one] { $count } expense
   *[other] { $count } expenses
    }
dashboard-no-payees = No payees this month.
dashboard-recent = Recent expenses
dashboard-no-expenses = No expenses yet.
dashboard-all-expenses = All expenses
dashboard-is-owed = is owed
dashboard-owes = owes
dashboard-settled = Everyone is settled up.
dashboard-settle-up = Settle up
dashboard-month-1 = January
dashboard-month-2 = February
dashboard-month-3 = March
dashboard-month-4 = April
dashboard-month-5 = May
dashboard-month-6 = June
dashboard-month-7 = July
dashboard-month-8 = August
dashboard-month-9 = September
dashboard-month-10 = October
dashboard-month-11 = November
dashboard-month-12 = December
dashboard-month-short-1 = Jan
dashboard-month-short-2 = Feb
dashboard-month-short-3 = Mar
dashboard-month-short-4 = Apr
dashboard-month-short-5 = May
dashboard-month-short-6 = Jun
dashboard-month-short-7 = Jul
dashboard-month-short-8 = Aug
dashboard-month-short-9 = Sep
dashboard-month-short-10 = Oct
dashboard-month-short-11 = Nov
dashboard-month-short-12 = Dec
