//! Expenses: `record`, `revise`, `remove` and `restore`, with the
//! any-or-own rule and the plan's limits.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use smartexpense::models::{
    _entities::{expense_shares, expenses as rows, users},
    expense_shares::{SplitParams, SplitPart},
    expenses::{ExpenseParams, Model as Expense},
    ids::UserId,
    recurring_expenses::Model as Rule,
};

use super::{lunch, record, recurring::every, refused, refused_fields, today, Refusal, LONG_AGO};
use crate::support::{
    stripe::configure_billing,
    workspace::{Household, Who},
    TestApp,
};

/// A split by `method` between these members, with their values.
fn split(method: &str, parts: &[(&users::Model, Option<&str>)]) -> SplitParams {
    SplitParams {
        method: method.to_string(),
        parts: parts
            .iter()
            .map(|(user, value)| SplitPart {
                member: user.pid.to_string(),
                value: value.map(str::to_string),
            })
            .collect(),
    }
}

fn dated(date: &str) -> ExpenseParams {
    ExpenseParams {
        date: Some(date.to_string()),
        ..ExpenseParams::default()
    }
}

async fn stored(h: &Household, expense: &Expense) -> Expense {
    h.reload::<rows::Entity>(expense.id)
        .await
        .expect("the expense is stored")
}

#[tokio::test]
async fn a_recorded_expense_is_stored_with_its_shares_tags_and_audit() {
    let h = Household::start().await;
    let groceries = h.category("Groceries").await;
    let before = h.rows().await;
    let params = ExpenseParams {
        category_id: Some(groceries.pid.to_string()),
        tags: Some(vec!["Weekly".to_string(), " weekly ".to_string()]),
        split: Some(split(
            "equal",
            &[(&h.viewer, None), (&h.member, None), (&h.owner, None)],
        )),
        ..lunch("10.00")
    };
    let expense = stored(&h, &record(&h, Who::Member, &params).await).await;
    assert_eq!(
        (
            expense.amount_minor,
            expense.currency.as_str(),
            expense.spent_on,
            expense.category_id,
            expense.paid_by_id,
            expense.created_by_id,
            expense.split_method.as_deref(),
        ),
        (
            1000,
            "EUR",
            today(),
            Some(groceries.id),
            Some(h.member.id),
            Some(h.member.id),
            Some("equal")
        )
    );
    let shares: Vec<(UserId, i64)> = h
        .find(
            expense_shares::Entity::find()
                .filter(expense_shares::Column::ExpenseId.eq(expense.id))
                .order_by_asc(expense_shares::Column::UserId),
        )
        .await
        .into_iter()
        .map(|s| (s.user_id, s.amount_minor))
        .collect();
    // The cent that does not divide goes to who joined first.
    assert_eq!(
        shares,
        [(h.owner.id, 334), (h.member.id, 333), (h.viewer.id, 333)]
    );
    let after = h.rows().await;
    assert_eq!(
        (after.expenses, after.shares, after.tags, after.audit),
        (
            before.expenses + 1,
            before.shares + 3,
            before.tags + 1,
            before.audit + 1
        )
    );
}

#[tokio::test]
async fn an_invalid_expense_is_refused_naming_the_field_and_nothing_is_written() {
    let h = Household::start().await;
    let foreign = h.foreign_category().await;
    let cases = [
        (lunch("0"), "amount", "must be greater than zero"),
        (
            lunch("4.505"),
            "amount",
            "can have at most 2 decimals in EUR",
        ),
        (
            ExpenseParams {
                currency: Some("JPY".to_string()),
                rate: Some("0.0062".to_string()),
                ..lunch("450.5")
            },
            "amount",
            "must be a whole number in JPY",
        ),
        (
            ExpenseParams {
                split: Some(split(
                    "exact",
                    &[(&h.owner, Some("4.00")), (&h.member, Some("5.00"))],
                )),
                ..lunch("10.00")
            },
            "split",
            "amounts add up to 9.00, not 10.00",
        ),
        (
            ExpenseParams {
                category_id: Some(foreign.pid.to_string()),
                ..lunch("10.00")
            },
            "category_id",
            "is not a category of this workspace",
        ),
        // Rates that overflowed (a panic) or made 0.01 USD an expense of
        // 0.00 EUR.
        (
            ExpenseParams {
                currency: Some("USD".to_string()),
                rate: Some("79228162514264337593543950335".to_string()),
                ..lunch("999999.99")
            },
            "amount",
            "is too large after conversion",
        ),
        (
            ExpenseParams {
                currency: Some("USD".to_string()),
                rate: Some("0.0000000001".to_string()),
                ..lunch("0.01")
            },
            "amount",
            "is less than the smallest amount in EUR at this rate",
        ),
    ];
    refused_fields(&h, Who::Member, cases, async |t, params| {
        Expense::record(t, params).await
    })
    .await;
}

#[tokio::test]
async fn a_member_changes_their_own_expense_but_not_anothers() {
    let h = Household::start().await;
    let anns = record(&h, Who::Owner, &lunch("12.00")).await;
    let bobs = record(&h, Who::Member, &lunch("8.00")).await;
    let coffee = ExpenseParams {
        description: Some("Coffee".to_string()),
        ..ExpenseParams::default()
    };
    refused(&h, Who::Member, Refusal::Forbidden, async |t| {
        anns.revise(t, &coffee).await
    })
    .await;
    refused(&h, Who::Member, Refusal::Forbidden, async |t| {
        anns.remove(t).await
    })
    .await;
    assert_eq!(stored(&h, &anns).await, anns, "the owner's is unchanged");

    let revised = h
        .act(Who::Member, async |t| bobs.revise(t, &coffee).await)
        .await
        .expect("their own is revised");
    assert_eq!(
        (
            revised.description.as_str(),
            revised.amount_minor,
            revised.updated_by_id
        ),
        ("Coffee", 800, Some(h.member.id))
    );
    // A revision is checked as a new expense is.
    refused(
        &h,
        Who::Member,
        Refusal::Field("amount", "must be greater than zero"),
        async |t| revised.revise(t, &lunch("0")).await,
    )
    .await;
    assert_eq!(stored(&h, &bobs).await.amount_minor, 800);

    h.act(Who::Member, async |t| revised.remove(t).await)
        .await
        .expect("their own is removed");
    let removed = stored(&h, &bobs).await;
    assert!(removed.deleted_at.is_some(), "kept for undo");
    let restored = h
        .act(Who::Member, async |t| removed.restore(t).await)
        .await
        .expect("their own is restored");
    assert_eq!(stored(&h, &bobs).await.deleted_at, None);
    assert_eq!(restored.description, "Coffee");
}

#[tokio::test]
async fn an_owner_changes_anyones_expense_and_a_viewer_none() {
    let h = Household::start().await;
    let bobs = record(&h, Who::Member, &lunch("8.00")).await;
    refused(&h, Who::Viewer, Refusal::Forbidden, async |t| {
        Expense::record(t, &lunch("3.00")).await
    })
    .await;
    refused(&h, Who::Viewer, Refusal::Forbidden, async |t| {
        bobs.revise(t, &lunch("3.00")).await
    })
    .await;
    refused(&h, Who::Viewer, Refusal::Forbidden, async |t| {
        bobs.remove(t).await
    })
    .await;
    assert_eq!(stored(&h, &bobs).await, bobs);

    let revised = h
        .act(Who::Owner, async |t| bobs.revise(t, &lunch("9.50")).await)
        .await
        .expect("the owner revises a member's expense");
    assert_eq!(
        (
            revised.amount_minor,
            revised.created_by_id,
            revised.updated_by_id
        ),
        (950, Some(h.member.id), Some(h.owner.id))
    );
    h.act(Who::Owner, async |t| revised.remove(t).await)
        .await
        .expect("the owner removes it");
    let removed = stored(&h, &bobs).await;
    assert!(removed.deleted_at.is_some());
    refused(&h, Who::Viewer, Refusal::Forbidden, async |t| {
        removed.restore(t).await
    })
    .await;
    assert!(stored(&h, &bobs).await.deleted_at.is_some());
    h.act(Who::Owner, async |t| removed.restore(t).await)
        .await
        .expect("the owner restores it");
    assert_eq!(stored(&h, &bobs).await.deleted_at, None);
}

#[tokio::test]
async fn the_plan_refuses_dates_before_its_history_and_expenses_past_its_allowance() {
    // Billing on (the Free plan of `config/test.yaml`: 3 new expenses a
    // month, 12 months of history). Nothing here asks Stripe, so no
    // stand-in answers at that address.
    let app = TestApp::start_with(|config| configure_billing(config, "http://127.0.0.1:9")).await;
    let h = Household::on(app).await;
    let history = "The Free plan keeps 12 months of history: expenses before";
    refused(&h, Who::Member, Refusal::Plan(history), async |t| {
        Expense::record(
            t,
            &ExpenseParams {
                date: Some(LONG_AGO.to_string()),
                ..lunch("4.50")
            },
        )
        .await
    })
    .await;
    let recent = record(&h, Who::Member, &lunch("4.50")).await;
    refused(&h, Who::Member, Refusal::Plan(history), async |t| {
        recent.revise(t, &dated(LONG_AGO)).await
    })
    .await;
    assert_eq!(stored(&h, &recent).await.spent_on, today());

    record(&h, Who::Owner, &lunch("1.00")).await;
    record(&h, Who::Member, &lunch("2.00")).await;
    refused(
        &h,
        Who::Owner,
        Refusal::Plan("The Free plan allows 3 new expenses a month, and this month's are used"),
        async |t| Expense::record(t, &lunch("3.00")).await,
    )
    .await;
    // A recurring rule whose first expense is due now is refused alike,
    // rule and all.
    refused(
        &h,
        Who::Owner,
        Refusal::Plan("The Free plan allows 3 new expenses a month, and this month's are used"),
        async |t| Rule::create(t, &every(1, today(), None)).await,
    )
    .await;
    // Deleting one frees its place; undoing the delete takes it back, so
    // not once another expense has taken it.
    let third = stored(&h, &recent).await;
    h.act(Who::Member, async |t| third.remove(t).await)
        .await
        .expect("deleted");
    let deleted = stored(&h, &recent).await;
    record(&h, Who::Member, &lunch("2.50")).await;
    refused(
        &h,
        Who::Owner,
        Refusal::Plan("The Free plan allows 3 new expenses a month, and this month's are used"),
        async |t| deleted.restore(t).await,
    )
    .await;
    assert!(stored(&h, &deleted).await.deleted_at.is_some());
}
