//! Budgets: a limit on what a workspace (or one category, or one member's
//! share) spends per week, month, quarter or year, with alert thresholds.
//!
//! Progress is always computed from the expenses, never stored. Crossing a
//! threshold is recorded in `budget_alerts` (see [`record_crossings`]), once
//! per budget, period and threshold: the unique index makes a second record
//! impossible, so dropping under a threshold and crossing it again in the
//! same period records nothing new.

use chrono::{Datelike, Days, Months, NaiveDate};
use loco_rs::prelude::*;
use sea_orm::{sea_query::OnConflict, Condition, JoinType, QuerySelect, RelationTrait};
use serde::{Deserialize, Serialize};
use serde_json::json;

pub use super::_entities::budgets::{self, ActiveModel, Entity, Model};
use super::{
    _entities::{budget_alerts, categories, expense_shares, expenses, notifications, users},
    audit_events::{self, Actor, Event},
    effects::Effect,
    errors::{DomainError, DomainResult},
    memberships, money,
    tenancy::{self, Tenant},
    validation::FieldErrors,
    workspaces,
};
use crate::policies::BUDGETS_MANAGE;

const NAME_MAX_CHARS: usize = 60;
const MAX_THRESHOLDS: usize = 6;
pub const DEFAULT_THRESHOLDS: [i32; 2] = [80, 100];

impl ActiveModelBehavior for ActiveModel {}

impl TenantEntity for Entity {
    type TenantId = i64;

    fn tenant_column() -> budgets::Column {
        budgets::Column::WorkspaceId
    }
}

/// The length of a budget's period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Week,
    Month,
    Quarter,
    Year,
}

impl Period {
    pub const ALL: [Self; 4] = [Self::Week, Self::Month, Self::Quarter, Self::Year];

    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Week => "week",
            Self::Month => "month",
            Self::Quarter => "quarter",
            Self::Year => "year",
        }
    }

    /// The first day of the period that holds `date` (weeks start on Monday).
    #[must_use]
    pub fn start_of(self, date: NaiveDate) -> NaiveDate {
        let first_of = |month: u32| NaiveDate::from_ymd_opt(date.year(), month, 1).unwrap_or(date);
        match self {
            Self::Week => date - Days::new(u64::from(date.weekday().num_days_from_monday())),
            Self::Month => first_of(date.month()),
            Self::Quarter => first_of((date.month0() / 3) * 3 + 1),
            Self::Year => first_of(1),
        }
    }

    /// The first day of the next period, for a period starting on `start`.
    #[must_use]
    pub fn next(self, start: NaiveDate) -> NaiveDate {
        let later = match self {
            Self::Week => start.checked_add_days(Days::new(7)),
            Self::Month => start.checked_add_months(Months::new(1)),
            Self::Quarter => start.checked_add_months(Months::new(3)),
            Self::Year => start.checked_add_months(Months::new(12)),
        };
        later.unwrap_or(start)
    }

    /// How many whole periods lie between two period starts.
    #[must_use]
    pub fn count_between(self, first: NaiveDate, until: NaiveDate) -> i64 {
        let months = |a: NaiveDate, b: NaiveDate| {
            i64::from(b.year() - a.year()) * 12 + i64::from(b.month()) - i64::from(a.month())
        };
        match self {
            Self::Week => (until - first).num_days() / 7,
            Self::Month => months(first, until),
            Self::Quarter => months(first, until) / 3,
            Self::Year => i64::from(until.year() - first.year()),
        }
        .max(0)
    }
}

impl std::str::FromStr for Period {
    type Err = FieldErrors;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|period| period.as_str() == value.trim())
            .ok_or_else(|| FieldErrors::one("period", "must be one of week, month, quarter, year"))
    }
}

/// What a client sends to create or change a budget; on change, absent
/// fields keep their value.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct BudgetParams {
    pub name: Option<String>,
    /// `week`, `month` (the default), `quarter` or `year`.
    pub period: Option<String>,
    /// The limit per period in the workspace currency, as a decimal string.
    pub amount: Option<String>,
    /// Alert thresholds in percent of the limit, ascending, 1 to 1000.
    /// Default `[80, 100]`.
    pub thresholds: Option<Vec<i32>>,
    /// Carry what is left (or overspent) into the next period.
    pub rollover: Option<bool>,
    /// Public id of a category (its subcategories count too); empty for
    /// the whole workspace.
    pub category_id: Option<String>,
    /// Public id of a member whose share counts; empty for everyone's.
    pub member_id: Option<String>,
}

/// A budget's standing in one period.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Progress {
    pub period_start: NaiveDate,
    /// The last day of the period.
    pub period_end: NaiveDate,
    /// The limit of this period: the amount, plus what rolled over.
    pub limit_minor: i64,
    /// What rolled over from earlier periods (negative when overspent).
    pub carried_minor: i64,
    pub spent_minor: i64,
    pub remaining_minor: i64,
    /// Spent as a percentage of the limit, one decimal; `None` when the
    /// limit is zero or less (everything then counts as over).
    pub percent: Option<f64>,
}

impl Progress {
    /// Has spending reached `threshold` percent of the limit?
    #[must_use]
    pub fn crossed(&self, threshold: i32) -> bool {
        if self.limit_minor <= 0 {
            return self.spent_minor > 0 || self.limit_minor < 0;
        }
        i128::from(self.spent_minor) * 100 >= i128::from(threshold) * i128::from(self.limit_minor)
    }
}

/// Parses and checks thresholds: 1-1000 percent, strictly ascending.
fn check_thresholds(errors: &mut FieldErrors, values: &[i32]) -> String {
    if values.is_empty() {
        errors.add("thresholds", "needs at least one threshold");
    } else if values.len() > MAX_THRESHOLDS {
        errors.add(
            "thresholds",
            format!("can have at most {MAX_THRESHOLDS} thresholds"),
        );
    }
    if values.iter().any(|v| !(1..=1000).contains(v)) {
        errors.add("thresholds", "must each be between 1 and 1000 percent");
    }
    if values.windows(2).any(|pair| pair[0] >= pair[1]) {
        errors.add(
            "thresholds",
            "must be in ascending order, each once (e.g. 50, 80, 100)",
        );
    }
    values
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
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
    pub async fn list<C: ConnectionTrait>(db: &C, workspace_id: i64) -> ModelResult<Vec<Self>> {
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
        workspace_id: i64,
        pid: &str,
    ) -> ModelResult<Self> {
        tenancy::find_by_pid::<Entity, _>(db, workspace_id, budgets::Column::Pid, pid).await
    }

    /// Checks `params` against `current` (None when creating) and fills an
    /// active model; 422 naming each bad field, before anything is written.
    async fn checked<C: ConnectionTrait>(
        db: &C,
        workspace: &workspaces::Model,
        current: Option<&Self>,
        params: &BudgetParams,
    ) -> DomainResult<ActiveModel> {
        let mut errors = FieldErrors::new();
        let mut active = current.map_or_else(
            || ActiveModel {
                pid: Set(Uuid::new_v4()),
                workspace_id: Set(workspace.id),
                thresholds: Set(DEFAULT_THRESHOLDS.map(|t| t.to_string()).join(",")),
                rollover: Set(false),
                period: Set(Period::Month.as_str().to_string()),
                ..Default::default()
            },
            |b| b.clone().into_active_model(),
        );
        match params.name.as_deref().map(str::trim) {
            Some("") => errors.add("name", "can't be blank"),
            Some(name) if name.chars().count() > NAME_MAX_CHARS => {
                errors.add(
                    "name",
                    format!("must be at most {NAME_MAX_CHARS} characters"),
                );
            }
            Some(name) => active.name = Set(name.to_string()),
            None if current.is_none() => errors.add("name", "can't be blank"),
            None => {}
        }
        let period = match params.period.as_deref() {
            Some(text) => match text.parse::<Period>() {
                Ok(period) => {
                    active.period = Set(period.as_str().to_string());
                    period
                }
                Err(_) => {
                    errors.add("period", "must be one of week, month, quarter, year");
                    Period::Month
                }
            },
            None => current.map_or(Period::Month, Self::period),
        };
        let currency = money::currency(&workspace.currency);
        match (params.amount.as_deref(), currency) {
            (Some(text), Some(currency)) => match money::parse_amount(text, currency) {
                Ok(minor) if minor > 0 => active.amount_minor = Set(minor),
                Ok(_) => errors.add("amount", "must be greater than zero"),
                Err(message) => errors.add("amount", message),
            },
            (None, _) if current.is_none() => errors.add("amount", "can't be blank"),
            (None, _) => {}
            (Some(_), None) => errors.add("amount", "the workspace currency is unknown"),
        }
        if let Some(thresholds) = &params.thresholds {
            active.thresholds = Set(check_thresholds(&mut errors, thresholds));
        }
        if let Some(rollover) = params.rollover {
            active.rollover = Set(rollover);
        }
        if let Some(category) = params.category_id.as_deref().map(str::trim) {
            if category.is_empty() {
                active.category_id = Set(None);
            } else {
                match super::categories::Model::find_in(db, workspace.id, category).await {
                    Ok(found) => active.category_id = Set(Some(found.id)),
                    Err(ModelError::EntityNotFound) => {
                        errors.add("category_id", "is not a category of this workspace");
                    }
                    Err(err) => return Err(err.into()),
                }
            }
        }
        if let Some(member) = params.member_id.as_deref().map(str::trim) {
            if member.is_empty() {
                active.member_id = Set(None);
            } else {
                match memberships::Model::find_member(db, workspace.id, member).await {
                    Ok(found) => active.member_id = Set(Some(found.user.id)),
                    Err(ModelError::EntityNotFound) => {
                        errors.add("member_id", "is not a member of this workspace");
                    }
                    Err(err) => return Err(err.into()),
                }
            }
        }
        // A new budget, or one whose period changed, counts (and rolls
        // over) from the period it is in today.
        if current.is_none() || current.is_some_and(|b| b.period() != period) {
            active.starts_on = Set(period.start_of(workspace.today()));
        }
        errors.checked()?;
        Ok(active)
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

    /// The categories that count: the budget's and its subcategories.
    async fn category_ids<C: ConnectionTrait>(&self, db: &C) -> ModelResult<Option<Vec<i64>>> {
        let Some(category) = self.category_id else {
            return Ok(None);
        };
        let mut ids: Vec<i64> = categories::Entity::find()
            .in_tenant(self.workspace_id)
            .filter(categories::Column::ParentId.eq(category))
            .select_only()
            .column(categories::Column::Id)
            .into_tuple()
            .all(db)
            .await?;
        ids.push(category);
        Ok(Some(ids))
    }

    /// What counts against the budget on days `from..until`: expenses (of
    /// its categories), or, for a member's budget, that member's shares of
    /// split expenses plus the unsplit ones they paid.
    async fn spent_between<C: ConnectionTrait>(
        &self,
        db: &C,
        from: NaiveDate,
        until: NaiveDate,
    ) -> ModelResult<i64> {
        let categories = self.category_ids(db).await?;
        let live = || {
            let mut condition = Condition::all()
                .add(tenancy::in_workspace::<expenses::Entity>(self.workspace_id))
                .add(expenses::Column::DeletedAt.is_null())
                .add(expenses::Column::SpentOn.gte(from))
                .add(expenses::Column::SpentOn.lt(until));
            if let Some(ids) = &categories {
                condition = condition.add(expenses::Column::CategoryId.is_in(ids.clone()));
            }
            condition
        };
        let Some(member) = self.member_id else {
            let total: Option<Option<i64>> = expenses::Entity::find()
                .filter(live())
                .select_only()
                .column_as(money::sum_minor(expenses::Column::AmountMinor), "total")
                .into_tuple()
                .one(db)
                .await?;
            return Ok(total.flatten().unwrap_or_default());
        };
        let shares: Option<Option<i64>> = expense_shares::Entity::find()
            .in_tenant(self.workspace_id)
            .filter(expense_shares::Column::UserId.eq(member))
            .join(
                JoinType::InnerJoin,
                expense_shares::Relation::Expenses.def(),
            )
            .filter(live())
            .filter(expenses::Column::SplitMethod.is_not_null())
            .select_only()
            .column_as(
                money::sum_minor(expense_shares::Column::AmountMinor),
                "total",
            )
            .into_tuple()
            .one(db)
            .await?;
        let unsplit: Option<Option<i64>> = expenses::Entity::find()
            .filter(live())
            .filter(expenses::Column::SplitMethod.is_null())
            .filter(expenses::Column::PaidById.eq(member))
            .select_only()
            .column_as(money::sum_minor(expenses::Column::AmountMinor), "total")
            .into_tuple()
            .one(db)
            .await?;
        Ok(shares.flatten().unwrap_or_default() + unsplit.flatten().unwrap_or_default())
    }

    /// The budget's standing in the period that holds `day`.
    ///
    /// # Errors
    /// On database errors.
    pub async fn progress<C: ConnectionTrait>(
        &self,
        db: &C,
        day: NaiveDate,
    ) -> ModelResult<Progress> {
        let period = self.period();
        let start = period.start_of(day);
        let end = period.next(start);
        let spent_minor = self.spent_between(db, start, end).await?;
        let carried_minor = if self.rollover && self.starts_on < start {
            let periods = period.count_between(self.starts_on, start);
            let before = self.spent_between(db, self.starts_on, start).await?;
            self.amount_minor.saturating_mul(periods) - before
        } else {
            0
        };
        let limit_minor = self.amount_minor + carried_minor;
        #[allow(clippy::cast_precision_loss)]
        let percent = (limit_minor > 0).then(|| {
            let tenths = i128::from(spent_minor) * 1000 / i128::from(limit_minor);
            (tenths as f64) / 10.0
        });
        Ok(Progress {
            period_start: start,
            period_end: end.pred_opt().unwrap_or(end),
            limit_minor,
            carried_minor,
            spent_minor,
            remaining_minor: limit_minor - spent_minor,
            percent,
        })
    }
}

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
    workspace_id: i64,
) -> ModelResult<Vec<users::Model>> {
    Ok(memberships::Model::list(db, workspace_id)
        .await?
        .into_iter()
        .filter(|m| m.membership.mail_budget_alerts != Some(false))
        .map(|m| m.user)
        .collect())
}

/// A budget with its standing today and the names it refers to, as lists
/// and pages show it.
#[derive(Debug, Clone)]
pub struct Standing {
    pub budget: Model,
    pub progress: Progress,
    pub category: Option<categories::Model>,
    pub member: Option<users::Model>,
}

impl Model {
    /// The budget's standing today.
    ///
    /// # Errors
    /// On database errors.
    pub async fn standing<C: ConnectionTrait>(
        self,
        db: &C,
        workspace: &workspaces::Model,
    ) -> ModelResult<Standing> {
        let progress = self.progress(db, workspace.today()).await?;
        let category = match self.category_id {
            Some(id) => {
                categories::Entity::find_by_id(id)
                    .in_tenant(workspace.id)
                    .one(db)
                    .await?
            }
            None => None,
        };
        let member = match self.member_id {
            Some(id) => users::Entity::find_by_id(id).one(db).await?,
            None => None,
        };
        Ok(Standing {
            budget: self,
            progress,
            category,
            member,
        })
    }

    /// Every budget of the workspace with its standing today, by name.
    ///
    /// # Errors
    /// On database errors.
    pub async fn standings<C: ConnectionTrait>(
        db: &C,
        workspace: &workspaces::Model,
    ) -> ModelResult<Vec<Standing>> {
        let mut standings = Vec::new();
        for budget in Self::list(db, workspace.id).await? {
            standings.push(budget.standing(db, workspace).await?);
        }
        Ok(standings)
    }
}
