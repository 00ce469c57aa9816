//! SARIF 2.1.0, so that code-scanning tools show findings on the lines of Markdown and text
//! files: one run, the rules as the driver's rules, one result a finding.

use super::check::FileOut;
use crate::check::Verdict;
use crate::claims::RULES;
use serde_json::{Value, json};

/// The SARIF log of the findings of `files`.
pub fn log(files: &[FileOut]) -> Value {
    let rules: Vec<Value> = RULES
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
    let mut results = Vec::new();
    for f in files {
        for x in &f.findings {
            let level = match x.verdict {
                Verdict::Mismatch => "error",
                Verdict::Imprecise => "warning",
                Verdict::Unverifiable | Verdict::Ok => "note",
            };
            let rule_index = RULES.iter().position(|r| r.id == x.rule);
            results.push(json!({
                "ruleId": x.rule,
                "ruleIndex": rule_index,
                "level": level,
                "kind": if x.verdict == Verdict::Ok { "pass" } else { "fail" },
                "message": {"text": x.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.path},
                        "region": {
                            "startLine": x.line,
                            "startColumn": x.column,
                            "charOffset": x.start,
                            "charLength": x.end - x.start,
                        }
                    }
                }],
                "properties": {"verdict": x.verdict, "id": x.id},
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
