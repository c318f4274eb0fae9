# Recurring expenses: the rules, setting one up, changing and stopping it.
recurring-title = Wiederkehrende Ausgaben
recurring-intro = Miete, Abos, Taschengeld: einmal einrichten, und sie werden an ihren Terminen hinzugefügt, auch an Tagen, an denen die App nicht lief.
recurring-what = Was
recurring-how-often = Wie oft
recurring-next = Nächste
recurring-last-error = Die letzte konnte nicht hinzugefügt werden: { $error }.
recurring-frequency = { $frequency ->
    [daily] täglich
    [weekly] wöchentlich
    [monthly] monatlich
   *[yearly] jährlich
    }
recurring-every = { $frequency ->
    [daily] alle { $interval } Tage
    [weekly] alle { $interval } Wochen
    [monthly] alle { $interval } Monate
   *[yearly] alle { $interval } Jahre
    }
recurring-from = ab { $start }
recurring-from-to = vom { $start } bis { $end }
recurring-ended = beendet
recurring-edit-named = { $description } bearbeiten
recurring-stop = Beenden
recurring-stop-named = { $description } beenden
recurring-none = Noch wiederholt sich nichts.
recurring-set-up = Neu einrichten
recurring-submit = Diese Ausgabe wiederholen
recurring-edit-page = { $name } bearbeiten
recurring-edit-title = Wiederkehrende Ausgabe „{ $name }“ bearbeiten
recurring-edit-intro = Änderungen gelten für die Ausgaben, die ab jetzt hinzugefügt werden; die bereits hinzugefügten bleiben, wie sie sind. Ein neuer Beginn fügt nie einen Tag ein zweites Mal hinzu.
recurring-repeats = Wiederholung
recurring-interval = Alle
recurring-first-on = Erstmals am
recurring-first-error = Erstes Datum
recurring-last-on = Zuletzt am
recurring-optional = (optional)
recurring-last-date = Letztes Datum

recurring-created = { $frequency ->
    [daily] „{ $description }“ wiederholt sich jetzt täglich.
    [weekly] „{ $description }“ wiederholt sich jetzt wöchentlich.
    [monthly] „{ $description }“ wiederholt sich jetzt monatlich.
   *[yearly] „{ $description }“ wiederholt sich jetzt jährlich.
    }
recurring-changed = „{ $description }“ ist geändert; die bereits hinzugefügten Ausgaben bleiben, wie sie waren.
recurring-stopped = „{ $description }“ wiederholt sich nicht mehr; die erstellten Ausgaben bleiben.
