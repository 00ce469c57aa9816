//! The scanner's per-word gate.
//!
//! Nearly every word of prose starts no spelled number, is no article before a unit and begins
//! no URL. The gate tells so from a word's first three bytes with one table look-up, built once
//! per language from the first tests of the number-word parsers
//! ([`words_en::may_start_prefix`], [`words_de::may_start_prefix`]) and from the lists of
//! articles and URL schemes. Only the words it admits meet the exact tests, so the gate may
//! admit too many words but never too few.
//!
//! The gate reads the three bytes where a word starts, whether or not the word is that long,
//! so that it also serves the [`super::skip`] blocks, which know where words start but not
//! where they end.
//!
//! ```text
//! code  = 1..=26  an ASCII letter, any case
//!       | 0       no byte, or another ASCII byte: the word has ended
//!       | OTHER   a byte of a character of several bytes: the word is admitted
//! table = bit c2 of entry c0 * 27 + c1   (every bit when c1 = 0: the word has ended)
//! ```

use super::{words_de, words_en};
use crate::locale::Language;
use std::sync::LazyLock;

/// The code of a byte of a character of several bytes.
const OTHER: u8 = 32;

/// The gate's code of each byte.
static CODE: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0x80;
    while b < 256 {
        t[b] = OTHER;
        b += 1;
    }
    let mut c = 0;
    while c < 26 {
        t[(b'a' + c) as usize] = c + 1;
        t[(b'A' + c) as usize] = c + 1;
        c += 1;
    }
    t
};

/// Which first three letters may begin a word the scanner must look at.
pub struct Gate {
    bits: [u32; 27 * 27],
}

static EN: LazyLock<Gate> = LazyLock::new(|| Gate::new(Language::EN));
static DE: LazyLock<Gate> = LazyLock::new(|| Gate::new(Language::DE));
static OTHER_LANGUAGE: LazyLock<Gate> = LazyLock::new(|| Gate::new(Language::UND));
static AFTER_ARTICLE: LazyLock<Gate> = LazyLock::new(Gate::new_after_article);

impl Gate {
    /// The gate for text in `language`: its number words, if recount reads them.
    pub fn of(language: Language) -> &'static Gate {
        match language.base() {
            Language::EN => &EN,
            Language::DE => &DE,
            _ => &OTHER_LANGUAGE,
        }
    }

    /// The gate for the word after "a" or "an": it may make a number with the article ("a
    /// hundred") or be a currency or unit word ("a dollar"), else the article is no number.
    pub fn after_article() -> &'static Gate {
        &AFTER_ARTICLE
    }

    fn new_after_article() -> Gate {
        let mut gate = Gate { bits: [0; 27 * 27] };
        let letter = |c: u8| (c > 0).then(|| b'a' + c - 1);
        for c0 in 1..=26 {
            for c1 in 0..=26 {
                for c2 in 0..=if c1 > 0 { 26 } else { 0 } {
                    if words_en::may_follow_a_prefix(b'a' + c0 - 1, letter(c1), letter(c2)) {
                        gate.admit([c0, c1, c2]);
                    }
                }
            }
        }
        // A word that begins otherwise than with an ASCII letter, or has a byte of several
        // bytes among its first three, is admitted whatever the table says.
        for head in super::affix::unit_word_heads() {
            let codes = head.map(|b| CODE[usize::from(b)]);
            if codes[0] != 0 && codes.iter().all(|&c| c & OTHER == 0) {
                gate.admit(codes);
            }
        }
        gate
    }

    fn new(language: Language) -> Gate {
        let mut gate = Gate { bits: [0; 27 * 27] };
        let letter = |c: u8| (c > 0).then(|| b'a' + c - 1);
        for c0 in 1..=26 {
            for c1 in 0..=26 {
                // A word has no third letter without a second.
                for c2 in 0..=if c1 > 0 { 26 } else { 0 } {
                    if starts_number(language, [letter(c0), letter(c1), letter(c2)]) {
                        gate.admit([c0, c1, c2]);
                    }
                }
            }
        }
        for w in super::ARTICLES.iter().chain(super::URL_SCHEMES) {
            gate.admit([0, 1, 2].map(|i| code(w.as_bytes(), i)));
        }
        gate
    }

    fn admit(&mut self, [c0, c1, c2]: [u8; 3]) {
        // After a word of one letter, the third byte may be anything.
        let c2_bits = if c1 == 0 { (1 << 27) - 1 } else { 1 << c2 };
        self.bits[usize::from(c0) * 27 + usize::from(c1)] |= c2_bits;
    }

    /// Whether the word at the start of `word` (the word alone, or the text from its first
    /// letter on) may need the exact tests; `false` means it starts no number, is no article
    /// and begins no URL.
    #[inline]
    pub fn admits(&self, word: &[u8]) -> bool {
        self.admits_at(word, 0)
    }

    /// Whether the first word in `rest`, past any ASCII bytes that are no letters, may need
    /// the exact tests (a byte of several bytes before it admits it).
    pub fn admits_next_word(&self, rest: &[u8]) -> bool {
        rest.iter()
            .position(|&b| b >= 0x80 || b.is_ascii_alphabetic())
            .is_some_and(|i| self.admits_at(rest, i))
    }

    /// [`Gate::admits`] for the word that starts at byte `i` of `text`.
    #[inline]
    pub fn admits_at(&self, text: &[u8], i: usize) -> bool {
        let (c0, c1, c2) = (code(text, i), code(text, i + 1), code(text, i + 2));
        if (c0 | c1 | c2) & OTHER != 0 {
            return true;
        }
        self.bits[usize::from(c0) * 27 + usize::from(c1)] >> c2 & 1 != 0
    }
}

/// The code of byte `i` of `word`.
#[inline]
fn code(word: &[u8], i: usize) -> u8 {
    word.get(i).map_or(0, |&b| CODE[usize::from(b)])
}

/// Whether some word beginning with the lower-case ASCII letters `prefix` (`None` past the
/// word's end) may start a spelled number in `language`.
fn starts_number(language: Language, prefix: [Option<u8>; 3]) -> bool {
    let [Some(a), b, c] = prefix else {
        return false;
    };
    match language {
        Language::EN => words_en::may_start_prefix(a, b, c),
        Language::DE => {
            let (Some(b), Some(c)) = (b, c) else {
                return false;
            };
            // Every spelling of the three letters, upper and lower case.
            (0..8u8).any(|m| {
                let case = |x: u8, bit: u8| {
                    if m & bit != 0 {
                        x.to_ascii_uppercase()
                    } else {
                        x
                    }
                };
                words_de::may_start_prefix(case(a, 1), case(b, 2), case(c, 4))
            })
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admits_number_words_articles_and_url_schemes() {
        let en = Gate::of(Language::EN);
        for w in [
            "a",
            "An",
            "one",
            "Three",
            "thousand",
            "twentyfifth",
            "http",
            "www",
            "eine",
        ] {
            assert!(en.admits(w.as_bytes()), "{w}");
        }
        for w in ["the", "of", "and", "house", "Is"] {
            assert!(!en.admits(w.as_bytes()), "{w}");
        }
        let de = Gate::of(Language::DE);
        for w in [
            "ein",
            "Einen",
            "drei",
            "Millionen",
            "fünf",
            "ZWEI",
            "a",
            "one",
        ] {
            assert!(de.admits(w.as_bytes()), "{w}");
        }
        for w in ["der", "und", "Haus"] {
            assert!(!de.admits(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn after_an_article_admits_number_and_unit_words() {
        let gate = Gate::after_article();
        for rest in [
            " hundred",
            " Third",
            " dozen eggs",
            " twentyfifth",
            " tenfold",
            " dollar",
            " km",
            " MEUR",
            " pounds sterling",
            " US dollars",
            "\u{a0}Euro",
            " -thousand",
            " m²",
            " Kilometer",
            " ½",
        ] {
            assert!(gate.admits_next_word(rest.as_bytes()), "{rest:?}");
        }
        for rest in [" cat", " the", " 5 apples", "", ". Then"] {
            assert!(!gate.admits_next_word(rest.as_bytes()), "{rest:?}");
        }
    }
}
