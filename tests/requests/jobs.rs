//! The job queue: what a queued job holds, old jobs pruned, and two faults
//! survived with nothing lost: a worker killed in the middle of a job, and
//! a mail server that refuses mail for a while.

use chrono::{Duration, Utc};
use sea_orm::EntityTrait;
use serde_json::{json, Value};
use smartexpense::{
    mailers::Mail,
    models::{_entities::budget_alerts, users},
    workers::{queue, runner::Workers},
};

use super::{
    budgets::{add_expense, alerts_to, create_budget},
    workspaces_api::workspace_of,
};
use crate::support::{smtp::Answer, TestApp, PASSWORD};

/// A queue's job as operators and the database see it, and the tokens of
/// every link mailed so far: none may be in it.
fn assert_holds_no_secret(job: &str, tokens: &[String]) {
    for secret in tokens {
        assert!(!job.contains(secret.as_str()), "a link's token in {job}");
    }
    for text in [
        "http",
        "/verify/",
        "/reset-password/",
        "/invitations/",
        "subject",
    ] {
        assert!(!job.contains(text), "{text:?} in {job}");
    }
}

#[tokio::test]
async fn mail_jobs_name_their_rows_and_the_worker_mints_the_link_when_it_sends() {
    let app = TestApp::start().await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let forgot = app
        .server
        .post("/api/auth/forgot")
        .json(&json!({ "email": "ann@example.com" }))
        .await;
    assert_eq!(forgot.status_code(), 202);
    let invited = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/invitations"))
        .authorization_bearer(&ann)
        .json(&json!({ "email": "kim@example.com", "role": "member" }))
        .await;
    assert_eq!(invited.status_code(), 201, "{}", invited.text());
    app.jobs_done().await;

    let links: Vec<String> = [
        app.mail.last_about("ann@example.com", "Confirm").await,
        app.mail.last_about("ann@example.com", "password").await,
        app.mail.last_to("kim@example.com").await,
    ]
    .iter()
    .map(crate::support::smtp::ReceivedMail::link_path)
    .collect();
    let tokens: Vec<String> = links
        .iter()
        .map(|link| link.rsplit('/').next().unwrap_or_default().to_string())
        .collect();
    let jobs = queue::done(&app.ctx).await.unwrap();
    let kinds: Vec<String> = jobs.iter().map(queue::JobRow::kind).collect();
    for kind in [
        "mail: confirmation",
        "mail: password_reset",
        "mail: invitation",
    ] {
        assert!(kinds.iter().any(|k| k == kind), "{kind} not in {kinds:?}");
    }
    for job in &jobs {
        assert_holds_no_secret(&job.job, &tokens);
    }

    // Each link was minted for its mail, and works.
    let reset = app
        .server
        .post("/api/auth/reset")
        .json(&json!({ "token": tokens[1], "password": "a brand new long password" }))
        .await;
    assert_eq!(reset.status_code(), 200, "{}", reset.text());
    let kim = app.api_user("Kim", "kim@example.com", PASSWORD).await;
    let accepted = app
        .server
        .post(&format!("/api/v1{}/accept", links[2]))
        .authorization_bearer(&kim)
        .await;
    assert_eq!(accepted.status_code(), 200, "{}", accepted.text());
}

#[tokio::test]
async fn a_link_asked_for_again_while_mail_is_down_is_the_one_that_works() {
    let app = TestApp::start_with_setting("jobs.retry_after_ms", json!(300)).await;
    app.api_user("Ann", "ann@example.com", PASSWORD).await;
    app.jobs_done().await;
    // The mail server is down: two resets asked for are both waiting.
    app.mail.answer(Answer::Refuse);
    let before = app.mail.attempts();
    for _ in 0..2 {
        let forgot = app
            .server
            .post("/api/auth/forgot")
            .json(&json!({ "email": "ann@example.com" }))
            .await;
        assert_eq!(forgot.status_code(), 202);
    }
    app.mail.attempted(before + 2).await;
    app.mail.answer(Answer::Accept);
    app.jobs_done().await;
    let resets: Vec<String> = app
        .mail
        .to("ann@example.com")
        .await
        .iter()
        .filter(|m| m.subject().contains("password"))
        .map(crate::support::smtp::ReceivedMail::link_path)
        .collect();
    assert_eq!(resets.len(), 2, "{resets:?}");
    // Each mail minted its own link, and the later replaced the earlier:
    // exactly one works.
    assert_ne!(resets[0], resets[1]);
    let works: Vec<u16> = {
        let mut codes = Vec::new();
        for link in &resets {
            let token = link.rsplit('/').next().unwrap_or_default();
            let reset = app
                .server
                .post("/api/auth/reset")
                .json(&json!({ "token": token, "password": "a brand new long password" }))
                .await;
            codes.push(reset.status_code().as_u16());
        }
        codes
    };
    assert_eq!(works.iter().filter(|c| **c == 200).count(), 1, "{works:?}");
}

#[tokio::test]
async fn old_finished_and_dead_jobs_are_pruned_and_others_kept() {
    let app = TestApp::start().await;
    app.api_user("Ann", "ann@example.com", PASSWORD).await;
    app.jobs_done().await;
    let ann = users::Model::find_by_email(&app.ctx.db, "ann@example.com")
        .await
        .unwrap();
    app.mail.answer(Answer::Refuse);
    Mail::AlreadyRegistered { user_id: ann.id }
        .queue(&app.ctx)
        .await
        .unwrap();
    app.jobs_done().await;
    assert_eq!(queue::done(&app.ctx).await.unwrap().len(), 1);
    assert_eq!(queue::dead(&app.ctx).await.unwrap().len(), 1);

    let long_ago = Utc::now() - Duration::days(365);
    let soon = Utc::now() + Duration::seconds(5);
    // Finished jobs up to now go; the dead one is younger than its limit.
    assert_eq!(queue::prune(&app.ctx, soon, long_ago).await.unwrap(), 1);
    assert!(queue::done(&app.ctx).await.unwrap().is_empty());
    assert_eq!(queue::dead(&app.ctx).await.unwrap().len(), 1);
    // Then the dead one.
    assert_eq!(queue::prune(&app.ctx, soon, soon).await.unwrap(), 1);
    assert!(queue::dead(&app.ctx).await.unwrap().is_empty());
}

async fn food_budget(app: &TestApp, token: &str, ws: &str) {
    create_budget(
        app,
        token,
        ws,
        json!({ "name": "Food", "amount": "100.00" }),
    )
    .await;
}

/// Subjects of the budget alerts Ann received.
async fn alerts_to_ann(app: &TestApp) -> Vec<String> {
    alerts_to(app, "ann@example.com").await
}

#[tokio::test]
async fn alerts_held_up_by_a_refusing_mail_server_go_out_once_each_when_it_is_back() {
    // Retries a second apart, so "a while" spans several of them.
    let app = TestApp::start_with_setting("jobs.retry_after_ms", json!(500)).await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    food_budget(&app, &ann, &ws).await;
    app.jobs_done().await;

    app.mail.answer(Answer::Refuse);
    let before = app.mail.attempts();
    add_expense(&app, &ann, &ws, "85.00").await;
    add_expense(&app, &ann, &ws, "20.00").await;
    // The alerts were tried and refused, more than once.
    app.mail.attempted(before + 3).await;
    assert_eq!(app.mail.received_so_far().len(), 1, "only the confirmation");
    app.mail.answer(Answer::Accept);
    app.jobs_done().await;

    // Once each, in whichever order their retries came round.
    let mut received = alerts_to_ann(&app).await;
    received.sort();
    assert_eq!(
        received,
        [
            "[Ann's home] Food has reached 80%",
            "[Ann's home] Food is at 100% of its limit"
        ]
    );
    let alerts = budget_alerts::Entity::find()
        .all(&app.owner_db)
        .await
        .unwrap();
    assert_eq!(alerts.len(), 2);
    assert!(alerts.iter().all(|a| a.sent_at.is_some()), "{alerts:?}");
    assert!(queue::dead(&app.ctx).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_worker_killed_in_the_middle_of_a_job_leaves_it_to_another_that_does_it_once() {
    // Workers of the test's own; heartbeats a second apart, so a silent
    // worker is seen dead within seconds.
    let app = TestApp::start_with(|config| {
        let settings = config.settings.as_mut().unwrap();
        settings["jobs"]["in_web_process"] = json!(false);
        settings["jobs"]["heartbeat_secs"] = json!(1);
    })
    .await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    food_budget(&app, &ann, &ws).await;
    add_expense(&app, &ann, &ws, "85.00").await;
    let queued: Vec<Value> = queue::waiting(&app.ctx)
        .await
        .unwrap()
        .iter()
        .map(|j| serde_json::from_str(&j.job).unwrap())
        .collect();
    assert!(
        queued.iter().any(|j| j["job"] == "budget_alerts"),
        "{queued:?}"
    );

    // The first worker takes the jobs (Ann's confirmation mail and the
    // alert) and hangs in the middle of sending both (the mail server does
    // not answer), holding the alert's claim.
    app.mail.answer(Answer::Stall);
    let before = app.mail.attempts();
    let first = Workers::start(&app.ctx).unwrap();
    app.mail.attempted(before + 2).await;
    first.kill();
    app.mail.answer(Answer::Accept);

    // Another worker finds the job orphaned and runs it again.
    let second = Workers::start(&app.ctx).unwrap();
    app.jobs_done().await;
    assert_eq!(
        alerts_to_ann(&app).await,
        ["[Ann's home] Food has reached 80%"],
        "sent once"
    );
    let confirmations = app
        .mail
        .to("ann@example.com")
        .await
        .iter()
        .filter(|m| m.subject().contains("Confirm"))
        .count();
    assert_eq!(confirmations, 1);
    let alerts = budget_alerts::Entity::find()
        .all(&app.owner_db)
        .await
        .unwrap();
    assert_eq!(alerts.len(), 1);
    assert!(alerts[0].sent_at.is_some());
    second.stop().await;
}

/// Ann's account confirmed, the queue idle, and the mail server stalled:
/// her password reset is queued and hangs in the middle of its sending.
async fn reset_mail_into_a_stalled_server(app: &TestApp) {
    app.api_user("Ann", "ann@example.com", PASSWORD).await;
    app.jobs_done().await;
    app.mail.answer(Answer::Stall);
    let forgot = app
        .server
        .post("/api/auth/forgot")
        .json(&json!({ "email": "ann@example.com" }))
        .await;
    assert_eq!(forgot.status_code(), 202);
}

/// The stalled send was given up and tried again (a new connection), then
/// the server answers and the mail arrives once.
async fn given_up_in_time_and_delivered_once(app: &TestApp) {
    let before = app.mail.attempts();
    app.mail.attempted(before + 2).await;
    app.mail.answer(Answer::Accept);
    app.jobs_done().await;
    let resets = app
        .mail
        .to("ann@example.com")
        .await
        .iter()
        .filter(|m| m.subject().contains("password"))
        .count();
    assert_eq!(resets, 1);
    assert!(queue::dead(&app.ctx).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_mail_server_that_hangs_fails_the_send_in_time_and_the_retry_delivers() {
    let app = TestApp::start_with_setting("mail.send_timeout_secs", json!(1)).await;
    reset_mail_into_a_stalled_server(&app).await;
    given_up_in_time_and_delivered_once(&app).await;
}

#[tokio::test]
async fn a_job_past_its_time_limit_is_stopped_and_retried_not_left_running() {
    let app = TestApp::start_with(|config| {
        let settings = config.settings.as_mut().unwrap();
        settings["jobs"]["time_limit_secs"] = json!(1);
        settings["mail"]["send_timeout_secs"] = json!(600);
    })
    .await;
    reset_mail_into_a_stalled_server(&app).await;
    given_up_in_time_and_delivered_once(&app).await;
}

#[tokio::test]
async fn a_rendered_mail_queued_by_an_earlier_version_is_still_delivered() {
    let app = TestApp::start().await;
    // As the queue kept it before mail jobs named their rows.
    let legacy: smartexpense::workers::Job = serde_json::from_value(json!({
        "job": "deliver_mail",
        "email": {
            "from": "SmartExpense <no-reply@example.test>",
            "to": "ann@example.com",
            "subject": "Reset your SmartExpense password",
            "text": "a link",
            "html": "<p>a link</p>",
        },
    }))
    .unwrap();
    queue::enqueue(&app.ctx, legacy).await.unwrap();
    let mail = app
        .mail
        .last_about("ann@example.com", "Reset your SmartExpense password")
        .await;
    assert!(mail.text().contains("a link"));
}
