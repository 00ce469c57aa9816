//! `breakdown`: the shares of a list the text marks as complete must add up to 100%.

use super::complement::{changes, same_whole, whole_of};
use crate::check::interval::{Range, Target};
use crate::check::{self, Claim, Expr, Operand, Stated, Verdict};
use crate::claims::frame::Match;
use crate::claims::{Candidate, Doc, Finder, Frames, Rule};
use crate::quantity::{Kind, Span};
use crate::tokens::{Cue, Tok, Token};
use rust_decimal::Decimal;
use std::sync::LazyLock;

macro_rules! doc {
    () => {
        "## What it checks
The shares of a list that the text marks as complete: \"54% approved, 38% disapproved and the
remaining 8% were undecided\", a census \"racial makeup of the city was 85.2% White, 5.1% …\",
a list closed by \"(100%)\". The parts must add up to 100%.

## Why it matters
A breakdown that adds up to 102% has a wrong part, and readers notice: it is the first sum a
fact-checker redoes.

## Example
\"In a survey of 1,200 residents, 54% approved of the budget, 38% disapproved and the remaining
8% were undecided.\" → 54% + 38% + 8% = 100%: `ok`. With \"the remaining 10%\" the parts make
102%, beyond the 101.5% that the rounding of three whole percents allows: `mismatch`.

## Verdicts
`ok` when the sum of the parts lies within the summed rounding of the parts around 100%;
`mismatch` otherwise. Each part counts with its own rounding: \"61.55%\" may be 61.545% to
61.555%, never a share rounded at tenths like its neighbour \"0.9%\"; a list whose parts
make 99.86%, 99.98% at most, has left a part out or misstates one.

## Tolerance
The parts' rounding intervals add up: three whole percents (each ±0.5) may sum to
98.5%–101.5%, seven census shares with two decimals (each ±0.005) to 99.965%–100.035%. A hedged
part (\"about 60%\") adds its hedge, and \"< 0.02%\" may be anything down to 0. A list closed by
\"undecided\", \"don't know\" or \"no opinion\" may fall short of 100% (pollsters often leave
out those who refused to answer): only an excess is a mismatch.

## When it does not fire
Without a mark of completeness (a word of the rest or other class right before the last
part: \"the remaining\", \"the rest\", \"all others\", \"die übrigen\"; one of the undecided
class right after it; \"(100%)\" after the list; a makeup word such as \"racial makeup\" before
it): a list of shares may leave parts out. With two parts closed by \"the remaining\", which is
the `complement` rule's. When the parts name different wholes (\"2% of the common stock … the
remaining 40% of the group's stock\"), when a part is a change or a rate (\"up 5%\", \"by 5%\",
\"a 5% rise\", \"5% a year\") or 100% or more, when the parts make less than half or more than
one and a half of the whole (the rest of a smaller whole: \"… dann bleiben 0,3 Prozent\" of a
3% goal), when the list nests (\"including\", \"of whom\", \"of those\"), when a link of the
list holds another figure, a colon or more than ten words, or when a run of the list's last
parts already makes 100% (an earlier share in the sentence then belongs to something else). A
makeup ends at a link with a semicolon or a verb (\"…, and Hispanic or Latino of any race were
7.0%\"), or where its first parts already make 100%."
    };
}

#[doc = doc!()]
pub const RULE: Rule = Rule {
    id: "breakdown",
    summary: "the shares of a complete breakdown must add up to 100%",
    doc: doc!(),
    find: Finder::Candidates(find),
};

/// The frames of a breakdown. Roles: `last` the share that closes the list, `r` the rest word
/// before it, `u` the undecided words after it, `t` a closing "(100%)", `mk` a makeup word and
/// `first` the first share after it. The builder walks the list from `last` back, or from
/// `first` on.
static FRAMES: LazyLock<Frames> = LazyLock::new(|| {
    Frames::new(&[
        // "… 30% said no and the remaining 12% did not answer", "the rest, 4 pct"
        (80, "{r:REST|OTHER} ,|:|–|(? {last:pct}"),
        // "… 35% oppose it and 9% are undecided", "7% said they didn't know"
        (80, "{last:pct} BE? _2 {u:UNDECIDED}"),
        // "Men 48%, women 52% (100%)"
        (80, "{last:pct} _2 ( {t:pct} )"),
        // "The racial makeup of the town was 90.1% White, 4.3% …"
        (80, "{mk:MAKEUP} _6 {first:pct}"),
    ])
});

/// How a list is marked complete.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// "the remaining 8%": exhaustive.
    Rest,
    /// "8% were undecided": exhaustive but for those who did not answer.
    Undecided,
    /// "(100%)" after the list.
    Total,
    /// "the racial makeup was …".
    Makeup,
}

fn find(doc: &Doc<'_>) -> Vec<Candidate> {
    doc.matches(&FRAMES)
        .filter_map(|(si, m, support)| {
            let c = if m.has("mk") {
                let parts = makeup(doc, si, m.token("first")?);
                first_run(doc, si, &parts, &m)?
            } else {
                let last = m.token("last")?;
                let (mark, at) = if m.has("r") {
                    (Mark::Rest, last)
                } else if m.has("u") {
                    (Mark::Undecided, last)
                } else {
                    let t = doc.q(si, &m, "t")?;
                    if doc.quantities[t].value != Some(Decimal::ONE_HUNDRED) {
                        return None;
                    }
                    (Mark::Total, m.token("t")?)
                };
                let parts = chain(doc, si, last);
                let min = if mark == Mark::Total { 2 } else { 3 };
                if parts.len() < min {
                    return None;
                }
                claim(doc, si, &parts, mark, &m, at)?
            };
            Some(Candidate::new(c, support))
        })
        .collect()
}

/// The claim of a makeup: of all its shares, or, where they do not add up, of the first ones
/// that do, as what follows is then counted apart ("…, 2.5% from two or more races, with 4.0%
/// Hispanic of any race").
fn first_run(doc: &Doc<'_>, si: usize, parts: &[usize], m: &Match) -> Option<Claim> {
    let at = m.token("mk")?;
    if parts.len() < 3 {
        return None;
    }
    let all = claim(doc, si, parts, Mark::Makeup, m, at)?;
    if check::check(all.clone()).verdict == Verdict::Ok {
        return Some(all);
    }
    let shorter = (3..parts.len()).rev().find_map(|k| {
        let c = claim(doc, si, &parts[..k], Mark::Makeup, m, at)?;
        matches!(
            check::check(c.clone()).verdict,
            Verdict::Ok | Verdict::Imprecise
        )
        .then_some(c)
    });
    Some(shorter.unwrap_or(all))
}

/// Whether the tokens of a link nest one list in another: "including", "of whom", "of those".
fn nests(gap: &[Token]) -> bool {
    gap.iter().enumerate().any(|(k, t)| {
        t.cues.has(Cue::Including)
            || (t.cues.has(Cue::Of) && gap.get(k + 1).is_some_and(|u| u.cues.has(Cue::This)))
    })
}

/// Whether the tokens between two shares read as a link of a list: a comma, a semicolon or
/// "and" ("approved, ", " disapproved and "), at most ten words, no other figure or colon.
fn listed(gap: &[Token]) -> bool {
    let words = gap.iter().filter(|t| t.is_word()).count();
    let clean = gap.iter().all(|t| match t.tok {
        Tok::Quantity(_) => false,
        Tok::Punct(c) => !matches!(c, ':' | '=' | '/'),
        Tok::Word => true,
    });
    let joined = gap
        .iter()
        .any(|t| t.is_punct(',') || t.is_punct(';') || t.cues.has(Cue::And));
    clean && joined && words <= 10
}

/// The percent tokens of the list that ends with token `last`, walking back while the tokens
/// between two shares read as a list. Empty when the list nests.
fn chain(doc: &Doc<'_>, si: usize, last: usize) -> Vec<usize> {
    let toks = doc.tokens(si);
    let mut parts = vec![last];
    let mut j = last;
    while let Some(i) = (0..j).rev().find(|&k| toks[k].quantity().is_some()) {
        let gap = &toks[i + 1..j];
        if nests(gap) {
            return Vec::new();
        }
        // A share that is a change ("up 5%") is no part.
        let part = toks[i]
            .quantity()
            .is_some_and(|q| doc.quantities[q].kind == Kind::Percent && !changes(doc, si, q));
        if !part || !listed(gap) {
            break;
        }
        parts.push(i);
        j = i;
    }
    parts.reverse();
    parts
}

/// The shares of a makeup from token `first` on: a comma or "and" between each two; a
/// semicolon or a verb ("were") ends it.
fn makeup(doc: &Doc<'_>, si: usize, first: usize) -> Vec<usize> {
    let toks = doc.tokens(si);
    let mut parts = vec![first];
    let mut j = first;
    while let Some(i) = (j + 1..toks.len()).find(|&k| toks[k].quantity().is_some()) {
        let gap = &toks[j + 1..i];
        let percent = toks[i]
            .quantity()
            .is_some_and(|q| doc.quantities[q].kind == Kind::Percent);
        let ends = gap.iter().any(|t| t.is_punct(';') || t.cues.has(Cue::Be));
        if !percent || ends || !listed(gap) || nests(gap) {
            break;
        }
        parts.push(i);
        j = i;
    }
    parts
}

/// What a part may have been before rounding, as (below, above) its stated value: its own
/// rounding (or hedge). "< 0.02%" may be anything down to 0.
fn slack(o: &Operand, below_only: bool) -> (Decimal, Decimal) {
    if below_only {
        return (o.value, Decimal::ZERO);
    }
    (o.value - o.range.lo, o.range.hi - o.value)
}

/// A share as a percent text: 0.985 → "98.5%".
fn percent_text(v: Decimal) -> String {
    format!("{}%", (v * Decimal::ONE_HUNDRED).normalize())
}

/// The claim that the share tokens `parts` of sentence `si` add up to 100%; `at` is the token
/// the finding points at (the closing share, the "(100%)" or the makeup word).
fn claim(
    doc: &Doc<'_>,
    si: usize,
    parts: &[usize],
    mark: Mark,
    m: &Match,
    at: usize,
) -> Option<Claim> {
    let toks = doc.tokens(si);
    let qs: Vec<usize> = parts
        .iter()
        .map(|&k| toks[k].quantity())
        .collect::<Option<_>>()?;
    let mut operands = Vec::new();
    let mut slacks = Vec::new();
    let mut wholes: Vec<String> = Vec::new();
    let mut places = 0;
    for (&k, &i) in parts.iter().zip(&qs) {
        let q = &doc.quantities[i];
        let v = q.value?;
        if v.is_sign_negative() || v >= Decimal::ONE_HUNDRED {
            return None;
        }
        let o = doc.operand(i)?;
        let below_only = k > 0 && (toks[k - 1].is_punct('<') || toks[k - 1].is_punct('≤'));
        slacks.push(slack(&o, below_only));
        places = places.max(q.precision.map_or(0, |p| p.normalize().scale()));
        if let Some(w) = whole_of(doc, si, i) {
            wholes.push(w);
        }
        operands.push(o);
    }
    if wholes.windows(2).any(|w| !same_whole(&w[0], &w[1])) {
        return None;
    }
    // Parts that make less than half or more than one and a half of the whole are the rest of
    // something else ("bei 2 Prozent … und 0,7 Prozent …, dann bleiben 0,3 Prozent" of a 3%
    // goal), not a breakdown gone wrong.
    let total: Decimal = operands.iter().map(|o| o.value).sum();
    if total * Decimal::TWO < Decimal::ONE || total * Decimal::TWO > Decimal::new(3, 0) {
        return None;
    }
    let one = Decimal::ONE;
    let below: Decimal = slacks.iter().map(|s| s.0).sum();
    let above: Decimal = slacks.iter().map(|s| s.1).sum();
    // The sum lies within 100% less what the parts may lie above their figures, and 100% plus
    // what they may lie below.
    let target = Target {
        lo: (mark != Mark::Undecided).then_some((one - above, true)),
        hi: Some((one + below, true)),
    };
    // The target already holds the parts' rounding: each enters at its value.
    let inputs: Vec<Operand> = operands
        .into_iter()
        .map(|o| Operand {
            range: Range {
                lo: o.value,
                hi: o.value,
            },
            ..o
        })
        .collect();
    let note = match (target.lo, target.hi) {
        (Some((l, _)), Some((h, _))) => format!(
            "the parts of a complete breakdown add up to 100% ({}–{} with their rounding)",
            percent_text(l),
            percent_text(h)
        ),
        (None, Some((h, _))) => format!(
            "the parts may fall short of 100% where some gave no answer, but not exceed {} with their rounding",
            percent_text(h)
        ),
        _ => return None,
    };
    let span = match mark {
        Mark::Makeup | Mark::Total => toks[at].span,
        Mark::Rest | Mark::Undecided => doc.quantities[toks[at].quantity()?].span,
    };
    let marker = marker_text(doc, si, mark, m, at)?;
    let n = inputs.len();
    let c = Claim {
        rule: RULE.id,
        stated: Stated {
            text: format!("100% (\"{marker}\")"),
            span,
            value: one,
            percent: true,
            unit: Some("%".to_string()),
            target,
            places,
        },
        // Grouped to the right, so that it shows without brackets: "54% + 38% + 8%".
        expr: (0..n).rev().map(Expr::Input).reduce(|acc, e| e + acc)?,
        inputs,
        missing: None,
        note: Some(note),
        id: None,
    };
    if mark == Mark::Makeup {
        return Some(c);
    }
    // A run of the last parts that alone makes 100%: the earlier shares belong to something
    // else ("30% were men; 54% approved, 38% disapproved and the remaining 8% …").
    if check::check(c.clone()).verdict != Verdict::Ok {
        for k in 1..n.saturating_sub(1) {
            let tail = &slacks[k..];
            let sum: Decimal = c.inputs[k..].iter().map(|o| o.value).sum();
            let b: Decimal = tail.iter().map(|s| s.0).sum();
            let a: Decimal = tail.iter().map(|s| s.1).sum();
            if sum >= one - a && sum <= one + b {
                return None;
            }
        }
    }
    Some(c)
}

/// The words that mark the list complete, for the message: "the remaining 8%", "8% were
/// undecided", "(100%)", "racial makeup".
fn marker_text(doc: &Doc<'_>, si: usize, mark: Mark, m: &Match, at: usize) -> Option<String> {
    let toks = doc.tokens(si);
    let span = match mark {
        Mark::Rest => {
            let r = m.token("r")?;
            // "the remaining": a determiner right before the rest word belongs to it.
            let from = if r > 0 && toks[r - 1].cues.has(Cue::Det) {
                r - 1
            } else {
                r
            };
            Span::new(toks[from].span.start, toks[at].span.end)
        }
        Mark::Undecided => Span::new(toks[at].span.start, toks[m.token("u")?].span.end),
        Mark::Total => {
            let t = m.token("t")?;
            Span::new(toks[t - 1].span.start, toks[t + 1].span.end)
        }
        Mark::Makeup => toks[at].span,
    };
    let text = &doc.text[span.start..span.end];
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use crate::check::Verdict;
    use crate::claims::rules::tests::run;

    #[test]
    fn a_poll_with_the_remaining_share() {
        let v = run(
            "breakdown",
            "In a survey of 1,200 residents, 54% approved of the budget, 38% disapproved and the remaining 8% were undecided.",
        );
        assert_eq!(
            v,
            [(
                Verdict::Ok,
                "54% + 38% + 8% = 100%, the text says 100% (\"the remaining 8%\"); the parts of a complete breakdown add up to 100% (98.5%–101.5% with their rounding)".to_string()
            )]
        );
        let v = run(
            "breakdown",
            "54% approved, 38% disapproved and the remaining 10% were undecided.",
        );
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].0, Verdict::Mismatch, "{v:?}");
        assert!(v[0].1.starts_with("54% + 38% + 10% = 102%"), "{}", v[0].1);
        // 101% is within the rounding of three whole percents.
        let v = run(
            "breakdown",
            "Forest covers 52 pct, cropland 17 pct, pasture 26 pct and the rest 6 pct.",
        );
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
    }

    #[test]
    fn undecided_may_fall_short_but_not_exceed() {
        let v = run(
            "breakdown",
            "Of those polled, 46% support the plan, 40% oppose it and 10% are undecided.",
        );
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        let v = run(
            "breakdown",
            "Of those polled, 56% support the plan, 40% oppose it and 10% are undecided.",
        );
        assert_eq!(v[0].0, Verdict::Mismatch, "{v:?}");
        assert!(v[0].1.contains("not exceed 101.5%"), "{}", v[0].1);
        let v = run(
            "breakdown",
            "Von den Befragten sind 51 Prozent dafür, 33 Prozent dagegen und 16 Prozent unentschieden.",
        );
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
    }

    #[test]
    fn census_makeup_and_a_total() {
        let text = "The racial makeup of the city was 85.2% White, 5.1% African American, 0.3% Native American, 2.1% Asian, 0.0% Pacific Islander, 3.4% from other races, and 3.9% from two or more races. Hispanic or Latino of any race were 7.0% of the population.";
        let v = run("breakdown", text);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        let v = run(
            "breakdown",
            "The racial makeup of the town was 85.2% White, 5.1% African American, 2.1% Asian, and 3.9% from two or more races.",
        );
        assert_eq!(v[0].0, Verdict::Mismatch, "{v:?}");
        // A share counted apart in the same sentence ends the makeup where it makes 100%.
        let v = run(
            "breakdown",
            "The ethnic makeup of the village was 91.5% White, 6.0% Asian, and 2.5% from two or more races, with 4.0% Hispanic of any race.",
        );
        assert_eq!(v.len(), 1);
        assert!(v[0].1.starts_with("91.5% + 6.0% + 2.5% = 100%"), "{v:?}");
        let v = run("breakdown", "Men 45%, women 50% (100%).");
        assert_eq!(v[0].0, Verdict::Mismatch, "{v:?}");
    }

    #[test]
    fn each_part_counts_with_its_own_rounding() {
        // 47.25 + 44.61 + 3.4 + 1.8 + 2.6 = 99.66%; at their own rounding the parts reach
        // 99.82% at most, short of the 100% the makeup promises, though at tenths throughout
        // they would reach it.
        let v = run(
            "breakdown",
            "The ethnic makeup of the county was 47.25% White, 44.61% Hispanic, 3.4% Black, 1.8% Asian, and 2.6% from two or more races.",
        );
        assert_eq!(v[0].0, Verdict::Mismatch, "{v:?}");
        assert!(
            v[0].1.contains("(99.84%–100.16% with their rounding)"),
            "{}",
            v[0].1
        );
        // Mixed precision that adds up at each part's own rounding: 100.02% against
        // 99.84%–100.21%.
        let v = run(
            "breakdown",
            "The racial makeup of the town was 72.45% White, 20.3% Black, 4.12% Asian, < 0.05% Pacific Islander, 1.2% from other races, and 1.9% from two or more races.",
        );
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
    }

    #[test]
    fn does_not_fire_on_lists_not_marked_complete_or_of_other_wholes() {
        // No mark of completeness: a list may leave parts out.
        assert!(run("breakdown", "54% approved, 38% disapproved and 5% refused.").is_empty());
        // Two parts are the complement rule's.
        assert!(run("breakdown", "60% approved and the remaining 40% did not.").is_empty());
        // Parts of different wholes.
        assert!(
            run(
                "breakdown",
                "It keeps two pct of the common stock, 4 pct of the class A stock and the remaining 40 pct of the group stock."
            )
            .is_empty()
        );
        // A nested list.
        assert!(
            run(
                "breakdown",
                "54% approved, including 20% who strongly approved, 38% disapproved and the remaining 8% were undecided."
            )
            .is_empty()
        );
        assert!(
            run(
                "breakdown",
                "54% approved, of those 20% strongly, 38% disapproved and the remaining 8% were undecided."
            )
            .is_empty()
        );
        // An earlier share of something else: the last three alone make 100%.
        assert!(
            run(
                "breakdown",
                "Of 1,200 people, 30% were men; 54% approved, 38% disapproved and the remaining 8% were undecided."
            )
            .is_empty()
        );
        // The rest of a smaller whole.
        assert!(
            run(
                "breakdown",
                "Von 5 Prozent Zuschlag gehen 3 Prozent an die Stadt, 1,5 Prozent an den Kreis, dann bleiben 0,5 Prozent für das Land."
            )
            .is_empty()
        );
        // Rates, not parts.
        assert!(
            run(
                "breakdown",
                "Rates rose 5%, 3% and the remaining 2% of loans fell."
            )
            .is_empty()
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_text_made_of_its_cues(text in "(the remaining|undecided|were undecided|racial makeup|\\(100%\\)|< |and|, |; |\\.|\\n|[0-9]{1,3}(\\.[0-9]{1,2})?%|of the|including|İ|ß| ){0,40}") {
            let _ = run("breakdown", &text);
        }
    }
}
