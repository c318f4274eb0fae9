//! Access tokens for the API, made and revoked on the account settings page.

use axum::http::StatusCode;
use loco_rs::prelude::*;

use super::settings::{context, show_page};
use crate::{
    controllers::support::{
        render::redirect_with,
        web_session::{SignedIn, Visitor},
    },
    models::{
        api_tokens::{self, TokenParams},
        validation::FieldErrors,
    },
    views::{
        auth::{IssuedToken, SentToken},
        page::FormValues,
        urls,
    },
};

/// Makes an access token and shows it, this once.
#[debug_handler]
pub(super) async fn create_token(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    me: SignedIn,
    Form(params): Form<TokenParams>,
) -> Result<Response> {
    match api_tokens::Model::issue(&ctx.db, &me.user, &params).await {
        Ok((token, secret)) => {
            let mut page = context(&ctx, &me).await?;
            page.issued_token = Some(IssuedToken {
                secret,
                name: token.name,
            });
            show_page(&v, &visitor, StatusCode::OK, &page)
        }
        Err(err) => {
            let errors = FieldErrors::from_error(&err).ok_or(err)?;
            let mut page = context(&ctx, &me).await?;
            page.errors = Some([("token", errors)].into());
            page.token_form = FormValues::Sent(SentToken {
                name: params.name,
                expires_in_days: params.expires_in_days,
            });
            show_page(&v, &visitor, StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

#[debug_handler]
pub(super) async fn revoke_token(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    me: SignedIn,
    Path(token_id): Path<String>,
) -> Result<Response> {
    let token = api_tokens::Model::revoke(&ctx.db, me.user.id, &token_id).await?;
    redirect_with(
        &urls::account(),
        "notice",
        &visitor
            .lang
            .text_with("account-token-revoked", &[("name", token.name.into())]),
        &ctx,
        &[],
    )
}
