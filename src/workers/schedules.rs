//! What runs on a clock, with apalis-cron inside every worker process.
//! Each schedule is safe to fire in several processes at once: recurring
//! expenses and alert sending are exactly-once by their own records, and the
//! weekly summaries are queued under one key per member and week.

use crate::models::ids::{UserId, WorkspaceId};
use chrono::{Days, NaiveDate};
use loco_rs::prelude::*;
use sea_orm::QuerySelect;
use serde_json::json;

use crate::{
    mailers::budgets::{message_host, BudgetMailer},
    models::{
        _entities::{categories, expenses, memberships, users},
        budget_alerts, budgets, idempotency_keys, money, recurring_expenses,
        tenancy::{self, Scope},
        workspaces,
    },
    settings::Settings,
    workers::{queue, Job},
};

pub type Run =
    fn(AppContext) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<()>> + Send>>;

pub struct Schedule {
    pub name: &'static str,
    /// Cron, seconds first, in UTC.
    pub cron: &'static str,
    pub run: Run,
}

impl Schedule {
    /// # Errors
    /// When the cron expression does not parse.
    pub fn cron(&self) -> Result<cron::Schedule> {
        self.cron
            .parse()
            .map_err(|err| Error::string(&format!("schedule {}: {err}", self.name)))
    }
}

pub const ALL: &[Schedule] = &[
    Schedule {
        name: "recurring_expenses",
        cron: "0 */15 * * * *",
        run: recurring,
    },
    Schedule {
        name: "budget_alert_sweep",
        cron: "30 */5 * * * *",
        run: alert_sweep,
    },
    Schedule {
        name: "weekly_summary",
        cron: "0 0 7 * * Mon",
        run: weekly_summaries,
    },
    Schedule {
        name: "receipt_sweep",
        cron: "0 41 * * * *",
        run: receipt_sweep,
    },
    Schedule {
        name: "billing_reconciliation",
        cron: "0 17 * * * *",
        run: billing_reconciliation,
    },
    Schedule {
        name: "job_prune",
        cron: "0 23 3 * * *",
        run: job_prune,
    },
    Schedule {
        name: "idempotency_sweep",
        cron: "0 47 3 * * *",
        run: idempotency_sweep,
    },
];

/// Removes the `Idempotency-Key` answers older than a day, once a day.
fn idempotency_sweep(
    ctx: AppContext,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<()>> + Send>> {
    Box::pin(async move {
        let removed = idempotency_keys::sweep_expired(&ctx.db).await?;
        tracing::info!(removed, "expired idempotency keys swept");
        Ok(())
    })
}

/// Removes old finished and dead jobs once a day (`settings.jobs.keep_*`);
/// several processes doing it at once delete the same rows once.
fn job_prune(
    ctx: AppContext,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<()>> + Send>> {
    Box::pin(async move {
        let settings = Settings::get(&ctx)?;
        let days_ago = |days: u32| chrono::Utc::now() - chrono::Duration::days(i64::from(days));
        let removed = queue::prune(
            &ctx,
            days_ago(settings.jobs.keep_done_days),
            days_ago(settings.jobs.keep_dead_days),
        )
        .await?;
        tracing::info!(removed, "old jobs pruned");
        Ok(())
    })
}

/// Queues one reconciliation with Stripe per hour (however many worker
/// processes fire this schedule).
fn billing_reconciliation(
    ctx: AppContext,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<()>> + Send>> {
    Box::pin(async move {
        if !Settings::get(&ctx)?.billing.enabled() {
            return Ok(());
        }
        let hour = chrono::Utc::now().format("%Y-%m-%dT%H");
        queue::enqueue_once(
            &ctx,
            Job::ReconcileBilling,
            &format!("reconcile-billing:{hour}"),
        )
        .await
    })
}

/// Queues one receipt clean-up per hour (however many worker processes
/// fire this schedule).
fn receipt_sweep(
    ctx: AppContext,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<()>> + Send>> {
    Box::pin(async move {
        let hour = chrono::Utc::now().format("%Y-%m-%dT%H");
        queue::enqueue_once(&ctx, Job::SweepReceipts, &format!("receipt-sweep:{hour}")).await
    })
}

/// Creates the recurring expenses that are due (catching up missed dates).
fn recurring(
    ctx: AppContext,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<()>> + Send>> {
    Box::pin(async move {
        recurring_expenses::Model::run_due(&ctx).await?;
        Ok(())
    })
}

/// Sends alerts whose sending was interrupted (a crash after the change
/// committed, a claim that expired).
fn alert_sweep(
    ctx: AppContext,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<()>> + Send>> {
    Box::pin(async move {
        for workspace_id in budget_alerts::Model::workspaces_with_unsent(&ctx.db).await? {
            queue::enqueue(&ctx, Job::BudgetAlerts { workspace_id }).await?;
        }
        Ok(())
    })
}

/// Queues last week's summary for every member who asked for one.
fn weekly_summaries(
    ctx: AppContext,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<()>> + Send>> {
    Box::pin(async move {
        let this_monday = budgets::Period::Week.start_of(chrono::Utc::now().date_naive());
        let week_start = this_monday - Days::new(7);
        let txn = tenancy::begin_read(
            &ctx.db,
            Scope {
                scheduler: true,
                ..Default::default()
            },
        )
        .await?;
        let wanted: Vec<(WorkspaceId, UserId)> = memberships::Entity::find()
            .filter(memberships::Column::MailWeeklySummary.eq(true))
            .select_only()
            .column(memberships::Column::WorkspaceId)
            .column(memberships::Column::UserId)
            .into_tuple()
            .all(&txn)
            .await?;
        txn.commit().await?;
        for (workspace_id, user_id) in wanted {
            queue::enqueue_once(
                &ctx,
                Job::WeeklySummary {
                    workspace_id,
                    user_id,
                    week_start,
                },
                &format!("weekly-summary:{workspace_id}:{user_id}:{week_start}"),
            )
            .await?;
        }
        Ok(())
    })
}

/// Mails one member the week starting `week_start`, if they still want it.
///
/// # Errors
/// On database errors or when the mail cannot be sent.
// Stays whole (over 80 lines): one week's figures for one member, gathered and
// mailed in one job so it is sent once.
pub async fn weekly_summary(
    ctx: &AppContext,
    workspace_id: WorkspaceId,
    user_id: UserId,
    week_start: NaiveDate,
) -> Result<()> {
    let settings = Settings::get(ctx)?;
    let week_end = week_start + Days::new(7);
    let txn = tenancy::begin(
        &ctx.db,
        Scope {
            workspace_id: Some(workspace_id),
            ..Default::default()
        },
    )
    .await?;
    let workspace = workspaces::Entity::find_by_id(workspace_id)
        .one(&txn)
        .await?;
    let membership = memberships::Entity::find()
        .in_tenant(workspace_id)
        .filter(memberships::Column::UserId.eq(user_id))
        .one(&txn)
        .await?;
    let user = users::Entity::find_by_id(user_id).one(&txn).await?;
    let (Some(workspace), Some(membership), Some(user)) = (workspace, membership, user) else {
        return Ok(());
    };
    if membership.mail_weekly_summary != Some(true) {
        return Ok(());
    }
    let format = |minor: i64| money::format_with_code(minor, &workspace.currency);
    let by_category: Vec<(Option<i64>, Option<i64>, i64)> = expenses::Entity::find()
        .in_tenant(workspace_id)
        .filter(expenses::Column::DeletedAt.is_null())
        .filter(expenses::Column::SpentOn.gte(week_start))
        .filter(expenses::Column::SpentOn.lt(week_end))
        .select_only()
        .column(expenses::Column::CategoryId)
        .column_as(money::sum_minor(expenses::Column::AmountMinor), "total")
        .column_as(expenses::Column::Id.count(), "count")
        .group_by(expenses::Column::CategoryId)
        .into_tuple()
        .all(&txn)
        .await?;
    let names: std::collections::HashMap<i64, String> = categories::Entity::find()
        .in_tenant(workspace_id)
        .all(&txn)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let total: i64 = by_category.iter().map(|r| r.1.unwrap_or_default()).sum();
    let count: i64 = by_category.iter().map(|r| r.2).sum();
    // No name: uncategorised, which the template words in the member's language.
    let mut rows: Vec<(Option<String>, i64)> = by_category
        .iter()
        .map(|(category, sum, _)| {
            (
                category.and_then(|id| names.get(&id).cloned()),
                sum.unwrap_or_default(),
            )
        })
        .collect();
    rows.sort_by_key(|row| std::cmp::Reverse(row.1));
    let mut budget_rows = Vec::new();
    for budget in budgets::Model::list(&txn, workspace_id).await? {
        let progress = budget.progress(&txn, workspace.today()).await?;
        budget_rows.push(json!({
            "name": budget.name,
            "spent": format(progress.spent_minor),
            "limit": format(progress.limit_minor),
            "over": progress.percent.is_none(),
            "percent": progress.percent.map(|p| p.to_string()),
        }));
    }
    txn.commit().await?;
    let host = message_host(&settings);
    BudgetMailer::send_weekly_summary(
        ctx,
        &user,
        format!("<weekly-summary.{}.{}.{week_start}@{host}>", workspace.pid, user.pid),
        json!({
            "workspace": workspace.name,
            "week_start": week_start.to_string(),
            "week_end": (week_end - Days::new(1)).to_string(),
            "total": format(total),
            "count": count,
            "categories": rows.iter().take(5).map(|(name, sum)| json!({"name": name, "amount": format(*sum)})).collect::<Vec<_>>(),
            "budgets": budget_rows,
            "link": format!("{}/w/{}", settings.base_url, workspace.pid),
            "settings_link": format!("{}/w/{}/notifications", settings.base_url, workspace.pid),
        }),
    )
    .await
}
