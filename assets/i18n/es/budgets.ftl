# La página de presupuestos y la de notificaciones.

budget-intro = Un límite por semana, mes, trimestre o año, para todo, para una categoría o para la parte de un miembro. Quien quiera recibe un correo cuando el gasto alcanza un umbral, una vez por periodo.
budget-budget = Presupuesto
budget-this-period = Este periodo
budget-spent = Gastado
budget-left = Queda
budget-actions = Acciones
budget-per-period = { $amount } por { $period ->
        [week] semana
        [month] mes
        [quarter] trimestre
       *[year] año
    }
budget-period = { $period ->
        [week] Semana
        [month] Mes
        [quarter] Trimestre
       *[year] Año
    }
budget-members-share = parte de { $name }
budget-rolls-over = se acumula
budget-alerts-at = avisos al
budget-percent = { $value } %
budget-percent-of = { $percent } % de { $limit }
budget-over-of = superado, límite { $limit }
budget-carried = ({ $amount } acumulado)
budget-delete = Eliminar
budget-none = Todavía no hay presupuestos.
budget-set-title = Crear un presupuesto
budget-name = Nombre
budget-limit-in = Límite ({ $currency })
budget-limit = Límite
budget-per = Por
budget-period-label = Periodo
budget-category = Categoría
budget-everything = Todo
budget-whose = Gasto de quién
budget-everyones = De todos
budget-member = Miembro
budget-alert-at = Avisar al (%)
budget-thresholds-help = En orden ascendente, de 1 a 1000, p. ej. 50, 80, 100.
budget-thresholds = Umbrales
budget-rollover = Pasar lo que sobre (o lo que se exceda) al siguiente periodo
budget-submit = Crear presupuesto
budget-is-set = El presupuesto «{ $name }» está creado.
budget-deleted = El presupuesto «{ $name }» está eliminado.

budget-mark-all-read = Marcar todo como leído
budget-new = Nuevo:
budget-no-notifications = Nada por ahora. Aquí aparecen los avisos de presupuesto.
budget-mail = Correos de este espacio
budget-mail-alerts = Un correo cuando un presupuesto alcanza un umbral de aviso
budget-mail-weekly = Un resumen de la semana pasada, los lunes por la mañana
budget-save = Guardar
budget-all-read = Todo leído.
budget-mail-saved = Tus ajustes de correo están guardados.
