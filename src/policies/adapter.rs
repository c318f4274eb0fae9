//! A Casbin adapter on SeaORM: policy rules live in our own `casbin_rules`
//! table, read and written with the app's database connection (so no second
//! sqlx or sea-orm version comes in through a ready-made adapter).

use async_trait::async_trait;
use casbin::{error::AdapterError, Adapter, Filter, Model};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, Set,
};

use crate::models::_entities::casbin_rules::{self, Column};

pub struct SeaOrmAdapter {
    db: DatabaseConnection,
}

impl SeaOrmAdapter {
    #[must_use]
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }
}

const VALUE_COLUMNS: [Column; 6] = [
    Column::V0,
    Column::V1,
    Column::V2,
    Column::V3,
    Column::V4,
    Column::V5,
];

fn failure(err: impl std::error::Error + Send + Sync + 'static) -> casbin::Error {
    casbin::Error::AdapterError(AdapterError(Box::new(err)))
}

fn values(row: &casbin_rules::Model) -> Vec<String> {
    let all = [&row.v0, &row.v1, &row.v2, &row.v3, &row.v4, &row.v5];
    let used = all.iter().rposition(|v| !v.is_empty()).map_or(0, |i| i + 1);
    all[..used].iter().map(|v| (*v).clone()).collect()
}

fn matching(ptype: &str, rule: &[String]) -> Condition {
    let mut condition = Condition::all().add(Column::Ptype.eq(ptype));
    for (column, value) in VALUE_COLUMNS.iter().zip(rule) {
        condition = condition.add(column.eq(value.as_str()));
    }
    condition
}

fn new_row(ptype: &str, rule: &[String]) -> casbin_rules::ActiveModel {
    let value = |i: usize| Set(rule.get(i).cloned().unwrap_or_default());
    casbin_rules::ActiveModel {
        ptype: Set(ptype.to_string()),
        v0: value(0),
        v1: value(1),
        v2: value(2),
        v3: value(3),
        v4: value(4),
        v5: value(5),
        ..Default::default()
    }
}

#[async_trait]
impl Adapter for SeaOrmAdapter {
    async fn load_policy(&mut self, m: &mut dyn Model) -> casbin::Result<()> {
        let rows = casbin_rules::Entity::find()
            .all(&self.db)
            .await
            .map_err(failure)?;
        for row in rows {
            let sec = &row.ptype[..1];
            m.add_policy(sec, &row.ptype, values(&row));
        }
        Ok(())
    }

    async fn load_filtered_policy<'a>(
        &mut self,
        m: &mut dyn Model,
        _filter: Filter<'a>,
    ) -> casbin::Result<()> {
        // The table is small (role permissions); load it whole.
        self.load_policy(m).await
    }

    async fn save_policy(&mut self, m: &mut dyn Model) -> casbin::Result<()> {
        self.clear_policy().await?;
        for sec in ["p", "g"] {
            let Some(assertions) = m.get_model().get(sec) else {
                continue;
            };
            for (ptype, assertion) in assertions {
                for rule in assertion.get_policy() {
                    new_row(ptype, rule)
                        .insert(&self.db)
                        .await
                        .map_err(failure)?;
                }
            }
        }
        Ok(())
    }

    async fn clear_policy(&mut self) -> casbin::Result<()> {
        casbin_rules::Entity::delete_many()
            .exec(&self.db)
            .await
            .map_err(failure)?;
        Ok(())
    }

    fn is_filtered(&self) -> bool {
        false
    }

    async fn add_policy(
        &mut self,
        _sec: &str,
        ptype: &str,
        rule: Vec<String>,
    ) -> casbin::Result<bool> {
        new_row(ptype, &rule)
            .insert(&self.db)
            .await
            .map_err(failure)?;
        Ok(true)
    }

    async fn add_policies(
        &mut self,
        sec: &str,
        ptype: &str,
        rules: Vec<Vec<String>>,
    ) -> casbin::Result<bool> {
        for rule in rules {
            self.add_policy(sec, ptype, rule).await?;
        }
        Ok(true)
    }

    async fn remove_policy(
        &mut self,
        _sec: &str,
        ptype: &str,
        rule: Vec<String>,
    ) -> casbin::Result<bool> {
        let deleted = casbin_rules::Entity::delete_many()
            .filter(matching(ptype, &rule))
            .exec(&self.db)
            .await
            .map_err(failure)?;
        Ok(deleted.rows_affected > 0)
    }

    async fn remove_policies(
        &mut self,
        sec: &str,
        ptype: &str,
        rules: Vec<Vec<String>>,
    ) -> casbin::Result<bool> {
        let mut any = false;
        for rule in rules {
            any |= self.remove_policy(sec, ptype, rule).await?;
        }
        Ok(any)
    }

    async fn remove_filtered_policy(
        &mut self,
        _sec: &str,
        ptype: &str,
        field_index: usize,
        field_values: Vec<String>,
    ) -> casbin::Result<bool> {
        let mut condition = Condition::all().add(Column::Ptype.eq(ptype));
        for (offset, value) in field_values.iter().enumerate() {
            if let Some(column) = VALUE_COLUMNS.get(field_index + offset) {
                if !value.is_empty() {
                    condition = condition.add(column.eq(value.as_str()));
                }
            }
        }
        let deleted = casbin_rules::Entity::delete_many()
            .filter(condition)
            .exec(&self.db)
            .await
            .map_err(failure)?;
        Ok(deleted.rows_affected > 0)
    }
}
