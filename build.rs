//! Compiles the language data into Rust tables, so that a run reads no data file:
//!
//! - `lang/cldr/*.tsv` (CLDR's marks and words per language, see `src/lang/rows.rs`) into
//!   `$OUT_DIR/cldr.rs`: each language's head lines and its words;
//! - `lang/cues/*.yaml` (the cue words per language, see `src/tokens/lexicon.rs`) into
//!   `$OUT_DIR/cues.rs`: each file's classes and factors with their words, in the files' order.
//!
//! The files stay the data one edits; the library checks what they mean (unknown cue classes,
//! factors that are no number) in its tests, where the YAML is also read at run time.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;
use std::{env, fs};

#[path = "src/lang/rows.rs"]
mod rows;

/// The cue files, in the order of `tokens::lexicon::LANGUAGES`.
const CUE_LANGUAGES: [&str; 7] = ["en", "de", "fr", "es", "it", "nl", "pt"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CueFile {
    language: String,
    classes: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    factors: BTreeMap<String, Vec<String>>,
}

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/lang/rows.rs");
    println!("cargo::rerun-if-changed=lang/cldr");
    println!("cargo::rerun-if-changed=lang/cues");
    fs::write(Path::new(&out).join("cldr.rs"), cldr()).expect("write cldr.rs");
    fs::write(Path::new(&out).join("cues.rs"), cues()).expect("write cues.rs");
}

/// `LANGS`: every language file but the two shared tables, by code in byte order.
fn cldr() -> String {
    let mut files: Vec<(String, String)> = fs::read_dir("lang/cldr")
        .expect("lang/cldr")
        .filter_map(|e| {
            let path = e.ok()?.path();
            let code = path
                .file_name()?
                .to_str()?
                .strip_suffix(".tsv")?
                .to_string();
            if code == "digits" || code == "aliases" {
                return None;
            }
            let text = fs::read_to_string(&path).expect("a language file is UTF-8");
            Some((code, text))
        })
        .collect();
    files.sort();
    let mut s = String::from("pub const LANGS: &[Lang] = &[\n");
    for (code, text) in &files {
        write!(s, "    Lang {{ code: {code:?}, head: &[").unwrap();
        for line in rows::head(text) {
            write!(s, "&{line:?}, ").unwrap();
        }
        s.push_str("], words: &[\n");
        for r in rows::words(text) {
            let meaning = match r.sense {
                rows::Sense::Scale(e) => format!("Meaning::Scale({e})"),
                rows::Sense::Percent => "Meaning::Percent".to_string(),
                rows::Sense::PerMille => "Meaning::PerMille".to_string(),
                rows::Sense::Money(code) => format!("Meaning::Money({code:?})"),
            };
            let place = if r.before { "Before" } else { "After" };
            writeln!(
                s,
                "        Word {{ text: {:?}, meaning: {meaning}, place: Place::{place}, exact: {}, decimal: None }},",
                r.text, r.exact
            )
            .unwrap();
        }
        s.push_str("    ] },\n");
    }
    s.push_str("];\n");
    s
}

/// `CUE_TABLES`: each cue file's language, classes and factors, as written.
fn cues() -> String {
    let mut s = String::from("pub const CUE_TABLES: &[Table<'static>] = &[\n");
    for lang in CUE_LANGUAGES {
        let path = format!("lang/cues/{lang}.yaml");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let f: CueFile = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        write!(s, "    Table {{ language: {:?}, classes: &[", f.language).unwrap();
        for (class, words) in &f.classes {
            write!(s, "({class:?}, &{words:?}), ").unwrap();
        }
        s.push_str("], factors: &[");
        for (factor, words) in &f.factors {
            write!(s, "({factor:?}, &{words:?}), ").unwrap();
        }
        s.push_str("] },\n");
    }
    s.push_str("];\n");
    s
}
