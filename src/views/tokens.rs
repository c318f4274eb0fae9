use serde::Serialize;

use crate::models::api_tokens;

/// An access token as listed: never its secret.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TokenResponse {
    pub id: String,
    pub name: String,
    /// The first characters, to tell tokens apart.
    pub prefix: String,
    /// `active`, `expired` or `revoked`.
    pub state: String,
    pub created_at: String,
    pub expires_at: Option<String>,
    pub last_used_at: Option<String>,
}

impl From<&api_tokens::Model> for TokenResponse {
    fn from(t: &api_tokens::Model) -> Self {
        Self {
            id: t.pid.to_string(),
            name: t.name.clone(),
            prefix: t.prefix.clone(),
            state: t.state().to_string(),
            created_at: t.created_at.to_rfc3339(),
            expires_at: t.expires_at.map(|at| at.to_rfc3339()),
            last_used_at: t.last_used_at.map(|at| at.to_rfc3339()),
        }
    }
}

/// A token just made: the only time its secret is shown.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct IssuedTokenResponse {
    /// Use as `Authorization: Bearer <token>`; it is not shown again.
    pub token: String,
    #[serde(flatten)]
    pub details: TokenResponse,
}

crate::page_schema!(TokenList, TokenResponse);
