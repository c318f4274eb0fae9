use crate::models::ids::WorkspaceId;
use loco_rs::prelude::*;
use serde::Deserialize;
use serde_json::json;

pub use super::_entities::categories::{self, ActiveModel, Entity, Model};
use super::{
    _entities::expenses,
    audit_events::{self, Event},
    effects::Effect,
    errors::{DomainError, DomainResult},
    tenancy::{self, Tenant},
    validation::FieldErrors,
};
use crate::policies::CATEGORIES_MANAGE;

const NAME_MAX_CHARS: usize = 60;

/// The categories a new workspace starts with.
pub const DEFAULTS: &[(&str, &str)] = &[
    ("Groceries", "#2f9e44"),
    ("Housing", "#1c7ed6"),
    ("Utilities", "#1098ad"),
    ("Transport", "#f08c00"),
    ("Dining out", "#e8590c"),
    ("Health", "#d6336c"),
    ("Entertainment", "#7048e8"),
    ("Shopping", "#ae3ec9"),
    ("Travel", "#0ca678"),
    ("Other", "#868e96"),
];

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct CategoryParams {
    #[schema(min_length = 1, max_length = 60, pattern = r"\S")]
    pub name: Option<String>,
    /// `#rrggbb`
    #[schema(pattern = "^#[0-9a-fA-F]{6}$")]
    pub color: Option<String>,
    /// Public id of the parent category; empty for none.
    #[schema(schema_with = crate::models::schema::id_or_empty)]
    pub parent_id: Option<String>,
}

impl ActiveModelBehavior for ActiveModel {}

impl TenantEntity for Entity {
    type TenantId = WorkspaceId;

    fn tenant_column() -> categories::Column {
        categories::Column::WorkspaceId
    }
}

fn check_color(errors: &mut FieldErrors, color: &str) -> String {
    let color = color.trim().to_lowercase();
    let valid = color.len() == 7
        && color.starts_with('#')
        && color[1..].bytes().all(|b| b.is_ascii_hexdigit());
    if !valid {
        errors.add("color", "must be a colour such as #2f9e44");
    }
    color
}

fn check_name(errors: &mut FieldErrors, name: &str) -> String {
    let name = errors.text("name", name, NAME_MAX_CHARS, false);
    if name.is_empty() {
        errors.add("name", "can't be blank");
    }
    name
}

/// The checks of a category's own fields, for a record that brings both
/// (an archive's category): the same as a member's new category gets.
#[must_use]
pub fn check_fields(name: &str, color: &str) -> FieldErrors {
    let mut errors = FieldErrors::new();
    check_name(&mut errors, name);
    check_color(&mut errors, color);
    errors
}

impl Model {
    /// Gives a new workspace its default categories.
    ///
    /// # Errors
    /// On database errors.
    pub async fn create_defaults<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
    ) -> ModelResult<()> {
        for (name, color) in DEFAULTS {
            ActiveModel {
                pid: Set(Uuid::new_v4()),
                workspace_id: Set(workspace_id),
                name: Set((*name).to_string()),
                color: Set((*color).to_string()),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
        Ok(())
    }

    /// A workspace's categories by name.
    ///
    /// # Errors
    /// On database errors.
    pub async fn list<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
    ) -> ModelResult<Vec<Self>> {
        Ok(Entity::find()
            .in_tenant(workspace_id)
            .order_by_asc(categories::Column::Name)
            .all(db)
            .await?)
    }

    /// How many (not deleted) expenses each category holds.
    ///
    /// # Errors
    /// On database errors.
    pub async fn usage<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
    ) -> ModelResult<std::collections::HashMap<i64, i64>> {
        let counts: Vec<(Option<i64>, i64)> = expenses::Entity::find()
            .in_tenant(workspace_id)
            .filter(expenses::Column::DeletedAt.is_null())
            .filter(expenses::Column::CategoryId.is_not_null())
            .select_only()
            .column(expenses::Column::CategoryId)
            .column_as(expenses::Column::Id.count(), "count")
            .group_by(expenses::Column::CategoryId)
            .into_tuple()
            .all(db)
            .await?;
        Ok(counts
            .into_iter()
            .filter_map(|(category, count)| Some((category?, count)))
            .collect())
    }

    /// A category of this workspace by public id.
    ///
    /// # Errors
    /// `EntityNotFound` when this workspace has no such category.
    pub async fn find_in<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
        pid: &str,
    ) -> ModelResult<Self> {
        tenancy::find_by_pid::<Entity, _>(db, workspace_id, categories::Column::Pid, pid).await
    }

    async fn checked<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
        current: Option<&Self>,
        params: &CategoryParams,
    ) -> DomainResult<(Option<String>, Option<String>, Option<Option<i64>>)> {
        let mut errors = FieldErrors::new();
        let name = params
            .name
            .as_ref()
            .map(|name| check_name(&mut errors, name));
        let color = params.color.as_deref().map(|c| check_color(&mut errors, c));
        // A workspace has tens of categories: read once, checked here alike
        // on both databases (SQLite's lower() knows only ASCII).
        let others: Vec<Self> = Entity::find()
            .in_tenant(workspace_id)
            .all(db)
            .await?
            .into_iter()
            .filter(|other| current.is_none_or(|c| c.id != other.id))
            .collect();
        let parent = match params.parent_id.as_deref().map(str::trim) {
            None => None,
            Some("") => Some(None),
            Some(pid) => {
                let pid = Uuid::parse_str(pid).ok();
                match others.iter().find(|c| Some(c.pid) == pid) {
                    Some(parent) if current.is_some_and(|c| is_below(&others, parent, c.id)) => {
                        errors.add("parent_id", "cannot be one of its own subcategories");
                        None
                    }
                    Some(parent) => Some(Some(parent.id)),
                    None if current.is_some_and(|c| Some(c.pid) == pid) => {
                        errors.add("parent_id", "cannot be the category itself");
                        None
                    }
                    None => {
                        errors.add("parent_id", "is not a category of this workspace");
                        None
                    }
                }
            }
        };
        if let Some(name) = &name {
            // "groceries" beside "Groceries" would split one category in
            // two: imports and the assistant match names in any case.
            let wanted = name.to_lowercase();
            if others
                .iter()
                .any(|other| other.name.to_lowercase() == wanted)
            {
                errors.add("name", "is already a category here");
            }
        }
        errors.checked()?;
        Ok((name, color, parent))
    }

    /// # Errors
    /// 422 for a missing or taken name, a bad colour or an unknown parent.
    pub async fn create(tenant: &Tenant<'_>, params: &CategoryParams) -> DomainResult<Self> {
        tenant.ensure(CATEGORIES_MANAGE).await?;
        let (db, workspace_id, actor) = (tenant.db, tenant.workspace.id, &tenant.actor);
        if params.name.is_none() {
            return Err(DomainError::field("name", "can't be blank"));
        }
        let (name, color, parent) = Self::checked(db, workspace_id, None, params).await?;
        let category = ActiveModel {
            pid: Set(Uuid::new_v4()),
            workspace_id: Set(workspace_id),
            name: Set(name.unwrap_or_default()),
            color: Set(color.unwrap_or_else(|| "#868e96".to_string())),
            parent_id: Set(parent.flatten()),
            ..Default::default()
        }
        .insert(db)
        .await?;
        audit_events::Model::record(
            db,
            workspace_id,
            actor,
            Event {
                action: "category.created",
                summary: format!("created category \"{}\"", category.name),
                before: None,
                after: Some(json!({ "name": category.name, "color": category.color })),
            },
        )
        .await?;
        tenant.after_commit(Effect::Changed);
        Ok(category)
    }

    /// Renames or recolours; expenses keep pointing at the category, and the
    /// audit log keeps the old name.
    ///
    /// # Errors
    /// 422 as for [`Model::create`].
    pub async fn update(&self, tenant: &Tenant<'_>, params: &CategoryParams) -> DomainResult<Self> {
        tenant.ensure(CATEGORIES_MANAGE).await?;
        let (db, actor) = (tenant.db, &tenant.actor);
        let (name, color, parent) =
            Self::checked(db, self.workspace_id, Some(self), params).await?;
        let mut active = self.clone().into_active_model();
        if let Some(name) = name {
            active.name = Set(name);
        }
        if let Some(color) = color {
            active.color = Set(color);
        }
        if let Some(parent) = parent {
            active.parent_id = Set(parent);
        }
        let updated = active.update(db).await?;
        audit_events::Model::record(
            db,
            self.workspace_id,
            actor,
            Event {
                action: "category.updated",
                summary: format!("changed category \"{}\"", updated.name),
                before: Some(json!({ "name": self.name, "color": self.color })),
                after: Some(json!({ "name": updated.name, "color": updated.color })),
            },
        )
        .await?;
        tenant.after_commit(Effect::Changed);
        Ok(updated)
    }

    /// Deletes the category; its expenses move to `move_to` (another category
    /// of the workspace) or become uncategorised.
    ///
    /// # Errors
    /// 422 when `move_to` is not another category of the workspace.
    pub async fn delete_moving(
        self,
        tenant: &Tenant<'_>,
        move_to: Option<&str>,
    ) -> DomainResult<()> {
        tenant.ensure(CATEGORIES_MANAGE).await?;
        let (db, actor) = (tenant.db, &tenant.actor);
        let target = match move_to.map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(pid) => match Self::find_in(db, self.workspace_id, pid).await {
                Ok(target) if target.id != self.id => Some(target),
                Ok(_) | Err(ModelError::EntityNotFound) => {
                    return Err(DomainError::field(
                        "move_to",
                        "must be another category of this workspace",
                    ))
                }
                Err(err) => return Err(err.into()),
            },
        };
        let moved = expenses::Entity::update_many()
            .col_expr(
                expenses::Column::CategoryId,
                Expr::value(target.as_ref().map(|t| t.id)),
            )
            .in_tenant(self.workspace_id)
            .filter(expenses::Column::CategoryId.eq(self.id))
            .exec(db)
            .await?;
        Entity::update_many()
            .col_expr(
                categories::Column::ParentId,
                Expr::value(Option::<i64>::None),
            )
            .in_tenant(self.workspace_id)
            .filter(categories::Column::ParentId.eq(self.id))
            .exec(db)
            .await?;
        audit_events::Model::record(
            db,
            self.workspace_id,
            actor,
            Event {
                action: "category.deleted",
                summary: format!(
                    "deleted category \"{}\"; {} expense(s) moved to {}",
                    self.name,
                    moved.rows_affected,
                    target.as_ref().map_or("no category", |t| t.name.as_str())
                ),
                before: Some(json!({ "name": self.name, "color": self.color })),
                after: None,
            },
        )
        .await?;
        self.delete(db).await?;
        // Its expenses moved: a budget of the target category may cross.
        tenant.spending_changed(db).await?;
        Ok(())
    }
}

/// Is `category` `ancestor` or below it (following parents among
/// `others`)? Bounded by the number of categories, so a loop already
/// stored cannot hang it.
fn is_below(others: &[Model], category: &Model, ancestor: i64) -> bool {
    let mut parent = category.parent_id;
    for _ in 0..=others.len() {
        match parent {
            Some(id) if id == ancestor => return true,
            Some(id) => parent = others.iter().find(|c| c.id == id).and_then(|c| c.parent_id),
            None => return false,
        }
    }
    false
}
