# The phone-first frame: the bottom bar and the quick-add sheet.
design-nav-bar = Main places
design-quick-add-title = Add an expense
design-close = Close
design-quick-add-amount = Amount ({ $currency })
design-quick-add-description = What for
design-quick-add-category = Category
design-quick-add-no-category = No category
design-quick-add-date = Date
design-quick-add-paid-by = Paid by
design-quick-add-split = Split
design-split-equal = Equally
design-split-none = Not shared
design-quick-add-between = Between
design-quick-add-save = Add
design-quick-add-more = More details…
