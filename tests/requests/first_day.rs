//! A household's first day in the app, as the defects a new German
//! household found showed it: every link of the overview leads somewhere,
//! the add page, an unknown page keeps the signed-in header, a new
//! expense is split as the workspace splits, settings are chosen from
//! lists.

use std::collections::{BTreeSet, VecDeque};

use serde_json::{json, Value};

use super::workspaces_api::join_named;
use crate::support::{household, TestApp};

/// The `href`s of a page that stay on this site.
fn local_links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|href| href.starts_with('/') && !href.starts_with("//"))
        .map(|href| href.replace("&amp;", "&"))
        .collect()
}

#[tokio::test]
async fn every_link_a_member_can_follow_from_the_overview_leads_to_a_page() {
    // The overview's main button led to a 404 once: follow every link of
    // the workspace's pages, as far as they go.
    let app = TestApp::start().await;
    let (ws, _) = household(&app).await;
    let mut seen = BTreeSet::new();
    let mut queue = VecDeque::from([ws.clone()]);
    while let Some(path) = queue.pop_front() {
        let page_path = path.split('#').next().unwrap_or_default().to_string();
        if !seen.insert(page_path.clone()) || path.contains("/logout") {
            continue;
        }
        let response = app.server.get(&page_path).await;
        let status = response.status_code().as_u16();
        assert!(
            status < 400,
            "{page_path} answered {status}, linked from a page of the workspace"
        );
        let is_html = response
            .maybe_header("content-type")
            .is_some_and(|v| v.to_str().unwrap_or_default().starts_with("text/html"));
        if is_html && page_path.starts_with(&ws) {
            queue.extend(local_links(&response.text()));
        }
        assert!(seen.len() < 200, "more pages than a workspace has");
    }
    assert!(
        seen.contains(&format!("{ws}/expenses/new")),
        "the overview links the add page: {seen:?}"
    );
}

#[tokio::test]
async fn the_overviews_add_button_opens_a_form_that_adds_and_shows_itself_again_when_refused() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let overview = app.server.get(&ws).await.text();
    let add = format!("{ws}/expenses/new");
    assert!(overview.contains(&format!("href=\"{add}\"")), "{overview}");
    let page = app.server.get(&add).await;
    page.assert_status_ok();
    let html = page.text();
    assert!(html.contains("<h1>Add an expense</h1>"), "{html}");
    assert!(html.contains(r#"name="from" value="new""#));

    let refused = app
        .post_form(
            &format!("{ws}/expenses"),
            &[
                ("from", "new"),
                ("amount", ""),
                ("description", "Bakery"),
                ("date", "2026-11-21"),
                ("currency", "EUR"),
            ],
        )
        .await;
    assert_eq!(refused.status_code(), 422);
    let html = refused.text();
    assert!(
        html.contains("<h1>Add an expense</h1>"),
        "the add page again"
    );
    assert!(html.contains("Amount "), "{html}");
    assert!(html.contains(r#"value="Bakery""#), "what was typed stays");

    let added = app
        .post_form(
            &format!("{ws}/expenses"),
            &[
                ("from", "new"),
                ("amount", "12.50"),
                ("description", "Bakery"),
                ("date", "2026-11-21"),
                ("currency", "EUR"),
            ],
        )
        .await;
    assert_eq!(added.status_code(), 303, "{}", added.text());
    assert_eq!(added.header("location"), format!("{ws}/expenses").as_str());
    let list: Value = app
        .server
        .get(&format!(
            "/api/v1/workspaces/{}/expenses",
            ws.trim_start_matches("/w/")
        ))
        .authorization_bearer(&token)
        .await
        .json();
    assert_eq!(list["items"][0]["amount"], "12.50");
}

#[tokio::test]
async fn a_page_that_does_not_exist_keeps_the_signed_in_header() {
    let app = TestApp::start().await;
    let (ws, _) = household(&app).await;
    for path in [
        format!("{ws}/no-such-page"),
        format!("{ws}/expenses/nonsense"),
    ] {
        let missing = app.server.get(&path).await;
        assert_eq!(missing.status_code(), 404, "{path}");
        let html = missing.text();
        assert!(html.contains("Not Found"), "{html}");
        assert!(
            html.contains("Ann"),
            "the header names who is signed in: {html}"
        );
        assert!(html.contains("Log out"), "{html}");
        assert!(html.contains("Flat"), "the workspace switcher: {html}");
    }
    let signed_out = app.another_browser().get(&format!("{ws}/nope")).await;
    assert!(signed_out.text().contains("Log in"));
}

/// The add form's split as a blank form preselects it: the method, and
/// which members are ticked.
fn blank_split(html: &str) -> (String, usize) {
    let html = &crate::support::without_quick_add(html);
    let select = html
        .split(r#"name="split_method""#)
        .nth(1)
        .and_then(|rest| rest.split("</select>").next())
        .unwrap_or_default();
    let method = select
        .split("<option value=\"")
        .skip(1)
        .find(|o| o.contains("selected"))
        .and_then(|o| o.split('"').next())
        .unwrap_or_default()
        .to_string();
    let ticked = html
        .split("name=\"include_")
        .skip(1)
        .filter(|rest| {
            rest.split('>')
                .next()
                .unwrap_or_default()
                .contains("checked")
        })
        .count();
    (method, ticked)
}

#[tokio::test]
async fn a_households_new_expense_is_shared_equally_and_a_teams_is_not() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let id = ws.trim_start_matches("/w/").to_string();
    join_named(&app, &token, &id, "Ben", "ben@example.com", "member").await;

    let shown: Value = app
        .server
        .get(&format!("/api/v1/workspaces/{id}"))
        .authorization_bearer(&token)
        .await
        .json();
    assert_eq!(shown["default_split"], "equal", "a new household shares");
    for page in [format!("{ws}/expenses/new"), format!("{ws}/expenses")] {
        let html = app.server.get(&page).await.text();
        assert_eq!(blank_split(&html), ("equal".to_string(), 2), "{page}");
    }

    // The owner makes new expenses the payer's own.
    let changed = app
        .server
        .patch(&format!("/api/v1/workspaces/{id}"))
        .authorization_bearer(&token)
        .json(&json!({ "default_split": "none" }))
        .await;
    assert_eq!(changed.status_code(), 200, "{}", changed.text());
    assert_eq!(changed.json::<Value>()["default_split"], "none");
    let html = app.server.get(&format!("{ws}/expenses/new")).await.text();
    assert_eq!(blank_split(&html).0, "none");

    let refused = app
        .server
        .patch(&format!("/api/v1/workspaces/{id}"))
        .authorization_bearer(&token)
        .json(&json!({ "default_split": "shares" }))
        .await;
    assert_eq!(refused.status_code(), 422);
    assert_eq!(
        refused.json::<Value>()["errors"]["default_split"][0],
        "must be equal or none"
    );

    // From the settings page, too.
    let saved = app
        .post_form(
            &format!("{ws}/settings"),
            &[
                ("name", "Flat"),
                ("kind", "household"),
                ("currency", "EUR"),
                ("time_zone", "Europe/Berlin"),
                ("default_split", "equal"),
            ],
        )
        .await;
    assert_eq!(saved.status_code(), 303, "{}", saved.text());
    let settings = app.server.get(&format!("{ws}/settings")).await.text();
    assert!(
        settings.contains(r#"<option value="equal" selected>"#),
        "{settings}"
    );
    assert!(
        settings.contains("<option selected>Europe/Berlin</option>"),
        "the time zone is chosen from a list"
    );
    assert!(
        settings.contains(r#"<option value="EUR" selected>EUR · Euro</option>"#),
        "the currency is chosen from a list"
    );

    // A team's expenses are their payer's own.
    let team = app
        .post_form(
            "/w",
            &[
                ("name", "Studio"),
                ("kind", "team"),
                ("currency", "EUR"),
                ("time_zone", "UTC"),
            ],
        )
        .await;
    let team = team.header("location").to_str().unwrap().to_string();
    let html = app.server.get(&format!("{team}/expenses/new")).await.text();
    assert_eq!(blank_split(&html).0, "", "one member: no split to choose");
    let team_id = team.trim_start_matches("/w/");
    let shown: Value = app
        .server
        .get(&format!("/api/v1/workspaces/{team_id}"))
        .authorization_bearer(&token)
        .await
        .json();
    assert_eq!(shown["default_split"], "none");
}

/// The public id of the account behind `token`.
async fn pid_of(app: &TestApp, token: &str) -> String {
    app.server
        .get("/api/auth/current")
        .authorization_bearer(token)
        .await
        .json::<Value>()["pid"]
        .as_str()
        .unwrap()
        .to_string()
}

/// The API's list of expenses of `ws` (its page path).
async fn listed(app: &TestApp, token: &str, ws: &str) -> Value {
    app.server
        .get(&format!(
            "/api/v1/workspaces/{}/expenses",
            ws.trim_start_matches("/w/")
        ))
        .authorization_bearer(token)
        .await
        .json()
}

#[tokio::test]
async fn amounts_typed_with_a_decimal_comma_are_read_in_every_form_and_the_api_stays_exact() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let id = ws.trim_start_matches("/w/").to_string();
    let ben = join_named(&app, &token, &id, "Ben", "ben@example.com", "member").await;
    let (ann_id, ben_id) = (pid_of(&app, &token).await, pid_of(&app, &ben).await);
    let add = |amount: &'static str, description: &'static str| {
        let (ws, ann_id, ben_id) = (ws.clone(), ann_id.clone(), ben_id.clone());
        let app = &app;
        async move {
            app.post_form(
                &format!("{ws}/expenses"),
                &[
                    ("amount", amount),
                    ("description", description),
                    ("date", "2026-11-21"),
                    ("currency", "EUR"),
                    ("split_method", "exact"),
                    (&format!("include_{ann_id}"), "on"),
                    (&format!("share_{ann_id}"), "7,25"),
                    (&format!("include_{ben_id}"), "on"),
                    (&format!("share_{ben_id}"), "5,25"),
                ],
            )
            .await
        }
    };
    let added = add("12,50", "Bakery").await;
    assert_eq!(added.status_code(), 303, "{}", added.text());
    let bakery = &listed(&app, &token, &ws).await["items"][0];
    assert_eq!(bakery["amount"], "12.50");
    let shares: Vec<&str> = bakery["split"]["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["amount"].as_str().unwrap())
        .collect();
    assert_eq!(shares.len(), 2, "{bakery}");
    assert!(
        shares.contains(&"7.25") && shares.contains(&"5.25"),
        "{shares:?}"
    );

    // A point the member typed is read too, when it can only be a decimal.
    let added = add("12.50", "Bakery again").await;
    assert_eq!(added.status_code(), 303, "{}", added.text());

    // "1.234" reads two ways: asked, and nothing is saved.
    let ambiguous = app
        .post_form(
            &format!("{ws}/expenses"),
            &[
                ("amount", "1.234"),
                ("description", "Sofa"),
                ("date", "2026-11-21"),
                ("currency", "EUR"),
            ],
        )
        .await;
    assert_eq!(ambiguous.status_code(), 422);
    assert!(
        ambiguous.text().contains(
            "Amount is ambiguous: type 1234 for the whole amount, or at most 2 decimals."
        ),
        "{}",
        ambiguous.text()
    );
    assert!(
        ambiguous.text().contains(r#"value="1.234""#),
        "what was typed stays"
    );
    let sofa = app
        .post_form(
            &format!("{ws}/expenses"),
            &[
                ("amount", "1.234,00"),
                ("description", "Sofa"),
                ("date", "2026-11-21"),
                ("currency", "EUR"),
            ],
        )
        .await;
    assert_eq!(sofa.status_code(), 303, "{}", sofa.text());
    let list = listed(&app, &token, &ws).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 3);
    assert!(list["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["amount"] == "1234.00"));

    // The API is locale-free: a comma is not a decimal there.
    let api = app
        .server
        .post(&format!("/api/v1/workspaces/{id}/expenses"))
        .authorization_bearer(&token)
        .json(&json!({"amount": "12,50", "description": "Typed", "date": "2026-11-21"}))
        .await;
    assert_eq!(api.status_code(), 422, "{}", api.text());

    // A recurring rule keeps its amount plainly for the expenses it makes.
    let today = chrono::Utc::now().date_naive().to_string();
    let rule = app
        .post_form(
            &format!("{ws}/recurring"),
            &[
                ("frequency", "monthly"),
                ("interval", "1"),
                ("starts_on", &today),
                ("amount", "9,99"),
                ("currency", "EUR"),
                ("description", "Phone"),
                ("split_method", "none"),
            ],
        )
        .await;
    assert_eq!(rule.status_code(), 303, "{}", rule.text());
    let list = listed(&app, &token, &ws).await;
    assert!(
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["description"] == "Phone" && e["amount"] == "9.99"),
        "{list}"
    );

    // A budget's limit.
    let budget = app
        .post_form(
            &format!("{ws}/budgets"),
            &[
                ("name", "Food"),
                ("amount", "1.200,50"),
                ("period", "month"),
                ("thresholds", "80, 100"),
            ],
        )
        .await;
    assert_eq!(budget.status_code(), 303, "{}", budget.text());
    let budgets: Value = app
        .server
        .get(&format!("/api/v1/workspaces/{id}/budgets"))
        .authorization_bearer(&token)
        .await
        .json();
    assert_eq!(budgets["items"][0]["amount"], "1200.50", "{budgets}");

    // A payment between the two.
    let paid = app
        .post_form(
            &format!("{ws}/settlements"),
            &[("from", &ben_id), ("to", &ann_id), ("amount", "5,25")],
        )
        .await;
    assert_eq!(paid.status_code(), 303, "{}", paid.text());
    let payments: Value = app
        .server
        .get(&format!("/api/v1/workspaces/{id}/settlements"))
        .authorization_bearer(&token)
        .await
        .json();
    assert_eq!(payments["items"][0]["amount"], "5.25", "{payments}");
}

#[tokio::test]
async fn the_navigation_marks_the_current_place_and_links_the_console_for_operators() {
    let app = TestApp::start().await;
    let (ws, _) = household(&app).await;
    let current = |html: &str| -> Vec<String> {
        html.split("aria-current=\"page\"")
            .skip(1)
            .filter_map(|rest| rest.split('>').nth(1))
            .filter_map(|text| text.split('<').next())
            .map(|text| text.trim().to_string())
            .filter(|text| !text.is_empty())
            .collect()
    };
    for (path, place) in [
        (ws.clone(), "Overview"),
        (format!("{ws}/expenses"), "Expenses"),
        (format!("{ws}/expenses/new"), "Expenses"),
        (format!("{ws}/balances"), "Balances"),
        (format!("{ws}/settings"), "Settings"),
    ] {
        let html = app.server.get(&path).await.text();
        let marked = current(&html);
        assert!(
            marked.contains(&place.to_string()) && !marked.iter().any(|m| m == "Reports"),
            "{path}: {marked:?}"
        );
    }
    let html = app.server.get(&ws).await.text();
    assert!(
        !html.contains(r#"href="/admin""#),
        "members see no console link"
    );
    let ann = smartexpense::models::users::Model::find_by_email(&app.ctx.db, "ann@example.com")
        .await
        .unwrap();
    smartexpense::models::platform::grant_role(
        &app.ctx.db,
        &smartexpense::models::audit_events::Actor::system("test setup"),
        &ann,
        smartexpense::models::platform::PlatformRole::Support,
    )
    .await
    .unwrap();
    let html = app.server.get(&ws).await.text();
    assert!(html.contains(r#"href="/admin""#), "operators do");
}

#[tokio::test]
async fn every_page_links_a_manifest_that_installs_the_app() {
    let app = TestApp::start().await;
    let (ws, _) = household(&app).await;
    for path in [
        "/".to_string(),
        ws.clone(),
        format!("{ws}/expenses/new"),
        "/login".into(),
    ] {
        let html = app.server.get(&path).await.text();
        assert!(
            html.contains(r#"<link rel="manifest" href="/manifest.webmanifest">"#),
            "{path}"
        );
    }
    let manifest = app.server.get("/manifest.webmanifest").await;
    manifest.assert_status_ok();
    assert_eq!(manifest.header("content-type"), "application/manifest+json");
    let manifest: Value = serde_json::from_str(&manifest.text()).unwrap();
    assert_eq!(manifest["name"], "SmartExpense");
    assert_eq!(manifest["start_url"], "/");
    for icon in manifest["icons"].as_array().unwrap() {
        let src = icon["src"].as_str().unwrap();
        let file = app.server.get(src).await;
        file.assert_status_ok();
        assert!(!file.as_bytes().is_empty(), "{src}");
    }
}

#[tokio::test]
async fn shares_typed_with_a_comma_are_kept_plainly_and_survive_a_later_change() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let id = ws.trim_start_matches("/w/").to_string();
    let ben = join_named(&app, &token, &id, "Ben", "ben@example.com", "member").await;
    let (ann_id, ben_id) = (pid_of(&app, &token).await, pid_of(&app, &ben).await);
    let added = app
        .post_form(
            &format!("{ws}/expenses"),
            &[
                ("amount", "35,00"),
                ("description", "Groceries"),
                ("date", "2026-11-21"),
                ("currency", "EUR"),
                ("split_method", "shares"),
                (&format!("include_{ann_id}"), "on"),
                (&format!("share_{ann_id}"), "2,5"),
                (&format!("include_{ben_id}"), "on"),
                (&format!("share_{ben_id}"), "1"),
            ],
        )
        .await;
    assert_eq!(added.status_code(), 303, "{}", added.text());
    let expense = listed(&app, &token, &ws).await["items"][0].clone();
    let values: Vec<&str> = expense["split"]["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["value"].as_str().unwrap())
        .collect();
    assert!(values.contains(&"2.5"), "kept plainly: {expense}");

    // A change through the API that leaves the split alone keeps it.
    let expense_id = expense["id"].as_str().unwrap();
    let changed = app
        .server
        .patch(&format!("/api/v1/workspaces/{id}/expenses/{expense_id}"))
        .authorization_bearer(&token)
        .json(&json!({"description": "Weekly groceries"}))
        .await;
    assert_eq!(changed.status_code(), 200, "{}", changed.text());
    let changed: Value = changed.json();
    assert_eq!(changed["split"]["method"], "shares", "{changed}");
    let amounts: Vec<&str> = changed["split"]["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["amount"].as_str().unwrap())
        .collect();
    assert!(
        amounts.contains(&"25.00") && amounts.contains(&"10.00"),
        "{amounts:?}"
    );
}

#[tokio::test]
async fn a_setting_the_lists_do_not_offer_is_kept_when_the_settings_are_saved() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let id = ws.trim_start_matches("/w/");
    // Codes the model takes that the lists leave out: a metal, an alias.
    let set = app
        .server
        .patch(&format!("/api/v1/workspaces/{id}"))
        .authorization_bearer(&token)
        .json(&json!({"currency": "XAU", "time_zone": "Etc/GMT-2"}))
        .await;
    assert_eq!(set.status_code(), 200, "{}", set.text());
    let settings = app.server.get(&format!("{ws}/settings")).await.text();
    assert!(
        settings.contains(r#"<option value="XAU" selected>XAU</option>"#),
        "{settings}"
    );
    assert!(settings.contains("<option selected>Etc/GMT-2</option>"));
}
