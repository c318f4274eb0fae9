//! What the operators' console reads: the platform audit log and the
//! searches of accounts and workspaces, a page at a time.

use loco_rs::prelude::*;
use sea_orm::{Condition, PaginatorTrait, QueryOrder};

use crate::models::_entities::{platform_audit, users, workspaces};

/// A page of the platform audit log, newest first, optionally only one
/// action or one target.
///
/// # Errors
/// On database errors.
pub async fn audit_page<C: ConnectionTrait>(
    db: &C,
    action: Option<&str>,
    target: Option<&str>,
    page: u64,
) -> ModelResult<(Vec<platform_audit::Model>, u64)> {
    let mut query = platform_audit::Entity::find().order_by_desc(platform_audit::Column::Id);
    if let Some(action) = action.filter(|a| !a.is_empty()) {
        query = query.filter(platform_audit::Column::Action.eq(action));
    }
    if let Some(target) = target.filter(|t| !t.is_empty()) {
        query = query.filter(platform_audit::Column::Target.eq(target));
    }
    let pages = query.paginate(db, PAGE_SIZE);
    let total = pages.num_items().await?;
    Ok((pages.fetch_page(page).await?, total))
}

pub const PAGE_SIZE: u64 = 25;

/// Accounts whose name or address contains `q`, newest first.
///
/// # Errors
/// On database errors.
pub async fn search_users<C: ConnectionTrait>(
    db: &C,
    q: &str,
    locked_only: bool,
    page: u64,
) -> ModelResult<(Vec<users::Model>, u64)> {
    let mut query = users::Entity::find().order_by_desc(users::Column::Id);
    let q = q.trim().to_lowercase();
    if !q.is_empty() {
        query = query.filter(
            Condition::any()
                .add(users::Column::Email.contains(&q))
                .add(users::Column::Name.contains(&q)),
        );
    }
    if locked_only {
        query = query.filter(users::Column::LockedAt.is_not_null());
    }
    let pages = query.paginate(db, PAGE_SIZE);
    let total = pages.num_items().await?;
    Ok((pages.fetch_page(page).await?, total))
}

/// Workspaces whose name contains `q`, newest first.
///
/// # Errors
/// On database errors.
pub async fn search_workspaces<C: ConnectionTrait>(
    db: &C,
    q: &str,
    suspended_only: bool,
    page: u64,
) -> ModelResult<(Vec<workspaces::Model>, u64)> {
    let mut query = workspaces::Entity::find()
        .filter(workspaces::Column::DeletingAt.is_null())
        .order_by_desc(workspaces::Column::Id);
    if !q.trim().is_empty() {
        query = query.filter(workspaces::Column::Name.contains(q.trim()));
    }
    if suspended_only {
        query = query.filter(workspaces::Column::SuspendedAt.is_not_null());
    }
    let pages = query.paginate(db, PAGE_SIZE);
    let total = pages.num_items().await?;
    Ok((pages.fetch_page(page).await?, total))
}
