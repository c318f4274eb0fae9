//! Receipts: attached through the API and the pages, kept on local disk and
//! in a real S3-compatible server (moto, on loopback), processed by the
//! background job (thumbnail, preview without metadata, text read by
//! Tesseract), downloaded only by members, and deleted with what they
//! belong to.

use std::{io::Cursor, path::Path, time::Duration};

use axum_test::multipart::{MultipartForm, Part};
use serde_json::{json, Value};
use smartexpense::models::receipts;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::{
    expense_pages::add_api,
    workspaces_api::{join_as, workspace_of},
};
use crate::support::{household, python, s3::S3Standin, TestApp};

/// Where a test's app keeps its files.
pub(super) enum Store {
    Disk,
    S3(S3Standin),
}

impl Store {
    async fn start(app_on_s3: bool) -> (TestApp, Self) {
        if app_on_s3 {
            let s3 = S3Standin::start().await;
            let app = TestApp::start_with(|config| s3.configure(config)).await;
            (app, Self::S3(s3))
        } else {
            (TestApp::start().await, Self::Disk)
        }
    }

    /// Every stored key, sorted.
    pub(super) async fn keys(&self, app: &TestApp) -> Vec<String> {
        match self {
            Self::S3(s3) => s3.keys().await,
            Self::Disk => {
                let mut keys = Vec::new();
                let mut folders = vec![app.files.0.clone()];
                while let Some(folder) = folders.pop() {
                    let Ok(entries) = std::fs::read_dir(&folder) else {
                        continue;
                    };
                    for entry in entries.flatten() {
                        let path = entry.path();
                        if path.is_dir() {
                            folders.push(path);
                        } else {
                            let relative = path.strip_prefix(&app.files.0).unwrap();
                            keys.push(relative.display().to_string());
                        }
                    }
                }
                keys.sort();
                keys
            }
        }
    }
}

pub fn png(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// A one-page PDF (Poppler rebuilds the missing cross-reference table).
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 300]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

/// The GPS position of the photo below: 48° 51' 29.38" N.
const GPS_LATITUDE: [u8; 24] = [
    48, 0, 0, 0, 1, 0, 0, 0, 51, 0, 0, 0, 1, 0, 0, 0, 0x7A, 0x0B, 0, 0, 100, 0, 0, 0,
];

/// A JPEG photo taken with the phone turned (EXIF orientation 6: the
/// pixels must be turned 90° clockwise to stand upright), with its GPS
/// position in the EXIF block.
fn jpeg_with_gps(width: u32, height: u32) -> Vec<u8> {
    let image =
        image::RgbImage::from_fn(width, height, |x, _| image::Rgb([(x % 256) as u8, 60, 90]));
    let mut jpeg = Cursor::new(Vec::new());
    image.write_to(&mut jpeg, image::ImageFormat::Jpeg).unwrap();
    let jpeg = jpeg.into_inner();
    // TIFF, little-endian: IFD0 (orientation, GPS pointer) at 8, the GPS
    // IFD (latitude reference and latitude) at 38, its rationals at 68.
    let mut tiff = b"II*\0\x08\0\0\0".to_vec();
    tiff.extend([2, 0]);
    tiff.extend([0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0]);
    tiff.extend([0x25, 0x88, 4, 0, 1, 0, 0, 0, 38, 0, 0, 0]);
    tiff.extend([0, 0, 0, 0]);
    tiff.extend([2, 0]);
    tiff.extend([1, 0, 2, 0, 2, 0, 0, 0, b'N', 0, 0, 0]);
    tiff.extend([2, 0, 5, 0, 3, 0, 0, 0, 68, 0, 0, 0]);
    tiff.extend([0, 0, 0, 0]);
    tiff.extend(GPS_LATITUDE);
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(tiff);
    let length = u16::try_from(app1.len() + 2).unwrap().to_be_bytes();
    let mut out = jpeg[..2].to_vec();
    out.extend([0xFF, 0xE1, length[0], length[1]]);
    out.extend(app1);
    out.extend(&jpeg[2..]);
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

pub(super) fn receipts_path(ws: &str, expense: &str) -> String {
    format!("/api/v1/workspaces/{ws}/expenses/{expense}/receipts")
}

pub async fn upload(
    app: &TestApp,
    token: &str,
    ws: &str,
    expense: &str,
    files: &[(&str, &[u8], &str)],
) -> axum_test::TestResponse {
    let mut form = MultipartForm::new();
    for (name, bytes, mime) in files {
        form = form.add_part(
            "file",
            Part::bytes(bytes.to_vec())
                .file_name(*name)
                .mime_type(*mime),
        );
    }
    app.server
        .post(&receipts_path(ws, expense))
        .authorization_bearer(token)
        .multipart(form)
        .await
}

pub(super) async fn expense(app: &TestApp, token: &str, ws: &str) -> String {
    let body = json!({ "amount": "23.40", "date": "2026-11-20", "description": "Bakery" });
    add_api(app, token, &format!("/w/{ws}"), body).await["id"]
        .as_str()
        .unwrap()
        .to_string()
}

pub(super) async fn list(app: &TestApp, token: &str, ws: &str, expense: &str) -> Vec<Value> {
    let response = app
        .server
        .get(&receipts_path(ws, expense))
        .authorization_bearer(token)
        .await;
    assert_eq!(response.status_code(), 200, "{}", response.text());
    response.json::<Value>()["items"]
        .as_array()
        .cloned()
        .expect("a list answers {items, next_cursor}")
}

pub(super) async fn row_count(app: &TestApp) -> u64 {
    use sea_orm::{EntityTrait, PaginatorTrait};
    receipts::Entity::find().count(&app.owner_db).await.unwrap()
}

/// Attach, process, list, download and remove, wherever files are kept.
async fn full_cycle(on_s3: bool) {
    let (app, store) = Store::start(on_s3).await;
    let (owner, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let viewer = join_as(&app, &owner, &ws, "vic@example.com", "viewer").await;
    let expense = expense(&app, &owner, &ws).await;
    let photo = png(640, 480);

    // Two files in one upload; the names and kinds are the app's own.
    let response = upload(
        &app,
        &owner,
        &ws,
        &expense,
        &[
            ("till.png", &photo, "image/png"),
            ("bill.pdf", PDF, "application/pdf"),
        ],
    )
    .await;
    assert_eq!(response.status_code(), 201, "{}", response.text());
    let created = response.json::<Vec<Value>>();
    assert_eq!(created.len(), 2);
    assert_eq!(created[0]["filename"], "till.png");
    assert_eq!(created[0]["content_type"], "image/png");
    assert_eq!(created[0]["size_bytes"], photo.len());
    assert_eq!(created[1]["content_type"], "application/pdf");
    let image_id = created[0]["id"].as_str().unwrap().to_string();

    // Stored under the workspace, named by the receipt's id.
    app.jobs_done().await;
    let keys = store.keys(&app).await;
    for receipt in &created {
        let id = receipt["id"].as_str().unwrap();
        let key = format!("{ws}/receipts/{id}");
        assert!(keys.contains(&key), "{key} not in {keys:?}");
        assert!(keys.contains(&format!("{key}.thumb.jpg")), "{keys:?}");
    }
    assert_eq!(keys.len(), 6, "originals, thumbnails, previews: {keys:?}");

    // Processed: both have previews (the PDF's first page drawn by Poppler).
    let listed = list(&app, &viewer, &ws, &expense).await;
    assert_eq!(listed.len(), 2);
    for receipt in &listed {
        assert_eq!(receipt["status"], "ready", "{receipt}");
        assert_eq!(receipt["has_preview"], true, "{receipt}");
    }

    // Any member downloads the original, byte for byte; the list API and the
    // expense list page agree.
    let download = app
        .server
        .get(listed[0]["download_url"].as_str().unwrap())
        .authorization_bearer(&viewer)
        .await;
    assert_eq!(download.status_code(), 200);
    assert_eq!(download.as_bytes().as_ref(), photo.as_slice());
    assert_eq!(download.header("content-type"), "image/png");
    assert_eq!(download.header("x-content-type-options"), "nosniff");
    assert!(download
        .header("content-disposition")
        .to_str()
        .unwrap()
        .starts_with("attachment; filename=\"till.png\""));

    // A viewer may neither attach nor remove.
    let refused = upload(
        &app,
        &viewer,
        &ws,
        &expense,
        &[("x.png", &photo, "image/png")],
    )
    .await;
    assert_eq!(refused.status_code(), 403, "{}", refused.text());
    let one = format!("{}/{image_id}", receipts_path(&ws, &expense));
    let refused = app.server.delete(&one).authorization_bearer(&viewer).await;
    assert_eq!(refused.status_code(), 403);

    // Removed: the row at once, its three files by the job.
    let removed = app.server.delete(&one).authorization_bearer(&owner).await;
    assert_eq!(removed.status_code(), 204);
    app.jobs_done().await;
    let keys = store.keys(&app).await;
    assert_eq!(keys.len(), 3, "{keys:?}");
    assert!(!keys.iter().any(|k| k.contains(&image_id)), "{keys:?}");
    let gone = app.server.get(&one).authorization_bearer(&owner).await;
    assert_eq!(gone.status_code(), 404);
    assert_eq!(list(&app, &owner, &ws, &expense).await.len(), 1);
}

#[tokio::test]
async fn receipts_are_attached_processed_downloaded_and_removed_on_disk() {
    full_cycle(false).await;
}

#[tokio::test]
async fn receipts_are_attached_processed_downloaded_and_removed_in_s3() {
    full_cycle(true).await;
}

#[tokio::test]
async fn what_is_shown_has_no_gps_position_and_stands_upright() {
    let app = TestApp::start().await;
    let (ws_path, token) = household(&app).await;
    let ws = ws_path.trim_start_matches("/w/").to_string();
    let expense = expense(&app, &token, &ws).await;
    let photo = jpeg_with_gps(400, 200);
    assert!(
        contains(&photo, &GPS_LATITUDE),
        "the test photo has its GPS"
    );
    let created = upload(
        &app,
        &token,
        &ws,
        &expense,
        &[("phone.jpg", &photo, "image/jpeg")],
    )
    .await;
    assert_eq!(created.status_code(), 201, "{}", created.text());
    let id = created.json::<Vec<Value>>()[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    app.jobs_done().await;

    let base = format!("{ws_path}/expenses/{expense}/receipts/{id}");
    for (variant, longest) in [("thumbnail", 320), ("preview", 400)] {
        let shown = app.server.get(&format!("{base}/{variant}")).await;
        assert_eq!(shown.status_code(), 200, "{variant}");
        assert_eq!(shown.header("content-type"), "image/jpeg");
        let bytes = shown.as_bytes().to_vec();
        assert!(!contains(&bytes, b"Exif"), "{variant} carries EXIF");
        assert!(
            !contains(&bytes, &GPS_LATITUDE),
            "{variant} carries the position"
        );
        // Turned upright: the 400x200 sensor image is 200 wide, 400 high.
        let image = image::load_from_memory(&bytes).unwrap();
        assert_eq!(image.height(), longest, "{variant}");
        assert_eq!(image.width(), longest / 2, "{variant}");
    }
    // The viewer page shows the preview and offers the original, which is
    // the file as uploaded.
    let page = app.server.get(&base).await;
    assert_eq!(page.status_code(), 200);
    assert!(page.text().contains(&format!("{base}/preview")));
    let original = app.server.get(&format!("{base}/file")).await;
    assert_eq!(original.as_bytes().as_ref(), photo.as_slice());
}

#[tokio::test]
async fn bad_uploads_are_refused_with_a_reason_and_change_nothing() {
    let app = TestApp::start_with(|config| {
        let settings = config.settings.as_mut().unwrap();
        settings["receipts"]["max_file_mb"] = 1.into();
        settings["receipts"]["workspace_quota_mb"] = 2.into();
    })
    .await;
    let (owner, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let expense = expense(&app, &owner, &ws).await;
    let elf = [b"\x7FELF\x02\x01\x01\0".as_slice(), &[0; 600]].concat();
    let mut too_big = png(8, 8);
    too_big.resize(1024 * 1024 + 10, 0);

    for (name, bytes, mime, says) in [
        (
            "photo.jpg",
            elf.as_slice(),
            "image/jpeg",
            "is not a JPEG, PNG, WebP, HEIC or PDF file",
        ),
        ("empty.png", b"".as_slice(), "image/png", "is empty"),
        (
            "huge.png",
            too_big.as_slice(),
            "image/png",
            "is larger than 1 MB",
        ),
    ] {
        let response = upload(&app, &owner, &ws, &expense, &[(name, bytes, mime)]).await;
        assert_eq!(response.status_code(), 422, "{name}: {}", response.text());
        let message = response.json::<Value>()["errors"]["file"][0]
            .as_str()
            .unwrap()
            .to_string();
        assert!(
            message.contains(name) && message.contains(says),
            "{name}: {message}"
        );
    }
    // A good file with a bad one: neither is kept.
    let good = png(100, 100);
    let mixed = upload(
        &app,
        &owner,
        &ws,
        &expense,
        &[
            ("good.png", &good, "image/png"),
            ("photo.jpg", &elf, "image/jpeg"),
        ],
    )
    .await;
    assert_eq!(mixed.status_code(), 422);
    // A body announced larger than ten files of the limit is refused unread.
    let announced = app
        .server
        .post(&receipts_path(&ws, &expense))
        .authorization_bearer(&owner)
        .content_type("multipart/form-data; boundary=x")
        .add_header("content-length", (11 * 1024 * 1024 * 10).to_string())
        .bytes(vec![0; 16].into())
        .await;
    assert_eq!(announced.status_code(), 413, "{}", announced.text());
    assert_eq!(row_count(&app).await, 0);
    assert!(Store::Disk.keys(&app).await.is_empty());

    // Path tricks and control characters: the name is cleaned, and never
    // part of where the file is kept.
    let tricky = upload(
        &app,
        &owner,
        &ws,
        &expense,
        &[("../../etc/\tpass\u{202E}wd.png", &good, "image/png")],
    )
    .await;
    assert_eq!(tricky.status_code(), 201, "{}", tricky.text());
    let receipt = &tricky.json::<Vec<Value>>()[0];
    assert_eq!(receipt["filename"], "passwd.png");
    let keys = Store::Disk.keys(&app).await;
    assert_eq!(
        keys,
        vec![format!("{ws}/receipts/{}", receipt["id"].as_str().unwrap())]
    );
    let download = app
        .server
        .get(receipt["download_url"].as_str().unwrap())
        .authorization_bearer(&owner)
        .await;
    assert_eq!(
        download.header("content-disposition"),
        "attachment; filename=\"passwd.png\"; filename*=UTF-8''passwd.png"
    );

    // The workspace's quota (2 MB): the third 0.9 MB file does not fit.
    let mut big = png(8, 8);
    big.resize(900 * 1024, 0);
    for _ in 0..2 {
        let ok = upload(
            &app,
            &owner,
            &ws,
            &expense,
            &[("big.png", &big, "image/png")],
        )
        .await;
        assert_eq!(ok.status_code(), 201, "{}", ok.text());
    }
    let full = upload(
        &app,
        &owner,
        &ws,
        &expense,
        &[("big.png", &big, "image/png")],
    )
    .await;
    assert_eq!(full.status_code(), 422);
    assert!(
        full.text().contains("keeps up to 2 MB of receipts"),
        "{}",
        full.text()
    );
    assert_eq!(row_count(&app).await, 3);
}

/// An upload too large is answered while it is still being sent: the app
/// reads no further than the limit (here 1 MB of a 30 MB file, sent in
/// chunks without announcing its length).
#[tokio::test]
async fn an_oversized_upload_is_refused_while_it_streams() {
    let app = TestApp::start_with_setting("receipts.max_file_mb", json!(1)).await;
    let (owner, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let expense = expense(&app, &owner, &ws).await;
    let server = app.on_loopback();
    let address = server.server_address().unwrap();
    let port = address.port().unwrap();
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .unwrap();
    let head = format!(
        "POST {} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {owner}\r\n\
         Content-Type: multipart/form-data; boundary=XYZ\r\nTransfer-Encoding: chunked\r\n\r\n",
        receipts_path(&ws, &expense)
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let part = "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.png\"\r\nContent-Type: image/png\r\n\r\n";
    let chunk = |data: &[u8]| [format!("{:x}\r\n", data.len()).as_bytes(), data, b"\r\n"].concat();
    stream.write_all(&chunk(part.as_bytes())).await.unwrap();
    let block = vec![7u8; 64 * 1024];
    let mut sent = 0usize;
    let mut answer = Vec::new();
    // Keep sending until the app answers; it must answer long before 30 MB.
    while sent < 30 * 1024 * 1024 {
        if stream.write_all(&chunk(&block)).await.is_err() {
            break;
        }
        sent += block.len();
        let mut buf = [0u8; 4096];
        if let Ok(Ok(n)) =
            tokio::time::timeout(Duration::from_millis(1), stream.read(&mut buf)).await
        {
            answer.extend_from_slice(&buf[..n]);
            if n > 0 {
                break;
            }
        }
    }
    if answer.is_empty() {
        let mut buf = [0u8; 4096];
        let n = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut buf))
            .await
            .expect("an answer")
            .unwrap();
        answer.extend_from_slice(&buf[..n]);
    }
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 422"), "{answer}");
    assert!(
        sent < 4 * 1024 * 1024,
        "the app read {sent} bytes before answering"
    );
    assert_eq!(row_count(&app).await, 0);
}

/// A multipart form as a browser sends it: its fields and files, with the
/// CSRF token of `page` in the address (as the form's `action` carries it).
pub(super) async fn page_form(
    app: &TestApp,
    path: &str,
    page: &str,
    fields: &[(&str, &str)],
    files: &[(&str, &[u8], &str)],
) -> axum_test::TestResponse {
    let token = crate::support::csrf_in(&app.server.get(page).await.text());
    let mut form = MultipartForm::new();
    for (name, value) in fields {
        form = form.add_text(*name, *value);
    }
    for (name, bytes, mime) in files {
        form = form.add_part(
            "file",
            Part::bytes(bytes.to_vec())
                .file_name(*name)
                .mime_type(*mime),
        );
    }
    app.server
        .post(&format!("{path}?_csrf={token}"))
        .multipart(form)
        .await
}

/// The attach form of an expense's page.
pub(super) async fn page_upload(
    app: &TestApp,
    path: &str,
    page: &str,
    files: &[(&str, &[u8], &str)],
) -> axum_test::TestResponse {
    page_form(app, path, page, &[], files).await
}

pub(super) const LUNCH: &[(&str, &str)] = &[
    ("amount", "12.80"),
    ("date", "2026-11-21"),
    ("description", "Lunch"),
];

/// The expenses of a workspace as the API lists them: (description, id).
pub(super) async fn expenses_of(app: &TestApp, token: &str, ws: &str) -> Vec<(String, String)> {
    let listed = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/expenses"))
        .authorization_bearer(token)
        .await
        .json::<Value>();
    listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["description"].as_str().unwrap().to_string(),
                e["id"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn an_expense_is_added_with_its_receipts_from_one_form() {
    let app = TestApp::start().await;
    let (ws_path, token) = household(&app).await;
    let ws = ws_path.trim_start_matches("/w/").to_string();
    let page_path = format!("{ws_path}/expenses");
    let photo = png(200, 100);

    let added = page_form(
        &app,
        &page_path,
        &page_path,
        LUNCH,
        &[("lunch.png", &photo, "image/png")],
    )
    .await;
    assert_eq!(added.status_code(), 303, "{}", added.text());
    assert!(app
        .server
        .get(&page_path)
        .await
        .text()
        .contains("Added &quot;Lunch&quot; with its receipt."));
    let expenses = expenses_of(&app, &token, &ws).await;
    assert_eq!(expenses.len(), 1);
    app.jobs_done().await;
    let receipts = list(&app, &token, &ws, &expenses[0].1).await;
    assert_eq!(receipts.len(), 1);
    assert_eq!(receipts[0]["filename"], "lunch.png");
    assert_eq!(receipts[0]["has_preview"], true);
    // The list links to it.
    assert!(app
        .server
        .get(&page_path)
        .await
        .text()
        .contains("Receipts (1)"));

    // A file refused by its content: the form comes back with what was
    // typed and the reason; no expense is added.
    let elf = [b"\x7FELF\x02\x01\x01\0".as_slice(), &[0; 64]].concat();
    let refused = page_form(
        &app,
        &page_path,
        &page_path,
        &[
            ("amount", "9.99"),
            ("date", "2026-11-22"),
            ("description", "Dinner"),
        ],
        &[("dinner.jpg", &elf, "image/jpeg")],
    )
    .await;
    assert_eq!(refused.status_code(), 422);
    let page = refused.text();
    assert!(
        page.contains("value=\"Dinner\"") && page.contains("value=\"9.99\""),
        "{page}"
    );
    assert!(
        page.contains("File &quot;dinner.jpg&quot; is not a JPEG, PNG, WebP, HEIC or PDF file"),
        "{page}"
    );
    assert_eq!(expenses_of(&app, &token, &ws).await.len(), 1);

    // Without files the form adds the expense as before.
    let plain = page_form(
        &app,
        &page_path,
        &page_path,
        &[
            ("amount", "3.00"),
            ("date", "2026-11-22"),
            ("description", "Tea"),
        ],
        &[],
    )
    .await;
    assert_eq!(plain.status_code(), 303);
    assert!(app
        .server
        .get(&page_path)
        .await
        .text()
        .contains("Added &quot;Tea&quot;."));
    assert_eq!(row_count(&app).await, 1);
}

#[tokio::test]
async fn with_storage_down_the_expense_saves_and_the_receipt_can_be_attached_later() {
    let mut s3 = S3Standin::start().await;
    let port = s3.port;
    let app = TestApp::start_with(|config| s3.configure(config)).await;
    let (ws_path, token) = household(&app).await;
    let ws = ws_path.trim_start_matches("/w/").to_string();
    s3.stop().await;

    // The expense itself does not need storage.
    let expense = expense(&app, &token, &ws).await;
    let photo = png(120, 90);
    let refused = upload(
        &app,
        &token,
        &ws,
        &expense,
        &[("till.png", &photo, "image/png")],
    )
    .await;
    assert_eq!(refused.status_code(), 503, "{}", refused.text());
    let description = refused.json::<Value>()["description"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        description.contains("could not be reached")
            && description.contains("The expense itself is unchanged")
            && description.contains("later"),
        "{description}"
    );
    // The page says the same where the form was.
    let edit = format!("{ws_path}/expenses/{expense}/edit");
    let sent = page_upload(
        &app,
        &format!("{ws_path}/expenses/{expense}/receipts"),
        &edit,
        &[("till.png", &photo, "image/png")],
    )
    .await;
    assert_eq!(sent.status_code(), 303);
    let shown = app.server.get(&edit).await.text();
    assert!(
        shown.contains("Receipt storage could not be reached"),
        "{shown}"
    );
    let kept = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/expenses/{expense}"))
        .authorization_bearer(&token)
        .await;
    assert_eq!(kept.json::<Value>()["amount"], "23.40");
    // Adding an expense with a receipt: the expense is saved all the same.
    let list_page = format!("{ws_path}/expenses");
    let added = page_form(
        &app,
        &list_page,
        &list_page,
        LUNCH,
        &[("lunch.png", &photo, "image/png")],
    )
    .await;
    assert_eq!(added.status_code(), 303);
    let shown = app.server.get(&list_page).await.text();
    assert!(
        shown.contains("Added &quot;Lunch&quot;, but its receipt was not saved (receipt storage could not be reached)"),
        "{shown}"
    );
    assert_eq!(expenses_of(&app, &token, &ws).await.len(), 2);
    assert_eq!(row_count(&app).await, 0);

    // Storage is back: the same upload goes through.
    let s3 = S3Standin::start_on(port).await;
    let sent = page_upload(
        &app,
        &format!("{ws_path}/expenses/{expense}/receipts"),
        &edit,
        &[("till.png", &photo, "image/png")],
    )
    .await;
    assert_eq!(sent.status_code(), 303);
    assert!(app
        .server
        .get(&edit)
        .await
        .text()
        .contains("Receipt attached."));
    app.jobs_done().await;
    let listed = list(&app, &token, &ws, &expense).await;
    assert_eq!(listed.len(), 1);
    let id = listed[0]["id"].as_str().unwrap();
    assert!(s3.keys().await.contains(&format!("{ws}/receipts/{id}")));
}

/// Draws the test receipt (tests/support/receipt_image.py): a PNG and a PDF.
pub(super) fn drawn_receipt() -> (Vec<u8>, Vec<u8>) {
    let folder = std::env::temp_dir().join(format!("receipt-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&folder).unwrap();
    let (png_path, pdf_path) = (folder.join("r.png"), folder.join("r.pdf"));
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/support/receipt_image.py"
    );
    let status = std::process::Command::new(python())
        .args([Path::new(script), &png_path, &pdf_path])
        .status()
        .expect("run receipt_image.py: run scripts/ensure-test-tools.sh (scripts/test does)");
    assert!(status.success());
    let drawn = (
        std::fs::read(&png_path).unwrap(),
        std::fs::read(&pdf_path).unwrap(),
    );
    let _ = std::fs::remove_dir_all(folder);
    drawn
}

#[tokio::test]
async fn the_receipts_text_prefills_the_expense_form() {
    let app = TestApp::start().await;
    let (ws_path, token) = household(&app).await;
    let ws = ws_path.trim_start_matches("/w/").to_string();
    let expense = expense(&app, &token, &ws).await;
    let (png, pdf) = drawn_receipt();

    let sent = upload(
        &app,
        &token,
        &ws,
        &expense,
        &[
            ("bakery.png", &png, "image/png"),
            ("bakery.pdf", &pdf, "application/pdf"),
        ],
    )
    .await;
    assert_eq!(sent.status_code(), 201, "{}", sent.text());
    app.jobs_done().await;
    let listed = list(&app, &token, &ws, &expense).await;
    for receipt in &listed {
        assert_eq!(
            receipt["reading"],
            json!({ "description": "CORNER BAKERY", "amount": "23.40", "date": "2026-11-20" }),
            "{}",
            receipt["filename"]
        );
    }
    // The edit page offers it; following the offer fills the form, which
    // the user then checks and saves.
    let edit = format!("{ws_path}/expenses/{expense}/edit");
    let page = app.server.get(&edit).await.text();
    let id = listed[0]["id"].as_str().unwrap();
    assert!(page.contains(&format!("{edit}?prefill={id}")), "{page}");
    let filled = app.server.get(&format!("{edit}?prefill={id}")).await.text();
    assert!(filled.contains("Filled in from the receipt"));
    for value in ["CORNER BAKERY", "23.40", "2026-11-20"] {
        assert!(
            filled.contains(&format!("value=\"{value}\"")),
            "{value}: {filled}"
        );
    }
    // Another expense's receipt does not fill this one.
    let other = super::expense_pages::add_api(
        &app,
        &token,
        &ws_path,
        json!({ "amount": "1.00", "date": "2026-11-01", "description": "Other" }),
    )
    .await;
    let wrong = app
        .server
        .get(&format!(
            "{ws_path}/expenses/{}/edit?prefill={id}",
            other["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(wrong.status_code(), 404);
}

#[tokio::test]
async fn without_ocr_nothing_is_read_or_offered_and_the_rest_works() {
    let app =
        TestApp::start_with_setting("receipts.ocr_command", json!("no-such-ocr-program")).await;
    let (ws_path, token) = household(&app).await;
    let ws = ws_path.trim_start_matches("/w/").to_string();
    let expense = expense(&app, &token, &ws).await;
    let (png, _) = drawn_receipt();
    let sent = upload(
        &app,
        &token,
        &ws,
        &expense,
        &[("bakery.png", &png, "image/png")],
    )
    .await;
    assert_eq!(sent.status_code(), 201);
    app.jobs_done().await;
    let listed = list(&app, &token, &ws, &expense).await;
    assert_eq!(listed[0]["status"], "ready");
    assert_eq!(listed[0]["has_preview"], true);
    assert_eq!(listed[0]["reading"], Value::Null);
    let page = app
        .server
        .get(&format!("{ws_path}/expenses/{expense}/edit"))
        .await
        .text();
    assert!(page.contains("bakery.png"));
    assert!(!page.contains("prefill="), "{page}");
    assert!(!page.contains("text is read"), "{page}");
}

#[tokio::test]
async fn deleted_expenses_and_workspaces_take_their_files_and_strays_are_swept() {
    use sea_orm::{ActiveModelTrait, EntityTrait, Set};
    use smartexpense::models::expenses;

    let app = TestApp::start_with_setting("receipts.orphan_grace_minutes", json!(0)).await;
    let (owner, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let (first, second) = (
        expense(&app, &owner, &ws).await,
        expense(&app, &owner, &ws).await,
    );
    let photo = png(64, 64);
    for id in [&first, &second] {
        let sent = upload(&app, &owner, &ws, id, &[("r.png", &photo, "image/png")]).await;
        assert_eq!(sent.status_code(), 201);
    }
    app.jobs_done().await;
    assert_eq!(Store::Disk.keys(&app).await.len(), 6);
    let one = format!("/api/v1/workspaces/{ws}/expenses/{first}");

    // Deleted and undone: the receipt comes back with the expense.
    app.server.delete(&one).authorization_bearer(&owner).await;
    assert_eq!(
        receipts::sweep(&app.ctx).await.unwrap(),
        receipts::Swept::default()
    );
    app.server
        .post(&format!("{one}/restore"))
        .authorization_bearer(&owner)
        .await;
    assert_eq!(list(&app, &owner, &ws, &first).await.len(), 1);

    // Deleted for longer than the undo allows (24 hours): the sweep removes
    // its receipt and files; files no receipt names go too (a stray upload,
    // the folder of a workspace that is gone).
    app.server.delete(&one).authorization_bearer(&owner).await;
    let row = expenses::Entity::find()
        .all(&app.owner_db)
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.pid.to_string() == first)
        .unwrap();
    let mut aged: expenses::ActiveModel = row.into();
    aged.deleted_at = Set(Some(
        (chrono::Utc::now() - chrono::Duration::hours(25)).into(),
    ));
    aged.update(&app.owner_db).await.unwrap();
    let stray = format!("{ws}/receipts/{}", uuid::Uuid::new_v4());
    let gone_workspace = format!("{}/receipts/{}", uuid::Uuid::new_v4(), uuid::Uuid::new_v4());
    for key in [&stray, &gone_workspace] {
        app.ctx
            .storage
            .upload(Path::new(key), &bytes::Bytes::from_static(b"x"))
            .await
            .unwrap();
    }
    assert_eq!(Store::Disk.keys(&app).await.len(), 8);
    let swept = receipts::sweep(&app.ctx).await.unwrap();
    assert_eq!(
        swept,
        receipts::Swept {
            expired: 1,
            stalled: 0,
            orphans: 2
        }
    );
    let keys = Store::Disk.keys(&app).await;
    assert_eq!(keys.len(), 3, "{keys:?}");
    assert!(keys
        .iter()
        .all(|k| k.starts_with(&format!("{ws}/receipts/"))));
    assert_eq!(row_count(&app).await, 1);
    assert_eq!(
        receipts::sweep(&app.ctx).await.unwrap(),
        receipts::Swept::default()
    );

    // The workspace deleted: its files go with it.
    let deleted = app
        .server
        .delete(&format!("/api/v1/workspaces/{ws}"))
        .authorization_bearer(&owner)
        .json(&json!({ "confirm": "Ann's home" }))
        .await;
    assert_eq!(deleted.status_code(), 202, "{}", deleted.text());
    app.jobs_done().await;
    assert!(Store::Disk.keys(&app).await.is_empty());
    assert_eq!(row_count(&app).await, 0);
}

#[tokio::test]
async fn a_receipt_whose_processing_never_finished_is_shown_failed_with_the_reason() {
    use sea_orm::{ActiveModelTrait, EntityTrait, Set};
    use smartexpense::models::_entities::receipts as receipt_rows;

    // No workers: processing never runs, as if every attempt's job died.
    let app = TestApp::start_with(|config| {
        config.settings.as_mut().unwrap()["jobs"]["in_web_process"] = json!(false);
    })
    .await;
    let (owner, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let (old, new) = (
        expense(&app, &owner, &ws).await,
        expense(&app, &owner, &ws).await,
    );
    let photo = png(64, 64);
    for id in [&old, &new] {
        let sent = upload(&app, &owner, &ws, id, &[("r.png", &photo, "image/png")]).await;
        assert_eq!(sent.status_code(), 201);
    }
    // One was uploaded longer ago than every attempt could have taken.
    let listed = list(&app, &owner, &ws, &old).await;
    let row = receipt_rows::Entity::find()
        .all(&app.owner_db)
        .await
        .unwrap()
        .into_iter()
        .find(|r| listed[0]["id"] == r.pid.to_string())
        .unwrap();
    let mut aged: receipt_rows::ActiveModel = row.into();
    aged.created_at = Set((chrono::Utc::now() - chrono::Duration::hours(2)).into());
    aged.update(&app.owner_db).await.unwrap();

    let swept = receipts::sweep(&app.ctx).await.unwrap();
    assert_eq!(swept.stalled, 1, "{swept:?}");
    let failed = &list(&app, &owner, &ws, &old).await[0];
    assert_eq!(failed["status"], "failed", "{failed}");
    assert!(
        failed["problem"]
            .as_str()
            .unwrap_or_default()
            .contains("could not be made in time"),
        "{failed}"
    );
    let download = app
        .server
        .get(failed["download_url"].as_str().unwrap_or_default())
        .authorization_bearer(&owner)
        .await;
    assert_eq!(download.status_code(), 200, "the file is kept");
    // The fresh one is still being processed.
    assert_eq!(
        list(&app, &owner, &ws, &new).await[0]["status"],
        "processing"
    );
}
