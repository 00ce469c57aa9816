//! `multiple`: two figures and the multiple or fraction the text says one is of the other.

use crate::check::interval::{Range, Target};
use crate::check::{Claim, Expr, Operand, Stated};
use crate::claims::{Doc, Rule};
use crate::quantity::{HedgeKind, Kind, Span};
use rust_decimal::Decimal;

macro_rules! doc {
    () => {
        "## What it checks
Two figures and the multiple or fraction the text says one is of the other: \"X, twice as many
as … Y\", \"X is three times the Y\", \"X, more than twice the Y\", \"X (half of Y)\", \"Half of
the Y workers, X, …\", German \"X, doppelt so viele wie Y\". The multiple must be X ÷ Y. When
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
    find: crate::claims::Finder::Claims(find),
};

/// Words that present X as the multiple: "X is twice …", "X, or twice …".
const PRESENT: &[&str] = &[
    ",", "(", "—", "–", "-", "is", "are", "was", "were", "or", "which", "that", "being", "ist",
    "sind", "war", "waren", "also", "und", "damit",
];

/// Words a comparison after the multiple may start with.
const COMPARE: &[&str] = &[
    "as", "the", "that", "those", "more", "less", "fewer", "higher", "larger", "bigger", "greater",
    "smaller", "lower", "than", "so", "mehr", "als", "wie", "its", "his", "her", "their", "our",
    "of", "what",
];

/// Comparatives that make "N times more than" ambiguous.
const MORE: &[&str] = &[
    "more", "higher", "larger", "bigger", "greater", "mehr", "höher", "größer",
];

/// The tokens of `s`: lower-case words, and punctuation marks as tokens of their own.
fn tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in s.chars().chain([' ']) {
        if c.is_alphanumeric() || matches!(c, '\'' | '’') {
            word.extend(c.to_lowercase());
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if !c.is_whitespace() && c != '.' {
            out.push(c.to_string());
        }
    }
    out
}

fn is_word(t: &str) -> bool {
    t.chars().all(char::is_alphabetic)
}

/// Kinds the two figures may have.
fn comparable(k: Kind) -> bool {
    matches!(
        k,
        Kind::Number | Kind::Money | Kind::Measure | Kind::Percent
    )
}

/// Where the text of quantity `i` starts, with its hedge.
fn start_of(doc: &Doc<'_>, i: usize) -> usize {
    let q = &doc.quantities[i];
    q.hedge
        .as_ref()
        .map_or(q.span.start, |h| h.span.start.min(q.span.start))
}

/// Whether the gap between X and the multiple presents X as it: up to two words of X's noun,
/// then only presenting words ("80 million people, twice …", "X is three times …").
fn presents(gap: &str) -> bool {
    let toks = tokens(gap);
    let k = toks
        .iter()
        .position(|t| PRESENT.contains(&t.as_str()))
        .unwrap_or(toks.len());
    k <= 2
        && k < toks.len()
        && toks[..k].iter().all(|t| is_word(t))
        && toks[k..].iter().all(|t| {
            PRESENT.contains(&t.as_str()) || matches!(t.as_str(), "about" | "nearly" | "almost")
        })
        && toks.len() <= 5
}

/// The figure before quantity `m` that the text presents as the multiple of another.
fn subject(doc: &Doc<'_>, range: &std::ops::Range<usize>, m: usize) -> Option<usize> {
    let x = (range.start..m)
        .rev()
        .find(|&i| doc.quantities[i].kind != Kind::Year)?;
    if !comparable(doc.quantities[x].kind) {
        return None;
    }
    presents(&doc.text[doc.quantities[x].span.end..start_of(doc, m)]).then_some(x)
}

/// The comparison after the multiple and the figure it compares with, if one follows before
/// the sentence's next punctuation: "as many as France with 40 million", "the 30,000 average".
/// Returns the figure (if any) and the comparison phrase.
fn object(
    doc: &Doc<'_>,
    s: Span,
    range: &std::ops::Range<usize>,
    m: usize,
) -> Option<(Option<usize>, String)> {
    let end = doc.quantities[m].span.end;
    let next = (m + 1..range.end).find(|&i| doc.quantities[i].kind != Kind::Year);
    let stop = next.map_or(s.end, |y| start_of(doc, y));
    let phrase = &doc.text[end..stop];
    // the phrase ends at punctuation; a figure after it belongs to something else
    // a period inside an abbreviation ("U.S.") does not end it
    let cut = phrase
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, ',' | ';' | ':' | ')' | '—' | '–' | '!' | '?')
                || (c == '.' && !phrase[i + 1..].starts_with(char::is_alphabetic))
        })
        .map_or(phrase.len(), |(i, _)| i);
    let toks = tokens(&phrase[..cut]);
    let first = toks.first()?;
    if !COMPARE.contains(&first.as_str()) {
        return None;
    }
    let mut ts = toks.clone();
    let paren = ts.last().is_some_and(|t| t == "(");
    if paren {
        ts.pop();
    }
    if ts.len() > 7 || !ts.iter().all(|t| is_word(t)) {
        return None;
    }
    let reaches = cut == phrase.len() || (paren && phrase[..cut].trim_end().ends_with('('));
    let y = next.filter(|_| reaches);
    Some((
        y,
        phrase[..cut]
            .trim()
            .trim_end_matches('(')
            .trim()
            .to_string(),
    ))
}

fn find(doc: &Doc<'_>) -> Vec<Claim> {
    let mut out = Vec::new();
    for &s in &doc.sentences {
        let range = doc.in_sentence(s);
        for m in range.clone() {
            let claim = match doc.quantities[m].kind {
                Kind::Multiple => multiple(doc, s, &range, m),
                Kind::Fraction => {
                    fraction_after(doc, s, &range, m).or_else(|| fraction_first(doc, s, &range, m))
                }
                _ => None,
            };
            out.extend(claim);
        }
    }
    out
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
fn multiple(doc: &Doc<'_>, s: Span, range: &std::ops::Range<usize>, m: usize) -> Option<Claim> {
    let x = subject(doc, range, m)?;
    let (y, phrase) = object(doc, s, range, m)?;
    let stated = stated_factor(doc, m)?;
    let xo = doc.operand(x)?;
    let y = match y {
        Some(y) => {
            if !alike(doc, x, y) {
                return None;
            }
            doc.operand(y)?
        }
        None => return unstated(doc, x, xo, stated, &phrase),
    };
    if y.value <= Decimal::ZERO || xo.value <= Decimal::ZERO {
        return None;
    }
    let derived = xo.value.checked_div(y.value)?;
    let first = tokens(&phrase);
    let more = first.first().is_some_and(|t| MORE.contains(&t.as_str()));
    // "three times more than": where only "as much plus the original" fits, read it so.
    if more && !stated.target.contains(derived) && stated.target.contains(derived - Decimal::ONE) {
        let note = format!(
            "\"{} {}\" read as {} plus the original",
            stated.text,
            first.first().map_or("", String::as_str),
            stated.text
        );
        return Some(Claim {
            rule: RULE.id,
            stated,
            expr: Expr::Input(0) / Expr::Input(1) - Expr::Input(2),
            inputs: vec![xo, y, Operand::constant(Decimal::ONE, "1")],
            missing: None,
            note: Some(note),
            id: None,
        });
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
fn unstated(doc: &Doc<'_>, x: usize, xo: Operand, stated: Stated, phrase: &str) -> Option<Claim> {
    // what is compared with: "the GDP of Austria" from "more than the GDP of Austria",
    // "France" from "as many as France"
    let mut ws: Vec<&str> = phrase.split_whitespace().collect();
    let lower: Vec<String> = ws.iter().map(|w| w.to_lowercase()).collect();
    if let Some(first) = lower.first()
        && matches!(first.as_str(), "as" | "so")
    {
        // "as many as France", "so viele wie in Wien"
        let closing = if first == "as" { "as" } else { "wie" };
        let second = lower.iter().skip(1).position(|w| w == closing)?;
        ws.drain(..second + 2);
    } else if lower.len() > 1 && matches!(lower[1].as_str(), "than" | "als") {
        ws.drain(..2);
    }
    let name = ws.join(" ");
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

/// "X, half of Y", "X (a third of the Y)", "X is about a quarter of Y".
fn fraction_after(
    doc: &Doc<'_>,
    s: Span,
    range: &std::ops::Range<usize>,
    f: usize,
) -> Option<Claim> {
    let x = subject(doc, range, f)?;
    let y = (f + 1..range.end).find(|&i| doc.quantities[i].kind != Kind::Year)?;
    let gap = tokens(&doc.text[doc.quantities[f].span.end..start_of(doc, y)]);
    let of = gap
        .first()
        .is_some_and(|t| matches!(t.as_str(), "of" | "the" | "der" | "des" | "von"));
    if !of || gap.len() > 4 || !gap.iter().all(|t| is_word(t)) || !alike(doc, x, y) {
        return None;
    }
    let _ = s;
    ratio_claim(doc, x, y, f)
}

/// "Half of the 1,000 workers, 480, left", "A third of the 900 seats (300) …".
fn fraction_first(
    doc: &Doc<'_>,
    s: Span,
    range: &std::ops::Range<usize>,
    f: usize,
) -> Option<Claim> {
    let (y, x) = (f + 1, f + 2);
    if x >= range.end {
        return None;
    }
    let gap = tokens(doc.between(f, y));
    let of = gap
        .first()
        .is_some_and(|t| matches!(t.as_str(), "of" | "der" | "des" | "von"));
    if !of || gap.len() > 3 || !gap.iter().all(|t| is_word(t)) {
        return None;
    }
    // X stands in apposition: "workers, 480," / "seats (300)"
    let mid = tokens(doc.between(y, x));
    let k = mid.iter().position(|t| !is_word(t))?;
    if k > 2 || !matches!(&mid[k..], [p] if matches!(p.as_str(), "," | "(" | "—" | "–")) {
        return None;
    }
    let after = doc.after(x, s, 4).trim_start();
    if !(after.is_empty() || after.starts_with([',', ')', '—', '–', '.', ';'])) {
        return None;
    }
    if !alike(doc, x, y) {
        return None;
    }
    ratio_claim(doc, x, y, f)
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
            v[0].1.ends_with("the text never states that of the U.S; the claim implies it is less than 8.85% (17.7% ÷ more than double)"),
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
