//! The spending assistant, as a chat panel on every workspace page
//! (`POST /w/{workspace_id}/assistant`, htmx appends the exchange; without
//! JavaScript the same form opens the assistant's page). The answering is
//! in `models::assistant`, who may ask in `support::assistant`; here is how
//! it is shown.

use axum::http::{HeaderMap, StatusCode};
use loco_rs::prelude::*;
use serde::Deserialize;
use serde_json::json;

use super::expenses;
use crate::{
    controllers::support::{
        access::{requires, requires_reading, Member},
        assistant::answer,
        render::{merged, page},
        web_session::Visitor,
    },
    models::{assistant::EXAMPLES, validation::FieldErrors},
    policies::EXPENSES_READ,
};

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
            "/w/{workspace_id}/assistant",
            requires(EXPENSES_READ, get(show)),
        )
        .add(
            "/w/{workspace_id}/assistant",
            requires_reading(EXPENSES_READ, post(converse)),
        )
}
