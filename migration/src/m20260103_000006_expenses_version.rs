use loco_rs::schema::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A counter every change to a workspace's expenses increments, in the same
/// transaction. Cached figures about the expenses are keyed by it, so a
/// cache (in any process) can never answer with figures older than the
/// data.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        add_column(
            m,
            "workspaces",
            "expenses_version",
            ColType::BigIntegerWithDefault(0),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        remove_column(m, "workspaces", "expenses_version").await
    }
}
