//! Pages in the visitor's language: the member's setting, else the
//! browser's `Accept-Language`, else the instance default; the API stays
//! locale-free.

use crate::support::{household, TestApp};

#[tokio::test]
async fn a_german_browser_gets_german_pages_and_garbage_falls_back_to_english() {
    let app = TestApp::start().await;
    let german = app
        .server
        .get("/login")
        .add_header("accept-language", "de-DE,de;q=0.9,en;q=0.8")
        .await
        .text();
    assert!(german.contains(r#"<html lang="de">"#), "{german}");
    assert!(german.contains("Zum Inhalt springen"), "{german}");
    assert!(german.contains(">Registrieren</a>"), "{german}");

    for garbage in ["%%;;q=zz,,,;-", "*", "xx-YY", "de;q=0", "de;q=2"] {
        let html = app
            .server
            .get("/login")
            .add_header("accept-language", garbage)
            .await;
        html.assert_status_ok();
        let html = html.text();
        assert!(html.contains(r#"<html lang="en">"#), "{garbage}: {html}");
        assert!(html.contains(">Sign up</a>"), "{garbage}");
    }

    // An error page speaks the visitor's language too.
    let missing = app
        .server
        .get("/no-such-page")
        .add_header("accept-language", "fr")
        .await;
    assert_eq!(missing.status_code(), 404);
    assert!(missing.text().contains("pas trouvé cette page."));
}

#[tokio::test]
async fn a_members_language_wins_over_the_browsers_and_a_wrong_code_changes_nothing() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let in_browser = |path: String| app.server.get(&path).add_header("accept-language", "de-DE");
    let overview = in_browser(ws.clone()).await.text();
    assert!(overview.contains(">Ausgaben</a>"), "{overview}");
    assert!(
        overview.contains("Haushalt, EUR, du bist Eigentümer"),
        "{overview}"
    );

    let refused = app
        .post_form("/account/language", &[("language", "tlh")])
        .await;
    assert_eq!(refused.status_code(), 422);
    assert!(refused.text().contains("is not one of en, de, fr, es"));
    assert!(in_browser(ws.clone())
        .await
        .text()
        .contains(">Ausgaben</a>"));

    let saved = app
        .post_form("/account/language", &[("language", "es")])
        .await;
    assert_eq!(saved.status_code(), 303);
    let account = in_browser("/account".to_string()).await.text();
    assert!(account.contains("Idioma guardado."), "{account}");
    assert!(
        account.contains(r#"<option value="es" lang="es" selected>"#),
        "{account}"
    );
    let overview = in_browser(ws.clone()).await.text();
    assert!(overview.contains(r#"<html lang="es">"#));
    assert!(overview.contains(">Gastos</a>"), "{overview}");

    // Back to the browser's choice.
    app.post_form("/account/language", &[("language", "")])
        .await
        .assert_status(axum::http::StatusCode::SEE_OTHER);
    assert!(in_browser(ws.clone())
        .await
        .text()
        .contains(">Ausgaben</a>"));

    // The API is the same in every language: plain amounts, English errors.
    let id = ws.trim_start_matches("/w/");
    let created = app
        .server
        .post(&format!("/api/v1/workspaces/{id}/expenses"))
        .authorization_bearer(&token)
        .add_header("accept-language", "de-DE")
        .json(&serde_json::json!({"amount": "1234.50", "currency": "EUR", "date": "2026-11-20", "description": "Sofa"}))
        .await;
    assert_eq!(created.status_code(), 201, "{}", created.text());
    assert_eq!(created.json::<serde_json::Value>()["amount"], "1234.50");
}
