//! Reading the CSV text: its separator, its header, and the mapping and
//! formats its first rows suggest (the preview).

use chrono::NaiveDate;
use loco_rs::prelude::*;
use serde::Serialize;

use super::{ofx::OFX_HEADER, ImportOptions, Model, DATE_FORMATS};
use crate::models::validation::FieldErrors;

const PREVIEW_ROWS: usize = 10;

/// The first rows of a file, for choosing the mapping.
#[derive(Debug, Serialize)]
pub struct Preview {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub guess: ImportOptions,
}

/// The separator the header line uses most: comma, semicolon or tab.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| header.bytes().filter(|b| b == d).count())
        .unwrap_or(b',')
}

pub(super) fn reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes())
}

pub(super) fn headers(text: &str) -> Result<Vec<String>> {
    let headers: Vec<String> = reader(text)
        .headers()
        .map_err(|err| {
            Error::from(FieldErrors::one(
                "file",
                format!("cannot be read as CSV: {err}"),
            ))
        })?
        .iter()
        .map(str::to_string)
        .collect();
    if headers.iter().all(String::is_empty) {
        return Err(FieldErrors::one("file", "has no header row naming its columns").into());
    }
    Ok(headers)
}

/// The column whose header is one of `names` (any case), or none.
fn guess_column(headers: &[String], names: &[&str]) -> String {
    headers
        .iter()
        .find(|h| names.contains(&h.to_lowercase().as_str()))
        .cloned()
        .unwrap_or_default()
}

impl Model {
    /// The header, the first rows, and the mapping and formats they suggest.
    ///
    /// # Errors
    /// When the kept file cannot be read (it was checked on upload).
    pub fn preview(&self) -> Result<Preview> {
        let headers = headers(&self.content)?;
        let rows: Vec<Vec<String>> = reader(&self.content)
            .records()
            .take(PREVIEW_ROWS)
            .filter_map(std::result::Result::ok)
            .map(|r| r.iter().map(str::to_string).collect())
            .collect();
        let guess = guess(&headers, &rows);
        Ok(Preview {
            headers,
            rows,
            guess,
        })
    }
}

/// The mapping and formats a file's header and first rows suggest.
fn guess(headers: &[String], rows: &[Vec<String>]) -> ImportOptions {
    let date_column = guess_column(
        headers,
        &[
            "date",
            "booking date",
            "transaction date",
            "value date",
            "datum",
            "buchungstag",
        ],
    );
    let amount_column = guess_column(headers, &["amount", "value", "sum", "betrag", "debit"]);
    let first_value = |column: &str| {
        let index = headers.iter().position(|h| h == column)?;
        rows.first()?.get(index).cloned()
    };
    let date_format = first_value(&date_column)
        .and_then(|value| {
            DATE_FORMATS
                .iter()
                .find(|(_, pattern, _)| NaiveDate::parse_from_str(&value, pattern).is_ok())
        })
        .map_or("ymd", |f| f.0)
        .to_string();
    let decimal = match first_value(&amount_column) {
        Some(v)
            if v.rsplit_once(',').is_some_and(|(_, tail)| tail.len() <= 2) && !v.contains('.') =>
        {
            "comma"
        }
        Some(v) if v.find('.') < v.find(',') && v.contains(',') => "comma",
        _ => "point",
    };
    ImportOptions {
        description_column: guess_column(
            headers,
            &[
                "description",
                "memo",
                "details",
                "text",
                "narrative",
                "verwendungszweck",
                "reference",
            ],
        ),
        payee_column: guess_column(
            headers,
            &[
                "payee",
                "merchant",
                "name",
                "counterparty",
                "beneficiary",
                "empfänger",
            ],
        ),
        category_column: guess_column(headers, &["category", "kategorie"]),
        tags_column: guess_column(headers, &["tags", "labels"]),
        notes_column: guess_column(headers, &["notes", "note", "comment", "memo"]),
        date_column,
        amount_column,
        date_format,
        decimal: decimal.to_string(),
        // Statements write what left the account as negative amounts.
        sign: if headers.join(",") == OFX_HEADER {
            "negative"
        } else {
            "positive"
        }
        .to_string(),
        skip_duplicates: "on".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_line_names_the_separator() {
        assert_eq!(delimiter("date;amount;text\n"), b';');
        assert_eq!(delimiter("date\tamount\n"), b'\t');
    }
}
