pub mod billing;
pub mod create_admin;
pub mod jobs;
pub mod recurring_expenses;
pub mod seed_bench;
