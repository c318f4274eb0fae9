# The expense pages: the list, adding and editing, receipts.
expense-add-title = Add an expense
expense-edit-title = Edit expense
expense-prefilled = Filled in from the receipt. Check the values, then save.
expense-add-button = Add expense
expense-receipts-field = Receipts
expense-receipts-hint = (optional: photos or PDFs, up to { $mb } MB each)
expense-filter-title = Filter and sort
expense-filter-label = Filter expenses
expense-filter-from = From
expense-filter-to = To
expense-filter-any = Any
expense-filter-anyone = Anyone
expense-filter-search = Search
expense-filter-search-hint = description, payee, notes
expense-filter-tag = Tag
expense-filter-min = Min { $currency }
expense-filter-max = Max { $currency }
expense-filter-sort = Sort
expense-sort = { $sort ->
    [newest] Newest first
    [oldest] Oldest first
    [largest] Largest first
   *[smallest] Smallest first
    }
expense-filter-apply = Filter
expense-filter-clear = Clear
expense-filter-field = { $field ->
    [from] From
    [to] To
    [min] Min
    [max] Max
    [sort] Sort
    [category] Category
    [member] Paid by
    [tag] Tag
    [q] Search
   *[other] { $field }
    }
expense-filter-invalid = { $field } { $message }; showing everything instead.
expense-deleted = Deleted “{ $description }”.
expense-undo = Undo
expense-undo-named = Undo deleting { $description }
expense-count = { $count ->
    [one] expense
   *[other] expenses
    }
expense-total = total
expense-export-csv = Export CSV
expense-date = Date
expense-description = Description
expense-category = Category
expense-paid-by = Paid by
expense-amount = Amount
expense-actions = Actions
expense-none-match = No expenses match this filter.
expense-none-yet = No expenses yet.
expense-none-yet-add = No expenses yet: add the first one above.
expense-list-label = Expenses by day
expense-split = { $method ->
    [equal] Shared equally:
    [shares] Shared by shares:
    [percent] Shared by percentage:
   *[exact] Shared by exact amounts:
    }
expense-receipts-count = Receipts ({ $count })
expense-receipts-of = Receipts ({ $count }) of { $description }
expense-add-receipt = Add receipt
expense-add-receipt-to = Add receipt to { $description }
expense-edit = Edit
expense-edit-named = Edit { $description }
expense-delete = Delete
expense-delete-named = Delete { $description }
expense-load-more = Load more

expense-added = { $receipts ->
    [0] Added "{ $description }".
    [one] Added "{ $description }" with its receipt.
   *[other] Added "{ $description }" with { $receipts } receipts.
    }
expense-added-receipts-lost = { $receipts ->
    [one] Added "{ $description }", but its receipt was not saved ({ $reason }). Attach again later from the expense's Receipts link.
   *[other] Added "{ $description }", but its receipts were not saved ({ $reason }). Attach again later from the expense's Receipts link.
    }
expense-saved = Saved "{ $description }".
expense-restored = "{ $description }" is back.

# The fields of an expense, shared by the add and edit forms and recurring rules.
form-save = Save
form-cancel = Cancel
form-amount = Amount
form-currency = Currency
form-rate = Rate to { $currency }
form-rate-hint = (other currencies)
form-rate-error = Rate
form-date = Date
form-description = Description
form-payee = Payee
form-category = Category
form-no-category = No category
form-paid-by = Paid by
form-tags = Tags
form-tags-hint = (comma-separated)
form-notes = Notes
form-split-legend = Shared between members
form-split-how = How
form-split-none = Not shared (the payer's own)
form-split-equal = Equally between the ticked members
form-split-shares = By shares (e.g. 2 and 1)
form-split-percent = By percentage (adding up to 100)
form-split-exact = By exact amounts (adding up to the amount)
form-split-error = Split:
form-share-of = Share, percentage or amount of { $name }
form-share-hint = share, % or amount
form-file = File

# Receipts of an expense.
receipt-title = Receipts
receipt-alt = Receipt { $filename }
receipt-preparing = Preparing preview…
receipt-problem = No preview: { $problem }
receipt-fill-form = Fill the form from this receipt
receipt-none = No receipts yet.
receipt-drop = Add receipts: photos (JPEG, PNG, WebP, HEIC) or PDFs, up to { $mb } MB each. Drop files here, choose them, or take a photo.
receipt-attach = Attach
receipt-reads-text = Each receipt's text is read after upload, to offer its merchant, total and date for the expense.
receipt-edit-expense = Edit the expense
receipt-breadcrumb = Breadcrumb
receipt-no-metadata = Shown without the photo's metadata (location, camera). The download is the file as uploaded.
receipt-being-prepared = The preview is being prepared; reload in a moment.
receipt-no-preview-here = This file has no preview here; download it to open it.
receipt-read-from = Read from the receipt
receipt-fill-expense = Fill the expense form with this
receipt-download = Download original
receipt-remove = Remove receipt
receipt-attached = { $count ->
    [one] Receipt attached.
   *[other] { $count } receipts attached.
    }
receipt-removed = Receipt removed.
expense-csv-date = Date
expense-csv-description = Description
expense-csv-payee = Payee
expense-csv-category = Category
expense-csv-tags = Tags
expense-csv-paid-by = Paid by
expense-csv-amount = Amount
expense-csv-base-currency = Base currency
expense-csv-original-amount = Amount as entered
expense-csv-currency = Currency
expense-csv-rate = Rate
expense-csv-split = Split
expense-csv-notes = Notes
expense-csv-id = ID
