//! The page of `recount serve` in Debian's Chromium, driven by playwright-core (both installed
//! by scripts/setup.sh; the test says it skipped when either is missing): pasting
//! ../shared/examples/minneapolis-2026.txt marks 38% of 23% imprecise and "just under 20%" ok,
//! a click on a finding shows its derivation and underlines its inputs, the draft downloads,
//! nothing is requested from elsewhere, and the screenshot is not blank.

#[path = "support/serve.rs"]
mod support;

use std::path::Path;
use std::process::Command;

#[test]
fn the_page_in_chromium() {
    for need in [
        "/usr/bin/chromium",
        "target/tools/node_modules/playwright-core",
    ] {
        if !Path::new(need).exists() {
            // Said on both streams, so that the run's log shows it either way.
            println!("skipped: the browser test needs {need} (scripts/setup.sh installs it)");
            eprintln!("skipped: the browser test needs {need} (scripts/setup.sh installs it)");
            return;
        }
    }
    let serving = support::serve();
    let url = format!("http://127.0.0.1:{}/", serving.port);
    let shot = std::env::temp_dir().join(format!("recount-page-{}.png", std::process::id()));
    let out = Command::new("node")
        .args([
            "tests/e2e/page.cjs",
            &url,
            "../shared/examples/minneapolis-2026.txt",
            &shot.display().to_string(),
        ])
        .output()
        .expect("node");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the script's JSON");
    let _ = std::fs::remove_file(&shot);
    let texts = |v: &serde_json::Value| -> Vec<(String, String)> {
        v.as_array()
            .expect("a list")
            .iter()
            .map(|x| {
                (
                    x["verdict"].as_str().unwrap_or_default().to_string(),
                    x["text"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect()
    };
    // By default the list shows what needs attention.
    let shown = texts(&r["findings"]);
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert!(
        shown
            .iter()
            .any(|(v, t)| v == "imprecise" && t.contains("38% × 23% = 8.74%")),
        "{shown:?}"
    );
    assert!(shown.iter().any(|(v, _)| v == "mismatch"), "{shown:?}");
    let marked = |v: &serde_json::Value, text: &str, class: &str| {
        v.as_array().expect("spans").iter().any(|s| {
            s["text"].as_str() == Some(text) && s["cls"].as_str().is_some_and(|c| c.contains(class))
        })
    };
    assert!(
        marked(&r["claims"], "8.79%", "v-imprecise"),
        "{}",
        r["claims"]
    );
    assert!(!marked(&r["claims"], "20%", "v-ok"));
    assert!(r["figures"].as_u64().unwrap_or_default() > 30);
    // The toggle adds the ok and unverifiable ones: "just under 20%" is ok.
    let all = texts(&r["all_findings"]);
    assert!(
        all.iter()
            .any(|(v, t)| v == "ok" && t.contains("the text says just under 20%")),
        "{all:?}"
    );
    assert!(
        marked(&r["all_claims"], "20%", "v-ok"),
        "{}",
        r["all_claims"]
    );
    // The click shows the derivation and underlines its inputs.
    let d = r["derivation"].as_str().unwrap_or_default();
    assert!(d.contains("38% × 23% = 8.74"), "{d}");
    assert!(d.contains("8.4375% – 9.0475%"), "{d}");
    assert_eq!(r["inputs"], serde_json::json!(["38%", "23%"]));
    assert_eq!(r["selected"], serde_json::json!(["8.79%"]));
    let locale = r["locale"].as_str().unwrap_or_default();
    assert!(locale.contains("setting"), "{locale}");
    assert_eq!(r["draft_name"], "pasted.claims.yaml");
    assert!(r["draft"].as_str().is_some_and(|y| y.contains("claims:")));
    assert_eq!(r["outside_requests"], serde_json::json!([]));
    let s = &r["screenshot"];
    assert_eq!(
        (s["width"].as_u64(), s["height"].as_u64()),
        (Some(1280), Some(900))
    );
    assert!(s["colours"].as_u64().unwrap_or_default() > 20, "{s}");
    assert!(s["dark"].as_u64().unwrap_or_default() > 500, "{s}");
}
