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
use super::words::{split, Word, QUESTION_STARTS};

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
}

impl<'a> Reading<'a> {
    fn new(vocab: &'a Vocabulary, message: &str) -> Self {
        let words = split(message);
        let used = vec![false; words.len()];
        Self {
            vocab,
            words,
            used,
            question_mark: message.contains('?'),
        }
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
    let mut reading = Reading::new(vocab, message);
    if reading.words.is_empty() {
        return Intent::Unknown;
    }
    read(&mut reading).unwrap_or_else(Intent::Clarify)
}

/// The text with its first letter upper-case.
#[must_use]
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
