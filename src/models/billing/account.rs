//! The billing account: a workspace's Stripe customer and subscription as
//! Stripe last reported it, mirrored on webhooks and reconciliation, with
//! each change in the workspace's audit log.

use crate::models::ids::WorkspaceId;
use chrono::{DateTime, TimeZone, Utc};
use loco_rs::prelude::*;
use serde::Serialize;

use super::{
    billing_accounts, stripe_error, ActiveModel, Entity, Model, Plans, PAID, PAYMENT_FAILED,
};
use crate::{
    models::{
        audit_events::{self, Actor, Event},
        stripe::{Stripe, Subscription},
        tenancy::{self, Scope},
        workspaces,
    },
    settings::BillingSettings,
};

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
        workspace_id: WorkspaceId,
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
        let before = Mirror::of(&account);
        let active = account.mirrored(settings, subscription, Utc::now());
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

    /// The account as `subscription` says it is now: plan, price, status,
    /// period, and the grace period after a failed payment (which runs from
    /// the first failure).
    fn mirrored(
        &self,
        settings: &BillingSettings,
        subscription: &Subscription,
        now: DateTime<Utc>,
    ) -> ActiveModel {
        let account = self;
        let price = subscription.price_id();
        let plan = price.and_then(|p| Plans(settings).for_price(p));
        if plan.is_none() {
            tracing::warn!(
                subscription = subscription.id,
                price,
                "a subscription bills a price no configured plan has; it counts as the free plan"
            );
        }
        let failing = PAYMENT_FAILED.contains(&subscription.status.as_str());
        let grace_until = match (failing, account.grace_until) {
            (true, Some(until)) => Some(until),
            (true, None) => Some((now + chrono::Duration::days(settings.grace_days)).into()),
            (false, _) => None,
        };
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
        active
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
