// The statics are named after their template folders, as Loco's mailers are.
#![allow(non_upper_case_globals)]

use loco_rs::prelude::*;
use serde_json::json;

use crate::{
    models::{invitations, workspaces},
    settings::Settings,
};

static invitation: Dir<'_> = include_dir!("src/mailers/workspaces/invitation");

pub struct WorkspaceMailer {}

impl WorkspaceMailer {
    /// The invitation link, to the invited address.
    ///
    /// # Errors
    /// When the mail cannot be queued.
    pub async fn send_invitation(
        ctx: &AppContext,
        workspace: &workspaces::Model,
        invite: &invitations::Model,
        token: &str,
    ) -> Result<()> {
        let settings = Settings::get(ctx)?;
        super::send(
            ctx,
            &invitation,
            mailer::Args {
                from: Some(settings.mail.from.clone()),
                to: invite.email.clone(),
                locals: json!({
                    "inviter": invite.invited_by_name,
                    "workspace": workspace.name,
                    "role": invite.role,
                    "email": invite.email,
                    "link": format!("{}/invitations/{token}", settings.base_url),
                }),
                ..Default::default()
            },
        )
        .await
    }
}
