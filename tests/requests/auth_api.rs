use chrono::{Duration, Utc};
use loco_rs::prelude::*;
use serde_json::{json, Value};
use smartexpense::models::{sessions, users};

use crate::support::{TestApp, PASSWORD};

async fn user_count(app: &TestApp) -> u64 {
    users::Entity::find().count(&app.ctx.db).await.unwrap()
}

#[tokio::test]
async fn register_sends_a_verification_mail_over_smtp_whose_link_verifies() {
    let app = TestApp::start().await;
    let response = app
        .server
        .post("/api/auth/register")
        .json(&json!({ "name": "Ann", "email": "Ann@Example.com", "password": PASSWORD }))
        .await;
    // 202 and the address only: a taken address is answered alike.
    assert_eq!(response.status_code(), 202);
    let body: Value = response.json();
    assert_eq!(
        body,
        json!({
            "email": "ann@example.com",
            "description": "Almost there: we sent a mail to ann@example.com. Open it to go on.",
        })
    );

    let mail = app.mail.last_to("ann@example.com").await;
    assert_eq!(
        mail.subject(),
        "Confirm your email address for SmartExpense"
    );
    let link = mail.link_path();
    let token = link.strip_prefix("/verify/").expect("verify link");

    let verified = app
        .server
        .post("/api/auth/verify")
        .json(&json!({ "token": token }))
        .await;
    assert_eq!(verified.status_code(), 200);
    assert_eq!(verified.json::<Value>()["email_verified"], true);

    // The link works once.
    let again = app
        .server
        .post("/api/auth/verify")
        .json(&json!({ "token": token }))
        .await;
    assert_eq!(again.status_code(), 422);
    assert!(again.json::<Value>()["errors"]["token"].is_array());
}

#[tokio::test]
async fn register_rejects_bad_input_naming_each_field_and_writes_nothing() {
    let app = TestApp::start().await;
    let response = app
        .server
        .post("/api/auth/register")
        .json(&json!({ "name": "  ", "email": "not-an-email", "password": "short" }))
        .await;
    assert_eq!(response.status_code(), 422);
    let errors = &response.json::<Value>()["errors"];
    assert_eq!(errors["name"][0], "can't be blank");
    assert_eq!(errors["email"][0], "is not a valid email address");
    assert_eq!(errors["password"][0], "must be at least 10 characters long");

    let common = app
        .server
        .post("/api/auth/register")
        .json(&json!({ "name": "Ann", "email": "ann@example.com", "password": "password123" }))
        .await;
    assert_eq!(common.status_code(), 422);
    assert!(common.json::<Value>()["errors"]["password"][0]
        .as_str()
        .unwrap()
        .contains("too common"));

    let missing = app.server.post("/api/auth/register").json(&json!({})).await;
    assert_eq!(missing.status_code(), 422);
    assert_eq!(
        missing.json::<Value>()["errors"]["email"][0],
        "can't be blank"
    );

    assert_eq!(user_count(&app).await, 0);
    assert!(app.mail.received().await.is_empty());
}

#[tokio::test]
async fn a_body_that_is_not_json_is_refused_naming_the_problem() {
    let app = TestApp::start().await;
    let wrong_type = app
        .server
        .post("/api/auth/register")
        .json(&json!({ "name": 5, "email": "a@b.co", "password": PASSWORD }))
        .await;
    assert_eq!(wrong_type.status_code(), 422);
    let message = wrong_type.json::<Value>()["errors"]["body"][0]
        .as_str()
        .unwrap()
        .to_string();
    assert!(message.contains("name"), "{message}");

    // Not sent as JSON at all: 415 (issue 20; it was 422).
    let not_json = app.server.post("/api/auth/login").text("email=a").await;
    assert_eq!(not_json.status_code(), 415);
    let refused = not_json.json::<Value>();
    assert_eq!(refused["error"], "unsupported_media_type");
    assert!(refused["description"]
        .as_str()
        .unwrap()
        .contains("application/json"));
}

/// Signing up with an address that has an account answers exactly as for a
/// new one (no "is already registered": that told anyone who has an
/// account here); the address's owner is mailed a notice instead of a
/// link, and nothing changes.
#[tokio::test]
async fn the_same_email_in_another_case_cannot_register_twice_and_is_not_told_so() {
    let app = TestApp::start().await;
    let register = |name: &'static str, email: &'static str| {
        app.server
            .post("/api/auth/register")
            .json(&json!({ "name": name, "email": email, "password": PASSWORD }))
    };
    let new = register("Bob", "bob@example.com").await;
    app.api_user("Ann", "ann@example.com", PASSWORD).await;
    let taken = register("Other Ann", " ANN@Example.COM ").await;
    assert_eq!(taken.status_code(), new.status_code());
    assert_eq!(
        taken.text().replace("ann@", "bob@"),
        new.text(),
        "a taken address is answered as a new one"
    );
    assert_eq!(user_count(&app).await, 2);
    let mails = app.mail.to("ann@example.com").await;
    assert_eq!(mails.len(), 2, "the verification link, then the notice");
    let notice = app
        .mail
        .last_about("ann@example.com", "Someone tried to sign up")
        .await;
    assert!(notice.text().contains("/forgot-password"));
    let ann = users::Model::find_by_email(&app.ctx.db, "ann@example.com")
        .await
        .unwrap();
    assert_eq!(ann.name, "Ann");
    assert!(ann.verify_password(PASSWORD));
}

#[tokio::test]
async fn login_gives_a_token_that_current_accepts() {
    let app = TestApp::start().await;
    app.api_user("Ann", "ann@example.com", PASSWORD).await;
    let token = app.api_login("ANN@example.com", PASSWORD).await;

    let current = app
        .server
        .get("/api/auth/current")
        .authorization_bearer(&token)
        .await;
    assert_eq!(current.status_code(), 200);
    assert_eq!(current.json::<Value>()["name"], "Ann");

    let anonymous = app.server.get("/api/auth/current").await;
    assert_eq!(anonymous.status_code(), 401);
    let forged = app
        .server
        .get("/api/auth/current")
        .authorization_bearer("not.a.token")
        .await;
    assert_eq!(forged.status_code(), 401);
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_email_get_the_same_401() {
    let app = TestApp::start().await;
    app.api_user("Ann", "ann@example.com", PASSWORD).await;
    for (email, password) in [
        ("ann@example.com", "wrong password here"),
        ("nobody@example.com", PASSWORD),
    ] {
        let response = app
            .server
            .post("/api/auth/login")
            .json(&json!({ "email": email, "password": password }))
            .await;
        assert_eq!(response.status_code(), 401);
        assert!(response.json::<Value>().get("token").is_none());
    }
}

#[tokio::test]
async fn login_waits_for_verification_when_the_setting_is_on() {
    let app = TestApp::start_with_setting("require_verified_email", json!(true)).await;
    app.server
        .post("/api/auth/register")
        .json(&json!({ "name": "Ann", "email": "ann@example.com", "password": PASSWORD }))
        .await;
    let refused = app
        .server
        .post("/api/auth/login")
        .json(&json!({ "email": "ann@example.com", "password": PASSWORD }))
        .await;
    assert_eq!(refused.status_code(), 403);
    assert_eq!(refused.json::<Value>()["error"], "email_not_verified");

    let link = app.mail.last_to("ann@example.com").await.link_path();
    app.server.get(&link).await.assert_status_ok();
    app.api_login("ann@example.com", PASSWORD).await;
}

#[tokio::test]
async fn password_reset_by_emailed_link_works_once() {
    let app = TestApp::start().await;
    app.api_user("Ann", "ann@example.com", PASSWORD).await;
    let forgot = app
        .server
        .post("/api/auth/forgot")
        .json(&json!({ "email": "Ann@example.com" }))
        .await;
    assert_eq!(forgot.status_code(), 202);
    let mail = app.mail.last_about("ann@example.com", "Reset").await;
    assert_eq!(mail.subject(), "Reset your SmartExpense password");
    let token = mail
        .link_path()
        .strip_prefix("/reset-password/")
        .expect("reset link")
        .to_string();

    let new_password = "a brand new passphrase";
    let reset = app
        .server
        .post("/api/auth/reset")
        .json(&json!({ "token": token, "password": new_password }))
        .await;
    assert_eq!(reset.status_code(), 200);
    app.api_login("ann@example.com", new_password).await;
    let old = app
        .server
        .post("/api/auth/login")
        .json(&json!({ "email": "ann@example.com", "password": PASSWORD }))
        .await;
    assert_eq!(old.status_code(), 401);

    let reused = app
        .server
        .post("/api/auth/reset")
        .json(&json!({ "token": token, "password": "yet another passphrase" }))
        .await;
    assert_eq!(reused.status_code(), 422);
    app.api_login("ann@example.com", new_password).await;
}

#[tokio::test]
async fn an_expired_reset_link_is_refused() {
    let app = TestApp::start().await;
    app.api_user("Ann", "ann@example.com", PASSWORD).await;
    app.server
        .post("/api/auth/forgot")
        .json(&json!({ "email": "ann@example.com" }))
        .await;
    let token = app
        .mail
        .last_about("ann@example.com", "Reset")
        .await
        .link_path()["/reset-password/".len()..]
        .to_string();
    let user = users::Model::find_by_email(&app.ctx.db, "ann@example.com")
        .await
        .unwrap();
    let mut active = user.into_active_model();
    active.reset_sent_at = Set(Some((Utc::now() - Duration::minutes(31)).into()));
    active.update(&app.ctx.db).await.unwrap();

    let reset = app
        .server
        .post("/api/auth/reset")
        .json(&json!({ "token": token, "password": "a brand new passphrase" }))
        .await;
    assert_eq!(reset.status_code(), 422);
    app.api_login("ann@example.com", PASSWORD).await;
}

#[tokio::test]
async fn an_expired_verification_link_is_refused() {
    let app = TestApp::start().await;
    app.api_user("Ann", "ann@example.com", PASSWORD).await;
    let token = app
        .mail
        .last_about("ann@example.com", "Confirm")
        .await
        .link_path()["/verify/".len()..]
        .to_string();
    let user = users::Model::find_by_email(&app.ctx.db, "ann@example.com")
        .await
        .unwrap();
    let mut active = user.into_active_model();
    active.verification_sent_at = Set(Some((Utc::now() - Duration::hours(49)).into()));
    active.update(&app.ctx.db).await.unwrap();
    let response = app
        .server
        .post("/api/auth/verify")
        .json(&json!({ "token": token }))
        .await;
    assert_eq!(response.status_code(), 422);
    let user = users::Model::find_by_email(&app.ctx.db, "ann@example.com")
        .await
        .unwrap();
    assert!(!user.is_verified());
}

#[tokio::test]
async fn forgot_for_an_unknown_address_answers_the_same_and_sends_nothing() {
    let app = TestApp::start().await;
    let response = app
        .server
        .post("/api/auth/forgot")
        .json(&json!({ "email": "nobody@example.com" }))
        .await;
    assert_eq!(response.status_code(), 202);
    assert!(app.mail.received().await.is_empty());
}

#[tokio::test]
async fn a_password_reset_ends_every_browser_session() {
    let app = TestApp::start().await;
    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    app.server.get("/account").await.assert_status_ok();
    reset_by_mail(&app, "ann@example.com", "a brand new passphrase").await;
    assert_eq!(
        sessions::Entity::find().count(&app.ctx.db).await.unwrap(),
        0
    );
    assert_eq!(app.server.get("/account").await.status_code(), 303);
}

#[tokio::test]
async fn login_attempts_on_one_account_are_limited_with_retry_after() {
    let app = TestApp::start().await;
    app.api_user("Ann", "ann@example.com", PASSWORD).await;
    // api_user spent one attempt of the account's five.
    for _ in 0..4 {
        let response = app
            .server
            .post("/api/auth/login")
            .json(&json!({ "email": "ann@example.com", "password": "wrong password here" }))
            .await;
        assert_eq!(response.status_code(), 401);
    }
    let limited = app
        .server
        .post("/api/auth/login")
        .json(&json!({ "email": "Ann@Example.com", "password": PASSWORD }))
        .await;
    assert_eq!(limited.status_code(), 429);
    let retry_after: u64 = limited
        .header("retry-after")
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    assert_eq!(limited.json::<Value>()["error"], "too_many_requests");

    // Another account from the same client still gets its own budget.
    app.api_user("Bob", "bob@example.com", PASSWORD).await;
}

#[tokio::test]
async fn one_client_ip_is_limited_across_accounts_and_forged_forwarding_headers_do_not_help() {
    let app = TestApp::start_with_setting("rate_limits.per_ip_per_minute", json!(3)).await;
    for n in 0..3 {
        let response = app
            .server
            .post("/api/auth/login")
            .add_header("x-forwarded-for", format!("10.0.0.{n}"))
            .json(&json!({ "email": format!("user{n}@example.com"), "password": PASSWORD }))
            .await;
        assert_eq!(response.status_code(), 401);
    }
    let limited = app
        .server
        .post("/api/auth/register")
        .add_header("x-forwarded-for", "10.0.0.99")
        .json(&json!({ "name": "Zed", "email": "zed@example.com", "password": PASSWORD }))
        .await;
    assert_eq!(limited.status_code(), 429);
    assert_eq!(user_count(&app).await, 0);
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_forwarded_client_ip_is_limited() {
    let app = TestApp::start_with(|config| {
        config.settings.as_mut().unwrap()["rate_limits"]["per_ip_per_minute"] = json!(2);
        if let Some(remote_ip) = config.server.middlewares.remote_ip.as_mut() {
            remote_ip.source = "RightmostXForwardedFor".parse().expect("source");
        }
    })
    .await;
    let attempt = |ip: &'static str, n: usize| {
        app.server
            .post("/api/auth/login")
            .add_header("x-forwarded-for", ip)
            .json(&json!({ "email": format!("u{n}@example.com"), "password": PASSWORD }))
    };
    assert_eq!(attempt("203.0.113.1", 1).await.status_code(), 401);
    assert_eq!(attempt("203.0.113.1", 2).await.status_code(), 401);
    assert_eq!(attempt("203.0.113.1", 3).await.status_code(), 429);
    // A different client behind the same proxy has its own budget.
    assert_eq!(attempt("203.0.113.2", 4).await.status_code(), 401);
}

#[tokio::test]
async fn the_api_sends_a_new_verification_link_until_the_address_is_confirmed() {
    let app = TestApp::start().await;
    let token = app.api_user("Ann", "ann@example.com", PASSWORD).await;
    let first = app.mail.last_to("ann@example.com").await.link_path();
    let resent = app
        .server
        .post("/api/auth/resend-verification")
        .authorization_bearer(&token)
        .await;
    assert_eq!(resent.status_code(), 202);
    let second = app.mail.last_to("ann@example.com").await.link_path();
    assert_ne!(first, second);
    app.server.get(&second).await.assert_status_ok();

    let done = app
        .server
        .post("/api/auth/resend-verification")
        .authorization_bearer(&token)
        .await;
    assert_eq!(done.status_code(), 422);
    assert_eq!(app.mail.to("ann@example.com").await.len(), 2);
    let anonymous = app.server.post("/api/auth/resend-verification").await;
    assert_eq!(anonymous.status_code(), 401);
}

/// Resets `email`'s password to `password` through the mailed link.
async fn reset_by_mail(app: &TestApp, email: &str, password: &str) {
    app.server
        .post("/api/auth/forgot")
        .json(&json!({ "email": email }))
        .await;
    let token = app.mail.last_about(email, "Reset").await.link_path()["/reset-password/".len()..]
        .to_string();
    app.server
        .post("/api/auth/reset")
        .json(&json!({ "token": token, "password": password }))
        .await
        .assert_status_ok();
}

/// What a bearer token opens now: 200 while it works, 401 once it does not.
async fn reach(app: &TestApp, token: &str) -> u16 {
    app.server
        .get("/api/v1/workspaces")
        .authorization_bearer(token)
        .await
        .status_code()
        .as_u16()
}

/// A personal access token made with `login`.
async fn personal_token(app: &TestApp, login: &str) -> String {
    let issued = app
        .server
        .post("/api/v1/tokens")
        .authorization_bearer(login)
        .json(&json!({ "name": "Bank script" }))
        .await;
    assert_eq!(issued.status_code(), 201, "{}", issued.text());
    issued.json::<Value>()["token"]
        .as_str()
        .expect("token")
        .to_string()
}

#[tokio::test]
async fn a_password_reset_ends_login_tokens_and_personal_access_tokens() {
    let app = TestApp::start().await;
    let login = app.api_user("Ann", "ann@example.com", PASSWORD).await;
    let personal = personal_token(&app, &login).await;
    assert_eq!(
        (reach(&app, &login).await, reach(&app, &personal).await),
        (200, 200)
    );

    reset_by_mail(&app, "ann@example.com", "a brand new passphrase").await;
    // Whoever knew the old password holds nothing that still works, on
    // the auth routes either (`/api/auth/current` answered 200).
    assert_eq!(
        (reach(&app, &login).await, reach(&app, &personal).await),
        (401, 401)
    );
    for route in ["/api/auth/current"] {
        let old = app.server.get(route).authorization_bearer(&login).await;
        assert_eq!(old.status_code(), 401, "{route}");
    }
    let resend = app
        .server
        .post("/api/auth/resend-verification")
        .authorization_bearer(&login)
        .await;
    assert_eq!(resend.status_code(), 401);
    let fresh = app
        .api_login("ann@example.com", "a brand new passphrase")
        .await;
    assert_eq!(reach(&app, &fresh).await, 200);
}

#[tokio::test]
async fn changing_the_password_or_logging_out_everywhere_ends_login_tokens() {
    let app = TestApp::start().await;
    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    let login = app.api_login("ann@example.com", PASSWORD).await;
    let personal = personal_token(&app, &login).await;
    let changed = app
        .change_password(PASSWORD, "a brand new passphrase")
        .await;
    assert_eq!(changed.status_code(), 303);
    // Login tokens end; a personal token the member made stays theirs.
    assert_eq!(
        (reach(&app, &login).await, reach(&app, &personal).await),
        (401, 200)
    );

    let again = app
        .api_login("ann@example.com", "a brand new passphrase")
        .await;
    assert_eq!(reach(&app, &again).await, 200);
    app.post_form("/account/logout-everywhere", &[]).await;
    assert_eq!(
        (reach(&app, &again).await, reach(&app, &personal).await),
        (401, 200)
    );
}

#[tokio::test]
async fn names_typed_by_users_reach_mail_as_text_not_markup() {
    let app = TestApp::start().await;
    let name = r#"<a href="https://evil.example">Claim your refund</a>"#;
    app.api_user(name, "ann@example.com", PASSWORD).await;
    let mail = app.mail.last_about("ann@example.com", "Confirm").await;
    let html = mail.html();
    assert!(html.contains("Hello &lt;a href=&quot;"), "{html}");
    assert!(!html.contains("<a href=\"https://evil.example"), "{html}");
    // The plain text part shows the name as typed; the link is still ours.
    assert!(
        mail.text().contains(&format!("Hello {name}")),
        "{}",
        mail.text()
    );
    assert!(mail.link_path().starts_with("/verify/"));
}
