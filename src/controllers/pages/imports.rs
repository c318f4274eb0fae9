//! CSV import pages (`/w/{workspace_id}/imports`): upload a file, check its
//! preview and say which column is which, then follow the background job's
//! progress (htmx polls it) and see what was imported and what was not.

use std::sync::Arc;

use axum::{extract::Multipart, http::StatusCode};
use loco_rs::prelude::*;
use serde::Deserialize;

use super::{render, workspaces::frame};
use crate::{
    controllers::support::{
        access::{requires, requires_receiving, Member},
        errors::back_with,
        limits::BodyKind,
        render::redirect_with,
        web_session::Visitor,
    },
    models::{
        imports::{self, Encoding, ImportControl, ImportOptions, Status},
        validation::FieldErrors,
    },
    policies::{IMPORTS_CREATE, IMPORTS_READ},
    settings::{LimitSettings, Settings},
    views::{
        imports::{
            DateFormat, ImportPage, ImportProgress, ImportResponse, ImportsPage, PreviewRows,
            WorkspacePid,
        },
        page::InWorkspace,
        urls,
    },
};

fn control(ctx: &AppContext) -> Result<Arc<ImportControl>> {
    ctx.shared_store
        .get::<Arc<ImportControl>>()
        .ok_or_else(|| Error::string("import control is not set up"))
}

async fn index_page(
    ctx: &AppContext,
    v: &TeraView,
    visitor: &Visitor,
    member: &Member,
    status: StatusCode,
    errors: Option<serde_json::Value>,
) -> Result<Response> {
    let list = imports::Model::list(&member.db, member.workspace.id).await?;
    let context = InWorkspace {
        frame: frame(ctx, member).await?,
        page: ImportsPage {
            imports: list.iter().map(|i| ImportResponse::new(i, None)).collect(),
            max_mb: Settings::get(ctx)?.limits.import_mb,
            errors,
        },
    };
    render(v, visitor, status, "imports/index.html", &context)
}

#[debug_handler]
async fn index(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
) -> Result<Response> {
    index_page(&ctx, &v, &visitor, &member, StatusCode::OK, None).await
}

/// Reads the upload, stopping as soon as it is larger than allowed.
async fn read_upload(
    limits: &LimitSettings,
    multipart: &mut Multipart,
) -> Result<(String, Vec<u8>, Encoding)> {
    let max = limits.import_bytes();
    let too_large = || {
        Error::from(FieldErrors::one(
            "file",
            format!(
                "is larger than {} MB; split it into smaller files",
                limits.import_mb
            ),
        ))
    };
    // A form without the field (an older page, a script) gets the default.
    let mut encoding = Some(Encoding::Auto);
    let mut upload = None;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(err) if err.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(too_large()),
            Err(err) => {
                return Err(FieldErrors::one(
                    "file",
                    format!("could not be received: {}", err.body_text()),
                )
                .into())
            }
        };
        match field.name() {
            Some("encoding") => {
                encoding = Encoding::parse(&field.text().await.unwrap_or_default());
            }
            Some("file") => {
                let name = field.file_name().unwrap_or("upload.csv").to_string();
                let mut field = field;
                let mut bytes = Vec::new();
                loop {
                    match field.chunk().await {
                        Ok(Some(chunk)) => {
                            if bytes.len() + chunk.len() > max {
                                return Err(too_large());
                            }
                            bytes.extend_from_slice(&chunk);
                        }
                        Ok(None) => break,
                        Err(err) if err.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                            return Err(too_large())
                        }
                        Err(err) => {
                            return Err(FieldErrors::one(
                                "file",
                                format!("could not be received: {}", err.body_text()),
                            )
                            .into())
                        }
                    }
                }
                upload = Some((name, bytes));
            }
            _ => {}
        }
    }
    let encoding = encoding.ok_or_else(|| {
        Error::from(FieldErrors::one(
            "encoding",
            "must be one of the offered encodings",
        ))
    })?;
    let (name, bytes) =
        upload.ok_or_else(|| Error::from(FieldErrors::one("file", "must be chosen")))?;
    Ok((name, bytes, encoding))
}

#[debug_handler]
async fn upload(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
    mut multipart: Multipart,
) -> Result<Response> {
    let uploaded = match read_upload(&Settings::get(&ctx)?.limits, &mut multipart).await {
        Ok((name, bytes, encoding)) => {
            imports::Model::upload(
                &member.db,
                member.workspace.id,
                member.user(),
                &name,
                &bytes,
                encoding,
            )
            .await
        }
        Err(err) => Err(err),
    };
    match uploaded {
        Ok(import) => {
            let to = urls::import(member.workspace.pid, import.pid);
            member.commit().await?;
            format::redirect(&to)
        }
        Err(err) => {
            let Some(errors) = FieldErrors::from_error(&err) else {
                return Err(err);
            };
            index_page(
                &ctx,
                &v,
                &visitor,
                &member,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(errors),
            )
            .await
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ShowQuery {
    /// `progress`: only the progress bar (htmx polls it).
    pub partial: Option<String>,
}

async fn show_page(
    ctx: &AppContext,
    v: &TeraView,
    visitor: &Visitor,
    member: &Member,
    import: &imports::Model,
    status: StatusCode,
    sent: Option<(ImportOptions, serde_json::Value)>,
) -> Result<Response> {
    let processed = control(ctx)?.processed(import.id);
    let (mut preview, mut form) = (None, None);
    if import.status() == Status::Uploaded {
        let rows = import.preview()?;
        preview = Some(PreviewRows {
            headers: rows.headers,
            rows: rows.rows,
            statement: rows.statement,
        });
        form = Some(rows.guess);
    }
    let (form, errors) = match sent {
        Some((options, errors)) => (Some(options), Some(errors)),
        None => (form, None),
    };
    let context = InWorkspace {
        frame: frame(ctx, member).await?,
        page: ImportPage {
            import: ImportResponse::new(import, processed),
            date_formats: DateFormat::all(),
            preview,
            form,
            errors,
        },
    };
    render(v, visitor, status, "imports/show.html", &context)
}

#[debug_handler]
async fn show(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
    Path((_, import_id)): Path<(String, String)>,
    Query(query): Query<ShowQuery>,
) -> Result<Response> {
    let import = imports::Model::find_in(&member.db, member.workspace.id, &import_id).await?;
    if query.partial.as_deref() == Some("progress") {
        let processed = control(&ctx)?.processed(import.id);
        let data = ImportProgress {
            workspace: WorkspacePid {
                id: member.workspace.pid.to_string(),
            },
            import: ImportResponse::new(&import, processed),
        };
        let finished = matches!(
            import.status(),
            Status::Done | Status::Failed | Status::Cancelled
        );
        let response = format::render();
        // A finished import shows its outcome on the whole page.
        let response = if finished {
            response.header("hx-refresh", "true")
        } else {
            response
        };
        return response.view(&v, "imports/_progress.html", data);
    }
    show_page(&ctx, &v, &visitor, &member, &import, StatusCode::OK, None).await
}

#[debug_handler]
async fn start(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
    Path((_, import_id)): Path<(String, String)>,
    Form(options): Form<ImportOptions>,
) -> Result<Response> {
    let import = imports::Model::find_in(&member.db, member.workspace.id, &import_id).await?;
    let started = async {
        let tenant = member.tenant(&ctx).await?;
        import.clone().start(&tenant, &options).await
    }
    .await;
    match started {
        Ok(started) => {
            let to = urls::import(member.workspace.pid, started.pid);
            member.commit_change(&ctx).await?;
            format::redirect(&to)
        }
        Err(err) => {
            let Some(errors) = FieldErrors::from_error(&err) else {
                let to = urls::import(member.workspace.pid, import.pid);
                return back_with(&ctx, visitor.lang, &to, err);
            };
            show_page(
                &ctx,
                &v,
                &visitor,
                &member,
                &import,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some((options, errors)),
            )
            .await
        }
    }
}

#[debug_handler]
async fn cancel(
    State(ctx): State<AppContext>,
    visitor: Visitor,
    member: Member,
    Path((_, import_id)): Path<(String, String)>,
) -> Result<Response> {
    let import = imports::Model::find_in(&member.db, member.workspace.id, &import_id).await?;
    let to = urls::import(member.workspace.pid, import.pid);
    import.cancel(&member.db, control(&ctx)?.as_ref()).await?;
    member.commit().await?;
    redirect_with(
        &to,
        "notice",
        &visitor.lang.text("import-cancelled"),
        &ctx,
        &[],
    )
}

pub fn routes() -> Routes {
    let list = "/w/{workspace_id}/imports";
    let one = "/w/{workspace_id}/imports/{import_id}";
    Routes::new()
        .add(list, requires(IMPORTS_READ, get(index)))
        .add(
            list,
            requires_receiving(IMPORTS_CREATE, BodyKind::Import, post(upload)),
        )
        .add(one, requires(IMPORTS_READ, get(show)))
        .add(
            &format!("{one}/start"),
            requires(IMPORTS_CREATE, post(start)),
        )
        .add(
            &format!("{one}/cancel"),
            requires(IMPORTS_CREATE, post(cancel)),
        )
}
