//! Budgets and notifications on the API:
//! `/api/v1/workspaces/{workspace_id}/budgets`, `.../notifications` and
//! `.../notification-settings`.

use axum::http::StatusCode;
use loco_rs::prelude::*;

use crate::{
    controllers::support::{
        access::{requires, Member},
        forms::ApiJson,
    },
    models::{
        budgets::{self, BudgetParams},
        memberships::MailPreferences,
        notifications,
        paging::{Page, PageQuery},
    },
    policies::{BUDGETS_MANAGE, BUDGETS_READ, WORKSPACE_READ},
    views::budgets::{BudgetList, BudgetResponse, NotificationListResponse, NotificationResponse},
};

#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/budgets",
    tag = "budgets",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), PageQuery),
    responses((status = 200, body = BudgetList), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn list(
    State(_ctx): State<AppContext>,
    member: Member,
    Query(page): Query<PageQuery>,
) -> Result<Response> {
    let standings = budgets::Model::standings(&member.db, &member.workspace).await?;
    let page = Page::of(standings, &page, "budgets", |s| {
        (s.budget.name.to_lowercase(), s.budget.id)
    })?;
    format::json(page.map(|s| BudgetResponse::new(s, &member.workspace.currency)))
}

#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/budgets",
    tag = "budgets",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    request_body = BudgetParams,
    responses((status = 201, body = BudgetResponse), (status = 422, description = "Invalid input; `errors` names each field"), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn create(
    State(ctx): State<AppContext>,
    member: Member,
    ApiJson(params): ApiJson<BudgetParams>,
) -> Result<Response> {
    let budget = budgets::Model::create(&member.tenant(&ctx).await?, &params).await?;
    let standing = budget.standing(&member.db, &member.workspace).await?;
    let body = BudgetResponse::new(&standing, &member.workspace.currency);
    member.commit_change(&ctx).await?;
    format::render().status(StatusCode::CREATED).json(body)
}

#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/budgets/{budget_id}",
    tag = "budgets",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), ("budget_id" = Uuid, Path, description = "The budget")),
    responses((status = 200, body = BudgetResponse), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn show(
    State(_ctx): State<AppContext>,
    member: Member,
    Path((_, budget_id)): Path<(String, String)>,
) -> Result<Response> {
    let standing = budgets::Model::find_in(&member.db, member.workspace.id, &budget_id)
        .await?
        .standing(&member.db, &member.workspace)
        .await?;
    format::json(BudgetResponse::new(&standing, &member.workspace.currency))
}

/// Changes the fields given; absent fields keep their value.
#[utoipa::path(
    patch,
    path = "/api/v1/workspaces/{workspace_id}/budgets/{budget_id}",
    tag = "budgets",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), ("budget_id" = Uuid, Path, description = "The budget")),
    request_body = BudgetParams,
    responses((status = 200, body = BudgetResponse), (status = 422, description = "Invalid input; `errors` names each field"), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn update(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, budget_id)): Path<(String, String)>,
    ApiJson(params): ApiJson<BudgetParams>,
) -> Result<Response> {
    let budget = budgets::Model::find_in(&member.db, member.workspace.id, &budget_id)
        .await?
        .update(&member.tenant(&ctx).await?, &params)
        .await?;
    let standing = budget.standing(&member.db, &member.workspace).await?;
    let body = BudgetResponse::new(&standing, &member.workspace.currency);
    member.commit_change(&ctx).await?;
    format::json(body)
}

#[utoipa::path(
    delete,
    path = "/api/v1/workspaces/{workspace_id}/budgets/{budget_id}",
    tag = "budgets",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), ("budget_id" = Uuid, Path, description = "The budget")),
    responses((status = 204, description = "Deleted, with its alerts"), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn destroy(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, budget_id)): Path<(String, String)>,
) -> Result<Response> {
    budgets::Model::find_in(&member.db, member.workspace.id, &budget_id)
        .await?
        .remove(&member.tenant(&ctx).await?)
        .await?;
    member.commit_change(&ctx).await?;
    format::render().status(StatusCode::NO_CONTENT).empty()
}

/// Your newest notifications in this workspace and how many are unread.
#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/notifications",
    tag = "notifications",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), PageQuery),
    responses((status = 200, body = NotificationListResponse), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn notifications_list(
    State(_ctx): State<AppContext>,
    member: Member,
    Query(page): Query<PageQuery>,
) -> Result<Response> {
    let user_id = member.user().id;
    let page = notifications::Model::page(&member.db, member.workspace.id, user_id, &page).await?;
    let unread =
        notifications::Model::unread_count(&member.db, member.workspace.id, user_id).await?;
    format::json(NotificationListResponse {
        unread,
        items: page.items.iter().map(NotificationResponse::from).collect(),
        next_cursor: page.next_cursor,
    })
}

/// Marks all your notifications in this workspace read.
#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/notifications/read",
    tag = "notifications",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    responses((status = 204, description = "All read"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn notifications_read(State(_ctx): State<AppContext>, member: Member) -> Result<Response> {
    notifications::Model::mark_all_read(&member.db, member.workspace.id, member.user().id).await?;
    member.commit().await?;
    format::render().status(StatusCode::NO_CONTENT).empty()
}

/// Which mails you get from this workspace.
#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/notification-settings",
    tag = "notifications",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    responses((status = 200, body = MailPreferences), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn settings_show(State(_ctx): State<AppContext>, member: Member) -> Result<Response> {
    format::json(member.membership.mail_preferences())
}

#[utoipa::path(
    put,
    path = "/api/v1/workspaces/{workspace_id}/notification-settings",
    tag = "notifications",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    request_body = MailPreferences,
    responses((status = 200, body = MailPreferences), (status = 422, description = "Invalid input"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn settings_update(
    State(_ctx): State<AppContext>,
    member: Member,
    ApiJson(preferences): ApiJson<MailPreferences>,
) -> Result<Response> {
    let saved = member
        .membership
        .set_mail_preferences(&member.db, preferences)
        .await?;
    member.commit().await?;
    format::json(saved.mail_preferences())
}

pub fn routes() -> Routes {
    let budgets = "/workspaces/{workspace_id}/budgets";
    let one = "/workspaces/{workspace_id}/budgets/{budget_id}";
    let notifications = "/workspaces/{workspace_id}/notifications";
    let settings = "/workspaces/{workspace_id}/notification-settings";
    Routes::new()
        .prefix("/api/v1")
        .add(budgets, requires(BUDGETS_READ, get(list)))
        .add(budgets, requires(BUDGETS_MANAGE, post(create)))
        .add(one, requires(BUDGETS_READ, get(show)))
        .add(one, requires(BUDGETS_MANAGE, patch(update)))
        .add(one, requires(BUDGETS_MANAGE, delete(destroy)))
        .add(
            notifications,
            requires(WORKSPACE_READ, get(notifications_list)),
        )
        .add(
            &format!("{notifications}/read"),
            requires(WORKSPACE_READ, post(notifications_read)),
        )
        .add(settings, requires(WORKSPACE_READ, get(settings_show)))
        .add(settings, requires(WORKSPACE_READ, put(settings_update)))
}
