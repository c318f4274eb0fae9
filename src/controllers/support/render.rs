//! Rendering pages: every template gets the `page` object (user, CSRF
//! token, flash, workspace switcher) and always-present `form`/`errors`.
//! A refusal shown on the next page is in `errors`.

use axum::http::{header, StatusCode};
use axum_extra::extract::cookie::Cookie;
use loco_rs::prelude::*;
use serde_json::{json, Value};

use super::{
    throttle::Throttled,
    web_session::{self, Visitor},
};
use crate::{models::validation::FieldErrors, settings::Settings};

/// Renders a page template with the `page` object merged into `data`.
pub fn page(
    v: &TeraView,
    visitor: &Visitor,
    status: StatusCode,
    template: &str,
    mut data: Value,
) -> Result<Response> {
    // Field messages come from the models in English.
    crate::i18n::field_messages::translate_errors(&mut data, visitor.lang);
    if let Value::Object(map) = &mut data {
        map.insert("page".to_string(), serde_json::to_value(visitor.page())?);
        // Templates read `form.x` and `errors.x`; both must exist.
        map.entry("form").or_insert_with(|| json!({}));
        map.entry("errors").or_insert_with(|| json!({}));
    }
    format::render().status(status).view(v, template, data)
}

/// Re-renders a page (`data` as for [`page`]) with the field errors `err`
/// carries, or fails the request when it carries none.
pub fn form_errors(
    v: &TeraView,
    visitor: &Visitor,
    template: &str,
    mut data: Value,
    err: Error,
) -> Result<Response> {
    match FieldErrors::from_error(&err) {
        Some(errors) => {
            if let Value::Object(map) = &mut data {
                map.insert("errors".to_string(), errors);
            }
            page(v, visitor, StatusCode::UNPROCESSABLE_ENTITY, template, data)
        }
        None => Err(err),
    }
}

pub fn throttled_page(
    v: &TeraView,
    visitor: &Visitor,
    template: &str,
    form: Value,
    throttled: &Throttled,
) -> Result<Response> {
    let (status, retry_after) = throttled.status_and_header();
    let mut response = page(
        v,
        visitor,
        status,
        template,
        json!({ "form": form, "alert": throttled.message_in(visitor.lang) }),
    )?;
    if let Ok(value) = retry_after.parse() {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    Ok(response)
}

/// A redirect that shows `message` on the next page.
pub fn redirect_with(
    to: &str,
    kind: &str,
    message: &str,
    ctx: &AppContext,
    extra: &[Cookie<'_>],
) -> Result<Response> {
    let settings = Settings::get(ctx)?;
    let mut cookies = vec![web_session::flash_cookie(kind, message, &settings)];
    cookies.extend(extra.iter().cloned());
    format::render().cookies(&cookies)?.redirect(to)
}

/// For an htmx request, a redirect becomes `HX-Redirect` (htmx would
/// otherwise follow it and swap the whole page into its target).
#[must_use]
pub fn for_htmx(headers: &axum::http::HeaderMap, mut response: Response) -> Response {
    if headers.contains_key("hx-request") && response.status().is_redirection() {
        if let Some(location) = response.headers().get(header::LOCATION).cloned() {
            *response.status_mut() = StatusCode::OK;
            response.headers_mut().insert("hx-redirect", location);
        }
    }
    response
}

/// `data` with the keys of `extra` added (or replaced): a page's own data
/// plus what a particular answer adds, such as a form's errors.
#[must_use]
pub fn merged(mut data: Value, extra: Value) -> Value {
    if let (Value::Object(data), Value::Object(extra)) = (&mut data, extra) {
        data.extend(extra);
    }
    data
}
