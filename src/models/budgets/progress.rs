//! A budget's progress: what counts against it in a period, what rolled
//! over, and its standing today with the names it refers to.

use chrono::NaiveDate;
use loco_rs::prelude::*;
use sea_orm::{Condition, JoinType, QuerySelect, RelationTrait};
use serde::Serialize;

use super::Model;
use crate::models::{
    _entities::{categories, expense_shares, expenses, users},
    money, tenancy, workspaces,
};

/// A budget's standing in one period.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Progress {
    pub period_start: NaiveDate,
    /// The last day of the period.
    pub period_end: NaiveDate,
    /// The limit of this period: the amount, plus what rolled over.
    pub limit_minor: i64,
    /// What rolled over from earlier periods (negative when overspent).
    pub carried_minor: i64,
    pub spent_minor: i64,
    pub remaining_minor: i64,
    /// Spent as a percentage of the limit, one decimal; `None` when the
    /// limit is zero or less (everything then counts as over).
    pub percent: Option<f64>,
}

impl Progress {
    /// Has spending reached `threshold` percent of the limit?
    #[must_use]
    pub fn crossed(&self, threshold: i32) -> bool {
        if self.limit_minor <= 0 {
            return self.spent_minor > 0 || self.limit_minor < 0;
        }
        i128::from(self.spent_minor) * 100 >= i128::from(threshold) * i128::from(self.limit_minor)
    }
}

impl Model {
    /// The categories that count: the budget's and its subcategories.
    async fn category_ids<C: ConnectionTrait>(&self, db: &C) -> ModelResult<Option<Vec<i64>>> {
        let Some(category) = self.category_id else {
            return Ok(None);
        };
        let mut ids: Vec<i64> = categories::Entity::find()
            .in_tenant(self.workspace_id)
            .filter(categories::Column::ParentId.eq(category))
            .select_only()
            .column(categories::Column::Id)
            .into_tuple()
            .all(db)
            .await?;
        ids.push(category);
        Ok(Some(ids))
    }

    /// What counts against the budget on days `from..until`: expenses (of
    /// its categories), or, for a member's budget, that member's shares of
    /// split expenses plus the unsplit ones they paid.
    async fn spent_between<C: ConnectionTrait>(
        &self,
        db: &C,
        from: NaiveDate,
        until: NaiveDate,
    ) -> ModelResult<i64> {
        let categories = self.category_ids(db).await?;
        let live = || {
            let mut condition = Condition::all()
                .add(tenancy::in_workspace::<expenses::Entity>(self.workspace_id))
                .add(expenses::Column::DeletedAt.is_null())
                .add(expenses::Column::SpentOn.gte(from))
                .add(expenses::Column::SpentOn.lt(until));
            if let Some(ids) = &categories {
                condition = condition.add(expenses::Column::CategoryId.is_in(ids.clone()));
            }
            condition
        };
        let Some(member) = self.member_id else {
            let total: Option<Option<i64>> = expenses::Entity::find()
                .filter(live())
                .select_only()
                .column_as(money::sum_minor(expenses::Column::AmountMinor), "total")
                .into_tuple()
                .one(db)
                .await?;
            return Ok(total.flatten().unwrap_or_default());
        };
        let shares: Option<Option<i64>> = expense_shares::Entity::find()
            .in_tenant(self.workspace_id)
            .filter(expense_shares::Column::UserId.eq(member))
            .join(
                JoinType::InnerJoin,
                expense_shares::Relation::Expenses.def(),
            )
            .filter(live())
            .filter(expenses::Column::SplitMethod.is_not_null())
            .select_only()
            .column_as(
                money::sum_minor(expense_shares::Column::AmountMinor),
                "total",
            )
            .into_tuple()
            .one(db)
            .await?;
        let unsplit: Option<Option<i64>> = expenses::Entity::find()
            .filter(live())
            .filter(expenses::Column::SplitMethod.is_null())
            .filter(expenses::Column::PaidById.eq(member))
            .select_only()
            .column_as(money::sum_minor(expenses::Column::AmountMinor), "total")
            .into_tuple()
            .one(db)
            .await?;
        Ok(shares.flatten().unwrap_or_default() + unsplit.flatten().unwrap_or_default())
    }

    /// The budget's standing in the period that holds `day`.
    ///
    /// # Errors
    /// On database errors.
    pub async fn progress<C: ConnectionTrait>(
        &self,
        db: &C,
        day: NaiveDate,
    ) -> ModelResult<Progress> {
        let period = self.period();
        let start = period.start_of(day);
        let end = period.next(start);
        let spent_minor = self.spent_between(db, start, end).await?;
        let carried_minor = if self.rollover && self.starts_on < start {
            let periods = period.count_between(self.starts_on, start);
            let before = self.spent_between(db, self.starts_on, start).await?;
            self.amount_minor.saturating_mul(periods) - before
        } else {
            0
        };
        let limit_minor = self.amount_minor + carried_minor;
        #[allow(clippy::cast_precision_loss)]
        let percent = (limit_minor > 0).then(|| {
            let tenths = i128::from(spent_minor) * 1000 / i128::from(limit_minor);
            (tenths as f64) / 10.0
        });
        Ok(Progress {
            period_start: start,
            period_end: end.pred_opt().unwrap_or(end),
            limit_minor,
            carried_minor,
            spent_minor,
            remaining_minor: limit_minor - spent_minor,
            percent,
        })
    }
}

/// A budget with its standing today and the names it refers to, as lists
/// and pages show it.
#[derive(Debug, Clone)]
pub struct Standing {
    pub budget: Model,
    pub progress: Progress,
    pub category: Option<categories::Model>,
    pub member: Option<users::Model>,
}

impl Model {
    /// The budget's standing today.
    ///
    /// # Errors
    /// On database errors.
    pub async fn standing<C: ConnectionTrait>(
        self,
        db: &C,
        workspace: &workspaces::Model,
    ) -> ModelResult<Standing> {
        let progress = self.progress(db, workspace.today()).await?;
        let category = match self.category_id {
            Some(id) => {
                categories::Entity::find_by_id(id)
                    .in_tenant(workspace.id)
                    .one(db)
                    .await?
            }
            None => None,
        };
        let member = match self.member_id {
            Some(id) => users::Entity::find_by_id(id).one(db).await?,
            None => None,
        };
        Ok(Standing {
            budget: self,
            progress,
            category,
            member,
        })
    }

    /// Every budget of the workspace with its standing today, by name.
    ///
    /// # Errors
    /// On database errors.
    pub async fn standings<C: ConnectionTrait>(
        db: &C,
        workspace: &workspaces::Model,
    ) -> ModelResult<Vec<Standing>> {
        let mut standings = Vec::new();
        for budget in Self::list(db, workspace.id).await? {
            standings.push(budget.standing(db, workspace).await?);
        }
        Ok(standings)
    }
}
