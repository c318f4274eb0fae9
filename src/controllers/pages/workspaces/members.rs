//! Members and invitations: the members page (roles, removing, leaving),
//! inviting, resending and revoking, and the page an emailed invitation
//! opens with its acceptance.

use super::*;
use crate::controllers::support::throttle::{AuthThrottle, Resend};

pub(super) async fn members_page(
    ctx: &AppContext,
    v: &TeraView,
    visitor: &Visitor,
    member: &Member,
    status: StatusCode,
    sent: Option<(SentInvitation, serde_json::Value)>,
) -> Result<Response> {
    let members = memberships::Model::list(&member.db, member.workspace.id).await?;
    let members = members
        .iter()
        .map(|m| MemberRow {
            member: MemberResponse::from(m),
            is_me: m.membership.id == member.membership.id,
        })
        .collect();
    let invitations = if member.may(ctx, INVITATIONS_READ).await? {
        invitations::Model::pending(&member.db, member.workspace.id)
            .await?
            .iter()
            .map(InvitationResponse::from)
            .collect()
    } else {
        Vec::new()
    };
    let (form, errors) = FormValues::sent_or(sent, || NewInvitation { role: "member" });
    let context = InWorkspace {
        frame: frame(ctx, member).await?,
        page: MembersPage {
            members,
            invitations,
            roles: Role::GRANTABLE.iter().map(|r| r.as_str()).collect(),
            form,
            errors,
        },
    };
    render(v, visitor, status, "workspaces/members.html", &context)
}

#[debug_handler]
pub(super) async fn members(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
) -> Result<Response> {
    members_page(&ctx, &v, &visitor, &member, StatusCode::OK, None).await
}

#[debug_handler]
pub(super) async fn change_role(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    member: Member,
    Path((_, user_id)): Path<(String, String)>,
    Form(params): Form<RoleParams>,
) -> Result<Response> {
    let to = urls::members(member.workspace.pid);
    let target = memberships::Model::find_member(&member.db, member.workspace.id, &user_id).await?;
    let changed = async {
        let tenant = member.tenant(&ctx).await?;
        Ok::<_, Error>(memberships::Model::change_role(&tenant, &target, &params.role).await?)
    }
    .await;
    match changed {
        Ok(_) => {
            member.commit_change(&ctx).await?;
            redirect_with(
                &to,
                "notice",
                &visitor.lang.text_with(
                    "members-role-changed",
                    &[
                        ("name", target.user.name.clone().into()),
                        ("role", role_name(visitor.lang, params.role.trim()).into()),
                    ],
                ),
                &ctx,
                &[],
            )
        }
        Err(err) => back_with(&ctx, visitor.lang, &to, err),
    }
}

/// Removes a member, or leaves when the target is the member themselves.
#[debug_handler]
pub(super) async fn remove_member(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    member: Member,
    Path((_, user_id)): Path<(String, String)>,
) -> Result<Response> {
    let to = urls::members(member.workspace.pid);
    let target = memberships::Model::find_member(&member.db, member.workspace.id, &user_id).await?;
    let leaving = target.membership.id == member.membership.id;
    let removed = async {
        let tenant = member.tenant(&ctx).await?;
        Ok::<_, Error>(memberships::Model::remove(&tenant, &target).await?)
    }
    .await;
    match removed {
        Ok(()) => {
            let name = member.workspace.name.clone();
            member.commit_change(&ctx).await?;
            if leaving {
                let to = urls::workspaces();
                let message = visitor
                    .lang
                    .text_with("members-left", &[("workspace", name.into())]);
                redirect_with(&to, "notice", &message, &ctx, &[])
            } else {
                let message = visitor.lang.text_with(
                    "members-removed",
                    &[("name", target.user.name.clone().into())],
                );
                redirect_with(&to, "notice", &message, &ctx, &[])
            }
        }
        Err(err) => back_with(&ctx, visitor.lang, &to, err),
    }
}

#[debug_handler]
pub(super) async fn invite(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
    Form(params): Form<InviteParams>,
) -> Result<Response> {
    let invited = async {
        let tenant = member.tenant(&ctx).await?;
        Ok::<_, Error>(invitations::Model::invite(&tenant, &params).await?)
    }
    .await;
    match invited {
        Ok(invitation) => {
            let to = urls::members(member.workspace.pid);
            member.commit_change(&ctx).await?;
            redirect_with(
                &to,
                "notice",
                &visitor
                    .lang
                    .text_with("members-invited", &[("email", invitation.email.into())]),
                &ctx,
                &[],
            )
        }
        Err(err) => match FieldErrors::from_error(&err) {
            Some(errors) => {
                let sent = Some((SentInvitation::from(&params), errors));
                let status = StatusCode::UNPROCESSABLE_ENTITY;
                members_page(&ctx, &v, &visitor, &member, status, sent).await
            }
            None => back_with(
                &ctx,
                visitor.lang,
                &urls::members(member.workspace.pid),
                err,
            ),
        },
    }
}

#[debug_handler]
pub(super) async fn resend_invitation(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    member: Member,
    Path((_, invitation_id)): Path<(String, String)>,
) -> Result<Response> {
    let to = urls::members(member.workspace.pid);
    let invitation =
        invitations::Model::find_in(&member.db, member.workspace.id, &invitation_id).await?;
    let resent = async {
        AuthThrottle::resend(&ctx, &member.db, Resend::Invitation(&invitation)).await??;
        Ok::<_, Error>(invitation.resend(&member.tenant(&ctx).await?).await?)
    }
    .await;
    match resent {
        Ok(invitation) => {
            member.commit_change(&ctx).await?;
            redirect_with(
                &to,
                "notice",
                &visitor
                    .lang
                    .text_with("members-resent", &[("email", invitation.email.into())]),
                &ctx,
                &[],
            )
        }
        Err(err) => back_with(&ctx, visitor.lang, &to, err),
    }
}

#[debug_handler]
pub(super) async fn revoke_invitation(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    member: Member,
    Path((_, invitation_id)): Path<(String, String)>,
) -> Result<Response> {
    let to = urls::members(member.workspace.pid);
    let invitation =
        invitations::Model::find_in(&member.db, member.workspace.id, &invitation_id).await?;
    let revoked =
        async { Ok::<_, Error>(invitation.revoke(&member.tenant(&ctx).await?).await?) }.await;
    match revoked {
        Ok(revoked) => {
            member.commit_change(&ctx).await?;
            let message = visitor
                .lang
                .text_with("members-revoked", &[("email", revoked.email.into())]);
            redirect_with(&to, "notice", &message, &ctx, &[])
        }
        Err(err) => back_with(&ctx, visitor.lang, &to, err),
    }
}

/// The page an emailed invitation link opens.
#[debug_handler]
pub(super) async fn invitation(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    Path(token): Path<String>,
) -> Result<Response> {
    let signed_in = visitor.signed_in.as_ref().map(|s| &s.user);
    let db = invitations::Model::transaction_for_token(&ctx.db, signed_in, &token).await?;
    let Ok((invitation, workspace)) = invitations::Model::find_by_token(&db, &token).await else {
        let context = UnknownInvitation {
            alert: visitor.lang.text("invitation-unknown"),
        };
        let status = StatusCode::NOT_FOUND;
        return render(&v, &visitor, status, "invitations/show.html", &context);
    };
    let signed_in_as = visitor.signed_in.as_ref().map(|s| s.user.email.clone());
    let problem = if invitation.accepted_at.is_some() {
        Some("invitation-used")
    } else if invitation.revoked_at.is_some() {
        Some("invitation-revoked")
    } else if !invitation.is_pending() {
        Some("invitation-expired")
    } else {
        None
    }
    .map(|key| visitor.lang.text(key));
    let status = if problem.is_some() {
        StatusCode::GONE
    } else {
        StatusCode::OK
    };
    let signup_query = serde_urlencoded::to_string([
        ("next", urls::invitation(&token)),
        ("email", invitation.email.clone()),
    ])
    .unwrap_or_default();
    let context = InvitationPage {
        alert: problem,
        signup_link: format!("{}?{signup_query}", urls::signup()),
        wrong_account: signed_in_as
            .as_deref()
            .is_some_and(|e| e != invitation.email),
        signed_in_as,
        token,
        workspace: workspace.name,
        role: invitation.role,
        email: invitation.email,
        invited_by: invitation.invited_by_name,
    };
    render(&v, &visitor, status, "invitations/show.html", &context)
}

#[debug_handler]
pub(super) async fn accept(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    caller: Caller,
    Path(token): Path<String>,
) -> Result<Response> {
    let db = invitations::Model::transaction_for_token(&ctx.db, Some(&caller.user), &token).await?;
    let (invitation, workspace) = invitations::Model::find_by_token(&db, &token)
        .await
        .map_err(|_| Error::NotFound)?;
    match invitation.accept(&db, &caller.user, &caller.actor()).await {
        Ok(_) => {
            db.commit().await?;
            redirect_with(
                &urls::workspace(workspace.pid),
                "notice",
                &visitor
                    .lang
                    .text_with("invitation-joined", &[("workspace", workspace.name.into())]),
                &ctx,
                &[],
            )
        }
        Err(err) => back_with(&ctx, visitor.lang, &urls::invitation(&token), err),
    }
}
