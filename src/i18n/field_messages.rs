//! Field messages in the reader's language. Models word their messages in
//! English, and the API answers them as they are (it stays locale-free);
//! pages show them in the page's language through this table of the
//! English wordings, each with its Fluent message (`assets/i18n/*/fields.ftl`)
//! and the parts it carries. A wording the table lacks stays English.

use std::{borrow::Cow, collections::HashMap, sync::LazyLock};

use fluent_templates::fluent_bundle::FluentValue;
use regex::Regex;
use serde_json::Value;

use super::Lang;

/// `(English wording, message)`: the wording is a regular expression of
/// the whole message whose named groups are the message's arguments.
const WORDINGS: &[(&str, &str)] = &[
    (r"can't be blank", "field-blank"),
    (
        r"must be at most (?P<max>\d+) characters long",
        "field-max-chars",
    ),
    (
        r"must be at least (?P<min>\d+) characters long",
        "field-min-chars",
    ),
    (
        r"must not contain control characters",
        "field-control-chars",
    ),
    (r"must be a real date as YYYY-MM-DD", "field-date"),
    (r"must be between 1970 and 2100", "field-date-range"),
    (r"must be greater than zero", "field-above-zero"),
    (r"must be a number such as 12\.34", "field-number"),
    (r"must be a number such as 12\.34 or 12,34", "field-number"),
    (
        r"must be a whole number in (?P<currency>[A-Z]{3})",
        "field-whole-number",
    ),
    (
        r"can have at most (?P<places>\d+) decimals in (?P<currency>[A-Z]{3})",
        "field-decimals-in",
    ),
    (
        r"can have at most (?P<places>\d+) decimals",
        "field-decimals",
    ),
    (
        r"is ambiguous: type (?P<whole>\S+) for the whole amount, or at most (?P<places>\d+) decimals?",
        "field-ambiguous",
    ),
    (r"must be a decimal number such as 1\.0825", "field-rate"),
    (
        r"is too large after conversion",
        "field-too-large-converted",
    ),
    (
        r"is less than the smallest amount in (?P<currency>[A-Z]{3}) at this rate",
        "field-too-small-converted",
    ),
    (
        r"is required for amounts in another currency than (?P<currency>[A-Z]{3})",
        "field-rate-required",
    ),
    (
        r"must be given again when the currency changes",
        "field-rate-again",
    ),
    (
        r"must be left out for the workspace's own currency",
        "field-rate-own",
    ),
    (
        r"must be an ISO 4217 currency code, such as EUR( or USD)?",
        "field-currency",
    ),
    (
        r"must be an IANA time zone, such as Europe/Berlin",
        "field-time-zone",
    ),
    (r"is not a category of this workspace", "field-not-category"),
    (r"is not a member of this workspace", "field-not-member"),
    (
        r"is already a member of this workspace",
        "field-already-member",
    ),
    (r"is already a category here", "field-category-taken"),
    (
        r"must be another category of this workspace",
        "field-other-category",
    ),
    (r"cannot be the category itself", "field-category-itself"),
    (
        r"cannot be one of its own subcategories",
        "field-category-own-sub",
    ),
    (r"must be a colour such as #2f9e44", "field-colour"),
    (r"is not a valid email address", "field-email"),
    (r"is already registered", "field-email-taken"),
    (r"is already your address", "field-email-yours"),
    (r"is not your current password", "field-password-wrong"),
    (
        r"is not your password; enter it to confirm",
        "field-password-confirm",
    ),
    (
        r"is too common or too easy to guess; try a few unrelated words",
        "field-password-weak",
    ),
    (r"is invalid, expired or already used", "field-token"),
    (r"must be chosen", "field-choose"),
    (
        r"must be someone else than who paid: a member can't pay themself",
        "field-pay-oneself",
    ),
    (
        r"must be (?P<currency>[A-Z]{3}), the workspace's currency: balances and payments are kept in it, so convert the amount first \(or let the workspace settle each currency on its own\)",
        "field-payment-currency",
    ),
    (
        r"can't go back to (?P<currency>[A-Z]{3}) only: (?P<count>\d+) payment\(s\) were recorded in other currencies; delete them first",
        "field-settle-back",
    ),
    (
        r"amounts add up to (?P<sum>\S+), not (?P<total>\S+)",
        "field-split-sum",
    ),
    (
        r"must each be between 1 and 1000 percent",
        "field-split-percent",
    ),
    (r"is too large to divide", "field-split-too-large"),
    (
        r"must each be at most (?P<max>\d+) plain characters",
        "field-tag-chars",
    ),
    (r"can be at most (?P<max>\d+)", "field-tags-count"),
    (r"must not be before the start", "field-before-start"),
    (r"must be within ten years of the start", "field-ten-years"),
    (
        r"must be in ascending order, each once \(e\.g\. 50, 80, 100\)",
        "field-thresholds-order",
    ),
    (r"needs at least one threshold", "field-thresholds-none"),
    (
        r"must be the workspace's name, typed exactly",
        "field-confirm-name",
    ),
    (r"has a header but no rows", "field-no-rows"),
    (r"has no header row naming its columns", "field-no-header"),
    (r"must name a column of the file", "field-column"),
    (r"is not a text \(CSV\) file", "field-not-csv"),
    (
        r"is an OFX statement without transactions",
        "field-ofx-empty",
    ),
    (
        r"has more than (?P<max>\d+) rows; split it into smaller files",
        "field-too-many-rows",
    ),
    (
        r"is larger than (?P<mb>\d+) MB; split it into smaller files",
        "field-file-too-large",
    ),
    (
        r"can't be empty: ask a question or describe an expense",
        "field-question-empty",
    ),
    (r"names an unknown currency", "field-archive-currency"),
    (r"must be plain text on one line", "field-one-line"),
    (r"is not a plan you can buy", "field-plan"),
    (
        r"is not offered for this plan; choose month or year",
        "field-plan-interval",
    ),
    (
        r"this workspace already has a subscription; change or cancel it in the billing portal",
        "field-has-subscription",
    ),
    (
        r"this workspace has no billing account yet; choose a plan first",
        "field-no-billing",
    ),
    (r"must be one of week, month, quarter, year", "field-period"),
    (r"the workspace currency is unknown", "field-unknown-base"),
    (
        r"is from the list in another order; start again without it",
        "field-cursor-order",
    ),
    (r"must be newest, oldest, largest or smallest", "field-sort"),
    (
        r"must be one of the offered formats",
        "field-offered-format",
    ),
    (r"must be point or comma", "field-decimal-mark"),
    (r"must be positive or negative", "field-sign"),
    (r"this import has already started", "field-import-started"),
    (
        r"already has a pending invitation; resend or revoke it",
        "field-invitation-pending",
    ),
    (r"must be one of admin, member, viewer", "field-invite-role"),
    (
        r"this invitation was already used or revoked",
        "field-invitation-used",
    ),
    (r"must be one of owner, admin, member, viewer", "field-role"),
    (
        r"the owner cannot leave; transfer ownership or delete the workspace",
        "field-owner-leaves",
    ),
    (
        r"the owner's membership can only change by transferring ownership",
        "field-owner-changes",
    ),
    (r"you cannot change your own role", "field-own-role"),
    (
        r"must be daily, weekly, monthly or yearly",
        "field-frequency",
    ),
    (r"is not granted now", "field-support-not-granted"),
    (
        r"must be between 1 and 168 \(a week\)",
        "field-support-hours",
    ),
    (
        r"is not one of en, de, fr, es \(or empty for the browser's\)",
        "field-language",
    ),
    (r"must be base_currency or each_currency", "field-settle-up"),
    (r"must be equal or none", "field-default-split"),
    (r"must be household or team", "field-kind"),
    (
        r"must be one of the offered encodings",
        "field-offered-encoding",
    ),
];

static COMPILED: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    WORDINGS
        .iter()
        .filter_map(|(wording, key)| {
            Regex::new(&format!("^(?:{wording})$"))
                .ok()
                .map(|re| (re, *key))
        })
        .collect()
});

impl Lang {
    /// A model's English field message in this language; a wording the
    /// table lacks, or any message in English, as it is.
    #[must_use]
    pub fn field_message(self, english: &str) -> String {
        if self == Self::En {
            return english.to_string();
        }
        COMPILED
            .iter()
            .find_map(|(re, key)| {
                let found = re.captures(english)?;
                let args: HashMap<Cow<'static, str>, FluentValue> = re
                    .capture_names()
                    .flatten()
                    .filter_map(|name| {
                        let value = found.name(name)?.as_str().to_string();
                        Some((Cow::Owned(name.to_string()), FluentValue::from(value)))
                    })
                    .collect();
                self.try_text(key, &args)
            })
            .unwrap_or_else(|| english.to_string())
    }
}

/// Puts every message under an `errors` (or `…_errors`) key of a page's
/// data (at any depth: `errors.amount`, `errors.delete.confirm`,
/// `filter_errors.sort`) into `lang`.
pub fn translate_errors(data: &mut Value, lang: Lang) {
    if lang == Lang::En {
        return;
    }
    match data {
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                if key == "errors" || key.ends_with("_errors") {
                    translate_all(value, lang);
                } else {
                    translate_errors(value, lang);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| translate_errors(v, lang)),
        _ => {}
    }
}

fn translate_all(value: &mut Value, lang: Lang) {
    match value {
        Value::String(text) => *text = lang.field_message(text),
        Value::Array(items) => items.iter_mut().for_each(|v| translate_all(v, lang)),
        Value::Object(map) => map.values_mut().for_each(|v| translate_all(v, lang)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_wording_compiles_and_names_a_message_of_every_language() {
        assert_eq!(COMPILED.len(), WORDINGS.len(), "a wording does not compile");
        for (re, key) in COMPILED.iter() {
            let args: HashMap<Cow<'static, str>, FluentValue> = re
                .capture_names()
                .flatten()
                .map(|name| (Cow::Owned(name.to_string()), FluentValue::from("1")))
                .collect();
            for lang in Lang::ALL {
                assert!(lang.try_text(key, &args).is_some(), "{key} in {lang:?}");
            }
        }
    }

    #[test]
    fn the_models_wordings_read_in_german_with_their_parts() {
        let de = Lang::De;
        assert_eq!(de.field_message("can't be blank"), "darf nicht leer sein");
        assert_eq!(
            de.field_message("must be at most 200 characters long"),
            "darf höchstens 200 Zeichen lang sein"
        );
        assert_eq!(
            de.field_message("is ambiguous: type 1234 for the whole amount, or at most 2 decimals"),
            "ist mehrdeutig: Gib 1234 für den ganzen Betrag ein oder höchstens 2 Nachkommastellen"
        );
        assert_eq!(
            Lang::En.field_message("can't be blank"),
            "can't be blank",
            "English as the model wrote it"
        );
        assert_eq!(
            de.field_message("is something no table knows"),
            "is something no table knows",
            "an unknown wording stays as it is"
        );
    }

    #[test]
    fn only_messages_under_errors_are_translated() {
        let mut data = serde_json::json!({
            "form": { "amount": "can't be blank" },
            "errors": { "amount": ["can't be blank"], "delete": { "confirm": ["must be chosen"] } },
            "page": { "errors": { "date": ["must be a real date as YYYY-MM-DD"] } },
        });
        translate_errors(&mut data, Lang::Fr);
        assert_eq!(data["form"]["amount"], "can't be blank");
        assert_eq!(data["errors"]["amount"][0], "ne peut pas être vide");
        assert_eq!(data["errors"]["delete"]["confirm"][0], "doit être choisi");
        assert_eq!(
            data["page"]["errors"]["date"][0],
            "doit être une vraie date au format AAAA-MM-JJ"
        );
    }
}

#[cfg(test)]
mod coverage {
    use super::*;

    /// Wordings only operators, the billing pages or the API meet, which
    /// stay English for now.
    const ENGLISH_ONLY: &[&str] = &[
        "is confirmed already",
        "is locked already",
        "is needed to create a new account (password:...)",
        "is not locked",
        "is the last superadmin who can sign in; make someone else superadmin first",
        "is the last superadmin; make someone else superadmin first",
        "must be superadmin, support or billing",
        "the last superadmin cannot be demoted; make someone else superadmin first",
        "you cannot lock your own account",
    ];

    #[test]
    fn every_plain_wording_of_the_models_reads_in_german() {
        let call = Regex::new(
            r#"(?:errors\.add|DomainError::field|FieldErrors::one)\(\s*"[^"]*",\s*"([^"{}]+)"\s*,?\s*\)"#,
        )
        .unwrap();
        let mut missing = Vec::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/models");
        let mut folders = vec![root];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let source = std::fs::read_to_string(&path).unwrap();
                    for found in call.captures_iter(&source) {
                        let wording = &found[1];
                        if Lang::De.field_message(wording) == wording
                            && !ENGLISH_ONLY.contains(&wording)
                        {
                            missing.push(format!("{}: {wording}", path.display()));
                        }
                    }
                }
            }
        }
        missing.sort();
        missing.dedup();
        assert!(missing.is_empty(), "no German for:\n{}", missing.join("\n"));
    }
}
