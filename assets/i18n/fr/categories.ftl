# The categories page.
category-name-column = Catégorie
category-expenses = Dépenses
category-rename-column = Renommer ou changer la couleur
category-delete-column = Supprimer en déplaçant ses dépenses
category-inside = dans { $parent }
category-name-of = Nom de { $name }
category-colour-of = Couleur de { $name }
category-save-named = Enregistrer { $name }
category-move-to = Où vont les dépenses de { $name }
category-to-none = → sans catégorie
category-delete-named = Supprimer { $name }
category-rename-note = Renommer garde chaque dépense dans sa catégorie ; le journal d’audit garde l’ancien nom.
category-add-title = Ajouter une catégorie
category-name = Nom
category-colour = Couleur
category-parent = Dans
category-parent-error = Parente
category-top-level = Rien (premier niveau)
category-add-button = Ajouter la catégorie

category-added = Catégorie « { $name } » ajoutée.
category-saved = « { $name } » enregistrée.
category-deleted = Catégorie « { $name } » supprimée.
