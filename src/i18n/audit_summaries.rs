//! Audit summaries in the reader's language. Models write each event's
//! summary in English when it happens, and it stays so (it is a record, and
//! the API answers it as it is); the audit pages show it in the page's
//! language through this table of the English wordings, each with its
//! Fluent message (`assets/i18n/*/audit.ftl`) and the parts it carries. A
//! wording the table lacks stays English.

use std::sync::LazyLock;

use chrono::NaiveDate;
use fluent_templates::fluent_bundle::FluentValue;
use regex::Regex;

use super::{
    wordings::{compile, number_or_text, translate},
    Lang,
};

/// `(English wording, message)`: the wording is a regular expression of
/// the whole summary whose named groups are the message's arguments. The
/// first that matches is taken, so a narrower wording comes before a wider
/// one.
const WORDINGS: &[(&str, &str)] = &[
    // Expenses and their receipts.
    (r#"added "(?P<description>.+)""#, "audit-expense-added"),
    (r#"changed "(?P<description>.+)""#, "audit-expense-changed"),
    // An expense, or a workspace deleted from the console.
    (r#"deleted "(?P<name>.+)""#, "audit-deleted"),
    (
        r#"restored "(?P<description>.+)""#,
        "audit-expense-restored",
    ),
    (
        r#"attached "(?P<file>.+)" to "(?P<description>.+)""#,
        "audit-receipt-attached",
    ),
    (
        r#"removed "(?P<file>.+)" from "(?P<description>.+)""#,
        "audit-receipt-removed",
    ),
    (
        r#"imported (?P<imported>\d+) expense\(s\) from "(?P<file>.+)" \((?P<duplicates>\d+) duplicate\(s\) skipped, (?P<failed>\d+) row\(s\) with problems\)"#,
        "audit-imported",
    ),
    // Categories.
    (
        r#"created category "(?P<name>.+)""#,
        "audit-category-created",
    ),
    (
        r#"changed category "(?P<name>.+)""#,
        "audit-category-changed",
    ),
    (
        r#"deleted category "(?P<name>.+)"; (?P<count>\d+) expense\(s\) moved to no category"#,
        "audit-category-deleted-uncategorized",
    ),
    (
        r#"deleted category "(?P<name>.+)"; (?P<count>\d+) expense\(s\) moved to (?P<target>.+)"#,
        "audit-category-deleted",
    ),
    // Budgets.
    (r#"added budget "(?P<name>.+)""#, "audit-budget-added"),
    (r#"changed budget "(?P<name>.+)""#, "audit-budget-changed"),
    (r#"deleted budget "(?P<name>.+)""#, "audit-budget-deleted"),
    // Recurring expenses.
    (
        r#"set up "(?P<description>.+)" (?P<frequency>\S+) from (?P<date>\S+)"#,
        "audit-recurring-added",
    ),
    (
        r#"changed recurring "(?P<description>.+)" \((?P<frequency>\S+) from (?P<date>\S+)\)"#,
        "audit-recurring-changed",
    ),
    (
        r#"stopped recurring "(?P<description>.+)""#,
        "audit-recurring-stopped",
    ),
    // Payments between members.
    (
        r"deleted a settlement of (?P<date>\S+)",
        "audit-settlement-deleted",
    ),
    // Members and invitations.
    (
        r"(?P<email>\S+) is now (?P<role>\S+) \(was (?P<was>\S+)\)",
        "audit-member-role",
    ),
    (
        r"ownership transferred to (?P<email>\S+)",
        "audit-ownership",
    ),
    (r"(?P<email>\S+) left", "audit-member-left"),
    (r"(?P<email>\S+) was removed", "audit-member-removed"),
    (r"invited (?P<email>\S+) as (?P<role>\S+)", "audit-invited"),
    (
        r"resent the invitation to (?P<email>\S+)",
        "audit-invitation-resent",
    ),
    (
        r"revoked the invitation to (?P<email>\S+)",
        "audit-invitation-revoked",
    ),
    (r"(?P<email>\S+) joined as (?P<role>\S+)", "audit-joined"),
    // The workspace itself.
    (
        r#"created (?P<kind>\S+) "(?P<name>.+)""#,
        "audit-workspace-created",
    ),
    (
        r"changed the workspace settings",
        "audit-workspace-settings",
    ),
    (
        r#"asked to delete "(?P<name>.+)""#,
        "audit-workspace-delete-asked",
    ),
    (
        r#"restored an archive of "(?P<name>.+)" \((?P<count>\d+) expenses\)"#,
        "audit-archive-restored",
    ),
    (
        r"let the site's support staff read this workspace for (?P<hours>\d+) hours",
        "audit-support-granted",
    ),
    (r"ended the support staff's access", "audit-support-ended"),
    (
        r"support staff viewed the workspace",
        "audit-support-viewed",
    ),
    // Billing.
    (
        r"subscription (?P<subscription>\S+) is (?P<status>\S+) on the (?P<plan>.+) plan",
        "audit-billing-synced",
    ),
    (
        r"subscription (?P<subscription>\S+) no longer exists in Stripe",
        "audit-billing-gone",
    ),
    // The operators' console.
    (
        r#"in "(?P<name>.+)": (?P<email>\S+) is now (?P<role>\S+)\."#,
        "audit-console-member-role",
    ),
    (
        r#"in "(?P<name>.+)": (?P<email>\S+) was removed\."#,
        "audit-console-member-removed",
    ),
    (r#"in "(?P<name>.+)": (?P<done>.+)"#, "audit-console-in"),
    (r#"suspended "(?P<name>.+)""#, "audit-suspended"),
    (
        r#"lifted the suspension of "(?P<name>.+)""#,
        "audit-unsuspended",
    ),
    (
        r"made (?P<email>\S+) (?P<role>\S+)",
        "audit-platform-role-given",
    ),
    (
        r"took (?P<role>\S+) from (?P<email>\S+)",
        "audit-platform-role-taken",
    ),
    (
        r"locked (?P<email>\S+); (?P<count>\d+) session\(s\) ended",
        "audit-locked",
    ),
    (r"unlocked (?P<email>\S+)", "audit-unlocked"),
    (
        r"ended (?P<count>\d+) session\(s\) of (?P<email>\S+)",
        "audit-sessions-ended",
    ),
    (
        r"confirmed the address (?P<email>\S+)",
        "audit-address-confirmed",
    ),
    (
        r"ended the sessions of (?P<email>\S+) and mailed a reset link",
        "audit-password-reset-sent",
    ),
    (
        r"mailed a new confirmation link to (?P<email>\S+)",
        "audit-confirmation-resent",
    ),
    (
        r"deleted the account (?P<email>\S+)",
        "audit-account-deleted",
    ),
    (
        r"queued a reconciliation with Stripe",
        "audit-reconcile-queued",
    ),
    (r"retried failed job (?P<id>\S+)", "audit-job-retried"),
    (r"discarded failed job (?P<id>\S+)", "audit-job-discarded"),
    // Last, as it reads almost anything: `Ann paid Bob 12.50 EUR`.
    (
        r"(?P<from>.+) paid (?P<to>.+) (?P<amount>\S+) (?P<currency>[A-Z]{3})",
        "audit-settlement-recorded",
    ),
];

static COMPILED: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| compile(WORDINGS));

impl Lang {
    /// An audit event's English summary in this language; a wording the
    /// table lacks, or any summary in English, as it is. An `amount` is
    /// written as the language writes numbers and a `date` as it writes
    /// dates.
    #[must_use]
    pub fn audit_summary(self, english: &str) -> String {
        translate(&COMPILED, self, english, |name, part| match name {
            "amount" => FluentValue::from(self.number(part)),
            "date" => NaiveDate::parse_from_str(part, "%Y-%m-%d").map_or_else(
                |_| FluentValue::from(part.to_string()),
                |day| FluentValue::from(self.date(day)),
            ),
            _ => number_or_text(part),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_wording_compiles_and_names_a_message_of_every_language() {
        super::super::wordings::assert_complete(WORDINGS, &COMPILED);
    }

    #[test]
    fn summaries_read_in_each_language_with_their_parts() {
        let de = Lang::De;
        let fr = Lang::Fr;
        assert_eq!(de.audit_summary(r#"added "Brot""#), "„Brot“ hinzugefügt");
        assert_eq!(
            fr.audit_summary(r#"added "Pain""#),
            "dépense « Pain » ajoutée"
        );
        assert_eq!(
            de.audit_summary("Ann paid Bob 1234.50 EUR"),
            "Ann hat Bob 1.234,50 EUR gezahlt"
        );
        assert_eq!(
            fr.audit_summary("Ann paid Bob 12.50 EUR"),
            "Ann a payé 12,50 EUR à Bob"
        );
        assert_eq!(
            de.audit_summary("locked ann@example.com; 1 session(s) ended"),
            "ann@example.com gesperrt; eine Sitzung beendet"
        );
        assert_eq!(
            de.audit_summary("locked ann@example.com; 3 session(s) ended"),
            "ann@example.com gesperrt; 3 Sitzungen beendet"
        );
        assert_eq!(
            de.audit_summary("bob@example.com is now admin (was viewer)"),
            "bob@example.com ist jetzt Admin (vorher Leser)"
        );
        assert_eq!(
            fr.audit_summary("invited bob@example.com as member"),
            "invitation de bob@example.com comme membre"
        );
        assert_eq!(
            de.audit_summary("made ann@example.com support"),
            "ann@example.com die Rolle support gegeben",
            "platform roles stay as they are"
        );
        assert_eq!(
            de.audit_summary(r#"set up "Miete" monthly from 2026-11-01"#),
            "„Miete“ monatlich ab 01.11.2026 eingerichtet"
        );
        assert_eq!(
            Lang::Es.audit_summary(
                r#"imported 1 expense(s) from "a.csv" (2 duplicate(s) skipped, 0 row(s) with problems)"#
            ),
            "1 gasto importado de «a.csv» (2 duplicados omitidos, 0 filas con problemas)"
        );
        assert_eq!(
            de.audit_summary(r#"in "Zuhause": bob@example.com is now viewer."#),
            "in „Zuhause“: bob@example.com ist jetzt Leser."
        );
        assert_eq!(
            Lang::En.audit_summary(r#"added "Bread""#),
            r#"added "Bread""#,
            "English as it was stored"
        );
        assert_eq!(
            de.audit_summary("something no table knows"),
            "something no table knows",
            "an unknown wording stays as it is"
        );
    }
}

/// Every summary the models and controllers store has a wording.
#[cfg(test)]
mod stored_summaries {
    use super::*;
    use crate::i18n::source_scan::{sources, translates};

    /// Whether `wording` (a format string: `{…}` are its parts) reads in
    /// German with some sample for its parts. Besides counts, codes, roles,
    /// addresses, names, amounts and dates, the samples hold the verbs some
    /// summaries choose when they are written (`{verb} budget`).
    fn reads_in_german(wording: &str) -> bool {
        let samples = [
            "7",
            "EUR",
            "owner",
            "ann@example.com",
            "x",
            "12.50",
            "2026-11-01",
            "added",
            "suspended",
        ];
        translates(wording, &samples, |english| Lang::De.audit_summary(english))
    }

    #[test]
    fn every_stored_summary_reads_in_german() {
        let shape = Regex::new(r#"summary:\s*(?:format!\(\s*)?"((?:[^"\\]|\\.)+)""#).unwrap();
        let mut missing = Vec::new();
        let mut seen = 0;
        for (path, source) in sources() {
            if path.contains("/i18n/") {
                continue;
            }
            for found in shape.captures_iter(&source) {
                let wording = &found[1];
                seen += 1;
                if !reads_in_german(wording) {
                    missing.push(format!("{path}: {wording}"));
                }
            }
        }
        assert!(seen > 30, "only {seen} summaries found: the scan is broken");
        missing.sort();
        assert!(missing.is_empty(), "no German for:\n{}", missing.join("\n"));
    }
}
