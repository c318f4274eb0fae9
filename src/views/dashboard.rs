//! The dashboard as its template shows it: amounts formatted, and the
//! charts' geometry worked out here so the SVG templates only place shapes.

use chrono::Datelike;
use serde::Serialize;

use crate::models::{dashboard::Dashboard, money};

/// The trend chart's plot in CSS px: its top and bottom (the zero line);
/// across, bars are placed in percent of the chart's width, so the chart
/// takes the width it has and its text keeps its size (no viewBox).
const TREND_TOP: i64 = 24;
const TREND_BOTTOM: i64 = 164;
/// The height of one row of the category chart, in CSS px.
const CATEGORY_ROW: i64 = 44;

use money::format_with_code as format;

/// `part` of `whole` scaled to `size`, never negative.
fn scaled(part: i64, whole: i64, size: i64) -> i64 {
    if whole <= 0 || part <= 0 {
        return 0;
    }
    i64::try_from(i128::from(part) * i128::from(size) / i128::from(whole)).unwrap_or(size)
}

/// A percentage of a chart's width, two decimals.
fn percent(part: i64, whole: i64) -> f64 {
    if whole <= 0 {
        return 0.0;
    }
    #[allow(clippy::cast_precision_loss)] // chart geometry: small numbers
    let p = part as f64 * 100.0 / whole as f64;
    (p * 100.0).round() / 100.0
}

#[derive(Debug, Serialize)]
pub struct CategoryBar {
    pub name: String,
    pub color: String,
    pub amount: String,
    /// The bar's length in percent of the chart's width.
    pub width: f64,
    pub y: i64,
    pub share: String,
}

#[derive(Debug, Serialize)]
pub struct TrendBar {
    /// "Nov" and "Nov 2026" (for the tooltip), in English; the page
    /// writes them in its language from `month_number` and `year`.
    pub label: String,
    pub title: String,
    pub month_number: u32,
    pub year: i32,
    pub amount: String,
    /// Left edge and width in percent of the chart's width.
    pub x: f64,
    pub width: f64,
    /// Top and height in px.
    pub y: i64,
    pub height: i64,
    pub current: bool,
}

/// A line across the trend chart at a round amount, labelled with it.
#[derive(Debug, Serialize)]
pub struct Tick {
    /// The amount as a plain decimal without needless zero decimals
    /// ("1500"), for the page to write in its language.
    pub value: String,
    pub y: i64,
}

/// A round step for `peak` in about three steps: 1, 2 or 5 times a power
/// of ten (in minor units), at least one.
fn step_for(peak: i64) -> i64 {
    let rough = (peak / 3).max(1);
    let mut power = 1_i64;
    while power.saturating_mul(10) <= rough {
        power = power.saturating_mul(10);
    }
    [1, 2, 5, 10]
        .into_iter()
        .map(|m| power.saturating_mul(m))
        .find(|step| *step >= rough)
        .unwrap_or(power)
}

/// `minor` as a plain decimal in `currency`, without zero decimals
/// (`150000` EUR: "1500").
fn plain(minor: i64, currency: &str) -> String {
    let written = format(minor, currency);
    let number = written.split(' ').next().unwrap_or(&written);
    match number.split_once('.') {
        Some((whole, fraction)) if fraction.bytes().all(|b| b == b'0') => whole.to_string(),
        _ => number.to_string(),
    }
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
    /// In English; the page writes it from the fields below.
    pub detail: String,
    pub amount: String,
    /// Top payees: how many expenses.
    pub count: Option<i64>,
    /// Recent expenses: the day (YYYY-MM-DD) and the category.
    pub date: Option<String>,
    pub category: Option<String>,
    /// Balances: whether the member is owed (else owes).
    pub owed: Option<bool>,
    /// Balances in another currency than the workspace's: its code.
    pub currency: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct DashboardView {
    pub month: String,
    /// The month shown (1-12) and its year, for the page's language.
    pub month_number: u32,
    pub year: i32,
    pub month_total: String,
    pub last_month_total: String,
    pub categories: Vec<CategoryBar>,
    pub categories_height: i64,
    pub trend: Vec<TrendBar>,
    pub trend_max: String,
    /// The trend chart's value axis, from zero up.
    pub ticks: Vec<Tick>,
    /// The trend chart's height in px.
    pub trend_height: i64,
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
                width: percent(c.total_minor, biggest).max(1.0),
                y: row * CATEGORY_ROW,
                share: format!("{}%", scaled(c.total_minor, month_total, 100)),
            })
            .collect();
        let peak = dashboard
            .trend
            .iter()
            .map(|m| m.total_minor)
            .max()
            .unwrap_or(0);
        let step = step_for(peak);
        let top = if peak <= 0 {
            step
        } else {
            (peak + step - 1) / step * step
        };
        let plot = TREND_BOTTOM - TREND_TOP;
        let ticks = (0..)
            .map(|i: i64| i * step)
            .take_while(|v| *v <= top && (peak > 0 || *v == 0))
            .map(|v| Tick {
                value: plain(v, currency),
                y: TREND_BOTTOM - scaled(v, top, plot),
            })
            .collect();
        let slots = i64::try_from(dashboard.trend.len().max(1)).unwrap_or(1);
        let trend = dashboard
            .trend
            .iter()
            .zip(0..)
            .map(|(m, i)| {
                let height = scaled(m.total_minor, top, plot);
                TrendBar {
                    label: m.month.format("%b").to_string(),
                    title: m.month.format("%B %Y").to_string(),
                    month_number: m.month.month(),
                    year: m.month.year(),
                    amount: format(m.total_minor, currency),
                    x: percent(i * 8 + 1, slots * 8),
                    width: percent(6, slots * 8),
                    y: TREND_BOTTOM - height,
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
            month_number: dashboard.month_start.month(),
            year: dashboard.month_start.year(),
            month_total: format(month_total, currency),
            last_month_total: format(dashboard.last_month_total_minor, currency),
            categories_height: i64::try_from(categories.len()).unwrap_or(0) * CATEGORY_ROW,
            categories,
            trend,
            trend_max: format(peak, currency),
            ticks,
            trend_height: TREND_BOTTOM + 24,
            budgets,
            payees: dashboard
                .top_payees
                .iter()
                .map(|p| Row {
                    label: p.payee.clone(),
                    detail: format!("{} expense{}", p.count, if p.count == 1 { "" } else { "s" }),
                    amount: format(p.total_minor, currency),
                    count: Some(p.count),
                    date: None,
                    category: None,
                    owed: None,
                    currency: None,
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
                    count: None,
                    date: Some(e.spent_on.to_string()),
                    category: e.category.clone(),
                    owed: None,
                    currency: None,
                })
                .collect(),
            balances: dashboard
                .balances
                .iter()
                .filter(|b| b.balance_minor != 0)
                .map(|b| {
                    let code = b.currency.as_deref().unwrap_or(currency);
                    Row {
                        label: b.name.clone(),
                        detail: if b.balance_minor > 0 {
                            "is owed".to_string()
                        } else {
                            "owes".to_string()
                        },
                        amount: format(b.balance_minor.abs(), code),
                        count: None,
                        date: None,
                        category: None,
                        owed: Some(b.balance_minor > 0),
                        currency: b.currency.clone(),
                    }
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{plain, step_for};

    #[test]
    fn the_value_axis_steps_are_round() {
        assert_eq!(step_for(123_400), 50_000);
        assert_eq!(step_for(8_500), 5_000);
        assert_eq!(step_for(30_000), 10_000);
        assert_eq!(step_for(0), 1);
        assert_eq!(plain(150_000, "EUR"), "1500");
        assert_eq!(plain(150_050, "EUR"), "1500.50");
        assert_eq!(plain(1500, "JPY"), "1500");
    }
}
