use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Who holds a budget alert's claim to send it: the run of the job, so a
/// job run again after its worker died takes its own claim back at once
/// instead of waiting for the claim to expire.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Alias::new("budget_alerts"))
                .add_column(ColumnDef::new(Alias::new("claimed_by")).text().null())
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Alias::new("budget_alerts"))
                .drop_column(Alias::new("claimed_by"))
                .to_owned(),
        )
        .await
    }
}
