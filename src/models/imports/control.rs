//! Progress and cancellation of running imports, in memory: on SQLite the
//! import's write transaction blocks every other writer, and there the web
//! server and the job share one process anyway.

use std::{collections::HashMap, sync::Mutex};

/// What the running imports have done so far, and which were cancelled, in
/// this process.
#[derive(Debug, Default)]
pub struct ImportControl {
    state: Mutex<HashMap<i64, (i32, bool)>>,
}

impl ImportControl {
    fn update<T>(&self, f: impl FnOnce(&mut HashMap<i64, (i32, bool)>) -> T) -> T {
        let mut state = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut state)
    }

    /// Rows processed so far by a running import of this process.
    #[must_use]
    pub fn processed(&self, import_id: i64) -> Option<i32> {
        self.update(|s| s.get(&import_id).map(|p| p.0))
    }

    pub fn cancel(&self, import_id: i64) {
        self.update(|s| s.entry(import_id).or_default().1 = true);
    }

    pub(super) fn report(&self, import_id: i64, processed: i32) -> bool {
        self.update(|s| {
            let entry = s.entry(import_id).or_default();
            entry.0 = processed;
            entry.1
        })
    }

    pub(super) fn finish(&self, import_id: i64) {
        self.update(|s| s.remove(&import_id));
    }
}
