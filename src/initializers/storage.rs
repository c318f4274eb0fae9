//! The file store for receipts and archives, chosen by `settings.storage`.

use loco_rs::{
    storage::drivers::{aws, local, StoreDriver},
    Error, Result,
};

use crate::settings::StorageSettings;

/// Where files are kept: a folder (created when missing) or an
/// S3-compatible bucket, addressed path-style (`endpoint/bucket/key`), which
/// AWS and MinIO-style servers both answer.
pub fn file_store(settings: &StorageSettings) -> Result<Box<dyn StoreDriver>> {
    if settings.driver == "s3" {
        // Another part may have installed the provider already: fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
        opendal_http_transport_reqwest::install_default();
        let credential = aws::Credential {
            key_id: settings.access_key_id.clone(),
            secret_key: settings.secret_access_key.clone(),
            token: None,
        };
        return Ok(if settings.endpoint.is_empty() {
            aws::with_credentials(&settings.bucket, &settings.region, credential)?
        } else {
            aws::with_credentials_and_endpoint(
                &settings.bucket,
                &settings.region,
                &settings.endpoint,
                credential,
            )?
        });
    }
    std::fs::create_dir_all(&settings.folder).map_err(|err| {
        Error::string(&format!(
            "config: settings.storage.folder {}: {err}",
            settings.folder.display()
        ))
    })?;
    Ok(local::new_with_prefix(&settings.folder)?)
}
