# El asistente: sus respuestas, su panel y su página.

assistant-title = Asistente
assistant-page-title = Asistente · { $workspace }
assistant-intro = Pregunta por los gastos de este espacio en español, inglés, alemán o francés, o describe un gasto para añadirlo. Las respuestas salen de tus propios datos en este servidor; no se envía nada a ningún sitio.
assistant-try = Prueba
assistant-open-panel = Preguntar al asistente
assistant-input-label = Pregunta por tus gastos o añade un gasto
assistant-input-placeholder = p. ej. ¿cuánto en comestibles el mes pasado? · café 4,50 ayer
assistant-ask = Preguntar
assistant-you = Tú:
assistant-message-error = El mensaje { $error }.
assistant-draft-description = Descripción
assistant-draft-amount = Importe ({ $currency })
assistant-draft-rate = Tipo de cambio a { $currency }
assistant-draft-date = Fecha
assistant-draft-category = Categoría
assistant-draft-no-category = Sin categoría
assistant-draft-paid-by = Pagado por

assistant-example-1 = ¿Cuánto gastamos en comestibles el mes pasado?
assistant-example-2 = gastos más grandes esta semana
assistant-example-3 = ¿Quién debe a quién?
assistant-example-4 = café 4,50 ayer

assistant-can-do = Puedo sumar lo que habéis gastado (por categoría, persona, periodo o palabras), listar los gastos más grandes, comparar periodos, dar medias mensuales, mostrar los presupuestos y quién debe a quién, y añadir un gasto a partir de una línea como «café 4,50 ayer».
assistant-unknown = No lo he entendido. { assistant-can-do }
assistant-not-understood =
    { $count ->
        [one] No he entendido la palabra { $words }, así que no respondo como si no estuviera. { assistant-can-do }
       *[other] No he entendido las palabras { $words }, así que no respondo como si no estuvieran. { assistant-can-do }
    }

assistant-refused-budgets = Como { $role } de este espacio no puedes ver los presupuestos; un propietario o un admin sí puede.
assistant-refused-balances = Como { $role } de este espacio no puedes ver los saldos; un propietario o un admin sí puede.
assistant-refused-add = Como { $role } de este espacio no puedes añadir gastos; un propietario o un admin sí puede.

assistant-month =
    { $month ->
        [1] enero
        [2] febrero
        [3] marzo
        [4] abril
        [5] mayo
        [6] junio
        [7] julio
        [8] agosto
        [9] septiembre
        [10] octubre
        [11] noviembre
       *[12] diciembre
    }
assistant-on-day = el { $date }
assistant-in-month = en { $month } de { $year }
assistant-in-quarter = en el T{ $quarter } de { $year }
assistant-in-year = en { $year }
assistant-from-to = del { $from } al { $to }
assistant-month-year = { $month } de { $year }
assistant-quarter-year = T{ $quarter } de { $year }

assistant-count =
    { $count ->
        [one] 1 gasto
       *[other] { $count } gastos
    }
assistant-on-category = en { $category }
assistant-on-search = en gastos que mencionan «{ $words }»
assistant-spent =
    { $who ->
        [all] Habéis gastado
        [me] Has pagado
       *[member] { $name } ha pagado
    } { $amount }{ $what } { $range } ({ $count }).
assistant-spent-nothing = Nada gastado{ $what } { $range }: ningún gasto coincide.
assistant-see-expenses = Ver estos gastos

assistant-breakdown = Por categoría { $range } ({ $total } en total):
assistant-breakdown-none = Ningún gasto { $range }.
assistant-open-report = Abrir el informe

assistant-biggest =
    { $count ->
        [one] El gasto más grande
       *[other] Los { $count } gastos más grandes
    }{ $what } { $range }:
assistant-biggest-none = Ningún gasto{ $what } { $range }.
assistant-see-largest = Verlos todos, los más grandes primero

assistant-compare = Gastos{ $what }: { $first } { $first-total } ({ $first-count }), { $second } { $second-total } ({ $second-count }). { $later }: { $change } { $first }.
assistant-compare-change =
    { $direction ->
        [same] lo mismo que
        [more] { $difference }{ $percent } más que
       *[less] { $difference }{ $percent } menos que
    }
assistant-see-period = Ver { $period }

assistant-average =
    { $months ->
        [one] De media { $average } al mes{ $what }, en 1 mes ({ $from } a { $to }; { $total } en total, { $count }).
       *[other] De media { $average } al mes{ $what }, en { $months } meses ({ $from } a { $to }; { $total } en total, { $count }).
    }
assistant-average-not-begun = Ese periodo aún no ha empezado ({ $range }).

assistant-no-budgets = Este espacio aún no tiene presupuestos.
assistant-budget-left = quedan { $left } de { $limit }
assistant-budget-over = superado en { $over } (límite { $limit })
assistant-budget-percent = , { $percent } % gastado
assistant-budget-line = { $name }: { $standing }{ $percent }, { $spent } gastados del { $from } al { $to }
assistant-open-budgets = Abrir presupuestos

assistant-balance-settled =
    { $who ->
        [me] Estás al día.
       *[other] { $name } está al día.
    }
assistant-balance-owed =
    { $who ->
        [me] Te deben { $amount } en total.
       *[other] A { $name } le deben { $amount } en total.
    }
assistant-balance-owes =
    { $who ->
        [me] Debes { $amount } en total.
       *[other] { $name } debe { $amount } en total.
    }
assistant-all-settled = Todos están al día.
assistant-transfer =
    { $who ->
        [me] Debes { $amount } a { $to }.
       *[other] { $from } debe { $amount } a { $to }.
    }
assistant-you-object = ti
assistant-deleted-account = Una cuenta eliminada
assistant-open-balances = Abrir saldos

assistant-draft = ¿Añadir «{ $description }», { $amount } { $day }, pagado por { $payer }{ $details }? Revísalo y confirma para añadirlo.
assistant-draft-in-category = , en { $category }
assistant-draft-at = , en { $payee }
assistant-draft-split = , dividido a partes iguales entre { $count } personas
assistant-draft-needs-rate = Está en { $currency }: indica el tipo de cambio a { $base } antes de confirmar.
assistant-draft-payer-you = ti
assistant-cannot-add = No puedo añadir eso: { $why }.
assistant-add-this = Añadir este gasto

assistant-help-start = Pregúntame por los gastos de este espacio o dime un gasto para añadir. Por ejemplo:
assistant-help-invite = Los propietarios y los admins invitan en la página Miembros: escribe el correo y un rol (admin, miembro o lector). La persona recibe por correo un enlace para unirse.
assistant-help-invite-link = Abrir miembros
assistant-help-export = Tus gastos se descargan en CSV desde la página Gastos («Exportar CSV» mantiene tu filtro). Los propietarios y los admins pueden descargar todo el espacio como archivo JSON desde Ajustes.
assistant-help-export-link = Descargar todos los gastos en CSV
assistant-help-import = Importa un archivo CSV (un extracto del banco o una hoja de cálculo) en la página Importar: asignas sus columnas, ves una vista previa y la importación avanza con una barra de progreso.
assistant-help-import-link = Abrir importación
assistant-help-add = Usa el formulario de la página Gastos o dímelo aquí, p. ej. «café 4,50 ayer» o «alquiler 1200 pagado por Sam dividido»: lo relleno y tú confirmas.
assistant-help-add-link = Abrir gastos
assistant-help-budgets = Los propietarios y los admins fijan presupuestos en la página Presupuestos: un importe por semana, mes, trimestre o año, para el espacio, una categoría o un miembro, con avisos en los umbrales que elijas (80 % y 100 % por defecto).
assistant-help-budgets-link = Abrir presupuestos
assistant-help-categories = Las categorías (y subcategorías) se gestionan en la página Categorías; los propietarios y los admins las añaden, renombran, cambian de color y eliminan.
assistant-help-categories-link = Abrir categorías
assistant-help-settle = La página Saldos muestra quién debe a quién y los pagos mínimos para que todos queden al día; registra ahí un pago cuando alguien devuelva dinero.
assistant-help-settle-link = Abrir saldos
assistant-help-recurring = El alquiler, las suscripciones y otros gastos periódicos se configuran en la página Recurrentes; cada uno se añade como gasto cuando vence.
assistant-help-recurring-link = Abrir recurrentes
assistant-help-reports = La página Informes suma cualquier periodo por categoría, mes, semana, beneficiario o pagador, como tabla, gráfico y archivo CSV.
assistant-help-reports-link = Abrir informes

assistant-no-such-budget = Ningún presupuesto coincide con «{ $word }». ¿Cuál quieres decir?
assistant-compare-which = ¿Qué periodos comparo?
assistant-which-member = ¿Qué miembro quieres decir con «{ $phrase }»?
assistant-which-category = ¿Qué categoría quieres decir con «{ $phrase }»?
assistant-which-budget = ¿Qué presupuesto quieres decir con «{ $phrase }»?
assistant-nobody-called = Aquí nadie se llama «{ $phrase }». ¿A quién te refieres?
assistant-which-amount = ¿Cuál es el importe: { $amounts }?
assistant-which-day = ¿Qué día?
assistant-what-for = ¿Para qué eran los { $amount }?
