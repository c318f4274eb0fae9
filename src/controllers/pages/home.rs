use loco_rs::prelude::*;
use serde_json::json;

use crate::controllers::support::web_session::Visitor;

/// The landing page: a welcome for visitors, the start page once signed in.
#[debug_handler]
async fn index(ViewEngine(v): ViewEngine<TeraView>, visitor: Visitor) -> Result<Response> {
    format::view(&v, "home/index.html", json!({ "page": visitor.page() }))
}

pub fn routes() -> Routes {
    Routes::new().add("/", get(index))
}
