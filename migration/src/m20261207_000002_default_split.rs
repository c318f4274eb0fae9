use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// How a new expense is split unless the member chooses otherwise:
/// `equal` between every member (a household's costs are shared) or
/// `none` (a team member's expense is their own). Households already
/// running get `equal`, as new ones do.
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
        .await?;
        m.exec_stmt(
            Query::update()
                .table(Alias::new("workspaces"))
                .value(Alias::new("default_split"), "equal")
                .and_where(Expr::col(Alias::new("kind")).eq("household"))
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
