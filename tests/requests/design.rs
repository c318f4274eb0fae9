//! The phone-first frame: every workspace page has the bottom bar of the
//! five main places (the current one marked) and the quick-add sheet with
//! the workspace's default split; the dashboard's charts carry axis values
//! written in the page's language.

use chrono::Datelike;
use serde_json::{json, Value};

use super::workspaces_api::join_named;
use crate::support::{household, TestApp};

/// The part of `html` from `start` up to the first `end` after it.
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in {html}"));
    let rest = &html[from..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

/// The labels the bottom bar marks current.
fn marked(bar: &str) -> Vec<String> {
    bar.split("aria-current=\"page\"")
        .skip(1)
        .filter_map(|rest| rest.split("<span>").nth(1))
        .filter_map(|text| text.split('<').next())
        .map(str::to_string)
        .collect()
}

/// A household of two (Ann and Ben), so its default split is equal.
async fn household_of_two(app: &TestApp) -> (String, String, String) {
    let (ws, token) = household(app).await;
    let id = ws.trim_start_matches("/w/").to_string();
    join_named(app, &token, &id, "Ben", "ben@example.com", "member").await;
    (ws, id, token)
}

#[tokio::test]
async fn every_workspace_page_has_the_bottom_bar_with_the_current_place_marked() {
    let app = TestApp::start().await;
    let (ws, _, _) = household_of_two(&app).await;
    for (path, current) in [
        (ws.clone(), "Overview"),
        (format!("{ws}/expenses"), "Expenses"),
        (format!("{ws}/expenses/new"), "Expenses"),
        (format!("{ws}/balances"), "Balances"),
        (format!("{ws}/budgets"), "Budgets"),
        (format!("{ws}/recurring"), "More"),
        (format!("{ws}/imports"), "More"),
        (format!("{ws}/reports"), "More"),
        (format!("{ws}/categories"), "More"),
        (format!("{ws}/members"), "More"),
        (format!("{ws}/settings"), "More"),
        (format!("{ws}/audit"), "More"),
        (format!("{ws}/notifications"), ""),
    ] {
        let page = app.server.get(&path).await;
        assert_eq!(page.status_code(), 200, "{path}");
        let html = page.text();
        let bar = between(&html, r#"class="bottom-bar""#, "</nav>");
        for (href, label) in [
            (ws.clone(), "Overview"),
            (format!("{ws}/expenses"), "Expenses"),
            ("#quick-add".to_string(), "Add"),
            (format!("{ws}/balances"), "Balances"),
            (format!("{ws}/budgets"), "Budgets"),
        ] {
            assert!(bar.contains(&format!("href=\"{href}\"")), "{path}: {bar}");
            assert!(
                bar.contains(&format!("<span>{label}</span>")),
                "{path}: {label}"
            );
        }
        assert!(bar.contains(r#"<details class="more">"#), "{path}");
        assert!(bar.contains("<span>More</span>"), "{path}");
        let expected: Vec<String> = if current.is_empty() {
            vec![]
        } else {
            vec![current.to_string()]
        };
        assert_eq!(marked(bar), expected, "{path}");
        // The rest of the places are behind More, the current one marked.
        if current == "More" {
            let sheet = between(bar, "more-sheet", "</ul>");
            assert!(
                sheet.contains(&format!("href=\"{path}\" aria-current=\"page\"")),
                "{path}: {sheet}"
            );
        }
    }
}

#[tokio::test]
async fn every_workspace_page_offers_the_quick_add_with_the_default_split() {
    let app = TestApp::start().await;
    let (ws, _, _) = household_of_two(&app).await;
    let today = chrono::Utc::now().date_naive().to_string();
    for path in [
        ws.clone(),
        format!("{ws}/expenses"),
        format!("{ws}/balances"),
        format!("{ws}/budgets"),
        format!("{ws}/reports"),
        format!("{ws}/categories"),
        format!("{ws}/members"),
        format!("{ws}/settings"),
        format!("{ws}/audit"),
        format!("{ws}/notifications"),
    ] {
        let html = app.server.get(&path).await.text();
        let sheet = between(&html, r#"<section id="quick-add""#, "</section>");
        assert!(
            sheet.contains(&format!(r#"action="{ws}/expenses""#))
                && sheet.contains(r#"data-offline="expense""#)
                && sheet.contains(r#"name="from" value="new""#),
            "{path}: {sheet}"
        );
        let amount = between(sheet, r#"<input id="qa-amount""#, ">");
        assert!(
            amount.contains(r#"inputmode="decimal""#) && amount.contains("autofocus"),
            "{path}: {amount}"
        );
        assert!(
            sheet.contains(r#"<option value="equal" selected>"#),
            "{path}: a household splits equally"
        );
        assert_eq!(
            sheet.matches(r#"name="include_"#).count(),
            2,
            "{path}: both members"
        );
        assert_eq!(sheet.matches(" checked>").count(), 2, "{path}: both ticked");
        assert!(
            sheet.contains(&format!(r#"type="date" required value="{today}""#)),
            "{path}: today"
        );
        assert!(sheet.contains(r#"name="category_id""#), "{path}");
        assert!(sheet.contains(r#"name="paid_by""#), "{path}");
    }
}

#[tokio::test]
async fn the_quick_add_adds_an_expense_split_by_default_and_shows_a_refusal() {
    let app = TestApp::start().await;
    let (ws, id, token) = household_of_two(&app).await;
    let html = app.server.get(&ws).await.text();
    let sheet = between(&html, r#"<section id="quick-add""#, "</section>");
    let ids: Vec<String> = sheet
        .split(r#"name="include_"#)
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect();
    assert_eq!(ids.len(), 2, "{sheet}");
    let paid_by = between(sheet, r#"<select id="qa-paid-by""#, " selected>")
        .rsplit("value=\"")
        .next()
        .and_then(|v| v.split('"').next())
        .unwrap_or_default()
        .to_string();
    let today = chrono::Utc::now().date_naive().to_string();
    let include: Vec<(String, &str)> = ids.iter().map(|i| (format!("include_{i}"), "on")).collect();
    let mut fields: Vec<(&str, &str)> = vec![
        ("from", "new"),
        ("currency", "EUR"),
        ("amount", "12.50"),
        ("description", "Bakery"),
        ("category_id", ""),
        ("date", &today),
        ("paid_by", &paid_by),
        ("split_method", "equal"),
    ];
    fields.extend(include.iter().map(|(k, v)| (k.as_str(), *v)));
    let added = app.post_form(&format!("{ws}/expenses"), &fields).await;
    assert_eq!(added.status_code(), 303, "{}", added.text());
    let list: Value = app
        .server
        .get(&format!("/api/v1/workspaces/{id}/expenses"))
        .authorization_bearer(&token)
        .await
        .json();
    let bakery = &list["items"][0];
    assert_eq!(bakery["description"], "Bakery", "{list}");
    assert_eq!(bakery["amount"], "12.50", "{list}");
    assert_eq!(bakery["split"]["method"], "equal", "{list}");

    // Refused: the add page again, with what was typed and the error.
    let mut refused_fields = fields.clone();
    refused_fields[2] = ("amount", "");
    refused_fields[3] = ("description", "Kiosk");
    let refused = app
        .post_form(&format!("{ws}/expenses"), &refused_fields)
        .await;
    assert_eq!(refused.status_code(), 422);
    let html = refused.text();
    assert!(html.contains("<h1>Add an expense</h1>"), "{html}");
    assert!(html.contains(r#"value="Kiosk""#), "{html}");
    assert!(html.contains("field-error"), "{html}");
}

#[tokio::test]
async fn the_dashboard_charts_carry_axis_values_in_the_pages_language() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let id = ws.trim_start_matches("/w/");
    let today = chrono::Utc::now().date_naive();
    let created = app
        .server
        .post(&format!("/api/v1/workspaces/{id}/expenses"))
        .authorization_bearer(&token)
        .json(&json!({"amount": "1234.00", "description": "Sofa", "date": today.to_string()}))
        .await;
    assert_eq!(created.status_code(), 201, "{}", created.text());

    let english = app.server.get(&ws).await.text();
    let trend = between(&english, r#"<svg class="chart trend""#, "</svg>");
    // A peak of 1,234 gives lines at 500, 1,000 and 1,500.
    for tick in ["€500", "€1,000", "€1,500"] {
        assert!(
            trend.contains(&format!(r#"class="tick">{tick}</text>"#)),
            "{tick}: {trend}"
        );
    }
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let this_month = months[today.month0() as usize];
    assert!(trend.contains(&format!(">{this_month}</text>")), "{trend}");
    // No viewBox: the text keeps its size on a phone.
    assert!(!trend.contains("viewBox"), "{trend}");

    let german = app
        .server
        .get(&ws)
        .add_header("accept-language", "de-DE")
        .await
        .text();
    let trend = between(&german, r#"<svg class="chart trend""#, "</svg>");
    for tick in ["500\u{a0}€", "1.000\u{a0}€", "1.500\u{a0}€"] {
        assert!(
            trend.contains(&format!(r#"class="tick">{tick}</text>"#)),
            "{tick}: {trend}"
        );
    }
    let monate = [
        "Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez",
    ];
    let this_month = monate[today.month0() as usize];
    assert!(trend.contains(&format!(">{this_month}</text>")), "{trend}");
    let categories = between(&german, r#"<svg class="chart categories""#, "</svg>");
    assert!(categories.contains("1.234,00\u{a0}€"), "{categories}");
    assert!(
        german.contains("<strong>1.234,00\u{a0}€</strong> ausgegeben"),
        "{german}"
    );
    assert!(german.contains("Die letzten 12 Monate"), "{german}");
}
