//! The spending assistant, as a chat panel on every workspace page
//! (`POST /w/{workspace_id}/assistant`, htmx appends the exchange; without
//! JavaScript the same form opens the assistant's page) and on the API
//! (`POST /api/v1/workspaces/{workspace_id}/assistant`). The answering is
//! in `models::assistant`; here are who may ask and how it is shown.

use axum::http::{HeaderMap, StatusCode};
use loco_rs::prelude::*;
use serde::Deserialize;
use serde_json::json;

use super::{
    access::{requires, requires_reading, Member},
    expenses,
    middleware::web_session::Visitor,
    render::{merged, page},
    ApiJson,
};
use crate::{
    models::{
        assistant::{self, Allowed, Reply, EXAMPLES},
        validation::FieldErrors,
    },
    policies::{BUDGETS_READ, EXPENSES_CREATE, EXPENSES_READ, SETTLEMENTS_READ},
};

/// A message to the assistant.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct AssistantParams {
    /// A question or an expense in plain English, at most 500 characters:
    /// "how much did we spend on groceries last month?", "coffee 4.50
    /// yesterday".
    pub message: Option<String>,
}

async fn allowed(ctx: &AppContext, member: &Member) -> Result<Allowed> {
    Ok(Allowed {
        add_expenses: member.may(ctx, EXPENSES_CREATE).await?,
        read_budgets: member.may(ctx, BUDGETS_READ).await?,
        read_balances: member.may(ctx, SETTLEMENTS_READ).await?,
        role: member.role().as_str(),
    })
}

async fn answer(ctx: &AppContext, member: &Member, message: &str) -> Result<Reply> {
    assistant::answer(
        &member.db,
        &member.workspace,
        member.user(),
        allowed(ctx, member).await?,
        message,
    )
    .await
}

#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/assistant",
    tag = "assistant",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    request_body = AssistantParams,
    responses(
        (status = 200, body = Reply, description = "The answer; a message it cannot read gets a reply with examples, not an error"),
        (status = 422, description = "The message is empty, longer than 500 characters or not plain text"),
        (status = 404, description = "No such thing in a workspace of yours")
    ),
    security(("bearer" = []))
)]
#[debug_handler]
pub async fn ask(
    State(ctx): State<AppContext>,
    member: Member,
    ApiJson(params): ApiJson<AssistantParams>,
) -> Result<Response> {
    let reply = answer(&ctx, &member, params.message.as_deref().unwrap_or("")).await?;
    format::json(reply)
}

/// The panel's form as a browser sends it.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AskForm {
    pub message: String,
}

/// The assistant's page: the examples, and the last exchange when the form
/// was sent without htmx.
#[debug_handler]
async fn show(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
) -> Result<Response> {
    let frame = expenses::frame(&ctx, &member).await?;
    page(
        &v,
        &visitor,
        StatusCode::OK,
        "assistant/show.html",
        merged(
            frame,
            json!({ "examples": EXAMPLES, "on_assistant_page": true }),
        ),
    )
}

#[debug_handler]
async fn converse(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    headers: HeaderMap,
    member: Member,
    Form(form): Form<AskForm>,
) -> Result<Response> {
    let (status, exchange) = match answer(&ctx, &member, &form.message).await {
        Ok(reply) => (
            StatusCode::OK,
            json!({ "message": form.message.trim(), "reply": reply }),
        ),
        Err(err) => {
            let errors = FieldErrors::from_error(&err).ok_or(err)?;
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                json!({ "message": form.message.trim(), "errors": errors }),
            )
        }
    };
    let frame = expenses::frame(&ctx, &member).await?;
    let htmx = headers.contains_key("hx-request");
    let template = if htmx {
        "assistant/_exchange.html"
    } else {
        "assistant/show.html"
    };
    page(
        &v,
        &visitor,
        status,
        template,
        merged(
            frame,
            json!({
                "exchange": exchange, "examples": EXAMPLES, "htmx": htmx,
                "on_assistant_page": !htmx,
            }),
        ),
    )
}

pub fn routes() -> Routes {
    Routes::new()
        .add(
            "/api/v1/workspaces/{workspace_id}/assistant",
            requires_reading(EXPENSES_READ, post(ask)),
        )
        .add(
            "/w/{workspace_id}/assistant",
            requires(EXPENSES_READ, get(show)),
        )
        .add(
            "/w/{workspace_id}/assistant",
            requires_reading(EXPENSES_READ, post(converse)),
        )
}
