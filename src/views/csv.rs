//! How the pages' CSV downloads (reports, the expense list) are written:
//! for a spreadsheet program in the reader's language (`?format=spreadsheet`:
//! its separator and decimal mark, headers in its words, a UTF-8 BOM so
//! that accents read right) or plain (`?format=plain`: comma, decimal
//! point, English headers, no BOM). Without `format`, a reader whose
//! language writes the comma as its decimal mark gets the spreadsheet's,
//! anyone else the plain one. The API's CSV is always plain.

use loco_rs::prelude::*;

use crate::{i18n::Lang, models::validation::FieldErrors};

/// The UTF-8 byte order mark, which spreadsheet programs read as "this
/// file is UTF-8".
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// `?format=` of a CSV download.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct CsvQuery {
    /// `spreadsheet` or `plain`; the reader's default when left out.
    pub format: Option<String>,
}

/// How a CSV file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvFlavour {
    /// For a spreadsheet program set to this language.
    Spreadsheet(Lang),
    /// For programs.
    Plain,
}

impl CsvFlavour {
    /// The flavour asked for (`spreadsheet` or `plain`), or the reader's
    /// default.
    ///
    /// # Errors
    /// 422 naming `format` for anything else.
    pub fn asked(format: Option<&str>, lang: Lang) -> Result<Self> {
        match format.map(str::trim).filter(|f| !f.is_empty()) {
            Some("spreadsheet") => Ok(Self::Spreadsheet(lang)),
            Some("plain") => Ok(Self::Plain),
            Some(_) => {
                FieldErrors::one("format", "must be spreadsheet or plain").into_result()?;
                Ok(Self::Plain)
            }
            None if lang.csv_separator() == ',' => Ok(Self::Plain),
            None => Ok(Self::Spreadsheet(lang)),
        }
    }

    /// A CSV writer into memory with the flavour's separator, after the
    /// BOM for a spreadsheet.
    #[must_use]
    pub fn writer(self) -> csv::Writer<Vec<u8>> {
        let (start, separator) = match self {
            // Every separator a language has is ASCII.
            Self::Spreadsheet(lang) => (
                BOM.to_vec(),
                u8::try_from(lang.csv_separator()).unwrap_or(b','),
            ),
            Self::Plain => (Vec::new(), b','),
        };
        csv::WriterBuilder::new()
            .delimiter(separator)
            .from_writer(start)
    }

    /// A plain amount (`1234.50`) as the file writes it.
    #[must_use]
    pub fn amount(self, plain: &str) -> String {
        match self {
            // A semicolon separates where the comma is the decimal mark.
            Self::Spreadsheet(lang) if lang.csv_separator() == ';' => plain.replacen('.', ",", 1),
            _ => plain.to_string(),
        }
    }

    /// The header row: `plain` as it is, or the messages `keys` in the
    /// spreadsheet's language.
    #[must_use]
    pub fn header<const N: usize>(self, plain: [&str; N], keys: [&str; N]) -> [String; N] {
        match self {
            Self::Spreadsheet(lang) => keys.map(|key| lang.text(key)),
            Self::Plain => plain.map(String::from),
        }
    }
}
