//! Outgoing mail. Mailers render Loco mail templates; delivery goes through
//! [`crate::workers::mail_delivery`], which either sends over SMTP (the
//! `mailer.smtp` config) or, in the self-hosted default, writes `.eml` files
//! to `settings.mail.folder`.

pub mod auth;
pub mod billing;
pub mod budgets;
pub mod workspaces;

use loco_rs::{mailer, prelude::*};

use crate::workers::{queue, Job};

/// Renders the mail whose templates (`subject.t`, `text.t`, `html.t`) are
/// in `dir` and queues it for delivery.
///
/// # Errors
/// When a template is missing or fails, or the queue cannot be written.
pub async fn send(ctx: &AppContext, dir: &Dir<'_>, args: mailer::Args) -> Result<()> {
    let email = render(dir, args)?;
    queue::enqueue(
        ctx,
        Job::DeliverMail {
            email: Box::new(email),
        },
    )
    .await
}

/// The mail whose templates are in `dir`, rendered with `args`. The HTML
/// part escapes every value: names of people, workspaces, budgets and
/// categories are typed by users, and a mail from the instance's address
/// must not carry their markup (Loco's mail templates escape nothing).
///
/// # Errors
/// When a template is missing or fails.
pub fn render(dir: &Dir<'_>, args: mailer::Args) -> Result<mailer::Email> {
    let mut templates = tera::Tera::default();
    templates.autoescape_on(vec![HTML]);
    for file in dir.files() {
        let name = file.path().file_name().and_then(|n| n.to_str());
        if let (Some(name), Some(text)) = (name, file.contents_utf8()) {
            templates
                .add_raw_template(name, text)
                .map_err(|err| Error::string(&format!("mail template {name}: {err}")))?;
        }
    }
    let context = tera::Context::from_serialize(&args.locals)
        .map_err(|err| Error::string(&format!("mail values: {err}")))?;
    let render = |name: &str| {
        templates
            .render(name, &context)
            .map_err(|err| Error::string(&format!("mail template {name}: {err}")))
    };
    Ok(mailer::Email {
        from: args.from,
        to: args.to,
        reply_to: args.reply_to,
        subject: render("subject.t")?.trim().to_string(),
        text: render("text.t")?,
        html: render(HTML)?,
        bcc: args.bcc,
        cc: args.cc,
        headers: args.headers,
    })
}

/// The HTML part's template: the one rendered with escaping.
const HTML: &str = "html.t";
