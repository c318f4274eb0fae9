//! The OpenAPI document is generated from the code and matches the router:
//! every API route is described with its methods, and nothing else is.

use std::collections::BTreeSet;

use loco_rs::app::Hooks;
use serde_json::Value;
use smartexpense::app::App;

use crate::support::TestApp;

/// Routes that are not part of the versioned API the document describes.
fn described(uri: &str) -> bool {
    (uri.starts_with("/api/v1/") || uri.starts_with("/api/auth/")) && uri != "/api/openapi.json"
}

#[tokio::test]
async fn the_openapi_document_describes_exactly_the_api_routes() {
    let app = TestApp::start().await;
    let response = app.server.get("/api/openapi.json").await;
    response.assert_status_ok();
    let doc: Value = response.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    assert_eq!(doc["info"]["title"], "SmartExpense API");

    let mut in_router = BTreeSet::new();
    for route in App::routes(&app.ctx).collect() {
        // Loco lists a route registered with a trailing slash without it.
        let uri = route.uri.trim_end_matches('/').to_string();
        if described(&uri) {
            for method in &route.actions {
                in_router.insert((uri.clone(), method.as_str().to_lowercase()));
            }
        }
    }
    let mut in_document = BTreeSet::new();
    for (path, operations) in doc["paths"].as_object().unwrap() {
        for method in operations.as_object().unwrap().keys() {
            in_document.insert((path.trim_end_matches('/').to_string(), method.clone()));
        }
    }
    let undocumented: Vec<_> = in_router.difference(&in_document).collect();
    let invented: Vec<_> = in_document.difference(&in_router).collect();
    assert!(
        undocumented.is_empty(),
        "routes missing from the document: {undocumented:?}"
    );
    assert!(
        invented.is_empty(),
        "documented but not routed: {invented:?}"
    );
    assert!(in_router.len() > 30, "{in_router:?}");

    // Request bodies name their schema, and the schemas are there.
    let create = &doc["paths"]["/api/v1/workspaces/{workspace_id}/expenses"]["post"];
    let schema = create["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        .as_str()
        .unwrap();
    // Creating takes the same fields as changing, and says which it needs.
    assert_eq!(schema, "#/components/schemas/NewExpenseParams");
    let schemas = &doc["components"]["schemas"];
    assert!(schemas["ExpenseParams"]["properties"]["amount"].is_object());
    let names = |schema: &Value| -> Vec<String> {
        schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect()
    };
    assert_eq!(
        names(&schemas["NewExpenseParams"]),
        names(&schemas["ExpenseParams"])
    );
    // Required on creation, so not `null` either; a change may send null.
    assert_eq!(
        schemas["NewExpenseParams"]["properties"]["amount"]["type"],
        "string"
    );
    assert_eq!(
        schemas["ExpenseParams"]["properties"]["amount"]["type"],
        serde_json::json!(["string", "null"])
    );
    assert_eq!(
        schemas["NewExpenseParams"]["required"],
        serde_json::json!(["amount", "date", "description"])
    );
    let change = &doc["paths"]["/api/v1/workspaces/{workspace_id}/expenses/{expense_id}"]["patch"];
    assert_eq!(
        change["requestBody"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/ExpenseParams"
    );
    assert!(schemas["ExpenseParams"].get("required").is_none());
    assert!(doc["components"]["schemas"]["ExpenseResponse"]["properties"]["split"].is_object());
}

#[tokio::test]
async fn the_api_documentation_page_lists_every_operation() {
    let app = TestApp::start().await;
    let doc: Value = app.server.get("/api/openapi.json").await.json();
    let page = app.server.get("/api/docs").await;
    page.assert_status_ok();
    let html = page.text();
    assert!(html.contains("<title>API"));
    for path in doc["paths"].as_object().unwrap().keys() {
        let shown = path.replace('/', "&#x2F;");
        assert!(
            html.contains(path.as_str()) || html.contains(&shown),
            "{path} is not on the page"
        );
    }
}

#[tokio::test]
async fn every_operation_has_a_unique_id_and_its_errors_in_the_shared_shape() {
    let app = TestApp::start().await;
    let doc: Value = app.server.get("/api/openapi.json").await.json();
    let error = &doc["components"]["schemas"]["Error"];
    assert_eq!(
        error["required"],
        serde_json::json!(["error", "description"])
    );
    let mut ids = BTreeSet::new();
    let mut operations = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            operations += 1;
            let id = op["operationId"].as_str().unwrap_or_default().to_string();
            assert!(
                ids.insert(id.clone()),
                "{method} {path}: id {id} is used twice"
            );
            let answers = op["responses"].as_object().unwrap();
            for (code, answer) in answers {
                if code.starts_with('4') || code.starts_with('5') {
                    assert_eq!(
                        answer["content"]["application/json"]["schema"]["$ref"],
                        "#/components/schemas/Error",
                        "{method} {path} {code}"
                    );
                }
                if code == "429" {
                    assert!(
                        answer["headers"]["Retry-After"].is_object(),
                        "{method} {path}: 429 says when to try again"
                    );
                }
            }
            if op.get("security").is_some() {
                assert!(
                    answers["401"]["headers"]["WWW-Authenticate"].is_object(),
                    "{method} {path} has no 401 with WWW-Authenticate"
                );
            }
            if op.get("requestBody").is_some() {
                for code in ["413", "415", "422"] {
                    assert!(answers.contains_key(code), "{method} {path} lacks {code}");
                }
            }
        }
    }
    assert!(operations > 30);

    // Two kinds of token, each where it works: managing access tokens and
    // the account routes take a login token only.
    let schemes = &doc["components"]["securitySchemes"];
    assert!(schemes["login_token"].is_object() && schemes["access_token"].is_object());
    for (path, method) in [("/api/v1/tokens", "post"), ("/api/auth/current", "get")] {
        assert_eq!(
            doc["paths"][path][method]["security"],
            serde_json::json!([{ "login_token": [] }]),
            "{method} {path}"
        );
    }
    assert_eq!(
        doc["paths"]["/api/v1/workspaces"]["get"]["security"],
        serde_json::json!([{ "login_token": [] }, { "access_token": [] }])
    );
}

#[tokio::test]
async fn every_list_documents_the_same_paging_with_the_servers_bounds() {
    use smartexpense::models::paging::{CURSOR_MAX_CHARS, LIMIT_MAX};
    let app = TestApp::start().await;
    let doc: Value = app.server.get("/api/openapi.json").await.json();
    let mut lists = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        let Some(get) = item.get("get") else { continue };
        let schema = &get["responses"]["200"]["content"]["application/json"]["schema"];
        let Some(name) = schema["$ref"].as_str().and_then(|r| r.rsplit('/').next()) else {
            continue;
        };
        let answer = &doc["components"]["schemas"][name];
        if answer["properties"]["items"].is_null() {
            continue;
        }
        lists += 1;
        assert!(
            answer["required"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f == "next_cursor"),
            "{path}: next_cursor is always there (null on the last page)"
        );
        let param = |wanted: &str| {
            get["parameters"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["name"] == wanted)
                .unwrap_or_else(|| panic!("{path} takes no {wanted}"))
                .clone()
        };
        assert_eq!(param("limit")["schema"]["maximum"], LIMIT_MAX, "{path}");
        assert_eq!(param("limit")["schema"]["minimum"], 1, "{path}");
        assert_eq!(
            param("cursor")["schema"]["maxLength"],
            CURSOR_MAX_CHARS,
            "{path}"
        );
    }
    // Workspaces, members, invitations, audit, expenses, categories,
    // recurring, budgets, notifications, settlements, a balance explained,
    // receipts, tokens.
    assert_eq!(lists, 13);
}
