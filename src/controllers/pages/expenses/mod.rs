//! Expense pages: the list with filters, totals and pages
//! (`/w/{workspace_id}/expenses`), adding, inline editing (htmx swaps one
//! row; without JavaScript the edit page does the same), and deleting with
//! undo.

mod change;
mod list;

use std::collections::HashMap;

use axum::{
    extract::{FromRequest, Multipart, Request},
    http::{header, HeaderMap, StatusCode},
};
use loco_rs::prelude::*;
use serde::Deserialize;
use serde_json::Value;

use super::{render, workspaces};
use crate::{
    controllers::support::{
        access::{changeable, requires, requires_either, requires_upload, Member},
        errors::{back_with, refusal},
        render::{for_htmx, redirect_with},
        uploads::receive,
        web_session::Visitor,
    },
    i18n::Lang,
    models::{
        categories,
        expense_shares::{SplitParams, SplitPart},
        expenses::{self, ExpenseFilter, ExpenseParams, Sort},
        idempotency_keys, memberships, money, receipts,
        validation::FieldErrors,
    },
    policies::{
        EXPENSES_CREATE, EXPENSES_DELETE_ANY, EXPENSES_DELETE_OWN, EXPENSES_READ,
        EXPENSES_UPDATE_ANY, EXPENSES_UPDATE_OWN,
    },
    settings::Settings,
    views::{
        expenses::{
            csv_download, AddExpensePage, CategoryResponse, DefaultSplit, DeletedExpense,
            DeletedRow, EditForm, ExpenseFrame, ExpenseListPage, ExpenseResponse, ExpenseRow,
            ExpenseRows, ExpenseValues, NewExpense, OneRow, WorkspaceRef,
        },
        page::{FormValues, InWorkspace},
        urls,
        workspaces::MemberResponse,
    },
};

/// The add and edit forms as a browser sends them. Splits come as
/// `include_{member id}=on` and `share_{member id}=value` pairs.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ExpenseForm {
    pub amount: String,
    pub currency: String,
    pub rate: String,
    pub date: String,
    pub description: String,
    pub payee: String,
    pub notes: String,
    pub category_id: String,
    /// Comma-separated.
    pub tags: String,
    pub paid_by: String,
    /// `none`, `equal`, `shares`, `percent` or `exact`.
    pub split_method: String,
    /// `new`: sent from the add page, which shows again if refused (else
    /// the list does, with its add form open).
    pub from: String,
    #[serde(flatten)]
    pub members: HashMap<String, String>,
}

impl ExpenseForm {
    pub(crate) fn params(&self, members: &[memberships::Member]) -> ExpenseParams {
        let parts = members
            .iter()
            .filter_map(|m| {
                let id = m.user.pid.to_string();
                self.members
                    .contains_key(&format!("include_{id}"))
                    .then(|| SplitPart {
                        value: self.members.get(&format!("share_{id}")).cloned(),
                        member: id,
                    })
            })
            .collect();
        let method = match self.split_method.trim() {
            "" => "none",
            method => method,
        };
        ExpenseParams {
            amount: Some(self.amount.clone()),
            date: Some(self.date.clone()),
            description: Some(self.description.clone()),
            payee: Some(self.payee.clone()),
            notes: Some(self.notes.clone()),
            category_id: Some(self.category_id.clone()),
            tags: Some(self.tags.split(',').map(str::to_string).collect()),
            paid_by: Some(self.paid_by.clone()),
            currency: Some(self.currency.clone()),
            rate: Some(self.rate.clone()),
            split: Some(SplitParams {
                method: method.to_string(),
                parts,
            }),
            notation: money::Notation::Typed,
        }
    }

    /// The form as sent, to show again beside its errors.
    pub(crate) fn echo(&self) -> ExpenseValues {
        ExpenseValues {
            amount: self.amount.clone(),
            currency: self.currency.clone(),
            rate: self.rate.clone(),
            date: self.date.clone(),
            description: self.description.clone(),
            payee: Some(self.payee.clone()),
            notes: Some(self.notes.clone()),
            category_id: Some(self.category_id.clone()),
            tags: self.tags.clone(),
            paid_by: Some(self.paid_by.clone()),
            split_method: self.split_method.clone(),
            included: self
                .members
                .keys()
                .filter_map(|k| k.strip_prefix("include_"))
                .map(str::to_string)
                .collect(),
            shares: self
                .members
                .iter()
                .filter_map(|(k, v)| Some((k.strip_prefix("share_")?.to_string(), v.clone())))
                .collect(),
            prefilled: false,
        }
    }
}

/// A part of a page (rows, one row, the inline edit form) for htmx: rendered
/// without the page's frame, so the context names the language its texts,
/// amounts and dates are written in.
fn partial<T: serde::Serialize>(
    v: &TeraView,
    lang: Lang,
    status: StatusCode,
    template: &str,
    data: &T,
) -> Result<Response> {
    let mut data = serde_json::to_value(data)?;
    if let Value::Object(map) = &mut data {
        map.insert("lang".to_string(), Value::from(lang.code()));
    }
    format::render().status(status).view(v, template, data)
}

/// Whether the list is in date order (newest or oldest first, the default):
/// then its rows are grouped under their days.
fn by_day(filter: &ExpenseFilter) -> bool {
    !matches!(
        filter.sort.as_deref().map(str::trim),
        Some("largest" | "smallest")
    )
}

fn is_htmx(headers: &HeaderMap) -> bool {
    headers.contains_key("hx-request")
}

fn list_path(member: &Member) -> String {
    urls::expenses(member.workspace.pid)
}

fn workspace_ref(member: &Member) -> WorkspaceRef {
    WorkspaceRef {
        id: member.workspace.pid.to_string(),
    }
}

/// What every expense page shows around its content: the workspace frame
/// and the choices the expense forms offer.
pub(crate) async fn frame(ctx: &AppContext, member: &Member) -> Result<ExpenseFrame> {
    let members: Vec<MemberResponse> = memberships::Model::list(&member.db, member.workspace.id)
        .await?
        .iter()
        .map(MemberResponse::from)
        .collect();
    let categories: Vec<CategoryResponse> =
        categories::Model::list(&member.db, member.workspace.id)
            .await?
            .iter()
            .map(CategoryResponse::from)
            .collect();
    Ok(ExpenseFrame {
        frame: workspaces::frame_with(ctx, member, Some((&members, &categories))).await?,
        members,
        categories,
        sorts: Sort::ALL.map(Sort::as_str),
        receipt_max_file_mb: Settings::get(ctx)?.receipts.max_file_mb,
    })
}

/// A blank add form for this member.
fn new_expense(member: &Member, frame: &ExpenseFrame) -> NewExpense {
    NewExpense {
        date: member.workspace.today().to_string(),
        currency: member.workspace.currency.clone(),
        paid_by: member.user().pid.to_string(),
        split: DefaultSplit::of(&member.workspace, &frame.members),
    }
}

/// The rows as shown, each with what this member may do to it.
async fn rows(
    ctx: &AppContext,
    member: &Member,
    expenses: &[expenses::Expense],
) -> Result<Vec<ExpenseRow>> {
    let update_any = member.may(ctx, EXPENSES_UPDATE_ANY).await?;
    let update_own = member.may(ctx, EXPENSES_UPDATE_OWN).await?;
    let delete_any = member.may(ctx, EXPENSES_DELETE_ANY).await?;
    let delete_own = member.may(ctx, EXPENSES_DELETE_OWN).await?;
    let me = member.user().id;
    let ids: Vec<i64> = expenses.iter().map(|e| e.row.id).collect();
    let receipts = receipts::Model::counts(&member.db, member.workspace.id, &ids).await?;
    Ok(expenses
        .iter()
        .map(|e| {
            let mine = e.row.created_by_id == Some(me);
            ExpenseRow::new(
                ExpenseResponse::new(e, &member.workspace.currency),
                update_any || (mine && update_own),
                delete_any || (mine && delete_own),
                receipts.get(&e.row.id).copied().unwrap_or(0),
            )
        })
        .collect())
}

/// What the list page takes beside the filter.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListExtras {
    /// `rows`: only the next rows, for "load more".
    pub partial: Option<String>,
    /// An expense just deleted, to offer its undo (without JavaScript).
    pub undo: Option<String>,
}

/// What rendering a page for this request needs.
struct Screen<'a> {
    ctx: &'a AppContext,
    v: &'a TeraView,
    visitor: &'a Visitor,
    member: &'a Member,
}

pub fn routes() -> Routes {
    let list = "/w/{workspace_id}/expenses";
    let one = "/w/{workspace_id}/expenses/{expense_id}";
    Routes::new()
        .add(list, requires(EXPENSES_READ, get(list::index)))
        .add(
            "/w/{workspace_id}/expenses/new",
            requires(EXPENSES_CREATE, get(list::add_page)),
        )
        // The add form may carry receipts.
        .add(list, requires_upload(EXPENSES_CREATE, post(list::create)))
        .add(
            "/w/{workspace_id}/expenses.csv",
            requires(EXPENSES_READ, get(list::export_csv)),
        )
        .add(one, requires(EXPENSES_READ, get(change::row)))
        // Changing needs any-or-own rights; the operation checks them
        // against the expense.
        .add(
            one,
            requires_either(
                EXPENSES_UPDATE_ANY,
                EXPENSES_UPDATE_OWN,
                post(change::update),
            ),
        )
        .add(
            &format!("{one}/edit"),
            requires_either(EXPENSES_UPDATE_ANY, EXPENSES_UPDATE_OWN, get(change::edit)),
        )
        .add(
            &format!("{one}/delete"),
            requires_either(
                EXPENSES_DELETE_ANY,
                EXPENSES_DELETE_OWN,
                post(change::destroy),
            ),
        )
        .add(
            &format!("{one}/restore"),
            requires_either(
                EXPENSES_DELETE_ANY,
                EXPENSES_DELETE_OWN,
                post(change::restore),
            ),
        )
}
