// The statics are named after their template folders, as Loco's mailers are.
#![allow(non_upper_case_globals)]

use loco_rs::prelude::*;
use serde_json::json;

use crate::{models::users, settings::Settings, views::urls};

static verify_email: Dir<'_> = include_dir!("src/mailers/auth/verify_email");
static reset_password: Dir<'_> = include_dir!("src/mailers/auth/reset_password");
static confirm_new_email: Dir<'_> = include_dir!("src/mailers/auth/confirm_new_email");
static already_registered: Dir<'_> = include_dir!("src/mailers/auth/already_registered");

pub struct AuthMailer {}

impl AuthMailer {
    async fn send(
        ctx: &AppContext,
        template: &Dir<'_>,
        to: &str,
        locals: serde_json::Value,
    ) -> Result<()> {
        let settings = Settings::get(ctx)?;
        super::send(
            ctx,
            template,
            mailer::Args {
                from: Some(settings.mail.from.clone()),
                to: to.to_string(),
                locals,
                ..Default::default()
            },
        )
        .await
    }

    /// The "confirm your address" mail sent after signup.
    ///
    /// # Errors
    /// When the mail cannot be queued.
    pub async fn send_verification(
        ctx: &AppContext,
        user: &users::Model,
        token: &str,
    ) -> Result<()> {
        let base = &Settings::get(ctx)?.base_url;
        Self::send(
            ctx,
            &verify_email,
            &user.email,
            json!({ "name": user.name, "link": format!("{base}/verify/{token}") }),
        )
        .await
    }

    /// Sent in place of a verification mail when someone signs up with an
    /// address that has an account: the signup answers the same either
    /// way, and only the address's owner learns that it is taken.
    ///
    /// # Errors
    /// When the mail cannot be queued.
    pub async fn send_already_registered(ctx: &AppContext, user: &users::Model) -> Result<()> {
        let base = &Settings::get(ctx)?.base_url;
        Self::send(
            ctx,
            &already_registered,
            &user.email,
            json!({
                "name": user.name,
                "login": format!("{base}{}", urls::login()),
                "forgot": format!("{base}{}", urls::forgot_password()),
            }),
        )
        .await
    }

    /// A fresh confirmation link for whichever address awaits one.
    ///
    /// # Errors
    /// When the mail cannot be queued.
    pub async fn send_confirmation(
        ctx: &AppContext,
        user: &users::Model,
        token: &str,
    ) -> Result<()> {
        match &user.pending_email {
            Some(new_email) => Self::send_email_change(ctx, user, new_email, token).await,
            None => Self::send_verification(ctx, user, token).await,
        }
    }

    /// The password reset link.
    ///
    /// # Errors
    /// When the mail cannot be queued.
    pub async fn send_password_reset(
        ctx: &AppContext,
        user: &users::Model,
        token: &str,
    ) -> Result<()> {
        let base = &Settings::get(ctx)?.base_url;
        Self::send(
            ctx,
            &reset_password,
            &user.email,
            json!({ "name": user.name, "link": format!("{base}/reset-password/{token}") }),
        )
        .await
    }

    /// The link that moves an account to a new address, sent to that address.
    ///
    /// # Errors
    /// When the mail cannot be queued.
    pub async fn send_email_change(
        ctx: &AppContext,
        user: &users::Model,
        new_email: &str,
        token: &str,
    ) -> Result<()> {
        let base = &Settings::get(ctx)?.base_url;
        Self::send(
            ctx,
            &confirm_new_email,
            new_email,
            json!({ "name": user.name, "new_email": new_email, "link": format!("{base}/verify/{token}") }),
        )
        .await
    }
}
