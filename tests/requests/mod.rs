mod account_pages;
mod auth_api;
mod dev_mailbox;
mod expenses_api;
mod isolation;
mod security;
mod workspace_pages;
mod workspaces_api;
