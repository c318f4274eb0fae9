use loco_rs::schema::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Server-side browser sessions. The cookie carries a 256-bit random token;
/// only its SHA-256 digest is stored, so a database leak yields no live
/// session. Rows go with their user (cascade).
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        create_table(
            m,
            "sessions",
            &[
                ("id", ColType::PkAuto),
                ("token_hash", ColType::StringUniq),
                ("last_seen_at", ColType::TimestampWithTimeZone),
                ("expires_at", ColType::TimestampWithTimeZone),
                ("ip", ColType::StringNull),
                ("user_agent", ColType::StringNull),
            ],
            &[("user", "")],
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        drop_table(m, "sessions").await
    }
}
