//! Every error the API answers is JSON of one shape (`{error, description,
//! errors}`), the framework's own rejections included, and bodies that
//! are not JSON objects are refused.

use axum::http::StatusCode;
use serde_json::{json, Value};

use super::workspaces_api::workspace_of;
use crate::support::TestApp;

/// The answer is the API's error shape; returns it.
fn error_body(response: &axum_test::TestResponse) -> Value {
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(
        content_type.starts_with("application/json"),
        "{} answered {content_type:?}: {}",
        response.status_code(),
        response.text()
    );
    let body: Value = response.json();
    assert!(body["error"].is_string(), "{body}");
    assert!(body["description"].is_string(), "{body}");
    body
}

#[tokio::test]
async fn the_frameworks_own_rejections_are_json_errors() {
    let app = TestApp::start().await;
    let (token, ws) = workspace_of(&app, "Ann", "ann@example.com").await;

    // A query that does not parse: was 400 text/plain.
    let bad_query = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/expenses?limit=-1"))
        .authorization_bearer(&token)
        .await;
    assert_eq!(bad_query.status_code(), StatusCode::BAD_REQUEST);
    let body = error_body(&bad_query);
    assert_eq!(body["error"], "bad_request");
    assert!(
        body["description"].as_str().unwrap().contains("limit"),
        "{body}"
    );

    // A method the route does not take: was 405 with no body.
    let wrong_method = app.server.put("/api/auth/login").await;
    assert_eq!(wrong_method.status_code(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(error_body(&wrong_method)["error"], "method_not_allowed");
    assert!(
        wrong_method
            .headers()
            .get("allow")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|allow| allow.contains("POST")),
        "{:?}",
        wrong_method.headers()
    );

    // No credentials: 401 says how to authenticate.
    let anonymous = app.server.get("/api/v1/workspaces").await;
    assert_eq!(anonymous.status_code(), StatusCode::UNAUTHORIZED);
    error_body(&anonymous);
    assert_eq!(
        anonymous
            .headers()
            .get("www-authenticate")
            .and_then(|v| v.to_str().ok()),
        Some("Bearer")
    );
}

#[tokio::test]
async fn a_body_must_be_a_json_object_sent_as_json() {
    let app = TestApp::start().await;
    let (token, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let path = format!("/api/v1/workspaces/{ws}");

    // Sent as text: 415, was 422.
    let as_text = app
        .server
        .patch(&path)
        .authorization_bearer(&token)
        .content_type("text/plain")
        .bytes(r#"{"name":"Renamed"}"#.into())
        .await;
    assert_eq!(as_text.status_code(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(error_body(&as_text)["error"], "unsupported_media_type");

    // An array was read as the fields in order and renamed the workspace.
    let as_array = app
        .server
        .patch(&path)
        .authorization_bearer(&token)
        .json(&json!(["Renamed"]))
        .await;
    assert_eq!(as_array.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = error_body(&as_array);
    assert_eq!(body["errors"]["body"][0], "must be a JSON object", "{body}");
    let unchanged: Value = app
        .server
        .get(&path)
        .authorization_bearer(&token)
        .await
        .json();
    assert_eq!(unchanged["name"], "Ann's home");

    // Broken JSON names the problem.
    let broken = app
        .server
        .patch(&path)
        .authorization_bearer(&token)
        .content_type("application/json")
        .bytes(r#"{"name": "#.into())
        .await;
    assert_eq!(broken.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = error_body(&broken);
    assert!(
        body["errors"]["body"][0]
            .as_str()
            .unwrap_or_default()
            .starts_with("is not valid: "),
        "{body}"
    );

    // An object still works.
    let renamed = app
        .server
        .patch(&path)
        .authorization_bearer(&token)
        .json(&json!({ "name": "Renamed" }))
        .await;
    assert_eq!(renamed.status_code(), StatusCode::OK, "{}", renamed.text());
}

/// Found by Schemathesis on Postgres: a category named with a NUL answered
/// 500 (Postgres refuses NUL in text; SQLite stored it).
#[tokio::test]
async fn text_with_a_nul_or_control_characters_is_refused_and_nothing_is_saved() {
    let app = TestApp::start().await;
    let (token, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let api = format!("/api/v1/workspaces/{ws}");
    let post = |path: String, body: Value| {
        app.server
            .post(&path)
            .authorization_bearer(&token)
            .json(&body)
    };

    let nul = post(format!("{api}/categories"), json!({ "name": "Zeb\u{0}ra" })).await;
    assert_eq!(nul.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(error_body(&nul)["errors"]["body"][0]
        .as_str()
        .unwrap()
        .contains("NUL"));
    let login = app
        .server
        .post("/api/auth/login")
        .json(&json!({ "email": "ann@example.com\u{0}", "password": "x" }))
        .await;
    assert_eq!(login.status_code(), StatusCode::UNPROCESSABLE_ENTITY);

    let bell = post(
        format!("{api}/expenses"),
        json!({ "amount": "5", "date": "2026-11-02", "description": "Lunch\u{7}" }),
    )
    .await;
    assert_eq!(bell.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        error_body(&bell)["errors"]["description"][0],
        "must not contain control characters"
    );
    let search = app
        .server
        .get(&format!("{api}/expenses?q=a%00b"))
        .authorization_bearer(&token)
        .await;
    assert_eq!(search.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(error_body(&search)["errors"]["q"].is_array());

    // Notes keep their lines.
    let lines = post(
        format!("{api}/expenses"),
        json!({ "amount": "5", "date": "2026-11-02", "description": "Lunch", "notes": "one\ntwo" }),
    )
    .await;
    assert_eq!(lines.status_code(), StatusCode::CREATED, "{}", lines.text());
    assert_eq!(lines.json::<Value>()["notes"], "one\ntwo");

    let listed: Value = app
        .server
        .get(&format!("{api}/expenses"))
        .authorization_bearer(&token)
        .await
        .json();
    assert_eq!(listed["count"], 1, "only the expense with notes was saved");
    let categories: Value = app
        .server
        .get(&format!("{api}/categories?limit=200"))
        .authorization_bearer(&token)
        .await
        .json();
    assert!(!categories.to_string().contains("Zeb"), "{categories}");
}
