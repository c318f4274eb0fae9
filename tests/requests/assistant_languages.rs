//! The assistant in German, French and Spanish: the main questions read in
//! each language give the same figures as in English, the answer is written
//! in the message's language on the API and in the page's on the pages
//! (amounts as the language writes money), and a question with a word it
//! does not know is answered "did not understand", naming the word, rather
//! than as if the word were not there.

use chrono::{Datelike, Days, Months, NaiveDate, Utc};
use serde_json::{json, Value};

use super::{
    expense_pages::{add_api, api},
    workspaces_api::{join_named, workspace_of},
};
use crate::support::{category_id, csrf_in, household, TestApp};

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

fn last_month_start() -> NaiveDate {
    today()
        .with_day(1)
        .unwrap()
        .checked_sub_months(Months::new(1))
        .unwrap()
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

fn reply(answer: &Value) -> &str {
    answer["reply"].as_str().unwrap()
}

/// `52,50 €` as German, French and Spanish write it.
const EUROS_52_50: &str = "52,50\u{a0}€";

#[tokio::test]
async fn the_main_questions_are_answered_in_the_language_they_are_asked_in() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let groceries = category_id(&app, &token, &ws, "Groceries").await;
    let start = last_month_start();
    for (amount, days, what) in [("40.00", 2, "Market"), ("12.50", 9, "Bakery")] {
        add_api(
            &app,
            &token,
            &ws,
            json!({ "amount": amount, "date": (start + Days::new(days)).to_string(),
                    "category_id": groceries, "description": what }),
        )
        .await;
    }

    // A total by category and period: the English figures, in each language.
    let english = ask(
        &app,
        &token,
        &ws,
        "how much did we spend on groceries last month?",
    )
    .await;
    assert_eq!(english["language"], "en");
    for (lang, question, words) in [
        (
            "de",
            "Wie viel haben wir letzten Monat für Lebensmittel ausgegeben?",
            "Ausgegeben: ",
        ),
        (
            "fr",
            "Combien avons-nous dépensé en courses le mois dernier ?",
            "Vous avez dépensé ",
        ),
        (
            "es",
            "¿Cuánto gastamos en comestibles el mes pasado?",
            "Habéis gastado ",
        ),
    ] {
        let answer = ask(&app, &token, &ws, question).await;
        assert_eq!(answer["language"], lang, "{answer}");
        assert_eq!(answer["intent"], "spending", "{answer}");
        assert_eq!(
            answer["interpretation"], english["interpretation"],
            "{answer}"
        );
        assert_eq!(answer["data"]["total_minor"], 5250);
        assert_eq!(answer["data"]["count"], 2);
        assert!(reply(&answer).contains(words), "{answer}");
        assert!(reply(&answer).contains(EUROS_52_50), "{answer}");
        assert_eq!(answer["actions"][0]["href"], english["actions"][0]["href"]);
    }

    // The biggest expenses, largest first.
    for (lang, question, heading) in [
        (
            "de",
            "die 2 größten Ausgaben letzten Monat",
            "Die 2 größten Ausgaben",
        ),
        (
            "fr",
            "les 2 plus grosses dépenses du mois dernier",
            "Les 2 plus grosses dépenses",
        ),
        (
            "es",
            "los 2 gastos más grandes del mes pasado",
            "Los 2 gastos más grandes",
        ),
    ] {
        let answer = ask(&app, &token, &ws, question).await;
        assert_eq!(
            (answer["intent"].as_str(), answer["language"].as_str()),
            (Some("biggest"), Some(lang)),
            "{answer}"
        );
        let items: Vec<&str> = answer["data"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["description"].as_str().unwrap())
            .collect();
        assert_eq!(items, ["Market", "Bakery"]);
        assert!(reply(&answer).starts_with(heading), "{answer}");
        assert!(reply(&answer).contains("40,00\u{a0}€"), "{answer}");
    }

    // Totals by category.
    for (lang, question, heading) in [
        (
            "de",
            "Ausgaben nach Kategorie letzten Monat",
            "Nach Kategorie ",
        ),
        (
            "fr",
            "dépenses par catégorie le mois dernier",
            "Par catégorie ",
        ),
        ("es", "gastos por categoría el mes pasado", "Por categoría "),
    ] {
        let answer = ask(&app, &token, &ws, question).await;
        assert_eq!(
            (answer["intent"].as_str(), answer["language"].as_str()),
            (Some("breakdown"), Some(lang)),
            "{answer}"
        );
        assert_eq!(answer["data"]["total_minor"], 5250);
        assert!(reply(&answer).starts_with(heading), "{answer}");
        assert!(
            reply(&answer).contains(&format!("Groceries: {EUROS_52_50}")),
            "{answer}"
        );
    }

    // A word it does not know is named, in each language, and nothing is
    // answered as if it were not there.
    for (lang, question, word, words) in [
        (
            "en",
            "how much did we spend on groceries for the zebra last month?",
            "zebra",
            "I didn't understand the word \"zebra\"",
        ),
        (
            "de",
            "Wie viel haben wir letzten Monat für Lebensmittel im Zirkus ausgegeben?",
            "zirkus",
            "Das Wort \"zirkus\" habe ich nicht verstanden",
        ),
        (
            "fr",
            "Combien avons-nous dépensé en courses pour le cirque le mois dernier ?",
            "cirque",
            "Je n'ai pas compris le mot \"cirque\"",
        ),
        (
            "es",
            "¿Cuánto gastamos en comestibles para el circo el mes pasado?",
            "circo",
            "No he entendido la palabra \"circo\"",
        ),
    ] {
        let answer = ask(&app, &token, &ws, question).await;
        assert_eq!(answer["intent"], "unknown", "{answer}");
        assert_eq!(answer["language"], lang, "{answer}");
        assert_eq!(answer["data"]["unknown_words"], json!([word]), "{answer}");
        assert!(reply(&answer).starts_with(words), "{answer}");
        assert!(answer["data"].get("total_minor").is_none(), "{answer}");
    }
}

#[tokio::test]
async fn balances_and_quick_entries_in_each_language() {
    let app = TestApp::start().await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    join_named(&app, &ann, &ws, "Sam Lee", "sam@example.com", "member").await;

    // An entry with a decimal comma and a date word: a draft in the
    // message's language.
    let yesterday = (today() - Days::new(1)).to_string();
    for (lang, message, words) in [
        (
            "de",
            "Pizza 12,50 gestern",
            "„Pizza“ hinzufügen, 12,50\u{a0}€",
        ),
        ("fr", "pizza 12,50 hier", "Ajouter « Pizza », 12,50\u{a0}€"),
        ("es", "pizza 12,50 ayer", "¿Añadir «Pizza», 12,50\u{a0}€"),
    ] {
        let answer = ask(&app, &ann, &ws, message).await;
        assert_eq!(
            (answer["intent"].as_str(), answer["language"].as_str()),
            (Some("add_expense"), Some(lang)),
            "{answer}"
        );
        let body = &answer["actions"][0]["body"];
        assert_eq!(body["amount"], "12.50");
        assert_eq!(body["date"], yesterday.as_str());
        assert_eq!(body["description"], "Pizza");
        assert!(reply(&answer).starts_with(words), "{answer}");
    }

    // Rent paid by Sam, shared: then who owes whom.
    let rent = ask(&app, &ann, &ws, "Miete 1.200,00 bezahlt von Sam geteilt").await;
    assert_eq!(rent["data"]["paid_by_name"], "Sam Lee", "{rent}");
    assert_eq!(rent["actions"][0]["body"]["amount"], "1200.00", "{rent}");
    let created = app
        .server
        .post(rent["actions"][0]["href"].as_str().unwrap())
        .authorization_bearer(&ann)
        .json(&rent["actions"][0]["body"])
        .await;
    assert_eq!(created.status_code(), 201, "{}", created.text());
    for (question, expected) in [
        ("who owes whom?", "You owe Sam Lee €600.00."),
        ("Wer schuldet wem?", "Du schuldest Sam Lee 600,00\u{a0}€."),
        ("Qui doit à qui ?", "Vous devez 600,00\u{a0}€ à Sam Lee."),
        ("¿Quién debe a quién?", "Debes 600,00\u{a0}€ a Sam Lee."),
    ] {
        let answer = ask(&app, &ann, &ws, question).await;
        assert_eq!(answer["intent"], "balances", "{answer}");
        assert_eq!(reply(&answer), expected);
    }
}

#[tokio::test]
async fn the_page_answers_in_its_own_language() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    add_api(
        &app,
        &token,
        &ws,
        json!({ "amount": "1234.00", "date": today().to_string(), "description": "Sofa" }),
    )
    .await;

    let page = app
        .server
        .get(&format!("{ws}/assistant"))
        .add_header("accept-language", "de-DE,de;q=0.9")
        .await
        .text();
    assert!(page.contains("<h1>Assistent</h1>"), "{page}");
    assert!(
        page.contains("Wer schuldet wem?") && page.contains(">Fragen</button>"),
        "{page}"
    );

    // An English question on a German page: answered in German.
    let csrf = csrf_in(&page);
    for (lang, answer_words) in [
        ("de-DE", "Ausgegeben: 1.234,00\u{a0}€"),
        ("fr-FR", "Vous avez dépensé 1\u{202f}234,00\u{a0}€"),
        ("es-ES", "Habéis gastado 1234,00\u{a0}€"),
    ] {
        let partial = app
            .server
            .post(&format!("{ws}/assistant"))
            .add_header("hx-request", "true")
            .add_header("x-csrf-token", csrf.clone())
            .add_header("accept-language", lang)
            .form(&[("message", "how much did we spend this month?")])
            .await;
        assert_eq!(partial.status_code(), 200);
        let html = partial.text();
        assert!(html.contains(answer_words), "{lang}: {html}");
        assert!(html.contains(&format!("lang=\"{}\"", &lang[..2])), "{html}");
    }

    // An unknown word on a French page.
    let partial = app
        .server
        .post(&format!("{ws}/assistant"))
        .add_header("hx-request", "true")
        .add_header("x-csrf-token", csrf)
        .add_header("accept-language", "fr")
        .form(&[("message", "qui doit à qui pour les licornes ?")])
        .await;
    let html = partial.text();
    assert!(html.contains("data-intent=\"unknown\""), "{html}");
    assert!(
        html.contains("pas compris le mot &quot;licornes&quot;"),
        "{html}"
    );
}
