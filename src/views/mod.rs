pub mod auth;
pub mod budgets;
pub mod dashboard;
pub mod expenses;
pub mod imports;
pub mod page;
pub mod tokens;
pub mod workspaces;
