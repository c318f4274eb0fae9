# The budgets page and the notifications page.

budget-intro = A limit per week, month, quarter or year, for everything or one category or one member's share. Members who want them get a mail when spending reaches a threshold, once per period.
budget-budget = Budget
budget-this-period = This period
budget-spent = Spent
budget-left = Left
budget-actions = Actions
budget-per-period = { $amount } per { $period ->
        [week] week
        [month] month
        [quarter] quarter
       *[year] year
    }
budget-period = { $period ->
        [week] Week
        [month] Month
        [quarter] Quarter
       *[year] Year
    }
budget-members-share = { $name }'s share
budget-rolls-over = rolls over
budget-alerts-at = alerts at
budget-percent = { $value }%
budget-percent-of = { $percent }% of { $limit }
budget-over-of = over of { $limit }
budget-carried = ({ $amount } carried)
budget-delete = Delete
budget-none = No budgets yet.
budget-set-title = Set a budget
budget-name = Name
budget-limit-in = Limit ({ $currency })
budget-limit = Limit
budget-per = Per
budget-period-label = Period
budget-category = Category
budget-everything = Everything
budget-whose = Whose spending
budget-everyones = Everyone's
budget-member = Member
budget-alert-at = Alert at (%)
budget-thresholds-help = Ascending, 1 to 1000, e.g. 50, 80, 100.
budget-thresholds = Thresholds
budget-rollover = Carry what is left (or overspent) into the next period
budget-submit = Set budget
budget-is-set = Budget "{ $name }" is set.
budget-deleted = Budget "{ $name }" is deleted.

budget-mark-all-read = Mark all read
budget-new = New:
budget-no-notifications = Nothing yet. Budget alerts appear here.
budget-mail = Mail from this workspace
budget-mail-alerts = A mail when a budget reaches an alert threshold
budget-mail-weekly = A summary of the past week, on Monday mornings
budget-save = Save
budget-all-read = All read.
budget-mail-saved = Your mail settings are saved.
