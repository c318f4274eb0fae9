//! Paid plans through Stripe, against a stand-in for Stripe's API on
//! loopback (localstripe plus our Checkout and Portal sessions) that the
//! app's real async-stripe client calls, with webhooks signed as Stripe
//! signs them. The plans are `config/test.yaml`'s: Free allows 2 people, 3
//! new expenses a month and 12 months of history; Household allows 6 people.

use chrono::{Duration, Months, Utc};
use sea_orm::{ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, Set};
use serde_json::{json, Value};
use smartexpense::models::ids::WorkspaceId;
use smartexpense::models::{_entities::stripe_events, billing};

use super::workspaces_api::{join_as, workspace_of};
use crate::support::{
    jobs_done,
    stripe::{self, StripeStandin, WEBHOOK_SECRET},
    TestApp, PASSWORD,
};

async fn billed_app() -> (TestApp, StripeStandin) {
    let standin = StripeStandin::start().await;
    let app = TestApp::start_with(|config| standin.configure(config)).await;
    (app, standin)
}

async fn billing_of(app: &TestApp, token: &str, ws: &str) -> Value {
    let answer = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/billing"))
        .authorization_bearer(token)
        .await;
    assert_eq!(answer.status_code(), 200, "{}", answer.text());
    answer.json()
}

/// Starts a checkout as `token`; the Checkout Session's id.
async fn checkout(app: &TestApp, token: &str, ws: &str, plan: &str, interval: &str) -> String {
    let answer = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/billing/checkout"))
        .authorization_bearer(token)
        .json(&json!({ "plan": plan, "interval": interval }))
        .await;
    assert_eq!(answer.status_code(), 201, "{}", answer.text());
    let url = answer.json::<Value>()["url"].as_str().unwrap().to_string();
    url.rsplit('/').next().unwrap().to_string()
}

/// Delivers `body` to the webhook endpoint signed at `timestamp` with `secret`.
async fn deliver_signed(
    app: &TestApp,
    body: &str,
    secret: &str,
    timestamp: i64,
) -> axum_test::TestResponse {
    app.server
        .post("/webhooks/stripe")
        .add_header(
            "stripe-signature",
            stripe::signature(secret, body, timestamp),
        )
        .content_type("application/json")
        .bytes(body.as_bytes().to_vec().into())
        .await
}

/// Delivers an event as Stripe would, and waits for its job.
async fn deliver(app: &TestApp, id: &str, kind: &str, object: Value) -> Value {
    let body = stripe::event(id, kind, object);
    let answer = deliver_signed(app, &body, WEBHOOK_SECRET, Utc::now().timestamp()).await;
    assert_eq!(answer.status_code(), 200, "{}", answer.text());
    app.jobs_done().await;
    answer.json()
}

/// A workspace on the Household plan, paid through checkout; (owner token,
/// workspace id, subscription id).
async fn household_subscriber(app: &TestApp, standin: &StripeStandin) -> (String, String, String) {
    let (ann, ws) = workspace_of(app, "Ann", "ann@example.com").await;
    let session = checkout(app, &ann, &ws, "household", "month").await;
    let paid = standin.complete_checkout(&session).await;
    deliver(
        app,
        &format!("evt_checkout_{session}"),
        "checkout.session.completed",
        json!({ "id": session, "object": "checkout.session" }),
    )
    .await;
    let subscription = paid["subscription"].as_str().unwrap().to_string();
    (ann, ws, subscription)
}

async fn stored_events(app: &TestApp) -> u64 {
    stripe_events::Entity::find()
        .count(&app.ctx.db)
        .await
        .unwrap()
}

async fn add_expense(app: &TestApp, token: &str, ws: &str, date: &str) -> axum_test::TestResponse {
    app.server
        .post(&format!("/api/v1/workspaces/{ws}/expenses"))
        .authorization_bearer(token)
        .json(&json!({ "amount": "4.50", "description": "Coffee", "date": date }))
        .await
}

async fn invite(app: &TestApp, token: &str, ws: &str, email: &str) -> axum_test::TestResponse {
    app.server
        .post(&format!("/api/v1/workspaces/{ws}/invitations"))
        .authorization_bearer(token)
        .json(&json!({ "email": email, "role": "member" }))
        .await
}

/// Signs the test's browser in.
async fn log_in(app: &TestApp, email: &str) {
    let answer = app
        .post_form("/login", &[("email", email), ("password", PASSWORD)])
        .await;
    assert_eq!(answer.status_code(), 303, "{}", answer.text());
}

fn today() -> String {
    Utc::now().date_naive().to_string()
}

#[tokio::test]
async fn without_a_stripe_key_billing_is_off_and_nothing_is_limited() {
    let app = TestApp::start().await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    // 404, saying billing is off: not the answer for a workspace that is
    // not yours, which a client would take for a lost workspace.
    let show = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/billing"))
        .authorization_bearer(&ann)
        .await;
    assert_eq!(show.status_code(), 404);
    assert_eq!(show.json::<Value>()["error"], "billing_off");
    let checkout = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/billing/checkout"))
        .authorization_bearer(&ann)
        .json(&json!({ "plan": "household", "interval": "month" }))
        .await;
    assert_eq!(checkout.status_code(), 404);
    assert_eq!(checkout.json::<Value>()["error"], "billing_off");
    let elsewhere = app
        .server
        .get(&format!(
            "/api/v1/workspaces/{}/billing",
            uuid::Uuid::new_v4()
        ))
        .authorization_bearer(&ann)
        .await;
    assert_eq!(elsewhere.status_code(), 404);
    assert_eq!(elsewhere.json::<Value>()["error"], "not_found");
    let body = stripe::event(
        "evt_1",
        "customer.subscription.updated",
        json!({ "id": "sub_1" }),
    );
    let hook = deliver_signed(&app, &body, WEBHOOK_SECRET, Utc::now().timestamp()).await;
    assert_eq!(hook.status_code(), 404);
    assert_eq!(stored_events(&app).await, 0);

    // The Free plan of the test config would stop the 4th expense, the
    // 3rd person and old dates: with billing off, nothing does.
    for _ in 0..5 {
        assert_eq!(
            add_expense(&app, &ann, &ws, &today()).await.status_code(),
            201
        );
    }
    assert_eq!(
        add_expense(&app, &ann, &ws, "2019-01-01")
            .await
            .status_code(),
        201
    );
    for n in 0..3 {
        assert_eq!(
            invite(&app, &ann, &ws, &format!("p{n}@example.com"))
                .await
                .status_code(),
            201
        );
    }

    // No billing page or link.
    app.sign_up("Cat", "cat@example.com", PASSWORD).await;
    let cat_ws = app
        .post_form(
            "/w",
            &[
                ("name", "Cat's"),
                ("kind", "household"),
                ("currency", "EUR"),
                ("time_zone", "UTC"),
            ],
        )
        .await
        .header("location")
        .to_str()
        .unwrap()
        .to_string();
    assert!(!app.server.get(&cat_ws).await.text().contains("/billing"));
    assert_eq!(
        app.server
            .get(&format!("{cat_ws}/billing"))
            .await
            .status_code(),
        404
    );
}

#[tokio::test]
async fn checkout_to_an_active_subscription_shown_from_our_database() {
    let (app, standin) = billed_app().await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let before = billing_of(&app, &ann, &ws).await;
    assert_eq!(before["state"], "free");
    assert_eq!(before["plan"]["key"], "free");
    assert_eq!(before["has_billing_account"], false);

    // Two attempts: one Stripe customer, reused; each checkout create keyed.
    let first = checkout(&app, &ann, &ws, "household", "month").await;
    let second = checkout(&app, &ann, &ws, "household", "year").await;
    assert_ne!(first, second);
    let log = standin.requests().await;
    let creates = |path: &str| -> Vec<Value> {
        log.iter()
            .filter(|r| r["method"] == "POST" && r["path"] == path)
            .cloned()
            .collect()
    };
    assert_eq!(creates("/v1/customers").len(), 1, "{log:?}");
    let sessions = creates("/v1/checkout/sessions");
    assert_eq!(sessions.len(), 2);
    assert!(sessions.iter().all(|r| r["idempotency_key"].is_string()));
    assert_ne!(
        sessions[0]["idempotency_key"],
        sessions[1]["idempotency_key"]
    );
    assert!(creates("/v1/customers")[0]["idempotency_key"]
        .as_str()
        .unwrap()
        .starts_with("customer-"));

    // The return page shows our database's state, whatever the query says.
    log_in(&app, "ann@example.com").await;
    let waiting = app
        .server
        .get(&format!("/w/{ws}/billing?checkout=done"))
        .await;
    assert_eq!(waiting.status_code(), 200, "{}", waiting.text());
    assert!(waiting.text().contains("Stripe is confirming the payment"));
    assert!(waiting.text().contains("Free plan"));

    let paid = standin.complete_checkout(&second).await;
    deliver(
        &app,
        "evt_checkout_1",
        "checkout.session.completed",
        json!({ "id": second, "object": "checkout.session" }),
    )
    .await;
    let after = billing_of(&app, &ann, &ws).await;
    assert_eq!(after["state"], "active", "{after}");
    assert_eq!(after["plan"]["key"], "household");
    assert_eq!(after["subscription_status"], "active");
    assert!(after["current_period_end"].is_string());
    let page = app
        .server
        .get(&format!("/w/{ws}/billing?checkout=done"))
        .await
        .text();
    assert!(page.contains("Household plan"));
    assert!(!page.contains("Stripe is confirming"));

    // The change is in the audit log, by Stripe.
    let audit: Value = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/audit"))
        .authorization_bearer(&ann)
        .await
        .json::<Value>()["items"]
        .clone();
    let synced = audit
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "billing.synced")
        .expect("an audit entry");
    assert_eq!(synced["actor"], "Stripe");
    assert_eq!(
        synced["details"]["after"]["subscription_id"],
        paid["subscription"]
    );

    // A paying workspace cannot check out again; the portal opens instead.
    let again = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/billing/checkout"))
        .authorization_bearer(&ann)
        .json(&json!({ "plan": "team", "interval": "month" }))
        .await;
    assert_eq!(again.status_code(), 422, "{}", again.text());
    let portal = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/billing/portal"))
        .authorization_bearer(&ann)
        .await;
    assert_eq!(portal.status_code(), 201, "{}", portal.text());
    assert!(portal.json::<Value>()["url"]
        .as_str()
        .unwrap()
        .starts_with(&format!("{}/_test/portal/bps_", standin.url())));
}

#[tokio::test]
async fn only_the_owner_opens_checkout_or_the_portal_and_bad_choices_are_refused() {
    let (app, standin) = billed_app().await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    // Plans not on offer, and the portal before there is a customer, are
    // refused before anything reaches Stripe.
    for (plan, interval, field) in [
        ("free", "month", "plan"),
        ("platinum", "month", "plan"),
        ("team", "year", "interval"),
        ("household", "fortnight", "interval"),
    ] {
        let refused = app
            .server
            .post(&format!("/api/v1/workspaces/{ws}/billing/checkout"))
            .authorization_bearer(&ann)
            .json(&json!({ "plan": plan, "interval": interval }))
            .await;
        assert_eq!(refused.status_code(), 422, "{plan}/{interval}");
        assert!(
            refused.json::<Value>()["errors"][field].is_array(),
            "{}",
            refused.text()
        );
    }
    let no_customer = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/billing/portal"))
        .authorization_bearer(&ann)
        .await;
    assert_eq!(no_customer.status_code(), 422);
    assert!(
        standin.requests().await.is_empty(),
        "nothing reached Stripe"
    );

    let bob = join_as(&app, &ann, &ws, "bob@example.com", "admin").await;
    for path in ["checkout", "portal"] {
        let refused = app
            .server
            .post(&format!("/api/v1/workspaces/{ws}/billing/{path}"))
            .authorization_bearer(&bob)
            .json(&json!({ "plan": "household", "interval": "month" }))
            .await;
        assert_eq!(refused.status_code(), 403, "{path}: {}", refused.text());
    }
    // Everyone may see the plan.
    assert_eq!(billing_of(&app, &bob, &ws).await["plan"]["key"], "free");

    // On the pages: the admin sees the plans but no buttons, and a post
    // is refused; the owner's choice is answered with a redirect to Stripe.
    log_in(&app, "bob@example.com").await;
    let seen = app.server.get(&format!("/w/{ws}/billing")).await.text();
    assert!(seen.contains("Only the workspace owner can change the plan."));
    assert!(!seen.contains("/billing/checkout"));
    let page_refused = app
        .post_form(
            &format!("/w/{ws}/billing/checkout"),
            &[("plan", "household"), ("interval", "month")],
        )
        .await;
    assert_eq!(page_refused.status_code(), 403);
    assert!(standin.requests().await.is_empty());

    let owner = app.another_browser();
    let signed_in = crate::support::post_form_as(
        &owner,
        "/login",
        &[("email", "ann@example.com"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(signed_in.status_code(), 303);
    assert!(owner
        .get(&format!("/w/{ws}/billing"))
        .await
        .text()
        .contains(&format!("/w/{ws}/billing/checkout")));
    let to_stripe = crate::support::post_form_as(
        &owner,
        &format!("/w/{ws}/billing/checkout"),
        &[("plan", "household"), ("interval", "year")],
    )
    .await;
    assert_eq!(to_stripe.status_code(), 303);
    assert!(to_stripe
        .header("location")
        .to_str()
        .unwrap()
        .starts_with(&format!("{}/_test/pay/cs_test_", standin.url())));
}

#[tokio::test]
async fn webhooks_need_a_fresh_valid_signature_and_each_event_is_stored_once() {
    let (app, _standin) = billed_app().await;
    let body = stripe::event(
        "evt_a",
        "customer.subscription.updated",
        json!({ "id": "sub_missing" }),
    );
    let now = Utc::now().timestamp();

    let unsigned = app
        .server
        .post("/webhooks/stripe")
        .content_type("application/json")
        .bytes(body.clone().into_bytes().into())
        .await;
    assert_eq!(unsigned.status_code(), 400);
    assert_eq!(
        deliver_signed(&app, &body, "whsec_wrong", now)
            .await
            .status_code(),
        400
    );
    assert_eq!(
        deliver_signed(&app, &body, WEBHOOK_SECRET, now - 600)
            .await
            .status_code(),
        400,
        "a replay of an old delivery"
    );
    let tampered = body.replace("sub_missing", "sub_other");
    let signed_for_other = app
        .server
        .post("/webhooks/stripe")
        .add_header(
            "stripe-signature",
            stripe::signature(WEBHOOK_SECRET, &body, now),
        )
        .content_type("application/json")
        .bytes(tampered.into_bytes().into())
        .await;
    assert_eq!(
        signed_for_other.status_code(),
        400,
        "a body changed after signing"
    );
    for malformed in [
        "not json",
        "{\"id\":\"evt_b\",\"type\":\"x\",\"created\":1,\"data\":{}}",
        "{}",
    ] {
        let refused = deliver_signed(&app, malformed, WEBHOOK_SECRET, now).await;
        assert_eq!(refused.status_code(), 400, "{malformed}");
        assert!(refused.text().contains("malformed"), "{}", refused.text());
    }
    assert_eq!(
        stored_events(&app).await,
        0,
        "nothing stored from a refused webhook"
    );

    // A good one is stored and processed once; Stripe says the object does
    // not exist, which becomes its outcome.
    let first = deliver(
        &app,
        "evt_a",
        "customer.subscription.updated",
        json!({ "id": "sub_missing" }),
    )
    .await;
    assert_eq!(first["duplicate"], false);
    let again = deliver(
        &app,
        "evt_a",
        "customer.subscription.updated",
        json!({ "id": "sub_missing" }),
    )
    .await;
    assert_eq!(again["duplicate"], true);
    assert_eq!(stored_events(&app).await, 1);
    let stored = stripe_events::Entity::find()
        .one(&app.ctx.db)
        .await
        .unwrap()
        .unwrap();
    assert!(stored.processed_at.is_some());
    assert!(stored.outcome.unwrap().contains("refused"));

    // Events billing does not use are acknowledged and recorded as ignored.
    deliver(&app, "evt_c", "charge.refunded", json!({ "id": "ch_1" })).await;
    let ignored = stripe_events::Entity::find()
        .filter(stripe_events::Column::EventId.eq("evt_c"))
        .one(&app.ctx.db)
        .await
        .unwrap()
        .unwrap();
    assert!(ignored.outcome.unwrap().starts_with("ignored"));
}

#[tokio::test]
async fn duplicate_and_out_of_order_events_cannot_roll_a_subscription_back() {
    let (app, standin) = billed_app().await;
    let (ann, ws, subscription) = household_subscriber(&app, &standin).await;
    assert_eq!(billing_of(&app, &ann, &ws).await["state"], "active");

    standin.cancel(&subscription).await;
    deliver(
        &app,
        "evt_deleted",
        "customer.subscription.deleted",
        json!({ "id": subscription }),
    )
    .await;
    let cancelled = billing_of(&app, &ann, &ws).await;
    assert_eq!(cancelled["state"], "free");
    assert_eq!(cancelled["subscription_status"], "canceled");

    // The `created` event arrives late, then the checkout event again:
    // both fetch the subscription as it is now (cancelled).
    deliver(
        &app,
        "evt_created_late",
        "customer.subscription.created",
        json!({ "id": subscription, "status": "active" }),
    )
    .await;
    let replay = deliver(
        &app,
        "evt_checkout_again",
        "checkout.session.completed",
        json!({ "id": "cs_unknown" }),
    )
    .await;
    assert_eq!(replay["duplicate"], false);
    let still = billing_of(&app, &ann, &ws).await;
    assert_eq!(still["state"], "free", "{still}");
    assert_eq!(still["subscription_status"], "canceled");

    // A subscription of a customer that is not ours changes nothing.
    let (_, stranger) = standin
        .call("POST", "/v1/customers", &[("email", "x@example.com")])
        .await;
    let (_, session) = standin
        .call(
            "POST",
            "/v1/checkout/sessions",
            &[
                ("mode", "subscription"),
                ("customer", stranger["id"].as_str().unwrap()),
                ("line_items[0][price]", "price_team_monthly"),
                ("success_url", "http://127.0.0.1/ok"),
                ("cancel_url", "http://127.0.0.1/no"),
            ],
        )
        .await;
    let theirs = standin
        .complete_checkout(session["id"].as_str().unwrap())
        .await;
    deliver(
        &app,
        "evt_stranger",
        "customer.subscription.created",
        json!({ "id": theirs["subscription"] }),
    )
    .await;
    let outcome = stripe_events::Entity::find()
        .filter(stripe_events::Column::EventId.eq("evt_stranger"))
        .one(&app.ctx.db)
        .await
        .unwrap()
        .unwrap()
        .outcome
        .unwrap();
    assert!(outcome.starts_with("unknown customer"), "{outcome}");
    assert_eq!(billing::Entity::find().count(&app.ctx.db).await.unwrap(), 1);
}

#[tokio::test]
async fn a_failed_payment_mails_the_owner_keeps_the_plan_through_grace_then_free_limits_apply() {
    let (app, standin) = billed_app().await;
    let (ann, ws, subscription) = household_subscriber(&app, &standin).await;
    // Household allows 6 people: 4 invitations go out.
    for n in 0..4 {
        assert_eq!(
            invite(&app, &ann, &ws, &format!("p{n}@example.com"))
                .await
                .status_code(),
            201
        );
    }
    for _ in 0..4 {
        assert_eq!(
            add_expense(&app, &ann, &ws, &today()).await.status_code(),
            201
        );
    }

    let invoice = standin.fail_renewal(&subscription).await;
    deliver(
        &app,
        "evt_failed",
        "invoice.payment_failed",
        json!({ "id": invoice["id"], "object": "invoice" }),
    )
    .await;
    let mail = app
        .mail
        .last_about("ann@example.com", "Payment failed")
        .await;
    assert!(mail.text().contains("Household"), "{}", mail.text());
    assert!(mail.text().contains("/billing"));
    let grace = billing_of(&app, &ann, &ws).await;
    assert_eq!(grace["state"], "grace", "{grace}");
    assert_eq!(grace["plan"]["key"], "household");
    let grace_until =
        chrono::DateTime::parse_from_rfc3339(grace["grace_until"].as_str().unwrap()).unwrap();
    let days = (grace_until.with_timezone(&Utc) - Utc::now()).num_hours();
    assert!(
        (6 * 24..=7 * 24).contains(&days),
        "7 days of grace, got {days} hours"
    );
    // The same event again mails nobody twice.
    let again = deliver(
        &app,
        "evt_failed",
        "invoice.payment_failed",
        json!({ "id": invoice["id"] }),
    )
    .await;
    assert_eq!(again["duplicate"], true);
    assert_eq!(
        app.mail
            .to("ann@example.com")
            .await
            .iter()
            .filter(|m| m.subject().contains("Payment failed"))
            .count(),
        1
    );
    // Still the Household plan while in grace.
    assert_eq!(
        add_expense(&app, &ann, &ws, &today()).await.status_code(),
        201
    );

    // Time passes: the grace period is over.
    let account = billing::Model::for_workspace(&app.ctx.db, workspace_id(&app, &ws).await)
        .await
        .unwrap()
        .unwrap();
    let mut ended = account.into_active_model();
    ended.grace_until = Set(Some((Utc::now() - Duration::hours(1)).into()));
    sea_orm::ActiveModelTrait::update(ended, &app.ctx.db)
        .await
        .unwrap();

    let lapsed = billing_of(&app, &ann, &ws).await;
    assert_eq!(lapsed["state"], "lapsed");
    assert_eq!(lapsed["plan"]["key"], "free");
    assert_eq!(lapsed["paid_plan"], "household");
    let refused = add_expense(&app, &ann, &ws, &today()).await;
    assert_eq!(refused.status_code(), 402, "{}", refused.text());
    let body: Value = refused.json();
    assert_eq!(body["error"], "plan_limit");
    assert!(body["description"]
        .as_str()
        .unwrap()
        .contains("Free plan allows 3 new expenses a month"));
    assert!(body["errors"]["upgrade_url"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/w/{ws}/billing")));
    assert_eq!(
        invite(&app, &ann, &ws, "late@example.com")
            .await
            .status_code(),
        402
    );
    // Nothing is lost: all five expenses are still listed.
    let listed: Value = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/expenses"))
        .authorization_bearer(&ann)
        .await
        .json();
    assert_eq!(listed["count"], 5, "{listed}");
}

async fn workspace_id(app: &TestApp, ws: &str) -> WorkspaceId {
    smartexpense::models::workspaces::Entity::find()
        .filter(
            smartexpense::models::_entities::workspaces::Column::Pid
                .eq(uuid::Uuid::parse_str(ws).unwrap()),
        )
        .one(&app.ctx.db)
        .await
        .unwrap()
        .unwrap()
        .id
}

#[tokio::test]
async fn the_free_plan_limits_people_new_expenses_and_history_with_an_upgrade_link() {
    let (app, _standin) = billed_app().await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    // Two people: the owner and one invitation.
    assert_eq!(
        invite(&app, &ann, &ws, "bob@example.com")
            .await
            .status_code(),
        201
    );
    let third = invite(&app, &ann, &ws, "cat@example.com").await;
    assert_eq!(third.status_code(), 402, "{}", third.text());
    assert!(third.text().contains("2 people"));

    // History: 12 months back at most, for adding and for changing.
    let old = (Utc::now().date_naive() - Months::new(13)).to_string();
    let too_old = add_expense(&app, &ann, &ws, &old).await;
    assert_eq!(too_old.status_code(), 402, "{}", too_old.text());
    assert!(too_old.text().contains("12 months of history"));
    let kept = add_expense(&app, &ann, &ws, &today()).await;
    assert_eq!(kept.status_code(), 201);
    let id = kept.json::<Value>()["id"].as_str().unwrap().to_string();
    let moved_back = app
        .server
        .patch(&format!("/api/v1/workspaces/{ws}/expenses/{id}"))
        .authorization_bearer(&ann)
        .json(&json!({ "date": old }))
        .await;
    assert_eq!(moved_back.status_code(), 402);

    // 1 MB of receipts: a 0.7 MB photo fits, a second does not.
    let mut photo = super::receipts::png(8, 8);
    photo.resize(700 * 1024, 0);
    let file = [("till.png", photo.as_slice(), "image/png")];
    let first = super::receipts::upload(&app, &ann, &ws, &id, &file).await;
    assert_eq!(first.status_code(), 201, "{}", first.text());
    let second = super::receipts::upload(&app, &ann, &ws, &id, &file).await;
    assert_eq!(second.status_code(), 402, "{}", second.text());
    let refusal = second.json::<Value>();
    assert!(refusal["description"]
        .as_str()
        .unwrap()
        .contains("The Free plan keeps 1 MB of receipts"));
    assert!(refusal["errors"]["upgrade_url"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/w/{ws}/billing")));

    // Three new expenses a month (the refused ones did not count).
    assert_eq!(
        add_expense(&app, &ann, &ws, &today()).await.status_code(),
        201
    );
    assert_eq!(
        add_expense(&app, &ann, &ws, &today()).await.status_code(),
        201
    );
    assert_eq!(
        add_expense(&app, &ann, &ws, &today()).await.status_code(),
        402
    );
    let listed: Value = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/expenses"))
        .authorization_bearer(&ann)
        .await
        .json();
    assert_eq!(listed["count"], 3, "refusals change nothing");

    // On the page: back to the list with the reason.
    log_in(&app, "ann@example.com").await;
    let list = app.server.get(&format!("/w/{ws}/expenses")).await.text();
    assert!(
        list.contains(&format!("/w/{ws}/billing")),
        "the billing link"
    );
    let posted = app
        .post_form(
            &format!("/w/{ws}/expenses"),
            &[
                ("amount", "3.00"),
                ("description", "Tea"),
                ("date", &today()),
            ],
        )
        .await;
    assert_eq!(posted.status_code(), 303);
    let shown = app.server.get(&format!("/w/{ws}/expenses")).await.text();
    assert!(
        shown.contains("The Free plan allows 3 new expenses a month"),
        "{shown}"
    );
}

#[tokio::test]
async fn reconciliation_fixes_drift_both_ways_when_webhooks_were_lost() {
    let (app, standin) = billed_app().await;
    // Ann's subscription is cancelled in Stripe's dashboard; the webhook is lost.
    let (ann, ann_ws, ann_subscription) = household_subscriber(&app, &standin).await;
    standin.cancel(&ann_subscription).await;
    // Bob paid, but the checkout webhook never arrived.
    let (bob, bob_ws) = workspace_of(&app, "Bob", "bob@example.com").await;
    let session = checkout(&app, &bob, &bob_ws, "household", "year").await;
    standin.complete_checkout(&session).await;
    assert_eq!(billing_of(&app, &ann, &ann_ws).await["state"], "active");
    assert_eq!(billing_of(&app, &bob, &bob_ws).await["state"], "free");

    let report = billing::reconcile(&app.ctx).await.unwrap();
    assert_eq!(report.fixed, 2, "{report:?}");
    assert_eq!(billing_of(&app, &ann, &ann_ws).await["state"], "free");
    let bob_now = billing_of(&app, &bob, &bob_ws).await;
    assert_eq!(bob_now["state"], "active");
    assert_eq!(bob_now["plan"]["key"], "household");

    let audit: Value = app
        .server
        .get(&format!("/api/v1/workspaces/{ann_ws}/audit"))
        .authorization_bearer(&ann)
        .await
        .json::<Value>()["items"]
        .clone();
    assert_eq!(audit[0]["action"], "billing.synced");
    assert_eq!(audit[0]["actor"], "Billing reconciliation");
    assert_eq!(audit[0]["details"]["after"]["status"], "canceled");

    // Run again: nothing left to fix. As a queued job it does the same.
    assert_eq!(billing::reconcile(&app.ctx).await.unwrap().fixed, 0);
    smartexpense::workers::queue::enqueue(&app.ctx, smartexpense::workers::Job::ReconcileBilling)
        .await
        .unwrap();
    jobs_done(&app.ctx).await;
    assert!(smartexpense::workers::queue::dead(&app.ctx)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(billing_of(&app, &bob, &bob_ws).await["state"], "active");
}

#[tokio::test]
async fn stripe_failures_are_retried_or_reported_with_nothing_half_done() {
    // 5xx answers are retried with the same idempotency key.
    let (app, standin) = billed_app().await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    standin.fail_next(2, 503).await;
    checkout(&app, &ann, &ws, "household", "month").await;
    let customers: Vec<Value> = standin
        .requests()
        .await
        .into_iter()
        .filter(|r| r["path"] == "/v1/customers")
        .collect();
    assert_eq!(
        customers.len(),
        3,
        "two failures, then success: {customers:?}"
    );
    assert!(customers
        .iter()
        .all(|r| r["idempotency_key"] == customers[0]["idempotency_key"]));

    // Stripe unreachable: a clear error, no billing account stored.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dead = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let app = TestApp::start_with(|config| stripe::configure_billing(config, &dead)).await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let refused = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/billing/checkout"))
        .authorization_bearer(&ann)
        .json(&json!({ "plan": "household", "interval": "month" }))
        .await;
    assert_eq!(refused.status_code(), 503, "{}", refused.text());
    assert!(refused.text().contains("could not be reached"));
    assert_eq!(
        billing::Entity::find().count(&app.ctx.db).await.unwrap(),
        0,
        "nothing half-done"
    );
    // On the page: back to the billing page, saying so.
    log_in(&app, "ann@example.com").await;
    let back = app
        .post_form(
            &format!("/w/{ws}/billing/checkout"),
            &[("plan", "household"), ("interval", "month")],
        )
        .await;
    assert_eq!(back.status_code(), 303);
    assert_eq!(back.header("location"), format!("/w/{ws}/billing").as_str());
    let shown = app.server.get(&format!("/w/{ws}/billing")).await.text();
    assert!(
        shown.contains("could not be reached, so nothing changed"),
        "{shown}"
    );
    // A webhook still answers at once; its job waits for Stripe to return.
    let body = stripe::event(
        "evt_x",
        "customer.subscription.updated",
        json!({ "id": "sub_x" }),
    );
    let hook = deliver_signed(&app, &body, WEBHOOK_SECRET, Utc::now().timestamp()).await;
    assert_eq!(hook.status_code(), 200);
}

#[tokio::test]
async fn an_event_whose_job_gave_up_while_stripe_was_away_is_processed_by_reconciliation() {
    let (app, standin) = billed_app().await;
    let (ann, ws, subscription) = household_subscriber(&app, &standin).await;
    let invoice = standin.fail_renewal(&subscription).await;
    // Stripe answers 503 to every try of every attempt of the job.
    standin.fail_next(1000, 503).await;
    let body = stripe::event(
        "evt_failed_away",
        "invoice.payment_failed",
        json!({ "id": invoice["id"] }),
    );
    let answer = deliver_signed(&app, &body, WEBHOOK_SECRET, Utc::now().timestamp()).await;
    assert_eq!(answer.status_code(), 200);
    app.jobs_done().await;
    assert_eq!(
        smartexpense::workers::queue::dead(&app.ctx)
            .await
            .unwrap()
            .len(),
        1,
        "the job gave up"
    );
    let stalled = stripe_events::Entity::find()
        .filter(stripe_events::Column::EventId.eq("evt_failed_away"))
        .one(&app.ctx.db)
        .await
        .unwrap()
        .unwrap();
    assert!(stalled.processed_at.is_none());
    assert_eq!(billing_of(&app, &ann, &ws).await["state"], "active");

    // Stripe is back; an hour later reconciliation picks the event up.
    standin.fail_next(0, 503).await;
    let mut earlier = stalled.into_active_model();
    earlier.created_at = Set((Utc::now() - Duration::minutes(5)).into());
    sea_orm::ActiveModelTrait::update(earlier, &app.ctx.db)
        .await
        .unwrap();
    billing::reconcile(&app.ctx).await.unwrap();
    app.jobs_done().await;
    assert_eq!(billing_of(&app, &ann, &ws).await["state"], "grace");
    let mail = app
        .mail
        .last_about("ann@example.com", "Payment failed")
        .await;
    assert!(mail.text().contains(invoice["id"].as_str().unwrap()));
}

#[tokio::test]
async fn deleting_a_workspace_ends_its_subscription_in_stripe() {
    let (app, standin) = billed_app().await;
    let (ann, ws, subscription) = household_subscriber(&app, &standin).await;
    assert_eq!(
        standin.subscription(&subscription).await["status"],
        "active"
    );
    let deleted = app
        .server
        .delete(&format!("/api/v1/workspaces/{ws}"))
        .authorization_bearer(&ann)
        .json(&json!({ "confirm": "Ann's home" }))
        .await;
    assert_eq!(deleted.status_code(), 202, "{}", deleted.text());
    app.jobs_done().await;
    assert_eq!(
        standin.subscription(&subscription).await["status"],
        "canceled"
    );
    assert_eq!(billing::Entity::find().count(&app.ctx.db).await.unwrap(), 0);
}
