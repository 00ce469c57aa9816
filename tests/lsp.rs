//! `recount lsp` driven over stdio by a real client, pygls (tests/lsp/client.py; installed by
//! scripts/setup.sh): the diagnostics for ../shared/examples/minneapolis-2026.txt, what an
//! edit changes, hover, code actions, and Markdown, LaTeX and HTML buffers.

use serde_json::Value;
use std::process::Command;

fn run() -> Value {
    let out = Command::new("python3")
        .args([
            "tests/lsp/client.py",
            env!("CARGO_BIN_EXE_recount"),
            "check",
            "../shared/examples/minneapolis-2026.txt",
        ])
        .output()
        .expect("python3 (scripts/setup.sh installs pygls)");
    assert!(
        out.status.success(),
        "the client failed (run scripts/setup.sh): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the client's JSON")
}

fn codes(v: &Value) -> Vec<(String, u64, u64)> {
    v.as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or_default(),
                d["severity"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn diagnostics_edits_hover_and_code_actions() {
    let r = run();
    // The same findings as `recount check`: 38% of 23% imprecise (a warning) on line 13, and
    // 65.000 of 430.000 against 7% a mismatch (an error) on line 16, with the derivation in the
    // message and the inputs as related locations.
    assert_eq!(
        codes(&r["opened"]),
        [
            ("share-of-share".to_string(), 12, 2),
            ("part-of-whole".to_string(), 15, 1)
        ]
    );
    let first = &r["opened"][0];
    assert_eq!(
        first["message"],
        "imprecise: 38% × 23% = 8.74%, the text says 8.79% (within the inputs' rounding: 8.438%–9.048%)"
    );
    assert_eq!(first["related"], 2);
    assert_eq!(
        first["end"].as_u64().unwrap() - first["character"].as_u64().unwrap(),
        5
    );

    // Hover on 380.000 says how it was read.
    let hover = r["hover"].as_str().expect("a hover");
    assert!(hover.starts_with("**380.000** = 380000"), "{hover}");
    assert!(hover.contains("grouping"), "{hover}");

    // The suppression action inserts a comment line above the finding's line.
    assert_eq!(
        r["actions"][0]["title"],
        "Turn off share-of-share for this line"
    );
    assert_eq!(r["actions"][0]["edits"][0]["line"], 12);
    assert_eq!(
        r["actions"][0]["edits"][0]["text"],
        "<!-- recount-disable-next-line share-of-share -->\n"
    );

    // Stating 8.74% instead clears that finding and keeps the other where it was.
    assert_eq!(
        codes(&r["after_edit"]),
        [("part-of-whole".to_string(), 15, 1)]
    );

    // Markdown: a wrong weekday, with its fix first.
    assert_eq!(
        codes(&r["markdown"]),
        [
            ("weekday".to_string(), 2, 1),
            ("share-of-share".to_string(), 4, 1)
        ]
    );
    let fix = &r["weekday_actions"][0];
    assert_eq!(fix["title"], "Replace Wednesday with Tuesday");
    assert_eq!(
        (fix["line"].as_u64(), fix["character"].as_u64()),
        (Some(2), Some(16))
    );

    // LaTeX and HTML: the second claim is turned off by its comment.
    assert_eq!(codes(&r["latex"]), [("share-of-share".to_string(), 0, 1)]);
    assert_eq!(codes(&r["html"]), [("share-of-share".to_string(), 0, 1)]);
    assert_eq!(r["html"][0]["character"], 26);
}
