//! The dashboard as its template shows it: amounts formatted, and the
//! charts' geometry worked out here so the SVG templates only place shapes.

use serde::Serialize;

use crate::models::{dashboard::Dashboard, money};

/// Width and height of the chart drawing areas (SVG user units).
const TREND_WIDTH: i64 = 600;
const TREND_HEIGHT: i64 = 160;
const BAR_WIDTH: i64 = 300;

use money::format_with_code as format;

/// `part` of `whole` scaled to `size`, never negative.
fn scaled(part: i64, whole: i64, size: i64) -> i64 {
    if whole <= 0 || part <= 0 {
        return 0;
    }
    i64::try_from(i128::from(part) * i128::from(size) / i128::from(whole)).unwrap_or(size)
}

#[derive(Debug, Serialize)]
pub struct CategoryBar {
    pub name: String,
    pub color: String,
    pub amount: String,
    pub width: i64,
    pub y: i64,
    pub share: String,
}

#[derive(Debug, Serialize)]
pub struct TrendBar {
    /// "Nov" and "Nov 2026" (for the tooltip).
    pub label: String,
    pub title: String,
    pub amount: String,
    pub x: i64,
    pub y: i64,
    pub width: i64,
    pub height: i64,
    pub current: bool,
}

#[derive(Debug, Serialize)]
pub struct BudgetRow {
    pub id: String,
    pub name: String,
    pub spent: String,
    pub limit: String,
    /// For `<progress>`: spent out of the limit, capped at the limit.
    pub value: i64,
    pub max: i64,
    pub percent: String,
    /// `ok`, `near` (past 80%) or `over`.
    pub level: &'static str,
}

#[derive(Debug, Serialize)]
pub struct Row {
    pub label: String,
    pub detail: String,
    pub amount: String,
}

#[derive(Debug, Serialize)]
pub struct DashboardView {
    pub month: String,
    pub month_total: String,
    pub last_month_total: String,
    pub categories: Vec<CategoryBar>,
    pub categories_height: i64,
    pub trend: Vec<TrendBar>,
    pub trend_max: String,
    pub budgets: Vec<BudgetRow>,
    pub payees: Vec<Row>,
    pub recent: Vec<Row>,
    pub balances: Vec<Row>,
}

impl DashboardView {
    // Stays whole (over 80 lines): one assignment per figure the dashboard
    // shows, in the order of the page.
    #[must_use]
    pub fn new(dashboard: &Dashboard, currency: &str) -> Self {
        let biggest = dashboard.by_category.first().map_or(0, |c| c.total_minor);
        let month_total = dashboard.month_total_minor;
        let categories: Vec<CategoryBar> = dashboard
            .by_category
            .iter()
            .zip(0..)
            .map(|(c, row)| CategoryBar {
                name: c.name.clone(),
                color: c.color.clone(),
                amount: format(c.total_minor, currency),
                width: scaled(c.total_minor, biggest, BAR_WIDTH).max(2),
                y: row * 28,
                share: format!("{}%", scaled(c.total_minor, month_total, 100)),
            })
            .collect();
        let peak = dashboard
            .trend
            .iter()
            .map(|m| m.total_minor)
            .max()
            .unwrap_or(0);
        let slot = TREND_WIDTH / i64::try_from(dashboard.trend.len().max(1)).unwrap_or(1);
        let trend = dashboard
            .trend
            .iter()
            .zip(0..)
            .map(|(m, i)| {
                let height = scaled(m.total_minor, peak, TREND_HEIGHT);
                TrendBar {
                    label: m.month.format("%b").to_string(),
                    title: m.month.format("%B %Y").to_string(),
                    amount: format(m.total_minor, currency),
                    x: i * slot + slot / 8,
                    y: TREND_HEIGHT - height,
                    width: slot * 3 / 4,
                    height,
                    current: m.month == dashboard.month_start,
                }
            })
            .collect();
        let budgets = dashboard
            .budgets
            .iter()
            .map(|b| {
                let over = b.limit_minor <= 0 || b.spent_minor > b.limit_minor;
                let near = b.percent.is_some_and(|p| p >= 80.0);
                BudgetRow {
                    id: b.id.to_string(),
                    name: b.name.clone(),
                    spent: format(b.spent_minor, currency),
                    limit: format(b.limit_minor, currency),
                    value: b.spent_minor.clamp(0, b.limit_minor.max(0)),
                    max: b.limit_minor.max(1),
                    percent: b
                        .percent
                        .map_or_else(|| "over".to_string(), |p| format!("{p}%")),
                    level: if over {
                        "over"
                    } else if near {
                        "near"
                    } else {
                        "ok"
                    },
                }
            })
            .collect();
        Self {
            month: dashboard.month_start.format("%B %Y").to_string(),
            month_total: format(month_total, currency),
            last_month_total: format(dashboard.last_month_total_minor, currency),
            categories_height: i64::try_from(categories.len()).unwrap_or(0) * 28,
            categories,
            trend,
            trend_max: format(peak, currency),
            budgets,
            payees: dashboard
                .top_payees
                .iter()
                .map(|p| Row {
                    label: p.payee.clone(),
                    detail: format!("{} expense{}", p.count, if p.count == 1 { "" } else { "s" }),
                    amount: format(p.total_minor, currency),
                })
                .collect(),
            recent: dashboard
                .recent
                .iter()
                .map(|e| Row {
                    label: e.description.clone(),
                    detail: format!(
                        "{}{}",
                        e.spent_on,
                        e.category
                            .as_ref()
                            .map(|c| format!(" · {c}"))
                            .unwrap_or_default()
                    ),
                    amount: format(e.amount_minor, currency),
                })
                .collect(),
            balances: dashboard
                .balances
                .iter()
                .filter(|b| b.balance_minor != 0)
                .map(|b| Row {
                    label: b.name.clone(),
                    detail: if b.balance_minor > 0 {
                        "is owed".to_string()
                    } else {
                        "owes".to_string()
                    },
                    amount: format(b.balance_minor.abs(), currency),
                })
                .collect(),
        }
    }
}
