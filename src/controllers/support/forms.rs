//! Request bodies and parameters: `ApiJson` for the API's JSON bodies, and
//! the parameters of actions whose page form and API body carry the same
//! fields.

use axum::{
    body::Bytes,
    extract::{FromRequest, Request},
    response::IntoResponse,
};
use loco_rs::{controller::ErrorDetail, prelude::*};
use serde::{de::DeserializeOwned, Deserialize};

use crate::models::validation::FieldErrors;

/// A JSON body for the API. Unlike a bare `Json`, a body that is not JSON,
/// not a JSON object, or has a field of the wrong type answers 422 with
/// `{"errors": {"body": [..]}}` naming the problem, the same shape as every
/// other validation failure; a body sent as anything but JSON answers 415.
/// (An array was read as the fields in order: `["Renamed"]` renamed a
/// workspace.)
pub struct ApiJson<T>(pub T);

fn is_json_type(req: &Request) -> bool {
    req.headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase()
        })
        .is_some_and(|essence| {
            essence == "application/json"
                || (essence.starts_with("application/") && essence.ends_with("+json"))
        })
}

/// Whether JSON text holds the escape `\u0000` (a raw NUL is not valid
/// JSON). Escapes are skipped whole, so the text `\\u0000` (an escaped
/// backslash, then `u0000`) is not one.
fn has_nul(json: &[u8]) -> bool {
    let mut rest = json;
    while let Some(at) = rest.iter().position(|b| *b == b'\\') {
        let escape = &rest[at + 1..];
        if escape.starts_with(b"u0000") {
            return true;
        }
        rest = escape.get(1..).unwrap_or_default();
    }
    false
}

fn body_error(message: impl Into<String>) -> Response {
    Error::from(FieldErrors::one("body", message)).into_response()
}

impl<S, T> FromRequest<S> for ApiJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> std::result::Result<Self, Response> {
        if !is_json_type(&req) {
            return Err(Error::CustomError(
                axum::http::StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ErrorDetail {
                    error: Some("unsupported_media_type".to_string()),
                    description: Some(
                        "The body must be JSON, sent with Content-Type: application/json"
                            .to_string(),
                    ),
                    errors: None,
                },
            )
            .into_response());
        }
        let bytes = match Bytes::from_request(req, state).await {
            Ok(bytes) => bytes,
            Err(rejection) => return Err(rejection.into_response()),
        };
        // An object, checked by its first character: parsing the whole body
        // into a value first would double the memory of a large archive.
        let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
        if first != Some(&b'{') {
            return Err(body_error("must be a JSON object"));
        }
        // No text anywhere holds a NUL: it means nothing in a name or a note,
        // and Postgres refuses it in text (which would answer 500).
        if has_nul(&bytes) {
            return Err(body_error("must not contain NUL characters (\\u0000)"));
        }
        // The error names the field that does not fit (`name: invalid type`).
        let invalid = |err: &dyn std::fmt::Display| body_error(format!("is not valid: {err}"));
        let mut reader = serde_json::Deserializer::from_slice(&bytes);
        let value =
            serde_path_to_error::deserialize::<_, T>(&mut reader).map_err(|err| invalid(&err))?;
        reader.end().map_err(|err| invalid(&err))?;
        Ok(Self(value))
    }
}

/// Deleting a workspace, from its settings page or the API.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DeleteParams {
    /// The workspace's name, typed to confirm.
    #[schema(required = true)]
    pub confirm: String,
}

/// A member's new role, from the members page or the API.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct RoleParams {
    #[schema(required = true, schema_with = crate::models::schema::role)]
    pub role: String,
}

#[cfg(test)]
mod tests {
    use super::has_nul;

    #[test]
    fn a_nul_is_found_only_where_json_escapes_one() {
        assert!(has_nul(br#"{"name": "a\u0000b"}"#));
        assert!(
            has_nul(br#"{"name": "\\\u0000"}"#),
            "a backslash, then a NUL"
        );
        assert!(
            !has_nul(br#"{"name": "\\u0000"}"#),
            "a backslash, then the text u0000"
        );
        assert!(has_nul(br#"{"name": "\u00001"}"#), "a NUL, then 1");
        assert!(!has_nul(br#"{"name": "plain", "note": "\n\t\u00e9"}"#));
        assert!(!has_nul(b"{}"));
    }
}
