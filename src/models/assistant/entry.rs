//! A quick entry ("coffee 4.50 yesterday"): the expense read from the
//! message, checked by the expense door and offered prefilled for the person
//! to confirm; the assistant itself never writes.

use loco_rs::prelude::*;
use serde_json::json;

use super::{
    arg,
    parse::{Draft, Intent, Range, Split},
    reply, Action, Answering, Reply,
};
use crate::i18n::Lang;
use crate::models::{
    expense_shares::{SplitParams, SplitPart},
    expenses::{self, ExpenseParams, Lookup},
};

impl<C: ConnectionTrait> Answering<'_, C> {
    // Stays whole: the prefilled form's fields, each resolved against the
    // workspace (payer, split, category) in the order the form shows them.
    pub(super) async fn draft(&self, intent: &Intent, draft: &Draft) -> Result<Reply> {
        if !self.allowed.add_expenses {
            return Ok(self.refused(intent, "assistant-refused-add"));
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
                self.t("assistant-cannot-add", &[("why", arg(why))]),
                None,
                Vec::new(),
            ));
        }
        let payer_name = if payer == self.vocabulary.me.id {
            self.t("assistant-draft-payer-you", &[])
        } else {
            members
                .iter()
                .find(|m| m.id == payer)
                .map_or_else(String::new, |m| m.name.clone())
        };
        // English keeps the amount as typed with its code (`4.50 EUR`).
        let amount = match self.lang {
            Lang::En => format!("{} {}", draft.amount, draft.currency),
            lang => lang.money(&draft.amount, &draft.currency),
        };
        let mut details = String::new();
        if let Some(c) = &draft.category {
            details.push_str(&self.t("assistant-draft-in-category", &[("category", arg(&c.name))]));
        }
        if let Some(p) = &draft.payee {
            details.push_str(&self.t("assistant-draft-at", &[("payee", arg(p))]));
        }
        if !parts.is_empty() {
            details.push_str(&self.t(
                "assistant-draft-split",
                &[(
                    "count",
                    fluent_templates::fluent_bundle::FluentValue::from(parts.len()),
                )],
            ));
        }
        let mut text = self.t(
            "assistant-draft",
            &[
                ("description", arg(&draft.description)),
                ("amount", arg(amount)),
                (
                    "day",
                    arg(self.describe(Range {
                        from: draft.date,
                        to: draft.date,
                    })),
                ),
                ("payer", arg(&payer_name)),
                ("details", arg(details)),
            ],
        );
        if other_currency {
            text.push(' ');
            text.push_str(&self.t(
                "assistant-draft-needs-rate",
                &[
                    ("currency", arg(&draft.currency)),
                    ("base", arg(&self.workspace.currency)),
                ],
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
                label: self.t("assistant-add-this", &[]),
                method: "POST".to_string(),
                href: format!("/api/v1/workspaces/{}/expenses", self.workspace.pid),
                body: Box::new(body),
            }],
        ))
    }
}
