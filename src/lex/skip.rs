//! Passing over prose 64 bytes at a time.
//!
//! Between the places where the scanner has something to do, a text is words and the spaces and
//! punctuation between them. The skipper reads a block of 64 bytes into bit masks (bit `k`
//! stands for byte `k` of the block) and marks the bytes the scanner must see:
//!
//! ```text
//! stop = digit | ('.' | ',') before a digit | byte of a character of several bytes
//!      | first letter of a word that the gate admits
//! ```
//!
//! Everything else — other ASCII bytes, and the words the gate turns away — the scanner would
//! pass over without a trace, so it need not visit it. A block's stops are kept: after the
//! scanner has handled one, the next is a shift and a count of trailing zeros away.

use super::gate::Gate;

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = ONES * 0x80;

/// A block of the text, read.
#[derive(Debug, Clone, Copy)]
struct Block {
    /// Offset of its first byte.
    base: usize,
    /// Its stops.
    stops: u64,
}

/// Finds where the scanner must look next.
pub struct Skipper<'a> {
    bytes: &'a [u8],
    gate: &'static Gate,
    block: Option<Block>,
}

impl<'a> Skipper<'a> {
    pub fn new(bytes: &'a [u8], gate: &'static Gate) -> Self {
        Skipper {
            bytes,
            gate,
            block: None,
        }
    }

    /// The first stop at or after `i`, or the start of the last block, which has no byte after
    /// it and is left to the scanner. Letters at `i` that go on with a word before it are no
    /// word start: the scanner, there, would finish that word.
    pub fn next(&mut self, mut i: usize) -> usize {
        loop {
            let base = i & !63;
            if base + 64 >= self.bytes.len() {
                return i;
            }
            let block = match self.block {
                Some(b) if b.base == base => b,
                _ => {
                    let b = Block {
                        base,
                        stops: self.stops(base),
                    };
                    self.block = Some(b);
                    b
                }
            };
            let ahead = block.stops >> (i - base);
            if ahead != 0 {
                return i + ahead.trailing_zeros() as usize;
            }
            i = base + 64;
        }
    }

    /// The stops of the block at `base` (a byte follows it).
    fn stops(&self, base: usize) -> u64 {
        // Eight bytes at a time; a class is first the high bits of its bytes.
        let mut words = [0u64; 8];
        for (v, chunk) in words
            .iter_mut()
            .zip(self.bytes[base..base + 64].chunks_exact(8))
        {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            *v = u64::from_le_bytes(word);
        }
        let digits = words.map(|v| within(v, b'0', b'9'));
        let (mut letters, mut stops) = (0, 0);
        for k in 0..8 {
            let v = words[k];
            // Whether the next byte is a digit, for the '.' and ',' before one.
            let first_of_next = match digits.get(k + 1) {
                Some(d) => d & 0x80,
                None => u64::from(self.bytes[base + 64].is_ascii_digit()) << 7,
            };
            let digit_next = (digits[k] >> 8) | (first_of_next << 56);
            // '.' and ',' are the bytes that OR 2 makes a '.'.
            let mark = equal(v | (ONES * 0x02), b'.');
            stops |= gather(digits[k] | v | (mark & digit_next)) << (k * 8);
            letters |= gather(within(v | (ONES * 0x20), b'a', b'z')) << (k * 8);
        }
        let letter_before = base > 0 && self.bytes[base - 1].is_ascii_alphabetic();
        let mut starts = letters & !((letters << 1) | u64::from(letter_before));
        while starts != 0 {
            let k = starts.trailing_zeros() as usize;
            stops |= u64::from(self.gate.admits_at(self.bytes, base + k)) << k;
            starts &= starts - 1;
        }
        stops
    }
}

/// The high bit of each byte of `v` that is an ASCII byte from `lo` to `hi`.
fn within(v: u64, lo: u8, hi: u8) -> u64 {
    // On seven-bit bytes, adding these sets the high bit from `lo` on, and past `hi`.
    let low = v & !HIGHS;
    let from_lo = low + ONES * u64::from(0x80 - lo);
    let past_hi = low + ONES * u64::from(0x80 - hi - 1);
    from_lo & !past_hi & !v & HIGHS
}

/// The high bit of each byte of `v` that is `b` (ASCII).
fn equal(v: u64, b: u8) -> u64 {
    let x = v ^ (ONES * u64::from(b));
    // A byte is zero when neither it nor it plus 0x7f (of its low seven bits) has the high bit.
    !(((x & !HIGHS) + ONES * 0x7f) | x) & HIGHS
}

/// The high bits of the eight bytes of `v`, as bits 0 to 7.
fn gather(v: u64) -> u64 {
    ((v & HIGHS) >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Language;

    #[test]
    fn byte_classes_agree_with_std() {
        for b in 0..=255u8 {
            let v = u64::from_le_bytes([b'x', b, 0, 0xFF, b'.', b',', b'5', b]);
            let bit = |m: u64, k: u32| m >> (8 * k + 7) & 1 == 1;
            let letters = within(v | (ONES * 0x20), b'a', b'z');
            assert_eq!(bit(letters, 1), b.is_ascii_alphabetic(), "{b:#x}");
            assert_eq!(bit(within(v, b'0', b'9'), 1), b.is_ascii_digit(), "{b:#x}");
            assert_eq!(bit(equal(v, b'.'), 1), b == b'.', "{b:#x}");
            assert_eq!(bit(equal(v, b','), 7), b == b',', "{b:#x}");
            assert!(bit(equal(v, b'.'), 4) && bit(equal(v, b','), 5));
            assert_eq!(
                gather(v),
                0b0000_1000 | (u64::from(b >= 0x80) * 0b1000_0010)
            );
        }
    }

    /// The stop at or after `i`, byte by byte.
    fn naive(bytes: &[u8], gate: &Gate, i: usize) -> usize {
        let mut j = i;
        while j < bytes.len() && (j & !63) + 64 < bytes.len() {
            let b = bytes[j];
            let mark = matches!(b, b'.' | b',') && bytes.get(j + 1).is_some_and(u8::is_ascii_digit);
            let start = b.is_ascii_alphabetic() && (j == 0 || !bytes[j - 1].is_ascii_alphabetic());
            if b.is_ascii_digit() || b >= 0x80 || mark || start && gate.admits(&bytes[j..]) {
                return j;
            }
            j += 1;
        }
        j
    }

    fn agrees(text: &str, language: Language) {
        let gate = Gate::of(language);
        let mut s = Skipper::new(text.as_bytes(), gate);
        for i in 0..=text.len() {
            assert_eq!(
                s.next(i),
                naive(text.as_bytes(), gate, i),
                "at {i} of {text:?}"
            );
        }
    }

    #[test]
    fn stops_where_byte_by_byte_reading_stops() {
        let mut text = String::from("The house is small, and 12 of .5 here; über six cats, x.y ");
        text.push_str("and a third of the 1,5 or 3.7 ran. ZWEI drei Million ein eine\n");
        text.push_str(&"padding for the blocks ".repeat(12));
        agrees(&text, Language::EN);
        agrees(&text, Language::DE);
        agrees(&text, Language::UND);
    }

    proptest::proptest! {
        #[test]
        fn stops_where_byte_by_byte_reading_stops_on_any_text(
            text in "([a-zA-Z]{1,6}|[ .,;0-9]|ü|½|one|an|a|drei|http){40,120}"
        ) {
            agrees(&text, Language::EN);
            agrees(&text, Language::DE);
        }
    }
}
