# Resúmenes del registro de auditoría (se guardan en inglés; ver
# `src/i18n/audit_summaries.rs`).

audit-expense-added = gasto «{ $description }» añadido
audit-expense-changed = gasto «{ $description }» modificado
audit-deleted = «{ $name }» eliminado
audit-expense-restored = gasto «{ $description }» restaurado
audit-receipt-attached = recibo «{ $file }» adjuntado a «{ $description }»
audit-receipt-removed = recibo «{ $file }» quitado de «{ $description }»
audit-imported = { $imported ->
        [one] { $imported } gasto importado
       *[other] { $imported } gastos importados
    } de «{ $file }» ({ $duplicates ->
        [one] { $duplicates } duplicado omitido
       *[other] { $duplicates } duplicados omitidos
    }, { $failed ->
        [one] { $failed } fila con problemas
       *[other] { $failed } filas con problemas
    })
audit-category-created = categoría «{ $name }» creada
audit-category-changed = categoría «{ $name }» modificada
audit-category-deleted-uncategorized = categoría «{ $name }» eliminada; { $count ->
        [one] { $count } gasto queda
       *[other] { $count } gastos quedan
    } sin categoría
audit-category-deleted = categoría «{ $name }» eliminada; { $count ->
        [one] { $count } gasto movido
       *[other] { $count } gastos movidos
    } a «{ $target }»
audit-budget-added = presupuesto «{ $name }» añadido
audit-budget-changed = presupuesto «{ $name }» modificado
audit-budget-deleted = presupuesto «{ $name }» eliminado
audit-recurring-added = «{ $description }» programado { $frequency ->
        [daily] a diario
        [weekly] cada semana
        [monthly] cada mes
        [yearly] cada año
       *[other] { $frequency }
    } desde el { $date }
audit-recurring-changed = gasto recurrente «{ $description }» modificado ({ $frequency ->
        [daily] a diario
        [weekly] cada semana
        [monthly] cada mes
        [yearly] cada año
       *[other] { $frequency }
    } desde el { $date })
audit-recurring-stopped = gasto recurrente «{ $description }» detenido
audit-settlement-recorded = { $from } pagó { $amount } { $currency } a { $to }
audit-settlement-deleted = pago del { $date } eliminado
audit-member-role = { $email } ahora es { $role ->
        [owner] propietario
        [admin] administrador
        [member] miembro
        [viewer] lector
       *[other] { $role }
    } (antes { $was ->
        [owner] propietario
        [admin] administrador
        [member] miembro
        [viewer] lector
       *[other] { $was }
    })
audit-ownership = propiedad del espacio transferida a { $email }
audit-member-left = { $email } se fue
audit-member-removed = se quitó a { $email }
audit-invited = invitación a { $email } como { $role ->
        [owner] propietario
        [admin] administrador
        [member] miembro
        [viewer] lector
       *[other] { $role }
    }
audit-invitation-resent = invitación a { $email } reenviada
audit-invitation-revoked = invitación a { $email } revocada
audit-joined = { $email } se unió como { $role ->
        [owner] propietario
        [admin] administrador
        [member] miembro
        [viewer] lector
       *[other] { $role }
    }
audit-workspace-created = { $kind ->
        [household] hogar
        [team] equipo
       *[other] espacio
    } «{ $name }» creado
audit-workspace-settings = ajustes del espacio modificados
audit-workspace-delete-asked = eliminación de «{ $name }» solicitada
audit-archive-restored = archivo de «{ $name }» restaurado ({ $count ->
        [one] { $count } gasto
       *[other] { $count } gastos
    })
audit-support-granted = acceso de lectura a este espacio concedido al soporte del sitio durante { $hours ->
        [one] { $hours } hora
       *[other] { $hours } horas
    }
audit-support-ended = acceso del soporte finalizado
audit-support-viewed = el soporte consultó el espacio
audit-billing-synced = suscripción { $subscription } { $status ->
        [active] activa
        [trialing] en periodo de prueba
        [past_due] con pago vencido
        [unpaid] impagada
        [canceled] cancelada
        [incomplete] incompleta
        [incomplete_expired] caducada
        [paused] en pausa
       *[other] { $status }
    } en el plan { $plan }
audit-billing-gone = la suscripción { $subscription } ya no existe en Stripe
audit-console-member-role = en «{ $name }»: { $email } ahora es { $role ->
        [owner] propietario
        [admin] administrador
        [member] miembro
        [viewer] lector
       *[other] { $role }
    }.
audit-console-member-removed = en «{ $name }»: se quitó a { $email }.
audit-console-in = en «{ $name }»: { $done }
audit-suspended = «{ $name }» suspendido
audit-unsuspended = suspensión de «{ $name }» levantada
audit-platform-role-given = rol { $role } dado a { $email }
audit-platform-role-taken = rol { $role } quitado a { $email }
audit-locked = { $email } bloqueado; { $count ->
        [one] { $count } sesión finalizada
       *[other] { $count } sesiones finalizadas
    }
audit-unlocked = { $email } desbloqueado
audit-sessions-ended = { $count ->
        [one] { $count } sesión finalizada
       *[other] { $count } sesiones finalizadas
    } de { $email }
audit-address-confirmed = dirección { $email } confirmada
audit-password-reset-sent = sesiones de { $email } finalizadas y enlace de restablecimiento enviado
audit-confirmation-resent = nuevo enlace de confirmación enviado a { $email }
audit-account-deleted = cuenta { $email } eliminada
audit-reconcile-queued = conciliación con Stripe programada
audit-job-retried = tarea fallida { $id } reintentada
audit-job-discarded = tarea fallida { $id } descartada
