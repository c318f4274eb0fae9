//! Outgoing mail. A mail is queued as a [`Mail`]: which mail, and the ids of
//! the rows it is about. The worker that sends it reads those rows, mints
//! its link (if it has one) and renders the templates only then, so the
//! queue, which operators can read and which keeps a dead job, never holds
//! a link, a token or a mail's text; and a link in a mail delayed by an
//! SMTP outage is valid from when it was sent.
//!
//! A mail is written in its recipient's language ([`language`]: their
//! setting, else the instance's default): its templates word everything
//! with `t()` (`assets/i18n/<lang>/mail.ftl`) and write amounts and dates
//! with the `money` and `day` filters, reading the `lang` of their values.
//!
//! Delivery goes through [`crate::workers::mail_delivery`]: over SMTP (the
//! `mailer.smtp` config) or, in the self-hosted default, as `.eml` files in
//! `settings.mail.folder`.

pub mod auth;
pub mod billing;
pub mod budgets;
pub mod workspaces;

use loco_rs::{mailer, prelude::*};
use serde::{Deserialize, Serialize};

use crate::{
    i18n::Lang,
    models::ids::{UserId, WorkspaceId},
    workers::{queue, Job},
};

/// A mail to send, named by what it is about (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mail", rename_all = "snake_case")]
pub enum Mail {
    /// A fresh link confirming `address`, while it is still the one that
    /// awaits confirmation: a new account's, or the new address of an
    /// account moving to it (a mail queued for an address since replaced
    /// is not sent, and does not replace the newer mail's link).
    Confirmation { user_id: UserId, address: String },
    /// Sent instead of a confirmation when someone signs up with an
    /// address that has an account.
    AlreadyRegistered { user_id: UserId },
    /// A fresh password reset link.
    PasswordReset { user_id: UserId },
    /// A fresh link to an invitation still pending.
    Invitation {
        workspace_id: WorkspaceId,
        invitation_id: i64,
    },
    /// Tells a workspace's owner that Stripe could not take a payment.
    PaymentFailed {
        workspace_id: WorkspaceId,
        invoice_id: String,
    },
}

impl Mail {
    /// The confirmation link for the address `user` awaits confirming.
    #[must_use]
    pub fn confirmation(user: &crate::models::users::Model) -> Self {
        Self::Confirmation {
            user_id: user.id,
            address: user.address_to_confirm().to_string(),
        }
    }

    /// Queues the mail.
    ///
    /// # Errors
    /// When the queue cannot be written.
    pub async fn queue(self, ctx: &AppContext) -> Result<()> {
        queue::enqueue(ctx, Job::Mail { mail: self }).await
    }

    /// Reads what the mail is about, renders and sends it now (the mail
    /// job). A mail that no longer applies (the account was deleted or
    /// confirmed, the invitation used or revoked) is not sent.
    ///
    /// # Errors
    /// On database errors, or when the mail cannot be rendered or sent
    /// (the job is retried).
    pub async fn send(self, ctx: &AppContext) -> Result<()> {
        match self {
            Self::Confirmation { user_id, address } => {
                auth::AuthMailer::confirmation(ctx, user_id, &address).await
            }
            Self::AlreadyRegistered { user_id } => {
                auth::AuthMailer::already_registered(ctx, user_id).await
            }
            Self::PasswordReset { user_id } => auth::AuthMailer::password_reset(ctx, user_id).await,
            Self::Invitation {
                workspace_id,
                invitation_id,
            } => workspaces::WorkspaceMailer::invitation(ctx, workspace_id, invitation_id).await,
            Self::PaymentFailed {
                workspace_id,
                invoice_id,
            } => billing::BillingMailer::payment_failed(ctx, workspace_id, &invoice_id).await,
        }
    }
}

/// The mail whose templates (`subject.t`, `text.t`, `html.t`) are in `dir`,
/// rendered with `args`. The HTML part escapes every value: names of
/// people, workspaces, budgets and categories are typed by users, and a
/// mail from the instance's address must not carry their markup (Loco's
/// mail templates escape nothing).
///
/// # Errors
/// When a template is missing or fails.
pub fn render(dir: &Dir<'_>, args: mailer::Args) -> Result<mailer::Email> {
    let mut templates = tera::Tera::default();
    templates.autoescape_on(vec![HTML]);
    crate::initializers::view_engine::register_i18n(&mut templates);
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

/// The language a mail to someone is written in: their setting (a user's
/// `language`), else the instance's default. The templates read it from the
/// `lang` their values carry.
#[must_use]
pub fn language(settings: &crate::settings::Settings, setting: Option<&str>) -> Lang {
    setting
        .and_then(Lang::of_tag)
        .unwrap_or(settings.default_language)
}

/// The HTML part's template: the one rendered with escaping.
const HTML: &str = "html.t";

/// Renders the mail whose templates are in `dir` and delivers it now.
///
/// # Errors
/// When a template fails or the mail cannot be delivered.
pub async fn deliver(ctx: &AppContext, dir: &Dir<'_>, args: mailer::Args) -> Result<()> {
    let email = render(dir, args)?;
    crate::workers::mail_delivery::deliver(ctx, &email).await
}
