pub mod access;
pub mod account;
pub mod admin;
pub mod archives;
pub mod assistant;
pub mod auth;
pub mod balances;
pub mod balances_api;
pub mod billing;
pub mod billing_api;
pub mod budgets;
pub mod budgets_api;
pub mod categories;
pub mod dev_mailbox;
mod domain_errors;
pub mod expenses;
pub mod expenses_api;
pub mod home;
pub mod imports;
pub mod live;
pub mod middleware;
pub mod openapi;
pub mod receipts;
pub mod receipts_api;
pub mod recurring;
pub mod render;
pub mod reports;
pub mod throttle;
pub mod tokens_api;
pub mod webhooks;
pub mod workspaces;
pub mod workspaces_api;

use axum::{
    extract::{rejection::JsonRejection, FromRequest, Request},
    http::StatusCode,
    response::IntoResponse,
};
use loco_rs::prelude::*;
use serde::de::DeserializeOwned;

use crate::models::validation::FieldErrors;

/// A JSON body for the API. Unlike a bare `Json`, a body that is not JSON or
/// has a field of the wrong type answers 422 with `{"errors": {"body": [..]}}`
/// naming the problem, the same shape as every other validation failure.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> std::result::Result<Self, Response> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(Self(value)),
            Err(rejection) => {
                let message = match &rejection {
                    JsonRejection::MissingJsonContentType(_) => {
                        "must be sent with Content-Type: application/json".to_string()
                    }
                    _ => rejection.body_text(),
                };
                Err(Error::from(FieldErrors::one("body", message)).into_response())
            }
        }
    }
}

/// JSON 404 for unknown API routes, a styled page for everything else (the
/// session layer renders it).
pub async fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        axum::Json(serde_json::json!({
            "error": "not_found",
            "description": "No such route",
        })),
    )
        .into_response()
}
