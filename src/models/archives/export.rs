//! Writing a workspace out as an archive.

use crate::models::ids::UserId;
use std::collections::{BTreeSet, HashMap};

use chrono::Utc;
use loco_rs::prelude::*;

use super::{
    translate_template, Archive, ArchivedCategory, ArchivedExpense, ArchivedMember,
    ArchivedRecurring, ArchivedSettlement, ArchivedShare, ArchivedWorkspace, FORMAT, VERSION,
};
use crate::models::{
    _entities::{
        categories, expense_shares, expense_tags, expenses, recurring_expenses, settlements, users,
        workspaces,
    },
    memberships,
};

/// Everything of a workspace, as an archive.
///
/// # Errors
/// On database errors.
// Stays whole (over 80 lines): one mapping per record type, read in the same
// transaction so the archive is consistent.
pub async fn export<C: ConnectionTrait>(db: &C, workspace: &workspaces::Model) -> Result<Archive> {
    let id = workspace.id;
    let members = memberships::Model::list(db, id).await?;
    let category_rows = categories::Entity::find()
        .in_tenant(id)
        .order_by_asc(categories::Column::Name)
        .all(db)
        .await?;
    let category_name: HashMap<i64, String> = category_rows
        .iter()
        .map(|c| (c.id, c.name.clone()))
        .collect();
    let expense_rows = expenses::Entity::find()
        .in_tenant(id)
        .filter(expenses::Column::DeletedAt.is_null())
        .order_by_asc(expenses::Column::SpentOn)
        .order_by_asc(expenses::Column::CreatedAt)
        .order_by_asc(expenses::Column::Id)
        .all(db)
        .await?;
    let settlement_rows = settlements::Entity::find()
        .in_tenant(id)
        .order_by_asc(settlements::Column::SettledOn)
        .order_by_asc(settlements::Column::Id)
        .all(db)
        .await?;
    let recurring_rows = recurring_expenses::Entity::find()
        .in_tenant(id)
        .order_by_asc(recurring_expenses::Column::Id)
        .all(db)
        .await?;

    let mut tags: HashMap<i64, Vec<String>> = HashMap::new();
    for tag in expense_tags::Entity::find()
        .in_tenant(id)
        .order_by_asc(expense_tags::Column::Name)
        .all(db)
        .await?
    {
        tags.entry(tag.expense_id).or_default().push(tag.name);
    }
    let mut shares: HashMap<i64, Vec<expense_shares::Model>> = HashMap::new();
    for share in expense_shares::Entity::find()
        .in_tenant(id)
        .order_by_asc(expense_shares::Column::UserId)
        .all(db)
        .await?
    {
        shares.entry(share.expense_id).or_default().push(share);
    }
    // Everyone referenced, members or not.
    let mut people_ids: BTreeSet<UserId> = BTreeSet::new();
    people_ids.extend(expense_rows.iter().filter_map(|e| e.paid_by_id));
    people_ids.extend(expense_rows.iter().filter_map(|e| e.created_by_id));
    people_ids.extend(shares.values().flatten().map(|s| s.user_id));
    people_ids.extend(
        settlement_rows
            .iter()
            .flat_map(|s| [s.from_user_id, s.to_user_id]),
    );
    people_ids.extend(recurring_rows.iter().filter_map(|r| r.created_by_id));
    let people: HashMap<UserId, users::Model> = users::Entity::find()
        .filter(users::Column::Id.is_in(people_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let email = |user_id: UserId| people.get(&user_id).map(|u| u.email.clone());
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
        let mut expense = crate::models::recurring_expenses::Model::expense_params(rule)?;
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
            default_split: Some(workspace.default_split.clone()),
            settle_up: Some(workspace.settle_up.clone()),
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
                    currency: Some(s.currency.clone()),
                    date: s.settled_on,
                    note: s.note.clone(),
                })
            })
            .collect(),
        recurring,
    })
}
