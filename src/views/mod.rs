pub mod auth;
pub mod expenses;
pub mod page;
pub mod tokens;
pub mod workspaces;
