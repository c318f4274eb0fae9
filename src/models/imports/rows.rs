//! A row of the file to the parameters of an expense: its cells read by the
//! mapping, its amount in the file's conventions, its category found or
//! made; and the tally of what the rows came to.

use chrono::NaiveDate;
use loco_rs::prelude::*;

use super::{mapping::Columns, ImportOptions, Problem};
use crate::models::{
    categories::{self, CategoryParams},
    expenses::{ExpenseParams, Lookup},
    tenancy::Tenant,
};

const PROBLEMS_KEPT: usize = 500;
const NEW_CATEGORY_COLOR: &str = "#868e96";

/// What an import's rows came to: read, imported, skipped as duplicates,
/// and left out (the first [`PROBLEMS_KEPT`] with their reasons).
#[derive(Debug, Default)]
pub(super) struct Tally {
    pub(super) processed: usize,
    pub(super) imported: usize,
    pub(super) duplicates: usize,
    pub(super) failed: usize,
    pub(super) problems: Vec<Problem>,
}

impl Tally {
    /// Leaves out the row on `line`, keeping the reason while there is room.
    pub(super) fn reject(&mut self, line: usize, reason: String) {
        self.failed += 1;
        if self.problems.len() < PROBLEMS_KEPT {
            self.problems.push(Problem { row: line, reason });
        }
    }
}

/// Whether an amount is written as negative: `-12.50`, `12.50-` or `(12.50)`.
pub(super) fn is_negative(text: &str) -> bool {
    text.contains('-') || (text.contains('(') && text.contains(')'))
}

/// An amount as the file writes it (its decimal mark, its sign for
/// expenses), written the way the expense door reads amounts (`1234.56`);
/// `None` for a row of the other sign (income, a refund). The door checks
/// the rest, as for an amount typed in the form.
fn amount_text(text: &str, decimal: &str, sign: &str) -> Option<String> {
    let is_expense = (sign == "negative") == is_negative(text);
    if !is_expense {
        return None;
    }
    let kept: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
        .collect();
    Some(if decimal == "comma" {
        kept.replace('.', "").replace(',', ".")
    } else {
        kept.replace(',', "")
    })
}

/// Reads one row into the parameters the expense door takes, making its
/// category when the workspace has none of that name. `Ok(Err(reason))`
/// when the row is left out.
///
/// # Errors
/// When making a category fails other than by a refusal (database errors).
pub(super) async fn expense_params(
    tenant: &Tenant<'_>,
    lookup: &mut Lookup,
    columns: &Columns,
    options: &ImportOptions,
    record: &csv::StringRecord,
) -> Result<std::result::Result<ExpenseParams, String>> {
    let Columns {
        date: date_at,
        amount: amount_at,
        description: description_at,
        payee: payee_at,
        category: category_at,
        tags: tags_at,
        notes: notes_at,
        pattern,
    } = *columns;
    let cell = |at: Option<usize>| at.and_then(|i| record.get(i)).unwrap_or_default();
    let Ok(date) = NaiveDate::parse_from_str(cell(date_at), pattern) else {
        return Ok(Err(format!(
            "date \"{}\" is not written as chosen",
            cell(date_at)
        )));
    };
    let Some(amount) = amount_text(cell(amount_at), &options.decimal, &options.sign) else {
        return Ok(Err(format!(
            "amount \"{}\" is income or a refund, not an expense",
            cell(amount_at)
        )));
    };
    let category_id = match cell(category_at).trim() {
        "" => String::new(),
        name => match lookup.category_named(name) {
            Some(category) => category.pid.to_string(),
            None => {
                let created = categories::Model::create(
                    tenant,
                    &CategoryParams {
                        name: Some(name.to_string()),
                        color: Some(NEW_CATEGORY_COLOR.to_string()),
                        parent_id: None,
                    },
                )
                .await;
                match created {
                    Ok(category) => {
                        let pid = category.pid.to_string();
                        lookup.categories.push(category);
                        pid
                    }
                    Err(err) => {
                        let why = err.refusal().ok_or(err)?;
                        return Ok(Err(format!("category \"{name}\" cannot be made: {why}")));
                    }
                }
            }
        },
    };
    let text = |at: Option<usize>| Some(cell(at).to_string()).filter(|t| !t.is_empty());
    Ok(Ok(ExpenseParams {
        amount: Some(amount),
        date: Some(date.to_string()),
        description: Some(cell(description_at).to_string()),
        payee: text(payee_at),
        notes: text(notes_at),
        category_id: Some(category_id),
        tags: Some(
            cell(tags_at)
                .split([';', ',', '|'])
                .map(str::to_string)
                .collect(),
        ),
        ..ExpenseParams::default()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::money;

    #[test]
    fn amounts_in_the_files_conventions() {
        let eur = money::currency("EUR").unwrap();
        let parse_amount = |text: &str, decimal: &str, sign: &str, currency| {
            amount_text(text, decimal, sign)
                .map(|amount| money::parse_amount(&amount, currency))
                .transpose()
        };
        assert_eq!(
            parse_amount("1,234.56", "point", "positive", eur),
            Ok(Some(123_456))
        );
        assert_eq!(
            parse_amount("1.234,56", "comma", "positive", eur),
            Ok(Some(123_456))
        );
        assert_eq!(
            parse_amount("€ 12,5", "comma", "positive", eur),
            Ok(Some(1250))
        );
        assert_eq!(
            parse_amount("-42.10", "point", "negative", eur),
            Ok(Some(4210))
        );
        assert_eq!(parse_amount("42.10", "point", "negative", eur), Ok(None));
        assert_eq!(parse_amount("(7.00)", "point", "positive", eur), Ok(None));
        assert!(parse_amount("12.345", "point", "positive", eur).is_err());
        assert!(parse_amount("abc", "point", "positive", eur).is_err());
    }
}
