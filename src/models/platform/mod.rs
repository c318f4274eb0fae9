//! The people who operate an instance: their platform roles (Casbin rules
//! in the `platform` domain, held in `platform_roles`), the platform audit
//! log of everything they do, and what they do to accounts and workspaces
//! (lock, suspend, ...). Workspace roles never reach any of it.
//!
//! Every operator action is checked against the same last-superadmin rule
//! and written to the same audit log here, so that none can skip either;
//! what the console only reads (the log, the searches) is in `reads`.

mod reads;

pub use reads::{audit_page, search_users, search_workspaces, PAGE_SIZE};

use crate::models::ids::UserId;
use chrono::Utc;
use loco_rs::prelude::*;
use sea_orm::{DatabaseBackend, PaginatorTrait};
use serde::Serialize;
use serde_json::{json, Value};

use super::{
    _entities::{platform_audit, platform_roles, sessions, users, workspaces},
    audit_events::Actor,
    sessions::PersonalTokens,
    validation::FieldErrors,
};

impl ActiveModelBehavior for platform_audit::ActiveModel {}
impl ActiveModelBehavior for platform_roles::ActiveModel {}

/// A role of the instance's operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum PlatformRole {
    /// Everything.
    Superadmin,
    /// Reads everything; resends mails and unlocks accounts.
    Support,
    /// Billing views and actions.
    Billing,
}

impl PlatformRole {
    pub const ALL: [Self; 3] = [Self::Superadmin, Self::Support, Self::Billing];

    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Superadmin => "superadmin",
            Self::Support => "support",
            Self::Billing => "billing",
        }
    }

    /// # Errors
    /// 422 naming the roles there are.
    pub fn parse(text: &str) -> Result<Self> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str() == text.trim())
            .ok_or_else(|| {
                FieldErrors::one("role", "must be superadmin, support or billing").into()
            })
    }
}

impl std::fmt::Display for PlatformRole {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The platform roles `user_id` holds.
///
/// # Errors
/// On database errors.
pub async fn roles_of<C: ConnectionTrait>(
    db: &C,
    user_id: UserId,
) -> ModelResult<Vec<PlatformRole>> {
    let mut roles: Vec<PlatformRole> = platform_roles::Entity::find()
        .filter(platform_roles::Column::UserId.eq(user_id))
        .all(db)
        .await?
        .iter()
        .filter_map(|r| PlatformRole::parse(&r.role).ok())
        .collect();
    roles.sort();
    Ok(roles)
}

/// Whether a superadmin who can sign in (not locked) remains once
/// `losing` is no longer one (demoted, locked or deleted); always when
/// `losing` is not such a superadmin. Takes the lock
/// of the platform's roles first, for the rest of the transaction, so two
/// operators taking each other's role at once are checked one after the
/// other: on Postgres the table is locked against other such checks and
/// changes of roles (reading them goes on); SQLite runs one writing
/// transaction at a time already (see `tenancy::lock_workspace`).
///
/// # Errors
/// On database errors.
pub async fn superadmin_remains<C: ConnectionTrait>(db: &C, losing: UserId) -> ModelResult<bool> {
    if db.get_database_backend() == DatabaseBackend::Postgres {
        db.execute_unprepared("LOCK TABLE platform_roles IN SHARE ROW EXCLUSIVE MODE")
            .await?;
    }
    let able = || {
        platform_roles::Entity::find()
            .filter(platform_roles::Column::Role.eq(PlatformRole::Superadmin.as_str()))
            .inner_join(users::Entity)
            .filter(users::Column::LockedAt.is_null())
    };
    let theirs = able()
        .filter(platform_roles::Column::UserId.eq(losing))
        .count(db)
        .await?;
    if theirs == 0 {
        return Ok(true);
    }
    let others = able()
        .filter(platform_roles::Column::UserId.ne(losing))
        .count(db)
        .await?;
    Ok(others > 0)
}

/// An entry of the platform audit log.
pub struct Entry<'a> {
    pub action: &'a str,
    pub target: String,
    pub summary: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

/// Writes an entry of the platform audit log.
///
/// # Errors
/// On database errors.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    entry: Entry<'_>,
) -> ModelResult<()> {
    let details = (entry.before.is_some() || entry.after.is_some())
        .then(|| json!({ "before": entry.before, "after": entry.after }));
    platform_audit::ActiveModel {
        actor_id: Set(actor.user_id),
        actor_name: Set(actor.name.clone()),
        ip: Set(actor.ip.clone()),
        action: Set(entry.action.to_string()),
        target: Set(entry.target),
        summary: Set(entry.summary),
        details: Set(details),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Gives `user` a platform role.
///
/// # Errors
/// 422 when they hold it already; database errors.
pub async fn grant_role(
    db: &DatabaseConnection,
    actor: &Actor,
    user: &users::Model,
    role: PlatformRole,
) -> Result<()> {
    if roles_of(db, user.id).await?.contains(&role) {
        return Err(FieldErrors::one("role", format!("{} is {role} already", user.email)).into());
    }
    let txn = db.begin().await?;
    platform_roles::ActiveModel {
        user_id: Set(user.id),
        role: Set(role.as_str().to_string()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    record(
        &txn,
        actor,
        Entry {
            action: "platform_role.granted",
            target: target_of_user(user),
            summary: format!("made {} {role}", user.email),
            before: None,
            after: Some(json!({ "role": role })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Takes a platform role from `user`; the last superadmin keeps theirs.
///
/// # Errors
/// 422 when they do not hold it or are the last superadmin.
pub async fn revoke_role(
    db: &DatabaseConnection,
    actor: &Actor,
    user: &users::Model,
    role: PlatformRole,
) -> Result<()> {
    let txn = super::tenancy::begin_write(db).await?;
    if !roles_of(&txn, user.id).await?.contains(&role) {
        return Err(FieldErrors::one("role", format!("{} is not {role}", user.email)).into());
    }
    if role == PlatformRole::Superadmin && !superadmin_remains(&txn, user.id).await? {
        return Err(FieldErrors::one(
            "role",
            "the last superadmin cannot be demoted; make someone else superadmin first",
        )
        .into());
    }
    platform_roles::Entity::delete_many()
        .filter(platform_roles::Column::UserId.eq(user.id))
        .filter(platform_roles::Column::Role.eq(role.as_str()))
        .exec(&txn)
        .await?;
    record(
        &txn,
        actor,
        Entry {
            action: "platform_role.revoked",
            target: target_of_user(user),
            summary: format!("took {role} from {}", user.email),
            before: Some(json!({ "role": role })),
            after: None,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The first superadmin of an instance, made from the command line (never
/// by a default password): an existing account is promoted, or one is
/// created with `password`.
///
/// # Errors
/// 422 for a bad address or a password that is too weak; database errors.
pub async fn create_superadmin(
    db: &DatabaseConnection,
    email: &str,
    name: &str,
    password: Option<&str>,
) -> Result<users::Model> {
    let user = match users::Model::find_by_email(db, email).await {
        Ok(user) => user,
        Err(ModelError::EntityNotFound) => {
            let Some(password) = password else {
                return Err(FieldErrors::one(
                    "password",
                    "is needed to create a new account (password:...)",
                )
                .into());
            };
            let user = users::Model::register(
                db,
                &super::users::RegisterParams {
                    email: email.to_string(),
                    password: password.to_string(),
                    name: name.to_string(),
                },
            )
            .await?;
            // The operator vouches for the address.
            let mut active = user.into_active_model();
            active.email_verified_at = Set(Some(Utc::now().into()));
            active.verification_token_hash = Set(None);
            active.update(db).await?
        }
        Err(err) => return Err(err.into()),
    };
    let actor = Actor::system("command line");
    if !roles_of(db, user.id)
        .await?
        .contains(&PlatformRole::Superadmin)
    {
        grant_role(db, &actor, &user, PlatformRole::Superadmin).await?;
    }
    Ok(user)
}

/// Locks an account: it cannot sign in, and its sessions and tokens stop
/// working at once.
///
/// # Errors
/// 422 for your own account or one locked already.
pub async fn lock(
    db: &DatabaseConnection,
    actor: &Actor,
    user: &users::Model,
) -> Result<users::Model> {
    if actor.user_id == Some(user.id) {
        return Err(FieldErrors::one("account", "you cannot lock your own account").into());
    }
    if user.locked_at.is_some() {
        return Err(FieldErrors::one("account", "is locked already").into());
    }
    let txn = super::tenancy::begin_write(db).await?;
    if !superadmin_remains(&txn, user.id).await? {
        return Err(FieldErrors::one(
            "account",
            "is the last superadmin who can sign in; make someone else superadmin first",
        )
        .into());
    }
    let mut active = user.clone().into_active_model();
    active.locked_at = Set(Some(Utc::now().into()));
    let locked = active.update(&txn).await?;
    let ended = sessions::Model::end_access(&txn, user.id, None, PersonalTokens::Revoke).await?;
    record(
        &txn,
        actor,
        Entry {
            action: "user.locked",
            target: target_of_user(user),
            summary: format!("locked {}; {ended} session(s) ended", user.email),
            before: Some(json!({ "locked": false })),
            after: Some(json!({ "locked": true, "sessions_ended": ended })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(locked)
}

/// Unlocks an account.
///
/// # Errors
/// 422 when it is not locked.
pub async fn unlock(
    db: &DatabaseConnection,
    actor: &Actor,
    user: &users::Model,
) -> Result<users::Model> {
    if user.locked_at.is_none() {
        return Err(FieldErrors::one("account", "is not locked").into());
    }
    let txn = super::tenancy::begin_write(db).await?;
    let mut active = user.clone().into_active_model();
    active.locked_at = Set(None);
    let unlocked = active.update(&txn).await?;
    record(
        &txn,
        actor,
        Entry {
            action: "user.unlocked",
            target: target_of_user(user),
            summary: format!("unlocked {}", user.email),
            before: Some(json!({ "locked": true })),
            after: Some(json!({ "locked": false })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(unlocked)
}

/// Ends one session of `user` (`None`: all of them).
///
/// # Errors
/// 404 when the session is not theirs; database errors.
pub async fn end_sessions(
    db: &DatabaseConnection,
    actor: &Actor,
    user: &users::Model,
    session_id: Option<i64>,
) -> Result<u64> {
    let txn = super::tenancy::begin_write(db).await?;
    let ended = if let Some(id) = session_id {
        let ended = sessions::Entity::delete_many()
            .filter(sessions::Column::UserId.eq(user.id))
            .filter(sessions::Column::Id.eq(id))
            .exec(&txn)
            .await?
            .rows_affected;
        if ended == 0 {
            return Err(Error::NotFound);
        }
        ended
    } else {
        sessions::Model::end_access(&txn, user.id, None, PersonalTokens::Keep).await?
    };
    record(
        &txn,
        actor,
        Entry {
            action: "user.sessions_ended",
            target: target_of_user(user),
            summary: format!("ended {ended} session(s) of {}", user.email),
            before: None,
            after: Some(json!({ "sessions_ended": ended, "session": session_id })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(ended)
}

/// Marks the address confirmed.
///
/// # Errors
/// 422 when it is confirmed already.
pub async fn verify_email(
    db: &DatabaseConnection,
    actor: &Actor,
    user: &users::Model,
) -> Result<users::Model> {
    if user.is_verified() && user.pending_email.is_none() {
        return Err(FieldErrors::one("email", "is confirmed already").into());
    }
    let txn = super::tenancy::begin_write(db).await?;
    let mut active = user.clone().into_active_model();
    active.email_verified_at = Set(Some(Utc::now().into()));
    active.verification_token_hash = Set(None);
    let verified = active.update(&txn).await?;
    record(
        &txn,
        actor,
        Entry {
            action: "user.email_verified",
            target: target_of_user(user),
            summary: format!("confirmed the address {}", user.email),
            before: Some(json!({ "verified": user.is_verified() })),
            after: Some(json!({ "verified": true })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(verified)
}

/// Records an action whose work happened elsewhere (a mail sent, a job
/// retried, a workspace deletion requested).
///
/// # Errors
/// On database errors.
pub async fn note<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    action: &str,
    target: String,
    summary: String,
) -> ModelResult<()> {
    record(
        db,
        actor,
        Entry {
            action,
            target,
            summary,
            before: None,
            after: None,
        },
    )
    .await
}

/// Suspends a workspace (read-only for its members, with a banner) or lifts it.
///
/// # Errors
/// 422 when it is in that state already.
pub async fn set_suspended(
    db: &DatabaseConnection,
    actor: &Actor,
    workspace: &workspaces::Model,
    suspended: bool,
) -> Result<workspaces::Model> {
    if workspace.suspended_at.is_some() == suspended {
        return Err(FieldErrors::one(
            "workspace",
            if suspended {
                "is suspended already"
            } else {
                "is not suspended"
            },
        )
        .into());
    }
    let txn = super::tenancy::begin_write(db).await?;
    let mut active = workspace.clone().into_active_model();
    active.suspended_at = Set(suspended.then(|| Utc::now().into()));
    let changed = active.update(&txn).await?;
    record(
        &txn,
        actor,
        Entry {
            action: if suspended {
                "workspace.suspended"
            } else {
                "workspace.unsuspended"
            },
            target: target_of_workspace(workspace),
            summary: format!(
                "{} \"{}\"",
                if suspended {
                    "suspended"
                } else {
                    "lifted the suspension of"
                },
                workspace.name
            ),
            before: Some(json!({ "suspended": !suspended })),
            after: Some(json!({ "suspended": suspended })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(changed)
}

/// How the platform audit log names an account.
#[must_use]
pub fn target_of_user(user: &users::Model) -> String {
    format!("user:{}", user.pid)
}

/// How the platform audit log names a workspace.
#[must_use]
pub fn target_of_workspace(workspace: &workspaces::Model) -> String {
    format!("workspace:{}", workspace.pid)
}
