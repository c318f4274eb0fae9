//! The spending assistant on the API
//! (`POST /api/v1/workspaces/{workspace_id}/assistant`). The answering is in
//! `models::assistant`, who may ask in `support::assistant`.

use loco_rs::prelude::*;
use serde::Deserialize;

use crate::{
    controllers::support::{
        access::{requires_reading, Member},
        assistant::answer,
        forms::ApiJson,
    },
    models::assistant::Reply,
    policies::EXPENSES_READ,
};

/// A message to the assistant.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct AssistantParams {
    /// A question or an expense in plain English, German, French or
    /// Spanish, at most 500 characters: "how much did we spend on groceries
    /// last month?", "coffee 4.50 yesterday", "Kaffee 4,50 gestern". The
    /// reply is written in the message's language (`language`).
    #[schema(required = true, min_length = 1, max_length = 500, pattern = r"\S")]
    pub message: Option<String>,
}

#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/assistant",
    tag = "assistant",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    request_body = AssistantParams,
    responses(
        (status = 200, body = Reply, description = "The answer, in the message's language; a message it cannot read (or a question with words it does not know, named in `data.unknown_words`) gets a reply with examples, not an error"),
        (status = 422, description = "The message is empty, longer than 500 characters or not plain text"),
        (status = 404, description = "No such thing in a workspace of yours")
    ),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
pub async fn ask(
    State(ctx): State<AppContext>,
    member: Member,
    ApiJson(params): ApiJson<AssistantParams>,
) -> Result<Response> {
    // The API has no page language: the answer is in the message's.
    let reply = answer(&ctx, &member, params.message.as_deref().unwrap_or(""), None).await?;
    format::json(reply)
}

pub fn routes() -> Routes {
    Routes::new().add(
        "/api/v1/workspaces/{workspace_id}/assistant",
        requires_reading(EXPENSES_READ, post(ask)),
    )
}
