//! Account pages: signup, login and logout (`sign_in`), email confirmation
//! and password reset (`recovery`), and the account settings page with its
//! forms (`settings`: password, email, sessions, delete; `tokens`: access
//! tokens).

mod recovery;
mod settings;
mod sign_in;
mod tokens;

use loco_rs::prelude::*;

pub fn routes() -> Routes {
    Routes::new()
        .add("/signup", get(sign_in::signup_form).post(sign_in::signup))
        .add("/login", get(sign_in::login_form).post(sign_in::login))
        .add("/logout", post(sign_in::logout))
        .add("/verify/{token}", get(recovery::verify))
        .add(
            "/forgot-password",
            get(recovery::forgot_form).post(recovery::forgot),
        )
        .add(
            "/reset-password/{token}",
            get(recovery::reset_form).post(recovery::reset),
        )
        .add("/account", get(settings::show))
        .add("/account/password", post(settings::change_password))
        .add("/account/email", post(settings::change_email))
        .add("/account/language", post(settings::change_language))
        .add("/account/verification", post(settings::resend_verification))
        .add(
            "/account/logout-everywhere",
            post(sign_in::logout_everywhere),
        )
        .add("/account/delete", post(settings::delete_account))
        .add("/account/tokens", post(tokens::create_token))
        .add(
            "/account/tokens/{token_id}/revoke",
            post(tokens::revoke_token),
        )
}
