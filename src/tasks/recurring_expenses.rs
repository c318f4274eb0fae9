//! `recurring_expenses`: creates every recurring expense that is due,
//! catching up missed dates. The workers run it every quarter hour (see
//! `workers::schedules`); this task runs it by hand, which is safe twice or
//! late.

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
        let workspaces = recurring_expenses::Model::run_due(ctx).await?;
        tracing::info!(
            workspaces = workspaces.len(),
            "recurring expenses caught up"
        );
        Ok(())
    }
}
