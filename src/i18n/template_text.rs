//! A guard: pages show no words that do not go through `t(...)`.
//!
//! Every template under `views/` is read as a page shows it: the text
//! between tags, and the `placeholder`, `aria-label`, `title` and `alt`
//! attributes people read or hear, once Tera's `{{ … }}`, `{% … %}`,
//! `{# … #}` and HTML comments are taken out. Any run of two or more
//! letters left there is a word that stays English in every language.

use std::path::{Path, PathBuf};

use regex::Regex;

/// Templates whose words are not the app's to translate.
const SKIPPED_FILES: &[(&str, &str)] = &[(
    "api/docs.html",
    "the API reference: the OpenAPI document's English descriptions; the API stays locale-free",
)];

/// Elements whose content is not prose.
const SKIPPED_ELEMENTS: &[(&str, &str)] = &[
    ("code", "identifiers, paths and commands, as typed"),
    ("pre", "verbatim text, such as a mail as it was written"),
    ("script", "code, not text"),
    ("style", "style rules, not text"),
];

/// Words that read the same in every language.
const ALLOWED_WORDS: &[(&str, &str)] = &[("SmartExpense", "the product's name")];

/// The attributes whose values people read or hear.
const READ_ATTRIBUTES: &[&str] = &["placeholder", "aria-label", "title", "alt"];

fn templates(folder: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            templates(&path, found);
        } else if path.extension().is_some_and(|e| e == "html") {
            found.push(path);
        }
    }
}

/// The template as a reader meets it: Tera's tags, comments, the skipped
/// elements and character references taken out.
fn shown(template: &str) -> String {
    let mut text = template.to_string();
    let mut patterns = vec![
        r"(?s)\{#.*?#\}".to_string(),
        r"(?s)<!--.*?-->".to_string(),
        r"(?s)\{%.*?%\}".to_string(),
        r"(?s)\{\{.*?\}\}".to_string(),
    ];
    patterns.extend(
        SKIPPED_ELEMENTS
            .iter()
            .map(|(tag, _)| format!(r"(?is)<{tag}\b[^>]*>.*?</{tag}\s*>")),
    );
    patterns.push(r"&#?[A-Za-z0-9]+;".to_string());
    for pattern in patterns {
        let re = Regex::new(&pattern).unwrap();
        // A space, so that words on either side stay apart.
        text = re.replace_all(&text, " ").into_owned();
    }
    text
}

/// Whether `text` holds a word: two letters in a row, outside the
/// allowed words.
fn has_words(text: &str) -> bool {
    let mut text = text.to_string();
    for (word, _) in ALLOWED_WORDS {
        text = text.replace(word, " ");
    }
    let mut run = 0;
    text.chars().any(|c| {
        run = if c.is_alphabetic() { run + 1 } else { 0 };
        run >= 2
    })
}

/// The untranslated texts of one template.
fn untranslated(template: &str) -> Vec<String> {
    let shown = shown(template);
    let tag = Regex::new(r"(?s)<[^>]*>").unwrap();
    let attribute = Regex::new(&format!(
        r#"(?i)\b({})\s*=\s*(?:"([^"]*)"|'([^']*)')"#,
        READ_ATTRIBUTES.join("|")
    ))
    .unwrap();
    let mut found = Vec::new();
    for piece in tag.split(&shown) {
        if has_words(piece) {
            found.push(piece.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    for element in tag.find_iter(&shown) {
        for value in attribute.captures_iter(element.as_str()) {
            let text = value
                .get(2)
                .or_else(|| value.get(3))
                .map_or("", |m| m.as_str());
            if has_words(text) {
                found.push(format!("{}=\"{}\"", &value[1], text.trim()));
            }
        }
    }
    found
}

#[test]
fn every_word_a_template_shows_goes_through_t() {
    let views = Path::new(env!("CARGO_MANIFEST_DIR")).join("views");
    let mut files = Vec::new();
    templates(&views, &mut files);
    assert!(
        files.len() > 20,
        "templates not found in {}",
        views.display()
    );
    files.sort();
    let mut problems = Vec::new();
    for file in files {
        let name = file
            .strip_prefix(&views)
            .unwrap_or(&file)
            .to_string_lossy()
            .replace('\\', "/");
        if SKIPPED_FILES.iter().any(|(skipped, _)| *skipped == name) {
            continue;
        }
        let template = std::fs::read_to_string(&file).unwrap();
        problems.extend(
            untranslated(&template)
                .into_iter()
                .map(|text| format!("views/{name}: {text}")),
        );
    }
    assert!(
        problems.is_empty(),
        "templates show words that do not go through t(...):\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_guard_sees_words_in_text_and_read_attributes_only() {
    assert_eq!(untranslated("<p>Hello world</p>"), ["Hello world"]);
    assert_eq!(
        untranslated(r#"<input placeholder="Name" aria-label="{{ t(key="x") }}">"#),
        [r#"placeholder="Name""#]
    );
    assert!(untranslated(
        r#"<p class="muted" data-x="words">{{ t(key="x") }} · {% if a %}{{ n }}{% endif %} – 3 &amp; 4</p>"#
    )
    .is_empty());
    assert!(untranslated("<p>{# a note #}<!-- a comment --><code>cargo run</code></p>").is_empty());
    assert!(untranslated("<footer>SmartExpense</footer>").is_empty());
    assert_eq!(untranslated("<p>Ça va</p>"), ["Ça va"]);
}

/// Labels people hear are translated, so a style or script that selects an
/// element by its label (`nav[aria-label=Console]`) works in English only.
#[test]
fn styles_and_scripts_do_not_select_by_a_translated_label() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/static");
    let by_label = Regex::new(r#"\[(?:aria-label|title|alt|placeholder)\s*[~|^$*]?="#).unwrap();
    let mut found = Vec::new();
    for folder in ["css", "js"] {
        for entry in std::fs::read_dir(root.join(folder)).unwrap().flatten() {
            let path = entry.path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            // Vendored files (Pico, htmx) carry a version in their name.
            let vendored = name.chars().any(|c| c.is_ascii_digit());
            if vendored || !(name.ends_with(".css") || name.ends_with(".js")) {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                if by_label.is_match(line) {
                    found.push(format!("{name}:{}: {}", n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "selected by a label:\n{}",
        found.join("\n")
    );
}
