# Recurring expenses: the rules, setting one up, changing and stopping it.
recurring-title = Gastos recurrentes
recurring-intro = Alquiler, suscripciones, pagas: configúralos una vez y se añaden en sus fechas, incluso en las que la aplicación no estaba en marcha.
recurring-what = Qué
recurring-how-often = Frecuencia
recurring-next = Próximo
recurring-last-error = No se pudo añadir el último: { $error }.
recurring-frequency = { $frequency ->
    [daily] a diario
    [weekly] cada semana
    [monthly] cada mes
   *[yearly] cada año
    }
recurring-every = { $frequency ->
    [daily] cada { $interval } días
    [weekly] cada { $interval } semanas
    [monthly] cada { $interval } meses
   *[yearly] cada { $interval } años
    }
recurring-from = desde el { $start }
recurring-from-to = del { $start } al { $end }
recurring-ended = terminado
recurring-edit-named = Editar { $description }
recurring-stop = Detener
recurring-stop-named = Detener { $description }
recurring-none = Todavía no se repite nada.
recurring-set-up = Configurar uno
recurring-submit = Repetir este gasto
recurring-edit-page = Editar { $name }
recurring-edit-title = Editar el gasto recurrente «{ $name }»
recurring-edit-intro = Los cambios se aplican a los gastos que añada a partir de ahora; los ya añadidos se quedan como están. Un nuevo inicio nunca vuelve a añadir una fecha ya añadida.
recurring-repeats = Se repite
recurring-interval = Cada
recurring-first-on = Primero el
recurring-first-error = Primera fecha
recurring-last-on = Último el
recurring-optional = (opcional)
recurring-last-date = Última fecha

recurring-created = { $frequency ->
    [daily] «{ $description }» se repite ahora a diario.
    [weekly] «{ $description }» se repite ahora cada semana.
    [monthly] «{ $description }» se repite ahora cada mes.
   *[yearly] «{ $description }» se repite ahora cada año.
    }
recurring-changed = «{ $description }» ha cambiado; los gastos que ya añadió se quedan como estaban.
recurring-stopped = «{ $description }» ya no se repite; los gastos que creó se quedan.
