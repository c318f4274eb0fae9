//! Reading the list: filters, orders, pages and totals, the same for the
//! API, the page, exports and the assistant.

use crate::models::ids::WorkspaceId;
use loco_rs::prelude::*;
use migration::m20261210_000001_search_index::{SEARCH_TEXT_POSTGRES, SEARCH_TEXT_SQLITE};
use sea_orm::{
    sea_query::{ExprTrait, Func, Query},
    Condition,
};
use serde::Deserialize;

use super::{
    draft::{blank_to_none, TAG_MAX_CHARS},
    expenses, Entity, Expense, Model,
};
use crate::models::{
    _entities::{expense_tags, workspaces},
    categories, figures, memberships, money, paging, tenancy,
    validation::FieldErrors,
};

const PAGE_SIZE_EXPORT: u64 = paging::LIMIT_MAX;
/// The longest text searched for (`q`).
const SEARCH_MAX_CHARS: usize = 200;

/// What narrows the list; the same for the API, the page and exports.
#[derive(Debug, Default, Clone, Deserialize, serde::Serialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct ExpenseFilter {
    /// The earliest date, `YYYY-MM-DD`.
    #[param(schema_with = crate::models::schema::date_or_empty)]
    pub from: Option<String>,
    /// The latest date, `YYYY-MM-DD`.
    #[param(schema_with = crate::models::schema::date_or_empty)]
    pub to: Option<String>,
    /// Public id of a category (its subcategories count too).
    #[param(schema_with = crate::models::schema::id_or_empty)]
    pub category: Option<String>,
    #[param(max_length = 40)] // TAG_MAX_CHARS
    pub tag: Option<String>,
    /// Public id of the member who paid.
    #[param(schema_with = crate::models::schema::id_or_empty)]
    pub member: Option<String>,
    /// The smallest amount, in the workspace's currency.
    #[param(schema_with = crate::models::schema::decimal_or_empty)]
    pub min: Option<String>,
    /// The largest amount, in the workspace's currency.
    #[param(schema_with = crate::models::schema::decimal_or_empty)]
    pub max: Option<String>,
    /// Free text in description, payee and notes.
    #[param(max_length = 200)] // SEARCH_MAX_CHARS
    pub q: Option<String>,
    /// `newest` (the default), `oldest`, `largest` or `smallest`.
    #[param(schema_with = crate::models::schema::sort_or_empty)]
    pub sort: Option<String>,
    /// From a previous page's `next_cursor` (documented with the list's
    /// `PageQuery`; the CSV export reads every page).
    #[param(ignore)]
    pub cursor: Option<String>,
    /// Items per page (`PageQuery`).
    #[param(ignore)]
    pub limit: Option<u64>,
    /// How `min` and `max` are written: exactly by the API; as typed in
    /// the pages' filter (`12,50`).
    #[serde(skip)]
    #[param(ignore)]
    pub notation: money::Notation,
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

    /// Rows that come after `at` in this order.
    fn after(self, at: &Position) -> Condition {
        let (column, order) = self.key();
        let value: sea_orm::Value = match column {
            expenses::Column::AmountMinor => at.amount_minor.into(),
            _ => at.spent_on.into(),
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
                .add(beyond(expenses::Column::Id, at.id.into())),
        )
    }
}

/// The list's name in its cursors.
const LIST: &str = "expenses";

/// Where a page ends: its last row's place in the order, by value rather
/// than by row, so the next page starts in the right place even when that
/// row is changed or deleted in between.
#[derive(Debug, serde::Serialize, Deserialize)]
struct Position {
    sort: String,
    spent_on: chrono::NaiveDate,
    amount_minor: i64,
    id: i64,
}

impl Position {
    fn of(sort: Sort, row: &Model) -> Self {
        Self {
            sort: sort.as_str().to_string(),
            spent_on: row.spent_on,
            amount_minor: row.amount_minor,
            id: row.id,
        }
    }
}

/// One page of the list, with totals over the whole filter.
#[derive(Debug)]
pub struct Listing {
    pub items: Vec<Expense>,
    pub next_cursor: Option<String>,
    pub total_minor: i64,
    pub count: u64,
}

impl Model {
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
        let (total_minor, count) =
            Self::kept_sum_and_count(db, workspace, filter, condition.clone()).await?;
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
        Self::kept_sum_and_count(db, workspace, filter, condition).await
    }

    /// The total and count from this process's figures while the workspace
    /// is unchanged (see [`crate::models::figures`]): with no change in
    /// between, reading the next page or the same filter again counts
    /// nothing.
    async fn kept_sum_and_count<C: ConnectionTrait>(
        db: &C,
        workspace: &workspaces::Model,
        filter: &ExpenseFilter,
        condition: Condition,
    ) -> Result<(i64, u64)> {
        // Everything that narrows the list, and nothing that only orders
        // or pages it.
        let key = format!(
            "{:?}&{}",
            filter.notation,
            ExpenseFilter {
                sort: None,
                ..filter.clone()
            }
            .query_string()
        );
        figures::totals(
            workspace,
            key,
            Self::sum_and_count(db, workspace.id, condition),
        )
        .await
    }

    async fn sum_and_count<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
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
        workspace_id: WorkspaceId,
        filter: &ExpenseFilter,
        condition: Condition,
    ) -> Result<(Vec<Self>, Option<String>)> {
        let limit = paging::checked_limit(filter.limit)?;
        let sort = Sort::parse(filter.sort.as_deref())?;
        let mut page = Entity::find().in_tenant(workspace_id).filter(condition);
        if let Some(at) = paging::decode_cursor::<Position>(LIST, filter.cursor.as_deref())? {
            if at.sort != sort.as_str() {
                return Err(FieldErrors::one(
                    "cursor",
                    "is from the list in another order; start again without it",
                )
                .into());
            }
            page = page.filter(sort.after(&at));
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
            rows.last()
                .map(|last| paging::cursor_for(LIST, &Position::of(sort, last)))
        } else {
            None
        };
        Ok((rows, next_cursor))
    }

    // Stays whole (over 80 lines): one clause per filter field, built in one
    // place so the list, its totals and the CSV agree.
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
                match money::parse_amount_as(&text, base, filter.notation) {
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
                Err(ModelError::EntityNotFound) => {
                    errors.add("category", "is not a category of this workspace");
                }
                Err(err) => return Err(err.into()),
            }
        }
        if let Some(pid) = blank_to_none(filter.member.as_ref()) {
            match memberships::Model::find_member(db, workspace.id, &pid).await {
                Ok(member) => {
                    condition = condition.add(expenses::Column::PaidById.eq(member.user.id))
                }
                Err(ModelError::EntityNotFound) => {
                    errors.add("member", "is not a member of this workspace");
                }
                Err(err) => return Err(err.into()),
            }
        }
        if let Some(tag) = blank_to_none(filter.tag.as_ref()) {
            let tag = errors.text("tag", &tag, TAG_MAX_CHARS, false);
            condition = condition.add(
                expenses::Column::Id.in_subquery(
                    Query::select()
                        .column(expense_tags::Column::ExpenseId)
                        .from(expense_tags::Entity)
                        .and_where(tenancy::in_workspace::<expense_tags::Entity>(workspace.id))
                        .and_where(
                            Expr::expr(Func::lower(Expr::col(expense_tags::Column::Name)))
                                .eq(tag.to_lowercase()),
                        )
                        .to_owned(),
                ),
            );
        }
        if let Some(q) = blank_to_none(filter.q.as_ref()) {
            let q = errors.text("q", &q, SEARCH_MAX_CHARS, false);
            let pattern = format!(
                "%{}%",
                q.to_lowercase()
                    .replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            );
            // One expression over description, payee and notes, the one
            // Postgres's trigram index is built on.
            let text = match db.get_database_backend() {
                sea_orm::DatabaseBackend::Postgres => SEARCH_TEXT_POSTGRES,
                _ => SEARCH_TEXT_SQLITE,
            };
            condition = condition.add(
                Expr::cust(text).like(sea_orm::sea_query::LikeExpr::new(pattern).escape('\\')),
            );
        }
        errors.into_result()?;
        Ok(condition)
    }
}
