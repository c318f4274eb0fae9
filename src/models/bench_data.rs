//! Benchmark data written in bulk, for the `seed_bench` task only.
//!
//! Millions of rows through the one-expense operation (validation, plan
//! limits, audit, live refresh) would take hours, and none of that matters
//! for data that only exists to be measured. So this writes the rows
//! straight in, a batch at a time; nothing else may use it.

use crate::models::ids::UserId;
use std::collections::HashMap;

use chrono::NaiveDate;
use loco_rs::prelude::*;
use sea_orm::QuerySelect;

use super::{
    _entities::{expense_tags, expenses},
    workspaces,
};

/// One expense as the seed task drew it.
#[derive(Debug, Clone)]
pub struct BenchExpense {
    pub amount_minor: i64,
    pub spent_on: NaiveDate,
    /// Both the description and the payee.
    pub merchant: &'static str,
    pub category_id: Option<i64>,
    pub tag: Option<&'static str>,
}

/// Inserts `batch` into `workspace`, in its currency, paid and written by
/// `user_id`, with their tags.
///
/// # Errors
/// On database errors.
pub async fn insert_expenses<C: ConnectionTrait>(
    db: &C,
    workspace: &workspaces::Model,
    user_id: UserId,
    batch: &[BenchExpense],
) -> ModelResult<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let mut tagged = Vec::new();
    let rows: Vec<expenses::ActiveModel> = batch
        .iter()
        .map(|expense| {
            let pid = Uuid::new_v4();
            if let Some(tag) = expense.tag {
                tagged.push((pid, tag));
            }
            expenses::ActiveModel {
                pid: Set(pid),
                workspace_id: Set(workspace.id),
                amount_minor: Set(expense.amount_minor),
                original_amount_minor: Set(expense.amount_minor),
                currency: Set(workspace.currency.clone()),
                rate: Set("1".to_string()),
                spent_on: Set(expense.spent_on),
                description: Set(expense.merchant.to_string()),
                payee: Set(Some(expense.merchant.to_string())),
                category_id: Set(expense.category_id),
                paid_by_id: Set(Some(user_id)),
                created_by_id: Set(Some(user_id)),
                updated_by_id: Set(Some(user_id)),
                ..Default::default()
            }
        })
        .collect();
    expenses::Entity::insert_many(rows).exec(db).await?;
    if tagged.is_empty() {
        return Ok(());
    }
    let ids: HashMap<Uuid, i64> = expenses::Entity::find()
        .in_tenant(workspace.id)
        .filter(expenses::Column::Pid.is_in(tagged.iter().map(|t| t.0).collect::<Vec<_>>()))
        .select_only()
        .column(expenses::Column::Pid)
        .column(expenses::Column::Id)
        .into_tuple::<(Uuid, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    expense_tags::Entity::insert_many(tagged.iter().filter_map(|(pid, tag)| {
        Some(expense_tags::ActiveModel {
            workspace_id: Set(workspace.id),
            expense_id: Set(*ids.get(pid)?),
            name: Set((*tag).to_string()),
            ..Default::default()
        })
    }))
    .exec(db)
    .await?;
    Ok(())
}
