//! The column mapping and formats chosen for a file ([`ImportOptions`]):
//! checked against the file's header, and read as where each mapped column
//! stands in a row.

use serde::{Deserialize, Serialize};

use crate::models::validation::FieldErrors;

/// Date formats a file may use: `(key, strftime pattern, example)`.
pub const DATE_FORMATS: &[(&str, &str, &str)] = &[
    ("ymd", "%Y-%m-%d", "2026-11-21"),
    ("dmy", "%d/%m/%Y", "21/11/2026"),
    ("mdy", "%m/%d/%Y", "11/21/2026"),
    ("dmy_dots", "%d.%m.%Y", "21.11.2026"),
];

/// Which column is which, and how dates and numbers are written.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportOptions {
    pub date_column: String,
    pub amount_column: String,
    pub description_column: String,
    /// Optional columns: empty for none.
    pub payee_column: String,
    pub category_column: String,
    pub tags_column: String,
    pub notes_column: String,
    /// A key of [`DATE_FORMATS`].
    pub date_format: String,
    /// `point` (1,234.56) or `comma` (1.234,56).
    pub decimal: String,
    /// How the file writes an expense: `positive` amounts, or `negative`
    /// ones as bank statements do; rows of the other sign (income,
    /// refunds) are left out.
    pub sign: String,
    /// `on` to skip rows already recorded (same date, amount, description).
    pub skip_duplicates: String,
}

impl ImportOptions {
    /// Adds an error for each option that does not fit a file with these
    /// `headers`.
    pub(super) fn check(&self, headers: &[String], errors: &mut FieldErrors) {
        let options = self;
        for (field, column, required) in [
            ("date_column", &options.date_column, true),
            ("amount_column", &options.amount_column, true),
            ("description_column", &options.description_column, true),
            ("payee_column", &options.payee_column, false),
            ("category_column", &options.category_column, false),
            ("tags_column", &options.tags_column, false),
            ("notes_column", &options.notes_column, false),
        ] {
            if column.is_empty() {
                if required {
                    errors.add(field, "must name a column of the file");
                }
            } else if !headers.contains(column) {
                errors.add(field, format!("\"{column}\" is not a column of the file"));
            }
        }
        if !DATE_FORMATS.iter().any(|f| f.0 == options.date_format) {
            errors.add("date_format", "must be one of the offered formats");
        }
        if !matches!(options.decimal.as_str(), "point" | "comma") {
            errors.add("decimal", "must be point or comma");
        }
        if !matches!(options.sign.as_str(), "positive" | "negative") {
            errors.add("sign", "must be positive or negative");
        }
    }
}

/// Where each mapped column stands in a row (`None` when it is not mapped),
/// and the `strftime` pattern of the chosen date format.
#[derive(Debug, Clone, Copy)]
pub(super) struct Columns {
    pub(super) date: Option<usize>,
    pub(super) amount: Option<usize>,
    pub(super) description: Option<usize>,
    pub(super) payee: Option<usize>,
    pub(super) category: Option<usize>,
    pub(super) tags: Option<usize>,
    pub(super) notes: Option<usize>,
    pub(super) pattern: &'static str,
}

impl Columns {
    pub(super) fn of(headers: &[String], options: &ImportOptions) -> Self {
        let column = |name: &str| headers.iter().position(|h| !name.is_empty() && h == name);
        Self {
            date: column(&options.date_column),
            amount: column(&options.amount_column),
            description: column(&options.description_column),
            payee: column(&options.payee_column),
            category: column(&options.category_column),
            tags: column(&options.tags_column),
            notes: column(&options.notes_column),
            pattern: DATE_FORMATS
                .iter()
                .find(|f| f.0 == options.date_format)
                .map_or("%Y-%m-%d", |f| f.1),
        }
    }
}
