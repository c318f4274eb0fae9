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
//!
//! By concern: `decode` (bytes to text), `ofx` (bank statements to CSV),
//! `sniff` (separator, header, the preview's guesses), `mapping` (the
//! options chosen, and where each column is), `rows` (a row to an expense's
//! parameters), `control` (progress and cancellation in memory).

mod control;
mod decode;
mod mapping;
mod ofx;
mod rows;
mod sniff;

use crate::models::ids::WorkspaceId;
use std::collections::HashSet;

use chrono::{NaiveDate, Utc};
use loco_rs::prelude::*;
use sea_orm::{DatabaseBackend, DatabaseTransaction, QuerySelect, Statement};
use serde::{Deserialize, Serialize};
use serde_json::json;

pub use self::{
    control::ImportControl,
    decode::Encoding,
    mapping::{ImportOptions, DATE_FORMATS},
    sniff::Preview,
};
use self::{
    decode::decode,
    mapping::Columns,
    ofx::{is_ofx, ofx_to_csv},
    rows::Tally,
    sniff::{headers, reader},
};
pub use super::_entities::imports::{self, ActiveModel, Entity, Model};
use super::{
    _entities::{users, workspaces},
    audit_events::{self, Actor, Event},
    billing::Limits,
    effects::{self, Effect},
    errors::DomainError,
    expenses::{self, Draft, Lookup, Origin},
    tenancy::{self, Scope, Tenant},
    validation::FieldErrors,
};
use crate::{policies::IMPORTS_CREATE, workers::Job};

const MAX_ROWS: usize = 200_000;
const BATCH_ROWS: usize = 1000;
const FILENAME_MAX_CHARS: usize = 100;

impl ActiveModelBehavior for ActiveModel {}

impl TenantEntity for Entity {
    type TenantId = WorkspaceId;

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

/// A row left out, and why.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Problem {
    /// The line in the file (the header is line 1).
    pub row: usize,
    pub reason: String,
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
        workspace_id: WorkspaceId,
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
        options.check(&headers, &mut errors);
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
    pub async fn list<C: ConnectionTrait>(
        db: &C,
        workspace_id: WorkspaceId,
    ) -> ModelResult<Vec<Self>> {
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
        workspace_id: WorkspaceId,
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
        workspace_id: WorkspaceId,
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
        // Running: a run whose worker died part-way. Its rows were in one
        // transaction, which went with it, so running it again adds each
        // row once.
        if !matches!(import.status(), Status::Queued | Status::Running) {
            return Ok(());
        }
        let mut active = import.clone().into_active_model();
        active.status = Set(Status::Running.as_str().to_string());
        active.update(&txn).await?;
        txn.commit().await?;

        // Within the job's own time limit, so that an import too long to
        // finish is marked failed here rather than left "running" when the
        // job is stopped.
        let limit = crate::settings::Settings::get(ctx)?.jobs.time_limit_secs;
        let deadline = std::time::Duration::from_secs(limit.max(2) * 9 / 10);
        let outcome = tokio::time::timeout(deadline, import.import_rows(ctx, control, scope))
            .await
            .unwrap_or_else(|_| {
                Err(Error::Any(Box::new(Stopped {
                    line: 0,
                    reason: format!(
                        "The import took longer than {} s and was stopped; split the file and import the parts",
                        deadline.as_secs()
                    ),
                })))
            });
        control.finish(import_id);
        let txn = tenancy::begin(db, scope).await?;
        match outcome {
            Ok(()) => {}
            Err(err) => {
                tracing::error!(import_id, error = %err, "import failed");
                let mut active = import.into_active_model();
                if let Some(stopped) = Stopped::of(&err) {
                    active.problems = Set(Some(serde_json::to_string(&[stopped])?));
                }
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

    // Stays whole (about 90 lines): the tenant every row goes through
    // borrows this one transaction, which the steps around the rows share.
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
        // One run at a time: a run handed the job while another still works
        // on it (its worker was only thought dead) waits here for the
        // other's transaction, then finds the import no longer running.
        if !self.still_running(&txn).await? {
            return Ok(());
        }
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
        let columns = Columns::of(&headers(&self.content)?, &options);

        let mut lookup = Lookup::load(&txn, self.workspace_id).await?;
        let mut seen: HashSet<(NaiveDate, i64, String)> = HashSet::new();
        if options.skip_duplicates == "on" {
            seen.extend(expenses::Model::day_amount_descriptions(&txn, self.workspace_id).await?);
        }

        let mut tally = Tally::default();
        let mut batch: Vec<(Draft, Origin)> = Vec::new();
        let origin = Origin {
            import_id: Some(self.id),
            ..Origin::default()
        };
        for (index, record) in reader(&self.content).records().enumerate() {
            let line = index + 2;
            tally.processed += 1;
            let record = record.map_err(|err| Error::string(&format!("line {line}: {err}")))?;
            let params =
                match rows::expense_params(&tenant, &mut lookup, &columns, &options, &record)
                    .await?
                {
                    Ok(params) => params,
                    Err(reason) => {
                        tally.reject(line, reason);
                        continue;
                    }
                };
            let draft = match expenses::Model::draft(&tenant, &lookup, &params).await {
                Ok(draft) => draft,
                Err(err) => {
                    tally.reject(line, err.refusal().ok_or(err)?);
                    continue;
                }
            };
            if !seen.insert(draft.duplicate_key()) {
                tally.duplicates += 1;
                continue;
            }
            batch.push((draft, origin.clone()));
            tally.imported += 1;
            if batch.len() == BATCH_ROWS {
                within_allowance(&tenant, batch.len(), line).await?;
                expenses::Model::record_drafts(&tenant, std::mem::take(&mut batch)).await?;
                if self.progress(db, control, scope, tally.processed).await? {
                    return Err(Error::Message(CANCELLED.to_string()));
                }
            }
        }
        within_allowance(&tenant, batch.len(), tally.processed + 1).await?;
        expenses::Model::record_drafts(&tenant, batch).await?;
        if self.progress(db, control, scope, tally.processed).await? {
            return Err(Error::Message(CANCELLED.to_string()));
        }
        self.finish(&txn, &actor, tally).await?;
        tenant.spending_changed(&txn).await?;
        let done = tenant.take_effects();
        effects::commit(ctx, txn, &workspace, done).await
    }

    /// Whether this import is still marked running, read under a lock
    /// held until `txn` ends: one run at a time. On Postgres an advisory
    /// lock, not a lock on the import's row, which the run's progress
    /// updates from other transactions; SQLite's write transactions
    /// already run one at a time.
    async fn still_running(&self, txn: &DatabaseTransaction) -> Result<bool> {
        if txn.get_database_backend() == DatabaseBackend::Postgres {
            txn.execute_raw(Statement::from_sql_and_values(
                DatabaseBackend::Postgres,
                "SELECT pg_advisory_xact_lock(hashtextextended('smartexpense-import:' || $1::text, 0))",
                [self.id.into()],
            ))
            .await?;
        }
        Ok(Entity::find_by_id(self.id)
            .in_tenant(self.workspace_id)
            .one(txn)
            .await?
            .is_some_and(|current| current.status() == Status::Running))
    }

    /// Records a finished import: the audit event, its counts and problems.
    async fn finish<C: ConnectionTrait>(&self, txn: &C, actor: &Actor, tally: Tally) -> Result<()> {
        let Tally {
            processed,
            imported,
            duplicates,
            failed,
            problems,
        } = tally;
        audit_events::Model::record(
            txn,
            self.workspace_id,
            actor,
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
        active.update(txn).await?;
        Ok(())
    }
}

/// The error that carries a cancellation out of the import, rolling it back.
const CANCELLED: &str = "import cancelled";

/// Why an import stopped part-way, at which line (0: not at a line, e.g.
/// past its time): kept on the import as its one problem (nothing of it is
/// kept).
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {reason}")]
struct Stopped {
    line: usize,
    reason: String,
}

impl Stopped {
    fn of(err: &Error) -> Option<Problem> {
        match err {
            Error::Any(inner) => inner.downcast_ref::<Self>().map(|stopped| Problem {
                row: stopped.line,
                reason: stopped.reason.clone(),
            }),
            _ => None,
        }
    }
}

/// Checks the plan's allowance again for a batch about to be written, up
/// to `line`: `start` checked the whole file, but expenses added since, or
/// another import started at the same time, may have used it. The check
/// takes the workspace's lock, so imports and other additions wait for
/// this one to commit.
async fn within_allowance(tenant: &Tenant<'_>, rows: usize, line: usize) -> Result<()> {
    if rows == 0 {
        return Ok(());
    }
    let refused = tenant
        .limits
        .check_new_expenses(tenant.db, tenant.workspace.id, rows as u64)
        .await;
    match refused {
        Err(DomainError::PlanLimit { description, .. }) => Err(Error::Any(Box::new(Stopped {
            line,
            reason: description,
        }))),
        other => Ok(other?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filenames_lose_paths_and_control_characters() {
        assert_eq!(clean_filename("../../etc/passwd"), "passwd");
        assert_eq!(clean_filename("C:\\Users\\me\\bank.csv"), "bank.csv");
        assert_eq!(clean_filename("bank\u{0}\n.csv"), "bank.csv");
        assert_eq!(clean_filename("///"), "upload.csv");
    }
}
