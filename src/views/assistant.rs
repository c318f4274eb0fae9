//! The assistant's page and the exchange htmx appends to its panel.

use serde::Serialize;

use crate::models::assistant::Reply;

#[derive(Debug, Serialize)]
pub struct AssistantPage {
    /// Questions to start from.
    pub examples: Vec<String>,
    /// The panel on the workspace navigation is left out on this page.
    pub on_assistant_page: bool,
    /// Only the exchange is rendered, for htmx to append.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub htmx: Option<bool>,
    /// The last message and its answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exchange: Option<Exchange>,
}

#[derive(Debug, Serialize)]
pub struct Exchange {
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply: Option<Reply>,
    /// Why the message was not taken (`errors.message`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<serde_json::Value>,
}
