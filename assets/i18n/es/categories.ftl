# The categories page.
category-name-column = Categoría
category-expenses = Gastos
category-rename-column = Renombrar o cambiar el color
category-delete-column = Eliminar moviendo sus gastos
category-inside = en { $parent }
category-name-of = Nombre de { $name }
category-colour-of = Color de { $name }
category-save-named = Guardar { $name }
category-move-to = Adónde van los gastos de { $name }
category-to-none = → sin categoría
category-delete-named = Eliminar { $name }
category-rename-note = Al renombrar, cada gasto se queda en su categoría; el registro de auditoría guarda el nombre anterior.
category-add-title = Añadir una categoría
category-name = Nombre
category-colour = Color
category-parent = Dentro de
category-parent-error = Categoría superior
category-top-level = Nada (nivel superior)
category-add-button = Añadir categoría

category-added = Categoría «{ $name }» añadida.
category-saved = «{ $name }» guardada.
category-deleted = Categoría «{ $name }» eliminada.
