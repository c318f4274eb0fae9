//! The operators' console: what every console page shows around its
//! content (`ConsoleFrame`), and each console page's own context.

use sea_orm::prelude::Uuid;
use serde::Serialize;

use crate::{
    models::{
        billing::{PlanState, Usage},
        platform::PlatformRole,
    },
    views::expenses::ExpenseListResponse,
    workers::queue::JobRow,
};

/// Built by `admin::Staff::frame`: who is at the console and which of its
/// sections they may open (its navigation reads both).
#[derive(Debug, Serialize)]
pub struct ConsoleFrame {
    pub staff: StaffBadge,
    pub console: ConsoleSections,
}

#[derive(Debug, Serialize)]
pub struct StaffBadge {
    pub name: String,
    pub roles: Vec<PlatformRole>,
}

/// The console's sections the operator may open.
#[derive(Debug, Serialize)]
#[allow(clippy::struct_excessive_bools)] // one flag per section
pub struct ConsoleSections {
    pub users: bool,
    pub workspaces: bool,
    pub billing: bool,
    pub jobs: bool,
    pub audit: bool,
}

/// A console page's context: the frame beside the page's own fields.
pub type AtConsole<T> = crate::views::page::InWorkspace<T, ConsoleFrame>;

/// Pagination of the console's lists: this page, the last, and the links'
/// query.
#[derive(Debug, Serialize)]
pub struct Pager {
    pub page: u64,
    pub pages: u64,
    pub total: u64,
    pub q: String,
    pub only: String,
}

/// `/admin`: counts, sign-ups per day, the job queue.
#[derive(Debug, Serialize)]
pub struct OverviewPage {
    pub users: u64,
    pub workspaces: u64,
    pub subscriptions: u64,
    pub signups: Vec<SignupDay>,
    pub jobs_waiting: i64,
    pub jobs_failed: usize,
}

#[derive(Debug, Serialize)]
pub struct SignupDay {
    pub day: String,
    pub count: u64,
    /// Of the busiest day's count.
    pub percent: u64,
}

/// `/admin/billing`.
#[derive(Debug, Serialize)]
pub struct BillingPage {
    pub accounts: Vec<BillingRow>,
    pub pager: Pager,
    pub billing_on: bool,
    pub can_manage: bool,
}

#[derive(Debug, Serialize)]
pub struct BillingRow {
    pub workspace: Option<WorkspaceLink>,
    pub customer: String,
    pub subscription: Option<String>,
    pub plan: Option<String>,
    pub status: Option<String>,
    pub failed: bool,
    pub period_end: Option<String>,
    pub grace_until: Option<String>,
    pub synced_at: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct WorkspaceLink {
    pub id: Uuid,
    pub name: String,
}

/// `/admin/jobs`.
#[derive(Debug, Serialize)]
pub struct JobsPage {
    pub counts: Vec<JobCount>,
    pub waiting: i64,
    pub dead: Vec<DeadJob>,
    pub can_manage: bool,
}

/// A dead job on the console: its kind for every operator who may see
/// jobs; what it is about (the ids in its payload) only for those who may
/// manage them.
#[derive(Debug, Serialize)]
pub struct DeadJob {
    pub id: String,
    pub kind: String,
    pub payload: Option<String>,
    pub attempts: i32,
    pub max_attempts: i32,
    pub last_result: Option<String>,
}

impl DeadJob {
    #[must_use]
    pub fn new(row: JobRow, show_payload: bool) -> Self {
        let kind = row.kind();
        // A rendered mail queued before mail jobs named their rows holds
        // the mail's links: shown to nobody.
        let show_payload = show_payload && kind != "deliver_mail";
        Self {
            kind,
            payload: show_payload.then_some(row.job),
            id: row.id,
            attempts: row.attempts,
            max_attempts: row.max_attempts,
            last_result: row.last_result,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct JobCount {
    pub status: String,
    pub count: i64,
}

/// `/admin/audit`.
#[derive(Debug, Serialize)]
pub struct AuditPage {
    pub entries: Vec<AuditRow>,
    pub pager: Pager,
}

#[derive(Debug, Serialize)]
pub struct AuditRow {
    pub at: String,
    pub actor: String,
    pub ip: Option<String>,
    pub action: String,
    pub target: String,
    pub summary: String,
    /// The details' `before` and `after` as JSON text, when not null.
    pub before: Option<String>,
    pub after: Option<String>,
}

/// `/admin/users`.
#[derive(Debug, Serialize)]
pub struct UsersPage {
    pub users: Vec<UserRow>,
    pub pager: Pager,
}

#[derive(Debug, Serialize)]
pub struct UserRow {
    pub id: Uuid,
    pub name: String,
    pub email: String,
    pub verified: bool,
    pub locked: bool,
    pub created_at: String,
}

/// `/admin/users/{id}`.
#[derive(Debug, Serialize)]
pub struct UserPage {
    pub user: UserDetails,
    pub workspaces: Vec<UserWorkspace>,
    pub sessions: Vec<SessionRow>,
    pub roles: Vec<PlatformRole>,
    pub all_roles: [PlatformRole; 3],
    pub audit: Vec<AuditLine>,
    pub can: UserRights,
}

#[derive(Debug, Serialize)]
pub struct UserDetails {
    pub id: Uuid,
    pub name: String,
    pub email: String,
    pub pending_email: Option<String>,
    pub verified: bool,
    pub locked: bool,
    pub locked_at: Option<String>,
    pub created_at: String,
    pub is_me: bool,
}

#[derive(Debug, Serialize)]
pub struct UserWorkspace {
    pub id: Uuid,
    pub name: String,
    pub role: String,
    pub deleting: bool,
}

#[derive(Debug, Serialize)]
pub struct SessionRow {
    pub id: i64,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub last_seen_at: String,
    pub created_at: String,
}

#[derive(Debug, Serialize)]
pub struct AuditLine {
    pub at: String,
    pub actor: String,
    pub summary: String,
}

#[derive(Debug, Serialize)]
pub struct UserRights {
    pub manage: bool,
    pub support: bool,
    pub roles: bool,
}

/// `/admin/workspaces`.
#[derive(Debug, Serialize)]
pub struct WorkspacesPage {
    pub workspaces: Vec<WorkspaceRow>,
    pub pager: Pager,
}

#[derive(Debug, Serialize)]
pub struct WorkspaceRow {
    pub id: Uuid,
    pub name: String,
    pub kind: String,
    pub currency: String,
    pub suspended: bool,
    pub created_at: String,
}

/// `/admin/workspaces/{id}`.
#[derive(Debug, Serialize)]
pub struct WorkspacePage {
    pub workspace: WorkspaceDetails,
    pub members: Vec<MemberRow>,
    pub roles: Vec<&'static str>,
    pub usage: Usage,
    pub billing: Option<WorkspaceBilling>,
    pub support_until: Option<String>,
    pub can: WorkspaceRights,
}

#[derive(Debug, Serialize)]
pub struct WorkspaceDetails {
    pub id: Uuid,
    pub name: String,
    pub kind: String,
    pub currency: String,
    pub time_zone: String,
    pub suspended: bool,
    pub created_at: String,
}

#[derive(Debug, Serialize)]
pub struct MemberRow {
    pub user_id: Uuid,
    pub name: String,
    pub email: String,
    pub role: String,
}

#[derive(Debug, Serialize)]
pub struct WorkspaceBilling {
    pub plan: String,
    pub state: PlanState,
    pub status: Option<String>,
    pub customer: Option<String>,
    pub period_end: Option<String>,
    pub limits: Option<MemberLimit>,
}

#[derive(Debug, Serialize)]
pub struct MemberLimit {
    pub members: u32,
}

#[derive(Debug, Serialize)]
pub struct WorkspaceRights {
    pub manage: bool,
    pub view: bool,
}

/// `/admin/workspaces/{id}/view`: the workspace as a viewer reads it.
#[derive(Debug, Serialize)]
pub struct SupportViewPage {
    pub workspace: ViewedWorkspace,
    pub until: String,
    pub members: Vec<ViewedMember>,
    pub expenses: ExpenseListResponse,
}

#[derive(Debug, Serialize)]
pub struct ViewedWorkspace {
    pub id: Uuid,
    pub name: String,
    pub currency: String,
}

#[derive(Debug, Serialize)]
pub struct ViewedMember {
    pub name: String,
    pub role: String,
}
