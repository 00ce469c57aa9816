//! The claim engine on labelled real sentences (../shared/claims-dev): claims found, verdicts
//! right, seeded errors caught, mismatch flags that are real, and no-claim sentences that still
//! got a finding, per shape and per language.
//!
//! The scoring is the labels' own scorer (score.py beside dev.jsonl), run on the binary this
//! build made; it prints its table, and the floors in tests/claims_dev/floors.txt (only ever
//! raised; the no-claim figure is a ceiling) make the test fail when a figure gets worse.

use std::path::Path;
use std::process::Command;

#[test]
fn claims_dev_scores_hold_their_floors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let scorer = root.join("../shared/claims-dev/score.py");
    if !scorer.is_file() {
        assert!(
            std::env::var("CI").ok().as_deref() != Some("true"),
            "../shared/claims-dev is missing, and CI=true requires it"
        );
        eprintln!("skipped: ../shared/claims-dev is not there (a fresh clone without ../shared)");
        return;
    }
    let floors = std::fs::read_to_string(root.join("tests/claims_dev/floors.txt"))
        .expect("tests/claims_dev/floors.txt");
    let floors: Vec<&str> = floors
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .flat_map(str::split_whitespace)
        .collect();
    assert_eq!(
        floors.len(),
        5,
        "five floors: found right noclaim seeded flags"
    );
    let out = Command::new("python3")
        .arg(&scorer)
        .arg(env!("CARGO_BIN_EXE_recount"))
        .args(["--floors", &floors.join(",")])
        .output()
        .expect("python3 runs the scorer");
    let report = String::from_utf8_lossy(&out.stdout);
    println!("{report}");
    eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        out.status.success(),
        "a claims-dev figure fell below its floor ({}):\n{report}",
        floors.join(" ")
    );
}
