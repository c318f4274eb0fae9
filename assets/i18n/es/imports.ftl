# Las páginas de la importación.

import-title = Importar
import-heading = Importar gastos
import-intro = Sube un archivo CSV de tu banco o de una hoja de cálculo, o un extracto bancario OFX/QFX (hasta { $mb } MB). Verás sus primeras filas y elegirás qué es cada columna antes de importar nada.
import-encoding = Codificación del texto
import-encoding-auto = Detectar (UTF-8 o, si no, occidental)
import-encoding-utf8 = UTF-8 (la mayoría de los archivos)
import-encoding-latin1 = Occidental (ISO-8859-1, exportaciones bancarias antiguas)
import-encoding-error-label = La codificación del texto
import-file = Archivo CSV
import-file-error-label = El archivo
import-upload = Subir y previsualizar
import-earlier = Importaciones anteriores
import-col-file = Archivo
import-col-when = Cuándo
import-col-status = Estado
import-col-imported = Importados
import-col-duplicates = Duplicados
import-col-problems = Problemas
import-status-uploaded = subido
import-status-queued = en cola
import-status-running = en curso
import-status-done = terminado
import-status-cancelled = cancelado
import-status-failed = fallido
import-file-heading = Importar «{ $file }»
import-statement = Un extracto bancario (OFX) con { $transactions ->
    [one] 1 movimiento
   *[other] { $transactions } movimientos
    }: { $debits ->
    [one] 1 pago saliente, que se importa como gasto.
   *[other] { $debits } pagos salientes, que se importan como gastos.
    }
import-statement-credits = { $credits ->
    [one] 1 pago entrante (ingresos, devoluciones) se omite.
   *[other] { $credits } pagos entrantes (ingresos, devoluciones) se omiten.
    }
import-first-ones = Estos son los primeros.
import-col-date = Fecha
import-col-amount = Importe
import-col-payee-description = Beneficiario o descripción
import-col-memo = Nota
import-skip-payments = Omitir los pagos ya registrados (misma fecha, importe y descripción)
import-start-statement = { $count ->
    [one] Importar 1 gasto
   *[other] Importar { $count } gastos
    }
import-discard = Descartar este archivo
import-rows-intro = { $count ->
    [one] 1 fila. Estas son las primeras; indica qué es cada columna.
   *[other] { $count } filas. Estas son las primeras; indica qué es cada columna.
    }
import-field-date = Fecha
import-field-amount = Importe
import-field-description = Descripción
import-field-payee = Beneficiario
import-field-category = Categoría
import-field-tags = Etiquetas
import-field-notes = Notas
import-choose-column = Elige una columna
import-none = Ninguna
import-dates-written = Las fechas se escriben
import-like = como { $example }
import-amounts-written = Los importes se escriben
import-expenses-are = Los gastos son
import-sign-positive = importes positivos
import-sign-negative = importes negativos (extractos bancarios)
import-skip-rows = Omitir las filas ya registradas (misma fecha, importe y descripción)
import-start-rows = { $count ->
    [one] Importar 1 fila
   *[other] Importar { $count } filas
    }
import-cancel = Cancelar la importación
import-done = { $count ->
    [one] <strong>1</strong> gasto importado
   *[other] <strong>{ $count }</strong> gastos importados
    }
import-done-duplicates = , { $count } ya registrados y omitidos
import-done-failed = { $count ->
    [one] , 1 fila descartada (abajo)
   *[other] , { $count } filas descartadas (abajo)
    }
import-see-expenses = Ver los gastos
import-was-cancelled = Esta importación se canceló; no se conservó nada de ella.
import-failed = Esta importación falló y no se conservó nada de ella. Revisa el archivo e inténtalo de nuevo.
import-left-out = Filas descartadas
import-col-line = Línea
import-col-why = Motivo
import-more = Y { $count } más.
import-all = Todas las importaciones
import-waiting = Esperando para empezar…
import-progress = Importando { $done } de { $total } filas…
import-progress-label = Progreso de la importación
import-cancelled = La importación se canceló; no se conserva nada de ella.
