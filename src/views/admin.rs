//! The operators' console: what every console page shows around its
//! content. (Its pages' own contexts are still JSON values; see
//! `docs/ARCHITECTURE.md`.)

use serde::Serialize;

use crate::models::platform::PlatformRole;

/// Built by `admin::Staff::frame`: who is at the console and which of its
/// sections they may open (its navigation reads both).
#[derive(Debug, Serialize)]
pub struct ConsoleFrame {
    pub staff: StaffBadge,
    pub console: ConsoleSections,
}

#[derive(Debug, Serialize)]
pub struct StaffBadge {
    pub name: String,
    pub roles: Vec<PlatformRole>,
}

/// The console's sections the operator may open.
#[derive(Debug, Serialize)]
#[allow(clippy::struct_excessive_bools)] // one flag per section
pub struct ConsoleSections {
    pub users: bool,
    pub workspaces: bool,
    pub billing: bool,
    pub jobs: bool,
    pub audit: bool,
}
