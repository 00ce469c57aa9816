//! Claim-file entries for the statistics rules: a reviewer checks a table's cells without an
//! article.
//!
//! ```yaml
//! claims:
//!   - id: table2-ratings
//!     grim: {mean: "5.19", n: 28, items: 1}        # also: rounding, symmetric, percent
//!   - id: table2-ratings-sd
//!     grimmer: {mean: "5.21", sd: "1.6", n: 28}    # also: items, rounding, symmetric
//!   - id: smokers
//!     debit: {mean: "0.19", sd: "0.35", n: 1683}   # also: rounding, symmetric
//!   - id: study1-t
//!     p_value: "t(28) = 2.20, p = .036"            # or {result: "…", alpha: 0.05, one_tailed: false}
//! ```
//!
//! Means and SDs are strings, so that their trailing zeros count ("5.20" is not 5.2); YAML
//! drops them from numbers. Such a claim takes no `stated` or `derive`; `quote`, `note` and
//! `source` work as for any claim.

use super::rules::grim::parse_rounding;
use super::rules::p_value;
use crate::check::interval::{Range, Target};
use crate::check::stats::Stat;
use crate::check::stats::granular::{Mode, Rounding};
use crate::check::{Claim, Expr, Operand, Stated};
use crate::quantity::Span;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde_yaml::Value;
use std::str::FromStr;

/// The keys that make a claim a statistics claim.
pub const KEYS: &[&str] = &["grim", "grimmer", "debit", "p_value"];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Granular {
    mean: Value,
    sd: Option<Value>,
    n: u64,
    items: Option<u64>,
    rounding: Option<String>,
    symmetric: Option<bool>,
    percent: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PValue {
    result: String,
    alpha: Option<f64>,
    one_tailed: Option<bool>,
    p_equal_alpha_sig: Option<bool>,
    p_zero_error: Option<bool>,
}

/// A figure given as a string, its decimals kept.
fn figure(v: &Value, what: &str) -> Result<Decimal, String> {
    match v {
        Value::String(s) => {
            Decimal::from_str(s.trim()).map_err(|_| format!("{what} \"{s}\" is no number"))
        }
        Value::Number(n) => Err(format!(
            "write the {what} as a string, like \"{n}\": YAML drops the trailing zeros of a number, and GRIM counts them"
        )),
        _ => Err(format!("the {what} must be a string, like \"5.19\"")),
    }
}

fn constant(v: Decimal, text: String) -> Operand {
    Operand {
        text,
        value: v,
        range: Range::point(v),
        span: None,
        fact: None,
    }
}

fn stated(text: String, v: Decimal) -> Stated {
    Stated {
        text,
        span: Span::new(0, 0),
        value: v,
        percent: false,
        unit: None,
        target: Target::closed(Range::point(v)),
        places: v.scale(),
    }
}

/// The claim-file entry that states claim `c` again, if it is a statistics claim:
/// `grim: {mean: "5.19", n: 28, items: 1}`, `p_value: "t(28) = 2.20, p = .03"`.
pub fn entry(c: &Claim) -> Option<String> {
    let Expr::Stat(s) = &c.expr else {
        return None;
    };
    let rounding = |m: &Mode| {
        let mut r = String::new();
        if *m != Mode::new(Rounding::UpOrDown) {
            r.push_str(&format!(", rounding: {}", m.name()));
            if m.symmetric && !m.exact {
                r.push_str(", symmetric: true");
            }
        }
        r
    };
    Some(match s.as_ref() {
        Stat::P(t) => {
            let result = format!(
                "{}, {}",
                c.inputs.first().map_or("", |i| i.text.as_str()),
                c.stated.text
            )
            .replace('"', "'");
            let mut opts = String::new();
            if t.one_tailed {
                opts.push_str(", one_tailed: true");
            }
            if t.rules.alpha != Decimal::new(5, 2) {
                opts.push_str(&format!(", alpha: {}", t.rules.alpha.normalize()));
            }
            if !t.rules.p_equal_alpha_sig {
                opts.push_str(", p_equal_alpha_sig: false");
            }
            if !t.rules.p_zero_error {
                opts.push_str(", p_zero_error: false");
            }
            if opts.is_empty() {
                format!("p_value: \"{result}\"")
            } else {
                format!("p_value: {{result: \"{result}\"{opts}}}")
            }
        }
        Stat::Grim {
            mean,
            n,
            items,
            percent,
            mode,
        } => format!(
            "grim: {{mean: \"{mean}\", n: {n}, items: {items}{}{}}}",
            if *percent { ", percent: true" } else { "" },
            rounding(mode)
        ),
        Stat::Grimmer {
            mean,
            sd,
            n,
            items,
            mode,
        } => format!(
            "grimmer: {{mean: \"{mean}\", sd: \"{sd}\", n: {n}, items: {items}{}}}",
            rounding(mode)
        ),
        Stat::Debit { mean, sd, n, mode } => format!(
            "debit: {{mean: \"{mean}\", sd: \"{sd}\", n: {n}{}}}",
            rounding(mode)
        ),
    })
}

/// The claim of a statistics entry `key: value` (`grim: {…}`), or what is wrong with it.
pub fn build(rule: &'static str, key: &str, value: &Value) -> Result<Claim, String> {
    if key == "p_value" {
        let p: PValue = match value {
            Value::String(s) => PValue {
                result: s.clone(),
                alpha: None,
                one_tailed: None,
                p_equal_alpha_sig: None,
                p_zero_error: None,
            },
            v => serde_yaml::from_value(v.clone()).map_err(|e| format!("p_value: {e}"))?,
        };
        let mut s = p_value::Settings::default();
        if let Some(a) = p.alpha {
            s.set("alpha", &a.to_string())
                .map_err(|e| format!("alpha: {e}"))?;
        }
        s.one_tailed = p.one_tailed.unwrap_or(false);
        s.p_equal_alpha_sig = p.p_equal_alpha_sig.unwrap_or(true);
        s.p_zero_error = p.p_zero_error.unwrap_or(true);
        let found = p_value::scan(&p.result);
        let [f] = found.as_slice() else {
            return Err(format!(
                "p_value: expected one APA result like \"t(28) = 2.20, p = .036\", found {} in \"{}\"",
                found.len(),
                p.result
            ));
        };
        let mut c = p_value::claim_of(&p.result, f, p_value::test_of(f, &s, s.one_tailed));
        c.rule = rule;
        for o in &mut c.inputs {
            o.span = None;
        }
        return Ok(c);
    }
    let g: Granular = serde_yaml::from_value(value.clone()).map_err(|e| format!("{key}: {e}"))?;
    let mean = figure(&g.mean, "mean")?;
    let mut mode = match &g.rounding {
        Some(r) => parse_rounding(r)?,
        None => Mode::new(Rounding::UpOrDown),
    };
    mode.symmetric |= g.symmetric.unwrap_or(false);
    let items = g.items.unwrap_or(1);
    if g.n == 0 || items == 0 {
        return Err(format!("{key}: n and items must be 1 or more"));
    }
    let sd = g.sd.as_ref().map(|v| figure(v, "SD")).transpose()?;
    let n_op = constant(Decimal::from(g.n), format!("n = {}", g.n));
    let (stat, st, inputs) = match (key, sd) {
        ("grim", None) => (
            Stat::Grim {
                mean,
                n: g.n,
                items,
                percent: g.percent.unwrap_or(false),
                mode,
            },
            stated(format!("M = {mean}"), mean),
            vec![constant(mean, format!("M = {mean}")), n_op],
        ),
        ("grimmer", Some(sd)) | ("debit", Some(sd)) => {
            if g.n < 2 {
                return Err(format!("{key}: an SD needs n of 2 or more"));
            }
            if key == "debit" && (g.items.is_some() || g.percent.is_some()) {
                return Err("debit: a binary variable takes no items or percent".into());
            }
            let unit = |v: Decimal| v >= Decimal::ZERO && v <= Decimal::ONE;
            if key == "debit" && !(unit(mean) && unit(sd)) {
                return Err("debit: the mean and SD of a 0/1 variable lie between 0 and 1".into());
            }
            let stat = if key == "debit" {
                Stat::Debit {
                    mean,
                    sd,
                    n: g.n,
                    mode,
                }
            } else {
                Stat::Grimmer {
                    mean,
                    sd,
                    n: g.n,
                    items,
                    mode,
                }
            };
            (
                stat,
                stated(format!("SD = {sd}"), sd),
                vec![
                    constant(mean, format!("M = {mean}")),
                    constant(sd, format!("SD = {sd}")),
                    n_op,
                ],
            )
        }
        ("grim", Some(_)) => return Err("grim: no sd (use grimmer for a mean with its SD)".into()),
        (k, None) => return Err(format!("{k}: needs an sd")),
        (k, _) => return Err(format!("unknown statistics claim \"{k}\"")),
    };
    Ok(Claim::new(rule, st, Expr::Stat(Box::new(stat)), inputs))
}

#[cfg(test)]
mod tests {
    use crate::check::Verdict;
    use crate::claims::file::verify_text;
    use std::path::Path;

    fn verdicts(yaml: &str) -> Vec<(String, Verdict)> {
        let v = verify_text("t.yaml", yaml, Path::new(".")).expect("verifies");
        v.checked
            .into_iter()
            .map(|c| (c.id, c.outcome.verdict))
            .collect()
    }

    fn error(yaml: &str) -> String {
        let f = verify_text("t.yaml", yaml, Path::new(".")).expect_err("fails");
        f.errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn a_tables_cells() {
        let got = verdicts(
            "claims:\n  - id: a\n    grim: {mean: \"5.19\", n: 28, items: 1}\n  - id: b\n    grim: {mean: \"5.19\", n: 28, items: 3}\n  - id: c\n    grimmer: {mean: \"5.23\", sd: \"2.55\", n: 35}\n  - id: d\n    debit: {mean: \"0.53\", sd: \"0.50\", n: 1683}\n  - id: e\n    p_value: \"F(2, 28) = 2.20, p = .15\"\n  - id: f\n    grim: {mean: \"0.24\", n: 40, rounding: ROUND_FLOOR}\n  - id: g\n    grim: {mean: \"0.24\", n: 40, rounding: floor}\n",
        );
        let want = [
            ("a", Verdict::Mismatch),
            ("b", Verdict::Ok),
            ("c", Verdict::Mismatch),
            ("d", Verdict::Ok),
            ("e", Verdict::Mismatch),
            ("f", Verdict::Mismatch),
            ("g", Verdict::Ok),
        ];
        let want: Vec<(String, Verdict)> = want.iter().map(|(i, v)| (i.to_string(), *v)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn drafts_verify_alike() {
        let text = "Readers, t(28) = 2.20, p = .03, and t(28) = 1.20, p = .03; ratings (M = 5.19, SD = 1.34, n = 28) and (M = 5.21, SD = 1.6, n = 28).\n";
        let dir = std::env::temp_dir().join(format!("recount-stat-draft-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.txt"), text).unwrap();
        let doc = crate::source::Document::new("a.txt", text.to_string());
        let y = crate::claims::draft::draft(&doc, "a.txt", crate::locale::Setting::Auto);
        assert!(y.contains("p_value: \"t(28) = 2.20, p = .03\""), "{y}");
        assert!(y.contains("grim: {mean: \"5.19\", n: 28, items: 1}"), "{y}");
        let v = verify_text("d.yaml", &y, &dir).expect("the draft verifies");
        let checked: Vec<Verdict> = v.checked.iter().map(|c| c.outcome.verdict).collect();
        let found: Vec<Verdict> = crate::check_text(text, crate::locale::Setting::Auto, |_| true)
            .iter()
            .map(|o| o.verdict)
            .collect();
        let mut a = checked.clone();
        let mut b = found.clone();
        a.sort();
        b.sort();
        assert_eq!(a, b, "{y}");
        assert!(v.quotes.iter().all(|q| !q.is_error()), "{y}");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn errors_point_at_the_entry() {
        let e = error("claims:\n  - id: a\n    grim: {mean: 5.20, n: 28}\n");
        assert!(
            e.starts_with("t.yaml:3:11: claim \"a\": write the mean as a string"),
            "{e}"
        );
        let e = error("claims:\n  - id: a\n    grim: {mean: \"5.2\", n: 28, colour: red}\n");
        assert!(e.contains("unknown field `colour`"), "{e}");
        let e = error("claims:\n  - id: a\n    grim: {mean: \"5.2\", n: 28}\n    stated: 5.2\n");
        assert!(e.contains("takes no stated"), "{e}");
        let e = error("claims:\n  - id: a\n    debit: {mean: \"1.5\", sd: \"0.5\", n: 28}\n");
        assert!(e.contains("between 0 and 1"), "{e}");
        let e = error("claims:\n  - id: a\n    grim: {mean: \"5.2\", n: 28, rounding: sideways}\n");
        assert!(e.contains("unknown rounding"), "{e}");
    }
}
