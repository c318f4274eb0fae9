//! What an expense will be: its input checked field by field, once, for
//! every door (the form, the API, an import row, an archive record, a
//! recurring rule, the assistant).

use crate::models::ids::{UserId, WorkspaceId};
use chrono::NaiveDate;
use serde::Deserialize;

use super::Model;
use crate::models::{
    _entities::{categories, users, workspaces},
    errors::{DomainError, DomainResult},
    expense_shares::{Share, Split, SplitParams},
    memberships::Roster,
    money,
    validation::FieldErrors,
};

const DESCRIPTION_MAX_CHARS: usize = 200;
const PAYEE_MAX_CHARS: usize = 100;
const NOTES_MAX_CHARS: usize = 2000;
pub(super) const TAG_MAX_CHARS: usize = 40;
const TAGS_MAX: usize = 20;

/// An expense to create, or the fields to change (left out: unchanged).
#[derive(Debug, Default, Clone, Deserialize, serde::Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ExpenseParams {
    /// Decimal string in `currency`, e.g. "12.34".
    #[schema(schema_with = crate::models::schema::decimal_optional)]
    pub amount: Option<String>,
    /// YYYY-MM-DD
    #[schema(schema_with = crate::models::schema::date_optional)]
    pub date: Option<String>,
    #[schema(max_length = 200)]
    pub description: Option<String>,
    #[schema(max_length = 100)]
    pub payee: Option<String>,
    #[schema(max_length = 2000)]
    pub notes: Option<String>,
    /// Public id of a category; empty for none.
    #[schema(schema_with = crate::models::schema::id_or_empty)]
    pub category_id: Option<String>,
    pub tags: Option<Vec<String>>,
    /// Public id of the member who paid; the creator when left out.
    #[schema(schema_with = crate::models::schema::id_or_empty)]
    pub paid_by: Option<String>,
    /// ISO 4217; the workspace's base currency when left out.
    #[schema(schema_with = crate::models::schema::currency_optional)]
    pub currency: Option<String>,
    /// Base-currency units per unit of `currency`; required for another
    /// currency.
    #[schema(schema_with = crate::models::schema::decimal_optional)]
    pub rate: Option<String>,
    /// How the expense is shared; left out: unchanged (a new expense is not
    /// split). `{"method": "none"}` stops splitting it.
    pub split: Option<SplitParams>,
    /// How the numbers are written: exactly by the API, archives and
    /// imports; as typed by people in the pages' forms (`12,50`).
    #[serde(skip)]
    pub notation: money::Notation,
}

impl ExpenseParams {
    /// The same with its numbers written plainly (`12,50` → `12.50`), as a
    /// recurring rule keeps them for the expenses it creates later; the
    /// amounts in `currency` (the params' own, else the workspace's). Only
    /// for params already checked: a number that cannot be read stays as
    /// typed.
    #[must_use]
    pub fn plainly(&self, workspace_currency: &str) -> Self {
        let notation = self.notation;
        let places = money::currency(self.currency.as_deref().unwrap_or(workspace_currency))
            .map_or(2, money::decimals);
        let amount = |text: &String| {
            notation
                .plain(text, places)
                .unwrap_or_else(|_| text.clone())
        };
        let mut plain = self.clone();
        plain.amount = self.amount.as_ref().map(amount);
        plain.rate = self.rate.as_deref().map(|r| notation.plain_fraction(r));
        if let Some(split) = &mut plain.split {
            for part in &mut split.parts {
                part.value = part.value.as_deref().map(|v| {
                    if split.method == "exact" {
                        amount(&v.to_string())
                    } else {
                        notation.plain_fraction(v)
                    }
                });
            }
        }
        plain.notation = money::Notation::Plain;
        plain
    }

    /// These changes over `base` (a recurring rule's stored, plainly
    /// written expense): each field sent replaces `base`'s, the others
    /// stay. Read in this notation: the pages' forms send every field, so
    /// nothing typed mixes with plain numbers kept from `base`.
    #[must_use]
    pub fn over(&self, base: &Self) -> Self {
        Self {
            amount: self.amount.clone().or_else(|| base.amount.clone()),
            date: self.date.clone().or_else(|| base.date.clone()),
            description: self
                .description
                .clone()
                .or_else(|| base.description.clone()),
            payee: self.payee.clone().or_else(|| base.payee.clone()),
            notes: self.notes.clone().or_else(|| base.notes.clone()),
            category_id: self
                .category_id
                .clone()
                .or_else(|| base.category_id.clone()),
            tags: self.tags.clone().or_else(|| base.tags.clone()),
            paid_by: self.paid_by.clone().or_else(|| base.paid_by.clone()),
            currency: self.currency.clone().or_else(|| base.currency.clone()),
            rate: self.rate.clone().or_else(|| base.rate.clone()),
            split: self.split.clone().or_else(|| base.split.clone()),
            notation: self.notation,
        }
    }
}

pub(super) fn blank_to_none(value: Option<&String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

fn check_tags(errors: &mut FieldErrors, tags: &[String]) -> Vec<String> {
    let mut clean: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim();
        if tag.is_empty() {
            continue;
        }
        if tag.chars().count() > TAG_MAX_CHARS || tag.chars().any(char::is_control) {
            errors.add(
                "tags",
                format!("must each be at most {TAG_MAX_CHARS} plain characters"),
            );
            continue;
        }
        if !clean.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            clean.push(tag.to_string());
        }
    }
    if clean.len() > TAGS_MAX {
        errors.add("tags", format!("can be at most {TAGS_MAX}"));
    }
    clean
}

/// The workspace's categories and members, read once: drafts are checked
/// against them without a query per field (an import checks thousands).
#[derive(Debug, Clone)]
pub struct Lookup {
    pub categories: Vec<categories::Model>,
    pub members: Roster,
}

impl Lookup {
    /// # Errors
    /// On database errors.
    pub async fn load<C: sea_orm::ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
    ) -> DomainResult<Self> {
        Ok(Self {
            categories: categories::Model::list(db, workspace_id).await?,
            members: Roster::load(db, workspace_id).await?,
        })
    }

    /// The category with this name (any case), as a file names it.
    #[must_use]
    pub fn category_named(&self, name: &str) -> Option<&categories::Model> {
        let name = name.trim();
        self.categories
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(name))
    }

    fn category(&self, pid: &str) -> Option<&categories::Model> {
        let pid = uuid::Uuid::parse_str(pid.trim()).ok()?;
        self.categories.iter().find(|c| c.pid == pid)
    }
}

/// The checked values an expense will have.
#[derive(Debug, Clone)]
pub struct Draft {
    pub(super) amount_minor: i64,
    pub(super) original_amount_minor: i64,
    pub(super) currency: String,
    pub(super) rate: String,
    pub(super) spent_on: NaiveDate,
    pub(super) description: String,
    pub(super) payee: Option<String>,
    pub(super) notes: Option<String>,
    pub(super) category_id: Option<i64>,
    pub(super) paid_by_id: Option<UserId>,
    pub(super) tags: Option<Vec<String>>,
    /// The split's method and shares; `None` when not split.
    pub(super) split: Option<(&'static str, Vec<Share>)>,
}

/// What an expense is now, for a draft that changes it.
pub struct Current<'a> {
    pub row: &'a Model,
    /// Its split as stored, divided again when the amount changes.
    pub split: Option<Split>,
}

impl Draft {
    /// What makes two expenses the same for an import: the day, the
    /// amount and the description in any case.
    #[must_use]
    pub fn duplicate_key(&self) -> (NaiveDate, i64, String) {
        (
            self.spent_on,
            self.amount_minor,
            self.description.to_lowercase(),
        )
    }

    /// Checks `params` over `current` (nothing, for a new expense); the
    /// payer is `author` unless the params name one.
    ///
    /// # Errors
    /// `Invalid` naming each field to fix.
    #[allow(clippy::too_many_lines)] // one field after another, in form order
    pub fn check(
        workspace: &workspaces::Model,
        lookup: &Lookup,
        author: Option<&users::Model>,
        current: Option<Current<'_>>,
        params: &ExpenseParams,
    ) -> DomainResult<Self> {
        let mut errors = FieldErrors::new();
        let base = money::currency(&workspace.currency).ok_or_else(|| {
            DomainError::Conflict("The workspace has an unknown base currency.".to_string())
        })?;
        let split_now = current.as_ref().and_then(|c| c.split.clone());
        let current = current.map(|c| c.row);

        let currency_code = params
            .currency
            .as_deref()
            .map(|c| c.trim().to_uppercase())
            .filter(|c| !c.is_empty())
            .or_else(|| current.map(|c| c.currency.clone()))
            .unwrap_or_else(|| workspace.currency.clone());
        let currency = money::currency(&currency_code);
        if currency.is_none() {
            errors.add("currency", "must be an ISO 4217 currency code, such as EUR");
        }

        let original = match (&params.amount, current, currency) {
            (Some(text), _, Some(currency)) => {
                money::parse_amount_as(text, currency, params.notation)
                    .map_err(|message| errors.add("amount", message))
                    .ok()
            }
            (None, Some(current), _) if current.currency == currency_code => {
                Some(current.original_amount_minor)
            }
            (None, Some(_), _) => {
                errors.add("amount", "must be given again when the currency changes");
                None
            }
            (None, None, _) => {
                errors.add("amount", "can't be blank");
                None
            }
            (Some(_), _, None) => None,
        };

        let rate = if currency_code == workspace.currency {
            match params
                .rate
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty())
            {
                Some(rate)
                    if money::parse_rate(&params.notation.plain_fraction(rate)).ok()
                        != Some(1.into()) =>
                {
                    errors.add("rate", "must be left out for the workspace's own currency");
                    None
                }
                _ => Some(rust_decimal::Decimal::ONE),
            }
        } else {
            match params
                .rate
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty())
            {
                Some(rate) => money::parse_rate(&params.notation.plain_fraction(rate))
                    .map_err(|message| errors.add("rate", message))
                    .ok(),
                None => match current.filter(|c| c.currency == currency_code) {
                    Some(current) => current.rate.parse().ok(),
                    None => {
                        errors.add(
                            "rate",
                            format!(
                                "is required for amounts in another currency than {}",
                                workspace.currency
                            ),
                        );
                        None
                    }
                },
            }
        };

        let spent_on = match (&params.date, current) {
            (Some(text), _) => errors.date("date", text),
            (None, Some(current)) => Some(current.spent_on),
            (None, None) => {
                errors.add("date", "can't be blank");
                None
            }
        };

        let description = match (&params.description, current) {
            (Some(text), _) => {
                let text = errors.text("description", text, DESCRIPTION_MAX_CHARS, false);
                if text.is_empty() {
                    errors.add("description", "can't be blank");
                }
                text
            }
            (None, Some(current)) => current.description.clone(),
            (None, None) => {
                errors.add("description", "can't be blank");
                String::new()
            }
        };
        let payee = match &params.payee {
            Some(text) => {
                Some(errors.text("payee", text, PAYEE_MAX_CHARS, false)).filter(|p| !p.is_empty())
            }
            None => current.and_then(|c| c.payee.clone()),
        };
        let notes = match &params.notes {
            Some(text) => {
                Some(errors.text("notes", text, NOTES_MAX_CHARS, true)).filter(|n| !n.is_empty())
            }
            None => current.and_then(|c| c.notes.clone()),
        };

        let category_id = match params.category_id.as_deref().map(str::trim) {
            Some("") => None,
            Some(pid) => match lookup.category(pid) {
                Some(category) => Some(category.id),
                None => {
                    errors.add("category_id", "is not a category of this workspace");
                    None
                }
            },
            None => current.and_then(|c| c.category_id),
        };

        let paid_by_id = match blank_to_none(params.paid_by.as_ref()) {
            Some(pid) => match lookup.members.by_pid(&pid) {
                Some(member) => Some(member.id),
                None => {
                    errors.add("paid_by", "is not a member of this workspace");
                    None
                }
            },
            None => current.map_or(author.map(|a| a.id), |c| c.paid_by_id),
        };

        let tags = params
            .tags
            .as_ref()
            .map(|tags| check_tags(&mut errors, tags));

        let split = match &params.split {
            Some(split) => Split::check(&lookup.members, currency, split, params.notation)
                .map_err(|err| errors.absorb(err))
                .ok()
                .flatten(),
            None => split_now,
        };

        let converted = match (original, currency, rate) {
            (Some(original), Some(currency), Some(rate)) => {
                money::convert(original, currency, rate, base)
                    .map_err(|message| errors.add("amount", message))
                    .ok()
            }
            _ => None,
        };
        let split = match (&split, original, converted, currency) {
            (Some(split), Some(original), Some(converted), Some(currency)) => split
                .divide(original, converted, currency)
                .map(|shares| Some((split.method.as_str(), shares)))
                .map_err(|err| errors.absorb(err))
                .ok()
                .flatten(),
            _ => None,
        };
        errors.checked()?;
        // Every `None` above added an error, so these are all present now.
        let (Some(original_amount_minor), Some(amount_minor), Some(rate), Some(spent_on)) =
            (original, converted, rate, spent_on)
        else {
            return Err(DomainError::field("amount", "can't be blank"));
        };
        Ok(Self {
            amount_minor,
            original_amount_minor,
            currency: currency_code,
            rate: rate.to_string(),
            spent_on,
            description,
            payee,
            notes,
            category_id,
            paid_by_id,
            tags,
            split,
        })
    }
}
