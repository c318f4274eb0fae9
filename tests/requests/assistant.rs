//! The spending assistant over HTTP: its figures are the reports' and the
//! expense list's, quick entries are only drafts until confirmed, roles and
//! workspaces are respected, and the chat panel works with htmx and without.

use chrono::{Datelike, Days, Months, NaiveDate, Utc};
use serde_json::{json, Value};

use super::{
    expense_pages::{add_api, api},
    workspaces_api::{join_as, join_named, workspace_of},
};
use crate::support::{category_id, csrf_in, household, TestApp};

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

fn month_start(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap()
}

fn last_month() -> (NaiveDate, NaiveDate) {
    let start = month_start(today())
        .checked_sub_months(Months::new(1))
        .unwrap();
    (start, month_start(today()).pred_opt().unwrap())
}

async fn ask(app: &TestApp, token: &str, ws: &str, message: &str) -> Value {
    let response = app
        .server
        .post(&format!("{}/assistant", api(ws)))
        .authorization_bearer(token)
        .json(&json!({ "message": message }))
        .await;
    assert_eq!(
        response.status_code(),
        200,
        "{message}: {}",
        response.text()
    );
    response.json()
}

async fn expense_count(app: &TestApp, token: &str, ws: &str) -> u64 {
    let list: Value = app
        .server
        .get(&format!("{}/expenses", api(ws)))
        .authorization_bearer(token)
        .await
        .json();
    list["count"].as_u64().unwrap()
}

/// The reports' CSV row for `label` (`group,expenses,total,currency`).
async fn report_row(
    app: &TestApp,
    ws: &str,
    from: NaiveDate,
    to: NaiveDate,
    group: &str,
    label: &str,
) -> (u64, String) {
    let csv = app
        .server
        .get(&format!(
            "{ws}/reports.csv?from={from}&to={to}&group={group}"
        ))
        .await
        .text();
    let row = csv
        .lines()
        .find(|l| l.starts_with(&format!("{label},")))
        .unwrap_or_else(|| panic!("no {label} in {csv}"));
    let cells: Vec<&str> = row.split(',').collect();
    (cells[1].parse().unwrap(), cells[2].to_string())
}

fn minor_text(minor: i64) -> String {
    format!("{}.{:02}", minor / 100, minor % 100)
}

#[tokio::test]
async fn answers_cite_the_figures_the_reports_and_lists_compute() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let groceries = category_id(&app, &token, &ws, "Groceries").await;
    let transport = category_id(&app, &token, &ws, "Transport").await;
    let dining = category_id(&app, &token, &ws, "Dining out").await;
    let (last_start, last_end) = last_month();
    let day = |start: NaiveDate, n: u64| (start + Days::new(n)).to_string();
    for (amount, date, cat, what) in [
        ("40.00", day(last_start, 2), &groceries, "Market"),
        ("12.50", day(last_start, 9), &groceries, "Bakery"),
        ("30.00", day(last_start, 4), &transport, "Train"),
        ("7.25", day(month_start(today()), 0), &groceries, "Milk"),
        ("20.00", day(month_start(today()), 0), &dining, "Pizza"),
    ] {
        add_api(
            &app,
            &token,
            &ws,
            json!({ "amount": amount, "date": date, "category_id": cat, "description": what }),
        )
        .await;
    }

    // A total: the same as the report's row and the filtered list's total.
    let answer = ask(
        &app,
        &token,
        &ws,
        "How much did we spend on groceries last month?",
    )
    .await;
    assert_eq!(answer["intent"], "spending");
    assert_eq!(
        answer["interpretation"],
        format!("spending {last_start}..{last_end} category=Groceries")
    );
    assert_eq!(answer["data"]["total_minor"], 5250);
    assert_eq!(answer["data"]["count"], 2);
    let (count, total) = report_row(&app, &ws, last_start, last_end, "category", "Groceries").await;
    assert_eq!((count, total.as_str()), (2, "52.50"));
    assert!(
        answer["reply"].as_str().unwrap().contains("€52.50"),
        "{answer}"
    );
    let link = answer["actions"][0]["href"].as_str().unwrap();
    assert_eq!(answer["actions"][0]["kind"], "open");
    assert_eq!(
        link,
        format!("{ws}/expenses?from={last_start}&to={last_end}&category={groceries}")
    );
    let listed: Value = app
        .server
        .get(&format!(
            "{}/expenses?from={last_start}&to={last_end}&category={groceries}",
            api(&ws)
        ))
        .authorization_bearer(&token)
        .await
        .json();
    assert_eq!(listed["total"], "52.50");
    let page = app.server.get(link).await.text();
    assert!(page.contains("Market") && page.contains("Bakery") && !page.contains("Milk"));

    // Totals by category: the report's.
    let breakdown = ask(&app, &token, &ws, "where did our money go last month").await;
    assert_eq!(breakdown["intent"], "breakdown");
    let rows = breakdown["data"]["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    for row in rows {
        let label = row["label"].as_str().unwrap();
        let (count, total) = report_row(&app, &ws, last_start, last_end, "category", label).await;
        assert_eq!(row["count"], count);
        assert_eq!(minor_text(row["total_minor"].as_i64().unwrap()), total);
    }

    // Two months side by side: the report's month totals.
    let compared = ask(&app, &token, &ws, "compare last month and this month").await;
    assert_eq!(compared["intent"], "compare");
    let (_, last_total) = report_row(
        &app,
        &ws,
        last_start,
        today(),
        "month",
        &last_start.format("%Y-%m").to_string(),
    )
    .await;
    let (_, this_total) = report_row(
        &app,
        &ws,
        last_start,
        today(),
        "month",
        &month_start(today()).format("%Y-%m").to_string(),
    )
    .await;
    assert_eq!(
        minor_text(compared["data"]["first"]["total_minor"].as_i64().unwrap()),
        last_total
    );
    assert_eq!(
        minor_text(compared["data"]["second"]["total_minor"].as_i64().unwrap()),
        this_total
    );
    assert_eq!(compared["data"]["difference_minor"], 2725 - 8250);
    assert!(
        compared["reply"].as_str().unwrap().contains("€55.25"),
        "{compared}"
    );

    // The biggest, largest first.
    let biggest = ask(&app, &token, &ws, "top 2 expenses last month").await;
    let items: Vec<&str> = biggest["data"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["description"].as_str().unwrap())
        .collect();
    assert_eq!(items, ["Market", "Train"]);

    // A monthly average over the months of this year so far.
    let average = ask(
        &app,
        &token,
        &ws,
        "average monthly spend on transport this year",
    )
    .await;
    assert_eq!(average["intent"], "average");
    let months = i64::from(today().month());
    let year_start = NaiveDate::from_ymd_opt(today().year(), 1, 1).unwrap();
    let in_year: i64 = if last_start >= year_start { 3000 } else { 0 };
    assert_eq!(average["data"]["months"], months);
    assert_eq!(average["data"]["total_minor"], in_year);
    assert_eq!(
        average["data"]["average_minor"],
        (in_year + months / 2) / months
    );

    // A budget's standing: the budgets API's.
    let budget: Value = app
        .server
        .post(&format!("{}/budgets", api(&ws)))
        .authorization_bearer(&token)
        .json(&json!({ "name": "Food", "amount": "100.00", "period": "month", "category_id": groceries }))
        .await
        .json();
    let left = ask(&app, &token, &ws, "what's left in the food budget?").await;
    assert_eq!(left["interpretation"], "budget Food");
    assert_eq!(
        left["data"]["budgets"][0]["progress"]["remaining_minor"],
        9275
    );
    assert!(
        left["reply"].as_str().unwrap().contains(&format!(
            "€{} left of €100.00",
            budget["remaining"].as_str().unwrap()
        )),
        "{left}"
    );

    // Words it cannot read: a helpful reply with examples, never an error.
    let unknown = ask(&app, &token, &ws, "tell me a joke").await;
    assert_eq!(unknown["intent"], "unknown");
    assert!(unknown["reply"]
        .as_str()
        .unwrap()
        .contains("coffee 4.50 yesterday"));
    assert!(unknown["actions"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["kind"] == "ask"));

    // Bad messages: 422 naming the field.
    for bad in [
        json!({ "message": "  " }),
        json!({}),
        json!({ "message": "x".repeat(501) }),
        json!({ "message": "a\u{7}b" }),
    ] {
        let response = app
            .server
            .post(&format!("{}/assistant", api(&ws)))
            .authorization_bearer(&token)
            .json(&bad)
            .await;
        assert_eq!(response.status_code(), 422, "{bad}");
        assert!(response.json::<Value>()["errors"]["message"].is_array());
    }
}

#[tokio::test]
async fn a_quick_entry_is_a_draft_until_confirmed_and_splits_between_members() {
    let app = TestApp::start().await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    join_named(&app, &ann, &ws, "Sam Lee", "sam@example.com", "member").await;
    let before = expense_count(&app, &ann, &ws).await;

    let answer = ask(&app, &ann, &ws, "coffee 4.50 yesterday").await;
    assert_eq!(answer["intent"], "add_expense");
    assert_eq!(
        expense_count(&app, &ann, &ws).await,
        before,
        "asking adds nothing"
    );
    let action = &answer["actions"][0];
    assert_eq!(action["kind"], "create_expense");
    let yesterday = (today() - Days::new(1)).to_string();
    assert_eq!(action["body"]["date"], yesterday.as_str());
    assert_eq!(action["body"]["amount"], "4.50");
    assert_eq!(action["body"]["description"], "Coffee");
    let created = app
        .server
        .post(action["href"].as_str().unwrap())
        .authorization_bearer(&ann)
        .json(&action["body"])
        .await;
    assert_eq!(created.status_code(), 201, "{}", created.text());
    assert_eq!(expense_count(&app, &ann, &ws).await, before + 1);

    let rent = ask(&app, &ann, &ws, "rent 1200 paid by Sam split equally").await;
    let body = &rent["actions"][0]["body"];
    assert_eq!(rent["data"]["paid_by_name"], "Sam Lee");
    assert_eq!(rent["data"]["category"], "Housing");
    assert_eq!(body["split"]["method"], "equal");
    assert_eq!(body["split"]["parts"].as_array().unwrap().len(), 2);
    let created = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/expenses"))
        .authorization_bearer(&ann)
        .json(body)
        .await;
    assert_eq!(created.status_code(), 201, "{}", created.text());
    let owes = ask(&app, &ann, &ws, "who owes whom?").await;
    assert_eq!(owes["reply"], "You owe Sam Lee €600.00.");
    let balances: Value = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/balances"))
        .authorization_bearer(&ann)
        .await
        .json();
    assert_eq!(balances["transfers"][0]["amount"], "600.00", "{balances}");

    // A name nobody has gets a question with the members as choices.
    let who = ask(&app, &ann, &ws, "lunch 15 paid by bob").await;
    assert_eq!(who["intent"], "clarify");
    let choices: Vec<&str> = who["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        choices,
        ["lunch 15 paid by ann", "lunch 15 paid by sam lee"]
    );
}

#[tokio::test]
async fn viewers_cannot_add_and_other_workspaces_stay_out_of_reach() {
    let app = TestApp::start().await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let viewer = join_as(&app, &ann, &ws, "vic@example.com", "viewer").await;
    let (zoe, other) = workspace_of(&app, "Zoe", "zoe@example.com").await;
    let yachts: Value = app
        .server
        .post(&format!("/api/v1/workspaces/{other}/categories"))
        .authorization_bearer(&zoe)
        .json(&json!({ "name": "Yachts", "color": "#123456" }))
        .await
        .json();
    add_api(&app, &zoe, &other, json!({ "amount": "9000.00", "date": today().to_string(), "description": "Yacht", "category_id": yachts["id"] })).await;
    add_api(
        &app,
        &ann,
        &ws,
        json!({ "amount": "10.00", "date": today().to_string(), "description": "Soap" }),
    )
    .await;

    let refused = ask(&app, &viewer, &ws, "coffee 4.50 yesterday").await;
    assert_eq!(refused["intent"], "add_expense");
    assert!(
        refused["actions"].as_array().unwrap().is_empty(),
        "{refused}"
    );
    assert!(
        refused["reply"].as_str().unwrap().contains("viewer"),
        "{refused}"
    );
    let read = ask(&app, &viewer, &ws, "how much did we spend this month").await;
    assert_eq!(read["data"]["total_minor"], 1000);

    // Another workspace's names and figures are not this one's.
    let yacht = ask(&app, &ann, &ws, "how much on yachts this month").await;
    assert!(
        !yacht["interpretation"]
            .as_str()
            .unwrap()
            .contains("category="),
        "{yacht}"
    );
    assert_eq!(yacht["data"]["total_minor"], 0);
    let outside = app
        .server
        .post(&format!("/api/v1/workspaces/{other}/assistant"))
        .authorization_bearer(&ann)
        .json(&json!({ "message": "how much did we spend this month" }))
        .await;
    assert_eq!(outside.status_code(), 404);
    let signed_out = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/assistant"))
        .json(&json!({ "message": "how much" }))
        .await;
    assert_eq!(signed_out.status_code(), 401);
}

#[tokio::test]
async fn the_chat_panel_answers_with_htmx_and_without() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    add_api(
        &app,
        &token,
        &ws,
        json!({ "amount": "12.00", "date": today().to_string(), "description": "Soap" }),
    )
    .await;

    let overview = app.server.get(&ws).await.text();
    assert!(
        overview.contains("id=\"assistant\"")
            && overview.contains(&format!("hx-post=\"{ws}/assistant\"")),
        "{overview}"
    );

    let csrf = csrf_in(&overview);
    let partial = app
        .server
        .post(&format!("{ws}/assistant"))
        .add_header("hx-request", "true")
        .add_header("x-csrf-token", csrf.clone())
        .form(&[("message", "how much did we spend this month?")])
        .await;
    assert_eq!(partial.status_code(), 200);
    let html = partial.text();
    assert!(!html.contains("<html"), "a fragment: {html}");
    assert!(html.contains("You spent €12.00"), "{html}");
    assert!(
        html.contains("hx-swap-oob=\"true\""),
        "the input is emptied: {html}"
    );

    // Without JavaScript: the assistant's page with the exchange.
    let full = app
        .post_form(
            &format!("{ws}/assistant"),
            &[("message", "coffee 4.50 yesterday")],
        )
        .await;
    assert_eq!(full.status_code(), 200);
    let html = full.text();
    assert!(
        html.contains("<html") && html.contains("Add &quot;Coffee&quot;"),
        "{html}"
    );
    assert!(
        html.contains(&format!("action=\"{ws}/expenses\"")),
        "{html}"
    );
    let yesterday = (today() - Days::new(1)).to_string();
    assert!(html.contains(&format!("value=\"{yesterday}\"")), "{html}");

    // Confirming the drafted form adds the expense.
    let me: Value = app
        .server
        .get("/api/auth/current")
        .authorization_bearer(&token)
        .await
        .json();
    let added = app
        .post_form(
            &format!("{ws}/expenses"),
            &[
                ("description", "Coffee"),
                ("amount", "4.50"),
                ("currency", "EUR"),
                ("date", &yesterday),
                ("category_id", ""),
                ("paid_by", me["pid"].as_str().unwrap()),
                ("payee", ""),
                ("split_method", "none"),
            ],
        )
        .await;
    assert_eq!(added.status_code(), 303, "{}", added.text());
    let listed = app.server.get(&format!("{ws}/expenses")).await.text();
    assert!(listed.contains("Coffee"));

    let empty = app
        .server
        .post(&format!("{ws}/assistant"))
        .add_header("hx-request", "true")
        .add_header("x-csrf-token", csrf)
        .form(&[("message", " ")])
        .await;
    assert_eq!(empty.status_code(), 422);
    assert!(
        empty
            .text()
            .contains("be empty: ask a question or describe an expense"),
        "{}",
        empty.text()
    );

    let without_token = app
        .server
        .post(&format!("{ws}/assistant"))
        .form(&[("message", "hi")])
        .await;
    assert_eq!(
        without_token.status_code(),
        403,
        "forms need the CSRF token"
    );
}
