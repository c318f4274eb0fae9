//! The balances page as a household finds it on its first day: the payment
//! form suggests the debt to settle, a payment may settle part of a debt or
//! more than it, "settled up" is said once everything is, and each balance
//! opens the expenses and payments that make it up.

use serde_json::{json, Value};

use super::{expense_pages::add_api, expense_pages::api, workspaces_api::join_named};
use crate::support::{household, TestApp};

/// Ann's household with Bob (and Cat when `cat`): the page path, Ann's
/// token, and the members' user ids in the order Ann, Bob, Cat.
pub(super) async fn flat(app: &TestApp, cat: bool) -> (String, String, Vec<String>) {
    let (ws, token) = household(app).await;
    let ws_id = ws.trim_start_matches("/w/").to_string();
    join_named(app, &token, &ws_id, "Bob", "bob@example.com", "member").await;
    if cat {
        join_named(app, &token, &ws_id, "Cat", "cat@example.com", "member").await;
    }
    let members: Value = app
        .server
        .get(&format!("{}/members", api(&ws)))
        .authorization_bearer(&token)
        .await
        .json::<Value>()["items"]
        .clone();
    let mut ids = Vec::new();
    for name in ["Ann", "Bob", "Cat"] {
        if let Some(m) = members
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["name"] == name)
        {
            ids.push(m["user_id"].as_str().unwrap().to_string());
        }
    }
    (ws, token, ids)
}

/// An expense `payer` paid, split equally between `between`.
pub(super) async fn shared(
    app: &TestApp,
    token: &str,
    ws: &str,
    amount: &str,
    payer: &str,
    between: &[&String],
) {
    let parts: Vec<Value> = between.iter().map(|m| json!({ "member": m })).collect();
    add_api(
        app,
        token,
        ws,
        json!({
            "amount": amount, "date": "2026-11-01", "description": "Groceries", "paid_by": payer,
            "split": { "method": "equal", "parts": parts },
        }),
    )
    .await;
}

/// The option selected in the payment form's `select` with this id.
pub(super) fn selected(page: &str, select: &str) -> String {
    let start = page
        .find(&format!(r#"<select id="{select}""#))
        .unwrap_or_else(|| panic!("no {select}: {page}"));
    let rest = &page[start..];
    let options = &rest[..rest.find("</select>").unwrap()];
    let at = options
        .find(" selected>")
        .unwrap_or_else(|| panic!("nothing selected in {select}: {options}"));
    let value = &options[..at];
    value[value.rfind("value=\"").unwrap() + 7..]
        .trim_end_matches('"')
        .to_string()
}

fn amount_in_form(page: &str) -> String {
    let start = page.find(r#"id="s-amount""#).expect("the amount field");
    let rest = &page[start..];
    let value = &rest[rest.find("value=\"").unwrap() + 7..];
    value[..value.find('"').unwrap()].to_string()
}

/// The page's text with the entities links may be escaped into undone.
fn unescaped(html: &str) -> String {
    html.replace("&#x2F;", "/")
        .replace("&#x3D;", "=")
        .replace("&#x3F;", "?")
        .replace("&amp;", "&")
}

pub(super) async fn balances_page(app: &TestApp, ws: &str) -> String {
    let page = app.server.get(&format!("{ws}/balances")).await;
    page.assert_status_ok();
    page.text()
}

pub(super) async fn settlements(app: &TestApp, token: &str, ws: &str) -> usize {
    app.server
        .get(&format!("{}/settlements", api(ws)))
        .authorization_bearer(token)
        .await
        .json::<Value>()["items"]
        .as_array()
        .unwrap()
        .len()
}

#[tokio::test]
async fn the_payment_form_suggests_settling_a_debt_in_full_and_never_oneself_to_oneself() {
    let app = TestApp::start().await;
    let (ws, token, ids) = flat(&app, true).await;
    let (ann, bob, cat) = (&ids[0], &ids[1], &ids[2]);

    // Nobody owes yet: from Ann (signed in) to someone else, no amount.
    let page = balances_page(&app, &ws).await;
    assert_eq!(selected(&page, "s-from"), *ann);
    assert_ne!(
        selected(&page, "s-to"),
        *ann,
        "never the same on both sides"
    );
    assert_eq!(amount_in_form(&page), "");

    // Bob paid 90 for the three: Ann, who is signed in, owes him 30.
    shared(&app, &token, &ws, "90.00", bob, &[ann, bob, cat]).await;
    let page = balances_page(&app, &ws).await;
    assert_eq!(selected(&page, "s-from"), *ann);
    assert_eq!(selected(&page, "s-to"), *bob);
    assert_eq!(amount_in_form(&page), "30.00");

    // Sent as suggested, Ann is square; the form now suggests Cat's debt.
    let paid = app
        .post_form(
            &format!("{ws}/settlements"),
            &[("from", ann), ("to", bob), ("amount", "30.00")],
        )
        .await;
    assert_eq!(paid.status_code(), 303, "{}", paid.text());
    let page = balances_page(&app, &ws).await;
    assert_eq!(selected(&page, "s-from"), *cat);
    assert_eq!(selected(&page, "s-to"), *bob);
    assert_eq!(amount_in_form(&page), "30.00");

    // Paying oneself is refused by the operation, with what was sent kept.
    let refused = app
        .post_form(
            &format!("{ws}/settlements"),
            &[("from", ann), ("to", ann), ("amount", "5.00")],
        )
        .await;
    assert_eq!(refused.status_code(), 422);
    let html = refused.text();
    let message = html.replace("&#39;", "'").replace("&#x27;", "'");
    assert!(
        message
            .contains("To whom must be someone else than who paid: a member can't pay themself."),
        "{html}"
    );
    assert_eq!(amount_in_form(&html), "5.00");
    assert_eq!(settlements(&app, &token, &ws).await, 1, "nothing written");
}

#[tokio::test]
async fn once_everything_is_settled_the_page_says_so_and_keeps_the_history() {
    let app = TestApp::start().await;
    let (ws, token, ids) = flat(&app, false).await;
    let (ann, bob) = (&ids[0], &ids[1]);
    let page = balances_page(&app, &ws).await;
    assert!(
        page.contains("Balances appear when an expense is shared"),
        "{page}"
    );

    shared(&app, &token, &ws, "50.00", ann, &[ann, bob]).await;
    let paid = app
        .post_form(
            &format!("{ws}/settlements"),
            &[("from", bob), ("to", ann), ("amount", "25.00")],
        )
        .await;
    assert_eq!(paid.status_code(), 303, "{}", paid.text());
    let page = balances_page(&app, &ws).await;
    assert!(page.contains("Everyone is settled up"), "{page}");
    assert!(!page.contains("Balances appear when"), "{page}");
    assert!(page.contains("Payments so far"));
    assert!(page.contains("<td class=\"amount\">€25.00</td>"), "{page}");
}

#[tokio::test]
async fn a_partial_payment_leaves_the_rest_owing_and_an_overpayment_turns_the_balance_around() {
    let app = TestApp::start().await;
    let (ws, token, ids) = flat(&app, false).await;
    let (ann, bob) = (&ids[0], &ids[1]);
    shared(&app, &token, &ws, "50.00", ann, &[ann, bob]).await;

    let part = app
        .post_form(
            &format!("{ws}/settlements"),
            &[("from", bob), ("to", ann), ("amount", "10.00")],
        )
        .await;
    assert_eq!(part.status_code(), 303, "{}", part.text());
    let page = balances_page(&app, &ws).await;
    assert!(page.contains("is owed €15.00"), "{page}");
    assert!(page.contains(">owes €15.00<"));
    assert!(page.contains("<strong>Bob</strong> pays <strong>Ann</strong> €15.00"));
    assert_eq!(amount_in_form(&page), "15.00", "the rest, suggested");

    // 20 for a debt of 15: Bob paid 5 too much, which Ann now owes him.
    let over = app
        .post_form(
            &format!("{ws}/settlements"),
            &[("from", bob), ("to", ann), ("amount", "20.00")],
        )
        .await;
    assert_eq!(over.status_code(), 303, "{}", over.text());
    let page = balances_page(&app, &ws).await;
    assert!(
        page.contains("<strong>Ann</strong> pays <strong>Bob</strong> €5.00"),
        "{page}"
    );
    assert!(page.contains(">owes €5.00<"));
    assert_eq!(selected(&page, "s-from"), *ann);
    assert_eq!(selected(&page, "s-to"), *bob);
    assert_eq!(amount_in_form(&page), "5.00");
}

#[tokio::test]
async fn each_balance_opens_the_expenses_and_payments_that_make_it_up() {
    let app = TestApp::start().await;
    let (ws, token, ids) = flat(&app, false).await;
    let (ann, bob) = (&ids[0], &ids[1]);
    shared(&app, &token, &ws, "50.00", ann, &[ann, bob]).await;
    app.post_form(
        &format!("{ws}/settlements"),
        &[
            ("from", bob),
            ("to", ann),
            ("amount", "10.00"),
            ("note", "cash"),
            ("date", "2026-11-02"),
        ],
    )
    .await;

    let page = unescaped(&balances_page(&app, &ws).await);
    let link = format!("{ws}/balances/{bob}");
    assert!(page.contains(&format!(r#"href="{link}""#)), "{page}");
    let explained = app.server.get(&link).await;
    explained.assert_status_ok();
    let html = crate::support::without_quick_add(&explained.text());
    assert!(html.contains("Owes €15.00"), "{html}");
    assert!(html.contains("Groceries"));
    assert!(html.contains("€50.00 paid by Ann · share €25.00"), "{html}");
    assert!(html.contains("Payment to Ann"));
    assert!(html.contains("cash"));
    // Newest first: the payment (+10, ending at -15), then the expense.
    let payment = html.find("Payment to Ann").unwrap();
    let expense = html.find("Groceries").unwrap();
    assert!(payment < expense);
    assert!(html[payment..expense].contains("+10.00"));
    assert!(html[payment..expense].contains("-15.00"));
    assert!(html[expense..].contains("-25.00"));

    // A long statement comes in pages, newest first, with a link to more.
    let first = crate::support::without_quick_add(&unescaped(
        &app.server.get(&format!("{link}?limit=1")).await.text(),
    ));
    assert!(first.contains("Payment to Ann") && !first.contains("Groceries"));
    let more = first
        .split("href=\"")
        .find(|h| h.starts_with(&format!("{link}?cursor=")))
        .map(|h| h[..h.find('"').unwrap()].to_string())
        .expect("a link to older lines");
    let older =
        crate::support::without_quick_add(&app.server.get(&format!("{more}&limit=1")).await.text());
    assert!(
        older.contains("Groceries") && !older.contains("Payment to Ann"),
        "{older}"
    );
    assert!(older.contains("Back to the newest"));

    // Someone of no concern to this workspace is not found.
    let (stranger, _) = super::workspaces_api::workspace_of(&app, "Zed", "zed@example.com").await;
    let zed: Value = app
        .server
        .get("/api/auth/current")
        .authorization_bearer(&stranger)
        .await
        .json();
    let zed = zed["pid"].as_str().unwrap();
    for id in [zed, "not-an-id"] {
        let response = app.server.get(&format!("{ws}/balances/{id}")).await;
        assert_eq!(response.status_code(), 404, "{id}");
        assert!(!response.text().contains("Zed"));
    }
}

#[tokio::test]
async fn an_expense_in_another_currency_counts_in_the_base_currency_and_payments_are_in_it() {
    let app = TestApp::start().await;
    let (ws, token, ids) = flat(&app, false).await;
    let (ann, bob) = (&ids[0], &ids[1]);
    add_api(&app, &token, &ws, json!({
        "amount": "10.00", "currency": "USD", "rate": "0.9", "date": "2026-11-01", "description": "Museum",
        "split": { "method": "equal", "parts": [{ "member": ann }, { "member": bob }] },
    }))
    .await;

    // Bob's balance explained: in euros, with what was entered beside it.
    let statement: Value = app
        .server
        .get(&format!("{}/balances/{bob}", api(&ws)))
        .authorization_bearer(&token)
        .await
        .json();
    assert_eq!(statement["balance"], "-4.50");
    let line = &statement["items"][0];
    assert_eq!(
        (
            &line["amount"],
            &line["original_amount"],
            &line["original_currency"],
            &line["share"]
        ),
        (
            &json!("9.00"),
            &json!("10.00"),
            &json!("USD"),
            &json!("4.50")
        )
    );
    let html = app.server.get(&format!("{ws}/balances/{bob}")).await.text();
    assert!(
        html.contains("$10.00 = €9.00 paid by Ann · share €4.50"),
        "{html}"
    );

    // A payment in dollars is refused, not recorded as euros.
    let pay = |currency: &str| {
        app.server
            .post(&format!("{}/settlements", api(&ws)))
            .authorization_bearer(&token)
            .json(&json!({ "from": bob, "to": ann, "amount": "4.50", "currency": currency }))
    };
    let refused = pay("USD").await;
    assert_eq!(refused.status_code(), 422);
    assert!(refused.json::<Value>()["errors"]["currency"][0]
        .as_str()
        .unwrap_or_default()
        .starts_with("must be EUR, the workspace's currency"));
    assert_eq!(settlements(&app, &token, &ws).await, 0, "nothing written");
    assert_eq!(pay("eur").await.status_code(), 201);
    assert!(balances_page(&app, &ws)
        .await
        .contains("Everyone is settled up"));
}
