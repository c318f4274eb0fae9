//! `seed_bench`: benchmark data. One verified account owns `workspaces`
//! households with `expenses` expenses each (the instance's other tenants);
//! the measured account owns the measured workspace, with `big` expenses,
//! and the sized ones below. Amounts are skewed like real spending
//! (many small, a few large), dates spread over two years, merchants come
//! with their usual category, one expense in five has a tag. A fixed seed
//! makes every run the same.
//!
//! `sizes` adds one workspace per size (default `1000,10000`), so the
//! benchmark can show how a request's cost grows with the workspace.
//!
//! `cargo loco task seed_bench workspaces:1000 expenses:100 big:100000 sizes:1000,10000`
//! prints `sized_workspace=<size> <id> <category id>` per size, then
//! `measured_workspace=<id> category=<id> email=<email>` last.

use chrono::Duration;
use loco_rs::prelude::*;

use crate::models::{
    _entities::{categories, users},
    audit_events::Actor,
    bench_data::{self, BenchExpense},
    billing::Limits,
    budgets::{self, BudgetParams},
    tenancy::{self, Scope, Tenant},
    users::RegisterParams,
    workspaces::{self, CreateParams},
};

const EMAIL: &str = "bench@example.com";
/// Owns the `workspaces` households: other tenants of the instance, so the
/// measured member's header lists their own few workspaces, as it would.
const OTHERS_EMAIL: &str = "bench-others@example.com";
pub const PASSWORD: &str = "bench-password-not-secret";
const BATCH_ROWS: usize = 1000;

/// Merchants and the category they usually fall in.
const MERCHANTS: &[(&str, &str)] = &[
    ("Corner market", "Groceries"),
    ("Supermarket", "Groceries"),
    ("Bakery", "Groceries"),
    ("Farmers market", "Groceries"),
    ("Rent", "Housing"),
    ("Hardware store", "Housing"),
    ("Electricity", "Utilities"),
    ("Internet", "Utilities"),
    ("Water", "Utilities"),
    ("Train ticket", "Transport"),
    ("Fuel", "Transport"),
    ("Bike repair", "Transport"),
    ("Pizza place", "Dining out"),
    ("Coffee", "Dining out"),
    ("Sushi bar", "Dining out"),
    ("Pharmacy", "Health"),
    ("Dentist", "Health"),
    ("Cinema", "Entertainment"),
    ("Streaming", "Entertainment"),
    ("Concert", "Entertainment"),
    ("Bookshop", "Shopping"),
    ("Clothes", "Shopping"),
    ("Electronics", "Shopping"),
    ("Hotel", "Travel"),
    ("Flight", "Travel"),
    ("Gift", "Other"),
];
const TAGS: &[&str] = &["work", "family", "trip", "gift", "kids"];

/// xorshift64*: fast, good enough for test data, same every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap_or(0)
    }

    /// An amount in cents: mostly 2–60, sometimes hundreds, rarely more.
    fn amount(&mut self) -> i64 {
        let roll = self.below(100);
        let euros = match roll {
            0..=69 => 2 + self.below(58),
            70..=94 => 60 + self.below(340),
            _ => 400 + self.below(1600),
        };
        i64::try_from(euros * 100 + self.below(100)).unwrap_or(100)
    }
}

pub struct SeedBench;

async fn owner(ctx: &AppContext, email: &str) -> Result<users::Model> {
    if let Ok(user) = users::Model::find_by_email(&ctx.db, email).await {
        return Ok(user);
    }
    let user = users::Model::register(
        &ctx.db,
        &RegisterParams {
            name: "Bench".to_string(),
            email: email.to_string(),
            password: PASSWORD.to_string(),
        },
    )
    .await?;
    user.into_active_model().confirm_email(&ctx.db).await
}

/// Creates a workspace and fills it with `count` expenses.
async fn household(
    ctx: &AppContext,
    user: &users::Model,
    name: &str,
    count: usize,
    rng: &mut Rng,
) -> Result<(workspaces::Model, Vec<categories::Model>)> {
    let actor = Actor::user(user, None);
    let txn = tenancy::begin(
        &ctx.db,
        Scope {
            user_id: Some(user.id),
            ..Scope::default()
        },
    )
    .await?;
    let created = workspaces::Model::create(
        &txn,
        user,
        &actor,
        &CreateParams {
            name: name.to_string(),
            kind: "household".to_string(),
            currency: "EUR".to_string(),
            time_zone: Some("UTC".to_string()),
        },
    )
    .await?;
    let workspace = created.workspace;
    let cats = categories::Entity::find()
        .in_tenant(workspace.id)
        .all(&txn)
        .await?;
    // Two years up to today, so this month and the trend have data.
    let start = chrono::Utc::now().date_naive() - Duration::days(729);
    let mut left = count;
    while left > 0 {
        let size = left.min(BATCH_ROWS);
        left -= size;
        let mut batch = Vec::with_capacity(size);
        for _ in 0..size {
            let (merchant, category) = MERCHANTS[rng.below(MERCHANTS.len())];
            let amount_minor = rng.amount();
            let tag = (rng.below(5) == 0).then(|| TAGS[rng.below(TAGS.len())]);
            let day = i64::try_from(rng.below(730)).unwrap_or(0);
            batch.push(BenchExpense {
                amount_minor,
                spent_on: start + Duration::days(day),
                merchant,
                category_id: cats.iter().find(|c| c.name == category).map(|c| c.id),
                tag,
            });
        }
        bench_data::insert_expenses(&txn, &workspace, user.id, &batch).await?;
    }
    txn.commit().await?;
    Ok((workspace, cats))
}

/// A monthly budget for everything and one for groceries, as a household
/// would set them.
async fn budgets_for(
    ctx: &AppContext,
    user: &users::Model,
    workspace: &workspaces::Model,
    cats: &[categories::Model],
) -> Result<()> {
    let txn = tenancy::begin(
        &ctx.db,
        Scope {
            user_id: Some(user.id),
            workspace_id: Some(workspace.id),
            ..Scope::default()
        },
    )
    .await?;
    let actor = Actor::user(user, None);
    let groceries = cats
        .iter()
        .find(|c| c.name == "Groceries")
        .map(|c| c.pid.to_string());
    for (name, amount, category) in [
        ("Everything", "2500.00", None),
        ("Groceries", "400.00", groceries),
    ] {
        budgets::Model::create(
            &Tenant::job(&txn, workspace, Some(user), actor.clone(), Limits::none()),
            &BudgetParams {
                name: Some(name.to_string()),
                amount: Some(amount.to_string()),
                category_id: category,
                ..BudgetParams::default()
            },
        )
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

#[async_trait]
impl Task for SeedBench {
    fn task(&self) -> TaskInfo {
        TaskInfo {
            name: "seed_bench".to_string(),
            detail: "Fill the database with benchmark data (workspaces:N expenses:M big:K)"
                .to_string(),
        }
    }

    async fn run(&self, ctx: &AppContext, vars: &task::Vars) -> Result<()> {
        let number = |key: &str, default: usize| {
            vars.cli_arg(key)
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(default)
        };
        let (count, each, big) = (
            number("workspaces", 1000),
            number("expenses", 100),
            number("big", 100_000),
        );
        let sizes: Vec<usize> = vars
            .cli_arg("sizes")
            .unwrap_or("1000,10000")
            .split(',')
            .filter_map(|size| size.trim().parse().ok())
            .collect();
        let user = owner(ctx, EMAIL).await?;
        let others = owner(ctx, OTHERS_EMAIL).await?;
        let mut rng = Rng(0x5EED_BE4C_u64);
        for n in 0..count {
            household(ctx, &others, &format!("Household {n}"), each, &mut rng).await?;
        }
        let groceries = |cats: &[categories::Model]| {
            cats.iter()
                .find(|c| c.name == "Groceries")
                .map(|c| c.pid.to_string())
                .unwrap_or_default()
        };
        for size in sizes {
            let (sized, cats) =
                household(ctx, &user, &format!("Size {size}"), size, &mut rng).await?;
            budgets_for(ctx, &user, &sized, &cats).await?;
            println!("sized_workspace={size} {} {}", sized.pid, groceries(&cats));
        }
        let (measured, cats) = household(ctx, &user, "Measured", big, &mut rng).await?;
        budgets_for(ctx, &user, &measured, &cats).await?;
        let groceries = groceries(&cats);
        println!(
            "measured_workspace={} category={groceries} email={EMAIL}",
            measured.pid
        );
        Ok(())
    }
}
