use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// How a new expense is split unless the member chooses otherwise:
/// `equal` between every member (a household's costs are shared) or
/// `none` (a team member's expense is their own). New households start
/// with `equal`; workspaces already running keep what their forms did
/// (`none`) until an owner changes it in the settings.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Alias::new("workspaces"))
                .add_column(
                    ColumnDef::new(Alias::new("default_split"))
                        .text()
                        .not_null()
                        .default("none"),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Alias::new("workspaces"))
                .drop_column(Alias::new("default_split"))
                .to_owned(),
        )
        .await
    }
}
