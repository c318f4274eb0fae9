//! One member's balance explained: each shared expense with what they paid
//! and their share, each payment in or out, and the balance after each,
//! newest first. The lines are the ones [`super::Model::balances`] sums, so
//! the newest line's balance is the balance shown on the balances page.

use std::{cmp::Reverse, collections::HashMap};

use loco_rs::prelude::*;
use sea_orm::{sea_query::Query, QuerySelect};

use super::{settlements, split_live_expenses, Entity as Settlements};
use crate::models::{
    _entities::{expense_shares, expenses, users},
    ids::{UserId, WorkspaceId},
    memberships,
    paging::{Page, PageQuery},
    tenancy,
};

/// What a line is about.
#[derive(Debug, Clone)]
pub enum Entry {
    /// A shared expense: `paid_minor` is what the member paid for it (its
    /// whole amount when they paid, else 0), `share_minor` their part, all
    /// in the base currency; `currency` and `original_minor` as entered.
    Expense {
        pid: Uuid,
        description: String,
        paid_by: Option<users::Model>,
        amount_minor: i64,
        currency: String,
        original_minor: i64,
        paid_minor: i64,
        share_minor: i64,
    },
    /// A payment the member made (`outgoing`) or received, with the other
    /// side (`None`: a deleted account).
    Payment {
        pid: Uuid,
        outgoing: bool,
        other: Option<users::Model>,
        amount_minor: i64,
        note: Option<String>,
    },
}

/// One line of a statement.
#[derive(Debug, Clone)]
pub struct Line {
    pub on: Date,
    pub entry: Entry,
    /// What the line adds to the balance (negative: takes off).
    pub change_minor: i64,
    /// The balance after this line and every older one.
    pub balance_minor: i64,
    /// The line's place in time: date, expenses before payments, row id.
    key: (Date, u8, i64),
}

/// A member's balance and one page of the lines that make it up.
#[derive(Debug)]
pub struct Statement {
    pub person: users::Model,
    pub balance_minor: i64,
    pub lines: Page<Line>,
}

/// The list's name in its cursors.
const LIST: &str = "balance_statement";

/// `person_pid`'s statement in the workspace, the page `query` asks for.
///
/// # Errors
/// `EntityNotFound` when the person is neither a member nor has anything
/// in the workspace's balances (so other workspaces' people stay unseen);
/// 422 for a bad `limit` or `cursor`.
pub async fn of<C: ConnectionTrait>(
    db: &C,
    workspace_id: WorkspaceId,
    person_pid: &str,
    query: &PageQuery,
) -> Result<Statement> {
    let pid = Uuid::parse_str(person_pid.trim()).map_err(|_| Error::NotFound)?;
    let person = users::Entity::find()
        .filter(users::Column::Pid.eq(pid))
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    let mut lines = lines_of(db, workspace_id, person.id).await?;
    if lines.is_empty() {
        // A former member with nothing here, or someone from elsewhere.
        match memberships::Model::find_member(db, workspace_id, person_pid.trim()).await {
            Ok(_) => {}
            Err(ModelError::EntityNotFound) => return Err(Error::NotFound),
            Err(err) => return Err(err.into()),
        }
    }
    lines.sort_by_key(|l| l.key);
    let mut balance_minor = 0;
    for line in &mut lines {
        balance_minor += line.change_minor;
        line.balance_minor = balance_minor;
    }
    let lines = Page::of(lines, query, LIST, |l| Reverse(l.key))?;
    Ok(Statement {
        person,
        balance_minor,
        lines,
    })
}

/// Every line of `user`'s balance, in no order. Read whole: the running
/// balance of the newest line needs every older one, and a member's lines
/// are a few small columns each.
async fn lines_of<C: ConnectionTrait>(
    db: &C,
    workspace_id: WorkspaceId,
    user: UserId,
) -> Result<Vec<Line>> {
    let shares: HashMap<i64, i64> = expense_shares::Entity::find()
        .in_tenant(workspace_id)
        .filter(expense_shares::Column::UserId.eq(user))
        .select_only()
        .column(expense_shares::Column::ExpenseId)
        .column(expense_shares::Column::AmountMinor)
        .into_tuple::<(i64, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let spent = expenses::Entity::find()
        .in_tenant(workspace_id)
        .filter(split_live_expenses())
        .filter(
            Condition::any()
                .add(expenses::Column::PaidById.eq(user))
                .add(
                    expenses::Column::Id.in_subquery(
                        Query::select()
                            .column(expense_shares::Column::ExpenseId)
                            .from(expense_shares::Entity)
                            .and_where(tenancy::in_workspace::<expense_shares::Entity>(
                                workspace_id,
                            ))
                            .and_where(expense_shares::Column::UserId.eq(user))
                            .to_owned(),
                    ),
                ),
        )
        .all(db)
        .await?;
    let payments = Settlements::find()
        .in_tenant(workspace_id)
        .filter(
            Condition::any()
                .add(settlements::Column::FromUserId.eq(user))
                .add(settlements::Column::ToUserId.eq(user)),
        )
        .all(db)
        .await?;

    let mut ids: Vec<UserId> = spent.iter().filter_map(|e| e.paid_by_id).collect();
    ids.extend(payments.iter().flat_map(|p| [p.from_user_id, p.to_user_id]));
    ids.sort_unstable();
    ids.dedup();
    let people: HashMap<UserId, users::Model> = users::Entity::find()
        .filter(users::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();

    let mut lines = Vec::with_capacity(spent.len() + payments.len());
    for e in spent {
        let paid_minor = if e.paid_by_id == Some(user) {
            e.amount_minor
        } else {
            0
        };
        let share_minor = shares.get(&e.id).copied().unwrap_or_default();
        lines.push(Line {
            on: e.spent_on,
            change_minor: paid_minor - share_minor,
            balance_minor: 0,
            key: (e.spent_on, 0, e.id),
            entry: Entry::Expense {
                pid: e.pid,
                description: e.description,
                paid_by: e.paid_by_id.and_then(|id| people.get(&id).cloned()),
                amount_minor: e.amount_minor,
                currency: e.currency,
                original_minor: e.original_amount_minor,
                paid_minor,
                share_minor,
            },
        });
    }
    for p in payments {
        let outgoing = p.from_user_id == user;
        let other = if outgoing {
            p.to_user_id
        } else {
            p.from_user_id
        };
        lines.push(Line {
            on: p.settled_on,
            // Paying out raises what the others owe you, as in `balances`.
            change_minor: if outgoing {
                p.amount_minor
            } else {
                -p.amount_minor
            },
            balance_minor: 0,
            key: (p.settled_on, 1, p.id),
            entry: Entry::Payment {
                pid: p.pid,
                outgoing,
                other: people.get(&other).cloned(),
                amount_minor: p.amount_minor,
                note: p.note,
            },
        });
    }
    Ok(lines)
}
