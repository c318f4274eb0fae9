//! The account's pages, its mails and the importer in the reader's
//! language: signup and login for a German browser, a German member's
//! confirmation and password reset mails, the import pages for a French
//! browser.

use super::imports::upload;
use crate::support::{csrf_in, household, TestApp, PASSWORD};

#[tokio::test]
async fn a_german_browser_signs_up_and_logs_in_in_german() {
    let app = TestApp::start().await;
    let german = |path: &'static str| {
        app.server
            .get(path)
            .add_header("accept-language", "de-DE,de;q=0.9,en;q=0.8")
    };
    let signup = german("/signup").await.text();
    assert!(signup.contains("<h1>Erstelle dein Konto</h1>"), "{signup}");
    assert!(signup.contains(r#"<label for="password">Passwort</label>"#));
    assert!(signup.contains("Mindestens 10 Zeichen"));
    assert!(signup.contains(">Konto erstellen</button>"));
    assert!(!signup.contains("Create your account"));

    let login = german("/login").await.text();
    assert!(login.contains("<h1>Anmelden</h1>"), "{login}");
    assert!(login.contains(">Passwort vergessen?</a>"));
    assert!(login.contains(r#"<label for="email">E-Mail</label>"#));

    let forgot = german("/forgot-password").await.text();
    assert!(forgot.contains(">Link zum Zurücksetzen schicken</button>"));

    // A refused login answers in German too.
    let csrf = csrf_in(&login);
    let refused = app
        .server
        .post("/login")
        .add_header("accept-language", "de-DE")
        .form(&[
            ("email", "nobody@example.com"),
            ("password", "wrong password"),
            ("_csrf", csrf.as_str()),
        ])
        .await;
    assert_eq!(refused.status_code(), 401);
    assert!(refused.text().contains("E-Mail oder Passwort ist falsch."));

    // A form that did not come from us is refused in German.
    let forged = app
        .server
        .post("/login")
        .add_header("accept-language", "de-DE")
        .form(&[("email", "ann@example.com"), ("password", "x")])
        .await;
    assert_eq!(forged.status_code(), 403);
    assert!(
        forged.text().contains("Dieses Formular ist abgelaufen"),
        "{}",
        forged.text()
    );
}

#[tokio::test]
async fn a_german_member_gets_german_mails() {
    let app = TestApp::start().await;
    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    let first = app.mail.last_about("ann@example.com", "Confirm").await;
    assert_eq!(
        first.subject(),
        "Confirm your email address for SmartExpense"
    );

    let saved = app
        .post_form("/account/language", &[("language", "de")])
        .await;
    assert_eq!(saved.status_code(), 303);

    // The confirmation link again: in German, text and HTML.
    let resent = app.post_form("/account/verification", &[]).await;
    assert_eq!(resent.status_code(), 303);
    let account = app.server.get("/account").await.text();
    assert!(
        account.contains("Wir haben einen neuen Bestätigungslink an ann@example.com geschickt."),
        "{account}"
    );
    let mail = app.mail.arrived("ann@example.com", "Bestätige").await;
    assert_eq!(
        mail.subject(),
        "Bestätige deine E-Mail-Adresse für SmartExpense"
    );
    assert!(mail.text().contains("Hallo Ann,"), "{}", mail.text());
    assert!(mail.text().contains("48 Stunden"));
    assert!(mail.html().contains(">Meine Adresse bestätigen</a>"));
    assert!(mail.link_path().starts_with("/verify/"));

    // A password reset asked for by a signed-out browser in English is
    // still written in the member's own language.
    let stranger = app.server.get("/forgot-password").await.text();
    let csrf = csrf_in(&stranger);
    app.server
        .post("/forgot-password")
        .form(&[("email", "ann@example.com"), ("_csrf", csrf.as_str())])
        .await
        .assert_status_ok();
    let reset = app.mail.arrived("ann@example.com", "Passwort").await;
    assert_eq!(reset.subject(), "Setze dein SmartExpense-Passwort zurück");
    assert!(reset.text().contains("einmal, 30 Minuten lang"));
    assert!(reset.html().contains(">Neues Passwort wählen</a>"));
    assert!(reset.link_path().starts_with("/reset-password/"));
}

#[tokio::test]
async fn a_french_browser_imports_in_french() {
    let app = TestApp::start().await;
    let (ws, _) = household(&app).await;
    let french = |path: String| app.server.get(&path).add_header("accept-language", "fr");
    let index = french(format!("{ws}/imports")).await.text();
    assert!(index.contains("<h1>Importer des dépenses</h1>"), "{index}");
    assert!(index.contains(">Encodage du texte</label>"));
    assert!(index.contains(">Téléverser et prévisualiser</button>"));

    let csv = "date,amount,description\n2026-11-02,12.50,Bakery\n2026-11-03,1234.00,Rent\n";
    let uploaded = upload(&app, &ws, "bank.csv", csv.as_bytes().to_vec(), "auto").await;
    assert_eq!(uploaded.status_code(), 303, "{}", uploaded.text());
    let preview_path = uploaded.header("location").to_str().unwrap().to_string();
    let preview = french(preview_path).await.text();
    assert!(preview.contains("Import « bank.csv »"), "{preview}");
    assert!(preview.contains("2 lignes. Voici les premières"));
    assert!(preview.contains(">Choisir une colonne</option>"));
    assert!(preview.contains(">Importer 2 lignes</button>"));

    // The list of imports writes its date as French does.
    let index = french(format!("{ws}/imports")).await.text();
    let today = chrono::Utc::now().format("%d/%m/%Y").to_string();
    assert!(index.contains(&today), "{index}");
    assert!(index.contains(">téléversé</td>"), "{index}");
}
