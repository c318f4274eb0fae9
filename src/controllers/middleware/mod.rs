pub mod run_to_completion;
pub mod web_session;
