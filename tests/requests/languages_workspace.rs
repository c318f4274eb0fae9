//! The workspace pages in the reader's language: budgets, balances and a
//! member's statement, members and settings read in German (and Spanish)
//! with their amounts and dates as those languages write them, and the
//! report's CSV for a spreadsheet in the reader's language or plain.

use axum_test::TestResponse;
use serde_json::{json, Value};

use super::{expense_pages::add_api, expense_pages::api, workspaces_api::join_named};
use crate::support::{csrf_in, household, TestApp};

/// A no-break space: between an amount and its symbol (`1.234,50 €`).
const NB: char = '\u{a0}';

fn today() -> String {
    chrono::Utc::now().date_naive().to_string()
}

/// Today as German writes it (`07.12.2026`).
fn today_de() -> String {
    chrono::Utc::now()
        .date_naive()
        .format("%d.%m.%Y")
        .to_string()
}

async fn read(app: &TestApp, path: &str, lang: &str) -> String {
    let page = app
        .server
        .get(path)
        .add_header("accept-language", lang)
        .await;
    page.assert_status_ok();
    page.text()
}

/// A form posted by a browser that asks for `lang`.
async fn post_in(app: &TestApp, path: &str, lang: &str, fields: &[(&str, &str)]) -> TestResponse {
    let token = csrf_in(&app.server.get("/").await.text());
    let mut fields = fields.to_vec();
    fields.push(("_csrf", &token));
    app.server
        .post(path)
        .add_header("accept-language", lang)
        .form(&fields)
        .await
}

/// Ann's household with Bob: the page path, Ann's token, Bob's user id.
async fn ann_and_bob(app: &TestApp) -> (String, String, String, String) {
    let (ws, token) = household(app).await;
    let id = ws.trim_start_matches("/w/").to_string();
    join_named(app, &token, &id, "Bob", "bob@example.com", "member").await;
    let members: Value = app
        .server
        .get(&format!("{}/members", api(&ws)))
        .authorization_bearer(&token)
        .await
        .json();
    let id_of = |name: &str| {
        members["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["name"] == name)
            .map(|m| m["user_id"].as_str().unwrap().to_string())
            .unwrap()
    };
    let (ann, bob) = (id_of("Ann"), id_of("Bob"));
    (ws, token, ann, bob)
}

#[tokio::test]
async fn budgets_balances_and_a_members_statement_read_in_german_with_german_amounts() {
    let app = TestApp::start().await;
    let (ws, token, ann, bob) = ann_and_bob(&app).await;
    add_api(
        &app,
        &token,
        &ws,
        json!({
            "amount": "2469.00", "date": today(), "description": "Sofa", "paid_by": ann,
            "split": { "method": "equal", "parts": [{ "member": ann }, { "member": bob }] },
        }),
    )
    .await;

    // A budget set from the German page, and its standing.
    let set = post_in(
        &app,
        &format!("{ws}/budgets"),
        "de-DE",
        &[
            ("name", "Alles"),
            ("amount", "1500"),
            ("period", "month"),
            ("thresholds", "80, 100"),
        ],
    )
    .await;
    assert_eq!(set.status_code(), 303, "{}", set.text());
    let budgets = read(&app, &format!("{ws}/budgets"), "de-DE,de;q=0.9").await;
    assert!(
        budgets.contains("Budget „Alles“ ist festgelegt."),
        "{budgets}"
    );
    assert!(
        budgets.contains(&format!("1.500,00{NB}€ pro Monat")),
        "{budgets}"
    );
    assert!(budgets.contains("Hinweis bei 80 %, 100 %"), "{budgets}");
    assert!(
        budgets.contains(&format!("164,6 % von 1.500,00{NB}€")),
        "{budgets}"
    );
    assert!(
        budgets.contains(&format!(r#"<td class="amount">2.469,00{NB}€</td>"#)),
        "spent: {budgets}"
    );
    assert!(
        budgets.contains(&format!(r#"<td class="amount">-969,00{NB}€</td>"#)),
        "left: {budgets}"
    );
    assert!(budgets.contains("<h2>Budget festlegen</h2>"));
    assert!(budgets.contains(r#"<option value="month" selected>Monat</option>"#));
    assert!(budgets.contains(r#"<label for="b-amount">Grenze (EUR)</label>"#));

    // Who owes whom, and the payment form.
    let balances = read(&app, &format!("{ws}/balances"), "de-DE").await;
    assert!(balances.contains(r#"<html lang="de">"#));
    assert!(
        balances.contains(&format!(">bekommt 1.234,50{NB}€<")),
        "{balances}"
    );
    assert!(
        balances.contains(&format!(">schuldet 1.234,50{NB}€<")),
        "{balances}"
    );
    assert!(
        balances.contains(&format!(
            "<strong>Bob</strong> zahlt <strong>Ann</strong> 1.234,50{NB}€"
        )),
        "{balances}"
    );
    assert!(balances.contains("Als bezahlt eintragen"));
    assert!(balances.contains("<h2>Eine Zahlung eintragen</h2>"));
    // The suggested amount is written as a German types it.
    let amount = regex::Regex::new(r#"<input id="s-amount"[^>]*value="([^"]*)""#)
        .unwrap()
        .captures(&balances)
        .map(|c| c[1].to_string());
    assert_eq!(amount.as_deref(), Some("1.234,50"), "{balances}");

    // Bob pays part of it back; the page says so in German.
    let paid = post_in(
        &app,
        &format!("{ws}/settlements"),
        "de-DE",
        &[
            ("from", bob.as_str()),
            ("to", ann.as_str()),
            ("amount", "234.50"),
            ("date", today().as_str()),
            ("note", "bar"),
        ],
    )
    .await;
    assert_eq!(paid.status_code(), 303, "{}", paid.text());
    let balances = read(&app, &format!("{ws}/balances"), "de-DE").await;
    assert!(balances.contains("Zahlung eingetragen."), "{balances}");
    assert!(balances.contains("<h2>Bisherige Zahlungen</h2>"));
    assert!(
        balances.contains(&format!(
            "<td>{}</td><td>Bob</td><td>Ann</td><td class=\"amount\">234,50{NB}€</td>",
            today_de()
        )),
        "{balances}"
    );

    // Bob's statement: each line in German, amounts and dates German too.
    let statement = read(&app, &format!("{ws}/balances/{bob}"), "de-DE").await;
    assert!(statement.contains("<title>Saldo von Bob"), "{statement}");
    assert!(
        statement.contains(&format!("Schuldet 1.000,00{NB}€")),
        "{statement}"
    );
    assert!(
        statement.contains(&format!(
            "2.469,00{NB}€ bezahlt von Ann · Anteil 1.234,50{NB}€"
        )),
        "{statement}"
    );
    assert!(statement.contains("Zahlung an Ann"), "{statement}");
    assert!(statement.contains("+234,50"), "{statement}");
    assert!(statement.contains("-1.234,50"), "{statement}");
    assert!(statement.contains(&today_de()), "{statement}");
    assert!(statement.contains("← Salden"));

    // The same statement in Spanish (which groups only from five digits).
    let spanish = read(&app, &format!("{ws}/balances/{bob}"), "es-ES,es;q=0.9").await;
    assert!(spanish.contains(r#"<html lang="es">"#));
    assert!(spanish.contains(&format!("Debe 1000,00{NB}€")), "{spanish}");
    assert!(
        spanish.contains(&format!("2469,00{NB}€ pagado por Ann · parte 1234,50{NB}€")),
        "{spanish}"
    );
    assert!(spanish.contains("Pago a Ann"), "{spanish}");
    let spanish_list = read(&app, &format!("{ws}/balances"), "es").await;
    assert!(
        spanish_list.contains(&format!(
            "<strong>Bob</strong> le paga 1000,00{NB}€ a <strong>Ann</strong>"
        )),
        "{spanish_list}"
    );

    // English stays as a reader of English expects it.
    let english = read(&app, &format!("{ws}/balances/{bob}"), "en-US").await;
    assert!(english.contains("Owes €1,000.00"), "{english}");
}

#[tokio::test]
async fn members_and_settings_read_in_german() {
    let app = TestApp::start().await;
    let (ws, _token) = household(&app).await;

    let invited = post_in(
        &app,
        &format!("{ws}/invitations"),
        "de-DE",
        &[("email", "bob@example.com"), ("role", "viewer")],
    )
    .await;
    assert_eq!(invited.status_code(), 303, "{}", invited.text());
    let members = read(&app, &format!("{ws}/members"), "de-DE").await;
    assert!(
        members.contains("Einladung an bob@example.com gesendet."),
        "{members}"
    );
    assert!(members.contains("<h1>Mitglieder</h1>"), "{members}");
    assert!(members.contains("Ann <mark>du</mark>"), "{members}");
    let owner = regex::Regex::new(r">\s*Eigentümer\s*</td>").unwrap();
    assert!(owner.is_match(&members), "{members}");
    assert!(members.contains("<h2>Offene Einladungen</h2>"));
    assert!(members.contains(r#"<option value="member" selected>Mitglied</option>"#));
    assert!(members.contains("<td>bob@example.com</td><td>Leser</td>"));
    let expires = regex::Regex::new(r"<td>Leser</td><td>\d\d\.\d\d\.\d{4}</td>").unwrap();
    assert!(expires.is_match(&members), "{members}");
    assert!(members.contains(">Zurückziehen</button>"));
    // A refusal the model words in English reads in German too.
    let again = post_in(
        &app,
        &format!("{ws}/invitations"),
        "de-DE",
        &[("email", "bob@example.com"), ("role", "viewer")],
    )
    .await;
    let again = if again.status_code() == 303 {
        read(&app, &format!("{ws}/members"), "de-DE").await
    } else {
        again.text()
    };
    assert!(
        again.contains("at schon eine offene Einladung; sende sie erneut oder ziehe sie zurück"),
        "{again}"
    );

    let settings = read(&app, &format!("{ws}/settings"), "de-DE").await;
    assert!(settings.contains("<h1>Einstellungen</h1>"), "{settings}");
    assert!(settings.contains(r#"<label for="default_split">Eine neue Ausgabe wird</label>"#));
    assert!(settings.contains(
        r#"<option value="equal" selected>gleichmäßig zwischen allen Mitgliedern geteilt</option>"#
    ));
    assert!(settings.contains(r#"<option value="household" selected>Haushalt</option>"#));
    assert!(settings.contains("Basiswährung"));
    assert!(settings.contains("Gib zur Bestätigung <strong>Flat</strong> ein"));
    assert!(settings.contains(">Bereich löschen</button>"));

    let saved = post_in(
        &app,
        &format!("{ws}/settings"),
        "de-DE",
        &[
            ("name", "WG <Küche>"),
            ("kind", "household"),
            ("default_split", "equal"),
            ("currency", "EUR"),
            ("time_zone", "Europe/Berlin"),
        ],
    )
    .await;
    assert_eq!(saved.status_code(), 303, "{}", saved.text());

    let granted = post_in(
        &app,
        &format!("{ws}/support-access"),
        "de-DE",
        &[("hours", "24")],
    )
    .await;
    assert_eq!(granted.status_code(), 303, "{}", granted.text());
    let settings = read(&app, &format!("{ws}/settings"), "de-DE").await;
    let until = regex::Regex::new(
        r"Der Support dieser Seite kann diesen Bereich bis <strong>\d\d\.\d\d\.\d{4}</strong> lesen\. Jeder Blick hinein wird im <a href=",
    )
    .unwrap();
    assert!(until.is_match(&settings), "{settings}");
    assert!(
        settings.contains("Der Support kann diesen Bereich bis"),
        "the flash: {settings}"
    );
    // A name goes into a message escaped.
    assert!(
        settings.contains("Gib zur Bestätigung <strong>WG &lt;Küche&gt;</strong> ein"),
        "{settings}"
    );

    // The list of workspaces names kind and role in German.
    let list = read(&app, "/w", "de").await;
    assert!(list.contains("Haushalt · EUR · Eigentümer"), "{list}");
    assert!(list.contains("<h2>Neuer Bereich</h2>"));
}

/// The report's CSV, Ann's one expense this month with its payee.
async fn report_csv(app: &TestApp, ws: &str, lang: &str, format: &str) -> (Vec<u8>, String) {
    let day = today();
    let mut path = format!("{ws}/reports.csv?from={day}&to={day}&group=payee");
    if !format.is_empty() {
        path.push_str(&format!("&format={format}"));
    }
    let response = app
        .server
        .get(&path)
        .add_header("accept-language", lang)
        .await;
    response.assert_status_ok();
    assert_eq!(
        response.header("content-type").to_str().unwrap(),
        "text/csv; charset=utf-8"
    );
    let bytes = response.as_bytes().to_vec();
    let text = String::from_utf8(bytes.clone()).unwrap();
    (bytes, text)
}

#[tokio::test]
async fn a_german_reader_gets_a_report_csv_for_spreadsheets_and_may_take_the_plain_one() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    add_api(
        &app,
        &token,
        &ws,
        json!({ "amount": "1234.50", "date": today(), "description": "Sofa", "payee": "Möbelhaus" }),
    )
    .await;

    let day = today();
    let page = read(
        &app,
        &format!("{ws}/reports?from={day}&to={day}&group=payee"),
        "de-DE",
    )
    .await;
    assert!(
        page.contains(&format!("<strong>1.234,50{NB}€</strong>")),
        "{page}"
    );
    assert!(page.contains(r#"<option value="payee" selected>Empfänger</option>"#));
    assert!(page.contains("format=spreadsheet\" download>für Tabellenkalkulationen</a>"));
    assert!(page.contains("format=plain\" download>einfaches CSV, Komma</a>"));

    // German by default: semicolons, decimal commas, German headers, a BOM.
    let (bytes, text) = report_csv(&app, &ws, "de-DE,de;q=0.9", "").await;
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{text}");
    assert_eq!(
        text,
        "\u{feff}Gruppe;Ausgaben;Summe;Währung\nMöbelhaus;1;1234,50;EUR\n"
    );
    let (_, chosen) = report_csv(&app, &ws, "de-DE", "spreadsheet").await;
    assert_eq!(chosen, text);

    // The plain one: comma, decimal point, English headers, no BOM.
    let (bytes, plain) = report_csv(&app, &ws, "de-DE", "plain").await;
    assert!(!bytes.starts_with(b"\xEF\xBB\xBF"));
    assert_eq!(
        plain,
        "group,expenses,total,currency\nMöbelhaus,1,1234.50,EUR\n"
    );

    // An English reader gets the plain one by default, and a BOM on asking.
    let (_, english) = report_csv(&app, &ws, "en", "").await;
    assert_eq!(english, plain);
    let (_, english_sheet) = report_csv(&app, &ws, "en", "spreadsheet").await;
    assert_eq!(
        english_sheet,
        "\u{feff}Group,Expenses,Total,Currency\nMöbelhaus,1,1234.50,EUR\n"
    );

    let refused = app
        .server
        .get(&format!("{ws}/reports.csv?from={day}&to={day}&format=xlsx"))
        .await;
    assert_eq!(refused.status_code(), 422);

    // The API's CSV stays comma-separated without a BOM, whatever the language.
    let api_csv = app
        .server
        .get(&format!("{}/expenses.csv", api(&ws)))
        .authorization_bearer(&token)
        .add_header("accept-language", "de-DE")
        .await;
    api_csv.assert_status_ok();
    let api_bytes = api_csv.as_bytes().to_vec();
    assert!(!api_bytes.starts_with(b"\xEF\xBB\xBF"));
    let api_text = String::from_utf8(api_bytes).unwrap();
    assert!(api_text.lines().next().unwrap().contains(','), "{api_text}");
    assert!(api_text.contains("1234.50"), "{api_text}");

    // The expense list's download offers the same two, German by default.
    let list = read(&app, &format!("{ws}/expenses"), "de-DE").await;
    assert!(
        list.contains("format=spreadsheet\" download>für Tabellenkalkulationen</a>"),
        "{list}"
    );
    let sheet = app
        .server
        .get(&format!("{ws}/expenses.csv"))
        .add_header("accept-language", "de-DE")
        .await;
    sheet.assert_status_ok();
    let sheet_bytes = sheet.as_bytes().to_vec();
    assert!(sheet_bytes.starts_with(b"\xEF\xBB\xBF"));
    let sheet_text = String::from_utf8(sheet_bytes).unwrap();
    let mut lines = sheet_text.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("\u{feff}Datum;Beschreibung;Empfänger;Kategorie;"),
        "{sheet_text}"
    );
    assert!(
        lines.next().unwrap().contains(";Sofa;Möbelhaus;"),
        "{sheet_text}"
    );
    assert!(
        sheet_text.contains(";1234,50;EUR;1234,50;EUR;1;"),
        "{sheet_text}"
    );
    let plain_list = app
        .server
        .get(&format!("{ws}/expenses.csv?format=plain"))
        .add_header("accept-language", "de-DE")
        .await
        .text();
    assert_eq!(plain_list, api_text, "the plain one is the API's");
    let refused = app
        .server
        .get(&format!("{ws}/expenses.csv?format=ods"))
        .await;
    assert_eq!(refused.status_code(), 422);
}

#[tokio::test]
async fn a_refusal_that_names_no_field_reads_in_the_readers_language_and_the_api_stays_english() {
    let app = TestApp::start().await;
    let (ws, owner) = household(&app).await;
    let id = ws.trim_start_matches("/w/").to_string();
    let vera = join_named(&app, &owner, &id, "Vera", "vera@example.com", "viewer").await;

    let browser = app.another_browser();
    let login_page = browser.get("/login").await.text();
    let logged_in = browser
        .post("/login")
        .form(&[
            ("email", "vera@example.com"),
            ("password", crate::support::PASSWORD),
            ("_csrf", &csrf_in(&login_page)),
        ])
        .await;
    assert_eq!(logged_in.status_code(), 303);
    let token = csrf_in(&browser.get(&ws).await.text());
    let expense = [
        ("amount", "4,20"),
        ("date", "2026-11-01"),
        ("description", "Soap"),
        ("_csrf", &token),
    ];
    let refused = browser
        .post(&format!("{ws}/expenses"))
        .add_header("accept-language", "de-DE")
        .form(&expense)
        .await;
    assert_eq!(refused.status_code(), 403);
    let page = refused.text();
    assert!(page.contains(r#"<html lang="de">"#), "{page}");
    assert!(
        page.contains("Als Leser in diesem Bereich kannst du das nicht."),
        "{page}"
    );
    assert!(!page.contains("you cannot do that"), "{page}");

    let refused = browser
        .post(&format!("{ws}/expenses"))
        .add_header("accept-language", "es")
        .form(&expense)
        .await;
    assert!(
        refused
            .text()
            .contains("Como lector de este espacio no puedes hacer eso."),
        "{}",
        refused.text()
    );

    // The API answers the same refusal in English, whatever the client asks.
    let api_refused = app
        .server
        .post(&format!("{}/expenses", api(&ws)))
        .authorization_bearer(&vera)
        .add_header("accept-language", "de-DE")
        .json(&json!({ "amount": "4.20", "date": "2026-11-01", "description": "Soap" }))
        .await;
    assert_eq!(api_refused.status_code(), 403);
    assert_eq!(
        api_refused.json::<Value>()["description"],
        "As viewer in this workspace you cannot do that."
    );
}

#[tokio::test]
async fn the_audit_log_reads_in_the_readers_language_and_the_api_keeps_the_english_record() {
    let app = TestApp::start().await;
    let (ws, owner) = household(&app).await;
    add_api(
        &app,
        &owner,
        &ws,
        json!({ "amount": "2.50", "date": "2026-11-01", "description": "Brot" }),
    )
    .await;

    let page = read(&app, &format!("{ws}/audit"), "de-DE").await;
    assert!(page.contains("„Brot“ hinzugefügt"), "{page}");
    assert!(page.contains("Haushalt „Flat“ angelegt"), "{page}");
    assert!(!page.contains("added &quot;Brot&quot;"), "{page}");

    let page = read(&app, &format!("{ws}/audit"), "fr").await;
    assert!(page.contains("dépense « Brot » ajoutée"), "{page}");

    // The stored record, as the API answers it, stays English.
    let audit: Value = app
        .server
        .get(&format!("{}/audit", api(&ws)))
        .authorization_bearer(&owner)
        .add_header("accept-language", "de-DE")
        .await
        .json::<Value>()["items"]
        .clone();
    assert_eq!(audit[0]["summary"], r#"added "Brot""#);
    assert_eq!(audit[1]["summary"], r#"created household "Flat""#);
}
