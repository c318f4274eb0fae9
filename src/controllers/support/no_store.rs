//! `Cache-Control: no-store` on every answer but static files: pages and
//! API answers carry someone's data (and pages a CSRF token), which must
//! not stay in a shared computer's browser cache or in a proxy. An answer
//! that sets its own `Cache-Control` (a receipt's file) keeps it.

use axum::{
    extract::Request,
    http::{header, HeaderValue},
    middleware::Next,
};
use loco_rs::{controller::middleware::MiddlewareLayer, prelude::*};

/// Static files are public and cached (`server.middlewares.static`).
fn is_static(path: &str) -> bool {
    path.starts_with("/static/")
}

pub async fn no_store(request: Request, next: Next) -> Response {
    let cacheable = is_static(request.uri().path());
    let mut response = next.run(request).await;
    if !cacheable {
        response
            .headers_mut()
            .entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static("no-store"));
    }
    response
}

pub struct NoStore;

impl MiddlewareLayer for NoStore {
    fn name(&self) -> &'static str {
        "no_store"
    }

    fn config(&self) -> serde_json::Result<serde_json::Value> {
        Ok(serde_json::json!({}))
    }

    fn apply(&self, app: axum::Router<AppContext>) -> Result<axum::Router<AppContext>> {
        Ok(app.layer(axum::middleware::from_fn(no_store)))
    }
}
