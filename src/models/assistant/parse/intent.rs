//! What the whole message asks for: the intents, their stable text form,
//! help topics, and the reading that chooses between them.

use super::{
    super::words::{FILLER, QUESTION_STARTS, TALK},
    amounts::amounts,
    dates::{back, Range},
    draft::{draft, Draft, Split},
    names::Lookup,
    Named, Reading,
};
use crate::models::budgets::Period;

/// What the help answers are about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    Start,
    Invite,
    Export,
    Import,
    AddExpense,
    Budgets,
    Categories,
    Settle,
    Recurring,
    Reports,
}

impl Topic {
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Start => "start",
            Self::Invite => "invite",
            Self::Export => "export",
            Self::Import => "import",
            Self::AddExpense => "add_expense",
            Self::Budgets => "budgets",
            Self::Categories => "categories",
            Self::Settle => "settle",
            Self::Recurring => "recurring",
            Self::Reports => "reports",
        }
    }
}

/// A short question back, with messages the person can send in reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The question in English, as the interpretation shows it.
    pub text: String,
    pub choices: Vec<String>,
    /// The Fluent message that asks it in every language, and its
    /// arguments.
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

/// What a message asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    /// The total spent, narrowed by category, payer or words.
    Spending {
        range: Range,
        category: Option<Named>,
        member: Option<Named>,
        search: Option<String>,
    },
    /// Totals by category.
    Breakdown {
        range: Range,
    },
    /// The largest expenses.
    Biggest {
        range: Range,
        count: u64,
        category: Option<Named>,
    },
    Compare {
        first: Range,
        second: Range,
        category: Option<Named>,
    },
    /// The monthly average over the months of the range up to today.
    Average {
        range: Range,
        category: Option<Named>,
    },
    /// A budget's standing, or every budget's (`None`).
    Budget {
        budget: Option<Named>,
    },
    /// Who owes whom; `member`: one person's balance.
    Balances {
        member: Option<Named>,
    },
    AddExpense(Draft),
    Help(Topic),
    Clarify(Question),
    /// Nothing it can answer; the words it does not know, if any.
    Unknown(Vec<String>),
}

impl Intent {
    /// The kind of answer, as the API names it.
    #[must_use]
    pub const fn kind(&self) -> &'static str {
        match self {
            Self::Spending { .. } => "spending",
            Self::Breakdown { .. } => "breakdown",
            Self::Biggest { .. } => "biggest",
            Self::Compare { .. } => "compare",
            Self::Average { .. } => "average",
            Self::Budget { .. } => "budget",
            Self::Balances { .. } => "balances",
            Self::AddExpense(_) => "add_expense",
            Self::Help(_) => "help",
            Self::Clarify(_) => "clarify",
            Self::Unknown(_) => "unknown",
        }
    }
}

pub(super) fn with_name(label: &str, named: Option<&Named>) -> String {
    named.map_or_else(String::new, |n| format!(" {label}={}", n.name))
}

/// A compact, stable form of the reading, e.g. `spending
/// 2026-10-01..2026-10-31 category=Groceries`; the API returns it as
/// `interpretation`, and the phrasing tests compare it.
// Stays whole: one arm per intent.
impl std::fmt::Display for Intent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Spending {
                range,
                category,
                member,
                search,
            } => {
                write!(
                    f,
                    "spending {range}{}{}",
                    with_name("category", category.as_ref()),
                    with_name("member", member.as_ref())
                )?;
                if let Some(search) = search {
                    write!(f, " search=\"{search}\"")?;
                }
                Ok(())
            }
            Self::Breakdown { range } => write!(f, "breakdown {range}"),
            Self::Biggest {
                range,
                count,
                category,
            } => write!(
                f,
                "biggest {count} {range}{}",
                with_name("category", category.as_ref())
            ),
            Self::Compare {
                first,
                second,
                category,
            } => write!(
                f,
                "compare {first} with {second}{}",
                with_name("category", category.as_ref())
            ),
            Self::Average { range, category } => write!(
                f,
                "average {range}{}",
                with_name("category", category.as_ref())
            ),
            Self::Budget { budget: Some(b) } => write!(f, "budget {}", b.name),
            Self::Budget { budget: None } => write!(f, "budgets"),
            Self::Balances { member } => {
                write!(f, "balances{}", with_name("member", member.as_ref()))
            }
            Self::AddExpense(d) => {
                write!(
                    f,
                    "add \"{}\" {} {} on {}{}",
                    d.description,
                    d.amount,
                    d.currency,
                    d.date,
                    with_name("category", d.category.as_ref())
                )?;
                if let Some(payee) = &d.payee {
                    write!(f, " payee=\"{payee}\"")?;
                }
                write!(f, "{}", with_name("paid_by", d.paid_by.as_ref()))?;
                match &d.split {
                    Split::None => Ok(()),
                    Split::Everyone => write!(f, " split=everyone"),
                    Split::With(people) => write!(
                        f,
                        " split=with:{}",
                        people
                            .iter()
                            .map(|p| p.name.as_str())
                            .collect::<Vec<_>>()
                            .join(",")
                    ),
                }
            }
            Self::Help(topic) => write!(f, "help {}", topic.as_str()),
            Self::Clarify(q) => write!(f, "clarify {} [{}]", q.text, q.choices.join(" | ")),
            // The words it did not know are in the answer's data.
            Self::Unknown(_) => write!(f, "unknown"),
        }
    }
}

/// Words about budgets that name none.
pub(super) const BUDGET_TALK: &[&str] = &[
    "budget",
    "budgets",
    "left",
    "remaining",
    "remain",
    "status",
    "track",
    "doing",
    "going",
    "looking",
    "everything",
    "under",
    "limit",
    "limits",
    "hows",
    "okay",
    "ok",
];

pub(super) fn help_topic(reading: &Reading<'_>) -> Option<Topic> {
    let r = reading;
    let asking_how = r.has_phrase("how do")
        || r.has_phrase("how can")
        || r.has_phrase("how to")
        || r.has_phrase("how does")
        || r.has_phrase("where do")
        || r.has_phrase("where can")
        || r.has_phrase("can i")
        || r.has_phrase("can we")
        || r.has_phrase("is it possible")
        || r.has_phrase("i want to")
        || r.has_phrase("id like to")
        || r.has_phrase("help me")
        || r.has_phrase("help with");
    let topic = if r.has_any(&["invite", "invitation", "invites"])
        || (r.has_any(&["add", "join"])
            && r.has_any(&[
                "member", "someone", "people", "person", "partner", "roommate", "user",
            ])) {
        Some(Topic::Invite)
    } else if r.has_any(&["export", "backup", "download", "archive"]) {
        Some(Topic::Export)
    } else if r.has_any(&["import", "csv", "upload"]) {
        Some(Topic::Import)
    } else if r.has_any(&[
        "recurring",
        "repeat",
        "subscription",
        "subscriptions",
        "monthly",
    ]) && asking_how
    {
        Some(Topic::Recurring)
    } else if r.has_any(&["settle", "repay"]) && asking_how {
        Some(Topic::Settle)
    } else if r.has_any(&["budget", "budgets", "limit", "alert", "alerts"]) && asking_how {
        Some(Topic::Budgets)
    } else if r.has_any(&["category", "categories"]) && asking_how {
        Some(Topic::Categories)
    } else if r.has_any(&["report", "reports", "chart", "charts"]) && asking_how {
        Some(Topic::Reports)
    } else if r.has_any(&["expense", "expenses", "spending", "receipt"])
        && r.has_any(&["add", "enter", "record", "log", "create"])
        && asking_how
    {
        Some(Topic::AddExpense)
    } else {
        None
    };
    let imperative = r.words.first().is_some_and(|w| {
        matches!(
            w.text.as_str(),
            "export" | "download" | "invite" | "import" | "backup" | "upload"
        )
    });
    match topic {
        Some(topic) if asking_how || imperative || r.has_any(&["my", "our", "data", "someone"]) => {
            Some(topic)
        }
        _ if r.words.len() <= 4
            && (r.has_any(&["help", "hi", "hello", "hey", "thanks", "start"])
                || r.has_phrase("what can you do")
                || r.has_phrase("what can i ask")) =>
        {
            Some(Topic::Start)
        }
        _ if r.has_phrase("what can you do") || r.has_phrase("what can i ask") => {
            Some(Topic::Start)
        }
        _ => None,
    }
}

/// Reads the message; `Err` is a question to ask back. A question that
/// holds a word the reader does not know is not answered as if the word
/// were not there: the answer names the word. (An entry's other words are
/// what it was for, so none is unknown.)
pub(super) fn read(r: &mut Reading<'_>) -> Result<Intent, Question> {
    let intent = choose(r)?;
    if matches!(
        intent,
        Intent::AddExpense(_) | Intent::Help(_) | Intent::Clarify(_)
    ) {
        return Ok(intent);
    }
    let unknown = r.unknown_words();
    if unknown.is_empty() {
        Ok(intent)
    } else {
        Ok(Intent::Unknown(unknown))
    }
}

impl Reading<'_> {
    /// The words no step used that are no filler and none of the words
    /// questions are asked with, as typed.
    pub(super) fn unknown_words(&self) -> Vec<String> {
        let mut unknown: Vec<String> = Vec::new();
        for (i, w) in self.words.iter().enumerate() {
            let text = w.text.as_str();
            let known = self.used[i]
                || FILLER.contains(&text)
                || TALK.contains(&text)
                || BUDGET_TALK.contains(&text)
                || QUESTION_STARTS.contains(&text)
                || text.chars().all(|c| !c.is_alphanumeric());
            if !known && !unknown.iter().any(|u| u == text) {
                unknown.push(text.to_string());
            }
        }
        unknown
    }
}

// Stays whole: the checks run in order of precedence between intents
// (balances before budgets before spending...), and that order is the
// reading; split up, the precedence would be spread over several places.
/// Chooses what the message asks for; `Err` is a question to ask back.
fn choose(r: &mut Reading<'_>) -> Result<Intent, Question> {
    if let Some(topic) = help_topic(r) {
        return Ok(Intent::Help(topic));
    }
    let today = r.today();
    let this_month = Range::period(Period::Month, Period::Month.start_of(today));
    let this_year = Range::period(Period::Year, Period::Year.start_of(today));

    if r.has_any(&[
        "owe", "owes", "owed", "owing", "debt", "debts", "balance", "balances",
    ]) || r.has_phrase("settle up")
        || r.has_phrase("square up")
        || r.has_phrase("even up")
    {
        let member = r.member();
        let member = r.settle(member, "member")?;
        return Ok(Intent::Balances { member });
    }

    if r.has_any(&["budget", "budgets", "left", "remaining", "remain"])
        && !r.has_phrase("how much did")
    {
        let budgets = r.vocab.budgets.clone();
        let mention = r.mention(&budgets, true);
        let budget = match mention {
            Some(m) => match m.lookup {
                Lookup::Found(b) => Some(b),
                Lookup::Ambiguous(ref options) => return Err(r.which(&m, "budget", options)),
                Lookup::Missing => None,
            },
            None => {
                // A word that names no budget: say which there are.
                let named = r.words.iter().enumerate().find(|(i, w)| {
                    !r.used[*i]
                        && !FILLER.contains(&w.text.as_str())
                        && !BUDGET_TALK.contains(&w.text.as_str())
                });
                if let (Some((i, w)), false) = (named, r.vocab.budgets.is_empty()) {
                    return Err(Question {
                        text: format!(
                            "No budget here matches \"{}\". Which one do you mean?",
                            w.text
                        ),
                        key: "assistant-no-such-budget",
                        args: vec![("word", w.text.clone())],
                        choices: r
                            .vocab
                            .budgets
                            .iter()
                            .map(|b| r.replaced(i, 1, &b.name.to_lowercase()))
                            .collect(),
                    });
                }
                None
            }
        };
        return Ok(Intent::Budget { budget });
    }

    let ranges = r.ranges();
    let categories = r.vocab.categories.clone();

    if r.has_any(&[
        "compare",
        "comparison",
        "versus",
        "vs",
        "compared",
        "difference",
    ]) || (r.has("than") && ranges.len() >= 2)
    {
        let category = r.mention(&categories, true);
        let category = r.settle(category, "category")?;
        return match ranges.as_slice() {
            [first, second, ..] => Ok(Intent::Compare {
                first: first.range,
                second: second.range,
                category,
            }),
            [only] => {
                // One period: with the one before it, of the same length.
                let length = (only.range.to - only.range.from).num_days();
                let whole_month = Period::Month.start_of(only.range.from) == only.range.from
                    && Period::Month.next(only.range.from).pred_opt() == Some(only.range.to);
                let earlier = if whole_month {
                    Range::period(Period::Month, back(only.range.from, Some(Period::Month), 1))
                } else {
                    let to = back(only.range.from, None, 1);
                    Range {
                        from: back(to, None, u32::try_from(length).unwrap_or(0)),
                        to,
                    }
                };
                Ok(Intent::Compare {
                    first: earlier,
                    second: only.range,
                    category,
                })
            }
            [] => Err(Question {
                text: "Compare which periods?".to_string(),
                key: "assistant-compare-which",
                args: Vec::new(),
                choices: vec![
                    "compare last month and this month".to_string(),
                    "compare last year and this year".to_string(),
                    "compare last week and this week".to_string(),
                ],
            }),
        };
    }

    if r.has_any(&[
        "average",
        "avg",
        "typical",
        "typically",
        "usually",
        "normally",
        "monthly",
        "mean",
    ]) || r.has_phrase("per month")
        || r.has_phrase("a month")
        || r.has_phrase("each month")
    {
        let category = r.mention(&categories, true);
        let category = r.settle(category, "category")?;
        let range = ranges.first().map_or(this_year, |f| f.range);
        return Ok(Intent::Average { range, category });
    }

    if r.has_any(&[
        "biggest",
        "largest",
        "top",
        "highest",
        "priciest",
        "costliest",
        "big",
        "major",
    ]) || r.has_phrase("most expensive")
    {
        if r.has_any(&["category", "categories"]) {
            return Ok(Intent::Breakdown {
                range: ranges.first().map_or(this_month, |f| f.range),
            });
        }
        let count = r.count();
        let category = r.mention(&categories, true);
        let category = r.settle(category, "category")?;
        let range = ranges.first().map_or(this_month, |f| f.range);
        return Ok(Intent::Biggest {
            range,
            count,
            category,
        });
    }

    if r.has("breakdown")
        || (r.has("categories") && r.is_question())
        || r.has_phrase("by category")
        || r.has_phrase("where did")
        || r.has_phrase("where does")
    {
        let range = ranges.first().map_or(this_month, |f| f.range);
        return Ok(Intent::Breakdown { range });
    }

    let amounts = amounts(r);
    if !r.is_question() && !amounts.is_empty() {
        return draft(r, &ranges, &amounts).map(Intent::AddExpense);
    }

    let span = match ranges.as_slice() {
        [] => None,
        [only] => Some(only.range),
        [first, .., last] => Some(Range {
            from: first.range.from.min(last.range.from),
            to: first.range.to.max(last.range.to),
        }),
    };
    let member = r.member();
    let member = r.settle(member, "member")?;
    let category = r.mention(&categories, true);
    let category = r.settle(category, "category")?;
    let asks_spending = r.has_any(&[
        "spend",
        "spent",
        "spending",
        "spends",
        "cost",
        "costs",
        "total",
        "paid",
        "pay",
        "much",
        "expenses",
        "expenditure",
    ]);
    let search = if category.is_none() && asks_spending {
        r.leftover_after(&["on", "for", "at"])
    } else {
        None
    };
    // "What did we spend on last month?": on what, by category (but "spend
    // on monday" is about a day).
    let on_a_day = (1..r.words.len()).any(|i| {
        r.word(i) == "on"
            && matches!(r.word(i - 1), "spend" | "spent")
            && ranges.iter().any(|f| f.at == i + 1 && f.day)
    });
    let spent_on = r.has_phrase("spend on") || r.has_phrase("spent on");
    if spent_on
        && !on_a_day
        && r.is_question()
        && category.is_none()
        && member.is_none()
        && search.is_none()
    {
        return Ok(Intent::Breakdown {
            range: span.unwrap_or(this_month),
        });
    }
    if asks_spending || span.is_some() || category.is_some() {
        return Ok(Intent::Spending {
            range: span.unwrap_or(this_month),
            category,
            member,
            search,
        });
    }
    Ok(Intent::Unknown(Vec::new()))
}
