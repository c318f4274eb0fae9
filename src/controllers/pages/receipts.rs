//! Receipt pages: attaching files to an expense (its edit page's form, with
//! drag and drop and the phone camera), the viewer, the images it shows,
//! downloading the original and removing. Reading the upload and answering
//! with a stored file are in `support::uploads`, shared with the API.

use axum::{extract::Multipart, http::StatusCode};
use loco_rs::prelude::*;

use super::{expenses::frame, render};
use crate::{
    controllers::support::{
        access::{requires, requires_either, requires_upload_either, Member},
        errors::back_with,
        render::redirect_with,
        uploads::{attach, file_of, find, remove},
        web_session::Visitor,
    },
    models::{
        expenses, money,
        receipts::{self, Variant},
    },
    policies::{EXPENSES_READ, EXPENSES_UPDATE_ANY, EXPENSES_UPDATE_OWN},
    settings::Settings,
    views::{
        page::InWorkspace,
        receipts::{
            ExpenseLink, ExpenseSummary, ReceiptPage, ReceiptResponse, ReceiptSection, ReceiptsPage,
        },
        urls,
    },
};

fn edit_path(member: &Member, expense_id: &str) -> String {
    urls::expense_edit_receipts(member.workspace.pid, expense_id)
}

/// The edit page's section: the expense's receipts and what the page may
/// offer (`may_attach`, `reads_text`), and whether one is `processing`.
///
/// # Errors
/// On database errors.
pub async fn section(
    ctx: &AppContext,
    member: &Member,
    expense: &expenses::Model,
) -> Result<ReceiptSection> {
    let found = receipts::Model::of_expense(&member.db, member.workspace.id, expense.id).await?;
    let list = ReceiptResponse::all(&found, &member.workspace, expense);
    let may_attach = member
        .may_change(
            ctx,
            expense.created_by_id,
            EXPENSES_UPDATE_ANY,
            EXPENSES_UPDATE_OWN,
        )
        .await?;
    // While one is being processed the section reloads itself.
    let processing = list.iter().any(|r| r.status == receipts::PROCESSING);
    Ok(ReceiptSection {
        list,
        processing,
        may_attach,
        reads_text: receipts::tools(ctx)?.ocr,
        max_file_mb: Settings::get(ctx)?.receipts.max_file_mb,
    })
}

#[debug_handler]
async fn upload(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    member: Member,
    Path((_, expense_id)): Path<(String, String)>,
    mut multipart: Multipart,
) -> Result<Response> {
    let back = edit_path(&member, &expense_id);
    match attach(&ctx, member, &expense_id, &mut multipart).await {
        Ok((member, _, saved)) => {
            member.commit_change(&ctx).await?;
            let message = visitor
                .lang
                .text_with("receipt-attached", &[("count", saved.len().into())]);
            redirect_with(&back, "notice", &message, &ctx, &[])
        }
        Err(err) => back_with(&ctx, visitor.lang, &back, err),
    }
}

/// An expense's receipts, with the form to attach more.
#[debug_handler]
async fn index(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
    Path((_, expense_id)): Path<(String, String)>,
) -> Result<Response> {
    let expense =
        expenses::Model::find_in(&member.db, member.workspace.id, &expense_id, false).await?;
    let context = InWorkspace {
        frame: frame(&ctx, &member).await?,
        page: ReceiptsPage {
            receipts: section(&ctx, &member, &expense).await?,
            expense: ExpenseSummary {
                description: expense.description,
                date: expense.spent_on,
                amount: money::format_in(expense.amount_minor, &member.workspace.currency),
            },
            expense_id,
        },
    };
    render(
        &v,
        &visitor,
        StatusCode::OK,
        "receipts/index.html",
        &context,
    )
}

/// The viewer: the preview, the details, download and remove.
#[debug_handler]
async fn show(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
    Path((_, expense_id, receipt_id)): Path<(String, String, String)>,
) -> Result<Response> {
    let (expense, receipt) = find(&member, &expense_id, &receipt_id).await?;
    let section = section(&ctx, &member, &expense).await?;
    let context = InWorkspace {
        frame: frame(&ctx, &member).await?,
        page: ReceiptPage {
            receipt: ReceiptResponse::new(&receipt, &member.workspace, &expense),
            has_preview: receipt.has_preview,
            may_attach: section.may_attach,
            reads_text: section.reads_text,
            expense: ExpenseLink {
                id: expense.pid.to_string(),
                description: expense.description,
            },
        },
    };
    render(&v, &visitor, StatusCode::OK, "receipts/show.html", &context)
}

#[debug_handler]
async fn original(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, expense_id, receipt_id)): Path<(String, String, String)>,
) -> Result<Response> {
    file_of(&ctx, member, &expense_id, &receipt_id, Variant::Original).await
}

#[debug_handler]
async fn thumbnail(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, expense_id, receipt_id)): Path<(String, String, String)>,
) -> Result<Response> {
    file_of(&ctx, member, &expense_id, &receipt_id, Variant::Thumbnail).await
}

#[debug_handler]
async fn preview(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, expense_id, receipt_id)): Path<(String, String, String)>,
) -> Result<Response> {
    file_of(&ctx, member, &expense_id, &receipt_id, Variant::Preview).await
}

#[debug_handler]
async fn destroy(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    member: Member,
    Path((_, expense_id, receipt_id)): Path<(String, String, String)>,
) -> Result<Response> {
    let back = edit_path(&member, &expense_id);
    match remove(&ctx, member, &expense_id, &receipt_id).await {
        Ok(()) => {
            let message = visitor.lang.text("receipt-removed");
            redirect_with(&back, "notice", &message, &ctx, &[])
        }
        Err(err) => back_with(&ctx, visitor.lang, &back, err),
    }
}

pub fn routes() -> Routes {
    let list = "/w/{workspace_id}/expenses/{expense_id}/receipts";
    let one = "/w/{workspace_id}/expenses/{expense_id}/receipts/{receipt_id}";
    Routes::new()
        // Changing needs any-or-own rights, checked against the expense.
        .add(list, requires(EXPENSES_READ, get(index)))
        .add(
            list,
            requires_upload_either(EXPENSES_UPDATE_ANY, EXPENSES_UPDATE_OWN, post(upload)),
        )
        .add(one, requires(EXPENSES_READ, get(show)))
        .add(
            &format!("{one}/file"),
            requires(EXPENSES_READ, get(original)),
        )
        .add(
            &format!("{one}/thumbnail"),
            requires(EXPENSES_READ, get(thumbnail)),
        )
        .add(
            &format!("{one}/preview"),
            requires(EXPENSES_READ, get(preview)),
        )
        .add(
            &format!("{one}/delete"),
            requires_either(EXPENSES_UPDATE_ANY, EXPENSES_UPDATE_OWN, post(destroy)),
        )
}
