//! The console's overview (`/admin`), billing (`/admin/billing`), background
//! jobs (`/admin/jobs`) and the platform audit log (`/admin/audit`).

use std::collections::BTreeMap;

use chrono::{Duration, Utc};
use loco_rs::prelude::*;
use sea_orm::{PaginatorTrait, QuerySelect};

use super::{console_page, requires, when, ListQuery, Staff};
use crate::views::urls;
use crate::{
    controllers::support::{render::redirect_with, web_session::Visitor},
    i18n::Lang,
    models::billing::{PAID, PAYMENT_FAILED},
    models::{
        _entities::{billing_accounts, users, workspaces as workspace_rows},
        platform, workspaces,
    },
    policies::{
        BILLING_ADMIN_MANAGE, BILLING_ADMIN_READ, CONSOLE_READ, JOBS_MANAGE, JOBS_READ,
        PLATFORM_AUDIT_READ,
    },
    views::{
        admin::{
            AuditPage, AuditRow, BillingPage, BillingRow, DeadJob, JobCount, JobsPage,
            OverviewPage, SignupDay, WorkspaceLink,
        },
        billing::iso_day,
    },
    workers::{queue, Job},
};

#[debug_handler]
async fn overview(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    staff: Staff,
) -> Result<Response> {
    let since = Utc::now() - Duration::days(13);
    let recent: Vec<chrono::DateTime<chrono::FixedOffset>> = users::Entity::find()
        .select_only()
        .column(users::Column::CreatedAt)
        .filter(
            users::Column::CreatedAt.gte(
                since
                    .date_naive()
                    .and_hms_opt(0, 0, 0)
                    .unwrap_or_default()
                    .and_utc(),
            ),
        )
        .into_tuple()
        .all(&ctx.db)
        .await?;
    let mut per_day: BTreeMap<String, u64> = (0..14)
        .map(|n| {
            (
                (since + Duration::days(n)).format("%Y-%m-%d").to_string(),
                0,
            )
        })
        .collect();
    for created in recent {
        *per_day
            .entry(created.format("%Y-%m-%d").to_string())
            .or_default() += 1;
    }
    let most = per_day.values().copied().max().unwrap_or(0).max(1);
    let data = OverviewPage {
        users: users::Entity::find().count(&ctx.db).await?,
        workspaces: workspaces::Entity::find()
            .filter(workspace_rows::Column::DeletingAt.is_null())
            .count(&ctx.db)
            .await?,
        subscriptions: billing_accounts::Entity::find()
            .filter(billing_accounts::Column::Status.is_in(PAID))
            .count(&ctx.db)
            .await?,
        signups: per_day
            .into_iter()
            .map(|(day, count)| SignupDay {
                day,
                count,
                percent: count * 100 / most,
            })
            .collect(),
        jobs_waiting: queue::unfinished(&ctx).await?,
        jobs_failed: queue::dead(&ctx).await?.len(),
    };
    console_page(
        &v,
        &visitor,
        staff.frame(&ctx).await?,
        "admin/index.html",
        data,
    )
}

#[debug_handler]
async fn billing(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    staff: Staff,
    Query(query): Query<ListQuery>,
) -> Result<Response> {
    let mut accounts = billing_accounts::Entity::find()
        .find_also_related(workspaces::Entity)
        .order_by_desc(billing_accounts::Column::UpdatedAt);
    if query.only == "failed" {
        accounts = accounts.filter(billing_accounts::Column::Status.is_in(PAYMENT_FAILED));
    }
    let pages = accounts.paginate(&ctx.db, platform::PAGE_SIZE);
    let total = pages.num_items().await?;
    let rows: Vec<_> = pages
        .fetch_page(query.page_index())
        .await?
        .iter()
        .map(|(a, w)| BillingRow {
            workspace: w.as_ref().map(|w| WorkspaceLink {
                id: w.pid,
                name: w.name.clone(),
            }),
            customer: a.customer_id.clone(),
            subscription: a.subscription_id.clone(),
            plan: a.plan.clone(),
            status: a.status.clone(),
            failed: a
                .status
                .as_deref()
                .is_some_and(|s| PAYMENT_FAILED.contains(&s)),
            period_end: a.current_period_end.as_ref().map(iso_day),
            grace_until: a.grace_until.as_ref().map(iso_day),
            synced_at: a.synced_at.as_ref().map(when),
        })
        .collect();
    let data = BillingPage {
        accounts: rows,
        pager: query.pager(total),
        billing_on: crate::settings::Settings::get(&ctx)?.billing.enabled(),
        can_manage: staff.may(&ctx, BILLING_ADMIN_MANAGE).await?,
    };
    console_page(
        &v,
        &visitor,
        staff.frame(&ctx).await?,
        "admin/billing.html",
        data,
    )
}

/// Queues a reconciliation with Stripe now.
#[debug_handler]
async fn reconcile(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    staff: Staff,
) -> Result<Response> {
    let lang = visitor.lang;
    if !crate::settings::Settings::get(&ctx)?.billing.enabled() {
        return redirect_with(
            &urls::admin_billing(),
            "alert",
            &lang.text("console-ws-billing-off"),
            &ctx,
            &[],
        );
    }
    queue::enqueue(&ctx, Job::ReconcileBilling).await?;
    platform::note(
        &ctx.db,
        &staff.actor(),
        "billing.reconcile_requested",
        "billing".to_string(),
        "queued a reconciliation with Stripe".to_string(),
    )
    .await?;
    redirect_with(
        &urls::admin_billing(),
        "notice",
        &lang.text("console-done-reconcile-queued"),
        &ctx,
        &[],
    )
}

#[debug_handler]
async fn jobs(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    staff: Staff,
) -> Result<Response> {
    let counts: Vec<_> = queue::counts(&ctx)
        .await?
        .into_iter()
        .map(|(status, count)| JobCount { status, count })
        .collect();
    let can_manage = staff.may(&ctx, JOBS_MANAGE).await?;
    let data = JobsPage {
        counts,
        waiting: queue::unfinished(&ctx).await?,
        dead: queue::dead(&ctx)
            .await?
            .into_iter()
            .map(|row| DeadJob::new(row, can_manage))
            .collect(),
        can_manage,
    };
    console_page(
        &v,
        &visitor,
        staff.frame(&ctx).await?,
        "admin/jobs.html",
        data,
    )
}

async fn job_action(
    ctx: &AppContext,
    lang: Lang,
    staff: &Staff,
    id: &str,
    retry: bool,
) -> Result<Response> {
    let done = if retry {
        queue::retry(ctx, id).await?
    } else {
        queue::discard(ctx, id).await?
    };
    if !done {
        return redirect_with(
            &urls::admin_jobs(),
            "alert",
            &lang.text("console-job-not-found"),
            ctx,
            &[],
        );
    }
    let (action, verb, notice) = if retry {
        ("job.retried", "retried", "console-done-job-retried")
    } else {
        ("job.discarded", "discarded", "console-done-job-discarded")
    };
    platform::note(
        &ctx.db,
        &staff.actor(),
        action,
        format!("job:{id}"),
        format!("{verb} failed job {id}"),
    )
    .await?;
    redirect_with(
        &urls::admin_jobs(),
        "notice",
        &lang.text_with(notice, &[("id", id.to_string().into())]),
        ctx,
        &[],
    )
}

#[debug_handler]
async fn retry(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    staff: Staff,
    Path(job_id): Path<String>,
) -> Result<Response> {
    job_action(&ctx, visitor.lang, &staff, &job_id, true).await
}

#[debug_handler]
async fn discard(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    staff: Staff,
    Path(job_id): Path<String>,
) -> Result<Response> {
    job_action(&ctx, visitor.lang, &staff, &job_id, false).await
}

#[debug_handler]
async fn audit(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    staff: Staff,
    Query(query): Query<ListQuery>,
) -> Result<Response> {
    let (entries, total) = platform::audit_page(
        &ctx.db,
        Some(query.only.as_str()),
        Some(query.q.as_str()),
        query.page_index(),
    )
    .await?;
    let rows: Vec<_> = entries
        .iter()
        .map(|e| {
            let detail = |key: &str| {
                e.details
                    .as_ref()
                    .and_then(|d| d.get(key))
                    .filter(|v| !v.is_null())
                    .map(ToString::to_string)
            };
            AuditRow {
                at: when(&e.created_at),
                actor: e.actor_name.clone(),
                ip: e.ip.clone(),
                action: e.action.clone(),
                target: e.target.clone(),
                summary: visitor.lang.audit_summary(&e.summary),
                before: detail("before"),
                after: detail("after"),
            }
        })
        .collect();
    console_page(
        &v,
        &visitor,
        staff.frame(&ctx).await?,
        "admin/audit.html",
        AuditPage {
            entries: rows,
            pager: query.pager(total),
        },
    )
}

pub fn routes() -> Routes {
    Routes::new()
        .add("/admin", requires(CONSOLE_READ, get(overview)))
        .add("/admin/billing", requires(BILLING_ADMIN_READ, get(billing)))
        .add(
            "/admin/billing/reconcile",
            requires(BILLING_ADMIN_MANAGE, post(reconcile)),
        )
        .add("/admin/jobs", requires(JOBS_READ, get(jobs)))
        .add(
            "/admin/jobs/{job_id}/retry",
            requires(JOBS_MANAGE, post(retry)),
        )
        .add(
            "/admin/jobs/{job_id}/discard",
            requires(JOBS_MANAGE, post(discard)),
        )
        .add("/admin/audit", requires(PLATFORM_AUDIT_READ, get(audit)))
}
