//! Pieces every migration of a tenant-owned table repeats: its row-level
//! security policy (Postgres) and the Casbin rules of what each role may do
//! with it.

use sea_orm_migration::{prelude::*, sea_orm::DatabaseBackend};

/// Rows of the workspace the transaction runs in (`SET LOCAL
/// app.workspace_id`); unset, nothing.
pub const WORKSPACE: &str =
    "workspace_id = NULLIF(current_setting('app.workspace_id', true), '')::bigint";

/// Turns on row-level security for tables that hold one workspace's rows
/// each. A no-op on SQLite, where the `in_tenant` filters are the only guard.
///
/// # Errors
/// On database errors.
pub async fn isolate(m: &SchemaManager<'_>, tables: &[&str]) -> Result<(), DbErr> {
    if m.get_database_backend() != DatabaseBackend::Postgres {
        return Ok(());
    }
    for table in tables {
        m.get_connection()
            .execute_unprepared(&format!(
                "ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
                 ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
                 CREATE POLICY tenant_isolation ON {table} USING ({WORKSPACE}) WITH CHECK ({WORKSPACE});"
            ))
            .await?;
    }
    Ok(())
}

/// `(role, object, actions)`: Casbin `p` rules.
pub type Grants<'a> = &'a [(&'a str, &'a str, &'a [&'a str])];

/// Adds the rules.
///
/// # Errors
/// On database errors.
pub async fn grant(m: &SchemaManager<'_>, grants: Grants<'_>) -> Result<(), DbErr> {
    let mut rules = Query::insert()
        .into_table(Alias::new("casbin_rules"))
        .columns(
            [
                "ptype",
                "v0",
                "v1",
                "v2",
                "v3",
                "v4",
                "v5",
                "created_at",
                "updated_at",
            ]
            .map(Alias::new),
        )
        .to_owned();
    for (role, object, actions) in grants {
        for action in *actions {
            rules.values_panic([
                "p".into(),
                (*role).into(),
                (*object).into(),
                (*action).into(),
                "".into(),
                "".into(),
                "".into(),
                Expr::current_timestamp(),
                Expr::current_timestamp(),
            ]);
        }
    }
    m.exec_stmt(rules).await
}

/// Removes every rule on `objects` (the `down` of [`grant`]).
///
/// # Errors
/// On database errors.
pub async fn revoke(m: &SchemaManager<'_>, objects: &[&str]) -> Result<(), DbErr> {
    m.exec_stmt(
        Query::delete()
            .from_table(Alias::new("casbin_rules"))
            .and_where(Expr::col(Alias::new("v1")).is_in(objects.iter().copied()))
            .to_owned(),
    )
    .await
}
