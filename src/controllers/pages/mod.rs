//! HTML pages, one file per resource. They never import `api/`.

pub mod account;
pub mod archives;
pub mod assistant;
pub mod balances;
pub mod billing;
pub mod budgets;
pub mod categories;
pub mod expenses;
pub mod home;
pub mod imports;
pub mod receipts;
pub mod recurring;
pub mod reports;
pub mod workspaces;
