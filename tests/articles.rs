//! Snapshots of what recount finds in real and shipped articles. Each snapshot is the
//! human-readable list of numbers, one a line, reviewed by hand: a change in recognition shows
//! up as a snapshot diff to review.

use recount::locale::Setting;
use std::path::Path;

fn shared(rel: &str) -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    match std::fs::read_to_string(&path) {
        Ok(t) => Some(t),
        Err(_) => {
            assert!(
                std::env::var("CI").ok().as_deref() != Some("true"),
                "{} is missing, and CI=true requires it",
                path.display()
            );
            eprintln!("skipped: {} is not there", path.display());
            None
        }
    }
}

fn numbers(path: &str, text: &str) -> String {
    let r = recount::recognize(text, Setting::Auto);
    let doc = recount::source::Document::new(path, text.to_string());
    recount::report::numbers::human(&doc, &r)
}

/// The findings of every rule, `ok` and `unverifiable` included, as `check --all --format json`
/// reports them.
fn findings(path: &str, text: &str) -> recount::report::check::FileOut {
    let outcomes = recount::check_text(text, Setting::Auto, |_| true);
    let doc = recount::source::Document::new(path, text.to_string());
    recount::report::check::file_out(&doc, &outcomes, |_| true)
}

#[test]
fn minneapolis() {
    let Some(text) = shared("examples/minneapolis-2026.txt") else {
        return;
    };
    insta::assert_snapshot!(
        "minneapolis_numbers",
        numbers("minneapolis-2026.txt", &text)
    );
    insta::assert_json_snapshot!(
        "minneapolis_findings",
        findings("minneapolis-2026.txt", &text)
    );
}

#[test]
fn shipped_articles() {
    insta::glob!("../claims/articles", "*.md", |path| {
        let doc = recount::source::read(&path.to_string_lossy(), None).expect("read article");
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        insta::assert_snapshot!("shipped_articles_numbers", numbers(name, &doc.text));
        insta::assert_json_snapshot!("shipped_articles_findings", findings(name, &doc.text));
    });
}
