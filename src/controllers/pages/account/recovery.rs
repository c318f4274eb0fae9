//! Confirming an email address, and resetting a forgotten password.

use axum::http::StatusCode;
use loco_rs::prelude::*;
use serde::Deserialize;

use crate::{
    controllers::{
        pages::render,
        support::{
            render::{form_errors, redirect_with, throttled_page},
            throttle::AuthThrottle,
            web_session::{self, Visitor},
        },
    },
    mailers::Mail,
    models::{
        secrets,
        sessions::{self, PersonalTokens},
        users,
        validation::FieldErrors,
    },
    views::{
        auth::{ForgotPage, ResetPage, SentEmail, VerifiedPage},
        page::{FormValues, NoData},
        urls,
    },
};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EmailForm {
    pub email: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct PasswordForm {
    pub password: String,
}

fn verified(
    v: &TeraView,
    visitor: &Visitor,
    status: StatusCode,
    page: &VerifiedPage,
) -> Result<Response> {
    render(v, visitor, status, "auth/verified.html", page)
}

#[debug_handler]
pub(super) async fn verify(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    ip: RemoteIP,
    Path(token): Path<String>,
) -> Result<Response> {
    let account = format!("verify:{}", secrets::digest(&token));
    if let Err(throttled) = AuthThrottle::check(&ctx, &ip, &account).await? {
        let form = serde_json::to_value(NoData {})?;
        return throttled_page(&v, &visitor, "auth/verified.html", form, &throttled);
    }
    let Ok(user) = users::Model::find_by_verification_token(&ctx.db, &token).await else {
        let page = VerifiedPage {
            email: None,
            alert: Some(visitor.lang.text("auth-verify-invalid")),
        };
        return verified(&v, &visitor, StatusCode::NOT_FOUND, &page);
    };
    match user.into_active_model().confirm_email(&ctx.db).await {
        Ok(user) => {
            let page = VerifiedPage {
                email: Some(user.email),
                alert: None,
            };
            verified(&v, &visitor, StatusCode::OK, &page)
        }
        Err(err) => match FieldErrors::from_error(&err) {
            Some(_) => {
                let page = VerifiedPage {
                    email: None,
                    alert: Some(visitor.lang.text("auth-verify-taken")),
                };
                verified(&v, &visitor, StatusCode::CONFLICT, &page)
            }
            None => Err(err),
        },
    }
}

#[debug_handler]
pub(super) async fn forgot_form(
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
) -> Result<Response> {
    let context = ForgotPage {
        form: FormValues::New(NoData {}),
        sent_to: None,
    };
    render(&v, &visitor, StatusCode::OK, "auth/forgot.html", &context)
}

/// Answers the same whether or not the address has an account.
#[debug_handler]
pub(super) async fn forgot(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    ip: RemoteIP,
    Form(params): Form<EmailForm>,
) -> Result<Response> {
    let sent = || SentEmail {
        email: params.email.clone(),
    };
    let account = format!("reset:{}", users::normalize_email(&params.email));
    if let Err(throttled) = AuthThrottle::check(&ctx, &ip, &account).await? {
        let form = serde_json::to_value(sent())?;
        return throttled_page(&v, &visitor, "auth/forgot.html", form, &throttled);
    }
    let mut errors = FieldErrors::new();
    if users::normalize_email(&params.email).is_empty() {
        errors.add("email", "can't be blank");
    }
    if let Err(err) = errors.into_result() {
        let context = ForgotPage {
            form: FormValues::Sent(sent()),
            sent_to: None,
        };
        let data = serde_json::to_value(&context)?;
        return form_errors(&v, &visitor, "auth/forgot.html", data, err);
    }
    if let Ok(user) = users::Model::find_by_email(&ctx.db, &params.email).await {
        Mail::PasswordReset { user_id: user.id }.queue(&ctx).await?;
    }
    let context = ForgotPage {
        form: FormValues::New(NoData {}),
        sent_to: Some(users::normalize_email(&params.email)),
    };
    render(&v, &visitor, StatusCode::OK, "auth/forgot.html", &context)
}

#[debug_handler]
pub(super) async fn reset_form(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    Path(token): Path<String>,
) -> Result<Response> {
    let valid = users::Model::find_by_reset_token(&ctx.db, &token)
        .await
        .is_ok();
    let status = if valid {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    let context = ResetPage {
        token,
        invalid: Some(!valid),
    };
    render(&v, &visitor, status, "auth/reset.html", &context)
}

#[debug_handler]
pub(super) async fn reset(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    ip: RemoteIP,
    Path(token): Path<String>,
    Form(params): Form<PasswordForm>,
) -> Result<Response> {
    let account = format!("reset-token:{}", secrets::digest(&token));
    if let Err(throttled) = AuthThrottle::check(&ctx, &ip, &account).await? {
        // `throttled_page` nests this under `form`; the template reads the
        // token there too.
        let form = serde_json::to_value(ResetPage {
            token,
            invalid: None,
        })?;
        return throttled_page(&v, &visitor, "auth/reset.html", form, &throttled);
    }
    let Ok(user) = users::Model::find_by_reset_token(&ctx.db, &token).await else {
        let context = ResetPage {
            token,
            invalid: Some(true),
        };
        return render(
            &v,
            &visitor,
            StatusCode::NOT_FOUND,
            "auth/reset.html",
            &context,
        );
    };
    let user = match user
        .into_active_model()
        .finish_password_reset(&ctx.db, &params.password)
        .await
    {
        Ok(user) => user,
        Err(err) => {
            let data = serde_json::to_value(ResetPage {
                token,
                invalid: None,
            })?;
            return form_errors(&v, &visitor, "auth/reset.html", data, err);
        }
    };
    // Whoever knew the old password is out.
    sessions::Model::end_access(&ctx.db, user.id, None, PersonalTokens::Revoke).await?;
    redirect_with(
        &urls::login(),
        "notice",
        &visitor.lang.text("auth-reset-done"),
        &ctx,
        &[web_session::session_removal()],
    )
}
