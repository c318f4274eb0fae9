//! `SeaORM` Entity, in sea-orm-codegen's shape

use sea_orm::entity::prelude::*;

use crate::models::ids::WorkspaceId;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "billing_accounts")]
pub struct Model {
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub customer_id: String,
    pub subscription_id: Option<String>,
    pub plan: Option<String>,
    pub price_id: Option<String>,
    pub status: Option<String>,
    pub current_period_end: Option<DateTimeWithTimeZone>,
    pub cancel_at_period_end: bool,
    pub grace_until: Option<DateTimeWithTimeZone>,
    pub synced_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(unique)]
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
