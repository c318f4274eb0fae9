//! The app's own configuration: the `settings:` block of `config/<env>.yaml`,
//! deserialized once at boot (see `App::after_context`) so a missing or
//! misspelled key fails at start, not three layers down at first use.

use std::{path::PathBuf, sync::Arc};

use loco_rs::prelude::*;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Public address of the app, used in links inside emails.
    pub base_url: String,
    /// When true, an account must confirm its email address before it can log in.
    #[serde(default)]
    pub require_verified_email: bool,
    pub mail: MailSettings,
    #[serde(default)]
    pub sessions: SessionSettings,
    #[serde(default)]
    pub rate_limits: RateLimitSettings,
    /// Postgres only: a connection as the owner of the tables. Migrations run
    /// with it at start, and it grants the app's own role (`database.uri`)
    /// the rights it needs, so the app never owns the tables it is policed
    /// on. Unset, migrations run with `database.uri`.
    #[serde(default)]
    pub owner_database_url: Option<String>,
    #[serde(default)]
    pub jobs: JobSettings,
}

/// Where background jobs run.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JobSettings {
    /// Run the workers inside the web process too (`cargo loco start`), as a
    /// one-process install wants. Off in production, where `start --worker`
    /// processes run them; `start --worker` and `start --all` always do.
    #[serde(default = "yes")]
    pub in_web_process: bool,
    /// How often an idle worker looks for new jobs, in milliseconds.
    #[serde(default = "half_a_second")]
    pub poll_interval_ms: u64,
    /// The wait before a failed job's first retry, in milliseconds; each
    /// retry waits about twice as long as the one before (up to 2 minutes).
    #[serde(default = "one_second")]
    pub retry_after_ms: u64,
}

const fn one_second() -> u64 {
    1000
}

const fn yes() -> bool {
    true
}

const fn half_a_second() -> u64 {
    500
}

impl Default for JobSettings {
    fn default() -> Self {
        Self {
            in_web_process: true,
            poll_interval_ms: half_a_second(),
            retry_after_ms: one_second(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailSettings {
    /// Sender of every mail, e.g. `SmartExpense <no-reply@example.com>`.
    pub from: String,
    /// When set, mail is written to this folder as `.eml` files instead of
    /// being sent through the `mailer.smtp` block (the self-hosted default).
    #[serde(default)]
    pub folder: Option<PathBuf>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SessionSettings {
    /// A session unused for this long ends.
    pub idle_timeout_minutes: i64,
    /// A session ends this long after login, however active.
    pub absolute_lifetime_hours: i64,
}

impl Default for SessionSettings {
    fn default() -> Self {
        Self {
            idle_timeout_minutes: 60 * 24 * 7,
            absolute_lifetime_hours: 24 * 30,
        }
    }
}

/// Limits on login, signup, password reset and email verification.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RateLimitSettings {
    /// Attempts per minute from one client IP (also the burst size).
    pub per_ip_per_minute: u32,
    /// Attempts per minute against one account (email address or token).
    pub per_account_per_minute: u32,
}

impl Default for RateLimitSettings {
    fn default() -> Self {
        Self {
            per_ip_per_minute: 30,
            per_account_per_minute: 5,
        }
    }
}

impl Settings {
    /// Parses and checks the `settings:` block.
    ///
    /// # Errors
    /// When the block is missing or a value is invalid.
    pub fn from_config(config: &loco_rs::config::Config) -> Result<Self> {
        let raw = config
            .settings
            .clone()
            .ok_or_else(|| Error::string("config: the `settings:` block is missing"))?;
        let mut settings: Self = serde_json::from_value(raw)
            .map_err(|err| Error::string(&format!("config: invalid `settings:` block: {err}")))?;
        // An environment variable left empty means "not set".
        settings.owner_database_url = settings
            .owner_database_url
            .filter(|url| !url.trim().is_empty());
        if settings.sessions.idle_timeout_minutes <= 0
            || settings.sessions.absolute_lifetime_hours <= 0
        {
            return Err(Error::string(
                "config: settings.sessions timeouts must be positive",
            ));
        }
        if settings.rate_limits.per_ip_per_minute == 0
            || settings.rate_limits.per_account_per_minute == 0
        {
            return Err(Error::string(
                "config: settings.rate_limits values must be at least 1",
            ));
        }
        Ok(settings)
    }

    /// The settings parsed at boot.
    ///
    /// # Errors
    /// Only if called before `App::after_context` stored them.
    pub fn get(ctx: &AppContext) -> Result<Arc<Self>> {
        ctx.shared_store
            .get::<Arc<Self>>()
            .ok_or_else(|| Error::string("settings are not loaded"))
    }

    /// Whether cookies must carry `Secure`: the app is served over https.
    #[must_use]
    pub fn is_https(&self) -> bool {
        self.base_url.starts_with("https://")
    }
}
