use chrono::{Duration, Utc};
use loco_rs::{auth::jwt, hash, prelude::*};
use serde::Deserialize;
use validator::ValidateEmail;

mod links;

pub use super::_entities::users::{self, ActiveModel, Entity, Model};
use super::{
    _entities::{memberships, workspaces},
    ids::WorkspaceId,
    memberships::Role,
    tenancy::{self, Scope},
    validation::FieldErrors,
};

/// How long an emailed password-reset link works.
pub const RESET_TOKEN_TTL: Duration = Duration::minutes(30);
/// How long an emailed verification link works.
pub const VERIFICATION_TOKEN_TTL: Duration = Duration::hours(48);
pub const PASSWORD_MIN_CHARS: usize = 10;
/// Argon2 is fine with long inputs, but nobody needs more than this.
pub const PASSWORD_MAX_CHARS: usize = 256;
const NAME_MAX_CHARS: usize = 100;
const EMAIL_MAX_CHARS: usize = 254;

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct RegisterParams {
    #[schema(required = true, min_length = 1, max_length = 100, pattern = r"\S")]
    pub name: String,
    #[schema(required = true, max_length = 254)]
    pub email: String,
    #[schema(required = true, min_length = 10, max_length = 256)]
    pub password: String,
}

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct LoginParams {
    #[schema(required = true)]
    pub email: String,
    #[schema(required = true)]
    pub password: String,
}

/// What a signup did.
#[derive(Debug)]
pub enum Signup {
    /// A new account; its confirmation link is still to be mailed.
    Created(Model),
    /// The address has an account already: this one.
    Taken(Model),
}

impl Signup {
    /// The mail the signup sends: the confirmation link, or to the owner
    /// of a taken address a notice in its place.
    #[must_use]
    pub fn mail(&self) -> crate::mailers::Mail {
        match self {
            Self::Created(user) => crate::mailers::Mail::confirmation(user),
            Self::Taken(owner) => crate::mailers::Mail::AlreadyRegistered { user_id: owner.id },
        }
    }
}

/// Emails are compared and stored trimmed and lower-cased, which makes them
/// unique case-insensitively on SQLite and Postgres alike.
#[must_use]
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Checks an email address typed by a person; returns it normalised.
fn check_email(errors: &mut FieldErrors, field: &str, email: &str) -> String {
    let email = normalize_email(email);
    if email.is_empty() {
        errors.add(field, "can't be blank");
    } else if email.chars().count() > EMAIL_MAX_CHARS || !email.validate_email() {
        errors.add(field, "is not a valid email address");
    }
    email
}

/// The password policy: long enough, not absurdly long, and not one of the
/// passwords attackers try first (zxcvbn knows the common-password lists).
fn check_password(errors: &mut FieldErrors, field: &str, password: &str, hints: &[&str]) {
    let chars = password.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        errors.add(
            field,
            format!("must be at least {PASSWORD_MIN_CHARS} characters long"),
        );
    } else if chars > PASSWORD_MAX_CHARS {
        errors.add(
            field,
            format!("must be at most {PASSWORD_MAX_CHARS} characters long"),
        );
    } else if zxcvbn::zxcvbn(password, hints).score() < zxcvbn::Score::Two {
        errors.add(
            field,
            "is too common or too easy to guess; try a few unrelated words",
        );
    }
}

fn check_name(errors: &mut FieldErrors, name: &str) -> String {
    let name = errors.text("name", name, NAME_MAX_CHARS, false);
    if name.is_empty() {
        errors.add("name", "can't be blank");
    }
    name
}

#[async_trait::async_trait]
impl ActiveModelBehavior for ActiveModel {
    async fn before_save<C>(mut self, _db: &C, insert: bool) -> Result<Self, DbErr>
    where
        C: ConnectionTrait,
    {
        // A new account states its access version itself: SQLite's
        // RETURNING reads a column added by `ALTER TABLE` with a default as
        // NULL, which failed the insert.
        if insert && self.access_version.is_not_set() {
            self.access_version = Set(0);
        }
        Ok(self)
    }
}

impl Model {
    /// # Errors
    /// `EntityNotFound` when no account has this address.
    pub async fn find_by_email(db: &DatabaseConnection, email: &str) -> ModelResult<Self> {
        // No address holds a NUL, and Postgres would refuse the query.
        if email.contains('\0') {
            return Err(ModelError::EntityNotFound);
        }
        Entity::find()
            .filter(users::Column::Email.eq(normalize_email(email)))
            .one(db)
            .await?
            .ok_or(ModelError::EntityNotFound)
    }

    /// # Errors
    /// `EntityNotFound` when the id is malformed or unknown.
    pub async fn find_by_pid(db: &DatabaseConnection, pid: &str) -> ModelResult<Self> {
        let pid = Uuid::parse_str(pid).map_err(|_| ModelError::EntityNotFound)?;
        Entity::find()
            .filter(users::Column::Pid.eq(pid))
            .one(db)
            .await?
            .ok_or(ModelError::EntityNotFound)
    }

    /// Creates an account (its confirmation link is mailed by the caller:
    /// [`crate::mailers::Mail::Confirmation`]).
    ///
    /// # Errors
    /// 422 field errors for bad input or an address already registered.
    pub async fn register(db: &DatabaseConnection, params: &RegisterParams) -> Result<Self> {
        match Self::sign_up(db, params).await? {
            Signup::Created(user) => Ok(user),
            Signup::Taken(_) => Err(FieldErrors::one("email", "is already registered").into()),
        }
    }

    /// A signup from outside (the page, the API): creates the account, or
    /// finds the address taken. Both cost the same password hashing, so
    /// neither the answer nor its time tells whether an address has an
    /// account; the caller mails the owner of a taken one instead.
    ///
    /// # Errors
    /// 422 field errors for bad input; database errors.
    pub async fn sign_up(db: &DatabaseConnection, params: &RegisterParams) -> Result<Signup> {
        let mut errors = FieldErrors::new();
        let name = check_name(&mut errors, &params.name);
        let email = check_email(&mut errors, "email", &params.email);
        check_password(&mut errors, "password", &params.password, &[&name, &email]);
        errors.into_result()?;

        let password = hash::hash_password(&params.password)?;
        let txn = tenancy::begin_write(db).await?;
        if let Some(taken) = Entity::find()
            .filter(users::Column::Email.eq(&email))
            .one(&txn)
            .await?
        {
            txn.rollback().await?;
            return Ok(Signup::Taken(taken));
        }
        // No link yet: the mail job mints it when it sends the mail.
        let inserted = ActiveModel {
            pid: Set(Uuid::new_v4()),
            email: Set(email.clone()),
            password: Set(password),
            name: Set(name),
            ..Default::default()
        }
        .insert(&txn)
        .await;
        match inserted {
            Ok(user) => {
                txn.commit().await?;
                Ok(Signup::Created(user))
            }
            // Two signups for one address raced past the check above.
            Err(err)
                if matches!(
                    err.sql_err(),
                    Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
                ) =>
            {
                txn.rollback().await?;
                Ok(Signup::Taken(Self::find_by_email(db, &email).await?))
            }
            Err(err) => Err(err.into()),
        }
    }

    /// The account for these credentials, or `None`. Takes as long for an
    /// unknown address as for a wrong password, so timing reveals nothing.
    ///
    /// # Errors
    /// On database errors.
    pub async fn authenticate(
        db: &DatabaseConnection,
        email: &str,
        password: &str,
    ) -> ModelResult<Option<Self>> {
        match Self::find_by_email(db, email).await {
            Ok(user) => Ok(user.verify_password(password).then_some(user)),
            Err(ModelError::EntityNotFound) => {
                // Burn the same argon2 work as a real check.
                let _ = hash::verify_password(password, DUMMY_HASH);
                Ok(None)
            }
            Err(err) => Err(err),
        }
    }

    #[must_use]
    pub fn verify_password(&self, password: &str) -> bool {
        hash::verify_password(password, &self.password)
    }

    /// Locked by an operator: cannot sign in; sessions and tokens stop working.
    #[must_use]
    pub fn is_locked(&self) -> bool {
        self.locked_at.is_some()
    }

    #[must_use]
    pub fn is_verified(&self) -> bool {
        self.email_verified_at.is_some()
    }

    /// An address of this account still waits for its confirmation link:
    /// the first one after signup, or a new one after a change of address.
    #[must_use]
    pub fn awaits_confirmation(&self) -> bool {
        !self.is_verified() || self.pending_email.is_some()
    }

    /// Where the confirmation link goes: the new address during a change.
    #[must_use]
    pub fn address_to_confirm(&self) -> &str {
        self.pending_email.as_deref().unwrap_or(&self.email)
    }

    /// A signed API token (JWT) carrying this user's public id and access
    /// version: it stops working when their access is ended
    /// ([`super::sessions::Model::end_access`]).
    ///
    /// # Errors
    /// When signing fails.
    pub fn generate_jwt(&self, secret: &str, expiration: u64) -> ModelResult<String> {
        let mut claims = Map::new();
        claims.insert(ACCESS_VERSION_CLAIM.to_string(), self.access_version.into());
        Ok(jwt::JWT::new(secret).generate_token(expiration, self.pid.to_string(), claims)?)
    }

    /// Whether a login token's claims were issued under this user's
    /// current access version.
    #[must_use]
    pub fn issued_current(&self, claims: &Map) -> bool {
        claims
            .get(ACCESS_VERSION_CLAIM)
            .and_then(serde_json::Value::as_i64)
            == Some(i64::from(self.access_version))
    }
}

type Map = serde_json::Map<String, serde_json::Value>;

/// The claim of a login token that holds the user's access version.
const ACCESS_VERSION_CLAIM: &str = "av";

/// An argon2id hash of a random string, for [`Model::authenticate`].
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$6V6nG2K4b7b1Bq2u3f8FvY5cB0vU7rQqzK3t8p0gJ9s";

impl ActiveModel {
    fn password_matches(&self, password: &str) -> bool {
        self.password
            .try_as_ref()
            .is_some_and(|hashed| hash::verify_password(password, hashed))
    }

    /// Words a password must not be built from: the account's name and address.
    fn password_hints(&self) -> Vec<&str> {
        [self.name.try_as_ref(), self.email.try_as_ref()]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect()
    }

    /// Changes the password after checking the current one.
    ///
    /// # Errors
    /// 422 when the current password is wrong or the new one breaks the policy.
    pub async fn change_password(
        mut self,
        db: &DatabaseConnection,
        current_password: &str,
        new_password: &str,
    ) -> Result<Model> {
        let mut errors = FieldErrors::new();
        if !self.password_matches(current_password) {
            errors.add("current_password", "is not your current password");
        }
        check_password(
            &mut errors,
            "new_password",
            new_password,
            &self.password_hints(),
        );
        errors.into_result()?;
        self.password = Set(hash::hash_password(new_password)?);
        Ok(self.update(db).await?)
    }

    /// Sets the language of the member's pages and mails: a code of
    /// [`crate::i18n::Lang`], or empty to follow the browser.
    ///
    /// # Errors
    /// 422 when the code is not a language the app is translated into.
    pub async fn set_language(mut self, db: &DatabaseConnection, code: &str) -> Result<Model> {
        let code = code.trim();
        let language = if code.is_empty() {
            None
        } else {
            let lang = crate::i18n::Lang::ALL
                .into_iter()
                .find(|lang| lang.code() == code);
            let Some(lang) = lang else {
                return Err(FieldErrors::one(
                    "language",
                    "is not one of en, de, fr, es (or empty for the browser's)",
                )
                .into());
            };
            Some(lang.code().to_string())
        };
        self.language = Set(language);
        Ok(self.update(db).await?)
    }

    /// Asks to move the account to another address. Nothing changes until
    /// the link mailed to the new address ([`crate::mailers::Mail::
    /// Confirmation`]) is followed; a link mailed before stops working now,
    /// since it would confirm the new address.
    ///
    /// # Errors
    /// 422 when the password is wrong or the address is invalid or taken.
    pub async fn request_email_change(
        mut self,
        db: &DatabaseConnection,
        current_password: &str,
        new_email: &str,
    ) -> Result<Model> {
        let mut errors = FieldErrors::new();
        if !self.password_matches(current_password) {
            errors.add("current_password", "is not your current password");
        }
        let new_email = check_email(&mut errors, "new_email", new_email);
        if errors.is_empty() {
            if self.email.try_as_ref() == Some(&new_email) {
                errors.add("new_email", "is already your address");
            } else if Entity::find()
                .filter(users::Column::Email.eq(&new_email))
                .one(db)
                .await?
                .is_some()
            {
                errors.add("new_email", "is already registered");
            }
        }
        errors.into_result()?;
        self.pending_email = Set(Some(new_email));
        self.verification_token_hash = Set(None);
        self.verification_sent_at = Set(None);
        Ok(self.update(db).await?)
    }

    /// Deletes the account after checking its password; sessions and
    /// memberships go with it. A workspace it owns alone goes too (returned,
    /// for the purge job); one it owns with other members must change hands
    /// first, so that no workspace is left without its owner. The last
    /// superadmin who can sign in stays.
    ///
    /// # Errors
    /// 422 when the password is wrong, a shared workspace is owned or this
    /// is the last superadmin.
    pub async fn delete_account(
        self,
        db: &DatabaseConnection,
        password: &str,
    ) -> Result<Vec<Uuid>> {
        if !self.password_matches(password) {
            return Err(FieldErrors::one("password", "is not your current password").into());
        }
        self.remove(db).await
    }

    /// Deletes the account as [`ActiveModel::delete_account`] does, without
    /// its password (an operator, who confirmed with their own).
    ///
    /// # Errors
    /// 422 when a shared workspace is owned or this is the last superadmin.
    pub async fn remove(self, db: &DatabaseConnection) -> Result<Vec<Uuid>> {
        let Some(user_id) = self.id.try_as_ref().copied() else {
            return Err(Error::NotFound);
        };
        let txn = tenancy::begin(
            db,
            Scope {
                user_id: Some(user_id),
                ..Scope::default()
            },
        )
        .await?;
        // Whether they own a workspace alone, and whether another
        // superadmin remains, must still hold at the commit: take the locks
        // of both first (the workspaces in one order, so that two of these
        // never wait for each other).
        let theirs: Vec<WorkspaceId> = memberships::Entity::find()
            .filter(memberships::Column::UserId.eq(user_id))
            .select_only()
            .column(memberships::Column::WorkspaceId)
            .order_by_asc(memberships::Column::WorkspaceId)
            .into_tuple()
            .all(&txn)
            .await?;
        for workspace_id in theirs {
            tenancy::lock_workspace(&txn, workspace_id).await?;
        }
        if !super::platform::superadmin_remains(&txn, user_id).await? {
            return Err(FieldErrors::one(
                "account",
                "is the last superadmin; make someone else superadmin first",
            )
            .into());
        }
        let owned = memberships::Entity::find()
            .filter(memberships::Column::UserId.eq(user_id))
            .filter(memberships::Column::Role.eq(Role::Owner.as_str()))
            .find_also_related(workspaces::Entity)
            .all(&txn)
            .await?;
        let mut leaving = Vec::new();
        for (_, workspace) in owned {
            let Some(workspace) = workspace.filter(|w| w.deleting_at.is_none()) else {
                continue;
            };
            tenancy::enter_workspace(&txn, workspace.id).await?;
            let members = memberships::Entity::find()
                .in_tenant(workspace.id)
                .count(&txn)
                .await?;
            if members > 1 {
                return Err(FieldErrors::one(
                    "account",
                    format!(
                        "you own \"{}\" together with others; make one of them its owner first",
                        workspace.name
                    ),
                )
                .into());
            }
            let pid = workspace.pid;
            let mut marked = workspace.into_active_model();
            marked.deleting_at = Set(Some(Utc::now().into()));
            marked.update(&txn).await?;
            leaving.push(pid);
        }
        self.delete(&txn).await?;
        txn.commit().await?;
        Ok(leaving)
    }
}
