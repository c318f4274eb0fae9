use loco_rs::schema::*;
use sea_orm_migration::{prelude::*, sea_orm::DatabaseBackend};

use crate::tenant;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Budgets, the alerts they raise and the notifications members read.
///
/// `budget_alerts` is an outbox: a row is written, in the transaction that
/// changed the spending, the first time a budget crosses a threshold in a
/// period; the unique index on (budget, period, threshold) makes a second
/// row impossible however often or concurrently spending is evaluated. The
/// mail is sent afterwards and the row marked `sent_at`.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        create_table(
            m,
            "budgets",
            &[
                ("id", ColType::PkAuto),
                ("pid", ColType::UuidUniq),
                ("name", ColType::String),
                // week | month | quarter | year
                ("period", ColType::String),
                ("amount_minor", ColType::BigInteger),
                // Percentages, ascending, comma separated: "80,100".
                ("thresholds", ColType::String),
                ("rollover", ColType::Boolean),
                // The first period the budget counts (rollover starts here).
                ("starts_on", ColType::Date),
                ("category_id", ColType::BigIntegerNull),
                ("member_id", ColType::BigIntegerNull),
                ("created_by_id", ColType::BigIntegerNull),
            ],
            &[("workspace", "")],
        )
        .await?;
        create_table(
            m,
            "budget_alerts",
            &[
                ("id", ColType::PkAuto),
                ("pid", ColType::UuidUniq),
                ("budget_id", ColType::BigInteger),
                ("period_start", ColType::Date),
                ("threshold", ColType::Integer),
                ("spent_minor", ColType::BigInteger),
                ("limit_minor", ColType::BigInteger),
                // A sender holds the row until then; an expired claim means
                // the sender died and another may send.
                ("claimed_until", ColType::TimestampWithTimeZoneNull),
                ("sent_at", ColType::TimestampWithTimeZoneNull),
            ],
            &[("workspace", "")],
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx-budget_alerts-once")
                .table(Alias::new("budget_alerts"))
                .col(Alias::new("budget_id"))
                .col(Alias::new("period_start"))
                .col(Alias::new("threshold"))
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx-budget_alerts-unsent")
                .table(Alias::new("budget_alerts"))
                .col(Alias::new("sent_at"))
                .to_owned(),
        )
        .await?;
        create_table(
            m,
            "notifications",
            &[
                ("id", ColType::PkAuto),
                ("pid", ColType::UuidUniq),
                ("user_id", ColType::BigInteger),
                ("title", ColType::String),
                ("body", ColType::Text),
                ("link", ColType::String),
                ("budget_alert_id", ColType::BigIntegerNull),
                ("read_at", ColType::TimestampWithTimeZoneNull),
            ],
            &[("workspace", "")],
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx-notifications-user")
                .table(Alias::new("notifications"))
                .col(Alias::new("workspace_id"))
                .col(Alias::new("user_id"))
                .col(Alias::new("id"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx-notifications-alert-once")
                .table(Alias::new("notifications"))
                .col(Alias::new("budget_alert_id"))
                .col(Alias::new("user_id"))
                .unique()
                .to_owned(),
        )
        .await?;
        // Per member and workspace: budget alert mails (on unless turned
        // off) and the weekly summary (off unless turned on).
        add_column(m, "memberships", "mail_budget_alerts", ColType::BooleanNull).await?;
        add_column(
            m,
            "memberships",
            "mail_weekly_summary",
            ColType::BooleanNull,
        )
        .await?;
        // Bumped after every committed change to a workspace's spending, so
        // cached aggregates keyed by it are never served after a change.
        add_column(m, "workspaces", "data_version", ColType::BigIntegerNull).await?;
        // The dashboard's sums by category over a period, read from the
        // index alone (deleted rows never count).
        m.get_connection()
            .execute_unprepared(
                "CREATE INDEX \"idx-expenses-period-category\" ON expenses \
                 (workspace_id, spent_on, category_id, amount_minor) WHERE deleted_at IS NULL",
            )
            .await?;
        tenant::grant(
            m,
            &[
                ("owner", "budgets", &["read", "manage"]),
                ("admin", "budgets", &["read", "manage"]),
                ("member", "budgets", &["read"]),
                ("viewer", "budgets", &["read"]),
            ],
        )
        .await?;
        tenant::isolate(m, &["budgets", "budget_alerts", "notifications"]).await?;
        if m.get_database_backend() == DatabaseBackend::Postgres {
            // The periodic jobs find unsent alerts and the members who want
            // a weekly summary across workspaces (reading only), then work
            // inside each workspace's own scope.
            m.get_connection()
                .execute_unprepared(
                    "CREATE POLICY scheduler_reads_unsent ON budget_alerts FOR SELECT \
                     USING (NULLIF(current_setting('app.scheduler', true), '') = 'on'); \
                     CREATE POLICY scheduler_reads_members ON memberships FOR SELECT \
                     USING (NULLIF(current_setting('app.scheduler', true), '') = 'on');",
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() == DatabaseBackend::Postgres {
            m.get_connection()
                .execute_unprepared("DROP POLICY IF EXISTS scheduler_reads_members ON memberships")
                .await?;
        }
        m.get_connection()
            .execute_unprepared("DROP INDEX \"idx-expenses-period-category\"")
            .await?;
        remove_column(m, "workspaces", "data_version").await?;
        remove_column(m, "memberships", "mail_weekly_summary").await?;
        remove_column(m, "memberships", "mail_budget_alerts").await?;
        drop_table(m, "notifications").await?;
        drop_table(m, "budget_alerts").await?;
        drop_table(m, "budgets").await?;
        tenant::revoke(m, &["budgets"]).await
    }
}
