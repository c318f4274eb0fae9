use serde::Serialize;

use crate::models::_entities::users;

/// An account as the API shows it: never the password hash or tokens.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct UserResponse {
    pub pid: String,
    pub name: String,
    pub email: String,
    pub email_verified: bool,
    /// An address change waiting for its confirmation link.
    pub pending_email: Option<String>,
}

impl From<&users::Model> for UserResponse {
    fn from(user: &users::Model) -> Self {
        Self {
            pid: user.pid.to_string(),
            name: user.name.clone(),
            email: user.email.clone(),
            email_verified: user.email_verified_at.is_some(),
            pending_email: user.pending_email.clone(),
        }
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct LoginResponse {
    pub token: String,
    pub user: UserResponse,
}
