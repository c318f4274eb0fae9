//! Who owes whom, and settlements, on the API:
//! `/api/v1/workspaces/{workspace_id}/balances` (and `.../balances/{user_id}`,
//! one member's balance explained) and `.../settlements`.

use std::cmp::Reverse;

use axum::http::StatusCode;
use loco_rs::prelude::*;

use crate::{
    controllers::support::{
        access::{requires, Member},
        forms::ApiJson,
    },
    models::{
        paging::{Page, PageQuery},
        settlements::{
            self,
            statement::{self, StatementQuery},
            SettlementParams,
        },
    },
    policies::{SETTLEMENTS_CREATE, SETTLEMENTS_DELETE, SETTLEMENTS_READ},
    views::balances::{
        BalanceStatementResponse, BalancesResponse, SettlementList, SettlementResponse,
    },
};

#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/balances",
    tag = "balances",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    responses((status = 200, body = BalancesResponse), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn balances(State(_ctx): State<AppContext>, member: Member) -> Result<Response> {
    let balances = settlements::Model::balances(&member.db, &member.workspace).await?;
    format::json(BalancesResponse::new(
        &balances,
        &member.workspace.settle_up,
    ))
}

/// One member's balance explained: each shared expense with what they
/// paid and their share, each payment made or received, and the balance
/// after each line; newest first, so the first page's first line ends at
/// the balance `GET .../balances` shows.
#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/balances/{user_id}",
    tag = "balances",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), ("user_id" = Uuid, Path, description = "The member (a member's `user_id`, a balance's `member.id`)"), StatementQuery, PageQuery),
    responses((status = 200, body = BalanceStatementResponse), (status = 404, description = "No such thing in a workspace of yours"), (status = 422, description = "Invalid input; `errors` names each field")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn explained(
    State(_ctx): State<AppContext>,
    member: Member,
    Path((_, user_id)): Path<(String, String)>,
    Query(asked): Query<StatementQuery>,
    Query(page): Query<PageQuery>,
) -> Result<Response> {
    let found = statement::of(
        &member.db,
        &member.workspace,
        &user_id,
        asked.currency.as_deref(),
        &page,
    )
    .await?;
    format::json(BalanceStatementResponse::new(&found))
}

#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/settlements",
    tag = "balances",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), PageQuery),
    responses((status = 200, body = SettlementList), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn list(
    State(_ctx): State<AppContext>,
    member: Member,
    Query(page): Query<PageQuery>,
) -> Result<Response> {
    let list = settlements::Model::list(&member.db, member.workspace.id).await?;
    // The model's order: newest payment first.
    let page = Page::of(list, &page, "settlements", |s| {
        Reverse((s.row.settled_on, s.row.id))
    })?;
    format::json(page.map(SettlementResponse::new))
}

#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/settlements",
    tag = "balances",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    request_body = SettlementParams,
    responses((status = 201, body = SettlementResponse), (status = 422, description = "Invalid input; `errors` names each field"), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn create(
    State(ctx): State<AppContext>,
    member: Member,
    ApiJson(params): ApiJson<SettlementParams>,
) -> Result<Response> {
    let recorded = settlements::Model::record(&member.tenant(&ctx).await?, &params).await?;
    let mut shown = settlements::Model::with_people(&member.db, vec![recorded]).await?;
    let response = shown
        .pop()
        .map(|s| SettlementResponse::new(&s))
        .ok_or(Error::NotFound)?;
    member.commit_change(&ctx).await?;
    format::render().status(StatusCode::CREATED).json(response)
}

#[utoipa::path(
    delete,
    path = "/api/v1/workspaces/{workspace_id}/settlements/{settlement_id}",
    tag = "balances",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), ("settlement_id" = Uuid, Path, description = "The settlement")),
    responses((status = 204, description = "Deleted"), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn destroy(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, settlement_id)): Path<(String, String)>,
) -> Result<Response> {
    settlements::Model::find_in(&member.db, member.workspace.id, &settlement_id)
        .await?
        .remove(&member.tenant(&ctx).await?)
        .await?;
    member.commit_change(&ctx).await?;
    format::render().status(StatusCode::NO_CONTENT).empty()
}

pub fn routes() -> Routes {
    let settlements = "/workspaces/{workspace_id}/settlements";
    Routes::new()
        .prefix("/api/v1")
        .add(
            "/workspaces/{workspace_id}/balances",
            requires(SETTLEMENTS_READ, get(balances)),
        )
        .add(
            "/workspaces/{workspace_id}/balances/{user_id}",
            requires(SETTLEMENTS_READ, get(explained)),
        )
        .add(settlements, requires(SETTLEMENTS_READ, get(list)))
        .add(settlements, requires(SETTLEMENTS_CREATE, post(create)))
        .add(
            &format!("{settlements}/{{settlement_id}}"),
            requires(SETTLEMENTS_DELETE, delete(destroy)),
        )
}
