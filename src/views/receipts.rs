use serde::Serialize;

use crate::models::{expenses, money, receipts, workspaces};

/// What the receipt's text said, for the expense form; absent when text
/// reading is off or found nothing.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ReceiptReading {
    /// The merchant, from the receipt's first lines.
    pub description: Option<String>,
    /// The total, in the workspace's currency.
    pub amount: Option<String>,
    pub date: Option<chrono::NaiveDate>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ReceiptResponse {
    pub id: String,
    pub expense_id: String,
    /// The uploaded file's name, cleaned of paths and control characters.
    pub filename: String,
    /// From the file's content: `image/jpeg`, `image/png`, `image/webp`,
    /// `image/heic` or `application/pdf`.
    pub content_type: String,
    pub size_bytes: i64,
    /// The size for people: "320 KB", "2.4 MB".
    pub size_text: String,
    /// `processing` (thumbnail and text being made), `ready`, or `failed`
    /// (the file is kept and downloadable but could not be drawn).
    pub status: String,
    /// Why it `failed`, for people ("The image is 20000 x 20000 pixels
    /// ..."); absent otherwise.
    pub problem: Option<String>,
    /// Whether a thumbnail and preview were made (for images, and for PDFs
    /// where Poppler is installed); drawn from the pixels only, without the
    /// photo's metadata.
    pub has_preview: bool,
    /// Where the original is downloaded (members only).
    pub download_url: String,
    pub reading: Option<ReceiptReading>,
    pub created_at: String,
}

fn size_text(bytes: i64) -> String {
    const KB: i64 = 1024;
    match bytes {
        b if b < KB => format!("{b} bytes"),
        b if b < KB * KB => format!("{} KB", (b + KB - 1) / KB),
        b => format!("{}.{} MB", b / (KB * KB), (b % (KB * KB)) * 10 / (KB * KB)),
    }
}

impl ReceiptResponse {
    /// The receipts of `expense` in `workspace`, as answered.
    #[must_use]
    pub fn all(
        list: &[receipts::Model],
        workspace: &workspaces::Model,
        expense: &expenses::Model,
    ) -> Vec<Self> {
        list.iter()
            .map(|receipt| Self::new(receipt, workspace, expense))
            .collect()
    }

    #[must_use]
    pub fn new(
        receipt: &receipts::Model,
        workspace: &workspaces::Model,
        expense: &expenses::Model,
    ) -> Self {
        let (workspace_pid, expense_pid) = (workspace.pid, expense.pid);
        let currency = workspace.currency.as_str();
        let found = receipt.ocr_merchant.is_some()
            || receipt.ocr_total_minor.is_some()
            || receipt.ocr_date.is_some();
        Self {
            id: receipt.pid.to_string(),
            expense_id: expense_pid.to_string(),
            filename: receipt.filename.clone(),
            content_type: receipt.content_type.clone(),
            size_bytes: receipt.size_bytes,
            size_text: size_text(receipt.size_bytes),
            status: receipt.status.clone(),
            problem: receipt.problem.clone(),
            has_preview: receipt.has_preview,
            download_url: format!(
                "/api/v1/workspaces/{workspace_pid}/expenses/{expense_pid}/receipts/{}",
                receipt.pid
            ),
            reading: found.then(|| ReceiptReading {
                description: receipt.ocr_merchant.clone(),
                amount: receipt
                    .ocr_total_minor
                    .map(|minor| money::format_in(minor, currency)),
                date: receipt.ocr_date,
            }),
            created_at: receipt.created_at.to_rfc3339(),
        }
    }
}

/// An expense's receipts as its edit page and receipts page show them,
/// with what the page may offer.
#[derive(Debug, Serialize)]
pub struct ReceiptSection {
    pub list: Vec<ReceiptResponse>,
    /// One is being processed: the section reloads itself.
    pub processing: bool,
    pub may_attach: bool,
    /// Text reading is on (a receipt can fill the form).
    pub reads_text: bool,
    pub max_file_mb: u32,
}

/// The expense a receipts page is about.
#[derive(Debug, Serialize)]
pub struct ExpenseSummary {
    pub description: String,
    pub date: chrono::NaiveDate,
    /// In the workspace's currency.
    pub amount: String,
}

/// An expense's receipts, with the form to attach more.
#[derive(Debug, Serialize)]
pub struct ReceiptsPage {
    pub expense_id: String,
    pub expense: ExpenseSummary,
    pub receipts: ReceiptSection,
}

/// The expense a receipt belongs to, for the viewer's links.
#[derive(Debug, Serialize)]
pub struct ExpenseLink {
    pub id: String,
    pub description: String,
}

/// The viewer: the preview, the details, download and remove.
#[derive(Debug, Serialize)]
pub struct ReceiptPage {
    pub expense: ExpenseLink,
    pub receipt: ReceiptResponse,
    pub has_preview: bool,
    pub may_attach: bool,
    pub reads_text: bool,
}

crate::page_schema!(ReceiptList, ReceiptResponse);
