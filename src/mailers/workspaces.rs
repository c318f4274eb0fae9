// The statics are named after their template folders, as Loco's mailers are.
#![allow(non_upper_case_globals)]

use loco_rs::prelude::*;
use serde_json::json;

use crate::{
    models::{
        ids::WorkspaceId,
        invitations,
        tenancy::{self, Scope},
        users, workspaces,
    },
    settings::Settings,
};

static invitation: Dir<'_> = include_dir!("src/mailers/workspaces/invitation");

pub struct WorkspaceMailer {}

impl WorkspaceMailer {
    /// The invitation with a fresh link, to the invited address; nothing
    /// when it is no longer pending.
    ///
    /// # Errors
    /// On database errors, or when the mail cannot be sent.
    pub async fn invitation(
        ctx: &AppContext,
        workspace_id: WorkspaceId,
        invitation_id: i64,
    ) -> Result<()> {
        let settings = Settings::get(ctx)?;
        let txn = tenancy::begin(&ctx.db, Scope::workspace(workspace_id)).await?;
        let workspace = workspaces::Entity::find_by_id(workspace_id)
            .one(&txn)
            .await?;
        let invite = invitations::Entity::find_by_id(invitation_id)
            .in_tenant(workspace_id)
            .one(&txn)
            .await?;
        let (Some(workspace), Some(invite)) = (workspace, invite) else {
            return Ok(txn.commit().await?);
        };
        let minted = invite.new_link(&txn).await.map_err(Error::from)?;
        txn.commit().await?;
        let Some((invite, token)) = minted else {
            return Ok(());
        };
        // Written in the language of the account the address has, if any.
        let setting = match users::Model::find_by_email(&ctx.db, &invite.email).await {
            Ok(user) => user.language,
            Err(ModelError::EntityNotFound) => None,
            Err(err) => return Err(err.into()),
        };
        let lang = super::language(&settings, setting.as_deref());
        super::deliver(
            ctx,
            &invitation,
            mailer::Args {
                from: Some(settings.mail.from.clone()),
                to: invite.email.clone(),
                locals: json!({
                    "lang": lang.code(),
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
