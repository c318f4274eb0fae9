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
    errors::DomainError,
    ids::UserId,
    memberships, money,
    paging::{Page, PageQuery},
    tenancy, workspaces,
};

/// What a line is about.
#[derive(Debug, Clone)]
pub enum Entry {
    /// A shared expense: `paid_minor` is what the member paid for it (its
    /// whole amount when they paid, else 0), `share_minor` their part, all
    /// in the statement's currency; `currency` and `original_minor` as
    /// entered.
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

/// A member's balance in one currency and one page of the lines that make
/// it up.
#[derive(Debug)]
pub struct Statement {
    pub person: users::Model,
    /// The currency of the balance and of every amount in the lines.
    pub currency: String,
    pub balance_minor: i64,
    pub lines: Page<Line>,
    /// Every currency the member has a line in, base first (only the base
    /// currency in a workspace that settles up in it).
    pub currencies: Vec<String>,
}

/// Which of a member's balances to explain.
#[derive(Debug, Default, Clone, serde::Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct StatementQuery {
    /// ISO 4217; the workspace's base currency when left out. Other
    /// currencies have balances of their own only in a workspace that
    /// settles each currency on its own.
    #[param(max_length = 3)]
    pub currency: Option<String>,
}

/// The list's name in its cursors.
const LIST: &str = "balance_statement";

/// `person_pid`'s statement in the workspace, the page `query` asks for,
/// in `currency` (the base currency when `None`).
///
/// # Errors
/// `EntityNotFound` when the person is neither a member nor has anything
/// in the workspace's balances (so other workspaces' people stay unseen);
/// 422 for a bad `limit` or `cursor`, or a currency the workspace does not
/// keep balances in.
pub async fn of<C: ConnectionTrait>(
    db: &C,
    workspace: &workspaces::Model,
    person_pid: &str,
    currency: Option<&str>,
    query: &PageQuery,
) -> Result<Statement> {
    let workspace_id = workspace.id;
    let pid = Uuid::parse_str(person_pid.trim()).map_err(|_| Error::NotFound)?;
    let person = users::Entity::find()
        .filter(users::Column::Pid.eq(pid))
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    let currency = currency
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map_or_else(|| workspace.currency.clone(), str::to_uppercase);
    let each = workspace.settles_each_currency();
    if currency != workspace.currency && (!each || money::currency(&currency).is_none()) {
        return Err(DomainError::field(
            "currency",
            if each {
                "must be an ISO 4217 currency code, such as EUR or USD".to_string()
            } else {
                format!(
                    "must be {}: the workspace keeps its balances in it",
                    workspace.currency
                )
            },
        )
        .into());
    }
    let all = lines_of(db, workspace, person.id).await?;
    let mut currencies = vec![workspace.currency.clone()];
    for (code, _) in &all {
        if !currencies.contains(code) {
            currencies.push(code.clone());
        }
    }
    currencies[1..].sort();
    let found_any = !all.is_empty();
    let mut lines: Vec<Line> = all
        .into_iter()
        .filter(|(code, _)| *code == currency)
        .map(|(_, line)| line)
        .collect();
    if !found_any {
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
        currency,
        balance_minor,
        lines,
        currencies,
    })
}

/// Every line of `user`'s balance with the currency it counts in, in no
/// order. Read whole: the running balance of the newest line needs every
/// older one, and a member's lines are a few small columns each.
async fn lines_of<C: ConnectionTrait>(
    db: &C,
    workspace: &workspaces::Model,
    user: UserId,
) -> Result<Vec<(String, Line)>> {
    let workspace_id = workspace.id;
    let each = workspace.settles_each_currency();
    // `expense → (share in the base currency, share as entered)`.
    let shares: HashMap<i64, (i64, i64)> = expense_shares::Entity::find()
        .in_tenant(workspace_id)
        .filter(expense_shares::Column::UserId.eq(user))
        .select_only()
        .column(expense_shares::Column::ExpenseId)
        .column(expense_shares::Column::AmountMinor)
        .column(expense_shares::Column::OriginalAmountMinor)
        .into_tuple::<(i64, i64, i64)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(expense, base, entered)| (expense, (base, entered)))
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
        // Counted as entered when each currency settles apart, else in the
        // base currency (as `balances` counts it).
        let (counted_in, amount_minor, share_minor) = {
            let (base, entered) = shares.get(&e.id).copied().unwrap_or_default();
            if each {
                (e.currency.clone(), e.original_amount_minor, entered)
            } else {
                (workspace.currency.clone(), e.amount_minor, base)
            }
        };
        let paid_minor = if e.paid_by_id == Some(user) {
            amount_minor
        } else {
            0
        };
        lines.push((
            counted_in,
            Line {
                on: e.spent_on,
                change_minor: paid_minor - share_minor,
                balance_minor: 0,
                key: (e.spent_on, 0, e.id),
                entry: Entry::Expense {
                    pid: e.pid,
                    description: e.description,
                    paid_by: e.paid_by_id.and_then(|id| people.get(&id).cloned()),
                    amount_minor,
                    currency: e.currency,
                    original_minor: e.original_amount_minor,
                    paid_minor,
                    share_minor,
                },
            },
        ));
    }
    for p in payments {
        let outgoing = p.from_user_id == user;
        let other = if outgoing {
            p.to_user_id
        } else {
            p.from_user_id
        };
        let counted_in = if each {
            p.currency.clone()
        } else {
            workspace.currency.clone()
        };
        lines.push((
            counted_in,
            Line {
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
            },
        ));
    }
    Ok(lines)
}
