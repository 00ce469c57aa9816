//! SARIF 2.1.0, so that code-scanning tools show findings on the lines of Markdown and text
//! files: one run, the rules as the driver's rules, one result a finding.

use super::check::FileOut;
use crate::check::Verdict;
use crate::claims::RULES;
use serde_json::{Value, json};

/// The rules of claim files (`recount verify`), listed after the article rules when used.
const CLAIM_FILE_RULES: &[(&str, &str)] = &[
    (
        "claim",
        "a claim of a claim file must follow from its facts as derived",
    ),
    (
        "stale-quote",
        "a claim file's quote must still stand in the article",
    ),
    (
        "quote-twice",
        "a claim file's quote should stand in the article only once",
    ),
];

fn region(path: &str, line: usize, column: usize, start: usize, end: usize) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": {"uri": path},
            "region": {
                "startLine": line,
                "startColumn": column,
                "charOffset": start,
                "charLength": end.saturating_sub(start),
            }
        }
    })
}

/// The SARIF log of the findings of `files`.
pub fn log(files: &[FileOut]) -> Value {
    let claim_files = files
        .iter()
        .any(|f| !f.problems.is_empty() || f.findings.iter().any(|x| x.id.is_some()));
    let mut results = Vec::new();
    for f in files {
        results.extend(file_results(f, claim_files));
    }
    log_with(claim_files, Value::Array(results))
}

/// A SARIF log to be written a result at a time (see [`super::stream::JsonArray`]), for the
/// findings of articles.
pub fn stream() -> super::stream::JsonArray {
    super::stream::JsonArray::around(&log_with(
        false,
        Value::String(super::stream::MARK_VALUE.into()),
    ))
}

/// The rule ids in the order of the log's rules.
fn rule_ids(claim_files: bool) -> Vec<&'static str> {
    let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
    if claim_files {
        ids.extend(CLAIM_FILE_RULES.iter().map(|(id, _)| *id));
    }
    ids
}

/// The log, with `results` as its one run's results.
fn log_with(claim_files: bool, results: Value) -> Value {
    let mut rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.summary},
                "help": {"text": r.doc, "markdown": r.doc},
            })
        })
        .collect();
    if claim_files {
        for (id, summary) in CLAIM_FILE_RULES {
            rules.push(json!({
                "id": id,
                "shortDescription": {"text": summary},
                "fullDescription": {"text": summary},
            }));
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "recount",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://crates.io/crates/recount",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

/// The SARIF results of one file's findings and quote problems.
pub fn file_results(f: &FileOut, claim_files: bool) -> Vec<Value> {
    let ids = rule_ids(claim_files);
    let mut results = Vec::new();
    for x in &f.findings {
        let level = match x.verdict {
            Verdict::Mismatch => "error",
            Verdict::Imprecise => "warning",
            Verdict::Unverifiable | Verdict::Ok => "note",
        };
        let rule_index = ids.iter().position(|r| *r == x.rule);
        let mut result = json!({
            "ruleId": x.rule,
            "ruleIndex": rule_index,
            "level": level,
            "kind": if x.verdict == Verdict::Ok { "pass" } else { "fail" },
            "message": {"text": x.message},
            "locations": [region(&f.path, x.line, x.column, x.start, x.end)],
            "properties": {"verdict": x.verdict, "id": x.id},
        });
        if let Some(st) = &x.stat {
            result["properties"]["stat"] = json!(st);
        }
        if let Some(g) = &x.granularity {
            result["properties"]["granularity"] = json!(g);
        }
        if let Some(a) = &x.article {
            result["relatedLocations"] = json!([{
                "id": 1,
                "message": {"text": "the quote in the article"},
                "physicalLocation": region(&a.path, a.line, a.column, a.start, a.end)["physicalLocation"],
            }]);
        }
        results.push(result);
    }
    for p in &f.problems {
        let mut result = json!({
            "ruleId": p.kind,
            "ruleIndex": ids.iter().position(|r| *r == p.kind),
            "level": p.level,
            "kind": "fail",
            "message": {"text": p.message},
            "locations": [region(&f.path, p.line, p.column, p.start, p.end)],
            "properties": {"id": p.id},
        });
        if !p.found.is_empty() {
            result["relatedLocations"] = p
                .found
                .iter()
                .enumerate()
                .map(|(k, a)| {
                    json!({
                        "id": k + 1,
                        "message": {"text": "the quote in the article"},
                        "physicalLocation": region(&a.path, a.line, a.column, a.start, a.end)["physicalLocation"],
                    })
                })
                .collect();
        }
        results.push(result);
    }
    results
}
