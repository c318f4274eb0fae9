//! What a plan allows ([`Limits`]: history, expenses a month, receipt
//! storage, members) and what a workspace uses of it ([`Usage`]).

use crate::models::ids::WorkspaceId;
use chrono::{DateTime, Datelike, Months, NaiveDate, TimeZone, Utc};
use loco_rs::prelude::*;
use serde::Serialize;

use super::Standing;
use crate::{
    models::{
        _entities::{expenses, invitations, memberships},
        errors::{DomainError, DomainResult},
        receipts, tenancy, workspaces,
    },
    settings::{PlanLimits, Settings},
};

/// What a workspace may still add, by its plan. Everything when billing is off.
#[derive(Debug, Clone)]
pub struct Limits {
    plan_name: String,
    limits: PlanLimits,
    upgrade_url: String,
    /// The settings' receipt quota, for when billing is off (0: none).
    receipt_quota_mb: u32,
}

impl Limits {
    /// No limits (billing off).
    #[must_use]
    pub fn none() -> Self {
        Self {
            plan_name: String::new(),
            limits: PlanLimits::default(),
            upgrade_url: String::new(),
            receipt_quota_mb: 0,
        }
    }

    /// The limits in force for `workspace` now.
    ///
    /// # Errors
    /// On database errors.
    pub async fn of<C: ConnectionTrait>(
        ctx: &AppContext,
        db: &C,
        workspace: &workspaces::Model,
    ) -> Result<Self> {
        let settings = Settings::get(ctx)?;
        let receipt_quota_mb = settings.receipts.workspace_quota_mb;
        let Some(standing) = Standing::current(ctx, db, workspace).await? else {
            return Ok(Self {
                receipt_quota_mb,
                ..Self::none()
            });
        };
        Ok(Self {
            plan_name: standing.plan.name,
            limits: standing.plan.limits,
            upgrade_url: format!("{}/w/{}/billing", settings.base_url, workspace.pid),
            receipt_quota_mb,
        })
    }

    fn refuse(&self, what: &str) -> DomainError {
        DomainError::PlanLimit {
            description: format!(
                "The {} plan {what}. The workspace owner can upgrade on the Billing page.",
                self.plan_name
            ),
            upgrade_url: self.upgrade_url.clone(),
        }
    }

    /// Refuses a date older than the plan's history allows: expenses that
    /// far back can be read but not added or changed.
    ///
    /// # Errors
    /// 402 naming the limit.
    pub fn check_date(&self, spent_on: NaiveDate) -> DomainResult<()> {
        self.check_date_on(spent_on, Utc::now().date_naive())
    }

    fn check_date_on(&self, spent_on: NaiveDate, today: NaiveDate) -> DomainResult<()> {
        let Some(months) = self.limits.history_months else {
            return Ok(());
        };
        let earliest = today
            .checked_sub_months(Months::new(months))
            .unwrap_or(NaiveDate::MIN);
        if spent_on < earliest {
            return Err(self.refuse(&format!(
                "keeps {months} months of history: expenses before {earliest} can be read but not added or changed"
            )));
        }
        Ok(())
    }

    /// Refuses `count` more expenses past the plan's monthly allowance.
    /// Takes the workspace's lock first (see [`tenancy::lock_workspace`]),
    /// so the count holds until `db` commits.
    ///
    /// # Errors
    /// 402 naming the limit; database errors.
    pub async fn check_new_expenses<C: ConnectionTrait>(
        &self,
        db: &C,
        workspace_id: WorkspaceId,
        count: u64,
    ) -> DomainResult<()> {
        let Some(allowed) = self.limits.expenses_per_month else {
            return Ok(());
        };
        tenancy::lock_workspace(db, workspace_id).await?;
        let added = Usage::of(db, workspace_id).await?.expenses_this_month;
        if added + count > u64::from(allowed) {
            let left = u64::from(allowed).saturating_sub(added);
            return Err(self.refuse(&if count == 1 {
                format!("allows {allowed} new expenses a month, and this month's are used")
            } else {
                format!("allows {allowed} new expenses a month: {left} are left this month, and this adds {count}")
            }));
        }
        Ok(())
    }

    /// Refuses `adding` bytes of receipts past the workspace's storage: the
    /// plan's when billing is on (402), otherwise the settings'
    /// `receipts.workspace_quota_mb` (422; 0 is no limit). Takes the
    /// workspace's lock first, as [`Limits::check_new_expenses`]: this is
    /// the check that binds, made where the receipts are recorded.
    ///
    /// # Errors
    /// 402 or 422 naming the limit and what is used; database errors.
    pub async fn check_receipt_storage<C: ConnectionTrait>(
        &self,
        db: &C,
        workspace_id: WorkspaceId,
        adding: u64,
    ) -> DomainResult<()> {
        if self.receipt_storage_mb().is_none() {
            return Ok(());
        }
        tenancy::lock_workspace(db, workspace_id).await?;
        self.receipts_fit(receipts::Model::bytes_used(db, workspace_id).await?, adding)
    }

    /// [`Limits::check_receipt_storage`] without the lock: a quick refusal
    /// before files are put in storage, outside the write transaction.
    ///
    /// # Errors
    /// As [`Limits::check_receipt_storage`].
    pub async fn precheck_receipt_storage<C: ConnectionTrait>(
        &self,
        db: &C,
        workspace_id: WorkspaceId,
        adding: u64,
    ) -> DomainResult<()> {
        if self.receipt_storage_mb().is_none() {
            return Ok(());
        }
        self.receipts_fit(receipts::Model::bytes_used(db, workspace_id).await?, adding)
    }

    /// The receipt storage allowed: the plan's when billing is on, otherwise
    /// the settings'.
    fn receipt_storage_mb(&self) -> Option<u32> {
        if self.plan_name.is_empty() {
            (self.receipt_quota_mb > 0).then_some(self.receipt_quota_mb)
        } else {
            self.limits.receipt_storage_mb
        }
    }

    fn receipts_fit(&self, used: u64, adding: u64) -> DomainResult<()> {
        let Some(allowed_mb) = self.receipt_storage_mb() else {
            return Ok(());
        };
        if used.saturating_add(adding) <= u64::from(allowed_mb) * 1024 * 1024 {
            return Ok(());
        }
        let used_mb = used.div_ceil(1024 * 1024);
        if self.plan_name.is_empty() {
            Err(DomainError::field(
                "file",
                format!(
                    "does not fit: this workspace keeps up to {allowed_mb} MB of receipts and {used_mb} MB are used; remove some first"
                ),
            ))
        } else {
            Err(self.refuse(&format!(
                "keeps {allowed_mb} MB of receipts, {used_mb} MB are used and this file does not fit"
            )))
        }
    }

    /// Refuses another invitation past the plan's member count. Pending
    /// invitations count, so accepting one never goes past the limit.
    /// Takes the workspace's lock first, as [`Limits::check_new_expenses`].
    ///
    /// # Errors
    /// 402 naming the limit; database errors.
    pub async fn check_new_member<C: ConnectionTrait>(
        &self,
        db: &C,
        workspace_id: WorkspaceId,
    ) -> DomainResult<()> {
        let Some(allowed) = self.limits.members else {
            return Ok(());
        };
        tenancy::lock_workspace(db, workspace_id).await?;
        let people = Usage::of(db, workspace_id).await?.members
            + invitations::Entity::find()
                .in_tenant(workspace_id)
                .filter(invitations::Column::AcceptedAt.is_null())
                .filter(invitations::Column::RevokedAt.is_null())
                .filter(invitations::Column::ExpiresAt.gt(Utc::now()))
                .count(db)
                .await?;
        if people >= u64::from(allowed) {
            return Err(self.refuse(&format!(
                "allows {allowed} people in a workspace (pending invitations count)"
            )));
        }
        Ok(())
    }
}

/// What a workspace uses of its plan's limits.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Usage {
    pub members: u64,
    pub expenses_this_month: u64,
    /// Receipts kept, in whole megabytes (rounded up).
    pub receipt_mb: u64,
}

impl Usage {
    /// # Errors
    /// On database errors.
    pub async fn of<C: ConnectionTrait>(db: &C, workspace_id: WorkspaceId) -> DomainResult<Self> {
        Ok(Self {
            members: memberships::Entity::find()
                .in_tenant(workspace_id)
                .count(db)
                .await?,
            expenses_this_month: expenses::Entity::find()
                .in_tenant(workspace_id)
                .filter(expenses::Column::CreatedAt.gte(month_start(Utc::now())))
                .filter(expenses::Column::DeletedAt.is_null())
                .count(db)
                .await?,
            receipt_mb: receipts::Model::bytes_used(db, workspace_id)
                .await?
                .div_ceil(1024 * 1024),
        })
    }
}

/// Whether an expense added at `created_at` counts against this month's
/// allowance (while it is not deleted).
#[must_use]
pub fn counts_this_month(created_at: sea_orm::prelude::DateTimeWithTimeZone) -> bool {
    created_at.with_timezone(&Utc) >= month_start(Utc::now())
}

fn month_start(now: DateTime<Utc>) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(now.year(), now.month(), 1, 0, 0, 0)
        .single()
        .unwrap_or(now)
}
