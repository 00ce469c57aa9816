//! Replays the fuzz targets' seed corpora (fuzz/corpus/TARGET) and every input that once broke
//! one (fuzz/regressions/TARGET) through the same invariants the targets assert, on the stable
//! compiler and without a fuzzer.

use std::path::Path;

type Invariant = fn(&[u8]);

const TARGETS: &[(&str, Invariant)] = &[
    ("recognize", recount::invariants::recognize),
    ("check", recount::invariants::check),
    ("claim_file", recount::invariants::claim_file),
    ("derive", recount::invariants::derive),
    ("sources", recount::invariants::sources),
    ("jsonl", recount::invariants::jsonl),
];

/// The files of `dir`, sorted (none when it does not exist).
fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<_> = rd
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    out.sort();
    out
}

fn replay(kind: &str) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(kind);
    let mut failed = Vec::new();
    let mut count = 0;
    for (target, invariant) in TARGETS {
        for path in files(&root.join(target)) {
            let bytes = std::fs::read(&path).unwrap();
            count += 1;
            if std::panic::catch_unwind(|| invariant(&bytes)).is_err() {
                failed.push(path.display().to_string());
            }
        }
    }
    assert!(failed.is_empty(), "invariants fail on {failed:#?}");
    count
}

#[test]
fn every_seed_keeps_its_targets_invariants() {
    for (target, _) in TARGETS {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/corpus")
            .join(target);
        assert!(!files(&dir).is_empty(), "no seeds for {target}");
    }
    replay("corpus");
}

#[test]
fn every_input_that_once_broke_a_target_keeps_its_invariants() {
    replay("regressions");
}
