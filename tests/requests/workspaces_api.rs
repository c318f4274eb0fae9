use chrono::{Duration, Utc};
use loco_rs::prelude::*;
use serde_json::{json, Value};
use smartexpense::models::{audit_events, invitations, memberships, workspaces};

use crate::support::{TestApp, PASSWORD};

/// A workspace made through the API by a new account; returns (token, id).
pub async fn workspace_of(app: &TestApp, name: &str, email: &str) -> (String, String) {
    let token = app.api_user(name, email, PASSWORD).await;
    let response = app
        .server
        .post("/api/v1/workspaces")
        .authorization_bearer(&token)
        .json(&json!({ "name": format!("{name}'s home"), "kind": "household", "currency": "eur" }))
        .await;
    assert_eq!(response.status_code(), 201, "{}", response.text());
    let id = response.json::<Value>()["id"].as_str().unwrap().to_string();
    (token, id)
}

/// Invites `email` as `role` and joins with a new account; returns its token.
pub async fn join_as(app: &TestApp, owner: &str, ws: &str, email: &str, role: &str) -> String {
    join_named(app, owner, ws, "Someone", email, role).await
}

/// The same with an account called `name`.
pub async fn join_named(
    app: &TestApp,
    owner: &str,
    ws: &str,
    name: &str,
    email: &str,
    role: &str,
) -> String {
    let invited = app
        .server
        .post(&format!("/api/v1/workspaces/{ws}/invitations"))
        .authorization_bearer(owner)
        .json(&json!({ "email": email, "role": role }))
        .await;
    assert_eq!(invited.status_code(), 201, "{}", invited.text());
    let link = app.mail.last_to(email).await.link_path();
    let token = app.api_user(name, email, PASSWORD).await;
    let accepted = app
        .server
        .post(&format!("/api/v1{link}/accept"))
        .authorization_bearer(&token)
        .await;
    assert_eq!(accepted.status_code(), 200, "{}", accepted.text());
    token
}

#[tokio::test]
async fn creating_listing_reading_and_updating_a_workspace() {
    let app = TestApp::start().await;
    let (token, id) = workspace_of(&app, "Ann", "ann@example.com").await;

    let list = app
        .server
        .get("/api/v1/workspaces")
        .authorization_bearer(&token)
        .await;
    let list: Value = list.json::<Value>()["items"].clone();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["id"], id);
    assert_eq!(list[0]["role"], "owner");
    assert_eq!(list[0]["currency"], "EUR");
    assert_eq!(list[0]["time_zone"], "UTC");

    let updated = app
        .server
        .patch(&format!("/api/v1/workspaces/{id}"))
        .authorization_bearer(&token)
        .json(&json!({ "name": "Our flat", "time_zone": "Europe/Berlin" }))
        .await;
    assert_eq!(updated.status_code(), 200);
    assert_eq!(updated.json::<Value>()["name"], "Our flat");
    let shown = app
        .server
        .get(&format!("/api/v1/workspaces/{id}"))
        .authorization_bearer(&token)
        .await;
    assert_eq!(shown.json::<Value>()["time_zone"], "Europe/Berlin");

    let audit = app
        .server
        .get(&format!("/api/v1/workspaces/{id}/audit"))
        .authorization_bearer(&token)
        .await
        .json::<Value>()["items"]
        .clone();
    assert_eq!(audit[0]["action"], "workspace.settings_changed");
    assert_eq!(audit[0]["details"]["before"]["name"], "Ann's home");
    assert_eq!(audit[0]["details"]["after"]["name"], "Our flat");
    assert_eq!(audit[1]["action"], "workspace.created");
}

#[tokio::test]
async fn bad_workspace_input_names_each_field_and_saves_nothing() {
    let app = TestApp::start().await;
    let token = app.api_user("Ann", "ann@example.com", PASSWORD).await;
    let response = app
        .server
        .post("/api/v1/workspaces")
        .authorization_bearer(&token)
        .json(
            &json!({ "name": "", "kind": "castle", "currency": "EURO", "time_zone": "Mars/Base" }),
        )
        .await;
    assert_eq!(response.status_code(), 422);
    let errors = &response.json::<Value>()["errors"];
    for field in ["name", "kind", "currency", "time_zone"] {
        assert!(errors[field].is_array(), "{field}: {errors}");
    }
    assert_eq!(
        workspaces::Entity::find()
            .count(&app.owner_db)
            .await
            .unwrap(),
        0
    );
    let anonymous = app.server.post("/api/v1/workspaces").json(&json!({})).await;
    assert_eq!(anonymous.status_code(), 401);
}

#[tokio::test]
async fn deleting_needs_the_owner_and_the_typed_name_then_removes_everything() {
    let app = TestApp::start().await;
    let (owner, id) = workspace_of(&app, "Ann", "ann@example.com").await;
    let admin = join_as(&app, &owner, &id, "bob@example.com", "admin").await;
    let path = format!("/api/v1/workspaces/{id}");

    let by_admin = app
        .server
        .delete(&path)
        .authorization_bearer(&admin)
        .json(&json!({ "confirm": "Ann's home" }))
        .await;
    assert_eq!(by_admin.status_code(), 403);
    let wrong_name = app
        .server
        .delete(&path)
        .authorization_bearer(&owner)
        .json(&json!({ "confirm": "ann's home" }))
        .await;
    assert_eq!(wrong_name.status_code(), 422);
    assert_eq!(
        wrong_name.json::<Value>()["errors"]["confirm"][0],
        "must be the workspace's name, typed exactly"
    );

    let deleted = app
        .server
        .delete(&path)
        .authorization_bearer(&owner)
        .json(&json!({ "confirm": "Ann's home" }))
        .await;
    assert_eq!(deleted.status_code(), 202);
    assert_eq!(
        app.server
            .get(&path)
            .authorization_bearer(&owner)
            .await
            .status_code(),
        404
    );
    // Once the purge job ran, nothing of it is left.
    app.jobs_done().await;
    assert_eq!(
        workspaces::Entity::find()
            .count(&app.owner_db)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        memberships::Entity::find()
            .count(&app.owner_db)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        audit_events::Entity::find()
            .count(&app.owner_db)
            .await
            .unwrap(),
        0
    );
}

#[tokio::test]
async fn an_invitation_mailed_over_smtp_joins_with_the_invited_role() {
    let app = TestApp::start().await;
    let (owner, id) = workspace_of(&app, "Ann", "ann@example.com").await;
    let invited = app
        .server
        .post(&format!("/api/v1/workspaces/{id}/invitations"))
        .authorization_bearer(&owner)
        .json(&json!({ "email": "Bob@Example.com", "role": "member" }))
        .await;
    assert_eq!(invited.status_code(), 201);
    let pending = app
        .server
        .get(&format!("/api/v1/workspaces/{id}/invitations"))
        .authorization_bearer(&owner)
        .await
        .json::<Value>()["items"]
        .clone();
    assert_eq!(pending[0]["email"], "bob@example.com");

    let mail = app.mail.last_to("bob@example.com").await;
    assert!(
        mail.subject().contains("invited you to Ann's home"),
        "{}",
        mail.subject()
    );
    let link = mail.link_path();

    // Bound to the invited address: another account cannot use it.
    let carol = app.api_user("Carol", "carol@example.com", PASSWORD).await;
    let stolen = app
        .server
        .post(&format!("/api/v1{link}/accept"))
        .authorization_bearer(&carol)
        .await;
    assert_eq!(stolen.status_code(), 422);
    assert!(stolen.text().contains("was sent to bob@example.com"));

    let bob = app.api_user("Bob", "bob@example.com", PASSWORD).await;
    let joined = app
        .server
        .post(&format!("/api/v1{link}/accept"))
        .authorization_bearer(&bob)
        .await;
    assert_eq!(joined.status_code(), 200);
    assert_eq!(joined.json::<Value>()["role"], "member");
    let again = app
        .server
        .post(&format!("/api/v1{link}/accept"))
        .authorization_bearer(&bob)
        .await;
    assert_eq!(again.status_code(), 422);
    assert!(again.text().contains("already used"));

    let members = app
        .server
        .get(&format!("/api/v1/workspaces/{id}/members"))
        .authorization_bearer(&bob)
        .await
        .json::<Value>()["items"]
        .clone();
    assert_eq!(members.as_array().unwrap().len(), 2);
    assert_eq!(members[0]["role"], "owner");
    assert_eq!(members[1]["email"], "bob@example.com");
}

#[tokio::test]
async fn invitations_that_cannot_be_used_say_why() {
    let app = TestApp::start().await;
    let (owner, id) = workspace_of(&app, "Ann", "ann@example.com").await;
    let invite = |email: &str, role: &str| {
        app.server
            .post(&format!("/api/v1/workspaces/{id}/invitations"))
            .authorization_bearer(&owner)
            .json(&json!({ "email": email, "role": role }))
    };
    assert_eq!(invite("x@example.com", "king").await.status_code(), 422);
    assert_eq!(invite("x@example.com", "owner").await.status_code(), 422);
    let member = invite("ann@example.com", "member").await;
    assert_eq!(member.status_code(), 422);
    assert_eq!(
        member.json::<Value>()["errors"]["email"][0],
        "is already a member of this workspace"
    );

    invite("bob@example.com", "viewer").await;
    let twice = invite("bob@example.com", "viewer").await;
    assert_eq!(twice.status_code(), 422);

    // Revoked.
    let pending = app
        .server
        .get(&format!("/api/v1/workspaces/{id}/invitations"))
        .authorization_bearer(&owner)
        .await
        .json::<Value>()["items"]
        .clone();
    let invitation_id = pending[0]["id"].as_str().unwrap().to_string();
    let link = app.mail.last_to("bob@example.com").await.link_path();
    let revoked = app
        .server
        .delete(&format!(
            "/api/v1/workspaces/{id}/invitations/{invitation_id}"
        ))
        .authorization_bearer(&owner)
        .await;
    assert_eq!(revoked.status_code(), 204);
    let bob = app.api_user("Bob", "bob@example.com", PASSWORD).await;
    let refused = app
        .server
        .post(&format!("/api/v1{link}/accept"))
        .authorization_bearer(&bob)
        .await;
    assert_eq!(refused.status_code(), 422);
    assert!(refused.text().contains("revoked"));

    // Expired.
    invite("carol@example.com", "member").await;
    let link = app.mail.last_to("carol@example.com").await.link_path();
    let row = invitations::Entity::find()
        .filter(invitations::invitations::Column::Email.eq("carol@example.com"))
        .one(&app.owner_db)
        .await
        .unwrap()
        .unwrap();
    let mut active = row.into_active_model();
    active.expires_at = Set((Utc::now() - Duration::minutes(1)).into());
    active.update(&app.owner_db).await.unwrap();
    let carol = app.api_user("Carol", "carol@example.com", PASSWORD).await;
    let expired = app
        .server
        .post(&format!("/api/v1{link}/accept"))
        .authorization_bearer(&carol)
        .await;
    assert_eq!(expired.status_code(), 422);
    assert!(expired.text().contains("expired"));
    assert_eq!(
        memberships::Entity::find()
            .count(&app.owner_db)
            .await
            .unwrap(),
        1
    );

    // Resending gives a new link and the old one stops working.
    invite("dave@example.com", "member").await;
    let old_link = app.mail.last_to("dave@example.com").await.link_path();
    let pending = app
        .server
        .get(&format!("/api/v1/workspaces/{id}/invitations"))
        .authorization_bearer(&owner)
        .await
        .json::<Value>()["items"]
        .clone();
    let dave_id = pending
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["email"] == "dave@example.com")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let resent = app
        .server
        .post(&format!(
            "/api/v1/workspaces/{id}/invitations/{dave_id}/resend"
        ))
        .authorization_bearer(&owner)
        .await;
    assert_eq!(resent.status_code(), 200);
    let new_link = app.mail.last_to("dave@example.com").await.link_path();
    assert_ne!(old_link, new_link);
    let dave = app.api_user("Dave", "dave@example.com", PASSWORD).await;
    assert_eq!(
        app.server
            .post(&format!("/api/v1{old_link}/accept"))
            .authorization_bearer(&dave)
            .await
            .status_code(),
        404
    );
    assert_eq!(
        app.server
            .post(&format!("/api/v1{new_link}/accept"))
            .authorization_bearer(&dave)
            .await
            .status_code(),
        200
    );
}

#[tokio::test]
async fn a_workspace_always_has_exactly_one_owner() {
    let app = TestApp::start().await;
    let (owner, id) = workspace_of(&app, "Ann", "ann@example.com").await;
    let admin = join_as(&app, &owner, &id, "bob@example.com", "admin").await;
    let members = app
        .server
        .get(&format!("/api/v1/workspaces/{id}/members"))
        .authorization_bearer(&owner)
        .await
        .json::<Value>()["items"]
        .clone();
    let ann_id = members[0]["user_id"].as_str().unwrap().to_string();
    let bob_id = members[1]["user_id"].as_str().unwrap().to_string();

    // The owner cannot leave, nor demote themselves.
    let leave = app
        .server
        .delete(&format!("/api/v1/workspaces/{id}/members/{ann_id}"))
        .authorization_bearer(&owner)
        .await;
    assert_eq!(leave.status_code(), 422);
    let demote = app
        .server
        .patch(&format!("/api/v1/workspaces/{id}/members/{ann_id}"))
        .authorization_bearer(&owner)
        .json(&json!({ "role": "member" }))
        .await;
    assert_eq!(demote.status_code(), 422);
    // An admin can touch neither the owner nor ownership.
    let by_admin = app
        .server
        .patch(&format!("/api/v1/workspaces/{id}/members/{ann_id}"))
        .authorization_bearer(&admin)
        .json(&json!({ "role": "viewer" }))
        .await;
    assert_eq!(by_admin.status_code(), 422);
    let take = app
        .server
        .patch(&format!("/api/v1/workspaces/{id}/members/{bob_id}"))
        .authorization_bearer(&admin)
        .json(&json!({ "role": "owner" }))
        .await;
    assert_eq!(take.status_code(), 422, "cannot change own role");
    let remove_owner = app
        .server
        .delete(&format!("/api/v1/workspaces/{id}/members/{ann_id}"))
        .authorization_bearer(&admin)
        .await;
    assert_eq!(remove_owner.status_code(), 422);
    let unknown = app
        .server
        .patch(&format!("/api/v1/workspaces/{id}/members/{bob_id}"))
        .authorization_bearer(&owner)
        .json(&json!({ "role": "emperor" }))
        .await;
    assert_eq!(unknown.status_code(), 422);

    // Transfer: Bob owns it, Ann is an admin; still one owner.
    let transfer = app
        .server
        .patch(&format!("/api/v1/workspaces/{id}/members/{bob_id}"))
        .authorization_bearer(&owner)
        .json(&json!({ "role": "owner" }))
        .await;
    assert_eq!(transfer.status_code(), 200);
    let roles: Vec<String> = app
        .server
        .get(&format!("/api/v1/workspaces/{id}/members"))
        .authorization_bearer(&owner)
        .await
        .json::<Value>()["items"]
        .clone()
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            format!(
                "{}={}",
                m["email"].as_str().unwrap(),
                m["role"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(roles, ["bob@example.com=owner", "ann@example.com=admin"]);
    // And Ann, now an admin, may leave.
    let left = app
        .server
        .delete(&format!("/api/v1/workspaces/{id}/members/{ann_id}"))
        .authorization_bearer(&owner)
        .await;
    assert_eq!(left.status_code(), 204);
    assert_eq!(
        app.server
            .get(&format!("/api/v1/workspaces/{id}"))
            .authorization_bearer(&owner)
            .await
            .status_code(),
        404
    );
}

/// Each role against each action: allowed (2xx or a validation answer) or
/// denied (403).
#[tokio::test]
async fn role_matrix() {
    let app = TestApp::start().await;
    let (owner, id) = workspace_of(&app, "Ann", "ann@example.com").await;
    let tokens = [
        ("owner", owner.clone()),
        (
            "admin",
            join_as(&app, &owner, &id, "admin@example.com", "admin").await,
        ),
        (
            "member",
            join_as(&app, &owner, &id, "member@example.com", "member").await,
        ),
        (
            "viewer",
            join_as(&app, &owner, &id, "viewer@example.com", "viewer").await,
        ),
    ];
    let ws = format!("/api/v1/workspaces/{id}");
    // (action, method, path, body, roles allowed)
    let actions: Vec<(&str, &str, String, Value, &[&str])> = vec![
        (
            "read workspace",
            "GET",
            ws.clone(),
            json!(null),
            &["owner", "admin", "member", "viewer"],
        ),
        (
            "update workspace",
            "PATCH",
            ws.clone(),
            json!({}),
            &["owner", "admin"],
        ),
        (
            "delete workspace",
            "DELETE",
            ws.clone(),
            json!({ "confirm": "wrong" }),
            &["owner"],
        ),
        (
            "list members",
            "GET",
            format!("{ws}/members"),
            json!(null),
            &["owner", "admin", "member", "viewer"],
        ),
        (
            "change a role",
            "PATCH",
            format!("{ws}/members/00000000-0000-0000-0000-000000000000"),
            json!({ "role": "viewer" }),
            &["owner", "admin"],
        ),
        (
            "list invitations",
            "GET",
            format!("{ws}/invitations"),
            json!(null),
            &["owner", "admin"],
        ),
        (
            "invite",
            "POST",
            format!("{ws}/invitations"),
            json!({ "email": "", "role": "member" }),
            &["owner", "admin"],
        ),
        (
            "read audit log",
            "GET",
            format!("{ws}/audit"),
            json!(null),
            &["owner", "admin"],
        ),
    ];
    for (action, method, path, body, allowed) in &actions {
        for (role, token) in &tokens {
            let request = match *method {
                "GET" => app.server.get(path),
                "PATCH" => app.server.patch(path).json(body),
                "POST" => app.server.post(path).json(body),
                _ => app.server.delete(path).json(body),
            };
            let status = request
                .authorization_bearer(token)
                .await
                .status_code()
                .as_u16();
            if allowed.contains(role) {
                assert!(
                    status != 403 && status < 500,
                    "{role} should be allowed to {action}: {status}"
                );
            } else {
                assert_eq!(status, 403, "{role} must not {action}");
            }
        }
    }
}
