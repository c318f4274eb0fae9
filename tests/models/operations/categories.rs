//! Categories: `create`, `update` and `delete_moving`.

use smartexpense::models::{
    _entities::{categories as rows, expenses},
    categories::{CategoryParams, Model as Category},
    expenses::ExpenseParams,
};

use super::{lunch, only_for, record, refused, refused_fields, Refusal};
use crate::support::workspace::{Household, Who};

fn named(name: &str, color: &str) -> CategoryParams {
    CategoryParams {
        name: Some(name.to_string()),
        color: Some(color.to_string()),
        parent_id: None,
    }
}

const COLOUR: &str = "must be a colour such as #2f9e44";
const TAKEN: &str = "is already a category here";

#[tokio::test]
async fn a_category_needs_a_name_of_its_own_and_a_colour_as_rrggbb() {
    let h = Household::start().await;
    refused_fields(
        &h,
        Who::Owner,
        [
            (named("Pets", "green"), "color", COLOUR),
            (named("Pets", "#12345"), "color", COLOUR),
            (named("Pets", "#12345g"), "color", COLOUR),
            (named("Groceries", "#123456"), "name", TAKEN),
            (named("  ", "#123456"), "name", "can't be blank"),
        ],
        async |t, params| Category::create(t, params).await,
    )
    .await;
    let (_, _, pets) = only_for(&h, Who::Member, Who::Owner, async |t| {
        Category::create(t, &named(" Pets ", "#ABCDEF")).await
    })
    .await;
    assert_eq!(
        (pets.name.as_str(), pets.color.as_str()),
        ("Pets", "#abcdef")
    );

    let recolour = |color: &str| CategoryParams {
        color: Some(color.to_string()),
        ..CategoryParams::default()
    };
    refused_fields(
        &h,
        Who::Owner,
        [
            (named("Travel", "#abcdef"), "name", TAKEN),
            (recolour("#abc"), "color", COLOUR),
        ],
        async |t, params| pets.update(t, params).await,
    )
    .await;
    assert_eq!(h.reload::<rows::Entity>(pets.id).await, Some(pets.clone()));

    // Its own name is not taken.
    let (_, _, changed) = only_for(&h, Who::Viewer, Who::Owner, async |t| {
        pets.update(t, &named("Pets", "#00AA00")).await
    })
    .await;
    assert_eq!(
        (changed.name.as_str(), changed.color.as_str()),
        ("Pets", "#00aa00")
    );
}

#[tokio::test]
async fn deleting_a_category_moves_its_expenses_to_another_of_this_workspace() {
    let h = Household::start().await;
    let groceries = h.category("Groceries").await;
    let housing = h.category("Housing").await;
    let other = h.category("Other").await;
    let foreign = h.foreign_category().await;
    let other_pid = other.pid.to_string();
    let in_category = |category: &rows::Model| ExpenseParams {
        category_id: Some(category.pid.to_string()),
        ..lunch("5.00")
    };
    let shopping = [
        record(&h, Who::Owner, &in_category(&groceries)).await,
        record(&h, Who::Member, &in_category(&groceries)).await,
    ];
    let rent = record(&h, Who::Owner, &in_category(&housing)).await;
    let category_of = async |expense: &expenses::Model| {
        h.reload::<expenses::Entity>(expense.id)
            .await
            .expect("expense")
            .category_id
    };

    for target in [
        groceries.pid.to_string(),
        foreign.pid.to_string(),
        "not an id".to_string(),
    ] {
        refused(
            &h,
            Who::Owner,
            Refusal::Field("move_to", "must be another category of this workspace"),
            async |t| {
                groceries
                    .clone()
                    .delete_moving(t, Some(target.as_str()))
                    .await
            },
        )
        .await;
    }
    refused(&h, Who::Member, Refusal::Forbidden, async |t| {
        groceries
            .clone()
            .delete_moving(t, Some(other_pid.as_str()))
            .await
    })
    .await;
    for expense in &shopping {
        assert_eq!(category_of(expense).await, Some(groceries.id), "not moved");
    }

    h.act(Who::Owner, async |t| {
        groceries
            .clone()
            .delete_moving(t, Some(other_pid.as_str()))
            .await
    })
    .await
    .expect("deleted");
    assert_eq!(h.reload::<rows::Entity>(groceries.id).await, None);
    for expense in &shopping {
        assert_eq!(category_of(expense).await, Some(other.id), "moved");
    }
    assert_eq!(category_of(&rent).await, Some(housing.id), "left alone");

    // Without a category to move to, they become uncategorised.
    h.act(Who::Owner, async |t| {
        other.clone().delete_moving(t, None).await
    })
    .await
    .expect("deleted");
    for expense in &shopping {
        assert_eq!(category_of(expense).await, None);
    }
}

#[tokio::test]
async fn names_are_unique_in_any_case_and_parents_never_loop() {
    let h = Household::start().await;
    refused(&h, Who::Owner, Refusal::Field("name", TAKEN), async |t| {
        Category::create(t, &named("groceries", "#123456")).await
    })
    .await;
    let groceries = h.category("Groceries").await;
    let under = |parent: &rows::Model| CategoryParams {
        parent_id: Some(parent.pid.to_string()),
        ..CategoryParams::default()
    };
    let pets = h
        .act(Who::Owner, async |t| {
            Category::create(
                t,
                &CategoryParams {
                    parent_id: Some(groceries.pid.to_string()),
                    ..named("Pet food", "#123456")
                },
            )
            .await
        })
        .await
        .expect("a subcategory");
    refused_fields(
        &h,
        Who::Owner,
        [
            (
                under(&pets),
                "parent_id",
                "cannot be one of its own subcategories",
            ),
            (
                under(&groceries),
                "parent_id",
                "cannot be the category itself",
            ),
        ],
        async |t, params| groceries.update(t, params).await,
    )
    .await;
}
