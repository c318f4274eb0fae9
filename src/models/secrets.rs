//! Random tokens handed to people (session cookies, emailed links) and the
//! digests we keep of them. The database only ever sees digests.

use hmac::{Hmac, Mac};
use loco_rs::hash;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// 43 alphanumeric characters carry just over 256 bits of entropy.
const TOKEN_LENGTH: usize = 43;

/// A new random token (CSPRNG-backed).
#[must_use]
pub fn new_token() -> String {
    hash::random_string(TOKEN_LENGTH)
}

/// The stored form of a token: its SHA-256 digest in hex.
#[must_use]
pub fn digest(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// An HMAC-SHA256 of `message` under `key`, in hex.
#[must_use]
pub fn sign(key: &str, message: &str) -> String {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    mac.update(message.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// Compares two secrets without leaking where they differ through timing.
#[must_use]
pub fn same(a: &str, b: &str) -> bool {
    a.as_bytes().ct_eq(b.as_bytes()).into()
}
