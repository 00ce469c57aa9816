//! Claim files: one reviewed snapshot per curated claim file in claims/ (the report a person
//! reads, every claim listed), and the round trip from `draft` to `verify` for every article the
//! project ships.

use recount::check::Verdict;
use recount::claims::{draft, file};
use recount::locale::Setting;
use rust_decimal::Decimal;
use std::path::Path;

/// Whether ../shared is there; when it is not, a test that needs it is skipped, except in CI.
fn have_shared(rel: &str) -> bool {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if path.exists() {
        return true;
    }
    assert!(
        std::env::var("CI").ok().as_deref() != Some("true"),
        "{} is missing, and CI=true requires it",
        path.display()
    );
    eprintln!("skipped: {} is not there", path.display());
    false
}

/// The human report of a claim file with every claim, or its errors.
fn report(rel: &str) -> String {
    match file::verify_path(rel) {
        Ok(v) => {
            let mut s = recount::report::verify::human(&v, |_| true, false);
            let out = recount::report::verify::file_out(&v, |_| true);
            let (stale, twice) = recount::report::verify::quote_counts(&v);
            s.push_str(&recount::report::verify::summary_line(
                out.summary,
                1,
                stale,
                twice,
            ));
            s.push('\n');
            s
        }
        Err(f) => recount::report::verify::failed_human(&f, false, "error: "),
    }
}

#[test]
fn curated_claim_files() {
    // Paths relative to the project's root, as a person runs `recount verify claims/….yaml`.
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).expect("chdir to the project");
    insta::glob!("../claims", "*.yaml", |path| {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let text = std::fs::read_to_string(path).expect("read the claim file");
        if text.contains("../shared/") && !have_shared("examples") {
            return;
        }
        insta::assert_snapshot!(report(&format!("claims/{name}")));
    });
}

/// Each claim's verdict and exact value.
type Verdicts = Vec<(Verdict, Option<Decimal>)>;

/// Each claim's verdict and exact value: of `check`, and of `verify` on the draft of `check`.
fn round_trip(path: &Path) -> (Verdicts, Verdicts) {
    let doc = recount::source::read(&path.to_string_lossy(), None).expect("read the article");
    let checked: Vec<_> = recount::check_document(&doc, Setting::Auto, |_| true)
        .into_iter()
        .map(|o| (o.verdict, o.exact))
        .collect();
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let yaml = draft::draft(&doc, name, Setting::Auto);
    let base = path.parent().unwrap_or(Path::new("."));
    let verified = match file::verify_text("draft.yaml", &yaml, base) {
        Ok(v) => {
            assert!(
                v.quotes.is_empty(),
                "{name}: the draft's quotes do not each stand once: {:?}\n{yaml}",
                v.quotes
            );
            v.checked
                .into_iter()
                .map(|c| (c.outcome.verdict, c.outcome.exact))
                .collect()
        }
        Err(f) => panic!(
            "{name}: the draft does not verify:\n{}\n{yaml}",
            recount::report::verify::failed_human(&f, false, "")
        ),
    };
    (checked, verified)
}

#[test]
fn draft_then_verify_gives_the_verdicts_of_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut articles: Vec<_> = std::fs::read_dir(root.join("claims/articles"))
        .expect("claims/articles")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    articles.sort();
    if have_shared("examples/minneapolis-2026.txt") {
        articles.push(root.join("../shared/examples/minneapolis-2026.txt"));
    }
    assert!(articles.len() >= 2);
    for a in &articles {
        let (checked, verified) = round_trip(a);
        assert!(!checked.is_empty(), "{}: check finds nothing", a.display());
        assert_eq!(checked, verified, "{}", a.display());
    }
}
