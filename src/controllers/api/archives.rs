//! The whole workspace as a JSON archive on the API: download it
//! (`GET .../archive`) and restore one into an empty workspace
//! (`POST .../archive`). The settings page's are in `pages/archives.rs`.

use axum::http::StatusCode;
use loco_rs::prelude::*;

use crate::{
    controllers::support::{
        access::{requires, requires_receiving, Member},
        forms::ApiJson,
        limits::BodyKind,
    },
    models::archives::{self, Archive},
    policies::WORKSPACE_UPDATE,
    views,
};

#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/archive",
    tag = "workspaces",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    responses((status = 200, body = Archive), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn download(State(_ctx): State<AppContext>, member: Member) -> Result<Response> {
    let archive = archives::export(&member.db, &member.workspace).await?;
    views::archives::download(&archive, &member.workspace)
}

#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/archive",
    tag = "workspaces",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    request_body = Archive,
    responses((status = 201, body = archives::Restored), (status = 422, description = "Invalid input; `errors` names each field"), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn restore(
    State(ctx): State<AppContext>,
    member: Member,
    ApiJson(archive): ApiJson<Archive>,
) -> Result<Response> {
    let restored = archives::restore(&member.tenant(&ctx).await?, &archive).await?;
    member.commit_change(&ctx).await?;
    format::render().status(StatusCode::CREATED).json(restored)
}

pub fn routes() -> Routes {
    Routes::new()
        .add(
            "/api/v1/workspaces/{workspace_id}/archive",
            requires(WORKSPACE_UPDATE, get(download)),
        )
        .add(
            "/api/v1/workspaces/{workspace_id}/archive",
            requires_receiving(WORKSPACE_UPDATE, BodyKind::Archive, post(restore)),
        )
}
