# The reports page and its CSV download.

report-from = From
report-to = To
report-group-by = Group by
report-group = Group
report-grouping = { $group ->
        [category] Category
        [month] Month
        [week] Week
        [payee] Payee
       *[payer] Payer
    }
report-show = Show
report-range = from { $from } to { $to }
report-download = Download as CSV:
report-csv-spreadsheet = for spreadsheets
report-csv-plain = plain CSV, comma
report-expenses = Expenses
report-total = Total
report-share = Share
report-none = No expenses in this range.
report-csv-group = Group
report-csv-expenses = Expenses
report-csv-total = Total
report-csv-currency = Currency
