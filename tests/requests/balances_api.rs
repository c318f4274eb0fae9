use serde_json::{json, Value};

use super::workspaces_api::{join_as, workspace_of};
use crate::support::TestApp;

async fn pid(app: &TestApp, token: &str) -> String {
    app.server
        .get("/api/auth/current")
        .authorization_bearer(token)
        .await
        .json::<Value>()["pid"]
        .as_str()
        .unwrap()
        .to_string()
}

async fn add(app: &TestApp, token: &str, ws: &str, body: Value) -> axum_test::TestResponse {
    app.server
        .post(&format!("/api/v1/workspaces/{ws}/expenses"))
        .authorization_bearer(token)
        .json(&body)
        .await
}

async fn balances(app: &TestApp, token: &str, ws: &str) -> Value {
    let response = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/balances"))
        .authorization_bearer(token)
        .await;
    assert_eq!(response.status_code(), 200, "{}", response.text());
    response.json()
}

/// `{member id: balance}`.
fn by_member(balances: &Value) -> std::collections::HashMap<String, String> {
    balances["balances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["member"]["id"].as_str().unwrap().to_string(),
                b["balance"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn an_equal_split_gives_the_odd_cent_deterministically_and_balances_follow() {
    let app = TestApp::start().await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let bob = join_as(&app, &ann, &ws, "bob@example.com", "member").await;
    let cat = join_as(&app, &ann, &ws, "cat@example.com", "member").await;
    let (ann_id, bob_id, cat_id) = (
        pid(&app, &ann).await,
        pid(&app, &bob).await,
        pid(&app, &cat).await,
    );

    let created = add(&app, &ann, &ws, json!({
        "amount": "100.00", "date": "2026-11-01", "description": "Groceries",
        "split": { "method": "equal", "parts": [{ "member": cat_id }, { "member": ann_id }, { "member": bob_id }] },
    }))
    .await;
    assert_eq!(created.status_code(), 201, "{}", created.text());
    let created: Value = created.json();
    assert_eq!(created["split"]["method"], "equal");
    let amounts: Vec<(&str, &str)> = created["split"]["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["member"]["id"].as_str().unwrap(),
                p["amount"].as_str().unwrap(),
            )
        })
        .collect();
    // The member who joined first (the owner) gets the cent left over,
    // whatever order the parts were sent in.
    assert_eq!(
        amounts,
        vec![
            (ann_id.as_str(), "33.34"),
            (bob_id.as_str(), "33.33"),
            (cat_id.as_str(), "33.33")
        ]
    );

    let owed = balances(&app, &bob, &ws).await;
    let map = by_member(&owed);
    assert_eq!(map[&ann_id], "66.66");
    assert_eq!(map[&bob_id], "-33.33");
    assert_eq!(map[&cat_id], "-33.33");
    assert_eq!(owed["transfers"].as_array().unwrap().len(), 2);
    for transfer in owed["transfers"].as_array().unwrap() {
        assert_eq!(transfer["to"]["id"], ann_id.as_str());
        assert_eq!(transfer["amount"], "33.33");
    }

    // Bob settles up; only Cat still owes.
    let settled = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/settlements"))
        .authorization_bearer(&bob)
        .json(&json!({ "from": bob_id, "to": ann_id, "amount": "33.33", "date": "2026-11-02", "note": "cash" }))
        .await;
    assert_eq!(settled.status_code(), 201, "{}", settled.text());
    let after = balances(&app, &cat, &ws).await;
    let map = by_member(&after);
    assert!(!map.contains_key(&bob_id), "Bob is square: {after}");
    assert_eq!(map[&ann_id], "33.33");
    assert_eq!(
        after["transfers"],
        json!([{
            "from": { "id": cat_id, "name": "Someone" },
            "to": { "id": ann_id, "name": "Ann" },
            "amount": "33.33",
        }])
    );

    // Deleting the expense takes it out of the balances (the settlement stays).
    let path = format!(
        "/api/v1/workspaces/{ws}/expenses/{}",
        created["id"].as_str().unwrap()
    );
    assert_eq!(
        app.server
            .delete(&path)
            .authorization_bearer(&ann)
            .await
            .status_code(),
        204
    );
    let map = by_member(&balances(&app, &ann, &ws).await);
    assert_eq!(map[&bob_id], "33.33", "Bob gave Ann money for nothing");
    assert_eq!(map[&ann_id], "-33.33");
}

#[tokio::test]
async fn shares_percentages_and_exact_amounts_divide_and_follow_a_changed_amount() {
    let app = TestApp::start().await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let bob = join_as(&app, &ann, &ws, "bob@example.com", "member").await;
    let (ann_id, bob_id) = (pid(&app, &ann).await, pid(&app, &bob).await);
    let parts = |method: &str, a: &str, b: &str| json!({ "method": method, "parts": [{ "member": ann_id, "value": a }, { "member": bob_id, "value": b }] });
    let amounts = |expense: &Value| -> Vec<String> {
        expense["split"]["parts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["amount"].as_str().unwrap().to_string())
            .collect()
    };

    let by_shares: Value = add(&app, &bob, &ws, json!({
        "amount": "30.00", "date": "2026-11-01", "description": "Taxi", "split": parts("shares", "2", "1"),
    })).await.json();
    assert_eq!(amounts(&by_shares), ["20.00", "10.00"]);

    // A new amount is divided the same way.
    let path = format!(
        "/api/v1/workspaces/{ws}/expenses/{}",
        by_shares["id"].as_str().unwrap()
    );
    let changed = app
        .server
        .patch(&path)
        .authorization_bearer(&bob)
        .json(&json!({ "amount": "45.00" }))
        .await;
    assert_eq!(changed.status_code(), 200, "{}", changed.text());
    assert_eq!(amounts(&changed.json()), ["30.00", "15.00"]);

    let by_percent: Value = add(&app, &ann, &ws, json!({
        "amount": "10.00", "date": "2026-11-01", "description": "Wine", "split": parts("percent", "33.3333", "66.6667"),
    })).await.json();
    assert_eq!(amounts(&by_percent), ["3.33", "6.67"]);

    // Exact amounts in another currency: the base amounts still add up.
    let in_dollars = add(&app, &ann, &ws, json!({
        "amount": "10.00", "currency": "USD", "rate": "0.9", "date": "2026-11-01", "description": "Book",
        "split": parts("exact", "3.33", "6.67"),
    })).await;
    assert_eq!(in_dollars.status_code(), 201, "{}", in_dollars.text());
    let in_dollars: Value = in_dollars.json();
    assert_eq!(in_dollars["amount"], "9.00");
    assert_eq!(amounts(&in_dollars), ["3.00", "6.00"]);

    // Exact parts do not follow a new amount: the caller must say how.
    let path = format!(
        "/api/v1/workspaces/{ws}/expenses/{}",
        in_dollars["id"].as_str().unwrap()
    );
    let refused = app
        .server
        .patch(&path)
        .authorization_bearer(&ann)
        .json(&json!({ "amount": "12.00" }))
        .await;
    assert_eq!(refused.status_code(), 422);
    assert!(refused.json::<Value>()["errors"]["split"][0]
        .as_str()
        .unwrap()
        .contains("add up to 10.00, not 12.00"));

    // And splitting can be stopped.
    let unsplit = app
        .server
        .patch(&path)
        .authorization_bearer(&ann)
        .json(&json!({ "split": { "method": "none" } }))
        .await;
    assert_eq!(unsplit.status_code(), 200);
    assert_eq!(unsplit.json::<Value>()["split"], Value::Null);

    // Bob paid 45 of which he owes 15; Ann paid 10 of which she owes 3.33.
    let map = by_member(&balances(&app, &ann, &ws).await);
    assert_eq!(map[&bob_id], "23.33");
    assert_eq!(map[&ann_id], "-23.33");
}

#[tokio::test]
async fn splits_that_do_not_add_up_or_name_strangers_are_refused_and_nothing_is_written() {
    let app = TestApp::start().await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let bob = join_as(&app, &ann, &ws, "bob@example.com", "member").await;
    let (stranger, _) = workspace_of(&app, "Zed", "zed@example.com").await;
    let (ann_id, bob_id, stranger_id) = (
        pid(&app, &ann).await,
        pid(&app, &bob).await,
        pid(&app, &stranger).await,
    );
    let cases = [
        (
            json!({ "method": "percent", "parts": [{ "member": ann_id, "value": "40" }, { "member": bob_id, "value": "50" }] }),
            "add up to 90%, not 100%",
        ),
        (
            json!({ "method": "exact", "parts": [{ "member": ann_id, "value": "5.00" }, { "member": bob_id, "value": "4.00" }] }),
            "add up to 9.00, not 10.00",
        ),
        (
            json!({ "method": "exact", "parts": [{ "member": ann_id, "value": "5.001" }, { "member": bob_id, "value": "5" }] }),
            "amount of Ann",
        ),
        (
            json!({ "method": "equal", "parts": [{ "member": ann_id }, { "member": stranger_id }] }),
            "not a member",
        ),
        (
            json!({ "method": "equal", "parts": [{ "member": ann_id }, { "member": ann_id }] }),
            "twice",
        ),
        (
            json!({ "method": "shares", "parts": [{ "member": ann_id, "value": "0" }] }),
            "above 0",
        ),
        (
            json!({ "method": "shares", "parts": [{ "member": ann_id, "value": "-1" }] }),
            "above 0",
        ),
        (
            json!({ "method": "thirds", "parts": [{ "member": ann_id }] }),
            "must be one of",
        ),
        (
            json!({ "method": "equal", "parts": [] }),
            "at least one member",
        ),
    ];
    for (split, message) in cases {
        let response = add(
            &app,
            &ann,
            &ws,
            json!({
                "amount": "10.00", "date": "2026-11-01", "description": "Dinner", "split": split,
            }),
        )
        .await;
        assert_eq!(response.status_code(), 422, "{split}");
        let error = response.json::<Value>()["errors"]["split"][0]
            .as_str()
            .unwrap_or_default()
            .to_string();
        assert!(error.contains(message), "{split}: {error}");
    }
    let list: Value = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/expenses"))
        .authorization_bearer(&ann)
        .await
        .json();
    assert_eq!(list["count"], 0);
    assert_eq!(balances(&app, &ann, &ws).await["balances"], json!([]));
}

#[tokio::test]
async fn settlements_are_checked_and_only_admins_remove_them() {
    let app = TestApp::start().await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let bob = join_as(&app, &ann, &ws, "bob@example.com", "member").await;
    let viewer = join_as(&app, &ann, &ws, "view@example.com", "viewer").await;
    let (ann_id, bob_id) = (pid(&app, &ann).await, pid(&app, &bob).await);
    let path = format!("/api/v1/workspaces/{ws}/settlements");
    let post = |token: &str, body: Value| {
        app.server
            .post(&path)
            .authorization_bearer(token)
            .json(&body)
    };

    for (body, field) in [
        (json!({ "from": bob_id, "to": bob_id, "amount": "5" }), "to"),
        (
            json!({ "from": bob_id, "to": ann_id, "amount": "0" }),
            "amount",
        ),
        (
            json!({ "from": bob_id, "to": ann_id, "amount": "5", "date": "2026-02-30" }),
            "date",
        ),
        (
            json!({ "from": "nobody", "to": ann_id, "amount": "5" }),
            "from",
        ),
    ] {
        let response = post(&bob, body.clone()).await;
        assert_eq!(response.status_code(), 422, "{body}");
        assert!(
            response.json::<Value>()["errors"][field].is_array(),
            "{body}"
        );
    }
    assert_eq!(
        post(
            &viewer,
            json!({ "from": bob_id, "to": ann_id, "amount": "5" })
        )
        .await
        .status_code(),
        403
    );

    let made: Value = post(&bob, json!({ "from": bob_id, "to": ann_id, "amount": "5" }))
        .await
        .json();
    assert_eq!(made["date"], chrono::Utc::now().date_naive().to_string());
    let listed: Value = app
        .server
        .get(&path)
        .authorization_bearer(&viewer)
        .await
        .json::<Value>()["items"]
        .clone();
    assert_eq!(listed[0]["amount"], "5.00");

    let one = format!("{path}/{}", made["id"].as_str().unwrap());
    assert_eq!(
        app.server
            .delete(&one)
            .authorization_bearer(&bob)
            .await
            .status_code(),
        403
    );
    assert_eq!(
        app.server
            .delete(&one)
            .authorization_bearer(&ann)
            .await
            .status_code(),
        204
    );
    assert_eq!(balances(&app, &ann, &ws).await["balances"], json!([]));
    let audit: Value = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/audit"))
        .authorization_bearer(&ann)
        .await
        .json::<Value>()["items"]
        .clone();
    assert_eq!(audit[0]["action"], "settlement.deleted");
    assert_eq!(audit[1]["action"], "settlement.recorded");
}

#[tokio::test]
async fn a_payment_may_settle_part_of_a_debt_or_more_than_it_but_never_oneself() {
    let app = TestApp::start().await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let bob = join_as(&app, &ann, &ws, "bob@example.com", "member").await;
    let (ann_id, bob_id) = (pid(&app, &ann).await, pid(&app, &bob).await);
    add(
        &app,
        &ann,
        &ws,
        json!({
            "amount": "50.00", "date": "2026-11-01", "description": "Electricity",
            "split": { "method": "equal", "parts": [{ "member": ann_id }, { "member": bob_id }] },
        }),
    )
    .await;
    let pay = |amount: &str, from: &str, to: &str| {
        app.server
            .post(&format!("/api/v1/workspaces/{ws}/settlements"))
            .authorization_bearer(&bob)
            .json(&json!({ "from": from, "to": to, "amount": amount }))
    };

    let refused = pay("5.00", &bob_id, &bob_id).await;
    assert_eq!(refused.status_code(), 422);
    assert_eq!(
        refused.json::<Value>()["errors"]["to"][0],
        "must be someone else than who paid: a member can't pay themself"
    );

    assert_eq!(pay("10.00", &bob_id, &ann_id).await.status_code(), 201);
    let map = by_member(&balances(&app, &ann, &ws).await);
    assert_eq!(map[&bob_id], "-15.00", "the rest still owed");
    assert_eq!(map[&ann_id], "15.00");

    // Paying 20 of the 15 left: Ann owes Bob the 5 he paid too much.
    assert_eq!(pay("20.00", &bob_id, &ann_id).await.status_code(), 201);
    let after = balances(&app, &ann, &ws).await;
    let map = by_member(&after);
    assert_eq!(map[&bob_id], "5.00");
    assert_eq!(map[&ann_id], "-5.00");
    assert_eq!(after["transfers"][0]["from"]["id"], ann_id.as_str());
    assert_eq!(after["transfers"][0]["amount"], "5.00");
}

#[tokio::test]
async fn a_balance_is_explained_line_by_line_ending_at_the_balance() {
    let app = TestApp::start().await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let bob = join_as(&app, &ann, &ws, "bob@example.com", "member").await;
    let cat = join_as(&app, &ann, &ws, "cat@example.com", "viewer").await;
    let (ann_id, bob_id, cat_id) = (
        pid(&app, &ann).await,
        pid(&app, &bob).await,
        pid(&app, &cat).await,
    );
    let equal = |ids: &[&String]| json!({ "method": "equal", "parts": ids.iter().map(|m| json!({ "member": m })).collect::<Vec<_>>() });
    // Ann paid 90 for the three (+60), Bob 20 for Ann and him (Ann -10).
    add(&app, &ann, &ws, json!({ "amount": "90.00", "date": "2026-11-01", "description": "Groceries", "split": equal(&[&ann_id, &bob_id, &cat_id]) })).await;
    add(&app, &bob, &ws, json!({ "amount": "20.00", "date": "2026-11-03", "description": "Taxi", "split": equal(&[&ann_id, &bob_id]) })).await;
    // Neither an unshared nor a deleted expense counts.
    add(
        &app,
        &ann,
        &ws,
        json!({ "amount": "99.00", "date": "2026-11-02", "description": "Shoes" }),
    )
    .await;
    let gone: Value = add(&app, &ann, &ws, json!({ "amount": "40.00", "date": "2026-11-02", "description": "Mistake", "split": equal(&[&ann_id, &bob_id]) })).await.json();
    app.server
        .delete(&format!(
            "/api/v1/workspaces/{ws}/expenses/{}",
            gone["id"].as_str().unwrap()
        ))
        .authorization_bearer(&ann)
        .await
        .assert_status(axum_test::http::StatusCode::NO_CONTENT);
    // Cat paid Ann back 30 (Ann -30): Ann is owed 60 - 10 - 30 = 20.
    let paid = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/settlements"))
        .authorization_bearer(&ann)
        .json(&json!({ "from": cat_id, "to": ann_id, "amount": "30.00", "date": "2026-11-04", "note": "cash" }))
        .await;
    assert_eq!(paid.status_code(), 201, "{}", paid.text());

    let explained = |token: String, who: String, query: String| {
        let app = &app;
        let ws = ws.clone();
        async move {
            app.server
                .get(&format!("/api/v1/workspaces/{ws}/balances/{who}{query}"))
                .authorization_bearer(&token)
                .await
        }
    };
    // A viewer reads it too.
    let response = explained(cat.clone(), ann_id.clone(), String::new()).await;
    assert_eq!(response.status_code(), 200, "{}", response.text());
    let statement: Value = response.json();
    assert_eq!(statement["member"]["id"], ann_id.as_str());
    assert_eq!(statement["balance"], "20.00");
    assert_eq!(statement["owes"], false);
    assert_eq!(statement["next_cursor"], Value::Null);
    let lines: Vec<(String, String, String, String)> = statement["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["kind"].as_str().unwrap().to_string(),
                l["description"]
                    .as_str()
                    .or(l["note"].as_str())
                    .unwrap_or_default()
                    .to_string(),
                l["change"].as_str().unwrap().to_string(),
                l["balance"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let line = |k: &str, d: &str, c: &str, b: &str| {
        (k.to_string(), d.to_string(), c.to_string(), b.to_string())
    };
    assert_eq!(
        lines,
        vec![
            line("payment_received", "cash", "-30.00", "20.00"),
            line("expense", "Taxi", "-10.00", "50.00"),
            line("expense", "Groceries", "60.00", "60.00"),
        ]
    );
    let groceries = &statement["items"][2];
    assert_eq!(groceries["paid"], "90.00");
    assert_eq!(groceries["share"], "30.00");
    assert_eq!(groceries["other"]["id"], ann_id.as_str());
    assert_eq!(statement["items"][0]["other"]["id"], cat_id.as_str());
    assert_eq!(statement["items"][0]["paid"], Value::Null);

    // Every member's statement ends at the balance the balances show.
    let shown = by_member(&balances(&app, &ann, &ws).await);
    for who in [&ann_id, &bob_id, &cat_id] {
        let statement: Value = explained(ann.clone(), who.clone(), String::new())
            .await
            .json();
        // A settled-up member (Cat) is left out of the balances: zero.
        let balance = shown.get(who).map_or("0.00", String::as_str);
        assert_eq!(statement["balance"], balance, "{who}");
        assert_eq!(statement["items"][0]["balance"], balance, "{who}");
    }

    // Paged, the pages hold the same lines in the same order.
    let mut paged = Vec::new();
    let mut query = "?limit=2".to_string();
    loop {
        let page: Value = explained(ann.clone(), ann_id.clone(), query.clone())
            .await
            .json();
        paged.extend(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l["id"].clone()),
        );
        match page["next_cursor"].as_str() {
            Some(next) => query = format!("?limit=2&cursor={next}"),
            None => break,
        }
    }
    let whole: Vec<Value> = statement["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].clone())
        .collect();
    assert_eq!(paged, whole);
    assert_eq!(
        explained(ann.clone(), ann_id.clone(), "?limit=0".into())
            .await
            .status_code(),
        422
    );

    // Someone of no concern to this workspace, or no id at all: not found.
    let (stranger, _) = workspace_of(&app, "Zed", "zed@example.com").await;
    let zed = pid(&app, &stranger).await;
    for who in [zed.as_str(), "not-an-id"] {
        let response = explained(ann.clone(), who.to_string(), String::new()).await;
        assert_eq!(response.status_code(), 404, "{who}");
        assert!(!response.text().contains("Zed"));
    }
}
