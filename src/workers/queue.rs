//! The job queue's storage, what enqueues, and what operators need to see
//! and retry dead jobs.
//!
//! On Postgres the queue lives in the app's database (apalis' own `apalis`
//! schema). On SQLite it lives in a file of its own beside the app's
//! (`smartexpense-jobs.sqlite` next to `smartexpense.sqlite`): SQLite has one
//! writer at a time, and a queue polled in the same file made the app's own
//! transactions lose their upgrade to a write lock ("database is locked" on
//! the first request after start).

use std::sync::Arc;

use apalis::prelude::{TaskBuilder, TaskSink};
use apalis_postgres::{PgPool, PostgresStorage};
use apalis_sqlite::{SqlitePool, SqliteStorage};
use loco_rs::prelude::*;
use sea_orm::{DatabaseBackend, FromQueryResult, Statement};
use serde::Serialize;

use super::Job;

/// apalis' name for our one queue of [`Job`]s.
pub const QUEUE: &str = "smartexpense";
/// Tries per job (the first and its retries) before it is dead.
pub const MAX_ATTEMPTS: usize = 5;

/// Where the queue is kept; made once at start (see [`JobStore::open`]).
#[derive(Clone)]
pub enum JobStore {
    Postgres(PgPool),
    Sqlite(SqlitePool),
}

fn failed(err: &dyn std::fmt::Display) -> Error {
    Error::string(&format!("job queue: {err}"))
}

/// The queue's SQLite file for an app database URL: `x.sqlite` ->
/// `x-jobs.sqlite`, in the same folder, with the same options.
///
/// # Errors
/// For an in-memory database, which no second connection can share.
pub fn sqlite_jobs_url(app_url: &str) -> Result<String> {
    let (path, options) = app_url.split_once('?').unwrap_or((app_url, ""));
    if path.contains(":memory:") {
        return Err(Error::string(
            "job queue: an in-memory SQLite database cannot hold the queue; use a file",
        ));
    }
    let jobs = path.strip_suffix(".sqlite").map_or_else(
        || format!("{path}-jobs"),
        |stem| format!("{stem}-jobs.sqlite"),
    );
    Ok(if options.is_empty() {
        jobs
    } else {
        format!("{jobs}?{options}")
    })
}

impl JobStore {
    /// Runs apalis' migrations on Postgres as the tables' owner, granting
    /// `app_role` what workers need.
    ///
    /// # Errors
    /// When the database refuses them.
    pub async fn setup_as_owner(owner_url: &str, app_role: &str) -> Result<()> {
        let pool = PgPool::connect(owner_url).await.map_err(|e| failed(&e))?;
        PostgresStorage::setup(&pool)
            .await
            .map_err(|e| failed(&e))?;
        let conn = sea_orm::SqlxPostgresConnector::from_sqlx_postgres_pool(pool.clone());
        conn.execute_unprepared(&format!(
            "GRANT USAGE ON SCHEMA apalis TO \"{app_role}\";
             GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA apalis TO \"{app_role}\";
             GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA apalis TO \"{app_role}\";"
        ))
        .await?;
        pool.close().await;
        Ok(())
    }

    /// Connects to the queue of the app's database and keeps it in the
    /// context; with `setup`, first runs apalis' migrations (SQLite always
    /// does: the queue's file is the app's own to set up).
    ///
    /// # Errors
    /// When the queue's storage cannot be opened or set up.
    pub async fn open(ctx: &AppContext, setup: bool) -> Result<()> {
        let store = if ctx.db.get_database_backend() == DatabaseBackend::Postgres {
            let pool = ctx.db.get_postgres_connection_pool().clone();
            if setup {
                PostgresStorage::setup(&pool)
                    .await
                    .map_err(|e| failed(&e))?;
            }
            Self::Postgres(pool)
        } else {
            let url = sqlite_jobs_url(&ctx.config.database.uri)?;
            // Its own pool for the setup: apalis' setup relaxes
            // `synchronous` on the connections it runs on.
            let setup_pool = SqlitePool::connect(&url).await.map_err(|e| failed(&e))?;
            SqliteStorage::setup(&setup_pool)
                .await
                .map_err(|e| failed(&e))?;
            setup_pool.close().await;
            Self::Sqlite(SqlitePool::connect(&url).await.map_err(|e| failed(&e))?)
        };
        ctx.shared_store.insert(Arc::new(store));
        Ok(())
    }

    /// # Errors
    /// When the queue was not opened at start.
    pub fn get(ctx: &AppContext) -> Result<Arc<Self>> {
        ctx.shared_store
            .get::<Arc<Self>>()
            .ok_or_else(|| Error::string("the job queue is not set up"))
    }

    /// A SeaORM connection on the queue's pool, for the operators' queries.
    fn connection(&self) -> DatabaseConnection {
        match self {
            Self::Postgres(pool) => {
                sea_orm::SqlxPostgresConnector::from_sqlx_postgres_pool(pool.clone())
            }
            Self::Sqlite(pool) => sea_orm::SqlxSqliteConnector::from_sqlx_sqlite_pool(pool.clone()),
        }
    }

    fn table(&self) -> &'static str {
        match self {
            Self::Postgres(_) => "apalis.jobs",
            Self::Sqlite(_) => "Jobs",
        }
    }

    async fn push(&self, job: Job, key: Option<&str>) -> Result<()> {
        let mut task = TaskBuilder::new(job).max_attempts(MAX_ATTEMPTS);
        if let Some(key) = key {
            task = task.idempotency_key(key);
        }
        let task = task.build();
        let pushed = match self {
            Self::Postgres(pool) => PostgresStorage::<Job>::new(pool)
                .with_config(apalis_postgres::Config::default().queue(QUEUE))
                .push_task(task)
                .await
                .map_err(|e| e.to_string()),
            Self::Sqlite(pool) => SqliteStorage::<Job>::new(pool)
                .with_config(apalis_sqlite::Config::default().queue(QUEUE))
                .push_task(task)
                .await
                .map_err(|e| e.to_string()),
        };
        match pushed {
            Ok(()) => Ok(()),
            // The idempotency key's unique index: queued before.
            Err(err) if key.is_some() && err.to_lowercase().contains("unique") => Ok(()),
            Err(err) => Err(Error::string(&format!("could not queue a job: {err}"))),
        }
    }
}

/// Puts a job on the queue.
///
/// # Errors
/// When the database refuses it.
pub async fn enqueue(ctx: &AppContext, job: Job) -> Result<()> {
    JobStore::get(ctx)?.push(job, None).await
}

/// Puts a job on the queue unless one with the same `key` was ever queued
/// (a schedule firing in several worker processes queues it once).
///
/// # Errors
/// When the database refuses it.
pub async fn enqueue_once(ctx: &AppContext, job: Job, key: &str) -> Result<()> {
    JobStore::get(ctx)?.push(job, Some(key)).await
}

/// A job as operators see it.
#[derive(Debug, Clone, Serialize, FromQueryResult)]
pub struct JobRow {
    pub id: String,
    pub status: String,
    pub attempts: i32,
    pub max_attempts: i32,
    /// The job, as JSON: its kind and the ids it is about (never a secret;
    /// still shown only to operators who may manage jobs).
    pub job: String,
    pub last_result: Option<String>,
}

impl JobRow {
    /// What kind of job it is, without the ids: `mail: password_reset`,
    /// `import_expenses`.
    #[must_use]
    pub fn kind(&self) -> String {
        let value: serde_json::Value = serde_json::from_str(&self.job).unwrap_or_default();
        let tag = |v: &serde_json::Value, key: &str| {
            v.get(key).and_then(|t| t.as_str()).map(str::to_string)
        };
        match (
            tag(&value, "job"),
            value.get("mail").and_then(|m| tag(m, "mail")),
        ) {
            (Some(job), Some(mail)) => format!("{job}: {mail}"),
            (Some(job), None) => job,
            _ => "unknown".to_string(),
        }
    }
}

/// Dead jobs: failed on every attempt, or killed.
const DEAD: &str = "(status = 'Killed' OR (status = 'Failed' AND attempts >= max_attempts))";

/// Jobs waiting, running, or failed with attempts left.
const UNFINISHED: &str = "(status IN ('Pending', 'Queued', 'Running') OR (status = 'Failed' AND attempts < max_attempts))";

/// Dead jobs, newest first.
///
/// # Errors
/// On database errors.
pub async fn dead(ctx: &AppContext) -> Result<Vec<JobRow>> {
    list(ctx, DEAD).await
}

/// Jobs that finished, newest first (kept until pruned).
///
/// # Errors
/// On database errors.
pub async fn done(ctx: &AppContext) -> Result<Vec<JobRow>> {
    list(ctx, "status = 'Done'").await
}

/// Jobs not finished (waiting, running or to be retried), oldest first.
///
/// # Errors
/// On database errors.
pub async fn waiting(ctx: &AppContext) -> Result<Vec<JobRow>> {
    list(ctx, UNFINISHED).await
}

async fn list(ctx: &AppContext, condition: &str) -> Result<Vec<JobRow>> {
    let store = JobStore::get(ctx)?;
    let db = store.connection();
    let job_text = match *store {
        JobStore::Postgres(_) => "convert_from(job, 'UTF8')",
        JobStore::Sqlite(_) => "CAST(job AS TEXT)",
    };
    let sql = format!(
        "SELECT id, status, attempts, max_attempts, {job_text} AS job, \
         CAST(last_result AS TEXT) AS last_result FROM {} \
         WHERE job_type = '{QUEUE}' AND {condition} ORDER BY run_at DESC LIMIT 200",
        store.table()
    );
    Ok(
        JobRow::find_by_statement(Statement::from_string(db.get_database_backend(), sql))
            .all(&db)
            .await?,
    )
}

/// Puts a dead job back on the queue with fresh attempts; false when there
/// is no dead job with that id.
///
/// # Errors
/// On database errors.
pub async fn retry(ctx: &AppContext, id: &str) -> Result<bool> {
    let store = JobStore::get(ctx)?;
    let db = store.connection();
    let (now, param) = match *store {
        JobStore::Postgres(_) => ("now()", "$1"),
        JobStore::Sqlite(_) => ("strftime('%s', 'now')", "?"),
    };
    let sql = format!(
        "UPDATE {} SET status = 'Pending', attempts = 0, run_at = {now}, lock_by = NULL, \
         lock_at = NULL, done_at = NULL WHERE id = {param} AND {DEAD}",
        store.table()
    );
    let result = db
        .execute_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            sql,
            [id.into()],
        ))
        .await?;
    Ok(result.rows_affected() == 1)
}

/// Jobs still to run or running (0 when the queue is idle).
///
/// # Errors
/// On database errors.
pub async fn unfinished(ctx: &AppContext) -> Result<i64> {
    let store = JobStore::get(ctx)?;
    let db = store.connection();
    let sql = format!(
        "SELECT COUNT(*) AS n FROM {} WHERE job_type = '{QUEUE}' AND {UNFINISHED}",
        store.table()
    );
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?;
    Ok(row
        .and_then(|r| r.try_get::<i64>("", "n").ok())
        .unwrap_or_default())
}

/// Removes a dead job for good; false when there is no dead job with that id.
///
/// # Errors
/// On database errors.
pub async fn discard(ctx: &AppContext, id: &str) -> Result<bool> {
    let store = JobStore::get(ctx)?;
    let db = store.connection();
    let param = match *store {
        JobStore::Postgres(_) => "$1",
        JobStore::Sqlite(_) => "?",
    };
    let sql = format!(
        "DELETE FROM {} WHERE id = {param} AND job_type = '{QUEUE}' AND {DEAD}",
        store.table()
    );
    let result = db
        .execute_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            sql,
            [id.into()],
        ))
        .await?;
    Ok(result.rows_affected() == 1)
}

/// Removes jobs finished before `done_before` and dead jobs (see [`dead`])
/// last run before `dead_before`; returns how many. A removed job's
/// idempotency key goes with it: the keys name an alert, a member's week
/// or an hour, which never come round again.
///
/// # Errors
/// On database errors.
pub async fn prune(
    ctx: &AppContext,
    done_before: chrono::DateTime<chrono::Utc>,
    dead_before: chrono::DateTime<chrono::Utc>,
) -> Result<u64> {
    let store = JobStore::get(ctx)?;
    let db = store.connection();
    // apalis keeps times as timestamptz on Postgres, as Unix seconds on SQLite.
    let (done, dead, values): (_, _, [sea_orm::Value; 2]) = match *store {
        JobStore::Postgres(_) => ("$1", "$2", [done_before.into(), dead_before.into()]),
        JobStore::Sqlite(_) => (
            "?",
            "?",
            [
                done_before.timestamp().into(),
                dead_before.timestamp().into(),
            ],
        ),
    };
    let sql = format!(
        "DELETE FROM {} WHERE job_type = '{QUEUE}' AND \
         ((status = 'Done' AND COALESCE(done_at, run_at) < {done}) \
         OR ({DEAD} AND COALESCE(done_at, run_at) < {dead}))",
        store.table(),
    );
    let result = db
        .execute_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            sql,
            values,
        ))
        .await?;
    Ok(result.rows_affected())
}

/// How many jobs are in each state (`Pending`, `Running`, `Done`, `Failed`, `Killed`, ...).
///
/// # Errors
/// On database errors.
pub async fn counts(ctx: &AppContext) -> Result<Vec<(String, i64)>> {
    #[derive(FromQueryResult)]
    struct Count {
        status: String,
        n: i64,
    }
    let store = JobStore::get(ctx)?;
    let db = store.connection();
    let sql = format!(
        "SELECT status, COUNT(*) AS n FROM {} WHERE job_type = '{QUEUE}' GROUP BY status ORDER BY status",
        store.table()
    );
    Ok(
        Count::find_by_statement(Statement::from_string(db.get_database_backend(), sql))
            .all(&db)
            .await?
            .into_iter()
            .map(|c| (c.status, c.n))
            .collect(),
    )
}
