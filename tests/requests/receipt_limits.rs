//! Receipts that would cost the instance more than they are worth, and the
//! faults of what keeps and reads them: image and PDF decompression bombs,
//! a reading program that hangs or grows, storage that never answers, and
//! a full receipt disk. Each is refused or contained with a clear message,
//! in bounded time and memory, and nothing is half-stored.

use std::{
    path::{Path, PathBuf},
    time::{Duration, Instant},
};

use sea_orm::EntityTrait;
use serde_json::{json, Value};
use smartexpense::models::receipts;

use super::receipts::{
    expense, expenses_of, list, page_form, page_upload, png, row_count, upload, Store, LUNCH,
};
use crate::support::{household, python, s3::BUCKET, small_disk::SmallDisk, TestApp};

/// A blank greyscale PNG of `width` x `height`, written row by row without
/// a pixel buffer (tests/support/receipt_image.py --blank).
fn blank_png(width: u32, height: u32) -> Vec<u8> {
    let path = std::env::temp_dir().join(format!("blank-{}.png", uuid::Uuid::new_v4()));
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/support/receipt_image.py"
    );
    let status = std::process::Command::new(python())
        .arg(script)
        .arg("--blank")
        .arg(&path)
        .args([width.to_string(), height.to_string()])
        .status()
        .expect("run receipt_image.py: run scripts/ensure-test-tools.sh (scripts/test does)");
    assert!(status.success());
    let bytes = std::fs::read(&path).unwrap();
    let _ = std::fs::remove_file(path);
    bytes
}

/// A one-page PDF whose page is `width` x `height` points (Poppler rebuilds
/// the missing cross-reference table).
fn pdf_of_page(width: u32, height: u32) -> Vec<u8> {
    format!(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 {width} {height}]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    .into_bytes()
}

/// Linux's peak resident size of this test process (VmHWM), in MB.
fn peak_memory_mb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .expect("VmHWM")
        / 1024
}

/// Starts the peak over from the current resident size; the growth since
/// then, in MB, is what [`MemoryWatch::grown_mb`] says. Other tests run in
/// the same process, so the bound asserted leaves them room.
struct MemoryWatch(u64);

impl MemoryWatch {
    fn start() -> Self {
        std::fs::write("/proc/self/clear_refs", "5").expect("reset the peak (Linux)");
        Self(peak_memory_mb())
    }

    fn grown_mb(&self) -> u64 {
        peak_memory_mb().saturating_sub(self.0)
    }
}

/// Memory a refused or contained bomb may cost at most (decoding the
/// 20,000 x 20,000 image costs over 800 MB).
const BOUNDED_MB: u64 = 200;

fn ws_of(ws_path: &str) -> String {
    ws_path.trim_start_matches("/w/").to_string()
}

#[tokio::test]
async fn an_image_bomb_is_refused_at_upload_by_its_header_and_nothing_is_stored() {
    let app = TestApp::start().await;
    let (ws_path, token) = household(&app).await;
    let ws = ws_of(&ws_path);
    let expense = expense(&app, &token, &ws).await;
    let bomb = blank_png(20_000, 20_000);
    assert!(
        bomb.len() < 500 * 1024,
        "a small file: {} bytes",
        bomb.len()
    );

    let memory = MemoryWatch::start();
    let refused = upload(
        &app,
        &token,
        &ws,
        &expense,
        &[("bomb.png", &bomb, "image/png")],
    )
    .await;
    assert_eq!(refused.status_code(), 422, "{}", refused.text());
    let message = refused.json::<Value>()["errors"]["file"][0]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        message.contains("\"bomb.png\" is 20000 x 20000 pixels")
            && message.contains("at most 50 megapixels"),
        "{message}"
    );
    app.jobs_done().await;
    let grown = memory.grown_mb();
    assert!(grown < BOUNDED_MB, "memory grew by {grown} MB");
    assert_eq!(row_count(&app).await, 0);
    assert!(Store::Disk.keys(&app).await.is_empty());

    // The add-expense form comes back with what was typed and the reason.
    let page_path = format!("{ws_path}/expenses");
    let form = page_form(
        &app,
        &page_path,
        &page_path,
        LUNCH,
        &[("bomb.png", &bomb, "image/png")],
    )
    .await;
    assert_eq!(form.status_code(), 422);
    let page = form.text();
    assert!(
        page.contains("value=\"Lunch\"") && page.contains("value=\"12.80\""),
        "{page}"
    );
    assert!(
        page.contains("&quot;bomb.png&quot; is 20000 x 20000 pixels"),
        "{page}"
    );
    assert_eq!(expenses_of(&app, &token, &ws).await.len(), 1);

    // The receipts form of an expense goes back with the reason.
    let edit = format!("{ws_path}/expenses/{expense}/edit");
    let sent = page_upload(
        &app,
        &format!("{ws_path}/expenses/{expense}/receipts"),
        &edit,
        &[("bomb.png", &bomb, "image/png")],
    )
    .await;
    assert_eq!(sent.status_code(), 303);
    let shown = app.server.get(&edit).await.text();
    assert!(shown.contains("is 20000 x 20000 pixels"), "{shown}");
    assert_eq!(row_count(&app).await, 0);
    assert!(Store::Disk.keys(&app).await.is_empty());
}

/// The receipt of this test's only expense, as stored.
async fn the_receipt(app: &TestApp) -> receipts::Model {
    receipts::Entity::find()
        .one(&app.owner_db)
        .await
        .unwrap()
        .expect("a receipt")
}

#[tokio::test]
async fn an_image_too_large_found_while_processing_fails_its_receipt_once_with_the_reason() {
    let app = TestApp::start().await;
    let (ws_path, token) = household(&app).await;
    let ws = ws_of(&ws_path);
    let expense = expense(&app, &token, &ws).await;
    let photo = png(64, 48);
    let sent = upload(
        &app,
        &token,
        &ws,
        &expense,
        &[("till.png", &photo, "image/png")],
    )
    .await;
    assert_eq!(sent.status_code(), 201, "{}", sent.text());
    app.jobs_done().await;
    // The stored file becomes a bomb, as if it had passed the upload's
    // check (a limit lowered since): processing bounds itself too.
    let receipt = the_receipt(&app).await;
    app.ctx
        .storage
        .upload(
            Path::new(&receipt.storage_key),
            &bytes::Bytes::from(blank_png(20_000, 20_000)),
        )
        .await
        .unwrap();

    let memory = MemoryWatch::start();
    // A failure of the file itself is the job's outcome, not an error: the
    // queue does not retry it.
    receipts::process(&app.ctx, receipt.workspace_id, receipt.id)
        .await
        .expect("a permanent failure is recorded, not retried");
    let grown = memory.grown_mb();
    assert!(grown < BOUNDED_MB, "memory grew by {grown} MB");

    let listed = list(&app, &token, &ws, &expense).await;
    assert_eq!(listed[0]["status"], "failed", "{}", listed[0]);
    assert_eq!(listed[0]["has_preview"], false);
    let problem = listed[0]["problem"].as_str().unwrap_or_default();
    assert!(
        problem.contains("20000 x 20000 pixels") && problem.contains("50 megapixels"),
        "{}",
        listed[0]
    );
    // The member sees why on the expense's page and on the receipt's.
    let edit = app
        .server
        .get(&format!("{ws_path}/expenses/{expense}/edit"))
        .await
        .text();
    assert!(edit.contains("20000 x 20000 pixels"), "{edit}");
    let id = listed[0]["id"].as_str().unwrap();
    let viewer = app
        .server
        .get(&format!("{ws_path}/expenses/{expense}/receipts/{id}"))
        .await
        .text();
    assert!(viewer.contains("20000 x 20000 pixels"), "{viewer}");
}

#[tokio::test]
async fn a_pdf_with_a_huge_page_is_not_drawn_and_says_why() {
    let app = TestApp::start().await;
    let (ws_path, token) = household(&app).await;
    let ws = ws_of(&ws_path);
    let expense = expense(&app, &token, &ws).await;
    // 7,000 points square: 14,584 pixels square at 150 dpi (212 megapixels,
    // over 800 MB for pdftoppm); and an A4 page beside it.
    let huge = pdf_of_page(7000, 7000);
    let a4 = pdf_of_page(595, 842);
    let sent = upload(
        &app,
        &token,
        &ws,
        &expense,
        &[
            ("huge.pdf", &huge, "application/pdf"),
            ("a4.pdf", &a4, "application/pdf"),
        ],
    )
    .await;
    assert_eq!(sent.status_code(), 201, "{}", sent.text());
    let memory = MemoryWatch::start();
    app.jobs_done().await;
    let grown = memory.grown_mb();
    assert!(grown < BOUNDED_MB, "memory grew by {grown} MB");

    let listed = list(&app, &token, &ws, &expense).await;
    assert_eq!(listed[0]["status"], "failed", "{}", listed[0]);
    let problem = listed[0]["problem"].as_str().unwrap_or_default();
    assert!(
        problem.contains("247 x 247 cm") && problem.contains("50 megapixels"),
        "{}",
        listed[0]
    );
    // The A4 page is drawn at 150 dpi (1240 x 1754), its preview within 1600.
    assert_eq!(listed[1]["status"], "ready", "{}", listed[1]);
    assert_eq!(listed[1]["problem"], Value::Null);
    let id = listed[1]["id"].as_str().unwrap();
    let preview = app
        .server
        .get(&format!(
            "{ws_path}/expenses/{expense}/receipts/{id}/preview"
        ))
        .await;
    assert_eq!(preview.status_code(), 200);
    let image = image::load_from_memory(preview.as_bytes()).unwrap();
    assert_eq!((image.width(), image.height()), (1131, 1600));

    // Processing it again is the same recorded outcome, not an error.
    let stored = receipts::Entity::find()
        .all(&app.owner_db)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.filename == "huge.pdf")
        .unwrap();
    receipts::process(&app.ctx, stored.workspace_id, stored.id)
        .await
        .expect("recorded, not retried");
}

/// A stand-in for pdftoppm that answers `-v` and otherwise writes its pid
/// to `pid_file` and sleeps for a minute without reading its input.
fn hanging_program(folder: &Path) -> (PathBuf, PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(folder).unwrap();
    let (program, pid_file) = (folder.join("hangs"), folder.join("pid"));
    std::fs::write(
        &program,
        format!(
            "#!/bin/sh\n[ \"$1\" = -v ] && exit 0\necho $$ > {}\nexec sleep 60\n",
            pid_file.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
    (program, pid_file)
}

/// Whether process `pid` is gone (or only waiting to be reaped).
fn gone(pid: &str) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map_or(true, |stat| stat.split_whitespace().nth(2) == Some("Z"))
}

#[tokio::test]
async fn a_reading_program_that_hangs_is_killed_at_its_time_limit() {
    let folder = std::env::temp_dir().join(format!("hangs-{}", uuid::Uuid::new_v4()));
    let (program, pid_file) = hanging_program(&folder);
    let app = TestApp::start_with(|config| {
        let settings = config.settings.as_mut().unwrap();
        settings["receipts"]["pdf_render_command"] = program.display().to_string().into();
        settings["receipts"]["tool_timeout_secs"] = 1.into();
    })
    .await;
    let (ws_path, token) = household(&app).await;
    let ws = ws_of(&ws_path);
    let expense = expense(&app, &token, &ws).await;
    let sent = upload(
        &app,
        &token,
        &ws,
        &expense,
        &[("bill.pdf", &pdf_of_page(595, 842), "application/pdf")],
    )
    .await;
    assert_eq!(sent.status_code(), 201, "{}", sent.text());
    let started = Instant::now();
    app.jobs_done().await;
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "processing took {:?}",
        started.elapsed()
    );
    let listed = list(&app, &token, &ws, &expense).await;
    assert_eq!(listed[0]["status"], "failed", "{}", listed[0]);
    let problem = listed[0]["problem"].as_str().unwrap_or_default();
    assert!(problem.contains("longer than 1 s"), "{}", listed[0]);
    // The program itself was stopped, not left running.
    let pid = std::fs::read_to_string(&pid_file).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !gone(pid.trim()) {
        assert!(Instant::now() < deadline, "pid {pid} still runs");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let _ = std::fs::remove_dir_all(folder);
}

#[tokio::test]
async fn reading_programs_run_within_a_memory_limit() {
    // 48 MB of address space: enough for pdfinfo, not for drawing a page
    // of 4,167 x 4,167 pixels (52 MB), which the pixel limit allows.
    let app = TestApp::start_with_setting("receipts.tool_memory_mb", json!(48)).await;
    let (ws_path, token) = household(&app).await;
    let ws = ws_of(&ws_path);
    let expense = expense(&app, &token, &ws).await;
    let sent = upload(
        &app,
        &token,
        &ws,
        &expense,
        &[("poster.pdf", &pdf_of_page(2000, 2000), "application/pdf")],
    )
    .await;
    assert_eq!(sent.status_code(), 201, "{}", sent.text());
    app.jobs_done().await;
    let listed = list(&app, &token, &ws, &expense).await;
    assert_eq!(listed[0]["status"], "failed", "{}", listed[0]);
    let problem = listed[0]["problem"].as_str().unwrap_or_default();
    assert!(problem.contains("could not be drawn"), "{}", listed[0]);
}

/// Keeps the app's files in an S3 bucket at `port` on loopback, with the
/// storage time limits given.
fn s3_at(config: &mut loco_rs::config::Config, port: u16, connect_ms: u64, answer_ms: u64) {
    config.settings.as_mut().unwrap()["storage"] = json!({
        "driver": "s3",
        "bucket": BUCKET,
        "region": "us-east-1",
        "endpoint": format!("http://127.0.0.1:{port}"),
        "access_key_id": "test-key",
        "secret_access_key": "test-secret",
        "connect_timeout_ms": connect_ms,
        "timeout_ms": answer_ms,
    });
}

/// Uploads a receipt to storage that does not answer: refused as
/// unreachable within `within`, nothing recorded.
async fn refused_in_time(app: &TestApp, within: Duration) {
    let (ws_path, token) = household(app).await;
    let ws = ws_of(&ws_path);
    let expense = expense(app, &token, &ws).await;
    let photo = png(64, 48);
    let started = Instant::now();
    let answer = tokio::time::timeout(
        Duration::from_secs(60),
        upload(
            app,
            &token,
            &ws,
            &expense,
            &[("till.png", &photo, "image/png")],
        ),
    )
    .await
    .expect("an answer within a minute from storage that never answers");
    assert_eq!(answer.status_code(), 503, "{}", answer.text());
    assert!(
        answer.json::<Value>()["description"]
            .as_str()
            .unwrap_or_default()
            .contains("could not be reached"),
        "{}",
        answer.text()
    );
    assert!(
        started.elapsed() < within,
        "answered after {:?}",
        started.elapsed()
    );
    assert_eq!(row_count(app).await, 0);
}

#[tokio::test]
async fn storage_that_accepts_but_never_answers_is_given_up_on_in_time() {
    // Takes connections and never says a word.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let silent = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((stream, _)) = listener.accept().await {
            held.push(stream);
        }
    });
    let app = TestApp::start_with(|config| s3_at(config, port, 60_000, 500)).await;
    refused_in_time(&app, Duration::from_secs(10)).await;
    silent.abort();
}

#[tokio::test]
async fn storage_that_cannot_be_connected_to_is_given_up_on_in_time() {
    // A listener whose queue of connections is full and which never
    // accepts: the kernel drops new connection attempts, so they hang.
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let listener = socket.listen(1).unwrap();
    let port = listener.local_addr().unwrap().port();
    let mut queued = Vec::new();
    loop {
        let attempt = tokio::time::timeout(
            Duration::from_millis(300),
            tokio::net::TcpStream::connect(("127.0.0.1", port)),
        )
        .await;
        match attempt {
            Ok(Ok(stream)) => queued.push(stream),
            _ => break,
        }
        assert!(queued.len() < 64, "the listener's queue never filled");
    }
    let app = TestApp::start_with(|config| s3_at(config, port, 500, 60_000)).await;
    refused_in_time(&app, Duration::from_secs(10)).await;
    drop(listener);
}

/// Every file under `folder`, relative to it.
fn files_in(folder: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut folders = vec![folder.to_path_buf()];
    while let Some(current) = folders.pop() {
        for entry in std::fs::read_dir(&current).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                found.push(path.strip_prefix(folder).unwrap().display().to_string());
            }
        }
    }
    found.sort();
    found
}

#[tokio::test]
async fn a_full_receipt_disk_refuses_the_upload_clearly_and_keeps_the_expense() {
    let disk = SmallDisk::mount(1024);
    let folder = disk.path.join("files");
    let app = TestApp::start_with(|config| {
        config.settings.as_mut().unwrap()["storage"]["folder"] =
            folder.display().to_string().into();
    })
    .await;
    let (ws_path, token) = household(&app).await;
    let ws = ws_of(&ws_path);
    let expense = expense(&app, &token, &ws).await;
    disk.fill_leaving(100);
    // The first file fits, the second does not: neither is kept.
    let small = png(16, 16);
    let mut big = png(8, 8);
    big.resize(300 * 1024, 0);
    let files = [
        ("small.png", small.as_slice(), "image/png"),
        ("till.png", big.as_slice(), "image/png"),
    ];

    let refused = upload(&app, &token, &ws, &expense, &files).await;
    assert_eq!(refused.status_code(), 507, "{}", refused.text());
    let body = refused.json::<Value>();
    assert_eq!(body["error"], "storage_full", "{body}");
    let description = body["description"].as_str().unwrap_or_default();
    assert!(
        description.contains("Receipt storage is full")
            && description.contains("The expense itself is unchanged"),
        "{description}"
    );
    assert_eq!(
        files_in(&folder),
        Vec::<String>::new(),
        "nothing half-stored"
    );
    assert_eq!(row_count(&app).await, 0);
    let kept = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/expenses/{expense}"))
        .authorization_bearer(&token)
        .await;
    assert_eq!(kept.json::<Value>()["amount"], "23.40");

    // The expense's receipts form says the same.
    let edit = format!("{ws_path}/expenses/{expense}/edit");
    let sent = page_upload(
        &app,
        &format!("{ws_path}/expenses/{expense}/receipts"),
        &edit,
        &files,
    )
    .await;
    assert_eq!(sent.status_code(), 303);
    let shown = app.server.get(&edit).await.text();
    assert!(shown.contains("Receipt storage is full"), "{shown}");

    // Adding an expense with its receipt: the expense is kept (what was
    // typed is not lost), and the message says the receipt was not.
    let list_page = format!("{ws_path}/expenses");
    let added = page_form(&app, &list_page, &list_page, LUNCH, &files).await;
    assert_eq!(added.status_code(), 303, "{}", added.text());
    let shown = app.server.get(&list_page).await.text();
    assert!(
        shown.contains(
            "Added &quot;Lunch&quot;, but its receipts were not saved (receipt storage is full)"
        ),
        "{shown}"
    );
    assert_eq!(expenses_of(&app, &token, &ws).await.len(), 2);
    assert_eq!(row_count(&app).await, 0);
    assert_eq!(
        files_in(&folder),
        Vec::<String>::new(),
        "nothing half-stored"
    );

    // Space freed: the same upload goes through.
    disk.free();
    let stored = upload(&app, &token, &ws, &expense, &files).await;
    assert_eq!(stored.status_code(), 201, "{}", stored.text());
    assert_eq!(row_count(&app).await, 2);
    app.jobs_done().await;
}
