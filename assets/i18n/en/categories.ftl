# The categories page.
category-name-column = Category
category-expenses = Expenses
category-rename-column = Rename or recolour
category-delete-column = Delete, moving its expenses
category-inside = in { $parent }
category-name-of = Name of { $name }
category-colour-of = Colour of { $name }
category-save-named = Save { $name }
category-move-to = Where the expenses of { $name } go
category-to-none = → no category
category-delete-named = Delete { $name }
category-rename-note = Renaming keeps every expense in its category; the audit log keeps the old name.
category-add-title = Add a category
category-name = Name
category-colour = Colour
category-parent = Inside
category-parent-error = Parent
category-top-level = Nothing (top level)
category-add-button = Add category

category-added = Added the category "{ $name }".
category-saved = Saved "{ $name }".
category-deleted = Deleted the category "{ $name }".
