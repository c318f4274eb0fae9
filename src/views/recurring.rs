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

impl ExpenseValues {
    /// The form filled from an expense as a client sends it (a recurring
    /// rule's, kept with plain numbers); no date.
    #[must_use]
    pub fn of_params(expense: &ExpenseParams, base_currency: &str) -> Self {
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        let currency = expense
            .currency
            .clone()
            .filter(|c| !c.trim().is_empty())
            .unwrap_or_else(|| base_currency.to_string());
        let split = expense.split.as_ref().filter(|s| s.method != "none");
        Self {
            amount: text(&expense.amount),
            rate: if currency.eq_ignore_ascii_case(base_currency) {
                String::new()
            } else {
                text(&expense.rate)
            },
            currency,
            date: String::new(),
            description: text(&expense.description),
            payee: expense.payee.clone(),
            notes: expense.notes.clone(),
            category_id: expense.category_id.clone(),
            tags: expense.tags.clone().unwrap_or_default().join(", "),
            paid_by: expense.paid_by.clone(),
            split_method: split.map_or("none", |s| s.method.as_str()).to_string(),
            included: split
                .map(|s| s.parts.iter().map(|p| p.member.clone()).collect())
                .unwrap_or_default(),
            shares: split
                .map(|s| {
                    s.parts
                        .iter()
                        .filter_map(|p| Some((p.member.clone(), p.value.clone()?)))
                        .collect()
                })
                .unwrap_or_default(),
            prefilled: false,
        }
    }
}
