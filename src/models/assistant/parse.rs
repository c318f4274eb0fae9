//! What a message asks for. A plain, deterministic reader with no network
//! access and no model behind it: the same message in the same workspace on
//! the same day always means the same thing. Dates are resolved against the
//! workspace's today; categories, members and budgets against the
//! workspace's own names (typos and everyday words allowed). When two
//! readings are equally good it asks which one, rather than guessing.

use chrono::{Datelike, Days, Months, NaiveDate};

use super::words::{
    close, day_number, is_number, month_number, singular, split, weekday, year_number, Word, CODES,
    CURRENCY_WORDS, FILLER, QUESTION_STARTS, SIGNS, SYNONYMS,
};
use crate::models::budgets::Period;

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

/// Days `from..=to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Range {
    fn day(day: NaiveDate) -> Self {
        Self { from: day, to: day }
    }

    fn period(period: Period, start: NaiveDate) -> Self {
        let end = period.next(start).pred_opt().unwrap_or(start);
        Self {
            from: start,
            to: end,
        }
    }

    fn month(year: i32, month: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, 1).map(|start| Self::period(Period::Month, start))
    }

    /// The range in words: "on 21 Nov 2026", "in October 2026", "in Q3 2026",
    /// "in 2026", "from 1 Mar 2026 to 25 Nov 2026".
    #[must_use]
    pub fn describe(&self) -> String {
        let whole = |period: Period| {
            period.start_of(self.from) == self.from
                && period.next(self.from).pred_opt() == Some(self.to)
        };
        if self.from == self.to {
            format!("on {}", self.from.format("%-d %b %Y"))
        } else if whole(Period::Month) {
            format!("in {}", self.from.format("%B %Y"))
        } else if whole(Period::Quarter) {
            format!("in Q{} {}", self.from.month0() / 3 + 1, self.from.year())
        } else if whole(Period::Year) {
            format!("in {}", self.from.year())
        } else {
            format!(
                "from {} to {}",
                self.from.format("%-d %b %Y"),
                self.to.format("%-d %b %Y")
            )
        }
    }
}

impl std::fmt::Display for Range {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}..{}", self.from, self.to)
    }
}

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

/// What the help answers are about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    Start,
    Invite,
    Export,
    Import,
    AddExpense,
    Budgets,
    Categories,
    Settle,
    Recurring,
    Reports,
}

impl Topic {
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Start => "start",
            Self::Invite => "invite",
            Self::Export => "export",
            Self::Import => "import",
            Self::AddExpense => "add_expense",
            Self::Budgets => "budgets",
            Self::Categories => "categories",
            Self::Settle => "settle",
            Self::Recurring => "recurring",
            Self::Reports => "reports",
        }
    }
}

/// A short question back, with messages the person can send in reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub text: String,
    pub choices: Vec<String>,
}

/// What a message asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    /// The total spent, narrowed by category, payer or words.
    Spending {
        range: Range,
        category: Option<Named>,
        member: Option<Named>,
        search: Option<String>,
    },
    /// Totals by category.
    Breakdown {
        range: Range,
    },
    /// The largest expenses.
    Biggest {
        range: Range,
        count: u64,
        category: Option<Named>,
    },
    Compare {
        first: Range,
        second: Range,
        category: Option<Named>,
    },
    /// The monthly average over the months of the range up to today.
    Average {
        range: Range,
        category: Option<Named>,
    },
    /// A budget's standing, or every budget's (`None`).
    Budget {
        budget: Option<Named>,
    },
    /// Who owes whom; `member`: one person's balance.
    Balances {
        member: Option<Named>,
    },
    AddExpense(Draft),
    Help(Topic),
    Clarify(Question),
    Unknown,
}

impl Intent {
    /// The kind of answer, as the API names it.
    #[must_use]
    pub const fn kind(&self) -> &'static str {
        match self {
            Self::Spending { .. } => "spending",
            Self::Breakdown { .. } => "breakdown",
            Self::Biggest { .. } => "biggest",
            Self::Compare { .. } => "compare",
            Self::Average { .. } => "average",
            Self::Budget { .. } => "budget",
            Self::Balances { .. } => "balances",
            Self::AddExpense(_) => "add_expense",
            Self::Help(_) => "help",
            Self::Clarify(_) => "clarify",
            Self::Unknown => "unknown",
        }
    }
}

fn with_name(label: &str, named: Option<&Named>) -> String {
    named.map_or_else(String::new, |n| format!(" {label}={}", n.name))
}

/// A compact, stable form of the reading, e.g. `spending
/// 2026-10-01..2026-10-31 category=Groceries`; the API returns it as
/// `interpretation`, and the phrasing tests compare it.
impl std::fmt::Display for Intent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Spending {
                range,
                category,
                member,
                search,
            } => {
                write!(
                    f,
                    "spending {range}{}{}",
                    with_name("category", category.as_ref()),
                    with_name("member", member.as_ref())
                )?;
                if let Some(search) = search {
                    write!(f, " search=\"{search}\"")?;
                }
                Ok(())
            }
            Self::Breakdown { range } => write!(f, "breakdown {range}"),
            Self::Biggest {
                range,
                count,
                category,
            } => write!(
                f,
                "biggest {count} {range}{}",
                with_name("category", category.as_ref())
            ),
            Self::Compare {
                first,
                second,
                category,
            } => write!(
                f,
                "compare {first} with {second}{}",
                with_name("category", category.as_ref())
            ),
            Self::Average { range, category } => write!(
                f,
                "average {range}{}",
                with_name("category", category.as_ref())
            ),
            Self::Budget { budget: Some(b) } => write!(f, "budget {}", b.name),
            Self::Budget { budget: None } => write!(f, "budgets"),
            Self::Balances { member } => {
                write!(f, "balances{}", with_name("member", member.as_ref()))
            }
            Self::AddExpense(d) => {
                write!(
                    f,
                    "add \"{}\" {} {} on {}{}",
                    d.description,
                    d.amount,
                    d.currency,
                    d.date,
                    with_name("category", d.category.as_ref())
                )?;
                if let Some(payee) = &d.payee {
                    write!(f, " payee=\"{payee}\"")?;
                }
                write!(f, "{}", with_name("paid_by", d.paid_by.as_ref()))?;
                match &d.split {
                    Split::None => Ok(()),
                    Split::Everyone => write!(f, " split=everyone"),
                    Split::With(people) => write!(
                        f,
                        " split=with:{}",
                        people
                            .iter()
                            .map(|p| p.name.as_str())
                            .collect::<Vec<_>>()
                            .join(",")
                    ),
                }
            }
            Self::Help(topic) => write!(f, "help {}", topic.as_str()),
            Self::Clarify(q) => write!(f, "clarify {} [{}]", q.text, q.choices.join(" | ")),
            Self::Unknown => write!(f, "unknown"),
        }
    }
}

/// How well a phrase names something: exactly, by one of its words or an
/// everyday word for it, or with a typo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Fit {
    Typo = 1,
    Word = 2,
    Exact = 3,
}

/// The outcome of looking a phrase up among the workspace's names.
enum Lookup {
    Found(Named),
    Ambiguous(Vec<Named>),
    Missing,
}

fn normalized(name: &str) -> Vec<String> {
    split(name)
        .into_iter()
        .map(|w| w.text)
        .filter(|w| !matches!(w.as_str(), "&" | "and" | "out" | "the" | "of"))
        .collect()
}

/// How well `phrase` (one to three words) names `candidate`.
fn fit(phrase: &[&str], candidate: &Named) -> Option<Fit> {
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
fn look_up(phrase: &[&str], candidates: &[Named], synonyms: bool) -> Lookup {
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
struct Mention {
    start: usize,
    len: usize,
    lookup: Lookup,
}

/// One date expression found in the message.
#[derive(Debug, Clone, Copy)]
struct Found {
    /// The position of its first word.
    at: usize,
    range: Range,
    /// A single day ("yesterday", "on 3 March").
    day: bool,
}

/// The message being read: its words, and which words are accounted for.
struct Reading<'a> {
    vocab: &'a Vocabulary,
    words: Vec<Word>,
    used: Vec<bool>,
    /// The message ends with (or holds) a question mark.
    question_mark: bool,
}

/// Words about budgets that name none.
const BUDGET_TALK: &[&str] = &[
    "budget",
    "budgets",
    "left",
    "remaining",
    "remain",
    "status",
    "track",
    "doing",
    "going",
    "looking",
    "everything",
    "under",
    "limit",
    "limits",
    "hows",
    "okay",
    "ok",
];

const UNITS: &[(&str, Period)] = &[
    ("week", Period::Week),
    ("weeks", Period::Week),
    ("month", Period::Month),
    ("months", Period::Month),
    ("quarter", Period::Quarter),
    ("quarters", Period::Quarter),
    ("year", Period::Year),
    ("years", Period::Year),
];

fn unit(word: &str) -> Option<Period> {
    UNITS.iter().find(|(w, _)| *w == word).map(|(_, p)| *p)
}

/// `n` periods back from `day` (days when `period` is `None`).
fn back(day: NaiveDate, period: Option<Period>, n: u32) -> NaiveDate {
    match period {
        None => day.checked_sub_days(Days::new(u64::from(n))),
        Some(Period::Week) => day.checked_sub_days(Days::new(7 * u64::from(n))),
        Some(Period::Month) => day.checked_sub_months(Months::new(n)),
        Some(Period::Quarter) => day.checked_sub_months(Months::new(3 * n)),
        Some(Period::Year) => day.checked_sub_months(Months::new(12 * n)),
    }
    .unwrap_or(day)
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

    fn today(&self) -> NaiveDate {
        self.vocab.today
    }

    /// A year written right after position `i`, if any (and marks it).
    fn year_after(&mut self, i: usize) -> Option<i32> {
        let year = year_number(self.word(i + 1))?;
        self.mark(i + 1, 1);
        Some(year)
    }

    /// The most recent `month` (this year's, unless it has not begun yet).
    fn recent_year_of(&self, month: u32, day: u32) -> i32 {
        let today = self.today();
        if (month, day) <= (today.month(), today.day()) {
            today.year()
        } else {
            today.year() - 1
        }
    }

    /// Every date expression, left to right, marking the words it used.
    #[allow(clippy::too_many_lines)]
    fn ranges(&mut self) -> Vec<Found> {
        let today = self.today();
        let mut found = Vec::new();
        let mut i = 0;
        while i < self.words.len() {
            if self.used[i] {
                i += 1;
                continue;
            }
            let w = self.word(i).to_string();
            let next = self.word(i + 1).to_string();
            let mut take = |reading: &mut Self, len: usize, range: Range, day: bool| {
                reading.record(&mut found, i, len, range, day);
                len
            };
            let len = match w.as_str() {
                "today" | "tonight" => take(self, 1, Range::day(today), true),
                "yesterday" => {
                    let len = if i >= 2 && self.word(i - 2) == "day" && self.word(i - 1) == "before"
                    {
                        self.mark(i - 2, 2);
                        2
                    } else {
                        1
                    };
                    take(self, 1, Range::day(back(today, None, len)), true)
                }
                "ytd" => take(
                    self,
                    1,
                    Range {
                        from: Period::Year.start_of(today),
                        to: today,
                    },
                    false,
                ),
                "year" if next == "to" && self.word(i + 2) == "date" => take(
                    self,
                    3,
                    Range {
                        from: Period::Year.start_of(today),
                        to: today,
                    },
                    false,
                ),
                "this" | "current" | "last" | "previous" | "past" | "prior" => {
                    let before = w != "this" && w != "current";
                    if let Some(period) = unit(&next) {
                        let start = period.start_of(today);
                        let range = match w.as_str() {
                            "past" => Range {
                                from: back(today, Some(period), 1) + Days::new(1),
                                to: today,
                            },
                            _ if before => Range::period(period, back(start, Some(period), 1)),
                            _ => Range::period(period, start),
                        };
                        take(self, 2, range, false)
                    } else if let (true, Some(n)) = (before, next.parse::<u32>().ok()) {
                        let later = self.word(i + 2).to_string();
                        let period = unit(&later);
                        if (period.is_some() || later == "days" || later == "day") && n > 0 {
                            let range = Range {
                                from: back(today, period, n) + Days::new(1),
                                to: today,
                            };
                            take(self, 3, range, false)
                        } else {
                            0
                        }
                    } else if let (true, Some(day)) = (before, weekday(&next)) {
                        // "last friday": the one before today.
                        let mut date = back(today, None, 1);
                        while date.weekday() != day {
                            date = back(date, None, 1);
                        }
                        take(self, 2, Range::day(date), true)
                    } else {
                        0
                    }
                }
                _ => 0,
            };
            if len > 0 {
                i += len;
                continue;
            }
            // "3 days ago", "2 weeks ago".
            if let (Ok(n), "ago") = (w.parse::<u32>(), self.word(i + 2)) {
                let period = unit(&next);
                if period.is_some() || next == "days" || next == "day" {
                    self.record(&mut found, i, 3, Range::day(back(today, period, n)), true);
                    i += 3;
                    continue;
                }
            }
            // Quarters: "q3", "q3 2025".
            if let Some(q) = w
                .strip_prefix('q')
                .and_then(|n| n.parse::<u32>().ok())
                .filter(|q| (1..=4).contains(q))
            {
                let month = (q - 1) * 3 + 1;
                let year = self
                    .year_after(i)
                    .unwrap_or_else(|| self.recent_year_of(month, 1));
                if let Some(start) = NaiveDate::from_ymd_opt(year, month, 1) {
                    self.record(
                        &mut found,
                        i,
                        1,
                        Range::period(Period::Quarter, start),
                        false,
                    );
                }
                i += 1;
                continue;
            }
            // ISO dates.
            if let Ok(date) = NaiveDate::parse_from_str(&w, "%Y-%m-%d") {
                self.record(&mut found, i, 1, Range::day(date), true);
                i += 1;
                continue;
            }
            // Weekdays: "on monday", "friday".
            if let Some(day) = weekday(&w) {
                let mut date = today;
                while date.weekday() != day {
                    date = back(date, None, 1);
                }
                self.record(&mut found, i, 1, Range::day(date), true);
                i += 1;
                continue;
            }
            // Months: "march", "march 2025", "3 march", "march 3rd", "3rd of march".
            if let Some(month) = month_number(&w).filter(|_| w != "may" || self.may_is_month(i)) {
                let day_at = |at: usize| {
                    (!self.used[at])
                        .then(|| day_number(self.word(at)).map(|d| (d, at)))
                        .flatten()
                };
                let day_before = (i >= 1).then(|| day_at(i - 1)).flatten().or_else(|| {
                    (i >= 2 && self.word(i - 1) == "of")
                        .then(|| day_at(i - 2))
                        .flatten()
                });
                let day_after = day_number(&next)
                    .filter(|_| year_number(&next).is_none())
                    .map(|d| (d, i + 1));
                if let Some((day, at)) = day_before.or(day_after) {
                    let year_at = at.max(i);
                    let year = self
                        .year_after(year_at)
                        .unwrap_or_else(|| self.recent_year_of(month, day));
                    if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
                        let start = at.min(i);
                        self.record(
                            &mut found,
                            start,
                            year_at - start + 1,
                            Range::day(date),
                            true,
                        );
                    }
                    i = year_at + 1;
                    continue;
                }
                let year = self
                    .year_after(i)
                    .unwrap_or_else(|| self.recent_year_of(month, 1));
                if let Some(range) = Range::month(year, month) {
                    self.record(&mut found, i, 1, range, false);
                }
                i += 1;
                continue;
            }
            // A year on its own: "in 2025", "spending 2025".
            if let Some(year) = year_number(&w).filter(|_| {
                matches!(self.word(i.wrapping_sub(1)), "in" | "of" | "during" | "for")
                    || self.is_question()
            }) {
                if let Some(start) = NaiveDate::from_ymd_opt(year, 1, 1) {
                    self.record(&mut found, i, 1, Range::period(Period::Year, start), false);
                }
            }
            i += 1;
        }
        // "since march": from then until today.
        let sinces: Vec<usize> = (0..self.words.len())
            .filter(|&i| self.word(i) == "since")
            .collect();
        for since in sinces {
            if let Some(f) = found.iter_mut().find(|f| f.at == since + 1) {
                f.range.to = today;
                f.day = false;
                self.mark(since, 1);
            }
        }
        found
    }

    /// Notes a date expression of `len` words starting at `at`.
    fn record(&mut self, found: &mut Vec<Found>, at: usize, len: usize, range: Range, day: bool) {
        self.mark(at, len);
        found.push(Found { at, range, day });
    }

    /// "may" is the month only where a date fits: after "in", "since",
    /// "of", "last", or before a day or year.
    fn may_is_month(&self, i: usize) -> bool {
        let before = if i == 0 { "" } else { self.word(i - 1) };
        let next = self.word(i + 1);
        matches!(
            before,
            "in" | "since" | "of" | "from" | "and" | "to" | "last" | "compare" | "vs" | "on"
        ) || day_number(next).is_some()
            || year_number(next).is_some()
            || (i > 0 && day_number(before).is_some())
    }

    /// A count asked for: "top 3", "5 biggest", "10 largest expenses".
    fn count(&mut self) -> u64 {
        for i in 0..self.words.len() {
            if self.used[i] || !self.word(i).bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            let before = if i == 0 { "" } else { self.word(i - 1) };
            let after = self.word(i + 1);
            let counted = matches!(before, "top" | "biggest" | "largest" | "last")
                || matches!(
                    after,
                    "biggest" | "largest" | "expenses" | "purchases" | "most" | "highest" | "top"
                );
            if let (true, Ok(n)) = (counted, self.word(i).parse::<u64>()) {
                self.mark(i, 1);
                return n.clamp(1, TOP_MAX);
            }
        }
        TOP_DEFAULT
    }

    /// Names of members in the places a person is meant: "paid by Sam",
    /// "Sam paid", "did Sam spend", "Sam's spending"; "I", "me" and "my"
    /// are the person asking.
    fn member(&mut self) -> Option<Mention> {
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
            let placed = before == "by"
                || VERBS.contains(&after)
                || self.words[i].possessive
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
    fn word_is_other(&self, i: usize) -> bool {
        let w = self.word(i);
        is_number(w)
            || SIGNS.iter().any(|(s, _)| w.starts_with(*s))
            || month_number(w).is_some()
            || unit(w).is_some()
    }

    /// The first phrase, among the words not yet accounted for, that names
    /// one of `candidates` (longest phrases first).
    fn mention(&mut self, candidates: &[Named], synonyms: bool) -> Option<Mention> {
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
    fn leftover_after(&mut self, markers: &[&str]) -> Option<String> {
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
    fn replaced(&self, start: usize, len: usize, with: &str) -> String {
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
    fn which(&self, mention: &Mention, what: &str, options: &[Named]) -> Question {
        let phrase = self.words[mention.start..mention.start + mention.len]
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        Question {
            text: format!("Which {what} do you mean by \"{phrase}\"?"),
            choices: options
                .iter()
                .map(|o| self.replaced(mention.start, mention.len, &o.name.to_lowercase()))
                .collect(),
        }
    }

    /// Resolves a mention to one name, or the question to ask.
    fn settle(&self, mention: Option<Mention>, what: &str) -> Result<Option<Named>, Question> {
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

/// What `message` asks for, in the workspace `vocab` describes.
#[must_use]
pub fn interpret(message: &str, vocab: &Vocabulary) -> Intent {
    let mut reading = Reading::new(vocab, message);
    if reading.words.is_empty() {
        return Intent::Unknown;
    }
    read(&mut reading).unwrap_or_else(Intent::Clarify)
}

fn help_topic(reading: &Reading<'_>) -> Option<Topic> {
    let r = reading;
    let asking_how = r.has_phrase("how do")
        || r.has_phrase("how can")
        || r.has_phrase("how to")
        || r.has_phrase("how does")
        || r.has_phrase("where do")
        || r.has_phrase("where can")
        || r.has_phrase("can i")
        || r.has_phrase("can we")
        || r.has_phrase("is it possible")
        || r.has_phrase("i want to")
        || r.has_phrase("id like to")
        || r.has_phrase("help me")
        || r.has_phrase("help with");
    let topic = if r.has_any(&["invite", "invitation", "invites"])
        || (r.has_any(&["add", "join"])
            && r.has_any(&[
                "member", "someone", "people", "person", "partner", "roommate", "user",
            ])) {
        Some(Topic::Invite)
    } else if r.has_any(&["export", "backup", "download", "archive"]) {
        Some(Topic::Export)
    } else if r.has_any(&["import", "csv", "upload"]) {
        Some(Topic::Import)
    } else if r.has_any(&[
        "recurring",
        "repeat",
        "subscription",
        "subscriptions",
        "monthly",
    ]) && asking_how
    {
        Some(Topic::Recurring)
    } else if r.has_any(&["settle", "repay"]) && asking_how {
        Some(Topic::Settle)
    } else if r.has_any(&["budget", "budgets", "limit", "alert", "alerts"]) && asking_how {
        Some(Topic::Budgets)
    } else if r.has_any(&["category", "categories"]) && asking_how {
        Some(Topic::Categories)
    } else if r.has_any(&["report", "reports", "chart", "charts"]) && asking_how {
        Some(Topic::Reports)
    } else if r.has_any(&["expense", "expenses", "spending", "receipt"])
        && r.has_any(&["add", "enter", "record", "log", "create"])
        && asking_how
    {
        Some(Topic::AddExpense)
    } else {
        None
    };
    let imperative = r.words.first().is_some_and(|w| {
        matches!(
            w.text.as_str(),
            "export" | "download" | "invite" | "import" | "backup" | "upload"
        )
    });
    match topic {
        Some(topic) if asking_how || imperative || r.has_any(&["my", "our", "data", "someone"]) => {
            Some(topic)
        }
        _ if r.words.len() <= 4
            && (r.has_any(&["help", "hi", "hello", "hey", "thanks", "start"])
                || r.has_phrase("what can you do")
                || r.has_phrase("what can i ask")) =>
        {
            Some(Topic::Start)
        }
        _ if r.has_phrase("what can you do") || r.has_phrase("what can i ask") => {
            Some(Topic::Start)
        }
        _ => None,
    }
}

/// Reads the message; `Err` is a question to ask back.
fn read(r: &mut Reading<'_>) -> Result<Intent, Question> {
    if let Some(topic) = help_topic(r) {
        return Ok(Intent::Help(topic));
    }
    let today = r.today();
    let this_month = Range::period(Period::Month, Period::Month.start_of(today));
    let this_year = Range::period(Period::Year, Period::Year.start_of(today));

    if r.has_any(&[
        "owe", "owes", "owed", "owing", "debt", "debts", "balance", "balances",
    ]) || r.has_phrase("settle up")
        || r.has_phrase("square up")
        || r.has_phrase("even up")
    {
        let member = r.member();
        let member = r.settle(member, "member")?;
        return Ok(Intent::Balances { member });
    }

    if r.has_any(&["budget", "budgets", "left", "remaining", "remain"])
        && !r.has_phrase("how much did")
    {
        let budgets = r.vocab.budgets.clone();
        let mention = r.mention(&budgets, true);
        let budget = match mention {
            Some(m) => match m.lookup {
                Lookup::Found(b) => Some(b),
                Lookup::Ambiguous(ref options) => return Err(r.which(&m, "budget", options)),
                Lookup::Missing => None,
            },
            None => {
                // A word that names no budget: say which there are.
                let named = r.words.iter().enumerate().find(|(i, w)| {
                    !r.used[*i]
                        && !FILLER.contains(&w.text.as_str())
                        && !BUDGET_TALK.contains(&w.text.as_str())
                });
                if let (Some((i, w)), false) = (named, r.vocab.budgets.is_empty()) {
                    return Err(Question {
                        text: format!(
                            "No budget here matches \"{}\". Which one do you mean?",
                            w.text
                        ),
                        choices: r
                            .vocab
                            .budgets
                            .iter()
                            .map(|b| r.replaced(i, 1, &b.name.to_lowercase()))
                            .collect(),
                    });
                }
                None
            }
        };
        return Ok(Intent::Budget { budget });
    }

    let ranges = r.ranges();
    let categories = r.vocab.categories.clone();

    if r.has_any(&[
        "compare",
        "comparison",
        "versus",
        "vs",
        "compared",
        "difference",
    ]) || (r.has("than") && ranges.len() >= 2)
    {
        let category = r.mention(&categories, true);
        let category = r.settle(category, "category")?;
        return match ranges.as_slice() {
            [first, second, ..] => Ok(Intent::Compare {
                first: first.range,
                second: second.range,
                category,
            }),
            [only] => {
                // One period: with the one before it, of the same length.
                let length = (only.range.to - only.range.from).num_days();
                let whole_month = Period::Month.start_of(only.range.from) == only.range.from
                    && Period::Month.next(only.range.from).pred_opt() == Some(only.range.to);
                let earlier = if whole_month {
                    Range::period(Period::Month, back(only.range.from, Some(Period::Month), 1))
                } else {
                    let to = back(only.range.from, None, 1);
                    Range {
                        from: back(to, None, u32::try_from(length).unwrap_or(0)),
                        to,
                    }
                };
                Ok(Intent::Compare {
                    first: earlier,
                    second: only.range,
                    category,
                })
            }
            [] => Err(Question {
                text: "Compare which periods?".to_string(),
                choices: vec![
                    "compare last month and this month".to_string(),
                    "compare last year and this year".to_string(),
                    "compare last week and this week".to_string(),
                ],
            }),
        };
    }

    if r.has_any(&[
        "average",
        "avg",
        "typical",
        "typically",
        "usually",
        "normally",
        "monthly",
        "mean",
    ]) || r.has_phrase("per month")
        || r.has_phrase("a month")
        || r.has_phrase("each month")
    {
        let category = r.mention(&categories, true);
        let category = r.settle(category, "category")?;
        let range = ranges.first().map_or(this_year, |f| f.range);
        return Ok(Intent::Average { range, category });
    }

    if r.has_any(&[
        "biggest",
        "largest",
        "top",
        "highest",
        "priciest",
        "costliest",
        "big",
        "major",
    ]) || r.has_phrase("most expensive")
    {
        if r.has_any(&["category", "categories"]) {
            return Ok(Intent::Breakdown {
                range: ranges.first().map_or(this_month, |f| f.range),
            });
        }
        let count = r.count();
        let category = r.mention(&categories, true);
        let category = r.settle(category, "category")?;
        let range = ranges.first().map_or(this_month, |f| f.range);
        return Ok(Intent::Biggest {
            range,
            count,
            category,
        });
    }

    if r.has("breakdown")
        || (r.has("categories") && r.is_question())
        || r.has_phrase("by category")
        || r.has_phrase("where did")
        || r.has_phrase("where does")
    {
        let range = ranges.first().map_or(this_month, |f| f.range);
        return Ok(Intent::Breakdown { range });
    }

    let amounts = amounts(r);
    if !r.is_question() && !amounts.is_empty() {
        return draft(r, &ranges, &amounts).map(Intent::AddExpense);
    }

    let span = match ranges.as_slice() {
        [] => None,
        [only] => Some(only.range),
        [first, .., last] => Some(Range {
            from: first.range.from.min(last.range.from),
            to: first.range.to.max(last.range.to),
        }),
    };
    let member = r.member();
    let member = r.settle(member, "member")?;
    let category = r.mention(&categories, true);
    let category = r.settle(category, "category")?;
    let asks_spending = r.has_any(&[
        "spend",
        "spent",
        "spending",
        "spends",
        "cost",
        "costs",
        "total",
        "paid",
        "pay",
        "much",
        "expenses",
        "expenditure",
    ]);
    let search = if category.is_none() && asks_spending {
        r.leftover_after(&["on", "for", "at"])
    } else {
        None
    };
    // "What did we spend on last month?": on what, by category (but "spend
    // on monday" is about a day).
    let on_a_day = (1..r.words.len()).any(|i| {
        r.word(i) == "on"
            && matches!(r.word(i - 1), "spend" | "spent")
            && ranges.iter().any(|f| f.at == i + 1 && f.day)
    });
    let spent_on = r.has_phrase("spend on") || r.has_phrase("spent on");
    if spent_on
        && !on_a_day
        && r.is_question()
        && category.is_none()
        && member.is_none()
        && search.is_none()
    {
        return Ok(Intent::Breakdown {
            range: span.unwrap_or(this_month),
        });
    }
    if asks_spending || span.is_some() || category.is_some() {
        return Ok(Intent::Spending {
            range: span.unwrap_or(this_month),
            category,
            member,
            search,
        });
    }
    Ok(Intent::Unknown)
}

/// A number in the message that could be an amount.
#[derive(Debug, Clone)]
struct Amount {
    at: usize,
    text: String,
    /// The currency written next to it, if any.
    currency: Option<String>,
}

/// The numbers not used by dates or counts, with the currency written next
/// to them (a sign or code before or after).
fn amounts(r: &mut Reading<'_>) -> Vec<Amount> {
    let base = r.vocab.currency.clone();
    // A sign the workspace's currency is written with means that currency
    // ("$" in a CAD workspace); otherwise its most common one.
    let of_sign = |sign: char| -> Option<String> {
        let (_, code) = SIGNS.iter().find(|(s, _)| *s == sign)?;
        let same = money_symbol(&base).is_some_and(|s| s == sign.to_string());
        Some(if same {
            base.clone()
        } else {
            (*code).to_string()
        })
    };
    let currency_of = |word: &str| -> Option<String> {
        let mut chars = word.chars();
        if let (Some(sign), None) = (chars.next(), chars.next()) {
            if let Some(code) = of_sign(sign) {
                return Some(code);
            }
        }
        if CODES.contains(&word) || word == base.to_lowercase() {
            return Some(word.to_uppercase());
        }
        CURRENCY_WORDS
            .iter()
            .find(|(w, _)| *w == word)
            .and_then(|(_, sign)| of_sign(*sign))
    };
    let mut found = Vec::new();
    for i in 0..r.words.len() {
        if r.used[i] || !is_number(r.word(i)) {
            continue;
        }
        let before = if i == 0 {
            None
        } else {
            currency_of(r.word(i - 1))
        };
        let after = currency_of(r.word(i + 1));
        if before.is_some() && i > 0 {
            r.mark(i - 1, 1);
        }
        if after.is_some() {
            r.mark(i + 1, 1);
        }
        found.push(Amount {
            at: i,
            text: r.word(i).to_string(),
            currency: before.or(after),
        });
    }
    found
}

/// The symbol the workspace's currency is written with.
fn money_symbol(code: &str) -> Option<String> {
    crate::models::money::currency(code).map(|c| c.symbol().to_string())
}

/// An expense to add, from a message such as "coffee 4.50 yesterday".
fn draft(r: &mut Reading<'_>, ranges: &[Found], amounts: &[Amount]) -> Result<Draft, Question> {
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

/// The text with its first letter upper-case.
#[must_use]
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
