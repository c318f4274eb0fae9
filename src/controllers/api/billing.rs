//! Billing on the API: `/api/v1/workspaces/{workspace_id}/billing` (the plan
//! in force, usage, the plans on offer), `.../billing/checkout` and
//! `.../billing/portal` (addresses of Stripe's pages to send the owner to).
//! 404 while billing is off.

use axum::http::StatusCode;
use loco_rs::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{
    controllers::support::{
        access::{requires, Member},
        forms::ApiJson,
    },
    models::billing::{self, Standing, Usage},
    policies::{BILLING_MANAGE, WORKSPACE_READ},
    settings::Settings,
    views::billing::BillingResponse,
};

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct CheckoutParams {
    /// A paid plan's key, e.g. `household`.
    pub plan: String,
    /// `month` or `year`.
    #[schema(schema_with = crate::models::schema::billing_interval)]
    pub interval: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RedirectResponse {
    /// Stripe's page to open; it returns to the workspace's billing page.
    pub url: String,
}

#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/billing",
    tag = "billing",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    responses((status = 200, body = BillingResponse), (status = 404, description = "No such workspace of yours (`not_found`), or billing is off on this instance (`billing_off`)")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn show(State(ctx): State<AppContext>, member: Member) -> Result<Response> {
    let Some(standing) = Standing::current(&ctx, &member.db, &member.workspace).await? else {
        return Err(billing::billing_off());
    };
    let usage = Usage::of(&member.db, member.workspace.id).await?;
    format::json(BillingResponse::new(
        &standing,
        usage,
        &Settings::get(&ctx)?.billing.plans,
    ))
}

/// Opens Stripe Checkout for a paid plan (owner only).
#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/billing/checkout",
    tag = "billing",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    request_body = CheckoutParams,
    responses((status = 201, body = RedirectResponse), (status = 422, description = "Not a plan or interval on offer, or the workspace already pays"), (status = 403, description = "Only the owner manages billing"), (status = 503, description = "Stripe could not be reached; nothing changed"), (status = 404, description = "No such workspace of yours (`not_found`), or billing is off on this instance (`billing_off`)")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn checkout(
    State(ctx): State<AppContext>,
    member: Member,
    ApiJson(params): ApiJson<CheckoutParams>,
) -> Result<Response> {
    let (caller, workspace) = member.release().await?;
    let url = billing::start_checkout(
        &ctx,
        &workspace,
        &caller.user.email,
        &params.plan,
        &params.interval,
    )
    .await?;
    format::render()
        .status(StatusCode::CREATED)
        .json(RedirectResponse { url })
}

/// Opens Stripe's Customer Portal (owner only).
#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/billing/portal",
    tag = "billing",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    responses((status = 201, body = RedirectResponse), (status = 422, description = "The workspace has no billing account yet"), (status = 403, description = "Only the owner manages billing"), (status = 503, description = "Stripe could not be reached"), (status = 404, description = "No such workspace of yours (`not_found`), or billing is off on this instance (`billing_off`)")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn portal(State(ctx): State<AppContext>, member: Member) -> Result<Response> {
    let (_, workspace) = member.release().await?;
    let url = billing::open_portal(&ctx, &workspace).await?;
    format::render()
        .status(StatusCode::CREATED)
        .json(RedirectResponse { url })
}

pub fn routes() -> Routes {
    Routes::new()
        .prefix("/api/v1")
        .add(
            "/workspaces/{workspace_id}/billing",
            requires(WORKSPACE_READ, get(show)),
        )
        .add(
            "/workspaces/{workspace_id}/billing/checkout",
            requires(BILLING_MANAGE, post(checkout)),
        )
        .add(
            "/workspaces/{workspace_id}/billing/portal",
            requires(BILLING_MANAGE, post(portal)),
        )
}
