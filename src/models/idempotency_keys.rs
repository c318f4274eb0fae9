//! `Idempotency-Key` on creates: the same key and body within a day answer
//! what the first request answered (the same expense, not a second one); the
//! same key with another body is refused (409). A phone that queued an
//! expense offline, sent it, and lost the answer sends it again safely.
//!
//! The key is remembered in the transaction of the create itself, so a
//! create that rolls back leaves no key behind; a second request with the
//! key while the first is still running waits for it at the unique index,
//! then is told to retry, and its retry gets the first's answer.

use chrono::{Duration, Utc};
use loco_rs::prelude::*;
use sea_orm::{sea_query::OnConflict, SqlErr};
use serde::Serialize;

pub use super::_entities::idempotency_keys::{self, ActiveModel, Entity, Model};
use super::{
    errors::{DomainError, DomainResult},
    ids::{UserId, WorkspaceId},
    secrets, tenancy,
    validation::FieldErrors,
};

/// The request header.
pub const HEADER: &str = "Idempotency-Key";
/// The longest key taken.
pub const KEY_MAX_CHARS: usize = 255;
/// How long an answer is kept.
const KEEP: Duration = Duration::hours(24);

impl ActiveModelBehavior for ActiveModel {}

impl TenantEntity for Entity {
    type TenantId = WorkspaceId;

    fn tenant_column() -> idempotency_keys::Column {
        idempotency_keys::Column::WorkspaceId
    }
}

/// A key a client sent, checked, with the request it came with.
#[derive(Debug, Clone)]
pub struct Key {
    key: String,
    digest: String,
}

/// The answer kept for a key.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub body: serde_json::Value,
}

impl Key {
    /// The header's value with the request (any body that serializes the
    /// same way is the same request); `None` without the header.
    ///
    /// # Errors
    /// `Invalid` on the header when the key is empty, longer than
    /// [`KEY_MAX_CHARS`] or not printable ASCII.
    pub fn of(header: Option<&[u8]>, request: &impl Serialize) -> DomainResult<Option<Self>> {
        let Some(raw) = header else {
            return Ok(None);
        };
        let printable = |b: &u8| b.is_ascii_graphic() || *b == b' ';
        let key = std::str::from_utf8(raw).unwrap_or_default().trim();
        if key.is_empty() || !raw.iter().all(printable) {
            return Err(
                FieldErrors::one(HEADER, "must be 1 to 255 printable ASCII characters").into(),
            );
        }
        if key.len() > KEY_MAX_CHARS {
            return Err(FieldErrors::one(
                HEADER,
                format!("can be at most {KEY_MAX_CHARS} characters"),
            )
            .into());
        }
        Ok(Some(Self {
            key: key.to_string(),
            digest: secrets::digest(&serde_json::to_string(request)?),
        }))
    }

    /// What the first request with this key answered, if it is less than a
    /// day old.
    ///
    /// # Errors
    /// `Conflict` when that request had another body; database errors.
    pub async fn answered<C: ConnectionTrait>(
        &self,
        db: &C,
        workspace_id: WorkspaceId,
        user_id: UserId,
    ) -> DomainResult<Option<Answer>> {
        let Some(kept) = Entity::find()
            .filter(tenancy::in_workspace::<Entity>(workspace_id))
            .filter(idempotency_keys::Column::UserId.eq(user_id))
            .filter(idempotency_keys::Column::Key.eq(&self.key))
            .filter(idempotency_keys::Column::CreatedAt.gt(Utc::now() - KEEP))
            .one(db)
            .await?
        else {
            return Ok(None);
        };
        if kept.request_digest != self.digest {
            return Err(DomainError::Conflict(format!(
                "This {HEADER} was used within the last 24 hours for another request; use a new key for a new request."
            )));
        }
        Ok(Some(Answer {
            status: u16::try_from(kept.response_status).unwrap_or(200),
            body: serde_json::from_str(&kept.response_body)?,
        }))
    }

    /// Keeps what this request answered, in the transaction of its change
    /// (a key older than a day is replaced).
    ///
    /// # Errors
    /// `Conflict` when a request with the same key committed meanwhile
    /// (retrying gets its answer); database errors.
    pub async fn remember<C: ConnectionTrait>(
        &self,
        db: &C,
        workspace_id: WorkspaceId,
        user_id: UserId,
        answer: &Answer,
    ) -> DomainResult<()> {
        Entity::delete_many()
            .filter(tenancy::in_workspace::<Entity>(workspace_id))
            .filter(idempotency_keys::Column::CreatedAt.lte(Utc::now() - KEEP))
            .exec(db)
            .await?;
        // Written by the app, as the bound it is compared with above: on
        // SQLite the database's own timestamp is text of another form.
        let now = Utc::now();
        let row = ActiveModel {
            created_at: Set(now.into()),
            updated_at: Set(now.into()),
            key: Set(self.key.clone()),
            request_digest: Set(self.digest.clone()),
            response_status: Set(i32::from(answer.status)),
            response_body: Set(serde_json::to_string(&answer.body)?),
            workspace_id: Set(workspace_id),
            user_id: Set(user_id),
            ..Default::default()
        };
        let inserted = Entity::insert(row)
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .exec_without_returning(db)
            .await;
        let busy = || {
            DomainError::Conflict(format!(
                "Another request with this {HEADER} was handled at the same time; send it again to get its answer."
            ))
        };
        match inserted {
            Ok(0) => Err(busy()),
            Ok(_) => Ok(()),
            Err(err) if matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
                Err(busy())
            }
            Err(err) => Err(err.into()),
        }
    }
}

/// Deletes every workspace's answers older than a day: the daily sweep
/// (a workspace's next keyed create sweeps its own, but one that never
/// creates again would keep them). Runs in the scheduler's scope, which
/// on Postgres may delete expired keys and nothing else.
///
/// # Errors
/// On database errors.
pub async fn sweep_expired(db: &DatabaseConnection) -> ModelResult<u64> {
    let txn = tenancy::begin(
        db,
        tenancy::Scope {
            scheduler: true,
            ..Default::default()
        },
    )
    .await?;
    let removed = Entity::delete_many()
        .filter(idempotency_keys::Column::CreatedAt.lte(Utc::now() - KEEP))
        .exec(&txn)
        .await?
        .rows_affected;
    txn.commit().await?;
    Ok(removed)
}
