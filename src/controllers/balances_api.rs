//! Who owes whom, and settlements, on the API:
//! `/api/v1/workspaces/{workspace_id}/balances` and `.../settlements`.

use axum::http::StatusCode;
use loco_rs::prelude::*;

use super::{
    access::{requires, Member},
    ApiJson,
};
use crate::{
    models::settlements::{self, SettlementParams},
    policies::{SETTLEMENTS_CREATE, SETTLEMENTS_DELETE, SETTLEMENTS_READ},
    views::expenses::{BalancesResponse, SettlementResponse},
};

#[debug_handler]
async fn balances(State(_ctx): State<AppContext>, member: Member) -> Result<Response> {
    let balances = settlements::Model::balances(&member.db, member.workspace.id).await?;
    format::json(BalancesResponse::new(&balances, &member.workspace.currency))
}

#[debug_handler]
async fn list(State(_ctx): State<AppContext>, member: Member) -> Result<Response> {
    let list = settlements::Model::list(&member.db, member.workspace.id).await?;
    format::json(
        list.iter()
            .map(|s| SettlementResponse::new(s, &member.workspace.currency))
            .collect::<Vec<_>>(),
    )
}

#[debug_handler]
async fn create(
    State(_ctx): State<AppContext>,
    member: Member,
    ApiJson(params): ApiJson<SettlementParams>,
) -> Result<Response> {
    let recorded = settlements::Model::record(
        &member.db,
        &member.workspace,
        member.user(),
        &member.actor(),
        &params,
    )
    .await?;
    let mut shown = settlements::Model::with_people(&member.db, vec![recorded]).await?;
    let response = shown
        .pop()
        .map(|s| SettlementResponse::new(&s, &member.workspace.currency))
        .ok_or(Error::NotFound)?;
    member.commit().await?;
    format::render().status(StatusCode::CREATED).json(response)
}

#[debug_handler]
async fn destroy(
    State(_ctx): State<AppContext>,
    member: Member,
    Path((_, settlement_id)): Path<(String, String)>,
) -> Result<Response> {
    settlements::Model::find_in(&member.db, member.workspace.id, &settlement_id)
        .await?
        .remove(&member.db, &member.actor())
        .await?;
    member.commit().await?;
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
        .add(settlements, requires(SETTLEMENTS_READ, get(list)))
        .add(settlements, requires(SETTLEMENTS_CREATE, post(create)))
        .add(
            &format!("{settlements}/{{settlement_id}}"),
            requires(SETTLEMENTS_DELETE, delete(destroy)),
        )
}
