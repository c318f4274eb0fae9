//! Answers from the expense list's and the reports' figures: what was
//! spent, by category, the biggest expenses, two periods compared, and the
//! monthly average.

use chrono::Datelike;
use fluent_templates::fluent_bundle::FluentValue;
use loco_rs::prelude::*;
use serde_json::{json, Value};

use super::{
    arg,
    parse::{capitalised, Intent, Named, Range},
    reply, Action, Answering, Reply,
};
use crate::models::{
    dashboard::{self, Grouping},
    expenses::{self, ExpenseFilter},
    money,
};

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
            Some(m) if m.id == self.asker.pid.to_string() => "me",
            Some(_) => "member",
            None => "all",
        };
        let mut what = String::new();
        if let Some(c) = category {
            what.push(' ');
            what.push_str(&self.t("assistant-on-category", &[("category", arg(&c.name))]));
        }
        if let Some(words) = search {
            what.push(' ');
            what.push_str(&self.t("assistant-on-search", &[("words", arg(words))]));
        }
        let text = if count == 0 {
            self.t(
                "assistant-spent-nothing",
                &[("what", arg(what)), ("range", arg(self.describe(range)))],
            )
        } else {
            self.t(
                "assistant-spent",
                &[
                    ("who", arg(who)),
                    ("name", arg(member.map_or("", |m| m.name.as_str()))),
                    ("amount", arg(self.money(total))),
                    ("what", arg(what)),
                    ("range", arg(self.describe(range))),
                    ("count", arg(self.count(count))),
                ],
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
            vec![self.list_link(&self.t("assistant-see-expenses", &[]), &filter)],
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
            self.t(
                "assistant-breakdown-none",
                &[("range", arg(self.describe(range)))],
            )
        } else {
            let lines: Vec<String> = rows
                .iter()
                .map(|r| format!("{}: {}", r.label, self.money(r.total_minor)))
                .collect();
            format!(
                "{}\n{}",
                self.t(
                    "assistant-breakdown",
                    &[
                        ("range", arg(self.describe(range))),
                        ("total", arg(self.money(total))),
                    ],
                ),
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
                label: self.t("assistant-open-report", &[]),
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
        let on = self.on_category(category);
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
            self.t(
                "assistant-biggest-none",
                &[("what", arg(on)), ("range", arg(self.describe(range)))],
            )
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
                        self.short_day(e.row.spent_on)
                    )
                })
                .collect();
            let heading = self.t(
                "assistant-biggest",
                &[
                    ("count", FluentValue::from(listing.items.len())),
                    ("what", arg(on)),
                    ("range", arg(self.describe(range))),
                ],
            );
            format!("{heading}\n{}", lines.join("\n"))
        };
        Ok(reply(
            intent,
            text,
            Some(json!({ "from": range.from, "to": range.to, "items": items })),
            vec![self.list_link(&self.t("assistant-see-largest", &[]), &filter)],
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
        let name = |r: Range| self.period_name(r);
        let on = self.on_category(category);
        let direction = match b.cmp(&a) {
            std::cmp::Ordering::Equal => "same",
            std::cmp::Ordering::Greater => "more",
            std::cmp::Ordering::Less => "less",
        };
        let percent = if a == 0 {
            String::new()
        } else {
            #[allow(clippy::cast_precision_loss)]
            let p = ((b - a) as f64 / a as f64 * 100.0).abs();
            format!(" ({}%)", self.lang.number(&format!("{p:.1}")))
        };
        let change = self.t(
            "assistant-compare-change",
            &[
                ("direction", arg(direction)),
                ("difference", arg(self.money((b - a).abs()))),
                ("percent", arg(percent)),
            ],
        );
        let text = self.t(
            "assistant-compare",
            &[
                ("what", arg(on)),
                ("first", arg(name(first))),
                ("first-total", arg(self.money(a))),
                ("first-count", arg(self.count(a_count))),
                ("second", arg(name(second))),
                ("second-total", arg(self.money(b))),
                ("second-count", arg(self.count(b_count))),
                ("later", arg(capitalised(&name(second)))),
                ("change", arg(change)),
            ],
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
                self.list_link(
                    &self.t("assistant-see-period", &[("period", arg(name(first)))]),
                    &first_filter,
                ),
                self.list_link(
                    &self.t("assistant-see-period", &[("period", arg(name(second)))]),
                    &second_filter,
                ),
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
                self.t(
                    "assistant-average-not-begun",
                    &[("range", arg(self.describe(range)))],
                ),
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
        let on = self.on_category(category);
        let text = self.t(
            "assistant-average",
            &[
                ("average", arg(self.money(average))),
                ("what", arg(on)),
                ("months", FluentValue::from(months)),
                ("from", arg(self.month_year(counted.from))),
                ("to", arg(self.month_year(counted.to))),
                ("total", arg(self.money(total))),
                ("count", arg(self.count(count))),
            ],
        );
        Ok(reply(
            intent,
            text,
            Some(json!({
                "from": counted.from, "to": counted.to, "months": months,
                "average_minor": average, "total_minor": total, "count": count,
            })),
            vec![self.list_link(&self.t("assistant-see-expenses", &[]), &filter)],
        ))
    }

    /// " on Groceries", or nothing.
    fn on_category(&self, category: Option<&Named>) -> String {
        category.map_or_else(String::new, |c| {
            format!(
                " {}",
                self.t("assistant-on-category", &[("category", arg(&c.name))])
            )
        })
    }
}
