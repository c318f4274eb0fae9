//! Dates and periods: "last month", "since March", "3 weeks ago", "on 2 May".

use chrono::{Datelike, Days, Months, NaiveDate};

use super::{
    super::words::{day_number, month_number, weekday, year_number},
    Reading,
};
use crate::models::budgets::Period;

/// Days `from..=to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Range {
    pub(super) fn day(day: NaiveDate) -> Self {
        Self { from: day, to: day }
    }

    pub(super) fn period(period: Period, start: NaiveDate) -> Self {
        let end = period.next(start).pred_opt().unwrap_or(start);
        Self {
            from: start,
            to: end,
        }
    }

    pub(super) fn month(year: i32, month: u32) -> Option<Self> {
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

/// One date expression found in the message.
#[derive(Debug, Clone, Copy)]
pub(super) struct Found {
    /// The position of its first word.
    pub(super) at: usize,
    pub(super) range: Range,
    /// A single day ("yesterday", "on 3 March").
    pub(super) day: bool,
}

pub(super) const UNITS: &[(&str, Period)] = &[
    ("week", Period::Week),
    ("weeks", Period::Week),
    ("month", Period::Month),
    ("months", Period::Month),
    ("quarter", Period::Quarter),
    ("quarters", Period::Quarter),
    ("year", Period::Year),
    ("years", Period::Year),
];

pub(super) fn unit(word: &str) -> Option<Period> {
    UNITS.iter().find(|(w, _)| *w == word).map(|(_, p)| *p)
}

/// `n` periods back from `day` (days when `period` is `None`).
pub(super) fn back(day: NaiveDate, period: Option<Period>, n: u32) -> NaiveDate {
    match period {
        None => day.checked_sub_days(Days::new(u64::from(n))),
        Some(Period::Week) => day.checked_sub_days(Days::new(7 * u64::from(n))),
        Some(Period::Month) => day.checked_sub_months(Months::new(n)),
        Some(Period::Quarter) => day.checked_sub_months(Months::new(3 * n)),
        Some(Period::Year) => day.checked_sub_months(Months::new(12 * n)),
    }
    .unwrap_or(day)
}

impl Reading<'_> {
    pub(super) fn today(&self) -> NaiveDate {
        self.vocab.today
    }

    /// A year written right after position `i`, if any (and marks it).
    pub(super) fn year_after(&mut self, i: usize) -> Option<i32> {
        let year = year_number(self.word(i + 1))?;
        self.mark(i + 1, 1);
        Some(year)
    }

    /// The most recent `month` (this year's, unless it has not begun yet).
    pub(super) fn recent_year_of(&self, month: u32, day: u32) -> i32 {
        let today = self.today();
        if (month, day) <= (today.month(), today.day()) {
            today.year()
        } else {
            today.year() - 1
        }
    }

    /// Every date expression, left to right, marking the words it used.
    // Stays whole: one left-to-right scan with one branch per date form, where
    // the order of the branches is the precedence between forms ("last 3
    // months" before "last month") and each branch marks the words it used.
    #[allow(clippy::too_many_lines)]
    pub(super) fn ranges(&mut self) -> Vec<Found> {
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
    pub(super) fn record(
        &mut self,
        found: &mut Vec<Found>,
        at: usize,
        len: usize,
        range: Range,
        day: bool,
    ) {
        self.mark(at, len);
        found.push(Found { at, range, day });
    }

    /// "may" is the month only where a date fits: after "in", "since",
    /// "of", "last", or before a day or year.
    pub(super) fn may_is_month(&self, i: usize) -> bool {
        let before = if i == 0 { "" } else { self.word(i - 1) };
        let next = self.word(i + 1);
        matches!(
            before,
            "in" | "since" | "of" | "from" | "and" | "to" | "last" | "compare" | "vs" | "on"
        ) || day_number(next).is_some()
            || year_number(next).is_some()
            || (i > 0 && day_number(before).is_some())
    }
}
