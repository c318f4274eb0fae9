//! Errors as answers: a refusal as a message on the next page, and the 404
//! for routes that do not exist. (A form's field errors and a throttled
//! request are shown on their page by `render`.)

use axum::{http::StatusCode, response::IntoResponse};
use loco_rs::prelude::*;
use serde_json::Value;

use super::render::redirect_with;
use crate::{i18n::Lang, models::validation::FieldErrors};

/// `text` as a sentence: capitalised, with a full stop.
#[must_use]
pub fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect::<String>() + ".")
        .unwrap_or_default()
}

/// The reason a refused action gives a person: the message of a validation
/// error, a 403, a plan limit (402), an upload too large (413), a budget
/// spent (429) or a service that failed (502, 503), in `lang`. `None` for
/// any other error.
#[must_use]
pub fn refusal(err: &Error, lang: Lang) -> Option<String> {
    if let Some(Value::Object(fields)) = FieldErrors::from_error(err) {
        let message = fields
            .values()
            .filter_map(|messages| messages.get(0).and_then(Value::as_str))
            .next()?;
        return Some(sentence(&lang.field_message(message)));
    }
    match err {
        Error::CustomError(
            StatusCode::FORBIDDEN
            | StatusCode::PAYMENT_REQUIRED
            | StatusCode::PAYLOAD_TOO_LARGE
            | StatusCode::TOO_MANY_REQUESTS
            | StatusCode::BAD_GATEWAY
            | StatusCode::SERVICE_UNAVAILABLE
            | StatusCode::INSUFFICIENT_STORAGE,
            detail,
        ) => detail
            .description
            .as_deref()
            .map(|english| lang.field_message(english)),
        _ => None,
    }
}

/// Sends the browser back to `to` with the reason an action was refused, or
/// fails the request when the error is not a refusal.
///
/// # Errors
/// `err` itself when it is not a refusal.
pub fn back_with(ctx: &AppContext, lang: Lang, to: &str, err: Error) -> Result<Response> {
    let message = refusal(&err, lang).ok_or(err)?;
    redirect_with(to, "alert", &message, ctx, &[])
}

/// JSON 404 for unknown API routes, a styled page for everything else (the
/// session layer renders it).
pub async fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        axum::Json(serde_json::json!({
            "error": "not_found",
            "description": "No such route",
        })),
    )
        .into_response()
}
