//! Development only: the mails the folder transport wrote under
//! `settings.mail.folder`, so links in them can be followed without a mail
//! server. Registered only in the development environment.

use std::path::{Path as FsPath, PathBuf};

use loco_rs::prelude::*;
use serde::Serialize;
use serde_json::json;

use crate::{controllers::support::web_session::Visitor, settings::Settings};

#[derive(Debug, Serialize)]
struct MailSummary {
    id: String,
    to: String,
    subject: String,
    date: String,
}

fn folder(ctx: &AppContext) -> Result<PathBuf> {
    Settings::get(ctx)?
        .mail
        .folder
        .clone()
        .ok_or(Error::NotFound)
}

/// A mail's `Date` header as the console writes moments
/// (`2026-11-29 06:57 UTC`, the same in every language); as it is when it
/// does not parse.
fn readable_date(header: &str) -> String {
    mailparse::dateparse(header)
        .ok()
        .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
        .map_or_else(
            || header.to_string(),
            |at| at.format("%Y-%m-%d %H:%M UTC").to_string(),
        )
}

fn parse(path: &FsPath) -> Option<(MailSummary, String)> {
    let raw = std::fs::read(path).ok()?;
    let mail = mailparse::parse_mail(&raw).ok()?;
    let header = |name: &str| {
        mail.headers
            .iter()
            .find(|h| h.get_key().eq_ignore_ascii_case(name))
            .map(mailparse::MailHeader::get_value)
            .unwrap_or_default()
    };
    let text = std::iter::once(&mail)
        .chain(mail.subparts.iter())
        .find(|part| part.ctype.mimetype == "text/plain")
        .and_then(|part| part.get_body().ok())
        .unwrap_or_default();
    let id = path.file_stem()?.to_str()?.to_string();
    Some((
        MailSummary {
            id,
            to: header("To"),
            subject: header("Subject"),
            date: readable_date(&header("Date")),
        },
        text,
    ))
}

#[debug_handler]
async fn list(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
) -> Result<Response> {
    let folder = folder(&ctx)?;
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(&folder)
        .map(|entries| {
            entries
                .filter_map(std::result::Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|ext| ext == "eml"))
                .filter_map(|path| Some((path.metadata().ok()?.modified().ok()?, path)))
                .collect()
        })
        .unwrap_or_default();
    files.sort_by_key(|(modified, _)| std::cmp::Reverse(*modified));
    let mails: Vec<MailSummary> = files
        .iter()
        .take(200)
        .filter_map(|(_, path)| parse(path).map(|(summary, _)| summary))
        .collect();
    format::view(
        &v,
        "dev/mailbox.html",
        json!({ "page": visitor.page(), "mails": mails, "folder": folder }),
    )
}

#[debug_handler]
async fn show(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    Path(id): Path<String>,
) -> Result<Response> {
    // Ids are the uuid file stems the folder transport writes; nothing else.
    if Uuid::parse_str(&id).is_err() {
        return Err(Error::NotFound);
    }
    let path = folder(&ctx)?.join(format!("{id}.eml"));
    let (summary, text) = parse(&path).ok_or(Error::NotFound)?;
    format::view(
        &v,
        "dev/mail.html",
        json!({ "page": visitor.page(), "mail": summary, "text": text }),
    )
}

pub fn routes() -> Routes {
    Routes::new()
        .prefix("/_dev/mail")
        .add("/", get(list))
        .add("/{id}", get(show))
}
