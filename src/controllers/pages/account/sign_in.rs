//! Signing up, logging in and out.

use axum::http::{header, StatusCode};
use loco_rs::prelude::*;
use serde::Deserialize;

use crate::{
    controllers::{
        pages::render,
        support::{
            access::LOCKED,
            render::{form_errors, redirect_with, throttled_page},
            throttle::AuthThrottle,
            web_session::{self, SignedIn, Visitor},
        },
    },
    models::{
        sessions::{self, Origin, PersonalTokens},
        users::{self, LoginParams, RegisterParams, Signup},
    },
    settings::Settings,
    views::{
        auth::{LoginPage, NewLogin, NewSignup, SentLogin, SentSignup, SignupPage},
        page::FormValues,
        urls,
    },
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

/// Only local paths are followed after login, never another site.
/// Browsers drop tabs and newlines anywhere in a URL and read `\` as `/`,
/// so `/\t/evil.example` is `//evil.example` to them: a path holding any
/// control character, white space or backslash goes home instead (a
/// newline would also break the `Location` header).
fn safe_next(next: &str) -> &str {
    let local = next.starts_with('/')
        && !next.starts_with("//")
        && !next
            .chars()
            .any(|c| c == '\\' || c.is_control() || c.is_whitespace());
    if local {
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
pub(super) async fn signup_form(
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    Query(query): Query<NextQuery>,
) -> Result<Response> {
    let context = SignupPage {
        form: FormValues::New(NewSignup {
            email: query.email,
            next: safe_next(&query.next).to_string(),
        }),
    };
    render(&v, &visitor, StatusCode::OK, "auth/signup.html", &context)
}

#[debug_handler]
pub(super) async fn signup(
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
    let sent = SentSignup {
        name: params.name.clone(),
        email: params.email.clone(),
        next: next.clone(),
    };
    let account = format!("register:{}", users::normalize_email(&params.email));
    if let Err(throttled) = AuthThrottle::check(&ctx, &ip, &account).await? {
        let form = serde_json::to_value(&sent)?;
        return throttled_page(&v, &visitor, "auth/signup.html", form, &throttled);
    }
    let signed_up = match users::Model::sign_up(&ctx.db, &params).await {
        Ok(signed_up) => signed_up,
        Err(err) => {
            let context = SignupPage {
                form: FormValues::Sent(sent),
            };
            let data = serde_json::to_value(&context)?;
            return form_errors(&v, &visitor, "auth/signup.html", data, err);
        }
    };
    // A taken address is answered as a new one (its owner is mailed), so
    // the page does not tell who is registered. Without required
    // verification a new account is signed in at once, which a taken
    // address cannot be: that setting trades this away.
    let check_your_mail = |email: String| {
        let notice = visitor
            .lang
            .text_with("auth-check-mail", &[("email", email.into())]);
        redirect_with(&urls::login(), "notice", &notice, &ctx, &[])
    };
    signed_up.mail().queue(&ctx).await?;
    let user = match signed_up {
        Signup::Created(user) => user,
        Signup::Taken(owner) => return check_your_mail(owner.email),
    };
    if Settings::get(&ctx)?.require_verified_email {
        return check_your_mail(user.email);
    }
    sign_in(&ctx, &visitor, &user, &origin(&headers, &ip), &next).await
}

#[debug_handler]
pub(super) async fn login_form(
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    Query(query): Query<NextQuery>,
) -> Result<Response> {
    let context = LoginPage {
        form: FormValues::New(NewLogin {
            next: safe_next(&query.next).to_string(),
        }),
        alert: None,
    };
    render(&v, &visitor, StatusCode::OK, "auth/login.html", &context)
}

#[debug_handler]
pub(super) async fn login(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    ip: RemoteIP,
    headers: axum::http::HeaderMap,
    Form(params): Form<LoginForm>,
) -> Result<Response> {
    let sent = || SentLogin {
        email: params.email.clone(),
        next: safe_next(&params.next).to_string(),
    };
    let account = AuthThrottle::login_key(&params.email);
    if let Err(throttled) = AuthThrottle::check(&ctx, &ip, &account).await? {
        let form = serde_json::to_value(sent())?;
        return throttled_page(&v, &visitor, "auth/login.html", form, &throttled);
    }
    let refused = |status, alert| {
        let context = LoginPage {
            form: FormValues::Sent(sent()),
            alert: Some(alert),
        };
        render(&v, &visitor, status, "auth/login.html", &context)
    };
    let credentials = LoginParams {
        email: params.email.clone(),
        password: params.password.clone(),
    };
    let Some(user) =
        users::Model::authenticate(&ctx.db, &credentials.email, &credentials.password).await?
    else {
        return refused(
            StatusCode::UNAUTHORIZED,
            visitor.lang.text("auth-login-wrong"),
        );
    };
    if user.is_locked() {
        return refused(StatusCode::FORBIDDEN, visitor.lang.field_message(LOCKED));
    }
    if Settings::get(&ctx)?.require_verified_email && !user.is_verified() {
        return refused(
            StatusCode::FORBIDDEN,
            visitor.lang.text("auth-login-unconfirmed"),
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
pub(super) async fn logout(State(ctx): State<AppContext>, visitor: Visitor) -> Result<Response> {
    if let Some(signed_in) = visitor.signed_in {
        signed_in.session.end(&ctx.db).await?;
    }
    redirect_with(
        &urls::login(),
        "notice",
        &visitor.lang.text("auth-logged-out"),
        &ctx,
        &[web_session::session_removal()],
    )
}

/// Ends every session of the account, this one included.
#[debug_handler]
pub(super) async fn logout_everywhere(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    me: SignedIn,
) -> Result<Response> {
    let ended =
        sessions::Model::end_access(&ctx.db, me.user.id, None, PersonalTokens::Keep).await?;
    redirect_with(
        &urls::login(),
        "notice",
        &visitor
            .lang
            .text_with("auth-logged-out-everywhere", &[("count", ended.into())]),
        &ctx,
        &[web_session::session_removal()],
    )
}
