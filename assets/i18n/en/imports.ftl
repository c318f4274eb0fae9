# The importer's pages.

import-title = Import
import-heading = Import expenses
import-intro = Upload a CSV file from your bank or a spreadsheet, or an OFX/QFX bank statement (up to { $mb } MB). You will see its first rows and choose which column is which before anything is imported.
import-encoding = Text encoding
import-encoding-auto = Detect (UTF-8, or else Western)
import-encoding-utf8 = UTF-8 (most files)
import-encoding-latin1 = Western (ISO-8859-1, older bank exports)
import-encoding-error-label = The text encoding
import-file = CSV file
import-file-error-label = The file
import-upload = Upload and preview
import-earlier = Earlier imports
import-col-file = File
import-col-when = When
import-col-status = Status
import-col-imported = Imported
import-col-duplicates = Duplicates
import-col-problems = Problems
import-status-uploaded = uploaded
import-status-queued = queued
import-status-running = running
import-status-done = done
import-status-cancelled = cancelled
import-status-failed = failed
import-file-heading = Import “{ $file }”
import-statement = A bank statement (OFX) with { $transactions ->
    [one] 1 transaction
   *[other] { $transactions } transactions
    }: { $debits ->
    [one] 1 payment
   *[other] { $debits } payments
    } out, imported as expenses.
import-statement-credits = { $credits ->
    [one] 1 payment in (income, refunds) is skipped.
   *[other] { $credits } payments in (income, refunds) are skipped.
    }
import-first-ones = These are the first ones.
import-col-date = Date
import-col-amount = Amount
import-col-payee-description = Payee or description
import-col-memo = Memo
import-skip-payments = Skip payments already recorded (same date, amount and description)
import-start-statement = { $count ->
    [one] Import 1 expense
   *[other] Import { $count } expenses
    }
import-discard = Discard this file
import-rows-intro = { $count ->
    [one] 1 row. These are the first ones; say which column is which.
   *[other] { $count } rows. These are the first ones; say which column is which.
    }
import-field-date = Date
import-field-amount = Amount
import-field-description = Description
import-field-payee = Payee
import-field-category = Category
import-field-tags = Tags
import-field-notes = Notes
import-choose-column = Choose a column
import-none = None
import-dates-written = Dates are written
import-like = like { $example }
import-amounts-written = Amounts are written
import-expenses-are = Expenses are
import-sign-positive = positive amounts
import-sign-negative = negative amounts (bank statements)
import-skip-rows = Skip rows already recorded (same date, amount and description)
import-start-rows = { $count ->
    [one] Import 1 row
   *[other] Import { $count } rows
    }
import-cancel = Cancel the import
import-done = { $count ->
    [one] <strong>1</strong> expense imported
   *[other] <strong>{ $count }</strong> expenses imported
    }
import-done-duplicates = , { $count } already recorded and skipped
import-done-failed = { $count ->
    [one] , 1 row left out (below)
   *[other] , { $count } rows left out (below)
    }
import-see-expenses = See the expenses
import-was-cancelled = This import was cancelled; nothing of it was kept.
import-failed = This import failed and nothing of it was kept. Check the file and try again.
import-left-out = Rows left out
import-col-line = Line
import-col-why = Why
import-more = And { $count } more.
import-all = All imports
import-waiting = Waiting to start…
import-progress = Importing { $done } of { $total } rows…
import-progress-label = Import progress
import-cancelled = The import is cancelled; nothing of it is kept.
