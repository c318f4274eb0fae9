//! Receipt pages: attaching files to an expense (its edit page's form, with
//! drag and drop and the phone camera), the viewer, the images it shows,
//! downloading the original and removing. Shared with the API: reading an
//! upload while it streams, and answering with a stored file.

use axum::{
    body::Body,
    extract::Multipart,
    http::{header, HeaderMap, StatusCode},
};
use loco_rs::{prelude::*, storage::stream::BytesStream};
use serde_json::json;

use super::{
    access::{requires, requires_upload, Member},
    expenses::{changeable, frame},
    middleware::web_session::Visitor,
    render::{back_with, merged, page, redirect_with},
};
use crate::{
    models::{
        expenses, money,
        receipts::{self, Stored, Upload, Variant},
        validation::FieldErrors,
    },
    policies::{EXPENSES_READ, EXPENSES_UPDATE_ANY, EXPENSES_UPDATE_OWN},
    settings::Settings,
    views::receipts::ReceiptResponse,
};

/// Most files one upload may carry.
pub const MAX_FILES: usize = 10;
/// Room for the multipart framing and the other form fields.
const FRAMING_BYTES: u64 = 64 * 1024;

/// What a multipart form brought: its text fields and its files.
#[derive(Default)]
pub struct Received {
    pub fields: Vec<(String, String)>,
    pub files: Vec<Upload>,
}

/// The longest text field of a multipart form.
const TEXT_FIELD_BYTES: usize = 64 * 1024;

/// Reads a multipart form as it streams in: its `file` parts, refusing a
/// file as soon as it passes the size limit (so no more than the limit is
/// ever held), and its other fields as text. A body announced larger than
/// `MAX_FILES` such files is refused before any of it is read.
///
/// # Errors
/// With what was read until then: 413 for an announced body too large; 422
/// naming `file` for a file too large, too many files or a broken upload.
pub async fn receive(
    ctx: &AppContext,
    headers: &HeaderMap,
    multipart: &mut Multipart,
) -> std::result::Result<Received, (Error, Received)> {
    let mut received = Received::default();
    let settings = match Settings::get(ctx) {
        Ok(settings) => settings,
        Err(err) => return Err((err, received)),
    };
    let max = settings.receipts.max_file_bytes();
    let announced = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|len| len > (max as u64 + FRAMING_BYTES) * MAX_FILES as u64) {
        let err = Error::CustomError(
            StatusCode::PAYLOAD_TOO_LARGE,
            loco_rs::controller::ErrorDetail::new(
                "too_large",
                format!(
                    "The upload is too large: at most {MAX_FILES} files of {} MB each.",
                    settings.receipts.max_file_mb
                ),
            ),
        );
        return Err((err, received));
    }
    let refused = |field: &str, message: String| Error::from(FieldErrors::one(field, message));
    let broken = |err: &axum::extract::multipart::MultipartError| {
        refused(
            "file",
            format!("could not be received: {}", err.body_text()),
        )
    };
    loop {
        let mut field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(err) => return Err((broken(&err), received)),
        };
        let name = field.name().unwrap_or_default().to_string();
        let filename = field.file_name().unwrap_or_default().to_string();
        let (limit, too_long) = if name == "file" {
            let message = format!(
                "\"{}\" is larger than {} MB",
                filename.trim(),
                settings.receipts.max_file_mb
            );
            (max, refused("file", message))
        } else {
            (TEXT_FIELD_BYTES, refused(&name, "is too long".to_string()))
        };
        let mut bytes = Vec::new();
        loop {
            match field.chunk().await {
                Ok(Some(chunk)) if bytes.len() + chunk.len() > limit => {
                    return Err((too_long, received));
                }
                Ok(Some(chunk)) => bytes.extend_from_slice(&chunk),
                Ok(None) => break,
                Err(err) => return Err((broken(&err), received)),
            }
        }
        if name != "file" {
            received
                .fields
                .push((name, String::from_utf8_lossy(&bytes).into_owned()));
            continue;
        }
        // A form sent with no file chosen has one empty, unnamed part.
        if filename.is_empty() && bytes.is_empty() {
            continue;
        }
        if received.files.len() == MAX_FILES {
            let err = refused("file", format!("can be at most {MAX_FILES} files at once"));
            return Err((err, received));
        }
        received.files.push(Upload {
            filename,
            bytes: bytes.into(),
        });
    }
    Ok(received)
}

/// Receives, checks, stores and records the files of an upload to the
/// expense the path names, then queues their processing. The files are in
/// storage before the request writes to the database.
///
/// # Errors
/// As [`receive`], [`receipts::Model::store`]; 403/404 for the expense.
pub async fn attach(
    ctx: &AppContext,
    headers: &HeaderMap,
    member: Member,
    expense_id: &str,
    multipart: &mut Multipart,
) -> Result<(Member, expenses::Model, Vec<receipts::Model>)> {
    // Rights first: nobody uploads megabytes to be told no.
    changeable(ctx, &member, expense_id, false, false).await?;
    let uploads = receive(ctx, headers, multipart)
        .await
        .map_err(|(err, _)| err)?
        .files;
    let stored = receipts::Model::store(ctx, &member.db, &member.workspace, uploads).await?;
    let member = member.writing(ctx).await?;
    let expense = changeable(ctx, &member, expense_id, false, false).await?;
    let saved = Stored::record(stored, &member.db, &expense, &member.actor()).await?;
    Ok((member, expense, saved))
}

/// Commits the change that recorded `saved`, then queues their processing
/// (the job must find the rows).
///
/// # Errors
/// On database errors, or when the queue cannot be written.
pub async fn commit_attached(
    ctx: &AppContext,
    member: Member,
    saved: &[receipts::Model],
) -> Result<()> {
    member.commit_change(ctx).await?;
    for receipt in saved {
        receipt.process_later(ctx).await?;
    }
    Ok(())
}

/// A receipt the path names, of an expense of this workspace.
///
/// # Errors
/// 404 when either is not here.
async fn find(
    member: &Member,
    expense_id: &str,
    receipt_id: &str,
) -> Result<(expenses::Model, receipts::Model)> {
    let expense =
        expenses::Model::find_in(&member.db, member.workspace.id, expense_id, false).await?;
    let receipt =
        receipts::Model::find_in(&member.db, member.workspace.id, expense.id, receipt_id).await?;
    Ok((expense, receipt))
}

/// `filename` as a `Content-Disposition` value: an ASCII fallback and the
/// exact name (RFC 6266), so no name can break out of the header.
fn disposition(kind: &str, filename: &str) -> String {
    let ascii: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = filename
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("{kind}; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// Answers with one of a receipt's stored files, streamed from storage:
/// the original as a download, the images inline. Browsers are told not
/// to guess the type and not to keep it in shared caches.
///
/// # Errors
/// 404 for an image not made; 503 when storage fails.
async fn send_file(
    ctx: &AppContext,
    receipt: &receipts::Model,
    variant: Variant,
) -> Result<Response> {
    let stream: BytesStream = receipt.open(ctx, variant).await?;
    let (content_type, disposition) = match variant {
        Variant::Original => (
            receipt.content_type.as_str(),
            disposition("attachment", &receipt.filename),
        ),
        Variant::Thumbnail | Variant::Preview => ("image/jpeg", "inline".to_string()),
    };
    let mut response = format::render()
        .header(header::CONTENT_TYPE, content_type)
        .header(header::CONTENT_DISPOSITION, disposition.as_str())
        .header(header::CACHE_CONTROL, "private, max-age=300")
        .header("x-content-type-options", "nosniff")
        .response();
    if variant == Variant::Original {
        response = response.header(header::CONTENT_LENGTH, receipt.size_bytes);
    }
    response
        .body(Body::from_stream(stream))
        .map_err(|err| Error::string(&err.to_string()))
}

fn edit_path(member: &Member, expense_id: &str) -> String {
    format!(
        "/w/{}/expenses/{expense_id}/edit#receipts",
        member.workspace.pid
    )
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
) -> Result<serde_json::Value> {
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
    Ok(json!({
        "list": list,
        "processing": processing,
        "may_attach": may_attach,
        "reads_text": receipts::tools(ctx)?.ocr,
        "max_file_mb": Settings::get(ctx)?.receipts.max_file_mb,
    }))
}

#[debug_handler]
async fn upload(
    State(ctx): State<AppContext>,
    headers: HeaderMap,
    member: Member,
    Path((_, expense_id)): Path<(String, String)>,
    mut multipart: Multipart,
) -> Result<Response> {
    let back = edit_path(&member, &expense_id);
    match attach(&ctx, &headers, member, &expense_id, &mut multipart).await {
        Ok((member, _, saved)) => {
            commit_attached(&ctx, member, &saved).await?;
            let message = if saved.len() == 1 {
                "Receipt attached.".to_string()
            } else {
                format!("{} receipts attached.", saved.len())
            };
            redirect_with(&back, "notice", &message, &ctx, &[])
        }
        Err(err) => back_with(&ctx, &back, err),
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
    let data = merged(
        frame(&ctx, &member).await?,
        json!({
            "expense_id": expense_id,
            "expense": {
                "description": expense.description,
                "date": expense.spent_on,
                "amount": money::format_in(expense.amount_minor, &member.workspace.currency),
            },
            "receipts": section(&ctx, &member, &expense).await?,
        }),
    );
    page(&v, &visitor, StatusCode::OK, "receipts/index.html", data)
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
    let data = merged(
        frame(&ctx, &member).await?,
        json!({
            "expense": { "id": expense.pid, "description": expense.description },
            "receipt": ReceiptResponse::new(&receipt, &member.workspace, &expense),
            "has_preview": receipt.has_preview,
            "may_attach": section["may_attach"],
            "reads_text": section["reads_text"],
        }),
    );
    page(&v, &visitor, StatusCode::OK, "receipts/show.html", data)
}

/// One of the stored files of the receipt the path names, after the
/// membership check (the transaction ends before storage is read).
///
/// # Errors
/// 404 when the receipt or the file is not here; 503 when storage fails.
pub async fn file_of(
    ctx: &AppContext,
    member: Member,
    expense_id: &str,
    receipt_id: &str,
    variant: Variant,
) -> Result<Response> {
    let (_, receipt) = find(&member, expense_id, receipt_id).await?;
    member.commit().await?;
    send_file(ctx, &receipt, variant).await
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

/// Removes a receipt; its files are deleted by a job.
///
/// # Errors
/// 403/404 for the expense or receipt; database errors.
pub async fn remove(
    ctx: &AppContext,
    member: Member,
    expense_id: &str,
    receipt_id: &str,
) -> Result<()> {
    let expense = changeable(ctx, &member, expense_id, false, false).await?;
    let receipt =
        receipts::Model::find_in(&member.db, member.workspace.id, expense.id, receipt_id).await?;
    let keys = receipt
        .remove(&member.db, &expense, &member.actor())
        .await?;
    member.commit_change(ctx).await?;
    receipts::delete_files_later(ctx, keys).await
}

#[debug_handler]
async fn destroy(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, expense_id, receipt_id)): Path<(String, String, String)>,
) -> Result<Response> {
    let back = edit_path(&member, &expense_id);
    match remove(&ctx, member, &expense_id, &receipt_id).await {
        Ok(()) => redirect_with(&back, "notice", "Receipt removed.", &ctx, &[]),
        Err(err) => back_with(&ctx, &back, err),
    }
}

pub fn routes() -> Routes {
    let list = "/w/{workspace_id}/expenses/{expense_id}/receipts";
    let one = "/w/{workspace_id}/expenses/{expense_id}/receipts/{receipt_id}";
    Routes::new()
        // Changing needs any-or-own rights, checked against the expense.
        .add(list, requires(EXPENSES_READ, get(index)))
        .add(list, requires_upload(EXPENSES_READ, post(upload)))
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
            requires(EXPENSES_READ, post(destroy)),
        )
}
