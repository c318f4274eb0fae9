//! Settling up in several currencies without converting: a workspace that
//! settles each currency on its own keeps a balance per currency, plans
//! payments in each, and takes a payment in any; one that settles in its
//! base currency counts other currencies at their rate, as before.

use serde_json::{json, Value};

use super::{
    balances_pages::{balances_page, flat, selected, settlements, shared},
    expense_pages::{add_api, api},
};
use crate::support::TestApp;

async fn set_settle_up(app: &TestApp, token: &str, ws: &str, how: &str) -> axum_test::TestResponse {
    app.server
        .patch(&api(ws))
        .authorization_bearer(token)
        .json(&json!({ "settle_up": how }))
        .await
}

async fn balances(app: &TestApp, token: &str, ws: &str) -> Value {
    let response = app
        .server
        .get(&format!("{}/balances", api(ws)))
        .authorization_bearer(token)
        .await;
    assert_eq!(response.status_code(), 200, "{}", response.text());
    response.json()
}

/// `[(member name, balance)]` of one currency's balances.
fn named(section: &Value) -> Vec<(String, String)> {
    section["balances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["member"]["name"].as_str().unwrap().to_string(),
                b["balance"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn pair(a: &str, x: &str, b: &str, y: &str) -> Vec<(String, String)> {
    vec![(a.into(), x.into()), (b.into(), y.into())]
}

/// Ann's household with Bob after a trip: €30 of groceries and $20 of
/// museum tickets paid by Ann, a $6 taxi paid by Bob, all split equally.
async fn after_a_trip(app: &TestApp) -> (String, String, Vec<String>) {
    let (ws, token, ids) = flat(app, false).await;
    let (ann, bob) = (&ids[0], &ids[1]);
    shared(app, &token, &ws, "30.00", ann, &[ann, bob]).await;
    for (amount, payer, what) in [("20.00", ann, "Museum"), ("6.00", bob, "Taxi")] {
        add_api(
            app,
            &token,
            &ws,
            json!({
                "amount": amount, "currency": "USD", "rate": "0.9", "date": "2026-11-02",
                "description": what, "paid_by": payer,
                "split": { "method": "equal", "parts": [{ "member": ann }, { "member": bob }] },
            }),
        )
        .await;
    }
    (ws, token, ids)
}

#[tokio::test]
async fn a_trip_abroad_is_settled_in_each_currency_without_converting() {
    let app = TestApp::start().await;
    let (ws, token, ids) = after_a_trip(&app).await;
    let (ann, bob) = (&ids[0], &ids[1]);

    // In the base currency (every workspace's start): dollars at their rate.
    let base = balances(&app, &token, &ws).await;
    assert_eq!(base["settle_up"], "base_currency");
    assert_eq!(named(&base), pair("Ann", "21.30", "Bob", "-21.30"));
    assert_eq!(base["other_currencies"], json!([]));

    let changed = set_settle_up(&app, &token, &ws, "each_currency").await;
    assert_eq!(changed.status_code(), 200, "{}", changed.text());
    assert_eq!(changed.json::<Value>()["settle_up"], "each_currency");

    // Each currency on its own: €15 and $7, nothing converted.
    let each = balances(&app, &token, &ws).await;
    assert_eq!(
        (&each["currency"], &each["settle_up"]),
        (&json!("EUR"), &json!("each_currency"))
    );
    assert_eq!(named(&each), pair("Ann", "15.00", "Bob", "-15.00"));
    let dollars = &each["other_currencies"][0];
    assert_eq!(dollars["currency"], "USD");
    assert_eq!(named(dollars), pair("Ann", "7.00", "Bob", "-7.00"));
    assert_eq!(dollars["transfers"][0]["amount"], "7.00");
    assert_eq!(dollars["transfers"][0]["from"]["id"], *bob);
    assert_eq!(each["other_currencies"].as_array().unwrap().len(), 1);

    // Bob's dollar balance explained, in dollars.
    let statement: Value = app
        .server
        .get(&format!("{}/balances/{bob}?currency=usd", api(&ws)))
        .authorization_bearer(&token)
        .await
        .json();
    assert_eq!(statement["currency"], "USD");
    assert_eq!(statement["currencies"], json!(["EUR", "USD"]));
    assert_eq!(statement["balance"], "-7.00");
    let lines: Vec<(&str, &str, &Value)> = statement["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["amount"].as_str().unwrap(),
                l["change"].as_str().unwrap(),
                &l["original_currency"],
            )
        })
        .collect();
    assert_eq!(lines.len(), 2, "{statement}");
    assert!(
        lines.contains(&("20.00", "-10.00", &Value::Null)),
        "{lines:?}"
    );
    assert!(lines.contains(&("6.00", "3.00", &Value::Null)), "{lines:?}");
    let in_euros: Value = app
        .server
        .get(&format!("{}/balances/{bob}", api(&ws)))
        .authorization_bearer(&token)
        .await
        .json();
    assert_eq!(
        (&in_euros["currency"], &in_euros["balance"]),
        (&json!("EUR"), &json!("-15.00"))
    );

    // Bob pays his dollars back in dollars: that currency is settled, the
    // euros are not.
    let paid = app
        .server
        .post(&format!("{}/settlements", api(&ws)))
        .authorization_bearer(&token)
        .json(&json!({ "from": bob, "to": ann, "amount": "7.00", "currency": "usd" }))
        .await;
    assert_eq!(paid.status_code(), 201, "{}", paid.text());
    let paid: Value = paid.json();
    assert_eq!(
        (&paid["amount"], &paid["currency"]),
        (&json!("7.00"), &json!("USD"))
    );
    let after = balances(&app, &token, &ws).await;
    assert_eq!(after["other_currencies"], json!([]));
    assert_eq!(named(&after), pair("Ann", "15.00", "Bob", "-15.00"));

    // Back to the base currency only: refused while a dollar payment would
    // have no rate, and nothing changes.
    let refused = set_settle_up(&app, &token, &ws, "base_currency").await;
    assert_eq!(refused.status_code(), 422);
    let message = refused.json::<Value>()["errors"]["settle_up"][0]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        message.contains("1 payment(s) were recorded in other currencies"),
        "{message}"
    );
    assert_eq!(
        balances(&app, &token, &ws).await["settle_up"],
        "each_currency"
    );
    let unknown = set_settle_up(&app, &token, &ws, "whatever").await;
    assert_eq!(unknown.status_code(), 422);

    // Without that payment it goes back, and the dollars count at their rate.
    app.server
        .delete(&format!(
            "{}/settlements/{}",
            api(&ws),
            paid["id"].as_str().unwrap()
        ))
        .authorization_bearer(&token)
        .await
        .assert_status(axum::http::StatusCode::NO_CONTENT);
    assert_eq!(
        set_settle_up(&app, &token, &ws, "base_currency")
            .await
            .status_code(),
        200
    );
    assert_eq!(
        named(&balances(&app, &token, &ws).await),
        pair("Ann", "21.30", "Bob", "-21.30")
    );
}

#[tokio::test]
async fn payments_in_unknown_or_unkept_currencies_are_refused_and_nothing_is_written() {
    let app = TestApp::start().await;
    let (ws, token, ids) = after_a_trip(&app).await;
    let (ann, bob) = (&ids[0], &ids[1]);
    let pay = |currency: &'static str| {
        app.server
            .post(&format!("{}/settlements", api(&ws)))
            .authorization_bearer(&token)
            .json(&json!({ "from": bob, "to": ann, "amount": "7.00", "currency": currency }))
    };
    // Settling in the base currency: only euros.
    let refused = pay("USD").await;
    assert_eq!(refused.status_code(), 422);
    assert!(refused.json::<Value>()["errors"]["currency"][0]
        .as_str()
        .unwrap_or_default()
        .contains("let the workspace settle each currency on its own"));
    let statement = app
        .server
        .get(&format!("{}/balances/{bob}?currency=USD", api(&ws)))
        .authorization_bearer(&token)
        .await;
    assert_eq!(statement.status_code(), 422, "no dollar balance to explain");

    set_settle_up(&app, &token, &ws, "each_currency")
        .await
        .assert_status_ok();
    let unknown = pay("XYZ").await;
    assert_eq!(unknown.status_code(), 422);
    assert!(unknown.json::<Value>()["errors"]["currency"][0]
        .as_str()
        .unwrap_or_default()
        .starts_with("must be an ISO 4217 currency code"));
    // Yen have no minor unit: 7.00 is read as 7, 7.50 is refused.
    let yen = app
        .server
        .post(&format!("{}/settlements", api(&ws)))
        .authorization_bearer(&token)
        .json(&json!({ "from": bob, "to": ann, "amount": "7.50", "currency": "JPY" }))
        .await;
    assert_eq!(yen.status_code(), 422, "{}", yen.text());
    assert_eq!(settlements(&app, &token, &ws).await, 0, "nothing written");
}

#[tokio::test]
async fn the_balances_page_shows_each_currency_and_records_a_payment_in_it() {
    let app = TestApp::start().await;
    let (ws, token, ids) = after_a_trip(&app).await;
    let (ann, bob) = (&ids[0], &ids[1]);

    // The settings page offers the choice; the form changes it.
    let settings = app.server.get(&format!("{ws}/settings")).await.text();
    assert_eq!(selected(&settings, "settle_up"), "base_currency");
    let saved = app
        .post_form(
            &format!("{ws}/settings"),
            &[
                ("name", "Flat"),
                ("kind", "household"),
                ("currency", "EUR"),
                ("time_zone", "UTC"),
                ("default_split", "equal"),
                ("settle_up", "each_currency"),
            ],
        )
        .await;
    assert_eq!(saved.status_code(), 303, "{}", saved.text());

    let page = balances_page(&app, &ws).await;
    assert!(
        page.contains("<strong>Bob</strong> pays <strong>Ann</strong> €15.00"),
        "{page}"
    );
    assert!(
        page.contains("<strong>Bob</strong> pays <strong>Ann</strong> $7.00"),
        "{page}"
    );
    assert!(page.contains(r#"<input type="hidden" name="currency" value="USD">"#));
    assert!(
        page.contains(&format!("/balances/{bob}?currency=USD")),
        "the dollar balance opens"
    );
    assert_eq!(
        selected(&page, "s-currency"),
        "EUR",
        "the first debt's currency"
    );

    // "Record as paid" on the dollar line.
    let paid = app
        .post_form(
            &format!("{ws}/settlements"),
            &[
                ("from", bob),
                ("to", ann),
                ("amount", "7.00"),
                ("currency", "USD"),
            ],
        )
        .await;
    assert_eq!(paid.status_code(), 303, "{}", paid.text());
    let page = balances_page(&app, &ws).await;
    assert!(
        !page.contains("<strong>Ann</strong> $7.00"),
        "dollars settled: {page}"
    );
    assert!(page.contains("$7.00"), "the payment stays in the history");
    assert_eq!(settlements(&app, &token, &ws).await, 1);

    // A dollar statement links back to the euro one.
    let statement = app
        .server
        .get(&format!("{ws}/balances/{bob}?currency=USD"))
        .await;
    statement.assert_status_ok();
    let html = statement.text();
    assert!(
        html.contains(r#"<strong aria-current="page">USD</strong>"#),
        "{html}"
    );
    let table = &html[html
        .find(r#"<table class="statement">"#)
        .expect("the lines")..];
    let table = &table[..table.find("</table>").unwrap()];
    assert!(
        table.contains("Museum") && table.contains("Taxi"),
        "{table}"
    );
    assert!(
        !table.contains("Groceries"),
        "euro lines stay on the euro statement"
    );
}
