//! The reports page (`/w/{workspace_id}/reports`): expenses of any range
//! grouped by category, month, week, payee or payer, as a table and a bar
//! chart, and the same table as CSV (`/w/{workspace_id}/reports.csv`): for
//! spreadsheet programs in the reader's language (`?format=spreadsheet`: its
//! separator and decimal mark, headers in its words, a UTF-8 BOM) or plain
//! (`?format=plain`: comma, decimal point, English headers, no BOM). Without
//! `format`, a reader whose language writes the comma as its decimal mark
//! gets the spreadsheet's, anyone else the plain one.

use axum::http::{header, StatusCode};
use chrono::NaiveDate;
use loco_rs::prelude::*;
use serde::Deserialize;

use super::{render, workspaces::frame};
use crate::{
    controllers::support::{
        access::{requires, Member},
        web_session::Visitor,
    },
    models::{
        budgets::Period,
        dashboard::{self, Grouping, ReportRow},
        money,
        validation::FieldErrors,
    },
    policies::EXPENSES_READ,
    views::{
        csv::CsvFlavour,
        expenses::spreadsheet_safe,
        page::InWorkspace,
        reports::{ReportLine, ReportQueryEcho, ReportsPage},
        urls,
    },
};

/// At most this many days in one report.
const MAX_DAYS: i64 = 3660;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReportQuery {
    pub from: Option<String>,
    pub to: Option<String>,
    pub group: Option<String>,
    /// The CSV's flavour: `spreadsheet` or `plain`.
    pub format: Option<String>,
}

/// The range and grouping asked for; this month by category when left out.
fn checked(member: &Member, query: &ReportQuery) -> Result<(NaiveDate, NaiveDate, Grouping)> {
    let today = member.workspace.today();
    let mut errors = FieldErrors::new();
    let mut date = |field: &str, value: Option<&str>, default: NaiveDate| match value
        .map(str::trim)
        .filter(|v| !v.is_empty())
    {
        Some(text) => errors.date(field, text).unwrap_or(default),
        None => default,
    };
    let from = date("from", query.from.as_deref(), Period::Month.start_of(today));
    let to = date("to", query.to.as_deref(), today);
    let grouping = match query
        .group
        .as_deref()
        .map(str::trim)
        .filter(|g| !g.is_empty())
    {
        None => Grouping::Category,
        Some(text) => Grouping::parse(text).unwrap_or_else(|| {
            errors.add(
                "group",
                "must be one of category, month, week, payee, payer",
            );
            Grouping::Category
        }),
    };
    if to < from {
        errors.add("to", "must not be before the start");
    } else if (to - from).num_days() > MAX_DAYS {
        errors.add("to", "must be within ten years of the start");
    }
    errors.into_result()?;
    Ok((from, to, grouping))
}

use money::format_in as format;

#[debug_handler]
async fn index(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
    Query(query): Query<ReportQuery>,
) -> Result<Response> {
    let groupings = Grouping::ALL.map(Grouping::as_str);
    let (from, to, grouping) = match checked(&member, &query) {
        Ok(checked) => checked,
        Err(err) => {
            let errors = FieldErrors::from_error(&err).ok_or(err)?;
            let context = InWorkspace {
                frame: frame(&ctx, &member).await?,
                page: ReportsPage {
                    query: ReportQueryEcho {
                        from: query.from,
                        to: query.to,
                        group: query.group,
                    },
                    groupings,
                    rows: Vec::new(),
                    total: None,
                    csv: None,
                    errors: Some(errors),
                },
            };
            return render(
                &v,
                &visitor,
                StatusCode::UNPROCESSABLE_ENTITY,
                "reports/index.html",
                &context,
            );
        }
    };
    let rows = dashboard::report(&member.db, member.workspace.id, from, to, grouping).await?;
    let currency = &member.workspace.currency;
    let total: i64 = rows.iter().map(|r| r.total_minor).sum();
    let biggest = rows.iter().map(|r| r.total_minor).max().unwrap_or(0).max(1);
    let shown = rows
        .iter()
        .map(|r| ReportLine {
            label: r.label.clone(),
            count: r.count,
            amount: format(r.total_minor, currency),
            width: i128::from(r.total_minor.max(0)) * 100 / i128::from(biggest),
        })
        .collect();
    let context = InWorkspace {
        frame: frame(&ctx, &member).await?,
        page: ReportsPage {
            query: ReportQueryEcho {
                from: Some(from.to_string()),
                to: Some(to.to_string()),
                group: Some(grouping.as_str().to_string()),
            },
            groupings,
            rows: shown,
            total: Some(format(total, currency)),
            csv: Some(urls::report_csv(
                member.workspace.pid,
                from,
                to,
                grouping.as_str(),
            )),
            errors: None,
        },
    };
    render(&v, &visitor, StatusCode::OK, "reports/index.html", &context)
}

fn to_csv(rows: &[ReportRow], currency: &str, flavour: CsvFlavour) -> Result<Vec<u8>, csv::Error> {
    let mut out = flavour.writer();
    out.write_record(flavour.header(
        ["group", "expenses", "total", "currency"],
        [
            "report-csv-group",
            "report-csv-expenses",
            "report-csv-total",
            "report-csv-currency",
        ],
    ))?;
    for row in rows {
        out.write_record([
            spreadsheet_safe(&row.label),
            row.count.to_string(),
            flavour.amount(&format(row.total_minor, currency)),
            currency.to_string(),
        ])?;
    }
    out.into_inner().map_err(|e| e.into_error().into())
}

#[debug_handler]
async fn export_csv(
    State(_ctx): State<AppContext>,
    visitor: Visitor,
    member: Member,
    Query(query): Query<ReportQuery>,
) -> Result<Response> {
    let (from, to, grouping) = checked(&member, &query)?;
    let flavour = CsvFlavour::asked(query.format.as_deref(), visitor.lang)?;
    let rows = dashboard::report(&member.db, member.workspace.id, from, to, grouping).await?;
    let body = to_csv(&rows, &member.workspace.currency, flavour)
        .map_err(|err| Error::string(&format!("CSV report: {err}")))?;
    let file = format!(
        "attachment; filename=\"report-{}-{from}-{to}.csv\"",
        grouping.as_str()
    );
    format::render()
        .header(header::CONTENT_TYPE, "text/csv; charset=utf-8")
        .header(header::CONTENT_DISPOSITION, file.as_str())
        .response()
        .body(axum::body::Body::from(body))
        .map_err(|err| Error::string(&err.to_string()))
}

pub fn routes() -> Routes {
    Routes::new()
        .add(
            "/w/{workspace_id}/reports",
            requires(EXPENSES_READ, get(index)),
        )
        .add(
            "/w/{workspace_id}/reports.csv",
            requires(EXPENSES_READ, get(export_csv)),
        )
}
