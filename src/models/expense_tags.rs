use crate::models::ids::WorkspaceId;
use loco_rs::prelude::*;

pub use super::_entities::expense_tags::{self, ActiveModel, Entity, Model};

impl ActiveModelBehavior for ActiveModel {}

impl TenantEntity for Entity {
    type TenantId = WorkspaceId;

    fn tenant_column() -> expense_tags::Column {
        expense_tags::Column::WorkspaceId
    }
}
