pub mod billing;
pub mod jobs;
pub mod recurring_expenses;
pub mod seed_bench;
