//! `change`: a value before, a value after, and the change the text states between them.

use crate::check::interval::{Range, Target};
use crate::check::{Claim, Expr, Operand, Stated};
use crate::claims::Doc;
use crate::claims::Rule;
use crate::quantity::{HedgeKind, Kind, Span};
use rust_decimal::Decimal;

macro_rules! doc {
    () => {
        "## What it checks
A value before (A), a value after (B) and the change the text states between them:
\"from A to B, an increase of P%\", \"rose/fell P% to B from A\", \"rose P% from A to B\",
\"B, up/down P% from A\", \"doubled/tripled/halved from A to B\", German \"von A auf B, ein
Plus von P%\", \"um P% von A auf B\". P must be (B − A) ÷ A for a rise and (A − B) ÷ A for a
fall; a stated multiple (\"doubled\") must be B ÷ A. When A and B are percentages and the
change is given in percentage points (\"2 points\", \"2 pp\"), it must be B − A instead.

## Why it matters
Changes are the most common derived figure in business and economic news, and the easiest to
get wrong: from 10% to 12% is 2 percentage points, but a 20% increase.

## Example
\"Sales fell 17.8% to 729,000 tonnes from 887,000\" → (887,000 − 729,000) ÷ 887,000 = 17.81%:
`ok`. \"The rate rose from 10% to 12%, an increase of 2%\" → (12% − 10%) ÷ 10% = 20%, the text
says 2%: `mismatch`, with the note that the change is 2 percentage points, or a 20% increase.

## Verdicts
`ok` when the change derived from A and B rounds to P, `imprecise` when only the rounding of
A and B reaches P, `mismatch` otherwise. The size of the change is checked; a rise stated for a
fall (or the other way round) is noted in the finding but decides nothing, since inverse
quotes (\"the yen rose 0.8% to 153.50 from 154.67\" yen per dollar) read that way.

## Tolerance
A, B and P stand for their rounding intervals; a hedged P (\"nearly 20%\") for its hedge. A
change may be cut off rather than rounded (26.55% written \"26.5 pct\"). A multiplying verb is
loose in news: \"doubled\" allows 1.8–2.2 times, \"nearly doubled\" 1.7–2.1 times, \"more than
doubled\" anything above 2.

## When it does not fire
Without a stated change (\"from 120 to 150\" alone), without the earlier value (\"rose 5% to
150\"), for years, dates, ranges and hedged before/after values (\"from more than 100\"), when A
and B are of different kinds or currencies, for temperatures, when A is zero, and when the
stated change is in percentage points but A and B are no percentages."
    };
}

#[doc = doc!()]
pub const RULE: Rule = Rule {
    id: "change",
    summary: "a stated change must match its before and after values",
    doc: doc!(),
    find: crate::claims::Finder::Claims(find),
};

/// Which way a word says a value moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Up,
    Down,
}

/// Words that say a value rose.
const UP: &[&str] = &[
    "rose",
    "rise",
    "rises",
    "rising",
    "risen",
    "increased",
    "increase",
    "increases",
    "increasing",
    "grew",
    "grow",
    "grows",
    "growing",
    "grown",
    "growth",
    "climbed",
    "climb",
    "climbs",
    "jumped",
    "jump",
    "jumps",
    "gained",
    "gain",
    "gains",
    "soared",
    "surged",
    "surge",
    "advanced",
    "expanded",
    "rebounded",
    "up",
    "higher",
    "plus",
    "stieg",
    "stiegen",
    "steigt",
    "steigen",
    "gestiegen",
    "wuchs",
    "wuchsen",
    "gewachsen",
    "erhöhte",
    "erhöhten",
    "erhöht",
    "kletterte",
    "zugelegt",
    "anstieg",
    "zuwachs",
    "steigerung",
    "zunahme",
];

/// Words that say a value fell.
const DOWN: &[&str] = &[
    "fell",
    "fall",
    "falls",
    "falling",
    "fallen",
    "dropped",
    "drop",
    "drops",
    "declined",
    "decline",
    "declines",
    "decreased",
    "decrease",
    "decreases",
    "slipped",
    "slid",
    "sank",
    "plunged",
    "plummeted",
    "tumbled",
    "slumped",
    "shrank",
    "shrunk",
    "contracted",
    "dipped",
    "eased",
    "lost",
    "loss",
    "down",
    "lower",
    "reduced",
    "reduction",
    "cut",
    "minus",
    "sank",
    "sanken",
    "sinkt",
    "gesunken",
    "fiel",
    "fielen",
    "gefallen",
    "verringerte",
    "verringert",
    "schrumpfte",
    "rückgang",
    "abnahme",
    "einbruch",
];

/// Words that may stand between the after value and the change besides a direction word:
/// ", which is an increase of", ", representing a rise of", ", ein Plus von".
const LINK: &[&str] = &[
    "a",
    "an",
    "or",
    "of",
    "by",
    "which",
    "is",
    "was",
    "that",
    "representing",
    "ein",
    "eine",
    "einen",
    "also",
    "um",
    "von",
    "das",
    "ist",
];

/// The direction a single lower-case word gives.
fn dir_of(word: &str) -> Option<Dir> {
    if UP.contains(&word) {
        Some(Dir::Up)
    } else if DOWN.contains(&word) {
        Some(Dir::Down)
    } else {
        None
    }
}

/// The lower-case words of `s`, split at white space, with surrounding punctuation removed.
fn words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '%' && c != '+')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The direction the last word of `lead` gives, looking past a trailing "by", "of", "um", "von".
fn dir_of_lead(lead: &str) -> Option<Dir> {
    let w = words(lead);
    let mut it = w.iter().rev();
    let last = it.next()?;
    if matches!(last.as_str(), "by" | "of" | "um" | "von") {
        return dir_of(it.next()?);
    }
    dir_of(last)
}

/// Whether a gap holds only a few plain words (a unit noun, "in March", "last year's").
fn plain_words(gap: &str, max: usize) -> bool {
    let ws: Vec<&str> = gap.split_whitespace().collect();
    ws.len() <= max
        && ws.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
                || is_year_possessive(w)
        })
}

/// "1985's".
fn is_year_possessive(w: &str) -> bool {
    let digits = w.trim_end_matches("'s").trim_end_matches("’s");
    digits.len() == 4 && digits.len() < w.len() && digits.chars().all(|c| c.is_ascii_digit())
}

/// Whether the gap is "[a few words] KEY [a few words]" with KEY one of `keys`.
fn gap_with(gap: &str, keys: &[&str], before: usize, after: usize) -> bool {
    let ws: Vec<&str> = gap.split_whitespace().collect();
    let Some(k) = ws.iter().position(|w| keys.contains(w)) else {
        return false;
    };
    plain_words(&ws[..k].join(" "), before) && plain_words(&ws[k + 1..].join(" "), after)
}

/// Kinds a before or after value may have.
fn is_level(k: Kind) -> bool {
    matches!(
        k,
        Kind::Number | Kind::Money | Kind::Measure | Kind::Percent
    )
}

/// The next quantity after `i` in the sentence that is a level; years between are skipped
/// ("from 1985's 710").
fn next_level(doc: &Doc<'_>, i: usize, range: &std::ops::Range<usize>) -> Option<usize> {
    let mut j = i + 1;
    while j < range.end {
        let k = doc.quantities[j].kind;
        if is_level(k) {
            return Some(j);
        }
        if k != Kind::Year {
            return None;
        }
        j += 1;
    }
    None
}

/// An operand scaled by `k` ("5.83" in "from 5.83 to 6.11 billion").
fn scaled(mut o: Operand, k: Decimal) -> Option<Operand> {
    o.value = o.value.checked_mul(k)?;
    o.range = Range {
        lo: o.range.lo.checked_mul(k)?,
        hi: o.range.hi.checked_mul(k)?,
    };
    Some(o)
}

/// The before and after values as operands, if they are of one kind and unit. A bare number
/// takes the unit of the other; a scale word on one side only carries over to the other when
/// the values would otherwise be a hundred times apart ("from 5.83 to 6.11 billion").
fn levels(doc: &Doc<'_>, a: usize, b: usize) -> Option<(Operand, Operand)> {
    let (qa, qb) = (&doc.quantities[a], &doc.quantities[b]);
    if !is_level(qa.kind) || !is_level(qb.kind) || qa.hedge.is_some() || qb.hedge.is_some() {
        return None;
    }
    // "April four", "March one": a day of a month, not a level
    if after_month(doc, a) || after_month(doc, b) {
        return None;
    }
    // "from 10 to 12%", "von 20 auf 16 Prozent": the percent sign of the second serves both
    if qa.kind == Kind::Number
        && qb.kind == Kind::Percent
        && qa.unit.is_none()
        && qa.scale.is_none()
        && !own_noun(doc, a)
    {
        let x = scaled(doc.operand(a)?, Decimal::new(1, 2))?;
        let y = doc.operand(b)?;
        return (!x.value.is_zero() && x.value.is_sign_positive()).then_some((x, y));
    }
    let same = qa.kind == qb.kind && qa.unit == qb.unit;
    // A bare number stands for the other's unit only if no noun of its own follows it.
    let bare = |i: usize| {
        let q = &doc.quantities[i];
        q.kind == Kind::Number && q.unit.is_none() && !own_noun(doc, i)
    };
    let mixed = (bare(a) && matches!(qb.kind, Kind::Money | Kind::Measure))
        || (bare(b) && matches!(qa.kind, Kind::Money | Kind::Measure));
    if !same && !mixed {
        return None;
    }
    let (mut x, mut y) = (doc.operand(a)?, doc.operand(b)?);
    if x.value.is_zero() || y.value.is_zero() || x.value.is_sign_negative() {
        return None;
    }
    let hundred = Decimal::ONE_HUNDRED;
    let far = |x: &Operand, y: &Operand| {
        let r = x
            .value
            .abs()
            .checked_div(y.value.abs())
            .unwrap_or(Decimal::MAX);
        r >= hundred || r * hundred <= Decimal::ONE
    };
    if far(&x, &y) {
        // only the first of two adjacent figures borrows the second's scale word
        let adjacent = |i: usize, j: usize| i + 1 == j && !own_noun(doc, i);
        match (qa.scale, qb.scale) {
            (None, Some(k)) if adjacent(a, b) => x = scaled(x, k)?,
            (Some(k), None) if adjacent(b, a) => y = scaled(y, k)?,
            _ => return None,
        }
        if far(&x, &y) {
            return None;
        }
    }
    Some((x, y))
}

/// Month names, full and abbreviated, English and German.
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "januar",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
];

/// Whether quantity `i` follows a month name ("April four" read as a number).
fn after_month(doc: &Doc<'_>, i: usize) -> bool {
    crate::lex::word_before(doc.text, doc.quantities[i].span.start)
        .is_some_and(|(_, w)| MONTHS.contains(&w.to_lowercase().as_str()))
}

/// Words that may follow a bare number without being its noun.
const NOT_NOUNS: &[&str] = &[
    "from",
    "to",
    "in",
    "a",
    "an",
    "the",
    "and",
    "but",
    "or",
    "last",
    "on",
    "at",
    "for",
    "during",
    "while",
    "with",
    "this",
    "that",
    "previously",
    "earlier",
    "before",
    "von",
    "auf",
    "im",
    "und",
    "vor",
    "zuvor",
];

/// Whether a word that is no function word follows quantity `i` ("300 workers").
fn own_noun(doc: &Doc<'_>, i: usize) -> bool {
    let rest = &doc.text[doc.quantities[i].span.end..];
    let next = rest
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    rest.starts_with([' ', '\u{a0}'])
        && !next.is_empty()
        && !NOT_NOUNS.contains(&next.to_lowercase().as_str())
}

/// The change P with the values A and B it is stated for, and a direction if a word gives one.
struct Found {
    p: usize,
    a: usize,
    b: usize,
    dir: Option<Dir>,
}

fn find(doc: &Doc<'_>) -> Vec<Claim> {
    let mut out = Vec::new();
    for &s in &doc.sentences {
        let range = doc.in_sentence(s);
        for p in range.clone() {
            if !matches!(
                doc.quantities[p].kind,
                Kind::Percent | Kind::PercentagePoints
            ) {
                continue;
            }
            let found = verb_first(doc, s, &range, p)
                .or_else(|| level_then_change(doc, &range, p))
                .or_else(|| from_to_then_change(doc, s, &range, p));
            if let Some(f) = found
                && let Some(c) = claim(doc, f)
            {
                out.push(c);
            }
        }
        out.extend(multiplied(doc, s, &range));
    }
    out
}

/// Where the text of quantity `i` starts, with its hedge.
fn start_of(doc: &Doc<'_>, i: usize) -> usize {
    let q = &doc.quantities[i];
    q.hedge
        .as_ref()
        .map_or(q.span.start, |h| h.span.start.min(q.span.start))
}

/// "rose P% to B from A", "rose P% from A to B", "up P% to B from A", "an increase of P% from A
/// to B", "um P% von A auf B".
fn verb_first(doc: &Doc<'_>, s: Span, range: &std::ops::Range<usize>, p: usize) -> Option<Found> {
    let lead = doc.lead(s, start_of(doc, p), 160);
    let dir = dir_of_lead(lead);
    let german_um = words(lead).last().is_some_and(|w| w == "um");
    if dir.is_none() && !german_um {
        return None;
    }
    let dir = dir.or_else(|| sentence_dir(doc, s));
    let first = next_level(doc, p, range)?;
    let second = next_level(doc, first, range)?;
    let to_first = doc.between(p, first).trim();
    if matches!(to_first, "to" | "auf") {
        // "… to B [unit] from [last year's] A"
        // a year may stand between: "to 710 from 1985's 600"
        let gap_text = &doc.text[doc.quantities[first].span.end..start_of(doc, second)];
        if gap_with(gap_text, &["from", "von"], 2, 3) {
            return Some(Found {
                p,
                a: second,
                b: first,
                dir,
            });
        }
        return None;
    }
    if matches!(to_first, "from" | "von") && first + 1 == second {
        // "… from A [unit] to B"
        let gap = doc.between(first, second);
        if gap_with(gap, &["to", "auf"], 3, 0) {
            return Some(Found {
                p,
                a: first,
                b: second,
                dir,
            });
        }
    }
    None
}

/// "B, up P% from A", "B (down P% from A)", "B, an increase of P% from A".
fn level_then_change(doc: &Doc<'_>, range: &std::ops::Range<usize>, p: usize) -> Option<Found> {
    if p == range.start {
        return None;
    }
    let b = p - 1;
    if !is_level(doc.quantities[b].kind) {
        return None;
    }
    let gap = &doc.text[doc.quantities[b].span.end..start_of(doc, p)];
    // the after value may carry its noun: "5,500 people (up 10% from 5,000)"
    let mark = gap.find([',', '(', '—', '–'])?;
    if !plain_words(&gap[..mark], 2) {
        return None;
    }
    let g = &gap[mark..];
    let ws = words(g);
    if ws.is_empty()
        || ws.len() > 4
        || !ws
            .iter()
            .all(|w| dir_of(w).is_some() || LINK.contains(&w.as_str()))
    {
        return None;
    }
    let dir = dir_of_lead(g)?;
    // the change noun or adverb starts the gap: ", up", ", an increase of", ", a rise of"
    let head: Vec<&str> = ws
        .iter()
        .map(String::as_str)
        .filter(|w| !matches!(*w, "a" | "an" | "or" | "ein" | "eine" | "also"))
        .collect();
    if head.len() > 2 {
        return None;
    }
    let a = next_level(doc, p, range)?;
    let after = &doc.text[doc.quantities[p].span.end..start_of(doc, a)];
    if !gap_with(after, &["from", "von", "gegenüber"], 0, 3) {
        return None;
    }
    Some(Found {
        p,
        a,
        b,
        dir: Some(dir),
    })
}

/// "from A to B, an increase of P%", "rose from A to B, or P%", "from A to B (up P%)", "from A
/// to B, a P% rise", "von A auf B, ein Plus von P%".
fn from_to_then_change(
    doc: &Doc<'_>,
    s: Span,
    range: &std::ops::Range<usize>,
    p: usize,
) -> Option<Found> {
    if p < range.start + 2 {
        return None;
    }
    let (a, b) = (p - 2, p - 1);
    let lead_a = doc.before(a, s, 40);
    let from = words(lead_a);
    if !from.last().is_some_and(|w| w == "from" || w == "von") {
        return None;
    }
    if !gap_with(doc.between(a, b), &["to", "auf"], 3, 0) {
        return None;
    }
    let gap = &doc.text[doc.quantities[b].span.end..start_of(doc, p)];
    let g = gap.trim_start();
    if !(g.starts_with(',') || g.starts_with('(') || g.starts_with('—') || g.starts_with('–')) {
        return None;
    }
    let ws = words(g);
    if ws.len() > 5
        || g.contains(|c: char| c.is_ascii_digit())
        || !ws
            .iter()
            .all(|w| dir_of(w).is_some() || LINK.contains(&w.as_str()))
    {
        return None;
    }
    let after = words(doc.after(p, s, 20));
    let sign = doc.quantities[p]
        .value
        .is_some_and(|v| v.is_sign_negative())
        || doc.text[doc.quantities[p].span.start..].starts_with('+');
    // the direction: a word in the gap, a noun right after P, the verb before "from", a sign
    let in_gap = ws.iter().rev().find_map(|w| dir_of(w));
    let noun_after = after.first().and_then(|w| dir_of(w));
    let ends_article = ws.last().is_some_and(|w| matches!(w.as_str(), "a" | "an"));
    let verb = from.iter().rev().nth(1).and_then(|w| dir_of(w));
    let dir = if ends_article {
        noun_after?
    } else if let Some(d) = in_gap {
        d
    } else if ws.is_empty() || (ws.len() == 1 && matches!(ws[0].as_str(), "or" | "also")) {
        match (verb, sign) {
            (Some(d), _) => d,
            (None, true) => Dir::Up,
            (None, false) => return None,
        }
    } else {
        return None;
    };
    Some(Found {
        p,
        a,
        b,
        dir: Some(dir),
    })
}

/// The direction the words of a sentence give, if they give one way only (German puts the
/// verb last: "ist um 5 % von 100 auf 105 gestiegen").
fn sentence_dir(doc: &Doc<'_>, s: Span) -> Option<Dir> {
    let ws = words(&doc.text[s.start..s.end]);
    let up = ws.iter().any(|w| dir_of(w) == Some(Dir::Up));
    let down = ws.iter().any(|w| dir_of(w) == Some(Dir::Down));
    match (up, down) {
        (true, false) => Some(Dir::Up),
        (false, true) => Some(Dir::Down),
        _ => None,
    }
}

/// A value with two decimal places at most, as text.
fn show(v: Decimal) -> String {
    v.round_dp(2).normalize().to_string()
}

fn claim(doc: &Doc<'_>, f: Found) -> Option<Claim> {
    let (x, y) = levels(doc, f.a, f.b)?;
    let mut stated = doc.stated(f.p)?;
    let (mut ka, kb) = (doc.quantities[f.a].kind, doc.quantities[f.b].kind);
    if ka == Kind::Number && kb == Kind::Percent {
        ka = Kind::Percent;
    }
    let percents = ka == Kind::Percent && kb == Kind::Percent;
    if (ka == Kind::Percent || kb == Kind::Percent) && !percents {
        return None;
    }
    let points = doc.quantities[f.p].kind == Kind::PercentagePoints;
    if points && !percents {
        return None;
    }
    let said = f.dir?;
    // The values decide which way the change is taken; a word that says the other way is
    // noted, not counted: "the yen rose 0.8 pct to 153.50 from 154.67" is an inverse quote.
    let moved = if y.value >= x.value {
        Dir::Up
    } else {
        Dir::Down
    };
    let negative = stated.value.is_sign_negative();
    let diff = if negative || moved == Dir::Up {
        Expr::Input(1) - Expr::Input(0)
    } else {
        Expr::Input(0) - Expr::Input(1)
    };
    let expr = if points { diff } else { diff / Expr::Input(0) };
    let mut notes = Vec::new();
    if said != moved && !negative {
        let (m, w) = match moved {
            Dir::Up => ("rise", "a fall"),
            Dir::Down => ("fall", "a rise"),
        };
        notes.push(format!(
            "from {} to {} is a {m}, the text calls it {w}",
            x.text, y.text
        ));
    }
    if percents && !points {
        let h = Decimal::ONE_HUNDRED;
        let pp = (y.value - x.value) * h;
        let rel = (y.value - x.value).checked_div(x.value)? * h;
        let word = if rel.is_sign_negative() {
            "decrease"
        } else {
            "increase"
        };
        notes.push(format!(
            "from {} to {} is {} percentage points, or a {}% {word}",
            x.text,
            y.text,
            show(pp.abs()),
            show(rel.abs())
        ));
    }
    allow_truncation(&mut stated, doc.quantities[f.p].hedge.is_some());
    Some(Claim {
        rule: RULE.id,
        stated,
        expr,
        inputs: vec![x, y],
        missing: None,
        note: (!notes.is_empty()).then(|| notes.join("; ")),
        id: None,
    })
}

/// Lets a stated change be cut off rather than rounded at its last digit: agencies write
/// 26.55% as "26.5 pct". The bound away from zero moves out by half a unit.
fn allow_truncation(stated: &mut Stated, hedged: bool) {
    if hedged {
        return;
    }
    let mut unit = Decimal::new(1, stated.places);
    if stated.percent {
        unit /= Decimal::ONE_HUNDRED;
    }
    let half = unit / Decimal::TWO;
    if stated.value.is_sign_negative() {
        if let Some((lo, closed)) = stated.target.lo {
            stated.target.lo = Some((lo - half, closed));
        }
    } else if let Some((hi, closed)) = stated.target.hi {
        stated.target.hi = Some((hi + half, closed));
    }
}

/// Verbs that multiply a value, with the factor.
const MULTIPLIED: &[(&str, i64, i64)] = &[
    ("doubled", 2, 1),
    ("tripled", 3, 1),
    ("trebled", 3, 1),
    ("quadrupled", 4, 1),
    ("halved", 1, 2),
    ("verdoppelt", 2, 1),
    ("verdoppelte", 2, 1),
    ("verdoppelten", 2, 1),
    ("verdreifacht", 3, 1),
    ("verdreifachte", 3, 1),
    ("vervierfacht", 4, 1),
    ("halbiert", 1, 2),
    ("halbierte", 1, 2),
];

/// "doubled from A to B", "doubled to B from A", "nearly doubled its staff from 40 to 80",
/// "hat sich von 40 auf 80 verdoppelt".
fn multiplied(doc: &Doc<'_>, s: Span, range: &std::ops::Range<usize>) -> Vec<Claim> {
    let mut out = Vec::new();
    // Two levels are needed; most sentences hold fewer figures.
    if range.len() < 2 {
        return out;
    }
    let text = &doc.text[s.start..s.end];
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return out;
    }
    for &(verb, num, den) in MULTIPLIED {
        for (at, _) in lower.match_indices(verb) {
            if lower[at + verb.len()..].starts_with(|c: char| c.is_alphanumeric())
                || lower[..at].ends_with(|c: char| c.is_alphanumeric())
            {
                continue;
            }
            let start = s.start + at;
            let end = start + verb.len();
            let Some((a, b)) = multiplied_levels(doc, range, start, end) else {
                continue;
            };
            let Some((x, y)) = levels(doc, a, b) else {
                continue;
            };
            if doc.quantities[a].kind == Kind::Percent {
                continue;
            }
            let factor = Decimal::from(num) / Decimal::from(den);
            let (hedge, hstart) = verb_hedge(&doc.text[s.start..start]);
            let target = loose_target(factor, hedge);
            let stated_start = s.start + hstart;
            out.push(Claim {
                rule: RULE.id,
                stated: Stated {
                    text: doc.text[stated_start..end].to_string(),
                    span: Span::new(stated_start, end),
                    value: factor,
                    percent: false,
                    unit: None,
                    target,
                    places: 1,
                },
                expr: Expr::Input(1) / Expr::Input(0),
                inputs: vec![x, y],
                missing: None,
                note: None,
                id: None,
            });
        }
    }
    out
}

/// The before and after values of a multiplying verb at `start..end`.
fn multiplied_levels(
    doc: &Doc<'_>,
    range: &std::ops::Range<usize>,
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let after: Vec<usize> = range
        .clone()
        .filter(|&i| doc.quantities[i].span.start >= end)
        .collect();
    if let (Some(&first), Some(&second)) = (after.first(), after.get(1)) {
        let lead = doc.text[end..start_of(doc, first)].trim_start_matches([',', ' ']);
        let mid = doc.between(first, second);
        if plain_words(lead, 4) {
            return match words(lead).last()?.as_str() {
                "from" | "von" if gap_with(mid, &["to", "auf"], 3, 0) => Some((first, second)),
                "to" | "auf" if gap_with(mid, &["from", "von"], 2, 3) => Some((second, first)),
                _ => None,
            };
        }
    }
    // German: "… von A auf B verdoppelt" — the values stand before the verb
    let before: Vec<usize> = range
        .clone()
        .filter(|&i| doc.quantities[i].span.end <= start)
        .collect();
    let (&b, &a) = (before.last()?, before.iter().rev().nth(1)?);
    let von = words(
        &doc.text[doc.quantities[a].span.start.saturating_sub(5)..doc.quantities[a].span.start],
    );
    (von.last().is_some_and(|w| w == "von")
        && doc.between(a, b).trim() == "auf"
        && plain_words(&doc.text[doc.quantities[b].span.end..start], 2))
    .then_some((a, b))
}
/// The hedge right before a multiplying verb ("more than doubled", "has nearly doubled"), and
/// where the stated text starts within `head`.
fn verb_hedge(head: &str) -> (Option<HedgeKind>, usize) {
    let t = head.trim_end();
    let lower = t.to_lowercase();
    for (phrase, kind) in [
        ("more than", HedgeKind::MoreThan),
        ("over", HedgeKind::MoreThan),
        ("nearly", HedgeKind::JustUnder),
        ("almost", HedgeKind::JustUnder),
        ("roughly", HedgeKind::About),
        ("about", HedgeKind::About),
        ("around", HedgeKind::About),
        ("mehr als", HedgeKind::MoreThan),
        ("fast", HedgeKind::JustUnder),
        ("knapp", HedgeKind::JustUnder),
        ("nahezu", HedgeKind::JustUnder),
        ("etwa", HedgeKind::About),
        ("rund", HedgeKind::About),
    ] {
        if lower.ends_with(phrase)
            && lower[..lower.len() - phrase.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        {
            return (Some(kind), t.len() - phrase.len());
        }
    }
    (None, head.len())
}

/// What a multiplying verb allows: "doubled" 1.8–2.2, "nearly doubled" 1.7–2, "more than
/// doubled" above 2, "about doubled" 1.7–2.3.
fn loose_target(f: Decimal, hedge: Option<HedgeKind>) -> Target {
    let pct = |n: i64| f * Decimal::new(n, 2);
    match hedge {
        Some(HedgeKind::MoreThan) => Target {
            lo: Some((f, false)),
            hi: None,
        },
        Some(HedgeKind::JustUnder) => Target::closed(Range {
            lo: pct(85),
            hi: pct(105),
        }),
        Some(HedgeKind::About) => Target::closed(Range {
            lo: pct(85),
            hi: pct(115),
        }),
        _ => Target::closed(Range {
            lo: pct(90),
            hi: pct(110),
        }),
    }
}

#[cfg(test)]
mod tests {
    use crate::check::Verdict;
    use crate::claims::rules::tests::run;

    /// Asserts the verdicts of the rule on `text`, showing its messages if they differ.
    fn verdicts(text: &str, want: &[Verdict]) {
        crate::claims::rules::tests::verdicts_of("change", text, want);
    }

    #[test]
    fn from_to_with_a_stated_change() {
        assert_eq!(
            run("change", "Sales rose from 120 to 150, an increase of 25%."),
            [(
                Verdict::Ok,
                "(150 − 120) ÷ 120 = 25%, the text says 25%".to_string()
            )]
        );
        verdicts(
            "Sales rose from 120 to 150, an increase of 30%.",
            &[Verdict::Mismatch],
        );
        verdicts("Staff fell from 400 to 300, a drop of 25%.", &[Verdict::Ok]);
        verdicts("Staff went from 400 to 300 (down 25%).", &[Verdict::Ok]);
        verdicts(
            "Staff went from 400 to 300, a 20% decline.",
            &[Verdict::Mismatch],
        );
        verdicts(
            "The fund grew from $2.0 billion to $2.5 billion, or 25%.",
            &[Verdict::Ok],
        );
    }

    #[test]
    fn verb_first_as_news_agencies_write_it() {
        assert_eq!(
            run(
                "change",
                "Cornglutenfeed usage fell 17.8 pct to 729,000 tonnes from 887,000, but rose elsewhere."
            ),
            [(
                Verdict::Ok,
                "(887,000 − 729,000 tonnes) ÷ 887,000 = 17.81%, the text says 17.8 pct".to_string()
            )]
        );
        verdicts(
            "Revenue rose 12% to $4.5 billion from $4.0 billion.",
            &[Verdict::Ok],
        );
        verdicts(
            "Revenue rose 20% to $4.5 billion from $4.0 billion.",
            &[Verdict::Mismatch],
        );
        verdicts(
            "Orders were up 15.5 pct to 101.1 mln from 87.5 mln.",
            &[Verdict::Ok],
        );
        verdicts(
            "It rose 4.8 pct to 6.11 billion from 5.83 billion.",
            &[Verdict::Ok],
        );
        verdicts(
            "Exports increased by 25% from 120 to 150 tonnes.",
            &[Verdict::Ok],
        );
        verdicts(
            "Sales rose 25.6 pct to 216,000 from 1985's 172,000.",
            &[Verdict::Ok],
        );
    }

    #[test]
    fn level_then_change_from_the_earlier_value() {
        verdicts(
            "Net income was 5.2 mln dlrs, up 13 pct from 4.6 mln dlrs.",
            &[Verdict::Ok],
        );
        verdicts(
            "Net income was 5.2 mln dlrs, up 31 pct from 4.6 mln dlrs.",
            &[Verdict::Mismatch],
        );
        verdicts(
            "The company employs 5,500 people (up 10% from 5,000).",
            &[Verdict::Ok],
        );
    }

    #[test]
    fn a_rise_stated_for_a_fall_is_noted_and_the_size_checked() {
        let v = run(
            "change",
            "The yen rose 0.8 pct to 153.50 in February from 154.67 in January.",
        );
        assert_eq!(
            v,
            [(
                Verdict::Ok,
                "(154.67 − 153.50) ÷ 154.67 = 0.76%, the text says 0.8 pct; from 154.67 to \
                 153.50 is a fall, the text calls it a rise"
                    .to_string()
            )]
        );
        verdicts("Sales rose 30% to 90 from 100.", &[Verdict::Mismatch]);
    }

    #[test]
    fn a_change_may_be_cut_off_rather_than_rounded() {
        verdicts(
            "It said cargo ton miles rose 26.5 pct to 8,504,918 from 6,720,440 a year before.",
            &[Verdict::Ok],
        );
        verdicts(
            "It said cargo ton miles rose 26.4 pct to 8,504,918 from 6,720,440 a year before.",
            &[Verdict::Mismatch],
        );
    }

    #[test]
    fn percent_versus_percentage_points() {
        let v = run(
            "change",
            "The rate went from 10% to 12%, an increase of 2%.",
        );
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].0, Verdict::Mismatch);
        assert!(
            v[0].1
                .ends_with("from 10% to 12% is 2 percentage points, or a 20% increase"),
            "{}",
            v[0].1
        );
        verdicts(
            "The rate went from 10% to 12%, an increase of 2 percentage points.",
            &[Verdict::Ok],
        );
        verdicts(
            "The rate rose from 10 to 12%, a rise of 2 percentage points.",
            &[Verdict::Ok],
        );
        verdicts(
            "Die Quote sank von 20 auf 16 Prozent, ein Minus von 4 Prozentpunkten.",
            &[Verdict::Ok],
        );
        verdicts(
            "The rate went from 10% to 12%, an increase of 20%.",
            &[Verdict::Ok],
        );
        verdicts(
            "The rate fell from 12% to 10%, a drop of 5 percentage points.",
            &[Verdict::Mismatch],
        );
    }

    #[test]
    fn multiplying_verbs() {
        verdicts("The team doubled its staff from 40 to 80.", &[Verdict::Ok]);
        verdicts(
            "Usage nearly doubled to 399,000 tonnes from 201,000.",
            &[Verdict::Ok],
        );
        verdicts(
            "Usage doubled to 399,000 tonnes from 300,000.",
            &[Verdict::Mismatch],
        );
        verdicts(
            "Costs have more than tripled, from $10 million to $35 million.",
            &[Verdict::Ok],
        );
        verdicts(
            "The deficit was halved from 80 to 40 billion.",
            &[Verdict::Ok],
        );
    }

    #[test]
    fn german_changes() {
        verdicts(
            "Die Zahl stieg von 100 auf 120, ein Plus von 20 Prozent.",
            &[Verdict::Ok],
        );
        verdicts(
            "Der Umsatz ist um 25 Prozent von 200 auf 240 Millionen Euro gestiegen.",
            &[Verdict::Mismatch],
        );
        verdicts(
            "Die Zahl der Fälle hat sich von 40 auf 80 verdoppelt.",
            &[Verdict::Ok],
        );
    }

    #[test]
    fn does_not_fire_without_a_stated_change_or_an_earlier_value() {
        for text in [
            "Sales rose from 120 to 150 last year.",
            "Revenue rose 12% to $4.5 billion.",
            "From 2019 to 2020, sales rose 25%.",
            "Sales rose from 2019 to 2020, an increase of 25%.",
            "Prices rose 5% to 10% in most regions.",
            "Staff rose from 120 to 150, while costs rose 25%.",
            "Sales rose 5% to 150 from more than 100.",
            "The temperature rose from 10°C to 12°C, an increase of 20%.",
            "It rose from 300 workers to $5 million, an increase of 20%.",
            "Sales rose 25% from a year earlier to 150.",
            "It doubled in 2020 to 80.",
            "Output was 47.68 billion kWh in the week ended April four, up 11.1 pct from 42.91 billion a year earlier.",
            "Reserves were 67.5 mln barrels on March one, up 39 pct from 48.7 mln barrels.",
        ] {
            assert!(
                run("change", text).is_empty(),
                "{text}: {:?}",
                run("change", text)
            );
        }
    }
}
