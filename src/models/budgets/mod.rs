//! Budgets: a limit on what a workspace (or one category, or one member's
//! share) spends per week, month, quarter or year, with alert thresholds.
//!
//! Progress is always computed from the expenses, never stored. Crossing a
//! threshold is recorded in `budget_alerts` (see [`record_crossings`]), once
//! per budget, period and threshold: the unique index makes a second record
//! impossible, so dropping under a threshold and crossing it again in the
//! same period records nothing new.
//!
//! By concern: `period` (the period's length and bounds), `params` (what a
//! client sends, checked), `progress` (spending against the limit, and the
//! standing pages show), `alerts` (thresholds crossed, and their mail).

mod alerts;
mod params;
mod period;
mod progress;

use crate::models::ids::WorkspaceId;
use loco_rs::prelude::*;
use sea_orm::QuerySelect;
use serde_json::json;

pub use self::{
    alerts::{alert_recipients, alert_text, record_crossings},
    params::{BudgetParams, DEFAULT_THRESHOLDS},
    period::Period,
    progress::{Progress, Standing},
};
pub use super::_entities::budgets::{self, ActiveModel, Entity, Model};
use super::{
    _entities::{budget_alerts, notifications},
    audit_events::{self, Actor, Event},
    effects::Effect,
    errors::DomainResult,
    tenancy::{self, Tenant},
};
use crate::policies::BUDGETS_MANAGE;

impl ActiveModelBehavior for ActiveModel {}

impl TenantEntity for Entity {
    type TenantId = WorkspaceId;

    fn tenant_column() -> budgets::Column {
        budgets::Column::WorkspaceId
    }
}

impl Model {
    #[must_use]
    pub fn period(&self) -> Period {
        self.period.parse().unwrap_or(Period::Month)
    }

    #[must_use]
    pub fn thresholds(&self) -> Vec<i32> {
        self.thresholds
            .split(',')
            .filter_map(|v| v.trim().parse().ok())
            .collect()
    }

    /// The workspace's budgets, by name.
    ///
    /// # Errors
    /// On database errors.
    pub async fn list<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
    ) -> ModelResult<Vec<Self>> {
        let mut list = Entity::find().in_tenant(workspace_id).all(db).await?;
        list.sort_by_key(|b| b.name.to_lowercase());
        Ok(list)
    }

    /// A budget of this workspace by public id.
    ///
    /// # Errors
    /// `EntityNotFound` when this workspace has no such budget.
    pub async fn find_in<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
        pid: &str,
    ) -> ModelResult<Self> {
        tenancy::find_by_pid::<Entity, _>(db, workspace_id, budgets::Column::Pid, pid).await
    }

    /// Creates a budget.
    ///
    /// # Errors
    /// 422 naming each invalid field; nothing is written then.
    pub async fn create(tenant: &Tenant<'_>, params: &BudgetParams) -> DomainResult<Self> {
        tenant.ensure(BUDGETS_MANAGE).await?;
        let (db, workspace, actor) = (tenant.db, tenant.workspace, &tenant.actor);
        let mut active = Self::checked(db, workspace, None, params).await?;
        active.created_by_id = Set(actor.user_id);
        let budget = active.insert(db).await?;
        budget.audit(db, actor, "budget.created", None).await?;
        // Already past a threshold when set: that counts as crossing it.
        tenant.spending_changed(db).await?;
        Ok(budget)
    }

    /// Changes the fields given.
    ///
    /// # Errors
    /// 422 naming each invalid field; nothing is written then.
    pub async fn update(&self, tenant: &Tenant<'_>, params: &BudgetParams) -> DomainResult<Self> {
        tenant.ensure(BUDGETS_MANAGE).await?;
        let (db, workspace, actor) = (tenant.db, tenant.workspace, &tenant.actor);
        let updated = Self::checked(db, workspace, Some(self), params)
            .await?
            .update(db)
            .await?;
        updated
            .audit(db, actor, "budget.updated", Some(self.audit_json()))
            .await?;
        tenant.spending_changed(db).await?;
        Ok(updated)
    }

    /// Deletes the budget and its alerts.
    ///
    /// # Errors
    /// On database errors.
    pub async fn remove(self, tenant: &Tenant<'_>) -> DomainResult<()> {
        tenant.ensure(BUDGETS_MANAGE).await?;
        let (db, actor) = (tenant.db, &tenant.actor);
        let alert_ids: Vec<i64> = budget_alerts::Entity::find()
            .in_tenant(self.workspace_id)
            .filter(budget_alerts::Column::BudgetId.eq(self.id))
            .select_only()
            .column(budget_alerts::Column::Id)
            .into_tuple()
            .all(db)
            .await?;
        notifications::Entity::update_many()
            .col_expr(
                notifications::Column::BudgetAlertId,
                sea_orm::sea_query::Expr::value(Option::<i64>::None),
            )
            .in_tenant(self.workspace_id)
            .filter(notifications::Column::BudgetAlertId.is_in(alert_ids))
            .exec(db)
            .await?;
        budget_alerts::Entity::delete_many()
            .in_tenant(self.workspace_id)
            .filter(budget_alerts::Column::BudgetId.eq(self.id))
            .exec(db)
            .await?;
        audit_events::Model::record(
            db,
            self.workspace_id,
            actor,
            Event {
                action: "budget.deleted",
                summary: format!("deleted budget \"{}\"", self.name),
                before: Some(self.audit_json()),
                after: None,
            },
        )
        .await?;
        self.delete(db).await?;
        tenant.after_commit(Effect::Changed);
        Ok(())
    }

    fn audit_json(&self) -> serde_json::Value {
        json!({
            "name": self.name,
            "period": self.period,
            "amount_minor": self.amount_minor,
            "thresholds": self.thresholds(),
            "rollover": self.rollover,
        })
    }

    async fn audit<C: ConnectionTrait>(
        &self,
        db: &C,
        actor: &Actor,
        action: &'static str,
        before: Option<serde_json::Value>,
    ) -> ModelResult<()> {
        let verb = if before.is_some() { "changed" } else { "added" };
        audit_events::Model::record(
            db,
            self.workspace_id,
            actor,
            Event {
                action,
                summary: format!("{verb} budget \"{}\"", self.name),
                before,
                after: Some(self.audit_json()),
            },
        )
        .await?;
        Ok(())
    }
}
