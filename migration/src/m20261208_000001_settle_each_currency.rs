use sea_orm_migration::{prelude::*, sea_orm::DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Settling up in several currencies without converting.
///
/// - `workspaces.settle_up`: `base_currency` (an expense in another
///   currency counts in the base currency at its rate, as before) or
///   `each_currency` (each currency's debts are settled in that currency).
///   Running workspaces keep `base_currency`: their past payments were
///   made against converted balances.
/// - `settlements.currency`: the currency a payment was made in. Every
///   payment so far was in the workspace's base currency.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Alias::new("workspaces"))
                .add_column(
                    ColumnDef::new(Alias::new("settle_up"))
                        .text()
                        .not_null()
                        .default("base_currency"),
                )
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Alias::new("settlements"))
                .add_column(
                    ColumnDef::new(Alias::new("currency"))
                        .text()
                        .not_null()
                        .default(""),
                )
                .to_owned(),
        )
        .await?;
        // Row-level security binds the tables' owner too (FORCE): lifted
        // for this one statement, which spans every workspace.
        let postgres = m.get_database_backend() == DatabaseBackend::Postgres;
        let db = m.get_connection();
        if postgres {
            db.execute_unprepared("ALTER TABLE settlements NO FORCE ROW LEVEL SECURITY")
                .await?;
        }
        db.execute_unprepared(
            "UPDATE settlements SET currency = \
             (SELECT w.currency FROM workspaces w WHERE w.id = settlements.workspace_id)",
        )
        .await?;
        if postgres {
            db.execute_unprepared("ALTER TABLE settlements FORCE ROW LEVEL SECURITY")
                .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Alias::new("settlements"))
                .drop_column(Alias::new("currency"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Alias::new("workspaces"))
                .drop_column(Alias::new("settle_up"))
                .to_owned(),
        )
        .await
    }
}
