//! Settlements: `record` and `remove`.

use smartexpense::models::{
    _entities::{settlements as rows, users},
    settlements::{Model as Settlement, SettlementParams},
};

use super::{only_for, refused_fields, today};
use crate::support::workspace::{Household, Who};

fn paid(from: &users::Model, to: &users::Model, amount: &str) -> SettlementParams {
    SettlementParams {
        from: from.pid.to_string(),
        to: to.pid.to_string(),
        amount: amount.to_string(),
        date: None,
        note: None,
        currency: None,
        ..SettlementParams::default()
    }
}

const NOT_A_MEMBER: &str = "is not a member of this workspace";

#[tokio::test]
async fn a_settlement_is_between_two_members_for_an_amount_above_zero() {
    let h = Household::start().await;
    let (ann, bob, sam) = (&h.owner, &h.member, &h.stranger);
    refused_fields(
        &h,
        Who::Member,
        [
            (
                paid(bob, bob, "5.00"),
                "to",
                "must be someone else than who paid: a member can't pay themself",
            ),
            (
                SettlementParams {
                    currency: Some("USD".into()),
                    ..paid(bob, ann, "5.00")
                },
                "currency",
                "must be EUR, the workspace's currency: balances and payments are kept in it, so convert the amount first (or let the workspace settle each currency on its own)",
            ),
            (paid(bob, ann, "0"), "amount", "must be greater than zero"),
            (paid(bob, ann, "-5"), "amount", "must be greater than zero"),
            (paid(sam, ann, "5.00"), "from", NOT_A_MEMBER),
            (paid(bob, sam, "5.00"), "to", NOT_A_MEMBER),
        ],
        async |t, params| Settlement::record(t, params).await,
    )
    .await;
    let (_, _, settlement) = only_for(&h, Who::Viewer, Who::Member, async |t| {
        Settlement::record(t, &paid(bob, ann, "12.50")).await
    })
    .await;
    assert_eq!(
        h.reload::<rows::Entity>(settlement.id).await.map(|s| (
            s.from_user_id,
            s.to_user_id,
            s.amount_minor,
            s.settled_on,
            s.created_by_id
        )),
        Some((bob.id, ann.id, 1250, today(), Some(bob.id)))
    );

    // Members record settlements; removing one takes an owner or admin.
    let (before, after, ()) = only_for(&h, Who::Member, Who::Owner, async |t| {
        settlement.clone().remove(t).await
    })
    .await;
    assert_eq!(h.reload::<rows::Entity>(settlement.id).await, None);
    assert_eq!(after.settlements, before.settlements - 1);
}
