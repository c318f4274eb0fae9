//! The languages people read the app in.
//!
//! Every text of the pages comes from Fluent messages under
//! `assets/i18n/<language>/*.ftl`, compiled into the binary. A member reads
//! the language of their own setting, else the first one their browser asks
//! for (`Accept-Language`) that we have, else the instance's default
//! (`settings.default_language`). Amounts and dates are written as that
//! language writes them; the JSON API stays locale-free.

pub mod audit_summaries;
pub mod field_messages;
#[cfg(test)]
mod source_scan;
#[cfg(test)]
mod template_text;
#[cfg(test)]
mod wording_coverage;
mod wordings;

use std::{borrow::Cow, collections::HashMap};

use chrono::{Datelike, NaiveDate};
use fluent_templates::{fluent_bundle::FluentValue, Loader};
use iso_currency::Currency;
use serde::{Deserialize, Serialize};

use crate::models::money;

fluent_templates::static_loader! {
    static MESSAGES = {
        locales: "./assets/i18n",
        fallback_language: "en",
        // Fluent wraps arguments in invisible isolation marks by default;
        // pages are left-to-right and tests compare the text people see.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language the app is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    De,
    Fr,
    Es,
}

/// The most languages read from one `Accept-Language` header: a longer list
/// is not a browser's.
const MAX_ASKED: usize = 20;

impl Lang {
    pub const ALL: [Self; 4] = [Self::En, Self::De, Self::Fr, Self::Es];

    /// The code stored in a member's setting and written in `<html lang>`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::De => "de",
            Self::Fr => "fr",
            Self::Es => "es",
        }
    }

    /// The language's name in itself, as a language menu shows it.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::De => "Deutsch",
            Self::Fr => "Français",
            Self::Es => "Español",
        }
    }

    /// `de`, `de-DE`, `DE_at`: the language of a tag, when we have it.
    #[must_use]
    pub fn of_tag(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Self::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(primary))
    }

    /// The first language of an `Accept-Language` header that we have, by
    /// its weights (`de-CH, fr;q=0.8, *;q=0.1`). Malformed parts are skipped;
    /// a header of garbage gives `None`.
    #[must_use]
    pub fn from_accept_language(header: &str) -> Option<Self> {
        let mut asked: Vec<(f32, usize, Self)> = header
            .split(',')
            .take(MAX_ASKED)
            .enumerate()
            .filter_map(|(order, part)| {
                let mut pieces = part.split(';');
                let lang = Self::of_tag(pieces.next()?)?;
                let weight = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                (weight > 0.0 && weight <= 1.0).then_some((weight, order, lang))
            })
            .collect();
        asked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        asked.first().map(|(_, _, lang)| *lang)
    }

    /// The language a person reads: their setting, else their browser's,
    /// else the instance's.
    #[must_use]
    pub fn pick(setting: Option<&str>, accept_language: Option<&str>, instance: Self) -> Self {
        setting
            .and_then(Self::of_tag)
            .or_else(|| accept_language.and_then(Self::from_accept_language))
            .unwrap_or(instance)
    }

    fn id(self) -> fluent_templates::LanguageIdentifier {
        match self {
            Self::En => fluent_templates::langid!("en"),
            Self::De => fluent_templates::langid!("de"),
            Self::Fr => fluent_templates::langid!("fr"),
            Self::Es => fluent_templates::langid!("es"),
        }
    }

    /// The message `key` with its arguments, or `None` when no language has
    /// it (English is complete, so the others fall back to it).
    #[must_use]
    pub fn try_text(
        self,
        key: &str,
        args: &HashMap<Cow<'static, str>, FluentValue>,
    ) -> Option<String> {
        MESSAGES.try_lookup_complete(&self.id(), key, (!args.is_empty()).then_some(args))
    }

    /// The message `key` without arguments; the key itself when it is
    /// missing, which the completeness test rules out.
    #[must_use]
    pub fn text(self, key: &str) -> String {
        self.try_text(key, &HashMap::new())
            .unwrap_or_else(|| key.to_string())
    }

    /// The message `key` with arguments (`[("name", "Ann".into())]`).
    #[must_use]
    pub fn text_with(self, key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
        let args = args
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
            .collect();
        self.try_text(key, &args).unwrap_or_else(|| key.to_string())
    }

    const fn decimal_mark(self) -> char {
        match self {
            Self::En => '.',
            Self::De | Self::Fr | Self::Es => ',',
        }
    }

    /// Between groups of thousands: French writes a narrow no-break space.
    const fn group_mark(self) -> char {
        match self {
            Self::En => ',',
            Self::De | Self::Es => '.',
            Self::Fr => '\u{202f}',
        }
    }

    /// Spanish groups only from five digits on (`1234,56` but `12.345,67`).
    const fn min_grouped_digits(self) -> usize {
        match self {
            Self::Es => 5,
            Self::En | Self::De | Self::Fr => 4,
        }
    }

    /// A plain decimal (`-1234.5`, as the app stores and the API writes
    /// amounts) in this language's marks (`-1.234,5`).
    #[must_use]
    pub fn number(self, plain: &str) -> String {
        let (sign, unsigned) = plain
            .strip_prefix('-')
            .map_or(("", plain), |rest| ("-", rest));
        let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
            return plain.to_string();
        }
        let mut out = String::with_capacity(plain.len() + whole.len() / 3 + 2);
        out.push_str(sign);
        let grouped = whole.len() >= self.min_grouped_digits();
        for (i, digit) in whole.chars().enumerate() {
            if grouped && i > 0 && (whole.len() - i) % 3 == 0 {
                out.push(self.group_mark());
            }
            out.push(digit);
        }
        if !fraction.is_empty() {
            out.push(self.decimal_mark());
            out.push_str(fraction);
        }
        out
    }

    /// An amount in minor units as this language writes money:
    /// `€1,234.56` and `CHF 12.00` in English, `1.234,56 €` in German.
    #[must_use]
    pub fn amount(self, minor: i64, currency: Currency) -> String {
        self.money(&money::format_minor(minor, currency), currency.code())
    }

    /// A plain decimal amount (`1234.56`) in `code`'s currency as this
    /// language writes money; an unknown code is written after the number.
    #[must_use]
    pub fn money(self, plain: &str, code: &str) -> String {
        let number = self.number(plain);
        let symbol = symbol(code);
        match (self, symbol) {
            (Self::En, Some(symbol)) => match number.strip_prefix('-') {
                Some(unsigned) => format!("-{symbol}{unsigned}"),
                None => format!("{symbol}{number}"),
            },
            (Self::En, None) => format!("{code}\u{a0}{number}"),
            (_, symbol) => format!("{number}\u{a0}{}", symbol.unwrap_or(code)),
        }
    }

    /// A day as this language writes it in lists: `Dec 7, 2026`,
    /// `07.12.2026`, `07/12/2026`.
    #[must_use]
    pub fn date(self, day: NaiveDate) -> String {
        match self {
            Self::En => day.format("%b %-d, %Y").to_string(),
            Self::De => day.format("%d.%m.%Y").to_string(),
            Self::Fr | Self::Es => day.format("%d/%m/%Y").to_string(),
        }
    }

    /// Where the week starts in calendars: Sunday in (American) English,
    /// Monday elsewhere.
    #[must_use]
    pub const fn first_weekday(self) -> chrono::Weekday {
        match self {
            Self::En => chrono::Weekday::Sun,
            Self::De | Self::Fr | Self::Es => chrono::Weekday::Mon,
        }
    }

    /// The separator of a CSV file a spreadsheet in this language opens
    /// without asking: where the comma is the decimal mark, a semicolon.
    #[must_use]
    pub const fn csv_separator(self) -> char {
        match self {
            Self::En => ',',
            Self::De | Self::Fr | Self::Es => ';',
        }
    }

    /// Whether `day` is the first day of a week in this language.
    #[must_use]
    pub fn starts_week(self, day: NaiveDate) -> bool {
        day.weekday() == self.first_weekday()
    }
}

/// The symbol of a currency that no other shares; the others are written
/// by their code (`CHF`, `CAD`), which no one misreads.
fn symbol(code: &str) -> Option<&'static str> {
    Some(match code {
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        "JPY" => "¥",
        "INR" => "₹",
        "KRW" => "₩",
        "ILS" => "₪",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use std::{collections::BTreeMap, path::Path};

    use super::*;

    /// Every message of one language: key to the variables it uses, read
    /// from `assets/i18n/<lang>/*.ftl` (messages start in the first column;
    /// continuation lines are indented).
    fn messages(lang: Lang) -> BTreeMap<String, Vec<String>> {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/i18n")
            .join(lang.code());
        let mut all = BTreeMap::new();
        let mut files: Vec<_> = std::fs::read_dir(&folder)
            .map(|dir| dir.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        let mut current: Option<String> = None;
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            for line in text.lines() {
                let starts_message = line.chars().next().is_some_and(|c| c.is_ascii_lowercase());
                if starts_message {
                    let key = line
                        .split('=')
                        .next()
                        .unwrap_or_default()
                        .trim()
                        .to_string();
                    assert!(
                        all.insert(key.clone(), Vec::new()).is_none(),
                        "{key} twice in {}",
                        lang.code()
                    );
                    current = Some(key);
                } else if line.starts_with('#') || line.trim().is_empty() {
                    continue;
                }
                let Some(key) = &current else { continue };
                let variables = all.entry(key.clone()).or_default();
                for piece in line.split('$').skip(1) {
                    let name: String = piece
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                        .collect();
                    if !variables.contains(&name) {
                        variables.push(name);
                    }
                }
                variables.sort();
            }
        }
        all
    }

    #[test]
    fn every_language_has_every_message_with_the_same_variables() {
        let english = messages(Lang::En);
        assert!(english.len() > 50, "English messages not found");
        for lang in [Lang::De, Lang::Fr, Lang::Es] {
            let other = messages(lang);
            let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
            assert!(
                extra.is_empty(),
                "{} has messages English lacks: {extra:?}",
                lang.code()
            );
            for (key, variables) in &english {
                assert_eq!(
                    &other[key],
                    variables,
                    "{} `{key}` uses other variables",
                    lang.code()
                );
            }
            for key in english.keys() {
                assert!(
                    lang.try_text(key, &dummy_args(&english[key])).is_some(),
                    "{key} in {}",
                    lang.code()
                );
            }
        }
    }

    fn dummy_args(variables: &[String]) -> HashMap<Cow<'static, str>, FluentValue<'static>> {
        variables
            .iter()
            .map(|v| (Cow::Owned(v.clone()), FluentValue::from("x")))
            .collect()
    }

    /// A `t(key="…")` in a template names a message English has.
    #[test]
    fn every_message_a_template_names_exists() {
        let english = messages(Lang::En);
        let views = Path::new(env!("CARGO_MANIFEST_DIR")).join("views");
        let mut stack = vec![views];
        let mut unknown = Vec::new();
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                for piece in text.split("t(key=\"").skip(1) {
                    let key = piece.split('"').next().unwrap_or_default();
                    if !english.contains_key(key) && !piece.starts_with(&format!("{key}\" ~")) {
                        unknown.push(format!("{}: {key}", path.display()));
                    }
                }
            }
        }
        assert!(
            unknown.is_empty(),
            "templates name messages that do not exist: {unknown:?}"
        );
    }

    #[test]
    fn a_browser_gets_the_first_language_it_weighs_highest_that_we_have() {
        assert_eq!(
            Lang::from_accept_language("de-DE,de;q=0.9,en;q=0.8"),
            Some(Lang::De)
        );
        assert_eq!(
            Lang::from_accept_language("it-IT, fr;q=0.7, en;q=0.5"),
            Some(Lang::Fr)
        );
        assert_eq!(
            Lang::from_accept_language("en;q=0.2, es-MX;q=0.9"),
            Some(Lang::Es)
        );
        assert_eq!(Lang::from_accept_language("*"), None);
        assert_eq!(Lang::from_accept_language("\u{0}≠;;q=zz,,,"), None);
        assert_eq!(Lang::from_accept_language("de;q=0"), None);
        assert_eq!(Lang::from_accept_language("de;q=abc, fr"), Some(Lang::Fr));
        assert_eq!(Lang::pick(Some("es"), Some("de"), Lang::En), Lang::Es);
        assert_eq!(Lang::pick(None, Some("garbage!"), Lang::Fr), Lang::Fr);
    }

    #[test]
    fn money_is_written_as_each_language_writes_it() {
        let eur = Currency::EUR;
        assert_eq!(Lang::De.amount(123_456, eur), "1.234,56\u{a0}€");
        assert_eq!(Lang::En.amount(123_456, Currency::USD), "$1,234.56");
        assert_eq!(Lang::En.amount(-123_456, eur), "-€1,234.56");
        assert_eq!(Lang::Fr.amount(123_456, eur), "1\u{202f}234,56\u{a0}€");
        assert_eq!(Lang::Es.amount(123_456, eur), "1234,56\u{a0}€");
        assert_eq!(Lang::Es.amount(1_234_567, eur), "12.345,67\u{a0}€");
        assert_eq!(Lang::De.amount(1_234, Currency::JPY), "1.234\u{a0}¥");
        assert_eq!(Lang::En.amount(1_200, Currency::CHF), "CHF\u{a0}12.00");
        assert_eq!(Lang::De.amount(12_345, Currency::KWD), "12,345\u{a0}KWD");
        assert_eq!(Lang::De.amount(-5, eur), "-0,05\u{a0}€");
        assert_eq!(Lang::De.number("1234567.5"), "1.234.567,5");
        assert_eq!(Lang::De.number("not a number"), "not a number");
    }

    #[test]
    fn dates_are_written_as_each_language_writes_them() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap_or_default();
        assert_eq!(Lang::En.date(day), "Dec 7, 2026");
        assert_eq!(Lang::De.date(day), "07.12.2026");
        assert_eq!(Lang::Fr.date(day), "07/12/2026");
        assert!(Lang::De.starts_week(day));
        assert!(!Lang::En.starts_week(day));
    }
}
