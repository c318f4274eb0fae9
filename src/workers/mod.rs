pub mod expense_import;
pub mod mail_delivery;
pub mod workspace_purge;
