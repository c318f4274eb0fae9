//! The operators' console: who reaches it (every `/admin` route, listed
//! from the router, answers 404 to anyone without a platform role, and 403
//! to a platform role without the permission), each action and its audit
//! entry, and what locking and suspending do to the people affected.

use axum_test::TestServer;
use loco_rs::task::{Task, Vars};
use serde_json::{json, Value};
use smartexpense::{
    app::App,
    models::{
        _entities::platform_audit,
        platform::{self, PlatformRole},
        users,
    },
    tasks::create_admin::CreateAdmin,
};

use super::workspaces_api::{join_as, workspace_of};
use crate::support::{post_form_as, TestApp, PASSWORD};
use loco_rs::app::Hooks;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

/// A browser signed in as `email`.
async fn browser_of(app: &TestApp, email: &str) -> TestServer {
    let browser = app.another_browser();
    let answer = post_form_as(
        &browser,
        "/login",
        &[("email", email), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(
        answer.status_code(),
        303,
        "login {email}: {}",
        answer.text()
    );
    browser
}

/// An account with `role` on the platform, signed in in its own browser.
async fn staff(app: &TestApp, email: &str, role: PlatformRole) -> TestServer {
    app.api_user("Staff", email, PASSWORD).await;
    let user = users::Model::find_by_email(&app.ctx.db, email)
        .await
        .unwrap();
    platform::grant_role(
        &app.ctx.db,
        &smartexpense::models::audit_events::Actor::system("test setup"),
        &user,
        role,
    )
    .await
    .unwrap();
    browser_of(app, email).await
}

async fn user_pid(app: &TestApp, email: &str) -> String {
    users::Model::find_by_email(&app.ctx.db, email)
        .await
        .unwrap()
        .pid
        .to_string()
}

async fn last_audit(app: &TestApp) -> platform_audit::Model {
    platform_audit::Entity::find()
        .order_by_desc(platform_audit::Column::Id)
        .one(&app.ctx.db)
        .await
        .unwrap()
        .expect("an audit entry")
}

/// The flash message the next page shows.
async fn flash(browser: &TestServer, path: &str) -> String {
    let html = browser.get(path).await.text();
    let start = html.find("class=\"flash").map_or(0, |i| i);
    html[start..].chars().take(400).collect()
}

#[tokio::test]
async fn the_create_admin_task_makes_the_first_superadmin_without_a_default_password() {
    let app = TestApp::start().await;
    // A new account needs a password; none is made up.
    let refused = CreateAdmin
        .run(
            &app.ctx,
            &Vars::from_cli_args(vec![("email".into(), "ops@example.com".into())]),
        )
        .await;
    assert!(refused.is_err());
    assert!(users::Model::find_by_email(&app.ctx.db, "ops@example.com")
        .await
        .is_err());
    CreateAdmin
        .run(
            &app.ctx,
            &Vars::from_cli_args(vec![
                ("email".into(), "ops@example.com".into()),
                ("password".into(), PASSWORD.into()),
            ]),
        )
        .await
        .unwrap();
    let ops = users::Model::find_by_email(&app.ctx.db, "ops@example.com")
        .await
        .unwrap();
    assert_eq!(
        platform::roles_of(&app.ctx.db, ops.id).await.unwrap(),
        [PlatformRole::Superadmin]
    );
    let browser = browser_of(&app, "ops@example.com").await;
    let overview = browser.get("/admin").await;
    assert_eq!(overview.status_code(), 200);
    assert!(overview.text().contains("Signups per day"));
    // Running it again changes nothing.
    CreateAdmin
        .run(
            &app.ctx,
            &Vars::from_cli_args(vec![("email".into(), "ops@example.com".into())]),
        )
        .await
        .unwrap();
    assert_eq!(
        platform::roles_of(&app.ctx.db, ops.id).await.unwrap().len(),
        1
    );
}

#[tokio::test]
async fn every_console_route_is_hidden_from_people_without_a_platform_role() {
    let app = TestApp::start().await;
    let (owner, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    join_as(&app, &owner, &ws, "bob@example.com", "admin").await;
    let ann = browser_of(&app, "ann@example.com").await;
    let bob = browser_of(&app, "bob@example.com").await;
    let anonymous = app.another_browser();
    let support = staff(&app, "support@example.com", PlatformRole::Support).await;
    let billing = staff(&app, "billing@example.com", PlatformRole::Billing).await;
    let bob_pid = user_pid(&app, "bob@example.com").await;
    let before = platform_audit::Entity::find()
        .count(&app.ctx.db)
        .await
        .unwrap();

    let routes = App::routes(&app.ctx).collect();
    let console: Vec<_> = routes
        .iter()
        .filter(|r| r.uri.starts_with("/admin"))
        .collect();
    assert!(console.len() >= 20, "only {} console routes", console.len());
    let mut checked = 0;
    for route in console {
        let path = route
            .uri
            .replace("{user_id}", &bob_pid)
            .replace("{workspace_id}", &ws)
            .replace("{session_id}", "1")
            .replace("{job_id}", "1");
        for method in &route.actions {
            for (who, browser) in [
                ("signed out", &anonymous),
                ("workspace owner", &ann),
                ("workspace admin", &bob),
            ] {
                let answer = match method.as_str() {
                    "GET" => browser.get(&path).await,
                    "POST" => {
                        post_form_as(
                            browser,
                            &path,
                            &[
                                ("password", PASSWORD),
                                ("role", "superadmin"),
                                ("confirm", "Ann's home"),
                            ],
                        )
                        .await
                    }
                    other => panic!("untested method {other} on {path}"),
                };
                assert_eq!(answer.status_code(), 404, "{method} {path} as {who}");
                checked += 1;
            }
            // Support reads everything and may unlock and resend mail;
            // billing sees billing. Anything else is 403 for them.
            let support_may = method == "GET"
                || path.ends_with("/unlock")
                || path.ends_with("/resend-verification");
            let billing_may = [
                "/admin",
                "/admin/billing",
                "/admin/billing/reconcile",
                "/admin/workspaces",
            ]
            .contains(&path.as_str())
                || (method == "GET"
                    && path.starts_with("/admin/workspaces/")
                    && !path.ends_with("/view"));
            for (who, browser, may) in [
                ("support", &support, support_may),
                ("billing", &billing, billing_may),
            ] {
                if may {
                    continue;
                }
                let answer = match method.as_str() {
                    "GET" => browser.get(&path).await,
                    _ => {
                        post_form_as(
                            browser,
                            &path,
                            &[("password", PASSWORD), ("role", "superadmin")],
                        )
                        .await
                    }
                };
                assert_eq!(answer.status_code(), 403, "{method} {path} as {who}");
            }
        }
    }
    assert!(checked >= 60);
    assert_eq!(
        platform_audit::Entity::find()
            .count(&app.ctx.db)
            .await
            .unwrap(),
        before,
        "nothing was done"
    );
    assert!(!users::Model::find_by_email(&app.ctx.db, "bob@example.com")
        .await
        .unwrap()
        .is_locked());
}

#[tokio::test]
async fn a_superadmin_finds_and_locks_a_user_whose_sessions_and_tokens_stop_at_once() {
    let app = TestApp::start().await;
    let admin = staff(&app, "ops@example.com", PlatformRole::Superadmin).await;
    let (token, _) = workspace_of(&app, "Cat", "cat@example.com").await;
    let cat = browser_of(&app, "cat@example.com").await;
    assert_eq!(cat.get("/w").await.status_code(), 200);
    let personal = app
        .server
        .post("/api/v1/tokens")
        .authorization_bearer(&token)
        .json(&json!({ "name": "Bank script" }))
        .await
        .json::<Value>()["token"]
        .as_str()
        .expect("a personal access token")
        .to_string();

    let found = admin.get("/admin/users?q=cat").await.text();
    assert!(found.contains("cat@example.com"));
    assert!(!found.contains("ops@example.com"));
    let cat_pid = user_pid(&app, "cat@example.com").await;
    let page = admin.get(&format!("/admin/users/{cat_pid}")).await.text();
    assert!(
        page.contains("s home</a> (owner)"),
        "her workspaces: {page}"
    );
    assert!(page.contains("/sessions/"), "her sessions");

    let locked = post_form_as(&admin, &format!("/admin/users/{cat_pid}/lock"), &[]).await;
    assert_eq!(locked.status_code(), 303);
    assert!(flash(&admin, &format!("/admin/users/{cat_pid}"))
        .await
        .contains("is locked"));
    // Her browser session, her login token and new logins all stop.
    assert_eq!(
        cat.get("/w").await.status_code(),
        303,
        "sent to the login page"
    );
    assert_eq!(
        app.server
            .get("/api/v1/workspaces")
            .authorization_bearer(&token)
            .await
            .status_code(),
        401
    );
    let login = app
        .server
        .post("/api/auth/login")
        .json(&json!({ "email": "cat@example.com", "password": PASSWORD }))
        .await;
    assert_eq!(login.status_code(), 403);
    assert!(login.text().contains("locked"));
    let entry = last_audit(&app).await;
    assert_eq!(entry.action, "user.locked");
    assert_eq!(entry.target, format!("user:{cat_pid}"));
    assert!(entry.actor_name.contains("ops@example.com"));
    assert_eq!(entry.details.unwrap()["after"]["locked"], true);
    // Locked users are listed as such.
    assert!(admin
        .get("/admin/users?only=locked")
        .await
        .text()
        .contains("cat@example.com"));

    // Support may unlock; then she signs in again.
    let support = staff(&app, "help@example.com", PlatformRole::Support).await;
    let unlocked = post_form_as(&support, &format!("/admin/users/{cat_pid}/unlock"), &[]).await;
    assert_eq!(unlocked.status_code(), 303);
    browser_of(&app, "cat@example.com").await;
    // What she held before the lock stays ended: whoever made her locked
    // may have had them.
    for held in [&token, &personal] {
        let reach = app
            .server
            .get("/api/v1/workspaces")
            .authorization_bearer(held)
            .await;
        assert_eq!(reach.status_code(), 401);
    }
    // Nobody can lock themselves out.
    let ops_pid = user_pid(&app, "ops@example.com").await;
    post_form_as(&admin, &format!("/admin/users/{ops_pid}/lock"), &[]).await;
    assert!(flash(&admin, &format!("/admin/users/{ops_pid}"))
        .await
        .contains("cannot lock your own account"));
}

#[tokio::test]
async fn account_actions_end_sessions_reset_passwords_confirm_addresses_and_delete() {
    let app = TestApp::start().await;
    let admin = staff(&app, "ops@example.com", PlatformRole::Superadmin).await;
    app.api_user("Dan", "dan@example.com", PASSWORD).await;
    let dan = browser_of(&app, "dan@example.com").await;
    let dan_pid = user_pid(&app, "dan@example.com").await;

    // One session: another user's session id is not found.
    let dan_id = users::Model::find_by_email(&app.ctx.db, "dan@example.com")
        .await
        .unwrap()
        .id;
    let session = smartexpense::models::_entities::sessions::Entity::find()
        .filter(smartexpense::models::_entities::sessions::Column::UserId.eq(dan_id))
        .one(&app.ctx.db)
        .await
        .unwrap()
        .unwrap();
    let ops_pid = user_pid(&app, "ops@example.com").await;
    let wrong = post_form_as(
        &admin,
        &format!("/admin/users/{ops_pid}/sessions/{}/end", session.id),
        &[],
    )
    .await;
    assert_eq!(wrong.status_code(), 404);
    post_form_as(
        &admin,
        &format!("/admin/users/{dan_pid}/sessions/{}/end", session.id),
        &[],
    )
    .await;
    assert_eq!(dan.get("/w").await.status_code(), 303, "his session ended");
    assert_eq!(last_audit(&app).await.action, "user.sessions_ended");

    let dan = browser_of(&app, "dan@example.com").await;
    post_form_as(&admin, &format!("/admin/users/{dan_pid}/sessions/end"), &[]).await;
    assert_eq!(
        dan.get("/w").await.status_code(),
        303,
        "all his sessions ended"
    );

    let dan = browser_of(&app, "dan@example.com").await;
    post_form_as(
        &admin,
        &format!("/admin/users/{dan_pid}/password-reset"),
        &[],
    )
    .await;
    assert_eq!(dan.get("/w").await.status_code(), 303);
    let mail = app.mail.last_about("dan@example.com", "password").await;
    assert!(mail.link_path().starts_with("/reset-password/"));

    // Dan's address is unconfirmed: support resends the link; an operator confirms it.
    let support = staff(&app, "help@example.com", PlatformRole::Support).await;
    post_form_as(
        &support,
        &format!("/admin/users/{dan_pid}/resend-verification"),
        &[],
    )
    .await;
    assert_eq!(last_audit(&app).await.action, "user.verification_resent");
    post_form_as(&admin, &format!("/admin/users/{dan_pid}/verify-email"), &[]).await;
    assert!(users::Model::find_by_email(&app.ctx.db, "dan@example.com")
        .await
        .unwrap()
        .is_verified());

    // Deleting asks for the operator's password; not their own account.
    let ops_pid = user_pid(&app, "ops@example.com").await;
    post_form_as(
        &admin,
        &format!("/admin/users/{ops_pid}/delete"),
        &[("password", PASSWORD)],
    )
    .await;
    assert!(flash(&admin, &format!("/admin/users/{ops_pid}"))
        .await
        .contains("cannot delete your own account"));
    post_form_as(
        &admin,
        &format!("/admin/users/{dan_pid}/delete"),
        &[("password", "wrong password")],
    )
    .await;
    assert!(flash(&admin, &format!("/admin/users/{dan_pid}"))
        .await
        .contains("not your password"));
    let deleted = post_form_as(
        &admin,
        &format!("/admin/users/{dan_pid}/delete"),
        &[("password", PASSWORD)],
    )
    .await;
    assert_eq!(deleted.status_code(), 303);
    assert!(users::Model::find_by_email(&app.ctx.db, "dan@example.com")
        .await
        .is_err());
    assert_eq!(last_audit(&app).await.action, "user.deleted");
    // A deleted user is not found.
    assert_eq!(
        admin
            .get(&format!("/admin/users/{dan_pid}"))
            .await
            .status_code(),
        404
    );
    let again = post_form_as(&admin, &format!("/admin/users/{dan_pid}/lock"), &[]).await;
    assert_eq!(again.status_code(), 404);
}

#[tokio::test]
async fn platform_roles_need_the_password_and_the_last_superadmin_stays() {
    let app = TestApp::start().await;
    let admin = staff(&app, "ops@example.com", PlatformRole::Superadmin).await;
    app.api_user("Eve", "eve@example.com", PASSWORD).await;
    let eve_pid = user_pid(&app, "eve@example.com").await;
    let ops_pid = user_pid(&app, "ops@example.com").await;

    post_form_as(
        &admin,
        &format!("/admin/users/{eve_pid}/roles"),
        &[("role", "support"), ("password", "nope")],
    )
    .await;
    assert!(flash(&admin, &format!("/admin/users/{eve_pid}"))
        .await
        .contains("not your password"));
    post_form_as(
        &admin,
        &format!("/admin/users/{ops_pid}/roles/revoke"),
        &[("role", "superadmin"), ("password", PASSWORD)],
    )
    .await;
    assert!(flash(&admin, &format!("/admin/users/{ops_pid}"))
        .await
        .contains("last superadmin"));

    post_form_as(
        &admin,
        &format!("/admin/users/{eve_pid}/roles"),
        &[("role", "superadmin"), ("password", PASSWORD)],
    )
    .await;
    let eve = users::Model::find_by_email(&app.ctx.db, "eve@example.com")
        .await
        .unwrap();
    assert_eq!(
        platform::roles_of(&app.ctx.db, eve.id).await.unwrap(),
        [PlatformRole::Superadmin]
    );
    assert_eq!(last_audit(&app).await.action, "platform_role.granted");
    // With two, one may step down; then the console is gone for them.
    post_form_as(
        &admin,
        &format!("/admin/users/{ops_pid}/roles/revoke"),
        &[("role", "superadmin"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(admin.get("/admin").await.status_code(), 404);
}

#[tokio::test]
async fn a_suspended_workspace_is_read_only_for_its_members_with_a_banner() {
    let app = TestApp::start().await;
    let admin = staff(&app, "ops@example.com", PlatformRole::Superadmin).await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let ann_browser = browser_of(&app, "ann@example.com").await;
    assert!(admin
        .get("/admin/workspaces?q=Ann")
        .await
        .text()
        .contains("s home"));

    post_form_as(&admin, &format!("/admin/workspaces/{ws}/suspend"), &[]).await;
    let add = |amount: &str| {
        app.server
            .post(&format!("/api/v1/workspaces/{ws}/expenses"))
            .authorization_bearer(&ann)
            .json(&json!({ "amount": amount, "description": "Tea", "date": "2026-11-01" }))
    };
    let refused = add("2.00").await;
    assert_eq!(refused.status_code(), 403);
    assert_eq!(refused.json::<Value>()["error"], "workspace_suspended");
    assert_eq!(
        app.server
            .get(&format!("/api/v1/workspaces/{ws}/expenses"))
            .authorization_bearer(&ann)
            .await
            .status_code(),
        200,
        "still readable"
    );
    assert!(ann_browser
        .get(&format!("/w/{ws}"))
        .await
        .text()
        .contains("suspended by the operators"));
    assert_eq!(last_audit(&app).await.action, "workspace.suspended");
    assert!(admin
        .get("/admin/workspaces?only=suspended")
        .await
        .text()
        .contains("s home"));

    post_form_as(&admin, &format!("/admin/workspaces/{ws}/unsuspend"), &[]).await;
    assert_eq!(add("2.00").await.status_code(), 201);
}

#[tokio::test]
async fn an_operator_changes_members_with_the_owners_rules_and_deletes_a_workspace() {
    let app = TestApp::start().await;
    let admin = staff(&app, "ops@example.com", PlatformRole::Superadmin).await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    join_as(&app, &ann, &ws, "bob@example.com", "member").await;
    join_as(&app, &ann, &ws, "cat@example.com", "member").await;
    let bob_pid = user_pid(&app, "bob@example.com").await;
    let cat_pid = user_pid(&app, "cat@example.com").await;
    let members = |token: String| {
        let server = &app.server;
        let ws = ws.clone();
        async move {
            server
                .get(&format!("/api/v1/workspaces/{ws}/members"))
                .authorization_bearer(&token)
                .await
                .json::<Value>()["items"]
                .clone()
        }
    };
    let page = admin.get(&format!("/admin/workspaces/{ws}")).await.text();
    assert!(page.contains("bob@example.com") && page.contains("cat@example.com"));

    post_form_as(
        &admin,
        &format!("/admin/workspaces/{ws}/members/{bob_pid}/role"),
        &[("role", "admin")],
    )
    .await;
    post_form_as(
        &admin,
        &format!("/admin/workspaces/{ws}/members/{cat_pid}/remove"),
        &[],
    )
    .await;
    // Ownership moves only with the operator's password.
    post_form_as(
        &admin,
        &format!("/admin/workspaces/{ws}/members/{bob_pid}/role"),
        &[("role", "owner"), ("password", "wrong")],
    )
    .await;
    let listed = members(ann.clone()).await;
    let role_of = |email: &str| {
        listed
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["email"] == email)
            .map(|m| m["role"].clone())
    };
    assert_eq!(role_of("bob@example.com"), Some(json!("admin")));
    assert_eq!(role_of("cat@example.com"), None);
    assert_eq!(role_of("ann@example.com"), Some(json!("owner")));
    post_form_as(
        &admin,
        &format!("/admin/workspaces/{ws}/members/{bob_pid}/role"),
        &[("role", "owner"), ("password", PASSWORD)],
    )
    .await;
    let listed = members(ann.clone()).await;
    let owner = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["role"] == "owner")
        .unwrap();
    assert_eq!(owner["email"], "bob@example.com");
    // The workspace's own audit log names the operator.
    let audit: Value = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/audit"))
        .authorization_bearer(&ann)
        .await
        .json::<Value>()["items"]
        .clone();
    assert_eq!(audit[0]["action"], "workspace.ownership_transferred");
    assert!(audit[0]["actor"]
        .as_str()
        .unwrap()
        .contains("ops@example.com"));

    // Deleting: the name and the password.
    post_form_as(
        &admin,
        &format!("/admin/workspaces/{ws}/delete"),
        &[("confirm", "wrong name"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(
        admin
            .get(&format!("/admin/workspaces/{ws}"))
            .await
            .status_code(),
        200
    );
    let deleted = post_form_as(
        &admin,
        &format!("/admin/workspaces/{ws}/delete"),
        &[("confirm", "Ann's home"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(deleted.status_code(), 303);
    app.jobs_done().await;
    assert_eq!(
        admin
            .get(&format!("/admin/workspaces/{ws}"))
            .await
            .status_code(),
        404
    );
    assert_eq!(last_audit(&app).await.action, "workspace.deleted");
}

#[tokio::test]
async fn support_reads_a_workspace_only_while_its_owner_grants_it_and_the_owner_sees_each_view() {
    let app = TestApp::start().await;
    let support = staff(&app, "help@example.com", PlatformRole::Support).await;
    let (ann, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    app.server
        .post(&format!("/api/v1/workspaces/{ws}/expenses"))
        .authorization_bearer(&ann)
        .json(&json!({ "amount": "12.00", "description": "Groceries", "date": "2026-11-01" }))
        .await;
    let refused = support.get(&format!("/admin/workspaces/{ws}/view")).await;
    assert_eq!(refused.status_code(), 303);
    assert!(flash(&support, &format!("/admin/workspaces/{ws}"))
        .await
        .contains("has not granted support access"));

    let owner = browser_of(&app, "ann@example.com").await;
    let granted = post_form_as(
        &owner,
        &format!("/w/{ws}/support-access"),
        &[("hours", "24")],
    )
    .await;
    assert_eq!(granted.status_code(), 303);
    assert!(owner
        .get(&format!("/w/{ws}/settings"))
        .await
        .text()
        .contains("can read this workspace until"));
    let view = support.get(&format!("/admin/workspaces/{ws}/view")).await;
    assert_eq!(view.status_code(), 200);
    assert!(view.text().contains("Groceries"));
    let audit: Value = app
        .server
        .get(&format!("/api/v1/workspaces/{ws}/audit"))
        .authorization_bearer(&ann)
        .await
        .json::<Value>()["items"]
        .clone();
    assert_eq!(audit[0]["action"], "support_access.viewed");
    assert!(audit[0]["actor"]
        .as_str()
        .unwrap()
        .contains("help@example.com"));

    // Bad durations are refused; revoking ends it at once.
    post_form_as(
        &owner,
        &format!("/w/{ws}/support-access"),
        &[("hours", "1000")],
    )
    .await;
    post_form_as(&owner, &format!("/w/{ws}/support-access/revoke"), &[]).await;
    assert_eq!(
        support
            .get(&format!("/admin/workspaces/{ws}/view"))
            .await
            .status_code(),
        303
    );
    // Only the owner grants it.
    let bob = join_as(&app, &ann, &ws, "bob@example.com", "admin").await;
    let _ = bob;
    let bob_browser = browser_of(&app, "bob@example.com").await;
    assert_eq!(
        post_form_as(
            &bob_browser,
            &format!("/w/{ws}/support-access"),
            &[("hours", "24")]
        )
        .await
        .status_code(),
        403
    );
}

#[tokio::test]
async fn failed_jobs_are_listed_with_their_error_and_can_be_retried_or_discarded() {
    let app = TestApp::start().await;
    let admin = staff(&app, "ops@example.com", PlatformRole::Superadmin).await;
    let helper = staff(&app, "help@example.com", PlatformRole::Support).await;
    app.jobs_done().await;
    // A mail server that refuses every mail fails every attempt.
    app.mail.answer(crate::support::smtp::Answer::Refuse);
    let user_id = users::Model::find_by_email(&app.ctx.db, "help@example.com")
        .await
        .unwrap()
        .id;
    smartexpense::mailers::Mail::PasswordReset { user_id }
        .queue(&app.ctx)
        .await
        .unwrap();
    app.jobs_done().await;
    let dead = smartexpense::workers::queue::dead(&app.ctx).await.unwrap();
    assert_eq!(dead.len(), 1);
    let id = dead[0].id.clone();
    let page = admin.get("/admin/jobs").await.text();
    assert!(page.contains(&id));
    assert!(page.contains("mail: password_reset"), "{page}");
    assert!(page.contains("(451): 4.3.0 try again later"), "{page}");
    assert!(
        page.contains(&format!("&quot;user_id&quot;:{user_id}")),
        "{page}"
    );
    // Support sees what failed, not what it was about.
    let seen_by_support = helper.get("/admin/jobs").await.text();
    assert!(seen_by_support.contains("mail: password_reset"));
    assert!(!seen_by_support.contains("user_id"), "{seen_by_support}");
    assert!(admin.get("/admin").await.text().contains("Jobs failed"));

    post_form_as(&admin, &format!("/admin/jobs/{id}/retry"), &[]).await;
    assert_eq!(last_audit(&app).await.action, "job.retried");
    app.jobs_done().await;
    assert_eq!(
        smartexpense::workers::queue::dead(&app.ctx)
            .await
            .unwrap()
            .len(),
        1,
        "failed again"
    );
    post_form_as(&admin, &format!("/admin/jobs/{id}/discard"), &[]).await;
    assert!(smartexpense::workers::queue::dead(&app.ctx)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(last_audit(&app).await.action, "job.discarded");
    post_form_as(&admin, &format!("/admin/jobs/{id}/discard"), &[]).await;
    assert!(flash(&admin, "/admin/jobs")
        .await
        .contains("No failed job has that id"));

    // The audit log lists it all, filterable by action.
    let audit = admin.get("/admin/audit?only=job.retried").await;
    assert_eq!(audit.status_code(), 200, "{}", audit.text());
    let audit = audit.text();
    assert!(audit.contains("job.retried"));
    assert!(!audit.contains("job.discarded"));
    // Billing off: reconciling says so.
    post_form_as(&admin, "/admin/billing/reconcile", &[]).await;
    assert!(flash(&admin, "/admin/billing")
        .await
        .contains("Billing is off"));
}

#[tokio::test]
async fn billing_staff_run_reconciliation_now() {
    let standin = crate::support::stripe::StripeStandin::start().await;
    let app = TestApp::start_with(|config| standin.configure(config)).await;
    let billing = staff(&app, "money@example.com", PlatformRole::Billing).await;
    let page = billing.get("/admin/billing").await.text();
    assert!(page.contains("Reconcile with Stripe now"));
    let queued = post_form_as(&billing, "/admin/billing/reconcile", &[]).await;
    assert_eq!(queued.status_code(), 303);
    assert!(flash(&billing, "/admin/billing")
        .await
        .contains("Reconciliation with Stripe is queued"));
    app.jobs_done().await;
    assert!(smartexpense::workers::queue::dead(&app.ctx)
        .await
        .unwrap()
        .is_empty());
    assert!(
        standin
            .requests()
            .await
            .iter()
            .any(|r| r["path"] == "/v1/subscriptions"),
        "it listed the subscriptions"
    );
    assert_eq!(last_audit(&app).await.action, "billing.reconcile_requested");
}

#[tokio::test]
async fn the_consoles_password_prompts_spend_the_operators_login_budget() {
    let app = TestApp::start().await;
    // Two of the account's five attempts a minute: signing in through the
    // API and in the browser.
    let admin = staff(&app, "ops@example.com", PlatformRole::Superadmin).await;
    app.api_user("Eve", "eve@example.com", PASSWORD).await;
    let eve_pid = user_pid(&app, "eve@example.com").await;
    let eve_page = format!("/admin/users/{eve_pid}");
    let (admin, eve_page) = (&admin, &eve_page);
    let role = |action: &'static str, password: &'static str| async move {
        let path = format!("{eve_page}/roles{action}");
        post_form_as(admin, &path, &[("role", "support"), ("password", password)]).await;
        flash(admin, eve_page).await
    };
    // A right password costs nothing (else the last wrong one below would
    // be the seventh attempt).
    assert!(role("", PASSWORD).await.contains("is now support"));
    assert!(role("/revoke", PASSWORD)
        .await
        .contains("is no longer support"));
    for _ in 0..3 {
        let refused = role("", "wrong password").await;
        assert!(refused.contains("not your password"), "{refused}");
    }
    let limited = role("", PASSWORD).await;
    assert!(
        limited.contains("Too many attempts; try again in"),
        "{limited}"
    );
    let eve = users::Model::find_by_email(&app.ctx.db, "eve@example.com")
        .await
        .unwrap();
    assert!(platform::roles_of(&app.ctx.db, eve.id)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn the_console_speaks_the_operators_language() {
    let app = TestApp::start().await;
    let admin = staff(&app, "ops@example.com", PlatformRole::Superadmin).await;
    let saved = post_form_as(&admin, "/account/language", &[("language", "de")]).await;
    assert_eq!(saved.status_code(), 303);

    let overview = admin.get("/admin").await.text();
    assert!(overview.contains(r#"<html lang="de">"#), "{overview}");
    assert!(overview.contains("<h1>Übersicht</h1>"), "{overview}");
    assert!(overview.contains("Registrierungen pro Tag"), "{overview}");
    assert!(overview.contains("Fehlgeschlagene Jobs"), "{overview}");
    assert!(
        overview.contains(r#"<nav aria-label="Konsole""#),
        "{overview}"
    );
    assert!(!overview.contains("Signups per day"), "{overview}");

    app.api_user("Dan", "dan@example.com", PASSWORD).await;
    browser_of(&app, "dan@example.com").await;
    let dan_page = format!("/admin/users/{}", user_pid(&app, "dan@example.com").await);
    let page = admin.get(&dan_page).await.text();
    assert!(page.contains(r#"<html lang="de">"#));
    assert!(page.contains("Adresse nicht bestätigt"), "{page}");
    assert!(page.contains("Konto sperren"), "{page}");
    assert!(page.contains("Alle Sitzungen beenden"), "{page}");
    assert!(
        page.contains("<th scope=\"col\">Zuletzt aktiv</th>"),
        "{page}"
    );
    assert!(page.contains("Plattformrollen: keine"), "{page}");

    // What an action did, and why one was refused, in German too.
    post_form_as(&admin, &format!("{dan_page}/lock"), &[]).await;
    let notice = flash(&admin, &dan_page).await;
    assert!(
        notice.contains("dan@example.com ist gesperrt; die Sitzungen sind beendet."),
        "{notice}"
    );
    post_form_as(&admin, &format!("{dan_page}/lock"), &[]).await;
    let refused = flash(&admin, &dan_page).await;
    assert!(refused.contains("Ist bereits gesperrt."), "{refused}");
    post_form_as(
        &admin,
        &format!("{dan_page}/delete"),
        &[("password", "wrong")],
    )
    .await;
    let refused = flash(&admin, &dan_page).await;
    assert!(
        refused.contains("Ist nicht dein Passwort; gib es zur Bestätigung ein."),
        "{refused}"
    );
    let users = admin.get("/admin/users?only=locked").await.text();
    assert!(users.contains("<mark>gesperrt</mark>"), "{users}");
    assert!(
        users.contains(r#"placeholder="Name oder E-Mail""#),
        "{users}"
    );

    let (_, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let page = admin.get(&format!("/admin/workspaces/{ws}")).await.text();
    assert!(
        page.contains("Nutzung: 1 Person, 0 Ausgaben in diesem Monat hinzugefügt."),
        "{page}"
    );
    assert!(page.contains("Diesen Bereich löschen"), "{page}");
    assert!(page.contains("<td>Eigentümer</td>"), "{page}");
}
