//! Digit numerals: the shape of "1.234.567,89", "3.76", "50,000", "1 414 021 100", "12,34,567",
//! ".25", and the readings a shape allows under each convention.
//!
//! Grammar (a *shape* is read without deciding which separator is the decimal mark):
//!
//! ```text
//! numeral   = [sep] digits { sep digits }        ; no two separators in a row
//! sep       = "," | "." | "'" | "’" | " " | NBSP | U+202F | U+2009
//! digits    = DIGIT { DIGIT }
//! ```
//!
//! A plain space joins two digit runs only when the run after it has exactly three digits and the
//! run before it at most three ("40 000", "1 414 021 100", but not "423 0000" or "2019 300").
//! A reading assigns each separator a role (grouping or decimal mark) under a [`Convention`];
//! [`Shape::read`] returns `None` where the shape is not a well-formed number under it.

use rust_decimal::Decimal;

/// At most this many digit runs make one numeral; longer runs are read as identifiers.
pub const MAX_GROUPS: usize = 64;

/// A numeral as written: its digit runs and the separators between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape<'a> {
    /// Byte offset of the first character of the numeral in the scanned text.
    pub start: usize,
    /// The numeral as written.
    pub text: &'a str,
    /// A separator before the first digit run (".25", ",77").
    pub leading: Option<char>,
    /// The digit runs.
    pub groups: Runs<&'a str>,
    /// The separators between the runs (`groups.len() - 1` of them).
    pub seps: Runs<char>,
}

/// How many runs or separators a [`Runs`] holds without allocating.
const INLINE: usize = 4;

/// A list that holds its first few items in place: most numerals have one to three digit
/// runs, and reading one should not allocate. It reads as a slice.
#[derive(Clone)]
pub struct Runs<T> {
    inline: [T; INLINE],
    len: usize,
    /// All the items, once there are more than fit in place.
    spilled: Vec<T>,
}

impl<T: Copy + Default> Runs<T> {
    fn new() -> Self {
        Runs {
            inline: [T::default(); INLINE],
            len: 0,
            spilled: Vec::new(),
        }
    }

    fn push(&mut self, item: T) {
        if self.spilled.is_empty() && self.len < INLINE {
            self.inline[self.len] = item;
            self.len += 1;
            return;
        }
        if self.spilled.is_empty() {
            self.spilled.extend_from_slice(&self.inline);
        }
        self.spilled.push(item);
    }
}

impl<T> std::ops::Deref for Runs<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        if self.spilled.is_empty() {
            &self.inline[..self.len]
        } else {
            &self.spilled
        }
    }
}

impl<T: PartialEq> PartialEq for Runs<T> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: Eq> Eq for Runs<T> {}

impl<T: std::fmt::Debug> std::fmt::Debug for Runs<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

/// How a convention writes numbers: which characters group digits, which one marks decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Convention {
    pub decimal: char,
    /// The grouping character for this convention (spaces and apostrophes group in all).
    pub group: char,
    /// Indian grouping (12,34,567) is allowed.
    pub indian: bool,
}

/// English: 1,234,567.89.
pub const EN: Convention = Convention {
    decimal: '.',
    group: ',',
    indian: true,
};
/// German (and most of continental Europe): 1.234.567,89.
pub const DE: Convention = Convention {
    decimal: ',',
    group: '.',
    indian: false,
};
/// Swiss: 1'234'567.89.
pub const CH: Convention = Convention {
    decimal: '.',
    group: '\'',
    indian: false,
};

/// A numeral read under a convention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Value {
    /// `None` when the digits exceed what a decimal holds exactly (see [`Shape::read`]).
    pub value: Option<Decimal>,
    /// Place value of the last digit written ("3.76" → 0.01, "380.000" read as grouping → 1).
    pub precision: Decimal,
    /// Which separator acted as the decimal mark, if any.
    pub decimal_mark: Option<char>,
    /// Whether any separator grouped digits.
    pub grouped: bool,
}

/// Whether a separator and a digit stand at `i`, so that a digit run ending at `i` may go on.
pub fn separator_at(text: &str, i: usize) -> bool {
    text[i..].chars().next().is_some_and(|c| {
        is_sep(c)
            && text
                .as_bytes()
                .get(i + c.len_utf8())
                .is_some_and(u8::is_ascii_digit)
    })
}

/// Whether `c` separates digit runs in some convention.
pub fn is_sep(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | '\'' | '’' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'
    )
}

/// Whether `c` groups digits in every convention (spaces and apostrophes never mark decimals).
fn is_universal_group(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’')
}

/// Reads the shape of the numeral at `text[pos..]`; `pos` must be at an ASCII digit, or at a
/// '.'/',' followed by one. Returns `None` otherwise.
pub fn shape(text: &str, pos: usize) -> Option<Shape<'_>> {
    let bytes = text.as_bytes();
    let mut i = pos;
    let mut leading = None;
    if i < bytes.len() && (bytes[i] == b'.' || bytes[i] == b',') {
        leading = Some(bytes[i] as char);
        i += 1;
    }
    if i >= bytes.len() || !bytes[i].is_ascii_digit() {
        return None;
    }
    let mut groups = Runs::new();
    let mut seps = Runs::new();
    loop {
        let run_start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        groups.push(&text[run_start..i]);
        if groups.len() >= MAX_GROUPS {
            // Keep consuming so that a pathological run ends as one token (linear time).
            while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                i += 1;
            }
            break;
        }
        // A separator followed by a digit continues the numeral.
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if !is_sep(c) {
            break;
        }
        let after = i + c.len_utf8();
        let next_run = bytes[after..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if next_run == 0 {
            break;
        }
        // Spaces of every width group by threes only ("220\u{a0}2/3" is a mixed fraction).
        let space = matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}');
        if space && (next_run != 3 || groups.last().is_some_and(|g| g.len() > 3)) {
            break;
        }
        seps.push(c);
        i = after;
    }
    Some(Shape {
        start: pos,
        text: &text[pos..i],
        leading,
        groups,
        seps,
    })
}

impl Shape<'_> {
    /// Byte offset just past the numeral.
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// Whether the shape has more digit runs than a number has.
    pub fn is_overlong(&self) -> bool {
        self.groups.len() >= MAX_GROUPS
    }

    /// Reads the shape under `conv`, or `None` where it is not a well-formed number there.
    pub fn read(&self, conv: Convention) -> Option<Value> {
        if self.is_overlong() {
            return None;
        }
        let n = self.seps.len();
        // A leading separator must be the decimal mark and admits no further separators.
        if let Some(l) = self.leading {
            if l != conv.decimal || n > 0 {
                return None;
            }
            return Some(make(&[], self.groups[0], Some(l), false));
        }
        // The decimal mark, if any, is the last separator.
        let (int_groups, int_seps, frac, mark) = match self.seps.last() {
            Some(&c) if c == conv.decimal => (
                &self.groups[..n],
                &self.seps[..n - 1],
                Some(self.groups[n]),
                Some(c),
            ),
            _ => (&self.groups[..], &self.seps[..], None, None),
        };
        if !valid_grouping(int_groups, int_seps, conv) {
            return None;
        }
        let frac = frac.unwrap_or("");
        Some(make(int_groups, frac, mark, !int_seps.is_empty()))
    }
}

/// Whether the integer part's runs are grouped in threes (or the Indian way) by one grouping
/// character that `conv` allows.
fn valid_grouping(groups: &[&str], seps: &[char], conv: Convention) -> bool {
    let Some(first_sep) = seps.first() else {
        return true;
    };
    let ok_char = |c: char| c == conv.group || is_universal_group(c);
    if !seps.iter().all(|&c| c == *first_sep) || !ok_char(*first_sep) {
        // Spaces may mix with each other (NBSP and U+202F in one number is still one style).
        if !seps
            .iter()
            .all(|&c| is_universal_group(c) && c != '\'' && c != '’')
        {
            return false;
        }
    }
    let first = groups[0].len();
    let last = groups[groups.len() - 1].len();
    let middles = &groups[1..groups.len() - 1];
    if !(1..=3).contains(&first) || last != 3 {
        return false;
    }
    if middles.iter().all(|g| g.len() == 3) {
        return true;
    }
    // Indian: 12,34,56,789: first one or two digits, middles two, last three.
    conv.indian && *first_sep == ',' && first <= 2 && middles.iter().all(|g| g.len() == 2)
}

/// Builds the value from integer runs and fraction digits.
fn make(int_groups: &[&str], frac: &str, mark: Option<char>, grouped: bool) -> Value {
    let int_digits: usize = int_groups.iter().map(|g| g.len()).sum();
    let scale = frac.len();
    let precision = if scale <= 28 {
        Decimal::new(1, scale as u32)
    } else {
        Decimal::new(1, 28)
    };
    let value = digits_to_decimal(
        int_groups
            .iter()
            .flat_map(|g| g.bytes())
            .chain(frac.bytes()),
        int_digits + scale,
        scale,
    );
    Value {
        value,
        precision,
        decimal_mark: mark,
        grouped,
    }
}

/// The decimal of the digit sequence `digits` (of length `len`) with `scale` fraction digits,
/// or `None` if it does not fit a decimal's 96-bit mantissa and 28-digit scale.
pub fn digits_to_decimal(
    digits: impl Iterator<Item = u8>,
    len: usize,
    scale: usize,
) -> Option<Decimal> {
    // Skip leading zeros so that "0000000000000000000000000000001" still fits.
    let mut mantissa: i128 = 0;
    let mut significant = 0usize;
    let mut seen = 0usize;
    for d in digits {
        seen += 1;
        let v = i128::from(d - b'0');
        if mantissa == 0 && v == 0 {
            continue;
        }
        significant += 1;
        if significant > 29 {
            return None;
        }
        mantissa = mantissa * 10 + v;
    }
    debug_assert_eq!(seen, len);
    let mut scale = scale;
    // Fraction digits beyond 28 places: drop trailing zeros, or give up.
    while scale > 28 {
        if mantissa % 10 != 0 {
            return None;
        }
        mantissa /= 10;
        scale -= 1;
    }
    Decimal::try_from_i128_with_scale(mantissa, scale as u32).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn read(s: &str, conv: Convention) -> Option<Decimal> {
        shape(s, 0)
            .and_then(|sh| sh.read(conv))
            .and_then(|v| v.value)
    }

    #[test]
    fn english_and_german_grouping() {
        assert_eq!(read("1,234,567.89", EN), Some(dec("1234567.89")));
        assert_eq!(read("1,234,567.89", DE), None);
        assert_eq!(read("1.234.567,89", DE), Some(dec("1234567.89")));
        assert_eq!(read("1.234.567,89", EN), None);
        assert_eq!(read("380.000", DE), Some(dec("380000")));
        assert_eq!(read("380.000", EN), Some(dec("380")));
        assert_eq!(read("3.76", EN), Some(dec("3.76")));
        assert_eq!(read("3.76", DE), None);
    }

    #[test]
    fn spaces_apostrophes_and_indian_grouping() {
        assert_eq!(read("1 414 021 100", EN), Some(dec("1414021100")));
        assert_eq!(
            read("1\u{202f}234\u{202f}567,89", DE),
            Some(dec("1234567.89"))
        );
        assert_eq!(read("1'234'567.89", CH), Some(dec("1234567.89")));
        assert_eq!(read("12,34,567.89", EN), Some(dec("1234567.89")));
        assert_eq!(read("1,00,000", EN), Some(dec("100000")));
        // "423 0000" is two numbers: the space does not join a four-digit run.
        assert_eq!(shape("423 0000", 0).unwrap().text, "423");
    }

    #[test]
    fn leading_separator_and_precision() {
        assert_eq!(read(".25", EN), Some(dec("0.25")));
        assert_eq!(read(",77", DE), Some(dec("0.77")));
        assert_eq!(read(".25", DE), None);
        let v = shape("8.790", 0).unwrap().read(EN).unwrap();
        assert_eq!(v.precision, dec("0.001"));
    }

    #[test]
    fn malformed_groupings_are_rejected() {
        assert_eq!(read("22,24,26,31", DE), None);
        assert_eq!(read("1,2345", EN), None);
        assert_eq!(read("1234,567", EN), None);
    }

    #[test]
    fn too_many_digits_is_none_not_a_panic() {
        let long = "9".repeat(40);
        let sh = shape(&long, 0).unwrap();
        assert_eq!(sh.read(EN).map(|v| v.value), Some(None));
        let zeros = format!("{}1", "0".repeat(60));
        assert_eq!(read(&zeros, EN), Some(dec("1")));
    }

    #[test]
    fn runs_read_as_the_items_pushed() {
        let mut runs = Runs::new();
        let mut items = Vec::new();
        for k in 0..10u8 {
            runs.push(k);
            items.push(k);
            assert_eq!(*runs, *items);
        }
        assert_eq!(format!("{runs:?}"), format!("{items:?}"));
    }

    #[test]
    fn pathological_runs_end_as_one_overlong_shape() {
        let s = "1.".repeat(100_000);
        let sh = shape(&s, 0).unwrap();
        assert!(sh.is_overlong());
        assert!(sh.end() >= s.len() - 1);
        assert_eq!(sh.read(EN), None);
    }
}
