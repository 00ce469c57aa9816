//! Checking: re-derives a claim's result from its inputs, exactly and with intervals, and
//! compares it with what the text states.
//!
//! Every input is an interval from its rounding: a figure written to place value `p` stands for
//! `[v - p/2, v + p/2]` ("38%" is [37.5%, 38.5%]) unless the text says "exactly". A whole number
//! ending in three zeros or more may have been rounded to its last non-zero digit ("380.000" is
//! read as [375,000, 385,000]): the widest reading is taken, so that rounding is never called an
//! error. Any other whole count in digits ("29,120 voters") is exact; a spelled fraction
//! ("half") is taken as "about".
//! The stated result becomes a [`Target`]: its own rounding interval, or what its hedge allows
//! (see [`Hedges`]). The verdict is
//!
//! - `ok` when the exact derivation from the stated figures lies in the target;
//! - `imprecise` when it does not, but the interval derived from the inputs' rounding meets it;
//! - `mismatch` when the two are disjoint;
//! - `unverifiable` when an input is missing.

pub mod interval;
pub mod stats;

use crate::quantity::{HedgeKind, Kind, Quantity, Span};
use interval::{ArithError, Range, Target};
use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt;

/// How wide a hedge makes a stated result, as a fraction of the stated value. These are the
/// documented defaults; a claim file may set its own tolerance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hedges {
    /// "about 45%": within ±10% of the value, or its rounding if that is wider.
    pub about: Decimal,
    /// "just under 20%": below the value, by at most 5% of it or by what rounds to it
    /// ([19%, 20%); "almost four pct" [3.5%, 4%)).
    pub just: Decimal,
}

impl Default for Hedges {
    fn default() -> Self {
        Hedges {
            about: Decimal::new(10, 2),
            just: Decimal::new(5, 2),
        }
    }
}

/// An input of a derivation: a figure the text states (or a fact, or a constant of the rule).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operand {
    /// The figure as written ("38%", "430.000").
    pub text: String,
    /// The exact stated value in natural units (a percent is divided by 100).
    pub value: Decimal,
    /// What the value may have been before rounding, in natural units.
    pub range: Range,
    /// Where the figure stands in the text, if it does.
    pub span: Option<Span>,
    /// The document fact the figure comes from ("Minneapolis"), if any.
    pub fact: Option<String>,
}

impl Operand {
    /// An operand from a recognized quantity, or `None` if it has no usable value.
    pub fn from_quantity(text: &str, q: &Quantity) -> Option<Operand> {
        let value = q.value?;
        let scale = if is_percent_like(q.kind) {
            Decimal::ONE_HUNDRED
        } else {
            Decimal::ONE
        };
        let natural = value.checked_div(scale)?;
        // A rounding interval beyond the decimal range leaves the point itself: the derivation
        // then reports the overflow where it happens.
        let range = match input_range(value, q) {
            Ok(r) => r?,
            Err(_) => Range::point(value),
        };
        let range = Range {
            lo: range.lo.checked_div(scale)?,
            hi: range.hi.checked_div(scale)?,
        };
        Some(Operand {
            text: quantity_text(text, q),
            value: natural,
            range,
            span: Some(q.span),
            fact: None,
        })
    }

    /// An exact constant of the rule (the 100 of a complement, the 2 of "twice").
    pub fn constant(v: Decimal, text: &str) -> Operand {
        Operand {
            text: text.to_string(),
            value: v,
            range: Range::point(v),
            span: None,
            fact: None,
        }
    }
}

/// The text of a quantity without a leading hedge or sign-only decoration.
pub fn quantity_text(text: &str, q: &Quantity) -> String {
    text[q.span.start..q.span.end].to_string()
}

/// Whether a kind's value is a percent figure (divided by 100 for arithmetic).
pub fn is_percent_like(k: Kind) -> bool {
    matches!(k, Kind::Percent | Kind::PercentagePoints)
}

/// The place value a figure was rounded to, at its widest: the last written digit, or for a
/// whole number ending in three or more zeros ("380.000", "3,000"), its last non-zero digit.
/// Smaller round numbers ("30 out of 120 seats") are taken as written.
pub fn rounding_unit(value: Decimal, precision: Option<Decimal>) -> Option<Decimal> {
    let p = precision?;
    let thousand = Decimal::ONE_THOUSAND;
    if value.is_zero() || p > Decimal::ONE || !(value % thousand).is_zero() {
        return Some(p);
    }
    let mut unit = p;
    let ten = Decimal::TEN;
    loop {
        let next = unit.checked_mul(ten)?;
        if next > value.abs() || !(value % next).is_zero() {
            break;
        }
        unit = next;
    }
    Some(unit)
}

/// The interval an input stands for, by its rounding and hedge; `Ok(None)` when a hedge leaves
/// it unbounded ("more than 50").
fn input_range(value: Decimal, q: &Quantity) -> Result<Option<Range>, ArithError> {
    // Near the largest decimal, a rounding or hedge interval has no room: an overflow.
    let add = |a: Decimal, b: Decimal| a.checked_add(b).ok_or(ArithError::Overflow);
    let sub = |a: Decimal, b: Decimal| a.checked_sub(b).ok_or(ArithError::Overflow);
    let hedges = Hedges::default();
    let r = match rounding_unit(value, q.precision) {
        // A whole count written out in digits ("29,120 voters", "2 + 2") is exact.
        Some(u) if u == Decimal::ONE && q.kind == Kind::Number && q.scale.is_none() => {
            Range::point(value)
        }
        Some(u) => Range::rounded(value, u)?,
        // "half a meter", "a third of them": a spelled fraction is a round figure, taken as
        // "about" unless a hedge says otherwise.
        None if q.kind == Kind::Fraction || !value.fract().is_zero() => {
            let w = value
                .abs()
                .checked_mul(hedges.about)
                .ok_or(ArithError::Overflow)?;
            Range {
                lo: sub(value, w)?,
                hi: add(value, w)?,
            }
        }
        None => Range::point(value),
    };
    let Some(h) = &q.hedge else {
        return Ok(Some(r));
    };
    let w = value
        .abs()
        .checked_mul(hedges.about)
        .ok_or(ArithError::Overflow)?;
    let j = value
        .abs()
        .checked_mul(hedges.just)
        .ok_or(ArithError::Overflow)?;
    Ok(match h.kind {
        HedgeKind::Exactly => Some(Range::point(value)),
        HedgeKind::About => Some(Range {
            lo: r.lo.min(sub(value, w)?),
            hi: r.hi.max(add(value, w)?),
        }),
        HedgeKind::JustUnder => Some(Range {
            lo: r.lo.min(sub(value, j)?),
            hi: value,
        }),
        HedgeKind::JustOver => Some(Range {
            lo: value,
            hi: r.hi.max(add(value, j)?),
        }),
        _ => None,
    })
}

/// A derivation: how the stated result follows from the inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// The input at this index of the claim's operands.
    Input(usize),
    Add(Box<Expr>, Box<Expr>),
    Sub(Box<Expr>, Box<Expr>),
    Mul(Box<Expr>, Box<Expr>),
    Div(Box<Expr>, Box<Expr>),
    Neg(Box<Expr>),
    /// Rounded to this many decimal places (half away from zero), as a text may round a figure
    /// before using it.
    Round(Box<Expr>, u32),
    /// A statistical check: a p-value from its test statistic, or a granularity test of a
    /// mean and SD (see [`stats`]).
    Stat(Box<stats::Stat>),
}

macro_rules! expr_op {
    ($trait:ident, $method:ident, $variant:ident) => {
        impl std::ops::$trait for Expr {
            type Output = Expr;
            fn $method(self, rhs: Expr) -> Expr {
                Expr::$variant(Box::new(self), Box::new(rhs))
            }
        }
    };
}
expr_op!(Add, add, Add);
expr_op!(Sub, sub, Sub);
expr_op!(Mul, mul, Mul);
expr_op!(Div, div, Div);

impl std::ops::Neg for Expr {
    type Output = Expr;
    fn neg(self) -> Expr {
        Expr::Neg(Box::new(self))
    }
}

impl Expr {
    /// The sum of the inputs `from..to`.
    pub fn sum(idx: impl IntoIterator<Item = usize>) -> Expr {
        let mut it = idx.into_iter().map(Expr::Input);
        let first = it.next().unwrap_or(Expr::Input(0));
        it.fold(first, |a, b| a + b)
    }

    /// The exact value from the operands' stated values.
    pub fn exact(&self, ops: &[Operand]) -> Result<Decimal, ArithError> {
        let ov = |v: Option<Decimal>| v.ok_or(ArithError::Overflow);
        Ok(match self {
            Expr::Input(i) => ops.get(*i).map(|o| o.value).ok_or(ArithError::Overflow)?,
            Expr::Add(a, b) => ov(a.exact(ops)?.checked_add(b.exact(ops)?))?,
            Expr::Sub(a, b) => ov(a.exact(ops)?.checked_sub(b.exact(ops)?))?,
            Expr::Mul(a, b) => ov(a.exact(ops)?.checked_mul(b.exact(ops)?))?,
            Expr::Div(a, b) => {
                let d = b.exact(ops)?;
                if d.is_zero() {
                    return Err(ArithError::DivisionByZero);
                }
                ov(a.exact(ops)?.checked_div(d))?
            }
            Expr::Neg(a) => -a.exact(ops)?,
            Expr::Round(a, dp) => round(a.exact(ops)?, *dp),
            Expr::Stat(s) => s.exact()?,
        })
    }

    /// The interval from the operands' rounding intervals.
    pub fn range(&self, ops: &[Operand]) -> Result<Range, ArithError> {
        Ok(match self {
            Expr::Input(i) => ops.get(*i).map(|o| o.range).ok_or(ArithError::Overflow)?,
            Expr::Add(a, b) => a.range(ops)?.checked_add(b.range(ops)?)?,
            Expr::Sub(a, b) => a.range(ops)?.checked_sub(b.range(ops)?)?,
            Expr::Mul(a, b) => a.range(ops)?.checked_mul(b.range(ops)?)?,
            Expr::Div(a, b) => a.range(ops)?.checked_div(b.range(ops)?)?,
            Expr::Neg(a) => a.range(ops)?.negated(),
            Expr::Round(a, dp) => {
                let r = a.range(ops)?;
                Range {
                    lo: round(r.lo, *dp),
                    hi: round(r.hi, *dp),
                }
            }
            Expr::Stat(s) => s.range()?,
        })
    }

    /// The derivation written with the operands' texts: "38% × 23%".
    pub fn show(&self, ops: &[Operand]) -> String {
        fn go(e: &Expr, ops: &[Operand], top: bool) -> String {
            let wrap = |s: String| if top { s } else { format!("({s})") };
            match e {
                Expr::Input(i) => ops.get(*i).map(|o| o.text.clone()).unwrap_or_default(),
                Expr::Add(a, b) => wrap(format!("{} + {}", go(a, ops, false), go(b, ops, true))),
                Expr::Sub(a, b) => wrap(format!("{} − {}", go(a, ops, false), go(b, ops, false))),
                Expr::Mul(a, b) => format!("{} × {}", go(a, ops, false), go(b, ops, false)),
                Expr::Div(a, b) => format!("{} ÷ {}", go(a, ops, false), go(b, ops, false)),
                Expr::Neg(a) => format!("−{}", go(a, ops, false)),
                Expr::Round(a, dp) => format!("round({}, {dp})", go(a, ops, true)),
                Expr::Stat(s) => s.show(ops),
            }
        }
        go(self, ops, true)
    }
}

/// `v` rounded to `dp` decimal places, half away from zero.
fn round(v: Decimal, dp: u32) -> Decimal {
    v.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// The result a text states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stated {
    pub text: String,
    pub span: Span,
    /// The stated value in natural units.
    pub value: Decimal,
    /// Whether the text writes it as a percent (values are shown ×100 then).
    pub percent: bool,
    pub unit: Option<String>,
    /// What the statement allows, in natural units.
    pub target: Target,
    /// Decimal places the text writes the value with (in its own units).
    pub places: u32,
}

impl Stated {
    /// The stated result of a recognized quantity, with its rounding and hedge.
    pub fn from_quantity(text: &str, q: &Quantity) -> Option<Stated> {
        Stated::from_quantity_with(text, q, Hedges::default())
    }

    /// [`Stated::from_quantity`] with hedges of other widths (a configuration's).
    pub fn from_quantity_with(text: &str, q: &Quantity, hedges: Hedges) -> Option<Stated> {
        let value = q.value?;
        let percent = is_percent_like(q.kind);
        let scale = if percent {
            Decimal::ONE_HUNDRED
        } else {
            Decimal::ONE
        };
        // The stated result is taken at the place of its last written digit: "20%" claims
        // [19.5%, 20.5%], not the [15%, 25%] a trailing zero might allow an input.
        let unit = q.precision.unwrap_or(Decimal::ZERO);
        let rounded = Range::rounded(value, unit).ok()?;
        let w = value.abs().checked_mul(hedges.about)?;
        let j = value.abs().checked_mul(hedges.just)?;
        // A figure near the largest decimal has no room for its hedge: not a stated result.
        let (about_lo, about_hi) = (value.checked_sub(w)?, value.checked_add(w)?);
        let (just_lo, just_hi) = (value.checked_sub(j)?, value.checked_add(j)?);
        let t = match q.hedge.as_ref().map(|h| h.kind) {
            None => Target::closed(rounded),
            Some(HedgeKind::Exactly) => Target::closed(Range::point(value)),
            Some(HedgeKind::About) => Target::closed(Range {
                lo: rounded.lo.min(about_lo),
                hi: rounded.hi.max(about_hi),
            }),
            Some(HedgeKind::JustUnder) => Target {
                lo: Some((rounded.lo.min(just_lo), true)),
                hi: Some((value, false)),
            },
            Some(HedgeKind::JustOver) => Target {
                lo: Some((value, false)),
                hi: Some((rounded.hi.max(just_hi), true)),
            },
            Some(HedgeKind::MoreThan) => Target {
                lo: Some((value, false)),
                hi: None,
            },
            Some(HedgeKind::AtLeast) => Target {
                lo: Some((value, true)),
                hi: None,
            },
            Some(HedgeKind::LessThan) => Target {
                lo: None,
                hi: Some((value, false)),
            },
            Some(HedgeKind::AtMost) => Target {
                lo: None,
                hi: Some((value, true)),
            },
        };
        let div = |b: Option<(Decimal, bool)>| b.map(|(v, c)| (v / scale, c));
        let start = q
            .hedge
            .as_ref()
            .map_or(q.span.start, |h| h.span.start.min(q.span.start));
        Some(Stated {
            text: text[start..q.span.end].to_string(),
            span: q.span,
            value: value / scale,
            percent,
            unit: q.unit.clone(),
            target: Target {
                lo: div(t.lo),
                hi: div(t.hi),
            },
            places: {
                let written = q.precision.map_or(0, |p| p.normalize().scale());
                // A fraction in words shows its value's digits: "a quarter" is 0.25, not 0.2.
                if q.kind == crate::quantity::Kind::Fraction {
                    written.max(value.normalize().scale().min(2))
                } else {
                    written
                }
            },
        })
    }
}

/// A claim a rule found: a stated result and the derivation that should give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// The id of the rule that found it.
    pub rule: &'static str,
    pub stated: Stated,
    pub expr: Expr,
    pub inputs: Vec<Operand>,
    /// For `unverifiable` claims: what the text never states, and what the claim implies it is.
    pub missing: Option<String>,
    /// A remark the rule adds to the message ("2 percentage points, or 20%").
    pub note: Option<String>,
    /// An identifier given by a claim file.
    pub id: Option<String>,
}

impl Claim {
    /// A claim of `rule` that `stated` is what `expr` gives from `inputs`.
    pub fn new(rule: &'static str, stated: Stated, expr: Expr, inputs: Vec<Operand>) -> Claim {
        Claim {
            rule,
            stated,
            expr,
            inputs,
            missing: None,
            note: None,
            id: None,
        }
    }
}

/// How a claim fares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Ok,
    Unverifiable,
    Imprecise,
    Mismatch,
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Verdict::Ok => "ok",
            Verdict::Unverifiable => "unverifiable",
            Verdict::Imprecise => "imprecise",
            Verdict::Mismatch => "mismatch",
        })
    }
}

/// A claim with its verdict and what the derivation gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub claim: Claim,
    pub verdict: Verdict,
    /// The exact derived value, natural units.
    pub exact: Option<Decimal>,
    /// The interval derived from the inputs' rounding, natural units.
    pub range: Option<Range>,
    /// Why no value could be derived (division by zero, overflow).
    pub error: Option<ArithError>,
    pub message: String,
    /// How sure the engine is that the text states this claim, 0–100: the cue support of the
    /// reading chosen (see [`crate::claims::select`]); 100 for claims of a claim file.
    pub confidence: u8,
    /// The best other reading of the same stated figure, if there was one.
    pub runner_up: Option<Box<Outcome>>,
}

/// Checks one claim.
pub fn check(claim: Claim) -> Outcome {
    if claim.missing.is_some() {
        let message = format!(
            "{}: {}",
            claim.stated.text,
            claim.missing.clone().unwrap_or_default()
        );
        return Outcome {
            claim,
            verdict: Verdict::Unverifiable,
            exact: None,
            range: None,
            error: None,
            message,
            confidence: 100,
            runner_up: None,
        };
    }
    if let Expr::Stat(s) = &claim.expr {
        let s = s.clone();
        return stats::check(claim, &s);
    }
    let exact = claim.expr.exact(&claim.inputs);
    let range = claim.expr.range(&claim.inputs);
    let (exact, range) = match (exact, range) {
        (Ok(e), Ok(r)) => (e, r),
        (Err(e), _) | (_, Err(e)) => {
            let message = format!(
                "{} = ? ({e}), the text says {}",
                claim.expr.show(&claim.inputs),
                claim.stated.text
            );
            return Outcome {
                claim,
                verdict: Verdict::Unverifiable,
                exact: None,
                range: None,
                error: Some(e),
                message,
                confidence: 100,
                runner_up: None,
            };
        }
    };
    let t = &claim.stated.target;
    let verdict = if t.contains(exact) {
        Verdict::Ok
    } else if range.meets(t) {
        Verdict::Imprecise
    } else {
        Verdict::Mismatch
    };
    let shown = show_value(exact, &claim.stated);
    let mut message = format!(
        "{} = {shown}, the text says {}",
        claim.expr.show(&claim.inputs),
        claim.stated.text
    );
    if verdict == Verdict::Imprecise {
        message.push_str(&format!(
            " (within the inputs' rounding: {}–{})",
            show_value(range.lo, &claim.stated),
            show_value(range.hi, &claim.stated)
        ));
    }
    if let Some(n) = &claim.note {
        message.push_str(&format!("; {n}"));
    }
    Outcome {
        claim,
        verdict,
        exact: Some(exact),
        range: Some(range),
        error: None,
        message,
        confidence: 100,
        runner_up: None,
    }
}

/// A derived value written like the stated one: as a percent if it is one, with one decimal
/// place more than the text uses.
pub fn show_value(v: Decimal, s: &Stated) -> String {
    let (v, suffix) = if s.percent {
        match v.checked_mul(Decimal::ONE_HUNDRED) {
            Some(p) => (p, "%"),
            // Beyond the exact range as a percent: in scientific notation, a hundredfold.
            None => {
                let e = format!("{:e}", v.normalize());
                let (m, x) = e.split_once('e').unwrap_or((&e, "0"));
                return format!("{m}e{}%", x.parse::<i64>().unwrap_or(0) + 2);
            }
        }
    } else {
        (v, "")
    };
    let v = v.round_dp(s.places + 1).normalize();
    format!("{v}{suffix}")
}

/// A value in the units the text writes it in (a percent ×100), as a plain decimal string.
pub fn in_text_units(v: Decimal, percent: bool) -> String {
    let v = if percent { v * Decimal::ONE_HUNDRED } else { v };
    v.normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Setting;

    fn q(text: &str) -> (String, Quantity) {
        let r = crate::recognize(text, Setting::En);
        let q = r.quantities.into_iter().next().expect("a quantity");
        (text.to_string(), q)
    }

    fn op(s: &str) -> Operand {
        let (t, q) = q(s);
        Operand::from_quantity(&t, &q).expect("operand")
    }

    fn stated(s: &str) -> Stated {
        let (t, q) = q(s);
        Stated::from_quantity(&t, &q).expect("stated")
    }

    fn claim(stated_text: &str, inputs: Vec<Operand>, expr: Expr) -> Claim {
        Claim {
            rule: "test",
            stated: stated(stated_text),
            expr,
            inputs,
            missing: None,
            note: None,
            id: None,
        }
    }

    #[test]
    fn share_of_share_from_the_minneapolis_article_is_imprecise() {
        let c = claim(
            "8.79%",
            vec![op("38%"), op("23%")],
            Expr::Input(0) * Expr::Input(1),
        );
        let o = check(c);
        assert_eq!(o.verdict, Verdict::Imprecise);
        assert_eq!(
            o.message,
            "38% × 23% = 8.74%, the text says 8.79% (within the inputs' rounding: 8.438%–9.048%)"
        );
    }

    #[test]
    fn just_under_is_a_half_open_interval() {
        let e = (Expr::Input(0) + Expr::Input(1)) / Expr::Input(2);
        let ok = check(claim(
            "just under 20%",
            vec![op("430,000"), op("310,000"), op("3.76 million")],
            e.clone(),
        ));
        assert_eq!(ok.verdict, Verdict::Ok, "{}", ok.message);
        let far = check(claim(
            "just under 20%",
            vec![op("130,000"), op("310,000"), op("3.76 million")],
            e,
        ));
        assert_eq!(far.verdict, Verdict::Mismatch, "{}", far.message);
    }

    #[test]
    fn trailing_zeros_round_at_the_last_nonzero_digit() {
        use std::str::FromStr;
        let d = |s| Decimal::from_str(s).unwrap();
        assert_eq!(rounding_unit(d("380000"), Some(d("1"))), Some(d("10000")));
        assert_eq!(
            rounding_unit(d("3760000"), Some(d("10000"))),
            Some(d("10000"))
        );
        assert_eq!(rounding_unit(d("8.79"), Some(d("0.01"))), Some(d("0.01")));
        assert_eq!(rounding_unit(d("0"), Some(d("1"))), Some(d("1")));
        assert_eq!(rounding_unit(d("120"), Some(d("1"))), Some(d("1")));
        assert_eq!(rounding_unit(d("3000"), Some(d("1"))), Some(d("1000")));
    }

    #[test]
    fn division_by_zero_is_reported_not_panicked() {
        let o = check(claim(
            "50%",
            vec![op("5"), op("0")],
            Expr::Input(0) / Expr::Input(1),
        ));
        assert_eq!(o.verdict, Verdict::Unverifiable);
        assert_eq!(o.error, Some(ArithError::DivisionByZero));
        assert!(o.message.contains("division by zero"), "{}", o.message);
    }

    #[test]
    fn overflow_is_reported_as_too_large() {
        let big = Operand::constant(Decimal::MAX, "huge");
        let o = check(claim(
            "50%",
            vec![big.clone(), big],
            Expr::Input(0) * Expr::Input(1),
        ));
        assert_eq!(o.error, Some(ArithError::Overflow));
        assert!(o.message.contains("too large to check"));
    }
}
