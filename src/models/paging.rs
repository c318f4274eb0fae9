//! One way to page every list: `?cursor=…&limit=…` in, `{items,
//! next_cursor}` out. A cursor names the last item of a page by its place
//! in the list's order (its sort key, not its position), so an item added,
//! changed or removed between two requests neither repeats nor hides
//! another. It also names its list, so one list's cursor is refused by
//! another.
//!
//! Lists that grow without bound (expenses, the audit log, notifications)
//! page in their query; the ones a plan or a person keeps small (a user's
//! workspaces, members, categories...) are read whole and paged here with
//! [`Page::of`], under the same contract.

use serde::{de::DeserializeOwned, Deserialize, Serialize};

use super::validation::FieldErrors;

/// Items per page when the request does not say.
pub const LIMIT_DEFAULT: u64 = 50;
/// The most items a page holds; a larger `limit` is refused, not clamped.
pub const LIMIT_MAX: u64 = 200;
/// The longest cursor a request may send.
pub const CURSOR_MAX_CHARS: usize = 512;

const BAD_CURSOR: &str = "is not a cursor from this list";

/// Where a page starts and how long it is. The document's bounds are
/// [`CURSOR_MAX_CHARS`] and [`LIMIT_MAX`] (a test holds them equal).
#[derive(Debug, Default, Clone, Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// The previous page's `next_cursor`; left out for the first page.
    #[param(max_length = 512)]
    pub cursor: Option<String>,
    /// Items per page: 1 to 200, 50 when left out.
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
}

impl PageQuery {
    /// The page's length, or why `limit` is not one.
    pub fn limit(&self) -> Result<u64, FieldErrors> {
        checked_limit(self.limit)
    }

    /// The sort key in `list` the page starts after; `None` for the first
    /// page.
    pub fn after<K: DeserializeOwned>(&self, list: &str) -> Result<Option<K>, FieldErrors> {
        decode_cursor(list, self.cursor.as_deref())
    }
}

/// `limit` between 1 and [`LIMIT_MAX`], [`LIMIT_DEFAULT`] when absent.
pub fn checked_limit(limit: Option<u64>) -> Result<u64, FieldErrors> {
    match limit {
        None => Ok(LIMIT_DEFAULT),
        Some(n) if (1..=LIMIT_MAX).contains(&n) => Ok(n),
        Some(_) => Err(FieldErrors::one(
            "limit",
            format!("must be between 1 and {LIMIT_MAX}"),
        )),
    }
}

/// The cursor that names `key` in `list`: opaque to clients (hex of the
/// JSON `[list, key]`).
#[must_use]
pub fn cursor_for<K: Serialize>(list: &str, key: &K) -> String {
    // Keys are numbers, strings, dates and tuples of them, which always
    // serialize.
    hex::encode(serde_json::to_vec(&(list, key)).unwrap_or_default())
}

/// The key a cursor of `list` names; blank reads as no cursor.
pub fn decode_cursor<K: DeserializeOwned>(
    list: &str,
    cursor: Option<&str>,
) -> Result<Option<K>, FieldErrors> {
    let Some(cursor) = cursor.map(str::trim).filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    let bad = || FieldErrors::one("cursor", BAD_CURSOR);
    if cursor.len() > CURSOR_MAX_CHARS {
        return Err(bad());
    }
    let (named, key): (String, K) = hex::decode(cursor)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .ok_or_else(bad)?;
    if named == list {
        Ok(Some(key))
    } else {
        Err(bad())
    }
}

/// One page of a list.
#[derive(Debug, Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Pass as `cursor` for the next page; `null` on the last one.
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// The page `query` asks for of `list`, held whole, ordered by `key`
    /// (which must tell every two items apart: end it on their id).
    pub fn of<K>(
        items: Vec<T>,
        query: &PageQuery,
        list: &str,
        key: impl Fn(&T) -> K,
    ) -> Result<Self, FieldErrors>
    where
        K: Ord + Serialize + DeserializeOwned,
    {
        let limit = usize::try_from(query.limit()?).unwrap_or(usize::MAX);
        let after: Option<K> = query.after(list)?;
        let mut keyed: Vec<(K, T)> = items.into_iter().map(|item| (key(&item), item)).collect();
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        let start = after.map_or(0, |after| keyed.partition_point(|(k, _)| *k <= after));
        let mut page: Vec<(K, T)> = keyed.into_iter().skip(start).take(limit + 1).collect();
        let next_cursor = if page.len() > limit {
            page.truncate(limit);
            page.last().map(|(last, _)| cursor_for(list, last))
        } else {
            None
        };
        Ok(Self {
            items: page.into_iter().map(|(_, item)| item).collect(),
            next_cursor,
        })
    }

    /// A page of `list` read by a query that fetched one row more than
    /// `limit`: that row, if it came, says a next page exists, which starts
    /// after the last kept item's `key`.
    #[must_use]
    pub fn from_rows<K: Serialize>(
        mut rows: Vec<T>,
        limit: u64,
        list: &str,
        key: impl Fn(&T) -> K,
    ) -> Self {
        let limit = usize::try_from(limit).unwrap_or(usize::MAX);
        let next_cursor = if rows.len() > limit {
            rows.truncate(limit);
            rows.last().map(|last| cursor_for(list, &key(last)))
        } else {
            None
        };
        Self {
            items: rows,
            next_cursor,
        }
    }

    /// The same page with each item turned into `U` (a model into its
    /// response).
    #[must_use]
    pub fn map<'a, U>(&'a self, f: impl FnMut(&'a T) -> U) -> Page<U> {
        Page {
            items: self.items.iter().map(f).collect(),
            next_cursor: self.next_cursor.clone(),
        }
    }
}

/// Declares the OpenAPI schema of a page of `$item`s, named `$name`: the
/// shape [`Page`] serializes to, with its items referring to `$item`'s own
/// schema (a generic schema would copy it inline, and generated clients
/// would get a second, unnamed class for every item type).
#[macro_export]
macro_rules! page_schema {
    ($name:ident, $item:ty) => {
        #[doc = concat!("One page of a list of `", stringify!($item), "`; `next_cursor` continues it.")]
        #[derive(Debug, utoipa::ToSchema)]
        #[allow(dead_code)]
        pub struct $name {
            pub items: Vec<$item>,
            /// Pass as `cursor` for the next page; `null` on the last one.
            #[schema(required = true)]
            pub next_cursor: Option<String>,
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(cursor: Option<String>, limit: u64) -> PageQuery {
        PageQuery {
            cursor,
            limit: Some(limit),
        }
    }

    fn numbers(
        items: Vec<u32>,
        cursor: Option<String>,
        limit: u64,
    ) -> Result<Page<u32>, FieldErrors> {
        Page::of(items, &query(cursor, limit), "numbers", |n| *n)
    }

    #[test]
    fn pages_walk_the_whole_list_once_in_order() {
        let items: Vec<u32> = vec![5, 3, 9, 1, 7];
        let mut seen = Vec::new();
        let mut cursor = None;
        loop {
            let page = numbers(items.clone(), cursor, 2).unwrap();
            seen.extend(page.items);
            match page.next_cursor {
                Some(next) => cursor = Some(next),
                None => break,
            }
        }
        assert_eq!(seen, vec![1, 3, 5, 7, 9]);
    }

    #[test]
    fn an_item_removed_between_pages_does_not_hide_the_next_one() {
        let first = numbers(vec![1, 2, 3, 4], None, 2).unwrap();
        assert_eq!(first.items, vec![1, 2]);
        // 2, the page's last item, is deleted before the next request.
        let second = numbers(vec![1, 3, 4], first.next_cursor, 2).unwrap();
        assert_eq!(second.items, vec![3, 4]);
        assert_eq!(second.next_cursor, None);
    }

    #[test]
    fn a_limit_outside_its_bounds_or_a_forged_cursor_is_refused() {
        for limit in [0, LIMIT_MAX + 1, u64::MAX] {
            assert!(numbers(vec![1], None, limit).is_err(), "{limit}");
        }
        assert!(numbers(vec![1], Some("zz".into()), 10).is_err());
        assert!(numbers(vec![1], Some(cursor_for("numbers", &"text")), 10).is_err());
        assert!(numbers(vec![1], Some("0".repeat(CURSOR_MAX_CHARS + 2)), 10).is_err());
        // Another list's cursor, though its key has the same type.
        assert!(numbers(vec![1], Some(cursor_for("letters", &1u32)), 10).is_err());
        assert!(numbers(vec![1], Some(cursor_for("numbers", &1u32)), 10).is_ok());
    }
}
