//! CSV import through the pages: upload, preview and mapping, the job,
//! what is left out and why, duplicates, cancelling, and bad files.

use axum_test::multipart::{MultipartForm, Part};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};
use serde_json::Value;
use smartexpense::models::imports::{self, ImportControl, ImportOptions};

use crate::support::{csrf_in, household, TestApp};

/// The mapping of a file with `date` (as YYYY-MM-DD), `amount` (positive,
/// with a decimal point) and `description` columns.
pub const PLAIN_COLUMNS: [(&str, &str); 6] = [
    ("date_column", "date"),
    ("amount_column", "amount"),
    ("description_column", "description"),
    ("date_format", "ymd"),
    ("decimal", "point"),
    ("sign", "positive"),
];

/// Uploads a file to import from the imports page of `ws` (its page path).
pub async fn upload(
    app: &TestApp,
    ws: &str,
    name: &str,
    bytes: Vec<u8>,
    encoding: &str,
) -> axum_test::TestResponse {
    let csrf = csrf_in(&app.server.get(&format!("{ws}/imports")).await.text());
    let form = MultipartForm::new()
        .add_text("encoding", encoding)
        .add_part(
            "file",
            Part::bytes(bytes).file_name(name).mime_type("text/csv"),
        );
    app.server
        .post(&format!("{ws}/imports?_csrf={csrf}"))
        .multipart(form)
        .await
}

/// The workspace's expenses (up to 200, oldest first), through the API.
pub async fn expenses(app: &TestApp, token: &str, ws: &str) -> Value {
    app.server
        .get(&format!(
            "/api/v1/workspaces/{}/expenses?limit=200&sort=oldest",
            ws.trim_start_matches("/w/")
        ))
        .authorization_bearer(token)
        .await
        .json()
}

const BANK: &str = "Buchungstag;Betrag;Verwendungszweck;Empfänger;Kategorie;Tags\n\
01.11.2026;-12,50;Bakery;Baker & Sons;Groceries;food\n\
02.11.2026;-1.234,00;Rent November;Landlord;Housing;\n\
03.11.2026;2.500,00;Salary;Employer;;\n\
31.11.2026;-3,00;Impossible day;;;\n\
04.11.2026;-45,99;Vet;Dr. Paws;Pets;pets, animals\n\
05.11.2026;-7,20;=HYPERLINK(\"x\");Cafe;;\n";

#[tokio::test]
async fn a_bank_export_is_previewed_mapped_imported_and_explained() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let uploaded = upload(
        &app,
        &ws,
        "../../Downloads/bank.csv",
        BANK.as_bytes().to_vec(),
        "utf8",
    )
    .await;
    assert_eq!(uploaded.status_code(), 303, "{}", uploaded.text());
    let page_path = uploaded.header("location").to_str().unwrap().to_string();
    let preview = app.server.get(&page_path).await.text();
    assert!(preview.contains("Import “bank.csv”"), "the path is dropped");
    assert!(preview.contains("<td>Baker &amp; Sons</td>"));
    assert!(
        preview.contains(r#"<option value="Buchungstag" selected>"#),
        "the date column is guessed"
    );
    assert!(
        preview.contains(r#"<option value="dmy_dots" selected>"#),
        "so is its format"
    );
    assert!(
        preview.contains(r#"<option value="comma" selected>"#),
        "and the decimal comma"
    );

    let bad = app
        .post_form(
            &format!("{page_path}/start"),
            &[
                ("date_column", "Nope"),
                ("amount_column", "Betrag"),
                ("description_column", ""),
                ("date_format", "dmy_dots"),
                ("decimal", "comma"),
                ("sign", "negative"),
            ],
        )
        .await;
    assert_eq!(bad.status_code(), 422);
    assert!(
        bad.text()
            .contains("Date &quot;Nope&quot; is not a column of the file.")
            || bad
                .text()
                .contains("Date \"Nope\" is not a column of the file."),
        "{}",
        bad.text()
    );
    assert!(bad
        .text()
        .contains("Description must name a column of the file."));
    assert_eq!(expenses(&app, &token, &ws).await["count"], 0);

    let mapping = [
        ("date_column", "Buchungstag"),
        ("amount_column", "Betrag"),
        ("description_column", "Verwendungszweck"),
        ("payee_column", "Empfänger"),
        ("category_column", "Kategorie"),
        ("tags_column", "Tags"),
        ("date_format", "dmy_dots"),
        ("decimal", "comma"),
        ("sign", "negative"),
        ("skip_duplicates", "on"),
    ];
    let started = app.post_form(&format!("{page_path}/start"), &mapping).await;
    assert_eq!(started.status_code(), 303);
    app.jobs_done().await;
    let result = app.server.get(&page_path).await.text();
    assert!(
        result.contains("<strong>4</strong> expenses imported"),
        "{result}"
    );
    assert!(
        result.contains(
            "<td>4</td><td>amount &quot;2.500,00&quot; is income or a refund, not an expense</td>"
        ) || result.contains("income or a refund")
    );
    assert!(result.contains("<td>5</td>"), "line 5 has 31 November");

    let list = expenses(&app, &token, &ws).await;
    assert_eq!(list["count"], 4);
    assert_eq!(list["total"], "1299.69");
    let bakery = &list["items"][0];
    assert_eq!(bakery["amount"], "12.50");
    assert_eq!(bakery["payee"], "Baker & Sons");
    assert_eq!(bakery["category"]["name"], "Groceries");
    assert_eq!(bakery["tags"], serde_json::json!(["food"]));
    let vet = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["description"] == "Vet")
        .unwrap();
    assert_eq!(vet["category"]["name"], "Pets", "a new category is created");
    let mut tags: Vec<String> = vet["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap().to_string())
        .collect();
    tags.sort();
    assert_eq!(tags, ["animals", "pets"]);

    // A formula cell comes in as text and is defused on the way out.
    let csv = app.server.get(&format!("{ws}/expenses.csv")).await.text();
    assert!(csv.contains("'=HYPERLINK"), "{csv}");

    // The same file again: everything is already there.
    let again = upload(&app, &ws, "bank.csv", BANK.as_bytes().to_vec(), "utf8").await;
    let again_path = again.header("location").to_str().unwrap().to_string();
    app.post_form(&format!("{again_path}/start"), &mapping)
        .await;
    app.jobs_done().await;
    let result = app.server.get(&again_path).await.text();
    assert!(
        result.contains("<strong>0</strong> expenses imported, 4 already recorded and skipped"),
        "{result}"
    );
    assert_eq!(expenses(&app, &token, &ws).await["count"], 4);

    let audit: Value = app
        .server
        .get(&format!(
            "/api/v1/workspaces/{}/audit",
            ws.trim_start_matches("/w/")
        ))
        .authorization_bearer(&token)
        .await
        .json::<Value>()["items"]
        .clone();
    assert_eq!(audit[0]["action"], "expenses.imported");
}

#[tokio::test]
async fn files_that_are_not_usable_csv_are_refused_with_the_reason() {
    let app = TestApp::start().await;
    let (ws, _) = household(&app).await;
    let cases: Vec<(Vec<u8>, &str, &str)> = vec![
        (Vec::new(), "utf8", "The file is empty."),
        (
            b"MZ\x90\x00\x03\x00\x00\x00".to_vec(),
            "utf8",
            "The file is not a text (CSV) file.",
        ),
        (
            b"date;amount;text\n01.11.2026;1;Caf\xe9\n".to_vec(),
            "utf8",
            "The file is not UTF-8 text",
        ),
        (
            b"date,amount,description\n".to_vec(),
            "utf8",
            "The file has a header but no rows.",
        ),
    ];
    for (bytes, encoding, message) in cases {
        let response = upload(&app, &ws, "x.csv", bytes, encoding).await;
        assert_eq!(response.status_code(), 422, "{message}");
        assert!(
            response.text().contains(message),
            "{message}: {}",
            response.text()
        );
    }
    // The same bytes are fine as Western text.
    let latin = upload(
        &app,
        &ws,
        "x.csv",
        b"date;amount;text\n01.11.2026;1;Caf\xe9\n".to_vec(),
        "latin1",
    )
    .await;
    assert_eq!(latin.status_code(), 303);
    assert!(app
        .server
        .get(latin.header("location").to_str().unwrap())
        .await
        .text()
        .contains("Café"));

    let huge = upload(
        &app,
        &ws,
        "huge.csv",
        // `limits.import_mb` is 2 in the tests.
        vec![b'a'; 2 * 1024 * 1024 + 1],
        "utf8",
    )
    .await;
    assert_eq!(huge.status_code(), 422);
    assert!(
        huge.text().contains("The file is larger than 2 MB"),
        "{}",
        huge.text()
    );

    // Without its CSRF token an upload is refused.
    let form = MultipartForm::new().add_part(
        "file",
        Part::bytes(b"a,b\n1,2\n".to_vec()).file_name("x.csv"),
    );
    assert_eq!(
        app.server
            .post(&format!("{ws}/imports"))
            .multipart(form)
            .await
            .status_code(),
        403
    );
}

#[tokio::test]
async fn a_cancelled_import_keeps_nothing_even_after_rows_were_written() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let mut csv = String::from("date,amount,description,tags\n");
    for i in 0..2500 {
        csv.push_str(&format!(
            "2026-10-{:02},{}.{:02},Item {i},t{}\n",
            i % 28 + 1,
            i % 90 + 1,
            i % 100,
            i % 7
        ));
    }
    let uploaded = upload(&app, &ws, "big.csv", csv.into_bytes(), "utf8").await;
    let page_path = uploaded.header("location").to_str().unwrap().to_string();
    let pid = page_path.rsplit('/').next().unwrap().to_string();
    let import = imports::Entity::find()
        .all(&app.owner_db)
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.pid.to_string() == pid)
        .unwrap();
    assert_eq!(import.total_rows, 2500);

    // Queue it by hand and cancel it before the job looks: the job writes a
    // first batch, sees the cancellation and rolls everything back.
    let options = ImportOptions {
        date_column: "date".into(),
        amount_column: "amount".into(),
        description_column: "description".into(),
        tags_column: "tags".into(),
        date_format: "ymd".into(),
        decimal: "point".into(),
        sign: "positive".into(),
        ..ImportOptions::default()
    };
    let mut active = import.clone().into_active_model();
    active.status = Set("queued".into());
    active.options = Set(Some(serde_json::to_string(&options).unwrap()));
    active.update(&app.owner_db).await.unwrap();
    let control = ImportControl::default();
    control.cancel(import.id);
    imports::Model::run(&app.ctx, &control, import.workspace_id, import.id)
        .await
        .unwrap();
    let after = imports::Entity::find_by_id(import.id)
        .one(&app.owner_db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(after.status, "cancelled");
    assert_eq!(expenses(&app, &token, &ws).await["count"], 0);
    assert!(app
        .server
        .get(&page_path)
        .await
        .text()
        .contains("nothing of it was kept"));

    // Run for real (through the page), across several batches with tags.
    let mut active = after.into_active_model();
    active.status = Set("uploaded".into());
    active.update(&app.owner_db).await.unwrap();
    let started = app
        .post_form(
            &format!("{page_path}/start"),
            &[
                ("date_column", "date"),
                ("amount_column", "amount"),
                ("description_column", "description"),
                ("tags_column", "tags"),
                ("date_format", "ymd"),
                ("decimal", "point"),
                ("sign", "positive"),
            ],
        )
        .await;
    assert_eq!(started.status_code(), 303);
    app.jobs_done().await;
    let list = expenses(&app, &token, &ws).await;
    assert_eq!(list["count"], 2500);
    let tagged: Value = app
        .server
        .get(&format!(
            "/api/v1/workspaces/{}/expenses?tag=t3",
            ws.trim_start_matches("/w/")
        ))
        .authorization_bearer(&token)
        .await
        .json();
    assert_eq!(tagged["count"], 357);
    // The export reads every page (200 rows each) exactly once.
    let csv = app.server.get(&format!("{ws}/expenses.csv")).await.text();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let ids: std::collections::HashSet<String> = reader
        .records()
        .map(|r| r.unwrap()[13].to_string())
        .collect();
    assert_eq!(ids.len(), 2500);
    let again = app
        .post_form(&format!("{page_path}/start"), &[("date_column", "date")])
        .await;
    assert_eq!(again.status_code(), 422, "an import runs once");
}

#[tokio::test]
async fn an_ofx_bank_statement_imports_its_debits() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let statement = "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR<BANKTRANLIST>\n\
        <STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261101<TRNAMT>-12.50<FITID>A1<NAME>Bäckerei Groß<MEMO>Card 1234\n\
        <STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261102<TRNAMT>2500.00<FITID>A2<NAME>Salary\n\
        <STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261103<TRNAMT>-45.00<FITID>A3<NAME>Pharmacy\n\
        </BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n";
    let uploaded = upload(
        &app,
        &ws,
        "statement.qfx",
        statement.as_bytes().to_vec(),
        "utf8",
    )
    .await;
    assert_eq!(uploaded.status_code(), 303, "{}", uploaded.text());
    let page_path = uploaded.header("location").to_str().unwrap().to_string();
    let preview = app.server.get(&page_path).await.text();
    assert!(preview.contains("<td>Bäckerei Groß</td>"));
    assert!(
        preview.contains(r#"name="sign" value="negative""#),
        "statements write debits as negative amounts"
    );
    let started = app
        .post_form(
            &format!("{page_path}/start"),
            &[
                ("date_column", "date"),
                ("amount_column", "amount"),
                ("description_column", "description"),
                ("payee_column", "payee"),
                ("notes_column", "memo"),
                ("date_format", "ymd"),
                ("decimal", "point"),
                ("sign", "negative"),
            ],
        )
        .await;
    assert_eq!(started.status_code(), 303);
    app.jobs_done().await;
    let list = expenses(&app, &token, &ws).await;
    assert_eq!(list["count"], 2, "the salary is not an expense");
    assert_eq!(list["total"], "57.50");
    assert_eq!(list["items"][0]["notes"], "Card 1234");

    let empty = upload(
        &app,
        &ws,
        "empty.ofx",
        b"OFXHEADER:100\n<OFX></OFX>".to_vec(),
        "utf8",
    )
    .await;
    assert_eq!(empty.status_code(), 422);
    assert!(empty
        .text()
        .contains("The file is an OFX statement without transactions."));
}

#[tokio::test]
async fn an_uploaded_file_is_discarded_from_its_page_and_cannot_be_started_after() {
    let app = TestApp::start().await;
    let (ws, token) = household(&app).await;
    let uploaded = upload(
        &app,
        &ws,
        "x.csv",
        b"date,amount,description\n2026-11-01,3.00,Soap\n".to_vec(),
        "utf8",
    )
    .await;
    let page_path = uploaded.header("location").to_str().unwrap().to_string();
    let cancelled = app.post_form(&format!("{page_path}/cancel"), &[]).await;
    assert_eq!(cancelled.status_code(), 303);
    let page = app.server.get(&page_path).await.text();
    assert!(page.contains("This import was cancelled; nothing of it was kept."));
    let start = app
        .post_form(&format!("{page_path}/start"), &PLAIN_COLUMNS)
        .await;
    assert_eq!(start.status_code(), 422);
    assert_eq!(expenses(&app, &token, &ws).await["count"], 0);
    assert!(app
        .server
        .get(&format!("{ws}/imports"))
        .await
        .text()
        .contains("cancelled"));
}

/// An uploaded CSV of `rows` expenses, started through its page; returns
/// the import's page.
async fn started_import(app: &TestApp, ws: &str, name: &str, rows: usize) -> String {
    let mut csv = String::from("date,amount,description\n");
    for i in 0..rows {
        csv.push_str(&format!(
            "{},{}.50,{name} {i}\n",
            chrono::Utc::now().date_naive(),
            i + 1
        ));
    }
    let uploaded = upload(app, ws, &format!("{name}.csv"), csv.into_bytes(), "utf8").await;
    let page = uploaded.header("location").to_str().unwrap().to_string();
    let started = app
        .post_form(
            &format!("{page}/start"),
            &[
                ("date_column", "date"),
                ("amount_column", "amount"),
                ("description_column", "description"),
                ("date_format", "ymd"),
                ("decimal", "point"),
                ("sign", "positive"),
            ],
        )
        .await;
    assert_eq!(started.status_code(), 303, "{}", started.text());
    page
}

#[tokio::test]
async fn two_imports_started_at_once_stay_within_the_months_allowance() {
    // The Free plan: 3 new expenses a month. No workers yet: both imports
    // are started (each fits the allowance alone) before either runs.
    let app = TestApp::start_with(|config| {
        crate::support::stripe::configure_billing(config, "http://127.0.0.1:9");
        config.settings.as_mut().unwrap()["jobs"]["in_web_process"] = serde_json::json!(false);
    })
    .await;
    let (ws, token) = household(&app).await;
    let first = started_import(&app, &ws, "first", 2).await;
    let second = started_import(&app, &ws, "second", 2).await;
    let workers = smartexpense::workers::runner::Workers::start(&app.ctx).unwrap();
    app.jobs_done().await;
    workers.stop().await;

    assert_eq!(expenses(&app, &token, &ws).await["count"], 2);
    let pages = [
        app.server.get(&first).await.text(),
        app.server.get(&second).await.text(),
    ];
    let refused: Vec<&String> = pages
        .iter()
        .filter(|page| page.contains("nothing of it was kept"))
        .collect();
    assert_eq!(refused.len(), 1, "one import is refused");
    assert!(
        refused[0].contains("allows 3 new expenses a month"),
        "the reason is shown: {}",
        refused[0]
    );
}

#[tokio::test]
async fn an_import_whose_worker_died_part_way_runs_again_and_adds_each_row_once() {
    let app = TestApp::start_with(|config| {
        config.settings.as_mut().unwrap()["jobs"]["in_web_process"] = serde_json::json!(false);
    })
    .await;
    let (ws, token) = household(&app).await;
    let page = started_import(&app, &ws, "statement", 3).await;
    // A worker marked it running, then died before its rows committed.
    let pid = page.rsplit('/').next().unwrap().to_string();
    let import = imports::Entity::find()
        .all(&app.owner_db)
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.pid.to_string() == pid)
        .unwrap();
    let mut active = import.into_active_model();
    active.status = Set("running".into());
    active.update(&app.owner_db).await.unwrap();

    // Its job, returned to the queue, runs again on another worker.
    let workers = smartexpense::workers::runner::Workers::start(&app.ctx).unwrap();
    app.jobs_done().await;
    workers.stop().await;
    assert_eq!(expenses(&app, &token, &ws).await["count"], 3);
    assert!(app
        .server
        .get(&page)
        .await
        .text()
        .contains("3</strong> expenses imported"));
}

#[tokio::test]
async fn two_runs_of_one_import_at_once_add_each_row_once() {
    // As when a worker thought dead still runs the import its job was
    // handed to another worker for. The second run may read the import
    // while the first still runs and claim it after the first finished:
    // several rounds, so that this order comes up (it did one CI run in
    // three on Postgres when the claim was a read, then a write).
    let app = TestApp::start_with(|config| {
        config.settings.as_mut().unwrap()["jobs"]["in_web_process"] = serde_json::json!(false);
    })
    .await;
    let (ws, token) = household(&app).await;
    let control = ImportControl::default();
    const ROUNDS: usize = 8;
    for round in 0..ROUNDS {
        let page = started_import(&app, &ws, &format!("statement{round}"), 3).await;
        let pid = page.rsplit('/').next().unwrap().to_string();
        let import = imports::Entity::find()
            .all(&app.owner_db)
            .await
            .unwrap()
            .into_iter()
            .find(|i| i.pid.to_string() == pid)
            .unwrap();
        let run = || imports::Model::run(&app.ctx, &control, import.workspace_id, import.id);
        let (first, second) = tokio::join!(run(), run());
        first.unwrap();
        second.unwrap();
        assert_eq!(
            expenses(&app, &token, &ws).await["count"],
            3 * (round + 1),
            "round {round}"
        );
        assert!(app
            .server
            .get(&page)
            .await
            .text()
            .contains("3</strong> expenses imported"));
    }
}

#[tokio::test]
async fn a_run_claiming_an_import_that_another_run_finishes_meanwhile_leaves_it_done() {
    // The order the rounds above can only chance upon, made to happen: a
    // late run read the import as running; before its claim is written,
    // the other run marks it done (a write not yet committed, so that the
    // claim waits for it). Postgres only: SQLite's writers run one at a
    // time, so a claim there cannot wait on another run's write.
    if !std::env::var("DATABASE_URL").is_ok_and(|url| url.starts_with("postgres")) {
        eprintln!("Postgres only: this run is on SQLite");
        return;
    }
    use sea_orm::{ConnectionTrait, DbBackend, Statement, TransactionTrait};
    let app = TestApp::start_with(|config| {
        config.settings.as_mut().unwrap()["jobs"]["in_web_process"] = serde_json::json!(false);
    })
    .await;
    let (ws, token) = household(&app).await;
    let page = started_import(&app, &ws, "statement", 3).await;
    let pid = page.rsplit('/').next().unwrap().to_string();
    let import = imports::Entity::find()
        .all(&app.owner_db)
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.pid.to_string() == pid)
        .unwrap();
    let mut running = import.clone().into_active_model();
    running.status = Set("running".into());
    let import = running.update(&app.owner_db).await.unwrap();

    let finishing = app.owner_db.begin().await.unwrap();
    let mut done = import.clone().into_active_model();
    done.status = Set("done".into());
    done.update(&finishing).await.unwrap();
    let holder: i32 = finishing
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT pg_backend_pid() AS pid",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get("", "pid")
        .unwrap();

    let control = ImportControl::default();
    let late = imports::Model::run(&app.ctx, &control, import.workspace_id, import.id);
    let finish_once_the_claim_waits = async {
        let waiting = Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT count(*) AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))",
            [holder.into()],
        );
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            let row = app
                .owner_db
                .query_one_raw(waiting.clone())
                .await
                .unwrap()
                .unwrap();
            if row.try_get::<i64>("", "n").unwrap() > 0 {
                break;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "the late run's claim never waited for the finishing run"
            );
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        finishing.commit().await.unwrap();
    };
    let (late, ()) = tokio::join!(late, finish_once_the_claim_waits);
    late.unwrap();

    assert_eq!(expenses(&app, &token, &ws).await["count"], 0);
    let after = imports::Entity::find_by_id(import.id)
        .one(&app.owner_db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(after.status, "done");
}
