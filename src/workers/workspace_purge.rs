//! Removes a workspace marked for deletion, with everything in it. Retried
//! by the queue until it succeeds; running it twice is harmless.

use loco_rs::prelude::*;
use serde::{Deserialize, Serialize};

use crate::models::workspaces;

pub struct WorkspacePurgeWorker {
    pub ctx: AppContext,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PurgeArgs {
    pub workspace_pid: Uuid,
}

#[async_trait]
impl BackgroundWorker<PurgeArgs> for WorkspacePurgeWorker {
    fn build(ctx: &AppContext) -> Self {
        Self { ctx: ctx.clone() }
    }

    async fn perform(&self, args: PurgeArgs) -> Result<()> {
        let purged = workspaces::Model::purge(&self.ctx.db, &args.workspace_pid).await?;
        tracing::info!(workspace = %args.workspace_pid, purged, "workspace purge");
        Ok(())
    }
}
