//! A quick entry ("coffee 4.50 yesterday"): the expense read from the
//! message, checked by the expense door and offered prefilled for the person
//! to confirm; the assistant itself never writes.

use loco_rs::prelude::*;
use serde_json::json;

use super::{
    parse::{Draft, Intent, Range, Split},
    reply, Action, Answering, Reply,
};
use crate::models::{
    expense_shares::{SplitParams, SplitPart},
    expenses::{self, ExpenseParams, Lookup},
};

impl<C: ConnectionTrait> Answering<'_, C> {
    // Stays whole: the prefilled form's fields, each resolved against the
    // workspace (payer, split, category) in the order the form shows them.
    pub(super) async fn draft(&self, intent: &Intent, draft: &Draft) -> Result<Reply> {
        if !self.allowed.add_expenses {
            return Ok(self.refused(intent, "add expenses"));
        }
        let members = &self.vocabulary.members;
        let payer = draft
            .paid_by
            .as_ref()
            .map_or_else(|| self.asker.pid.to_string(), |p| p.id.clone());
        let parts: Vec<String> = match &draft.split {
            Split::None => Vec::new(),
            Split::Everyone => members.iter().map(|m| m.id.clone()).collect(),
            Split::With(people) => std::iter::once(payer.clone())
                .chain(people.iter().map(|p| p.id.clone()))
                .collect(),
        };
        let other_currency = !draft
            .currency
            .eq_ignore_ascii_case(&self.workspace.currency);
        let body = ExpenseParams {
            amount: Some(draft.amount.clone()),
            date: Some(draft.date.to_string()),
            description: Some(draft.description.clone()),
            payee: draft.payee.clone(),
            category_id: draft.category.as_ref().map(|c| c.id.clone()),
            paid_by: Some(payer.clone()),
            currency: Some(draft.currency.clone()),
            split: (!parts.is_empty()).then(|| SplitParams {
                method: "equal".to_string(),
                parts: parts
                    .iter()
                    .map(|id| SplitPart {
                        member: id.clone(),
                        value: None,
                    })
                    .collect(),
            }),
            ..ExpenseParams::default()
        };
        // What the door would refuse is said now, not after confirming.
        let checked = ExpenseParams {
            // The rate is asked for with the draft (below).
            rate: other_currency.then(|| "1".to_string()),
            ..body.clone()
        };
        let lookup = Lookup::load(self.db, self.workspace.id).await?;
        if let Err(err) = expenses::Model::draft(self.tenant, &lookup, &checked).await {
            let Some(why) = err.refusal() else {
                return Err(err.into());
            };
            return Ok(reply(
                intent,
                format!("I can't add that: {why}."),
                None,
                Vec::new(),
            ));
        }
        let payer_name = if payer == self.vocabulary.me.id {
            "you".to_string()
        } else {
            members
                .iter()
                .find(|m| m.id == payer)
                .map_or_else(String::new, |m| m.name.clone())
        };
        let mut text = format!(
            "Add \"{}\", {} {} {}, paid by {payer_name}",
            draft.description,
            draft.amount,
            draft.currency,
            Range {
                from: draft.date,
                to: draft.date
            }
            .describe(),
        );
        if let Some(c) = &draft.category {
            text.push_str(&format!(", in {}", c.name));
        }
        if let Some(p) = &draft.payee {
            text.push_str(&format!(", at {p}"));
        }
        match parts.len() {
            0 => {}
            n => text.push_str(&format!(", split equally between {n} people")),
        }
        text.push_str("? Check it and confirm to add it.");
        if other_currency {
            text.push_str(&format!(
                " It is in {}: give the rate to {} before confirming.",
                draft.currency, self.workspace.currency
            ));
        }
        let data = json!({
            "draft": body,
            "category": draft.category.as_ref().map(|c| &c.name),
            "paid_by_name": payer_name,
            "split_between": parts,
            "needs_rate": other_currency,
        });
        Ok(reply(
            intent,
            text,
            Some(data),
            vec![Action::CreateExpense {
                label: "Add this expense".to_string(),
                method: "POST".to_string(),
                href: format!("/api/v1/workspaces/{}/expenses", self.workspace.pid),
                body: Box::new(body),
            }],
        ))
    }
}
