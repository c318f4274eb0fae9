//! Answers from the expense list's and the reports' figures: what was
//! spent, by category, the biggest expenses, two periods compared, and the
//! monthly average.

use chrono::{Datelike, NaiveDate};
use loco_rs::prelude::*;
use serde_json::{json, Value};

use super::{
    parse::{capitalised, Intent, Named, Range},
    reply, Action, Answering, Reply,
};
use crate::models::{
    dashboard::{self, Grouping},
    expenses::{self, ExpenseFilter},
    money,
};

/// "1 expense", "3 expenses".
fn expenses_count(count: u64) -> String {
    if count == 1 {
        "1 expense".to_string()
    } else {
        format!("{count} expenses")
    }
}

/// Rounds `total / parts` half away from zero.
fn divided(total: i64, parts: i64) -> i64 {
    if parts == 0 {
        return 0;
    }
    let half = parts / 2;
    if total >= 0 {
        (total + half) / parts
    } else {
        (total - half) / parts
    }
}
impl<C: ConnectionTrait> Answering<'_, C> {
    pub(super) async fn spending(
        &self,
        intent: &Intent,
        range: Range,
        category: Option<&Named>,
        member: Option<&Named>,
        search: Option<&str>,
    ) -> Result<Reply> {
        let filter = ExpenseFilter {
            member: member.map(|m| m.id.clone()),
            q: search.map(str::to_string),
            ..self.filter(range, category)
        };
        let (total, count) = self.total(&filter).await?;
        let who = match member {
            Some(m) if m.id == self.asker.pid.to_string() => "You paid".to_string(),
            Some(m) => format!("{} paid", m.name),
            None => "You spent".to_string(),
        };
        let mut what = String::new();
        if let Some(c) = category {
            what.push_str(&format!(" on {}", c.name));
        }
        if let Some(words) = search {
            what.push_str(&format!(" on expenses mentioning \"{words}\""));
        }
        let text = if count == 0 {
            format!(
                "Nothing spent{what} {}: no expenses match.",
                range.describe()
            )
        } else {
            format!(
                "{who} {}{what} {} ({}).",
                self.money(total),
                range.describe(),
                expenses_count(count)
            )
        };
        let data = json!({
            "from": range.from, "to": range.to,
            "total_minor": total, "total": money::format_in(total, &self.workspace.currency),
            "currency": self.workspace.currency, "count": count,
            "category": category.map(|c| &c.name), "member": member.map(|m| &m.name),
            "search": search,
        });
        Ok(reply(
            intent,
            text,
            Some(data),
            vec![self.list_link("See these expenses", &filter)],
        ))
    }

    pub(super) async fn breakdown(&self, intent: &Intent, range: Range) -> Result<Reply> {
        let rows = dashboard::report(
            self.db,
            self.workspace.id,
            range.from,
            range.to,
            Grouping::Category,
        )
        .await?;
        let total: i64 = rows.iter().map(|r| r.total_minor).sum();
        let text = if rows.is_empty() {
            format!("No expenses {}.", range.describe())
        } else {
            let lines: Vec<String> = rows
                .iter()
                .map(|r| format!("{}: {}", r.label, self.money(r.total_minor)))
                .collect();
            format!(
                "By category {} ({} in all):\n{}",
                range.describe(),
                self.money(total),
                lines.join("\n")
            )
        };
        let report = self.path(&format!(
            "/reports?from={}&to={}&group=category",
            range.from, range.to
        ));
        Ok(reply(
            intent,
            text,
            Some(json!({ "from": range.from, "to": range.to, "total_minor": total, "rows": rows })),
            vec![Action::Open {
                label: "Open the report".to_string(),
                href: report,
            }],
        ))
    }

    pub(super) async fn biggest(
        &self,
        intent: &Intent,
        range: Range,
        count: u64,
        category: Option<&Named>,
    ) -> Result<Reply> {
        let filter = ExpenseFilter {
            sort: Some("largest".to_string()),
            ..self.filter(range, category)
        };
        let listing = expenses::Model::list(
            self.db,
            self.workspace,
            &ExpenseFilter {
                limit: Some(count),
                ..filter.clone()
            },
        )
        .await?;
        let on = category.map_or_else(String::new, |c| format!(" on {}", c.name));
        let items: Vec<Value> = listing
            .items
            .iter()
            .map(|e| {
                json!({
                    "id": e.row.pid, "description": e.row.description, "date": e.row.spent_on,
                    "amount_minor": e.row.amount_minor, "amount": self.money(e.row.amount_minor),
                    "category": e.category.as_ref().map(|c| &c.name),
                })
            })
            .collect();
        let text = if listing.items.is_empty() {
            format!("No expenses{on} {}.", range.describe())
        } else {
            let lines: Vec<String> = listing
                .items
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    format!(
                        "{}. {} — {} ({})",
                        i + 1,
                        e.row.description,
                        self.money(e.row.amount_minor),
                        e.row.spent_on.format("%-d %b")
                    )
                })
                .collect();
            let heading = match listing.items.len() {
                1 => "The largest expense".to_string(),
                n => format!("The {n} largest expenses"),
            };
            format!("{heading}{on} {}:\n{}", range.describe(), lines.join("\n"))
        };
        Ok(reply(
            intent,
            text,
            Some(json!({ "from": range.from, "to": range.to, "items": items })),
            vec![self.list_link("See them all, largest first", &filter)],
        ))
    }

    pub(super) async fn compare(
        &self,
        intent: &Intent,
        first: Range,
        second: Range,
        category: Option<&Named>,
    ) -> Result<Reply> {
        let first_filter = self.filter(first, category);
        let second_filter = self.filter(second, category);
        let (a, a_count) = self.total(&first_filter).await?;
        let (b, b_count) = self.total(&second_filter).await?;
        let name = |r: Range| r.describe().trim_start_matches("in ").to_string();
        let on = category.map_or_else(String::new, |c| format!(" on {}", c.name));
        let change = if a == b {
            "the same as".to_string()
        } else {
            let direction = if b > a { "more" } else { "less" };
            let percent = if a == 0 {
                String::new()
            } else {
                #[allow(clippy::cast_precision_loss)]
                let p = ((b - a) as f64 / a as f64 * 100.0).abs();
                format!(" ({p:.1}%)")
            };
            format!("{}{percent} {direction} than", self.money((b - a).abs()))
        };
        let text = format!(
            "Spending{on}: {} {} ({}), {} {} ({}). {} is {change} {}.",
            name(first),
            self.money(a),
            expenses_count(a_count),
            name(second),
            self.money(b),
            expenses_count(b_count),
            capitalised(&name(second)),
            name(first),
        );
        Ok(reply(
            intent,
            text,
            Some(json!({
                "first": { "from": first.from, "to": first.to, "total_minor": a, "count": a_count },
                "second": { "from": second.from, "to": second.to, "total_minor": b, "count": b_count },
                "difference_minor": b - a,
            })),
            vec![
                self.list_link(&format!("See {}", name(first)), &first_filter),
                self.list_link(&format!("See {}", name(second)), &second_filter),
            ],
        ))
    }

    pub(super) async fn average(
        &self,
        intent: &Intent,
        range: Range,
        category: Option<&Named>,
    ) -> Result<Reply> {
        let today = self.workspace.today();
        let until = range.to.min(today);
        if range.from > today {
            return Ok(reply(
                intent,
                format!("That period has not begun yet ({}).", range.describe()),
                None,
                Vec::new(),
            ));
        }
        let months = i64::from(until.year() - range.from.year()) * 12 + i64::from(until.month())
            - i64::from(range.from.month())
            + 1;
        let counted = Range {
            from: range.from,
            to: until,
        };
        let filter = self.filter(counted, category);
        let (total, count) = self.total(&filter).await?;
        let average = divided(total, months);
        let on = category.map_or_else(String::new, |c| format!(" on {}", c.name));
        let month_name = |d: NaiveDate| d.format("%B %Y").to_string();
        let text = format!(
            "On average {} a month{on}, over {} {} ({} to {}; {} in all, {}).",
            self.money(average),
            months,
            if months == 1 { "month" } else { "months" },
            month_name(counted.from),
            month_name(counted.to),
            self.money(total),
            expenses_count(count),
        );
        Ok(reply(
            intent,
            text,
            Some(json!({
                "from": counted.from, "to": counted.to, "months": months,
                "average_minor": average, "total_minor": total, "count": count,
            })),
            vec![self.list_link("See these expenses", &filter)],
        ))
    }
}
