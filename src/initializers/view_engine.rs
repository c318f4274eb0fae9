use std::sync::Arc;

use async_trait::async_trait;
use axum::{Extension, Router as AxumRouter};
use loco_rs::{
    app::{AppContext, Initializer},
    controller::views::{engines, ViewEngine},
    Result,
};

use crate::{
    i18n::Lang,
    views::{choices, urls},
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
        let tera = engines::TeraView::from_custom_dir(&VIEWS_DIR, |tera| {
            tera.register_function("url", url);
            register_i18n(tera);
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

/// The language functions of pages and mails: `t()`, and the `money` and
/// `day` filters.
pub fn register_i18n(tera: &mut tera::Tera) {
    tera.register_function("t", translate);
    tera.register_filter("money", money);
    tera.register_filter("day", day);
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

/// The language a template renders in: a `lang=` argument, else the page's
/// (`page.lang`, set from the visitor), else a `lang` in the context (mails).
fn lang_of(kwargs: &tera::Kwargs, state: &tera::State) -> Lang {
    let named = kwargs
        .get::<&str>("lang")
        .ok()
        .flatten()
        .map(str::to_string);
    let page = || {
        state
            .get::<tera::Value>("page")
            .ok()
            .flatten()
            .and_then(|page| {
                page.get_from_path("lang")
                    .and_then(|l| l.as_str().map(String::from))
            })
    };
    let context = || state.get::<String>("lang").ok().flatten();
    named
        .or_else(page)
        .or_else(context)
        .and_then(|code| Lang::of_tag(&code))
        .unwrap_or_default()
}

/// `{{ t(key="nav-expenses") }}`, `{{ t(key="added", description=d) }}`: the
/// Fluent message in the page's language. Other arguments are the message's
/// variables (`snake_case` names become `kebab-case`). A key no language has
/// fails the render, so a typo cannot reach a page.
fn translate(kwargs: tera::Kwargs, state: &tera::State) -> tera::TeraResult<String> {
    use fluent_templates::fluent_bundle::FluentValue;
    use std::borrow::Cow;

    let key: &str = kwargs.must_get("key")?;
    let mut args = std::collections::HashMap::new();
    for (name, value) in kwargs.iter() {
        let Some(name) = name.as_str() else { continue };
        if matches!(name, "key" | "lang" | "__tera_one_off") {
            continue;
        }
        let value = if let Some(n) = value.as_i64() {
            FluentValue::from(n)
        } else if let Some(n) = value.as_f64() {
            FluentValue::from(n)
        } else if let Some(text) = value.as_str() {
            FluentValue::from(text.to_string())
        } else {
            FluentValue::from(value.to_string())
        };
        args.insert(Cow::Owned(name.replace('_', "-")), value);
    }
    lang_of(&kwargs, state)
        .try_text(key, &args)
        .ok_or_else(|| tera::Error::message(format!("no message `{key}` in assets/i18n")))
}

/// `{{ row.amount | money(currency=row.currency) }}`: a plain decimal amount
/// as the page's language writes money (`1.234,56 €`). `"12.34 EUR"` (what
/// the views write where the currency varies) needs no `currency=`.
fn money(value: tera::Value, kwargs: tera::Kwargs, state: &tera::State) -> String {
    let lang = lang_of(&kwargs, state);
    let text = value
        .as_str()
        .map_or_else(|| value.to_string(), String::from);
    let named = kwargs.get::<&str>("currency").ok().flatten();
    match (named, text.split_once(' ')) {
        (Some(code), _) => lang.money(&text, code),
        (None, Some((plain, code))) => lang.money(plain, code),
        (None, None) => lang.number(&text),
    }
}

/// `{{ expense.date | day }}`: a date (`2026-12-07`, or the start of a
/// timestamp) as the page's language writes it; anything else unchanged.
fn day(value: &str, kwargs: tera::Kwargs, state: &tera::State) -> String {
    value
        .get(..10)
        .and_then(|head| chrono::NaiveDate::parse_from_str(head, "%Y-%m-%d").ok())
        .map_or_else(
            || value.to_string(),
            |date| lang_of(&kwargs, state).date(date),
        )
}
