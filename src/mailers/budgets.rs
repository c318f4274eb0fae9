// The statics are named after their template folders, as Loco's mailers are.
#![allow(non_upper_case_globals)]

//! Budget mails. Unlike the other mailers these are sent at once by the job
//! that owns them (not queued as mail jobs), so the job knows the mail was
//! accepted before it records it as sent; each carries a fixed `Message-ID`.

use loco_rs::{mailer::EmailHeaders, prelude::*};
use serde_json::Value;

use crate::{models::users, settings::Settings, workers::mail_delivery};

static alert: Dir<'_> = include_dir!("src/mailers/budgets/alert");
static weekly_summary: Dir<'_> = include_dir!("src/mailers/budgets/weekly_summary");

pub struct BudgetMailer {}

/// The host part of our `Message-ID`s: the app's public host.
#[must_use]
pub fn message_host(settings: &Settings) -> String {
    url::Url::parse(&settings.base_url)
        .ok()
        .and_then(|u| u.host_str().map(String::from))
        .unwrap_or_else(|| "smartexpense.invalid".to_string())
}

impl BudgetMailer {
    async fn send(
        ctx: &AppContext,
        template: &Dir<'_>,
        user: &users::Model,
        message_id: String,
        mut locals: Value,
    ) -> Result<()> {
        let settings = Settings::get(ctx)?;
        locals["name"] = Value::from(user.name.clone());
        locals["lang"] = Value::from(super::language(&settings, user.language.as_deref()).code());
        let email = super::render(
            template,
            mailer::Args {
                from: Some(settings.mail.from.clone()),
                to: user.email.clone(),
                locals,
                headers: Some(EmailHeaders {
                    message_id: Some(message_id),
                    ..Default::default()
                }),
                ..Default::default()
            },
        )?;
        // Sent by the alert's own job, which records that it went out.
        mail_delivery::deliver(ctx, &email).await
    }

    /// A threshold alert. `locals`: workspace, budget (its name),
    /// threshold, spent and limit (plain decimals), currency, period,
    /// start (the period's first day), link, settings_link; the template
    /// words them in the recipient's language.
    ///
    /// # Errors
    /// When the mail cannot be rendered or sent.
    pub async fn send_alert(
        ctx: &AppContext,
        user: &users::Model,
        message_id: String,
        locals: Value,
    ) -> Result<()> {
        Self::send(ctx, &alert, user, message_id, locals).await
    }

    /// The weekly summary.
    ///
    /// # Errors
    /// When the mail cannot be rendered or sent.
    pub async fn send_weekly_summary(
        ctx: &AppContext,
        user: &users::Model,
        message_id: String,
        locals: Value,
    ) -> Result<()> {
        Self::send(ctx, &weekly_summary, user, message_id, locals).await
    }
}
