//! The spending assistant: reads a message in plain English, German, French
//! or Spanish ([`parse`], with each language's words in [`languages`]) and
//! answers it from the workspace's own data with the queries the pages use
//! (the expense list's totals, the reports, budgets, balances), linking to
//! the filtered list behind every figure. It runs in the app: nothing is
//! sent anywhere. Quick entries are answered with a prefilled expense that
//! the person confirms; the assistant itself never writes.
//!
//! By concern: [`parse`] reads the message; the answers are `Answering`'s
//! methods, one file per kind: `figures` (spending, breakdown, biggest,
//! compare, average), `standing` (budgets, balances), `entry` (a quick
//! entry's prefilled expense) and `help`. Answers are written in the
//! page's language, or the message's on the API, through the Fluent messages
//! `assistant-*` (`assets/i18n/<lang>/assistant.ftl`).

mod entry;
mod figures;
mod help;
pub mod languages;
pub mod parse;
mod standing;
pub mod words;

use chrono::{Datelike, NaiveDate};
use fluent_templates::fluent_bundle::FluentValue;
use loco_rs::prelude::*;
use serde::Serialize;
use serde_json::{json, Value};

use self::parse::{interpret_in, Intent, Named, Range, Vocabulary};
use super::{
    _entities::{users, workspaces},
    budgets, categories,
    expenses::{self, ExpenseFilter, ExpenseParams},
    memberships, money,
    tenancy::Tenant,
    validation::FieldErrors,
};
use crate::{i18n::Lang, models::budgets::Period};

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
    /// The language of `reply` (`en`, `de`, `fr`, `es`): the page's, or on
    /// the API the message's.
    pub language: String,
    /// The figures behind the answer, in minor units and as text.
    #[schema(value_type = Option<Object>)]
    pub data: Option<Value>,
    pub actions: Vec<Action>,
}

/// Examples offered when a message is not understood, in `lang`.
#[must_use]
pub fn examples(lang: Lang) -> Vec<String> {
    (1..=4)
        .map(|n| lang.text(&format!("assistant-example-{n}")))
        .collect()
}

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
    /// The language of the answer.
    lang: Lang,
}

fn reply(intent: &Intent, text: String, data: Option<Value>, actions: Vec<Action>) -> Reply {
    Reply {
        reply: text,
        intent: intent.kind().to_string(),
        interpretation: intent.to_string(),
        language: Lang::En.code().to_string(),
        data,
        actions,
    }
}

/// A text argument of a message.
fn arg(text: impl Into<String>) -> FluentValue<'static> {
    FluentValue::from(text.into())
}

fn ask(label: &str) -> Action {
    Action::Ask {
        label: label.to_string(),
        message: label.to_string(),
    }
}

impl<C: ConnectionTrait> Answering<'_, C> {
    /// The message `key` in the answer's language.
    fn t(&self, key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
        self.lang.text_with(key, args)
    }

    /// An amount in the workspace's currency. English answers keep the
    /// form they always had (`52.50 EUR`); the others write money as their
    /// language does (`52,50 €`).
    fn money(&self, minor: i64) -> String {
        self.money_in(minor, &self.workspace.currency)
    }

    /// An amount in the currency with ISO code `code`, as the answer's
    /// language writes money (`€52.50`, `52,50 €`).
    fn money_in(&self, minor: i64, code: &str) -> String {
        money::currency(code).map_or_else(
            || money::format_with_code(minor, code),
            |currency| self.lang.amount(minor, currency),
        )
    }

    /// "1 expense", "3 Ausgaben".
    fn count(&self, count: u64) -> String {
        self.t("assistant-count", &[("count", FluentValue::from(count))])
    }

    /// A day in a sentence: `21 Nov 2026` in English, `21.11.2026` in German.
    fn day(&self, day: NaiveDate) -> String {
        match self.lang {
            Lang::En => day.format("%-d %b %Y").to_string(),
            lang => lang.date(day),
        }
    }

    /// A day in a list, without its year.
    fn short_day(&self, day: NaiveDate) -> String {
        match self.lang {
            Lang::En => day.format("%-d %b").to_string(),
            Lang::De => day.format("%d.%m.").to_string(),
            Lang::Fr | Lang::Es => day.format("%d/%m").to_string(),
        }
    }

    /// "October 2026", "octobre 2026".
    fn month_year(&self, day: NaiveDate) -> String {
        let month = self.t(
            "assistant-month",
            &[("month", FluentValue::from(day.month()))],
        );
        self.t(
            "assistant-month-year",
            &[("month", arg(month)), ("year", arg(day.year().to_string()))],
        )
    }

    /// A range in words: "on 21 Nov 2026", "in October 2026", "in Q3
    /// 2026", "in 2026", "from 1 Mar 2026 to 25 Nov 2026".
    fn describe(&self, range: Range) -> String {
        let year = || arg(range.from.year().to_string());
        let quarter = || arg((range.from.month0() / 3 + 1).to_string());
        match whole(range) {
            _ if range.from == range.to => {
                self.t("assistant-on-day", &[("date", arg(self.day(range.from)))])
            }
            Some(Period::Month) => {
                let month = self.t(
                    "assistant-month",
                    &[("month", FluentValue::from(range.from.month()))],
                );
                self.t(
                    "assistant-in-month",
                    &[("month", arg(month)), ("year", year())],
                )
            }
            Some(Period::Quarter) => self.t(
                "assistant-in-quarter",
                &[("quarter", quarter()), ("year", year())],
            ),
            Some(Period::Year) => self.t("assistant-in-year", &[("year", year())]),
            _ => self.t(
                "assistant-from-to",
                &[
                    ("from", arg(self.day(range.from))),
                    ("to", arg(self.day(range.to))),
                ],
            ),
        }
    }

    /// A range as a name: "October 2026", "Q3 2026", "2026"; a day or a
    /// span as [`Self::describe`] says it.
    fn period_name(&self, range: Range) -> String {
        match whole(range) {
            _ if range.from == range.to => self.describe(range),
            Some(Period::Month) => self.month_year(range.from),
            Some(Period::Quarter) => self.t(
                "assistant-quarter-year",
                &[
                    ("quarter", arg((range.from.month0() / 3 + 1).to_string())),
                    ("year", arg(range.from.year().to_string())),
                ],
            ),
            Some(Period::Year) => range.from.year().to_string(),
            _ => self.describe(range),
        }
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
                match self.lang {
                    Lang::En => question.text.clone(),
                    _ => {
                        let args: Vec<(&'static str, FluentValue<'static>)> = question
                            .args
                            .iter()
                            .map(|(name, value)| (*name, arg(value)))
                            .collect();
                        self.t(question.key, &args)
                    }
                },
                None,
                question.choices.iter().map(|c| ask(c)).collect(),
            )),
            Intent::Unknown(words) => {
                let text = if words.is_empty() {
                    self.t("assistant-unknown", &[])
                } else {
                    let quoted: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
                    self.t(
                        "assistant-not-understood",
                        &[
                            ("count", FluentValue::from(words.len())),
                            ("words", arg(quoted.join(", "))),
                        ],
                    )
                };
                let data = (!words.is_empty()).then(|| json!({ "unknown_words": words }));
                Ok(reply(
                    intent,
                    text,
                    data,
                    examples(self.lang).iter().map(|e| ask(e)).collect(),
                ))
            }
        }
    }

    /// What the asker's role does not allow: `key` is
    /// `assistant-refused-budgets`, `-balances` or `-add`.
    fn refused(&self, intent: &Intent, key: &str) -> Reply {
        let role = self.lang.text(&format!("role-{}", self.allowed.role));
        reply(
            intent,
            self.t(key, &[("role", arg(role))]),
            None,
            Vec::new(),
        )
    }
}

/// The whole period a range is, if it is one.
fn whole(range: Range) -> Option<Period> {
    [Period::Month, Period::Quarter, Period::Year]
        .into_iter()
        .find(|period| {
            period.start_of(range.from) == range.from
                && period.next(range.from).pred_opt() == Some(range.to)
        })
}

/// Answers `message` for `asker` in `workspace`, in `lang` (a page's
/// language) or, when `None` (the API), in the message's language.
///
/// # Errors
/// 422 when the message is empty or too long; database errors.
pub async fn answer(
    tenant: &Tenant<'_>,
    asker: &users::Model,
    allowed: Allowed,
    message: &str,
    lang: Option<Lang>,
) -> Result<Reply> {
    let (db, workspace) = (tenant.db, tenant.workspace);
    let message = check_message(message)?;
    let vocabulary = Vocabulary::of(db, workspace, asker).await?;
    let (intent, written_in) = interpret_in(message, &vocabulary, lang);
    let lang = lang.unwrap_or(written_in);
    let mut reply = Answering {
        db,
        tenant,
        workspace,
        asker,
        vocabulary: &vocabulary,
        allowed,
        lang,
    }
    .answer(&intent)
    .await?;
    reply.language = lang.code().to_string();
    Ok(reply)
}
