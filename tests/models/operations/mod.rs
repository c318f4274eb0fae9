//! Each domain operation's rules at the model level, without HTTP (issue
//! 18): what it stores, how it refuses (the `DomainError` variant and its
//! message), and that a refusal writes nothing. The tests run on the
//! test's own database, SQLite or Postgres (`DATABASE_URL`), where the app
//! connects as a role bound by row-level security.

mod budgets;
mod categories;
mod expenses;
mod members;
mod races;
mod receipts;
mod recurring;
mod settlements;
mod workspaces;

use std::fmt::Debug;

use chrono::{NaiveDate, Utc};
use serde_json::json;
use smartexpense::models::{
    errors::{DomainError, DomainResult},
    expenses::{ExpenseParams, Model as Expense},
    tenancy::Tenant,
};

use crate::support::workspace::{Household, Rows, Who};

/// A date before the 12 months of history of the Free plan in
/// `config/test.yaml`.
pub const LONG_AGO: &str = "2019-03-03";

/// Today where the test workspaces live (UTC).
pub fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// How an operation must refuse.
#[derive(Debug, Clone, Copy)]
pub enum Refusal<'a> {
    /// `Invalid` with this one message on this one field.
    Field(&'a str, &'a str),
    /// `Forbidden`, naming the actor's role.
    Forbidden,
    /// `PlanLimit` whose description says this, with the billing page.
    Plan(&'a str),
}

/// Asserts that `result` is the refusal `expected` of an operation `who`
/// asked for in `h`.
pub fn assert_refused<T: Debug>(
    result: DomainResult<T>,
    h: &Household,
    who: Who,
    expected: Refusal<'_>,
) {
    match (expected, result) {
        (Refusal::Field(field, message), Err(DomainError::Invalid(errors))) => {
            assert_eq!(errors.to_json(), json!({ field: [message] }));
        }
        (Refusal::Forbidden, Err(DomainError::Forbidden(text))) => assert_eq!(
            text,
            format!("As {} in this workspace you cannot do that.", who.role())
        ),
        (
            Refusal::Plan(text),
            Err(DomainError::PlanLimit {
                description,
                upgrade_url,
            }),
        ) => {
            assert!(description.contains(text), "{description}");
            let billing = format!("/w/{}/billing", h.workspace.pid);
            assert!(upgrade_url.ends_with(&billing), "{upgrade_url}");
        }
        (expected, other) => panic!("expected {expected:?}, got {other:?}"),
    }
}

/// Runs `op` as `who`, asserts that it is refused as `expected`, and that
/// it wrote nothing although its transaction was committed.
pub async fn refused<T: Debug>(
    h: &Household,
    who: Who,
    expected: Refusal<'_>,
    op: impl AsyncFnOnce(&Tenant<'_>) -> DomainResult<T>,
) {
    let before = h.rows().await;
    assert_refused(h.act(who, op).await, h, who, expected);
    assert_eq!(h.rows().await, before, "refused ({expected:?}) but wrote");
}

/// Runs `op` as `who` with each case's params, and asserts that each is
/// refused naming the case's field with its message, writing nothing.
pub async fn refused_fields<P, T: Debug>(
    h: &Household,
    who: Who,
    cases: impl IntoIterator<Item = (P, &'static str, &'static str)>,
    op: impl AsyncFn(&Tenant<'_>, &P) -> DomainResult<T>,
) {
    for (params, field, message) in cases {
        refused(h, who, Refusal::Field(field, message), async |t| {
            op(t, &params).await
        })
        .await;
    }
}

/// Asserts that `op` is forbidden to `refused_to` (writing nothing) and
/// done for `allowed`; the rows before and after it was done, and what it
/// returned.
pub async fn only_for<T: Debug>(
    h: &Household,
    refused_to: Who,
    allowed: Who,
    op: impl AsyncFn(&Tenant<'_>) -> DomainResult<T>,
) -> (Rows, Rows, T) {
    refused(h, refused_to, Refusal::Forbidden, async |t| op(t).await).await;
    let before = h.rows().await;
    let done = h.act(allowed, async |t| op(t).await).await;
    let done = done.unwrap_or_else(|err| panic!("{allowed:?} may do it: {err:?}"));
    (before, h.rows().await, done)
}

/// An expense of `amount` EUR today, not split.
pub fn lunch(amount: &str) -> ExpenseParams {
    ExpenseParams {
        amount: Some(amount.to_string()),
        date: Some(today().to_string()),
        description: Some("Lunch".to_string()),
        ..ExpenseParams::default()
    }
}

/// Records `params` as `who`, which must succeed.
pub async fn record(h: &Household, who: Who, params: &ExpenseParams) -> Expense {
    h.act(who, async |t| Expense::record(t, params).await)
        .await
        .expect("recorded")
}
