use serde::Serialize;

use crate::models::{
    categories,
    expenses::{Expense, Listing},
    money,
};

#[derive(Debug, Serialize)]
pub struct CategoryResponse {
    pub id: String,
    pub name: String,
    pub color: String,
}

impl From<&categories::Model> for CategoryResponse {
    fn from(c: &categories::Model) -> Self {
        Self {
            id: c.pid.to_string(),
            name: c.name.clone(),
            color: c.color.clone(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct PersonResponse {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Serialize)]
pub struct ExpenseResponse {
    pub id: String,
    /// In the workspace's base currency.
    pub amount: String,
    pub base_currency: String,
    /// As entered.
    pub original_amount: String,
    pub currency: String,
    pub rate: String,
    pub date: String,
    pub description: String,
    pub payee: Option<String>,
    pub notes: Option<String>,
    pub category: Option<CategoryResponse>,
    pub tags: Vec<String>,
    pub paid_by: Option<PersonResponse>,
    pub created_at: String,
    pub updated_at: String,
}

fn format(minor: i64, code: &str) -> String {
    money::currency(code).map_or_else(|| minor.to_string(), |c| money::format_minor(minor, c))
}

impl ExpenseResponse {
    #[must_use]
    pub fn new(expense: &Expense, base_currency: &str) -> Self {
        let row = &expense.row;
        Self {
            id: row.pid.to_string(),
            amount: format(row.amount_minor, base_currency),
            base_currency: base_currency.to_string(),
            original_amount: format(row.original_amount_minor, &row.currency),
            currency: row.currency.clone(),
            rate: row.rate.clone(),
            date: row.spent_on.to_string(),
            description: row.description.clone(),
            payee: row.payee.clone(),
            notes: row.notes.clone(),
            category: expense.category.as_ref().map(CategoryResponse::from),
            tags: expense.tags.clone(),
            paid_by: expense.paid_by.as_ref().map(|u| PersonResponse {
                id: u.pid.to_string(),
                name: u.name.clone(),
            }),
            created_at: row.created_at.to_rfc3339(),
            updated_at: row.updated_at.to_rfc3339(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct ExpenseListResponse {
    pub items: Vec<ExpenseResponse>,
    /// Pass as `cursor` for the next page; `null` on the last one.
    pub next_cursor: Option<String>,
    /// Over the whole filter, not just this page.
    pub total: String,
    pub count: u64,
    pub currency: String,
}

impl ExpenseListResponse {
    #[must_use]
    pub fn new(listing: &Listing, base_currency: &str) -> Self {
        Self {
            items: listing
                .items
                .iter()
                .map(|e| ExpenseResponse::new(e, base_currency))
                .collect(),
            next_cursor: listing.next_cursor.clone(),
            total: format(listing.total_minor, base_currency),
            count: listing.count,
            currency: base_currency.to_string(),
        }
    }
}
