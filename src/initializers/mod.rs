//! Setup that runs before or beside Loco's app hooks (see `app.rs`).
pub mod database;
pub mod jobs;
pub mod secret;
pub mod storage;
pub mod view_engine;
