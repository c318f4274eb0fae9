//! What a change asks for once it has committed: open pages refresh, a
//! budget alert is mailed, a job is queued (an invitation's mail is one).
//!
//! Operations register these on their [`Tenant`](super::tenancy::Tenant)
//! while they write; whoever commits the transaction (the request's
//! `Member::commit`, a job) runs them with [`commit`] only after the
//! commit succeeded, so nothing is announced that a rollback undid, and a
//! job never looks for a row that is not there yet.

use std::sync::{Arc, Mutex, PoisonError};

use loco_rs::prelude::*;
use sea_orm::DatabaseTransaction;

use super::workspaces;
use crate::workers::{queue, Job};

/// One thing to do after the commit.
#[derive(Debug)]
pub enum Effect {
    /// The workspace's data changed: cached figures are retired and its
    /// open pages refresh.
    Changed,
    /// A budget alert the change recorded (the outbox row): mail it.
    BudgetAlert(i64),
    /// Queue a job that needs the committed rows (processing a receipt,
    /// an import, mailing an invitation) or must not run if the change
    /// rolls back (deleting files, purging a workspace).
    Job(Job),
}

/// The effects registered during one change, shared by the operations of
/// a request or a job (they take `&Tenant`, so the list is behind a lock).
#[derive(Debug, Clone, Default)]
pub struct Pending(Arc<Mutex<Vec<Effect>>>);

impl Pending {
    pub fn push(&self, effect: Effect) {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(effect);
    }

    /// Everything registered so far, leaving the list empty.
    #[must_use]
    pub fn take(&self) -> Vec<Effect> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

/// Commits `txn`, then runs `effects` for `workspace`.
///
/// # Errors
/// On database errors (nothing is run then), or when an effect cannot be
/// queued (the change is committed; the periodic sweeps send alerts that
/// were left behind).
pub async fn commit(
    ctx: &AppContext,
    txn: DatabaseTransaction,
    workspace: &workspaces::Model,
    effects: Vec<Effect>,
) -> Result<()> {
    txn.commit().await?;
    run(ctx, workspace, effects).await
}

/// Runs effects of a committed change, each once: one refresh, one alert
/// job for the newest alert.
///
/// # Errors
/// When the queue, the mailer or the refresh fails.
pub async fn run(
    ctx: &AppContext,
    workspace: &workspaces::Model,
    effects: Vec<Effect>,
) -> Result<()> {
    let mut changed = false;
    let mut newest_alert = None;
    let mut jobs = Vec::new();
    for effect in effects {
        match effect {
            Effect::Changed => changed = true,
            Effect::BudgetAlert(id) => newest_alert = newest_alert.max(Some(id)),
            Effect::Job(job) => jobs.push(job),
        }
    }
    // The version first: kept figures must not outlive the change because
    // a job could not be queued.
    if changed {
        crate::live::changed(ctx, workspace.id).await?;
    }
    for job in jobs {
        queue::enqueue(ctx, job).await?;
    }
    if let Some(alert) = newest_alert {
        let workspace_id = workspace.id;
        // Keyed by the alert, so a retried request queues it once.
        queue::enqueue_once(
            ctx,
            Job::BudgetAlerts { workspace_id },
            &format!("budget-alerts:{workspace_id}:{alert}"),
        )
        .await?;
    }
    Ok(())
}
