//! Imports of files as banks write them, left on the page's own choices: a
//! German bank's CSV (ISO-8859-1, semicolons, decimal commas, negative
//! purchases), and OFX statements, whose columns need no mapping, with
//! payees written as CDATA.

use regex::Regex;
use serde_json::Value;

use super::imports::{expenses, upload};
use crate::support::{household, TestApp};

/// Text as a browser sends it back from an attribute Tera escaped.
fn unescape(text: &str) -> String {
    text.replace("&#x2F;", "/")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    Regex::new(&format!(r#"\s{name}="([^"]*)""#))
        .expect("regex")
        .captures(tag)
        .map(|c| unescape(&c[1]))
}

/// The fields a browser sends from the form of `html` whose action's path
/// ends with `action`, as the page fills it in: each select's selected option
/// (else its first), hidden and text inputs, checked boxes. The CSRF
/// token is left to `post_form`.
fn form_fields(html: &str, action: &str) -> Vec<(String, String)> {
    let forms = Regex::new(r#"(?s)<form[^>]*action="([^"]*)"[^>]*>(.*?)</form>"#).expect("regex");
    let form = forms
        .captures_iter(html)
        .find(|c| {
            c[1].split('?')
                .next()
                .is_some_and(|path| path.ends_with(action))
        })
        .unwrap_or_else(|| panic!("no form posting to {action}: {html}"))[2]
        .to_string();
    let mut fields = Vec::new();
    let selects = Regex::new(r#"(?s)<select([^>]*)>(.*?)</select>"#).expect("regex");
    let options = Regex::new(r#"<option([^>]*)>"#).expect("regex");
    for select in selects.captures_iter(&form) {
        let name = attribute(&select[1], "name").expect("a named select");
        let all: Vec<String> = options
            .captures_iter(&select[2])
            .map(|o| o[1].to_string())
            .collect();
        let chosen = all
            .iter()
            .find(|o| o.contains(" selected"))
            .or(all.first())
            .and_then(|o| attribute(o, "value"))
            .unwrap_or_default();
        fields.push((name, chosen));
    }
    for input in Regex::new(r#"<input([^>]*)>"#)
        .expect("regex")
        .captures_iter(&form)
    {
        let tag = &input[1];
        let (Some(name), kind) = (attribute(tag, "name"), attribute(tag, "type")) else {
            continue;
        };
        let checkable = matches!(kind.as_deref(), Some("checkbox" | "radio"));
        if name == "_csrf" || (checkable && !tag.contains(" checked")) {
            continue;
        }
        fields.push((name, attribute(tag, "value").unwrap_or_default()));
    }
    fields
}

/// Sends the page's own form to `action` as the page fills it in.
async fn submit(app: &TestApp, page: &str, html: &str, action: &str) -> axum_test::TestResponse {
    let fields = form_fields(html, action);
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    app.post_form(&format!("{page}{action}"), &fields).await
}

/// A month of a German current account as its bank exports it: 17
/// purchases (negative) and 3 payments in, the salary first.
pub(super) const GIROKONTO: &str =
    "Buchungstag;Valuta;Auftraggeber/Empfänger;Verwendungszweck;Betrag
01.11.2026;01.11.2026;Arbeitgeber GmbH;Gehalt November;2.500,00
01.11.2026;01.11.2026;Bäckerei Müller;Brötchen;-4,35
02.11.2026;02.11.2026;Hausverwaltung Groß;Miete November;-1.245,60
03.11.2026;03.11.2026;REWE Markt;Lebensmittel;-67,12
04.11.2026;04.11.2026;Stadtwerke München;Strom Abschlag;-89,00
05.11.2026;05.11.2026;Deutsche Bahn;Fahrkarte Köln;-59,90
06.11.2026;06.11.2026;Apotheke am Markt;Überweisung Rezept;-12,50
07.11.2026;09.11.2026;Café Nord;Frühstück;-18,40
09.11.2026;09.11.2026;Telekom;Mobilfunk;-39,95
10.11.2026;10.11.2026;dm-drogerie markt;Drogerie;-23,17
11.11.2026;11.11.2026;Tankstelle Süd;Tanken;-71,30
12.11.2026;12.11.2026;Elektro Schmidt;Erstattung Rücksendung;89,99
13.11.2026;13.11.2026;Buchhandlung Weiß;Bücher;-34,00
14.11.2026;14.11.2026;Sportverein 1860;Mitgliedsbeitrag;-15,00
16.11.2026;16.11.2026;EDEKA Schäfer;Wocheneinkauf;-82,64
17.11.2026;18.11.2026;Zahnarzt Dr. Öztürk;Rechnung 4711;-1.020,00
18.11.2026;18.11.2026;Kino Lichtspiele;Eintritt;-22,00
20.11.2026;20.11.2026;Finanzamt;Steuererstattung 2025;312,40
23.11.2026;23.11.2026;Versicherung AG;Hausrat;-14,27
27.11.2026;27.11.2026;Bäckerei Müller;Kuchen;-9,80
";

pub(super) fn latin1(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).expect("a Latin-1 character"))
        .collect()
}

fn find<'a>(list: &'a Value, description: &str) -> &'a Value {
    list["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|e| e["description"] == description)
        .unwrap_or_else(|| panic!("no expense \"{description}\" in {list}"))
}

#[tokio::test]
async fn a_german_bank_export_left_on_its_suggestions_imports_the_purchases() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let bytes = latin1(GIROKONTO);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the file is not UTF-8"
    );

    // The encoding as the upload form offers it by default.
    let index = app.server.get(&format!("{ws}/imports")).await.text();
    let encoding = form_fields(&index, "/imports")
        .into_iter()
        .find(|(name, _)| name == "encoding")
        .map(|(_, value)| value)
        .expect("the form offers an encoding");
    let uploaded = upload(&app, &ws, "Umsaetze.csv", bytes.clone(), &encoding).await;
    assert_eq!(uploaded.status_code(), 303, "{}", uploaded.text());
    let page = uploaded.header("location").to_str().unwrap().to_string();
    let preview = app.server.get(&page).await.text();
    assert!(preview.contains("<td>Bäckerei Müller</td>"), "{preview}");
    assert!(preview.contains("<td>Überweisung Rezept</td>"));

    // What the page suggests, sent as it stands.
    let fields = form_fields(&preview, "/start");
    let chosen = |name: &str| {
        fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    };
    assert_eq!(chosen("sign"), "negative", "mostly negative: a statement");
    assert_eq!(chosen("decimal"), "comma");
    assert_eq!(chosen("date_format"), "dmy_dots");
    assert_eq!(chosen("payee_column"), "Auftraggeber/Empfänger");
    let started = submit(&app, &page, &preview, "/start").await;
    assert_eq!(started.status_code(), 303, "{}", started.text());
    app.jobs_done().await;

    let result = app.server.get(&page).await.text();
    assert!(
        result.contains("<strong>17</strong> expenses imported"),
        "{result}"
    );
    assert!(result.contains("3 rows left out"), "{result}");
    assert_eq!(
        result
            .matches("is income or a refund, not an expense")
            .count(),
        3,
        "the payments in are shown as skipped: {result}"
    );
    for line in [2, 13, 19] {
        assert!(result.contains(&format!("<td>{line}</td>")), "line {line}");
    }

    let list = expenses(&app, &token, &ws).await;
    assert_eq!(list["count"], 17);
    assert_eq!(list["total"], "2829.00");
    let rent = find(&list, "Miete November");
    assert_eq!(rent["amount"], "1245.60");
    assert_eq!(rent["date"], "2026-11-02");
    assert_eq!(rent["payee"], "Hausverwaltung Groß");
    let bread = find(&list, "Brötchen");
    assert_eq!(bread["amount"], "4.35");
    assert_eq!(bread["date"], "2026-11-01");
    assert_eq!(bread["payee"], "Bäckerei Müller");
    assert_eq!(find(&list, "Rechnung 4711")["amount"], "1020.00");
    assert_eq!(
        find(&list, "Frühstück")["date"],
        "2026-11-07",
        "Buchungstag"
    );
    for income in [
        "Gehalt November",
        "Erstattung Rücksendung",
        "Steuererstattung 2025",
    ] {
        assert!(
            list["items"]
                .as_array()
                .unwrap()
                .iter()
                .all(|e| e["description"] != income),
            "{income} is not an expense"
        );
    }

    // An encoding the form does not offer is refused, and nothing is kept.
    let odd = upload(&app, &ws, "Umsaetze.csv", bytes, "ebcdic").await;
    assert_eq!(odd.status_code(), 422);
    assert!(
        odd.text()
            .contains("The text encoding must be one of the offered encodings."),
        "{}",
        odd.text()
    );
    let imports = app.server.get(&format!("{ws}/imports")).await.text();
    assert_eq!(imports.matches("Umsaetze.csv</a>").count(), 1);
}

const STATEMENT: &str = "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR<BANKTRANLIST>\n\
    <STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261101120000[0:GMT]<TRNAMT>-12.50<FITID>A1<NAME>Bäckerei Groß<MEMO>Card 1234\n\
    <STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261102<TRNAMT>2500.00<FITID>A2<NAME>Salary\n\
    <STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261103<TRNAMT>-1245.60<FITID>A3<NAME>Landlord<MEMO>Rent\n\
    </BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n";

#[tokio::test]
async fn an_ofx_statement_is_imported_without_mapping_columns() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let uploaded = upload(&app, &ws, "statement.ofx", STATEMENT.into(), "auto").await;
    assert_eq!(uploaded.status_code(), 303, "{}", uploaded.text());
    let page = uploaded.header("location").to_str().unwrap().to_string();
    let preview = app.server.get(&page).await.text();
    assert!(
        preview.contains("A bank statement (OFX) with 3 transactions"),
        "{preview}"
    );
    assert!(preview.contains("2 payments out, imported as expenses"));
    assert!(preview.contains("<td>Landlord</td>"));
    assert!(!preview.contains("say which column is which"));
    assert!(!preview.contains("Choose a column"));
    let form = form_fields(&preview, "/start");
    assert!(
        !crate::support::without_quick_add(&preview).contains("<select"),
        "nothing to map by hand: {preview}"
    );
    assert!(form.contains(&("skip_duplicates".into(), "on".into())));

    let started = submit(&app, &page, &preview, "/start").await;
    assert_eq!(started.status_code(), 303, "{}", started.text());
    app.jobs_done().await;
    let result = app.server.get(&page).await.text();
    assert!(
        result.contains("<strong>2</strong> expenses imported"),
        "{result}"
    );
    let list = expenses(&app, &token, &ws).await;
    assert_eq!(list["count"], 2, "the salary is not an expense");
    let bakery = find(&list, "Bäckerei Groß");
    assert_eq!(bakery["amount"], "12.50");
    assert_eq!(bakery["date"], "2026-11-01");
    assert_eq!(bakery["payee"], "Bäckerei Groß");
    assert_eq!(bakery["notes"], "Card 1234");
    assert_eq!(find(&list, "Landlord")["amount"], "1245.60");

    // The same statement again: its payments are already recorded.
    let again = upload(&app, &ws, "statement.ofx", STATEMENT.into(), "auto").await;
    let again_page = again.header("location").to_str().unwrap().to_string();
    let again_preview = app.server.get(&again_page).await.text();
    submit(&app, &again_page, &again_preview, "/start").await;
    app.jobs_done().await;
    assert!(app
        .server
        .get(&again_page)
        .await
        .text()
        .contains("<strong>0</strong> expenses imported, 2 already recorded and skipped"));
    assert_eq!(expenses(&app, &token, &ws).await["count"], 2);
}

#[tokio::test]
async fn payees_written_as_cdata_are_imported() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    // As several banks write them: XML with closing tags, lower case, a
    // line break inside and around the CDATA, the name inside <PAYEE>.
    let statement = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<?OFX OFXHEADER=\"200\" VERSION=\"220\"?>\r\n\
        <OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><BANKTRANLIST>\r\n\
        <STMTTRN><TRNTYPE>DEBIT</TRNTYPE><DTPOSTED>20261104</DTPOSTED><TRNAMT>-7.10</TRNAMT><FITID>C1</FITID><NAME><![CDATA[Café Nord]]></NAME></STMTTRN>\r\n\
        <stmttrn><trntype>DEBIT</trntype><dtposted>20261105</dtposted><trnamt>-8.20</trnamt><fitid>C2</fitid><name>\r\n  <![CDATA[Bäckerei\r\n Müller & Söhne]]>\r\n</name><memo><![CDATA[Karte <1234>]]></memo></stmttrn>\r\n\
        <STMTTRN><TRNTYPE>DEBIT</TRNTYPE><DTPOSTED>20261106</DTPOSTED><TRNAMT>-9.30</TRNAMT><FITID>C3</FITID><PAYEE>\r\n<NAME><![CDATA[Buchhandlung Weiß]]></NAME>\r\n<ADDR1>Hafen 1</ADDR1></PAYEE></STMTTRN>\r\n\
        </BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\r\n";
    let uploaded = upload(&app, &ws, "cdata.qfx", statement.into(), "auto").await;
    assert_eq!(uploaded.status_code(), 303, "{}", uploaded.text());
    let page = uploaded.header("location").to_str().unwrap().to_string();
    let preview = app.server.get(&page).await.text();
    assert!(preview.contains("<td>Café Nord</td>"), "{preview}");
    let started = submit(&app, &page, &preview, "/start").await;
    assert_eq!(started.status_code(), 303, "{}", started.text());
    app.jobs_done().await;
    let result = app.server.get(&page).await.text();
    assert!(
        result.contains("<strong>3</strong> expenses imported"),
        "{result}"
    );
    let list = expenses(&app, &token, &ws).await;
    assert_eq!(find(&list, "Café Nord")["payee"], "Café Nord");
    let bakery = find(&list, "Bäckerei Müller & Söhne");
    assert_eq!(bakery["payee"], "Bäckerei Müller & Söhne");
    assert_eq!(bakery["notes"], "Karte <1234>");
    assert_eq!(bakery["amount"], "8.20");
    assert_eq!(
        find(&list, "Buchhandlung Weiß")["payee"],
        "Buchhandlung Weiß"
    );
}
