//! Receipts on the API:
//! `/api/v1/workspaces/{workspace_id}/expenses/{expense_id}/receipts`.

use axum::{extract::Multipart, http::StatusCode};
use loco_rs::prelude::*;

use crate::{
    controllers::support::{
        access::{requires, requires_either, requires_upload_either, Member},
        uploads::{attach, file_of, remove},
    },
    models::{
        expenses,
        paging::{Page, PageQuery},
        receipts::{self, Variant},
    },
    policies::{EXPENSES_READ, EXPENSES_UPDATE_ANY, EXPENSES_UPDATE_OWN},
    views::receipts::{ReceiptList, ReceiptResponse},
};

/// The multipart body of an upload: one or more `file` parts.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct ReceiptUpload {
    /// A JPEG, PNG, WebP, HEIC or PDF file (checked by its content), at
    /// most `settings.receipts.max_file_mb` (10 MB by default); repeat the
    /// part for several files (up to 10).
    #[schema(value_type = Vec<String>, format = Binary)]
    file: Vec<u8>,
}

#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/expenses/{expense_id}/receipts",
    tag = "receipts",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), ("expense_id" = Uuid, Path, description = "The expense"), PageQuery),
    responses((status = 200, body = ReceiptList), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn list(
    State(_ctx): State<AppContext>,
    member: Member,
    Path((_, expense_id)): Path<(String, String)>,
    Query(page): Query<PageQuery>,
) -> Result<Response> {
    let expense =
        expenses::Model::find_in(&member.db, member.workspace.id, &expense_id, false).await?;
    let list = receipts::Model::of_expense(&member.db, member.workspace.id, expense.id).await?;
    let page = Page::of(list, &page, "receipts", |r| r.id)?;
    format::json(page.map(|r| ReceiptResponse::new(r, &member.workspace, &expense)))
}

#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/expenses/{expense_id}/receipts",
    tag = "receipts",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), ("expense_id" = Uuid, Path, description = "The expense")),
    request_body(content = ReceiptUpload, content_type = "multipart/form-data"),
    responses(
        (status = 201, body = [ReceiptResponse], description = "Stored; thumbnails and the text are made in the background (`status` becomes `ready`)"),
        (status = 402, description = "The plan's receipt storage is full"),
        (status = 403, description = "Your role does not allow it"),
        (status = 404, description = "No such thing in a workspace of yours"),
        (status = 413, description = "The body is larger than 10 files of the size limit, or the form has too many fields"),
        (status = 422, description = "Empty, too large (in bytes, or in pixels by an image's header) or not a JPEG, PNG, WebP, HEIC or PDF file, or past the workspace's storage; `errors.file` says which"),
        (status = 503, description = "Storage could not be reached: nothing was saved, try again later"),
        (status = 507, description = "Storage is full (`storage_full`): nothing was saved"),
    ),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn upload(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, expense_id)): Path<(String, String)>,
    mut multipart: Multipart,
) -> Result<Response> {
    let (member, expense, saved) = attach(&ctx, member, &expense_id, &mut multipart).await?;
    let body = ReceiptResponse::all(&saved, &member.workspace, &expense);
    member.commit_change(&ctx).await?;
    format::render().status(StatusCode::CREATED).json(body)
}

/// A receipt's bytes as uploaded (the document's name for them).
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
#[allow(dead_code)]
struct ReceiptFile(Vec<u8>);

#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/expenses/{expense_id}/receipts/{receipt_id}",
    tag = "receipts",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), ("expense_id" = Uuid, Path, description = "The expense"), ("receipt_id" = Uuid, Path, description = "The receipt")),
    responses(
        (status = 200, description = "The original file, streamed, as an attachment, of the type it was read as when uploaded", content(
            (ReceiptFile = "image/jpeg"),
            (ReceiptFile = "image/png"),
            (ReceiptFile = "image/webp"),
            (ReceiptFile = "image/heic"),
            (ReceiptFile = "application/pdf"),
        )),
        (status = 404, description = "No such thing in a workspace of yours"),
        (status = 503, description = "Storage could not be reached"),
    ),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn download(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, expense_id, receipt_id)): Path<(String, String, String)>,
) -> Result<Response> {
    file_of(&ctx, member, &expense_id, &receipt_id, Variant::Original).await
}

#[utoipa::path(
    delete,
    path = "/api/v1/workspaces/{workspace_id}/expenses/{expense_id}/receipts/{receipt_id}",
    tag = "receipts",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), ("expense_id" = Uuid, Path, description = "The expense"), ("receipt_id" = Uuid, Path, description = "The receipt")),
    responses((status = 204, description = "Removed; its files are deleted in the background"), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn destroy(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, expense_id, receipt_id)): Path<(String, String, String)>,
) -> Result<Response> {
    remove(&ctx, member, &expense_id, &receipt_id).await?;
    format::render().status(StatusCode::NO_CONTENT).empty()
}

pub fn routes() -> Routes {
    let list_path = "/workspaces/{workspace_id}/expenses/{expense_id}/receipts";
    let one = "/workspaces/{workspace_id}/expenses/{expense_id}/receipts/{receipt_id}";
    Routes::new()
        .prefix("/api/v1")
        .add(list_path, requires(EXPENSES_READ, get(list)))
        // Attaching and removing need any-or-own rights on the expense.
        .add(
            list_path,
            requires_upload_either(EXPENSES_UPDATE_ANY, EXPENSES_UPDATE_OWN, post(upload)),
        )
        .add(one, requires(EXPENSES_READ, get(download)))
        .add(
            one,
            requires_either(EXPENSES_UPDATE_ANY, EXPENSES_UPDATE_OWN, delete(destroy)),
        )
}
