//! In-app notifications (the bell): one row per member and event, read or
//! not. Budget alerts write them in the transaction that records the alert.

use crate::models::ids::{UserId, WorkspaceId};
use chrono::Utc;
use loco_rs::prelude::*;
use sea_orm::{sea_query::Expr, QuerySelect};

pub use super::_entities::notifications::{self, ActiveModel, Entity, Model};

/// How many notifications the bell lists.
pub const RECENT: u64 = 30;

impl ActiveModelBehavior for ActiveModel {}

impl TenantEntity for Entity {
    type TenantId = WorkspaceId;

    fn tenant_column() -> notifications::Column {
        notifications::Column::WorkspaceId
    }
}

impl Model {
    /// A member's newest notifications in a workspace.
    ///
    /// # Errors
    /// On database errors.
    pub async fn recent<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
        user_id: UserId,
    ) -> ModelResult<Vec<Self>> {
        Ok(Entity::find()
            .in_tenant(workspace_id)
            .filter(notifications::Column::UserId.eq(user_id))
            .order_by_desc(notifications::Column::Id)
            .limit(RECENT)
            .all(db)
            .await?)
    }

    /// How many the member has not read.
    ///
    /// # Errors
    /// On database errors.
    pub async fn unread_count<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
        user_id: UserId,
    ) -> ModelResult<u64> {
        Ok(Entity::find()
            .in_tenant(workspace_id)
            .filter(notifications::Column::UserId.eq(user_id))
            .filter(notifications::Column::ReadAt.is_null())
            .count(db)
            .await?)
    }

    /// Marks all the member's notifications in the workspace read.
    ///
    /// # Errors
    /// On database errors.
    pub async fn mark_all_read<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
        user_id: UserId,
    ) -> ModelResult<u64> {
        let result = Entity::update_many()
            .col_expr(
                notifications::Column::ReadAt,
                Expr::value(Some(sea_orm::prelude::DateTimeWithTimeZone::from(
                    Utc::now(),
                ))),
            )
            .in_tenant(workspace_id)
            .filter(notifications::Column::UserId.eq(user_id))
            .filter(notifications::Column::ReadAt.is_null())
            .exec(db)
            .await?;
        Ok(result.rows_affected)
    }
}
