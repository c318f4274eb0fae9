//! The billing page (`/w/{workspace_id}/billing`): the plan in force, what
//! the workspace uses of its limits, and for the owner the buttons that
//! open Stripe Checkout and the Customer Portal. Not there at all (404)
//! while billing is off.

use axum::http::StatusCode;
use loco_rs::prelude::*;
use serde::Deserialize;

use super::{render, workspaces::frame};
use crate::{
    controllers::support::{
        access::{requires, Member},
        errors::back_with,
        web_session::Visitor,
    },
    models::billing::{self, PlanState, Standing, Usage},
    policies::{BILLING_MANAGE, WORKSPACE_READ},
    settings::Settings,
    views::{
        billing::{iso_day, BillingPage, BillingResponse},
        page::InWorkspace,
        urls,
    },
};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CheckoutForm {
    pub plan: String,
    pub interval: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Return {
    /// Set by Stripe's redirect after a checkout; only changes the wording
    /// while the database does not show the subscription yet.
    pub checkout: Option<String>,
}

#[debug_handler]
async fn show(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
    Query(back): Query<Return>,
) -> Result<Response> {
    let Some(standing) = Standing::current(&ctx, &member.db, &member.workspace).await? else {
        return Err(Error::NotFound);
    };
    let usage = Usage::of(&member.db, member.workspace.id).await?;
    let settings = Settings::get(&ctx)?;
    let billing = BillingResponse::new(&standing, usage, &settings.billing.plans);
    let account = standing.account.as_ref();
    let page = BillingPage {
        billing,
        period_end: account
            .and_then(|a| a.current_period_end.as_ref())
            .map(iso_day),
        grace_until: account.and_then(|a| a.grace_until.as_ref()).map(iso_day),
        manage: member.may(&ctx, BILLING_MANAGE).await?,
        confirming: back.checkout.is_some() && standing.state != PlanState::Active,
    };
    let context = InWorkspace {
        frame: frame(&ctx, &member).await?,
        page,
    };
    render(&v, &visitor, StatusCode::OK, "billing/show.html", &context)
}

/// Where to send the owner, or back to the billing page with the reason.
fn go_to(
    ctx: &AppContext,
    visitor: &Visitor,
    workspace_pid: &Uuid,
    opened: Result<String>,
) -> Result<Response> {
    match opened {
        Ok(url) => format::redirect(&url),
        Err(err) => back_with(ctx, visitor.lang, &urls::billing(workspace_pid), err),
    }
}

#[debug_handler]
async fn checkout(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    member: Member,
    Form(form): Form<CheckoutForm>,
) -> Result<Response> {
    let (caller, workspace) = member.release().await?;
    let opened = billing::start_checkout(
        &ctx,
        &workspace,
        &caller.user.email,
        &form.plan,
        &form.interval,
    )
    .await;
    go_to(&ctx, &visitor, &workspace.pid, opened)
}

#[debug_handler]
async fn portal(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    member: Member,
) -> Result<Response> {
    let (_, workspace) = member.release().await?;
    let opened = billing::open_portal(&ctx, &workspace).await;
    go_to(&ctx, &visitor, &workspace.pid, opened)
}

pub fn routes() -> Routes {
    Routes::new()
        .add(
            "/w/{workspace_id}/billing",
            requires(WORKSPACE_READ, get(show)),
        )
        .add(
            "/w/{workspace_id}/billing/checkout",
            requires(BILLING_MANAGE, post(checkout)),
        )
        .add(
            "/w/{workspace_id}/billing/portal",
            requires(BILLING_MANAGE, post(portal)),
        )
}
