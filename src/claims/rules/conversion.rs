//! `conversion`: a measure and its conversion in brackets must agree: "5 km (3.1 miles)".

use crate::check::interval::{Range, Target};
use crate::check::{self, Claim, Expr, Operand, Verdict};
use crate::claims::frame::Match;
use crate::claims::{Candidate, Doc, Finder, Frames, Rule};
use crate::quantity::{Kind, Quantity, Span};
use crate::tokens::{Cue, Cues, Tok};
use rust_decimal::Decimal;
use std::str::FromStr;
use std::sync::LazyLock;

macro_rules! doc {
    () => {
        "## What it checks
A measure followed by its conversion into another unit, in brackets or after \", or\":
\"-30 °C (-22 °F)\", \"5 km (3.1 miles)\", \"100 kg (220 lb)\", \"14 cm (5.5 inches)\", \"400 m
(1,312 ft)\", \"10 litres (2.6 gallons)\", \"30 mph (48 km/h)\", \"6 ft 2 in (1.88 m)\". The
converted figure must be the first one converted with the exact factor: 1 mi = 1.609344 km,
1 ft = 0.3048 m, 1 in = 2.54 cm, 1 lb = 0.45359237 kg, 1 oz = 28.349523125 g, 1 US gal =
3.785411784 l (1 imperial gal = 4.54609 l), 1 acre = 0.40468564224 ha, °F = °C × 1.8 + 32,
and their reverses.

## Why it matters
Conversions are added by editors after the fact, and a slip (\"100 kg (120 lb)\") or a wrong
formula (\"20 °C (36 °F)\": the conversion of a difference, not of a temperature) goes unnoticed.

## Example
\"-25 °C (-13 °F)\" → -25 × 1.8 + 32 = -13: `ok`. \"5 km (3.4 miles)\" → 3.4 miles is 5.47 km,
which rounds to 5 km: `ok` (either figure may be the original). \"5.5 km (3.45 miles)\" → 3.42
miles, and 3.45 miles is 5.55 km: `imprecise`, as 5.45–5.55 km reaches 3.45 miles. \"100 kg
(120 lb)\" → 220.5 lb: `mismatch`.

## Verdicts
`ok` when either figure converted rounds to the other, `imprecise` when only the first
figure's rounding reaches the second, `mismatch` otherwise.

## Tolerance
Each figure stands for its rounding interval (5 km is 4.5–5.5 km). A whole figure ending in
zeros may have been rounded at its last non-zero digit (\"220 lb\" is 215–225 lb, \"300 miles\"
250–350, \"100\" 95–150): conversions are usually rounded to one or two significant digits.
Temperatures are taken to the degree. Where a unit name is ambiguous (tons: metric, short or
long; gallons: US or imperial; fluid ounces), the reading that fits best is taken.

## When it does not fire
When the two figures are of the same unit or of different dimensions, for ranges (\"5–10 km\"),
when another measure stands right before the first or inside the brackets and they don't make
feet and inches or pounds and ounces, when the bracket goes on with other words (\"5 km (10 km
last year)\"), for a temperature in bare degrees, and for a temperature whose conversion only
fits a difference (\"rose by 2 °C (3.6 °F)\") unless the text makes it a reading (\"fell to\")."
    };
}

#[doc = doc!()]
pub const RULE: Rule = Rule {
    id: "conversion",
    summary: "a measure and its converted value in brackets must agree",
    doc: doc!(),
    find: Finder::Candidates(find),
};

/// A dimension a unit measures.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Dim {
    Length,
    Mass,
    Volume,
    Area,
    Speed,
}

/// The sizes of a unit in its dimension's base unit, as exact decimal strings, each with the
/// name of the reading ("" where there is only one).
type Sizes = &'static [(&'static str, &'static str)];

/// Units with their dimension and their sizes in the dimension's base unit (m, kg, l, m², km/h).
const UNITS: &[(&str, Dim, Sizes)] = &[
    ("km", Dim::Length, &[("1000", "")]),
    ("m", Dim::Length, &[("1", "")]),
    ("cm", Dim::Length, &[("0.01", "")]),
    ("mm", Dim::Length, &[("0.001", "")]),
    ("mi", Dim::Length, &[("1609.344", "")]),
    ("yd", Dim::Length, &[("0.9144", "")]),
    ("ft", Dim::Length, &[("0.3048", "")]),
    ("in", Dim::Length, &[("0.0254", "")]),
    ("kg", Dim::Mass, &[("1", "")]),
    ("g", Dim::Mass, &[("0.001", "")]),
    ("mg", Dim::Mass, &[("0.000001", "")]),
    ("lb", Dim::Mass, &[("0.45359237", "")]),
    ("oz", Dim::Mass, &[("0.028349523125", "")]),
    (
        "t",
        Dim::Mass,
        &[
            ("1000", "metric tons"),
            ("907.18474", "short tons"),
            ("1016.0469088", "long tons"),
        ],
    ),
    ("l", Dim::Volume, &[("1", "")]),
    ("ml", Dim::Volume, &[("0.001", "")]),
    ("m³", Dim::Volume, &[("1000", "")]),
    (
        "gal",
        Dim::Volume,
        &[
            ("3.785411784", "US gallons"),
            ("4.54609", "imperial gallons"),
        ],
    ),
    ("bbl", Dim::Volume, &[("158.987294928", "")]),
    ("m²", Dim::Area, &[("1", "")]),
    ("km²", Dim::Area, &[("1000000", "")]),
    ("ha", Dim::Area, &[("10000", "")]),
    ("acre", Dim::Area, &[("4046.8564224", "")]),
    ("mi²", Dim::Area, &[("2589988.110336", "")]),
    ("ft²", Dim::Area, &[("0.09290304", "")]),
    ("km/h", Dim::Speed, &[("1", "")]),
    ("mph", Dim::Speed, &[("1.609344", "")]),
];

/// Fluid ounces, when ounces convert to a volume: US and imperial.
const FLUID_OUNCE: &[(&str, &str)] = &[
    ("0.0295735295625", "US fluid ounces"),
    ("0.0284130625", "imperial fluid ounces"),
];

/// Pairs of units a text writes together as one measure: "6 ft 2 in", "3 lb 4 oz".
const COMPOUNDS: &[(&str, &str)] = &[("ft", "in"), ("lb", "oz"), ("m", "cm")];

/// The frames of a conversion. Roles: `a` the figure first written, `b` its conversion,
/// `c` a second conversion, `n` the inches of a converted "2 ft 6 in".
static FRAMES: LazyLock<Frames> = LazyLock::new(|| {
    Frames::new(&[
        // "5 km (3.1 miles)", "100 kg (or 220 lb)", "30 m (about 100 ft)"
        (85, "{a:measure|temp} ( OR|EQUALS|ABOUT? {b:measure|temp} )"),
        // "(1,200 km; 750 mi)"
        (85, "{a:measure} ( {b:measure} ; {c:measure} )"),
        // "760 mm (2 ft 6 in)"
        (80, "{a:measure} ( {b:measure} {n:num} IN )"),
        // "5 km, or 3.1 miles,"
        (75, "{a:measure|temp} , OR {b:measure|temp}"),
    ])
});

/// Cues in a sentence that make a temperature a difference: "rose by 2 °C", "2 °C warmer".
const DIFFERENCE: Cues = Cues(
    Cue::By.set().0
        | Cue::Up.set().0
        | Cue::Down.set().0
        | Cue::Above.set().0
        | Cue::Below.set().0
        | Cue::Change.set().0
        | Cue::More.set().0
        | Cue::Less.set().0,
);

/// Cues right before a temperature that make it a reading: "fell to -25 °C", "was -30 °C".
const READING: Cues = Cues(Cue::To.set().0 | Cue::At.set().0 | Cue::Of.set().0 | Cue::Be.set().0);

fn find(doc: &Doc<'_>) -> Vec<Candidate> {
    doc.matches(&FRAMES)
        .flat_map(|(si, m, support)| {
            let mut out = Vec::new();
            for to in ["b", "c"] {
                if let Some(c) = pair(doc, si, &m, to) {
                    out.push(Candidate::new(c, support));
                }
            }
            out
        })
        .collect()
}

/// The claim that the figure in role `to` converts the figure `a`: either may be the
/// original, so the pair is right if either converts to the other ("3,600 km (2,250 miles)":
/// 2,250 miles is 3,621 km, which rounds to 3,600).
fn pair(doc: &Doc<'_>, si: usize, m: &Match, to: &str) -> Option<Claim> {
    let (a, b) = (doc.q(si, m, "a")?, doc.q(si, m, to)?);
    let (qa, qb) = (&doc.quantities[a], &doc.quantities[b]);
    if qa.kind != qb.kind {
        return None;
    }
    // "1 1⁄2 inches": the recognizer sees only the last figure of a mixed number.
    let at = m.token("a")?;
    let mixed = at
        .checked_sub(1)
        .and_then(|k| doc.tokens(si)[k].quantity())
        .is_some_and(|q| {
            doc.quantities[q].kind == Kind::Number
                && doc.text_of(q).bytes().all(|b| b.is_ascii_digit())
        });
    if mixed || (at > 0 && doc.tokens(si)[at - 1].is_punct('/')) {
        return None;
    }
    let inches = doc.q(si, m, "n").filter(|_| to == "b");
    let directed = |from: usize, to: usize, inches: Option<usize>| {
        if qa.kind == Kind::Temperature {
            temperature(doc, si, from, to, a)
        } else {
            measure(doc, si, from, to, inches)
        }
    };
    let forward = directed(a, b, inches)?;
    if check::check(forward.clone()).verdict == Verdict::Ok || inches.is_some() {
        return Some(forward);
    }
    match directed(b, a, None) {
        Some(back) if check::check(back.clone()).verdict == Verdict::Ok => Some(back),
        _ => Some(forward),
    }
}

/// Where unit `u` of quantity `q` lies: its dimension and its readings.
fn unit(q: &Quantity) -> Option<(Dim, Vec<(Decimal, &'static str)>)> {
    let u = q.unit.as_deref()?;
    let (_, dim, sizes) = UNITS.iter().find(|(n, _, _)| *n == u)?;
    let sizes = sizes
        .iter()
        .filter_map(|(s, name)| Decimal::from_str(s).ok().map(|d| (d, *name)))
        .collect();
    Some((*dim, sizes))
}

/// The readings of unit `u` in `q`'s text: "tonnes" is metric; "tons" may be any.
fn readings(doc: &Doc<'_>, q: &Quantity, dim: Dim, other: Dim) -> Vec<(Decimal, &'static str)> {
    let (_, mut sizes) = unit(q).unwrap_or((dim, Vec::new()));
    let text = doc.text[q.span.start..q.span.end].to_lowercase();
    if q.unit.as_deref() == Some("t") && (text.contains("tonne") || text.ends_with(" t")) {
        sizes.truncate(1);
    }
    if q.unit.as_deref() == Some("oz") && other == Dim::Volume {
        sizes = FLUID_OUNCE
            .iter()
            .filter_map(|(s, n)| Decimal::from_str(s).ok().map(|d| (d, *n)))
            .collect();
    }
    sizes
}

/// The dimension of `q`'s unit, reading ounces as a volume next to a volume.
fn dim_of(q: &Quantity, other: Option<Dim>) -> Option<Dim> {
    let (d, _) = unit(q)?;
    Some(
        if q.unit.as_deref() == Some("oz") && other == Some(Dim::Volume) {
            Dim::Volume
        } else {
            d
        },
    )
}

/// A length or mass or volume, area or speed and its conversion.
fn measure(doc: &Doc<'_>, si: usize, a: usize, b: usize, inches: Option<usize>) -> Option<Claim> {
    let (qa, qb) = (&doc.quantities[a], &doc.quantities[b]);
    if qa.unit == qb.unit {
        return None;
    }
    // "(2 ft 6 in)": the conversion in inches.
    let compound = match inches {
        Some(n) if qb.unit.as_deref() == Some("ft") => Some(n),
        Some(_) => return None,
        None => None,
    };
    let (da0, _) = unit(qa)?;
    let (db0, _) = unit(qb)?;
    let da = dim_of(qa, Some(db0))?;
    let db = dim_of(qb, Some(da0))?;
    if da != db {
        return None;
    }
    // A compound first figure ("6 ft 2 in").
    let mut input = first_figure(doc, si, a)?;
    let mut unhedged = qa.clone();
    unhedged.hedge = None;
    widen_input(&mut input, &unhedged);
    let from = readings(doc, qa, da, db);
    let mut to = readings(doc, qb, db, da);
    // A comparative hedge holds for both figures: "well over seven feet (2.1 metres)".
    let mut stated = doc.stated_unhedged(b)?;
    if let Some(n) = compound {
        // 2 ft 6 in = 30 in, stated to the inch.
        let inch = Decimal::from_str("0.0254").ok()?;
        let k = Decimal::from(12);
        let value = qb
            .value?
            .checked_mul(k)?
            .checked_add(doc.quantities[n].value?)?;
        let end = doc
            .tokens(si)
            .get(doc.token_of(si, n)? + 1)
            .map_or(doc.quantities[n].span.end, |t| t.span.end);
        let span = Span::new(stated.span.start, end);
        stated = check::Stated {
            text: doc.text[span.start..span.end].to_string(),
            span,
            value,
            percent: false,
            unit: Some("in".to_string()),
            target: Target::closed(Range::rounded(value, Decimal::ONE).ok()?),
            places: 0,
        };
        to = vec![(inch, "")];
    } else {
        widen(&mut stated.target, qb);
    }
    let stated_value = stated.value;
    // Of several readings (tons, gallons), the one that converts closest to the stated figure.
    let mut best: Option<(Decimal, Decimal, Decimal, &str, &str)> = None;
    for &(fa, na) in &from {
        for &(fb, nb) in &to {
            let v = input.value.checked_mul(fa)?.checked_div(fb)?;
            let d = (v - stated_value).abs();
            if best.is_none_or(|(bd, ..)| d < bd) {
                best = Some((d, fa, fb, na, nb));
            }
        }
    }
    let (_, fa, fb, na, nb) = best?;
    let (expr, constant) = factor_expr(fa, fb)?;
    let mut notes = Vec::new();
    for n in [na, nb] {
        if !n.is_empty() {
            notes.push(format!("read as {n}"));
        }
    }
    Some(Claim {
        rule: RULE.id,
        stated,
        expr,
        inputs: vec![input, constant],
        missing: None,
        note: (!notes.is_empty()).then(|| notes.join(", ")),
        id: None,
    })
}

/// The first figure as an operand, joined with a measure right before it when the two make
/// one ("6 ft 2 in", in inches). `None` when another measure stands right before it and the
/// two make no compound.
fn first_figure(doc: &Doc<'_>, si: usize, a: usize) -> Option<Operand> {
    let qa = &doc.quantities[a];
    // A comparative hedge ("well over seven feet (2.1 metres)") holds for both figures.
    let op = doc.operand_unhedged(a)?;
    let toks = doc.tokens(si);
    let at = doc.token_of(si, a)?;
    let before = |k: usize| toks.get(at.checked_sub(k)?);
    let p = match (before(1), before(2)) {
        (Some(t), _) if t.quantity().is_some() => t.quantity(),
        (Some(t), Some(u)) if t.cues.has(Cue::And) => u.quantity(),
        _ => None,
    };
    let Some(p) = p else {
        return Some(op);
    };
    let qp = &doc.quantities[p];
    if qp.kind != Kind::Measure {
        return Some(op);
    }
    let pair = (qp.unit.as_deref()?, qa.unit.as_deref()?);
    if !COMPOUNDS.contains(&pair) {
        return None;
    }
    let (_, sizes_p) = unit(qp)?;
    let (_, sizes_a) = unit(qa)?;
    let (sp, sa) = (sizes_p.first()?.0, sizes_a.first()?.0);
    let pop = doc.operand(p)?;
    // The whole in the smaller unit: 6 ft 2 in = 6 × 12 + 2 inches.
    let k = sp.checked_div(sa)?;
    let value = pop.value.checked_mul(k)?.checked_add(op.value)?;
    let range = Range {
        lo: pop.value.checked_mul(k)?.checked_add(op.range.lo)?,
        hi: pop.value.checked_mul(k)?.checked_add(op.range.hi)?,
    };
    Some(Operand {
        text: doc.text[qp.span.start..qa.span.end].to_string(),
        value,
        range,
        span: Some(Span::new(qp.span.start, qa.span.end)),
        fact: None,
    })
}

/// Input × (from ÷ to), or Input ÷ (to ÷ from) when only that writes the factor exactly
/// ("÷ 1.609344" rather than "× 0.621371192…").
fn factor_expr(from: Decimal, to: Decimal) -> Option<(Expr, Operand)> {
    let exact = |d: Decimal| d.normalize().scale() <= 12;
    let times = from.checked_div(to)?;
    let per = to.checked_div(from)?;
    Some(if !exact(times) && exact(per) {
        (
            Expr::Input(0) / Expr::Input(1),
            Operand::constant(per, &per.normalize().to_string()),
        )
    } else {
        let shown = if exact(times) {
            times.normalize()
        } else {
            times.round_dp(9).normalize()
        };
        (
            Expr::Input(0) * Expr::Input(1),
            Operand::constant(times, &shown.to_string()),
        )
    })
}

/// Lets a whole converted figure ending in zeros stand for its rounding at its last non-zero
/// digit ("220 lb" is 215–225 lb, "300 miles" 250–350), unless a hedge already says what it
/// allows. A power of ten rounds values of its own magnitude from above only: "100" is what
/// 95–150 round to, not 54 ("100 kg (120 lb)" stays wrong).
fn widen(t: &mut Target, q: &Quantity) {
    let (Some(v), Some(p)) = (q.value, q.precision) else {
        return;
    };
    if q.hedge.is_some() || p < Decimal::ONE || v.is_zero() || !v.fract().is_zero() {
        return;
    }
    let mut unit = p;
    let ten = Decimal::TEN;
    while let Some(next) = unit.checked_mul(ten) {
        if next > v.abs() || !(v % next).is_zero() {
            break;
        }
        unit = next;
    }
    if unit <= p {
        return;
    }
    let half = unit / Decimal::TWO;
    let below = if v.abs() == unit { half / ten } else { half };
    let (lo, hi) = if v.is_sign_negative() {
        (v - half, v + below)
    } else {
        (v - below, v + half)
    };
    *t = Target::closed(Range { lo, hi });
}

/// Lets a whole first figure ending in zeros stand for its rounding at its last non-zero digit
/// ("3,600 km" is 3,550–3,650 km): it may be the rounded conversion of the figure in brackets.
fn widen_input(o: &mut Operand, q: &Quantity) {
    // A compound ("6 feet 10 inches") is not the figure of its last part.
    if Some(o.value) != q.value {
        return;
    }
    let mut t = Target::closed(o.range);
    widen(&mut t, q);
    if let (Some((lo, _)), Some((hi, _))) = (t.lo, t.hi) {
        o.range = Range {
            lo: lo.min(o.range.lo),
            hi: hi.max(o.range.hi),
        };
    }
}

/// °C and °F: a reading converts with the offset, a difference without it. The words around
/// quantity `ctx`, the figure written first, decide which it is.
fn temperature(doc: &Doc<'_>, si: usize, a: usize, b: usize, ctx: usize) -> Option<Claim> {
    let (qa, qb) = (&doc.quantities[a], &doc.quantities[b]);
    let (ua, ub) = (qa.unit.as_deref()?, qb.unit.as_deref()?);
    let c_to_f = match (ua, ub) {
        ("°C", "°F") => true,
        ("°F", "°C") => false,
        _ => return None,
    };
    // Temperatures are given to the degree: "-30 °C" is no rounded "-25 °C".
    let input = doc.operand(a)?;
    let stated = doc.stated(b)?;
    let k = Decimal::new(18, 1);
    let thirty_two = Decimal::from(32);
    let reading = if c_to_f {
        input.value * k + thirty_two
    } else {
        (input.value - thirty_two) / k
    };
    let difference = if c_to_f {
        input.value * k
    } else {
        input.value / k
    };
    let fits = |v: Decimal| stated.target.contains(v.round_dp(10));
    let toks = doc.tokens(si);
    let is_difference = toks.iter().any(|t| t.cues.meets(DIFFERENCE));
    let is_reading = doc
        .token_of(si, ctx)
        .and_then(|k| toks[..k].iter().rev().find(|t| t.tok == Tok::Word))
        .is_some_and(|t| t.cues.meets(READING));
    let as_difference = if fits(reading) {
        false
    } else if fits(difference) {
        // The conversion of a difference: a slip only where the text makes it a reading.
        if is_difference || !is_reading {
            return None;
        }
        false
    } else {
        is_difference && !is_reading
    };
    let (expr, inputs, note) = if as_difference {
        (
            if c_to_f {
                Expr::Input(0) * Expr::Input(1)
            } else {
                Expr::Input(0) / Expr::Input(1)
            },
            vec![input, Operand::constant(k, "1.8")],
            Some("converted as a difference of temperatures, without the 32° offset".to_string()),
        )
    } else {
        let note = (!fits(reading) && fits(difference)).then(|| {
            format!(
                "{} {ub} is what a difference of {} converts to, not a temperature",
                stated_text_value(&stated.text),
                doc.text_of(a)
            )
        });
        (
            if c_to_f {
                Expr::Input(0) * Expr::Input(1) + Expr::Input(2)
            } else {
                (Expr::Input(0) - Expr::Input(2)) / Expr::Input(1)
            },
            vec![
                input,
                Operand::constant(k, "1.8"),
                Operand::constant(thirty_two, "32"),
            ],
            note,
        )
    };
    Some(Claim {
        rule: RULE.id,
        stated,
        expr,
        inputs,
        missing: None,
        note,
        id: None,
    })
}

/// The figure of a stated text without its unit: "36 °F" → "36".
fn stated_text_value(s: &str) -> &str {
    s.split(['°', ' ']).next().unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use crate::check::Verdict;
    use crate::claims::rules::tests::run;

    #[test]
    fn temperatures() {
        let v = run(
            "conversion",
            "On Monday the temperature fell to -25 °C (-13 °F), and it snowed.",
        );
        assert_eq!(
            v,
            [(
                Verdict::Ok,
                "-25 °C × 1.8 + 32 = -13, the text says -13 °F".to_string()
            )]
        );
        let v = run("conversion", "It was -30 °C (-22 °F) in the morning.");
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        let v = run("conversion", "It was -13 °F (-25 °C) in the morning.");
        assert_eq!(
            v,
            [(
                Verdict::Ok,
                "(-13 °F − 32) ÷ 1.8 = -25, the text says -25 °C".to_string()
            )]
        );
        let v = run("conversion", "It was -30 °C (-30 °F) in the morning.");
        assert_eq!(v[0].0, Verdict::Mismatch, "{v:?}");
        // The difference formula where the text makes it a reading.
        let v = run("conversion", "At noon the water reached 20 °C (36 °F).");
        assert_eq!(v[0].0, Verdict::Mismatch, "{v:?}");
        assert!(
            v[0].1
                .contains("36 °F is what a difference of 20 °C converts to"),
            "{}",
            v[0].1
        );
        // A difference, said as one.
        let v = run(
            "conversion",
            "Temperatures rose by 2 °C (3.6 °F) since 1900.",
        );
        assert!(v.is_empty(), "{v:?}");
        let v = run("conversion", "Temperatures rose by 2 °C (6 °F) since 1900.");
        assert_eq!(v[0].0, Verdict::Mismatch, "{v:?}");
        assert!(v[0].1.contains("as a difference"), "{}", v[0].1);
    }

    #[test]
    fn lengths_masses_volumes() {
        let v = run("conversion", "The walk is 5 km (3.1 miles) long.");
        assert_eq!(
            v,
            [(
                Verdict::Ok,
                "5 km ÷ 1.609344 = 3.11, the text says 3.1 miles".to_string()
            )]
        );
        let v = run("conversion", "and 14 cm (5.5 inches) of snow fell.");
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        let v = run("conversion", "He lifted 100 kg (220 lb) easily.");
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        let v = run("conversion", "He lifted 100 kg (120 lb) easily.");
        assert_eq!(v[0].0, Verdict::Mismatch, "{v:?}");
        // 3.4 miles is 5.47 km: the kilometres may be the rounded figure.
        let v = run("conversion", "The walk is 5 km (3.4 miles) long.");
        assert_eq!(
            v,
            [(
                Verdict::Ok,
                "3.4 miles × 1.609344 = 5.5, the text says 5 km".to_string()
            )]
        );
        // Neither figure converts to the other, but 5.45–5.55 km reaches 3.45 miles.
        let v = run("conversion", "The walk is 5.5 km (3.45 miles) long.");
        assert_eq!(v[0].0, Verdict::Imprecise, "{v:?}");
        let v = run("conversion", "The tower is 1,000 m (3,300 ft) high.");
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        let v = run("conversion", "The tank holds 10 litres (2.6 gallons).");
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        let v = run("conversion", "He drove at 30 mph (48 km/h) through town.");
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        let v = run(
            "conversion",
            "It is 200 miles (320 km) away, or 500 km (310 miles).",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert!(v.iter().all(|(x, _)| *x == Verdict::Ok), "{v:?}");
    }

    #[test]
    fn either_figure_may_be_the_original() {
        // 2,250 miles is 3,621 km, which rounds to 3,600 km.
        let v = run(
            "conversion",
            "The river is 3,600 kilometres (2,250 miles) long.",
        );
        assert_eq!(
            v,
            [(
                Verdict::Ok,
                "2,250 miles × 1.609344 = 3621, the text says 3,600 kilometres".to_string()
            )]
        );
        // Neither way: 225 km is 139.8 miles, 135 miles is 217 km.
        let v = run(
            "conversion",
            "The tracks were blown up 225 km (135 miles) east of Lima.",
        );
        assert_eq!(v[0].0, Verdict::Mismatch, "{v:?}");
    }

    #[test]
    fn compounds_and_ambiguous_units() {
        let v = run("conversion", "He stands 6 feet 2 inches (1.88 m) tall.");
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        // The inches' trailing zero widens nothing: 6 ft 10 in is 2.08 m.
        let v = run("conversion", "He stands 6 feet 10 inches (1.5 m) tall.");
        assert_eq!(v[0].0, Verdict::Mismatch, "{v:?}");
        // Imperial gallons fit where US gallons don't.
        let v = run("conversion", "The tank holds 10 litres (2.2 gallons).");
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        assert!(v[0].1.contains("imperial"), "{}", v[0].1);
    }

    #[test]
    fn does_not_fire_on_other_brackets() {
        assert!(run("conversion", "He ran 5 km (10 km last year).").is_empty());
        assert!(run("conversion", "The river is 5 km (and 3 km wide).").is_empty());
        assert!(run("conversion", "The loop is 5 km (5 km).").is_empty());
        assert!(run("conversion", "He ran 5 km (20 minutes).").is_empty());
        assert!(run("conversion", "It was 5 km wide (3 km at its narrowest).").is_empty());
        assert!(run("conversion", "A 5–10 km (3–6 miles) walk.").is_empty());
        // A mixed number the recognizer reads in part: "1 1⁄4 inches".
        assert!(run("conversion", "The 1 1⁄4 inches (32 mm) boards.").is_empty());
        // Bare degrees have no scale.
        assert!(run("conversion", "It was 30° (86 °F) at noon.").is_empty());
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_text_made_of_its_cues(text in "(-?[0-9]{1,4}(\\.[0-9])? ?(km|miles|kg|lb|cm|inches|feet|m|°C|°F|tons|gallons|litres|oz|ml)|\\(|\\)|, or |by|to|rose| |\\.|1 1⁄2|İ){0,30}") {
            let _ = run("conversion", &text);
        }
    }
}
