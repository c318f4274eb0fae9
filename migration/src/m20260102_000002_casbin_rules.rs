use loco_rs::schema::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// What each workspace role may do: Casbin `p` rules `(role, object, action)`.
/// Which role a user has in a workspace is the `memberships` table; see
/// `src/policies/`.
/// `(object, actions)` granted to a role.
type Grants = &'static [(&'static str, &'static [&'static str])];

const ROLE_PERMISSIONS: &[(&str, Grants)] = &[
    (
        "owner",
        &[
            ("workspace", &["read", "update", "delete", "transfer"]),
            // The owner may ask to leave; the model explains why they cannot.
            ("members", &["read", "manage", "leave"]),
            ("invitations", &["read", "manage"]),
            ("audit", &["read"]),
            ("billing", &["manage"]),
        ],
    ),
    (
        "admin",
        &[
            ("workspace", &["read", "update"]),
            ("members", &["read", "manage", "leave"]),
            ("invitations", &["read", "manage"]),
            ("audit", &["read"]),
        ],
    ),
    (
        "member",
        &[("workspace", &["read"]), ("members", &["read", "leave"])],
    ),
    (
        "viewer",
        &[("workspace", &["read"]), ("members", &["read", "leave"])],
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        create_table(
            m,
            "casbin_rules",
            &[
                ("id", ColType::PkAuto),
                ("ptype", ColType::String),
                ("v0", ColType::String),
                ("v1", ColType::String),
                ("v2", ColType::String),
                ("v3", ColType::String),
                ("v4", ColType::String),
                ("v5", ColType::String),
            ],
            &[],
        )
        .await?;
        let mut insert = Query::insert()
            .into_table(Alias::new("casbin_rules"))
            .columns(
                [
                    "ptype",
                    "v0",
                    "v1",
                    "v2",
                    "v3",
                    "v4",
                    "v5",
                    "created_at",
                    "updated_at",
                ]
                .map(Alias::new),
            )
            .to_owned();
        for (role, objects) in ROLE_PERMISSIONS {
            for (object, actions) in *objects {
                for action in *actions {
                    insert.values_panic([
                        "p".into(),
                        (*role).into(),
                        (*object).into(),
                        (*action).into(),
                        "".into(),
                        "".into(),
                        "".into(),
                        Expr::current_timestamp(),
                        Expr::current_timestamp(),
                    ]);
                }
            }
        }
        m.exec_stmt(insert).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        drop_table(m, "casbin_rules").await
    }
}
