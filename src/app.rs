//! Loco's hooks: what the framework calls at boot, for routes, middleware,
//! tasks and shutdown. The setup they call lives in `initializers/`.

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
    storage::Storage,
    task::Tasks,
    Result,
};
use migration::Migrator;

use crate::{
    controllers::{
        self,
        support::{no_store::NoStore, request_log, throttle::AuthThrottle, web_session},
    },
    initializers::{
        self,
        database::{ensure_sqlite_folder, migrate_with_owner, warn_if_above_row_security},
        jobs::{cli_start_runs_workers, start_workers, WorkerSlot},
        secret::ensure_secret,
        storage::file_store,
    },
    models::{
        _entities::{sessions, users},
        imports::ImportControl,
        receipts::ocr,
    },
    policies::Policies,
    settings::Settings,
    workers::queue::JobStore,
};

pub struct App;

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
        ctx.shared_store
            .insert(Arc::new(ocr::Tools::detect(&settings.receipts).await));
        let settings_owner = settings.owner_database_url.clone();
        ctx.shared_store
            .insert(Arc::new(AuthThrottle::new(&settings.rate_limits)));
        ctx.shared_store.insert(Arc::new(settings));
        ctx.shared_store.insert(Arc::new(ImportControl::default()));
        crate::live::start(&ctx)?;
        crate::models::figures::configure(&ctx.config);
        // The settings live parsed in the shared store from here on. As a
        // tree (a few hundred strings and maps) the raw block was copied and
        // freed with the context by every request that takes `State`, a
        // fifth of a list request's CPU in a profile; as one string it is a
        // single copy (Loco may build a second context from this config).
        Settings::pack(&mut ctx.config);
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
    /// disconnects (see `run_to_completion`), every request body has a
    /// time limit (see `limits`), and every API error is JSON (see
    /// `api_errors`; outside the limits, whose 408 and 413 it covers).
    async fn after_routes(router: AxumRouter, ctx: &AppContext) -> Result<AxumRouter> {
        Ok(router
            .layer(axum::middleware::from_fn_with_state(
                ctx.clone(),
                controllers::support::limits::guard,
            ))
            .layer(axum::middleware::from_fn(
                controllers::support::api_errors::api_errors,
            ))
            .layer(axum::middleware::from_fn(
                controllers::support::run_to_completion::run_to_completion,
            )))
    }

    /// Loco's stack, with the browser-session layer innermost (closest to
    /// the handlers, inside request ids, logging and security headers), and
    /// our request log in place of Loco's (no tokens in logged URIs, errors
    /// by level).
    fn middlewares(ctx: &AppContext) -> Vec<Box<dyn MiddlewareLayer>> {
        let mut stack: Vec<Box<dyn MiddlewareLayer>> = vec![
            Box::new(web_session::WebSessionLayer::new(ctx)),
            Box::new(NoStore),
        ];
        stack.extend(
            middleware::default_middleware_stack(ctx)
                .into_iter()
                .map(|layer| match layer.name() {
                    "logger" => Box::new(request_log::RequestLog::new(ctx)),
                    _ => layer,
                }),
        );
        stack
    }

    /// Loco's logger, but a refused request is logged at the level of its
    /// status (see `request_log`).
    fn init_logger(ctx: &AppContext) -> Result<bool> {
        request_log::init::<Self>(&ctx.config.logger)
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
