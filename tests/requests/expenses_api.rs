use serde_json::{json, Value};

use super::workspaces_api::{join_as, workspace_of};
use crate::support::{category_id, household, TestApp};

async fn add(app: &TestApp, token: &str, ws: &str, body: Value) -> axum_test::TestResponse {
    app.server
        .post(&format!("/api/v1/workspaces/{ws}/expenses"))
        .authorization_bearer(token)
        .json(&body)
        .await
}

#[tokio::test]
async fn recording_an_expense_keeps_exact_minor_units_and_its_details() {
    let app = TestApp::start().await;
    let (token, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let groceries = category_id(&app, &token, &ws, "Groceries").await;
    let created = add(
        &app,
        &token,
        &ws,
        json!({
            "amount": "12.34", "date": "2026-11-21", "description": " Weekly shop ",
            "payee": "Corner market", "category_id": groceries, "tags": ["food", "Food", "weekly"],
        }),
    )
    .await;
    assert_eq!(created.status_code(), 201, "{}", created.text());
    let body: Value = created.json();
    assert_eq!(body["amount"], "12.34");
    assert_eq!(body["currency"], "EUR");
    assert_eq!(body["rate"], "1");
    assert_eq!(body["description"], "Weekly shop");
    assert_eq!(body["category"]["name"], "Groceries");
    assert_eq!(body["tags"], json!(["food", "weekly"]));
    assert_eq!(body["paid_by"]["name"], "Ann");

    let id = body["id"].as_str().unwrap();
    let shown = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/expenses/{id}"))
        .authorization_bearer(&token)
        .await
        .json::<Value>();
    assert_eq!(shown, body);
}

#[tokio::test]
async fn another_currency_keeps_the_original_amount_currency_and_rate() {
    let app = TestApp::start().await;
    let (token, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let missing_rate = add(&app, &token, &ws, json!({ "amount": "10.00", "currency": "usd", "date": "2026-11-01", "description": "Book" })).await;
    assert_eq!(missing_rate.status_code(), 422);
    assert!(missing_rate.json::<Value>()["errors"]["rate"][0]
        .as_str()
        .unwrap()
        .contains("required"));

    let yen = add(&app, &token, &ws, json!({ "amount": "1500", "currency": "JPY", "rate": "0.0062", "date": "2026-11-01", "description": "Ramen" })).await;
    assert_eq!(yen.status_code(), 201);
    let yen: Value = yen.json();
    assert_eq!(yen["original_amount"], "1500");
    assert_eq!(yen["currency"], "JPY");
    assert_eq!(yen["amount"], "9.30");
    assert_eq!(yen["rate"], "0.0062");
}

#[tokio::test]
async fn bad_expense_input_names_each_field_and_writes_nothing() {
    let app = TestApp::start().await;
    let (token, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let (other_token, other_ws) = workspace_of(&app, "Bea", "bea@example.com").await;
    let foreign_category = category_id(&app, &other_token, &other_ws, "Housing").await;
    let cases = [
        (
            json!({ "amount": "0", "date": "2026-11-21", "description": "x" }),
            "amount",
        ),
        (
            json!({ "amount": "-5", "date": "2026-11-21", "description": "x" }),
            "amount",
        ),
        (
            json!({ "amount": "12,50", "date": "2026-11-21", "description": "x" }),
            "amount",
        ),
        (
            json!({ "amount": "1.234", "date": "2026-11-21", "description": "x" }),
            "amount",
        ),
        (
            json!({ "amount": "1", "date": "2026-02-30", "description": "x" }),
            "date",
        ),
        (
            json!({ "amount": "1", "date": "21/11/2026", "description": "x" }),
            "date",
        ),
        (
            json!({ "amount": "1", "date": "2026-11-21", "description": "  " }),
            "description",
        ),
        (
            json!({ "amount": "1", "date": "2026-11-21", "description": "x", "category_id": foreign_category }),
            "category_id",
        ),
        (
            json!({ "amount": "1", "date": "2026-11-21", "description": "x", "paid_by": "00000000-0000-0000-0000-000000000000" }),
            "paid_by",
        ),
        (
            json!({ "amount": "1", "date": "2026-11-21", "description": "x", "currency": "XYZ" }),
            "currency",
        ),
        (
            json!({ "amount": "1", "date": "2026-11-21", "description": "x", "rate": "2" }),
            "rate",
        ),
    ];
    for (body, field) in cases {
        let response = add(&app, &token, &ws, body.clone()).await;
        assert_eq!(response.status_code(), 422, "{body}");
        assert!(
            response.json::<Value>()["errors"][field].is_array(),
            "{body} should fail on {field}: {}",
            response.text()
        );
    }
    let list = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/expenses"))
        .authorization_bearer(&token)
        .await
        .json::<Value>();
    assert_eq!(list["count"], 0);
}

#[tokio::test]
async fn the_list_filters_pages_by_cursor_and_totals_the_whole_filter() {
    let app = TestApp::start().await;
    let (token, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let bob = join_as(&app, &token, &ws, "bob@example.com", "member").await;
    let dining = category_id(&app, &token, &ws, "Dining out").await;
    for day in 1..=9 {
        add(&app, &token, &ws, json!({ "amount": format!("{day}.00"), "date": format!("2026-10-0{day}"), "description": format!("Lunch {day}"), "category_id": dining, "tags": ["work"] })).await;
    }
    add(&app, &bob, &ws, json!({ "amount": "40.00", "date": "2026-10-05", "description": "Cinema", "payee": "Odeon" })).await;

    let get = |query: &str| {
        let path = format!("/api/v1/workspaces/{ws}/expenses?{query}");
        let token = token.clone();
        let app = &app;
        async move {
            app.server
                .get(&path)
                .authorization_bearer(&token)
                .await
                .json::<Value>()
        }
    };
    let all = get("").await;
    assert_eq!(all["count"], 10);
    assert_eq!(all["total"], "85.00");
    assert_eq!(all["items"][0]["description"], "Lunch 9", "newest first");

    // Cursor pages cover every expense exactly once.
    let mut seen = Vec::new();
    let mut cursor = String::new();
    loop {
        let page = get(&format!("limit=3&cursor={cursor}")).await;
        for item in page["items"].as_array().unwrap() {
            seen.push(item["description"].as_str().unwrap().to_string());
        }
        assert_eq!(
            page["total"], "85.00",
            "totals cover the filter, not the page"
        );
        match page["next_cursor"].as_str() {
            Some(next) => cursor = next.to_string(),
            None => break,
        }
    }
    assert_eq!(seen.len(), 10);
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 10);

    assert_eq!(get("from=2026-10-03&to=2026-10-05").await["count"], 4);
    assert_eq!(get(&format!("category={dining}")).await["count"], 9);
    assert_eq!(get("tag=WORK").await["count"], 9);
    assert_eq!(get("min=5&max=40").await["total"], "75.00");
    let cinema = get("q=odeon").await;
    assert_eq!(cinema["count"], 1);
    assert_eq!(cinema["items"][0]["paid_by"]["name"], "Someone");
    assert_eq!(get("q=100%25").await["count"], 0, "% is matched literally");

    let bad = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/expenses?from=yesterday"))
        .authorization_bearer(&token)
        .await;
    assert_eq!(bad.status_code(), 422);
}

#[tokio::test]
async fn members_change_their_own_expenses_admins_any_viewers_none() {
    let app = TestApp::start().await;
    let (owner, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let member = join_as(&app, &owner, &ws, "mem@example.com", "member").await;
    let viewer = join_as(&app, &owner, &ws, "view@example.com", "viewer").await;
    let owners: Value = add(
        &app,
        &owner,
        &ws,
        json!({ "amount": "5", "date": "2026-11-01", "description": "Owner's" }),
    )
    .await
    .json();
    let mine: Value = add(
        &app,
        &member,
        &ws,
        json!({ "amount": "5", "date": "2026-11-01", "description": "Mine" }),
    )
    .await
    .json();
    assert_eq!(
        add(
            &app,
            &viewer,
            &ws,
            json!({ "amount": "5", "date": "2026-11-01", "description": "x" })
        )
        .await
        .status_code(),
        403
    );

    let patch = |token: &str, id: &Value| {
        app.server
            .patch(&format!(
                "/api/v1/workspaces/{ws}/expenses/{}",
                id["id"].as_str().unwrap()
            ))
            .authorization_bearer(token)
            .json(&json!({ "amount": "6.50" }))
    };
    assert_eq!(patch(&member, &mine).await.status_code(), 200);
    assert_eq!(patch(&member, &owners).await.status_code(), 403);
    assert_eq!(patch(&viewer, &mine).await.status_code(), 403);
    assert_eq!(patch(&owner, &mine).await.json::<Value>()["amount"], "6.50");

    // Delete offers undo: restore brings it back.
    let path = format!(
        "/api/v1/workspaces/{ws}/expenses/{}",
        mine["id"].as_str().unwrap()
    );
    assert_eq!(
        app.server
            .delete(&path)
            .authorization_bearer(&viewer)
            .await
            .status_code(),
        403
    );
    assert_eq!(
        app.server
            .delete(&path)
            .authorization_bearer(&member)
            .await
            .status_code(),
        204
    );
    assert_eq!(
        app.server
            .get(&path)
            .authorization_bearer(&member)
            .await
            .status_code(),
        404
    );
    let restored = app
        .server
        .post(&format!("{path}/restore"))
        .authorization_bearer(&member)
        .await;
    assert_eq!(restored.status_code(), 200);
    assert_eq!(
        app.server
            .get(&path)
            .authorization_bearer(&member)
            .await
            .status_code(),
        200
    );

    let audit = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/audit"))
        .authorization_bearer(&owner)
        .await
        .json::<Value>()["items"]
        .clone();
    let actions: Vec<&str> = audit
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(
        actions.starts_with(&[
            "expense.restored",
            "expense.deleted",
            "expense.updated",
            "expense.updated"
        ]),
        "{actions:?}"
    );
    let update = audit
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "expense.updated")
        .unwrap();
    assert_eq!(update["details"]["before"]["amount_minor"], 650);
    assert_eq!(update["details"]["after"]["amount_minor"], 650);
}

#[tokio::test]
async fn deleting_a_category_moves_its_expenses_where_asked() {
    let app = TestApp::start().await;
    let (token, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let dining = category_id(&app, &token, &ws, "Dining out").await;
    let other = category_id(&app, &token, &ws, "Other").await;
    add(&app, &token, &ws, json!({ "amount": "9", "date": "2026-11-01", "description": "Pizza", "category_id": dining })).await;

    let renamed = app
        .server
        .patch(&format!("/api/v1/workspaces/{ws}/categories/{dining}"))
        .authorization_bearer(&token)
        .json(&json!({ "name": "Restaurants" }))
        .await;
    assert_eq!(renamed.status_code(), 200);
    let taken = app
        .server
        .patch(&format!("/api/v1/workspaces/{ws}/categories/{dining}"))
        .authorization_bearer(&token)
        .json(&json!({ "name": "Other" }))
        .await;
    assert_eq!(taken.status_code(), 422);

    let to_itself = app
        .server
        .delete(&format!(
            "/api/v1/workspaces/{ws}/categories/{dining}?move_to={dining}"
        ))
        .authorization_bearer(&token)
        .await;
    assert_eq!(to_itself.status_code(), 422);
    let deleted = app
        .server
        .delete(&format!(
            "/api/v1/workspaces/{ws}/categories/{dining}?move_to={other}"
        ))
        .authorization_bearer(&token)
        .await;
    assert_eq!(deleted.status_code(), 204);
    let list = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/expenses"))
        .authorization_bearer(&token)
        .await
        .json::<Value>();
    assert_eq!(list["items"][0]["category"]["name"], "Other");
    let audit = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/audit"))
        .authorization_bearer(&token)
        .await
        .json::<Value>()["items"]
        .clone();
    assert!(audit[0]["summary"]
        .as_str()
        .unwrap()
        .contains("1 expense(s) moved to Other"));
    assert_eq!(
        audit[1]["details"]["before"]["name"], "Dining out",
        "renaming keeps history"
    );
}

#[tokio::test]
async fn a_create_sent_again_with_its_idempotency_key_answers_the_first_expense() {
    // A phone sends its queued expense, loses the answer, sends it again.
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let id = ws.trim_start_matches("/w/");
    let path = format!("/api/v1/workspaces/{id}/expenses");
    let body = json!({"amount": "12.50", "description": "Bakery", "date": "2026-11-21"});
    let send = |key: String, body: Value| {
        let (app, path, token) = (&app, path.clone(), token.clone());
        async move {
            app.server
                .post(&path)
                .authorization_bearer(&token)
                .add_header("Idempotency-Key", key)
                .json(&body)
                .await
        }
    };
    let first = send("offline-1".into(), body.clone()).await;
    assert_eq!(first.status_code(), 201, "{}", first.text());
    let again = send("offline-1".into(), body.clone()).await;
    assert_eq!(again.status_code(), 201, "{}", again.text());
    assert_eq!(again.json::<Value>()["id"], first.json::<Value>()["id"]);

    let other = send(
        "offline-1".into(),
        json!({"amount": "99.00", "description": "Bakery", "date": "2026-11-21"}),
    )
    .await;
    assert_eq!(other.status_code(), 409, "{}", other.text());
    assert_eq!(other.json::<Value>()["error"], "conflict");

    let too_long = send("k".repeat(256), body.clone()).await;
    assert_eq!(too_long.status_code(), 422, "{}", too_long.text());
    assert!(too_long.json::<Value>()["errors"]["Idempotency-Key"][0]
        .as_str()
        .unwrap()
        .contains("at most 255"));

    // Another key is another expense; no key, too.
    assert_eq!(
        send("offline-2".into(), body.clone()).await.status_code(),
        201
    );
    let list: Value = app
        .server
        .get(&path)
        .authorization_bearer(&token)
        .await
        .json();
    assert_eq!(list["items"].as_array().unwrap().len(), 2, "{list}");

    // A key is another member's own: theirs creates their expense.
    let ben = join_as(&app, &token, id, "ben@example.com", "member").await;
    let bens = app
        .server
        .post(&path)
        .authorization_bearer(&ben)
        .add_header("Idempotency-Key", "offline-1")
        .json(&body)
        .await;
    assert_eq!(bens.status_code(), 201, "{}", bens.text());
    assert_ne!(bens.json::<Value>()["id"], first.json::<Value>()["id"]);
}

#[tokio::test]
async fn the_daily_sweep_removes_expired_keys_of_every_workspace_and_keeps_fresh_ones() {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
    use smartexpense::models::_entities::idempotency_keys;

    let app = TestApp::start().await;
    let (ann, home) = workspace_of(&app, "Ann", "ann@example.com").await;
    let (cat, club) = workspace_of(&app, "Cat", "cat@example.com").await;
    let send = |token: String, ws: String, key: &'static str| {
        let app = &app;
        async move {
            let sent = app
                .server
                .post(&format!("/api/v1/workspaces/{ws}/expenses"))
                .authorization_bearer(&token)
                .add_header("Idempotency-Key", key)
                .json(&json!({"amount": "4.00", "description": key, "date": "2026-11-21"}))
                .await;
            assert_eq!(sent.status_code(), 201, "{}", sent.text());
            sent.json::<Value>()["id"].clone()
        }
    };
    send(ann.clone(), home.clone(), "old-home").await;
    send(cat.clone(), club.clone(), "old-club").await;
    let fresh = send(ann.clone(), home.clone(), "fresh-home").await;

    // Two of them two days old, in two workspaces that add nothing since.
    idempotency_keys::Entity::update_many()
        .col_expr(
            idempotency_keys::Column::CreatedAt,
            sea_orm::sea_query::Expr::value(chrono::Utc::now() - chrono::Duration::days(2)),
        )
        .filter(idempotency_keys::Column::Key.is_in(["old-home", "old-club"]))
        .exec(&app.owner_db)
        .await
        .unwrap();

    let sweep = smartexpense::workers::schedules::ALL
        .iter()
        .find(|s| s.name == "idempotency_sweep")
        .unwrap();
    (sweep.run)(app.ctx.clone()).await.unwrap();

    let left: Vec<String> = idempotency_keys::Entity::find()
        .select_only()
        .column(idempotency_keys::Column::Key)
        .order_by_asc(idempotency_keys::Column::Key)
        .into_tuple()
        .all(&app.owner_db)
        .await
        .unwrap();
    assert_eq!(left, ["fresh-home"], "only the fresh key is kept");
    assert_eq!(
        send(ann, home, "fresh-home").await,
        fresh,
        "and it still answers"
    );
}

/// The list's totals are kept while the workspace is unchanged (so paging
/// and reading again count nothing); every change, by any member and
/// through any door, shows in the very next read.
#[tokio::test]
async fn the_lists_totals_follow_every_change_at_once() {
    let app = TestApp::start().await;
    let (page_ws, token) = household(&app).await;
    let ws = page_ws.trim_start_matches("/w/").to_string();
    let bob = join_as(&app, &token, &ws, "bob@example.com", "member").await;
    let dining = category_id(&app, &token, &ws, "Dining out").await;
    let totals = |query: String| {
        let (app, token, ws) = (&app, token.clone(), ws.clone());
        async move {
            let list = app
                .server
                .get(&format!("/api/v1/workspaces/{ws}/expenses?{query}"))
                .authorization_bearer(&token)
                .await
                .json::<Value>();
            (
                list["count"].as_u64().unwrap(),
                list["total"].as_str().unwrap().to_string(),
            )
        }
    };
    let in_dining = format!("category={dining}");
    let lunch: Value = add(&app, &token, &ws, json!({ "amount": "10.00", "date": "2026-10-01", "description": "Lunch", "category_id": dining })).await.json();
    assert_eq!(totals(in_dining.clone()).await, (1, "10.00".into()));
    assert_eq!(
        totals(in_dining.clone()).await,
        (1, "10.00".into()),
        "read again"
    );

    // Another member's create.
    let created = add(&app, &bob, &ws, json!({ "amount": "5.50", "date": "2026-10-02", "description": "Tea", "category_id": dining })).await;
    assert_eq!(created.status_code(), 201, "{}", created.text());
    assert_eq!(totals(in_dining.clone()).await, (2, "15.50".into()));
    assert_eq!(totals("q=tea".into()).await, (1, "5.50".into()));

    // A change of amount through the API, then of category through the
    // page's form.
    let id = lunch["id"].as_str().unwrap();
    let patched = app
        .server
        .patch(&format!("/api/v1/workspaces/{ws}/expenses/{id}"))
        .authorization_bearer(&token)
        .json(&json!({ "amount": "12.00" }))
        .await;
    assert_eq!(patched.status_code(), 200, "{}", patched.text());
    assert_eq!(totals(in_dining.clone()).await, (2, "17.50".into()));
    let moved = app
        .post_form(
            &format!("{page_ws}/expenses/{id}"),
            &[
                ("amount", "12.00"),
                ("date", "2026-10-01"),
                ("description", "Lunch"),
                ("category_id", ""),
            ],
        )
        .await;
    assert!(moved.status_code().is_redirection(), "{}", moved.text());
    assert_eq!(totals(in_dining.clone()).await, (1, "5.50".into()));
    assert_eq!(totals(String::new()).await, (2, "17.50".into()));

    // Deleted through the page, then restored.
    let deleted = app
        .post_form(&format!("{page_ws}/expenses/{id}/delete"), &[])
        .await;
    assert!(deleted.status_code().is_redirection(), "{}", deleted.text());
    assert_eq!(totals(String::new()).await, (1, "5.50".into()));
    let restored = app
        .post_form(&format!("{page_ws}/expenses/{id}/restore"), &[])
        .await;
    assert!(
        restored.status_code().is_redirection(),
        "{}",
        restored.text()
    );
    assert_eq!(totals(String::new()).await, (2, "17.50".into()));
}
