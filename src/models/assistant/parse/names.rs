//! What the workspace names: categories, members and budgets, found in a
//! message by exact name, a word of it, an everyday word, or with a typo.

use super::{
    super::words::{close, is_number, month_number, singular, split, FILLER, SIGNS, SYNONYMS},
    dates::unit,
    Named, Question, Reading,
};
use crate::i18n::Lang;

/// How well a phrase names something: exactly, by one of its words or an
/// everyday word for it, or with a typo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Fit {
    Typo = 1,
    Word = 2,
    Exact = 3,
}

/// The outcome of looking a phrase up among the workspace's names.
pub(super) enum Lookup {
    Found(Named),
    Ambiguous(Vec<Named>),
    Missing,
}

pub(super) fn normalized(name: &str) -> Vec<String> {
    split(name)
        .into_iter()
        .map(|w| w.text)
        .filter(|w| !matches!(w.as_str(), "&" | "and" | "out" | "the" | "of"))
        .collect()
}

/// How well `phrase` (one to three words) names `candidate`.
pub(super) fn fit(phrase: &[&str], candidate: &Named) -> Option<Fit> {
    let joined = phrase.join(" ");
    let one = singular(&joined);
    let mut best = None;
    for name in std::iter::once(&candidate.name).chain(&candidate.aliases) {
        let full = split(name)
            .into_iter()
            .map(|w| w.text)
            .collect::<Vec<_>>()
            .join(" ");
        let found = if full == joined || singular(&full) == one {
            Some(Fit::Exact)
        } else if phrase.len() == 1
            && normalized(name)
                .iter()
                .any(|w| *w == joined || singular(w) == one)
        {
            Some(Fit::Word)
        } else if close(&full, &joined)
            || (phrase.len() == 1 && normalized(name).iter().any(|w| close(w, &joined)))
        {
            Some(Fit::Typo)
        } else {
            None
        };
        best = best.max(found);
    }
    best
}

/// The candidates `phrase` names best.
pub(super) fn look_up(phrase: &[&str], candidates: &[Named], synonyms: bool) -> Lookup {
    let mut scored: Vec<(Fit, &Named)> = candidates
        .iter()
        .filter_map(|c| fit(phrase, c).map(|f| (f, c)))
        .collect();
    if synonyms && phrase.len() == 1 {
        let word = singular(phrase[0]);
        for (synonym, names) in SYNONYMS {
            if *synonym == phrase[0] || singular(synonym) == word {
                for name in *names {
                    let named = |c: &&Named| {
                        std::iter::once(&c.name)
                            .chain(&c.aliases)
                            .any(|n| n.eq_ignore_ascii_case(name))
                    };
                    if let Some(c) = candidates.iter().find(named) {
                        if !scored.iter().any(|(_, s)| s.id == c.id) {
                            scored.push((Fit::Word, c));
                        }
                    }
                }
            }
        }
    }
    let Some(best) = scored.iter().map(|(f, _)| *f).max() else {
        return Lookup::Missing;
    };
    let mut top: Vec<Named> = scored
        .into_iter()
        .filter(|(f, _)| *f == best)
        .map(|(_, c)| c.clone())
        .collect();
    if top.len() == 1 {
        Lookup::Found(top.remove(0))
    } else {
        Lookup::Ambiguous(top)
    }
}

/// A phrase of the message that names something, by word positions.
pub(super) struct Mention {
    pub(super) start: usize,
    pub(super) len: usize,
    pub(super) lookup: Lookup,
}

impl Reading<'_> {
    /// Names of members in the places a person is meant: "paid by Sam",
    /// "Sam paid", "did Sam spend", "Sam's spending"; "I", "me" and "my"
    /// are the person asking.
    pub(super) fn member(&mut self) -> Option<Mention> {
        const VERBS: &[&str] = &[
            "paid", "spent", "spend", "spends", "owes", "owe", "owed", "pays", "bought",
        ];
        for i in 0..self.words.len() {
            if self.used[i] {
                continue;
            }
            let word = self.word(i).to_string();
            let before = if i == 0 { "" } else { self.word(i - 1) };
            let after = self.word(i + 1);
            if matches!(word.as_str(), "i" | "me" | "my" | "mine" | "myself")
                && (VERBS.contains(&after) || before == "by" || word == "my" || before == "did")
            {
                self.mark(i, 1);
                return Some(Mention {
                    start: i,
                    len: 1,
                    lookup: Lookup::Found(self.vocab.me.clone()),
                });
            }
            // Other languages put the verb elsewhere ("Was hat Sam
            // bezahlt?", "¿Cuánto gastó Sam?"): a member's name is placed
            // wherever it stands.
            let named_elsewhere = self.lang != Lang::En
                && matches!(
                    look_up(&[word.as_str()], &self.vocab.members, false),
                    Lookup::Found(_) | Lookup::Ambiguous(_)
                )
                && !FILLER.contains(&word.as_str());
            let placed = before == "by"
                || VERBS.contains(&after)
                || self.words[i].possessive
                || named_elsewhere
                || (matches!(before, "did" | "does" | "has" | "much") && !FILLER.contains(&after));
            if !placed || FILLER.contains(&word.as_str()) || self.word_is_other(i) {
                continue;
            }
            for len in [2, 1] {
                if i + len > self.words.len() || self.used[i..i + len].iter().any(|u| *u) {
                    continue;
                }
                let phrase: Vec<&str> = self.words[i..i + len]
                    .iter()
                    .map(|w| w.text.as_str())
                    .collect();
                match look_up(&phrase, &self.vocab.members, false) {
                    Lookup::Missing if len == 2 => {}
                    lookup => {
                        // A name nobody here has is asked about only where
                        // it must be a person ("paid by Bob", "Bob paid").
                        let said_to_pay = before == "by"
                            || (after == "paid" && !matches!(before, "the" | "our" | "we"));
                        if matches!(lookup, Lookup::Missing) && !said_to_pay {
                            break;
                        }
                        self.mark(i, len);
                        return Some(Mention {
                            start: i,
                            len,
                            lookup,
                        });
                    }
                }
            }
        }
        None
    }

    /// Does word `i` mean something other than a name (a number, a sign)?
    pub(super) fn word_is_other(&self, i: usize) -> bool {
        let w = self.word(i);
        is_number(w)
            || SIGNS.iter().any(|(s, _)| w.starts_with(*s))
            || month_number(w).is_some()
            || unit(w).is_some()
    }

    /// The first phrase, among the words not yet accounted for, that names
    /// one of `candidates` (longest phrases first).
    pub(super) fn mention(&mut self, candidates: &[Named], synonyms: bool) -> Option<Mention> {
        for len in [3, 2, 1] {
            for start in 0..self.words.len() {
                if start + len > self.words.len() {
                    break;
                }
                let span = start..start + len;
                if self.used[span.clone()].iter().any(|u| *u)
                    || self.words[span.clone()]
                        .iter()
                        .any(|w| FILLER.contains(&w.text.as_str()) || is_number(&w.text))
                {
                    continue;
                }
                let phrase: Vec<&str> = self.words[span].iter().map(|w| w.text.as_str()).collect();
                match look_up(&phrase, candidates, synonyms) {
                    Lookup::Missing => {}
                    lookup => {
                        self.mark(start, len);
                        return Some(Mention { start, len, lookup });
                    }
                }
            }
        }
        None
    }

    /// Words left after `on`, `for` or `at` that name nothing: a search
    /// ("how much on coffee" looks for "coffee").
    pub(super) fn leftover_after(&mut self, markers: &[&str]) -> Option<String> {
        let at =
            (0..self.words.len()).find(|&i| markers.contains(&self.word(i)) && !self.used[i])?;
        let words: Vec<String> = (at + 1..self.words.len())
            .take_while(|&i| !self.used[i] && !FILLER.contains(&self.word(i)))
            .map(|i| self.word(i).to_string())
            .collect();
        if words.is_empty() {
            return None;
        }
        self.mark(at, words.len() + 1);
        Some(words.join(" "))
    }

    /// The message again with one phrase replaced: the choices of a
    /// clarifying question.
    pub(super) fn replaced(&self, start: usize, len: usize, with: &str) -> String {
        let mut out: Vec<String> = Vec::new();
        for (i, w) in self.words.iter().enumerate() {
            if i == start {
                let possessive = self.words[start + len - 1].possessive;
                out.push(if possessive {
                    format!("{with}'s")
                } else {
                    with.to_string()
                });
            } else if !(start..start + len).contains(&i) {
                out.push(if w.possessive {
                    format!("{}'s", w.text)
                } else {
                    w.text.clone()
                });
            }
        }
        out.join(" ")
    }

    /// A question asking which of `options` a phrase meant.
    pub(super) fn which(&self, mention: &Mention, what: &str, options: &[Named]) -> Question {
        let phrase = self.words[mention.start..mention.start + mention.len]
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        Question {
            text: format!("Which {what} do you mean by \"{phrase}\"?"),
            key: match what {
                "member" => "assistant-which-member",
                "budget" => "assistant-which-budget",
                _ => "assistant-which-category",
            },
            args: vec![("phrase", phrase.clone())],
            choices: options
                .iter()
                .map(|o| self.replaced(mention.start, mention.len, &o.name.to_lowercase()))
                .collect(),
        }
    }

    /// Resolves a mention to one name, or the question to ask.
    pub(super) fn settle(
        &self,
        mention: Option<Mention>,
        what: &str,
    ) -> Result<Option<Named>, Question> {
        match mention {
            None => Ok(None),
            Some(Mention {
                lookup: Lookup::Found(named),
                ..
            }) => Ok(Some(named)),
            Some(m) => match &m.lookup {
                Lookup::Ambiguous(options) => Err(self.which(&m, what, options)),
                Lookup::Missing => {
                    let options = if what == "member" {
                        &self.vocab.members
                    } else {
                        &self.vocab.categories
                    };
                    let phrase = self.words[m.start..m.start + m.len]
                        .iter()
                        .map(|w| w.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" ");
                    Err(Question {
                        text: format!("Nobody here is called \"{phrase}\". Who do you mean?"),
                        key: "assistant-nobody-called",
                        args: vec![("phrase", phrase.clone())],
                        choices: options
                            .iter()
                            .map(|o| self.replaced(m.start, m.len, &o.name.to_lowercase()))
                            .collect(),
                    })
                }
                Lookup::Found(_) => Ok(None),
            },
        }
    }
}
