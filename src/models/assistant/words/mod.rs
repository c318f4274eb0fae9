//! Turning a message into words: splitting, numbers, months and
//! weekdays, plurals and near misses. The word lists the assistant knows
//! (currency signs, filler words, the everyday names of the default
//! categories) are in [`lists`].

mod lists;

pub use lists::*;

/// One word of a message, lower-cased, with a possessive `'s` removed and
/// remembered ("Sam's" → `sam`, possessive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub possessive: bool,
}
#[must_use]
pub fn month_number(word: &str) -> Option<u32> {
    // English, then German, French and Spanish names (with and without
    // accents, as people type them on a phone).
    const MONTHS: [&[&str]; 12] = [
        &["jan", "january", "januar", "jänner", "janvier", "enero"],
        &[
            "feb", "february", "februar", "février", "fevrier", "febrero",
        ],
        &["mar", "march", "märz", "maerz", "marz", "mars", "marzo"],
        &["apr", "april", "avril", "abril"],
        &["may", "mai", "mayo"],
        &["jun", "june", "juni", "juin", "junio"],
        &["jul", "july", "juli", "juillet", "julio"],
        &["aug", "august", "août", "aout", "agosto"],
        &[
            "sep",
            "sept",
            "september",
            "septembre",
            "septiembre",
            "setiembre",
        ],
        &["oct", "october", "oktober", "octobre", "octubre"],
        &["nov", "november", "novembre", "noviembre"],
        &[
            "dec",
            "december",
            "dezember",
            "décembre",
            "decembre",
            "diciembre",
        ],
    ];
    MONTHS
        .iter()
        .position(|names| names.contains(&word))
        .and_then(|i| u32::try_from(i + 1).ok())
}

#[must_use]
pub fn weekday(word: &str) -> Option<chrono::Weekday> {
    use chrono::Weekday::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};
    Some(match word {
        "monday" | "mon" | "montag" | "lundi" | "lunes" => Mon,
        "tuesday" | "tue" | "tues" | "dienstag" | "mardi" | "martes" => Tue,
        "wednesday" | "wed" | "mittwoch" | "mercredi" | "miércoles" | "miercoles" => Wed,
        "thursday" | "thu" | "thurs" | "donnerstag" | "jeudi" | "jueves" => Thu,
        "friday" | "fri" | "freitag" | "vendredi" | "viernes" => Fri,
        "saturday" | "sat" | "samstag" | "samedi" | "sábado" | "sabado" => Sat,
        "sunday" | "sun" | "sonntag" | "dimanche" | "domingo" => Sun,
        _ => return None,
    })
}

/// A day of the month as written: `3`, `3rd`, `21st`.
#[must_use]
pub fn day_number(word: &str) -> Option<u32> {
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .unwrap_or(word);
    digits
        .parse()
        .ok()
        .filter(|d| (1..=31).contains(d) && digits.len() <= 2)
}

#[must_use]
pub fn year_number(word: &str) -> Option<i32> {
    (word.len() == 4)
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1990..=2100).contains(y))
}

/// A plain number as typed (`4.50`, `1200`), not a day like `3rd`.
#[must_use]
pub fn is_number(word: &str) -> bool {
    let (whole, fraction) = word.split_once('.').unwrap_or((word, ""));
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.len() <= 3
        && fraction.bytes().all(|b| b.is_ascii_digit())
        && !word.ends_with('.')
}

/// The words of a message. Thousands separators go (`1,200` → `1200`), a
/// decimal comma becomes a point (`4,50` → `4.50`), currency signs become
/// words of their own (`$4.50` → `$`, `4.50`), and punctuation ends words.
#[must_use]
pub fn split(message: &str) -> Vec<Word> {
    let chars: Vec<char> = message.chars().collect();
    let mut words: Vec<Word> = Vec::new();
    let mut current = String::new();
    let mut possessive = false;
    let flush = |current: &mut String, possessive: &mut bool, words: &mut Vec<Word>| {
        if !current.is_empty() {
            words.push(Word {
                text: std::mem::take(current),
                possessive: *possessive,
            });
        }
        *possessive = false;
    };
    let digits_after = |from: usize| {
        chars[from..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev_digit = i > 0 && chars[i - 1].is_ascii_digit();
        let next = chars.get(i + 1).copied();
        match c {
            ',' if prev_digit && next.is_some_and(|n| n.is_ascii_digit()) => {
                match digits_after(i + 1) {
                    3 => {}
                    1 | 2 => current.push('.'),
                    _ => flush(&mut current, &mut possessive, &mut words),
                }
            }
            // "1.234,56": a point before three digits and a decimal comma
            // groups thousands.
            '.' if prev_digit
                && digits_after(i + 1) == 3
                && chars.get(i + 4) == Some(&',')
                && chars.get(i + 5).is_some_and(char::is_ascii_digit) => {}
            '.' if prev_digit && next.is_some_and(|n| n.is_ascii_digit()) => current.push('.'),
            '\'' | '’' => {
                let s_then_end = next.is_some_and(|n| n.eq_ignore_ascii_case(&'s'))
                    && chars.get(i + 2).is_none_or(|n| !n.is_alphanumeric());
                if s_then_end && !current.is_empty() {
                    possessive = current != "it" && current != "what" && current != "who";
                    i += 1;
                } else if ELIDED.contains(&current.as_str())
                    && next.is_some_and(char::is_alphabetic)
                {
                    // French "l'épicerie", "qu'est-ce": the article is a
                    // word of its own.
                    flush(&mut current, &mut possessive, &mut words);
                }
            }
            '-' | '/' if !current.is_empty() && next.is_some_and(char::is_alphanumeric) => {
                current.push(c);
            }
            c if SIGNS.iter().any(|(sign, _)| *sign == c) => {
                flush(&mut current, &mut possessive, &mut words);
                current.push(c);
                flush(&mut current, &mut possessive, &mut words);
            }
            c if c.is_alphanumeric() => current.extend(c.to_lowercase()),
            _ => flush(&mut current, &mut possessive, &mut words),
        }
        i += 1;
    }
    flush(&mut current, &mut possessive, &mut words);
    words
}

/// `groceries` → `grocery`, `taxis` → `taxi`: enough English plurals to
/// compare a word with a name.
#[must_use]
pub fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies") {
        if stem.len() >= 2 {
            return format!("{stem}y");
        }
    }
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}

/// How far apart two words may be and still be the same name: none for
/// short words, one typo from five letters, two from nine.
#[must_use]
pub fn close(a: &str, b: &str) -> bool {
    let shorter = a.chars().count().min(b.chars().count());
    let allowed = match shorter {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    };
    strsim::damerau_levenshtein(a, b) <= allowed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(message: &str) -> Vec<String> {
        split(message).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn splits_numbers_signs_and_possessives() {
        assert_eq!(
            texts("Coffee $4.50, yesterday."),
            ["coffee", "$", "4.50", "yesterday"]
        );
        assert_eq!(
            texts("rent 1,200 on 2026-11-01"),
            ["rent", "1200", "on", "2026-11-01"]
        );
        assert_eq!(texts("lunch 12,5€"), ["lunch", "12.5", "€"]);
        let sam = split("Sam's groceries");
        assert!(sam[0].possessive && sam[0].text == "sam");
        assert!(!split("what's left")[0].possessive);
    }

    #[test]
    fn matches_names_with_typos_only_when_long_enough() {
        assert!(close("groceris", "groceries"));
        assert!(!close("gas", "tax"));
        assert_eq!(singular("groceries"), "grocery");
        assert_eq!(singular("bus"), "bus");
    }
}
