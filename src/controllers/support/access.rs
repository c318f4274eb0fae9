//! Who is calling, and what they may do in a workspace.
//!
//! Every route under `/w/{workspace_id}` and `/api/v1/workspaces/{workspace_id}`
//! takes a [`Member`], which resolves the workspace from the caller's own
//! membership (never from the URL alone) and checks the permission the route
//! declared with [`requires`]. A route that declares none fails closed.
//! Another workspace answers 404, exactly like one that does not exist.

use crate::models::ids::UserId;
use axum::{
    extract::{FromRequestParts, RawPathParams},
    http::{header, request::Parts, StatusCode},
    response::IntoResponse,
    routing::MethodRouter,
    Extension,
};
use loco_rs::{auth::jwt::JWT, controller::ErrorDetail, prelude::*};
use sea_orm::DatabaseTransaction;

use super::{
    limits::{read_first, BodyKind},
    web_session::{self, Visitor},
};
use crate::{
    models::{
        api_tokens,
        audit_events::Actor,
        effects::{self, Pending},
        expenses,
        memberships::{self, Role},
        tenancy::{self, Scope, Tenant},
        users, workspaces,
    },
    policies::{
        Permission, Policies, EXPENSES_DELETE_ANY, EXPENSES_DELETE_OWN, EXPENSES_UPDATE_ANY,
        EXPENSES_UPDATE_OWN,
    },
};

/// Declares the permission a workspace route needs. Its body (a form or
/// JSON) is read whole before the request's transaction opens.
pub fn requires(
    permission: Permission,
    route: MethodRouter<AppContext>,
) -> MethodRouter<AppContext> {
    requires_receiving(permission, BodyKind::Form, route)
}

/// [`requires`] for a route whose body is of another kind, with its own
/// size limit (a statement to import, an archive to restore).
pub fn requires_receiving(
    permission: Permission,
    body: BodyKind,
    route: MethodRouter<AppContext>,
) -> MethodRouter<AppContext> {
    read_first(body, route.layer(Extension(permission)))
}

/// The second permission of a route that either of two opens.
#[derive(Debug, Clone, Copy)]
struct Alternative(Permission);

/// Declares a route that either permission opens: `update_any` or
/// `update_own` for changing an expense, say. The model operation then
/// decides by the target (members may change their own expenses only).
pub fn requires_either(
    first: Permission,
    second: Permission,
    route: MethodRouter<AppContext>,
) -> MethodRouter<AppContext> {
    requires(first, route).layer(Extension(Alternative(second)))
}

/// Marks a `POST` route that only reads (asking the assistant): it runs in
/// a read transaction and stays open in a suspended workspace.
#[derive(Debug, Clone, Copy)]
pub struct ReadsOnly;

/// Declares the permission a workspace route needs, for a `POST` that
/// changes nothing.
pub fn requires_reading(
    permission: Permission,
    route: MethodRouter<AppContext>,
) -> MethodRouter<AppContext> {
    requires(permission, route).layer(Extension(ReadsOnly))
}

/// Marks a route that receives files: its transaction starts out reading,
/// so storing the files (on S3, say) holds no write lock (SQLite has one
/// for the whole database); the handler switches with [`Member::writing`]
/// once the files are stored.
#[derive(Debug, Clone, Copy)]
pub struct ReceivesFiles;

/// Declares the permission a workspace route that receives files needs.
pub fn requires_upload(
    permission: Permission,
    route: MethodRouter<AppContext>,
) -> MethodRouter<AppContext> {
    requires_receiving(
        permission,
        BodyKind::Files,
        route.layer(Extension(ReceivesFiles)),
    )
}

/// [`requires_upload`] for a route that either permission opens (attaching
/// a receipt: any-or-own rights on the expense, decided by the handler).
pub fn requires_upload_either(
    first: Permission,
    second: Permission,
    route: MethodRouter<AppContext>,
) -> MethodRouter<AppContext> {
    requires_upload(first, route).layer(Extension(Alternative(second)))
}

/// How a caller proved who they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInMethod {
    /// The browser session (pages).
    Session,
    /// A login token from `POST /api/auth/login`.
    LoginToken,
    /// A personal access token (`se_…`).
    AccessToken,
}

/// The signed-in user behind a request: a bearer token on the API (a login
/// token or a personal access token), the browser session on pages.
#[derive(Debug, Clone)]
pub struct Caller {
    pub user: users::Model,
    pub ip: Option<String>,
    pub method: SignInMethod,
}

impl Caller {
    /// Refuses a personal access token (403 saying `why`) on the routes that
    /// take a signed-in person: managing tokens, the account routes.
    ///
    /// # Errors
    /// 403 `forbidden` for an access token.
    pub fn refuse_access_token(&self, why: &str) -> Result<()> {
        if self.method == SignInMethod::AccessToken {
            return Err(Error::CustomError(
                axum::http::StatusCode::FORBIDDEN,
                loco_rs::controller::ErrorDetail::new("forbidden", why),
            ));
        }
        Ok(())
    }

    #[must_use]
    pub fn actor(&self) -> Actor {
        Actor::user(&self.user, self.ip.clone())
    }

    /// A transaction acting for this user (their own memberships only).
    ///
    /// # Errors
    /// On database errors.
    pub async fn transaction(&self, ctx: &AppContext) -> Result<DatabaseTransaction> {
        Ok(tenancy::begin(&ctx.db, self.scope()).await?)
    }

    /// A transaction acting for this user that only reads.
    ///
    /// # Errors
    /// On database errors.
    pub async fn read_transaction(&self, ctx: &AppContext) -> Result<DatabaseTransaction> {
        Ok(tenancy::begin_read(&ctx.db, self.scope()).await?)
    }

    fn scope(&self) -> Scope<'static> {
        Scope {
            user_id: Some(self.user.id),
            ..Scope::default()
        }
    }
}

fn is_api(parts: &Parts) -> bool {
    parts.uri.path().starts_with("/api/")
}

fn unauthorized_response(parts: &Parts) -> Response {
    if is_api(parts) {
        Error::Unauthorized("sign in first".to_string()).into_response()
    } else {
        web_session::login_redirect(&parts.headers, parts.uri.path())
    }
}

async fn client_ip(parts: &mut Parts, ctx: &AppContext) -> Option<String> {
    match RemoteIP::from_request_parts(parts, ctx).await {
        Ok(RemoteIP::Forwarded(ip) | RemoteIP::Socket(ip)) => Some(ip.to_string()),
        _ => None,
    }
}

impl FromRequestParts<AppContext> for Caller {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        ctx: &AppContext,
    ) -> std::result::Result<Self, Response> {
        let bearer = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::to_string);
        let (user, method) = if let Some(token) = bearer {
            if token.starts_with(api_tokens::TOKEN_PREFIX) {
                let user = api_tokens::Model::authenticate(&ctx.db, &token)
                    .await
                    .map_err(|err| Error::from(err).into_response())?
                    .ok_or_else(|| unauthorized_response(parts))?;
                let ip = client_ip(parts, ctx).await;
                return Ok(Self {
                    user,
                    ip,
                    method: SignInMethod::AccessToken,
                });
            }
            let secret = ctx
                .config
                .get_jwt_config()
                .map_err(IntoResponse::into_response)?
                .secret
                .clone();
            let Ok(claims) = JWT::new(&secret).validate(&token) else {
                return Err(unauthorized_response(parts));
            };
            // A database that cannot answer is an error, not a sign-out: a
            // client told 401 drops its token.
            let user = match users::Model::find_by_pid(&ctx.db, &claims.claims.pid).await {
                Ok(user) => Some(user),
                Err(ModelError::EntityNotFound) => None,
                Err(err) => return Err(Error::from(err).into_response()),
            }
            .filter(|user| !user.is_locked() && user.issued_current(&claims.claims.claims))
            .ok_or_else(|| unauthorized_response(parts))?;
            (user, SignInMethod::LoginToken)
        } else {
            let visitor = parts.extensions.get::<Visitor>().cloned();
            match visitor.and_then(|v| v.signed_in) {
                Some(signed_in) => (signed_in.user, SignInMethod::Session),
                None => return Err(unauthorized_response(parts)),
            }
        };
        let ip = client_ip(parts, ctx).await;
        Ok(Self { user, ip, method })
    }
}

/// A member of the workspace named in the path, allowed what the route
/// requires, with the request's transaction scoped to that workspace (row-
/// level security on Postgres). Handlers that change data call
/// [`Member::commit_change`]; otherwise the transaction rolls back when
/// dropped.
pub struct Member {
    pub caller: Caller,
    pub workspace: workspaces::Model,
    pub membership: memberships::Model,
    pub db: DatabaseTransaction,
    /// What the operations of this request asked for after the commit.
    effects: Pending,
}

impl Member {
    #[must_use]
    pub fn role(&self) -> Role {
        self.membership.role()
    }

    /// The member with a transaction that may write, in place of the
    /// reading one a route that receives files starts with.
    ///
    /// # Errors
    /// On database errors.
    pub async fn writing(self, ctx: &AppContext) -> Result<Self> {
        let Self {
            caller,
            workspace,
            membership,
            db,
            effects,
        } = self;
        db.commit().await?;
        let scope = Scope {
            user_id: Some(caller.user.id),
            workspace_id: Some(workspace.id),
            ..Scope::default()
        };
        let db = tenancy::begin(&ctx.db, scope).await?;
        Ok(Self {
            caller,
            workspace,
            membership,
            db,
            effects,
        })
    }

    /// Commits the request's changes.
    ///
    /// # Errors
    /// On database errors.
    pub async fn commit(self) -> Result<()> {
        self.db.commit().await?;
        Ok(())
    }

    /// Commits the change the request's operations made, then runs what
    /// they registered for after the commit (open pages refresh, budget
    /// alerts, invitation mail, jobs; see `models::effects`).
    ///
    /// # Errors
    /// On database errors, or when an effect cannot be queued.
    pub async fn commit_change(self, ctx: &AppContext) -> Result<()> {
        let done = self.effects.take();
        effects::commit(ctx, self.db, &self.workspace, done).await
    }

    /// Ends the request's transaction unchanged and hands back who and
    /// where, for a handler that next waits on another service (Stripe):
    /// no transaction, and on SQLite no write lock, is held while it waits.
    ///
    /// # Errors
    /// On database errors.
    pub async fn release(self) -> Result<(Caller, workspaces::Model)> {
        self.db.rollback().await?;
        Ok((self.caller, self.workspace))
    }

    #[must_use]
    pub fn user(&self) -> &users::Model {
        &self.caller.user
    }

    /// This member acting in the workspace, for the model operations that
    /// change it (they check the role, the plan and the input themselves).
    ///
    /// # Errors
    /// When the policies or the plan cannot be read.
    pub async fn tenant(&self, ctx: &AppContext) -> Result<Tenant<'_>> {
        Ok(Tenant::member(
            ctx,
            &self.db,
            &self.workspace,
            &self.caller.user,
            self.role(),
            self.actor(),
        )
        .await?
        .collecting_into(&self.effects))
    }

    #[must_use]
    pub fn actor(&self) -> Actor {
        self.caller.actor()
    }

    /// May this member do `permission` here? For choices inside a handler
    /// (what to show, or a second check that depends on the target).
    ///
    /// # Errors
    /// When the policy check fails.
    pub async fn may(&self, ctx: &AppContext, permission: Permission) -> Result<bool> {
        Policies::get(ctx)?.allows(self.role(), permission)
    }

    /// Whether this member may change what `created_by_id` created: with
    /// `any`, or with `own` on their own.
    ///
    /// # Errors
    /// When the policy check fails.
    pub async fn may_change(
        &self,
        ctx: &AppContext,
        created_by_id: Option<UserId>,
        any: Permission,
        own: Permission,
    ) -> Result<bool> {
        Ok(self.may(ctx, any).await?
            || (created_by_id == Some(self.user().id) && self.may(ctx, own).await?))
    }
}

/// The expense the path names, if this member may change it (any expense,
/// or their own). Used by the expense and receipt pages and by attaching
/// and removing receipts; the API's expense handlers check the same rule.
pub async fn changeable(
    ctx: &AppContext,
    member: &Member,
    expense_id: &str,
    deleted: bool,
    delete: bool,
) -> Result<expenses::Model> {
    let expense =
        expenses::Model::find_in(&member.db, member.workspace.id, expense_id, deleted).await?;
    let (any, own) = if delete {
        (EXPENSES_DELETE_ANY, EXPENSES_DELETE_OWN)
    } else {
        (EXPENSES_UPDATE_ANY, EXPENSES_UPDATE_OWN)
    };
    // The policies alone: no need to read the plan for a check of rights.
    if member
        .may_change(ctx, expense.created_by_id, any, own)
        .await?
    {
        Ok(expense)
    } else {
        Err(forbidden(member.role()))
    }
}

/// What members of a suspended workspace are told when they try a change.
pub const SUSPENDED: &str = "This workspace is suspended by the operators of this site: it can be read but not changed until they lift the suspension.";

/// What a locked account is told when it tries to sign in.
pub const LOCKED: &str =
    "This account is locked. Contact the operators of this site to have it unlocked.";

fn forbidden(role: Role) -> Error {
    tenancy::forbidden(role).into()
}

impl FromRequestParts<AppContext> for Member {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        ctx: &AppContext,
    ) -> std::result::Result<Self, Response> {
        let caller = Caller::from_request_parts(parts, ctx).await?;
        let not_found = || Error::NotFound.into_response();
        let params = RawPathParams::from_request_parts(parts, ctx)
            .await
            .map_err(|_| not_found())?;
        let workspace_pid = params
            .iter()
            .find(|(name, _)| *name == "workspace_id")
            .and_then(|(_, value)| Uuid::parse_str(value).ok())
            .ok_or_else(not_found)?;
        let failed = |err: Error| err.into_response();
        // GET and HEAD only read (on SQLite they then need no write lock).
        let reads_only = parts.method.is_safe() || parts.extensions.get::<ReadsOnly>().is_some();
        let receives_files = parts.extensions.get::<ReceivesFiles>().is_some();
        let db = if reads_only || receives_files {
            caller.read_transaction(ctx).await
        } else {
            caller.transaction(ctx).await
        }
        .map_err(failed)?;
        let (membership, workspace) =
            memberships::Model::find_for_user(&db, &workspace_pid, caller.user.id)
                .await
                .map_err(|err| failed(err.into()))?
                .ok_or_else(not_found)?;
        tenancy::enter_workspace(&db, workspace.id)
            .await
            .map_err(|err| failed(err.into()))?;
        let Some(permission) = parts.extensions.get::<Permission>().copied() else {
            tracing::error!(
                path = parts.uri.path(),
                "workspace route declares no permission"
            );
            return Err(StatusCode::INTERNAL_SERVER_ERROR.into_response());
        };
        if workspace.suspended_at.is_some() && !reads_only {
            return Err(Error::CustomError(
                StatusCode::FORBIDDEN,
                ErrorDetail::new("workspace_suspended", SUSPENDED),
            )
            .into_response());
        }
        let alternative = parts.extensions.get::<Alternative>().copied();
        let member = Self {
            caller,
            workspace,
            membership,
            db,
            effects: Pending::default(),
        };
        let allowed = match alternative {
            Some(Alternative(second)) if !member.may(ctx, permission).await.map_err(failed)? => {
                member.may(ctx, second).await.map_err(failed)?
            }
            _ => member.may(ctx, permission).await.map_err(failed)?,
        };
        if !allowed {
            return Err(forbidden(member.role()).into_response());
        }
        Ok(member)
    }
}
