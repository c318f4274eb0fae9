//! Workspace pages: the list and switcher target (`/w`), a workspace's
//! start page, settings, members and invitations, and the audit log.

mod members;
mod settings;

use axum::http::StatusCode;
use loco_rs::prelude::*;

use super::render;

use crate::{
    controllers::support::{
        access::{requires, requires_either, Caller, Member},
        errors::back_with,
        forms::{DeleteParams, RoleParams},
        render::redirect_with,
        web_session::Visitor,
    },
    i18n::Lang,
    models::{
        audit_events, billing, categories,
        dashboard::Dashboard,
        invitations::{self, InviteParams},
        memberships::{self, Role},
        notifications,
        paging::PageQuery,
        support_grants,
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
        billing::iso_day,
        dashboard::DashboardView,
        expenses::{CategoryResponse, DefaultSplit},
        page::{FormValues, InWorkspace},
        urls,
        workspaces::{
            Abilities, AuditEventResponse, AuditPage, BillingBanner, Frame, InvitationPage,
            InvitationResponse, MemberResponse, MemberRow, MembersPage, Nav, NewInvitation,
            NewWorkspace, OverviewPage, QuickAdd, SentInvitation, SentWorkspace, SettingsPage,
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
            let name = created.workspace.name.clone();
            redirect_with(
                &urls::workspace(created.workspace.pid),
                "notice",
                &visitor
                    .lang
                    .text_with("workspace-welcome", &[("name", name.into())]),
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

/// A role (`admin`) as the reader's language names it.
fn role_name(lang: Lang, role: &str) -> String {
    lang.try_text(&format!("role-{role}"), &Default::default())
        .unwrap_or_else(|| role.to_string())
}

/// What every workspace page shows around its content: the workspace and
/// what the member may do there (its navigation reads both), the unread
/// count, the billing banner and the quick-add sheet's choices (two more
/// queries, members and categories, for members who may add).
pub(crate) async fn frame(ctx: &AppContext, member: &Member) -> Result<Frame> {
    frame_with(ctx, member, None).await
}

/// The frame, with the members and categories when the page has read them
/// already (the expense pages), so the quick-add sheet reads them once.
pub(crate) async fn frame_with(
    ctx: &AppContext,
    member: &Member,
    choices: Option<(&[MemberResponse], &[CategoryResponse])>,
) -> Result<Frame> {
    let billing = billing::Standing::current(ctx, &member.db, &member.workspace)
        .await?
        .map(|standing| BillingBanner {
            plan: standing.plan.name,
            state: standing.state,
            grace_until: standing
                .account
                .and_then(|a| a.grace_until)
                .as_ref()
                .map(iso_day),
        });
    let Nav { workspace, can } = nav(ctx, member).await?;
    let suspended = member.workspace.suspended_at.is_some();
    let quick_add = if can.add_expense && !suspended {
        let (members, categories) = match choices {
            Some((members, categories)) => (members.to_vec(), categories.to_vec()),
            None => (
                memberships::Model::list(&member.db, member.workspace.id)
                    .await?
                    .iter()
                    .map(MemberResponse::from)
                    .collect(),
                categories::Model::list(&member.db, member.workspace.id)
                    .await?
                    .iter()
                    .map(CategoryResponse::from)
                    .collect(),
            ),
        };
        Some(QuickAdd {
            date: member.workspace.today().to_string(),
            currency: member.workspace.currency.clone(),
            paid_by: member.user().pid.to_string(),
            split: DefaultSplit::of(&member.workspace, &members),
            members,
            categories,
        })
    } else {
        None
    };
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
        suspended,
        quick_add,
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
    let dashboard = Dashboard::cached(&member.db, &member.workspace).await?;
    let frame = frame(&ctx, &member).await?;
    // The quick-add sheet read the members already, for those who may add.
    let member_count = match &frame.quick_add {
        Some(quick_add) => quick_add.members.len(),
        None => memberships::Model::list(&member.db, member.workspace.id)
            .await?
            .len(),
    };
    let context = InWorkspace {
        frame,
        page: OverviewPage {
            dashboard: DashboardView::new(&dashboard, &member.workspace.currency),
            member_count,
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

#[debug_handler]
async fn audit(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
    Query(query): Query<PageQuery>,
) -> Result<Response> {
    let events = audit_events::Model::list(&member.db, member.workspace.id, &query).await?;
    let context = InWorkspace {
        frame: frame(&ctx, &member).await?,
        page: AuditPage {
            events: events
                .items
                .iter()
                .map(|e| AuditEventResponse {
                    summary: visitor.lang.audit_summary(&e.summary),
                    ..AuditEventResponse::from(e)
                })
                .collect(),
            older: events.next_cursor,
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

pub fn routes() -> Routes {
    Routes::new()
        .add("/w", get(index))
        .add(
            "/w/{workspace_id}/support-access",
            requires(SUPPORT_ACCESS_MANAGE, post(settings::grant_support)),
        )
        .add(
            "/w/{workspace_id}/support-access/revoke",
            requires(SUPPORT_ACCESS_MANAGE, post(settings::revoke_support)),
        )
        .add("/w", post(create))
        .add("/w/{workspace_id}", requires(WORKSPACE_READ, get(show)))
        .add(
            "/w/{workspace_id}/settings",
            requires(WORKSPACE_UPDATE, get(settings::settings)),
        )
        .add(
            "/w/{workspace_id}/settings",
            requires(WORKSPACE_UPDATE, post(settings::update)),
        )
        .add(
            "/w/{workspace_id}/delete",
            requires(WORKSPACE_DELETE, post(settings::destroy)),
        )
        .add(
            "/w/{workspace_id}/members",
            requires(MEMBERS_READ, get(members::members)),
        )
        .add(
            "/w/{workspace_id}/members/{user_id}/role",
            requires(MEMBERS_MANAGE, post(members::change_role)),
        )
        .add(
            // Leaving needs only membership; removing others is checked inside.
            "/w/{workspace_id}/members/{user_id}/remove",
            requires_either(MEMBERS_MANAGE, MEMBERS_LEAVE, post(members::remove_member)),
        )
        .add(
            "/w/{workspace_id}/invitations",
            requires(INVITATIONS_MANAGE, post(members::invite)),
        )
        .add(
            "/w/{workspace_id}/invitations/{invitation_id}/resend",
            requires(INVITATIONS_MANAGE, post(members::resend_invitation)),
        )
        .add(
            "/w/{workspace_id}/invitations/{invitation_id}/revoke",
            requires(INVITATIONS_MANAGE, post(members::revoke_invitation)),
        )
        .add("/w/{workspace_id}/audit", requires(AUDIT_READ, get(audit)))
        .add("/invitations/{token}", get(members::invitation))
        .add("/invitations/{token}/accept", post(members::accept))
}
