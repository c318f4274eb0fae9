use loco_rs::schema::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Personal access tokens for the API. Only a SHA-256 digest of each token
/// is stored; the token itself is shown once, when it is made. Rows go with
/// their user (cascade).
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        create_table(
            m,
            "api_tokens",
            &[
                ("id", ColType::PkAuto),
                ("pid", ColType::UuidUniq),
                ("name", ColType::String),
                ("token_hash", ColType::StringUniq),
                // The first characters, so a person can tell tokens apart.
                ("prefix", ColType::String),
                ("expires_at", ColType::TimestampWithTimeZoneNull),
                ("last_used_at", ColType::TimestampWithTimeZoneNull),
                ("revoked_at", ColType::TimestampWithTimeZoneNull),
            ],
            &[("user", "")],
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        drop_table(m, "api_tokens").await
    }
}
