//! The database before the app uses it: SQLite's folder, and on Postgres the
//! split between the role that owns the tables (and migrates them) and the
//! app's own role, which row-level security binds.

use std::path::Path;

use loco_rs::{config::Config, Result};
use migration::Migrator;

use crate::{settings::Settings, workers::queue::JobStore};

/// SQLite will not create the folder of its database file; the default
/// setup keeps it in `./data/`, so make that on first start.
pub fn ensure_sqlite_folder(config: &Config) -> Result<()> {
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

/// Applies migrations as the tables' owner and lets the app's role use them
/// (the tests also build their template database with it).
///
/// # Errors
/// On database errors, or an app URL without a plain role name.
pub async fn migrate_as_owner(owner_url: &str, app_url: &str) -> Result<()> {
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
pub async fn migrate_with_owner(config: &mut Config) -> Result<()> {
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
pub async fn warn_if_above_row_security(db: &sea_orm::DatabaseConnection) -> Result<()> {
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
