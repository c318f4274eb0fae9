//! A workspace set up at the model level, without HTTP: the booted app on
//! the test's own database, a household with an owner, a member and a
//! viewer, and transactions opened the way a request opens them (scoped to
//! the workspace and the user, so that row-level security binds them on
//! Postgres).

use sea_orm::{
    ActiveModelTrait, DatabaseConnection, DatabaseTransaction, EntityTrait, PaginatorTrait, Select,
    Set,
};
use smartexpense::models::{
    _entities::{
        audit_events, budget_alerts, budgets, categories, expense_shares, expense_tags, expenses,
        invitations, memberships as membership_rows, receipts, recurring_expenses, settlements,
    },
    audit_events::Actor,
    errors::DomainResult,
    memberships::{self, Role},
    tenancy::{self, Scope, Tenant},
    users,
    workspaces::{self, CreateParams},
};

use super::TestApp;

/// Who acts in the household.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Owner,
    Member,
    Viewer,
}

impl Who {
    #[must_use]
    pub const fn role(self) -> Role {
        match self {
            Self::Owner => Role::Owner,
            Self::Member => Role::Member,
            Self::Viewer => Role::Viewer,
        }
    }
}

/// Ann's household: Ann owns it, Bob is a member, Vic a viewer. Sam has a
/// workspace of his own, for what belongs elsewhere.
pub struct Household {
    pub app: TestApp,
    pub workspace: workspaces::Model,
    pub owner: users::Model,
    pub member: users::Model,
    pub viewer: users::Model,
    /// Not in the household.
    pub stranger: users::Model,
    /// The stranger's own workspace.
    pub elsewhere: workspaces::Model,
}

/// An account made directly: signing up hashes a password, which is slow
/// and not what these tests are about.
pub async fn account(db: &DatabaseConnection, name: &str) -> users::Model {
    users::ActiveModel {
        pid: Set(uuid::Uuid::new_v4()),
        email: Set(format!("{}@example.com", name.to_lowercase())),
        password: Set("not a password hash".to_string()),
        name: Set(name.to_string()),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("account")
}

/// A household workspace in EUR on UTC made by `owner` through the model,
/// with `others` joined in their roles.
pub async fn workspace_of(
    db: &DatabaseConnection,
    owner: &users::Model,
    others: &[(&users::Model, Role)],
) -> workspaces::Model {
    let txn = tenancy::begin(
        db,
        Scope {
            user_id: Some(owner.id),
            ..Scope::default()
        },
    )
    .await
    .expect("transaction");
    let workspace = workspaces::Model::create(
        &txn,
        owner,
        &Actor::user(owner, None),
        &CreateParams {
            name: format!("{}'s home", owner.name),
            kind: "household".to_string(),
            currency: "EUR".to_string(),
            time_zone: Some("UTC".to_string()),
        },
    )
    .await
    .expect("workspace")
    .workspace;
    tenancy::enter_workspace(&txn, workspace.id)
        .await
        .expect("scope");
    for (user, role) in others {
        memberships::Model::join(&txn, workspace.id, user, *role)
            .await
            .expect("join");
    }
    txn.commit().await.expect("commit");
    workspace
}

/// Rows of the tenant tables an operation could write, in the whole
/// database (each test has its own), read as the tables' owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rows {
    pub expenses: u64,
    pub shares: u64,
    pub tags: u64,
    pub categories: u64,
    pub budgets: u64,
    pub alerts: u64,
    pub rules: u64,
    pub settlements: u64,
    pub members: u64,
    pub invitations: u64,
    pub receipts: u64,
    pub audit: u64,
}

async fn count<E: EntityTrait>(db: &DatabaseConnection) -> u64
where
    E::Model: Sync,
{
    E::find().count(db).await.expect("count")
}

impl Household {
    /// The app booted as for any test, with the household in it.
    pub async fn start() -> Self {
        Self::on(TestApp::start().await).await
    }

    /// The household in an app booted by the caller (another
    /// configuration).
    pub async fn on(app: TestApp) -> Self {
        let db = &app.ctx.db;
        let owner = account(db, "Ann").await;
        let member = account(db, "Bob").await;
        let viewer = account(db, "Vic").await;
        let stranger = account(db, "Sam").await;
        let workspace = workspace_of(
            db,
            &owner,
            &[(&member, Role::Member), (&viewer, Role::Viewer)],
        )
        .await;
        let elsewhere = workspace_of(db, &stranger, &[]).await;
        Self {
            app,
            workspace,
            owner,
            member,
            viewer,
            stranger,
            elsewhere,
        }
    }

    #[must_use]
    pub const fn user(&self, who: Who) -> &users::Model {
        match who {
            Who::Owner => &self.owner,
            Who::Member => &self.member,
            Who::Viewer => &self.viewer,
        }
    }

    /// A transaction scoped to the household and `user`, as a request's.
    pub async fn begin(&self, user: &users::Model) -> DatabaseTransaction {
        tenancy::begin(
            &self.app.ctx.db,
            Scope {
                user_id: Some(user.id),
                workspace_id: Some(self.workspace.id),
                ..Scope::default()
            },
        )
        .await
        .expect("scoped transaction")
    }

    /// Runs `op` as `who` in a transaction scoped as a request's, and
    /// commits it whatever the outcome: rows counted afterwards show what
    /// the operation itself wrote, not what a rollback undid (an import or
    /// a recurring run goes on after a refusal in the same transaction).
    pub async fn act<T>(
        &self,
        who: Who,
        op: impl AsyncFnOnce(&Tenant<'_>) -> DomainResult<T>,
    ) -> DomainResult<T> {
        self.act_as(self.user(who), who.role(), op).await
    }

    /// [`Household::act`] for `user` in `role` (after a role changed).
    pub async fn act_as<T>(
        &self,
        user: &users::Model,
        role: Role,
        op: impl AsyncFnOnce(&Tenant<'_>) -> DomainResult<T>,
    ) -> DomainResult<T> {
        let txn = self.begin(user).await;
        let actor = Actor::user(user, None);
        let tenant = Tenant::member(&self.app.ctx, &txn, &self.workspace, user, role, actor)
            .await
            .expect("tenant");
        let result = op(&tenant).await;
        drop(tenant);
        txn.commit().await.expect("commit");
        result
    }

    /// What `query` finds, read as the tables' owner.
    pub async fn find<E: EntityTrait>(&self, query: Select<E>) -> Vec<E::Model> {
        query.all(&self.app.owner_db).await.expect("query")
    }

    /// The household's categories, by name.
    pub async fn categories(&self) -> Vec<categories::Model> {
        categories::Model::list(&self.app.owner_db, self.workspace.id)
            .await
            .expect("categories")
    }

    /// The household's category called `name`.
    pub async fn category(&self, name: &str) -> categories::Model {
        self.categories()
            .await
            .into_iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("no category {name}"))
    }

    /// A category of the stranger's workspace.
    pub async fn foreign_category(&self) -> categories::Model {
        categories::Model::list(&self.app.owner_db, self.elsewhere.id)
            .await
            .expect("categories")
            .remove(0)
    }

    /// A row as stored now, read as the tables' owner.
    pub async fn reload<E: EntityTrait>(
        &self,
        id: <E::PrimaryKey as sea_orm::PrimaryKeyTrait>::ValueType,
    ) -> Option<E::Model> {
        E::find_by_id(id)
            .one(&self.app.owner_db)
            .await
            .expect("reload")
    }

    pub async fn rows(&self) -> Rows {
        let db = &self.app.owner_db;
        Rows {
            expenses: count::<expenses::Entity>(db).await,
            shares: count::<expense_shares::Entity>(db).await,
            tags: count::<expense_tags::Entity>(db).await,
            categories: count::<categories::Entity>(db).await,
            budgets: count::<budgets::Entity>(db).await,
            alerts: count::<budget_alerts::Entity>(db).await,
            rules: count::<recurring_expenses::Entity>(db).await,
            settlements: count::<settlements::Entity>(db).await,
            members: count::<membership_rows::Entity>(db).await,
            invitations: count::<invitations::Entity>(db).await,
            receipts: count::<receipts::Entity>(db).await,
            audit: count::<audit_events::Entity>(db).await,
        }
    }
}
