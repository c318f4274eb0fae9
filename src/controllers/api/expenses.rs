//! Expenses and categories on the API:
//! `/api/v1/workspaces/{workspace_id}/expenses` and `.../categories`.

use axum::http::{HeaderMap, StatusCode};
use loco_rs::prelude::*;
use serde::Deserialize;

use crate::{
    controllers::support::{
        access::{requires, requires_either, Member},
        forms::ApiJson,
    },
    models::{
        categories::{self, CategoryParams},
        expenses::{self, ExpenseFilter, ExpenseParams},
        idempotency_keys,
        paging::{Page, PageQuery},
        recurring_expenses::{self, RecurringChanges, RecurringParams},
    },
    policies::{
        CATEGORIES_MANAGE, CATEGORIES_READ, EXPENSES_CREATE, EXPENSES_DELETE_ANY,
        EXPENSES_DELETE_OWN, EXPENSES_READ, EXPENSES_UPDATE_ANY, EXPENSES_UPDATE_OWN,
        RECURRING_MANAGE, RECURRING_READ,
    },
    views::csv::CsvFlavour,
    views::expenses::{
        csv_download, CategoryList, CategoryResponse, ExpenseListResponse, ExpenseResponse,
        RecurringList, RecurringResponse,
    },
};

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct MoveTo {
    /// Category that takes the deleted one's expenses; none when left out.
    pub move_to: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/expenses",
    tag = "expenses",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), ExpenseFilter, PageQuery),
    responses((status = 200, body = ExpenseListResponse), (status = 422, description = "Invalid input; `errors` names each field"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn list(
    State(_ctx): State<AppContext>,
    member: Member,
    Query(filter): Query<ExpenseFilter>,
) -> Result<Response> {
    let listing = expenses::Model::list(&member.db, &member.workspace, &filter).await?;
    format::json(ExpenseListResponse::new(
        &listing,
        &member.workspace.currency,
    ))
}

/// The create's `Idempotency-Key` header, as the document describes it.
#[derive(Debug, utoipa::IntoParams)]
#[into_params(parameter_in = Header)]
#[allow(dead_code)] // read from the headers; here for the document only
struct CreateHeaders {
    /// Any string a client makes up per expense (a UUID, say): sent again
    /// with the same body within 24 hours, the answer is the first one's
    /// (the same `id`, nothing created twice); with another body, `409`.
    #[param(
        rename = "Idempotency-Key",
        min_length = 1,
        max_length = 255,
        pattern = r"^[ -~]*[!-~][ -~]*$"
    )]
    idempotency_key: Option<String>,
}

#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/expenses",
    tag = "expenses",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), CreateHeaders),
    request_body = ExpenseParams,
    responses((status = 201, body = ExpenseResponse), (status = 402, description = "The plan's limit is reached; `errors.upgrade_url` is the billing page"), (status = 422, description = "Invalid input; `errors` names each field"), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours"), (status = 409, description = "The `Idempotency-Key` was used for another body, or a request with it is still running")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn create(
    State(ctx): State<AppContext>,
    member: Member,
    headers: HeaderMap,
    ApiJson(params): ApiJson<ExpenseParams>,
) -> Result<Response> {
    let (workspace_id, user_id) = (member.workspace.id, member.user().id);
    let key = idempotency_keys::Key::of(
        headers.get(idempotency_keys::HEADER).map(|v| v.as_bytes()),
        &params,
    )?;
    if let Some(key) = &key {
        if let Some(answer) = key.answered(&member.db, workspace_id, user_id).await? {
            let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::CREATED);
            return format::render().status(status).json(answer.body);
        }
    }
    let expense = expenses::Model::record(&member.tenant(&ctx).await?, &params).await?;
    let expense = expense.detailed(&member.db).await?;
    let response = ExpenseResponse::new(&expense, &member.workspace.currency);
    if let Some(key) = &key {
        let answer = idempotency_keys::Answer {
            status: StatusCode::CREATED.as_u16(),
            body: serde_json::to_value(&response)?,
        };
        key.remember(&member.db, workspace_id, user_id, &answer)
            .await?;
    }
    member.commit_change(&ctx).await?;
    format::render().status(StatusCode::CREATED).json(response)
}

#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/expenses/{expense_id}",
    tag = "expenses",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), ("expense_id" = Uuid, Path, description = "The expense")),
    responses((status = 200, body = ExpenseResponse), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn show(
    State(_ctx): State<AppContext>,
    member: Member,
    Path((_, expense_id)): Path<(String, String)>,
) -> Result<Response> {
    let expense = expenses::Model::find_in(&member.db, member.workspace.id, &expense_id, false)
        .await?
        .detailed(&member.db)
        .await?;
    format::json(ExpenseResponse::new(&expense, &member.workspace.currency))
}

#[utoipa::path(
    patch,
    path = "/api/v1/workspaces/{workspace_id}/expenses/{expense_id}",
    tag = "expenses",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), ("expense_id" = Uuid, Path, description = "The expense")),
    request_body = ExpenseParams,
    responses((status = 200, body = ExpenseResponse), (status = 402, description = "The plan's limit is reached; `errors.upgrade_url` is the billing page"), (status = 422, description = "Invalid input; `errors` names each field"), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn update(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, expense_id)): Path<(String, String)>,
    ApiJson(params): ApiJson<ExpenseParams>,
) -> Result<Response> {
    let expense =
        expenses::Model::find_in(&member.db, member.workspace.id, &expense_id, false).await?;
    let updated = expense
        .revise(&member.tenant(&ctx).await?, &params)
        .await?
        .detailed(&member.db)
        .await?;
    let response = ExpenseResponse::new(&updated, &member.workspace.currency);
    member.commit_change(&ctx).await?;
    format::json(response)
}

/// 204; `POST .../restore` undoes it.
#[utoipa::path(
    delete,
    path = "/api/v1/workspaces/{workspace_id}/expenses/{expense_id}",
    tag = "expenses",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), ("expense_id" = Uuid, Path, description = "The expense")),
    responses((status = 204, description = "Deleted; `restore` undoes it"), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn destroy(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, expense_id)): Path<(String, String)>,
) -> Result<Response> {
    let expense =
        expenses::Model::find_in(&member.db, member.workspace.id, &expense_id, false).await?;
    expense.remove(&member.tenant(&ctx).await?).await?;
    member.commit_change(&ctx).await?;
    format::render().status(StatusCode::NO_CONTENT).empty()
}

#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/expenses/{expense_id}/restore",
    tag = "expenses",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), ("expense_id" = Uuid, Path, description = "The expense")),
    responses((status = 200, body = ExpenseResponse), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn restore(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, expense_id)): Path<(String, String)>,
) -> Result<Response> {
    let expense =
        expenses::Model::find_in(&member.db, member.workspace.id, &expense_id, true).await?;
    let restored = expense
        .restore(&member.tenant(&ctx).await?)
        .await?
        .detailed(&member.db)
        .await?;
    let response = ExpenseResponse::new(&restored, &member.workspace.currency);
    member.commit_change(&ctx).await?;
    format::json(response)
}

#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/categories",
    tag = "categories",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), PageQuery),
    responses((status = 200, body = CategoryList), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn categories_list(
    State(_ctx): State<AppContext>,
    member: Member,
    Query(page): Query<PageQuery>,
) -> Result<Response> {
    let list = categories::Model::list(&member.db, member.workspace.id).await?;
    let page = Page::of(list, &page, "categories", |c| (c.name.to_lowercase(), c.id))?;
    format::json(page.map(CategoryResponse::from))
}

#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/categories",
    tag = "categories",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    request_body = CategoryParams,
    responses((status = 201, body = CategoryResponse), (status = 422, description = "Invalid input; `errors` names each field"), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn category_create(
    State(ctx): State<AppContext>,
    member: Member,
    ApiJson(params): ApiJson<CategoryParams>,
) -> Result<Response> {
    let category = categories::Model::create(&member.tenant(&ctx).await?, &params).await?;
    member.commit_change(&ctx).await?;
    format::render()
        .status(StatusCode::CREATED)
        .json(CategoryResponse::from(&category))
}

#[utoipa::path(
    patch,
    path = "/api/v1/workspaces/{workspace_id}/categories/{category_id}",
    tag = "categories",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), ("category_id" = Uuid, Path, description = "The category")),
    request_body = CategoryParams,
    responses((status = 200, body = CategoryResponse), (status = 422, description = "Invalid input; `errors` names each field"), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn category_update(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, category_id)): Path<(String, String)>,
    ApiJson(params): ApiJson<CategoryParams>,
) -> Result<Response> {
    let category = categories::Model::find_in(&member.db, member.workspace.id, &category_id)
        .await?
        .update(&member.tenant(&ctx).await?, &params)
        .await?;
    member.commit_change(&ctx).await?;
    format::json(CategoryResponse::from(&category))
}

#[utoipa::path(
    delete,
    path = "/api/v1/workspaces/{workspace_id}/categories/{category_id}",
    tag = "categories",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), ("category_id" = Uuid, Path, description = "The category"), MoveTo),
    responses((status = 204, description = "Deleted; its expenses moved"), (status = 422, description = "Invalid input; `errors` names each field"), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn category_delete(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, category_id)): Path<(String, String)>,
    Query(target): Query<MoveTo>,
) -> Result<Response> {
    categories::Model::find_in(&member.db, member.workspace.id, &category_id)
        .await?
        .delete_moving(&member.tenant(&ctx).await?, target.move_to.as_deref())
        .await?;
    member.commit_change(&ctx).await?;
    format::render().status(StatusCode::NO_CONTENT).empty()
}

/// The expenses matching the list's filters as a CSV download; served at
/// `.../expenses.csv` on both the API and the pages.
#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/expenses.csv",
    tag = "expenses",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), ExpenseFilter),
    responses((status = 200, description = "The filtered list as CSV", content_type = "text/csv"), (status = 422, description = "Invalid input; `errors` names each field"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn export_csv(
    State(_ctx): State<AppContext>,
    member: Member,
    Query(filter): Query<ExpenseFilter>,
) -> Result<Response> {
    let found = expenses::Model::all_matching(&member.db, &member.workspace, &filter).await?;
    csv_download(&found, &member.workspace, CsvFlavour::Plain)
}

#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/recurring",
    tag = "recurring",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), PageQuery),
    responses((status = 200, body = RecurringList), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn recurring_list(
    State(_ctx): State<AppContext>,
    member: Member,
    Query(page): Query<PageQuery>,
) -> Result<Response> {
    let rules = recurring_expenses::Model::list(&member.db, member.workspace.id).await?;
    // The model's order: next due first, stopped ones last.
    let page = Page::of(rules, &page, "recurring", |r| {
        (r.next_on.is_none(), r.next_on, r.id)
    })?;
    format::json(page.map(RecurringResponse::from))
}

/// 201 with the rule; occurrences already due are created at once.
#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/recurring",
    tag = "recurring",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    request_body = RecurringParams,
    responses((status = 201, body = RecurringResponse), (status = 422, description = "Invalid input; `errors` names each field"), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn recurring_create(
    State(ctx): State<AppContext>,
    member: Member,
    ApiJson(params): ApiJson<RecurringParams>,
) -> Result<Response> {
    let rule = recurring_expenses::Model::create(&member.tenant(&ctx).await?, &params).await?;
    member.commit_change(&ctx).await?;
    format::render()
        .status(StatusCode::CREATED)
        .json(RecurringResponse::from(&rule))
}

/// Changes a rule: the fields sent replace the rule's, checked as when it
/// is set up. The expenses it already made stay as they are; the next date
/// is the first of the new schedule after the last date it made (never one
/// it made again). Occurrences due by then are created at once.
#[utoipa::path(
    patch,
    path = "/api/v1/workspaces/{workspace_id}/recurring/{recurring_id}",
    tag = "recurring",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), ("recurring_id" = Uuid, Path, description = "The rule")),
    request_body = RecurringChanges,
    responses((status = 200, body = RecurringResponse), (status = 422, description = "Invalid input; `errors` names each field"), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn recurring_update(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, recurring_id)): Path<(String, String)>,
    ApiJson(changes): ApiJson<RecurringChanges>,
) -> Result<Response> {
    let rule = recurring_expenses::Model::find_in(&member.db, member.workspace.id, &recurring_id)
        .await?
        .update(&member.tenant(&ctx).await?, &changes)
        .await?;
    member.commit_change(&ctx).await?;
    format::json(RecurringResponse::from(&rule))
}

/// Stops a rule; the expenses it made stay.
#[utoipa::path(
    delete,
    path = "/api/v1/workspaces/{workspace_id}/recurring/{recurring_id}",
    tag = "recurring",
    params(("workspace_id" = Uuid, Path, description = "The workspace"), ("recurring_id" = Uuid, Path, description = "The rule")),
    responses((status = 204, description = "Stopped; its expenses stay"), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []), ("access_token" = []))
)]
#[debug_handler]
async fn recurring_delete(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, recurring_id)): Path<(String, String)>,
) -> Result<Response> {
    recurring_expenses::Model::find_in(&member.db, member.workspace.id, &recurring_id)
        .await?
        .remove(&member.tenant(&ctx).await?)
        .await?;
    member.commit_change(&ctx).await?;
    format::render().status(StatusCode::NO_CONTENT).empty()
}

pub fn routes() -> Routes {
    let expenses = "/workspaces/{workspace_id}/expenses";
    let categories = "/workspaces/{workspace_id}/categories";
    Routes::new()
        .prefix("/api/v1")
        .add(expenses, requires(EXPENSES_READ, get(list)))
        .add(expenses, requires(EXPENSES_CREATE, post(create)))
        .add(
            "/workspaces/{workspace_id}/expenses.csv",
            requires(EXPENSES_READ, get(export_csv)),
        )
        .add(
            &format!("{expenses}/{{expense_id}}"),
            requires(EXPENSES_READ, get(show)),
        )
        // Changing needs any-or-own rights, checked against the expense.
        .add(
            &format!("{expenses}/{{expense_id}}"),
            requires_either(EXPENSES_UPDATE_ANY, EXPENSES_UPDATE_OWN, patch(update)),
        )
        .add(
            &format!("{expenses}/{{expense_id}}"),
            requires_either(EXPENSES_DELETE_ANY, EXPENSES_DELETE_OWN, delete(destroy)),
        )
        .add(
            &format!("{expenses}/{{expense_id}}/restore"),
            requires_either(EXPENSES_DELETE_ANY, EXPENSES_DELETE_OWN, post(restore)),
        )
        .add(
            "/workspaces/{workspace_id}/recurring",
            requires(RECURRING_READ, get(recurring_list)),
        )
        .add(
            "/workspaces/{workspace_id}/recurring",
            requires(RECURRING_MANAGE, post(recurring_create)),
        )
        .add(
            "/workspaces/{workspace_id}/recurring/{recurring_id}",
            requires(RECURRING_MANAGE, patch(recurring_update)),
        )
        .add(
            "/workspaces/{workspace_id}/recurring/{recurring_id}",
            requires(RECURRING_MANAGE, delete(recurring_delete)),
        )
        .add(categories, requires(CATEGORIES_READ, get(categories_list)))
        .add(
            categories,
            requires(CATEGORIES_MANAGE, post(category_create)),
        )
        .add(
            &format!("{categories}/{{category_id}}"),
            requires(CATEGORIES_MANAGE, patch(category_update)),
        )
        .add(
            &format!("{categories}/{{category_id}}"),
            requires(CATEGORIES_MANAGE, delete(category_delete)),
        )
}
