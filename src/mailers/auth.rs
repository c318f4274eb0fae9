// The statics are named after their template folders, as Loco's mailers are.
#![allow(non_upper_case_globals)]

//! Account mails. Each mints its link when it is sent (see [`super::Mail`]).

use loco_rs::prelude::*;
use serde_json::json;

use crate::{
    models::{ids::UserId, users},
    settings::Settings,
    views::urls,
};

static verify_email: Dir<'_> = include_dir!("src/mailers/auth/verify_email");
static reset_password: Dir<'_> = include_dir!("src/mailers/auth/reset_password");
static confirm_new_email: Dir<'_> = include_dir!("src/mailers/auth/confirm_new_email");
static already_registered: Dir<'_> = include_dir!("src/mailers/auth/already_registered");

pub struct AuthMailer {}

impl AuthMailer {
    async fn deliver(
        ctx: &AppContext,
        template: &Dir<'_>,
        to: &str,
        user: &users::Model,
        mut locals: serde_json::Value,
    ) -> Result<()> {
        let settings = Settings::get(ctx)?;
        locals["lang"] = super::language(&settings, user.language.as_deref())
            .code()
            .into();
        super::deliver(
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

    async fn account(ctx: &AppContext, user_id: UserId) -> Result<Option<users::Model>> {
        Ok(users::Entity::find_by_id(user_id).one(&ctx.db).await?)
    }

    /// A fresh link confirming `address`: the account's own after signup,
    /// or the new one during a change of address (sent there). Nothing
    /// when it no longer awaits confirmation, or another address has
    /// taken its place.
    ///
    /// # Errors
    /// On database errors, or when the mail cannot be sent.
    pub async fn confirmation(ctx: &AppContext, user_id: UserId, address: &str) -> Result<()> {
        let Some(user) = Self::account(ctx, user_id).await? else {
            return Ok(());
        };
        if !user.awaits_confirmation() || user.address_to_confirm() != address {
            return Ok(());
        }
        let base = &Settings::get(ctx)?.base_url;
        let (user, token) = user.into_active_model().renew_verification(&ctx.db).await?;
        let link = format!("{base}/verify/{token}");
        match &user.pending_email {
            Some(new_email) => {
                Self::deliver(
                    ctx,
                    &confirm_new_email,
                    new_email,
                    &user,
                    json!({ "name": user.name, "new_email": new_email, "link": link }),
                )
                .await
            }
            None => {
                Self::deliver(
                    ctx,
                    &verify_email,
                    &user.email,
                    &user,
                    json!({ "name": user.name, "link": link }),
                )
                .await
            }
        }
    }

    /// Sent in place of a confirmation when someone signs up with an
    /// address that has an account: the signup answers the same either
    /// way, and only the address's owner learns that it is taken.
    ///
    /// # Errors
    /// On database errors, or when the mail cannot be sent.
    pub async fn already_registered(ctx: &AppContext, user_id: UserId) -> Result<()> {
        let Some(user) = Self::account(ctx, user_id).await? else {
            return Ok(());
        };
        let base = &Settings::get(ctx)?.base_url;
        Self::deliver(
            ctx,
            &already_registered,
            &user.email,
            &user,
            json!({
                "name": user.name,
                "login": format!("{base}{}", urls::login()),
                "forgot": format!("{base}{}", urls::forgot_password()),
            }),
        )
        .await
    }

    /// A fresh password reset link (an earlier one stops working).
    ///
    /// # Errors
    /// On database errors, or when the mail cannot be sent.
    pub async fn password_reset(ctx: &AppContext, user_id: UserId) -> Result<()> {
        let Some(user) = Self::account(ctx, user_id).await? else {
            return Ok(());
        };
        let base = &Settings::get(ctx)?.base_url;
        let (user, token) = user
            .into_active_model()
            .start_password_reset(&ctx.db)
            .await?;
        Self::deliver(
            ctx,
            &reset_password,
            &user.email,
            &user,
            json!({ "name": user.name, "link": format!("{base}/reset-password/{token}") }),
        )
        .await
    }
}
