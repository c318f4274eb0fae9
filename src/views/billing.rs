//! What the billing page and API show: the plan in force, its limits, what
//! the workspace uses of them, and the plans on offer.

use serde::Serialize;

use crate::{
    models::billing::{PlanState, Standing, Usage},
    settings::{PlanLimits, PlanSettings},
};

/// A date as people read it: "5 December 2026".
#[must_use]
pub fn long_date(t: &chrono::DateTime<chrono::FixedOffset>) -> String {
    t.format("%-d %B %Y").to_string()
}

/// The day of a moment (`2026-12-05`), which pages write in the reader's
/// language with the `day` filter.
#[must_use]
pub fn iso_day(t: &chrono::DateTime<chrono::FixedOffset>) -> String {
    t.date_naive().to_string()
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct LimitsResponse {
    /// People in the workspace, owner included; `null`: no limit.
    pub members: Option<u32>,
    pub expenses_per_month: Option<u32>,
    /// How far back expenses may be added or changed, in months.
    pub history_months: Option<u32>,
    pub receipt_storage_mb: Option<u32>,
}

impl From<&PlanLimits> for LimitsResponse {
    fn from(limits: &PlanLimits) -> Self {
        Self {
            members: limits.members,
            expenses_per_month: limits.expenses_per_month,
            history_months: limits.history_months,
            receipt_storage_mb: limits.receipt_storage_mb,
        }
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PlanResponse {
    pub key: String,
    pub name: String,
    /// The price as people read it.
    pub price_text: String,
    /// The intervals it can be bought for: `month`, `year`; none for the free plan.
    pub intervals: Vec<String>,
    pub limits: LimitsResponse,
}

impl From<&PlanSettings> for PlanResponse {
    fn from(plan: &PlanSettings) -> Self {
        let intervals = [
            ("month", &plan.monthly_price_id),
            ("year", &plan.yearly_price_id),
        ]
        .into_iter()
        .filter(|(_, price)| price.is_some())
        .map(|(interval, _)| interval.to_string())
        .collect();
        Self {
            key: plan.key.clone(),
            name: plan.name.clone(),
            price_text: plan.price_text.clone(),
            intervals,
            limits: LimitsResponse::from(&plan.limits),
        }
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct UsageResponse {
    pub members: u64,
    pub expenses_this_month: u64,
    /// Receipts kept, in megabytes (rounded up).
    pub receipt_mb: u64,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct BillingResponse {
    /// The plan whose limits apply now.
    pub plan: PlanResponse,
    /// `free`, `active`, `grace` (a payment failed; the plan stays until
    /// `grace_until`) or `lapsed` (grace is over; free limits apply).
    #[schema(value_type = String)]
    pub state: PlanState,
    /// Stripe's subscription status, when there is a subscription.
    pub subscription_status: Option<String>,
    /// The plan paid for, which may differ from `plan` when lapsed.
    pub paid_plan: Option<String>,
    pub current_period_end: Option<String>,
    /// The subscription ends at `current_period_end` (cancelled in the portal).
    pub cancel_at_period_end: bool,
    pub grace_until: Option<String>,
    /// The workspace has a Stripe customer, so the portal can open.
    pub has_billing_account: bool,
    pub usage: UsageResponse,
    pub plans: Vec<PlanResponse>,
}

impl BillingResponse {
    #[must_use]
    pub fn new(standing: &Standing, usage: Usage, plans: &[PlanSettings]) -> Self {
        let account = standing.account.as_ref();
        let date = |t: &chrono::DateTime<chrono::FixedOffset>| t.to_rfc3339();
        Self {
            plan: PlanResponse::from(&standing.plan),
            state: standing.state,
            subscription_status: account.and_then(|a| a.status.clone()),
            paid_plan: account.and_then(|a| a.plan.clone()),
            current_period_end: account.and_then(|a| a.current_period_end.as_ref().map(date)),
            cancel_at_period_end: account.is_some_and(|a| a.cancel_at_period_end),
            grace_until: account.and_then(|a| a.grace_until.as_ref().map(date)),
            has_billing_account: account.is_some(),
            usage: UsageResponse {
                members: usage.members,
                expenses_this_month: usage.expenses_this_month,
                receipt_mb: usage.receipt_mb,
            },
            plans: plans.iter().map(PlanResponse::from).collect(),
        }
    }
}

/// The billing page.
#[derive(Debug, Serialize)]
pub struct BillingPage {
    pub billing: BillingResponse,
    /// When the paid period ends (`2026-12-05`).
    pub period_end: Option<String>,
    /// Until when a failed payment keeps the plan.
    pub grace_until: Option<String>,
    /// The member may open Checkout and the Customer Portal.
    pub manage: bool,
    /// Back from Checkout, before Stripe has confirmed the subscription.
    pub confirming: bool,
}
