//! An S3-compatible server on loopback for the receipt tests: moto's server
//! (from PyPI, installed by `scripts/ensure-test-tools.sh`), one per test.
//! The app's real opendal S3 client talks to it over HTTP, path-style.

use std::{process::Stdio, time::Duration};

use loco_rs::config::Config;
use serde_json::json;
use tokio::process::{Child, Command};

use super::{http_call, python};

pub const BUCKET: &str = "receipts-test";

pub struct S3Standin {
    pub port: u16,
    process: Option<Child>,
}

/// A port nothing listens on right now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

impl S3Standin {
    /// A server with an empty bucket.
    pub async fn start() -> Self {
        Self::start_on(free_port()).await
    }

    /// A server on `port` (again, after [`Self::stop`]), with an empty bucket.
    pub async fn start_on(port: u16) -> Self {
        let process = Command::new(python())
            .args([
                "-m",
                "moto.server",
                "-H",
                "127.0.0.1",
                "-p",
                &port.to_string(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("start moto's S3 server: run scripts/ensure-test-tools.sh (scripts/test does)");
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        while tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_err()
        {
            assert!(
                std::time::Instant::now() < deadline,
                "moto's S3 server did not listen on {port}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let (status, body) = http_call(port, "PUT", &format!("/{BUCKET}"), &[], "").await;
        assert_eq!(status, 200, "create the bucket: {body}");
        Self {
            port,
            process: Some(process),
        }
    }

    /// Stops the server: storage is unreachable until a new one starts.
    pub async fn stop(&mut self) {
        if let Some(mut process) = self.process.take() {
            let _ = process.kill().await;
        }
    }

    /// Keeps the app's files in this server's bucket.
    pub fn configure(&self, config: &mut Config) {
        config.settings.as_mut().expect("settings")["storage"] = json!({
            "driver": "s3",
            "bucket": BUCKET,
            "region": "us-east-1",
            "endpoint": format!("http://127.0.0.1:{}", self.port),
            "access_key_id": "test-key",
            "secret_access_key": "test-secret",
        });
    }

    /// The keys in the bucket, sorted.
    pub async fn keys(&self) -> Vec<String> {
        let (status, body) =
            http_call(self.port, "GET", &format!("/{BUCKET}?list-type=2"), &[], "").await;
        assert_eq!(status, 200, "{body}");
        let mut keys: Vec<String> = body
            .split("<Key>")
            .skip(1)
            .filter_map(|rest| rest.split_once("</Key>").map(|(key, _)| key.to_string()))
            .collect();
        keys.sort();
        keys
    }
}
