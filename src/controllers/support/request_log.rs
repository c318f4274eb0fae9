//! The request log, in place of Loco's `logger` middleware:
//! - one span per request whose `http.uri` keeps no secrets: the path
//!   segments of emailed links (`/reset-password/{token}`, `/verify/{token}`,
//!   `/invitations/{token}`) and every query value (`?_csrf=`, a `next` that
//!   holds an invitation link) are written as `[redacted]`;
//! - a refused request logged at the level its status deserves: Loco logs
//!   every error a handler returns at ERROR (each 404 and 422 among them,
//!   burying real faults). Its event is held back while the request runs
//!   ([`ErrorStash`] and the [`NotStashed`] filter on the output) and
//!   written once the status is known: 5xx at ERROR, 404 at DEBUG, other
//!   4xx at INFO.
//!
//! [`init`] builds the process's subscriber (the `init_logger` hook) with
//! Loco's format and filter plus those two parts; tests build the same
//! stack with [`layers`].

use std::cell::RefCell;

use axum::{
    body::Body,
    extract::{MatchedPath, Request},
    http::{StatusCode, Uri},
    middleware::Next,
};
use loco_rs::{
    app::Hooks,
    config,
    controller::middleware::{request_id::LocoRequestId, MiddlewareLayer},
    environment::Environment,
    logger::{self, Format},
    prelude::*,
};
use tower_http::{add_extension::AddExtensionLayer, trace::TraceLayer};
use tracing::{
    field::{Field, Visit},
    subscriber::Interest,
    Event, Level, Metadata, Span, Subscriber,
};
use tracing_subscriber::{
    fmt::MakeWriter,
    layer::{Context, Filter, SubscriberExt},
    util::SubscriberInitExt,
    Layer, Registry,
};

/// Where Loco logs the error a handler returned.
const LOCO_ERRORS: &str = "loco_rs::controller";
/// Route parameters that carry a secret.
const SECRET_PARAMS: &[&str] = &["{token}"];
const REDACTED: &str = "[redacted]";

tokio::task_local! {
    /// The error event Loco emitted in this request, held until its status
    /// is known.
    static STASH: RefCell<Option<Stashed>>;
}

/// The fields of Loco's `controller_error` event.
#[derive(Debug, Default)]
struct Stashed {
    message: String,
    details: String,
}

impl Visit for Stashed {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        match field.name() {
            "error.msg" => self.message = format!("{value:?}"),
            "error.details" => self.details = format!("{value:?}"),
            _ => {}
        }
    }
}

fn is_loco_error(meta: &Metadata<'_>) -> bool {
    meta.is_event()
        && meta.target() == LOCO_ERRORS
        && *meta.level() == Level::ERROR
        && meta.fields().field("error.msg").is_some()
}

/// Holds Loco's error event of a request (see [`log_errors`]).
pub struct ErrorStash;

impl<S: Subscriber> Layer<S> for ErrorStash {
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        if is_loco_error(event.metadata()) {
            let mut stashed = Stashed::default();
            event.record(&mut stashed);
            // Outside a request there is no stash, and the event is written.
            let _ = STASH.try_with(|slot| *slot.borrow_mut() = Some(stashed));
        }
    }
}

/// The output's filter: passes everything but the events [`ErrorStash`]
/// holds back.
pub struct NotStashed;

impl<S> Filter<S> for NotStashed {
    fn enabled(&self, _: &Metadata<'_>, _: &Context<'_, S>) -> bool {
        true
    }

    fn callsite_enabled(&self, meta: &'static Metadata<'static>) -> Interest {
        if is_loco_error(meta) {
            Interest::sometimes()
        } else {
            Interest::always()
        }
    }

    fn event_enabled(&self, event: &Event<'_>, _: &Context<'_, S>) -> bool {
        !(is_loco_error(event.metadata()) && STASH.try_with(|_| ()).is_ok())
    }
}

/// The level a refused request is logged at.
#[must_use]
pub fn level_for(status: StatusCode) -> Level {
    if status.is_server_error() {
        Level::ERROR
    } else if status == StatusCode::NOT_FOUND {
        Level::DEBUG
    } else {
        Level::INFO
    }
}

/// Runs the request with a stash for Loco's error event, then writes it at
/// the level of the answer's status.
pub async fn log_errors(request: Request, next: Next) -> Response {
    STASH
        .scope(RefCell::new(None), async move {
            let response = next.run(request).await;
            if let Some(error) = STASH.with(|slot| slot.borrow_mut().take()) {
                let status = response.status().as_u16();
                let (message, details) = (error.message, error.details);
                match level_for(response.status()) {
                    Level::ERROR => tracing::error!(
                        status,
                        error.msg = message,
                        error.details = details,
                        "controller_error"
                    ),
                    Level::INFO => tracing::info!(
                        status,
                        error.msg = message,
                        error.details = details,
                        "client_error"
                    ),
                    _ => tracing::debug!(
                        status,
                        error.msg = message,
                        error.details = details,
                        "client_error"
                    ),
                }
            }
            response
        })
        .await
}

/// `uri` as the log shows it: route parameters that carry a secret and
/// every query value redacted. `route` is the matched route's template;
/// without one (no route matched), long token-like segments are redacted.
#[must_use]
pub fn redacted_uri(uri: &Uri, route: Option<&str>) -> String {
    let template: Vec<&str> = route.map(|r| r.split('/').collect()).unwrap_or_default();
    let path: Vec<&str> = uri
        .path()
        .split('/')
        .enumerate()
        .map(|(i, segment)| {
            let secret = match route {
                Some(_) => template.get(i).is_some_and(|p| SECRET_PARAMS.contains(p)),
                None => looks_like_a_token(segment),
            };
            if secret {
                REDACTED
            } else {
                segment
            }
        })
        .collect();
    let mut logged = path.join("/");
    if let Some(query) = uri.query() {
        let pairs: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((name, _)) => format!("{name}={REDACTED}"),
                None => pair.to_string(),
            })
            .collect();
        logged.push('?');
        logged.push_str(&pairs.join("&"));
    }
    logged
}

/// Our emailed tokens are 32 random bytes, written in 43 or more URL-safe
/// characters.
fn looks_like_a_token(segment: &str) -> bool {
    segment.len() >= 40
        && segment
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Loco's request span, with the URI redacted.
fn make_span(request: &axum::http::Request<Body>) -> Span {
    let ext = request.extensions();
    let request_id = ext
        .get::<LocoRequestId>()
        .map_or("req-id-none", LocoRequestId::get);
    let user_agent = request
        .headers()
        .get(axum::http::header::USER_AGENT)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    let environment = ext
        .get::<Environment>()
        .map(ToString::to_string)
        .unwrap_or_default();
    let uri = redacted_uri(
        request.uri(),
        ext.get::<MatchedPath>().map(MatchedPath::as_str),
    );
    tracing::error_span!(
        "http-request",
        "http.method" = %request.method(),
        "http.uri" = %uri,
        "http.version" = ?request.version(),
        "http.user_agent" = %user_agent,
        "environment" = %environment,
        request_id = %request_id,
    )
}

/// Takes the place of Loco's `logger` middleware (and its setting,
/// `server.middlewares.logger.enable`); errors are logged by level either
/// way.
pub struct RequestLog {
    trace: bool,
    environment: Environment,
}

impl RequestLog {
    #[must_use]
    pub fn new(ctx: &AppContext) -> Self {
        Self {
            trace: ctx
                .config
                .server
                .middlewares
                .logger
                .as_ref()
                .is_none_or(|logger| logger.enable),
            environment: ctx.environment.clone(),
        }
    }
}

impl MiddlewareLayer for RequestLog {
    fn name(&self) -> &'static str {
        "logger"
    }

    fn config(&self) -> serde_json::Result<serde_json::Value> {
        Ok(serde_json::json!({ "enable": self.trace }))
    }

    fn apply(&self, app: axum::Router<AppContext>) -> Result<axum::Router<AppContext>> {
        let app = app.layer(axum::middleware::from_fn(log_errors));
        if !self.trace {
            return Ok(app);
        }
        Ok(app
            .layer(TraceLayer::new_for_http().make_span_with(make_span))
            .layer(AddExtensionLayer::new(self.environment.clone())))
    }
}

/// The output layers in Loco's `format`, writing to `writer`: the
/// formatted output without the events held back, and the stash.
pub fn layers<W>(
    writer: W,
    format: &Format,
    ansi: bool,
) -> Vec<Box<dyn Layer<Registry> + Send + Sync>>
where
    W: for<'writer> MakeWriter<'writer> + Send + Sync + 'static,
{
    vec![
        Box::new(ErrorStash),
        Box::new(logger::init_layer(writer, format, ansi).with_filter(NotStashed)),
    ]
}

/// The `init_logger` hook: Loco's stdout logger, format and filter, with
/// errors logged by level. With Loco's file appender configured, Loco's
/// own logger is used (its errors then all at ERROR, as before).
///
/// # Errors
/// When a global subscriber is already set.
pub fn init<H: Hooks>(config: &config::Logger) -> Result<bool> {
    let files = config.file_appender.as_ref().is_some_and(|f| f.enable);
    if files || !config.enable {
        return Ok(false);
    }
    tracing_subscriber::registry()
        .with(layers(std::io::stdout, &config.format, true))
        .with(logger::init_env_filter::<H>(
            config.override_filter.as_ref(),
            &config.level,
        ))
        .try_init()
        .map_err(|err| Error::string(&format!("logger: {err}")))?;
    Ok(true)
}
