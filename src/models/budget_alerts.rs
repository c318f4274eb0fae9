//! The outbox of budget alerts. [`super::budgets::record_crossings`] writes
//! a row in the transaction that changed the spending; a sender then claims
//! it, mails the members and marks it sent.
//!
//! A claim lasts [`CLAIM`] and names its sender: two senders (two jobs, two
//! workers) never both hold a row, and a sender that died lets another take
//! over once its claim expires. A job run again after its worker died is
//! the same sender (its task's id), so it takes its own claim back at once.
//! The one window left: the SMTP server accepted a mail and
//! the process died before marking the row sent. The row is then sent again
//! with the same `Message-ID`, which mail clients use to drop duplicates.

use crate::models::ids::WorkspaceId;
use chrono::Utc;
use loco_rs::prelude::*;
use sea_orm::{sea_query::Expr, QuerySelect};

pub use super::_entities::budget_alerts::{self, ActiveModel, Entity, Model};
use super::tenancy;

/// How long a sender holds an alert before another may send it.
pub const CLAIM: chrono::Duration = chrono::Duration::minutes(2);

impl ActiveModelBehavior for ActiveModel {}

impl TenantEntity for Entity {
    type TenantId = WorkspaceId;

    fn tenant_column() -> budget_alerts::Column {
        budget_alerts::Column::WorkspaceId
    }
}

impl Model {
    /// The workspace's alerts not yet sent, oldest first.
    ///
    /// # Errors
    /// On database errors.
    pub async fn unsent<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
    ) -> ModelResult<Vec<Self>> {
        Ok(Entity::find()
            .in_tenant(workspace_id)
            .filter(budget_alerts::Column::SentAt.is_null())
            .order_by_asc(budget_alerts::Column::Id)
            .all(db)
            .await?)
    }

    /// The id of the workspace's newest alert not yet sent, if any: a
    /// delivery job is queued once per newest alert, so that changes made
    /// while mail cannot be sent do not queue a job each (the job's own
    /// retries and the periodic sweep cover those).
    ///
    /// # Errors
    /// On database errors.
    pub async fn newest_unsent<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
    ) -> ModelResult<Option<i64>> {
        Ok(Entity::find()
            .in_tenant(workspace_id)
            .filter(budget_alerts::Column::SentAt.is_null())
            .order_by_desc(budget_alerts::Column::Id)
            .one(db)
            .await?
            .map(|alert| alert.id))
    }

    /// Workspaces with alerts not yet sent (the periodic sweep's view, across
    /// workspaces: a scheduler-scoped transaction on Postgres).
    ///
    /// # Errors
    /// On database errors.
    pub async fn workspaces_with_unsent(db: &DatabaseConnection) -> ModelResult<Vec<WorkspaceId>> {
        let txn = tenancy::begin_read(
            db,
            tenancy::Scope {
                scheduler: true,
                ..Default::default()
            },
        )
        .await?;
        let ids = Entity::find()
            .filter(budget_alerts::Column::SentAt.is_null())
            .select_only()
            .column(budget_alerts::Column::WorkspaceId)
            .distinct()
            .into_tuple()
            .all(&txn)
            .await?;
        txn.commit().await?;
        Ok(ids)
    }

    /// Takes the alert for `sender`, unless it was sent or another sender
    /// holds it. Commit before sending, so others see the claim.
    ///
    /// # Errors
    /// On database errors.
    pub async fn claim<C: ConnectionTrait>(&self, db: &C, sender: &str) -> ModelResult<bool> {
        let now = Utc::now();
        let claimed = Entity::update_many()
            .col_expr(
                budget_alerts::Column::ClaimedUntil,
                Expr::value(Some(sea_orm::prelude::DateTimeWithTimeZone::from(
                    now + CLAIM,
                ))),
            )
            .col_expr(budget_alerts::Column::ClaimedBy, Expr::value(sender))
            .filter(budget_alerts::Column::Id.eq(self.id))
            .in_tenant(self.workspace_id)
            .filter(budget_alerts::Column::SentAt.is_null())
            .filter(
                sea_orm::Condition::any()
                    .add(budget_alerts::Column::ClaimedUntil.is_null())
                    .add(
                        budget_alerts::Column::ClaimedUntil
                            .lt(sea_orm::prelude::DateTimeWithTimeZone::from(now)),
                    )
                    .add(budget_alerts::Column::ClaimedBy.eq(sender)),
            )
            .exec(db)
            .await?;
        Ok(claimed.rows_affected == 1)
    }

    /// Gives the alert up after a failed send, so a retry may take it.
    ///
    /// # Errors
    /// On database errors.
    pub async fn release<C: ConnectionTrait>(&self, db: &C) -> ModelResult<()> {
        Entity::update_many()
            .col_expr(
                budget_alerts::Column::ClaimedUntil,
                Expr::value(Option::<sea_orm::prelude::DateTimeWithTimeZone>::None),
            )
            .col_expr(
                budget_alerts::Column::ClaimedBy,
                Expr::value(None::<String>),
            )
            .filter(budget_alerts::Column::Id.eq(self.id))
            .in_tenant(self.workspace_id)
            .exec(db)
            .await?;
        Ok(())
    }

    /// Records that the mails went out.
    ///
    /// # Errors
    /// On database errors.
    pub async fn mark_sent<C: ConnectionTrait>(&self, db: &C) -> ModelResult<()> {
        Entity::update_many()
            .col_expr(
                budget_alerts::Column::SentAt,
                Expr::value(Some(sea_orm::prelude::DateTimeWithTimeZone::from(
                    Utc::now(),
                ))),
            )
            .filter(budget_alerts::Column::Id.eq(self.id))
            .in_tenant(self.workspace_id)
            .exec(db)
            .await?;
        Ok(())
    }

    /// The mail's `Message-ID` for one recipient: the same on every attempt,
    /// so a mail sent twice (see the module docs) is recognisably one.
    #[must_use]
    pub fn message_id(&self, user_pid: &Uuid, host: &str) -> String {
        format!("<budget-alert.{}.{}@{host}>", self.pid, user_pid)
    }
}
