//! The API described as OpenAPI 3, generated from the handlers' `#[utoipa::
//! path]` attributes and the types' schemas: `/api/openapi.json`, and a
//! page that lists it for people, `/api/docs`. A test checks it against
//! the router, so a route cannot be added without being described.

use loco_rs::prelude::*;
use serde_json::{json, Value};
use utoipa::{
    openapi::security::{Http, HttpAuthScheme, SecurityScheme},
    Modify, OpenApi,
};

use super::{
    archives, assistant, auth, balances, billing, budgets, expenses, receipts, tokens, workspaces,
};

/// `Authorization: Bearer <token>`: a login token or an access token.
struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        if let Some(components) = openapi.components.as_mut() {
            components.add_security_scheme(
                "bearer",
                SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
            );
        }
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "SmartExpense API",
        description = "Expenses, workspaces and shared costs. Amounts are decimal strings such as \"12.34\", kept exactly in the currency's minor units; ids are UUIDs. Errors: `{\"error\", \"description\", \"errors\": {field: [messages]}}`, 422 for invalid input, 404 for anything outside your workspaces."
    ),
    modifiers(&BearerAuth),
    paths(
        auth::register,
        auth::login,
        auth::current,
        auth::verify,
        auth::resend_verification,
        auth::forgot,
        auth::reset,
        workspaces::create,
        workspaces::list,
        workspaces::show,
        workspaces::update,
        workspaces::destroy,
        workspaces::members,
        workspaces::change_role,
        workspaces::remove_member,
        workspaces::invitations,
        workspaces::invite,
        workspaces::resend_invitation,
        workspaces::revoke_invitation,
        workspaces::accept_invitation,
        workspaces::audit,
        expenses::list,
        expenses::create,
        expenses::show,
        expenses::update,
        expenses::destroy,
        expenses::restore,
        expenses::export_csv,
        expenses::recurring_list,
        expenses::recurring_create,
        expenses::recurring_delete,
        expenses::categories_list,
        expenses::category_create,
        expenses::category_update,
        expenses::category_delete,
        budgets::list,
        budgets::create,
        budgets::show,
        budgets::update,
        budgets::destroy,
        budgets::notifications_list,
        budgets::notifications_read,
        budgets::settings_show,
        budgets::settings_update,
        billing::show,
        billing::checkout,
        billing::portal,
        balances::balances,
        balances::list,
        balances::create,
        balances::destroy,
        assistant::ask,
        receipts::list,
        receipts::upload,
        receipts::download,
        receipts::destroy,
        tokens::list,
        tokens::create,
        tokens::revoke,
        archives::download,
        archives::restore,
    )
)]
pub struct ApiDoc;

#[debug_handler]
async fn document() -> Result<Response> {
    format::json(ApiDoc::openapi())
}

/// The schema a body or an answer refers to: its name, and whether it is
/// a list of them.
fn schema_name(content: &Value) -> Value {
    let Some(schema) = content
        .as_object()
        .and_then(|c| c.values().next())
        .and_then(|c| c.get("schema"))
    else {
        return Value::Null;
    };
    let name = |reference: &Value| {
        reference
            .as_str()
            .and_then(|r| r.rsplit('/').next())
            .map(str::to_string)
    };
    match (name(&schema["$ref"]), name(&schema["items"]["$ref"])) {
        (Some(one), _) => json!({ "name": one, "list": false }),
        (None, Some(item)) => json!({ "name": item, "list": true }),
        (None, None) => Value::Null,
    }
}

fn text(value: &Value) -> String {
    value.as_str().unwrap_or_default().to_string()
}

/// The document as a page: every operation with its parameters, body and
/// answers, then the schemas.
#[debug_handler]
async fn docs(ViewEngine(v): ViewEngine<TeraView>) -> Result<Response> {
    let doc = serde_json::to_value(ApiDoc::openapi())?;
    let mut operations = Vec::new();
    for (path, item) in doc["paths"].as_object().into_iter().flatten() {
        for (method, op) in item.as_object().into_iter().flatten() {
            operations.push(json!({
                "id": text(&op["operationId"]),
                "method": method.to_uppercase(),
                "path": path,
                "tags": op["tags"],
                "summary": text(&op["summary"]),
                "description": text(&op["description"]),
                "parameters": op["parameters"].as_array().into_iter().flatten().map(|p| json!({
                    "name": text(&p["name"]), "in": text(&p["in"]),
                    "required": p["required"].as_bool().unwrap_or(false),
                    "description": text(&p["description"]),
                })).collect::<Vec<_>>(),
                "body": schema_name(&op["requestBody"]["content"]),
                "responses": op["responses"].as_object().into_iter().flatten().map(|(code, answer)| json!({
                    "code": code, "description": text(&answer["description"]),
                    "schema": schema_name(&answer["content"]),
                })).collect::<Vec<_>>(),
                "secured": op.get("security").is_some(),
            }));
        }
    }
    let schemas: Vec<Value> = doc["components"]["schemas"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(name, schema)| {
            let fields: Vec<Value> = schema["properties"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(field, prop)| {
                    let kind = match &prop["type"] {
                        Value::String(kind) => kind.clone(),
                        Value::Array(kinds) => kinds.iter().map(text).collect::<Vec<_>>().join(" or "),
                        _ => schema_name(&json!({ "": { "schema": prop } }))["name"]
                            .as_str()
                            .unwrap_or("object")
                            .to_string(),
                    };
                    json!({ "name": field, "type": kind, "description": text(&prop["description"]) })
                })
                .collect();
            json!({ "name": name, "description": text(&schema["description"]), "fields": fields })
        })
        .collect();
    format::render().view(
        &v,
        "api/docs.html",
        json!({ "info": doc["info"], "openapi": doc["openapi"], "operations": operations, "schemas": schemas }),
    )
}

pub fn routes() -> Routes {
    Routes::new()
        .add("/api/openapi.json", get(document))
        .add("/api/docs", get(docs))
}
