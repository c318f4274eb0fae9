use chrono::{Duration, Utc};
use loco_rs::prelude::*;
use smartexpense::models::{sessions, users};

use crate::support::{post_form_as, TestApp, PASSWORD};

async fn session_count(app: &TestApp) -> u64 {
    sessions::Entity::find().count(&app.ctx.db).await.unwrap()
}

#[tokio::test]
async fn signing_up_in_the_browser_signs_in_and_mails_a_working_link() {
    let app = TestApp::start().await;
    let form = app.server.get("/signup").await;
    form.assert_status_ok();
    assert!(form.text().contains(r#"name="_csrf""#));

    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    let account = app.server.get("/account").await;
    account.assert_status_ok();
    assert!(account.text().contains("ann@example.com"));
    assert!(account.text().contains("not confirmed yet"));

    let link = app.mail.last_to("ann@example.com").await.link_path();
    let confirmed = app.server.get(&link).await;
    confirmed.assert_status_ok();
    assert!(confirmed.text().contains("is confirmed"));
    assert!(app
        .server
        .get("/account")
        .await
        .text()
        .contains("(confirmed)"));

    let reused = app.server.get(&link).await;
    assert_eq!(reused.status_code(), 404);
    assert!(reused.text().contains("invalid, expired or already used"));
}

#[tokio::test]
async fn a_signup_form_with_errors_comes_back_with_messages_and_saves_nothing() {
    let app = TestApp::start().await;
    let response = app
        .post_form(
            "/signup",
            &[("name", "Ann"), ("email", "ann@"), ("password", "short")],
        )
        .await;
    assert_eq!(response.status_code(), 422);
    let html = response.text();
    assert!(html.contains("Email is not a valid email address."));
    assert!(html.contains("Password must be at least 10 characters long."));
    assert!(html.contains(r#"value="Ann""#), "keeps what was typed");
    assert_eq!(users::Entity::find().count(&app.ctx.db).await.unwrap(), 0);
}

/// With verification required (the hosted setting), a signup with a taken
/// address gets the very answer a new one gets; the owner is mailed.
#[tokio::test]
async fn a_signup_with_a_taken_address_is_answered_as_a_new_one() {
    let app = TestApp::start_with_setting("require_verified_email", serde_json::json!(true)).await;
    let app = &app;
    let signup = |name: &'static str, email: &'static str| async move {
        let browser = app.another_browser();
        let answer = post_form_as(
            &browser,
            "/signup",
            &[("name", name), ("email", email), ("password", PASSWORD)],
        )
        .await;
        let location = answer.header("location").to_str().unwrap().to_string();
        let notice = browser.get(&location).await.text();
        let start = notice.find("class=\"flash").unwrap_or(0);
        let notice: String = notice[start..].chars().take(200).collect();
        (answer.status_code(), location, notice)
    };
    let new = signup("Bob", "bob@example.com").await;
    signup("Ann", "ann@example.com").await;
    let taken = signup("Mallory", "Ann@Example.com").await;
    assert_eq!(new.0, 303);
    assert!(
        new.2
            .contains("Almost there: we sent a mail to bob@example.com."),
        "{}",
        new.2
    );
    assert_eq!(
        (taken.0, taken.1, taken.2.replace("ann@", "bob@")),
        new,
        "a taken address is answered as a new one"
    );
    let mails = app.mail.to("ann@example.com").await;
    assert_eq!(
        mails.len(),
        2,
        "the link to confirm Ann's address, then the notice"
    );
    let notice = app
        .mail
        .last_about("ann@example.com", "Someone tried")
        .await;
    assert!(notice.text().contains("nothing was created or changed"));
    assert_eq!(users::Entity::find().count(&app.ctx.db).await.unwrap(), 2);
}

#[tokio::test]
async fn logging_in_and_out_in_the_browser() {
    let app = TestApp::start().await;
    app.api_user("Ann", "ann@example.com", PASSWORD).await;

    let wrong = app
        .post_form(
            "/login",
            &[
                ("email", "ann@example.com"),
                ("password", "wrong password here"),
            ],
        )
        .await;
    assert_eq!(wrong.status_code(), 401);
    assert!(wrong.text().contains("Email or password is incorrect."));

    let ok = app
        .post_form(
            "/login",
            &[
                ("email", "ANN@example.com"),
                ("password", PASSWORD),
                ("next", "/account"),
            ],
        )
        .await;
    assert_eq!(ok.status_code(), 303);
    assert_eq!(ok.header("location"), "/account");
    let cookie = ok.cookie("se_session");
    assert!(cookie.http_only().unwrap_or(false));
    assert_eq!(cookie.same_site(), Some(cookie::SameSite::Lax));
    assert!(!cookie.secure().unwrap_or(false), "plain http here");
    assert_eq!(cookie.value().len(), 43);
    // Only a digest of the cookie is stored.
    let stored = sessions::Entity::find()
        .one(&app.ctx.db)
        .await
        .unwrap()
        .unwrap();
    assert_ne!(stored.token_hash, cookie.value());

    app.server.get("/account").await.assert_status_ok();
    let out = app.post_form("/logout", &[]).await;
    assert_eq!(out.status_code(), 303);
    assert_eq!(session_count(&app).await, 0);
    let after = app.server.get("/account").await;
    assert_eq!(after.status_code(), 303);
    assert_eq!(after.header("location"), "/login?next=%2Faccount");
}

#[tokio::test]
async fn login_follows_only_local_next_paths() {
    let app = TestApp::start().await;
    // What browsers read as another site: tabs and newlines inside a URL
    // are dropped and `\` is a `/` to them.
    let cases = [
        ("//evil.example/x", "/"),
        ("/\t/evil.example", "/"),
        ("/\n/evil.example", "/"),
        ("/\r\n/evil.example", "/"),
        ("/\\evil.example", "/"),
        ("\t//evil.example", "/"),
        ("https://evil.example/", "/"),
        ("/ /evil.example", "/"),
        ("/account?tab=tokens", "/account?tab=tokens"),
    ];
    // Each account may try five times a minute.
    for (i, chunk) in cases.chunks(4).enumerate() {
        let email = format!("ann{i}@example.com");
        app.api_user("Ann", &email, PASSWORD).await;
        for (next, followed) in chunk {
            let response = app
                .post_form(
                    "/login",
                    &[
                        ("email", email.as_str()),
                        ("password", PASSWORD),
                        ("next", next),
                    ],
                )
                .await;
            assert_eq!(response.status_code(), 303, "{next:?}");
            assert_eq!(response.header("location"), *followed, "{next:?}");
        }
    }
}

#[tokio::test]
async fn login_rotates_the_session_id() {
    let app = TestApp::start().await;
    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    let first = sessions::Entity::find()
        .one(&app.ctx.db)
        .await
        .unwrap()
        .unwrap();
    app.post_form(
        "/login",
        &[("email", "ann@example.com"), ("password", PASSWORD)],
    )
    .await
    .assert_status(axum::http::StatusCode::SEE_OTHER);
    let all = sessions::Entity::find().all(&app.ctx.db).await.unwrap();
    assert_eq!(all.len(), 1, "the old session ended");
    assert_ne!(all[0].token_hash, first.token_hash);
}

#[tokio::test]
async fn log_out_everywhere_ends_every_session_of_the_account() {
    let app = TestApp::start().await;
    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    let phone = app.another_browser();
    post_form_as(
        &phone,
        "/login",
        &[("email", "ann@example.com"), ("password", PASSWORD)],
    )
    .await;
    phone.get("/account").await.assert_status_ok();
    assert_eq!(session_count(&app).await, 2);

    app.post_form("/account/logout-everywhere", &[]).await;
    assert_eq!(session_count(&app).await, 0);
    assert_eq!(phone.get("/account").await.status_code(), 303);
    assert_eq!(app.server.get("/account").await.status_code(), 303);
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_other_sessions() {
    let app = TestApp::start().await;
    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    let phone = app.another_browser();
    post_form_as(
        &phone,
        "/login",
        &[("email", "ann@example.com"), ("password", PASSWORD)],
    )
    .await;

    let wrong = app
        .change_password("not my password", "a brand new passphrase")
        .await;
    assert_eq!(wrong.status_code(), 422);
    assert!(wrong
        .text()
        .contains("Current password is not your current password."));
    assert_eq!(session_count(&app).await, 2);

    let changed = app
        .change_password(PASSWORD, "a brand new passphrase")
        .await;
    assert_eq!(changed.status_code(), 303);
    app.server.get("/account").await.assert_status_ok();
    assert_eq!(phone.get("/account").await.status_code(), 303);
    app.api_login("ann@example.com", "a brand new passphrase")
        .await;
}

#[tokio::test]
async fn changing_the_email_waits_for_the_link_sent_to_the_new_address() {
    let app = TestApp::start().await;
    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    app.api_user("Bob", "bob@example.com", PASSWORD).await;

    let taken = app
        .post_form(
            "/account/email",
            &[
                ("current_password", PASSWORD),
                ("new_email", "BOB@example.com"),
            ],
        )
        .await;
    assert_eq!(taken.status_code(), 422);
    assert!(taken.text().contains("New email is already registered."));

    let no_password = app
        .post_form(
            "/account/email",
            &[
                ("current_password", "nope nope nope"),
                ("new_email", "ann@new.example"),
            ],
        )
        .await;
    assert_eq!(no_password.status_code(), 422);

    let asked = app
        .post_form(
            "/account/email",
            &[
                ("current_password", PASSWORD),
                ("new_email", "Ann@New.example"),
            ],
        )
        .await;
    assert_eq!(asked.status_code(), 303);
    let user = users::Model::find_by_email(&app.ctx.db, "ann@example.com")
        .await
        .unwrap();
    assert_eq!(user.pending_email.as_deref(), Some("ann@new.example"));

    let mail = app.mail.last_to("ann@new.example").await;
    assert_eq!(
        mail.subject(),
        "Confirm your new email address for SmartExpense"
    );
    app.server.get(&mail.link_path()).await.assert_status_ok();
    let user = users::Model::find_by_email(&app.ctx.db, "ann@new.example")
        .await
        .unwrap();
    assert!(user.pending_email.is_none());
    assert!(user.is_verified());
}

#[tokio::test]
async fn deleting_the_account_needs_the_password() {
    let app = TestApp::start().await;
    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    let wrong = app
        .post_form("/account/delete", &[("password", "not my password")])
        .await;
    assert_eq!(wrong.status_code(), 422);
    assert_eq!(users::Entity::find().count(&app.ctx.db).await.unwrap(), 1);

    let deleted = app
        .post_form("/account/delete", &[("password", PASSWORD)])
        .await;
    assert_eq!(deleted.status_code(), 303);
    assert_eq!(users::Entity::find().count(&app.ctx.db).await.unwrap(), 0);
    assert_eq!(session_count(&app).await, 0);
    // The flash survives the redirect and is shown once.
    let home = app.server.get("/").await.text();
    assert!(home.contains("Your account and its data are deleted."));
    assert!(!app.server.get("/").await.text().contains("are deleted"));
}

#[tokio::test]
async fn reset_password_through_the_pages() {
    let app = TestApp::start().await;
    app.api_user("Ann", "ann@example.com", PASSWORD).await;
    let sent = app
        .post_form("/forgot-password", &[("email", "ann@example.com")])
        .await;
    sent.assert_status_ok();
    assert!(sent.text().contains("a reset link is on its way"));
    let link = app
        .mail
        .last_about("ann@example.com", "Reset")
        .await
        .link_path();
    app.server.get(&link).await.assert_status_ok();

    let weak = app.post_form(&link, &[("password", "123")]).await;
    assert_eq!(weak.status_code(), 422);
    let done = app
        .post_form(&link, &[("password", "a brand new passphrase")])
        .await;
    assert_eq!(done.status_code(), 303);
    let reused = app.server.get(&link).await;
    assert_eq!(reused.status_code(), 404);
    assert!(reused.text().contains("invalid, expired or already used"));
    app.api_login("ann@example.com", "a brand new passphrase")
        .await;
}

#[tokio::test]
async fn idle_and_expired_sessions_end() {
    let app = TestApp::start().await;
    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    let session = sessions::Entity::find()
        .one(&app.ctx.db)
        .await
        .unwrap()
        .unwrap();
    let mut idle = session.clone().into_active_model();
    idle.last_seen_at = Set((Utc::now() - Duration::days(8)).into());
    idle.update(&app.ctx.db).await.unwrap();
    assert_eq!(app.server.get("/account").await.status_code(), 303);
    assert_eq!(session_count(&app).await, 0, "deleted on sight");

    app.post_form(
        "/login",
        &[("email", "ann@example.com"), ("password", PASSWORD)],
    )
    .await;
    let session = sessions::Entity::find()
        .one(&app.ctx.db)
        .await
        .unwrap()
        .unwrap();
    let mut expired = session.into_active_model();
    expired.expires_at = Set((Utc::now() - Duration::minutes(1)).into());
    expired.update(&app.ctx.db).await.unwrap();
    assert_eq!(app.server.get("/account").await.status_code(), 303);
}

#[tokio::test]
async fn page_logins_are_rate_limited_too() {
    let app = TestApp::start().await;
    for _ in 0..5 {
        app.post_form(
            "/login",
            &[("email", "ann@example.com"), ("password", "wrong password")],
        )
        .await;
    }
    let limited = app
        .post_form(
            "/login",
            &[("email", "ann@example.com"), ("password", "wrong password")],
        )
        .await;
    assert_eq!(limited.status_code(), 429);
    assert!(limited.maybe_header("retry-after").is_some());
    assert!(limited.text().contains("Too many attempts"));
}
