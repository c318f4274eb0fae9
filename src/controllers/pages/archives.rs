//! The whole workspace as a JSON archive, from its settings page: download
//! it (`GET /w/{workspace_id}/archive.json`) and restore one into an empty
//! workspace from a file (`POST /w/{workspace_id}/archive`). The API's are
//! in `api/archives.rs`.

use axum::extract::Multipart;
use loco_rs::prelude::*;

use crate::{
    controllers::support::{
        access::{requires, requires_receiving, Member},
        errors::sentence,
        limits::BodyKind,
        render::redirect_with,
    },
    models::{
        archives::{self, Archive},
        validation::FieldErrors,
    },
    policies::WORKSPACE_UPDATE,
    views::{self, urls},
};

#[debug_handler]
async fn download(State(_ctx): State<AppContext>, member: Member) -> Result<Response> {
    let archive = archives::export(&member.db, &member.workspace).await?;
    views::archives::download(&archive, &member.workspace)
}

/// The settings page's restore form: the archive as a file.
#[debug_handler]
async fn restore_upload(
    State(ctx): State<AppContext>,
    member: Member,
    mut multipart: Multipart,
) -> Result<Response> {
    let to = urls::settings(member.workspace.pid);
    let mut bytes = Vec::new();
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some("file") {
            bytes = field.bytes().await.map(|b| b.to_vec()).unwrap_or_default();
        }
    }
    let outcome = match serde_json::from_slice::<Archive>(&bytes) {
        Ok(archive) => {
            let tenant = member.tenant(&ctx).await?;
            archives::restore(&tenant, &archive)
                .await
                .map(|r| format!("Restored {} expenses from the archive.", r.expenses))
                .map_err(Error::from)
        }
        Err(err) => Err(FieldErrors::one(
            "archive",
            format!("is not a SmartExpense archive ({err})"),
        )
        .into()),
    };
    match outcome {
        Ok(message) => {
            member.commit_change(&ctx).await?;
            redirect_with(&to, "notice", &message, &ctx, &[])
        }
        Err(err) => {
            // "Archive names people who are not members here; …".
            let message = sentence(&FieldErrors::describe(&err).ok_or(err)?);
            redirect_with(&to, "alert", &message, &ctx, &[])
        }
    }
}

pub fn routes() -> Routes {
    Routes::new()
        .add(
            "/w/{workspace_id}/archive.json",
            requires(WORKSPACE_UPDATE, get(download)),
        )
        .add(
            "/w/{workspace_id}/archive",
            requires_receiving(WORKSPACE_UPDATE, BodyKind::Archive, post(restore_upload)),
        )
}
