//! Receipts: `Stored::attach` and `Model::remove`, with the rights of the
//! expense they belong to.

use bytes::Bytes;
use smartexpense::{
    models::{
        effects::Effect,
        expenses::Model as Expense,
        receipts::{Model as Receipt, Stored, Upload},
        tenancy::Tenant,
    },
    workers::Job,
};

use super::{lunch, record, refused, Refusal};
use crate::{
    requests::receipts::png,
    support::workspace::{Household, Who},
};

/// A photo checked and put in storage, ready to attach.
async fn photo(t: &Tenant<'_>, h: &Household) -> Vec<Stored> {
    let upload = Upload {
        filename: "till.png".to_string(),
        bytes: Bytes::from(png(64, 48)),
    };
    Receipt::store(&h.app.ctx, t.db, t.workspace, vec![upload])
        .await
        .expect("stored")
}

/// The jobs an operation registered for after its commit.
fn jobs(effects: &[Effect]) -> Vec<&Job> {
    effects
        .iter()
        .filter_map(|effect| match effect {
            Effect::Job(job) => Some(job),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn receipts_are_attached_and_removed_by_whoever_may_change_the_expense() {
    let h = Household::start().await;
    let anns = record(&h, Who::Owner, &lunch("12.00")).await;
    let bobs = record(&h, Who::Member, &lunch("8.00")).await;
    let attach = async |who: Who, expense: &Expense| {
        h.act(who, async |t| {
            let stored = photo(t, &h).await;
            let saved = Stored::attach(stored, t, expense).await?;
            Ok((saved, t.take_effects()))
        })
        .await
    };

    // A member attaches to their own expense, not to another's; a viewer
    // to none.
    refused(&h, Who::Member, Refusal::Forbidden, async |t| {
        Stored::attach(photo(t, &h).await, t, &anns).await
    })
    .await;
    refused(&h, Who::Viewer, Refusal::Forbidden, async |t| {
        Stored::attach(photo(t, &h).await, t, &bobs).await
    })
    .await;
    let (saved, effects) = attach(Who::Member, &bobs).await.expect("attached");
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].expense_id, bobs.id);
    // Processed only once the rows are committed.
    match jobs(&effects)[..] {
        [Job::ProcessReceipt {
            workspace_id,
            receipt_id,
        }] => assert_eq!((*workspace_id, *receipt_id), (h.workspace.id, saved[0].id)),
        ref other => panic!("expected one processing job, got {other:?}"),
    }

    // The owner attaches to anyone's; removing follows the same rights and
    // deletes the files after the commit.
    let (on_anns, _) = attach(Who::Owner, &anns).await.expect("attached");
    let receipt = on_anns.into_iter().next().expect("one receipt");
    refused(&h, Who::Member, Refusal::Forbidden, async |t| {
        receipt.clone().remove(t, &anns).await
    })
    .await;
    let effects = h
        .act(Who::Owner, async |t| {
            receipt.clone().remove(t, &anns).await?;
            Ok(t.take_effects())
        })
        .await
        .expect("removed");
    match jobs(&effects)[..] {
        [Job::DeleteFiles { keys }] => assert_eq!(*keys, receipt.all_keys()),
        ref other => panic!("expected one deletion job, got {other:?}"),
    }
    assert!(h
        .reload::<smartexpense::models::_entities::receipts::Entity>(receipt.id)
        .await
        .is_none());
}
