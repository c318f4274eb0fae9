use crate::models::ids::WorkspaceId;
use chrono::{Duration, Utc};
use loco_rs::prelude::*;
use sea_orm::TransactionSession;
use serde::Deserialize;
use serde_json::json;
use validator::ValidateEmail;

pub use super::_entities::invitations::{self, ActiveModel, Entity, Model};
use super::{
    _entities::{users, workspaces},
    audit_events::{self, Actor, Event},
    effects::Effect,
    errors::{DomainError, DomainResult},
    memberships::{self, Role},
    secrets,
    tenancy::{self, Scope, Tenant},
    users::normalize_email,
    validation::FieldErrors,
};
use crate::{mailers::Mail, policies::INVITATIONS_MANAGE, workers::Job};

/// How long an invitation link works.
pub const INVITATION_TTL: Duration = Duration::days(7);

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct InviteParams {
    #[schema(required = true, max_length = 254)]
    pub email: String,
    #[schema(required = true, schema_with = crate::models::schema::grantable_role)]
    pub role: String,
}

impl ActiveModelBehavior for ActiveModel {}

impl TenantEntity for Entity {
    type TenantId = WorkspaceId;

    fn tenant_column() -> invitations::Column {
        invitations::Column::WorkspaceId
    }
}

/// The stored digest of an invitation whose link is not mailed yet: the
/// digest of a token nobody keeps, so no link matches it.
fn unmailed_link() -> String {
    secrets::digest(&secrets::new_token())
}

/// Why an invitation link cannot be used, in words for the person holding it.
fn unusable(message: &str) -> Error {
    FieldErrors::one("token", message).into()
}

impl Model {
    #[must_use]
    pub fn is_pending(&self) -> bool {
        self.accepted_at.is_none()
            && self.revoked_at.is_none()
            && self.expires_at.with_timezone(&Utc) > Utc::now()
    }

    #[must_use]
    pub fn role(&self) -> Role {
        self.role.parse().unwrap_or(Role::Viewer)
    }

    /// Pending invitations of a workspace, newest first.
    ///
    /// # Errors
    /// On database errors.
    pub async fn pending<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
    ) -> ModelResult<Vec<Self>> {
        Ok(Entity::find()
            .in_tenant(workspace_id)
            .filter(invitations::Column::AcceptedAt.is_null())
            .filter(invitations::Column::RevokedAt.is_null())
            .filter(invitations::Column::ExpiresAt.gt(Utc::now()))
            .order_by_desc(invitations::Column::Id)
            .all(db)
            .await?)
    }

    /// One invitation of a workspace by its public id.
    ///
    /// # Errors
    /// `EntityNotFound` when the workspace has no such invitation.
    pub async fn find_in<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
        pid: &str,
    ) -> ModelResult<Self> {
        let pid = Uuid::parse_str(pid).map_err(|_| ModelError::EntityNotFound)?;
        Entity::find()
            .in_tenant(workspace_id)
            .filter(invitations::Column::Pid.eq(pid))
            .one(db)
            .await?
            .ok_or(ModelError::EntityNotFound)
    }

    /// A transaction that may see the invitation named by `token` (and the
    /// user's own memberships), for opening and accepting an emailed link.
    ///
    /// # Errors
    /// On database errors.
    pub async fn transaction_for_token(
        db: &DatabaseConnection,
        user: Option<&users::Model>,
        token: &str,
    ) -> ModelResult<sea_orm::DatabaseTransaction> {
        let digest = secrets::digest(token);
        tenancy::begin(
            db,
            Scope {
                user_id: user.map(|u| u.id),
                invitation_token: Some(&digest),
                ..Scope::default()
            },
        )
        .await
    }

    /// The invitation an emailed link names, with its workspace, however
    /// stale; [`Model::accept`] says why a stale one cannot be used.
    ///
    /// # Errors
    /// `EntityNotFound` for an unknown token.
    pub async fn find_by_token<C: ConnectionTrait + TransactionTrait>(
        db: &C,
        token: &str,
    ) -> ModelResult<(Self, workspaces::Model)> {
        Entity::find()
            .filter(invitations::Column::TokenHash.eq(secrets::digest(token)))
            .find_also_related(workspaces::Entity)
            .one(db)
            .await?
            .and_then(|(invitation, workspace)| {
                Some((invitation, workspace.filter(|w| w.deleting_at.is_none())?))
            })
            .ok_or(ModelError::EntityNotFound)
    }

    /// Invites an address into the workspace; the link is mailed once the
    /// change commits. Pending invitations count towards the plan's
    /// members.
    ///
    /// # Errors
    /// `Invalid` for a bad address or role, an existing member, or an
    /// invitation already pending for the address; `PlanLimit` when the
    /// plan's members are all taken; `Forbidden`.
    pub async fn invite(tenant: &Tenant<'_>, params: &InviteParams) -> DomainResult<Self> {
        tenant.ensure(INVITATIONS_MANAGE).await?;
        let (db, workspace, actor) = (tenant.db, tenant.workspace, &tenant.actor);
        let mut errors = FieldErrors::new();
        let email = normalize_email(&params.email);
        if email.is_empty() {
            errors.add("email", "can't be blank");
        } else if !email.validate_email() {
            errors.add("email", "is not a valid email address");
        }
        match params.role.parse::<Role>() {
            Ok(role) if Role::GRANTABLE.contains(&role) => {}
            _ => errors.add("role", "must be one of admin, member, viewer"),
        }
        errors.checked()?;
        // Two invitations at once must not pass the plan's members or both
        // invite one address.
        tenant.lock_workspace().await?;
        tenant.limits.check_new_member(db, workspace.id).await?;
        let already_member = memberships::Entity::find()
            .in_tenant(workspace.id)
            .inner_join(users::Entity)
            .filter(users::Column::Email.eq(&email))
            .one(db)
            .await?
            .is_some();
        if already_member {
            return Err(DomainError::field(
                "email",
                "is already a member of this workspace",
            ));
        }
        if Self::pending(db, workspace.id)
            .await?
            .iter()
            .any(|i| i.email == email)
        {
            return Err(DomainError::field(
                "email",
                "already has a pending invitation; resend or revoke it",
            ));
        }
        let invitation = ActiveModel {
            pid: Set(Uuid::new_v4()),
            workspace_id: Set(workspace.id),
            email: Set(email.clone()),
            role: Set(params.role.trim().to_string()),
            // No link yet: the mail job mints it when it sends the mail.
            token_hash: Set(unmailed_link()),
            invited_by_name: Set(actor.name.clone()),
            expires_at: Set((Utc::now() + INVITATION_TTL).into()),
            ..Default::default()
        }
        .insert(db)
        .await?;
        audit_events::Model::record(
            db,
            workspace.id,
            actor,
            Event {
                action: "invitation.created",
                summary: format!("invited {email} as {}", invitation.role),
                before: None,
                after: Some(json!({ "email": email, "role": invitation.role })),
            },
        )
        .await?;
        tenant.after_commit(Effect::Job(invitation.mail_job()));
        Ok(invitation)
    }

    /// A new link, mailed once the change commits, and seven more days; the
    /// old link stops working at once. An expired invitation counts again towards
    /// the plan's members, so it is renewed only if the plan allows.
    ///
    /// # Errors
    /// `Invalid` when the invitation is no longer pending; `PlanLimit`;
    /// `Forbidden`.
    pub async fn resend(&self, tenant: &Tenant<'_>) -> DomainResult<Self> {
        tenant.ensure(INVITATIONS_MANAGE).await?;
        // Only an expired one comes back into the plan's count; a used or
        // revoked one is refused below as such, not as past the plan.
        let open = self.accepted_at.is_none() && self.revoked_at.is_none();
        if open && !self.is_pending() {
            tenant
                .limits
                .check_new_member(tenant.db, self.workspace_id)
                .await?;
        }
        let renewed = self
            .update_if_open(
                tenant.db,
                Entity::update_many()
                    .col_expr(invitations::Column::TokenHash, Expr::value(unmailed_link()))
                    .col_expr(
                        invitations::Column::ExpiresAt,
                        Expr::value(Utc::now() + INVITATION_TTL),
                    ),
            )
            .await?;
        audit_events::Model::record(
            tenant.db,
            self.workspace_id,
            &tenant.actor,
            Event {
                action: "invitation.resent",
                summary: format!("resent the invitation to {}", self.email),
                before: None,
                after: None,
            },
        )
        .await?;
        tenant.after_commit(Effect::Job(renewed.mail_job()));
        Ok(renewed)
    }

    /// The job that mails this invitation with a fresh link.
    #[must_use]
    pub fn mail_job(&self) -> Job {
        Job::Mail {
            mail: Mail::Invitation {
                workspace_id: self.workspace_id,
                invitation_id: self.id,
            },
        }
    }

    /// Mints the link to mail: a new token whose digest replaces the
    /// stored one (an earlier link stops working). `None` when the
    /// invitation is no longer pending, so there is nothing to mail.
    ///
    /// # Errors
    /// On database errors.
    pub async fn new_link<C: ConnectionTrait>(
        &self,
        db: &C,
    ) -> DomainResult<Option<(Self, String)>> {
        if !self.is_pending() {
            return Ok(None);
        }
        let token = secrets::new_token();
        let minted = self
            .update_if_open(
                db,
                Entity::update_many().col_expr(
                    invitations::Column::TokenHash,
                    Expr::value(secrets::digest(&token)),
                ),
            )
            .await;
        match minted {
            Ok(invitation) => Ok(Some((invitation, token))),
            // Used or revoked since it was read.
            Err(DomainError::Invalid(_)) => Ok(None),
            Err(err) => Err(err),
        }
    }

    /// Revokes a pending invitation: its link stops working.
    ///
    /// # Errors
    /// `Invalid` when the invitation is no longer pending; `Forbidden`.
    pub async fn revoke(&self, tenant: &Tenant<'_>) -> DomainResult<Self> {
        tenant.ensure(INVITATIONS_MANAGE).await?;
        let revoked = self
            .update_if_open(
                tenant.db,
                Entity::update_many()
                    .col_expr(invitations::Column::RevokedAt, Expr::value(Utc::now())),
            )
            .await?;
        audit_events::Model::record(
            tenant.db,
            self.workspace_id,
            &tenant.actor,
            Event {
                action: "invitation.revoked",
                summary: format!("revoked the invitation to {}", self.email),
                before: Some(json!({ "email": self.email, "role": self.role })),
                after: None,
            },
        )
        .await?;
        Ok(revoked)
    }

    /// Applies `update` to this invitation if it is neither used nor
    /// revoked now, in one statement (an accept or a revoke at the same
    /// moment leaves it alone), and returns it as it is then.
    ///
    /// # Errors
    /// `Invalid` naming `token` when it was used or revoked.
    async fn update_if_open<C: ConnectionTrait>(
        &self,
        db: &C,
        update: sea_orm::UpdateMany<Entity>,
    ) -> DomainResult<Self> {
        let done = update
            .filter(invitations::Column::Id.eq(self.id))
            .filter(invitations::Column::AcceptedAt.is_null())
            .filter(invitations::Column::RevokedAt.is_null())
            .exec(db)
            .await?;
        if done.rows_affected == 0 {
            return Err(DomainError::field(
                "token",
                "this invitation was already used or revoked",
            ));
        }
        Entity::find_by_id(self.id)
            .in_tenant(self.workspace_id)
            .one(db)
            .await?
            .ok_or(DomainError::NotFound)
    }

    /// Joins `user` to the workspace with the invited role. The link is
    /// bound to the invited address and works once.
    ///
    /// # Errors
    /// 422 naming the reason: used, revoked, expired, another address, or
    /// already a member.
    pub async fn accept<C: ConnectionTrait + TransactionTrait>(
        &self,
        db: &C,
        user: &users::Model,
        actor: &Actor,
    ) -> Result<memberships::Model> {
        if self.accepted_at.is_some() {
            return Err(unusable("this invitation was already used"));
        }
        if self.revoked_at.is_some() {
            return Err(unusable("this invitation was revoked"));
        }
        if self.expires_at.with_timezone(&Utc) <= Utc::now() {
            return Err(unusable("this invitation has expired; ask for a new one"));
        }
        if user.email != self.email {
            return Err(unusable(&format!(
                "this invitation was sent to {}; log in with that address to accept it",
                self.email
            )));
        }
        let txn = tenancy::begin_write(db).await?;
        // Joining changes who is in the workspace: not while another change
        // checks that (see `tenancy::lock_workspace`).
        tenancy::lock_workspace(&txn, self.workspace_id).await?;
        // Mark it used first, in one statement that checks it is still this
        // link and still pending: of two accepts at once, or an accept and a
        // revoke or resend, only one goes through.
        let now = Utc::now();
        let used = Entity::update_many()
            .col_expr(invitations::Column::AcceptedAt, Expr::value(now))
            .filter(invitations::Column::Id.eq(self.id))
            .filter(invitations::Column::TokenHash.eq(&self.token_hash))
            .filter(invitations::Column::AcceptedAt.is_null())
            .filter(invitations::Column::RevokedAt.is_null())
            .filter(invitations::Column::ExpiresAt.gt(now))
            .exec(&txn)
            .await?;
        if used.rows_affected == 0 {
            return Err(unusable(
                "this invitation was already used, revoked or renewed",
            ));
        }
        // Joining enters the workspace: the membership and the audit entry
        // belong to it.
        tenancy::enter_workspace(&txn, self.workspace_id).await?;
        let membership =
            memberships::Model::join(&txn, self.workspace_id, user, self.role()).await?;
        audit_events::Model::record(
            &txn,
            self.workspace_id,
            actor,
            Event {
                action: "member.joined",
                summary: format!("{} joined as {}", user.email, self.role),
                before: None,
                after: Some(json!({ "email": user.email, "role": self.role })),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(membership)
    }
}
