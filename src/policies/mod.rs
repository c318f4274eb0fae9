//! Authorization with Casbin (RBAC with domains: user, role, workspace).
//!
//! What each role may do is a set of Casbin `p` rules in the `casbin_rules`
//! table (seeded by a migration, read through [`adapter::SeaOrmAdapter`]).
//! Which role a user holds in a workspace is the `memberships` row: the
//! access extractor loads it on every request anyway, and hands it to
//! [`Policies::allows`], which links user and role in that workspace's
//! domain before asking the enforcer. So the database stays the one record
//! of membership and several processes never disagree about a role.

pub mod adapter;

use std::{collections::HashMap, sync::Arc};

use casbin::{CoreApi, DefaultModel, Enforcer, MgmtApi};
use loco_rs::prelude::*;
use tokio::sync::RwLock;

use crate::models::{memberships::Role, platform::PlatformRole};

/// The Casbin domain of the console's permissions.
const PLATFORM: &str = "platform";

const MODEL: &str = include_str!("../../config/rbac_model.conf");

/// Something a role may or may not do: an object (kind of resource) and an
/// action, as in the `p` rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Permission {
    pub object: &'static str,
    pub action: &'static str,
}

impl Permission {
    #[must_use]
    pub const fn new(object: &'static str, action: &'static str) -> Self {
        Self { object, action }
    }
}

impl std::fmt::Display for Permission {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.object, self.action)
    }
}

pub const WORKSPACE_READ: Permission = Permission::new("workspace", "read");
pub const WORKSPACE_UPDATE: Permission = Permission::new("workspace", "update");
pub const WORKSPACE_DELETE: Permission = Permission::new("workspace", "delete");
pub const WORKSPACE_TRANSFER: Permission = Permission::new("workspace", "transfer");
pub const MEMBERS_READ: Permission = Permission::new("members", "read");
pub const MEMBERS_MANAGE: Permission = Permission::new("members", "manage");
pub const MEMBERS_LEAVE: Permission = Permission::new("members", "leave");
pub const INVITATIONS_READ: Permission = Permission::new("invitations", "read");
pub const INVITATIONS_MANAGE: Permission = Permission::new("invitations", "manage");
pub const AUDIT_READ: Permission = Permission::new("audit", "read");
pub const EXPENSES_READ: Permission = Permission::new("expenses", "read");
pub const EXPENSES_CREATE: Permission = Permission::new("expenses", "create");
pub const EXPENSES_UPDATE_ANY: Permission = Permission::new("expenses", "update_any");
pub const EXPENSES_UPDATE_OWN: Permission = Permission::new("expenses", "update_own");
pub const EXPENSES_DELETE_ANY: Permission = Permission::new("expenses", "delete_any");
pub const EXPENSES_DELETE_OWN: Permission = Permission::new("expenses", "delete_own");
pub const CATEGORIES_READ: Permission = Permission::new("categories", "read");
pub const CATEGORIES_MANAGE: Permission = Permission::new("categories", "manage");
pub const IMPORTS_READ: Permission = Permission::new("imports", "read");
pub const IMPORTS_CREATE: Permission = Permission::new("imports", "create");
pub const RECURRING_READ: Permission = Permission::new("recurring", "read");
pub const RECURRING_MANAGE: Permission = Permission::new("recurring", "manage");
pub const SETTLEMENTS_READ: Permission = Permission::new("settlements", "read");
pub const SETTLEMENTS_CREATE: Permission = Permission::new("settlements", "create");
pub const SETTLEMENTS_DELETE: Permission = Permission::new("settlements", "delete");
pub const BUDGETS_READ: Permission = Permission::new("budgets", "read");
pub const BUDGETS_MANAGE: Permission = Permission::new("budgets", "manage");
pub const BILLING_MANAGE: Permission = Permission::new("billing", "manage");
pub const SUPPORT_ACCESS_MANAGE: Permission = Permission::new("support_access", "manage");

// The operators' console (platform roles superadmin, support, billing).
pub const CONSOLE_READ: Permission = Permission::new("console", "read");
pub const USERS_READ: Permission = Permission::new("users", "read");
/// Resend mails, unlock accounts.
pub const USERS_SUPPORT: Permission = Permission::new("users", "support");
pub const USERS_MANAGE: Permission = Permission::new("users", "manage");
pub const PLATFORM_ROLES_MANAGE: Permission = Permission::new("platform_roles", "manage");
pub const WORKSPACES_READ: Permission = Permission::new("workspaces", "read");
pub const WORKSPACES_MANAGE: Permission = Permission::new("workspaces", "manage");
pub const BILLING_ADMIN_READ: Permission = Permission::new("billing_admin", "read");
pub const BILLING_ADMIN_MANAGE: Permission = Permission::new("billing_admin", "manage");
pub const JOBS_READ: Permission = Permission::new("jobs", "read");
pub const JOBS_MANAGE: Permission = Permission::new("jobs", "manage");
pub const PLATFORM_AUDIT_READ: Permission = Permission::new("platform_audit", "read");
/// Read a workspace whose owner granted support access.
pub const SUPPORT_VIEW: Permission = Permission::new("support_view", "read");

struct State {
    enforcer: Enforcer,
    /// The role currently linked for each (subject, domain).
    links: HashMap<(String, String), Role>,
}

pub struct Policies {
    state: RwLock<State>,
}

fn subject(user_pid: &Uuid) -> String {
    format!("user:{user_pid}")
}

fn domain(workspace_pid: &Uuid) -> String {
    format!("workspace:{workspace_pid}")
}

fn casbin_error(err: casbin::Error) -> Error {
    Error::string(&format!("authorization: {err}"))
}

impl Policies {
    /// Loads the model and the rules from the database.
    ///
    /// # Errors
    /// When the model is invalid or the rules cannot be read.
    pub async fn load(db: &DatabaseConnection) -> Result<Self> {
        let model = DefaultModel::from_str(MODEL).await.map_err(casbin_error)?;
        let mut enforcer = Enforcer::new(model, adapter::SeaOrmAdapter::new(db.clone()))
            .await
            .map_err(casbin_error)?;
        // Role links come from `memberships`; keep them in memory only.
        enforcer.enable_auto_save(false);
        Ok(Self {
            state: RwLock::new(State {
                enforcer,
                links: HashMap::new(),
            }),
        })
    }

    /// The policies loaded at boot.
    ///
    /// # Errors
    /// Only if called before `App::after_context` stored them.
    pub fn get(ctx: &AppContext) -> Result<Arc<Self>> {
        ctx.shared_store
            .get::<Arc<Self>>()
            .ok_or_else(|| Error::string("policies are not loaded"))
    }

    /// May the user, holding `role` in the workspace, do `permission` there?
    ///
    /// # Errors
    /// When the enforcer fails.
    pub async fn allows(
        &self,
        user_pid: &Uuid,
        workspace_pid: &Uuid,
        role: Role,
        permission: Permission,
    ) -> Result<bool> {
        let key = (subject(user_pid), domain(workspace_pid));
        let request = (
            key.0.clone(),
            key.1.clone(),
            permission.object,
            permission.action,
        );
        {
            let state = self.state.read().await;
            if state.links.get(&key) == Some(&role) {
                return state.enforcer.enforce(request).map_err(casbin_error);
            }
        }
        let mut state = self.state.write().await;
        if let Some(old) = state.links.get(&key).copied() {
            state
                .enforcer
                .remove_grouping_policy(vec![key.0.clone(), old.as_str().into(), key.1.clone()])
                .await
                .map_err(casbin_error)?;
        }
        state
            .enforcer
            .add_grouping_policy(vec![key.0.clone(), role.as_str().into(), key.1.clone()])
            .await
            .map_err(casbin_error)?;
        state.links.insert(key, role);
        state.enforcer.enforce(request).map_err(casbin_error)
    }

    /// May someone holding these platform roles do `permission` in the
    /// console? Platform rules are `p` rules whose subject is the role
    /// itself; no workspace role is ever one of them.
    ///
    /// # Errors
    /// When the enforcer fails.
    pub async fn allows_platform(
        &self,
        roles: &[PlatformRole],
        permission: Permission,
    ) -> Result<bool> {
        let state = self.state.read().await;
        for role in roles {
            let request = (
                role.as_str(),
                PLATFORM,
                permission.object,
                permission.action,
            );
            if state.enforcer.enforce(request).map_err(casbin_error)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Every permission a role has, for showing what the UI may offer.
    pub async fn permissions_of(&self, role: Role) -> Vec<(String, String)> {
        let state = self.state.read().await;
        state
            .enforcer
            .get_filtered_policy(0, vec![role.as_str().to_string()])
            .into_iter()
            .filter_map(|rule| Some((rule.get(1)?.clone(), rule.get(2)?.clone())))
            .collect()
    }
}
