//! The plans offered ([`Plans`]), how often they are paid for, and where a
//! workspace stands ([`Standing`]): on the plan it pays for, in the grace
//! period after a failed payment, or on the free plan.

use chrono::{DateTime, Utc};
use loco_rs::prelude::*;
use serde::Serialize;

use super::Model;
use crate::{
    models::workspaces,
    settings::{BillingSettings, PlanSettings, Settings},
};

/// How often a plan is paid for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Interval {
    Month,
    Year,
}

impl Interval {
    pub const ALL: [Self; 2] = [Self::Month, Self::Year];

    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|i| i.as_str() == text.trim())
    }

    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Month => "month",
            Self::Year => "year",
        }
    }
}

/// The configured plans.
pub struct Plans<'a>(pub &'a BillingSettings);

impl<'a> Plans<'a> {
    /// The plan every workspace without a paid subscription is on.
    ///
    /// # Errors
    /// Never once the settings were checked at boot (they require one).
    pub fn free(&self) -> Result<&'a PlanSettings> {
        self.0
            .plans
            .iter()
            .find(|p| p.is_free())
            .ok_or_else(|| Error::string("settings.billing has no free plan"))
    }

    #[must_use]
    pub fn find(&self, key: &str) -> Option<&'a PlanSettings> {
        self.0.plans.iter().find(|p| p.key == key)
    }

    /// The plan and interval a Stripe price id bills.
    #[must_use]
    pub fn for_price(&self, price_id: &str) -> Option<(&'a PlanSettings, Interval)> {
        self.0.plans.iter().find_map(|plan| {
            if plan.monthly_price_id.as_deref() == Some(price_id) {
                Some((plan, Interval::Month))
            } else if plan.yearly_price_id.as_deref() == Some(price_id) {
                Some((plan, Interval::Year))
            } else {
                None
            }
        })
    }
}

/// Stripe statuses in which the workspace has paid for the period.
pub const PAID: [&str; 2] = ["active", "trialing"];
/// Statuses in which a payment failed and Stripe is still trying.
pub const PAYMENT_FAILED: [&str; 3] = ["past_due", "unpaid", "incomplete"];

/// Where a workspace stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanState {
    /// Never paid, or the subscription ended.
    Free,
    /// Paid for the current period.
    Active,
    /// A payment failed; the plan stays until `grace_until`.
    Grace,
    /// A payment failed and the grace period is over: free plan limits.
    Lapsed,
}

/// The plan in force for a workspace, and why.
#[derive(Debug, Clone)]
pub struct Standing {
    pub plan: PlanSettings,
    pub state: PlanState,
    pub account: Option<Model>,
}

impl Standing {
    /// # Errors
    /// When the settings have no free plan.
    pub fn of(
        settings: &BillingSettings,
        account: Option<Model>,
        now: DateTime<Utc>,
    ) -> Result<Self> {
        let plans = Plans(settings);
        let paid_plan = account
            .as_ref()
            .and_then(|a| a.plan.as_deref())
            .and_then(|key| plans.find(key));
        let status = account.as_ref().and_then(|a| a.status.as_deref());
        let grace_until = account.as_ref().and_then(|a| a.grace_until);
        let (plan, state) = match (paid_plan, status) {
            (Some(plan), Some(s)) if PAID.contains(&s) => (plan, PlanState::Active),
            (Some(plan), Some(s)) if PAYMENT_FAILED.contains(&s) => {
                if grace_until.is_some_and(|until| now < until) {
                    (plan, PlanState::Grace)
                } else {
                    (plans.free()?, PlanState::Lapsed)
                }
            }
            _ => (plans.free()?, PlanState::Free),
        };
        Ok(Self {
            plan: plan.clone(),
            state,
            account,
        })
    }

    /// Where `workspace` stands now; `None` when billing is off.
    ///
    /// # Errors
    /// On database errors.
    pub async fn current<C: ConnectionTrait>(
        ctx: &AppContext,
        db: &C,
        workspace: &workspaces::Model,
    ) -> Result<Option<Self>> {
        let settings = Settings::get(ctx)?;
        if !settings.billing.enabled() {
            return Ok(None);
        }
        let account = Model::for_workspace(db, workspace.id).await?;
        Self::of(&settings.billing, account, Utc::now()).map(Some)
    }
}
