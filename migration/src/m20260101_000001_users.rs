use loco_rs::schema::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Accounts. `email` is stored normalised (trimmed, lower-case) so the unique
/// index makes addresses unique case-insensitively on every backend. Emailed
/// tokens are stored as SHA-256 digests, never in the clear.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        create_table(
            m,
            "users",
            &[
                ("id", ColType::PkAuto),
                ("pid", ColType::UuidUniq),
                ("email", ColType::StringUniq),
                ("password", ColType::String),
                ("name", ColType::String),
                ("email_verified_at", ColType::TimestampWithTimeZoneNull),
                ("verification_token_hash", ColType::StringNull),
                ("verification_sent_at", ColType::TimestampWithTimeZoneNull),
                ("pending_email", ColType::StringNull),
                ("reset_token_hash", ColType::StringNull),
                ("reset_sent_at", ColType::TimestampWithTimeZoneNull),
            ],
            &[],
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx-users-verification_token_hash")
                .table(Alias::new("users"))
                .col(Alias::new("verification_token_hash"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx-users-reset_token_hash")
                .table(Alias::new("users"))
                .col(Alias::new("reset_token_hash"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        drop_table(m, "users").await
    }
}
