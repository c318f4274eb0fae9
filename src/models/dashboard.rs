//! The numbers behind a workspace's dashboard and reports: this month by
//! category, the last twelve months, top payees, recent expenses, budgets
//! and balances.
//!
//! A dashboard is kept per workspace under the workspace's `data_version`,
//! which every committed change bumps (see `super::figures`), so a kept
//! dashboard is never shown after a change.

use crate::models::ids::WorkspaceId;
use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, Months, NaiveDate};
use loco_rs::prelude::*;
use sea_orm::{QueryOrder, QuerySelect};
use serde::{Deserialize, Serialize};

use super::{
    _entities::{categories, expenses, users},
    budgets::{self, Period},
    money, settlements, tenancy, workspaces,
};

/// How many months the trend shows, this one included.
pub const TREND_MONTHS: u32 = 12;
const TOP_PAYEES: u64 = 5;
const RECENT: u64 = 8;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CategoryTotal {
    pub name: String,
    pub color: String,
    pub total_minor: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MonthTotal {
    /// The first day of the month.
    pub month: NaiveDate,
    pub total_minor: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PayeeTotal {
    pub payee: String,
    pub count: i64,
    pub total_minor: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RecentExpense {
    pub id: Uuid,
    pub spent_on: NaiveDate,
    pub description: String,
    pub category: Option<String>,
    pub amount_minor: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BudgetBar {
    pub id: Uuid,
    pub name: String,
    pub spent_minor: i64,
    pub limit_minor: i64,
    pub percent: Option<f64>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Balance {
    pub name: String,
    pub balance_minor: i64,
    /// Another currency than the workspace's (a workspace that settles
    /// each currency on its own); `None`: the base currency.
    #[serde(default)]
    pub currency: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Dashboard {
    pub month_start: NaiveDate,
    pub month_total_minor: i64,
    pub last_month_total_minor: i64,
    pub by_category: Vec<CategoryTotal>,
    pub trend: Vec<MonthTotal>,
    pub top_payees: Vec<PayeeTotal>,
    pub recent: Vec<RecentExpense>,
    pub budgets: Vec<BudgetBar>,
    pub balances: Vec<Balance>,
}

/// Live expenses of the workspace on days `from..until`.
fn live_between(
    workspace_id: WorkspaceId,
    from: NaiveDate,
    until: NaiveDate,
) -> sea_orm::Condition {
    sea_orm::Condition::all()
        .add(tenancy::in_workspace::<expenses::Entity>(workspace_id))
        .add(expenses::Column::DeletedAt.is_null())
        .add(expenses::Column::SpentOn.gte(from))
        .add(expenses::Column::SpentOn.lt(until))
}

/// Totals per category id (`None`: uncategorised) on days `from..until`.
async fn category_totals<C: ConnectionTrait>(
    db: &C,
    workspace_id: WorkspaceId,
    from: NaiveDate,
    until: NaiveDate,
) -> ModelResult<Vec<(Option<i64>, i64, i64)>> {
    let rows: Vec<(Option<i64>, i64, Option<i64>)> = expenses::Entity::find()
        .filter(live_between(workspace_id, from, until))
        .select_only()
        .column(expenses::Column::CategoryId)
        .column_as(expenses::Column::Id.count(), "count")
        .column_as(money::sum_minor(expenses::Column::AmountMinor), "total")
        .group_by(expenses::Column::CategoryId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(category, count, total)| (category, count, total.unwrap_or_default()))
        .collect())
}

/// Totals per day on days `from..until`.
async fn daily_totals<C: ConnectionTrait>(
    db: &C,
    workspace_id: WorkspaceId,
    from: NaiveDate,
    until: NaiveDate,
) -> ModelResult<Vec<(NaiveDate, i64, i64)>> {
    let rows: Vec<(NaiveDate, i64, Option<i64>)> = expenses::Entity::find()
        .filter(live_between(workspace_id, from, until))
        .select_only()
        .column(expenses::Column::SpentOn)
        .column_as(expenses::Column::Id.count(), "count")
        .column_as(money::sum_minor(expenses::Column::AmountMinor), "total")
        .group_by(expenses::Column::SpentOn)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(day, count, total)| (day, count, total.unwrap_or_default()))
        .collect())
}

/// The first day of the month holding `day`.
fn month_of(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

async fn category_names<C: ConnectionTrait>(
    db: &C,
    workspace_id: WorkspaceId,
) -> ModelResult<HashMap<i64, categories::Model>> {
    Ok(categories::Entity::find()
        .in_tenant(workspace_id)
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect())
}

impl Dashboard {
    /// Computes the dashboard as of today in the workspace's time zone.
    ///
    /// # Errors
    /// On database errors.
    // Stays whole (over 80 lines): one date window (this month and the trend's
    // months) shared by every figure; each figure is one query helper below.
    pub async fn build<C: ConnectionTrait>(
        db: &C,
        workspace: &workspaces::Model,
    ) -> ModelResult<Self> {
        let today = workspace.today();
        let month_start = Period::Month.start_of(today);
        let next_month = Period::Month.next(month_start);
        let first_month = month_start
            .checked_sub_months(Months::new(TREND_MONTHS - 1))
            .unwrap_or(month_start);
        let names = category_names(db, workspace.id).await?;

        let mut by_category: Vec<CategoryTotal> =
            category_totals(db, workspace.id, month_start, next_month)
                .await?
                .into_iter()
                .map(|(category, _, total_minor)| {
                    let found = category.and_then(|id| names.get(&id));
                    CategoryTotal {
                        name: found.map_or_else(|| "Uncategorised".to_string(), |c| c.name.clone()),
                        color: found.map_or_else(|| "#868e96".to_string(), |c| c.color.clone()),
                        total_minor,
                    }
                })
                .filter(|c| c.total_minor != 0)
                .collect();
        by_category.sort_by_key(|c| std::cmp::Reverse(c.total_minor));

        let mut months: BTreeMap<NaiveDate, i64> = (0..TREND_MONTHS)
            .filter_map(|n| first_month.checked_add_months(Months::new(n)))
            .map(|m| (m, 0))
            .collect();
        for (day, _, total) in daily_totals(db, workspace.id, first_month, next_month).await? {
            *months.entry(month_of(day)).or_default() += total;
        }
        let month_total_minor = months.get(&month_start).copied().unwrap_or_default();
        let last_month_total_minor = month_start
            .checked_sub_months(Months::new(1))
            .and_then(|m| months.get(&m).copied())
            .unwrap_or_default();

        let payees: Vec<(Option<String>, i64, Option<i64>)> = expenses::Entity::find()
            .filter(live_between(workspace.id, month_start, next_month))
            .filter(expenses::Column::Payee.is_not_null())
            .select_only()
            .column(expenses::Column::Payee)
            .column_as(expenses::Column::Id.count(), "count")
            .column_as(money::sum_minor(expenses::Column::AmountMinor), "total")
            .group_by(expenses::Column::Payee)
            .order_by_desc(sea_orm::sea_query::Expr::cust("3"))
            .limit(TOP_PAYEES)
            .into_tuple()
            .all(db)
            .await?;

        let recent = expenses::Entity::find()
            .in_tenant(workspace.id)
            .filter(expenses::Column::DeletedAt.is_null())
            .order_by_desc(expenses::Column::SpentOn)
            .order_by_desc(expenses::Column::Id)
            .limit(RECENT)
            .all(db)
            .await?
            .into_iter()
            .map(|e| RecentExpense {
                id: e.pid,
                spent_on: e.spent_on,
                category: e
                    .category_id
                    .and_then(|id| names.get(&id))
                    .map(|c| c.name.clone()),
                description: e.description,
                amount_minor: e.amount_minor,
            })
            .collect();

        let budgets = budgets::Model::standings(db, workspace)
            .await?
            .into_iter()
            .map(|s| BudgetBar {
                id: s.budget.pid,
                name: s.budget.name,
                spent_minor: s.progress.spent_minor,
                limit_minor: s.progress.limit_minor,
                percent: s.progress.percent,
            })
            .collect();

        let balances = settlements::Model::balances(db, workspace)
            .await?
            .currencies
            .into_iter()
            .flat_map(|c| {
                let other = (c.currency != workspace.currency).then_some(c.currency);
                c.people
                    .into_iter()
                    .map(move |(user, balance_minor)| Balance {
                        name: user.map_or_else(
                            || "A deleted account".to_string(),
                            |u: users::Model| u.name,
                        ),
                        balance_minor,
                        currency: other.clone(),
                    })
            })
            .collect();

        Ok(Self {
            month_start,
            month_total_minor,
            last_month_total_minor,
            by_category,
            trend: months
                .into_iter()
                .map(|(month, total_minor)| MonthTotal { month, total_minor })
                .collect(),
            top_payees: payees
                .into_iter()
                .filter_map(|(payee, count, total)| {
                    Some(PayeeTotal {
                        payee: payee?,
                        count,
                        total_minor: total.unwrap_or_default(),
                    })
                })
                .collect(),
            recent,
            budgets,
            balances,
        })
    }

    /// The dashboard from this process's figures when nothing changed since
    /// it was computed (same `data_version`, same day), else computed once
    /// (see [`super::figures`]).
    ///
    /// # Errors
    /// On database errors.
    pub async fn cached<C: ConnectionTrait>(
        db: &C,
        workspace: &workspaces::Model,
    ) -> Result<std::sync::Arc<Self>> {
        super::figures::dashboard(workspace, workspace.today(), async {
            Ok(Self::build(db, workspace).await?)
        })
        .await
    }
}

/// How a report groups expenses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    Category,
    Month,
    Week,
    Payee,
    Payer,
}

impl Grouping {
    pub const ALL: [Self; 5] = [
        Self::Category,
        Self::Month,
        Self::Week,
        Self::Payee,
        Self::Payer,
    ];

    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Category => "category",
            Self::Month => "month",
            Self::Week => "week",
            Self::Payee => "payee",
            Self::Payer => "payer",
        }
    }

    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.as_str() == value)
    }
}

/// One line of a report.
#[derive(Debug, Clone, Serialize)]
pub struct ReportRow {
    pub label: String,
    pub count: i64,
    pub total_minor: i64,
}

/// Expenses on days `from..=to`, grouped, largest first (by time for
/// months and weeks).
///
/// # Errors
/// On database errors.
// Stays whole (over 80 lines): one match arm per grouping, each a query and
// the labels of its rows.
pub async fn report<C: ConnectionTrait>(
    db: &C,
    workspace_id: WorkspaceId,
    from: NaiveDate,
    to: NaiveDate,
    grouping: Grouping,
) -> ModelResult<Vec<ReportRow>> {
    let until = to.succ_opt().unwrap_or(to);
    let mut rows: Vec<ReportRow> = match grouping {
        Grouping::Category => {
            let names = category_names(db, workspace_id).await?;
            category_totals(db, workspace_id, from, until)
                .await?
                .into_iter()
                .map(|(category, count, total_minor)| ReportRow {
                    label: category
                        .and_then(|id| names.get(&id))
                        .map_or_else(|| "Uncategorised".to_string(), |c| c.name.clone()),
                    count,
                    total_minor,
                })
                .collect()
        }
        Grouping::Month | Grouping::Week => {
            let period = if grouping == Grouping::Month {
                Period::Month
            } else {
                Period::Week
            };
            let mut buckets: BTreeMap<NaiveDate, (i64, i64)> = BTreeMap::new();
            for (day, count, total) in daily_totals(db, workspace_id, from, until).await? {
                let bucket = buckets.entry(period.start_of(day)).or_default();
                bucket.0 += count;
                bucket.1 += total;
            }
            return Ok(buckets
                .into_iter()
                .map(|(start, (count, total_minor))| ReportRow {
                    label: if grouping == Grouping::Month {
                        start.format("%Y-%m").to_string()
                    } else {
                        format!("week of {start}")
                    },
                    count,
                    total_minor,
                })
                .collect());
        }
        Grouping::Payee | Grouping::Payer => {
            let column = if grouping == Grouping::Payee {
                expenses::Column::Payee
            } else {
                expenses::Column::PaidById
            };
            let grouped: Vec<(Option<String>, i64, Option<i64>)> = expenses::Entity::find()
                .filter(live_between(workspace_id, from, until))
                .select_only()
                .column_as(
                    sea_orm::sea_query::Expr::expr(sea_orm::sea_query::Func::cast_as(
                        sea_orm::sea_query::Expr::col(column),
                        sea_orm::sea_query::Alias::new("TEXT"),
                    )),
                    "label",
                )
                .column_as(expenses::Column::Id.count(), "count")
                .column_as(money::sum_minor(expenses::Column::AmountMinor), "total")
                .group_by(column)
                .into_tuple()
                .all(db)
                .await?;
            let payers: HashMap<String, String> = if grouping == Grouping::Payer {
                let ids: Vec<i64> = grouped
                    .iter()
                    .filter_map(|(id, _, _)| id.as_deref()?.parse().ok())
                    .collect();
                users::Entity::find()
                    .filter(users::Column::Id.is_in(ids))
                    .all(db)
                    .await?
                    .into_iter()
                    .map(|u| (u.id.to_string(), u.name))
                    .collect()
            } else {
                HashMap::new()
            };
            grouped
                .into_iter()
                .map(|(label, count, total)| ReportRow {
                    label: match (grouping, label) {
                        (Grouping::Payer, Some(id)) => payers
                            .get(&id)
                            .cloned()
                            .unwrap_or_else(|| "A deleted account".to_string()),
                        (_, Some(label)) => label,
                        (Grouping::Payee, None) => "No payee".to_string(),
                        (_, None) => "Nobody".to_string(),
                    },
                    count,
                    total_minor: total.unwrap_or_default(),
                })
                .collect()
        }
    };
    rows.sort_by_key(|r| std::cmp::Reverse(r.total_minor));
    Ok(rows)
}
