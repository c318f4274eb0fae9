//! The API holds to its own OpenAPI document, tried from outside as a
//! client's author would: a client generated from `/api/openapi.json` by a
//! well-known generator (openapi-python-client) drives a real flow, and
//! Schemathesis fuzzes every operation with every check. Both come from
//! PyPI into the virtualenv `scripts/ensure-test-tools.sh` makes.

use std::{path::PathBuf, process::Stdio, time::Duration};

use serde_json::Value;
use tokio::process::Command;

use super::workspaces_api::workspace_of;
use crate::support::{python, TestApp, PASSWORD};

/// The virtualenv's `bin/`, where its command-line tools are.
fn tools() -> PathBuf {
    PathBuf::from(python())
        .parent()
        .expect("the virtualenv's bin")
        .to_path_buf()
}

/// `PATH` with the virtualenv first (the generator calls `ruff`).
fn path_with_tools() -> String {
    format!(
        "{}:{}",
        tools().display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// Runs `command` for at most `limit`; its stdout, or a panic with both
/// outputs when it fails or overruns.
async fn run(mut command: Command, what: &str, limit: Duration) -> String {
    command
        .env("PATH", path_with_tools())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    let child = command
        .spawn()
        .unwrap_or_else(|e| panic!("start {what} (scripts/ensure-test-tools.sh installs it): {e}"));
    let output = tokio::time::timeout(limit, child.wait_with_output())
        .await
        .unwrap_or_else(|_| panic!("{what} ran longer than {limit:?}"))
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout).to_string();
    let stderr = String::from_utf8_lossy(&output.stderr).to_string();
    assert!(
        output.status.success(),
        "{what} failed:\n{stdout}\n{stderr}"
    );
    format!("{stdout}{stderr}")
}

/// A folder of the test's own, removed with the app.
fn scratch(app: &TestApp, name: &str) -> PathBuf {
    let dir = app.files.0.join(name);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

#[tokio::test]
async fn a_client_generated_from_the_document_signs_in_adds_expenses_and_pages_through_them() {
    let app = TestApp::start().await;
    app.api_user("Gen", "gen@example.com", PASSWORD).await;
    let server = app.on_loopback();
    let base = server.server_address().expect("an address").to_string();
    let base = base.trim_end_matches('/');

    let dir = scratch(&app, "client");
    let spec = dir.join("openapi.json");
    std::fs::write(&spec, app.server.get("/api/openapi.json").await.text()).expect("write");
    // The generator reads bodies as JSON, text or bytes; receipts' image
    // and PDF types are bytes to it (its documented `content_type_overrides`).
    let settings = dir.join("generator.yaml");
    std::fs::write(
        &settings,
        "content_type_overrides:\n  image/jpeg: application/octet-stream\n  image/png: application/octet-stream\n  \
         image/webp: application/octet-stream\n  image/heic: application/octet-stream\n  application/pdf: application/octet-stream\n",
    )
    .expect("write");
    let mut generate = Command::new(tools().join("openapi-python-client"));
    generate
        .arg("generate")
        .arg("--path")
        .arg(&spec)
        .arg("--config")
        .arg(&settings)
        .args(["--meta", "none", "--output-path"])
        .arg(dir.join("smartexpense_client"));
    let said = run(generate, "openapi-python-client", Duration::from_secs(180)).await;
    // A warning means part of the document could not become code.
    assert!(
        !said.contains("Warning") && !said.contains("Unable to"),
        "the generator could not use the whole document:\n{said}"
    );

    let mut flow = Command::new(python());
    flow.arg(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/support/api_client_flow.py"
    ))
    .arg(&dir)
    .arg(base)
    .args(["gen@example.com", PASSWORD]);
    let said = run(
        flow,
        "the generated client's flow",
        Duration::from_secs(180),
    )
    .await;
    let seen: Value = said
        .lines()
        .find_map(|line| serde_json::from_str(line).ok())
        .unwrap_or_else(|| panic!("no summary from the flow:\n{said}"));
    assert_eq!(seen["pages"], 3, "5 expenses, 2 a page: {seen}");
    assert_eq!(
        seen["amounts"],
        serde_json::json!(["0.99", "7.05", "40.00", "3.20", "12.50"]),
        "newest first, none twice, none missed"
    );
    assert_eq!(seen["refusal"]["error"], "validation_failed");

    // What the client made is there for everyone else too.
    let token = app.api_login("gen@example.com", PASSWORD).await;
    let ws = seen["workspace"].as_str().expect("workspace id");
    let list: Value = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/expenses"))
        .authorization_bearer(&token)
        .await
        .json();
    assert_eq!(list["count"], 5);
    assert_eq!(list["total"], "63.74");
}

/// Schemathesis' settings: `tests/support/schemathesis.toml`, with the
/// workspace every `{workspace_id}` stands for.
fn schemathesis_config(dir: &std::path::Path, workspace: &str) -> PathBuf {
    let shared = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/support/schemathesis.toml"
    ))
    .expect("tests/support/schemathesis.toml");
    let file = dir.join("schemathesis.toml");
    std::fs::write(
        &file,
        format!("{shared}\n[parameters]\n\"path.workspace_id\" = \"{workspace}\"\n"),
    )
    .expect("write the settings");
    file
}

#[tokio::test]
async fn schemathesis_finds_no_failure_of_any_check_on_any_operation() {
    let app = TestApp::start().await;
    let (token, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    // Something to read, change and delete besides what the run makes.
    let made = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/expenses"))
        .authorization_bearer(&token)
        .json(&serde_json::json!({ "amount": "12.50", "date": "2026-11-02", "description": "Bakery" }))
        .await;
    assert_eq!(made.status_code(), 201, "{}", made.text());
    let server = app.on_loopback();
    let base = server.server_address().expect("an address").to_string();

    let doc: Value = app.server.get("/api/openapi.json").await.json();
    let operations: usize = doc["paths"]
        .as_object()
        .expect("paths")
        .values()
        .map(|item| item.as_object().map_or(0, serde_json::Map::len))
        .sum();

    let dir = scratch(&app, "schemathesis");
    let mut fuzz = Command::new(tools().join("schemathesis"));
    fuzz.arg("--config-file")
        .arg(schemathesis_config(&dir, &ws))
        .arg("--no-color")
        .arg("run")
        .arg(format!("{}api/openapi.json", base))
        .args(["--checks", "all"])
        .args(["--header", &format!("Authorization: Bearer {token}")])
        .current_dir(&dir);
    // It exits non-zero on any failure or error of its own.
    let said = run(fuzz, "schemathesis", Duration::from_secs(900)).await;
    assert!(
        said.contains(&format!("Tested: {operations}")),
        "not every one of the {operations} operations was tried:\n{said}"
    );
}
