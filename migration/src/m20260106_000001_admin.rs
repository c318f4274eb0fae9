use loco_rs::schema::*;
use sea_orm_migration::prelude::*;

use crate::tenant;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The operators' console: platform roles, locked accounts, suspended
/// workspaces, the platform audit log, and the time-limited access a
/// workspace owner grants to support.
///
/// Platform roles are Casbin `p` rules in the `platform` domain, beside the
/// workspace roles; which user holds one is the `platform_roles` table.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        add_column(m, "users", "locked_at", ColType::TimestampWithTimeZoneNull).await?;
        add_column(
            m,
            "workspaces",
            "suspended_at",
            ColType::TimestampWithTimeZoneNull,
        )
        .await?;
        create_table(
            m,
            "platform_roles",
            &[
                ("id", ColType::PkAuto),
                // superadmin | support | billing
                ("role", ColType::String),
            ],
            &[("user", "")],
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx-platform_roles-user-role")
                .table(Alias::new("platform_roles"))
                .col(Alias::new("user_id"))
                .col(Alias::new("role"))
                .unique()
                .to_owned(),
        )
        .await?;
        create_table(
            m,
            "platform_audit_events",
            &[
                ("id", ColType::PkAuto),
                ("actor_id", ColType::BigIntegerNull),
                ("actor_name", ColType::String),
                ("ip", ColType::StringNull),
                ("action", ColType::String),
                // What it acted on: `user:<uuid>`, `workspace:<uuid>`, `job:<id>`.
                ("target", ColType::String),
                ("summary", ColType::Text),
                ("details", ColType::JsonBinaryNull),
            ],
            &[],
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx-platform_audit_events-created")
                .table(Alias::new("platform_audit_events"))
                .col(Alias::new("created_at"))
                .to_owned(),
        )
        .await?;
        create_table(
            m,
            "support_grants",
            &[
                ("id", ColType::PkAuto),
                ("pid", ColType::UuidUniq),
                ("granted_by_id", ColType::BigIntegerNull),
                ("expires_at", ColType::TimestampWithTimeZone),
                ("revoked_at", ColType::TimestampWithTimeZoneNull),
            ],
            &[("workspace", "")],
        )
        .await?;
        tenant::isolate(m, &["support_grants"]).await?;
        tenant::grant(
            m,
            &[
                ("owner", "support_access", &["manage"]),
                ("superadmin", "console", &["read"]),
                ("superadmin", "users", &["read", "support", "manage"]),
                ("superadmin", "platform_roles", &["manage"]),
                ("superadmin", "workspaces", &["read", "manage"]),
                ("superadmin", "billing_admin", &["read", "manage"]),
                ("superadmin", "jobs", &["read", "manage"]),
                ("superadmin", "platform_audit", &["read"]),
                ("superadmin", "support_view", &["read"]),
                ("support", "console", &["read"]),
                ("support", "users", &["read", "support"]),
                ("support", "workspaces", &["read"]),
                ("support", "billing_admin", &["read"]),
                ("support", "jobs", &["read"]),
                ("support", "platform_audit", &["read"]),
                ("support", "support_view", &["read"]),
                ("billing", "console", &["read"]),
                ("billing", "workspaces", &["read"]),
                ("billing", "billing_admin", &["read", "manage"]),
            ],
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        tenant::revoke(
            m,
            &[
                "support_access",
                "console",
                "users",
                "platform_roles",
                "workspaces",
                "billing_admin",
                "jobs",
                "platform_audit",
                "support_view",
            ],
        )
        .await?;
        drop_table(m, "support_grants").await?;
        drop_table(m, "platform_audit_events").await?;
        drop_table(m, "platform_roles").await?;
        remove_column(m, "workspaces", "suspended_at").await?;
        remove_column(m, "users", "locked_at").await?;
        Ok(())
    }
}
