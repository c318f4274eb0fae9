//! The JSON API (`/api/...`), one file per resource, and its OpenAPI
//! document. They never import `pages/`.

pub mod archives;
pub mod assistant;
pub mod auth;
pub mod balances;
pub mod billing;
pub mod budgets;
pub mod expenses;
pub mod openapi;
pub mod receipts;
pub mod tokens;
pub mod workspaces;
