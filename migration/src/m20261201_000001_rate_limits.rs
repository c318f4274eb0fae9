use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Rate-limit counters that every web process shares: one row per budget
/// key (a SHA-256 digest, so no address or token rests here), the attempts
/// counted in its current window and when that window ends (Unix
/// milliseconds). Rows whose window has ended are deleted now and then.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Alias::new("rate_limits"))
                .col(
                    ColumnDef::new(Alias::new("bucket"))
                        .string_len(64)
                        .not_null()
                        .primary_key(),
                )
                .col(ColumnDef::new(Alias::new("hits")).integer().not_null())
                .col(
                    ColumnDef::new(Alias::new("window_ends_at"))
                        .big_integer()
                        .not_null(),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_rate_limits_window_ends_at")
                .table(Alias::new("rate_limits"))
                .col(Alias::new("window_ends_at"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Alias::new("rate_limits")).to_owned())
            .await
    }
}
