//! Browser tests: Playwright (`playwright-core` from npm) driving Debian's
//! Chromium against the app on a loopback port. The scripts are in
//! `tests/e2e/`; `scripts/ensure-test-tools.sh` installs both. Screenshots
//! are saved under `target/e2e/`.

use std::process::Stdio;

use smartexpense::models::{_entities::platform_audit, audit_events::Actor, platform, users};
use tokio::process::Command;

use super::workspaces_api::workspace_of;
use crate::support::{TestApp, PASSWORD};
use sea_orm::{EntityTrait, QueryOrder};

/// Runs `tests/e2e/<script>` with `args`; panics with its output when it fails.
async fn run_script(script: &str, args: &[&str]) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/e2e");
    let output = Command::new("node")
        .arg(format!("{dir}/{script}"))
        .args(args)
        .env(
            "E2E_SCREENSHOTS",
            concat!(env!("CARGO_MANIFEST_DIR"), "/target/e2e"),
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .await
        .expect("run node: scripts/ensure-test-tools.sh installs it (scripts/test does)");
    assert!(
        output.status.success(),
        "{script} failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[tokio::test]
async fn a_superadmin_finds_a_user_locks_them_and_their_session_ends() {
    let app = TestApp::start().await;
    app.api_user("Ops", "ops@example.com", PASSWORD).await;
    let ops = users::Model::find_by_email(&app.ctx.db, "ops@example.com")
        .await
        .unwrap();
    platform::grant_role(
        &app.ctx.db,
        &Actor::system("test setup"),
        &ops,
        platform::PlatformRole::Superadmin,
    )
    .await
    .unwrap();
    workspace_of(&app, "Cat", "cat@example.com").await;
    let server = app.on_loopback();
    let base = server.server_address().expect("an address").to_string();

    run_script(
        "console_lock.mjs",
        &[
            base.trim_end_matches('/'),
            "ops@example.com",
            "cat@example.com",
            PASSWORD,
        ],
    )
    .await;

    let cat = users::Model::find_by_email(&app.ctx.db, "cat@example.com")
        .await
        .unwrap();
    assert!(cat.is_locked());
    let entry = platform_audit::Entity::find()
        .order_by_desc(platform_audit::Column::Id)
        .one(&app.ctx.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(entry.action, "user.locked");
    assert_eq!(
        entry.ip.as_deref(),
        Some("127.0.0.1"),
        "the operator's address is recorded"
    );
}

#[tokio::test]
async fn a_member_asks_the_assistant_and_confirms_the_expense_it_drafted() {
    let app = TestApp::start().await;
    let (token, ws) = workspace_of(&app, "Cat", "cat@example.com").await;
    let today = chrono::Utc::now().date_naive();
    let added = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/expenses"))
        .authorization_bearer(&token)
        .json(&serde_json::json!({ "amount": "12.00", "date": today.to_string(), "description": "Soap" }))
        .await;
    assert_eq!(added.status_code(), 201);
    let server = app.on_loopback();
    let base = server.server_address().expect("an address").to_string();

    run_script(
        "assistant.mjs",
        &[
            base.trim_end_matches('/'),
            "cat@example.com",
            PASSWORD,
            &format!("/w/{ws}"),
        ],
    )
    .await;

    let list: serde_json::Value = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/expenses"))
        .authorization_bearer(&token)
        .await
        .json();
    let coffee = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["description"] == "Coffee")
        .unwrap_or_else(|| panic!("no coffee: {list}"));
    assert_eq!(coffee["amount"], "4.50");
    assert_eq!(
        coffee["date"],
        (today - chrono::Days::new(1)).to_string().as_str()
    );
    assert_eq!(list["count"], 2, "added once, by the confirmation alone");
}

#[tokio::test]
async fn a_household_is_set_up_and_used_in_the_browser() {
    let app = TestApp::start().await;
    let server = app.on_loopback();
    let base = server.server_address().expect("an address").to_string();
    let base = base.trim_end_matches('/');
    let today = chrono::Utc::now().date_naive();
    let csv = std::env::temp_dir().join(format!("e2e-import-{}.csv", uuid::Uuid::new_v4()));
    std::fs::write(
        &csv,
        format!("date,amount,description\n{today},3.10,Bread\n{today},7.00,Milk\n{today},12.40,Cheese\n"),
    )
    .unwrap();

    run_script(
        "main_flows.mjs",
        &[base, "owner", PASSWORD, csv.to_str().unwrap()],
    )
    .await;
    std::fs::remove_file(&csv).ok();
    let link = app.mail.last_to("bob@example.com").await.link_path();
    run_script("main_flows.mjs", &[base, "joiner", PASSWORD, &link]).await;

    // What the clicks did, read back through the API.
    let ann = app.api_login("ann@example.com", PASSWORD).await;
    let workspaces: serde_json::Value = app
        .server
        .get("/api/v1/workspaces")
        .authorization_bearer(&ann)
        .await
        .json::<serde_json::Value>()["items"]
        .clone();
    let ws = workspaces[0]["id"].as_str().unwrap();
    let members: serde_json::Value = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/members"))
        .authorization_bearer(&ann)
        .await
        .json::<serde_json::Value>()["items"]
        .clone();
    let mut names: Vec<&str> = members
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    names.sort_unstable();
    assert_eq!(names, ["Ann", "Bob"]);
    let list: serde_json::Value = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/expenses?sort=largest"))
        .authorization_bearer(&ann)
        .await
        .json();
    let rows: Vec<(&str, &str)> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["description"].as_str().unwrap(),
                e["amount"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("Groceries run", "45.50"),
            ("Cinema", "15.00"),
            ("Cheese", "12.40"),
            ("Snacks", "10.00"),
            ("Milk", "7.00"),
            ("Bread", "3.10"),
            ("Bus ticket", "2.50"),
        ]
    );
}

#[tokio::test]
async fn the_balances_pages_fit_a_phone_and_a_desktop_and_settle_up() {
    let app = TestApp::start().await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let bob =
        super::workspaces_api::join_named(&app, &ann, &ws, "Bob", "bob@example.com", "member")
            .await;
    let pid = |token: String| {
        let app = &app;
        async move {
            app.server
                .get("/api/auth/current")
                .authorization_bearer(&token)
                .await
                .json::<serde_json::Value>()["pid"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        }
    };
    let (ann_id, bob_id) = (pid(ann.clone()).await, pid(bob.clone()).await);
    let split = serde_json::json!({ "method": "equal", "parts": [{ "member": ann_id }, { "member": bob_id }] });
    for (amount, description) in [
        (
            "45.00",
            "Groceries for the whole week, with a long description to wrap",
        ),
        ("20.00", "Electricity"),
    ] {
        let added = app
            .server
            .post(&format!("/api/v1/workspaces/{ws}/expenses"))
            .authorization_bearer(&ann)
            .json(&serde_json::json!({ "amount": amount, "date": "2026-11-01", "description": description, "split": split }))
            .await;
        assert_eq!(added.status_code(), 201, "{}", added.text());
    }
    // Bob paid part of his 32.50 already.
    let paid = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/settlements"))
        .authorization_bearer(&bob)
        .json(&serde_json::json!({ "from": bob_id, "to": ann_id, "amount": "20.00", "note": "cash at the door, the rest next week" }))
        .await;
    assert_eq!(paid.status_code(), 201, "{}", paid.text());
    let server = app.on_loopback();
    let base = server.server_address().expect("an address").to_string();

    run_script(
        "balances.mjs",
        &[
            base.trim_end_matches('/'),
            "ann@example.com",
            PASSWORD,
            &format!("/w/{ws}"),
        ],
    )
    .await;

    let balances: serde_json::Value = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/balances"))
        .authorization_bearer(&ann)
        .await
        .json();
    assert_eq!(balances["balances"], serde_json::json!([]), "settled up");
}

#[tokio::test]
async fn every_page_passes_axe_at_phone_and_desktop_widths_in_light_and_dark() {
    let app = TestApp::start().await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    // Ann runs the instance too, so the console's pages are audited.
    let ann_user = users::Model::find_by_email(&app.ctx.db, "ann@example.com")
        .await
        .unwrap();
    platform::grant_role(
        &app.ctx.db,
        &Actor::system("test setup"),
        &ann_user,
        platform::PlatformRole::Superadmin,
    )
    .await
    .unwrap();
    let bob =
        super::workspaces_api::join_named(&app, &ann, &ws, "Bob", "bob@example.com", "member")
            .await;
    let today = chrono::Utc::now().date_naive();
    let post = |path: String, token: String, body: serde_json::Value| {
        let server = &app.server;
        async move {
            let response = server
                .post(&path)
                .authorization_bearer(&token)
                .json(&body)
                .await;
            assert_eq!(response.status_code(), 201, "{path}: {}", response.text());
            response.json::<serde_json::Value>()
        }
    };
    let api = format!("/api/v1/workspaces/{ws}");
    for (amount, description, token) in [
        ("48.20", "Groceries", &ann),
        ("1234.50", "Sofa", &ann),
        ("9.90", "Cinema", &bob),
    ] {
        post(
            format!("{api}/expenses"),
            token.clone(),
            serde_json::json!({ "amount": amount, "date": today.to_string(), "description": description }),
        )
        .await;
    }
    post(
        format!("{api}/budgets"),
        ann.clone(),
        serde_json::json!({ "name": "Food", "amount": "300.00", "period": "month" }),
    )
    .await;
    post(
        format!("{api}/recurring"),
        ann.clone(),
        serde_json::json!({ "frequency": "monthly", "starts_on": today.to_string(), "amount": "950.00", "description": "Rent" }),
    )
    .await;
    let server = app.on_loopback();
    let base = server.server_address().expect("an address").to_string();

    run_script(
        "a11y.mjs",
        &[
            base.trim_end_matches('/'),
            PASSWORD,
            "ann@example.com",
            &format!("/w/{ws}"),
        ],
    )
    .await;
}

#[tokio::test]
async fn expenses_added_offline_wait_on_the_phone_and_are_sent_once() {
    let app = TestApp::start().await;
    let server = app.on_loopback();
    let base = server.server_address().expect("an address").to_string();
    run_script("offline.mjs", &[base.trim_end_matches('/'), PASSWORD]).await;

    let ann = app.api_login("ann@example.com", PASSWORD).await;
    let workspaces: serde_json::Value = app
        .server
        .get("/api/v1/workspaces")
        .authorization_bearer(&ann)
        .await
        .json();
    let ws = workspaces["items"][0]["id"].as_str().unwrap().to_string();
    let list: serde_json::Value = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/expenses?sort=largest"))
        .authorization_bearer(&ann)
        .await
        .json();
    let rows: Vec<(&str, &str)> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["description"].as_str().unwrap(),
                e["amount"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("Bread, offline", "12.50"),
            ("Milk, offline", "3.20"),
            ("Coffee, lie-fi", "2.80")
        ],
        "each sent once"
    );
}

#[tokio::test]
async fn a_german_household_s_first_day_on_a_phone() {
    let app = TestApp::start().await;
    let server = app.on_loopback();
    let base = server.server_address().expect("an address").to_string();
    let base = base.trim_end_matches('/');
    let bank_file = std::env::temp_dir().join(format!("e2e-umsaetze-{}.csv", uuid::Uuid::new_v4()));
    std::fs::write(
        &bank_file,
        super::imports_banks::latin1(super::imports_banks::GIROKONTO),
    )
    .unwrap();

    run_script("first_day_de.mjs", &[base, PASSWORD, "owner", "-"]).await;
    let link = app.mail.last_to("ben@example.com").await.link_path();
    run_script("first_day_de.mjs", &[base, PASSWORD, "joiner", &link]).await;
    run_script(
        "first_day_de.mjs",
        &[base, PASSWORD, "day", bank_file.to_str().unwrap()],
    )
    .await;
    std::fs::remove_file(&bank_file).ok();

    // What the day did, read back through the API.
    let anna = app.api_login("anna@example.com", PASSWORD).await;
    let get = |path: String| {
        let server = &app.server;
        let anna = anna.clone();
        async move {
            server
                .get(&path)
                .authorization_bearer(&anna)
                .await
                .json::<serde_json::Value>()
        }
    };
    let ws = get("/api/v1/workspaces".to_string()).await["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let expenses = get(format!("/api/v1/workspaces/{ws}/expenses?limit=100")).await;
    let items = expenses["items"].as_array().unwrap();
    let bakery = items
        .iter()
        .find(|e| e["description"] == "Bäckerei")
        .unwrap_or_else(|| panic!("the quick-add's expense: {expenses}"));
    assert_eq!(bakery["amount"], "12.50", "typed as 12,50");
    assert_eq!(
        bakery["split"]["method"], "equal",
        "the household shares: {bakery}"
    );
    assert_eq!(bakery["split"]["parts"].as_array().unwrap().len(), 2);
    assert_eq!(
        items.len(),
        18,
        "the quick-add and the 17 purchases of the file"
    );
    let settlements = get(format!("/api/v1/workspaces/{ws}/settlements")).await;
    assert_eq!(settlements["items"][0]["amount"], "3.00", "{settlements}");
    let balances = get(format!("/api/v1/workspaces/{ws}/balances")).await;
    let ben = balances["balances"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["member"]["name"] == "Ben")
        .unwrap_or_else(|| panic!("{balances}"));
    assert_eq!(ben["balance"], "-3.25", "owed 6.25, paid 3.00: {balances}");
}
