//! The whole workspace as a JSON archive: download it
//! (`GET .../archive`, also from the settings page) and restore one into an
//! empty workspace (`POST .../archive`, JSON body or a file upload).

use axum::{
    extract::{DefaultBodyLimit, Multipart},
    http::{header, StatusCode},
};
use loco_rs::prelude::*;

use super::{
    access::{requires, Member},
    ApiJson,
};
use crate::{
    models::{
        archives::{self, Archive},
        validation::FieldErrors,
    },
    policies::WORKSPACE_UPDATE,
};

/// Archives of the largest workspaces run to tens of megabytes.
const ARCHIVE_MAX_BYTES: usize = 200 * 1024 * 1024;

#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/archive",
    tag = "workspaces",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    responses((status = 200, body = Archive), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("bearer" = []))
)]
#[debug_handler]
async fn download(State(_ctx): State<AppContext>, member: Member) -> Result<Response> {
    let archive = archives::export(&member.db, &member.workspace).await?;
    let body = serde_json::to_vec_pretty(&archive)?;
    let file = format!(
        "attachment; filename=\"smartexpense-{}.json\"",
        member.workspace.today()
    );
    format::render()
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CONTENT_DISPOSITION, file.as_str())
        .response()
        .body(axum::body::Body::from(body))
        .map_err(|err| Error::string(&err.to_string()))
}

#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/archive",
    tag = "workspaces",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    request_body = Archive,
    responses((status = 201, body = archives::Restored), (status = 422, description = "Invalid input; `errors` names each field"), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("bearer" = []))
)]
#[debug_handler]
async fn restore(
    State(ctx): State<AppContext>,
    member: Member,
    ApiJson(archive): ApiJson<Archive>,
) -> Result<Response> {
    let restored =
        archives::restore(&member.db, &member.workspace, &member.actor(), &archive).await?;
    member.commit_change(&ctx).await?;
    format::render().status(StatusCode::CREATED).json(restored)
}

/// The settings page's restore form: the archive as a file.
#[debug_handler]
async fn restore_upload(
    State(ctx): State<AppContext>,
    member: Member,
    mut multipart: Multipart,
) -> Result<Response> {
    let to = format!("/w/{}/settings", member.workspace.pid);
    let mut bytes = Vec::new();
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some("file") {
            bytes = field.bytes().await.map(|b| b.to_vec()).unwrap_or_default();
        }
    }
    let outcome = match serde_json::from_slice::<Archive>(&bytes) {
        Ok(archive) => archives::restore(&member.db, &member.workspace, &member.actor(), &archive)
            .await
            .map(|r| format!("Restored {} expenses from the archive.", r.expenses)),
        Err(err) => Err(FieldErrors::one(
            "archive",
            format!("is not a SmartExpense archive ({err})"),
        )
        .into()),
    };
    match outcome {
        Ok(message) => {
            member.commit_change(&ctx).await?;
            super::render::redirect_with(&to, "notice", &message, &ctx, &[])
        }
        Err(err) => {
            // "Archive names people who are not members here; …".
            let message = super::render::sentence(&FieldErrors::describe(&err).ok_or(err)?);
            super::render::redirect_with(&to, "alert", &message, &ctx, &[])
        }
    }
}

pub fn routes() -> Routes {
    let limit = DefaultBodyLimit::max(ARCHIVE_MAX_BYTES);
    Routes::new()
        .add(
            "/api/v1/workspaces/{workspace_id}/archive",
            requires(WORKSPACE_UPDATE, get(download)),
        )
        .add(
            "/api/v1/workspaces/{workspace_id}/archive",
            requires(WORKSPACE_UPDATE, post(restore).layer(limit)),
        )
        .add(
            "/w/{workspace_id}/archive.json",
            requires(WORKSPACE_UPDATE, get(download)),
        )
        .add(
            "/w/{workspace_id}/archive",
            requires(WORKSPACE_UPDATE, post(restore_upload).layer(limit)),
        )
}
