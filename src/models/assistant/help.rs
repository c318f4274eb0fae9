//! Answers to "how do I …": what each part of the app does, with a link to
//! its page.

use loco_rs::prelude::*;

use super::{
    ask,
    parse::{Intent, Topic},
    reply, Action, Answering, Reply, EXAMPLES,
};

impl<C: ConnectionTrait> Answering<'_, C> {
    pub(super) fn help(&self, intent: &Intent, topic: Topic) -> Reply {
        let (text, page, label) = match topic {
            Topic::Start => (
                "Ask me about this workspace's spending, or tell me an expense to add. For example:",
                None,
                "",
            ),
            Topic::Invite => (
                "Owners and admins invite people on the Members page: enter their email and a role (admin, member or viewer). They get a link by mail that lets them join.",
                Some("/members"),
                "Open members",
            ),
            Topic::Export => (
                "Your expenses download as CSV from the Expenses page (\"Export CSV\" keeps the filter you set). Owners and admins can download the whole workspace as a JSON archive from Settings.",
                Some("/expenses.csv"),
                "Download all expenses as CSV",
            ),
            Topic::Import => (
                "Import a CSV file (a bank export or a spreadsheet) on the Import page: you match its columns, see a preview, and the import runs with a progress bar.",
                Some("/imports"),
                "Open import",
            ),
            Topic::AddExpense => (
                "Use the form on the Expenses page, or tell me here, e.g. \"coffee 4.50 yesterday\" or \"rent 1200 paid by Sam split equally\": I prefill it and you confirm.",
                Some("/expenses"),
                "Open expenses",
            ),
            Topic::Budgets => (
                "Owners and admins set budgets on the Budgets page: an amount per week, month, quarter or year, for the workspace, a category or one member, with alerts at the thresholds you choose (80% and 100% by default).",
                Some("/budgets"),
                "Open budgets",
            ),
            Topic::Categories => (
                "Categories (and subcategories) are kept on the Categories page; owners and admins add, rename, recolour and remove them.",
                Some("/categories"),
                "Open categories",
            ),
            Topic::Settle => (
                "The Balances page shows who owes whom and the fewest payments that settle everyone; record a payment there when someone pays back.",
                Some("/balances"),
                "Open balances",
            ),
            Topic::Recurring => (
                "Rent, subscriptions and other repeating costs are set up on the Recurring page; each is added as an expense when it falls due.",
                Some("/recurring"),
                "Open recurring",
            ),
            Topic::Reports => (
                "The Reports page totals any range by category, month, week, payee or payer, as a table, a chart and a CSV file.",
                Some("/reports"),
                "Open reports",
            ),
        };
        let actions = match page {
            Some(page) => vec![Action::Open {
                label: label.to_string(),
                href: self.path(page),
            }],
            None => EXAMPLES.iter().map(|e| ask(e)).collect(),
        };
        reply(intent, text.to_string(), None, actions)
    }
}
