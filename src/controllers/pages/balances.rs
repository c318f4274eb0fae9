//! The balances page (`/w/{workspace_id}/balances`): who owes whom, the
//! fewest payments that settle everything (each recordable with one click),
//! and the settlements recorded so far; and each member's balance explained
//! (`/w/{workspace_id}/balances/{user_id}`).

use axum::http::StatusCode;
use loco_rs::prelude::*;

use super::{render, workspaces::frame};
use crate::{
    controllers::support::{
        access::{requires, Member},
        render::redirect_with,
        web_session::Visitor,
    },
    models::{
        memberships, money,
        paging::{PageQuery, LIMIT_MAX},
        settlements::{
            self,
            statement::{self, StatementQuery},
            SettlementParams,
        },
        validation::FieldErrors,
    },
    policies::{SETTLEMENTS_CREATE, SETTLEMENTS_DELETE, SETTLEMENTS_READ},
    views::{
        balances::{
            BalanceStatementPage, BalanceStatementResponse, BalancesPage, CurrencyBalancesResponse,
            NewSettlement, SentSettlement, SettlementResponse,
        },
        expenses::format as format_amount,
        page::{FormValues, InWorkspace},
        urls,
        workspaces::MemberResponse,
    },
};

async fn balances_page(
    ctx: &AppContext,
    v: &TeraView,
    visitor: &Visitor,
    member: &Member,
    status: StatusCode,
    sent: Option<(SentSettlement, serde_json::Value)>,
) -> Result<Response> {
    let workspace = &member.workspace;
    let balances = settlements::Model::balances(&member.db, workspace).await?;
    let history = settlements::Model::list(&member.db, workspace.id).await?;
    let members = memberships::Model::list(&member.db, workspace.id).await?;
    let me = member.user();
    let (form, errors) = FormValues::sent_or(sent, || {
        let date = workspace.today().to_string();
        match balances.suggested_payment(me.id) {
            Some((from, to, amount, currency)) => NewSettlement {
                date,
                from: from.pid.to_string(),
                to: to.pid.to_string(),
                // As the reader types amounts (`23,80` in German).
                amount: visitor.lang.number(&format_amount(amount, currency)),
                currency: currency.to_string(),
            },
            // Nobody owes: from the member looking to someone else.
            None => NewSettlement {
                date,
                from: me.pid.to_string(),
                to: members
                    .iter()
                    .find(|m| m.user.id != me.id)
                    .map(|m| m.user.pid.to_string())
                    .unwrap_or_default(),
                amount: String::new(),
                currency: workspace.currency.clone(),
            },
        }
    });
    let context = InWorkspace {
        frame: frame(ctx, member).await?,
        page: BalancesPage {
            me: me.pid.to_string(),
            shared: balances.shared,
            sections: balances
                .currencies
                .iter()
                .filter(|c| !c.people.is_empty())
                .map(CurrencyBalancesResponse::new)
                .collect(),
            each_currency: workspace.settles_each_currency(),
            history: history.iter().map(SettlementResponse::new).collect(),
            members: members.iter().map(MemberResponse::from).collect(),
            form,
            errors,
        },
    };
    render(v, visitor, status, "balances/index.html", &context)
}

#[debug_handler]
async fn index(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
) -> Result<Response> {
    balances_page(&ctx, &v, &visitor, &member, StatusCode::OK, None).await
}

/// One member's balance explained, newest line first, a long list in
/// pages of the most a page holds.
#[debug_handler]
async fn explained(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
    Path((_, user_id)): Path<(String, String)>,
    Query(asked): Query<StatementQuery>,
    Query(mut page): Query<PageQuery>,
) -> Result<Response> {
    page.limit = Some(page.limit.unwrap_or(LIMIT_MAX));
    let found = statement::of(
        &member.db,
        &member.workspace,
        &user_id,
        asked.currency.as_deref(),
        &page,
    )
    .await?;
    let context = InWorkspace {
        frame: frame(&ctx, &member).await?,
        page: BalanceStatementPage {
            me: member.user().pid.to_string(),
            statement: BalanceStatementResponse::new(&found),
            settled: found.balance_minor == 0,
            older: page.cursor.as_deref().is_some_and(|c| !c.trim().is_empty()),
        },
    };
    render(
        &v,
        &visitor,
        StatusCode::OK,
        "balances/member.html",
        &context,
    )
}

#[debug_handler]
async fn settle(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
    Form(params): Form<SettlementParams>,
) -> Result<Response> {
    let params = SettlementParams {
        notation: money::Notation::Typed,
        ..params
    };
    let recorded = async {
        let tenant = member.tenant(&ctx).await?;
        Ok::<_, Error>(settlements::Model::record(&tenant, &params).await?)
    }
    .await;
    match recorded {
        Ok(_) => {
            let to = urls::balances(member.workspace.pid);
            member.commit_change(&ctx).await?;
            let message = visitor.lang.text("balance-recorded");
            redirect_with(&to, "notice", &message, &ctx, &[])
        }
        Err(err) => {
            let Some(errors) = FieldErrors::from_error(&err) else {
                return Err(err);
            };
            let form = SentSettlement {
                from: params.from,
                to: params.to,
                amount: params.amount,
                currency: params.currency,
                date: params.date,
                note: params.note,
            };
            balances_page(
                &ctx,
                &v,
                &visitor,
                &member,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some((form, errors)),
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
    Path((_, settlement_id)): Path<(String, String)>,
) -> Result<Response> {
    settlements::Model::find_in(&member.db, member.workspace.id, &settlement_id)
        .await?
        .remove(&member.tenant(&ctx).await?)
        .await?;
    let to = urls::balances(member.workspace.pid);
    member.commit_change(&ctx).await?;
    let message = visitor.lang.text("balance-deleted");
    redirect_with(&to, "notice", &message, &ctx, &[])
}

pub fn routes() -> Routes {
    Routes::new()
        .add(
            "/w/{workspace_id}/balances",
            requires(SETTLEMENTS_READ, get(index)),
        )
        .add(
            "/w/{workspace_id}/balances/{user_id}",
            requires(SETTLEMENTS_READ, get(explained)),
        )
        .add(
            "/w/{workspace_id}/settlements",
            requires(SETTLEMENTS_CREATE, post(settle)),
        )
        .add(
            "/w/{workspace_id}/settlements/{settlement_id}/delete",
            requires(SETTLEMENTS_DELETE, post(remove)),
        )
}
