//! The API described as OpenAPI 3, generated from the handlers' `#[utoipa::
//! path]` attributes and the types' schemas: `/api/openapi.json`, and a
//! page that lists it for people, `/api/docs`. A test checks it against
//! the router, so a route cannot be added without being described.

use loco_rs::prelude::*;
use serde_json::{json, Value};
use utoipa::{
    openapi::security::{HttpAuthScheme, SecurityScheme},
    Modify, OpenApi,
};

use super::{
    archives, assistant, auth, balances, billing, budgets, expenses, receipts, tokens, workspaces,
};

/// `Authorization: Bearer <token>`, with either kind of token: a login
/// token (from `POST /api/auth/login`) or a personal access token (`se_…`,
/// made on the account page or `POST /api/v1/tokens`). Managing access
/// tokens takes a login token.
struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::HttpBuilder;
        if let Some(components) = openapi.components.as_mut() {
            components.add_security_scheme(
                "login_token",
                SecurityScheme::Http(
                    HttpBuilder::new()
                        .scheme(HttpAuthScheme::Bearer)
                        .bearer_format("JWT")
                        .description(Some(
                            "The `token` of `POST /api/auth/login`; ends with a password reset or change, \
                             \"log out everywhere\" and a lock",
                        ))
                        .build(),
                ),
            );
            components.add_security_scheme(
                "access_token",
                SecurityScheme::Http(
                    HttpBuilder::new()
                        .scheme(HttpAuthScheme::Bearer)
                        .bearer_format("se_…")
                        .description(Some(
                            "A personal access token (`se_…`), shown once when made; ends when revoked, \
                             expired, or with a password reset and a lock",
                        ))
                        .build(),
                ),
            );
        }
    }
}

/// The answers every operation can give besides its own, in the one error
/// shape the API answers with (`support::api_errors`, `support::domain`),
/// and operation ids unique across the document (handlers are named
/// `list`, `create`... within their resource's module).
struct ErrorContract;

/// An error answer of `status` in the shared shape.
fn error_answer(description: &str) -> utoipa::openapi::Response {
    use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Error")))
                .build(),
        )
        .build()
}

fn error_schema() -> utoipa::openapi::Schema {
    use utoipa::openapi::{
        schema::{AdditionalProperties, ArrayBuilder, ObjectBuilder, Type},
        RefOr, Schema,
    };
    let text = |description: &str| {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(description))
    };
    Schema::Object(
        ObjectBuilder::new()
            .description(Some(
                "Every error answer: a stable code, a sentence for people, and for invalid \
                 input the messages of each field",
            ))
            .examples([json!({
                "error": "validation_failed",
                "description": "Some fields are invalid; see `errors`.",
                "errors": { "amount": ["can have at most 2 decimals in EUR"] }
            })])
            .property(
                "error",
                text("A stable code: `validation_failed`, `plan_limit`, `not_found`, `forbidden`, \
                      `conflict`, `unauthorized`, `bad_request`, `unsupported_media_type`, \
                      `payload_too_large`, `too_many_requests`..."),
            )
            .required("error")
            .property("description", text("What went wrong and what to do, for people"))
            .required("description")
            .property(
                "errors",
                ObjectBuilder::new()
                    .schema_type(Type::Object)
                    .description(Some(
                        "422: each invalid field (`amount`, `split.parts[1].value`) with its messages; \
                         402: `upgrade_url`",
                    ))
                    .additional_properties(Some(AdditionalProperties::RefOr(RefOr::T(
                        Schema::Array(
                            ArrayBuilder::new()
                                .items(ObjectBuilder::new().schema_type(Type::String))
                                .build(),
                        ),
                    )))),
            )
            .build(),
    )
}

impl Modify for ErrorContract {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use std::collections::HashMap;
        use utoipa::openapi::{header::HeaderBuilder, schema::Type, ObjectBuilder, RefOr};

        openapi
            .components
            .get_or_insert_with(Default::default)
            .schemas
            .insert("Error".to_string(), RefOr::T(error_schema()));
        let mut names: HashMap<String, usize> = HashMap::new();
        for item in openapi.paths.paths.values() {
            for op in [&item.get, &item.put, &item.post, &item.delete, &item.patch]
                .into_iter()
                .flatten()
            {
                *names
                    .entry(op.operation_id.clone().unwrap_or_default())
                    .or_default() += 1;
            }
        }
        for item in openapi.paths.paths.values_mut() {
            for op in [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ]
            .into_iter()
            .flatten()
            {
                let id = op.operation_id.clone().unwrap_or_default();
                if names.get(&id).copied().unwrap_or_default() > 1 {
                    let tag = op
                        .tags
                        .as_ref()
                        .and_then(|t| t.first())
                        .cloned()
                        .unwrap_or_default();
                    op.operation_id = Some(format!("{id}_{tag}"));
                }
                let answers = &mut op.responses.responses;
                let mut add = |code: &str, answer: utoipa::openapi::Response| {
                    answers.entry(code.to_string()).or_insert(RefOr::T(answer));
                };
                if op.parameters.as_ref().is_some_and(|p| !p.is_empty()) {
                    add(
                        "400",
                        error_answer("A query or path parameter does not parse"),
                    );
                }
                let has_query =
                    op.parameters.iter().flatten().any(|p| {
                        matches!(p.parameter_in, utoipa::openapi::path::ParameterIn::Query)
                    });
                if has_query {
                    add(
                        "422",
                        error_answer("A query parameter is out of bounds (`limit`) or names nothing (`cursor`, a filter's id); `errors` says which"),
                    );
                }
                if op.security.is_some() {
                    let mut unauthorized = error_answer(
                        "No valid token: missing, expired, revoked or of the wrong kind",
                    );
                    unauthorized.headers.insert(
                        "WWW-Authenticate".to_string(),
                        HeaderBuilder::new()
                            .schema(ObjectBuilder::new().schema_type(Type::String))
                            .description(Some("`Bearer`"))
                            .build(),
                    );
                    add("401", unauthorized);
                }
                if op.request_body.is_some() {
                    add(
                        "413",
                        error_answer("The body is larger than this route takes"),
                    );
                    add("415", error_answer("The body is not sent as JSON"));
                    add(
                        "422",
                        error_answer("Invalid input: `errors` names each field; a body that is not a JSON object"),
                    );
                }
                // Already described answers (422, 402, 404, 429...) take the shared shape.
                for (code, answer) in answers.iter_mut() {
                    let is_error = code.starts_with('4') || code.starts_with('5');
                    if let (true, RefOr::T(answer)) = (is_error, answer) {
                        if answer.content.is_empty() {
                            let description = answer.description.clone();
                            let headers = std::mem::take(&mut answer.headers);
                            *answer = error_answer(&description);
                            answer.headers = headers;
                        }
                        if code == "429" {
                            answer.headers.insert(
                                "Retry-After".to_string(),
                                HeaderBuilder::new()
                                    .schema(
                                        ObjectBuilder::new()
                                            .schema_type(Type::Integer)
                                            .minimum(Some(1)),
                                    )
                                    .description(Some("Seconds until a try may succeed"))
                                    .build(),
                            );
                        }
                    }
                }
            }
        }
    }
}

/// The sets of words fields take (`WorkspaceKind`, `Role`...), which the
/// fields refer to by name (`models::schema`).
struct NamedEnums;

impl Modify for NamedEnums {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let schemas = &mut openapi
            .components
            .get_or_insert_with(Default::default)
            .schemas;
        for (name, words) in crate::models::schema::named_enums() {
            schemas.insert(name.to_string(), utoipa::openapi::RefOr::T(words.into()));
        }
    }
}

/// Creating and changing an expense, a budget or a category read the same
/// params (on a change, what is left out stays), but creating needs what
/// a change may leave out: the document gives each creation a copy of the
/// schema that says so.
struct CreateBodies;

/// `(path of the POST, the shared schema, the creation's schema, the
/// fields its model operation refuses as blank)`.
const CREATE_BODIES: [(&str, &str, &str, &[&str]); 3] = [
    (
        "/api/v1/workspaces/{workspace_id}/expenses",
        "ExpenseParams",
        "NewExpenseParams",
        &["amount", "date", "description"],
    ),
    (
        "/api/v1/workspaces/{workspace_id}/budgets",
        "BudgetParams",
        "NewBudgetParams",
        &["name", "amount"],
    ),
    (
        "/api/v1/workspaces/{workspace_id}/categories",
        "CategoryParams",
        "NewCategoryParams",
        &["name"],
    ),
];

impl Modify for CreateBodies {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{
            schema::{SchemaType, Type},
            ContentBuilder, Ref, RefOr, Schema,
        };
        let Some(components) = openapi.components.as_mut() else {
            return;
        };
        for (path, shared, created, required) in CREATE_BODIES {
            let Some(RefOr::T(Schema::Object(mut new))) = components.schemas.get(shared).cloned()
            else {
                continue;
            };
            new.required = required.iter().map(|f| (*f).to_string()).collect();
            // A required field cannot be `null` either: the change's schema
            // allows it ("leave as it is"), creating does not.
            for field in required {
                if let Some(RefOr::T(Schema::Object(property))) = new.properties.get_mut(*field) {
                    if let SchemaType::Array(types) = &property.schema_type {
                        let kept: Vec<Type> = types
                            .iter()
                            .filter(|t| **t != Type::Null)
                            .cloned()
                            .collect();
                        property.schema_type = match kept.as_slice() {
                            [one] => SchemaType::Type(one.clone()),
                            _ => SchemaType::Array(kept),
                        };
                    }
                }
            }
            components
                .schemas
                .insert(created.to_string(), RefOr::T(Schema::Object(new)));
            let body = openapi
                .paths
                .paths
                .get_mut(path)
                .and_then(|item| item.post.as_mut())
                .and_then(|op| op.request_body.as_mut());
            if let Some(body) = body {
                body.content.insert(
                    "application/json".to_string(),
                    ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name(created)))
                        .build(),
                );
            }
        }
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "SmartExpense API",
        description = "Expenses, workspaces and shared costs. Amounts are decimal strings such as \"12.34\", kept exactly in the currency's minor units; ids are UUIDs; dates are YYYY-MM-DD. Every list answers `{items, next_cursor}` and takes `limit` (1 to 200) and `cursor` (the previous page's `next_cursor`). Every error is JSON of the `Error` schema (`{\"error\", \"description\", \"errors\": {field: [messages]}}`): 400 for a query or path that does not parse, 401 (with `WWW-Authenticate: Bearer`) without a valid token, 403 when your role does not allow it, 404 for anything outside your workspaces, 405 (with `Allow`), 413 for a body too large, 415 for a body not sent as JSON, 422 for invalid input or a body that is not a JSON object, 429 (with `Retry-After`) when rate-limited."
    ),
    modifiers(&BearerAuth, &ErrorContract, &NamedEnums, &CreateBodies),
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
        expenses::recurring_update,
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
        balances::explained,
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
