//! `billing`: `cargo loco task billing` reconciles every workspace's
//! subscription with Stripe now (the same work as the hourly job) and
//! prints what it fixed.

use loco_rs::prelude::*;

use crate::{models::billing, settings::Settings};

pub struct Billing;

#[async_trait]
impl Task for Billing {
    fn task(&self) -> TaskInfo {
        TaskInfo {
            name: "billing".to_string(),
            detail: "Reconcile every workspace's subscription with Stripe now".to_string(),
        }
    }

    async fn run(&self, ctx: &AppContext, _vars: &task::Vars) -> Result<()> {
        if !Settings::get(ctx)?.billing.enabled() {
            return Err(Error::string(
                "billing is off (no STRIPE_SECRET_KEY); nothing to reconcile",
            ));
        }
        let report = billing::reconcile(ctx).await?;
        println!(
            "subscriptions in Stripe: {}, of unknown customers: {}; accounts checked: {}; fixed: {}",
            report.subscriptions_seen,
            report.unknown_customers,
            report.accounts_checked,
            report.fixed
        );
        Ok(())
    }
}
