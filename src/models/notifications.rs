//! In-app notifications (the bell): one row per member and event, read or
//! not. Budget alerts write them in the transaction that records the alert.

use crate::models::ids::{UserId, WorkspaceId};
use crate::models::paging::{Page, PageQuery};
use chrono::Utc;
use loco_rs::prelude::*;
use sea_orm::{sea_query::Expr, QuerySelect};
use std::collections::HashMap;

use super::_entities::{budget_alerts, budgets};

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
    /// The budget alerts (with their budgets) that `notifications` come
    /// from, by alert id: a page words them in its reader's language.
    ///
    /// # Errors
    /// On database errors.
    pub async fn alerts_of<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
        notifications: &[Self],
    ) -> ModelResult<HashMap<i64, (budget_alerts::Model, budgets::Model)>> {
        let ids: Vec<i64> = notifications
            .iter()
            .filter_map(|n| n.budget_alert_id)
            .collect();
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let alerts = budget_alerts::Entity::find()
            .in_tenant(workspace_id)
            .filter(budget_alerts::Column::Id.is_in(ids))
            .all(db)
            .await?;
        let budgets: HashMap<i64, budgets::Model> = budgets::Entity::find()
            .in_tenant(workspace_id)
            .filter(budgets::Column::Id.is_in(alerts.iter().map(|a| a.budget_id)))
            .all(db)
            .await?
            .into_iter()
            .map(|b| (b.id, b))
            .collect();
        Ok(alerts
            .into_iter()
            .filter_map(|alert| {
                let budget = budgets.get(&alert.budget_id)?.clone();
                Some((alert.id, (alert, budget)))
            })
            .collect())
    }

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

    /// A page of a member's notifications in a workspace, newest first;
    /// the cursor is the id of a page's last one.
    ///
    /// # Errors
    /// 422 for a bad `limit` or cursor; database errors.
    pub async fn page<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
        user_id: UserId,
        query: &PageQuery,
    ) -> loco_rs::Result<Page<Self>> {
        let limit = query.limit()?;
        let mut rows = Entity::find()
            .in_tenant(workspace_id)
            .filter(notifications::Column::UserId.eq(user_id));
        if let Some(before_id) = query.after::<i64>("notifications")? {
            rows = rows.filter(notifications::Column::Id.lt(before_id));
        }
        let rows = rows
            .order_by_desc(notifications::Column::Id)
            .limit(limit + 1)
            .all(db)
            .await?;
        Ok(Page::from_rows(rows, limit, "notifications", |n| n.id))
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
