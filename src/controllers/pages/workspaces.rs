//! Workspace pages: the list and switcher target (`/w`), a workspace's
//! start page, settings, members and invitations, and the audit log.

use axum::http::StatusCode;
use loco_rs::prelude::*;

use super::render;

use crate::{
    controllers::support::{
        access::{requires, requires_either, Caller, Member},
        errors::back_with,
        forms::{AuditQuery, DeleteParams, RoleParams},
        render::redirect_with,
        web_session::Visitor,
    },
    models::{
        audit_events, billing,
        dashboard::Dashboard,
        invitations::{self, InviteParams},
        memberships::{self, Role},
        notifications, support_grants,
        validation::FieldErrors,
        workspaces::{self, CreateParams, UpdateParams},
    },
    policies::{
        AUDIT_READ, BUDGETS_MANAGE, CATEGORIES_MANAGE, EXPENSES_CREATE, IMPORTS_CREATE,
        INVITATIONS_MANAGE, INVITATIONS_READ, MEMBERS_LEAVE, MEMBERS_MANAGE, MEMBERS_READ,
        RECURRING_MANAGE, SETTLEMENTS_CREATE, SETTLEMENTS_DELETE, SUPPORT_ACCESS_MANAGE,
        WORKSPACE_DELETE, WORKSPACE_READ, WORKSPACE_UPDATE,
    },
    views::{
        billing::long_date,
        dashboard::DashboardView,
        page::{FormValues, InWorkspace},
        urls,
        workspaces::{
            Abilities, AuditEventResponse, AuditPage, BillingBanner, Frame, InvitationPage,
            InvitationResponse, MemberResponse, MemberRow, MembersPage, Nav, NewInvitation,
            NewWorkspace, OverviewPage, SentInvitation, SentWorkspace, SettingsPage,
            UnknownInvitation, WorkspaceResponse, WorkspacesPage,
        },
    },
};

/// The list of one's workspaces with the create form, blank or as sent.
async fn index_page(
    v: &TeraView,
    visitor: &Visitor,
    caller: &Caller,
    db: &sea_orm::DatabaseTransaction,
    status: StatusCode,
    sent: Option<(SentWorkspace, serde_json::Value)>,
) -> Result<Response> {
    let list = workspaces::Model::list_for_user(db, caller.user.id).await?;
    let (form, errors) = FormValues::sent_or(sent, || NewWorkspace {
        kind: "household",
        currency: "EUR",
        time_zone: "UTC",
    });
    let context = WorkspacesPage {
        workspaces: list.iter().map(WorkspaceResponse::from).collect(),
        form,
        errors,
    };
    render(v, visitor, status, "workspaces/index.html", &context)
}

#[debug_handler]
async fn index(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    caller: Caller,
) -> Result<Response> {
    let db = caller.transaction(&ctx).await?;
    index_page(&v, &visitor, &caller, &db, StatusCode::OK, None).await
}

#[debug_handler]
async fn create(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    caller: Caller,
    Form(params): Form<CreateParams>,
) -> Result<Response> {
    let db = caller.transaction(&ctx).await?;
    match workspaces::Model::create(&db, &caller.user, &caller.actor(), &params).await {
        Ok(created) => {
            db.commit().await?;
            redirect_with(
                &urls::workspace(created.workspace.pid),
                "notice",
                &format!("Welcome to {}.", created.workspace.name),
                &ctx,
                &[],
            )
        }
        Err(err) => {
            let errors = FieldErrors::from_error(&err).ok_or(err)?;
            let sent = Some((SentWorkspace::from(&params), errors));
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            index_page(&v, &visitor, &caller, &db, status, sent).await
        }
    }
}

/// What every workspace page shows around its content: the workspace and
/// what the member may do there (its navigation reads both), the unread
/// count and the billing banner.
pub(crate) async fn frame(ctx: &AppContext, member: &Member) -> Result<Frame> {
    let billing = billing::Standing::current(ctx, &member.db, &member.workspace)
        .await?
        .map(|standing| BillingBanner {
            plan: standing.plan.name,
            state: standing.state,
            grace_until: standing
                .account
                .and_then(|a| a.grace_until)
                .as_ref()
                .map(long_date),
        });
    let Nav { workspace, can } = nav(ctx, member).await?;
    Ok(Frame {
        workspace,
        can,
        unread: notifications::Model::unread_count(
            &member.db,
            member.workspace.id,
            member.user().id,
        )
        .await?,
        billing,
        suspended: member.workspace.suspended_at.is_some(),
    })
}

/// The workspace and what the member may do there, for the pages that show
/// only the navigation.
pub(crate) async fn nav(ctx: &AppContext, member: &Member) -> Result<Nav> {
    Ok(Nav {
        workspace: WorkspaceResponse::new(&member.workspace, member.role()),
        can: abilities(ctx, member).await?,
    })
}

/// What the member may do here, for showing only the actions that work
/// (the workspace navigation reads it on every workspace page).
pub(crate) async fn abilities(ctx: &AppContext, member: &Member) -> Result<Abilities> {
    Ok(Abilities {
        add_expense: member.may(ctx, EXPENSES_CREATE).await?,
        manage_recurring: member.may(ctx, RECURRING_MANAGE).await?,
        import: member.may(ctx, IMPORTS_CREATE).await?,
        manage_categories: member.may(ctx, CATEGORIES_MANAGE).await?,
        settle: member.may(ctx, SETTLEMENTS_CREATE).await?,
        delete_settlements: member.may(ctx, SETTLEMENTS_DELETE).await?,
        update: member.may(ctx, WORKSPACE_UPDATE).await?,
        delete: member.may(ctx, WORKSPACE_DELETE).await?,
        manage_members: member.may(ctx, MEMBERS_MANAGE).await?,
        invite: member.may(ctx, INVITATIONS_MANAGE).await?,
        audit: member.may(ctx, AUDIT_READ).await?,
        manage_budgets: member.may(ctx, BUDGETS_MANAGE).await?,
        support_access: member.may(ctx, SUPPORT_ACCESS_MANAGE).await?,
    })
}

#[debug_handler]
async fn show(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
) -> Result<Response> {
    let dashboard = Dashboard::cached(&ctx, &member.db, &member.workspace).await?;
    let context = InWorkspace {
        frame: frame(&ctx, &member).await?,
        page: OverviewPage {
            dashboard: DashboardView::new(&dashboard, &member.workspace.currency),
            member_count: memberships::Model::list(&member.db, member.workspace.id)
                .await?
                .len(),
        },
    };
    render(
        &v,
        &visitor,
        StatusCode::OK,
        "workspaces/show.html",
        &context,
    )
}

async fn settings_page(
    ctx: &AppContext,
    v: &TeraView,
    visitor: &Visitor,
    member: &Member,
    status: StatusCode,
    sent: Option<SentWorkspace>,
    errors: Option<serde_json::Value>,
) -> Result<Response> {
    let support_until = support_grants::Model::active(&member.db, member.workspace.id)
        .await?
        .map(|grant| long_date(&grant.expires_at));
    let form = match sent {
        Some(sent) => FormValues::Sent(sent),
        None => FormValues::New(WorkspaceResponse::new(&member.workspace, member.role())),
    };
    let context = InWorkspace {
        frame: nav(ctx, member).await?,
        page: SettingsPage {
            form,
            support_until,
            errors,
        },
    };
    render(v, visitor, status, "workspaces/settings.html", &context)
}

#[debug_handler]
async fn settings(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
) -> Result<Response> {
    settings_page(&ctx, &v, &visitor, &member, StatusCode::OK, None, None).await
}

#[debug_handler]
async fn update(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
    Form(params): Form<UpdateParams>,
) -> Result<Response> {
    let updated = async {
        let tenant = member.tenant(&ctx).await?;
        Ok::<_, Error>(workspaces::Model::update_settings(&tenant, &params).await?)
    }
    .await;
    match updated {
        Ok(_) => {
            let to = urls::settings(member.workspace.pid);
            member.commit_change(&ctx).await?;
            redirect_with(&to, "notice", "Settings saved.", &ctx, &[])
        }
        Err(err) => match FieldErrors::from_error(&err) {
            Some(errors) => {
                settings_page(
                    &ctx,
                    &v,
                    &visitor,
                    &member,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    Some(SentWorkspace::from(&params)),
                    Some(errors),
                )
                .await
            }
            None => Err(err),
        },
    }
}

#[debug_handler]
async fn destroy(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
    Form(params): Form<DeleteParams>,
) -> Result<Response> {
    let marked = async {
        let tenant = member.tenant(&ctx).await?;
        Ok::<_, Error>(workspaces::Model::request_deletion(&tenant, &params.confirm).await?)
    }
    .await;
    match marked {
        Ok(marked) => {
            member.commit_change(&ctx).await?;
            redirect_with(
                &urls::workspaces(),
                "notice",
                &format!("\"{}\" and everything in it is being deleted.", marked.name),
                &ctx,
                &[],
            )
        }
        Err(err) => match FieldErrors::from_error(&err) {
            Some(errors) => {
                // The delete form reads its errors under `delete`.
                let errors = serde_json::Map::from_iter([("delete".to_string(), errors)]);
                settings_page(
                    &ctx,
                    &v,
                    &visitor,
                    &member,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    None,
                    Some(errors.into()),
                )
                .await
            }
            None => Err(err),
        },
    }
}

async fn members_page(
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
        frame: nav(ctx, member).await?,
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
async fn members(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
) -> Result<Response> {
    members_page(&ctx, &v, &visitor, &member, StatusCode::OK, None).await
}

#[debug_handler]
async fn change_role(
    State(ctx): State<AppContext>,
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
                &format!("{} is now {}.", target.user.name, params.role.trim()),
                &ctx,
                &[],
            )
        }
        Err(err) => back_with(&ctx, &to, err),
    }
}

/// Removes a member, or leaves when the target is the member themselves.
#[debug_handler]
async fn remove_member(
    State(ctx): State<AppContext>,
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
                redirect_with(&to, "notice", &format!("You left {name}."), &ctx, &[])
            } else {
                let message = format!("{} was removed.", target.user.name);
                redirect_with(&to, "notice", &message, &ctx, &[])
            }
        }
        Err(err) => back_with(&ctx, &to, err),
    }
}

#[debug_handler]
async fn invite(
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
                &format!("Invitation sent to {}.", invitation.email),
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
            None => back_with(&ctx, &urls::members(member.workspace.pid), err),
        },
    }
}

#[debug_handler]
async fn resend_invitation(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, invitation_id)): Path<(String, String)>,
) -> Result<Response> {
    let to = urls::members(member.workspace.pid);
    let invitation =
        invitations::Model::find_in(&member.db, member.workspace.id, &invitation_id).await?;
    let resent =
        async { Ok::<_, Error>(invitation.resend(&member.tenant(&ctx).await?).await?) }.await;
    match resent {
        Ok(invitation) => {
            member.commit_change(&ctx).await?;
            redirect_with(
                &to,
                "notice",
                &format!("Sent a new invitation to {}.", invitation.email),
                &ctx,
                &[],
            )
        }
        Err(err) => back_with(&ctx, &to, err),
    }
}

#[debug_handler]
async fn revoke_invitation(
    State(ctx): State<AppContext>,
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
            let message = format!("The invitation to {} is revoked.", revoked.email);
            redirect_with(&to, "notice", &message, &ctx, &[])
        }
        Err(err) => back_with(&ctx, &to, err),
    }
}

#[debug_handler]
async fn audit(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
    Query(query): Query<AuditQuery>,
) -> Result<Response> {
    let limit = 50;
    let events =
        audit_events::Model::list(&member.db, member.workspace.id, query.before, limit).await?;
    let older = (events.len() as u64 == limit)
        .then(|| events.last().map(|e| e.id))
        .flatten();
    let context = InWorkspace {
        frame: nav(&ctx, &member).await?,
        page: AuditPage {
            events: events.iter().map(AuditEventResponse::from).collect(),
            older,
        },
    };
    render(
        &v,
        &visitor,
        StatusCode::OK,
        "workspaces/audit.html",
        &context,
    )
}

/// The page an emailed invitation link opens.
#[debug_handler]
async fn invitation(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    Path(token): Path<String>,
) -> Result<Response> {
    let signed_in = visitor.signed_in.as_ref().map(|s| &s.user);
    let db = invitations::Model::transaction_for_token(&ctx.db, signed_in, &token).await?;
    let Ok((invitation, workspace)) = invitations::Model::find_by_token(&db, &token).await else {
        let context = UnknownInvitation {
            alert: "This invitation link is not valid. Ask for a new one.",
        };
        let status = StatusCode::NOT_FOUND;
        return render(&v, &visitor, status, "invitations/show.html", &context);
    };
    let signed_in_as = visitor.signed_in.as_ref().map(|s| s.user.email.clone());
    let problem = if invitation.accepted_at.is_some() {
        Some("This invitation was already used.")
    } else if invitation.revoked_at.is_some() {
        Some("This invitation was revoked.")
    } else if !invitation.is_pending() {
        Some("This invitation has expired; ask for a new one.")
    } else {
        None
    };
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
async fn accept(
    State(ctx): State<AppContext>,
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
                &format!("You joined {}.", workspace.name),
                &ctx,
                &[],
            )
        }
        Err(err) => back_with(&ctx, &urls::invitation(&token), err),
    }
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct SupportForm {
    pub hours: String,
}

/// The owner lets the site's support staff read the workspace for a while.
#[debug_handler]
async fn grant_support(
    State(ctx): State<AppContext>,
    member: Member,
    Form(form): Form<SupportForm>,
) -> Result<Response> {
    let to = urls::settings(member.workspace.pid);
    let hours = form.hours.trim().parse().unwrap_or(0);
    match support_grants::Model::grant(&member.db, member.workspace.id, &member.actor(), hours)
        .await
    {
        Ok(grant) => {
            member.commit().await?;
            let until = long_date(&grant.expires_at);
            redirect_with(
                &to,
                "notice",
                &format!(
                    "Support can read this workspace until {until}; each view is in the audit log."
                ),
                &ctx,
                &[],
            )
        }
        Err(err) => back_with(&ctx, &to, err),
    }
}

#[debug_handler]
async fn revoke_support(State(ctx): State<AppContext>, member: Member) -> Result<Response> {
    let to = urls::settings(member.workspace.pid);
    match support_grants::Model::revoke(&member.db, member.workspace.id, &member.actor()).await {
        Ok(()) => {
            member.commit().await?;
            redirect_with(&to, "notice", "Support access ended.", &ctx, &[])
        }
        Err(err) => back_with(&ctx, &to, err),
    }
}

pub fn routes() -> Routes {
    Routes::new()
        .add("/w", get(index))
        .add(
            "/w/{workspace_id}/support-access",
            requires(SUPPORT_ACCESS_MANAGE, post(grant_support)),
        )
        .add(
            "/w/{workspace_id}/support-access/revoke",
            requires(SUPPORT_ACCESS_MANAGE, post(revoke_support)),
        )
        .add("/w", post(create))
        .add("/w/{workspace_id}", requires(WORKSPACE_READ, get(show)))
        .add(
            "/w/{workspace_id}/settings",
            requires(WORKSPACE_UPDATE, get(settings)),
        )
        .add(
            "/w/{workspace_id}/settings",
            requires(WORKSPACE_UPDATE, post(update)),
        )
        .add(
            "/w/{workspace_id}/delete",
            requires(WORKSPACE_DELETE, post(destroy)),
        )
        .add(
            "/w/{workspace_id}/members",
            requires(MEMBERS_READ, get(members)),
        )
        .add(
            "/w/{workspace_id}/members/{user_id}/role",
            requires(MEMBERS_MANAGE, post(change_role)),
        )
        .add(
            // Leaving needs only membership; removing others is checked inside.
            "/w/{workspace_id}/members/{user_id}/remove",
            requires_either(MEMBERS_MANAGE, MEMBERS_LEAVE, post(remove_member)),
        )
        .add(
            "/w/{workspace_id}/invitations",
            requires(INVITATIONS_MANAGE, post(invite)),
        )
        .add(
            "/w/{workspace_id}/invitations/{invitation_id}/resend",
            requires(INVITATIONS_MANAGE, post(resend_invitation)),
        )
        .add(
            "/w/{workspace_id}/invitations/{invitation_id}/revoke",
            requires(INVITATIONS_MANAGE, post(revoke_invitation)),
        )
        .add("/w/{workspace_id}/audit", requires(AUDIT_READ, get(audit)))
        .add("/invitations/{token}", get(invitation))
        .add("/invitations/{token}/accept", post(accept))
}
