//! The domain's error: what an operation can refuse, in the domain's own
//! terms. Models return it; only the controllers' shared support code turns
//! it into a status code, a JSON body or a page (`controllers::domain`).

use loco_rs::model::ModelError;
use sea_orm::DbErr;

use super::validation::FieldErrors;

/// Why an operation did not happen.
#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    /// Some fields are invalid; each is named with what to fix.
    #[error("invalid fields: {}", .0.sentence())]
    Invalid(FieldErrors),
    /// The workspace's plan does not allow it.
    #[error("{description}")]
    PlanLimit {
        /// Says the limit and what to do, for people.
        description: String,
        /// The workspace's billing page.
        upgrade_url: String,
    },
    /// No such thing in this workspace (another workspace's thing is not
    /// found either, exactly like one that does not exist).
    #[error("not found")]
    NotFound,
    /// The actor's role does not allow it; the text says why.
    #[error("{0}")]
    Forbidden(String),
    /// It clashes with the current state (e.g. a workspace that already has
    /// expenses); the text says how.
    #[error("{0}")]
    Conflict(String),
    /// A service it needs (storage, mail) cannot be reached now.
    #[error("{0}")]
    Unavailable(String),
    /// The database failed: never shown as a field error.
    #[error(transparent)]
    Database(#[from] DbErr),
}

pub type DomainResult<T> = Result<T, DomainError>;

impl DomainError {
    /// One field's error.
    #[must_use]
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        Self::Invalid(FieldErrors::one(field, message))
    }

    /// The same error with its field names under `prefix` (the archive
    /// restore names `expenses[3].amount`); other errors as they are.
    #[must_use]
    pub fn within(self, prefix: &str) -> Self {
        match self {
            Self::Invalid(errors) => Self::Invalid(errors.within(prefix)),
            other => other,
        }
    }

    /// The refusal in one line for people ("amount must be greater than
    /// zero"), for a door that has no fields to show it beside (an import
    /// row, the assistant); `None` for failures that are not refusals.
    #[must_use]
    pub fn refusal(&self) -> Option<String> {
        match self {
            Self::Invalid(errors) => Some(errors.sentence()),
            Self::PlanLimit { description, .. } => Some(description.clone()),
            Self::Forbidden(text) | Self::Conflict(text) => Some(text.clone()),
            Self::NotFound | Self::Unavailable(_) | Self::Database(_) => None,
        }
    }
}

impl From<FieldErrors> for DomainError {
    fn from(errors: FieldErrors) -> Self {
        Self::Invalid(errors)
    }
}

impl From<ModelError> for DomainError {
    fn from(err: ModelError) -> Self {
        match err {
            ModelError::EntityNotFound => Self::NotFound,
            ModelError::DbErr(err) => Self::Database(err),
            other => Self::Database(DbErr::Custom(other.to_string())),
        }
    }
}

impl From<serde_json::Error> for DomainError {
    fn from(err: serde_json::Error) -> Self {
        Self::Database(DbErr::Custom(format!("stored JSON: {err}")))
    }
}
