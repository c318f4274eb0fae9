//! Removes a workspace marked for deletion, with everything in it, after
//! ending its paid subscription in Stripe (nobody pays for a workspace that
//! is gone). Retried by the queue until it succeeds; running it twice is
//! harmless.

use loco_rs::prelude::*;

use crate::models::{billing, workspaces};

/// # Errors
/// On database errors, or when Stripe cannot be reached to end the
/// subscription (the queue retries).
pub async fn purge(ctx: &AppContext, workspace_pid: &Uuid) -> Result<()> {
    billing::end_subscription_of_deleted(ctx, workspace_pid).await?;
    let purged = workspaces::Model::purge(&ctx.db, workspace_pid).await?;
    tracing::info!(workspace = %workspace_pid, purged, "workspace purge");
    Ok(())
}
