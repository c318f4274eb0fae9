use serde::Serialize;

use crate::models::{
    audit_events, invitations,
    memberships::{Member, Role},
    workspaces::{self, WithRole},
};

fn timestamp(at: &sea_orm::prelude::DateTimeWithTimeZone) -> String {
    at.with_timezone(&chrono::Utc)
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct WorkspaceResponse {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub currency: String,
    pub time_zone: String,
    /// The caller's role in it.
    pub role: String,
}

impl WorkspaceResponse {
    #[must_use]
    pub fn new(workspace: &workspaces::Model, role: Role) -> Self {
        Self {
            id: workspace.pid.to_string(),
            name: workspace.name.clone(),
            kind: workspace.kind.clone(),
            currency: workspace.currency.clone(),
            time_zone: workspace.time_zone.clone(),
            role: role.as_str().to_string(),
        }
    }
}

impl From<&WithRole> for WorkspaceResponse {
    fn from(w: &WithRole) -> Self {
        Self::new(&w.workspace, w.role)
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct MemberResponse {
    pub user_id: String,
    pub name: String,
    pub email: String,
    pub role: String,
    pub joined_at: String,
}

impl From<&Member> for MemberResponse {
    fn from(m: &Member) -> Self {
        Self {
            user_id: m.user.pid.to_string(),
            name: m.user.name.clone(),
            email: m.user.email.clone(),
            role: m.membership.role.clone(),
            joined_at: timestamp(&m.membership.created_at),
        }
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct InvitationResponse {
    pub id: String,
    pub email: String,
    pub role: String,
    pub invited_by: String,
    pub expires_at: String,
}

impl From<&invitations::Model> for InvitationResponse {
    fn from(i: &invitations::Model) -> Self {
        Self {
            id: i.pid.to_string(),
            email: i.email.clone(),
            role: i.role.clone(),
            invited_by: i.invited_by_name.clone(),
            expires_at: timestamp(&i.expires_at),
        }
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AuditEventResponse {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub summary: String,
    #[schema(value_type = Option<Object>)]
    pub details: Option<serde_json::Value>,
    pub ip: Option<String>,
}

impl From<&audit_events::Model> for AuditEventResponse {
    fn from(e: &audit_events::Model) -> Self {
        Self {
            id: e.id,
            at: timestamp(&e.created_at),
            actor: e.actor_name.clone(),
            action: e.action.clone(),
            summary: e.summary.clone(),
            details: e.details.clone(),
            ip: e.ip.clone(),
        }
    }
}
