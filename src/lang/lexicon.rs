//! A language's words and signs around a number, looked up where they stand.
//!
//! ```text
//! after   = ws* phrase    ; "3,5 Mrd.", "75 millones", "5万", "20 por ciento", "12 zł"
//! before  = phrase ws?    ; "yüzde 50", "%50", "R$ 12", "elfu 3"
//! phrase  = its characters, a space matching any run of white space
//! ```
//!
//! A phrase is found through its *key*: the run of letters it begins (or, before a number,
//! ends) with, lower-cased, or its first (last) character where that is no letter or is a
//! letter of a script written without spaces (Han, kana, Thai, Hangul, ...). There a phrase
//! needs no word boundary after it: "5万人" is "5万" before "人".

use super::Word;
use rustc_hash::FxHashMap;

/// What a word or sign makes of the number next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Meaning {
    /// Multiplies it by ten to this power.
    Scale(u32),
    Percent,
    PerMille,
    /// Makes it an amount of this currency (ISO code).
    Money(&'static str),
}

/// Where a word stands: after the number or before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    After,
    Before,
}

/// A word found next to a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub meaning: Meaning,
    /// After a number: bytes from the number's end to the word's end. Before one: the byte
    /// offset where the word starts.
    pub at: usize,
    /// After a number: bytes of white space before the word.
    pub word_start: usize,
    /// The decimal mark of the languages that write the word, where they agree.
    pub decimal: Option<char>,
    /// The word as the table writes it.
    pub text: &'static str,
}

/// The words of one language, or of all of them, by key and place.
#[derive(Debug, Default)]
pub struct Lexicon {
    after: FxHashMap<Box<str>, Vec<Word>>,
    before: FxHashMap<Box<str>, Vec<Word>>,
    /// The scripts its words are written in, found on first use.
    scripts: std::sync::OnceLock<Vec<whatlang::Script>>,
}

/// The script of the letters of `text`, if it has letters.
pub fn script_of(text: &str) -> Option<whatlang::Script> {
    // Most words are ASCII: no need to count.
    if text
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| c.is_ascii())
    {
        return Some(whatlang::Script::Latin);
    }
    whatlang::detect_script(text)
}

/// Whether `c` is a letter of a script written without spaces between words, so that a word
/// boundary cannot be asked for around a number.
pub fn spaceless(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF      // Thai, Lao
        | 0x0F00..=0x0FFF    // Tibetan
        | 0x1000..=0x109F    // Myanmar
        | 0x1100..=0x11FF    // Hangul Jamo
        | 0x1780..=0x17FF    // Khmer
        | 0x3040..=0x30FF    // Hiragana, Katakana
        | 0x3130..=0x318F    // Hangul compatibility Jamo
        | 0x31F0..=0x31FF
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0xF900..=0xFAFF
        | 0xFF66..=0xFF9F    // half-width kana
        | 0x20000..=0x3FFFF)
}

/// Length of the white space at the start of `s` (spaces, NBSP, narrow NBSP, thin space).
fn ws_front(s: &str) -> usize {
    s.len() - s.trim_start_matches(is_ws).len()
}

fn ws_back(s: &str) -> usize {
    s.len() - s.trim_end_matches(is_ws).len()
}

/// Whether `c` is white space between a number and its word: a space, NBSP, narrow NBSP or
/// thin space.
pub fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

fn word_char(c: char) -> bool {
    c.is_alphabetic() && !spaceless(c)
}

/// The longest key a phrase may have, in bytes: a longer word is no key of any phrase.
const MAX_KEY: usize = 48;

/// A key, lower-cased in place: no allocation for the lookup that every number makes.
struct Key {
    buf: [u8; MAX_KEY],
    len: usize,
}

impl Key {
    fn new() -> Key {
        Key {
            buf: [0; MAX_KEY],
            len: 0,
        }
    }

    /// Appends `c` lower-cased; `None` when the key outgrows its room.
    fn push(&mut self, c: char) -> Option<()> {
        for l in c.to_lowercase() {
            let n = l.len_utf8();
            if self.len + n > MAX_KEY {
                return None;
            }
            l.encode_utf8(&mut self.buf[self.len..]);
            self.len += n;
        }
        Some(())
    }

    /// Appends the ASCII bytes `b`, lower-cased; `None` when they outgrow the room.
    fn push_ascii(&mut self, b: &[u8]) -> Option<()> {
        let room = self.buf.get_mut(self.len..self.len + b.len())?;
        for (d, s) in room.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        self.len += b.len();
        Some(())
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }
}

/// The key of the text at the start of `s`.
fn key_front(s: &str) -> Option<Key> {
    let c = s.chars().next()?;
    let mut k = Key::new();
    if word_char(c) {
        // ASCII letters byte by byte, then any letters of more bytes char by char.
        let ascii = s.bytes().take_while(u8::is_ascii_alphabetic).count();
        k.push_ascii(&s.as_bytes()[..ascii])?;
        if s.as_bytes().get(ascii).is_some_and(|&b| b >= 0x80) {
            for c in s[ascii..].chars().take_while(|&c| word_char(c)) {
                k.push(c)?;
            }
        }
    } else {
        k.push(c)?;
    }
    Some(k)
}

/// The key of the text at the end of `s`.
fn key_back(s: &str) -> Option<Key> {
    let b = s.as_bytes();
    let mut k = Key::new();
    // A run of ASCII letters with no letter of more bytes before it (most words before a
    // number), or a single ASCII sign: byte by byte.
    let letters = b
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let start = b.len() - letters;
    match b.last() {
        None => return None,
        Some(c) if c.is_ascii() && letters == 0 => {
            k.push_ascii(&b[start - 1..])?;
            return Some(k);
        }
        Some(_) if letters > 0 && (start == 0 || b[start - 1].is_ascii()) => {
            k.push_ascii(&b[start..])?;
            return Some(k);
        }
        Some(_) => {}
    }
    let c = s.chars().next_back()?;
    if word_char(c) {
        let start = s
            .char_indices()
            .rev()
            .take_while(|&(_, c)| word_char(c))
            .last()
            .map_or(s.len(), |(i, _)| i);
        for c in s[start..].chars() {
            k.push(c)?;
        }
    } else {
        k.push(c)?;
    }
    Some(k)
}

fn same(a: char, b: char, exact: bool) -> bool {
    a == b || (!exact && a.to_lowercase().eq(b.to_lowercase()))
}

/// Bytes of `t` that `w` covers at its start, with a word boundary after it where it needs one.
fn match_front(w: &Word, t: &str) -> Option<usize> {
    let mut j = 0;
    let mut last = ' ';
    for (k, pc) in w.text.char_indices() {
        if pc == ' ' {
            let n = ws_front(&t[j..]);
            if n == 0 {
                return None;
            }
            j += n;
        } else {
            let tc = t[j..].chars().next()?;
            if !same(pc, tc, w.exact) {
                // "Mrd" for "Mrd.": the period of an abbreviation may be left out.
                if pc == '.' && k + 1 == w.text.len() {
                    break;
                }
                return None;
            }
            j += tc.len_utf8();
        }
        last = pc;
    }
    let next = t[j..].chars().next();
    if last.is_alphanumeric()
        && !spaceless(last)
        && next.is_some_and(|c| c.is_alphanumeric() && !spaceless(c))
    {
        return None;
    }
    Some(j)
}

/// Where `w` starts when it ends `t`, with a word boundary before it where it needs one.
fn match_back(w: &Word, t: &str) -> Option<usize> {
    let mut j = t.len();
    let mut first = ' ';
    for pc in w.text.chars().rev() {
        if pc == ' ' {
            let n = ws_back(&t[..j]);
            if n == 0 {
                return None;
            }
            j -= n;
        } else {
            let tc = t[..j].chars().next_back()?;
            if !same(pc, tc, w.exact) {
                return None;
            }
            j -= tc.len_utf8();
        }
        first = pc;
    }
    let prev = t[..j].chars().next_back();
    if prev.is_some_and(|c| c.is_alphanumeric() && !spaceless(c))
        && (first.is_alphanumeric() || first == '%')
    {
        return None;
    }
    Some(j)
}

impl Lexicon {
    pub fn new(words: &[Word]) -> Lexicon {
        let mut lex = Lexicon::default();
        for w in words {
            let (map, key) = match w.place {
                Place::After => (&mut lex.after, key_front(w.text)),
                Place::Before => (&mut lex.before, key_back(w.text)),
            };
            let Some(key) = key else { continue };
            map.entry(key.as_str().into()).or_default().push(*w);
        }
        // The longest phrase first: "mil millones" before "mil".
        for list in lex.after.values_mut().chain(lex.before.values_mut()) {
            list.sort_by_key(|w| std::cmp::Reverse(w.text.len()));
        }
        lex
    }

    /// Whether any of its words is written in `script`.
    pub fn writes(&self, script: whatlang::Script) -> bool {
        self.scripts
            .get_or_init(|| {
                let mut scripts = Vec::new();
                for w in self.after.values().chain(self.before.values()).flatten() {
                    if let Some(s) = script_of(w.text)
                        && !scripts.contains(&s)
                    {
                        scripts.push(s);
                    }
                }
                scripts
            })
            .contains(&script)
    }

    /// The word or sign at the start of `rest` (the text right after a number).
    pub fn after(&self, rest: &str) -> Option<Hit> {
        if self.after.is_empty() {
            return None;
        }
        let ws = ws_front(rest);
        let t = &rest[ws..];
        let list = self.after.get(key_front(t)?.as_str())?;
        list.iter().find_map(|w| {
            let n = match_front(w, t)?;
            Some(Hit {
                meaning: w.meaning,
                at: ws + n,
                word_start: ws,
                decimal: w.decimal,
                text: w.text,
            })
        })
    }

    /// The word or sign that ends right before `end` in `text` (one white space between).
    pub fn before(&self, text: &str, end: usize) -> Option<Hit> {
        if self.before.is_empty() {
            return None;
        }
        let t = &text[..end];
        let ws = ws_back(t);
        if ws > '\u{a0}'.len_utf8() {
            return None;
        }
        let t = &t[..t.len() - ws];
        let list = self.before.get(key_back(t)?.as_str())?;
        list.iter().find_map(|w| {
            let start = match_back(w, t)?;
            Some(Hit {
                meaning: w.meaning,
                at: start,
                word_start: 0,
                decimal: w.decimal,
                text: w.text,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(words: &[(&'static str, Meaning, Place, bool)]) -> Lexicon {
        let words: Vec<Word> = words
            .iter()
            .map(|&(text, meaning, place, exact)| Word {
                text,
                meaning,
                place,
                exact,
                decimal: None,
            })
            .collect();
        Lexicon::new(&words)
    }

    #[test]
    fn phrases_after_a_number() {
        let l = lex(&[
            ("mil", Meaning::Scale(3), Place::After, false),
            ("mil millones", Meaning::Scale(9), Place::After, false),
            ("M", Meaning::Scale(6), Place::After, true),
            ("Mrd.", Meaning::Scale(9), Place::After, true),
            ("万", Meaning::Scale(4), Place::After, true),
            ("zł", Meaning::Money("PLN"), Place::After, true),
        ]);
        let hit = |s: &str| l.after(s).map(|h| (h.meaning, h.at));
        assert_eq!(hit(" mil millones de"), Some((Meaning::Scale(9), 13)));
        assert_eq!(hit(" Mil personas"), Some((Meaning::Scale(3), 4)));
        assert_eq!(hit(" milla"), None);
        assert_eq!(hit("\u{a0}M"), Some((Meaning::Scale(6), 3)));
        assert_eq!(hit(" m"), None);
        assert_eq!(hit(" Mrd. Euro"), Some((Meaning::Scale(9), 5)));
        assert_eq!(hit(" Mrd Euro"), Some((Meaning::Scale(9), 4)));
        assert_eq!(hit("万人"), Some((Meaning::Scale(4), 3)));
        assert_eq!(hit(" zł."), Some((Meaning::Money("PLN"), 4)));
        assert_eq!(hit(" złoty"), None);
    }

    #[test]
    fn phrases_before_a_number() {
        let l = lex(&[
            ("yüzde", Meaning::Percent, Place::Before, false),
            ("%", Meaning::Percent, Place::Before, true),
            ("R$", Meaning::Money("BRL"), Place::Before, true),
        ]);
        let t = "oran Yüzde 50";
        assert_eq!(l.before(t, 11).map(|h| h.at), Some(5));
        let t = "ise %50";
        assert_eq!(l.before(t, 5).map(|h| h.at), Some(4));
        assert_eq!(l.before("100%50", 4), None);
        assert_eq!(
            l.before("custa R$ 5", 9).map(|h| h.meaning),
            Some(Meaning::Money("BRL"))
        );
        assert_eq!(l.before("iyüzde 5", 7), None);
        // ASCII read byte by byte, and letters of more bytes before ASCII ones.
        assert_eq!(
            key_back("costs R$").map(|k| k.as_str().to_string()),
            Some("$".into())
        );
        assert_eq!(
            key_back("the YÜZDE").map(|k| k.as_str().to_string()),
            Some("yüzde".into())
        );
        assert_eq!(
            key_back("ÜberEUR").map(|k| k.as_str().to_string()),
            Some("übereur".into())
        );
        assert_eq!(
            key_back("x EUR").map(|k| k.as_str().to_string()),
            Some("eur".into())
        );
        assert_eq!(
            key_back("EUR").map(|k| k.as_str().to_string()),
            Some("eur".into())
        );
        assert!(key_back("").is_none());
    }
}
