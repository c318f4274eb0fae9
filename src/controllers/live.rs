//! Live updates for open pages: `GET /w/{workspace_id}/events` is a stream
//! of server-sent events; each `changed` event says the workspace's
//! spending changed (see `crate::live`), and the htmx SSE extension on the
//! dashboard and the expense list fetches them again.

use crate::models::ids::WorkspaceId;
use std::{convert::Infallible, time::Duration};

use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::{self, Stream};
use loco_rs::prelude::*;
use tokio::sync::broadcast::{error::RecvError, Receiver};

use super::support::access::{requires, Member};
use crate::{live::Hub, policies::WORKSPACE_READ};

/// The changes of one workspace, as events.
fn changes(
    receiver: Receiver<WorkspaceId>,
    workspace_id: WorkspaceId,
) -> impl Stream<Item = Result<Event, Infallible>> {
    stream::unfold(receiver, move |mut receiver| async move {
        loop {
            match receiver.recv().await {
                Ok(id) if id == workspace_id => {
                    let event = Event::default().event("changed").data("spending");
                    return Some((Ok(event), receiver));
                }
                // Missed some: one "changed" covers them all.
                Err(RecvError::Lagged(_)) => {
                    let event = Event::default().event("changed").data("spending");
                    return Some((Ok(event), receiver));
                }
                Ok(_) => {}
                Err(RecvError::Closed) => return None,
            }
        }
    })
}

#[debug_handler]
async fn events(State(ctx): State<AppContext>, member: Member) -> Result<Response> {
    let workspace_id = member.workspace.id;
    let receiver = Hub::subscribe(&ctx)?;
    // The stream outlives the request: let go of its transaction now.
    drop(member);
    Ok(Sse::new(changes(receiver, workspace_id))
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(20)))
        .into_response())
}

pub fn routes() -> Routes {
    Routes::new().add(
        "/w/{workspace_id}/events",
        requires(WORKSPACE_READ, get(events)),
    )
}
