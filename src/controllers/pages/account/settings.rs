//! The account settings page (`/account`) and its forms: password, email
//! address, confirmation mail, deleting the account.

use axum::http::{header, StatusCode};
use loco_rs::prelude::*;
use serde::Deserialize;

use super::recovery::PasswordForm;
use crate::{
    controllers::{
        pages::render,
        support::{
            render::redirect_with,
            throttle::{AuthThrottle, PasswordAttempt, Resend},
            web_session::{self, SignedIn, Visitor},
        },
    },
    i18n::Lang,
    mailers::Mail,
    models::{
        api_tokens,
        sessions::{self, PersonalTokens},
        validation::FieldErrors,
    },
    views::{
        auth::{AccountPage, NewToken, UserResponse},
        page::{FormValues, SessionRow},
        tokens::TokenResponse,
        urls,
    },
    workers::{queue, Job},
};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ChangePasswordForm {
    pub current_password: String,
    pub new_password: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ChangeLanguageForm {
    /// A language code, or empty for the browser's.
    pub language: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ChangeEmailForm {
    pub current_password: String,
    pub new_email: String,
}

/// The settings page's context with its forms blank.
pub(super) async fn context(ctx: &AppContext, me: &SignedIn) -> Result<AccountPage> {
    let sessions = sessions::Model::list_for_user(&ctx.db, me.user.id)
        .await?
        .iter()
        .map(|s| SessionRow::new(s, me.session.id))
        .collect();
    let tokens = api_tokens::Model::list_for_user(&ctx.db, me.user.id).await?;
    Ok(AccountPage {
        account: UserResponse::from(&me.user),
        sessions,
        tokens: tokens.iter().map(TokenResponse::from).collect(),
        token_form: FormValues::New(NewToken {
            expires_in_days: "90",
        }),
        errors: None,
        issued_token: None,
        language: me.user.language.clone().unwrap_or_default(),
        languages: Lang::ALL.iter().map(|l| (l.code(), l.name())).collect(),
    })
}

pub(super) fn show_page(
    v: &TeraView,
    visitor: &Visitor,
    status: StatusCode,
    page: &AccountPage,
) -> Result<Response> {
    render(v, visitor, status, "account/settings.html", page)
}

#[debug_handler]
pub(super) async fn show(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    me: SignedIn,
) -> Result<Response> {
    show_page(&v, &visitor, StatusCode::OK, &context(&ctx, &me).await?)
}

/// Re-renders the settings page with the errors of one of its forms.
async fn settings_errors(
    ctx: &AppContext,
    v: &TeraView,
    visitor: &Visitor,
    me: &SignedIn,
    form: &'static str,
    err: Error,
) -> Result<Response> {
    match FieldErrors::from_error(&err) {
        Some(errors) => {
            let mut page = context(ctx, me).await?;
            page.errors = Some([(form, errors)].into());
            show_page(v, visitor, StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        None => Err(err),
    }
}

/// Spends one attempt of the account's login budget for a form that asks
/// for the password again; `Err` is the page refusing the form (429 with
/// `Retry-After`, the message at the password field).
async fn password_attempt(
    ctx: &AppContext,
    v: &TeraView,
    visitor: &Visitor,
    me: &SignedIn,
    form: &'static str,
    field: &str,
) -> Result<std::result::Result<PasswordAttempt, Response>> {
    let throttled = match AuthThrottle::password_attempt(ctx, &me.user.email).await? {
        Ok(attempt) => return Ok(Ok(attempt)),
        Err(throttled) => throttled,
    };
    let mut page = context(ctx, me).await?;
    let errors = FieldErrors::one(field, throttled.password_field_error(visitor.lang));
    page.errors = Some([(form, errors.to_json())].into());
    let mut response = show_page(v, visitor, StatusCode::TOO_MANY_REQUESTS, &page)?;
    if let Ok(value) = throttled.status_and_header().1.parse() {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    Ok(Err(response))
}

/// Changes the password and ends every other session.
#[debug_handler]
pub(super) async fn change_password(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    me: SignedIn,
    Form(params): Form<ChangePasswordForm>,
) -> Result<Response> {
    let attempt =
        match password_attempt(&ctx, &v, &visitor, &me, "password", "current_password").await? {
            Ok(attempt) => attempt,
            Err(refused) => return Ok(refused),
        };
    let changed = me
        .user
        .clone()
        .into_active_model()
        .change_password(&ctx.db, &params.current_password, &params.new_password)
        .await;
    let user = match changed {
        Ok(user) => user,
        Err(err) => return settings_errors(&ctx, &v, &visitor, &me, "password", err).await,
    };
    attempt.succeeded(&ctx).await?;
    sessions::Model::end_access(&ctx.db, user.id, Some(me.session.id), PersonalTokens::Keep)
        .await?;
    redirect_with(
        &urls::account(),
        "notice",
        &visitor.lang.text("account-password-changed"),
        &ctx,
        &[],
    )
}

#[debug_handler]
pub(super) async fn change_email(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    me: SignedIn,
    Form(params): Form<ChangeEmailForm>,
) -> Result<Response> {
    let attempt =
        match password_attempt(&ctx, &v, &visitor, &me, "email", "current_password").await? {
            Ok(attempt) => attempt,
            Err(refused) => return Ok(refused),
        };
    let requested = me
        .user
        .clone()
        .into_active_model()
        .request_email_change(&ctx.db, &params.current_password, &params.new_email)
        .await;
    let user = match requested {
        Ok(requested) => requested,
        Err(err) => return settings_errors(&ctx, &v, &visitor, &me, "email", err).await,
    };
    attempt.succeeded(&ctx).await?;
    let new_email = user.pending_email.clone().unwrap_or_default();
    Mail::confirmation(&user).queue(&ctx).await?;
    redirect_with(
        &urls::account(),
        "notice",
        &visitor.lang.text_with(
            "account-email-link-sent",
            &[("email", new_email.clone().into())],
        ),
        &ctx,
        &[],
    )
}

#[debug_handler]
pub(super) async fn change_language(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    me: SignedIn,
    Form(params): Form<ChangeLanguageForm>,
) -> Result<Response> {
    let changed = me
        .user
        .clone()
        .into_active_model()
        .set_language(&ctx.db, &params.language)
        .await;
    let user = match changed {
        Ok(user) => user,
        Err(err) => return settings_errors(&ctx, &v, &visitor, &me, "language", err).await,
    };
    // The next page is already in the new language; so is this message.
    let lang = Lang::pick(user.language.as_deref(), None, visitor.lang);
    redirect_with(
        &urls::account(),
        "notice",
        &lang.text("language-saved"),
        &ctx,
        &[],
    )
}

#[debug_handler]
pub(super) async fn resend_verification(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    me: SignedIn,
) -> Result<Response> {
    if !me.user.awaits_confirmation() {
        return redirect_with(
            &urls::account(),
            "notice",
            &visitor.lang.text("account-already-confirmed"),
            &ctx,
            &[],
        );
    }
    if let Err(throttled) =
        AuthThrottle::resend(&ctx, &ctx.db, Resend::Verification(&me.user)).await?
    {
        let message = throttled.message_in(visitor.lang);
        return redirect_with(&urls::account(), "alert", &message, &ctx, &[]);
    }
    let to = me.user.address_to_confirm().to_string();
    Mail::confirmation(&me.user).queue(&ctx).await?;
    redirect_with(
        &urls::account(),
        "notice",
        &visitor
            .lang
            .text_with("account-confirmation-sent", &[("email", to.clone().into())]),
        &ctx,
        &[],
    )
}

#[debug_handler]
pub(super) async fn delete_account(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    me: SignedIn,
    Form(params): Form<PasswordForm>,
) -> Result<Response> {
    let attempt = match password_attempt(&ctx, &v, &visitor, &me, "delete", "password").await? {
        Ok(attempt) => attempt,
        Err(refused) => return Ok(refused),
    };
    let deleted = me
        .user
        .clone()
        .into_active_model()
        .delete_account(&ctx.db, &params.password)
        .await;
    let workspaces = match deleted {
        Ok(workspaces) => workspaces,
        Err(err) => return settings_errors(&ctx, &v, &visitor, &me, "delete", err).await,
    };
    attempt.succeeded(&ctx).await?;
    for workspace_pid in workspaces {
        queue::enqueue(&ctx, Job::PurgeWorkspace { workspace_pid }).await?;
    }
    redirect_with(
        &urls::home(),
        "notice",
        &visitor.lang.text("account-deleted"),
        &ctx,
        &[web_session::session_removal()],
    )
}
