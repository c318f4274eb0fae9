//! Time-limited access a workspace owner grants to the instance's support
//! staff, from the workspace settings. While a grant runs, staff with the
//! `support_view` permission may read the workspace as a viewer; each such
//! view is written to the workspace's audit log, which the owner reads.

use crate::models::ids::WorkspaceId;
use chrono::{Duration, Utc};
use loco_rs::prelude::*;
use serde_json::json;

pub use super::_entities::support_grants::{self, ActiveModel, Entity, Model};
use super::{
    audit_events::{self, Actor, Event},
    tenancy,
    validation::FieldErrors,
};

impl ActiveModelBehavior for ActiveModel {}

impl TenantEntity for Entity {
    type TenantId = WorkspaceId;

    fn tenant_column() -> support_grants::Column {
        support_grants::Column::WorkspaceId
    }
}

/// The longest access an owner can grant, in hours.
pub const MAX_HOURS: i64 = 7 * 24;

impl Model {
    /// The grant running now in a workspace, if any.
    ///
    /// # Errors
    /// On database errors.
    pub async fn active<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
    ) -> ModelResult<Option<Self>> {
        Ok(Entity::find()
            .in_tenant(workspace_id)
            .filter(support_grants::Column::RevokedAt.is_null())
            .filter(support_grants::Column::ExpiresAt.gt(Utc::now()))
            .order_by_desc(support_grants::Column::ExpiresAt)
            .one(db)
            .await?)
    }

    /// Grants support access for `hours` (1 to a week), replacing a running grant.
    ///
    /// # Errors
    /// 422 for hours out of range.
    pub async fn grant<C: ConnectionTrait + TransactionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
        actor: &Actor,
        hours: i64,
    ) -> Result<Self> {
        if !(1..=MAX_HOURS).contains(&hours) {
            return Err(FieldErrors::one("hours", "must be between 1 and 168 (a week)").into());
        }
        let txn = tenancy::begin_write(db).await?;
        Self::end_running(&txn, workspace_id).await?;
        let grant = ActiveModel {
            pid: Set(Uuid::new_v4()),
            workspace_id: Set(workspace_id),
            granted_by_id: Set(actor.user_id),
            expires_at: Set((Utc::now() + Duration::hours(hours)).into()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        audit_events::Model::record(
            &txn,
            workspace_id,
            actor,
            Event {
                action: "support_access.granted",
                summary: format!(
                    "let the site's support staff read this workspace for {hours} hours"
                ),
                before: None,
                after: Some(json!({ "until": grant.expires_at })),
            },
        )
        .await?;
        sea_orm::TransactionSession::commit(txn).await?;
        Ok(grant)
    }

    /// Ends the running grant now.
    ///
    /// # Errors
    /// 422 when none is running.
    pub async fn revoke<C: ConnectionTrait + TransactionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
        actor: &Actor,
    ) -> Result<()> {
        let txn = tenancy::begin_write(db).await?;
        if Self::end_running(&txn, workspace_id).await? == 0 {
            return Err(FieldErrors::one("support_access", "is not granted now").into());
        }
        audit_events::Model::record(
            &txn,
            workspace_id,
            actor,
            Event {
                action: "support_access.revoked",
                summary: "ended the support staff's access".to_string(),
                before: None,
                after: None,
            },
        )
        .await?;
        sea_orm::TransactionSession::commit(txn).await?;
        Ok(())
    }

    async fn end_running<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
    ) -> ModelResult<u64> {
        Ok(Entity::update_many()
            .col_expr(support_grants::Column::RevokedAt, Expr::value(Utc::now()))
            .in_tenant(workspace_id)
            .filter(support_grants::Column::RevokedAt.is_null())
            .filter(support_grants::Column::ExpiresAt.gt(Utc::now()))
            .exec(db)
            .await?
            .rows_affected)
    }
}
