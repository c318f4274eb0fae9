//! Recurring expenses: a rule that creates the same expense every N days,
//! weeks, months or years. The scheduled job ([`Model::run_due`]) creates
//! every occurrence that is due, catching up dates it missed; each one is
//! created at most once (a unique index on the rule and the date), however
//! often, late or concurrently the job runs.

use crate::models::ids::{UserId, WorkspaceId};
use chrono::{Duration, Months, NaiveDate};
use loco_rs::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::json;

pub use super::_entities::recurring_expenses::{self, ActiveModel, Entity, Model};
use super::{
    _entities::{users, workspaces},
    audit_events::{self, Actor, Event},
    billing::Limits,
    effects::{self, Effect},
    errors::{DomainError, DomainResult},
    expenses::{self, ExpenseParams, Lookup},
    tenancy::{self, Scope, Tenant},
    validation::FieldErrors,
};
use crate::policies::RECURRING_MANAGE;

mod change;
pub use change::RecurringChanges;

const INTERVAL_MAX: i32 = 366;
/// One run creates at most this many occurrences of a rule; the next run
/// goes on. Stops a daily rule started decades ago from flooding a run.
const CATCH_UP_MAX: usize = 400;
const ERROR_MAX_CHARS: usize = 250;

impl ActiveModelBehavior for ActiveModel {}

impl TenantEntity for Entity {
    type TenantId = WorkspaceId;

    fn tenant_column() -> recurring_expenses::Column {
        recurring_expenses::Column::WorkspaceId
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frequency {
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

impl Frequency {
    pub const ALL: [Self; 4] = [Self::Daily, Self::Weekly, Self::Monthly, Self::Yearly];

    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Daily => "daily",
            Self::Weekly => "weekly",
            Self::Monthly => "monthly",
            Self::Yearly => "yearly",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == text.trim())
    }
}

/// The date of occurrence `index` (0 is the start). Months and years keep
/// the start's day, or the month's last day where it is shorter (a rule
/// from 31 January falls on 28 or 29 February, then on 31 March).
#[must_use]
pub fn occurrence(
    starts_on: NaiveDate,
    frequency: Frequency,
    interval: i32,
    index: i32,
) -> Option<NaiveDate> {
    let steps = i64::from(interval) * i64::from(index);
    match frequency {
        Frequency::Daily => starts_on.checked_add_signed(Duration::days(steps)),
        Frequency::Weekly => starts_on.checked_add_signed(Duration::weeks(steps)),
        Frequency::Monthly => starts_on.checked_add_months(Months::new(u32::try_from(steps).ok()?)),
        Frequency::Yearly => {
            starts_on.checked_add_months(Months::new(u32::try_from(steps.checked_mul(12)?).ok()?))
        }
    }
}

/// A rule as sent by a form or the API: when, and the expense to create
/// (as for `POST .../expenses`, without a date).
#[derive(Debug, Default, Clone, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct RecurringParams {
    /// `daily`, `weekly`, `monthly` or `yearly`.
    #[schema(required = true, schema_with = crate::models::schema::frequency)]
    pub frequency: String,
    /// Every how many periods; 1 when left out.
    #[schema(minimum = 1, maximum = 366)] // INTERVAL_MAX
    pub interval: Option<i32>,
    /// YYYY-MM-DD: the first occurrence.
    #[schema(required = true, schema_with = crate::models::schema::date_required)]
    pub starts_on: String,
    /// YYYY-MM-DD: no occurrence after it; none when left out.
    #[schema(schema_with = crate::models::schema::date_optional)]
    pub ends_on: Option<String>,
    #[serde(flatten)]
    pub expense: ExpenseParams,
}

/// A rule's checked values, ready to be kept: the one check for a rule a
/// member sets up and a rule an archive brings back.
#[derive(Debug, Clone)]
pub struct RuleDraft {
    pub frequency: Frequency,
    pub interval: i32,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub description: String,
    template: String,
}

impl RuleDraft {
    /// Checks `params`; the expense a rule creates must be a valid expense
    /// on its first date, so that nothing fails unseen later.
    ///
    /// # Errors
    /// `Invalid` naming each field (the expense's fields as they are
    /// named in the params), or the plan's refusal of that expense.
    pub async fn check(
        tenant: &Tenant<'_>,
        lookup: &Lookup,
        params: &RecurringParams,
    ) -> DomainResult<Self> {
        let mut errors = FieldErrors::new();
        let frequency = Frequency::parse(&params.frequency);
        if frequency.is_none() {
            errors.add("frequency", "must be daily, weekly, monthly or yearly");
        }
        let interval = params.interval.unwrap_or(1);
        if !(1..=INTERVAL_MAX).contains(&interval) {
            errors.add(
                "interval",
                format!("must be a whole number from 1 to {INTERVAL_MAX}"),
            );
        }
        let starts_on = errors.date("starts_on", &params.starts_on);
        let ends_on = match params.ends_on.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(text) => errors.date("ends_on", text),
        };
        if let (Some(start), Some(end)) = (starts_on, ends_on) {
            if end < start {
                errors.add("ends_on", "must not be before the start");
            }
        }
        let mut expense = params.expense.clone();
        if let Some(start) = starts_on {
            expense.date = Some(start.to_string());
            match expenses::Model::draft(tenant, lookup, &expense).await {
                Ok(_) => {}
                Err(DomainError::Invalid(fields)) => errors.absorb(DomainError::Invalid(fields)),
                Err(other) => return Err(other),
            }
            expense.date = None;
        }
        errors.checked()?;
        let (Some(frequency), Some(starts_on)) = (frequency, starts_on) else {
            return Err(DomainError::field("starts_on", "can't be blank"));
        };
        let description = expense
            .description
            .as_deref()
            .map(str::trim)
            .unwrap_or_default()
            .to_string();
        Ok(Self {
            frequency,
            interval,
            starts_on,
            ends_on,
            description,
            template: serde_json::to_string(&Template {
                expense: expense.plainly(&tenant.workspace.currency),
            })?,
        })
    }

    /// The new rule's row, first due on its start.
    #[must_use]
    pub fn row(&self, workspace_id: WorkspaceId, created_by_id: Option<UserId>) -> ActiveModel {
        ActiveModel {
            pid: Set(Uuid::new_v4()),
            workspace_id: Set(workspace_id),
            frequency: Set(self.frequency.as_str().to_string()),
            interval: Set(self.interval),
            starts_on: Set(self.starts_on),
            ends_on: Set(self.ends_on),
            next_on: Set(Some(self.starts_on)),
            next_index: Set(0),
            description: Set(self.description.clone()),
            template: Set(self.template.clone()),
            created_by_id: Set(created_by_id),
            ..Default::default()
        }
    }
}

/// What a rule creates, as stored.
#[derive(Debug, Serialize, Deserialize)]
struct Template {
    expense: ExpenseParams,
}

impl Model {
    #[must_use]
    pub fn frequency(&self) -> Frequency {
        Frequency::parse(&self.frequency).unwrap_or(Frequency::Monthly)
    }

    /// The expense an occurrence creates, as a client would send it.
    ///
    /// # Errors
    /// When the stored template is not valid JSON (never written so).
    pub fn expense_params(&self) -> DomainResult<ExpenseParams> {
        Ok(serde_json::from_str::<Template>(&self.template)?.expense)
    }

    /// Sets up a rule, checking the expense it creates, then creates what is
    /// already due (a rule that started last month catches up at once).
    ///
    /// # Errors
    /// `Forbidden`, `Invalid` naming each field, or the plan's refusal of
    /// its first expense; nothing is written then.
    pub async fn create(tenant: &Tenant<'_>, params: &RecurringParams) -> DomainResult<Self> {
        tenant.ensure(RECURRING_MANAGE).await?;
        let lookup = Lookup::load(tenant.db, tenant.workspace.id).await?;
        let draft = RuleDraft::check(tenant, &lookup, params).await?;
        let today = tenant.workspace.today();
        if draft.starts_on <= today {
            // Its first expense is made now: the plan must allow it.
            tenant
                .limits
                .check_new_expenses(tenant.db, tenant.workspace.id, 1)
                .await?;
        }
        let rule = draft
            .row(tenant.workspace.id, tenant.user().map(|u| u.id))
            .insert(tenant.db)
            .await?;
        audit_events::Model::record(
            tenant.db,
            tenant.workspace.id,
            &tenant.actor,
            Event {
                action: "recurring.created",
                summary: format!(
                    "set up \"{}\" {} from {}",
                    rule.description, rule.frequency, rule.starts_on
                ),
                before: None,
                after: Some(rule.audit_json()),
            },
        )
        .await?;
        tenant.after_commit(Effect::Changed);
        rule.catch_up(tenant, today).await
    }

    fn audit_json(&self) -> serde_json::Value {
        json!({
            "frequency": self.frequency,
            "interval": self.interval,
            "starts_on": self.starts_on.to_string(),
            "ends_on": self.ends_on.map(|d| d.to_string()),
            "template": serde_json::from_str::<serde_json::Value>(&self.template).ok(),
        })
    }

    /// Creates every occurrence due by `today` that does not exist yet and
    /// moves the rule on. Each occurrence goes through the same door as an
    /// expense a member adds, on behalf of the member who set the rule up.
    /// Stops at the first occurrence that cannot be made (its reason is
    /// kept in `last_error`, and the next run tries again).
    ///
    /// # Errors
    /// On database errors.
    pub async fn catch_up(self, tenant: &Tenant<'_>, today: NaiveDate) -> DomainResult<Self> {
        let db = tenant.db;
        let mut rule = self;
        let author = match rule.created_by_id {
            Some(id) => users::Entity::find_by_id(id).one(db).await?,
            None => None,
        };
        let params = rule.expense_params()?;
        let lookup = Lookup::load(db, tenant.workspace.id).await?;
        let on_behalf = tenant.on_behalf_of(
            author.as_ref(),
            Actor::system(&format!("Recurring expense \"{}\"", rule.description)),
        );
        let mut made = 0;
        while let Some(due) = rule.next_on.filter(|d| *d <= today) {
            if made == CATCH_UP_MAX {
                break;
            }
            if author.is_none() {
                return rule
                    .failed(db, "the member who set it up no longer has an account")
                    .await;
            }
            if !rule.occurred(db, due).await? {
                let mut occurrence = params.clone();
                occurrence.date = Some(due.to_string());
                let created = expenses::Model::record_occurrence(
                    &on_behalf,
                    &lookup,
                    &occurrence,
                    (rule.id, due),
                )
                .await;
                if let Err(err) = created {
                    let Some(reason) = err.refusal() else {
                        return Err(err);
                    };
                    return rule.failed(db, &reason).await;
                }
                made += 1;
            }
            rule = rule.advanced(db).await?;
        }
        if rule.last_error.is_some() && made > 0 {
            let mut active = rule.into_active_model();
            active.last_error = Set(None);
            rule = active.update(db).await?;
        }
        Ok(rule)
    }

    async fn occurred<C: ConnectionTrait>(&self, db: &C, on: NaiveDate) -> ModelResult<bool> {
        Ok(expenses::Entity::find()
            .in_tenant(self.workspace_id)
            .filter(expenses::expenses::Column::RecurringId.eq(self.id))
            .filter(expenses::expenses::Column::OccurrenceOn.eq(on))
            .one(db)
            .await?
            .is_some())
    }

    /// The rule moved on to its next date (none past its end).
    async fn advanced<C: ConnectionTrait>(self, db: &C) -> ModelResult<Self> {
        let index = self.next_index + 1;
        let next = occurrence(self.starts_on, self.frequency(), self.interval, index)
            .filter(|d| self.ends_on.is_none_or(|end| *d <= end));
        let mut active = self.into_active_model();
        active.next_index = Set(index);
        active.next_on = Set(next);
        Ok(active.update(db).await?)
    }

    async fn failed<C: ConnectionTrait>(self, db: &C, reason: &str) -> DomainResult<Self> {
        let mut active = self.into_active_model();
        active.last_error = Set(Some(reason.chars().take(ERROR_MAX_CHARS).collect()));
        Ok(active.update(db).await?)
    }

    /// Every rule due by today anywhere, each caught up inside its own
    /// workspace's scope and transaction (its open pages refresh and its
    /// budget alerts go out after each commit). Returns the workspaces
    /// whose rules ran.
    ///
    /// # Errors
    /// On database errors finding the rules; a rule that fails is logged
    /// and left for the next run.
    pub async fn run_due(ctx: &AppContext) -> Result<Vec<WorkspaceId>> {
        let db = &ctx.db;
        // The latest "today" on Earth, so no time zone waits a day.
        let horizon = (chrono::Utc::now() + Duration::hours(14)).date_naive();
        let scan = tenancy::begin_read(
            db,
            Scope {
                scheduler: true,
                ..Scope::default()
            },
        )
        .await?;
        let due: Vec<(i64, WorkspaceId)> = Entity::find()
            .filter(recurring_expenses::Column::NextOn.lte(horizon))
            .select_only()
            .column(recurring_expenses::Column::Id)
            .column(recurring_expenses::Column::WorkspaceId)
            .into_tuple()
            .all(&scan)
            .await?;
        scan.rollback().await?;
        let mut ran = std::collections::BTreeSet::new();
        for (rule_id, workspace_id) in due {
            match Self::run_one(ctx, rule_id, workspace_id).await {
                Ok(()) => {
                    ran.insert(workspace_id);
                }
                Err(err) => {
                    tracing::warn!(rule_id, workspace_id = workspace_id.0, error = %err, "recurring rule failed");
                }
            }
        }
        Ok(ran.into_iter().collect())
    }

    async fn run_one(ctx: &AppContext, rule_id: i64, workspace_id: WorkspaceId) -> Result<()> {
        let txn = tenancy::begin(
            &ctx.db,
            Scope {
                workspace_id: Some(workspace_id),
                ..Scope::default()
            },
        )
        .await?;
        let workspace = workspaces::Entity::find_by_id(workspace_id)
            .filter(workspaces::Column::DeletingAt.is_null())
            .one(&txn)
            .await?;
        let rule = Entity::find_by_id(rule_id)
            .in_tenant(workspace_id)
            .one(&txn)
            .await?;
        if let (Some(workspace), Some(rule)) = (workspace, rule) {
            // The occurrences act for the rule's author (`catch_up`).
            let tenant = Tenant::job(
                &txn,
                &workspace,
                None,
                Actor::system("Recurring expenses"),
                Limits::of(ctx, &txn, &workspace).await?,
            );
            rule.catch_up(&tenant, workspace.today()).await?;
            let done = tenant.take_effects();
            return effects::commit(ctx, txn, &workspace, done).await;
        }
        txn.commit().await?;
        Ok(())
    }

    /// The workspace's rules, by next date (ended ones last).
    ///
    /// # Errors
    /// On database errors.
    pub async fn list<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
    ) -> ModelResult<Vec<Self>> {
        let mut rules = Entity::find()
            .in_tenant(workspace_id)
            .order_by_asc(recurring_expenses::Column::Id)
            .all(db)
            .await?;
        rules.sort_by_key(|r| (r.next_on.is_none(), r.next_on));
        Ok(rules)
    }

    /// A rule of this workspace by public id.
    ///
    /// # Errors
    /// `EntityNotFound` when there is none here.
    pub async fn find_in<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
        pid: &str,
    ) -> ModelResult<Self> {
        tenancy::find_by_pid::<Entity, _>(db, workspace_id, recurring_expenses::Column::Pid, pid)
            .await
    }

    /// Stops the rule; the expenses it created stay.
    ///
    /// # Errors
    /// `Forbidden`; database errors.
    pub async fn remove(self, tenant: &Tenant<'_>) -> DomainResult<()> {
        tenant.ensure(RECURRING_MANAGE).await?;
        let db = tenant.db;
        audit_events::Model::record(
            db,
            self.workspace_id,
            &tenant.actor,
            Event {
                action: "recurring.deleted",
                summary: format!("stopped recurring \"{}\"", self.description),
                before: Some(self.audit_json()),
                after: None,
            },
        )
        .await?;
        self.delete(db).await?;
        tenant.after_commit(Effect::Changed);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn months_keep_the_start_day_or_the_last_day_of_shorter_months() {
        let start = day("2026-01-31");
        let dates: Vec<String> = (0..4)
            .map(|i| {
                occurrence(start, Frequency::Monthly, 1, i)
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(
            dates,
            ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"]
        );
        assert_eq!(
            occurrence(day("2028-02-29"), Frequency::Yearly, 1, 1),
            Some(day("2029-02-28"))
        );
        assert_eq!(
            occurrence(day("2026-11-02"), Frequency::Weekly, 2, 3),
            Some(day("2026-12-14"))
        );
        assert_eq!(
            occurrence(day("2026-11-02"), Frequency::Daily, 1, 30),
            Some(day("2026-12-02"))
        );
    }
}
