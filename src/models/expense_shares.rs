//! Splitting an expense between members: equally, by shares, by percentage
//! or by exact amounts. Shares always add up to the expense exactly; the
//! cents that do not divide evenly go, one each, to the members with the
//! largest remainders, ties to the member who joined first (lowest id).

use crate::models::ids::{UserId, WorkspaceId};
use std::collections::HashSet;

use iso_currency::Currency;
use loco_rs::prelude::*;
use rust_decimal::Decimal;
use serde::Deserialize;

pub use super::_entities::expense_shares::{self, ActiveModel, Entity, Model};
use super::{
    errors::{DomainError, DomainResult},
    memberships::Roster,
    money,
};

/// At most this many decimals in a share or a percentage.
const WEIGHT_MAX_DECIMALS: u32 = 4;
const SHARES_MAX: i64 = 1_000_000;

impl ActiveModelBehavior for ActiveModel {}

impl TenantEntity for Entity {
    type TenantId = WorkspaceId;

    fn tenant_column() -> expense_shares::Column {
        expense_shares::Column::WorkspaceId
    }
}

/// How to divide an expense, as sent by a form or the API.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize, utoipa::ToSchema)]
pub struct SplitParams {
    /// `equal`, `shares`, `percent`, `exact`, or `none` to stop splitting.
    #[schema(schema_with = crate::models::schema::split_method)]
    pub method: String,
    #[serde(default)]
    pub parts: Vec<SplitPart>,
}

#[derive(Debug, Clone, Default, Deserialize, serde::Serialize, utoipa::ToSchema)]
pub struct SplitPart {
    /// Public id of the member.
    #[schema(schema_with = crate::models::schema::id)]
    pub member: String,
    /// Shares (`2`), a percentage (`40`) or an amount (`12.50`); left out for
    /// `equal`.
    #[serde(default)]
    #[schema(schema_with = crate::models::schema::decimal_optional)]
    pub value: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Equal,
    Shares,
    Percent,
    Exact,
}

impl Method {
    pub const ALL: [Self; 4] = [Self::Equal, Self::Shares, Self::Percent, Self::Exact];

    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Equal => "equal",
            Self::Shares => "shares",
            Self::Percent => "percent",
            Self::Exact => "exact",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == text.trim())
    }
}

/// One member's part of a split expense.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share {
    pub user_id: UserId,
    /// In the workspace's base currency.
    pub amount_minor: i64,
    /// In the expense's own currency.
    pub original_amount_minor: i64,
    /// As entered: shares, percentage or amount; "1" for equal.
    pub weight: String,
}

impl Share {
    /// The row that keeps this share of `expense_id`.
    #[must_use]
    pub fn row(&self, workspace_id: WorkspaceId, expense_id: i64) -> ActiveModel {
        ActiveModel {
            workspace_id: Set(workspace_id),
            expense_id: Set(expense_id),
            user_id: Set(self.user_id),
            amount_minor: Set(self.amount_minor),
            original_amount_minor: Set(self.original_amount_minor),
            weight: Set(self.weight.clone()),
            ..Default::default()
        }
    }
}

/// A checked split, ready to be divided once the amounts are known.
#[derive(Debug, Clone)]
pub struct Split {
    pub method: Method,
    /// `(user_id, weight as entered, weight as a number)`, by user id.
    parts: Vec<(UserId, String, Decimal)>,
}

/// Divides `total` in proportion to `weights`, exactly: the parts add up to
/// `total`, each is within one unit of its exact proportion, and the units
/// left over go to the largest remainders (ties: the earlier weight).
/// `None` when the weights are empty, negative, all zero, or too large.
#[must_use]
pub fn allocate(total: i64, weights: &[Decimal]) -> Option<Vec<i64>> {
    let scale = weights.iter().map(Decimal::scale).max()?;
    let integral: Vec<i128> = weights
        .iter()
        .map(|w| {
            let mut w = *w;
            w.rescale(scale);
            (w.mantissa() >= 0).then_some(w.mantissa())
        })
        .collect::<Option<_>>()?;
    let sum: i128 = integral.iter().sum();
    if sum <= 0 {
        return None;
    }
    let mut parts = Vec::with_capacity(integral.len());
    let mut remainders = Vec::with_capacity(integral.len());
    for (index, weight) in integral.iter().enumerate() {
        let product = i128::from(total).checked_mul(*weight)?;
        parts.push(i64::try_from(product.div_euclid(sum)).ok()?);
        remainders.push((product.rem_euclid(sum), index));
    }
    let left = total - parts.iter().sum::<i64>();
    // Largest remainder first; among equals, the earlier weight.
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, index) in remainders
        .into_iter()
        .take(usize::try_from(left).unwrap_or(0))
    {
        parts[index] += 1;
    }
    Some(parts)
}

fn parse_weight(text: &str) -> Option<Decimal> {
    let text = text.trim();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    text.parse::<Decimal>()
        .ok()
        .filter(|w| w.scale() <= WEIGHT_MAX_DECIMALS)
}

impl Split {
    /// Checks a split against the workspace's members and the expense's
    /// currency; `Ok(None)` for `none` (not split).
    ///
    /// # Errors
    /// `Invalid` on `split` with what to fix.
    pub fn check(
        members: &Roster,
        currency: Option<Currency>,
        params: &SplitParams,
        notation: money::Notation,
    ) -> DomainResult<Option<Self>> {
        let fail = |message: String| Err(DomainError::field("split", message));
        if params.method.trim() == "none" {
            return Ok(None);
        }
        let Some(method) = Method::parse(&params.method) else {
            return fail("method must be one of equal, shares, percent, exact or none".into());
        };
        if params.parts.is_empty() {
            return fail("needs at least one member".into());
        }
        let mut seen = HashSet::new();
        let mut parts = Vec::with_capacity(params.parts.len());
        for part in &params.parts {
            let Some(member) = members.by_pid(&part.member) else {
                return fail(format!("{} is not a member of this workspace", part.member));
            };
            let name = &member.name;
            if !seen.insert(member.id) {
                return fail(format!("names {name} twice"));
            }
            let value = part.value.as_deref().map(str::trim).unwrap_or_default();
            let typed = notation.plain_fraction(value);
            let weight = match method {
                Method::Equal => Ok(Decimal::ONE),
                Method::Shares => parse_weight(&typed)
                    .filter(|w| *w > Decimal::ZERO && *w <= Decimal::from(SHARES_MAX))
                    .ok_or_else(|| format!("share of {name} must be a number above 0")),
                Method::Percent => parse_weight(&typed)
                    .filter(|w| *w > Decimal::ZERO && *w <= Decimal::ONE_HUNDRED)
                    .ok_or_else(|| format!("percentage of {name} must be above 0 and at most 100")),
                Method::Exact => currency
                    .and_then(|c| money::parse_amount_as(value, c, notation).ok())
                    .map(Decimal::from)
                    .ok_or_else(|| format!("amount of {name} must be an amount above 0")),
            };
            let weight = match weight {
                Ok(weight) => weight,
                Err(message) => return fail(message),
            };
            // Kept as a plain number, as the API would send it: later
            // changes and archives read it exactly.
            let entered = match method {
                Method::Equal => "1".to_string(),
                Method::Shares | Method::Percent => typed,
                Method::Exact => notation
                    .plain(value, currency.map_or(2, money::decimals))
                    .unwrap_or_else(|_| value.to_string()),
            };
            parts.push((member.id, entered, weight));
        }
        if method == Method::Percent {
            let sum: Decimal = parts.iter().map(|p| p.2).sum();
            if sum != Decimal::ONE_HUNDRED {
                return fail(format!(
                    "percentages add up to {}%, not 100%",
                    sum.normalize()
                ));
            }
        }
        parts.sort_by_key(|p| p.0);
        Ok(Some(Self { method, parts }))
    }

    /// The split stored as `shares`, to divide a changed amount the same way.
    #[must_use]
    pub fn from_shares(method: &str, shares: &[Model]) -> Option<Self> {
        let method = Method::parse(method)?;
        let parts = shares
            .iter()
            .map(|share| {
                let weight = match method {
                    // Exact parts stay as they were; a new amount must come
                    // with new parts, or the sum check says so.
                    Method::Exact => Some(Decimal::from(share.original_amount_minor)),
                    _ => parse_weight(&share.weight),
                }?;
                Some((share.user_id, share.weight.clone(), weight))
            })
            .collect::<Option<Vec<_>>>()?;
        (!parts.is_empty()).then_some(Self { method, parts })
    }

    /// Each member's part of an expense of `original_minor` in its own
    /// currency and `base_minor` in the workspace's.
    ///
    /// # Errors
    /// 422 when exact amounts do not add up to the expense.
    pub fn divide(
        &self,
        original_minor: i64,
        base_minor: i64,
        currency: Currency,
    ) -> DomainResult<Vec<Share>> {
        let weights: Vec<Decimal> = self.parts.iter().map(|p| p.2).collect();
        if self.method == Method::Exact {
            let sum: Decimal = weights.iter().sum();
            if sum != Decimal::from(original_minor) {
                let sum = i64::try_from(sum).unwrap_or(i64::MAX);
                return Err(DomainError::field(
                    "split",
                    format!(
                        "amounts add up to {}, not {}",
                        money::format_minor(sum, currency),
                        money::format_minor(original_minor, currency)
                    ),
                ));
            }
        }
        let too_large = || DomainError::field("split", "is too large to divide");
        let original = allocate(original_minor, &weights).ok_or_else(too_large)?;
        // The base amount follows the original parts, so a split in another
        // currency still adds up exactly in the base currency.
        let base = allocate(
            base_minor,
            &original
                .iter()
                .map(|p| Decimal::from(*p))
                .collect::<Vec<_>>(),
        )
        .ok_or_else(too_large)?;
        Ok(self
            .parts
            .iter()
            .zip(original.into_iter().zip(base))
            .map(|((user_id, entered, _), (original, base))| Share {
                user_id: *user_id,
                amount_minor: base,
                original_amount_minor: original,
                weight: entered.clone(),
            })
            .collect())
    }
}

impl Model {
    /// Replaces the shares of an expense.
    ///
    /// # Errors
    /// On database errors.
    pub async fn replace<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
        expense_id: i64,
        shares: &[Share],
    ) -> ModelResult<()> {
        Entity::delete_many()
            .in_tenant(workspace_id)
            .filter(expense_shares::Column::ExpenseId.eq(expense_id))
            .exec(db)
            .await?;
        if shares.is_empty() {
            return Ok(());
        }
        Entity::insert_many(
            shares
                .iter()
                .map(|share| share.row(workspace_id, expense_id)),
        )
        .exec(db)
        .await?;
        Ok(())
    }

    /// The shares of these expenses, in member order.
    ///
    /// # Errors
    /// On database errors.
    pub async fn of_expenses<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
        expense_ids: Vec<i64>,
    ) -> ModelResult<Vec<Self>> {
        if expense_ids.is_empty() {
            return Ok(Vec::new());
        }
        Ok(Entity::find()
            .in_tenant(workspace_id)
            .filter(expense_shares::Column::ExpenseId.is_in(expense_ids))
            .order_by_asc(expense_shares::Column::UserId)
            .all(db)
            .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(values: &[i64]) -> Vec<Decimal> {
        values.iter().map(|v| Decimal::from(*v)).collect()
    }

    #[test]
    fn equal_split_gives_leftover_cents_to_the_first_members() {
        assert_eq!(allocate(1000, &d(&[1, 1, 1])), Some(vec![334, 333, 333]));
        assert_eq!(allocate(2, &d(&[1, 1, 1])), Some(vec![1, 1, 0]));
        assert_eq!(allocate(0, &d(&[1, 1])), Some(vec![0, 0]));
    }

    #[test]
    fn weights_divide_in_proportion() {
        assert_eq!(allocate(1000, &d(&[2, 1, 1])), Some(vec![500, 250, 250]));
        let percent: Vec<Decimal> = ["33.3333", "33.3333", "33.3334"]
            .iter()
            .map(|p| p.parse().unwrap())
            .collect();
        assert_eq!(allocate(100, &percent), Some(vec![33, 33, 34]));
        assert_eq!(allocate(100, &[]), None);
        assert_eq!(allocate(100, &d(&[0, 0])), None);
        assert_eq!(allocate(100, &d(&[-1, 2])), None);
    }
}
