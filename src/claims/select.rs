//! Choosing among readings: every rule proposes [`Candidate`] derivations for the figures a
//! text states, each with the support its frame and figures give it; here the candidates for
//! one stated figure compete, and the arithmetic is evidence.
//!
//! Most claims in published text are right, so a reading that reproduces the stated figure is
//! likely the text's own. For each stated figure:
//!
//! 1. the candidates are checked and ranked by support;
//! 2. if the best reproduces the figure (`ok` or `imprecise`), it is reported;
//! 3. otherwise, if a candidate of comparable support (within [`MARGIN`]) reproduces it, that
//!    one is reported;
//! 4. otherwise the best is reported as a `mismatch` only if its support is strong (at least
//!    [`STRONG`]); a weak reading that does not add up is more likely a misreading than an
//!    error, and is left out;
//! 5. a reading with an input the text never states is reported as `unverifiable` when no
//!    verifiable reading is reported and its support is at least [`PLAUSIBLE`].
//!
//! The reported outcome carries its support as `confidence` (raised by [`AGREEMENT`] when the
//! arithmetic agrees) and the best other reading as `runner_up`.

use crate::check::{self, Claim, Outcome, Verdict};

/// A derivation a rule proposes for a stated figure, with the support of its reading (0–100).
#[derive(Debug, Clone)]
pub struct Candidate {
    pub claim: Claim,
    pub support: u8,
}

impl Candidate {
    pub fn new(claim: Claim, support: u8) -> Candidate {
        Candidate {
            claim,
            support: support.min(100),
        }
    }
}

/// The support a reading needs to be reported as a mismatch.
pub const STRONG: u8 = 70;
/// The support a reading needs to be reported at all.
pub const PLAUSIBLE: u8 = 40;
/// How much less support a reading that adds up may have than the best and still win.
pub const MARGIN: u8 = 15;
/// What agreeing arithmetic adds to a reading's confidence.
pub const AGREEMENT: u8 = 20;

fn reproduces(v: Verdict) -> bool {
    matches!(v, Verdict::Ok | Verdict::Imprecise)
}

/// Of two readings of one rule with the same inputs, where one's stated text holds the
/// other's ("nearly doubled" and "doubled"), the longer.
fn drop_nested(mut cs: Vec<Candidate>) -> Vec<Candidate> {
    cs.sort_by_key(|c| {
        (
            c.claim.stated.span.start,
            std::cmp::Reverse(c.claim.stated.span.end),
        )
    });
    let mut out: Vec<Candidate> = Vec::with_capacity(cs.len());
    for c in cs {
        let s = c.claim.stated.span;
        let nested = out.iter().rev().take(8).any(|k| {
            let o = k.claim.stated.span;
            o != s
                && o.start <= s.start
                && s.end <= o.end
                && k.claim.rule == c.claim.rule
                && k.claim.inputs == c.claim.inputs
        });
        if !nested {
            out.push(c);
        }
    }
    out
}

/// The outcomes to report from `candidates`, in text order.
pub fn select(candidates: Vec<Candidate>) -> Vec<Outcome> {
    let candidates = drop_nested(candidates);
    let mut checked: Vec<(Outcome, u8)> = candidates
        .into_iter()
        .map(|c| (check::check(c.claim), c.support))
        .collect();
    // One stated figure at a time, best supported first; the same derivation proposed twice
    // counts once.
    checked.sort_by(|(a, sa), (b, sb)| {
        (a.claim.stated.span.start, a.claim.stated.span.end)
            .cmp(&(b.claim.stated.span.start, b.claim.stated.span.end))
            .then(sb.cmp(sa))
    });
    checked.dedup_by(|(a, _), (b, _)| {
        a.claim.stated.span == b.claim.stated.span
            && a.claim.rule == b.claim.rule
            && a.claim.expr == b.claim.expr
            && a.claim.inputs == b.claim.inputs
    });
    let mut out = Vec::new();
    let mut rest = checked.as_slice();
    while let Some((first, _)) = rest.first() {
        let n = rest
            .iter()
            .take_while(|(o, _)| o.claim.stated.span == first.claim.stated.span)
            .count();
        let (group, tail) = rest.split_at(n);
        rest = tail;
        if let Some(o) = choose(group) {
            out.push(o);
        }
    }
    out
}

/// The outcome to report of the candidates for one stated figure, best supported first.
fn choose(group: &[(Outcome, u8)]) -> Option<Outcome> {
    let verifiable: Vec<&(Outcome, u8)> = group
        .iter()
        .filter(|(o, _)| o.verdict != Verdict::Unverifiable)
        .collect();
    let pick = |i: &(Outcome, u8)| {
        let (o, s) = i;
        let mut o = o.clone();
        o.confidence = if reproduces(o.verdict) {
            s.saturating_add(AGREEMENT).min(100)
        } else {
            *s
        };
        o.runner_up = group
            .iter()
            .find(|(x, _)| !std::ptr::eq(x, &i.0))
            .map(|(x, sx)| {
                let mut x = x.clone();
                x.confidence = *sx;
                Box::new(x)
            });
        o
    };
    if let Some(&best) = verifiable.first() {
        let chosen = if reproduces(best.0.verdict) {
            Some(best)
        } else {
            verifiable
                .iter()
                .copied()
                .find(|(o, s)| reproduces(o.verdict) && s + MARGIN >= best.1)
                .or((best.1 >= STRONG).then_some(best))
        };
        if let Some(c) = chosen {
            return Some(pick(c));
        }
    }
    let best = group
        .iter()
        .find(|(o, s)| o.verdict == Verdict::Unverifiable && *s >= PLAUSIBLE)?;
    Some(pick(best))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Expr, Operand, Stated};
    use crate::locale::Setting;
    use rust_decimal::Decimal;

    fn stated(text: &str) -> Stated {
        let r = crate::recognize(text, Setting::En);
        Stated::from_quantity(text, &r.quantities[0]).expect("stated")
    }

    /// A candidate that the stated `text` is the constant `v`.
    fn cand(text: &str, v: i64, support: u8) -> Candidate {
        let c = Claim::new(
            "test",
            stated(text),
            Expr::Input(0),
            vec![Operand::constant(Decimal::new(v, 2), "x")],
        );
        Candidate::new(c, support)
    }

    #[test]
    fn a_weaker_reading_that_adds_up_wins_within_the_margin() {
        let out = select(vec![cand("20%", 30, 70), cand("20%", 20, 60)]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].verdict, Verdict::Ok);
        assert_eq!(out[0].confidence, 80);
        let r = out[0].runner_up.as_ref().expect("runner-up");
        assert_eq!((r.verdict, r.confidence), (Verdict::Mismatch, 70));
    }

    #[test]
    fn a_mismatch_needs_strong_support() {
        let strong = select(vec![cand("20%", 30, 70), cand("20%", 20, 40)]);
        assert_eq!(strong[0].verdict, Verdict::Mismatch);
        assert!(select(vec![cand("20%", 30, 50)]).is_empty());
    }

    #[test]
    fn each_stated_figure_is_chosen_for_on_its_own() {
        let text = "20% and 40%";
        let r = crate::recognize(text, Setting::En);
        let second = Stated::from_quantity(text, &r.quantities[1]).expect("stated");
        let mut b = cand("20%", 40, 90);
        b.claim.stated = second;
        let out = select(vec![cand("20%", 20, 90), b]);
        assert_eq!(out.len(), 2);
        assert!(out.iter().all(|o| o.verdict == Verdict::Ok));
    }
}
