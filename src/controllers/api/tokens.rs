//! Personal access tokens on the API: `/api/v1/tokens`. Managing tokens
//! needs a login token or the browser session: a leaked access token must
//! not be able to mint others that outlive its revocation.

use std::cmp::Reverse;

use axum::http::StatusCode;
use loco_rs::prelude::*;

use crate::{
    controllers::support::{access::Caller, forms::ApiJson},
    models::{
        api_tokens::{self, TokenParams},
        paging::{Page, PageQuery},
    },
    views::tokens::{IssuedTokenResponse, TokenList, TokenResponse},
};

const MANAGING: &str = "Access tokens cannot manage access tokens; sign in with your password (POST /api/auth/login) or use the account page.";

#[utoipa::path(
    get,
    path = "/api/v1/tokens",
    tag = "tokens",
    params(PageQuery),
    responses((status = 200, body = TokenList), (status = 403, description = "Your role does not allow it")),
    security(("login_token" = []))
)]
#[debug_handler]
async fn list(
    State(ctx): State<AppContext>,
    caller: Caller,
    Query(page): Query<PageQuery>,
) -> Result<Response> {
    caller.refuse_access_token(MANAGING)?;
    let tokens = api_tokens::Model::list_for_user(&ctx.db, caller.user.id).await?;
    let page = Page::of(tokens, &page, "tokens", |t| Reverse(t.id))?;
    format::json(page.map(TokenResponse::from))
}

#[utoipa::path(
    post,
    path = "/api/v1/tokens",
    tag = "tokens",
    request_body = TokenParams,
    responses((status = 201, body = IssuedTokenResponse), (status = 422, description = "Invalid input; `errors` names each field"), (status = 403, description = "Your role does not allow it")),
    security(("login_token" = []))
)]
#[debug_handler]
async fn create(
    State(ctx): State<AppContext>,
    caller: Caller,
    ApiJson(params): ApiJson<TokenParams>,
) -> Result<Response> {
    caller.refuse_access_token(MANAGING)?;
    let (token, secret) = api_tokens::Model::issue(&ctx.db, &caller.user, &params).await?;
    format::render()
        .status(StatusCode::CREATED)
        .json(IssuedTokenResponse {
            token: secret,
            details: TokenResponse::from(&token),
        })
}

#[utoipa::path(
    delete,
    path = "/api/v1/tokens/{token_id}",
    tag = "tokens",
    params(("token_id" = Uuid, Path, description = "The token")),
    responses((status = 204, description = "Revoked; it stops working at once"), (status = 403, description = "Your role does not allow it"), (status = 404, description = "No such thing in a workspace of yours")),
    security(("login_token" = []))
)]
#[debug_handler]
async fn revoke(
    State(ctx): State<AppContext>,
    caller: Caller,
    Path(token_id): Path<String>,
) -> Result<Response> {
    caller.refuse_access_token(MANAGING)?;
    api_tokens::Model::revoke(&ctx.db, caller.user.id, &token_id).await?;
    format::render().status(StatusCode::NO_CONTENT).empty()
}

pub fn routes() -> Routes {
    Routes::new()
        .prefix("/api/v1/tokens")
        .add("/", get(list))
        .add("/", post(create))
        .add("/{token_id}", delete(revoke))
}
