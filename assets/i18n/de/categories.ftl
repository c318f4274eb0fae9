# The categories page.
category-name-column = Kategorie
category-expenses = Ausgaben
category-rename-column = Umbenennen oder umfärben
category-delete-column = Löschen, Ausgaben verschieben
category-inside = in { $parent }
category-name-of = Name von { $name }
category-colour-of = Farbe von { $name }
category-save-named = { $name } speichern
category-move-to = Wohin die Ausgaben von { $name } kommen
category-to-none = → keine Kategorie
category-delete-named = { $name } löschen
category-rename-note = Beim Umbenennen bleibt jede Ausgabe in ihrer Kategorie; das Protokoll behält den alten Namen.
category-add-title = Kategorie hinzufügen
category-name = Name
category-colour = Farbe
category-parent = Innerhalb von
category-parent-error = Übergeordnete Kategorie
category-top-level = Nichts (oberste Ebene)
category-add-button = Kategorie hinzufügen

category-added = Kategorie „{ $name }“ hinzugefügt.
category-saved = „{ $name }“ gespeichert.
category-deleted = Kategorie „{ $name }“ gelöscht.
