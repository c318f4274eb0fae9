//! Stripe's webhook events: checked, stored once, then processed by a job.
//!
//! A webhook is accepted only with a valid `Stripe-Signature` (HMAC-SHA256
//! of `"{timestamp}.{body}"` under the endpoint's secret) made within the
//! tolerance. Its event id is stored once; a second delivery is
//! acknowledged and ignored. The job never trusts the body beyond the
//! event's type and object id: it fetches the object's current state from
//! Stripe, so events arriving late or out of order cannot roll a
//! subscription back.

use chrono::Utc;
use loco_rs::prelude::*;
use sea_orm::{sea_query::OnConflict, ActiveValue};

pub use super::_entities::stripe_events::{self, ActiveModel, Entity, Model};
use super::{
    audit_events::Actor,
    billing::{self, stripe_error},
    secrets,
    stripe::{Stripe, StripeFailure},
};
use crate::{
    mailers::Mail,
    settings::{BillingSettings, Settings},
};

impl ActiveModelBehavior for ActiveModel {}

/// Why a webhook was refused (400; nothing stored).
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    NoSignature,
    BadSignature,
    TooOld,
    Malformed(&'static str),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NoSignature => write!(f, "missing or unreadable Stripe-Signature header"),
            Self::BadSignature => write!(f, "no signature matches this endpoint's secret"),
            Self::TooOld => write!(f, "the signature's timestamp is outside the tolerance"),
            Self::Malformed(what) => write!(f, "malformed event: {what}"),
        }
    }
}

/// Checks a `Stripe-Signature` header (`t=…,v1=…[,v1=…]`) against `body`.
///
/// # Errors
/// The reason the signature is refused.
pub fn verify_signature(
    body: &[u8],
    header: Option<&str>,
    secret: &str,
    tolerance_secs: i64,
    now: i64,
) -> std::result::Result<(), Refusal> {
    let header = header.ok_or(Refusal::NoSignature)?;
    let body = std::str::from_utf8(body).map_err(|_| Refusal::Malformed("not UTF-8"))?;
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", value)) => timestamp = value.parse::<i64>().ok(),
            Some(("v1", value)) => signatures.push(value),
            _ => {}
        }
    }
    let timestamp = timestamp.ok_or(Refusal::NoSignature)?;
    if signatures.is_empty() {
        return Err(Refusal::NoSignature);
    }
    let expected = secrets::sign(secret, &format!("{timestamp}.{body}"));
    if !signatures.iter().any(|s| secrets::same(s, &expected)) {
        return Err(Refusal::BadSignature);
    }
    if (now - timestamp).abs() > tolerance_secs {
        return Err(Refusal::TooOld);
    }
    Ok(())
}

/// The parts of an event billing reads.
#[derive(Debug, PartialEq, Eq)]
pub struct Envelope {
    pub id: String,
    pub event_type: String,
    pub object_id: String,
    pub created: i64,
}

/// Reads an event's id, type, creation time and object id.
///
/// # Errors
/// What is missing.
pub fn parse(body: &[u8]) -> std::result::Result<Envelope, Refusal> {
    let value: serde_json::Value =
        serde_json::from_slice(body).map_err(|_| Refusal::Malformed("not JSON"))?;
    let text = |v: &serde_json::Value| v.as_str().filter(|s| !s.is_empty()).map(String::from);
    let id = text(&value["id"]).ok_or(Refusal::Malformed("no id"))?;
    let event_type = text(&value["type"]).ok_or(Refusal::Malformed("no type"))?;
    let object_id =
        text(&value["data"]["object"]["id"]).ok_or(Refusal::Malformed("no data.object.id"))?;
    let created = value["created"]
        .as_i64()
        .ok_or(Refusal::Malformed("no created"))?;
    if id.len() > 255 || event_type.len() > 255 || object_id.len() > 255 {
        return Err(Refusal::Malformed("an id is too long"));
    }
    Ok(Envelope {
        id,
        event_type,
        object_id,
        created,
    })
}

impl Model {
    /// Stores a verified event unless its id is stored already. Returns
    /// whether it still needs processing (new, or stored but not done).
    ///
    /// # Errors
    /// On database errors.
    pub async fn receive(db: &DatabaseConnection, envelope: &Envelope) -> ModelResult<bool> {
        Entity::insert(ActiveModel {
            event_id: Set(envelope.id.clone()),
            event_type: Set(envelope.event_type.clone()),
            object_id: Set(envelope.object_id.clone()),
            stripe_created: Set(envelope.created),
            processed_at: ActiveValue::NotSet,
            ..Default::default()
        })
        .on_conflict(
            OnConflict::column(stripe_events::Column::EventId)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
        let stored = Entity::find()
            .filter(stripe_events::Column::EventId.eq(&envelope.id))
            .one(db)
            .await?;
        Ok(stored.is_some_and(|e| e.processed_at.is_none()))
    }

    /// Events stored more than a minute ago and not processed: their job
    /// gave up (Stripe was unreachable for longer than its retries).
    ///
    /// # Errors
    /// On database errors.
    pub async fn stalled(db: &DatabaseConnection) -> ModelResult<Vec<Self>> {
        Ok(Entity::find()
            .filter(stripe_events::Column::ProcessedAt.is_null())
            .filter(stripe_events::Column::CreatedAt.lt(Utc::now() - chrono::Duration::minutes(1)))
            .order_by_asc(stripe_events::Column::Id)
            .all(db)
            .await?)
    }

    async fn finish(self, db: &DatabaseConnection, outcome: &str) -> ModelResult<()> {
        let mut active = self.into_active_model();
        active.processed_at = Set(Some(Utc::now().into()));
        active.outcome = Set(Some(outcome.to_string()));
        active.update(db).await?;
        Ok(())
    }
}

/// Processes a stored event: fetches the object it is about from Stripe
/// and mirrors the subscription behind it.
///
/// # Errors
/// When Stripe cannot be reached (the job retries); database errors.
pub async fn process(ctx: &AppContext, event_id: &str) -> Result<()> {
    let Some(event) = Entity::find()
        .filter(stripe_events::Column::EventId.eq(event_id))
        .one(&ctx.db)
        .await?
    else {
        return Ok(());
    };
    if event.processed_at.is_some() {
        return Ok(());
    }
    let settings = Settings::get(ctx)?;
    if !settings.billing.enabled() {
        return event
            .finish(&ctx.db, "billing is off")
            .await
            .map_err(Into::into);
    }
    let stripe = Stripe::new(&settings.billing).map_err(|f| stripe_error(&f))?;
    let outcome = handle(ctx, &settings.billing, &stripe, &event).await?;
    tracing::info!(
        event = event.event_id,
        kind = event.event_type,
        outcome,
        "Stripe event processed"
    );
    event.finish(&ctx.db, &outcome).await?;
    Ok(())
}

/// A failed call to Stripe: retried later when Stripe could not be reached
/// (the job fails); otherwise (an object that does not exist) retrying
/// cannot help, so the refusal becomes the event's outcome.
fn settle(failure: StripeFailure) -> Result<String> {
    if failure.is_transient() {
        Err(stripe_error(&failure))
    } else {
        Ok(failure.to_string())
    }
}

async fn handle(
    ctx: &AppContext,
    settings: &BillingSettings,
    stripe: &Stripe,
    event: &Model,
) -> Result<String> {
    let kind = event.event_type.as_str();
    let mut failed_invoice = None;
    let subscription_id = match kind {
        "checkout.session.completed" => match stripe.checkout_session(&event.object_id).await {
            Ok(session) => session.subscription,
            Err(failure) => return settle(failure),
        },
        "customer.subscription.created"
        | "customer.subscription.updated"
        | "customer.subscription.deleted"
        | "customer.subscription.paused"
        | "customer.subscription.resumed" => Some(event.object_id.clone()),
        "invoice.paid" | "invoice.payment_failed" | "invoice.payment_succeeded" => {
            let invoice = match stripe.invoice(&event.object_id).await {
                Ok(invoice) => invoice,
                Err(failure) => return settle(failure),
            };
            let subscription = invoice.subscription_id().map(String::from);
            if kind == "invoice.payment_failed" {
                failed_invoice = Some(invoice);
            }
            subscription
        }
        _ => return Ok(format!("ignored: billing does not use {kind}")),
    };
    let Some(subscription_id) = subscription_id else {
        return Ok("no subscription behind this event".to_string());
    };
    let subscription = match stripe.subscription(&subscription_id).await {
        Ok(subscription) => subscription,
        Err(failure) => return settle(failure),
    };
    let applied = billing::Model::apply_subscription(
        &ctx.db,
        settings,
        &subscription,
        &Actor::system("Stripe"),
    )
    .await?;
    if let (Some(invoice), Some(_)) = (&failed_invoice, applied) {
        notify_payment_failed(ctx, &subscription.customer, &invoice.id).await?;
    }
    Ok(match applied {
        None => format!("unknown customer {}", subscription.customer),
        Some(true) => format!(
            "subscription {} is now {}",
            subscription.id, subscription.status
        ),
        Some(false) => format!("subscription {} unchanged", subscription.id),
    })
}

/// Mails the workspace owner that a payment failed (once per invoice).
async fn notify_payment_failed(
    ctx: &AppContext,
    customer_id: &str,
    invoice_id: &str,
) -> Result<()> {
    let Some(account) = billing::Model::for_customer(&ctx.db, customer_id).await? else {
        return Ok(());
    };
    Mail::PaymentFailed {
        workspace_id: account.workspace_id,
        invoice_id: invoice_id.to_string(),
    }
    .queue(ctx)
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "whsec_test";
    const BODY: &str = r#"{"id":"evt_1","type":"invoice.paid","created":1700000000,"data":{"object":{"id":"in_1"}}}"#;

    fn header(t: i64, secret: &str) -> String {
        format!("t={t},v1={}", secrets::sign(secret, &format!("{t}.{BODY}")))
    }

    #[test]
    fn a_signature_must_match_and_be_recent() {
        let now = 1_700_000_100;
        let check = |h: &str, now| verify_signature(BODY.as_bytes(), Some(h), SECRET, 300, now);
        assert_eq!(check(&header(now, SECRET), now), Ok(()));
        // Stripe sends several v1 signatures while a secret is rolled.
        let rolled = format!(
            "t={now},v1={},v1={}",
            "00".repeat(32),
            header(now, SECRET).split("v1=").nth(1).unwrap_or_default()
        );
        assert_eq!(check(&rolled, now), Ok(()));
        assert_eq!(
            check(&header(now, "whsec_other"), now),
            Err(Refusal::BadSignature)
        );
        assert_eq!(check(&header(now - 301, SECRET), now), Err(Refusal::TooOld));
        assert_eq!(check(&header(now + 301, SECRET), now), Err(Refusal::TooOld));
        assert_eq!(check("v1=abc", now), Err(Refusal::NoSignature));
        assert_eq!(check(&format!("t={now}"), now), Err(Refusal::NoSignature));
        assert_eq!(
            verify_signature(BODY.as_bytes(), None, SECRET, 300, now),
            Err(Refusal::NoSignature)
        );
    }

    #[test]
    fn an_event_needs_id_type_created_and_object_id() {
        assert_eq!(
            parse(BODY.as_bytes()),
            Ok(Envelope {
                id: "evt_1".into(),
                event_type: "invoice.paid".into(),
                object_id: "in_1".into(),
                created: 1_700_000_000,
            })
        );
        assert_eq!(parse(b"[]"), Err(Refusal::Malformed("no id")));
        assert_eq!(
            parse(br#"{"id":"evt_1","type":"x","created":1,"data":{"object":{}}}"#),
            Err(Refusal::Malformed("no data.object.id"))
        );
        assert_eq!(parse(b"\xff"), Err(Refusal::Malformed("not JSON")));
    }
}
