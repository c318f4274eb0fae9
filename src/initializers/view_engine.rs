use std::sync::Arc;

use async_trait::async_trait;
use axum::{Extension, Router as AxumRouter};
use loco_rs::{
    app::{AppContext, Initializer},
    controller::views::{engines, ViewEngine},
    Result,
};

use crate::views::{choices, urls};

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
        let tera = engines::TeraView::from_custom_dir(&VIEWS_DIR, |tera| {
            tera.register_function("url", url);
            tera.register_function("currencies", |kwargs: tera::Kwargs, _: &tera::State| {
                let current = kwargs.get::<&str>("current").ok().flatten();
                Ok(tera::Value::from_serializable(&choices::currencies_with(
                    current,
                )))
            });
            tera.register_function("time_zones", |kwargs: tera::Kwargs, _: &tera::State| {
                let current = kwargs.get::<&str>("current").ok().flatten();
                Ok(tera::Value::from_serializable(&choices::time_zones_with(
                    current,
                )))
            });
            Ok(())
        })?;
        // The session layer renders error pages outside any handler.
        ctx.shared_store.insert(Arc::new(tera.clone()));
        Ok(router.layer(Extension(ViewEngine::from(tera))))
    }
}

/// `{{ url(to="budgets", w=workspace.id) }}`: the page's path from
/// [`urls::named`]; a wrong name or a missing argument fails the render.
fn url(kwargs: tera::Kwargs, _: &tera::State) -> tera::TeraResult<String> {
    let to: &str = kwargs.must_get("to")?;
    let arg = |name: &str| {
        let value = kwargs.get::<tera::Value>(name).ok().flatten()?;
        if value.is_none() || value.is_undefined() {
            return None;
        }
        Some(
            value
                .as_str()
                .map_or_else(|| value.to_string(), String::from),
        )
    };
    urls::named(to, arg).map_err(tera::Error::message)
}
