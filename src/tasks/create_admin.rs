//! `create_admin`: the first superadmin of an instance, from the command
//! line (there is no default password). `cargo loco task create_admin
//! email:ops@example.com` promotes an existing account; with `name:` and
//! `password:` it creates the account first (Loco passes task parameters as
//! `key:value`).

use loco_rs::prelude::*;

use crate::models::platform;

pub struct CreateAdmin;

#[async_trait]
impl Task for CreateAdmin {
    fn task(&self) -> TaskInfo {
        TaskInfo {
            name: "create_admin".to_string(),
            detail: "Make a superadmin: email:<address> [name:<name> password:<password>]"
                .to_string(),
        }
    }

    async fn run(&self, ctx: &AppContext, vars: &task::Vars) -> Result<()> {
        let email = vars
            .cli_arg("email")
            .map_err(|_| Error::string("give the address: email:<address>"))?;
        let name = vars.cli_arg("name").unwrap_or("Administrator");
        let password = vars.cli_arg("password").ok();
        let user = platform::create_superadmin(&ctx.db, email, name, password)
            .await
            .map_err(
                |err| match crate::models::validation::FieldErrors::from_error(&err) {
                    Some(errors) => Error::string(&format!("not done: {errors}")),
                    None => err,
                },
            )?;
        println!("{} is a superadmin; sign in and open /admin", user.email);
        Ok(())
    }
}
