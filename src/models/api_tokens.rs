//! Personal access tokens: long-lived, named, optionally expiring and
//! revocable credentials for the API (`Authorization: Bearer se_…`). Only a
//! digest is stored; the token is shown once, when it is made.

use crate::models::ids::UserId;
use chrono::{Duration, Utc};
use loco_rs::prelude::*;
use serde::Deserialize;

pub use super::_entities::api_tokens::{self, ActiveModel, Entity, Model};
use super::{_entities::users, secrets, validation::FieldErrors};

/// Every access token starts with this, so it can be told from a login
/// token (and found by secret scanners).
pub const TOKEN_PREFIX: &str = "se_";
const NAME_MAX_CHARS: usize = 60;
const EXPIRY_MAX_DAYS: i64 = 3650;
/// A token's last use is written at most this often.
const LAST_USED_RESOLUTION_SECONDS: i64 = 60;
const SHOWN_PREFIX_CHARS: usize = 10;

impl ActiveModelBehavior for ActiveModel {}

#[derive(Debug, Default, Clone, Deserialize, utoipa::ToSchema)]
#[schema(as = AccessTokenParams)]
#[serde(default)]
pub struct TokenParams {
    #[schema(required = true, min_length = 1, max_length = 60, pattern = r"\S")]
    pub name: String,
    /// Days until it stops working; empty or left out: never.
    #[schema(pattern = "^([0-9]*|never)$")]
    pub expires_in_days: Option<String>,
}

impl Model {
    /// Makes a token; returns it with the only copy of its secret.
    ///
    /// # Errors
    /// 422 for a blank or long name or an expiry that is not 1–3650 days.
    pub async fn issue<C: ConnectionTrait>(
        db: &C,
        user: &users::Model,
        params: &TokenParams,
    ) -> Result<(Self, String)> {
        let mut errors = FieldErrors::new();
        let name = errors.text("name", &params.name, NAME_MAX_CHARS, false);
        if name.is_empty() {
            errors.add("name", "can't be blank");
        }
        let expires_at = match params.expires_in_days.as_deref().map(str::trim) {
            None | Some("" | "never") => None,
            Some(days) => match days.parse::<i64>() {
                Ok(days) if (1..=EXPIRY_MAX_DAYS).contains(&days) => {
                    Some(Utc::now() + Duration::days(days))
                }
                _ => {
                    errors.add(
                        "expires_in_days",
                        format!("must be a number of days from 1 to {EXPIRY_MAX_DAYS}, or never"),
                    );
                    None
                }
            },
        };
        errors.into_result()?;
        let secret = format!("{TOKEN_PREFIX}{}", secrets::new_token());
        let token = ActiveModel {
            pid: Set(Uuid::new_v4()),
            user_id: Set(user.id),
            name: Set(name),
            token_hash: Set(secrets::digest(&secret)),
            prefix: Set(secret.chars().take(SHOWN_PREFIX_CHARS).collect()),
            expires_at: Set(expires_at.map(Into::into)),
            ..Default::default()
        }
        .insert(db)
        .await?;
        Ok((token, secret))
    }

    /// The user a live (not revoked, not expired) token belongs to, noting
    /// that it was used.
    ///
    /// # Errors
    /// On database errors.
    pub async fn authenticate(
        db: &DatabaseConnection,
        secret: &str,
    ) -> ModelResult<Option<users::Model>> {
        let now = Utc::now();
        let found = Entity::find()
            .filter(api_tokens::Column::TokenHash.eq(secrets::digest(secret)))
            .filter(api_tokens::Column::RevokedAt.is_null())
            .find_also_related(users::Entity)
            .one(db)
            .await?;
        let Some((token, Some(user))) = found else {
            return Ok(None);
        };
        if token.expires_at.is_some_and(|at| at <= now) || user.is_locked() {
            return Ok(None);
        }
        let stale = token.last_used_at.is_none_or(|at| {
            (now - at.with_timezone(&Utc)).num_seconds() >= LAST_USED_RESOLUTION_SECONDS
        });
        if stale {
            let mut active = token.into_active_model();
            active.last_used_at = Set(Some(now.into()));
            active.update(db).await?;
        }
        Ok(Some(user))
    }

    /// The user's tokens that still work or were revoked, newest first.
    ///
    /// # Errors
    /// On database errors.
    pub async fn list_for_user(db: &DatabaseConnection, user_id: UserId) -> ModelResult<Vec<Self>> {
        Ok(Entity::find()
            .filter(api_tokens::Column::UserId.eq(user_id))
            .order_by_desc(api_tokens::Column::Id)
            .all(db)
            .await?)
    }

    /// Revokes one of the user's tokens; it stops working at once.
    ///
    /// # Errors
    /// `EntityNotFound` when the user has no such token.
    pub async fn revoke(db: &DatabaseConnection, user_id: UserId, pid: &str) -> ModelResult<Self> {
        let pid = Uuid::parse_str(pid.trim()).map_err(|_| ModelError::EntityNotFound)?;
        let token = Entity::find()
            .filter(api_tokens::Column::UserId.eq(user_id))
            .filter(api_tokens::Column::Pid.eq(pid))
            .one(db)
            .await?
            .ok_or(ModelError::EntityNotFound)?;
        if token.revoked_at.is_some() {
            return Ok(token);
        }
        let mut active = token.into_active_model();
        active.revoked_at = Set(Some(Utc::now().into()));
        Ok(active.update(db).await?)
    }

    /// `active`, `expired` or `revoked`.
    #[must_use]
    pub fn state(&self) -> &'static str {
        if self.revoked_at.is_some() {
            "revoked"
        } else if self.expires_at.is_some_and(|at| at <= Utc::now()) {
            "expired"
        } else {
            "active"
        }
    }
}
