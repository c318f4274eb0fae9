//! Casbin policy rules; read and written by `crate::policies::adapter`.

pub use super::_entities::casbin_rules::{self, ActiveModel, Entity, Model};

impl sea_orm::ActiveModelBehavior for ActiveModel {}
