//! What the spelled-number parsers ([`super::words_en`], [`super::words_de`]) return.
//!
//! A spelled number is a phrase of number words such as "two hundred and thirty-one",
//! "a third", "twenty-first", "zweieinhalb", "dreihundert Milliarden". Both parsers work on the
//! text that starts at a word boundary and report how many bytes of it the phrase covers.

use rust_decimal::Decimal;

/// A spelled number found at the start of the parser's input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spelled {
    /// Bytes of the input that the phrase covers (trailing white space is not included).
    pub len: usize,
    /// The exact value; for fractions the quotient rounded to 28 significant digits.
    pub value: Decimal,
    /// Place value of the least significant word: "twenty-one" → 1, "three million" →
    /// 1000000, "two point five" → 0.1. `None` for fractions and vague amounts.
    pub precision: Option<Decimal>,
    /// What kind of number the phrase states.
    pub form: Form,
}

/// The grammatical form of a spelled number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// "three hundred", "zweiundvierzig".
    Cardinal,
    /// "two thirds", "a quarter", "half", "one in five", "zwei Drittel": value is the quotient.
    Fraction,
    /// "twenty-first", "dritte": value is the position.
    Ordinal,
    /// "twice", "double", "three times (as ...)", "tenfold", "doppelt": value is the factor.
    Multiple,
    /// "thousands (of)", "tens of thousands", "dozens", "Hunderte": `value` is the lower bound
    /// the phrase implies (thousands → 2000, tens of thousands → 20000, dozens → 24).
    Vague,
}
