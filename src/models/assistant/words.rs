//! Turning a message into words, and the word lists the assistant knows:
//! months, weekdays, currency signs, filler words, and the everyday names
//! people use for the default categories.

/// One word of a message, lower-cased, with a possessive `'s` removed and
/// remembered ("Sam's" → `sam`, possessive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub possessive: bool,
}

/// Currency signs and what they most often mean; a sign the workspace's
/// own currency uses means that currency instead (`$` in a CAD workspace).
pub const SIGNS: &[(char, &str)] = &[
    ('$', "USD"),
    ('€', "EUR"),
    ('£', "GBP"),
    ('¥', "JPY"),
    ('₹', "INR"),
    ('₩', "KRW"),
    ('₽', "RUB"),
    ('₺', "TRY"),
    ('₪', "ILS"),
    ('฿', "THB"),
    ('₫', "VND"),
    ('₱', "PHP"),
    ('₦', "NGN"),
];

/// Currency codes read as such next to a number. Only common ones: ISO 4217
/// also has codes that are English words ("top", "all", "try", "cup").
pub const CODES: &[&str] = &[
    "usd", "eur", "gbp", "jpy", "chf", "cad", "aud", "nzd", "sek", "nok", "dkk", "pln", "czk",
    "huf", "inr", "cny", "brl", "mxn", "zar", "sgd", "hkd", "krw",
];

/// Currency words and the sign they stand for.
pub const CURRENCY_WORDS: &[(&str, char)] = &[
    ("dollars", '$'),
    ("dollar", '$'),
    ("bucks", '$'),
    ("euros", '€'),
    ("euro", '€'),
    ("pounds", '£'),
    ("quid", '£'),
    ("yen", '¥'),
    ("rupees", '₹'),
];

/// Everyday words for the default categories (see
/// `categories::DEFAULTS`); a word counts only when the workspace has a
/// category of that name, and a word naming two (`food`) asks which.
pub const SYNONYMS: &[(&str, &[&str])] = &[
    ("grocery", &["Groceries"]),
    ("supermarket", &["Groceries"]),
    ("food", &["Groceries", "Dining out"]),
    ("rent", &["Housing"]),
    ("mortgage", &["Housing"]),
    ("home", &["Housing"]),
    ("electricity", &["Utilities"]),
    ("water", &["Utilities"]),
    ("internet", &["Utilities"]),
    ("bills", &["Utilities"]),
    ("transportation", &["Transport"]),
    ("commute", &["Transport"]),
    ("fuel", &["Transport"]),
    ("petrol", &["Transport"]),
    ("gas", &["Transport", "Utilities"]),
    ("taxi", &["Transport"]),
    ("bus", &["Transport"]),
    ("train", &["Transport"]),
    ("car", &["Transport"]),
    ("restaurant", &["Dining out"]),
    ("restaurants", &["Dining out"]),
    ("eating", &["Dining out"]),
    ("takeaway", &["Dining out"]),
    ("takeout", &["Dining out"]),
    ("doctor", &["Health"]),
    ("pharmacy", &["Health"]),
    ("medicine", &["Health"]),
    ("movies", &["Entertainment"]),
    ("cinema", &["Entertainment"]),
    ("clothes", &["Shopping"]),
    ("holiday", &["Travel"]),
    ("holidays", &["Travel"]),
    ("vacation", &["Travel"]),
    ("flights", &["Travel"]),
    ("hotel", &["Travel"]),
    // German.
    ("lebensmittel", &["Groceries"]),
    ("supermarkt", &["Groceries"]),
    ("einkauf", &["Groceries"]),
    ("einkäufe", &["Groceries"]),
    ("essen", &["Groceries", "Dining out"]),
    ("miete", &["Housing"]),
    ("wohnung", &["Housing"]),
    ("strom", &["Utilities"]),
    ("wasser", &["Utilities"]),
    ("nebenkosten", &["Utilities"]),
    ("benzin", &["Transport"]),
    ("tanken", &["Transport"]),
    ("bahn", &["Transport"]),
    ("zug", &["Transport"]),
    ("auto", &["Transport"]),
    ("arzt", &["Health"]),
    ("apotheke", &["Health"]),
    ("gesundheit", &["Health"]),
    ("kino", &["Entertainment"]),
    ("kleidung", &["Shopping"]),
    ("urlaub", &["Travel"]),
    ("reise", &["Travel"]),
    ("reisen", &["Travel"]),
    // French.
    ("courses", &["Groceries"]),
    ("épicerie", &["Groceries"]),
    ("supermarché", &["Groceries"]),
    ("alimentation", &["Groceries"]),
    ("nourriture", &["Groceries", "Dining out"]),
    ("loyer", &["Housing"]),
    ("logement", &["Housing"]),
    ("électricité", &["Utilities"]),
    ("eau", &["Utilities"]),
    ("essence", &["Transport"]),
    ("voiture", &["Transport"]),
    ("resto", &["Dining out"]),
    ("médecin", &["Health"]),
    ("pharmacie", &["Health"]),
    ("santé", &["Health"]),
    ("cinéma", &["Entertainment"]),
    ("vêtements", &["Shopping"]),
    ("vacances", &["Travel"]),
    ("voyage", &["Travel"]),
    ("voyages", &["Travel"]),
    // Spanish.
    ("comestibles", &["Groceries"]),
    ("supermercado", &["Groceries"]),
    ("comida", &["Groceries", "Dining out"]),
    ("alquiler", &["Housing"]),
    ("vivienda", &["Housing"]),
    ("luz", &["Utilities"]),
    ("agua", &["Utilities"]),
    ("gasolina", &["Transport"]),
    ("coche", &["Transport"]),
    ("transporte", &["Transport"]),
    ("restaurante", &["Dining out"]),
    ("restaurantes", &["Dining out"]),
    ("médico", &["Health"]),
    ("farmacia", &["Health"]),
    ("salud", &["Health"]),
    ("cine", &["Entertainment"]),
    ("ropa", &["Shopping"]),
    ("vacaciones", &["Travel"]),
    ("viaje", &["Travel"]),
    ("viajes", &["Travel"]),
];

/// Words that never name a category, a member or what an expense was for.
pub const FILLER: &[&str] = &[
    "a",
    "about",
    "across",
    "add",
    "all",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "bought",
    "by",
    "can",
    "cost",
    "costs",
    "could",
    "did",
    "do",
    "does",
    "done",
    "each",
    "ever",
    "expense",
    "expenses",
    "far",
    "for",
    "from",
    "get",
    "give",
    "got",
    "had",
    "has",
    "have",
    "how",
    "i",
    "in",
    "into",
    "is",
    "it",
    "just",
    "let",
    "list",
    "log",
    "lot",
    "made",
    "make",
    "me",
    "money",
    "month",
    "much",
    "my",
    "new",
    "note",
    "of",
    "on",
    "our",
    "out",
    "over",
    "paid",
    "pay",
    "please",
    "purchase",
    "purchases",
    "put",
    "record",
    "show",
    "so",
    "some",
    "spend",
    "spending",
    "spends",
    "spent",
    "tell",
    "than",
    "that",
    "the",
    "there",
    "these",
    "this",
    "those",
    "through",
    "to",
    "total",
    "up",
    "us",
    "was",
    "we",
    "were",
    "what",
    "whats",
    "when",
    "where",
    "which",
    "who",
    "will",
    "with",
    "would",
    "you",
    "your",
];

/// Words the reader acts on without naming anything by them: what a
/// question asks (`owe`, `biggest`, `compare`...), how dates are said
/// (`since`, `ago`), and words for everyone in the workspace. A question's
/// word that is none of these, no filler, no date and no name is a word it
/// did not understand.
pub const TALK: &[&str] = &[
    "ago",
    "all",
    "altogether",
    "amount",
    "anything",
    "average",
    "avg",
    "balance",
    "balances",
    "before",
    "between",
    "big",
    "biggest",
    "bill",
    "bills",
    "breakdown",
    "budget",
    "budgets",
    "categories",
    "category",
    "compare",
    "compared",
    "comparison",
    "costliest",
    "current",
    "date",
    "day",
    "days",
    "debt",
    "debts",
    "difference",
    "doing",
    "each",
    "else",
    "even",
    "everybody",
    "everyone",
    "everything",
    "expenditure",
    "family",
    "go",
    "goes",
    "going",
    "gone",
    "highest",
    "household",
    "hows",
    "largest",
    "least",
    "left",
    "less",
    "limit",
    "limits",
    "looking",
    "major",
    "many",
    "mean",
    "more",
    "most",
    "month",
    "monthly",
    "need",
    "normally",
    "okay",
    "ok",
    "overall",
    "owe",
    "owed",
    "owes",
    "owing",
    "past",
    "per",
    "previous",
    "priciest",
    "prior",
    "remain",
    "remaining",
    "settle",
    "since",
    "so far",
    "square",
    "status",
    "stuff",
    "team",
    "things",
    "thing",
    "together",
    "tonight",
    "top",
    "track",
    "typical",
    "typically",
    "under",
    "usually",
    "versus",
    "vs",
    "went",
    "whom",
    "ytd",
    "expensive",
    "bill",
    "bills",
    "cost",
    "costs",
    "paid",
    "pays",
    "spend",
    "spent",
    "spending",
    "spends",
    "total",
    "much",
];

/// French words written with an apostrophe before the next word ("l'",
/// "qu'", "d'"); not inside a word ("aujourd'hui").
const ELIDED: &[&str] = &["l", "d", "j", "qu", "n", "m", "t", "s", "c"];

/// Words that make a message a question rather than an entry.
pub const QUESTION_STARTS: &[&str] = &[
    "how", "what", "whats", "who", "whom", "which", "when", "where", "did", "do", "does", "is",
    "are", "was", "were", "show", "list", "tell", "give", "compare", "can", "could",
];

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
