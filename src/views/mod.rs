pub mod auth;
pub mod expenses;
pub mod page;
pub mod workspaces;
