//! Recurring rules: `create`, `catch_up` and `remove`.

use chrono::{Days, NaiveDate};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use smartexpense::models::{
    _entities::{expenses, recurring_expenses as rows},
    effects::Effect,
    expenses::ExpenseParams,
    ids::UserId,
    recurring_expenses::{Model as Rule, RecurringParams},
};

use super::{lunch, only_for, refused_fields, today};
use crate::support::workspace::{Household, Who};

/// A rule that records 30.00 EUR every `interval` weeks.
pub fn every(interval: i32, weeks_from: NaiveDate, ends_on: Option<NaiveDate>) -> RecurringParams {
    RecurringParams {
        frequency: "weekly".to_string(),
        interval: Some(interval),
        starts_on: weeks_from.to_string(),
        ends_on: ends_on.map(|d| d.to_string()),
        expense: ExpenseParams {
            date: None,
            ..lunch("30.00")
        },
    }
}

fn days(n: u64) -> Days {
    Days::new(n)
}

/// The dates of the expenses `rule` made, and who each is by.
async fn occurrences(h: &Household, rule: &Rule) -> Vec<(Option<NaiveDate>, i64, Option<UserId>)> {
    h.find(
        expenses::Entity::find()
            .filter(expenses::Column::RecurringId.eq(rule.id))
            .order_by_asc(expenses::Column::OccurrenceOn),
    )
    .await
    .into_iter()
    .map(|e| (e.occurrence_on, e.amount_minor, e.created_by_id))
    .collect()
}

const INTERVAL: &str = "must be a whole number from 1 to 366";

#[tokio::test]
async fn a_rule_needs_an_interval_from_1_to_366_an_end_not_before_its_start_and_a_valid_expense() {
    let h = Household::start().await;
    let tomorrow = today() + days(1);
    let cases = [
        (every(0, tomorrow, None), "interval", INTERVAL),
        (every(367, tomorrow, None), "interval", INTERVAL),
        (
            every(1, tomorrow, Some(today())),
            "ends_on",
            "must not be before the start",
        ),
        (
            RecurringParams {
                frequency: "fortnightly".to_string(),
                ..every(1, tomorrow, None)
            },
            "frequency",
            "must be daily, weekly, monthly or yearly",
        ),
        (
            RecurringParams {
                expense: lunch("0"),
                ..every(1, tomorrow, None)
            },
            "amount",
            "must be greater than zero",
        ),
    ];
    refused_fields(&h, Who::Member, cases, async |t, params| {
        Rule::create(t, params).await
    })
    .await;
    // The bounds themselves are allowed: every 366 weeks, ending on its
    // first day.
    let (_, _, rule) = only_for(&h, Who::Viewer, Who::Member, async |t| {
        Rule::create(t, &every(366, tomorrow, Some(tomorrow))).await
    })
    .await;
    assert_eq!(
        (rule.interval, rule.next_on, rule.created_by_id),
        (366, Some(tomorrow), Some(h.member.id))
    );
    assert!(occurrences(&h, &rule).await.is_empty(), "nothing due yet");
}

#[tokio::test]
async fn catching_up_creates_each_due_occurrence_once() {
    let h = Household::start().await;
    let start = today() - days(14);
    let (rule, effects) = h
        .act(Who::Member, async |t| {
            let rule = Rule::create(t, &every(1, start, None)).await?;
            Ok((rule, t.take_effects()))
        })
        .await
        .expect("created");
    // The occurrences' pages refresh once the change commits.
    assert!(
        effects.iter().any(|e| matches!(e, Effect::Changed)),
        "{effects:?}"
    );
    let made = |dates: &[NaiveDate]| -> Vec<(Option<NaiveDate>, i64, Option<UserId>)> {
        dates
            .iter()
            .map(|d| (Some(*d), 3000, Some(h.member.id)))
            .collect()
    };
    let due = [start, start + days(7), today()];
    // Setting it up catches up at once.
    assert_eq!(occurrences(&h, &rule).await, made(&due));
    assert_eq!(rule.next_on, Some(today() + days(7)));

    // The scheduler runs again the same day, once with the rule as it is
    // and once with a copy read before the first run moved it on (two runs
    // at once): nothing is made twice.
    let stale = Rule {
        next_on: Some(start),
        next_index: 0,
        ..rule.clone()
    };
    for copy in [rule.clone(), stale] {
        h.act(Who::Member, async |t| {
            copy.clone().catch_up(t, today()).await
        })
        .await
        .expect("caught up");
        assert_eq!(occurrences(&h, &rule).await, made(&due));
    }

    let now = h.reload::<rows::Entity>(rule.id).await.expect("rule");
    assert_eq!(now.next_on, Some(today() + days(7)));
    h.act(Who::Member, async |t| {
        now.clone().catch_up(t, today() + days(7)).await
    })
    .await
    .expect("a week later");
    let mut later = due.to_vec();
    later.push(today() + days(7));
    assert_eq!(occurrences(&h, &rule).await, made(&later));
}

#[tokio::test]
async fn removing_a_rule_keeps_the_expenses_it_made() {
    let h = Household::start().await;
    let rule = h
        .act(Who::Member, async |t| {
            Rule::create(t, &every(1, today(), None)).await
        })
        .await
        .expect("created");
    assert_eq!(occurrences(&h, &rule).await.len(), 1);
    let (before, after, ()) = only_for(&h, Who::Viewer, Who::Member, async |t| {
        rule.clone().remove(t).await
    })
    .await;
    assert_eq!(h.reload::<rows::Entity>(rule.id).await, None);
    assert_eq!(
        (after.rules, after.expenses),
        (before.rules - 1, before.expenses)
    );
    assert_eq!(occurrences(&h, &rule).await.len(), 1, "its expense stays");
}
