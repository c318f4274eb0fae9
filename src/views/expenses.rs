use axum::http::header;
use loco_rs::{prelude::format, Error};
use serde::Serialize;

use super::csv::CsvFlavour;

use crate::{
    models::{
        _entities::{users, workspaces},
        categories,
        expenses::{Expense, ExpenseFilter, Listing},
        money, recurring_expenses,
    },
    views::{
        page::FormValues,
        receipts::ReceiptSection,
        workspaces::{Frame, MemberResponse},
    },
};

/// What every expense page shows around its content (built by
/// `pages::expenses::frame`): the workspace frame and the choices the
/// expense forms offer.
#[derive(Debug, Serialize)]
pub struct ExpenseFrame {
    #[serde(flatten)]
    pub frame: Frame,
    pub members: Vec<MemberResponse>,
    pub categories: Vec<CategoryResponse>,
    /// The list's orders, as `sort=` takes them.
    pub sorts: [&'static str; 4],
    pub receipt_max_file_mb: u32,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
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

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PersonResponse {
    pub id: String,
    pub name: String,
}

impl PersonResponse {
    /// Someone who may since have deleted their account.
    #[must_use]
    pub fn new(user: Option<&users::Model>) -> Self {
        user.map_or_else(
            || Self {
                id: String::new(),
                name: "Former member".to_string(),
            },
            |u| Self {
                id: u.pid.to_string(),
                name: u.name.clone(),
            },
        )
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SplitResponse {
    /// `equal`, `shares`, `percent` or `exact`.
    pub method: String,
    pub parts: Vec<SharePart>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SharePart {
    pub member: PersonResponse,
    /// The share, percentage or amount as entered (`1` for equal).
    pub value: String,
    /// What this member owes, in the base currency.
    pub amount: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
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
    /// How it is shared between members; `null` when it is not.
    pub split: Option<SplitResponse>,
    pub created_at: String,
    pub updated_at: String,
}

/// Minor units in the currency's own format.
#[must_use]
pub fn format(minor: i64, code: &str) -> String {
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
            paid_by: expense
                .paid_by
                .as_ref()
                .map(|u| PersonResponse::new(Some(u))),
            split: row.split_method.as_ref().map(|method| SplitResponse {
                method: method.clone(),
                parts: expense
                    .shares
                    .iter()
                    .map(|(share, user)| SharePart {
                        member: PersonResponse::new(user.as_ref()),
                        value: share.weight.clone(),
                        amount: format(share.amount_minor, base_currency),
                    })
                    .collect(),
            }),
            created_at: row.created_at.to_rfc3339(),
            updated_at: row.updated_at.to_rfc3339(),
        }
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ExpenseListResponse {
    pub items: Vec<ExpenseResponse>,
    /// Pass as `cursor` for the next page; `null` on the last one.
    #[schema(required = true)]
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

/// An expense in the list page, with what the viewer may do to it.
#[derive(Debug, Serialize)]
pub struct ExpenseRow {
    #[serde(flatten)]
    pub expense: ExpenseResponse,
    pub editable: bool,
    pub deletable: bool,
    pub tag_links: Vec<TagLink>,
    /// How many receipts are attached.
    pub receipts: u64,
    /// The first row of its day in a list in date order: the list shows the
    /// day's heading before it (phones group the cards by day).
    pub starts_day: bool,
}

/// A tag with the query string that lists its expenses.
#[derive(Debug, Serialize)]
pub struct TagLink {
    pub name: String,
    pub query: String,
}

impl ExpenseRow {
    #[must_use]
    pub fn new(expense: ExpenseResponse, editable: bool, deletable: bool, receipts: u64) -> Self {
        let tag_links = expense
            .tags
            .iter()
            .map(|t| {
                let query = serde_urlencoded::to_string([("tag", t)]).unwrap_or_default();
                TagLink {
                    name: t.clone(),
                    query,
                }
            })
            .collect();
        Self {
            expense,
            editable,
            deletable,
            tag_links,
            receipts,
            starts_day: false,
        }
    }

    /// Marks the rows that start a day, when the list is in date order
    /// (`by_day`); a page's first row always does, so a day continued from
    /// the previous page repeats its heading.
    pub fn mark_days(rows: &mut [Self], by_day: bool) {
        let mut previous: Option<String> = None;
        for row in rows {
            row.starts_day = by_day && previous.as_deref() != Some(row.expense.date.as_str());
            previous = Some(row.expense.date.clone());
        }
    }
}

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a
/// tab or carriage return first) gets a leading `'`, so it shows as text.
#[must_use]
pub fn spreadsheet_safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The expenses as a CSV file named after the workspace's today: the same
/// download from the expenses page and the API.
///
/// # Errors
/// When the CSV or the response cannot be written.
pub fn csv_download(
    found: &[Expense],
    workspace: &workspaces::Model,
    flavour: CsvFlavour,
) -> loco_rs::Result<loco_rs::prelude::Response> {
    let currency = &workspace.currency;
    let rows: Vec<ExpenseResponse> = found
        .iter()
        .map(|e| ExpenseResponse::new(e, currency))
        .collect();
    let body =
        to_csv(&rows, flavour).map_err(|err| Error::string(&format!("CSV export: {err}")))?;
    let file = format!(
        "attachment; filename=\"expenses-{}.csv\"",
        workspace.today()
    );
    format::render()
        .header(header::CONTENT_TYPE, "text/csv; charset=utf-8")
        .header(header::CONTENT_DISPOSITION, file.as_str())
        .response()
        .body(axum::body::Body::from(body))
        .map_err(|err| Error::string(&err.to_string()))
}

/// The expenses as CSV, one row each, with a header row.
///
/// # Errors
/// When writing fails (it does not, into memory).
pub fn to_csv(expenses: &[ExpenseResponse], flavour: CsvFlavour) -> Result<Vec<u8>, csv::Error> {
    let mut out = flavour.writer();
    out.write_record(flavour.header(
        [
            "date",
            "description",
            "payee",
            "category",
            "tags",
            "paid_by",
            "amount",
            "base_currency",
            "original_amount",
            "currency",
            "rate",
            "split",
            "notes",
            "id",
        ],
        [
            "expense-csv-date",
            "expense-csv-description",
            "expense-csv-payee",
            "expense-csv-category",
            "expense-csv-tags",
            "expense-csv-paid-by",
            "expense-csv-amount",
            "expense-csv-base-currency",
            "expense-csv-original-amount",
            "expense-csv-currency",
            "expense-csv-rate",
            "expense-csv-split",
            "expense-csv-notes",
            "expense-csv-id",
        ],
    ))?;
    for e in expenses {
        let split = e.split.as_ref().map_or_else(String::new, |s| {
            let parts: Vec<String> = s
                .parts
                .iter()
                .map(|p| format!("{} {}", p.member.name, flavour.amount(&p.amount)))
                .collect();
            format!("{}: {}", s.method, parts.join("; "))
        });
        out.write_record([
            e.date.clone(),
            spreadsheet_safe(&e.description),
            spreadsheet_safe(e.payee.as_deref().unwrap_or_default()),
            spreadsheet_safe(e.category.as_ref().map_or("", |c| c.name.as_str())),
            spreadsheet_safe(&e.tags.join(", ")),
            spreadsheet_safe(e.paid_by.as_ref().map_or("", |p| p.name.as_str())),
            flavour.amount(&e.amount),
            e.base_currency.clone(),
            flavour.amount(&e.original_amount),
            e.currency.clone(),
            flavour.amount(&e.rate),
            spreadsheet_safe(&split),
            spreadsheet_safe(e.notes.as_deref().unwrap_or_default()),
            e.id.clone(),
        ])?;
    }
    out.into_inner().map_err(|err| err.into_error().into())
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RecurringResponse {
    pub id: String,
    pub frequency: String,
    pub interval: i32,
    pub starts_on: String,
    pub ends_on: Option<String>,
    /// The next date it creates an expense; `null` once it has ended.
    pub next_on: Option<String>,
    pub description: String,
    /// The expense each occurrence creates, as for `POST .../expenses`.
    #[schema(value_type = Object)]
    pub expense: serde_json::Value,
    /// Why the last occurrence could not be created; retried on the next run.
    pub last_error: Option<String>,
}

impl From<&recurring_expenses::Model> for RecurringResponse {
    fn from(r: &recurring_expenses::Model) -> Self {
        let template: serde_json::Value = serde_json::from_str(&r.template).unwrap_or_default();
        Self {
            id: r.pid.to_string(),
            frequency: r.frequency.clone(),
            interval: r.interval,
            starts_on: r.starts_on.to_string(),
            ends_on: r.ends_on.map(|d| d.to_string()),
            next_on: r.next_on.map(|d| d.to_string()),
            description: r.description.clone(),
            expense: template["expense"].clone(),
            last_error: r.last_error.clone(),
        }
    }
}

/// The workspace's public id, for the parts of a page rendered without the
/// frame (one row, the next rows).
#[derive(Debug, Serialize)]
pub struct WorkspaceRef {
    pub id: String,
}

/// An expense just deleted, with the offer to undo it.
#[derive(Debug, Serialize)]
pub struct DeletedExpense {
    pub id: String,
    pub description: String,
}

/// The expense list: the filter, a page of rows, the totals, the add form.
#[derive(Debug, Serialize)]
pub struct ExpenseListPage<'a> {
    pub filter: &'a ExpenseFilter,
    pub filter_query: String,
    /// The rows are in date order, grouped under their days' headings.
    pub by_day: bool,
    pub rows: Vec<ExpenseRow>,
    /// Where the next rows are read from; `null` on the last page.
    pub next: Option<String>,
    pub count: u64,
    pub total: String,
    pub undo: Option<DeletedExpense>,
    pub form: FormValues<NewExpense, ExpenseValues>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<serde_json::Value>,
    /// The add form is shown open (it came back with its errors).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub adding: bool,
    /// What was wrong with the filter (everything is shown instead).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter_errors: Option<serde_json::Value>,
}

/// The add-an-expense page: the add form on its own.
#[derive(Debug, Serialize)]
pub struct AddExpensePage {
    pub form: FormValues<NewExpense, ExpenseValues>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<serde_json::Value>,
}

/// A blank add form: today, in the base currency, paid by the member, split
/// as the workspace splits a new expense.
#[derive(Debug, Serialize)]
pub struct NewExpense {
    pub date: String,
    pub currency: String,
    pub paid_by: String,
    #[serde(flatten)]
    pub split: DefaultSplit,
}

/// How a blank form splits: the workspace's default (`equal` between every
/// member, all of them ticked; or `none`).
#[derive(Debug, Serialize)]
pub struct DefaultSplit {
    pub split_method: &'static str,
    /// The members ticked (their user ids).
    pub included: Vec<String>,
}

impl DefaultSplit {
    #[must_use]
    pub fn of(workspace: &crate::models::workspaces::Model, members: &[MemberResponse]) -> Self {
        if workspace.default_split == "equal" && members.len() > 1 {
            Self {
                split_method: "equal",
                included: members.iter().map(|m| m.user_id.clone()).collect(),
            }
        } else {
            Self {
                split_method: "none",
                included: Vec::new(),
            }
        }
    }
}

/// The add and edit forms' values: as sent, or from a saved expense.
#[derive(Debug, Serialize)]
pub struct ExpenseValues {
    pub amount: String,
    pub currency: String,
    pub rate: String,
    pub date: String,
    pub description: String,
    pub payee: Option<String>,
    pub notes: Option<String>,
    pub category_id: Option<String>,
    pub tags: String,
    pub paid_by: Option<String>,
    pub split_method: String,
    /// The members the split includes.
    pub included: Vec<String>,
    /// Each included member's share as entered, by member id.
    pub shares: std::collections::HashMap<String, String>,
    /// Filled from a receipt's text.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub prefilled: bool,
}

impl ExpenseValues {
    /// The edit form filled from a saved expense.
    #[must_use]
    pub fn of(expense: &ExpenseResponse) -> Self {
        let split = expense.split.as_ref();
        Self {
            amount: expense.original_amount.clone(),
            currency: expense.currency.clone(),
            rate: if expense.currency == expense.base_currency {
                String::new()
            } else {
                expense.rate.clone()
            },
            date: expense.date.clone(),
            description: expense.description.clone(),
            payee: expense.payee.clone(),
            notes: expense.notes.clone(),
            category_id: expense.category.as_ref().map(|c| c.id.clone()),
            tags: expense.tags.join(", "),
            paid_by: expense.paid_by.as_ref().map(|p| p.id.clone()),
            split_method: split.map_or("none", |s| s.method.as_str()).to_string(),
            included: split
                .map(|s| s.parts.iter().map(|p| p.member.id.clone()).collect())
                .unwrap_or_default(),
            shares: split
                .map(|s| {
                    s.parts
                        .iter()
                        .map(|p| (p.member.id.clone(), p.value.clone()))
                        .collect()
                })
                .unwrap_or_default(),
            prefilled: false,
        }
    }
}

/// The edit form: a table row under htmx, a page of its own (with the
/// receipts, to attach more) otherwise.
#[derive(Debug, Serialize)]
pub struct EditForm {
    pub expense_id: String,
    pub form: ExpenseValues,
    pub errors: serde_json::Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receipts: Option<ReceiptSection>,
}

/// The next rows of the list ("load more").
#[derive(Debug, Serialize)]
pub struct ExpenseRows {
    pub rows: Vec<ExpenseRow>,
    pub next: Option<String>,
    pub workspace: WorkspaceRef,
}

/// One row of the list (htmx swaps it).
#[derive(Debug, Serialize)]
pub struct OneRow {
    pub row: ExpenseRow,
    pub workspace: WorkspaceRef,
}

/// The row left in place of a deleted expense, offering to undo.
#[derive(Debug, Serialize)]
pub struct DeletedRow {
    pub workspace: WorkspaceRef,
    pub expense: DeletedExpense,
}

crate::page_schema!(CategoryList, CategoryResponse);
crate::page_schema!(RecurringList, RecurringResponse);
