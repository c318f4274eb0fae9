//! Request plumbing shared by pages and the API: who is calling and what
//! they may do (`access`), errors as responses (`errors`, and `domain` for
//! the models' refusals), pages (`render`), request bodies (`forms`) and
//! their limits (`limits`), uploaded and downloaded files (`uploads`),
//! throttling, and sessions and the other middleware (the request log,
//! `no_store`, `api_errors`: every API error as JSON).

pub mod access;
pub mod api_errors;
pub mod assistant;
mod domain;
pub mod errors;
pub mod forms;
pub mod limits;
pub mod no_store;
pub mod render;
pub mod request_log;
pub mod run_to_completion;
pub mod throttle;
pub mod uploads;
pub mod web_session;
