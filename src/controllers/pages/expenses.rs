//! Expense pages: the list with filters, totals and pages
//! (`/w/{workspace_id}/expenses`), adding, inline editing (htmx swaps one
//! row; without JavaScript the edit page does the same), and deleting with
//! undo.

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
    models::{
        categories,
        expense_shares::{SplitParams, SplitPart},
        expenses::{self, ExpenseFilter, ExpenseParams, Sort},
        memberships, money, receipts,
        validation::FieldErrors,
    },
    policies::{
        EXPENSES_CREATE, EXPENSES_DELETE_ANY, EXPENSES_DELETE_OWN, EXPENSES_READ,
        EXPENSES_UPDATE_ANY, EXPENSES_UPDATE_OWN,
    },
    settings::Settings,
    views::{
        expenses::{
            csv_download, CategoryResponse, DeletedExpense, DeletedRow, EditForm, ExpenseFrame,
            ExpenseListPage, ExpenseResponse, ExpenseRow, ExpenseRows, ExpenseValues, NewExpense,
            OneRow, WorkspaceRef,
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
    let members = memberships::Model::list(&member.db, member.workspace.id).await?;
    let categories = categories::Model::list(&member.db, member.workspace.id).await?;
    Ok(ExpenseFrame {
        frame: workspaces::frame(ctx, member).await?,
        members: members.iter().map(MemberResponse::from).collect(),
        categories: categories.iter().map(CategoryResponse::from).collect(),
        sorts: Sort::ALL.map(Sort::as_str),
        receipt_max_file_mb: Settings::get(ctx)?.receipts.max_file_mb,
    })
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

async fn list_page(
    screen: &Screen<'_>,
    filter: &ExpenseFilter,
    extras: &ListExtras,
    status: StatusCode,
    sent: Option<(ExpenseValues, Value)>,
) -> Result<Response> {
    let member = screen.member;
    let listing = match expenses::Model::list(&member.db, &member.workspace, filter).await {
        Ok(listing) => listing,
        Err(err) => {
            // A filter that makes no sense: say so and show everything.
            let Some(errors) = FieldErrors::from_error(&err) else {
                return Err(err);
            };
            let everything = ExpenseFilter::default();
            let listing = expenses::Model::list(&member.db, &member.workspace, &everything).await?;
            return render_list(
                screen,
                filter,
                extras,
                &listing,
                StatusCode::UNPROCESSABLE_ENTITY,
                sent,
                Some(errors),
            )
            .await;
        }
    };
    render_list(screen, filter, extras, &listing, status, sent, None).await
}

async fn render_list(
    screen: &Screen<'_>,
    filter: &ExpenseFilter,
    extras: &ListExtras,
    listing: &expenses::Listing,
    status: StatusCode,
    sent: Option<(ExpenseValues, Value)>,
    filter_errors: Option<Value>,
) -> Result<Response> {
    let Screen {
        ctx,
        v,
        visitor,
        member,
    } = *screen;
    let filter_query = ExpenseFilter::query_string(filter);
    let next = listing.next_cursor.as_ref().map(|cursor| {
        let cursor = serde_urlencoded::to_string([("cursor", cursor)]).unwrap_or_default();
        format!("{}?{filter_query}&{cursor}", list_path(member))
    });
    let rows = rows(ctx, member, &listing.items).await?;
    if extras.partial.as_deref() == Some("rows") {
        let rows = ExpenseRows {
            rows,
            next,
            workspace: workspace_ref(member),
        };
        return format::render().view(v, "expenses/_rows.html", rows);
    }
    let undo = match extras.undo.as_deref() {
        Some(pid) => expenses::Model::find_in(&member.db, member.workspace.id, pid, true)
            .await
            .ok()
            .filter(|e| e.deleted_at.is_some())
            .map(|e| DeletedExpense {
                id: e.pid.to_string(),
                description: e.description,
            }),
        None => None,
    };
    let adding = sent.is_some();
    let (form, errors) = FormValues::sent_or(sent, || NewExpense {
        date: member.workspace.today().to_string(),
        currency: member.workspace.currency.clone(),
        paid_by: member.user().pid.to_string(),
        split_method: "none",
    });
    let context = InWorkspace {
        frame: frame(ctx, member).await?,
        page: ExpenseListPage {
            filter,
            filter_query,
            rows,
            next,
            count: listing.count,
            total: crate::views::expenses::format(listing.total_minor, &member.workspace.currency),
            undo,
            form,
            errors,
            adding,
            filter_errors,
        },
    };
    render(v, visitor, status, "expenses/index.html", &context)
}

#[debug_handler]
async fn index(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
    Query(filter): Query<ExpenseFilter>,
    Query(extras): Query<ListExtras>,
) -> Result<Response> {
    let screen = Screen {
        ctx: &ctx,
        v: &v,
        visitor: &visitor,
        member: &member,
    };
    list_page(&screen, &filter, &extras, StatusCode::OK, None).await
}

/// The add form as sent: urlencoded, or multipart when it carries
/// receipts (the files then come with it).
///
/// # Errors
/// With the fields read until then: a refused upload, or a body that is
/// not the form.
async fn submitted(
    ctx: &AppContext,
    headers: &HeaderMap,
    request: Request,
) -> std::result::Result<(ExpenseForm, Vec<receipts::Upload>), (Error, ExpenseForm)> {
    let as_form = |fields: &[(String, String)]| {
        serde_urlencoded::to_string(fields)
            .ok()
            .and_then(|encoded| serde_urlencoded::from_str::<ExpenseForm>(&encoded).ok())
            .unwrap_or_default()
    };
    let not_a_form = |err: String| Error::BadRequest(format!("The form could not be read: {err}"));
    let is_multipart = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if !is_multipart {
        return match Form::<ExpenseForm>::from_request(request, ctx).await {
            Ok(Form(form)) => Ok((form, Vec::new())),
            Err(err) => Err((not_a_form(err.body_text()), ExpenseForm::default())),
        };
    }
    let mut multipart = Multipart::from_request(request, ctx)
        .await
        .map_err(|err| (not_a_form(err.body_text()), ExpenseForm::default()))?;
    match receive(ctx, headers, &mut multipart).await {
        Ok(received) => Ok((as_form(&received.fields), received.files)),
        Err((err, received)) => Err((err, as_form(&received.fields))),
    }
}

/// The list again with the add form open, its values and what was wrong;
/// a refusal that names no field goes back to the list with its reason.
async fn add_form_again(screen: &Screen<'_>, form: &ExpenseForm, err: Error) -> Result<Response> {
    let Some(errors) = FieldErrors::from_error(&err) else {
        return back_with(screen.ctx, &list_path(screen.member), err);
    };
    list_page(
        screen,
        &ExpenseFilter::default(),
        &ListExtras::default(),
        StatusCode::UNPROCESSABLE_ENTITY,
        Some((form.echo(), errors)),
    )
    .await
}

/// Adds an expense from the form, with the receipts it carries. The files
/// are checked and stored before the write transaction; a file refused
/// brings the form back, but storage that cannot be reached does not stop
/// the expense: it is added and the message says to attach them later.
#[debug_handler]
async fn create(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    headers: HeaderMap,
    member: Member,
    request: Request,
) -> Result<Response> {
    let (form, files, stored) = {
        let screen = Screen {
            ctx: &ctx,
            v: &v,
            visitor: &visitor,
            member: &member,
        };
        let (form, files) = match submitted(&ctx, &headers, request).await {
            Ok(submitted) => submitted,
            Err((err, form)) => return add_form_again(&screen, &form, err).await,
        };
        let count = files.len();
        let stored = if files.is_empty() {
            Ok(Vec::new())
        } else {
            match receipts::Model::store(&ctx, &member.db, &member.workspace, files).await {
                Err(err) if FieldErrors::from_error(&err).is_some() => {
                    return add_form_again(&screen, &form, err).await
                }
                stored => stored,
            }
        };
        (form, count, stored)
    };
    let member = member.writing(&ctx).await?;
    let members = memberships::Model::list(&member.db, member.workspace.id).await?;
    let created = async {
        let tenant = member.tenant(&ctx).await?;
        Ok::<_, Error>(expenses::Model::record(&tenant, &form.params(&members)).await?)
    }
    .await;
    let screen = Screen {
        ctx: &ctx,
        v: &v,
        visitor: &visitor,
        member: &member,
    };
    let expense = match created {
        Ok(expense) => expense,
        Err(err) => return add_form_again(&screen, &form, err).await,
    };
    let (kind, message) = match stored {
        Ok(stored) => {
            let saved =
                receipts::Stored::attach(stored, &member.tenant(&ctx).await?, &expense).await?;
            let with = match saved.len() {
                0 => String::new(),
                1 => " with its receipt".to_string(),
                n => format!(" with {n} receipts"),
            };
            let to = list_path(&member);
            member.commit_change(&ctx).await?;
            let message = format!("Added \"{}\"{with}.", expense.description);
            return redirect_with(&to, "notice", &message, &ctx, &[]);
        }
        Err(err) => {
            let what = if files == 1 {
                "its receipt was"
            } else {
                "its receipts were"
            };
            let why = if receipts::is_unavailable(&err) {
                "receipt storage could not be reached".to_string()
            } else {
                refusal(&err).ok_or(err)?
            };
            (
                "alert",
                format!(
                    "Added \"{}\", but {what} not saved ({}). Attach again later from the expense's Receipts link.",
                    expense.description,
                    why.trim_end_matches('.')
                ),
            )
        }
    };
    let to = list_path(&member);
    member.commit_change(&ctx).await?;
    redirect_with(&to, kind, &message, &ctx, &[])
}

async fn one_row(ctx: &AppContext, member: &Member, expense: expenses::Model) -> Result<OneRow> {
    let detailed = expense.detailed(&member.db).await?;
    let row = rows(ctx, member, std::slice::from_ref(&detailed))
        .await?
        .pop()
        .ok_or(Error::NotFound)?;
    Ok(OneRow {
        row,
        workspace: workspace_ref(member),
    })
}

/// The edit form: one table row under htmx, a page of its own otherwise.
async fn edit_form(
    screen: &Screen<'_>,
    headers: &HeaderMap,
    expense_id: &str,
    status: StatusCode,
    form: ExpenseValues,
    errors: Value,
) -> Result<Response> {
    let mut context = InWorkspace {
        frame: frame(screen.ctx, screen.member).await?,
        page: EditForm {
            expense_id: expense_id.to_string(),
            form,
            errors,
            receipts: None,
        },
    };
    if is_htmx(headers) {
        format::render()
            .status(status)
            .view(screen.v, "expenses/_edit_row.html", context)
    } else {
        // The page of its own also lists the receipts, to attach more.
        let (member, ctx) = (screen.member, screen.ctx);
        let expense =
            expenses::Model::find_in(&member.db, member.workspace.id, expense_id, false).await?;
        context.page.receipts = Some(super::receipts::section(ctx, member, &expense).await?);
        let template = "expenses/edit.html";
        render(screen.v, screen.visitor, status, template, &context)
    }
}

/// The edit page's query: `prefill` names a receipt whose text fills the form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EditQuery {
    pub prefill: Option<String>,
}

/// The form with what a receipt's text said put in (the user checks and
/// saves it); unchanged when the receipt found nothing.
async fn prefilled(
    member: &Member,
    expense: &expenses::Model,
    receipt_id: &str,
    mut form: ExpenseValues,
) -> Result<ExpenseValues> {
    let receipt =
        receipts::Model::find_in(&member.db, member.workspace.id, expense.id, receipt_id).await?;
    if let Some(merchant) = receipt.ocr_merchant {
        form.description = merchant;
    }
    if let Some(total) = receipt.ocr_total_minor {
        // The total is read in the workspace's currency.
        form.amount = money::format_in(total, &member.workspace.currency);
        form.currency.clone_from(&member.workspace.currency);
        form.rate = String::new();
    }
    if let Some(date) = receipt.ocr_date {
        form.date = date.to_string();
    }
    Ok(form)
}

#[debug_handler]
async fn edit(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    headers: HeaderMap,
    member: Member,
    Path((_, expense_id)): Path<(String, String)>,
    Query(query): Query<EditQuery>,
) -> Result<Response> {
    let row = changeable(&ctx, &member, &expense_id, false, false).await?;
    let expense = row.clone().detailed(&member.db).await?;
    let mut form = ExpenseValues::of(&ExpenseResponse::new(&expense, &member.workspace.currency));
    if let Some(receipt_id) = &query.prefill {
        form = prefilled(&member, &row, receipt_id, form).await?;
        form.prefilled = true;
    }
    let screen = Screen {
        ctx: &ctx,
        v: &v,
        visitor: &visitor,
        member: &member,
    };
    edit_form(
        &screen,
        &headers,
        &expense_id,
        StatusCode::OK,
        form,
        Value::Object(serde_json::Map::new()),
    )
    .await
}

/// One row as shown in the list (htmx: cancelling an edit).
#[debug_handler]
async fn row(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    member: Member,
    Path((_, expense_id)): Path<(String, String)>,
) -> Result<Response> {
    let expense =
        expenses::Model::find_in(&member.db, member.workspace.id, &expense_id, false).await?;
    let data = one_row(&ctx, &member, expense).await?;
    format::render().view(&v, "expenses/_row.html", data)
}

#[debug_handler]
async fn update(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    headers: HeaderMap,
    member: Member,
    Path((_, expense_id)): Path<(String, String)>,
    Form(form): Form<ExpenseForm>,
) -> Result<Response> {
    let expense =
        expenses::Model::find_in(&member.db, member.workspace.id, &expense_id, false).await?;
    let members = memberships::Model::list(&member.db, member.workspace.id).await?;
    let updated = async {
        let tenant = member.tenant(&ctx).await?;
        Ok::<_, Error>(expense.revise(&tenant, &form.params(&members)).await?)
    }
    .await;
    match updated {
        Ok(updated) => {
            if is_htmx(&headers) {
                let data = one_row(&ctx, &member, updated).await?;
                member.commit_change(&ctx).await?;
                format::render().view(&v, "expenses/_row.html", data)
            } else {
                let to = list_path(&member);
                member.commit_change(&ctx).await?;
                redirect_with(
                    &to,
                    "notice",
                    &format!("Saved \"{}\".", updated.description),
                    &ctx,
                    &[],
                )
            }
        }
        Err(err) => {
            let Some(errors) = FieldErrors::from_error(&err) else {
                return Ok(for_htmx(
                    &headers,
                    back_with(&ctx, &list_path(&member), err)?,
                ));
            };
            let screen = Screen {
                ctx: &ctx,
                v: &v,
                visitor: &visitor,
                member: &member,
            };
            edit_form(
                &screen,
                &headers,
                &expense_id,
                StatusCode::UNPROCESSABLE_ENTITY,
                form.echo(),
                errors,
            )
            .await
        }
    }
}

#[debug_handler]
async fn destroy(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    headers: HeaderMap,
    member: Member,
    Path((_, expense_id)): Path<(String, String)>,
) -> Result<Response> {
    let expense =
        expenses::Model::find_in(&member.db, member.workspace.id, &expense_id, false).await?;
    expense.remove(&member.tenant(&ctx).await?).await?;
    let to = urls::expenses_undo(member.workspace.pid, expense.pid);
    let data = DeletedRow {
        workspace: workspace_ref(&member),
        expense: DeletedExpense {
            id: expense.pid.to_string(),
            description: expense.description.clone(),
        },
    };
    let undo_address = with_undo(&member, &headers, expense.pid);
    member.commit_change(&ctx).await?;
    if is_htmx(&headers) {
        // The page's address gains `undo=`: the live refresh that follows
        // this change re-reads the list with it, so the offer to undo
        // survives the row being replaced.
        format::render()
            .header("hx-replace-url", &undo_address)
            .view(&v, "expenses/_deleted_row.html", data)
    } else {
        format::redirect(&to)
    }
}

/// The list's address as the page shows it (its filter kept), offering to
/// undo the deletion of `deleted`.
fn with_undo(member: &Member, headers: &HeaderMap, deleted: Uuid) -> String {
    let current = headers
        .get("hx-current-url")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| url::Url::parse(v).ok());
    let mut pairs: Vec<(String, String)> = current
        .iter()
        .flat_map(|url| url.query_pairs().into_owned().collect::<Vec<_>>())
        .filter(|(key, _)| key != "undo" && key != "cursor" && key != "partial")
        .collect();
    pairs.push(("undo".to_string(), deleted.to_string()));
    format!(
        "{}?{}",
        list_path(member),
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    )
}

#[debug_handler]
async fn restore(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    headers: HeaderMap,
    member: Member,
    Path((_, expense_id)): Path<(String, String)>,
) -> Result<Response> {
    let expense =
        expenses::Model::find_in(&member.db, member.workspace.id, &expense_id, true).await?;
    let restored = expense.restore(&member.tenant(&ctx).await?).await?;
    if is_htmx(&headers) {
        let data = one_row(&ctx, &member, restored).await?;
        member.commit_change(&ctx).await?;
        format::render().view(&v, "expenses/_row.html", data)
    } else {
        let to = list_path(&member);
        member.commit_change(&ctx).await?;
        redirect_with(
            &to,
            "notice",
            &format!("\"{}\" is back.", restored.description),
            &ctx,
            &[],
        )
    }
}

/// The filtered list as a CSV file, the same as the API's.
#[debug_handler]
async fn export_csv(
    State(_ctx): State<AppContext>,
    member: Member,
    Query(filter): Query<ExpenseFilter>,
) -> Result<Response> {
    let found = expenses::Model::all_matching(&member.db, &member.workspace, &filter).await?;
    csv_download(&found, &member.workspace)
}

pub fn routes() -> Routes {
    let list = "/w/{workspace_id}/expenses";
    let one = "/w/{workspace_id}/expenses/{expense_id}";
    Routes::new()
        .add(list, requires(EXPENSES_READ, get(index)))
        // The add form may carry receipts.
        .add(list, requires_upload(EXPENSES_CREATE, post(create)))
        .add(
            "/w/{workspace_id}/expenses.csv",
            requires(EXPENSES_READ, get(export_csv)),
        )
        .add(one, requires(EXPENSES_READ, get(row)))
        // Changing needs any-or-own rights; the operation checks them
        // against the expense.
        .add(
            one,
            requires_either(EXPENSES_UPDATE_ANY, EXPENSES_UPDATE_OWN, post(update)),
        )
        .add(
            &format!("{one}/edit"),
            requires_either(EXPENSES_UPDATE_ANY, EXPENSES_UPDATE_OWN, get(edit)),
        )
        .add(
            &format!("{one}/delete"),
            requires_either(EXPENSES_DELETE_ANY, EXPENSES_DELETE_OWN, post(destroy)),
        )
        .add(
            &format!("{one}/restore"),
            requires_either(EXPENSES_DELETE_ANY, EXPENSES_DELETE_OWN, post(restore)),
        )
}
