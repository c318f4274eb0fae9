//! The spending assistant: reads a message in plain English ([`parse`]) and
//! answers it from the workspace's own data with the queries the pages use
//! (the expense list's totals, the reports, budgets, balances), linking to
//! the filtered list behind every figure. It runs in the app: nothing is
//! sent anywhere. Quick entries are answered with a prefilled expense that
//! the person confirms; the assistant itself never writes.
//!
//! By concern: [`parse`] reads the message; the answers are `Answering`'s
//! methods, one file per kind: `figures` (spending, breakdown, biggest,
//! compare, average), `standing` (budgets, balances), `entry` (a quick
//! entry's prefilled expense) and `help`.

mod entry;
mod figures;
mod help;
pub mod parse;
mod standing;
pub mod words;

use loco_rs::prelude::*;
use serde::Serialize;
use serde_json::Value;

use self::parse::{interpret, Intent, Named, Range, Vocabulary};
use super::{
    _entities::{users, workspaces},
    budgets, categories,
    expenses::{self, ExpenseFilter, ExpenseParams},
    memberships, money,
    tenancy::Tenant,
    validation::FieldErrors,
};

/// What the person asking may do, as the policies say; the assistant
/// answers only what they could see or do on the pages.
#[derive(Debug, Clone, Copy)]
pub struct Allowed {
    pub add_expenses: bool,
    pub read_budgets: bool,
    pub read_balances: bool,
    /// The role's name, to explain a refusal.
    pub role: &'static str,
}

/// Something to do next with an answer.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Action {
    /// A page that shows the figures (the filtered list, a report).
    Open { label: String, href: String },
    /// A message to send back: the choices of a clarifying question, or
    /// examples.
    Ask { label: String, message: String },
    /// The expense read from the message: `POST` `body` to `href` to add
    /// it (after the person has checked it).
    CreateExpense {
        label: String,
        method: String,
        href: String,
        body: Box<ExpenseParams>,
    },
}

/// The assistant's answer.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Reply {
    /// The answer in words, citing the figures.
    pub reply: String,
    /// What the message was read as: `spending`, `breakdown`, `biggest`,
    /// `compare`, `average`, `budget`, `balances`, `add_expense`, `help`,
    /// `clarify` or `unknown`.
    pub intent: String,
    /// The reading in a compact form, e.g. `spending 2026-10-01..2026-10-31
    /// category=Groceries`.
    pub interpretation: String,
    /// The figures behind the answer, in minor units and as text.
    #[schema(value_type = Option<Object>)]
    pub data: Option<Value>,
    pub actions: Vec<Action>,
}

/// Examples offered when a message is not understood.
pub const EXAMPLES: &[&str] = &[
    "how much did we spend on groceries last month?",
    "biggest expenses this week",
    "who owes whom?",
    "coffee 4.50 yesterday",
];

impl Vocabulary {
    /// The names the workspace uses, and today in its time zone.
    ///
    /// # Errors
    /// On database errors.
    pub async fn of<C: ConnectionTrait>(
        db: &C,
        workspace: &workspaces::Model,
        asker: &users::Model,
    ) -> ModelResult<Self> {
        let categories = categories::Model::list(db, workspace.id).await?;
        let members = memberships::Model::list(db, workspace.id).await?;
        let budgets = budgets::Model::list(db, workspace.id).await?;
        let category_named = |c: &categories::Model| Named::new(c.pid.to_string(), &c.name);
        let budget_named = |b: &budgets::Model| Named {
            id: b.pid.to_string(),
            name: b.name.clone(),
            aliases: b
                .category_id
                .and_then(|id| categories.iter().find(|c| c.id == id))
                .map(|c| vec![c.name.clone()])
                .unwrap_or_default(),
        };
        Ok(Self {
            today: workspace.today(),
            currency: workspace.currency.clone(),
            me: Named::new(asker.pid.to_string(), &asker.name),
            categories: categories.iter().map(category_named).collect(),
            members: members
                .iter()
                .map(|m| Named::new(m.user.pid.to_string(), &m.user.name))
                .collect(),
            budgets: budgets.iter().map(budget_named).collect(),
        })
    }
}

/// Checks a message as sent.
///
/// # Errors
/// 422 naming `message` when it is empty, too long or holds control
/// characters.
pub fn check_message(message: &str) -> Result<&str> {
    let message = message.trim();
    let mut errors = FieldErrors::new();
    if message.is_empty() {
        errors.add(
            "message",
            "can't be empty: ask a question or describe an expense",
        );
    } else if message.chars().count() > parse::MESSAGE_MAX_CHARS {
        errors.add(
            "message",
            format!("must be at most {} characters", parse::MESSAGE_MAX_CHARS),
        );
    } else if message.chars().any(char::is_control) {
        errors.add("message", "must be plain text on one line");
    }
    errors.into_result()?;
    Ok(message)
}

/// Where the answers link to, and how amounts are written.
struct Answering<'a, C> {
    db: &'a C,
    /// The asker acting in the workspace: a drafted expense is checked
    /// through the door it would go through once confirmed.
    tenant: &'a Tenant<'a>,
    workspace: &'a workspaces::Model,
    asker: &'a users::Model,
    /// The workspace's names, as the message was read with them.
    vocabulary: &'a Vocabulary,
    allowed: Allowed,
}

fn reply(intent: &Intent, text: String, data: Option<Value>, actions: Vec<Action>) -> Reply {
    Reply {
        reply: text,
        intent: intent.kind().to_string(),
        interpretation: intent.to_string(),
        data,
        actions,
    }
}

fn ask(label: &str) -> Action {
    Action::Ask {
        label: label.to_string(),
        message: label.to_string(),
    }
}

impl<C: ConnectionTrait> Answering<'_, C> {
    fn money(&self, minor: i64) -> String {
        money::format_with_code(minor, &self.workspace.currency)
    }

    fn path(&self, rest: &str) -> String {
        format!("/w/{}{rest}", self.workspace.pid)
    }

    fn filter(&self, range: Range, category: Option<&Named>) -> ExpenseFilter {
        ExpenseFilter {
            from: Some(range.from.to_string()),
            to: Some(range.to.to_string()),
            category: category.map(|c| c.id.clone()),
            ..ExpenseFilter::default()
        }
    }

    fn list_link(&self, label: &str, filter: &ExpenseFilter) -> Action {
        Action::Open {
            label: label.to_string(),
            href: self.path(&format!("/expenses?{}", filter.query_string())),
        }
    }

    /// The total and count of the expense list under `filter`: the same
    /// figures the list page shows above its rows.
    async fn total(&self, filter: &ExpenseFilter) -> Result<(i64, u64)> {
        expenses::Model::totals(self.db, self.workspace, filter).await
    }

    async fn answer(&self, intent: &Intent) -> Result<Reply> {
        match intent {
            Intent::Spending {
                range,
                category,
                member,
                search,
            } => {
                self.spending(
                    intent,
                    *range,
                    category.as_ref(),
                    member.as_ref(),
                    search.as_deref(),
                )
                .await
            }
            Intent::Breakdown { range } => self.breakdown(intent, *range).await,
            Intent::Biggest {
                range,
                count,
                category,
            } => {
                self.biggest(intent, *range, *count, category.as_ref())
                    .await
            }
            Intent::Compare {
                first,
                second,
                category,
            } => {
                self.compare(intent, *first, *second, category.as_ref())
                    .await
            }
            Intent::Average { range, category } => {
                self.average(intent, *range, category.as_ref()).await
            }
            Intent::Budget { budget } => self.budget(intent, budget.as_ref()).await,
            Intent::Balances { member } => self.balances(intent, member.as_ref()).await,
            Intent::AddExpense(draft) => self.draft(intent, draft).await,
            Intent::Help(topic) => Ok(self.help(intent, *topic)),
            Intent::Clarify(question) => Ok(reply(
                intent,
                question.text.clone(),
                None,
                question.choices.iter().map(|c| ask(c)).collect(),
            )),
            Intent::Unknown => Ok(reply(
                intent,
                "I didn't understand that. I can total what you spent (by category, person, \
                 period or words), list the biggest expenses, compare periods, give monthly \
                 averages, show budgets and who owes whom, and add an expense from a line like \
                 \"coffee 4.50 yesterday\"."
                    .to_string(),
                None,
                EXAMPLES.iter().map(|e| ask(e)).collect(),
            )),
        }
    }
    fn refused(&self, intent: &Intent, what: &str) -> Reply {
        reply(
            intent,
            format!(
                "As a {} of this workspace you can't {what}; an owner or admin can.",
                self.allowed.role
            ),
            None,
            Vec::new(),
        )
    }
}

/// Answers `message` for `asker` in `workspace`.
///
/// # Errors
/// 422 when the message is empty or too long; database errors.
pub async fn answer(
    tenant: &Tenant<'_>,
    asker: &users::Model,
    allowed: Allowed,
    message: &str,
) -> Result<Reply> {
    let (db, workspace) = (tenant.db, tenant.workspace);
    let message = check_message(message)?;
    let vocabulary = Vocabulary::of(db, workspace, asker).await?;
    let intent = interpret(message, &vocabulary);
    Answering {
        db,
        tenant,
        workspace,
        asker,
        vocabulary: &vocabulary,
        allowed,
    }
    .answer(&intent)
    .await
}
