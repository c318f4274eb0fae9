//! A workspace's settings page: its name, kind, default split, currency
//! and time zone, deleting it, and the support access its owner grants the
//! operators.

use super::*;

pub(super) async fn settings_page(
    ctx: &AppContext,
    v: &TeraView,
    visitor: &Visitor,
    member: &Member,
    status: StatusCode,
    sent: Option<SentWorkspace>,
    errors: Option<serde_json::Value>,
) -> Result<Response> {
    let support_until = support_grants::Model::active(&member.db, member.workspace.id)
        .await?
        .map(|grant| iso_day(&grant.expires_at));
    let form = match sent {
        Some(sent) => FormValues::Sent(sent),
        None => FormValues::New(WorkspaceResponse::new(&member.workspace, member.role())),
    };
    let context = InWorkspace {
        frame: frame(ctx, member).await?,
        page: SettingsPage {
            form,
            support_until,
            errors,
        },
    };
    render(v, visitor, status, "workspaces/settings.html", &context)
}

#[debug_handler]
pub(super) async fn settings(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
) -> Result<Response> {
    settings_page(&ctx, &v, &visitor, &member, StatusCode::OK, None, None).await
}

#[debug_handler]
pub(super) async fn update(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
    Form(params): Form<UpdateParams>,
) -> Result<Response> {
    let updated = async {
        let tenant = member.tenant(&ctx).await?;
        Ok::<_, Error>(workspaces::Model::update_settings(&tenant, &params).await?)
    }
    .await;
    match updated {
        Ok(_) => {
            let to = urls::settings(member.workspace.pid);
            member.commit_change(&ctx).await?;
            let message = visitor.lang.text("settings-saved");
            redirect_with(&to, "notice", &message, &ctx, &[])
        }
        Err(err) => match FieldErrors::from_error(&err) {
            Some(errors) => {
                settings_page(
                    &ctx,
                    &v,
                    &visitor,
                    &member,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    Some(SentWorkspace::from(&params)),
                    Some(errors),
                )
                .await
            }
            None => Err(err),
        },
    }
}

#[debug_handler]
pub(super) async fn destroy(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
    Form(params): Form<DeleteParams>,
) -> Result<Response> {
    let marked = async {
        let tenant = member.tenant(&ctx).await?;
        Ok::<_, Error>(workspaces::Model::request_deletion(&tenant, &params.confirm).await?)
    }
    .await;
    match marked {
        Ok(marked) => {
            member.commit_change(&ctx).await?;
            redirect_with(
                &urls::workspaces(),
                "notice",
                &visitor
                    .lang
                    .text_with("workspace-deleting", &[("name", marked.name.into())]),
                &ctx,
                &[],
            )
        }
        Err(err) => match FieldErrors::from_error(&err) {
            Some(errors) => {
                // The delete form reads its errors under `delete`.
                let errors = serde_json::Map::from_iter([("delete".to_string(), errors)]);
                settings_page(
                    &ctx,
                    &v,
                    &visitor,
                    &member,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    None,
                    Some(errors.into()),
                )
                .await
            }
            None => Err(err),
        },
    }
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct SupportForm {
    pub hours: String,
}

/// The owner lets the site's support staff read the workspace for a while.
#[debug_handler]
pub(super) async fn grant_support(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    member: Member,
    Form(form): Form<SupportForm>,
) -> Result<Response> {
    let to = urls::settings(member.workspace.pid);
    let hours = form.hours.trim().parse().unwrap_or(0);
    match support_grants::Model::grant(&member.db, member.workspace.id, &member.actor(), hours)
        .await
    {
        Ok(grant) => {
            member.commit().await?;
            let until = visitor.lang.date(grant.expires_at.date_naive());
            redirect_with(
                &to,
                "notice",
                &visitor
                    .lang
                    .text_with("settings-support-granted", &[("date", until.into())]),
                &ctx,
                &[],
            )
        }
        Err(err) => back_with(&ctx, visitor.lang, &to, err),
    }
}

#[debug_handler]
pub(super) async fn revoke_support(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    member: Member,
) -> Result<Response> {
    let to = urls::settings(member.workspace.pid);
    match support_grants::Model::revoke(&member.db, member.workspace.id, &member.actor()).await {
        Ok(()) => {
            member.commit().await?;
            let message = visitor.lang.text("settings-support-ended");
            redirect_with(&to, "notice", &message, &ctx, &[])
        }
        Err(err) => back_with(&ctx, visitor.lang, &to, err),
    }
}
