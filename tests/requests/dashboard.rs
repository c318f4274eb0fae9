//! The dashboard, budgets, notifications and reports pages, the live
//! updates that keep open pages current, and the cache that must never
//! show a dashboard from before a change.

use std::time::Duration;

use axum::{body::Body, http::Request};
use futures_util::StreamExt;
use sea_orm::EntityTrait;
use serde_json::{json, Value};
use smartexpense::models::budgets;
use tower::ServiceExt;

use super::{
    expense_pages::api,
    workspaces_api::{join_as, workspace_of},
};
use crate::support::{category_id, household, TestApp};

fn month_title() -> String {
    chrono::Utc::now().date_naive().format("%B %Y").to_string()
}

async fn add(app: &TestApp, token: &str, ws: &str, body: Value) -> Value {
    let created = app
        .server
        .post(&format!("{}/expenses", api(ws)))
        .authorization_bearer(token)
        .json(&body)
        .await;
    assert_eq!(created.status_code(), 201, "{}", created.text());
    created.json()
}

#[tokio::test]
async fn the_dashboard_shows_this_month_and_is_never_stale_after_a_change() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let empty = app.server.get(&ws).await;
    empty.assert_status_ok();
    assert!(empty.text().contains("No budgets yet."));
    assert!(empty.text().contains("Nothing spent this month yet."));

    let set = app
        .post_form(
            &format!("{ws}/budgets"),
            &[
                ("name", "Food"),
                ("amount", "100"),
                ("period", "month"),
                ("thresholds", "80, 100"),
            ],
        )
        .await;
    assert_eq!(set.status_code(), 303, "{}", set.text());
    let groceries = category_id(&app, &token, &ws, "Groceries").await;
    let today = chrono::Utc::now().date_naive().to_string();
    let expense = add(
        &app,
        &token,
        &ws,
        json!({ "amount": "85.00", "description": "Weekly shop", "payee": "Market", "category_id": groceries, "date": today }),
    )
    .await;

    let page = app.server.get(&ws).await.text();
    assert!(page.contains("€85.00 of €100.00"), "{page}");
    assert!(page.contains("<strong>€85.00</strong> spent"));
    assert!(
        page.contains("Groceries: €85.00 (100%)"),
        "the category chart"
    );
    assert!(
        page.contains(&format!("{}: €85.00", month_title())),
        "the trend chart"
    );
    assert!(page.contains("Market"), "top payees");
    assert!(page.contains("Weekly shop"), "recent expenses");
    assert!(
        page.contains("Notifications, 1 unread"),
        "the 80% alert rang the bell"
    );
    // Served again from the cache, then changed: the page follows at once.
    assert!(app
        .server
        .get(&ws)
        .await
        .text()
        .contains("€85.00 of €100.00"));
    let changed = app
        .server
        .patch(&format!(
            "{}/expenses/{}",
            api(&ws),
            expense["id"].as_str().unwrap()
        ))
        .authorization_bearer(&token)
        .json(&json!({ "amount": "10.00" }))
        .await;
    assert_eq!(changed.status_code(), 200, "{}", changed.text());
    assert!(app
        .server
        .get(&ws)
        .await
        .text()
        .contains("€10.00 of €100.00"));

    // The bell's page, marking read, and the mail settings.
    let bell = app.server.get(&format!("{ws}/notifications")).await.text();
    assert!(bell.contains("Food has reached 80%"), "{bell}");
    // Worded in the reader's language from the alert's figures.
    let german = app
        .server
        .get(&format!("{ws}/notifications"))
        .add_header("accept-language", "de-DE")
        .await
        .text();
    assert!(german.contains("Food hat 80 % erreicht"), "{german}");
    assert!(
        german.contains(" von 100,00\u{a0}€ ausgegeben für den Monat ab "),
        "{german}"
    );
    let read = app
        .post_form(&format!("{ws}/notifications/read"), &[])
        .await;
    assert_eq!(read.status_code(), 303);
    assert!(!app.server.get(&ws).await.text().contains("unread"));
    let saved = app
        .post_form(
            &format!("{ws}/notifications/settings"),
            &[("weekly_summary", "on")],
        )
        .await;
    assert_eq!(saved.status_code(), 303);
    let settings: Value = app
        .server
        .get(&format!("{}/notification-settings", api(&ws)))
        .authorization_bearer(&token)
        .await
        .json();
    assert_eq!(
        settings,
        json!({ "budget_alerts": false, "weekly_summary": true })
    );
}

#[tokio::test]
async fn the_budget_form_says_what_to_fix_and_saves_nothing() {
    let app = TestApp::start().await;
    let (ws, _) = household(&app).await;
    let refused = app
        .post_form(
            &format!("{ws}/budgets"),
            &[
                ("name", "Food"),
                ("amount", "0"),
                ("period", "month"),
                ("thresholds", "100, 80"),
            ],
        )
        .await;
    assert_eq!(refused.status_code(), 422);
    let html = refused.text();
    assert!(html.contains("Limit must be greater than zero."), "{html}");
    assert!(
        html.contains("Thresholds must be in ascending order"),
        "{html}"
    );
    assert!(html.contains("value=\"100, 80\""), "what was typed stays");
    assert!(budgets::Entity::find()
        .all(&app.owner_db)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn reports_group_any_range_and_download_what_they_show() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let groceries = category_id(&app, &token, &ws, "Groceries").await;
    let transport = category_id(&app, &token, &ws, "Transport").await;
    for (amount, category, payee, date) in [
        ("10.00", &groceries, "Market", "2026-09-03"),
        ("5.50", &groceries, "Market", "2026-10-04"),
        ("40.00", &transport, "=Rail", "2026-10-20"),
        ("99.00", &transport, "Rail", "2026-12-01"),
    ] {
        add(
            &app,
            &token,
            &ws,
            json!({ "amount": amount, "description": "x", "payee": payee, "category_id": category, "date": date }),
        )
        .await;
    }
    let range = "from=2026-09-01&to=2026-10-31";
    let by_category = app
        .server
        .get(&format!("{ws}/reports?{range}&group=category"))
        .await;
    by_category.assert_status_ok();
    let html = by_category.text();
    assert!(html.contains("<strong>€55.50</strong>"), "{html}");
    assert!(
        html.contains(
            "<td>Transport</td><td class=\"amount\">1</td><td class=\"amount\">40.00</td>"
        ),
        "{html}"
    );

    let csv = app
        .server
        .get(&format!("{ws}/reports.csv?{range}&group=month"))
        .await;
    csv.assert_status_ok();
    assert_eq!(
        csv.text(),
        "group,expenses,total,currency\n2026-09,1,10.00,EUR\n2026-10,2,45.50,EUR\n"
    );
    let payees = app
        .server
        .get(&format!("{ws}/reports.csv?{range}&group=payee"))
        .await
        .text();
    assert!(
        payees.contains("'=Rail,1,40.00,EUR"),
        "formulas are defused: {payees}"
    );

    let backwards = app
        .server
        .get(&format!("{ws}/reports?from=2026-10-31&to=2026-09-01"))
        .await;
    assert_eq!(backwards.status_code(), 422);
    assert!(backwards
        .text()
        .contains("To must not be before the start."));
    let bogus = app.server.get(&format!("{ws}/reports?group=colour")).await;
    assert_eq!(bogus.status_code(), 422);
    assert!(bogus
        .text()
        .contains("Group must be one of category, month, week, payee, payer."));
}

/// The next event on an open event stream, or `None` after `wait`.
async fn next_event(body: &mut axum::body::BodyDataStream, wait: Duration) -> Option<String> {
    match tokio::time::timeout(wait, body.next()).await {
        Ok(Some(Ok(bytes))) => Some(String::from_utf8_lossy(&bytes).to_string()),
        _ => None,
    }
}

#[tokio::test]
async fn an_open_page_hears_of_another_members_expense_and_of_nothing_elsewhere() {
    let app = TestApp::start().await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let bob = join_as(&app, &ann, &ws, "bob@example.com", "member").await;
    let (zed, other) = workspace_of(&app, "Zed", "zed@example.com").await;

    let request = Request::get(format!("/w/{ws}/events"))
        .header("authorization", format!("Bearer {ann}"))
        .body(Body::empty())
        .unwrap();
    let response = app.router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"].to_str().unwrap(),
        "text/event-stream"
    );
    let mut events = response.into_body().into_data_stream();

    // A change in another workspace says nothing here.
    add(
        &app,
        &zed,
        &format!("/w/{other}"),
        json!({ "amount": "1.00", "description": "elsewhere", "date": "2026-11-01" }),
    )
    .await;
    assert_eq!(
        next_event(&mut events, Duration::from_millis(500)).await,
        None
    );

    add(
        &app,
        &bob,
        &format!("/w/{ws}"),
        json!({ "amount": "12.00", "description": "Bread", "date": "2026-11-01" }),
    )
    .await;
    let event = next_event(&mut events, Duration::from_secs(10))
        .await
        .expect("an event");
    assert!(event.contains("event: changed"), "{event}");

    // Someone outside the workspace cannot listen.
    let outsider = Request::get(format!("/w/{ws}/events"))
        .header("authorization", format!("Bearer {zed}"))
        .body(Body::empty())
        .unwrap();
    assert_eq!(
        app.router.clone().oneshot(outsider).await.unwrap().status(),
        404
    );
}
