//! Messages worded in English by the code, read in another language: a
//! table of wordings (regular expressions of whole messages whose named
//! groups are the message's parts), each with its Fluent message. Used by
//! the field messages and refusals (`field_messages`) and by the audit
//! log's summaries (`audit_summaries`).

use std::{borrow::Cow, collections::HashMap};

use fluent_templates::fluent_bundle::FluentValue;
use regex::Regex;

use super::Lang;

/// A table of wordings as regular expressions of whole messages (a wording
/// that does not compile is left out, which the tests rule out).
pub fn compile(wordings: &[(&str, &'static str)]) -> Vec<(Regex, &'static str)> {
    wordings
        .iter()
        .filter_map(|(wording, key)| {
            Regex::new(&format!("^(?:{wording})$"))
                .ok()
                .map(|re| (re, *key))
        })
        .collect()
}

/// A part of a message as a Fluent argument: a count is a number, so that
/// plurals can choose; anything else (a name such as "0815" or "+5")
/// stays the text it was.
pub fn number_or_text(part: &str) -> FluentValue<'static> {
    match part.parse::<i64>() {
        Ok(n) if n.to_string() == part => FluentValue::from(n),
        _ => FluentValue::from(part.to_string()),
    }
}

/// `english` in `lang` through the first wording of `table` it matches,
/// its named parts made arguments by `value(name, part)`; a wording the
/// table lacks, or any message in English, as it is.
pub fn translate(
    table: &[(Regex, &'static str)],
    lang: Lang,
    english: &str,
    value: impl Fn(&str, &str) -> FluentValue<'static>,
) -> String {
    if lang == Lang::En {
        return english.to_string();
    }
    table
        .iter()
        .find_map(|(re, key)| {
            let found = re.captures(english)?;
            let args: HashMap<Cow<'static, str>, FluentValue> = re
                .capture_names()
                .flatten()
                .filter_map(|name| {
                    let part = found.name(name)?.as_str();
                    Some((Cow::Owned(name.to_string()), value(name, part)))
                })
                .collect();
            lang.try_text(key, &args)
        })
        .unwrap_or_else(|| english.to_string())
}

/// Every wording of `table` compiles and names a message every language
/// has, for the tables' own tests.
#[cfg(test)]
pub fn assert_complete(wordings: &[(&str, &'static str)], table: &[(Regex, &'static str)]) {
    assert_eq!(table.len(), wordings.len(), "a wording does not compile");
    for (re, key) in table {
        let args: HashMap<Cow<'static, str>, FluentValue> = re
            .capture_names()
            .flatten()
            .map(|name| (Cow::Owned(name.to_string()), FluentValue::from("1")))
            .collect();
        for lang in Lang::ALL {
            assert!(lang.try_text(key, &args).is_some(), "{key} in {lang:?}");
        }
    }
}
