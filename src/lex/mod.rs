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

use crate::lang::lexicon::{self, Lexicon, Meaning};
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
///
/// A long text is read in parts of some [`PART`] bytes, each ending at a paragraph (or, in a
/// text without blank lines, a line), with what was found before a part's start forgotten
/// there; the parts depend on the text only. With more than one thread in the pool the parts
/// are read side by side and their numbers joined in text order; with one, the text is read
/// through, forgetting at each part's start: the same numbers either way.
pub fn scan(text: &str, profile: &Profile) -> Vec<Quantity> {
    let parts = parts(text, PART);
    if parts.len() == 1 || rayon::current_num_threads() == 1 {
        let cuts: Vec<usize> = parts.iter().skip(1).map(|r| r.start).collect();
        return scan_part(text, profile, 0, text.len(), &cuts);
    }
    scan_parts(text, profile, &parts)
}

/// The numbers of `text` read in `parts` side by side, joined in text order.
fn scan_parts(text: &str, profile: &Profile, parts: &[std::ops::Range<usize>]) -> Vec<Quantity> {
    use rayon::prelude::*;
    let found: Vec<Vec<Quantity>> = parts
        .par_iter()
        .map(|r| scan_part(text, profile, r.start, r.end, &[]))
        .collect();
    let mut out = Vec::with_capacity(found.iter().map(Vec::len).sum());
    for (r, mut part) in parts.iter().zip(found) {
        // A number that ran on past its part's end: the next part is read from its end, as
        // reading through does.
        let floor = out.last().map_or(0, |q: &Quantity| q.span.end);
        if floor > r.start {
            part = scan_part(text, profile, floor.min(r.end), r.end, &[]);
        }
        out.append(&mut part);
    }
    out
}

/// How long a part of a text read on its own is, about.
const PART: usize = 1 << 19;

/// `text` cut into parts of at least `size` bytes, each but the last ending after a blank
/// line, or after a line break where the text has no blank line in reach.
fn parts(text: &str, size: usize) -> Vec<std::ops::Range<usize>> {
    let b = text.as_bytes();
    let mut parts = Vec::new();
    let mut start = 0;
    while b.len() - start > 2 * size {
        let from = start + size;
        let reach = &b[from..(from + size).min(b.len())];
        let cut = memchr::memmem::find(reach, b"\n\n")
            .map(|k| from + k + 2)
            .or_else(|| memchr::memchr(b'\n', reach).map(|k| from + k + 1));
        let Some(cut) = cut else { break };
        parts.push(start..cut);
        start = cut;
    }
    parts.push(start..b.len());
    parts
}

/// The numbers that start in `text[start..end]` (read with the whole text around them),
/// forgetting what was found before each of `cuts` (the starts of further parts) there.
fn scan_part(
    text: &str,
    profile: &Profile,
    start: usize,
    end: usize,
    cuts: &[usize],
) -> Vec<Quantity> {
    let mut s = Scanner {
        text,
        bytes: text.as_bytes(),
        profile,
        words: number_words(profile.language),
        lexicon: profile.language.data().map(crate::lang::Data::lexicon),
        gate: Gate::of(profile.language),
        // About one number in a hundred bytes of prose: most texts need the Vec grown (and
        // copied) rarely, if at all.
        out: Vec::with_capacity((end.saturating_sub(start) / 100).min(1 << 16)),
        part_start: 0,
        sentence: std::cell::Cell::new(None),
    };
    s.run(start, end, cuts);
    s.out
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    profile: &'a Profile,
    /// The language whose number words are read: English, German, or none ([`Language::UND`]).
    words: Language,
    /// The document language's CLDR words, if it has them.
    lexicon: Option<&'static Lexicon>,
    gate: &'static Gate,
    out: Vec<Quantity>,
    /// Where in `out` the numbers of the part being read start: those before it are
    /// forgotten ([`Scanner::last`]).
    part_start: usize,
    /// Where the language of a passage was last read, and what it was: figures closer to it
    /// than [`SAME_PASSAGE`] bytes share it.
    sentence: std::cell::Cell<Option<(usize, Option<Language>)>>,
}

/// How close two figures are for the language of the passage around one to stand for the
/// other's (a passage is 300 bytes around its figure).
const SAME_PASSAGE: usize = 100;

/// Words after "a year", "a week" that make it a time before or after another, not a rate
/// ("40 mln a year ago").
const TIME_OFFSETS: &[&str] = &["ago", "earlier", "before", "later", "back", "previously"];

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
    "Flug",
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
    "Tabelle",
    "Abbildung",
    "Abb",
    "Band",
    "Bd",
    "Platz",
    "Rang",
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
    "Resolution",
    "Übereinkommen",
    "Konvention",
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

/// Nouns that follow a German ordinal and hardly ever start a sentence after a figure
/// ("18. Jahrhundert", "5. Rang"); a word that starts with one counts ("Jahrhunderts").
const DE_ORDINAL_NOUNS: &[&str] = &[
    "Jahrhundert",
    "Jahrtausend",
    "Lebensjahr",
    "Geburtstag",
    "Jahrestag",
    "Spieltag",
    "Schuljahr",
    "Platz",
    "Rang",
    "Stelle",
    "Runde",
    "Klasse",
    "Liga",
    "Etage",
    "Stock",
    "Auflage",
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
    /// Reads the numbers that start in `start..end`, starting a new part at each of `cuts`.
    fn run(&mut self, start: usize, end: usize, cuts: &[usize]) {
        let n = end;
        let mut skipper = Skipper::new(self.bytes, self.gate);
        let mut i = start;
        let mut cuts = cuts.iter().copied().peekable();
        while i < n {
            // Prose where nothing can start is passed over a block at a time.
            i = skipper.next(i);
            if i >= n {
                break;
            }
            while cuts.next_if(|&c| c <= i).is_some() {
                self.part_start = self.out.len();
                self.sentence.set(None);
            }
            let b = self.bytes[i];
            match CLASS[usize::from(b)] {
                C_OTHER => i += 1,
                C_DIGIT => i = self.at_digit(i),
                C_LETTER => {
                    // ASCII letters first: the common case, kept tight.
                    let mut we = i + ascii_letters(&self.bytes[i..]);
                    if we < self.bytes.len() && self.bytes[we] >= 0x80 {
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
        // Identifiers are written in ASCII digits; a letter before other digits is a clitic
        // (Arabic "و٣٤": "and 34").
        if c.is_numeric() && crate::lang::digit_value(c).is_some() {
            return self.at_native_digit(i);
        }
        match vulgar(c) {
            Some((num, den)) => {
                let q = Quantity::new(Span::new(i, end), Kind::Fraction, frac(num, den));
                self.finish(q, end, i)
            }
            None => end,
        }
    }

    /// A numeral written in the digits of another script ("١٢٫٥", "४,५००", "１２３", "৩৫"),
    /// read as its ASCII spelling is: its separators are grouping or decimal marks as for
    /// ASCII digits, the Arabic decimal and thousands separators (U+066B, U+066C) and the
    /// full-width comma and full stop as what they are.
    fn at_native_digit(&mut self, pos: usize) -> usize {
        let text = self.text;
        let native = |s: &str| {
            s.chars()
                .next()
                .is_some_and(|c| crate::lang::digit_value(c).is_some())
        };
        let mut ascii = String::new();
        let mut marks = false;
        let mut end = pos;
        for (k, c) in text[pos..].char_indices() {
            let after = pos + k + c.len_utf8();
            let mapped = match c {
                _ if let Some(v) = crate::lang::digit_value(c) => char::from(b'0' + v),
                '٫' | '．' if native(&text[after..]) => {
                    marks = true;
                    '.'
                }
                '٬' | '，' if native(&text[after..]) => {
                    marks = true;
                    ','
                }
                _ if numeral::is_sep(c) && native(&text[after..]) => c,
                _ => break,
            };
            ascii.push(mapped);
            end = after;
        }
        let Some(sh) = numeral::shape(&ascii, 0) else {
            return end;
        };
        if sh.is_overlong() || sh.end() != ascii.len() {
            let mut q = Quantity::new(Span::new(pos, end), Kind::Identifier, None);
            q.too_large = true;
            self.out.push(q);
            return end;
        }
        // The script's own marks say which is which; ASCII ones are read as with ASCII digits.
        let value = if marks {
            sh.read(numeral::EN)
        } else {
            match self.profile.resolve(&sh, Cue::default()) {
                Resolution::Plain(v) | Resolution::Ambiguous { value: v, .. } => Some(v),
                Resolution::Unreadable => None,
            }
        };
        let Some(value) = value else {
            return end;
        };
        let mut q = Quantity::new(Span::new(pos, end), Kind::Number, value.value);
        q.precision = Some(value.precision);
        q.too_large = value.value.is_none();
        let plain_int = sh.groups.len() == 1;
        let next = Next::new(&text[end..]);
        let e = self.after_numeral(&mut q, end, plain_int, next);
        if plain_int && q.kind == Kind::Number && q.unit.is_none() && q.span.start == pos {
            self.maybe_year(&mut q, sh.groups[0], next);
        }
        self.finish(q, e, pos)
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
            .is_none_or(|c| !c.is_alphanumeric() || lexicon::spaceless(c))
    }

    /// A spelled number, an article before a unit, or a URL to skip, at the word `ws..we`.
    /// Most words are none of these and leave after the cheap tests here.
    #[inline(always)]
    fn at_word(&mut self, ws: usize, we: usize) -> Option<usize> {
        if !self.gate.admits(&self.bytes[ws..we]) {
            return None;
        }
        let word = &self.text[ws..we];
        let may_start = match self.words {
            Language::EN => words_en::may_start(word),
            Language::DE => words_de::may_start(word),
            _ => false,
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
        let parsed = match self.words {
            Language::EN if may_start => words_en::parse(&self.text[ws..]),
            Language::DE if may_start => words_de::parse(&self.text[ws..]),
            _ => None,
        };
        let Some(sp) = parsed.filter(|sp| sp.len > 0) else {
            return self
                .multiple_verb(ws, we)
                .or_else(|| self.article_before_unit(ws, we));
        };
        // "beide Länder" is "both"; "die beiden Länder" is "the two" ("die beide spielten",
        // with a relative pronoun, is "which both played").
        if self.words == Language::DE
            && is_beide(word)
            && !(word.ends_with("en") && self.determiner_before(ws) && self.noun_after(we))
        {
            return None;
        }
        // "the Four Corners", "World War Two", "die Sechs Ministerien": a name, not an
        // amount. German capitalises its nouns, so there only a cardinal below a hundred,
        // which is no noun, counts ("Tausende", "Millionen" are).
        // Nor "Null" (a noun, "auf Null") or the head of a compound ("eine Vier-Tage-Woche").
        let plain_word = self.words == Language::EN
            || (sp.form == Form::Cardinal
                && sp.len == we - ws
                && sp.value >= Decimal::TWO
                && sp.value < Decimal::ONE_HUNDRED
                && !is_beide(word)
                && !self.text[we..].starts_with('-'));
        if plain_word && self.name_word(ws, we) {
            return Some(ws + sp.len);
        }
        if sp.len == we - ws
            && (self.pronoun_one(ws, we)
                || self.half_of_a_game(ws, we)
                || self.bare_fraction_noun(ws, we, &sp))
        {
            return None;
        }
        if sp.form == Form::Fraction
            && is_article(word)
            && let Some(e) = self.ordinal_after_article(we, ws + sp.len)
        {
            return Some(e);
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

    /// "a third type", "a tenth category": after an article, an ordinal word before a noun
    /// counts places, where "a third of", "a fifth more" and "a third" alone are fractions.
    /// `we` is the article's end and `end` the fraction's; pushes the ordinal and returns its
    /// end.
    fn ordinal_after_article(&mut self, we: usize, end: usize) -> Option<usize> {
        const FRACTION_AFTER: &[&str] = &["of", "more", "less", "fewer", "as", "than", "again"];
        if self.words != Language::EN {
            return None;
        }
        let start = we + affix::ws_len(&self.text[we..end]);
        let ord = &self.text[start..end];
        if ord.is_empty()
            || !ord.chars().all(|c| c.is_ascii_alphabetic())
            || ["half", "quarter"]
                .iter()
                .any(|w| ord.eq_ignore_ascii_case(w))
        {
            return None;
        }
        let sp =
            words_en::parse(ord).filter(|sp| sp.len == ord.len() && sp.form == Form::Ordinal)?;
        let rest = &self.text[end..];
        let gap = affix::ws_len(rest);
        let next = affix::word_at(&rest[gap..]);
        // "a third type", "a third Elite League defeat".
        let mut letters = next.chars();
        let capitalised =
            letters.next().is_some_and(char::is_uppercase) && letters.all(char::is_lowercase);
        let noun = gap > 0
            && next.len() > 1
            && (capitalised || next.chars().all(|c| c.is_lowercase()) && !next.ends_with("er"))
            && !FRACTION_AFTER.contains(&next)
            && Next::new(rest).unit().is_none()
            && Next::new(rest).currency().is_none();
        if !noun {
            return None;
        }
        let mut q = Quantity::new(Span::new(start, end), Kind::Ordinal, Some(sp.value));
        q.precision = sp.precision;
        self.out.push(q);
        Some(end)
    }

    /// Whether a determiner stands before the word at `ws`, alone or with an adjective after
    /// it: "die beiden", "den ersten beiden", "diese beiden" (not "in beiden", "alle beide").
    fn determiner_before(&self, ws: usize) -> bool {
        let det = |w: &str| DE_DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(w));
        let Some((s, w)) = word_before(self.text, ws) else {
            return false;
        };
        if det(w) {
            return true;
        }
        let adjective = w.starts_with(char::is_lowercase)
            && w.chars().count() >= 4
            && ["e", "en"].iter().any(|e| w.ends_with(e));
        adjective && word_before(self.text, s).is_some_and(|(_, d)| det(d))
    }

    /// Whether a noun follows the word that ends at `we`, with or without adjectives before
    /// it: "beiden Länder", "beiden großen Parteien" (not "die beiden haben", "der beiden.").
    fn noun_after(&self, we: usize) -> bool {
        let next = |at: usize| {
            let rest = &self.text[at..];
            let gap = affix::ws_len(rest);
            let w = affix::word_at(&rest[gap..]);
            (gap > 0 && !w.is_empty()).then_some((w, at + gap + w.len()))
        };
        // Up to two adjectives: "die beiden bekanntesten alten Familien".
        let mut at = we;
        for _ in 0..3 {
            match next(at) {
                Some((w, _)) if w.starts_with(char::is_uppercase) => return true,
                Some((w, end)) if ["e", "en"].iter().any(|e| w.ends_with(e)) => at = end,
                _ => return false,
            }
        }
        false
    }

    /// "to double the", "should triple Acme's": after "to" or a modal verb "double" is the
    /// verb, a multiple, whatever follows it. Pushes it and returns its end.
    fn multiple_verb(&mut self, ws: usize, we: usize) -> Option<usize> {
        const BEFORE: &[&str] = &[
            "to", "will", "would", "should", "could", "can", "may", "might", "must", "did",
        ];
        if self.words != Language::EN || self.text[we..].starts_with('-') {
            return None;
        }
        let k = words_en::multiple_word(&self.text[ws..we])?;
        let (_, w) = word_before(self.text, ws)?;
        if !BEFORE.iter().any(|b| b.eq_ignore_ascii_case(w)) {
            return None;
        }
        let mut q = Quantity::new(Span::new(ws, we), Kind::Multiple, Some(Decimal::from(k)));
        q.precision = Some(Decimal::ONE);
        Some(self.finish(q, we, ws))
    }

    /// Whether the capitalised number word at `ws..we` stands inside a sentence, where a
    /// capital makes it part of a name ("the Four Corners", "World War Two",
    /// "Oxnard-Thousand Oaks", "Three's Company", "die Sechs Ministerien"). At the start of a line or sentence, after
    /// an opening quote or bracket, and in a headline of capitalised words it counts as ever.
    fn name_word(&self, ws: usize, we: usize) -> bool {
        let w = &self.text[ws..we];
        let mut cs = w.chars();
        if !cs.next().is_some_and(char::is_uppercase) || w.len() < 3 || !cs.all(char::is_lowercase)
        {
            return false;
        }
        let before = &self.text[..ws];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let head = before[line_start..].trim_end_matches([' ', '\t', '\u{a0}']);
        let Some(prev) = head.chars().next_back() else {
            return false;
        };
        // "Oxnard-Thousand Oaks": a hyphen between two capitalised words joins a name.
        let joined = prev == '-'
            && head.len() == before.len() - line_start
            && head[..head.len() - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic);
        if !joined && (!prev.is_alphanumeric() && prev != ',' || prev.is_ascii_digit()) {
            return false;
        }
        !self.headline(line_start)
    }

    /// Whether the line starting at `line_start` is a short headline whose words are
    /// capitalised ("Three Killed As Storm Hits Coast").
    fn headline(&self, line_start: usize) -> bool {
        let rest = &self.text[line_start..];
        let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
        if line.len() > 200 {
            return false;
        }
        let (mut words, mut caps) = (0usize, 0usize);
        for w in line
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 4)
        {
            words += 1;
            caps += usize::from(w.starts_with(char::is_uppercase));
        }
        words >= 2 && caps * 4 >= words * 3
    }

    /// Whether the word "one" at `ws..we` is a pronoun, not a count: "no one", "the old one",
    /// "which one", "one another", "one of these days" is left alone.
    fn pronoun_one(&self, ws: usize, we: usize) -> bool {
        const BEFORE: &[&str] = &[
            "the", "this", "that", "which", "no", "any", "every", "each", "another", "only",
            "last", "next", "other", "same", "right", "wrong", "little", "big", "new", "old",
            "good", "bad",
        ];
        if !self.text[ws..we].eq_ignore_ascii_case("one") || self.words != Language::EN {
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

    /// Whether the word "half" ("Hälfte") at `ws..we` names a part of a game or a period
    /// rather than a fraction: "half-time", "the first half", "second-half goals", "in der
    /// zweiten Hälfte".
    fn half_of_a_game(&self, ws: usize, we: usize) -> bool {
        const DE_BEFORE: &[&str] = &["erste", "ersten", "zweite", "zweiten"];
        if self.words == Language::DE && &self.text[ws..we] == "Hälfte" {
            return word_before(self.text, ws).is_some_and(|(_, w)| DE_BEFORE.contains(&w));
        }
        if !self.text[ws..we].eq_ignore_ascii_case("half") || self.words != Language::EN {
            return false;
        }
        let after = &self.text[we..];
        if after.starts_with("-time") || after.starts_with("time") || after.starts_with(" time") {
            return true;
        }
        let before = self.text[..ws]
            .strip_suffix('-')
            .unwrap_or(&self.text[..ws]);
        word_before(before, before.len()).is_some_and(|(_, w)| {
            ["first", "second", "1st", "2nd", "other"]
                .iter()
                .any(|o| o.eq_ignore_ascii_case(w))
        })
    }

    /// Whether the word at `ws..we` is a German fraction noun with no number before it:
    /// "die südlichen Viertel" are quarters of a town, "ein Viertel" and "drei Viertel" are
    /// read as one phrase with their number.
    fn bare_fraction_noun(&self, ws: usize, we: usize, sp: &Spelled) -> bool {
        let w = &self.text[ws..we];
        let unit_after = || {
            let next = Next::new(&self.text[we..]);
            next.unit().is_some() || next.currency().is_some()
        };
        // The noun itself (a numerator of one), not "Dreiviertel"; "viertel Liter" measures.
        // (1 / ⅓ is 3 only to 28 digits.)
        let one_part = Decimal::ONE
            .checked_div(sp.value)
            .is_some_and(|d| d.round_dp(6).fract().is_zero());
        self.words == Language::DE
            && sp.form == Form::Fraction
            && one_part
            && w.starts_with(char::is_uppercase)
            && ["tel", "teln", "tels"].iter().any(|e| w.ends_with(e))
            && !unit_after()
    }

    /// An indefinite article before a currency or unit word is one of it: "a dollar", "ein
    /// Liter", "einen Euro". Symbols ("a m") and articles before anything else are no number.
    fn article_before_unit(&mut self, ws: usize, we: usize) -> Option<usize> {
        if !is_article(&self.text[ws..we]) {
            return None;
        }
        let next = Next::new(&self.text[we..]);
        let f = next
            .currency()
            .or_else(|| next.unit())
            .or_else(|| next.percent().filter(|_| self.words == Language::DE))?;
        let unit_word = &next.rest()[f.word_start..f.len];
        if f.word_start == 0
            || unit_word.chars().count() < 2
            || !unit_word.chars().all(char::is_alphabetic)
        {
            return None;
        }
        // English writes its units and currencies in lower case: before another word, "a
        // Yuan dynasty envoy" is a name ("a US dollar" writes a code).
        let mut letters = unit_word.chars();
        let after = &next.rest()[f.len..];
        if self.words == Language::EN
            && letters.next().is_some_and(char::is_uppercase)
            && letters.all(char::is_lowercase)
            && after[affix::ws_len(after)..].starts_with(char::is_alphabetic)
        {
            return None;
        }
        // "1/16 of an inch" is no inch.
        if word_before(self.text, ws).is_some_and(|(_, w)| w.eq_ignore_ascii_case("of")) {
            return None;
        }
        // "it cost a grand" is a thousand dollars; "a grand plan", "A Grand Unified Theory"
        // are grand.
        if unit_word.eq_ignore_ascii_case("grand") {
            let after = &next.rest()[f.len..];
            if after[affix::ws_len(after)..].starts_with(char::is_alphabetic) {
                return None;
            }
        }
        // "£120 million a year", "twice a week": a rate of the figure before, not one of it
        // ("half a meter" is half of one); "40 mln a year ago" is a time before now.
        let offset = || {
            let after = &next.rest()[f.len..];
            let w = affix::word_at(&after[affix::ws_len(after)..]);
            TIME_OFFSETS.iter().any(|o| w.eq_ignore_ascii_case(o))
        };
        // "37 million passengers a year": a count and its noun before are rated too.
        let noun_between = |gap: &str| {
            let gap = gap.trim();
            !gap.is_empty() && gap.chars().all(char::is_alphabetic)
        };
        if self.last().is_some_and(|p| {
            p.kind != Kind::Fraction
                && p.span.end <= ws
                && (self.text[p.span.end..ws].trim().is_empty()
                    || noun_between(&self.text[p.span.end..ws]))
        }) && !offset()
        {
            return None;
        }
        let mut q = Quantity::new(Span::new(ws, we), Kind::Number, Some(Decimal::ONE));
        q.precision = Some(Decimal::ONE);
        // "half a meter": the fraction before the article is the amount.
        let fraction = self
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
        let found = dates::month_day(text, pos).or_else(|| dates::at_digit(text, pos));
        if let Some(f) = found.filter(|f| f.is_date || !self.german_am(f)) {
            let kind = if f.is_date { Kind::Date } else { Kind::Time };
            let mut q = Quantity::new(Span::new(f.start, f.end), kind, None);
            q.date = Some(f.iso);
            self.out.push(q);
            return f.end;
        }
        if let Some(end) = self.leading_zeros(pos) {
            return end;
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
                self.language_around(pos)
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
        q.reading = reading.map(Box::new);
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
        let end = sh.end();
        let (scale_word, scale_decimal) = match self.scale_after(end, next) {
            Some(Scaled::Builtin(f)) => {
                let w = &next.rest()[f.word_start..f.len];
                (Some(w.trim_end_matches('.')), None)
            }
            Some(Scaled::Cldr(h)) => {
                let w = &self.text[end + h.word_start..end + h.at];
                (Some(w.trim_end_matches('.')), h.decimal)
            }
            None => (None, None),
        };
        Cue {
            scale_word,
            scale_decimal,
            count_noun: next.count_noun(),
            sentence: None,
        }
    }

    /// A CLDR word after the number that ends at `end` whose meaning `want` takes: the
    /// document language's, else one that means the same in every language (`union`). In a
    /// text of a known language, the union lends only signs and words of scripts the
    /// language does not write: "21 von 52" is no sum of won in German, "5万" is fifty
    /// thousand in any text.
    fn cldr_after(
        &self,
        end: usize,
        union: bool,
        want: impl Fn(Meaning) -> bool,
    ) -> Option<lexicon::Hit> {
        let rest = &self.text[end..];
        // Most numbers end a sentence or come before a word the built-in tables know.
        if rest.is_empty() {
            return None;
        }
        let own = self
            .lexicon
            .and_then(|l| l.after(rest))
            .filter(|h| want(h.meaning));
        if own.is_some() || !union {
            return own;
        }
        let t = &rest[affix::ws_len(rest)..];
        if self.own_script_letter(t.chars().next()) {
            return None;
        }
        crate::lang::any_after(rest).filter(|h| want(h.meaning) && self.foreign(h))
    }

    /// Whether `c`, the letter next to a number, belongs to a word the document's own data
    /// decides: in English and German, a word in a script the language writes is the
    /// language's or none, so the union of all languages (built on first use) is not asked,
    /// before a number or after it.
    fn own_script_letter(&self, c: Option<char>) -> bool {
        let Some(own) = self.lexicon.filter(|_| self.words != Language::UND) else {
            return false;
        };
        c.filter(|c| c.is_alphabetic()).is_some_and(|c| {
            let mut buf = [0; 4];
            lexicon::script_of(c.encode_utf8(&mut buf)).is_some_and(|s| own.writes(s))
        })
    }

    /// Whether the union's word `h` may be read in this text: any word where the language is
    /// not known; else a sign or a word of a script the language does not write, and in a
    /// language other than English and German also the scale and percent words its own data
    /// lacks ("millóns" in a Galician text that the detector took for Portuguese). Currency
    /// names of other languages are what collides with common words ("von", "lei", "real").
    fn foreign(&self, h: &lexicon::Hit) -> bool {
        let Some(own) = self.lexicon else {
            return true;
        };
        (self.words == Language::UND && !matches!(h.meaning, Meaning::Money(_)))
            || lexicon::script_of(h.text).is_none_or(|script| !own.writes(script))
    }

    /// The scale word after the number that ends at `end`. A text in a language whose number
    /// words recount does not read has its own language's words looked up first ("5 mil" is
    /// five thousand in Spanish, five million in English finance).
    fn scale_after(&self, end: usize, next: Next<'a>) -> Option<Scaled> {
        let is_scale = |m| matches!(m, Meaning::Scale(_));
        let builtin = || {
            self.next_at(end, next)
                .scale(self.german())
                .map(Scaled::Builtin)
        };
        // Scale words are words ("millones", "млрд", "万"): after a sign or a mark, the
        // languages' union is not asked (nor built, on a text that never needs it).
        let union = || {
            let rest = &self.text[end..];
            rest[affix::ws_len(rest)..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
        };
        let foreign = || {
            union()
                .then(|| self.cldr_after(end, true, is_scale).map(Scaled::Cldr))
                .flatten()
        };
        if self.words == Language::UND && self.lexicon.is_some() {
            self.cldr_after(end, false, is_scale)
                .map(Scaled::Cldr)
                .or_else(builtin)
                .or_else(foreign)
        } else {
            builtin().or_else(foreign)
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

    /// The last number found in the part being read.
    fn last(&self) -> Option<&Quantity> {
        self.out[self.part_start..].last()
    }

    /// The language of the passage around `pos`, read again only away from the last one.
    fn language_around(&self, pos: usize) -> Option<Language> {
        if let Some((at, lang)) = self.sentence.get()
            && pos.abs_diff(at) < SAME_PASSAGE
        {
            return lang;
        }
        let lang = language_of(self.around(pos));
        self.sentence.set(Some((pos, lang)));
        lang
    }

    /// About 300 bytes of text around `pos`, for the sentence's language.
    fn around(&self, pos: usize) -> &str {
        let lo = crate::locale::floor_char_boundary(self.text, pos.saturating_sub(150));
        let hi = crate::locale::floor_char_boundary(self.text, pos + 150);
        &self.text[lo..hi]
    }

    fn german(&self) -> bool {
        self.words == Language::DE
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
        let floor = self.last().map_or(0, |q| q.span.end);
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

    /// Whether the time `f` ends in "am" in German text, where "am" is "on the" ("Radio 4 am
    /// Sonntag"), not a.m.
    fn german_am(&self, f: &dates::Found) -> bool {
        self.text[f.start..f.end].ends_with(" am")
            && (self.german() || self.language_around(f.start) == Some(Language::DE))
    }

    /// A phone number written in groups after single spaces, the first with a leading zero
    /// (a dialling code: "0800 555 111", "030 1234 5678"), at least seven digits in all: one
    /// identifier. A lone run with a leading zero ("0033") is still read as its number.
    fn leading_zeros(&mut self, pos: usize) -> Option<usize> {
        let b = self.bytes;
        let digits = |i: usize| {
            b[i.min(b.len())..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count()
        };
        let run = digits(pos);
        if b[pos] != b'0' || run < 3 {
            return None;
        }
        let mut end = pos + run;
        if matches!(b.get(end), Some(b'.' | b',')) && digits(end + 1) > 0
            || b.get(end).is_some_and(u8::is_ascii_alphabetic)
        {
            return None;
        }
        let mut count = run;
        // A space, a no-break space or a narrow one between the groups.
        let space = |i: usize| match b.get(i..) {
            Some([b' ', ..]) => 1,
            Some([0xC2, 0xA0, ..]) => 2,
            Some([0xE2, 0x80, 0xAF, ..]) => 3,
            _ => 0,
        };
        while space(end) > 0 && digits(end + space(end)) >= 2 {
            let n = space(end);
            count += digits(end + n);
            end += n + digits(end + n);
        }
        if end == pos + run
            || count < 7
            || matches!(b.get(end), Some(b'.' | b',')) && digits(end + 1) > 0
        {
            return None;
        }
        self.out
            .push(Quantity::new(Span::new(pos, end), Kind::Identifier, None));
        Some(end)
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
        // "3/4", "2 1/4", "6-1/2"; a unit or percent may follow ("6-1/2 pct", "1/2 mile").
        if plain_int && let Some((len, v)) = slash_fraction(rest, q.value) {
            q.value = Some(v);
            q.kind = Kind::Fraction;
            q.precision = None;
            let end = end + len;
            return self
                .unit_suffix(q, end, self.next_at(end, next))
                .unwrap_or(end);
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
            q.precision = None;
            q.value = match v {
                Some(Power::Exact(v)) => Some(v),
                Some(Power::Rounded(v)) => {
                    q.inexact = true;
                    // The last digit kept stands for the rounding.
                    q.precision = Some(Decimal::new(1, v.scale()));
                    Some(v)
                }
                None => None,
            };
            q.too_large = v.is_none();
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
        let cont: Option<Spelled> = match (q.value, self.words) {
            (Some(v), Language::EN) => words_en::continue_after(v, precision, rest),
            (Some(v), Language::DE) => words_de::continue_after(v, precision, rest),
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
        } else if let Some((k, len)) = self.scale_after(end, next).and_then(Scaled::factor) {
            // A larger scale word after it multiplies again: "2,8 mila milioi" (thousand
            // million), "1 lakh crore".
            let (k2, len2) = self
                .scale_after(end + len, Next::new(&text[end + len..]))
                .and_then(Scaled::factor)
                .filter(|(k2, _)| *k2 > k)
                .and_then(|(k2, l2)| Some((k.checked_mul(k2)?, l2)))
                .unwrap_or((k, 0));
            let k = k2;
            q.value = q.value.and_then(|v| v.checked_mul(k));
            q.too_large = q.value.is_none();
            q.precision = q.precision.and_then(|p| p.checked_mul(k));
            q.scale = Some(k);
            end += len + len2;
        } else if let Some(f) = self.money_scale(q.span.start, self.next_at(end, next))
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
        if rest
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() && !lexicon::spaceless(c))
            && q.kind == Kind::Number
            && q.scale.is_none()
        {
            let n = rest
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .map(char::len_utf8)
                .sum::<usize>();
            if plain_int && matches!(&rest[..n], "s" | "er" | "ern") {
                // "1990s", "1920er", "seit den 1970ern": a decade.
                if q.value
                    .is_some_and(|v| v >= Decimal::from(1000) && v <= Decimal::from(2100))
                {
                    q.kind = Kind::Year;
                    return end + n;
                }
            }
            // "13letého", "2017ko", "832ra": languages that inflect by suffix glue the case
            // ending to the figure. Letters of one case after it stay an inflection there;
            // English and German write "3D" and "4G" for names.
            let inflected = self.words == Language::UND
                && self.profile.language != Language::UND
                && n >= 2
                && rest[..n].chars().all(|c| c.is_lowercase());
            if inflected {
                return end;
            }
            q.kind = Kind::Identifier;
            return end + n;
        }
        end
    }

    /// A money scale abbreviation after the number that starts at `start` ("£30m", "30m
    /// dollars"): only where a currency stands before the number or follows the abbreviation.
    fn money_scale(&self, start: usize, next: Next<'a>) -> Option<affix::Found> {
        let f = next.money_scale()?;
        let before = affix::currency_before(self.text, start)
            .is_some_and(|(_, s)| s >= self.last().map_or(0, |l| l.span.end));
        if before {
            Some(f)
        } else {
            next.money_scale_before_currency()
        }
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
        // Other languages' percent words and currencies ("20 por ciento", "12 zł", "5万円"),
        // and a currency after a scale and a short word ("3,5 millones de euros").
        if let Some(h) = self.cldr_after(end, true, |m| !matches!(m, Meaning::Scale(_))) {
            return Some(self.cldr_meaning(q, end, h));
        }
        if q.scale.is_some()
            && self.words != Language::EN
            && let Some(e) = self.currency_after_connector(q, end)
        {
            return Some(e);
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
        // A share in a compound: "das 3-Prozent-Ziel", "die 5-Prozent-Hürde", "a 5-percent
        // cut". Words only: "5-pp" and a glued sign are not compounds.
        if let Some(after) = rest.strip_prefix('-')
            && let Some(f) = affix::percent_in_compound(after)
        {
            q.kind = match f.suffix {
                Suffix::PercentagePoints => Kind::PercentagePoints,
                _ => Kind::Percent,
            };
            q.unit = Some(if q.kind == Kind::Percent { "%" } else { "pp" }.to_string());
            return Some(end + 1 + f.len);
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

    /// A CLDR word or sign that ends right before `start` ("yüzde 50", "%50", "R$ 5"), not
    /// reaching back before `floor`.
    fn cldr_before(&self, start: usize, floor: usize) -> Option<lexicon::Hit> {
        let b = self.bytes;
        // Most numbers follow a space after an ASCII word, or nothing that any table holds.
        let prev = *b.get(start.checked_sub(1)?)?;
        let prev = if prev == b' ' {
            *b.get(start.checked_sub(2)?)?
        } else {
            prev
        };
        if prev.is_ascii_digit() || matches!(prev, b' ' | b'\n' | b'(' | b'"' | b',' | b'.') {
            return None;
        }
        let own = self.lexicon.and_then(|l| l.before(self.text, start));
        if own.is_some() {
            return own.filter(|h| h.at >= floor);
        }
        let t = self.text[..start].trim_end_matches(lexicon::is_ws);
        if self.own_script_letter(t.chars().next_back()) {
            return None;
        }
        crate::lang::any_before(self.text, start).filter(|h| h.at >= floor)
    }

    /// Sets what the CLDR word `h` after the number that ends at `end` makes of `q`, and
    /// returns the number's new end.
    fn cldr_meaning(&self, q: &mut Quantity, end: usize, h: lexicon::Hit) -> usize {
        match h.meaning {
            Meaning::Percent => {
                q.kind = Kind::Percent;
                q.unit = Some("%".to_string());
            }
            Meaning::PerMille => {
                q.kind = Kind::PerMille;
                q.unit = Some("‰".to_string());
            }
            Meaning::Money(code) => {
                q.kind = Kind::Money;
                q.unit = Some(code.to_string());
            }
            Meaning::Scale(_) => return end,
        }
        end + h.at
    }

    /// "millones de euros", "milliards d'euros", "milioni di dollari": a currency word after a
    /// scale word and one short word between (of at most three letters, or elided with an
    /// apostrophe), in a text not in English ("2 billion to euros" converts). Returns the new
    /// end.
    fn currency_after_connector(&self, q: &mut Quantity, end: usize) -> Option<usize> {
        let rest = &self.text[end..];
        let ws = affix::ws_len(rest);
        let word = affix::word_at(&rest[ws..]);
        let n = word.chars().count();
        if ws == 0 || n == 0 || n > 3 || !word.chars().all(char::is_lowercase) {
            return None;
        }
        let mut at = end + ws + word.len();
        let after = &self.text[at..];
        if let Some(a) = after.strip_prefix(['\'', '’']) {
            at += after.len() - a.len();
        } else if affix::ws_len(after) == 0 {
            return None;
        }
        // A currency word, not a sign: "5 millions à $" is no amount of dollars.
        let gap = affix::ws_len(&self.text[at..]);
        if !self.text[at + gap..].starts_with(char::is_alphabetic) {
            return None;
        }
        let next = Next::new(&self.text[at..]);
        if let Some(f) = next.currency()
            && let Suffix::Currency(code) = f.suffix
            && f.factor.is_none()
        {
            q.kind = Kind::Money;
            q.unit = Some(code.to_string());
            return Some(at + f.len);
        }
        let h = self.cldr_after(at, true, |m| matches!(m, Meaning::Money(_)))?;
        Some(self.cldr_meaning(q, at, h))
    }

    /// A German ordinal "3." before a word ("die 3. Banane", "der 23. Platz").
    fn german_ordinal(&self, rest: &str, start: usize) -> bool {
        let Some(mut after) = rest.strip_prefix('.') else {
            return false;
        };
        // "im [21.] Jahrhundert": an ordinal an editor put in brackets.
        if self.text[..start].ends_with('[')
            && let Some(a) = after.strip_prefix(']')
        {
            after = a;
        }
        // "die 2., 3. und 4. Auflage": an ordinal of a list of them.
        if let Some(list) = after.strip_prefix(',') {
            let list = &list[affix::ws_len(list)..];
            let digits = list.bytes().take_while(u8::is_ascii_digit).count();
            return digits > 0 && list[digits..].starts_with('.');
        }
        let ws = affix::ws_len(after);
        if ws == 0 {
            return false;
        }
        let after = &after[ws..];
        let Some(c) = after.chars().next() else {
            return false;
        };
        if c.is_lowercase() {
            return true;
        }
        if !c.is_uppercase() {
            return false;
        }
        // A capitalised noun after "3." may start a new sentence, unless an article stands
        // before the figure ("der 23. Platz"), an ordinal and a conjunction do ("18. und 19.
        // Jahrhundert"), or the noun is one that ordinals count ("im frühen 18. Jahrhundert").
        let noun = affix::word_at(after);
        let cue = |w: &str| {
            DE_ORDINAL_CUE_SET.contains(w)
                || (w.starts_with(char::is_uppercase)
                    && DE_ORDINAL_CUE_SET.contains(&w.to_lowercase()))
        };
        DE_ORDINAL_NOUNS.iter().any(|n| noun.starts_with(n))
            || word_before(self.text, start).is_some_and(|(s, w)| {
                cue(w)
                    // "den alten 12. Bezirk": an adjective after the article.
                    || (w.starts_with(char::is_lowercase)
                        && w.chars().count() >= 4
                        && ["e", "en", "er", "es", "em"].iter().any(|e| w.ends_with(e))
                        && word_before(self.text, s).is_some_and(|(_, d)| cue(d)))
            })
            || self.last().is_some_and(|p| {
                p.kind == Kind::Ordinal
                    && p.span.end <= start
                    && matches!(
                        self.text[p.span.end..start].trim(),
                        "," | "und" | "oder" | "bis" | "–" | "-" | "sowie"
                    )
            })
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
        let taken = self.last().map_or(0, |l| l.span.end);
        if let Some((code, sym_start)) = affix::currency_before(text, start)
            && sym_start >= taken
            && matches!(q.kind, Kind::Number | Kind::Money | Kind::Year)
        {
            q.kind = Kind::Money;
            q.unit = Some(code.to_string());
            q.span.start = sym_start;
        } else if q.kind == Kind::Number
            && q.unit.is_none()
            && let Some(h) = self.cldr_before(start, taken)
        {
            match h.meaning {
                Meaning::Percent => {
                    q.kind = Kind::Percent;
                    q.unit = Some("%".to_string());
                }
                Meaning::PerMille => {
                    q.kind = Kind::PerMille;
                    q.unit = Some("‰".to_string());
                }
                Meaning::Money(code) => {
                    q.kind = Kind::Money;
                    q.unit = Some(code.to_string());
                }
                // Swahili writes the scale first: "milioni 5".
                Meaning::Scale(e) => {
                    let k = pow10(e);
                    q.value = q.value.zip(k).and_then(|(v, k)| v.checked_mul(k));
                    q.precision = q.precision.zip(k).and_then(|(p, k)| p.checked_mul(k));
                    q.too_large = q.value.is_none();
                    q.scale = k;
                }
            }
            q.span.start = h.at;
        }
        let sign_at = q.span.start;
        if let Some((neg, sign_start)) = sign_before(text, sign_at, self.last())
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

/// A scale word found after a number: from the built-in tables or from CLDR's.
enum Scaled {
    Builtin(affix::Found),
    Cldr(lexicon::Hit),
}

impl Scaled {
    /// The factor and the bytes the word covers.
    fn factor(self) -> Option<(Decimal, usize)> {
        match self {
            Scaled::Builtin(f) => match f.suffix {
                Suffix::Scale(k) => Some((k, f.len)),
                _ => None,
            },
            Scaled::Cldr(h) => match h.meaning {
                Meaning::Scale(e) => Some((pow10(e)?, h.at)),
                _ => None,
            },
        }
    }
}

/// Ten to the power `e`, while a decimal holds it.
fn pow10(e: u32) -> Option<Decimal> {
    (e <= 28).then(|| Decimal::from_i128_with_scale(10i128.pow(e), 0))
}

/// The language whose number words recount reads in a text of `language`.
fn number_words(language: Language) -> Language {
    match language.base() {
        l @ (Language::EN | Language::DE) => l,
        _ => Language::UND,
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

/// German determiners after which "beiden" is "the two".
const DE_DETERMINERS: &[&str] = &[
    "die", "der", "den", "des", "dem", "diese", "dieser", "diesen", "dieses", "jene", "jenen",
    "jener", "meine", "meinen", "meiner", "deine", "deinen", "seine", "seinen", "seiner", "ihre",
    "ihren", "ihrer", "unsere", "unseren", "unserer", "eure", "euren", "deren", "dessen",
];

/// Whether `word` is a form of "beide" (any case).
fn is_beide(word: &str) -> bool {
    word.len() >= 5
        && word
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case("beid"))
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

/// "/digits" right after an integer ("3/4"), " d/d" after one ("2 1/4"), or "-d/d" in
/// halves to sixty-fourths ("6-1/2", "61-3/8": prices and rates as wire copy writes them).
/// Returns the bytes covered and the value.
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
    // Mixed number: a space or two (no-break ones too), or a hyphen, then d/d.
    let hyphen = rest.starts_with('-');
    let ws = if hyphen {
        1
    } else {
        rest.len() - rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']).len()
    };
    if ws == 0 || ws > 4 {
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
    // After a hyphen, only the binary fractions of prices: "2019-10/11" is no number.
    if hyphen && !matches!(&r2[..b], "2" | "4" | "8" | "16" | "32" | "64") {
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
fn exponent(rest: &str, base: Option<Decimal>) -> Option<(usize, Option<Power>)> {
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
        let v = ten_pow(e).and_then(|p| base.checked_mul(p));
        return Some((1 + n, v.map(Power::Exact)));
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
            let v = ten_pow(e).and_then(|p| base.checked_mul(p));
            return Some((times.len() + n, v.map(Power::Exact)));
        }
    }
    if let Some(r) = rest.strip_prefix('^') {
        let (n, e) = signed(r)?;
        return Some((1 + n, power(base, e)));
    }
    None
}

/// A power `base^e`: exact where the result fits a decimal, otherwise rounded to the 28
/// significant digits a decimal holds and marked so. `None` when it overflows.
fn power(base: Decimal, e: i64) -> Option<Power> {
    if let Some(v) = exact_powi(base, e.unsigned_abs()) {
        if e >= 0 {
            return Some(Power::Exact(v));
        }
        // 1/x is exact only when x divides a power of ten: 2^-3 = 0.125, 3^-1 is not.
        let q = Decimal::ONE.checked_div(v)?;
        return Some(if q.checked_mul(v) == Some(Decimal::ONE) {
            Power::Exact(q.normalize())
        } else {
            Power::Rounded(q)
        });
    }
    let v = if e >= 0 {
        base.checked_powi(e)?
    } else {
        Decimal::ONE.checked_div(base.checked_powi(-e)?)?
    };
    Some(Power::Rounded(v))
}

/// What [`power`] computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Power {
    Exact(Decimal),
    Rounded(Decimal),
}

/// `base^e` by repeated squaring, or `None` as soon as a product would need more digits than
/// a decimal holds (a decimal product silently rounds instead).
fn exact_powi(base: Decimal, mut e: u64) -> Option<Decimal> {
    let mut acc = Decimal::ONE;
    let mut b = base.normalize();
    while e > 0 {
        if e & 1 == 1 {
            acc = exact_mul(acc, b)?;
        }
        e >>= 1;
        if e > 0 {
            b = exact_mul(b, b)?;
        }
    }
    Some(acc)
}

/// The product of two decimals when it is exact in a decimal.
fn exact_mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    const MAX: i128 = (1 << 96) - 1;
    let mut m = a.mantissa().checked_mul(b.mantissa())?;
    let mut scale = a.scale() + b.scale();
    // Trailing zeros of the fraction can go; other digits cannot.
    while (scale > 28 || m.abs() > MAX) && scale > 0 && m % 10 == 0 {
        m /= 10;
        scale -= 1;
    }
    if scale > 28 || m.abs() > MAX {
        return None;
    }
    Decimal::try_from_i128_with_scale(m, scale).ok()
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

    #[test]
    fn a_long_text_read_in_parts_gives_what_it_gives_read_whole() {
        let paragraph = "The council spent $2.5 million, or 12% of its 20.8 million budget, \
            on 1,200 new homes between 2019 and 2021; two hundred more follow by 3 May.\n\
            Im Jahr 2025 stiegen die Kosten um 1.500 Euro auf 3,5 Millionen Euro.\n\n";
        let line = "Shares rose 4.125 dlrs to 61-1/2 after 1.375 mln traded, 10 to 15 pct up.\n";
        let mut text = String::new();
        while text.len() < 3 * PART {
            text.push_str(paragraph);
            text.push_str(line);
        }
        // And a stretch of lines without a blank line between them.
        while text.len() < 6 * PART {
            text.push_str(line);
        }
        let p = Profile::infer(&text, Setting::Auto);
        let parts = parts(&text, PART);
        assert!(parts.len() >= 4);
        let cuts: Vec<usize> = parts.iter().skip(1).map(|r| r.start).collect();
        let show =
            |qs: Vec<Quantity>| -> Vec<String> { qs.iter().map(|q| format!("{q:?}")).collect() };
        let through = show(scan_part(&text, &p, 0, text.len(), &cuts));
        assert_eq!(show(scan_parts(&text, &p, &parts)), through);
        // Here forgetting at the parts' starts changes nothing.
        assert_eq!(show(scan_part(&text, &p, 0, text.len(), &[])), through);
    }

    #[test]
    fn a_number_that_runs_past_its_part_ends_the_next_part_s_start() {
        // Spelled numbers go on across a line break: the second part starts inside one.
        let text = "It cost two\nhundred dollars, and 3 more.\nThen 40 pct.\n";
        let cut = text.find("hundred").unwrap();
        let p = Profile::infer(text, Setting::Auto);
        let show = |qs: Vec<Quantity>| -> Vec<(usize, usize)> {
            qs.iter().map(|q| (q.span.start, q.span.end)).collect()
        };
        let through = show(scan_part(text, &p, 0, text.len(), &[cut]));
        assert_eq!(
            through.first().map(|s| s.0),
            Some(text.find("two").unwrap())
        );
        assert!(through.first().is_some_and(|s| s.1 > cut));
        let parts = [0..cut, cut..text.len()];
        assert_eq!(show(scan_parts(text, &p, &parts)), through);
    }

    #[test]
    fn parts_end_after_a_blank_line_or_else_a_line_break() {
        let text = "aaaa\nbbbb\n\ncccc\ndddd\neeee\n";
        let cuts = parts(text, 4);
        assert_eq!(cuts.first().map(|r| r.start), Some(0));
        assert_eq!(cuts.last().map(|r| r.end), Some(text.len()));
        assert!(cuts.windows(2).all(|w| w[0].end == w[1].start));
        // Past each part's first `size` bytes: a line break where no blank line is in reach,
        // the blank line where one is.
        assert_eq!(&text[cuts[0].clone()], "aaaa\n");
        assert_eq!(&text[cuts[1].clone()], "bbbb\n\n");
        for r in &cuts[..cuts.len() - 1] {
            assert!(text[r.clone()].ends_with('\n'));
        }
        assert_eq!(
            parts("short", 4),
            vec![std::ops::Range { start: 0, end: 5 }]
        );
    }

    #[test]
    fn hyphenated_mixed_numbers_in_halves_to_sixty_fourths() {
        let want = [
            ("1-1/2", Kind::Fraction, "1.5"),
            ("61-3/8", Kind::Fraction, "61.375"),
            ("6-1/4 pct", Kind::Percent, "6.25"),
            ("10-3/4 dlrs", Kind::Money, "10.75"),
        ]
        .map(|(t, k, v)| (t.to_string(), k, Some(v.to_string())));
        assert_eq!(
            scan_str("It rose 1-1/2 to 61-3/8, yields 6-1/4 pct at 10-3/4 dlrs."),
            want
        );
        // Other denominators after a hyphen, and improper fractions, join no whole number.
        for (s, joined) in [
            ("in 2019-10/11 it", "9-10/11"),
            ("the 24-7/365 desk", "24-7/365"),
            ("at 3-5/4 now", "3-5/4"),
        ] {
            let got = scan_str(s);
            assert!(
                got.iter()
                    .all(|(t, k, _)| *k != Kind::Fraction || !t.contains(joined)),
                "{s}: {got:?}"
            );
        }
    }

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
    fn money_scale_abbreviations_after_a_currency() {
        let v = scan_str("fees of £30m, $2.5bn, €40m and £125m.");
        let money: Vec<_> = v
            .iter()
            .map(|(t, k, v)| (t.as_str(), *k, v.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(
            money,
            [
                ("£30m", Kind::Money, "30000000"),
                ("$2.5bn", Kind::Money, "2500000000"),
                ("€40m", Kind::Money, "40000000"),
                ("£125m", Kind::Money, "125000000"),
            ]
        );
        let p = Profile::infer("", Setting::Auto);
        let units = |s: &str| scan(s, &p).into_iter().map(|q| q.unit).collect::<Vec<_>>();
        assert_eq!(units("fees of £30m"), [Some("GBP".to_string())]);
        assert_eq!(
            one("paid 30m dollars"),
            t("30m dollars", Kind::Money, Some("30000000"))
        );
        assert_eq!(
            one("a 4.5mn euros deal"),
            t("4.5mn euros", Kind::Money, Some("4500000"))
        );
        assert_eq!(
            one("USD 3tn"),
            t("USD 3tn", Kind::Money, Some("3000000000000"))
        );
        assert_eq!(one("CHF 2b"), t("CHF 2b", Kind::Money, Some("2000000000")));
        // Without money around it, "30m" is a length.
        assert_eq!(one("a 30m tower"), t("30m", Kind::Measure, Some("30")));
        assert_eq!(one("£30 m"), t("£30 m", Kind::Money, Some("30000000")));
    }

    /// Text, kind, value and unit of every number `s` has under `--locale locale`.
    fn under(locale: &str, s: &str) -> Vec<(String, Kind, String, String)> {
        let setting = Setting::parse(locale).unwrap();
        let p = Profile::infer(s, setting);
        scan(s, &p)
            .into_iter()
            .map(|q| {
                (
                    s[q.span.start..q.span.end].to_string(),
                    q.kind,
                    q.value
                        .map(|v| v.normalize().to_string())
                        .unwrap_or_default(),
                    q.unit.unwrap_or_default(),
                )
            })
            .collect()
    }

    fn m(text: &str, kind: Kind, value: &str, unit: &str) -> (String, Kind, String, String) {
        (text.into(), kind, value.into(), unit.into())
    }

    #[test]
    fn every_locale_reads_its_scale_words_and_currencies() {
        let es = "Costó 3,5 millones de euros y 12.000 millones de dólares.";
        let want = [
            m("3,5 millones de euros", Kind::Money, "3500000", "EUR"),
            m(
                "12.000 millones de dólares",
                Kind::Money,
                "12000000000",
                "USD",
            ),
        ];
        assert_eq!(under("es", es), want);
        // `auto` reads them as well: the scale word brings Spanish's decimal comma.
        assert_eq!(under("auto", es), want);
        assert_eq!(
            under("pt", "O projeto custou 2,5 milhões de euros."),
            [m("2,5 milhões de euros", Kind::Money, "2500000", "EUR")]
        );
        // The noun of the language's own currency alone, which no other currency shares.
        assert_eq!(
            under("pt", "O programa custou 2,5 milhões de reais."),
            [m("2,5 milhões de reais", Kind::Money, "2500000", "BRL")]
        );
        assert_eq!(
            under("pl", "Kosztowało to 40 złotych."),
            [m("40 złotych", Kind::Money, "40", "PLN")]
        );
        assert_eq!(
            under("nl", "Het kost 2 miljoen euro en 1,5 miljard dollar."),
            [
                m("2 miljoen euro", Kind::Money, "2000000", "EUR"),
                m("1,5 miljard dollar", Kind::Money, "1500000000", "USD"),
            ]
        );
        assert_eq!(
            under("it", "Spesi 300 milioni e 4 miliardi di euro."),
            [
                m("300 milioni", Kind::Number, "300000000", ""),
                m("4 miliardi di euro", Kind::Money, "4000000000", "EUR"),
            ]
        );
        assert_eq!(
            under("fr", "Un trou de 3 milliards d'euros, soit 12 pour cent."),
            [
                m("3 milliards d'euros", Kind::Money, "3000000000", "EUR"),
                m("12 pour cent", Kind::Percent, "12", "%"),
            ]
        );
        assert_eq!(
            under("ru", "Выделено 1,2 млрд рублей."),
            [m("1,2 млрд рублей", Kind::Money, "1200000000", "RUB")]
        );
        assert_eq!(
            under("de", "Ein Plus von 3,5 Mrd. Euro."),
            [m("3,5 Mrd. Euro", Kind::Money, "3500000000", "EUR")]
        );
        assert_eq!(
            under("en-IN", "It raised 2 lakh rupees."),
            [m("2 lakh rupees", Kind::Money, "200000", "INR")]
        );
        // "mil" is a thousand in Spanish, a million in English finance.
        assert_eq!(
            under("es", "Vinieron 5 mil personas."),
            [m("5 mil", Kind::Number, "5000", "")]
        );
        assert_eq!(
            under("tr", "Enflasyon yüzde 50, faiz %12 oldu."),
            [
                m("yüzde 50", Kind::Percent, "50", "%"),
                m("%12", Kind::Percent, "12", "%"),
            ]
        );
        // In English, a word of the Latin script before a figure is English or nothing, as
        // after one: another language's word there is not read.
        assert_eq!(
            under("en", "The word yüzde 50 is Turkish."),
            [m("50", Kind::Number, "50", "")]
        );
    }

    #[test]
    fn scripts_without_spaces_and_other_digits() {
        assert_eq!(
            under("auto", "人口1400万人、予算は3億円。"),
            [
                m("1400万", Kind::Number, "14000000", ""),
                m("3億円", Kind::Money, "300000000", "JPY"),
            ]
        );
        assert_eq!(
            under("auto", "정부는 5억 원을 썼다"),
            [m("5억 원", Kind::Money, "500000000", "KRW")]
        );
        assert_eq!(
            under("ar", "بلغ ١٢٫٥ مليون و٣٤٬٥٦٧"),
            [
                m("١٢٫٥ مليون", Kind::Number, "12500000", ""),
                m("٣٤٬٥٦٧", Kind::Number, "34567", ""),
            ]
        );
        assert_eq!(
            under("hi", "कुल ४,५०० और ३ लाख"),
            [
                m("४,५००", Kind::Number, "4500", ""),
                m("३ लाख", Kind::Number, "300000", ""),
            ]
        );
        assert_eq!(
            under("auto", "全部で１２３個"),
            [m("１２３", Kind::Number, "123", "")]
        );
    }

    #[test]
    fn a_year_after_a_figure_is_a_rate_unless_it_dates_it() {
        let texts = |s: &str| -> Vec<String> { under("en", s).into_iter().map(|g| g.0).collect() };
        assert_eq!(texts("it costs £120 million a year"), ["£120 million"]);
        assert_eq!(texts("we met twice a week"), ["twice"]);
        assert_eq!(texts("against 40 mln a year ago"), ["40 mln", "a year"]);
        assert_eq!(texts("from 3 a week earlier"), ["3", "a week"]);
    }

    #[test]
    fn a_grand_before_a_word_is_an_adjective() {
        assert_eq!(under("en", "it cost a grand.")[0].3, "USD");
        assert!(under("en", "a grand plan to unify").is_empty());
        assert!(under("en", "A Grand Unified Theory").is_empty());
        assert_eq!(under("en", "10 grand each")[0].2, "10000");
    }

    #[test]
    fn german_names_of_figures_tables_volumes_and_ranks() {
        for s in [
            "in Abbildung 2.21",
            "siehe Abb. 3",
            "Tabelle 4",
            "Band 2",
            "auf Platz 139",
            "Rang 5",
        ] {
            let got = under("de", s);
            assert_eq!(got.len(), 1, "{s}: {got:?}");
            assert_eq!(got[0].1, Kind::Identifier, "{s}: {got:?}");
        }
    }

    /// The text, kind and value of each figure `under(locale, s)` finds.
    fn tkv(locale: &str, s: &str) -> Vec<(String, Kind, String)> {
        under(locale, s)
            .into_iter()
            .map(|g| (g.0, g.1, g.2))
            .collect()
    }

    /// One expected figure.
    fn fig(t: &str, k: Kind, v: &str) -> (String, Kind, String) {
        (t.to_string(), k, v.to_string())
    }

    #[test]
    fn beiden_after_a_determiner_is_two() {
        assert_eq!(
            tkv("de", "Die beiden Staaten verhandeln weiter."),
            vec![fig("beiden", Kind::Number, "2")]
        );
        assert_eq!(
            tkv("de", "Sie verloren die ersten beiden Sätze."),
            vec![
                fig("ersten", Kind::Ordinal, "1"),
                fig("beiden", Kind::Number, "2")
            ]
        );
        assert_eq!(
            tkv("de", "Die beiden großen Parteien verhandeln."),
            vec![fig("beiden", Kind::Number, "2")]
        );
        // "the two of them", which English writes "the pair" or "both" as often.
        for s in [
            "Beide Staaten verhandeln weiter.",
            "In beiden Fällen half es.",
            "Die Teams, die beide verloren.",
            "Die beiden haben geheiratet.",
        ] {
            assert_eq!(tkv("de", s), vec![], "{s}");
        }
    }

    #[test]
    fn capitalised_number_words_inside_a_sentence_are_names() {
        for s in [
            "Rain moved into the Five Points district over the long weekend.",
            "They met after World War One had ended in the north.",
            "The band from the Glen-Seven Hills area played late into the night.",
        ] {
            assert_eq!(tkv("en", s), vec![], "{s}");
        }
        assert_eq!(
            tkv("en", "Five people were hurt, the police said."),
            vec![fig("Five", Kind::Number, "5")]
        );
        assert_eq!(
            tkv("en", "He said: \"Seven of them stayed behind.\""),
            vec![fig("Seven", Kind::Number, "7")]
        );
        // A headline capitalises every word.
        assert_eq!(
            tkv("en", "Storm Leaves Seven Dead Along Coast"),
            vec![fig("Seven", Kind::Number, "7")]
        );
        assert_eq!(
            tkv(
                "de",
                "Sie leitete die traditionellen Neun Ministerien des Reiches."
            ),
            vec![]
        );
        // A noun, and the head of a compound, are no names.
        assert_eq!(
            tkv("de", "Die Zahl sank danach fast auf Null."),
            vec![fig("Null", Kind::Number, "0")]
        );
        assert_eq!(
            tkv("de", "Sie wünschen sich eine Drei-Tage-Woche."),
            vec![fig("Drei", Kind::Number, "3")]
        );
        assert_eq!(
            tkv(
                "de",
                "Zur Kundgebung kamen Tausende und danach drei Minister."
            ),
            vec![
                fig("Tausende", Kind::Vague, ""),
                fig("drei", Kind::Number, "3")
            ]
        );
    }

    #[test]
    fn double_after_to_or_a_modal_is_the_verb() {
        for s in [
            "They plan to double Acme's budget.",
            "The city should triple A.I. spending.",
        ] {
            assert_eq!(tkv("en", s)[0].1, Kind::Multiple, "{s}");
        }
        assert_eq!(tkv("en", "They booked a double room."), vec![]);
        assert_eq!(tkv("en", "It is set to double-check."), vec![]);
    }

    #[test]
    fn german_am_is_a_preposition_not_a_meridiem() {
        assert_eq!(
            tkv("de", "Das Konzert läuft auf Kanal 5 am Freitag."),
            vec![fig("5", Kind::Number, "5")]
        );
        assert_eq!(tkv("en", "It starts at 5 am Friday.")[0].1, Kind::Time);
    }

    #[test]
    fn phone_numbers_in_groups_after_a_dialling_code() {
        assert_eq!(
            tkv("en", "Call 0800 555 111 today."),
            vec![fig("0800 555 111", Kind::Identifier, "")]
        );
        assert_eq!(
            tkv("de", "unter der Nummer 0800\u{a0}123\u{a0}456 erreichbar"),
            vec![fig("0800\u{a0}123\u{a0}456", Kind::Identifier, "")]
        );
        assert_eq!(tkv("en", "0033"), vec![fig("0033", Kind::Number, "33")]);
        assert_eq!(
            tkv("en", "423 0000"),
            vec![
                fig("423", Kind::Number, "423"),
                fig("0000", Kind::Number, "0")
            ]
        );
        assert_eq!(tkv("en", "0.5"), vec![fig("0.5", Kind::Number, "0.5")]);
    }

    #[test]
    fn a_bare_german_fraction_noun_is_a_part_of_a_game_or_town() {
        for s in ["im letzten Drittel des Spiels", "das erste Viertel kam"] {
            assert!(
                tkv("de", s).iter().all(|f| f.1 != Kind::Fraction),
                "{s}: {:?}",
                tkv("de", s)
            );
        }
        for (s, t) in [
            ("ein Drittel der Stimmen", "ein Drittel"),
            ("zwei Drittel der Stimmen", "zwei Drittel"),
            ("mit einem Drittel der Stimmen", "einem Drittel"),
        ] {
            assert_eq!(tkv("de", s)[0].0, t, "{s}");
            assert_eq!(tkv("de", s)[0].1, Kind::Fraction, "{s}");
        }
    }

    #[test]
    fn german_ordinals_after_an_adjective_or_in_brackets() {
        assert_eq!(
            tkv("de", "Er vertritt den alten 12. Bezirk seit Jahren."),
            vec![fig("12.", Kind::Ordinal, "12")]
        );
        assert_eq!(
            tkv("de", "Das war im [19.] Jahrhundert."),
            vec![fig("19.", Kind::Ordinal, "19")]
        );
        assert_eq!(
            tkv("de", "Die Zahl war 12. Danach kam nichts."),
            vec![fig("12", Kind::Number, "12")]
        );
    }

    #[test]
    fn an_ordinal_after_an_article_before_a_noun() {
        assert_eq!(
            tkv("en", "It was a third Premier League loss."),
            vec![fig("third", Kind::Ordinal, "3")]
        );
        let got = |s: &str| -> Vec<(String, Kind, String)> {
            under("en", s)
                .into_iter()
                .map(|g| (g.0, g.1, g.2))
                .collect()
        };
        let one = |t: &str, k: Kind, v: &str| vec![(t.to_string(), k, v.to_string())];
        assert_eq!(
            got("A third type of conjecture"),
            one("third", Kind::Ordinal, "3")
        );
        assert_eq!(
            got("plus a tenth category"),
            one("tenth", Kind::Ordinal, "10")
        );
        assert_eq!(
            got("a fifth of voters"),
            one("a fifth", Kind::Fraction, "0.2")
        );
        assert_eq!(got("a fifth higher"), one("a fifth", Kind::Fraction, "0.2"));
        assert_eq!(
            got("a third more"),
            one("a third", Kind::Fraction, "0.3333333333333333333333333333")
        );
        assert_eq!(
            got("a quarter century"),
            one("a quarter", Kind::Fraction, "0.25")
        );
        assert_eq!(
            got("only a third."),
            one("a third", Kind::Fraction, "0.3333333333333333333333333333")
        );
    }

    #[test]
    fn german_ordinals_before_nouns_that_count_and_in_lists() {
        let kinds = |s: &str| -> Vec<(String, Kind)> {
            under("de", s).into_iter().map(|g| (g.0, g.1)).collect()
        };
        let ord = |t: &str| (t.to_string(), Kind::Ordinal);
        assert_eq!(kinds("bis zum frühen 18. Jahrhundert"), [ord("18.")]);
        assert_eq!(kinds("Im 20. Jahrhundert"), [ord("20.")]);
        assert_eq!(
            kinds("des 18. und 19. Jahrhunderts"),
            [ord("18."), ord("19.")]
        );
        assert_eq!(
            kinds("Die 2., 3. und 4. Auflagen"),
            [ord("2."), ord("3."), ord("4.")]
        );
        assert_eq!(kinds("in der Liga (5. Rang in Polen)"), [ord("5.")]);
        // A figure that ends a sentence stays one.
        assert_eq!(
            kinds("Der Preis lag bei 5. Danach stieg er."),
            [("5".to_string(), Kind::Number)]
        );
        assert_eq!(
            kinds("Seit den 1970ern und den 1960er Jahren"),
            [
                ("1970ern".to_string(), Kind::Year),
                ("1960er".to_string(), Kind::Year)
            ]
        );
    }

    #[test]
    fn other_languages_words_are_not_read_in_a_known_language() {
        // "von" names the won in a language of CLDR's, not in German.
        let got = under("de", "Nur 13 von 52 Wochen");
        assert_eq!(got[0].1, Kind::Number, "{got:?}");
        let got = under("auto", "Die Kosten stiegen nur in 13 von 52 Wochen.");
        assert_eq!(got[0].1, Kind::Number, "{got:?}");
        // A word of a script the language does not write is read: "5万" in a German text.
        let got = under("de", "Die Firma verkaufte 5万 Autos.");
        assert_eq!(got[0].2, "50000", "{got:?}");
    }

    #[test]
    fn mixed_scripts_and_long_runs_read_without_a_panic() {
        // Scripts and languages mixed in one line; figures glued inside words of scripts
        // without spaces.
        let mixed = "Die Firma 三菱 verkaufte 5万台, رقم ٣٤٥ und 12 זה ๑๒๓ 元12.5万美元x9";
        let got = under("auto", mixed);
        assert!(
            got.iter().any(|g| g.0 == "5万" && g.2 == "50000"),
            "{got:?}"
        );
        assert!(got.iter().any(|g| g.0 == "٣٤٥" && g.2 == "345"), "{got:?}");
        assert!(
            got.iter().any(|g| g.0.starts_with("๑๒๓") && g.2 == "123"),
            "{got:?}"
        );
        assert!(
            got.iter().any(|g| g.0 == "12.5万美元" && g.3 == "USD"),
            "{got:?}"
        );
        for s in [mixed, "万", "5万", "٫٣", "٣٫", "１，２３４．５"] {
            for setting in [Setting::Auto, Setting::En, Setting::parse("ja").unwrap()] {
                let p = Profile::infer(s, setting);
                for q in scan(s, &p) {
                    assert!(s.is_char_boundary(q.span.start) && s.is_char_boundary(q.span.end));
                }
            }
        }
        // A megabyte of one CJK numeral run is one word, no number; a megabyte of native
        // digits is one figure too large to hold.
        let han = "一二三四五六七八九十百千万".repeat(30_000);
        assert!(under("zh", &han).is_empty());
        let digits = "٣".repeat(500_000);
        let q = scan(&digits, &Profile::infer(&digits, Setting::Auto));
        assert_eq!(q.len(), 1);
        assert!(q[0].too_large && q[0].value.is_none());
    }

    #[test]
    fn powers_are_exact_where_the_result_fits() {
        let s = "it is 1.1^23 now";
        let p = Profile::infer(s, Setting::Auto);
        let q = &scan(s, &p)[0];
        assert_eq!(
            q.value,
            Some(Decimal::from_str("8.95430243255237372246531").unwrap())
        );
        assert!(!q.inexact);
        assert_eq!(one("2^-3"), t("2^-3", Kind::Number, Some("0.125")));
        assert_eq!(one("10^6"), t("10^6", Kind::Number, Some("1000000")));
        // 1.1^300 has 300 decimals: rounded to 28 significant digits and marked.
        let s = "1.1^300 and 3^-1";
        let q = scan(s, &Profile::infer(s, Setting::Auto));
        assert!(q[0].inexact && q[1].inexact, "{q:?}");
        let third = q[1].value.unwrap();
        assert_eq!(third.to_string(), "0.3333333333333333333333333333");
        assert_eq!(q[1].precision, Some(Decimal::new(1, 28)));
        // Past what a decimal holds at all: too large, not a panic.
        let q = scan("9^99", &Profile::infer("", Setting::Auto));
        assert!(q[0].too_large && q[0].value.is_none());
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
        // A rate of the count before it, and a name.
        assert_eq!(
            tkv("en", "The line carried 12 million riders a year."),
            vec![fig("12 million", Kind::Number, "12000000")]
        );
        assert_eq!(tkv("en", "He met a Yuan dynasty envoy there."), vec![]);
        assert_eq!(tkv("en", "It cost a yuan then.")[0].1, Kind::Money);
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
