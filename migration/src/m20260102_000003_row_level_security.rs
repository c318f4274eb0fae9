use sea_orm_migration::{prelude::*, sea_orm::DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Row-level security on the tenant-owned tables (Postgres only): a second
/// guard behind the app's `in_tenant` filters. The settings are read with
/// `NULLIF(current_setting(.., true), '')`, so an unset tenant matches
/// nothing. `FORCE` makes the policies bind the tables' owner too; the app
/// should still connect as a role that neither owns the tables nor has
/// BYPASSRLS (see README, "Database roles"). Future tenant tables add their
/// own policy in their migration.
const WORKSPACE: &str =
    "workspace_id = NULLIF(current_setting('app.workspace_id', true), '')::bigint";
const OWN_USER: &str = "user_id = NULLIF(current_setting('app.user_id', true), '')::bigint";
const INVITATION_TOKEN: &str =
    "token_hash = NULLIF(current_setting('app.invitation_token', true), '')";

fn policies() -> Vec<(&'static str, String, String)> {
    vec![
        // A member finds their own memberships in every workspace (the
        // workspace list, resolving a request's workspace).
        (
            "memberships",
            format!("{WORKSPACE} OR {OWN_USER}"),
            WORKSPACE.to_string(),
        ),
        // An invitee reaches their invitation by its token alone.
        (
            "invitations",
            format!("{WORKSPACE} OR {INVITATION_TOKEN}"),
            format!("{WORKSPACE} OR {INVITATION_TOKEN}"),
        ),
        ("audit_events", WORKSPACE.to_string(), WORKSPACE.to_string()),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() != DatabaseBackend::Postgres {
            return Ok(());
        }
        let db = m.get_connection();
        for (table, using, check) in policies() {
            db.execute_unprepared(&format!(
                "ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
                 ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
                 CREATE POLICY tenant_isolation ON {table} USING ({using}) WITH CHECK ({check});"
            ))
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() != DatabaseBackend::Postgres {
            return Ok(());
        }
        let db = m.get_connection();
        for (table, _, _) in policies() {
            db.execute_unprepared(&format!(
                "DROP POLICY IF EXISTS tenant_isolation ON {table};
                 ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY;
                 ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;"
            ))
            .await?;
        }
        Ok(())
    }
}
