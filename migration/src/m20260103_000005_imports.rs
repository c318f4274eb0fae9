use loco_rs::schema::*;
use sea_orm_migration::prelude::*;

use crate::tenant;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// CSV imports: the uploaded text, how its columns map to an expense, and
/// the progress and outcome of the background job that imports it. The
/// expenses an import created point back at it.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        create_table(
            m,
            "imports",
            &[
                ("id", ColType::PkAuto),
                ("pid", ColType::UuidUniq),
                ("filename", ColType::String),
                ("content", ColType::Text),
                // uploaded | queued | running | done | failed | cancelled
                ("status", ColType::String),
                // JSON: which column is which, date and number formats.
                ("options", ColType::TextNull),
                ("total_rows", ColType::Integer),
                ("processed_rows", ColType::Integer),
                ("imported_rows", ColType::Integer),
                ("duplicate_rows", ColType::Integer),
                ("failed_rows", ColType::Integer),
                // JSON: [{row, reason}] for the rows that were not imported.
                ("problems", ColType::TextNull),
                ("created_by_id", ColType::BigIntegerNull),
                ("finished_at", ColType::TimestampWithTimeZoneNull),
            ],
            &[("workspace", "")],
        )
        .await?;
        add_column(m, "expenses", "import_id", ColType::BigIntegerNull).await?;
        tenant::grant(
            m,
            &[
                ("owner", "imports", &["read", "create"]),
                ("admin", "imports", &["read", "create"]),
                ("member", "imports", &["read", "create"]),
            ],
        )
        .await?;
        tenant::isolate(m, &["imports"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        remove_column(m, "expenses", "import_id").await?;
        drop_table(m, "imports").await?;
        tenant::revoke(m, &["imports"]).await
    }
}
