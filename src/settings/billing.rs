//! The `settings.billing` block: Stripe and the plans it sells.

use loco_rs::prelude::*;
use serde::Deserialize;

/// Paid plans through Stripe. Off (every workspace has every feature, no
/// billing pages) while `stripe_secret_key` is empty.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BillingSettings {
    /// The Stripe secret key (`sk_live_…`, `sk_test_…`); empty turns billing off.
    #[serde(default)]
    pub stripe_secret_key: String,
    /// The signing secret of the webhook endpoint (`whsec_…`).
    #[serde(default)]
    pub webhook_secret: String,
    /// Where Stripe's API is; only tests point it elsewhere.
    #[serde(default = "stripe_api")]
    pub api_base: String,
    /// A webhook signed longer ago than this (seconds) is refused as a replay.
    #[serde(default = "five_minutes")]
    pub webhook_tolerance_secs: i64,
    /// Days a workspace keeps its plan after a payment fails; then the
    /// limits of the free plan apply until a payment succeeds.
    #[serde(default = "a_week")]
    pub grace_days: i64,
    /// Time allowed for each call to Stripe, in milliseconds.
    #[serde(default = "ten_seconds")]
    pub timeout_ms: u64,
    /// Tries per call to Stripe; network errors and 5xx answers are retried
    /// with backoff (1 s, 2 s, 4 s, ...).
    #[serde(default = "three")]
    pub attempts: u32,
    /// The plans offered. Exactly one has no prices: the free plan, which
    /// every workspace without a paid subscription is on.
    #[serde(default)]
    pub plans: Vec<PlanSettings>,
}

impl Default for BillingSettings {
    fn default() -> Self {
        Self {
            stripe_secret_key: String::new(),
            webhook_secret: String::new(),
            api_base: stripe_api(),
            webhook_tolerance_secs: five_minutes(),
            grace_days: a_week(),
            timeout_ms: ten_seconds(),
            attempts: three(),
            plans: Vec::new(),
        }
    }
}

fn stripe_api() -> String {
    "https://api.stripe.com".to_string()
}

const fn five_minutes() -> i64 {
    300
}

const fn a_week() -> i64 {
    7
}

const fn ten_seconds() -> u64 {
    10_000
}

const fn three() -> u32 {
    3
}

/// A plan: what it costs (Stripe price ids) and what it allows.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanSettings {
    /// Stable key stored with each subscription, e.g. `household`.
    pub key: String,
    /// Shown to people, e.g. `Household`.
    pub name: String,
    /// The price as people read it, e.g. `€4 a month or €40 a year`.
    #[serde(default)]
    pub price_text: String,
    /// Stripe price id billed monthly (`price_…`).
    #[serde(default)]
    pub monthly_price_id: Option<String>,
    /// Stripe price id billed yearly.
    #[serde(default)]
    pub yearly_price_id: Option<String>,
    #[serde(default)]
    pub limits: PlanLimits,
}

/// What a plan allows; an absent limit is no limit.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct PlanLimits {
    /// People in the workspace, owner included.
    pub members: Option<u32>,
    /// Expenses added per calendar month.
    pub expenses_per_month: Option<u32>,
    /// How far back, in months, expenses may be added or changed.
    pub history_months: Option<u32>,
    /// Receipt storage, in megabytes.
    pub receipt_storage_mb: Option<u32>,
}

impl PlanSettings {
    /// The price ids of this plan, monthly first.
    pub fn price_ids(&self) -> impl Iterator<Item = &str> {
        [&self.monthly_price_id, &self.yearly_price_id]
            .into_iter()
            .filter_map(|id| id.as_deref())
    }

    #[must_use]
    pub fn is_free(&self) -> bool {
        self.price_ids().next().is_none()
    }
}

impl BillingSettings {
    /// Billing is on when a Stripe key is configured.
    #[must_use]
    pub fn enabled(&self) -> bool {
        !self.stripe_secret_key.is_empty()
    }

    pub(super) fn check(&self) -> Result<()> {
        let fail = |msg: &str| Err(Error::string(&format!("config: settings.billing: {msg}")));
        if !self.enabled() {
            return Ok(());
        }
        if self.webhook_secret.trim().is_empty() {
            return fail("webhook_secret (STRIPE_WEBHOOK_SECRET) must be set when billing is on");
        }
        if url::Url::parse(&self.api_base).is_err() {
            return fail("api_base must be a URL");
        }
        if self.webhook_tolerance_secs <= 0 || self.grace_days < 0 {
            return fail("webhook_tolerance_secs must be positive and grace_days not negative");
        }
        if self.attempts == 0 || self.attempts > 10 || self.timeout_ms == 0 {
            return fail("attempts must be 1 to 10 and timeout_ms positive");
        }
        if self.plans.iter().filter(|p| p.is_free()).count() != 1 {
            return fail("exactly one plan must have no price ids: the free plan");
        }
        let mut keys = std::collections::HashSet::new();
        let mut prices = std::collections::HashSet::new();
        for plan in &self.plans {
            let key_ok = !plan.key.is_empty()
                && plan
                    .key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !key_ok || !keys.insert(plan.key.as_str()) {
                return fail(&format!(
                    "plan key `{}` must be unique, with a-z, 0-9 and _ only",
                    plan.key
                ));
            }
            if plan.name.trim().is_empty() {
                return fail(&format!("plan `{}` needs a name", plan.key));
            }
            for price in plan.price_ids() {
                if price.trim().is_empty() || !prices.insert(price) {
                    return fail(&format!(
                        "plan `{}`: price ids must be non-empty and used by one plan only",
                        plan.key
                    ));
                }
            }
        }
        Ok(())
    }
}
