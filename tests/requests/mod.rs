mod account_pages;
mod auth_api;
mod security;
