//! Figures computed from a workspace's expenses (a list's total and count,
//! a dashboard), kept in this process's memory under the workspace's
//! `data_version`.
//!
//! Every committed change bumps `data_version` after its commit
//! (`crate::live::changed`), and a request reads the version with its
//! membership, so every change that finished before the request began (a
//! member's own last change included) is in the figures it reads. A change
//! that commits while a request runs may show in that request's rows before
//! its figures (each Postgres statement reads afresh); the next request has
//! both. A figure computed from a newer state than its key says is harmless
//! (no reader of that version sees older data than it could).
//!
//! The key is the workspace's public id (random, so unique across the
//! databases of one process: the tests boot many apps side by side), its
//! version and what the figure is. When many requests miss the same key at
//! once, one computes it and the others wait for its answer (single
//! flight), so an expired dashboard is not computed 32 times at once.

use std::{future::Future, sync::Arc, sync::OnceLock, time::Duration};

use loco_rs::prelude::*;
use moka::future::Cache;

use super::{dashboard::Dashboard, workspaces};

/// How much memory the figures may take when `cache.max_capacity` does not
/// say (about 32 MiB).
const DEFAULT_CAPACITY_BYTES: u64 = 32 * 1024 * 1024;
/// A figure no one read for this long is dropped: versions move on, and an
/// idle workspace's figures are memory for nothing.
const IDLE: Duration = Duration::from_secs(30 * 60);

#[derive(Clone, Debug, Hash, PartialEq, Eq)]
struct Key {
    workspace: Uuid,
    version: i64,
    what: String,
}

#[derive(Clone)]
enum Figure {
    /// A list filter's total (minor units) and count.
    Totals(i64, u64),
    Dashboard(Arc<Dashboard>),
}

impl Figure {
    /// About how many bytes the figure holds, for the capacity.
    fn weight(&self) -> u32 {
        match self {
            Self::Totals(..) => 128,
            Self::Dashboard(d) => {
                let rows = d.by_category.len()
                    + d.trend.len()
                    + d.top_payees.len()
                    + d.recent.len()
                    + d.budgets.len()
                    + d.balances.len();
                u32::try_from(1024 + rows * 128).unwrap_or(u32::MAX)
            }
        }
    }
}

static FIGURES: OnceLock<Cache<Key, Figure>> = OnceLock::new();

/// Sets the capacity from the configuration (`cache.max_capacity`, in
/// bytes). The first call wins: one process, one cache.
pub fn configure(config: &loco_rs::config::Config) {
    let bytes = match &config.cache {
        loco_rs::config::CacheConfig::InMem(mem) => mem.max_capacity,
        _ => DEFAULT_CAPACITY_BYTES,
    };
    let _ = FIGURES.set(build(bytes));
}

fn build(bytes: u64) -> Cache<Key, Figure> {
    Cache::builder()
        .max_capacity(bytes)
        .weigher(|_key: &Key, figure: &Figure| figure.weight())
        .time_to_idle(IDLE)
        .build()
}

fn figures() -> &'static Cache<Key, Figure> {
    FIGURES.get_or_init(|| build(DEFAULT_CAPACITY_BYTES))
}

/// The figure under `what` for this version of the workspace, computed by
/// `compute` when it is missing (once, however many ask at the same time).
async fn get_or_compute<F>(
    workspace: &workspaces::Model,
    what: String,
    compute: F,
) -> Result<Figure>
where
    F: Future<Output = Result<Figure>>,
{
    let key = Key {
        workspace: workspace.pid,
        version: workspace.data_version.unwrap_or_default(),
        what,
    };
    get_or_compute_key(key, compute).await
}

async fn get_or_compute_key<F>(key: Key, compute: F) -> Result<Figure>
where
    F: Future<Output = Result<Figure>>,
{
    figures()
        .try_get_with(key, compute)
        .await
        .map_err(|err: Arc<Error>| {
            Arc::try_unwrap(err).unwrap_or_else(|shared| Error::string(&shared.to_string()))
        })
}

/// A list filter's total and count; `filter_key` says the filter exactly.
///
/// # Errors
/// When `compute` fails.
pub async fn totals<F>(
    workspace: &workspaces::Model,
    filter_key: String,
    compute: F,
) -> Result<(i64, u64)>
where
    F: Future<Output = Result<(i64, u64)>>,
{
    let figure = get_or_compute(workspace, format!("totals?{filter_key}"), async {
        let (total, count) = compute.await?;
        Ok(Figure::Totals(total, count))
    })
    .await?;
    match figure {
        Figure::Totals(total, count) => Ok((total, count)),
        Figure::Dashboard(_) => Err(Error::string("figures: a dashboard under a totals key")),
    }
}

/// The workspace's dashboard for `day` (it shows this month and today's
/// trend, so a new day is a new figure).
///
/// # Errors
/// When `compute` fails.
pub async fn dashboard<F>(
    workspace: &workspaces::Model,
    day: chrono::NaiveDate,
    compute: F,
) -> Result<Arc<Dashboard>>
where
    F: Future<Output = Result<Dashboard>>,
{
    let figure = get_or_compute(workspace, format!("dashboard:{day}"), async {
        Ok(Figure::Dashboard(Arc::new(compute.await?)))
    })
    .await?;
    match figure {
        Figure::Dashboard(dashboard) => Ok(dashboard),
        Figure::Totals(..) => Err(Error::string("figures: totals under a dashboard key")),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    fn key(version: i64) -> Key {
        Key {
            workspace: Uuid::new_v4(),
            version,
            what: "totals?".to_string(),
        }
    }

    /// Many requests missing the same figure at once compute it once; the
    /// others wait for that answer.
    #[tokio::test]
    async fn a_missing_figure_is_computed_once_however_many_ask_at_once() {
        let computed = Arc::new(AtomicUsize::new(0));
        let key = key(7);
        let asks = (0..16).map(|_| {
            let computed = computed.clone();
            let key = key.clone();
            tokio::spawn(async move {
                get_or_compute_key(key, async move {
                    computed.fetch_add(1, Ordering::SeqCst);
                    // Long enough that every other ask arrives meanwhile.
                    tokio::time::sleep(Duration::from_millis(200)).await;
                    Ok(Figure::Totals(1234, 5))
                })
                .await
            })
        });
        for answer in futures_util::future::join_all(asks).await {
            assert!(matches!(answer, Ok(Ok(Figure::Totals(1234, 5)))));
        }
        assert_eq!(computed.load(Ordering::SeqCst), 1);
    }

    /// A failed computation is not kept: the next ask computes again.
    #[tokio::test]
    async fn a_failed_figure_is_computed_again() {
        let key = key(1);
        let failed = get_or_compute_key(key.clone(), async { Err(Error::string("down")) }).await;
        assert!(failed.is_err());
        let again = get_or_compute_key(key, async { Ok(Figure::Totals(1, 1)) }).await;
        assert!(matches!(again, Ok(Figure::Totals(1, 1))));
    }
}
