//! The expense pages as a browser uses them: plain forms and links without
//! JavaScript, and the htmx requests that swap single rows.

use serde_json::{json, Value};

use super::workspaces_api::join_as;
use crate::support::{csrf_in, household, TestApp, PASSWORD};

pub fn api(ws: &str) -> String {
    format!("/api/v1/workspaces/{}", ws.trim_start_matches("/w/"))
}

/// A form post as htmx sends it: the CSRF token in a header.
async fn htmx_post(app: &TestApp, path: &str, fields: &[(&str, &str)]) -> axum_test::TestResponse {
    let token = csrf_in(&app.server.get("/").await.text());
    app.server
        .post(path)
        .add_header("hx-request", "true")
        .add_header("x-csrf-token", token)
        .form(&fields)
        .await
}

pub async fn add_api(app: &TestApp, token: &str, ws: &str, body: Value) -> Value {
    let response = app
        .server
        .post(&format!("{}/expenses", api(ws)))
        .authorization_bearer(token)
        .json(&body)
        .await;
    assert_eq!(response.status_code(), 201, "{}", response.text());
    response.json()
}

#[tokio::test]
async fn adding_filtering_and_fixing_mistakes_without_javascript() {
    let app = TestApp::start().await;
    let (ws, _) = household(&app).await;
    let list = app.server.get(&format!("{ws}/expenses")).await;
    list.assert_status_ok();
    assert!(list.text().contains("No expenses yet"));

    let base = [
        ("currency", "EUR"),
        ("date", "2026-11-21"),
        ("split_method", "none"),
    ];
    let mut bad = base.to_vec();
    bad.extend([("amount", "twelve"), ("description", "Bakery run")]);
    let refused = app.post_form(&format!("{ws}/expenses"), &bad).await;
    assert_eq!(refused.status_code(), 422);
    let html = refused.text();
    assert!(
        html.contains("Amount must be a number such as 12.34."),
        "{html}"
    );
    assert!(
        html.contains(r#"value="Bakery run""#),
        "what was typed stays"
    );

    let mut good = base.to_vec();
    good.extend([
        ("amount", "12.50"),
        ("description", "Bakery run"),
        ("tags", "bread, weekend"),
        ("payee", "=HYPERLINK(\"x\")"),
    ]);
    let added = app.post_form(&format!("{ws}/expenses"), &good).await;
    assert_eq!(added.status_code(), 303, "{}", added.text());
    let html = app.server.get(&format!("{ws}/expenses")).await.text();
    assert!(
        html.contains("Added &quot;Bakery run&quot;.") || html.contains("Added \"Bakery run\"."),
        "{html}"
    );
    assert!(html.contains("Bakery run"));
    assert!(html.contains("#bread"));
    assert!(
        html.contains("€12.50"),
        "the total, as English writes money"
    );

    assert!(app
        .server
        .get(&format!("{ws}/expenses?q=BAKE"))
        .await
        .text()
        .contains("Bakery run"));
    assert!(app
        .server
        .get(&format!("{ws}/expenses?q=zzz"))
        .await
        .text()
        .contains("No expenses match this filter"));
    let nonsense = app
        .server
        .get(&format!("{ws}/expenses?from=yesterday"))
        .await;
    assert_eq!(nonsense.status_code(), 422);
    assert!(nonsense
        .text()
        .contains("From must be a real date as YYYY-MM-DD; showing everything instead."));

    // The CSV export takes the same filter, and defuses spreadsheet formulas.
    let csv = app
        .server
        .get(&format!("{ws}/expenses.csv?tag=bread"))
        .await;
    csv.assert_status_ok();
    assert_eq!(csv.header("content-type"), "text/csv; charset=utf-8");
    assert!(csv
        .header("content-disposition")
        .to_str()
        .unwrap()
        .starts_with("attachment; filename=\"expenses-"));
    let mut reader = csv::Reader::from_reader(csv.as_bytes().as_ref());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][0], "2026-11-21");
    assert_eq!(&rows[0][1], "Bakery run");
    assert_eq!(&rows[0][2], "'=HYPERLINK(\"x\")");
    assert_eq!(&rows[0][6], "12.50");
    let none = app
        .server
        .get(&format!("{ws}/expenses.csv?tag=none"))
        .await
        .text();
    assert_eq!(none.lines().count(), 1, "only the header: {none}");

    // Delete, then undo from the banner the list shows.
    let id = rows[0][13].to_string();
    let deleted = app
        .post_form(&format!("{ws}/expenses/{id}/delete"), &[])
        .await;
    assert_eq!(deleted.status_code(), 303);
    let back_to = deleted.header("location").to_str().unwrap().to_string();
    assert_eq!(back_to, format!("{ws}/expenses?undo={id}"));
    let html = app.server.get(&back_to).await.text();
    assert!(html.contains("Deleted “Bakery run”."));
    assert!(html.contains("No expenses yet"));
    let restored = app
        .post_form(&format!("{ws}/expenses/{id}/restore"), &[])
        .await;
    assert_eq!(restored.status_code(), 303);
    assert!(app
        .server
        .get(&format!("{ws}/expenses"))
        .await
        .text()
        .contains("Bakery run"));

    // The edit page, for browsers without JavaScript.
    let edit = app.server.get(&format!("{ws}/expenses/{id}/edit")).await;
    edit.assert_status_ok();
    assert!(edit.text().contains(r#"value="12.50""#));
    let mut changed = base.to_vec();
    changed.extend([("amount", "13.00"), ("description", "Bakery run")]);
    assert_eq!(
        app.post_form(&format!("{ws}/expenses/{id}"), &changed)
            .await
            .status_code(),
        303
    );
    assert!(app
        .server
        .get(&format!("{ws}/expenses"))
        .await
        .text()
        .contains("€13.00"));
}

#[tokio::test]
async fn htmx_edits_and_deletes_swap_one_row_with_undo() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let expense = add_api(
        &app,
        &token,
        &ws,
        json!({ "amount": "8.00", "date": "2026-11-20", "description": "Cinema" }),
    )
    .await;
    let id = expense["id"].as_str().unwrap();
    let one = format!("{ws}/expenses/{id}");

    let form = app
        .server
        .get(&format!("{one}/edit"))
        .add_header("hx-request", "true")
        .await;
    form.assert_status_ok();
    let html = form.text();
    assert!(
        html.starts_with(&format!(r#"<tr id="expense-{id}" class="editing">"#)),
        "{html}"
    );
    assert!(!html.contains("<html"), "a fragment, not a page");

    let fields = [
        ("amount", "9.50"),
        ("currency", "EUR"),
        ("date", "2026-11-20"),
        ("description", "Cinema"),
        ("split_method", "none"),
    ];
    let saved = htmx_post(&app, &one, &fields).await;
    saved.assert_status_ok();
    let row = saved.text();
    assert!(
        row.starts_with(&format!(r#"<tr id="expense-{id}">"#)),
        "{row}"
    );
    assert!(row.contains("9.50"));

    let invalid = htmx_post(
        &app,
        &one,
        &[
            ("amount", "9.50"),
            ("currency", "EUR"),
            ("date", "2026-13-01"),
            ("description", "Cinema"),
        ],
    )
    .await;
    assert_eq!(invalid.status_code(), 422);
    assert!(invalid
        .text()
        .contains("Date must be a real date as YYYY-MM-DD."));
    assert!(invalid.text().contains("class=\"editing\""));

    let cancelled = app.server.get(&one).add_header("hx-request", "true").await;
    assert!(
        cancelled.text().contains("9.50"),
        "nothing of the invalid edit was saved"
    );

    let deleted = htmx_post(&app, &format!("{one}/delete"), &[]).await;
    deleted.assert_status_ok();
    assert!(deleted.text().contains("Deleted “Cinema”."));
    assert!(deleted.text().contains("Undo"));
    // The page's address now offers the undo, so the live refresh that
    // follows the change (it re-reads the list at that address) keeps it.
    let address = format!("{ws}/expenses?undo={id}");
    assert_eq!(deleted.header("hx-replace-url"), address.as_str());
    let refreshed = app.server.get(&address).await.text();
    let list = &refreshed[refreshed.find("id=\"expense-list\"").unwrap()..];
    assert!(
        list.contains("Deleted “Cinema”.") && list.contains(&format!("{id}/restore")),
        "{list}"
    );
    assert!(app
        .server
        .get(&format!("{ws}/expenses"))
        .await
        .text()
        .contains("No expenses yet"));
    let undone = htmx_post(&app, &format!("{one}/restore"), &[]).await;
    undone.assert_status_ok();
    assert!(undone
        .text()
        .starts_with(&format!(r#"<tr id="expense-{id}">"#)));
    assert!(app
        .server
        .get(&format!("{ws}/expenses"))
        .await
        .text()
        .contains("Cinema"));
}

#[tokio::test]
async fn a_split_from_the_form_and_pages_that_load_more() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let ws_id = ws.trim_start_matches("/w/").to_string();
    join_as(&app, &token, &ws_id, "bob@example.com", "member").await;
    let members: Value = app
        .server
        .get(&format!("{}/members", api(&ws)))
        .authorization_bearer(&token)
        .await
        .json::<Value>()["items"]
        .clone();
    let ids: Vec<String> = members
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["user_id"].as_str().unwrap().to_string())
        .collect();
    let include: Vec<String> = ids.iter().map(|id| format!("include_{id}")).collect();
    let share: Vec<String> = ids.iter().map(|id| format!("share_{id}")).collect();

    let added = app
        .post_form(
            &format!("{ws}/expenses"),
            &[
                ("amount", "30.00"),
                ("currency", "EUR"),
                ("date", "2026-11-01"),
                ("description", "Dinner"),
                ("paid_by", &ids[0]),
                ("split_method", "shares"),
                (&include[0], "on"),
                (&share[0], "2"),
                (&include[1], "on"),
                (&share[1], "1"),
            ],
        )
        .await;
    assert_eq!(added.status_code(), 303, "{}", added.text());
    let html = app.server.get(&format!("{ws}/expenses")).await.text();
    assert!(
        html.contains("Shared by shares: Ann €20.00, Someone €10.00"),
        "{html}"
    );

    let refused = app
        .post_form(
            &format!("{ws}/expenses"),
            &[
                ("amount", "30.00"),
                ("currency", "EUR"),
                ("date", "2026-11-01"),
                ("description", "Lunch"),
                ("split_method", "percent"),
                (&include[0], "on"),
                (&share[0], "50"),
                (&include[1], "on"),
                (&share[1], "40"),
            ],
        )
        .await;
    assert_eq!(refused.status_code(), 422);
    assert!(refused
        .text()
        .contains("Split: percentages add up to 90%, not 100%."));

    for day in 1..=60 {
        add_api(&app, &token, &ws, json!({ "amount": "1.00", "date": format!("2026-09-{:02}", day % 28 + 1), "description": format!("Item {day}") })).await;
    }
    let first = app
        .server
        .get(&format!("{ws}/expenses?sort=oldest"))
        .await
        .text();
    assert_eq!(first.matches(r#"<tr id="expense-"#).count(), 50);
    let more = regex::Regex::new(r#"hx-get="([^"]+partial=rows)""#).unwrap();
    // As a browser reads the attribute.
    let next = more.captures(&first).expect("a load-more link")[1]
        .replace("&amp;", "&")
        .replace("&#x2F;", "/")
        .replace("&#x3D;", "=");
    assert!(
        next.contains("sort=oldest"),
        "the next page keeps the order: {next}"
    );
    let rest = app.server.get(&next).await.text();
    assert!(!rest.contains("<html"));
    assert_eq!(rest.matches(r#"<tr id="expense-"#).count(), 11);
    assert!(!rest.contains("load-more"), "the last page");
    assert!(rest.contains("Dinner"), "oldest first ends on November");
}

#[tokio::test]
async fn viewers_see_the_list_but_no_way_to_change_it() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let ws_id = ws.trim_start_matches("/w/").to_string();
    add_api(
        &app,
        &token,
        &ws,
        json!({ "amount": "5.00", "date": "2026-11-01", "description": "Soap" }),
    )
    .await;
    join_as(&app, &token, &ws_id, "view@example.com", "viewer").await;
    let viewer = app.another_browser();
    let login_page = viewer.get("/login").await.text();
    let logged_in = viewer
        .post("/login")
        .form(&[
            ("email", "view@example.com"),
            ("password", PASSWORD),
            ("_csrf", &csrf_in(&login_page)),
        ])
        .await;
    assert_eq!(logged_in.status_code(), 303);
    let html = viewer.get(&format!("{ws}/expenses")).await.text();
    assert!(html.contains("Soap"));
    assert!(!html.contains("Add an expense"));
    assert!(!html.contains("/edit"));
    assert!(!html.contains("Delete</button>"));
    let attempt = crate::support::post_form_as(
        &viewer,
        &format!("{ws}/expenses"),
        &[
            ("amount", "1"),
            ("date", "2026-11-01"),
            ("description", "x"),
        ],
    )
    .await;
    assert_eq!(attempt.status_code(), 403);
}

#[tokio::test]
async fn categories_are_managed_on_their_page_and_deleting_one_moves_its_expenses() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let categories: Value = app
        .server
        .get(&format!("{}/categories", api(&ws)))
        .authorization_bearer(&token)
        .await
        .json::<Value>()["items"]
        .clone();
    let id_of = |name: &str| {
        categories
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == name)
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let (dining, groceries) = (id_of("Dining out"), id_of("Groceries"));
    add_api(&app, &token, &ws, json!({ "amount": "20.00", "date": "2026-11-01", "description": "Pizza", "category_id": dining })).await;

    let page = app.server.get(&format!("{ws}/categories")).await.text();
    assert!(page.contains("Dining out"));
    assert!(page.contains("<td>1</td>"), "Dining out holds one expense");

    let bad = app
        .post_form(
            &format!("{ws}/categories"),
            &[("name", "Pets"), ("color", "blue")],
        )
        .await;
    assert_eq!(bad.status_code(), 422);
    assert!(bad
        .text()
        .contains("Colour must be a colour such as #2f9e44."));
    let taken = app
        .post_form(
            &format!("{ws}/categories"),
            &[("name", "Groceries"), ("color", "#123456")],
        )
        .await;
    assert!(taken.text().contains("Name is already a category here."));
    assert_eq!(
        app.post_form(
            &format!("{ws}/categories"),
            &[("name", "Pets"), ("color", "#123456")]
        )
        .await
        .status_code(),
        303
    );
    assert!(app
        .server
        .get(&format!("{ws}/categories"))
        .await
        .text()
        .contains("Pets"));

    let renamed = app
        .post_form(
            &format!("{ws}/categories/{dining}"),
            &[("name", "Restaurants"), ("color", "#e8590c")],
        )
        .await;
    assert_eq!(renamed.status_code(), 303);
    let moved = app
        .post_form(
            &format!("{ws}/categories/{dining}/delete"),
            &[("move_to", &groceries)],
        )
        .await;
    assert_eq!(moved.status_code(), 303);
    let html = app.server.get(&format!("{ws}/categories")).await.text();
    assert!(
        html.contains("Deleted the category &quot;Restaurants&quot;.")
            || html.contains("Deleted the category \"Restaurants\"."),
        "{html}"
    );
    assert!(!html.contains(">Restaurants<"));
    let list: Value = app
        .server
        .get(&format!("{}/expenses", api(&ws)))
        .authorization_bearer(&token)
        .await
        .json();
    assert_eq!(list["items"][0]["category"]["name"], "Groceries");
}

#[tokio::test]
async fn the_balances_page_shows_who_owes_and_records_the_suggested_payment() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let ws_id = ws.trim_start_matches("/w/").to_string();
    join_as(&app, &token, &ws_id, "bob@example.com", "member").await;
    let page = app.server.get(&format!("{ws}/balances")).await.text();
    assert!(page.contains("Balances appear when an expense is shared"));

    let members: Value = app
        .server
        .get(&format!("{}/members", api(&ws)))
        .authorization_bearer(&token)
        .await
        .json::<Value>()["items"]
        .clone();
    let parts: Vec<Value> = members
        .as_array()
        .unwrap()
        .iter()
        .map(|m| json!({ "member": m["user_id"] }))
        .collect();
    add_api(&app, &token, &ws, json!({ "amount": "50.00", "date": "2026-11-01", "description": "Electricity", "split": { "method": "equal", "parts": parts } })).await;
    let page = app.server.get(&format!("{ws}/balances")).await.text();
    assert!(page.contains("is owed €25.00"), "{page}");
    assert!(page.contains(">owes €25.00<"));
    assert!(page.contains("<strong>Someone</strong> pays <strong>Ann</strong> €25.00"));

    let refused = app
        .post_form(
            &format!("{ws}/settlements"),
            &[
                ("from", members[1]["user_id"].as_str().unwrap()),
                ("to", members[0]["user_id"].as_str().unwrap()),
                ("amount", "-3"),
            ],
        )
        .await;
    assert_eq!(refused.status_code(), 422);
    assert!(refused.text().contains("Amount must be greater than zero."));

    let recorded = app
        .post_form(
            &format!("{ws}/settlements"),
            &[
                ("from", members[1]["user_id"].as_str().unwrap()),
                ("to", members[0]["user_id"].as_str().unwrap()),
                ("amount", "25.00"),
            ],
        )
        .await;
    assert_eq!(recorded.status_code(), 303);
    let page = app.server.get(&format!("{ws}/balances")).await.text();
    assert!(page.contains("Everyone is settled up"), "{page}");
    assert!(page.contains("Payments so far"));
}

#[tokio::test]
async fn a_recurring_expense_is_set_up_and_stopped_from_its_page() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let today = chrono::Utc::now().date_naive().to_string();
    let page = app.server.get(&format!("{ws}/recurring")).await;
    page.assert_status_ok();
    assert!(page.text().contains("Nothing repeats yet."));

    let refused = app
        .post_form(
            &format!("{ws}/recurring"),
            &[
                ("frequency", "monthly"),
                ("interval", "0"),
                ("starts_on", &today),
                ("amount", "12"),
                ("currency", "EUR"),
                ("description", "Phone"),
            ],
        )
        .await;
    assert_eq!(refused.status_code(), 422);
    assert!(refused
        .text()
        .contains("Every must be a whole number from 1 to 366."));
    assert!(refused.text().contains(r#"value="Phone""#));

    let created = app
        .post_form(
            &format!("{ws}/recurring"),
            &[
                ("frequency", "monthly"),
                ("interval", "1"),
                ("starts_on", &today),
                ("amount", "12"),
                ("currency", "EUR"),
                ("description", "Phone"),
                ("split_method", "none"),
            ],
        )
        .await;
    assert_eq!(created.status_code(), 303, "{}", created.text());
    let html = app.server.get(&format!("{ws}/recurring")).await.text();
    assert!(html.contains("Phone"));
    assert!(html.contains("monthly"));
    let list: Value = app
        .server
        .get(&format!("{}/expenses", api(&ws)))
        .authorization_bearer(&token)
        .await
        .json();
    assert_eq!(list["count"], 1, "today's occurrence is added at once");

    let rules: Value = app
        .server
        .get(&format!("{}/recurring", api(&ws)))
        .authorization_bearer(&token)
        .await
        .json::<Value>()["items"]
        .clone();
    let id = rules[0]["id"].as_str().unwrap();
    assert_eq!(
        app.post_form(&format!("{ws}/recurring/{id}/delete"), &[])
            .await
            .status_code(),
        303
    );
    assert!(app
        .server
        .get(&format!("{ws}/recurring"))
        .await
        .text()
        .contains("Nothing repeats yet."));
    let list: Value = app
        .server
        .get(&format!("{}/expenses", api(&ws)))
        .authorization_bearer(&token)
        .await
        .json();
    assert_eq!(list["count"], 1, "what it made stays");
}

#[tokio::test]
async fn a_recurring_expense_is_edited_from_its_page_for_what_it_adds_next() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let ws_id = ws.trim_start_matches("/w/").to_string();
    let today = chrono::Utc::now().date_naive();
    let rule: Value = app
        .server
        .post(&format!("{}/recurring", api(&ws)))
        .authorization_bearer(&token)
        .json(&json!({ "frequency": "monthly", "starts_on": today.to_string(), "amount": "12.00", "description": "Phone" }))
        .await
        .json();
    let id = rule["id"].as_str().unwrap().to_string();
    let edit = format!("{ws}/recurring/{id}/edit");
    let html = app.server.get(&format!("{ws}/recurring")).await.text();
    assert!(html.contains(&format!(r#"href="{edit}""#)), "{html}");
    assert!(html.contains(r#"aria-label="Edit Phone""#));

    let form = app.server.get(&edit).await;
    form.assert_status_ok();
    let form = form.text();
    assert!(form.contains(r#"value="Phone""#), "{form}");
    assert!(form.contains(r#"value="12.00""#));
    assert!(form.contains(&format!(r#"value="{today}""#)));

    let refused = app
        .post_form(
            &edit,
            &[
                ("frequency", "monthly"),
                ("interval", "0"),
                ("starts_on", &today.to_string()),
                ("amount", "15,50"),
                ("currency", "EUR"),
                ("description", "Phone plan"),
            ],
        )
        .await;
    assert_eq!(refused.status_code(), 422);
    let refused = refused.text();
    assert!(refused.contains("Every must be a whole number from 1 to 366."));
    assert!(refused.contains(r#"value="Phone plan""#), "what was typed");
    assert!(refused.contains(r#"value="15,50""#));
    let unchanged: Value = app
        .server
        .get(&format!("{}/recurring", api(&ws)))
        .authorization_bearer(&token)
        .await
        .json::<Value>()["items"][0]
        .clone();
    assert_eq!(unchanged["expense"]["amount"], "12.00");

    let saved = app
        .post_form(
            &edit,
            &[
                ("frequency", "monthly"),
                ("interval", "2"),
                ("starts_on", &today.to_string()),
                ("ends_on", ""),
                ("amount", "15,50"),
                ("currency", "EUR"),
                ("description", "Phone plan"),
                ("split_method", "none"),
            ],
        )
        .await;
    assert_eq!(saved.status_code(), 303, "{}", saved.text());
    let changed: Value = app
        .server
        .get(&format!("{}/recurring", api(&ws)))
        .authorization_bearer(&token)
        .await
        .json::<Value>()["items"][0]
        .clone();
    assert_eq!(changed["expense"]["amount"], "15.50", "kept plainly");
    assert_eq!(changed["interval"], 2);
    assert_eq!(
        changed["next_on"],
        today
            .checked_add_months(chrono::Months::new(2))
            .unwrap()
            .to_string(),
        "today's is made already"
    );
    let list: Value = app
        .server
        .get(&format!("{}/expenses", api(&ws)))
        .authorization_bearer(&token)
        .await
        .json();
    assert_eq!(list["count"], 1);
    assert_eq!(list["items"][0]["amount"], "12.00", "what it made stays");
    assert_eq!(list["items"][0]["description"], "Phone");

    // A viewer sees the rule but no way to change it.
    join_as(&app, &token, &ws_id, "view@example.com", "viewer").await;
    let viewer = app.another_browser();
    let login_page = viewer.get("/login").await.text();
    let logged_in = viewer
        .post("/login")
        .form(&[
            ("email", "view@example.com"),
            ("password", PASSWORD),
            ("_csrf", &csrf_in(&login_page)),
        ])
        .await;
    assert_eq!(logged_in.status_code(), 303);
    let html = viewer.get(&format!("{ws}/recurring")).await.text();
    assert!(html.contains("Phone plan"));
    assert!(!html.contains("/edit"));
    assert!(!html.contains("Edit Phone"));
    assert_eq!(viewer.get(&edit).await.status_code(), 403);
    let attempt = crate::support::post_form_as(
        &viewer,
        &edit,
        &[
            ("frequency", "daily"),
            ("starts_on", &today.to_string()),
            ("amount", "1"),
            ("description", "x"),
        ],
    )
    .await;
    assert_eq!(attempt.status_code(), 403);
}

#[tokio::test]
async fn a_payment_recorded_by_mistake_is_deleted_from_the_balances_page() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let ws_id = ws.trim_start_matches("/w/").to_string();
    let member = join_as(&app, &token, &ws_id, "bob@example.com", "member").await;
    let members: Value = app
        .server
        .get(&format!("{}/members", api(&ws)))
        .authorization_bearer(&token)
        .await
        .json::<Value>()["items"]
        .clone();
    let (ann, bob) = (
        members[0]["user_id"].as_str().unwrap(),
        members[1]["user_id"].as_str().unwrap(),
    );
    let made: Value = app
        .server
        .post(&format!("{}/settlements", api(&ws)))
        .authorization_bearer(&member)
        .json(&json!({ "from": bob, "to": ann, "amount": "7.00" }))
        .await
        .json();
    let id = made["id"].as_str().unwrap();
    assert!(app
        .server
        .get(&format!("{ws}/balances"))
        .await
        .text()
        .contains("Payments so far"));
    let deleted = app
        .post_form(&format!("{ws}/settlements/{id}/delete"), &[])
        .await;
    assert_eq!(deleted.status_code(), 303);
    let page = app.server.get(&format!("{ws}/balances")).await.text();
    assert!(page.contains("Payment deleted."));
    assert!(!page.contains("Payments so far"));
    assert!(page.contains("Balances appear when an expense is shared"));
}

#[tokio::test]
async fn the_archive_is_downloaded_and_restored_from_the_settings_page() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    add_api(
        &app,
        &token,
        &ws,
        json!({ "amount": "4.20", "date": "2026-11-01", "description": "Tea", "tags": ["calm"] }),
    )
    .await;
    let download = app.server.get(&format!("{ws}/archive.json")).await;
    download.assert_status_ok();
    assert!(download
        .header("content-disposition")
        .to_str()
        .unwrap()
        .starts_with("attachment; filename=\"smartexpense-"));
    let archive = download.as_bytes().to_vec();

    let created = app
        .post_form(
            "/w",
            &[
                ("name", "Copy"),
                ("kind", "household"),
                ("currency", "EUR"),
                ("time_zone", "UTC"),
            ],
        )
        .await;
    let copy = created.header("location").to_str().unwrap().to_string();
    let settings = app.server.get(&format!("{copy}/settings")).await.text();
    assert!(settings.contains("Download the archive"));
    let csrf = csrf_in(&settings);
    let restore = |bytes: Vec<u8>| {
        let form = axum_test::multipart::MultipartForm::new().add_part(
            "file",
            axum_test::multipart::Part::bytes(bytes).file_name("archive.json"),
        );
        app.server
            .post(&format!("{copy}/archive?_csrf={csrf}"))
            .multipart(form)
    };
    let garbage = restore(b"not json".to_vec()).await;
    assert_eq!(garbage.status_code(), 303);
    assert!(app
        .server
        .get(&format!("{copy}/settings"))
        .await
        .text()
        .contains("Archive is not a SmartExpense archive"));
    assert_eq!(restore(archive).await.status_code(), 303);
    assert!(app
        .server
        .get(&format!("{copy}/settings"))
        .await
        .text()
        .contains("Restored 1 expenses from the archive."));
    let list: Value = app
        .server
        .get(&format!("{}/expenses", api(&copy)))
        .authorization_bearer(&token)
        .await
        .json();
    assert_eq!(list["items"][0]["description"], "Tea");
    assert_eq!(list["items"][0]["tags"], json!(["calm"]));
}
