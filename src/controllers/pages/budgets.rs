//! The budgets page (`/w/{workspace_id}/budgets`): each budget's standing
//! this period, a form to set one up, and deleting one; and the
//! notifications page (`/w/{workspace_id}/notifications`): the bell's list
//! and which mails the member wants.

use axum::http::StatusCode;
use loco_rs::prelude::*;
use serde::Deserialize;

use super::{expenses::frame, render};
use crate::{
    controllers::support::{
        access::{requires, Member},
        render::redirect_with,
        web_session::Visitor,
    },
    models::{
        budgets::{self, BudgetParams, Period},
        memberships::MailPreferences,
        money, notifications,
        validation::FieldErrors,
    },
    policies::{BUDGETS_MANAGE, BUDGETS_READ, WORKSPACE_READ},
    views::{
        budgets::{
            BudgetResponse, BudgetsPage, NewBudget, NotificationResponse, NotificationsPage,
            SentBudget,
        },
        page::{FormValues, InWorkspace},
        urls,
    },
};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct BudgetForm {
    pub name: String,
    pub period: String,
    pub amount: String,
    /// "80, 100"
    pub thresholds: String,
    pub rollover: Option<String>,
    pub category_id: String,
    pub member_id: String,
}

impl BudgetForm {
    fn params(&self) -> BudgetParams {
        // A threshold that is not a whole number becomes 0, which the model
        // refuses by name.
        let thresholds = self
            .thresholds
            .split([',', ' ', '%'])
            .filter(|t| !t.trim().is_empty())
            .map(|t| t.trim().parse().unwrap_or(0))
            .collect();
        BudgetParams {
            name: Some(self.name.clone()),
            period: Some(self.period.clone()),
            amount: Some(self.amount.clone()),
            thresholds: Some(thresholds),
            rollover: Some(self.rollover.is_some()),
            category_id: Some(self.category_id.clone()),
            member_id: Some(self.member_id.clone()),
            notation: money::Notation::Typed,
        }
    }

    /// The form as sent, to show again beside its errors.
    fn echo(self) -> SentBudget {
        SentBudget {
            rollover: self.rollover.is_some(),
            name: self.name,
            period: self.period,
            amount: self.amount,
            thresholds: self.thresholds,
            category_id: self.category_id,
            member_id: self.member_id,
        }
    }
}

async fn budgets_page(
    ctx: &AppContext,
    v: &TeraView,
    visitor: &Visitor,
    member: &Member,
    status: StatusCode,
    sent: Option<(SentBudget, serde_json::Value)>,
) -> Result<Response> {
    let standings = budgets::Model::standings(&member.db, &member.workspace).await?;
    let (form, errors) = FormValues::sent_or(sent, || NewBudget {
        period: "month",
        thresholds: "80, 100",
    });
    let context = InWorkspace {
        frame: frame(ctx, member).await?,
        page: BudgetsPage {
            budgets: standings
                .iter()
                .map(|s| BudgetResponse::new(s, &member.workspace.currency))
                .collect(),
            periods: Period::ALL.map(Period::as_str),
            form,
            errors,
        },
    };
    render(v, visitor, status, "budgets/index.html", &context)
}

#[debug_handler]
async fn index(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
) -> Result<Response> {
    budgets_page(&ctx, &v, &visitor, &member, StatusCode::OK, None).await
}

#[debug_handler]
async fn create(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
    Form(form): Form<BudgetForm>,
) -> Result<Response> {
    let created = async {
        Ok::<_, Error>(budgets::Model::create(&member.tenant(&ctx).await?, &form.params()).await?)
    }
    .await;
    match created {
        Ok(budget) => {
            let to = urls::budgets(member.workspace.pid);
            member.commit_change(&ctx).await?;
            redirect_with(
                &to,
                "notice",
                &visitor
                    .lang
                    .text_with("budget-is-set", &[("name", budget.name.into())]),
                &ctx,
                &[],
            )
        }
        Err(err) => {
            let Some(errors) = FieldErrors::from_error(&err) else {
                return Err(err);
            };
            budgets_page(
                &ctx,
                &v,
                &visitor,
                &member,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some((form.echo(), errors)),
            )
            .await
        }
    }
}

#[debug_handler]
async fn remove(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    member: Member,
    Path((_, budget_id)): Path<(String, String)>,
) -> Result<Response> {
    let budget = budgets::Model::find_in(&member.db, member.workspace.id, &budget_id).await?;
    let name = budget.name.clone();
    budget.remove(&member.tenant(&ctx).await?).await?;
    let to = urls::budgets(member.workspace.pid);
    member.commit_change(&ctx).await?;
    redirect_with(
        &to,
        "notice",
        &visitor
            .lang
            .text_with("budget-deleted", &[("name", name.into())]),
        &ctx,
        &[],
    )
}

#[debug_handler]
async fn notifications_page(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
) -> Result<Response> {
    let items =
        notifications::Model::recent(&member.db, member.workspace.id, member.user().id).await?;
    let alerts = notifications::Model::alerts_of(&member.db, member.workspace.id, &items).await?;
    let currency = &member.workspace.currency;
    let context = InWorkspace {
        frame: super::workspaces::frame(&ctx, &member).await?,
        page: NotificationsPage {
            notifications: items
                .iter()
                .map(|n| {
                    let alert = n.budget_alert_id.and_then(|id| alerts.get(&id));
                    NotificationResponse::in_language(n, alert, visitor.lang, currency)
                })
                .collect(),
            mail: member.membership.mail_preferences(),
        },
    };
    render(
        &v,
        &visitor,
        StatusCode::OK,
        "budgets/notifications.html",
        &context,
    )
}

#[debug_handler]
async fn mark_read(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    member: Member,
) -> Result<Response> {
    notifications::Model::mark_all_read(&member.db, member.workspace.id, member.user().id).await?;
    let to = urls::notifications(member.workspace.pid);
    member.commit().await?;
    redirect_with(
        &to,
        "notice",
        &visitor.lang.text("budget-all-read"),
        &ctx,
        &[],
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MailForm {
    pub budget_alerts: Option<String>,
    pub weekly_summary: Option<String>,
}

#[debug_handler]
async fn mail_settings(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    member: Member,
    Form(form): Form<MailForm>,
) -> Result<Response> {
    member
        .membership
        .set_mail_preferences(
            &member.db,
            MailPreferences {
                budget_alerts: form.budget_alerts.is_some(),
                weekly_summary: form.weekly_summary.is_some(),
            },
        )
        .await?;
    let to = urls::notifications(member.workspace.pid);
    member.commit().await?;
    let message = visitor.lang.text("budget-mail-saved");
    redirect_with(&to, "notice", &message, &ctx, &[])
}

pub fn routes() -> Routes {
    Routes::new()
        .add(
            "/w/{workspace_id}/budgets",
            requires(BUDGETS_READ, get(index)),
        )
        .add(
            "/w/{workspace_id}/budgets",
            requires(BUDGETS_MANAGE, post(create)),
        )
        .add(
            "/w/{workspace_id}/budgets/{budget_id}/delete",
            requires(BUDGETS_MANAGE, post(remove)),
        )
        .add(
            "/w/{workspace_id}/notifications",
            requires(WORKSPACE_READ, get(notifications_page)),
        )
        .add(
            "/w/{workspace_id}/notifications/read",
            requires(WORKSPACE_READ, post(mark_read)),
        )
        .add(
            "/w/{workspace_id}/notifications/settings",
            requires(WORKSPACE_READ, post(mail_settings)),
        )
}
