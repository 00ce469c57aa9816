//! `multiple`: two figures and the multiple or fraction the text says one is of the other.

use crate::check::interval::{Range, Target};
use crate::check::{Claim, Expr, Operand, Stated};
use crate::claims::{Candidate, Doc, Finder, Frames, Rule};
use crate::quantity::{HedgeKind, Kind};
use crate::tokens::{Cue, Cues, Tok};
use rust_decimal::Decimal;
use std::sync::LazyLock;

macro_rules! doc {
    () => {
        "## What it checks
Two figures and the multiple or fraction the text says one is of the other: \"X, twice as many
as … Y\", \"X is three times the Y\", \"X, more than twice the Y\", \"X (half of Y)\", \"Half of
the Y workers, X, …\", German \"X, doppelt so viele wie Y\", and with the verb second, \"Mit X Gästen kamen dreimal so viele
wie im Vorjahr mit Y\". The multiple must be X ÷ Y. When
the text gives only X (\"€700 billion, more than twice the GDP of Austria\") and no document
fact names the other side, the claim is `unverifiable` and the finding says what Y the claim
implies. A doubling verb (\"doubled from 40 to 80\") is the `change` rule's.

## Why it matters
\"Twice as many\" and \"a third of\" are how news makes figures vivid, and they are rarely
checked against the figures next to them.

## Example
\"Germany has 83 million people, twice as many as France with 68 million.\" → 83 million ÷ 68
million = 1.22, the text says twice: `mismatch`.

## Verdicts
`ok` when X ÷ Y lies within what the multiple allows, `imprecise` when only the rounding of X
and Y reaches it, `mismatch` otherwise; `unverifiable` when the text never states Y. \"Three
times more than\" is read as three times as much; where only the reading \"three times as much
plus the original\" fits, that reading is taken and noted.

## Tolerance
A multiple stands for its rounding at its last written digit: \"twice\" and \"three times\"
allow ±0.5, \"2.5 times\" ±0.05; a spelled fraction (\"half\", \"a third\") ±10% of its value.
Hedges widen or bound it: \"more than twice\" is (2, ∞), \"nearly half\" [0.45, 0.5).

## When it does not fire
Without a comparison after the multiple (\"as many as\", \"the\", \"more than\", \"so viele
wie\"), so a \"twice\" that counts occasions (\"was seen twice\") stays silent; when X is not
presented as the multiple (a verb other than \"is\"/\"are\"/\"was\" stands between them); when
X and Y differ in kind or unit; and when X ÷ Y is less than half or more than twice the
multiple, which points at a misread rather than an error."
    };
}

#[doc = doc!()]
pub const RULE: Rule = Rule {
    id: "multiple",
    summary: "a stated multiple or fraction must match the two figures it relates",
    doc: doc!(),
    find: Finder::Candidates(find),
};

/// The frames of a multiple or a fraction. Roles: `x` the figure said to be the multiple of
/// another, `m` the multiple or fraction, `y` the other figure (found by the builder when the
/// frame leaves it out).
static FRAMES: LazyLock<Frames> = LazyLock::new(|| {
    Frames::new(&[
        // "1,200 staff, 3 times as many as its rival with 400", "Berlin hat 3,7 Millionen
        // Einwohner, dreimal so viele wie Köln", "300 seats, a third of the 900", "€700
        // billion, more than twice the GDP of Austria", "X is three times the Y"
        (
            80,
            "{x:amt|pct} _2 [, / ( / – / BE|OR|THAT_IS] BE|OR|THAT_IS|NEARLY|ABOUT|ARTICLE? NEARLY|ABOUT|ARTICLE? {m:mult|frac}",
        ),
        // Verb second, the multiple right before its comparison: "Mit 600 Besuchern kamen
        // dreimal so viele wie im Vorjahr (200)", "600 visitors came three times as many as"
        (75, "{x:amt} {v1:word} {v2:word}? {m:mult} AS"),
        // "Half of the 1,000 workers, 480, left", "Die Hälfte der 1.040 Beschäftigten, 380, …"
        (80, "{m:frac} OF|DET _2 {y:amt} _2 ,|(|– {x:amt}"),
    ])
});

/// Cues a comparison after the multiple starts with: "as many as", "the", "more than", "so
/// viele wie", "of".
const COMPARE: Cues = Cues(
    Cue::As.set().0
        | Cue::Det.set().0
        | Cue::This.set().0
        | Cue::More.set().0
        | Cue::Less.set().0
        | Cue::Than.set().0
        | Cue::Of.set().0
        | Cue::Over.set().0
        | Cue::Above.set().0
        | Cue::Below.set().0
        | Cue::Times.set().0,
);

/// Kinds the two figures may have.
fn comparable(k: Kind) -> bool {
    matches!(
        k,
        Kind::Number | Kind::Money | Kind::Measure | Kind::Percent
    )
}

fn find(doc: &Doc<'_>) -> Vec<Candidate> {
    doc.matches(&FRAMES)
        .filter_map(|(si, m, support)| {
            let x = doc.q(si, &m, "x")?;
            let mq = doc.q(si, &m, "m")?;
            // Verb second: the words between are a noun and a verb, not the rest of a range
            // ("drei- bis viermal so hoch", "10- bis 20-mal so häufig").
            if m.has("v1") && doc.text[doc.quantities[x].span.end..].starts_with('-') {
                return None;
            }
            if !comparable(doc.quantities[x].kind) {
                return None;
            }
            let claim = if let Some(y) = doc.q(si, &m, "y") {
                // The part stands in apposition and closes it: "workers, 480," / "seats (300)".
                let after = doc.tokens(si).get(m.end);
                let closes = after.is_none_or(|t| matches!(t.tok, Tok::Punct(_)));
                if !closes || !alike(doc, x, y) {
                    return None;
                }
                ratio_claim(doc, x, y, mq)
            } else {
                let (y, phrase) = object(doc, si, m.token("m")?)?;
                match doc.quantities[mq].kind {
                    Kind::Multiple => multiple(doc, x, mq, y, &phrase),
                    _ => {
                        let y = y.filter(|&y| alike(doc, x, y))?;
                        ratio_claim(doc, x, y, mq)
                    }
                }
            };
            claim.map(|c| Candidate::new(c, support))
        })
        .collect()
}

/// The comparison after the multiple at token `mt` of sentence `si`, and the figure it
/// compares with if one follows before the next punctuation: "as many as France with 40
/// million", "the 30,000 average". Returns the figure (if any) and the words of the comparison.
fn object(doc: &Doc<'_>, si: usize, mt: usize) -> Option<(Option<usize>, Vec<usize>)> {
    let toks = doc.tokens(si);
    if !toks.get(mt + 1)?.cues.meets(COMPARE) {
        return None;
    }
    let mut words = Vec::new();
    for (k, t) in toks.iter().enumerate().skip(mt + 1) {
        match t.tok {
            Tok::Word => words.push(k),
            Tok::Quantity(_) => {
                let q = t.quantity()?;
                if !doc.quantities[q].kind.is_quantity() {
                    return None;
                }
                return (words.len() <= 7).then_some((Some(q), words));
            }
            Tok::Punct('(') => {}
            Tok::Punct(_) => break,
        }
        if words.len() > 7 {
            return None;
        }
    }
    Some((None, words))
}

/// The words of tokens `ws` of sentence `si` as text.
fn text_of_words(doc: &Doc<'_>, si: usize, ws: &[usize]) -> String {
    let toks = doc.tokens(si);
    match (ws.first(), ws.last()) {
        (Some(&a), Some(&b)) => doc.text[toks[a].span.start..toks[b].span.end].to_string(),
        _ => String::new(),
    }
}

/// The stated multiple or fraction of quantity `m`; a spelled fraction without a hedge allows
/// ±10% of its value.
fn stated_factor(doc: &Doc<'_>, m: usize) -> Option<Stated> {
    let q = &doc.quantities[m];
    let mut st = doc.stated(m)?;
    if q.hedge.is_none() && q.precision.is_none() {
        let v = st.value;
        let w = v.abs() * Decimal::new(10, 2);
        st.target = Target::closed(Range {
            lo: v - w,
            hi: v + w,
        });
        st.places = 2;
    }
    Some(st)
}

/// Whether X and Y can be compared.
fn alike(doc: &Doc<'_>, x: usize, y: usize) -> bool {
    let (a, b) = (&doc.quantities[x], &doc.quantities[y]);
    comparable(a.kind) && a.kind == b.kind && a.unit == b.unit
}

/// Whether `derived` lies within a factor of two of the stated factor (bounded or not).
fn plausible(derived: Decimal, st: &Stated) -> bool {
    let v = st.value;
    !v.is_zero() && derived * Decimal::TWO >= v && derived <= v * Decimal::TWO
}

/// "X, twice as many as Y", "X is three times the Y", "X, more than twice the GDP of Austria".
fn multiple(
    doc: &Doc<'_>,
    x: usize,
    m: usize,
    y: Option<usize>,
    phrase: &[usize],
) -> Option<Claim> {
    let si = doc.sentence_of(x)?;
    let stated = stated_factor(doc, m)?;
    let xo = doc.operand(x)?;
    let y = match y {
        Some(y) => {
            if !alike(doc, x, y) {
                return None;
            }
            doc.operand(y)?
        }
        None => return unstated(doc, si, x, xo, stated, phrase),
    };
    if y.value <= Decimal::ZERO || xo.value <= Decimal::ZERO {
        return None;
    }
    let derived = xo.value.checked_div(y.value)?;
    let first = phrase.first().map(|&k| &doc.tokens(si)[k]);
    let more = first.is_some_and(|t| {
        t.cues.meets(
            Cue::More
                .set()
                .union(Cue::Over.set())
                .union(Cue::Above.set()),
        )
    });
    // "three times more than": where only "as much plus the original" fits, read it so.
    if more && !stated.target.contains(derived) && stated.target.contains(derived - Decimal::ONE) {
        let word = first.map_or("", |t| &doc.text[t.span.start..t.span.end]);
        let note = format!(
            "\"{} {word}\" read as {} plus the original",
            stated.text, stated.text
        );
        let mut c = Claim::new(
            RULE.id,
            stated,
            Expr::Input(0) / Expr::Input(1) - Expr::Input(2),
            vec![xo, y, Operand::constant(Decimal::ONE, "1")],
        );
        c.note = Some(note);
        return Some(c);
    }
    if !plausible(derived, &stated) {
        return None;
    }
    Some(Claim::new(
        RULE.id,
        stated,
        Expr::Input(0) / Expr::Input(1),
        vec![xo, y],
    ))
}

/// The claim when the text gives only X: a document fact named by the comparison, or an
/// unverifiable claim that says what the other figure would have to be.
fn unstated(
    doc: &Doc<'_>,
    si: usize,
    x: usize,
    xo: Operand,
    stated: Stated,
    phrase: &[usize],
) -> Option<Claim> {
    // what is compared with: "the GDP of Austria" from "more than the GDP of Austria",
    // "France" from "as many as France", "in Wien" from "so viele wie in Wien"
    let toks = doc.tokens(si);
    let mut ws = phrase;
    if ws.first().is_some_and(|&k| toks[k].cues.has(Cue::As)) {
        let second = ws
            .iter()
            .skip(1)
            .position(|&k| toks[k].cues.meets(Cue::As.set().union(Cue::Than.set())))?;
        ws = &ws[second + 2..];
    } else if ws.get(1).is_some_and(|&k| toks[k].cues.has(Cue::Than)) {
        ws = &ws[2..];
    }
    let name = text_of_words(doc, si, ws);
    if ws.is_empty() || ws.len() > 6 {
        return None;
    }
    if let Some(f) = doc.facts.ending(&name)
        && f.quantity != x
        && alike(doc, x, f.quantity)
    {
        let mut y = doc.operand(f.quantity)?;
        y.fact = Some(f.name.clone());
        if y.value <= Decimal::ZERO || !plausible(xo.value.checked_div(y.value)?, &stated) {
            return None;
        }
        return Some(Claim::new(
            RULE.id,
            stated,
            Expr::Input(0) / Expr::Input(1),
            vec![xo, y],
        ));
    }
    if stated.value.is_zero() {
        return None;
    }
    let percent = crate::check::is_percent_like(doc.quantities[x].kind);
    let mut implied = xo.value.checked_div(stated.value)?;
    if percent {
        implied *= Decimal::ONE_HUNDRED;
    }
    let implied = if implied.abs() >= Decimal::ONE_HUNDRED {
        implied.round_dp(0)
    } else {
        implied.round_dp(2)
    };
    let unit = if percent { "%" } else { "" };
    let bound = match doc.quantities[x]
        .hedge
        .as_ref()
        .map(|h| h.kind)
        .or(stated_hedge(doc, &stated))
    {
        Some(HedgeKind::MoreThan | HedgeKind::AtLeast | HedgeKind::JustOver) => "less than",
        Some(HedgeKind::LessThan | HedgeKind::AtMost | HedgeKind::JustUnder) => "more than",
        _ => "about",
    };
    let missing = format!(
        "the text never states {name}; the claim implies it is {bound} {}{unit} ({} ÷ {})",
        implied.normalize(),
        xo.text,
        stated.text
    );
    Some(Claim {
        rule: RULE.id,
        stated,
        expr: Expr::Input(0),
        inputs: vec![xo],
        missing: Some(missing),
        note: None,
        id: None,
    })
}

/// The hedge of the quantity a stated figure comes from.
fn stated_hedge(doc: &Doc<'_>, st: &Stated) -> Option<HedgeKind> {
    doc.quantities
        .iter()
        .find(|q| q.span == st.span)
        .and_then(|q| q.hedge.as_ref())
        .map(|h| h.kind)
}

/// The claim that X ÷ Y is the fraction `f`.
fn ratio_claim(doc: &Doc<'_>, x: usize, y: usize, f: usize) -> Option<Claim> {
    let xo = doc.operand(x)?;
    let yo = doc.operand(y)?;
    let stated = stated_factor(doc, f)?;
    if yo.value <= Decimal::ZERO || xo.value <= Decimal::ZERO {
        return None;
    }
    if !plausible(xo.value.checked_div(yo.value)?, &stated) {
        return None;
    }
    Some(Claim::new(
        RULE.id,
        stated,
        Expr::Input(0) / Expr::Input(1),
        vec![xo, yo],
    ))
}

#[cfg(test)]
mod tests {
    use crate::check::Verdict;
    use crate::claims::rules::tests::run;

    /// Asserts the verdicts of the rule on `text`, showing its messages if they differ.
    fn verdicts(text: &str, want: &[Verdict]) {
        crate::claims::rules::tests::verdicts_of("multiple", text, want);
    }

    #[test]
    fn verb_second_before_the_comparison() {
        let v = run(
            "multiple",
            "Mit 900 Gästen kamen dreimal so viele wie im Vorjahr mit 300.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        let v = run(
            "multiple",
            "Mit 900 Gästen kamen dreimal so viele wie im Vorjahr mit 400.",
        );
        assert_eq!(v[0].0, Verdict::Mismatch, "{v:?}");
        // The end of a range is no figure compared.
        assert!(
            run(
                "multiple",
                "Die Zahl liegt 10- bis 20-mal so hoch wie sonst."
            )
            .is_empty()
        );
    }

    #[test]
    fn multiples_with_digits() {
        assert_eq!(
            run(
                "multiple",
                "The firm has 1,200 staff, 3 times as many as its rival with 400."
            ),
            [(
                Verdict::Ok,
                "1,200 ÷ 400 = 3, the text says 3 times".to_string()
            )]
        );
        verdicts(
            "Prices are $75, 2.5 times the $25 of last year.",
            &[Verdict::Mismatch],
        );
        verdicts(
            "Exports reached 4,500 tonnes, tenfold the 450 tonnes of 2019.",
            &[Verdict::Ok],
        );
    }

    #[test]
    fn spelled_multiples() {
        assert_eq!(
            run(
                "multiple",
                "Germany has 83 million people, twice as many as France with 68 million."
            ),
            [(
                Verdict::Mismatch,
                "83 million ÷ 68 million = 1.2, the text says twice".to_string()
            )]
        );
        verdicts(
            "Germany has 83 million people, more than twice as many as Austria with 9 million.",
            &[],
        );
        verdicts(
            "Berlin has 3.7 million people, more than twice as many as Hamburg with 1.8 million.",
            &[Verdict::Ok],
        );
        verdicts(
            "The budget is $90 million, three times the $30 million of 2019.",
            &[Verdict::Ok],
        );
    }

    #[test]
    fn times_more_than_has_two_readings() {
        let v = run(
            "multiple",
            "The plant makes 400 cars, three times more than the 100 it made in 2019.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, Verdict::Ok);
        assert!(
            v[0].1.contains("read as three times plus the original"),
            "{}",
            v[0].1
        );
        verdicts(
            "The plant makes 300 cars, three times more than the 100 it made in 2019.",
            &[Verdict::Ok],
        );
    }

    #[test]
    fn fractions() {
        verdicts(
            "Some 480 workers, half of the 1,000 on site, stayed home.",
            &[Verdict::Ok],
        );
        verdicts(
            "Half of the 1,040 workers, 380, stayed home.",
            &[Verdict::Mismatch],
        );
        verdicts(
            "The party won 300 seats, a third of the 900 in parliament.",
            &[Verdict::Ok],
        );
    }

    #[test]
    fn german_multiples_and_fractions() {
        // "besuchen … ein Gymnasium" is a verb between X and the multiple: no claim.
        verdicts(
            "In Wien besuchen 2.400 Schüler ein Gymnasium, doppelt so viele wie in Linz mit 1.200.",
            &[],
        );
        verdicts(
            "Wien hat 2.400 Gymnasiasten, doppelt so viele wie Linz mit 1.200.",
            &[Verdict::Ok],
        );
        verdicts(
            "Berlin hat 3,7 Millionen Einwohner, dreimal so viele wie Köln mit 1,1 Millionen.",
            &[Verdict::Ok],
        );
        verdicts(
            "Die Hälfte der 1.040 Beschäftigten, 380, blieb zu Hause.",
            &[Verdict::Mismatch],
        );
    }

    #[test]
    fn one_side_only_is_unverifiable() {
        let v = run(
            "multiple",
            "Bavaria's output is €700 billion, more than twice the GDP of Austria.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, Verdict::Unverifiable);
        assert!(
            v[0].1.contains("the text never states the GDP of Austria; the claim implies it is less than 350000000000"),
            "{}",
            v[0].1
        );
        let v = run(
            "multiple",
            "Unemployment in the south was 17.7%, more than double that of the U.S.",
        );
        assert!(
            v[0].1.ends_with("the text never states that of the U.S.; the claim implies it is less than 8.85% (17.7% ÷ more than double)"),
            "{}",
            v[0].1
        );
        // A document fact names the other side.
        verdicts(
            "Austria (6,600,000) is small. Bavaria has 13,400,000 people, twice as many as Austria.",
            &[Verdict::Ok],
        );
    }

    #[test]
    fn does_not_fire_on_occasions_or_unlinked_figures() {
        for text in [
            "The 30 patients were seen twice, 40 times in total.",
            "He scored twice in the 90 minutes, and 3 goals came later.",
            "The 30 patients were seen twice as often as the 15 others.",
            "Sales were 500, and costs doubled twice in 2020 to 300.",
            "The 500 workers earn twice as much as the $40,000 average.",
            "Half of the 1,000 workers, 480 of them women, stayed home.",
            "About 300 came, half of them children.",
            "Prices are $75, 2.5 times the $2 of 1950.",
        ] {
            assert!(
                run("multiple", text).is_empty(),
                "{text}: {:?}",
                run("multiple", text)
            );
        }
    }
}
