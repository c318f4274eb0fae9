mod account_pages;
mod auth_api;
mod dev_mailbox;
mod security;
mod workspaces_api;
