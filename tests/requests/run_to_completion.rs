//! A request whose client goes away still finishes its work, so its
//! database transaction commits or rolls back instead of being abandoned.

use std::{
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    time::Duration,
};

use axum::{body::Body, http::Request, routing::get, Router};
use smartexpense::controllers::support::run_to_completion::run_to_completion;
use tower::ServiceExt;

#[tokio::test]
async fn a_request_dropped_by_its_client_still_runs_to_the_end() {
    let finished = Arc::new(AtomicBool::new(false));
    let flag = finished.clone();
    let app = Router::new()
        .route(
            "/slow",
            get(move || {
                let flag = flag.clone();
                async move {
                    tokio::time::sleep(Duration::from_millis(200)).await;
                    flag.store(true, Ordering::SeqCst);
                    "done"
                }
            }),
        )
        .layer(axum::middleware::from_fn(run_to_completion));

    // The client gives up after 20 ms: its future is dropped.
    let request = Request::get("/slow").body(Body::empty()).unwrap();
    let gave_up =
        tokio::time::timeout(Duration::from_millis(20), app.clone().oneshot(request)).await;
    assert!(gave_up.is_err(), "the client stopped waiting");
    assert!(!finished.load(Ordering::SeqCst));

    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(
        finished.load(Ordering::SeqCst),
        "the handler ran to its end anyway"
    );

    // Without the layer the same handler is cancelled with its client.
    let cancelled = Arc::new(AtomicBool::new(false));
    let flag = cancelled.clone();
    let bare = Router::new().route(
        "/slow",
        get(move || {
            let flag = flag.clone();
            async move {
                tokio::time::sleep(Duration::from_millis(200)).await;
                flag.store(true, Ordering::SeqCst);
                "done"
            }
        }),
    );
    let request = Request::get("/slow").body(Body::empty()).unwrap();
    let _ = tokio::time::timeout(Duration::from_millis(20), bare.oneshot(request)).await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(!cancelled.load(Ordering::SeqCst));
}
