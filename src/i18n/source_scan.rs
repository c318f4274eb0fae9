//! For the tests that find every English wording the code writes: the
//! source files, and whether a wording's format string translates with
//! some sample for each of its parts.

use regex::Regex;

/// Every Rust source file under `src/`, with `"…\` line continuations
/// joined as the compiler joins them.
pub fn sources() -> Vec<(String, String)> {
    let continuation = Regex::new(r"\\\n\s*").unwrap();
    let mut found = Vec::new();
    let mut folders = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                let joined = continuation.replace_all(&text, "");
                found.push((path.display().to_string(), joined.into_owned()));
            }
        }
    }
    found
}

/// Whether `wording` (a format string: `{…}` are its parts) comes out of
/// `translate` changed for some choice of a sample for each part.
pub fn translates(wording: &str, samples: &[&str], translate: impl Fn(&str) -> String) -> bool {
    let unescaped = wording.replace("\\\"", "\"");
    let pieces: Vec<&str> = Regex::new(r"\{[^{}]*\}")
        .unwrap()
        .split(&unescaped)
        .collect();
    let parts = u32::try_from(pieces.len() - 1).unwrap();
    let choices = samples.len().pow(parts);
    (0..choices).any(|choice| {
        let mut english = pieces[0].to_string();
        for (i, piece) in pieces[1..].iter().enumerate() {
            let place = samples.len().pow(u32::try_from(i).unwrap());
            english.push_str(samples[choice / place % samples.len()]);
            english.push_str(piece);
        }
        translate(&english) != english
    })
}
