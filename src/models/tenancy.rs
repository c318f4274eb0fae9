//! The tenant scope of a request, enforced a second time by the database.
//!
//! On Postgres, row-level security policies on every tenant-owned table
//! (see the `row_level_security` migration) admit only rows of the
//! workspace in `app.workspace_id`, plus the caller's own memberships
//! (`app.user_id`) and an invitation named by its token while it is being
//! accepted (`app.invitation_token`). The settings are transaction-local
//! (`set_config(.., true)`, i.e. `SET LOCAL`), so a pooled connection never
//! carries one request's tenant into the next. Unset, they match nothing.
//! SQLite has no row-level security; there the `in_tenant` filters are the
//! only guard.

use loco_rs::prelude::*;
use sea_orm::{
    DatabaseBackend, DatabaseTransaction, DbErr, SqliteTransactionMode, Statement,
    TransactionOptions, TransactionTrait,
};

/// Who the transaction acts for.
#[derive(Debug, Default, Clone, Copy)]
pub struct Scope<'a> {
    pub user_id: Option<i64>,
    pub workspace_id: Option<i64>,
    /// Digest of an invitation token being accepted.
    pub invitation_token: Option<&'a str>,
    /// The scheduled jobs' view: due recurring rules of every workspace, to
    /// read only.
    pub scheduler: bool,
}

fn setting(value: Option<impl ToString>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// SQLite: take the write lock at `BEGIN` (other databases ignore it).
const IMMEDIATE: TransactionOptions = TransactionOptions {
    isolation_level: None,
    access_mode: None,
    sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
};

/// Opens a transaction that may write, with the scope applied. On SQLite
/// it takes the write lock at once (`BEGIN IMMEDIATE`), waiting its turn:
/// a transaction that read first and then wrote would instead fail with
/// "database is locked" whenever another connection (a worker, another
/// request) wrote in between.
///
/// # Errors
/// On database errors.
pub async fn begin(db: &DatabaseConnection, scope: Scope<'_>) -> ModelResult<DatabaseTransaction> {
    let txn = db.begin_with_options(IMMEDIATE).await?;
    apply(&txn, scope).await?;
    Ok(txn)
}

/// Opens a transaction (or, inside one, a savepoint) that may write,
/// taking SQLite's write lock at once; see [`begin`] for why.
///
/// # Errors
/// On database errors.
pub async fn begin_write<C: TransactionTrait>(db: &C) -> Result<C::Transaction, DbErr> {
    db.begin_with_options(IMMEDIATE).await
}

/// Opens a transaction that only reads (on SQLite it does not wait for the
/// write lock), with the scope applied.
///
/// # Errors
/// On database errors.
pub async fn begin_read(
    db: &DatabaseConnection,
    scope: Scope<'_>,
) -> ModelResult<DatabaseTransaction> {
    let txn = db.begin().await?;
    apply(&txn, scope).await?;
    Ok(txn)
}

/// Sets the scope on an open transaction (replacing what was set).
///
/// # Errors
/// On database errors.
pub async fn apply<C: ConnectionTrait>(db: &C, scope: Scope<'_>) -> ModelResult<()> {
    if db.get_database_backend() != DatabaseBackend::Postgres {
        return Ok(());
    }
    db.execute_raw(Statement::from_sql_and_values(
        DatabaseBackend::Postgres,
        "SELECT set_config('app.user_id', $1, true), \
                set_config('app.workspace_id', $2, true), \
                set_config('app.invitation_token', $3, true), \
                set_config('app.scheduler', $4, true)",
        [
            setting(scope.user_id).into(),
            setting(scope.workspace_id).into(),
            setting(scope.invitation_token).into(),
            setting(scope.scheduler.then_some("on")).into(),
        ],
    ))
    .await?;
    Ok(())
}

/// Moves an open transaction into a workspace (after creating one, or when
/// joining one), keeping the other settings.
///
/// # Errors
/// On database errors.
pub async fn enter_workspace<C: ConnectionTrait>(db: &C, workspace_id: i64) -> ModelResult<()> {
    if db.get_database_backend() != DatabaseBackend::Postgres {
        return Ok(());
    }
    db.execute_raw(Statement::from_sql_and_values(
        DatabaseBackend::Postgres,
        "SELECT set_config('app.workspace_id', $1, true)",
        [workspace_id.to_string().into()],
    ))
    .await?;
    Ok(())
}

/// The tenant filter of `E` as an expression, for where `in_tenant` does
/// not reach: a condition built apart (for example one shared by a query
/// and a join on `E`), a subquery, a join's `ON`. The tenant column is
/// named once, by `E`'s [`TenantEntity`] implementation.
pub fn in_workspace<E>(workspace_id: i64) -> sea_orm::sea_query::Expr
where
    E: TenantEntity<TenantId = i64>,
{
    E::tenant_column().eq(workspace_id)
}

/// A row of a tenant table by its public id, looked for only inside
/// `workspace_id`: another workspace's row is not found, exactly like one
/// that does not exist.
///
/// # Errors
/// `EntityNotFound` when there is none here (or the id is not a UUID).
pub async fn find_by_pid<E, C>(
    db: &C,
    workspace_id: i64,
    pid_column: E::Column,
    pid: &str,
) -> ModelResult<E::Model>
where
    E: TenantEntity<TenantId = i64>,
    C: ConnectionTrait,
{
    let pid = Uuid::parse_str(pid.trim()).map_err(|_| ModelError::EntityNotFound)?;
    E::find()
        .in_tenant(workspace_id)
        .filter(pid_column.eq(pid))
        .one(db)
        .await?
        .ok_or(ModelError::EntityNotFound)
}
