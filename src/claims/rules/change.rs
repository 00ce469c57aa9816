//! `change`: a value before, a value after, and the change the text states between them.

use crate::check::interval::{Range, Target};
use crate::check::{Claim, Expr, Operand, Stated};
use crate::claims::frame::Match;
use crate::claims::{Candidate, Doc, Finder, Frames, Rule};
use crate::quantity::{HedgeKind, Kind, Span};
use crate::tokens::{Cue, Token};
use rust_decimal::Decimal;
use std::sync::LazyLock;

macro_rules! doc {
    () => {
        "## What it checks
A value before (A), a value after (B) and the change the text states between them:
\"from A to B, an increase of P%\", \"rose/fell P% to B from A\", \"rose P% from A to B\",
\"B, up/down P% from A\", \"doubled/tripled/halved from A to B\", German \"von A auf B, ein
Plus von P%\", \"um P% von A auf B\", \"um P% auf B gestiegen, nach A im Vorjahr\", and the
change first: \"a rise of P%: from A to B\"; and a change as an amount D: \"from A to B, an
increase of D\", \"rose by D to B from A\", \"um D von A auf B\", where D must be B − A (or
A − B). P may be a fraction (\"fell by a third, from 90
billion to 60 billion\"), in words as loose as a multiplying verb. P must be (B − A) ÷ A for a rise and (A − B) ÷ A for a
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
stated change is in percentage points but A and B are no percentages.

Some readings are too weak for a `mismatch` and are reported only when the arithmetic agrees:
a change and what it is \"compared with\" or \"against\" (often another time than the
change's: \"rose 31.3 pct to 154,711, compared with 146,610 in April\"), a direction alone
(\"191 mln, up from 381 mln\" is reported only when the values contradict it). In \"X, or
P% above A\", X may be the difference or the level itself: both readings are tried, and the one
that adds up is reported."
    };
}

#[doc = doc!()]
pub const RULE: Rule = Rule {
    id: "change",
    summary: "a stated change must match its before and after values",
    doc: doc!(),
    find: Finder::Candidates(find),
};

/// The frames of a change. Roles: `a` the value before, `b` the value after, `p` the stated
/// change (a percent or points), `d` a stated difference, `dir` or `v` the word that says which
/// way it went, `m` a word that states a multiple and `h` its hedge.
static FRAMES: LazyLock<Frames> = LazyLock::new(|| {
    Frames::new(&[
        // "rose 11.3 pct to 416 mln, up from 374 mln", "up 33 pct to 40 mln dlrs from 30 mln"
        (
            85,
            "{dir:UP|DOWN} BY? {p:pct|pts|frac} _3 TO|AT _2 {b:amt|pct} ,? _2 FROM _2 {a:amt|pct}",
        ),
        // "rose 0.6 pct to 53.6 pct, against 67.3 pct a year ago", "rose 31.3 pct to 154,711,
        // compared with 146,610 in April": what a change is "compared with" is often another
        // time than the change's, so the reading is weak
        (
            65,
            "{dir:UP|DOWN} BY? {p:pct|pts|frac} _3 TO|AT _2 {b:amt|pct} ,? _2 AGAINST _2 {a:amt|pct}",
        ),
        // "increased by 25% from 120 to 150 tonnes"
        (
            85,
            "{dir:UP|DOWN} BY? {p:pct|pts|frac} _2 FROM _2 {a:amt|pct} _2 TO|AT _2 {b:amt|pct}",
        ),
        // "3.86 mln bpd, up 21.1 pct from 3.19 mln", "5,500 people (up 10% from 5,000)"
        (
            85,
            "{b:amt|pct} _2 ,|(|– OR? ARTICLE? {dir:UP|DOWN} OF|BY? {p:pct|pts|frac} _2 FROM|AGAINST _2 {a:amt|pct}",
        ),
        // "from 120 to 150, an increase of 25%", "von 100 auf 120, ein Plus von 20 Prozent",
        // "from 400 to 300 (down 25%)", "from 400 to 300, a 20% decline", "grew from $2.0
        // billion to $2.5 billion, or 25%"
        (
            80,
            "{v:UP|DOWN}? _1 FROM _2 {a:amt|pct} _2 TO _2 {b:amt|pct} _2 ,|(|– OR|THAT_IS? ARTICLE? [{dir:UP|DOWN} OF|BY? {p:pct|pts|frac} / {dir:UP|DOWN} OF|BY? {p:num} {pt:POINTS} / BY? {p:pct|pts|frac} {dir:UP|DOWN}? ]",
        ),
        // The level after first, and the change last: "fell to 4.1% in March from 4.4% in
        // February, a drop of 0.3 points", "62%, up from 58% in 2015, an increase of four
        // percentage points"
        (
            80,
            "{v:UP|DOWN} TO|AT _2 {b:amt|pct} _2 FROM _2 {a:amt|pct} _2 ,|(|– OR|THAT_IS? ARTICLE? {dir:UP|DOWN} OF|BY? [{p:pct|pts|frac} / {p:num} {pt:POINTS}]",
        ),
        (
            80,
            "{b:amt|pct} ,|(|– {v:UP|DOWN} FROM _2 {a:amt|pct} _2 ,|(|– OR|THAT_IS? ARTICLE? {dir:UP|DOWN} OF|BY? [{p:pct|pts|frac} / {p:num} {pt:POINTS}]",
        ),
        // A level against another: "exports of 3.2 million tonnes were 10 pct below the 3.5
        // million tonnes shipped in 1985". Plain words alone between the level and its verb:
        // "… from January's 83.37 billion, although it was 165 pct higher than …" is of
        // another level.
        (
            75,
            "{b:amt} {g:word}? {h:word}? BE {p:pct} [{dir:BELOW|ABOVE|OVER} / {dir:MORE|LESS|UP|DOWN} THAN] DET? _3 {a:amt}",
        ),
        // The change as an amount: "from $27 trillion to $31 trillion, an increase of $4
        // trillion", "rose to 31 from 27, a rise of 4", "rose by 4 to 31 from 27", "um 300
        // Millionen Euro von 1,2 auf 1,5 Milliarden Euro"
        (
            80,
            "{v:UP|DOWN}? _1 FROM _2 {a:amt} _2 TO _2 {b:amt} _2 ,|(|– OR|THAT_IS? ARTICLE? {dir:UP|DOWN} OF|BY? {g:amt}",
        ),
        (
            80,
            "{v:UP|DOWN} TO|AT _2 {b:amt} _2 FROM _2 {a:amt} _2 ,|(|– OR|THAT_IS? ARTICLE? {dir:UP|DOWN} OF|BY? {g:amt}",
        ),
        (
            80,
            "{dir:UP|DOWN} BY? {g:amt} TO _2 {b:amt} ,? _2 FROM _2 {a:amt}",
        ),
        (80, "BY {g:amt} FROM _2 {a:amt} TO _2 {b:amt}"),
        // The change first: "a rise of 40 percent: from 50,000 to 70,000", "ein Anstieg um 40
        // Prozent – von 50 000 auf 70 000"
        (
            80,
            "{dir:UP|DOWN} OF|BY {p:pct|pts|frac} ,|:|– _1 FROM _2 {a:amt|pct} _2 TO _2 {b:amt|pct}",
        ),
        // The verb last: "sind um 20 Prozent auf 3,6 Milliarden Euro gestiegen, nach 3
        // Milliarden Euro im Vorjahr"
        (
            80,
            "BY {p:pct|pts|frac} TO _2 {b:amt|pct} _3 {dir:UP|DOWN} ,? _2 FROM _2 {a:amt|pct}",
        ),
        // "um 25 Prozent von 200 auf 240 Millionen Euro gestiegen"
        (
            80,
            "BY {p:pct|pts|frac} FROM _2 {a:amt|pct} TO _2 {b:amt|pct} [_3 {dir:UP|DOWN}]?",
        ),
        // "estimated at 66 billion for 1986, totalled 43.5 billion, a drop of 34 pct"
        (
            70,
            "AT|FROM {a:amt} _6 {b:amt} ,|– ARTICLE? {dir:UP|DOWN} OF|BY? {p:pct}",
        ),
        // "18.234 Migranten …, das sind 80 Prozent mehr als …, als 10.165 Menschen"
        (
            70,
            "{b:amt} _6 THAT_IS {p:pct} [{dir:UP|DOWN|MORE|LESS} THAN / {dir:OVER}] _6 {a:amt}",
        ),
        // A second change of the same level: "fell 13.3 pct to 41.4 mln dlrs from 47.7 mln, and
        // were off 1.1 pct from 41.8 mln a year earlier"; the builder takes the level after
        // from the first change
        (
            70,
            "AND _2 {dir:UP|DOWN} BY? {p:pct|pts|frac} _2 FROM|AGAINST|OVER _2 {a:amt|pct}",
        ),
        // A direction alone: "averaged 191 mln dlrs, up from 381 mln dlrs"
        (70, "{b:amt} ,|(|– {w:UP|DOWN} FROM _2 {a:amt}"),
        // A difference and its share of the earlier level: "rose 5.6 billion dlrs, or 0.9
        // pct, to 592.19 billion dlrs", "closed down 247p, or 18%, at 1115 pence"
        (
            85,
            "{dir:UP|DOWN} _2 {d:amt} POINTS? ,? OR {p:pct} ,? _3 TO|AT _5 {b:amt}",
        ),
        // "mit 221 Millionen Euro um 143 Millionen Euro, also fast 40 Prozent, unter der
        // Mindestsumme": the level after, the difference, and its share of the level before
        (
            75,
            "{b:amt} BY {d:amt} ,? OR|THAT_IS {p:pct} ,? {dir:BELOW|ABOVE|UP|DOWN}",
        ),
        // "10.2 billion dlrs, or 2.7 pct, above the April, 1986, level of 373.9 billion dlrs"
        (
            75,
            "{d:amt} ,? OR {p:pct} ,? {dir:ABOVE|BELOW|UP|DOWN} _7 {a:amt}",
        ),
        // A multiplying word: "doubled its staff from 40 to 80", "more than tripled, from $10
        // million to $35 million", "nearly doubled to 399,000 tonnes from 201,000", "von 40
        // auf 80 verdoppelt", "stieg von 1 200 auf 2 600 und hat sich damit mehr als verdoppelt"
        (
            80,
            "{h:NEARLY|ABOUT|OVER}? {m:FACTOR} _8 FROM _2 {a:amt} _2 TO _2 {b:amt}",
        ),
        (
            80,
            "{h:NEARLY|ABOUT|OVER}? {m:FACTOR} _3 TO _2 {b:amt} _3 FROM _3 {a:amt}",
        ),
        (
            80,
            "FROM _2 {a:amt} TO _2 {b:amt} _4 {h:NEARLY|ABOUT|OVER}? {m:FACTOR}",
        ),
        // A multiple in figures: "um das 900-Fache angestiegen von 3 000 auf 2,7 Millionen",
        // "grew tenfold from 20 to 200"
        (80, "{f:num} {t:TIMES} _2 FROM _2 {a:amt} _2 TO _2 {b:amt}"),
        (80, "{f:mult} _8 FROM _2 {a:amt} _2 TO _2 {b:amt}"),
        // "lag bei 4,5 Milliarden Euro und hat sich … auf 13,2 Milliarden Euro fast verdreifacht":
        // a level "at" A is the start; a bare A far before "to" may be something else.
        (
            75,
            "AT {a:amt} _8 TO _2 {b:amt} _3 {h:NEARLY|ABOUT|OVER}? {m:FACTOR}",
        ),
        (
            65,
            "{a:amt} _8 TO _2 {b:amt} _3 {h:NEARLY|ABOUT|OVER}? {m:FACTOR}",
        ),
    ])
});

/// Which way a word says a value moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Up,
    Down,
}

/// The direction the cue word `t` gives.
fn dir_of(t: &Token) -> Option<Dir> {
    let c = t.cues;
    if c.has(Cue::Up) || c.has(Cue::Above) || c.has(Cue::More) || c.has(Cue::Over) {
        Some(Dir::Up)
    } else if c.has(Cue::Down) || c.has(Cue::Below) || c.has(Cue::Less) {
        Some(Dir::Down)
    } else {
        None
    }
}

fn find(doc: &Doc<'_>) -> Vec<Candidate> {
    doc.matches(&FRAMES)
        .flat_map(|(si, m, support)| {
            if m.has("m") || m.has("f") {
                vec![multiplied(doc, si, &m, support)]
            } else if m.has("w") {
                vec![direction(doc, si, &m, support)]
            } else if m.has("g") {
                vec![absolute(doc, si, &m, support)]
            } else if m.has("d") {
                // "10.2 billion dlrs, or 2.7 pct, above … 373.9 billion" states a difference,
                // "376.9 billion dlrs, or six pct more than the 355.6 billion" a level: both
                // readings compete, and the arithmetic tells them apart.
                vec![
                    difference(doc, si, &m, support),
                    level_above(doc, si, &m, support.saturating_sub(5)),
                ]
            } else {
                vec![change(doc, si, &m, support)]
            }
        })
        .flatten()
        .collect()
}

/// The figure before "or P% above/below A" read as the level itself: P is (d − a) ÷ a.
fn level_above(doc: &Doc<'_>, si: usize, m: &Match, support: u8) -> Option<Candidate> {
    let (b, a, p) = (doc.q(si, m, "d")?, doc.q(si, m, "a")?, doc.q(si, m, "p")?);
    let dir = dir_of(doc.tok(si, m, "dir")?)?;
    if doc.quantities[p].kind != Kind::Percent || doc.quantities[b].kind == Kind::Percent {
        return None;
    }
    let (x, y) = levels(doc, si, a, b)?;
    let mut stated = doc.stated(p)?;
    stated.value = stated.value.abs();
    let expr = match dir {
        Dir::Up => (Expr::Input(1) - Expr::Input(0)) / Expr::Input(0),
        Dir::Down => (Expr::Input(0) - Expr::Input(1)) / Expr::Input(0),
    };
    allow_truncation(&mut stated, doc.quantities[p].hedge.is_some());
    Some(Candidate::new(
        Claim::new(RULE.id, stated, expr, vec![x, y]),
        support,
    ))
}

/// Kinds a before or after value may have.
fn is_level(k: Kind) -> bool {
    matches!(
        k,
        Kind::Number | Kind::Money | Kind::Measure | Kind::Percent
    )
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

/// Whether a hedge leaves a level without an upper or lower bound ("more than 100").
fn open_hedge(q: &crate::quantity::Quantity) -> bool {
    q.hedge.as_ref().is_some_and(|h| {
        !matches!(
            h.kind,
            HedgeKind::About | HedgeKind::Exactly | HedgeKind::JustUnder | HedgeKind::JustOver
        )
    })
}

/// The before and after values (quantities `a` and `b`, of sentence `si`) as operands, if they
/// are of one kind and unit. A bare number takes the unit of the other; a scale word on one
/// side only carries over to the other when the values would otherwise be a hundred times
/// apart ("from 5.83 to 6.11 billion").
fn levels(doc: &Doc<'_>, si: usize, a: usize, b: usize) -> Option<(Operand, Operand)> {
    let (x, y) = alike(doc, si, a, b)?;
    if x.value.is_zero() || y.value.is_zero() || x.value.is_sign_negative() {
        return None;
    }
    same_scale(doc, si, a, b, x, y)
}

/// Quantities `a` and `b` of sentence `si` as operands of one kind and unit: a bare number
/// takes the unit of the other ("from 10 to 12%", "to 416 mln dlrs, from 374 mln").
fn alike(doc: &Doc<'_>, si: usize, a: usize, b: usize) -> Option<(Operand, Operand)> {
    alike_hedged(doc, si, a, b, false)
}

/// [`alike`], where `open` lets the first figure carry a hedge that bounds it on one side
/// only, read as its figure: the share stated for it restates it ("um mehr als 143 Millionen
/// Euro, also fast 40 Prozent").
fn alike_hedged(
    doc: &Doc<'_>,
    si: usize,
    a: usize,
    b: usize,
    open: bool,
) -> Option<(Operand, Operand)> {
    let (qa, qb) = (&doc.quantities[a], &doc.quantities[b]);
    if !is_level(qa.kind) || !is_level(qb.kind) || (open_hedge(qa) && !open) || open_hedge(qb) {
        return None;
    }
    // "from 10 to 12%", "von 20 auf 16 Prozent": the percent sign of the second serves both
    if qa.kind == Kind::Number
        && qb.kind == Kind::Percent
        && qa.unit.is_none()
        && qa.scale.is_none()
        && !doc.own_noun(si, a)
    {
        let x = scaled(doc.operand(a)?, Decimal::new(1, 2))?;
        let y = doc.operand(b)?;
        return (!x.value.is_zero() && x.value.is_sign_positive()).then_some((x, y));
    }
    let same = qa.kind == qb.kind && qa.unit == qb.unit;
    // A bare number stands for the other's unit only if no noun of its own follows it.
    // Two scaled figures ("416 mln dlrs" and "374 mln reported") are one unit with a word
    // after the bare one.
    let scaled_pair = qa.scale.is_some() && qb.scale.is_some();
    let bare = |i: usize| {
        let q = &doc.quantities[i];
        q.kind == Kind::Number && q.unit.is_none() && (scaled_pair || !doc.own_noun(si, i))
    };
    let mixed = (bare(a) && matches!(qb.kind, Kind::Money | Kind::Measure))
        || (bare(b) && matches!(qa.kind, Kind::Money | Kind::Measure));
    if !same && !mixed {
        return None;
    }
    Some((doc.operand_unhedged(a)?, doc.operand(b)?))
}

/// Two levels on one scale: where they are a hundred times apart or more, the first of two
/// adjacent figures borrows the second's scale word ("from 5.83 to 6.11 billion"), or they are
/// no pair.
fn same_scale(
    doc: &Doc<'_>,
    si: usize,
    a: usize,
    b: usize,
    mut x: Operand,
    mut y: Operand,
) -> Option<(Operand, Operand)> {
    let (qa, qb) = (&doc.quantities[a], &doc.quantities[b]);
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
        let adjacent = |i: usize, j: usize| i + 1 == j && !doc.own_noun(si, i);
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

/// A value with two decimal places at most, as text.
fn show(v: Decimal) -> String {
    v.round_dp(2).normalize().to_string()
}

/// The change `p` between `a` and `b`: (b − a) ÷ a, or b − a in points.
fn change(doc: &Doc<'_>, si: usize, m: &Match, support: u8) -> Option<Candidate> {
    let (p, a) = (doc.q(si, m, "p")?, doc.q(si, m, "a")?);
    let b = match doc.q(si, m, "b") {
        Some(b) => b,
        None => earlier_level(doc, si, m.start)?,
    };
    let (x, y) = levels(doc, si, a, b)?;
    // "a drop of 0.3 points" between percentages: a figure and "points" are percentage points.
    let bare_points = m.has("pt") && doc.quantities[p].kind == Kind::Number;
    let mut stated = if bare_points {
        let mut q = doc.quantities[p].clone();
        q.kind = Kind::PercentagePoints;
        q.unit = Some("pp".to_string());
        let mut st = crate::check::Stated::from_quantity(doc.text, &q)?;
        let end = m
            .token("pt")
            .map_or(q.span.end, |k| doc.tokens(si)[k].span.end);
        st.text = doc.text[st.span.start..end].to_string();
        st
    } else {
        doc.stated(p)?
    };
    let (mut ka, kb) = (doc.quantities[a].kind, doc.quantities[b].kind);
    if ka == Kind::Number && kb == Kind::Percent {
        ka = Kind::Percent;
    }
    let percents = ka == Kind::Percent && kb == Kind::Percent;
    if (ka == Kind::Percent || kb == Kind::Percent) && !percents {
        return None;
    }
    let points = doc.quantities[p].kind == Kind::PercentagePoints || bare_points;
    if points && !percents {
        return None;
    }
    // A fraction in words is as loose as a multiplying verb ("rose by around half" for 44%);
    // one before "point" counts points ("more than 1/8 point"), which this reading does not.
    if doc.quantities[p].kind == Kind::Fraction {
        let k = doc.token_of(si, p)?;
        if doc
            .tokens(si)
            .get(k + 1)
            .is_some_and(|t| t.cues.has(Cue::Points))
        {
            return None;
        }
        if !doc.text_of(p).contains(|c: char| c.is_ascii_digit()) {
            stated.target = loose_target(
                stated.value,
                doc.quantities[p].hedge.as_ref().map(|h| h.kind),
            );
        }
    }
    // The direction a word gives; without one, a sign ("+5%") or a restating "or" will do, at
    // less support.
    let said = doc
        .tok(si, m, "dir")
        .or_else(|| doc.tok(si, m, "v"))
        .and_then(dir_of);
    let signed = stated.text.starts_with(['+', '-', '−']);
    let support = match said {
        Some(_) => support,
        None if signed => support - 10,
        None => support - 20,
    };
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
    if said.is_some_and(|d| d != moved) && !negative {
        let (mv, w) = match moved {
            Dir::Up => ("rise", "a fall"),
            Dir::Down => ("fall", "a rise"),
        };
        notes.push(format!(
            "from {} to {} is a {mv}, the text calls it {w}",
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
    allow_truncation(&mut stated, doc.quantities[p].hedge.is_some());
    let mut c = Claim::new(RULE.id, stated, expr, vec![x, y]);
    c.note = (!notes.is_empty()).then(|| notes.join("; "));
    Some(Candidate::new(c, support))
}

/// The level a change before token `before` of sentence `si` reached ("to 41.4 mln dlrs"),
/// for a second change of it that leaves it out.
fn earlier_level(doc: &Doc<'_>, si: usize, before: usize) -> Option<usize> {
    let toks = doc.tokens(si);
    let to = toks[..before].iter().rposition(|t| t.cues.has(Cue::To))?;
    let q = toks.get(to + 1)?.quantity()?;
    is_level(doc.quantities[q].kind).then_some(q)
}

/// A stated difference `d` and its share `p` of the earlier level: the level before is the
/// level after (`b`) less a rise or plus a fall, or is stated (`a`).
fn difference(doc: &Doc<'_>, si: usize, m: &Match, support: u8) -> Option<Candidate> {
    let (d, p) = (doc.q(si, m, "d")?, doc.q(si, m, "p")?);
    let dir = dir_of(doc.tok(si, m, "dir")?)?;
    let other = doc.q(si, m, "b").or_else(|| doc.q(si, m, "a"))?;
    let (x, y) = alike_hedged(doc, si, d, other, true)?;
    if x.value <= Decimal::ZERO || y.value <= Decimal::ZERO {
        return None;
    }
    if doc.quantities[d].kind == Kind::Percent {
        return None;
    }
    let mut stated = doc.stated(p)?;
    let expr = if m.has("a") {
        Expr::Input(0) / Expr::Input(1)
    } else if dir == Dir::Up {
        Expr::Input(0) / (Expr::Input(1) - Expr::Input(0))
    } else {
        Expr::Input(0) / (Expr::Input(1) + Expr::Input(0))
    };
    allow_truncation(&mut stated, doc.quantities[p].hedge.is_some());
    stated.value = stated.value.abs();
    if stated.text.starts_with(['-', '−']) {
        // "-0.01%": the sign says the direction; the size is what is checked.
        stated.target = Target {
            lo: stated.target.hi.map(|(v, c)| (-v, c)),
            hi: stated.target.lo.map(|(v, c)| (-v, c)),
        };
    }
    Some(Candidate::new(
        Claim::new(RULE.id, stated, expr, vec![x, y]),
        support,
    ))
}

/// A change stated as an amount, `g`, between the levels `a` and `b`: |b − a|, in their kind
/// and unit (a bare figure with their scale word takes their currency or unit).
fn absolute(doc: &Doc<'_>, si: usize, m: &Match, support: u8) -> Option<Candidate> {
    let (a, b, g) = (doc.q(si, m, "a")?, doc.q(si, m, "b")?, doc.q(si, m, "g")?);
    let (x, y) = levels(doc, si, a, b)?;
    let (qg, qb) = (&doc.quantities[g], &doc.quantities[b]);
    let same = qg.kind == qb.kind && (qg.unit == qb.unit || qg.unit.is_none());
    if !same || qg.hedge.is_some() || qg.value.is_none_or(|v| v <= Decimal::ZERO) {
        return None;
    }
    // A bare figure far below the levels is of another thing ("rose to 31 from 27 in 2 years").
    if qg.unit.is_none() && qb.unit.is_some() && qg.scale != qb.scale {
        return None;
    }
    let expr = if y.value >= x.value {
        Expr::Input(1) - Expr::Input(0)
    } else {
        Expr::Input(0) - Expr::Input(1)
    };
    let stated = doc.stated(g)?;
    Some(Candidate::new(
        Claim::new(RULE.id, stated, expr, vec![x, y]),
        support,
    ))
}

/// Lets a stated change be cut off rather than rounded at its last digit: agencies write
/// 26.55% as "26.5 pct". The bound away from zero moves out by half a unit.
fn allow_truncation(stated: &mut Stated, hedged: bool) {
    // A whole percent is rounded: "eight pct" for 8.57% is imprecise, not cut off.
    if hedged || stated.places == 0 {
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

/// A direction without a size: "191 mln dlrs, up from 381 mln dlrs". Only a direction that the
/// values contradict is a finding: a consistent one states no arithmetic worth reporting.
fn direction(doc: &Doc<'_>, si: usize, m: &Match, support: u8) -> Option<Candidate> {
    let (a, b) = (doc.q(si, m, "a")?, doc.q(si, m, "b")?);
    let word = doc.tok(si, m, "w")?;
    let said = dir_of(word)?;
    // Ranks and model numbers move the other way ("at five, up from 13"): only amounts of one
    // unit, or with a scale word, are taken.
    let (qa, qb) = (&doc.quantities[a], &doc.quantities[b]);
    let unit = qa.unit.is_some() || qa.scale.is_some();
    if qa.kind != qb.kind || qa.unit != qb.unit || !unit {
        return None;
    }
    let (x, y) = levels(doc, si, a, b)?;
    let moved = if y.value > x.value {
        Dir::Up
    } else if y.value < x.value {
        Dir::Down
    } else {
        return None;
    };
    // Rates quoted both ways ("784.50/788.42") rise as the currency falls.
    let quoted = |q: usize| {
        doc.token_of(si, q)
            .and_then(|k| doc.tokens(si).get(k + 1))
            .is_some_and(|t| t.is_punct('/'))
    };
    if said == moved || quoted(a) || quoted(b) {
        return None;
    }
    let span = word.span;
    let zero = Decimal::ZERO;
    let (target, value) = match said {
        Dir::Up => (
            Target {
                lo: Some((zero, false)),
                hi: None,
            },
            Decimal::ONE,
        ),
        Dir::Down => (
            Target {
                lo: None,
                hi: Some((zero, false)),
            },
            Decimal::NEGATIVE_ONE,
        ),
    };
    let stated = Stated {
        text: doc.text[span.start..span.end].to_string(),
        span,
        value,
        percent: false,
        unit: None,
        target,
        places: 0,
    };
    let mut c = Claim::new(RULE.id, stated, Expr::Input(1) - Expr::Input(0), vec![x, y]);
    c.note = Some(format!(
        "from {} to {} is a {}",
        c.inputs[0].text,
        c.inputs[1].text,
        if moved == Dir::Up { "rise" } else { "fall" }
    ));
    Some(Candidate::new(c, support))
}

/// A multiplying word ("doubled", "verdreifacht") between the levels `a` and `b`.
fn multiplied(doc: &Doc<'_>, si: usize, m: &Match, support: u8) -> Option<Candidate> {
    let (a, b) = (doc.q(si, m, "a")?, doc.q(si, m, "b")?);
    // The factor: a word's ("doubled"), or a figure's ("900-Fache", "tenfold") with its hedge.
    let (factor, span, target) = if let Some(word) = doc.tok(si, m, "m") {
        let hedge = doc.tok(si, m, "h");
        let kind = hedge.map(|h| {
            if h.cues.has(Cue::Over) {
                HedgeKind::MoreThan
            } else if h.cues.has(Cue::Nearly) {
                HedgeKind::JustUnder
            } else {
                HedgeKind::About
            }
        });
        let start = hedge.map_or(word.span.start, |h| h.span.start);
        let factor = word.factor.as_deref().copied()?;
        (
            factor,
            Span::new(start, word.span.end),
            loose_target(factor, kind),
        )
    } else {
        let f = doc.tok(si, m, "f")?;
        let fi = f.quantity()?;
        let q = &doc.quantities[fi];
        let end = doc.tok(si, m, "t").map_or(f.span.end, |t| t.span.end);
        let factor = q.value?;
        // A factor in digits ("das 900-Fache") was worked out and is held to its rounding; a
        // word ("tenfold", "nearly double") is as loose as a verb.
        let digits = doc.text[q.span.start..q.span.end].contains(|c: char| c.is_ascii_digit());
        let target = match &q.hedge {
            None if digits => doc.stated(fi)?.target,
            h => loose_target(factor, h.as_ref().map(|h| h.kind)),
        };
        (factor, Span::new(f.span.start, end), target)
    };
    if doc.quantities[a].kind == Kind::Percent || factor <= Decimal::ZERO {
        return None;
    }
    // A stated factor of a hundred or more puts the levels that far apart ("das 900-Fache").
    let (x, y) = levels(doc, si, a, b).or_else(|| {
        let (x, y) = alike(doc, si, a, b)?;
        (factor >= Decimal::ONE_HUNDRED && x.value > Decimal::ZERO).then_some((x, y))
    })?;
    let stated = Stated {
        text: doc.text[span.start..span.end].to_string(),
        span,
        value: factor,
        percent: false,
        unit: None,
        target,
        places: 1,
    };
    Some(Candidate::new(
        Claim::new(RULE.id, stated, Expr::Input(1) / Expr::Input(0), vec![x, y]),
        support,
    ))
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
    fn a_figure_above_another_is_a_difference_or_a_level() {
        // The difference reading adds up here …
        verdicts(
            "Debt was 10.2 billion dlrs, or 2.7 pct, above the April level of 373.9 billion dlrs.",
            &[Verdict::Ok],
        );
        // … the level reading here …
        verdicts(
            "Construction was 376.9 billion dlrs, or six pct more than the 355.6 billion dlrs of 1985.",
            &[Verdict::Ok],
        );
        // … and neither here.
        verdicts(
            "Construction was 376.9 billion dlrs, or nine pct more than the 355.6 billion dlrs of 1985.",
            &[Verdict::Mismatch],
        );
    }

    #[test]
    fn almost_a_figure_is_what_rounds_up_to_it() {
        verdicts(
            "Exports fell by almost four pct to 562 mln from 583 mln.",
            &[Verdict::Ok],
        );
        verdicts(
            "Exports fell by almost four pct to 562 mln from 593 mln.",
            &[Verdict::Mismatch],
        );
    }

    #[test]
    fn what_a_change_is_compared_with_may_be_another_time() {
        verdicts(
            "Kit exports rose 31.3 pct to 154,711, compared with 146,610 in April.",
            &[],
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
    fn the_change_first_and_the_verb_last() {
        for (text, want) in [
            (
                "It was a rise of 25 percent: from 80,000 to 100,000 cases.",
                Verdict::Ok,
            ),
            (
                "Das war ein Anstieg um 25 Prozent – von 80 400 auf 110 000 Fälle.",
                Verdict::Mismatch,
            ),
            (
                "Die Umsätze sind um 10 Prozent auf 2,2 Milliarden Euro gestiegen, nach 2,0 Milliarden Euro im Vorjahr.",
                Verdict::Ok,
            ),
            (
                "Die Umsätze sind um 10 Prozent auf 2,6 Milliarden Euro gestiegen, nach 2,0 Milliarden Euro im Vorjahr.",
                Verdict::Mismatch,
            ),
            (
                "Die Quote fiel von 7,2 Prozent auf 6,5 Prozent, also um 0,7 Prozentpunkte.",
                Verdict::Ok,
            ),
        ] {
            verdicts(text, &[want]);
        }
        // A fraction in words, as loose as a verb; before "point" it counts points.
        verdicts(
            "Exports fell by a third, from 96 billion to 64 billion.",
            &[Verdict::Ok],
        );
        verdicts(
            "Die Exporte sanken um ein Drittel von 96 auf 40 Milliarden Euro.",
            &[Verdict::Mismatch],
        );
        verdicts(
            "The yield rose by about half, from 2.10 pct to 3.05 pct.",
            &[Verdict::Ok],
        );
        verdicts(
            "The yield rose by 1/8 point to 5.95 pct from 5.80 pct.",
            &[],
        );
        // The level after first, the change last; "points" between percentages.
        verdicts(
            "Unemployment fell to 5.2% in May from 5.6% in April, a drop of 0.4 points.",
            &[Verdict::Ok],
        );
        verdicts(
            "Turnout was 71%, up from 64% in 2019, an increase of five percentage points.",
            &[Verdict::Mismatch],
        );
        verdicts(
            "The city grew from 2.4 million in 1990 to 3.0 million in 2020, a 25% increase.",
            &[Verdict::Ok],
        );
        verdicts(
            "Imports of 4.5 million tonnes were 25 pct below the 6.0 million tonnes of 2019.",
            &[Verdict::Ok],
        );
        // Between levels that are no percentages, points are the levels' own: an index's.
        verdicts(
            "The index fell to 410 from 440, a drop of 30 points.",
            &[Verdict::Ok],
        );
        // The change as an amount.
        verdicts(
            "The debt rose to $31 trillion from $27 trillion, an increase of $4 trillion.",
            &[Verdict::Ok],
        );
        verdicts(
            "Sales grew from 1,200 to 1,500 units, a rise of 500 units.",
            &[Verdict::Mismatch],
        );
        verdicts(
            "Die Ausgaben stiegen um 300 Millionen Euro von 1,2 auf 1,5 Milliarden Euro.",
            &[Verdict::Ok],
        );
        verdicts(
            "Exports rose by 40,000 tonnes to 250,000 tonnes from 210,000 tonnes.",
            &[Verdict::Ok],
        );
        // "nach" a duration starts no change.
        verdicts(
            "Nach 3 Jahren stieg der Umsatz um 10 Prozent auf 5 Millionen Euro.",
            &[],
        );
    }

    #[test]
    fn multiplying_verbs() {
        verdicts("The team doubled its staff from 40 to 80.", &[Verdict::Ok]);
        // A level "at" A, and "to" B far after it, then the multiplying verb.
        verdicts(
            "Der Etat lag im Jahr 2010 bei 2,5 Milliarden Euro und ist seither Jahr für Jahr auf 7,4 Milliarden Euro fast verdreifacht worden.",
            &[Verdict::Ok],
        );
        verdicts(
            "Der Etat lag im Jahr 2010 bei 2,5 Milliarden Euro und ist seither Jahr für Jahr auf 9,4 Milliarden Euro fast verdreifacht worden.",
            &[Verdict::Mismatch],
        );
        // A factor in digits is held to its own rounding, a word to a verb's looseness.
        verdicts(
            "Die Zahl der Anträge ist um das 400-Fache gestiegen, von 2 000 Anträgen 2019 auf 800 000.",
            &[Verdict::Ok],
        );
        verdicts(
            "Die Zahl der Anträge ist um das 600-Fache gestiegen, von 2 000 Anträgen 2019 auf 800 000.",
            &[Verdict::Mismatch],
        );
        verdicts("Output grew tenfold from 20 to 190 tonnes.", &[Verdict::Ok]);
        // A multiple the recognizer reads, far from its levels, past an aside.
        verdicts(
            "The chain will nearly double the number of its outlets - shops that sell only frozen food - across Europe from 210 to 400.",
            &[Verdict::Ok],
        );
        verdicts(
            "The chain will nearly double the number of its outlets - shops that sell only frozen food - across Europe from 210 to 300.",
            &[Verdict::Mismatch],
        );
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
    fn multiples_in_figures_and_elided_levels() {
        verdicts(
            "Die Nutzung ist um das 50-Fache angestiegen von 2 000 Fällen 2019 auf 100 000 im Jahr 2020.",
            &[Verdict::Ok],
        );
        verdicts(
            "Die Nutzung ist um das 50-Fache angestiegen von 2 000 Fällen 2019 auf 60 000 im Jahr 2020.",
            &[Verdict::Mismatch],
        );
        verdicts(
            "Output grew tenfold from 20 tonnes to 200 tonnes.",
            &[Verdict::Ok],
        );
        // The level after comes from the first change of the sentence.
        verdicts(
            "Orders fell 10.0 pct to 45 mln dlrs from 50 mln dlrs in May, and were off 25.0 pct from 60 mln dlrs a year ago.",
            &[Verdict::Ok, Verdict::Ok],
        );
        verdicts(
            "Der Wert liegt mit 300 Millionen Euro um 100 Millionen Euro, also 25 Prozent, unter dem Ziel.",
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
    fn a_difference_and_its_share_of_the_earlier_level() {
        // 12 on a base of 400 − 12 = 388 is 3.09%.
        verdicts(
            "Exports rose 12 mln dlrs, or 3.1 pct, to a record 400 mln dlrs in May.",
            &[Verdict::Ok],
        );
        verdicts(
            "Exports rose 12 mln dlrs, or 4.1 pct, to a record 400 mln dlrs in May.",
            &[Verdict::Mismatch],
        );
        // A fall: 30 on a base of 270 + 30 = 300 is 10%.
        verdicts(
            "The index closed down 30 points, or 10%, at 270.",
            &[Verdict::Ok],
        );
        verdicts(
            "Spending was 9 billion dlrs, or 3.0 pct, above the level of 300 billion dlrs.",
            &[Verdict::Ok],
        );
    }

    #[test]
    fn clauses_and_word_orders_between_the_figures() {
        verdicts(
            "Output rose 25 pct to 500 mln, up from 400 mln a year ago.",
            &[Verdict::Ok],
        );
        verdicts(
            "Income was put at 80 million euros for 2024, reached 60 million, a drop of 25 pct.",
            &[Verdict::Ok],
        );
        verdicts(
            "Im Mai kamen 1.500 Besucher, das sind 50 Prozent mehr als im April, als 1.000 kamen.",
            &[Verdict::Ok],
        );
        verdicts(
            "Sales will rise by about 50 pct to 30 mln dlrs, compared with the 20 mln reported a year ago.",
            &[Verdict::Ok],
        );
    }

    #[test]
    fn a_direction_the_values_contradict() {
        let v = run(
            "change",
            "Loans averaged 200 mln dlrs, up from 300 mln dlrs.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, Verdict::Mismatch);
        assert!(v[0].1.contains("is a fall"), "{}", v[0].1);
        // A direction that fits states nothing to report; quotes both ways are left alone.
        assert!(
            run(
                "change",
                "Loans averaged 300 mln dlrs, up from 200 mln dlrs."
            )
            .is_empty()
        );
        assert!(run("change", "The rate was 7.85/7.90, down from 7.80/7.84.").is_empty());
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
