//! What the background jobs do with receipts: make the thumbnail and
//! preview and read the text of a new one, delete the files of a removed
//! one or of a deleted workspace, and sweep what nothing refers to.

use std::{collections::HashSet, path::Path};

use chrono::{Duration, Utc};
use loco_rs::prelude::*;
use sea_orm::{JoinType, QuerySelect, RelationTrait};

use bytes::Bytes;

use super::{files, ocr, receipts, tools, Entity, Kind, Model, Variant, FAILED, READY};
use crate::{
    models::{
        _entities::{expenses, workspaces},
        ids::WorkspaceId,
        money,
        tenancy::{self, Scope},
    },
    settings::Settings,
};

/// Deletes stored files; a file already gone is not an error (deleting is
/// idempotent on disk and in S3, so nothing is looked up first).
///
/// # Errors
/// When storage fails (the job is retried).
pub async fn delete_files(ctx: &AppContext, keys: &[String]) -> Result<()> {
    for key in keys {
        ctx.storage.delete(Path::new(key)).await?;
    }
    Ok(())
}

/// Deletes every file a workspace has in storage (before the workspace's
/// rows are purged).
///
/// # Errors
/// When storage fails (the purge job is retried).
pub async fn remove_workspace_files(ctx: &AppContext, workspace_pid: &Uuid) -> Result<usize> {
    let entries = ctx
        .storage
        .list(Path::new(&workspace_pid.to_string()), true)
        .await?;
    let keys: Vec<String> = entries
        .into_iter()
        .filter(|entry| !entry.is_dir)
        .map(|entry| entry.path)
        .collect();
    delete_files(ctx, &keys).await?;
    Ok(keys.len())
}

/// Makes the thumbnail and preview of a receipt and reads its text (the
/// job queued when [`Stored::attach`] commits). A receipt removed meanwhile is
/// skipped; a file that cannot be drawn stays downloadable, marked failed.
///
/// # Errors
/// When storage or the database fails (the job is retried).
// Stays whole (over 80 lines): the file is read between two short transactions
// (one to find the receipt, one to store what was made), and drawing and
// reading depend on each other.
pub async fn process(ctx: &AppContext, workspace_id: WorkspaceId, receipt_id: i64) -> Result<()> {
    let scope = Scope {
        workspace_id: Some(workspace_id),
        ..Scope::default()
    };
    let txn = tenancy::begin_read(&ctx.db, scope).await?;
    let receipt = Entity::find_by_id(receipt_id)
        .in_tenant(workspace_id)
        .one(&txn)
        .await?;
    let workspace = workspaces::Entity::find_by_id(workspace_id)
        .one(&txn)
        .await?;
    txn.commit().await?;
    let (Some(receipt), Some(workspace)) = (receipt, workspace) else {
        return Ok(());
    };
    let settings = Settings::get(ctx)?;
    let tools = tools(ctx)?;
    let original = ctx
        .storage
        .download::<Vec<u8>>(Path::new(&receipt.storage_key))
        .await?;

    // The image to draw from: the file itself, or a PDF's first page.
    let drawable = match receipt.kind() {
        Some(kind) if kind.is_drawable_image() => Some(original),
        Some(Kind::Pdf) if tools.pdf => {
            ocr::draw_pdf_page(&settings.receipts.pdf_render_command, &original)
                .await
                .map_err(
                    |err| tracing::warn!(receipt = %receipt.pid, error = %err, "PDF not drawn"),
                )
                .ok()
        }
        _ => None,
    };
    let images = match drawable {
        Some(bytes) => tokio::task::spawn_blocking(move || made_images(&bytes))
            .await
            .map_err(|err| Error::string(&err.to_string()))?,
        None => None,
    };
    let has_preview = images.is_some();
    // Not drawn is a failure only for a file this build should draw: HEIC
    // is never drawn, and a PDF only where Poppler is installed.
    let status = match receipt.kind() {
        _ if has_preview => READY,
        Some(Kind::Heic) => READY,
        Some(Kind::Pdf) if !tools.pdf => READY,
        _ => FAILED,
    };
    let mut found = ocr::Found::default();
    let mut text = None;
    if let Some(images) = images {
        for (variant, jpeg) in [
            (Variant::Thumbnail, images.thumbnail),
            (Variant::Preview, images.preview),
        ] {
            ctx.storage
                .upload(Path::new(&receipt.key(variant)), &Bytes::from(jpeg))
                .await?;
        }
        if tools.ocr {
            match ocr::read_text(&settings.receipts.ocr_command, &images.for_reading).await {
                Ok(read) => {
                    found = ocr::find(&read, Utc::now().date_naive());
                    text = Some(read.chars().take(4000).collect::<String>());
                }
                Err(err) => {
                    tracing::warn!(receipt = %receipt.pid, error = %err, "receipt not read");
                }
            }
        }
    }
    let total = found.total.as_deref().and_then(|total| {
        money::currency(&workspace.currency).and_then(|c| money::parse_amount(total, c).ok())
    });
    let txn = tenancy::begin(&ctx.db, scope).await?;
    let Some(current) = Entity::find_by_id(receipt_id)
        .in_tenant(workspace_id)
        .one(&txn)
        .await?
    else {
        return Ok(());
    };
    let mut active = current.into_active_model();
    active.status = Set(status.to_string());
    active.has_preview = Set(has_preview);
    active.ocr_merchant = Set(found.merchant);
    active.ocr_total_minor = Set(total);
    active.ocr_date = Set(found.date);
    active.ocr_text = Set(text);
    active.update(&txn).await?;
    txn.commit().await?;
    crate::live::changed(ctx, workspace_id).await?;
    Ok(())
}

/// The images made from a receipt's pixels.
struct Images {
    thumbnail: Vec<u8>,
    preview: Vec<u8>,
    /// A greyscale PNG of the upright image, for Tesseract.
    for_reading: Vec<u8>,
}

fn made_images(bytes: &[u8]) -> Option<Images> {
    let image = files::decode_upright(bytes)
        .map_err(|err| tracing::warn!(error = %err, "receipt image not decoded"))
        .ok()?;
    let mut for_reading = std::io::Cursor::new(Vec::new());
    image
        .grayscale()
        .write_to(&mut for_reading, image::ImageFormat::Png)
        .ok()?;
    Some(Images {
        thumbnail: files::jpeg_within(&image, files::THUMBNAIL_PX).ok()?,
        preview: files::jpeg_within(&image, files::PREVIEW_PX).ok()?,
        for_reading: for_reading.into_inner(),
    })
}

/// What one sweep removed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Swept {
    /// Receipts of expenses deleted longer ago than the undo allows.
    pub expired: usize,
    /// Stored files with no receipt (or no workspace) to them.
    pub orphans: usize,
}

/// The hourly clean-up: receipts of expenses deleted more than
/// `keep_deleted_hours` ago, and stored files that no receipt names.
///
/// # Errors
/// When storage or the database fails (the next sweep tries again).
pub async fn sweep(ctx: &AppContext) -> Result<Swept> {
    let settings = Settings::get(ctx)?;
    let mut swept = Swept::default();
    let workspaces = workspaces::Entity::find().all(&ctx.db).await?;
    let known: HashSet<String> = workspaces.iter().map(|w| w.pid.to_string()).collect();
    let expired_before =
        Utc::now() - Duration::hours(i64::from(settings.receipts.keep_deleted_hours));
    let orphaned_before =
        Utc::now() - Duration::minutes(i64::from(settings.receipts.orphan_grace_minutes));
    for workspace in &workspaces {
        let scope = Scope {
            workspace_id: Some(workspace.id),
            ..Scope::default()
        };
        // Receipts of long-deleted expenses: files first, then the rows.
        let txn = tenancy::begin_read(&ctx.db, scope).await?;
        let expired = Entity::find()
            .in_tenant(workspace.id)
            .join(JoinType::InnerJoin, receipts::Relation::Expenses.def())
            .filter(expenses::Column::DeletedAt.lt(expired_before))
            .all(&txn)
            .await?;
        let rows: HashSet<String> = Entity::find()
            .in_tenant(workspace.id)
            .select_only()
            .column(receipts::Column::Pid)
            .into_tuple::<Uuid>()
            .all(&txn)
            .await?
            .into_iter()
            .map(|pid| pid.to_string())
            .collect();
        txn.commit().await?;
        if !expired.is_empty() {
            let keys: Vec<String> = expired.iter().flat_map(Model::all_keys).collect();
            delete_files(ctx, &keys).await?;
            let txn = tenancy::begin(&ctx.db, scope).await?;
            Entity::delete_many()
                .in_tenant(workspace.id)
                .filter(receipts::Column::Id.is_in(expired.iter().map(|r| r.id)))
                .exec(&txn)
                .await?;
            txn.commit().await?;
            swept.expired += expired.len();
        }
        // Files with no row: an upload whose row was never written.
        let prefix = format!("{}/receipts", workspace.pid);
        let mut orphans = Vec::new();
        for entry in ctx.storage.list(Path::new(&prefix), true).await? {
            let name = entry.path.rsplit('/').next().unwrap_or_default();
            let pid = name.split('.').next().unwrap_or_default();
            let old = entry.last_modified.is_none_or(|at| at < orphaned_before);
            if !entry.is_dir && old && !rows.contains(pid) {
                orphans.push(entry.path);
            }
        }
        swept.orphans += orphans.len();
        delete_files(ctx, &orphans).await?;
    }
    // Folders of workspaces that are gone.
    for entry in ctx.storage.list(Path::new(""), false).await? {
        let name = entry.path.trim_end_matches('/');
        if entry.is_dir && !name.is_empty() && !known.contains(name) {
            if let Ok(pid) = Uuid::parse_str(name) {
                swept.orphans += remove_workspace_files(ctx, &pid).await?;
            }
        }
    }
    Ok(swept)
}
