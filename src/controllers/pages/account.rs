//! Account pages: signup, login, logout, email verification, password
//! reset, and the account settings page (password, email, sessions, delete).

use axum::http::{header, StatusCode};
use loco_rs::prelude::*;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::{
    controllers::support::{
        access::LOCKED,
        render::{form_errors, merged, page, redirect_with, throttled_page},
        throttle::AuthThrottle,
        web_session::{self, SignedIn, Visitor},
    },
    mailers::auth::AuthMailer,
    models::{
        api_tokens::{self, TokenParams},
        secrets,
        sessions::{self, Origin},
        users::{self, LoginParams, RegisterParams},
        validation::FieldErrors,
    },
    settings::Settings,
    views::{page::SessionRow, tokens::TokenResponse},
    workers::{queue, Job},
};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginForm {
    pub email: String,
    pub password: String,
    /// Where to go after login (only paths on this site are followed).
    pub next: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NextQuery {
    pub next: String,
    /// Prefills the address (links from invitations carry it).
    pub email: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SignupForm {
    pub name: String,
    pub email: String,
    pub password: String,
    pub next: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EmailForm {
    pub email: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PasswordForm {
    pub password: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ChangePasswordForm {
    pub current_password: String,
    pub new_password: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ChangeEmailForm {
    pub current_password: String,
    pub new_email: String,
}

/// Only local paths are followed after login, never another site.
fn safe_next(next: &str) -> &str {
    if next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') {
        next
    } else {
        "/"
    }
}

fn origin(headers: &axum::http::HeaderMap, ip: &RemoteIP) -> Origin {
    Origin {
        ip: match ip {
            RemoteIP::Forwarded(ip) | RemoteIP::Socket(ip) => Some(ip.to_string()),
            RemoteIP::None => None,
        },
        user_agent: headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(String::from),
    }
}

/// Opens a fresh session (a new id at every login) and sends the browser on.
async fn sign_in(
    ctx: &AppContext,
    visitor: &Visitor,
    user: &users::Model,
    origin: &Origin,
    to: &str,
) -> Result<Response> {
    let settings = Settings::get(ctx)?;
    if let Some(previous) = &visitor.signed_in {
        previous.session.clone().end(&ctx.db).await?;
    }
    let (_, token) = sessions::Model::start(&ctx.db, user, origin, &settings.sessions).await?;
    format::render()
        .cookies(&[web_session::session_cookie(token, &settings)])?
        .redirect(to)
}

#[debug_handler]
async fn signup_form(
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    Query(query): Query<NextQuery>,
) -> Result<Response> {
    page(
        &v,
        &visitor,
        StatusCode::OK,
        "auth/signup.html",
        json!({ "form": { "email": query.email, "next": safe_next(&query.next) } }),
    )
}

#[debug_handler]
async fn signup(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    ip: RemoteIP,
    headers: axum::http::HeaderMap,
    Form(form): Form<SignupForm>,
) -> Result<Response> {
    let next = safe_next(&form.next).to_string();
    let params = RegisterParams {
        name: form.name,
        email: form.email,
        password: form.password,
    };
    let form = json!({ "name": params.name, "email": params.email, "next": next });
    let account = format!("register:{}", users::normalize_email(&params.email));
    if let Err(throttled) = AuthThrottle::get(&ctx)?.check(&ip, &account) {
        return throttled_page(&v, &visitor, "auth/signup.html", form, &throttled);
    }
    let (user, token) = match users::Model::register(&ctx.db, &params).await {
        Ok(created) => created,
        Err(err) => {
            return form_errors(
                &v,
                &visitor,
                "auth/signup.html",
                json!({ "form": form }),
                err,
            )
        }
    };
    AuthMailer::send_verification(&ctx, &user, &token).await?;
    let settings = Settings::get(&ctx)?;
    if settings.require_verified_email {
        return redirect_with(
            "/login",
            "notice",
            &format!(
                "Almost there: we sent a confirmation link to {}.",
                user.email
            ),
            &ctx,
            &[],
        );
    }
    sign_in(&ctx, &visitor, &user, &origin(&headers, &ip), &next).await
}

#[debug_handler]
async fn login_form(
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    Query(query): Query<NextQuery>,
) -> Result<Response> {
    page(
        &v,
        &visitor,
        StatusCode::OK,
        "auth/login.html",
        json!({ "form": { "next": safe_next(&query.next) } }),
    )
}

#[debug_handler]
async fn login(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    ip: RemoteIP,
    headers: axum::http::HeaderMap,
    Form(params): Form<LoginForm>,
) -> Result<Response> {
    let form = json!({ "email": params.email, "next": safe_next(&params.next) });
    let account = format!("login:{}", users::normalize_email(&params.email));
    if let Err(throttled) = AuthThrottle::get(&ctx)?.check(&ip, &account) {
        return throttled_page(&v, &visitor, "auth/login.html", form, &throttled);
    }
    let credentials = LoginParams {
        email: params.email.clone(),
        password: params.password.clone(),
    };
    let Some(user) =
        users::Model::authenticate(&ctx.db, &credentials.email, &credentials.password).await?
    else {
        return page(
            &v,
            &visitor,
            StatusCode::UNAUTHORIZED,
            "auth/login.html",
            json!({ "form": form, "alert": "Email or password is incorrect." }),
        );
    };
    if user.is_locked() {
        return page(
            &v,
            &visitor,
            StatusCode::FORBIDDEN,
            "auth/login.html",
            json!({ "form": form, "alert": LOCKED }),
        );
    }
    if Settings::get(&ctx)?.require_verified_email && !user.is_verified() {
        return page(
            &v,
            &visitor,
            StatusCode::FORBIDDEN,
            "auth/login.html",
            json!({ "form": form, "alert": "Confirm your email address first: open the link we mailed you, or reset your password to get a new one." }),
        );
    }
    sign_in(
        &ctx,
        &visitor,
        &user,
        &origin(&headers, &ip),
        safe_next(&params.next),
    )
    .await
}

#[debug_handler]
async fn logout(State(ctx): State<AppContext>, visitor: Visitor) -> Result<Response> {
    if let Some(signed_in) = visitor.signed_in {
        signed_in.session.end(&ctx.db).await?;
    }
    redirect_with(
        "/login",
        "notice",
        "You are logged out.",
        &ctx,
        &[web_session::session_removal()],
    )
}

/// Ends every session of the account, this one included.
#[debug_handler]
async fn logout_everywhere(State(ctx): State<AppContext>, me: SignedIn) -> Result<Response> {
    let ended = sessions::Model::end_all_for_user(&ctx.db, me.user.id, None).await?;
    redirect_with(
        "/login",
        "notice",
        &format!("Logged out of {ended} session(s) on all devices."),
        &ctx,
        &[web_session::session_removal()],
    )
}

#[debug_handler]
async fn verify(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    ip: RemoteIP,
    Path(token): Path<String>,
) -> Result<Response> {
    let account = format!("verify:{}", secrets::digest(&token));
    if let Err(throttled) = AuthThrottle::get(&ctx)?.check(&ip, &account) {
        return throttled_page(&v, &visitor, "auth/verified.html", json!({}), &throttled);
    }
    let Ok(user) = users::Model::find_by_verification_token(&ctx.db, &token).await else {
        return page(
            &v,
            &visitor,
            StatusCode::NOT_FOUND,
            "auth/verified.html",
            json!({ "alert": "This confirmation link is invalid, expired or already used. Log in and ask for a new one from your account page." }),
        );
    };
    match user.into_active_model().confirm_email(&ctx.db).await {
        Ok(user) => page(
            &v,
            &visitor,
            StatusCode::OK,
            "auth/verified.html",
            json!({ "email": user.email }),
        ),
        Err(err) => match FieldErrors::from_error(&err) {
            Some(_) => page(
                &v,
                &visitor,
                StatusCode::CONFLICT,
                "auth/verified.html",
                json!({ "alert": "That address now belongs to another account, so it cannot be used." }),
            ),
            None => Err(err),
        },
    }
}

#[debug_handler]
async fn forgot_form(ViewEngine(v): ViewEngine<TeraView>, visitor: Visitor) -> Result<Response> {
    page(
        &v,
        &visitor,
        StatusCode::OK,
        "auth/forgot.html",
        json!({ "form": {} }),
    )
}

/// Answers the same whether or not the address has an account.
#[debug_handler]
async fn forgot(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    ip: RemoteIP,
    Form(params): Form<EmailForm>,
) -> Result<Response> {
    let form = json!({ "email": params.email });
    let account = format!("reset:{}", users::normalize_email(&params.email));
    if let Err(throttled) = AuthThrottle::get(&ctx)?.check(&ip, &account) {
        return throttled_page(&v, &visitor, "auth/forgot.html", form, &throttled);
    }
    let mut errors = FieldErrors::new();
    if users::normalize_email(&params.email).is_empty() {
        errors.add("email", "can't be blank");
    }
    if let Err(err) = errors.into_result() {
        return form_errors(
            &v,
            &visitor,
            "auth/forgot.html",
            json!({ "form": form }),
            err,
        );
    }
    if let Ok(user) = users::Model::find_by_email(&ctx.db, &params.email).await {
        let (user, token) = user
            .into_active_model()
            .start_password_reset(&ctx.db)
            .await?;
        AuthMailer::send_password_reset(&ctx, &user, &token).await?;
    }
    page(
        &v,
        &visitor,
        StatusCode::OK,
        "auth/forgot.html",
        json!({ "form": {}, "sent_to": users::normalize_email(&params.email) }),
    )
}

#[debug_handler]
async fn reset_form(
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
    page(
        &v,
        &visitor,
        status,
        "auth/reset.html",
        json!({ "token": token, "invalid": !valid }),
    )
}

#[debug_handler]
async fn reset(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    ip: RemoteIP,
    Path(token): Path<String>,
    Form(params): Form<PasswordForm>,
) -> Result<Response> {
    let account = format!("reset-token:{}", secrets::digest(&token));
    if let Err(throttled) = AuthThrottle::get(&ctx)?.check(&ip, &account) {
        return throttled_page(
            &v,
            &visitor,
            "auth/reset.html",
            json!({ "token": token }),
            &throttled,
        );
    }
    let Ok(user) = users::Model::find_by_reset_token(&ctx.db, &token).await else {
        return page(
            &v,
            &visitor,
            StatusCode::NOT_FOUND,
            "auth/reset.html",
            json!({ "token": token, "invalid": true }),
        );
    };
    let user = match user
        .into_active_model()
        .finish_password_reset(&ctx.db, &params.password)
        .await
    {
        Ok(user) => user,
        Err(err) => {
            return form_errors(
                &v,
                &visitor,
                "auth/reset.html",
                json!({ "token": token }),
                err,
            )
        }
    };
    // Whoever knew the old password is out.
    sessions::Model::end_all_for_user(&ctx.db, user.id, None).await?;
    redirect_with(
        "/login",
        "notice",
        "Your password is changed. Log in with the new one.",
        &ctx,
        &[web_session::session_removal()],
    )
}

async fn settings_page(
    ctx: &AppContext,
    v: &TeraView,
    visitor: &Visitor,
    me: &SignedIn,
    status: StatusCode,
    extra: Value,
) -> Result<Response> {
    let sessions: Vec<SessionRow> = sessions::Model::list_for_user(&ctx.db, me.user.id)
        .await?
        .iter()
        .map(|s| SessionRow::new(s, me.session.id))
        .collect();
    let tokens = api_tokens::Model::list_for_user(&ctx.db, me.user.id).await?;
    let data = json!({
        "account": crate::views::auth::UserResponse::from(&me.user),
        "sessions": sessions,
        "tokens": tokens.iter().map(TokenResponse::from).collect::<Vec<_>>(),
        "token_form": { "expires_in_days": "90" },
    });
    page(
        v,
        visitor,
        status,
        "account/settings.html",
        merged(data, extra),
    )
}

#[debug_handler]
async fn settings(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    me: SignedIn,
) -> Result<Response> {
    settings_page(&ctx, &v, &visitor, &me, StatusCode::OK, json!({})).await
}

/// Re-renders the settings page with the errors of one of its forms.
async fn settings_errors(
    ctx: &AppContext,
    v: &TeraView,
    visitor: &Visitor,
    me: &SignedIn,
    form: &str,
    err: Error,
) -> Result<Response> {
    match FieldErrors::from_error(&err) {
        Some(errors) => {
            settings_page(
                ctx,
                v,
                visitor,
                me,
                StatusCode::UNPROCESSABLE_ENTITY,
                json!({ "errors": { form: errors } }),
            )
            .await
        }
        None => Err(err),
    }
}

/// Changes the password and ends every other session.
#[debug_handler]
async fn change_password(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    me: SignedIn,
    Form(params): Form<ChangePasswordForm>,
) -> Result<Response> {
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
    sessions::Model::end_all_for_user(&ctx.db, user.id, Some(me.session.id)).await?;
    redirect_with(
        "/account",
        "notice",
        "Password changed. Your other sessions were logged out.",
        &ctx,
        &[],
    )
}

#[debug_handler]
async fn change_email(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    me: SignedIn,
    Form(params): Form<ChangeEmailForm>,
) -> Result<Response> {
    let requested = me
        .user
        .clone()
        .into_active_model()
        .request_email_change(&ctx.db, &params.current_password, &params.new_email)
        .await;
    let (user, token) = match requested {
        Ok(requested) => requested,
        Err(err) => return settings_errors(&ctx, &v, &visitor, &me, "email", err).await,
    };
    let new_email = user.pending_email.clone().unwrap_or_default();
    AuthMailer::send_email_change(&ctx, &user, &new_email, &token).await?;
    redirect_with(
        "/account",
        "notice",
        &format!("We sent a link to {new_email}. Your address changes when you open it."),
        &ctx,
        &[],
    )
}

#[debug_handler]
async fn resend_verification(State(ctx): State<AppContext>, me: SignedIn) -> Result<Response> {
    if !me.user.awaits_confirmation() {
        return redirect_with(
            "/account",
            "notice",
            "Your address is already confirmed.",
            &ctx,
            &[],
        );
    }
    let (user, token) = me
        .user
        .into_active_model()
        .renew_verification(&ctx.db)
        .await?;
    let to = user.address_to_confirm().to_string();
    AuthMailer::send_confirmation(&ctx, &user, &token).await?;
    redirect_with(
        "/account",
        "notice",
        &format!("We sent a new confirmation link to {to}."),
        &ctx,
        &[],
    )
}

#[debug_handler]
async fn delete_account(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    me: SignedIn,
    Form(params): Form<PasswordForm>,
) -> Result<Response> {
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
    for workspace_pid in workspaces {
        queue::enqueue(&ctx, Job::PurgeWorkspace { workspace_pid }).await?;
    }
    redirect_with(
        "/",
        "notice",
        "Your account and its data are deleted.",
        &ctx,
        &[web_session::session_removal()],
    )
}

/// Makes an access token and shows it, this once.
#[debug_handler]
async fn create_token(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    me: SignedIn,
    Form(params): Form<TokenParams>,
) -> Result<Response> {
    match api_tokens::Model::issue(&ctx.db, &me.user, &params).await {
        Ok((token, secret)) => {
            let issued = json!({ "secret": secret, "name": token.name });
            settings_page(
                &ctx,
                &v,
                &visitor,
                &me,
                StatusCode::OK,
                json!({ "issued_token": issued }),
            )
            .await
        }
        Err(err) => {
            let form = json!({ "name": params.name, "expires_in_days": params.expires_in_days });
            match FieldErrors::from_error(&err) {
                Some(errors) => {
                    settings_page(
                        &ctx,
                        &v,
                        &visitor,
                        &me,
                        StatusCode::UNPROCESSABLE_ENTITY,
                        json!({ "errors": { "token": errors }, "token_form": form }),
                    )
                    .await
                }
                None => Err(err),
            }
        }
    }
}

#[debug_handler]
async fn revoke_token(
    State(ctx): State<AppContext>,
    me: SignedIn,
    Path(token_id): Path<String>,
) -> Result<Response> {
    let token = api_tokens::Model::revoke(&ctx.db, me.user.id, &token_id).await?;
    redirect_with(
        "/account",
        "notice",
        &format!(
            "The token \"{}\" is revoked and no longer works.",
            token.name
        ),
        &ctx,
        &[],
    )
}

pub fn routes() -> Routes {
    Routes::new()
        .add("/signup", get(signup_form).post(signup))
        .add("/login", get(login_form).post(login))
        .add("/logout", post(logout))
        .add("/verify/{token}", get(verify))
        .add("/forgot-password", get(forgot_form).post(forgot))
        .add("/reset-password/{token}", get(reset_form).post(reset))
        .add("/account", get(settings))
        .add("/account/password", post(change_password))
        .add("/account/email", post(change_email))
        .add("/account/verification", post(resend_verification))
        .add("/account/logout-everywhere", post(logout_everywhere))
        .add("/account/delete", post(delete_account))
        .add("/account/tokens", post(create_token))
        .add("/account/tokens/{token_id}/revoke", post(revoke_token))
}
