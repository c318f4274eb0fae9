//! Where this process runs the background workers, and their start.

use std::sync::Arc;

use loco_rs::{app::AppContext, Result};

use crate::workers::runner::Workers;

/// This process's background workers, once started.
pub type WorkerSlot = tokio::sync::Mutex<Option<Workers>>;

/// Starts the workers (once per process); `Hooks::on_shutdown` stops them.
pub async fn start_workers(ctx: &AppContext) -> Result<()> {
    let slot = ctx
        .shared_store
        .get::<Arc<WorkerSlot>>()
        .ok_or_else(|| loco_rs::Error::string("the worker slot is not set up"))?;
    let mut workers = slot.lock().await;
    if workers.is_none() {
        *workers = Some(Workers::start(ctx)?);
    }
    Ok(())
}

/// Was this process started by `cargo loco start` to run workers: with
/// `--worker`, `--server-and-worker` or `--all`, or a plain `start` when
/// `settings.jobs.in_web_process` is on? Loco's CLI does not tell its hooks
/// the start mode, so read the command line it parsed.
pub fn cli_start_runs_workers(in_web_process: bool) -> bool {
    start_runs_workers(
        &std::env::args().skip(1).collect::<Vec<_>>(),
        in_web_process,
    )
}

fn start_runs_workers(args: &[String], in_web_process: bool) -> bool {
    let Some(start) = args.iter().position(|a| a == "start") else {
        return false;
    };
    let worker_flag = args[start + 1..].iter().any(|a| {
        ["-w", "-s", "-a", "--server-and-worker", "--all"].contains(&a.as_str())
            || a.starts_with("--worker")
    });
    worker_flag || in_web_process
}
#[cfg(test)]
mod tests {
    use super::start_runs_workers;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn workers_run_where_the_command_line_asks_for_them() {
        assert!(start_runs_workers(&args("start --worker"), false));
        assert!(start_runs_workers(&args("-e production start -w"), false));
        assert!(start_runs_workers(&args("start --worker=mail"), false));
        assert!(start_runs_workers(&args("start --all"), false));
        assert!(
            start_runs_workers(&args("start"), true),
            "one process by default"
        );
        assert!(
            !start_runs_workers(&args("start"), false),
            "production web process"
        );
        assert!(
            !start_runs_workers(&args("task jobs"), true),
            "tasks never run workers"
        );
        assert!(!start_runs_workers(&args("db migrate"), true));
    }
}
