pub mod _entities;
pub mod secrets;
pub mod sessions;
pub mod users;
pub mod validation;
