//! `jobs`: the operator's view of the job queue. `cargo loco task jobs`
//! lists dead jobs (those that used up their attempts) and how many are
//! waiting; `cargo loco task jobs retry:<id>` puts a dead job back.

use loco_rs::prelude::*;

use crate::workers::queue;

pub struct Jobs;

#[async_trait]
impl Task for Jobs {
    fn task(&self) -> TaskInfo {
        TaskInfo {
            name: "jobs".to_string(),
            detail: "List dead background jobs; `retry:<id>` queues one again".to_string(),
        }
    }

    async fn run(&self, ctx: &AppContext, vars: &task::Vars) -> Result<()> {
        if let Ok(id) = vars.cli_arg("retry") {
            if queue::retry(ctx, id).await? {
                println!("job {id} is queued again");
                return Ok(());
            }
            return Err(Error::string(&format!("no dead job with id {id}")));
        }
        println!("waiting or running: {}", queue::unfinished(ctx).await?);
        let dead = queue::dead(ctx).await?;
        println!("dead: {}", dead.len());
        for job in dead {
            println!(
                "{}  {} after {}/{} attempts  {}  last: {}",
                job.id,
                job.status,
                job.attempts,
                job.max_attempts,
                job.job,
                job.last_result.unwrap_or_default()
            );
        }
        Ok(())
    }
}
