use std::{path::Path, sync::Arc};

use async_trait::async_trait;
use axum::Router as AxumRouter;
use loco_rs::{
    app::{AppContext, Hooks, Initializer},
    bgworker::Queue,
    boot::{create_app, BootResult, StartMode},
    config::Config,
    controller::{
        middleware::{self, MiddlewareLayer},
        AppRoutes,
    },
    db::truncate_table,
    environment::Environment,
    storage::{
        drivers::{aws, local, StoreDriver},
        Storage,
    },
    task::Tasks,
    Error, Result,
};
use migration::Migrator;

use crate::{
    controllers::{
        self,
        support::{throttle::AuthThrottle, web_session},
    },
    initializers,
    models::{
        _entities::{sessions, users},
        imports::ImportControl,
        receipts::ocr,
    },
    policies::Policies,
    settings::{Settings, StorageSettings},
    workers::{queue::JobStore, runner::Workers},
};

/// Where files are kept: a folder (created when missing) or an
/// S3-compatible bucket, addressed path-style (`endpoint/bucket/key`), which
/// AWS and MinIO-style servers both answer.
fn file_store(settings: &StorageSettings) -> Result<Box<dyn StoreDriver>> {
    if settings.driver == "s3" {
        // Another part may have installed the provider already: fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
        opendal_http_transport_reqwest::install_default();
        let credential = aws::Credential {
            key_id: settings.access_key_id.clone(),
            secret_key: settings.secret_access_key.clone(),
            token: None,
        };
        return Ok(if settings.endpoint.is_empty() {
            aws::with_credentials(&settings.bucket, &settings.region, credential)?
        } else {
            aws::with_credentials_and_endpoint(
                &settings.bucket,
                &settings.region,
                &settings.endpoint,
                credential,
            )?
        });
    }
    std::fs::create_dir_all(&settings.folder).map_err(|err| {
        Error::string(&format!(
            "config: settings.storage.folder {}: {err}",
            settings.folder.display()
        ))
    })?;
    Ok(local::new_with_prefix(&settings.folder)?)
}

pub struct App;

/// This process's background workers, once started.
type WorkerSlot = tokio::sync::Mutex<Option<Workers>>;

/// Starts the workers (once per process); [`Hooks::on_shutdown`] stops them.
async fn start_workers(ctx: &AppContext) -> Result<()> {
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
fn cli_start_runs_workers(in_web_process: bool) -> bool {
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

/// SQLite will not create the folder of its database file; the default
/// setup keeps it in `./data/`, so make that on first start.
fn ensure_sqlite_folder(config: &Config) -> Result<()> {
    if let Some(file) = config.database.uri.strip_prefix("sqlite://") {
        let file = file.split('?').next().unwrap_or_default();
        if let Some(folder) = Path::new(file)
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
        {
            std::fs::create_dir_all(folder)?;
        }
    }
    Ok(())
}

/// Where the self-hosted setup keeps the secret it generated on first start.
const GENERATED_SECRET_FILE: &str = "data/secret_key";
const MIN_SECRET_CHARS: usize = 32;

/// The secret that signs API and CSRF tokens. A shared default would let
/// anyone forge tokens, so when none is configured a random one is made once
/// and kept beside the database. Production must configure its own.
fn ensure_secret(config: &mut Config, environment: &Environment) -> Result<()> {
    let Some(jwt) = config.auth.as_mut().and_then(|auth| auth.jwt.as_mut()) else {
        return Err(loco_rs::Error::string("config: auth.jwt is missing"));
    };
    if jwt.secret.trim().is_empty() {
        if *environment == Environment::Production {
            return Err(loco_rs::Error::string(
                "SECRET_KEY must be set in production",
            ));
        }
        let file = Path::new(GENERATED_SECRET_FILE);
        jwt.secret = match std::fs::read_to_string(file) {
            Ok(secret) => secret.trim().to_string(),
            Err(_) => {
                // 64 hex digits: valid base64, as the token signer wants.
                let secret = crate::models::secrets::digest(&crate::models::secrets::new_token());
                if let Some(folder) = file.parent() {
                    std::fs::create_dir_all(folder)?;
                }
                std::fs::write(file, &secret)?;
                secret
            }
        };
    }
    let signs = loco_rs::auth::jwt::JWT::new(&jwt.secret)
        .generate_token(60, "boot-check".to_string(), serde_json::Map::new())
        .is_ok();
    if jwt.secret.chars().count() < MIN_SECRET_CHARS || !signs {
        return Err(loco_rs::Error::string(&format!(
            "config: the secret key (auth.jwt.secret / SECRET_KEY) must be base64 of at least {MIN_SECRET_CHARS} characters, e.g. `openssl rand -base64 48`"
        )));
    }
    Ok(())
}

/// The role name in a Postgres URL, checked to be a plain identifier.
fn role_of(url: &str) -> Result<String> {
    let role = url::Url::parse(url)
        .map_err(|err| loco_rs::Error::string(&format!("database.uri: {err}")))?
        .username()
        .to_string();
    if role.is_empty() || !role.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(loco_rs::Error::string(
            "database.uri must name its role (user) with letters, digits and _ only",
        ));
    }
    Ok(role)
}

/// Applies migrations as the tables' owner and lets the app's role use them.
async fn migrate_as_owner(owner_url: &str, app_url: &str) -> Result<()> {
    use migration::MigratorTrait;
    use sea_orm::ConnectionTrait;

    let owner = sea_orm::Database::connect(owner_url).await?;
    Migrator::up(&owner, None).await?;
    let role = role_of(app_url)?;
    JobStore::setup_as_owner(owner_url, &role).await?;
    owner
        .execute_unprepared(&format!(
            "GRANT USAGE ON SCHEMA public TO \"{role}\";
             GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO \"{role}\";
             GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO \"{role}\";"
        ))
        .await?;
    owner.close().await?;
    Ok(())
}

/// With `settings.owner_database_url` set, applies pending migrations as the
/// owner (when `auto_migrate` asks for them) and turns Loco's own migration
/// off: the app's role may not change the schema.
async fn migrate_with_owner(config: &mut Config) -> Result<()> {
    if let Some(owner_url) = Settings::from_config(config)?.owner_database_url {
        if config.database.auto_migrate {
            migrate_as_owner(&owner_url, &config.database.uri).await?;
        }
        config.database.auto_migrate = false;
    }
    Ok(())
}

/// Row-level security does not bind superusers, roles with BYPASSRLS or
/// (without FORCE) owners; say so loudly if the app connects as one.
async fn warn_if_above_row_security(db: &sea_orm::DatabaseConnection) -> Result<()> {
    use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};

    if db.get_database_backend() != DatabaseBackend::Postgres {
        return Ok(());
    }
    let row = db
        .query_one_raw(Statement::from_string(
            DatabaseBackend::Postgres,
            "SELECT (rolsuper OR rolbypassrls) AS above FROM pg_roles WHERE rolname = current_user",
        ))
        .await?;
    if row.and_then(|r| r.try_get::<bool>("", "above").ok()) == Some(true) {
        tracing::warn!(
            "the database role bypasses row-level security; connect as a role without \
             SUPERUSER/BYPASSRLS (see README, \"Database roles\")"
        );
    }
    Ok(())
}

#[async_trait]
impl Hooks for App {
    fn app_name() -> &'static str {
        env!("CARGO_CRATE_NAME")
    }

    fn app_version() -> String {
        format!(
            "{} ({})",
            env!("CARGO_PKG_VERSION"),
            option_env!("BUILD_SHA").unwrap_or("dev")
        )
    }

    /// Every command (`start`, tasks, `db`) loads the config through here,
    /// while only the test harness goes through [`Hooks::boot`]; both apply
    /// the migrations as the tables' owner.
    async fn load_config(environment: &Environment) -> Result<Config> {
        let mut config = environment.load()?;
        ensure_sqlite_folder(&config)?;
        ensure_secret(&mut config, environment)?;
        migrate_with_owner(&mut config).await?;
        Ok(config)
    }

    async fn boot(
        mode: StartMode,
        environment: &Environment,
        mut config: Config,
    ) -> Result<BootResult> {
        ensure_sqlite_folder(&config)?;
        migrate_with_owner(&mut config).await?;
        let boot = create_app::<Self, Migrator>(mode, environment, config).await?;
        // The test harness boots here rather than through the CLI.
        let in_web = Settings::get(&boot.app_context)?.jobs.in_web_process;
        if boot.worker.is_some() || (boot.router.is_some() && in_web) {
            start_workers(&boot.app_context).await?;
        }
        Ok(boot)
    }

    /// Lets running jobs finish before the process exits.
    async fn on_shutdown(ctx: &AppContext) {
        if let Some(slot) = ctx.shared_store.get::<Arc<WorkerSlot>>() {
            if let Some(workers) = slot.lock().await.take() {
                workers.stop().await;
            }
        }
    }

    /// Parse our settings once, and build the rate limiter and the file
    /// storage they configure.
    async fn after_context(mut ctx: AppContext) -> Result<AppContext> {
        let settings = Settings::from_config(&ctx.config)?;
        ctx.storage = Arc::new(Storage::single(file_store(&settings.storage)?));
        ctx.shared_store.insert(Arc::new(
            ocr::Tools::detect(
                &settings.receipts.ocr_command,
                &settings.receipts.pdf_render_command,
            )
            .await,
        ));
        let settings_owner = settings.owner_database_url.clone();
        ctx.shared_store
            .insert(Arc::new(AuthThrottle::new(&settings.rate_limits)));
        ctx.shared_store.insert(Arc::new(settings));
        ctx.shared_store.insert(Arc::new(ImportControl::default()));
        crate::live::start(&ctx)?;
        // With an owner, its migrations set the queue up (see
        // `migrate_as_owner`); otherwise the app's own connection does.
        JobStore::open(&ctx, settings_owner.is_none()).await?;
        ctx.shared_store.insert(Arc::new(WorkerSlot::default()));
        Ok(ctx)
    }

    /// Runs after migrations: the authorization rules live in the database.
    async fn before_run(ctx: &AppContext) -> Result<()> {
        warn_if_above_row_security(&ctx.db).await?;
        ctx.shared_store
            .insert(Arc::new(Policies::load(&ctx.db).await?));
        if cli_start_runs_workers(Settings::get(ctx)?.jobs.in_web_process) {
            start_workers(ctx).await?;
        }
        Ok(())
    }

    async fn initializers(_ctx: &AppContext) -> Result<Vec<Box<dyn Initializer>>> {
        Ok(vec![Box::new(
            initializers::view_engine::ViewEngineInitializer,
        )])
    }

    fn routes(ctx: &AppContext) -> AppRoutes {
        use controllers::{admin, api, pages};
        let routes = AppRoutes::with_default_routes()
            .add_route(pages::home::routes())
            .add_route(pages::account::routes())
            .add_route(pages::workspaces::routes())
            .add_route(pages::expenses::routes())
            .add_route(pages::receipts::routes())
            .add_route(pages::categories::routes())
            .add_route(pages::recurring::routes())
            .add_route(pages::imports::routes())
            .add_route(pages::archives::routes())
            .add_route(pages::budgets::routes())
            .add_route(pages::reports::routes())
            .add_route(pages::balances::routes())
            .add_route(pages::billing::routes())
            .add_route(pages::assistant::routes())
            .add_route(controllers::live::routes())
            .add_route(controllers::webhooks::routes())
            .add_route(admin::operations::routes())
            .add_route(admin::users::routes())
            .add_route(admin::workspaces::routes())
            .add_route(api::auth::routes())
            .add_route(api::openapi::routes())
            .add_route(api::workspaces::routes())
            .add_route(api::expenses::routes())
            .add_route(api::receipts::routes())
            .add_route(api::archives::routes())
            .add_route(api::balances::routes())
            .add_route(api::assistant::routes())
            .add_route(api::budgets::routes())
            .add_route(api::billing::routes())
            .add_route(api::tokens::routes());
        if ctx.environment == Environment::Development {
            routes.add_route(controllers::dev_mailbox::routes())
        } else {
            routes
        }
    }

    /// The fallback is set on the initial router so that the middleware
    /// stack (security headers, request id, sessions) wraps it too.
    async fn before_routes(_ctx: &AppContext) -> Result<AxumRouter<AppContext>> {
        Ok(AxumRouter::new().fallback(controllers::support::errors::not_found))
    }

    /// Outermost of all: a request's work is not cancelled when its client
    /// disconnects (see `run_to_completion`).
    async fn after_routes(router: AxumRouter, _ctx: &AppContext) -> Result<AxumRouter> {
        Ok(router.layer(axum::middleware::from_fn(
            controllers::support::run_to_completion::run_to_completion,
        )))
    }

    /// Loco's stack, with the browser-session layer innermost (closest to
    /// the handlers, inside request ids, logging and security headers).
    fn middlewares(ctx: &AppContext) -> Vec<Box<dyn MiddlewareLayer>> {
        let mut stack: Vec<Box<dyn MiddlewareLayer>> =
            vec![Box::new(web_session::WebSessionLayer::new(ctx))];
        stack.extend(middleware::default_middleware_stack(ctx));
        stack
    }

    /// Jobs run on apalis (see `workers`), not on Loco's queue.
    async fn connect_workers(_ctx: &AppContext, _queue: &Queue) -> Result<()> {
        Ok(())
    }

    fn register_tasks(tasks: &mut Tasks) {
        tasks.register(crate::tasks::recurring_expenses::RecurringExpenses);
        tasks.register(crate::tasks::seed_bench::SeedBench);
        tasks.register(crate::tasks::jobs::Jobs);
        tasks.register(crate::tasks::billing::Billing);
        tasks.register(crate::tasks::create_admin::CreateAdmin);
        // tasks-inject (do not remove)
    }

    async fn truncate(ctx: &AppContext) -> Result<()> {
        truncate_table(&ctx.db, sessions::Entity).await?;
        truncate_table(&ctx.db, users::Entity).await?;
        Ok(())
    }

    async fn seed(_ctx: &AppContext, _base: &Path) -> Result<()> {
        Ok(())
    }
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
