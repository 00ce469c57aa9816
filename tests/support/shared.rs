//! What the accuracy harnesses share: the evaluation data beside the repository (`../shared`)
//! and their own tables of floors and listed cases.

use std::path::{Path, PathBuf};

/// `../shared/<rel>` beside the repository; `None`, with a note, on a fresh clone without it.
/// With CI=true it must be there.
pub fn dir(rel: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").ok().as_deref() != Some("true"),
        "../shared/{rel} is missing, and CI=true requires it"
    );
    eprintln!("skipped: ../shared/{rel} is not there (a fresh clone without ../shared)");
    None
}

/// The rows of the table `tests/<folder>/<name>`, split at tabs, without blank lines and
/// `#` comments.
pub fn load_tsv(folder: &str, name: &str) -> Vec<Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(folder)
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}
