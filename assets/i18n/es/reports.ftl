# La página de informes y su descarga en CSV.

report-from = Desde
report-to = Hasta
report-group-by = Agrupar por
report-group = Agrupación
report-grouping = { $group ->
        [category] Categoría
        [month] Mes
        [week] Semana
        [payee] Beneficiario
       *[payer] Pagador
    }
report-show = Mostrar
report-range = del { $from } al { $to }
report-download = Descargar en CSV:
report-csv-spreadsheet = para hojas de cálculo
report-csv-plain = CSV simple, con comas
report-expenses = Gastos
report-total = Total
report-share = Parte
report-none = No hay gastos en este periodo.
report-csv-group = Grupo
report-csv-expenses = Gastos
report-csv-total = Total
report-csv-currency = Moneda
