use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use loco_rs::prelude::*;
use sea_orm::{
    sea_query::{ExprTrait, Func, Query},
    Condition,
};
use serde::Deserialize;
use serde_json::json;

pub use super::_entities::expenses::{self, ActiveModel, Entity, Model};
use super::{
    _entities::{expense_tags, users, workspaces},
    audit_events::{self, Actor, Event},
    budgets, categories,
    expense_shares::{self, Share, Split, SplitParams},
    memberships, money, tenancy,
    validation::FieldErrors,
};

const DESCRIPTION_MAX_CHARS: usize = 200;
const PAYEE_MAX_CHARS: usize = 100;
const NOTES_MAX_CHARS: usize = 2000;
const TAG_MAX_CHARS: usize = 40;
const TAGS_MAX: usize = 20;
pub const PAGE_SIZE_DEFAULT: u64 = 50;
pub const PAGE_SIZE_MAX: u64 = 200;
const PAGE_SIZE_EXPORT: u64 = PAGE_SIZE_MAX;

/// An expense to create, or the fields to change (left out: unchanged).
#[derive(Debug, Default, Clone, Deserialize, serde::Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ExpenseParams {
    /// Decimal string in `currency`, e.g. "12.34".
    pub amount: Option<String>,
    /// YYYY-MM-DD
    pub date: Option<String>,
    pub description: Option<String>,
    pub payee: Option<String>,
    pub notes: Option<String>,
    /// Public id of a category; empty for none.
    pub category_id: Option<String>,
    pub tags: Option<Vec<String>>,
    /// Public id of the member who paid; the creator when left out.
    pub paid_by: Option<String>,
    /// ISO 4217; the workspace's base currency when left out.
    pub currency: Option<String>,
    /// Base-currency units per unit of `currency`; required for another
    /// currency.
    pub rate: Option<String>,
    /// How the expense is shared; left out: unchanged (a new expense is not
    /// split). `{"method": "none"}` stops splitting it.
    pub split: Option<SplitParams>,
}

/// What narrows the list; the same for the API, the page and exports.
#[derive(Debug, Default, Clone, Deserialize, serde::Serialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct ExpenseFilter {
    pub from: Option<String>,
    pub to: Option<String>,
    pub category: Option<String>,
    pub tag: Option<String>,
    /// Public id of the member who paid.
    pub member: Option<String>,
    pub min: Option<String>,
    pub max: Option<String>,
    /// Free text in description, payee and notes.
    pub q: Option<String>,
    /// `newest` (the default), `oldest`, `largest` or `smallest`.
    pub sort: Option<String>,
    /// From a previous page's `next_cursor`.
    pub cursor: Option<String>,
    pub limit: Option<u64>,
}

impl ExpenseFilter {
    /// The filter as a query string without the cursor and limit, for links
    /// that keep it (next page, CSV export, the assistant's answers).
    #[must_use]
    pub fn query_string(&self) -> String {
        let pairs = [
            ("from", &self.from),
            ("to", &self.to),
            ("category", &self.category),
            ("tag", &self.tag),
            ("member", &self.member),
            ("min", &self.min),
            ("max", &self.max),
            ("q", &self.q),
            ("sort", &self.sort),
        ];
        let kept: Vec<(&str, &str)> = pairs
            .iter()
            .filter_map(|(k, v)| v.as_deref().filter(|v| !v.is_empty()).map(|v| (*k, v)))
            .collect();
        serde_urlencoded::to_string(kept).unwrap_or_default()
    }
}

/// The order of the list. Every order ends on the id, so a cursor (the last
/// row of a page) says exactly where the next page starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Newest,
    Oldest,
    Largest,
    Smallest,
}

impl Sort {
    pub const ALL: [Self; 4] = [Self::Newest, Self::Oldest, Self::Largest, Self::Smallest];

    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Newest => "newest",
            Self::Oldest => "oldest",
            Self::Largest => "largest",
            Self::Smallest => "smallest",
        }
    }

    fn parse(text: Option<&str>) -> Result<Self> {
        match text.map(str::trim).filter(|t| !t.is_empty()) {
            None => Ok(Self::Newest),
            Some(text) => Self::ALL
                .into_iter()
                .find(|s| s.as_str() == text)
                .ok_or_else(|| {
                    FieldErrors::one("sort", "must be newest, oldest, largest or smallest").into()
                }),
        }
    }

    fn key(self) -> (expenses::Column, sea_orm::Order) {
        match self {
            Self::Newest => (expenses::Column::SpentOn, sea_orm::Order::Desc),
            Self::Oldest => (expenses::Column::SpentOn, sea_orm::Order::Asc),
            Self::Largest => (expenses::Column::AmountMinor, sea_orm::Order::Desc),
            Self::Smallest => (expenses::Column::AmountMinor, sea_orm::Order::Asc),
        }
    }

    /// Rows that come after `last` in this order.
    fn after(self, last: &Model) -> Condition {
        let (column, order) = self.key();
        let value: sea_orm::Value = match column {
            expenses::Column::AmountMinor => last.amount_minor.into(),
            _ => last.spent_on.into(),
        };
        let descending = order == sea_orm::Order::Desc;
        let beyond = |col: expenses::Column, v: sea_orm::Value| {
            if descending {
                Expr::col(col).lt(v)
            } else {
                Expr::col(col).gt(v)
            }
        };
        Condition::any().add(beyond(column, value.clone())).add(
            Condition::all()
                .add(Expr::col(column).eq(value))
                .add(beyond(expenses::Column::Id, last.id.into())),
        )
    }
}

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

/// One page of the list, with totals over the whole filter.
#[derive(Debug)]
pub struct Listing {
    pub items: Vec<Expense>,
    pub next_cursor: Option<String>,
    pub total_minor: i64,
    pub count: u64,
}

impl ActiveModelBehavior for ActiveModel {}

impl TenantEntity for Entity {
    type TenantId = i64;

    fn tenant_column() -> expenses::Column {
        expenses::Column::WorkspaceId
    }
}

fn blank_to_none(value: Option<&String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

fn check_tags(errors: &mut FieldErrors, tags: &[String]) -> Vec<String> {
    let mut clean: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim();
        if tag.is_empty() {
            continue;
        }
        if tag.chars().count() > TAG_MAX_CHARS || tag.chars().any(char::is_control) {
            errors.add(
                "tags",
                format!("must each be at most {TAG_MAX_CHARS} plain characters"),
            );
            continue;
        }
        if !clean.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            clean.push(tag.to_string());
        }
    }
    if clean.len() > TAGS_MAX {
        errors.add("tags", format!("can be at most {TAGS_MAX}"));
    }
    clean
}

fn check_text(errors: &mut FieldErrors, field: &str, value: &str, max: usize) -> String {
    let value = value.trim().to_string();
    if value.chars().count() > max {
        errors.add(field, format!("must be at most {max} characters long"));
    }
    value
}

/// The checked values an expense will have.
struct Resolved {
    amount_minor: i64,
    original_amount_minor: i64,
    currency: String,
    rate: String,
    spent_on: NaiveDate,
    description: String,
    payee: Option<String>,
    notes: Option<String>,
    category_id: Option<i64>,
    paid_by_id: Option<i64>,
    tags: Option<Vec<String>>,
    /// The split's method and shares; `None` when not split.
    split: Option<(&'static str, Vec<Share>)>,
}

impl Model {
    /// Checks `params` over `current` (nothing, for a new expense).
    async fn resolve<C: ConnectionTrait>(
        db: &C,
        workspace: &workspaces::Model,
        payer: &users::Model,
        current: Option<&Self>,
        params: &ExpenseParams,
    ) -> Result<Resolved> {
        let mut errors = FieldErrors::new();
        let base = money::currency(&workspace.currency)
            .ok_or_else(|| Error::string("workspace has an invalid base currency"))?;

        let currency_code = params
            .currency
            .as_deref()
            .map(|c| c.trim().to_uppercase())
            .filter(|c| !c.is_empty())
            .or_else(|| current.map(|c| c.currency.clone()))
            .unwrap_or_else(|| workspace.currency.clone());
        let currency = money::currency(&currency_code);
        if currency.is_none() {
            errors.add("currency", "must be an ISO 4217 currency code, such as EUR");
        }

        let original = match (&params.amount, current, currency) {
            (Some(text), _, Some(currency)) => money::parse_amount(text, currency)
                .map_err(|message| errors.add("amount", message))
                .ok(),
            (None, Some(current), _) if current.currency == currency_code => {
                Some(current.original_amount_minor)
            }
            (None, Some(_), _) => {
                errors.add("amount", "must be given again when the currency changes");
                None
            }
            (None, None, _) => {
                errors.add("amount", "can't be blank");
                None
            }
            (Some(_), _, None) => None,
        };

        let rate = if currency_code == workspace.currency {
            match params
                .rate
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty())
            {
                Some(rate) if money::parse_rate(rate).ok() != Some(1.into()) => {
                    errors.add("rate", "must be left out for the workspace's own currency");
                    None
                }
                _ => Some(rust_decimal::Decimal::ONE),
            }
        } else {
            match params
                .rate
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty())
            {
                Some(rate) => money::parse_rate(rate)
                    .map_err(|message| errors.add("rate", message))
                    .ok(),
                None => match current.filter(|c| c.currency == currency_code) {
                    Some(current) => current.rate.parse().ok(),
                    None => {
                        errors.add(
                            "rate",
                            format!(
                                "is required for amounts in another currency than {}",
                                workspace.currency
                            ),
                        );
                        None
                    }
                },
            }
        };

        let spent_on = match (&params.date, current) {
            (Some(text), _) => errors.date("date", text),
            (None, Some(current)) => Some(current.spent_on),
            (None, None) => {
                errors.add("date", "can't be blank");
                None
            }
        };

        let description = match (&params.description, current) {
            (Some(text), _) => {
                let text = check_text(&mut errors, "description", text, DESCRIPTION_MAX_CHARS);
                if text.is_empty() {
                    errors.add("description", "can't be blank");
                }
                text
            }
            (None, Some(current)) => current.description.clone(),
            (None, None) => {
                errors.add("description", "can't be blank");
                String::new()
            }
        };
        let payee = match &params.payee {
            Some(text) => Some(check_text(&mut errors, "payee", text, PAYEE_MAX_CHARS))
                .filter(|p| !p.is_empty()),
            None => current.and_then(|c| c.payee.clone()),
        };
        let notes = match &params.notes {
            Some(text) => Some(check_text(&mut errors, "notes", text, NOTES_MAX_CHARS))
                .filter(|n| !n.is_empty()),
            None => current.and_then(|c| c.notes.clone()),
        };

        let category_id = match params.category_id.as_deref().map(str::trim) {
            Some("") => None,
            Some(pid) => match categories::Model::find_in(db, workspace.id, pid).await {
                Ok(category) => Some(category.id),
                Err(_) => {
                    errors.add("category_id", "is not a category of this workspace");
                    None
                }
            },
            None => current.and_then(|c| c.category_id),
        };

        let paid_by_id = match blank_to_none(params.paid_by.as_ref()) {
            Some(pid) => match memberships::Model::find_member(db, workspace.id, &pid).await {
                Ok(member) => Some(member.user.id),
                Err(_) => {
                    errors.add("paid_by", "is not a member of this workspace");
                    None
                }
            },
            None => current.map_or(Some(payer.id), |c| c.paid_by_id),
        };

        let tags = params
            .tags
            .as_ref()
            .map(|tags| check_tags(&mut errors, tags));

        let split = match &params.split {
            Some(split) => Split::check(db, workspace.id, currency, split)
                .await
                .map_err(|err| errors.merge(&err))
                .ok()
                .flatten(),
            None => match current {
                Some(current) => Self::split_of(db, current).await?,
                None => None,
            },
        };

        let converted = match (original, currency, rate) {
            (Some(original), Some(currency), Some(rate)) => {
                money::convert(original, currency, rate, base)
                    .map_err(|message| errors.add("amount", message))
                    .ok()
            }
            _ => None,
        };
        let split = match (&split, original, converted, currency) {
            (Some(split), Some(original), Some(converted), Some(currency)) => split
                .divide(original, converted, currency)
                .map(|shares| Some((split.method.as_str(), shares)))
                .map_err(|err| errors.merge(&err))
                .ok()
                .flatten(),
            _ => None,
        };
        errors.into_result()?;
        // Every `None` above added an error, so these are all present now.
        let (Some(original_amount_minor), Some(amount_minor), Some(rate), Some(spent_on)) =
            (original, converted, rate, spent_on)
        else {
            return Err(Error::string("expense validation left a value unset"));
        };
        Ok(Resolved {
            amount_minor,
            original_amount_minor,
            currency: currency_code,
            rate: rate.to_string(),
            spent_on,
            description,
            payee,
            notes,
            category_id,
            paid_by_id,
            tags,
            split,
        })
    }

    /// The expense's current split, to divide again when its amount changes.
    async fn split_of<C: ConnectionTrait>(db: &C, expense: &Self) -> ModelResult<Option<Split>> {
        let Some(method) = expense.split_method.as_deref() else {
            return Ok(None);
        };
        let shares =
            expense_shares::Model::of_expenses(db, expense.workspace_id, vec![expense.id]).await?;
        Ok(Split::from_shares(method, &shares))
    }

    async fn write_tags<C: ConnectionTrait>(&self, db: &C, tags: &[String]) -> ModelResult<()> {
        expense_tags::Entity::delete_many()
            .filter(expense_tags::Column::WorkspaceId.eq(self.workspace_id))
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

    /// Checks what `params` would record, writing nothing (a recurring
    /// rule's template is checked this way).
    ///
    /// # Errors
    /// 422 naming each invalid field.
    pub async fn check<C: ConnectionTrait>(
        db: &C,
        workspace: &workspaces::Model,
        author: &users::Model,
        params: &ExpenseParams,
    ) -> Result<()> {
        Self::resolve(db, workspace, author, None, params).await?;
        Ok(())
    }

    /// Records an expense.
    ///
    /// # Errors
    /// 422 naming each invalid field; nothing is written then.
    pub async fn create<C: ConnectionTrait + TransactionTrait>(
        db: &C,
        workspace: &workspaces::Model,
        author: &users::Model,
        actor: &Actor,
        params: &ExpenseParams,
    ) -> Result<Self> {
        Self::insert(db, workspace, author, actor, params, None).await
    }

    /// Records the occurrence of a recurring rule on `date`.
    ///
    /// # Errors
    /// 422 when the rule's template no longer fits the workspace (a member
    /// left, a category went); a database error when the occurrence exists.
    pub async fn create_occurrence<C: ConnectionTrait + TransactionTrait>(
        db: &C,
        workspace: &workspaces::Model,
        author: &users::Model,
        actor: &Actor,
        params: &ExpenseParams,
        occurrence: (i64, NaiveDate),
    ) -> Result<Self> {
        Self::insert(db, workspace, author, actor, params, Some(occurrence)).await
    }

    async fn insert<C: ConnectionTrait + TransactionTrait>(
        db: &C,
        workspace: &workspaces::Model,
        author: &users::Model,
        actor: &Actor,
        params: &ExpenseParams,
        occurrence: Option<(i64, NaiveDate)>,
    ) -> Result<Self> {
        let values = Self::resolve(db, workspace, author, None, params).await?;
        let tags = values.tags.clone().unwrap_or_default();
        let txn = tenancy::begin_write(db).await?;
        let expense = ActiveModel {
            pid: Set(Uuid::new_v4()),
            workspace_id: Set(workspace.id),
            amount_minor: Set(values.amount_minor),
            original_amount_minor: Set(values.original_amount_minor),
            currency: Set(values.currency),
            rate: Set(values.rate),
            spent_on: Set(values.spent_on),
            description: Set(values.description),
            payee: Set(values.payee),
            notes: Set(values.notes),
            category_id: Set(values.category_id),
            paid_by_id: Set(values.paid_by_id),
            split_method: Set(values.split.as_ref().map(|s| s.0.to_string())),
            created_by_id: Set(Some(author.id)),
            updated_by_id: Set(Some(author.id)),
            recurring_id: Set(occurrence.map(|o| o.0)),
            occurrence_on: Set(occurrence.map(|o| o.1)),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        expense.write_tags(&txn, &tags).await?;
        expense.write_shares(&txn, values.split.as_ref()).await?;
        audit_events::Model::record(
            &txn,
            workspace.id,
            actor,
            Event {
                action: "expense.created",
                summary: format!("added \"{}\"", expense.description),
                before: None,
                after: Some(expense.audit_json(&tags)),
            },
        )
        .await?;
        budgets::record_crossings(&txn, workspace).await?;
        sea_orm::TransactionSession::commit(txn).await?;
        Ok(expense)
    }

    /// Changes the fields given.
    ///
    /// # Errors
    /// 422 naming each invalid field; nothing is written then.
    pub async fn update<C: ConnectionTrait + TransactionTrait>(
        &self,
        db: &C,
        workspace: &workspaces::Model,
        author: &users::Model,
        actor: &Actor,
        params: &ExpenseParams,
    ) -> Result<Self> {
        let values = Self::resolve(db, workspace, author, Some(self), params).await?;
        let before_tags = self.tags(db).await?;
        let tags = values.tags.clone().unwrap_or_else(|| before_tags.clone());
        let txn = tenancy::begin_write(db).await?;
        let mut active = self.clone().into_active_model();
        active.amount_minor = Set(values.amount_minor);
        active.original_amount_minor = Set(values.original_amount_minor);
        active.currency = Set(values.currency);
        active.rate = Set(values.rate);
        active.spent_on = Set(values.spent_on);
        active.description = Set(values.description);
        active.payee = Set(values.payee);
        active.notes = Set(values.notes);
        active.category_id = Set(values.category_id);
        active.paid_by_id = Set(values.paid_by_id);
        active.split_method = Set(values.split.as_ref().map(|s| s.0.to_string()));
        active.updated_by_id = Set(Some(author.id));
        let updated = active.update(&txn).await?;
        updated.write_tags(&txn, &tags).await?;
        updated.write_shares(&txn, values.split.as_ref()).await?;
        audit_events::Model::record(
            &txn,
            workspace.id,
            actor,
            Event {
                action: "expense.updated",
                summary: format!("changed \"{}\"", updated.description),
                before: Some(self.audit_json(&before_tags)),
                after: Some(updated.audit_json(&tags)),
            },
        )
        .await?;
        budgets::record_crossings(&txn, workspace).await?;
        sea_orm::TransactionSession::commit(txn).await?;
        Ok(updated)
    }

    /// Deletes the expense, keeping the row so it can be restored for a
    /// short while (undo).
    ///
    /// # Errors
    /// On database errors.
    pub async fn soft_delete<C: ConnectionTrait>(
        &self,
        db: &C,
        workspace: &workspaces::Model,
        actor: &Actor,
    ) -> Result<()> {
        let mut active = self.clone().into_active_model();
        active.deleted_at = Set(Some(Utc::now().into()));
        active.update(db).await?;
        audit_events::Model::record(
            db,
            self.workspace_id,
            actor,
            Event {
                action: "expense.deleted",
                summary: format!("deleted \"{}\"", self.description),
                before: Some(self.audit_json(&self.tags(db).await?)),
                after: None,
            },
        )
        .await?;
        budgets::record_crossings(db, workspace).await?;
        Ok(())
    }

    /// Brings back a deleted expense (the undo of [`Model::soft_delete`]).
    ///
    /// # Errors
    /// On database errors.
    pub async fn restore<C: ConnectionTrait>(
        &self,
        db: &C,
        workspace: &workspaces::Model,
        actor: &Actor,
    ) -> Result<Self> {
        let mut active = self.clone().into_active_model();
        active.deleted_at = Set(None);
        let restored = active.update(db).await?;
        audit_events::Model::record(
            db,
            self.workspace_id,
            actor,
            Event {
                action: "expense.restored",
                summary: format!("restored \"{}\"", self.description),
                before: None,
                after: Some(restored.audit_json(&restored.tags(db).await?)),
            },
        )
        .await?;
        budgets::record_crossings(db, workspace).await?;
        Ok(restored)
    }

    /// An expense of this workspace by public id; `deleted` includes deleted
    /// ones (for undo).
    ///
    /// # Errors
    /// `EntityNotFound` when there is no such expense here.
    pub async fn find_in<C: ConnectionTrait>(
        db: &C,
        workspace_id: i64,
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
            .filter(expense_tags::Column::WorkspaceId.eq(self.workspace_id))
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
        workspace_id: i64,
        rows: Vec<Self>,
    ) -> ModelResult<Vec<Expense>> {
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let mut tags: HashMap<i64, Vec<String>> = HashMap::new();
        if !ids.is_empty() {
            for tag in expense_tags::Entity::find()
                .filter(expense_tags::Column::WorkspaceId.eq(workspace_id))
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
        let mut people_ids: Vec<i64> = rows.iter().filter_map(|r| r.paid_by_id).collect();
        people_ids.extend(shares.values().flatten().map(|s| s.user_id));
        let people: HashMap<i64, users::Model> = if people_ids.is_empty() {
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

    /// Every expense matching `filter` (for exports), in its order, read a
    /// page at a time.
    ///
    /// # Errors
    /// 422 naming a filter value that makes no sense.
    pub async fn all_matching<C: ConnectionTrait>(
        db: &C,
        workspace: &workspaces::Model,
        filter: &ExpenseFilter,
    ) -> Result<Vec<Expense>> {
        // The filter is checked once, and no totals are counted.
        let condition = Self::condition(db, workspace, filter).await?;
        let mut filter = ExpenseFilter {
            limit: Some(PAGE_SIZE_EXPORT),
            cursor: None,
            ..filter.clone()
        };
        let mut all = Vec::new();
        loop {
            let (rows, next) = Self::page(db, workspace.id, &filter, condition.clone()).await?;
            all.extend(Self::with_details(db, workspace.id, rows).await?);
            match next {
                Some(cursor) => filter.cursor = Some(cursor),
                None => return Ok(all),
            }
        }
    }

    /// The workspace's expenses matching `filter`, newest first, one page at
    /// a time, with the total and count over the whole filter.
    ///
    /// # Errors
    /// 422 naming a filter value that makes no sense.
    pub async fn list<C: ConnectionTrait>(
        db: &C,
        workspace: &workspaces::Model,
        filter: &ExpenseFilter,
    ) -> Result<Listing> {
        let condition = Self::condition(db, workspace, filter).await?;
        let (total_minor, count) = Self::sum_and_count(db, workspace.id, condition.clone()).await?;
        let (rows, next_cursor) = Self::page(db, workspace.id, filter, condition).await?;
        Ok(Listing {
            items: Self::with_details(db, workspace.id, rows).await?,
            next_cursor,
            total_minor,
            count,
        })
    }

    /// The total and count over `filter`, as [`Self::list`] gives them,
    /// without reading any rows.
    ///
    /// # Errors
    /// 422 naming a filter value that makes no sense.
    pub async fn totals<C: ConnectionTrait>(
        db: &C,
        workspace: &workspaces::Model,
        filter: &ExpenseFilter,
    ) -> Result<(i64, u64)> {
        let condition = Self::condition(db, workspace, filter).await?;
        Self::sum_and_count(db, workspace.id, condition).await
    }

    async fn sum_and_count<C: ConnectionTrait>(
        db: &C,
        workspace_id: i64,
        condition: Condition,
    ) -> Result<(i64, u64)> {
        let (count, total) = Entity::find()
            .in_tenant(workspace_id)
            .filter(condition)
            .select_only()
            .column_as(expenses::Column::Id.count(), "count")
            .column_as(money::sum_minor(expenses::Column::AmountMinor), "total")
            .into_tuple::<(i64, Option<i64>)>()
            .one(db)
            .await?
            .unwrap_or((0, None));
        Ok((
            total.unwrap_or_default(),
            u64::try_from(count).unwrap_or_default(),
        ))
    }

    /// One page of the rows `condition` matches, in the filter's order and
    /// from its cursor, with the cursor of the next page.
    async fn page<C: ConnectionTrait>(
        db: &C,
        workspace_id: i64,
        filter: &ExpenseFilter,
        condition: Condition,
    ) -> Result<(Vec<Self>, Option<String>)> {
        let limit = filter
            .limit
            .unwrap_or(PAGE_SIZE_DEFAULT)
            .clamp(1, PAGE_SIZE_MAX);
        let sort = Sort::parse(filter.sort.as_deref())?;
        let mut page = Entity::find().in_tenant(workspace_id).filter(condition);
        if let Some(cursor) = blank_to_none(filter.cursor.as_ref()) {
            let bad = || Error::from(FieldErrors::one("cursor", "is not a cursor from this list"));
            let last = Self::find_in(db, workspace_id, &cursor, true)
                .await
                .map_err(|_| bad())?;
            page = page.filter(sort.after(&last));
        }
        let (column, order) = sort.key();
        let mut rows = page
            .order_by(column, order.clone())
            .order_by(expenses::Column::Id, order)
            .limit(limit + 1)
            .all(db)
            .await?;
        let next_cursor = if rows.len() as u64 > limit {
            rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
            rows.last().map(|last| last.pid.to_string())
        } else {
            None
        };
        Ok((rows, next_cursor))
    }

    async fn condition<C: ConnectionTrait>(
        db: &C,
        workspace: &workspaces::Model,
        filter: &ExpenseFilter,
    ) -> Result<Condition> {
        let mut errors = FieldErrors::new();
        let mut condition = Condition::all().add(expenses::Column::DeletedAt.is_null());
        if let Some(from) = blank_to_none(filter.from.as_ref()) {
            if let Some(date) = errors.date("from", &from) {
                condition = condition.add(expenses::Column::SpentOn.gte(date));
            }
        }
        if let Some(to) = blank_to_none(filter.to.as_ref()) {
            if let Some(date) = errors.date("to", &to) {
                condition = condition.add(expenses::Column::SpentOn.lte(date));
            }
        }
        let base = money::currency(&workspace.currency)
            .ok_or_else(|| Error::string("workspace has an invalid base currency"))?;
        for (field, value, at_least) in [("min", &filter.min, true), ("max", &filter.max, false)] {
            if let Some(text) = blank_to_none(value.as_ref()) {
                match money::parse_amount(&text, base) {
                    Ok(minor) if at_least => {
                        condition = condition.add(expenses::Column::AmountMinor.gte(minor));
                    }
                    Ok(minor) => {
                        condition = condition.add(expenses::Column::AmountMinor.lte(minor))
                    }
                    Err(message) => errors.add(field, message),
                }
            }
        }
        if let Some(pid) = blank_to_none(filter.category.as_ref()) {
            match categories::Model::find_in(db, workspace.id, &pid).await {
                Ok(category) => {
                    condition = condition.add(expenses::Column::CategoryId.eq(category.id))
                }
                Err(_) => errors.add("category", "is not a category of this workspace"),
            }
        }
        if let Some(pid) = blank_to_none(filter.member.as_ref()) {
            match memberships::Model::find_member(db, workspace.id, &pid).await {
                Ok(member) => {
                    condition = condition.add(expenses::Column::PaidById.eq(member.user.id))
                }
                Err(_) => errors.add("member", "is not a member of this workspace"),
            }
        }
        if let Some(tag) = blank_to_none(filter.tag.as_ref()) {
            condition = condition.add(
                expenses::Column::Id.in_subquery(
                    Query::select()
                        .column(expense_tags::Column::ExpenseId)
                        .from(expense_tags::Entity)
                        .and_where(expense_tags::Column::WorkspaceId.eq(workspace.id))
                        .and_where(
                            Expr::expr(Func::lower(Expr::col(expense_tags::Column::Name)))
                                .eq(tag.to_lowercase()),
                        )
                        .to_owned(),
                ),
            );
        }
        if let Some(q) = blank_to_none(filter.q.as_ref()) {
            let pattern = format!(
                "%{}%",
                q.to_lowercase()
                    .replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            );
            let like = |column: expenses::Column| {
                Expr::expr(Func::lower(Expr::col(column)))
                    .like(sea_orm::sea_query::LikeExpr::new(pattern.clone()).escape('\\'))
            };
            condition = condition.add(
                Condition::any()
                    .add(like(expenses::Column::Description))
                    .add(like(expenses::Column::Payee))
                    .add(like(expenses::Column::Notes)),
            );
        }
        errors.into_result()?;
        Ok(condition)
    }
}
