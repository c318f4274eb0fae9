//! The balances page: who owes whom, the payments that settle it, and the
//! settlements recorded so far.

use serde::Serialize;

use crate::{
    models::settlements::{
        statement::{Entry, Line, Statement},
        Balances, CurrencyBalances, Settlement,
    },
    views::{
        expenses::{format, PersonResponse},
        page::FormValues,
        workspaces::MemberResponse,
    },
};

#[derive(Debug, Serialize)]
pub struct BalancesPage {
    /// The signed-in member's public id.
    pub me: String,
    /// Some expense is shared: no balances then means all settled up.
    pub shared: bool,
    /// Each currency with an open balance, the base currency first.
    pub sections: Vec<CurrencyBalancesResponse>,
    /// Balances are kept per currency: a payment may be in any.
    pub each_currency: bool,
    pub history: Vec<SettlementResponse>,
    pub members: Vec<MemberResponse>,
    /// The "record a payment" form.
    pub form: FormValues<NewSettlement, SentSettlement>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<serde_json::Value>,
}

/// A new payment: today, and the plan's payment that settles a debt in
/// full (the signed-in member's own when they owe), else from the member
/// looking to someone else; never one person on both sides.
#[derive(Debug, Serialize)]
pub struct NewSettlement {
    pub date: String,
    pub from: String,
    pub to: String,
    pub amount: String,
    pub currency: String,
}

#[derive(Debug, Serialize)]
pub struct SentSettlement {
    pub from: String,
    pub to: String,
    pub amount: String,
    pub currency: Option<String>,
    pub date: Option<String>,
    pub note: Option<String>,
}

/// What a line of a balance statement is.
#[derive(Debug, Clone, Copy, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StatementLineKind {
    /// A shared expense this member paid or has a share of.
    Expense,
    /// A payment this member made to another.
    PaymentMade,
    /// A payment this member received from another.
    PaymentReceived,
}

/// One line of a member's balance statement.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StatementLineResponse {
    pub kind: StatementLineKind,
    /// The expense's or the settlement's public id.
    pub id: String,
    pub date: String,
    /// The expense's description; `null` for a payment.
    #[schema(required = true)]
    pub description: Option<String>,
    /// The payment's note; `null` for an expense.
    #[schema(required = true)]
    pub note: Option<String>,
    /// Who paid the expense, or the other side of the payment.
    pub other: PersonResponse,
    /// The expense's or the payment's whole amount.
    pub amount: String,
    /// An expense entered in another currency than the workspace's: its
    /// amount as entered; `null` otherwise.
    #[schema(required = true)]
    pub original_amount: Option<String>,
    /// That other currency (ISO 4217); `null` otherwise.
    #[schema(required = true)]
    pub original_currency: Option<String>,
    /// What this member paid for the expense (its amount or "0.00");
    /// `null` for a payment.
    #[schema(required = true)]
    pub paid: Option<String>,
    /// This member's share of the expense ("0.00" when they have none);
    /// `null` for a payment.
    #[schema(required = true)]
    pub share: Option<String>,
    /// What the line adds to the balance, signed.
    pub change: String,
    /// The balance after this line and every older one.
    pub balance: String,
}

impl StatementLineResponse {
    #[must_use]
    pub fn new(line: &Line, currency: &str) -> Self {
        let mut original = None;
        let (kind, id, description, note, other, amount, paid, share) = match &line.entry {
            Entry::Expense {
                pid,
                description,
                paid_by,
                amount_minor,
                currency: entered,
                original_minor,
                paid_minor,
                share_minor,
            } => {
                if entered != currency {
                    original = Some((format(*original_minor, entered), entered.clone()));
                }
                (
                    StatementLineKind::Expense,
                    pid,
                    Some(description.clone()),
                    None,
                    paid_by.as_ref(),
                    *amount_minor,
                    Some(format(*paid_minor, currency)),
                    Some(format(*share_minor, currency)),
                )
            }
            Entry::Payment {
                pid,
                outgoing,
                other,
                amount_minor,
                note,
            } => (
                if *outgoing {
                    StatementLineKind::PaymentMade
                } else {
                    StatementLineKind::PaymentReceived
                },
                pid,
                None,
                note.clone(),
                other.as_ref(),
                *amount_minor,
                None,
                None,
            ),
        };
        Self {
            kind,
            id: id.to_string(),
            date: line.on.to_string(),
            description,
            note,
            other: PersonResponse::new(other),
            amount: format(amount, currency),
            original_currency: original.as_ref().map(|o| o.1.clone()),
            original_amount: original.map(|o| o.0),
            paid,
            share,
            change: format(line.change_minor, currency),
            balance: format(line.balance_minor, currency),
        }
    }
}

/// A member's balance and the lines that make it up, newest first: the
/// first line's `balance` is the balance now (on the first page).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct BalanceStatementResponse {
    pub member: PersonResponse,
    /// The currency of the balance and of every line's amounts.
    pub currency: String,
    /// Every currency this member has a balance line in, base first; ask
    /// for another's statement with `?currency=`. Only the base currency in
    /// a workspace that settles up in it.
    pub currencies: Vec<String>,
    /// Positive: the others owe this member; negative: they owe the others.
    pub balance: String,
    /// This member owes the others (`amount` of it).
    pub owes: bool,
    /// The balance without its sign.
    pub amount: String,
    pub items: Vec<StatementLineResponse>,
    /// Pass as `cursor` for the next (older) page; `null` on the last one.
    #[schema(required = true)]
    pub next_cursor: Option<String>,
}

impl BalanceStatementResponse {
    #[must_use]
    pub fn new(statement: &Statement) -> Self {
        let balance = statement.balance_minor;
        let currency = statement.currency.as_str();
        Self {
            member: PersonResponse::new(Some(&statement.person)),
            currency: currency.to_string(),
            currencies: statement.currencies.clone(),
            balance: format(balance, currency),
            owes: balance < 0,
            amount: format(balance.abs(), currency),
            items: statement
                .lines
                .items
                .iter()
                .map(|l| StatementLineResponse::new(l, currency))
                .collect(),
            next_cursor: statement.lines.next_cursor.clone(),
        }
    }
}

/// The page that explains one member's balance.
#[derive(Debug, Serialize)]
pub struct BalanceStatementPage {
    /// The signed-in member's public id.
    pub me: String,
    pub statement: BalanceStatementResponse,
    /// The balance is zero.
    pub settled: bool,
    /// This is a later page: the balance on top is not the balance now.
    pub older: bool,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct BalanceResponse {
    pub member: PersonResponse,
    /// Positive: the others owe this member; negative: they owe the others.
    pub balance: String,
    /// This member owes the others (`amount` of it).
    pub owes: bool,
    /// The balance without its sign.
    pub amount: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TransferResponse {
    pub from: PersonResponse,
    pub to: PersonResponse,
    pub amount: String,
}

/// The balances in one currency and the payments that settle them.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CurrencyBalancesResponse {
    /// ISO 4217: every amount below is in it.
    pub currency: String,
    pub balances: Vec<BalanceResponse>,
    /// The fewest payments (in this currency) that settle every balance.
    pub transfers: Vec<TransferResponse>,
}

impl CurrencyBalancesResponse {
    #[must_use]
    pub fn new(balances: &CurrencyBalances) -> Self {
        let currency = balances.currency.as_str();
        Self {
            currency: currency.to_string(),
            balances: balances
                .people
                .iter()
                .map(|(user, balance)| BalanceResponse {
                    member: PersonResponse::new(user.as_ref()),
                    balance: format(*balance, currency),
                    owes: *balance < 0,
                    amount: format(balance.abs(), currency),
                })
                .collect(),
            transfers: balances
                .transfers
                .iter()
                .map(|(from, to, amount)| TransferResponse {
                    from: PersonResponse::new(from.as_ref()),
                    to: PersonResponse::new(to.as_ref()),
                    amount: format(*amount, currency),
                })
                .collect(),
        }
    }
}

/// Who owes whom. In a workspace that settles up in its base currency
/// (`settle_up: base_currency`) everything is in that currency, an expense
/// in another counted at its rate. In one that settles each currency on its
/// own (`each_currency`), the top level holds the base currency's balances
/// and `other_currencies` those of each other currency with an open
/// balance; nothing is converted.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct BalancesResponse {
    /// The workspace's base currency.
    pub currency: String,
    #[schema(schema_with = crate::models::schema::settle_up)]
    pub settle_up: String,
    pub balances: Vec<BalanceResponse>,
    /// The fewest payments that settle every balance.
    pub transfers: Vec<TransferResponse>,
    /// Other currencies with an open balance, by code; always empty when
    /// settling up in the base currency.
    pub other_currencies: Vec<CurrencyBalancesResponse>,
}

impl BalancesResponse {
    #[must_use]
    pub fn new(balances: &Balances, settle_up: &str) -> Self {
        let base = CurrencyBalancesResponse::new(balances.base());
        Self {
            currency: base.currency,
            settle_up: settle_up.to_string(),
            balances: base.balances,
            transfers: base.transfers,
            other_currencies: balances
                .others()
                .iter()
                .map(CurrencyBalancesResponse::new)
                .collect(),
        }
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SettlementResponse {
    pub id: String,
    pub from: PersonResponse,
    pub to: PersonResponse,
    pub amount: String,
    pub currency: String,
    pub date: String,
    pub note: Option<String>,
}

impl SettlementResponse {
    #[must_use]
    pub fn new(settlement: &Settlement) -> Self {
        let row = &settlement.row;
        Self {
            id: row.pid.to_string(),
            from: PersonResponse::new(settlement.from.as_ref()),
            to: PersonResponse::new(settlement.to.as_ref()),
            amount: format(row.amount_minor, &row.currency),
            currency: row.currency.clone(),
            date: row.settled_on.to_string(),
            note: row.note.clone(),
        }
    }
}

crate::page_schema!(SettlementList, SettlementResponse);
