//! The one place where the domain's refusals become HTTP answers: the API
//! answers them as JSON (`{error, description, errors}`), pages through
//! `render` (field errors beside their fields, the rest as a notice).

use axum::http::StatusCode;
use loco_rs::{controller::ErrorDetail, Error};
use serde_json::json;

use crate::models::errors::DomainError;

impl From<DomainError> for Error {
    fn from(err: DomainError) -> Self {
        let custom = |status, error: &str, description: String, errors| {
            Self::CustomError(
                status,
                ErrorDetail {
                    error: Some(error.to_string()),
                    description: Some(description),
                    errors,
                },
            )
        };
        match err {
            DomainError::Invalid(errors) => errors.into(),
            DomainError::PlanLimit {
                description,
                upgrade_url,
            } => custom(
                StatusCode::PAYMENT_REQUIRED,
                "plan_limit",
                description,
                Some(json!({ "upgrade_url": upgrade_url })),
            ),
            DomainError::NotFound => Self::NotFound,
            DomainError::Forbidden(text) => custom(StatusCode::FORBIDDEN, "forbidden", text, None),
            DomainError::Conflict(text) => custom(StatusCode::CONFLICT, "conflict", text, None),
            DomainError::Unavailable(text) => {
                custom(StatusCode::SERVICE_UNAVAILABLE, "unavailable", text, None)
            }
            DomainError::Database(err) => Self::DB(err),
        }
    }
}
