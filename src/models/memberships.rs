use std::{fmt, str::FromStr};

use loco_rs::prelude::*;
use sea_orm::TransactionSession;
use serde_json::json;

pub use super::_entities::memberships::{self, ActiveModel, Entity, Model};
use super::{
    _entities::{users, workspaces},
    audit_events::{self, Actor, Event},
    tenancy,
    validation::FieldErrors,
};

impl ActiveModelBehavior for ActiveModel {}

impl TenantEntity for Entity {
    type TenantId = i64;

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
    pub async fn load<C: ConnectionTrait>(db: &C, workspace_id: i64) -> ModelResult<Self> {
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
    pub fn by_id(&self, id: i64) -> Option<&users::Model> {
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
        user_id: i64,
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
    pub async fn list<C: ConnectionTrait>(db: &C, workspace_id: i64) -> ModelResult<Vec<Member>> {
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
        workspace_id: i64,
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
        workspace_id: i64,
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

/// Membership changes made by one member (the actor) to another. Each keeps
/// the invariant that a workspace has exactly one owner, and is audited.
pub struct MembershipChange<'a> {
    pub actor: &'a Model,
    pub audit: &'a Actor,
}

impl MembershipChange<'_> {
    fn may_manage(&self, target: &Model) -> Result<()> {
        if target.role() == Role::Owner {
            return Err(FieldErrors::one(
                "role",
                "the owner's membership can only change by transferring ownership",
            )
            .into());
        }
        if self.actor.role() < Role::Admin {
            return Err(Error::CustomError(
                axum::http::StatusCode::FORBIDDEN,
                loco_rs::controller::ErrorDetail::new(
                    "forbidden",
                    "Your role cannot manage members.",
                ),
            ));
        }
        Ok(())
    }

    /// Gives `target` a new role. `owner` transfers ownership (owner only):
    /// the current owner becomes an admin.
    ///
    /// # Errors
    /// 422 for an unknown role or a change that would leave no single owner.
    pub async fn change_role<C: ConnectionTrait + TransactionTrait>(
        &self,
        db: &C,
        target: &Member,
        role: &str,
    ) -> Result<Model> {
        let role: Role = role.parse()?;
        if target.membership.id == self.actor.id {
            return Err(FieldErrors::one("role", "you cannot change your own role").into());
        }
        if role == Role::Owner {
            return self.transfer_ownership(db, target).await;
        }
        self.may_manage(&target.membership)?;
        let before = target.membership.role();
        let txn = tenancy::begin_write(db).await?;
        let mut active = target.membership.clone().into_active_model();
        active.role = Set(role.as_str().to_string());
        let updated = active.update(&txn).await?;
        audit_events::Model::record(
            &txn,
            updated.workspace_id,
            self.audit,
            Event {
                action: "member.role_changed",
                summary: format!("{} is now {role} (was {before})", target.user.email),
                before: Some(json!({ "role": before.as_str() })),
                after: Some(json!({ "role": role.as_str() })),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(updated)
    }

    async fn transfer_ownership<C: ConnectionTrait + TransactionTrait>(
        &self,
        db: &C,
        target: &Member,
    ) -> Result<Model> {
        if self.actor.role() != Role::Owner {
            return Err(Error::CustomError(
                axum::http::StatusCode::FORBIDDEN,
                loco_rs::controller::ErrorDetail::new(
                    "forbidden",
                    "Only the owner can transfer ownership.",
                ),
            ));
        }
        let txn = tenancy::begin_write(db).await?;
        let mut previous = self.actor.clone().into_active_model();
        previous.role = Set(Role::Admin.as_str().to_string());
        previous.update(&txn).await?;
        let mut next = target.membership.clone().into_active_model();
        next.role = Set(Role::Owner.as_str().to_string());
        let updated = next.update(&txn).await?;
        audit_events::Model::record(
            &txn,
            updated.workspace_id,
            self.audit,
            Event {
                action: "workspace.ownership_transferred",
                summary: format!("ownership transferred to {}", target.user.email),
                before: Some(json!({ "owner_user_id": self.actor.user_id })),
                after: Some(json!({ "owner_user_id": target.membership.user_id })),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(updated)
    }

    /// Removes `target` from the workspace; removing yourself is leaving.
    ///
    /// # Errors
    /// 422 when the owner would leave or be removed.
    pub async fn remove<C: ConnectionTrait + TransactionTrait>(
        &self,
        db: &C,
        target: &Member,
    ) -> Result<()> {
        let leaving = target.membership.id == self.actor.id;
        if leaving && self.actor.role() == Role::Owner {
            return Err(FieldErrors::one(
                "user",
                "the owner cannot leave; transfer ownership or delete the workspace",
            )
            .into());
        }
        if !leaving {
            self.may_manage(&target.membership)?;
        }
        let txn = tenancy::begin_write(db).await?;
        target.membership.clone().delete(&txn).await?;
        let (action, summary) = if leaving {
            ("member.left", format!("{} left", target.user.email))
        } else {
            (
                "member.removed",
                format!("{} was removed", target.user.email),
            )
        };
        audit_events::Model::record(
            &txn,
            target.membership.workspace_id,
            self.audit,
            Event {
                action,
                summary,
                before: Some(json!({ "role": target.membership.role, "email": target.user.email })),
                after: None,
            },
        )
        .await?;
        txn.commit().await?;
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
