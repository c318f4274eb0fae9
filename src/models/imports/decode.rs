//! Bytes to text: the file's encoding (UTF-8, with or without a byte order
//! mark, or ISO-8859-1), and refusing what is not text at all.

use loco_rs::prelude::*;

use crate::models::validation::FieldErrors;

/// How the file's text is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 when the bytes are UTF-8, otherwise Western: the upload form's
    /// default, since many banks still export ISO-8859-1.
    Auto,
    Utf8,
    /// ISO-8859-1, as older bank exports are.
    Latin1,
}

impl Encoding {
    /// The upload form's value; `None` for one it does not offer.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim() {
            "" | "auto" => Some(Self::Auto),
            "utf8" => Some(Self::Utf8),
            "latin1" => Some(Self::Latin1),
            _ => None,
        }
    }
}

/// What Windows writes for bytes 0x80 to 0x9F, which ISO-8859-1 leaves to
/// control characters: files saved as "Western" on Windows use them (the
/// euro sign, curly quotes). Undefined ones stay control characters and are
/// refused where text is checked.
const WINDOWS_1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

fn western(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => WINDOWS_1252[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

pub(super) fn decode(bytes: &[u8], encoding: Encoding) -> Result<String> {
    let fail = |message: &str| Err(FieldErrors::one("file", message).into());
    if bytes.is_empty() {
        return fail("is empty");
    }
    if bytes.contains(&0) {
        return fail("is not a text (CSV) file");
    }
    let utf8 = || std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
    match encoding {
        Encoding::Latin1 => Ok(western(bytes)),
        Encoding::Auto => Ok(utf8().map_or_else(|_| western(bytes), str::to_string)),
        Encoding::Utf8 => match utf8() {
            Ok(text) => Ok(text.to_string()),
            Err(_) => fail(
                "is not UTF-8 text: choose the Western (ISO-8859-1) encoding, or save it as \"CSV UTF-8\"",
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_checked_before_they_are_kept() {
        assert!(decode(b"", Encoding::Utf8).is_err());
        assert!(decode(b"MZ\x90\x00\x03", Encoding::Utf8).is_err());
        assert!(decode(b"MZ\x90\x00\x03", Encoding::Auto).is_err());
        assert!(decode(b"date;amount\n\xe9t\xe9;1", Encoding::Utf8).is_err());
        assert_eq!(
            decode(b"\xe9t\xe9", Encoding::Latin1).unwrap(),
            "\u{e9}t\u{e9}"
        );
        assert_eq!(decode(b"\xEF\xBB\xBFdate", Encoding::Utf8).unwrap(), "date");
    }

    #[test]
    fn the_default_reads_utf8_and_western_bytes() {
        assert_eq!(
            decode("Bäckerei Müller".as_bytes(), Encoding::Auto).unwrap(),
            "Bäckerei Müller"
        );
        assert_eq!(
            decode(b"B\xe4ckerei M\xfcller \x80 5", Encoding::Auto).unwrap(),
            "Bäckerei Müller € 5"
        );
        assert_eq!(decode(b"\xEF\xBB\xBFdate", Encoding::Auto).unwrap(), "date");
        assert_eq!(Encoding::parse("latin1"), Some(Encoding::Latin1));
        assert_eq!(Encoding::parse(""), Some(Encoding::Auto));
        assert_eq!(Encoding::parse("ebcdic"), None);
    }
}
