//! Receipts: files attached to expenses, kept in object storage (an
//! S3-compatible bucket) or on local disk, through Loco's storage.
//!
//! 1. [`Model::store`] checks each file by its content (a JPEG, PNG, WebP,
//!    HEIC or PDF, not empty, within the size and the workspace's quota)
//!    and stores it under `{workspace}/receipts/{uuid}`; [`Stored::attach`]
//!    then records it in the request's write transaction.
//! 2. [`process`] (a background job) makes a thumbnail and a preview from
//!    the pixels only, so a photo's GPS position and other metadata are
//!    never shown, and reads the receipt's text when Tesseract is there.
//! 3. Files go in jobs that retry until storage answers: a removed receipt's
//!    at once ([`delete_files`]); a deleted expense's once its undo has
//!    expired, and anything stored without a row, by the hourly [`sweep`];
//!    a deleted workspace's with it ([`remove_workspace_files`]).
//!
//! Files are reached only through the app, after a membership check.

pub mod files;
mod jobs;
pub mod ocr;

use crate::models::ids::WorkspaceId;
use std::{collections::HashMap, path::Path, sync::Arc};

use axum::http::StatusCode;
use bytes::Bytes;
use loco_rs::{controller::ErrorDetail, prelude::*, storage::stream::BytesStream};
use sea_orm::QuerySelect;
use serde_json::json;

pub use super::_entities::receipts::{self, ActiveModel, Entity, Model};
use super::{
    _entities::{expenses, workspaces},
    audit_events::{self, Event},
    billing::Limits,
    effects::Effect,
    errors::DomainResult,
    money,
    tenancy::{self, Tenant},
    validation::FieldErrors,
};
use crate::{
    policies::{EXPENSES_UPDATE_ANY, EXPENSES_UPDATE_OWN},
    settings::Settings,
    workers::Job,
};
pub use files::Kind;
pub use jobs::{delete_files, process, remove_workspace_files, sweep, Swept};

pub const PROCESSING: &str = "processing";
pub const READY: &str = "ready";
pub const FAILED: &str = "failed";

impl ActiveModelBehavior for ActiveModel {}

impl TenantEntity for Entity {
    type TenantId = WorkspaceId;

    fn tenant_column() -> receipts::Column {
        receipts::Column::WorkspaceId
    }
}

/// Which stored file of a receipt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// The file as uploaded.
    Original,
    /// A small JPEG for lists.
    Thumbnail,
    /// A JPEG for the viewer.
    Preview,
}

/// The storage said no or could not be reached: nothing was saved.
fn unavailable(err: &impl std::fmt::Display) -> Error {
    tracing::warn!(error = %err, "receipt storage failed");
    Error::CustomError(
        StatusCode::SERVICE_UNAVAILABLE,
        ErrorDetail {
            error: Some("storage_unavailable".to_string()),
            description: Some(
                "Receipt storage could not be reached, so the receipt was not saved. \
                 The expense itself is unchanged; attach the receipt again later."
                    .to_string(),
            ),
            errors: None,
        },
    )
}

/// The storage is full (the disk, or the account's quota): nothing was
/// saved, and trying again will not help until space is freed.
fn full(err: &impl std::fmt::Display) -> Error {
    tracing::error!(error = %err, "receipt storage is full");
    Error::CustomError(
        StatusCode::INSUFFICIENT_STORAGE,
        ErrorDetail {
            error: Some("storage_full".to_string()),
            description: Some(
                "Receipt storage is full, so the receipt was not saved. \
                 The expense itself is unchanged; attach the receipt again once \
                 the instance's operator has freed space."
                    .to_string(),
            ),
            errors: None,
        },
    )
}

/// Whether a storage error says there is no space left: ENOSPC or EDQUOT
/// from the disk, anywhere in its chain of causes.
fn is_out_of_space(err: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause = Some(err);
    while let Some(current) = cause {
        if let Some(io) = current.downcast_ref::<std::io::Error>() {
            if matches!(
                io.kind(),
                std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded
            ) {
                return true;
            }
        }
        cause = current.source();
    }
    false
}

/// A failed write to storage as the answer: full, or not reached.
fn not_stored(err: &loco_rs::storage::StorageError) -> Error {
    if is_out_of_space(err) {
        full(err)
    } else {
        unavailable(err)
    }
}

/// Why storage refused a file, in a few words for a sentence ("its
/// receipt was not saved (...)"), when `err` is such a refusal.
#[must_use]
pub fn storage_refusal(err: &Error) -> Option<&'static str> {
    match err {
        Error::CustomError(_, detail) => match detail.error.as_deref() {
            Some("storage_unavailable") => Some("receipt storage could not be reached"),
            Some("storage_full") => Some("receipt storage is full"),
            _ => None,
        },
        _ => None,
    }
}

/// The external programs found at start (see [`ocr::Tools`]).
///
/// # Errors
/// Only if called before `App::after_context` stored them.
pub fn tools(ctx: &AppContext) -> Result<Arc<ocr::Tools>> {
    ctx.shared_store
        .get::<Arc<ocr::Tools>>()
        .ok_or_else(|| Error::string("receipt tools are not detected"))
}

/// The storage key of a receipt's original: chosen by the app, never from a
/// name the user gave.
#[must_use]
pub fn key_for(workspace_pid: &Uuid, receipt_pid: &Uuid) -> String {
    format!("{workspace_pid}/receipts/{receipt_pid}")
}

impl Model {
    #[must_use]
    pub fn key(&self, variant: Variant) -> String {
        match variant {
            Variant::Original => self.storage_key.clone(),
            Variant::Thumbnail => format!("{}.thumb.jpg", self.storage_key),
            Variant::Preview => format!("{}.view.jpg", self.storage_key),
        }
    }

    /// Every file this receipt may have in storage.
    #[must_use]
    pub fn all_keys(&self) -> Vec<String> {
        [Variant::Original, Variant::Thumbnail, Variant::Preview]
            .into_iter()
            .map(|variant| self.key(variant))
            .collect()
    }

    #[must_use]
    pub fn kind(&self) -> Option<Kind> {
        Kind::of_content_type(&self.content_type)
    }

    /// Bytes of receipts a workspace keeps.
    ///
    /// # Errors
    /// On database errors.
    pub async fn bytes_used<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
    ) -> ModelResult<u64> {
        let used: Option<i64> = Entity::find()
            .select_only()
            .column_as(money::sum_minor(receipts::Column::SizeBytes), "used")
            .in_tenant(workspace_id)
            .into_tuple()
            .one(db)
            .await?
            .flatten();
        Ok(u64::try_from(used.unwrap_or(0)).unwrap_or(0))
    }

    /// Checks uploaded files (each not empty, within the size limit, a
    /// kind we keep by its content, an image within the pixel limit by its
    /// header; together within the workspace's quota)
    /// and puts them in storage. Nothing is stored unless every file passes;
    /// [`Stored::attach`] then records them. Runs before the request's write
    /// transaction, so an upload never holds the database's write lock.
    ///
    /// # Errors
    /// 422 naming `file` for an empty, too large or unaccepted file, an
    /// image whose header shows more pixels than `receipts.
    /// max_image_megapixels`, or one past the quota (402 when the plan's
    /// quota is the limit); 503 when storage fails, 507 when it is full
    /// (what was stored by then is deleted, or else swept as orphaned);
    /// database errors.
    pub async fn store<C: ConnectionTrait>(
        ctx: &AppContext,
        db: &C,
        workspace: &workspaces::Model,
        uploads: Vec<Upload>,
    ) -> Result<Vec<Stored>> {
        let settings = Settings::get(ctx)?;
        if uploads.is_empty() {
            return Err(FieldErrors::one("file", "must be chosen").into());
        }
        let mut checked = Vec::with_capacity(uploads.len());
        for upload in uploads {
            let named = |problem: &str| {
                Error::from(FieldErrors::one(
                    "file",
                    format!("\"{}\" {problem}", upload.filename.trim()),
                ))
            };
            if upload.bytes.is_empty() {
                return Err(named("is empty"));
            }
            if upload.bytes.len() > settings.receipts.max_file_bytes() {
                return Err(named(&format!(
                    "is larger than {} MB",
                    settings.receipts.max_file_mb
                )));
            }
            let kind = Kind::sniff(&upload.bytes).ok_or_else(|| {
                named(&format!(
                    "is not a {} file (judged by its content, not its name)",
                    files::ACCEPTED
                ))
            })?;
            // An image's header gives its size: one too large to decode is
            // refused here, before anything is stored or decoded.
            let max_pixels = settings.receipts.max_image_pixels();
            if let Some((width, height)) = kind
                .is_drawable_image()
                .then(|| files::header_size(&upload.bytes, max_pixels))
                .flatten()
            {
                files::check_pixels(width, height, max_pixels)
                    .map_err(|oversized| named(&oversized.to_string()))?;
            }
            checked.push((upload, kind));
        }
        let adding: u64 = checked.iter().map(|(u, _)| u.bytes.len() as u64).sum();
        // Refused early, before the upload; `Stored::attach` checks again,
        // under the workspace's lock.
        Limits::of(ctx, db, workspace)
            .await?
            .precheck_receipt_storage(db, workspace.id, adding)
            .await?;
        let mut stored: Vec<Stored> = Vec::with_capacity(checked.len());
        for (upload, kind) in checked {
            let pid = Uuid::new_v4();
            let key = key_for(&workspace.pid, &pid);
            if let Err(err) = ctx.storage.upload(Path::new(&key), &upload.bytes).await {
                // Nothing half-stored: this file's part (a full disk keeps
                // what was written) and the files before it go now; what
                // cannot be deleted is swept as orphaned.
                let keys: Vec<String> = stored.iter().map(|s| s.key.clone()).chain([key]).collect();
                if let Err(cleanup) = jobs::delete_files(ctx, &keys).await {
                    tracing::warn!(error = %cleanup, "partial upload left for the sweep");
                }
                return Err(not_stored(&err));
            }
            stored.push(Stored {
                pid,
                key,
                filename: files::clean_filename(&upload.filename, kind),
                kind,
                size: upload.bytes.len(),
            });
        }
        Ok(stored)
    }

    /// How many receipts each of these expenses has (those with none are
    /// left out).
    ///
    /// # Errors
    /// On database errors.
    pub async fn counts<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
        expense_ids: &[i64],
    ) -> ModelResult<HashMap<i64, u64>> {
        if expense_ids.is_empty() {
            return Ok(HashMap::new());
        }
        let rows: Vec<(i64, i64)> = Entity::find()
            .in_tenant(workspace_id)
            .select_only()
            .column(receipts::Column::ExpenseId)
            .column_as(receipts::Column::Id.count(), "n")
            .filter(receipts::Column::ExpenseId.is_in(expense_ids.iter().copied()))
            .group_by(receipts::Column::ExpenseId)
            .into_tuple()
            .all(db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(expense, n)| (expense, u64::try_from(n).unwrap_or(0)))
            .collect())
    }

    /// An expense's receipts, oldest first.
    ///
    /// # Errors
    /// On database errors.
    pub async fn of_expense<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
        expense_id: i64,
    ) -> ModelResult<Vec<Self>> {
        Ok(Entity::find()
            .in_tenant(workspace_id)
            .filter(receipts::Column::ExpenseId.eq(expense_id))
            .order_by_asc(receipts::Column::Id)
            .all(db)
            .await?)
    }

    /// A receipt of this expense by public id.
    ///
    /// # Errors
    /// `EntityNotFound` when the expense has no such receipt here.
    pub async fn find_in<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
        expense_id: i64,
        pid: &str,
    ) -> ModelResult<Self> {
        let receipt: Self =
            tenancy::find_by_pid::<Entity, _>(db, workspace_id, receipts::Column::Pid, pid).await?;
        if receipt.expense_id != expense_id {
            return Err(ModelError::EntityNotFound);
        }
        Ok(receipt)
    }

    /// The stored bytes of one of the receipt's files, as a stream.
    ///
    /// # Errors
    /// 404 for a thumbnail or preview not made; 503 when storage fails.
    pub async fn open(&self, ctx: &AppContext, variant: Variant) -> Result<BytesStream> {
        if variant != Variant::Original && !self.has_preview {
            return Err(Error::NotFound);
        }
        ctx.storage
            .download_stream(Path::new(&self.key(variant)))
            .await
            .map_err(|err| unavailable(&err))
    }

    /// Removes the receipt of `expense`, for whoever may change the
    /// expense (members their own); its files are deleted by a job after
    /// the commit.
    ///
    /// # Errors
    /// `Forbidden`; database errors.
    pub async fn remove(self, tenant: &Tenant<'_>, expense: &expenses::Model) -> DomainResult<()> {
        may_change_receipts(tenant, expense).await?;
        let keys = self.all_keys();
        let db = tenant.db;
        audit_events::Model::record(
            db,
            self.workspace_id,
            &tenant.actor,
            Event {
                action: "receipt.removed",
                summary: format!(
                    "removed \"{}\" from \"{}\"",
                    self.filename, expense.description
                ),
                before: Some(json!({ "receipt": self.pid, "size_bytes": self.size_bytes })),
                after: None,
            },
        )
        .await?;
        self.delete(db).await?;
        tenant.after_commit(Effect::Job(Job::DeleteFiles { keys }));
        tenant.after_commit(Effect::Changed);
        Ok(())
    }
}

/// Receipts belong to their expense: who may change it may attach and
/// remove them.
async fn may_change_receipts(tenant: &Tenant<'_>, expense: &expenses::Model) -> DomainResult<()> {
    tenant
        .ensure_may_change(
            expense.created_by_id,
            EXPENSES_UPDATE_ANY,
            EXPENSES_UPDATE_OWN,
        )
        .await
}

/// A file as it arrived (at most the size limit and one byte: the reader
/// stops there).
pub struct Upload {
    pub filename: String,
    pub bytes: Bytes,
}

/// A checked file in storage, not yet recorded.
pub struct Stored {
    pid: Uuid,
    key: String,
    filename: String,
    kind: Kind,
    size: usize,
}

impl Stored {
    /// Attaches stored files to `expense` as its receipts, for whoever may
    /// change the expense; their processing is queued after the commit.
    ///
    /// # Errors
    /// `Forbidden`; 402 or 422 when they no longer fit the workspace's
    /// storage (another upload was recorded meanwhile); database errors.
    /// The files are then swept as orphaned.
    pub async fn attach(
        stored: Vec<Self>,
        tenant: &Tenant<'_>,
        expense: &expenses::Model,
    ) -> DomainResult<Vec<Model>> {
        may_change_receipts(tenant, expense).await?;
        let (db, actor) = (tenant.db, &tenant.actor);
        // The check that binds: two uploads that each fit alone must not
        // both be recorded past the quota.
        let adding: u64 = stored.iter().map(|file| file.size as u64).sum();
        tenant
            .limits
            .check_receipt_storage(db, tenant.workspace.id, adding)
            .await?;
        let mut receipts = Vec::with_capacity(stored.len());
        for file in stored {
            let receipt = ActiveModel {
                pid: Set(file.pid),
                workspace_id: Set(expense.workspace_id),
                expense_id: Set(expense.id),
                storage_key: Set(file.key),
                filename: Set(file.filename.clone()),
                content_type: Set(file.kind.content_type().to_string()),
                size_bytes: Set(i64::try_from(file.size).unwrap_or(i64::MAX)),
                status: Set(PROCESSING.to_string()),
                has_preview: Set(false),
                uploaded_by_id: Set(actor.user_id),
                ..Default::default()
            }
            .insert(db)
            .await?;
            audit_events::Model::record(
                db,
                expense.workspace_id,
                actor,
                Event {
                    action: "receipt.added",
                    summary: format!(
                        "attached \"{}\" to \"{}\"",
                        file.filename, expense.description
                    ),
                    before: None,
                    after: Some(json!({ "receipt": file.pid, "size_bytes": file.size })),
                },
            )
            .await?;
            tenant.after_commit(Effect::Job(Job::ProcessReceipt {
                workspace_id: receipt.workspace_id,
                receipt_id: receipt.id,
            }));
            receipts.push(receipt);
        }
        tenant.after_commit(Effect::Changed);
        Ok(receipts)
    }
}
