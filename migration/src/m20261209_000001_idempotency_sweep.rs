//! The daily sweep of expired `Idempotency-Key` answers: on Postgres, the
//! scheduler's scope may find and delete keys older than a day in every
//! workspace (and nothing else; a DELETE with a WHERE must also pass the
//! SELECT policies). A workspace's own next keyed create sweeps its keys
//! too, but one that never creates again would keep them for good.

use sea_orm_migration::{prelude::*, sea_orm::DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() == DatabaseBackend::Postgres {
            m.get_connection()
                .execute_unprepared(
                    "CREATE POLICY scheduler_reads_expired ON idempotency_keys FOR SELECT \
                     USING (NULLIF(current_setting('app.scheduler', true), '') = 'on' \
                            AND created_at < now() - interval '1 day'); \
                     CREATE POLICY scheduler_sweeps_expired ON idempotency_keys FOR DELETE \
                     USING (NULLIF(current_setting('app.scheduler', true), '') = 'on' \
                            AND created_at < now() - interval '1 day');",
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() == DatabaseBackend::Postgres {
            m.get_connection()
                .execute_unprepared(
                    "DROP POLICY IF EXISTS scheduler_sweeps_expired ON idempotency_keys; \
                     DROP POLICY IF EXISTS scheduler_reads_expired ON idempotency_keys;",
                )
                .await?;
        }
        Ok(())
    }
}
