//! The account API: `/api/auth/...`, JSON in and out, bearer tokens (JWT).

use axum::http::StatusCode;
use loco_rs::prelude::*;
use serde::Deserialize;

use crate::controllers::support::{
    access::{Caller, LOCKED},
    forms::ApiJson,
    throttle::{AuthThrottle, Resend},
};
use crate::{
    mailers::Mail,
    models::{
        secrets,
        sessions::{self, PersonalTokens},
        users::{self, LoginParams, RegisterParams, Signup},
        validation::FieldErrors,
    },
    settings::Settings,
    views::auth::{LoginResponse, SignupResponse, UserResponse},
};

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct TokenParams {
    #[schema(required = true)]
    pub token: String,
}

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct EmailParams {
    #[schema(required = true)]
    pub email: String,
}

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ResetParams {
    #[schema(required = true)]
    pub token: String,
    #[schema(required = true, min_length = 10, max_length = 256)]
    pub password: String,
}

fn invalid_link() -> Error {
    FieldErrors::one("token", "is invalid, expired or already used").into()
}

/// Always 202 for valid input, whether or not the address has an account
/// (its owner is then mailed a notice instead of a verification link), so
/// the answer does not tell who is registered.
#[utoipa::path(
    post,
    path = "/api/auth/register",
    tag = "auth",
    request_body = RegisterParams,
    responses((status = 202, body = SignupResponse, description = "A mail is on its way to the address"), (status = 422, description = "Invalid input; `errors` names each field"), (status = 429, description = "Too many attempts from this address or for this account; `Retry-After` says when to try again"))
)]
#[debug_handler]
async fn register(
    State(ctx): State<AppContext>,
    ip: RemoteIP,
    ApiJson(params): ApiJson<RegisterParams>,
) -> Result<Response> {
    let account = format!("register:{}", users::normalize_email(&params.email));
    if let Err(throttled) = AuthThrottle::check(&ctx, &ip, &account).await? {
        return throttled.json();
    }
    let signed_up = users::Model::sign_up(&ctx.db, &params).await?;
    signed_up.mail().queue(&ctx).await?;
    let (Signup::Created(user) | Signup::Taken(user)) = signed_up;
    format::render()
        .status(StatusCode::ACCEPTED)
        .json(SignupResponse::new(user.email))
}

#[utoipa::path(
    post,
    path = "/api/auth/login",
    tag = "auth",
    request_body = LoginParams,
    responses((status = 200, body = LoginResponse), (status = 401, description = "Wrong email or password"), (status = 429, description = "Too many attempts from this address or for this account; `Retry-After` says when to try again"))
)]
#[debug_handler]
async fn login(
    State(ctx): State<AppContext>,
    ip: RemoteIP,
    ApiJson(params): ApiJson<LoginParams>,
) -> Result<Response> {
    let account = AuthThrottle::login_key(&params.email);
    if let Err(throttled) = AuthThrottle::check(&ctx, &ip, &account).await? {
        return throttled.json();
    }
    let Some(user) = users::Model::authenticate(&ctx.db, &params.email, &params.password).await?
    else {
        return unauthorized("email or password is incorrect");
    };
    if user.is_locked() {
        return Err(Error::CustomError(
            StatusCode::FORBIDDEN,
            loco_rs::controller::ErrorDetail::new("account_locked", LOCKED),
        ));
    }
    if Settings::get(&ctx)?.require_verified_email && !user.is_verified() {
        return Err(Error::CustomError(
            StatusCode::FORBIDDEN,
            loco_rs::controller::ErrorDetail::new(
                "email_not_verified",
                "Confirm your email address first; we sent you a link.",
            ),
        ));
    }
    let jwt = ctx.config.get_jwt_config()?;
    let token = user.generate_jwt(&jwt.secret, jwt.expiration)?;
    format::json(LoginResponse {
        token,
        user: UserResponse::from(&user),
    })
}

#[utoipa::path(
    get,
    path = "/api/auth/current",
    tag = "auth",
    responses((status = 200, body = UserResponse), (status = 403, description = "An access token: the account routes take a login token")),
    security(("login_token" = []))
)]
#[debug_handler(state = AppContext)]
async fn current(caller: Caller) -> Result<Response> {
    let user = signed_in_by_login(caller)?;
    format::json(UserResponse::from(&user))
}

/// The caller's account. Through `Caller`, as every other route, so a
/// login token issued before a password reset, a change or "log out
/// everywhere", or of a locked account, is refused here too (loco's bare
/// JWT check let it through); the account routes take no access token.
fn signed_in_by_login(caller: Caller) -> Result<users::Model> {
    caller.refuse_access_token(
        "Access tokens cannot use the account routes; sign in with your password (POST /api/auth/login).",
    )?;
    Ok(caller.user)
}

#[utoipa::path(
    post,
    path = "/api/auth/verify",
    tag = "auth",
    request_body = TokenParams,
    responses((status = 200, body = UserResponse), (status = 422, description = "Invalid input; `errors` names each field"), (status = 429, description = "Too many attempts from this address or for this account; `Retry-After` says when to try again"))
)]
#[debug_handler]
async fn verify(
    State(ctx): State<AppContext>,
    ip: RemoteIP,
    ApiJson(params): ApiJson<TokenParams>,
) -> Result<Response> {
    let account = format!("verify:{}", secrets::digest(&params.token));
    if let Err(throttled) = AuthThrottle::check(&ctx, &ip, &account).await? {
        return throttled.json();
    }
    let user = users::Model::find_by_verification_token(&ctx.db, &params.token)
        .await
        .map_err(|_| invalid_link())?;
    let user = user.into_active_model().confirm_email(&ctx.db).await?;
    format::json(UserResponse::from(&user))
}

#[utoipa::path(
    post,
    path = "/api/auth/resend-verification",
    tag = "auth",
    responses((status = 202, description = "A new link is mailed"), (status = 403, description = "An access token: the account routes take a login token"), (status = 429, description = "Links were sent too often; `Retry-After` says when to ask again")),
    security(("login_token" = []))
)]
#[debug_handler]
async fn resend_verification(caller: Caller, State(ctx): State<AppContext>) -> Result<Response> {
    let user = signed_in_by_login(caller)?;
    if !user.awaits_confirmation() {
        return Err(FieldErrors::one("email", "is already confirmed").into());
    }
    if let Err(throttled) = AuthThrottle::resend(&ctx, &ctx.db, Resend::Verification(&user)).await?
    {
        return throttled.json();
    }
    Mail::confirmation(&user).queue(&ctx).await?;
    format::render()
        .status(StatusCode::ACCEPTED)
        .json(serde_json::json!({}))
}

/// Always 202, whether or not the address has an account, so the answer
/// does not tell who is registered.
#[utoipa::path(
    post,
    path = "/api/auth/forgot",
    tag = "auth",
    request_body = EmailParams,
    responses((status = 202, description = "Mailed if the address is registered"), (status = 422, description = "No address given"), (status = 429, description = "Too many attempts from this address or for this account; `Retry-After` says when to try again"))
)]
#[debug_handler]
async fn forgot(
    State(ctx): State<AppContext>,
    ip: RemoteIP,
    ApiJson(params): ApiJson<EmailParams>,
) -> Result<Response> {
    let email = users::normalize_email(&params.email);
    if email.is_empty() {
        return Err(FieldErrors::one("email", "can't be blank").into());
    }
    let account = format!("reset:{email}");
    if let Err(throttled) = AuthThrottle::check(&ctx, &ip, &account).await? {
        return throttled.json();
    }
    if let Ok(user) = users::Model::find_by_email(&ctx.db, &params.email).await {
        Mail::PasswordReset { user_id: user.id }.queue(&ctx).await?;
    }
    format::render()
        .status(StatusCode::ACCEPTED)
        .json(serde_json::json!({}))
}

/// Sets a new password from an emailed link and ends every session.
#[utoipa::path(
    post,
    path = "/api/auth/reset",
    tag = "auth",
    request_body = ResetParams,
    responses((status = 200, description = "Password set; every session ended"), (status = 422, description = "Invalid input; `errors` names each field"), (status = 429, description = "Too many attempts from this address or for this account; `Retry-After` says when to try again"))
)]
#[debug_handler]
async fn reset(
    State(ctx): State<AppContext>,
    ip: RemoteIP,
    ApiJson(params): ApiJson<ResetParams>,
) -> Result<Response> {
    let account = format!("reset-token:{}", secrets::digest(&params.token));
    if let Err(throttled) = AuthThrottle::check(&ctx, &ip, &account).await? {
        return throttled.json();
    }
    let user = users::Model::find_by_reset_token(&ctx.db, &params.token)
        .await
        .map_err(|_| invalid_link())?;
    let user = user
        .into_active_model()
        .finish_password_reset(&ctx.db, &params.password)
        .await?;
    sessions::Model::end_access(&ctx.db, user.id, None, PersonalTokens::Revoke).await?;
    format::json(UserResponse::from(&user))
}

pub fn routes() -> Routes {
    Routes::new()
        .prefix("/api/auth")
        .add("/register", post(register))
        .add("/login", post(login))
        .add("/current", get(current))
        .add("/verify", post(verify))
        .add("/resend-verification", post(resend_verification))
        .add("/forgot", post(forgot))
        .add("/reset", post(reset))
}
