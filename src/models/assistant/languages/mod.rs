//! German, French and Spanish for the one reader: each language is a
//! vocabulary, its words and phrases written as the English words the reader
//! knows ("letzten Monat" → `last month`, "¿cuánto gastamos?" → `how much
//! spent`), its filler words dropped. Month and weekday names of every
//! language are in [`super::words`]; everyday words for the default
//! categories are in [`super::words::SYNONYMS`]. A word no vocabulary knows
//! stays as typed: a description, a name, a search, or a word the reader
//! says it did not understand.

mod french;
mod german;
mod spanish;

use french::FRENCH;
use german::GERMAN;
use spanish::SPANISH;

use super::words::{Word, FILLER, QUESTION_STARTS, TALK};
use crate::i18n::Lang;

/// `(words as typed, the English they mean)`; an empty meaning drops the
/// words (filler). Longer phrases are tried first.
type Vocabulary = &'static [(&'static str, &'static str)];

/// Written before a number of days, weeks...: "vor 3 Tagen", "hace 3
/// días", "il y a 3 jours" mean `3 days ago`.
const AGO_BEFORE: &str = "<ago";
/// Written between a number and its unit: "les 30 derniers jours" means
/// `last 30 days`.
const LAST_BETWEEN: &str = "<last";

/// Month and weekday names, read by [`super::words`] in every language;
/// here they say which language a message is in.
fn names(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[],
        Lang::De => &[
            "januar",
            "jänner",
            "februar",
            "märz",
            "maerz",
            "mai",
            "juni",
            "juli",
            "oktober",
            "dezember",
            "montag",
            "dienstag",
            "mittwoch",
            "donnerstag",
            "freitag",
            "samstag",
            "sonntag",
        ],
        Lang::Fr => &[
            "janvier",
            "février",
            "fevrier",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "aout",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
            "decembre",
            "lundi",
            "mardi",
            "mercredi",
            "jeudi",
            "vendredi",
            "samedi",
            "dimanche",
        ],
        Lang::Es => &[
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "setiembre",
            "octubre",
            "noviembre",
            "diciembre",
            "lunes",
            "martes",
            "miércoles",
            "miercoles",
            "jueves",
            "viernes",
            "sábado",
            "sabado",
            "domingo",
        ],
    }
}

fn vocabulary(lang: Lang) -> Vocabulary {
    match lang {
        Lang::En => &[],
        Lang::De => GERMAN,
        Lang::Fr => FRENCH,
        Lang::Es => SPANISH,
    }
}

/// A word without its accents, as people type on a phone: `cuanto` is
/// `cuánto`, `uebrig` is `übrig`.
#[must_use]
pub fn folded(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            'à' | 'á' | 'â' | 'ã' => out.push('a'),
            'ä' => out.push_str("ae"),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'í' | 'ì' | 'î' | 'ï' => out.push('i'),
            'ó' | 'ò' | 'ô' | 'õ' => out.push('o'),
            'ö' => out.push_str("oe"),
            'ú' | 'ù' | 'û' => out.push('u'),
            'ü' => out.push_str("ue"),
            'ñ' => out.push('n'),
            'ç' => out.push('c'),
            'ß' => out.push_str("ss"),
            c => out.push(c),
        }
    }
    out
}

/// Two spellings of one word: the same, or the same without accents
/// ("für" and "fur" or "fuer").
fn same(typed: &str, listed: &str) -> bool {
    typed == listed || {
        let listed = folded(listed);
        folded(typed) == listed || strip_accents(typed) == strip_accents(&listed)
    }
}

/// Accents dropped rather than spelled out (`für` → `fur`).
fn strip_accents(word: &str) -> String {
    folded(word)
        .replace("ae", "a")
        .replace("oe", "o")
        .replace("ue", "u")
}

/// The longest phrase of `vocabulary` at `words[at..]`: its length in words
/// and its meaning.
fn phrase_at(words: &[Word], at: usize, vocabulary: Vocabulary) -> Option<(usize, &'static str)> {
    // Longest first, then as typed before without accents ("que" is
    // `than`, "qué" is `what`).
    let mut best: Option<(usize, bool, &'static str)> = None;
    for (typed, meaning) in vocabulary {
        let parts: Vec<&str> = typed.split(' ').collect();
        let window = words.get(at..at + parts.len());
        let Some(window) = window else { continue };
        if !parts.iter().zip(window).all(|(p, w)| same(&w.text, p)) {
            continue;
        }
        let exact = parts.iter().zip(window).all(|(p, w)| w.text == *p);
        if best.is_none_or(|(len, was_exact, _)| (parts.len(), exact) > (len, was_exact)) {
            best = Some((parts.len(), exact, meaning));
        }
    }
    best.map(|(len, _, meaning)| (len, meaning))
}

/// Does English already know `word` (so it says nothing of the language)?
fn english(word: &str) -> bool {
    FILLER.contains(&word) || QUESTION_STARTS.contains(&word) || TALK.contains(&word)
}

/// How many of `words` only `lang` knows.
fn score(words: &[Word], lang: Lang) -> usize {
    let vocabulary = vocabulary(lang);
    let mut count = 0;
    let mut i = 0;
    while i < words.len() {
        match phrase_at(words, i, vocabulary) {
            Some((len, _)) => {
                count += words[i..i + len]
                    .iter()
                    .filter(|w| !english(&w.text))
                    .count();
                i += len;
            }
            None => {
                count += usize::from(names(lang).contains(&words[i].text.as_str()));
                i += 1;
            }
        }
    }
    count
}

/// The language `words` are in: the one whose own words they use most, if
/// at least as many as English words; `hint` (the page's language) when
/// none or several do as much; English when there is no hint.
#[must_use]
pub fn detect(words: &[Word], hint: Option<Lang>) -> Lang {
    let scores: Vec<(Lang, usize)> = [Lang::De, Lang::Fr, Lang::Es]
        .into_iter()
        .map(|lang| (lang, score(words, lang)))
        .collect();
    let best = scores.iter().map(|(_, s)| *s).max().unwrap_or(0);
    let english_words = words.iter().filter(|w| english(&w.text)).count();
    if (best == 0 && english_words > 0) || (best > 0 && best < english_words) {
        return Lang::En;
    }
    let leaders: Vec<Lang> = scores
        .iter()
        .filter(|(_, s)| *s == best && best > 0)
        .map(|(l, _)| *l)
        .collect();
    match (leaders.as_slice(), hint) {
        ([one], _) => *one,
        (several, Some(hint)) if several.is_empty() || several.contains(&hint) => hint,
        (several, _) => several.first().copied().unwrap_or(Lang::En),
    }
}

/// `words` in `lang`, written as the English words the reader knows.
#[must_use]
pub fn in_english(words: Vec<Word>, lang: Lang) -> Vec<Word> {
    let vocabulary = vocabulary(lang);
    if vocabulary.is_empty() {
        return words;
    }
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let Some((len, meaning)) = phrase_at(&words, i, vocabulary) else {
            out.push(words[i].clone());
            i += 1;
            continue;
        };
        let possessive = words[i + len - 1].possessive;
        out.extend(meaning.split(' ').filter(|m| !m.is_empty()).map(|m| Word {
            text: m.to_string(),
            possessive,
        }));
        // An entry of a meaning-only word keeps what was typed when it is
        // not followed by what it needs.
        if meaning == AGO_BEFORE || meaning == LAST_BETWEEN {
            if let Some(last) = out.last_mut() {
                last.text = words[i].text.clone();
                last.possessive = false;
                last.text.insert_str(0, meaning);
            }
        }
        i += len;
    }
    reorder(out)
}

/// "<ago 3 days" → `3 days ago`; "30 <last days" → `last 30 days`; a
/// marker not in its place becomes the word as typed again.
fn reorder(words: Vec<Word>) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    let mut i = 0;
    let is_number = |w: Option<&Word>| w.is_some_and(|w| w.text.parse::<u32>().is_ok());
    while i < words.len() {
        let text = &words[i].text;
        if let Some(typed) = text.strip_prefix(AGO_BEFORE) {
            if is_number(words.get(i + 1)) && words.get(i + 2).is_some() {
                out.push(words[i + 1].clone());
                out.push(words[i + 2].clone());
                out.push(plain("ago"));
                i += 3;
                continue;
            }
            out.push(plain(typed));
        } else if let Some(typed) = text.strip_prefix(LAST_BETWEEN) {
            if is_number(out.last()) {
                let number = out.pop();
                out.push(plain("last"));
                out.extend(number);
            } else {
                out.push(plain(typed));
            }
        } else {
            out.push(words[i].clone());
        }
        i += 1;
    }
    out
}

fn plain(text: &str) -> Word {
    Word {
        text: text.to_string(),
        possessive: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::assistant::words::split;

    fn english_of(message: &str, hint: Option<Lang>) -> (Lang, String) {
        let words = split(message);
        let lang = detect(&words, hint);
        let words = in_english(words, lang);
        (
            lang,
            words
                .into_iter()
                .map(|w| w.text)
                .collect::<Vec<_>>()
                .join(" "),
        )
    }

    #[test]
    fn each_language_is_read_as_the_english_it_means() {
        assert_eq!(
            english_of("Wie viel haben wir letzten Monat ausgegeben?", None),
            (Lang::De, "how much we last month spent".to_string())
        );
        assert_eq!(
            english_of("Combien avons-nous dépensé le mois dernier ?", None),
            (Lang::Fr, "how much spent last month".to_string())
        );
        assert_eq!(
            english_of("¿Cuánto gastamos el mes pasado?", None),
            (Lang::Es, "how much spent last month".to_string())
        );
        assert_eq!(
            english_of("Qui doit à qui ?", None),
            (Lang::Fr, "who owes whom".to_string())
        );
        assert_eq!(
            english_of("cuanto gastamos hace 3 dias", None),
            (Lang::Es, "how much spent 3 days ago".to_string())
        );
        assert_eq!(
            english_of("les 30 derniers jours", Some(Lang::Fr)).1,
            "last 30 days"
        );
        assert_eq!(
            english_of("wie viel fuer pizza", None).1,
            "how much for pizza"
        );
    }

    #[test]
    fn english_stays_english_and_a_hint_breaks_ties() {
        assert_eq!(
            english_of("how much did we spend on groceries last month", None),
            (
                Lang::En,
                "how much did we spend on groceries last month".to_string()
            )
        );
        assert_eq!(english_of("pizza 12,50", Some(Lang::De)).0, Lang::De);
        assert_eq!(english_of("pizza 12,50", None).0, Lang::En);
    }
}
