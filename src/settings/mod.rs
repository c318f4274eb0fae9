//! The app's own configuration: the `settings:` block of `config/<env>.yaml`,
//! deserialized once at boot (see `App::after_context`) so a missing or
//! misspelled key fails at start, not three layers down at first use.
//!
//! The table of every setting with its default and why, read top to bottom
//! beside `config/*.yaml`; each block is a struct of its own. Billing's
//! block, with its plans, lives in `billing`.

mod billing;

pub use billing::{BillingSettings, PlanLimits, PlanSettings};

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
    #[serde(default)]
    pub billing: BillingSettings,
    #[serde(default)]
    pub storage: StorageSettings,
    #[serde(default)]
    pub receipts: ReceiptSettings,
    #[serde(default)]
    pub limits: LimitSettings,
    /// The language of pages for visitors whose browser asks for none we
    /// have, and of mails to members who chose none: `en`, `de`, `fr`, `es`.
    #[serde(default)]
    pub default_language: crate::i18n::Lang,
}

/// Where uploaded files (receipts) are kept: a folder on local disk, or an
/// S3-compatible bucket (AWS S3, MinIO, Ceph, ...). Files are only ever
/// reached through the app, which checks membership first.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StorageSettings {
    /// `disk` or `s3`.
    #[serde(default = "disk")]
    pub driver: String,
    /// `disk`: the folder, created when missing.
    #[serde(default = "data_files")]
    pub folder: PathBuf,
    /// `s3`: the bucket (which must exist and should not be public).
    #[serde(default)]
    pub bucket: String,
    #[serde(default)]
    pub region: String,
    /// `s3`: an endpoint such as `http://minio:9000`; empty for AWS itself.
    /// Requests use path-style addressing (`endpoint/bucket/key`).
    #[serde(default)]
    pub endpoint: String,
    #[serde(default)]
    pub access_key_id: String,
    #[serde(default)]
    pub secret_access_key: String,
    /// `s3`: time allowed to open a connection, in milliseconds.
    #[serde(default = "five_seconds")]
    pub connect_timeout_ms: u64,
    /// `s3`: time allowed for an answer to start (a whole upload included),
    /// and for each next part of a download, in milliseconds. A call past
    /// it fails at once (storage "could not be reached"), without retries.
    #[serde(default = "thirty_seconds")]
    pub timeout_ms: u64,
}

fn disk() -> String {
    "disk".to_string()
}

fn data_files() -> PathBuf {
    PathBuf::from("data/files")
}

const fn five_seconds() -> u64 {
    5_000
}

const fn thirty_seconds() -> u64 {
    30_000
}

impl Default for StorageSettings {
    fn default() -> Self {
        Self {
            driver: disk(),
            folder: data_files(),
            bucket: String::new(),
            region: String::new(),
            endpoint: String::new(),
            access_key_id: String::new(),
            secret_access_key: String::new(),
            connect_timeout_ms: five_seconds(),
            timeout_ms: thirty_seconds(),
        }
    }
}

impl StorageSettings {
    fn check(&self) -> Result<()> {
        let fail = |msg: &str| Err(Error::string(&format!("config: settings.storage: {msg}")));
        if self.connect_timeout_ms == 0 || self.timeout_ms == 0 {
            return fail("connect_timeout_ms and timeout_ms must be above 0");
        }
        match self.driver.as_str() {
            "disk" if self.folder.as_os_str().is_empty() => fail("folder must be set"),
            "disk" => Ok(()),
            "s3" if self.bucket.trim().is_empty() || self.region.trim().is_empty() => {
                fail("bucket (S3_BUCKET) and region (S3_REGION) must be set for s3")
            }
            "s3" if !self.endpoint.is_empty() && url::Url::parse(&self.endpoint).is_err() => {
                fail("endpoint (S3_ENDPOINT) must be a URL such as http://minio:9000")
            }
            "s3" => Ok(()),
            other => fail(&format!("driver `{other}` is not `disk` or `s3`")),
        }
    }
}

/// Receipts attached to expenses.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ReceiptSettings {
    /// The largest file accepted, in megabytes.
    pub max_file_mb: u32,
    /// Storage per workspace, in megabytes, when billing is off (with
    /// billing on, the plan's `receipt_storage_mb` decides). 0: no limit.
    pub workspace_quota_mb: u32,
    /// The Tesseract program that reads receipts' text; when it cannot be
    /// run, reading receipts is off and its controls are hidden.
    pub ocr_command: String,
    /// Poppler's `pdftoppm`, which draws a PDF's first page for its
    /// thumbnail and for reading its text; without it PDFs get neither.
    pub pdf_render_command: String,
    /// Poppler's `pdfinfo`, which gives the size of a PDF's first page
    /// before it is drawn; without it PDFs are not drawn.
    pub pdf_info_command: String,
    /// The most pixels an image may have (a PDF's first page drawn at 150
    /// dpi included), in megapixels: a larger image is refused at upload
    /// when its header shows it, else its receipt fails in processing.
    pub max_image_megapixels: u32,
    /// Time allowed to each run of Tesseract or Poppler, in seconds; the
    /// program is killed past it and the receipt marked failed.
    pub tool_timeout_secs: u32,
    /// Memory (address space) allowed to each run of Tesseract or Poppler,
    /// in megabytes; past it the program fails and the receipt is marked
    /// failed.
    pub tool_memory_mb: u32,
    /// A deleted expense's receipts are kept this long, so undoing the
    /// delete brings them back; then the hourly sweep removes them.
    pub keep_deleted_hours: u32,
    /// A stored file that no receipt names is removed by the sweep once it
    /// is this old (younger ones may be uploads still being recorded).
    pub orphan_grace_minutes: u32,
}

impl Default for ReceiptSettings {
    fn default() -> Self {
        Self {
            max_file_mb: 10,
            workspace_quota_mb: 1000,
            ocr_command: "tesseract".to_string(),
            pdf_render_command: "pdftoppm".to_string(),
            pdf_info_command: "pdfinfo".to_string(),
            max_image_megapixels: 50,
            tool_timeout_secs: 60,
            tool_memory_mb: 1024,
            keep_deleted_hours: 24,
            orphan_grace_minutes: 60,
        }
    }
}

impl ReceiptSettings {
    #[must_use]
    pub fn max_file_bytes(&self) -> usize {
        megabytes(self.max_file_mb)
    }

    /// [`Self::max_image_megapixels`] in pixels.
    #[must_use]
    pub fn max_image_pixels(&self) -> u64 {
        u64::from(self.max_image_megapixels) * 1_000_000
    }

    fn check(&self) -> Result<()> {
        let fail = |msg: &str| Err(Error::string(&format!("config: settings.receipts: {msg}")));
        if self.max_file_mb == 0 || self.max_file_mb > 1024 {
            return fail("max_file_mb must be 1 to 1024");
        }
        if self.max_image_megapixels == 0 || self.max_image_megapixels > 1000 {
            return fail("max_image_megapixels must be 1 to 1000");
        }
        if self.tool_timeout_secs == 0 {
            return fail("tool_timeout_secs must be above 0");
        }
        if self.tool_memory_mb < 16 {
            return fail("tool_memory_mb must be at least 16");
        }
        Ok(())
    }
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
    /// The longest one run of a job may take, in seconds: past it the run
    /// is stopped (its transaction rolls back) and counts as failed, so it
    /// is retried like any failure instead of staying "Running".
    #[serde(default = "ten_minutes")]
    pub time_limit_secs: u64,
    /// How often a worker tells the queue it is alive, in seconds. The jobs
    /// of a worker silent for two of these (a killed process) go back to
    /// the queue and run again.
    #[serde(default = "heartbeat_secs")]
    pub heartbeat_secs: u64,
    /// Days a finished job stays in the queue before it is removed.
    #[serde(default = "seven_days")]
    pub keep_done_days: u32,
    /// Days a job that failed on every attempt stays listed on the console
    /// (for a retry) before it is removed.
    #[serde(default = "thirty_days")]
    pub keep_dead_days: u32,
}

const fn ten_minutes() -> u64 {
    600
}

const fn heartbeat_secs() -> u64 {
    10
}

const fn seven_days() -> u32 {
    7
}

const fn thirty_days() -> u32 {
    30
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
            time_limit_secs: ten_minutes(),
            heartbeat_secs: heartbeat_secs(),
            keep_done_days: seven_days(),
            keep_dead_days: thirty_days(),
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
    /// The longest one mail's delivery may take (connecting, the SMTP
    /// dialogue, or writing the file), in seconds; past it the mail job
    /// fails and is retried. Not too short: a relay that scans mail may
    /// take a while to accept it, and a retry sends it again.
    #[serde(default = "two_minutes")]
    pub send_timeout_secs: u64,
}

const fn two_minutes() -> u64 {
    120
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

/// Limits on what one request may send (`controllers::support::limits`).
/// Forms and JSON bodies are limited by `server.middlewares.limit_payload`,
/// receipts by `receipts.max_file_mb`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LimitSettings {
    /// Seconds a client may pause while sending a request body.
    pub body_idle_seconds: u32,
    /// Seconds a client has to send a whole request body.
    pub body_seconds: u32,
    /// The largest bank statement imported, in megabytes.
    pub import_mb: u32,
    /// The largest workspace archive restored, in megabytes.
    pub archive_mb: u32,
    /// Most fields (files included) of one multipart form.
    pub form_fields: u32,
    /// The longest text field of a multipart form, in kilobytes.
    pub form_field_kb: u32,
}

impl Default for LimitSettings {
    fn default() -> Self {
        Self {
            body_idle_seconds: 15,
            body_seconds: 120,
            import_mb: 50,
            archive_mb: 100,
            form_fields: 50,
            form_field_kb: 64,
        }
    }
}

fn megabytes(mb: u32) -> usize {
    usize::try_from(mb)
        .unwrap_or(usize::MAX / (1024 * 1024))
        .saturating_mul(1024 * 1024)
}

impl LimitSettings {
    #[must_use]
    pub fn import_bytes(&self) -> usize {
        megabytes(self.import_mb)
    }

    #[must_use]
    pub fn archive_bytes(&self) -> usize {
        megabytes(self.archive_mb)
    }

    #[must_use]
    pub fn form_field_bytes(&self) -> usize {
        usize::try_from(self.form_field_kb)
            .unwrap_or(usize::MAX / 1024)
            .saturating_mul(1024)
    }

    fn check(&self) -> Result<()> {
        if [
            self.body_idle_seconds,
            self.body_seconds,
            self.import_mb,
            self.archive_mb,
            self.form_fields,
            self.form_field_kb,
        ]
        .contains(&0)
        {
            return Err(Error::string(
                "config: settings.limits values must be at least 1",
            ));
        }
        Ok(())
    }
}

/// Limits on login, signup, password reset, email verification and the
/// prompts for a password again; counted in the database, so all processes
/// share them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RateLimitSettings {
    /// Attempts per minute from one client IP.
    pub per_ip_per_minute: u32,
    /// Attempts per minute against one account (email address or token).
    pub per_account_per_minute: u32,
    /// Confirmation links per account, and mails per invitation, that may
    /// be sent again within an hour.
    pub resends_per_hour: u32,
}

impl Default for RateLimitSettings {
    fn default() -> Self {
        Self {
            per_ip_per_minute: 30,
            per_account_per_minute: 5,
            resends_per_hour: 3,
        }
    }
}

impl Settings {
    /// Replaces the raw `settings:` block with the same as one JSON string,
    /// which [`Self::from_config`] reads too: the context (and its config)
    /// is cloned for every request, and one string copies in one step
    /// where a tree of values copies node by node.
    pub fn pack(config: &mut loco_rs::config::Config) {
        if let Some(raw @ serde_json::Value::Object(_)) = &config.settings {
            config.settings = Some(serde_json::Value::String(raw.to_string()));
        }
    }

    /// Parses and checks the `settings:` block.
    ///
    /// # Errors
    /// When the block is missing or a value is invalid.
    pub fn from_config(config: &loco_rs::config::Config) -> Result<Self> {
        let raw = match &config.settings {
            Some(serde_json::Value::String(packed)) => serde_json::from_str(packed)
                .map_err(|err| Error::string(&format!("config: packed settings: {err}")))?,
            Some(raw) => raw.clone(),
            None => return Err(Error::string("config: the `settings:` block is missing")),
        };
        let mut settings: Self = serde_json::from_value(raw)
            .map_err(|err| Error::string(&format!("config: invalid `settings:` block: {err}")))?;
        // An environment variable left empty means "not set".
        settings.owner_database_url = settings
            .owner_database_url
            .filter(|url| !url.trim().is_empty());
        settings.billing.stripe_secret_key = settings.billing.stripe_secret_key.trim().to_string();
        settings.billing.check()?;
        settings.storage.check()?;
        settings.receipts.check()?;
        settings.limits.check()?;
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
