pub mod auth;
pub mod page;
pub mod workspaces;
