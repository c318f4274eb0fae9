use loco_rs::schema::*;
use sea_orm_migration::prelude::*;

use crate::tenant;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Receipts attached to expenses. The file lives in object storage (or on
/// local disk) under `storage_key`; the row says what it is and holds what
/// the background job made of it: a thumbnail and a preview without the
/// photo's metadata, and the text read from it.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        create_table(
            m,
            "receipts",
            &[
                ("id", ColType::PkAuto),
                ("pid", ColType::UuidUniq),
                // `{workspace pid}/receipts/{pid}`: never a name a user chose.
                ("storage_key", ColType::String),
                // The uploader's file name, cleaned of paths and control
                // characters; shown and offered on download only.
                ("filename", ColType::String),
                // From the file's first bytes, not its name or the upload's header.
                ("content_type", ColType::String),
                ("size_bytes", ColType::BigInteger),
                // processing | ready | failed
                ("status", ColType::String),
                ("has_preview", ColType::Boolean),
                // What the text recognition read; all empty when it found nothing.
                ("ocr_merchant", ColType::StringNull),
                ("ocr_total_minor", ColType::BigIntegerNull),
                ("ocr_date", ColType::DateNull),
                ("ocr_text", ColType::TextNull),
                ("uploaded_by_id", ColType::BigIntegerNull),
            ],
            &[("workspace", ""), ("expense", "")],
        )
        .await?;
        tenant::isolate(m, &["receipts"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        drop_table(m, "receipts").await
    }
}
