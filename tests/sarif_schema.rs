//! `--format sarif` validated against the SARIF 2.1.0 JSON schema, by Python's jsonschema
//! (both installed by scripts/setup.sh).

use std::path::Path;
use std::process::{Command, Stdio};

const SCHEMA: &str = "target/tools/sarif-schema-2.1.0.json";

fn sarif(args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_recount"))
        .args(args)
        .args(["--format", "sarif"])
        .output()
        .expect("run recount");
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The schema's errors for `log`, one a line; empty when it is valid.
fn schema_errors(log: &[u8]) -> String {
    assert!(
        Path::new(SCHEMA).is_file(),
        "{SCHEMA} is missing: run scripts/setup.sh"
    );
    let script = "import json, sys, jsonschema\n\
        schema = json.load(open(sys.argv[1]))\n\
        log = json.load(sys.stdin)\n\
        v = jsonschema.validators.validator_for(schema)(schema)\n\
        for e in v.iter_errors(log):\n    print('/'.join(map(str, e.absolute_path)), e.message)\n";
    let mut child = Command::new("python3")
        .args(["-c", script, SCHEMA])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 (scripts/setup.sh installs jsonschema)");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(log)
        .expect("write the log");
    let out = child.wait_with_output().expect("python3 finished");
    assert!(
        out.status.success(),
        "the validator failed (run scripts/setup.sh): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn check_sarif_is_valid_sarif_2_1_0() {
    let log = sarif(&[
        "check",
        "--all",
        "--isolated",
        "../shared/examples/minneapolis-2026.txt",
        "claims/articles/riverside-election.md",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&log).expect("JSON");
    let results = v["runs"][0]["results"].as_array().expect("results");
    assert!(results.len() >= 5, "{} results", results.len());
    assert_eq!(schema_errors(&log), "");
}

#[test]
fn verify_sarif_is_valid_sarif_2_1_0() {
    let files: Vec<String> = std::fs::read_dir("claims")
        .expect("claims/")
        .filter_map(|e| e.ok())
        .map(|e| e.path().display().to_string())
        .filter(|p| p.ends_with(".yaml"))
        .collect();
    assert!(!files.is_empty());
    let mut args = vec!["verify", "--all"];
    args.extend(files.iter().map(String::as_str));
    let log = sarif(&args);
    assert_eq!(schema_errors(&log), "");
}

#[test]
fn the_validator_rejects_what_the_schema_forbids() {
    // The check above could pass on a validator that accepts anything.
    let bad = br#"{"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": [{"level": "fatal", "message": {"text": "x"}}]}]}"#;
    let errors = schema_errors(bad);
    assert!(errors.contains("name"), "{errors}");
    assert!(errors.contains("fatal"), "{errors}");
}
