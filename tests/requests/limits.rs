//! Limits on what one client sends (issue 19, items 6 and 7): a slow body
//! holds no lock and no pooled connection and is cut off in time; a body
//! past its route's limit is refused whole. Nothing they send is saved.

use std::time::Duration;

use serde_json::{json, Value};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpStream,
};

use crate::support::{household, TestApp};

/// The app with `limits.*` set, served on a real port (slow clients need
/// one), with a household and Ann's API token.
async fn app_with_limits(
    idle_seconds: u32,
    total_seconds: u32,
) -> (TestApp, axum_test::TestServer, String, String) {
    let app = TestApp::start_with(move |config| {
        let settings = config.settings.as_mut().expect("settings");
        settings["limits"]["body_idle_seconds"] = idle_seconds.into();
        settings["limits"]["body_seconds"] = total_seconds.into();
    })
    .await;
    let (ws, token) = household(&app).await;
    let ws = ws.trim_start_matches("/w/").to_string();
    let server = app.on_loopback();
    (app, server, ws, token)
}

fn port(server: &axum_test::TestServer) -> u16 {
    server
        .server_address()
        .and_then(|url| url.port())
        .expect("a port on loopback")
}

/// Sends a request's head and the first `sent` bytes of `body`, and keeps
/// the connection open without sending the rest.
async fn start_slowly(port: u16, path: &str, token: &str, body: &str, sent: usize) -> TcpStream {
    let mut stream = TcpStream::connect(("127.0.0.1", port))
        .await
        .expect("connect");
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.expect("send head");
    stream
        .write_all(&body.as_bytes()[..sent])
        .await
        .expect("send part of the body");
    stream
}

/// Whether `text` holds a whole HTTP answer (by its length, or its last
/// chunk).
fn complete(text: &str) -> bool {
    let Some((head, body)) = text.split_once("\r\n\r\n") else {
        return false;
    };
    let head = head.to_ascii_lowercase();
    match head
        .lines()
        .find_map(|line| line.strip_prefix("content-length:"))
        .and_then(|len| len.trim().parse::<usize>().ok())
    {
        Some(len) => body.len() >= len,
        None => !head.contains("chunked") || body.ends_with("0\r\n\r\n"),
    }
}

/// The status and text of the answer on `stream`, waiting at most a minute.
async fn answer(stream: &mut (impl AsyncReadExt + Unpin)) -> (u16, String) {
    let mut bytes = Vec::new();
    let mut buf = [0u8; 4096];
    let read = async {
        loop {
            let n = stream.read(&mut buf).await.unwrap_or(0);
            bytes.extend_from_slice(&buf[..n]);
            let text = String::from_utf8_lossy(&bytes).into_owned();
            if n == 0 || complete(&text) {
                return text;
            }
        }
    };
    let text = tokio::time::timeout(Duration::from_secs(60), read)
        .await
        .expect("an answer within a minute");
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("an HTTP answer: {text}"));
    (status, text)
}

async fn expense_count(server: &axum_test::TestServer, ws: &str, token: &str) -> usize {
    let list: Value = server
        .get(&format!("/api/v1/workspaces/{ws}/expenses"))
        .authorization_bearer(token)
        .await
        .json();
    list["items"].as_array().expect("items").len()
}

fn expense(description: &str) -> String {
    json!({ "amount": "12.50", "date": "2026-11-21", "description": description }).to_string()
}

#[tokio::test]
async fn slow_bodies_hold_no_lock_or_connection_while_others_write() {
    let (_app, server, ws, token) = app_with_limits(120, 120).await;
    let path = format!("/api/v1/workspaces/{ws}/expenses");
    // More slow clients than the pool has connections (10 in tests), each
    // halfway through the body of a write.
    let body = expense("Slow");
    let mut slow = Vec::new();
    for _ in 0..12 {
        slow.push(start_slowly(port(&server), &path, &token, &body, body.len() / 2).await);
    }
    // One round trip after them, so the server has read their heads.
    assert_eq!(
        server
            .get("/api/v1/workspaces")
            .authorization_bearer(&token)
            .await
            .status_code(),
        200
    );

    // Before: the slow requests held SQLite's write lock (or, on Postgres,
    // every pooled connection) while waiting for their bodies, and this
    // write failed after the busy or acquire timeout.
    let quick = server
        .post(&path)
        .authorization_bearer(&token)
        .bytes(expense("Quick").into())
        .content_type("application/json")
        .await;
    assert_eq!(quick.status_code(), 201, "{}", quick.text());
    for stream in &slow {
        let mut probe = [0u8; 1];
        assert!(
            matches!(stream.try_read(&mut probe), Err(err) if err.kind() == std::io::ErrorKind::WouldBlock),
            "a slow client is still sending and has no answer yet"
        );
    }

    // A slow client that finishes its body is served as usual...
    let mut finishing = slow.pop().expect("a slow client");
    finishing
        .write_all(&body.as_bytes()[body.len() / 2..])
        .await
        .expect("send the rest");
    let (status, text) = answer(&mut finishing).await;
    assert_eq!(status, 201, "{text}");
    // ...and those that go away change nothing.
    drop(slow);
    let descriptions: Vec<String> = {
        let list: Value = server.get(&path).authorization_bearer(&token).await.json();
        list["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|e| e["description"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(descriptions.len(), 2, "{descriptions:?}");
    assert!(descriptions.contains(&"Quick".to_string()));
    assert!(descriptions.contains(&"Slow".to_string()));
}

#[tokio::test]
async fn a_body_that_stops_or_trickles_is_cut_off_and_changes_nothing() {
    let (_app, server, ws, token) = app_with_limits(1, 3).await;
    let path = format!("/api/v1/workspaces/{ws}/expenses");
    let body = expense("Never sent");

    // Stops halfway: cut off after a second without data.
    let mut stopped = start_slowly(port(&server), &path, &token, &body, 10).await;
    let (status, text) = answer(&mut stopped).await;
    assert_eq!(status, 408, "{text}");
    assert!(text.contains("too_slow"), "{text}");
    assert!(text.contains("nothing was changed"), "{text}");

    // Trickles a byte at a time, never idle for a second: cut off when
    // its three seconds in all are over, long before the body is complete.
    let trickling = start_slowly(port(&server), &path, &token, &body, 1).await;
    let (mut reading, mut writing) = trickling.into_split();
    let total = body.len();
    let bytes = body.clone().into_bytes();
    let writer = tokio::spawn(async move {
        let mut sent = 1;
        while sent < total - 1 {
            tokio::time::sleep(Duration::from_millis(200)).await;
            if writing.write_all(&bytes[sent..=sent]).await.is_err() {
                break;
            }
            sent += 1;
        }
        (sent, writing)
    });
    let (status, text) = answer(&mut reading).await;
    assert_eq!(status, 408, "{text}");
    let (sent, _writing) = writer.await.expect("the writer");
    assert!(sent < total - 1, "cut off before the body was complete");

    assert_eq!(expense_count(&server, &ws, &token).await, 0);
}

#[tokio::test]
async fn bodies_past_their_routes_limit_are_refused_whole() {
    let (app, server, ws, token) = app_with_limits(15, 120).await;
    let path = format!("/api/v1/workspaces/{ws}/expenses");

    // A form or JSON body: `server.middlewares.limit_payload` (1 MB here),
    // announced or streamed in chunks without a length.
    let padded = json!({
        "amount": "1.00", "date": "2026-11-21", "description": "x",
        "notes": "n".repeat(1_100_000),
    })
    .to_string();
    let announced = server
        .post(&path)
        .authorization_bearer(&token)
        .bytes(padded.clone().into())
        .content_type("application/json")
        .await;
    assert_eq!(announced.status_code(), 413, "{}", announced.text());
    assert!(
        announced.text().contains("at most 1 MB"),
        "{}",
        announced.text()
    );

    let mut chunked = TcpStream::connect(("127.0.0.1", port(&server)))
        .await
        .expect("connect");
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    );
    chunked.write_all(head.as_bytes()).await.expect("head");
    for piece in padded.as_bytes().chunks(64 * 1024) {
        let frame = format!("{:x}\r\n", piece.len());
        if chunked.write_all(frame.as_bytes()).await.is_err()
            || chunked.write_all(piece).await.is_err()
            || chunked.write_all(b"\r\n").await.is_err()
        {
            break; // the server stopped reading: the answer is there
        }
    }
    let (status, text) = answer(&mut chunked).await;
    assert_eq!(status, 413, "{text}");

    // A multipart form of thousands of small text fields (each within the
    // field limit) is refused at `limits.form_fields`.
    let created = server
        .post(&path)
        .authorization_bearer(&token)
        .json(&json!({ "amount": "3.00", "date": "2026-11-21", "description": "Kept" }))
        .await;
    assert_eq!(created.status_code(), 201);
    let expense_id = created.json::<Value>()["id"]
        .as_str()
        .expect("id")
        .to_string();
    let mut form = axum_test::multipart::MultipartForm::new();
    for i in 0..2000 {
        form = form.add_text(format!("field{i}"), "v".repeat(100));
    }
    let many = server
        .post(&format!("{path}/{expense_id}/receipts"))
        .authorization_bearer(&token)
        .multipart(form)
        .await;
    assert_eq!(many.status_code(), 413, "{}", many.text());
    assert!(
        many.text().contains("more than 50 fields"),
        "{}",
        many.text()
    );

    // An archive past `limits.archive_mb` (2 MB here) is refused before
    // any of it is parsed.
    let big_archive = format!("{{\"padding\": \"{}\"}}", "a".repeat(3 * 1024 * 1024));
    let archive = server
        .post(&format!("/api/v1/workspaces/{ws}/archive"))
        .authorization_bearer(&token)
        .bytes(big_archive.into())
        .content_type("application/json")
        .await;
    assert_eq!(archive.status_code(), 413, "{}", archive.text());
    assert!(
        archive.text().contains("The archive is too large"),
        "{}",
        archive.text()
    );

    assert_eq!(expense_count(&server, &ws, &token).await, 1);
    drop(app);
}
