//! Operations at the same moment (issue 19, item 10): each rule that spans
//! many rows (the plan's members, expenses a month and receipt storage; one
//! owner; a superadmin who can sign in) holds when two or more operations
//! check it at once, and a single-use link works once. Each operation runs
//! as a request runs it: its own transaction on its own connection, the
//! actor's role read inside it, committed only when the operation
//! succeeded. `join_all` polls them together, so on Postgres they read
//! before any of them commits.

use std::io::Cursor;

use bytes::Bytes;
use futures_util::future::join_all;
use sea_orm::{ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter};
use smartexpense::models::{
    _entities::{expenses as expense_rows, invitations as invitation_rows, memberships as rows},
    audit_events::Actor,
    errors::{DomainError, DomainResult},
    expenses::Model as Expense,
    invitations::{InviteParams, Model as Invitation},
    memberships::{self, Role},
    platform::{self, PlatformRole},
    receipts::{Model as Receipt, Stored, Upload},
    tenancy::{self, Scope, Tenant},
    users, workspaces,
};

use super::{lunch, record};
use crate::support::{
    stripe::configure_billing,
    workspace::{account, Household, Who},
    TestApp, PASSWORD,
};

/// Runs `op` as `user` in `workspace` the way a request does: a transaction
/// of its own, the role read in it, a commit only on success.
async fn as_request<T>(
    app: &TestApp,
    workspace: &workspaces::Model,
    user: &users::Model,
    op: impl AsyncFnOnce(&Tenant<'_>) -> DomainResult<T>,
) -> DomainResult<T> {
    let scope = Scope {
        user_id: Some(user.id),
        workspace_id: Some(workspace.id),
        ..Scope::default()
    };
    let txn = tenancy::begin(&app.ctx.db, scope).await.expect("begin");
    let (membership, _) = memberships::Model::find_for_user(&txn, &workspace.pid, user.id)
        .await
        .expect("membership readable")
        .expect("a member");
    let tenant = Tenant::member(
        &app.ctx,
        &txn,
        workspace,
        user,
        membership.role(),
        Actor::user(user, None),
    )
    .await
    .expect("tenant");
    let result = op(&tenant).await;
    drop(tenant);
    if result.is_ok() {
        txn.commit().await.expect("commit");
    }
    result
}

/// Opens `n` of the pool's connections at once and gives them back, so
/// that operations started together each find one waiting instead of the
/// first ones finishing while the others still connect.
async fn warm(app: &TestApp, n: usize) {
    let open = join_all((0..n).map(|_| tenancy::begin_read(&app.ctx.db, Scope::default()))).await;
    for txn in open {
        txn.expect("a connection")
            .rollback()
            .await
            .expect("rollback");
    }
}

/// The app with billing on: the Free plan of `config/test.yaml` (2 people,
/// 3 new expenses a month, 1 MB of receipts). Nothing here asks Stripe.
async fn on_the_free_plan() -> Household {
    let app = TestApp::start_with(|config| configure_billing(config, "http://127.0.0.1:9")).await;
    Household::on(app).await
}

fn successes<T>(results: &[DomainResult<T>]) -> usize {
    results.iter().filter(|r| r.is_ok()).count()
}

/// Every result is a success or a refusal by the plan.
fn only_plan_refusals<T: std::fmt::Debug>(results: &[DomainResult<T>]) {
    for result in results {
        assert!(
            matches!(result, Ok(_) | Err(DomainError::PlanLimit { .. })),
            "{result:?}"
        );
    }
}

/// A new account joined to the household in `role`.
async fn newcomer(h: &Household, name: &str, role: Role) -> users::Model {
    let user = account(&h.app.ctx.db, name).await;
    let txn = h.begin(&h.owner).await;
    memberships::Model::join(&txn, h.workspace.id, &user, role)
        .await
        .expect("joined");
    txn.commit().await.expect("commit");
    user
}

/// The household's owners now.
async fn owners(h: &Household) -> Vec<rows::Model> {
    rows::Entity::find()
        .filter(rows::Column::WorkspaceId.eq(h.workspace.id))
        .filter(rows::Column::Role.eq("owner"))
        .all(&h.app.owner_db)
        .await
        .expect("owners")
}

/// `actor` hands the household to `target`, as a request.
async fn transfer(
    h: &Household,
    actor: &users::Model,
    target: &users::Model,
) -> DomainResult<rows::Model> {
    as_request(&h.app, &h.workspace, actor, async |t| {
        let target =
            memberships::Model::find_member(t.db, t.workspace.id, &target.pid.to_string()).await?;
        memberships::Model::change_role(t, &target, "owner").await
    })
    .await
}

#[tokio::test]
async fn ownership_transferred_to_several_at_once_has_one_owner() {
    let h = Household::start().await;
    let mut targets = vec![h.member.clone(), h.viewer.clone()];
    for name in ["Cal", "Dee"] {
        targets.push(newcomer(&h, name, Role::Member).await);
    }
    warm(&h.app, targets.len()).await;
    let results = join_all(targets.iter().map(|target| transfer(&h, &h.owner, target))).await;
    let owners = owners(&h).await;
    assert_eq!(owners.len(), 1, "owners: {owners:?}; results: {results:?}");
    assert_eq!(successes(&results), 1, "{results:?}");
    for result in &results {
        if let Err(err) = result {
            assert!(
                matches!(err, DomainError::Forbidden(text) if text == "Only the owner can transfer ownership."),
                "{err:?}"
            );
        }
    }
}

#[tokio::test]
async fn a_transfer_and_a_removal_of_its_new_owner_at_once_leave_one_owner() {
    let h = Household::start().await;
    // Bob is an admin, who may remove members. In each round the owner
    // hands the household to a newcomer while Bob removes the newcomer;
    // Bob's request reads the member list `round` times first, so that
    // across the rounds his write comes before, during and after the
    // transfer's.
    let bob = h.member.pid.to_string();
    h.act(Who::Owner, async |t| {
        let bob = memberships::Model::find_member(t.db, t.workspace.id, &bob).await?;
        memberships::Model::change_role(t, &bob, "admin").await
    })
    .await
    .expect("Bob is an admin");
    for round in 0..8 {
        let newcomer = newcomer(&h, &format!("New{round}"), Role::Member).await;
        let owner_id = owners(&h).await[0].user_id;
        let owner = users::Entity::find_by_id(owner_id)
            .one(&h.app.owner_db)
            .await
            .expect("owner")
            .expect("an account");
        let target = newcomer.pid.to_string();
        warm(&h.app, 2).await;
        let (transferred, removed) = tokio::join!(
            transfer(&h, &owner, &newcomer),
            as_request(&h.app, &h.workspace, &h.member, async |t| {
                let target = memberships::Model::find_member(t.db, t.workspace.id, &target).await?;
                for _ in 0..round {
                    memberships::Model::list(t.db, t.workspace.id).await?;
                }
                memberships::Model::remove(t, &target).await
            }),
        );
        let owners = owners(&h).await;
        assert_eq!(
            owners.len(),
            1,
            "round {round}: owners {owners:?}; transfer: {transferred:?}; removal: {removed:?}"
        );
        assert!(
            transferred.is_ok() != removed.is_ok(),
            "round {round}: transfer: {transferred:?}; removal: {removed:?}"
        );
    }
}

#[tokio::test]
async fn invitations_at_once_stay_within_the_plans_people() {
    let h = on_the_free_plan().await;
    // Sam is alone in his workspace: the Free plan allows one more person.
    warm(&h.app, 4).await;
    let results = join_all((0..4).map(|i| {
        let h = &h;
        async move {
            as_request(&h.app, &h.elsewhere, &h.stranger, async |t| {
                Invitation::invite(
                    t,
                    &InviteParams {
                        email: format!("guest{i}@example.com"),
                        role: "member".to_string(),
                    },
                )
                .await
            })
            .await
        }
    }))
    .await;
    only_plan_refusals(&results);
    let pending = invitation_rows::Entity::find()
        .filter(invitation_rows::Column::WorkspaceId.eq(h.elsewhere.id))
        .count(&h.app.owner_db)
        .await
        .expect("invitations");
    assert_eq!(pending, 1, "{results:?}");
}

#[tokio::test]
async fn one_address_invited_twice_at_once_has_one_invitation() {
    let h = Household::start().await;
    warm(&h.app, 4).await;
    let results = join_all((0..4).map(|_| {
        let h = &h;
        async move {
            as_request(&h.app, &h.workspace, &h.owner, async |t| {
                Invitation::invite(
                    t,
                    &InviteParams {
                        email: "kim@example.com".to_string(),
                        role: "member".to_string(),
                    },
                )
                .await
            })
            .await
        }
    }))
    .await;
    assert_eq!(successes(&results), 1, "{results:?}");
    let invitations = invitation_rows::Entity::find()
        .filter(invitation_rows::Column::Email.eq("kim@example.com"))
        .count(&h.app.owner_db)
        .await
        .expect("invitations");
    assert_eq!(invitations, 1, "{results:?}");
}

#[tokio::test]
async fn an_expired_invitation_is_renewed_only_within_the_plans_people() {
    let h = on_the_free_plan().await;
    let invite = async |email: &str| {
        as_request(&h.app, &h.elsewhere, &h.stranger, async |t| {
            Invitation::invite(
                t,
                &InviteParams {
                    email: email.to_string(),
                    role: "member".to_string(),
                },
            )
            .await
        })
        .await
    };
    let first = invite("kim@example.com").await.expect("the one free place");
    // It expires; its place goes to another.
    let mut expired = first.clone().into_active_model();
    expired.expires_at = sea_orm::Set((chrono::Utc::now() - chrono::Duration::days(1)).into());
    let first = sea_orm::ActiveModelTrait::update(expired, &h.app.owner_db)
        .await
        .expect("expired");
    invite("lou@example.com")
        .await
        .expect("the place is free again");
    let renewed = as_request(&h.app, &h.elsewhere, &h.stranger, async |t| {
        first.resend(t).await
    })
    .await;
    match renewed {
        Err(DomainError::PlanLimit { description, .. }) => {
            assert!(description.contains("allows 2 people"), "{description}");
        }
        other => panic!("an expired invitation came back past the plan: {other:?}"),
    }
}

#[tokio::test]
async fn an_invitation_revoked_while_it_is_accepted_is_one_or_the_other() {
    let h = Household::start().await;
    let (invitation, token) = h
        .act(Who::Owner, async |t| {
            let invitation = Invitation::invite(
                t,
                &InviteParams {
                    email: "kim@example.com".to_string(),
                    role: "member".to_string(),
                },
            )
            .await?;
            // The link the mail job mints.
            invitation.new_link(t.db).await
        })
        .await
        .expect("invited")
        .expect("pending");
    let kim = account(&h.app.ctx.db, "Kim").await;
    // Both read the invitation pending, then act.
    let txn = Invitation::transaction_for_token(&h.app.ctx.db, Some(&kim), &token)
        .await
        .expect("begin");
    let (opened, _) = Invitation::find_by_token(&txn, &token)
        .await
        .expect("found");
    txn.commit().await.expect("commit");
    h.act(Who::Owner, async |t| invitation.revoke(t).await)
        .await
        .expect("revoked");
    let txn = Invitation::transaction_for_token(&h.app.ctx.db, Some(&kim), &token)
        .await
        .expect("begin");
    let accepted = opened.accept(&txn, &kim, &Actor::user(&kim, None)).await;
    txn.commit().await.expect("commit");
    assert!(accepted.is_err(), "a revoked invitation was accepted");
    let kims = rows::Entity::find()
        .filter(rows::Column::UserId.eq(kim.id))
        .count(&h.app.owner_db)
        .await
        .expect("memberships");
    assert_eq!(kims, 0);
}

#[tokio::test]
async fn expenses_at_once_stay_within_the_months_allowance() {
    let h = on_the_free_plan().await;
    warm(&h.app, 6).await;
    let results = join_all((0..6).map(|i| {
        let h = &h;
        async move {
            as_request(&h.app, &h.workspace, &h.member, async |t| {
                Expense::record(t, &lunch(&format!("{}.00", i + 1))).await
            })
            .await
        }
    }))
    .await;
    only_plan_refusals(&results);
    let recorded = expense_rows::Entity::find()
        .filter(expense_rows::Column::WorkspaceId.eq(h.workspace.id))
        .count(&h.app.owner_db)
        .await
        .expect("expenses");
    assert_eq!(recorded, 3, "{results:?}");
}

/// A PNG of `side` x `side` pixels of noise, which does not compress: about
/// 3 bytes a pixel.
fn noisy_png(side: u32) -> Vec<u8> {
    let mut state: u32 = 0x9E37_79B9;
    let image = image::RgbImage::from_fn(side, side, |_, _| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let [r, g, b, _] = state.to_le_bytes();
        image::Rgb([r, g, b])
    });
    let mut out = Cursor::new(Vec::new());
    image
        .write_to(&mut out, image::ImageFormat::Png)
        .expect("png");
    out.into_inner()
}

#[tokio::test]
async fn receipts_uploaded_at_once_stay_within_the_storage() {
    // No billing: the settings' quota, set to 1 MB; each photo is 0.6 MB.
    let app = TestApp::start_with_setting("receipts.workspace_quota_mb", 1.into()).await;
    let h = Household::on(app).await;
    let expense = record(&h, Who::Owner, &lunch("12.00")).await;
    let photo = noisy_png(450);
    assert!((550_000..800_000).contains(&photo.len()), "{}", photo.len());
    // Each upload is checked and stored before its write transaction, as a
    // request does: both fit the empty quota then.
    let mut stored = Vec::new();
    for name in ["a.png", "b.png"] {
        let upload = Upload {
            filename: name.to_string(),
            bytes: Bytes::from(photo.clone()),
        };
        let files = as_request(&h.app, &h.workspace, &h.owner, async |t| {
            Ok(Receipt::store(&h.app.ctx, t.db, t.workspace, vec![upload])
                .await
                .expect("fits alone"))
        })
        .await
        .expect("stored");
        stored.push(files);
    }
    warm(&h.app, 2).await;
    let results = join_all(stored.into_iter().map(|files| {
        let (h, expense) = (&h, &expense);
        async move {
            as_request(&h.app, &h.workspace, &h.owner, async |t| {
                Stored::attach(files, t, expense).await
            })
            .await
        }
    }))
    .await;
    assert_eq!(successes(&results), 1, "{results:?}");
    let refused = results.iter().find_map(|r| r.as_ref().err());
    match refused {
        Some(DomainError::Invalid(errors)) => {
            let text = errors.sentence();
            assert!(text.contains("keeps up to 1 MB of receipts"), "{text}");
        }
        other => panic!("expected the quota's refusal, got {other:?}"),
    }
    let used = Receipt::bytes_used(&h.app.owner_db, h.workspace.id)
        .await
        .expect("used");
    assert!(used <= 1024 * 1024, "{used} bytes kept past the 1 MB quota");
}

#[tokio::test]
async fn an_expense_whose_receipts_lost_the_storage_race_is_still_recorded() {
    let app = TestApp::start_with_setting("receipts.workspace_quota_mb", 1.into()).await;
    let h = Household::on(app).await;
    let photo = noisy_png(450);
    let store = |name: &str| {
        let upload = Upload {
            filename: name.to_string(),
            bytes: Bytes::from(photo.clone()),
        };
        let h = &h;
        async move {
            as_request(&h.app, &h.workspace, &h.owner, async |t| {
                Ok(Receipt::store(&h.app.ctx, t.db, t.workspace, vec![upload])
                    .await
                    .expect("fits alone"))
            })
            .await
            .expect("stored")
        }
    };
    // The add form's file was checked and stored while the storage had
    // room; another upload took the room before the form's expense.
    let on_the_form = store("form.png").await;
    let other = store("other.png").await;
    let earlier = record(&h, Who::Owner, &lunch("3.00")).await;
    as_request(&h.app, &h.workspace, &h.owner, async |t| {
        Stored::attach(other, t, &earlier).await
    })
    .await
    .expect("the other upload fits");

    let (expense, attached) = as_request(&h.app, &h.workspace, &h.owner, async |t| {
        Expense::record_with_receipts(t, &lunch("12.00"), on_the_form).await
    })
    .await
    .expect("the expense is recorded");
    match attached {
        Err(DomainError::Invalid(errors)) => {
            assert!(errors.sentence().contains("keeps up to 1 MB of receipts"));
        }
        other => panic!("expected the quota's refusal, got {other:?}"),
    }
    let kept = expense_rows::Entity::find_by_id(expense.id)
        .one(&h.app.owner_db)
        .await
        .expect("read");
    assert!(
        kept.is_some(),
        "the expense was rolled back with its receipts"
    );
    let receipts_of_it = Receipt::bytes_used(&h.app.owner_db, h.workspace.id)
        .await
        .expect("used");
    assert!(receipts_of_it <= 1024 * 1024, "{receipts_of_it}");
}

async fn superadmin(app: &TestApp, name: &str) -> users::Model {
    let user = account(&app.ctx.db, name).await;
    platform::grant_role(
        &app.ctx.db,
        &Actor::system("test setup"),
        &user,
        PlatformRole::Superadmin,
    )
    .await
    .expect("granted");
    user
}

/// Superadmins whose accounts are not locked.
async fn able_superadmins(app: &TestApp, people: &[&users::Model]) -> usize {
    let mut able = 0;
    for person in people {
        let now = users::Entity::find_by_id(person.id)
            .one(&app.owner_db)
            .await
            .expect("user")
            .expect("still there");
        let roles = platform::roles_of(&app.owner_db, person.id)
            .await
            .expect("roles");
        if now.locked_at.is_none() && roles.contains(&PlatformRole::Superadmin) {
            able += 1;
        }
    }
    able
}

#[tokio::test]
async fn two_superadmins_demoting_each_other_at_once_leave_one() {
    let app = TestApp::start().await;
    let (ada, max) = (superadmin(&app, "Ada").await, superadmin(&app, "Max").await);
    let demote = async |actor: &users::Model, target: &users::Model| {
        platform::revoke_role(
            &app.ctx.db,
            &Actor::user(actor, None),
            target,
            PlatformRole::Superadmin,
        )
        .await
    };
    warm(&app, 2).await;
    let (first, second) = tokio::join!(demote(&ada, &max), demote(&max, &ada));
    assert_eq!(
        able_superadmins(&app, &[&ada, &max]).await,
        1,
        "{first:?} {second:?}"
    );
}

#[tokio::test]
async fn two_superadmins_locking_each_other_at_once_leave_one_who_can_sign_in() {
    let app = TestApp::start().await;
    let (ada, max) = (superadmin(&app, "Ada").await, superadmin(&app, "Max").await);
    let lock = async |actor: &users::Model, target: &users::Model| {
        platform::lock(&app.ctx.db, &Actor::user(actor, None), target).await
    };
    warm(&app, 2).await;
    let (first, second) = tokio::join!(lock(&ada, &max), lock(&max, &ada));
    assert_eq!(
        able_superadmins(&app, &[&ada, &max]).await,
        1,
        "{first:?} {second:?}"
    );
    let refused = first.err().or(second.err()).expect("one is refused");
    assert!(
        format!("{refused:?}").contains("is the last superadmin who can sign in"),
        "{refused:?}"
    );
}

#[tokio::test]
async fn the_last_superadmin_cannot_delete_their_account() {
    let app = TestApp::start().await;
    let ada = superadmin(&app, "Ada").await;
    let refused = ada.clone().into_active_model().remove(&app.ctx.db).await;
    assert!(
        format!("{refused:?}").contains("is the last superadmin"),
        "{refused:?}"
    );
    assert_eq!(able_superadmins(&app, &[&ada]).await, 1);
}

#[tokio::test]
async fn a_reset_link_used_by_two_requests_at_once_sets_one_password() {
    let app = TestApp::start().await;
    app.api_user("Ann", "ann@example.com", PASSWORD).await;
    let ann = users::Model::find_by_email(&app.ctx.db, "ann@example.com")
        .await
        .expect("Ann");
    let (_, token) = ann
        .into_active_model()
        // What the reset mail's job does.
        .start_password_reset(&app.ctx.db)
        .await
        .expect("reset started");
    // Both requests find the link valid, then set their password.
    let passwords = ["first orbit lantern marble", "second velvet harbor quill"];
    let mut found = Vec::new();
    for _ in passwords {
        found.push(
            users::Model::find_by_reset_token(&app.ctx.db, &token)
                .await
                .expect("the link works"),
        );
    }
    warm(&app, 2).await;
    let results = join_all(found.into_iter().zip(passwords).map(|(user, password)| {
        let db = &app.ctx.db;
        async move {
            user.into_active_model()
                .finish_password_reset(db, password)
                .await
        }
    }))
    .await;
    let set: Vec<&str> = results
        .iter()
        .zip(passwords)
        .filter(|(result, _)| result.is_ok())
        .map(|(_, password)| password)
        .collect();
    assert_eq!(set.len(), 1, "{results:?}");
    for result in &results {
        if let Err(err) = result {
            assert!(
                format!("{err:?}").contains("is invalid, expired or already used"),
                "{err:?}"
            );
        }
    }
    let now = users::Model::find_by_email(&app.ctx.db, "ann@example.com")
        .await
        .expect("Ann");
    assert!(
        now.verify_password(set[0]),
        "the winner's password is not the one kept"
    );
    assert!(now.reset_token_hash.is_none());
}
