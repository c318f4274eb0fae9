//! `POST /webhooks/stripe`: Stripe's events. The signature is checked
//! before anything is stored; the event is stored once and processed by a
//! job (see `models::stripe_events`), so the answer never waits on Stripe.

use axum::{body::Bytes, http::HeaderMap, http::StatusCode};
use loco_rs::{controller::ErrorDetail, prelude::*};
use serde_json::json;

use crate::{
    models::stripe_events::{self, Refusal},
    settings::Settings,
    workers::{queue, Job},
};

fn refused(refusal: &Refusal) -> Error {
    tracing::warn!(%refusal, "Stripe webhook refused");
    Error::CustomError(
        StatusCode::BAD_REQUEST,
        ErrorDetail::new("invalid_webhook", refusal.to_string()),
    )
}

#[debug_handler]
async fn stripe(
    State(ctx): State<AppContext>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response> {
    let settings = Settings::get(&ctx)?;
    let billing = &settings.billing;
    if !billing.enabled() {
        return Err(Error::NotFound);
    }
    let signature = headers
        .get("stripe-signature")
        .and_then(|v| v.to_str().ok());
    stripe_events::verify_signature(
        &body,
        signature,
        &billing.webhook_secret,
        billing.webhook_tolerance_secs,
        chrono::Utc::now().timestamp(),
    )
    .map_err(|r| refused(&r))?;
    let envelope = stripe_events::parse(&body).map_err(|r| refused(&r))?;
    let pending = stripe_events::Model::receive(&ctx.db, &envelope).await?;
    if pending {
        // Keyed by the event: a redelivery while the job waits adds none.
        queue::enqueue_once(
            &ctx,
            Job::StripeEvent {
                event_id: envelope.id.clone(),
            },
            &format!("stripe-event:{}", envelope.id),
        )
        .await?;
    }
    format::json(json!({ "received": true, "duplicate": !pending }))
}

pub fn routes() -> Routes {
    Routes::new().add("/webhooks/stripe", post(stripe))
}
