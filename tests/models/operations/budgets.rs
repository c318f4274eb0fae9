//! Budgets: `create`, `update` and `remove`.

use smartexpense::models::{
    _entities::budgets as rows,
    budgets::{BudgetParams, Model as Budget},
};

use super::{only_for, refused_fields};
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
    refused_fields(
        &h,
        Who::Owner,
        [
            (food("0", &groceries), "amount", ABOVE_ZERO),
            (food("-5", &groceries), "amount", ABOVE_ZERO),
            (
                food("12.345", &groceries),
                "amount",
                "can have at most 2 decimals in EUR",
            ),
            (food("50", &foreign), "category_id", NOT_HERE),
        ],
        async |t, params| Budget::create(t, params).await,
    )
    .await;
    let (_, _, budget) = only_for(&h, Who::Member, Who::Owner, async |t| {
        Budget::create(t, &food("200", &groceries)).await
    })
    .await;
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

    refused_fields(
        &h,
        Who::Owner,
        [
            (limit("0"), "amount", ABOVE_ZERO),
            (in_category(&foreign), "category_id", NOT_HERE),
        ],
        async |t, params| budget.update(t, params).await,
    )
    .await;
    assert_eq!(
        h.reload::<rows::Entity>(budget.id).await,
        Some(budget.clone()),
        "unchanged"
    );

    let (_, _, raised) = only_for(&h, Who::Member, Who::Owner, async |t| {
        budget.update(t, &limit("250.50")).await
    })
    .await;
    assert_eq!(raised.amount_minor, 25050);

    let (before, after, ()) = only_for(&h, Who::Member, Who::Owner, async |t| {
        raised.clone().remove(t).await
    })
    .await;
    assert_eq!(h.reload::<rows::Entity>(budget.id).await, None);
    assert_eq!(after.budgets, before.budgets - 1);
}
