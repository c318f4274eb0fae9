//! Budget alerts: recording each threshold crossed once per period (the
//! outbox row and the members' notifications), and the alert's words and
//! recipients for the mail.

use crate::models::ids::WorkspaceId;
use loco_rs::prelude::*;
use sea_orm::sea_query::OnConflict;

use super::Model;
use crate::models::{
    _entities::{budget_alerts, notifications, users},
    errors::{DomainError, DomainResult},
    memberships, money, workspaces,
};

/// Evaluates every budget of the workspace for today's period and records
/// each threshold crossed for the first time in that period: an outbox row
/// in `budget_alerts` and an in-app notification for every member. Run it
/// in the transaction that changed the spending, so the record commits
/// with the change or not at all. Returns the alerts recorded now.
///
/// # Errors
/// On database errors.
pub async fn record_crossings<C: ConnectionTrait>(
    db: &C,
    workspace: &workspaces::Model,
) -> DomainResult<Vec<budget_alerts::Model>> {
    let today = workspace.today();
    let mut recorded = Vec::new();
    let budgets = Model::list(db, workspace.id).await?;
    if budgets.is_empty() {
        return Ok(recorded);
    }
    // Loaded only when an alert is recorded: most writes record none.
    let mut members = None;
    for budget in budgets {
        let progress = budget.progress(db, today).await?;
        for threshold in budget.thresholds() {
            if !progress.crossed(threshold) {
                continue;
            }
            let inserted = budget_alerts::Entity::insert(budget_alerts::ActiveModel {
                pid: Set(Uuid::new_v4()),
                workspace_id: Set(workspace.id),
                budget_id: Set(budget.id),
                period_start: Set(progress.period_start),
                threshold: Set(threshold),
                spent_minor: Set(progress.spent_minor),
                limit_minor: Set(progress.limit_minor),
                ..Default::default()
            })
            .on_conflict(
                OnConflict::columns([
                    budget_alerts::Column::BudgetId,
                    budget_alerts::Column::PeriodStart,
                    budget_alerts::Column::Threshold,
                ])
                .do_nothing()
                .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
            if inserted == 0 {
                continue;
            }
            let alert = budget_alerts::Entity::find()
                .in_tenant(workspace.id)
                .filter(budget_alerts::Column::BudgetId.eq(budget.id))
                .filter(budget_alerts::Column::PeriodStart.eq(progress.period_start))
                .filter(budget_alerts::Column::Threshold.eq(threshold))
                .one(db)
                .await?
                .ok_or(DomainError::NotFound)?;
            let (title, body) = alert_text(&budget, &alert, &workspace.currency);
            if members.is_none() {
                members = Some(memberships::Model::list(db, workspace.id).await?);
            }
            for member in members.iter().flatten() {
                notifications::ActiveModel {
                    pid: Set(Uuid::new_v4()),
                    workspace_id: Set(workspace.id),
                    user_id: Set(member.user.id),
                    title: Set(title.clone()),
                    body: Set(body.clone()),
                    link: Set(format!("/w/{}/budgets", workspace.pid)),
                    budget_alert_id: Set(Some(alert.id)),
                    ..Default::default()
                }
                .insert(db)
                .await?;
            }
            recorded.push(alert);
        }
    }
    Ok(recorded)
}

/// The title and text of an alert, for the mail and the notification.
#[must_use]
pub fn alert_text(
    budget: &Model,
    alert: &budget_alerts::Model,
    currency: &str,
) -> (String, String) {
    let format = |minor: i64| money::format_with_code(minor, currency);
    let title = if alert.threshold >= 100 {
        format!("{} is at {}% of its limit", budget.name, alert.threshold)
    } else {
        format!("{} has reached {}%", budget.name, alert.threshold)
    };
    let body = format!(
        "{} spent of {} for the {} starting {}.",
        format(alert.spent_minor),
        format(alert.limit_minor),
        budget.period,
        alert.period_start
    );
    (title, body)
}

/// The members who get budget alert mails: everyone who has not turned
/// them off.
///
/// # Errors
/// On database errors.
pub async fn alert_recipients<C: ConnectionTrait>(
    db: &C,
    workspace_id: WorkspaceId,
) -> ModelResult<Vec<users::Model>> {
    Ok(memberships::Model::list(db, workspace_id)
        .await?
        .into_iter()
        .filter(|m| m.membership.mail_budget_alerts != Some(false))
        .map(|m| m.user)
        .collect())
}
