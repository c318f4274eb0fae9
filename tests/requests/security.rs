use loco_rs::prelude::*;
use serde_json::{json, Value};
use smartexpense::models::users;

use crate::support::{TestApp, PASSWORD};

#[tokio::test]
async fn a_form_without_a_valid_csrf_token_is_refused_and_changes_nothing() {
    let app = TestApp::start().await;
    let fields = [
        ("name", "Ann"),
        ("email", "ann@example.com"),
        ("password", PASSWORD),
    ];

    let missing = app.server.post("/signup").form(&fields).await;
    assert_eq!(missing.status_code(), 403);
    assert!(missing.text().contains("Reload the page and try again"));

    app.server.get("/signup").await;
    let mut forged = fields.to_vec();
    forged.push(("_csrf", "0000"));
    assert_eq!(
        app.server.post("/signup").form(&forged).await.status_code(),
        403
    );

    let header = app
        .server
        .post("/signup")
        .add_header("x-csrf-token", "0000")
        .form(&fields)
        .await;
    assert_eq!(header.status_code(), 403);
    assert_eq!(users::Entity::find().count(&app.ctx.db).await.unwrap(), 0);

    // htmx sends the token in a header instead of the form.
    let token = app.csrf("/signup").await;
    let via_htmx = app
        .server
        .post("/signup")
        .add_header("x-csrf-token", token)
        .form(&fields)
        .await;
    assert_eq!(via_htmx.status_code(), 303);
}

#[tokio::test]
async fn a_signed_in_form_without_csrf_cannot_change_the_password() {
    let app = TestApp::start().await;
    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    let response = app
        .server
        .post("/account/password")
        .form(&[
            ("current_password", PASSWORD),
            ("new_password", "a brand new passphrase"),
        ])
        .await;
    assert_eq!(response.status_code(), 403);
    app.api_login("ann@example.com", PASSWORD).await;
}

#[tokio::test]
async fn the_csrf_token_of_one_session_does_not_work_in_another() {
    let app = TestApp::start().await;
    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    let anns_token = app.csrf("/account").await;
    let other = app.another_browser();
    other.get("/").await;
    let response = other
        .post("/signup")
        .form(&[
            ("name", "Bob"),
            ("email", "bob@example.com"),
            ("password", PASSWORD),
            ("_csrf", &anns_token),
        ])
        .await;
    assert_eq!(response.status_code(), 403);
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = TestApp::start().await;
    for path in ["/", "/login", "/api/auth/current", "/no-such-page"] {
        let response = app.server.get(path).await;
        let csp = response.header("content-security-policy");
        let csp = csp.to_str().unwrap();
        assert!(csp.contains("script-src 'self'"), "{path}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(response.header("x-content-type-options"), "nosniff");
        assert_eq!(
            response.header("referrer-policy"),
            "strict-origin-when-cross-origin"
        );
        assert!(
            response.maybe_header("strict-transport-security").is_none(),
            "plain http"
        );
        assert!(response.maybe_header("x-request-id").is_some());
    }
}

#[tokio::test]
async fn pages_contain_no_inline_script_and_load_vendored_htmx() {
    let app = TestApp::start().await;
    let html = app.server.get("/login").await.text();
    assert!(html.contains(r#"<script src="/static/js/htmx-2.0.11.min.js""#));
    assert!(!html.contains("<script>"));
    assert!(!html.contains("cdn"));
    let htmx = app.server.get("/static/js/htmx-2.0.11.min.js").await;
    htmx.assert_status_ok();
    assert!(htmx.text().contains("htmx"));
}

#[tokio::test]
async fn cookies_are_secure_when_the_app_is_served_over_https() {
    let app = TestApp::start_with_setting("base_url", json!("https://expenses.example.com")).await;
    let page = app.server.get("/login").await;
    let cookie = page.cookie("se_visitor");
    assert!(cookie.secure().unwrap_or(false));
    assert!(cookie.http_only().unwrap_or(false));
    // HSTS goes with https, on pages and the API alike.
    for path in ["/login", "/api/auth/current"] {
        let hsts = app
            .server
            .get(path)
            .await
            .header("strict-transport-security");
        assert!(hsts.to_str().unwrap().starts_with("max-age="), "{path}");
    }
}

#[tokio::test]
async fn unknown_routes_get_a_styled_page_or_json_under_the_api() {
    let app = TestApp::start().await;
    let page = app.server.get("/no/such/page").await;
    assert_eq!(page.status_code(), 404);
    assert!(page
        .header("content-type")
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(page.text().contains("We could not find that page."));
    assert!(page.text().contains("/static/css/app.css"));

    let api = app.server.get("/api/no/such/route").await;
    assert_eq!(api.status_code(), 404);
    assert_eq!(api.json::<Value>()["error"], "not_found");
}

#[tokio::test]
async fn health_and_readiness_answer() {
    let app = TestApp::start().await;
    let health = app.server.get("/_health").await;
    health.assert_status_ok();
    let ready = app.server.get("/_readiness").await;
    ready.assert_status_ok();
    assert_eq!(ready.json::<Value>()["ok"], true);
}

#[tokio::test]
async fn the_verification_mail_can_be_sent_again() {
    let app = TestApp::start().await;
    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    let first = app.mail.last_to("ann@example.com").await.link_path();
    let resent = app.post_form("/account/verification", &[]).await;
    assert_eq!(resent.status_code(), 303);
    assert_eq!(app.mail.to("ann@example.com").await.len(), 2);
    let second = app.mail.last_to("ann@example.com").await.link_path();
    assert_ne!(first, second);
    // Only the newest link works.
    assert_eq!(app.server.get(&first).await.status_code(), 404);
    app.server.get(&second).await.assert_status_ok();
}

#[tokio::test]
async fn no_response_leaks_internals() {
    let app = TestApp::start().await;
    let token = app.api_user("Ann", "ann@example.com", PASSWORD).await;
    let current = app
        .server
        .get("/api/auth/current")
        .authorization_bearer(&token)
        .await;
    let text = current.text();
    assert!(!text.contains("argon2"));
    assert!(!text.contains("token_hash"));
    let bad = app
        .server
        .post("/api/auth/verify")
        .json(&json!({ "token": "' OR 1=1 --" }))
        .await;
    assert_eq!(bad.status_code(), 422);
    assert!(!bad.text().to_lowercase().contains("sql"));
}
