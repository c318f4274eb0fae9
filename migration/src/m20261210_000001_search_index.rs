//! Text search served by an index on Postgres: one trigram index over an
//! expense's searchable text (description, payee and notes, lowercased, one
//! line each), within its workspace. A search (`q`) matches
//! `LIKE '%text%'` against the same expression, so Postgres reads only the
//! expenses whose text holds the search's trigrams instead of every expense
//! of the workspace. `pg_trgm` and `btree_gin` (for the workspace column)
//! ship with Postgres and are trusted extensions since Postgres 13, so the
//! database's owner may create them.
//!
//! SQLite keeps scanning the workspace's expenses with the same expression.

use sea_orm_migration::{prelude::*, sea_orm::DatabaseBackend};

/// What a search matches, on Postgres. A search cannot hold a line break
/// (it is one line of text), so it never matches across two fields.
pub const SEARCH_TEXT_POSTGRES: &str =
    "lower(description || chr(10) || COALESCE(payee, '') || chr(10) || COALESCE(notes, ''))";
/// The same on SQLite.
pub const SEARCH_TEXT_SQLITE: &str =
    "lower(description || char(10) || COALESCE(payee, '') || char(10) || COALESCE(notes, ''))";

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() == DatabaseBackend::Postgres {
            m.get_connection()
                .execute_unprepared(&format!(
                    "CREATE EXTENSION IF NOT EXISTS pg_trgm; \
                     CREATE EXTENSION IF NOT EXISTS btree_gin; \
                     CREATE INDEX \"idx-expenses-search\" ON expenses \
                     USING gin (workspace_id, ({SEARCH_TEXT_POSTGRES}) gin_trgm_ops) \
                     WHERE deleted_at IS NULL;"
                ))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() == DatabaseBackend::Postgres {
            m.get_connection()
                .execute_unprepared("DROP INDEX IF EXISTS \"idx-expenses-search\";")
                .await?;
        }
        Ok(())
    }
}
