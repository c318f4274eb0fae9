//! The `budget_alerts` job: re-evaluates a workspace's budgets (recording
//! any threshold newly crossed) and sends the alerts not yet sent, each
//! exactly once (see `models::budget_alerts` for how, and for the one window
//! where a mail can go out twice with the same `Message-ID`).

use crate::models::ids::WorkspaceId;
use loco_rs::prelude::*;
use serde_json::json;

use crate::{
    mailers::budgets::{message_host, BudgetMailer},
    models::{
        budget_alerts, budgets, money,
        tenancy::{self, Scope},
        workspaces,
    },
    settings::Settings,
};

fn scope(workspace_id: WorkspaceId) -> Scope<'static> {
    Scope::workspace(workspace_id)
}

/// Runs as `sender`: the job's task id, the same when the job runs again
/// (see `models::budget_alerts` on claims).
///
/// # Errors
/// On database errors, or when a mail cannot be sent (the job is retried).
pub async fn run(ctx: &AppContext, workspace_id: WorkspaceId, sender: &str) -> Result<()> {
    let Some(workspace) = workspaces::Entity::find_by_id(workspace_id)
        .one(&ctx.db)
        .await?
    else {
        return Ok(());
    };
    let txn = tenancy::begin(&ctx.db, scope(workspace_id)).await?;
    budgets::record_crossings(&txn, &workspace).await?;
    txn.commit().await?;
    deliver(ctx, &workspace, sender).await?;
    Ok(())
}

/// Sends the workspace's unsent alerts; returns how many it sent.
///
/// # Errors
/// On database errors, or when a mail cannot be sent; the alert being sent
/// is then released for the retry.
pub async fn deliver(
    ctx: &AppContext,
    workspace: &workspaces::Model,
    sender: &str,
) -> Result<usize> {
    let settings = Settings::get(ctx)?;
    let txn = tenancy::begin(&ctx.db, scope(workspace.id)).await?;
    let unsent = budget_alerts::Model::unsent(&txn, workspace.id).await?;
    txn.commit().await?;
    let mut sent = 0;
    for alert in unsent {
        let txn = tenancy::begin(&ctx.db, scope(workspace.id)).await?;
        let claimed = alert.claim(&txn, sender).await?;
        txn.commit().await?;
        if !claimed {
            continue;
        }
        if let Err(err) = send(ctx, &settings, workspace, &alert).await {
            let txn = tenancy::begin(&ctx.db, scope(workspace.id)).await?;
            alert.release(&txn).await?;
            txn.commit().await?;
            return Err(err);
        }
        let txn = tenancy::begin(&ctx.db, scope(workspace.id)).await?;
        alert.mark_sent(&txn).await?;
        txn.commit().await?;
        sent += 1;
    }
    Ok(sent)
}

async fn send(
    ctx: &AppContext,
    settings: &Settings,
    workspace: &workspaces::Model,
    alert: &budget_alerts::Model,
) -> Result<()> {
    let txn = tenancy::begin(&ctx.db, scope(workspace.id)).await?;
    let budget = budgets::Entity::find_by_id(alert.budget_id)
        .in_tenant(workspace.id)
        .one(&txn)
        .await?;
    let recipients = budgets::alert_recipients(&txn, workspace.id).await?;
    txn.commit().await?;
    // The budget was deleted since: nothing to say.
    let Some(budget) = budget else {
        return Ok(());
    };
    // Each recipient reads the alert in their language: the template words it.
    let host = message_host(settings);
    for user in recipients {
        BudgetMailer::send_alert(
            ctx,
            &user,
            alert.message_id(&user.pid, &host),
            json!({
                "workspace": workspace.name,
                "budget": budget.name,
                "threshold": alert.threshold,
                "spent": money::format_in(alert.spent_minor, &workspace.currency),
                "limit": money::format_in(alert.limit_minor, &workspace.currency),
                "currency": workspace.currency,
                "period": budget.period,
                "start": alert.period_start.to_string(),
                "link": format!("{}/w/{}/budgets", settings.base_url, workspace.pid),
                "settings_link": format!("{}/w/{}/notifications", settings.base_url, workspace.pid),
            }),
        )
        .await?;
    }
    Ok(())
}
