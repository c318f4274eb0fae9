//! Budgets: `create`, `update` and `remove`.

use smartexpense::models::{
    _entities::budgets as rows,
    budgets::{BudgetParams, Model as Budget},
};

use super::{refused, Refusal};
use crate::support::workspace::{Household, Who};

fn limit(amount: &str) -> BudgetParams {
    BudgetParams {
        amount: Some(amount.to_string()),
        ..BudgetParams::default()
    }
}

fn in_category(category: &str) -> BudgetParams {
    BudgetParams {
        category_id: Some(category.to_string()),
        ..BudgetParams::default()
    }
}

const ABOVE_ZERO: &str = "must be greater than zero";
const NOT_HERE: &str = "is not a category of this workspace";

#[tokio::test]
async fn a_budget_needs_a_limit_above_zero_and_a_category_of_this_workspace() {
    let h = Household::start().await;
    let groceries = h.category("Groceries").await.pid.to_string();
    let foreign = h.foreign_category().await.pid.to_string();
    let food = |amount: &str, category: &str| BudgetParams {
        name: Some("Food".to_string()),
        category_id: Some(category.to_string()),
        ..limit(amount)
    };
    for (params, field, message) in [
        (food("0", &groceries), "amount", ABOVE_ZERO),
        (food("-5", &groceries), "amount", ABOVE_ZERO),
        (
            food("12.345", &groceries),
            "amount",
            "can have at most 2 decimals in EUR",
        ),
        (food("50", &foreign), "category_id", NOT_HERE),
    ] {
        refused(&h, Who::Owner, Refusal::Field(field, message), async |t| {
            Budget::create(t, &params).await
        })
        .await;
    }
    refused(&h, Who::Member, Refusal::Forbidden, async |t| {
        Budget::create(t, &food("50", &groceries)).await
    })
    .await;

    let budget = h
        .act(Who::Owner, async |t| {
            Budget::create(t, &food("200", &groceries)).await
        })
        .await
        .expect("created");
    assert_eq!(
        (
            budget.amount_minor,
            budget.period.as_str(),
            budget.thresholds.as_str(),
            budget.created_by_id
        ),
        (20000, "month", "80,100", Some(h.owner.id))
    );
    assert_eq!(budget.category_id, Some(h.category("Groceries").await.id));

    for (params, field, message) in [
        (limit("0"), "amount", ABOVE_ZERO),
        (in_category(&foreign), "category_id", NOT_HERE),
    ] {
        refused(&h, Who::Owner, Refusal::Field(field, message), async |t| {
            budget.update(t, &params).await
        })
        .await;
    }
    refused(&h, Who::Member, Refusal::Forbidden, async |t| {
        budget.update(t, &limit("10")).await
    })
    .await;
    assert_eq!(
        h.reload::<rows::Entity>(budget.id).await,
        Some(budget.clone())
    );

    let raised = h
        .act(Who::Owner, async |t| {
            budget.update(t, &limit("250.50")).await
        })
        .await
        .expect("updated");
    assert_eq!(raised.amount_minor, 25050);

    refused(&h, Who::Member, Refusal::Forbidden, async |t| {
        raised.clone().remove(t).await
    })
    .await;
    let before = h.rows().await;
    h.act(Who::Owner, async |t| raised.clone().remove(t).await)
        .await
        .expect("removed");
    assert_eq!(h.reload::<rows::Entity>(budget.id).await, None);
    assert_eq!(h.rows().await.budgets, before.budgets - 1);
}
