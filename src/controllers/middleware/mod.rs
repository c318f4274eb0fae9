pub mod web_session;
