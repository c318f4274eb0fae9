//! The length of a budget's period, and where periods start and end.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::models::validation::FieldErrors;

/// The length of a budget's period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Week,
    Month,
    Quarter,
    Year,
}

impl Period {
    pub const ALL: [Self; 4] = [Self::Week, Self::Month, Self::Quarter, Self::Year];

    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Week => "week",
            Self::Month => "month",
            Self::Quarter => "quarter",
            Self::Year => "year",
        }
    }

    /// The first day of the period that holds `date` (weeks start on Monday).
    #[must_use]
    pub fn start_of(self, date: NaiveDate) -> NaiveDate {
        let first_of = |month: u32| NaiveDate::from_ymd_opt(date.year(), month, 1).unwrap_or(date);
        match self {
            Self::Week => date - Days::new(u64::from(date.weekday().num_days_from_monday())),
            Self::Month => first_of(date.month()),
            Self::Quarter => first_of((date.month0() / 3) * 3 + 1),
            Self::Year => first_of(1),
        }
    }

    /// The first day of the next period, for a period starting on `start`.
    #[must_use]
    pub fn next(self, start: NaiveDate) -> NaiveDate {
        let later = match self {
            Self::Week => start.checked_add_days(Days::new(7)),
            Self::Month => start.checked_add_months(Months::new(1)),
            Self::Quarter => start.checked_add_months(Months::new(3)),
            Self::Year => start.checked_add_months(Months::new(12)),
        };
        later.unwrap_or(start)
    }

    /// How many whole periods lie between two period starts.
    #[must_use]
    pub fn count_between(self, first: NaiveDate, until: NaiveDate) -> i64 {
        let months = |a: NaiveDate, b: NaiveDate| {
            i64::from(b.year() - a.year()) * 12 + i64::from(b.month()) - i64::from(a.month())
        };
        match self {
            Self::Week => (until - first).num_days() / 7,
            Self::Month => months(first, until),
            Self::Quarter => months(first, until) / 3,
            Self::Year => i64::from(until.year() - first.year()),
        }
        .max(0)
    }
}

impl std::str::FromStr for Period {
    type Err = FieldErrors;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|period| period.as_str() == value.trim())
            .ok_or_else(|| FieldErrors::one("period", "must be one of week, month, quarter, year"))
    }
}
