use serde_json::{json, Value};

use super::workspaces_api::workspace_of;
use crate::support::{TestApp, PASSWORD};

#[tokio::test]
async fn an_access_token_works_on_the_api_until_it_is_revoked() {
    let app = TestApp::start().await;
    let (login, ws) = workspace_of(&app, "Ann", "ann@example.com").await;

    let issued = app
        .server
        .post("/api/v1/tokens")
        .authorization_bearer(&login)
        .json(&json!({ "name": "Bank script", "expires_in_days": "30" }))
        .await;
    assert_eq!(issued.status_code(), 201, "{}", issued.text());
    let issued: Value = issued.json();
    let secret = issued["token"].as_str().unwrap().to_string();
    assert!(secret.starts_with("se_") && secret.len() > 40);
    assert_eq!(issued["state"], "active");
    assert!(secret.starts_with(issued["prefix"].as_str().unwrap()));

    // The token reaches the workspace like a login token does.
    let added = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/expenses"))
        .authorization_bearer(&secret)
        .json(&json!({ "amount": "3.20", "date": "2026-11-01", "description": "Coffee" }))
        .await;
    assert_eq!(added.status_code(), 201);
    let listed: Value = app
        .server
        .get("/api/v1/tokens")
        .authorization_bearer(&login)
        .await
        .json::<Value>()["items"]
        .clone();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert!(listed[0]["token"].is_null(), "the secret is never listed");
    assert!(listed[0]["last_used_at"].is_string());

    // It cannot manage tokens itself, so a leaked one cannot outlive revocation.
    let minted = app
        .server
        .post("/api/v1/tokens")
        .authorization_bearer(&secret)
        .json(&json!({ "name": "Sneaky" }))
        .await;
    assert_eq!(minted.status_code(), 403);

    let id = issued["id"].as_str().unwrap();
    assert_eq!(
        app.server
            .delete(&format!("/api/v1/tokens/{id}"))
            .authorization_bearer(&login)
            .await
            .status_code(),
        204
    );
    let refused = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/expenses"))
        .authorization_bearer(&secret)
        .await;
    assert_eq!(refused.status_code(), 401);
    let listed: Value = app
        .server
        .get("/api/v1/tokens")
        .authorization_bearer(&login)
        .await
        .json::<Value>()["items"]
        .clone();
    assert_eq!(listed[0]["state"], "revoked");
}

#[tokio::test]
async fn bad_token_requests_are_refused_and_other_peoples_tokens_are_out_of_reach() {
    let app = TestApp::start().await;
    let (ann, _) = workspace_of(&app, "Ann", "ann@example.com").await;
    let (bea, _) = workspace_of(&app, "Bea", "bea@example.com").await;
    for (body, field) in [
        (json!({ "name": "  " }), "name"),
        (json!({ "name": "x".repeat(61) }), "name"),
        (
            json!({ "name": "ok", "expires_in_days": "0" }),
            "expires_in_days",
        ),
        (
            json!({ "name": "ok", "expires_in_days": "soon" }),
            "expires_in_days",
        ),
    ] {
        let response = app
            .server
            .post("/api/v1/tokens")
            .authorization_bearer(&ann)
            .json(&body)
            .await;
        assert_eq!(response.status_code(), 422, "{body}");
        assert!(
            response.json::<Value>()["errors"][field].is_array(),
            "{body}"
        );
    }
    let made: Value = app
        .server
        .post("/api/v1/tokens")
        .authorization_bearer(&bea)
        .json(&json!({ "name": "Bea's" }))
        .await
        .json();
    let bea_token = made["id"].as_str().unwrap();
    let taken = app
        .server
        .delete(&format!("/api/v1/tokens/{bea_token}"))
        .authorization_bearer(&ann)
        .await;
    assert_eq!(taken.status_code(), 404);
    let still: Value = app
        .server
        .get("/api/v1/tokens")
        .authorization_bearer(&bea)
        .await
        .json::<Value>()["items"]
        .clone();
    assert_eq!(still[0]["state"], "active");
    let forged = app
        .server
        .get("/api/v1/tokens")
        .authorization_bearer("se_notarealtoken")
        .await;
    assert_eq!(forged.status_code(), 401);
}

#[tokio::test]
async fn the_account_page_shows_a_new_token_once_and_revokes_it() {
    let app = TestApp::start().await;
    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    let created = app
        .post_form(
            "/account/tokens",
            &[("name", "Phone"), ("expires_in_days", "90")],
        )
        .await;
    created.assert_status_ok();
    let html = created.text();
    let secret = regex::Regex::new(r#"value="(se_[A-Za-z0-9]+)""#)
        .unwrap()
        .captures(&html)
        .expect("the secret is shown")[1]
        .to_string();
    assert!(html.contains("it is not shown again"));
    let again = app.server.get("/account").await.text();
    assert!(!again.contains(&secret), "shown once only");
    assert!(again.contains("Phone"));

    assert_eq!(
        app.server
            .get("/api/auth/current")
            .authorization_bearer(&secret)
            .await
            .status_code(),
        403,
        "auth endpoints take login tokens (403, as managing tokens does: a 401 \
         would tell the client to drop a token that works elsewhere)"
    );
    assert_eq!(
        app.server
            .get("/api/v1/workspaces")
            .authorization_bearer(&secret)
            .await
            .status_code(),
        200
    );

    let bad = app
        .post_form(
            "/account/tokens",
            &[("name", ""), ("expires_in_days", "90")],
        )
        .await;
    assert_eq!(bad.status_code(), 422);
    assert!(
        bad.text().contains("Name can") && bad.text().contains("t be blank."),
        "{}",
        bad.text()
    );

    let tokens: Value = app
        .server
        .get("/api/v1/tokens")
        .authorization_bearer(&app.api_login("ann@example.com", PASSWORD).await)
        .await
        .json::<Value>()["items"]
        .clone();
    let id = tokens[0]["id"].as_str().unwrap();
    assert_eq!(
        app.post_form(&format!("/account/tokens/{id}/revoke"), &[])
            .await
            .status_code(),
        303
    );
    assert_eq!(
        app.server
            .get("/api/v1/workspaces")
            .authorization_bearer(&secret)
            .await
            .status_code(),
        401
    );
}
