//! Tenant isolation, proven over every route the router serves: a member of
//! one workspace can neither read, change nor delete another's data. The
//! routes come from the app itself, so a new route is covered (or this test
//! asks for a decision about it) without anyone updating a list.

use loco_rs::{app::Hooks, prelude::*};
use serde_json::{json, Value};
use smartexpense::models::ids::WorkspaceId;
use smartexpense::{
    app::App,
    models::{
        audit_events, budget_alerts, budgets, categories, expense_shares, expenses, imports,
        invitations, memberships, notifications, receipts, recurring_expenses, settlements,
        workspaces,
    },
};

use super::workspaces_api::{join_as, workspace_of};
use crate::support::{csrf_in, TestApp, PASSWORD};

/// Routes that are not inside a workspace, each for a reason.
const OUTSIDE_WORKSPACES: &[&str] = &[
    "/_ping",
    "/_health",
    "/_readiness",
    "/",
    "/signup",
    "/login",
    "/logout",
    "/verify/{token}",
    "/forgot-password",
    "/reset-password/{token}",
    "/account",
    "/account/password",
    "/account/email",
    "/account/language",
    "/account/verification",
    "/account/logout-everywhere",
    "/account/delete",
    "/api/auth/register",
    "/api/auth/login",
    "/api/auth/current",
    "/api/auth/verify",
    "/api/auth/resend-verification",
    "/api/auth/forgot",
    "/api/auth/reset",
    // The caller's own list and creation; scoped by the caller, not a URL.
    "/w",
    "/api/v1/workspaces",
    // Bound to the invited address by the token.
    "/invitations/{token}",
    "/invitations/{token}/accept",
    "/api/v1/invitations/{token}/accept",
    // Stripe's events: authenticated by its signature, not a session.
    "/webhooks/stripe",
    // The API's description, public like the rest of the docs.
    "/api/openapi.json",
    "/api/docs",
    // What installs the app on a phone: the same for everyone.
    "/manifest.webmanifest",
    // The service worker and the page it shows offline: the same for everyone.
    "/sw.js",
    "/offline",
    // The caller's own access tokens (a test shows others' are out of reach).
    "/account/tokens",
    "/account/tokens/{token_id}/revoke",
    "/api/v1/tokens",
    "/api/v1/tokens/{token_id}",
];

async fn snapshot(app: &TestApp, workspace_id: WorkspaceId) -> Value {
    let workspace = workspaces::Entity::find_by_id(workspace_id)
        .one(&app.owner_db)
        .await
        .unwrap();
    json!({
        "workspace": workspace.map(|w| (w.name, w.kind, w.currency, w.deleting_at.is_some())),
        "members": memberships::Entity::find().in_tenant(workspace_id).all(&app.owner_db).await.unwrap()
            .into_iter().map(|m| (m.user_id, m.role)).collect::<Vec<_>>(),
        "invitations": invitations::Entity::find().in_tenant(workspace_id).all(&app.owner_db).await.unwrap()
            .into_iter().map(|i| (i.email, i.revoked_at.is_some(), i.expires_at.to_string())).collect::<Vec<_>>(),
        "audit": audit_events::Entity::find().in_tenant(workspace_id).count(&app.owner_db).await.unwrap(),
        "expenses": expenses::Entity::find().in_tenant(workspace_id).all(&app.owner_db).await.unwrap()
            .into_iter().map(|e| (e.amount_minor, e.description, e.deleted_at.is_some(), e.category_id)).collect::<Vec<_>>(),
        "categories": categories::Entity::find().in_tenant(workspace_id).all(&app.owner_db).await.unwrap()
            .into_iter().map(|c| (c.name, c.color)).collect::<Vec<_>>(),
        "shares": expense_shares::Entity::find().in_tenant(workspace_id).all(&app.owner_db).await.unwrap()
            .into_iter().map(|s| (s.user_id, s.amount_minor)).collect::<Vec<_>>(),
        "imports": imports::Entity::find().in_tenant(workspace_id).all(&app.owner_db).await.unwrap()
            .into_iter().map(|i| (i.status, i.options)).collect::<Vec<_>>(),
        "recurring": recurring_expenses::Entity::find().in_tenant(workspace_id).all(&app.owner_db).await.unwrap()
            .into_iter().map(|r| (r.description, r.next_on)).collect::<Vec<_>>(),
        "settlements": settlements::Entity::find().in_tenant(workspace_id).all(&app.owner_db).await.unwrap()
            .into_iter().map(|s| (s.from_user_id, s.amount_minor)).collect::<Vec<_>>(),
        "budgets": budgets::Entity::find().in_tenant(workspace_id).all(&app.owner_db).await.unwrap()
            .into_iter().map(|b| (b.name, b.amount_minor, b.thresholds)).collect::<Vec<_>>(),
        "alerts": budget_alerts::Entity::find().in_tenant(workspace_id).all(&app.owner_db).await.unwrap()
            .into_iter().map(|a| (a.threshold, a.sent_at.is_some())).collect::<Vec<_>>(),
        "notifications": notifications::Entity::find().in_tenant(workspace_id).all(&app.owner_db).await.unwrap()
            .into_iter().map(|n| (n.user_id, n.read_at.is_some())).collect::<Vec<_>>(),
        "receipts": receipts::Entity::find().in_tenant(workspace_id).all(&app.owner_db).await.unwrap()
            .into_iter().map(|r| (r.pid, r.filename, r.size_bytes, r.expense_id)).collect::<Vec<_>>(),
        "mail_settings": memberships::Entity::find().in_tenant(workspace_id).all(&app.owner_db).await.unwrap()
            .into_iter().map(|m| (m.mail_budget_alerts, m.mail_weekly_summary)).collect::<Vec<_>>(),
    })
}

#[tokio::test]
async fn a_member_of_one_workspace_cannot_reach_another_through_any_route() {
    let app = TestApp::start().await;
    // Workspace B, with a second member and a pending invitation.
    let (b_owner, b_id) = workspace_of(&app, "Bea", "bea@example.com").await;
    join_as(&app, &b_owner, &b_id, "bob@example.com", "member").await;
    app.server
        .post(&format!("/api/v1/workspaces/{b_id}/invitations"))
        .authorization_bearer(&b_owner)
        .json(&json!({ "email": "carl@example.com", "role": "viewer" }))
        .await;
    let b_members = app
        .server
        .get(&format!("/api/v1/workspaces/{b_id}/members"))
        .authorization_bearer(&b_owner)
        .await
        .json::<Value>()["items"]
        .clone();
    let b_user = b_members[1]["user_id"].as_str().unwrap().to_string();
    let b_owner_id = b_members[0]["user_id"].as_str().unwrap().to_string();
    let b_invitation = app
        .server
        .get(&format!("/api/v1/workspaces/{b_id}/invitations"))
        .authorization_bearer(&b_owner)
        .await
        .json::<Value>()["items"]
        .clone()[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let b_expense = app
        .server
        .post(&format!("/api/v1/workspaces/{b_id}/expenses"))
        .authorization_bearer(&b_owner)
        .json(&json!({
            "amount": "42.00", "date": "2026-11-20", "description": "Bea's rent",
            "split": { "method": "equal", "parts": [{ "member": b_owner_id }, { "member": b_user }] },
        }))
        .await
        .json::<Value>()["id"]
        .as_str()
        .unwrap()
        .to_string();
    // A receipt on Bea's expense.
    let b_receipt = app
        .server
        .post(&format!(
            "/api/v1/workspaces/{b_id}/expenses/{b_expense}/receipts"
        ))
        .authorization_bearer(&b_owner)
        .multipart(axum_test::multipart::MultipartForm::new().add_part(
            "file",
            axum_test::multipart::Part::bytes(b"%PDF-1.4\n%%EOF\n".to_vec()).file_name("bea.pdf"),
        ))
        .await
        .json::<Value>()[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let b_category = app
        .server
        .get(&format!("/api/v1/workspaces/{b_id}/categories"))
        .authorization_bearer(&b_owner)
        .await
        .json::<Value>()["items"]
        .clone()[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let b_settlement = app
        .server
        .post(&format!("/api/v1/workspaces/{b_id}/settlements"))
        .authorization_bearer(&b_owner)
        .json(&json!({ "from": b_user, "to": b_owner_id, "amount": "21.00" }))
        .await
        .json::<Value>()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let b_recurring = app
        .server
        .post(&format!("/api/v1/workspaces/{b_id}/recurring"))
        .authorization_bearer(&b_owner)
        .json(&json!({ "frequency": "monthly", "starts_on": "2030-01-01", "amount": "9.00", "description": "Bea's phone" }))
        .await
        .json::<Value>()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let b_budget = app
        .server
        .post(&format!("/api/v1/workspaces/{b_id}/budgets"))
        .authorization_bearer(&b_owner)
        .json(&json!({ "name": "Bea's food", "amount": "10.00" }))
        .await
        .json::<Value>()["id"]
        .as_str()
        .unwrap()
        .to_string();
    // Over the limit: an alert and notifications exist in B too.
    app.server
        .post(&format!("/api/v1/workspaces/{b_id}/expenses"))
        .authorization_bearer(&b_owner)
        .json(&json!({ "amount": "11.00", "description": "Feast", "date": "2030-01-01" }))
        .await;
    let b_row = workspaces::Entity::find()
        .filter(workspaces::workspaces::Column::Pid.eq(Uuid::parse_str(&b_id).unwrap()))
        .one(&app.owner_db)
        .await
        .unwrap()
        .unwrap();

    // An uploaded file waiting in B (imports are made through the pages).
    let b_import = imports::ActiveModel {
        pid: Set(Uuid::new_v4()),
        workspace_id: Set(b_row.id),
        filename: Set("bea.csv".into()),
        content: Set("date,amount,description\n2026-11-01,1.00,x\n".into()),
        status: Set("uploaded".into()),
        total_rows: Set(1),
        processed_rows: Set(0),
        imported_rows: Set(0),
        duplicate_rows: Set(0),
        failed_rows: Set(0),
        ..Default::default()
    }
    .insert(&app.owner_db)
    .await
    .unwrap()
    .pid
    .to_string();

    // Ann owns workspace A and is signed in both in the browser and on the API.
    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    let ann = app.api_login("ann@example.com", PASSWORD).await;
    app.server
        .post("/api/v1/workspaces")
        .authorization_bearer(&ann)
        .json(&json!({ "name": "Ann's", "kind": "team", "currency": "USD" }))
        .await;
    let csrf = csrf_in(&app.server.get("/w").await.text());

    // B's alert is sent before the snapshot, so only Ann could change it.
    app.jobs_done().await;
    let before = snapshot(&app, b_row.id).await;
    let routes = App::routes(&app.ctx).collect();
    let mut tenant_routes = 0;
    for route in &routes {
        if !route.uri.contains("{workspace_id}") {
            // The operators' console: `admin.rs` checks that every one of
            // its routes answers 404 to anyone without a platform role.
            if route.uri.starts_with("/admin") {
                continue;
            }
            assert!(
                OUTSIDE_WORKSPACES.contains(&route.uri.as_str()),
                "{} is neither inside a workspace nor listed as outside one: decide which",
                route.uri
            );
            continue;
        }
        let path = route
            .uri
            .replace("{workspace_id}", &b_id)
            .replace("{user_id}", &b_user)
            .replace("{invitation_id}", &b_invitation)
            .replace("{expense_id}", &b_expense)
            .replace("{category_id}", &b_category)
            .replace("{settlement_id}", &b_settlement)
            .replace("{recurring_id}", &b_recurring)
            .replace("{import_id}", &b_import)
            .replace("{budget_id}", &b_budget)
            .replace("{receipt_id}", &b_receipt);
        for method in &route.actions {
            tenant_routes += 1;
            let api = path.starts_with("/api/");
            let mut request = match method.as_str() {
                "GET" => app.server.get(&path),
                "POST" => app.server.post(&path),
                "PATCH" => app.server.patch(&path),
                "PUT" => app.server.put(&path),
                "DELETE" => app.server.delete(&path),
                other => panic!("untested method {other} on {path}"),
            };
            if api {
                request = request.authorization_bearer(&ann).json(&json!({
                    "name": "hijacked", "role": "viewer", "email": "evil@example.com", "confirm": "Bea's home",
                    "amount": "1.00", "date": "2026-01-01", "description": "hijacked"
                }));
            } else if method != "GET" {
                request = request.add_header("x-csrf-token", csrf.clone()).form(&[
                    ("name", "hijacked"),
                    ("role", "viewer"),
                    ("email", "evil@example.com"),
                    ("confirm", "Bea's home"),
                ]);
            }
            let response = request.await;
            assert_eq!(
                response.status_code(),
                404,
                "{method} {path} must answer 404 to a non-member: {}",
                response.text()
            );
            assert!(
                !response.text().contains("Bea"),
                "{method} {path} leaked data"
            );
        }
    }
    assert!(
        tenant_routes >= 20,
        "only {tenant_routes} tenant routes found"
    );
    assert_eq!(
        snapshot(&app, b_row.id).await,
        before,
        "workspace B changed"
    );
}

#[tokio::test]
async fn unknown_and_malformed_workspace_ids_answer_404() {
    let app = TestApp::start().await;
    let token = app.api_user("Ann", "ann@example.com", PASSWORD).await;
    for id in ["00000000-0000-0000-0000-000000000000", "not-a-uuid", "1"] {
        let response = app
            .server
            .get(&format!("/api/v1/workspaces/{id}"))
            .authorization_bearer(&token)
            .await;
        assert_eq!(response.status_code(), 404, "{id}");
    }
}

/// The second guard: inside a request's transaction, a query that forgets
/// the tenant filter still sees only the request's workspace on Postgres.
/// SQLite has no row-level security, and there the same query does see the
/// other workspace: the app's `in_tenant` filters are its only guard.
#[tokio::test]
async fn row_level_security_hides_other_workspaces_from_an_unfiltered_query() {
    use sea_orm::DatabaseBackend;
    use smartexpense::models::{
        tenancy::{self, Scope},
        users,
    };

    let app = TestApp::start().await;
    let (_, a_id) = workspace_of(&app, "Ann", "ann@example.com").await;
    let (b_owner, b_id) = workspace_of(&app, "Bea", "bea@example.com").await;
    app.server
        .post(&format!("/api/v1/workspaces/{b_id}/invitations"))
        .authorization_bearer(&b_owner)
        .json(&json!({ "email": "carl@example.com", "role": "viewer" }))
        .await;
    let find = |pid: &str| {
        workspaces::Entity::find()
            .filter(workspaces::workspaces::Column::Pid.eq(Uuid::parse_str(pid).unwrap()))
            .one(&app.owner_db)
    };
    let a = find(&a_id).await.unwrap().unwrap();
    let b = find(&b_id).await.unwrap().unwrap();
    let ann = users::Model::find_by_email(&app.ctx.db, "ann@example.com")
        .await
        .unwrap();

    // A request of Ann's in workspace A, with queries that filter nothing.
    let txn = tenancy::begin(
        &app.ctx.db,
        Scope {
            user_id: Some(ann.id),
            workspace_id: Some(a.id),
            ..Scope::default()
        },
    )
    .await
    .unwrap();
    let audit: Vec<WorkspaceId> = audit_events::Entity::find()
        .all(&txn)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.workspace_id)
        .collect();
    let members: Vec<WorkspaceId> = memberships::Entity::find()
        .all(&txn)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.workspace_id)
        .collect();
    let invites = invitations::Entity::find().count(&txn).await.unwrap();

    // Outside any request scope.
    let unscoped = app.ctx.db.begin().await.unwrap();
    let unscoped_audit = audit_events::Entity::find().count(&unscoped).await.unwrap();

    if app.ctx.db.get_database_backend() == DatabaseBackend::Postgres {
        assert!(
            !audit.is_empty() && audit.iter().all(|w| *w == a.id),
            "{audit:?}"
        );
        assert!(
            !members.is_empty() && members.iter().all(|w| *w == a.id),
            "{members:?}"
        );
        assert_eq!(invites, 0, "B's invitation is invisible");
        assert_eq!(unscoped_audit, 0, "an unset tenant matches nothing");
        // Writing into another workspace is refused as well.
        let smuggled = audit_events::ActiveModel {
            workspace_id: Set(b.id),
            actor_name: Set("mallory".into()),
            action: Set("x".into()),
            summary: Set("x".into()),
            ..Default::default()
        }
        .insert(&txn)
        .await;
        assert!(
            smuggled.is_err(),
            "insert into B inside A's transaction must fail"
        );
    } else {
        assert!(audit.contains(&b.id), "SQLite: the unfiltered query sees B");
        assert_eq!(invites, 1);
        assert!(unscoped_audit > 0);
    }
}
