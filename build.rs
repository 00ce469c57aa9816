//! Compiles the language data into Rust tables, so that a run reads no data file:
//!
//! - `lang/cldr/*.tsv` (CLDR's marks and words per language, see `src/lang/rows.rs`) into
//!   `$OUT_DIR/cldr.rs`: each language's head lines and its words, and the words of all
//!   languages in parts by the edge of their key (the union that a text of an unknown
//!   language, or a word of another script, is read with);
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

/// `LANGS`: every language file but the two shared tables, by code in byte order, with its head
/// lines and the range of its words in `WORDS`; `UNION` and `UNION_WORDS` (see [`union`]).
/// A word is a `Raw` of integers into `TEXT`, so that the tables hold no pointers: a table of
/// `&str` would be relocated, every page of it written, at each start of the program.
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
    let heads: Vec<Vec<Vec<&str>>> = files.iter().map(|(_, t)| rows::head(t)).collect();
    let own: Vec<Vec<rows::Row>> = files.iter().map(|(_, t)| rows::words(t)).collect();
    let mut text = Text::default();
    let mut langs = String::from("pub static LANGS: &[Lang] = &[\n");
    let mut words = Vec::new();
    for (((code, _), head), rows) in files.iter().zip(&heads).zip(&own) {
        let head: String = head.iter().map(|l| l.join("\t") + "\n").collect();
        let start = words.len();
        for r in rows {
            words.push(text.raw(r, None));
        }
        writeln!(
            langs,
            "    Lang {{ code: {code:?}, head: {head:?}, words: {start}..{} }},",
            words.len()
        )
        .unwrap();
    }
    langs.push_str("];\n");
    let (parts, union_words) = union(&files, &heads, &own, &mut text);
    let mut s = langs;
    s.push_str(&table("WORDS", &words));
    s.push_str(&parts);
    s.push_str(&table("UNION_WORDS", &union_words));
    writeln!(s, "pub static TEXT: &str = {:?};", text.all).unwrap();
    s
}

/// The texts of the words, one after another, each once.
#[derive(Default)]
struct Text {
    all: String,
    at: BTreeMap<String, usize>,
}

impl Text {
    fn at(&mut self, t: &str) -> usize {
        if let Some(&k) = self.at.get(t) {
            return k;
        }
        let k = self.all.len();
        self.all.push_str(t);
        self.at.insert(t.to_string(), k);
        k
    }

    /// The `Raw` expression of a word, with the decimal mark of the languages that write it.
    fn raw(&mut self, r: &rows::Row, decimal: Option<char>) -> String {
        let (kind, exp, code) = match r.sense {
            rows::Sense::Scale(e) => (0, e, ""),
            rows::Sense::Percent => (1, 0, ""),
            rows::Sense::PerMille => (2, 0, ""),
            rows::Sense::Money(c) => (3, 0, c),
        };
        format!(
            "Raw {{ at: {}, len: {}, kind: {kind}, exp: {exp}, code_at: {}, code_len: {}, before: {}, exact: {}, decimal: {decimal:?} }}",
            self.at(r.text),
            r.text.len(),
            self.at(code),
            code.len(),
            r.before,
            r.exact
        )
    }
}

/// A static array of `Raw` words.
fn table(name: &str, words: &[String]) -> String {
    let mut s = format!("pub static {name}: [Raw; {}] = [\n", words.len());
    for w in words {
        writeln!(s, "    {w},").unwrap();
    }
    s.push_str("];\n");
    s
}

/// `UNION`: the words of every language in parts by their key's edge, as the library's union
/// of all languages looks them up, each part a range of `UNION_WORDS`. A language reads its
/// words and its parent's (a variant's after its parent's), with its decimal mark; a variant
/// with its parent's mark repeats its parent's words exactly, which changes nothing in the
/// union, and adds only its own.
fn union(
    files: &[(String, String)],
    heads: &[Vec<Vec<&str>>],
    own: &[Vec<rows::Row>],
    text: &mut Text,
) -> (String, Vec<String>) {
    let index: BTreeMap<&str, usize> = files
        .iter()
        .enumerate()
        .map(|(k, (c, _))| (c.as_str(), k))
        .collect();
    let parent = |k: usize| rows::field(&heads[k], "parent").and_then(|p| index.get(p).copied());
    let mark = |k: usize| rows::field(&heads[k], "decimal").and_then(|d| d.chars().next());
    let decimal = |k: usize| mark(k).or_else(|| parent(k).and_then(mark)).unwrap_or('.');
    let langs: Vec<(char, Vec<rows::Row>)> = (0..files.len())
        .map(|k| {
            let words = match parent(k) {
                Some(p) if decimal(p) != decimal(k) => [&own[p][..], &own[k]].concat(),
                _ => own[k].clone(),
            };
            (decimal(k), words)
        })
        .collect();
    let mut s = String::from("pub static UNION: &[(char, Place, std::ops::Range<usize>)] = &[\n");
    let mut words = Vec::new();
    for ((c, before), part) in rows::union_parts(&langs) {
        let place = if before { "Before" } else { "After" };
        let start = words.len();
        for (r, d) in part {
            words.push(text.raw(&r, Some(d)));
        }
        writeln!(s, "    ({c:?}, Place::{place}, {start}..{}),", words.len()).unwrap();
    }
    s.push_str("];\n");
    (s, words)
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
