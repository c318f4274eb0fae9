//! Workspaces in the console: `/admin/workspaces` (search, filter, pages)
//! and `/admin/workspaces/{workspace_id}` (members and roles, plan and
//! subscription, usage) with suspend, member changes, deletion, and the
//! support view an owner may grant.
//!
//! Member changes act with the owner's authority (the same rules as the
//! members page: one owner, ownership moves only by transfer) and are
//! written both to the workspace's audit log, as the operator, and to the
//! platform audit log.

use fluent_templates::fluent_bundle::FluentValue;
use loco_rs::prelude::*;
use serde::Deserialize;
use serde_json::json;

use super::{answer, console_page, requires, when, ActionForm, ListQuery, Staff};
use crate::views::urls;
use crate::{
    controllers::support::{errors::back_with, render::redirect_with, web_session::Visitor},
    i18n::Lang,
    models::{
        _entities::workspaces as workspace_rows,
        audit_events::{self, Event},
        billing::{self, Usage},
        effects,
        expenses::{self, ExpenseFilter},
        memberships::{self, Role},
        platform, support_grants,
        tenancy::{self, Scope, Tenant},
        validation::FieldErrors,
        workspaces,
    },
    policies::{SUPPORT_VIEW, WORKSPACES_MANAGE, WORKSPACES_READ},
    views::{
        admin::{
            MemberLimit, MemberRow, SupportViewPage, ViewedMember, ViewedWorkspace,
            WorkspaceBilling, WorkspaceDetails, WorkspacePage, WorkspaceRights, WorkspaceRow,
            WorkspacesPage,
        },
        billing::iso_day,
    },
};

fn workspace_path(workspace: &workspaces::Model) -> String {
    urls::admin_workspace(workspace.pid)
}

async fn target(ctx: &AppContext, workspace_id: &str) -> Result<workspaces::Model> {
    let pid = Uuid::parse_str(workspace_id).map_err(|_| Error::NotFound)?;
    workspaces::Entity::find()
        .filter(workspace_rows::Column::Pid.eq(pid))
        .filter(workspace_rows::Column::DeletingAt.is_null())
        .one(&ctx.db)
        .await?
        .ok_or(Error::NotFound)
}

/// A transaction inside `workspace` (row-level security admits its rows).
/// The workspace's owner acting, for an operator's change made with the
/// owner's authority; the audit log names the operator.
async fn as_owner<'a>(
    ctx: &AppContext,
    txn: &'a sea_orm::DatabaseTransaction,
    workspace: &'a workspaces::Model,
    members: &'a [memberships::Member],
    staff: &Staff,
) -> Result<Tenant<'a>> {
    let owner = members
        .iter()
        .find(|m| m.membership.role() == Role::Owner)
        .ok_or_else(|| Error::string("workspace without an owner"))?;
    Tenant::member(ctx, txn, workspace, &owner.user, Role::Owner, staff.actor()).await
}

async fn scoped(
    ctx: &AppContext,
    workspace: &workspaces::Model,
    write: bool,
) -> Result<sea_orm::DatabaseTransaction> {
    let scope = Scope {
        workspace_id: Some(workspace.id),
        ..Scope::default()
    };
    Ok(if write {
        tenancy::begin(&ctx.db, scope).await?
    } else {
        tenancy::begin_read(&ctx.db, scope).await?
    })
}

#[debug_handler]
async fn index(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    staff: Staff,
    Query(query): Query<ListQuery>,
) -> Result<Response> {
    let (found, total) = platform::search_workspaces(
        &ctx.db,
        &query.q,
        query.only == "suspended",
        query.page_index(),
    )
    .await?;
    let rows: Vec<_> = found
        .iter()
        .map(|w| WorkspaceRow {
            id: w.pid,
            name: w.name.clone(),
            kind: w.kind.clone(),
            currency: w.currency.clone(),
            suspended: w.suspended_at.is_some(),
            created_at: w.created_at.format("%Y-%m-%d").to_string(),
        })
        .collect();
    console_page(
        &v,
        &visitor,
        staff.frame(&ctx).await?,
        "admin/workspaces.html",
        WorkspacesPage {
            workspaces: rows,
            pager: query.pager(total),
        },
    )
}

#[debug_handler]
async fn show(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    staff: Staff,
    Path(workspace_id): Path<String>,
) -> Result<Response> {
    let workspace = target(&ctx, &workspace_id).await?;
    let txn = scoped(&ctx, &workspace, false).await?;
    let members = memberships::Model::list(&txn, workspace.id).await?;
    let usage = Usage::of(&txn, workspace.id).await?;
    let grant = support_grants::Model::active(&txn, workspace.id).await?;
    let standing = billing::Standing::current(&ctx, &txn, &workspace).await?;
    txn.commit().await?;
    let data = WorkspacePage {
        workspace: WorkspaceDetails {
            id: workspace.pid,
            name: workspace.name.clone(),
            kind: workspace.kind.clone(),
            currency: workspace.currency.clone(),
            time_zone: workspace.time_zone.clone(),
            suspended: workspace.suspended_at.is_some(),
            created_at: when(&workspace.created_at),
        },
        members: members
            .iter()
            .map(|m| MemberRow {
                user_id: m.user.pid,
                name: m.user.name.clone(),
                email: m.user.email.clone(),
                role: m.membership.role.clone(),
            })
            .collect(),
        roles: Role::GRANTABLE.iter().map(|r| r.as_str()).collect(),
        usage,
        billing: standing.map(|s| WorkspaceBilling {
            status: s.account.as_ref().and_then(|a| a.status.clone()),
            customer: s.account.as_ref().map(|a| a.customer_id.clone()),
            period_end: s
                .account
                .as_ref()
                .and_then(|a| a.current_period_end.as_ref())
                .map(iso_day),
            limits: s.plan.limits.members.map(|members| MemberLimit { members }),
            plan: s.plan.name,
            state: s.state,
        }),
        support_until: grant.map(|g| iso_day(&g.expires_at)),
        can: WorkspaceRights {
            manage: staff.may(&ctx, WORKSPACES_MANAGE).await?,
            view: staff.may(&ctx, SUPPORT_VIEW).await?,
        },
    };
    console_page(
        &v,
        &visitor,
        staff.frame(&ctx).await?,
        "admin/workspace.html",
        data,
    )
}

#[debug_handler]
async fn suspend(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    staff: Staff,
    Path(workspace_id): Path<String>,
) -> Result<Response> {
    let lang = visitor.lang;
    let workspace = target(&ctx, &workspace_id).await?;
    let outcome = platform::set_suspended(&ctx.db, &staff.actor(), &workspace, true)
        .await
        .map(|w| lang.text_with("console-done-suspended", &[("name", w.name.into())]));
    answer(&ctx, lang, &workspace_path(&workspace), outcome)
}

#[debug_handler]
async fn unsuspend(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    staff: Staff,
    Path(workspace_id): Path<String>,
) -> Result<Response> {
    let lang = visitor.lang;
    let workspace = target(&ctx, &workspace_id).await?;
    let outcome = platform::set_suspended(&ctx.db, &staff.actor(), &workspace, false)
        .await
        .map(|w| lang.text_with("console-done-unsuspended", &[("name", w.name.into())]));
    answer(&ctx, lang, &workspace_path(&workspace), outcome)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MemberForm {
    pub role: String,
    pub password: String,
}

/// Changes a member's role (`owner` transfers ownership), or with
/// `remove` removes them, with the owner's authority; what was done, in
/// `lang` (the audit logs keep it in English).
async fn change_member(
    ctx: &AppContext,
    lang: Lang,
    staff: &Staff,
    workspace: &workspaces::Model,
    user_id: &str,
    role: Option<&str>,
) -> Result<String> {
    let txn = scoped(ctx, workspace, true).await?;
    let members = memberships::Model::list(&txn, workspace.id).await?;
    let target = members
        .iter()
        .find(|m| m.user.pid.to_string() == user_id)
        .ok_or(Error::NotFound)?;
    let actor = staff.actor();
    let tenant = as_owner(ctx, &txn, workspace, &members, staff).await?;
    let email = || FluentValue::from(target.user.email.clone());
    let (done, notice) = match role {
        Some(role) => {
            memberships::Model::change_role(&tenant, target, role).await?;
            (
                format!("{} is now {role}.", target.user.email),
                lang.text_with(
                    "console-done-member-role",
                    &[
                        ("email", email()),
                        ("role", lang.text(&format!("role-{role}")).into()),
                    ],
                ),
            )
        }
        None => {
            memberships::Model::remove(&tenant, target).await?;
            (
                format!("{} was removed.", target.user.email),
                lang.text_with("console-done-member-removed", &[("email", email())]),
            )
        }
    };
    let done_effects = tenant.take_effects();
    platform::record(
        &txn,
        &actor,
        platform::Entry {
            action: if role.is_some() {
                "workspace.member_role_changed"
            } else {
                "workspace.member_removed"
            },
            target: platform::target_of_workspace(workspace),
            summary: format!("in \"{}\": {done}", workspace.name),
            before: Some(json!({ "user": target.user.email, "role": target.membership.role })),
            after: role.map(|r| json!({ "user": target.user.email, "role": r })),
        },
    )
    .await?;
    effects::commit(ctx, txn, workspace, done_effects).await?;
    Ok(notice)
}

#[debug_handler]
async fn member_role(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    staff: Staff,
    Path((workspace_id, user_id)): Path<(String, String)>,
    Form(form): Form<MemberForm>,
) -> Result<Response> {
    let lang = visitor.lang;
    let workspace = target(&ctx, &workspace_id).await?;
    let outcome = async {
        if form.role.trim() == Role::Owner.as_str() {
            staff.reauthenticate(&ctx, &form.password).await?;
        }
        let role = Some(form.role.trim());
        change_member(&ctx, lang, &staff, &workspace, &user_id, role).await
    }
    .await;
    answer(&ctx, lang, &workspace_path(&workspace), outcome)
}

#[debug_handler]
async fn member_remove(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    staff: Staff,
    Path((workspace_id, user_id)): Path<(String, String)>,
) -> Result<Response> {
    let lang = visitor.lang;
    let workspace = target(&ctx, &workspace_id).await?;
    let outcome = change_member(&ctx, lang, &staff, &workspace, &user_id, None).await;
    answer(&ctx, lang, &workspace_path(&workspace), outcome)
}

/// Deletes the workspace: its name typed and the operator's password.
#[debug_handler]
async fn delete(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    staff: Staff,
    Path(workspace_id): Path<String>,
    Form(form): Form<ActionForm>,
) -> Result<Response> {
    let lang = visitor.lang;
    let workspace = target(&ctx, &workspace_id).await?;
    let outcome = async {
        staff.reauthenticate(&ctx, &form.password).await?;
        let txn = scoped(&ctx, &workspace, true).await?;
        let members = memberships::Model::list(&txn, workspace.id).await?;
        let tenant = as_owner(&ctx, &txn, &workspace, &members, &staff).await?;
        workspaces::Model::request_deletion(&tenant, &form.confirm).await?;
        let done = tenant.take_effects();
        platform::note(
            &txn,
            &staff.actor(),
            "workspace.deleted",
            platform::target_of_workspace(&workspace),
            format!("deleted \"{}\"", workspace.name),
        )
        .await?;
        effects::commit(&ctx, txn, &workspace, done).await
    }
    .await;
    match outcome {
        Ok(()) => redirect_with(
            &urls::admin_workspaces(),
            "notice",
            &lang.text_with(
                "console-done-workspace-deleting",
                &[("name", workspace.name.clone().into())],
            ),
            &ctx,
            &[],
        ),
        Err(err) => back_with(&ctx, lang, &workspace_path(&workspace), err),
    }
}

/// Reads the workspace as a viewer would, while its owner's grant runs;
/// the view is written to the workspace's audit log, which the owner reads.
#[debug_handler]
async fn support_view(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    staff: Staff,
    Path(workspace_id): Path<String>,
) -> Result<Response> {
    let workspace = target(&ctx, &workspace_id).await?;
    let txn = scoped(&ctx, &workspace, true).await?;
    let Some(grant) = support_grants::Model::active(&txn, workspace.id).await? else {
        return back_with(
            &ctx,
            visitor.lang,
            &workspace_path(&workspace),
            FieldErrors::one(
                "support_access",
                "the owner has not granted support access (they can, in the workspace settings)",
            )
            .into(),
        );
    };
    audit_events::Model::record(
        &txn,
        workspace.id,
        &staff.actor(),
        Event {
            action: "support_access.viewed",
            summary: "support staff viewed the workspace".to_string(),
            before: None,
            after: None,
        },
    )
    .await?;
    let listing = expenses::Model::list(&txn, &workspace, &ExpenseFilter::default()).await?;
    let members = memberships::Model::list(&txn, workspace.id).await?;
    txn.commit().await?;
    let data = SupportViewPage {
        until: iso_day(&grant.expires_at),
        members: members
            .iter()
            .map(|m| ViewedMember {
                name: m.user.name.clone(),
                role: m.membership.role.clone(),
            })
            .collect(),
        expenses: crate::views::expenses::ExpenseListResponse::new(&listing, &workspace.currency),
        workspace: ViewedWorkspace {
            id: workspace.pid,
            name: workspace.name.clone(),
            currency: workspace.currency.clone(),
        },
    };
    console_page(
        &v,
        &visitor,
        staff.frame(&ctx).await?,
        "admin/support_view.html",
        data,
    )
}

pub fn routes() -> Routes {
    let one = "/admin/workspaces/{workspace_id}";
    Routes::new()
        .add("/admin/workspaces", requires(WORKSPACES_READ, get(index)))
        .add(one, requires(WORKSPACES_READ, get(show)))
        .add(
            &format!("{one}/suspend"),
            requires(WORKSPACES_MANAGE, post(suspend)),
        )
        .add(
            &format!("{one}/unsuspend"),
            requires(WORKSPACES_MANAGE, post(unsuspend)),
        )
        .add(
            &format!("{one}/members/{{user_id}}/role"),
            requires(WORKSPACES_MANAGE, post(member_role)),
        )
        .add(
            &format!("{one}/members/{{user_id}}/remove"),
            requires(WORKSPACES_MANAGE, post(member_remove)),
        )
        .add(
            &format!("{one}/delete"),
            requires(WORKSPACES_MANAGE, post(delete)),
        )
        .add(
            &format!("{one}/view"),
            requires(SUPPORT_VIEW, get(support_view)),
        )
}
