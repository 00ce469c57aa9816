//! `breakdown`: the shares of a list the text marks as complete must add up to 100%.

use super::complement::{REST, ends_with_phrase, head, is_change, of_phrase, same_whole};
use crate::check::interval::{Range, Target};
use crate::check::{self, Claim, Expr, Operand, Stated, Verdict};
use crate::claims::{Doc, Rule, has_word};
use crate::quantity::{Kind, Span};
use rust_decimal::Decimal;

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
`ok` when the sum of the parts lies within the summed rounding of the parts around 100%,
`mismatch` otherwise. The tolerance is already in the target, so there is no `imprecise`.

## Tolerance
The parts' rounding intervals add up: three whole percents (each ±0.5) may sum to
98.5%–101.5%, seven census shares with one decimal (each ±0.05) to 99.65%–100.35%. A list is
only as precise as its coarsest part (in \"61.55% …, 0.9% …\" every part may be off by 0.05),
a hedged part (\"about 60%\") adds its hedge, and \"< 0.02%\" may be anything down to 0. A list
closed by \"undecided\", \"don't know\" or \"no opinion\" may fall short of 100% (pollsters often
leave out those who refused to answer): only an excess is a mismatch.

## When it does not fire
Without a mark of completeness (\"the remaining\", \"the rest\", \"the remainder\", \"all others\",
\"undecided\" and its kin closing the list, \"(100%)\", a racial makeup): a list of shares may
leave parts out. With two parts closed by \"the remaining\", which is the `complement` rule's.
When the parts name different wholes (\"2% of the common stock … the remaining 40% of the
group's stock\"), when a part is a change (\"up 5%\") or 100% or more, when the list nests
(\"including\", \"of whom\"), or when a run of the list's last parts already makes 100% (an
earlier share in the sentence then belongs to something else)."
    };
}

#[doc = doc!()]
pub const RULE: Rule = Rule {
    id: "breakdown",
    summary: "the shares of a complete breakdown must add up to 100%",
    doc: doc!(),
    find: crate::claims::Finder::Claims(find),
};

/// Words right after the last part that close a yes/no list: the part is the undecided.
const UNDECIDED: &[&str] = &[
    "undecided",
    "were undecided",
    "are undecided",
    "was undecided",
    "remained undecided",
    "remain undecided",
    "unsure",
    "were unsure",
    "are unsure",
    "not sure",
    "were not sure",
    "are not sure",
    "don't know",
    "did not know",
    "didn't know",
    "do not know",
    "said they did not know",
    "said they didn't know",
    "said they don't know",
    "had no opinion",
    "have no opinion",
    "no opinion",
    "unentschieden",
    "sind unentschieden",
    "waren unentschieden",
    "weiß nicht",
    "wissen nicht",
    "wussten nicht",
    "keine angabe",
    "keine angaben",
    "machten keine angabe",
    "haben keine meinung",
    "hatten keine meinung",
];

/// Words right before the last part that make it everything else.
const ALL_OTHERS: &[&str] = &[
    "all others",
    "all others,",
    "all others:",
    "all other",
    "alle anderen",
    "alle übrigen",
];

/// Words in a sentence that make its shares a census makeup, complete by definition.
const MAKEUP: &[&str] = &[
    "racial makeup",
    "racial make-up",
    "racial composition",
    "ethnic makeup",
    "ethnic make-up",
    "ethnic composition",
];

/// Words between two parts that nest one list inside another.
const NESTING: &[&str] = &[
    "including",
    "of whom",
    "of which",
    "of those",
    "of them",
    "among them",
    "among those",
    "darunter",
    "davon",
    "von ihnen",
];

/// Words between parts that end a makeup: Hispanic origin is counted apart from race.
const MAKEUP_END: &[&str] = &["hispanic", "latino", "of any race"];

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

fn find(doc: &Doc<'_>) -> Vec<Claim> {
    let mut out = Vec::new();
    for &s in &doc.sentences {
        let idx: Vec<usize> = doc
            .in_sentence(s)
            .filter(|&i| doc.quantities[i].kind == Kind::Percent)
            .collect();
        if let Some(c) = makeup(doc, s, &idx) {
            out.push(c);
            continue;
        }
        for (k, &q) in idx.iter().enumerate() {
            let Some((mark, text)) = closing(doc, s, q) else {
                continue;
            };
            // A "(100%)" total is not itself a part.
            let last = if mark == Mark::Total {
                k.checked_sub(1)
            } else {
                Some(k)
            };
            let Some(last) = last else { continue };
            let parts = chain(doc, s, &idx[..=last]);
            let min = if mark == Mark::Total { 2 } else { 3 };
            if parts.len() < min {
                continue;
            }
            if let Some(c) = claim(doc, s, &parts, mark, text, q) {
                out.push(c);
            }
        }
    }
    out
}

/// Whether percent `q` closes a list, how, and the words that say so.
fn closing(doc: &Doc<'_>, s: Span, q: usize) -> Option<(Mark, String)> {
    let h = head(doc, q, s);
    let qq = &doc.quantities[q];
    let start = qq.hedge.as_ref().map_or(qq.span.start, |x| x.span.start);
    if let Some(r) = REST
        .iter()
        .chain(ALL_OTHERS)
        .find(|r| ends_with_phrase(&h, r))
    {
        let head_end = s.start + doc.text[s.start..start].trim_end().len();
        let from = head_end.saturating_sub(r.len()).max(s.start);
        let from = crate::locale::floor_char_boundary(doc.text, from);
        return Some((Mark::Rest, doc.text[from..qq.span.end].trim().to_string()));
    }
    let after = doc.after(q, s, 40);
    let a = after.trim_start().to_lowercase();
    if let Some(u) = UNDECIDED.iter().find(|u| {
        a.starts_with(*u)
            && a[u.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    }) {
        let end = qq.span.end + (after.len() - after.trim_start().len()) + u.len();
        let end = crate::locale::floor_char_boundary(doc.text, end);
        return Some((Mark::Undecided, doc.text[start..end].to_string()));
    }
    let v = qq.value?;
    let total = v == Decimal::ONE_HUNDRED
        && doc.text[..qq.span.start].ends_with('(')
        && doc.text[qq.span.end..].starts_with(')');
    total.then(|| (Mark::Total, format!("({})", doc.text_of(q))))
}

/// The parts of the list that ends with the last of `idx`: walking back while the text
/// between two shares reads as a list ("approved, ", " disapproved and ").
fn chain(doc: &Doc<'_>, s: Span, idx: &[usize]) -> Vec<usize> {
    let mut parts = vec![*idx.last().unwrap_or(&0)];
    for w in idx.windows(2).rev() {
        let (r, next) = (w[0], w[1]);
        // Only shares next to each other: another figure between them ends the list.
        if next != r + 1 {
            break;
        }
        let gap = doc.between(r, next).to_lowercase();
        if NESTING.iter().any(|n| has_word(&gap, n)) {
            return Vec::new();
        }
        let listed = gap.contains([',', ';'])
            || [
                " and ",
                " while ",
                " whereas ",
                " with ",
                " und ",
                " sowie ",
                " während ",
            ]
            .iter()
            .any(|c| gap.contains(c));
        if !listed || gap.split_whitespace().count() > 10 || is_change(doc, r, s) {
            break;
        }
        parts.push(r);
    }
    parts.reverse();
    parts
}

/// "The racial makeup of the city was 85.2% White, 5.1% African American, …".
fn makeup(doc: &Doc<'_>, s: Span, idx: &[usize]) -> Option<Claim> {
    let sentence = doc.text[s.start..s.end].to_lowercase();
    let m = MAKEUP.iter().find_map(|m| sentence.find(m))?;
    let from = s.start + m;
    let mut parts: Vec<usize> = Vec::new();
    for &i in idx.iter().filter(|&&i| doc.quantities[i].span.start > from) {
        if let Some(&prev) = parts.last() {
            let gap = doc.between(prev, i).to_lowercase();
            if i != prev + 1
                || gap.contains(';')
                || MAKEUP_END.iter().any(|e| gap.contains(e))
                || !(gap.contains(',') || gap.contains(" and "))
            {
                break;
            }
        }
        parts.push(i);
    }
    let last = *parts.last()?;
    if parts.len() < 3 {
        return None;
    }
    claim(
        doc,
        s,
        &parts,
        Mark::Makeup,
        "a racial makeup".to_string(),
        last,
    )
}

/// The claim that `parts` add up to 100%, closed by the quantity `at`.
fn claim(
    doc: &Doc<'_>,
    s: Span,
    parts: &[usize],
    mark: Mark,
    marker: String,
    at: usize,
) -> Option<Claim> {
    let mut inputs = Vec::new();
    let (mut below, mut above) = (Decimal::ZERO, Decimal::ZERO);
    let mut wholes: Vec<String> = Vec::new();
    let mut places = 0;
    // A list is only as precise as its coarsest part: "61.55% …, 0.9% …" may have been rounded
    // at tenths throughout.
    let coarsest = parts
        .iter()
        .filter_map(|&i| doc.quantities[i].precision)
        .max()
        .unwrap_or(Decimal::ONE);
    for &i in parts {
        let q = &doc.quantities[i];
        let v = q.value?;
        if v.is_sign_negative() || v >= Decimal::ONE_HUNDRED {
            return None;
        }
        let o = doc.operand(i)?;
        // The rounding goes into the target; the parts themselves are taken as written.
        let half = coarsest / Decimal::TWO / Decimal::ONE_HUNDRED;
        let lo = o.range.lo.min(o.value - half);
        let hi = o.range.hi.max(o.value + half);
        // "< 0.02% Pacific Islander": anything from nothing up to the figure.
        let below_only = doc.text[s.start..q.span.start]
            .trim_end()
            .ends_with(['<', '≤']);
        below += if below_only { o.value } else { o.value - lo };
        above += if below_only {
            Decimal::ZERO
        } else {
            hi - o.value
        };
        places = places.max(q.precision.map_or(0, |p| p.normalize().scale()));
        if let Some(w) = of_phrase(doc, i, s) {
            wholes.push(w);
        }
        inputs.push(Operand {
            range: Range::point(o.value),
            ..o
        });
    }
    if wholes.windows(2).any(|w| !same_whole(&w[0], &w[1])) {
        return None;
    }
    let one = Decimal::ONE;
    let hi = Some((one + below, true));
    let lo = (mark != Mark::Undecided).then_some((one - above, true));
    let target = Target { lo, hi };
    let n = inputs.len();
    let range = |t: &Target| {
        let l =
            t.lo.map(|(v, _)| format!("{}%", (v * Decimal::ONE_HUNDRED).normalize()));
        let h =
            t.hi.map(|(v, _)| format!("{}%", (v * Decimal::ONE_HUNDRED).normalize()));
        (l, h)
    };
    let note = match range(&target) {
        (Some(l), Some(h)) => format!(
            "the parts of a complete breakdown add up to 100% ({l}–{h} with their rounding)"
        ),
        (None, Some(h)) => format!(
            "the parts may fall short of 100% where some gave no answer, but not exceed {h} with their rounding"
        ),
        _ => return None,
    };
    let at_q = &doc.quantities[at];
    let c = Claim {
        rule: RULE.id,
        stated: Stated {
            text: format!(
                "100% (\"{}\")",
                marker.split_whitespace().collect::<Vec<_>>().join(" ")
            ),
            span: at_q.span,
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
    // A run of the last parts that alone makes 100%: the earlier shares belong to something
    // else ("30% were men; 54% approved, 38% disapproved and the remaining 8% …").
    if mark != Mark::Makeup && check::check(c.clone()).verdict != Verdict::Ok {
        for k in 1..n.saturating_sub(1) {
            let tail = &parts[k..];
            if tail.len() < 2 {
                break;
            }
            let sum: Option<Decimal> = tail.iter().map(|&i| doc.operand(i).map(|o| o.value)).sum();
            let (b, a): (Decimal, Decimal) = tail
                .iter()
                .filter_map(|&i| doc.operand(i))
                .fold((Decimal::ZERO, Decimal::ZERO), |(b, a), o| {
                    (b + o.value - o.range.lo, a + o.range.hi - o.value)
                });
            if sum.is_some_and(|v| v >= one - a && v <= one + b) {
                return None;
            }
        }
    }
    Some(c)
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
    }

    #[test]
    fn census_makeup_and_a_total() {
        let v = run(
            "breakdown",
            "The racial makeup of the city was 85.2% White, 5.1% African American, 0.3% Native American, 2.1% Asian, 0.0% Pacific Islander, 3.4% from other races, and 3.9% from two or more races. Hispanic or Latino of any race were 7.0% of the population.",
        );
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        let v = run(
            "breakdown",
            "The racial makeup of the town was 85.2% White, 5.1% African American, 2.1% Asian, and 3.9% from two or more races.",
        );
        assert_eq!(v[0].0, Verdict::Mismatch, "{v:?}");
        // Mixed precision: the list is as precise as its coarsest part, and "<" reaches 0.
        let v = run(
            "breakdown",
            "The racial makeup of the city was 61.55% Black, 35.71% White, 0.9% Asian, 0.2% Native American, < 0.02% Pacific Islander, 0.59% from other races, and 0.89% from two or more races.",
        );
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        let v = run("breakdown", "Men 45%, women 50% (100%).");
        assert_eq!(v[0].0, Verdict::Mismatch, "{v:?}");
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
        // An earlier share of something else: the last three alone make 100%.
        assert!(
            run(
                "breakdown",
                "Of 1,200 people, 30% were men; 54% approved, 38% disapproved and the remaining 8% were undecided."
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
