# Les pages de l'import.

import-title = Import
import-heading = Importer des dépenses
import-intro = Téléversez un fichier CSV de votre banque ou d'un tableur, ou un relevé bancaire OFX/QFX (jusqu'à { $mb } Mo). Vous verrez ses premières lignes et choisirez quelle colonne est quoi avant que quoi que ce soit soit importé.
import-encoding = Encodage du texte
import-encoding-auto = Détecter (UTF-8, sinon occidental)
import-encoding-utf8 = UTF-8 (la plupart des fichiers)
import-encoding-latin1 = Occidental (ISO-8859-1, anciens exports bancaires)
import-encoding-error-label = L'encodage du texte
import-file = Fichier CSV
import-file-error-label = Le fichier
import-upload = Téléverser et prévisualiser
import-earlier = Imports précédents
import-col-file = Fichier
import-col-when = Quand
import-col-status = État
import-col-imported = Importées
import-col-duplicates = Doublons
import-col-problems = Problèmes
import-status-uploaded = téléversé
import-status-queued = en attente
import-status-running = en cours
import-status-done = terminé
import-status-cancelled = annulé
import-status-failed = échoué
import-file-heading = Import « { $file } »
import-statement = Un relevé bancaire (OFX) avec { $transactions ->
    [one] 1 opération
   *[other] { $transactions } opérations
    } : { $debits ->
    [one] 1 paiement sortant, importé comme dépense.
   *[other] { $debits } paiements sortants, importés comme dépenses.
    }
import-statement-credits = { $credits ->
    [one] 1 paiement entrant (revenus, remboursements) est ignoré.
   *[other] { $credits } paiements entrants (revenus, remboursements) sont ignorés.
    }
import-first-ones = Voici les premières.
import-col-date = Date
import-col-amount = Montant
import-col-payee-description = Bénéficiaire ou description
import-col-memo = Mémo
import-skip-payments = Ignorer les paiements déjà enregistrés (même date, même montant et même description)
import-start-statement = { $count ->
    [one] Importer 1 dépense
   *[other] Importer { $count } dépenses
    }
import-discard = Abandonner ce fichier
import-rows-intro = { $count ->
    [one] 1 ligne. Voici les premières ; indiquez quelle colonne est quoi.
   *[other] { $count } lignes. Voici les premières ; indiquez quelle colonne est quoi.
    }
import-field-date = Date
import-field-amount = Montant
import-field-description = Description
import-field-payee = Bénéficiaire
import-field-category = Catégorie
import-field-tags = Étiquettes
import-field-notes = Notes
import-choose-column = Choisir une colonne
import-none = Aucune
import-dates-written = Les dates s'écrivent
import-like = comme { $example }
import-amounts-written = Les montants s'écrivent
import-expenses-are = Les dépenses sont
import-sign-positive = des montants positifs
import-sign-negative = des montants négatifs (relevés bancaires)
import-skip-rows = Ignorer les lignes déjà enregistrées (même date, même montant et même description)
import-start-rows = { $count ->
    [one] Importer 1 ligne
   *[other] Importer { $count } lignes
    }
import-cancel = Annuler l'import
import-done = { $count ->
    [one] <strong>1</strong> dépense importée
   *[other] <strong>{ $count }</strong> dépenses importées
    }
import-done-duplicates = , { $count } déjà enregistrées et ignorées
import-done-failed = { $count ->
    [one] , 1 ligne écartée (ci-dessous)
   *[other] , { $count } lignes écartées (ci-dessous)
    }
import-see-expenses = Voir les dépenses
import-was-cancelled = Cet import a été annulé ; rien n'en a été conservé.
import-failed = Cet import a échoué et rien n'en a été conservé. Vérifiez le fichier et réessayez.
import-left-out = Lignes écartées
import-col-line = Ligne
import-col-why = Pourquoi
import-more = Et { $count } de plus.
import-all = Tous les imports
import-waiting = En attente de démarrage…
import-progress = Import de { $done } lignes sur { $total }…
import-progress-label = Progression de l'import
import-cancelled = L'import est annulé ; rien n'en est conservé.
