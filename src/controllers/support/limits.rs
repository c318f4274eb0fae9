//! Limits on what one client sends: how long it may take to send a request
//! body, and how large the body of each kind of route may be.
//!
//! A workspace route opens its transaction while its extractors run (see
//! [`super::access::Member`]), and on SQLite a transaction that may write
//! holds the lock on the whole database. So every such route reads its whole
//! body first ([`read_first`], declared by `access::requires*`): a client
//! sending slowly, or too much, holds only its own connection and at most
//! its route's limit of memory, never a lock or a pooled connection. The
//! global layer ([`guard`]) gives every body, on every route, a time limit.

use std::time::Duration;

use axum::{
    body::{Body, Bytes},
    extract::{FromRequest, Request},
    http::{header, HeaderMap, StatusCode},
    middleware::Next,
    response::IntoResponse,
    routing::MethodRouter,
};
use futures_util::StreamExt;
use loco_rs::{controller::ErrorDetail, prelude::*};
use tokio::time::Instant;

use crate::settings::{LimitSettings, Settings};

/// What a route receives, which decides how large its body may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    /// A form or a JSON body: `server.middlewares.limit_payload`.
    Form,
    /// Receipts: `receipts.max_file_mb` per file, `uploads::MAX_FILES` files.
    Files,
    /// A bank statement to import: `limits.import_mb`.
    Import,
    /// A workspace archive to restore: `limits.archive_mb`.
    Archive,
}

/// Room for the multipart framing and the other fields around the files.
pub const FRAMING_BYTES: usize = 64 * 1024;

/// The limits of this request, put in its extensions by [`guard`].
#[derive(Debug, Clone, Copy)]
pub struct RequestLimits {
    form_bytes: usize,
    files_bytes: usize,
    /// One file of an upload, and one text field beside it.
    file_bytes: usize,
    field_bytes: usize,
    import_bytes: usize,
    archive_bytes: usize,
}

impl RequestLimits {
    fn new(ctx: &AppContext, settings: &Settings) -> Self {
        let form_bytes = match ctx
            .config
            .server
            .middlewares
            .limit_payload
            .clone()
            .unwrap_or_default()
            .body_limit
        {
            loco_rs::controller::middleware::limit_payload::DefaultBodyLimitKind::Limit(n) => n,
            loco_rs::controller::middleware::limit_payload::DefaultBodyLimitKind::Disable => {
                usize::MAX
            }
        };
        let limits = &settings.limits;
        Self {
            form_bytes,
            files_bytes: (settings.receipts.max_file_bytes() + FRAMING_BYTES)
                .saturating_mul(super::uploads::MAX_FILES),
            file_bytes: settings.receipts.max_file_bytes(),
            field_bytes: limits.form_field_bytes(),
            import_bytes: limits.import_bytes() + FRAMING_BYTES,
            archive_bytes: limits.archive_bytes() + FRAMING_BYTES,
        }
    }

    /// The largest body a route of `kind` reads.
    #[must_use]
    pub fn bytes(&self, kind: BodyKind) -> usize {
        match kind {
            BodyKind::Form => self.form_bytes,
            BodyKind::Files => self.files_bytes,
            BodyKind::Import => self.import_bytes,
            BodyKind::Archive => self.archive_bytes,
        }
    }
}

/// A body that stopped arriving, or took longer than its time in all.
#[derive(Debug)]
struct TooSlow;

impl std::fmt::Display for TooSlow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the request body was not sent in time")
    }
}

impl std::error::Error for TooSlow {}

fn has_body(headers: &HeaderMap) -> bool {
    headers.contains_key(header::TRANSFER_ENCODING)
        || headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim() != "0")
}

/// `body`, failing with [`TooSlow`] when nothing arrives for `idle` or the
/// whole has not arrived by `until`.
fn timed(body: Body, idle: Duration, until: Instant) -> Body {
    let chunks =
        futures_util::stream::unfold(Some(body.into_data_stream()), move |state| async move {
            let mut chunks = state?;
            let by = (Instant::now() + idle).min(until);
            match tokio::time::timeout_at(by, chunks.next()).await {
                Ok(Some(chunk)) => Some((chunk.map_err(axum::BoxError::from), Some(chunks))),
                Ok(None) => None,
                Err(_) => Some((Err(axum::BoxError::from(TooSlow)), None)),
            }
        });
    Body::from_stream(chunks)
}

/// The global layer, outermost: puts this request's [`RequestLimits`] in
/// its extensions and gives its body the time limits of `limits.*_seconds`.
pub async fn guard(
    axum::extract::State(ctx): axum::extract::State<AppContext>,
    mut request: Request,
    next: Next,
) -> Response {
    let settings = match Settings::get(&ctx) {
        Ok(settings) => settings,
        Err(err) => return err.into_response(),
    };
    request
        .extensions_mut()
        .insert(RequestLimits::new(&ctx, &settings));
    if has_body(request.headers()) {
        let LimitSettings {
            body_idle_seconds,
            body_seconds,
            ..
        } = settings.limits;
        let until = Instant::now() + Duration::from_secs(body_seconds.into());
        request =
            request.map(|body| timed(body, Duration::from_secs(body_idle_seconds.into()), until));
    }
    next.run(request).await
}

/// Declares that a route reads its whole body, of `kind`, before its
/// handler runs (see the module's comment). The handler's own extractors
/// then read it from memory, so their limit is lifted here.
pub fn read_first(kind: BodyKind, route: MethodRouter<AppContext>) -> MethodRouter<AppContext> {
    route
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(axum::middleware::from_fn(
            move |request: Request, next: Next| async move {
                match read_body(kind, request).await {
                    Ok(request) => next.run(request).await,
                    Err(refused) => refused,
                }
            },
        ))
}

fn refusal(status: StatusCode, code: &str, message: String) -> Response {
    Error::CustomError(status, ErrorDetail::new(code, message)).into_response()
}

fn too_large(kind: BodyKind, max: usize) -> Response {
    let what = match kind {
        BodyKind::Form => "The form is",
        BodyKind::Files => "The upload is",
        BodyKind::Import => "The file is",
        BodyKind::Archive => "The archive is",
    };
    // Rounded: the framing allowance and `1mb` (10^6 bytes) are not worth
    // showing to anyone.
    #[allow(clippy::cast_precision_loss)]
    let megabytes = max as f64 / (1024.0 * 1024.0);
    let size = if megabytes >= 0.5 {
        format!("{megabytes:.0} MB")
    } else {
        format!("{} KB", max / 1024)
    };
    refusal(
        StatusCode::PAYLOAD_TOO_LARGE,
        "too_large",
        format!("{what} too large: at most {size} can be sent here."),
    )
}

/// The multipart boundary the request's `Content-Type` names.
fn boundary(headers: &HeaderMap) -> Option<String> {
    let content_type = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    content_type.split(';').find_map(|param| {
        let (name, value) = param.trim().split_once('=')?;
        name.eq_ignore_ascii_case("boundary")
            .then(|| value.trim_matches('"').to_string())
    })
}

/// Whether `err` or one of its causes is a `T`.
fn caused_by<T: std::error::Error + 'static>(err: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause = Some(err);
    while let Some(err) = cause {
        if err.is::<T>() {
            return true;
        }
        cause = err.source();
    }
    false
}

fn too_slow() -> Response {
    refusal(
        StatusCode::REQUEST_TIMEOUT,
        "too_slow",
        "The request was not sent in time; nothing was changed. Please try again.".to_string(),
    )
}

fn broken() -> Response {
    refusal(
        StatusCode::BAD_REQUEST,
        "broken_body",
        "The request broke off before it was complete; nothing was changed.".to_string(),
    )
}

/// The request with its body read into memory, or the answer refusing it:
/// 413 past the route's limit (announced or sent), 408 when the client was
/// too slow, 400 when the body broke off.
async fn read_body(kind: BodyKind, request: Request) -> std::result::Result<Request, Response> {
    let Some(limits) = request.extensions().get::<RequestLimits>().copied() else {
        tracing::error!("request limits are not set: the `guard` layer is missing");
        return Err(StatusCode::INTERNAL_SERVER_ERROR.into_response());
    };
    let is_multipart = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    // The add-expense form comes with receipts or, without, url-encoded.
    let kind = if kind == BodyKind::Files && !is_multipart {
        BodyKind::Form
    } else {
        kind
    };
    let max = limits.bytes(kind);
    let announced = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|len| len > max as u64) {
        return Err(too_large(kind, max));
    }
    if !has_body(request.headers()) {
        return Ok(request);
    }
    if kind == BodyKind::Files {
        return read_files(&limits, request, max).await;
    }
    let (parts, body) = request.into_parts();
    let mut chunks = body.into_data_stream();
    // Grown as it arrives: an announced length is only a promise.
    let mut read = Vec::with_capacity(announced.map_or(0, |len| len.min(1 << 20) as usize));
    while let Some(chunk) = chunks.next().await {
        let chunk: Bytes = chunk.map_err(|err| {
            if caused_by::<TooSlow>(&err) {
                too_slow()
            } else {
                broken()
            }
        })?;
        if read.len() + chunk.len() > max {
            return Err(too_large(kind, max));
        }
        read.extend_from_slice(&chunk);
    }
    Ok(Request::from_parts(parts, Body::from(read)))
}

/// A body past its route's limit while it streams.
#[derive(Debug)]
struct TooLarge;

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the request body is too large")
    }
}

impl std::error::Error for TooLarge {}

/// [`read_body`] for files: reads the multipart form as it arrives and
/// stops as soon as one file (or text field) passes its own limit, so a
/// file too large costs no more than its limit; the handler is then given
/// what came until there, closed, and refuses that part with its form.
/// Otherwise the whole is kept as it was sent.
async fn read_files(
    limits: &RequestLimits,
    request: Request,
    max: usize,
) -> std::result::Result<Request, Response> {
    use std::sync::{Arc, Mutex};
    let (parts, body) = request.into_parts();
    let kept = Arc::new(Mutex::new(Vec::new()));
    let keeping = kept.clone();
    let tee = body.into_data_stream().map(move |chunk| {
        let chunk = chunk.map_err(axum::BoxError::from)?;
        let mut kept = keeping.lock().map_err(|_| axum::BoxError::from(TooLarge))?;
        if kept.len() + chunk.len() > max {
            return Err(axum::BoxError::from(TooLarge));
        }
        kept.extend_from_slice(&chunk);
        Ok::<_, axum::BoxError>(chunk)
    });
    let mut reading = Request::new(Body::from_stream(tee));
    *reading.headers_mut() = parts.headers.clone();
    let mut form = match axum::extract::Multipart::from_request(reading, &()).await {
        Ok(form) => form,
        Err(_) => return Err(broken()),
    };
    let failed = |err: &axum::extract::multipart::MultipartError| {
        let source = std::error::Error::source(err);
        if source.is_some_and(caused_by::<TooSlow>) {
            too_slow()
        } else if source.is_some_and(caused_by::<TooLarge>) {
            too_large(BodyKind::Files, max)
        } else {
            broken()
        }
    };
    let mut cut = false;
    'fields: loop {
        let mut field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            // A form the handler cannot read either: it says so itself.
            Err(err) if failed(&err).status() == StatusCode::BAD_REQUEST => break,
            Err(err) => return Err(failed(&err)),
        };
        let limit = if field.name() == Some("file") {
            limits.file_bytes
        } else {
            limits.field_bytes
        };
        let mut size = 0;
        loop {
            match field.chunk().await {
                Ok(Some(chunk)) => {
                    size += chunk.len();
                    if size > limit {
                        cut = true;
                        break 'fields;
                    }
                }
                Ok(None) => break,
                Err(err) if failed(&err).status() == StatusCode::BAD_REQUEST => break 'fields,
                Err(err) => return Err(failed(&err)),
            }
        }
    }
    drop(form);
    let mut read = std::mem::take(&mut *kept.lock().map_err(|_| broken())?);
    if cut {
        // Closes the form after the part cut off, so the handler reads it
        // (longer than its limit) and refuses it by name.
        let boundary = boundary(&parts.headers).ok_or_else(broken)?;
        read.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    }
    Ok(Request::from_parts(parts, Body::from(read)))
}
