//! The file store for receipts and archives, chosen by `settings.storage`.

use std::time::Duration;

use axum::http::{Request, Response};
use loco_rs::{
    storage::drivers::{local, opendal_adapter::OpendalAdapter, StoreDriver},
    Error, Result,
};
use opendal::{
    services::S3, Buffer, ErrorKind, HttpBody, HttpTransport, HttpTransporter, OperationContext,
    Operator,
};
use opendal_http_transport_reqwest::ReqwestTransport;

use crate::settings::StorageSettings;

/// Where files are kept: a folder (created when missing) or an
/// S3-compatible bucket, addressed path-style (`endpoint/bucket/key`), which
/// AWS and MinIO-style servers both answer.
pub fn file_store(settings: &StorageSettings) -> Result<Box<dyn StoreDriver>> {
    if settings.driver == "s3" {
        return s3_store(settings);
    }
    std::fs::create_dir_all(&settings.folder).map_err(|err| {
        Error::string(&format!(
            "config: settings.storage.folder {}: {err}",
            settings.folder.display()
        ))
    })?;
    Ok(local::new_with_prefix(&settings.folder)?)
}

/// The S3 store, speaking HTTP through a client of its own with the time
/// limits of the settings (opendal's default client has none, so a bucket
/// that stops answering held a request, or a job, forever).
fn s3_store(settings: &StorageSettings) -> Result<Box<dyn StoreDriver>> {
    // Another part may have installed the provider already: fine.
    let _ = rustls::crypto::ring::default_provider().install_default();
    opendal_http_transport_reqwest::install_default();
    let answer_within = Duration::from_millis(settings.timeout_ms);
    let client = reqwest::Client::builder()
        .connect_timeout(Duration::from_millis(settings.connect_timeout_ms))
        .read_timeout(answer_within)
        .build()
        .map_err(|err| Error::string(&format!("storage: HTTP client: {err}")))?;
    let transport = TimedTransport {
        inner: ReqwestTransport::new(client),
        answer_within,
    };
    let mut s3 = S3::default()
        .bucket(&settings.bucket)
        .region(&settings.region)
        .access_key_id(&settings.access_key_id)
        .secret_access_key(&settings.secret_access_key);
    if !settings.endpoint.is_empty() {
        s3 = s3.endpoint(&settings.endpoint);
    }
    let operator = Operator::new(s3)
        .map_err(|err| Error::string(&format!("storage: {err}")))?
        .with_context(OperationContext::new().with_http_transport(HttpTransporter::new(transport)));
    Ok(Box::new(OpendalAdapter::new(operator)))
}

/// HTTP for the store: the answer must start within `answer_within` (the
/// whole request body sent, which reqwest's read timeout does not cover).
/// A call past its time, or past the connect or read timeout, fails as
/// permanent, so opendal's retry layer gives up at once instead of waiting
/// four times as long.
struct TimedTransport {
    inner: ReqwestTransport,
    answer_within: Duration,
}

impl HttpTransport for TimedTransport {
    async fn fetch(&self, req: Request<Buffer>) -> opendal::Result<Response<HttpBody>> {
        let timed_out = || {
            opendal::Error::new(
                ErrorKind::Unexpected,
                format!(
                    "storage did not answer within {} ms",
                    self.answer_within.as_millis()
                ),
            )
        };
        match tokio::time::timeout(self.answer_within, self.inner.fetch(req)).await {
            Err(_) => Err(timed_out()),
            Ok(Err(err)) if is_timeout(&err) => Err(timed_out().set_source(err)),
            Ok(answer) => answer,
        }
    }
}

/// Whether reqwest gave up on a connect or read timeout.
fn is_timeout(err: &opendal::Error) -> bool {
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        if cause
            .downcast_ref::<reqwest::Error>()
            .is_some_and(reqwest::Error::is_timeout)
        {
            return true;
        }
        source = cause.source();
    }
    false
}
