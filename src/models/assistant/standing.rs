//! Answers on where the workspace stands: its budgets this period, and who
//! owes whom.

use loco_rs::prelude::*;
use serde_json::{json, Value};

use super::{
    parse::{Intent, Named},
    reply, Action, Answering, Reply,
};
use crate::models::{_entities::users, budgets, settlements};

impl<C: ConnectionTrait> Answering<'_, C> {
    pub(super) async fn budget(&self, intent: &Intent, budget: Option<&Named>) -> Result<Reply> {
        if !self.allowed.read_budgets {
            return Ok(self.refused(intent, "see budgets"));
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
            label: "Open budgets".to_string(),
            href: self.path("/budgets"),
        };
        if chosen.is_empty() {
            return Ok(reply(
                intent,
                "There are no budgets in this workspace yet.".to_string(),
                None,
                vec![link],
            ));
        }
        let lines: Vec<String> = chosen
            .iter()
            .map(|s| {
                let p = &s.progress;
                let standing = if p.remaining_minor >= 0 {
                    format!(
                        "{} left of {}",
                        self.money(p.remaining_minor),
                        self.money(p.limit_minor)
                    )
                } else {
                    format!(
                        "over by {} (limit {})",
                        self.money(-p.remaining_minor),
                        self.money(p.limit_minor)
                    )
                };
                let percent = p
                    .percent
                    .map_or_else(String::new, |pc| format!(", {pc:.0}% spent"));
                format!(
                    "{}: {standing}{percent}, {} spent from {} to {}",
                    s.budget.name,
                    self.money(p.spent_minor),
                    p.period_start.format("%-d %b"),
                    p.period_end.format("%-d %b %Y")
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
            return Ok(self.refused(intent, "see balances"));
        }
        let balances = settlements::Model::balances(self.db, self.workspace.id).await?;
        let me = self.asker.pid.to_string();
        let name = |u: Option<&users::Model>| {
            u.map_or_else(
                || "A deleted account".to_string(),
                |u| {
                    if u.pid.to_string() == me {
                        "You".to_string()
                    } else {
                        u.name.clone()
                    }
                },
            )
        };
        let text = if let Some(m) = member {
            let balance = balances
                .people
                .iter()
                .find(|(u, _)| u.as_ref().is_some_and(|u| u.pid.to_string() == m.id))
                .map_or(0, |(_, b)| *b);
            let who = if m.id == me {
                "You".to_string()
            } else {
                m.name.clone()
            };
            let verb = |you: &str, other: &str| {
                if m.id == me {
                    you.to_string()
                } else {
                    other.to_string()
                }
            };
            match balance {
                0 => format!("{who} {} settled up.", verb("are", "is")),
                b if b > 0 => format!("{who} {} owed {} in all.", verb("are", "is"), self.money(b)),
                b => format!("{who} {} {} in all.", verb("owe", "owes"), self.money(-b)),
            }
        } else if balances.transfers.is_empty() {
            "Everyone is settled up.".to_string()
        } else {
            balances
                .transfers
                .iter()
                .map(|(from, to, amount)| {
                    let from = name(from.as_ref());
                    let verb = if from == "You" { "owe" } else { "owes" };
                    let to = name(to.as_ref()).replace("You", "you");
                    format!("{from} {verb} {to} {}.", self.money(*amount))
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        let data = json!({
            "people": balances.people.iter().map(|(u, b)| json!({
                "name": u.as_ref().map(|u| &u.name), "id": u.as_ref().map(|u| u.pid),
                "balance_minor": b,
            })).collect::<Vec<_>>(),
            "transfers": balances.transfers.iter().map(|(f, t, a)| json!({
                "from": f.as_ref().map(|u| &u.name), "to": t.as_ref().map(|u| &u.name), "amount_minor": a,
            })).collect::<Vec<_>>(),
        });
        Ok(reply(
            intent,
            text,
            Some(data),
            vec![Action::Open {
                label: "Open balances".to_string(),
                href: self.path("/balances"),
            }],
        ))
    }
}
