#![allow(elided_lifetimes_in_paths)]
#![allow(clippy::wildcard_imports)]
pub use sea_orm_migration::prelude::*;
mod m20260101_000001_users;
mod m20260101_000002_sessions;
mod m20260102_000001_workspaces;
mod m20260102_000002_casbin_rules;
mod m20260102_000003_row_level_security;
mod m20260103_000001_expenses;
mod m20260103_000002_splits;
mod m20260103_000003_api_tokens;
mod m20260103_000004_recurring;
mod m20260103_000005_imports;
mod m20260104_000001_budgets;
mod m20260105_000001_billing;
mod m20260106_000001_admin;
mod m20260107_000001_receipts;
mod m20261130_000001_access_version;
mod m20261201_000001_rate_limits;
mod m20261201_000005_receipt_problem;
mod m20261207_000001_alert_claimed_by;
mod m20261207_000002_default_split;
mod m20261207_000003_idempotency_keys;
mod m20261207_000004_user_language;
mod m20261208_000001_settle_each_currency;
mod m20261209_000001_idempotency_sweep;
pub mod m20261210_000001_search_index;
pub mod tenant;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20260101_000001_users::Migration),
            Box::new(m20260101_000002_sessions::Migration),
            Box::new(m20260102_000001_workspaces::Migration),
            Box::new(m20260102_000002_casbin_rules::Migration),
            Box::new(m20260102_000003_row_level_security::Migration),
            Box::new(m20260103_000001_expenses::Migration),
            Box::new(m20260103_000002_splits::Migration),
            Box::new(m20260103_000003_api_tokens::Migration),
            Box::new(m20260103_000004_recurring::Migration),
            Box::new(m20260103_000005_imports::Migration),
            Box::new(m20260104_000001_budgets::Migration),
            Box::new(m20260105_000001_billing::Migration),
            Box::new(m20260106_000001_admin::Migration),
            Box::new(m20260107_000001_receipts::Migration),
            Box::new(m20261130_000001_access_version::Migration),
            Box::new(m20261201_000001_rate_limits::Migration),
            Box::new(m20261201_000005_receipt_problem::Migration),
            Box::new(m20261207_000001_alert_claimed_by::Migration),
            Box::new(m20261207_000002_default_split::Migration),
            Box::new(m20261207_000003_idempotency_keys::Migration),
            Box::new(m20261207_000004_user_language::Migration),
            Box::new(m20261208_000001_settle_each_currency::Migration),
            Box::new(m20261209_000001_idempotency_sweep::Migration),
            Box::new(m20261210_000001_search_index::Migration),
            // inject-above (do not remove this comment)
        ]
    }
}
