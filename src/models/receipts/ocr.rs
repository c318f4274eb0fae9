//! Reading a receipt's text with a local OCR engine (Tesseract's command
//! line, from Debian's `tesseract-ocr`), and finding in it what the expense
//! form asks for: the merchant, the total and the date. PDFs are drawn
//! first with Poppler's `pdftoppm`. Both programs are optional: without
//! them nothing is read and the pages do not offer it.

use std::{process::Stdio, sync::LazyLock, time::Duration};

use chrono::{Datelike, NaiveDate};
use regex::Regex;
use tokio::{io::AsyncWriteExt, process::Command};

use crate::models::assistant::words::month_number;

/// The longest a program may take on one receipt.
const RUN_LIMIT: Duration = Duration::from_secs(60);

/// Which of the programs this machine can run (found once, at start).
#[derive(Debug, Clone, Copy, Default)]
pub struct Tools {
    pub ocr: bool,
    pub pdf: bool,
}

impl Tools {
    /// Tries `<program> -v`; a program that cannot be started is absent.
    pub async fn detect(ocr_command: &str, pdf_command: &str) -> Self {
        Self {
            ocr: answers(ocr_command).await,
            pdf: answers(pdf_command).await,
        }
    }
}

async fn answers(program: &str) -> bool {
    if program.trim().is_empty() {
        return false;
    }
    let run = Command::new(program)
        .arg("-v")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .status();
    matches!(tokio::time::timeout(Duration::from_secs(10), run).await, Ok(Ok(status)) if status.success())
}

/// Runs `program args…` with `input` on its standard input; its output.
async fn run(program: &str, args: &[&str], input: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(input).await?;
    }
    let output = tokio::time::timeout(RUN_LIMIT, child.wait_with_output())
        .await
        .map_err(|_| std::io::Error::other(format!("{program} took longer than a minute")))??;
    if !output.status.success() {
        return Err(std::io::Error::other(format!(
            "{program} failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    Ok(output.stdout)
}

/// The first page of a PDF as a PNG, at 150 dpi.
///
/// # Errors
/// When `pdftoppm` fails or cannot be run.
pub async fn draw_pdf_page(pdf_command: &str, pdf: &[u8]) -> std::io::Result<Vec<u8>> {
    run(
        pdf_command,
        &[
            "-png",
            "-r",
            "150",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            "-",
        ],
        pdf,
    )
    .await
}

/// The text Tesseract reads in an image (PNG, JPEG, ...).
///
/// # Errors
/// When Tesseract fails or cannot be run.
pub async fn read_text(ocr_command: &str, image: &[u8]) -> std::io::Result<String> {
    let out = run(ocr_command, &["stdin", "stdout", "--psm", "4"], image).await?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// What a receipt's text says the expense is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    pub merchant: Option<String>,
    /// The total as printed, with a dot for decimals ("23.40").
    pub total: Option<String>,
    pub date: Option<NaiveDate>,
}

// Constant patterns (the unit tests below exercise each); `None` only if
// one did not compile, and then that part finds nothing.
static AMOUNT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d.,])(\d{1,3}(?:[.,' ]\d{3})*|\d+)[.,](\d{2})(?:$|[^\d])").ok()
});
static NUMERIC_DATE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"\b(\d{4})[-./](\d{1,2})[-./](\d{1,2})\b|\b(\d{1,2})[-./](\d{1,2})[-./](\d{4}|\d{2})\b",
    )
    .ok()
});
static WORD_DATE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b|\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
        .ok()
});

/// Words of the line that carries what was paid, best first.
const TOTAL_WORDS: &[&str] = &[
    "grand total",
    "amount due",
    "balance due",
    "total due",
    "to pay",
    "total",
    "amount",
    "sum",
];
/// Lines that name a part of the total, not the total: containing a
/// subtotal, or starting with tax, a tip, what was handed over...
const SUBTOTAL: &[&str] = &["subtotal", "sub total", "sub-total"];
const PART_STARTS: &[&str] = &["tax", "vat", "tip", "change", "cash", "discount", "card"];
/// First lines that are headings, not the merchant.
const NOT_MERCHANT: &[&str] = &[
    "receipt",
    "invoice",
    "tax invoice",
    "welcome",
    "sales receipt",
    "copy",
];

/// Finds the merchant, total and date in a receipt's text. Dates after
/// `today` or more than ten years before it are not taken.
#[must_use]
pub fn find(text: &str, today: NaiveDate) -> Found {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    Found {
        merchant: merchant(&lines),
        total: total(&lines),
        date: lines.iter().find_map(|line| date_in(line, today)),
    }
}

fn merchant(lines: &[&str]) -> Option<String> {
    lines.iter().take(5).find_map(|line| {
        let letters = line.chars().filter(|c| c.is_alphabetic()).count();
        let lower = line.to_lowercase();
        let heading = NOT_MERCHANT
            .iter()
            .any(|w| lower.trim_matches(|c: char| !c.is_alphabetic() && c != ' ') == *w);
        (letters >= 3
            && letters * 2 >= line.chars().filter(|c| !c.is_whitespace()).count()
            && !heading)
            .then(|| line.chars().take(100).collect::<String>())
    })
}

/// The amounts on a line, as "1234.50".
fn amounts(line: &str) -> Vec<String> {
    AMOUNT
        .iter()
        .flat_map(|re| re.captures_iter(line))
        .map(|c| {
            let whole: String = c[1].chars().filter(char::is_ascii_digit).collect();
            format!("{}.{}", whole.trim_start_matches('0').max("0"), &c[2])
        })
        .collect()
}

fn is_part_of_total(lower: &str) -> bool {
    SUBTOTAL.iter().any(|w| lower.contains(w)) || PART_STARTS.iter().any(|w| lower.starts_with(w))
}

fn total(lines: &[&str]) -> Option<String> {
    let named = TOTAL_WORDS.iter().find_map(|word| {
        lines.iter().rev().find_map(|line| {
            let lower = line.to_lowercase();
            (lower.contains(word) && !is_part_of_total(&lower))
                .then(|| amounts(line).pop())
                .flatten()
        })
    });
    // No line names it: the largest amount printed.
    named.or_else(|| {
        lines.iter().flat_map(|line| amounts(line)).max_by(|a, b| {
            let value = |s: &String| s.parse::<f64>().unwrap_or(0.0);
            value(a).total_cmp(&value(b))
        })
    })
}

fn date_in(line: &str, today: NaiveDate) -> Option<NaiveDate> {
    let plausible =
        |date: NaiveDate| (date <= today && date.year() >= today.year() - 10).then_some(date);
    let number = |m: Option<regex::Match>| m.and_then(|m| m.as_str().parse::<u32>().ok());
    for c in NUMERIC_DATE.iter().flat_map(|re| re.captures_iter(line)) {
        let found = if let Some(year) = number(c.get(1)) {
            NaiveDate::from_ymd_opt(
                i32::try_from(year).ok()?,
                number(c.get(2))?,
                number(c.get(3))?,
            )
        } else {
            let (first, second) = (number(c.get(4))?, number(c.get(5))?);
            let year = number(c.get(6))?;
            let year = i32::try_from(if year < 100 { 2000 + year } else { year }).ok()?;
            // Day first (most of the world) unless only month first makes a date.
            NaiveDate::from_ymd_opt(year, second, first)
                .or_else(|| NaiveDate::from_ymd_opt(year, first, second))
        };
        if let Some(date) = found.and_then(plausible) {
            return Some(date);
        }
    }
    for c in WORD_DATE.iter().flat_map(|re| re.captures_iter(line)) {
        let (day, month, year) = if c.get(1).is_some() {
            (number(c.get(1)), c.get(2), number(c.get(3)))
        } else {
            (number(c.get(5)), c.get(4), number(c.get(6)))
        };
        let month = month_number(&month?.as_str().to_lowercase())?;
        if let Some(date) =
            NaiveDate::from_ymd_opt(i32::try_from(year?).ok()?, month, day?).and_then(plausible)
        {
            return Some(date);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default()
    }

    #[test]
    fn a_shop_receipt() {
        let text = "CORNER BAKERY\n12 Mill Street\nDate: 20/11/2026 08:14\nCroissant  2.40\nCoffee 3.10\nSUBTOTAL 5.50\nVAT 20% 0.92\nTOTAL EUR 5.50\nCASH 10.00\nCHANGE 4.50\n";
        assert_eq!(
            find(text, today()),
            Found {
                merchant: Some("CORNER BAKERY".into()),
                total: Some("5.50".into()),
                date: NaiveDate::from_ymd_opt(2026, 11, 20),
            }
        );
    }

    #[test]
    fn headings_words_and_thousands() {
        let text = "RECEIPT\nGarden Centre Ltd\nNov 3, 2026\nShed 1,249.00\nAmount due: 1,249.00\n";
        let found = find(text, today());
        assert_eq!(found.merchant.as_deref(), Some("Garden Centre Ltd"));
        assert_eq!(found.total.as_deref(), Some("1249.00"));
        assert_eq!(found.date, NaiveDate::from_ymd_opt(2026, 11, 3));
    }

    #[test]
    fn without_a_total_line_the_largest_amount() {
        let found = find("Kiosk\n2026-11-24\nWater 1,20\nSandwich 4,80\n", today());
        assert_eq!(found.total.as_deref(), Some("4.80"));
        assert_eq!(found.date, NaiveDate::from_ymd_opt(2026, 11, 24));
    }

    #[test]
    fn implausible_dates_and_empty_text() {
        assert_eq!(find("Shop\n01/01/2031\n", today()).date, None);
        assert_eq!(find("", today()), Found::default());
        // Month first when day first is not a date.
        assert_eq!(
            find("x\n11/25/2026\n", today()).date,
            NaiveDate::from_ymd_opt(2026, 11, 25)
        );
    }
}
