//! Asking the assistant as a member: what their role lets it do for them,
//! and its answer. Shared by the assistant's page and the API.

use loco_rs::prelude::*;

use super::access::Member;
use crate::{
    i18n::Lang,
    models::assistant::{self, Allowed, Reply},
    policies::{BUDGETS_READ, EXPENSES_CREATE, SETTLEMENTS_READ},
};

/// What the assistant may do for this member.
async fn allowed(ctx: &AppContext, member: &Member) -> Result<Allowed> {
    Ok(Allowed {
        add_expenses: member.may(ctx, EXPENSES_CREATE).await?,
        read_budgets: member.may(ctx, BUDGETS_READ).await?,
        read_balances: member.may(ctx, SETTLEMENTS_READ).await?,
        role: member.role().as_str(),
    })
}

/// The assistant's answer to `message`, within what this member may do, in
/// `lang` (a page's) or, when `None`, in the message's language.
///
/// # Errors
/// As [`assistant::answer`]; when a policy check fails.
pub async fn answer(
    ctx: &AppContext,
    member: &Member,
    message: &str,
    lang: Option<Lang>,
) -> Result<Reply> {
    assistant::answer(
        &member.tenant(ctx).await?,
        member.user(),
        allowed(ctx, member).await?,
        message,
        lang,
    )
    .await
}
