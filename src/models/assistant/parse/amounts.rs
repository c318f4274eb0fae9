//! Numbers in a message: amounts with their currency, and counts ("top 3").

use super::{
    super::words::{is_number, CODES, CURRENCY_WORDS, SIGNS},
    Reading, TOP_DEFAULT, TOP_MAX,
};

/// A number in the message that could be an amount.
#[derive(Debug, Clone)]
pub(super) struct Amount {
    pub(super) at: usize,
    pub(super) text: String,
    /// The currency written next to it, if any.
    pub(super) currency: Option<String>,
}

/// The numbers not used by dates or counts, with the currency written next
/// to them (a sign or code before or after).
pub(super) fn amounts(r: &mut Reading<'_>) -> Vec<Amount> {
    let base = r.vocab.currency.clone();
    // A sign the workspace's currency is written with means that currency
    // ("$" in a CAD workspace); otherwise its most common one.
    let of_sign = |sign: char| -> Option<String> {
        let (_, code) = SIGNS.iter().find(|(s, _)| *s == sign)?;
        let same = money_symbol(&base).is_some_and(|s| s == sign.to_string());
        Some(if same {
            base.clone()
        } else {
            (*code).to_string()
        })
    };
    let currency_of = |word: &str| -> Option<String> {
        let mut chars = word.chars();
        if let (Some(sign), None) = (chars.next(), chars.next()) {
            if let Some(code) = of_sign(sign) {
                return Some(code);
            }
        }
        if CODES.contains(&word) || word == base.to_lowercase() {
            return Some(word.to_uppercase());
        }
        CURRENCY_WORDS
            .iter()
            .find(|(w, _)| *w == word)
            .and_then(|(_, sign)| of_sign(*sign))
    };
    let mut found = Vec::new();
    for i in 0..r.words.len() {
        if r.used[i] || !is_number(r.word(i)) {
            continue;
        }
        let before = if i == 0 {
            None
        } else {
            currency_of(r.word(i - 1))
        };
        let after = currency_of(r.word(i + 1));
        if before.is_some() && i > 0 {
            r.mark(i - 1, 1);
        }
        if after.is_some() {
            r.mark(i + 1, 1);
        }
        found.push(Amount {
            at: i,
            text: r.word(i).to_string(),
            currency: before.or(after),
        });
    }
    found
}

/// The symbol the workspace's currency is written with.
pub(super) fn money_symbol(code: &str) -> Option<String> {
    crate::models::money::currency(code).map(|c| c.symbol().to_string())
}

impl Reading<'_> {
    /// A count asked for: "top 3", "5 biggest", "10 largest expenses".
    pub(super) fn count(&mut self) -> u64 {
        for i in 0..self.words.len() {
            if self.used[i] || !self.word(i).bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            let before = if i == 0 { "" } else { self.word(i - 1) };
            let after = self.word(i + 1);
            let counted = matches!(before, "top" | "biggest" | "largest" | "last")
                || matches!(
                    after,
                    "biggest" | "largest" | "expenses" | "purchases" | "most" | "highest" | "top"
                );
            if let (true, Ok(n)) = (counted, self.word(i).parse::<u64>()) {
                self.mark(i, 1);
                return n.clamp(1, TOP_MAX);
            }
        }
        TOP_DEFAULT
    }
}
