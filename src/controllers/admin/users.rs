//! Accounts in the console: `/admin/users` (search, filter, pages) and
//! `/admin/users/{user_id}` (details, workspaces, sessions) with the actions
//! on an account.

use fluent_templates::fluent_bundle::FluentValue;
use loco_rs::prelude::*;
use sea_orm::QueryOrder;

use super::{answer, console_page, requires, when, ActionForm, ListQuery, Staff};
use crate::views::{
    admin::{
        AuditLine, SessionRow, UserDetails, UserPage, UserRights, UserRow, UserWorkspace, UsersPage,
    },
    urls,
};
use crate::{
    controllers::support::{
        errors::back_with,
        render::redirect_with,
        throttle::{AuthThrottle, Resend},
        web_session::Visitor,
    },
    i18n::Lang,
    mailers::Mail,
    models::{
        _entities::{memberships, sessions, workspaces},
        platform::{self, PlatformRole},
        tenancy::{self, Scope},
        users,
    },
    policies::{PLATFORM_ROLES_MANAGE, USERS_MANAGE, USERS_READ, USERS_SUPPORT},
};

fn user_path(user: &users::Model) -> String {
    urls::admin_user(user.pid)
}

/// The account the path names; 404 for one that does not exist (or was deleted).
async fn target(ctx: &AppContext, user_id: &str) -> Result<users::Model> {
    users::Model::find_by_pid(&ctx.db, user_id)
        .await
        .map_err(|_| Error::NotFound)
}

#[debug_handler]
async fn index(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    staff: Staff,
    Query(query): Query<ListQuery>,
) -> Result<Response> {
    let (found, total) = platform::search_users(
        &ctx.db,
        &query.q,
        query.only == "locked",
        query.page_index(),
    )
    .await?;
    let rows: Vec<_> = found
        .iter()
        .map(|u| UserRow {
            id: u.pid,
            name: u.name.clone(),
            email: u.email.clone(),
            verified: u.is_verified(),
            locked: u.is_locked(),
            created_at: u.created_at.format("%Y-%m-%d").to_string(),
        })
        .collect();
    console_page(
        &v,
        &visitor,
        staff.frame(&ctx).await?,
        "admin/users.html",
        UsersPage {
            users: rows,
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
    Path(user_id): Path<String>,
) -> Result<Response> {
    let user = target(&ctx, &user_id).await?;
    // Their memberships, read as them (row-level security admits a user's own).
    let txn = tenancy::begin_read(
        &ctx.db,
        Scope {
            user_id: Some(user.id),
            ..Scope::default()
        },
    )
    .await?;
    let joined = memberships::Entity::find()
        .filter(memberships::Column::UserId.eq(user.id))
        .find_also_related(workspaces::Entity)
        .all(&txn)
        .await?;
    txn.commit().await?;
    let sessions = sessions::Entity::find()
        .filter(sessions::Column::UserId.eq(user.id))
        .order_by_desc(sessions::Column::LastSeenAt)
        .all(&ctx.db)
        .await?;
    let roles = platform::roles_of(&ctx.db, user.id).await?;
    let (audit, _) =
        platform::audit_page(&ctx.db, None, Some(&platform::target_of_user(&user)), 0).await?;
    let data = UserPage {
        user: UserDetails {
            id: user.pid,
            name: user.name.clone(),
            email: user.email.clone(),
            pending_email: user.pending_email.clone(),
            verified: user.is_verified(),
            locked: user.is_locked(),
            locked_at: user.locked_at.as_ref().map(when),
            created_at: when(&user.created_at),
            is_me: user.id == staff.caller.user.id,
        },
        workspaces: joined
            .iter()
            .filter_map(|(m, w)| {
                w.as_ref().map(|w| UserWorkspace {
                    id: w.pid,
                    name: w.name.clone(),
                    role: m.role.clone(),
                    deleting: w.deleting_at.is_some(),
                })
            })
            .collect(),
        sessions: sessions
            .iter()
            .map(|s| SessionRow {
                id: s.id,
                ip: s.ip.clone(),
                user_agent: s.user_agent.clone(),
                last_seen_at: when(&s.last_seen_at),
                created_at: when(&s.created_at),
            })
            .collect(),
        roles,
        all_roles: PlatformRole::ALL,
        audit: audit
            .iter()
            .map(|e| AuditLine {
                at: when(&e.created_at),
                actor: e.actor_name.clone(),
                summary: visitor.lang.audit_summary(&e.summary),
            })
            .collect(),
        can: UserRights {
            manage: staff.may(&ctx, USERS_MANAGE).await?,
            support: staff.may(&ctx, USERS_SUPPORT).await?,
            roles: staff.may(&ctx, PLATFORM_ROLES_MANAGE).await?,
        },
    };
    console_page(
        &v,
        &visitor,
        staff.frame(&ctx).await?,
        "admin/user.html",
        data,
    )
}

#[debug_handler]
async fn lock(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    staff: Staff,
    Path(user_id): Path<String>,
) -> Result<Response> {
    let lang = visitor.lang;
    let user = target(&ctx, &user_id).await?;
    let outcome = platform::lock(&ctx.db, &staff.actor(), &user)
        .await
        .map(|u| lang.text_with("console-done-locked", &[("email", u.email.into())]));
    answer(&ctx, lang, &user_path(&user), outcome)
}

#[debug_handler]
async fn unlock(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    staff: Staff,
    Path(user_id): Path<String>,
) -> Result<Response> {
    let lang = visitor.lang;
    let user = target(&ctx, &user_id).await?;
    let outcome = platform::unlock(&ctx.db, &staff.actor(), &user)
        .await
        .map(|u| lang.text_with("console-done-unlocked", &[("email", u.email.into())]));
    answer(&ctx, lang, &user_path(&user), outcome)
}

#[debug_handler]
async fn end_session(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    staff: Staff,
    Path((user_id, session_id)): Path<(String, i64)>,
) -> Result<Response> {
    let lang = visitor.lang;
    let user = target(&ctx, &user_id).await?;
    let outcome = platform::end_sessions(&ctx.db, &staff.actor(), &user, Some(session_id))
        .await
        .map(|_| lang.text("console-done-session-ended"));
    answer(&ctx, lang, &user_path(&user), outcome)
}

#[debug_handler]
async fn end_all_sessions(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    staff: Staff,
    Path(user_id): Path<String>,
) -> Result<Response> {
    let lang = visitor.lang;
    let user = target(&ctx, &user_id).await?;
    let outcome = platform::end_sessions(&ctx.db, &staff.actor(), &user, None)
        .await
        .map(|n| {
            lang.text_with(
                "console-done-sessions-ended",
                &[("count", FluentValue::from(n))],
            )
        });
    answer(&ctx, lang, &user_path(&user), outcome)
}

/// Ends their sessions and mails them a link to choose a new password.
#[debug_handler]
async fn force_password_reset(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    staff: Staff,
    Path(user_id): Path<String>,
) -> Result<Response> {
    let user = target(&ctx, &user_id).await?;
    platform::end_sessions(&ctx.db, &staff.actor(), &user, None).await?;
    // A link mailed before stops working now, not when the new one is sent.
    let user = user
        .into_active_model()
        .withdraw_reset_link(&ctx.db)
        .await?;
    Mail::PasswordReset { user_id: user.id }.queue(&ctx).await?;
    platform::note(
        &ctx.db,
        &staff.actor(),
        "user.password_reset_sent",
        platform::target_of_user(&user),
        format!(
            "ended the sessions of {} and mailed a reset link",
            user.email
        ),
    )
    .await?;
    answer(
        &ctx,
        visitor.lang,
        &user_path(&user),
        Ok(visitor.lang.text_with(
            "console-done-reset-sent",
            &[("email", user.email.clone().into())],
        )),
    )
}

#[debug_handler]
async fn verify_email(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    staff: Staff,
    Path(user_id): Path<String>,
) -> Result<Response> {
    let lang = visitor.lang;
    let user = target(&ctx, &user_id).await?;
    let outcome = platform::verify_email(&ctx.db, &staff.actor(), &user)
        .await
        .map(|u| lang.text_with("console-done-confirmed", &[("email", u.email.into())]));
    answer(&ctx, lang, &user_path(&user), outcome)
}

#[debug_handler]
async fn resend_verification(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    staff: Staff,
    Path(user_id): Path<String>,
) -> Result<Response> {
    let lang = visitor.lang;
    let user = target(&ctx, &user_id).await?;
    if !user.awaits_confirmation() {
        return answer(
            &ctx,
            lang,
            &user_path(&user),
            Err(
                crate::models::validation::FieldErrors::one("email", "is confirmed already").into(),
            ),
        );
    }
    // The account's budget of resends, whoever asks.
    if let Err(throttled) = AuthThrottle::resend(&ctx, &ctx.db, Resend::Verification(&user)).await?
    {
        return redirect_with(
            &user_path(&user),
            "alert",
            &throttled.message_in(lang),
            &ctx,
            &[],
        );
    }
    Mail::confirmation(&user).queue(&ctx).await?;
    platform::note(
        &ctx.db,
        &staff.actor(),
        "user.verification_resent",
        platform::target_of_user(&user),
        format!(
            "mailed a new confirmation link to {}",
            user.address_to_confirm()
        ),
    )
    .await?;
    answer(
        &ctx,
        lang,
        &user_path(&user),
        Ok(lang.text_with(
            "console-done-confirmation-sent",
            &[("email", user.address_to_confirm().to_string().into())],
        )),
    )
}

#[debug_handler]
async fn grant_role(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    staff: Staff,
    Path(user_id): Path<String>,
    Form(form): Form<ActionForm>,
) -> Result<Response> {
    let lang = visitor.lang;
    let user = target(&ctx, &user_id).await?;
    let outcome = async {
        staff.reauthenticate(&ctx, &form.password).await?;
        let role = PlatformRole::parse(&form.role)?;
        platform::grant_role(&ctx.db, &staff.actor(), &user, role).await?;
        Ok(role_notice(lang, "console-done-role-granted", &user, role))
    }
    .await;
    answer(&ctx, lang, &user_path(&user), outcome)
}

#[debug_handler]
async fn revoke_role(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    staff: Staff,
    Path(user_id): Path<String>,
    Form(form): Form<ActionForm>,
) -> Result<Response> {
    let lang = visitor.lang;
    let user = target(&ctx, &user_id).await?;
    let outcome = async {
        staff.reauthenticate(&ctx, &form.password).await?;
        let role = PlatformRole::parse(&form.role)?;
        platform::revoke_role(&ctx.db, &staff.actor(), &user, role).await?;
        Ok(role_notice(lang, "console-done-role-revoked", &user, role))
    }
    .await;
    answer(&ctx, lang, &user_path(&user), outcome)
}

/// "ann@example.com is now support": platform roles are named as stored.
fn role_notice(lang: Lang, key: &str, user: &users::Model, role: PlatformRole) -> String {
    lang.text_with(
        key,
        &[
            ("email", user.email.clone().into()),
            ("role", role.as_str().into()),
        ],
    )
}

/// Deletes the account (not your own), as its owner could: a workspace
/// they own with others must change hands first.
#[debug_handler]
async fn delete(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    staff: Staff,
    Path(user_id): Path<String>,
    Form(form): Form<ActionForm>,
) -> Result<Response> {
    let lang = visitor.lang;
    let user = target(&ctx, &user_id).await?;
    let outcome = async {
        staff.reauthenticate(&ctx, &form.password).await?;
        if user.id == staff.caller.user.id {
            return Err(crate::models::validation::FieldErrors::one(
                "account",
                "you cannot delete your own account from the console",
            )
            .into());
        }
        let leaving = user.clone().into_active_model().remove(&ctx.db).await?;
        for workspace_pid in leaving {
            crate::workers::queue::enqueue(
                &ctx,
                crate::workers::Job::PurgeWorkspace { workspace_pid },
            )
            .await?;
        }
        platform::note(
            &ctx.db,
            &staff.actor(),
            "user.deleted",
            platform::target_of_user(&user),
            format!("deleted the account {}", user.email),
        )
        .await?;
        Ok(())
    }
    .await;
    match outcome {
        Ok(()) => redirect_with(
            &urls::admin_users(),
            "notice",
            &lang.text_with(
                "console-done-account-deleted",
                &[("email", user.email.clone().into())],
            ),
            &ctx,
            &[],
        ),
        Err(err) => back_with(&ctx, lang, &user_path(&user), err),
    }
}

pub fn routes() -> Routes {
    let one = "/admin/users/{user_id}";
    Routes::new()
        .add("/admin/users", requires(USERS_READ, get(index)))
        .add(one, requires(USERS_READ, get(show)))
        .add(&format!("{one}/lock"), requires(USERS_MANAGE, post(lock)))
        .add(
            &format!("{one}/unlock"),
            requires(USERS_SUPPORT, post(unlock)),
        )
        .add(
            &format!("{one}/sessions/{{session_id}}/end"),
            requires(USERS_MANAGE, post(end_session)),
        )
        .add(
            &format!("{one}/sessions/end"),
            requires(USERS_MANAGE, post(end_all_sessions)),
        )
        .add(
            &format!("{one}/password-reset"),
            requires(USERS_MANAGE, post(force_password_reset)),
        )
        .add(
            &format!("{one}/verify-email"),
            requires(USERS_MANAGE, post(verify_email)),
        )
        .add(
            &format!("{one}/resend-verification"),
            requires(USERS_SUPPORT, post(resend_verification)),
        )
        .add(
            &format!("{one}/roles"),
            requires(PLATFORM_ROLES_MANAGE, post(grant_role)),
        )
        .add(
            &format!("{one}/roles/revoke"),
            requires(PLATFORM_ROLES_MANAGE, post(revoke_role)),
        )
        .add(
            &format!("{one}/delete"),
            requires(USERS_MANAGE, post(delete)),
        )
}
