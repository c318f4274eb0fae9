# The phone-first frame: the bottom bar and the quick-add sheet.
design-nav-bar = Secciones principales
design-quick-add-title = Añadir un gasto
design-close = Cerrar
design-quick-add-amount = Importe ({ $currency })
design-quick-add-description = Concepto
design-quick-add-category = Categoría
design-quick-add-no-category = Sin categoría
design-quick-add-date = Fecha
design-quick-add-paid-by = Pagado por
design-quick-add-split = Reparto
design-split-equal = A partes iguales
design-split-none = Sin compartir
design-quick-add-between = Entre
design-quick-add-save = Añadir
design-quick-add-more = Más detalles…
