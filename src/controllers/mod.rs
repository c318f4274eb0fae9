//! Request handlers. `pages/` answers the browser with HTML, `api/` answers
//! `/api/...` with JSON, and `support/` is the request plumbing both use
//! (access, errors, rendering, forms, uploads, throttling, sessions).
//! Pages and the API never import each other: what both need lives in
//! `support/`, in `crate::views` or in `crate::models`.

pub mod admin;
pub mod api;
pub mod dev_mailbox;
pub mod live;
pub mod pages;
pub mod support;
pub mod webhooks;
