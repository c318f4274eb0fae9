//! Every error the API answers is JSON of one shape, `{error, description,
//! errors}`: also the framework's own rejections (a bad query or path, a
//! broken multipart body, a method the route does not take), which axum
//! answers as plain text or with no body at all. A 401 says how to
//! authenticate (`WWW-Authenticate: Bearer`).

use axum::{
    body::Body,
    extract::Request,
    http::{header, HeaderValue, StatusCode},
    middleware::Next,
};
use loco_rs::prelude::*;
use serde_json::json;

/// The most of a plain-text error body kept as its description.
const DESCRIPTION_MAX_BYTES: usize = 4096;

/// `Method Not Allowed` -> `method_not_allowed`.
fn slug(status: StatusCode) -> String {
    status
        .canonical_reason()
        .unwrap_or("error")
        .to_ascii_lowercase()
        .replace(['\'', '-'], "")
        .replace(' ', "_")
}

fn is_json(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}

pub async fn api_errors(request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    if status == StatusCode::UNAUTHORIZED {
        parts
            .headers
            .entry(header::WWW_AUTHENTICATE)
            .or_insert(HeaderValue::from_static("Bearer"));
    }
    if is_json(&parts.headers) {
        return Response::from_parts(parts, body);
    }
    let text = axum::body::to_bytes(body, DESCRIPTION_MAX_BYTES)
        .await
        .map(|bytes| String::from_utf8_lossy(&bytes).trim().to_string())
        .unwrap_or_default();
    let description = if text.is_empty() {
        status.canonical_reason().unwrap_or("error").to_string()
    } else {
        text
    };
    let body = json!({ "error": slug(status), "description": description }).to_string();
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(body))
}
