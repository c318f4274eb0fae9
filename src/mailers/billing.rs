// The statics are named after their template folders, as Loco's mailers are.
#![allow(non_upper_case_globals)]

//! Billing mails to a workspace's owner.

use loco_rs::{mailer::EmailHeaders, prelude::*};
use serde_json::json;

use super::budgets::message_host;
use crate::{
    models::{
        billing,
        ids::WorkspaceId,
        memberships::{self, Role},
        tenancy::{self, Scope},
        workspaces,
    },
    settings::Settings,
};

static payment_failed: Dir<'_> = include_dir!("src/mailers/billing/payment_failed");

pub struct BillingMailer {}

impl BillingMailer {
    /// Tells the owner that Stripe could not take a payment, until when
    /// the plan stays, and where to fix it.
    ///
    /// # Errors
    /// On database errors, or when the mail cannot be sent.
    pub async fn payment_failed(
        ctx: &AppContext,
        workspace_id: WorkspaceId,
        invoice_id: &str,
    ) -> Result<()> {
        let settings = Settings::get(ctx)?;
        let txn = tenancy::begin_read(&ctx.db, Scope::workspace(workspace_id)).await?;
        let workspace = workspaces::Entity::find_by_id(workspace_id)
            .one(&txn)
            .await?;
        let account = billing::Model::for_workspace(&txn, workspace_id).await?;
        let members = memberships::Model::list(&txn, workspace_id).await?;
        txn.commit().await?;
        let (Some(workspace), Some(account)) = (workspace, account) else {
            return Ok(());
        };
        let Some(owner) = members.iter().find(|m| m.membership.role() == Role::Owner) else {
            return Ok(());
        };
        // No plan's name: the template says "paid" in the owner's language.
        let plan = account
            .plan
            .as_deref()
            .and_then(|key| billing::Plans(&settings.billing).find(key))
            .map(|p| p.name.clone());
        let lang = super::language(&settings, owner.user.language.as_deref());
        super::deliver(
            ctx,
            &payment_failed,
            mailer::Args {
                from: Some(settings.mail.from.clone()),
                to: owner.user.email.clone(),
                locals: json!({
                    "lang": lang.code(),
                    "name": owner.user.name,
                    "workspace": workspace.name,
                    "plan": plan,
                    "invoice": invoice_id,
                    "grace_until": account.grace_until.as_ref().map(|t| t.date_naive().to_string()),
                    "link": format!("{}/w/{}/billing", settings.base_url, workspace.pid),
                }),
                headers: Some(EmailHeaders {
                    message_id: Some(format!(
                        "<payment-failed.{invoice_id}@{}>",
                        message_host(&settings)
                    )),
                    ..Default::default()
                }),
                ..Default::default()
            },
        )
        .await
    }
}
