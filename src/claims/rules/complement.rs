//! `complement`: a share and "the remaining/other/rest" share of the same whole must add up to
//! 100%.

use crate::check::interval::{Range, Target};
use crate::check::{Claim, Expr, Operand};
use crate::claims::{Candidate, Doc, Finder, Frames, Rule};
use crate::quantity::{HedgeKind, Kind};
use crate::tokens::{Cue, Cues};
use rust_decimal::Decimal;
use std::sync::LazyLock;

macro_rules! doc {
    () => {
        "## What it checks
A share and the rest of the same whole: \"P% … the remaining/other/rest Q%\", and a later
\"so for Q% of X\" (\"leaving\", \"that means\", \"in other words\") after \"P% of X\" with the
same X. P stands in Q's sentence or the one before, and is the only share in Q's sentence
before Q and the two sentences before that. Q must be 100 − P. The rest of a count: \"68 of
70 members voted for it, two abstained\": the two must be 70 − 68. The rest of a whole after
parts: \"a 3% goal, with 2% for defence and 0.7% for aid, leaves 0.3% for diplomacy\", \"of the
$10 million, $4 million for schools and $3.5 million for roads, leaving $2.5 million\": the rest
must be the first figure less the others. The parts of a count told after it: \"141 of 193
states condemned it. Only 5 voted against, 35 abstained and 12 were absent.\": 141 + 5 + 35 +
12 must make 193.

## Why it matters
The rest of a whole is the one figure a writer computes rather than copies, and a slip there
is a plain arithmetic error: \"38% approved, the remaining 72% did not\".

## Example
\"… together make up just under 20% of the Twin Cities population (3.76 million). So for 80% of
the Twin Cities, …\" → 100% − 20% = 80%: `ok`. The complement of \"just under 20%\" is \"just over
80%\", and exactly 80% lies within it.

## Verdicts
`ok` when 100 − P rounds to Q at Q's precision (or lies in Q's hedge), `imprecise` when only
P's rounding or hedge reaches Q, `mismatch` otherwise.

## Tolerance
P stands for its rounding interval or hedge (\"54%\" is [53.5%, 54.5%], \"just under 20%\" is
[19%, 20%]), so Q may differ from 100 − P by that much. A hedge on Q that mirrors P's (\"just
under 20%\" … \"just over 80%\") is read as the same boundary.

## When it does not fire
With another share nearby (two shares before \"the remaining\" are a `breakdown`, and one
sentence away may be a third part), when the earlier share is a change (\"rose 5%\"), when
the two are of different wholes (\"20% of A … the remaining 80% of B\") or only the rest names
its whole, after a possessive (\"its remaining 31.7% stake\": the rest of a holding), and for
\"the other Q%\" without a word of ownership or an \"of\" (\"one poll gave him 45%, the other
40%\"). The rest of a count is reported only when it adds up: a third group may go unnamed
(\"68 of 70 voted for it, one abstained\" may leave one absent). So are the two readings
that take a sentence's figures as parts, since they may as well be a list: the rest of a whole
after parts needs every figure before the rest to be of its kind and unit, none moving
(\"rose 2%\"), and passes over a figure in an aside (between dashes, in brackets), which
restates; the parts of a count are every count after it to the end of the next sentence in its
paragraph, two to six of them, and none is read when a figure of another kind stands among
them."
    };
}

#[doc = doc!()]
pub const RULE: Rule = Rule {
    id: "complement",
    summary: "a share and the remaining share of the same whole must add up to 100%",
    doc: doc!(),
    find: Finder::Candidates(find),
};

/// The frames of a rest. Roles: `q` the rest, `r`/`o`/`so` the words that call it one; the
/// builder finds the share it is the rest of.
static FRAMES: LazyLock<Frames> = LazyLock::new(|| {
    Frames::new(&[
        // "the remaining 62.5%", "the rest, 8%,", "die restlichen 30 Prozent"
        (80, "{r:REST} ,|:|(|–? {q:pct}"),
        // "the other 20 pct of thrifts", "the other 49% it does not own"
        (75, "{o:OTHER} {q:pct}"),
        // "So for 80% of the Twin Cities", "leaving 20% of the budget"
        (75, "AND? {so:SO} _2 {q:pct} OF|STAKE"),
    ])
});

/// The rest of a count: "68 von 70 Mitgliedern stimmten dafür, zwei enthielten sich", "30 of
/// the 34 members voted for it, four against". A third group may stand unnamed, so the reading
/// is weak: reported when the rest adds up, never as a `mismatch`.
static COUNT_FRAMES: LazyLock<Frames> =
    LazyLock::new(|| Frames::new(&[(50, "{a:num} OF DET? {w:num} _6 , {r:num}")]));

/// The parts of a count, told after it: "141 of 193 states condemned it. Only 5 voted
/// against, 35 abstained and 12 were absent." Every count after the whole, to the end of the
/// next sentence, is a part; reported when they add up with the first to the whole.
static PARTS_FRAMES: LazyLock<Frames> =
    LazyLock::new(|| Frames::new(&[(50, "{a:num} OF DET? {w:num}")]));

/// Whether quantity `i` is a plain count: no unit, hedge, range or date.
fn is_count(doc: &Doc<'_>, i: usize) -> bool {
    let q = &doc.quantities[i];
    q.kind == Kind::Number && q.unit.is_none() && q.hedge.is_none() && q.value.is_some()
}

/// The whole `w` of "a of w" as `a` plus the counts after it (see [`PARTS_FRAMES`]).
fn count_parts(doc: &Doc<'_>, si: usize, m: &crate::claims::frame::Match) -> Option<Claim> {
    let (a, w) = (doc.q(si, m, "a")?, doc.q(si, m, "w")?);
    if !is_count(doc, a) || !is_count(doc, w) {
        return None;
    }
    let mut parts = Vec::new();
    let next = si + 1;
    let same_paragraph = doc.sentences.get(next).is_some_and(|n| {
        let gap = &doc.text[doc.sentences[si].end.min(n.start)..n.start];
        !gap.contains("\n\n")
    });
    let after = doc.token_of(si, w)? + 1;
    let sentences = [(si, after)]
        .into_iter()
        .chain(same_paragraph.then_some((next, 0)));
    for (sj, from) in sentences {
        let toks = doc.tokens(sj);
        for (k, t) in toks.iter().enumerate().skip(from) {
            let Some(i) = t.quantity() else { continue };
            if !doc.quantities[i].kind.is_quantity() {
                continue;
            }
            // "one of the few" is no part, nor a spelled "one" ("one who …") at all.
            let q = &doc.quantities[i];
            let spelled_one = q.value == Some(Decimal::ONE)
                && !doc.text[q.span.start..q.span.end].contains(|c: char| c.is_ascii_digit());
            if spelled_one || toks.get(k + 1).is_some_and(|t| t.cues.has(Cue::Of)) {
                return None;
            }
            if !is_count(doc, i) {
                return None;
            }
            parts.push(i);
        }
    }
    let (av, wv) = (doc.quantities[a].value?, doc.quantities[w].value?);
    let sum: Decimal = parts
        .iter()
        .map(|&i| doc.quantities[i].value)
        .sum::<Option<Decimal>>()?;
    if parts.len() < 2 || parts.len() > 6 || av >= wv || av + sum != wv {
        return None;
    }
    let mut inputs = vec![doc.operand(a)?];
    for &i in &parts {
        inputs.push(doc.operand(i)?);
    }
    // Grouped to the right, so that it shows without brackets: "141 + 5 + 35 + 12".
    let expr = (0..inputs.len())
        .rev()
        .map(Expr::Input)
        .reduce(|acc, e| e + acc)?;
    Some(Claim::new(RULE.id, doc.stated(w)?, expr, inputs))
}

/// The rest of a count, `w − a`, stated as `r`.
fn count_rest(doc: &Doc<'_>, si: usize, m: &crate::claims::frame::Match) -> Option<Claim> {
    let (a, w, r) = (doc.q(si, m, "a")?, doc.q(si, m, "w")?, doc.q(si, m, "r")?);
    let counts = [a, w, r].iter().all(|&i| {
        let q = &doc.quantities[i];
        q.kind == Kind::Number && q.unit.is_none() && q.hedge.is_none()
    });
    let (av, wv, rv) = (
        doc.quantities[a].value?,
        doc.quantities[w].value?,
        doc.quantities[r].value?,
    );
    if !counts || av >= wv || rv >= wv || rv <= Decimal::ZERO {
        return None;
    }
    Some(Claim::new(
        RULE.id,
        doc.stated(r)?,
        Expr::Input(0) - Expr::Input(1),
        vec![doc.operand(w)?, doc.operand(a)?],
    ))
}

/// The rest of a whole after several parts: "ein 3-Prozent-Ziel, bei 2 Prozent für X und 0,7
/// Prozent für Y, dann bleiben 0,3 Prozent für Z", "a $10 million grant: $4 million for A and
/// $3.5 million for B, leaving $2.5 million". The first figure is read as the whole, and the
/// figures may as well be a list, so the reading is weak: reported when the rest adds up.
static WHOLE_FRAMES: LazyLock<Frames> =
    LazyLock::new(|| Frames::new(&[(50, "{r:REST|SO} _1 {q:amt}")]));

/// The support of a rest of a whole after several parts (see [`WHOLE_FRAMES`]).
const AFTER_PARTS: u8 = 50;

/// The claim that `q`, of sentence `si`, is its sentence's first figure less the figures
/// between: the rest of a whole after two parts or more. Figures of another kind or unit, and
/// figures in an aside (between dashes, in brackets) that restate a part, are not parts.
fn rest_of_whole(doc: &Doc<'_>, si: usize, q: usize) -> Option<Claim> {
    let toks = doc.tokens(si);
    let end = doc.token_of(si, q)?;
    let like = |i: usize| {
        let (a, b) = (&doc.quantities[i], &doc.quantities[q]);
        a.kind == b.kind && a.unit == b.unit && a.value.is_some()
    };
    // Asides: the tokens between a pair of dashes, or inside brackets.
    let dashes: Vec<usize> = (0..end).filter(|&k| toks[k].is_punct('–')).collect();
    let in_aside = |k: usize| {
        dashes.chunks_exact(2).any(|d| d[0] < k && k < d[1])
            || toks[..k].iter().filter(|t| t.is_punct('(')).count()
                > toks[..k].iter().filter(|t| t.is_punct(')')).count()
    };
    let figures: Vec<usize> = (0..end)
        .filter(|&k| !in_aside(k))
        .filter_map(|k| toks[k].quantity())
        .filter(|&i| doc.quantities[i].kind.is_quantity())
        .collect();
    // Every figure before the rest is of its kind: a figure of another kind ("in 2024", "3
    // Länder") may be what the parts are of.
    if figures.len() < 3 || !figures.iter().all(|&i| like(i)) {
        return None;
    }
    let (whole, parts) = figures.split_first()?;
    let wv = doc.quantities[*whole].value?;
    let qv = doc.quantities[q].value?;
    let pv: Decimal = parts
        .iter()
        .map(|&i| doc.quantities[i].value)
        .sum::<Option<Decimal>>()?;
    // A part that moves ("rose 2%", "by 2%", "2% more") is no share of the whole; a level
    // ("bei 2 Prozent", "$3.5 million to roads") is.
    let motion = Cue::Up.set().union(Cue::Down.set());
    let moves = |i: usize| {
        doc.token_of(si, i).is_none()
            || cued_around(
                doc,
                si,
                i,
                motion.with(Cue::By),
                motion
                    .with(Cue::More)
                    .with(Cue::Less)
                    .with(Cue::Change)
                    .with(Cue::Year)
                    .with(Cue::Per),
            )
    };
    if qv <= Decimal::ZERO || pv >= wv || parts.iter().chain([whole]).any(|&i| moves(i)) {
        return None;
    }
    let mut inputs = vec![doc.operand(*whole)?];
    for &i in parts {
        inputs.push(doc.operand(i)?);
    }
    // The whole less the sum of the parts: "3% − (2% + 0.7%)".
    let sum = (1..inputs.len())
        .rev()
        .map(Expr::Input)
        .reduce(|acc, e| e + acc)?;
    Some(Claim::new(
        RULE.id,
        doc.stated(q)?,
        Expr::Input(0) - sum,
        inputs,
    ))
}

fn find(doc: &Doc<'_>) -> Vec<Candidate> {
    let counts = doc
        .matches(&COUNT_FRAMES)
        .filter_map(|(si, m, support)| Some(Candidate::new(count_rest(doc, si, &m)?, support)));
    let parts = doc
        .matches(&PARTS_FRAMES)
        .filter_map(|(si, m, support)| Some(Candidate::new(count_parts(doc, si, &m)?, support)));
    let wholes = doc.matches(&WHOLE_FRAMES).filter_map(|(si, m, support)| {
        let q = doc.q(si, &m, "q")?;
        Some(Candidate::new(rest_of_whole(doc, si, q)?, support))
    });
    doc.matches(&FRAMES)
        .filter_map(|(si, m, support)| {
            let q = doc.q(si, &m, "q")?;
            let Some((p, sp)) = one_share_before(doc, si, q) else {
                // "P% for A and Q% for B, leaving R%" of a whole: the rest after parts.
                let c = rest_of_whole(doc, si, q)?;
                return Some(Candidate::new(c, support.min(AFTER_PARTS)));
            };
            if changes(doc, sp, p) {
                return None;
            }
            let (wp, wq) = (whole_of(doc, sp, p), whole_of(doc, si, q));
            if m.has("so") {
                // "P% of X. So for Q% of X": both name one whole.
                if !same_whole(&wp?, &wq?) {
                    return None;
                }
            } else {
                // "the other Q%" is a rest of a holding, or of a named whole.
                let held = holding(doc, si) || holding(doc, sp);
                if m.has("o") && !held && wq.is_none() {
                    return None;
                }
                // A rest "of X" needs a share of the same X; a share of an unnamed whole won't do.
                // After "the other", the "of" names the rest's members ("80 pct of healthy
                // banks and the other 20 pct of lenders").
                match (wp, wq) {
                    (Some(a), Some(b)) if !same_whole(&a, &b) && !m.has("o") => return None,
                    (None, Some(_)) => return None,
                    _ => {}
                }
            }
            claim(doc, p, q).map(|c| Candidate::new(c, support))
        })
        .chain(counts)
        .chain(wholes)
        .chain(parts)
        .collect()
}

/// The one share before `q` (of sentence `si`) that it can be the rest of, in its sentence or
/// the one before, with that sentence: `None` unless it is the only share in `q`'s sentence
/// before `q` and in the two sentences before (a third share nearby may make `q` the rest of
/// two), shares in words ("half of those questioned") included.
fn one_share_before(doc: &Doc<'_>, si: usize, q: usize) -> Option<(usize, usize)> {
    let mut found = None;
    for sj in si.saturating_sub(2)..=si {
        for t in doc.tokens(sj) {
            let share = match t.quantity() {
                Some(i) if i >= q => break,
                Some(i) => is_share_like(doc.quantities[i].kind).then_some(i),
                None if t.cues.has(Cue::Half) => return None,
                None => None,
            };
            if let Some(i) = share {
                if found.is_some() {
                    return None;
                }
                found = Some((i, sj));
            }
        }
    }
    let (p, sp) = found?;
    (doc.quantities[p].kind == Kind::Percent && sp + 1 >= si).then_some((p, sp))
}

/// Whether share `p` of sentence `si` reads as a change or a rate, not a share of a whole:
/// "rose 5%", "by 5%", "a 5% rise", "5% a year".
pub(crate) fn changes(doc: &Doc<'_>, si: usize, p: usize) -> bool {
    let moves = Cue::Up.set().union(Cue::Down.set());
    cued_around(
        doc,
        si,
        p,
        moves
            .with(Cue::By)
            .with(Cue::To)
            .with(Cue::From)
            .with(Cue::At)
            .with(Cue::Than),
        moves
            .with(Cue::More)
            .with(Cue::Less)
            .with(Cue::From)
            .with(Cue::To)
            .with(Cue::Change)
            .with(Cue::Year)
            .with(Cue::Per),
    )
}

/// Whether the word before figure `i` of sentence `si` (past an article) has a cue of
/// `before`, or the token after it one of `after`; `true` for a figure not in the sentence.
fn cued_around(doc: &Doc<'_>, si: usize, i: usize, before: Cues, after: Cues) -> bool {
    let toks = doc.tokens(si);
    let Some(k) = doc.token_of(si, i) else {
        return false;
    };
    let prev = toks[..k].iter().rev().find(|t| !t.cues.has(Cue::Article));
    prev.is_some_and(|t| t.cues.meets(before))
        || toks.get(k + 1).is_some_and(|t| t.cues.meets(after))
}

/// The whole an "of" phrase after quantity `i` of sentence `si` names, lower-case and without
/// its determiners and possessive endings: "of the Twin Cities population (3.76 million)" →
/// "twin cities population"; "a 50% stake in X" → "x". `None` when none follows.
pub(crate) fn whole_of(doc: &Doc<'_>, si: usize, i: usize) -> Option<String> {
    let toks = doc.tokens(si);
    let mut k = doc.token_of(si, i)? + 1;
    let holding = toks.get(k).is_some_and(|t| t.cues.has(Cue::Stake));
    if holding {
        k += 1;
    }
    let link = toks.get(k)?;
    if !(link.cues.has(Cue::Of) || (holding && link.cues.has(Cue::In))) {
        return None;
    }
    let words: Vec<String> = toks[k + 1..]
        .iter()
        .skip_while(|t| t.cues.has(Cue::Det) || t.cues.has(Cue::Total))
        .take_while(|t| t.is_word() && t.cues.is_empty())
        .take(6)
        .map(|t| {
            let w = doc.text[t.span.start..t.span.end].to_lowercase();
            w.trim_end_matches("'s").trim_end_matches("’s").to_string()
        })
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Whether sentence `si` states a holding: a share next to its word ("hold 80 pct", "a 50 pct
/// interest", "bought the other 49 pct"). "Interest of 7-1/4 pct" is a rate.
fn holding(doc: &Doc<'_>, si: usize) -> bool {
    let toks = doc.tokens(si);
    let share = |k: usize| {
        toks.get(k)
            .and_then(|t| t.quantity())
            .is_some_and(|i| is_share_like(doc.quantities[i].kind))
    };
    let other = |k: usize| toks.get(k).is_some_and(|t| t.cues.has(Cue::Other));
    toks.iter().enumerate().any(|(k, t)| {
        t.cues.has(Cue::Stake) && (share(k + 1) || (other(k + 1) && share(k + 2)))
            || share(k) && toks.get(k + 1).is_some_and(|n| n.cues.has(Cue::Stake))
    })
}

/// Whether two "of" phrases name the same whole: one starts the other, word by word, and
/// they share at least one word.
pub(crate) fn same_whole(a: &str, b: &str) -> bool {
    let (a, b): (Vec<_>, Vec<_>) = (a.split(' ').collect(), b.split(' ').collect());
    let n = a.len().min(b.len());
    n > 0 && a[..n] == b[..n]
}

fn is_share_like(k: Kind) -> bool {
    matches!(
        k,
        Kind::Percent | Kind::PercentagePoints | Kind::Fraction | Kind::PerMille
    ) || k == Kind::Range
}

/// The claim Q = 100% − P.
fn claim(doc: &Doc<'_>, p: usize, q: usize) -> Option<Claim> {
    let x = doc.operand(p)?;
    let mut stated = doc.stated(q)?;
    let hundred = Decimal::ONE_HUNDRED;
    let (pv, qv) = (doc.quantities[p].value?, doc.quantities[q].value?);
    if pv <= Decimal::ZERO || qv <= Decimal::ZERO || pv >= hundred || qv >= hundred {
        return None;
    }
    let ph = doc.quantities[p].hedge.as_ref().map(|h| h.kind);
    let qh = doc.quantities[q].hedge.as_ref().map(|h| h.kind);
    let mirrored = matches!(
        (ph, qh),
        (Some(HedgeKind::JustUnder), Some(HedgeKind::JustOver))
            | (Some(HedgeKind::JustOver), Some(HedgeKind::JustUnder))
            | (Some(HedgeKind::LessThan), Some(HedgeKind::MoreThan))
            | (Some(HedgeKind::MoreThan), Some(HedgeKind::LessThan))
    );
    if mirrored {
        stated.target = Target::closed(Range::point(stated.value));
    }
    let note = ph.filter(|_| !mirrored).and_then(|k| {
        let mirror = match k {
            HedgeKind::JustUnder => "just over",
            HedgeKind::JustOver => "just under",
            HedgeKind::About => "about",
            _ => return None,
        };
        Some(format!(
            "the rest of {} is {mirror} {}%",
            doc.text[doc.quantities[p].hedge.as_ref()?.span.start..doc.quantities[p].span.end]
                .to_lowercase(),
            (hundred - pv).normalize()
        ))
    });
    Some(Claim {
        rule: RULE.id,
        stated,
        expr: Expr::Input(0) - Expr::Input(1),
        inputs: vec![Operand::constant(Decimal::ONE, "100%"), x],
        missing: None,
        note,
        id: None,
    })
}

#[cfg(test)]
mod tests {
    use crate::check::Verdict;
    use crate::claims::rules::tests::run;

    #[test]
    fn so_for_the_rest_of_the_same_whole() {
        let v = run(
            "complement",
            "Minneapolis (430.000) and St. Paul (310.000) together make up just under 20% of the Twin Cities population (3.76 million). So for 80% of the Twin Cities, the protests were a thing you saw on the news.",
        );
        assert_eq!(
            v,
            [(
                Verdict::Ok,
                "100% − 20% = 80%, the text says 80%; the rest of just under 20% is just over 80%"
                    .to_string()
            )]
        );
        let v = run(
            "complement",
            "About 30% of the residents own a car. That leaves 60% of the residents without one.",
        );
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].0, Verdict::Mismatch, "{v:?}");
    }

    #[test]
    fn the_rest_of_a_whole_after_parts() {
        let v = run(
            "complement",
            "Bei einem Ziel von 4 Prozent, mit 2,5 Prozent für Schulen – die 2,5 Prozent sind längst verplant – und 0,9 Prozent für Straßen, bleiben 0,6 Prozent für Parks.",
        );
        assert_eq!(
            v,
            [(
                Verdict::Ok,
                "4 Prozent − (2,5 Prozent + 0,9 Prozent) = 0.6%, the text says 0,6 Prozent"
                    .to_string()
            )]
        );
        let v = run(
            "complement",
            "Of the $12 million grant, $5 million goes to schools and $4.5 million to roads, leaving $2.5 million for parks.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        // Weak: a rest that does not add up is no finding, nor are parts that move or figures
        // of other kinds.
        for text in [
            "Of the $12 million grant, $5 million goes to schools and $4.5 million to roads, leaving $0.5 million for parks.",
            "Sales rose 4% in May, 2% in June and 1% in July, leaving 1% for the year.",
            "In 3 towns, $12 million went to schools and $5 million to roads, leaving $7 million.",
        ] {
            assert!(run("complement", text).is_empty(), "{text}");
        }
    }

    #[test]
    fn the_parts_of_a_count_told_after_it() {
        let text = "The vote was clear. 120 of 150 members backed the plan. Only 8 voted against, 17 abstained and 5 were absent.";
        assert_eq!(
            run("complement", text),
            [(
                Verdict::Ok,
                "120 + 8 + 17 + 5 = 150, the text says 150".to_string()
            )]
        );
        // Parts that do not add up, a part of another kind, or a part a paragraph away: none.
        for text in [
            "120 of 150 members backed the plan. Only 8 voted against, 17 abstained and 7 were absent.",
            "120 of 150 members backed the plan. Only 8 voted against, 17 abstained and 5% were absent.",
            "120 of 150 members backed the plan.\n\nOnly 8 voted against, 17 abstained and 5 were absent.",
            "He lost 5 of their 8 games, one of them at home, one away and one in a cup.",
        ] {
            assert!(run("complement", text).is_empty(), "{text}");
        }
    }

    #[test]
    fn the_remaining_share() {
        let v = run(
            "complement",
            "Japanese films took 37.5% of the box office, with foreign films taking the remaining 62.5%.",
        );
        assert_eq!(
            v,
            [(
                Verdict::Ok,
                "100% − 37.5% = 62.5%, the text says 62.5%".to_string()
            )]
        );
        let v = run(
            "complement",
            "Shell owns 72 pct of Shell Canada. Public shareholders own the remaining 38 pct.",
        );
        assert_eq!(
            v,
            [(
                Verdict::Mismatch,
                "100% − 72 pct = 28%, the text says 38 pct".to_string()
            )]
        );
        let v = run(
            "complement",
            "Metallgesellschaft will hold 80 pct of the company, and the other 20 pct will be held by Dieter Worms.",
        );
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        // A holding "interest" is a share, not an interest rate.
        let v = run(
            "complement",
            "It bought a 50 pct interest in Intercon, and the founders will hold the remaining 50 pct.",
        );
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        // Two rates side by side are no rest of a whole, whatever the word "interest" says.
        let v = run(
            "complement",
            "The loan has two tranches, one paying interest of 7-1/4 pct and the other 7-1/8 pct.",
        );
        assert!(v.is_empty(), "{v:?}");
        // 54% is [53.5%, 54.5%]: 47% is just out of reach of the exact 46%, within rounding.
        let v = run("complement", "54% said yes; the remaining 47% said no.");
        assert_eq!(v[0].0, Verdict::Imprecise, "{v:?}");
    }

    #[test]
    fn the_other_share_of_a_named_whole() {
        let v = run(
            "complement",
            "The split between the 70 pct of small banks and the other 30 pct of lenders widened.",
        );
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        let v = run(
            "complement",
            "Von den Befragten waren 45 Prozent dafür, die restlichen 45 Prozent dagegen.",
        );
        assert_eq!(v[0].0, Verdict::Mismatch, "{v:?}");
    }

    #[test]
    fn mirrored_hedges_are_the_same_boundary() {
        let v = run(
            "complement",
            "Just under 20% voted, and the remaining just over 80% stayed home.",
        );
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
    }

    #[test]
    fn the_rest_of_a_count() {
        let v = run(
            "complement",
            "68 von 70 Mitgliedern stimmten dafür, zwei enthielten sich der Stimme.",
        );
        assert_eq!(
            v,
            [(Verdict::Ok, "70 − 68 = 2, the text says zwei".to_string())]
        );
        let v = run(
            "complement",
            "30 of the 34 members voted for it, four against.",
        );
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].0, Verdict::Ok);
        // One abstained and one was absent: a rest that does not add up is no finding.
        let v = run(
            "complement",
            "68 of 70 members voted for it, one abstained.",
        );
        assert_eq!(v, []);
    }

    #[test]
    fn does_not_fire_without_a_single_share_of_the_same_whole() {
        // A breakdown of three is the `breakdown` rule's.
        assert!(
            run(
                "complement",
                "54% approved, 38% disapproved and the remaining 8% were undecided."
            )
            .is_empty()
        );
        // A change is no share.
        assert!(
            run(
                "complement",
                "Sales rose 20%. The remaining 60% of stock was sold."
            )
            .is_empty()
        );
        // "the other" of two polls is no rest of a whole.
        assert!(run("complement", "One poll gave him 45%, the other 40%.").is_empty());
        // A possessive: the rest of a holding.
        assert!(
            run(
                "complement",
                "It sold 5 pct last year and will sell its remaining 31.7 pct stake."
            )
            .is_empty()
        );
        // Different wholes.
        assert!(
            run(
                "complement",
                "It holds 20 pct of the common stock and the remaining 40 pct of the Jones Group stock."
            )
            .is_empty()
        );
        // "So" and "of X" with a different X.
        assert!(
            run(
                "complement",
                "45% of voters back the plan. So for 30% of the farmers, it is a loss."
            )
            .is_empty()
        );
        // Without a cue, a later share of the same whole is just another share.
        assert!(
            run(
                "complement",
                "45% of voters back the plan. For 30% of voters, it is the main issue."
            )
            .is_empty()
        );
        // A share in words two sentences back is a third part.
        assert!(
            run(
                "complement",
                "Half of them use one engine. Some 17% use none. The remaining 33% use several."
            )
            .is_empty()
        );
        // The rest names its whole ("stake of X"), the share names none.
        assert!(
            run(
                "complement",
                "It holds a 45 pct stake in the new firm. It also bought the remaining 50 pct stake of Acme Inc."
            )
            .is_empty()
        );
        // A third share before makes the three add up.
        assert!(
            run(
                "complement",
                "Forest took 30% of the land. Fields took 50%, and the remaining 20% is water."
            )
            .is_empty()
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_text_made_of_its_cues(text in "(the remaining|the other|the rest,|So for|leaving|die restlichen|of the|half| |\\.|,|\\n|[0-9]{1,3}(\\.[0-9])?%|Twin Cities|own|rose|İ|ß){0,40}") {
            let _ = run("complement", &text);
        }
    }
}
