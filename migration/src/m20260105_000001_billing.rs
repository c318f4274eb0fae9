use loco_rs::schema::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Billing: one account per workspace that has ever paid, and the Stripe
/// events received.
///
/// `billing_accounts` mirrors the workspace's Stripe customer and
/// subscription as Stripe last reported them. Like `workspaces`, it has no
/// row-level security: webhooks and the reconciliation job arrive without a
/// workspace and find the account by its Stripe customer id; it holds no
/// spending data. `stripe_events` is the instance's inbox of webhook
/// events: the unique event id makes a second delivery a no-op.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        create_table(
            m,
            "billing_accounts",
            &[
                ("id", ColType::PkAuto),
                ("customer_id", ColType::StringUniq),
                ("subscription_id", ColType::StringNull),
                // The paid plan's key in `settings.billing.plans`.
                ("plan", ColType::StringNull),
                ("price_id", ColType::StringNull),
                // Stripe's subscription status: active, trialing, past_due,
                // unpaid, incomplete, incomplete_expired, canceled, paused.
                ("status", ColType::StringNull),
                ("current_period_end", ColType::TimestampWithTimeZoneNull),
                ("cancel_at_period_end", ColType::BooleanWithDefault(false)),
                // Set when a payment fails; past it, the Free plan's limits apply.
                ("grace_until", ColType::TimestampWithTimeZoneNull),
                ("synced_at", ColType::TimestampWithTimeZoneNull),
            ],
            &[("workspace", "")],
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx-billing_accounts-workspace")
                .table(Alias::new("billing_accounts"))
                .col(Alias::new("workspace_id"))
                .unique()
                .to_owned(),
        )
        .await?;
        create_table(
            m,
            "stripe_events",
            &[
                ("id", ColType::PkAuto),
                ("event_id", ColType::StringUniq),
                ("event_type", ColType::String),
                // The id of the object the event is about (a subscription,
                // an invoice, a checkout session).
                ("object_id", ColType::String),
                // Stripe's `created`, seconds since the epoch.
                ("stripe_created", ColType::BigInteger),
                ("processed_at", ColType::TimestampWithTimeZoneNull),
                // What processing did, in words ("unknown customer", ...).
                ("outcome", ColType::TextNull),
            ],
            &[],
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        drop_table(m, "stripe_events").await?;
        drop_table(m, "billing_accounts").await?;
        Ok(())
    }
}
