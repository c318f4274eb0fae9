use loco_rs::schema::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Workspaces (the tenant), their members and pending invitations, and the
/// per-workspace audit log. Every tenant-owned table has `workspace_id NOT
/// NULL` and is keyed so it can be distributed by `workspace_id`.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        create_table(
            m,
            "workspaces",
            &[
                ("id", ColType::PkAuto),
                ("pid", ColType::UuidUniq),
                ("name", ColType::String),
                // household | team
                ("kind", ColType::String),
                // ISO 4217 code of the base currency
                ("currency", ColType::String),
                // IANA time zone name
                ("time_zone", ColType::String),
                // Set when deletion was requested; the data goes in a job.
                ("deleting_at", ColType::TimestampWithTimeZoneNull),
            ],
            &[],
        )
        .await?;
        create_table(
            m,
            "memberships",
            &[
                ("id", ColType::PkAuto),
                // owner | admin | member | viewer
                ("role", ColType::String),
            ],
            &[("workspace", ""), ("user", "")],
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx-memberships-workspace-user")
                .table(Alias::new("memberships"))
                .col(Alias::new("workspace_id"))
                .col(Alias::new("user_id"))
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx-memberships-user")
                .table(Alias::new("memberships"))
                .col(Alias::new("user_id"))
                .to_owned(),
        )
        .await?;
        create_table(
            m,
            "invitations",
            &[
                ("id", ColType::PkAuto),
                ("pid", ColType::UuidUniq),
                ("email", ColType::String),
                ("role", ColType::String),
                ("token_hash", ColType::StringUniq),
                ("invited_by_name", ColType::String),
                ("expires_at", ColType::TimestampWithTimeZone),
                ("accepted_at", ColType::TimestampWithTimeZoneNull),
                ("revoked_at", ColType::TimestampWithTimeZoneNull),
            ],
            &[("workspace", "")],
        )
        .await?;
        create_table(
            m,
            "audit_events",
            &[
                ("id", ColType::PkAuto),
                // No foreign key: the log outlives the accounts it names.
                ("actor_id", ColType::BigIntegerNull),
                ("actor_name", ColType::String),
                // e.g. member.role_changed
                ("action", ColType::String),
                ("summary", ColType::Text),
                // {"before": .., "after": ..}
                ("details", ColType::JsonBinaryNull),
                ("ip", ColType::StringNull),
            ],
            &[("workspace", "")],
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx-audit_events-workspace-created")
                .table(Alias::new("audit_events"))
                .col(Alias::new("workspace_id"))
                .col(Alias::new("created_at"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in ["audit_events", "invitations", "memberships", "workspaces"] {
            drop_table(m, table).await?;
        }
        Ok(())
    }
}
