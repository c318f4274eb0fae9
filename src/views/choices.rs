//! The fixed lists forms choose from, as the templates' `currencies()` and
//! `time_zones()` functions give them: a select instead of a box where a
//! typo is refused only after sending.

use std::sync::LazyLock;

use iso_currency::{Currency, IntoEnumIterator};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct CurrencyChoice {
    pub code: &'static str,
    /// "EUR · Euro".
    pub label: String,
}

/// The currencies in use (no funds, metals or codes replaced by others),
/// by code.
pub fn currencies() -> &'static [CurrencyChoice] {
    static ALL: LazyLock<Vec<CurrencyChoice>> = LazyLock::new(|| {
        let mut all: Vec<CurrencyChoice> = Currency::iter()
            .filter(|c| !c.is_fund() && !c.is_special() && c.is_superseded().is_none())
            .map(|c| CurrencyChoice {
                code: c.code(),
                label: format!("{} · {}", c.code(), c.name()),
            })
            .collect();
        all.sort_by_key(|c| c.code);
        all
    });
    &ALL
}

/// The IANA time zones, by name (`Europe/Berlin`), UTC first.
pub fn time_zones() -> &'static [&'static str] {
    static ALL: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let mut all: Vec<&'static str> = chrono_tz::TZ_VARIANTS
            .iter()
            .map(|tz| tz.name())
            .filter(|name| name.contains('/') && !name.starts_with("Etc/"))
            .collect();
        all.sort_unstable();
        all.insert(0, "UTC");
        all
    });
    &ALL
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_is_one_the_workspace_accepts() {
        assert!(currencies().iter().any(|c| c.code == "EUR"));
        assert!(currencies()
            .iter()
            .all(|c| crate::models::money::currency(c.code).is_some()));
        assert!(time_zones().contains(&"Europe/Berlin"));
        assert!(time_zones()
            .iter()
            .all(|z| z.parse::<chrono_tz::Tz>().is_ok()));
    }
}
