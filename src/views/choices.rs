//! The fixed lists forms choose from, as the templates' `currencies()` and
//! `time_zones()` functions give them: a select instead of a box where a
//! typo is refused only after sending.

use std::sync::LazyLock;

use iso_currency::{Currency, IntoEnumIterator};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct CurrencyChoice {
    pub code: String,
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
                code: c.code().to_string(),
                label: format!("{} · {}", c.code(), c.name()),
            })
            .collect();
        all.sort_by(|a, b| a.code.cmp(&b.code));
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

/// The currencies, with `current` first when the list leaves it out (a
/// workspace on a code the list does not offer keeps it: a select would
/// otherwise send the first one, and saving the form would change it).
pub fn currencies_with(current: Option<&str>) -> Vec<CurrencyChoice> {
    let mut list = currencies().to_vec();
    if let Some(code) = current
        .map(|c| c.trim().to_uppercase())
        .filter(|c| !c.is_empty())
    {
        if !list.iter().any(|c| c.code == code) {
            list.insert(
                0,
                CurrencyChoice {
                    label: code.clone(),
                    code,
                },
            );
        }
    }
    list
}

/// The time zones, with `current` first when the list leaves it out.
pub fn time_zones_with(current: Option<&str>) -> Vec<String> {
    let mut list: Vec<String> = time_zones().iter().map(|z| (*z).to_string()).collect();
    if let Some(zone) = current.map(str::trim).filter(|z| !z.is_empty()) {
        if !list.iter().any(|z| z == zone) {
            list.insert(0, zone.to_string());
        }
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_is_one_the_workspace_accepts() {
        assert!(currencies().iter().any(|c| c.code == "EUR"));
        assert!(currencies()
            .iter()
            .all(|c| crate::models::money::currency(&c.code).is_some()));
        // A setting the lists leave out stays, first.
        assert_eq!(currencies_with(Some("XAU"))[0].code, "XAU");
        assert_eq!(currencies_with(Some("EUR")).len(), currencies().len());
        assert_eq!(time_zones_with(Some("Etc/GMT-2"))[0], "Etc/GMT-2");
        assert!(time_zones().contains(&"Europe/Berlin"));
        assert!(time_zones()
            .iter()
            .all(|z| z.parse::<chrono_tz::Tz>().is_ok()));
    }
}
