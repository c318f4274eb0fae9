//! The recurring expenses page: the rules and the form to set one up (an
//! expense's fields, plus how often).

use serde::Serialize;

use crate::views::{
    expenses::{ExpenseValues, RecurringResponse},
    page::FormValues,
};

#[derive(Debug, Serialize)]
pub struct RecurringPage {
    pub rules: Vec<RecurringResponse>,
    pub frequencies: [&'static str; 4],
    /// The shared expense fields show the recurring variant.
    pub recurring: bool,
    pub form: FormValues<NewRule, SentRule>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<serde_json::Value>,
}

/// A blank rule: monthly from today, in the workspace's currency, paid by
/// the member looking, split as the workspace splits a new expense.
#[derive(Debug, Serialize)]
pub struct NewRule {
    pub frequency: &'static str,
    pub interval: &'static str,
    pub starts_on: String,
    pub currency: String,
    pub paid_by: String,
    #[serde(flatten)]
    pub split: crate::views::expenses::DefaultSplit,
}

#[derive(Debug, Serialize)]
pub struct SentRule {
    /// The expense's fields as sent (`pages::expenses::ExpenseForm::echo`).
    #[serde(flatten)]
    pub expense: ExpenseValues,
    pub frequency: String,
    pub interval: String,
    pub starts_on: String,
    pub ends_on: String,
}
