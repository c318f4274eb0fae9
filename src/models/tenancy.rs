//! The tenant scope of a request, enforced a second time by the database.
//!
//! On Postgres, row-level security policies on every tenant-owned table
//! (see the `row_level_security` migration) admit only rows of the
//! workspace in `app.workspace_id`, plus the caller's own memberships
//! (`app.user_id`) and an invitation named by its token while it is being
//! accepted (`app.invitation_token`). The settings are transaction-local
//! (`set_config(.., true)`, i.e. `SET LOCAL`), so a pooled connection never
//! carries one request's tenant into the next. Unset, they match nothing.
//! SQLite has no row-level security; there the `in_tenant` filters are the
//! only guard.

use crate::models::ids::{UserId, WorkspaceId};
use std::sync::Arc;

use loco_rs::prelude::*;
use sea_orm::{
    DatabaseBackend, DatabaseTransaction, DbErr, SqliteTransactionMode, Statement,
    TransactionOptions, TransactionTrait,
};

use super::{
    audit_events::Actor,
    billing::Limits,
    budgets,
    effects::{Effect, Pending},
    errors::{DomainError, DomainResult},
    memberships::Role,
    users, workspaces,
};
use crate::policies::{Permission, Policies};

/// Who the transaction acts for.
#[derive(Debug, Default, Clone, Copy)]
pub struct Scope<'a> {
    pub user_id: Option<UserId>,
    pub workspace_id: Option<WorkspaceId>,
    /// Digest of an invitation token being accepted.
    pub invitation_token: Option<&'a str>,
    /// The scheduled jobs' view: due recurring rules of every workspace, to
    /// read only.
    pub scheduler: bool,
}

impl Scope<'static> {
    /// One workspace's rows, as a job or a mail acting in it sees them.
    #[must_use]
    pub fn workspace(workspace_id: WorkspaceId) -> Self {
        Self {
            workspace_id: Some(workspace_id),
            ..Self::default()
        }
    }
}

fn setting(value: Option<impl ToString>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// SQLite: take the write lock at `BEGIN` (other databases ignore it).
const IMMEDIATE: TransactionOptions = TransactionOptions {
    isolation_level: None,
    access_mode: None,
    sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
};

/// Opens a transaction that may write, with the scope applied. On SQLite
/// it takes the write lock at once (`BEGIN IMMEDIATE`), waiting its turn:
/// a transaction that read first and then wrote would instead fail with
/// "database is locked" whenever another connection (a worker, another
/// request) wrote in between.
///
/// # Errors
/// On database errors.
pub async fn begin(db: &DatabaseConnection, scope: Scope<'_>) -> ModelResult<DatabaseTransaction> {
    let txn = db.begin_with_options(IMMEDIATE).await?;
    apply(&txn, scope).await?;
    Ok(txn)
}

/// Opens a transaction (or, inside one, a savepoint) that may write,
/// taking SQLite's write lock at once; see [`begin`] for why.
///
/// # Errors
/// On database errors.
pub async fn begin_write<C: TransactionTrait>(db: &C) -> Result<C::Transaction, DbErr> {
    db.begin_with_options(IMMEDIATE).await
}

/// Opens a transaction that only reads (on SQLite it does not wait for the
/// write lock), with the scope applied.
///
/// # Errors
/// On database errors.
pub async fn begin_read(
    db: &DatabaseConnection,
    scope: Scope<'_>,
) -> ModelResult<DatabaseTransaction> {
    let txn = db.begin().await?;
    apply(&txn, scope).await?;
    Ok(txn)
}

/// Sets the scope on an open transaction (replacing what was set).
///
/// # Errors
/// On database errors.
pub async fn apply<C: ConnectionTrait>(db: &C, scope: Scope<'_>) -> ModelResult<()> {
    if db.get_database_backend() != DatabaseBackend::Postgres {
        return Ok(());
    }
    db.execute_raw(Statement::from_sql_and_values(
        DatabaseBackend::Postgres,
        "SELECT set_config('app.user_id', $1, true), \
                set_config('app.workspace_id', $2, true), \
                set_config('app.invitation_token', $3, true), \
                set_config('app.scheduler', $4, true)",
        [
            setting(scope.user_id).into(),
            setting(scope.workspace_id).into(),
            setting(scope.invitation_token).into(),
            setting(scope.scheduler.then_some("on")).into(),
        ],
    ))
    .await?;
    Ok(())
}

/// Moves an open transaction into a workspace (after creating one, or when
/// joining one), keeping the other settings.
///
/// # Errors
/// On database errors.
pub async fn enter_workspace<C: ConnectionTrait>(
    db: &C,
    workspace_id: WorkspaceId,
) -> ModelResult<()> {
    if db.get_database_backend() != DatabaseBackend::Postgres {
        return Ok(());
    }
    db.execute_raw(Statement::from_sql_and_values(
        DatabaseBackend::Postgres,
        "SELECT set_config('app.workspace_id', $1, true)",
        [workspace_id.to_string().into()],
    ))
    .await?;
    Ok(())
}

/// Takes the workspace's lock for the rest of the transaction: an operation
/// that checks a rule spanning many rows (the plan's members, expenses a
/// month and receipt storage; one owner) calls this before it reads what it
/// checks, so two such operations on one workspace run one after the other
/// and the second sees what the first wrote.
///
/// On Postgres the workspace's row is locked `FOR NO KEY UPDATE`, which
/// other lockers wait for but inserts of the workspace's rows (their
/// foreign keys take `KEY SHARE`) do not. SQLite needs nothing: it runs one
/// writing transaction at a time, and those begun by [`begin`] hold the
/// write lock from their start; one begun deferred that read before it
/// writes fails with "database is locked" rather than break the rule.
///
/// # Errors
/// On database errors.
pub async fn lock_workspace<C: ConnectionTrait>(
    db: &C,
    workspace_id: WorkspaceId,
) -> Result<(), DbErr> {
    if db.get_database_backend() != DatabaseBackend::Postgres {
        return Ok(());
    }
    db.execute_raw(Statement::from_sql_and_values(
        DatabaseBackend::Postgres,
        "SELECT 1 FROM workspaces WHERE id = $1 FOR NO KEY UPDATE",
        [workspace_id.into()],
    ))
    .await?;
    Ok(())
}

/// The tenant filter of `E` as an expression, for where `in_tenant` does
/// not reach: a condition built apart (for example one shared by a query
/// and a join on `E`), a subquery, a join's `ON`. The tenant column is
/// named once, by `E`'s [`TenantEntity`] implementation.
pub fn in_workspace<E>(workspace_id: WorkspaceId) -> sea_orm::sea_query::Expr
where
    E: TenantEntity<TenantId = WorkspaceId>,
{
    E::tenant_column().eq(workspace_id)
}

/// A row of a tenant table by its public id, looked for only inside
/// `workspace_id`: another workspace's row is not found, exactly like one
/// that does not exist.
///
/// # Errors
/// `EntityNotFound` when there is none here (or the id is not a UUID).
pub async fn find_by_pid<E, C>(
    db: &C,
    workspace_id: WorkspaceId,
    pid_column: E::Column,
    pid: &str,
) -> ModelResult<E::Model>
where
    E: TenantEntity<TenantId = WorkspaceId>,
    C: ConnectionTrait,
{
    let pid = Uuid::parse_str(pid.trim()).map_err(|_| ModelError::EntityNotFound)?;
    E::find()
        .in_tenant(workspace_id)
        .filter(pid_column.eq(pid))
        .one(db)
        .await?
        .ok_or(ModelError::EntityNotFound)
}

/// Who changes a workspace's data.
#[derive(Clone)]
pub enum Acting<'a> {
    /// A member, allowed what their role allows (pages, the API, the
    /// assistant).
    Member {
        user: &'a users::Model,
        role: Role,
        policies: Arc<Policies>,
    },
    /// The app on a member's behalf: an import or a restore they started,
    /// a recurring rule they set up. Their rights were checked when they
    /// started it; `user` is who started it (gone when `None`).
    Job { user: Option<&'a users::Model> },
}

/// The one way into a workspace's data for an operation that changes it:
/// the transaction (scoped to the workspace on Postgres), the workspace,
/// who acts, the plan's limits and the effects to run after the commit.
/// Built only here, alike for requests, jobs and tasks; model operations
/// take it and check everything else.
pub struct Tenant<'a> {
    pub db: &'a DatabaseTransaction,
    pub workspace: &'a workspaces::Model,
    pub acting: Acting<'a>,
    /// Who the audit log names.
    pub actor: Actor,
    pub limits: Limits,
    /// What the operations asked for once the change commits.
    effects: Pending,
}

impl<'a> Tenant<'a> {
    /// A member acting in their workspace, inside the request's
    /// transaction (already scoped to the workspace).
    ///
    /// # Errors
    /// When the policies or the plan cannot be read.
    pub async fn member(
        ctx: &AppContext,
        db: &'a DatabaseTransaction,
        workspace: &'a workspaces::Model,
        user: &'a users::Model,
        role: Role,
        actor: Actor,
    ) -> Result<Self> {
        Ok(Self {
            db,
            workspace,
            acting: Acting::Member {
                user,
                role,
                policies: Policies::get(ctx)?,
            },
            actor,
            limits: Limits::of(ctx, db, workspace).await?,
            effects: Pending::default(),
        })
    }

    /// A job acting for `user` (who started it) in a workspace, inside a
    /// transaction the job opened with [`begin`] for that workspace.
    #[must_use]
    pub fn job(
        db: &'a DatabaseTransaction,
        workspace: &'a workspaces::Model,
        user: Option<&'a users::Model>,
        actor: Actor,
        limits: Limits,
    ) -> Self {
        Self {
            db,
            workspace,
            acting: Acting::Job { user },
            actor,
            limits,
            effects: Pending::default(),
        }
    }

    /// The app acting in this same change on `user`'s behalf (a recurring
    /// rule's occurrences act for its author): the same transaction,
    /// workspace and plan, and its effects run with this change's.
    #[must_use]
    pub fn on_behalf_of<'b>(&'b self, user: Option<&'b users::Model>, actor: Actor) -> Tenant<'b> {
        Tenant {
            db: self.db,
            workspace: self.workspace,
            acting: Acting::Job { user },
            actor,
            limits: self.limits.clone(),
            effects: self.effects.clone(),
        }
    }

    /// This scope registering its effects into `pending`, which the caller
    /// that commits holds (a request's member).
    #[must_use]
    pub fn collecting_into(mut self, pending: &Pending) -> Self {
        self.effects = pending.clone();
        self
    }

    /// The effects registered so far, for the caller that commits (see
    /// [`super::effects::commit`]).
    #[must_use]
    pub fn take_effects(&self) -> Vec<Effect> {
        self.effects.take()
    }

    /// Takes this workspace's lock until the change commits; see
    /// [`lock_workspace`].
    ///
    /// # Errors
    /// On database errors.
    pub async fn lock_workspace(&self) -> DomainResult<()> {
        Ok(lock_workspace(self.db, self.workspace.id).await?)
    }

    /// Registers something to do once this change has committed.
    pub fn after_commit(&self, effect: Effect) {
        self.effects.push(effect);
    }

    /// Marks a change to what the workspace spends, made in `db` (the
    /// change's transaction or a savepoint of it): budget thresholds it
    /// crossed are recorded with it, and once it commits the workspace's
    /// open pages refresh and the alerts are mailed.
    ///
    /// # Errors
    /// On database errors.
    pub async fn spending_changed<C: ConnectionTrait>(&self, db: &C) -> DomainResult<()> {
        for alert in budgets::record_crossings(db, self.workspace).await? {
            self.after_commit(Effect::BudgetAlert(alert.id));
        }
        self.after_commit(Effect::Changed);
        Ok(())
    }

    /// The member who acts, or who started the job.
    #[must_use]
    pub const fn user(&self) -> Option<&'a users::Model> {
        match &self.acting {
            Acting::Member { user, .. } => Some(user),
            Acting::Job { user } => *user,
        }
    }

    /// The acting member's role; `None` for a job.
    #[must_use]
    pub const fn role(&self) -> Option<Role> {
        match &self.acting {
            Acting::Member { role, .. } => Some(*role),
            Acting::Job { .. } => None,
        }
    }

    /// May the actor do `permission`? A job may do what it was started for.
    ///
    /// # Errors
    /// When the policies cannot be asked.
    pub async fn may(&self, permission: Permission) -> DomainResult<bool> {
        match &self.acting {
            Acting::Member { role, policies, .. } => policies
                .allows(*role, permission)
                .map_err(|err| DomainError::Unavailable(err.to_string())),
            Acting::Job { .. } => Ok(true),
        }
    }

    /// Refuses unless the actor may do `permission`.
    ///
    /// # Errors
    /// `Forbidden` naming the role.
    pub async fn ensure(&self, permission: Permission) -> DomainResult<()> {
        if self.may(permission).await? {
            Ok(())
        } else {
            Err(self.forbidden())
        }
    }

    /// Refuses unless the actor may change what `created_by_id` created:
    /// with `any` on everything, with `own` on what they created (members
    /// may change their own expenses).
    ///
    /// # Errors
    /// `Forbidden` naming the role.
    pub async fn ensure_may_change(
        &self,
        created_by_id: Option<UserId>,
        any: Permission,
        own: Permission,
    ) -> DomainResult<()> {
        let mine = created_by_id.is_some() && created_by_id == self.user().map(|u| u.id);
        if self.may(any).await? || (mine && self.may(own).await?) {
            Ok(())
        } else {
            Err(self.forbidden())
        }
    }

    fn forbidden(&self) -> DomainError {
        match &self.acting {
            Acting::Member { role, .. } => forbidden(*role),
            Acting::Job { .. } => DomainError::Forbidden("Not allowed.".to_string()),
        }
    }
}

/// What a member is told when their role does not allow a change.
#[must_use]
pub fn forbidden(role: Role) -> DomainError {
    DomainError::Forbidden(format!("As {role} in this workspace you cannot do that."))
}
