//! What a client sends to create or change a budget ([`BudgetParams`]),
//! checked field by field before anything is written.

use loco_rs::prelude::*;
use serde::Deserialize;

use super::{ActiveModel, Model, Period};
use crate::models::{
    categories, errors::DomainResult, memberships, money, validation::FieldErrors, workspaces,
};

const NAME_MAX_CHARS: usize = 60;
const MAX_THRESHOLDS: usize = 6;
pub const DEFAULT_THRESHOLDS: [i32; 2] = [80, 100];

/// What a client sends to create or change a budget; on change, absent
/// fields keep their value.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct BudgetParams {
    #[schema(min_length = 1, max_length = 60, pattern = r"\S")]
    pub name: Option<String>,
    /// `week`, `month` (the default), `quarter` or `year`.
    #[schema(schema_with = crate::models::schema::period_optional)]
    pub period: Option<String>,
    /// The limit per period in the workspace currency, as a decimal string.
    #[schema(schema_with = crate::models::schema::decimal_optional)]
    pub amount: Option<String>,
    /// Alert thresholds in percent of the limit, ascending, 1 to 1000.
    /// Default `[80, 100]`.
    #[schema(schema_with = crate::models::schema::thresholds_optional)]
    pub thresholds: Option<Vec<i32>>,
    /// Carry what is left (or overspent) into the next period.
    pub rollover: Option<bool>,
    /// Public id of a category (its subcategories count too); empty for
    /// the whole workspace.
    #[schema(schema_with = crate::models::schema::id_or_empty)]
    pub category_id: Option<String>,
    /// Public id of a member whose share counts; empty for everyone's.
    #[schema(schema_with = crate::models::schema::id_or_empty)]
    pub member_id: Option<String>,
    /// How the amount is written: exactly by the API; as typed in the
    /// pages' form (`1.200,50`).
    #[serde(skip)]
    pub notation: money::Notation,
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

/// Checks the category and the member a budget counts for, filling
/// `active`; an empty one counts for all.
async fn check_scope<C: ConnectionTrait>(
    db: &C,
    workspace: &workspaces::Model,
    params: &BudgetParams,
    active: &mut ActiveModel,
    errors: &mut FieldErrors,
) -> DomainResult<()> {
    if let Some(category) = params.category_id.as_deref().map(str::trim) {
        if category.is_empty() {
            active.category_id = Set(None);
        } else {
            match categories::Model::find_in(db, workspace.id, category).await {
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
    Ok(())
}

impl Model {
    /// Checks `params` against `current` (None when creating) and fills an
    /// active model; 422 naming each bad field, before anything is written.
    pub(super) async fn checked<C: ConnectionTrait>(
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
        match params
            .name
            .as_deref()
            .map(|name| errors.text("name", name, NAME_MAX_CHARS, false))
            .as_deref()
        {
            Some("") => errors.add("name", "can't be blank"),
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
            (Some(text), Some(currency)) => {
                match money::parse_amount_as(text, currency, params.notation) {
                    Ok(minor) if minor > 0 => active.amount_minor = Set(minor),
                    Ok(_) => errors.add("amount", "must be greater than zero"),
                    Err(message) => errors.add("amount", message),
                }
            }
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
        check_scope(db, workspace, params, &mut active, &mut errors).await?;
        // A new budget, or one whose period changed, counts (and rolls
        // over) from the period it is in today.
        if current.is_none() || current.is_some_and(|b| b.period() != period) {
            active.starts_on = Set(period.start_of(workspace.today()));
        }
        errors.checked()?;
        Ok(active)
    }
}
