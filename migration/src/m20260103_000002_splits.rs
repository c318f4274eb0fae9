use loco_rs::schema::*;
use sea_orm_migration::prelude::*;

use crate::tenant;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Shared costs: how an expense is split between members, and settlements
/// (money one member gave another to even out). People are referenced
/// without foreign keys, like on expenses: a balance must outlive an account.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // equal | shares | percent | exact; NULL: not split (the payer's own).
        add_column(m, "expenses", "split_method", ColType::StringNull).await?;
        create_table(
            m,
            "expense_shares",
            &[
                ("id", ColType::PkAuto),
                ("user_id", ColType::BigInteger),
                // What this member owes of the expense, in the base currency
                // and as entered.
                ("amount_minor", ColType::BigInteger),
                ("original_amount_minor", ColType::BigInteger),
                // The share, percentage or exact amount as entered.
                ("weight", ColType::String),
            ],
            &[("workspace", ""), ("expense", "")],
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx-expense_shares-expense-user")
                .table(Alias::new("expense_shares"))
                .col(Alias::new("expense_id"))
                .col(Alias::new("user_id"))
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx-expense_shares-workspace-user")
                .table(Alias::new("expense_shares"))
                .col(Alias::new("workspace_id"))
                .col(Alias::new("user_id"))
                .to_owned(),
        )
        .await?;
        create_table(
            m,
            "settlements",
            &[
                ("id", ColType::PkAuto),
                ("pid", ColType::UuidUniq),
                ("from_user_id", ColType::BigInteger),
                ("to_user_id", ColType::BigInteger),
                // In the workspace's base currency.
                ("amount_minor", ColType::BigInteger),
                ("settled_on", ColType::Date),
                ("note", ColType::StringNull),
                ("created_by_id", ColType::BigIntegerNull),
            ],
            &[("workspace", "")],
        )
        .await?;
        tenant::grant(
            m,
            &[
                ("owner", "settlements", &["read", "create", "delete"]),
                ("admin", "settlements", &["read", "create", "delete"]),
                ("member", "settlements", &["read", "create"]),
                ("viewer", "settlements", &["read"]),
            ],
        )
        .await?;
        tenant::isolate(m, &["expense_shares", "settlements"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        drop_table(m, "settlements").await?;
        drop_table(m, "expense_shares").await?;
        remove_column(m, "expenses", "split_method").await?;
        tenant::revoke(m, &["settlements"]).await
    }
}
