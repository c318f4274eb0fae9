use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Why a receipt's processing failed (an image with too many pixels, a PDF
/// page too large or too slow to draw), shown to the workspace's members.
/// Empty for receipts that did not fail.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Alias::new("receipts"))
                .add_column(ColumnDef::new(Alias::new("problem")).text().null())
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Alias::new("receipts"))
                .drop_column(Alias::new("problem"))
                .to_owned(),
        )
        .await
    }
}
