//! Recurring expenses: the rule, catching up missed dates, and never
//! creating an occurrence twice, on both databases (on Postgres through the
//! scheduler's own row-level security policy).

use chrono::{Duration, Months, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use serde_json::{json, Value};
use smartexpense::models::{_entities::audit_events, _entities::expenses, recurring_expenses};

use super::workspaces_api::{join_as, workspace_of};
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

/// Moves a rule and the expenses it made back in time by `days`, as if the
/// clock had moved on that far without the job running.
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
    let made = expenses::Entity::find()
        .filter(expenses::Column::RecurringId.eq(rule.id))
        .all(&app.owner_db)
        .await
        .unwrap();
    for expense in made {
        let mut active = expense.clone().into_active_model();
        active.spent_on = Set(shift(expense.spent_on));
        active.occurrence_on = Set(expense.occurrence_on.map(shift));
        active.update(&app.owner_db).await.unwrap();
    }
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

async fn patch_rule(app: &TestApp, token: &str, ws: &str, id: &str, body: Value) -> Value {
    let response = app
        .server
        .patch(&format!("/api/v1/workspaces/{ws}/recurring/{id}"))
        .authorization_bearer(token)
        .json(&body)
        .await;
    assert_eq!(response.status_code(), 200, "{body}: {}", response.text());
    response.json()
}

async fn rules(app: &TestApp, token: &str, ws: &str) -> Value {
    app.server
        .get(&format!("/api/v1/workspaces/{ws}/recurring"))
        .authorization_bearer(token)
        .await
        .json::<Value>()["items"]
        .clone()
}

/// (date, amount, description) of every expense, oldest first.
async fn made(app: &TestApp, token: &str, ws: &str) -> Vec<(String, String, String)> {
    app.server
        .get(&format!("/api/v1/workspaces/{ws}/expenses?sort=oldest"))
        .authorization_bearer(token)
        .await
        .json::<Value>()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let text = |k: &str| e[k].as_str().unwrap().to_string();
            (text("date"), text("amount"), text("description"))
        })
        .collect()
}

#[tokio::test]
async fn a_changed_rule_creates_the_new_expense_from_now_on_and_leaves_the_past_alone() {
    let app = TestApp::start().await;
    let (token, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let day = |offset: i64| (today() + Duration::days(offset)).to_string();
    let rule: Value = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/recurring"))
        .authorization_bearer(&token)
        .json(&json!({ "frequency": "daily", "starts_on": day(-2), "amount": "3.50", "description": "Coffee" }))
        .await
        .json();
    let id = rule["id"].as_str().unwrap().to_string();
    assert_eq!(count(&app, &token, &ws, "").await, 3);

    let changed = patch_rule(
        &app,
        &token,
        &ws,
        &id,
        json!({ "amount": "4.00", "description": "Flat white" }),
    )
    .await;
    assert_eq!(changed["expense"]["amount"], "4.00");
    assert_eq!(changed["expense"]["description"], "Flat white");
    assert_eq!(changed["description"], "Flat white");
    assert_eq!(changed["frequency"], "daily", "what is left out stays");
    assert_eq!(changed["next_on"], day(1), "nothing made again");
    assert_eq!(count(&app, &token, &ws, "").await, 3);

    // Two days pass: the new occurrences are the changed expense.
    as_if_days_passed(&app, &id, 2).await;
    recurring_expenses::Model::run_due(&app.ctx).await.unwrap();
    let coffee = |d: i64| (day(d), "3.50".to_string(), "Coffee".to_string());
    let flat_white = |d: i64| (day(d), "4.00".to_string(), "Flat white".to_string());
    assert_eq!(
        made(&app, &token, &ws).await,
        vec![
            coffee(-4),
            coffee(-3),
            coffee(-2),
            flat_white(-1),
            flat_white(0)
        ]
    );

    // An earlier start does not fill in or make again any date.
    let earlier = patch_rule(&app, &token, &ws, &id, json!({ "starts_on": day(-10) })).await;
    assert_eq!(earlier["starts_on"], day(-10));
    assert_eq!(earlier["next_on"], day(1));
    assert_eq!(count(&app, &token, &ws, "").await, 5);
    // A later start is the next date; another schedule goes on after the
    // last date made.
    let later = patch_rule(&app, &token, &ws, &id, json!({ "starts_on": day(3) })).await;
    assert_eq!(later["next_on"], day(3));
    let weekly = patch_rule(
        &app,
        &token,
        &ws,
        &id,
        json!({ "frequency": "weekly", "starts_on": day(-14) }),
    )
    .await;
    assert_eq!(weekly["next_on"], day(7));
    let ended = patch_rule(&app, &token, &ws, &id, json!({ "ends_on": day(5) })).await;
    assert_eq!(ended["next_on"], Value::Null);
    let reopened = patch_rule(&app, &token, &ws, &id, json!({ "ends_on": null })).await;
    assert_eq!(reopened["ends_on"], Value::Null);
    assert_eq!(reopened["next_on"], day(7));
    recurring_expenses::Model::run_due(&app.ctx).await.unwrap();
    assert_eq!(count(&app, &token, &ws, "").await, 5);

    let audited = audit_events::Entity::find()
        .filter(audit_events::Column::Action.eq("recurring.updated"))
        .all(&app.owner_db)
        .await
        .unwrap();
    assert_eq!(audited.len(), 6);
    let first = audited.iter().min_by_key(|e| e.id).unwrap();
    let details = first.details.clone().unwrap_or_default();
    assert_eq!(
        details["before"]["template"]["expense"]["amount"], "3.50",
        "{details}"
    );
    assert_eq!(
        details["after"]["template"]["expense"]["amount"], "4.00",
        "{details}"
    );
}

#[tokio::test]
async fn a_rule_that_made_nothing_yet_starts_afresh_and_catches_up_at_once() {
    let app = TestApp::start().await;
    let (token, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let day = |offset: i64| (today() + Duration::days(offset)).to_string();
    let rule: Value = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/recurring"))
        .authorization_bearer(&token)
        .json(&json!({ "frequency": "weekly", "starts_on": day(3), "amount": "20", "description": "Cleaner" }))
        .await
        .json();
    let id = rule["id"].as_str().unwrap();
    let moved = patch_rule(&app, &token, &ws, id, json!({ "starts_on": day(-7) })).await;
    assert_eq!(moved["next_on"], day(7));
    assert_eq!(
        made(&app, &token, &ws).await,
        vec![
            (day(-7), "20.00".to_string(), "Cleaner".to_string()),
            (day(0), "20.00".to_string(), "Cleaner".to_string())
        ]
    );
}

#[tokio::test]
async fn bad_changes_are_refused_naming_the_field_and_change_nothing() {
    let app = TestApp::start().await;
    let (token, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let start = today() + Duration::days(1);
    let rule: Value = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/recurring"))
        .authorization_bearer(&token)
        .json(&json!({ "frequency": "monthly", "starts_on": start.to_string(), "amount": "12.00", "description": "Phone" }))
        .await
        .json();
    let id = rule["id"].as_str().unwrap().to_string();
    let before = rules(&app, &token, &ws).await;
    let path = format!("/api/v1/workspaces/{ws}/recurring/{id}");
    for (body, field) in [
        (json!({ "frequency": "hourly" }), "frequency"),
        (json!({ "interval": 0 }), "interval"),
        (json!({ "starts_on": "2026-02-30" }), "starts_on"),
        (
            json!({ "ends_on": (start - Duration::days(1)).to_string() }),
            "ends_on",
        ),
        (json!({ "amount": "0" }), "amount"),
        (json!({ "description": " " }), "description"),
        (
            json!({ "category_id": "00000000-0000-0000-0000-000000000000" }),
            "category_id",
        ),
    ] {
        let response = app
            .server
            .patch(&path)
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
    assert_eq!(rules(&app, &token, &ws).await, before);

    // A viewer may read the rules but not change them.
    let viewer = join_as(&app, &token, &ws, "view@example.com", "viewer").await;
    let refused = app
        .server
        .patch(&path)
        .authorization_bearer(&viewer)
        .json(&json!({ "amount": "1.00" }))
        .await;
    assert_eq!(refused.status_code(), 403);

    // Another workspace's member finds no such rule, in theirs or in Ann's.
    let (bea, bea_ws) = workspace_of(&app, "Bea", "bea@example.com").await;
    for path in [
        path.clone(),
        format!("/api/v1/workspaces/{bea_ws}/recurring/{id}"),
    ] {
        let response = app
            .server
            .patch(&path)
            .authorization_bearer(&bea)
            .json(&json!({ "amount": "1.00" }))
            .await;
        assert_eq!(response.status_code(), 404, "{path}");
    }
    let response = app
        .server
        .patch(&format!(
            "/api/v1/workspaces/{ws}/recurring/{}",
            uuid_like()
        ))
        .authorization_bearer(&token)
        .json(&json!({ "amount": "1.00" }))
        .await;
    assert_eq!(response.status_code(), 404);
    assert_eq!(rules(&app, &token, &ws).await, before);
}

fn uuid_like() -> &'static str {
    "4b0c3f3e-7c1a-4b8e-9a59-2d6f0e1c9a10"
}
