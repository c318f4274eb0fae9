//! Stripe's API, as billing uses it.
//!
//! Requests are built with async-stripe's typed request builders and sent by
//! its client. Answers are read into the small types below, which hold only
//! the fields billing uses: Stripe adds and moves fields between API
//! versions (a subscription's period end moved onto its items, an invoice's
//! subscription under `parent`), and billing must not break when it does.
//!
//! Every call has a time limit and is tried up to `settings.billing.attempts`
//! times when the network fails or Stripe answers 5xx, waiting 0.5 s, 1 s,
//! 2 s ... between tries. Creates carry an idempotency key, the same on
//! every try, so a retried create never makes a second object.

use std::{collections::HashMap, time::Duration};

use miniserde::Deserialize;
use stripe::{IdempotencyKey, RequestStrategy, StripeError, StripeRequest};
use stripe_billing::{
    billing_portal_session::CreateBillingPortalSession,
    invoice::RetrieveInvoice,
    subscription::{
        CancelSubscription, ListSubscription, ListSubscriptionStatus, RetrieveSubscription,
    },
};
use stripe_checkout::{
    checkout_session::{
        CreateCheckoutSession, CreateCheckoutSessionLineItems, RetrieveCheckoutSession,
    },
    CheckoutSessionMode,
};
use stripe_core::customer::CreateCustomer;

use crate::settings::BillingSettings;

/// Why a call to Stripe failed.
#[derive(Debug)]
pub enum StripeFailure {
    /// No answer (network error, timeout) or a 5xx, after every try.
    Unreachable(String),
    /// Stripe refused the request (4xx); `message` is Stripe's.
    Refused { status: u16, message: String },
    /// The answer was not what we expected.
    Invalid(String),
}

impl std::fmt::Display for StripeFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unreachable(why) => write!(f, "Stripe could not be reached: {why}"),
            Self::Refused { status, message } => {
                write!(f, "Stripe refused the request ({status}): {message}")
            }
            Self::Invalid(why) => write!(f, "unexpected answer from Stripe: {why}"),
        }
    }
}

impl std::error::Error for StripeFailure {}

impl StripeFailure {
    fn from_client(err: StripeError) -> Self {
        match err {
            StripeError::Stripe(errors, status) if status < 500 => Self::Refused {
                status,
                message: errors.message.clone().unwrap_or_default(),
            },
            StripeError::Stripe(_, status) => Self::Unreachable(format!("HTTP {status}")),
            StripeError::ClientError(why) => Self::Unreachable(why),
            StripeError::Timeout => Self::Unreachable("timed out".to_string()),
            StripeError::JSONDeserialize(why) | StripeError::ConfigError(why) => Self::Invalid(why),
        }
    }

    /// Worth another try later (a job retries these).
    #[must_use]
    pub fn is_transient(&self) -> bool {
        matches!(self, Self::Unreachable(_))
    }
}

pub type StripeResult<T> = std::result::Result<T, StripeFailure>;

#[derive(Debug, Deserialize)]
pub struct Customer {
    pub id: String,
}

#[derive(Debug, Deserialize)]
pub struct Reference {
    pub id: String,
}

#[derive(Debug, Deserialize)]
pub struct SubscriptionItem {
    pub price: Option<Reference>,
    /// Older API versions (and plan-based prices) name the price here.
    pub plan: Option<Reference>,
    pub current_period_end: Option<i64>,
}

#[derive(Debug, Deserialize)]
pub struct SubscriptionItems {
    pub data: Vec<SubscriptionItem>,
}

#[derive(Debug, Deserialize)]
pub struct Subscription {
    pub id: String,
    pub customer: String,
    pub status: String,
    pub items: SubscriptionItems,
    /// Before API version 2025-03-31 the period end is on the subscription.
    pub current_period_end: Option<i64>,
    pub cancel_at_period_end: Option<bool>,
}

impl Subscription {
    /// The price billed: the first item's.
    #[must_use]
    pub fn price_id(&self) -> Option<&str> {
        let item = self.items.data.first()?;
        item.price
            .as_ref()
            .or(item.plan.as_ref())
            .map(|r| r.id.as_str())
    }

    /// When the period paid for ends (seconds since the epoch).
    #[must_use]
    pub fn period_end(&self) -> Option<i64> {
        self.current_period_end.or_else(|| {
            self.items
                .data
                .iter()
                .filter_map(|item| item.current_period_end)
                .max()
        })
    }
}

#[derive(Debug, Deserialize)]
pub struct SubscriptionPage {
    pub data: Vec<Subscription>,
    pub has_more: bool,
}

#[derive(Debug, Deserialize)]
pub struct CheckoutSession {
    pub id: String,
    pub url: Option<String>,
    pub customer: Option<String>,
    pub subscription: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct PortalSession {
    pub url: String,
}

#[derive(Debug, Deserialize)]
pub struct InvoiceSubscriptionDetails {
    pub subscription: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct InvoiceParent {
    pub subscription_details: Option<InvoiceSubscriptionDetails>,
}

#[derive(Debug, Deserialize)]
pub struct Invoice {
    pub id: String,
    pub customer: Option<String>,
    /// Before API version 2025-03-31.
    pub subscription: Option<String>,
    pub parent: Option<InvoiceParent>,
    pub amount_due: Option<i64>,
    pub currency: Option<String>,
    pub hosted_invoice_url: Option<String>,
}

impl Invoice {
    #[must_use]
    pub fn subscription_id(&self) -> Option<&str> {
        self.subscription.as_deref().or_else(|| {
            self.parent
                .as_ref()?
                .subscription_details
                .as_ref()?
                .subscription
                .as_deref()
        })
    }
}

/// A connection to Stripe with billing's settings.
#[derive(Clone)]
pub struct Stripe {
    client: stripe::Client,
    attempts: u32,
}

/// The first wait before a retry; each next one doubles.
const FIRST_BACKOFF: Duration = Duration::from_millis(500);

impl Stripe {
    /// # Errors
    /// When the settings do not make a client (a key with invalid characters).
    pub fn new(settings: &BillingSettings) -> StripeResult<Self> {
        let client = stripe::ClientBuilder::new(settings.stripe_secret_key.clone())
            .url(settings.api_base.trim_end_matches('/').to_string())
            .timeout(Duration::from_millis(settings.timeout_ms))
            .app_info("SmartExpense", Some(env!("CARGO_PKG_VERSION").into()), None)
            .build()
            .map_err(StripeFailure::from_client)?;
        Ok(Self {
            client,
            attempts: settings.attempts,
        })
    }

    /// Sends a request, retrying network errors and 5xx answers with
    /// backoff; with `key`, every try carries that idempotency key.
    async fn send<T: Deserialize>(
        &self,
        request: &impl StripeRequest,
        key: Option<&str>,
    ) -> StripeResult<T> {
        let strategy = match key {
            Some(key) => RequestStrategy::Idempotent(
                IdempotencyKey::new(key).map_err(|err| StripeFailure::Invalid(err.to_string()))?,
            ),
            None => RequestStrategy::Once,
        };
        let mut wait = FIRST_BACKOFF;
        let mut tries = 1;
        loop {
            let answer = request
                .build()
                .customize::<T>()
                .request_strategy(strategy.clone())
                .send(&self.client)
                .await
                .map_err(StripeFailure::from_client);
            match answer {
                Err(failure) if failure.is_transient() && tries < self.attempts => {
                    tracing::warn!(%failure, tries, "Stripe call failed; trying again");
                    tokio::time::sleep(wait).await;
                    wait *= 2;
                    tries += 1;
                }
                answer => return answer,
            }
        }
    }

    /// Creates the customer a workspace pays as; `workspace_pid` keys the
    /// create, so two tries (or two clicks) make one customer.
    ///
    /// # Errors
    /// When Stripe fails.
    pub async fn create_customer(
        &self,
        workspace_pid: &str,
        name: &str,
        email: &str,
    ) -> StripeResult<Customer> {
        let request = CreateCustomer::new()
            .name(name)
            .email(email)
            .metadata(HashMap::from([(
                "workspace_id".to_string(),
                workspace_pid.to_string(),
            )]));
        self.send(&request, Some(&format!("customer-{workspace_pid}")))
            .await
    }

    /// Opens a Checkout Session for a subscription to `price_id`.
    ///
    /// # Errors
    /// When Stripe fails.
    pub async fn create_checkout_session(
        &self,
        checkout: &Checkout<'_>,
    ) -> StripeResult<CheckoutSession> {
        let mut item = CreateCheckoutSessionLineItems::new();
        item.price = Some(checkout.price_id.to_string());
        item.quantity = Some(1);
        let request = CreateCheckoutSession::new()
            .mode(CheckoutSessionMode::Subscription)
            .customer(checkout.customer_id)
            .client_reference_id(checkout.workspace_pid)
            .line_items(vec![item])
            .success_url(checkout.success_url)
            .cancel_url(checkout.cancel_url)
            .metadata(HashMap::from([(
                "workspace_id".to_string(),
                checkout.workspace_pid.to_string(),
            )]));
        self.send(&request, Some(checkout.idempotency_key)).await
    }

    /// Opens the Customer Portal for `customer_id`.
    ///
    /// # Errors
    /// When Stripe fails.
    pub async fn create_portal_session(
        &self,
        customer_id: &str,
        return_url: &str,
    ) -> StripeResult<PortalSession> {
        let request = CreateBillingPortalSession::new()
            .customer(customer_id)
            .return_url(return_url);
        self.send(&request, None).await
    }

    /// # Errors
    /// When Stripe fails (`Refused` with 404 when there is no such subscription).
    pub async fn subscription(&self, id: &str) -> StripeResult<Subscription> {
        self.send(&RetrieveSubscription::new(id), None).await
    }

    /// Ends a subscription now (no refund, no further invoices).
    ///
    /// # Errors
    /// When Stripe fails (`Refused` with 404 when it no longer exists).
    pub async fn cancel_subscription(&self, id: &str) -> StripeResult<Subscription> {
        self.send(&CancelSubscription::new(id), None).await
    }

    /// # Errors
    /// When Stripe fails.
    pub async fn checkout_session(&self, id: &str) -> StripeResult<CheckoutSession> {
        self.send(&RetrieveCheckoutSession::new(id), None).await
    }

    /// # Errors
    /// When Stripe fails.
    pub async fn invoice(&self, id: &str) -> StripeResult<Invoice> {
        self.send(&RetrieveInvoice::new(id), None).await
    }

    /// One page (up to 100) of every subscription, in any status, after
    /// the subscription `after`.
    ///
    /// # Errors
    /// When Stripe fails.
    pub async fn subscriptions_after(&self, after: Option<&str>) -> StripeResult<SubscriptionPage> {
        let mut request = ListSubscription::new()
            .status(ListSubscriptionStatus::All)
            .limit(100);
        if let Some(after) = after {
            request = request.starting_after(after);
        }
        self.send(&request, None).await
    }
}

/// What a Checkout Session is opened for.
pub struct Checkout<'a> {
    pub customer_id: &'a str,
    pub price_id: &'a str,
    pub workspace_pid: &'a str,
    pub success_url: &'a str,
    pub cancel_url: &'a str,
    /// The same key for a retried click, a new one for a new attempt.
    pub idempotency_key: &'a str,
}
