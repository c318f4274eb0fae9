//! A workspace's archive as a download, from the settings page and the API.

use axum::http::header;
use loco_rs::prelude::*;

use crate::models::{_entities::workspaces, archives::Archive};

/// `archive` as a JSON file named after the workspace's today.
///
/// # Errors
/// When the archive cannot be written as JSON.
pub fn download(archive: &Archive, workspace: &workspaces::Model) -> Result<Response> {
    let body = serde_json::to_vec_pretty(archive)?;
    let file = format!(
        "attachment; filename=\"smartexpense-{}.json\"",
        workspace.today()
    );
    format::render()
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CONTENT_DISPOSITION, file.as_str())
        .response()
        .body(axum::body::Body::from(body))
        .map_err(|err| Error::string(&err.to_string()))
}
