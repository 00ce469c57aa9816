//! Agreement with statcheck's and scrutiny's own test data (../shared/peers/stats).
//!
//! statcheck cases: each input is scanned for APA results with the case's statcheck options
//! mapped to the `p-value` rule's settings; every field the case asserts (the number of results,
//! test type, degrees of freedom, comparisons, values, computed p, error, decision error,
//! one-tailed detection, APA factor, the p-values alone with `AllPValues`) must agree. Manual
//! reference cases are the human coding of real articles, PDF damage and all.
//!
//! Granularity cases: GRIM, GRIMMER (with scrutiny's reason) and DEBIT (with its unrounded
//! bounds) on the case's mean, SD, n, items and rounding.
//!
//! The table gives agreement per stratum. Every disagreement is listed with its reason in
//! tests/stats_peers/disagreements.tsv, and the test fails on one that is not listed (or a
//! listed one that now agrees); the floors in tests/stats_peers/floors.tsv (only ever raised)
//! hold per group of strata.

#[path = "support/shared.rs"]
mod shared;

use recount::check::stats::granular::{self, GrimmerReason, Mode, Rounding};
use recount::check::stats::p::Comp;
use recount::claims::rules::p_value::{self, Found, Settings};
use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

/// The p-value settings for a case's statcheck options, on statcheck's defaults.
fn settings(opts: &Value) -> Settings {
    let mut s = Settings {
        one_tailed_text: false,
        ..Settings::default()
    };
    let b = |k: &str| opts.get(k).and_then(Value::as_bool);
    if let Some(v) = b("OneTailedTxt") {
        s.one_tailed_text = v;
    }
    if let Some(v) = b("OneTailedTests") {
        s.one_tailed = v;
    }
    if let Some(v) = b("pEqualAlphaSig") {
        s.p_equal_alpha_sig = v;
    }
    if let Some(v) = b("pZeroError") {
        s.p_zero_error = v;
    }
    if let Some(a) = opts.get("alpha").and_then(Value::as_f64) {
        s.alpha = Decimal::from_f64(a).expect("alpha").normalize();
    }
    s
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1e-12)
}

fn dec_f64(d: Decimal, exp: i32) -> f64 {
    d.to_f64().unwrap_or(f64::NAN) * 10f64.powi(exp)
}

fn comp(c: Comp) -> &'static str {
    match c {
        Comp::Le => "<=",
        Comp::Ge => ">=",
        c => c.symbol(),
    }
}

/// The fields of result `f` that differ from `exp`, by name.
fn result_differs(text: &str, f: &Found, exp: &Value, s: &Settings, one_tail: bool) -> Vec<String> {
    let mut bad = Vec::new();
    let test = p_value::choose_test(f, s, one_tail);
    let r = test.evaluate();
    let Some(obj) = exp.as_object() else {
        return bad;
    };
    for (k, v) in obj {
        let ok = match k.as_str() {
            "test_type" => v.as_str() == Some(f.test.label()),
            "df1" | "df2" => {
                let ours = if k == "df1" { f.df1 } else { f.df2 };
                match (ours, v.as_f64()) {
                    (None, None) => true,
                    (Some(a), Some(b)) => close(a.to_f64().unwrap_or(f64::NAN), b),
                    _ => false,
                }
            }
            "test_comp" => v.as_str() == Some(comp(f.test_comp)),
            "p_comp" => v.as_str() == Some(comp(f.p_comp)),
            "test_value" => v
                .as_f64()
                .is_some_and(|b| close(f.test_value.to_f64().unwrap_or(f64::NAN), b)),
            "reported_p" => match (f.reported_p, v.as_f64()) {
                (None, None) => true,
                (Some(a), Some(b)) => close(dec_f64(a, f.p_exp), b),
                _ => false,
            },
            "computed_p" => r.is_some_and(|r| {
                v.as_f64()
                    .is_some_and(|b| close(dec_f64(r.computed, test.p_exp), b))
            }),
            "error" => r.is_some_and(|r| v.as_bool() == Some(r.error)),
            "decision_error" => r.is_some_and(|r| v.as_bool() == Some(r.decision_error)),
            "one_tailed_in_txt" => v.as_bool() == Some(p_value::says_one_tailed(text)),
            "raw" => {
                let raw = text[f.span.start..f.span.end].trim();
                v.as_str().map(str::trim) == Some(raw)
            }
            // Human coding or whole-article facts, not the result's own fields.
            "manual_test_type"
            | "should_extract_apa"
            | "error_if_OneTailedTxt_on_full_article"
            | "decision_error_if_OneTailedTxt_on_full_article"
            | "one_tailed_in_txt_full_article"
            | "n_results"
            | "apa_factor"
            | "results"
            | "n_pvalues" => true,
            _ => true,
        };
        if !ok {
            bad.push(k.clone());
        }
    }
    bad
}

/// Why a statcheck case disagrees (the fields), or `None` when it agrees.
fn statcheck_case(case: &Value) -> Option<String> {
    let input = case["input"].as_str().unwrap_or_default();
    let opts = &case["options"];
    let exp = &case["expected"];
    let s = settings(opts);
    if opts.get("AllPValues").and_then(Value::as_bool) == Some(true) {
        let ps = p_value::p_values(input);
        let mut bad = Vec::new();
        if let Some(n) = exp.get("n_pvalues").and_then(Value::as_u64)
            && ps.len() as u64 != n
        {
            bad.push(format!("n_pvalues {}", ps.len()));
        }
        if let Some((c, v)) = ps.first() {
            if let Some(want) = exp.get("p_comp").and_then(Value::as_str)
                && comp(*c) != want
            {
                bad.push("p_comp".into());
            }
            if let Some(want) = exp.get("reported_p") {
                let ok = match (v, want.as_f64()) {
                    (None, None) => true,
                    (Some(a), Some(b)) => close(dec_f64(*a, 0), b),
                    _ => false,
                };
                if !ok {
                    bad.push("reported_p".into());
                }
            }
        }
        return (!bad.is_empty()).then(|| bad.join(", "));
    }
    let found: Vec<Found> = p_value::scan(input);
    let one_tail = p_value::says_one_tailed(input);
    let mut bad = Vec::new();
    if let Some(n) = exp.get("n_results").and_then(Value::as_u64)
        && found.len() as u64 != n
    {
        bad.push(format!("n_results {}", found.len()));
    }
    if let Some(a) = exp.get("apa_factor").and_then(Value::as_f64) {
        let ps = p_value::p_values(input).len().max(1);
        if !close(found.len() as f64 / ps as f64, a) {
            bad.push("apa_factor".into());
        }
    }
    let fields: Vec<&String> = exp
        .as_object()
        .map(|o| o.keys().collect())
        .unwrap_or_default();
    let per_result = fields.iter().any(|k| {
        !matches!(
            k.as_str(),
            "n_results" | "apa_factor" | "manual_test_type" | "should_extract_apa"
        )
    });
    if per_result {
        // The result the case is about: the one whose text is `select_raw`, else the first.
        let target = match case.get("select_raw").and_then(Value::as_str) {
            Some(sel) => found.iter().find(|f| {
                let raw = &input[f.span.start..f.span.end];
                raw.trim() == sel.trim()
            }),
            None => found.first(),
        };
        match target {
            None => bad.push("no result".into()),
            Some(f) => bad.extend(result_differs(input, f, exp, &s, one_tail)),
        }
    }
    (!bad.is_empty()).then(|| bad.join(", "))
}

fn mode_of(case: &Value) -> Mode {
    let name = case["rounding"].as_str().unwrap_or("up_or_down");
    let t = case
        .get("threshold")
        .and_then(Value::as_u64)
        .and_then(|t| u8::try_from(t).ok());
    match name {
        "up_from" => Mode::new(Rounding::UpFrom(t.unwrap_or(5))),
        "down_from" => Mode::new(Rounding::DownFrom(t.unwrap_or(5))),
        other => Mode::parse(other).unwrap_or_else(|| panic!("rounding {other}")),
    }
}

/// Why a granularity case disagrees, or `None`.
fn granularity_case(case: &Value) -> Option<String> {
    let d = |k: &str| {
        case[k]
            .as_str()
            .map(|s| Decimal::from_str(s).unwrap_or_else(|e| panic!("{k} {s}: {e}")))
    };
    let x = d("x")?;
    let n = case["n"].as_u64()?;
    let items = case["items"].as_u64().unwrap_or(1);
    let percent = case["percent"].as_bool().unwrap_or(false);
    let mode = mode_of(case);
    let want = case["expected_consistent"].as_bool();
    let mut bad = Vec::new();
    let got = match case["test"].as_str()? {
        "grim" => granular::grim(x, n, items, percent, mode).map(|g| g.consistent),
        "grimmer" => {
            let r = granular::grimmer(x, d("sd")?, n, items, mode)?;
            if let Some(reason) = case.get("reason").and_then(Value::as_str)
                && reason != r.text()
            {
                bad.push(format!("reason {}", r.text()));
            }
            Some(r == GrimmerReason::Passed)
        }
        "debit" => {
            let sd = d("sd")?;
            let near = |a: Decimal, b: &Value| {
                b.as_f64()
                    .is_some_and(|b| (a.to_f64().unwrap_or(f64::NAN) - b).abs() < 1e-9)
            };
            for (key, v) in [("x_bounds", x), ("sd_bounds", sd)] {
                if let Some(b) = case.get(key).and_then(Value::as_array) {
                    let (lo, hi) = granular::unround(v, mode);
                    if !(near(lo, &b[0]) && near(hi, &b[1])) {
                        bad.push(key.to_string());
                    }
                }
            }
            granular::debit(x, sd, n, mode).map(|r| r.consistent)
        }
        _ => None,
    };
    if got != want {
        bad.push(format!("consistent {got:?}"));
    }
    (!bad.is_empty()).then(|| bad.join(", "))
}

#[derive(Default)]
struct Tally {
    cases: usize,
    agree: usize,
    listed: usize,
}

/// The group a stratum's floor applies to: "testthat", "manual_reference", "test_paper",
/// "granularity".
fn group(stratum: &str, source: &str) -> String {
    if source == "statcheck" {
        stratum.split('/').next().unwrap_or(stratum).to_string()
    } else {
        "granularity".to_string()
    }
}

#[test]
fn agreement_with_statcheck_and_scrutiny_cases() {
    let Some(dir) = shared::dir("peers/stats") else {
        return;
    };
    let listed: BTreeMap<String, String> = shared::load_tsv("stats_peers", "disagreements.tsv")
        .into_iter()
        .map(|r| (r[0].clone(), r.get(1).cloned().unwrap_or_default()))
        .collect();
    let floors: BTreeMap<String, f64> = shared::load_tsv("stats_peers", "floors.tsv")
        .into_iter()
        .map(|r| (r[0].clone(), r[1].parse().expect("floor")))
        .collect();
    let mut strata: BTreeMap<String, Tally> = BTreeMap::new();
    let mut groups: BTreeMap<String, Tally> = BTreeMap::new();
    let mut unlisted = Vec::new();
    let mut seen = BTreeSet::new();
    for file in ["statcheck_cases.jsonl", "granularity_cases.jsonl"] {
        let text = std::fs::read_to_string(dir.join(file)).expect("read cases");
        for line in text.lines() {
            let case: Value = serde_json::from_str(line).expect("case JSON");
            let id = case["id"].as_str().unwrap_or_default().to_string();
            let stratum = case["stratum"].as_str().unwrap_or_default().to_string();
            let source = case["source"].as_str().unwrap_or_default();
            let why = if file.starts_with("statcheck") {
                statcheck_case(&case)
            } else {
                granularity_case(&case)
            };
            for t in [
                strata.entry(stratum.clone()).or_default(),
                groups.entry(group(&stratum, source)).or_default(),
            ] {
                t.cases += 1;
                t.agree += usize::from(why.is_none());
                t.listed += usize::from(why.is_some() && listed.contains_key(&id));
            }
            if let Some(why) = why {
                seen.insert(id.clone());
                if !listed.contains_key(&id) {
                    let input = case
                        .get("input")
                        .cloned()
                        .unwrap_or_else(|| case["x"].clone());
                    unlisted.push(format!("{id}\t{stratum}\t{why}\t{input}"));
                }
            }
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "{:<26} {:>6} {:>6} {:>9} {:>7}",
        "stratum", "cases", "agree", "agreement", "listed"
    );
    for (name, t) in &strata {
        println!(
            "{:<26} {:>6} {:>6} {:>8.1}% {:>7}",
            name,
            t.cases,
            t.agree,
            pct(t.agree, t.cases),
            t.listed
        );
    }
    println!();
    let mut failures = Vec::new();
    for (name, t) in &groups {
        let a = pct(t.agree, t.cases);
        let floor = floors.get(name).copied();
        println!(
            "{:<26} {:>6} {:>6} {:>8.1}%  floor {}",
            name,
            t.cases,
            t.agree,
            a,
            floor.map_or("-".into(), |f| format!("{f:.1}%"))
        );
        match floor {
            Some(f) if a + 1e-9 < f => failures.push(format!("{name}: {a:.1}% < floor {f:.1}%")),
            None => failures.push(format!("{name}: no floor in floors.tsv")),
            _ => {}
        }
    }
    let stale: Vec<&String> = listed.keys().filter(|id| !seen.contains(*id)).collect();
    assert!(
        unlisted.is_empty(),
        "disagreements not listed in tests/stats_peers/disagreements.tsv (fix them or list them with the reason):\n{}",
        unlisted.join("\n")
    );
    assert!(
        stale.is_empty(),
        "listed disagreements that now agree (remove them): {stale:?}"
    );
    assert!(failures.is_empty(), "below the floor: {failures:#?}");
}
