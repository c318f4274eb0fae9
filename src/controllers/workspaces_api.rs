//! The workspace API: `/api/v1/workspaces/...`, bearer tokens, JSON.

use axum::http::StatusCode;
use loco_rs::prelude::*;
use serde::Deserialize;

use super::{
    access::{requires, Caller, Member},
    ApiJson,
};
use crate::{
    mailers::workspaces::WorkspaceMailer,
    models::{
        audit_events,
        invitations::{self, InviteParams},
        memberships::{self, MembershipChange},
        workspaces::{self, CreateParams, UpdateParams},
    },
    policies::{
        AUDIT_READ, INVITATIONS_MANAGE, INVITATIONS_READ, MEMBERS_LEAVE, MEMBERS_MANAGE,
        MEMBERS_READ, WORKSPACE_DELETE, WORKSPACE_READ, WORKSPACE_UPDATE,
    },
    views::workspaces::{
        AuditEventResponse, InvitationResponse, MemberResponse, WorkspaceResponse,
    },
    workers::workspace_purge::{PurgeArgs, WorkspacePurgeWorker},
};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DeleteParams {
    /// The workspace's name, typed to confirm.
    pub confirm: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RoleParams {
    pub role: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AuditQuery {
    pub before: Option<i64>,
    pub limit: Option<u64>,
}

#[debug_handler]
async fn create(
    State(ctx): State<AppContext>,
    caller: Caller,
    ApiJson(params): ApiJson<CreateParams>,
) -> Result<Response> {
    let created =
        workspaces::Model::create(&ctx.db, &caller.user, &caller.actor(), &params).await?;
    format::render()
        .status(StatusCode::CREATED)
        .json(WorkspaceResponse::from(&created))
}

#[debug_handler]
async fn list(State(ctx): State<AppContext>, caller: Caller) -> Result<Response> {
    let list = workspaces::Model::list_for_user(&ctx.db, caller.user.id).await?;
    format::json(list.iter().map(WorkspaceResponse::from).collect::<Vec<_>>())
}

#[debug_handler]
async fn show(State(_ctx): State<AppContext>, member: Member) -> Result<Response> {
    format::json(WorkspaceResponse::new(&member.workspace, member.role()))
}

#[debug_handler]
async fn update(
    State(ctx): State<AppContext>,
    member: Member,
    ApiJson(params): ApiJson<UpdateParams>,
) -> Result<Response> {
    let updated = member
        .workspace
        .update_settings(&ctx.db, &member.actor(), &params)
        .await?;
    format::json(WorkspaceResponse::new(&updated, member.role()))
}

/// 202: the workspace is gone for everyone now; its data goes in a job.
#[debug_handler]
async fn destroy(
    State(ctx): State<AppContext>,
    member: Member,
    ApiJson(params): ApiJson<DeleteParams>,
) -> Result<Response> {
    let marked = member
        .workspace
        .request_deletion(&ctx.db, &member.actor(), &params.confirm)
        .await?;
    WorkspacePurgeWorker::perform_later(
        &ctx,
        PurgeArgs {
            workspace_pid: marked.pid,
        },
    )
    .await?;
    format::render()
        .status(StatusCode::ACCEPTED)
        .json(serde_json::json!({}))
}

#[debug_handler]
async fn members(State(ctx): State<AppContext>, member: Member) -> Result<Response> {
    let list = memberships::Model::list(&ctx.db, member.workspace.id).await?;
    format::json(list.iter().map(MemberResponse::from).collect::<Vec<_>>())
}

#[debug_handler]
async fn change_role(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, user_id)): Path<(String, String)>,
    ApiJson(params): ApiJson<RoleParams>,
) -> Result<Response> {
    let target = memberships::Model::find_member(&ctx.db, member.workspace.id, &user_id).await?;
    let change = MembershipChange {
        actor: &member.membership,
        audit: &member.actor(),
    };
    change.change_role(&ctx.db, &target, &params.role).await?;
    let updated = memberships::Model::find_member(&ctx.db, member.workspace.id, &user_id).await?;
    format::json(MemberResponse::from(&updated))
}

/// Removes a member; a member removing themselves leaves.
#[debug_handler]
async fn remove_member(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, user_id)): Path<(String, String)>,
) -> Result<Response> {
    let target = memberships::Model::find_member(&ctx.db, member.workspace.id, &user_id).await?;
    let leaving = target.membership.id == member.membership.id;
    member
        .ensure(
            &ctx,
            if leaving {
                MEMBERS_LEAVE
            } else {
                MEMBERS_MANAGE
            },
        )
        .await?;
    let change = MembershipChange {
        actor: &member.membership,
        audit: &member.actor(),
    };
    change.remove(&ctx.db, &target).await?;
    format::render().status(StatusCode::NO_CONTENT).empty()
}

#[debug_handler]
async fn invitations(State(ctx): State<AppContext>, member: Member) -> Result<Response> {
    let list = invitations::Model::pending(&ctx.db, member.workspace.id).await?;
    format::json(
        list.iter()
            .map(InvitationResponse::from)
            .collect::<Vec<_>>(),
    )
}

#[debug_handler]
async fn invite(
    State(ctx): State<AppContext>,
    member: Member,
    ApiJson(params): ApiJson<InviteParams>,
) -> Result<Response> {
    let (invitation, token) =
        invitations::Model::create(&ctx.db, &member.workspace, &member.actor(), &params).await?;
    WorkspaceMailer::send_invitation(&ctx, &member.workspace, &invitation, &token).await?;
    format::render()
        .status(StatusCode::CREATED)
        .json(InvitationResponse::from(&invitation))
}

#[debug_handler]
async fn resend_invitation(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, invitation_id)): Path<(String, String)>,
) -> Result<Response> {
    let invitation =
        invitations::Model::find_in(&ctx.db, member.workspace.id, &invitation_id).await?;
    let (invitation, token) = invitation.resend(&ctx.db, &member.actor()).await?;
    WorkspaceMailer::send_invitation(&ctx, &member.workspace, &invitation, &token).await?;
    format::json(InvitationResponse::from(&invitation))
}

#[debug_handler]
async fn revoke_invitation(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, invitation_id)): Path<(String, String)>,
) -> Result<Response> {
    let invitation =
        invitations::Model::find_in(&ctx.db, member.workspace.id, &invitation_id).await?;
    invitation.revoke(&ctx.db, &member.actor()).await?;
    format::render().status(StatusCode::NO_CONTENT).empty()
}

#[debug_handler]
async fn accept_invitation(
    State(ctx): State<AppContext>,
    caller: Caller,
    Path(token): Path<String>,
) -> Result<Response> {
    let (invitation, workspace) = invitations::Model::find_by_token(&ctx.db, &token)
        .await
        .map_err(|_| Error::NotFound)?;
    let membership = invitation
        .accept(&ctx.db, &caller.user, &caller.actor())
        .await?;
    format::json(WorkspaceResponse::new(&workspace, membership.role()))
}

#[debug_handler]
async fn audit(
    State(ctx): State<AppContext>,
    member: Member,
    Query(query): Query<AuditQuery>,
) -> Result<Response> {
    let limit = query.limit.unwrap_or(50).clamp(1, 200);
    let events =
        audit_events::Model::list(&ctx.db, member.workspace.id, query.before, limit).await?;
    format::json(
        events
            .iter()
            .map(AuditEventResponse::from)
            .collect::<Vec<_>>(),
    )
}

pub fn routes() -> Routes {
    Routes::new()
        .prefix("/api/v1")
        .add("/workspaces", post(create))
        .add("/workspaces", get(list))
        .add(
            "/workspaces/{workspace_id}",
            requires(WORKSPACE_READ, get(show)),
        )
        .add(
            "/workspaces/{workspace_id}",
            requires(WORKSPACE_UPDATE, patch(update)),
        )
        .add(
            "/workspaces/{workspace_id}",
            requires(WORKSPACE_DELETE, delete(destroy)),
        )
        .add(
            "/workspaces/{workspace_id}/members",
            requires(MEMBERS_READ, get(members)),
        )
        .add(
            "/workspaces/{workspace_id}/members/{user_id}",
            requires(MEMBERS_MANAGE, patch(change_role)),
        )
        .add(
            // Leaving needs only membership; removing others is checked inside.
            "/workspaces/{workspace_id}/members/{user_id}",
            requires(MEMBERS_READ, delete(remove_member)),
        )
        .add(
            "/workspaces/{workspace_id}/invitations",
            requires(INVITATIONS_READ, get(invitations)),
        )
        .add(
            "/workspaces/{workspace_id}/invitations",
            requires(INVITATIONS_MANAGE, post(invite)),
        )
        .add(
            "/workspaces/{workspace_id}/invitations/{invitation_id}/resend",
            requires(INVITATIONS_MANAGE, post(resend_invitation)),
        )
        .add(
            "/workspaces/{workspace_id}/invitations/{invitation_id}",
            requires(INVITATIONS_MANAGE, delete(revoke_invitation)),
        )
        .add(
            "/workspaces/{workspace_id}/audit",
            requires(AUDIT_READ, get(audit)),
        )
        .add("/invitations/{token}/accept", post(accept_invitation))
}
