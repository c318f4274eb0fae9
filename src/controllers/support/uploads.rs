//! Files in and out: reading a multipart upload while it streams (the
//! add-expense form, the receipt pages and the API), attaching and removing
//! an expense's receipts, and answering with a stored file.

use axum::{
    body::Body,
    extract::Multipart,
    http::{header, StatusCode},
};
use loco_rs::{prelude::*, storage::stream::BytesStream};

use super::access::{changeable, Member};
use crate::{
    models::{
        expenses,
        receipts::{self, Stored, Upload, Variant},
        validation::FieldErrors,
    },
    settings::Settings,
};

/// Most files one upload may carry.
pub const MAX_FILES: usize = 10;

/// What a multipart form brought: its text fields and its files.
#[derive(Default)]
pub struct Received {
    pub fields: Vec<(String, String)>,
    pub files: Vec<Upload>,
}

/// Reads a multipart form (already in memory: see `limits::read_first`):
/// its `file` parts, refusing a file past the size limit, and its other
/// fields as text, refusing a field too long and a form of too many fields
/// (`limits.form_fields`, `limits.form_field_kb`).
///
/// # Errors
/// With what was read until then: 422 naming `file` for a file too large,
/// too many files or a broken upload, or naming the field too long.
// Stays whole (over 80 lines): one loop over the multipart stream; each part
// is read, and refused, as it arrives.
pub async fn receive(
    ctx: &AppContext,
    multipart: &mut Multipart,
) -> std::result::Result<Received, (Error, Received)> {
    let mut received = Received::default();
    let settings = match Settings::get(ctx) {
        Ok(settings) => settings,
        Err(err) => return Err((err, received)),
    };
    let max = settings.receipts.max_file_bytes();
    let max_fields = settings.limits.form_fields as usize;
    let mut fields = 0;
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
        fields += 1;
        if fields > max_fields {
            let err = Error::CustomError(
                StatusCode::PAYLOAD_TOO_LARGE,
                loco_rs::controller::ErrorDetail::new(
                    "too_many_fields",
                    format!("The form has more than {max_fields} fields."),
                ),
            );
            return Err((err, received));
        }
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
            let limit = settings.limits.form_field_bytes();
            (limit, refused(&name, "is too long".to_string()))
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
    member: Member,
    expense_id: &str,
    multipart: &mut Multipart,
) -> Result<(Member, expenses::Model, Vec<receipts::Model>)> {
    // Rights first: nobody uploads megabytes to be told no.
    changeable(ctx, &member, expense_id, false, false).await?;
    let uploads = receive(ctx, multipart).await.map_err(|(err, _)| err)?.files;
    let stored = receipts::Model::store(ctx, &member.db, &member.workspace, uploads).await?;
    let member = member.writing(ctx).await?;
    let expense =
        expenses::Model::find_in(&member.db, member.workspace.id, expense_id, false).await?;
    let saved = Stored::attach(stored, &member.tenant(ctx).await?, &expense).await?;
    Ok((member, expense, saved))
}

/// A receipt the path names, of an expense of this workspace.
///
/// # Errors
/// 404 when either is not here.
pub async fn find(
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
    let (expense, receipt) = find(&member, expense_id, receipt_id).await?;
    receipt.remove(&member.tenant(ctx).await?, &expense).await?;
    member.commit_change(ctx).await
}
