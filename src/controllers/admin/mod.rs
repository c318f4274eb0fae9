//! The operators' console under `/admin`: accounts, workspaces, billing,
//! background jobs and the platform audit log.
//!
//! Every route takes [`Staff`]: a signed-in user holding a platform role
//! (superadmin, support, billing) that allows the permission the route
//! declared with [`requires`]. Anyone else, signed in or not, gets 404, as
//! for a page that does not exist; workspace roles never count. Actions
//! that destroy or hand out power ask for the operator's password again.

pub mod operations;
pub mod users;
pub mod workspaces;

use axum::{
    extract::FromRequestParts,
    http::{request::Parts, StatusCode},
    response::IntoResponse,
};
use loco_rs::prelude::*;
use serde::Deserialize;

pub use super::support::access::requires;
use super::support::{access::Caller, render::page, throttle::AuthThrottle, web_session::Visitor};
use crate::{
    i18n::Lang,
    models::{
        audit_events::Actor,
        platform::{self, PlatformRole},
        validation::FieldErrors,
    },
    policies::{
        Permission, Policies, BILLING_ADMIN_READ, JOBS_READ, PLATFORM_AUDIT_READ, USERS_READ,
        WORKSPACES_READ,
    },
    views::admin::{AtConsole, ConsoleFrame, ConsoleSections, Pager, StaffBadge},
};

/// An operator of the instance, allowed what the route requires.
pub struct Staff {
    pub caller: Caller,
    pub roles: Vec<PlatformRole>,
}

impl Staff {
    #[must_use]
    pub fn actor(&self) -> Actor {
        self.caller.actor()
    }

    /// # Errors
    /// When the policy check fails.
    pub async fn may(&self, ctx: &AppContext, permission: Permission) -> Result<bool> {
        Policies::get(ctx)?.allows_platform(&self.roles, permission)
    }

    /// The operator's password again, for actions that destroy or grant.
    /// Wrong guesses spend the operator's login budget, so a stolen console
    /// session cannot guess the password faster than a login could.
    ///
    /// # Errors
    /// 422 naming `password` when it does not match; 429 when the budget
    /// is spent (a refusal, shown in the operator's language); database
    /// errors.
    pub async fn reauthenticate(&self, ctx: &AppContext, password: &str) -> Result<()> {
        let attempt = AuthThrottle::password_attempt(ctx, &self.caller.user.email).await??;
        if self.caller.user.verify_password(password) {
            attempt.succeeded(ctx).await
        } else {
            Err(FieldErrors::one("password", "is not your password; enter it to confirm").into())
        }
    }

    /// What every console page shows around its content.
    ///
    /// # Errors
    /// When the policy check fails.
    pub async fn frame(&self, ctx: &AppContext) -> Result<ConsoleFrame> {
        Ok(ConsoleFrame {
            staff: StaffBadge {
                name: self.caller.user.name.clone(),
                roles: self.roles.clone(),
            },
            console: ConsoleSections {
                users: self.may(ctx, USERS_READ).await?,
                workspaces: self.may(ctx, WORKSPACES_READ).await?,
                billing: self.may(ctx, BILLING_ADMIN_READ).await?,
                jobs: self.may(ctx, JOBS_READ).await?,
                audit: self.may(ctx, PLATFORM_AUDIT_READ).await?,
            },
        })
    }
}

impl FromRequestParts<AppContext> for Staff {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        ctx: &AppContext,
    ) -> std::result::Result<Self, Response> {
        let not_found = || Error::NotFound.into_response();
        let caller = match Caller::from_request_parts(parts, ctx).await {
            Ok(caller) if caller.method == super::support::access::SignInMethod::Session => caller,
            _ => return Err(not_found()),
        };
        let roles = platform::roles_of(&ctx.db, caller.user.id)
            .await
            .map_err(|err| Error::from(err).into_response())?;
        if roles.is_empty() {
            return Err(not_found());
        }
        let Some(permission) = parts.extensions.get::<Permission>().copied() else {
            tracing::error!(
                path = parts.uri.path(),
                "console route declares no permission"
            );
            return Err(StatusCode::INTERNAL_SERVER_ERROR.into_response());
        };
        let staff = Self { caller, roles };
        if !staff
            .may(ctx, permission)
            .await
            .map_err(IntoResponse::into_response)?
        {
            return Err(Error::CustomError(
                StatusCode::FORBIDDEN,
                loco_rs::controller::ErrorDetail::new(
                    "forbidden",
                    "Your platform role does not allow that.",
                ),
            )
            .into_response());
        }
        Ok(staff)
    }
}

/// Back to the console page `to` with what was done, or with the reason
/// the action was refused, in the operator's language `lang`.
fn answer(ctx: &AppContext, lang: Lang, to: &str, outcome: Result<String>) -> Result<Response> {
    match outcome {
        Ok(done) => super::support::render::redirect_with(to, "notice", &done, ctx, &[]),
        Err(err) => super::support::errors::back_with(ctx, lang, to, err),
    }
}

/// A moment as operators read it: `2026-11-29 06:57 UTC`.
#[must_use]
pub fn when(t: &chrono::DateTime<chrono::FixedOffset>) -> String {
    t.with_timezone(&chrono::Utc)
        .format("%Y-%m-%d %H:%M UTC")
        .to_string()
}

/// `?q=&page=` of the console's lists.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub q: String,
    /// 1-based.
    pub page: Option<u64>,
    /// Only locked accounts / suspended workspaces / one action.
    pub only: String,
}

impl ListQuery {
    fn page_index(&self) -> u64 {
        self.page.unwrap_or(1).max(1) - 1
    }

    /// Pagination for a template: this page, the last, and the links' query.
    fn pager(&self, total: u64) -> Pager {
        Pager {
            page: self.page_index() + 1,
            pages: total.div_ceil(platform::PAGE_SIZE).max(1),
            total,
            q: self.q.clone(),
            only: self.only.clone(),
        }
    }
}

/// A console page.
fn console_page<T: serde::Serialize>(
    v: &TeraView,
    visitor: &Visitor,
    frame: ConsoleFrame,
    template: &str,
    data: T,
) -> Result<Response> {
    let context = AtConsole { frame, page: data };
    page(
        v,
        visitor,
        StatusCode::OK,
        template,
        serde_json::to_value(context)?,
    )
}

/// The form of every action: the CSRF token (checked by the session layer)
/// and, for destructive ones, the operator's password.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ActionForm {
    pub password: String,
    pub role: String,
    pub confirm: String,
}
