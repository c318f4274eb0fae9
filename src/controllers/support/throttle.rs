//! Rate limits for the account endpoints (login, signup, password reset,
//! email verification): one budget per client IP and one per account, so
//! neither a single address nor a botnet against one account gets far.

use std::{net::IpAddr, num::NonZeroU32, sync::Arc, time::Duration};

use axum::http::{header, StatusCode};
use governor::{clock::Clock, DefaultKeyedRateLimiter, Quota, RateLimiter};
use loco_rs::prelude::*;

use crate::settings::RateLimitSettings;

/// Keyed limiters forget idle keys once they track this many.
const SHRINK_ABOVE: usize = 10_000;

pub struct AuthThrottle {
    per_ip: DefaultKeyedRateLimiter<IpAddr>,
    per_account: DefaultKeyedRateLimiter<String>,
}

/// A request over its budget; `retry_after` says when to come back.
#[derive(Debug)]
pub struct Throttled {
    pub retry_after: Duration,
}

fn per_minute(count: u32) -> Quota {
    Quota::per_minute(NonZeroU32::new(count).unwrap_or(NonZeroU32::MIN))
}

impl AuthThrottle {
    #[must_use]
    pub fn new(limits: &RateLimitSettings) -> Self {
        Self {
            per_ip: RateLimiter::keyed(per_minute(limits.per_ip_per_minute)),
            per_account: RateLimiter::keyed(per_minute(limits.per_account_per_minute)),
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

    /// Spends one attempt of `ip`'s and of `account`'s budgets. `account`
    /// names the action and its target, e.g. `login:ann@example.com`.
    ///
    /// # Errors
    /// When either budget is spent.
    pub fn check(&self, ip: &RemoteIP, account: &str) -> std::result::Result<(), Throttled> {
        let clock = governor::clock::DefaultClock::default();
        if let RemoteIP::Forwarded(ip) | RemoteIP::Socket(ip) = ip {
            if let Err(not_until) = self.per_ip.check_key(ip) {
                return Err(Throttled {
                    retry_after: not_until.wait_time_from(clock.now()),
                });
            }
        }
        if let Err(not_until) = self.per_account.check_key(&account.to_string()) {
            return Err(Throttled {
                retry_after: not_until.wait_time_from(clock.now()),
            });
        }
        self.shrink();
        Ok(())
    }

    fn shrink(&self) {
        if self.per_ip.len() > SHRINK_ABOVE {
            self.per_ip.retain_recent();
        }
        if self.per_account.len() > SHRINK_ABOVE {
            self.per_account.retain_recent();
        }
    }
}

impl Throttled {
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
                "description": format!("Too many attempts; try again in {secs} seconds."),
            }))
    }

    /// The message for a page.
    #[must_use]
    pub fn message(&self) -> String {
        format!(
            "Too many attempts; try again in {} seconds.",
            self.retry_after_secs()
        )
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
