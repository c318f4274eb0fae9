use axum::http::StatusCode;
use loco_rs::prelude::*;

use crate::{controllers::support::web_session::Visitor, views::page::NoData};

/// The landing page: a welcome for visitors, the start page once signed in.
#[debug_handler]
async fn index(ViewEngine(v): ViewEngine<TeraView>, visitor: Visitor) -> Result<Response> {
    super::render(&v, &visitor, StatusCode::OK, "home/index.html", &NoData {})
}

/// What makes the app installable on a phone's home screen: its name,
/// icons, colours and where it starts.
#[debug_handler]
async fn manifest() -> Result<Response> {
    let manifest = serde_json::json!({
        "name": "SmartExpense",
        "short_name": "Expenses",
        "description": "Expense tracking for households and teams",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#00895a",
        "icons": [
            {"src": "/static/icons/icon-192.png", "sizes": "192x192", "type": "image/png"},
            {"src": "/static/icons/icon-512.png", "sizes": "512x512", "type": "image/png"},
            {"src": "/static/icons/icon.svg", "sizes": "any", "type": "image/svg+xml"}
        ]
    });
    Ok((
        [(
            axum::http::header::CONTENT_TYPE,
            "application/manifest+json",
        )],
        manifest.to_string(),
    )
        .into_response())
}

/// The service worker: it keeps the app's frame and the pages a member
/// opened for reading offline, and the page that says what still works
/// offline. Served from the root so that its scope is the whole app;
/// `no-cache` so that a deploy's new worker is seen at the next visit.
#[debug_handler]
async fn service_worker() -> Result<Response> {
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, "text/javascript"),
            (axum::http::header::CACHE_CONTROL, "no-cache"),
        ],
        SERVICE_WORKER,
    )
        .into_response())
}

const SERVICE_WORKER: &str = include_str!("../../../assets/static/js/sw.js");

/// What a page not kept on the device shows while offline (the service
/// worker keeps it when it installs).
#[debug_handler]
async fn offline(ViewEngine(v): ViewEngine<TeraView>, visitor: Visitor) -> Result<Response> {
    super::render(
        &v,
        &visitor,
        StatusCode::OK,
        "home/offline.html",
        &NoData {},
    )
}

pub fn routes() -> Routes {
    Routes::new()
        .add("/", get(index))
        .add("/manifest.webmanifest", get(manifest))
        .add("/sw.js", get(service_worker))
        .add("/offline", get(offline))
}
