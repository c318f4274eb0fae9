# The expense pages: the list, adding and editing, receipts.
expense-add-title = Ajouter une dépense
expense-edit-title = Modifier la dépense
expense-prefilled = Rempli à partir du justificatif. Vérifiez les valeurs, puis enregistrez.
expense-add-button = Ajouter la dépense
expense-receipts-field = Justificatifs
expense-receipts-hint = (facultatif : photos ou PDF, jusqu’à { $mb } Mo chacun)
expense-filter-title = Filtrer et trier
expense-filter-label = Filtrer les dépenses
expense-filter-from = Du
expense-filter-to = Au
expense-filter-any = Toutes
expense-filter-anyone = Tout le monde
expense-filter-search = Rechercher
expense-filter-search-hint = description, bénéficiaire, notes
expense-filter-tag = Étiquette
expense-filter-min = Min. { $currency }
expense-filter-max = Max. { $currency }
expense-filter-sort = Tri
expense-sort = { $sort ->
    [newest] Plus récentes d’abord
    [oldest] Plus anciennes d’abord
    [largest] Plus élevées d’abord
   *[smallest] Plus faibles d’abord
    }
expense-filter-apply = Filtrer
expense-filter-clear = Effacer
expense-filter-field = { $field ->
    [from] Du
    [to] Au
    [min] Min.
    [max] Max.
    [sort] Tri
    [category] Catégorie
    [member] Payé par
    [tag] Étiquette
    [q] Rechercher
   *[other] { $field }
    }
expense-filter-invalid = { $field } { $message } ; tout est affiché à la place.
expense-deleted = « { $description } » supprimée.
expense-undo = Annuler
expense-undo-named = Annuler la suppression de { $description }
expense-count = { $count ->
    [one] dépense
   *[other] dépenses
    }
expense-total = total
expense-export-csv = Exporter en CSV
expense-date = Date
expense-description = Description
expense-category = Catégorie
expense-paid-by = Payé par
expense-amount = Montant
expense-actions = Actions
expense-none-match = Aucune dépense ne correspond à ce filtre.
expense-none-yet = Aucune dépense pour l’instant.
expense-none-yet-add = Aucune dépense pour l’instant : ajoutez la première ci-dessus.
expense-list-label = Dépenses par jour
expense-split = { $method ->
    [equal] Partagée à parts égales :
    [shares] Partagée par parts :
    [percent] Partagée en pourcentage :
   *[exact] Partagée en montants exacts :
    }
expense-receipts-count = Justificatifs ({ $count })
expense-receipts-of = Justificatifs ({ $count }) de { $description }
expense-add-receipt = Ajouter un justificatif
expense-add-receipt-to = Ajouter un justificatif à { $description }
expense-edit = Modifier
expense-edit-named = Modifier { $description }
expense-delete = Supprimer
expense-delete-named = Supprimer { $description }
expense-load-more = Afficher plus

expense-added = { $receipts ->
    [0] « { $description } » ajoutée.
    [one] « { $description } » ajoutée avec son justificatif.
   *[other] « { $description } » ajoutée avec { $receipts } justificatifs.
    }
expense-added-receipts-lost = { $receipts ->
    [one] « { $description } » ajoutée, mais son justificatif n’a pas été enregistré ({ $reason }). Joignez-le plus tard depuis le lien « Justificatifs » de la dépense.
   *[other] « { $description } » ajoutée, mais ses justificatifs n’ont pas été enregistrés ({ $reason }). Joignez-les plus tard depuis le lien « Justificatifs » de la dépense.
    }
expense-saved = « { $description } » enregistrée.
expense-restored = « { $description } » est de retour.

# The fields of an expense, shared by the add and edit forms and recurring rules.
form-save = Enregistrer
form-cancel = Annuler
form-amount = Montant
form-currency = Devise
form-rate = Taux vers { $currency }
form-rate-hint = (autres devises)
form-rate-error = Taux
form-date = Date
form-description = Description
form-payee = Bénéficiaire
form-category = Catégorie
form-no-category = Sans catégorie
form-paid-by = Payé par
form-tags = Étiquettes
form-tags-hint = (séparées par des virgules)
form-notes = Notes
form-split-legend = Partagée entre les membres
form-split-how = Comment
form-split-none = Non partagée (à la charge de qui a payé)
form-split-equal = À parts égales entre les membres cochés
form-split-shares = Par parts (p. ex. 2 et 1)
form-split-percent = En pourcentage (100 au total)
form-split-exact = En montants exacts (le montant au total)
form-split-error = Partage :
form-share-of = Part, pourcentage ou montant de { $name }
form-share-hint = part, % ou montant
form-file = Fichier

# Receipts of an expense.
receipt-title = Justificatifs
receipt-alt = Justificatif { $filename }
receipt-preparing = Aperçu en préparation…
receipt-problem = Pas d’aperçu : { $problem }
receipt-fill-form = Remplir le formulaire avec ce justificatif
receipt-none = Aucun justificatif pour l’instant.
receipt-drop = Ajouter des justificatifs : photos (JPEG, PNG, WebP, HEIC) ou PDF, jusqu’à { $mb } Mo chacun. Déposez des fichiers ici, choisissez-les ou prenez une photo.
receipt-attach = Joindre
receipt-reads-text = Le texte de chaque justificatif est lu après l’envoi, pour proposer le commerçant, le total et la date de la dépense.
receipt-edit-expense = Modifier la dépense
receipt-breadcrumb = Fil d’Ariane
receipt-no-metadata = Affiché sans les métadonnées de la photo (lieu, appareil). Le téléchargement est le fichier tel qu’envoyé.
receipt-being-prepared = L’aperçu est en préparation ; rechargez dans un instant.
receipt-no-preview-here = Ce fichier n’a pas d’aperçu ici ; téléchargez-le pour l’ouvrir.
receipt-read-from = Lu sur le justificatif
receipt-fill-expense = Remplir la dépense avec ces valeurs
receipt-download = Télécharger l’original
receipt-remove = Retirer le justificatif
receipt-attached = { $count ->
    [one] Justificatif joint.
   *[other] { $count } justificatifs joints.
    }
receipt-removed = Justificatif retiré.
expense-csv-date = Date
expense-csv-description = Description
expense-csv-payee = Bénéficiaire
expense-csv-category = Catégorie
expense-csv-tags = Étiquettes
expense-csv-paid-by = Payé par
expense-csv-amount = Montant
expense-csv-base-currency = Devise de base
expense-csv-original-amount = Montant saisi
expense-csv-currency = Devise
expense-csv-rate = Taux
expense-csv-split = Partage
expense-csv-notes = Notes
expense-csv-id = ID
