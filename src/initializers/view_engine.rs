use std::sync::Arc;

use async_trait::async_trait;
use axum::{Extension, Router as AxumRouter};
use loco_rs::{
    app::{AppContext, Initializer},
    controller::views::{engines, ViewEngine},
    Result,
};

/// Page templates live in the top-level `views/` folder.
const VIEWS_DIR: &str = "views";

#[allow(clippy::module_name_repetitions)]
pub struct ViewEngineInitializer;

#[async_trait]
impl Initializer for ViewEngineInitializer {
    fn name(&self) -> String {
        "view-engine".to_string()
    }

    async fn after_routes(&self, router: AxumRouter, ctx: &AppContext) -> Result<AxumRouter> {
        let tera = engines::TeraView::from_custom_dir(&VIEWS_DIR, |_| Ok(()))?;
        // The session layer renders error pages outside any handler.
        ctx.shared_store.insert(Arc::new(tera.clone()));
        Ok(router.layer(Extension(ViewEngine::from(tera))))
    }
}
