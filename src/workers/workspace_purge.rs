//! Removes a workspace marked for deletion, with everything in it. Retried
//! by the queue until it succeeds; running it twice is harmless.

use loco_rs::prelude::*;

use crate::models::workspaces;

/// # Errors
/// On database errors.
pub async fn purge(ctx: &AppContext, workspace_pid: &Uuid) -> Result<()> {
    let purged = workspaces::Model::purge(&ctx.db, workspace_pid).await?;
    tracing::info!(workspace = %workspace_pid, purged, "workspace purge");
    Ok(())
}
