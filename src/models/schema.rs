//! The OpenAPI schemas of request fields whose rule the type alone does not
//! say (a set of words, a date, a decimal amount, an id or nothing), used
//! with `#[schema(schema_with = ...)]` on the params structs. The sets of
//! words come from the enums the validation parses with, so they cannot
//! drift; lengths and numeric bounds are written on the fields beside the
//! validators' constants, and Schemathesis (`tests/requests/api_contract.rs`)
//! finds any that the server does not hold to.

use utoipa::openapi::{
    schema::{ArrayBuilder, ObjectBuilder, OneOfBuilder, SchemaFormat, SchemaType, Type},
    KnownFormat, Object, Ref, RefOr, Schema,
};

/// A string, or also `null` when the field may be left empty.
fn text(nullable: bool) -> ObjectBuilder {
    if nullable {
        ObjectBuilder::new().schema_type(SchemaType::from_iter([Type::String, Type::Null]))
    } else {
        ObjectBuilder::new().schema_type(Type::String)
    }
}

/// One of `values` (and `null` when `nullable`).
#[must_use]
pub fn one_of(values: &[&str], nullable: bool) -> Object {
    let mut listed: Vec<serde_json::Value> = values.iter().map(|v| (*v).into()).collect();
    if nullable {
        listed.push(serde_json::Value::Null);
    }
    text(nullable).enum_values(Some(listed)).build()
}

/// A calendar date, `YYYY-MM-DD`, between 1970 and 2100.
#[must_use]
pub fn date(nullable: bool) -> Object {
    text(nullable)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
        .description(Some("YYYY-MM-DD, between 1970 and 2100"))
        .build()
}

/// A public id (a UUID).
#[must_use]
pub fn public_id(nullable: bool) -> Object {
    text(nullable)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Uuid)))
        .build()
}

/// A public id, or empty (or `null`) for none.
#[must_use]
pub fn public_id_or_empty() -> Object {
    text(true)
        .pattern(Some(
            "^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})?$",
        ))
        .description(Some("A public id (UUID); empty or null for none"))
        .build()
}

/// A decimal above zero written with a point, such as `12.34`; how many
/// decimals the currency allows is checked by the server.
pub const DECIMAL: &str = r"^(?:[0-9]*[1-9][0-9]*(?:\.[0-9]+)?|[0-9]+\.[0-9]*[1-9][0-9]*)$";

/// Text with something besides spaces (the server trims, then refuses
/// what is left blank).
pub const NOT_BLANK: &str = r"\S";

/// A decimal amount (see [`DECIMAL`]).
#[must_use]
pub fn decimal(nullable: bool) -> Object {
    text(nullable).pattern(Some(DECIMAL)).build()
}

/// An ISO 4217 currency code such as `EUR` (any case).
#[must_use]
pub fn currency(nullable: bool) -> Object {
    text(nullable)
        .pattern(Some("^[A-Za-z]{3}$"))
        .description(Some("ISO 4217, such as EUR or USD"))
        .build()
}

// The schema of one kind of field, named for `schema_with` (which takes a
// function without arguments).
macro_rules! field_schemas {
    ($($(#[$doc:meta])* $name:ident => $body:expr;)*) => {
        $($(#[$doc])* #[must_use] pub fn $name() -> RefOr<Schema> { ($body).into() })*
    };
}

/// The sets of words the API takes, as named schemas (generated clients
/// make each one enum type): registered in the document's components by
/// `controllers::api::openapi`.
#[must_use]
pub fn named_enums() -> Vec<(&'static str, Object)> {
    vec![
        ("WorkspaceKind", one_of(&KINDS, false)),
        ("DefaultSplit", one_of(&DEFAULT_SPLITS, false)),
        ("SettleUp", one_of(&SETTLE_UPS, false)),
        ("Role", one_of(&words(Role::ALL, Role::as_str), false)),
        (
            "GrantableRole",
            one_of(&words(Role::GRANTABLE, Role::as_str), false),
        ),
        (
            "Frequency",
            one_of(&words(Frequency::ALL, Frequency::as_str), false),
        ),
        (
            "BudgetPeriod",
            one_of(&words(Period::ALL, Period::as_str), false),
        ),
        (
            "SplitMethod",
            one_of(
                &[words(Method::ALL, Method::as_str), vec!["none"]].concat(),
                false,
            ),
        ),
        (
            "BillingInterval",
            one_of(&words(Interval::ALL, Interval::as_str), false),
        ),
    ]
}

/// A reference to the named schema `name`, or `null` when `nullable`.
fn named(name: &str, nullable: bool) -> RefOr<Schema> {
    let reference = Ref::from_schema_name(name);
    if nullable {
        Schema::OneOf(
            OneOfBuilder::new()
                .item(reference)
                .item(ObjectBuilder::new().schema_type(Type::Null))
                .build(),
        )
        .into()
    } else {
        reference.into()
    }
}

/// The words of an enum's variants, as the API reads them.
fn words<T: Copy, const N: usize>(all: [T; N], word: fn(T) -> &'static str) -> Vec<&'static str> {
    all.into_iter().map(word).collect()
}

use super::{
    billing::Interval,
    budgets::Period,
    expense_shares::Method,
    expenses::Sort,
    memberships::Role,
    recurring_expenses::Frequency,
    workspaces::{DEFAULT_SPLITS, KINDS, SETTLE_UPS},
};

field_schemas! {
    date_required => date(false);
    date_optional => date(true);
    id => public_id(false);
    id_or_empty => public_id_or_empty();
    decimal_required => decimal(false);
    decimal_optional => decimal(true);
    currency_required => currency(false);
    currency_optional => currency(true);
    workspace_kind => named("WorkspaceKind", false);
    workspace_kind_optional => named("WorkspaceKind", true);
    default_split => named("DefaultSplit", false);
    default_split_optional => named("DefaultSplit", true);
    settle_up => named("SettleUp", false);
    settle_up_optional => named("SettleUp", true);
    role => named("Role", false);
    /// The roles an invitation or a role change may grant.
    grantable_role => named("GrantableRole", false);
    frequency => named("Frequency", false);
    frequency_optional => named("Frequency", true);
    period_optional => named("BudgetPeriod", true);
    /// A filter's order; empty for the default (`newest`).
    sort_or_empty => one_of(&[words(Sort::ALL, Sort::as_str), vec![""]].concat(), false);
    /// A filter's date; empty for no bound.
    date_or_empty => text(false)
        .pattern(Some(r"^([0-9]{4}-[0-9]{2}-[0-9]{2})?$"))
        .description(Some("YYYY-MM-DD; empty for no bound"))
        .build();
    /// A filter's amount; empty for no bound.
    decimal_or_empty => text(false)
        .pattern(Some(format!("^(?:{})?$", &DECIMAL[1..DECIMAL.len() - 1])))
        .description(Some("A decimal amount such as 12.34; empty for no bound"))
        .build();
    /// How an expense is shared; `none` stops sharing it.
    split_method => named("SplitMethod", false);
    billing_interval => named("BillingInterval", false);
    /// A budget's alert thresholds: percentages of its limit, ascending.
    thresholds_optional => ArrayBuilder::new()
        .schema_type(SchemaType::from_iter([Type::Array, Type::Null]))
        .items(
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .minimum(Some(1))
                .maximum(Some(1000)),
        )
        .min_items(Some(1))
        .max_items(Some(6))
        .unique_items(true)
        .description(Some("Percentages of the limit, 1 to 1000, ascending; at most 6"))
        .build();
}
