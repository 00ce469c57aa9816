//! Lexing: finds every number in a text and reads it.
//!
//! The scanner walks the text once. Prose is skipped without allocating: parsers start only at
//! an ASCII digit, at a '.' or ',' right before one (".25"), at a vulgar fraction ("½"), or at a
//! word that a spelled-number parser accepts as a first word. Around each number the scanner
//! reads what changes its meaning: a sign or currency before it, and after it a fraction,
//! exponent, ordinal suffix, number words, scale word, percent, currency, temperature or unit.
//! Numbers that name rather than count (dates, times, identifiers) are classified, not dropped.
//!
//! Speed comes from not looking: `skip` passes over prose 64 bytes at a time to the next
//! digit, wide character or word that `gate` admits from its first three letters; the suffix
//! and hedge tables are looked up through a [`sieve`] by edge byte and token length; and the
//! text after a number is measured once ([`affix::Next`]) for all of them.

pub mod affix;
pub mod dates;
mod gate;
pub mod numeral;
pub mod sieve;
mod skip;
pub mod spelled;
pub mod words_de;
pub mod words_en;

use crate::locale::{Cue, Language, Profile, Resolution, language_of};
use crate::quantity::{Kind, Quantity, Reading, Span};
use affix::{Next, Suffix};
use gate::Gate;
use rust_decimal::{Decimal, MathematicalOps};
use sieve::WordSet;
use skip::Skipper;
use spelled::{Form, Spelled};
use std::sync::LazyLock;

/// Finds the numbers in `text`, reading ambiguous numerals with `profile`.
pub fn scan(text: &str, profile: &Profile) -> Vec<Quantity> {
    let mut s = Scanner {
        text,
        bytes: text.as_bytes(),
        profile,
        gate: Gate::of(profile.language),
        // About one number in a hundred bytes of prose: most texts need the Vec grown (and
        // copied) rarely, if at all.
        out: Vec::with_capacity((text.len() / 100).min(1 << 16)),
    };
    s.run();
    s.out
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    profile: &'a Profile,
    gate: &'static Gate,
    out: Vec<Quantity>,
}

/// Words before a number that make it an identifier ("local 574", "No. 5", "Section 3").
const ID_CUES: &[&str] = &[
    "local",
    "Local",
    "No",
    "no",
    "Nr",
    "nr",
    "nrs",
    "Nos",
    "Section",
    "section",
    "Sec",
    "Article",
    "article",
    "Art",
    "Chapter",
    "chapter",
    "Ch",
    "Page",
    "page",
    "p",
    "pp",
    "Room",
    "room",
    "Flight",
    "flight",
    "Route",
    "route",
    "Highway",
    "Interstate",
    "Bus",
    "bus",
    "Line",
    "line",
    "Platform",
    "Gate",
    "gate",
    "Table",
    "Figure",
    "Fig",
    "Appendix",
    "Vol",
    "Volume",
    "Issue",
    "Episode",
    "Season",
    "Amendment",
    "Paragraph",
    "Absatz",
    "Abs",
    "Kapitel",
    "Seite",
    "S",
    "Artikel",
    "Ziffer",
    "Drucksache",
    "ISBN",
    "Item",
    "item",
    "version",
    "Version",
    "Release",
    "Model",
    "model",
    "Level",
    "level",
    "Ward",
    "District",
    "Precinct",
    "Zimmer",
    "Haus",
    "Nummer",
    "number",
];

/// Words before a 4-digit number that make it a year ("in 1934", "of 2020", "seit 1990").
const YEAR_CUES: &[&str] = &[
    "in",
    "In",
    "of",
    "since",
    "Since",
    "until",
    "by",
    "from",
    "to",
    "during",
    "year",
    "early",
    "late",
    "mid",
    "before",
    "after",
    "around",
    "circa",
    "im",
    "Jahr",
    "Jahre",
    "seit",
    "Seit",
    "bis",
    "von",
    "vor",
    "nach",
    "ab",
    "Anfang",
    "Ende",
    "Mitte",
    "Sommer",
    "Winter",
    "Frühjahr",
    "Herbst",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
];

/// Words before a German "3." that make it an ordinal even before a capitalised noun.
const DE_ORDINAL_CUES: &[&str] = &[
    "der", "die", "das", "dem", "den", "des", "am", "im", "zum", "zur", "vom", "beim", "ihr",
    "ihre", "sein", "seine", "seinem", "ihrem", "ihren", "seinen", "jeder", "jede", "jedes",
];

static ID_CUE_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ID_CUES));
static YEAR_CUE_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(YEAR_CUES));
static DE_ORDINAL_CUE_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(DE_ORDINAL_CUES));

/// Byte classes of the scanner's main loop.
const C_OTHER: u8 = 0;
const C_DIGIT: u8 = 1;
const C_LETTER: u8 = 2;
/// '.' and ',': a decimal may start there (".25").
const C_MARK: u8 = 3;
/// The first byte of a character of several bytes.
const C_MULTI: u8 = 4;

static CLASS: [u8; 256] = {
    let mut t = [C_OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            C_DIGIT
        } else if c.is_ascii_alphabetic() {
            C_LETTER
        } else if c == b'.' || c == b',' {
            C_MARK
        } else if c >= 0xC0 {
            C_MULTI
        } else {
            C_OTHER
        };
        b += 1;
    }
    t
};

/// Length of the run of ASCII letters at the start of `b`, eight bytes at a time.
fn ascii_letters(b: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = ONES * 0x80;
    const CASE: u64 = ONES * 0x20;
    let mut chunks = b.chunks_exact(8);
    let mut n = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let v = u64::from_le_bytes(word);
        // Lower-cased, seven-bit bytes: adding these sets the high bit of a byte from 'a'
        // on, and from past 'z' on. Bytes with the high bit set are no ASCII letters.
        let low = (v | CASE) & !HIGHS;
        let from_a = low + ONES * u64::from(0x80 - b'a');
        let past_z = low + ONES * u64::from(0x80 - b'z' - 1);
        let letters = from_a & !past_z & !v & HIGHS;
        if letters != HIGHS {
            return n + ((!letters & HIGHS).trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + chunks
        .remainder()
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count()
}

/// Vulgar fraction characters and their values (numerator, denominator).
fn vulgar(c: char) -> Option<(i64, i64)> {
    Some(match c {
        '½' => (1, 2),
        '⅓' => (1, 3),
        '⅔' => (2, 3),
        '¼' => (1, 4),
        '¾' => (3, 4),
        '⅕' => (1, 5),
        '⅖' => (2, 5),
        '⅗' => (3, 5),
        '⅘' => (4, 5),
        '⅙' => (1, 6),
        '⅚' => (5, 6),
        '⅐' => (1, 7),
        '⅛' => (1, 8),
        '⅜' => (3, 8),
        '⅝' => (5, 8),
        '⅞' => (7, 8),
        '⅑' => (1, 9),
        '⅒' => (1, 10),
        _ => return None,
    })
}

fn frac(n: i64, d: i64) -> Option<Decimal> {
    Decimal::from(n).checked_div(Decimal::from(d))
}

/// The word (run of letters) that ends right before `end`, skipping spaces and one '.'.
pub fn word_before(text: &str, end: usize) -> Option<(usize, &str)> {
    let t = text[..end].trim_end();
    let t = t.strip_suffix('.').unwrap_or(t);
    // ASCII letters byte by byte; letters of more bytes before them char by char.
    let ascii = t.bytes().rev().take_while(u8::is_ascii_alphabetic).count();
    let mut start = t.len() - ascii;
    if t.as_bytes()[..start].last().is_some_and(|&b| b >= 0x80) {
        start = t[..start]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(start, |(i, _)| i);
    }
    (start < t.len()).then(|| (start, &t[start..]))
}

impl<'a> Scanner<'a> {
    fn run(&mut self) {
        let n = self.bytes.len();
        let mut skipper = Skipper::new(self.bytes, self.gate);
        let mut i = 0;
        while i < n {
            // Prose where nothing can start is passed over a block at a time.
            i = skipper.next(i);
            if i >= n {
                break;
            }
            let b = self.bytes[i];
            match CLASS[usize::from(b)] {
                C_OTHER => i += 1,
                C_DIGIT => i = self.at_digit(i),
                C_LETTER => {
                    // ASCII letters first: the common case, kept tight.
                    let mut we = i + ascii_letters(&self.bytes[i..]);
                    if we < n && self.bytes[we] >= 0x80 {
                        we = self.word_end(we);
                    }
                    i = if self.boundary_before(i) {
                        self.at_word(i, we).unwrap_or(we)
                    } else {
                        we
                    };
                }
                C_MARK => {
                    if self.bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                        && self.boundary_before(i)
                    {
                        i = self.at_digit(i);
                    } else {
                        i += 1;
                    }
                }
                _ => i = self.at_multibyte(i),
            }
        }
    }

    /// A character of several bytes: a letter starting a word, a vulgar fraction, or neither.
    fn at_multibyte(&mut self, i: usize) -> usize {
        let we = self.word_end(i);
        if we > i {
            return if self.boundary_before(i) {
                self.at_word(i, we).unwrap_or(we)
            } else {
                we
            };
        }
        let c = self.text[i..].chars().next().unwrap_or(' ');
        let end = i + c.len_utf8();
        match vulgar(c) {
            Some((num, den)) => {
                let q = Quantity::new(Span::new(i, end), Kind::Fraction, frac(num, den));
                self.finish(q, end, i)
            }
            None => end,
        }
    }

    /// End of the word starting at `i` (letters only).
    fn word_end(&self, i: usize) -> usize {
        let mut j = i;
        while j < self.bytes.len() {
            let b = self.bytes[j];
            if b.is_ascii_alphabetic() {
                j += 1;
            } else if b >= 0x80 {
                match self.text[j..].chars().next() {
                    Some(c) if c.is_alphabetic() => j += c.len_utf8(),
                    _ => break,
                }
            } else {
                break;
            }
        }
        j
    }

    /// Whether the character before `i` leaves `i` at the start of a token.
    #[inline]
    fn boundary_before(&self, i: usize) -> bool {
        if i == 0 {
            return true;
        }
        let b = self.bytes[i - 1];
        if b < 0x80 {
            return !b.is_ascii_alphanumeric();
        }
        self.boundary_after_multibyte(i)
    }

    #[cold]
    fn boundary_after_multibyte(&self, i: usize) -> bool {
        self.text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    }

    /// A spelled number, an article before a unit, or a URL to skip, at the word `ws..we`.
    /// Most words are none of these and leave after the cheap tests here.
    #[inline(always)]
    fn at_word(&mut self, ws: usize, we: usize) -> Option<usize> {
        if !self.gate.admits(&self.bytes[ws..we]) {
            return None;
        }
        let word = &self.text[ws..we];
        let may_start = match self.profile.language {
            Language::En => words_en::may_start(word),
            Language::De => words_de::may_start(word),
            Language::Other => false,
        };
        if may_start || is_article(word) || is_url_scheme(word) {
            self.at_candidate_word(ws, we, may_start)
        } else {
            None
        }
    }

    /// [`Scanner::at_word`] for a word that may start a spelled number (`may_start`), is an
    /// article or starts a URL. Kept out of line so that the test for every word stays small.
    #[inline(never)]
    fn at_candidate_word(&mut self, ws: usize, we: usize, may_start: bool) -> Option<usize> {
        // "a house": after "a" or "an" only a number word or a unit word makes anything.
        let word = &self.text[ws..we];
        if (word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an"))
            && !Gate::after_article().admits_next_word(&self.bytes[we..])
        {
            return None;
        }
        if is_url_scheme(&self.text[ws..we]) {
            let rest = &self.text[we..];
            if rest.starts_with("://") || rest.starts_with('.') {
                return Some(self.skip_nonspace(we));
            }
        }
        let parsed = match self.profile.language {
            Language::En if may_start => words_en::parse(&self.text[ws..]),
            Language::De if may_start => words_de::parse(&self.text[ws..]),
            _ => None,
        };
        let Some(sp) = parsed.filter(|sp| sp.len > 0) else {
            return self.article_before_unit(ws, we);
        };
        if sp.len == we - ws && self.pronoun_one(ws, we) {
            return None;
        }
        let mut end = ws + sp.len;
        let mut q = Quantity::new(Span::new(ws, end), form_kind(sp.form), Some(sp.value));
        q.precision = sp.precision;
        if sp.form == Form::Vague {
            q.low = Some(sp.value);
            q.value = None;
        } else if matches!(sp.form, Form::Cardinal | Form::Fraction) {
            // "twenty percent", "zwei Euro", "five km".
            if let Some(e) = self.unit_suffix(&mut q, end, Next::new(&self.text[end..])) {
                end = e;
            }
        }
        Some(self.finish(q, end, ws))
    }

    /// Whether the word "one" at `ws..we` is a pronoun, not a count: "no one", "the old one",
    /// "which one", "one another", "one of these days" is left alone.
    fn pronoun_one(&self, ws: usize, we: usize) -> bool {
        const BEFORE: &[&str] = &[
            "the", "this", "that", "which", "no", "any", "every", "each", "another", "only",
            "last", "next", "other", "same", "right", "wrong", "little", "big", "new", "old",
            "good", "bad",
        ];
        if !self.text[ws..we].eq_ignore_ascii_case("one") || self.profile.language != Language::En {
            return false;
        }
        let after = self.text[we..].trim_start();
        if after.starts_with("another") {
            return true;
        }
        // "that one mile" counts miles.
        let next = Next::new(&self.text[we..]);
        if next.unit().is_some() || next.currency().is_some() {
            return false;
        }
        word_before(self.text, ws)
            .is_some_and(|(_, w)| BEFORE.iter().any(|b| b.eq_ignore_ascii_case(w)))
    }

    /// An indefinite article before a currency or unit word is one of it: "a dollar", "ein
    /// Liter", "einen Euro". Symbols ("a m") and articles before anything else are no number.
    fn article_before_unit(&mut self, ws: usize, we: usize) -> Option<usize> {
        if !is_article(&self.text[ws..we]) {
            return None;
        }
        let next = Next::new(&self.text[we..]);
        let f = next.currency().or_else(|| next.unit())?;
        let unit_word = &next.rest()[f.word_start..f.len];
        if f.word_start == 0
            || unit_word.chars().count() < 2
            || !unit_word.chars().all(char::is_alphabetic)
        {
            return None;
        }
        // "1/16 of an inch" is no inch.
        if word_before(self.text, ws).is_some_and(|(_, w)| w.eq_ignore_ascii_case("of")) {
            return None;
        }
        let mut q = Quantity::new(Span::new(ws, we), Kind::Number, Some(Decimal::ONE));
        q.precision = Some(Decimal::ONE);
        // "half a meter": the fraction before the article is the amount.
        let fraction = self
            .out
            .last()
            .filter(|p| p.kind == Kind::Fraction && self.text[p.span.end..ws].trim().is_empty());
        let start = match fraction {
            Some(p) => {
                q.value = p.value;
                q.precision = None;
                q.span.start = p.span.start;
                Some(p.span.start)
            }
            None => None,
        };
        let end = self.unit_suffix(&mut q, we, next)?;
        if start.is_some() {
            self.out.pop();
        }
        Some(self.finish(q, end, start.unwrap_or(ws)))
    }

    fn skip_nonspace(&self, mut i: usize) -> usize {
        while i < self.bytes.len() && !self.bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    }

    /// Reads the number that starts at `pos` (a digit, or a '.'/',' before one) and returns
    /// where scanning goes on.
    fn at_digit(&mut self, pos: usize) -> usize {
        let text = self.text;
        // Digits glued to letters before them ("A380", "mp3", "v1.2.3", "COVID-19" is handled below).
        if !self.boundary_before(pos)
            && affix::currency_before(text, pos).is_none_or(|(_, s)| !self.boundary_before(s))
        {
            return self.glued(pos);
        }
        if let Some(f) = dates::month_day(text, pos).or_else(|| dates::at_digit(text, pos)) {
            let kind = if f.is_date { Kind::Date } else { Kind::Time };
            let mut q = Quantity::new(Span::new(f.start, f.end), kind, None);
            q.date = Some(f.iso);
            self.out.push(q);
            return f.end;
        }
        let shape = numeral::shape(text, pos);
        if let Some(end) = self.identifier(pos, shape.as_ref()) {
            return end;
        }
        let Some(sh) = shape else {
            return pos + 1;
        };
        if sh.is_overlong() {
            let mut q = Quantity::new(Span::new(pos, sh.end()), Kind::Identifier, None);
            q.too_large = true;
            self.out.push(q);
            return sh.end();
        }
        let next = Next::new(&text[sh.end()..]);
        let cue = self.cue(&sh, next);
        // The sentence's language is read only when nothing else decides, and only when no
        // scale word or count noun follows (those readings keep the document's language).
        let res = self.profile.resolve_in(&sh, cue, || {
            if cue.scale_word.is_none() && cue.count_noun.is_none() {
                language_of(self.around(pos))
            } else {
                None
            }
        });
        let (value, reading) = match res {
            Resolution::Plain(v) => (v, None),
            Resolution::Ambiguous {
                value,
                grouping,
                reason,
            } => (
                value,
                Some(Reading {
                    separator_as: if grouping { "grouping" } else { "decimal" },
                    reason,
                }),
            ),
            Resolution::Unreadable => return self.list(&sh),
        };
        let mut q = Quantity::new(Span::new(pos, sh.end()), Kind::Number, value.value);
        q.precision = Some(value.precision);
        q.too_large = value.value.is_none();
        q.reading = reading;
        let plain_int = sh.groups.len() == 1 && sh.leading.is_none();
        let end = self.after_numeral(&mut q, sh.end(), plain_int, next);
        if plain_int && q.kind == Kind::Number && q.unit.is_none() && q.span.start == pos {
            self.maybe_year(&mut q, sh.groups[0], next);
        }
        self.finish(q, end, pos)
    }

    /// The words after the numeral `sh` that decide an ambiguous separator. Only a numeral
    /// with a separator can be ambiguous, so the words after others are not read.
    /// `next` is the text after the numeral.
    fn cue(&self, sh: &numeral::Shape<'_>, next: Next<'a>) -> Cue<'a> {
        if sh.seps.is_empty() {
            return Cue::default();
        }
        Cue {
            scale_word: next.scale(self.german()).map(|f| {
                let w = &next.rest()[f.word_start..f.len];
                w.trim_end_matches('.')
            }),
            count_noun: next.count_noun(),
            sentence: None,
        }
    }

    /// The text after `end`, split for the suffix tables: `known` when that is it already.
    fn next_at(&self, end: usize, known: Next<'a>) -> Next<'a> {
        if known.rest().len() == self.text.len() - end {
            known
        } else {
            Next::new(&self.text[end..])
        }
    }

    /// About 300 bytes of text around `pos`, for the sentence's language.
    fn around(&self, pos: usize) -> &str {
        let lo = crate::locale::floor_char_boundary(self.text, pos.saturating_sub(150));
        let hi = crate::locale::floor_char_boundary(self.text, pos + 150);
        &self.text[lo..hi]
    }

    fn german(&self) -> bool {
        self.profile.language == Language::De
    }

    /// Digits glued to letters before them: an identifier such as "A380" or "v1.2.3".
    fn glued(&mut self, pos: usize) -> usize {
        let mut end = pos;
        let rest = &self.text[pos..];
        for (k, c) in rest.char_indices() {
            let dot_digit = c == '.' && rest[k + 1..].starts_with(|d: char| d.is_ascii_digit());
            if !(c.is_alphanumeric() || dot_digit) {
                break;
            }
            end = pos + k + c.len_utf8();
        }
        // The word the digits are glued to, but never into a number already found.
        let floor = self.out.last().map_or(0, |q| q.span.end);
        let start = self.text[floor.min(pos)..pos]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric())
            .last()
            .map_or(pos, |(i, _)| floor.min(pos) + i);
        // Only the digit run itself is a value ("A380" → 380).
        let digits_end = pos
            + self.bytes[pos..end]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
        let v = numeral::digits_to_decimal(
            self.bytes[pos..digits_end].iter().copied(),
            digits_end - pos,
            0,
        );
        let mut q = Quantity::new(Span::new(start, end), Kind::Identifier, v);
        q.too_large = v.is_none();
        self.out.push(q);
        end
    }

    /// Identifiers recognised by their shape `shape` (of the numeral at `pos`) or the word
    /// before them.
    fn identifier(&mut self, pos: usize, shape: Option<&numeral::Shape<'_>>) -> Option<usize> {
        let text = self.text;
        let bytes = self.bytes;
        // "[12]" citation marks.
        if pos > 0 && bytes[pos - 1] == b'[' {
            let n = bytes[pos..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if bytes.get(pos + n) == Some(&b']') {
                return Some(self.push_id(pos, pos + n));
            }
        }
        // Phone numbers: "+1-222-2222", "555-123-4567", "(555) 123-4567".
        if let Some(end) = phone(text, pos) {
            let start = if pos > 0 && bytes[pos - 1] == b'+' {
                pos - 1
            } else {
                pos
            };
            self.out
                .push(Quantity::new(Span::new(start, end), Kind::Identifier, None));
            return Some(end);
        }
        // Dotted runs that are no number: IP addresses and versions ("192.168.1.2", "1.2.3").
        if let Some(sh) = shape {
            let dotted = sh.seps.len() >= 2 && sh.seps.iter().all(|&c| c == '.');
            if dotted && !sh.is_overlong() && sh.read(numeral::DE).is_none() {
                let end = sh.end();
                let mut q = Quantity::new(Span::new(pos, end), Kind::Identifier, None);
                q.unit = Some(
                    if sh.groups.len() == 4 {
                        "ip"
                    } else {
                        "version"
                    }
                    .to_string(),
                );
                self.out.push(q);
                return Some(end);
            }
        }
        // A cue word before: "local 574", "No. 5", "§ 3", "# 4".
        let before = text[..pos].trim_end_matches([' ', '\u{a0}']);
        let cue = before.ends_with('§')
            || before.ends_with('#')
            || word_before(text, pos).is_some_and(|(_, w)| ID_CUE_SET.contains(w));
        if cue {
            let sh = shape?;
            let readable = sh
                .read(numeral::EN)
                .or_else(|| sh.read(numeral::DE))
                .is_some();
            // An unreadable run ("nrs. 22,24,26") is a list: its first number alone.
            if !readable {
                return Some(self.list(sh));
            }
            let mut end = sh.end();
            // "12a", "574-B".
            while end < bytes.len() && bytes[end].is_ascii_alphabetic() {
                end += 1;
            }
            let v = sh
                .read(numeral::EN)
                .or_else(|| sh.read(numeral::DE))
                .and_then(|v| v.value);
            let mut q = Quantity::new(Span::new(pos, end), Kind::Identifier, v);
            q.precision = Some(Decimal::ONE);
            self.out.push(q);
            return Some(end);
        }
        None
    }

    /// A run that no convention reads as one number ("22,24,26,31") is a list: each digit
    /// run is a whole number of its own.
    fn list(&mut self, sh: &numeral::Shape<'_>) -> usize {
        let mut at = sh.start + sh.leading.map_or(0, char::len_utf8);
        for (k, g) in sh.groups.iter().enumerate() {
            let v = numeral::digits_to_decimal(g.bytes(), g.len(), 0);
            let mut q = Quantity::new(Span::new(at, at + g.len()), Kind::Number, v);
            q.precision = Some(Decimal::ONE);
            q.too_large = v.is_none();
            if k == 0 {
                // Only the first may carry a sign or currency before it.
                self.finish(q, at + g.len(), at);
            } else {
                self.out.push(q);
            }
            at += g.len();
            at += self.text[at..].chars().next().map_or(0, char::len_utf8);
        }
        sh.end()
    }

    /// Pushes the digit run `start..end` as an identifier with its value ("[12]").
    fn push_id(&mut self, start: usize, end: usize) -> usize {
        let v = numeral::digits_to_decimal(self.bytes[start..end].iter().copied(), end - start, 0);
        self.out
            .push(Quantity::new(Span::new(start, end), Kind::Identifier, v));
        end
    }

    /// Reads what follows a numeral and ends at `end`: fraction, exponent, ordinal suffix,
    /// number words, scale, percent, currency, temperature, unit. Returns the new end. `next`
    /// is the text after the numeral.
    fn after_numeral(
        &mut self,
        q: &mut Quantity,
        mut end: usize,
        plain_int: bool,
        next: Next<'a>,
    ) -> usize {
        let text = self.text;
        let rest = &text[end..];
        // "3/4", "2 1/4".
        if plain_int && let Some((len, v)) = slash_fraction(rest, q.value) {
            q.value = Some(v);
            q.kind = Kind::Fraction;
            q.precision = None;
            return end + len;
        }
        // "2½".
        if let Some(c) = rest.chars().next()
            && let Some((n, d)) = vulgar(c)
            && let (Some(v), Some(f)) = (q.value, frac(n, d))
        {
            q.value = v.checked_add(f);
            q.precision = None;
            end += c.len_utf8();
        }
        // "1.2e6", "1.3x10^6", "1.1^23".
        if let Some((len, v)) = exponent(&text[end..], q.value) {
            q.value = v;
            q.too_large = v.is_none();
            q.precision = None;
            return end + len;
        }
        let rest = &text[end..];
        // "23rd", "1st".
        if plain_int {
            let suf = rest.get(..2).unwrap_or("");
            if ["st", "nd", "rd", "th", "ST", "ND", "RD", "TH"].contains(&suf)
                && rest[2..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
            {
                q.kind = Kind::Ordinal;
                return end + 2;
            }
            if self.german() && self.german_ordinal(rest, q.span.start) {
                q.kind = Kind::Ordinal;
                return end + 1;
            }
        }
        // Number words: "3 hundred and 21", "1,5 Millionen", "2 million and a half".
        let precision = q.precision.unwrap_or(Decimal::ONE);
        let cont: Option<Spelled> = match (q.value, self.profile.language) {
            (Some(v), Language::En) => words_en::continue_after(v, precision, rest),
            (Some(v), Language::De) => words_de::continue_after(v, precision, rest),
            _ => None,
        };
        if let Some(sp) = cont.filter(|sp| sp.len > 0 && keeps_continuation(rest, sp)) {
            if sp.value != q.value.unwrap_or_default() || sp.form != Form::Cardinal {
                q.scale = q.value.and_then(|v| {
                    if v.is_zero() {
                        None
                    } else {
                        sp.value.checked_div(v)
                    }
                });
            }
            q.value = Some(sp.value);
            q.precision = sp.precision;
            q.kind = form_kind(sp.form);
            end += sp.len;
        } else if let Some(f) = self.next_at(end, next).scale(self.german())
            && let Suffix::Scale(k) = f.suffix
        {
            q.value = q.value.and_then(|v| v.checked_mul(k));
            q.too_large = q.value.is_none();
            q.precision = q.precision.and_then(|p| p.checked_mul(k));
            q.scale = Some(k);
            end += f.len;
        }
        if let Some(e) = self.unit_suffix(q, end, next) {
            return e;
        }
        let rest = &text[end..];
        // Letters glued to the number that no suffix took ("3D", "4G"): an identifier.
        if rest.chars().next().is_some_and(char::is_alphabetic)
            && q.kind == Kind::Number
            && q.scale.is_none()
        {
            let n = rest
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .map(char::len_utf8)
                .sum::<usize>();
            if plain_int && (rest[..n] == *"s" || rest[..n] == *"er") {
                // "1990s", "1920er": a decade.
                if q.value
                    .is_some_and(|v| v >= Decimal::from(1000) && v <= Decimal::from(2100))
                {
                    q.kind = Kind::Year;
                    return end + n;
                }
            }
            q.kind = Kind::Identifier;
            return end + n;
        }
        end
    }

    /// A percent, currency, temperature or unit after a number that ends at `end`; sets the
    /// kind and unit of `q` and returns the new end. `known` is reused if it is the text after
    /// `end`.
    fn unit_suffix(&self, q: &mut Quantity, end: usize, known: Next<'a>) -> Option<usize> {
        let text = self.text;
        let next = self.next_at(end, known);
        let rest = next.rest();
        if let Some(f) = next.percent() {
            q.kind = match f.suffix {
                Suffix::PercentagePoints => Kind::PercentagePoints,
                Suffix::PerMille => Kind::PerMille,
                _ => Kind::Percent,
            };
            q.unit = Some(
                match q.kind {
                    Kind::PercentagePoints => "pp",
                    Kind::PerMille => "‰",
                    _ => "%",
                }
                .to_string(),
            );
            return Some(end + f.len);
        }
        if let Some(f) = next.currency()
            && let Suffix::Currency(code) = f.suffix
        {
            q.kind = Kind::Money;
            q.unit = Some(code.to_string());
            let mut end = end + f.len;
            // "10 grand" is ten thousand.
            let grand = rest[f.word_start..f.len].eq_ignore_ascii_case("grand");
            // "120 MEUR"; "75 USD million" puts the scale after the currency.
            let factor = f
                .factor
                .or(grand.then_some(Decimal::ONE_THOUSAND))
                .or_else(|| {
                    let s =
                        affix::scale(&text[end..], self.german()).filter(|_| q.scale.is_none())?;
                    end += s.len;
                    match s.suffix {
                        Suffix::Scale(k) => Some(k),
                        _ => None,
                    }
                });
            if let Some(k) = factor {
                q.value = q.value.and_then(|v| v.checked_mul(k));
                q.too_large = q.value.is_none();
                q.precision = q.precision.and_then(|p| p.checked_mul(k));
                q.scale = Some(k);
            }
            return Some(end);
        }
        if let Some(f) = next.temperature()
            && let Suffix::Temperature(sym) = f.suffix
        {
            q.kind = Kind::Temperature;
            q.unit = Some(sym.to_string());
            return Some(end + f.len);
        }
        if let Some(f) = next.unit()
            && let Suffix::Unit(sym) = f.suffix
        {
            q.kind = Kind::Measure;
            q.unit = Some(sym.to_string());
            return Some(end + f.len);
        }
        // A compound adjective: "a 21-acre campus", "a 10-km run". Only lower-case units of
        // two letters or more ("10-K" is a filing), and no time units ("a 10-year bond").
        if let Some(after) = rest.strip_prefix('-')
            && let Some(f) = affix::unit(after)
            && let Suffix::Unit(sym) = f.suffix
            && f.word_start == 0
            && f.len >= 2
            && after[..f.len]
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b' ')
            && !matches!(sym, "h" | "min" | "s" | "d" | "wk" | "mo" | "yr")
        {
            q.kind = Kind::Measure;
            q.unit = Some(sym.to_string());
            return Some(end + 1 + f.len);
        }
        None
    }

    /// A German ordinal "3." before a word ("die 3. Banane", "der 23. Platz").
    fn german_ordinal(&self, rest: &str, start: usize) -> bool {
        let Some(after) = rest.strip_prefix(". ") else {
            return false;
        };
        let Some(c) = after.chars().next() else {
            return false;
        };
        if c.is_lowercase() {
            return true;
        }
        c.is_uppercase()
            && word_before(self.text, start).is_some_and(|(_, w)| DE_ORDINAL_CUE_SET.contains(w))
    }

    /// A plain 4-digit number is a year when it lies in 1800–2100, or in 1000–1799 after a
    /// year cue ("in 1492"). `next` is the text after the numeral.
    fn maybe_year(&self, q: &mut Quantity, digits: &str, next: Next<'a>) {
        if digits.len() != 4 {
            return;
        }
        let Some(v) = q.value else { return };
        let possible = v >= Decimal::from(1000) && v <= Decimal::from(2100);
        if !possible || self.next_at(q.span.end, next).count_noun().is_some() {
            return;
        }
        let likely = v >= Decimal::from(1800);
        // The cue word is read only for the years that need one.
        let cue =
            || word_before(self.text, q.span.start).is_some_and(|(_, w)| YEAR_CUE_SET.contains(w));
        if likely || cue() {
            q.kind = Kind::Year;
        }
    }

    /// Adds what stands before a number (currency, sign) and pushes it. Returns `end`.
    fn finish(&mut self, mut q: Quantity, end: usize, start: usize) -> usize {
        q.span.end = q.span.end.max(end);
        let text = self.text;
        // A symbol that a number before already took ("10 $ 30") is not this one's.
        let taken = self.out.last().map_or(0, |l| l.span.end);
        if let Some((code, sym_start)) = affix::currency_before(text, start)
            && sym_start >= taken
            && matches!(q.kind, Kind::Number | Kind::Money | Kind::Year)
        {
            q.kind = Kind::Money;
            q.unit = Some(code.to_string());
            q.span.start = sym_start;
        }
        let sign_at = q.span.start;
        if let Some((neg, sign_start)) = sign_before(text, sign_at, self.out.last())
            && q.kind.is_quantity()
            && q.kind != Kind::Range
        {
            if neg {
                q.value = q.value.map(|v| -v);
            }
            q.span.start = sign_start;
        }
        self.out.push(q);
        end
    }
}

/// Indefinite articles, and "one": before a unit word they are one of it (any case).
const ARTICLES: &[&str] = &[
    "a", "an", "one", "ein", "eine", "einen", "einem", "einer", "eines",
];

/// Words that begin a URL, as written.
const URL_SCHEMES: &[&str] = &["http", "https", "www", "ftp"];

/// Whether `word` is an indefinite article, or "one", in any case.
fn is_article(word: &str) -> bool {
    ARTICLES.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Whether `word` begins a URL ("https", "www").
fn is_url_scheme(word: &str) -> bool {
    URL_SCHEMES.contains(&word)
}

/// Whether number words after a numeral join it. An ordinal ("280 million first preferred
/// notes") does not, nor does a ratio of two numerals ("30 out of 120 seats", "2 in 5"): those
/// stay two figures, which the rules relate to each other.
fn keeps_continuation(rest: &str, sp: &Spelled) -> bool {
    match sp.form {
        Form::Ordinal => false,
        Form::Fraction => {
            let r = rest.trim_start();
            let ratio = ["out of ", "in ", "of every ", "in every "]
                .iter()
                .find_map(|w| r.strip_prefix(w));
            !ratio.is_some_and(|after| after.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        }
        _ => true,
    }
}

/// The kind a spelled form gives.
fn form_kind(f: Form) -> Kind {
    match f {
        Form::Cardinal => Kind::Number,
        Form::Fraction => Kind::Fraction,
        Form::Ordinal => Kind::Ordinal,
        Form::Multiple => Kind::Multiple,
        Form::Vague => Kind::Vague,
    }
}

/// A sign right before `start`: '-', '+', '−' (U+2212), or "minus "/"negative "/"negativ ".
/// Returns whether it is negative and where it starts. A hyphen between two numbers ("5-10")
/// or after a letter ("SCP-173") is no sign.
fn sign_before(text: &str, start: usize, last: Option<&Quantity>) -> Option<(bool, usize)> {
    let before = &text[..start];
    let (neg, sign_start) = if let Some(h) = before.strip_suffix('-') {
        (true, h.len())
    } else if let Some(h) = before.strip_suffix('−') {
        (true, h.len())
    } else if let Some(h) = before.strip_suffix('+') {
        (false, h.len())
    } else if let Some(h) = before.strip_suffix("− ")
        && (h.is_empty() || h.ends_with([' ', '\n', '(']))
    {
        // "below − 80 °C": the minus sign U+2212 is no dash, spaced or not.
        (true, h.len())
    } else if let Some(h) = before.strip_suffix("- ") {
        // "- 1,200,000": a spaced minus only at the start of a line or after "(".
        if !(h.is_empty() || h.ends_with('\n') || h.ends_with('(')) {
            return None;
        }
        (true, h.len())
    } else {
        // "minus", "negative", "negativ" and one space: most numbers have no such word before.
        let b = before.as_bytes();
        if !(b.len() >= 2
            && b[b.len() - 1] == b' '
            && matches!(b[b.len() - 2] | 0x20, b's' | b'e' | b'v'))
        {
            return None;
        }
        let (ws, w) = word_before(text, start)?;
        let gap = &text[ws + w.len()..start];
        if gap != " " {
            return None;
        }
        if !["minus", "negative", "negativ"]
            .iter()
            .any(|m| m.eq_ignore_ascii_case(w))
        {
            return None;
        }
        (true, ws)
    };
    let prev = text[..sign_start].chars().next_back();
    if prev.is_some_and(|c| c.is_alphanumeric() || matches!(c, '%' | ')' | '-' | '–')) {
        return None;
    }
    // A number right before a spaced sign makes it an operator or a range ("5 - 3").
    if let Some(q) = last {
        let between = &text[q.span.end.min(sign_start)..sign_start];
        if between.trim().is_empty() && q.span.end <= sign_start && sign_start - q.span.end <= 2 {
            return None;
        }
    }
    Some((neg, sign_start))
}

/// "/digits" right after an integer ("3/4"), or " d/d" after one ("2 1/4"). Returns the bytes
/// covered and the value.
fn slash_fraction(rest: &str, whole: Option<Decimal>) -> Option<(usize, Decimal)> {
    let whole = whole?;
    if let Some(r) = rest.strip_prefix('/') {
        let n = r.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 || r[n..].starts_with(|c: char| c == '/' || c.is_alphanumeric()) {
            return None;
        }
        let den: Decimal = r[..n].parse().ok()?;
        return Some((1 + n, whole.checked_div(den)?));
    }
    // Mixed number: at least one space, then d/d.
    let ws = rest.len() - rest.trim_start_matches(' ').len();
    if ws == 0 || ws > 2 {
        return None;
    }
    let r = &rest[ws..];
    let a = r.bytes().take_while(u8::is_ascii_digit).count();
    let r2 = r[a..].strip_prefix('/')?;
    let b = r2.bytes().take_while(u8::is_ascii_digit).count();
    if a == 0 || b == 0 || r2[b..].starts_with(|c: char| c == '/' || c.is_alphanumeric()) {
        return None;
    }
    let num: Decimal = r[..a].parse().ok()?;
    let den: Decimal = r2[..b].parse().ok()?;
    if num >= den {
        return None;
    }
    let f = num.checked_div(den)?;
    let v = if whole.is_sign_negative() {
        whole.checked_sub(f)?
    } else {
        whole.checked_add(f)?
    };
    Some((ws + a + 1 + b, v))
}

/// An exponent after a mantissa: "e6", "E-3", "x10^6", "×10^-4", "^23", "^-1".
/// Returns the bytes covered and the value (`None` inside when it overflows).
fn exponent(rest: &str, base: Option<Decimal>) -> Option<(usize, Option<Decimal>)> {
    let base = base?;
    // Every form begins so; most numbers go on otherwise.
    if !rest.starts_with(['e', 'E', 'x', '×', '*', '·', '^'])
        && !rest.starts_with(" x ")
        && !rest.starts_with(" × ")
    {
        return None;
    }
    let signed = |s: &str| -> Option<(usize, i64)> {
        let mut neg = false;
        let mut i = 0;
        let b = s.as_bytes();
        loop {
            if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
                neg ^= b[i] == b'-';
                i += 1;
            } else if s[i..].starts_with('−') {
                neg = !neg;
                i += '−'.len_utf8();
            } else {
                break;
            }
        }
        let n = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 || n > 4 || s[i + n..].starts_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        let e: i64 = s[i..i + n].parse().ok()?;
        Some((i + n, if neg { -e } else { e }))
    };
    let ten_pow = |e: i64| -> Option<Decimal> {
        if e.unsigned_abs() > 28 {
            return None;
        }
        let p = Decimal::from_i128_with_scale(10i128.pow(e.unsigned_abs() as u32), 0);
        if e >= 0 {
            Some(p)
        } else {
            Decimal::ONE.checked_div(p)
        }
    };
    if let Some(r) = rest.strip_prefix(['e', 'E']) {
        let (n, e) = signed(r)?;
        return Some((1 + n, ten_pow(e).and_then(|p| base.checked_mul(p))));
    }
    for times in [
        "x10^", "×10^", "*10^", " x 10^", " × 10^", "·10^", "x10", "×10",
    ] {
        if let Some(r) = rest.strip_prefix(times) {
            // Without a caret the exponent needs its sign: "5.5x10-3", "2.48×10−5".
            if !times.ends_with('^') && !r.starts_with(['-', '+', '−']) {
                continue;
            }
            let (n, e) = signed(r)?;
            return Some((
                times.len() + n,
                ten_pow(e).and_then(|p| base.checked_mul(p)),
            ));
        }
    }
    if let Some(r) = rest.strip_prefix('^') {
        let (n, e) = signed(r)?;
        let v = if e >= 0 {
            base.checked_powi(e)
        } else {
            base.checked_powi(-e)
                .and_then(|p| Decimal::ONE.checked_div(p))
        };
        return Some((1 + n, v.map(|v| v.round_sf(15).unwrap_or(v).normalize())));
    }
    None
}

/// A phone number at `pos`: three or more digit groups joined by '-' or '/' with at least seven
/// digits in all, or a leading '+'. Returns its end.
fn phone(text: &str, pos: usize) -> Option<usize> {
    let b = text.as_bytes();
    let plus = pos > 0 && b[pos - 1] == b'+';
    let paren = pos > 0 && b[pos - 1] == b'(';
    let mut i = pos;
    let mut groups = 0;
    let mut digits = 0;
    loop {
        let n = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            break;
        }
        groups += 1;
        digits += n;
        i += n;
        if paren && groups == 1 && b.get(i) == Some(&b')') && b.get(i + 1) == Some(&b' ') {
            i += 2;
            continue;
        }
        match b.get(i) {
            Some(b'-') | Some(b'/') if b.get(i + 1).is_some_and(u8::is_ascii_digit) => i += 1,
            _ => break,
        }
    }
    let end = i;
    if end < b.len() && b[end].is_ascii_alphanumeric() {
        return None;
    }
    ((groups >= 3 && digits >= 7) || (plus && groups >= 2 && digits >= 7)).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Setting;
    use std::str::FromStr;

    fn scan_str(s: &str) -> Vec<(String, Kind, Option<String>)> {
        let p = Profile::infer(s, Setting::Auto);
        scan(s, &p)
            .into_iter()
            .map(|q| {
                (
                    s[q.span.start..q.span.end].to_string(),
                    q.kind,
                    q.value.map(|v| v.normalize().to_string()),
                )
            })
            .collect()
    }

    fn one(s: &str) -> (String, Kind, Option<String>) {
        let v = scan_str(s);
        assert_eq!(v.len(), 1, "{s}: {v:?}");
        v.into_iter().next().unwrap_or_else(|| unreachable!())
    }

    fn t(text: &str, kind: Kind, value: Option<&str>) -> (String, Kind, Option<String>) {
        (text.to_string(), kind, value.map(str::to_string))
    }

    #[test]
    fn compound_adjectives_and_spaced_minus_signs() {
        assert_eq!(
            one("on a 21-acre campus"),
            t("21-acre", Kind::Measure, Some("21"))
        );
        assert_eq!(one("a 10-km run"), t("10-km", Kind::Measure, Some("10")));
        // A filing, a bond's term and a rating are no measures.
        assert_eq!(one("its 10-K filing"), t("10", Kind::Number, Some("10")));
        assert_eq!(one("a 10-year bond").1, Kind::Number);
        assert_eq!(one("a 5-star hotel"), t("5", Kind::Number, Some("5")));
        let minus = one("tops below \u{2212} 80 \u{b0}C");
        assert_eq!((minus.1, minus.2), (Kind::Temperature, Some("-80".into())));
        assert_eq!(scan_str("5 \u{2212} 3").len(), 2);
        assert_eq!(scan_str("5 \u{2212} 3")[1].2, Some("3".into()));
    }

    #[test]
    fn percent_money_scale() {
        assert_eq!(
            one("it's 8.79% total"),
            t("8.79%", Kind::Percent, Some("8.79"))
        );
        assert_eq!(
            one("(3.76 million)"),
            t("3.76 million", Kind::Number, Some("3760000"))
        );
        assert_eq!(
            one("of 1.19 trillion USD last"),
            t("1.19 trillion USD", Kind::Money, Some("1190000000000"))
        );
        assert_eq!(
            one("cost $1.19 trillion."),
            t("$1.19 trillion", Kind::Money, Some("1190000000000"))
        );
        assert_eq!(
            one("1,19 Billionen Euro"),
            t("1,19 Billionen Euro", Kind::Money, Some("1190000000000"))
        );
        assert_eq!(
            one("USD 1.19tn"),
            t("USD 1.19tn", Kind::Money, Some("1190000000000"))
        );
        assert_eq!(
            one("2 percentage points"),
            t("2 percentage points", Kind::PercentagePoints, Some("2"))
        );
    }

    #[test]
    fn not_quantities_are_classified() {
        assert_eq!(one("Mi 04.02.2026\n"), t("04.02.2026", Kind::Date, None));
        assert_eq!(
            one("SEIU local 26 President"),
            t("26", Kind::Identifier, Some("26"))
        );
        assert_eq!(
            one("the successful 1934 general strike"),
            t("1934", Kind::Year, Some("1934"))
        );
        assert_eq!(
            one("was -30° Celsius in"),
            t("-30° Celsius", Kind::Temperature, Some("-30"))
        );
        assert_eq!(one("see [12] for"), t("12", Kind::Identifier, Some("12")));
        assert_eq!(
            one("at 192.168.1.2 now"),
            t("192.168.1.2", Kind::Identifier, None)
        );
        assert_eq!(
            one("call +1-222-2222/2222"),
            t("+1-222-2222/2222", Kind::Identifier, None)
        );
        assert_eq!(
            one("the A380 plane"),
            t("A380", Kind::Identifier, Some("380"))
        );
        assert_eq!(one("before 11 a.m. Then"), t("11 a.m.", Kind::Time, None));
    }

    #[test]
    fn signs_fractions_exponents_ordinals() {
        assert_eq!(
            one(" -9.2321312"),
            t("-9.2321312", Kind::Number, Some("-9.2321312"))
        );
        assert_eq!(one("SCP-173"), t("173", Kind::Number, Some("173")));
        assert_eq!(one("2  1/4"), t("2  1/4", Kind::Fraction, Some("2.25")));
        assert_eq!(one("1.2e6"), t("1.2e6", Kind::Number, Some("1200000")));
        assert_eq!(
            one("6.23x10^-4"),
            t("6.23x10^-4", Kind::Number, Some("0.000623"))
        );
        assert_eq!(one("January 7th."), t("January 7th", Kind::Date, None));
        assert_eq!(one("the 23rd time"), t("23rd", Kind::Ordinal, Some("23")));
        assert_eq!(one("is ½"), t("½", Kind::Fraction, Some("0.5")));
    }

    #[test]
    fn splits_runs_no_convention_reads() {
        let v = scan_str("nrs. 22,24,26,31.");
        let values: Vec<_> = v.iter().map(|x| x.2.clone().unwrap_or_default()).collect();
        assert_eq!(values, ["22", "24", "26", "31"]);
    }

    #[test]
    fn an_article_before_a_unit_is_one_of_it() {
        assert_eq!(
            one("it cost a dollar"),
            t("a dollar", Kind::Money, Some("1"))
        );
        assert_eq!(
            one("a crater half a meter deep"),
            t("half a meter", Kind::Measure, Some("0.5"))
        );
        assert!(scan_str("within a fraction of an inch").is_empty());
    }

    #[test]
    fn the_pronoun_one_is_no_number() {
        assert!(scan_str("No one knows, and the old one was better. Help one another.").is_empty());
        assert_eq!(
            one("they broke one of his ribs"),
            t("one", Kind::Number, Some("1"))
        );
        assert_eq!(
            one("that one mile"),
            t("one mile", Kind::Measure, Some("1"))
        );
    }

    #[test]
    fn letter_runs_are_measured_eight_bytes_at_a_time() {
        let naive = |b: &[u8]| b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
        for c in 0..=255u8 {
            for at in 0..20 {
                let mut b = b"abcdefghijklmnopqrstuvwxyzABCD".to_vec();
                b[at] = c;
                assert_eq!(ascii_letters(&b), naive(&b), "byte {c:#x} at {at}");
                assert_eq!(
                    ascii_letters(&b[at..]),
                    naive(&b[at..]),
                    "byte {c:#x} first"
                );
            }
        }
    }

    #[test]
    fn urls_are_skipped() {
        assert!(scan_str("go to https://x.com/q=30%25%2020% now").is_empty());
    }

    #[test]
    fn too_large_is_flagged_not_dropped() {
        let s = "a 123456789012345678901234567890123 b";
        let p = Profile::infer(s, Setting::Auto);
        let q = scan(s, &p);
        assert_eq!(q.len(), 1);
        assert!(q[0].too_large);
        assert_eq!(q[0].value, None);
        let _ = Decimal::from_str("1").unwrap();
    }
}
