//! Request bodies and parameters: `ApiJson` for the API's JSON bodies, and
//! the parameters of actions whose page form and API body carry the same
//! fields.

use axum::{
    extract::{rejection::JsonRejection, FromRequest, Request},
    response::IntoResponse,
};
use loco_rs::prelude::*;
use serde::{de::DeserializeOwned, Deserialize};

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

/// Deleting a workspace, from its settings page or the API.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DeleteParams {
    /// The workspace's name, typed to confirm.
    pub confirm: String,
}

/// A member's new role, from the members page or the API.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct RoleParams {
    pub role: String,
}

/// A page of the audit log, on the audit page or the API.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    pub before: Option<i64>,
    pub limit: Option<u64>,
}
