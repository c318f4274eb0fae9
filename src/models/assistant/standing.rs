//! Answers on where the workspace stands: its budgets this period, and who
//! owes whom.

use loco_rs::prelude::*;
use serde_json::{json, Value};

use super::{
    arg,
    parse::{Intent, Named},
    reply, Action, Answering, Reply,
};
use crate::models::{_entities::users, budgets, settlements};

impl<C: ConnectionTrait> Answering<'_, C> {
    pub(super) async fn budget(&self, intent: &Intent, budget: Option<&Named>) -> Result<Reply> {
        if !self.allowed.read_budgets {
            return Ok(self.refused(intent, "assistant-refused-budgets"));
        }
        let chosen: Vec<budgets::Standing> = match budget {
            Some(b) => vec![
                budgets::Model::find_in(self.db, self.workspace.id, &b.id)
                    .await?
                    .standing(self.db, self.workspace)
                    .await?,
            ],
            None => budgets::Model::standings(self.db, self.workspace).await?,
        };
        let link = Action::Open {
            label: self.t("assistant-open-budgets", &[]),
            href: self.path("/budgets"),
        };
        if chosen.is_empty() {
            return Ok(reply(
                intent,
                self.t("assistant-no-budgets", &[]),
                None,
                vec![link],
            ));
        }
        let lines: Vec<String> = chosen
            .iter()
            .map(|s| {
                let p = &s.progress;
                let limit = arg(self.money(p.limit_minor));
                let standing = if p.remaining_minor >= 0 {
                    self.t(
                        "assistant-budget-left",
                        &[
                            ("left", arg(self.money(p.remaining_minor))),
                            ("limit", limit),
                        ],
                    )
                } else {
                    self.t(
                        "assistant-budget-over",
                        &[
                            ("over", arg(self.money(-p.remaining_minor))),
                            ("limit", limit),
                        ],
                    )
                };
                let percent = p.percent.map_or_else(String::new, |pc| {
                    self.t(
                        "assistant-budget-percent",
                        &[("percent", arg(format!("{pc:.0}")))],
                    )
                });
                self.t(
                    "assistant-budget-line",
                    &[
                        ("name", arg(&s.budget.name)),
                        ("standing", arg(standing)),
                        ("percent", arg(percent)),
                        ("spent", arg(self.money(p.spent_minor))),
                        ("from", arg(self.short_day(p.period_start))),
                        ("to", arg(self.day(p.period_end))),
                    ],
                )
            })
            .collect();
        let data: Vec<Value> = chosen
            .iter()
            .map(|s| json!({ "id": s.budget.pid, "name": s.budget.name, "progress": s.progress }))
            .collect();
        Ok(reply(
            intent,
            lines.join("\n"),
            Some(json!({ "budgets": data })),
            vec![link],
        ))
    }

    pub(super) async fn balances(&self, intent: &Intent, member: Option<&Named>) -> Result<Reply> {
        if !self.allowed.read_balances {
            return Ok(self.refused(intent, "assistant-refused-balances"));
        }
        let balances = settlements::Model::balances(self.db, self.workspace).await?;
        let me = self.asker.pid.to_string();
        let name = |u: Option<&users::Model>| {
            u.map_or_else(
                || self.t("assistant-deleted-account", &[]),
                |u| u.name.clone(),
            )
        };
        let is_me = |u: Option<&users::Model>| u.is_some_and(|u| u.pid.to_string() == me);
        let open = || balances.currencies.iter().filter(|c| !c.people.is_empty());
        let text = if let Some(m) = member {
            // One sentence per currency the member has a balance in.
            let owing: Vec<(&str, i64)> = open()
                .filter_map(|c| {
                    c.people
                        .iter()
                        .find(|(u, _)| u.as_ref().is_some_and(|u| u.pid.to_string() == m.id))
                        .map(|(_, b)| (c.currency.as_str(), *b))
                })
                .collect();
            let owing = if owing.is_empty() {
                vec![(self.workspace.currency.as_str(), 0)]
            } else {
                owing
            };
            let who = arg(if m.id == me { "me" } else { "other" });
            owing
                .into_iter()
                .map(|(currency, balance)| {
                    let (key, amount) = match balance {
                        0 => ("assistant-balance-settled", 0),
                        b if b > 0 => ("assistant-balance-owed", b),
                        b => ("assistant-balance-owes", -b),
                    };
                    self.t(
                        key,
                        &[
                            ("who", who.clone()),
                            ("name", arg(&m.name)),
                            ("amount", arg(self.money_in(amount, currency))),
                        ],
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        } else if open().next().is_none() {
            self.t("assistant-all-settled", &[])
        } else {
            open()
                .flat_map(|c| c.transfers.iter().map(move |t| (c.currency.as_str(), t)))
                .map(|(currency, (from, to, amount))| {
                    let to = if is_me(to.as_ref()) {
                        self.t("assistant-you-object", &[])
                    } else {
                        name(to.as_ref())
                    };
                    self.t(
                        "assistant-transfer",
                        &[
                            (
                                "who",
                                arg(if is_me(from.as_ref()) { "me" } else { "other" }),
                            ),
                            ("from", arg(name(from.as_ref()))),
                            ("to", arg(to)),
                            ("amount", arg(self.money_in(*amount, currency))),
                        ],
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        let base = balances.base();
        let data = json!({
            "people": base.people.iter().map(|(u, b)| json!({
                "name": u.as_ref().map(|u| &u.name), "id": u.as_ref().map(|u| u.pid),
                "balance_minor": b,
            })).collect::<Vec<_>>(),
            "transfers": base.transfers.iter().map(|(f, t, a)| json!({
                "from": f.as_ref().map(|u| &u.name), "to": t.as_ref().map(|u| &u.name), "amount_minor": a,
            })).collect::<Vec<_>>(),
            "other_currencies": balances.others().iter().map(|c| json!({
                "currency": c.currency,
                "people": c.people.iter().map(|(u, b)| json!({
                    "name": u.as_ref().map(|u| &u.name), "id": u.as_ref().map(|u| u.pid),
                    "balance_minor": b,
                })).collect::<Vec<_>>(),
                "transfers": c.transfers.iter().map(|(f, t, a)| json!({
                    "from": f.as_ref().map(|u| &u.name), "to": t.as_ref().map(|u| &u.name), "amount_minor": a,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        });
        Ok(reply(
            intent,
            text,
            Some(data),
            vec![Action::Open {
                label: self.t("assistant-open-balances", &[]),
                href: self.path("/balances"),
            }],
        ))
    }
}
