//! Rate limits for the account endpoints (login, signup, password reset,
//! email verification), for a password asked for again, and for mail sent
//! again: one budget per client IP and one per account, so neither a single
//! address nor a botnet against one account gets far. The counts are kept
//! in the database (`models::rate_limits`), where every web process spends
//! from the same budget.

use std::{
    sync::{
        atomic::{AtomicI64, Ordering},
        Arc,
    },
    time::Duration,
};

use axum::http::{header, StatusCode};
use fluent_templates::fluent_bundle::FluentValue;
use loco_rs::{controller::ErrorDetail, prelude::*};
use sea_orm::ConnectionTrait;

use crate::{
    i18n::Lang,
    models::{
        invitations,
        rate_limits::{self, Budget, Exceeded, Spent},
        users,
    },
    settings::RateLimitSettings,
};

/// Each process deletes ended windows at most this often.
const PRUNE_EVERY_MS: i64 = 60_000;

pub struct AuthThrottle {
    limits: RateLimitSettings,
    /// When this process last deleted ended windows (Unix milliseconds).
    last_prune: AtomicI64,
}

/// A request over its budget; `retry_after` says when to come back.
#[derive(Debug)]
pub struct Throttled {
    pub retry_after: Duration,
    /// What was done too often.
    what: Overdone,
}

/// What a [`Throttled`] request did too often.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Overdone {
    /// Signing in, signing up, or giving a password.
    Attempts,
    VerificationResent,
    InvitationResent,
}

/// A mail that is sent again.
pub enum Resend<'a> {
    /// The link that confirms an account's address.
    Verification(&'a users::Model),
    Invitation(&'a invitations::Model),
}

/// A password asked for again, counted against the account's budget until
/// it proves right.
pub struct PasswordAttempt(Spent);

impl AuthThrottle {
    #[must_use]
    pub fn new(limits: &RateLimitSettings) -> Self {
        Self {
            limits: limits.clone(),
            last_prune: AtomicI64::new(0),
        }
    }

    /// The throttle built at boot.
    ///
    /// # Errors
    /// Only if called before `App::after_context` stored it.
    pub fn get(ctx: &AppContext) -> Result<Arc<Self>> {
        ctx.shared_store
            .get::<Arc<Self>>()
            .ok_or_else(|| Error::string("rate limiter is not set up"))
    }

    /// The account budget of logging in as `email`, which a password asked
    /// for again spends from too.
    #[must_use]
    pub fn login_key(email: &str) -> String {
        format!("login:{}", users::normalize_email(email))
    }

    /// Spends one attempt of `ip`'s and of `account`'s budgets. `account`
    /// names the action and its target, e.g. `login:ann@example.com`.
    /// Runs on `ctx.db`, before the request opens a transaction.
    ///
    /// # Errors
    /// On database errors. `Ok(Err(..))` when either budget is spent.
    pub async fn check(
        ctx: &AppContext,
        ip: &RemoteIP,
        account: &str,
    ) -> Result<std::result::Result<(), Throttled>> {
        let this = Self::get(ctx)?;
        if let RemoteIP::Forwarded(ip) | RemoteIP::Socket(ip) = ip {
            let per_ip = Budget::per_minute(this.limits.per_ip_per_minute);
            if let Err(over) = rate_limits::spend(&ctx.db, &format!("ip:{ip}"), per_ip).await? {
                return Ok(Err(Throttled::new(over, Overdone::Attempts)));
            }
        }
        let per_account = Budget::per_minute(this.limits.per_account_per_minute);
        if let Err(over) =
            rate_limits::spend(&ctx.db, &format!("account:{account}"), per_account).await?
        {
            return Ok(Err(Throttled::new(over, Overdone::Attempts)));
        }
        this.prune_now_and_then(&ctx.db).await?;
        Ok(Ok(()))
    }

    /// Spends one attempt of the login budget of the account `email`, for a
    /// prompt that asks for its password again (changing the password or
    /// the address, deleting the account, the console's confirmations): a
    /// stolen session must not guess the password faster than a login
    /// could. Call [`PasswordAttempt::succeeded`] once it proved right.
    ///
    /// # Errors
    /// On database errors. `Ok(Err(..))` when the budget is spent.
    pub async fn password_attempt(
        ctx: &AppContext,
        email: &str,
    ) -> Result<std::result::Result<PasswordAttempt, Throttled>> {
        let this = Self::get(ctx)?;
        let per_account = Budget::per_minute(this.limits.per_account_per_minute);
        let key = format!("account:{}", Self::login_key(email));
        Ok(rate_limits::spend(&ctx.db, &key, per_account)
            .await?
            .map(PasswordAttempt)
            .map_err(|over| Throttled::new(over, Overdone::Attempts)))
    }

    /// Spends one of the resends `what` has per hour. `db` is the
    /// connection the request writes with (on SQLite a second one would
    /// wait for the write lock the request holds).
    ///
    /// # Errors
    /// On database errors. `Ok(Err(..))` when the budget is spent.
    pub async fn resend<C: ConnectionTrait>(
        ctx: &AppContext,
        db: &C,
        what: Resend<'_>,
    ) -> Result<std::result::Result<(), Throttled>> {
        let budget = Budget::per_hour(Self::get(ctx)?.limits.resends_per_hour);
        let (key, message) = match what {
            Resend::Verification(user) => (
                format!("resend:verification:{}", user.pid),
                Overdone::VerificationResent,
            ),
            Resend::Invitation(invitation) => (
                format!("resend:invitation:{}", invitation.pid),
                Overdone::InvitationResent,
            ),
        };
        Ok(rate_limits::spend(db, &key, budget)
            .await?
            .map(|_| ())
            .map_err(|over| Throttled::new(over, message)))
    }

    /// Deletes ended windows, once a minute per process at most.
    async fn prune_now_and_then(&self, db: &DatabaseConnection) -> Result<()> {
        let now = chrono::Utc::now().timestamp_millis();
        let last = self.last_prune.load(Ordering::Relaxed);
        if now - last < PRUNE_EVERY_MS {
            return Ok(());
        }
        // Only the request that moves the mark prunes.
        if self
            .last_prune
            .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
            .is_ok()
        {
            rate_limits::prune(db).await?;
        }
        Ok(())
    }
}

impl PasswordAttempt {
    /// The password was right: the attempt is given back, so operators
    /// confirming one action after another are not slowed down.
    ///
    /// # Errors
    /// On database errors.
    pub async fn succeeded(self, ctx: &AppContext) -> Result<()> {
        rate_limits::refund(&ctx.db, &self.0).await?;
        Ok(())
    }
}

impl Throttled {
    fn new(over: Exceeded, what: Overdone) -> Self {
        Self {
            retry_after: over.retry_after,
            what,
        }
    }

    fn retry_after_secs(&self) -> u64 {
        // Round up: telling a client to come back too early wastes a try.
        self.retry_after.as_secs() + u64::from(self.retry_after.subsec_nanos() > 0)
    }

    /// 429 with `Retry-After`, as JSON for the API.
    ///
    /// # Errors
    /// Never in practice; building the response is infallible.
    pub fn json(&self) -> Result<Response> {
        let secs = self.retry_after_secs();
        format::render()
            .status(StatusCode::TOO_MANY_REQUESTS)
            .header(header::RETRY_AFTER, &secs.to_string())
            .json(serde_json::json!({
                "error": "too_many_requests",
                "description": self.message(),
            }))
    }

    /// How long to wait, for people: "42 seconds", "37 minutes".
    fn wait(&self) -> String {
        let secs = self.retry_after_secs();
        if secs <= 120 {
            format!("{secs} seconds")
        } else {
            format!("{} minutes", secs.div_ceil(60))
        }
    }

    /// The message for the API: what was done too often and when to come
    /// back.
    #[must_use]
    pub fn message(&self) -> String {
        let wait = self.wait();
        match self.what {
            Overdone::Attempts => format!("Too many attempts; try again in {wait}."),
            Overdone::VerificationResent => format!(
                "A confirmation link was sent too often; you can ask for another in {wait}."
            ),
            Overdone::InvitationResent => {
                format!("This invitation was sent too often; you can send it again in {wait}.")
            }
        }
    }

    /// How long to wait, in `lang`.
    fn wait_in(&self, lang: Lang) -> FluentValue<'static> {
        let secs = self.retry_after_secs();
        let text = if secs <= 120 {
            lang.text_with("throttle-seconds", &[("count", secs.into())])
        } else {
            lang.text_with("throttle-minutes", &[("count", secs.div_ceil(60).into())])
        };
        text.into()
    }

    /// The message for a page in `lang`.
    #[must_use]
    pub fn message_in(&self, lang: Lang) -> String {
        lang.field_message(&self.message())
    }

    /// The error of a password field over its budget, as a form in `lang`
    /// shows it after the field's label ("Current password was tried too
    /// often…").
    #[must_use]
    pub fn password_field_error(&self, lang: Lang) -> String {
        lang.text_with("throttle-password-field", &[("wait", self.wait_in(lang))])
    }

    /// Headers for a page answering 429.
    #[must_use]
    pub fn status_and_header(&self) -> (StatusCode, String) {
        (
            StatusCode::TOO_MANY_REQUESTS,
            self.retry_after_secs().to_string(),
        )
    }
}

/// For doors that show refusals as a notice (`errors::back_with`).
impl From<Throttled> for Error {
    fn from(throttled: Throttled) -> Self {
        Self::CustomError(
            StatusCode::TOO_MANY_REQUESTS,
            ErrorDetail::new("too_many_requests", throttled.message()),
        )
    }
}
