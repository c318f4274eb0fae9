//! Answers to "how do I …": what each part of the app does, with a link to
//! its page.

use loco_rs::prelude::*;

use super::{
    ask, examples,
    parse::{Intent, Topic},
    reply, Action, Answering, Reply,
};

impl<C: ConnectionTrait> Answering<'_, C> {
    pub(super) fn help(&self, intent: &Intent, topic: Topic) -> Reply {
        let (key, page) = match topic {
            Topic::Start => ("assistant-help-start", None),
            Topic::Invite => ("assistant-help-invite", Some("/members")),
            Topic::Export => ("assistant-help-export", Some("/expenses.csv")),
            Topic::Import => ("assistant-help-import", Some("/imports")),
            Topic::AddExpense => ("assistant-help-add", Some("/expenses")),
            Topic::Budgets => ("assistant-help-budgets", Some("/budgets")),
            Topic::Categories => ("assistant-help-categories", Some("/categories")),
            Topic::Settle => ("assistant-help-settle", Some("/balances")),
            Topic::Recurring => ("assistant-help-recurring", Some("/recurring")),
            Topic::Reports => ("assistant-help-reports", Some("/reports")),
        };
        let actions = match page {
            Some(page) => vec![Action::Open {
                label: self.t(&format!("{key}-link"), &[]),
                href: self.path(page),
            }],
            None => examples(self.lang).iter().map(|e| ask(e)).collect(),
        };
        reply(intent, self.t(key, &[]), None, actions)
    }
}
