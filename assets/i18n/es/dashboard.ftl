# A workspace's start page: figures, charts and lists.
dashboard-spent = gastados
dashboard-last-month = el mes pasado { $total }
dashboard-members = { $count ->
    [one] { $count } miembro
   *[other] { $count } miembros
    }
dashboard-invite = invitar a alguien
dashboard-add = Añadir un gasto
dashboard-budgets = Presupuestos de este periodo
dashboard-budget-spent = { $spent } de { $limit }
dashboard-budget-over = superado
dashboard-no-budgets = Aún no hay presupuestos.
dashboard-set-budget = Crea uno
dashboard-set-budget-why = y recibe un correo cuando el gasto se acerque.
dashboard-all-budgets = Todos los presupuestos
dashboard-by-category = Por categoría, { $month }
dashboard-by-category-title = Gasto por categoría en { $month }
dashboard-nothing-spent = Aún no has gastado nada este mes.
dashboard-last-12-months = Los últimos 12 meses
dashboard-trend-title = Gasto por mes; el mes más alto fue { $max }
dashboard-per-month = Gasto por mes
dashboard-top-payees = Principales beneficiarios del mes
dashboard-expenses-count = { $count ->
    [one] { $count } gasto
   *[other] { $count } gastos
    }
dashboard-no-payees = Ningún beneficiario este mes.
dashboard-recent = Gastos recientes
dashboard-no-expenses = Aún no hay gastos.
dashboard-all-expenses = Todos los gastos
dashboard-is-owed = le deben
dashboard-owes = debe
dashboard-settled = Todos están en paz.
dashboard-settle-up = Saldar cuentas
dashboard-month-1 = enero
dashboard-month-2 = febrero
dashboard-month-3 = marzo
dashboard-month-4 = abril
dashboard-month-5 = mayo
dashboard-month-6 = junio
dashboard-month-7 = julio
dashboard-month-8 = agosto
dashboard-month-9 = septiembre
dashboard-month-10 = octubre
dashboard-month-11 = noviembre
dashboard-month-12 = diciembre
dashboard-month-short-1 = ene
dashboard-month-short-2 = feb
dashboard-month-short-3 = mar
dashboard-month-short-4 = abr
dashboard-month-short-5 = may
dashboard-month-short-6 = jun
dashboard-month-short-7 = jul
dashboard-month-short-8 = ago
dashboard-month-short-9 = sept
dashboard-month-short-10 = oct
dashboard-month-short-11 = nov
dashboard-month-short-12 = dic
