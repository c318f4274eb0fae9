//! Rate limits: budgets counted in the database and shared by every web
//! process; a password asked for again spends the account's login budget;
//! confirmation links and invitations are resent a few times an hour only.

use axum_test::{TestResponse, TestServer};
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{json, Value};
use smartexpense::models::users;

use crate::support::{household, post_form_as, TestApp, PASSWORD};

async fn login(server: &TestServer, email: &str) -> TestResponse {
    server
        .post("/api/auth/login")
        .json(&json!({ "email": email, "password": "wrong password here" }))
        .await
}

fn retry_after(response: &TestResponse) -> u64 {
    response
        .header("retry-after")
        .to_str()
        .expect("text")
        .parse()
        .expect("seconds")
}

/// The `bucket` column of every counter.
async fn buckets(app: &TestApp) -> Vec<String> {
    let db = &app.owner_db;
    db.query_all_raw(Statement::from_string(
        db.get_database_backend(),
        "SELECT bucket FROM rate_limits",
    ))
    .await
    .expect("counters")
    .iter()
    .map(|row| row.try_get::<String>("", "bucket").expect("bucket"))
    .collect()
}

#[tokio::test]
async fn two_web_processes_share_one_account_budget() {
    let app = TestApp::start().await;
    let other = app.another_process().await;
    // Five attempts a minute per account, spent alternately in each process.
    for n in 0..5 {
        let server = if n % 2 == 0 { &app.server } else { &other };
        let answer = login(server, "ann@example.com").await;
        assert_eq!(answer.status_code(), 401, "attempt {n}: {}", answer.text());
    }
    for server in [&app.server, &other] {
        let limited = login(server, "Ann@Example.com").await;
        assert_eq!(limited.status_code(), 429, "{}", limited.text());
        assert!((1..=60).contains(&retry_after(&limited)));
    }
}

#[tokio::test]
async fn two_web_processes_share_one_client_ip_budget() {
    let app = TestApp::start_with_setting("rate_limits.per_ip_per_minute", json!(3)).await;
    let other = app.another_process().await;
    assert_eq!(login(&app.server, "a@example.com").await.status_code(), 401);
    assert_eq!(login(&other, "b@example.com").await.status_code(), 401);
    assert_eq!(login(&app.server, "c@example.com").await.status_code(), 401);
    let limited = login(&other, "d@example.com").await;
    assert_eq!(limited.status_code(), 429, "{}", limited.text());
}

#[tokio::test]
async fn an_ended_window_gives_the_budget_back_and_old_counters_are_deleted() {
    let app = TestApp::start().await;
    let db = &app.owner_db;
    // A counter an earlier window left behind.
    db.execute_unprepared(
        "INSERT INTO rate_limits (bucket, hits, window_ends_at) VALUES ('left-behind', 3, 1)",
    )
    .await
    .expect("insert a counter");
    for _ in 0..5 {
        assert_eq!(
            login(&app.server, "ann@example.com").await.status_code(),
            401
        );
    }
    assert_eq!(
        login(&app.server, "ann@example.com").await.status_code(),
        429
    );

    let kept = buckets(&app).await;
    assert!(!kept.contains(&"left-behind".to_string()), "{kept:?}");
    // Keys are stored as digests: no address rests in the table.
    assert!(!kept.is_empty());
    assert!(
        kept.iter()
            .all(|b| b.len() == 64 && b.chars().all(|c| c.is_ascii_hexdigit())),
        "{kept:?}"
    );

    // The minute is over (moved back rather than waited for).
    db.execute_unprepared("UPDATE rate_limits SET window_ends_at = 1")
        .await
        .expect("end the windows");
    assert_eq!(
        login(&app.server, "ann@example.com").await.status_code(),
        401
    );
}

/// Posts one of the account page's password-checked forms.
async fn account_form(app: &TestApp, form: &str, password: &str) -> TestResponse {
    match form {
        "password" => {
            app.change_password(password, "a brand new passphrase")
                .await
        }
        "email" => {
            app.post_form(
                "/account/email",
                &[
                    ("new_email", "ann.new@example.com"),
                    ("current_password", password),
                ],
            )
            .await
        }
        _ => {
            app.post_form("/account/delete", &[("password", password)])
                .await
        }
    }
}

#[tokio::test]
async fn a_password_asked_for_again_spends_the_accounts_login_budget() {
    let app = TestApp::start().await;
    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    let app = &app;
    let wrong = |form| async move {
        let wrong = account_form(app, form, "not my password").await;
        assert_eq!(wrong.status_code(), 422, "{form}: {}", wrong.text());
    };
    // Five a minute; wrong ones on any of the three forms count together.
    for form in ["password", "email", "delete"] {
        wrong(form).await;
    }
    // A right password costs nothing (else the last wrong one below would
    // be the seventh attempt).
    let there = app
        .change_password(PASSWORD, "another good passphrase")
        .await;
    assert_eq!(there.status_code(), 303, "{}", there.text());
    let back = app
        .change_password("another good passphrase", PASSWORD)
        .await;
    assert_eq!(back.status_code(), 303, "{}", back.text());
    for form in ["password", "email"] {
        wrong(form).await;
    }
    for form in ["password", "email", "delete"] {
        let limited = account_form(app, form, PASSWORD).await;
        assert_eq!(limited.status_code(), 429, "{form}: {}", limited.text());
        assert!((1..=60).contains(&retry_after(&limited)));
        assert!(
            limited
                .text()
                .contains("assword was tried too often; try again in"),
            "{form}: {}",
            limited.text()
        );
    }
    // Nothing was changed, and logging in waits as well: one budget.
    let ann = users::Model::find_by_email(&app.ctx.db, "ann@example.com")
        .await
        .expect("the account is still there");
    assert!(ann.verify_password(PASSWORD));
    assert_eq!(ann.pending_email, None);
    let login = app
        .server
        .post("/api/auth/login")
        .json(&json!({ "email": "ann@example.com", "password": PASSWORD }))
        .await;
    assert_eq!(login.status_code(), 429);
}

/// The flash message the account page shows next.
async fn account_flash(app: &TestApp) -> String {
    let html = app.server.get("/account").await.text();
    let start = html.find("class=\"flash").unwrap_or(0);
    html[start..].chars().take(300).collect()
}

#[tokio::test]
async fn a_confirmation_link_is_sent_again_three_times_an_hour() {
    let app = TestApp::start().await;
    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    for _ in 0..3 {
        let again = app.post_form("/account/verification", &[]).await;
        assert_eq!(again.status_code(), 303);
        assert!(account_flash(&app)
            .await
            .contains("We sent a new confirmation link"));
    }
    let refused = app.post_form("/account/verification", &[]).await;
    assert_eq!(refused.status_code(), 303);
    let flash = account_flash(&app).await;
    assert!(
        flash.contains("A confirmation link was sent too often; you can ask for another in")
            && flash.contains("minutes."),
        "{flash}"
    );
    // A German member reads it in German.
    let chosen = app
        .post_form("/account/language", &[("language", "de")])
        .await;
    assert_eq!(chosen.status_code(), 303, "{}", chosen.text());
    app.post_form("/account/verification", &[]).await;
    let flash = account_flash(&app).await;
    assert!(
        flash.contains("Ein Bestätigungslink wurde zu oft gesendet; du kannst in ")
            && flash.contains(" Minuten einen neuen anfordern."),
        "{flash}"
    );
    // The API spends from the same budget.
    let token = app.api_login("ann@example.com", PASSWORD).await;
    let api = app
        .server
        .post("/api/auth/resend-verification")
        .authorization_bearer(&token)
        .await;
    assert_eq!(api.status_code(), 429, "{}", api.text());
    assert!(retry_after(&api) > 3000);
    assert!(api.json::<Value>()["description"]
        .as_str()
        .unwrap_or_default()
        .contains("sent too often"));
    // The signup's mail and three more.
    assert_eq!(app.mail.to("ann@example.com").await.len(), 4);
}

#[tokio::test]
async fn an_invitation_is_sent_again_three_times_an_hour() {
    let app = TestApp::start().await;
    let (ws, owner) = household(&app).await;
    let id = ws.trim_start_matches("/w/");
    let invited = app
        .server
        .post(&format!("/api/v1/workspaces/{id}/invitations"))
        .authorization_bearer(&owner)
        .json(&json!({ "email": "dave@example.com", "role": "member" }))
        .await;
    assert_eq!(invited.status_code(), 201, "{}", invited.text());
    let invitation = invited.json::<Value>()["id"]
        .as_str()
        .expect("id")
        .to_string();
    let api_resend = || {
        app.server
            .post(&format!(
                "/api/v1/workspaces/{id}/invitations/{invitation}/resend"
            ))
            .authorization_bearer(&owner)
    };
    let page_resend = format!("{ws}/invitations/{invitation}/resend");

    assert_eq!(api_resend().await.status_code(), 200);
    for _ in 0..2 {
        let sent = post_form_as(&app.server, &page_resend, &[]).await;
        assert_eq!(sent.status_code(), 303);
    }
    let refused = post_form_as(&app.server, &page_resend, &[]).await;
    assert_eq!(refused.status_code(), 303);
    let html = app.server.get(&format!("{ws}/members")).await.text();
    assert!(
        html.contains("This invitation was sent too often; you can send it again in"),
        "{html}"
    );
    let limited = api_resend().await;
    assert_eq!(limited.status_code(), 429, "{}", limited.text());
    assert!(retry_after(&limited) > 3000);
    // The invitation and three more.
    assert_eq!(app.mail.to("dave@example.com").await.len(), 4);
}
