//! The recurring expenses page (`/w/{workspace_id}/recurring`): the rules
//! with their next dates and any problem, a form to set one up (the same
//! fields as an expense, plus how often), and stopping one.

use axum::http::StatusCode;
use loco_rs::prelude::*;
use serde::Deserialize;

use super::{
    expenses::{frame, ExpenseForm},
    render,
};
use crate::{
    controllers::support::{
        access::{requires, Member},
        render::redirect_with,
        web_session::Visitor,
    },
    models::{
        memberships,
        recurring_expenses::{self, Frequency, RecurringParams},
        validation::FieldErrors,
    },
    policies::{RECURRING_MANAGE, RECURRING_READ},
    views::{
        expenses::{DefaultSplit, RecurringResponse},
        page::{FormValues, InWorkspace},
        recurring::{NewRule, RecurringPage, SentRule},
        urls,
    },
};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RecurringForm {
    pub frequency: String,
    pub interval: String,
    pub starts_on: String,
    pub ends_on: String,
    #[serde(flatten)]
    pub expense: ExpenseForm,
}

async fn recurring_page(
    ctx: &AppContext,
    v: &TeraView,
    visitor: &Visitor,
    member: &Member,
    status: StatusCode,
    sent: Option<(SentRule, serde_json::Value)>,
) -> Result<Response> {
    let rules = recurring_expenses::Model::list(&member.db, member.workspace.id).await?;
    let frame = frame(ctx, member).await?;
    let (form, errors) = FormValues::sent_or(sent, || NewRule {
        frequency: "monthly",
        interval: "1",
        starts_on: member.workspace.today().to_string(),
        currency: member.workspace.currency.clone(),
        paid_by: member.user().pid.to_string(),
        split: DefaultSplit::of(&member.workspace, &frame.members),
    });
    let context = InWorkspace {
        frame,
        page: RecurringPage {
            rules: rules.iter().map(RecurringResponse::from).collect(),
            frequencies: Frequency::ALL.map(Frequency::as_str),
            recurring: true,
            form,
            errors,
        },
    };
    render(v, visitor, status, "recurring/index.html", &context)
}

#[debug_handler]
async fn index(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
) -> Result<Response> {
    recurring_page(&ctx, &v, &visitor, &member, StatusCode::OK, None).await
}

#[debug_handler]
async fn create(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
    Form(form): Form<RecurringForm>,
) -> Result<Response> {
    let members = memberships::Model::list(&member.db, member.workspace.id).await?;
    let mut expense = form.expense.params(&members);
    expense.date = None;
    let interval = form.interval.trim();
    let params = RecurringParams {
        frequency: form.frequency.clone(),
        // Not a whole number: the model names the field.
        interval: Some(if interval.is_empty() {
            1
        } else {
            interval.parse().unwrap_or(0)
        }),
        starts_on: form.starts_on.clone(),
        ends_on: Some(form.ends_on.clone()),
        expense,
    };
    let created = async {
        let tenant = member.tenant(&ctx).await?;
        Ok::<_, Error>(recurring_expenses::Model::create(&tenant, &params).await?)
    }
    .await;
    match created {
        Ok(rule) => {
            let to = urls::recurring(member.workspace.pid);
            member.commit_change(&ctx).await?;
            redirect_with(
                &to,
                "notice",
                &format!("\"{}\" now repeats {}.", rule.description, rule.frequency),
                &ctx,
                &[],
            )
        }
        Err(err) => {
            let Some(errors) = FieldErrors::from_error(&err) else {
                return Err(err);
            };
            let sent = SentRule {
                expense: form.expense.echo(),
                frequency: form.frequency,
                interval: form.interval,
                starts_on: form.starts_on,
                ends_on: form.ends_on,
            };
            recurring_page(
                &ctx,
                &v,
                &visitor,
                &member,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some((sent, errors)),
            )
            .await
        }
    }
}

#[debug_handler]
async fn remove(
    State(ctx): State<AppContext>,
    member: Member,
    Path((_, recurring_id)): Path<(String, String)>,
) -> Result<Response> {
    let rule =
        recurring_expenses::Model::find_in(&member.db, member.workspace.id, &recurring_id).await?;
    let description = rule.description.clone();
    rule.remove(&member.tenant(&ctx).await?).await?;
    let to = urls::recurring(member.workspace.pid);
    member.commit_change(&ctx).await?;
    redirect_with(
        &to,
        "notice",
        &format!("\"{description}\" no longer repeats; the expenses it made stay."),
        &ctx,
        &[],
    )
}

pub fn routes() -> Routes {
    Routes::new()
        .add(
            "/w/{workspace_id}/recurring",
            requires(RECURRING_READ, get(index)),
        )
        .add(
            "/w/{workspace_id}/recurring",
            requires(RECURRING_MANAGE, post(create)),
        )
        .add(
            "/w/{workspace_id}/recurring/{recurring_id}/delete",
            requires(RECURRING_MANAGE, post(remove)),
        )
}
