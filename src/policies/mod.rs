//! Authorization with Casbin (RBAC with domains: user, role, workspace).
//!
//! What each role may do is a set of Casbin `p` rules in the `casbin_rules`
//! table (seeded by a migration, read through [`adapter::SeaOrmAdapter`]).
//! Which role a user holds in a workspace is the `memberships` row: the
//! access extractor loads it on every request anyway, and hands the role to
//! [`Policies::allows`]. So the database stays the one record of membership
//! and several processes never disagree about a role. The enforcer decides
//! once at boot what each role may do (see [`Policies`]).

pub mod adapter;

use std::{collections::HashSet, sync::Arc};

use casbin::{CoreApi, DefaultModel, Enforcer, MgmtApi};
use loco_rs::prelude::*;

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

/// What each role may do, as Casbin decided it once at boot.
///
/// Every answer depends only on the role and the permission: a user holds
/// exactly one role per workspace (their `memberships` row) and the `p`
/// rules name roles, not users or workspaces. So the enforcer is asked once
/// per role and rule when the policies load, and a request's checks (a
/// workspace page makes a dozen for its navigation) are set lookups, not
/// matcher evaluations under a lock that every new user-workspace pair took
/// for writing.
pub struct Policies {
    /// `(subject, object, action)` Casbin allows: a workspace role's grants,
    /// and the platform roles' in the console's domain.
    allowed: HashSet<(String, String, String)>,
}

fn casbin_error(err: casbin::Error) -> Error {
    Error::string(&format!("authorization: {err}"))
}

/// The subjects the rules may name: the workspace roles, then the platform
/// roles.
fn subjects() -> impl Iterator<Item = (&'static str, &'static str)> {
    Role::ALL
        .iter()
        .map(|role| (role.as_str(), WORKSPACE_DOMAIN))
        .chain(
            PlatformRole::ALL
                .iter()
                .map(|role| (role.as_str(), PLATFORM)),
        )
}

/// A domain that stands for any workspace when asking the enforcer.
const WORKSPACE_DOMAIN: &str = "workspace:any";

impl Policies {
    /// Loads the model and the rules from the database, and asks the
    /// enforcer what each role may do.
    ///
    /// # Errors
    /// When the model is invalid or the rules cannot be read.
    pub async fn load(db: &DatabaseConnection) -> Result<Self> {
        let mut enforcer = Self::enforcer(db).await?;
        let mut allowed = HashSet::new();
        // Every (object, action) any rule names, asked for every subject: a
        // user linked to the role in a workspace (the request the app made
        // before), or the platform role itself in the console's domain.
        let rules: HashSet<(String, String)> = enforcer
            .get_policy()
            .into_iter()
            .filter_map(|rule| Some((rule.get(1)?.clone(), rule.get(2)?.clone())))
            .collect();
        for (role, domain) in subjects() {
            let sub = if domain == PLATFORM {
                role.to_string()
            } else {
                let user = format!("user:any-{role}");
                enforcer
                    .add_grouping_policy(vec![user.clone(), role.into(), domain.into()])
                    .await
                    .map_err(casbin_error)?;
                user
            };
            for (object, action) in &rules {
                if enforcer
                    .enforce((sub.as_str(), domain, object.as_str(), action.as_str()))
                    .map_err(casbin_error)?
                {
                    allowed.insert((role.to_string(), object.clone(), action.clone()));
                }
            }
        }
        Ok(Self { allowed })
    }

    async fn enforcer(db: &DatabaseConnection) -> Result<Enforcer> {
        let model = DefaultModel::from_str(MODEL).await.map_err(casbin_error)?;
        let mut enforcer = Enforcer::new(model, adapter::SeaOrmAdapter::new(db.clone()))
            .await
            .map_err(casbin_error)?;
        // Role links come from `memberships`; keep them in memory only.
        enforcer.enable_auto_save(false);
        Ok(enforcer)
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

    /// May someone holding `role` in a workspace do `permission` there?
    ///
    /// # Errors
    /// Never since the rules are read at boot; kept fallible for callers.
    pub fn allows(&self, role: Role, permission: Permission) -> Result<bool> {
        Ok(self.grants(role.as_str(), permission))
    }

    fn grants(&self, subject: &str, permission: Permission) -> bool {
        // Borrowed lookups would need a key type of their own; the strings
        // are a few bytes each.
        self.allowed.contains(&(
            subject.to_string(),
            permission.object.to_string(),
            permission.action.to_string(),
        ))
    }

    /// May someone holding these platform roles do `permission` in the
    /// console? Platform rules are `p` rules whose subject is the role
    /// itself; no workspace role is ever one of them.
    ///
    /// # Errors
    /// Never since the rules are read at boot; kept fallible for callers.
    pub fn allows_platform(&self, roles: &[PlatformRole], permission: Permission) -> Result<bool> {
        Ok(roles
            .iter()
            .any(|role| self.grants(role.as_str(), permission)))
    }

    /// Every permission a role has, for showing what the UI may offer.
    #[must_use]
    pub fn permissions_of(&self, role: Role) -> Vec<(String, String)> {
        let mut granted: Vec<(String, String)> = self
            .allowed
            .iter()
            .filter(|(subject, ..)| subject == role.as_str())
            .map(|(_, object, action)| (object.clone(), action.clone()))
            .collect();
        granted.sort();
        granted
    }
}
