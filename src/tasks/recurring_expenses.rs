//! `recurring_expenses`: creates every recurring expense that is due,
//! catching up missed dates. Scheduled every quarter hour (`scheduler:` in
//! the config; run by `start --all` or `start --scheduler`); safe to run by
//! hand, twice, or late.

use loco_rs::prelude::*;

use crate::models::recurring_expenses;

pub struct RecurringExpenses;

#[async_trait]
impl Task for RecurringExpenses {
    fn task(&self) -> TaskInfo {
        TaskInfo {
            name: "recurring_expenses".to_string(),
            detail: "Create the recurring expenses that are due".to_string(),
        }
    }

    async fn run(&self, ctx: &AppContext, _vars: &task::Vars) -> Result<()> {
        let rules = recurring_expenses::Model::run_due(&ctx.db).await?;
        tracing::info!(rules, "recurring expenses caught up");
        Ok(())
    }
}
