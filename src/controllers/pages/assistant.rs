//! The spending assistant, as a chat panel on every workspace page
//! (`POST /w/{workspace_id}/assistant`, htmx appends the exchange; without
//! JavaScript the same form opens the assistant's page). The answering is
//! in `models::assistant`, who may ask in `support::assistant`; here is how
//! it is shown.

use axum::http::{HeaderMap, StatusCode};
use loco_rs::prelude::*;
use serde::Deserialize;

use super::{expenses, render};
use crate::{
    controllers::support::{
        access::{requires, requires_reading, Member},
        assistant::answer,
        web_session::Visitor,
    },
    models::{assistant::examples, validation::FieldErrors},
    policies::EXPENSES_READ,
    views::{
        assistant::{AssistantPage, Exchange},
        page::InWorkspace,
    },
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
    let context = InWorkspace {
        frame: expenses::frame(&ctx, &member).await?,
        page: AssistantPage {
            examples: examples(visitor.lang),
            on_assistant_page: true,
            htmx: None,
            exchange: None,
        },
    };
    render(
        &v,
        &visitor,
        StatusCode::OK,
        "assistant/show.html",
        &context,
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
    let message = form.message.trim().to_string();
    let (status, exchange) = match answer(&ctx, &member, &form.message, Some(visitor.lang)).await {
        Ok(reply) => (
            StatusCode::OK,
            Exchange {
                message,
                reply: Some(reply),
                errors: None,
            },
        ),
        Err(err) => {
            let errors = FieldErrors::from_error(&err).ok_or(err)?;
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                Exchange {
                    message,
                    reply: None,
                    errors: Some(errors),
                },
            )
        }
    };
    let htmx = headers.contains_key("hx-request");
    let template = if htmx {
        "assistant/_exchange.html"
    } else {
        "assistant/show.html"
    };
    let context = InWorkspace {
        frame: expenses::frame(&ctx, &member).await?,
        page: AssistantPage {
            examples: examples(visitor.lang),
            on_assistant_page: !htmx,
            htmx: Some(htmx),
            exchange: Some(exchange),
        },
    };
    render(&v, &visitor, status, template, &context)
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
