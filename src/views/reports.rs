//! The reports page: expenses of a range grouped one way, as a table and a
//! bar chart, with a link to the same table as CSV.

use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct ReportsPage {
    pub query: ReportQueryEcho,
    pub groupings: [&'static str; 5],
    pub rows: Vec<ReportLine>,
    /// The sum of the rows, formatted; left out when the query is refused.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<String>,
    /// The CSV download of this report.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub csv: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<serde_json::Value>,
}

/// The range and grouping: as read, or as sent when refused.
#[derive(Debug, Serialize)]
pub struct ReportQueryEcho {
    pub from: Option<String>,
    pub to: Option<String>,
    pub group: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ReportLine {
    pub label: String,
    pub count: i64,
    pub amount: String,
    /// Bar length in percent of the biggest row.
    pub width: i128,
}
