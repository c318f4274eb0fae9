//! The expense list with its filters and its add form (a refused add
//! shows the list again with the form as sent), and its CSV download.

use super::*;
use crate::views::csv::{CsvFlavour, CsvQuery};

pub(super) async fn list_page(
    screen: &Screen<'_>,
    filter: &ExpenseFilter,
    extras: &ListExtras,
    status: StatusCode,
    sent: Option<(ExpenseValues, Value)>,
) -> Result<Response> {
    let member = screen.member;
    let listing = match expenses::Model::list(&member.db, &member.workspace, filter).await {
        Ok(listing) => listing,
        Err(err) => {
            // A filter that makes no sense: say so and show everything.
            let Some(errors) = FieldErrors::from_error(&err) else {
                return Err(err);
            };
            let everything = ExpenseFilter::default();
            let listing = expenses::Model::list(&member.db, &member.workspace, &everything).await?;
            return render_list(
                screen,
                filter,
                extras,
                &listing,
                StatusCode::UNPROCESSABLE_ENTITY,
                sent,
                Some(errors),
            )
            .await;
        }
    };
    render_list(screen, filter, extras, &listing, status, sent, None).await
}

pub(super) async fn render_list(
    screen: &Screen<'_>,
    filter: &ExpenseFilter,
    extras: &ListExtras,
    listing: &expenses::Listing,
    status: StatusCode,
    sent: Option<(ExpenseValues, Value)>,
    filter_errors: Option<Value>,
) -> Result<Response> {
    let Screen {
        ctx,
        v,
        visitor,
        member,
    } = *screen;
    let filter_query = ExpenseFilter::query_string(filter);
    let next = listing.next_cursor.as_ref().map(|cursor| {
        let cursor = serde_urlencoded::to_string([("cursor", cursor)]).unwrap_or_default();
        format!("{}?{filter_query}&{cursor}", list_path(member))
    });
    let by_day = by_day(filter);
    let mut rows = rows(ctx, member, &listing.items).await?;
    ExpenseRow::mark_days(&mut rows, by_day);
    if extras.partial.as_deref() == Some("rows") {
        let rows = ExpenseRows {
            rows,
            next,
            workspace: workspace_ref(member),
        };
        let template = "expenses/_rows.html";
        return partial(v, visitor.lang, StatusCode::OK, template, &rows);
    }
    let undo = match extras.undo.as_deref() {
        Some(pid) => expenses::Model::find_in(&member.db, member.workspace.id, pid, true)
            .await
            .ok()
            .filter(|e| e.deleted_at.is_some())
            .map(|e| DeletedExpense {
                id: e.pid.to_string(),
                description: e.description,
            }),
        None => None,
    };
    let adding = sent.is_some();
    let frame = frame(ctx, member).await?;
    let (form, errors) = FormValues::sent_or(sent, || new_expense(member, &frame));
    let context = InWorkspace {
        frame,
        page: ExpenseListPage {
            filter,
            filter_query,
            by_day,
            rows,
            next,
            count: listing.count,
            total: crate::views::expenses::format(listing.total_minor, &member.workspace.currency),
            undo,
            form,
            errors,
            adding,
            filter_errors,
        },
    };
    render(v, visitor, status, "expenses/index.html", &context)
}

#[debug_handler]
pub(super) async fn index(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
    Query(mut filter): Query<ExpenseFilter>,
    Query(extras): Query<ListExtras>,
) -> Result<Response> {
    // The filter's amounts as people type them (`12,50`).
    filter.notation = money::Notation::Typed;
    let screen = Screen {
        ctx: &ctx,
        v: &v,
        visitor: &visitor,
        member: &member,
    };
    list_page(&screen, &filter, &extras, StatusCode::OK, None).await
}

/// The add form on a page of its own (where the overview's "Add an
/// expense" leads); it adds through [`create`], as the list's form does.
#[debug_handler]
pub(super) async fn add_page(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
) -> Result<Response> {
    let screen = Screen {
        ctx: &ctx,
        v: &v,
        visitor: &visitor,
        member: &member,
    };
    render_add_page(&screen, StatusCode::OK, None).await
}

async fn render_add_page(
    screen: &Screen<'_>,
    status: StatusCode,
    sent: Option<(ExpenseValues, Value)>,
) -> Result<Response> {
    let frame = frame(screen.ctx, screen.member).await?;
    let (form, errors) = FormValues::sent_or(sent, || new_expense(screen.member, &frame));
    let context = InWorkspace {
        frame,
        page: AddExpensePage { form, errors },
    };
    render(
        screen.v,
        screen.visitor,
        status,
        "expenses/new.html",
        &context,
    )
}

/// The add form as sent: urlencoded, or multipart when it carries
/// receipts (the files then come with it).
///
/// # Errors
/// With the fields read until then: a refused upload, or a body that is
/// not the form.
pub(super) async fn submitted(
    ctx: &AppContext,
    headers: &HeaderMap,
    request: Request,
) -> std::result::Result<(ExpenseForm, Vec<receipts::Upload>), (Error, ExpenseForm)> {
    let as_form = |fields: &[(String, String)]| {
        serde_urlencoded::to_string(fields)
            .ok()
            .and_then(|encoded| serde_urlencoded::from_str::<ExpenseForm>(&encoded).ok())
            .unwrap_or_default()
    };
    let not_a_form = |err: String| Error::BadRequest(format!("The form could not be read: {err}"));
    let is_multipart = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if !is_multipart {
        return match Form::<ExpenseForm>::from_request(request, ctx).await {
            Ok(Form(form)) => Ok((form, Vec::new())),
            Err(err) => Err((not_a_form(err.body_text()), ExpenseForm::default())),
        };
    }
    let mut multipart = Multipart::from_request(request, ctx)
        .await
        .map_err(|err| (not_a_form(err.body_text()), ExpenseForm::default()))?;
    match receive(ctx, &mut multipart).await {
        Ok(received) => Ok((as_form(&received.fields), received.files)),
        Err((err, received)) => Err((err, as_form(&received.fields))),
    }
}

/// The list again with the add form open, its values and what was wrong;
/// a refusal that names no field goes back to the list with its reason.
pub(super) async fn add_form_again(
    screen: &Screen<'_>,
    form: &ExpenseForm,
    err: Error,
) -> Result<Response> {
    let Some(errors) = FieldErrors::from_error(&err) else {
        return back_with(
            screen.ctx,
            screen.visitor.lang,
            &list_path(screen.member),
            err,
        );
    };
    if form.from == "new" {
        let sent = Some((form.echo(), errors));
        return render_add_page(screen, StatusCode::UNPROCESSABLE_ENTITY, sent).await;
    }
    list_page(
        screen,
        &ExpenseFilter::default(),
        &ListExtras::default(),
        StatusCode::UNPROCESSABLE_ENTITY,
        Some((form.echo(), errors)),
    )
    .await
}

/// Adds an expense from the form, with the receipts it carries. The files
/// are checked and stored before the write transaction; a file refused
/// brings the form back, but storage that cannot be reached or is full does
/// not stop the expense (what was typed is kept): it is added and the
/// message says why its receipts were not and to attach them later; so does
/// storage that filled up between the files' check and the expense.
// Stays whole (over 80 lines): one flow in the order it must run: files
// checked and stored before the write transaction, then the expense, then its
// receipts, each refusal shown on the form.
#[debug_handler]
pub(super) async fn create(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    headers: HeaderMap,
    member: Member,
    request: Request,
) -> Result<Response> {
    let (form, files, stored, key) = {
        let screen = Screen {
            ctx: &ctx,
            v: &v,
            visitor: &visitor,
            member: &member,
        };
        let (form, files) = match submitted(&ctx, &headers, request).await {
            Ok(submitted) => submitted,
            Err((err, form)) => return add_form_again(&screen, &form, err).await,
        };
        let key = match idempotent(&ctx, &visitor, &member, &headers, &form, &files).await {
            Ok(Idempotent::Answered(response)) => return Ok(response),
            Ok(Idempotent::New(key)) => key,
            Err(err) => return keyed_refusal(&screen, &form, err, true).await,
        };
        let count = files.len();
        let stored = if files.is_empty() {
            Ok(Vec::new())
        } else {
            match receipts::Model::store(&ctx, &member.db, &member.workspace, files).await {
                Err(err) if FieldErrors::from_error(&err).is_some() => {
                    return keyed_refusal(&screen, &form, err, key.is_some()).await
                }
                stored => stored,
            }
        };
        (form, count, stored, key)
    };
    let member = member.writing(&ctx).await?;
    let members = memberships::Model::list(&member.db, member.workspace.id).await?;
    let params = form.params(&members);
    let created = async {
        let tenant = member.tenant(&ctx).await?;
        Ok::<_, Error>(match stored {
            Ok(stored) => {
                let (expense, attached) =
                    expenses::Model::record_with_receipts(&tenant, &params, stored).await?;
                (expense, attached.map_err(Error::from))
            }
            Err(err) => (expenses::Model::record(&tenant, &params).await?, Err(err)),
        })
    }
    .await;
    let screen = Screen {
        ctx: &ctx,
        v: &v,
        visitor: &visitor,
        member: &member,
    };
    let (expense, attached) = match created {
        Ok(created) => created,
        Err(err) => return keyed_refusal(&screen, &form, err, key.is_some()).await,
    };
    let lang = visitor.lang;
    let description = expense.description.clone();
    if let Some(key) = &key {
        let answer = idempotency_keys::Answer {
            status: StatusCode::SEE_OTHER.as_u16(),
            body: serde_json::json!({
                "id": expense.pid.to_string(),
                "description": expense.description,
            }),
        };
        key.remember(&member.db, member.workspace.id, member.user().id, &answer)
            .await?;
    }
    let (kind, message) = match attached {
        Ok(saved) => {
            let args = [
                ("description", description.into()),
                ("receipts", saved.len().into()),
            ];
            ("notice", lang.text_with("expense-added", &args))
        }
        // Storage that cannot be reached or is full, or that filled up
        // since the files were checked: the expense is kept.
        Err(err) => {
            let why = match receipts::storage_refusal(&err) {
                Some(why) => why.to_string(),
                None => refusal(&err, visitor.lang).ok_or(err)?,
            };
            let args = [
                ("description", description.into()),
                ("receipts", files.into()),
                ("reason", why.trim_end_matches('.').to_string().into()),
            ];
            (
                "alert",
                lang.text_with("expense-added-receipts-lost", &args),
            )
        }
    };
    let to = list_path(&member);
    member.commit_change(&ctx).await?;
    redirect_with(&to, kind, &message, &ctx, &[])
}

/// The filtered list as a CSV file: the API's (`?format=plain`), or for a
/// spreadsheet in the reader's language (`?format=spreadsheet`).
#[debug_handler]
pub(super) async fn export_csv(
    State(_ctx): State<AppContext>,
    visitor: Visitor,
    member: Member,
    Query(asked): Query<CsvQuery>,
    Query(mut filter): Query<ExpenseFilter>,
) -> Result<Response> {
    let flavour = CsvFlavour::asked(asked.format.as_deref(), visitor.lang)?;
    filter.notation = money::Notation::Typed;
    let found = expenses::Model::all_matching(&member.db, &member.workspace, &filter).await?;
    csv_download(&found, &member.workspace, flavour)
}

/// What an `Idempotency-Key` on the add form found.
enum Idempotent {
    /// The first request with this key was answered: its answer again.
    Answered(Response),
    /// Not seen (or no key): add, and keep the answer under the key.
    New(Option<idempotency_keys::Key>),
}

/// The add form honours `Idempotency-Key` as the API's create does: a
/// phone that saved an expense offline sends it with a key, and sending it
/// again after a lost answer adds nothing twice. The same key and form
/// within a day answer as the first did (back to the list, saying it was
/// added); the same key with another form is refused (409).
async fn idempotent(
    ctx: &AppContext,
    visitor: &Visitor,
    member: &Member,
    headers: &HeaderMap,
    form: &ExpenseForm,
    files: &[receipts::Upload],
) -> Result<Idempotent> {
    let Some(header) = headers.get(idempotency_keys::HEADER) else {
        return Ok(Idempotent::New(None));
    };
    let members = memberships::Model::list(&member.db, member.workspace.id).await?;
    let files: Vec<(&str, usize)> = files
        .iter()
        .map(|f| (f.filename.as_str(), f.bytes.len()))
        .collect();
    let request = (form.params(&members), files);
    let Some(key) = idempotency_keys::Key::of(Some(header.as_bytes()), &request)? else {
        return Ok(Idempotent::New(None));
    };
    let Some(answer) = key
        .answered(&member.db, member.workspace.id, member.user().id)
        .await?
    else {
        return Ok(Idempotent::New(Some(key)));
    };
    let description = answer
        .body
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let args = [("description", description.into()), ("receipts", 0.into())];
    let message = visitor.lang.text_with("expense-added", &args);
    let response = redirect_with(&list_path(member), "notice", &message, ctx, &[]);
    response.map(Idempotent::Answered)
}

/// A refused add: the form again with what was wrong; but a request with
/// an `Idempotency-Key` (a phone sending what it saved offline) is told a
/// refusal that names no field by its status (409, 402, ...), not sent back
/// to the list as if it had been added.
async fn keyed_refusal(
    screen: &Screen<'_>,
    form: &ExpenseForm,
    err: Error,
    keyed: bool,
) -> Result<Response> {
    if keyed && FieldErrors::from_error(&err).is_none() {
        return Err(err);
    }
    add_form_again(screen, form, err).await
}
