//! Page URLs, built in one place. Handlers call the functions
//! (`urls::budgets(workspace.pid)` for a redirect); templates call the
//! `url` Tera function with the same name and arguments
//! (`{{ url(to="budgets", w=workspace.id) }}`), registered by the view
//! engine initializer. A name or argument a template gets wrong fails the
//! render instead of linking nowhere.
//!
//! Each line below is one page: its name, its arguments (`w`: the
//! workspace's public id, `id`: the public id of the thing on the page) and
//! its path. The routes themselves are declared in each controller.

use std::fmt::Display;

macro_rules! pages {
    ($( $(#[$doc:meta])* $name:ident ( $($arg:ident),* ) => $path:literal; )*) => {
        $(
            $(#[$doc])*
            #[must_use]
            pub fn $name($($arg: impl Display),*) -> String {
                format!($path)
            }
        )*

        /// The path of the page called `name`, its arguments looked up by
        /// name with `arg` (what the templates' `url` function does).
        ///
        /// # Errors
        ///
        /// When no page has that name, or an argument is missing.
        pub fn named(name: &str, arg: impl Fn(&str) -> Option<String>) -> Result<String, String> {
            let _ = &arg;
            match name {
                $(stringify!($name) => Ok($name($(
                    arg(stringify!($arg)).ok_or_else(|| {
                        format!("url(to=\"{name}\") needs `{}`", stringify!($arg))
                    })?
                ),*)),)*
                _ => Err(format!("url(to=\"{name}\"): no page has this name")),
            }
        }
    };
}

pages! {
    home() => "/";
    login() => "/login";
    /// Signing in, then going on to the path `next`.
    login_then(next) => "/login?next={next}";
    signup() => "/signup";
    logout() => "/logout";
    forgot_password() => "/forgot-password";
    account() => "/account";
    account_password() => "/account/password";
    account_email() => "/account/email";
    account_language() => "/account/language";
    /// Mailing the confirmation link again.
    account_verification() => "/account/verification";
    account_logout_everywhere() => "/account/logout-everywhere";
    account_delete() => "/account/delete";
    /// Creating a personal access token.
    account_tokens() => "/account/tokens";
    token_revoke(id) => "/account/tokens/{id}/revoke";
    /// Choosing a new password; `id` is the reset link's token.
    reset_password(id) => "/reset-password/{id}";
    workspaces() => "/w";
    /// A workspace's overview.
    workspace(w) => "/w/{w}";
    expenses(w) => "/w/{w}/expenses";
    /// The add form on a page of its own.
    expense_new(w) => "/w/{w}/expenses/new";
    /// The list offering to undo deleting the expense `id`.
    expenses_undo(w, id) => "/w/{w}/expenses?undo={id}";
    /// The list as CSV (the templates add the filter's query).
    expenses_csv(w) => "/w/{w}/expenses.csv";
    /// One expense's row; posting to it saves the edit form.
    expense(w, id) => "/w/{w}/expenses/{id}";
    expense_edit(w, id) => "/w/{w}/expenses/{id}/edit";
    /// The edit page, scrolled to its receipts.
    expense_edit_receipts(w, id) => "/w/{w}/expenses/{id}/edit#receipts";
    /// The edit page with the form filled from the receipt `r`'s text.
    expense_prefill(w, id, r) => "/w/{w}/expenses/{id}/edit?prefill={r}";
    expense_delete(w, id) => "/w/{w}/expenses/{id}/delete";
    expense_restore(w, id) => "/w/{w}/expenses/{id}/restore";
    /// An expense's receipts; posting attaches more.
    receipts(w, id) => "/w/{w}/expenses/{id}/receipts";
    /// The receipt viewer; `e` is the expense's id.
    receipt(w, e, id) => "/w/{w}/expenses/{e}/receipts/{id}";
    receipt_file(w, e, id) => "/w/{w}/expenses/{e}/receipts/{id}/file";
    receipt_preview(w, e, id) => "/w/{w}/expenses/{e}/receipts/{id}/preview";
    receipt_thumbnail(w, e, id) => "/w/{w}/expenses/{e}/receipts/{id}/thumbnail";
    receipt_delete(w, e, id) => "/w/{w}/expenses/{e}/receipts/{id}/delete";
    /// The expenses of one category.
    expenses_in_category(w, id) => "/w/{w}/expenses?category={id}";
    recurring(w) => "/w/{w}/recurring";
    recurring_delete(w, id) => "/w/{w}/recurring/{id}/delete";
    recurring_edit(w, id) => "/w/{w}/recurring/{id}/edit";
    imports(w) => "/w/{w}/imports";
    import(w, id) => "/w/{w}/imports/{id}";
    /// Only the progress bar, which htmx polls.
    import_progress(w, id) => "/w/{w}/imports/{id}?partial=progress";
    import_start(w, id) => "/w/{w}/imports/{id}/start";
    import_cancel(w, id) => "/w/{w}/imports/{id}/cancel";
    budgets(w) => "/w/{w}/budgets";
    budget_delete(w, id) => "/w/{w}/budgets/{id}/delete";
    notifications(w) => "/w/{w}/notifications";
    notifications_read(w) => "/w/{w}/notifications/read";
    notifications_settings(w) => "/w/{w}/notifications/settings";
    reports(w) => "/w/{w}/reports";
    /// The report as CSV, for a range (`YYYY-MM-DD`) and a grouping.
    report_csv(w, from, to, group) => "/w/{w}/reports.csv?from={from}&to={to}&group={group}";
    balances(w) => "/w/{w}/balances";
    /// One member's balance explained; `id` is the member's user id.
    balance_member(w, id) => "/w/{w}/balances/{id}";
    /// Its older lines, after `cursor`.
    balance_member_older(w, id, cursor) => "/w/{w}/balances/{id}?cursor={cursor}";
    settlements(w) => "/w/{w}/settlements";
    settlement_delete(w, id) => "/w/{w}/settlements/{id}/delete";
    categories(w) => "/w/{w}/categories";
    category(w, id) => "/w/{w}/categories/{id}";
    category_delete(w, id) => "/w/{w}/categories/{id}/delete";
    /// Live updates of a workspace's pages (server-sent events).
    workspace_events(w) => "/w/{w}/events";
    members(w) => "/w/{w}/members";
    member_role(w, id) => "/w/{w}/members/{id}/role";
    /// Removing a member, or leaving when `id` is oneself.
    member_remove(w, id) => "/w/{w}/members/{id}/remove";
    invitations(w) => "/w/{w}/invitations";
    invitation_resend(w, id) => "/w/{w}/invitations/{id}/resend";
    invitation_revoke(w, id) => "/w/{w}/invitations/{id}/revoke";
    /// The page an emailed invitation opens; `id` is its token.
    invitation(id) => "/invitations/{id}";
    invitation_accept(id) => "/invitations/{id}/accept";
    settings(w) => "/w/{w}/settings";
    workspace_delete(w) => "/w/{w}/delete";
    /// The whole workspace as a JSON file.
    archive(w) => "/w/{w}/archive.json";
    archive_restore(w) => "/w/{w}/archive";
    support_access(w) => "/w/{w}/support-access";
    support_access_revoke(w) => "/w/{w}/support-access/revoke";
    audit(w) => "/w/{w}/audit";
    /// The audit log's page after `cursor` (older entries).
    audit_older(w, cursor) => "/w/{w}/audit?cursor={cursor}";
    billing(w) => "/w/{w}/billing";
    billing_checkout(w) => "/w/{w}/billing/checkout";
    billing_portal(w) => "/w/{w}/billing/portal";
    assistant(w) => "/w/{w}/assistant";
    /// The API's documentation page.
    api_docs() => "/api/docs";
    /// The mails the folder transport wrote (development only).
    dev_mailbox() => "/_dev/mail";
    dev_mail(id) => "/_dev/mail/{id}";
    /// The operators' console (`id`: a user's or workspace's public id, or
    /// a job's id).
    admin() => "/admin";
    admin_users() => "/admin/users";
    admin_user(id) => "/admin/users/{id}";
    admin_user_lock(id) => "/admin/users/{id}/lock";
    admin_user_unlock(id) => "/admin/users/{id}/unlock";
    admin_user_password_reset(id) => "/admin/users/{id}/password-reset";
    admin_user_verify_email(id) => "/admin/users/{id}/verify-email";
    admin_user_resend_verification(id) => "/admin/users/{id}/resend-verification";
    /// Ending one of the user's sessions, `s`.
    admin_user_session_end(id, s) => "/admin/users/{id}/sessions/{s}/end";
    admin_user_sessions_end(id) => "/admin/users/{id}/sessions/end";
    admin_user_roles(id) => "/admin/users/{id}/roles";
    admin_user_roles_revoke(id) => "/admin/users/{id}/roles/revoke";
    admin_user_delete(id) => "/admin/users/{id}/delete";
    admin_workspaces() => "/admin/workspaces";
    admin_workspace(id) => "/admin/workspaces/{id}";
    /// Support access: the workspace as its members see it.
    admin_workspace_view(id) => "/admin/workspaces/{id}/view";
    admin_workspace_suspend(id) => "/admin/workspaces/{id}/suspend";
    admin_workspace_unsuspend(id) => "/admin/workspaces/{id}/unsuspend";
    /// The member `u` (a user's public id) of the workspace `id`.
    admin_workspace_member_role(id, u) => "/admin/workspaces/{id}/members/{u}/role";
    admin_workspace_member_remove(id, u) => "/admin/workspaces/{id}/members/{u}/remove";
    admin_workspace_delete(id) => "/admin/workspaces/{id}/delete";
    admin_billing() => "/admin/billing";
    /// Only the billing accounts whose last payment failed.
    admin_billing_failed() => "/admin/billing?only=failed";
    admin_billing_reconcile() => "/admin/billing/reconcile";
    admin_jobs() => "/admin/jobs";
    admin_job_retry(id) => "/admin/jobs/{id}/retry";
    admin_job_discard(id) => "/admin/jobs/{id}/discard";
    admin_audit() => "/admin/audit";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_builds_the_same_path_as_the_function() {
        let args = |name: &str| match name {
            "w" => Some("ws".to_string()),
            "id" => Some("b1".to_string()),
            _ => None,
        };
        assert_eq!(named("budgets", args), Ok(budgets("ws")));
        assert_eq!(named("budget_delete", args), Ok(budget_delete("ws", "b1")));
        assert_eq!(named("account", args), Ok("/account".to_string()));
        assert!(named("budget", args).is_err());
        assert!(named("report_csv", args).unwrap_err().contains("`from`"));
    }
}
