//! Live updates and cache versions: what happens after a change to a
//! workspace's spending commits.
//!
//! [`changed`] bumps the workspace's `data_version` (cached aggregates are
//! keyed by it, so none is served after the change) and announces the
//! change to every open page of that workspace (server-sent events). On
//! Postgres the announcement goes through `NOTIFY`, so pages served by any
//! web process hear of changes made by any other process (a worker's
//! import, another web process); on SQLite, where one process does
//! everything, it goes straight to this process's subscribers.

use crate::models::ids::WorkspaceId;
use std::sync::Arc;

use loco_rs::prelude::*;
use sea_orm::{sea_query::Expr, DatabaseBackend, Statement};
use tokio::sync::broadcast;

use crate::models::_entities::workspaces;

/// The Postgres channel the announcements travel on.
const CHANNEL: &str = "smartexpense_changes";

/// This process's subscribers.
#[derive(Clone)]
pub struct Hub {
    sender: broadcast::Sender<WorkspaceId>,
}

impl Default for Hub {
    fn default() -> Self {
        Self {
            sender: broadcast::channel(256).0,
        }
    }
}

impl Hub {
    fn get(ctx: &AppContext) -> Result<Arc<Self>> {
        ctx.shared_store
            .get::<Arc<Self>>()
            .ok_or_else(|| Error::string("live updates are not set up"))
    }

    /// Changes of every workspace, as workspace ids; filter for yours.
    ///
    /// # Errors
    /// When the hub was not set up at start.
    pub fn subscribe(ctx: &AppContext) -> Result<broadcast::Receiver<WorkspaceId>> {
        Ok(Self::get(ctx)?.sender.subscribe())
    }

    fn announce_here(&self, workspace_id: WorkspaceId) {
        // No subscriber is not an error.
        let _ = self.sender.send(workspace_id);
    }
}

/// Records that the workspace's spending changed (see the module docs).
/// Call it after the change committed.
///
/// # Errors
/// On database errors.
pub async fn changed(ctx: &AppContext, workspace_id: WorkspaceId) -> Result<()> {
    workspaces::Entity::update_many()
        .col_expr(
            workspaces::Column::DataVersion,
            Expr::cust("COALESCE(data_version, 0) + 1"),
        )
        .filter(workspaces::Column::Id.eq(workspace_id))
        .exec(&ctx.db)
        .await?;
    if ctx.db.get_database_backend() == DatabaseBackend::Postgres {
        ctx.db
            .execute_raw(Statement::from_sql_and_values(
                DatabaseBackend::Postgres,
                "SELECT pg_notify($1, $2)",
                [CHANNEL.into(), workspace_id.to_string().into()],
            ))
            .await?;
    } else {
        Hub::get(ctx)?.announce_here(workspace_id);
    }
    Ok(())
}

/// Sets up the hub; on Postgres also listens for other processes'
/// announcements (reconnecting when the connection drops).
///
/// # Errors
/// Never yet; kept fallible for the listener's setup.
pub fn start(ctx: &AppContext) -> Result<()> {
    let hub = Arc::new(Hub::default());
    ctx.shared_store.insert(hub.clone());
    if ctx.db.get_database_backend() != DatabaseBackend::Postgres {
        return Ok(());
    }
    // A connection of its own, so listening never holds one of the pool's.
    let url = ctx.config.database.uri.clone();
    tokio::spawn(async move {
        loop {
            match apalis_postgres::PgListener::connect(&url).await {
                Ok(mut listener) => {
                    if let Err(err) = listener.listen(CHANNEL).await {
                        tracing::warn!(error = %err, "live updates: LISTEN failed");
                    } else {
                        while let Ok(note) = listener.recv().await {
                            if let Ok(id) = note.payload().parse::<i64>().map(WorkspaceId) {
                                hub.announce_here(id);
                            }
                        }
                    }
                }
                Err(err) => tracing::warn!(error = %err, "live updates: cannot listen"),
            }
            tokio::time::sleep(std::time::Duration::from_secs(2)).await;
        }
    });
    Ok(())
}
