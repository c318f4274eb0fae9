//! Outgoing mail. Mailers render Loco mail templates; delivery goes through
//! [`crate::workers::mail_delivery`], which either sends over SMTP (the
//! `mailer.smtp` config) or, in the self-hosted default, writes `.eml` files
//! to `settings.mail.folder`.

pub mod auth;
pub mod billing;
pub mod budgets;
pub mod workspaces;
