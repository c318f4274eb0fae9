//! Importing expenses from a bank's or a spreadsheet's CSV file.
//!
//! 1. [`Model::upload`] checks the file (text, a header, rows) and keeps it.
//! 2. [`Model::preview`] shows its first rows with the column mapping and
//!    formats its values suggest; a bank statement's columns are known.
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
//! parameters), `run` (the job: every row through the expense door, one
//! run at a time, within the plan and the job's time), `control` (progress
//! and cancellation in memory).

mod control;
mod decode;
mod mapping;
mod ofx;
mod rows;
mod run;
mod sniff;

use crate::models::ids::WorkspaceId;

use chrono::Utc;
use loco_rs::prelude::*;
use sea_orm::{DatabaseBackend, QuerySelect};
use serde::{Deserialize, Serialize};

pub use self::{
    control::ImportControl,
    decode::Encoding,
    mapping::{ImportOptions, DATE_FORMATS},
    sniff::{Preview, Statement},
};
use self::{
    decode::decode,
    ofx::{is_ofx, ofx_to_csv},
    rows::Tally,
    sniff::{headers, reader},
};
pub use super::_entities::imports::{self, ActiveModel, Entity, Model};
use super::{
    _entities::users,
    effects::Effect,
    tenancy::{self, Tenant},
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
                // Unless its job claimed it meanwhile: then it is running,
                // and cancelled as a running one is.
                if self
                    .move_status(db, &[Status::Uploaded, Status::Queued], Status::Cancelled)
                    .await?
                {
                    let mut active = self.into_active_model();
                    active.finished_at = Set(Some(Utc::now().into()));
                    return Ok(active.update(db).await?);
                }
                // Gone meanwhile (its workspace purged): nothing to stop.
                match Entity::find_by_id(self.id).one(db).await? {
                    Some(current) if current.status() != self.status() => {
                        Box::pin(current.cancel(db, control)).await
                    }
                    Some(current) => Ok(current),
                    None => Ok(self),
                }
            }
            Status::Running => {
                control.cancel(self.id);
                if db.get_database_backend() == DatabaseBackend::Postgres {
                    // Seen by a job running in another process; not if the
                    // run finished meanwhile (its rows stay, and so does
                    // "done").
                    self.move_status(db, &[Status::Running], Status::Cancelled)
                        .await?;
                    return Ok(Entity::find_by_id(self.id).one(db).await?.unwrap_or(self));
                }
                Ok(self)
            }
            Status::Done | Status::Failed | Status::Cancelled => Ok(self),
        }
    }

    /// Moves the import to `to` if it is still in one of `from`, in one
    /// statement: a writer that read it before another moved it (a run
    /// claiming it, a cancel, a finished run) no longer writes over that
    /// move; false when it had moved. Two runs may both claim a running
    /// import; `still_running`'s lock lets one of them import it.
    ///
    /// # Errors
    /// On database errors.
    async fn move_status<C: ConnectionTrait>(
        &self,
        db: &C,
        from: &[Status],
        to: Status,
    ) -> Result<bool> {
        let moved = Entity::update_many()
            .col_expr(imports::Column::Status, Expr::value(to.as_str()))
            .filter(imports::Column::Id.eq(self.id))
            .filter(tenancy::in_workspace::<Entity>(self.workspace_id))
            .filter(imports::Column::Status.is_in(from.iter().map(|s| s.as_str())))
            .exec(db)
            .await?;
        Ok(moved.rows_affected == 1)
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
