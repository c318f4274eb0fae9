use serde::Serialize;

use crate::models::imports::{self, Problem};

#[derive(Debug, Serialize)]
pub struct ImportResponse {
    pub id: String,
    pub filename: String,
    /// `uploaded`, `queued`, `running`, `done`, `failed` or `cancelled`.
    pub status: String,
    pub total_rows: i32,
    pub processed_rows: i32,
    /// Whole percent of the rows processed.
    pub percent: i32,
    pub imported_rows: i32,
    pub duplicate_rows: i32,
    pub failed_rows: i32,
    pub problems: Vec<Problem>,
    pub created_at: String,
}

impl ImportResponse {
    /// `processed` is what a job running in this process reported, newer
    /// than the row.
    #[must_use]
    pub fn new(import: &imports::Model, processed: Option<i32>) -> Self {
        let processed_rows = processed
            .unwrap_or(import.processed_rows)
            .max(import.processed_rows);
        let percent = if import.total_rows > 0 {
            i32::try_from(i64::from(processed_rows) * 100 / i64::from(import.total_rows))
                .unwrap_or(100)
        } else {
            0
        };
        Self {
            id: import.pid.to_string(),
            filename: import.filename.clone(),
            status: import.status.clone(),
            total_rows: import.total_rows,
            processed_rows,
            percent,
            imported_rows: import.imported_rows,
            duplicate_rows: import.duplicate_rows,
            failed_rows: import.failed_rows,
            problems: import.problems(),
            created_at: import.created_at.format("%Y-%m-%d %H:%M").to_string(),
        }
    }
}

/// The imports page: the upload form and the imports so far.
#[derive(Debug, Serialize)]
pub struct ImportsPage {
    pub imports: Vec<ImportResponse>,
    /// The largest file accepted, in MB.
    pub max_mb: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<serde_json::Value>,
}

/// One import: its preview and column mapping until it starts, then its
/// progress and outcome.
#[derive(Debug, Serialize)]
pub struct ImportPage {
    pub import: ImportResponse,
    pub date_formats: Vec<DateFormat>,
    /// The file's first rows, while it waits for its mapping.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preview: Option<PreviewRows>,
    /// The mapping: the guessed one, or the one sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<imports::ImportOptions>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<serde_json::Value>,
}

#[derive(Debug, Serialize)]
pub struct DateFormat {
    pub key: &'static str,
    pub example: &'static str,
}

impl DateFormat {
    /// Every date format an import reads.
    #[must_use]
    pub fn all() -> Vec<Self> {
        imports::DATE_FORMATS
            .iter()
            .map(|&(key, _, example)| Self { key, example })
            .collect()
    }
}

#[derive(Debug, Serialize)]
pub struct PreviewRows {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// A bank statement's counts: its page asks for no mapping.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<imports::Statement>,
}

/// The progress bar alone, which htmx polls (rendered without the page).
#[derive(Debug, Serialize)]
pub struct ImportProgress {
    pub workspace: WorkspacePid,
    pub import: ImportResponse,
}

#[derive(Debug, Serialize)]
pub struct WorkspacePid {
    /// The workspace's public id.
    pub id: String,
}
