//! Test harness: every test gets the real app booted on a database of its
//! own (Postgres or SQLite, chosen by `DATABASE_URL`), an SMTP listener on
//! loopback for its mail, and an HTTP client that keeps cookies like a
//! browser. Tests therefore run in parallel without sharing state.

#![allow(dead_code)]

pub mod s3;
pub mod small_disk;
pub mod smtp;
pub mod stripe;
pub mod workspace;

use std::net::SocketAddr;

use axum_test::{TestServer, TestServerConfig};
use loco_rs::{
    app::{AppContext, Hooks},
    boot::StartMode,
    config::Config,
    environment::Environment,
};
use sea_orm::{ConnectionTrait, Database};
use smartexpense::app::App;

pub use smtp::SmtpSink;

/// The role the app connects as on Postgres: neither superuser nor owner of
/// the tables, and without BYPASSRLS, so row-level security binds it.
const APP_ROLE: &str = "smartexpense_app";

/// The database a test runs on; dropped with the test.
enum TestDatabase {
    Postgres { root_url: String, name: String },
    Sqlite { path: std::path::PathBuf },
}

/// Where a test's app connects: its own role, and the tables' owner.
struct Urls {
    app: String,
    owner: Option<String>,
}

impl TestDatabase {
    /// A database of its own on the server `base_url` names. Unless
    /// `durable`, commits do not wait for the disk (a test that crashes the
    /// server on purpose needs them to).
    async fn create(base_url: &str, durable: bool) -> (Self, Urls) {
        let unique = uuid::Uuid::new_v4().simple().to_string();
        if base_url.starts_with("postgres") {
            let mut url = url::Url::parse(base_url).expect("DATABASE_URL");
            let name = format!("se_test_{unique}");
            url.set_path("/postgres");
            let root_url = url.to_string();
            let root = Database::connect(&root_url)
                .await
                .expect("connect to postgres");
            // Tests run in parallel: another may create the role first.
            let _ = root
                .execute_unprepared(&format!(
                    "CREATE ROLE {APP_ROLE} LOGIN PASSWORD '{APP_ROLE}' NOSUPERUSER NOBYPASSRLS"
                ))
                .await;
            let template = postgres_template(&root, &url).await;
            clone_database(&root, &template, &name).await;
            if !durable {
                root.execute_unprepared(&format!(
                    "ALTER DATABASE {name} SET synchronous_commit = off"
                ))
                .await
                .expect("database setting");
            }
            root.close().await.ok();
            url.set_path(&format!("/{name}"));
            let owner = url.to_string();
            url.set_username(APP_ROLE).expect("role");
            url.set_password(Some(APP_ROLE)).expect("password");
            (
                Self::Postgres { root_url, name },
                Urls {
                    app: url.to_string(),
                    owner: Some(owner),
                },
            )
        } else {
            let path = std::env::temp_dir().join(format!("smartexpense-test-{unique}.sqlite"));
            let url = format!("sqlite://{}?mode=rwc", path.display());
            (
                Self::Sqlite { path },
                Urls {
                    app: url,
                    owner: None,
                },
            )
        }
    }
}

/// The migrated database this process copies for each test on the server
/// `server` (a URL of its `postgres` database): migrating every test's
/// database anew took 1.5 s a test. Made once per process and server; those
/// of processes that ended are dropped then.
async fn postgres_template(root: &sea_orm::DatabaseConnection, server: &url::Url) -> String {
    use std::{
        collections::HashMap,
        sync::{Arc, Mutex},
    };
    static TEMPLATES: Mutex<Option<HashMap<String, Arc<tokio::sync::OnceCell<String>>>>> =
        Mutex::new(None);
    let cell = {
        let mut all = TEMPLATES.lock().expect("templates");
        all.get_or_insert_with(HashMap::new)
            .entry(server.to_string())
            .or_default()
            .clone()
    };
    cell.get_or_init(|| async {
        drop_templates_of_ended_processes(root).await;
        let name = format!(
            "se_template_{}_{}",
            std::process::id(),
            &uuid::Uuid::new_v4().simple().to_string()[..8]
        );
        root.execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await
            .expect("create the template database");
        let mut owner = server.clone();
        owner.set_path(&format!("/{name}"));
        let mut app = owner.clone();
        app.set_username(APP_ROLE).expect("role");
        app.set_password(Some(APP_ROLE)).expect("password");
        smartexpense::initializers::database::migrate_as_owner(owner.as_str(), app.as_str())
            .await
            .expect("migrate the template database");
        name
    })
    .await
    .clone()
}

/// `CREATE DATABASE name TEMPLATE template`, tried again while another
/// session is still leaving the template (Postgres refuses to copy a
/// database someone is connected to).
async fn clone_database(root: &sea_orm::DatabaseConnection, template: &str, name: &str) {
    let mut tries = 0;
    loop {
        match root
            .execute_unprepared(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
            .await
        {
            Ok(_) => return,
            Err(err) if tries < 50 && err.to_string().contains("being accessed") => {
                tries += 1;
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            Err(err) => panic!("copy the template database: {err}"),
        }
    }
}

/// Template databases left by test processes that are gone.
async fn drop_templates_of_ended_processes(root: &sea_orm::DatabaseConnection) {
    use sea_orm::{DatabaseBackend, Statement};
    let rows = root
        .query_all_raw(Statement::from_string(
            DatabaseBackend::Postgres,
            "SELECT datname FROM pg_database WHERE datname LIKE 'se_template_%'",
        ))
        .await
        .unwrap_or_default();
    for row in rows {
        let Ok(name) = row.try_get::<String>("", "datname") else {
            continue;
        };
        let pid = name.split('_').nth(2).unwrap_or_default();
        if !pid.is_empty() && !std::path::Path::new(&format!("/proc/{pid}")).exists() {
            let _ = root
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .await;
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        match self {
            Self::Postgres { root_url, name } => {
                let (root_url, name) = (root_url.clone(), name.clone());
                // Drop runs outside async; use a runtime of our own.
                std::thread::spawn(move || {
                    let rt = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .expect("runtime");
                    rt.block_on(async {
                        if let Ok(root) = Database::connect(&root_url).await {
                            let _ = root
                                .execute_unprepared(&format!(
                                    "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                                ))
                                .await;
                        }
                    });
                })
                .join()
                .ok();
            }
            Self::Sqlite { path } => {
                let jobs =
                    smartexpense::workers::queue::sqlite_jobs_url(&path.display().to_string())
                        .unwrap_or_default();
                for file in [path.display().to_string(), jobs] {
                    for suffix in ["", "-wal", "-shm"] {
                        let _ = std::fs::remove_file(format!("{file}{suffix}"));
                    }
                }
            }
        }
    }
}

/// The Python of the virtualenv `scripts/ensure-test-tools.sh` installs
/// (the stand-ins for Stripe and S3, the receipt images).
pub fn python() -> String {
    std::env::var("SMARTEXPENSE_PYTHON").unwrap_or_else(|_| {
        format!(
            "{}/.cache/smartexpense-py/bin/python",
            std::env::var("HOME").unwrap_or_default()
        )
    })
}

/// A plain HTTP/1.1 request to a stand-in on loopback; the answer's status
/// and body (de-chunked).
pub async fn http_call(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (u16, String) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let extra: String = headers
        .iter()
        .map(|(name, value)| format!("{name}: {value}\r\n"))
        .collect();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{extra}Content-Length: {len}\r\nConnection: close\r\n\r\n{body}",
        len = body.len(),
    );
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .expect("connect to the stand-in");
    stream.write_all(request.as_bytes()).await.expect("send");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.expect("receive");
    let (head, body) = answer.split_once("\r\n\r\n").expect("an HTTP answer");
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status");
    let chunked = head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked");
    (
        status,
        if chunked {
            unchunk(body)
        } else {
            body.to_string()
        },
    )
}

fn unchunk(body: &str) -> String {
    let mut out = String::new();
    let mut rest = body;
    while let Some((size, tail)) = rest.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if size == 0 || tail.len() < size {
            break;
        }
        out.push_str(&tail[..size]);
        rest = tail[size..].trim_start_matches("\r\n");
    }
    out
}

/// A test's own folder for stored files (receipts on disk), removed with
/// the test: the sweep of one test must not see another's files.
pub struct FileFolder(pub std::path::PathBuf);

impl FileFolder {
    fn new() -> Self {
        Self(
            std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
                .join("test-files")
                .join(uuid::Uuid::new_v4().simple().to_string()),
        )
    }
}

impl Drop for FileFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub struct TestApp {
    pub server: TestServer,
    pub router: axum::Router,
    pub ctx: AppContext,
    /// A connection as the tables' owner, for looking at what tests did
    /// (on Postgres the app's own connection sees only its tenant's rows).
    pub owner_db: sea_orm::DatabaseConnection,
    pub mail: SmtpSink,
    /// Where this app keeps files when storage is on disk.
    pub files: FileFolder,
    _db: TestDatabase,
}

impl TestApp {
    pub async fn start() -> Self {
        Self::start_with(|_| {}).await
    }

    /// Boots the app after `adjust` has changed its test configuration.
    pub async fn start_with(adjust: impl FnOnce(&mut Config)) -> Self {
        Self::start_as(Environment::Test, adjust).await
    }

    /// Boots the test configuration as if in `environment` (which decides,
    /// for example, whether development-only routes exist).
    pub async fn start_as(environment: Environment, adjust: impl FnOnce(&mut Config)) -> Self {
        Self::boot(environment, None, adjust).await
    }

    /// Boots the app on a database of its own in the Postgres server at
    /// `server_url` (a role that may create databases and roles), instead of
    /// the one `DATABASE_URL` names.
    pub async fn start_on(server_url: &str) -> Self {
        Self::boot(Environment::Test, Some(server_url), |_| {}).await
    }

    async fn boot(
        environment: Environment,
        server_url: Option<&str>,
        adjust: impl FnOnce(&mut Config),
    ) -> Self {
        let mut config = App::load_config(&Environment::Test).await.expect("config");
        // A server a test names is one it stops and starts: its commits
        // must survive that.
        let durable = server_url.is_some();
        let server_url = server_url.map_or_else(|| config.database.uri.clone(), str::to_string);
        let (db, urls) = TestDatabase::create(&server_url, durable).await;
        config.database.uri = urls.app.clone();
        if let Some(owner) = &urls.owner {
            config.settings.as_mut().expect("settings")["owner_database_url"] =
                owner.clone().into();
        }
        let files = FileFolder::new();
        config.settings.as_mut().expect("settings")["storage"]["folder"] =
            files.0.display().to_string().into();
        let mail = SmtpSink::start().await;
        if let Some(smtp) = config.mailer.as_mut().and_then(|m| m.smtp.as_mut()) {
            smtp.port = mail.port;
        }
        adjust(&mut config);
        let boot = App::boot(StartMode::ServerOnly, &environment, config)
            .await
            .expect("boot");
        let router = boot.router.clone().expect("router");
        mail.watch_queue(boot.app_context.clone());
        let owner_db = match &urls.owner {
            Some(owner) => Database::connect(owner).await.expect("owner connection"),
            None => boot.app_context.db.clone(),
        };
        Self {
            owner_db,
            server: browser(&router),
            router,
            ctx: boot.app_context.clone(),
            mail,
            files,
            _db: db,
        }
    }

    /// Boots with one entry of `settings:` replaced.
    pub async fn start_with_setting(key: &str, value: serde_json::Value) -> Self {
        let key = key.to_string();
        Self::start_with(move |config| {
            let settings = config.settings.as_mut().expect("settings");
            let mut target = settings;
            let parts: Vec<&str> = key.split('.').collect();
            for part in &parts[..parts.len() - 1] {
                target = target.get_mut(*part).expect("settings key");
            }
            target[parts[parts.len() - 1]] = value;
        })
        .await
    }

    /// The app on a real port on loopback, for a real browser.
    pub fn on_loopback(&self) -> TestServer {
        TestServer::builder()
            .http_transport()
            .build(
                self.router
                    .clone()
                    .into_make_service_with_connect_info::<SocketAddr>(),
            )
            .expect("test server on loopback")
    }

    /// A second web process on this app's database, with memory of its
    /// own (as a hosted instance runs several behind a load balancer), and
    /// a browser talking to it.
    pub async fn another_process(&self) -> TestServer {
        let boot = App::boot(
            StartMode::ServerOnly,
            &self.ctx.environment,
            self.ctx.config.clone(),
        )
        .await
        .expect("boot a second process");
        browser(&boot.router.expect("router"))
    }

    /// A second, independent browser on the same app.
    pub fn another_browser(&self) -> TestServer {
        browser(&self.router)
    }

    /// The CSRF token of the page at `path` (which also sets the cookies
    /// it is bound to).
    pub async fn csrf(&self, path: &str) -> String {
        let html = self.server.get(path).await.text();
        csrf_in(&html)
    }

    /// Posts a form the way a browser does, with the page's CSRF token.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> axum_test::TestResponse {
        post_form_as(&self.server, path, fields).await
    }

    /// Changes the signed-in browser's password on the account page.
    pub async fn change_password(&self, current: &str, new: &str) -> axum_test::TestResponse {
        self.post_form(
            "/account/password",
            &[("current_password", current), ("new_password", new)],
        )
        .await
    }

    /// Signs up through the HTML form; the client is then signed in.
    pub async fn sign_up(&self, name: &str, email: &str, password: &str) {
        let response = self
            .post_form(
                "/signup",
                &[("name", name), ("email", email), ("password", password)],
            )
            .await;
        assert_eq!(response.status_code(), 303, "{}", response.text());
    }

    /// Registers through the API and returns a bearer token.
    pub async fn api_user(&self, name: &str, email: &str, password: &str) -> String {
        let response = self
            .server
            .post("/api/auth/register")
            .json(&serde_json::json!({ "name": name, "email": email, "password": password }))
            .await;
        assert_eq!(response.status_code(), 202, "{}", response.text());
        self.api_login(email, password).await
    }

    pub async fn api_login(&self, email: &str, password: &str) -> String {
        let response = self
            .server
            .post("/api/auth/login")
            .json(&serde_json::json!({ "email": email, "password": password }))
            .await;
        assert_eq!(response.status_code(), 200, "{}", response.text());
        response.json::<serde_json::Value>()["token"]
            .as_str()
            .expect("token")
            .to_string()
    }
}

/// A client that keeps cookies, talking to the app with a peer address.
fn browser(router: &axum::Router) -> TestServer {
    TestServer::new_with_config(
        router
            .clone()
            .into_make_service_with_connect_info::<SocketAddr>(),
        TestServerConfig {
            save_cookies: true,
            ..Default::default()
        },
    )
    .expect("test server")
}

/// Posts a form from `client` with the CSRF token of its current page.
pub async fn post_form_as(
    client: &TestServer,
    path: &str,
    fields: &[(&str, &str)],
) -> axum_test::TestResponse {
    let token = csrf_in(&client.get("/").await.text());
    let mut fields: Vec<(&str, &str)> = fields.to_vec();
    fields.push(("_csrf", &token));
    client.post(path).form(&fields).await
}

/// A workspace page without its quick-add sheet (every workspace page
/// carries one), for tests that look at the page's own forms.
pub fn without_quick_add(html: &str) -> String {
    let Some(start) = html.find(r#"<section id="quick-add""#) else {
        return html.to_string();
    };
    let end = html[start..]
        .find("</section>")
        .map_or(html.len(), |end| start + end + "</section>".len());
    format!("{}{}", &html[..start], &html[end..])
}

/// The CSRF token in a rendered page.
pub fn csrf_in(html: &str) -> String {
    // Every page carries it for htmx on <body>; forms carry it too.
    let re = regex::Regex::new(r#"X-CSRF-Token": "([0-9a-f]+)""#).expect("regex");
    re.captures(html)
        .map(|c| c[1].to_string())
        .unwrap_or_else(|| panic!("no CSRF token in page: {html}"))
}

pub const PASSWORD: &str = "correct horse battery staple";

/// Signs up in the browser, creates a household there, and returns its
/// page path and an API token for the same account.
pub async fn household(app: &TestApp) -> (String, String) {
    app.sign_up("Ann", "ann@example.com", PASSWORD).await;
    let created = app
        .post_form(
            "/w",
            &[
                ("name", "Flat"),
                ("kind", "household"),
                ("currency", "EUR"),
                ("time_zone", "UTC"),
            ],
        )
        .await;
    assert_eq!(created.status_code(), 303);
    let ws = created.header("location").to_str().unwrap().to_string();
    (ws, app.api_login("ann@example.com", PASSWORD).await)
}

/// The public id of the category called `name` in the workspace `ws` (its
/// id or its page path).
pub async fn category_id(app: &TestApp, token: &str, ws: &str, name: &str) -> String {
    let list: serde_json::Value = app
        .server
        .get(&format!(
            "/api/v1/workspaces/{}/categories",
            ws.trim_start_matches("/w/")
        ))
        .authorization_bearer(token)
        .await
        .json::<serde_json::Value>()["items"]
        .clone();
    list.as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no {name}: {list}"))["id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Waits until the app's job queue has nothing waiting or running.
pub async fn jobs_done(ctx: &loco_rs::app::AppContext) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let left = smartexpense::workers::queue::unfinished(ctx)
            .await
            .expect("queue readable");
        if left == 0 {
            return;
        }
        if std::time::Instant::now() > deadline {
            let jobs = smartexpense::workers::queue::waiting(ctx).await;
            panic!("{left} job(s) still unfinished after 60 s: {jobs:#?}");
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

impl TestApp {
    /// Waits for the background jobs queued so far (and those they queue).
    pub async fn jobs_done(&self) {
        jobs_done(&self.ctx).await;
    }
}
