use serde::Serialize;

use crate::{
    models::{
        audit_events,
        billing::PlanState,
        invitations::{self, InviteParams},
        memberships::{Member, Role},
        workspaces::{self, WithRole},
    },
    views::{
        dashboard::DashboardView,
        expenses::{CategoryResponse, DefaultSplit},
        page::FormValues,
    },
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
    /// How the app's forms split a new expense: `equal` or `none`.
    #[schema(schema_with = crate::models::schema::default_split)]
    pub default_split: String,
    /// How balances are kept: `base_currency` (expenses in other
    /// currencies count at their rate) or `each_currency` (a balance per
    /// currency, nothing converted).
    #[schema(schema_with = crate::models::schema::settle_up)]
    pub settle_up: String,
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
            default_split: workspace.default_split.clone(),
            settle_up: workspace.settle_up.clone(),
            role: role.as_str().to_string(),
        }
    }
}

impl From<&WithRole> for WorkspaceResponse {
    fn from(w: &WithRole) -> Self {
        Self::new(&w.workspace, w.role)
    }
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
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

/// What every workspace page shows around its content (built by
/// `pages::workspaces::frame`): the workspace, what the member may do there
/// (its navigation reads both), the unread count and the billing banner.
#[derive(Debug, Serialize)]
pub struct Frame {
    pub workspace: WorkspaceResponse,
    pub can: Abilities,
    pub unread: u64,
    /// With billing on: the plan, and whether a failed payment needs the
    /// owner (the banner); `null` with billing off (no billing link).
    pub billing: Option<BillingBanner>,
    pub suspended: bool,
    /// What the quick-add sheet offers (every workspace page has it), for
    /// members who may add expenses; `null` for the others.
    pub quick_add: Option<QuickAdd>,
}

/// The quick-add sheet's choices and blank values: the amount in the
/// workspace's currency, today, paid by the member looking, split as the
/// workspace's default.
#[derive(Debug, Serialize)]
pub struct QuickAdd {
    pub members: Vec<MemberResponse>,
    pub categories: Vec<CategoryResponse>,
    pub date: String,
    pub currency: String,
    pub paid_by: String,
    #[serde(flatten)]
    pub split: DefaultSplit,
}

/// The navigation alone: the workspace and what the member may do (the
/// frame's first part; every workspace page shows the whole frame).
#[derive(Debug, Serialize)]
pub struct Nav {
    pub workspace: WorkspaceResponse,
    pub can: Abilities,
}

#[derive(Debug, Serialize)]
pub struct BillingBanner {
    pub plan: String,
    pub state: PlanState,
    pub grace_until: Option<String>,
}

/// What the member may do here, for showing only the actions that work.
#[derive(Debug, Clone, Copy, Serialize)]
#[allow(clippy::struct_excessive_bools)] // one flag per permission the pages ask about
pub struct Abilities {
    pub add_expense: bool,
    pub manage_recurring: bool,
    pub import: bool,
    pub manage_categories: bool,
    pub settle: bool,
    pub delete_settlements: bool,
    pub update: bool,
    pub delete: bool,
    pub manage_members: bool,
    pub invite: bool,
    pub audit: bool,
    pub manage_budgets: bool,
    pub support_access: bool,
}

/// The list of one's workspaces (`/w`) and the form to create one.
#[derive(Debug, Serialize)]
pub struct WorkspacesPage {
    pub workspaces: Vec<WorkspaceResponse>,
    pub form: FormValues<NewWorkspace, SentWorkspace>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<serde_json::Value>,
}

/// A blank workspace: a household counting in euros, on UTC.
#[derive(Debug, Serialize)]
pub struct NewWorkspace {
    pub kind: &'static str,
    pub currency: &'static str,
    pub time_zone: &'static str,
}

/// The create or settings form as sent.
#[derive(Debug, Serialize)]
pub struct SentWorkspace {
    pub name: Option<String>,
    pub kind: Option<String>,
    pub currency: Option<String>,
    pub time_zone: Option<String>,
    pub default_split: Option<String>,
    pub settle_up: Option<String>,
}

impl From<&workspaces::CreateParams> for SentWorkspace {
    fn from(p: &workspaces::CreateParams) -> Self {
        Self {
            name: Some(p.name.clone()),
            kind: Some(p.kind.clone()),
            currency: Some(p.currency.clone()),
            time_zone: p.time_zone.clone(),
            default_split: None,
            settle_up: None,
        }
    }
}

impl From<&workspaces::UpdateParams> for SentWorkspace {
    fn from(p: &workspaces::UpdateParams) -> Self {
        Self {
            name: p.name.clone(),
            kind: p.kind.clone(),
            currency: p.currency.clone(),
            time_zone: p.time_zone.clone(),
            default_split: p.default_split.clone(),
            settle_up: p.settle_up.clone(),
        }
    }
}

/// A workspace's start page.
#[derive(Debug, Serialize)]
pub struct OverviewPage {
    pub dashboard: DashboardView,
    pub member_count: usize,
}

/// The settings page: the form (filled from the workspace, or as sent),
/// the support access granted until when, and the errors of either form
/// (the delete form's under `delete`).
#[derive(Debug, Serialize)]
pub struct SettingsPage {
    pub form: FormValues<WorkspaceResponse, SentWorkspace>,
    pub support_until: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<serde_json::Value>,
}

/// A member in the members list.
#[derive(Debug, Serialize)]
pub struct MemberRow {
    #[serde(flatten)]
    pub member: MemberResponse,
    /// The member looking at the page.
    pub is_me: bool,
}

/// The members page: members, pending invitations and the form to invite.
#[derive(Debug, Serialize)]
pub struct MembersPage {
    pub members: Vec<MemberRow>,
    pub invitations: Vec<InvitationResponse>,
    pub roles: Vec<&'static str>,
    pub form: FormValues<NewInvitation, SentInvitation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<serde_json::Value>,
}

/// A blank invitation: as a member.
#[derive(Debug, Serialize)]
pub struct NewInvitation {
    pub role: &'static str,
}

/// The invite form as sent.
#[derive(Debug, Serialize)]
pub struct SentInvitation {
    pub email: String,
    pub role: String,
}

impl From<&InviteParams> for SentInvitation {
    fn from(p: &InviteParams) -> Self {
        Self {
            email: p.email.clone(),
            role: p.role.clone(),
        }
    }
}

/// The audit log, a page of events and the id to read older ones from.
#[derive(Debug, Serialize)]
pub struct AuditPage {
    pub events: Vec<AuditEventResponse>,
    /// The cursor of the next, older page.
    pub older: Option<String>,
}

/// The page an emailed invitation link opens.
#[derive(Debug, Serialize)]
pub struct InvitationPage {
    /// Why it cannot be accepted (used, revoked, expired).
    pub alert: Option<String>,
    pub token: String,
    /// The workspace's name.
    pub workspace: String,
    pub role: String,
    pub email: String,
    pub invited_by: String,
    pub signed_in_as: Option<String>,
    pub signup_link: String,
    pub wrong_account: bool,
}

/// The invitation page for a link that names no invitation.
#[derive(Debug, Serialize)]
pub struct UnknownInvitation {
    pub alert: String,
}

crate::page_schema!(AuditEventList, AuditEventResponse);
crate::page_schema!(InvitationList, InvitationResponse);
crate::page_schema!(MemberList, MemberResponse);
crate::page_schema!(WorkspaceList, WorkspaceResponse);
