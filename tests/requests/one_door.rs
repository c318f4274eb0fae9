//! One door per action (issue 18): a bad value gets the same refusal and
//! the same message from every door that accepts it (the API, the page
//! form, a CSV import row, an archive restore and the assistant's quick
//! entry), and a refusal writes nothing.
//!
//! Each test is one bad value with a row per door. A door that does not
//! refuse as it must is collected, not failed at once, so that a failing
//! test names every such door and what it answered instead.

use chrono::{Days, NaiveDate, Utc};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{json, Value};
use smartexpense::models::{
    _entities::{budgets, categories, expense_shares, expenses, recurring_expenses},
    imports,
};

use super::{
    imports::{upload, PLAIN_COLUMNS},
    workspaces_api::{join_as, workspace_of},
};
use crate::support::{category_id, household, stripe::StripeStandin, TestApp};

/// What every door must answer.
#[derive(Debug, Clone, Copy)]
enum Refusal {
    /// 422 naming the field with this message.
    Field(&'static str, &'static str),
    /// 402: the plan keeps only so many months of history.
    History,
}

/// The part of the plan's refusal every door must show.
const HISTORY: &str = "months of history: expenses before";

/// A date before the 12 months of history of the Free plan in
/// `config/test.yaml`.
const LONG_AGO: &str = "2019-03-03";

impl Refusal {
    /// The text a person reads, wherever it is shown.
    fn text(self) -> &'static str {
        match self {
            Self::Field(_, message) => message,
            Self::History => HISTORY,
        }
    }

    /// Whether a JSON answer is this refusal, `key` naming the field (the
    /// archive names it with its place, `expenses[0].amount`).
    fn in_json(self, answer: &axum_test::TestResponse, key: &str) -> Result<(), String> {
        let status = answer.status_code().as_u16();
        let body = json_of(answer);
        let refused = match self {
            Self::Field(_, message) => {
                status == 422
                    && body["errors"][key]
                        .as_array()
                        .is_some_and(|all| all.iter().any(|m| m == message))
            }
            Self::History => {
                status == 402
                    && body["error"] == "plan_limit"
                    && body["description"]
                        .as_str()
                        .is_some_and(|d| d.contains(HISTORY))
            }
        };
        if refused {
            Ok(())
        } else {
            Err(format!("{status} {}", shortened(&answer.text())))
        }
    }
}

/// Rows of the tables a refused change could write, in the whole database
/// (each test has its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Rows {
    expenses: u64,
    shares: u64,
    categories: u64,
    rules: u64,
    budgets: u64,
}

impl Rows {
    async fn now(app: &TestApp) -> Self {
        let db = &app.owner_db;
        Self {
            expenses: expenses::Entity::find().count(db).await.unwrap(),
            shares: expense_shares::Entity::find().count(db).await.unwrap(),
            categories: categories::Entity::find().count(db).await.unwrap(),
            rules: recurring_expenses::Entity::find().count(db).await.unwrap(),
            budgets: budgets::Entity::find().count(db).await.unwrap(),
        }
    }
}

/// `None` when `door` refused as it must and the rows are as expected;
/// otherwise what it did instead.
fn verdict(door: &str, refused: Result<(), String>, expected: Rows, after: Rows) -> Option<String> {
    let mut wrong = Vec::new();
    if let Err(answer) = refused {
        wrong.push(format!("answered {answer}"));
    }
    if after != expected {
        wrong.push(format!(
            "wrote rows: expected {expected:?}, found {after:?}"
        ));
    }
    (!wrong.is_empty()).then(|| format!("{door}: {}", wrong.join("; ")))
}

/// Fails naming every door that did not refuse `value` as it must.
fn refused_by_every_door(value: &str, verdicts: Vec<Option<String>>) {
    let wrong: Vec<String> = verdicts.into_iter().flatten().collect();
    assert!(
        wrong.is_empty(),
        "{value} was not refused alike by {} door(s):\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// The answer's JSON body; null when it has none.
fn json_of(answer: &axum_test::TestResponse) -> Value {
    serde_json::from_slice(answer.as_bytes()).unwrap_or(Value::Null)
}

fn shortened(text: &str) -> String {
    text.chars().take(400).collect()
}

/// What a page shows of a refusal: its field errors and its flash message.
fn shown_on(html: &str) -> Vec<String> {
    let re = regex::Regex::new(
        r#"class="field-error"[^>]*>([^<]*)<|class="flash [a-z]+" role="status">([^<]*)<"#,
    )
    .expect("regex");
    re.captures_iter(html)
        .filter_map(|c| c.get(1).or_else(|| c.get(2)))
        .map(|m| m.as_str().to_string())
        .collect()
}

fn today() -> NaiveDate {
    // The test workspaces keep UTC.
    Utc::now().date_naive()
}

/// Form fields as a browser sends them.
fn form(fields: &[(&str, &str)]) -> Vec<(String, String)> {
    fields
        .iter()
        .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
        .collect()
}

/// The expense form, without a split.
fn expense_form(amount: &str, date: &str) -> Vec<(String, String)> {
    form(&[
        ("amount", amount),
        ("currency", "EUR"),
        ("date", date),
        ("description", "Lunch"),
        ("split_method", "none"),
    ])
}

/// The recurring form: an expense form and how often.
fn rule_form(interval: &str, starts_on: &str, ends_on: &str) -> Vec<(String, String)> {
    let mut fields = expense_form("30.00", starts_on);
    fields.extend(form(&[
        ("frequency", "monthly"),
        ("interval", interval),
        ("starts_on", starts_on),
        ("ends_on", ends_on),
    ]));
    fields
}

/// The budget form.
fn budget_form(amount: &str, category_id: &str) -> Vec<(String, String)> {
    form(&[
        ("name", "Food"),
        ("period", "month"),
        ("amount", amount),
        ("thresholds", "80, 100"),
        ("category_id", category_id),
        ("member_id", ""),
    ])
}

/// Ann's household: the app, with the test's browser signed in as Ann, her
/// API token, her workspace, and Bob when a test needs a second member.
struct Household {
    app: TestApp,
    ann: String,
    ws: String,
    /// Bob's API token; he joins every workspace Ann makes.
    bob: Option<String>,
}

impl Household {
    async fn start() -> Self {
        Self::on(TestApp::start().await).await
    }

    async fn on(app: TestApp) -> Self {
        let (page, ann) = household(&app).await;
        let ws = page.trim_start_matches("/w/").to_string();
        Self {
            app,
            ann,
            ws,
            bob: None,
        }
    }

    async fn with_bob(mut self) -> Self {
        let bob = join_as(&self.app, &self.ann, &self.ws, "bob@example.com", "member").await;
        self.bob = Some(bob);
        self
    }

    async fn pid_of(&self, token: &str) -> String {
        let me: Value = self
            .app
            .server
            .get("/api/auth/current")
            .authorization_bearer(token)
            .await
            .json();
        me["pid"].as_str().unwrap().to_string()
    }

    /// Another empty workspace of Ann's (Bob joins it too); its id.
    async fn new_workspace(&self, name: &str) -> String {
        let created = self
            .app
            .server
            .post("/api/v1/workspaces")
            .authorization_bearer(&self.ann)
            .json(&json!({ "name": name, "kind": "household", "currency": "EUR" }))
            .await;
        assert_eq!(created.status_code(), 201, "{}", created.text());
        let ws = created.json::<Value>()["id"].as_str().unwrap().to_string();
        if let Some(bob) = &self.bob {
            let invited = self
                .app
                .server
                .post(&format!("/api/v1/workspaces/{ws}/invitations"))
                .authorization_bearer(&self.ann)
                .json(&json!({ "email": "bob@example.com", "role": "member" }))
                .await;
            assert_eq!(invited.status_code(), 201, "{}", invited.text());
            let link = self
                .app
                .mail
                .arrived("bob@example.com", &format!("invited you to {name}"))
                .await
                .link_path();
            let accepted = self
                .app
                .server
                .post(&format!("/api/v1{link}/accept"))
                .authorization_bearer(bob)
                .await;
            assert_eq!(accepted.status_code(), 200, "{}", accepted.text());
        }
        ws
    }

    /// Ann posts `body` to `/api/v1/workspaces/{ws}/{rest}`.
    async fn post(&self, rest: &str, body: &Value) -> axum_test::TestResponse {
        self.app
            .server
            .post(&format!("/api/v1/workspaces/{}/{rest}", self.ws))
            .authorization_bearer(&self.ann)
            .json(body)
            .await
    }

    /// The same, which must succeed.
    async fn create(&self, rest: &str, body: Value) -> Value {
        let created = self.post(rest, &body).await;
        assert_eq!(created.status_code(), 201, "{}", created.text());
        created.json()
    }

    /// Ann's workspace as an archive, to change and restore elsewhere.
    async fn export(&self) -> Value {
        let archive = self
            .app
            .server
            .get(&format!("/api/v1/workspaces/{}/archive", self.ws))
            .authorization_bearer(&self.ann)
            .await;
        assert_eq!(archive.status_code(), 200, "{}", archive.text());
        archive.json()
    }

    /// The categories of `ws`, as the API lists them.
    async fn categories(&self, ws: &str) -> Value {
        self.app
            .server
            .get(&format!("/api/v1/workspaces/{ws}/categories"))
            .authorization_bearer(&self.ann)
            .await
            .json::<Value>()["items"]
            .clone()
    }

    /// Door: the JSON API, `POST /api/v1/workspaces/{ws}/{rest}`.
    async fn api(&self, rest: &str, body: Value, refusal: Refusal) -> Option<String> {
        let before = Rows::now(&self.app).await;
        let answer = self.post(rest, &body).await;
        let key = match refusal {
            Refusal::Field(field, _) => field,
            Refusal::History => "",
        };
        let refused = refusal.in_json(&answer, key);
        verdict(
            &format!("API POST {rest}"),
            refused,
            before,
            Rows::now(&self.app).await,
        )
    }

    /// Door: the JSON API's change, `PATCH /api/v1/workspaces/{ws}/{rest}`.
    async fn api_patch(&self, rest: &str, body: Value, refusal: Refusal) -> Option<String> {
        let before = Rows::now(&self.app).await;
        let answer = self
            .app
            .server
            .patch(&format!("/api/v1/workspaces/{}/{rest}", self.ws))
            .authorization_bearer(&self.ann)
            .json(&body)
            .await;
        let key = match refusal {
            Refusal::Field(field, _) => field,
            Refusal::History => "",
        };
        let refused = refusal.in_json(&answer, key);
        verdict(
            &format!("API PATCH {rest}"),
            refused,
            before,
            Rows::now(&self.app).await,
        )
    }

    /// Door: the page form `POST /w/{ws}/{rest}`, with its CSRF token. A
    /// field refusal is the form again (422) with the message; a plan limit
    /// goes back to the list with its reason, as `billing.rs` has it.
    async fn page(
        &self,
        rest: &str,
        fields: &[(String, String)],
        refusal: Refusal,
    ) -> Option<String> {
        let before = Rows::now(&self.app).await;
        let fields: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let answer = self
            .app
            .post_form(&format!("/w/{}/{rest}", self.ws), &fields)
            .await;
        let status = answer.status_code().as_u16();
        let (expected_status, html) = match (refusal, answer.maybe_header("location")) {
            (Refusal::History, Some(to)) => {
                let to = to.to_str().unwrap_or_default().to_string();
                (303, self.app.server.get(&to).await.text())
            }
            (Refusal::History, None) => (303, answer.text()),
            (Refusal::Field(..), _) => (422, answer.text()),
        };
        let refused = if status == expected_status && html.contains(refusal.text()) {
            Ok(())
        } else {
            Err(format!("{status} showing {:?}", shown_on(&html)))
        };
        verdict(
            &format!("page POST {rest}"),
            refused,
            before,
            Rows::now(&self.app).await,
        )
    }

    /// Door: a CSV import into a workspace of its own, the bad row between
    /// two good ones. The good rows are imported; the bad one is listed
    /// with the field and the message.
    async fn import(&self, amount: &str, date: &str, refusal: Refusal) -> Option<String> {
        let ws = self.new_workspace("Imported").await;
        let today = today();
        let csv = format!(
            "date,amount,description\n{today},4.50,Before\n{date},{amount},Bad row\n{today},5.50,After\n"
        );
        let before = Rows::now(&self.app).await;
        let uploaded = upload(
            &self.app,
            &format!("/w/{ws}"),
            "bank.csv",
            csv.into_bytes(),
            "utf8",
        )
        .await;
        assert_eq!(uploaded.status_code(), 303, "{}", uploaded.text());
        let page = uploaded.header("location").to_str().unwrap().to_string();
        let started = self
            .app
            .post_form(&format!("{page}/start"), &PLAIN_COLUMNS)
            .await;
        assert_eq!(started.status_code(), 303, "{}", started.text());
        self.app.jobs_done().await;
        let pid = page.rsplit('/').next().unwrap_or_default();
        let problems = imports::Entity::find()
            .all(&self.app.owner_db)
            .await
            .unwrap()
            .into_iter()
            .find(|i| i.pid.to_string() == pid)
            .expect("the import")
            .problems();
        let reason_fits = |reason: &str| match refusal {
            Refusal::Field(field, message) => reason == format!("{field} {message}"),
            Refusal::History => reason.contains(HISTORY),
        };
        let refused = match problems.as_slice() {
            [only] if only.row == 3 && reason_fits(&only.reason) => Ok(()),
            _ => Err(format!(
                "problems {:?}",
                problems
                    .iter()
                    .map(|p| format!("line {}: {}", p.row, p.reason))
                    .collect::<Vec<_>>()
            )),
        };
        let good_rows = Rows {
            expenses: before.expenses + 2,
            ..before
        };
        verdict("CSV import", refused, good_rows, Rows::now(&self.app).await)
    }

    /// Door: restoring `archive` into a new empty workspace; `key` names
    /// the bad field with its place, `expenses[0].amount`. The workspace
    /// keeps its categories as they were.
    async fn restore(&self, archive: Value, key: &str, refusal: Refusal) -> Option<String> {
        let ws = self.new_workspace("Restored").await;
        let categories_before = self.categories(&ws).await;
        let before = Rows::now(&self.app).await;
        let answer = self
            .app
            .server
            .post(&format!("/api/v1/workspaces/{ws}/archive"))
            .authorization_bearer(&self.ann)
            .json(&archive)
            .await;
        let refused = match (
            refusal.in_json(&answer, key),
            self.categories(&ws).await == categories_before,
        ) {
            (refused, true) => refused,
            (Ok(()), false) => Err("its categories changed".to_string()),
            (Err(answer), false) => Err(format!("{answer}; its categories changed")),
        };
        verdict(
            "archive restore",
            refused,
            before,
            Rows::now(&self.app).await,
        )
    }

    /// Door: the assistant's quick entry. It offers no expense to add and
    /// its reply says why.
    async fn assistant(&self, message: &str, refusal: Refusal) -> Option<String> {
        let before = Rows::now(&self.app).await;
        let answer = self.post("assistant", &json!({ "message": message })).await;
        let body = json_of(&answer);
        let offers_to_add = body["actions"]
            .as_array()
            .is_some_and(|actions| actions.iter().any(|a| a["kind"] == "create_expense"));
        let says_why = body["reply"]
            .as_str()
            .is_some_and(|reply| reply.contains(refusal.text()));
        let refused = if answer.status_code() == 200 && !offers_to_add && says_why {
            Ok(())
        } else {
            Err(format!(
                "{} intent {} reply {} actions {}",
                answer.status_code(),
                body["intent"],
                body["reply"],
                body["actions"]
            ))
        };
        verdict(
            &format!("assistant {message:?}"),
            refused,
            before,
            Rows::now(&self.app).await,
        )
    }
}

#[tokio::test]
async fn a_zero_amount_is_refused_alike_by_every_door() {
    let h = Household::start().await;
    let refusal = Refusal::Field("amount", "must be greater than zero");
    let today = today().to_string();
    h.create(
        "expenses",
        json!({ "amount": "10.00", "date": today, "description": "Lunch" }),
    )
    .await;
    let mut archive = h.export().await;
    archive["expenses"][0]["amount_minor"] = json!(0);
    archive["expenses"][0]["original_amount_minor"] = json!(0);
    refused_by_every_door(
        "amount 0",
        vec![
            h.api(
                "expenses",
                json!({ "amount": "0", "date": today, "description": "Lunch" }),
                refusal,
            )
            .await,
            h.page("expenses", &expense_form("0", &today), refusal)
                .await,
            h.import("0", &today, refusal).await,
            h.restore(archive, "expenses[0].amount", refusal).await,
            h.assistant("coffee 0 yesterday", refusal).await,
        ],
    );
}

#[tokio::test]
async fn an_amount_finer_than_the_currency_is_refused_alike_by_every_door() {
    let h = Household::start().await;
    let refusal = Refusal::Field("amount", "can have at most 2 decimals in EUR");
    let today = today().to_string();
    // An archive holds minor units: it cannot carry this value. Four
    // decimals: a form asks about three ("12.345" may be twelve thousand
    // and more), and no reading of four is an amount in EUR.
    refused_by_every_door(
        "amount 12.3456 EUR",
        vec![
            h.api(
                "expenses",
                json!({ "amount": "12.3456", "date": today, "description": "Lunch" }),
                refusal,
            )
            .await,
            h.page("expenses", &expense_form("12.3456", &today), refusal)
                .await,
            h.import("12.3456", &today, refusal).await,
            h.assistant("coffee 4.505 yesterday", refusal).await,
        ],
    );
}

#[tokio::test]
async fn a_split_that_does_not_add_up_is_refused_alike_by_every_door() {
    let h = Household::start().await.with_bob().await;
    let refusal = Refusal::Field("split", "amounts add up to 9.00, not 10.00");
    let today = today().to_string();
    let ann = h.pid_of(&h.ann).await;
    let bob = h.pid_of(h.bob.as_deref().unwrap()).await;
    let exact = |bob_part: &str| {
        json!({ "method": "exact", "parts": [
            { "member": ann, "value": "5.00" }, { "member": bob, "value": bob_part },
        ] })
    };
    h.create(
        "expenses",
        json!({ "amount": "10.00", "date": today, "description": "Dinner", "split": exact("5.00") }),
    )
    .await;
    let mut archive = h.export().await;
    let share = &mut archive["expenses"][0]["shares"][1];
    share["amount_minor"] = json!(400);
    share["original_amount_minor"] = json!(400);
    share["weight"] = json!("4.00");

    let mut split_form = expense_form("10.00", &today);
    split_form.retain(|(k, _)| k != "split_method");
    split_form.extend(form(&[
        ("split_method", "exact"),
        (&format!("include_{ann}"), "on"),
        (&format!("share_{ann}"), "5.00"),
        (&format!("include_{bob}"), "on"),
        (&format!("share_{bob}"), "4.00"),
    ]));
    refused_by_every_door(
        "exact split 5.00 + 4.00 of 10.00",
        vec![
            h.api(
                "expenses",
                json!({ "amount": "10.00", "date": today, "description": "Dinner", "split": exact("4.00") }),
                refusal,
            )
            .await,
            h.page("expenses", &split_form, refusal).await,
            h.restore(archive, "expenses[0].split", refusal).await,
        ],
    );
}

#[tokio::test]
async fn a_category_of_another_workspace_is_refused_alike_by_every_door() {
    let h = Household::start().await;
    let refusal = Refusal::Field("category_id", "is not a category of this workspace");
    let today = today().to_string();
    // One of a workspace Ann is not in, and one of another of her own.
    let (bea, beas) = workspace_of(&h.app, "Bea", "bea@example.com").await;
    let other = h.new_workspace("Other").await;
    let foreign = [
        ("Bea's", category_id(&h.app, &bea, &beas, "Housing").await),
        (
            "Ann's other",
            category_id(&h.app, &h.ann, &other, "Housing").await,
        ),
    ];
    let mut verdicts = Vec::new();
    for (whose, category) in &foreign {
        let with_category = |mut fields: Vec<(String, String)>| {
            fields.push(("category_id".to_string(), category.clone()));
            fields
        };
        let doors = [
            h.api(
                "expenses",
                json!({ "amount": "10.00", "date": today, "description": "Lunch", "category_id": category }),
                refusal,
            )
            .await,
            h.page("expenses", &with_category(expense_form("10.00", &today)), refusal)
                .await,
            h.api(
                "recurring",
                json!({ "frequency": "monthly", "starts_on": today, "amount": "30.00", "description": "Rent", "category_id": category }),
                refusal,
            )
            .await,
            h.page("recurring", &with_category(rule_form("1", &today, "")), refusal)
                .await,
            h.api(
                "budgets",
                json!({ "name": "Food", "amount": "100.00", "category_id": category }),
                refusal,
            )
            .await,
            h.page("budgets", &budget_form("100.00", category), refusal)
                .await,
        ];
        verdicts.extend(doors.map(|wrong| wrong.map(|w| format!("{whose} category, {w}"))));
    }
    refused_by_every_door("a category of another workspace", verdicts);
}

/// A rule that starts tomorrow, so that it has made no expense yet.
async fn rule_to_restore(h: &Household) -> Value {
    let tomorrow = today() + Days::new(1);
    h.create(
        "recurring",
        json!({ "frequency": "monthly", "starts_on": tomorrow.to_string(), "amount": "30.00", "description": "Insurance" }),
    )
    .await;
    h.export().await
}

/// The public id of Ann's one rule (`rule_to_restore` sets it up).
async fn only_rule(h: &Household) -> String {
    let rules: Value = h
        .app
        .server
        .get(&format!("/api/v1/workspaces/{}/recurring", h.ws))
        .authorization_bearer(&h.ann)
        .await
        .json();
    rules["items"][0]["id"]
        .as_str()
        .expect("a rule")
        .to_string()
}

#[tokio::test]
async fn a_recurring_interval_of_zero_is_refused_alike_by_every_door() {
    let h = Household::start().await;
    let refusal = Refusal::Field("interval", "must be a whole number from 1 to 366");
    let today = today().to_string();
    let mut archive = rule_to_restore(&h).await;
    archive["recurring"][0]["interval"] = json!(0);
    let rule = format!("recurring/{}", only_rule(&h).await);
    refused_by_every_door(
        "interval 0",
        vec![
            h.api(
                "recurring",
                json!({ "frequency": "monthly", "interval": 0, "starts_on": today, "amount": "30.00", "description": "Rent" }),
                refusal,
            )
            .await,
            h.page("recurring", &rule_form("0", &today, ""), refusal)
                .await,
            h.api_patch(&rule, json!({ "interval": 0 }), refusal).await,
            h.page(&format!("{rule}/edit"), &rule_form("0", &today, ""), refusal)
                .await,
            h.restore(archive, "recurring[0].interval", refusal).await,
        ],
    );
}

#[tokio::test]
async fn a_recurring_rule_ending_before_it_starts_is_refused_alike_by_every_door() {
    let h = Household::start().await;
    let refusal = Refusal::Field("ends_on", "must not be before the start");
    let today = today();
    let yesterday = (today - Days::new(1)).to_string();
    let today = today.to_string();
    let mut archive = rule_to_restore(&h).await;
    // The rule starts tomorrow.
    archive["recurring"][0]["ends_on"] = json!(today);
    let rule = format!("recurring/{}", only_rule(&h).await);
    refused_by_every_door(
        "a rule ending before it starts",
        vec![
            h.api(
                "recurring",
                json!({ "frequency": "monthly", "starts_on": today, "ends_on": yesterday, "amount": "30.00", "description": "Rent" }),
                refusal,
            )
            .await,
            h.page("recurring", &rule_form("1", &today, &yesterday), refusal)
                .await,
            // The rule starts tomorrow.
            h.api_patch(&rule, json!({ "ends_on": today }), refusal).await,
            h.page(&format!("{rule}/edit"), &rule_form("1", &today, &yesterday), refusal)
                .await,
            h.restore(archive, "recurring[0].ends_on", refusal).await,
        ],
    );
}

#[tokio::test]
async fn a_colour_that_is_not_rrggbb_is_refused_alike_by_every_door() {
    let h = Household::start().await;
    let refusal = Refusal::Field("color", "must be a colour such as #2f9e44");
    let mut archive = h.export().await;
    archive["categories"][0]["color"] = json!("red");
    refused_by_every_door(
        "colour red",
        vec![
            h.api(
                "categories",
                json!({ "name": "Pets", "color": "red" }),
                refusal,
            )
            .await,
            h.page(
                "categories",
                &form(&[("name", "Pets"), ("color", "red"), ("parent_id", "")]),
                refusal,
            )
            .await,
            h.restore(archive, "categories[0].color", refusal).await,
        ],
    );
}

#[tokio::test]
async fn a_negative_budget_limit_is_refused_alike_by_every_door() {
    let h = Household::start().await;
    let refusal = Refusal::Field("amount", "must be greater than zero");
    refused_by_every_door(
        "budget limit -5",
        vec![
            h.api(
                "budgets",
                json!({ "name": "Food", "amount": "-5" }),
                refusal,
            )
            .await,
            h.page("budgets", &budget_form("-5", ""), refusal).await,
        ],
    );
}

#[tokio::test]
async fn an_expense_before_the_plans_history_is_refused_alike_by_every_door() {
    // Billing on: the Free plan keeps 12 months of history.
    let standin = StripeStandin::start().await;
    let h = Household::on(TestApp::start_with(|config| standin.configure(config)).await).await;
    let refusal = Refusal::History;
    h.create(
        "expenses",
        json!({ "amount": "4.50", "date": today().to_string(), "description": "Coffee" }),
    )
    .await;
    let mut archive = h.export().await;
    archive["expenses"][0]["date"] = json!(LONG_AGO);
    refused_by_every_door(
        "an expense dated before the plan's history",
        vec![
            h.api(
                "expenses",
                json!({ "amount": "4.50", "date": LONG_AGO, "description": "Coffee" }),
                refusal,
            )
            .await,
            h.page("expenses", &expense_form("4.50", LONG_AGO), refusal)
                .await,
            h.import("4.50", LONG_AGO, refusal).await,
            h.restore(archive, "", refusal).await,
            h.assistant(&format!("coffee 4.50 on {LONG_AGO}"), refusal)
                .await,
        ],
    );
}
