//! Recall on other projects' number-recognition test cases (../shared/peers/numbers).
//!
//! For every case the input is recognized with the locale of its language (`--locale es` for
//! `*.es.*.jsonl`), and each expected value counts as found when a recognized number
//! overlapping its span has that value (or has it as the low or high end of a range or hedge). Expected items without a value ("last",
//! a lone unit) are not scored. Cases listed in tests/peers/deviations.tsv are ones recount
//! deliberately reads differently; the table shows recall with and without them, and the floor
//! in tests/peers/floors.tsv applies to recall without them. Floors are only ever raised.

#[path = "support/shared.rs"]
mod shared;

use recount::locale::Setting;
use recount::quantity::Quantity;
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use std::str::FromStr;

/// Whether two decimals agree to nine significant digits (peers round fractions to doubles).
fn close(a: Decimal, b: Decimal) -> bool {
    let diff = (a - b).abs();
    let scale = b.abs().max(Decimal::ONE);
    diff <= scale * Decimal::new(1, 9)
}

fn dec(v: &Value) -> Option<Decimal> {
    v.as_str().and_then(|s| Decimal::from_str(s).ok())
}

/// Byte span of a quantity as code-point offsets.
fn char_span(text: &str, q: &Quantity) -> (usize, usize) {
    let s = text[..q.span.start].chars().count();
    let e = s + text[q.span.start..q.span.end].chars().count();
    (s, e)
}

/// Whether `found` has the expected item `exp`.
fn matches(text: &str, found: &[Quantity], exp: &Value) -> Option<bool> {
    let span = match (
        exp.get("start").and_then(Value::as_u64),
        exp.get("end").and_then(Value::as_u64),
    ) {
        (Some(s), Some(e)) => Some((s as usize, e as usize)),
        _ => None,
    };
    let overlaps = |q: &Quantity| {
        span.is_none_or(|(s, e)| {
            let (qs, qe) = char_span(text, q);
            qs < e && s < qe
        })
    };
    if let Some(range) = exp.get("range").filter(|r| r.is_object()) {
        let lo = dec(&range["lo"]);
        let hi = dec(&range["hi"]);
        if lo.is_none() && hi.is_none() {
            return None;
        }
        let eq = |a: Option<Decimal>, b: Option<Decimal>| match (a, b) {
            (Some(a), Some(b)) => close(a, b),
            (None, None) => true,
            _ => false,
        };
        return Some(found.iter().any(|q| {
            overlaps(q) && {
                let low = q.low.or(if q.high.is_some() { None } else { q.value });
                let high = q.high.or(if q.low.is_some() { None } else { q.value });
                (lo.is_none() || eq(low, lo)) && (hi.is_none() || eq(high, hi))
            }
        }));
    }
    let want = dec(&exp["value"])?;
    Some(found.iter().any(|q| {
        overlaps(q)
            && [q.value, q.low, q.high]
                .iter()
                .flatten()
                .any(|v| close(*v, want))
    }))
}

#[derive(Default)]
struct Score {
    items: usize,
    found: usize,
    documented: usize,
    documented_found: usize,
    negatives: usize,
    negatives_clean: usize,
}

/// Kinds a negative case of a category must not produce.
fn category_hit(category: &str, q: &Quantity) -> bool {
    use recount::quantity::Kind::*;
    match category {
        "percent" => matches!(q.kind, Percent | PercentagePoints),
        "ordinal" => q.kind == Ordinal,
        "currency" => q.kind == Money,
        "temperature" => q.kind == Temperature,
        "numberrange" => q.kind == Range || q.low.is_some() || q.high.is_some(),
        "number" => q.kind.is_quantity() && q.kind != Multiple,
        _ => q.kind.is_quantity() && q.unit.is_some(),
    }
}

#[test]
fn recall_on_peer_number_cases() {
    let Some(dir) = shared::dir("peers/numbers") else {
        return;
    };
    let deviations: HashSet<(String, String, String)> = shared::load_tsv("peers", "deviations.tsv")
        .into_iter()
        .map(|r| {
            let col = |i: usize| r.get(i).cloned().unwrap_or_default();
            (col(0), col(1), col(2))
        })
        .collect();
    let floors: BTreeMap<String, f64> = shared::load_tsv("peers", "floors.tsv")
        .into_iter()
        .map(|r| (r[0].clone(), r[1].parse().unwrap_or(0.0)))
        .collect();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("peers dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    // RECOUNT_PEERS_MISSES=<part of a file name> lists the cases missed in those files.
    let show_misses = std::env::var("RECOUNT_PEERS_MISSES").ok();
    let mut failures = Vec::new();
    let mut stale = Vec::new();
    println!(
        "{:<55} {:>6} {:>6} {:>8} {:>8} {:>7} {:>9}",
        "file", "items", "found", "recall", "adj.", "floor", "neg.clean"
    );
    for path in files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        // `<source>.<lang>.<category>.jsonl`: the language's own locale, as a user would
        // give it; a language recount has no data for is read with `auto`.
        let lang = name.split('.').nth(1).unwrap_or_default();
        let setting = Setting::parse(lang).unwrap_or(Setting::Auto);
        let text = std::fs::read_to_string(&path).expect("read peer file");
        let mut s = Score::default();
        for line in text.lines() {
            let case: Value = serde_json::from_str(line).expect("peer JSON");
            let input = case["input"].as_str().unwrap_or_default();
            let found = recount::recognize(input, setting).quantities;
            let Some(expected) = case["expected"].as_array() else {
                continue; // robustness cases: recognizing without a panic is the test
            };
            let category = case["category"].as_str().unwrap_or_default();
            if expected.is_empty() {
                s.negatives += 1;
                if !found.iter().any(|q| category_hit(category, q)) {
                    s.negatives_clean += 1;
                }
            }
            let id = case["case_id"].as_str().unwrap_or_default();
            for exp in expected {
                let Some(ok) = matches(input, &found, exp) else {
                    continue;
                };
                let key = (
                    id.to_string(),
                    exp["text"].as_str().unwrap_or_default().to_string(),
                    exp["value"].as_str().unwrap_or_default().to_string(),
                );
                s.items += 1;
                s.found += usize::from(ok);
                if !ok && show_misses.as_deref().is_some_and(|m| name.contains(m)) {
                    let got: Vec<_> = found
                        .iter()
                        .map(|q| {
                            format!(
                                "{} {:?} {}",
                                &input[q.span.start..q.span.end],
                                q.kind,
                                q.value
                                    .map(|v| v.normalize().to_string())
                                    .unwrap_or_default()
                            )
                        })
                        .collect();
                    let miss = serde_json::json!({"case_id": id, "input": input, "text": exp["text"], "value": exp["value"], "got": got});
                    println!("  miss {miss}");
                }
                if deviations.contains(&key) {
                    s.documented += 1;
                    s.documented_found += usize::from(ok);
                    if ok {
                        stale.push(format!("{} {:?} {:?}", key.0, key.1, key.2));
                    }
                }
            }
        }
        let pct = |a: usize, b: usize| {
            if b == 0 {
                100.0
            } else {
                100.0 * a as f64 / b as f64
            }
        };
        let recall = pct(s.found, s.items);
        let adjusted = pct(s.found - s.documented_found, s.items - s.documented);
        let floor = floors.get(&name).copied();
        println!(
            "{:<55} {:>6} {:>6} {:>7.1}% {:>7.1}% {:>7} {:>9}",
            name,
            s.items,
            s.found,
            recall,
            adjusted,
            floor.map_or("-".to_string(), |f| format!("{f:.1}")),
            format!("{}/{}", s.negatives_clean, s.negatives),
        );
        match floor {
            Some(f) if adjusted + 1e-9 < f => {
                failures.push(format!("{name}: {adjusted:.1}% < floor {f:.1}%"))
            }
            None => failures.push(format!("{name}: no floor in tests/peers/floors.tsv")),
            _ => {}
        }
    }
    assert!(
        stale.is_empty(),
        "documented deviations that now match (remove them from deviations.tsv): {stale:#?}"
    );
    assert!(failures.is_empty(), "below the floor: {failures:#?}");
}

#[test]
fn robustness_cases_do_not_panic() {
    let Some(dir) = shared::dir("peers/numbers") else {
        return;
    };
    let text = std::fs::read_to_string(dir.join("quantulum3.en.robustness.jsonl")).expect("read");
    let mut n = 0;
    for line in text.lines() {
        let case: Value = serde_json::from_str(line).expect("peer JSON");
        let input = case["input"].as_str().unwrap_or_default();
        let r = recount::recognize(input, Setting::En);
        // Every span lies inside the input and on character boundaries.
        for q in &r.quantities {
            assert!(q.span.start <= q.span.end && q.span.end <= input.len());
            assert!(input.is_char_boundary(q.span.start) && input.is_char_boundary(q.span.end));
        }
        n += 1;
    }
    assert!(n > 0);
}
