# Recurring expenses: the rules, setting one up, changing and stopping it.
recurring-title = Dépenses récurrentes
recurring-intro = Loyer, abonnements, argent de poche : configurez-les une fois et elles sont ajoutées à leurs dates, même celles où l’application ne tournait pas.
recurring-what = Quoi
recurring-how-often = Fréquence
recurring-next = Prochaine
recurring-last-error = La dernière n’a pas pu être ajoutée : { $error }.
recurring-frequency = { $frequency ->
    [daily] tous les jours
    [weekly] toutes les semaines
    [monthly] tous les mois
   *[yearly] tous les ans
    }
recurring-every = { $frequency ->
    [daily] tous les { $interval } jours
    [weekly] toutes les { $interval } semaines
    [monthly] tous les { $interval } mois
   *[yearly] tous les { $interval } ans
    }
recurring-from = à partir du { $start }
recurring-from-to = du { $start } au { $end }
recurring-ended = terminée
recurring-edit-named = Modifier { $description }
recurring-stop = Arrêter
recurring-stop-named = Arrêter { $description }
recurring-none = Rien ne se répète pour l’instant.
recurring-set-up = En configurer une
recurring-submit = Répéter cette dépense
recurring-edit-page = Modifier { $name }
recurring-edit-title = Modifier la dépense récurrente « { $name } »
recurring-edit-intro = Les modifications s’appliquent aux dépenses ajoutées à partir de maintenant ; celles déjà ajoutées restent telles quelles. Un nouveau début n’ajoute jamais deux fois la même date.
recurring-repeats = Répétition
recurring-interval = Tous les
recurring-first-on = Première le
recurring-first-error = Première date
recurring-last-on = Dernière le
recurring-optional = (facultatif)
recurring-last-date = Dernière date

recurring-created = { $frequency ->
    [daily] « { $description } » se répète désormais tous les jours.
    [weekly] « { $description } » se répète désormais toutes les semaines.
    [monthly] « { $description } » se répète désormais tous les mois.
   *[yearly] « { $description } » se répète désormais tous les ans.
    }
recurring-changed = « { $description } » est modifiée ; les dépenses déjà ajoutées restent telles quelles.
recurring-stopped = « { $description } » ne se répète plus ; les dépenses créées restent.
