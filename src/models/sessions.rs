use chrono::{Duration, Utc};
use loco_rs::prelude::*;
use sea_orm::sea_query::{Expr, ExprTrait};

pub use super::_entities::sessions::{self, ActiveModel, Entity, Model};
use super::{
    _entities::{api_tokens, users},
    ids::UserId,
    secrets,
};
use crate::settings::SessionSettings;

/// What else ends when a user's access is ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonalTokens {
    /// They keep working (a password change, "log out everywhere": the
    /// member made them on purpose and still holds them).
    Keep,
    /// Revoked too (a password reset or a locked account: whoever knew
    /// the password may have made one).
    Revoke,
}

/// `last_seen_at` is refreshed at most this often, so browsing does not
/// turn every page view into a write.
const TOUCH_EVERY: Duration = Duration::minutes(1);
/// Stored user agents are cut to this length.
const USER_AGENT_MAX_CHARS: usize = 255;

/// Where a login came from, kept for the "your sessions" list.
#[derive(Debug, Default, Clone)]
pub struct Origin {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    /// Opens a session for `user`. Returns the row and the token for the
    /// cookie; only the token's digest is stored.
    ///
    /// # Errors
    /// On database errors.
    pub async fn start<C: ConnectionTrait>(
        db: &C,
        user: &users::Model,
        origin: &Origin,
        limits: &SessionSettings,
    ) -> ModelResult<(Self, String)> {
        let token = secrets::new_token();
        let now = Utc::now();
        let session = ActiveModel {
            token_hash: Set(secrets::digest(&token)),
            user_id: Set(user.id),
            last_seen_at: Set(now.into()),
            expires_at: Set((now + Duration::hours(limits.absolute_lifetime_hours)).into()),
            ip: Set(origin.ip.clone()),
            user_agent: Set(origin
                .user_agent
                .as_ref()
                .map(|agent| agent.chars().take(USER_AGENT_MAX_CHARS).collect())),
            ..Default::default()
        }
        .insert(db)
        .await?;
        Ok((session, token))
    }

    /// The live session for a cookie token and its user. Expired or idle
    /// sessions are deleted on sight and not returned.
    ///
    /// # Errors
    /// On database errors.
    pub async fn resume(
        db: &DatabaseConnection,
        token: &str,
        limits: &SessionSettings,
    ) -> ModelResult<Option<(Self, users::Model)>> {
        let Some((session, Some(user))) = Entity::find()
            .filter(sessions::Column::TokenHash.eq(secrets::digest(token)))
            .find_also_related(users::Entity)
            .one(db)
            .await?
        else {
            return Ok(None);
        };
        let now = Utc::now();
        let idle_since = now - Duration::minutes(limits.idle_timeout_minutes);
        if session.expires_at.with_timezone(&Utc) <= now
            || session.last_seen_at.with_timezone(&Utc) <= idle_since
            || user.is_locked()
        {
            session.delete(db).await?;
            return Ok(None);
        }
        let session = if now - session.last_seen_at.with_timezone(&Utc) > TOUCH_EVERY {
            let mut active = session.into_active_model();
            active.last_seen_at = Set(now.into());
            active.update(db).await?
        } else {
            session
        };
        Ok(Some((session, user)))
    }

    /// A user's sessions, most recently used first.
    ///
    /// # Errors
    /// On database errors.
    pub async fn list_for_user(db: &DatabaseConnection, user_id: UserId) -> ModelResult<Vec<Self>> {
        Ok(Entity::find()
            .filter(sessions::Column::UserId.eq(user_id))
            .order_by_desc(sessions::Column::LastSeenAt)
            .all(db)
            .await?)
    }

    /// Ends a user's access everywhere but the session `keep`: their
    /// other sessions, every login token issued so far (tokens carry the
    /// user's access version, which this raises) and, with
    /// [`PersonalTokens::Revoke`], their personal access tokens. The one
    /// place a password reset or change, "log out everywhere" and locking
    /// an account end access. Returns how many sessions ended.
    ///
    /// # Errors
    /// On database errors.
    pub async fn end_access<C: ConnectionTrait>(
        db: &C,
        user_id: UserId,
        keep: Option<i64>,
        tokens: PersonalTokens,
    ) -> ModelResult<u64> {
        let mut delete = Entity::delete_many().filter(sessions::Column::UserId.eq(user_id));
        if let Some(keep) = keep {
            delete = delete.filter(sessions::Column::Id.ne(keep));
        }
        let ended = delete.exec(db).await?.rows_affected;
        users::Entity::update_many()
            .col_expr(
                users::Column::AccessVersion,
                Expr::col(users::Column::AccessVersion).add(Expr::val(1)),
            )
            .filter(users::Column::Id.eq(user_id))
            .exec(db)
            .await?;
        if tokens == PersonalTokens::Revoke {
            api_tokens::Entity::update_many()
                .col_expr(api_tokens::Column::RevokedAt, Expr::value(Utc::now()))
                .filter(api_tokens::Column::UserId.eq(user_id))
                .filter(api_tokens::Column::RevokedAt.is_null())
                .exec(db)
                .await?;
        }
        Ok(ended)
    }

    /// Ends this session (logout).
    ///
    /// # Errors
    /// On database errors.
    pub async fn end(self, db: &DatabaseConnection) -> ModelResult<()> {
        self.delete(db).await?;
        Ok(())
    }
}
