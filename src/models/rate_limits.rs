//! Rate-limit counters kept in the database, so that every web process
//! spends from the same budget (counted in each process's memory, N
//! processes allowed N times the limit).
//!
//! A budget allows `limit` attempts per window; the window starts at the
//! first attempt and the count starts again once it has ended. One upsert
//! both counts an attempt and tells whether it is within the budget, so
//! concurrent attempts in any process cannot slip past it. Keys are stored
//! as SHA-256 digests: no address or token rests in the table.

use std::time::Duration;

use chrono::Utc;
use sea_orm::{ConnectionTrait, DbErr, Statement, Value};

use super::secrets;

/// How many attempts a window allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    pub limit: u32,
    pub window: Duration,
}

impl Budget {
    /// `limit` attempts a minute (at least one).
    #[must_use]
    pub fn per_minute(limit: u32) -> Self {
        Self {
            limit: limit.max(1),
            window: Duration::from_secs(60),
        }
    }

    /// `limit` attempts an hour (at least one).
    #[must_use]
    pub fn per_hour(limit: u32) -> Self {
        Self {
            limit: limit.max(1),
            window: Duration::from_secs(3600),
        }
    }
}

/// An attempt within its budget; [`refund`] gives it back.
#[derive(Debug, Clone)]
pub struct Spent {
    bucket: String,
    window_ends_at: i64,
}

/// An attempt over its budget, and how long until the window ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exceeded {
    pub retry_after: Duration,
}

/// Counts one attempt against `key`'s budget.
///
/// # Errors
/// On database errors. The attempt is then not counted; callers refuse it.
pub async fn spend<C: ConnectionTrait>(
    db: &C,
    key: &str,
    budget: Budget,
) -> Result<Result<Spent, Exceeded>, DbErr> {
    let now = Utc::now().timestamp_millis();
    let window = i64::try_from(budget.window.as_millis()).unwrap_or(i64::MAX / 2);
    let bucket = secrets::digest(key);
    // The SET expressions read the row as it was: a window still open
    // counts on, an ended one starts again at one.
    let sql = "INSERT INTO rate_limits (bucket, hits, window_ends_at) VALUES ($1, 1, $3) \
               ON CONFLICT (bucket) DO UPDATE SET \
                 hits = CASE WHEN rate_limits.window_ends_at > $2 \
                             THEN rate_limits.hits + 1 ELSE 1 END, \
                 window_ends_at = CASE WHEN rate_limits.window_ends_at > $2 \
                             THEN rate_limits.window_ends_at ELSE $3 END \
               RETURNING hits, window_ends_at";
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            sql,
            [
                Value::from(bucket.clone()),
                Value::from(now),
                Value::from(now.saturating_add(window)),
            ],
        ))
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("rate limit upsert returned no row".into()))?;
    let hits: i32 = row.try_get("", "hits")?;
    let window_ends_at: i64 = row.try_get("", "window_ends_at")?;
    if u32::try_from(hits).unwrap_or(0) <= budget.limit {
        return Ok(Ok(Spent {
            bucket,
            window_ends_at,
        }));
    }
    let wait = u64::try_from(window_ends_at.saturating_sub(now)).unwrap_or(0);
    Ok(Err(Exceeded {
        retry_after: Duration::from_millis(wait.max(1)),
    }))
}

/// Gives an attempt back (a password that proved right costs nothing),
/// unless its window has ended in the meantime.
///
/// # Errors
/// On database errors.
pub async fn refund<C: ConnectionTrait>(db: &C, spent: &Spent) -> Result<(), DbErr> {
    db.execute_raw(Statement::from_sql_and_values(
        db.get_database_backend(),
        "UPDATE rate_limits SET hits = hits - 1 \
         WHERE bucket = $1 AND window_ends_at = $2 AND hits > 0",
        [
            Value::from(spent.bucket.clone()),
            Value::from(spent.window_ends_at),
        ],
    ))
    .await?;
    Ok(())
}

/// Deletes the counters whose window has ended; returns how many.
///
/// # Errors
/// On database errors.
pub async fn prune<C: ConnectionTrait>(db: &C) -> Result<u64, DbErr> {
    let done = db
        .execute_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            "DELETE FROM rate_limits WHERE window_ends_at <= $1",
            [Value::from(Utc::now().timestamp_millis())],
        ))
        .await?;
    Ok(done.rows_affected())
}
