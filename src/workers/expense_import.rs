//! Imports a queued file of expenses (see `models::imports`). Rows land in
//! one transaction, so a failed or cancelled import leaves nothing behind;
//! running the job again for a finished import does nothing.

use crate::models::ids::WorkspaceId;
use std::sync::Arc;

use loco_rs::prelude::*;

use crate::models::imports::{self, ImportControl};

/// # Errors
/// When the import cannot run (a database error); a bad file is recorded on
/// the import instead.
pub async fn import(ctx: &AppContext, workspace_id: WorkspaceId, import_id: i64) -> Result<()> {
    let control = ctx
        .shared_store
        .get::<Arc<ImportControl>>()
        .ok_or_else(|| Error::string("import control is not set up"))?;
    imports::Model::run(ctx, &control, workspace_id, import_id).await
}
