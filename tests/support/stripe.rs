//! A stand-in for Stripe's API on loopback, one per test: localstripe plus
//! Checkout and Portal sessions (`stripe_standin.py`), run with the Python
//! that `scripts/ensure-test-tools.sh` installs. The app's real async-stripe
//! client talks to it over HTTP. Webhook bodies are signed exactly as
//! Stripe signs them.

use std::process::Stdio;

use hmac::{Hmac, Mac};
use loco_rs::config::Config;
use serde_json::{json, Value};
use sha2::Sha256;
use tokio::{
    io::{AsyncBufReadExt, BufReader},
    process::{Child, Command},
};

use super::python;

pub const SECRET_KEY: &str = "sk_test_standin";
pub const WEBHOOK_SECRET: &str = "whsec_test_standin";

/// The prices of `config/test.yaml`'s plans, made in the stand-in.
const PLANS: &str =
    "price_household_monthly:400:month,price_household_yearly:4000:year,price_team_monthly:1200:month";

pub struct StripeStandin {
    pub port: u16,
    _process: Child,
}

impl StripeStandin {
    pub async fn start() -> Self {
        let script = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/support/stripe_standin.py"
        );
        let mut process = Command::new(python())
            .args([script, "--port", "0", "--plans", PLANS])
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect(
                "start the Stripe stand-in: run scripts/ensure-test-tools.sh (scripts/test does)",
            );
        let stdout = process.stdout.take().expect("stand-in stdout");
        let mut line = String::new();
        tokio::time::timeout(
            std::time::Duration::from_secs(30),
            BufReader::new(stdout).read_line(&mut line),
        )
        .await
        .expect("the stand-in announces its port")
        .expect("read the stand-in's port");
        let port = line
            .trim()
            .strip_prefix("listening on ")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("unexpected stand-in output: {line:?}"));
        Self {
            port,
            _process: process,
        }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Turns billing on in `config`, against this stand-in.
    pub fn configure(&self, config: &mut Config) {
        configure_billing(config, &self.url());
    }

    /// A request to the stand-in; the answer's status and JSON body.
    pub async fn call(&self, method: &str, path: &str, form: &[(&str, &str)]) -> (u16, Value) {
        let body = serde_urlencoded::to_string(form).expect("form");
        let (status, body) = super::http_call(
            self.port,
            method,
            path,
            &[
                ("Authorization", &format!("Bearer {SECRET_KEY}")),
                ("Content-Type", "application/x-www-form-urlencoded"),
            ],
            &body,
        )
        .await;
        (status, serde_json::from_str(&body).unwrap_or(Value::Null))
    }

    /// The customer pays on the checkout page: the subscription starts.
    pub async fn complete_checkout(&self, session_id: &str) -> Value {
        let (status, session) = self
            .call(
                "POST",
                &format!("/_test/checkout/{session_id}/complete"),
                &[],
            )
            .await;
        assert_eq!(status, 200, "complete checkout: {session}");
        session
    }

    /// A renewal payment fails: the subscription is past due; returns the
    /// open invoice.
    pub async fn fail_renewal(&self, subscription_id: &str) -> Value {
        let (status, invoice) = self
            .call(
                "POST",
                &format!("/_test/subscriptions/{subscription_id}/fail_renewal"),
                &[],
            )
            .await;
        assert_eq!(status, 200, "fail renewal: {invoice}");
        invoice
    }

    /// Cancels a subscription at once, as from Stripe's dashboard.
    pub async fn cancel(&self, subscription_id: &str) -> Value {
        let (status, subscription) = self
            .call(
                "DELETE",
                &format!("/v1/subscriptions/{subscription_id}"),
                &[],
            )
            .await;
        assert_eq!(status, 200, "cancel: {subscription}");
        subscription
    }

    /// The next `count` API requests answer `status`.
    pub async fn fail_next(&self, count: u32, status: u16) {
        let (count, status) = (count.to_string(), status.to_string());
        self.call(
            "POST",
            "/_test/fail_next",
            &[("count", &count), ("status", &status)],
        )
        .await;
    }

    /// Every API request the app made: method, path and idempotency key.
    pub async fn requests(&self) -> Vec<Value> {
        let (_, log) = self.call("GET", "/_test/requests", &[]).await;
        log.as_array().cloned().unwrap_or_default()
    }

    pub async fn subscription(&self, id: &str) -> Value {
        self.call("GET", &format!("/v1/subscriptions/{id}"), &[])
            .await
            .1
    }
}

/// Turns billing on in `config`, with its Stripe API at `api_base`.
pub fn configure_billing(config: &mut Config, api_base: &str) {
    let billing = &mut config.settings.as_mut().expect("settings")["billing"];
    billing["stripe_secret_key"] = SECRET_KEY.into();
    billing["webhook_secret"] = WEBHOOK_SECRET.into();
    billing["api_base"] = api_base.into();
    // Tests wait little for retries.
    billing["timeout_ms"] = 5000.into();
}

/// The `Stripe-Signature` header Stripe sends for `body` at `timestamp`.
pub fn signature(secret: &str, body: &str, timestamp: i64) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("key");
    mac.update(format!("{timestamp}.{body}").as_bytes());
    format!(
        "t={timestamp},v1={}",
        hex::encode(mac.finalize().into_bytes())
    )
}

/// An event as Stripe sends it: `type` about the object `object`.
pub fn event(id: &str, kind: &str, object: Value) -> String {
    json!({
        "id": id,
        "object": "event",
        "api_version": "2025-09-30.clover",
        "created": chrono::Utc::now().timestamp(),
        "type": kind,
        "livemode": false,
        "pending_webhooks": 1,
        "data": { "object": object },
    })
    .to_string()
}
