//! Background jobs, kept by apalis in the app's own database (apalis-postgres
//! on Postgres, apalis-sqlite on SQLite; no other service).
//!
//! The web process only enqueues ([`queue::enqueue`]); whatever process runs
//! workers (`start` with workers, `start --worker`, `start --all`) takes jobs
//! through [`runner`]. A job that fails is retried with exponential backoff
//! up to [`queue::MAX_ATTEMPTS`] times, then stays in the queue as dead
//! (listed and retried with `cargo loco task jobs`).

pub mod budget_alerts;
pub mod expense_import;
pub mod mail_delivery;
pub mod queue;
pub mod runner;
pub mod schedules;
pub mod workspace_purge;

use crate::models::ids::{UserId, WorkspaceId};
use loco_rs::prelude::*;

use crate::models::receipts;
use serde::{Deserialize, Serialize};

/// Every kind of job, as stored in the queue.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "job", rename_all = "snake_case")]
pub enum Job {
    /// Renders and sends one mail, named by the rows it is about (no
    /// links or text: see [`crate::mailers::Mail`]).
    Mail { mail: crate::mailers::Mail },
    /// A rendered mail queued before mail jobs named their rows (versions
    /// before December 2026): delivered as it is, so an upgrade loses no
    /// mail, and pruned with the other finished jobs. Nothing queues it.
    #[serde(rename = "deliver_mail")]
    LegacyMail { email: Box<loco_rs::mailer::Email> },
    /// Removes a workspace marked for deletion.
    PurgeWorkspace { workspace_pid: Uuid },
    /// Imports an uploaded file of expenses.
    ImportExpenses {
        workspace_id: WorkspaceId,
        import_id: i64,
    },
    /// Re-evaluates a workspace's budgets and sends the alerts not yet sent.
    BudgetAlerts { workspace_id: WorkspaceId },
    /// Mails one member the summary of a week (once per member and week).
    WeeklySummary {
        workspace_id: WorkspaceId,
        user_id: UserId,
        week_start: chrono::NaiveDate,
    },
    /// Processes a stored Stripe webhook event.
    StripeEvent { event_id: String },
    /// Compares every workspace's subscription with Stripe and fixes drift.
    ReconcileBilling,
    /// Makes a receipt's thumbnail and preview and reads its text.
    ProcessReceipt {
        workspace_id: WorkspaceId,
        receipt_id: i64,
    },
    /// Deletes stored files (of a removed receipt).
    DeleteFiles { keys: Vec<String> },
    /// Removes long-deleted expenses' receipts and files no receipt names.
    SweepReceipts,
}

impl Job {
    /// Does the job's work. `task` is the queue's id of the job, the same
    /// each time it runs (a retry, or a run after its worker died).
    ///
    /// # Errors
    /// Whatever the work fails with; the queue retries it.
    pub async fn perform(self, ctx: &AppContext, task: &str) -> Result<()> {
        match self {
            Self::Mail { mail } => mail.send(ctx).await,
            Self::LegacyMail { email } => mail_delivery::deliver(ctx, &email).await,
            Self::PurgeWorkspace { workspace_pid } => {
                workspace_purge::purge(ctx, &workspace_pid).await
            }
            Self::ImportExpenses {
                workspace_id,
                import_id,
            } => expense_import::import(ctx, workspace_id, import_id).await,
            Self::BudgetAlerts { workspace_id } => {
                budget_alerts::run(ctx, workspace_id, &format!("job:{task}")).await
            }
            Self::WeeklySummary {
                workspace_id,
                user_id,
                week_start,
            } => schedules::weekly_summary(ctx, workspace_id, user_id, week_start).await,
            Self::StripeEvent { event_id } => {
                crate::models::stripe_events::process(ctx, &event_id).await
            }
            Self::ReconcileBilling => crate::models::billing::reconcile(ctx).await.map(|_| ()),
            Self::ProcessReceipt {
                workspace_id,
                receipt_id,
            } => receipts::process(ctx, workspace_id, receipt_id).await,
            Self::DeleteFiles { keys } => receipts::delete_files(ctx, &keys).await,
            Self::SweepReceipts => {
                let swept = receipts::sweep(ctx).await?;
                tracing::info!(
                    expired = swept.expired,
                    stalled = swept.stalled,
                    orphans = swept.orphans,
                    "receipt sweep"
                );
                Ok(())
            }
        }
    }
}
