//! A whole workspace as one JSON document, and restoring one into an empty
//! workspace with nothing lost. People are named by email and categories by
//! name (ids differ between workspaces and instances); restoring needs
//! every person in the archive to be a member of the target first.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use loco_rs::prelude::*;
use sea_orm::QuerySelect;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{
    _entities::{
        categories, expense_shares, expense_tags, expenses, recurring_expenses, settlements, users,
        workspaces,
    },
    audit_events::{self, Actor, Event},
    expenses::ExpenseParams,
    memberships, money,
    validation::FieldErrors,
};

pub const FORMAT: &str = "smartexpense-archive";
pub const VERSION: u32 = 1;
const BATCH_ROWS: usize = 1000;

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Archive {
    pub format: String,
    pub version: u32,
    pub exported_at: String,
    pub workspace: ArchivedWorkspace,
    pub members: Vec<ArchivedMember>,
    pub categories: Vec<ArchivedCategory>,
    pub expenses: Vec<ArchivedExpense>,
    pub settlements: Vec<ArchivedSettlement>,
    pub recurring: Vec<ArchivedRecurring>,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ArchivedWorkspace {
    pub name: String,
    pub kind: String,
    pub currency: String,
    pub time_zone: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ArchivedMember {
    pub email: String,
    pub name: String,
    pub role: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ArchivedCategory {
    pub name: String,
    pub color: String,
    pub parent: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ArchivedShare {
    pub member: String,
    pub amount_minor: i64,
    pub original_amount_minor: i64,
    pub weight: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ArchivedExpense {
    pub date: NaiveDate,
    pub description: String,
    pub payee: Option<String>,
    pub notes: Option<String>,
    pub amount_minor: i64,
    pub original_amount_minor: i64,
    pub currency: String,
    pub rate: String,
    pub category: Option<String>,
    pub tags: Vec<String>,
    /// Emails; `null` for someone whose account is gone.
    pub paid_by: Option<String>,
    pub created_by: Option<String>,
    pub split_method: Option<String>,
    pub shares: Vec<ArchivedShare>,
    /// Index into `recurring` of the rule that made it, and for which date.
    pub recurring: Option<usize>,
    pub occurrence_on: Option<NaiveDate>,
    pub created_at: DateTime<FixedOffset>,
    pub updated_at: DateTime<FixedOffset>,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ArchivedSettlement {
    pub from: String,
    pub to: String,
    pub amount_minor: i64,
    pub date: NaiveDate,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ArchivedRecurring {
    pub frequency: String,
    pub interval: i32,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub next_on: Option<NaiveDate>,
    pub next_index: i32,
    pub description: String,
    /// The expense it creates, people by email and the category by name.
    pub expense: ExpenseParams,
    pub created_by: Option<String>,
}

/// Swaps the ids in a recurring template for portable names, or back.
fn translate_template(
    params: &mut ExpenseParams,
    people: &HashMap<String, String>,
    categories: &HashMap<String, String>,
) {
    if let Some(payer) = params.paid_by.as_mut() {
        if let Some(other) = people.get(payer.as_str()) {
            payer.clone_from(other);
        }
    }
    if let Some(category) = params.category_id.as_mut() {
        if let Some(other) = categories.get(category.as_str()) {
            category.clone_from(other);
        }
    }
    for part in params.split.iter_mut().flat_map(|s| s.parts.iter_mut()) {
        if let Some(other) = people.get(part.member.as_str()) {
            part.member.clone_from(other);
        }
    }
}

/// Everything of a workspace, as an archive.
///
/// # Errors
/// On database errors.
pub async fn export<C: ConnectionTrait>(db: &C, workspace: &workspaces::Model) -> Result<Archive> {
    let id = workspace.id;
    let members = memberships::Model::list(db, id).await?;
    let category_rows = categories::Entity::find()
        .filter(categories::Column::WorkspaceId.eq(id))
        .order_by_asc(categories::Column::Name)
        .all(db)
        .await?;
    let category_name: HashMap<i64, String> = category_rows
        .iter()
        .map(|c| (c.id, c.name.clone()))
        .collect();
    let expense_rows = expenses::Entity::find()
        .filter(expenses::Column::WorkspaceId.eq(id))
        .filter(expenses::Column::DeletedAt.is_null())
        .order_by_asc(expenses::Column::SpentOn)
        .order_by_asc(expenses::Column::CreatedAt)
        .order_by_asc(expenses::Column::Id)
        .all(db)
        .await?;
    let settlement_rows = settlements::Entity::find()
        .filter(settlements::Column::WorkspaceId.eq(id))
        .order_by_asc(settlements::Column::SettledOn)
        .order_by_asc(settlements::Column::Id)
        .all(db)
        .await?;
    let recurring_rows = recurring_expenses::Entity::find()
        .filter(recurring_expenses::Column::WorkspaceId.eq(id))
        .order_by_asc(recurring_expenses::Column::Id)
        .all(db)
        .await?;

    let mut tags: HashMap<i64, Vec<String>> = HashMap::new();
    for tag in expense_tags::Entity::find()
        .filter(expense_tags::Column::WorkspaceId.eq(id))
        .order_by_asc(expense_tags::Column::Name)
        .all(db)
        .await?
    {
        tags.entry(tag.expense_id).or_default().push(tag.name);
    }
    let mut shares: HashMap<i64, Vec<expense_shares::Model>> = HashMap::new();
    for share in expense_shares::Entity::find()
        .filter(expense_shares::Column::WorkspaceId.eq(id))
        .order_by_asc(expense_shares::Column::UserId)
        .all(db)
        .await?
    {
        shares.entry(share.expense_id).or_default().push(share);
    }
    // Everyone referenced, members or not.
    let mut people_ids: BTreeSet<i64> = BTreeSet::new();
    people_ids.extend(expense_rows.iter().filter_map(|e| e.paid_by_id));
    people_ids.extend(expense_rows.iter().filter_map(|e| e.created_by_id));
    people_ids.extend(shares.values().flatten().map(|s| s.user_id));
    people_ids.extend(
        settlement_rows
            .iter()
            .flat_map(|s| [s.from_user_id, s.to_user_id]),
    );
    people_ids.extend(recurring_rows.iter().filter_map(|r| r.created_by_id));
    let people: HashMap<i64, users::Model> = users::Entity::find()
        .filter(users::Column::Id.is_in(people_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let email = |user_id: i64| people.get(&user_id).map(|u| u.email.clone());
    let email_by_pid: HashMap<String, String> = people
        .values()
        .chain(members.iter().map(|m| &m.user))
        .map(|u| (u.pid.to_string(), u.email.clone()))
        .collect();
    let name_by_pid: HashMap<String, String> = category_rows
        .iter()
        .map(|c| (c.pid.to_string(), c.name.clone()))
        .collect();
    let rule_index: HashMap<i64, usize> = recurring_rows
        .iter()
        .enumerate()
        .map(|(index, r)| (r.id, index))
        .collect();

    let mut recurring = Vec::with_capacity(recurring_rows.len());
    for rule in &recurring_rows {
        let mut expense = super::recurring_expenses::Model::expense_params(rule)?;
        translate_template(&mut expense, &email_by_pid, &name_by_pid);
        recurring.push(ArchivedRecurring {
            frequency: rule.frequency.clone(),
            interval: rule.interval,
            starts_on: rule.starts_on,
            ends_on: rule.ends_on,
            next_on: rule.next_on,
            next_index: rule.next_index,
            description: rule.description.clone(),
            expense,
            created_by: rule.created_by_id.and_then(email),
        });
    }

    Ok(Archive {
        format: FORMAT.to_string(),
        version: VERSION,
        exported_at: Utc::now().to_rfc3339(),
        workspace: ArchivedWorkspace {
            name: workspace.name.clone(),
            kind: workspace.kind.clone(),
            currency: workspace.currency.clone(),
            time_zone: workspace.time_zone.clone(),
        },
        members: members
            .iter()
            .map(|m| ArchivedMember {
                email: m.user.email.clone(),
                name: m.user.name.clone(),
                role: m.membership.role.clone(),
            })
            .collect(),
        categories: category_rows
            .iter()
            .map(|c| ArchivedCategory {
                name: c.name.clone(),
                color: c.color.clone(),
                parent: c.parent_id.and_then(|p| category_name.get(&p).cloned()),
            })
            .collect(),
        expenses: expense_rows
            .iter()
            .map(|e| ArchivedExpense {
                date: e.spent_on,
                description: e.description.clone(),
                payee: e.payee.clone(),
                notes: e.notes.clone(),
                amount_minor: e.amount_minor,
                original_amount_minor: e.original_amount_minor,
                currency: e.currency.clone(),
                rate: e.rate.clone(),
                category: e.category_id.and_then(|c| category_name.get(&c).cloned()),
                tags: tags.remove(&e.id).unwrap_or_default(),
                paid_by: e.paid_by_id.and_then(email),
                created_by: e.created_by_id.and_then(email),
                split_method: e.split_method.clone(),
                shares: shares
                    .remove(&e.id)
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|s| {
                        Some(ArchivedShare {
                            member: email(s.user_id)?,
                            amount_minor: s.amount_minor,
                            original_amount_minor: s.original_amount_minor,
                            weight: s.weight,
                        })
                    })
                    .collect(),
                recurring: e.recurring_id.and_then(|r| rule_index.get(&r).copied()),
                occurrence_on: e.occurrence_on,
                created_at: e.created_at,
                updated_at: e.updated_at,
            })
            .collect(),
        settlements: settlement_rows
            .iter()
            .filter_map(|s| {
                Some(ArchivedSettlement {
                    from: email(s.from_user_id)?,
                    to: email(s.to_user_id)?,
                    amount_minor: s.amount_minor,
                    date: s.settled_on,
                    note: s.note.clone(),
                })
            })
            .collect(),
        recurring,
    })
}

/// How much a restore brought back.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Restored {
    pub categories: usize,
    pub expenses: usize,
    pub settlements: usize,
    pub recurring: usize,
}

/// Checks what would stop `archive` from being restored into `workspace`.
async fn check<C: ConnectionTrait>(
    db: &C,
    workspace: &workspaces::Model,
    archive: &Archive,
) -> Result<HashMap<String, users::Model>> {
    let fail = |message: String| -> Result<HashMap<String, users::Model>> {
        Err(FieldErrors::one("archive", message).into())
    };
    if archive.format != FORMAT || archive.version != VERSION {
        return fail(format!("is not a {FORMAT} of version {VERSION}"));
    }
    if money::currency(&archive.workspace.currency).is_none() {
        return fail("names an unknown currency".to_string());
    }
    let has_expenses = expenses::Entity::find()
        .filter(expenses::Column::WorkspaceId.eq(workspace.id))
        .limit(1)
        .one(db)
        .await?
        .is_some();
    let has_settlements = settlements::Entity::find()
        .filter(settlements::Column::WorkspaceId.eq(workspace.id))
        .limit(1)
        .one(db)
        .await?
        .is_some();
    let has_rules = recurring_expenses::Entity::find()
        .filter(recurring_expenses::Column::WorkspaceId.eq(workspace.id))
        .limit(1)
        .one(db)
        .await?
        .is_some();
    if has_expenses || has_settlements || has_rules {
        return fail("can only be restored into a workspace with no expenses yet".to_string());
    }
    let members: HashMap<String, users::Model> = memberships::Model::list(db, workspace.id)
        .await?
        .into_iter()
        .map(|m| (m.user.email.to_lowercase(), m.user))
        .collect();
    let mut needed: BTreeSet<String> = BTreeSet::new();
    for e in &archive.expenses {
        needed.extend(e.paid_by.iter().chain(&e.created_by).cloned());
        needed.extend(e.shares.iter().map(|s| s.member.clone()));
    }
    for s in &archive.settlements {
        needed.extend([s.from.clone(), s.to.clone()]);
    }
    for r in &archive.recurring {
        needed.extend(r.created_by.iter().cloned());
        needed.extend(r.expense.paid_by.iter().cloned());
        needed.extend(
            r.expense
                .split
                .iter()
                .flat_map(|s| s.parts.iter().map(|p| p.member.clone())),
        );
    }
    let missing: Vec<String> = needed
        .into_iter()
        .filter(|email| !members.contains_key(&email.to_lowercase()))
        .collect();
    if !missing.is_empty() {
        return fail(format!(
            "names people who are not members here; invite them first: {}",
            missing.join(", ")
        ));
    }
    Ok(members)
}

/// Restores an archive into an empty workspace (its base currency becomes
/// the archive's), in the caller's transaction.
///
/// # Errors
/// 422 on `archive` when it is not an archive, the workspace already has
/// expenses, or people in it are not members yet; nothing is written then.
pub async fn restore<C: ConnectionTrait>(
    db: &C,
    workspace: &workspaces::Model,
    actor: &Actor,
    archive: &Archive,
) -> Result<Restored> {
    let members = check(db, workspace, archive).await?;
    let person = |email: &str| members.get(&email.to_lowercase()).map(|u| u.id);
    let id = workspace.id;
    if workspace.currency != archive.workspace.currency {
        let mut active = workspace.clone().into_active_model();
        active.currency = Set(archive.workspace.currency.clone());
        active.update(db).await?;
    }

    // Categories: the archive's, replacing the unused defaults.
    let existing: HashMap<String, categories::Model> = categories::Entity::find()
        .filter(categories::Column::WorkspaceId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.name.clone(), c))
        .collect();
    let mut category_ids: HashMap<String, (i64, Uuid)> = HashMap::new();
    for category in &archive.categories {
        let row = match existing.get(&category.name) {
            Some(row) => {
                let mut active = row.clone().into_active_model();
                active.color = Set(category.color.clone());
                active.parent_id = Set(None);
                active.update(db).await?
            }
            None => {
                categories::ActiveModel {
                    pid: Set(Uuid::new_v4()),
                    workspace_id: Set(id),
                    name: Set(category.name.clone()),
                    color: Set(category.color.clone()),
                    ..Default::default()
                }
                .insert(db)
                .await?
            }
        };
        category_ids.insert(category.name.clone(), (row.id, row.pid));
    }
    let unused: Vec<i64> = existing
        .values()
        .filter(|c| !category_ids.contains_key(&c.name))
        .map(|c| c.id)
        .collect();
    categories::Entity::delete_many()
        .filter(categories::Column::WorkspaceId.eq(id))
        .filter(categories::Column::Id.is_in(unused))
        .exec(db)
        .await?;
    for category in archive.categories.iter().filter(|c| c.parent.is_some()) {
        let (Some((row, _)), Some((parent, _))) = (
            category_ids.get(&category.name),
            category.parent.as_ref().and_then(|p| category_ids.get(p)),
        ) else {
            continue;
        };
        categories::Entity::update_many()
            .col_expr(categories::Column::ParentId, Expr::value(*parent))
            .filter(categories::Column::WorkspaceId.eq(id))
            .filter(categories::Column::Id.eq(*row))
            .exec(db)
            .await?;
    }

    // Recurring rules first: their occurrences point at them.
    let pid_by_email: HashMap<String, String> = members
        .iter()
        .map(|(email, u)| (email.clone(), u.pid.to_string()))
        .collect();
    let category_pid_by_name: HashMap<String, String> = category_ids
        .iter()
        .map(|(name, (_, pid))| (name.clone(), pid.to_string()))
        .collect();
    let mut rule_ids = Vec::with_capacity(archive.recurring.len());
    for rule in &archive.recurring {
        let mut expense = rule.expense.clone();
        if let Some(payer) = expense.paid_by.as_mut() {
            *payer = payer.to_lowercase();
        }
        for part in expense.split.iter_mut().flat_map(|s| s.parts.iter_mut()) {
            part.member = part.member.to_lowercase();
        }
        translate_template(&mut expense, &pid_by_email, &category_pid_by_name);
        let row = recurring_expenses::ActiveModel {
            pid: Set(Uuid::new_v4()),
            workspace_id: Set(id),
            frequency: Set(rule.frequency.clone()),
            interval: Set(rule.interval),
            starts_on: Set(rule.starts_on),
            ends_on: Set(rule.ends_on),
            next_on: Set(rule.next_on),
            next_index: Set(rule.next_index),
            description: Set(rule.description.clone()),
            template: Set(serde_json::to_string(&json!({ "expense": expense }))?),
            created_by_id: Set(rule.created_by.as_deref().and_then(person)),
            ..Default::default()
        }
        .insert(db)
        .await?;
        rule_ids.push(row.id);
    }

    for chunk in archive.expenses.chunks(BATCH_ROWS) {
        let pids: Vec<Uuid> = chunk.iter().map(|_| Uuid::new_v4()).collect();
        expenses::Entity::insert_many(chunk.iter().zip(&pids).map(|(e, pid)| {
            expenses::ActiveModel {
                pid: Set(*pid),
                workspace_id: Set(id),
                amount_minor: Set(e.amount_minor),
                original_amount_minor: Set(e.original_amount_minor),
                currency: Set(e.currency.clone()),
                rate: Set(e.rate.clone()),
                spent_on: Set(e.date),
                description: Set(e.description.clone()),
                payee: Set(e.payee.clone()),
                notes: Set(e.notes.clone()),
                category_id: Set(e
                    .category
                    .as_ref()
                    .and_then(|c| category_ids.get(c))
                    .map(|c| c.0)),
                paid_by_id: Set(e.paid_by.as_deref().and_then(person)),
                created_by_id: Set(e.created_by.as_deref().and_then(person)),
                updated_by_id: Set(e.created_by.as_deref().and_then(person)),
                split_method: Set(e.split_method.clone()),
                recurring_id: Set(e.recurring.and_then(|r| rule_ids.get(r).copied())),
                occurrence_on: Set(e.occurrence_on),
                created_at: Set(e.created_at),
                updated_at: Set(e.updated_at),
                ..Default::default()
            }
        }))
        .exec(db)
        .await?;
        let ids: HashMap<Uuid, i64> = expenses::Entity::find()
            .filter(expenses::Column::WorkspaceId.eq(id))
            .filter(expenses::Column::Pid.is_in(pids.clone()))
            .select_only()
            .column(expenses::Column::Pid)
            .column(expenses::Column::Id)
            .into_tuple::<(Uuid, i64)>()
            .all(db)
            .await?
            .into_iter()
            .collect();
        let mut tag_rows = Vec::new();
        let mut share_rows = Vec::new();
        for (e, pid) in chunk.iter().zip(&pids) {
            let Some(expense_id) = ids.get(pid).copied() else {
                continue;
            };
            tag_rows.extend(e.tags.iter().map(|t| expense_tags::ActiveModel {
                workspace_id: Set(id),
                expense_id: Set(expense_id),
                name: Set(t.clone()),
                ..Default::default()
            }));
            share_rows.extend(e.shares.iter().filter_map(|s| {
                Some(expense_shares::ActiveModel {
                    workspace_id: Set(id),
                    expense_id: Set(expense_id),
                    user_id: Set(person(&s.member)?),
                    amount_minor: Set(s.amount_minor),
                    original_amount_minor: Set(s.original_amount_minor),
                    weight: Set(s.weight.clone()),
                    ..Default::default()
                })
            }));
        }
        if !tag_rows.is_empty() {
            expense_tags::Entity::insert_many(tag_rows).exec(db).await?;
        }
        if !share_rows.is_empty() {
            expense_shares::Entity::insert_many(share_rows)
                .exec(db)
                .await?;
        }
    }

    for s in &archive.settlements {
        let (Some(from), Some(to)) = (person(&s.from), person(&s.to)) else {
            continue;
        };
        settlements::ActiveModel {
            pid: Set(Uuid::new_v4()),
            workspace_id: Set(id),
            from_user_id: Set(from),
            to_user_id: Set(to),
            amount_minor: Set(s.amount_minor),
            settled_on: Set(s.date),
            note: Set(s.note.clone()),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }

    let restored = Restored {
        categories: archive.categories.len(),
        expenses: archive.expenses.len(),
        settlements: archive.settlements.len(),
        recurring: archive.recurring.len(),
    };
    audit_events::Model::record(
        db,
        id,
        actor,
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
    Ok(restored)
}
