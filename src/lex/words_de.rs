//! German number words.
//!
//! Reads a spelled German number at the start of a text: cardinals ("dreiundzwanzig",
//! "zwei Millionen dreihunderttausend"), decimals ("zwei Komma drei"), fractions and mixed
//! numbers ("drei Viertel", "zweieinhalb", "eine halbe Million"), ordinals
//! ("einhunderteinunddreißigste", "zu dritt"), multiples ("doppelt", "dreifach",
//! "drei mal so viele") and vague amounts ("Tausende", "Dutzende"). Values are exact
//! [`Decimal`]s; nothing allocates and nothing panics on any input.
//!
//! # Grammar
//!
//! Letters match in any case; `ä`, `ö`, `ü` also match `ae`, `oe`, `ue`, and `ß` also matches
//! `ss`. `ws` is white space holding at most one line break. `⟂` is a word boundary: the next
//! character is not a letter or digit. Every phrase ends at a word boundary, so "Achtung",
//! "Dreieck", "Elfmeter" or "einfach" never yield a number. Each production is repeated above
//! the function that reads it.
//!
//! ```text
//! phrase      = ("minus" | "negativ") ws amount          (cardinals and fractions only)
//!             | amount
//! amount      = number-word *(ws step) [ws end-step]     → cardinal, ordinal, fraction, multiple
//!             | article ws (fraction-noun | "halb") [ws multiplier]
//!             | article ws multiplier *(ws step) [ws end-step]
//!             | fraction-word [ws multiplier]            ("Drittel", "zweieinhalb", "halbe")
//!             | decimal-word [ws multiplier]             ("dreikommafünf")
//!             | ordinal-word | multiple-word | times-word
//!             | multiplying-verb                         → multiple ("verdoppeln", "halbiert")
//!             | several ws multiplier                    → vague ("mehrere Tausend" ≥ 3000)
//!             | "beid" ending                            → 2 (only after a determiner)
//!             | "jed" ending ws ordinal-word             → fraction 1/n ("jedes fünfte")
//!             | vague-word [ws scale]                    ("Tausende", "Hunderte Millionen")
//!             | scale                                    (plural alone: vague, "Millionen" ≥ 2e6)
//!             | "halb" (before ws "so")                  → multiple ½
//! step        = scale                                    (multiplies and closes the group)
//!             | "hundert"                                (group below 100: × 100)
//!             | number-word                              (after a closed group, below its scale)
//! end-step    = "dutzend"                                → × 12
//!             | fraction-noun [ws multiplier]            → "zwei Drittel"
//!             | "und" ws und-part [ws multiplier]        → "fünf und drei Viertel Milliarden"
//!             | "komma" ws digits [ws multiplier]        → "zwei Komma fünf Millionen"
//!             | "mal" (before ws comparison)             → "drei mal so viele": multiple
//!             | scale-ordinal                            → "einhundert Milliardste"
//! multiplier  = scale | "hundert" | "tausend" | "dutzend"
//! article     = "ein" ("e" | "en" | "em" | "er" | "es" | "")   (alone it is not a number)
//! fraction-word = fraction-noun | "anderthalb" | word with a mixed or fraction suffix
//! fraction-noun = ord-stem ("el" | "eln" | "els") | "halb" ending | "hälfte" ["n"]
//! multiple-word = "doppelt" [ending] | word with "fach" suffix
//! multiplying-verb = "ver" ("doppel" | "doppl") verb-ending
//!             | "ver" compound "fach" verb-ending        ("verdreifacht", "Vervierfachung")
//!             | "halbier" verb-ending                    → ½ ("halbieren", "Halbierung")
//! verb-ending = "ungen" | "ung" | "end" [ending] | "test" | "t" [ending] | "st" | "en"
//!             | "n" | "e"
//! several     = "mehrere" → 3 | "einige" → 2 | "viele" → 2 | "ein" ws "paar" → 2
//! vague-word  = ("hundert" | "tausend" | "zehntausend" | "hunderttausend" | "aberhundert"
//!             | "abertausend" | "dutzend") ("e" | "en")
//! continuation (after a numeral, `continue_after`)
//!             = ["-"] "fach" [ending] | ["-"] "mal" (before ws comparison)
//!             | *(ws step) [ws end-step]                 (at least one)
//!
//! number-word = "null" | compound
//! compound    = [group] "tausend" ["und"] [group] | group
//! group       = [below-100] "hundert" ["und"] [below-100] | below-100
//! below-100   = unit "und" tens | tens | teen | stem | unit
//! unit        = "eins"⟂ | "ein" | "zwei" | "zwo" | "drei" | "vier" | "fünf" | "sechs"
//!             | "sieben" | "acht" | "neun"
//! teen        = "zehn" | "elf" | "zwölf"
//!             | ("drei" | "vier" | "fünf" | "sech" | "sieb" | "acht" | "neun") "zehn"
//! tens        = "zwanzig" | "dreißig" | "vierzig" | "fünfzig" | "sechzig" | "siebzig"
//!             | "achtzig" | "neunzig"
//! stem        = "erst" | "dritt" | "siebt"                (ordinal stems; last element only)
//! word        = compound suffix
//! suffix      = ⟂                                        → cardinal ("ein" alone: article)
//!             | adjective-stem [ending]⟂                 → cardinal ("dreitägige", "vierseitig";
//!                                                          not after a lone "ein")
//!             | ending⟂                                  after a final "ein": "tausendundeine"
//!             | ord-stem ending⟂ | ord-stem⟂             → ordinal ("zweite", "zu viert";
//!                                                          "achte(n)" only before a noun)
//!             | ord-stem ("el" | "eln" | "els")⟂         → fraction noun ("Drittel", "Zehntel")
//!             | "fach" [ending]⟂                         → multiple ("dreifach")
//!             | "mal"⟂                                   → times ("dreimal")
//!             | ("e" | "en")⟂                            → vague, after hundert/tausend alone
//!             | "komma" compound⟂                        → decimal ("dreikommafünf")
//!             | ["und"] ["ein"] "halb" half-end | "ein" fraction-noun   → mixed ("zweieinhalb")
//!             | fraction-noun                            → numerator × fraction ("dreiviertel")
//! half-end    = ⟂ | "fach" [ending]⟂ | "mal"⟂            → fraction, or factor "zweieinhalbfach"
//! ord-stem    = "" after a stem or "acht" | "t" after a unit or teen
//!             | "st" after tens, "hundert", "tausend"     (none after "ein" and "drei")
//! adjective-stem = "tägig" | "jährig" | "monatig" | "wöchig" | "stündig" | "minütig"
//!             | "sekündig" | "seitig" | "malig" | "köpfig" | "teilig" | "stöckig" | "spurig"
//!             | "sitzig" | "zeilig" | "silbig" | "stufig" | "sprachig" | "türig"
//!             | "gängig" | "bändig" | "polig" | "rädrig" | "motorig" | "zylindrig"
//! ending      = "e" | "em" | "en" | "er" | "es"
//! genitive    = ("zwei" | "drei") "er"⟂ in lower case       → cardinal ("zweier Arten")
//! scale       = "million" ["en"] | "milliarde" ["n"] | "billion" ["en"] | "billiarde" ["n"]
//!             | "trillion" ["en"] | "trilliarde" ["n"] | "quadrillion" ["en"]
//!             | "quadrilliarde" ["n"]                     (long scale: Billion = 10^12)
//! ```
//!
//! # Deliberate choices
//!
//! - A lone indefinite article ("ein", "eine", "einen", "einem", "einer", "eines") is not a
//!   number; with a scale, fraction or "Dutzend" after it, it counts as 1 ("eine Million",
//!   "ein Drittel"). Peer test data (Recognizers-Text, Duckling) read every article as 1.
//! - "keiner"/"keinen" are not zero, "zuerst" is not an ordinal, "erst" and "einst" are
//!   adverbs, "einmal" and "einfach" are not numbers; "halb" alone is only a factor before
//!   "so" ("halb so viele").
//! - "achte"/"achten" are ordinals only before a noun (otherwise the verb "achten").
//! - A number word ends at a word boundary, so compounds such as "Tausendfüßler",
//!   "Dreiviertelstunde" or "Dreieck" are not read at all; only the counting adjectives of
//!   `adjective-stem` are ("zwanzigjährige" → 20, as English reads "twenty-year-old"), and
//!   never as the start of a longer phrase ("zehnjährige Millionen" is 10 and a plural).
//!   "zweistellig" (a count of digits, English "double-digit") is none of them.
//! - "beide(n)" is 2 only after a determiner or an adjective after one ("die beiden Länder",
//!   "die ersten beiden Runden": "the two"); alone it is "both" and no number, as English
//!   "both" is not.
//! - The multiplying verbs and their nouns are multiples wherever they stand ("verdoppeln",
//!   "Verdopplung" → 2, "halbiert" → ½), as English "doubled" and "halved" are.
//! - "mehrere", "einige", "viele", "ein paar" are numbers only before "Hundert", "Tausend",
//!   a scale or "Dutzend", and then vague with the lower bound of English "several hundred"
//!   (3 ×) and "a few thousand" (2 ×).
//! - "dreimal" is a count (cardinal) unless a comparison follows ("dreimal so viele",
//!   "drei mal größer"): then it is a factor.
//! - Vague plurals give their lower bound: "Tausende" → 2000, "Millionen" (alone) → 2000000.
//! - Precision is the place value of the least significant part: "zwanzig" → 10,
//!   "zwei Komma fünf Millionen" → 100000, "eine halbe Million" → 500000; `None` for fractions,
//!   thirds of a scale ("zwei Drittel Millionen") and vague amounts.
use super::spelled::{Form, Spelled};
use rust_decimal::Decimal;

// ───────────────────────────── matching ─────────────────────────────

/// Bytes at the start of `b` that spell `pat` (lower case ASCII plus `ä ö ü ß`): letters match
/// in any case, `ä`/`ö`/`ü` also match `ae`/`oe`/`ue`, `ß` also matches `ss`.
#[inline]
fn eat(b: &[u8], pat: &str) -> Option<usize> {
    let p = pat.as_bytes();
    if p.is_ascii() {
        // No spelling alternatives: a plain case-insensitive comparison.
        return b
            .get(..p.len())
            .filter(|x| x.eq_ignore_ascii_case(p))
            .map(|_| p.len());
    }
    if let (Some(x), Some(&p)) = (b.first(), p.first())
        && x.to_ascii_lowercase() != p
    {
        return None;
    }
    let mut i = 0;
    for c in pat.chars() {
        let rest = b.get(i..)?;
        i += match c {
            'ä' => umlaut(rest, 0xA4, 0x84, b'a')?,
            'ö' => umlaut(rest, 0xB6, 0x96, b'o')?,
            'ü' => umlaut(rest, 0xBC, 0x9C, b'u')?,
            'ß' => sharp_s(rest)?,
            _ => match rest.first() {
                Some(x) if x.to_ascii_lowercase() == c as u8 => 1,
                _ => return None,
            },
        };
    }
    Some(i)
}

/// An umlaut (lower or upper case, UTF-8 `C3 xx`) or its two-letter spelling (`base` + `e`).
#[inline]
fn umlaut(b: &[u8], lower: u8, upper: u8, base: u8) -> Option<usize> {
    match b {
        [0xC3, x, ..] if *x == lower || *x == upper => Some(2),
        [x, e, ..] if x.to_ascii_lowercase() == base && e.eq_ignore_ascii_case(&b'e') => Some(2),
        _ => None,
    }
}

/// `ß`, capital `ẞ` or `ss`.
#[inline]
fn sharp_s(b: &[u8]) -> Option<usize> {
    match b {
        [0xC3, 0x9F, ..] => Some(2),
        [0xE1, 0xBA, 0x9E, ..] => Some(3),
        [x, y, ..] if x.eq_ignore_ascii_case(&b's') && y.eq_ignore_ascii_case(&b's') => Some(2),
        _ => None,
    }
}

/// [`eat`] at byte `i` of `s`; returns the index after the match.
#[inline]
fn eat_at(s: &str, i: usize, pat: &str) -> Option<usize> {
    Some(i + eat(s.as_bytes().get(i..)?, pat)?)
}

/// Whether a word ends at byte `i`: end of text, or a character that is no letter or digit.
#[inline]
fn boundary(s: &str, i: usize) -> bool {
    if i == s.len() {
        return true;
    }
    match s.get(i..).and_then(|r| r.chars().next()) {
        Some(c) => !c.is_alphanumeric(),
        None => false,
    }
}

/// ws = 1*(white space), at most one line break. Returns the index after it.
fn skip_ws(s: &str, i: usize) -> Option<usize> {
    let mut n = 0;
    let mut breaks = 0;
    for c in s.get(i..)?.chars() {
        if !c.is_whitespace() {
            break;
        }
        breaks += usize::from(c == '\n');
        if breaks > 1 {
            return None;
        }
        n += c.len_utf8();
    }
    (n > 0).then_some(i + n)
}

/// The first of `list` that matches at `i` and ends a word; returns the index after it.
fn ending(s: &str, i: usize, list: &[&str]) -> Option<usize> {
    let c = s.as_bytes().get(i).map(u8::to_ascii_lowercase);
    list.iter()
        .filter(|e| e.as_bytes().first().is_none_or(|f| Some(*f) == c))
        .filter_map(|e| eat_at(s, i, e))
        .find(|&j| boundary(s, j))
}

/// ending = "e" | "em" | "en" | "er" | "es" (adjective endings, longest first).
const ENDINGS: &[&str] = &["em", "en", "er", "es", "e"];
/// An adjective ending or none.
const ENDINGS_OR_NONE: &[&str] = &["em", "en", "er", "es", "e", ""];
/// Endings of a fraction noun after the ordinal stem: "Drittel", "Dritteln", "Drittels".
const FRACTION_ENDINGS: &[&str] = &["eln", "els", "el"];

// ───────────────────────────── compounds ─────────────────────────────

/// The last element read in a compound; it decides which suffixes may follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Last {
    /// "ein" (not "eins"): an article when alone.
    One,
    /// A unit word with its value ("eins" is `Unit(1)`).
    Unit(u64),
    /// "zehn" … "neunzehn".
    Teen,
    /// "zwanzig" … "neunzig".
    Tens,
    /// "hundert".
    Hundert,
    /// "tausend".
    Tausend,
    /// An ordinal stem: "erst", "dritt", "siebt".
    Stem,
}

/// A compound number word read so far.
#[derive(Clone, Copy, Debug)]
struct Num {
    /// Its value.
    v: u64,
    /// Index after it.
    end: usize,
    /// Its last element.
    last: Last,
    /// Whether it is a single element ("ein", "hundert", "tausend" alone).
    single: bool,
}

impl Num {
    /// A one-element compound.
    fn one(v: u64, end: usize, last: Last) -> Self {
        Num {
            v,
            end,
            last,
            single: true,
        }
    }
}

/// Unit words other than "ein"/"eins", longest first where one is a prefix of another.
const UNITS: &[(&str, u64)] = &[
    ("zwei", 2),
    ("zwo", 2),
    ("drei", 3),
    ("vier", 4),
    ("fünf", 5),
    ("sechs", 6),
    ("sieben", 7),
    ("acht", 8),
    ("neun", 9),
];

/// unit = "eins"⟂ | "ein" | "zwei" | "zwo" | "drei" | "vier" | "fünf" | "sechs" | "sieben"
///      | "acht" | "neun"
fn unit(s: &str, i: usize) -> Option<Num> {
    if let Some(j) = eat_at(s, i, "ein") {
        return Some(match eat_at(s, j, "s").filter(|&k| boundary(s, k)) {
            Some(k) => Num::one(1, k, Last::Unit(1)),
            None => Num::one(1, j, Last::One),
        });
    }
    let (v, j) = lookup(UNITS, s, i)?;
    Some(Num::one(v, j, Last::Unit(v)))
}

/// The first entry of `table` spelled at `i`: its value and the index after it. Entries are
/// filtered on their first letter before being matched (this is the hot path).
fn lookup(table: &[(&str, u64)], s: &str, i: usize) -> Option<(u64, usize)> {
    let c = s.as_bytes().get(i)?.to_ascii_lowercase();
    table
        .iter()
        .filter(|(p, _)| p.as_bytes().first() == Some(&c))
        .find_map(|&(p, v)| eat_at(s, i, p).map(|j| (v, j)))
}

/// Prefixes of "…zehn" (note "sech", "sieb").
const TEEN_PREFIXES: &[(&str, u64)] = &[
    ("drei", 3),
    ("vier", 4),
    ("fünf", 5),
    ("sech", 6),
    ("sieb", 7),
    ("acht", 8),
    ("neun", 9),
];

/// teen = "zehn" | "elf" | "zwölf" | ("drei" | "vier" | "fünf" | "sech" | "sieb" | "acht"
///      | "neun") "zehn"
fn teen(s: &str, i: usize) -> Option<Num> {
    let (v, j) = match lookup(&[("zehn", 10), ("elf", 11), ("zwölf", 12)], s, i) {
        Some(plain) => plain,
        None => {
            let (v, j) = lookup(TEEN_PREFIXES, s, i)?;
            (10 + v, eat_at(s, j, "zehn")?)
        }
    };
    Some(Num::one(v, j, Last::Teen))
}

/// The tens words.
const TENS: &[(&str, u64)] = &[
    ("zwanzig", 20),
    ("dreißig", 30),
    ("vierzig", 40),
    ("fünfzig", 50),
    ("sechzig", 60),
    ("siebzig", 70),
    ("achtzig", 80),
    ("neunzig", 90),
];

/// tens = "zwanzig" | "dreißig" | "vierzig" | "fünfzig" | "sechzig" | "siebzig" | "achtzig"
///      | "neunzig"
fn tens(s: &str, i: usize) -> Option<Num> {
    let (v, j) = lookup(TENS, s, i)?;
    Some(Num::one(v, j, Last::Tens))
}

/// stem = "erst" | "dritt" | "siebt"   (irregular ordinal stems of 1, 3, 7)
fn stem(s: &str, i: usize) -> Option<Num> {
    let (v, j) = lookup(&[("erst", 1), ("dritt", 3), ("siebt", 7)], s, i)?;
    Some(Num::one(v, j, Last::Stem))
}

/// below-100 = unit "und" tens | tens | teen | stem | unit
fn below100(s: &str, i: usize) -> Option<Num> {
    let u = unit(s, i);
    if let Some(u) = u
        && let Some(t) = eat_at(s, u.end, "und").and_then(|k| tens(s, k))
    {
        return Some(Num {
            v: u.v + t.v,
            end: t.end,
            last: Last::Tens,
            single: false,
        });
    }
    tens(s, i)
        .or_else(|| teen(s, i))
        .or_else(|| stem(s, i))
        .or(u)
}

/// A part after "hundert"/"tausend": ["und"] part ("hundertzwei", "tausendundzwölf").
fn addend(s: &str, j: usize, part: fn(&str, usize) -> Option<Num>) -> Option<Num> {
    part(s, j).or_else(|| part(s, eat_at(s, j, "und")?))
}

/// [inner] word ["und"] [inner] | inner — where `word` multiplies by `factor`.
fn scaled(
    s: &str,
    i: usize,
    inner: fn(&str, usize) -> Option<Num>,
    word: &str,
    factor: u64,
    last: Last,
) -> Option<Num> {
    let low = inner(s, i);
    let head = match low {
        Some(n) if n.last != Last::Stem => eat_at(s, n.end, word).map(|j| (n.v, j, false)),
        Some(_) => None,
        None => eat_at(s, i, word).map(|j| (1, j, true)),
    };
    let Some((mult, j, single)) = head else {
        return low;
    };
    let base = Num {
        v: mult * factor,
        end: j,
        last,
        single,
    };
    Some(match addend(s, j, inner) {
        Some(n) => Num {
            v: base.v + n.v,
            end: n.end,
            last: n.last,
            single: false,
        },
        None => base,
    })
}

/// group = [below-100] "hundert" ["und"] [below-100] | below-100
fn group(s: &str, i: usize) -> Option<Num> {
    scaled(s, i, below100, "hundert", 100, Last::Hundert)
}

/// compound = [group] "tausend" ["und"] [group] | group
fn compound(s: &str, i: usize) -> Option<Num> {
    scaled(s, i, group, "tausend", 1000, Last::Tausend)
}

// ───────────────────────────── words ─────────────────────────────

/// One word of a phrase, classified.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Word {
    /// A cardinal; `bare` when it is "hundert" or "tausend" alone (usable as a multiplier).
    Card { v: u64, bare: bool },
    /// "ein", "eine", "einen", "einem", "einer", "eines".
    Article,
    /// An ordinal position.
    Ord(Decimal),
    /// An ordinal that is also a verb form ("achte", "achten"): an ordinal only before a noun.
    OrdBeforeNoun(Decimal),
    /// A fraction noun with its denominator: "Drittel", "halbe", "Hälfte".
    FracNoun(Decimal),
    /// A glued fraction or mixed number: `whole + num/den` ("dreiviertel", "zweieinhalb").
    Frac {
        whole: Decimal,
        num: Decimal,
        den: Decimal,
    },
    /// "halb" uninflected.
    Halb,
    /// "doppelt", "dreifach": the factor.
    Multiple(Decimal),
    /// "verdoppelt", "halbiert": the factor a verb or its noun states.
    VerbMultiple(Decimal),
    /// "dreimal": a count of times, or a factor before a comparison.
    Times(Decimal),
    /// "Tausende", "Dutzende": the implied lower bound.
    Vague(Decimal),
    /// "beiden", "beide": 2 after a determiner (the scanner decides).
    Beide,
    /// "dreitägige", "vierseitig": the cardinal of a counting adjective (no scale follows).
    Adjective(u64),
    /// "mehrere" 3, "einige" 2, "ein paar" 2: a count before a multiplier only.
    Several(u8),
    /// "Million", "Milliarden".
    Scale { v: Decimal, plural: bool },
    /// "Millionste", "Milliardsten".
    ScaleOrd(Decimal),
    /// "Dutzend".
    Dutzend,
    /// "dreikommafünf".
    Dec { v: Decimal, prec: Decimal },
    /// "minus", "negativ".
    Minus,
    /// "Komma".
    Komma,
    /// "und".
    Und,
    /// "mal".
    Mal,
}

/// A word of a phrase and the index after it. `depth` > 0 while reading the fraction part of a
/// glued word ("drei|viertel"), which may not glue again.
fn word(s: &str, i: usize, depth: u8) -> Option<(Word, usize)> {
    let special = match s.as_bytes().get(i)?.to_ascii_lowercase() {
        b'a' => eat_at(s, i, "anderthalb")
            .and_then(|m| after_half(s, m, Decimal::ONE))
            .or_else(|| aber(s, i)),
        b'b' => scale_word(s, i).or_else(|| beide(s, i)),
        b'q' => scale_word(s, i),
        b'v' => ver_fach(s, i).or_else(|| several(s, i)),
        b'j' => every_nth(s, i),
        b'e' => several(s, i),
        b'm' if eat_at(s, i, "mehrere").is_some() => several(s, i),
        b't' => scale_word(s, i),
        b'd' => doppelt(s, i).or_else(|| dutzend(s, i)),
        b'h' => halb(s, i),
        b'k' => exact(s, i, "komma", Word::Komma),
        b'u' => exact(s, i, "und", Word::Und),
        b'm' => {
            return scale_word(s, i)
                .or_else(|| exact(s, i, "minus", Word::Minus))
                .or_else(|| exact(s, i, "mal", Word::Mal));
        }
        b'n' => exact(s, i, "null", Word::Card { v: 0, bare: false })
            .or_else(|| exact(s, i, "negativ", Word::Minus)),
        _ => None,
    };
    let lower = s.as_bytes().get(i).is_some_and(u8::is_ascii_lowercase);
    special.or_else(|| suffix(s, compound(s, i)?, depth, lower))
}

/// `pat` as a whole word.
fn exact(s: &str, i: usize, pat: &str, w: Word) -> Option<(Word, usize)> {
    eat_at(s, i, pat)
        .filter(|&j| boundary(s, j))
        .map(|j| (w, j))
}

/// vague-word = ("aberhundert" | "abertausend") ("e" | "en")
fn aber(s: &str, i: usize) -> Option<(Word, usize)> {
    let j = eat_at(s, i, "aber")?;
    let (k, v) = match eat_at(s, j, "hundert") {
        Some(k) => (k, 200),
        None => (eat_at(s, j, "tausend")?, 2000),
    };
    ending(s, k, &["en", "e"]).map(|m| (Word::Vague(Decimal::from(v)), m))
}

/// beide = "beid" ending: the cardinal 2 after a determiner ("die beiden Länder"); the
/// scanner drops it elsewhere ("beide Länder" is "both").
fn beide(s: &str, i: usize) -> Option<(Word, usize)> {
    let j = eat_at(s, i, "beid")?;
    ending(s, j, ENDINGS).map(|k| (Word::Beide, k))
}

/// Endings of a multiplying verb or its noun after the stem: "verdoppel|n", "verdreifach|t",
/// "halbier|ten", "Verdopplung", "halbierend".
const VERB_ENDINGS: &[&str] = &[
    "ungen", "ung", "enden", "ender", "endes", "endem", "ende", "end", "test", "ten", "tem", "ter",
    "tes", "te", "st", "en", "n", "t", "e",
];

/// multiplying-verb = "ver" ("doppel" | "doppl") verb-ending
///                  | "ver" compound "fach" verb-ending  ("verdreifachen", "Verzehnfachung")
fn ver_fach(s: &str, i: usize) -> Option<(Word, usize)> {
    let j = eat_at(s, i, "ver")?;
    if let Some(k) = eat_at(s, j, "doppel").or_else(|| eat_at(s, j, "doppl")) {
        return ending(s, k, VERB_ENDINGS).map(|e| (Word::VerbMultiple(Decimal::TWO), e));
    }
    let n =
        compound(s, j).filter(|n| n.last != Last::Stem && !(n.single && n.last == Last::One))?;
    let k = eat_at(s, n.end, "fach")?;
    ending(s, k, VERB_ENDINGS).map(|e| (Word::VerbMultiple(Decimal::from(n.v)), e))
}

/// several = ("mehrere" | "einige" | "viele" | "ein" ws "paar") before a multiplier: the
/// count its lower bound stands for ("mehrere Tausend" ≥ 3000, "ein paar Hundert" ≥ 200).
fn several(s: &str, i: usize) -> Option<(Word, usize)> {
    if let Some(j) = eat_at(s, i, "mehrere").filter(|&j| boundary(s, j)) {
        return Some((Word::Several(3), j));
    }
    if let Some(j) = ["einige", "viele"]
        .iter()
        .find_map(|w| eat_at(s, i, w).filter(|&j| boundary(s, j)))
    {
        return Some((Word::Several(2), j));
    }
    let j = eat_at(s, i, "ein").filter(|&j| boundary(s, j))?;
    let k = eat_at(s, skip_ws(s, j)?, "paar").filter(|&k| boundary(s, k))?;
    Some((Word::Several(2), k))
}

/// every-nth = "jed" ending ws ordinal-word → the share 1/n ("jedes fünfte Kind" → ⅕; "jeder
/// erste" names no share).
fn every_nth(s: &str, i: usize) -> Option<(Word, usize)> {
    let j = ending(s, eat_at(s, i, "jed")?, ENDINGS)?;
    match word(s, skip_ws(s, j)?, 0)? {
        (Word::Ord(den) | Word::OrdBeforeNoun(den), k) if den >= Decimal::TWO => Some((
            Word::Frac {
                whole: Decimal::ZERO,
                num: Decimal::ONE,
                den,
            },
            k,
        )),
        _ => None,
    }
}

/// "jede", "jeder", "jedes", "jeden", "jedem" (any case).
fn is_every(word_text: &str) -> bool {
    eat(word_text.as_bytes(), "jed")
        .is_some_and(|j| ending(word_text, j, ENDINGS) == Some(word_text.len()))
}

/// multiple-word = "doppelt" [ending]
fn doppelt(s: &str, i: usize) -> Option<(Word, usize)> {
    let j = eat_at(s, i, "doppelt")?;
    ending(s, j, ENDINGS_OR_NONE).map(|k| (Word::Multiple(Decimal::TWO), k))
}

/// "dutzend" | vague-word = "dutzend" ("e" | "en")
fn dutzend(s: &str, i: usize) -> Option<(Word, usize)> {
    let j = eat_at(s, i, "dutzend")?;
    if let Some(k) = ending(s, j, &["en", "e"]) {
        return Some((Word::Vague(Decimal::from(24)), k));
    }
    boundary(s, j).then_some((Word::Dutzend, j))
}

/// fraction-noun = "hälfte" ["n"] | "halb" ending | ord-stem ("el" | "eln" | "els");
/// "halb" alone is [`Word::Halb`].
fn halb(s: &str, i: usize) -> Option<(Word, usize)> {
    if let Some(j) = eat_at(s, i, "hälfte") {
        return ending(s, j, &["n", ""]).map(|k| (Word::FracNoun(Decimal::TWO), k));
    }
    let j = eat_at(s, i, "halb")?;
    // "halbieren", "halbiert", "Halbierung": a multiple ½.
    if let Some(k) = eat_at(s, j, "ier").and_then(|k| ending(s, k, VERB_ENDINGS)) {
        return Some((Word::VerbMultiple(Decimal::new(5, 1)), k));
    }
    if let Some(k) = ending(s, j, ENDINGS) {
        return Some((Word::FracNoun(Decimal::TWO), k));
    }
    boundary(s, j).then_some((Word::Halb, j))
}

/// The scale words: stem, power of ten, whether the singular ends in "e" (feminine).
const SCALES: &[(&str, u32, bool)] = &[
    ("million", 6, false),
    ("milliard", 9, true),
    ("billion", 12, false),
    ("billiard", 15, true),
    ("trillion", 18, false),
    ("trilliard", 21, true),
    ("quadrillion", 24, false),
    ("quadrilliard", 27, true),
];

/// 10^exp as a decimal (exp ≤ 28).
fn pow10(exp: u32) -> Option<Decimal> {
    Decimal::try_from_i128_with_scale(10i128.checked_pow(exp)?, 0).ok()
}

/// scale = stem ("" | "e") | stem "en"; scale-ordinal = stem "st" ending;
/// fraction-noun = stem "stel" …  ("Million", "Milliarden", "Millionste", "Millionstel")
fn scale_word(s: &str, i: usize) -> Option<(Word, usize)> {
    let &(stem, exp, fem) = SCALES.iter().find(|(p, _, _)| eat_at(s, i, p).is_some())?;
    let j = eat_at(s, i, stem)?;
    let v = pow10(exp)?;
    if let Some(k) = ending(s, j, &["en"]) {
        return Some((Word::Scale { v, plural: true }, k));
    }
    if let Some(k) = ending(s, j, &[if fem { "e" } else { "" }]) {
        return Some((Word::Scale { v, plural: false }, k));
    }
    let j = eat_at(s, j, "st")?;
    if let Some(k) = ending(s, j, FRACTION_ENDINGS) {
        return Some((Word::FracNoun(v), k));
    }
    ending(s, j, ENDINGS).map(|k| (Word::ScaleOrd(v), k))
}

/// What follows a compound inside its word (see `suffix` in the grammar).
fn suffix(s: &str, n: Num, depth: u8, lower: bool) -> Option<(Word, usize)> {
    let lone_one = n.last == Last::One && n.single;
    // "zweier Arten", "dreier Länder": the genitive of two and three (in lower case; "der
    // Zweier" is a boat).
    if lower
        && n.single
        && matches!(n.last, Last::Unit(2 | 3))
        && let Some(k) = ending(s, n.end, &["er"])
    {
        return Some((
            Word::Card {
                v: n.v,
                bare: false,
            },
            k,
        ));
    }
    if n.last != Last::Stem {
        let card = if lone_one {
            Word::Article
        } else {
            Word::Card {
                v: n.v,
                bare: n.single && matches!(n.last, Last::Hundert | Last::Tausend),
            }
        };
        if boundary(s, n.end) {
            return Some((card, n.end));
        }
        if let Some(k) = ending(s, n.end, ENDINGS).filter(|_| n.last == Last::One) {
            return Some((card, k));
        }
    }
    adjective(s, n, lone_one)
        .or_else(|| ordinal_suffix(s, n))
        .or_else(|| fach_mal(s, n, lone_one))
        .or_else(|| vague_suffix(s, n))
        .or_else(|| glued_decimal(s, n))
        .or_else(|| glued_fraction(s, n, depth))
}

/// Second elements of adjectives that count with a number word before them: "dreitägig",
/// "vierseitige", "fünfmalige", "zehnköpfigen".
const ADJECTIVE_STEMS: &[&str] = &[
    "tägig",
    "jährig",
    "monatig",
    "wöchig",
    "stündig",
    "minütig",
    "sekündig",
    "seitig",
    "malig",
    "köpfig",
    "teilig",
    "stöckig",
    "spurig",
    "sitzig",
    "zeilig",
    "silbig",
    "stufig",
    "sprachig",
    "türig",
    "gängig",
    "bändig",
    "polig",
    "rädrig",
    "motorig",
    "zylindrig",
];

/// adjective = compound adjective-stem [ending]⟂ → the cardinal ("dreitägiges" → 3). Not
/// after a lone "ein" ("einmalig", "einseitig" say "unique", "one-sided").
fn adjective(s: &str, n: Num, lone_one: bool) -> Option<(Word, usize)> {
    if lone_one || n.last == Last::Stem {
        return None;
    }
    let first = s.as_bytes().get(n.end)?.to_ascii_lowercase();
    ADJECTIVE_STEMS
        .iter()
        .filter(|a| a.as_bytes().first() == Some(&first))
        .filter_map(|a| eat_at(s, n.end, a))
        .find_map(|j| ending(s, j, ENDINGS_OR_NONE))
        .map(|k| (Word::Adjective(n.v), k))
}

/// ord-stem = "" after a stem or "acht" | "t" after a unit or teen | "st" after tens, hundert,
/// tausend. None after "ein"/"eins" (→ "erst") and "drei" (→ "dritt").
fn ord_stem(last: Last) -> Option<&'static str> {
    match last {
        Last::Stem | Last::Unit(8) => Some(""),
        Last::One | Last::Unit(1) | Last::Unit(3) => None,
        Last::Unit(_) | Last::Teen => Some("t"),
        Last::Tens | Last::Hundert | Last::Tausend => Some("st"),
    }
}

/// ordinal = ord-stem ending⟂ | ord-stem⟂ ("zu dritt"; never "erst", an adverb);
/// fraction-noun = ord-stem ("el" | "eln" | "els")⟂ for denominators ≥ 3.
fn ordinal_suffix(s: &str, n: Num) -> Option<(Word, usize)> {
    let st = ord_stem(n.last)?;
    let j = eat_at(s, n.end, st)?;
    let v = Decimal::from(n.v);
    if n.v >= 3
        && let Some(k) = ending(s, j, FRACTION_ENDINGS)
    {
        return Some((Word::FracNoun(v), k));
    }
    if let Some(k) = ending(s, j, ENDINGS) {
        // "achte", "achten" are also forms of the verb "achten" ("wir achten darauf").
        let verb_like =
            n.single && n.last == Last::Unit(8) && ending(s, j, &["en", "e"]) == Some(k);
        return Some((
            if verb_like {
                Word::OrdBeforeNoun(v)
            } else {
                Word::Ord(v)
            },
            k,
        ));
    }
    let bare = !st.is_empty() || (n.last == Last::Stem && n.v != 1);
    (bare && boundary(s, j)).then_some((Word::Ord(v), j))
}

/// "fach" [ending]⟂ → multiple; "mal"⟂ → times. Not after a lone "ein" ("einfach", "einmal").
fn fach_mal(s: &str, n: Num, lone_one: bool) -> Option<(Word, usize)> {
    if lone_one || n.last == Last::Stem {
        return None;
    }
    fach_or_mal(s, n.end, Decimal::from(n.v))
}

/// "fach" [ending]⟂ → multiple `v`; "mal"⟂ → times `v`.
fn fach_or_mal(s: &str, j: usize, v: Decimal) -> Option<(Word, usize)> {
    if let Some(k) = eat_at(s, j, "fach") {
        return ending(s, k, ENDINGS_OR_NONE).map(|e| (Word::Multiple(v), e));
    }
    exact(s, j, "mal", Word::Times(v))
}

/// After "halb" ending a mixed number `whole` + ½ at `m`: ⟂ → the fraction, or a factor:
/// "zweieinhalbfach", "anderthalbmal so groß".
fn after_half(s: &str, m: usize, whole: Decimal) -> Option<(Word, usize)> {
    if boundary(s, m) {
        let (num, den) = (Decimal::ONE, Decimal::TWO);
        return Some((Word::Frac { whole, num, den }, m));
    }
    fach_or_mal(s, m, whole.checked_add(Decimal::new(5, 1))?)
}

/// ("e" | "en")⟂ after "hundert", "tausend", "zehntausend", "hunderttausend" → twice as many.
fn vague_suffix(s: &str, n: Num) -> Option<(Word, usize)> {
    let round = matches!(n.v, 100 | 1000 | 10_000 | 100_000);
    if !round || !matches!(n.last, Last::Hundert | Last::Tausend) {
        return None;
    }
    let k = ending(s, n.end, &["en", "e"])?;
    Some((Word::Vague(Decimal::from(2 * n.v)), k))
}

/// "komma" compound⟂: digits after the comma as written ("dreikommafünfzehn" → 3.15).
fn glued_decimal(s: &str, n: Num) -> Option<(Word, usize)> {
    let j = eat_at(s, n.end, "komma")?;
    let d = compound(s, j).filter(|d| d.last != Last::Stem && boundary(s, d.end))?;
    let mut digits = Digits::default();
    digits.push_number(d.v)?;
    let (frac, prec) = digits.value()?;
    let v = Decimal::from(n.v).checked_add(frac)?;
    Some((Word::Dec { v, prec }, d.end))
}

/// ["und"] ["ein"] "halb"⟂ | "ein" fraction-noun → mixed; fraction-noun → numerator × fraction.
fn glued_fraction(s: &str, n: Num, depth: u8) -> Option<(Word, usize)> {
    if depth > 0 || n.last == Last::Stem {
        return None;
    }
    let v = Decimal::from(n.v);
    let mixed = |den, end| {
        Some((
            Word::Frac {
                whole: v,
                num: Decimal::ONE,
                den,
            },
            end,
        ))
    };
    if let Some(k) = eat_at(s, n.end, "und") {
        let k = eat_at(s, k, "ein").unwrap_or(k);
        return after_half(s, eat_at(s, k, "halb")?, v);
    }
    if let Some(k) = eat_at(s, n.end, "ein") {
        if let Some(m) = eat_at(s, k, "halb") {
            return after_half(s, m, v);
        }
        let (den, m) = fraction_noun(s, k, depth + 1)?;
        return mixed(den, m);
    }
    let (den, m) = fraction_noun(s, n.end, depth + 1)?;
    let halves_of_one = den != Decimal::TWO || n.v == 1;
    halves_of_one.then_some((
        Word::Frac {
            whole: Decimal::ZERO,
            num: v,
            den,
        },
        m,
    ))
}

/// fraction-noun | "halb": the denominator and the index after it.
fn fraction_noun(s: &str, i: usize, depth: u8) -> Option<(Decimal, usize)> {
    match word(s, i, depth)? {
        (Word::FracNoun(den), m) => Some((den, m)),
        (Word::Halb, m) => Some((Decimal::TWO, m)),
        _ => None,
    }
}

// ───────────────────────────── decimals ─────────────────────────────

/// Digits after a decimal comma, as an integer and a count.
#[derive(Default)]
struct Digits {
    frac: u128,
    count: u32,
}

impl Digits {
    /// Appends `count` digits with value `v` (at most 28 digits in all).
    fn push(&mut self, v: u128, count: u32) -> Option<()> {
        let total = self.count.checked_add(count).filter(|&c| c <= 28)?;
        self.frac = self
            .frac
            .checked_mul(10u128.checked_pow(count)?)?
            .checked_add(v)?;
        self.count = total;
        Some(())
    }

    /// Appends a number word's digits as written ("fünfzehn" → "15", "null" → "0").
    fn push_number(&mut self, v: u64) -> Option<()> {
        let count = v.checked_ilog10().map_or(1, |l| l + 1);
        self.push(u128::from(v), count)
    }

    /// The fraction (0.xyz) and its precision (10^-count).
    fn value(&self) -> Option<(Decimal, Decimal)> {
        let frac = Decimal::try_from_i128_with_scale(i128::try_from(self.frac).ok()?, self.count);
        let prec = Decimal::try_from_i128_with_scale(1, self.count);
        Some((frac.ok()?, prec.ok()?))
    }
}

/// digits = digit-part *(ws digit-part); digit-part = number-word | 1*DIGIT.
/// Returns the fraction, its precision and the index after the last part.
fn digits(s: &str, i: usize) -> Option<(Decimal, Decimal, usize)> {
    let mut d = Digits::default();
    let mut end = i;
    while let Some(j) = skip_ws(s, end) {
        let Some(k) = digit_part(s, j, &mut d) else {
            break;
        };
        end = k;
    }
    let (frac, prec) = d.value().filter(|_| d.count > 0)?;
    Some((frac, prec, end))
}

/// One digit-part at `i`, appended to `d`; returns the index after it.
fn digit_part(s: &str, i: usize, d: &mut Digits) -> Option<usize> {
    let rest = s.get(i..)?.as_bytes();
    let n = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    if n > 0 {
        let separator_digit =
            matches!(rest.get(n..), Some([b'.' | b',', x, ..]) if x.is_ascii_digit());
        if !boundary(s, i + n) || separator_digit {
            return None;
        }
        let v = rest.get(..n)?.iter().try_fold(0u128, |a, b| {
            a.checked_mul(10)?.checked_add(u128::from(b - b'0'))
        })?;
        d.push(v, u32::try_from(n).ok()?)?;
        return Some(i + n);
    }
    match word(s, i, 0)? {
        (Word::Card { v, bare: false }, k) => d.push_number(v).map(|_| k),
        _ => None,
    }
}

// ───────────────────────────── phrases ─────────────────────────────

/// Builds a result with normalised decimals.
fn spelled(len: usize, value: Decimal, precision: Option<Decimal>, form: Form) -> Spelled {
    Spelled {
        len,
        value: value.normalize(),
        precision: precision.map(|p| p.normalize()),
        form,
    }
}

/// Place value of the least significant non-zero digit ("zwanzig" → 10, 2.5 → 0.1; 1 for 0).
fn place(v: Decimal) -> Decimal {
    let mut v = v.normalize();
    if v.is_zero() {
        return Decimal::ONE;
    }
    if !v.fract().is_zero() {
        return Decimal::try_from_i128_with_scale(1, v.scale()).unwrap_or(Decimal::ONE);
    }
    let mut p = Decimal::ONE;
    while (v % Decimal::TEN).is_zero() {
        v /= Decimal::TEN;
        p *= Decimal::TEN;
    }
    p
}

/// An integer phrase being read: the closed scale groups and the current group.
struct Acc {
    /// Sum of the closed groups ("zwei Millionen" → 2000000).
    total: Decimal,
    /// The current group's value and precision, if one is open.
    cur: Option<(Decimal, Decimal)>,
    /// Precision of the last closed group.
    prec: Decimal,
    /// The last scale applied; later groups stay below it.
    limit: Option<Decimal>,
    /// Index after the phrase so far.
    end: usize,
}

/// What one more word does to an integer phrase.
enum Step {
    /// The word was taken; read on.
    Go,
    /// The word ends the phrase with this result.
    Done(Spelled),
    /// The word is not part of the phrase.
    Stop,
}

impl Acc {
    /// A phrase that starts with a number of value `v` and precision `prec`, ending at `end`.
    fn start(v: Decimal, prec: Decimal, end: usize) -> Self {
        Acc {
            total: Decimal::ZERO,
            cur: Some((v, prec)),
            prec,
            limit: None,
            end,
        }
    }

    /// step = scale: multiplies the open group and closes it, if below the previous scale.
    fn scale(&mut self, (c, p): (Decimal, Decimal), scale: Decimal, end: usize) -> Option<Step> {
        let group = c.checked_mul(scale)?;
        if self.limit.is_some_and(|l| scale >= l || group >= l) {
            return Some(Step::Stop);
        }
        self.total = self.total.checked_add(group)?;
        self.prec = p.checked_mul(scale)?;
        self.limit = Some(scale);
        self.cur = None;
        self.end = end;
        Some(Step::Go)
    }

    /// step = "hundert": an open group below 100 times 100 ("achtzehn hundert").
    fn hundred(&mut self, (c, p): (Decimal, Decimal), end: usize) -> Option<Step> {
        if c >= Decimal::ONE_HUNDRED || c.is_zero() || !c.fract().is_zero() {
            return Some(Step::Stop);
        }
        let hundred = Decimal::ONE_HUNDRED;
        self.cur = Some((c.checked_mul(hundred)?, p.checked_mul(hundred)?));
        self.end = end;
        Some(Step::Go)
    }

    /// step = number-word after a closed group, below its scale — and not the multiplicand of
    /// a scale that would break the order ("zwei Millionen | drei Milliarden").
    fn number(&mut self, s: &str, v: u64, end: usize) -> Step {
        let v = Decimal::from(v);
        let Some(limit) = self.limit.filter(|&l| v < l) else {
            return Step::Stop;
        };
        let next_scale = match skip_ws(s, end).and_then(|j| word(s, j, 0)) {
            Some((Word::Scale { v, .. } | Word::ScaleOrd(v), _)) => Some(v),
            Some((
                Word::Card {
                    v: 1000,
                    bare: true,
                },
                _,
            )) => Some(Decimal::ONE_THOUSAND),
            _ => None,
        };
        if next_scale.is_some_and(|m| v.checked_mul(m).is_none_or(|g| g >= limit)) {
            return Step::Stop;
        }
        self.cur = Some((v, place(v)));
        self.end = end;
        Step::Go
    }

    /// The cardinal read so far.
    fn finish(&self) -> Option<Spelled> {
        let (value, prec) = match self.cur {
            Some((c, p)) => (self.total.checked_add(c)?, p),
            None => (self.total, self.prec),
        };
        Some(spelled(self.end, value, Some(prec), Form::Cardinal))
    }
}

/// number-word *(ws step) [ws end-step], from an accumulator that holds the first part.
/// `None` only on overflow.
fn extend(s: &str, mut acc: Acc) -> Option<Spelled> {
    while let Some((w, k)) = skip_ws(s, acc.end).and_then(|j| word(s, j, 0)) {
        match step(s, &mut acc, w, k)? {
            Step::Go => {}
            Step::Done(sp) => return Some(sp),
            Step::Stop => break,
        }
    }
    acc.finish()
}

/// step | end-step for word `w` ending at `k`.
fn step(s: &str, acc: &mut Acc, w: Word, k: usize) -> Option<Step> {
    match (w, acc.cur) {
        (Word::Scale { v, .. }, Some(c)) => acc.scale(c, v, k),
        (
            Word::Card {
                v: 1000,
                bare: true,
            },
            Some(c),
        ) => acc.scale(c, Decimal::ONE_THOUSAND, k),
        (Word::Card { v: 100, bare: true }, Some(c)) => acc.hundred(c, k),
        (Word::Card { v, .. }, None) => Some(acc.number(s, v, k)),
        (Word::ScaleOrd(v), Some((c, p))) if acc.limit.is_none_or(|l| v < l) => {
            let value = acc.total.checked_add(c.checked_mul(v)?)?;
            Some(Step::Done(spelled(
                k,
                value,
                Some(p.checked_mul(v)?),
                Form::Ordinal,
            )))
        }
        (_, Some((c, p))) if acc.limit.is_none() => end_step(s, w, k, c, p),
        _ => Some(Step::Stop),
    }
}

/// end-step after a first group `c` (precision `p`): Dutzend, fraction, "und" fraction, Komma, mal.
fn end_step(s: &str, w: Word, k: usize, c: Decimal, p: Decimal) -> Option<Step> {
    let whole = c.fract().is_zero();
    let done = |sp: Spelled| Some(Step::Done(sp));
    match w {
        Word::Dutzend => {
            let twelve = Decimal::from(12);
            done(spelled(
                k,
                c.checked_mul(twelve)?,
                Some(p.checked_mul(twelve)?),
                Form::Cardinal,
            ))
        }
        Word::FracNoun(den) if whole => done(fraction_tail(s, k, Decimal::ZERO, c, den)?),
        Word::Und if whole => match und_part(s, k) {
            Some((num, den, m)) => done(fraction_tail(s, m, c, num, den)?),
            None => Some(Step::Stop),
        },
        Word::Komma if whole => match digits(s, k) {
            Some((frac, prec, m)) => done(decimal_tail(s, m, c.checked_add(frac)?, prec)?),
            None => Some(Step::Stop),
        },
        Word::Mal if comparison_follows(s, k) => done(spelled(k, c, Some(p), Form::Multiple)),
        _ => Some(Step::Stop),
    }
}

/// multiplier = scale | "hundert" | "tausend" | "dutzend" (after ws): its value and end.
fn multiplier(s: &str, i: usize) -> Option<(Decimal, usize)> {
    match word(s, skip_ws(s, i)?, 0)? {
        (Word::Scale { v, .. }, k) => Some((v, k)),
        (Word::Card { v, bare: true }, k) => Some((Decimal::from(v), k)),
        (Word::Dutzend, k) => Some((Decimal::from(12), k)),
        _ => None,
    }
}

/// whole + num/den [ws multiplier]: a fraction, or a cardinal once multiplied
/// ("eine halbe Million" → 500000, precision 500000). `None` only on overflow.
fn fraction_tail(s: &str, i: usize, whole: Decimal, num: Decimal, den: Decimal) -> Option<Spelled> {
    let top = whole.checked_mul(den)?.checked_add(num)?;
    if let Some((m, k)) = multiplier(s, i) {
        let value = top.checked_mul(m)?.checked_div(den)?;
        let exact = m.checked_rem(den)?.is_zero();
        let prec = if exact { m.checked_div(den) } else { None };
        return Some(spelled(k, value, prec, Form::Cardinal));
    }
    Some(spelled(i, top.checked_div(den)?, None, Form::Fraction))
}

/// decimal [ws multiplier] ("zwei Komma fünf Millionen"). `None` only on overflow.
fn decimal_tail(s: &str, i: usize, v: Decimal, prec: Decimal) -> Option<Spelled> {
    match multiplier(s, i) {
        Some((m, k)) => Some(spelled(
            k,
            v.checked_mul(m)?,
            Some(prec.checked_mul(m)?),
            Form::Cardinal,
        )),
        None => Some(spelled(i, v, Some(prec), Form::Cardinal)),
    }
}

/// und-part = number-word ws fraction-noun | article ws (fraction-noun | "halb")
///          | glued fraction ("und dreiviertel"). Returns numerator, denominator, end.
fn und_part(s: &str, i: usize) -> Option<(Decimal, Decimal, usize)> {
    let noun_after = |k| fraction_noun(s, skip_ws(s, k)?, 0);
    match word(s, skip_ws(s, i)?, 0)? {
        (Word::Frac { whole, num, den }, k) if whole.is_zero() => Some((num, den, k)),
        (Word::Card { v, bare: false }, k) if v > 0 => {
            let (den, m) = noun_after(k)?;
            Some((Decimal::from(v), den, m))
        }
        (Word::Article, k) => {
            let (den, m) = noun_after(k)?;
            Some((Decimal::ONE, den, m))
        }
        _ => None,
    }
}

/// Lower-case words ending in "-er" that are no comparatives.
const NOT_COMPARATIVE: &[&str] = &[
    "aber", "oder", "immer", "nimmer", "wieder", "unter", "hinter", "über", "jeder", "jener",
    "dieser", "solcher", "welcher", "mancher", "einer", "keiner", "meiner", "deiner", "seiner",
    "ihrer", "unser", "später", "bisher", "vorher", "nachher", "daher", "woher", "seither",
    "sicher", "leider", "ferner",
];

/// comparison (after ws) = "so" | "mehr" | "weniger" | a lower-case comparative in "-er"
/// ("größer", "höher", "teurer").
fn comparison_follows(s: &str, i: usize) -> bool {
    let Some(rest) = skip_ws(s, i).and_then(|j| s.get(j..)) else {
        return false;
    };
    let end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let w = rest.get(..end).unwrap_or("");
    if ["so", "mehr", "weniger"]
        .iter()
        .any(|x| w.eq_ignore_ascii_case(x))
    {
        return true;
    }
    let lower = w.starts_with(|c: char| c.is_lowercase());
    lower && w.len() >= 5 && w.ends_with("er") && !NOT_COMPARATIVE.contains(&w)
}

/// Whether a noun follows (after ws): a capitalised word other than the pronoun "Sie", or
/// "Mal" ("am achten Tag", "zum achten Mal"; not "wir achten darauf", "Achten Sie").
fn noun_follows(s: &str, i: usize) -> bool {
    let Some(rest) = skip_ws(s, i).and_then(|j| s.get(j..)) else {
        return false;
    };
    let capital = rest.starts_with(|c: char| c.is_uppercase());
    let sie = eat(rest.as_bytes(), "sie").is_some_and(|n| boundary(rest, n));
    let mal = eat(rest.as_bytes(), "mal").is_some_and(|n| boundary(rest, n));
    (capital && !sie) || mal
}

/// amount (see the grammar) for first word `w`, which ends at `k`.
fn amount(s: &str, w: Word, k: usize) -> Option<Spelled> {
    match w {
        Word::Card { v, .. } => {
            let v = Decimal::from(v);
            extend(s, Acc::start(v, place(v), k))
        }
        Word::Article => article(s, k),
        Word::Ord(v) | Word::ScaleOrd(v) => Some(spelled(k, v, Some(place(v)), Form::Ordinal)),
        Word::OrdBeforeNoun(v) => {
            noun_follows(s, k).then(|| spelled(k, v, Some(place(v)), Form::Ordinal))
        }
        Word::FracNoun(den) => fraction_tail(s, k, Decimal::ZERO, Decimal::ONE, den),
        Word::Frac { whole, num, den } => fraction_tail(s, k, whole, num, den),
        Word::Dec { v, prec } => decimal_tail(s, k, v, prec),
        Word::Multiple(v) => Some(spelled(k, v, Some(place(v)), Form::Multiple)),
        // A verb's factor is exact: no last digit stands for a rounding.
        Word::VerbMultiple(v) => Some(spelled(k, v, None, Form::Multiple)),
        Word::Times(v) => Some(times(s, k, v)),
        Word::Vague(v) => vague(s, k, v),
        Word::Scale { v, plural: true } => {
            Some(spelled(k, v.checked_mul(Decimal::TWO)?, None, Form::Vague))
        }
        Word::Scale { v, plural: false } => Some(spelled(k, v, Some(v), Form::Cardinal)),
        Word::Dutzend => Some(spelled(
            k,
            Decimal::from(12),
            Some(Decimal::from(12)),
            Form::Cardinal,
        )),
        Word::Halb => half_as(s, k),
        Word::Beide => Some(spelled(k, Decimal::TWO, Some(Decimal::ONE), Form::Cardinal)),
        Word::Adjective(v) => {
            let v = Decimal::from(v);
            Some(spelled(k, v, Some(place(v)), Form::Cardinal))
        }
        Word::Several(n) => {
            let (m, j) = multiplier(s, k)?;
            Some(spelled(
                j,
                Decimal::from(n).checked_mul(m)?,
                None,
                Form::Vague,
            ))
        }
        Word::Minus | Word::Komma | Word::Und | Word::Mal => None,
    }
}

/// times-word: a factor before a comparison ("dreimal so viele"), else a count ("dreimal").
fn times(s: &str, k: usize, v: Decimal) -> Spelled {
    let form = if comparison_follows(s, k) {
        Form::Multiple
    } else {
        Form::Cardinal
    };
    spelled(k, v, Some(place(v)), form)
}

/// "halb" before ws "so" → multiple ½ ("halb so viele").
fn half_as(s: &str, k: usize) -> Option<Spelled> {
    let j = skip_ws(s, k)?;
    eat_at(s, j, "so").filter(|&m| boundary(s, m))?;
    Some(spelled(k, Decimal::new(5, 1), None, Form::Multiple))
}

/// vague-word [ws scale]: "Tausende" → 2000, "Hunderte Millionen" → 200000000.
fn vague(s: &str, k: usize, v: Decimal) -> Option<Spelled> {
    if let Some((Word::Scale { v: m, plural: true }, j)) = skip_ws(s, k).and_then(|j| word(s, j, 0))
    {
        return Some(spelled(j, v.checked_mul(m)?, None, Form::Vague));
    }
    Some(spelled(k, v, None, Form::Vague))
}

/// article ws (fraction-noun | "halb") [ws multiplier] | article ws multiplier …
/// ("ein Drittel", "eine halbe Million", "ein Dutzend", "eine Million dreihundert").
fn article(s: &str, k: usize) -> Option<Spelled> {
    let j = skip_ws(s, k)?;
    let (w, m) = word(s, j, 0)?;
    match w {
        Word::FracNoun(den) => fraction_tail(s, m, Decimal::ZERO, Decimal::ONE, den),
        Word::Halb => fraction_tail(s, m, Decimal::ZERO, Decimal::ONE, Decimal::TWO),
        Word::Scale { .. } | Word::Dutzend | Word::Card { bare: true, .. } => {
            extend(s, Acc::start(Decimal::ONE, Decimal::ONE, k))
        }
        _ => None,
    }
}

/// Negates a cardinal or fraction.
fn negate(sp: Spelled, extra: usize) -> Option<Spelled> {
    matches!(sp.form, Form::Cardinal | Form::Fraction).then(|| Spelled {
        len: sp.len + extra,
        value: -sp.value,
        ..sp
    })
}

/// Parses a German spelled number at the start of `input` (which starts at a word boundary).
///
/// phrase = ("minus" | "negativ") ws amount | amount
pub fn parse(input: &str) -> Option<Spelled> {
    let (w, k) = word(input, 0, 0)?;
    if w != Word::Minus {
        return amount(input, w, k);
    }
    let j = skip_ws(input, k)?;
    let rest = input.get(j..)?;
    let (w, k) = word(rest, 0, 0)?;
    negate(amount(rest, w, k)?, j)
}

/// glued = ["-"] "fach" [ending] | ["-"] "mal" (before a comparison): "3fach", "3-mal so viel".
fn glued_after(v: Decimal, p: Decimal, rest: &str) -> Option<Spelled> {
    let i = usize::from(rest.starts_with('-'));
    if let Some(j) = eat_at(rest, i, "fach") {
        let k = ending(rest, j, ENDINGS_OR_NONE)?;
        return Some(spelled(k, v, Some(p), Form::Multiple));
    }
    let j = eat_at(rest, i, "mal").filter(|&j| boundary(rest, j))?;
    comparison_follows(rest, j).then(|| spelled(j, v, Some(p), Form::Multiple))
}

/// Continues a phrase whose first part was a numeral already read (value `value`, precision
/// `precision`): `rest` is the text right after the numeral, e.g. " tausend",
/// " Millionen", " Komma fünf". Returns the whole phrase's value; `len` counts bytes of `rest`.
pub fn continue_after(value: Decimal, precision: Decimal, rest: &str) -> Option<Spelled> {
    let v = value.abs();
    let sp = match glued_after(v, precision, rest) {
        Some(sp) => sp,
        None => extend(rest, Acc::start(v, precision, 0)).filter(|sp| sp.len > 0)?,
    };
    if value.is_sign_negative() {
        return negate(sp.clone(), 0).or(Some(sp));
    }
    Some(sp)
}

/// Stems a phrase can start with (in the spelling of [`eat`] patterns), by first letter.
fn stems(first: u8) -> &'static [&'static str] {
    match first.to_ascii_lowercase() {
        b'a' => &["acht", "anderthalb", "aberhundert", "abertausend"],
        b'b' => &["billi", "beid"],
        b'd' => &["drei", "dritt", "doppelt", "dutzend"],
        b'e' => &["ein", "elf", "erst"],
        b'f' => &["fünf"],
        b'h' => &["halb", "hälfte", "hundert"],
        b'j' => &["jed"],
        b'm' => &["milli", "minus", "mehrere"],
        b'n' => &["neun", "null", "negativ"],
        b'q' => &["quadrilli"],
        b's' => &["sech", "sieb"],
        b't' => &["tausend", "trilli"],
        b'v' => &["vier", "ver", "viele"],
        b'z' => &["zwei", "zwo", "zwölf", "zehn", "zwanzig"],
        _ => &[],
    }
}

/// The first three bytes of every spelling of the [`stems`] (umlauts as UTF-8 and as `ae`,
/// `oe`, `ue`).
const TRIGRAMS: &[&[u8; 3]] = &[
    b"ach",
    b"and",
    b"abe",
    b"bil",
    b"bei",
    b"dre",
    b"dri",
    b"dop",
    b"dut",
    b"ein",
    b"elf",
    b"ers",
    b"f\xC3\xBC",
    b"fue",
    b"hal",
    b"h\xC3\xA4",
    b"hae",
    b"hun",
    b"jed",
    b"mil",
    b"min",
    b"meh",
    b"neu",
    b"nul",
    b"neg",
    b"qua",
    b"sec",
    b"sie",
    b"tau",
    b"tri",
    b"vie",
    b"ver",
    b"zwe",
    b"zwo",
    b"zw\xC3",
    b"zeh",
    b"zwa",
];

/// Index of a byte trigram in [`TRIGRAM_BITS`]: each byte folded to its low five bits (so
/// ASCII letters and the second bytes of umlauts fold case: `A`/`a`, `Ä`/`ä`).
const fn trigram_index(a: u8, b: u8) -> usize {
    ((a & 31) as usize) << 5 | (b & 31) as usize
}

/// Bit `c & 31` of entry [`trigram_index`]`(a, b)` is set when a stem starts with bytes `a b c`.
const TRIGRAM_BITS: [u32; 1024] = {
    let mut bits = [0u32; 1024];
    let mut i = 0;
    while i < TRIGRAMS.len() {
        let [a, b, c] = *TRIGRAMS[i];
        bits[trigram_index(a, b)] |= 1 << (c & 31);
        i += 1;
    }
    bits
};

/// Whether a word can begin with a number stem: one table look-up for nearly every word of
/// prose (the hot path of [`may_start`]), then the exact stems for the few that pass.
fn stem_prefix(word_text: &str) -> bool {
    let &[a, b, c, ..] = word_text.as_bytes() else {
        return false;
    };
    if !may_start_prefix(a, b, c) {
        return false;
    }
    stems(a)
        .iter()
        .any(|p| eat(word_text.as_bytes(), p).is_some())
}

/// The first test of [`may_start`], on the first three bytes alone: whether a word that begins
/// with the bytes `a b c` may begin with a number stem (a word of fewer bytes never does). The
/// scanner builds its per-word gate from it.
pub fn may_start_prefix(a: u8, b: u8, c: u8) -> bool {
    TRIGRAM_BITS[trigram_index(a, b)] >> (c & 31) & 1 != 0
}

/// article = "ein" ["e" | "em" | "en" | "er" | "es"], the whole word.
fn is_article(word_text: &str) -> bool {
    let b = word_text.as_bytes();
    let rest = b.get(3..).unwrap_or_default();
    let ending = matches!(
        rest,
        [] | [b'e' | b'E']
            | [
                b'e' | b'E',
                b'm' | b'n' | b'r' | b's' | b'M' | b'N' | b'R' | b'S'
            ]
    );
    ending && eat(b, "ein").is_some()
}

/// Whether a word (as written, any case; may hold umlauts and ß) can start a German spelled number (cheap pre-filter the
/// scanner calls on every word before calling [`parse`]).
pub fn may_start(word_text: &str) -> bool {
    if !stem_prefix(word_text) {
        return false;
    }
    if is_article(word_text) || is_every(word_text) {
        return true; // the commonest candidates: skip the full word grammar
    }
    matches!(word(word_text, 0, 0), Some((w, _)) if !matches!(w, Word::Komma | Word::Und | Word::Mal))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    /// A decimal from its text.
    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }

    /// The covered text, value and form that `parse` finds in `input`.
    fn p(input: &str) -> Option<(&str, Decimal, Form)> {
        parse(input).map(|sp| (&input[..sp.len], sp.value, sp.form))
    }

    /// Asserts `parse(input)` covers `text` with `value` in `form`.
    fn is(input: &str, text: &str, value: &str, form: Form) {
        assert_eq!(p(input), Some((text, d(value), form)), "{input:?}");
    }

    /// Asserts a whole-input cardinal.
    fn card(input: &str, value: &str) {
        is(input, input, value, Form::Cardinal);
    }

    /// Asserts a whole-input ordinal.
    fn ord(input: &str, value: &str) {
        is(input, input, value, Form::Ordinal);
    }

    /// Asserts a whole-input fraction.
    fn frac(input: &str, value: &str) {
        is(input, input, value, Form::Fraction);
    }

    /// The precision `parse` reports for `input`.
    fn prec(input: &str) -> Option<Decimal> {
        parse(input).and_then(|sp| sp.precision)
    }

    #[test]
    fn genitive_of_two_and_three() {
        card("zweier", "2");
        card("dreier", "3");
        is("zweier Arten", "zweier", "2", Form::Cardinal);
        // Capitalised, it is a noun ("der Zweier", a boat); "vierer" is no genitive.
        assert!(parse("Zweier").is_none());
        assert!(parse("vierer").is_none());
    }

    #[test]
    fn units_teens_tens() {
        for (w, v) in [
            ("null", "0"),
            ("eins", "1"),
            ("zwei", "2"),
            ("zwo", "2"),
            ("Drei", "3"),
            ("vier", "4"),
            ("fünf", "5"),
            ("fuenf", "5"),
            ("sechs", "6"),
            ("sieben", "7"),
            ("acht", "8"),
            ("neun", "9"),
            ("zehn", "10"),
            ("elf", "11"),
            ("zwölf", "12"),
            ("zwoelf", "12"),
            ("dreizehn", "13"),
            ("sechzehn", "16"),
            ("Siebzehn", "17"),
            ("achtzehn", "18"),
            ("neunzehn", "19"),
            ("zwanzig", "20"),
            ("dreißig", "30"),
            ("dreissig", "30"),
            ("DREISSIG", "30"),
            ("sechzig", "60"),
            ("siebzig", "70"),
            ("neunzig", "90"),
        ] {
            card(w, v);
        }
    }

    #[test]
    fn compounds() {
        card("dreiunddreißig", "33");
        card("einunddreissig", "31");
        card("hundert", "100");
        card("einhundert", "100");
        card("Hundertzwei", "102");
        card("hunderteins", "101");
        card("einhundertdrei", "103");
        card("einhunderteinunddreißig", "131");
        card("tausend", "1000");
        card("eintausend", "1000");
        card("eintausendeinhundertfünfzig", "1150");
        card("tausendachthundertzweiundfünfzig", "1852");
        card("achtzehnhundertzweiundfünfzig", "1852");
        card("fünfzehntausend", "15000");
        card("zweihunderttausend", "200000");
        card("hunderttausend", "100000");
        card("siebenhunderteinundzwanzigtausendzwölf", "721012");
        card("siebenhunderteinundzwanzigtausendundzwölf", "721012");
        card("fuenfhundertneun", "509");
        card("zweihundertsechsundfuenfzig", "256");
        card("FÜNFZEHN", "15");
    }

    #[test]
    fn scales() {
        card("drei Millionen", "3000000");
        card("eine Million", "1000000");
        card("einer Milliarde", "1000000000");
        card("zwei Millionen eintausendeinhundertfünfzig", "2001150");
        card(
            "Eine Million dreihundertneunundneunzigtausendfuenfhundertneun",
            "1399509",
        );
        card(
            "einunddreißig Millionen zweihundertsechsundfünfzigtausendundsiebenhunderteinundzwanzig",
            "31256721",
        );
        card(
            "zwei billiarden siebenhunderteinundsiebzig billionen neunzig milliarden zweiundneunzig millionen",
            "2771090092000000",
        );
        card("eine Billion", "1000000000000");
        card("fünf tausend", "5000");
        card("zwei hundert tausend dreihundert", "200300");
        card("fünfzehn hundert", "1500");
        card("tausend Millionen", "1000000000");
        is("dreihundert waren", "dreihundert", "300", Form::Cardinal);
    }

    #[test]
    fn scales_keep_descending_order() {
        is(
            "drei Millionen vier Millionen",
            "drei Millionen",
            "3000000",
            Form::Cardinal,
        );
        is(
            "zwei Millionen drei Milliarden",
            "zwei Millionen",
            "2000000",
            Form::Cardinal,
        );
        is(
            "zwei Millionen, drei",
            "zwei Millionen",
            "2000000",
            Form::Cardinal,
        );
        is(
            "zwei Millionen Menschen",
            "zwei Millionen",
            "2000000",
            Form::Cardinal,
        );
        card("zwei Milliarden dreihundert Millionen fünf", "2300000005");
    }

    #[test]
    fn precision_is_the_least_significant_place() {
        assert_eq!(prec("einundzwanzig"), Some(d("1")));
        assert_eq!(prec("zwanzig"), Some(d("10")));
        assert_eq!(prec("drei Millionen"), Some(d("1000000")));
        assert_eq!(
            prec("zwei Millionen eintausendeinhundertfünfzig"),
            Some(d("10"))
        );
        assert_eq!(prec("zwei Komma drei"), Some(d("0.1")));
        assert_eq!(prec("zwei Komma fünf Millionen"), Some(d("100000")));
        assert_eq!(prec("eine halbe Million"), Some(d("500000")));
        assert_eq!(prec("fünf Dutzend"), Some(d("12")));
        assert_eq!(prec("zwei Drittel"), None);
        assert_eq!(prec("sechs und zwei Drittel Millionen"), None);
        assert_eq!(prec("Tausende"), None);
    }

    #[test]
    fn decimals() {
        card("zwei Komma drei", "2.3");
        card("tausendvierhundertsechzehn Komma fünfzehn", "1416.15");
        card("null Komma null fünf", "0.05");
        card("drei Komma eins vier", "3.14");
        card("sechs Komma 5", "6.5");
        card("zwei Komma fünf Millionen", "2500000");
        card("dreikommafünf", "3.5");
        is("sechs Komma", "sechs", "6", Form::Cardinal);
        is(
            "zwei Komma drei Millionen Menschen",
            "zwei Komma drei Millionen",
            "2300000",
            Form::Cardinal,
        );
    }

    #[test]
    fn fractions() {
        is("ein halbes Schwein", "ein halbes", "0.5", Form::Fraction);
        frac("drei halbe", "1.5");
        frac("fünf halbe", "2.5");
        frac("zwei drittel", "0.6666666666666666666666666667");
        frac("drei Viertel", "0.75");
        frac("dreiviertel", "0.75");
        frac("ein Drittel", "0.3333333333333333333333333333");
        frac("Hälfte", "0.5");
        frac("Haelfte", "0.5");
        frac("Zehntel", "0.1");
        frac("Achtel", "0.125");
        frac("Hundertstel", "0.01");
        frac("ein Zehntausendstel", "0.0001");
        frac("Millionstel", "0.000001");
        frac("halber", "0.5");
        is(
            "Dreiviertel-Mehrheit",
            "Dreiviertel",
            "0.75",
            Form::Fraction,
        );
    }

    #[test]
    fn mixed_numbers() {
        frac("anderthalb", "1.5");
        frac("eineinhalb", "1.5");
        frac("einundhalb", "1.5");
        frac("einhalb", "0.5");
        frac("zweieinhalb", "2.5");
        frac("dreieinhalb", "3.5");
        frac("dreieinviertel", "3.25");
        frac("zwei und ein halb", "2.5");
        frac("fünf und drei Viertel", "5.75");
        is("fünf und drei", "fünf", "5", Form::Cardinal);
    }

    #[test]
    fn fractions_of_scales() {
        card("eine halbe Million", "500000");
        card("anderthalb Millionen", "1500000");
        card("dreieinhalb Millionen", "3500000");
        card("eineinhalb Milliarden", "1500000000");
        card("fünf und drei Viertel Milliarde", "5750000000");
        card(
            "sechs und zwei Drittel Millionen",
            "6666666.6666666666666666666667",
        );
        card("zweieinhalb Tausend", "2500");
        card("drei viertel Millionen", "750000");
    }

    #[test]
    fn dozens() {
        card("ein dutzend", "12");
        card("ein halbes dutzend", "6");
        card("fünf dutzend", "60");
        card("dreißig dutzend", "360");
        card("Dutzend", "12");
        is("Dutzende", "Dutzende", "24", Form::Vague);
    }

    #[test]
    fn ordinals() {
        for (w, v) in [
            ("erste", "1"),
            ("erster", "1"),
            ("ersten", "1"),
            ("erstes", "1"),
            ("erstem", "1"),
            ("zweite", "2"),
            ("zweiter", "2"),
            ("dritte", "3"),
            ("Dritten", "3"),
            ("vierter", "4"),
            ("fünfte", "5"),
            ("sechste", "6"),
            ("siebte", "7"),
            ("siebente", "7"),
            ("achter", "8"),
            ("neunten", "9"),
            ("zehnte", "10"),
            ("elfte", "11"),
            ("zwölfte", "12"),
            ("sechzehnte", "16"),
            ("zwanzigste", "20"),
            ("siebzigste", "70"),
            ("fünfundzwanzigster", "25"),
            ("siebenundzwanzigsten", "27"),
            ("einhunderteinunddreißigste", "131"),
            ("hundertsten", "100"),
            ("tausendste", "1000"),
            ("einhunderttausendste", "100000"),
            ("hunderterste", "101"),
            ("Milliardsten", "1000000000"),
            ("Millionste", "1000000"),
        ] {
            ord(w, v);
        }
    }

    #[test]
    fn achte_is_an_ordinal_only_before_a_noun() {
        is("achten Tag", "achten", "8", Form::Ordinal);
        is("Achte Buch", "Achte", "8", Form::Ordinal);
        is("achten Mal", "achten", "8", Form::Ordinal);
        ord("achter", "8");
        ord("achtes", "8");
        ord("hundertachten", "108");
        assert_eq!(p("achten darauf"), None);
        assert_eq!(p("achten Sie darauf"), None);
        assert_eq!(p("achte es hoch"), None);
        assert_eq!(p("achten"), None);
    }

    #[test]
    fn ordinal_stems_after_zu() {
        is("dritt", "dritt", "3", Form::Ordinal);
        is("viert auch", "viert", "4", Form::Ordinal);
        is("elft oder", "elft", "11", Form::Ordinal);
        is("zwoelft?", "zwoelft", "12", Form::Ordinal);
        is("siebt", "siebt", "7", Form::Ordinal);
    }

    #[test]
    fn scale_ordinals() {
        ord("einhundert Milliardste", "100000000000");
        ord("dreihundert Millionste", "300000000");
        ord("einhundert Billionste", "100000000000000");
        is(
            "einhundert Millionste Stern",
            "einhundert Millionste",
            "100000000",
            Form::Ordinal,
        );
    }

    #[test]
    fn multiples() {
        is("doppelt so viele", "doppelt", "2", Form::Multiple);
        is("Doppelte", "Doppelte", "2", Form::Multiple);
        is("zweifach", "zweifach", "2", Form::Multiple);
        is("dreifache", "dreifache", "3", Form::Multiple);
        is("Zehnfache", "Zehnfache", "10", Form::Multiple);
        is("drei mal so viele", "drei mal", "3", Form::Multiple);
        is("drei mal mehr", "drei mal", "3", Form::Multiple);
        is("zehn mal größer", "zehn mal", "10", Form::Multiple);
        is("dreimal so viele", "dreimal", "3", Form::Multiple);
        is("halb so groß", "halb", "0.5", Form::Multiple);
    }

    #[test]
    fn fractional_factors() {
        is("zweieinhalbfach", "zweieinhalbfach", "2.5", Form::Multiple);
        is("anderthalbfache", "anderthalbfache", "1.5", Form::Multiple);
        is(
            "zweieinhalbmal so hoch",
            "zweieinhalbmal",
            "2.5",
            Form::Multiple,
        );
        is(
            "anderthalbmal so groß",
            "anderthalbmal",
            "1.5",
            Form::Multiple,
        );
        assert_eq!(prec("zweieinhalbfach"), Some(d("0.1")));
        assert_eq!(p("einhalbfach"), None);
    }

    #[test]
    fn times_without_comparison_count() {
        is("dreimal gewonnen", "dreimal", "3", Form::Cardinal);
        is("drei mal.", "drei", "3", Form::Cardinal);
        is("drei mal drei", "drei", "3", Form::Cardinal);
        is("drei mal der", "drei", "3", Form::Cardinal);
        is("drei mal Wasser", "drei", "3", Form::Cardinal);
    }

    #[test]
    fn vague_amounts() {
        for (w, v) in [
            ("Dutzende", "24"),
            ("Hunderte", "200"),
            ("Hunderten", "200"),
            ("Tausende", "2000"),
            ("Zehntausende", "20000"),
            ("Hunderttausende", "200000"),
            ("Millionen", "2000000"),
            ("Milliarden", "2000000000"),
            ("Abertausende", "2000"),
        ] {
            is(w, w, v, Form::Vague);
        }
        is(
            "Millionen von Menschen",
            "Millionen",
            "2000000",
            Form::Vague,
        );
        is(
            "Hunderte Millionen",
            "Hunderte Millionen",
            "200000000",
            Form::Vague,
        );
    }

    #[test]
    fn negatives() {
        card("minus drei", "-3");
        card("negativ zwei Komma fünf", "-2.5");
        frac("minus ein halb", "-0.5");
        assert_eq!(p("minus 1.200.000"), None);
        assert_eq!(p("Minus von drei"), None);
        assert_eq!(p("minus minus drei"), None);
        assert_eq!(p("minus erste"), None);
    }

    #[test]
    fn articles_alone_are_not_numbers() {
        for w in [
            "ein",
            "Eine",
            "einen",
            "einem",
            "einer",
            "eines",
            "ein Mann",
            "eine 8",
            "einer der",
        ] {
            assert_eq!(p(w), None, "{w:?}");
        }
        card("ein hundert", "100");
        card("eine Million", "1000000");
        card("tausendundeine", "1001");
    }

    #[test]
    fn non_numbers() {
        for w in [
            "Achtung",
            "Achtern",
            "achtsam",
            "Elfenbein",
            "Elfe",
            "Elfmeter",
            "Elfer",
            "Neunauge",
            "Hunderasse",
            "Hundertschaft",
            "Tausendfüßler",
            "Tausender",
            "Dreieck",
            "Dreier",
            "einfach",
            "einige",
            "Einheit",
            "einsam",
            "Einsatz",
            "einst",
            "einmal",
            "erst",
            "Erstaunlich",
            "erstens",
            "zweitens",
            "zuerst",
            "keiner",
            "keinen",
            "Zweifel",
            "Zweig",
            "Vierteljahr",
            "Dreiviertelstunde",
            "Zehner",
            "Zwanziger",
            "Neunziger",
            "Sieb",
            "drittletzte",
            "Drittmittel",
            "Billiard",
            "Doppel",
            "halb",
            "halb zehn",
            "Nullen",
            "Komma",
            "und",
            "mal",
            "die",
            "Mal",
        ] {
            assert_eq!(p(w), None, "{w:?}");
        }
    }

    #[test]
    fn overflow_is_none() {
        assert_eq!(p("hundert Quadrilliarden"), None);
        assert_eq!(p("neunhunderttausend Quadrilliarden"), None);
        card("neun Quadrilliarden", "9000000000000000000000000000");
        assert_eq!(
            continue_after(Decimal::MAX, Decimal::ONE, " Millionen"),
            None
        );
        let huge_precision = |rest| continue_after(Decimal::TWO, Decimal::MAX, rest);
        assert_eq!(huge_precision(" hundert"), None);
        assert_eq!(huge_precision(" Dutzend"), None);
        assert_eq!(huge_precision(" Millionen"), None);
    }

    #[test]
    fn continues_numerals() {
        let c = |v: &str, p: &str, rest: &str| {
            continue_after(d(v), d(p), rest).map(|sp| (sp.len, sp.value, sp.precision, sp.form))
        };
        let s = |n, v: &str, p: Option<&str>, f| Some((n, d(v), p.map(d), f));
        assert_eq!(
            c("5", "1", " tausend"),
            s(8, "5000", Some("1000"), Form::Cardinal)
        );
        assert_eq!(
            c("5", "1", " Tausend Euro"),
            s(8, "5000", Some("1000"), Form::Cardinal)
        );
        assert_eq!(
            c("300", "1", " Milliarden"),
            s(11, "300000000000", Some("1000000000"), Form::Cardinal)
        );
        assert_eq!(
            c("1", "1", " komma 1"),
            s(8, "1.1", Some("0.1"), Form::Cardinal)
        );
        assert_eq!(
            c("2", "1", " Millionen eintausendeinhundertfünfzig"),
            s(39, "2001150", Some("10"), Form::Cardinal)
        );
        assert_eq!(
            c("2.5", "0.1", " Millionen"),
            s(10, "2500000", Some("100000"), Form::Cardinal)
        );
        assert_eq!(
            c("2", "1", " Drittel"),
            s(8, "0.6666666666666666666666666667", None, Form::Fraction)
        );
        assert_eq!(
            c("3", "1", " mal so viele"),
            s(4, "3", Some("1"), Form::Multiple)
        );
        assert_eq!(
            c("3", "1", " mal mehr"),
            s(4, "3", Some("1"), Form::Multiple)
        );
        assert_eq!(
            c("3", "1", " mal größer"),
            s(4, "3", Some("1"), Form::Multiple)
        );
        assert_eq!(c("3", "1", "-fach"), s(5, "3", Some("1"), Form::Multiple));
        assert_eq!(
            c("10", "1", "-mal so hoch"),
            s(4, "10", Some("1"), Form::Multiple)
        );
        assert_eq!(
            c("100", "1", " Millionste"),
            s(11, "100000000", Some("1000000"), Form::Ordinal)
        );
        assert_eq!(
            c("-5", "1", " Millionen"),
            s(10, "-5000000", Some("1000000"), Form::Cardinal)
        );
        assert_eq!(c("3", "1", " mal."), None);
        assert_eq!(c("3", "1", " mal"), None);
        assert_eq!(c("3", "1", " mal 4"), None);
        assert_eq!(c("5", "1", " Euro"), None);
        assert_eq!(c("5", "1", "tausend"), None);
        assert_eq!(c("5", "1", " drei"), None);
        assert_eq!(c("1", "1", " Komma 1.000"), None);
        assert_eq!(c("2.5", "0.1", " Drittel"), None);
    }

    #[test]
    fn may_start_filters_words() {
        for w in [
            "eins",
            "ein",
            "Eine",
            "Drei",
            "dreiunddreißig",
            "Hälfte",
            "Haelfte",
            "zwölf",
            "zwoelf",
            "ZWÖLF",
            "Millionen",
            "Milliardste",
            "minus",
            "negativ",
            "halb",
            "doppelt",
            "Dutzend",
            "dritten",
            "Tausende",
            "anderthalb",
            "Zehntel",
            "null",
            "elft",
            "Abertausende",
        ] {
            assert!(may_start(w), "{w:?}");
        }
        for w in [
            "", "a", "zu", "die", "der", "und", "Komma", "mal", "Achtung", "einfach", "Einheit",
            "Dreieck", "Elfmeter", "zuerst", "erst", "keiner", "sie", "sich", "Billiard", "1",
            "Äpfel", "über",
        ] {
            assert!(!may_start(w), "{w:?}");
        }
    }

    #[test]
    fn multiplying_verbs_and_their_nouns() {
        for (w, v) in [
            ("verdoppeln", "2"),
            ("verdoppelt", "2"),
            ("verdoppelten", "2"),
            ("Verdoppelung", "2"),
            ("Verdopplungen", "2"),
            ("verdreifachen", "3"),
            ("Verdreifachung", "3"),
            ("vervierfacht", "4"),
            ("verzehnfachte", "10"),
            ("halbieren", "0.5"),
            ("halbiert", "0.5"),
            ("Halbierung", "0.5"),
        ] {
            is(w, w, v, Form::Multiple);
        }
        for w in [
            "verdient",
            "Verein",
            "verdoppelbar",
            "vereinfacht",
            "halbe Sache",
        ] {
            assert!(
                p(w).is_none_or(|(_, _, f)| f != Form::Multiple),
                "{w}: {:?}",
                p(w)
            );
        }
    }

    #[test]
    fn counting_adjectives_are_their_number() {
        for (w, v) in [
            ("vierseitige", "4"),
            ("fünfmalige", "5"),
            ("dreitägiges", "3"),
            ("dreitaegig", "3"),
            ("dreijährige", "3"),
            ("fünfjährigen", "5"),
            ("zweispurige", "2"),
            ("zehnköpfige", "10"),
            ("dreistöckigen", "3"),
            ("zwanzigjähriger", "20"),
            ("dreißigjährige", "30"),
        ] {
            card(w, v);
        }
        // No scale joins it: a two-digit amount of millions is no two million.
        assert_eq!(
            p("zehnjährige Millionen"),
            Some(("zehnjährige", d("10"), Form::Cardinal))
        );
        for w in [
            "einmalige",
            "einseitig",
            "einfach",
            "Dreieck",
            "Elfmeter",
            "achtsam",
            "dreieckig",
            "zweistellig",
        ] {
            assert_eq!(p(w), None, "{w}");
        }
    }

    #[test]
    fn several_before_a_multiplier_is_vague() {
        is(
            "mehrere Tausend Menschen",
            "mehrere Tausend",
            "3000",
            Form::Vague,
        );
        is("einige Hundert Euro", "einige Hundert", "200", Form::Vague);
        is("ein paar Tausend", "ein paar Tausend", "2000", Form::Vague);
        is("viele Hundert Jahre", "viele Hundert", "200", Form::Vague);
        is(
            "mehrere Millionen",
            "mehrere Millionen",
            "3000000",
            Form::Vague,
        );
        for w in ["mehrere Menschen", "einige Tage", "ein paar Leute", "viele"] {
            assert_eq!(p(w), None, "{w}");
        }
    }

    #[test]
    fn shares_of_every_nth() {
        is("jedes fünfte Kind", "jedes fünfte", "0.2", Form::Fraction);
        is(
            "Jeder zehnte Befragte",
            "Jeder zehnte",
            "0.1",
            Form::Fraction,
        );
        // "one of four" as often as "one in four": no share.
        for w in [
            "einer von vier",
            "eines von fünf",
            "jeder erste",
            "jedes Kind",
            "jeder",
            "einer von ihnen",
            "eine von 5",
        ] {
            assert!(p(w).is_none_or(|(_, _, f)| f != Form::Fraction), "{w}");
        }
    }

    #[test]
    fn beide_is_two_for_the_scanner_to_judge() {
        card("beiden", "2");
        assert_eq!(p("beides"), Some(("beides", d("2"), Form::Cardinal)));
        assert_eq!(p("bei"), None);
        assert_eq!(p("beim"), None);
    }

    #[test]
    fn no_panic_on_odd_input() {
        let long = "eins".repeat(10_000);
        assert_eq!(p(&long), None);
        let ws = format!("zwei{}Millionen", " ".repeat(1000));
        card(&ws, "2000000");
        assert_eq!(
            p("zwei\n\nMillionen"),
            Some(("zwei", d("2"), Form::Cardinal))
        );
        for s in [
            "",
            "ä",
            "ẞ",
            "e\u{301}",
            "dreißig\u{200b}",
            "Komma null",
            "ein\u{a0}Drittel",
            "zwei Komma 99999999999999999999999999999",
        ] {
            let _ = parse(s);
            let _ = may_start(s);
            let _ = continue_after(Decimal::ONE, Decimal::ONE, s);
        }
    }

    /// Pieces that phrases are made of, plus odd characters, for the property tests.
    const PIECES: &[&str] = &[
        "ein",
        "eins",
        "eine",
        "zwei",
        "zwo",
        "drei",
        "dritt",
        "vier",
        "fünf",
        "fuenf",
        "sechs",
        "sieben",
        "siebt",
        "acht",
        "neun",
        "zehn",
        "elf",
        "zwölf",
        "zwanzig",
        "dreißig",
        "und",
        "hundert",
        "tausend",
        "Million",
        "Millionen",
        "Milliarde",
        "Billiarden",
        "Quadrilliarden",
        "e",
        "en",
        "er",
        "t",
        "st",
        "el",
        "fach",
        "mal",
        "halb",
        "Hälfte",
        "Drittel",
        "Viertel",
        "komma",
        "Komma",
        "minus",
        "Dutzend",
        "erst",
        "so",
        "mehr",
        " ",
        "  ",
        "\n",
        "-",
        ".",
        ",",
        "7",
        "12",
        "0",
        "ä",
        "Ü",
        "ẞ",
        "ß",
        "\u{a0}",
        "x",
        "\u{301}",
        "Ä",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        #[test]
        fn spans_are_sound(parts in proptest::collection::vec(proptest::sample::select(PIECES), 0..12)) {
            let input = parts.concat();
            if let Some(sp) = parse(&input) {
                proptest::prop_assert!(sp.len > 0 && sp.len <= input.len());
                proptest::prop_assert!(input.is_char_boundary(sp.len));
                proptest::prop_assert!(!input[..sp.len].ends_with(char::is_whitespace));
                let first = input.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
                proptest::prop_assert!(may_start(first), "parse({input:?}) but not may_start({first:?})");
            }
            for v in ["0", "3", "-2.5", "79228162514264337593543950335"] {
                if let Some(sp) = continue_after(d(v), Decimal::ONE, &input) {
                    proptest::prop_assert!(sp.len > 0 && sp.len <= input.len());
                    proptest::prop_assert!(input.is_char_boundary(sp.len));
                }
            }
        }

        #[test]
        fn arbitrary_text_never_panics(input in "\\PC{0,40}") {
            let _ = parse(&input);
            let _ = may_start(&input);
            let _ = continue_after(Decimal::TEN, Decimal::ONE, &input);
        }
    }
}
