use crate::models::ids::{UserId, WorkspaceId};
use std::{fmt, str::FromStr};

use loco_rs::prelude::*;
use serde_json::json;

pub use super::_entities::memberships::{self, ActiveModel, Entity, Model};
use super::{
    _entities::{users, workspaces},
    audit_events::{self, Event},
    effects::Effect,
    errors::{DomainError, DomainResult},
    tenancy::Tenant,
    validation::FieldErrors,
};
use crate::policies::{MEMBERS_LEAVE, MEMBERS_MANAGE};

impl ActiveModelBehavior for ActiveModel {}

impl TenantEntity for Entity {
    type TenantId = WorkspaceId;

    fn tenant_column() -> memberships::Column {
        memberships::Column::WorkspaceId
    }
}

/// A member's role in a workspace. What each may do is in the Casbin rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Viewer,
    Member,
    Admin,
    Owner,
}

impl Role {
    pub const ALL: [Self; 4] = [Self::Owner, Self::Admin, Self::Member, Self::Viewer];
    /// The roles an invitation or a role change may grant (ownership moves
    /// only by transfer).
    pub const GRANTABLE: [Self; 3] = [Self::Admin, Self::Member, Self::Viewer];

    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Owner => "owner",
            Self::Admin => "admin",
            Self::Member => "member",
            Self::Viewer => "viewer",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = FieldErrors;

    fn from_str(value: &str) -> std::result::Result<Self, FieldErrors> {
        Self::ALL
            .into_iter()
            .find(|role| role.as_str() == value.trim())
            .ok_or_else(|| FieldErrors::one("role", "must be one of owner, admin, member, viewer"))
    }
}

/// A member as listed: the membership and the account behind it.
#[derive(Debug, Clone)]
pub struct Member {
    pub membership: Model,
    pub user: users::Model,
}

/// A workspace's members by public id, read once: operations that check
/// many names (a split, an import, an archive) look them up here instead of
/// asking the database for each.
#[derive(Debug, Clone, Default)]
pub struct Roster(Vec<users::Model>);

impl Roster {
    /// # Errors
    /// On database errors.
    pub async fn load<C: ConnectionTrait>(db: &C, workspace_id: WorkspaceId) -> ModelResult<Self> {
        Ok(Self(
            Model::list(db, workspace_id)
                .await?
                .into_iter()
                .map(|m| m.user)
                .collect(),
        ))
    }

    /// The member whose account has this public id.
    #[must_use]
    pub fn by_pid(&self, pid: &str) -> Option<&users::Model> {
        let pid = Uuid::parse_str(pid.trim()).ok()?;
        self.0.iter().find(|u| u.pid == pid)
    }

    /// The member with this email (any case).
    #[must_use]
    pub fn by_email(&self, email: &str) -> Option<&users::Model> {
        self.0
            .iter()
            .find(|u| u.email.eq_ignore_ascii_case(email.trim()))
    }

    /// The member with this account id.
    #[must_use]
    pub fn by_id(&self, id: UserId) -> Option<&users::Model> {
        self.0.iter().find(|u| u.id == id)
    }
}

impl Model {
    /// The role stored on the row. A corrupt value reads as the least
    /// privileged role rather than failing the request.
    #[must_use]
    pub fn role(&self) -> Role {
        self.role.parse().unwrap_or(Role::Viewer)
    }

    /// The caller's membership in the workspace with this public id, with the
    /// workspace; `None` when there is no such workspace or the user is not
    /// in it (callers answer 404 either way).
    ///
    /// # Errors
    /// On database errors.
    pub async fn find_for_user<C: ConnectionTrait>(
        db: &C,
        workspace_pid: &Uuid,
        user_id: UserId,
    ) -> ModelResult<Option<(Self, workspaces::Model)>> {
        let found = Entity::find()
            .filter(memberships::Column::UserId.eq(user_id))
            .find_also_related(workspaces::Entity)
            .filter(workspaces::Column::Pid.eq(*workspace_pid))
            .filter(workspaces::Column::DeletingAt.is_null())
            .one(db)
            .await?;
        Ok(found.and_then(|(membership, workspace)| workspace.map(|w| (membership, w))))
    }

    /// Everyone in a workspace, owner first, then by name.
    ///
    /// # Errors
    /// On database errors.
    pub async fn list<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
    ) -> ModelResult<Vec<Member>> {
        let mut members: Vec<Member> = Entity::find()
            .in_tenant(workspace_id)
            .find_also_related(users::Entity)
            .all(db)
            .await?
            .into_iter()
            .filter_map(|(membership, user)| {
                Some(Member {
                    membership,
                    user: user?,
                })
            })
            .collect();
        members.sort_by(|a, b| {
            b.membership
                .role()
                .cmp(&a.membership.role())
                .then_with(|| a.user.name.to_lowercase().cmp(&b.user.name.to_lowercase()))
        });
        Ok(members)
    }

    /// One member of a workspace, found by their account's public id.
    ///
    /// # Errors
    /// `EntityNotFound` when they are not in the workspace.
    pub async fn find_member<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
        user_pid: &str,
    ) -> ModelResult<Member> {
        let user_pid = Uuid::parse_str(user_pid).map_err(|_| ModelError::EntityNotFound)?;
        Entity::find()
            .in_tenant(workspace_id)
            .find_also_related(users::Entity)
            .filter(users::Column::Pid.eq(user_pid))
            .one(db)
            .await?
            .and_then(|(membership, user)| {
                Some(Member {
                    membership,
                    user: user?,
                })
            })
            .ok_or(ModelError::EntityNotFound)
    }

    /// Adds a user to a workspace.
    ///
    /// # Errors
    /// 422 when they are already a member.
    pub async fn join<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
        user: &users::Model,
        role: Role,
    ) -> Result<Self> {
        ActiveModel {
            workspace_id: Set(workspace_id),
            user_id: Set(user.id),
            role: Set(role.as_str().to_string()),
            ..Default::default()
        }
        .insert(db)
        .await
        .map_err(|err| match err.sql_err() {
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
                FieldErrors::one("email", "is already a member of this workspace").into()
            }
            _ => Error::from(err),
        })
    }
}

/// Refuses a change to `target`'s membership unless the actor may manage
/// members and `target` is not the owner (ownership moves only by
/// transfer).
async fn ensure_may_manage(tenant: &Tenant<'_>, target: &Model) -> DomainResult<()> {
    tenant.ensure(MEMBERS_MANAGE).await?;
    if target.role() == Role::Owner {
        return Err(DomainError::field(
            "role",
            "the owner's membership can only change by transferring ownership",
        ));
    }
    if tenant.role().is_none_or(|role| role < Role::Admin) {
        return Err(DomainError::Forbidden(
            "Your role cannot manage members.".to_string(),
        ));
    }
    Ok(())
}

/// `target` as stored now, read under the workspace's lock (see
/// [`Tenant::lock_workspace`]): changes to memberships run one at a time in
/// a workspace and check "one owner" on the rows as they are, not as the
/// request first read them (two transfers at once made two owners).
///
/// # Errors
/// `NotFound` when they left meanwhile.
async fn as_now(tenant: &Tenant<'_>, target: &Member) -> DomainResult<Member> {
    tenant.lock_workspace().await?;
    let membership = Entity::find_by_id(target.membership.id)
        .in_tenant(tenant.workspace.id)
        .one(tenant.db)
        .await?
        .ok_or(DomainError::NotFound)?;
    Ok(Member {
        membership,
        user: target.user.clone(),
    })
}

/// Is `target` the member who acts?
fn is_actor(tenant: &Tenant<'_>, target: &Member) -> bool {
    tenant.user().is_some_and(|user| user.id == target.user.id)
}

impl Model {
    /// Gives `target` a new role. `owner` transfers ownership (the owner
    /// only): the current owner becomes an admin. A workspace keeps
    /// exactly one owner; the change is audited.
    ///
    /// # Errors
    /// `Invalid` for an unknown role, one's own role or the owner's;
    /// `Forbidden` without the right to manage members.
    pub async fn change_role(
        tenant: &Tenant<'_>,
        target: &Member,
        role: &str,
    ) -> DomainResult<Self> {
        let role: Role = role.parse()?;
        if is_actor(tenant, target) {
            return Err(DomainError::field(
                "role",
                "you cannot change your own role",
            ));
        }
        let target = &as_now(tenant, target).await?;
        if role == Role::Owner {
            return Self::transfer_ownership(tenant, target).await;
        }
        ensure_may_manage(tenant, &target.membership).await?;
        let before = target.membership.role();
        let mut active = target.membership.clone().into_active_model();
        active.role = Set(role.as_str().to_string());
        let updated = active.update(tenant.db).await?;
        audit_events::Model::record(
            tenant.db,
            updated.workspace_id,
            &tenant.actor,
            Event {
                action: "member.role_changed",
                summary: format!("{} is now {role} (was {before})", target.user.email),
                before: Some(json!({ "role": before.as_str() })),
                after: Some(json!({ "role": role.as_str() })),
            },
        )
        .await?;
        tenant.after_commit(Effect::Changed);
        Ok(updated)
    }

    /// Called under the workspace's lock, with `target` as stored now.
    async fn transfer_ownership(tenant: &Tenant<'_>, target: &Member) -> DomainResult<Self> {
        let only_the_owner =
            || DomainError::Forbidden("Only the owner can transfer ownership.".to_string());
        let owner = match (tenant.role(), tenant.user()) {
            (Some(Role::Owner), Some(user)) => user,
            _ => return Err(only_the_owner()),
        };
        // Still the owner now: a transfer that committed meanwhile made
        // them an admin.
        let previous = Entity::find()
            .in_tenant(tenant.workspace.id)
            .filter(memberships::Column::UserId.eq(owner.id))
            .one(tenant.db)
            .await?
            .filter(|membership| membership.role() == Role::Owner)
            .ok_or_else(only_the_owner)?;
        let mut demoted = previous.into_active_model();
        demoted.role = Set(Role::Admin.as_str().to_string());
        demoted.update(tenant.db).await?;
        let mut next = target.membership.clone().into_active_model();
        next.role = Set(Role::Owner.as_str().to_string());
        let updated = next.update(tenant.db).await?;
        audit_events::Model::record(
            tenant.db,
            updated.workspace_id,
            &tenant.actor,
            Event {
                action: "workspace.ownership_transferred",
                summary: format!("ownership transferred to {}", target.user.email),
                before: Some(json!({ "owner_user_id": owner.id })),
                after: Some(json!({ "owner_user_id": target.membership.user_id })),
            },
        )
        .await?;
        tenant.after_commit(Effect::Changed);
        Ok(updated)
    }

    /// Removes `target` from the workspace; removing yourself is leaving
    /// (the owner cannot leave). Audited.
    ///
    /// # Errors
    /// `Invalid` when the owner would leave or be removed; `Forbidden`
    /// without the right to leave or to manage members.
    pub async fn remove(tenant: &Tenant<'_>, target: &Member) -> DomainResult<()> {
        let target = &as_now(tenant, target).await?;
        let leaving = is_actor(tenant, target);
        if leaving {
            tenant.ensure(MEMBERS_LEAVE).await?;
            if target.membership.role() == Role::Owner {
                return Err(DomainError::field(
                    "user",
                    "the owner cannot leave; transfer ownership or delete the workspace",
                ));
            }
        } else {
            ensure_may_manage(tenant, &target.membership).await?;
        }
        target.membership.clone().delete(tenant.db).await?;
        let (action, summary) = if leaving {
            ("member.left", format!("{} left", target.user.email))
        } else {
            (
                "member.removed",
                format!("{} was removed", target.user.email),
            )
        };
        audit_events::Model::record(
            tenant.db,
            target.membership.workspace_id,
            &tenant.actor,
            Event {
                action,
                summary,
                before: Some(json!({ "role": target.membership.role, "email": target.user.email })),
                after: None,
            },
        )
        .await?;
        tenant.after_commit(Effect::Changed);
        Ok(())
    }
}

/// Which mails a member wants from a workspace.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct MailPreferences {
    /// A mail when a budget crosses an alert threshold (on unless turned off).
    pub budget_alerts: bool,
    /// A summary of the past week, on Monday mornings (off unless turned on).
    pub weekly_summary: bool,
}

impl Model {
    #[must_use]
    pub fn mail_preferences(&self) -> MailPreferences {
        MailPreferences {
            budget_alerts: self.mail_budget_alerts != Some(false),
            weekly_summary: self.mail_weekly_summary == Some(true),
        }
    }

    /// Stores the member's choice.
    ///
    /// # Errors
    /// On database errors.
    pub async fn set_mail_preferences<C: ConnectionTrait>(
        &self,
        db: &C,
        preferences: MailPreferences,
    ) -> ModelResult<Self> {
        let mut active = self.clone().into_active_model();
        active.mail_budget_alerts = Set(Some(preferences.budget_alerts));
        active.mail_weekly_summary = Set(Some(preferences.weekly_summary));
        Ok(active.update(db).await?)
    }
}
