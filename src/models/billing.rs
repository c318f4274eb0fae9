//! Plans, what they allow, and each workspace's subscription as Stripe last
//! reported it (`billing_accounts`).
//!
//! Billing is off while no Stripe key is configured: then every workspace
//! has every feature and [`Limits`] allows everything. When it is on, a
//! workspace is on the plan it pays for while its subscription is active
//! (or trialing, or within the grace period after a failed payment), and on
//! the free plan otherwise. A plan's limits stop new things (members,
//! expenses, changes to old expenses); nothing saved is ever removed.

use std::collections::HashMap;

use axum::http::StatusCode;
use chrono::{DateTime, Datelike, Months, NaiveDate, TimeZone, Utc};
use loco_rs::{controller::ErrorDetail, prelude::*};
use serde::Serialize;

pub use super::_entities::billing_accounts::{self, ActiveModel, Entity, Model};
use super::{
    _entities::{expenses, invitations, memberships},
    audit_events::{self, Actor, Event},
    errors::{DomainError, DomainResult},
    receipts,
    stripe::{Checkout, Stripe, StripeFailure, Subscription},
    tenancy::{self, Scope},
    validation::FieldErrors,
    workspaces,
};
use crate::settings::{BillingSettings, PlanLimits, PlanSettings, Settings};

impl ActiveModelBehavior for ActiveModel {}

impl TenantEntity for Entity {
    type TenantId = i64;

    fn tenant_column() -> billing_accounts::Column {
        billing_accounts::Column::WorkspaceId
    }
}

/// How often a plan is paid for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Interval {
    Month,
    Year,
}

impl Interval {
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim() {
            "month" | "monthly" => Some(Self::Month),
            "year" | "yearly" => Some(Self::Year),
            _ => None,
        }
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

/// What a workspace may still add, by its plan. Everything when billing is off.
#[derive(Debug, Clone)]
pub struct Limits {
    plan_name: String,
    limits: PlanLimits,
    upgrade_url: String,
}

impl Limits {
    /// No limits (billing off).
    #[must_use]
    pub fn none() -> Self {
        Self {
            plan_name: String::new(),
            limits: PlanLimits::default(),
            upgrade_url: String::new(),
        }
    }

    /// The limits in force for `workspace` now.
    ///
    /// # Errors
    /// On database errors.
    pub async fn of<C: ConnectionTrait>(
        ctx: &AppContext,
        db: &C,
        workspace: &workspaces::Model,
    ) -> Result<Self> {
        let Some(standing) = Standing::current(ctx, db, workspace).await? else {
            return Ok(Self::none());
        };
        let settings = Settings::get(ctx)?;
        Ok(Self {
            plan_name: standing.plan.name,
            limits: standing.plan.limits,
            upgrade_url: format!("{}/w/{}/billing", settings.base_url, workspace.pid),
        })
    }

    fn refuse(&self, what: &str) -> DomainError {
        DomainError::PlanLimit {
            description: format!(
                "The {} plan {what}. The workspace owner can upgrade on the Billing page.",
                self.plan_name
            ),
            upgrade_url: self.upgrade_url.clone(),
        }
    }

    /// Refuses a date older than the plan's history allows: expenses that
    /// far back can be read but not added or changed.
    ///
    /// # Errors
    /// 402 naming the limit.
    pub fn check_date(&self, spent_on: NaiveDate) -> DomainResult<()> {
        self.check_date_on(spent_on, Utc::now().date_naive())
    }

    fn check_date_on(&self, spent_on: NaiveDate, today: NaiveDate) -> DomainResult<()> {
        let Some(months) = self.limits.history_months else {
            return Ok(());
        };
        let earliest = today
            .checked_sub_months(Months::new(months))
            .unwrap_or(NaiveDate::MIN);
        if spent_on < earliest {
            return Err(self.refuse(&format!(
                "keeps {months} months of history: expenses before {earliest} can be read but not added or changed"
            )));
        }
        Ok(())
    }

    /// Refuses `count` more expenses past the plan's monthly allowance.
    ///
    /// # Errors
    /// 402 naming the limit; database errors.
    pub async fn check_new_expenses<C: ConnectionTrait>(
        &self,
        db: &C,
        workspace_id: i64,
        count: u64,
    ) -> DomainResult<()> {
        let Some(allowed) = self.limits.expenses_per_month else {
            return Ok(());
        };
        let added = Usage::of(db, workspace_id).await?.expenses_this_month;
        if added + count > u64::from(allowed) {
            let left = u64::from(allowed).saturating_sub(added);
            return Err(self.refuse(&if count == 1 {
                format!("allows {allowed} new expenses a month, and this month's are used")
            } else {
                format!("allows {allowed} new expenses a month: {left} are left this month, and this adds {count}")
            }));
        }
        Ok(())
    }

    /// Refuses `adding` bytes of receipts past the workspace's storage: the
    /// plan's when billing is on (402), otherwise `fallback_mb` from the
    /// settings (422; 0 is no limit).
    ///
    /// # Errors
    /// 402 or 422 naming the limit and what is used.
    pub fn check_receipt_storage(
        &self,
        used: u64,
        adding: u64,
        fallback_mb: u32,
    ) -> DomainResult<()> {
        let billed = !self.plan_name.is_empty();
        let allowed_mb = if billed {
            self.limits.receipt_storage_mb
        } else {
            (fallback_mb > 0).then_some(fallback_mb)
        };
        let Some(allowed_mb) = allowed_mb else {
            return Ok(());
        };
        if used.saturating_add(adding) <= u64::from(allowed_mb) * 1024 * 1024 {
            return Ok(());
        }
        let used_mb = used.div_ceil(1024 * 1024);
        if billed {
            Err(self.refuse(&format!(
                "keeps {allowed_mb} MB of receipts, {used_mb} MB are used and this file does not fit"
            )))
        } else {
            Err(DomainError::field(
                "file",
                format!(
                    "does not fit: this workspace keeps up to {allowed_mb} MB of receipts and {used_mb} MB are used; remove some first"
                ),
            ))
        }
    }

    /// Refuses another invitation past the plan's member count. Pending
    /// invitations count, so accepting one never goes past the limit.
    ///
    /// # Errors
    /// 402 naming the limit; database errors.
    pub async fn check_new_member<C: ConnectionTrait>(
        &self,
        db: &C,
        workspace_id: i64,
    ) -> DomainResult<()> {
        let Some(allowed) = self.limits.members else {
            return Ok(());
        };
        let people = Usage::of(db, workspace_id).await?.members
            + invitations::Entity::find()
                .in_tenant(workspace_id)
                .filter(invitations::Column::AcceptedAt.is_null())
                .filter(invitations::Column::RevokedAt.is_null())
                .filter(invitations::Column::ExpiresAt.gt(Utc::now()))
                .count(db)
                .await?;
        if people >= u64::from(allowed) {
            return Err(self.refuse(&format!(
                "allows {allowed} people in a workspace (pending invitations count)"
            )));
        }
        Ok(())
    }
}

/// What a workspace uses of its plan's limits.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Usage {
    pub members: u64,
    pub expenses_this_month: u64,
    /// Receipts kept, in whole megabytes (rounded up).
    pub receipt_mb: u64,
}

impl Usage {
    /// # Errors
    /// On database errors.
    pub async fn of<C: ConnectionTrait>(db: &C, workspace_id: i64) -> DomainResult<Self> {
        Ok(Self {
            members: memberships::Entity::find()
                .in_tenant(workspace_id)
                .count(db)
                .await?,
            expenses_this_month: expenses::Entity::find()
                .in_tenant(workspace_id)
                .filter(expenses::Column::CreatedAt.gte(month_start(Utc::now())))
                .filter(expenses::Column::DeletedAt.is_null())
                .count(db)
                .await?,
            receipt_mb: receipts::Model::bytes_used(db, workspace_id)
                .await?
                .div_ceil(1024 * 1024),
        })
    }
}

fn month_start(now: DateTime<Utc>) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(now.year(), now.month(), 1, 0, 0, 0)
        .single()
        .unwrap_or(now)
}

/// Stripe could not be reached or refused: say so, with nothing changed.
#[must_use]
pub fn stripe_error(failure: &StripeFailure) -> Error {
    tracing::warn!(%failure, "Stripe call failed");
    let (status, message) = if failure.is_transient() {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            "Stripe, our payment provider, could not be reached, so nothing changed. Please try again in a few minutes.",
        )
    } else {
        (
            StatusCode::BAD_GATEWAY,
            "Stripe, our payment provider, refused the request, so nothing changed. Please try again later or contact the operators of this site.",
        )
    };
    Error::CustomError(status, ErrorDetail::new("payment_provider", message))
}

/// A change in what Stripe reports, for the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct Mirror {
    subscription_id: Option<String>,
    plan: Option<String>,
    status: Option<String>,
    current_period_end: Option<DateTime<Utc>>,
    cancel_at_period_end: bool,
}

impl Mirror {
    fn of(account: &Model) -> Self {
        Self {
            subscription_id: account.subscription_id.clone(),
            plan: account.plan.clone(),
            status: account.status.clone(),
            current_period_end: account.current_period_end.map(|t| t.with_timezone(&Utc)),
            cancel_at_period_end: account.cancel_at_period_end,
        }
    }
}

impl Model {
    /// # Errors
    /// On database errors.
    pub async fn for_workspace<C: ConnectionTrait>(
        db: &C,
        workspace_id: i64,
    ) -> ModelResult<Option<Self>> {
        Ok(Entity::find().in_tenant(workspace_id).one(db).await?)
    }

    /// # Errors
    /// On database errors.
    pub async fn for_customer<C: ConnectionTrait>(
        db: &C,
        customer_id: &str,
    ) -> ModelResult<Option<Self>> {
        Ok(Entity::find()
            .filter(billing_accounts::Column::CustomerId.eq(customer_id))
            .one(db)
            .await?)
    }

    /// Every account, for reconciliation.
    ///
    /// # Errors
    /// On database errors.
    pub async fn all<C: ConnectionTrait>(db: &C) -> ModelResult<Vec<Self>> {
        Ok(Entity::find()
            .order_by_asc(billing_accounts::Column::Id)
            .all(db)
            .await?)
    }

    /// Has a subscription that has not ended (so a new checkout would pay twice).
    #[must_use]
    pub fn is_subscribed(&self) -> bool {
        self.status
            .as_deref()
            .is_some_and(|s| PAID.contains(&s) || PAYMENT_FAILED.contains(&s))
    }

    /// The workspace's Stripe customer, created on first use. Its create is
    /// keyed by the workspace, so racing requests make one customer, and the
    /// unique workspace index keeps one account.
    ///
    /// # Errors
    /// When Stripe fails (nothing is stored then); database errors.
    pub async fn ensure_customer(
        db: &DatabaseConnection,
        stripe: &Stripe,
        workspace: &workspaces::Model,
        email: &str,
    ) -> Result<Self> {
        if let Some(account) = Self::for_workspace(db, workspace.id).await? {
            return Ok(account);
        }
        let customer = stripe
            .create_customer(&workspace.pid.to_string(), &workspace.name, email)
            .await
            .map_err(|failure| stripe_error(&failure))?;
        let inserted = ActiveModel {
            workspace_id: Set(workspace.id),
            customer_id: Set(customer.id),
            ..Default::default()
        }
        .insert(db)
        .await;
        match inserted {
            Ok(account) => Ok(account),
            // A concurrent request stored it first (the same customer, by
            // the idempotency key).
            Err(_) => Self::for_workspace(db, workspace.id)
                .await?
                .ok_or_else(|| Error::string("billing account vanished")),
        }
    }

    /// Mirrors `subscription` into the account of its customer: plan,
    /// status, period, and the grace period after a failed payment. Records
    /// the change in the workspace's audit log as `actor`. `None` when the
    /// customer is not one of ours; `Some(false)` when nothing changed.
    ///
    /// # Errors
    /// On database errors.
    pub async fn apply_subscription(
        db: &DatabaseConnection,
        settings: &BillingSettings,
        subscription: &Subscription,
        actor: &Actor,
    ) -> Result<Option<bool>> {
        let Some(account) = Self::for_customer(db, &subscription.customer).await? else {
            return Ok(None);
        };
        // A customer may have an old, ended subscription beside the current
        // one: an ended one never replaces a live one.
        let ended = !(PAID.contains(&subscription.status.as_str())
            || PAYMENT_FAILED.contains(&subscription.status.as_str()));
        if ended
            && account.is_subscribed()
            && account.subscription_id.as_deref() != Some(subscription.id.as_str())
        {
            return Ok(Some(false));
        }
        let price = subscription.price_id();
        let plan = price.and_then(|p| Plans(settings).for_price(p));
        if plan.is_none() {
            tracing::warn!(
                subscription = subscription.id,
                price,
                "a subscription bills a price no configured plan has; it counts as the free plan"
            );
        }
        let now = Utc::now();
        let failing = PAYMENT_FAILED.contains(&subscription.status.as_str());
        let grace_until = match (failing, account.grace_until) {
            (true, Some(until)) => Some(until),
            (true, None) => Some((now + chrono::Duration::days(settings.grace_days)).into()),
            (false, _) => None,
        };
        let before = Mirror::of(&account);
        let mut active = account.clone().into_active_model();
        active.subscription_id = Set(Some(subscription.id.clone()));
        active.plan = Set(plan.map(|(p, _)| p.key.clone()));
        active.price_id = Set(price.map(String::from));
        active.status = Set(Some(subscription.status.clone()));
        active.current_period_end = Set(subscription
            .period_end()
            .and_then(|s| Utc.timestamp_opt(s, 0).single())
            .map(Into::into));
        active.cancel_at_period_end = Set(subscription.cancel_at_period_end.unwrap_or(false));
        active.grace_until = Set(grace_until);
        active.synced_at = Set(Some(now.into()));
        let txn = tenancy::begin(
            db,
            Scope {
                workspace_id: Some(account.workspace_id),
                ..Scope::default()
            },
        )
        .await?;
        let updated = active.update(&txn).await?;
        let after = Mirror::of(&updated);
        let changed = before != after;
        if changed {
            audit_events::Model::record(
                &txn,
                account.workspace_id,
                actor,
                Event {
                    action: "billing.synced",
                    summary: format!(
                        "subscription {} is {} on the {} plan",
                        subscription.id,
                        subscription.status,
                        updated.plan.as_deref().unwrap_or("free")
                    ),
                    before: Some(serde_json::to_value(&before)?),
                    after: Some(serde_json::to_value(&after)?),
                },
            )
            .await?;
        }
        txn.commit().await?;
        Ok(Some(changed))
    }

    /// The subscription is gone from Stripe altogether: the workspace is
    /// back on the free plan.
    ///
    /// # Errors
    /// On database errors.
    pub async fn mark_ended(&self, db: &DatabaseConnection, actor: &Actor) -> Result<()> {
        let before = Mirror::of(self);
        let mut active = self.clone().into_active_model();
        active.status = Set(Some("canceled".to_string()));
        active.grace_until = Set(None);
        active.synced_at = Set(Some(Utc::now().into()));
        let txn = tenancy::begin(
            db,
            Scope {
                workspace_id: Some(self.workspace_id),
                ..Scope::default()
            },
        )
        .await?;
        let updated = active.update(&txn).await?;
        audit_events::Model::record(
            &txn,
            self.workspace_id,
            actor,
            Event {
                action: "billing.synced",
                summary: format!(
                    "subscription {} no longer exists in Stripe",
                    self.subscription_id.as_deref().unwrap_or("?")
                ),
                before: Some(serde_json::to_value(&before)?),
                after: Some(serde_json::to_value(Mirror::of(&updated))?),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }
}

/// Opens Stripe Checkout for the owner to pay for `plan_key`; returns the
/// address to send them to. Call it outside any transaction: it waits on
/// Stripe.
///
/// # Errors
/// 422 for a plan or interval that is not offered or a workspace that
/// already pays; 503 when Stripe cannot be reached (nothing is stored).
pub async fn start_checkout(
    ctx: &AppContext,
    workspace: &workspaces::Model,
    owner_email: &str,
    plan_key: &str,
    interval: &str,
) -> Result<String> {
    let settings = Settings::get(ctx)?;
    if !settings.billing.enabled() {
        return Err(Error::NotFound);
    }
    let plans = Plans(&settings.billing);
    let Some(plan) = plans.find(plan_key).filter(|p| !p.is_free()) else {
        return Err(FieldErrors::one("plan", "is not a plan you can buy").into());
    };
    let price = Interval::parse(interval).and_then(|i| match i {
        Interval::Month => plan.monthly_price_id.as_deref(),
        Interval::Year => plan.yearly_price_id.as_deref(),
    });
    let Some(price) = price else {
        return Err(FieldErrors::one(
            "interval",
            "is not offered for this plan; choose month or year",
        )
        .into());
    };
    let stripe = Stripe::new(&settings.billing).map_err(|f| stripe_error(&f))?;
    let account = Model::ensure_customer(&ctx.db, &stripe, workspace, owner_email).await?;
    if account.is_subscribed() {
        return Err(FieldErrors::one(
            "plan",
            "this workspace already has a subscription; change or cancel it in the billing portal",
        )
        .into());
    }
    let base = format!("{}/w/{}/billing", settings.base_url, workspace.pid);
    let session = stripe
        .create_checkout_session(&Checkout {
            customer_id: &account.customer_id,
            price_id: price,
            workspace_pid: &workspace.pid.to_string(),
            success_url: &format!("{base}?checkout=done"),
            cancel_url: &base,
            idempotency_key: &format!("checkout-{}-{}", workspace.pid, Uuid::new_v4()),
        })
        .await
        .map_err(|f| stripe_error(&f))?;
    session.url.ok_or_else(|| {
        stripe_error(&StripeFailure::Invalid(
            "checkout session without url".into(),
        ))
    })
}

/// Opens Stripe's Customer Portal (payment methods, invoices, plan changes,
/// cancellation); returns its address.
///
/// # Errors
/// 422 when the workspace never paid (no customer yet); 503 when Stripe
/// cannot be reached.
pub async fn open_portal(ctx: &AppContext, workspace: &workspaces::Model) -> Result<String> {
    let settings = Settings::get(ctx)?;
    if !settings.billing.enabled() {
        return Err(Error::NotFound);
    }
    let Some(account) = Model::for_workspace(&ctx.db, workspace.id).await? else {
        return Err(FieldErrors::one(
            "plan",
            "this workspace has no billing account yet; choose a plan first",
        )
        .into());
    };
    let stripe = Stripe::new(&settings.billing).map_err(|f| stripe_error(&f))?;
    let return_url = format!("{}/w/{}/billing", settings.base_url, workspace.pid);
    Ok(stripe
        .create_portal_session(&account.customer_id, &return_url)
        .await
        .map_err(|f| stripe_error(&f))?
        .url)
}

/// Ends the subscription of a workspace being deleted, so its owner is not
/// charged again. A subscription Stripe no longer knows counts as ended.
///
/// # Errors
/// When Stripe cannot be reached (the purge job retries); database errors.
pub async fn end_subscription_of_deleted(ctx: &AppContext, workspace_pid: &Uuid) -> Result<()> {
    let settings = Settings::get(ctx)?;
    if !settings.billing.enabled() {
        return Ok(());
    }
    let Some(workspace) = workspaces::Entity::find()
        .filter(super::_entities::workspaces::Column::Pid.eq(*workspace_pid))
        .one(&ctx.db)
        .await?
    else {
        return Ok(());
    };
    let Some(account) = Model::for_workspace(&ctx.db, workspace.id).await? else {
        return Ok(());
    };
    let (true, Some(subscription_id)) =
        (account.is_subscribed(), account.subscription_id.as_deref())
    else {
        return Ok(());
    };
    let stripe = Stripe::new(&settings.billing).map_err(|f| stripe_error(&f))?;
    match stripe.cancel_subscription(subscription_id).await {
        Ok(_) | Err(StripeFailure::Refused { status: 404, .. }) => {
            tracing::info!(workspace = %workspace_pid, subscription_id, "subscription ended: workspace deleted");
            Ok(())
        }
        Err(failure) => Err(stripe_error(&failure)),
    }
}

/// What reconciliation did.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Reconciled {
    pub subscriptions_seen: usize,
    pub accounts_checked: usize,
    pub fixed: usize,
    pub unknown_customers: usize,
}

/// Compares every account with Stripe's list of subscriptions and fixes
/// drift both ways (missed webhooks, changes made in Stripe's dashboard),
/// after processing stored events whose job gave up.
///
/// # Errors
/// When Stripe cannot be reached (the job retries); database errors.
pub async fn reconcile(ctx: &AppContext) -> Result<Reconciled> {
    let settings = Settings::get(ctx)?;
    if !settings.billing.enabled() {
        return Ok(Reconciled::default());
    }
    // Events whose job gave up while Stripe was away are processed first
    // (a payment-failed mail is then still sent).
    for event in super::stripe_events::Model::stalled(&ctx.db).await? {
        super::stripe_events::process(ctx, &event.event_id).await?;
    }
    let stripe = Stripe::new(&settings.billing).map_err(|f| stripe_error(&f))?;
    let accounts = Model::all(&ctx.db).await?;
    let ours: HashMap<&str, &Model> = accounts
        .iter()
        .map(|a| (a.customer_id.as_str(), a))
        .collect();
    // The current subscription of each of our customers: a live one over
    // an ended one, then the one the account already follows.
    let mut current: HashMap<String, Subscription> = HashMap::new();
    let mut report = Reconciled::default();
    let mut after: Option<String> = None;
    loop {
        let page = stripe
            .subscriptions_after(after.as_deref())
            .await
            .map_err(|f| stripe_error(&f))?;
        after = page.data.last().map(|s| s.id.clone());
        for subscription in page.data {
            report.subscriptions_seen += 1;
            let Some(account) = ours.get(subscription.customer.as_str()) else {
                report.unknown_customers += 1;
                continue;
            };
            let rank = |s: &Subscription| {
                let live = PAID.contains(&s.status.as_str())
                    || PAYMENT_FAILED.contains(&s.status.as_str());
                (
                    live,
                    account.subscription_id.as_deref() == Some(s.id.as_str()),
                )
            };
            let better = current
                .get(&subscription.customer)
                .is_none_or(|held| rank(&subscription) > rank(held));
            if better {
                current.insert(subscription.customer.clone(), subscription);
            }
        }
        if !page.has_more || after.is_none() {
            break;
        }
    }
    let reconciler = Actor::system("Billing reconciliation");
    for account in &accounts {
        report.accounts_checked += 1;
        if let Some(subscription) = current.get(&account.customer_id) {
            if Model::apply_subscription(&ctx.db, &settings.billing, subscription, &reconciler)
                .await?
                == Some(true)
            {
                report.fixed += 1;
            }
        } else if account.is_subscribed() {
            account.mark_ended(&ctx.db, &reconciler).await?;
            report.fixed += 1;
        }
    }
    tracing::info!(?report, "billing reconciled with Stripe");
    Ok(report)
}
