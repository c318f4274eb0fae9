//! The guards of the field messages' table: every wording the code writes
//! for a page (plain, built with `format!`, or a refusal) has one, so a new
//! message cannot stay English by mistake.

use regex::Regex;

use super::Lang;

mod plain_wordings {
    use super::*;

    #[test]
    fn every_plain_wording_of_the_models_reads_in_german() {
        let call = Regex::new(
            r#"(?:errors\.add|DomainError::field|FieldErrors::one)\(\s*"[^"]*",\s*"([^"{}]+)"\s*,?\s*\)"#,
        )
        .unwrap();
        let mut missing = Vec::new();
        for (path, source) in crate::i18n::source_scan::sources() {
            if !path.contains("/src/models/") {
                continue;
            }
            for found in call.captures_iter(&source) {
                let wording = &found[1];
                if Lang::De.field_message(wording) == wording {
                    missing.push(format!("{path}: {wording}"));
                }
            }
        }
        missing.sort();
        missing.dedup();
        assert!(missing.is_empty(), "no German for:\n{}", missing.join("\n"));
    }
}

/// The wordings the plain-literal scan above cannot see: messages built
/// with `format!` and refusals that name no field.
mod built_wordings {
    use super::*;
    use crate::i18n::source_scan::{sources, translates};

    /// Texts the scan finds that no page shows: refusals only API clients
    /// and background jobs meet (the add form answers a key conflict with
    /// its status alone, for the offline queue), and texts that are parts
    /// of messages rather than messages.
    const NOT_ON_PAGES: &[&str] = &[
        "Not allowed.",
        "The workspace has an unknown base currency.",
        "Confirm your email address first; we sent you a link.",
        "The body must be JSON, sent with Content-Type: application/json",
        "Some fields are invalid; see `errors`.",
        "This {HEADER} was used within the last 24 hours for another request; use a new key for a new request.",
        "Another request with this {HEADER} was handled at the same time; send it again to get its answer.",
        // Parts: the kinds of receipt files, and a file's name before its
        // problem.
        "JPEG, PNG, WebP, HEIC or PDF",
        r#"\"{}\" {problem}"#,
    ];

    /// Whether `wording` (a format string: `{…}` are its parts) reads in
    /// German with some sample for its parts.
    fn reads_in_german(wording: &str) -> bool {
        let samples = [
            "7",
            "EUR",
            "owner",
            "ann@example.com",
            "x",
            crate::models::receipts::files::ACCEPTED,
        ];
        translates(wording, &samples, |english| Lang::De.field_message(english))
    }

    #[test]
    fn every_built_message_and_refusal_reads_in_german() {
        const STRING: &str = r#""((?:[^"\\]|\\.)+)""#;
        let shapes = [
            // A field message built with format!.
            format!(
                r"(?:errors\.add|DomainError::field|FieldErrors::one)\(\s*[^,()]+,\s*&?format!\(\s*{STRING}"
            ),
            // A refusal with a literal or built message.
            format!(r"DomainError::(?:Forbidden|Conflict)\(\s*(?:format!\()?\s*{STRING}"),
            format!(r"ErrorDetail::new\(\s*{STRING},\s*{STRING}"),
            format!(r"description: Some\(\s*{STRING}"),
            format!(r"pub const [A-Z_]+: &str =\s*{STRING}"),
            // A field message of an upload's own `refused` closure.
            format!(r#"refused\(\s*&?[a-z"]+,\s*(?:format!\()?\s*{STRING}"#),
            // What a refused upload names after the file's name.
            format!(r"named\(&format!\(\s*{STRING}"),
            // What a plan allows, in its refusal (`Limits::refuse`).
            r#"format!\(\s*"((?:allows|keeps) (?:[^"\\]|\\.)+)""#.to_string(),
        ];
        let shapes: Vec<Regex> = shapes.iter().map(|s| Regex::new(s).unwrap()).collect();
        let mut missing = Vec::new();
        let mut seen = 0;
        for (path, source) in sources() {
            if path.contains("/i18n/") {
                continue;
            }
            for shape in &shapes {
                for found in shape.captures_iter(&source) {
                    let wording = found.get(found.len() - 1).unwrap().as_str();
                    // Codes (`forbidden`) and texts of constants that are no
                    // messages (a header name, a path) are skipped.
                    if !wording.contains(' ') || NOT_ON_PAGES.contains(&wording) {
                        continue;
                    }
                    let wording = if shape.as_str().starts_with("named") {
                        format!("\"x\" {wording}")
                    } else if shape.as_str().contains("allows|keeps") {
                        format!(
                            "The Free plan {wording}. The workspace owner can upgrade on the Billing page."
                        )
                    } else {
                        wording.to_string()
                    };
                    seen += 1;
                    if !reads_in_german(&wording) {
                        missing.push(format!("{path}: {wording}"));
                    }
                }
            }
        }
        assert!(seen > 30, "only {seen} wordings found: the scan is broken");
        missing.sort();
        missing.dedup();
        assert!(missing.is_empty(), "no German for:\n{}", missing.join("\n"));
    }
}
