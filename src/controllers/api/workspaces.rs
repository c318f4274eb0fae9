//! The workspace API: `/api/v1/workspaces/...`, bearer tokens, JSON.

use std::cmp::Reverse;

use axum::http::StatusCode;
use loco_rs::prelude::*;

use crate::{
    controllers::support::{
        access::{requires, requires_either, Caller, Member},
        forms::{ApiJson, DeleteParams, RoleParams},
        throttle::{AuthThrottle, Resend},
    },
    models::{
        audit_events,
        invitations::{self, InviteParams},
        memberships,
        paging::{Page, PageQuery},
        workspaces::{self, CreateParams, UpdateParams},
    },
    policies::{
        AUDIT_READ, INVITATIONS_MANAGE, INVITATIONS_READ, MEMBERS_LEAVE, MEMBERS_MANAGE,
        MEMBERS_READ, WORKSPACE_DELETE, WORKSPACE_READ, WORKSPACE_UPDATE,
    },
    views::workspaces::{
        AuditEventList, AuditEventResponse, InvitationList, InvitationResponse, MemberList,
        MemberResponse, WorkspaceList, WorkspaceResponse,
    },
};

#[utoipa::path(
    post,
    path = "/api/v1/workspaces",
    tag = "workspaces",
    request_body = CreateParams,
    responses((status = 201, body = WorkspaceResponse), (status = 422, description = "Invalid input; `errors` names each field")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn create(
    State(ctx): State<AppContext>,
    caller: Caller,
    ApiJson(params): ApiJson<CreateParams>,
) -> Result<Response> {
    let db = caller.transaction(&ctx).await?;
    let created = workspaces::Model::create(&db, &caller.user, &caller.actor(), &params).await?;
    db.commit().await?;
    format::render()
        .status(StatusCode::CREATED)
        .json(WorkspaceResponse::from(&created))
}

#[utoipa::path(
    get,
    path = "/api/v1/workspaces",
    tag = "workspaces",
    params(PageQuery),
    responses((status = 200, body = WorkspaceList)),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn list(
    State(ctx): State<AppContext>,
    caller: Caller,
    Query(page): Query<PageQuery>,
) -> Result<Response> {
    let db = caller.transaction(&ctx).await?;
    let list = workspaces::Model::list_for_user(&db, caller.user.id).await?;
    let page = Page::of(list, &page, "workspaces", |w| {
        (w.workspace.name.to_lowercase(), w.workspace.id)
    })?;
    format::json(page.map(WorkspaceResponse::from))
}

#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}",
    tag = "workspaces",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    responses((status = 200, body = WorkspaceResponse), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn show(State(_ctx): State<AppContext>, member: Member) -> Result<Response> {
    format::json(WorkspaceResponse::new(&member.workspace, member.role()))
}

#[utoipa::path(
    patch,
    path = "/api/v1/workspaces/{workspace_id}",
    tag = "workspaces",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    request_body = UpdateParams,
    responses((status = 200, body = WorkspaceResponse), (status = 422, description = "Invalid input; `errors` names each field"), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn update(
    State(ctx): State<AppContext>,
    member: Member,
    ApiJson(params): ApiJson<UpdateParams>,
) -> Result<Response> {
    let updated = workspaces::Model::update_settings(&member.tenant(&ctx).await?, &params).await?;
    let response = WorkspaceResponse::new(&updated, member.role());
    member.commit_change(&ctx).await?;
    format::json(response)
}

/// 202: the workspace is gone for everyone now; its data goes in a job.
#[utoipa::path(
    delete,
    path = "/api/v1/workspaces/{workspace_id}",
    tag = "workspaces",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    request_body = DeleteParams,
    responses((status = 202, description = "Hidden now; its data is removed in the background"), (status = 422, description = "Invalid input; `errors` names each field"), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn destroy(
    State(ctx): State<AppContext>,
    member: Member,
    ApiJson(params): ApiJson<DeleteParams>,
) -> Result<Response> {
    workspaces::Model::request_deletion(&member.tenant(&ctx).await?, &params.confirm).await?;
    member.commit_change(&ctx).await?;
    format::render()
        .status(StatusCode::ACCEPTED)
        .json(serde_json::json!({}))
}

#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/members",
    tag = "members",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), PageQuery),
    responses((status = 200, body = MemberList), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn members(
    State(_ctx): State<AppContext>,
    member: Member,
    Query(page): Query<PageQuery>,
) -> Result<Response> {
    let list = memberships::Model::list(&member.db, member.workspace.id).await?;
    // The model's order: owners first, then by name.
    let page = Page::of(list, &page, "members", |m| {
        (
            Reverse(m.membership.role() as u8),
            m.user.name.to_lowercase(),
            m.user.id,
        )
    })?;
    format::json(page.map(MemberResponse::from))
}

#[utoipa::path(
    patch,
    path = "/api/v1/workspaces/{workspace_id}/members/{user_id}",
    tag = "members",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), ("user_id" = Uuid, Path, description = "The member's user id")),
    request_body = RoleParams,
    responses((status = 200, body = MemberResponse), (status = 422, description = "Invalid input; `errors` names each field"), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn change_role(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, user_id)): Path<(String, String)>,
    ApiJson(params): ApiJson<RoleParams>,
) -> Result<Response> {
    let target = memberships::Model::find_member(&member.db, member.workspace.id, &user_id).await?;
    memberships::Model::change_role(&member.tenant(&ctx).await?, &target, &params.role).await?;
    let updated =
        memberships::Model::find_member(&member.db, member.workspace.id, &user_id).await?;
    member.commit_change(&ctx).await?;
    format::json(MemberResponse::from(&updated))
}

/// Removes a member; a member removing themselves leaves.
#[utoipa::path(
    delete,
    path = "/api/v1/workspaces/{workspace_id}/members/{user_id}",
    tag = "members",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), ("user_id" = Uuid, Path, description = "The member's user id")),
    responses((status = 204, description = "Removed (or left)"), (status = 422, description = "Invalid input; `errors` names each field"), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn remove_member(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, user_id)): Path<(String, String)>,
) -> Result<Response> {
    let target = memberships::Model::find_member(&member.db, member.workspace.id, &user_id).await?;
    memberships::Model::remove(&member.tenant(&ctx).await?, &target).await?;
    member.commit_change(&ctx).await?;
    format::render().status(StatusCode::NO_CONTENT).empty()
}

#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/invitations",
    tag = "invitations",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), PageQuery),
    responses((status = 200, body = InvitationList), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn invitations(
    State(_ctx): State<AppContext>,
    member: Member,
    Query(page): Query<PageQuery>,
) -> Result<Response> {
    let list = invitations::Model::pending(&member.db, member.workspace.id).await?;
    let page = Page::of(list, &page, "invitations", |i| Reverse(i.id))?;
    format::json(page.map(InvitationResponse::from))
}

#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/invitations",
    tag = "invitations",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    request_body = InviteParams,
    responses((status = 201, body = InvitationResponse), (status = 402, description = "The plan's member limit is reached (pending invitations count)"), (status = 422, description = "Invalid input; `errors` names each field"), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn invite(
    State(ctx): State<AppContext>,
    member: Member,
    ApiJson(params): ApiJson<InviteParams>,
) -> Result<Response> {
    let invitation = invitations::Model::invite(&member.tenant(&ctx).await?, &params).await?;
    member.commit_change(&ctx).await?;
    format::render()
        .status(StatusCode::CREATED)
        .json(InvitationResponse::from(&invitation))
}

#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/invitations/{invitation_id}/resend",
    tag = "invitations",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), ("invitation_id" = Uuid, Path, description = "The invitation")),
    responses((status = 200, body = InvitationResponse), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours"), (status = 429, description = "Sent too often; `Retry-After` says when to try again")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn resend_invitation(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, invitation_id)): Path<(String, String)>,
) -> Result<Response> {
    let invitation =
        invitations::Model::find_in(&member.db, member.workspace.id, &invitation_id).await?;
    if let Err(throttled) =
        AuthThrottle::resend(&ctx, &member.db, Resend::Invitation(&invitation)).await?
    {
        return throttled.json();
    }
    let invitation = invitation.resend(&member.tenant(&ctx).await?).await?;
    member.commit_change(&ctx).await?;
    format::json(InvitationResponse::from(&invitation))
}

#[utoipa::path(
    delete,
    path = "/api/v1/workspaces/{workspace_id}/invitations/{invitation_id}",
    tag = "invitations",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), ("invitation_id" = Uuid, Path, description = "The invitation")),
    responses((status = 204, description = "Revoked"), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn revoke_invitation(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, invitation_id)): Path<(String, String)>,
) -> Result<Response> {
    let invitation =
        invitations::Model::find_in(&member.db, member.workspace.id, &invitation_id).await?;
    invitation.revoke(&member.tenant(&ctx).await?).await?;
    member.commit_change(&ctx).await?;
    format::render().status(StatusCode::NO_CONTENT).empty()
}

#[utoipa::path(
    post,
    path = "/api/v1/invitations/{token}/accept",
    tag = "invitations",
    params(("token" = String, Path, description = "The token from the mailed link")),
    responses((status = 200, body = WorkspaceResponse), (status = 422, description = "Invalid input; `errors` names each field"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn accept_invitation(
    State(ctx): State<AppContext>,
    caller: Caller,
    Path(token): Path<String>,
) -> Result<Response> {
    let db = invitations::Model::transaction_for_token(&ctx.db, Some(&caller.user), &token).await?;
    let (invitation, workspace) = invitations::Model::find_by_token(&db, &token)
        .await
        .map_err(|_| Error::NotFound)?;
    let membership = invitation
        .accept(&db, &caller.user, &caller.actor())
        .await?;
    db.commit().await?;
    format::json(WorkspaceResponse::new(&workspace, membership.role()))
}

#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/audit",
    tag = "workspaces",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), PageQuery),
    responses((status = 200, body = AuditEventList), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn audit(
    State(_ctx): State<AppContext>,
    member: Member,
    Query(query): Query<PageQuery>,
) -> Result<Response> {
    let events = audit_events::Model::list(&member.db, member.workspace.id, &query).await?;
    format::json(events.map(AuditEventResponse::from))
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
            requires_either(MEMBERS_MANAGE, MEMBERS_LEAVE, delete(remove_member)),
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
