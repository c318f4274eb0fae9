//! Bringing an archive back into an empty workspace. Each record passes the
//! check of its own door (an expense as if a member added it, a rule as if
//! one set it up, a category, a payment), all before anything is kept: one
//! refused record refuses the archive, naming it (`expenses[3].amount`).

use crate::models::ids::WorkspaceId;
use std::collections::HashMap;

use loco_rs::prelude::*;
use sea_orm::{DatabaseTransaction, QuerySelect};

use super::{translate_template, Archive, ArchivedExpense, FORMAT, VERSION};
use crate::{
    models::{
        _entities::{categories, expenses, recurring_expenses, settlements, workspaces},
        audit_events::{self, Event},
        categories::check_fields as check_category,
        errors::{DomainError, DomainResult},
        expense_shares::{SplitParams, SplitPart},
        expenses::{Draft, ExpenseParams, Lookup, Origin},
        memberships::Roster,
        money,
        recurring_expenses::{RecurringParams, RuleDraft},
        settlements::SettlementParams,
        tenancy::{self, Tenant},
        validation::FieldErrors,
    },
    policies::WORKSPACE_UPDATE,
};

/// A refusal names at most this many records; fixing them shows the next.
const REFUSED_RECORDS_SHOWN: usize = 20;

/// How much a restore brought back.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Restored {
    pub categories: usize,
    pub expenses: usize,
    pub settlements: usize,
    pub recurring: usize,
}

/// The refusals of many records, each under its place in the archive.
#[derive(Default)]
struct Refusals {
    errors: FieldErrors,
    records: usize,
}

impl Refusals {
    /// Keeps a record's field errors under `place`; other refusals (the
    /// plan's, the database's) end the restore at once.
    fn keep<T>(&mut self, place: &str, checked: DomainResult<T>) -> DomainResult<Option<T>> {
        match checked {
            Ok(value) => Ok(Some(value)),
            Err(DomainError::Invalid(errors)) => {
                self.records += 1;
                if self.records <= REFUSED_RECORDS_SHOWN {
                    self.errors
                        .absorb(DomainError::Invalid(errors.within(place)));
                }
                Ok(None)
            }
            Err(other) => Err(other),
        }
    }

    fn finish(mut self) -> DomainResult<()> {
        if self.records > REFUSED_RECORDS_SHOWN {
            self.errors.add(
                "archive",
                format!(
                    "has {} records that cannot be restored; the first {REFUSED_RECORDS_SHOWN} are named",
                    self.records
                ),
            );
        }
        self.errors.checked()
    }
}

/// Checks what would stop `archive` from being restored into `workspace`,
/// and returns its members.
async fn check_target(
    db: &DatabaseTransaction,
    workspace: &workspaces::Model,
    archive: &Archive,
) -> DomainResult<Roster> {
    let fail = |message: String| Err(DomainError::field("archive", message));
    if archive.format != FORMAT || archive.version != VERSION {
        return fail(format!("is not a {FORMAT} of version {VERSION}"));
    }
    if money::currency(&archive.workspace.currency).is_none() {
        return fail("names an unknown currency".to_string());
    }
    if let Some(split) = &archive.workspace.default_split {
        if !crate::models::workspaces::DEFAULT_SPLITS.contains(&split.as_str()) {
            return fail(format!(
                "names an unknown default split `{split}` (equal or none)"
            ));
        }
    }
    if let Some(settle_up) = &archive.workspace.settle_up {
        if !crate::models::workspaces::SETTLE_UPS.contains(&settle_up.as_str()) {
            return fail(format!(
                "names an unknown way to settle up `{settle_up}` (base_currency or each_currency)"
            ));
        }
    }
    let id = workspace.id;
    let has_expenses = expenses::Entity::find()
        .in_tenant(id)
        .limit(1)
        .one(db)
        .await?;
    let has_settlements = settlements::Entity::find()
        .in_tenant(id)
        .limit(1)
        .one(db)
        .await?;
    let has_rules = recurring_expenses::Entity::find()
        .in_tenant(id)
        .limit(1)
        .one(db)
        .await?;
    if has_expenses.is_some() || has_settlements.is_some() || has_rules.is_some() {
        return fail("can only be restored into a workspace with no expenses yet".to_string());
    }
    let members = Roster::load(db, id).await?;
    let mut needed: Vec<&str> = Vec::new();
    for e in &archive.expenses {
        needed.extend(e.paid_by.iter().chain(&e.created_by).map(String::as_str));
        needed.extend(e.shares.iter().map(|s| s.member.as_str()));
    }
    for s in &archive.settlements {
        needed.extend([s.from.as_str(), s.to.as_str()]);
    }
    for r in &archive.recurring {
        needed.extend(r.created_by.iter().map(String::as_str));
        needed.extend(r.expense.paid_by.iter().map(String::as_str));
        needed.extend(
            r.expense
                .split
                .iter()
                .flat_map(|s| s.parts.iter().map(|p| p.member.as_str())),
        );
    }
    let mut missing: Vec<String> = needed
        .into_iter()
        .filter(|email| members.by_email(email).is_none())
        .map(str::to_lowercase)
        .collect();
    missing.sort();
    missing.dedup();
    if !missing.is_empty() {
        return fail(format!(
            "names people who are not members here; invite them first: {}",
            missing.join(", ")
        ));
    }
    Ok(members)
}

/// An archived expense as a member would send it: amounts in its own
/// currency, people and the category by public id.
fn expense_params(
    expense: &ArchivedExpense,
    members: &Roster,
    category_pids: &HashMap<String, String>,
) -> ExpenseParams {
    let currency = money::currency(&expense.currency);
    let amount =
        |minor: i64| currency.map_or_else(|| minor.to_string(), |c| money::format_minor(minor, c));
    let person = |email: &str| {
        members
            .by_email(email)
            .map_or_else(|| email.to_string(), |u| u.pid.to_string())
    };
    let split = expense.split_method.as_ref().map(|method| SplitParams {
        method: method.clone(),
        parts: expense
            .shares
            .iter()
            .map(|share| SplitPart {
                member: person(&share.member),
                value: match method.as_str() {
                    "equal" => None,
                    "exact" => Some(amount(share.original_amount_minor)),
                    _ => Some(share.weight.clone()),
                },
            })
            .collect(),
    });
    ExpenseParams {
        amount: Some(amount(expense.original_amount_minor)),
        date: Some(expense.date.to_string()),
        description: Some(expense.description.clone()),
        payee: expense.payee.clone(),
        notes: expense.notes.clone(),
        // A name the archive does not list stays a name: not a category here.
        category_id: Some(
            expense
                .category
                .as_ref()
                .map(|name| {
                    category_pids
                        .get(name)
                        .cloned()
                        .unwrap_or_else(|| name.clone())
                })
                .unwrap_or_default(),
        ),
        tags: Some(expense.tags.clone()),
        paid_by: expense.paid_by.as_deref().map(person),
        currency: Some(expense.currency.clone()),
        rate: Some(expense.rate.clone()),
        split,
        notation: crate::models::money::Notation::Plain,
    }
}

/// The archive's categories, replacing the unused defaults; by name.
async fn restore_categories(
    db: &DatabaseTransaction,
    workspace_id: WorkspaceId,
    archive: &Archive,
) -> DomainResult<HashMap<String, String>> {
    let existing: HashMap<String, categories::Model> = categories::Entity::find()
        .in_tenant(workspace_id)
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.name.clone(), c))
        .collect();
    let mut kept: HashMap<String, (i64, Uuid)> = HashMap::new();
    for category in &archive.categories {
        let row = match existing.get(&category.name) {
            Some(row) => {
                let mut active = row.clone().into_active_model();
                active.color = Set(category.color.to_lowercase());
                active.parent_id = Set(None);
                active.update(db).await?
            }
            None => {
                categories::ActiveModel {
                    pid: Set(Uuid::new_v4()),
                    workspace_id: Set(workspace_id),
                    name: Set(category.name.trim().to_string()),
                    color: Set(category.color.to_lowercase()),
                    ..Default::default()
                }
                .insert(db)
                .await?
            }
        };
        kept.insert(category.name.clone(), (row.id, row.pid));
    }
    let unused: Vec<i64> = existing
        .values()
        .filter(|c| !kept.contains_key(&c.name))
        .map(|c| c.id)
        .collect();
    categories::Entity::delete_many()
        .in_tenant(workspace_id)
        .filter(categories::Column::Id.is_in(unused))
        .exec(db)
        .await?;
    for category in &archive.categories {
        let (Some((row, _)), Some((parent, _))) = (
            kept.get(&category.name),
            category.parent.as_ref().and_then(|p| kept.get(p)),
        ) else {
            continue;
        };
        categories::Entity::update_many()
            .col_expr(categories::Column::ParentId, Expr::value(*parent))
            .in_tenant(workspace_id)
            .filter(categories::Column::Id.eq(*row))
            .exec(db)
            .await?;
    }
    Ok(kept
        .into_iter()
        .map(|(name, (_, pid))| (name, pid.to_string()))
        .collect())
}

/// Restores an archive into an empty workspace (its base currency becomes
/// the archive's): the one door for restoring, record by record.
///
/// # Errors
/// `Invalid` on `archive` when it is not an archive, the workspace already
/// has expenses, or people in it are not members yet; `Invalid` naming each
/// refused record (`expenses[3].amount`); the plan's refusal of a record;
/// nothing is written then.
#[allow(clippy::too_many_lines)] // one kind of record after another, in order
pub async fn restore(tenant: &Tenant<'_>, archive: &Archive) -> DomainResult<Restored> {
    tenant.ensure(WORKSPACE_UPDATE).await?;
    let members = check_target(tenant.db, tenant.workspace, archive).await?;
    let mut refusals = Refusals::default();
    for (i, category) in archive.categories.iter().enumerate() {
        let checked = check_category(&category.name, &category.color).checked();
        refusals.keep(&format!("categories[{i}]"), checked)?;
    }
    let txn = tenancy::begin_write(tenant.db).await?;
    let mut workspace = tenant.workspace.clone();
    let split = archive
        .workspace
        .default_split
        .clone()
        .unwrap_or_else(|| workspace.default_split.clone());
    let settle_up = archive
        .workspace
        .settle_up
        .clone()
        .unwrap_or_else(|| crate::models::workspaces::SETTLE_IN_BASE.to_string());
    if workspace.currency != archive.workspace.currency
        || workspace.default_split != split
        || workspace.settle_up != settle_up
    {
        let mut active = workspace.into_active_model();
        active.currency = Set(archive.workspace.currency.clone());
        active.default_split = Set(split);
        active.settle_up = Set(settle_up);
        workspace = active.update(&txn).await?;
    }
    // Records keep the people the archive names; the member restoring is
    // named in the audit log.
    let restoring = Tenant::job(
        &txn,
        &workspace,
        None,
        tenant.actor.clone(),
        tenant.limits.clone(),
    );
    let category_pids = restore_categories(&txn, workspace.id, archive).await?;
    let lookup = Lookup::load(&txn, workspace.id).await?;
    let person = |email: &str| members.by_email(email).map(|u| u.id);

    let pid_by_email: HashMap<String, String> = archive
        .recurring
        .iter()
        .flat_map(|r| {
            r.expense.paid_by.iter().chain(
                r.expense
                    .split
                    .iter()
                    .flat_map(|s| s.parts.iter().map(|p| &p.member)),
            )
        })
        .filter_map(|email| {
            let user = members.by_email(email)?;
            Some((email.clone(), user.pid.to_string()))
        })
        .collect();
    let mut rules: Vec<Option<RuleDraft>> = Vec::with_capacity(archive.recurring.len());
    for (i, rule) in archive.recurring.iter().enumerate() {
        let mut expense = rule.expense.clone();
        translate_template(&mut expense, &pid_by_email, &category_pids);
        let params = RecurringParams {
            frequency: rule.frequency.clone(),
            interval: Some(rule.interval),
            starts_on: rule.starts_on.to_string(),
            ends_on: rule.ends_on.map(|d| d.to_string()),
            expense,
        };
        let checked = RuleDraft::check(&restoring, &lookup, &params).await;
        rules.push(refusals.keep(&format!("recurring[{i}]"), checked)?);
    }
    let mut drafts: Vec<Option<Draft>> = Vec::with_capacity(archive.expenses.len());
    for (i, expense) in archive.expenses.iter().enumerate() {
        let params = expense_params(expense, &members, &category_pids);
        let checked = expenses::Model::draft(&restoring, &lookup, &params).await;
        drafts.push(refusals.keep(&format!("expenses[{i}]"), checked)?);
    }
    refusals.finish()?;

    // Every record passed: keep them. Rules first, their occurrences point
    // at them.
    let mut rule_ids = Vec::with_capacity(rules.len());
    for (draft, rule) in rules.iter().flatten().zip(&archive.recurring) {
        let mut row = draft.row(workspace.id, rule.created_by.as_deref().and_then(person));
        row.next_on = Set(rule.next_on);
        row.next_index = Set(rule.next_index);
        rule_ids.push(row.insert(&txn).await?.id);
    }
    let kept: Vec<(Draft, Origin)> = drafts
        .into_iter()
        .flatten()
        .zip(&archive.expenses)
        .map(|(draft, expense)| {
            let origin = Origin {
                occurrence: expense
                    .recurring
                    .and_then(|r| rule_ids.get(r).copied())
                    .zip(expense.occurrence_on),
                import_id: None,
                created_by_id: expense.created_by.as_deref().and_then(person),
                stamps: Some((expense.created_at, expense.updated_at)),
            };
            (draft, origin)
        })
        .collect();
    let mut rows = kept.into_iter();
    loop {
        let batch: Vec<(Draft, Origin)> = rows.by_ref().take(super::BATCH_ROWS).collect();
        if batch.is_empty() {
            break;
        }
        expenses::Model::record_drafts(&restoring, batch).await?;
    }

    let base = money::currency(&workspace.currency)
        .ok_or_else(|| DomainError::field("archive", "names an unknown currency"))?;
    let mut refusals = Refusals::default();
    for (i, s) in archive.settlements.iter().enumerate() {
        let pid = |email: &str| {
            members
                .by_email(email)
                .map(|u| u.pid.to_string())
                .unwrap_or_default()
        };
        // The payment's own currency (an unknown one is refused by
        // `record`, which names it).
        let currency = s.currency.as_deref().map_or(Some(base), money::currency);
        let params = SettlementParams {
            from: pid(&s.from),
            to: pid(&s.to),
            amount: match currency {
                Some(currency) if s.amount_minor > 0 => {
                    money::format_minor(s.amount_minor, currency)
                }
                _ => s.amount_minor.to_string(),
            },
            date: Some(s.date.to_string()),
            note: s.note.clone(),
            currency: s.currency.clone(),
            notation: money::Notation::Plain,
        };
        let recorded = crate::models::settlements::Model::record(&restoring, &params).await;
        refusals.keep(&format!("settlements[{i}]"), recorded)?;
    }
    refusals.finish()?;

    let restored = Restored {
        categories: archive.categories.len(),
        expenses: archive.expenses.len(),
        settlements: archive.settlements.len(),
        recurring: archive.recurring.len(),
    };
    audit_events::Model::record(
        &txn,
        workspace.id,
        &tenant.actor,
        Event {
            action: "workspace.restored",
            summary: format!(
                "restored an archive of \"{}\" ({} expenses)",
                archive.workspace.name, restored.expenses
            ),
            before: None,
            after: Some(serde_json::to_value(&restored)?),
        },
    )
    .await?;
    tenant.spending_changed(&txn).await?;
    txn.commit().await?;
    Ok(restored)
}
