//! Runs the workers: the queue's jobs and the schedules, under one apalis
//! monitor. Stopping it lets running jobs finish (up to [`SHUTDOWN_GRACE`]);
//! a job still running then, or one whose process was killed, stays locked
//! by its worker until the others see that worker's heartbeat stop
//! (`settings.jobs.heartbeat_secs`, two missed) and return the job to the
//! queue, where it runs again. A run that takes longer than
//! `settings.jobs.time_limit_secs` is stopped and retried like a failure.

use std::{sync::Arc, time::Duration};

use apalis::{
    layers::retry::{
        backoff::{ExponentialBackoff, ExponentialBackoffMaker, MakeBackoff},
        BackoffRetryPolicy, HasherRng, RetryPolicy,
    },
    prelude::*,
};
use apalis_cron::CronScheduler;
use apalis_postgres::PostgresStorage;
use apalis_sqlite::SqliteStorage;
use loco_rs::prelude::*;
use tokio::{sync::Notify, task::JoinHandle};

use crate::settings::Settings;

use super::{
    queue::{self, JobStore},
    schedules, Job,
};

/// How long a stopping worker waits for running jobs.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(30);
/// The pause before a failed worker is restarted.
const RESTART_PAUSE: Duration = Duration::from_millis(500);
/// Jobs one process runs (and takes from the queue) at once.
const CONCURRENCY: usize = 4;

/// The running workers of this process.
pub struct Workers {
    stop: Arc<Notify>,
    handle: JoinHandle<()>,
}

async fn perform(job: Job, ctx: Data<AppContext>, task: TaskId) -> Result<(), BoxDynError> {
    let name = serde_json::to_value(&job)
        .ok()
        .and_then(|v| v.get("job").and_then(|n| n.as_str().map(String::from)))
        .unwrap_or_default();
    let limit = Duration::from_secs(Settings::get(&ctx)?.jobs.time_limit_secs.max(1));
    // Dropping the job's future at the limit rolls back its open
    // transaction and closes its connections; the retry starts afresh.
    let done = tokio::time::timeout(limit, job.perform(&ctx, &task.to_string()))
        .await
        .unwrap_or_else(|_| {
            Err(Error::string(&format!(
                "stopped after {} s (jobs.time_limit_secs)",
                limit.as_secs()
            )))
        });
    done.map_err(|err| {
        tracing::warn!(job = name, error = %err, "job failed");
        Box::new(err) as BoxDynError
    })
}

fn retry_policy(first: Duration) -> Result<BackoffRetryPolicy<ExponentialBackoff>> {
    let backoff =
        ExponentialBackoffMaker::new(first, Duration::from_secs(120), 0.5, HasherRng::default())
            .map_err(|err| Error::string(&format!("job backoff: {err}")))?
            .make_backoff();
    Ok(RetryPolicy::retries(queue::MAX_ATTEMPTS - 1).with_backoff(backoff))
}

/// This process's worker names: unique, so several processes share a queue.
fn worker_name(kind: &str) -> String {
    format!(
        "{kind}-{}-{}",
        std::process::id(),
        &Uuid::new_v4().to_string()[..8]
    )
}

impl Workers {
    /// Starts the workers in the background.
    ///
    /// # Errors
    /// When a schedule does not parse.
    // Stays whole (over 80 lines): registers each worker and schedule with the
    // same monitor; the two queue backends differ only in their storage.
    pub fn start(ctx: &AppContext) -> Result<Self> {
        let stop = Arc::new(Notify::new());
        // A worker whose storage failed (the database went away, a pool
        // timeout) is restarted rather than left dead; the pause keeps a
        // database outage from turning into a busy restart loop.
        let mut monitor = Monitor::new()
            .shutdown_timeout(SHUTDOWN_GRACE)
            .should_restart(|worker, error| {
                tracing::warn!(worker = worker.name(), %error, "worker stopped; restarting it");
                std::thread::sleep(RESTART_PAUSE);
                true
            });
        let settings = Settings::get(ctx)?;
        let retry = retry_policy(Duration::from_millis(settings.jobs.retry_after_ms))?;
        let heartbeat = Duration::from_secs(settings.jobs.heartbeat_secs.max(1));
        let poll = Duration::from_millis(settings.jobs.poll_interval_ms);
        match &*JobStore::get(ctx)? {
            JobStore::Postgres(pool) => {
                let pool = pool.clone();
                let ctx = ctx.clone();
                // A name of its own on each (re)start: under its old name a
                // restarted worker is refused as already registered while
                // the old registration's advisory lock lives, and the jobs
                // the old one held would never look orphaned.
                monitor = monitor.register(move |_| {
                    WorkerBuilder::new(worker_name("jobs").as_str())
                        .backend(
                            PostgresStorage::<Job>::new(&pool)
                                .with_config(
                                    apalis_postgres::Config::default()
                                        .queue(queue::QUEUE)
                                        .batch_size(CONCURRENCY)
                                        .heartbeat_interval(heartbeat),
                                )
                                .poll_with_interval(poll),
                        )
                        .data(ctx.clone())
                        .concurrency(CONCURRENCY)
                        .retry(retry.clone())
                        .build(perform)
                });
            }
            JobStore::Sqlite(pool) => {
                let pool = pool.clone();
                let ctx = ctx.clone();
                monitor = monitor.register(move |_| {
                    WorkerBuilder::new(worker_name("jobs").as_str())
                        .backend(
                            SqliteStorage::<Job>::new(&pool)
                                .with_config(
                                    apalis_sqlite::Config::default()
                                        .queue(queue::QUEUE)
                                        .batch_size(CONCURRENCY)
                                        .heartbeat_interval(heartbeat),
                                )
                                .poll_with_interval(poll),
                        )
                        .data(ctx.clone())
                        .concurrency(CONCURRENCY)
                        .retry(retry.clone())
                        .build(perform)
                });
            }
        }
        for schedule in schedules::ALL {
            let cron = schedule.cron()?;
            let ctx = ctx.clone();
            let name = worker_name(schedule.name);
            let run = schedule.run;
            let label = schedule.name;
            monitor = monitor.register(move |_| {
                WorkerBuilder::new(name.as_str())
                    .backend(CronScheduler::new(cron.clone()))
                    .data(ctx.clone())
                    .build(
                        move |_tick: apalis_cron::Tick, ctx: Data<AppContext>| async move {
                            run(ctx.0.clone()).await.map_err(|err| {
                                tracing::warn!(schedule = label, error = %err, "schedule failed");
                                Box::new(err) as BoxDynError
                            })
                        },
                    )
            });
        }
        let signal = stop.clone();
        let handle = tokio::spawn(async move {
            let stopped = async move {
                signal.notified().await;
                Ok(())
            };
            if let Err(err) = monitor.run_with_signal(stopped).await {
                tracing::error!(error = %err, "workers stopped with an error");
            }
        });
        Ok(Self { stop, handle })
    }

    /// Ends the workers at once, as a killed process would: running jobs
    /// stop where they are, stay locked by this worker and its heartbeat
    /// stops (for fault tests; see the module docs for what follows).
    pub fn kill(self) {
        self.handle.abort();
    }

    /// Stops taking jobs and waits for the running ones (see the module docs).
    pub async fn stop(self) {
        self.stop.notify_one();
        if tokio::time::timeout(SHUTDOWN_GRACE + Duration::from_secs(5), self.handle)
            .await
            .is_err()
        {
            tracing::warn!("workers did not stop in time");
        }
    }
}
