//! Running a queued import: the background job. Every row goes through the
//! expense door in one transaction; one run of an import at a time; the
//! plan's allowance checked again for each batch; within the job's time.

use std::collections::HashSet;

use chrono::{NaiveDate, Utc};
use loco_rs::prelude::*;
use sea_orm::{DatabaseBackend, DatabaseTransaction, Statement};
use serde_json::json;

use super::{
    headers, mapping::Columns, reader, rows, Entity, ImportControl, ImportOptions, Model, Problem,
    Status, Tally, BATCH_ROWS,
};
use crate::models::{
    _entities::{users, workspaces},
    audit_events::{self, Actor, Event},
    billing::Limits,
    effects,
    errors::DomainError,
    expenses::{self, Draft, Lookup, Origin},
    ids::WorkspaceId,
    tenancy::{self, Scope, Tenant},
};

impl Model {
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
        // row once. Claimed in one statement: a read then a write would let
        // a second run mark "running" again an import the first had just
        // finished, and import it twice.
        if !import
            .move_status(&txn, &[Status::Queued, Status::Running], Status::Running)
            .await?
        {
            return Ok(());
        }
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
