//! Quantities: what a number in a text states, with its exact value, kind, unit, precision,
//! hedge and span.
//!
//! Values are never floats: a [`Quantity`] holds a [`Decimal`], and everything that leaves the
//! library (JSON, SARIF) writes decimals as strings in plain notation.

use crate::lex::sieve::{Edge, Sieve};
use rust_decimal::Decimal;
use serde::Serialize;
use std::sync::LazyLock;

/// A half-open byte range `start..end` in the text that was scanned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

/// What a number in a text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A plain amount or count: "380.000 workers", "3.76 million".
    Number,
    /// "8.79%", "23 percent", "zwanzig Prozent": `value` is the percent figure.
    Percent,
    /// "2 percentage points", "15 Prozentpunkte".
    PercentagePoints,
    /// "5‰".
    PerMille,
    /// "$1.19 trillion", "1,19 Billionen Euro": `unit` is the currency code.
    Money,
    /// "23rd", "third", "3." in German: `value` is the position.
    Ordinal,
    /// "two thirds", "1/3", "½", "one in five": `value` is the quotient.
    Fraction,
    /// "twice", "three times as", "tenfold": `value` is the factor.
    Multiple,
    /// "50,000–100,000", "between 50,000 and 100,000": `low` and `high` are set.
    Range,
    /// "04.02.2026", "4 February 2026": `date` holds the ISO date (or "--MM-DD" without a year).
    Date,
    /// "in 1934": `value` is the year.
    Year,
    /// "10:30", "10.30 Uhr".
    Time,
    /// "-30° Celsius", "5 °F": `unit` is "°C", "°F" or "°".
    Temperature,
    /// A measure with a unit: "5 km", "100 kg", "12 m²".
    Measure,
    /// A number that names rather than counts: "local 574", "No. 5", "v1.2.3", "[12]", an IP
    /// address, a phone number, an ISBN.
    Identifier,
    /// "thousands of", "tens of thousands", "Hunderte": `low` is the lower bound implied.
    Vague,
}

impl Kind {
    /// Whether the number states an amount that arithmetic can use.
    pub fn is_quantity(self) -> bool {
        !matches!(
            self,
            Kind::Date | Kind::Year | Kind::Time | Kind::Identifier | Kind::Ordinal
        )
    }
}

/// Which way a hedge bends the stated value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HedgeKind {
    /// about, around, roughly, approximately, some, rund, etwa, ca.
    About,
    /// nearly, almost, just under, knapp, fast: a little below the value.
    JustUnder,
    /// just over, a little more than: a little above the value.
    JustOver,
    /// more than, over, above, mehr als, über: strictly above.
    MoreThan,
    /// less than, under, below, weniger als, unter: strictly below.
    LessThan,
    /// at least, mindestens, no fewer than.
    AtLeast,
    /// at most, up to, bis zu, höchstens.
    AtMost,
    /// exactly, genau: no rounding.
    Exactly,
}

/// A hedge word that qualifies a number: "just under 20%".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hedge {
    /// The words as written, e.g. "just under".
    pub text: String,
    pub kind: HedgeKind,
    pub span: Span,
}

/// How a number's digit grouping was read, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reading {
    /// "grouping" (the separator groups thousands) or "decimal" (it is a decimal mark).
    pub separator_as: &'static str,
    /// The evidence that decided, in words.
    pub reason: String,
}

/// One number found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    pub span: Span,
    /// The value; `None` where the text states none (a date, an IP address) or the number is
    /// too large to hold exactly (see `too_large`).
    pub value: Option<Decimal>,
    pub kind: Kind,
    /// "%", "pp", "‰", a currency code, a unit symbol, "°C".
    pub unit: Option<String>,
    /// Lower and upper bound for ranges, vague amounts and comparative hedges.
    pub low: Option<Decimal>,
    pub high: Option<Decimal>,
    pub hedge: Option<Box<Hedge>>,
    /// Place value of the last written digit after scaling ("3.76 million" → 10000).
    pub precision: Option<Decimal>,
    /// ISO date for dates ("2026-02-04"; "--01-23" without a year), "HH:MM" for times.
    pub date: Option<String>,
    /// How an ambiguous separator ("1.000") was read, when it was ambiguous.
    pub reading: Option<Box<Reading>>,
    /// The digits stand for a number beyond the exact range (28 significant digits).
    pub too_large: bool,
    /// The factor of a scale word that multiplied the digits ("million" → 1000000).
    pub scale: Option<Decimal>,
    /// The value is the exact result rounded to the 28 significant digits a decimal holds
    /// ("1.1^300"); `precision` then gives the place value of its last digit.
    pub inexact: bool,
}

impl Quantity {
    /// A quantity of `kind` at `span` with `value` and nothing else set.
    pub fn new(span: Span, kind: Kind, value: Option<Decimal>) -> Self {
        Quantity {
            span,
            value,
            kind,
            unit: None,
            low: None,
            high: None,
            hedge: None,
            precision: None,
            date: None,
            reading: None,
            too_large: false,
            scale: None,
            inexact: false,
        }
    }
}

/// A decimal in plain notation without trailing fractional zeros: `8.790` → "8.79",
/// `3.76e6` → "3760000".
pub fn plain(d: &Decimal) -> String {
    let n = d.normalize();
    // The digits of the mantissa, last first, as `Decimal`'s `Display` writes them but
    // without its formatting machinery (this runs for every number reported).
    let mut digits = [0u8; 40];
    let mut len = 0;
    let m = n.mantissa().unsigned_abs();
    if let Ok(mut m) = u64::try_from(m) {
        while m > 0 {
            digits[len] = b'0' + (m % 10) as u8;
            m /= 10;
            len += 1;
        }
    } else {
        let mut m = m;
        while m > 0 {
            digits[len] = b'0' + (m % 10) as u8;
            m /= 10;
            len += 1;
        }
    }
    let scale = n.scale() as usize;
    while len < scale {
        digits[len] = b'0';
        len += 1;
    }
    let mut s = String::with_capacity(len + 3);
    if n.is_sign_negative() {
        s.push('-');
    }
    if len == 0 {
        s.push('0');
        return s;
    }
    let whole = len - scale;
    if whole == 0 {
        s.push('0');
    }
    for (k, &d) in digits[..len].iter().rev().enumerate() {
        if k == whole {
            s.push('.');
        }
        s.push(char::from(d));
    }
    s
}

/// Hedge phrases that stand before a number, longest first within each language.
const HEDGES: &[(&str, HedgeKind)] = &[
    ("a little more than", HedgeKind::JustOver),
    ("a little less than", HedgeKind::JustUnder),
    ("slightly more than", HedgeKind::JustOver),
    ("slightly less than", HedgeKind::JustUnder),
    ("greater than or equal to", HedgeKind::AtLeast),
    ("more than or equal to", HedgeKind::AtLeast),
    ("less than or equal to", HedgeKind::AtMost),
    ("greater or equal than", HedgeKind::AtLeast),
    ("higher or equal than", HedgeKind::AtLeast),
    ("larger or equal than", HedgeKind::AtLeast),
    ("less or equal than", HedgeKind::AtMost),
    ("lower or equal than", HedgeKind::AtMost),
    ("smaller or equal than", HedgeKind::AtMost),
    ("greater than", HedgeKind::MoreThan),
    ("larger than", HedgeKind::MoreThan),
    ("higher than", HedgeKind::MoreThan),
    ("bigger than", HedgeKind::MoreThan),
    ("smaller than", HedgeKind::LessThan),
    ("lower than", HedgeKind::LessThan),
    ("no more than", HedgeKind::AtMost),
    ("no fewer than", HedgeKind::AtLeast),
    ("no less than", HedgeKind::AtLeast),
    ("more than", HedgeKind::MoreThan),
    ("fewer than", HedgeKind::LessThan),
    ("less than", HedgeKind::LessThan),
    ("just under", HedgeKind::JustUnder),
    ("just below", HedgeKind::JustUnder),
    ("just over", HedgeKind::JustOver),
    ("just above", HedgeKind::JustOver),
    ("well over", HedgeKind::MoreThan),
    ("well under", HedgeKind::LessThan),
    ("upwards of", HedgeKind::MoreThan),
    ("in excess of", HedgeKind::MoreThan),
    ("at least", HedgeKind::AtLeast),
    ("at most", HedgeKind::AtMost),
    ("up to", HedgeKind::AtMost),
    ("as many as", HedgeKind::AtMost),
    ("close to", HedgeKind::JustUnder),
    ("nearly", HedgeKind::JustUnder),
    ("almost", HedgeKind::JustUnder),
    ("approximately", HedgeKind::About),
    ("approx.", HedgeKind::About),
    ("roughly", HedgeKind::About),
    ("around", HedgeKind::About),
    ("about", HedgeKind::About),
    ("some", HedgeKind::About),
    ("circa", HedgeKind::About),
    ("ca.", HedgeKind::About),
    ("c.", HedgeKind::About),
    ("~", HedgeKind::About),
    ("≈", HedgeKind::About),
    ("over", HedgeKind::MoreThan),
    ("above", HedgeKind::MoreThan),
    ("under", HedgeKind::LessThan),
    ("below", HedgeKind::LessThan),
    ("exactly", HedgeKind::Exactly),
    ("precisely", HedgeKind::Exactly),
    ("weniger als", HedgeKind::LessThan),
    ("mehr als", HedgeKind::MoreThan),
    ("bis zu", HedgeKind::AtMost),
    ("knapp über", HedgeKind::JustOver),
    ("knapp unter", HedgeKind::JustUnder),
    ("gut", HedgeKind::JustOver),
    ("knapp", HedgeKind::JustUnder),
    ("fast", HedgeKind::JustUnder),
    ("beinahe", HedgeKind::JustUnder),
    ("nahezu", HedgeKind::JustUnder),
    ("rund", HedgeKind::About),
    ("etwa", HedgeKind::About),
    ("ungefähr", HedgeKind::About),
    ("annähernd", HedgeKind::About),
    ("zirka", HedgeKind::About),
    ("über", HedgeKind::MoreThan),
    ("unter", HedgeKind::LessThan),
    ("mindestens", HedgeKind::AtLeast),
    ("höchstens", HedgeKind::AtMost),
    ("maximal", HedgeKind::AtMost),
    ("genau", HedgeKind::Exactly),
];

static HEDGE_SIEVE: LazyLock<Sieve> =
    LazyLock::new(|| Sieve::new(HEDGES.iter().map(|h| h.0), Edge::Back));

/// The hedge that ends right before `start` in `text`, if any.
pub fn hedge_before(text: &str, start: usize) -> Option<Hedge> {
    let before = text[..start].trim_end();
    for (phrase, kind) in HEDGE_SIEVE.candidates(before).map(|k| &HEDGES[k]) {
        let n = phrase.len();
        if before.len() < n || !before.is_char_boundary(before.len() - n) {
            continue;
        }
        let tail = &before[before.len() - n..];
        if !tail.eq_ignore_ascii_case(phrase) {
            continue;
        }
        let hs = before.len() - n;
        let symbol = !phrase.starts_with(|c: char| c.is_alphabetic());
        // "20~100" is a range, not "about 100".
        if symbol && before[..hs].ends_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        if !symbol
            && before[..hs]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        return Some(Hedge {
            text: tail.to_string(),
            kind: *kind,
            span: Span::new(hs, before.len()),
        });
    }
    None
}

/// Kinds that can be the ends of a range.
fn rangeable(k: Kind) -> bool {
    matches!(
        k,
        Kind::Number
            | Kind::Fraction
            | Kind::Percent
            | Kind::Money
            | Kind::Measure
            | Kind::Temperature
            | Kind::PercentagePoints
    )
}

/// Adds hedges to the quantities found in `text` and joins the two ends of ranges ("50,000–
/// 100,000", "between 50,000 and 100,000", "zwischen 5 und 10 Prozent", "5-10%") into one.
///
/// The work is done in place: a quantity's hedge depends on the text alone, and each
/// quantity is then joined with the one kept before it, which may be a range already.
pub fn refine(text: &str, found: Vec<Quantity>) -> Vec<Quantity> {
    let mut out = found;
    for q in &mut out {
        // A bound on an ordinal may have its article: "higher than the tenth".
        let hedge_end = match (q.kind, text[..q.span.start].strip_suffix("the ")) {
            (Kind::Ordinal, Some(head)) => Some(head.len()),
            (Kind::Ordinal, None) => None,
            _ => Some(q.span.start),
        };
        if (q.kind.is_quantity() || q.kind == Kind::Ordinal)
            && let Some(h) = hedge_end.and_then(|e| hedge_before(text, e))
            && (q.kind != Kind::Ordinal || bounds_from_below(&h).is_some())
        {
            apply_hedge(q, h);
        }
    }
    abbreviated_years(text, &mut out);
    // `dedup_by` hands each quantity with the last one kept; a join replaces that one.
    out.dedup_by(|q, prev| {
        let joined = join_bounds(text, prev, q)
            .or_else(|| join_range(text, prev, q))
            .or_else(|| join_money(text, prev, q));
        joined.map(|r| *prev = r).is_some()
    });
    // Readings of different kinds can still claim the same characters ("4 Dez 3" as "4 Dez"
    // and "Dez 3", "1between 5 and 9" as an identifier and a range): the longer stays, so that
    // no two spans overlap downstream.
    out.dedup_by(|q, prev| {
        if q.span.start >= prev.span.end {
            return false;
        }
        if q.span.end - q.span.start > prev.span.end - prev.span.start {
            std::mem::swap(q, prev);
        }
        true
    });
    out
}

/// "1950-53", "1914–18", "2019/20": two digits right after a year and a dash or slash are a
/// later year of the same century (1953), when they come after the first year's last two.
fn abbreviated_years(text: &str, out: &mut [Quantity]) {
    for k in 1..out.len() {
        let (done, rest) = out.split_at_mut(k);
        let (y, q) = (&mut done[k - 1], &mut rest[0]);
        let digits = |q: &Quantity, n: usize| {
            text.get(q.span.start..q.span.end)
                .is_some_and(|t| t.len() == n && t.bytes().all(|b| b.is_ascii_digit()))
        };
        // "in den Jahren 1212-14": a plain four-digit figure before is the first year.
        let year_like = y.kind == Kind::Year
            || (y.kind == Kind::Number
                && y.unit.is_none()
                && digits(y, 4)
                && y.value.is_some_and(|v| v >= Decimal::from(1000)));
        if !year_like
            || q.kind != Kind::Number
            || !digits(q, 2)
            || y.span.end > q.span.start
            || !matches!(text.get(y.span.end..q.span.start), Some("-" | "–" | "/"))
        {
            continue;
        }
        let (Some(first), Some(v)) = (y.value, q.value) else {
            continue;
        };
        let century = (first / Decimal::ONE_HUNDRED).trunc() * Decimal::ONE_HUNDRED;
        let year = century + v;
        if year > first {
            y.kind = Kind::Year;
            q.kind = Kind::Year;
            q.value = Some(year);
            q.precision = Some(Decimal::ONE);
        }
    }
}

/// Sets the bounds a comparative hedge implies ("more than 5" → low 5).
fn apply_hedge(q: &mut Quantity, h: Hedge) {
    if q.kind != Kind::Range {
        match h.kind {
            HedgeKind::MoreThan | HedgeKind::AtLeast | HedgeKind::JustOver => q.low = q.value,
            HedgeKind::LessThan | HedgeKind::AtMost | HedgeKind::JustUnder => q.high = q.value,
            HedgeKind::About | HedgeKind::Exactly => {}
        }
    }
    q.hedge = Some(Box::new(h));
}

/// Minor units that make up a hundredth of a currency.
const MINOR: &[&str] = &["cent", "pence", "sen"];

/// An amount in a currency and its hundredths: "$20 and 43 cents", "15 Dollar und 15 Cent",
/// "3 dollars 50 cents", "15 dollars 50". The hundredths are a number below 100, with a minor
/// unit or none.
fn join_money(text: &str, a: &Quantity, b: &Quantity) -> Option<Quantity> {
    let major = a.unit.as_deref()?;
    if a.kind != Kind::Money || MINOR.contains(&major) || a.span.end > b.span.start {
        return None;
    }
    let gap = text[a.span.end..b.span.start].trim();
    if !matches!(gap, "" | "and" | "und") {
        return None;
    }
    let minor = b.value?;
    let with_minor = b.kind == Kind::Money && b.unit.as_deref().is_some_and(|u| MINOR.contains(&u));
    let bare = b.kind == Kind::Number && b.unit.is_none() && b.scale.is_none();
    // A bare number after the currency must end the phrase ("15 dollars 50.", not "50 more").
    let ends = text[b.span.end..]
        .trim_start()
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    if !(with_minor || (bare && ends))
        || minor.is_sign_negative()
        || minor >= Decimal::ONE_HUNDRED
        || !minor.fract().is_zero()
    {
        return None;
    }
    let mut q = a.clone();
    q.value = a.value?.checked_add(minor / Decimal::ONE_HUNDRED);
    q.span.end = b.span.end;
    q.precision = Some(Decimal::new(1, 2));
    q.low = None;
    q.high = None;
    if let Some(h) = q.hedge.take() {
        apply_hedge(&mut q, *h);
    }
    Some(q)
}

/// Whether a hedge bounds its value from below (`Some(true)`), from above (`Some(false)`), or
/// neither.
fn bounds_from_below(h: &Hedge) -> Option<bool> {
    match h.kind {
        HedgeKind::MoreThan | HedgeKind::AtLeast => Some(true),
        HedgeKind::LessThan | HedgeKind::AtMost => Some(false),
        _ => None,
    }
}

/// Two opposite bounds joined into a range: "greater than 100 and smaller than 300", "at most
/// 100 and at least 20", "above 1000 and below 1500".
fn join_bounds(text: &str, a: &Quantity, b: &Quantity) -> Option<Quantity> {
    let (ha, hb) = (a.hedge.as_ref()?, b.hedge.as_ref()?);
    let (da, db) = (bounds_from_below(ha)?, bounds_from_below(hb)?);
    let ok_kind = rangeable(a.kind) || a.kind == Kind::Ordinal;
    if da == db || !ok_kind || a.kind != b.kind || a.unit != b.unit {
        return None;
    }
    let gap = text.get(a.span.end..hb.span.start)?.trim();
    if !matches!(gap, "and" | "but" | "," | "und" | "aber") {
        return None;
    }
    let (lo, hi) = if da { (a, b) } else { (b, a) };
    // "more than 40 and less than 10" are two bounds that meet nowhere (or, "less than 10,
    // more than 10", in one point at most), not a range.
    if let (Some(l), Some(h)) = (lo.value, hi.value)
        && l >= h
    {
        return None;
    }
    let mut r = Quantity::new(Span::new(ha.span.start, b.span.end), Kind::Range, None);
    r.low = lo.value;
    r.high = hi.value;
    r.unit = a.unit.clone();
    r.precision = b.precision;
    Some(r)
}

/// `s` without the " the"s at its end (`trim_end_matches(" the")` without building a
/// substring searcher).
fn without_the(mut s: &str) -> &str {
    while let Some(t) = s.strip_suffix(" the") {
        s = t;
    }
    s
}

/// Words before "A to B" that make it a change, not a range.
const CHANGE_WORDS: &[&str] = &[
    "from",
    "rose",
    "fell",
    "up",
    "down",
    "by",
    "increased",
    "decreased",
    "climbed",
    "dropped",
    "jumped",
    "gained",
    "lost",
    "slipped",
    "declined",
    "grew",
    "rising",
    "falling",
    "surged",
    "slumped",
    "plunged",
    "eased",
    "edged",
    "cut",
    "raised",
    "lowered",
    "risen",
    "fallen",
];

/// The range that `a` and `b` form with the text between them, if they form one.
fn join_range(text: &str, a: &Quantity, b: &Quantity) -> Option<Quantity> {
    let ordinals = a.kind == Kind::Ordinal && b.kind == Kind::Ordinal;
    if !(ordinals || rangeable(a.kind) && rangeable(b.kind)) || a.span.end > b.span.start {
        return None;
    }
    // A hedge of "about" on the second end stays inside the range ("2 l und etwa 7 l").
    let b_start = match &b.hedge {
        Some(h) if h.kind == HedgeKind::About => h.span.start,
        Some(_) => return None,
        None => b.span.start,
    };
    if a.hedge.as_ref().is_some_and(|h| h.kind != HedgeKind::About) {
        return None;
    }
    let gap = &text[a.span.end..b_start.max(a.span.end)];
    let dash = matches!(
        without_the(gap.trim()),
        "-" | "–" | "—" | "~" | "to" | "through" | "thru" | "bis" | "and" | "und"
    );
    if !dash {
        return None;
    }
    // Ordinals take articles: "between the tenth and the fifteenth".
    let word = if ordinals {
        without_the(gap.trim())
    } else {
        gap.trim()
    };
    let mut lead = crate::lex::word_before(text, a.span.start);
    if ordinals && let Some((s, "the")) = lead {
        lead = crate::lex::word_before(text, s);
    }
    let lead_word = lead.map(|(_, w)| w);
    // "between A and B", "zwischen A und B"; "A to B" but not "from A to B" (a change).
    let (start, ok) = match word {
        "and" | "und" => match lead {
            Some((s, w))
                if w.eq_ignore_ascii_case("between") || w.eq_ignore_ascii_case("zwischen") =>
            {
                (s, true)
            }
            _ => (a.span.start, false),
        },
        // Nor "rose 1.6 pct to 55.9 pct": a change and its new level. A bare figure before
        // a smaller one with a scale is the range's low end still ("lost 30 to 50
        // thousand"), unless "from" makes it the start of a change.
        "to" => {
            let change = |w: &str| CHANGE_WORDS.iter().any(|c| w.eq_ignore_ascii_case(c));
            let scaled_end = a.kind == Kind::Number
                && a.unit.is_none()
                && a.scale.is_none()
                && b.scale.is_some_and(|k| {
                    b.value
                        .and_then(|v| v.checked_div(k))
                        .is_some_and(|v| a.value.is_some_and(|x| x < v))
                })
                && !lead_word.is_some_and(|w| w.eq_ignore_ascii_case("from"));
            (a.span.start, !lead_word.is_some_and(change) || scaled_end)
        }
        _ => (a.span.start, true),
    };
    if !ok {
        return None;
    }
    // Units must agree where both have one; a unit or scale on the second end alone applies
    // to both ("5-10%", "100 bis 300 Milliarden").
    if a.unit.is_some() && b.unit.is_some() && a.unit != b.unit {
        return None;
    }
    if a.kind != b.kind && a.kind != Kind::Number {
        return None;
    }
    let mut low = a.value?;
    let high = b.value?;
    if a.scale.is_none()
        && let Some(k) = b.scale
    {
        low = low.checked_mul(k)?;
    }
    // "between 50,000 and 10" bounds nothing: two figures, not a range.
    if low > high {
        return None;
    }
    let mut r = Quantity::new(Span::new(start, b.span.end), Kind::Range, None);
    r.low = Some(low);
    r.high = Some(high);
    r.unit = b.unit.clone().or_else(|| a.unit.clone());
    r.precision = b.precision;
    r.scale = b.scale;
    Some(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Setting;

    /// The text, kind, value and bounds of each figure recognised in `text`.
    fn read(text: &str, setting: Setting) -> Vec<(String, Kind, String)> {
        crate::recognize(text, setting)
            .quantities
            .iter()
            .map(|q| {
                let v = |d: Option<Decimal>| d.map(|d| d.normalize().to_string());
                let value = match q.kind {
                    Kind::Range => format!(
                        "{}..{}",
                        v(q.low).unwrap_or_default(),
                        v(q.high).unwrap_or_default()
                    ),
                    _ => v(q.value).unwrap_or_default(),
                };
                (text[q.span.start..q.span.end].to_string(), q.kind, value)
            })
            .collect()
    }

    fn fig(t: &str, k: Kind, v: &str) -> (String, Kind, String) {
        (t.to_string(), k, v.to_string())
    }

    #[test]
    fn abbreviated_second_years_keep_the_century() {
        assert_eq!(
            read("the 1939-45 war", Setting::En),
            vec![
                fig("1939", Kind::Year, "1939"),
                fig("45", Kind::Year, "1945")
            ]
        );
        assert_eq!(
            read("in den Jahren 1212–14 kämpfte er", Setting::De),
            vec![
                fig("1212", Kind::Year, "1212"),
                fig("14", Kind::Year, "1214")
            ]
        );
        // Not a later year: two figures.
        assert_eq!(
            read("in 1998-12 teams", Setting::En)[1],
            fig("12", Kind::Number, "12")
        );
    }

    #[test]
    fn a_scale_after_the_second_figure_scales_the_first() {
        for (text, setting, range) in [
            (
                "Some towns lost 20 to 40 thousand people.",
                Setting::En,
                "20000..40000",
            ),
            ("between 3 and 5 million", Setting::En, "3000000..5000000"),
            (
                "Es kamen 30 bis 50 Millionen.",
                Setting::De,
                "30000000..50000000",
            ),
        ] {
            let got = read(text, setting);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(
                (got[0].1, got[0].2.as_str()),
                (Kind::Range, range),
                "{text}"
            );
        }
        // "from" makes a change: its start stays a figure of its own.
        assert_eq!(read("rose from 3 to 5 million", Setting::En).len(), 2);
    }

    #[test]
    fn plain_writes_what_decimal_display_writes() {
        let mut values: Vec<Decimal> = [
            "0",
            "-0",
            "0.000",
            "-0.00",
            "8.790",
            "3.76e6",
            "-12.5",
            "0.0005",
            "-0.0500",
            "100",
            "1e-28",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "7.9228162514264337593543950335",
            "18446744073709551616",
            "18446744073709551615.5",
        ]
        .iter()
        .filter_map(|t| Decimal::from_scientific(t).or_else(|_| t.parse()).ok())
        .collect();
        for scale in 0..=28 {
            for m in [1i64, -1, 7, 10, -120, 123_456_789, i64::MAX, i64::MIN + 1] {
                values.push(Decimal::new(m, scale));
            }
        }
        assert!(values.len() > 200);
        for d in values {
            assert_eq!(plain(&d), d.normalize().to_string(), "{d:?}");
        }
    }

    #[test]
    fn hedges_are_found_with_their_spans() {
        let t = "make up just under 20% of";
        let h = hedge_before(t, t.find("20").unwrap_or(0)).unwrap();
        assert_eq!(
            (h.text.as_str(), h.kind),
            ("just under", HedgeKind::JustUnder)
        );
        assert_eq!(&t[h.span.start..h.span.end], "just under");
        assert!(
            hedge_before("the cover 5", 10).is_none(),
            "'over' inside a word is no hedge"
        );
        let t = "mehr als 5";
        assert_eq!(hedge_before(t, 9).unwrap().kind, HedgeKind::MoreThan);
    }
}
