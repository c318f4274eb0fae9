//! Paying, changing and ending a subscription through Stripe: Checkout for
//! a new one, the Customer Portal for the rest, and ending the subscription
//! of a workspace being deleted. Each waits on Stripe, outside any
//! transaction.

use loco_rs::prelude::*;

use super::{stripe_error, Interval, Model, Plans};
use crate::{
    models::{
        stripe::{Checkout, Stripe, StripeFailure},
        validation::FieldErrors,
        workspaces,
    },
    settings::Settings,
};

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
        return Err(super::billing_off());
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
        return Err(super::billing_off());
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
        .filter(crate::models::_entities::workspaces::Column::Pid.eq(*workspace_pid))
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
