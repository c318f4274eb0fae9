//! Every list pages the same way (`?limit`, `?cursor`, `{items,
//! next_cursor}`): walked page by page it gives every item once, in order,
//! even when items change between pages; bounds and foreign cursors are
//! refused with the field named.

use serde_json::{json, Value};

use super::workspaces_api::workspace_of;
use crate::support::TestApp;

/// Every item of the list at `path`, `limit` at a time, and how many pages.
async fn walk(app: &TestApp, token: &str, path: &str, limit: u32) -> (Vec<Value>, usize) {
    let (mut items, mut pages, mut cursor) = (Vec::new(), 0, String::new());
    loop {
        let answer = app
            .server
            .get(&format!("{path}?limit={limit}&cursor={cursor}"))
            .authorization_bearer(token)
            .await;
        assert_eq!(answer.status_code(), 200, "{path}: {}", answer.text());
        let page: Value = answer.json();
        pages += 1;
        let got = page["items"].as_array().expect("items");
        assert!(got.len() <= limit as usize, "{path}: a page past its limit");
        items.extend(got.iter().cloned());
        match page["next_cursor"].as_str() {
            Some(next) => cursor = next.to_string(),
            None => return (items, pages),
        }
        assert!(pages < 100, "{path}: the cursor never ends");
    }
}

fn names(items: &[Value], field: &str) -> Vec<String> {
    items
        .iter()
        .map(|i| i[field].as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test]
async fn lists_walked_page_by_page_give_every_item_once_in_order() {
    let app = TestApp::start().await;
    let (token, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let api = format!("/api/v1/workspaces/{ws}");
    for name in ["Rent", "books", "Coffee", "Garden", "alcohol"] {
        let made = app
            .server
            .post(&format!("{api}/categories"))
            .authorization_bearer(&token)
            .json(&json!({ "name": name, "color": "#336699" }))
            .await;
        assert_eq!(made.status_code(), 201, "{}", made.text());
    }

    // Categories by name, whatever the case.
    let (all, _) = walk(&app, &token, &format!("{api}/categories"), 200).await;
    let (paged, pages) = walk(&app, &token, &format!("{api}/categories"), 2).await;
    assert_eq!(names(&paged, "id"), names(&all, "id"), "the same items");
    assert!(pages >= 3);
    let mut sorted = names(&all, "name");
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names(&all, "name"), sorted);

    // The audit log, newest first: each category made is an entry.
    let (audit, pages) = walk(&app, &token, &format!("{api}/audit"), 2).await;
    assert!(pages >= 3, "{pages}");
    let ids: Vec<i64> = audit.iter().map(|e| e["id"].as_i64().unwrap()).collect();
    assert!(
        ids.windows(2).all(|w| w[0] > w[1]),
        "newest first, once each: {ids:?}"
    );
}

#[tokio::test]
async fn an_expense_changed_between_pages_neither_repeats_nor_hides_another() {
    let app = TestApp::start().await;
    let (token, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let path = format!("/api/v1/workspaces/{ws}/expenses");
    let mut ids = Vec::new();
    for day in 1..=4 {
        let made: Value = app
            .server
            .post(&path)
            .authorization_bearer(&token)
            .json(&json!({ "amount": "5", "date": format!("2026-11-0{day}"), "description": format!("Day {day}") }))
            .await
            .json();
        ids.push(made["id"].as_str().unwrap().to_string());
    }
    let first: Value = app
        .server
        .get(&format!("{path}?limit=2"))
        .authorization_bearer(&token)
        .await
        .json();
    assert_eq!(
        names(first["items"].as_array().unwrap(), "description"),
        ["Day 4", "Day 3"]
    );
    // The page's last expense moves to the end of the list meanwhile.
    let moved = app
        .server
        .patch(&format!("{path}/{}", ids[2]))
        .authorization_bearer(&token)
        .json(&json!({ "date": "2026-10-01" }))
        .await;
    assert_eq!(moved.status_code(), 200, "{}", moved.text());
    let cursor = first["next_cursor"].as_str().unwrap();
    let second: Value = app
        .server
        .get(&format!("{path}?limit=2&cursor={cursor}"))
        .authorization_bearer(&token)
        .await
        .json();
    assert_eq!(
        names(second["items"].as_array().unwrap(), "description"),
        ["Day 2", "Day 1"],
        "the next page starts where the first ended, not after the moved row"
    );
}

#[tokio::test]
async fn a_limit_out_of_bounds_or_another_lists_cursor_is_refused_with_the_field_named() {
    let app = TestApp::start().await;
    let (token, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let api = format!("/api/v1/workspaces/{ws}");
    for list in [
        "categories",
        "members",
        "audit",
        "expenses",
        "budgets",
        "settlements",
    ] {
        for limit in ["0", "201", "9223372036854775808"] {
            let answer = app
                .server
                .get(&format!("{api}/{list}?limit={limit}"))
                .authorization_bearer(&token)
                .await;
            assert_eq!(answer.status_code(), 422, "{list}?limit={limit}");
            assert_eq!(
                answer.json::<Value>()["errors"]["limit"][0],
                "must be between 1 and 200"
            );
        }
    }
    // A cursor of the audit log is not one of the categories'.
    let renamed = app
        .server
        .patch(&api)
        .authorization_bearer(&token)
        .json(&json!({ "name": "Renamed" }))
        .await;
    assert_eq!(renamed.status_code(), 200, "a second audit entry");
    let audit: Value = app
        .server
        .get(&format!("{api}/audit?limit=1"))
        .authorization_bearer(&token)
        .await
        .json();
    let cursor = audit["next_cursor"]
        .as_str()
        .expect("the audit log has entries");
    for list in ["categories", "notifications", "expenses"] {
        let answer = app
            .server
            .get(&format!("{api}/{list}?cursor={cursor}"))
            .authorization_bearer(&token)
            .await;
        assert_eq!(answer.status_code(), 422, "{list}");
        assert!(
            answer.json::<Value>()["errors"]["cursor"].is_array(),
            "{list}"
        );
    }
}

#[tokio::test]
async fn the_audit_pages_older_entries_link_opens_the_next_page() {
    use crate::support::PASSWORD;
    let app = TestApp::start().await;
    // Signed in on the pages (the test's browser) and on the API.
    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    let token = app.api_login("ann@example.com", PASSWORD).await;
    let made: Value = app
        .server
        .post("/api/v1/workspaces")
        .authorization_bearer(&token)
        .json(&json!({ "name": "Home", "kind": "household", "currency": "EUR" }))
        .await
        .json();
    let ws = made["id"].as_str().unwrap();
    // 55 changes after the creation: more than the page's 50 entries.
    for n in 0..55 {
        let renamed = app
            .server
            .patch(&format!("/api/v1/workspaces/{ws}"))
            .authorization_bearer(&token)
            .json(&json!({ "name": format!("Home {n}") }))
            .await;
        assert_eq!(renamed.status_code(), 200);
    }
    let newest = app.server.get(&format!("/w/{ws}/audit")).await.text();
    assert!(
        !newest.contains("workspace.created"),
        "the oldest is on a later page"
    );
    let link = newest
        .split("href=\"")
        .filter_map(|s| s.split('"').next())
        .find(|href| href.contains("/audit?cursor="))
        .expect("an Older entries link")
        .replace("&amp;", "&");
    let older = app.server.get(&link).await;
    assert_eq!(older.status_code(), 200);
    let older = older.text();
    assert!(older.contains("workspace.created"), "{older}");
    assert_eq!(older.matches("workspace.settings_changed").count(), 5);
    assert!(
        !older.contains("/audit?cursor="),
        "the last page links no further"
    );
}
