//! The secret that signs API and CSRF tokens.

use std::path::Path;

use loco_rs::{config::Config, environment::Environment, Result};

/// Where the self-hosted setup keeps the secret it generated on first start.
const GENERATED_SECRET_FILE: &str = "data/secret_key";
const MIN_SECRET_CHARS: usize = 32;

/// A shared default secret would let anyone forge tokens, so when none is
/// configured a random one is made once and kept beside the database.
/// Production must configure its own.
pub fn ensure_secret(config: &mut Config, environment: &Environment) -> Result<()> {
    let Some(jwt) = config.auth.as_mut().and_then(|auth| auth.jwt.as_mut()) else {
        return Err(loco_rs::Error::string("config: auth.jwt is missing"));
    };
    if jwt.secret.trim().is_empty() {
        if *environment == Environment::Production {
            return Err(loco_rs::Error::string(
                "SECRET_KEY must be set in production",
            ));
        }
        let file = Path::new(GENERATED_SECRET_FILE);
        jwt.secret = match std::fs::read_to_string(file) {
            Ok(secret) => secret.trim().to_string(),
            Err(_) => {
                // 64 hex digits: valid base64, as the token signer wants.
                let secret = crate::models::secrets::digest(&crate::models::secrets::new_token());
                if let Some(folder) = file.parent() {
                    std::fs::create_dir_all(folder)?;
                }
                std::fs::write(file, &secret)?;
                secret
            }
        };
    }
    let signs = loco_rs::auth::jwt::JWT::new(&jwt.secret)
        .generate_token(60, "boot-check".to_string(), serde_json::Map::new())
        .is_ok();
    if jwt.secret.chars().count() < MIN_SECRET_CHARS || !signs {
        return Err(loco_rs::Error::string(&format!(
            "config: the secret key (auth.jwt.secret / SECRET_KEY) must be base64 of at least {MIN_SECRET_CHARS} characters, e.g. `openssl rand -base64 48`"
        )));
    }
    Ok(())
}
