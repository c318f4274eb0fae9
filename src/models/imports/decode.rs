//! Bytes to text: the file's encoding (UTF-8, with or without a byte order
//! mark, or ISO-8859-1), and refusing what is not text at all.

use loco_rs::prelude::*;

use crate::models::validation::FieldErrors;

/// How the file's text is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// ISO-8859-1, as older bank exports are.
    Latin1,
}

impl Encoding {
    #[must_use]
    pub fn parse(text: &str) -> Self {
        if text.trim() == "latin1" {
            Self::Latin1
        } else {
            Self::Utf8
        }
    }
}

pub(super) fn decode(bytes: &[u8], encoding: Encoding) -> Result<String> {
    let fail = |message: &str| Err(FieldErrors::one("file", message).into());
    if bytes.is_empty() {
        return fail("is empty");
    }
    if bytes.contains(&0) {
        return fail("is not a text (CSV) file");
    }
    match encoding {
        Encoding::Latin1 => Ok(bytes.iter().map(|b| char::from(*b)).collect()),
        Encoding::Utf8 => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            match std::str::from_utf8(bytes) {
                Ok(text) => Ok(text.to_string()),
                Err(_) => fail(
                    "is not UTF-8 text: choose the Western (ISO-8859-1) encoding, or save it as \"CSV UTF-8\"",
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_checked_before_they_are_kept() {
        assert!(decode(b"", Encoding::Utf8).is_err());
        assert!(decode(b"MZ\x90\x00\x03", Encoding::Utf8).is_err());
        assert!(decode(b"date;amount\n\xe9t\xe9;1", Encoding::Utf8).is_err());
        assert_eq!(
            decode(b"\xe9t\xe9", Encoding::Latin1).unwrap(),
            "\u{e9}t\u{e9}"
        );
        assert_eq!(decode(b"\xEF\xBB\xBFdate", Encoding::Utf8).unwrap(), "date");
    }
}
