//! Importing expenses from a bank's or a spreadsheet's CSV file.
//!
//! 1. [`Model::upload`] checks the file (text, a header, rows) and keeps it.
//! 2. [`Model::preview`] shows its first rows with a guessed column mapping.
//! 3. [`Model::start`] takes the mapping and formats chosen, and queues it.
//! 4. [`Model::run`] (a background job) imports every valid row in one
//!    transaction: rows with a problem are listed with their reason and
//!    left out, rows already recorded are skipped as duplicates, and a
//!    cancelled import rolls back whole, so nothing half-imported remains.
//!
//! Progress and cancellation also go through [`ImportControl`], in memory:
//! on SQLite the import's write transaction blocks every other writer, and
//! there the web server and the job share one process anyway.

use std::{
    collections::{HashMap, HashSet},
    sync::Mutex,
};

use chrono::{NaiveDate, Utc};
use loco_rs::prelude::*;
use sea_orm::{DatabaseBackend, QuerySelect};
use serde::{Deserialize, Serialize};
use serde_json::json;

pub use super::_entities::imports::{self, ActiveModel, Entity, Model};
use super::{
    _entities::{users, workspaces},
    audit_events::{self, Actor, Event},
    billing::Limits,
    categories::{self, CategoryParams},
    effects::{self, Effect},
    expenses::{self, Draft, ExpenseParams, Lookup, Origin},
    tenancy::{self, Scope, Tenant},
    validation::FieldErrors,
};
use crate::{policies::IMPORTS_CREATE, workers::Job};

/// The largest file accepted, checked while it streams in.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;
const MAX_ROWS: usize = 200_000;
const BATCH_ROWS: usize = 1000;
const PROBLEMS_KEPT: usize = 500;
const PREVIEW_ROWS: usize = 10;
const FILENAME_MAX_CHARS: usize = 100;
const NEW_CATEGORY_COLOR: &str = "#868e96";

impl ActiveModelBehavior for ActiveModel {}

impl TenantEntity for Entity {
    type TenantId = i64;

    fn tenant_column() -> imports::Column {
        imports::Column::WorkspaceId
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Uploaded,
    Queued,
    Running,
    Done,
    Failed,
    Cancelled,
}

impl Status {
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Uploaded => "uploaded",
            Self::Queued => "queued",
            Self::Running => "running",
            Self::Done => "done",
            Self::Failed => "failed",
            Self::Cancelled => "cancelled",
        }
    }
}

/// How the file's text is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// ISO-8859-1, as older bank exports are.
    Latin1,
}

impl Encoding {
    #[must_use]
    pub fn parse(text: &str) -> Self {
        if text.trim() == "latin1" {
            Self::Latin1
        } else {
            Self::Utf8
        }
    }
}

/// Date formats a file may use: `(key, strftime pattern, example)`.
pub const DATE_FORMATS: &[(&str, &str, &str)] = &[
    ("ymd", "%Y-%m-%d", "2026-11-21"),
    ("dmy", "%d/%m/%Y", "21/11/2026"),
    ("mdy", "%m/%d/%Y", "11/21/2026"),
    ("dmy_dots", "%d.%m.%Y", "21.11.2026"),
];

/// Which column is which, and how dates and numbers are written.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportOptions {
    pub date_column: String,
    pub amount_column: String,
    pub description_column: String,
    /// Optional columns: empty for none.
    pub payee_column: String,
    pub category_column: String,
    pub tags_column: String,
    pub notes_column: String,
    /// A key of [`DATE_FORMATS`].
    pub date_format: String,
    /// `point` (1,234.56) or `comma` (1.234,56).
    pub decimal: String,
    /// How the file writes an expense: `positive` amounts, or `negative`
    /// ones as bank statements do; rows of the other sign (income,
    /// refunds) are left out.
    pub sign: String,
    /// `on` to skip rows already recorded (same date, amount, description).
    pub skip_duplicates: String,
}

/// The first rows of a file, for choosing the mapping.
#[derive(Debug, Serialize)]
pub struct Preview {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub guess: ImportOptions,
}

/// A row left out, and why.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Problem {
    /// The line in the file (the header is line 1).
    pub row: usize,
    pub reason: String,
}

/// What the running imports have done so far, and which were cancelled, in
/// this process.
#[derive(Debug, Default)]
pub struct ImportControl {
    state: Mutex<HashMap<i64, (i32, bool)>>,
}

impl ImportControl {
    fn update<T>(&self, f: impl FnOnce(&mut HashMap<i64, (i32, bool)>) -> T) -> T {
        let mut state = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut state)
    }

    /// Rows processed so far by a running import of this process.
    #[must_use]
    pub fn processed(&self, import_id: i64) -> Option<i32> {
        self.update(|s| s.get(&import_id).map(|p| p.0))
    }

    pub fn cancel(&self, import_id: i64) {
        self.update(|s| s.entry(import_id).or_default().1 = true);
    }

    fn report(&self, import_id: i64, processed: i32) -> bool {
        self.update(|s| {
            let entry = s.entry(import_id).or_default();
            entry.0 = processed;
            entry.1
        })
    }

    fn finish(&self, import_id: i64) {
        self.update(|s| s.remove(&import_id));
    }
}

fn decode(bytes: &[u8], encoding: Encoding) -> Result<String> {
    let fail = |message: &str| Err(FieldErrors::one("file", message).into());
    if bytes.is_empty() {
        return fail("is empty");
    }
    if bytes.contains(&0) {
        return fail("is not a text (CSV) file");
    }
    match encoding {
        Encoding::Latin1 => Ok(bytes.iter().map(|b| char::from(*b)).collect()),
        Encoding::Utf8 => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            match std::str::from_utf8(bytes) {
                Ok(text) => Ok(text.to_string()),
                Err(_) => fail(
                    "is not UTF-8 text: choose the Western (ISO-8859-1) encoding, or save it as \"CSV UTF-8\"",
                ),
            }
        }
    }
}

/// The columns an OFX/QFX statement is turned into.
const OFX_HEADER: &str = "date,amount,description,payee,memo,fitid";

/// Whether the text is an OFX or QFX bank statement (SGML or XML).
fn is_ofx(text: &str) -> bool {
    let start: String = text
        .chars()
        .take(2000)
        .collect::<String>()
        .to_ascii_uppercase();
    start.contains("OFXHEADER") || start.contains("<OFX>")
}

/// The value of `<TAG>` in an OFX transaction block (SGML leaves the
/// closing tags out; XML has them).
fn ofx_value(block: &str, tag: &str) -> String {
    let open = format!("<{tag}>");
    let upper = block.to_ascii_uppercase();
    let Some(start) = upper.find(&open).map(|i| i + open.len()) else {
        return String::new();
    };
    let rest = &block[start..];
    let end = rest.find('<').unwrap_or(rest.len());
    let value = rest[..end].trim();
    // Entities that statements use.
    value
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// An OFX/QFX statement as CSV text with [`OFX_HEADER`]'s columns: one row
/// per `<STMTTRN>`, dates as YYYY-MM-DD, amounts signed as the bank wrote
/// them (debits negative).
///
/// # Errors
/// 422 on `file` when it holds no transactions.
fn ofx_to_csv(text: &str) -> Result<String> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let write = |out: &mut csv::Writer<Vec<u8>>, row: &[&str]| {
        out.write_record(row)
            .map_err(|err| Error::string(&format!("OFX conversion: {err}")))
    };
    write(&mut out, &OFX_HEADER.split(',').collect::<Vec<_>>())?;
    let upper = text.to_ascii_uppercase();
    let mut rows = 0;
    let mut from = 0;
    while let Some(found) = upper[from..].find("<STMTTRN>") {
        let start = from + found;
        let end = upper[start..]
            .find("</STMTTRN>")
            .or_else(|| upper[start + 9..].find("<STMTTRN>").map(|i| i + 9))
            .map_or(text.len(), |i| start + i);
        let block = &text[start..end];
        let posted = ofx_value(block, "DTPOSTED");
        let date = match (posted.get(0..4), posted.get(4..6), posted.get(6..8)) {
            (Some(y), Some(m), Some(d)) => format!("{y}-{m}-{d}"),
            _ => posted.clone(),
        };
        let name = ofx_value(block, "NAME");
        let memo = ofx_value(block, "MEMO");
        let description = if name.is_empty() {
            memo.clone()
        } else {
            name.clone()
        };
        write(
            &mut out,
            &[
                &date,
                &ofx_value(block, "TRNAMT"),
                &description,
                &name,
                &memo,
                &ofx_value(block, "FITID"),
            ],
        )?;
        rows += 1;
        from = end.max(start + 9);
    }
    if rows == 0 {
        return Err(FieldErrors::one("file", "is an OFX statement without transactions").into());
    }
    let bytes = out
        .into_inner()
        .map_err(|err| Error::string(&format!("OFX conversion: {err}")))?;
    String::from_utf8(bytes).map_err(|err| Error::string(&format!("OFX conversion: {err}")))
}

/// The separator the header line uses most: comma, semicolon or tab.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| header.bytes().filter(|b| b == d).count())
        .unwrap_or(b',')
}

fn reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes())
}

fn headers(text: &str) -> Result<Vec<String>> {
    let headers: Vec<String> = reader(text)
        .headers()
        .map_err(|err| {
            Error::from(FieldErrors::one(
                "file",
                format!("cannot be read as CSV: {err}"),
            ))
        })?
        .iter()
        .map(str::to_string)
        .collect();
    if headers.iter().all(String::is_empty) {
        return Err(FieldErrors::one("file", "has no header row naming its columns").into());
    }
    Ok(headers)
}

/// A name safe to show: its last path part, no control characters.
fn clean_filename(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = last
        .chars()
        .filter(|c| !c.is_control())
        .take(FILENAME_MAX_CHARS)
        .collect();
    if clean.trim().is_empty() {
        "upload.csv".to_string()
    } else {
        clean.trim().to_string()
    }
}

/// The column whose header is one of `names` (any case), or none.
fn guess_column(headers: &[String], names: &[&str]) -> String {
    headers
        .iter()
        .find(|h| names.contains(&h.to_lowercase().as_str()))
        .cloned()
        .unwrap_or_default()
}

/// An amount as the file writes it (its decimal mark, its sign for
/// expenses), written the way the expense door reads amounts (`1234.56`);
/// `None` for a row of the other sign (income, a refund). The door checks
/// the rest, as for an amount typed in the form.
fn amount_text(text: &str, decimal: &str, sign: &str) -> Option<String> {
    let negative = text.contains('-') || (text.contains('(') && text.contains(')'));
    let is_expense = if sign == "negative" {
        negative
    } else {
        !negative
    };
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

impl Model {
    #[must_use]
    pub fn status(&self) -> Status {
        [
            Status::Uploaded,
            Status::Queued,
            Status::Running,
            Status::Done,
            Status::Failed,
            Status::Cancelled,
        ]
        .into_iter()
        .find(|s| s.as_str() == self.status)
        .unwrap_or(Status::Failed)
    }

    /// The rows left out, with their reasons.
    #[must_use]
    pub fn problems(&self) -> Vec<Problem> {
        self.problems
            .as_deref()
            .and_then(|p| serde_json::from_str(p).ok())
            .unwrap_or_default()
    }

    /// Keeps an uploaded file for import once it is checked to be CSV text
    /// with a header and at least one row.
    ///
    /// # Errors
    /// 422 on `file` saying what is wrong with it; nothing is kept then.
    pub async fn upload<C: ConnectionTrait>(
        db: &C,
        workspace_id: i64,
        author: &users::Model,
        filename: &str,
        bytes: &[u8],
        encoding: Encoding,
    ) -> Result<Self> {
        let text = decode(bytes, encoding)?;
        // A bank statement becomes the same kind of table as a CSV file.
        let text = if is_ofx(&text) {
            ofx_to_csv(&text)?
        } else {
            text
        };
        headers(&text)?;
        let mut rows = 0usize;
        for (index, record) in reader(&text).records().enumerate() {
            if let Err(err) = record {
                return Err(FieldErrors::one(
                    "file",
                    format!("cannot be read as CSV at line {}: {err}", index + 2),
                )
                .into());
            }
            rows += 1;
            if rows > MAX_ROWS {
                return Err(FieldErrors::one(
                    "file",
                    format!("has more than {MAX_ROWS} rows; split it into smaller files"),
                )
                .into());
            }
        }
        if rows == 0 {
            return Err(FieldErrors::one("file", "has a header but no rows").into());
        }
        Ok(ActiveModel {
            pid: Set(Uuid::new_v4()),
            workspace_id: Set(workspace_id),
            filename: Set(clean_filename(filename)),
            content: Set(text),
            status: Set(Status::Uploaded.as_str().to_string()),
            total_rows: Set(i32::try_from(rows).unwrap_or(i32::MAX)),
            processed_rows: Set(0),
            imported_rows: Set(0),
            duplicate_rows: Set(0),
            failed_rows: Set(0),
            created_by_id: Set(Some(author.id)),
            ..Default::default()
        }
        .insert(db)
        .await?)
    }

    /// The header, the first rows, and the mapping and formats they suggest.
    ///
    /// # Errors
    /// When the kept file cannot be read (it was checked on upload).
    pub fn preview(&self) -> Result<Preview> {
        let headers = headers(&self.content)?;
        let rows: Vec<Vec<String>> = reader(&self.content)
            .records()
            .take(PREVIEW_ROWS)
            .filter_map(std::result::Result::ok)
            .map(|r| r.iter().map(str::to_string).collect())
            .collect();
        let date_column = guess_column(
            &headers,
            &[
                "date",
                "booking date",
                "transaction date",
                "value date",
                "datum",
                "buchungstag",
            ],
        );
        let amount_column = guess_column(&headers, &["amount", "value", "sum", "betrag", "debit"]);
        let first_value = |column: &str| {
            let index = headers.iter().position(|h| h == column)?;
            rows.first()?.get(index).cloned()
        };
        let date_format = first_value(&date_column)
            .and_then(|value| {
                DATE_FORMATS
                    .iter()
                    .find(|(_, pattern, _)| NaiveDate::parse_from_str(&value, pattern).is_ok())
            })
            .map_or("ymd", |f| f.0)
            .to_string();
        let decimal = match first_value(&amount_column) {
            Some(v)
                if v.rsplit_once(',').is_some_and(|(_, tail)| tail.len() <= 2)
                    && !v.contains('.') =>
            {
                "comma"
            }
            Some(v) if v.find('.') < v.find(',') && v.contains(',') => "comma",
            _ => "point",
        };
        let guess = ImportOptions {
            description_column: guess_column(
                &headers,
                &[
                    "description",
                    "memo",
                    "details",
                    "text",
                    "narrative",
                    "verwendungszweck",
                    "reference",
                ],
            ),
            payee_column: guess_column(
                &headers,
                &[
                    "payee",
                    "merchant",
                    "name",
                    "counterparty",
                    "beneficiary",
                    "empfänger",
                ],
            ),
            category_column: guess_column(&headers, &["category", "kategorie"]),
            tags_column: guess_column(&headers, &["tags", "labels"]),
            notes_column: guess_column(&headers, &["notes", "note", "comment", "memo"]),
            date_column,
            amount_column,
            date_format,
            decimal: decimal.to_string(),
            // Statements write what left the account as negative amounts.
            sign: if headers.join(",") == OFX_HEADER {
                "negative"
            } else {
                "positive"
            }
            .to_string(),
            skip_duplicates: "on".to_string(),
        };
        Ok(Preview {
            headers,
            rows,
            guess,
        })
    }

    /// Takes the mapping and formats and queues the import, if the plan
    /// allows that many more expenses this month.
    ///
    /// # Errors
    /// 422 naming each option that does not fit the file, or when the
    /// import has already started; 402 past the plan's allowance.
    pub async fn start(self, tenant: &Tenant<'_>, options: &ImportOptions) -> Result<Self> {
        tenant.ensure(IMPORTS_CREATE).await?;
        tenant
            .limits
            .check_new_expenses(
                tenant.db,
                tenant.workspace.id,
                u64::try_from(self.total_rows).unwrap_or_default(),
            )
            .await?;
        let mut errors = FieldErrors::new();
        if self.status() != Status::Uploaded {
            errors.add("status", "this import has already started");
        }
        let headers = headers(&self.content)?;
        for (field, column, required) in [
            ("date_column", &options.date_column, true),
            ("amount_column", &options.amount_column, true),
            ("description_column", &options.description_column, true),
            ("payee_column", &options.payee_column, false),
            ("category_column", &options.category_column, false),
            ("tags_column", &options.tags_column, false),
            ("notes_column", &options.notes_column, false),
        ] {
            if column.is_empty() {
                if required {
                    errors.add(field, "must name a column of the file");
                }
            } else if !headers.contains(column) {
                errors.add(field, format!("\"{column}\" is not a column of the file"));
            }
        }
        if !DATE_FORMATS.iter().any(|f| f.0 == options.date_format) {
            errors.add("date_format", "must be one of the offered formats");
        }
        if !matches!(options.decimal.as_str(), "point" | "comma") {
            errors.add("decimal", "must be point or comma");
        }
        if !matches!(options.sign.as_str(), "positive" | "negative") {
            errors.add("sign", "must be positive or negative");
        }
        errors.into_result()?;
        let mut active = self.into_active_model();
        active.options = Set(Some(serde_json::to_string(options)?));
        active.status = Set(Status::Queued.as_str().to_string());
        let queued = active.update(tenant.db).await?;
        tenant.after_commit(Effect::Job(Job::ImportExpenses {
            workspace_id: queued.workspace_id,
            import_id: queued.id,
        }));
        Ok(queued)
    }

    /// Stops an import: one not yet running ends at once; a running one
    /// rolls back whole at its next batch.
    ///
    /// # Errors
    /// On database errors.
    pub async fn cancel<C: ConnectionTrait>(self, db: &C, control: &ImportControl) -> Result<Self> {
        match self.status() {
            Status::Uploaded | Status::Queued => {
                let mut active = self.into_active_model();
                active.status = Set(Status::Cancelled.as_str().to_string());
                active.finished_at = Set(Some(Utc::now().into()));
                Ok(active.update(db).await?)
            }
            Status::Running => {
                control.cancel(self.id);
                if db.get_database_backend() == DatabaseBackend::Postgres {
                    // Seen by a job running in another process.
                    let mut active = self.into_active_model();
                    active.status = Set(Status::Cancelled.as_str().to_string());
                    return Ok(active.update(db).await?);
                }
                Ok(self)
            }
            Status::Done | Status::Failed | Status::Cancelled => Ok(self),
        }
    }

    /// A workspace's imports, newest first, without their files.
    ///
    /// # Errors
    /// On database errors.
    pub async fn list<C: ConnectionTrait>(db: &C, workspace_id: i64) -> ModelResult<Vec<Self>> {
        Ok(Entity::find()
            .in_tenant(workspace_id)
            .order_by_desc(imports::Column::Id)
            .limit(50)
            .all(db)
            .await?
            .into_iter()
            .map(|mut i| {
                i.content = String::new();
                i
            })
            .collect())
    }

    /// An import of this workspace by public id.
    ///
    /// # Errors
    /// `EntityNotFound` when there is none here.
    pub async fn find_in<C: ConnectionTrait>(
        db: &C,
        workspace_id: i64,
        pid: &str,
    ) -> ModelResult<Self> {
        tenancy::find_by_pid::<Entity, _>(db, workspace_id, imports::Column::Pid, pid).await
    }

    /// Runs a queued import (the background job). Every outcome, including
    /// a failure, is written on the import.
    ///
    /// # Errors
    /// On database errors reading or marking the import.
    pub async fn run(
        ctx: &AppContext,
        control: &ImportControl,
        workspace_id: i64,
        import_id: i64,
    ) -> Result<()> {
        let db = &ctx.db;
        let scope = Scope {
            workspace_id: Some(workspace_id),
            ..Scope::default()
        };
        let txn = tenancy::begin(db, scope).await?;
        let Some(import) = Entity::find_by_id(import_id)
            .in_tenant(workspace_id)
            .one(&txn)
            .await?
        else {
            return Ok(());
        };
        if import.status() != Status::Queued {
            return Ok(());
        }
        let mut active = import.clone().into_active_model();
        active.status = Set(Status::Running.as_str().to_string());
        active.update(&txn).await?;
        txn.commit().await?;

        let outcome = import.import_rows(ctx, control, scope).await;
        control.finish(import_id);
        let txn = tenancy::begin(db, scope).await?;
        match outcome {
            Ok(()) => {}
            Err(err) => {
                tracing::error!(import_id, error = %err, "import failed");
                let mut active = import.into_active_model();
                let cancelled = matches!(&err, Error::Message(m) if m == CANCELLED);
                active.status = Set(if cancelled {
                    Status::Cancelled
                } else {
                    Status::Failed
                }
                .as_str()
                .to_string());
                active.finished_at = Set(Some(Utc::now().into()));
                active.update(&txn).await?;
            }
        }
        txn.commit().await?;
        Ok(())
    }

    /// Reports progress; true when the import was cancelled meanwhile.
    async fn progress(
        &self,
        db: &DatabaseConnection,
        control: &ImportControl,
        scope: Scope<'_>,
        processed: usize,
    ) -> Result<bool> {
        let processed = i32::try_from(processed).unwrap_or(i32::MAX);
        let mut cancelled = control.report(self.id, processed);
        if db.get_database_backend() == DatabaseBackend::Postgres {
            let txn = tenancy::begin(db, scope).await?;
            if let Some(current) = Entity::find_by_id(self.id).one(&txn).await? {
                cancelled |= current.status() == Status::Cancelled;
                let mut active = current.into_active_model();
                active.processed_rows = Set(processed);
                active.update(&txn).await?;
            }
            txn.commit().await?;
        }
        Ok(cancelled)
    }

    async fn import_rows(
        &self,
        ctx: &AppContext,
        control: &ImportControl,
        scope: Scope<'_>,
    ) -> Result<()> {
        let db = &ctx.db;
        let options: ImportOptions = self
            .options
            .as_deref()
            .map(serde_json::from_str)
            .transpose()?
            .unwrap_or_default();
        let txn = tenancy::begin(db, scope).await?;
        let workspace = workspaces::Entity::find_by_id(self.workspace_id)
            .one(&txn)
            .await?
            .ok_or(Error::NotFound)?;
        let author = match self.created_by_id {
            Some(id) => users::Entity::find_by_id(id).one(&txn).await?,
            None => None,
        };
        let actor = author
            .as_ref()
            .map_or_else(|| Actor::system("An import"), |a| Actor::user(a, None));
        // Each row goes through the door a member's expense goes through,
        // on behalf of the member who started the import.
        let tenant = Tenant::job(
            &txn,
            &workspace,
            author.as_ref(),
            actor.clone(),
            Limits::of(ctx, &txn, &workspace).await?,
        );
        let pattern = DATE_FORMATS
            .iter()
            .find(|f| f.0 == options.date_format)
            .map_or("%Y-%m-%d", |f| f.1);
        let headers = headers(&self.content)?;
        let column = |name: &str| headers.iter().position(|h| !name.is_empty() && h == name);
        let (date_at, amount_at, description_at) = (
            column(&options.date_column),
            column(&options.amount_column),
            column(&options.description_column),
        );
        let (payee_at, category_at, tags_at, notes_at) = (
            column(&options.payee_column),
            column(&options.category_column),
            column(&options.tags_column),
            column(&options.notes_column),
        );

        let mut lookup = Lookup::load(&txn, self.workspace_id).await?;
        let mut seen: HashSet<(NaiveDate, i64, String)> = HashSet::new();
        if options.skip_duplicates == "on" {
            seen.extend(expenses::Model::day_amount_descriptions(&txn, self.workspace_id).await?);
        }

        let mut problems: Vec<Problem> = Vec::new();
        let (mut imported, mut duplicates, mut failed) = (0usize, 0usize, 0usize);
        let mut batch: Vec<(Draft, Origin)> = Vec::new();
        let origin = Origin {
            import_id: Some(self.id),
            ..Origin::default()
        };
        let mut processed = 0usize;
        for (index, record) in reader(&self.content).records().enumerate() {
            let line = index + 2;
            processed += 1;
            let record = record.map_err(|err| Error::string(&format!("line {line}: {err}")))?;
            let cell = |at: Option<usize>| at.and_then(|i| record.get(i)).unwrap_or_default();
            let mut reject = |reason: String| {
                failed += 1;
                if problems.len() < PROBLEMS_KEPT {
                    problems.push(Problem { row: line, reason });
                }
            };
            let Ok(date) = NaiveDate::parse_from_str(cell(date_at), pattern) else {
                reject(format!(
                    "date \"{}\" is not written as chosen",
                    cell(date_at)
                ));
                continue;
            };
            let Some(amount) = amount_text(cell(amount_at), &options.decimal, &options.sign) else {
                reject(format!(
                    "amount \"{}\" is income or a refund, not an expense",
                    cell(amount_at)
                ));
                continue;
            };
            let category_id = match cell(category_at).trim() {
                "" => String::new(),
                name => match lookup.category_named(name) {
                    Some(category) => category.pid.to_string(),
                    None => {
                        let created = categories::Model::create(
                            &tenant,
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
                                reject(format!("category \"{name}\" cannot be made: {why}"));
                                continue;
                            }
                        }
                    }
                },
            };
            let text = |at: Option<usize>| Some(cell(at).to_string()).filter(|t| !t.is_empty());
            let params = ExpenseParams {
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
            };
            let draft = match expenses::Model::draft(&tenant, &lookup, &params).await {
                Ok(draft) => draft,
                Err(err) => {
                    reject(err.refusal().ok_or(err)?);
                    continue;
                }
            };
            if !seen.insert(draft.duplicate_key()) {
                duplicates += 1;
                continue;
            }
            batch.push((draft, origin.clone()));
            imported += 1;
            if batch.len() == BATCH_ROWS {
                expenses::Model::record_drafts(&tenant, std::mem::take(&mut batch)).await?;
                if self.progress(db, control, scope, processed).await? {
                    return Err(Error::Message(CANCELLED.to_string()));
                }
            }
        }
        expenses::Model::record_drafts(&tenant, batch).await?;
        if self.progress(db, control, scope, processed).await? {
            return Err(Error::Message(CANCELLED.to_string()));
        }
        audit_events::Model::record(
            &txn,
            self.workspace_id,
            &actor,
            Event {
                action: "expenses.imported",
                summary: format!(
                    "imported {imported} expense(s) from \"{}\" ({duplicates} duplicate(s) skipped, {failed} row(s) with problems)",
                    self.filename
                ),
                before: None,
                after: Some(json!({ "import": self.pid, "imported": imported })),
            },
        )
        .await?;
        let count = |n: usize| i32::try_from(n).unwrap_or(i32::MAX);
        let mut active = self.clone().into_active_model();
        active.status = Set(Status::Done.as_str().to_string());
        active.processed_rows = Set(count(processed));
        active.imported_rows = Set(count(imported));
        active.duplicate_rows = Set(count(duplicates));
        active.failed_rows = Set(count(failed));
        active.problems = Set(Some(serde_json::to_string(&problems)?));
        active.finished_at = Set(Some(Utc::now().into()));
        active.update(&txn).await?;
        tenant.spending_changed(&txn).await?;
        let done = tenant.take_effects();
        effects::commit(ctx, txn, &workspace, done).await
    }
}

/// The error that carries a cancellation out of the import, rolling it back.
const CANCELLED: &str = "import cancelled";

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

    #[test]
    fn an_ofx_statement_becomes_rows() {
        let sgml = "OFXHEADER:100\nDATA:OFXSGML\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><BANKTRANLIST>\n\
            <STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261101120000[0:GMT]<TRNAMT>-12.50<FITID>1<NAME>Bakery &amp; Co<MEMO>Card 1234\n\
            <STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261102<TRNAMT>2500.00<FITID>2<NAME>Salary\n\
            </BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>";
        assert!(is_ofx(sgml));
        let csv = ofx_to_csv(sgml).unwrap();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], OFX_HEADER);
        assert_eq!(
            lines[1],
            "2026-11-01,-12.50,Bakery & Co,Bakery & Co,Card 1234,1"
        );
        assert_eq!(lines[2], "2026-11-02,2500.00,Salary,Salary,,2");
        let xml = "<?xml version=\"1.0\"?><?OFX OFXHEADER=\"200\"?><OFX><STMTTRN><DTPOSTED>20261103</DTPOSTED><TRNAMT>-3.20</TRNAMT><NAME>Coffee</NAME></STMTTRN></OFX>";
        assert_eq!(
            ofx_to_csv(xml).unwrap().lines().nth(1),
            Some("2026-11-03,-3.20,Coffee,Coffee,,")
        );
        assert!(ofx_to_csv("<OFX></OFX>").is_err());
    }

    #[test]
    fn filenames_lose_paths_and_control_characters() {
        assert_eq!(clean_filename("../../etc/passwd"), "passwd");
        assert_eq!(clean_filename("C:\\Users\\me\\bank.csv"), "bank.csv");
        assert_eq!(clean_filename("bank\u{0}\n.csv"), "bank.csv");
        assert_eq!(clean_filename("///"), "upload.csv");
    }

    #[test]
    fn files_are_checked_before_they_are_kept() {
        assert!(decode(b"", Encoding::Utf8).is_err());
        assert!(decode(b"MZ\x90\x00\x03", Encoding::Utf8).is_err());
        assert!(decode(b"date;amount\n\xe9t\xe9;1", Encoding::Utf8).is_err());
        assert_eq!(
            decode(b"\xe9t\xe9", Encoding::Latin1).unwrap(),
            "\u{e9}t\u{e9}"
        );
        assert_eq!(decode(b"\xEF\xBB\xBFdate", Encoding::Utf8).unwrap(), "date");
        assert_eq!(delimiter("date;amount;text\n"), b';');
        assert_eq!(delimiter("date\tamount\n"), b'\t');
    }
}
