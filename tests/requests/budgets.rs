//! Budgets: progress, bad input, and alerts sent exactly once over SMTP,
//! with the jobs running on the real apalis storage of each database.

use chrono::{Datelike, Months, Utc};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};
use serde_json::{json, Value};
use smartexpense::{
    mailers::Mail,
    models::{_entities::budget_alerts, budgets},
    workers::{budget_alerts as alert_job, queue, runner::Workers, Job},
};

use super::workspaces_api::{join_as, workspace_of};
use crate::support::{jobs_done, smtp::Answer, TestApp, PASSWORD};

/// Ann's account, signed up and confirmed by mail (the queue then idle).
async fn ann_account(app: &TestApp) -> smartexpense::models::ids::UserId {
    app.api_user("Ann", "ann@example.com", PASSWORD).await;
    app.jobs_done().await;
    smartexpense::models::users::Model::find_by_email(&app.ctx.db, "ann@example.com")
        .await
        .unwrap()
        .id
}

fn today() -> chrono::NaiveDate {
    Utc::now().date_naive()
}

pub(super) async fn add_expense(app: &TestApp, token: &str, ws: &str, amount: &str) -> String {
    let created = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/expenses"))
        .authorization_bearer(token)
        .json(&json!({ "amount": amount, "description": "Shopping", "date": today().to_string() }))
        .await;
    assert_eq!(created.status_code(), 201, "{}", created.text());
    created.json::<Value>()["id"].as_str().unwrap().to_string()
}

pub(super) async fn create_budget(app: &TestApp, token: &str, ws: &str, body: Value) -> Value {
    let created = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/budgets"))
        .authorization_bearer(token)
        .json(&body)
        .await;
    assert_eq!(created.status_code(), 201, "{}", created.text());
    created.json()
}

async fn notifications(app: &TestApp, token: &str, ws: &str) -> Value {
    app.server
        .get(&format!("/api/v1/workspaces/{ws}/notifications"))
        .authorization_bearer(token)
        .await
        .json()
}

/// Alert mails received for `address`.
pub(super) async fn alerts_to(app: &TestApp, address: &str) -> Vec<String> {
    app.mail
        .to(address)
        .await
        .iter()
        .map(crate::support::smtp::ReceivedMail::subject)
        .filter(|s| s.contains("Food"))
        .collect()
}

#[tokio::test]
async fn crossing_80_percent_mails_once_and_notifies_and_recrossing_sends_nothing() {
    let app = TestApp::start().await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let bob = join_as(&app, &ann, &ws, "bob@example.com", "member").await;
    // Bob turns the mails off; he still sees the bell.
    let off = app
        .server
        .put(&format!("/api/v1/workspaces/{ws}/notification-settings"))
        .authorization_bearer(&bob)
        .json(&json!({ "budget_alerts": false, "weekly_summary": false }))
        .await;
    assert_eq!(off.status_code(), 200, "{}", off.text());

    let budget = create_budget(
        &app,
        &ann,
        &ws,
        json!({ "name": "Food", "amount": "100.00" }),
    )
    .await;
    assert_eq!(budget["thresholds"], json!([80, 100]));
    assert_eq!(budget["period"], "month");
    add_expense(&app, &ann, &ws, "79.00").await;
    app.jobs_done().await;
    assert!(
        alerts_to(&app, "ann@example.com").await.is_empty(),
        "79% alerts nobody"
    );

    let one = add_expense(&app, &ann, &ws, "1.00").await;
    app.jobs_done().await;
    let mails = alerts_to(&app, "ann@example.com").await;
    assert_eq!(mails, ["[Ann's home] Food has reached 80%"]);
    assert!(alerts_to(&app, "bob@example.com").await.is_empty());
    let mail = app.mail.last_to("ann@example.com").await;
    let message_id = mail
        .parsed()
        .headers
        .iter()
        .find(|h| h.get_key().eq_ignore_ascii_case("message-id"))
        .map(mailparse::MailHeader::get_value)
        .unwrap();
    assert!(message_id.starts_with("<budget-alert."), "{message_id}");
    assert!(
        mail.text().contains("€80.00 spent of €100.00"),
        "{}",
        mail.text()
    );
    for token in [&ann, &bob] {
        let bell = notifications(&app, token, &ws).await;
        assert_eq!(bell["unread"], 1, "{bell}");
        assert_eq!(bell["items"][0]["title"], "Food has reached 80%");
    }

    // Under 80% again, then over again in the same month: nothing new.
    let deleted = app
        .server
        .delete(&format!("/api/v1/workspaces/{ws}/expenses/{one}"))
        .authorization_bearer(&ann)
        .await;
    assert_eq!(deleted.status_code(), 204);
    add_expense(&app, &ann, &ws, "2.00").await;
    app.jobs_done().await;
    assert_eq!(alerts_to(&app, "ann@example.com").await.len(), 1);
    assert_eq!(notifications(&app, &ann, &ws).await["unread"], 1);

    let shown: Value = app
        .server
        .get(&format!(
            "/api/v1/workspaces/{ws}/budgets/{}",
            budget["id"].as_str().unwrap()
        ))
        .authorization_bearer(&bob)
        .await
        .json();
    assert_eq!(shown["spent"], "81.00");
    assert_eq!(shown["remaining"], "19.00");
    assert_eq!(shown["percent"], 81.0);

    // 100%: the second threshold, once.
    add_expense(&app, &ann, &ws, "19.00").await;
    app.jobs_done().await;
    assert_eq!(
        alerts_to(&app, "ann@example.com").await,
        [
            "[Ann's home] Food has reached 80%",
            "[Ann's home] Food is at 100% of its limit"
        ]
    );
    let read = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/notifications/read"))
        .authorization_bearer(&ann)
        .await;
    assert_eq!(read.status_code(), 204);
    assert_eq!(notifications(&app, &ann, &ws).await["unread"], 0);
    assert_eq!(notifications(&app, &bob, &ws).await["unread"], 2);
}

#[tokio::test]
async fn retried_concurrent_and_interrupted_sending_still_mails_each_threshold_once() {
    // No workers in the web process: the change records the alert and
    // queues the job, and nothing sends it, as if the process died there.
    let app = TestApp::start_with(|config| {
        config.settings.as_mut().unwrap()["jobs"]["in_web_process"] = json!(false);
    })
    .await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    create_budget(
        &app,
        &ann,
        &ws,
        json!({ "name": "Food", "amount": "100.00" }),
    )
    .await;
    add_expense(&app, &ann, &ws, "85.00").await;
    let recorded = budget_alerts::Entity::find()
        .all(&app.owner_db)
        .await
        .unwrap();
    assert_eq!(recorded.len(), 1, "recorded with the expense");
    assert_eq!(recorded[0].threshold, 80);
    assert!(recorded[0].sent_at.is_none());
    assert!(app.mail.received_so_far().is_empty(), "nothing sent yet");

    // A sender that died holding the alert: its claim has expired.
    let mut active = recorded[0].clone().into_active_model();
    active.claimed_until = Set(Some((Utc::now() - chrono::Duration::minutes(1)).into()));
    active.update(&app.owner_db).await.unwrap();

    // The job queued by the change, another one, and two direct runs at
    // once, while real workers take the queue.
    let workspace_id = recorded[0].workspace_id;
    queue::enqueue(&app.ctx, Job::BudgetAlerts { workspace_id })
        .await
        .unwrap();
    let workers = Workers::start(&app.ctx).unwrap();
    let (a, b) = tokio::join!(
        alert_job::run(&app.ctx, workspace_id, "test-a"),
        alert_job::run(&app.ctx, workspace_id, "test-b")
    );
    a.unwrap();
    b.unwrap();
    jobs_done(&app.ctx).await;
    assert_eq!(alerts_to(&app, "ann@example.com").await.len(), 1);
    let sent = budget_alerts::Entity::find()
        .all(&app.owner_db)
        .await
        .unwrap();
    assert!(sent[0].sent_at.is_some());

    // Running again finds nothing to send.
    alert_job::run(&app.ctx, workspace_id, "test-c")
        .await
        .unwrap();
    assert_eq!(alerts_to(&app, "ann@example.com").await.len(), 1);
    workers.stop().await;
}

#[tokio::test]
async fn a_job_that_keeps_failing_is_kept_as_dead_and_can_be_retried() {
    let app = TestApp::start().await;
    let ann = ann_account(&app).await;
    // A mail server that refuses every mail fails every attempt.
    app.mail.answer(Answer::Refuse);
    Mail::AlreadyRegistered { user_id: ann }
        .queue(&app.ctx)
        .await
        .unwrap();
    app.jobs_done().await;
    let dead = queue::dead(&app.ctx).await.unwrap();
    assert_eq!(dead.len(), 1, "{dead:?}");
    assert_eq!(
        dead[0].attempts,
        i32::try_from(queue::MAX_ATTEMPTS).unwrap()
    );
    assert_eq!(dead[0].kind(), "mail: already_registered");
    assert!(
        dead[0]
            .last_result
            .as_deref()
            .unwrap_or_default()
            .contains("451"),
        "{dead:?}"
    );

    assert!(queue::retry(&app.ctx, &dead[0].id).await.unwrap());
    assert!(!queue::retry(&app.ctx, "no-such-job").await.unwrap());
    app.jobs_done().await;
    assert_eq!(queue::dead(&app.ctx).await.unwrap().len(), 1, "dead again");
}

#[tokio::test]
async fn bad_budget_input_names_each_field_and_saves_nothing() {
    let app = TestApp::start().await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let (other, other_ws) = workspace_of(&app, "Zed", "zed@example.com").await;
    let categories: Value = app
        .server
        .get(&format!("/api/v1/workspaces/{other_ws}/categories"))
        .authorization_bearer(&other)
        .await
        .json::<Value>()["items"]
        .clone();
    let foreign = categories[0]["id"].as_str().unwrap();
    for (body, field) in [
        (json!({ "name": "Food", "amount": "0" }), "amount"),
        (json!({ "name": "Food", "amount": "-5.00" }), "amount"),
        (json!({ "name": "Food", "amount": "ten" }), "amount"),
        (json!({ "name": "", "amount": "10.00" }), "name"),
        (
            json!({ "name": "Food", "amount": "10.00", "thresholds": [0, 100] }),
            "thresholds",
        ),
        (
            json!({ "name": "Food", "amount": "10.00", "thresholds": [80, 1001] }),
            "thresholds",
        ),
        (
            json!({ "name": "Food", "amount": "10.00", "thresholds": [100, 80] }),
            "thresholds",
        ),
        (
            json!({ "name": "Food", "amount": "10.00", "thresholds": [80, 80] }),
            "thresholds",
        ),
        (
            json!({ "name": "Food", "amount": "10.00", "thresholds": [] }),
            "thresholds",
        ),
        (
            json!({ "name": "Food", "amount": "10.00", "period": "fortnight" }),
            "period",
        ),
        (
            json!({ "name": "Food", "amount": "10.00", "category_id": foreign }),
            "category_id",
        ),
        (
            json!({ "name": "Food", "amount": "10.00", "member_id": uuid::Uuid::new_v4().to_string() }),
            "member_id",
        ),
    ] {
        let refused = app
            .server
            .post(&format!("/api/v1/workspaces/{ws}/budgets"))
            .authorization_bearer(&ann)
            .json(&body)
            .await;
        assert_eq!(refused.status_code(), 422, "{body}: {}", refused.text());
        assert!(
            refused.json::<Value>()["errors"][field].is_array(),
            "{body}: {}",
            refused.text()
        );
    }
    assert!(budgets::Entity::find()
        .all(&app.owner_db)
        .await
        .unwrap()
        .is_empty());

    // Members read budgets but do not set them.
    let member = join_as(&app, &ann, &ws, "mia@example.com", "member").await;
    let forbidden = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/budgets"))
        .authorization_bearer(&member)
        .json(&json!({ "name": "Food", "amount": "10.00" }))
        .await;
    assert_eq!(forbidden.status_code(), 403);
}

#[tokio::test]
async fn category_member_and_rollover_budgets_count_what_they_should() {
    let app = TestApp::start().await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let bob = join_as(&app, &ann, &ws, "bob@example.com", "member").await;
    let categories: Value = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/categories"))
        .authorization_bearer(&ann)
        .await
        .json::<Value>()["items"]
        .clone();
    let id_of = |name: &str| {
        categories
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == name)
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let groceries = id_of("Groceries");
    let pid = |me: Value| me["pid"].as_str().unwrap().to_string();
    let ann_id = pid(app
        .server
        .get("/api/auth/current")
        .authorization_bearer(&ann)
        .await
        .json());
    let bob_id = pid(app
        .server
        .get("/api/auth/current")
        .authorization_bearer(&bob)
        .await
        .json());

    let food = create_budget(
        &app,
        &ann,
        &ws,
        json!({ "name": "Groceries", "amount": "100.00", "category_id": groceries, "rollover": true, "thresholds": [50, 90, 120] }),
    )
    .await;
    let bobs = create_budget(
        &app,
        &ann,
        &ws,
        json!({ "name": "Bob's share", "amount": "50.00", "member_id": bob_id, "period": "week" }),
    )
    .await;
    // Groceries 30, unsplit; dining 40 split equally: Bob's share is 20.
    for body in [
        json!({ "amount": "30.00", "description": "Market", "category_id": groceries, "date": today().to_string() }),
        json!({ "amount": "40.00", "description": "Dinner", "category_id": id_of("Dining out"), "date": today().to_string(), "paid_by": ann_id, "split": { "method": "equal", "parts": [{ "member": ann_id }, { "member": bob_id }] } }),
    ] {
        let created = app
            .server
            .post(&format!("/api/v1/workspaces/{ws}/expenses"))
            .authorization_bearer(&ann)
            .json(&body)
            .await;
        assert_eq!(created.status_code(), 201, "{}", created.text());
    }
    let list: Value = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/budgets"))
        .authorization_bearer(&ann)
        .await
        .json::<Value>()["items"]
        .clone();
    let find = |id: &Value| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|b| b["id"] == *id)
            .unwrap()
            .clone()
    };
    assert_eq!(find(&food["id"])["spent"], "30.00");
    assert_eq!(find(&bobs["id"])["spent"], "20.00");
    assert_eq!(find(&bobs["id"])["member_name"], "Someone");

    // Rollover: the budget began last month, when 60 of 100 was spent, so
    // 40 carries into this month.
    let last_month = today()
        .with_day(1)
        .unwrap()
        .checked_sub_months(Months::new(1))
        .unwrap();
    let budget = budgets::Entity::find()
        .all(&app.owner_db)
        .await
        .unwrap()
        .into_iter()
        .find(|b| b.name == "Groceries")
        .unwrap();
    let mut active = budget.into_active_model();
    active.starts_on = Set(last_month);
    active.update(&app.owner_db).await.unwrap();
    let created = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/expenses"))
        .authorization_bearer(&ann)
        .json(&json!({ "amount": "60.00", "description": "Old market", "category_id": groceries, "date": last_month.to_string() }))
        .await;
    assert_eq!(created.status_code(), 201);
    let shown: Value = app
        .server
        .get(&format!(
            "/api/v1/workspaces/{ws}/budgets/{}",
            food["id"].as_str().unwrap()
        ))
        .authorization_bearer(&ann)
        .await
        .json();
    assert_eq!(shown["carried"], "40.00", "{shown}");
    assert_eq!(shown["limit"], "140.00");
    assert_eq!(shown["remaining"], "110.00");
}

#[tokio::test]
async fn the_weekly_summary_goes_once_to_members_who_asked_for_it() {
    let app = TestApp::start().await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let bob = join_as(&app, &ann, &ws, "bob@example.com", "member").await;
    let on = app
        .server
        .put(&format!("/api/v1/workspaces/{ws}/notification-settings"))
        .authorization_bearer(&ann)
        .json(&json!({ "budget_alerts": true, "weekly_summary": true }))
        .await;
    assert_eq!(on.status_code(), 200);
    let last_week = budgets::Period::Week.start_of(today()) - chrono::Duration::days(7);
    for (amount, offset) in [("12.50", 0), ("30.00", 3), ("99.00", 8)] {
        let created = app
            .server
            .post(&format!("/api/v1/workspaces/{ws}/expenses"))
            .authorization_bearer(&bob)
            .json(&json!({ "amount": amount, "description": "Shop", "date": (last_week + chrono::Duration::days(offset)).to_string() }))
            .await;
        assert_eq!(created.status_code(), 201, "{}", created.text());
    }
    // The schedule fires in two worker processes at once: one mail.
    let schedule = smartexpense::workers::schedules::ALL
        .iter()
        .find(|s| s.name == "weekly_summary")
        .unwrap();
    let (a, b) = tokio::join!(
        (schedule.run)(app.ctx.clone()),
        (schedule.run)(app.ctx.clone())
    );
    a.unwrap();
    b.unwrap();
    let summaries: Vec<_> = app
        .mail
        .to("ann@example.com")
        .await
        .into_iter()
        .filter(|m| m.subject().contains("Your week"))
        .collect();
    assert_eq!(summaries.len(), 1);
    assert_eq!(
        summaries[0].subject(),
        "[Ann's home] Your week: €42.50 spent"
    );
    assert!(
        summaries[0].text().contains("€42.50 spent in 2 expenses"),
        "{}",
        summaries[0].text()
    );
    assert!(
        app.mail
            .to("bob@example.com")
            .await
            .iter()
            .all(|m| !m.subject().contains("Your week")),
        "Bob did not ask for it"
    );
}

#[tokio::test]
async fn changes_made_while_mail_is_down_queue_one_alert_job_not_one_each() {
    // Nothing listens on port 9: every mail fails, so the alert stays unsent.
    let app = TestApp::start_with(|config| {
        if let Some(smtp) = config.mailer.as_mut().and_then(|m| m.smtp.as_mut()) {
            smtp.port = 9;
        }
    })
    .await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    create_budget(
        &app,
        &ann,
        &ws,
        json!({ "name": "Food", "amount": "100.00", "period": "month" }),
    )
    .await;
    add_expense(&app, &ann, &ws, "90.00").await;
    for _ in 0..5 {
        add_expense(&app, &ann, &ws, "1.00").await;
    }
    let mut rows = queue::waiting(&app.ctx).await.unwrap();
    rows.extend(queue::dead(&app.ctx).await.unwrap());
    let alert_jobs = rows
        .iter()
        .filter(|row| row.job.contains("budget_alerts"))
        .count();
    assert_eq!(
        alert_jobs, 1,
        "one delivery job for the one unsent alert, however many changes follow: {rows:#?}"
    );
}
