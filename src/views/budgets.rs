//! What the API answers about budgets and notifications, and the pages
//! that show them.

use serde::Serialize;

use crate::{
    i18n::Lang,
    models::{
        _entities::{budget_alerts, budgets},
        budgets::{Progress, Standing},
        memberships::MailPreferences,
        money, notifications,
    },
    views::page::FormValues,
};

use money::format_in as amount;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct BudgetResponse {
    pub id: String,
    pub name: String,
    /// `week`, `month`, `quarter` or `year`.
    pub period: String,
    /// The limit per period, in the workspace currency.
    pub amount: String,
    pub currency: String,
    /// Alert thresholds in percent, ascending.
    pub thresholds: Vec<i32>,
    pub rollover: bool,
    /// The category (and its subcategories) it counts; `null`: all.
    pub category_id: Option<String>,
    pub category_name: Option<String>,
    /// The member whose share it counts; `null`: everyone's.
    pub member_id: Option<String>,
    pub member_name: Option<String>,
    /// The current period, first and last day.
    pub period_start: String,
    pub period_end: String,
    /// This period's limit: the amount plus what rolled over.
    pub limit: String,
    /// What rolled over from earlier periods (negative when overspent).
    pub carried: String,
    pub spent: String,
    /// What is left (negative when over).
    pub remaining: String,
    /// Spent in percent of the limit, one decimal; `null` when the limit
    /// is zero or less.
    pub percent: Option<f64>,
}

impl BudgetResponse {
    #[must_use]
    pub fn new(standing: &Standing, currency: &str) -> Self {
        let Standing {
            budget,
            progress,
            category,
            member,
        } = standing;
        let Progress {
            period_start,
            period_end,
            limit_minor,
            carried_minor,
            spent_minor,
            remaining_minor,
            percent,
        } = progress;
        Self {
            id: budget.pid.to_string(),
            name: budget.name.clone(),
            period: budget.period.clone(),
            amount: amount(budget.amount_minor, currency),
            currency: currency.to_string(),
            thresholds: budget.thresholds(),
            rollover: budget.rollover,
            category_id: category.as_ref().map(|c| c.pid.to_string()),
            category_name: category.as_ref().map(|c| c.name.clone()),
            member_id: member.as_ref().map(|m| m.pid.to_string()),
            member_name: member.as_ref().map(|m| m.name.clone()),
            period_start: period_start.to_string(),
            period_end: period_end.to_string(),
            limit: amount(*limit_minor, currency),
            carried: amount(*carried_minor, currency),
            spent: amount(*spent_minor, currency),
            remaining: amount(*remaining_minor, currency),
            percent: *percent,
        }
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct NotificationResponse {
    pub id: String,
    pub title: String,
    pub body: String,
    /// Where the notification points in the app.
    pub link: String,
    pub created_at: String,
    pub read: bool,
}

impl NotificationResponse {
    /// The notification as a page in `lang` shows it: a budget alert's
    /// worded from its figures (as its mail is), anything else as stored.
    #[must_use]
    pub fn in_language(
        n: &notifications::Model,
        alert: Option<&(budget_alerts::Model, budgets::Model)>,
        lang: Lang,
        currency: &str,
    ) -> Self {
        let mut shown = Self::from(n);
        if let Some((alert, budget)) = alert {
            let money = |minor: i64| {
                money::currency(currency).map_or_else(
                    || money::format_with_code(minor, currency),
                    |c| lang.amount(minor, c),
                )
            };
            let key = if alert.threshold >= 100 {
                "mail-alert-title-over"
            } else {
                "mail-alert-title-reached"
            };
            shown.title = lang.text_with(
                key,
                &[
                    ("budget", budget.name.clone().into()),
                    ("percent", alert.threshold.into()),
                ],
            );
            shown.body = lang.text_with(
                "mail-alert-body",
                &[
                    ("spent", money(alert.spent_minor).into()),
                    ("limit", money(alert.limit_minor).into()),
                    ("period", budget.period.clone().into()),
                    ("start", lang.date(alert.period_start).into()),
                ],
            );
        }
        shown
    }
}

impl From<&notifications::Model> for NotificationResponse {
    fn from(n: &notifications::Model) -> Self {
        Self {
            id: n.pid.to_string(),
            title: n.title.clone(),
            body: n.body.clone(),
            link: n.link.clone(),
            created_at: n.created_at.to_rfc3339(),
            read: n.read_at.is_some(),
        }
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct NotificationListResponse {
    pub unread: u64,
    pub items: Vec<NotificationResponse>,
    /// Pass as `cursor` for the next page; `null` on the last one.
    #[schema(required = true)]
    pub next_cursor: Option<String>,
}

/// The budgets page: each budget's standing and the form to set one up.
#[derive(Debug, Serialize)]
pub struct BudgetsPage {
    pub budgets: Vec<BudgetResponse>,
    pub periods: [&'static str; 4],
    pub form: FormValues<NewBudget, SentBudget>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<serde_json::Value>,
}

/// A blank budget: monthly, alerts at 80 and 100 percent.
#[derive(Debug, Serialize)]
pub struct NewBudget {
    pub period: &'static str,
    pub thresholds: &'static str,
}

#[derive(Debug, Serialize)]
pub struct SentBudget {
    pub name: String,
    pub period: String,
    pub amount: String,
    pub thresholds: String,
    pub rollover: bool,
    pub category_id: String,
    pub member_id: String,
}

/// The notifications page: the bell's list and which mails the member wants.
#[derive(Debug, Serialize)]
pub struct NotificationsPage {
    pub notifications: Vec<NotificationResponse>,
    pub mail: MailPreferences,
}

crate::page_schema!(BudgetList, BudgetResponse);
