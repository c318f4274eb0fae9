use loco_rs::schema::*;
use sea_orm_migration::prelude::*;

use crate::tenant;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Categories, expenses and their tags. Amounts are integers in minor units,
/// never floats: `amount_minor` in the workspace's base currency, and the
/// original amount, currency and rate as entered. People are referenced
/// without foreign keys (`paid_by_id`, `created_by_id`, `updated_by_id`): an
/// expense must outlive the account of whoever paid it.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        create_table(
            m,
            "categories",
            &[
                ("id", ColType::PkAuto),
                ("pid", ColType::UuidUniq),
                ("name", ColType::String),
                // #rrggbb
                ("color", ColType::String),
                ("parent_id", ColType::BigIntegerNull),
            ],
            &[("workspace", "")],
        )
        .await?;
        create_table(
            m,
            "expenses",
            &[
                ("id", ColType::PkAuto),
                ("pid", ColType::UuidUniq),
                ("amount_minor", ColType::BigInteger),
                ("original_amount_minor", ColType::BigInteger),
                ("currency", ColType::String),
                // Base-currency units per original unit, as a decimal string.
                ("rate", ColType::String),
                ("spent_on", ColType::Date),
                ("description", ColType::String),
                ("payee", ColType::StringNull),
                ("notes", ColType::TextNull),
                ("category_id", ColType::BigIntegerNull),
                ("paid_by_id", ColType::BigIntegerNull),
                ("created_by_id", ColType::BigIntegerNull),
                ("updated_by_id", ColType::BigIntegerNull),
                // Set by delete; the row stays for a few seconds of undo.
                ("deleted_at", ColType::TimestampWithTimeZoneNull),
            ],
            &[("workspace", "")],
        )
        .await?;
        // The list and its totals, for each order and filter the list offers.
        // Partial (the list never shows deleted rows) and covering the
        // amount, so counting and summing a filter reads only the index.
        for (name, columns) in [
            (
                "idx-expenses-list-date",
                "workspace_id, spent_on, id, amount_minor",
            ),
            ("idx-expenses-list-amount", "workspace_id, amount_minor, id"),
            (
                "idx-expenses-list-category",
                "workspace_id, category_id, spent_on, id, amount_minor",
            ),
            (
                "idx-expenses-list-payer",
                "workspace_id, paid_by_id, spent_on, id, amount_minor",
            ),
        ] {
            m.get_connection()
                .execute_unprepared(&format!(
                    "CREATE INDEX \"{name}\" ON expenses ({columns}) WHERE deleted_at IS NULL"
                ))
                .await?;
        }
        create_table(
            m,
            "expense_tags",
            &[("id", ColType::PkAuto), ("name", ColType::String)],
            &[("workspace", ""), ("expense", "")],
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx-expense_tags-expense-name")
                .table(Alias::new("expense_tags"))
                .col(Alias::new("expense_id"))
                .col(Alias::new("name"))
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx-expense_tags-workspace-name")
                .table(Alias::new("expense_tags"))
                .col(Alias::new("workspace_id"))
                .col(Alias::new("name"))
                .to_owned(),
        )
        .await?;

        tenant::grant(
            m,
            &[
                (
                    "owner",
                    "expenses",
                    &["read", "create", "update_any", "delete_any"],
                ),
                (
                    "admin",
                    "expenses",
                    &["read", "create", "update_any", "delete_any"],
                ),
                (
                    "member",
                    "expenses",
                    &["read", "create", "update_own", "delete_own"],
                ),
                ("viewer", "expenses", &["read"]),
                ("owner", "categories", &["read", "manage"]),
                ("admin", "categories", &["read", "manage"]),
                ("member", "categories", &["read"]),
                ("viewer", "categories", &["read"]),
            ],
        )
        .await?;
        tenant::isolate(m, &["categories", "expenses", "expense_tags"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in ["expense_tags", "expenses", "categories"] {
            drop_table(m, table).await?;
        }
        tenant::revoke(m, &["expenses", "categories"]).await
    }
}
