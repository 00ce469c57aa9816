//! A sieve for the word tables that are matched at the start or the end of a text (units,
//! currencies, percent words and hedges).
//!
//! Scanning a whole table costs a comparison per entry, for every number. Every such table
//! asks for a word boundary where an entry's words end, so an entry can only match where the
//! text's *edge token* — its run of letters and digits at that edge — has as many bytes as
//! the entry's own edge token, and where the edge bytes agree (ASCII case folded). The sieve
//! keeps, per edge byte and per token length, the set of entries that pass this test; a lookup
//! intersects the two sets and visits the survivors in table order, so tables where the first
//! match wins keep their meaning.
//!
//! ```text
//! front: "km/h"  edge byte 'k', edge token "km"   (2)   matches " km/h", " KM/h"
//! back:  "ca."   edge byte '.', edge token ""     (0)   matches "… ca."
//! ```

/// Which edge of the text the table's entries are matched at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// Entries are prefixes of the text ("km" in "km away").
    Front,
    /// Entries are suffixes of the text ("more than" in "… more than").
    Back,
}

/// Token lengths from here on share one set.
const LONG: usize = 63;

/// How many entries a sieve holds.
const CAPACITY: usize = 256;

/// A set of entry indices below [`CAPACITY`].
#[derive(Clone, Copy, Default)]
struct Bits([u128; 2]);

impl Bits {
    fn insert(&mut self, k: usize) {
        self.0[k / 128] |= 1u128 << (k % 128);
    }

    fn and(self, o: Bits) -> Bits {
        Bits([self.0[0] & o.0[0], self.0[1] & o.0[1]])
    }

    fn is_empty(self) -> bool {
        self.0[0] | self.0[1] == 0
    }

    /// Takes out the smallest index.
    fn pop(&mut self) -> Option<usize> {
        for (w, word) in self.0.iter_mut().enumerate() {
            if *word != 0 {
                let k = word.trailing_zeros() as usize;
                *word &= *word - 1;
                return Some(w * 128 + k);
            }
        }
        None
    }
}

/// The entries of one table (at most [`CAPACITY`]) grouped by edge byte and edge-token length.
pub struct Sieve {
    edge: Edge,
    by_byte: [Bits; 256],
    by_len: [Bits; LONG + 1],
}

impl Sieve {
    /// The sieve of a table whose entries, in table order, are `words`.
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>, edge: Edge) -> Sieve {
        let mut s = Sieve {
            edge,
            by_byte: [Bits::default(); 256],
            by_len: [Bits::default(); LONG + 1],
        };
        for (k, w) in words.into_iter().enumerate() {
            assert!(k < CAPACITY, "a sieve holds at most {CAPACITY} entries");
            let Some((byte, len)) = s.key(w) else {
                continue;
            };
            s.by_byte[usize::from(byte.to_ascii_lowercase())].insert(k);
            s.by_byte[usize::from(byte.to_ascii_uppercase())].insert(k);
            s.by_len[len].insert(k);
        }
        s
    }

    /// The indices of the entries that may match `text` at the sieve's edge, in table order.
    pub fn candidates(&self, text: &str) -> impl Iterator<Item = usize> {
        // The token is measured only when some entry shares the edge byte.
        self.survivors(text, || match self.edge {
            Edge::Front => token_len(text),
            Edge::Back => token_len_back(text),
        })
    }

    /// [`Sieve::candidates`] for a text whose edge token is known to be `token` bytes long.
    pub fn candidates_with(&self, text: &str, token: usize) -> impl Iterator<Item = usize> {
        self.survivors(text, move || token)
    }

    fn survivors(&self, text: &str, token: impl FnOnce() -> usize) -> impl Iterator<Item = usize> {
        let edge = match self.edge {
            Edge::Front => text.as_bytes().first(),
            Edge::Back => text.as_bytes().last(),
        };
        let mut bits = edge.map_or(Bits::default(), |&byte| self.by_byte[usize::from(byte)]);
        if !bits.is_empty() {
            bits = bits.and(self.by_len[token().min(LONG)]);
        }
        std::iter::from_fn(move || bits.pop())
    }

    /// The edge byte and the (capped) edge-token length of `s`.
    fn key(&self, s: &str) -> Option<(u8, usize)> {
        let (byte, len) = match self.edge {
            Edge::Front => (*s.as_bytes().first()?, token_len(s)),
            Edge::Back => (*s.as_bytes().last()?, token_len_back(s)),
        };
        Some((byte, len.min(LONG)))
    }
}

/// A set of words, each looked up as written through a [`Sieve`] (a word equal to an entry
/// shares its first byte and its length).
pub struct WordSet {
    words: &'static [&'static str],
    sieve: Sieve,
}

impl WordSet {
    pub fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            sieve: Sieve::new(words.iter().copied(), Edge::Front),
        }
    }

    /// Whether `w` is one of the words, exactly as written.
    pub fn contains(&self, w: &str) -> bool {
        self.sieve.candidates(w).any(|k| self.words[k] == w)
    }
}

/// Byte length of the run of letters and digits at the start of `s`.
pub fn token_len(s: &str) -> usize {
    let b = s.as_bytes();
    let ascii = b.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    if b.get(ascii).is_none_or(|&c| c < 0x80) {
        return ascii;
    }
    s[ascii..]
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(s.len(), |(i, _)| ascii + i)
}

/// Byte length of the run of letters and digits at the end of `s`.
pub fn token_len_back(s: &str) -> usize {
    let b = s.as_bytes();
    let ascii = b
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    let head = &s[..s.len() - ascii];
    if head.as_bytes().last().is_none_or(|&c| c < 0x80) {
        return ascii;
    }
    let alnum_start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric())
        .last()
        .map_or(head.len(), |(i, _)| i);
    s.len() - alnum_start
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const WORDS: &[&str] = &[
        "km",
        "km/h",
        "Km²",
        "per cent",
        "€",
        "$",
        "ca.",
        "über",
        "US$",
        "more than",
        "m",
        "M",
    ];

    /// Whether `w` matches `text` at `edge` with a word boundary where its words end.
    fn matches(w: &str, text: &str, edge: Edge) -> bool {
        let ends = |s: &str| s.chars().next().is_none_or(|c| !c.is_alphanumeric());
        let ends_back = |s: &str| s.chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let n = w.len();
        match edge {
            Edge::Front => {
                text.is_char_boundary(n.min(text.len()))
                    && text.len() >= n
                    && text[..n].eq_ignore_ascii_case(w)
                    && (!w.ends_with(char::is_alphanumeric) || ends(&text[n..]))
            }
            Edge::Back => {
                text.len() >= n
                    && text.is_char_boundary(text.len() - n)
                    && text[text.len() - n..].eq_ignore_ascii_case(w)
                    && (!w.starts_with(char::is_alphanumeric) || ends_back(&text[..text.len() - n]))
            }
        }
    }

    fn check(text: &str, edge: Edge) {
        let sieve = Sieve::new(WORDS.iter().copied(), edge);
        let kept: Vec<usize> = sieve.candidates(text).collect();
        for (k, w) in WORDS.iter().enumerate() {
            if matches(w, text, edge) {
                assert!(kept.contains(&k), "{w:?} at {edge:?} of {text:?}: {kept:?}");
            }
        }
        assert!(kept.windows(2).all(|p| p[0] < p[1]), "table order");
    }

    #[test]
    fn keeps_every_entry_that_matches() {
        for t in [
            "km away",
            "KM/h",
            "km²",
            "Km² x",
            "per cent",
            "€5",
            "$",
            "US$",
            "rund ca.",
            "über",
            "ÜBER",
            "no more than",
            "M",
            "m.",
            "",
        ] {
            check(t, Edge::Front);
            check(t, Edge::Back);
        }
    }

    #[test]
    fn entries_past_the_first_hundred_and_twenty_eight_are_kept_in_order() {
        let words: Vec<String> = (0..CAPACITY).map(|k| format!("w{k}")).collect();
        let sieve = Sieve::new(words.iter().map(String::as_str), Edge::Front);
        for k in [0, 127, 128, 129, CAPACITY - 1] {
            let got: Vec<usize> = sieve.candidates(&words[k]).collect();
            assert!(got.contains(&k), "{k}: {got:?}");
            assert!(got.windows(2).all(|p| p[0] < p[1]), "table order");
            assert!(got.iter().all(|&j| words[j].len() == words[k].len()));
        }
    }

    #[test]
    fn token_lengths() {
        assert_eq!(token_len("km² away"), "km²".len());
        assert_eq!(token_len("über x"), "über".len());
        assert_eq!(token_len("$5"), 0);
        assert_eq!(token_len_back("so über"), "über".len());
        assert_eq!(token_len_back("x ca."), 0);
        assert_eq!(token_len_back("Größe"), "Größe".len());
    }

    proptest! {
        #[test]
        fn keeps_matches_in_any_text(
            pre in "[a-zA-Z0-9 .$€²ü-]{0,6}",
            k in 0..WORDS.len(),
            post in "[a-zA-Z0-9 .$€²ü-]{0,6}",
        ) {
            let w = WORDS[k];
            check(&format!("{w}{post}"), Edge::Front);
            check(&format!("{pre}{w}"), Edge::Back);
        }
    }
}
