//! Reading the CSV text: its separator, its header, and the mapping and
//! formats its first rows suggest (the preview).

use chrono::NaiveDate;
use loco_rs::prelude::*;
use serde::Serialize;

use super::{ofx::is_statement, rows::is_negative, ImportOptions, Model, DATE_FORMATS};
use crate::models::validation::FieldErrors;

const PREVIEW_ROWS: usize = 10;
/// The rows the formats and the sign are guessed from: more than are shown,
/// so that a month starting with its income is not taken for a file of
/// positive expenses.
const GUESS_ROWS: usize = 500;

/// The first rows of a file, for choosing the mapping.
#[derive(Debug, Serialize)]
pub struct Preview {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub guess: ImportOptions,
    /// Set for a bank statement (OFX/QFX), whose columns are known.
    pub statement: Option<Statement>,
}

/// What a bank statement holds: its debits are the expenses.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Statement {
    pub transactions: usize,
    pub debits: usize,
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
        let sample: Vec<Vec<String>> = reader(&self.content)
            .records()
            .take(GUESS_ROWS)
            .filter_map(std::result::Result::ok)
            .map(|r| r.iter().map(str::to_string).collect())
            .collect();
        let guess = guess(&headers, &sample);
        let statement = is_statement(&headers).then(|| {
            let amount_at = headers.iter().position(|h| *h == guess.amount_column);
            let (mut transactions, mut debits) = (0, 0);
            for record in reader(&self.content)
                .records()
                .filter_map(std::result::Result::ok)
            {
                transactions += 1;
                debits += usize::from(
                    amount_at
                        .and_then(|i| record.get(i))
                        .is_some_and(is_negative),
                );
            }
            Statement {
                transactions,
                debits,
            }
        });
        Ok(Preview {
            headers,
            rows: sample.into_iter().take(PREVIEW_ROWS).collect(),
            guess,
            statement,
        })
    }
}

/// The values of `column` in the sample, leaving out empty cells.
fn values<'a>(headers: &[String], rows: &'a [Vec<String>], column: &str) -> Vec<&'a str> {
    let Some(index) = headers.iter().position(|h| h == column) else {
        return Vec::new();
    };
    rows.iter()
        .filter_map(|row| row.get(index))
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .collect()
}

/// The date format most of `dates` are written in (the first offered one
/// on a tie: 01/02/2026 reads either way), or YYYY-MM-DD when none fits.
fn date_format(dates: &[&str]) -> &'static str {
    DATE_FORMATS
        .iter()
        .enumerate()
        .map(|(order, f)| {
            let fits = dates
                .iter()
                .filter(|d| NaiveDate::parse_from_str(d, f.1).is_ok())
                .count();
            (fits, std::cmp::Reverse(order), f.0)
        })
        .filter(|(fits, _, _)| *fits > 0)
        .max()
        .map_or("ymd", |(_, _, key)| key)
}

/// Whether an amount is written with a decimal comma (`Some(true)`), a
/// decimal point (`Some(false)`), or cannot tell: `1.234` is a thousand
/// with a decimal comma, or one and a bit with a decimal point.
fn decimal_comma(amount: &str) -> Option<bool> {
    let digits_after = |at: usize| {
        amount[at + 1..]
            .chars()
            .take_while(char::is_ascii_digit)
            .count()
    };
    match (amount.rfind('.'), amount.rfind(',')) {
        (Some(point), Some(comma)) => Some(comma > point),
        (None, Some(_)) if amount.matches(',').count() > 1 => Some(false),
        (None, Some(comma)) => (digits_after(comma) != 3).then_some(true),
        (Some(_), None) if amount.matches('.').count() > 1 => Some(true),
        (Some(point), None) => (digits_after(point) != 3).then_some(false),
        (None, None) => None,
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
            "buchungsdatum",
        ],
    );
    let amount_column = guess_column(
        headers,
        &[
            "amount",
            "value",
            "sum",
            "betrag",
            "betrag (eur)",
            "umsatz",
            "debit",
        ],
    );
    let amounts = values(headers, rows, &amount_column);
    let (commas, points) =
        amounts
            .iter()
            .filter_map(|a| decimal_comma(a))
            .fold(
                (0, 0),
                |(c, p), comma| if comma { (c + 1, p) } else { (c, p + 1) },
            );
    let negatives = amounts.iter().filter(|a| is_negative(a)).count();
    // What left the account is negative on a statement; a file that is
    // mostly negative amounts is one, whose few positive ones are income.
    let sign = if is_statement(headers) || negatives * 2 > amounts.len() {
        "negative"
    } else {
        "positive"
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
                "zahlungsempfänger",
                "auftraggeber/empfänger",
                "empfänger/auftraggeber",
                "begünstigter/zahlungspflichtiger",
                "beguenstigter/zahlungspflichtiger",
            ],
        ),
        category_column: guess_column(headers, &["category", "kategorie"]),
        tags_column: guess_column(headers, &["tags", "labels"]),
        notes_column: guess_column(headers, &["notes", "note", "comment", "memo"]),
        date_format: date_format(&values(headers, rows, &date_column)).to_string(),
        date_column,
        amount_column,
        decimal: if commas > points { "comma" } else { "point" }.to_string(),
        sign: sign.to_string(),
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

    #[test]
    fn formats_and_sign_are_guessed_from_the_values() {
        assert_eq!(date_format(&["21.11.2026", "01.12.2026"]), "dmy_dots");
        assert_eq!(date_format(&["01/02/2026", "13/02/2026"]), "dmy");
        assert_eq!(date_format(&["01/02/2026", "02/13/2026"]), "mdy");
        assert_eq!(date_format(&["yesterday"]), "ymd");
        for (amount, comma) in [
            ("-1.245,60", Some(true)),
            ("2.500,00", Some(true)),
            ("-12,5", Some(true)),
            ("1,234.56", Some(false)),
            ("-3.20", Some(false)),
            ("1.234", None),
            ("1,234", None),
            ("1.234.567", Some(true)),
            ("12", None),
        ] {
            assert_eq!(decimal_comma(amount), comma, "{amount}");
        }
        let headers: Vec<String> = ["Buchungstag", "Betrag", "Auftraggeber/Empfänger"]
            .map(String::from)
            .to_vec();
        let row = |date: &str, amount: &str| vec![date.to_string(), amount.to_string(), "x".into()];
        // Income first, as a month's statement starts.
        let rows = vec![
            row("01.11.2026", "2.500,00"),
            row("02.11.2026", "1.000"),
            row("03.11.2026", "-1.245,60"),
            row("04.11.2026", "-7,20"),
            row("05.11.2026", "-12,00"),
        ];
        let guessed = guess(&headers, &rows);
        assert_eq!(guessed.sign, "negative");
        assert_eq!(guessed.decimal, "comma");
        assert_eq!(guessed.date_format, "dmy_dots");
        assert_eq!(guessed.payee_column, "Auftraggeber/Empfänger");
        let receipts = guess(
            &headers,
            &[row("2026-11-01", "4.50"), row("2026-11-02", "-1.00")],
        );
        assert_eq!(
            (receipts.sign.as_str(), receipts.decimal.as_str()),
            ("positive", "point")
        );
        assert_eq!(receipts.date_format, "ymd");
    }
}
