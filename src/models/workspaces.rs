use crate::models::ids::UserId;
use chrono::Utc;
use loco_rs::prelude::*;
use sea_orm::TransactionSession;
use serde::Deserialize;
use serde_json::json;

pub use super::_entities::workspaces::{self, ActiveModel, Entity, Model};
use super::{
    _entities::users,
    audit_events::{self, Actor, Event},
    categories,
    effects::Effect,
    errors::{DomainError, DomainResult},
    memberships::{self, Role},
    settlements,
    tenancy::{self, Tenant},
    validation::FieldErrors,
};
use crate::{
    policies::{WORKSPACE_DELETE, WORKSPACE_UPDATE},
    workers::Job,
};

const NAME_MAX_CHARS: usize = 80;
pub const KINDS: [&str; 2] = ["household", "team"];
/// How the forms split a new expense: between every member, or not at all.
pub const DEFAULT_SPLITS: [&str; 2] = ["equal", "none"];
/// How balances are kept: `base_currency` counts an expense in another
/// currency at its rate; `each_currency` keeps a balance per currency,
/// settled in that currency, so nobody has to convert.
pub const SETTLE_UPS: [&str; 2] = ["base_currency", "each_currency"];
pub const SETTLE_IN_BASE: &str = "base_currency";

/// A new household shares its costs; a team member's expense is their own.
fn default_split_of(kind: &str) -> &'static str {
    if kind == "household" {
        "equal"
    } else {
        "none"
    }
}

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct CreateParams {
    #[schema(required = true, min_length = 1, max_length = 80, pattern = r"\S")]
    pub name: String,
    #[schema(required = true, schema_with = crate::models::schema::workspace_kind)]
    pub kind: String,
    #[schema(required = true, schema_with = crate::models::schema::currency_required)]
    pub currency: String,
    /// IANA name, e.g. `Europe/Berlin`; UTC when left out.
    pub time_zone: Option<String>,
}

/// A change of settings; fields left out stay as they are.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct UpdateParams {
    #[schema(min_length = 1, max_length = 80, pattern = r"\S")]
    pub name: Option<String>,
    #[schema(schema_with = crate::models::schema::workspace_kind_optional)]
    pub kind: Option<String>,
    #[schema(schema_with = crate::models::schema::currency_optional)]
    pub currency: Option<String>,
    pub time_zone: Option<String>,
    /// How the app's forms split a new expense: `equal` between every
    /// member, or `none`. Expenses created through the API without a
    /// `split` are not shared, whatever this says.
    #[schema(schema_with = crate::models::schema::default_split_optional)]
    pub default_split: Option<String>,
    /// How balances are kept: `base_currency` (expenses in other currencies
    /// count at their rate, payments are in the base currency) or
    /// `each_currency` (a balance per currency, settled in it, nothing
    /// converted). Back to `base_currency` only while no payment is
    /// recorded in another currency.
    #[schema(schema_with = crate::models::schema::settle_up_optional)]
    pub settle_up: Option<String>,
}

fn check_name(errors: &mut FieldErrors, name: &str) -> String {
    let name = errors.text("name", name, NAME_MAX_CHARS, false);
    if name.is_empty() {
        errors.add("name", "can't be blank");
    }
    name
}

fn check_kind(errors: &mut FieldErrors, kind: &str) -> String {
    let kind = kind.trim().to_lowercase();
    if !KINDS.contains(&kind.as_str()) {
        errors.add("kind", "must be household or team");
    }
    kind
}

fn check_default_split(errors: &mut FieldErrors, split: &str) -> String {
    let split = split.trim().to_lowercase();
    if !DEFAULT_SPLITS.contains(&split.as_str()) {
        errors.add("default_split", "must be equal or none");
    }
    split
}

fn check_settle_up(errors: &mut FieldErrors, settle_up: &str) -> String {
    let settle_up = settle_up.trim().to_lowercase();
    if !SETTLE_UPS.contains(&settle_up.as_str()) {
        errors.add("settle_up", "must be base_currency or each_currency");
    }
    settle_up
}

fn check_currency(errors: &mut FieldErrors, currency: &str) -> String {
    let code = currency.trim().to_uppercase();
    if iso_currency::Currency::from_code(&code).is_none() {
        errors.add(
            "currency",
            "must be an ISO 4217 currency code, such as EUR or USD",
        );
    }
    code
}

fn check_time_zone(errors: &mut FieldErrors, zone: &str) -> String {
    let zone = zone.trim().to_string();
    if zone.parse::<chrono_tz::Tz>().is_err() {
        errors.add(
            "time_zone",
            "must be an IANA time zone, such as Europe/Berlin",
        );
    }
    zone
}

impl ActiveModelBehavior for ActiveModel {}

/// A workspace with the caller's role in it.
#[derive(Debug, Clone)]
pub struct WithRole {
    pub workspace: Model,
    pub role: Role,
}

impl Model {
    /// Today's date where the workspace lives (its time zone), the default
    /// date of a new expense.
    #[must_use]
    pub fn today(&self) -> chrono::NaiveDate {
        let now = chrono::Utc::now();
        self.time_zone.parse::<chrono_tz::Tz>().map_or_else(
            |_| now.date_naive(),
            |tz| now.with_timezone(&tz).date_naive(),
        )
    }

    /// Creates a workspace owned by `owner`.
    ///
    /// # Errors
    /// 422 field errors for bad input.
    pub async fn create<C: ConnectionTrait + TransactionTrait>(
        db: &C,
        owner: &users::Model,
        actor: &Actor,
        params: &CreateParams,
    ) -> Result<WithRole> {
        let mut errors = FieldErrors::new();
        let name = check_name(&mut errors, &params.name);
        let kind = check_kind(&mut errors, &params.kind);
        let currency = check_currency(&mut errors, &params.currency);
        let time_zone = check_time_zone(&mut errors, params.time_zone.as_deref().unwrap_or("UTC"));
        errors.into_result()?;

        let txn = tenancy::begin_write(db).await?;
        let workspace = ActiveModel {
            pid: Set(Uuid::new_v4()),
            name: Set(name),
            default_split: Set(default_split_of(&kind).to_string()),
            kind: Set(kind),
            currency: Set(currency),
            time_zone: Set(time_zone),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        // The rest of the transaction acts inside the new workspace.
        tenancy::enter_workspace(&txn, workspace.id).await?;
        memberships::Model::join(&txn, workspace.id, owner, Role::Owner).await?;
        categories::Model::create_defaults(&txn, workspace.id).await?;
        audit_events::Model::record(
            &txn,
            workspace.id,
            actor,
            Event {
                action: "workspace.created",
                summary: format!("created {} \"{}\"", workspace.kind, workspace.name),
                before: None,
                after: Some(workspace.settings_json()),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(WithRole {
            workspace,
            role: Role::Owner,
        })
    }

    /// The workspaces a user belongs to, by name, with their role in each.
    ///
    /// # Errors
    /// On database errors.
    pub async fn list_for_user<C: ConnectionTrait + TransactionTrait>(
        db: &C,
        user_id: UserId,
    ) -> ModelResult<Vec<WithRole>> {
        let mut list: Vec<WithRole> = memberships::Entity::find()
            .filter(memberships::memberships::Column::UserId.eq(user_id))
            .find_also_related(Entity)
            .all(db)
            .await?
            .into_iter()
            .filter_map(|(membership, workspace)| {
                let workspace = workspace.filter(|w| w.deleting_at.is_none())?;
                Some(WithRole {
                    role: membership.role(),
                    workspace,
                })
            })
            .collect();
        list.sort_by_key(|w| w.workspace.name.to_lowercase());
        Ok(list)
    }

    /// The first `limit` workspaces of a user by name, and the one named
    /// `current` wherever it falls: the header's switcher, which links to
    /// the whole list. A member of a thousand workspaces (a bookkeeper)
    /// would otherwise load and render all of them on every page.
    ///
    /// # Errors
    /// On database errors.
    pub async fn first_for_user<C: ConnectionTrait>(
        db: &C,
        user_id: UserId,
        current: Option<Uuid>,
        limit: u64,
    ) -> ModelResult<Vec<Self>> {
        use sea_orm::{sea_query::Func, QueryOrder, QuerySelect};
        let mine = || {
            Entity::find()
                .inner_join(memberships::Entity)
                .filter(memberships::memberships::Column::UserId.eq(user_id))
                .filter(workspaces::Column::DeletingAt.is_null())
        };
        let mut first = mine()
            .order_by(
                Func::lower(Expr::col((Entity, workspaces::Column::Name))),
                sea_orm::Order::Asc,
            )
            .order_by_asc(workspaces::Column::Id)
            .limit(limit)
            .all(db)
            .await?;
        if let Some(current) = current.filter(|pid| !first.iter().any(|w| w.pid == *pid)) {
            if let Some(workspace) = mine()
                .filter(workspaces::Column::Pid.eq(current))
                .one(db)
                .await?
            {
                first.push(workspace);
                first.sort_by_key(|w| w.name.to_lowercase());
            }
        }
        Ok(first)
    }

    /// The settings as the audit log records them.
    #[must_use]
    pub fn settings_json(&self) -> serde_json::Value {
        json!({
            "name": self.name,
            "kind": self.kind,
            "currency": self.currency,
            "time_zone": self.time_zone,
            "default_split": self.default_split,
            "settle_up": self.settle_up,
        })
    }

    /// Balances are kept per currency, with nothing converted.
    #[must_use]
    pub fn settles_each_currency(&self) -> bool {
        self.settle_up != SETTLE_IN_BASE
    }

    /// Changes the workspace's name, kind, base currency, time zone,
    /// default split or how balances are kept.
    ///
    /// # Errors
    /// `Invalid` naming each bad field; `Forbidden`.
    pub async fn update_settings(tenant: &Tenant<'_>, params: &UpdateParams) -> DomainResult<Self> {
        tenant.ensure(WORKSPACE_UPDATE).await?;
        let current = tenant.workspace;
        let mut errors = FieldErrors::new();
        let mut active = current.clone().into_active_model();
        if let Some(name) = &params.name {
            active.name = Set(check_name(&mut errors, name));
        }
        if let Some(kind) = &params.kind {
            active.kind = Set(check_kind(&mut errors, kind));
        }
        if let Some(currency) = &params.currency {
            active.currency = Set(check_currency(&mut errors, currency));
        }
        if let Some(zone) = &params.time_zone {
            active.time_zone = Set(check_time_zone(&mut errors, zone));
        }
        if let Some(split) = &params.default_split {
            active.default_split = Set(check_default_split(&mut errors, split));
        }
        if let Some(settle_up) = &params.settle_up {
            let settle_up = check_settle_up(&mut errors, settle_up);
            let base = active.currency.as_ref();
            if settle_up == SETTLE_IN_BASE && current.settles_each_currency() {
                // Such a payment has no rate to count in the base currency.
                let foreign =
                    settlements::Model::count_in_other_currencies(tenant.db, current.id, base)
                        .await?;
                if foreign > 0 {
                    errors.add(
                        "settle_up",
                        format!(
                            "can't go back to {base} only: {foreign} payment(s) were recorded in other currencies; delete them first"
                        ),
                    );
                }
            }
            active.settle_up = Set(settle_up);
        }
        errors.checked()?;
        let updated = active.update(tenant.db).await?;
        if updated.settings_json() != current.settings_json() {
            audit_events::Model::record(
                tenant.db,
                current.id,
                &tenant.actor,
                Event {
                    action: "workspace.settings_changed",
                    summary: "changed the workspace settings".to_string(),
                    before: Some(current.settings_json()),
                    after: Some(updated.settings_json()),
                },
            )
            .await?;
            tenant.after_commit(Effect::Changed);
        }
        Ok(updated)
    }

    /// Marks the workspace for deletion once its name is typed to confirm.
    /// It disappears for everyone at once; once that commits, a job
    /// removes the data.
    ///
    /// # Errors
    /// `Invalid` when the confirmation does not match the name;
    /// `Forbidden`.
    pub async fn request_deletion(tenant: &Tenant<'_>, confirmation: &str) -> DomainResult<Self> {
        tenant.ensure(WORKSPACE_DELETE).await?;
        let current = tenant.workspace;
        if confirmation.trim() != current.name {
            return Err(DomainError::field(
                "confirm",
                "must be the workspace's name, typed exactly",
            ));
        }
        let mut active = current.clone().into_active_model();
        active.deleting_at = Set(Some(Utc::now().into()));
        let marked = active.update(tenant.db).await?;
        audit_events::Model::record(
            tenant.db,
            current.id,
            &tenant.actor,
            Event {
                action: "workspace.deletion_requested",
                summary: format!("asked to delete \"{}\"", current.name),
                before: Some(current.settings_json()),
                after: None,
            },
        )
        .await?;
        tenant.after_commit(Effect::Job(Job::PurgeWorkspace {
            workspace_pid: marked.pid,
        }));
        Ok(marked)
    }

    /// Removes a workspace marked for deletion and everything in it (tables
    /// that reference it cascade).
    ///
    /// # Errors
    /// On database errors.
    pub async fn purge<C: ConnectionTrait + TransactionTrait>(
        db: &C,
        workspace_pid: &Uuid,
    ) -> ModelResult<bool> {
        let deleted = Entity::delete_many()
            .filter(workspaces::Column::Pid.eq(*workspace_pid))
            .filter(workspaces::Column::DeletingAt.is_not_null())
            .exec(db)
            .await?;
        Ok(deleted.rows_affected > 0)
    }
}
