//! Members and invitations: `change_role`, `remove` (and leaving), and
//! `invite`, `resend`, `revoke`. A workspace keeps exactly one owner.

use smartexpense::mailers::Mail;
use smartexpense::models::{
    _entities::memberships as rows,
    effects::Effect,
    errors::{DomainError, DomainResult},
    invitations::{InviteParams, Model as Invitation},
    memberships::{self, Member, Role},
    secrets,
    tenancy::Tenant,
    users,
};
use smartexpense::workers::Job;

use super::{assert_refused, refused, refused_fields, Refusal};
use crate::support::workspace::{Household, Who};

/// `user` as a member of the household, read in the operation's scope.
async fn member(t: &Tenant<'_>, user: &users::Model) -> DomainResult<Member> {
    Ok(memberships::Model::find_member(t.db, t.workspace.id, &user.pid.to_string()).await?)
}

async fn change(t: &Tenant<'_>, user: &users::Model, role: &str) -> DomainResult<rows::Model> {
    memberships::Model::change_role(t, &member(t, user).await?, role).await
}

async fn remove(t: &Tenant<'_>, user: &users::Model) -> DomainResult<()> {
    memberships::Model::remove(t, &member(t, user).await?).await
}

/// Each member's name and role, by name.
async fn roles(h: &Household) -> Vec<(String, Role)> {
    let mut roles: Vec<(String, Role)> = memberships::Model::list(&h.app.owner_db, h.workspace.id)
        .await
        .expect("members")
        .into_iter()
        .map(|m| (m.user.name, m.membership.role()))
        .collect();
    roles.sort();
    roles
}

fn named(roles: &[(&str, Role)]) -> Vec<(String, Role)> {
    roles.iter().map(|(n, r)| ((*n).to_string(), *r)).collect()
}

fn invite(email: &str, role: &str) -> InviteParams {
    InviteParams {
        email: email.to_string(),
        role: role.to_string(),
    }
}

/// The invitations whose mail an operation queued (by id: the job mints
/// the link when it sends the mail).
fn mailed(effects: &[Effect]) -> Vec<i64> {
    effects
        .iter()
        .filter_map(|effect| match effect {
            Effect::Job(Job::Mail {
                mail: Mail::Invitation { invitation_id, .. },
            }) => Some(*invitation_id),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn roles_change_by_managers_and_ownership_moves_only_by_transfer() {
    let h = Household::start().await;
    let (ann, bob, vic) = (&h.owner, &h.member, &h.viewer);
    refused(&h, Who::Member, Refusal::Forbidden, async |t| {
        change(t, vic, "member").await
    })
    .await;
    refused_fields(
        &h,
        Who::Owner,
        [
            ((ann, "admin"), "role", "you cannot change your own role"),
            (
                (vic, "boss"),
                "role",
                "must be one of owner, admin, member, viewer",
            ),
        ],
        async |t, (user, role)| change(t, user, role).await,
    )
    .await;
    h.act(Who::Owner, async |t| change(t, bob, "admin").await)
        .await
        .expect("the owner makes Bob an admin");
    let after_promotion = named(&[
        ("Ann", Role::Owner),
        ("Bob", Role::Admin),
        ("Vic", Role::Viewer),
    ]);
    assert_eq!(roles(&h).await, after_promotion);

    // An admin manages members, but not the owner, and cannot transfer.
    h.act_as(bob, Role::Admin, async |t| change(t, vic, "member").await)
        .await
        .expect("an admin changes a viewer's role");
    let owners_role = h
        .act_as(bob, Role::Admin, async |t| change(t, ann, "viewer").await)
        .await;
    assert_refused(
        owners_role,
        &h,
        Who::Owner,
        Refusal::Field(
            "role",
            "the owner's membership can only change by transferring ownership",
        ),
    );
    match h
        .act_as(bob, Role::Admin, async |t| change(t, vic, "owner").await)
        .await
    {
        Err(DomainError::Forbidden(text)) => {
            assert_eq!(text, "Only the owner can transfer ownership.");
        }
        other => panic!("an admin transferred ownership: {other:?}"),
    }

    // The owner transfers: one owner still, the former one an admin.
    h.act(Who::Owner, async |t| change(t, vic, "owner").await)
        .await
        .expect("the owner transfers ownership");
    assert_eq!(
        roles(&h).await,
        named(&[
            ("Ann", Role::Admin),
            ("Bob", Role::Admin),
            ("Vic", Role::Owner),
        ])
    );
}

#[tokio::test]
async fn members_leave_managers_remove_and_the_owner_stays() {
    let h = Household::start().await;
    let (ann, bob, vic) = (&h.owner, &h.member, &h.viewer);
    refused(
        &h,
        Who::Owner,
        Refusal::Field(
            "user",
            "the owner cannot leave; transfer ownership or delete the workspace",
        ),
        async |t| remove(t, ann).await,
    )
    .await;
    refused(&h, Who::Member, Refusal::Forbidden, async |t| {
        remove(t, vic).await
    })
    .await;
    h.act(Who::Member, async |t| remove(t, bob).await)
        .await
        .expect("Bob leaves");
    h.act(Who::Owner, async |t| remove(t, vic).await)
        .await
        .expect("the owner removes Vic");
    assert_eq!(roles(&h).await, named(&[("Ann", Role::Owner)]));
}

#[tokio::test]
async fn an_invitation_is_mailed_only_after_it_is_checked_and_stored() {
    let h = Household::start().await;
    refused(&h, Who::Member, Refusal::Forbidden, async |t| {
        Invitation::invite(t, &invite("kim@example.com", "member")).await
    })
    .await;
    refused_fields(
        &h,
        Who::Owner,
        [
            (
                invite("not an address", "member"),
                "email",
                "is not a valid email address",
            ),
            (
                invite("kim@example.com", "owner"),
                "role",
                "must be one of admin, member, viewer",
            ),
            (
                invite("BOB@example.com", "member"),
                "email",
                "is already a member of this workspace",
            ),
        ],
        async |t, params| Invitation::invite(t, params).await,
    )
    .await;

    // Mailed once the change commits (the job names the invitation; no
    // link exists until the job mints it), and not twice for one address.
    let (invitation, effects) = h
        .act(Who::Owner, async |t| {
            let invitation = Invitation::invite(t, &invite(" Kim@Example.com ", "viewer")).await?;
            Ok((invitation, t.take_effects()))
        })
        .await
        .expect("invited");
    assert_eq!(mailed(&effects), vec![invitation.id], "{effects:?}");
    assert_eq!(invitation.email, "kim@example.com");
    assert_eq!(invitation.role, "viewer");
    // The job's link: the stored digest becomes the link's.
    let (invitation, token) = h
        .act(Who::Owner, async |t| invitation.new_link(t.db).await)
        .await
        .expect("minted")
        .expect("pending");
    assert_eq!(invitation.token_hash, secrets::digest(&token));
    refused(
        &h,
        Who::Owner,
        Refusal::Field(
            "email",
            "already has a pending invitation; resend or revoke it",
        ),
        async |t| Invitation::invite(t, &invite("kim@example.com", "member")).await,
    )
    .await;

    // A resend mails a new link, and the old one stops working at once.
    let (resent, effects) = h
        .act(Who::Owner, async |t| {
            let resent = invitation.resend(t).await?;
            Ok((resent, t.take_effects()))
        })
        .await
        .expect("resent");
    assert_eq!(mailed(&effects), vec![invitation.id], "{effects:?}");
    assert_ne!(resent.token_hash, secrets::digest(&token));

    // Revoked once; a revoked invitation is neither revoked nor resent.
    refused(&h, Who::Member, Refusal::Forbidden, async |t| {
        resent.revoke(t).await
    })
    .await;
    let revoked = h
        .act(Who::Owner, async |t| resent.revoke(t).await)
        .await
        .expect("revoked");
    assert!(revoked.revoked_at.is_some());
    let used = "this invitation was already used or revoked";
    refused(&h, Who::Owner, Refusal::Field("token", used), async |t| {
        revoked.revoke(t).await
    })
    .await;
    refused(&h, Who::Owner, Refusal::Field("token", used), async |t| {
        revoked.resend(t).await
    })
    .await;
}
