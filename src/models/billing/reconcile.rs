//! Reconciliation: comparing every billing account with Stripe's list of
//! subscriptions and mending drift both ways (the scheduled job and the
//! `billing` task run it).

use std::collections::HashMap;

use loco_rs::prelude::*;
use serde::Serialize;

use super::{stripe_error, Model, PAID, PAYMENT_FAILED};
use crate::{
    models::{
        audit_events::Actor,
        stripe::{Stripe, Subscription},
    },
    settings::Settings,
};

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
    for event in crate::models::stripe_events::Model::stalled(&ctx.db).await? {
        crate::models::stripe_events::process(ctx, &event.event_id).await?;
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
