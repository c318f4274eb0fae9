use crate::support::{csrf_in, post_form_as, TestApp, PASSWORD};

fn workspace_path(location: &str) -> String {
    assert!(location.starts_with("/w/"), "{location}");
    location.to_string()
}

#[tokio::test]
async fn create_a_household_invite_someone_by_mail_and_they_join() {
    let app = TestApp::start().await;
    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    let list = app.server.get("/w").await;
    list.assert_status_ok();
    assert!(list.text().contains("You are not in any workspace yet"));

    let created = app
        .post_form(
            "/w",
            &[
                ("name", "Our flat"),
                ("kind", "household"),
                ("currency", "eur"),
                ("time_zone", "Europe/Berlin"),
            ],
        )
        .await;
    assert_eq!(created.status_code(), 303);
    let ws = workspace_path(created.header("location").to_str().unwrap());
    let home = app.server.get(&ws).await;
    home.assert_status_ok();
    let html = home.text();
    assert!(html.contains("Our flat"));
    assert!(html.contains("Welcome to Our flat."), "flash");
    // The header's switcher names the current workspace.
    assert!(html.contains(&format!(
        r#"<a href="{ws}" aria-current="page">Our flat</a>"#
    )));

    let invited = app
        .post_form(
            &format!("{ws}/invitations"),
            &[("email", "bob@example.com"), ("role", "member")],
        )
        .await;
    assert_eq!(invited.status_code(), 303);
    let members = app.server.get(&format!("{ws}/members")).await.text();
    assert!(members.contains("Invitation sent to bob@example.com."));
    assert!(
        members.contains("bob@example.com"),
        "pending invitation listed"
    );

    // Bob follows the mailed link in his own browser, signs up from it and joins.
    let link = app.mail.last_to("bob@example.com").await.link_path();
    let bob = app.another_browser();
    let landing = bob.get(&link).await;
    landing.assert_status_ok();
    let text = landing.text();
    assert!(text.contains("Ann"), "{text}");
    assert!(text.contains("to join <strong>Our flat</strong> as member"));
    let signup_link = regex::Regex::new(r#"href="(/signup\?[^"]+)""#)
        .unwrap()
        .captures(&text)
        .unwrap()[1]
        .replace("&amp;", "&");
    let form = bob.get(&signup_link).await.text();
    assert!(
        form.contains(r#"value="bob@example.com""#),
        "address prefilled: {signup_link} {}",
        &form[form.len().saturating_sub(2500)..]
    );
    let signed_up = bob
        .post("/signup")
        .form(&[
            ("name", "Bob"),
            ("email", "bob@example.com"),
            ("password", PASSWORD),
            ("next", &link),
            ("_csrf", &csrf_in(&form)),
        ])
        .await;
    assert_eq!(signed_up.header("location"), link.as_str());
    let accept = post_form_as(&bob, &format!("{link}/accept"), &[]).await;
    assert_eq!(accept.status_code(), 303);
    assert_eq!(accept.header("location"), ws.as_str());
    let bobs_view = bob.get(&ws).await.text();
    assert!(bobs_view.contains("You joined Our flat."));
    assert!(bobs_view.contains("2 members"));

    // Bob, a member, sees the members but not the settings or audit log.
    assert_eq!(bob.get(&format!("{ws}/settings")).await.status_code(), 403);
    assert_eq!(bob.get(&format!("{ws}/audit")).await.status_code(), 403);
    let audit = app.server.get(&format!("{ws}/audit")).await.text();
    assert!(audit.contains("member.joined"));
    assert!(audit.contains("invitation.created"));
}

#[tokio::test]
async fn an_invitation_opened_by_another_account_says_whose_it_is() {
    let app = TestApp::start().await;
    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    let created = app
        .post_form(
            "/w",
            &[("name", "Team"), ("kind", "team"), ("currency", "USD")],
        )
        .await;
    let ws = created.header("location").to_str().unwrap().to_string();
    app.post_form(
        &format!("{ws}/invitations"),
        &[("email", "bob@example.com"), ("role", "viewer")],
    )
    .await;
    let link = app.mail.last_to("bob@example.com").await.link_path();

    let page = app.server.get(&link).await.text();
    assert!(page.contains(
        "You are logged in as ann@example.com, but this invitation is for bob@example.com"
    ));
    let refused = app.post_form(&format!("{link}/accept"), &[]).await;
    assert_eq!(refused.status_code(), 303);
    let shown = app.server.get(&link).await.text();
    assert!(
        shown.contains("This invitation was sent to bob@example.com"),
        "{shown}"
    );
}

#[tokio::test]
async fn workspace_forms_show_what_to_fix() {
    let app = TestApp::start().await;
    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    let bad = app
        .post_form(
            "/w",
            &[("name", ""), ("kind", "castle"), ("currency", "XXXX")],
        )
        .await;
    assert_eq!(bad.status_code(), 422);
    let html = bad.text();
    assert!(html.contains("Name can&#39;t be blank."));
    assert!(html.contains("Currency must be an ISO 4217 currency code"));

    let created = app
        .post_form(
            "/w",
            &[("name", "Home"), ("kind", "household"), ("currency", "EUR")],
        )
        .await;
    let ws = created.header("location").to_str().unwrap().to_string();
    let wrong = app
        .post_form(&format!("{ws}/delete"), &[("confirm", "home")])
        .await;
    assert_eq!(wrong.status_code(), 422);
    assert!(wrong
        .text()
        .contains("The confirmation must be the workspace&#39;s name"));
    let deleted = app
        .post_form(&format!("{ws}/delete"), &[("confirm", "Home")])
        .await;
    assert_eq!(deleted.status_code(), 303);
    assert_eq!(app.server.get(&ws).await.status_code(), 404);
    let owner_leaves = app
        .post_form(
            "/w",
            &[("name", "Other"), ("kind", "team"), ("currency", "EUR")],
        )
        .await;
    let other = owner_leaves
        .header("location")
        .to_str()
        .unwrap()
        .to_string();
    let members = app.server.get(&format!("{other}/members")).await.text();
    assert!(
        !members.contains(">Leave<"),
        "the owner is offered no Leave button"
    );
}

#[tokio::test]
async fn deleting_an_account_never_leaves_a_shared_workspace_without_its_owner() {
    use loco_rs::prelude::*;
    use smartexpense::models::{users, workspaces};

    let app = TestApp::start().await;
    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    let solo = app
        .post_form(
            "/w",
            &[("name", "Solo"), ("kind", "household"), ("currency", "EUR")],
        )
        .await;
    let shared = app
        .post_form(
            "/w",
            &[("name", "Shared"), ("kind", "team"), ("currency", "EUR")],
        )
        .await;
    let shared = shared.header("location").to_str().unwrap().to_string();
    assert!(solo.status_code() == 303);
    app.post_form(
        &format!("{shared}/invitations"),
        &[("email", "bob@example.com"), ("role", "member")],
    )
    .await;
    let link = app.mail.last_to("bob@example.com").await.link_path();
    let bob = app.another_browser();
    let form = bob
        .get(&format!("/signup?next={link}&email=bob@example.com"))
        .await
        .text();
    bob.post("/signup")
        .form(&[
            ("name", "Bob"),
            ("email", "bob@example.com"),
            ("password", PASSWORD),
            ("next", &link),
            ("_csrf", &csrf_in(&form)),
        ])
        .await;
    post_form_as(&bob, &format!("{link}/accept"), &[]).await;

    let refused = app
        .post_form("/account/delete", &[("password", PASSWORD)])
        .await;
    assert_eq!(refused.status_code(), 422);
    assert!(
        refused
            .text()
            .contains("you own &quot;Shared&quot; together with others"),
        "{}",
        refused.text()
    );
    assert!(users::Model::find_by_email(&app.ctx.db, "ann@example.com")
        .await
        .is_ok());

    // Once Bob owns "Shared", Ann can go; "Solo" goes with her.
    let members = app.server.get(&format!("{shared}/members")).await.text();
    let bob_id = regex::Regex::new(r"/members/([0-9a-f-]{36})/role")
        .unwrap()
        .captures(&members)
        .unwrap()[1]
        .to_string();
    let transferred = app
        .post_form(
            &format!("{shared}/members/{bob_id}/role"),
            &[("role", "owner")],
        )
        .await;
    assert_eq!(transferred.status_code(), 303);
    let deleted = app
        .post_form("/account/delete", &[("password", PASSWORD)])
        .await;
    assert_eq!(deleted.status_code(), 303);
    app.jobs_done().await;
    let names: Vec<String> = workspaces::Entity::find()
        .all(&app.owner_db)
        .await
        .unwrap()
        .into_iter()
        .map(|w| w.name)
        .collect();
    assert_eq!(names, ["Shared"]);
    assert!(bob.get(&shared).await.text().contains("Shared"));
}

/// A member of many workspaces (a bookkeeper) gets the first twelve by name
/// in the header's switcher, plus the current one wherever it falls, and a
/// link to all of them: the header does not grow with every workspace.
#[tokio::test]
async fn the_switcher_lists_twelve_workspaces_the_current_one_and_a_link_to_all() {
    let app = TestApp::start().await;
    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    let mut paths = Vec::new();
    for n in (1..=14).rev() {
        let created = app
            .post_form(
                "/w",
                &[
                    ("name", &format!("Books {n:02}")),
                    ("kind", "team"),
                    ("currency", "EUR"),
                    ("time_zone", "UTC"),
                ],
            )
            .await;
        assert_eq!(created.status_code(), 303, "{}", created.text());
        paths.push(workspace_path(created.header("location").to_str().unwrap()));
    }
    paths.reverse();
    let link = |n: usize| format!(r#"<a href="{}""#, paths[n - 1]);

    let first = app.server.get(&paths[0]).await.text();
    for n in 1..=12 {
        assert!(first.contains(&link(n)), "Books {n:02} in the switcher");
    }
    assert!(
        !first.contains(&link(13)) && !first.contains(&link(14)),
        "only twelve"
    );
    assert!(
        first.contains(r#"href="/w">All workspaces / new…</a>"#),
        "{first}"
    );

    let last = app.server.get(&paths[13]).await.text();
    assert!(
        last.contains(&format!(
            r#"<a href="{}" aria-current="page">Books 14</a>"#,
            paths[13]
        )),
        "the current one: {last}"
    );
    assert!(!last.contains(&link(13)));

    let all = app.server.get("/w").await.text();
    for n in 1..=14 {
        assert!(
            all.contains(&format!("Books {n:02}")),
            "the list has every workspace"
        );
    }
}
