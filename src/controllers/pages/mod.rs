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

use axum::http::StatusCode;
use loco_rs::prelude::*;
use serde::Serialize;

use crate::controllers::support::{render, web_session::Visitor};

/// Renders `template` with a typed page context; [`render::page`] adds the
/// header's `page`, and empty `form` and `errors` when the context has none.
pub(crate) fn render<T: Serialize>(
    v: &TeraView,
    visitor: &Visitor,
    status: StatusCode,
    template: &str,
    context: &T,
) -> Result<Response> {
    render::page(v, visitor, status, template, serde_json::to_value(context)?)
}
