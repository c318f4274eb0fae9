use loco_rs::environment::Environment;
use serde_json::json;

use crate::support::{TestApp, PASSWORD};

#[tokio::test]
async fn in_development_mail_is_written_to_the_folder_and_listed() {
    let folder = std::env::temp_dir().join(format!("se-mail-{}", uuid::Uuid::new_v4()));
    let folder_setting = folder.display().to_string();
    let app = TestApp::start_as(Environment::Development, move |config| {
        config.settings.as_mut().unwrap()["mail"]["folder"] = json!(folder_setting);
    })
    .await;
    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    app.jobs_done().await;

    let files: Vec<_> = std::fs::read_dir(&folder).unwrap().flatten().collect();
    assert_eq!(files.len(), 1, "one .eml file");
    assert!(
        app.mail.received().await.is_empty(),
        "nothing went over SMTP"
    );

    let list = app.server.get("/_dev/mail").await;
    list.assert_status_ok();
    let html = list.text();
    assert!(html.contains("Confirm your email address for SmartExpense"));
    let id = regex::Regex::new(r"/_dev/mail/([0-9a-f-]{36})")
        .unwrap()
        .captures(&html)
        .unwrap()[1]
        .to_string();
    let mail = app.server.get(&format!("/_dev/mail/{id}")).await.text();
    let link = regex::Regex::new(r"http://localhost:5150(/verify/\w+)")
        .unwrap()
        .captures(&mail)
        .unwrap()[1]
        .to_string();
    app.server.get(&link).await.assert_status_ok();

    // Only file names the transport wrote are readable.
    assert_eq!(
        app.server
            .get("/_dev/mail/..%2F..%2Fetc%2Fpasswd")
            .await
            .status_code(),
        404
    );
    std::fs::remove_dir_all(&folder).ok();
}

#[tokio::test]
async fn the_mailbox_speaks_the_visitors_language() {
    let folder = std::env::temp_dir().join(format!("se-mail-{}", uuid::Uuid::new_v4()));
    let folder_setting = folder.display().to_string();
    let app = TestApp::start_as(Environment::Development, move |config| {
        config.settings.as_mut().unwrap()["mail"]["folder"] = json!(folder_setting);
    })
    .await;
    let french = |path: String| app.server.get(&path).add_header("accept-language", "fr");
    let empty = french("/_dev/mail".to_string()).await.text();
    assert!(empty.contains(r#"<html lang="fr">"#), "{empty}");
    assert!(empty.contains("<h1>Boîte de réception</h1>"), "{empty}");
    assert!(
        empty.contains("Aucun e-mail pour l&#39;instant."),
        "{empty}"
    );

    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    app.jobs_done().await;
    let list = french("/_dev/mail".to_string()).await.text();
    assert!(list.contains("En développement uniquement"), "{list}");
    assert!(list.contains(r#"<th scope="col">Objet</th>"#), "{list}");
    let id = regex::Regex::new(r"/_dev/mail/([0-9a-f-]{36})")
        .unwrap()
        .captures(&list)
        .unwrap()[1]
        .to_string();
    let mail = french(format!("/_dev/mail/{id}")).await.text();
    assert!(mail.contains("← Boîte de réception</a>"), "{mail}");
    assert!(
        mail.contains("<strong>À :</strong> ann@example.com"),
        "{mail}"
    );
    std::fs::remove_dir_all(&folder).ok();
}

#[tokio::test]
async fn the_mailbox_does_not_exist_outside_development() {
    let app = TestApp::start().await;
    assert_eq!(app.server.get("/_dev/mail").await.status_code(), 404);
}
