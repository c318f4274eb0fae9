//! Removes a workspace marked for deletion, with everything in it, after
//! ending its paid subscription in Stripe (nobody pays for a workspace that
//! is gone). Retried by the queue until it succeeds; running it twice is
//! harmless. Its receipts' files are deleted before its rows, so a
//! storage outage leaves the workspace to the next try, not its files
//! behind.

use loco_rs::prelude::*;

use crate::models::{billing, receipts, workspaces};

/// # Errors
/// On database errors, or when Stripe cannot be reached to end the
/// subscription or storage to delete its files (the queue retries).
pub async fn purge(ctx: &AppContext, workspace_pid: &Uuid) -> Result<()> {
    billing::end_subscription_of_deleted(ctx, workspace_pid).await?;
    // Only a workspace marked for deletion (or already gone) loses its files.
    let kept = workspaces::Entity::find()
        .filter(workspaces::workspaces::Column::Pid.eq(*workspace_pid))
        .filter(workspaces::workspaces::Column::DeletingAt.is_null())
        .one(&ctx.db)
        .await?;
    if kept.is_some() {
        return Ok(());
    }
    let files = receipts::remove_workspace_files(ctx, workspace_pid).await?;
    let purged = workspaces::Model::purge(&ctx.db, workspace_pid).await?;
    tracing::info!(workspace = %workspace_pid, purged, files, "workspace purge");
    Ok(())
}
