//! The expense pages in the visitor's language: German labels, amounts as
//! `1.234,50 €` and dates as `20.11.2026` for `Accept-Language: de-DE`;
//! the list grouped by day; every action named with its expense.

use serde_json::json;

use super::expense_pages::{add_api, api};
use crate::support::{csrf_in, household, TestApp};

const GERMAN: &str = "de-DE,de;q=0.9,en;q=0.8";

/// Three expenses: two on Nov 20, one on Nov 18.
async fn three_expenses(app: &TestApp, token: &str, ws: &str) {
    for (amount, date, description) in [
        ("1234.50", "2026-11-20", "Sofa"),
        ("4.20", "2026-11-20", "Brot"),
        ("12.00", "2026-11-18", "Lampe"),
    ] {
        add_api(
            app,
            token,
            ws,
            json!({ "amount": amount, "date": date, "description": description }),
        )
        .await;
    }
}

/// Every tag `<{tag} ...>{text}</{tag}>` of the page: its attributes.
fn tags_showing(html: &str, tag: &str, text: &str) -> Vec<String> {
    let re = regex::Regex::new(&format!(r"<{tag}\b([^>]*)>\s*{text}\s*</{tag}>")).unwrap();
    re.captures_iter(html).map(|c| c[1].to_string()).collect()
}

#[tokio::test]
async fn the_expense_list_speaks_german_with_german_amounts_and_dates() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    three_expenses(&app, &token, &ws).await;

    let list = app
        .server
        .get(&format!("{ws}/expenses"))
        .add_header("accept-language", GERMAN)
        .await;
    list.assert_status_ok();
    let html = list.text();
    assert!(html.contains(r#"<html lang="de">"#), "{html}");
    assert!(html.contains("<h1>Ausgaben</h1>"), "{html}");
    assert!(html.contains(">Ausgabe hinzufügen</summary>"), "{html}");
    assert!(html.contains("Filtern und sortieren"));
    assert!(html.contains(">Bezahlt von</th>"));
    assert!(html.contains(">Betrag</th>"));
    assert!(html.contains(">Neueste zuerst</option>"));
    assert!(
        html.contains("<strong>3</strong> Ausgaben · Summe"),
        "{html}"
    );
    // Amounts and dates as German writes them; the total too.
    assert!(html.contains("1.234,50\u{a0}€"), "{html}");
    assert!(html.contains("4,20\u{a0}€"));
    assert!(html.contains("1.250,70\u{a0}€"), "the total: {html}");
    assert!(html.contains("20.11.2026"), "{html}");
    assert!(html.contains("18.11.2026"));
    assert!(!html.contains("2026-11-20<"), "no ISO date shown: {html}");
    assert!(!html.contains("1234.50"), "no plain amount shown");

    // The filter takes amounts as a German types them: 4,50 to 1.000,00.
    let filtered = app
        .server
        .get(&format!("{ws}/expenses?min=4%2C50&max=1.000%2C00"))
        .add_header("accept-language", GERMAN)
        .await;
    filtered.assert_status_ok();
    let filtered = filtered.text();
    assert!(
        filtered.contains("<strong>1</strong> Ausgabe · Summe"),
        "only the lamp: {filtered}"
    );
    assert!(filtered.contains("Lampe"));
    // The API stays exact: a decimal comma is refused there.
    let api_filter = app
        .server
        .get(&format!("{}/expenses?min=4%2C50", api(&ws)))
        .authorization_bearer(&token)
        .await;
    assert_eq!(api_filter.status_code(), 422, "{}", api_filter.text());
}

#[tokio::test]
async fn the_add_page_speaks_german_and_takes_a_comma() {
    let app = TestApp::start().await;
    let (ws, _) = household(&app).await;
    let page = app
        .server
        .get(&format!("{ws}/expenses/new"))
        .add_header("accept-language", GERMAN)
        .await;
    page.assert_status_ok();
    let html = crate::support::without_quick_add(&page.text());
    assert!(html.contains("<h1>Ausgabe hinzufügen</h1>"), "{html}");
    assert!(
        html.contains(r#"<label for="new-amount">Betrag</label>"#),
        "{html}"
    );
    assert!(html.contains(r#"<label for="new-description">Beschreibung</label>"#));
    assert!(html.contains("Zwischen Mitgliedern geteilt") || !html.contains("split_method"));
    assert!(html.contains(">Keine Kategorie</option>"));
    assert!(html.contains(">Abbrechen</a>"));
    // The amount field brings up a keyboard with the decimal mark, and
    // shows its example as a German writes it.
    let amount = regex::Regex::new(r#"<input id="new-amount"[^>]*>"#)
        .unwrap()
        .find(&html)
        .expect("the amount input")
        .as_str()
        .to_string();
    assert!(amount.contains(r#"inputmode="decimal""#), "{amount}");
    assert!(amount.contains(r#"placeholder="12,34""#), "{amount}");

    // A German member types 12,50; the answer is German too.
    let token = csrf_in(&html);
    let added = app
        .server
        .post(&format!("{ws}/expenses"))
        .add_header("accept-language", GERMAN)
        .form(&[
            ("amount", "12,50"),
            ("currency", "EUR"),
            ("date", "2026-11-20"),
            ("description", "Bäckerei"),
            ("split_method", "none"),
            ("from", "new"),
            ("_csrf", &token),
        ])
        .await;
    assert_eq!(added.status_code(), 303, "{}", added.text());
    let list = app
        .server
        .get(&format!("{ws}/expenses"))
        .add_header("accept-language", GERMAN)
        .await
        .text();
    assert!(list.contains("„Bäckerei“ hinzugefügt."), "{list}");
    assert!(list.contains("12,50\u{a0}€"), "{list}");

    // A refused form keeps what was typed, with German labels.
    let refused = app
        .server
        .post(&format!("{ws}/expenses"))
        .add_header("accept-language", GERMAN)
        .form(&[
            ("amount", "zwölf"),
            ("currency", "EUR"),
            ("date", "2026-11-20"),
            ("description", "Bäckerei"),
            ("from", "new"),
            ("_csrf", &token),
        ])
        .await;
    assert_eq!(refused.status_code(), 422);
    let refused = refused.text();
    assert!(refused.contains(r#"value="zwölf""#), "{refused}");
    assert!(refused.contains("<h1>Ausgabe hinzufügen</h1>"));
    // The model's message, in German after the German label.
    assert!(
        refused.contains("Betrag muss eine Zahl wie 12,34 sein."),
        "{refused}"
    );

    // `1.234` could be 1234 or 1,234: the message asks, in German.
    let ambiguous = app
        .server
        .post(&format!("{ws}/expenses"))
        .add_header("accept-language", GERMAN)
        .form(&[
            ("amount", "1.234"),
            ("currency", "EUR"),
            ("date", "2026-11-20"),
            ("description", ""),
            ("from", "new"),
            ("_csrf", &token),
        ])
        .await
        .text();
    assert!(
        ambiguous.contains(
            "Betrag ist mehrdeutig: Gib 1234 für den ganzen Betrag ein oder höchstens 2 Nachkommastellen."
        ),
        "{ambiguous}"
    );
    assert!(ambiguous.contains("Beschreibung darf nicht leer sein."));
}

#[tokio::test]
async fn the_list_groups_expenses_under_their_days_in_order() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    three_expenses(&app, &token, &ws).await;

    let html = app
        .server
        .get(&format!("{ws}/expenses"))
        .add_header("accept-language", GERMAN)
        .await
        .text();
    let headings: Vec<usize> = html
        .match_indices(r#"<tr class="day-heading">"#)
        .map(|(at, _)| at)
        .collect();
    assert_eq!(headings.len(), 2, "one heading per day: {html}");
    let day = |at: usize| &html[at..at + html[at..].find("</tr>").unwrap()];
    assert!(
        day(headings[0]).contains("20.11.2026"),
        "{}",
        day(headings[0])
    );
    assert!(
        day(headings[1]).contains("18.11.2026"),
        "{}",
        day(headings[1])
    );
    let at = |what: &str| {
        html.find(&format!("{what}\n"))
            .unwrap_or_else(|| panic!("{what}"))
    };
    for on_the_20th in ["Sofa", "Brot"] {
        assert!(headings[0] < at(on_the_20th) && at(on_the_20th) < headings[1]);
    }
    assert!(headings[1] < at("Lampe"));
    assert!(html.contains(r#"<table class="expenses by-day">"#));

    // Oldest first: the days in that order.
    let oldest = app
        .server
        .get(&format!("{ws}/expenses?sort=oldest"))
        .await
        .text();
    let first = oldest.find(r#"<tr class="day-heading">"#).unwrap();
    assert!(oldest[first..].find("Nov 18, 2026") < oldest[first..].find("Nov 20, 2026"));

    // Sorted by amount there are no days to group by: each row keeps its date.
    let largest = app
        .server
        .get(&format!("{ws}/expenses?sort=largest"))
        .await
        .text();
    assert!(!largest.contains("day-heading"), "{largest}");
    assert!(largest.contains(r#"<table class="expenses">"#));
}

#[tokio::test]
async fn every_action_on_an_expense_is_named_with_it() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    three_expenses(&app, &token, &ws).await;
    let names = ["Sofa", "Brot", "Lampe"];
    let aria_label = regex::Regex::new(r#"aria-label="([^"]*)""#).unwrap();

    for (lang, edit, delete, receipt, edit_named, delete_named) in [
        (
            "en",
            "Edit",
            "Delete",
            "Add receipt",
            "Edit {}",
            "Delete {}",
        ),
        (
            "de-DE",
            "Bearbeiten",
            "Löschen",
            "Beleg hinzufügen",
            "{} bearbeiten",
            "{} löschen",
        ),
    ] {
        let html = app
            .server
            .get(&format!("{ws}/expenses"))
            .add_header("accept-language", lang)
            .await
            .text();
        for (text, tag, named) in [
            (edit, "a", edit_named),
            (delete, "button", delete_named),
            (receipt, "a", ""),
        ] {
            let actions = tags_showing(&html, tag, text);
            assert_eq!(actions.len(), 3, "{lang}: one {text} per expense: {html}");
            for name in names {
                let with_name = actions
                    .iter()
                    .filter(|attrs| {
                        let label = aria_label
                            .captures(attrs)
                            .map(|c| c[1].to_string())
                            .unwrap_or_default();
                        label.contains(name) && label.to_lowercase().contains(&text.to_lowercase())
                    })
                    .count();
                assert_eq!(with_name, 1, "{lang}: {text} of {name}: {actions:?}");
                if !named.is_empty() {
                    let label = named.replace("{}", name);
                    assert!(
                        actions
                            .iter()
                            .any(|a| a.contains(&format!(r#"aria-label="{label}""#))),
                        "{lang}: {label}: {actions:?}"
                    );
                }
            }
        }
    }

    // The rows htmx swaps in carry the names too, in the visitor's language.
    let list: serde_json::Value = app
        .server
        .get(&format!("{}/expenses", super::expense_pages::api(&ws)))
        .authorization_bearer(&token)
        .await
        .json();
    let id = list["items"][0]["id"].as_str().unwrap();
    let description = list["items"][0]["description"].as_str().unwrap();
    let row = app
        .server
        .get(&format!("{ws}/expenses/{id}"))
        .add_header("hx-request", "true")
        .add_header("accept-language", GERMAN)
        .await
        .text();
    assert!(
        row.starts_with(&format!(r#"<tr id="expense-{id}">"#)),
        "{row}"
    );
    assert!(
        row.contains(&format!(
            r#"aria-label="{description} bearbeiten">Bearbeiten</a>"#
        )),
        "{row}"
    );
    let form = app
        .server
        .get(&format!("{ws}/expenses/{id}/edit"))
        .add_header("hx-request", "true")
        .add_header("accept-language", GERMAN)
        .await
        .text();
    assert!(form.contains(">Speichern</button>"), "{form}");
    assert!(form.contains(">Betrag</label>"), "{form}");
}
