//! Field messages and refusals in the reader's language. Models word their
//! messages in English, and the API answers them as they are (it stays
//! locale-free); pages show them in the page's language through this table
//! of the English wordings, each with its Fluent message
//! (`assets/i18n/*/fields.ftl`, `refusals.ftl`) and the parts it carries. A
//! wording the table lacks stays English.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use super::{
    wordings::{compile, number_or_text, translate},
    Lang,
};

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
    // Field messages with parts from the request or the settings.
    (
        r"is not a SmartExpense archive \((?P<detail>.+)\)",
        "field-not-archive",
    ),
    (
        r"could not be received: (?P<detail>.+)",
        "field-not-received",
    ),
    (
        r#"you own "(?P<workspace>.+)" together with others; make one of them its owner first"#,
        "field-owned-together",
    ),
    (
        r"must be a whole number from 1 to (?P<max>\d+)",
        "field-whole-from-one",
    ),
    (
        r"has (?P<count>\d+) records that cannot be restored; the first (?P<shown>\d+) are named",
        "field-archive-refused",
    ),
    (r#""(?P<file>[^"]*)" is empty"#, "field-file-empty"),
    (
        r#""(?P<file>[^"]*)" is larger than (?P<mb>\d+) MB"#,
        "field-file-larger",
    ),
    (
        r#""(?P<file>[^"]*)" is not a JPEG, PNG, WebP, HEIC or PDF file \(judged by its content, not its name\)"#,
        "field-file-kind",
    ),
    (
        r#""(?P<file>[^"]*)" is (?P<width>\d+) x (?P<height>\d+) pixels \((?P<megapixels>\d+) megapixels\); images of at most (?P<max>\d+) megapixels are accepted"#,
        "field-file-pixels",
    ),
    (
        r"does not fit: this workspace keeps up to (?P<max>\d+) MB of receipts and (?P<used>\d+) MB are used; remove some first",
        "field-receipt-quota",
    ),
    (
        r"must be a number of days from 1 to (?P<max>\d+), or never",
        "field-expiry-days",
    ),
    (
        r"must be at most (?P<max>\d+) characters",
        "field-max-chars",
    ),
    (
        r"cannot be read as CSV at line (?P<line>\d+): (?P<detail>.+)",
        "field-csv-line",
    ),
    (r"cannot be read as CSV: (?P<detail>.+)", "field-csv"),
    (r"must be between 1 and (?P<max>\d+)", "field-between-one"),
    (r"can be at most (?P<max>\d+) characters", "field-max-chars"),
    (r"is too long", "field-too-long"),
    (
        r"can be at most (?P<max>\d+) files at once",
        "field-files-at-once",
    ),
    (
        r"can have at most (?P<max>\d+) thresholds",
        "field-thresholds-max",
    ),
    (
        r#""(?P<column>[^"]*)" is not a column of the file"#,
        "field-not-column",
    ),
    (
        r"(?P<email>\S+@\S+) is (?P<role>\S+) already",
        "field-role-held",
    ),
    (
        r"(?P<email>\S+@\S+) is not (?P<role>\S+)",
        "field-role-not-held",
    ),
    // Refusals that name no field (403, 402, 429, 503, 507): shown as a
    // notice above the page.
    (
        r"As (?P<role>owner|admin|member|viewer) in this workspace you cannot do that\.",
        "refusal-role",
    ),
    (
        r"Your role cannot manage members\.",
        "refusal-manage-members",
    ),
    (
        r"Only the owner can transfer ownership\.",
        "refusal-transfer",
    ),
    (
        r"This workspace is suspended by the operators of this site: it can be read but not changed until they lift the suspension\.",
        "refusal-suspended",
    ),
    (
        r"This account is locked\. Contact the operators of this site to have it unlocked\.",
        "refusal-locked",
    ),
    (
        r"The (?P<plan>.+) plan keeps (?P<months>\d+) months of history: expenses before (?P<date>\S+) can be read but not added or changed\. The workspace owner can upgrade on the Billing page\.",
        "refusal-plan-history",
    ),
    (
        r"The (?P<plan>.+) plan allows (?P<allowed>\d+) new expenses a month, and this month's are used\. The workspace owner can upgrade on the Billing page\.",
        "refusal-plan-expenses-used",
    ),
    (
        r"The (?P<plan>.+) plan allows (?P<allowed>\d+) new expenses a month: (?P<left>\d+) are left this month, and this adds (?P<count>\d+)\. The workspace owner can upgrade on the Billing page\.",
        "refusal-plan-expenses-left",
    ),
    (
        r"The (?P<plan>.+) plan keeps (?P<allowed>\d+) MB of receipts, (?P<used>\d+) MB are used and this file does not fit\. The workspace owner can upgrade on the Billing page\.",
        "refusal-plan-receipts",
    ),
    (
        r"The (?P<plan>.+) plan allows (?P<allowed>\d+) people in a workspace \(pending invitations count\)\. The workspace owner can upgrade on the Billing page\.",
        "refusal-plan-members",
    ),
    (
        r"Receipt storage could not be reached, so the receipt was not saved\. The expense itself is unchanged; attach the receipt again later\.",
        "refusal-storage-unavailable",
    ),
    (
        r"Receipt storage is full, so the receipt was not saved\. The expense itself is unchanged; attach the receipt again once the instance's operator has freed space\.",
        "refusal-storage-full",
    ),
    (
        r"Stripe, our payment provider, could not be reached, so nothing changed\. Please try again in a few minutes\.",
        "refusal-stripe-unreachable",
    ),
    (
        r"Stripe, our payment provider, refused the request, so nothing changed\. Please try again later or contact the operators of this site\.",
        "refusal-stripe-refused",
    ),
    (
        r"Billing is off on this instance: every workspace has every feature\.",
        "refusal-billing-off",
    ),
    (
        r"The form has more than (?P<max>\d+) fields\.",
        "refusal-form-fields",
    ),
    (
        r"Your platform role does not allow that\.",
        "refusal-platform-role",
    ),
    (
        r"The (?P<what>form|upload|file|archive) is too large: at most (?P<size>\d+) (?P<unit>MB|KB) can be sent here\.",
        "refusal-too-large",
    ),
    (
        r"The request was not sent in time; nothing was changed\. Please try again\.",
        "refusal-too-slow",
    ),
    (
        r"Too many attempts; try again in (?P<count>\d+) (?P<unit>seconds|minutes)\.",
        "throttle-attempts",
    ),
    (
        r"A confirmation link was sent too often; you can ask for another in (?P<count>\d+) (?P<unit>seconds|minutes)\.",
        "throttle-verification",
    ),
    (
        r"This invitation was sent too often; you can send it again in (?P<count>\d+) (?P<unit>seconds|minutes)\.",
        "throttle-invitation",
    ),
    // The operators' console.
    (r"is confirmed already", "field-console-confirmed-already"),
    (r"is locked already", "field-console-locked-already"),
    (
        r"is needed to create a new account \(password:\.\.\.\)",
        "field-console-password-needed",
    ),
    (r"is not locked", "field-console-not-locked"),
    (
        r"is the last superadmin who can sign in; make someone else superadmin first",
        "field-console-last-superadmin-sign-in",
    ),
    (
        r"is the last superadmin; make someone else superadmin first",
        "field-console-last-superadmin",
    ),
    (
        r"must be superadmin, support or billing",
        "field-console-platform-role",
    ),
    (
        r"the last superadmin cannot be demoted; make someone else superadmin first",
        "field-console-last-superadmin-demoted",
    ),
    (
        r"you cannot lock your own account",
        "field-console-lock-yourself",
    ),
    (
        r"you cannot delete your own account from the console",
        "field-console-delete-yourself",
    ),
    (
        r"the owner has not granted support access \(they can, in the workspace settings\)",
        "field-console-support-not-granted",
    ),
];

static COMPILED: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| compile(WORDINGS));

impl Lang {
    /// A model's English field message in this language; a wording the
    /// table lacks, or any message in English, as it is.
    #[must_use]
    pub fn field_message(self, english: &str) -> String {
        translate(&COMPILED, self, english, |_, part| number_or_text(part))
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
        super::super::wordings::assert_complete(WORDINGS, &COMPILED);
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
    fn a_name_that_looks_like_a_number_is_kept_as_written() {
        assert_eq!(
            Lang::De.field_message(r#""0815" is empty"#),
            "„0815“ ist leer"
        );
        assert_eq!(Lang::De.field_message(r#""+5" is empty"#), "„+5“ ist leer");
    }

    #[test]
    fn refusals_read_in_each_language_with_their_parts() {
        assert_eq!(
            Lang::De.field_message("Too many attempts; try again in 42 seconds."),
            "Zu viele Versuche; versuche es in 42 Sekunden noch einmal."
        );
        assert_eq!(
            Lang::Fr.field_message(
                "This invitation was sent too often; you can send it again in 37 minutes."
            ),
            "Cette invitation a été envoyée trop souvent ; vous pourrez la renvoyer dans 37 minutes."
        );
        assert_eq!(
            Lang::De.field_message(
                "The Free plan allows 3 new expenses a month: 1 are left this month, and this adds 2. \
                 The workspace owner can upgrade on the Billing page."
            ),
            "Der Tarif Free erlaubt 3 neue Ausgaben im Monat: 1 sind in diesem Monat übrig, und dies \
             fügt 2 hinzu. Der Eigentümer des Bereichs kann auf der Seite „Abrechnung“ upgraden."
        );
        assert_eq!(
            Lang::Fr.field_message("The upload is too large: at most 25 MB can be sent here."),
            "L'envoi est trop volumineux : au plus 25 Mo peuvent être envoyés ici."
        );
        assert_eq!(
            Lang::Fr.field_message("As admin in this workspace you cannot do that."),
            "En tant qu'administrateur de cet espace, vous ne pouvez pas faire cela."
        );
        assert_eq!(
            Lang::Es.field_message("As admin in this workspace you cannot do that."),
            "Como administrador de este espacio no puedes hacer eso."
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
