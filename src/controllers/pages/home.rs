use axum::http::StatusCode;
use loco_rs::prelude::*;

use crate::{controllers::support::web_session::Visitor, views::page::NoData};

/// The landing page: a welcome for visitors, the start page once signed in.
#[debug_handler]
async fn index(ViewEngine(v): ViewEngine<TeraView>, visitor: Visitor) -> Result<Response> {
    super::render(&v, &visitor, StatusCode::OK, "home/index.html", &NoData {})
}

pub fn routes() -> Routes {
    Routes::new().add("/", get(index))
}
