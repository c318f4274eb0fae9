//! Recurring expenses: the rule, catching up missed dates, and never
//! creating an occurrence twice, on both databases (on Postgres through the
//! scheduler's own row-level security policy).

use chrono::{Duration, Months, Utc};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};
use serde_json::{json, Value};
use smartexpense::models::recurring_expenses;

use super::workspaces_api::workspace_of;
use crate::support::TestApp;

fn today() -> chrono::NaiveDate {
    // The test workspaces use UTC.
    Utc::now().date_naive()
}

async fn count(app: &TestApp, token: &str, ws: &str, query: &str) -> u64 {
    app.server
        .get(&format!("/api/v1/workspaces/{ws}/expenses?{query}"))
        .authorization_bearer(token)
        .await
        .json::<Value>()["count"]
        .as_u64()
        .unwrap()
}

/// Moves a rule back in time by `days`, as if the clock had moved on that
/// far without the job running.
async fn as_if_days_passed(app: &TestApp, rule_pid: &str, days: i64) {
    let rule = recurring_expenses::Entity::find()
        .all(&app.owner_db)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.pid.to_string() == rule_pid)
        .unwrap();
    let shift = |d: chrono::NaiveDate| d - Duration::days(days);
    let mut active = rule.clone().into_active_model();
    active.starts_on = Set(shift(rule.starts_on));
    active.next_on = Set(rule.next_on.map(shift));
    active.update(&app.owner_db).await.unwrap();
}

#[tokio::test]
async fn a_monthly_rule_catches_up_at_once_and_names_its_next_date() {
    let app = TestApp::start().await;
    let (token, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let start = today().checked_sub_months(Months::new(2)).unwrap();
    let created = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/recurring"))
        .authorization_bearer(&token)
        .json(&json!({
            "frequency": "monthly", "starts_on": start.to_string(),
            "amount": "950.00", "description": "Rent", "payee": "Landlord", "tags": ["home"],
        }))
        .await;
    assert_eq!(created.status_code(), 201, "{}", created.text());
    let rule: Value = created.json();
    assert_eq!(rule["expense"]["amount"], "950.00");
    assert_eq!(
        rule["next_on"],
        start
            .checked_add_months(Months::new(3))
            .unwrap()
            .to_string()
    );
    assert_eq!(
        count(&app, &token, &ws, "q=rent").await,
        3,
        "two months ago, last month, today"
    );
    let listed: Value = app
        .server
        .get(&format!(
            "/api/v1/workspaces/{ws}/expenses?q=rent&sort=oldest"
        ))
        .authorization_bearer(&token)
        .await
        .json();
    assert_eq!(listed["items"][0]["date"], start.to_string());
    assert_eq!(listed["items"][0]["tags"], json!(["home"]));
    assert_eq!(listed["total"], "2850.00");

    // The job finds nothing more to do, however often it runs.
    recurring_expenses::Model::run_due(&app.ctx).await.unwrap();
    recurring_expenses::Model::run_due(&app.ctx).await.unwrap();
    assert_eq!(count(&app, &token, &ws, "q=rent").await, 3);
}

#[tokio::test]
async fn a_late_job_creates_each_missed_date_once_even_when_run_concurrently() {
    let app = TestApp::start().await;
    let (token, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let tomorrow = today() + Duration::days(1);
    let rule: Value = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/recurring"))
        .authorization_bearer(&token)
        .json(&json!({ "frequency": "daily", "starts_on": tomorrow.to_string(), "amount": "3.50", "description": "Coffee" }))
        .await
        .json();
    assert_eq!(count(&app, &token, &ws, "").await, 0, "nothing due yet");

    // Five days pass without the job: tomorrow became four days ago.
    as_if_days_passed(&app, rule["id"].as_str().unwrap(), 5).await;
    let ctx = &app.ctx;
    let (a, b) = tokio::join!(
        recurring_expenses::Model::run_due(ctx),
        recurring_expenses::Model::run_due(ctx)
    );
    // One of two concurrent runs may lose the race on a date and leave it
    // to the other; neither may fail outright nor double anything.
    assert!(a.is_ok() && b.is_ok());
    recurring_expenses::Model::run_due(ctx).await.unwrap();
    assert_eq!(
        count(&app, &token, &ws, "").await,
        5,
        "four days ago to today, once each"
    );
    let dates: Vec<String> = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/expenses?sort=oldest"))
        .authorization_bearer(&token)
        .await
        .json::<Value>()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["date"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = (0..5)
        .rev()
        .map(|back| (today() - Duration::days(back)).to_string())
        .collect();
    assert_eq!(dates, expected);
}

#[tokio::test]
async fn a_rule_ends_and_one_that_no_longer_fits_says_why_and_creates_nothing() {
    let app = TestApp::start().await;
    let (token, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let ended: Value = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/recurring"))
        .authorization_bearer(&token)
        .json(&json!({
            "frequency": "weekly", "interval": 1,
            "starts_on": (today() - Duration::days(30)).to_string(),
            "ends_on": (today() - Duration::days(10)).to_string(),
            "amount": "20", "description": "Swimming course",
        }))
        .await
        .json();
    assert_eq!(ended["next_on"], Value::Null);
    assert_eq!(
        count(&app, &token, &ws, "q=swimming").await,
        3,
        "days -30, -23 and -16"
    );

    let categories: Value = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/categories"))
        .authorization_bearer(&token)
        .await
        .json::<Value>()["items"]
        .clone();
    let health = categories
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Health")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let rule: Value = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/recurring"))
        .authorization_bearer(&token)
        .json(&json!({ "frequency": "monthly", "starts_on": (today() + Duration::days(1)).to_string(), "amount": "35", "description": "Gym", "category_id": health }))
        .await
        .json();
    app.server
        .delete(&format!("/api/v1/workspaces/{ws}/categories/{health}"))
        .authorization_bearer(&token)
        .await;
    as_if_days_passed(&app, rule["id"].as_str().unwrap(), 1).await;
    recurring_expenses::Model::run_due(&app.ctx).await.unwrap();
    assert_eq!(count(&app, &token, &ws, "q=gym").await, 0);
    let listed: Value = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/recurring"))
        .authorization_bearer(&token)
        .await
        .json::<Value>()["items"]
        .clone();
    let gym = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["description"] == "Gym")
        .unwrap();
    assert_eq!(
        gym["last_error"],
        "category_id is not a category of this workspace"
    );
    assert_eq!(
        gym["next_on"],
        today().to_string(),
        "it is tried again next time"
    );

    let stopped = app
        .server
        .delete(&format!(
            "/api/v1/workspaces/{ws}/recurring/{}",
            rule["id"].as_str().unwrap()
        ))
        .authorization_bearer(&token)
        .await;
    assert_eq!(stopped.status_code(), 204);
}

#[tokio::test]
async fn bad_rules_are_refused_and_nothing_is_written() {
    let app = TestApp::start().await;
    let (token, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let start = today().to_string();
    let before = (today() - Duration::days(1)).to_string();
    for (body, field) in [
        (
            json!({ "frequency": "hourly", "starts_on": start, "amount": "1", "description": "x" }),
            "frequency",
        ),
        (
            json!({ "frequency": "daily", "interval": 0, "starts_on": start, "amount": "1", "description": "x" }),
            "interval",
        ),
        (
            json!({ "frequency": "daily", "starts_on": "2026-02-30", "amount": "1", "description": "x" }),
            "starts_on",
        ),
        (
            json!({ "frequency": "daily", "starts_on": start, "ends_on": before, "amount": "1", "description": "x" }),
            "ends_on",
        ),
        (
            json!({ "frequency": "daily", "starts_on": start, "amount": "0", "description": "x" }),
            "amount",
        ),
        (
            json!({ "frequency": "daily", "starts_on": start, "amount": "1", "description": " " }),
            "description",
        ),
    ] {
        let response = app
            .server
            .post(&format!("/api/v1/workspaces/{ws}/recurring"))
            .authorization_bearer(&token)
            .json(&body)
            .await;
        assert_eq!(response.status_code(), 422, "{body}");
        assert!(
            response.json::<Value>()["errors"][field].is_array(),
            "{body}: {}",
            response.text()
        );
    }
    let listed: Value = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/recurring"))
        .authorization_bearer(&token)
        .await
        .json::<Value>()["items"]
        .clone();
    assert_eq!(listed, json!([]));
    assert_eq!(count(&app, &token, &ws, "").await, 0);
}
