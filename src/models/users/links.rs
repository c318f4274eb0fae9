//! The emailed single-use links of an account: confirming an address and
//! resetting a password. Links are minted by the mail job that sends them
//! (`mailers::Mail`), stored as digests, and used up by one conditional
//! `UPDATE`.

use chrono::{Duration, Utc};
use loco_rs::{hash, prelude::*};

use super::{
    check_password, users, ActiveModel, Entity, Model, RESET_TOKEN_TTL, VERIFICATION_TOKEN_TTL,
};
use crate::models::{ids::UserId, secrets, validation::FieldErrors};

/// A single-use link that no longer works (the API says the same of an
/// unknown one).
fn used_link() -> Error {
    FieldErrors::one("token", "is invalid, expired or already used").into()
}

fn is_fresh(sent_at: Option<DateTimeWithTimeZone>, ttl: Duration) -> bool {
    sent_at.is_some_and(|sent| Utc::now() - sent.with_timezone(&Utc) < ttl)
}

impl Model {
    /// The account whose emailed verification link carries `token`, while
    /// the link is still valid.
    ///
    /// # Errors
    /// `EntityNotFound` when the token is unknown, used or expired.
    pub async fn find_by_verification_token(
        db: &DatabaseConnection,
        token: &str,
    ) -> ModelResult<Self> {
        Entity::find()
            .filter(users::Column::VerificationTokenHash.eq(secrets::digest(token)))
            .one(db)
            .await?
            .filter(|user| is_fresh(user.verification_sent_at, VERIFICATION_TOKEN_TTL))
            .ok_or(ModelError::EntityNotFound)
    }

    /// The account whose emailed reset link carries `token`, while the link
    /// is still valid. A used link is cleared, so it is not found again.
    ///
    /// # Errors
    /// `EntityNotFound` when the token is unknown, used or expired.
    pub async fn find_by_reset_token(db: &DatabaseConnection, token: &str) -> ModelResult<Self> {
        Entity::find()
            .filter(users::Column::ResetTokenHash.eq(secrets::digest(token)))
            .one(db)
            .await?
            .filter(|user| is_fresh(user.reset_sent_at, RESET_TOKEN_TTL))
            .ok_or(ModelError::EntityNotFound)
    }
}

impl ActiveModel {
    /// Marks the address as confirmed and uses the link up (see
    /// [`ActiveModel::use_link`]). A pending change of address takes effect
    /// now, since the link was sent to the new address.
    ///
    /// # Errors
    /// 422 when the new address was taken by another account meanwhile, or
    /// (naming `token`) when the link was used or renewed meanwhile.
    pub async fn confirm_email(mut self, db: &DatabaseConnection) -> Result<Model> {
        let link = self.verification_token_hash.try_as_ref().cloned().flatten();
        if let Some(new_email) = self.pending_email.try_as_ref().cloned().flatten() {
            let taken = Entity::find()
                .filter(users::Column::Email.eq(&new_email))
                .one(db)
                .await?
                .is_some();
            if taken {
                return Err(FieldErrors::one("email", "is already registered").into());
            }
            self.email = Set(new_email);
        }
        self.pending_email = Set(None);
        self.email_verified_at = Set(Some(Utc::now().into()));
        self.verification_token_hash = Set(None);
        self.verification_sent_at = Set(None);
        let id = self.id.try_as_ref().copied();
        let change = Entity::update_many().set(self);
        let Some(link) = link else {
            // No link to use up (an account confirmed by other means).
            return Self::write_one(db, id, change).await;
        };
        let change = change
            .filter(users::Column::VerificationSentAt.gt(Utc::now() - VERIFICATION_TOKEN_TTL));
        Self::use_link(db, id, users::Column::VerificationTokenHash, &link, change).await
    }

    /// Mints a new confirmation link (the old one stops working); the mail
    /// job calls it when it sends the link.
    ///
    /// # Errors
    /// On database errors.
    pub async fn renew_verification(mut self, db: &DatabaseConnection) -> Result<(Model, String)> {
        let token = secrets::new_token();
        self.verification_token_hash = Set(Some(secrets::digest(&token)));
        self.verification_sent_at = Set(Some(Utc::now().into()));
        Ok((self.update(db).await?, token))
    }

    /// Mints a password reset link (an earlier one stops working); the
    /// mail job calls it when it sends the link.
    ///
    /// # Errors
    /// On database errors.
    pub async fn start_password_reset(
        mut self,
        db: &DatabaseConnection,
    ) -> Result<(Model, String)> {
        let token = secrets::new_token();
        self.reset_token_hash = Set(Some(secrets::digest(&token)));
        self.reset_sent_at = Set(Some(Utc::now().into()));
        Ok((self.update(db).await?, token))
    }

    /// Makes a reset link mailed before stop working (an operator forces
    /// a new reset: the old link may be in the wrong hands).
    ///
    /// # Errors
    /// On database errors.
    pub async fn withdraw_reset_link(mut self, db: &DatabaseConnection) -> Result<Model> {
        self.reset_token_hash = Set(None);
        self.reset_sent_at = Set(None);
        Ok(self.update(db).await?)
    }

    /// Sets a new password from a reset link and uses the link up (see
    /// [`ActiveModel::use_link`]). Following the link also proves the
    /// address, so it counts as verified.
    ///
    /// # Errors
    /// 422 when the password breaks the policy, or (naming `token`) when the
    /// link was used or expired meanwhile.
    pub async fn finish_password_reset(
        mut self,
        db: &DatabaseConnection,
        password: &str,
    ) -> Result<Model> {
        let mut errors = FieldErrors::new();
        check_password(&mut errors, "password", password, &self.password_hints());
        errors.into_result()?;
        let Some(link) = self.reset_token_hash.try_as_ref().cloned().flatten() else {
            return Err(used_link());
        };
        self.password = Set(hash::hash_password(password)?);
        self.reset_token_hash = Set(None);
        self.reset_sent_at = Set(None);
        if self
            .email_verified_at
            .try_as_ref()
            .is_none_or(Option::is_none)
        {
            self.email_verified_at = Set(Some(Utc::now().into()));
        }
        let id = self.id.try_as_ref().copied();
        let change = Entity::update_many()
            .set(self)
            .filter(users::Column::ResetSentAt.gt(Utc::now() - RESET_TOKEN_TTL));
        Self::use_link(db, id, users::Column::ResetTokenHash, &link, change).await
    }

    /// Makes `change` to account `id` only while its `column` still holds
    /// `link` (the digest of an emailed single-use link), in one statement:
    /// of two requests with one link at once, one changes the account and
    /// the other is refused, as is a link renewed or used meanwhile.
    ///
    /// # Errors
    /// 422 naming `token` when the link no longer holds; 422 naming `email`
    /// when the change takes an address registered meanwhile.
    async fn use_link(
        db: &DatabaseConnection,
        id: Option<UserId>,
        column: users::Column,
        link: &str,
        change: sea_orm::UpdateMany<Entity>,
    ) -> Result<Model> {
        Self::write_one(db, id, change.filter(column.eq(link))).await
    }

    /// Makes `change` to account `id`; refuses as [`ActiveModel::use_link`]
    /// when no row matched its conditions.
    async fn write_one(
        db: &DatabaseConnection,
        id: Option<UserId>,
        change: sea_orm::UpdateMany<Entity>,
    ) -> Result<Model> {
        let Some(id) = id else {
            return Err(used_link());
        };
        let done = change
            .filter(users::Column::Id.eq(id))
            .exec(db)
            .await
            .map_err(|err| match err.sql_err() {
                Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
                    FieldErrors::one("email", "is already registered").into()
                }
                _ => Error::from(err),
            })?;
        if done.rows_affected == 0 {
            return Err(used_link());
        }
        Entity::find_by_id(id).one(db).await?.ok_or_else(used_link)
    }
}
