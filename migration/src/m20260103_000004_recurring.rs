use loco_rs::schema::*;
use sea_orm_migration::{prelude::*, sea_orm::DatabaseBackend};

use crate::tenant;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Recurring expenses: a rule (every N days, weeks, months or years from a
/// start date, until an optional end) and the expense it creates, kept as
/// the same JSON an API client would send. Each expense it creates records
/// the rule and the date it stands for; a unique index on the two makes
/// creating an occurrence twice impossible, however often or concurrently
/// the job runs.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        create_table(
            m,
            "recurring_expenses",
            &[
                ("id", ColType::PkAuto),
                ("pid", ColType::UuidUniq),
                // daily | weekly | monthly | yearly
                ("frequency", ColType::String),
                ("interval", ColType::Integer),
                ("starts_on", ColType::Date),
                ("ends_on", ColType::DateNull),
                // The next date to create; NULL once the rule has ended.
                ("next_on", ColType::DateNull),
                // How many periods after `starts_on` `next_on` is.
                ("next_index", ColType::Integer),
                ("description", ColType::String),
                ("template", ColType::Text),
                // Why the last occurrence could not be created, if it failed.
                ("last_error", ColType::StringNull),
                ("created_by_id", ColType::BigIntegerNull),
            ],
            &[("workspace", "")],
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx-recurring_expenses-next_on")
                .table(Alias::new("recurring_expenses"))
                .col(Alias::new("next_on"))
                .to_owned(),
        )
        .await?;
        add_column(m, "expenses", "recurring_id", ColType::BigIntegerNull).await?;
        add_column(m, "expenses", "occurrence_on", ColType::DateNull).await?;
        m.create_index(
            Index::create()
                .name("idx-expenses-recurring-occurrence")
                .table(Alias::new("expenses"))
                .col(Alias::new("recurring_id"))
                .col(Alias::new("occurrence_on"))
                .unique()
                .to_owned(),
        )
        .await?;
        tenant::grant(
            m,
            &[
                ("owner", "recurring", &["read", "manage"]),
                ("admin", "recurring", &["read", "manage"]),
                ("member", "recurring", &["read", "manage"]),
                ("viewer", "recurring", &["read"]),
            ],
        )
        .await?;
        tenant::isolate(m, &["recurring_expenses"]).await?;
        if m.get_database_backend() == DatabaseBackend::Postgres {
            // The scheduled job finds due rules across workspaces (reading
            // only); it then creates each workspace's expenses inside that
            // workspace's own scope.
            m.get_connection()
                .execute_unprepared(
                    "CREATE POLICY scheduler_reads_due ON recurring_expenses FOR SELECT \
                     USING (NULLIF(current_setting('app.scheduler', true), '') = 'on');",
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("idx-expenses-recurring-occurrence")
                .table(Alias::new("expenses"))
                .to_owned(),
        )
        .await?;
        remove_column(m, "expenses", "occurrence_on").await?;
        remove_column(m, "expenses", "recurring_id").await?;
        drop_table(m, "recurring_expenses").await?;
        tenant::revoke(m, &["recurring"]).await
    }
}
