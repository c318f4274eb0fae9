//! The balances page: who owes whom, the payments that settle it, and the
//! settlements recorded so far.

use serde::Serialize;

use crate::views::{
    expenses::{BalancesResponse, SettlementResponse},
    page::FormValues,
    workspaces::MemberResponse,
};

#[derive(Debug, Serialize)]
pub struct BalancesPage {
    /// The signed-in member's public id.
    pub me: String,
    /// Some expense is shared: no balances then means all settled up.
    pub shared: bool,
    pub summary: BalancesResponse,
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
}

#[derive(Debug, Serialize)]
pub struct SentSettlement {
    pub from: String,
    pub to: String,
    pub amount: String,
    pub date: Option<String>,
    pub note: Option<String>,
}
