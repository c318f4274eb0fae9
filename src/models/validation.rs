//! Field-level validation errors, shared by the JSON API (422 with
//! `{"errors": {field: [messages]}}`) and the HTML forms (re-rendered with the
//! messages beside their fields).

use std::collections::BTreeMap;

use axum::http::StatusCode;
use chrono::{Datelike, NaiveDate};
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

    /// Text a person typed, trimmed: notes on `field` when it is longer than
    /// `max` characters or holds control characters (a NUL would also fail
    /// on Postgres), save the line breaks and tabs of a `multiline` field.
    /// Whether it may be blank is the caller's rule.
    pub fn text(&mut self, field: &str, value: &str, max: usize, multiline: bool) -> String {
        let value = value.trim().to_string();
        if value.chars().count() > max {
            self.add(field, format!("must be at most {max} characters long"));
        }
        let allowed = |c: char| multiline && matches!(c, '\n' | '\r' | '\t');
        if value.chars().any(|c| c.is_control() && !allowed(c)) {
            self.add(field, "must not contain control characters");
        }
        value
    }

    /// Parses a calendar date written `YYYY-MM-DD` between 1970 and 2100,
    /// noting on `field` why it is not one.
    pub fn date(&mut self, field: &str, text: &str) -> Option<NaiveDate> {
        let text = text.trim();
        // chrono also reads `2026-1-5` and `+2026-01-05`; the API promises
        // exactly `YYYY-MM-DD` (`format: date`).
        let bytes = text.as_bytes();
        let well_formed = bytes.len() == 10 && bytes[4] == b'-' && bytes[7] == b'-';
        let parsed = NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .ok()
            .filter(|_| well_formed);
        match parsed {
            Some(date) if (1970..=2100).contains(&date.year()) => Some(date),
            Some(_) => {
                self.add(field, "must be between 1970 and 2100");
                None
            }
            None => {
                self.add(field, "must be a real date as YYYY-MM-DD");
                None
            }
        }
    }

    /// The field errors `err` carries, in one line for a log or a status
    /// ("amount must be …; date can't be blank"); `None` for other errors.
    #[must_use]
    pub fn describe(err: &Error) -> Option<String> {
        let Some(serde_json::Value::Object(fields)) = Self::from_error(err) else {
            return None;
        };
        let parts: Vec<String> = fields
            .iter()
            .flat_map(|(field, messages)| {
                messages
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(serde_json::Value::as_str)
                    .map(move |m| format!("{field} {m}"))
            })
            .collect();
        Some(parts.join("; "))
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The same errors with each field named under `prefix`
    /// (`expenses[3]` + `amount` → `expenses[3].amount`).
    #[must_use]
    pub fn within(self, prefix: &str) -> Self {
        Self(
            self.0
                .into_iter()
                .map(|(field, messages)| (format!("{prefix}.{field}"), messages))
                .collect(),
        )
    }

    /// Every error in one line, each after its field ("amount must be
    /// greater than zero; date can't be blank").
    #[must_use]
    pub fn sentence(&self) -> String {
        self.0
            .iter()
            .flat_map(|(field, messages)| messages.iter().map(move |m| format!("{field} {m}")))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The errors by field, for a JSON body or a page.
    #[must_use]
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(&self.0).unwrap_or_default()
    }

    /// Adds the field errors of a refusal from another check. Such checks
    /// refuse with field errors only; anything else is kept as one line.
    pub fn absorb(&mut self, err: crate::models::errors::DomainError) {
        match err {
            crate::models::errors::DomainError::Invalid(errors) => {
                for (field, messages) in errors.0 {
                    self.0.entry(field).or_default().extend(messages);
                }
            }
            other => self.add("base", other.to_string()),
        }
    }

    /// `Ok(())` when no field has an error; the domain's refusal otherwise.
    ///
    /// # Errors
    /// When any field has an error.
    pub fn checked(self) -> Result<(), crate::models::errors::DomainError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self.into())
        }
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
                errors: Some(errors.to_json()),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_exactly_yyyy_mm_dd_as_the_document_says() {
        let mut errors = FieldErrors::new();
        assert_eq!(
            errors.date("date", " 2026-01-05 "),
            NaiveDate::from_ymd_opt(2026, 1, 5)
        );
        assert!(errors.is_empty());
        for loose in [
            "2026-1-5",
            "2026-01-5",
            "+2026-01-05",
            "20260105",
            "2026-02-30",
        ] {
            let mut errors = FieldErrors::new();
            assert_eq!(errors.date("date", loose), None, "{loose}");
            assert!(!errors.is_empty(), "{loose}");
        }
    }
}
