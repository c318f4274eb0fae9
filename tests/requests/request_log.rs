//! What the request log writes, read from the process's own log stack
//! (`request_log::layers`, as `init_logger` installs it) with a writer of
//! the test's: no token of an emailed link and no query value; a refused
//! request at the level of its status (not every 404 and 422 at ERROR).
//! And `Cache-Control: no-store` on all but static files.

use std::sync::{Arc, Mutex};

use loco_rs::logger::Format;
use sea_orm::ConnectionTrait;
use serde_json::{json, Value};
use smartexpense::controllers::support::request_log;
use tracing_subscriber::{fmt::MakeWriter, layer::SubscriberExt, EnvFilter, Registry};

use crate::support::{household, TestApp, PASSWORD};

/// The log lines written while it is alive (on this test's thread, where
/// the test's requests run).
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log buffer").extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Captured {
    type Writer = Self;

    fn make_writer(&'a self) -> Self {
        self.clone()
    }
}

impl Captured {
    fn start() -> (Self, tracing::subscriber::DefaultGuard) {
        let logs = Self::default();
        let subscriber = Registry::default()
            .with(request_log::layers(logs.clone(), &Format::Json, false))
            .with(EnvFilter::new(
                "info,tower_http=debug,loco_rs=debug,smartexpense=debug",
            ));
        (logs, tracing::subscriber::set_default(subscriber))
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("log buffer")).to_string()
    }

    fn lines(&self) -> Vec<Value> {
        self.text()
            .lines()
            .filter_map(|line| serde_json::from_str(line).ok())
            .collect()
    }
}

#[tokio::test]
async fn links_with_tokens_reach_the_log_without_their_tokens() {
    let app = TestApp::start().await;
    let (logs, _guard) = Captured::start();
    let secret = format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    );
    for path in [
        format!("/reset-password/{secret}"),
        format!("/verify/{secret}"),
        format!("/invitations/{secret}"),
        format!("/login?next=/invitations/{secret}"),
        format!("/no-such-page/{secret}"),
    ] {
        app.server.get(&path).await;
    }
    let text = logs.text();
    for logged in [
        "/reset-password/[redacted]",
        "/verify/[redacted]",
        "/invitations/[redacted]",
        "/login?next=[redacted]",
        "/no-such-page/[redacted]",
    ] {
        assert!(text.contains(logged), "{logged} not in the log:\n{text}");
    }
    assert!(!text.contains(&secret), "a token reached the log:\n{text}");
}

/// The lines about a refused or failed request (not the trace of every
/// request and response).
fn error_lines(lines: &[Value]) -> Vec<&Value> {
    lines
        .iter()
        .filter(|line| {
            matches!(
                line["fields"]["message"].as_str(),
                Some("client_error" | "controller_error")
            )
        })
        .collect()
}

/// The levels the lines about a request answered `status` were written at.
fn levels_of(lines: &[Value], status: u16) -> Vec<String> {
    error_lines(lines)
        .into_iter()
        .filter(|line| line["fields"]["status"] == status)
        .map(|line| line["level"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test]
async fn refused_requests_are_logged_by_their_status_and_faults_as_errors() {
    let app = TestApp::start().await;
    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    let token = app.api_login("ann@example.com", PASSWORD).await;
    let (logs, _guard) = Captured::start();

    let missing = app
        .server
        .get(&format!("/api/v1/workspaces/{}", uuid::Uuid::new_v4()))
        .authorization_bearer(&token)
        .await;
    assert_eq!(missing.status_code(), 404);
    let invalid = app
        .server
        .post("/api/auth/register")
        .json(&json!({ "name": "", "email": "bob@", "password": "short" }))
        .await;
    assert_eq!(invalid.status_code(), 422);
    // A real fault: the table of browser sessions is gone.
    app.owner_db
        .execute_unprepared("DROP TABLE sessions")
        .await
        .expect("drop a table");
    let fault = app.server.get("/account").await;
    assert_eq!(fault.status_code(), 500);

    let lines = logs.lines();
    let text = logs.text();
    assert_eq!(levels_of(&lines, 404), ["DEBUG"], "{text}");
    assert_eq!(levels_of(&lines, 422), ["INFO"], "{text}");
    let errors: Vec<&Value> = error_lines(&lines)
        .into_iter()
        .filter(|l| l["level"] == "ERROR")
        .collect();
    assert!(!errors.is_empty(), "{text}");
    assert!(
        errors.iter().all(|l| l["fields"]["status"] == 500),
        "only the fault is an error: {text}"
    );
    assert!(
        errors.iter().any(|l| l["fields"]["error.msg"]
            .as_str()
            .is_some_and(|m| m.contains("sessions"))),
        "the fault is logged with its cause: {text}"
    );
}

#[tokio::test]
async fn pages_and_api_answers_are_not_stored_static_files_are() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let no_store = |response: &axum_test::TestResponse| {
        response
            .maybe_header("cache-control")
            .is_some_and(|v| v == "no-store")
    };
    for path in ["/account", ws.as_str(), "/no-such-page", "/"] {
        let page = app.server.get(path).await;
        assert!(no_store(&page), "{path}: {:?}", page.headers());
    }
    let api = app
        .server
        .get("/api/auth/current")
        .authorization_bearer(&token)
        .await;
    assert!(no_store(&api), "{:?}", api.headers());
    let css = app.server.get("/static/css/pico-2.1.1.jade.min.css").await;
    css.assert_status_ok();
    assert!(!no_store(&css), "{:?}", css.headers());
}
