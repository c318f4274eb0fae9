//! Distinct types for the ids of workspaces and users: a function that
//! takes a workspace id cannot be handed a user's by mistake (or the other
//! way round), which with plain integers compiles and leaks across
//! tenants. They are the columns' own types in the entities, stored as the
//! same `BIGINT`, and serialize as plain numbers (job payloads keep their
//! shape).

use std::fmt;

use sea_orm::DeriveValueType;
use serde::{Deserialize, Serialize};

/// Declares an id type: a plain number underneath, shown as one.
macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, DeriveValueType, Serialize,
            Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// A workspace's row id (never shown outside: pages and the API use
    /// the workspace's `pid`).
    WorkspaceId
);

id_type!(
    /// A user's row id (pages and the API use the user's `pid`).
    UserId
);
