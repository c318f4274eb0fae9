//! Expenses: the one door for recording, revising, removing and restoring
//! them (`draft.rs` checks what an expense will be, `listing.rs` reads
//! the list).

mod draft;
mod listing;

use crate::models::ids::{UserId, WorkspaceId};
use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use loco_rs::prelude::*;
use sea_orm::{prelude::DateTimeWithTimeZone, sea_query::Func, QuerySelect};
use serde_json::json;

pub use self::{
    draft::{Current, Draft, ExpenseParams, Lookup},
    listing::{ExpenseFilter, Listing, Sort},
};
pub use super::_entities::expenses::{self, ActiveModel, Entity, Model};
use super::{
    _entities::{expense_tags, users},
    audit_events::{self, Event},
    billing, categories,
    errors::{DomainError, DomainResult},
    expense_shares::{self, Share, Split},
    receipts,
    tenancy::{self, Tenant},
};
use crate::policies::{
    EXPENSES_CREATE, EXPENSES_DELETE_ANY, EXPENSES_DELETE_OWN, EXPENSES_UPDATE_ANY,
    EXPENSES_UPDATE_OWN,
};

/// An expense with what is shown beside it.
#[derive(Debug, Clone)]
pub struct Expense {
    pub row: Model,
    pub tags: Vec<String>,
    pub category: Option<categories::Model>,
    pub paid_by: Option<users::Model>,
    /// Each member's part when the expense is split, in member order.
    pub shares: Vec<(expense_shares::Model, Option<users::Model>)>,
}

/// Where a recorded expense comes from, beyond its fields.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    /// The recurring rule that made it, and for which date.
    pub occurrence: Option<(i64, NaiveDate)>,
    pub import_id: Option<i64>,
    /// From an archive: who created it (when not the actor) and when it
    /// was created and last changed.
    pub created_by_id: Option<UserId>,
    pub stamps: Option<(DateTimeWithTimeZone, DateTimeWithTimeZone)>,
}

/// The row a checked draft becomes.
fn new_row(draft: &Draft, tenant: &Tenant<'_>, origin: &Origin) -> ActiveModel {
    let author = origin.created_by_id.or_else(|| tenant.user().map(|u| u.id));
    let mut row = ActiveModel {
        pid: Set(Uuid::new_v4()),
        workspace_id: Set(tenant.workspace.id),
        amount_minor: Set(draft.amount_minor),
        original_amount_minor: Set(draft.original_amount_minor),
        currency: Set(draft.currency.clone()),
        rate: Set(draft.rate.clone()),
        spent_on: Set(draft.spent_on),
        description: Set(draft.description.clone()),
        payee: Set(draft.payee.clone()),
        notes: Set(draft.notes.clone()),
        category_id: Set(draft.category_id),
        paid_by_id: Set(draft.paid_by_id),
        split_method: Set(draft.split.as_ref().map(|s| s.0.to_string())),
        created_by_id: Set(author),
        updated_by_id: Set(author),
        recurring_id: Set(origin.occurrence.map(|o| o.0)),
        occurrence_on: Set(origin.occurrence.map(|o| o.1)),
        import_id: Set(origin.import_id),
        ..Default::default()
    };
    if let Some((created_at, updated_at)) = origin.stamps {
        row.created_at = Set(created_at);
        row.updated_at = Set(updated_at);
    }
    row
}

impl ActiveModelBehavior for ActiveModel {}

impl TenantEntity for Entity {
    type TenantId = WorkspaceId;

    fn tenant_column() -> expenses::Column {
        expenses::Column::WorkspaceId
    }
}

impl Model {
    async fn write_tags<C: ConnectionTrait>(&self, db: &C, tags: &[String]) -> ModelResult<()> {
        expense_tags::Entity::delete_many()
            .in_tenant(self.workspace_id)
            .filter(expense_tags::Column::ExpenseId.eq(self.id))
            .exec(db)
            .await?;
        for tag in tags {
            expense_tags::ActiveModel {
                workspace_id: Set(self.workspace_id),
                expense_id: Set(self.id),
                name: Set(tag.clone()),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
        Ok(())
    }

    async fn write_shares<C: ConnectionTrait>(
        &self,
        db: &C,
        split: Option<&(&'static str, Vec<Share>)>,
    ) -> ModelResult<()> {
        let shares = split.map_or(&[][..], |s| s.1.as_slice());
        expense_shares::Model::replace(db, self.workspace_id, self.id, shares).await
    }

    /// What the audit log records of an expense.
    fn audit_json(&self, tags: &[String]) -> serde_json::Value {
        json!({
            "amount_minor": self.amount_minor,
            "original_amount_minor": self.original_amount_minor,
            "currency": self.currency,
            "rate": self.rate,
            "date": self.spent_on.to_string(),
            "description": self.description,
            "payee": self.payee,
            "notes": self.notes,
            "category_id": self.category_id,
            "paid_by_id": self.paid_by_id,
            "tags": tags,
            "split_method": self.split_method,
        })
    }

    /// Checks what `params` would record, writing nothing: the fields, the
    /// actor's right to add expenses and the plan's history. The assistant
    /// checks its drafts this way, a recurring rule its template.
    ///
    /// # Errors
    /// `Invalid` naming each field, `Forbidden`, or `PlanLimit`.
    pub async fn draft(
        tenant: &Tenant<'_>,
        lookup: &Lookup,
        params: &ExpenseParams,
    ) -> DomainResult<Draft> {
        tenant.ensure(EXPENSES_CREATE).await?;
        let draft = Draft::check(tenant.workspace, lookup, tenant.user(), None, params)?;
        tenant.limits.check_date(draft.spent_on)?;
        Ok(draft)
    }

    /// Records an expense: the one door for the form, the API and the
    /// assistant's confirmed draft.
    ///
    /// # Errors
    /// As [`Model::draft`], and `PlanLimit` past the month's allowance;
    /// nothing is written then.
    pub async fn record(tenant: &Tenant<'_>, params: &ExpenseParams) -> DomainResult<Self> {
        let lookup = Lookup::load(tenant.db, tenant.workspace.id).await?;
        Self::record_from(tenant, &lookup, params, Origin::default()).await
    }

    /// Records an expense with the receipts stored for it (the add form
    /// with files). Their binding check comes after the expense: when the
    /// workspace's storage filled up since the files were checked, the
    /// expense is still recorded, since what the member typed is never
    /// lost, and the second result says why the receipts were not.
    ///
    /// # Errors
    /// As [`Model::record`]; database errors of either.
    pub async fn record_with_receipts(
        tenant: &Tenant<'_>,
        params: &ExpenseParams,
        stored: Vec<receipts::Stored>,
    ) -> DomainResult<(Self, DomainResult<Vec<receipts::Model>>)> {
        let expense = Self::record(tenant, params).await?;
        // `attach` checks everything before it writes: a refusal leaves
        // nothing of the receipts behind in this transaction.
        let attached = match receipts::Stored::attach(stored, tenant, &expense).await {
            Err(DomainError::Database(err)) => return Err(DomainError::Database(err)),
            attached => attached,
        };
        Ok((expense, attached))
    }

    /// Records the occurrence of a recurring rule on `date`, checked
    /// against `lookup` (read once for all the occurrences a rule catches
    /// up).
    ///
    /// # Errors
    /// As [`Model::record`] when the rule's template no longer fits the
    /// workspace (a member left, a category went); a database error when
    /// the occurrence exists.
    pub async fn record_occurrence(
        tenant: &Tenant<'_>,
        lookup: &Lookup,
        params: &ExpenseParams,
        occurrence: (i64, NaiveDate),
    ) -> DomainResult<Self> {
        let origin = Origin {
            occurrence: Some(occurrence),
            ..Origin::default()
        };
        Self::record_from(tenant, lookup, params, origin).await
    }

    async fn record_from(
        tenant: &Tenant<'_>,
        lookup: &Lookup,
        params: &ExpenseParams,
        origin: Origin,
    ) -> DomainResult<Self> {
        let draft = Self::draft(tenant, lookup, params).await?;
        tenant
            .limits
            .check_new_expenses(tenant.db, tenant.workspace.id, 1)
            .await?;
        let tags = draft.tags.clone().unwrap_or_default();
        let txn = tenancy::begin_write(tenant.db).await?;
        let expense = new_row(&draft, tenant, &origin).insert(&txn).await?;
        expense.write_tags(&txn, &tags).await?;
        expense.write_shares(&txn, draft.split.as_ref()).await?;
        audit_events::Model::record(
            &txn,
            tenant.workspace.id,
            &tenant.actor,
            Event {
                action: "expense.created",
                summary: format!("added \"{}\"", expense.description),
                before: None,
                after: Some(expense.audit_json(&tags)),
            },
        )
        .await?;
        tenant.spending_changed(&txn).await?;
        txn.commit().await?;
        Ok(expense)
    }

    /// Records checked drafts in bulk, a batch of an import or an archive
    /// at a time, with their tags and shares. The caller checked each with
    /// [`Model::draft`] and audits the whole.
    ///
    /// # Errors
    /// On database errors.
    pub async fn record_drafts(
        tenant: &Tenant<'_>,
        drafts: Vec<(Draft, Origin)>,
    ) -> DomainResult<()> {
        if drafts.is_empty() {
            return Ok(());
        }
        let pids: Vec<Uuid> = drafts.iter().map(|_| Uuid::new_v4()).collect();
        Entity::insert_many(drafts.iter().zip(&pids).map(|((draft, origin), pid)| {
            let mut row = new_row(draft, tenant, origin);
            row.pid = Set(*pid);
            row
        }))
        .exec(tenant.db)
        .await?;
        let ids: HashMap<Uuid, i64> = Entity::find()
            .in_tenant(tenant.workspace.id)
            .filter(expenses::Column::Pid.is_in(pids.clone()))
            .select_only()
            .column(expenses::Column::Pid)
            .column(expenses::Column::Id)
            .into_tuple::<(Uuid, i64)>()
            .all(tenant.db)
            .await?
            .into_iter()
            .collect();
        let workspace_id = tenant.workspace.id;
        let mut tags = Vec::new();
        let mut shares = Vec::new();
        for ((draft, _), pid) in drafts.iter().zip(&pids) {
            let Some(expense_id) = ids.get(pid).copied() else {
                continue;
            };
            tags.extend(
                draft
                    .tags
                    .iter()
                    .flatten()
                    .map(|name| expense_tags::ActiveModel {
                        workspace_id: Set(workspace_id),
                        expense_id: Set(expense_id),
                        name: Set(name.clone()),
                        ..Default::default()
                    }),
            );
            shares.extend(
                draft
                    .split
                    .iter()
                    .flat_map(|(_, parts)| parts)
                    .map(|share| share.row(workspace_id, expense_id)),
            );
        }
        if !tags.is_empty() {
            expense_tags::Entity::insert_many(tags)
                .exec(tenant.db)
                .await?;
        }
        if !shares.is_empty() {
            expense_shares::Entity::insert_many(shares)
                .exec(tenant.db)
                .await?;
        }
        Ok(())
    }

    /// Changes the fields given. Members may change their own expenses;
    /// whoever may change any expense may change this one.
    ///
    /// # Errors
    /// `Forbidden`, `Invalid` naming each field, or `PlanLimit` when the
    /// expense or its new date is older than the plan keeps; nothing is
    /// written then.
    pub async fn revise(&self, tenant: &Tenant<'_>, params: &ExpenseParams) -> DomainResult<Self> {
        tenant
            .ensure_may_change(self.created_by_id, EXPENSES_UPDATE_ANY, EXPENSES_UPDATE_OWN)
            .await?;
        tenant.limits.check_date(self.spent_on)?;
        let lookup = Lookup::load(tenant.db, tenant.workspace.id).await?;
        let current = Current {
            row: self,
            split: self.split_now(tenant.db).await?,
        };
        let draft = Draft::check(
            tenant.workspace,
            &lookup,
            tenant.user(),
            Some(current),
            params,
        )?;
        tenant.limits.check_date(draft.spent_on)?;
        let before_tags = self.tags(tenant.db).await?;
        let tags = draft.tags.clone().unwrap_or_else(|| before_tags.clone());
        let txn = tenancy::begin_write(tenant.db).await?;
        let mut active = self.clone().into_active_model();
        active.amount_minor = Set(draft.amount_minor);
        active.original_amount_minor = Set(draft.original_amount_minor);
        active.currency = Set(draft.currency);
        active.rate = Set(draft.rate);
        active.spent_on = Set(draft.spent_on);
        active.description = Set(draft.description);
        active.payee = Set(draft.payee);
        active.notes = Set(draft.notes);
        active.category_id = Set(draft.category_id);
        active.paid_by_id = Set(draft.paid_by_id);
        active.split_method = Set(draft.split.as_ref().map(|s| s.0.to_string()));
        active.updated_by_id = Set(tenant.user().map(|u| u.id));
        let updated = active.update(&txn).await?;
        updated.write_tags(&txn, &tags).await?;
        updated.write_shares(&txn, draft.split.as_ref()).await?;
        audit_events::Model::record(
            &txn,
            tenant.workspace.id,
            &tenant.actor,
            Event {
                action: "expense.updated",
                summary: format!("changed \"{}\"", updated.description),
                before: Some(self.audit_json(&before_tags)),
                after: Some(updated.audit_json(&tags)),
            },
        )
        .await?;
        tenant.spending_changed(&txn).await?;
        txn.commit().await?;
        Ok(updated)
    }

    /// Deletes the expense, keeping the row so it can be restored for a
    /// short while (undo). Members may delete their own expenses.
    ///
    /// # Errors
    /// `Forbidden`; database errors.
    pub async fn remove(&self, tenant: &Tenant<'_>) -> DomainResult<()> {
        tenant
            .ensure_may_change(self.created_by_id, EXPENSES_DELETE_ANY, EXPENSES_DELETE_OWN)
            .await?;
        let mut active = self.clone().into_active_model();
        active.deleted_at = Set(Some(Utc::now().into()));
        active.update(tenant.db).await?;
        audit_events::Model::record(
            tenant.db,
            self.workspace_id,
            &tenant.actor,
            Event {
                action: "expense.deleted",
                summary: format!("deleted \"{}\"", self.description),
                before: Some(self.audit_json(&self.tags(tenant.db).await?)),
                after: None,
            },
        )
        .await?;
        tenant.spending_changed(tenant.db).await?;
        Ok(())
    }

    /// Brings back a deleted expense (the undo of [`Model::remove`]), for
    /// whoever may delete it, within the plan's expenses this month.
    ///
    /// # Errors
    /// `Forbidden`; `PlanLimit`; database errors.
    pub async fn restore(&self, tenant: &Tenant<'_>) -> DomainResult<Self> {
        tenant
            .ensure_may_change(self.created_by_id, EXPENSES_DELETE_ANY, EXPENSES_DELETE_OWN)
            .await?;
        // An expense added this month counts again against the month's
        // allowance once restored: deleting it freed its place.
        if billing::counts_this_month(self.created_at) {
            tenant
                .limits
                .check_new_expenses(tenant.db, tenant.workspace.id, 1)
                .await?;
        }
        let mut active = self.clone().into_active_model();
        active.deleted_at = Set(None);
        let restored = active.update(tenant.db).await?;
        audit_events::Model::record(
            tenant.db,
            self.workspace_id,
            &tenant.actor,
            Event {
                action: "expense.restored",
                summary: format!("restored \"{}\"", self.description),
                before: None,
                after: Some(restored.audit_json(&restored.tags(tenant.db).await?)),
            },
        )
        .await?;
        tenant.spending_changed(tenant.db).await?;
        Ok(restored)
    }

    /// Every expense's day, amount and lower-case description, for an
    /// import that skips what is already there ([`Draft::duplicate_key`]).
    ///
    /// # Errors
    /// On database errors.
    pub async fn day_amount_descriptions<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
    ) -> ModelResult<Vec<(NaiveDate, i64, String)>> {
        Ok(Entity::find()
            .in_tenant(workspace_id)
            .filter(expenses::Column::DeletedAt.is_null())
            .select_only()
            .column(expenses::Column::SpentOn)
            .column(expenses::Column::AmountMinor)
            .column_as(
                Expr::expr(Func::lower(Expr::col(expenses::Column::Description))),
                "description",
            )
            .into_tuple()
            .all(db)
            .await?)
    }

    /// The expense's split as stored, to divide again when its amount
    /// changes.
    async fn split_now<C: ConnectionTrait>(&self, db: &C) -> ModelResult<Option<Split>> {
        let Some(method) = self.split_method.as_deref() else {
            return Ok(None);
        };
        let shares =
            expense_shares::Model::of_expenses(db, self.workspace_id, vec![self.id]).await?;
        Ok(Split::from_shares(method, &shares))
    }

    /// An expense of this workspace by public id; `deleted` includes deleted
    /// ones (for undo).
    ///
    /// # Errors
    /// `EntityNotFound` when there is no such expense here.
    pub async fn find_in<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
        pid: &str,
        deleted: bool,
    ) -> ModelResult<Self> {
        let pid = Uuid::parse_str(pid).map_err(|_| ModelError::EntityNotFound)?;
        let mut query = Entity::find()
            .in_tenant(workspace_id)
            .filter(expenses::Column::Pid.eq(pid));
        if !deleted {
            query = query.filter(expenses::Column::DeletedAt.is_null());
        }
        query.one(db).await?.ok_or(ModelError::EntityNotFound)
    }

    /// # Errors
    /// On database errors.
    pub async fn tags<C: ConnectionTrait>(&self, db: &C) -> ModelResult<Vec<String>> {
        Ok(expense_tags::Entity::find()
            .in_tenant(self.workspace_id)
            .filter(expense_tags::Column::ExpenseId.eq(self.id))
            .order_by_asc(expense_tags::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|t| t.name)
            .collect())
    }

    /// The expense with its tags, category and payer.
    ///
    /// # Errors
    /// On database errors.
    pub async fn detailed<C: ConnectionTrait>(self, db: &C) -> ModelResult<Expense> {
        let mut list = Self::with_details(db, self.workspace_id, vec![self]).await?;
        list.pop().ok_or(ModelError::EntityNotFound)
    }

    async fn with_details<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
        rows: Vec<Self>,
    ) -> ModelResult<Vec<Expense>> {
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let mut tags: HashMap<i64, Vec<String>> = HashMap::new();
        if !ids.is_empty() {
            for tag in expense_tags::Entity::find()
                .in_tenant(workspace_id)
                .filter(expense_tags::Column::ExpenseId.is_in(ids))
                .order_by_asc(expense_tags::Column::Id)
                .all(db)
                .await?
            {
                tags.entry(tag.expense_id).or_default().push(tag.name);
            }
        }
        let categories: HashMap<i64, categories::Model> = categories::Model::list(db, workspace_id)
            .await?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
        let split_ids: Vec<i64> = rows
            .iter()
            .filter(|r| r.split_method.is_some())
            .map(|r| r.id)
            .collect();
        let mut shares: HashMap<i64, Vec<expense_shares::Model>> = HashMap::new();
        for share in expense_shares::Model::of_expenses(db, workspace_id, split_ids).await? {
            shares.entry(share.expense_id).or_default().push(share);
        }
        let mut people_ids: Vec<UserId> = rows.iter().filter_map(|r| r.paid_by_id).collect();
        people_ids.extend(shares.values().flatten().map(|s| s.user_id));
        let people: HashMap<UserId, users::Model> = if people_ids.is_empty() {
            HashMap::new()
        } else {
            users::Entity::find()
                .filter(users::Column::Id.is_in(people_ids))
                .all(db)
                .await?
                .into_iter()
                .map(|u| (u.id, u))
                .collect()
        };
        Ok(rows
            .into_iter()
            .map(|row| Expense {
                tags: tags.remove(&row.id).unwrap_or_default(),
                category: row.category_id.and_then(|id| categories.get(&id).cloned()),
                paid_by: row.paid_by_id.and_then(|id| people.get(&id).cloned()),
                shares: shares
                    .remove(&row.id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|s| {
                        let user = people.get(&s.user_id).cloned();
                        (s, user)
                    })
                    .collect(),
                row,
            })
            .collect())
    }
}
