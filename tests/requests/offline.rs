//! Working offline: the service worker at `/sw.js`, the page it shows for
//! a page not kept, and the add form honouring `Idempotency-Key` as the
//! API's create does (a phone sends what it saved offline with a key, and
//! sending it again after a lost answer adds nothing twice).

use axum_test::multipart::MultipartForm;
use serde_json::Value;

use super::expense_pages::api;
use crate::support::{csrf_in, household, TestApp};

/// The add form as offline.js sends it: multipart, the CSRF token in a
/// header, with an `Idempotency-Key`.
async fn send_saved(
    app: &TestApp,
    ws: &str,
    key: &str,
    fields: &[(&str, &str)],
) -> axum_test::TestResponse {
    let token = csrf_in(&app.server.get("/").await.text());
    let mut form = MultipartForm::new();
    for (name, value) in fields {
        form = form.add_text(*name, *value);
    }
    app.server
        .post(&format!("{ws}/expenses"))
        .add_header("x-csrf-token", token)
        .add_header("idempotency-key", key)
        .multipart(form)
        .await
}

async fn descriptions(app: &TestApp, token: &str, ws: &str) -> Vec<String> {
    let list: Value = app
        .server
        .get(&format!("{}/expenses", api(ws)))
        .authorization_bearer(token)
        .await
        .json();
    list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|e| e["description"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test]
async fn the_service_worker_is_served_for_the_whole_app_and_never_kept_stale() {
    let app = TestApp::start().await;
    let sw = app.server.get("/sw.js").await;
    sw.assert_status_ok();
    assert_eq!(sw.header("content-type"), "text/javascript");
    assert_eq!(sw.header("cache-control"), "no-cache");
    // Served from the root, its default scope is the whole app; no header
    // needs to widen it.
    assert!(sw.maybe_header("service-worker-allowed").is_none());
    let script = sw.text();
    assert!(
        script.contains("const VERSION = "),
        "a cache version to bump"
    );
    assert!(
        script.contains(r#"request.method !== "GET""#),
        "no POST is kept"
    );

    // Every file the worker keeps at install is there (a missing one would
    // fail its install).
    let files =
        regex::Regex::new(r#""(/(?:static/[^"]+|offline|manifest\.webmanifest))""#).expect("regex");
    let listed: Vec<String> = files
        .captures_iter(&script)
        .map(|c| c[1].to_string())
        .collect();
    assert!(listed.len() >= 8, "{listed:?}");
    for path in &listed {
        let file = app.server.get(path).await;
        assert_eq!(file.status_code(), 200, "{path}");
    }

    // Every page registers it, from a script of its own (the CSP allows no
    // inline script).
    let home = app.server.get("/").await.text();
    assert!(
        home.contains(r#"<script src="/static/js/offline.js" defer></script>"#),
        "{home}"
    );
    let register = app.server.get("/static/js/offline.js").await.text();
    assert!(register.contains(r#"register("/sw.js", { scope: "/" })"#));
}

#[tokio::test]
async fn the_offline_page_says_what_still_works_in_the_members_language() {
    let app = TestApp::start().await;
    let page = app.server.get("/offline").await;
    page.assert_status_ok();
    let html = page.text();
    assert!(html.contains("You are offline"), "{html}");
    assert!(html.contains("Pages you opened recently can still be read."));
    let german = app
        .server
        .get("/offline")
        .add_header("accept-language", "de-DE")
        .await
        .text();
    assert!(german.contains("Du bist offline"), "{german}");
}

#[tokio::test]
async fn an_expense_saved_offline_is_added_once_however_often_it_is_sent() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let page = app.server.get(&format!("{ws}/expenses/new")).await.text();
    assert!(
        page.contains(r#"data-offline="expense""#),
        "the add form is marked for offline"
    );
    assert!(page.contains("Saved on this device; it will be sent when you are back online."));

    let fields = [
        ("from", "new"),
        ("amount", "12,50"),
        ("currency", "EUR"),
        ("date", "2026-11-21"),
        ("description", "Bakery, offline"),
        ("split_method", "none"),
    ];
    let key = "3f1c2a9e-offline-1";
    let first = send_saved(&app, &ws, key, &fields).await;
    assert_eq!(first.status_code(), 303, "{}", first.text());
    assert_eq!(first.header("location"), format!("{ws}/expenses").as_str());
    // The answer was lost: the phone sends it again, with the same key.
    let again = send_saved(&app, &ws, key, &fields).await;
    assert_eq!(again.status_code(), 303, "{}", again.text());
    assert_eq!(again.header("location"), format!("{ws}/expenses").as_str());
    let list = app.server.get(&format!("{ws}/expenses")).await.text();
    assert!(
        list.contains("Added &quot;Bakery, offline&quot;."),
        "{list}"
    );
    assert_eq!(descriptions(&app, &token, &ws).await, ["Bakery, offline"]);
    let added: Value = app
        .server
        .get(&format!("{}/expenses", api(&ws)))
        .authorization_bearer(&token)
        .await
        .json();
    assert_eq!(added["items"][0]["amount"], "12.50", "typed as in German");

    // The same key with another form is refused, not added.
    let mut other = fields.to_vec();
    other[1] = ("amount", "13,00");
    let refused = send_saved(&app, &ws, key, &other).await;
    assert_eq!(refused.status_code(), 409, "{}", refused.text());
    assert!(refused.text().contains("Conflict"), "{}", refused.text());
    assert_eq!(descriptions(&app, &token, &ws).await, ["Bakery, offline"]);

    // Another key is another expense; an invalid one shows the form again
    // (422) and remembers nothing, so the key still works once fixed.
    let mut bad = fields.to_vec();
    bad[1] = ("amount", "twelve");
    let invalid = send_saved(&app, &ws, "key-2", &bad).await;
    assert_eq!(invalid.status_code(), 422);
    let mut fixed = fields.to_vec();
    fixed[4] = ("description", "Bus, offline");
    let sent = send_saved(&app, &ws, "key-2", &fixed).await;
    assert_eq!(sent.status_code(), 303, "{}", sent.text());
    let mut all = descriptions(&app, &token, &ws).await;
    all.sort();
    assert_eq!(all, ["Bakery, offline", "Bus, offline"]);

    // A key longer than 255 characters is refused.
    let long = "k".repeat(256);
    let too_long = send_saved(&app, &ws, &long, &fixed).await;
    assert_eq!(too_long.status_code(), 422);
    assert_eq!(descriptions(&app, &token, &ws).await.len(), 2);

    // Without a key the form adds as it always did.
    let plain = send_saved_plain(&app, &ws, &fixed).await;
    assert_eq!(plain.status_code(), 303);
    assert_eq!(descriptions(&app, &token, &ws).await.len(), 3);
}

async fn send_saved_plain(
    app: &TestApp,
    ws: &str,
    fields: &[(&str, &str)],
) -> axum_test::TestResponse {
    app.post_form(&format!("{ws}/expenses"), fields).await
}
