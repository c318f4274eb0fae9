//! The recurring expenses page: the rules and the form to set one up (an
//! expense's fields, plus how often); the page that changes one rule.

use serde::Serialize;

use crate::{
    models::{expenses::ExpenseParams, recurring_expenses},
    views::{
        expenses::{ExpenseValues, RecurringResponse},
        page::FormValues,
    },
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

impl SentRule {
    /// The edit form filled from a saved rule; `author` (the public id of
    /// the member who set it up) pays when the rule names no payer.
    #[must_use]
    pub fn of(
        rule: &recurring_expenses::Model,
        expense: &ExpenseParams,
        base_currency: &str,
        author: Option<String>,
    ) -> Self {
        let mut values = ExpenseValues::of_params(expense, base_currency);
        if values.paid_by.as_deref().is_none_or(str::is_empty) {
            values.paid_by = author;
        }
        Self {
            expense: values,
            frequency: rule.frequency.clone(),
            interval: rule.interval.to_string(),
            starts_on: rule.starts_on.to_string(),
            ends_on: rule.ends_on.map(|d| d.to_string()).unwrap_or_default(),
        }
    }
}

/// The page that changes one rule: its schedule and the expense it creates.
#[derive(Debug, Serialize)]
pub struct EditRulePage {
    pub rule_id: String,
    /// The rule's name as saved (the form may hold another, refused).
    pub name: String,
    pub frequencies: [&'static str; 4],
    /// The shared expense fields show the recurring variant.
    pub recurring: bool,
    pub form: SentRule,
    pub errors: serde_json::Value,
}
