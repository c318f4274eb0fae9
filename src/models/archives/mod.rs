//! A whole workspace as one JSON document, and restoring one into an empty
//! workspace with nothing lost. People are named by email and categories by
//! name (ids differ between workspaces and instances); restoring needs
//! every person in the archive to be a member of the target first.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::expenses::ExpenseParams;

mod export;
mod restore;

pub use self::{
    export::export,
    restore::{restore, Restored},
};

pub const FORMAT: &str = "smartexpense-archive";
pub const VERSION: u32 = 1;
/// Expenses are written this many at a time.
const BATCH_ROWS: usize = 1000;

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Archive {
    pub format: String,
    pub version: u32,
    pub exported_at: String,
    pub workspace: ArchivedWorkspace,
    pub members: Vec<ArchivedMember>,
    pub categories: Vec<ArchivedCategory>,
    pub expenses: Vec<ArchivedExpense>,
    pub settlements: Vec<ArchivedSettlement>,
    pub recurring: Vec<ArchivedRecurring>,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ArchivedWorkspace {
    pub name: String,
    pub kind: String,
    pub currency: String,
    pub time_zone: String,
    /// How the forms split a new expense (`equal` or `none`); archives
    /// made before it existed leave the restored workspace's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_split: Option<String>,
    /// How balances are kept (`base_currency` or `each_currency`); archives
    /// made before it existed settle up in the base currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settle_up: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ArchivedMember {
    pub email: String,
    pub name: String,
    pub role: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ArchivedCategory {
    pub name: String,
    pub color: String,
    pub parent: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ArchivedShare {
    pub member: String,
    pub amount_minor: i64,
    pub original_amount_minor: i64,
    pub weight: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ArchivedExpense {
    pub date: NaiveDate,
    pub description: String,
    pub payee: Option<String>,
    pub notes: Option<String>,
    pub amount_minor: i64,
    pub original_amount_minor: i64,
    pub currency: String,
    pub rate: String,
    pub category: Option<String>,
    pub tags: Vec<String>,
    /// Emails; `null` for someone whose account is gone.
    pub paid_by: Option<String>,
    pub created_by: Option<String>,
    pub split_method: Option<String>,
    pub shares: Vec<ArchivedShare>,
    /// Index into `recurring` of the rule that made it, and for which date.
    pub recurring: Option<usize>,
    pub occurrence_on: Option<NaiveDate>,
    pub created_at: DateTime<FixedOffset>,
    pub updated_at: DateTime<FixedOffset>,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ArchivedSettlement {
    pub from: String,
    pub to: String,
    pub amount_minor: i64,
    /// ISO 4217; archives made before payments had one were in the
    /// workspace's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    pub date: NaiveDate,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ArchivedRecurring {
    pub frequency: String,
    pub interval: i32,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub next_on: Option<NaiveDate>,
    pub next_index: i32,
    pub description: String,
    /// The expense it creates, people by email and the category by name.
    pub expense: ExpenseParams,
    pub created_by: Option<String>,
}

/// Swaps the ids in a recurring template for portable names, or back.
fn translate_template(
    params: &mut ExpenseParams,
    people: &HashMap<String, String>,
    categories: &HashMap<String, String>,
) {
    if let Some(payer) = params.paid_by.as_mut() {
        if let Some(other) = people.get(payer.as_str()) {
            payer.clone_from(other);
        }
    }
    if let Some(category) = params.category_id.as_mut() {
        if let Some(other) = categories.get(category.as_str()) {
            category.clone_from(other);
        }
    }
    for part in params.split.iter_mut().flat_map(|s| s.parts.iter_mut()) {
        if let Some(other) = people.get(part.member.as_str()) {
            part.member.clone_from(other);
        }
    }
}
