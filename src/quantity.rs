//! Quantities: what a number in a text states, with its exact value, kind, unit, precision,
//! hedge and span.
//!
//! Values are never floats: a [`Quantity`] holds a [`Decimal`], and everything that leaves the
//! library (JSON, SARIF) writes decimals as strings in plain notation.

use rust_decimal::Decimal;
use serde::Serialize;

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
    pub hedge: Option<Hedge>,
    /// Place value of the last written digit after scaling ("3.76 million" → 10000).
    pub precision: Option<Decimal>,
    /// ISO date for dates ("2026-02-04"; "--01-23" without a year), "HH:MM" for times.
    pub date: Option<String>,
    /// How an ambiguous separator ("1.000") was read, when it was ambiguous.
    pub reading: Option<Reading>,
    /// The digits stand for a number beyond the exact range (28 significant digits).
    pub too_large: bool,
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
        }
    }
}

/// A decimal in plain notation without trailing fractional zeros: `8.790` → "8.79",
/// `3.76e6` → "3760000".
pub fn plain(d: &Decimal) -> String {
    d.normalize().to_string()
}
