//! Statistics a paper reports: p-values re-derived from their test statistics ([`p`]) and
//! means and SDs tested for granularity ([`granular`]).
//!
//! A rule states such a check as a [`Claim`] whose derivation is [`Expr::Stat`](super::Expr),
//! and [`check`] gives it the usual verdicts: `ok` when it is consistent, `imprecise` when a
//! p-value is consistent only thanks to the rounding of its statistic, `mismatch` when it is
//! not consistent at all (a p-value's decision error, one that changes the significance at
//! alpha, is said first in the message and [`is_decision_error`] finds it).

pub mod granular;
pub mod p;

use super::interval::{ArithError, Range};
use super::{Claim, Operand, Outcome, Verdict};
use granular::{GrimmerReason, Mode};
use p::PTest;
use rust_decimal::Decimal;

/// A statistical check, as an [`Expr`](super::Expr) node holds it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Stat {
    /// The p of a reported test statistic.
    P(PTest),
    /// A mean of `n` responses to `items` integer items.
    Grim {
        mean: Decimal,
        n: u64,
        items: u64,
        percent: bool,
        mode: Mode,
    },
    /// A mean and SD of `n` responses to `items` integer items.
    Grimmer {
        mean: Decimal,
        sd: Decimal,
        n: u64,
        items: u64,
        mode: Mode,
    },
    /// A mean and SD of a binary (0/1) variable over `n` cases.
    Debit {
        mean: Decimal,
        sd: Decimal,
        n: u64,
        mode: Mode,
    },
}

/// What a check gave: the value re-derived, its interval, and whether it is consistent.
struct Eval {
    exact: Decimal,
    range: Range,
    verdict: Verdict,
    message: String,
}

impl Stat {
    /// The value the check re-derives: the p of the statistic, the granule nearest the mean,
    /// the SD of a binary variable with that mean.
    pub fn exact(&self) -> Result<Decimal, ArithError> {
        Ok(self.eval(&[], None).ok_or(ArithError::Overflow)?.exact)
    }

    /// The interval of that value from the rounding of the figures.
    pub fn range(&self) -> Result<Range, ArithError> {
        Ok(self.eval(&[], None).ok_or(ArithError::Overflow)?.range)
    }

    /// The check written out: "p of t(28) = 2.20", "GRIM(5.19, n = 28)".
    pub fn show(&self, ops: &[Operand]) -> String {
        match self {
            Stat::P(t) => {
                let stat = ops
                    .first()
                    .map_or_else(|| t.test.label().to_string(), |o| o.text.clone());
                format!("p of {stat}")
            }
            Stat::Grim { mean, n, items, .. } => {
                format!("GRIM({mean}, n = {n}{})", items_text(*items))
            }
            Stat::Grimmer {
                mean, sd, n, items, ..
            } => format!("GRIMMER({mean}, SD {sd}, n = {n}{})", items_text(*items)),
            Stat::Debit { mean, sd, n, .. } => format!("DEBIT({mean}, SD {sd}, n = {n})"),
        }
    }

    fn eval(&self, ops: &[Operand], stated: Option<&str>) -> Option<Eval> {
        match self {
            Stat::P(t) => eval_p(t, ops, stated),
            Stat::Grim {
                mean,
                n,
                items,
                percent,
                mode,
            } => {
                let g = granular::grim(*mean, *n, *items, *percent, *mode)?;
                let scale = if *percent {
                    Decimal::ONE_HUNDRED
                } else {
                    Decimal::ONE
                };
                let total = n.checked_mul(*items)?;
                let shown = |(k, v): (Decimal, Decimal)| {
                    format!(
                        "{k}/{total} = {}",
                        (v * scale).round_dp(places(*mean) + 2).normalize()
                    )
                };
                let of = responses(*n, *items);
                let pct = if *percent { "%" } else { "" };
                let (verdict, message) = if g.consistent {
                    (
                        Verdict::Ok,
                        format!(
                            "{mean}{pct} can be a mean of {of} ({}, {})",
                            shown(g.below),
                            shown(g.above)
                        ),
                    )
                } else {
                    (
                        Verdict::Mismatch,
                        format!(
                            "no mean of {of} rounds to {mean}{pct}: {} and {} are the nearest",
                            shown(g.below),
                            shown(g.above)
                        ),
                    )
                };
                let nearest = if (g.sum - g.below.0) <= (g.above.0 - g.sum) {
                    g.below.1
                } else {
                    g.above.1
                };
                Some(Eval {
                    exact: nearest * scale,
                    range: Range {
                        lo: g.below.1 * scale,
                        hi: g.above.1 * scale,
                    },
                    verdict,
                    message,
                })
            }
            Stat::Grimmer {
                mean,
                sd,
                n,
                items,
                mode,
            } => {
                let r = granular::grimmer(*mean, *sd, *n, *items, *mode)?;
                let of = responses(*n, *items);
                let why = match r {
                    GrimmerReason::Passed => "",
                    GrimmerReason::Grim => "the mean itself is impossible (GRIM)",
                    GrimmerReason::Test1 => {
                        "no whole-number sum of squares lies within the SD's rounding (test 1)"
                    }
                    GrimmerReason::Test2 => {
                        "no whole-number sum of squares gives an SD that rounds to it (test 2)"
                    }
                    GrimmerReason::Test3 => {
                        "the sums of squares that give it have the wrong parity for the sum (test 3)"
                    }
                };
                let (verdict, message) = if r == GrimmerReason::Passed {
                    (
                        Verdict::Ok,
                        format!("mean {mean} and SD {sd} can come from {of}"),
                    )
                } else {
                    (
                        Verdict::Mismatch,
                        format!("mean {mean} and SD {sd} cannot both come from {of}: {why}"),
                    )
                };
                Some(Eval {
                    exact: *sd,
                    range: Range::point(*sd),
                    verdict,
                    message,
                })
            }
            Stat::Debit { mean, sd, n, mode } => {
                let r = granular::debit(*mean, *sd, *n, *mode)?;
                let exact = granular::binary_sd(*mean, *n)?.round_dp(places(*sd) + 2);
                let range = if r.sd_low == r.sd_high {
                    format!("{}", r.sd_low)
                } else {
                    format!("{}–{}", r.sd_low, r.sd_high)
                };
                let verdict = if r.consistent {
                    Verdict::Ok
                } else {
                    Verdict::Mismatch
                };
                let message = format!(
                    "a 0/1 variable with mean {mean} over {n} cases has an SD of {range}, the text says {sd}"
                );
                Some(Eval {
                    exact,
                    range: Range {
                        lo: r.sd_low,
                        hi: r.sd_high,
                    },
                    verdict,
                    message,
                })
            }
        }
    }
}

fn places(x: Decimal) -> u32 {
    x.scale()
}

fn items_text(items: u64) -> String {
    if items == 1 {
        String::new()
    } else {
        format!(", {items} items")
    }
}

fn responses(n: u64, items: u64) -> String {
    if items == 1 {
        format!("{n} whole-number responses")
    } else {
        format!("{n} responses to {items} whole-number items")
    }
}

/// The message and verdict of a p-value.
fn eval_p(t: &PTest, ops: &[Operand], stated: Option<&str>) -> Option<Eval> {
    let r = t.evaluate()?;
    let stat = ops
        .first()
        .map_or_else(|| t.test.label().to_string(), |o| o.text.clone());
    let dp = t.p_dec() + 1;
    let show = |v: Decimal| {
        let s3 = p::round_sig(v, 3);
        t.show_p(if s3.scale() >= dp { s3 } else { v.round_dp(dp) })
    };
    let stated = match (stated, t.p_comp, t.reported_p) {
        (Some(s), ..) => s.to_string(),
        (None, p::Comp::Ns, _) | (None, _, None) => "ns".to_string(),
        (None, c, Some(v)) => format!("p {} {}", c.symbol(), t.show_p(v)),
    };
    let tail = if t.one_tailed && t.test.has_tails() {
        ", one-tailed"
    } else {
        ""
    };
    let computed = if r.computed.is_zero() && r.computed.scale() >= 28 {
        "p < 1e-28".to_string()
    } else {
        format!("p = {}", show(r.computed))
    };
    let interval = format!("{}–{}", show(r.low), show(r.high));
    let verdict = if r.error {
        Verdict::Mismatch
    } else if r.exact {
        Verdict::Ok
    } else {
        Verdict::Imprecise
    };
    let mut message = if r.decision_error {
        let a = t.alpha_units();
        let significant = r.computed < a || (r.computed == a && t.rules.p_equal_alpha_sig);
        let sig = if significant {
            "significant"
        } else {
            "not significant"
        };
        format!(
            "decision error: {stat} gives {computed}{tail}, {} at α = {}, but the text says {stated}",
            sig,
            t.rules.alpha.normalize()
        )
    } else {
        format!("{stat} gives {computed}{tail}, the text says {stated}")
    };
    match verdict {
        Verdict::Imprecise => message.push_str(&format!(
            " (within the statistic's rounding: p = {interval})"
        )),
        Verdict::Mismatch => message.push_str(&format!(
            " (p = {interval} within the statistic's rounding)"
        )),
        _ => {}
    }
    Some(Eval {
        exact: r.computed,
        range: Range {
            lo: r.low,
            hi: r.high,
        },
        verdict,
        message,
    })
}

/// Checks a claim whose derivation is a statistical check.
pub fn check(claim: Claim, stat: &Stat) -> Outcome {
    let Some(e) = stat.eval(&claim.inputs, Some(&claim.stated.text)) else {
        let message = format!(
            "{}: cannot be checked (degrees of freedom or values out of range)",
            stat.show(&claim.inputs)
        );
        return Outcome {
            claim,
            verdict: Verdict::Unverifiable,
            exact: None,
            range: None,
            error: Some(ArithError::Overflow),
            message,
            confidence: 100,
            runner_up: None,
        };
    };
    let mut message = e.message;
    if let Some(n) = &claim.note {
        message.push_str(&format!("; {n}"));
    }
    Outcome {
        claim,
        verdict: e.verdict,
        exact: Some(e.exact),
        range: Some(e.range),
        error: None,
        message,
        confidence: 100,
        runner_up: None,
    }
}

/// The p-value result an outcome checked, if it checked one.
pub fn p_test(o: &Outcome) -> Option<&PTest> {
    match &o.claim.expr {
        super::Expr::Stat(s) => match s.as_ref() {
            Stat::P(t) => Some(t),
            _ => None,
        },
        _ => None,
    }
}

/// Whether an outcome is a p-value's decision error: inconsistent, and on the other side of
/// alpha.
pub fn is_decision_error(o: &Outcome) -> bool {
    o.verdict == Verdict::Mismatch
        && p_test(o)
            .and_then(PTest::evaluate)
            .is_some_and(|r| r.decision_error)
}
