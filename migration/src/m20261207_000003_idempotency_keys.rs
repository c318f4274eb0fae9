use loco_rs::schema::*;
use sea_orm_migration::prelude::*;

use crate::tenant;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// What a create sent with an `Idempotency-Key` answered, kept for a day:
/// the same key and body again (a phone that sends its queued expense once
/// more after a lost answer) gets that answer instead of a second
/// expense. One key per member and workspace; the request is kept only as
/// a SHA-256 digest.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        create_table(
            m,
            "idempotency_keys",
            &[
                ("id", ColType::PkAuto),
                ("key", ColType::String),
                ("request_digest", ColType::String),
                ("response_status", ColType::Integer),
                ("response_body", ColType::Text),
            ],
            &[("workspace", ""), ("user", "")],
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_idempotency_keys_once")
                .table(Alias::new("idempotency_keys"))
                .col(Alias::new("workspace_id"))
                .col(Alias::new("user_id"))
                .col(Alias::new("key"))
                .unique()
                .to_owned(),
        )
        .await?;
        tenant::isolate(m, &["idempotency_keys"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        drop_table(m, "idempotency_keys").await
    }
}
