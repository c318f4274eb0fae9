//! Browser sessions for the HTML pages: one layer that
//! - resumes the server-side session named by the `se_session` cookie,
//! - checks the CSRF token of every state-changing request (form field
//!   `_csrf` or header `X-CSRF-Token`, which htmx sends), answering 403
//!   before the handler runs when it is missing or wrong,
//! - carries a one-shot flash message across a redirect,
//! - turns JSON error bodies into a styled page for people,
//! - and, when the app is served over https, sends HSTS on every response.
//!
//! The JSON API (`/api/...`) authenticates with bearer tokens, not cookies,
//! so it is left alone, and so are static files and the health probes.

use std::sync::Arc;

use axum::{
    body::{to_bytes, Body},
    extract::{FromRequestParts, Request, State},
    http::{header, request::Parts, HeaderMap, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Redirect},
};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use loco_rs::{controller::middleware::MiddlewareLayer, prelude::*};
use tower_http::set_header::SetResponseHeaderLayer;

type AXRouter<S> = axum::Router<S>;

use crate::{
    i18n::Lang,
    models::{platform, secrets, sessions, users},
    models::{
        tenancy::{self, Scope},
        workspaces,
    },
    settings::Settings,
    views::{
        page::{Flash, NavUser, NavWorkspace, Page},
        urls,
    },
};

/// Two years, subdomains included: the browser will only use https.
const HSTS: &str = "max-age=63072000; includeSubDomains";
pub const SESSION_COOKIE: &str = "se_session";
/// Binds the CSRF token of a signed-out visitor (login and signup forms).
pub const VISITOR_COOKIE: &str = "se_visitor";
pub const FLASH_COOKIE: &str = "se_flash";
pub const CSRF_FIELD: &str = "_csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";
/// Form bodies are read whole to find the CSRF field; nothing bigger is a form.
const FORM_BODY_LIMIT: usize = 1024 * 1024;

/// The signed-in person behind a request.
#[derive(Clone, Debug)]
pub struct SignedIn {
    pub user: users::Model,
    pub session: sessions::Model,
}

/// What the session layer learned about a page request.
#[derive(Clone, Debug)]
pub struct Visitor {
    pub signed_in: Option<SignedIn>,
    /// The signed-in user's workspaces, for the header's switcher.
    pub workspaces: Vec<NavWorkspace>,
    pub csrf_token: String,
    pub flash: Option<Flash>,
    pub dev_mailbox: bool,
    /// The path asked for, so that the navigation marks where one is.
    pub path: String,
    /// An operator of the instance: the header links the console.
    pub operator: bool,
    /// The language the visitor reads: their setting, their browser's, the
    /// instance's.
    pub lang: Lang,
}

impl Visitor {
    /// The `page` object every template renders.
    #[must_use]
    pub fn page(&self) -> Page {
        Page {
            user: self.signed_in.as_ref().map(|s| NavUser::from(&s.user)),
            workspaces: self.workspaces.clone(),
            current_workspace: self
                .workspaces
                .iter()
                .find(|w| w.current)
                .map(|w| w.name.clone()),
            csrf_token: self.csrf_token.clone(),
            flash: self.flash.clone(),
            dev_mailbox: self.dev_mailbox,
            path: self.path.clone(),
            operator: self.operator,
            lang: self.lang,
        }
    }
}

fn is_page_path(path: &str) -> bool {
    !(path.starts_with("/api/")
        || path == "/api"
        || path.starts_with("/static/")
        || path.starts_with("/webhooks/")
        || matches!(path, "/_health" | "/_readiness" | "/_ping"))
}

/// The CSRF token for a session or a signed-out visitor: an HMAC of the
/// binding under the app secret, so it needs no storage and dies with the
/// session (a new login means a new token).
fn csrf_token(secret: &str, binding: &str) -> String {
    secrets::sign(secret, &format!("csrf:{binding}"))
}

/// The layer as a Loco middleware, so it sits inside Loco's stack.
pub struct WebSessionLayer {
    ctx: AppContext,
}

impl WebSessionLayer {
    #[must_use]
    pub fn new(ctx: &AppContext) -> Self {
        Self { ctx: ctx.clone() }
    }
}

impl MiddlewareLayer for WebSessionLayer {
    fn name(&self) -> &'static str {
        "web_session"
    }

    fn config(&self) -> serde_json::Result<serde_json::Value> {
        Ok(serde_json::json!({}))
    }

    /// Also sends HSTS on every response when the app is served over https.
    fn apply(&self, app: AXRouter<AppContext>) -> Result<AXRouter<AppContext>> {
        let app = app.layer(axum::middleware::from_fn_with_state(
            self.ctx.clone(),
            layer,
        ));
        if Settings::get(&self.ctx)?.is_https() {
            return Ok(app.layer(SetResponseHeaderLayer::if_not_present(
                header::STRICT_TRANSPORT_SECURITY,
                HeaderValue::from_static(HSTS),
            )));
        }
        Ok(app)
    }
}

pub async fn layer(State(ctx): State<AppContext>, req: Request, next: Next) -> Response {
    if !is_page_path(req.uri().path()) {
        return next.run(req).await;
    }
    match handle(&ctx, req, next).await {
        Ok(response) => response,
        Err(err) => error_page(&ctx, None, err.into_response()).await,
    }
}

async fn handle(ctx: &AppContext, mut req: Request, next: Next) -> Result<Response> {
    let settings = Settings::get(ctx)?;
    let secret = &ctx.config.get_jwt_config()?.secret;
    let jar = CookieJar::from_headers(req.headers());
    let mut set_cookies: Vec<Cookie<'static>> = Vec::new();

    let session_cookie = jar.get(SESSION_COOKIE).map(|c| c.value().to_string());
    let signed_in = match &session_cookie {
        Some(token) => sessions::Model::resume(&ctx.db, token, &settings.sessions)
            .await?
            .map(|(session, user)| SignedIn { user, session }),
        None => None,
    };
    if session_cookie.is_some() && signed_in.is_none() {
        set_cookies.push(removal(SESSION_COOKIE));
    }

    let binding = if let Some(signed_in) = &signed_in {
        format!("session:{}", signed_in.session.token_hash)
    } else if let Some(visitor) = jar.get(VISITOR_COOKIE) {
        format!("visitor:{}", visitor.value())
    } else {
        let visitor = secrets::new_token();
        set_cookies.push(cookie(VISITOR_COOKIE, visitor.clone(), &settings));
        format!("visitor:{visitor}")
    };
    let token = csrf_token(secret, &binding);

    let flash = jar.get(FLASH_COOKIE).and_then(|c| decode_flash(c.value()));

    let lang = Lang::pick(
        signed_in.as_ref().and_then(|s| s.user.language.as_deref()),
        req.headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
        settings.default_language,
    );

    if !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        let (checked, ok) = check_csrf(req, &token).await?;
        if !ok {
            let refusal = (StatusCode::FORBIDDEN, lang.text("auth-form-expired"));
            // In the visitor's language, without the signed-in header.
            let header = Page {
                user: None,
                workspaces: Vec::new(),
                current_workspace: None,
                csrf_token: String::new(),
                flash: None,
                dev_mailbox: false,
                path: String::new(),
                operator: false,
                lang,
            };
            return Ok(error_page(ctx, Some(header), refusal.into_response()).await);
        }
        req = checked;
    }

    let (workspaces, operator) = match &signed_in {
        Some(signed_in) => (
            switcher(ctx, &signed_in.user, req.uri().path()).await?,
            !platform::roles_of(&ctx.db, signed_in.user.id)
                .await?
                .is_empty(),
        ),
        None => (Vec::new(), false),
    };
    let visitor = Visitor {
        lang,
        path: req.uri().path().to_string(),
        operator,
        signed_in,
        workspaces,
        csrf_token: token,
        flash: flash.clone(),
        dev_mailbox: settings.mail.folder.is_some()
            && ctx.environment == loco_rs::environment::Environment::Development,
    };
    // An error page keeps the header of the visitor's other pages.
    let header = Page {
        flash: None,
        ..visitor.page()
    };
    req.extensions_mut().insert(visitor);

    let mut response = next.run(req).await;

    // A flash is shown once: drop it after the page that displayed it.
    let sets_flash = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .any(|v| v.to_str().is_ok_and(|v| v.starts_with(FLASH_COOKIE)));
    if flash.is_some() && !sets_flash && !response.status().is_redirection() {
        set_cookies.push(removal(FLASH_COOKIE));
    }
    for cookie in set_cookies {
        if let Ok(value) = cookie.encoded().to_string().parse() {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    Ok(error_page(ctx, Some(header), response).await)
}

/// How many workspaces the header's switcher lists (besides the current
/// one); "All workspaces" links to the rest.
const SWITCHER_MAX: u64 = 12;

/// The header's workspace list; the one the page at `path` is in is current.
async fn switcher(ctx: &AppContext, user: &users::Model, path: &str) -> Result<Vec<NavWorkspace>> {
    let current = path
        .strip_prefix("/w/")
        .and_then(|rest| rest.split('/').next())
        .and_then(|id| Uuid::parse_str(id).ok());
    let db = tenancy::begin_read(
        &ctx.db,
        Scope {
            user_id: Some(user.id),
            ..Scope::default()
        },
    )
    .await?;
    Ok(
        workspaces::Model::first_for_user(&db, user.id, current, SWITCHER_MAX)
            .await?
            .into_iter()
            .map(|w| NavWorkspace {
                current: Some(w.pid) == current,
                id: w.pid.to_string(),
                name: w.name,
            })
            .collect(),
    )
}

/// Reads the CSRF token from the header or the form body; returns the
/// request (body restored) and whether the token matched.
async fn check_csrf(req: Request, expected: &str) -> Result<(Request, bool)> {
    if let Some(sent) = req.headers().get(CSRF_HEADER) {
        let ok = sent
            .to_str()
            .is_ok_and(|sent| secrets::same(sent, expected));
        return Ok((req, ok));
    }
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if content_type.starts_with("multipart/form-data") {
        // A file upload without JavaScript cannot send the header, and its
        // body is too large to read here: the form puts it in its URL.
        let ok = req
            .uri()
            .query()
            .and_then(|q| serde_urlencoded::from_str::<Vec<(String, String)>>(q).ok())
            .and_then(|fields| fields.into_iter().find(|(name, _)| name == CSRF_FIELD))
            .is_some_and(|(_, sent)| secrets::same(&sent, expected));
        return Ok((req, ok));
    }
    if !content_type.starts_with("application/x-www-form-urlencoded") {
        return Ok((req, false));
    }
    let (parts, body) = req.into_parts();
    let Ok(bytes) = to_bytes(body, FORM_BODY_LIMIT).await else {
        return Ok((Request::from_parts(parts, Body::empty()), false));
    };
    let ok = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes)
        .ok()
        .and_then(|fields| fields.into_iter().find(|(name, _)| name == CSRF_FIELD))
        .is_some_and(|(_, sent)| secrets::same(&sent, expected));
    Ok((Request::from_parts(parts, Body::from(bytes)), ok))
}

/// A cookie with the flags every cookie of ours carries.
#[must_use]
pub fn cookie(name: &'static str, value: String, settings: &Settings) -> Cookie<'static> {
    Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(settings.is_https())
        .build()
}

fn removal(name: &'static str) -> Cookie<'static> {
    let mut cookie = Cookie::build((name, "")).path("/").build();
    cookie.make_removal();
    cookie
}

/// The cookies that sign a browser in: the session, with a lifetime no
/// longer than the session's own.
#[must_use]
pub fn session_cookie(token: String, settings: &Settings) -> Cookie<'static> {
    let mut cookie = cookie(SESSION_COOKIE, token, settings);
    cookie.set_max_age(::cookie::time::Duration::hours(
        settings.sessions.absolute_lifetime_hours,
    ));
    cookie
}

#[must_use]
pub fn session_removal() -> Cookie<'static> {
    removal(SESSION_COOKIE)
}

/// A flash message to show on the next page.
#[must_use]
pub fn flash_cookie(kind: &str, message: &str, settings: &Settings) -> Cookie<'static> {
    let value =
        serde_urlencoded::to_string([("kind", kind), ("message", message)]).unwrap_or_default();
    cookie(FLASH_COOKIE, value, settings)
}

fn decode_flash(value: &str) -> Option<Flash> {
    let fields: Vec<(String, String)> = serde_urlencoded::from_str(value).ok()?;
    let get = |key: &str| {
        fields
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, v)| v.clone())
    };
    let kind = get("kind")?;
    if kind != "notice" && kind != "alert" {
        return None;
    }
    Some(Flash {
        kind,
        message: get("message")?,
    })
}

/// Replaces a JSON or plain error body with the styled error page, keeping
/// the status and headers (such as `Retry-After`). Pages that render their
/// own HTML, and htmx requests, are passed through. `header`: the visitor's
/// header (signed in, their workspaces), when the request got that far.
async fn error_page(ctx: &AppContext, header: Option<Page>, response: Response) -> Response {
    let status = response.status();
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if status.as_u16() < 400 || is_html {
        return response;
    }
    let (parts, body) = response.into_parts();
    let lang = header.as_ref().map_or_else(Lang::default, |page| page.lang);
    let message = match status {
        StatusCode::NOT_FOUND => lang.text("error-not-found"),
        StatusCode::FORBIDDEN
        | StatusCode::PAYMENT_REQUIRED
        | StatusCode::TOO_MANY_REQUESTS
        | StatusCode::PAYLOAD_TOO_LARGE
        | StatusCode::REQUEST_TIMEOUT => {
            // These carry a message written for people (in English, as
            // the API answers it).
            body_message(body).await.map_or_else(
                || lang.text("error-unhandled"),
                |english| lang.field_message(&english),
            )
        }
        StatusCode::UNAUTHORIZED => lang.text("error-log-in"),
        s if s.is_server_error() => lang.text("error-ours"),
        _ => lang.text("error-unhandled"),
    };
    let html = render_error(ctx, header, status, &message);
    let mut response = (status, axum::response::Html(html)).into_response();
    for (name, value) in &parts.headers {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            response.headers_mut().append(name, value.clone());
        }
    }
    response
}

/// The message of an error body written for people: plain text as is, or
/// the `description` of a JSON error; `None` for an empty or unreadable one.
async fn body_message(body: Body) -> Option<String> {
    let bytes = to_bytes(body, FORM_BODY_LIMIT).await.ok()?;
    let text = String::from_utf8_lossy(&bytes).to_string();
    if text.starts_with('{') {
        serde_json::from_str::<serde_json::Value>(&text)
            .ok()?
            .get("description")?
            .as_str()
            .map(String::from)
    } else {
        Some(text).filter(|t| !t.is_empty())
    }
}

fn render_error(
    ctx: &AppContext,
    header: Option<Page>,
    status: StatusCode,
    message: &str,
) -> String {
    let page = header.unwrap_or_else(|| Page {
        user: None,
        workspaces: Vec::new(),
        current_workspace: None,
        csrf_token: String::new(),
        flash: None,
        dev_mailbox: false,
        path: String::new(),
        operator: false,
        lang: Lang::default(),
    });
    let reason = page
        .lang
        .try_text(&format!("status-{}", status.as_u16()), &Default::default())
        .unwrap_or_else(|| status.canonical_reason().unwrap_or("Error").to_string());
    let rendered = ctx
        .shared_store
        .get::<Arc<TeraView>>()
        .ok_or_else(|| Error::string("view engine missing"))
        .and_then(|views| {
            views.render(
                "errors/error.html",
                serde_json::json!({
                    "page": page,
                    "status": status.as_u16(),
                    "reason": reason,
                    "message": message,
                }),
            )
        });
    rendered.unwrap_or_else(|err| {
        tracing::error!(error = %err, "could not render the error page");
        format!("<!doctype html><title>{status}</title><h1>{status}</h1><p>{message}</p>")
    })
}

impl<S: Send + Sync> FromRequestParts<S> for Visitor {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> std::result::Result<Self, Response> {
        parts.extensions.get::<Self>().cloned().ok_or_else(|| {
            tracing::error!("page handler reached without the session layer");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        })
    }
}

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = Response;

    /// Signed-out visitors are sent to the login page, and back here after.
    async fn from_request_parts(
        parts: &mut Parts,
        state: &S,
    ) -> std::result::Result<Self, Response> {
        let visitor = Visitor::from_request_parts(parts, state).await?;
        visitor
            .signed_in
            .ok_or_else(|| login_redirect(&parts.headers, parts.uri.path()))
    }
}

/// Sends a signed-out visitor to the login page, and back to `path` after.
pub fn login_redirect(headers: &HeaderMap, path: &str) -> Response {
    let next = serde_urlencoded::to_string([("next", path)]).unwrap_or_default();
    let target = format!("{}?{next}", urls::login());
    if headers.contains_key("hx-request") {
        // htmx follows this header with a full page load.
        return ([("hx-redirect", target)], StatusCode::UNAUTHORIZED).into_response();
    }
    Redirect::to(&target).into_response()
}
