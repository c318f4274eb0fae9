//! Imports a queued CSV file (see `models::imports`). Rows land in one
//! transaction, so a failed or cancelled import leaves nothing behind;
//! running the job again for a finished import does nothing.

use std::sync::Arc;

use loco_rs::prelude::*;
use serde::{Deserialize, Serialize};

use crate::models::imports::{self, ImportControl};

pub struct ExpenseImportWorker {
    pub ctx: AppContext,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ImportArgs {
    pub workspace_id: i64,
    pub import_id: i64,
}

#[async_trait]
impl BackgroundWorker<ImportArgs> for ExpenseImportWorker {
    fn build(ctx: &AppContext) -> Self {
        Self { ctx: ctx.clone() }
    }

    async fn perform(&self, args: ImportArgs) -> Result<()> {
        let control = self
            .ctx
            .shared_store
            .get::<Arc<ImportControl>>()
            .ok_or_else(|| Error::string("import control is not set up"))?;
        imports::Model::run(&self.ctx.db, &control, args.workspace_id, args.import_id).await
    }
}
