use crate::models::ids::{UserId, WorkspaceId};
use crate::models::paging::{Page, PageQuery};
use loco_rs::prelude::*;
use serde_json::Value;

pub use super::_entities::audit_events::{self, ActiveModel, Entity, Model};
use super::_entities::users;

impl ActiveModelBehavior for ActiveModel {}

impl TenantEntity for Entity {
    type TenantId = WorkspaceId;

    fn tenant_column() -> audit_events::Column {
        audit_events::Column::WorkspaceId
    }
}

/// Who did something, and from where, for the audit log.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: Option<UserId>,
    pub name: String,
    pub ip: Option<String>,
}

impl Actor {
    /// The app itself, or a service acting through it ("Stripe", "command line").
    #[must_use]
    pub fn system(name: &str) -> Self {
        Self {
            user_id: None,
            name: name.to_string(),
            ip: None,
        }
    }

    #[must_use]
    pub fn user(user: &users::Model, ip: Option<String>) -> Self {
        Self {
            user_id: Some(user.id),
            name: format!("{} <{}>", user.name, user.email),
            ip,
        }
    }
}

/// An entry to write: what happened, in words, and the values before/after.
pub struct Event<'a> {
    pub action: &'a str,
    pub summary: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

impl Model {
    /// Writes an entry, normally inside the transaction that made the change.
    ///
    /// # Errors
    /// On database errors.
    pub async fn record<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
        actor: &Actor,
        event: Event<'_>,
    ) -> ModelResult<Self> {
        let details = (event.before.is_some() || event.after.is_some())
            .then(|| serde_json::json!({ "before": event.before, "after": event.after }));
        Ok(ActiveModel {
            workspace_id: Set(workspace_id),
            actor_id: Set(actor.user_id),
            actor_name: Set(actor.name.clone()),
            action: Set(event.action.to_string()),
            summary: Set(event.summary),
            details: Set(details),
            ip: Set(actor.ip.clone()),
            ..Default::default()
        }
        .insert(db)
        .await?)
    }

    /// A page of a workspace's entries, newest first; the cursor is the
    /// id of a page's last entry.
    ///
    /// # Errors
    /// 422 for a bad `limit` or cursor; database errors.
    pub async fn list<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
        query: &PageQuery,
    ) -> loco_rs::Result<Page<Self>> {
        let limit = query.limit()?;
        let mut rows = Entity::find().in_tenant(workspace_id);
        if let Some(before_id) = query.after::<i64>("audit")? {
            rows = rows.filter(audit_events::Column::Id.lt(before_id));
        }
        let rows = rows
            .order_by_desc(audit_events::Column::Id)
            .limit(limit + 1)
            .all(db)
            .await?;
        Ok(Page::from_rows(rows, limit, "audit", |e| e.id))
    }
}
