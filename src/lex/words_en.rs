//! English number words.
use super::spelled::Spelled;
use rust_decimal::Decimal;

/// Parses an English spelled number at the start of `input` (which starts at a word boundary).
pub fn parse(_input: &str) -> Option<Spelled> {
    None
}

/// Continues a phrase whose first part was a numeral already read (value `value`, precision
/// `precision`): `rest` is the text right after the numeral, e.g. " hundred and 21",
/// " million and a half", " dozens". Returns the whole phrase's value; `len` counts bytes of `rest`.
pub fn continue_after(_value: Decimal, _precision: Decimal, _rest: &str) -> Option<Spelled> {
    None
}

/// Whether a word (as written, any case) can start an English spelled number (cheap pre-filter the
/// scanner calls on every word before calling [`parse`]).
pub fn may_start(_word: &str) -> bool {
    false
}
