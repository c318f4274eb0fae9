//! `SeaORM` Entity, in sea-orm-codegen's shape

use sea_orm::entity::prelude::*;

use crate::models::ids::WorkspaceId;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "budget_alerts")]
pub struct Model {
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub pid: Uuid,
    pub budget_id: i64,
    pub period_start: Date,
    pub threshold: i32,
    pub spent_minor: i64,
    pub limit_minor: i64,
    pub claimed_until: Option<DateTimeWithTimeZone>,
    pub claimed_by: Option<String>,
    pub sent_at: Option<DateTimeWithTimeZone>,
    pub workspace_id: WorkspaceId,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::workspaces::Entity",
        from = "Column::WorkspaceId",
        to = "super::workspaces::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Workspaces,
}

impl Related<super::workspaces::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Workspaces.def()
    }
}
