# The expense pages: the list, adding and editing, receipts.
expense-add-title = Añadir un gasto
expense-edit-title = Editar gasto
expense-prefilled = Rellenado a partir del recibo. Revisa los valores y luego guarda.
expense-add-button = Añadir gasto
expense-receipts-field = Recibos
expense-receipts-hint = (opcional: fotos o PDF, hasta { $mb } MB cada uno)
expense-filter-title = Filtrar y ordenar
expense-filter-label = Filtrar gastos
expense-filter-from = Desde
expense-filter-to = Hasta
expense-filter-any = Cualquiera
expense-filter-anyone = Cualquiera
expense-filter-search = Buscar
expense-filter-search-hint = descripción, beneficiario, notas
expense-filter-tag = Etiqueta
expense-filter-min = Mín. { $currency }
expense-filter-max = Máx. { $currency }
expense-filter-sort = Orden
expense-sort = { $sort ->
    [newest] Más recientes primero
    [oldest] Más antiguos primero
    [largest] Más altos primero
   *[smallest] Más bajos primero
    }
expense-filter-apply = Filtrar
expense-filter-clear = Borrar
expense-filter-field = { $field ->
    [from] Desde
    [to] Hasta
    [min] Mín.
    [max] Máx.
    [sort] Orden
    [category] Categoría
    [member] Pagado por
    [tag] Etiqueta
    [q] Buscar
   *[other] { $field }
    }
expense-filter-invalid = { $field } { $message }; se muestra todo en su lugar.
expense-deleted = «{ $description }» eliminado.
expense-undo = Deshacer
expense-undo-named = Deshacer la eliminación de { $description }
expense-count = { $count ->
    [one] gasto
   *[other] gastos
    }
expense-total = total
expense-export-csv = Exportar CSV
expense-date = Fecha
expense-description = Descripción
expense-category = Categoría
expense-paid-by = Pagado por
expense-amount = Importe
expense-actions = Acciones
expense-none-match = Ningún gasto coincide con este filtro.
expense-none-yet = Todavía no hay gastos.
expense-none-yet-add = Todavía no hay gastos: añade el primero arriba.
expense-list-label = Gastos por día
expense-split = { $method ->
    [equal] Compartido a partes iguales:
    [shares] Compartido por partes:
    [percent] Compartido por porcentaje:
   *[exact] Compartido por importes exactos:
    }
expense-receipts-count = Recibos ({ $count })
expense-receipts-of = Recibos ({ $count }) de { $description }
expense-add-receipt = Añadir recibo
expense-add-receipt-to = Añadir recibo a { $description }
expense-edit = Editar
expense-edit-named = Editar { $description }
expense-delete = Eliminar
expense-delete-named = Eliminar { $description }
expense-load-more = Cargar más

expense-added = { $receipts ->
    [0] «{ $description }» añadido.
    [one] «{ $description }» añadido con su recibo.
   *[other] «{ $description }» añadido con { $receipts } recibos.
    }
expense-added-receipts-lost = { $receipts ->
    [one] «{ $description }» añadido, pero su recibo no se guardó ({ $reason }). Adjúntalo más tarde desde el enlace «Recibos» del gasto.
   *[other] «{ $description }» añadido, pero sus recibos no se guardaron ({ $reason }). Adjúntalos más tarde desde el enlace «Recibos» del gasto.
    }
expense-saved = «{ $description }» guardado.
expense-restored = «{ $description }» ha vuelto.

# The fields of an expense, shared by the add and edit forms and recurring rules.
form-save = Guardar
form-cancel = Cancelar
form-amount = Importe
form-currency = Moneda
form-rate = Tipo de cambio a { $currency }
form-rate-hint = (otras monedas)
form-rate-error = Tipo de cambio
form-date = Fecha
form-description = Descripción
form-payee = Beneficiario
form-category = Categoría
form-no-category = Sin categoría
form-paid-by = Pagado por
form-tags = Etiquetas
form-tags-hint = (separadas por comas)
form-notes = Notas
form-split-legend = Compartido entre miembros
form-split-how = Cómo
form-split-none = No compartido (lo asume quien paga)
form-split-equal = A partes iguales entre los miembros marcados
form-split-shares = Por partes (p. ej. 2 y 1)
form-split-percent = Por porcentaje (que sume 100)
form-split-exact = Por importes exactos (que sumen el importe)
form-split-error = Reparto:
form-share-of = Parte, porcentaje o importe de { $name }
form-share-hint = parte, % o importe
form-file = Archivo

# Receipts of an expense.
receipt-title = Recibos
receipt-alt = Recibo { $filename }
receipt-preparing = Preparando la vista previa…
receipt-problem = Sin vista previa: { $problem }
receipt-fill-form = Rellenar el formulario con este recibo
receipt-none = Todavía no hay recibos.
receipt-drop = Añadir recibos: fotos (JPEG, PNG, WebP, HEIC) o PDF, hasta { $mb } MB cada uno. Suelta los archivos aquí, elígelos o haz una foto.
receipt-attach = Adjuntar
receipt-reads-text = El texto de cada recibo se lee tras subirlo, para proponer el comercio, el total y la fecha del gasto.
receipt-edit-expense = Editar el gasto
receipt-breadcrumb = Ruta de navegación
receipt-no-metadata = Se muestra sin los metadatos de la foto (ubicación, cámara). La descarga es el archivo tal como se subió.
receipt-being-prepared = Se está preparando la vista previa; recarga en un momento.
receipt-no-preview-here = Este archivo no tiene vista previa aquí; descárgalo para abrirlo.
receipt-read-from = Leído del recibo
receipt-fill-expense = Rellenar el gasto con esto
receipt-download = Descargar el original
receipt-remove = Quitar el recibo
receipt-attached = { $count ->
    [one] Recibo adjuntado.
   *[other] { $count } recibos adjuntados.
    }
receipt-removed = Recibo quitado.
expense-csv-date = Fecha
expense-csv-description = Descripción
expense-csv-payee = Beneficiario
expense-csv-category = Categoría
expense-csv-tags = Etiquetas
expense-csv-paid-by = Pagado por
expense-csv-amount = Importe
expense-csv-base-currency = Moneda base
expense-csv-original-amount = Importe introducido
expense-csv-currency = Moneda
expense-csv-rate = Tipo de cambio
expense-csv-split = Reparto
expense-csv-notes = Notas
expense-csv-id = ID
