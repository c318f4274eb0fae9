//! The categories page (`/w/{workspace_id}/categories`): the list with how
//! many expenses each holds; owners and admins add, rename, recolour and
//! delete them, choosing where a deleted category's expenses go.

use axum::http::StatusCode;
use loco_rs::prelude::*;
use serde::Deserialize;

use super::{render, workspaces::frame};
use crate::{
    controllers::support::{
        access::{requires, Member},
        errors::refusal,
        render::redirect_with,
        web_session::Visitor,
    },
    models::{
        categories::{self, CategoryParams},
        validation::FieldErrors,
    },
    policies::{CATEGORIES_MANAGE, CATEGORIES_READ},
    views::{
        categories::{CategoriesPage, CategoryRow, NewCategory, SentCategory},
        expenses::CategoryResponse,
        page::{FormValues, InWorkspace},
        urls,
    },
};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DeleteForm {
    /// Where the expenses go; empty for no category.
    pub move_to: String,
}

async fn categories_page(
    ctx: &AppContext,
    v: &TeraView,
    visitor: &Visitor,
    member: &Member,
    status: StatusCode,
    sent: Option<(SentCategory, serde_json::Value)>,
) -> Result<Response> {
    let list = categories::Model::list(&member.db, member.workspace.id).await?;
    let usage = categories::Model::usage(&member.db, member.workspace.id).await?;
    let rows = list
        .iter()
        .map(|c| CategoryRow {
            category: CategoryResponse::from(c),
            parent: c
                .parent_id
                .and_then(|p| list.iter().find(|other| other.id == p))
                .map(|p| p.name.clone()),
            expenses: usage.get(&c.id).copied().unwrap_or_default(),
        })
        .collect();
    let (form, errors) = FormValues::sent_or(sent, || NewCategory { color: "#868e96" });
    let context = InWorkspace {
        frame: frame(ctx, member).await?,
        page: CategoriesPage {
            rows,
            categories: list.iter().map(CategoryResponse::from).collect(),
            form,
            errors,
        },
    };
    render(v, visitor, status, "categories/index.html", &context)
}

#[debug_handler]
async fn index(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
) -> Result<Response> {
    categories_page(&ctx, &v, &visitor, &member, StatusCode::OK, None).await
}

#[debug_handler]
async fn create(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
    Form(params): Form<CategoryParams>,
) -> Result<Response> {
    let created = async {
        Ok::<_, Error>(categories::Model::create(&member.tenant(&ctx).await?, &params).await?)
    }
    .await;
    match created {
        Ok(category) => {
            let to = urls::categories(member.workspace.pid);
            member.commit_change(&ctx).await?;
            redirect_with(
                &to,
                "notice",
                &visitor
                    .lang
                    .text_with("category-added", &[("name", category.name.clone().into())]),
                &ctx,
                &[],
            )
        }
        Err(err) => {
            let Some(errors) = FieldErrors::from_error(&err) else {
                return Err(err);
            };
            let form = SentCategory {
                name: params.name,
                color: params.color,
                parent_id: params.parent_id,
            };
            categories_page(
                &ctx,
                &v,
                &visitor,
                &member,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some((form, errors)),
            )
            .await
        }
    }
}

/// Renames or recolours; a refusal comes back as a message on the list.
#[debug_handler]
async fn update(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    member: Member,
    Path((_, category_id)): Path<(String, String)>,
    Form(params): Form<CategoryParams>,
) -> Result<Response> {
    let to = urls::categories(member.workspace.pid);
    let category =
        categories::Model::find_in(&member.db, member.workspace.id, &category_id).await?;
    let updated = async {
        Ok::<_, Error>(
            category
                .update(&member.tenant(&ctx).await?, &params)
                .await?,
        )
    }
    .await;
    match updated {
        Ok(updated) => {
            member.commit_change(&ctx).await?;
            redirect_with(
                &to,
                "notice",
                &visitor
                    .lang
                    .text_with("category-saved", &[("name", updated.name.clone().into())]),
                &ctx,
                &[],
            )
        }
        Err(err) => {
            let message = refusal(&err, visitor.lang).ok_or(err)?;
            redirect_with(&to, "alert", &message, &ctx, &[])
        }
    }
}

#[debug_handler]
async fn destroy(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    member: Member,
    Path((_, category_id)): Path<(String, String)>,
    Form(form): Form<DeleteForm>,
) -> Result<Response> {
    let to = urls::categories(member.workspace.pid);
    let category =
        categories::Model::find_in(&member.db, member.workspace.id, &category_id).await?;
    let name = category.name.clone();
    let deleted = async {
        let tenant = member.tenant(&ctx).await?;
        Ok::<_, Error>(
            category
                .delete_moving(&tenant, Some(form.move_to.as_str()))
                .await?,
        )
    }
    .await;
    match deleted {
        Ok(()) => {
            member.commit_change(&ctx).await?;
            redirect_with(
                &to,
                "notice",
                &visitor
                    .lang
                    .text_with("category-deleted", &[("name", name.into())]),
                &ctx,
                &[],
            )
        }
        Err(err) => {
            let message = refusal(&err, visitor.lang).ok_or(err)?;
            redirect_with(&to, "alert", &message, &ctx, &[])
        }
    }
}

pub fn routes() -> Routes {
    let list = "/w/{workspace_id}/categories";
    let one = "/w/{workspace_id}/categories/{category_id}";
    Routes::new()
        .add(list, requires(CATEGORIES_READ, get(index)))
        .add(list, requires(CATEGORIES_MANAGE, post(create)))
        .add(one, requires(CATEGORIES_MANAGE, post(update)))
        .add(
            &format!("{one}/delete"),
            requires(CATEGORIES_MANAGE, post(destroy)),
        )
}
