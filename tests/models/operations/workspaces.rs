//! Workspace settings and deletion: `update_settings`, `request_deletion`.

use smartexpense::{
    models::{
        _entities::workspaces as rows,
        effects::Effect,
        workspaces::{Model as Workspace, UpdateParams},
    },
    workers::Job,
};

use super::{only_for, refused, refused_fields, Refusal};
use crate::support::workspace::{Household, Who};

fn setting(currency: &str, time_zone: &str) -> UpdateParams {
    UpdateParams {
        currency: Some(currency.to_string()),
        time_zone: Some(time_zone.to_string()),
        ..UpdateParams::default()
    }
}

#[tokio::test]
async fn settings_are_checked_and_changed_by_whoever_may_update_the_workspace() {
    let h = Household::start().await;
    refused_fields(
        &h,
        Who::Owner,
        [
            (
                setting("EURO", "UTC"),
                "currency",
                "must be an ISO 4217 currency code, such as EUR or USD",
            ),
            (
                UpdateParams {
                    name: Some("  ".to_string()),
                    ..UpdateParams::default()
                },
                "name",
                "can't be blank",
            ),
        ],
        async |t, params| Workspace::update_settings(t, params).await,
    )
    .await;
    let (before, after, updated) = only_for(&h, Who::Member, Who::Owner, async |t| {
        Workspace::update_settings(t, &setting("chf", "Europe/Zurich")).await
    })
    .await;
    assert_eq!(
        (updated.currency.as_str(), updated.time_zone.as_str()),
        ("CHF", "Europe/Zurich")
    );
    assert_eq!(after.audit, before.audit + 1, "the change is audited");
    let stored = h
        .reload::<rows::Entity>(h.workspace.id)
        .await
        .expect("stored");
    assert_eq!(stored.currency, "CHF");
}

#[tokio::test]
async fn deletion_needs_the_name_typed_and_queues_the_purge_only_once_marked() {
    let h = Household::start().await;
    refused(
        &h,
        Who::Owner,
        Refusal::Field("confirm", "must be the workspace's name, typed exactly"),
        async |t| Workspace::request_deletion(t, "Ann's house").await,
    )
    .await;
    refused(&h, Who::Member, Refusal::Forbidden, async |t| {
        Workspace::request_deletion(t, "Ann's home").await
    })
    .await;
    let (marked, effects) = h
        .act(Who::Owner, async |t| {
            let marked = Workspace::request_deletion(t, " Ann's home ").await?;
            Ok((marked, t.take_effects()))
        })
        .await
        .expect("marked");
    assert!(marked.deleting_at.is_some());
    let purges: Vec<_> = effects
        .iter()
        .filter_map(|effect| match effect {
            Effect::Job(Job::PurgeWorkspace { workspace_pid }) => Some(*workspace_pid),
            _ => None,
        })
        .collect();
    assert_eq!(purges, [h.workspace.pid], "{effects:?}");
}
