//! What the API shows of an account, and the account pages: signup,
//! login, confirmation, password reset, settings.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::{
    models::_entities::users,
    views::{
        page::{FormValues, NoData, SessionRow},
        tokens::TokenResponse,
    },
};

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

/// The answer to a signup, the same whether the address was new or already
/// had an account (whose owner is then mailed instead), so it does not
/// tell who is registered.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SignupResponse {
    /// The address, as it is stored (trimmed, lower-cased).
    pub email: String,
    pub description: String,
}

impl SignupResponse {
    /// What a signup is told, on the page (as a notice) and in the API.
    #[must_use]
    pub fn new(email: String) -> Self {
        Self {
            description: format!("Almost there: we sent a mail to {email}. Open it to go on."),
            email,
        }
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct LoginResponse {
    pub token: String,
    pub user: UserResponse,
}

/// The signup page.
#[derive(Debug, Serialize)]
pub struct SignupPage {
    pub form: FormValues<NewSignup, SentSignup>,
}

/// A blank signup: the address an invitation carries, where to go after.
#[derive(Debug, Serialize)]
pub struct NewSignup {
    pub email: String,
    pub next: String,
}

#[derive(Debug, Serialize)]
pub struct SentSignup {
    pub name: String,
    pub email: String,
    pub next: String,
}

/// The login page, with why a login was refused.
#[derive(Debug, Serialize)]
pub struct LoginPage {
    pub form: FormValues<NewLogin, SentLogin>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alert: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct NewLogin {
    pub next: String,
}

#[derive(Debug, Serialize)]
pub struct SentLogin {
    pub email: String,
    pub next: String,
}

/// Opening an email confirmation link: the confirmed address, or why not.
#[derive(Debug, Serialize)]
pub struct VerifiedPage {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alert: Option<String>,
}

/// "Forgot your password": the form, then where the link went.
#[derive(Debug, Serialize)]
pub struct ForgotPage {
    pub form: FormValues<NoData, SentEmail>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sent_to: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct SentEmail {
    pub email: String,
}

/// Choosing a new password from a reset link.
#[derive(Debug, Serialize)]
pub struct ResetPage {
    pub token: String,
    /// The link is invalid, expired or used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invalid: Option<bool>,
}

/// The account settings page: the account, its sessions and access tokens.
#[derive(Debug, Serialize)]
pub struct AccountPage {
    pub account: UserResponse,
    pub sessions: Vec<SessionRow>,
    pub tokens: Vec<TokenResponse>,
    pub token_form: FormValues<NewToken, SentToken>,
    /// The errors of one of the page's forms, under its name: `password`,
    /// `email`, `delete` or `token`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<BTreeMap<&'static str, serde_json::Value>>,
    /// A token just made, shown this once.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued_token: Option<IssuedToken>,
    /// The member's language setting (`de`), empty when the browser's.
    pub language: String,
    /// The languages to choose from: code and name in itself.
    pub languages: Vec<(&'static str, &'static str)>,
}

/// A blank token form: valid for 90 days.
#[derive(Debug, Serialize)]
pub struct NewToken {
    pub expires_in_days: &'static str,
}

#[derive(Debug, Serialize)]
pub struct SentToken {
    pub name: String,
    pub expires_in_days: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct IssuedToken {
    pub secret: String,
    pub name: String,
}
