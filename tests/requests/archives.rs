//! A workspace exported as a JSON archive and restored into an empty one
//! comes back with nothing lost.

use chrono::{Months, Utc};
use serde_json::{json, Value};
use smartexpense::models::recurring_expenses;

use super::workspaces_api::{join_as, workspace_of};
use crate::support::{TestApp, PASSWORD};

async fn get(app: &TestApp, token: &str, path: &str) -> Value {
    let response = app.server.get(path).authorization_bearer(token).await;
    assert_eq!(response.status_code(), 200, "{path}: {}", response.text());
    response.json()
}

async fn post(app: &TestApp, token: &str, path: &str, body: Value) -> axum_test::TestResponse {
    app.server
        .post(path)
        .authorization_bearer(token)
        .json(&body)
        .await
}

#[tokio::test]
async fn a_workspace_round_trips_through_its_archive_with_nothing_lost() {
    let app = TestApp::start().await;
    let (ann, a) = workspace_of(&app, "Ann", "ann@example.com").await;
    let bob = join_as(&app, &ann, &a, "bob@example.com", "member").await;
    let api = |ws: &str, rest: &str| format!("/api/v1/workspaces/{ws}/{rest}");
    let ann_id = get(&app, &ann, "/api/auth/current").await["pid"]
        .as_str()
        .unwrap()
        .to_string();
    let bob_id = get(&app, &bob, "/api/auth/current").await["pid"]
        .as_str()
        .unwrap()
        .to_string();

    // A little of everything.
    let pets = post(
        &app,
        &ann,
        &api(&a, "categories"),
        json!({ "name": "Pets", "color": "#123456" }),
    )
    .await
    .json::<Value>()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let vet = post(
        &app,
        &ann,
        &api(&a, "categories"),
        json!({ "name": "Vet", "parent_id": pets }),
    )
    .await
    .json::<Value>()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let both = json!({ "method": "shares", "parts": [{ "member": ann_id, "value": "2" }, { "member": bob_id, "value": "1" }] });
    for body in [
        json!({ "amount": "90.00", "date": "2026-10-01", "description": "Checkup", "category_id": vet, "tags": ["dog", "yearly"], "notes": "all fine", "payee": "Dr. Paws", "split": both }),
        json!({ "amount": "20.00", "currency": "USD", "rate": "0.9", "date": "2026-10-02", "description": "Book", "paid_by": bob_id, "split": { "method": "equal", "parts": [{ "member": ann_id }, { "member": bob_id }] } }),
        json!({ "amount": "5.00", "date": "2026-10-03", "description": "Snack" }),
    ] {
        assert_eq!(
            post(&app, &ann, &api(&a, "expenses"), body)
                .await
                .status_code(),
            201
        );
    }
    let gone = post(
        &app,
        &ann,
        &api(&a, "expenses"),
        json!({ "amount": "1.00", "date": "2026-10-04", "description": "Deleted one" }),
    )
    .await
    .json::<Value>();
    app.server
        .delete(&api(
            &a,
            &format!("expenses/{}", gone["id"].as_str().unwrap()),
        ))
        .authorization_bearer(&ann)
        .await;
    post(&app, &bob, &api(&a, "settlements"), json!({ "from": bob_id, "to": ann_id, "amount": "10.00", "date": "2026-10-05", "note": "cash" })).await;
    let start = Utc::now()
        .date_naive()
        .checked_sub_months(Months::new(1))
        .unwrap();
    let rule = post(&app, &ann, &api(&a, "recurring"), json!({ "frequency": "monthly", "starts_on": start.to_string(), "amount": "30", "description": "Insurance", "category_id": pets, "split": both })).await;
    assert_eq!(rule.status_code(), 201, "{}", rule.text());

    let archive = get(&app, &ann, &api(&a, "archive")).await;
    assert_eq!(archive["format"], "smartexpense-archive");
    assert_eq!(
        archive["expenses"].as_array().unwrap().len(),
        5,
        "three, two insurance payments, not the deleted one"
    );
    assert_eq!(archive["expenses"][0]["paid_by"], "ann@example.com");

    // Restoring needs the people it names.
    let b = post(
        &app,
        &ann,
        "/api/v1/workspaces",
        json!({ "name": "Copy", "kind": "household", "currency": "USD" }),
    )
    .await
    .json::<Value>()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let refused = post(&app, &ann, &api(&b, "archive"), archive.clone()).await;
    assert_eq!(refused.status_code(), 422);
    assert!(refused.json::<Value>()["errors"]["archive"][0]
        .as_str()
        .unwrap()
        .contains("invite them first: bob@example.com"));
    assert_eq!(
        get(&app, &ann, &api(&b, "expenses")).await["count"],
        0,
        "nothing written"
    );

    assert_eq!(
        post(
            &app,
            &ann,
            &api(&b, "invitations"),
            json!({ "email": "bob@example.com", "role": "member" })
        )
        .await
        .status_code(),
        201
    );
    // Bob has an earlier invitation too: wait for the one to "Copy".
    let link = app
        .mail
        .arrived("bob@example.com", "invited you to Copy")
        .await
        .link_path();
    let bob = app.api_login("bob@example.com", PASSWORD).await;
    assert_eq!(
        app.server
            .post(&format!("/api/v1{link}/accept"))
            .authorization_bearer(&bob)
            .await
            .status_code(),
        200
    );

    let restored = post(&app, &ann, &api(&b, "archive"), archive.clone()).await;
    assert_eq!(restored.status_code(), 201, "{}", restored.text());
    assert_eq!(restored.json::<Value>()["expenses"], 5);

    let copy = get(&app, &ann, &api(&b, "archive")).await;
    for part in ["categories", "expenses", "settlements", "recurring"] {
        assert_eq!(copy[part], archive[part], "{part} came back as it was");
    }
    assert_eq!(
        copy["workspace"]["currency"], "EUR",
        "the archive's currency"
    );
    assert_eq!(
        get(&app, &ann, &api(&b, "balances")).await,
        get(&app, &ann, &api(&a, "balances")).await
    );

    // The restored rule does not make its past payments again.
    recurring_expenses::Model::run_due(&app.ctx).await.unwrap();
    assert_eq!(get(&app, &ann, &api(&b, "expenses")).await["count"], 5);

    let twice = post(&app, &ann, &api(&b, "archive"), archive.clone()).await;
    assert_eq!(twice.status_code(), 422);
    assert!(twice.json::<Value>()["errors"]["archive"][0]
        .as_str()
        .unwrap()
        .contains("no expenses yet"));
    let not_an_archive = post(&app, &ann, &api(&b, "archive"), json!({ "hello": "world" })).await;
    assert_eq!(not_an_archive.status_code(), 422);

    // Members may not take or restore the whole workspace.
    assert_eq!(
        app.server
            .get(&api(&a, "archive"))
            .authorization_bearer(&bob)
            .await
            .status_code(),
        403
    );
}

#[tokio::test]
async fn an_archive_carries_the_default_split_and_refuses_one_it_does_not_know() {
    let app = TestApp::start().await;
    let (ann, a) = workspace_of(&app, "Ann", "ann@example.com").await;
    let patched = app
        .server
        .patch(&format!("/api/v1/workspaces/{a}"))
        .authorization_bearer(&ann)
        .json(&json!({ "default_split": "none" }))
        .await;
    assert_eq!(patched.status_code(), 200, "{}", patched.text());
    let archive = get(&app, &ann, &format!("/api/v1/workspaces/{a}/archive")).await;
    assert_eq!(archive["workspace"]["default_split"], "none");

    let b = post(
        &app,
        &ann,
        "/api/v1/workspaces",
        json!({ "name": "Copy", "kind": "household", "currency": "EUR" }),
    )
    .await
    .json::<Value>()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let split_of = |ws: String| {
        let app = &app;
        let ann = ann.clone();
        async move { get(app, &ann, &format!("/api/v1/workspaces/{ws}")).await["default_split"].clone() }
    };
    assert_eq!(split_of(b.clone()).await, "equal", "a new household shares");

    let mut unknown = archive.clone();
    unknown["workspace"]["default_split"] = json!("halves");
    let refused = post(
        &app,
        &ann,
        &format!("/api/v1/workspaces/{b}/archive"),
        unknown,
    )
    .await;
    assert_eq!(refused.status_code(), 422);
    assert!(
        refused.text().contains("unknown default split `halves`"),
        "{}",
        refused.text()
    );
    assert_eq!(split_of(b.clone()).await, "equal", "nothing changed");

    let restored = post(
        &app,
        &ann,
        &format!("/api/v1/workspaces/{b}/archive"),
        archive,
    )
    .await;
    assert!(restored.status_code().is_success(), "{}", restored.text());
    assert_eq!(split_of(b.clone()).await, "none");
}
