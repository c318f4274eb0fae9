//! Who owes whom. A member's balance is what they paid for split expenses,
//! less their own shares of them, plus what they handed to others in
//! settlements, less what they received. Balances add up to zero; the
//! settle-up plan ([`plan`]) pays them off with as few transfers as possible.
//! [`statement`] lists the expenses and payments that make up one balance.

mod plan;
pub mod statement;

pub use plan::{fewest_transfers, Transfer};

use crate::models::ids::{UserId, WorkspaceId};
use std::collections::{BTreeMap, HashMap};

use loco_rs::prelude::*;
use sea_orm::{JoinType, QuerySelect, RelationTrait};
use serde::Deserialize;
use serde_json::json;

pub use super::_entities::settlements::{self, ActiveModel, Entity, Model};
use crate::policies::{SETTLEMENTS_CREATE, SETTLEMENTS_DELETE};

use super::{
    _entities::{expense_shares, expenses, users},
    audit_events::{self, Event},
    effects::Effect,
    errors::{DomainError, DomainResult},
    memberships, money,
    tenancy::{self, Tenant},
    validation::FieldErrors,
    workspaces,
};

const NOTE_MAX_CHARS: usize = 200;

/// A sum of minor units as the database answers it (`NULL` over no rows).
type Sum = Option<i64>;

impl ActiveModelBehavior for ActiveModel {}

impl TenantEntity for Entity {
    type TenantId = WorkspaceId;

    fn tenant_column() -> settlements::Column {
        settlements::Column::WorkspaceId
    }
}

#[derive(Debug, Default, Clone, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct SettlementParams {
    /// Public id of the member who paid.
    #[schema(required = true, schema_with = crate::models::schema::id)]
    pub from: String,
    /// Public id of the member who received.
    #[schema(required = true, schema_with = crate::models::schema::id)]
    pub to: String,
    /// In `currency`, e.g. "12.34".
    #[schema(required = true, schema_with = crate::models::schema::decimal_required)]
    pub amount: String,
    /// ISO 4217; the workspace's base currency when left out. A workspace
    /// that settles up in its base currency (`settle_up: base_currency`)
    /// takes payments in it only; one that settles each currency
    /// (`each_currency`) takes any, and the payment counts in that
    /// currency's balances.
    #[schema(schema_with = crate::models::schema::currency_optional)]
    pub currency: Option<String>,
    /// YYYY-MM-DD; today (in the workspace's time zone) when left out.
    #[schema(schema_with = crate::models::schema::date_optional)]
    pub date: Option<String>,
    #[schema(max_length = 200)]
    pub note: Option<String>,
    /// How the amount is written: exactly by the API; as typed in the
    /// pages' form (`12,50`).
    #[serde(skip)]
    pub notation: money::Notation,
}

/// A settlement with the people in it (`None`: a deleted account).
#[derive(Debug)]
pub struct Settlement {
    pub row: Model,
    pub from: Option<users::Model>,
    pub to: Option<users::Model>,
}

/// Each person's balance in one currency (positive: others owe them) and
/// the plan that settles them.
#[derive(Debug)]
pub struct CurrencyBalances {
    /// ISO 4217.
    pub currency: String,
    /// `(user, balance)`, largest creditor first; `None`: a deleted account.
    pub people: Vec<(Option<users::Model>, i64)>,
    pub transfers: Vec<(Option<users::Model>, Option<users::Model>, i64)>,
}

/// Everyone's balances: in the base currency alone, or, in a workspace that
/// settles each currency on its own, one set per currency.
#[derive(Debug)]
pub struct Balances {
    /// The base currency's (there even when nobody owes anything in it),
    /// then each other currency with an open balance, by code.
    pub currencies: Vec<CurrencyBalances>,
    /// Some live expense is shared: no open balance then means everyone
    /// settled up, not that there was never anything to settle.
    pub shared: bool,
}

impl Balances {
    /// The base currency's balances.
    #[must_use]
    pub fn base(&self) -> &CurrencyBalances {
        &self.currencies[0]
    }

    /// Other currencies with an open balance (none in a workspace that
    /// settles up in its base currency).
    #[must_use]
    pub fn others(&self) -> &[CurrencyBalances] {
        &self.currencies[1..]
    }

    /// The payment a "record a payment" form suggests to `me`, in the
    /// first currency (base first) where somebody owes: see
    /// [`CurrencyBalances::suggested_payment`].
    #[must_use]
    pub fn suggested_payment(
        &self,
        me: UserId,
    ) -> Option<(&users::Model, &users::Model, i64, &str)> {
        self.currencies.iter().find_map(|c| {
            c.suggested_payment(me)
                .map(|(from, to, amount)| (from, to, amount, c.currency.as_str()))
        })
    }
}

impl CurrencyBalances {
    /// The payment a "record a payment" form suggests to `me`: what `me`
    /// owes (the largest of their payments in the plan) when they owe,
    /// else the plan's payment from whoever owes most. `None` when nobody
    /// owes, or only former members (who can no longer be named) do.
    #[must_use]
    pub fn suggested_payment(&self, me: UserId) -> Option<(&users::Model, &users::Model, i64)> {
        let known = self
            .transfers
            .iter()
            .filter_map(|(from, to, amount)| Some((from.as_ref()?, to.as_ref()?, *amount)));
        let mine = known
            .clone()
            .filter(|(from, _, _)| from.id == me)
            .max_by_key(|t| t.2);
        // `people` is sorted by balance: the last one with a debt owes most.
        let most_owing = self
            .people
            .iter()
            .rev()
            .filter(|(_, balance)| *balance < 0)
            .find_map(|(user, _)| user.as_ref().map(|u| u.id));
        mine.or_else(|| {
            known
                .clone()
                .filter(|(from, _, _)| Some(from.id) == most_owing)
                .max_by_key(|t| t.2)
        })
        .or_else(|| known.max_by_key(|t| t.2))
    }
}

/// The expenses that count in balances: live, split, with a payer.
/// [`statement`] reads the same ones, so a statement ends at the balance.
fn split_live_expenses() -> Condition {
    Condition::all()
        .add(expenses::Column::DeletedAt.is_null())
        .add(expenses::Column::SplitMethod.is_not_null())
        .add(expenses::Column::PaidById.is_not_null())
}

impl Model {
    /// Everyone's balances in the workspace and the plans to settle them.
    ///
    /// # Errors
    /// On database errors.
    // Stays whole (over 80 lines): what each member paid, owes and settled
    // is summed into one balance per person and currency, then matched to
    // people once.
    pub async fn balances<C: ConnectionTrait>(
        db: &C,
        workspace: &workspaces::Model,
    ) -> ModelResult<Balances> {
        let each = workspace.settles_each_currency();
        let base = workspace.currency.as_str();
        // `(currency, base amount, amount as entered)`: counted in the
        // base currency, or in its own when each currency settles apart.
        let counted = |currency: String, base_minor: Sum, entered: Sum| {
            if each {
                (currency, entered.unwrap_or_default())
            } else {
                (base.to_string(), base_minor.unwrap_or_default())
            }
        };
        let mut net: BTreeMap<(String, UserId), i64> = BTreeMap::new();
        let paid: Vec<(Option<UserId>, String, Sum, Sum)> = expenses::Entity::find()
            .in_tenant(workspace.id)
            .filter(split_live_expenses())
            .select_only()
            .column(expenses::Column::PaidById)
            .column(expenses::Column::Currency)
            .column_as(money::sum_minor(expenses::Column::AmountMinor), "total")
            .column_as(
                money::sum_minor(expenses::Column::OriginalAmountMinor),
                "entered",
            )
            .group_by(expenses::Column::PaidById)
            .group_by(expenses::Column::Currency)
            .into_tuple()
            .all(db)
            .await?;
        let shared = !paid.is_empty();
        for (user, currency, total, entered) in paid {
            if let Some(user) = user {
                let (currency, amount) = counted(currency, total, entered);
                *net.entry((currency, user)).or_default() += amount;
            }
        }
        let owed: Vec<(UserId, String, Sum, Sum)> = expense_shares::Entity::find()
            .in_tenant(workspace.id)
            .join(
                JoinType::InnerJoin,
                expense_shares::Relation::Expenses.def(),
            )
            .filter(split_live_expenses())
            .select_only()
            .column(expense_shares::Column::UserId)
            .column(expenses::Column::Currency)
            .column_as(
                money::sum_minor(expense_shares::Column::AmountMinor),
                "total",
            )
            .column_as(
                money::sum_minor(expense_shares::Column::OriginalAmountMinor),
                "entered",
            )
            .group_by(expense_shares::Column::UserId)
            .group_by(expenses::Column::Currency)
            .into_tuple()
            .all(db)
            .await?;
        for (user, currency, total, entered) in owed {
            let (currency, amount) = counted(currency, total, entered);
            *net.entry((currency, user)).or_default() -= amount;
        }
        for (column, sign) in [
            (settlements::Column::FromUserId, 1),
            (settlements::Column::ToUserId, -1),
        ] {
            let moved: Vec<(UserId, String, Option<i64>)> = Entity::find()
                .in_tenant(workspace.id)
                .select_only()
                .column(column)
                .column(settlements::Column::Currency)
                .column_as(money::sum_minor(settlements::Column::AmountMinor), "total")
                .group_by(column)
                .group_by(settlements::Column::Currency)
                .into_tuple()
                .all(db)
                .await?;
            for (user, currency, total) in moved {
                // Payments are in the base currency unless each settles apart.
                let (currency, amount) = counted(currency, total, total);
                *net.entry((currency, user)).or_default() += sign * amount;
            }
        }

        let ids: Vec<UserId> = net.keys().map(|(_, u)| *u).collect();
        let people: HashMap<UserId, users::Model> = users::Entity::find()
            .filter(users::Column::Id.is_in(ids))
            .all(db)
            .await?
            .into_iter()
            .map(|u| (u.id, u))
            .collect();
        let person = |id: UserId| people.get(&id).cloned();
        let mut by_currency: BTreeMap<String, Vec<(UserId, i64)>> = BTreeMap::new();
        for ((currency, user), balance) in net {
            if balance != 0 {
                by_currency
                    .entry(currency)
                    .or_default()
                    .push((user, balance));
            }
        }
        let mut currencies = vec![by_currency.remove(base).unwrap_or_default()];
        let mut codes = vec![base.to_string()];
        for (code, open) in by_currency {
            codes.push(code);
            currencies.push(open);
        }
        let currencies = codes
            .into_iter()
            .zip(currencies)
            .map(|(currency, open)| {
                // The settle-up plan works on plain numbers.
                let pairs: Vec<(i64, i64)> = open.iter().map(|(u, b)| (u.0, *b)).collect();
                let transfers = fewest_transfers(&pairs)
                    .into_iter()
                    .map(|t| (person(UserId(t.from)), person(UserId(t.to)), t.amount_minor))
                    .collect();
                let mut listed: Vec<(Option<users::Model>, i64)> =
                    open.into_iter().map(|(u, b)| (person(u), b)).collect();
                listed.sort_by_key(|p| std::cmp::Reverse(p.1));
                CurrencyBalances {
                    currency,
                    people: listed,
                    transfers,
                }
            })
            .collect();
        Ok(Balances { currencies, shared })
    }

    /// How many payments of the workspace are in another currency than
    /// `base`: a workspace can go back to settling in its base currency
    /// only without any.
    ///
    /// # Errors
    /// On database errors.
    pub async fn count_in_other_currencies<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
        base: &str,
    ) -> ModelResult<u64> {
        Ok(Entity::find()
            .in_tenant(workspace_id)
            .filter(settlements::Column::Currency.ne(base))
            .count(db)
            .await?)
    }

    /// Records that one member paid another.
    ///
    /// # Errors
    /// `Forbidden`, or `Invalid` naming each field; nothing is written then.
    // Stays whole (over 80 lines): each field is checked in turn, then one row
    // and its audit entry are written.
    pub async fn record(tenant: &Tenant<'_>, params: &SettlementParams) -> DomainResult<Self> {
        tenant.ensure(SETTLEMENTS_CREATE).await?;
        let (db, workspace) = (tenant.db, tenant.workspace);
        let mut errors = FieldErrors::new();
        let mut member = |field: &str, found: ModelResult<memberships::Member>| {
            found
                .map_err(|_| errors.add(field, "is not a member of this workspace"))
                .ok()
        };
        let from = member(
            "from",
            memberships::Model::find_member(db, workspace.id, params.from.trim()).await,
        );
        let to = member(
            "to",
            memberships::Model::find_member(db, workspace.id, params.to.trim()).await,
        );
        if let (Some(from), Some(to)) = (&from, &to) {
            if from.user.id == to.user.id {
                errors.add(
                    "to",
                    "must be someone else than who paid: a member can't pay themself",
                );
            }
        }
        let code = match params.currency.as_deref().map(str::trim) {
            None | Some("") => workspace.currency.clone(),
            Some(code) => code.to_uppercase(),
        };
        let currency = if code == workspace.currency {
            money::currency(&code)
                .ok_or_else(|| {
                    DomainError::Conflict("The workspace has an unknown base currency.".to_string())
                })
                .map(Some)?
        } else if !workspace.settles_each_currency() {
            // A payment in another currency would be recorded as if it were
            // in the base currency: refused rather than misread.
            errors.add(
                "currency",
                format!(
                    "must be {}, the workspace's currency: balances and payments are kept in it, so convert the amount first (or let the workspace settle each currency on its own)",
                    workspace.currency
                ),
            );
            None
        } else {
            let found = money::currency(&code);
            if found.is_none() {
                errors.add(
                    "currency",
                    "must be an ISO 4217 currency code, such as EUR or USD",
                );
            }
            found
        };
        let amount = currency.and_then(|currency| {
            money::parse_amount_as(&params.amount, currency, params.notation)
                .map_err(|message| errors.add("amount", message))
                .ok()
        });
        let settled_on = match params.date.as_deref().map(str::trim) {
            None | Some("") => Some(workspace.today()),
            Some(text) => errors.date("date", text),
        };
        let note = params
            .note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string);
        let note = note.map(|n| errors.text("note", &n, NOTE_MAX_CHARS, false));
        errors.checked()?;
        let (Some(from), Some(to), Some(amount), Some(settled_on), Some(currency)) =
            (from, to, amount, settled_on, currency)
        else {
            return Err(DomainError::field("amount", "can't be blank"));
        };
        let settlement = ActiveModel {
            pid: Set(Uuid::new_v4()),
            workspace_id: Set(workspace.id),
            from_user_id: Set(from.user.id),
            to_user_id: Set(to.user.id),
            amount_minor: Set(amount),
            currency: Set(code.clone()),
            settled_on: Set(settled_on),
            note: Set(note),
            created_by_id: Set(tenant.user().map(|u| u.id)),
            ..Default::default()
        }
        .insert(db)
        .await?;
        let shown = money::format_minor(amount, currency);
        audit_events::Model::record(
            db,
            workspace.id,
            &tenant.actor,
            Event {
                action: "settlement.recorded",
                summary: format!("{} paid {} {shown} {code}", from.user.name, to.user.name),
                before: None,
                after: Some(settlement.audit_json()),
            },
        )
        .await?;
        tenant.after_commit(Effect::Changed);
        Ok(settlement)
    }

    fn audit_json(&self) -> serde_json::Value {
        json!({
            "from_user_id": self.from_user_id,
            "to_user_id": self.to_user_id,
            "amount_minor": self.amount_minor,
            "currency": self.currency,
            "date": self.settled_on.to_string(),
            "note": self.note,
        })
    }

    /// The workspace's settlements, newest first.
    ///
    /// # Errors
    /// On database errors.
    pub async fn list<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
    ) -> ModelResult<Vec<Settlement>> {
        let rows = Entity::find()
            .in_tenant(workspace_id)
            .order_by_desc(settlements::Column::SettledOn)
            .order_by_desc(settlements::Column::Id)
            .all(db)
            .await?;
        Self::with_people(db, rows).await
    }

    /// The settlements with the accounts of who paid and who received.
    ///
    /// # Errors
    /// On database errors.
    pub async fn with_people<C: ConnectionTrait>(
        db: &C,
        rows: Vec<Self>,
    ) -> ModelResult<Vec<Settlement>> {
        let ids: Vec<UserId> = rows
            .iter()
            .flat_map(|r| [r.from_user_id, r.to_user_id])
            .collect();
        let people: HashMap<UserId, users::Model> = users::Entity::find()
            .filter(users::Column::Id.is_in(ids))
            .all(db)
            .await?
            .into_iter()
            .map(|u| (u.id, u))
            .collect();
        Ok(rows
            .into_iter()
            .map(|row| Settlement {
                from: people.get(&row.from_user_id).cloned(),
                to: people.get(&row.to_user_id).cloned(),
                row,
            })
            .collect())
    }

    /// A settlement of this workspace by public id.
    ///
    /// # Errors
    /// `EntityNotFound` when there is none here.
    pub async fn find_in<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
        pid: &str,
    ) -> ModelResult<Self> {
        tenancy::find_by_pid::<Entity, _>(db, workspace_id, settlements::Column::Pid, pid).await
    }

    /// Removes a settlement recorded by mistake.
    ///
    /// # Errors
    /// On database errors.
    pub async fn remove(self, tenant: &Tenant<'_>) -> DomainResult<()> {
        tenant.ensure(SETTLEMENTS_DELETE).await?;
        let (db, actor) = (tenant.db, &tenant.actor);
        audit_events::Model::record(
            db,
            self.workspace_id,
            actor,
            Event {
                action: "settlement.deleted",
                summary: format!("deleted a settlement of {}", self.settled_on),
                before: Some(self.audit_json()),
                after: None,
            },
        )
        .await?;
        self.delete(db).await?;
        tenant.after_commit(Effect::Changed);
        Ok(())
    }
}
