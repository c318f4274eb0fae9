//! Reading a receipt's text with a local OCR engine (Tesseract's command
//! line, from Debian's `tesseract-ocr`), and finding in it what the expense
//! form asks for: the merchant, the total and the date. PDFs are measured
//! with Poppler's `pdfinfo`, then their first page drawn with `pdftoppm` at
//! no more than that size. The programs are optional: without them nothing
//! is read and the pages do not offer it. Each run is bounded in time (the
//! program is killed) and memory (`receipts.tool_timeout_secs`,
//! `tool_memory_mb`).

use std::{process::Stdio, sync::LazyLock, time::Duration};

use chrono::{Datelike, NaiveDate};
use regex::Regex;
use tokio::{io::AsyncWriteExt, process::Command};

use crate::{models::assistant::words::month_number, settings::ReceiptSettings};

/// Which of the programs this machine can run (found once, at start).
#[derive(Debug, Clone, Copy, Default)]
pub struct Tools {
    pub ocr: bool,
    /// Both of Poppler's: `pdfinfo` measures the page, `pdftoppm` draws it.
    pub pdf: bool,
}

impl Tools {
    /// Tries `<program> -v`; a program that cannot be started is absent.
    pub async fn detect(settings: &ReceiptSettings) -> Self {
        Self {
            ocr: answers(&settings.ocr_command).await,
            pdf: answers(&settings.pdf_render_command).await
                && answers(&settings.pdf_info_command).await,
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

/// What one run of a program may take: time (it is killed after it) and
/// memory (its address space; past it allocations fail).
#[derive(Debug, Clone, Copy)]
pub struct RunLimits {
    pub time: Duration,
    pub memory_bytes: u64,
}

impl RunLimits {
    #[must_use]
    pub fn of(settings: &ReceiptSettings) -> Self {
        Self {
            time: Duration::from_secs(u64::from(settings.tool_timeout_secs)),
            memory_bytes: u64::from(settings.tool_memory_mb) << 20,
        }
    }
}

/// Why a program's run gave nothing.
#[derive(Debug)]
pub enum RunError {
    /// It could not be started.
    NotStarted(std::io::Error),
    /// It ran past its time and was killed.
    TimedOut(Duration),
    /// It failed, or its answer was not what was asked for.
    Failed(String),
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotStarted(err) => write!(f, "could not be started: {err}"),
            Self::TimedOut(limit) => write!(f, "took longer than {} s", limit.as_secs()),
            Self::Failed(why) => write!(f, "failed: {why}"),
        }
    }
}

/// Bounds the address space of the program `command` starts.
#[cfg(unix)]
fn limit_memory(command: &mut Command, bytes: u64) {
    let bytes = libc::rlim_t::try_from(bytes).unwrap_or(libc::RLIM_INFINITY);
    let limit = libc::rlimit {
        rlim_cur: bytes,
        rlim_max: bytes,
    };
    // SAFETY: runs in the child between fork and exec, and only calls
    // setrlimit, which is async-signal-safe and allocates nothing.
    unsafe {
        command.pre_exec(move || {
            if libc::setrlimit(libc::RLIMIT_AS, &limit) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
}

#[cfg(not(unix))]
fn limit_memory(_command: &mut Command, _bytes: u64) {}

/// Runs `program args…` with `input` on its standard input, within
/// `limits`; its output. The input is written while the output is read (a
/// program that answers before it has read everything cannot block us), and
/// all of it counts against the time limit: past it the program is killed.
async fn run(
    program: &str,
    args: &[&str],
    input: &[u8],
    limits: RunLimits,
) -> Result<Vec<u8>, RunError> {
    let mut command = Command::new(program);
    command
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        // One thread each: Tesseract's OpenMP threads would multiply its
        // memory and compete with the other jobs for the cores.
        .env("OMP_THREAD_LIMIT", "1");
    limit_memory(&mut command, limits.memory_bytes);
    let mut child = command.spawn().map_err(RunError::NotStarted)?;
    let stdin = child.stdin.take();
    let feed = async move {
        if let Some(mut stdin) = stdin {
            // A program that stops reading (or has exited) is judged by
            // its exit status, not by this write.
            let _ = stdin.write_all(input).await;
        }
    };
    // Dropping the child on timeout kills it (`kill_on_drop`).
    let work = async { tokio::join!(feed, child.wait_with_output()).1 };
    let output = tokio::time::timeout(limits.time, work)
        .await
        .map_err(|_| RunError::TimedOut(limits.time))?
        .map_err(|err| RunError::Failed(err.to_string()))?;
    if !output.status.success() {
        let said: String = String::from_utf8_lossy(&output.stderr)
            .trim()
            .chars()
            .take(300)
            .collect();
        return Err(RunError::Failed(format!("{}: {said}", output.status)));
    }
    Ok(output.stdout)
}

/// Pages are drawn at this resolution (Tesseract reads them well).
pub const DRAW_DPI: f64 = 150.0;

/// A PDF's first page, in points (1/72 inch), before any rotation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSize {
    pub width_pt: f64,
    pub height_pt: f64,
}

impl PageSize {
    /// Its width and height in pixels when drawn at [`DRAW_DPI`].
    #[must_use]
    pub fn pixels(self) -> (u32, u32) {
        let px = |pt: f64| {
            let px = (pt / 72.0 * DRAW_DPI).round();
            // Saturating: an absurd size is refused by the pixel limit.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let px = px.clamp(1.0, f64::from(u32::MAX)) as u32;
            px
        };
        (px(self.width_pt), px(self.height_pt))
    }

    /// Its width and height in centimetres, for people.
    #[must_use]
    pub fn centimetres(self) -> (f64, f64) {
        let cm = |pt: f64| (pt / 72.0 * 2.54).round();
        (cm(self.width_pt), cm(self.height_pt))
    }
}

/// The size `pdfinfo` gives for the first page: `Page    1 size:  480 x
/// 403.2 pts`.
fn page_size_in(answer: &str) -> Option<PageSize> {
    answer.lines().find_map(|line| {
        let (_, size) = line.split_once("size:")?;
        let (width, rest) = size.split_once(" x ")?;
        let height = rest.split_whitespace().next()?;
        let (width_pt, height_pt) = (width.trim().parse().ok()?, height.parse().ok()?);
        let usable = |pt: f64| pt.is_finite() && pt > 0.0;
        (usable(width_pt) && usable(height_pt)).then_some(PageSize {
            width_pt,
            height_pt,
        })
    })
}

/// The size of a PDF's first page, measured by `pdfinfo` without drawing it.
///
/// # Errors
/// When `pdfinfo` fails, cannot be run or gives no size.
pub async fn measure_pdf_page(
    info_command: &str,
    pdf: &[u8],
    limits: RunLimits,
) -> Result<PageSize, RunError> {
    let answer = run(info_command, &["-f", "1", "-l", "1", "-"], pdf, limits).await?;
    page_size_in(&String::from_utf8_lossy(&answer))
        .ok_or_else(|| RunError::Failed("no page size in its answer".to_string()))
}

/// The first page of a PDF as a PNG of exactly `width` x `height` pixels
/// (its size at [`DRAW_DPI`], measured first): whatever the file claims,
/// `pdftoppm` draws no more than that.
///
/// # Errors
/// When `pdftoppm` fails or cannot be run.
pub async fn draw_pdf_page(
    pdf_command: &str,
    pdf: &[u8],
    (width, height): (u32, u32),
    limits: RunLimits,
) -> Result<Vec<u8>, RunError> {
    let (width, height) = (width.to_string(), height.to_string());
    run(
        pdf_command,
        &[
            "-png",
            "-scale-to-x",
            &width,
            "-scale-to-y",
            &height,
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            "-",
        ],
        pdf,
        limits,
    )
    .await
}

/// The text Tesseract reads in an image (PNG, JPEG, ...).
///
/// # Errors
/// When Tesseract fails or cannot be run.
pub async fn read_text(
    ocr_command: &str,
    image: &[u8],
    limits: RunLimits,
) -> Result<String, RunError> {
    let out = run(
        ocr_command,
        &["stdin", "stdout", "--psm", "4"],
        image,
        limits,
    )
    .await?;
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
    fn page_sizes_as_pdfinfo_gives_them() {
        let answer = "Pages:           1\nPage    1 size:  480 x 403.2 pts\nPage    1 rot:   0\n";
        let size = page_size_in(answer).unwrap_or(PageSize {
            width_pt: 0.0,
            height_pt: 0.0,
        });
        assert_eq!(size.pixels(), (1000, 840));
        let huge = page_size_in("Page size:       7000 x 7000 pts\n").map(PageSize::pixels);
        assert_eq!(huge, Some((14583, 14583)));
        assert_eq!(page_size_in("Page    1 size:  0 x 10 pts\n"), None);
        assert_eq!(page_size_in("Pages: 1\n"), None);
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
