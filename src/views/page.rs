//! What every page template gets as `page`: the signed-in user for the
//! header, the CSRF token for forms and htmx, and a flash message.

use serde::Serialize;

use crate::{models::_entities::users, views::workspaces::Frame};

#[derive(Debug, Clone, Serialize)]
pub struct Flash {
    /// `notice` or `alert`.
    pub kind: String,
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct NavUser {
    /// The user's public id (what the offline queue files expenses under).
    pub id: String,
    pub name: String,
    pub email: String,
    pub email_verified: bool,
}

impl From<&users::Model> for NavUser {
    fn from(user: &users::Model) -> Self {
        Self {
            id: user.pid.to_string(),
            name: user.name.clone(),
            email: user.email.clone(),
            email_verified: user.email_verified_at.is_some(),
        }
    }
}

/// A workspace in the header's switcher.
#[derive(Debug, Clone, Serialize)]
pub struct NavWorkspace {
    pub id: String,
    pub name: String,
    /// The page being shown belongs to it.
    pub current: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Page {
    pub user: Option<NavUser>,
    pub workspaces: Vec<NavWorkspace>,
    /// Name of the workspace the page belongs to, if any.
    pub current_workspace: Option<String>,
    pub csrf_token: String,
    pub flash: Option<Flash>,
    /// Show the link to the development mailbox.
    pub dev_mailbox: bool,
    /// The path shown, for the navigation to mark the current page.
    pub path: String,
    /// Show the link to the operators' console.
    pub operator: bool,
    /// The language the page is written in (`<html lang>`, `t()`, amounts).
    pub lang: crate::i18n::Lang,
}

/// A session as the "your sessions" list shows it.
#[derive(Debug, Serialize)]
pub struct SessionRow {
    pub current: bool,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub started: String,
    pub last_seen: String,
}

impl SessionRow {
    #[must_use]
    pub fn new(session: &crate::models::sessions::Model, current_id: i64) -> Self {
        Self {
            current: session.id == current_id,
            ip: session.ip.clone(),
            user_agent: session.user_agent.clone(),
            started: session.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            last_seen: session
                .last_seen_at
                .format("%Y-%m-%d %H:%M UTC")
                .to_string(),
        }
    }
}

/// A page without data of its own: the template reads only `page`.
#[derive(Debug, Serialize)]
pub struct NoData {}

/// A workspace page's context: the frame every workspace page shares
/// (`views::workspaces::Frame`: the workspace, what the member may do, the
/// unread count, the billing banner, the quick-add sheet's choices; built by
/// `pages::workspaces::frame`, or `views::expenses::ExpenseFrame` from
/// `pages::expenses::frame` adding the expense form's choices) and the
/// page's own typed part, whose keys win over the frame's. Rendering adds
/// `page`.
#[derive(Debug, Serialize)]
pub struct InWorkspace<T, F = Frame> {
    #[serde(flatten)]
    pub frame: F,
    #[serde(flatten)]
    pub page: T,
}

/// A form's values: the blank form's starting values, or what was sent,
/// shown again beside its errors.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum FormValues<New, Sent> {
    New(New),
    Sent(Sent),
}

impl<New, Sent> FormValues<New, Sent> {
    /// The values sent, with their errors; or a blank form and no errors.
    pub fn sent_or(
        sent: Option<(Sent, serde_json::Value)>,
        new: impl FnOnce() -> New,
    ) -> (Self, Option<serde_json::Value>) {
        match sent {
            Some((sent, errors)) => (Self::Sent(sent), Some(errors)),
            None => (Self::New(new()), None),
        }
    }
}
