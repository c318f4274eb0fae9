//! The recurring expenses page (`/w/{workspace_id}/recurring`): the rules
//! with their next dates and any problem, a form to set one up (the same
//! fields as an expense, plus how often), changing one on its edit page
//! (`.../recurring/{recurring_id}/edit`), and stopping one.

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
        recurring_expenses::{self, Frequency, RecurringChanges, RecurringParams},
        validation::FieldErrors,
    },
    policies::{RECURRING_MANAGE, RECURRING_READ},
    views::{
        expenses::{DefaultSplit, RecurringResponse},
        page::{FormValues, InWorkspace},
        recurring::{EditRulePage, NewRule, RecurringPage, SentRule},
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

impl RecurringForm {
    /// The rule as sent: every field, the numbers as people type them.
    fn params(&self, members: &[memberships::Member]) -> RecurringParams {
        let mut expense = self.expense.params(members);
        expense.date = None;
        let interval = self.interval.trim();
        RecurringParams {
            frequency: self.frequency.clone(),
            // Not a whole number: the model names the field.
            interval: Some(if interval.is_empty() {
                1
            } else {
                interval.parse().unwrap_or(0)
            }),
            starts_on: self.starts_on.clone(),
            ends_on: Some(self.ends_on.clone()),
            expense,
        }
    }

    /// The form as sent, to show again beside its errors.
    fn echo(self) -> SentRule {
        SentRule {
            expense: self.expense.echo(),
            frequency: self.frequency,
            interval: self.interval,
            starts_on: self.starts_on,
            ends_on: self.ends_on,
        }
    }
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
    let params = form.params(&members);
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
                &visitor.lang.text_with(
                    "recurring-created",
                    &[
                        ("description", rule.description.clone().into()),
                        ("frequency", rule.frequency.clone().into()),
                    ],
                ),
                &ctx,
                &[],
            )
        }
        Err(err) => {
            let Some(errors) = FieldErrors::from_error(&err) else {
                return Err(err);
            };
            let sent = form.echo();
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

/// The edit page with `form` in it: the rule's values, or what was sent.
async fn edit_page(
    ctx: &AppContext,
    v: &TeraView,
    visitor: &Visitor,
    member: &Member,
    rule: &recurring_expenses::Model,
    status: StatusCode,
    (form, errors): (SentRule, serde_json::Value),
) -> Result<Response> {
    let context = InWorkspace {
        frame: frame(ctx, member).await?,
        page: EditRulePage {
            rule_id: rule.pid.to_string(),
            name: rule.description.clone(),
            frequencies: Frequency::ALL.map(Frequency::as_str),
            recurring: true,
            form,
            errors,
        },
    };
    render(v, visitor, status, "recurring/edit.html", &context)
}

#[debug_handler]
async fn edit(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
    Path((_, recurring_id)): Path<(String, String)>,
) -> Result<Response> {
    let rule =
        recurring_expenses::Model::find_in(&member.db, member.workspace.id, &recurring_id).await?;
    let members = memberships::Model::list(&member.db, member.workspace.id).await?;
    // A rule that names no payer is paid by the member who set it up.
    let author = members
        .iter()
        .find(|m| Some(m.user.id) == rule.created_by_id)
        .map(|m| m.user.pid.to_string());
    let form = SentRule::of(
        &rule,
        &rule.expense_params()?,
        &member.workspace.currency,
        author,
    );
    let no_errors = serde_json::Value::Object(serde_json::Map::new());
    let shown = (form, no_errors);
    edit_page(&ctx, &v, &visitor, &member, &rule, StatusCode::OK, shown).await
}

#[debug_handler]
async fn update(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
    Path((_, recurring_id)): Path<(String, String)>,
    Form(form): Form<RecurringForm>,
) -> Result<Response> {
    let rule =
        recurring_expenses::Model::find_in(&member.db, member.workspace.id, &recurring_id).await?;
    let members = memberships::Model::list(&member.db, member.workspace.id).await?;
    let params = form.params(&members);
    // The form sends every field, so each replaces the rule's.
    let changes = RecurringChanges {
        frequency: Some(params.frequency),
        interval: params.interval,
        starts_on: Some(params.starts_on),
        ends_on: Some(params.ends_on),
        expense: params.expense,
    };
    let updated = async {
        let tenant = member.tenant(&ctx).await?;
        Ok::<_, Error>(rule.clone().update(&tenant, &changes).await?)
    }
    .await;
    match updated {
        Ok(rule) => {
            let to = urls::recurring(member.workspace.pid);
            member.commit_change(&ctx).await?;
            redirect_with(
                &to,
                "notice",
                &visitor.lang.text_with(
                    "recurring-changed",
                    &[("description", rule.description.clone().into())],
                ),
                &ctx,
                &[],
            )
        }
        Err(err) => {
            let Some(errors) = FieldErrors::from_error(&err) else {
                return Err(err);
            };
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            let shown = (form.echo(), errors);
            edit_page(&ctx, &v, &visitor, &member, &rule, status, shown).await
        }
    }
}

#[debug_handler]
async fn remove(
    State(ctx): State<AppContext>,
    visitor: Visitor,
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
        &visitor
            .lang
            .text_with("recurring-stopped", &[("description", description.into())]),
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
            "/w/{workspace_id}/recurring/{recurring_id}/edit",
            requires(RECURRING_MANAGE, get(edit)),
        )
        .add(
            "/w/{workspace_id}/recurring/{recurring_id}/edit",
            requires(RECURRING_MANAGE, post(update)),
        )
        .add(
            "/w/{workspace_id}/recurring/{recurring_id}/delete",
            requires(RECURRING_MANAGE, post(remove)),
        )
}
