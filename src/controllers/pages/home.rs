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

pub fn routes() -> Routes {
    Routes::new()
        .add("/", get(index))
        .add("/manifest.webmanifest", get(manifest))
}
