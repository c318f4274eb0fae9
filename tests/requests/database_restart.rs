//! Fault: Postgres restarts in the middle of a burst of creates (issue 19).
//! Every expense the client was told was created is there afterwards, and
//! the app, never restarted, serves requests again on its own.
//!
//! The server restarted is a private cluster this test starts (`initdb`,
//! `pg_ctl`) in a folder of its own on a free port, never the shared one
//! the other tests use; [`Cluster`]'s `Drop` stops and removes it however
//! the test ends. Postgres only: on the SQLite run there is no server to
//! restart, and the test says so and returns.

use std::{
    net::TcpListener,
    path::{Path, PathBuf},
    process::{Command, Stdio},
    sync::{
        atomic::{AtomicBool, AtomicUsize, Ordering},
        Arc,
    },
    time::{Duration, Instant},
};

use futures_util::{stream, StreamExt};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use serde_json::{json, Value};
use smartexpense::models::_entities::expenses;

use super::workspaces_api::workspace_of;
use crate::support::TestApp;

/// A Postgres cluster of the test's own: `initdb` into a temporary folder,
/// run by `pg_ctl` on a free port with trust authentication on loopback.
struct Cluster {
    folder: PathBuf,
    bin: PathBuf,
    port: u16,
}

/// The newest installed server's programs (Debian keeps them under
/// `/usr/lib/postgresql/<version>/bin`, outside `PATH`).
fn server_programs() -> PathBuf {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .expect("PostgreSQL's server programs under /usr/lib/postgresql")
        .flatten()
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("pg_ctl").exists().then_some((version, bin))
        })
        .collect();
    found.sort();
    found.pop().expect("an installed PostgreSQL server").1
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| out.stdout.trim_ascii() == b"0")
}

/// Postgres refuses to run as root: run its programs as `postgres` then.
fn as_server_user(program: &Path) -> Command {
    if is_root() {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(program);
        command
    } else {
        Command::new(program)
    }
}

fn run(mut command: Command, what: &str) {
    let out = command
        .output()
        .unwrap_or_else(|err| panic!("{what}: {err}"));
    assert!(
        out.status.success(),
        "{what}: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs a `pg_ctl` that starts the server: its output goes to the log
/// (`-l`), and it is not captured here, since the server it leaves running
/// would hold a captured pipe open. `pg_ctl -t` bounds the wait.
fn run_pg_ctl(mut command: Command, log: &Path, what: &str) {
    let status = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap_or_else(|err| panic!("{what}: {err}"));
    assert!(
        status.success(),
        "{what}: {status}\n{}",
        std::fs::read_to_string(log).unwrap_or_default()
    );
}

impl Cluster {
    fn start() -> Self {
        let bin = server_programs();
        let folder =
            std::env::temp_dir().join(format!("smartexpense-pg-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&folder).expect("cluster folder");
        // From here on `Drop` cleans up, whatever fails next.
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let cluster = Self { folder, bin, port };
        if is_root() {
            let mut chown = Command::new("chown");
            chown.arg("postgres:").arg(&cluster.folder);
            run(chown, "chown the cluster folder");
        }
        let mut initdb = as_server_user(&cluster.bin.join("initdb"));
        initdb
            .args(["-A", "trust", "-U", "postgres", "--no-sync", "-D"])
            .arg(cluster.data());
        run(initdb, "initdb");
        cluster.resume();
        cluster
    }

    /// Starts the server (again) and waits until it accepts connections.
    fn resume(&self) {
        let mut start = self.pg_ctl();
        start.args([
            "-o",
            &format!(
                "-p {} -k {} -c listen_addresses=127.0.0.1",
                self.port,
                self.folder.display()
            ),
            "start",
        ]);
        run_pg_ctl(start, &self.log(), "pg_ctl start");
    }

    /// Stops the server at once, as a crash would.
    fn halt(&self) {
        let mut stop = self.pg_ctl();
        stop.args(["-m", "immediate", "stop"]);
        run_pg_ctl(stop, &self.log(), "pg_ctl stop");
    }

    fn log(&self) -> PathBuf {
        self.folder.join("log")
    }

    fn data(&self) -> PathBuf {
        self.folder.join("data")
    }

    /// `pg_ctl` on this cluster: waiting at most a minute, the server's
    /// output in the log.
    fn pg_ctl(&self) -> Command {
        let mut command = as_server_user(&self.bin.join("pg_ctl"));
        command.arg("-D").arg(self.data());
        command.args(["-w", "-t", "60", "-l"]).arg(self.log());
        command
    }

    /// Where a test's app finds it, as the superuser.
    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// Restarts the server the hard way (as after a crash: no checkpoint,
    /// recovery from the log) and waits until it accepts connections.
    fn restart(&self) {
        let mut restart = self.pg_ctl();
        restart.args(["-m", "immediate", "restart"]);
        run_pg_ctl(restart, &self.log(), "pg_ctl restart");
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let mut stop = self.pg_ctl();
        stop.args(["-m", "immediate", "stop"]);
        let _ = stop
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

/// What the client was told about one create.
#[derive(Debug)]
struct Answer {
    /// Sent after the restart had finished.
    after_restart: bool,
    status: u16,
    /// The created expense's id, when it was created.
    id: Option<String>,
}

/// Expenses created at once while the server restarts, and then some.
const AT_ONCE: usize = 8;
/// Answers before the restart begins, and after it is over, at least.
const ANSWERS_AROUND: usize = 30;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_restarted_during_a_burst_of_creates_loses_nothing_told_created() {
    if !std::env::var("DATABASE_URL").is_ok_and(|url| url.starts_with("postgres")) {
        eprintln!("Postgres only: this run is on SQLite, nothing to restart");
        return;
    }
    let cluster = Arc::new(Cluster::start());
    let app = TestApp::start_on(&cluster.url()).await;
    let (token, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let client = app.on_loopback();
    let path = format!("/api/v1/workspaces/{ws}/expenses");

    // The restart begins once ANSWERS_AROUND creates were answered; the
    // burst goes on until as many more were answered after it.
    let answered = Arc::new(AtomicUsize::new(0));
    let restarted = Arc::new(AtomicBool::new(false));
    let restart = {
        let (cluster, answered, restarted) = (cluster.clone(), answered.clone(), restarted.clone());
        tokio::spawn(async move {
            let deadline = Instant::now() + Duration::from_secs(120);
            while answered.load(Ordering::SeqCst) < ANSWERS_AROUND {
                assert!(
                    Instant::now() < deadline,
                    "the burst stalled before the restart"
                );
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
            tokio::task::spawn_blocking(move || cluster.restart())
                .await
                .expect("restart");
            restarted.store(true, Ordering::SeqCst);
        })
    };
    let deadline = Instant::now() + Duration::from_secs(180);
    let answered_after = AtomicUsize::new(0);
    let enough = || answered_after.load(Ordering::SeqCst) >= ANSWERS_AROUND;
    let answers: Vec<Answer> = stream::iter(0..)
        .take_while(|_| {
            let done = enough() || Instant::now() > deadline;
            async move { !done }
        })
        .map(|i| {
            let (client, token, path) = (&client, &token, &path);
            let (answered, answered_after) = (&answered, &answered_after);
            let restarted = &restarted;
            async move {
                let after_restart = restarted.load(Ordering::SeqCst);
                let response = client
                    .post(path)
                    .authorization_bearer(token)
                    .json(&json!({
                        "amount": "1.00",
                        "date": "2026-11-21",
                        "description": format!("Burst {i}"),
                    }))
                    .await;
                answered.fetch_add(1, Ordering::SeqCst);
                if after_restart {
                    answered_after.fetch_add(1, Ordering::SeqCst);
                }
                let status = response.status_code().as_u16();
                let id = (status == 201)
                    .then(|| response.json::<Value>()["id"].as_str().map(str::to_string))
                    .flatten();
                Answer {
                    after_restart,
                    status,
                    id,
                }
            }
        })
        .buffer_unordered(AT_ONCE)
        .collect()
        .await;
    restart.await.expect("the restart ran");
    let mut statuses = std::collections::BTreeMap::new();
    for answer in &answers {
        *statuses.entry(answer.status).or_insert(0) += 1;
    }
    eprintln!("answers by status: {statuses:?}; the restart began after {ANSWERS_AROUND}");
    assert!(
        enough(),
        "the burst did not outlast the restart in time: {answers:?}"
    );

    // Every create the client was told succeeded is there.
    let told: Vec<uuid::Uuid> = answers
        .iter()
        .filter_map(|a| a.id.as_deref())
        .map(|id| id.parse().expect("a UUID"))
        .collect();
    let kept: Vec<uuid::Uuid> = expenses::Entity::find()
        .filter(expenses::Column::Pid.is_in(told.clone()))
        .select_only()
        .column(expenses::Column::Pid)
        .into_tuple()
        .all(&app.owner_db)
        .await
        .expect("read back after the restart");
    let lost: Vec<&uuid::Uuid> = told.iter().filter(|id| !kept.contains(id)).collect();
    assert!(lost.is_empty(), "told created, then lost: {lost:?}");
    // Nothing is answered but created or failed.
    for answer in &answers {
        assert!(answer.status == 201 || answer.status >= 500, "{answer:?}");
    }
    // The app reconnected by itself: whatever was sent once the server
    // was back succeeded.
    let after: Vec<&Answer> = answers.iter().filter(|a| a.after_restart).collect();
    assert!(
        after.iter().all(|a| a.status == 201),
        "failed after the restart: {:?}",
        after.iter().filter(|a| a.status != 201).collect::<Vec<_>>()
    );
    drop(app);
}

#[tokio::test]
async fn while_postgres_is_down_a_signed_in_client_is_told_of_a_failure_not_signed_out() {
    if !std::env::var("DATABASE_URL").is_ok_and(|url| url.starts_with("postgres")) {
        eprintln!("Postgres only: this run is on SQLite, nothing to stop");
        return;
    }
    let cluster = Cluster::start();
    let app = TestApp::start_on(&cluster.url()).await;
    let (token, ws) = workspace_of(&app, "Ann", "ann@example.com").await;
    let path = format!("/api/v1/workspaces/{ws}/expenses");
    cluster.halt();
    // The login token cannot be checked: that is the server's failure
    // (a 401 would make the client drop its token and sign in again).
    let down = app.server.get(&path).authorization_bearer(&token).await;
    assert!(
        down.status_code().is_server_error(),
        "{}: {}",
        down.status_code(),
        down.text()
    );
    cluster.resume();
    let back = app.server.get(&path).authorization_bearer(&token).await;
    assert_eq!(back.status_code(), 200, "{}", back.text());
    drop(app);
}
