//! The spending assistant: reads a message in plain English ([`parse`]) and
//! answers it from the workspace's own data with the queries the pages use
//! (the expense list's totals, the reports, budgets, balances), linking to
//! the filtered list behind every figure. It runs in the app: nothing is
//! sent anywhere. Quick entries are answered with a prefilled expense that
//! the person confirms; the assistant itself never writes.
//!
//! Over 600 lines with a reason: `Answering` has one method per kind of
//! answer, all over the same workspace context; the reading itself is split
//! by concern in [`parse`].

pub mod parse;
pub mod words;

use chrono::{Datelike, NaiveDate};
use loco_rs::prelude::*;
use serde::Serialize;
use serde_json::{json, Value};

use self::parse::{capitalised, interpret, Draft, Intent, Named, Range, Split, Topic, Vocabulary};
use super::{
    _entities::{users, workspaces},
    budgets, categories,
    dashboard::{self, Grouping},
    expense_shares::{SplitParams, SplitPart},
    expenses::{self, ExpenseFilter, ExpenseParams, Lookup},
    memberships, money, settlements,
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
        #[schema(value_type = Object)]
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

    async fn spending(
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

    async fn breakdown(&self, intent: &Intent, range: Range) -> Result<Reply> {
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

    async fn biggest(
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

    async fn compare(
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

    async fn average(
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

    async fn budget(&self, intent: &Intent, budget: Option<&Named>) -> Result<Reply> {
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

    async fn balances(&self, intent: &Intent, member: Option<&Named>) -> Result<Reply> {
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

    // Stays whole: the prefilled form's fields, each resolved against the
    // workspace (payer, split, category) in the order the form shows them.
    async fn draft(&self, intent: &Intent, draft: &Draft) -> Result<Reply> {
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

    fn help(&self, intent: &Intent, topic: Topic) -> Reply {
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
