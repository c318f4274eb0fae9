//! A new expense read from a message such as "coffee 4.50 yesterday".

use chrono::NaiveDate;

use super::{
    super::words::{is_number, FILLER},
    amounts::Amount,
    capitalised,
    dates::Found,
    names::{fit, look_up, Fit, Lookup, Mention},
    Named, Question, Reading,
};

/// A new expense read from a message, to be confirmed by the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub description: String,
    /// Decimal as typed, e.g. "4.50".
    pub amount: String,
    /// ISO code; the workspace's unless the message named another.
    pub currency: String,
    pub date: NaiveDate,
    pub category: Option<Named>,
    pub payee: Option<String>,
    /// Who paid; the person asking when not said.
    pub paid_by: Option<Named>,
    pub split: Split,
}

/// How a drafted expense is shared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Split {
    None,
    /// Equally between every member.
    Everyone,
    /// Equally between the payer and these members.
    With(Vec<Named>),
}

// Stays whole: each step (amount, date, payer and split, payee, description
// and category) marks the words it took, so the next sees only the rest;
// the steps read in this order top to bottom.
/// An expense to add, from a message such as "coffee 4.50 yesterday".
pub(super) fn draft(
    r: &mut Reading<'_>,
    ranges: &[Found],
    amounts: &[Amount],
) -> Result<Draft, Question> {
    let marked: Vec<&Amount> = amounts.iter().filter(|a| a.currency.is_some()).collect();
    let only = match (marked.as_slice(), amounts) {
        ([one], _) => Some((*one).clone()),
        ([], [one]) => Some(one.clone()),
        _ => None,
    };
    let amount = match only {
        Some(amount) => amount,
        _ => {
            let base = r.vocab.currency.clone();
            return Err(Question {
                text: format!(
                    "Which is the amount: {}?",
                    amounts
                        .iter()
                        .map(|a| a.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" or ")
                ),
                choices: amounts
                    .iter()
                    .map(|a| r.replaced(a.at, 1, &format!("{} {base}", a.text)))
                    .collect(),
                key: "assistant-which-amount",
                args: vec![(
                    "amounts",
                    amounts
                        .iter()
                        .map(|a| a.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" / "),
                )],
            });
        }
    };
    r.mark(amount.at, 1);
    let date = match ranges {
        [] => r.today(),
        [one] if one.day => one.range.from,
        _ => {
            let (from, to) = ranges.first().map_or((r.today(), r.today()), |f| {
                (f.range.from, f.range.to.min(r.today()))
            });
            let without: Vec<String> = r
                .words
                .iter()
                .enumerate()
                .filter(|(i, _)| !r.used[*i] || *i == amount.at)
                .map(|(_, w)| w.text.clone())
                .collect();
            let again = without.join(" ");
            return Err(Question {
                text: "On which day?".to_string(),
                key: "assistant-which-day",
                args: Vec::new(),
                choices: vec![format!("{again} on {from}"), format!("{again} on {to}")],
            });
        }
    };
    // Who paid, and how it is shared.
    let split_words = ["split", "shared", "share", "splitting"];
    let split_at = (0..r.words.len()).find(|&i| split_words.contains(&r.word(i)));
    let mut split = Split::None;
    if let Some(at) = split_at {
        r.mark(at, 1);
        for i in at + 1..r.words.len() {
            if matches!(
                r.word(i),
                "equally"
                    | "evenly"
                    | "between"
                    | "among"
                    | "us"
                    | "all"
                    | "everyone"
                    | "fairly"
                    | "50/50"
                    | "50-50"
            ) {
                r.mark(i, 1);
            }
        }
        split = Split::Everyone;
        if r.word(at + 1) == "with" {
            r.mark(at + 1, 1);
            let mut people = Vec::new();
            let mut i = at + 2;
            while i < r.words.len() {
                if r.word(i) == "and" {
                    r.mark(i, 1);
                    i += 1;
                    continue;
                }
                let phrase = [r.word(i)];
                match look_up(&phrase, &r.vocab.members, false) {
                    Lookup::Found(person) => {
                        r.mark(i, 1);
                        people.push(person);
                    }
                    lookup => {
                        let mention = Mention {
                            start: i,
                            len: 1,
                            lookup,
                        };
                        if let Lookup::Ambiguous(options) = &mention.lookup {
                            return Err(r.which(&mention, "member", options));
                        }
                        break;
                    }
                }
                i += 1;
            }
            if !people.is_empty() {
                split = Split::With(people);
            }
        }
    }
    let member = r.member();
    let paid_by = r.settle(member, "member")?;
    // "at Starbucks": the payee.
    let payee = (0..r.words.len())
        .find(|&i| r.word(i) == "at" && !r.used[i])
        .and_then(|at| {
            let words: Vec<usize> = (at + 1..r.words.len())
                .take_while(|&i| !r.used[i] && !FILLER.contains(&r.word(i)))
                .collect();
            (!words.is_empty()).then_some((at, words))
        })
        .map(|(at, words)| {
            r.mark(at, 1);
            let name = words
                .iter()
                .map(|&i| capitalised(r.word(i)))
                .collect::<Vec<_>>()
                .join(" ");
            for i in words {
                r.mark(i, 1);
            }
            name
        });
    // What it was for: the words left (without filler at either end), and
    // a category one of them names exactly or by an everyday word.
    let mut left: Vec<String> = r
        .words
        .iter()
        .enumerate()
        .filter(|(i, w)| !r.used[*i] && !is_number(&w.text))
        .map(|(_, w)| w.text.clone())
        .collect();
    while left.first().is_some_and(|w| FILLER.contains(&w.as_str())) {
        left.remove(0);
    }
    while left.last().is_some_and(|w| FILLER.contains(&w.as_str())) {
        left.pop();
    }
    let category = left.iter().find_map(|word| {
        let one = [word.as_str()];
        match look_up(&one, &r.vocab.categories, true) {
            Lookup::Found(c) if !matches!(fit(&one, &c), Some(Fit::Typo)) => Some(c),
            _ => None,
        }
    });
    let description = left.join(" ");
    let description = if description.is_empty() {
        match (&category, &payee) {
            (Some(c), _) => c.name.clone(),
            (None, Some(p)) => p.clone(),
            (None, None) => {
                return Err(Question {
                    text: format!("What was {} for?", amount.text),
                    key: "assistant-what-for",
                    args: vec![("amount", amount.text.clone())],
                    choices: vec![
                        format!("coffee {}", amount.text),
                        format!("groceries {}", amount.text),
                    ],
                })
            }
        }
    } else {
        capitalised(&description)
    };
    Ok(Draft {
        description,
        amount: amount.text,
        currency: amount.currency.unwrap_or_else(|| r.vocab.currency.clone()),
        date,
        category,
        payee,
        paid_by,
        split,
    })
}
