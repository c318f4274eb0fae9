//! Requests run to completion even when their client goes away.
//!
//! Without this, a client that disconnects mid-request (a phone losing its
//! network, a load tester stopping) drops the handler wherever it is
//! waiting. A database transaction dropped in the middle of a query cannot
//! queue its rollback, so its connection goes back to the pool still inside
//! the transaction, holding its row locks until the connection happens to be
//! used again. Running each request in a task of its own lets the handler
//! commit or roll back as it would have; only the answer is thrown away.

use axum::{extract::Request, http::StatusCode, middleware::Next, response::IntoResponse};
use loco_rs::prelude::*;

/// The layer function: `axum::middleware::from_fn(run_to_completion)`.
pub async fn run_to_completion(request: Request, next: Next) -> Response {
    match tokio::spawn(next.run(request)).await {
        Ok(response) => response,
        Err(err) => {
            tracing::error!(error = %err, "request task failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
