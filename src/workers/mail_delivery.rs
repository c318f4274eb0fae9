//! Delivers a rendered mail (for the mail jobs): over SMTP through Loco's mailer, or as an `.eml`
//! file in `settings.mail.folder` (the self-hosted default, which needs no
//! mail server; the development mailbox page lists those files).

use std::{path::Path, time::Duration};

use lettre::{
    message::{header, MultiPart},
    AsyncFileTransport, AsyncTransport, Message, Tokio1Executor,
};
use loco_rs::{mailer::Email, prelude::*};

use crate::settings::Settings;

/// Sends the mail now: to `settings.mail.folder` when set, else over SMTP;
/// within `settings.mail.send_timeout_secs` (a server that accepts the
/// connection and then stalls must not hold the job).
///
/// # Errors
/// When the mail cannot be written, the SMTP server refuses it, or either
/// takes longer than the time limit.
pub async fn deliver(ctx: &AppContext, email: &Email) -> Result<()> {
    let settings = Settings::get(ctx)?;
    let limit = Duration::from_secs(settings.mail.send_timeout_secs.max(1));
    let sent = async {
        if let Some(folder) = &settings.mail.folder {
            return write_to_folder(folder, email).await;
        }
        let smtp = ctx.mailer.as_ref().ok_or_else(|| {
            Error::string("no mail transport: set settings.mail.folder or mailer.smtp")
        })?;
        smtp.mail(email).await
    };
    tokio::time::timeout(limit, sent).await.map_err(|_| {
        Error::string(&format!(
            "mail not delivered within {} s (mail.send_timeout_secs)",
            limit.as_secs()
        ))
    })?
}

async fn write_to_folder(folder: &Path, email: &Email) -> Result<()> {
    tokio::fs::create_dir_all(folder).await?;
    let message = to_message(email)?;
    AsyncFileTransport::<Tokio1Executor>::new(folder)
        .send(message)
        .await
        .map_err(|err| Error::string(&format!("could not write mail to {folder:?}: {err}")))?;
    Ok(())
}

fn address(value: &str) -> Result<lettre::message::Mailbox> {
    value
        .parse()
        .map_err(|err| Error::string(&format!("bad mail address {value:?}: {err}")))
}

/// The same message Loco's SMTP sender builds.
fn to_message(email: &Email) -> Result<Message> {
    let from = email
        .from
        .as_deref()
        .unwrap_or(loco_rs::mailer::DEFAULT_FROM_SENDER);
    let mut builder = Message::builder()
        .from(address(from)?)
        .to(address(&email.to)?)
        .subject(email.subject.clone());
    if let Some(reply_to) = &email.reply_to {
        builder = builder.reply_to(address(reply_to)?);
    }
    if let Some(message_id) = email.headers.as_ref().and_then(|h| h.message_id.clone()) {
        builder = builder.header(header::MessageId::from(message_id));
    }
    builder
        .multipart(MultiPart::alternative_plain_html(
            email.text.clone(),
            email.html.clone(),
        ))
        .map_err(|err| Error::string(&format!("could not build mail: {err}")))
}
