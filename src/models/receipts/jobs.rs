//! What the background jobs do with receipts: make the thumbnail and
//! preview and read the text of a new one, delete the files of a removed
//! one or of a deleted workspace, and sweep what nothing refers to.

use std::{collections::HashSet, path::Path};

use chrono::{Duration, Utc};
use loco_rs::prelude::*;
use sea_orm::{sea_query::Expr, JoinType, QuerySelect, RelationTrait};

use bytes::Bytes;

use super::{files, ocr, receipts, tools, Entity, Kind, Model, Variant, FAILED, PROCESSING, READY};
use crate::{
    models::{
        _entities::{expenses, workspaces},
        ids::WorkspaceId,
        money,
        tenancy::{self, Scope},
    },
    settings::{ReceiptSettings, Settings},
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
/// skipped. A file that cannot be drawn (too many pixels, a PDF page too
/// large, a program past its time or memory, a broken file) stays
/// downloadable, marked failed with the reason: that is the job's outcome,
/// not an error, so it is not retried (the same file would fail again).
///
/// # Errors
/// When storage or the database fails (the job is retried).
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
    let outcome = make(&settings.receipts, &tools, receipt.kind(), original).await?;
    let mut done = Done::default();
    match outcome {
        Outcome::Drawn { images, text } => {
            for (variant, jpeg) in [
                (Variant::Thumbnail, images.thumbnail),
                (Variant::Preview, images.preview),
            ] {
                ctx.storage
                    .upload(Path::new(&receipt.key(variant)), &Bytes::from(jpeg))
                    .await?;
            }
            done.has_preview = true;
            if let Some(read) = text {
                done.found = ocr::find(&read, Utc::now().date_naive());
                done.text = Some(read.chars().take(4000).collect());
            }
        }
        Outcome::Kept => {}
        Outcome::Failed(problem) => {
            tracing::info!(receipt = %receipt.pid, %problem, "receipt not drawn");
            done.status = FAILED;
            done.problem = Some(problem.chars().take(PROBLEM_MAX_CHARS).collect());
        }
    }
    record(ctx, scope, receipt_id, &workspace, done).await
}

/// The longest reason kept for a failed receipt, in characters.
const PROBLEM_MAX_CHARS: usize = 300;

/// What processing made of a receipt's file.
enum Outcome {
    /// Drawn: its images, and the text read from them (when Tesseract is
    /// here and read it).
    Drawn {
        images: Images,
        text: Option<String>,
    },
    /// Nothing this build draws (HEIC; a PDF without Poppler): kept as is.
    Kept,
    /// The file itself cannot be drawn: a permanent failure, with the
    /// reason shown to the members.
    Failed(String),
}

/// The row's new state once processed.
struct Done {
    status: &'static str,
    has_preview: bool,
    found: ocr::Found,
    text: Option<String>,
    problem: Option<String>,
}

impl Default for Done {
    fn default() -> Self {
        Self {
            status: READY,
            has_preview: false,
            found: ocr::Found::default(),
            text: None,
            problem: None,
        }
    }
}

/// Stores what processing made, unless the receipt was removed meanwhile,
/// and refreshes the workspace's open pages.
async fn record(
    ctx: &AppContext,
    scope: Scope<'_>,
    receipt_id: i64,
    workspace: &workspaces::Model,
    done: Done,
) -> Result<()> {
    let total = done.found.total.as_deref().and_then(|total| {
        money::currency(&workspace.currency).and_then(|c| money::parse_amount(total, c).ok())
    });
    let txn = tenancy::begin(&ctx.db, scope).await?;
    let Some(current) = Entity::find_by_id(receipt_id)
        .in_tenant(workspace.id)
        .one(&txn)
        .await?
    else {
        return Ok(());
    };
    let mut active = current.into_active_model();
    active.status = Set(done.status.to_string());
    active.has_preview = Set(done.has_preview);
    active.ocr_merchant = Set(done.found.merchant);
    active.ocr_total_minor = Set(total);
    active.ocr_date = Set(done.found.date);
    active.ocr_text = Set(done.text);
    active.problem = Set(done.problem);
    active.update(&txn).await?;
    txn.commit().await?;
    crate::live::changed(ctx, workspace.id).await?;
    Ok(())
}

/// Draws a receipt's file (an image, or a PDF's first page) and reads its
/// text. Every failure of the file itself is an [`Outcome::Failed`].
///
/// # Errors
/// Only when the drawing task was cancelled (the runtime stopping): the
/// job is then retried.
async fn make(
    settings: &ReceiptSettings,
    tools: &ocr::Tools,
    kind: Option<Kind>,
    original: Vec<u8>,
) -> Result<Outcome> {
    let limits = ocr::RunLimits::of(settings);
    let max_pixels = settings.max_image_pixels();
    let (drawable, drawn_as) = match kind {
        Some(kind) if kind.is_drawable_image() => (original, None),
        Some(Kind::Pdf) if tools.pdf => match draw_pdf(settings, &original, limits).await {
            Ok((png, size)) => (png, Some(size)),
            Err(problem) => return Ok(Outcome::Failed(problem)),
        },
        Some(Kind::Heic | Kind::Pdf) => return Ok(Outcome::Kept),
        _ => return Ok(Outcome::Failed(UNREADABLE.to_string())),
    };
    let made =
        tokio::task::spawn_blocking(move || made_images(&drawable, max_pixels, drawn_as)).await;
    let images = match made {
        Ok(Ok(images)) => images,
        Ok(Err(problem)) => return Ok(Outcome::Failed(problem)),
        // The same file would panic again: a permanent failure.
        Err(err) if err.is_panic() => return Ok(Outcome::Failed(UNREADABLE.to_string())),
        Err(err) => return Err(Error::string(&err.to_string())),
    };
    let mut text = None;
    if tools.ocr {
        // Reading is a help, not the receipt: when it fails the receipt is
        // still ready, without text.
        match ocr::read_text(&settings.ocr_command, &images.for_reading, limits).await {
            Ok(read) => text = Some(read),
            Err(err) => tracing::warn!(error = %err, "receipt not read"),
        }
    }
    Ok(Outcome::Drawn { images, text })
}

const UNREADABLE: &str = "The file could not be read as an image.";
const PDF_NOT_DRAWN: &str = "The PDF's first page could not be drawn.";

/// A PDF's first page as a PNG, and its size in pixels: measured first, and
/// refused without drawing when it has more pixels than allowed.
async fn draw_pdf(
    settings: &ReceiptSettings,
    pdf: &[u8],
    limits: ocr::RunLimits,
) -> std::result::Result<(Vec<u8>, (u32, u32)), String> {
    let failed = |what: &str, err: &ocr::RunError| {
        tracing::warn!(error = %err, "{what} failed");
        match err {
            ocr::RunError::TimedOut(limit) => format!(
                "{what} took longer than {} s and was stopped.",
                limit.as_secs()
            ),
            _ => PDF_NOT_DRAWN.to_string(),
        }
    };
    let page = ocr::measure_pdf_page(&settings.pdf_info_command, pdf, limits)
        .await
        .map_err(|err| failed("Measuring the PDF", &err))?;
    let (width, height) = page.pixels();
    let max_pixels = settings.max_image_pixels();
    if let Err(oversized) = files::check_pixels(width, height, max_pixels) {
        let (width_cm, height_cm) = page.centimetres();
        let pixels = u64::from(width) * u64::from(height);
        return Err(format!(
            "The PDF's first page is {width_cm} x {height_cm} cm: drawn at {} dpi it would be {} x {} pixels ({} megapixels); pages of at most {} megapixels are drawn.",
            ocr::DRAW_DPI,
            oversized.width,
            oversized.height,
            pixels.div_ceil(1_000_000),
            max_pixels / 1_000_000
        ));
    }
    let png = ocr::draw_pdf_page(&settings.pdf_render_command, pdf, (width, height), limits)
        .await
        .map_err(|err| failed("Drawing the PDF", &err))?;
    Ok((png, (width, height)))
}

/// The images made from a receipt's pixels.
struct Images {
    thumbnail: Vec<u8>,
    preview: Vec<u8>,
    /// A greyscale PNG of the upright image, for Tesseract.
    for_reading: Vec<u8>,
}

/// Decodes (within `max_pixels`) and makes the images; a drawn PDF page
/// must have the size it was drawn at (Poppler answers a page it ran out of
/// memory for with a 1 x 1 image).
fn made_images(
    bytes: &[u8],
    max_pixels: u64,
    drawn_as: Option<(u32, u32)>,
) -> std::result::Result<Images, String> {
    let image = files::decode_upright(bytes, max_pixels).map_err(|err| match err {
        files::NotDecoded::Oversized(oversized) => format!("The image {oversized}."),
        files::NotDecoded::Unreadable(err) => {
            tracing::warn!(error = %err, "receipt image not decoded");
            UNREADABLE.to_string()
        }
    })?;
    if let Some((width, height)) = drawn_as {
        let size = (image.width(), image.height());
        // Either way round: a page may be turned by its /Rotate.
        if size != (width, height) && size != (height, width) {
            tracing::warn!(?size, expected = ?(width, height), "PDF page not drawn whole");
            return Err(PDF_NOT_DRAWN.to_string());
        }
    }
    let encoded = |err: image::ImageError| {
        tracing::warn!(error = %err, "receipt image not encoded");
        UNREADABLE.to_string()
    };
    // The preview first, then the thumbnail from it (a small image), then
    // the grey copy for reading, with the colour image dropped before it
    // is encoded: at most two full-size buffers at once.
    let preview_image = files::within(&image, files::PREVIEW_PX).into_owned();
    let preview = files::jpeg_within(&preview_image, files::PREVIEW_PX).map_err(encoded)?;
    let thumbnail = files::jpeg_within(&preview_image, files::THUMBNAIL_PX).map_err(encoded)?;
    drop(preview_image);
    let grey = image.grayscale();
    drop(image);
    let mut for_reading = std::io::Cursor::new(Vec::new());
    grey.write_to(&mut for_reading, image::ImageFormat::Png)
        .map_err(encoded)?;
    Ok(Images {
        thumbnail,
        preview,
        for_reading: for_reading.into_inner(),
    })
}

/// The reason shown on a receipt whose processing never finished.
const STALLED: &str =
    "Its preview could not be made in time; the file itself is kept and can be downloaded";

/// What one sweep removed or settled.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Swept {
    /// Receipts of expenses deleted longer ago than the undo allows.
    pub expired: usize,
    /// Receipts whose processing never finished (its job failed every
    /// attempt, or died), now shown as failed with the reason.
    pub stalled: usize,
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
    // Longer than every attempt of a processing job at its time limit.
    let attempts = i64::try_from(crate::workers::queue::MAX_ATTEMPTS).unwrap_or(5);
    let stalled_before = Utc::now()
        - Duration::seconds(i64::try_from(settings.jobs.time_limit_secs).unwrap_or(600) * attempts)
        - Duration::minutes(10);
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
        // Receipts still processing after every attempt could have run.
        // Compared here, not in SQL: SQLite keeps a column's default
        // timestamp as text in another format than a bound one.
        let txn = tenancy::begin(&ctx.db, scope).await?;
        let stalled: Vec<i64> = Entity::find()
            .in_tenant(workspace.id)
            .filter(receipts::Column::Status.eq(PROCESSING))
            .all(&txn)
            .await?
            .into_iter()
            .filter(|r| r.created_at.with_timezone(&Utc) < stalled_before)
            .map(|r| r.id)
            .collect();
        if !stalled.is_empty() {
            Entity::update_many()
                .col_expr(receipts::Column::Status, Expr::value(FAILED))
                .col_expr(receipts::Column::Problem, Expr::value(STALLED))
                .in_tenant(workspace.id)
                .filter(receipts::Column::Status.eq(PROCESSING))
                .filter(receipts::Column::Id.is_in(stalled.clone()))
                .exec(&txn)
                .await?;
        }
        txn.commit().await?;
        if !stalled.is_empty() {
            swept.stalled += stalled.len();
            crate::live::changed(ctx, workspace.id).await?;
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
