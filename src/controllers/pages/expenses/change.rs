//! Changing one expense: its edit page and inline row, saving, deleting
//! with an undo, and the undo itself.

use super::*;

pub(super) async fn one_row(
    ctx: &AppContext,
    member: &Member,
    expense: expenses::Model,
) -> Result<OneRow> {
    let detailed = expense.detailed(&member.db).await?;
    let row = rows(ctx, member, std::slice::from_ref(&detailed))
        .await?
        .pop()
        .ok_or(Error::NotFound)?;
    Ok(OneRow {
        row,
        workspace: workspace_ref(member),
    })
}

/// The edit form: one table row under htmx, a page of its own otherwise.
pub(super) async fn edit_form(
    screen: &Screen<'_>,
    headers: &HeaderMap,
    expense_id: &str,
    status: StatusCode,
    form: ExpenseValues,
    errors: Value,
) -> Result<Response> {
    let mut context = InWorkspace {
        frame: frame(screen.ctx, screen.member).await?,
        page: EditForm {
            expense_id: expense_id.to_string(),
            form,
            errors,
            receipts: None,
        },
    };
    if is_htmx(headers) {
        let template = "expenses/_edit_row.html";
        partial(screen.v, screen.visitor.lang, status, template, &context)
    } else {
        // The page of its own also lists the receipts, to attach more.
        let (member, ctx) = (screen.member, screen.ctx);
        let expense =
            expenses::Model::find_in(&member.db, member.workspace.id, expense_id, false).await?;
        context.page.receipts = Some(super::super::receipts::section(ctx, member, &expense).await?);
        let template = "expenses/edit.html";
        render(screen.v, screen.visitor, status, template, &context)
    }
}

/// The edit page's query: `prefill` names a receipt whose text fills the form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EditQuery {
    pub prefill: Option<String>,
}

/// The form with what a receipt's text said put in (the user checks and
/// saves it); unchanged when the receipt found nothing.
pub(super) async fn prefilled(
    member: &Member,
    expense: &expenses::Model,
    receipt_id: &str,
    mut form: ExpenseValues,
) -> Result<ExpenseValues> {
    let receipt =
        receipts::Model::find_in(&member.db, member.workspace.id, expense.id, receipt_id).await?;
    if let Some(merchant) = receipt.ocr_merchant {
        form.description = merchant;
    }
    if let Some(total) = receipt.ocr_total_minor {
        // The total is read in the workspace's currency.
        form.amount = money::format_in(total, &member.workspace.currency);
        form.currency.clone_from(&member.workspace.currency);
        form.rate = String::new();
    }
    if let Some(date) = receipt.ocr_date {
        form.date = date.to_string();
    }
    Ok(form)
}

#[debug_handler]
pub(super) async fn edit(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    headers: HeaderMap,
    member: Member,
    Path((_, expense_id)): Path<(String, String)>,
    Query(query): Query<EditQuery>,
) -> Result<Response> {
    let row = changeable(&ctx, &member, &expense_id, false, false).await?;
    let expense = row.clone().detailed(&member.db).await?;
    let mut form = ExpenseValues::of(&ExpenseResponse::new(&expense, &member.workspace.currency));
    if let Some(receipt_id) = &query.prefill {
        form = prefilled(&member, &row, receipt_id, form).await?;
        form.prefilled = true;
    }
    let screen = Screen {
        ctx: &ctx,
        v: &v,
        visitor: &visitor,
        member: &member,
    };
    edit_form(
        &screen,
        &headers,
        &expense_id,
        StatusCode::OK,
        form,
        Value::Object(serde_json::Map::new()),
    )
    .await
}

/// One row as shown in the list (htmx: cancelling an edit).
#[debug_handler]
pub(super) async fn row(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    member: Member,
    Path((_, expense_id)): Path<(String, String)>,
) -> Result<Response> {
    let expense =
        expenses::Model::find_in(&member.db, member.workspace.id, &expense_id, false).await?;
    let data = one_row(&ctx, &member, expense).await?;
    partial(
        &v,
        visitor.lang,
        StatusCode::OK,
        "expenses/_row.html",
        &data,
    )
}

#[debug_handler]
pub(super) async fn update(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    headers: HeaderMap,
    member: Member,
    Path((_, expense_id)): Path<(String, String)>,
    Form(form): Form<ExpenseForm>,
) -> Result<Response> {
    let expense =
        expenses::Model::find_in(&member.db, member.workspace.id, &expense_id, false).await?;
    let members = memberships::Model::list(&member.db, member.workspace.id).await?;
    let updated = async {
        let tenant = member.tenant(&ctx).await?;
        Ok::<_, Error>(expense.revise(&tenant, &form.params(&members)).await?)
    }
    .await;
    match updated {
        Ok(updated) => {
            let notice = visitor.lang.text_with(
                "expense-saved",
                &[("description", updated.description.clone().into())],
            );
            changed_row(&ctx, (&v, visitor.lang), &headers, member, updated, &notice).await
        }
        Err(err) => {
            let Some(errors) = FieldErrors::from_error(&err) else {
                return Ok(for_htmx(
                    &headers,
                    back_with(&ctx, visitor.lang, &list_path(&member), err)?,
                ));
            };
            let screen = Screen {
                ctx: &ctx,
                v: &v,
                visitor: &visitor,
                member: &member,
            };
            edit_form(
                &screen,
                &headers,
                &expense_id,
                StatusCode::UNPROCESSABLE_ENTITY,
                form.echo(),
                errors,
            )
            .await
        }
    }
}

#[debug_handler]
pub(super) async fn destroy(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    headers: HeaderMap,
    member: Member,
    Path((_, expense_id)): Path<(String, String)>,
) -> Result<Response> {
    let expense =
        expenses::Model::find_in(&member.db, member.workspace.id, &expense_id, false).await?;
    expense.remove(&member.tenant(&ctx).await?).await?;
    let to = urls::expenses_undo(member.workspace.pid, expense.pid);
    let data = DeletedRow {
        workspace: workspace_ref(&member),
        expense: DeletedExpense {
            id: expense.pid.to_string(),
            description: expense.description.clone(),
        },
    };
    let undo_address = with_undo(&member, &headers, expense.pid);
    member.commit_change(&ctx).await?;
    if is_htmx(&headers) {
        // The page's address gains `undo=`: the live refresh that follows
        // this change re-reads the list with it, so the offer to undo
        // survives the row being replaced.
        let template = "expenses/_deleted_row.html";
        let mut response = partial(&v, visitor.lang, StatusCode::OK, template, &data)?;
        if let Ok(address) = undo_address.parse::<axum::http::HeaderValue>() {
            response.headers_mut().insert("hx-replace-url", address);
        }
        Ok(response)
    } else {
        format::redirect(&to)
    }
}

/// The list's address as the page shows it (its filter kept), offering to
/// undo the deletion of `deleted`.
pub(super) fn with_undo(member: &Member, headers: &HeaderMap, deleted: Uuid) -> String {
    let current = headers
        .get("hx-current-url")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| url::Url::parse(v).ok());
    let mut pairs: Vec<(String, String)> = current
        .iter()
        .flat_map(|url| url.query_pairs().into_owned().collect::<Vec<_>>())
        .filter(|(key, _)| key != "undo" && key != "cursor" && key != "partial")
        .collect();
    pairs.push(("undo".to_string(), deleted.to_string()));
    format!(
        "{}?{}",
        list_path(member),
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    )
}

#[debug_handler]
pub(super) async fn restore(
    State(ctx): State<AppContext>,
    ViewEngine(v): ViewEngine<TeraView>,
    visitor: Visitor,
    headers: HeaderMap,
    member: Member,
    Path((_, expense_id)): Path<(String, String)>,
) -> Result<Response> {
    let expense =
        expenses::Model::find_in(&member.db, member.workspace.id, &expense_id, true).await?;
    let restored = expense.restore(&member.tenant(&ctx).await?).await?;
    let notice = visitor.lang.text_with(
        "expense-restored",
        &[("description", restored.description.clone().into())],
    );
    changed_row(
        &ctx,
        (&v, visitor.lang),
        &headers,
        member,
        restored,
        &notice,
    )
    .await
}

/// Commits a change to one expense, then answers with its row (htmx) or
/// goes back to the list with `notice`.
async fn changed_row(
    ctx: &AppContext,
    (v, lang): (&TeraView, Lang),
    headers: &HeaderMap,
    member: Member,
    expense: expenses::Model,
    notice: &str,
) -> Result<Response> {
    if is_htmx(headers) {
        let data = one_row(ctx, &member, expense).await?;
        member.commit_change(ctx).await?;
        partial(v, lang, StatusCode::OK, "expenses/_row.html", &data)
    } else {
        let to = list_path(&member);
        member.commit_change(ctx).await?;
        redirect_with(&to, "notice", notice, ctx, &[])
    }
}
