//! What a message asks for. A plain, deterministic reader with no network
//! access and no model behind it: the same message in the same workspace on
//! the same day always means the same thing. Dates are resolved against the
//! workspace's today; categories, members and budgets against the
//! workspace's own names (typos and everyday words allowed). When two
//! readings are equally good it asks which one, rather than guessing.
//!
//! By concern: [`dates`] (periods and days), [`amounts`] (numbers and
//! currencies), [`names`] (categories, members and budgets), [`draft`] (a new
//! expense) and [`intent`] (what the whole message asks for).

mod amounts;
mod dates;
mod draft;
mod intent;
mod names;

use chrono::NaiveDate;

use self::intent::read;
use super::{
    languages::{detect, in_english},
    words::{split, Word, QUESTION_STARTS},
};
use crate::i18n::Lang;

pub use self::{
    dates::Range,
    draft::{Draft, Split},
    intent::{Intent, Question, Topic},
};

/// The longest message read.
pub const MESSAGE_MAX_CHARS: usize = 500;
/// "Biggest expenses" lists this many unless told otherwise, and at most
/// `TOP_MAX`.
pub const TOP_DEFAULT: u64 = 5;
pub const TOP_MAX: u64 = 20;

/// Something the workspace names: a category, a member or a budget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// Public id.
    pub id: String,
    pub name: String,
    /// Other names it answers to (a budget: its category's name).
    pub aliases: Vec<String>,
}

impl Named {
    #[must_use]
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            aliases: Vec::new(),
        }
    }
}

/// What the reader knows about the workspace and the person asking.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    /// Today in the workspace's time zone.
    pub today: NaiveDate,
    /// The workspace's base currency (ISO code).
    pub currency: String,
    /// The member asking ("I", "me", "my").
    pub me: Named,
    pub categories: Vec<Named>,
    pub members: Vec<Named>,
    pub budgets: Vec<Named>,
}

/// The message being read: its words, and which words are accounted for.
struct Reading<'a> {
    vocab: &'a Vocabulary,
    words: Vec<Word>,
    used: Vec<bool>,
    /// The message ends with (or holds) a question mark.
    question_mark: bool,
    /// The language the message is written in (its words are English now).
    lang: Lang,
}

impl<'a> Reading<'a> {
    /// The message's words, written as the English the reader knows when
    /// they are in another language (`hint`: the page's).
    fn new(vocab: &'a Vocabulary, message: &str, hint: Option<Lang>) -> (Self, Lang) {
        let words = split(message);
        let lang = detect(&words, hint);
        let words = in_english(words, lang);
        let used = vec![false; words.len()];
        let reading = Self {
            vocab,
            words,
            used,
            question_mark: message.contains('?') || message.contains('¿'),
            lang,
        };
        (reading, lang)
    }

    fn word(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| w.text.as_str())
    }

    fn has(&self, word: &str) -> bool {
        self.words.iter().any(|w| w.text == word)
    }

    fn has_any(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.has(w))
    }

    /// Is `phrase` (words separated by spaces) in the message?
    fn has_phrase(&self, phrase: &str) -> bool {
        let parts: Vec<&str> = phrase.split(' ').collect();
        self.words
            .windows(parts.len())
            .any(|window| window.iter().zip(&parts).all(|(w, p)| w.text == *p))
    }

    fn mark(&mut self, start: usize, len: usize) {
        for used in self.used.iter_mut().skip(start).take(len) {
            *used = true;
        }
    }

    fn is_question(&self) -> bool {
        self.question_mark
            || self
                .words
                .first()
                .is_some_and(|w| QUESTION_STARTS.contains(&w.text.as_str()))
            || self.has_phrase("how much")
    }
}

/// What `message` asks for, in the workspace `vocab` describes.
#[must_use]
pub fn interpret(message: &str, vocab: &Vocabulary) -> Intent {
    interpret_in(message, vocab, None).0
}

/// What `message` asks for, and the language it is written in (English,
/// German, French or Spanish; `hint`, the page's language, when the words
/// do not say).
#[must_use]
pub fn interpret_in(message: &str, vocab: &Vocabulary, hint: Option<Lang>) -> (Intent, Lang) {
    let (mut reading, lang) = Reading::new(vocab, message, hint);
    if reading.words.is_empty() {
        return (Intent::Unknown(Vec::new()), lang);
    }
    (read(&mut reading).unwrap_or_else(Intent::Clarify), lang)
}

/// The text with its first letter upper-case.
#[must_use]
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The default categories, two members, one budget; Wednesday 25
    /// November 2026.
    fn vocabulary() -> Vocabulary {
        let categories = [
            "Groceries",
            "Housing",
            "Utilities",
            "Transport",
            "Dining out",
            "Health",
            "Entertainment",
            "Shopping",
            "Travel",
        ];
        let ann = Named::new("u-ann", "Ann");
        Vocabulary {
            today: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default(),
            currency: "EUR".to_string(),
            me: ann.clone(),
            categories: categories
                .iter()
                .map(|c| Named::new(format!("c-{c}"), *c))
                .collect(),
            members: vec![ann, Named::new("u-sam", "Sam Lee")],
            budgets: vec![Named::new("b-food", "Food")],
        }
    }

    fn reading(message: &str) -> (String, Lang) {
        let (intent, lang) = interpret_in(message, &vocabulary(), None);
        (intent.to_string(), lang)
    }

    /// `(message, language, reading)` for the main questions in each
    /// language.
    #[rustfmt::skip]
    const PHRASINGS: &[(&str, Lang, &str)] = &[
        // German.
        ("Wie viel haben wir letzten Monat für Lebensmittel ausgegeben?", Lang::De, "spending 2026-10-01..2026-10-31 category=Groceries"),
        ("Wie viel haben wir diesen Monat ausgegeben?", Lang::De, "spending 2026-11-01..2026-11-30"),
        ("Ausgaben gestern", Lang::De, "spending 2026-11-24..2026-11-24"),
        ("Was hat Sam im Oktober bezahlt?", Lang::De, "spending 2026-10-01..2026-10-31 member=Sam Lee"),
        ("Wer schuldet wem?", Lang::De, "balances"),
        ("die 3 größten Ausgaben letzten Monat", Lang::De, "biggest 3 2026-10-01..2026-10-31"),
        ("Ausgaben nach Kategorie im März", Lang::De, "breakdown 2026-03-01..2026-03-31"),
        ("Wie viel haben wir vor 3 Tagen ausgegeben?", Lang::De, "spending 2026-11-22..2026-11-22"),
        ("Pizza 12,50 gestern", Lang::De, "add \"Pizza\" 12.50 EUR on 2026-11-24"),
        ("Miete 1.200,00 bezahlt von Sam geteilt", Lang::De, "add \"Miete\" 1200.00 EUR on 2026-11-25 category=Housing paid_by=Sam Lee split=everyone"),
        ("Kaffee 4,50 am Montag", Lang::De, "add \"Kaffee\" 4.50 EUR on 2026-11-23"),
        // French.
        ("Combien avons-nous dépensé en courses le mois dernier ?", Lang::Fr, "spending 2026-10-01..2026-10-31 category=Groceries"),
        ("Combien avons-nous dépensé ce mois-ci ?", Lang::Fr, "spending 2026-11-01..2026-11-30"),
        ("Combien a-t-on dépensé aujourd'hui ?", Lang::Fr, "spending 2026-11-25..2026-11-25"),
        ("Qui doit à qui ?", Lang::Fr, "balances"),
        ("les 3 plus grosses dépenses de la semaine dernière", Lang::Fr, "biggest 3 2026-11-16..2026-11-22"),
        ("dépenses par catégorie en octobre", Lang::Fr, "breakdown 2026-10-01..2026-10-31"),
        ("combien pour l'épicerie depuis mars", Lang::Fr, "spending 2026-03-01..2026-11-25 category=Groceries"),
        ("pizza 12,50 hier", Lang::Fr, "add \"Pizza\" 12.50 EUR on 2026-11-24"),
        ("ajoute 12,50 pour une pizza hier", Lang::Fr, "add \"Pizza\" 12.50 EUR on 2026-11-24"),
        // Spanish.
        ("¿Cuánto gastamos en comestibles el mes pasado?", Lang::Es, "spending 2026-10-01..2026-10-31 category=Groceries"),
        ("¿Cuánto hemos gastado este mes?", Lang::Es, "spending 2026-11-01..2026-11-30"),
        ("¿Cuánto gastó Sam ayer?", Lang::Es, "spending 2026-11-24..2026-11-24 member=Sam Lee"),
        ("¿Quién debe a quién?", Lang::Es, "balances"),
        ("los 3 gastos más grandes del mes pasado", Lang::Es, "biggest 3 2026-10-01..2026-10-31"),
        ("gastos por categoría en octubre", Lang::Es, "breakdown 2026-10-01..2026-10-31"),
        ("cuanto gastamos hace 2 semanas", Lang::Es, "spending 2026-11-11..2026-11-11"),
        ("pizza 12,50 ayer", Lang::Es, "add \"Pizza\" 12.50 EUR on 2026-11-24"),
        ("café 3,20 el 2 de noviembre", Lang::Es, "add \"Café\" 3.20 EUR on 2026-11-02"),
    ];

    #[test]
    fn the_main_questions_are_read_in_each_language() {
        let mut wrong = Vec::new();
        for (message, lang, expected) in PHRASINGS {
            let (got, got_lang) = reading(message);
            if got != *expected || got_lang != *lang {
                wrong.push(format!(
                    "{message:?}: {got} ({}), expected {expected} ({})",
                    got_lang.code(),
                    lang.code()
                ));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn a_question_with_an_unknown_word_is_not_answered_without_it() {
        for (message, lang, unknown) in [
            (
                "how much did we spend on groceries for the zebra last month",
                Lang::En,
                "zebra",
            ),
            (
                "Wie viel haben wir letzten Monat für Lebensmittel im Zirkus ausgegeben?",
                Lang::De,
                "zirkus",
            ),
            (
                "Combien avons-nous dépensé en courses pour le cirque le mois dernier ?",
                Lang::Fr,
                "cirque",
            ),
            (
                "¿Cuánto gastamos en comestibles para el circo el mes pasado?",
                Lang::Es,
                "circo",
            ),
            ("who owes whom for the boat", Lang::En, "boat"),
            ("Wer schuldet wem für das Boot?", Lang::De, "boot"),
        ] {
            let (intent, got_lang) = interpret_in(message, &vocabulary(), None);
            assert_eq!(got_lang, lang, "{message}");
            match intent {
                Intent::Unknown(words) => {
                    assert!(words.iter().any(|w| w == unknown), "{message}: {words:?}")
                }
                other => panic!("{message}: read as {other}"),
            }
        }
        // Known words only: answered.
        assert_eq!(
            reading("how much did we spend on groceries last month").0,
            "spending 2026-10-01..2026-10-31 category=Groceries"
        );
    }

    #[test]
    fn a_page_language_decides_only_when_the_words_do_not() {
        let vocab = vocabulary();
        assert_eq!(
            interpret_in("pizza 12,50", &vocab, Some(Lang::De)).1,
            Lang::De
        );
        assert_eq!(
            interpret_in("how much did we spend", &vocab, Some(Lang::De)).1,
            Lang::En
        );
        assert_eq!(
            interpret_in("Wer schuldet wem?", &vocab, Some(Lang::Fr)).1,
            Lang::De
        );
    }
}
