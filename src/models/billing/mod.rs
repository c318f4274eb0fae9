//! Plans, what they allow, and each workspace's subscription as Stripe last
//! reported it (`billing_accounts`).
//!
//! Billing is off while no Stripe key is configured: then every workspace
//! has every feature and [`Limits`] allows everything. When it is on, a
//! workspace is on the plan it pays for while its subscription is active
//! (or trialing, or within the grace period after a failed payment), and on
//! the free plan otherwise. A plan's limits stop new things (members,
//! expenses, changes to old expenses); nothing saved is ever removed.
//!
//! By concern: `plans` (the plans offered and where a workspace stands),
//! `limits` (what a plan allows, and what is used), `account` (the billing
//! account as Stripe reports it), `checkout` (paying, changing and ending a
//! subscription through Stripe), `reconcile` (mending drift from Stripe).

mod account;
mod checkout;
mod limits;
mod plans;
mod reconcile;

use crate::models::ids::WorkspaceId;
use axum::http::StatusCode;
use loco_rs::{controller::ErrorDetail, prelude::*};

pub use self::{
    checkout::{end_subscription_of_deleted, open_portal, start_checkout},
    limits::{counts_this_month, Limits, Usage},
    plans::{Interval, PlanState, Plans, Standing, PAID, PAYMENT_FAILED},
    reconcile::{reconcile, Reconciled},
};
pub use super::_entities::billing_accounts::{self, ActiveModel, Entity, Model};
use super::stripe::StripeFailure;

impl ActiveModelBehavior for ActiveModel {}

impl TenantEntity for Entity {
    type TenantId = WorkspaceId;

    fn tenant_column() -> billing_accounts::Column {
        billing_accounts::Column::WorkspaceId
    }
}

/// 404 for billing routes while billing is off, saying so: not the body of
/// a missing workspace, which a client would read as "not mine".
#[must_use]
pub fn billing_off() -> Error {
    Error::CustomError(
        StatusCode::NOT_FOUND,
        ErrorDetail::new(
            "billing_off",
            "Billing is off on this instance: every workspace has every feature.",
        ),
    )
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
