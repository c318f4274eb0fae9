//! Field-level validation errors, shared by the JSON API (422 with
//! `{"errors": {field: [messages]}}`) and the HTML forms (re-rendered with the
//! messages beside their fields).

use std::collections::BTreeMap;

use axum::http::StatusCode;
use loco_rs::{controller::ErrorDetail, Error};

#[derive(Debug, Default, Clone)]
pub struct FieldErrors(BTreeMap<String, Vec<String>>);

impl FieldErrors {
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// A single error on one field.
    #[must_use]
    pub fn one(field: &str, message: impl Into<String>) -> Self {
        let mut errors = Self::new();
        errors.add(field, message);
        errors
    }

    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0
            .entry(field.to_string())
            .or_default()
            .push(message.into());
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(())` when no field has an error, the errors otherwise.
    ///
    /// # Errors
    /// When any field has an error.
    pub fn into_result(self) -> loco_rs::Result<()> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self.into())
        }
    }

    /// The field errors carried by an error produced by [`FieldErrors`], so a
    /// form handler can re-render the form instead of failing the request.
    #[must_use]
    pub fn from_error(err: &Error) -> Option<serde_json::Value> {
        match err {
            Error::CustomError(StatusCode::UNPROCESSABLE_ENTITY, detail) => detail.errors.clone(),
            _ => None,
        }
    }
}

impl From<FieldErrors> for Error {
    fn from(errors: FieldErrors) -> Self {
        Self::CustomError(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorDetail {
                error: Some("validation_failed".to_string()),
                description: Some("Some fields are invalid; see `errors`.".to_string()),
                errors: serde_json::to_value(errors.0).ok(),
            },
        )
    }
}
