//! Changing a rule ([`Model::update`]): the changes as sent, merged onto
//! the rule, and where its schedule goes on from.

use chrono::NaiveDate;
use loco_rs::prelude::*;
use serde::Deserialize;

use super::{occurrence, Model, RecurringParams, RuleDraft};
use crate::{
    models::{
        audit_events::{self, Event},
        effects::Effect,
        errors::DomainResult,
        expenses::{self, ExpenseParams, Lookup},
        tenancy::Tenant,
    },
    policies::RECURRING_MANAGE,
};

/// A change to a rule (`PATCH .../recurring/{id}`, the edit page): every
/// field left out stays as it is; the expense's fields as for
/// `PATCH .../expenses/{id}`.
#[derive(Debug, Default, Clone, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct RecurringChanges {
    /// `daily`, `weekly`, `monthly` or `yearly`.
    #[schema(schema_with = crate::models::schema::frequency_optional)]
    pub frequency: Option<String>,
    /// Every how many periods.
    #[schema(minimum = 1, maximum = 366)] // INTERVAL_MAX
    pub interval: Option<i32>,
    /// YYYY-MM-DD: the first occurrence. Moving it never creates again a
    /// date the rule already created (see [`Model::update`]).
    #[schema(schema_with = crate::models::schema::date_optional)]
    pub starts_on: Option<String>,
    /// YYYY-MM-DD: no occurrence after it; `null` removes the end, left
    /// out keeps it.
    #[serde(deserialize_with = "present")]
    #[schema(schema_with = crate::models::schema::date_optional)]
    pub ends_on: Option<Option<String>>,
    #[serde(flatten)]
    pub expense: ExpenseParams,
}

/// A field that is present (`null` included) is `Some`; a missing one is
/// the default, `None`.
fn present<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(deserializer).map(Some)
}

impl RecurringChanges {
    /// The rule as it would be with these changes, in the params a new
    /// rule is checked with.
    ///
    /// # Errors
    /// When the rule's stored template is not valid JSON.
    fn onto(&self, rule: &Model) -> DomainResult<RecurringParams> {
        Ok(RecurringParams {
            frequency: self
                .frequency
                .clone()
                .unwrap_or_else(|| rule.frequency.clone()),
            interval: Some(self.interval.unwrap_or(rule.interval)),
            starts_on: self
                .starts_on
                .clone()
                .unwrap_or_else(|| rule.starts_on.to_string()),
            ends_on: match &self.ends_on {
                None => rule.ends_on.map(|d| d.to_string()),
                Some(end) => end.clone(),
            },
            expense: self.expense.over(&rule.expense_params()?),
        })
    }
}

impl RuleDraft {
    /// The first occurrence (its index and date) after `last`, or the
    /// start when there is none; no date past the end.
    fn next_after(&self, last: Option<NaiveDate>) -> (i32, Option<NaiveDate>) {
        let mut index = 0;
        loop {
            let date = occurrence(self.starts_on, self.frequency, self.interval, index);
            let Some(date) = date else {
                return (index, None);
            };
            if self.ends_on.is_some_and(|end| date > end) {
                return (index, None);
            }
            if last.is_none_or(|last| date > last) {
                return (index, Some(date));
            }
            // Dates are at least a day apart: this ends within the range
            // of dates (a daily rule from a century ago: ~36,500 steps).
            index += 1;
        }
    }
}

impl Model {
    /// Changes a rule, checking the new values as [`Model::create`] does.
    /// What changes applies to the occurrences created from now on; the
    /// expenses it already created stay as they are.
    ///
    /// The schedule (frequency, interval, start, end) is recomputed: the
    /// next occurrence is the first date of the new schedule after the
    /// last date the rule already created, so moving the start (earlier
    /// or later) or changing the frequency never creates again a date it
    /// created, nor fills in dates before that one. A rule that has created
    /// nothing yet starts afresh from its (new) start, and what is already
    /// due is created at once, as when a rule is set up. The rule's last
    /// problem is forgotten: the next occurrence tries again.
    ///
    /// # Errors
    /// `Forbidden`, `Invalid` naming each field (nothing is written then),
    /// or the plan's refusal of the expense.
    pub async fn update(
        self,
        tenant: &Tenant<'_>,
        changes: &RecurringChanges,
    ) -> DomainResult<Self> {
        tenant.ensure(RECURRING_MANAGE).await?;
        let lookup = Lookup::load(tenant.db, tenant.workspace.id).await?;
        let params = changes.onto(&self)?;
        let draft = RuleDraft::check(tenant, &lookup, &params).await?;
        let last_made = self.last_made(tenant.db).await?;
        let (next_index, next_on) = draft.next_after(last_made);
        let before = self.audit_json();
        let mut active = self.into_active_model();
        active.frequency = Set(draft.frequency.as_str().to_string());
        active.interval = Set(draft.interval);
        active.starts_on = Set(draft.starts_on);
        active.ends_on = Set(draft.ends_on);
        active.next_index = Set(next_index);
        active.next_on = Set(next_on);
        active.description = Set(draft.description.clone());
        active.template = Set(draft.template.clone());
        active.last_error = Set(None);
        let rule = active.update(tenant.db).await?;
        audit_events::Model::record(
            tenant.db,
            tenant.workspace.id,
            &tenant.actor,
            Event {
                action: "recurring.updated",
                summary: format!(
                    "changed recurring \"{}\" ({} from {})",
                    rule.description, rule.frequency, rule.starts_on
                ),
                before: Some(before),
                after: Some(rule.audit_json()),
            },
        )
        .await?;
        tenant.after_commit(Effect::Changed);
        rule.catch_up(tenant, tenant.workspace.today()).await
    }

    /// The latest date the rule created an expense for (deleted ones
    /// included: their dates were made), or the date before its next one
    /// when it has moved on.
    async fn last_made<C: ConnectionTrait>(&self, db: &C) -> ModelResult<Option<NaiveDate>> {
        let made = expenses::Entity::find()
            .in_tenant(self.workspace_id)
            .filter(expenses::expenses::Column::RecurringId.eq(self.id))
            .filter(expenses::expenses::Column::OccurrenceOn.is_not_null())
            .order_by_desc(expenses::expenses::Column::OccurrenceOn)
            .one(db)
            .await?
            .and_then(|e| e.occurrence_on);
        let passed = (self.next_index > 0)
            .then(|| {
                occurrence(
                    self.starts_on,
                    self.frequency(),
                    self.interval,
                    self.next_index - 1,
                )
            })
            .flatten();
        Ok(made.max(passed))
    }
}
