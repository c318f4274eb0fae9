//! The test suite: one crate, so the app is compiled once for all tests.
mod models;
mod requests;
mod support;
