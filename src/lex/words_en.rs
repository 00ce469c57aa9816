//! English number words: "two hundred and thirty-one", "a third", "twenty-first", "two point
//! five million", "one in five", "three times as", "tens of thousands".
//!
//! # Tokens
//!
//! The text is cut into tokens (`lex`): maximal runs of ASCII letters, looked up
//! case-insensitively in a small lexicon (`lookup`), and plain ASCII numerals (`21`,
//! `1,200`, `2.5`; `numeral`). Tokens are separated by white space and/or one dash (`-`,
//! `‐`, `‑`, `–`, `—`), so "fifty - two", "twenty—fifth" and "fifty   two" are all two
//! tokens. A blank line, any other punctuation, or a word that is no number word ends the
//! token list; a phrase therefore never crosses a comma ("one, two, three" is three phrases).
//! Joined forms are split: "twentyfifth" = "twenty" "fifth", "tenfold" = "ten" "fold".
//!
//! # Grammar
//!
//! Each production is also written above the function that implements it. The longest
//! reading wins.
//!
//! ```text
//! phrase      = sign amount-or-ratio            ; "minus five point five", "negative one over 20"
//!             | vague | multiple-word
//!             | amount [ratio | times | fold | &"as"]   ; "half as many" is a multiple
//! sign        = "minus" | "negative"
//! vague       = plural-unit ["of" plural-scale] ; "dozens", "tens of thousands": lower bound
//!             | ("several" | "a few" | "few" | "a couple of") (hundred | scale | dozen)
//! multiple-word = "twice" | ("double" | "triple" | "treble" | "quadruple" | "quintuple") &context
//!             | "doubled" | "doubling" | "tripled" | "tripling" | "trebled" | "quadrupled"
//!             | "quadrupling" | "halve" | "halved" | "halving"   ; verb forms: no context
//! ratio       = "over" integer | ("in" | "out of") ["every"] integer | "of every" integer
//!                                                ; numerator <= denominator: "one in five"
//! times       = "times" &comparative            ; "three times as many", "ten times more"
//! fold        = ("-" | joined) "fold"           ; "tenfold", "three-fold", "2-fold"
//! amount      = cardinal                         ; "four thousand three hundred and twenty-one"
//!             | ordinal                          ; "twenty-first", "two hundredth"
//!             | fraction                         ; "two thirds", "a hundredth", "half a million"
//!             | cardinal "and" simple-fraction [scale]   ; "five and a half million"
//!             | [cardinal] "point" decimal-digits [scale] ; "two point two million", "point 77"
//! cardinal    = group { ["and"] group }          ; each later group counts in a smaller scale
//!             | cardinal scale                   ; a larger scale multiplies: "three lakh crore"
//! group       = below1000 [scale | dozen] | "a" (hundred | scale | dozen) | hundred | scale
//! below1000   = below100 ["hundred" [["and"] below100]] | unit tens unit   ; "one twenty two"
//! below100    = unit | teen | tens [unit] | numeral
//! ordinal     = cardinal-words-but-last ordinal-word        ; "one hundred and first"
//! fraction    = numerator denominator [["of"] ["a"] scale]  ; "three twenty-firsts"
//!             | "half" | "quarter" scale
//! numerator   = "a" | "an" | cardinal
//! denominator = "half" | "halves" | "quarter(s)" | [tens] ordinal-word   ; not "first"/"second" alone
//! ```
//!
//! # Choices
//!
//! * A singular ordinal word is a fraction only after a numerator of one ("a third", "one
//!   twenty-fifth", "one hundredth", "two million and one fifth"); otherwise the phrase is an
//!   ordinal ("two hundredth" = 200th, "a hundred trillionth" = 100000000000000th).
//! * In "X and N ordinals" the part after "and" is the numerator of a mixed number when it is
//!   smaller than the denominator ("one hundred and three quarters" = 100.75), else the whole
//!   cardinal is ("one hundred and thirty-two fifths" = 26.4). A hyphen binds a tens word to
//!   a following plural ordinal: "one hundred thirty-fifths" = 100/35.
//! * A fraction multiplied by a scale or dozen is an amount, not a quotient: "two and a half
//!   million" and "half a dozen" are [`Form::Cardinal`]; their precision is the scale divided
//!   by the denominator when that is exact ("two and a half million" → 500000), else `None`.
//!   "a million and a half" is 1500000.
//! * Vague phrases give the lower bound the words imply: "dozens" 24, "tens of thousands"
//!   20000, "several hundred" 300, "a few thousand" 2000. They do not cover a trailing "of"
//!   ("dozens of eggs" covers "dozens"); "tens of thousands" covers all three words.
//! * "a", "an", "a few", "a couple", "a pair", "single", "several", "last", "next", "may" on
//!   their own are no numbers; "a second" (time) and "seconds" are none either, "second" is the
//!   ordinal 2, and "first"/"second" alone are never denominators. "one" is 1 wherever it
//!   stands ("the one you mentioned").
//! * A group that a multiplier after it cannot join belongs to the next number: "between 3
//!   hundred and 2 hundred" reads "3 hundred", then "2 hundred"; "three-nought-four" is three
//!   numbers.
//! * "over" is a ratio only when the numerator does not exceed the denominator: "one over
//!   three" is 1/3 but "2000 over 3 years" stays two numbers. "in" followed by a year-like
//!   numeral (1900–2099) is no ratio ("one in 2019").
//! * "double"/"triple" are multiples only when followed by the end of the sentence or by a
//!   word such as "the", "its", "that", "in", "to" ("double the price", "prices will
//!   double."), not in "double room" or "double-digit"; the verb forms "doubled",
//!   "doubling", "tripled", "halve", "halved", "halving" are multiples wherever they stand. "N times" needs a comparative or a
//!   determiner after it ("three times as many", "ten times the"); "shot ten times." is the
//!   cardinal "ten". The phrase ends at "times". A fraction before "as" is a multiple too
//!   ("half as many" → 0.5).
//! * Ordinals carry a precision like cardinals (place value of the last word: "twenty-first"
//!   → 1, "two hundredth" → 100).
//! * [`may_start`] is false for ASCII numerals: the scanner reads those itself and calls
//!   [`continue_after`]. [`parse`] on a numeral returns a phrase only when number words follow.
//! * Scale abbreviations ("bn", "mn", "mln", "bln", "cr", "lac", "lkh", "dz", "doz") continue
//!   a phrase but never start one; "k" is a thousand only when attached to a numeral ("10k").
use super::spelled::{Form, Spelled};
use rust_decimal::Decimal;

/// Most tokens one phrase may span; a longer phrase ends there.
const MAX_TOKS: usize = 24;
/// Longest number word in the lexicon, in bytes (longer words are no number words).
const MAX_WORD: usize = 16;

const ZERO: Decimal = Decimal::ZERO;
const ONE: Decimal = Decimal::ONE;
const TWO: Decimal = Decimal::TWO;
const TEN: Decimal = Decimal::TEN;
const HUNDRED: Decimal = Decimal::ONE_HUNDRED;
const FOUR: Decimal = Decimal::from_parts(4, 0, 0, false, 0);
const TWELVE: Decimal = Decimal::from_parts(12, 0, 0, false, 0);

// ─────────────────────────────── lexicon ───────────────────────────────

/// A cardinal number word, also the cardinal an ordinal word stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Card {
    /// "zero", "nought", "naught", "nil".
    Zero,
    /// "one" … "nine".
    Unit(u8),
    /// "ten" … "nineteen".
    Teen(u8),
    /// "twenty" … "ninety".
    Tens(u8),
    /// "hundred".
    Hundred,
    /// Exponent of the power of ten: thousand 3, lakh 5, million 6, crore 7, billion 9,
    /// trillion 12.
    Scale(u8),
}

/// A multiplier written as an abbreviation ("bn", "cr", "dzs"): it continues but never starts
/// a phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Abbr {
    /// "dz", "dzs", "doz", "dozs".
    Dozen,
    /// Exponent of the power of ten, as in [`Card::Scale`].
    Scale(u8),
}

/// An ASCII numeral inside a phrase (or the numeral [`continue_after`] was given).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Atom {
    /// Its value (never negative).
    value: Decimal,
    /// Place value of its last digit.
    prec: Decimal,
    /// Whether it is a whole number written without a decimal part.
    int: bool,
    /// Digit count when written as plain digits ("05" → 2), else 0.
    digits: u8,
}

/// A token: what one word (or numeral) means to the grammar.
#[derive(Clone, Copy, Debug, PartialEq)]
enum W {
    /// A cardinal word; `true` if plural ("hundreds", "tens").
    Card(Card, bool),
    /// An ordinal word ("fifth", "hundredth"); `true` if plural ("fifths").
    Ord(Card, bool),
    /// An ASCII numeral.
    Num(Atom),
    /// A scale abbreviation.
    Abbr(Abbr),
    /// "dozen"; `true` for "dozens".
    Dozen(bool),
    /// "half"; `true` for "halves".
    Half(bool),
    /// "quarter"; `true` for "quarters".
    Quarter(bool),
    /// "a", "an".
    A,
    /// "and".
    And,
    /// "point".
    Point,
    /// "minus", "negative".
    Minus,
    /// "over".
    Over,
    /// "in".
    In,
    /// "out" (of "out of").
    Out,
    /// "of".
    Of,
    /// "every" (in "one in every five").
    Every,
    /// "times".
    Times,
    /// "fold" (of "tenfold", "three-fold").
    Fold,
    /// "twice".
    Twice,
    /// "oh" (a zero digit after "point").
    Oh,
    /// "double" 2, "triple"/"treble" 3, "quadruple" 4, "quintuple" 5.
    Mult(u8),
    /// A verb form that multiplies by `.0 / .1` wherever it stands: "doubled", "doubling"
    /// (2/1), "tripled" (3/1), "halve", "halved", "halving" (1/2).
    MultVerb(u8, u8),
    /// "several" 3, "few" 2, "couple" 2: only before hundred, a scale or dozen.
    Several(u8),
    /// "k" right after a numeral ("10k").
    K,
}

/// The lexicon: every number word in lower case (plurals spelled out, so one probe finds
/// any word).
const WORDS: [(&[u8], W); 175] = [
    (b"zero", W::Card(Card::Zero, false)),
    (b"nought", W::Card(Card::Zero, false)),
    (b"naught", W::Card(Card::Zero, false)),
    (b"nil", W::Card(Card::Zero, false)),
    (b"one", W::Card(Card::Unit(1), false)),
    (b"two", W::Card(Card::Unit(2), false)),
    (b"three", W::Card(Card::Unit(3), false)),
    (b"four", W::Card(Card::Unit(4), false)),
    (b"five", W::Card(Card::Unit(5), false)),
    (b"six", W::Card(Card::Unit(6), false)),
    (b"seven", W::Card(Card::Unit(7), false)),
    (b"eight", W::Card(Card::Unit(8), false)),
    (b"nine", W::Card(Card::Unit(9), false)),
    (b"ten", W::Card(Card::Teen(10), false)),
    (b"eleven", W::Card(Card::Teen(11), false)),
    (b"twelve", W::Card(Card::Teen(12), false)),
    (b"thirteen", W::Card(Card::Teen(13), false)),
    (b"fourteen", W::Card(Card::Teen(14), false)),
    (b"fifteen", W::Card(Card::Teen(15), false)),
    (b"sixteen", W::Card(Card::Teen(16), false)),
    (b"seventeen", W::Card(Card::Teen(17), false)),
    (b"eighteen", W::Card(Card::Teen(18), false)),
    (b"nineteen", W::Card(Card::Teen(19), false)),
    (b"twenty", W::Card(Card::Tens(20), false)),
    (b"thirty", W::Card(Card::Tens(30), false)),
    (b"forty", W::Card(Card::Tens(40), false)),
    (b"fourty", W::Card(Card::Tens(40), false)),
    (b"fifty", W::Card(Card::Tens(50), false)),
    (b"sixty", W::Card(Card::Tens(60), false)),
    (b"seventy", W::Card(Card::Tens(70), false)),
    (b"eighty", W::Card(Card::Tens(80), false)),
    (b"ninety", W::Card(Card::Tens(90), false)),
    (b"hundred", W::Card(Card::Hundred, false)),
    (b"thousand", W::Card(Card::Scale(3), false)),
    (b"lakh", W::Card(Card::Scale(5), false)),
    (b"million", W::Card(Card::Scale(6), false)),
    (b"crore", W::Card(Card::Scale(7), false)),
    (b"koti", W::Card(Card::Scale(7), false)),
    (b"krore", W::Card(Card::Scale(7), false)),
    (b"billion", W::Card(Card::Scale(9), false)),
    (b"trillion", W::Card(Card::Scale(12), false)),
    (b"tens", W::Card(Card::Teen(10), true)),
    (b"first", W::Ord(Card::Unit(1), false)),
    (b"second", W::Ord(Card::Unit(2), false)),
    (b"third", W::Ord(Card::Unit(3), false)),
    (b"fourth", W::Ord(Card::Unit(4), false)),
    (b"fifth", W::Ord(Card::Unit(5), false)),
    (b"sixth", W::Ord(Card::Unit(6), false)),
    (b"seventh", W::Ord(Card::Unit(7), false)),
    (b"eighth", W::Ord(Card::Unit(8), false)),
    (b"ninth", W::Ord(Card::Unit(9), false)),
    (b"nineth", W::Ord(Card::Unit(9), false)),
    (b"tenth", W::Ord(Card::Teen(10), false)),
    (b"eleventh", W::Ord(Card::Teen(11), false)),
    (b"twelfth", W::Ord(Card::Teen(12), false)),
    (b"thirteenth", W::Ord(Card::Teen(13), false)),
    (b"fourteenth", W::Ord(Card::Teen(14), false)),
    (b"fifteenth", W::Ord(Card::Teen(15), false)),
    (b"sixteenth", W::Ord(Card::Teen(16), false)),
    (b"seventeenth", W::Ord(Card::Teen(17), false)),
    (b"eighteenth", W::Ord(Card::Teen(18), false)),
    (b"nineteenth", W::Ord(Card::Teen(19), false)),
    (b"twentieth", W::Ord(Card::Tens(20), false)),
    (b"thirtieth", W::Ord(Card::Tens(30), false)),
    (b"fortieth", W::Ord(Card::Tens(40), false)),
    (b"fiftieth", W::Ord(Card::Tens(50), false)),
    (b"sixtieth", W::Ord(Card::Tens(60), false)),
    (b"seventieth", W::Ord(Card::Tens(70), false)),
    (b"eightieth", W::Ord(Card::Tens(80), false)),
    (b"ninetieth", W::Ord(Card::Tens(90), false)),
    (b"hundredth", W::Ord(Card::Hundred, false)),
    (b"thousandth", W::Ord(Card::Scale(3), false)),
    (b"millionth", W::Ord(Card::Scale(6), false)),
    (b"billionth", W::Ord(Card::Scale(9), false)),
    (b"trillionth", W::Ord(Card::Scale(12), false)),
    (b"dozen", W::Dozen(false)),
    (b"half", W::Half(false)),
    (b"halves", W::Half(true)),
    (b"quarter", W::Quarter(false)),
    (b"a", W::A),
    (b"an", W::A),
    (b"and", W::And),
    (b"point", W::Point),
    (b"minus", W::Minus),
    (b"negative", W::Minus),
    (b"over", W::Over),
    (b"in", W::In),
    (b"out", W::Out),
    (b"of", W::Of),
    (b"every", W::Every),
    (b"times", W::Times),
    (b"fold", W::Fold),
    (b"twice", W::Twice),
    (b"oh", W::Oh),
    (b"double", W::Mult(2)),
    (b"triple", W::Mult(3)),
    (b"treble", W::Mult(3)),
    (b"quadruple", W::Mult(4)),
    (b"quintuple", W::Mult(5)),
    (b"doubled", W::MultVerb(2, 1)),
    (b"doubling", W::MultVerb(2, 1)),
    (b"tripled", W::MultVerb(3, 1)),
    (b"tripling", W::MultVerb(3, 1)),
    (b"trebled", W::MultVerb(3, 1)),
    (b"quadrupled", W::MultVerb(4, 1)),
    (b"quadrupling", W::MultVerb(4, 1)),
    (b"halve", W::MultVerb(1, 2)),
    (b"halved", W::MultVerb(1, 2)),
    (b"halving", W::MultVerb(1, 2)),
    (b"several", W::Several(3)),
    (b"few", W::Several(2)),
    (b"couple", W::Several(2)),
    (b"dz", W::Abbr(Abbr::Dozen)),
    (b"doz", W::Abbr(Abbr::Dozen)),
    (b"bn", W::Abbr(Abbr::Scale(9))),
    (b"bln", W::Abbr(Abbr::Scale(9))),
    (b"mn", W::Abbr(Abbr::Scale(6))),
    (b"mln", W::Abbr(Abbr::Scale(6))),
    (b"cr", W::Abbr(Abbr::Scale(7))),
    (b"lac", W::Abbr(Abbr::Scale(5))),
    (b"lkh", W::Abbr(Abbr::Scale(5))),
    (b"k", W::K),
    (b"hundreds", W::Card(Card::Hundred, true)),
    (b"thousands", W::Card(Card::Scale(3), true)),
    (b"lakhs", W::Card(Card::Scale(5), true)),
    (b"millions", W::Card(Card::Scale(6), true)),
    (b"crores", W::Card(Card::Scale(7), true)),
    (b"kotis", W::Card(Card::Scale(7), true)),
    (b"krores", W::Card(Card::Scale(7), true)),
    (b"billions", W::Card(Card::Scale(9), true)),
    (b"trillions", W::Card(Card::Scale(12), true)),
    (b"firsts", W::Ord(Card::Unit(1), true)),
    (b"seconds", W::Ord(Card::Unit(2), true)),
    (b"thirds", W::Ord(Card::Unit(3), true)),
    (b"fourths", W::Ord(Card::Unit(4), true)),
    (b"fifths", W::Ord(Card::Unit(5), true)),
    (b"sixths", W::Ord(Card::Unit(6), true)),
    (b"sevenths", W::Ord(Card::Unit(7), true)),
    (b"eighths", W::Ord(Card::Unit(8), true)),
    (b"ninths", W::Ord(Card::Unit(9), true)),
    (b"nineths", W::Ord(Card::Unit(9), true)),
    (b"tenths", W::Ord(Card::Teen(10), true)),
    (b"elevenths", W::Ord(Card::Teen(11), true)),
    (b"twelfths", W::Ord(Card::Teen(12), true)),
    (b"thirteenths", W::Ord(Card::Teen(13), true)),
    (b"fourteenths", W::Ord(Card::Teen(14), true)),
    (b"fifteenths", W::Ord(Card::Teen(15), true)),
    (b"sixteenths", W::Ord(Card::Teen(16), true)),
    (b"seventeenths", W::Ord(Card::Teen(17), true)),
    (b"eighteenths", W::Ord(Card::Teen(18), true)),
    (b"nineteenths", W::Ord(Card::Teen(19), true)),
    (b"twentieths", W::Ord(Card::Tens(20), true)),
    (b"thirtieths", W::Ord(Card::Tens(30), true)),
    (b"fortieths", W::Ord(Card::Tens(40), true)),
    (b"fiftieths", W::Ord(Card::Tens(50), true)),
    (b"sixtieths", W::Ord(Card::Tens(60), true)),
    (b"seventieths", W::Ord(Card::Tens(70), true)),
    (b"eightieths", W::Ord(Card::Tens(80), true)),
    (b"ninetieths", W::Ord(Card::Tens(90), true)),
    (b"hundredths", W::Ord(Card::Hundred, true)),
    (b"thousandths", W::Ord(Card::Scale(3), true)),
    (b"millionths", W::Ord(Card::Scale(6), true)),
    (b"billionths", W::Ord(Card::Scale(9), true)),
    (b"trillionths", W::Ord(Card::Scale(12), true)),
    (b"dozens", W::Dozen(true)),
    (b"quarters", W::Quarter(true)),
    (b"dzs", W::Abbr(Abbr::Dozen)),
    (b"dozs", W::Abbr(Abbr::Dozen)),
    (b"bns", W::Abbr(Abbr::Scale(9))),
    (b"blns", W::Abbr(Abbr::Scale(9))),
    (b"mns", W::Abbr(Abbr::Scale(6))),
    (b"mlns", W::Abbr(Abbr::Scale(6))),
    (b"crs", W::Abbr(Abbr::Scale(7))),
    (b"lacs", W::Abbr(Abbr::Scale(5))),
    (b"lkhs", W::Abbr(Abbr::Scale(5))),
];

/// Slots in the lexicon's hash table (a power of two, about four per word).
const TABLE_LEN: usize = 1024;

/// Hash of a word of ASCII letters in any case (from its length and four of its letters,
/// case folded), as a [`TABLE`] slot.
const fn hash(w: &[u8]) -> usize {
    let n = w.len();
    if n == 0 {
        return 0;
    }
    const fn at(w: &[u8], i: usize) -> u32 {
        (w[i] | 0x20) as u32
    }
    let h = (n as u32)
        .wrapping_mul(0x9E37_79B1)
        .wrapping_add(at(w, 0).wrapping_mul(0x85EB_CA77))
        .wrapping_add(at(w, n - 1).wrapping_mul(0xC2B2_AE3D))
        .wrapping_add(at(w, n / 2).wrapping_mul(0x27D4_EB2F))
        .wrapping_add(at(w, 1 % n).wrapping_mul(0x1656_67B1));
    ((h ^ (h >> 16)) as usize) & (TABLE_LEN - 1)
}

/// [`WORDS`] in memory once (indexing a `const` array may copy it at every use).
static LEXICON: [(&[u8], W); WORDS.len()] = WORDS;

/// Open-addressing hash table over [`WORDS`]: slot → index + 1 (0 = empty).
static TABLE: [u8; TABLE_LEN] = {
    let mut table = [0u8; TABLE_LEN];
    let mut i = 0;
    while i < WORDS.len() {
        let mut h = hash(WORDS[i].0);
        while table[h] != 0 {
            h = (h + 1) & (TABLE_LEN - 1);
        }
        table[h] = (i + 1) as u8;
        i += 1;
    }
    table
};

/// Looks a word (ASCII letters, any case) up in the lexicon.
fn lookup(w: &[u8]) -> Option<W> {
    if w.len() > MAX_WORD {
        return None;
    }
    let mut h = hash(w);
    loop {
        let (word, x) = LEXICON.get(usize::from(*TABLE.get(h)?).checked_sub(1)?)?;
        if word.eq_ignore_ascii_case(w) {
            return Some(*x);
        }
        h = (h + 1) & (TABLE_LEN - 1);
    }
}

/// The tens word a joined form starts with ("twentyone", "thirtyfirst"), if any (any case).
fn tens_prefix(w: &[u8]) -> Option<(&'static [u8], u8)> {
    let key = [w.first()? | 0x20, w.get(1)? | 0x20, w.get(2)? | 0x20];
    let (pre, t): (&'static [u8], u8) = match &key {
        b"twe" => (b"twenty", 20),
        b"thi" => (b"thirty", 30),
        b"for" => (b"forty", 40),
        b"fou" => (b"fourty", 40),
        b"fif" => (b"fifty", 50),
        b"six" => (b"sixty", 60),
        b"sev" => (b"seventy", 70),
        b"eig" => (b"eighty", 80),
        b"nin" => (b"ninety", 90),
        _ => return None,
    };
    w.get(..pre.len())?
        .eq_ignore_ascii_case(pre)
        .then_some((pre, t))
}

/// Lower-cases `word` into a stack buffer; `None` if it is too long to be a number word.
fn lower(word: &[u8]) -> Option<([u8; MAX_WORD], usize)> {
    if word.len() > MAX_WORD {
        return None;
    }
    let mut buf = [0u8; MAX_WORD];
    for (d, s) in buf.iter_mut().zip(word) {
        *d = s.to_ascii_lowercase();
    }
    Some((buf, word.len()))
}

/// A word's token(s): one, or two for a joined form (with the byte offset of the second).
type Lexed = (W, Option<(usize, W)>);

/// Reads one word (ASCII letters, any case): a lexicon word, "Nfold", or "tensunit".
fn lex_word(w: &[u8]) -> Option<Lexed> {
    if let Some(x) = lookup(w) {
        return Some((x, None));
    }
    let n = w.len();
    if (7..=MAX_WORD).contains(&n)
        && w[n - 4..].eq_ignore_ascii_case(b"fold")
        && let Some(
            c @ W::Card(
                Card::Unit(_) | Card::Teen(_) | Card::Tens(_) | Card::Hundred | Card::Scale(_),
                false,
            ),
        ) = lookup(&w[..n - 4])
    {
        return Some((c, Some((n - 4, W::Fold))));
    }
    if (8..=MAX_WORD).contains(&n)
        && let Some((pre, t)) = tens_prefix(w)
        && let Some(x @ (W::Card(Card::Unit(_), false) | W::Ord(Card::Unit(_), _))) =
            lookup(&w[pre.len()..])
    {
        return Some((W::Card(Card::Tens(t), false), Some((pre.len(), x))));
    }
    None
}

// ─────────────────────────────── tokens ───────────────────────────────

/// What separates a token from the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sep {
    /// Nothing (first token).
    None,
    /// White space only.
    Space,
    /// A dash, possibly with white space around it.
    Dash,
    /// Part of the same written word ("twenty|fifth", "10|k").
    Joined,
}

/// A token and where it is in the text.
#[derive(Clone, Copy, Debug)]
struct Tok {
    w: W,
    /// Byte offset just past the token.
    end: usize,
    sep: Sep,
}

/// A fixed-capacity token list (no allocation).
struct Toks {
    t: [Tok; MAX_TOKS],
    n: usize,
}

impl Toks {
    /// An empty list.
    fn new() -> Self {
        let empty = Tok {
            w: W::And,
            end: 0,
            sep: Sep::None,
        };
        Toks {
            t: [empty; MAX_TOKS],
            n: 0,
        }
    }

    /// Appends a token (the caller checks capacity).
    fn push(&mut self, w: W, end: usize, sep: Sep) {
        if let Some(slot) = self.t.get_mut(self.n) {
            *slot = Tok { w, end, sep };
            self.n += 1;
        }
    }

    /// The tokens pushed so far.
    fn as_slice(&self) -> &[Tok] {
        &self.t[..self.n]
    }
}

/// Skips white space and at most one dash from `pos`. `None` at a blank line (two line
/// breaks), which ends a phrase.
fn separator(b: &[u8], pos: usize) -> Option<(Sep, usize)> {
    let (mut p, mut dash, mut breaks) = (pos, false, 0);
    while let Some(&c) = b.get(p) {
        match c {
            b' ' | b'\t' | b'\r' => p += 1,
            b'\n' => {
                breaks += 1;
                p += 1;
            }
            b'-' if !dash => {
                dash = true;
                p += 1;
            }
            0xC2 if b.get(p + 1) == Some(&0xA0) => p += 2,
            0xE2 if !dash
                && b.get(p + 1) == Some(&0x80)
                && matches!(b.get(p + 2), Some(0x90 | 0x91 | 0x93 | 0x94)) =>
            {
                dash = true;
                p += 3;
            }
            _ => break,
        }
    }
    if breaks > 1 {
        return None;
    }
    let sep = if p == pos {
        Sep::None
    } else if dash {
        Sep::Dash
    } else {
        Sep::Space
    };
    Some((sep, p))
}

/// Whether a word or numeral that ends at `q` ends at a word boundary.
fn boundary(src: &str, q: usize) -> bool {
    match src.as_bytes().get(q) {
        None => true,
        Some(c) if c.is_ascii() => !c.is_ascii_alphanumeric(),
        Some(_) => !src
            .get(q..)
            .and_then(|s| s.chars().next())
            .is_some_and(char::is_alphanumeric),
    }
}

/// numeral = digits {"," 3digits} ["." digits]  (at most 28 digits)
///
/// Reads a plain ASCII numeral at `p`: "21", "1,200,000", "2.5". `None` if it is not followed
/// by a word boundary or continues as "1.2.3" / "12,34".
fn numeral(src: &str, p: usize) -> Option<(Atom, usize)> {
    let b = src.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let (mut mant, mut count, mut q, mut plain) = (0i128, 0u32, p, true);
    let mut take = |q: &mut usize| -> Option<()> {
        mant = mant
            .checked_mul(10)?
            .checked_add(i128::from(b.get(*q)? - b'0'))?;
        count += 1;
        *q += 1;
        (count <= 28).then_some(())
    };
    while digit(q) {
        take(&mut q)?;
    }
    let head = q - p;
    if head <= 3 {
        while b.get(q) == Some(&b',') && (1..=3).all(|k| digit(q + k)) && !digit(q + 4) {
            q += 1;
            for _ in 0..3 {
                take(&mut q)?;
            }
            plain = false;
        }
    }
    let mut scale = 0u32;
    if b.get(q) == Some(&b'.') && digit(q + 1) {
        q += 1;
        plain = false;
        while digit(q) {
            take(&mut q)?;
            scale += 1;
        }
    }
    let bad_tail = matches!(b.get(q), Some(b'.' | b',')) && digit(q + 1);
    if bad_tail || !boundary(src, q) {
        return None;
    }
    let value = Decimal::try_from_i128_with_scale(mant, scale).ok()?;
    let prec = Decimal::try_new(1, scale).ok()?;
    let digits = if plain { u8::try_from(head).ok()? } else { 0 };
    Some((
        Atom {
            value,
            prec,
            int: scale == 0,
            digits,
        },
        q,
    ))
}

/// Whether a word may follow a numeral without a space ("10k", "3bn", "2fold").
fn attachable(w: W) -> bool {
    matches!(
        w,
        W::Abbr(_) | W::K | W::Fold | W::Dozen(_) | W::Card(Card::Hundred | Card::Scale(_), _)
    )
}

/// Cuts `src[pos..]` into tokens appended to `out`, up to the first non-number word.
/// `attach`: the first new token may follow the previous one without a separator
/// ([`continue_after`]'s numeral).
fn lex(src: &str, mut pos: usize, out: &mut Toks, attach: bool) {
    let b = src.as_bytes();
    while out.n + 2 <= MAX_TOKS {
        let Some((sep, p)) = separator(b, pos) else {
            return;
        };
        let attached = out.n > 0 && sep == Sep::None;
        if attached && !(attach && out.n == 1) {
            return;
        }
        let sep = if attached { Sep::Joined } else { sep };
        let Some(&c) = b.get(p) else { return };
        if c.is_ascii_alphabetic() {
            let q = p + b[p..]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            if !boundary(src, q) {
                return;
            }
            let Some((w, second)) = lex_word(&b[p..q]) else {
                return;
            };
            let k_ok = attached && out.n == 1;
            if (attached && !attachable(w)) || (w == W::K && !k_ok) {
                return;
            }
            match second {
                None => out.push(w, q, sep),
                Some((at, w2)) => {
                    out.push(w, p + at, sep);
                    out.push(w2, q, Sep::Joined);
                }
            }
            pos = q;
        } else if c.is_ascii_digit() && (out.n == 0 || sep == Sep::Space) {
            let Some((atom, q)) = numeral(src, p) else {
                return;
            };
            out.push(W::Num(atom), q, sep);
            pos = q;
        } else {
            return;
        }
    }
}

// ─────────────────────────────── cardinals ───────────────────────────────

/// Where the cardinal accumulator stands after its last word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum St {
    /// Nothing read.
    Start,
    /// "a"/"an": needs hundred, a scale or dozen (or is a numerator of one).
    A,
    /// "zero": nothing may follow but "point".
    Zero,
    Unit,
    Teen,
    Tens,
    TensUnit,
    Hundred,
    /// "… hundred and": needs a number below 100.
    HundredAnd,
    Scale,
    /// "… thousand and": needs a smaller group.
    ScaleAnd,
    /// A numeral.
    Num,
    Dozen,
}

/// The cardinal accumulator: reads "three crore twelve lakh fifty-six thousand seven hundred
/// twenty-one" word by word. Every group after a scale must stay below that scale; a scale
/// larger than all before multiplies the whole ("three lakh crore", "thousand millions").
#[derive(Clone, Copy, Debug)]
struct Acc {
    st: St,
    /// Sum of the groups closed by a scale.
    total: Decimal,
    /// The open group (below the last scale).
    group: Decimal,
    /// The part of the group after its "hundred" (what "dozen" multiplies in
    /// "three hundred and two dozens").
    rest: Decimal,
    has_hundred: bool,
    /// Scale that closed the last group (0: none yet).
    last_scale: Decimal,
    /// Largest scale so far.
    top_scale: Decimal,
    /// Place value of the last word.
    prec: Decimal,
    /// Value before the last connecting "and" (for mixed fractions).
    and_base: Option<Decimal>,
    /// Unit a fraction after that "and" counts in: the scale before it, else 1.
    and_unit: Decimal,
    /// Tokens read.
    words: u8,
    /// No numeral with a decimal part was read.
    int: bool,
}

impl Acc {
    /// Nothing read yet.
    const NEW: Acc = Acc {
        st: St::Start,
        total: ZERO,
        group: ZERO,
        rest: ZERO,
        has_hundred: false,
        last_scale: ZERO,
        top_scale: ZERO,
        prec: ONE,
        and_base: None,
        and_unit: ONE,
        words: 0,
        int: true,
    };

    /// The value read so far (checked in [`Acc::step`] not to overflow).
    fn value(&self) -> Decimal {
        self.total.checked_add(self.group).unwrap_or(self.total)
    }

    /// Whether the words read so far form a number.
    fn complete(&self) -> bool {
        !matches!(self.st, St::Start | St::A | St::HundredAnd | St::ScaleAnd)
    }

    /// Whether a group is open that hundred, a scale or dozen may multiply.
    fn in_group(&self) -> bool {
        matches!(
            self.st,
            St::Unit | St::Teen | St::Tens | St::TensUnit | St::Hundred | St::Num
        )
    }

    /// Reads one more token (`look`: the token after it); `None` if it does not continue
    /// the cardinal.
    fn step(&self, w: W, look: Option<W>) -> Option<Acc> {
        let mut a = *self;
        a.words = a.words.saturating_add(1);
        match w {
            W::A if self.st == St::Start => a.st = St::A,
            W::Card(c, plural) => a.card(c, plural, look)?,
            W::Num(n) => a.num(n)?,
            W::Dozen(plural) if !(plural && self.st == St::Start) => a.dozen()?,
            W::Abbr(Abbr::Dozen) if a.in_group() => a.dozen()?,
            W::Abbr(Abbr::Scale(e)) if a.in_group() => a.scale(pow10(e), false)?,
            W::K if self.st == St::Num => a.scale(pow10(3), false)?,
            W::And => a.and(look)?,
            _ => return None,
        }
        a.total.checked_add(a.group)?;
        Some(a)
    }

    /// Reads a cardinal word.
    fn card(&mut self, c: Card, plural: bool, look: Option<W>) -> Option<()> {
        match c {
            Card::Hundred => return self.hundred(plural),
            Card::Scale(e) => return self.scale(pow10(e), plural),
            _ if plural => return None,
            Card::Zero if self.st == St::Start => {
                self.st = St::Zero;
                self.prec = ONE;
            }
            Card::Zero => return None,
            Card::Unit(u) if self.st == St::Tens => {
                self.group = self.group.checked_add(u.into())?;
                self.rest = self.rest.checked_add(u.into())?;
                self.st = St::TensUnit;
                self.prec = ONE;
            }
            Card::Unit(u) => self.small(u, St::Unit, ONE)?,
            Card::Teen(t) => self.small(t, St::Teen, if t == 10 { TEN } else { ONE })?,
            Card::Tens(t) if self.implicit_hundred(look) => {
                self.group = self.group.checked_mul(HUNDRED)?.checked_add(t.into())?;
                self.rest = t.into();
                self.has_hundred = true;
                self.st = St::Tens;
                self.prec = TEN;
            }
            Card::Tens(t) => self.small(t, St::Tens, TEN)?,
        }
        Some(())
    }

    /// below1000 = unit tens unit  ("one twenty two" = 122): only as the very first words.
    fn implicit_hundred(&self, look: Option<W>) -> bool {
        self.st == St::Unit
            && self.words == 2
            && self.last_scale.is_zero()
            && matches!(look, Some(W::Card(Card::Unit(_), false)))
    }

    /// Starts or continues a group with a word below 100 (`st`: the state it leaves).
    fn small(&mut self, v: u8, st: St, prec: Decimal) -> Option<()> {
        let v = Decimal::from(v);
        match self.st {
            St::Start => self.group = v,
            St::Hundred | St::HundredAnd => self.group = self.group.checked_add(v)?,
            St::Scale | St::ScaleAnd => {
                self.group = v;
                self.has_hundred = false;
            }
            _ => return None,
        }
        self.rest = v;
        self.st = st;
        self.prec = prec;
        Some(())
    }

    /// below1000 = below100 "hundred" | "a" "hundred" | "hundred"   ("twenty-five hundred")
    fn hundred(&mut self, plural: bool) -> Option<()> {
        match self.st {
            St::Start | St::A if !plural => {
                self.group = HUNDRED;
                self.prec = HUNDRED;
            }
            _ if self.in_group() && !self.has_hundred => {
                self.group = self.group.checked_mul(HUNDRED)?;
                self.prec = self.prec.checked_mul(HUNDRED)?;
            }
            _ => return None,
        }
        if !self.last_scale.is_zero() && self.group >= self.last_scale {
            return None;
        }
        self.rest = ZERO;
        self.has_hundred = true;
        self.st = St::Hundred;
        Some(())
    }

    /// cardinal = cardinal group scale  (smaller than the last scale)
    ///          | cardinal scale        (larger than every scale so far: multiplies it all)
    fn scale(&mut self, s: Decimal, plural: bool) -> Option<()> {
        let (g, gp) = match self.st {
            St::Start | St::A if !plural => (ONE, ONE),
            St::Scale => (ZERO, self.prec),
            _ if self.in_group() => (self.group, self.prec),
            _ => return None,
        };
        if self.last_scale.is_zero() {
            self.total = g.checked_mul(s)?;
        } else if self.st != St::Scale && s < self.last_scale {
            let c = g.checked_mul(s)?;
            if c >= self.last_scale {
                return None;
            }
            self.total = self.total.checked_add(c)?;
        } else if s > self.top_scale {
            self.total = self.total.checked_add(g)?.checked_mul(s)?;
        } else {
            return None;
        }
        self.prec = gp.checked_mul(s)?;
        self.last_scale = s;
        self.top_scale = self.top_scale.max(s);
        self.group = ZERO;
        self.rest = ZERO;
        self.has_hundred = false;
        self.st = St::Scale;
        Some(())
    }

    /// group = below1000 "dozen" | "a" "dozen" | "dozen"
    ///
    /// After "hundred and" only the part after "and" is multiplied ("three hundred and two
    /// dozens" = 324).
    fn dozen(&mut self) -> Option<()> {
        match self.st {
            St::Start | St::A => {
                self.group = TWELVE;
                self.prec = TWELVE;
            }
            _ if self.in_group() => {
                let part = if self.has_hundred && !self.rest.is_zero() {
                    self.rest
                } else {
                    self.group
                };
                let base = self.group.checked_sub(part)?;
                self.group = base.checked_add(part.checked_mul(TWELVE)?)?;
                self.prec = self.prec.checked_mul(TWELVE)?;
            }
            _ => return None,
        }
        if !self.last_scale.is_zero() && self.group >= self.last_scale {
            return None;
        }
        self.st = St::Dozen;
        Some(())
    }

    /// below100 = numeral  (below 100 after "hundred", below the scale after a scale)
    fn num(&mut self, n: Atom) -> Option<()> {
        match self.st {
            St::Start => {
                self.group = n.value;
                self.int = n.int;
            }
            St::Hundred | St::HundredAnd if n.int && n.value < HUNDRED => {
                self.group = self.group.checked_add(n.value)?;
            }
            St::Scale | St::ScaleAnd if n.int && n.value < self.last_scale => {
                self.group = n.value;
                self.has_hundred = false;
            }
            _ => return None,
        }
        self.rest = n.value;
        self.prec = n.prec;
        self.st = St::Num;
        Some(())
    }

    /// cardinal = … hundred "and" below100 | … scale "and" group
    ///
    /// Taken only when a number word (or an ordinal: "one hundred and first") follows.
    fn and(&mut self, look: Option<W>) -> Option<()> {
        let next_ok = match look? {
            W::Card(Card::Unit(_) | Card::Teen(_) | Card::Tens(_), false) => true,
            W::Ord(Card::Unit(_) | Card::Teen(_) | Card::Tens(_), false) => true,
            W::Num(n) => n.int && !n.value.is_zero() && (n.value < HUNDRED || self.st == St::Scale),
            _ => false,
        };
        if !next_ok {
            return None;
        }
        let (st, unit) = match self.st {
            St::Hundred => (St::HundredAnd, ONE),
            St::Scale => (St::ScaleAnd, self.last_scale),
            _ => return None,
        };
        self.and_base = Some(self.value());
        self.and_unit = unit;
        self.st = st;
        Some(())
    }
}

/// 10^e for a lexicon exponent (at most 12).
fn pow10(e: u8) -> Decimal {
    Decimal::from(10u64.pow(u32::from(e.min(18))))
}

/// How far the accumulator got from some token on.
struct Run {
    /// State after the last token it took (may be incomplete, e.g. after "a").
    acc: Acc,
    /// Index of the first token it did not take.
    stop: usize,
    /// The longest complete reading and the index after it.
    best: Option<(Acc, usize)>,
}

/// Runs the cardinal accumulator over `t[i..limit]`.
///
/// When it stops at a multiplier it could not apply ("hundred", a scale, "dozen"), the last
/// group belongs to the next number: "between 3 hundred and 2 hundred" reads "3 hundred",
/// "two thousand five hundred thousand" reads "two thousand".
fn run(t: &[Tok], i: usize, limit: usize) -> Run {
    let limit = limit.min(t.len());
    let (mut acc, mut j, mut best) = (Acc::NEW, i, None);
    let mut before_group = None;
    while j < limit {
        let look = t.get(j + 1).filter(|_| j + 1 < limit).map(|x| x.w);
        let Some(a) = acc.step(t[j].w, look) else {
            break;
        };
        if starts_group(acc.st, a.st) {
            before_group = best;
        }
        acc = a;
        j += 1;
        if acc.complete() {
            best = Some((acc, j));
        }
    }
    let multiplier = t.get(j).filter(|_| j < limit).is_some_and(|x| {
        matches!(
            x.w,
            W::Card(Card::Hundred | Card::Scale(_), _) | W::Dozen(_) | W::Abbr(_)
        )
    });
    match before_group {
        Some((a, end)) if multiplier && acc.in_group() => Run {
            acc: a,
            stop: end,
            best: Some((a, end)),
        },
        _ => Run { acc, stop: j, best },
    }
}

/// Whether a step from state `from` to `to` began a new group after "hundred" or a scale.
fn starts_group(from: St, to: St) -> bool {
    matches!(
        from,
        St::Hundred | St::HundredAnd | St::Scale | St::ScaleAnd
    ) && matches!(to, St::Unit | St::Teen | St::Tens | St::Num)
}

// ─────────────────────────────── readings ───────────────────────────────

/// One way to read a phrase.
#[derive(Clone, Copy, Debug)]
struct Reading {
    value: Decimal,
    prec: Option<Decimal>,
    form: Form,
    /// Index of the first token after the phrase.
    end: usize,
    /// A whole cardinal (may be a ratio's numerator).
    int: bool,
}

/// A cardinal reading of an accumulator that ended before token `end`.
fn cardinal(a: &Acc, end: usize) -> Reading {
    let int = a.int && a.st != St::Dozen;
    Reading {
        value: a.value(),
        prec: Some(a.prec),
        form: Form::Cardinal,
        end,
        int,
    }
}

/// amount = cardinal | ordinal | fraction | mixed | decimal  (the longest)
fn amount(t: &[Tok], i0: usize) -> Option<Reading> {
    let r = run(t, i0, t.len());
    let mut best = r.best.map(|(a, end)| cardinal(&a, end));
    for cand in [ending(t, i0, &r), and_fraction(t, &r), decimal(t, i0, &r)]
        .into_iter()
        .flatten()
    {
        if best.is_none_or(|b| cand.end > b.end) {
            best = Some(cand);
        }
    }
    best
}

/// What a denominator word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DenKind {
    Half,
    Quarter,
    Ordinal,
}

/// A denominator and the numerator accumulator in front of it.
struct Den {
    /// The numerator's accumulator (state `Start` when there is none).
    acc: Acc,
    den: Decimal,
    /// Index after the denominator.
    end: usize,
    singular: bool,
    kind: DenKind,
}

/// denominator = "half" | "halves" | "quarter(s)" | [tens] ordinal-word | ordinal-phrase
///
/// Looks for a denominator where the run `r` (from `i0`) stopped. A plural unit ordinal
/// joined by a dash to a tens word takes that word along ("one hundred thirty-fifths").
fn denominator(t: &[Tok], i0: usize, r: &Run) -> Option<Den> {
    let s = r.stop;
    let tok = t.get(s)?;
    let den = |acc, den, end, singular, kind| {
        Some(Den {
            acc,
            den,
            end,
            singular,
            kind,
        })
    };
    match tok.w {
        W::Half(p) => den(r.acc, TWO, s + 1, !p, DenKind::Half),
        W::Quarter(p) => den(r.acc, FOUR, s + 1, !p, DenKind::Quarter),
        W::Ord(c, p) => {
            if let Some(d) = p.then(|| hyphen_den(t, i0, s, c)).flatten() {
                return Some(d);
            }
            if matches!(c, Card::Unit(1 | 2)) {
                return None;
            }
            den(r.acc, ord_value(c)?, s + 1, !p, DenKind::Ordinal)
        }
        W::Card(c, false) if c != Card::Zero => {
            let (v, end, p) = ordinal_phrase(t, s)?;
            den(r.acc, v, end, !p, DenKind::Ordinal)
        }
        _ => None,
    }
}

/// denominator = tens ("-" | joined) unit-ordinal-plural, taken from the numerator's end.
fn hyphen_den(t: &[Tok], i0: usize, s: usize, c: Card) -> Option<Den> {
    let Card::Unit(u) = c else { return None };
    let tens = s.checked_sub(1).filter(|&k| k > i0)?;
    let W::Card(Card::Tens(x), false) = t.get(tens)?.w else {
        return None;
    };
    if !matches!(t.get(s)?.sep, Sep::Dash | Sep::Joined) {
        return None;
    }
    let r = run(t, i0, tens);
    if r.stop != tens || !(r.acc.complete() || r.acc.st == St::A) {
        return None;
    }
    let den = Decimal::from(x) + Decimal::from(u);
    Some(Den {
        acc: r.acc,
        den,
        end: s + 1,
        singular: false,
        kind: DenKind::Ordinal,
    })
}

/// The number an ordinal word stands for.
fn ord_value(c: Card) -> Option<Decimal> {
    match c {
        Card::Zero => None,
        Card::Unit(v) | Card::Teen(v) | Card::Tens(v) => Some(v.into()),
        Card::Hundred => Some(HUNDRED),
        Card::Scale(e) => Some(pow10(e)),
    }
}

/// ordinal-phrase = cardinal-words ordinal-word  ("one hundred fifth", "twenty-firsts"):
/// its value, the index after it, and whether it is plural.
fn ordinal_phrase(t: &[Tok], i: usize) -> Option<(Decimal, usize, bool)> {
    let r = run(t, i, t.len());
    let W::Ord(c, plural) = t.get(r.stop)?.w else {
        return None;
    };
    if r.stop == i {
        return None;
    }
    let a = r.acc.step(W::Card(c, false), None)?;
    Some((a.value(), r.stop + 1, plural))
}

/// ending = fraction | ordinal  (at the token where the cardinal run stopped)
fn ending(t: &[Tok], i0: usize, r: &Run) -> Option<Reading> {
    denominator(t, i0, r)
        .and_then(|d| fraction(t, &d))
        .or_else(|| ordinal(t, r))
}

/// ordinal = cardinal-words-but-last ordinal-word  ("twenty-first", "two hundredth")
fn ordinal(t: &[Tok], r: &Run) -> Option<Reading> {
    let W::Ord(c, false) = t.get(r.stop)?.w else {
        return None;
    };
    let a = r.acc.step(W::Card(c, false), None)?;
    let end = r.stop + 1;
    Some(Reading {
        value: a.value(),
        prec: Some(a.prec),
        form: Form::Ordinal,
        end,
        int: false,
    })
}

/// fraction = numerator denominator [scale-after] | "half" [scale-after] | "quarter" scale-after
///
/// A singular denominator needs a numerator of one: "a third", "one twenty-fifth",
/// "two million and one half".
fn fraction(t: &[Tok], d: &Den) -> Option<Reading> {
    if d.acc.st == St::Start {
        if !d.singular || d.kind == DenKind::Ordinal {
            return None;
        }
        if d.kind == DenKind::Quarter && scale_after(t, d.end, true).is_none() {
            return None;
        }
        return mixed(
            t,
            Mix {
                whole: ZERO,
                num: ONE,
                den: d.den,
                unit: ONE,
                group: true,
            },
            d.end,
        );
    }
    let (whole, num, unit) = split(&d.acc, d.den)?;
    if d.singular && (num != ONE || (whole.is_zero() && d.acc.words != 1)) {
        return None;
    }
    let group = d.acc.total.is_zero();
    mixed(
        t,
        Mix {
            whole,
            num,
            den: d.den,
            unit,
            group,
        },
        d.end,
    )
}

/// Splits a numerator accumulator into (whole, numerator, unit): the part after a connecting
/// "and" is a mixed number's numerator when it is smaller than the denominator.
fn split(a: &Acc, den: Decimal) -> Option<(Decimal, Decimal, Decimal)> {
    match a.st {
        St::A => Some((ZERO, ONE, ONE)),
        St::Zero | St::Dozen => None,
        _ if !a.complete() || !a.int => None,
        _ => {
            let v = a.value();
            if let Some(base) = a.and_base {
                let p = v.checked_sub(base)?;
                if p > ZERO && p < den {
                    return Some((base, p, a.and_unit));
                }
            }
            Some((ZERO, v, ONE))
        }
    }
}

/// A mixed number whole + num/den, counted in `unit`.
#[derive(Clone, Copy)]
struct Mix {
    whole: Decimal,
    num: Decimal,
    den: Decimal,
    /// What the fraction counts in: 1, or the scale before "and" ("a million and a half").
    unit: Decimal,
    /// The whole part is a bare group (no scale), so a scale after the fraction multiplies it.
    group: bool,
}

/// Values a mixed number and the scale that may follow it ("five and a half million",
/// "one billion and three quarters million", "two thirds of a million").
fn mixed(t: &[Tok], m: Mix, end: usize) -> Option<Reading> {
    let of_ok = m.whole.is_zero();
    let (value, unit, end) = match scale_after(t, end, of_ok) {
        Some((s, e)) if m.unit == ONE && (m.whole.is_zero() || m.group) => {
            let n = m.whole.checked_mul(m.den)?.checked_add(m.num)?;
            (n.checked_mul(s)?.checked_div(m.den)?, s, e)
        }
        Some((s, e)) if m.unit > ONE && s < m.unit => (
            m.whole
                .checked_add(m.num.checked_mul(s)?.checked_div(m.den)?)?,
            s,
            e,
        ),
        _ => (
            m.whole
                .checked_add(m.num.checked_mul(m.unit)?.checked_div(m.den)?)?,
            m.unit,
            end,
        ),
    };
    let (form, prec) = if unit > ONE {
        let exact = unit.checked_rem(m.den).is_some_and(|r| r.is_zero());
        (
            Form::Cardinal,
            if exact { unit.checked_div(m.den) } else { None },
        )
    } else {
        (Form::Fraction, None)
    };
    Some(Reading {
        value,
        prec,
        form,
        end,
        int: false,
    })
}

/// scale-after = ["of" "a" | "a"] (scale | "dozen")   ("of"/"a" only after a bare fraction)
fn scale_after(t: &[Tok], end: usize, of_ok: bool) -> Option<(Decimal, usize)> {
    let w = |i: usize| t.get(i).map(|x| x.w);
    let mut j = end;
    if of_ok {
        match (w(j), w(j + 1)) {
            (Some(W::Of), Some(W::A)) => j += 2,
            (Some(W::A), _) => j += 1,
            _ => {}
        }
    }
    match w(j)? {
        W::Card(Card::Scale(e), false) => Some((pow10(e), j + 1)),
        W::Abbr(Abbr::Scale(e)) if j == end => Some((pow10(e), j + 1)),
        W::Dozen(false) => Some((TWELVE, j + 1)),
        W::Abbr(Abbr::Dozen) if j == end => Some((TWELVE, j + 1)),
        _ => None,
    }
}

/// mixed = cardinal "and" simple-fraction [scale]   ("one and a half", "forty two and a third")
fn and_fraction(t: &[Tok], r: &Run) -> Option<Reading> {
    let s = r.stop;
    if t.get(s)?.w != W::And {
        return None;
    }
    let (whole, end) = r.best?;
    if end != s || !whole.int {
        return None;
    }
    let unit = match whole.st {
        St::Scale => whole.last_scale,
        St::Dozen => TWELVE,
        _ if whole.in_group() => ONE,
        _ => return None,
    };
    let r2 = run(t, s + 1, t.len());
    let d = denominator(t, s + 1, &r2)?;
    let num = match d.acc.st {
        St::A => ONE,
        _ if d.acc.complete() && d.acc.int && d.acc.and_base.is_none() => d.acc.value(),
        _ => return None,
    };
    if num <= ZERO || num >= d.den || (d.singular && num != ONE) || d.acc.st == St::Zero {
        return None;
    }
    let group = whole.total.is_zero() && unit == ONE;
    mixed(
        t,
        Mix {
            whole: whole.value(),
            num,
            den: d.den,
            unit,
            group,
        },
        d.end,
    )
}

/// decimal = [cardinal] "point" decimal-digits [scale | "hundred"]
fn decimal(t: &[Tok], i0: usize, r: &Run) -> Option<Reading> {
    let s = r.stop;
    if t.get(s)?.w != W::Point {
        return None;
    }
    let whole = if s == i0 {
        ZERO
    } else {
        let (a, end) = r.best?;
        let ok = matches!(
            a.st,
            St::Unit | St::Teen | St::Tens | St::TensUnit | St::Hundred | St::Zero | St::Num
        );
        if end != s || !a.int || !ok {
            return None;
        }
        a.value()
    };
    let (mant, k, mut end) = decimal_digits(t, s + 1)?;
    let mut value = whole.checked_add(Decimal::try_from_i128_with_scale(mant, k).ok()?)?;
    let mut prec = Decimal::try_new(1, k).ok()?;
    let scale = match t.get(end).map(|x| x.w) {
        Some(W::Card(Card::Scale(e), _) | W::Abbr(Abbr::Scale(e))) => Some(pow10(e)),
        Some(W::Card(Card::Hundred, false)) => Some(HUNDRED),
        _ => None,
    };
    if let Some(s) = scale {
        value = value.checked_mul(s)?;
        prec = prec.checked_mul(s)?;
        end += 1;
    }
    Some(Reading {
        value,
        prec: Some(prec),
        form: Form::Cardinal,
        end,
        int: false,
    })
}

/// decimal-digits = numeral | { digit-word | teen | tens [unit] }
///
/// "zero three" → 03, "seventy-one" → 71, "nought four" → 04, "77" → 77: the mantissa, the
/// digit count and the index after the digits.
fn decimal_digits(t: &[Tok], start: usize) -> Option<(i128, u32, usize)> {
    let (mut mant, mut k, mut j) = (0i128, 0u32, start);
    while let Some(tok) = t.get(j) {
        let next = t.get(j + 1).map(|x| x.w);
        let (d, n, adv) = match tok.w {
            W::Card(Card::Zero, false) | W::Oh => (0, 1, 1),
            W::Card(Card::Unit(u), false) => (i128::from(u), 1, 1),
            W::Card(Card::Teen(x), false) => (i128::from(x), 2, 1),
            W::Card(Card::Tens(x), false) => match next {
                Some(W::Card(Card::Unit(u), false)) => (i128::from(x + u), 2, 2),
                _ => (i128::from(x), 2, 1),
            },
            W::Num(a) if j == start && a.int && a.digits > 0 => {
                (a.value.mantissa(), u32::from(a.digits), 1)
            }
            _ => break,
        };
        if k + n > 24 {
            break;
        }
        mant = mant.checked_mul(10i128.pow(n))?.checked_add(d)?;
        k += n;
        j += adv;
        if matches!(tok.w, W::Num(_)) {
            break;
        }
    }
    (k > 0).then_some((mant, k, j))
}

/// The unit a plural word stands for in a vague amount ("tens" 10, "dozens" 12, "hundreds"
/// 100, "thousands" 1000 …).
fn plural_unit(w: W) -> Option<Decimal> {
    match w {
        W::Card(Card::Teen(10), true) => Some(TEN),
        W::Card(Card::Hundred, true) => Some(HUNDRED),
        W::Card(Card::Scale(e), true) => Some(pow10(e)),
        W::Dozen(true) => Some(TWELVE),
        _ => None,
    }
}

/// vague = plural-unit ["of" plural-scale]
///       | ("several" | "a few" | "few" | "a couple" ["of"]) (hundred | scale | dozen)
///
/// Value = the lower bound: "dozens" 24, "tens of thousands" 20000, "several hundred" 300.
fn vague(t: &[Tok], i0: usize) -> Option<Reading> {
    let w = |i: usize| t.get(i).map(|x| x.w);
    let out = |value, end| {
        Some(Reading {
            value,
            prec: None,
            form: Form::Vague,
            end,
            int: false,
        })
    };
    if let Some(u1) = w(i0).and_then(plural_unit) {
        if let (Some(W::Of), Some(w2)) = (w(i0 + 1), w(i0 + 2)) {
            let big = matches!(w2, W::Card(Card::Hundred | Card::Scale(_), true));
            if let Some(u2) = plural_unit(w2).filter(|&u2| big && u2 > u1) {
                return out(TWO.checked_mul(u1)?.checked_mul(u2)?, i0 + 3);
            }
        }
        return out(TWO.checked_mul(u1)?, i0 + 1);
    }
    let mut j = i0;
    if w(j) == Some(W::A) {
        j += 1;
    }
    let Some(W::Several(k)) = w(j) else {
        return None;
    };
    j += 1;
    if w(j) == Some(W::Of) {
        j += 1;
    }
    let unit = match w(j)? {
        W::Card(Card::Hundred, false) => HUNDRED,
        W::Card(Card::Scale(e), false) => pow10(e),
        W::Dozen(false) => TWELVE,
        _ => return None,
    };
    out(unit.checked_mul(k.into())?, j + 1)
}

/// Lower-case copy of the word after `pos` (after white space only), if any.
fn next_word(src: &str, pos: usize) -> Option<([u8; MAX_WORD], usize)> {
    let b = src.as_bytes().get(pos..)?;
    let skip = b
        .iter()
        .take_while(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
        .count();
    let word = &b[skip..];
    let n = word.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if n == 0 {
        return None;
    }
    lower(&word[..n])
}

/// Whether "double"/"triple" ending at `pos` is a multiple: followed by the end of the text,
/// punctuation, or a determiner / preposition ("double the", "triple in", "double its").
fn mult_context(src: &str, pos: usize) -> bool {
    match src.as_bytes().get(pos) {
        None => true,
        Some(b' ' | b'\t' | b'\n' | b'\r') => match next_word(src, pos) {
            Some((buf, n)) => matches!(
                &buf[..n],
                b"the"
                    | b"that"
                    | b"this"
                    | b"these"
                    | b"those"
                    | b"its"
                    | b"his"
                    | b"her"
                    | b"their"
                    | b"our"
                    | b"your"
                    | b"my"
                    | b"what"
                    | b"in"
                    | b"to"
                    | b"by"
                    | b"from"
                    | b"over"
                    | b"since"
                    | b"or"
            ),
            None => !src[pos..]
                .trim_start()
                .starts_with(|c: char| c.is_alphanumeric()),
        },
        Some(b'-') => false,
        Some(c) => c.is_ascii_punctuation(),
    }
}

/// The factor of "double", "triple", "treble", "quadruple", "quintuple" (any case), for the
/// scanner, which reads them as verbs after "to" or a modal whatever follows.
pub fn multiple_word(word: &str) -> Option<u8> {
    match lookup(word.as_bytes())? {
        W::Mult(k) => Some(k),
        _ => None,
    }
}

/// multiple-word = "twice" | ("double" | "triple" | …) &context
fn mult_word(src: &str, t: &[Tok], i0: usize) -> Option<Reading> {
    let tok = t.get(i0)?;
    // A verb's factor is exact: no last digit stands for a rounding.
    let (value, prec) = match tok.w {
        W::Twice => (TWO, Some(ONE)),
        W::Mult(k) if mult_context(src, tok.end) => (Decimal::from(k), Some(ONE)),
        W::MultVerb(n, d) => (Decimal::from(n).checked_div(Decimal::from(d))?, None),
        _ => return None,
    };
    Some(Reading {
        value,
        prec,
        form: Form::Multiple,
        end: i0 + 1,
        int: false,
    })
}

/// times = "times" &comparative   ("three times as many", "ten times the size")
fn times(src: &str, t: &[Tok], n: &Reading) -> Option<Reading> {
    let tok = t.get(n.end)?;
    if tok.w != W::Times {
        return None;
    }
    let (buf, len) = next_word(src, tok.end)?;
    let ok = matches!(
        &buf[..len],
        b"as"
            | b"the"
            | b"more"
            | b"less"
            | b"fewer"
            | b"larger"
            | b"higher"
            | b"bigger"
            | b"greater"
            | b"smaller"
            | b"lower"
            | b"faster"
            | b"slower"
            | b"longer"
            | b"shorter"
            | b"wider"
            | b"heavier"
            | b"lighter"
            | b"cheaper"
            | b"costlier"
            | b"likelier"
            | b"deadlier"
            | b"older"
            | b"younger"
            | b"richer"
            | b"poorer"
            | b"stronger"
            | b"weaker"
            | b"that"
            | b"this"
            | b"those"
            | b"these"
            | b"its"
            | b"his"
            | b"her"
            | b"their"
            | b"our"
            | b"your"
            | b"my"
            | b"what"
    );
    ok.then_some(Reading {
        form: Form::Multiple,
        end: n.end + 1,
        int: false,
        ..*n
    })
}

/// fold = ("-" | joined) "fold"   ("tenfold", "three-fold", "2-fold")
fn fold(t: &[Tok], n: &Reading) -> Option<Reading> {
    let tok = t.get(n.end)?;
    let ok = tok.w == W::Fold && matches!(tok.sep, Sep::Dash | Sep::Joined);
    ok.then_some(Reading {
        form: Form::Multiple,
        end: n.end + 1,
        int: false,
        ..*n
    })
}

/// ratio = "over" integer | ("in" | "out" "of") ["every"] integer | "of" "every" integer
///
/// The numerator must not exceed the denominator ("12 in six boxes" is two numbers);
/// "in" before a year-like numeral is no ratio.
fn ratio(t: &[Tok], n: &Reading) -> Option<Reading> {
    let w = |i: usize| t.get(i).map(|x| x.w);
    let (over, mut k) = match (w(n.end)?, w(n.end + 1)) {
        (W::Over, _) => (true, n.end + 1),
        (W::In, _) => (false, n.end + 1),
        (W::Out, Some(W::Of)) => (false, n.end + 2),
        (W::Of, Some(W::Every)) => (false, n.end + 1),
        _ => return None,
    };
    if !over && w(k) == Some(W::Every) {
        k += 1;
    }
    let (a, end) = run(t, k, t.len()).best?;
    let den = a.value();
    if !a.int || den <= ZERO || n.value > den || a.st == St::Zero {
        return None;
    }
    if let (false, Some(W::Num(x))) = (over, w(k)) {
        let year = x.digits == 4 && (Decimal::from(1900)..=Decimal::from(2099)).contains(&x.value);
        if year && end == k + 1 {
            return None;
        }
    }
    let value = n.value.checked_div(den)?;
    Some(Reading {
        value,
        prec: None,
        form: Form::Fraction,
        end,
        int: false,
    })
}

/// phrase = vague | multiple-word | amount [ratio | times | fold]
fn unsigned(src: &str, t: &[Tok], i0: usize) -> Option<Reading> {
    if let Some(v) = vague(t, i0).or_else(|| mult_word(src, t, i0)) {
        return Some(v);
    }
    let n = amount(t, i0)?;
    if n.int
        && n.form == Form::Cardinal
        && let Some(r) = ratio(t, &n)
    {
        return Some(r);
    }
    if matches!(n.form, Form::Cardinal | Form::Fraction)
        && let Some(m) = times(src, t, &n)
            .or_else(|| fold(t, &n))
            .or_else(|| as_many(src, t, &n))
    {
        return Some(m);
    }
    Some(n)
}

/// multiple = fraction &"as"   ("half as many", "a third as large": the factor)
fn as_many(src: &str, t: &[Tok], n: &Reading) -> Option<Reading> {
    let last = t.get(n.end.checked_sub(1)?)?;
    let (buf, len) = next_word(src, last.end)?;
    let ok = n.form == Form::Fraction && &buf[..len] == b"as";
    ok.then_some(Reading {
        form: Form::Multiple,
        ..*n
    })
}

/// phrase = sign amount-or-ratio | unsigned
fn phrase(src: &str, t: &[Tok]) -> Option<Reading> {
    if t.first()?.w != W::Minus {
        return unsigned(src, t, 0);
    }
    let n = unsigned(src, t, 1)?;
    if !matches!(n.form, Form::Cardinal | Form::Fraction) {
        return None;
    }
    Some(Reading {
        value: -n.value,
        ..n
    })
}

/// The [`Spelled`] for a reading of `t`.
fn spelled(t: &[Tok], n: &Reading) -> Option<Spelled> {
    let last = t.get(n.end.checked_sub(1)?)?;
    Some(Spelled {
        len: last.end,
        value: n.value.normalize(),
        precision: n.prec.map(|p| p.normalize()),
        form: n.form,
    })
}

// ─────────────────────────────── API ───────────────────────────────

/// Parses an English spelled number at the start of `input` (which starts at a word boundary).
pub fn parse(input: &str) -> Option<Spelled> {
    if hopeless(input) {
        return None;
    }
    let mut toks = Toks::new();
    lex(input, 0, &mut toks, false);
    let t = toks.as_slice();
    let first = t.first()?;
    let n = phrase(input, t)?;
    if matches!(first.w, W::Num(_)) && n.end <= 1 {
        return None;
    }
    spelled(t, &n)
}

/// Rejects the commonest non-numbers before building a token list: "a", "an", "point",
/// "minus", "several", "few" followed by a word that cannot continue them ("a house",
/// "at this point of").
fn hopeless(input: &str) -> bool {
    let b = input.as_bytes();
    let n = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let Some((first, _)) = lex_word(&b[..n]) else {
        return false;
    };
    let follows: fn(W) -> bool = match first {
        W::A => follows_a,
        W::Point => |w| {
            matches!(
                w,
                W::Card(
                    Card::Zero | Card::Unit(_) | Card::Teen(_) | Card::Tens(_),
                    false
                ) | W::Oh
            )
        },
        W::Minus => starts,
        W::Several(_) => |w| {
            matches!(
                w,
                W::Card(Card::Hundred | Card::Scale(_), false) | W::Dozen(false) | W::Of
            )
        },
        _ => return false,
    };
    let Some((_, p)) = separator(b, n) else {
        return true;
    };
    let next = &b[p..];
    if next.first().is_some_and(u8::is_ascii_digit) {
        return !matches!(first, W::Point | W::Minus);
    }
    let m = next.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    !matches!(lex_word(&next[..m]), Some((w, _)) if follows(w))
}

/// Whether a token can follow a leading "a"/"an" in a number ("a hundred", "a third").
const fn follows_a(w: W) -> bool {
    matches!(
        w,
        W::Card(Card::Hundred | Card::Scale(_) | Card::Tens(_), false)
            | W::Ord(..)
            | W::Dozen(false)
            | W::Half(false)
            | W::Quarter(false)
            | W::Several(_)
    )
}

/// Continues a phrase whose first part was a numeral already read (value `value`, precision
/// `precision`): `rest` is the text right after the numeral, e.g. " hundred and 21",
/// " million and a half", " dozens". Returns the whole phrase's value; `len` counts bytes of `rest`.
pub fn continue_after(value: Decimal, precision: Decimal, rest: &str) -> Option<Spelled> {
    // Only a word or a numeral after the separator can go on with the numeral ("5, 6" cannot).
    let b = rest.as_bytes();
    if !separator(b, 0).is_some_and(|(_, p)| b.get(p).is_some_and(u8::is_ascii_alphanumeric)) {
        return None;
    }
    let negative = value.is_sign_negative() && !value.is_zero();
    let value = value.abs();
    let int = value.is_integer() && precision >= ONE;
    let atom = Atom {
        value,
        prec: precision,
        int,
        digits: 0,
    };
    let mut toks = Toks::new();
    toks.push(W::Num(atom), 0, Sep::None);
    lex(rest, 0, &mut toks, true);
    if toks.n == 1 {
        return None; // no number word follows the numeral
    }
    let t = toks.as_slice();
    // A decimal numeral only scales ("1.7 million"); the words after it that add to it
    // ("1.7 million four years ago") are a number of their own.
    let scales_only = |n: &Reading| {
        int || n
            .value
            .checked_div(value)
            .is_some_and(|f| f.fract().is_zero())
    };
    let mut n = (2..=t.len())
        .rev()
        .filter_map(|k| phrase(rest, &t[..k]))
        .find(scales_only)?;
    if n.end <= 1 || (negative && n.form == Form::Ordinal) {
        return None;
    }
    if negative {
        n.value = -n.value;
    }
    spelled(t, &n)
}

/// Whether a word (as written, any case) can start an English spelled number (cheap pre-filter the
/// scanner calls on every word before calling [`parse`]).
///
/// Only the word's leading ASCII letters are looked at ("twenty-one" → "twenty"); a word that
/// goes on with other letters ("oneé") gives `false`. Numerals give `false`: the scanner reads
/// them and asks [`continue_after`].
pub fn may_start(word: &str) -> bool {
    let b = word.as_bytes();
    let letter = |i: usize| b.get(i).copied().filter(u8::is_ascii_alphabetic);
    let Some(c0) = letter(0) else { return false };
    if !may_start_prefix(c0, letter(1), letter(2)) {
        return false;
    }
    if letter(1).is_none() {
        return true; // "a"
    }
    let n = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    boundary(word, n) && matches!(lex_word(&b[..n]), Some((w, _)) if starts(w))
}

/// The first test of [`may_start`], on the first three bytes alone: whether a word that begins
/// with the ASCII letters `c0`, `c1`, `c2` (any case; `None` where the word has no ASCII letter
/// at that place) may start a phrase. The scanner builds its per-word gate from it.
pub fn may_start_prefix(c0: u8, c1: Option<u8>, c2: Option<u8>) -> bool {
    let index = |c: u8| (c | 0x20) - b'a';
    let Some(c1) = c1 else { return index(c0) == 0 };
    let c2 = c2.map_or(26, index);
    STARTS[usize::from(index(c0)) * 27 + usize::from(c2)] & (1 << index(c1)) != 0
}

/// Whether a word that begins with the ASCII letters `c0`, `c1`, `c2` (any case; `None` past
/// its end) may follow "a" or "an" in a phrase ("a hundred", "a third"): before any other
/// word, [`parse`] finds no number at "a" or "an". The scanner uses it to pass over "a house".
pub fn may_follow_a_prefix(c0: u8, c1: Option<u8>, c2: Option<u8>) -> bool {
    let index = |c: u8| usize::from((c | 0x20) - b'a');
    let (c1, c2) = (c1.map_or(26, index), c2.map_or(26, index));
    FOLLOWS_A[index(c0) * 27 + c2] >> c1 & 1 != 0
}

/// The first three letters of every word that may follow "a" in a phrase, laid out as
/// [`STARTS`] (bit 26: no second letter). A joined form begins with its first word, so a word
/// shorter than three letters admits whatever letters follow it.
static FOLLOWS_A: [u32; 26 * 27] = {
    let mut rows = [0u32; 26 * 27];
    let mut i = 0;
    while i < WORDS.len() {
        let (w, x) = WORDS[i];
        if follows_a(x) {
            let c0 = (w[0] - b'a') as usize;
            let mut c2 = 0;
            while c2 < 27 {
                let bits = match w.len() {
                    1 => (1 << 27) - 1,
                    2 => 1 << (w[1] - b'a'),
                    _ if c2 == (w[2] - b'a') as usize => 1 << (w[1] - b'a'),
                    _ => 0,
                };
                rows[c0 * 27 + c2] |= bits;
                c2 += 1;
            }
        }
        i += 1;
    }
    rows
};

/// The first three letters of every word that may start a phrase: bit `c1` of entry
/// `c0 * 27 + c2` is set when letters `c0`, `c1`, `c2` (0 = "a"; `c2` = 26: no third letter)
/// begin one. Joined forms ("twentyfifth", "tenfold") begin like their first word.
static STARTS: [u32; 26 * 27] = {
    let mut rows = [0u32; 26 * 27];
    let mut i = 0;
    while i < WORDS.len() {
        let (w, x) = WORDS[i];
        if w.len() >= 2 && starts(x) {
            let c2 = if w.len() > 2 {
                (w[2] - b'a') as usize
            } else {
                26
            };
            rows[(w[0] - b'a') as usize * 27 + c2] |= 1 << (w[1] - b'a');
        }
        i += 1;
    }
    rows
};

/// Whether a phrase may begin with this token.
const fn starts(w: W) -> bool {
    matches!(
        w,
        W::Card(..)
            | W::Ord(_, false)
            | W::Dozen(_)
            | W::Half(false)
            | W::Quarter(false)
            | W::A
            | W::Point
            | W::Minus
            | W::Twice
            | W::Mult(_)
            | W::MultVerb(..)
            | W::Several(_)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    /// A decimal literal.
    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// Asserts that `parse(input)` covers `covered` (a prefix of `input`) with `value`, `form`.
    #[track_caller]
    fn check(input: &str, covered: &str, value: &str, form: Form) {
        let s = parse(input).unwrap_or_else(|| panic!("no number in {input:?}"));
        assert_eq!(&input[..s.len], covered, "span of {input:?}");
        assert_eq!(s.value, d(value), "value of {input:?}");
        assert_eq!(s.form, form, "form of {input:?}");
    }

    /// Asserts a whole-input cardinal.
    #[track_caller]
    fn card(input: &str, value: &str) {
        check(input, input, value, Form::Cardinal);
    }

    /// Asserts a whole-input fraction.
    #[track_caller]
    fn frac(input: &str, value: &str) {
        check(input, input, value, Form::Fraction);
    }

    /// Asserts a whole-input ordinal.
    #[track_caller]
    fn ord(input: &str, value: &str) {
        check(input, input, value, Form::Ordinal);
    }

    /// Precision of `parse(input)`.
    fn prec(input: &str) -> Option<Decimal> {
        parse(input).and_then(|s| s.precision)
    }

    /// `continue_after(value, precision, rest)` as (value, len, form).
    fn cont(value: &str, precision: &str, rest: &str) -> Option<(Decimal, usize, Form)> {
        continue_after(d(value), d(precision), rest).map(|s| (s.value, s.len, s.form))
    }

    #[test]
    fn units_teens_tens() {
        card("zero", "0");
        card("nought", "0");
        card("naught", "0");
        card("nil", "0");
        card("one", "1");
        card("seven", "7");
        card("ten", "10");
        card("sixteen", "16");
        card("seventy", "70");
        card("fifty-two", "52");
        card("fifty - two", "52");
        card("fifty   two", "52");
        card("twenty—two", "22");
        card("ninety-nine", "99");
        card("ONE TwentY tWO", "122");
        card("one twenty two", "122");
    }

    #[test]
    fn hundreds_and_scales() {
        card("one hundred and six", "106");
        card("one hundred and sixty-one", "161");
        card("Three hundred  and  thirty one", "331");
        card("nine hundred ninety-nine", "999");
        card("a hundred", "100");
        card("hundred", "100");
        card("a thousand", "1000");
        card("hundred thousand", "100000");
        card("two Hundred thousand", "200000");
        card("two hundred and two thousand", "202000");
        card("two  thousand  and  two hundred", "2200");
        card("twenty-one thousand Eleven", "21011");
        card("seven hundred twenty-one thousand and twelve", "721012");
        card(
            "thirty-one million two hundred fifty-six thousand seven hundred twenty-one",
            "31256721",
        );
        card("twenty-one trillion and three hundred", "21000000000300");
        card("minus three million two hundred thousand", "-3200000");
        card("three billions", "3000000000");
        card("three thousand millions", "3000000000");
        card("twenty six million and seventy two hundred", "26007200");
        card("twenty-five hundred", "2500");
        card("a million and one", "1000001");
        card("million", "1000000");
    }

    #[test]
    fn indian_scales() {
        card("three lakh crore", "3000000000000");
        card(
            "three crore twelve lakh fifty-six thousand seven hundred twenty-one",
            "31256721",
        );
        card(
            "three cr twelve lac fifty-six thousand seven hundred twenty-one",
            "31256721",
        );
        card("three hundred crores", "3000000000");
        card("three hundred koti", "3000000000");
        card("five lakhs", "500000");
    }

    #[test]
    fn dozens() {
        card("a dozen", "12");
        card("two dozen", "24");
        card("three dozens", "36");
        card("two hundred dozens", "2400");
        card("three hundred and two dozens", "324");
        card("half a  dozen", "6");
        card("a half dozen", "6");
        check("a dozen of eggs", "a dozen", "12", Form::Cardinal);
    }

    #[test]
    fn decimals() {
        card("two hundred point zero three", "200.03");
        card("two hundred point seventy-one", "200.71");
        card("nine point nought four", "9.04");
        card("nought point eleven", "0.11");
        card("point 77", "0.77");
        card("point 05", "0.05");
        card("point five seven", "0.57");
        card("two point two million", "2200000");
        card("naught point five", "0.5");
        card("minus five point five", "-5.5");
        assert_eq!(prec("two point five"), Some(d("0.1")));
        assert_eq!(prec("two point two million"), Some(d("100000")));
        check("one point of view", "one", "1", Form::Cardinal);
    }

    #[test]
    fn negatives() {
        card("minus one", "-1");
        card("negative five hundred and four", "-504");
        card("minus 5", "-5");
        card("negative 1200000", "-1200000");
        card("minus 1,200,000", "-1200000");
        frac("negative one over 20", "-0.05");
        frac("minus ninety - five hundred fifths", "-1900");
        assert_eq!(parse("minus"), None);
        assert_eq!(parse("negative feedback"), None);
    }

    #[test]
    fn fractions() {
        frac("a half", "0.5");
        frac("half", "0.5");
        frac("one half", "0.5");
        frac("one and a half", "1.5");
        frac("a third", "0.3333333333333333333333333333");
        frac("two thirds", "0.6666666666666666666666666667");
        frac("three quarters", "0.75");
        frac("one eighth", "0.125");
        frac("five - eighths", "0.625");
        frac("one-eighth", "0.125");
        frac("one - fourth", "0.25");
        frac("three halves", "1.5");
        frac("twenty-three fifths", "4.6");
        frac("twenty and three fifths", "20.6");
        frac("twenty fifths", "4");
        frac("twenty one fifths", "4.2");
        frac("a hundredth", "0.01");
        frac("one hundredth", "0.01");
        frac("two and fifty-four hundredths", "2.54");
        frac("two hundred and fifty-four hundredths", "200.54");
        frac("one hundred and three quarters", "100.75");
        frac("one hundred and thirty-two fifths", "26.4");
        frac("one hundred and thirty and two fifths", "130.4");
        frac(
            "one hundred thirty-fifths",
            "2.8571428571428571428571428571",
        );
        frac("a trillionth", "0.000000000001");
        frac("a hundred trillionths", "0.0000000001");
        frac("a hundred thousand trillionths", "0.0000001");
        frac("a twenty-first", "0.0476190476190476190476190476");
        frac("one twenty-fifth", "0.04");
        frac("three twenty-firsts", "0.1428571428571428571428571429");
        frac("three twenty firsts", "0.1428571428571428571428571429");
        frac("twenty twenty fifths", "0.8");
        frac(
            "one one hundred and fifth",
            "0.0095238095238095238095238095",
        );
        frac(
            "one million two thousand two hundred three fifths",
            "200440.6",
        );
        frac("forty two and a third", "42.333333333333333333333333333");
        frac(
            "two hundred thirty two and a thirtieth",
            "232.03333333333333333333333333",
        );
        frac(
            "one hundred and three and two thirds",
            "103.66666666666666666666666667",
        );
        frac("three and one fourth", "3.25");
        check("five eighths of", "five eighths", "0.625", Form::Fraction);
        check("half people", "half", "0.5", Form::Fraction);
    }

    #[test]
    fn ratios() {
        frac("one over three", "0.3333333333333333333333333333");
        frac("1 over 3", "0.3333333333333333333333333333");
        frac("one over 20", "0.05");
        frac(
            "1 over one hundred and twenty one",
            "0.0082644628099173553719008264",
        );
        frac("one in five", "0.2");
        frac("1 in twenty-one", "0.0476190476190476190476190476");
        frac("one out of three", "0.3333333333333333333333333333");
        frac("two out of five hundred", "0.004");
        frac("two out of five hundreds", "0.004");
        frac("one in every four", "0.25");
        frac("one in a million", "0.000001");
        check("five out of three pieces", "five", "5", Form::Cardinal);
        check("one in 2019", "one", "1", Form::Cardinal);
        check("one in the morning", "one", "1", Form::Cardinal);
    }

    #[test]
    fn scaled_fractions_are_amounts() {
        card("half million", "500000");
        card("Half million", "500000");
        card("quarter million", "250000");
        card("half a million", "500000");
        card("two thirds of a million", "666666.66666666666666666666667");
        card("one billion and three quarters million", "1000750000");
        card("one billion and a half million", "1000500000");
        card("five and a half million", "5500000");
        card("two and a half million", "2500000");
        card("one and a half million", "1500000");
        card("one million and a half", "1500000");
        card("a million and a half", "1500000");
        card("two million and one half", "2500000");
        card("five billion and three quarters", "5750000000");
        card(
            "six million and two thirds",
            "6666666.6666666666666666666667",
        );
        card(
            "nine million and five ninths",
            "9555555.555555555555555555556",
        );
        card("minus a million and a half", "-1500000");
        assert_eq!(prec("two and a half million"), Some(d("500000")));
        assert_eq!(prec("two thirds of a million"), None);
        assert_eq!(prec("a half"), None);
    }

    #[test]
    fn ordinals() {
        ord("first", "1");
        ord("second", "2");
        ord("third", "3");
        ord("eleventh", "11");
        ord("twentieth", "20");
        ord("twenty-fifth", "25");
        ord("twenty—fifth", "25");
        ord("twenty fifth", "25");
        ord("twentyfifth", "25");
        ord("thirtyfirst", "31");
        ord("fortysecond", "42");
        ord("seventythird", "73");
        ord("one hundred twenty fifth", "125");
        ord("one hundred twenty-fifth", "125");
        ord("one hundred and first", "101");
        ord("two hundredth", "200");
        ord("trillionth", "1000000000000");
        ord("three trillionth", "3000000000000");
        ord("a hundred trillionth", "100000000000000");
        ord(
            "twenty-one trillion and three hundred twenty second",
            "21000000000322",
        );
        ord("Nineth", "9");
        check("second!", "second", "2", Form::Ordinal);
        check("second half", "second", "2", Form::Ordinal);
        check("first quarter", "first", "1", Form::Ordinal);
        assert_eq!(prec("twenty-first"), Some(d("1")));
    }

    #[test]
    fn time_words_are_not_fractions() {
        assert_eq!(parse("seconds"), None);
        assert_eq!(parse("a second"), None);
        assert_eq!(parse("a first for the company"), None);
        check("one second later", "one", "1", Form::Cardinal);
        check("twenty seconds", "twenty", "20", Form::Cardinal);
        assert_eq!(parse("fifths"), None);
    }

    #[test]
    fn multiples() {
        check("twice as many", "twice", "2", Form::Multiple);
        check("double the price", "double", "2", Form::Multiple);
        // Verb forms multiply wherever they stand.
        check("doubled in size", "doubled", "2", Form::Multiple);
        check("Doubling funding", "Doubling", "2", Form::Multiple);
        check("tripled since", "tripled", "3", Form::Multiple);
        check("quadrupled", "quadrupled", "4", Form::Multiple);
        check("halve emissions", "halve", "0.5", Form::Multiple);
        check("halved.", "halved", "0.5", Form::Multiple);
        check("halving costs", "halving", "0.5", Form::Multiple);
        check("double. Then", "double", "2", Form::Multiple);
        check("double.", "double", "2", Form::Multiple);
        check("triple that", "triple", "3", Form::Multiple);
        check("tenfold", "tenfold", "10", Form::Multiple);
        check("threefold increase", "threefold", "3", Form::Multiple);
        check("three-fold", "three-fold", "3", Form::Multiple);
        check("three times as many", "three times", "3", Form::Multiple);
        check("ten times more", "ten times", "10", Form::Multiple);
        check(
            "two and a half times the size",
            "two and a half times",
            "2.5",
            Form::Multiple,
        );
        check("ten times.", "ten", "10", Form::Cardinal);
        check("three times a day", "three", "3", Form::Cardinal);
        assert_eq!(parse("double room"), None);
        assert_eq!(parse("double-digit"), None);
    }

    #[test]
    fn vague() {
        check("dozens of eggs", "dozens", "24", Form::Vague);
        check("hundreds of people", "hundreds", "200", Form::Vague);
        check("thousands of people", "thousands", "2000", Form::Vague);
        check(
            "tens of thousands of people",
            "tens of thousands",
            "20000",
            Form::Vague,
        );
        check(
            "hundreds of thousands",
            "hundreds of thousands",
            "200000",
            Form::Vague,
        );
        check("millions of dollars", "millions", "2000000", Form::Vague);
        check(
            "several hundred years",
            "several hundred",
            "300",
            Form::Vague,
        );
        check("a few thousand", "a few thousand", "2000", Form::Vague);
        assert_eq!(parse("a few"), None);
        assert_eq!(parse("a couple"), None);
        assert_eq!(parse("several people"), None);
        assert_eq!(prec("dozens"), None);
    }

    #[test]
    fn non_numbers() {
        for s in [
            "someone",
            "often",
            "tension",
            "a house",
            "an apple",
            "a",
            "an",
            "may",
            "last",
            "next",
            "single",
            "a pair",
            "oneself",
            "nonetheless",
            "pointless",
            "point of view",
            "quarter",
            "the quarter",
            "halfway",
            "fold",
            "and",
            "of",
            "times",
            "",
        ] {
            assert_eq!(parse(s), None, "{s:?}");
        }
        check("one of the", "one", "1", Form::Cardinal);
        check("one you mentioned", "one", "1", Form::Cardinal);
        check("one, two, three", "one", "1", Form::Cardinal);
        check("one two and three", "one", "1", Form::Cardinal);
        check("twenty thirty", "twenty", "20", Form::Cardinal);
        check(
            "twenty five and thirty six",
            "twenty five",
            "25",
            Form::Cardinal,
        );
        check("three-nought-four", "three", "3", Form::Cardinal);
        check("ten-year-old", "ten", "10", Form::Cardinal);
        check("one's", "one", "1", Form::Cardinal);
        check("two and a previous version", "two", "2", Form::Cardinal);
    }

    #[test]
    fn ranges_keep_both_numbers() {
        check(
            "3 hundred and 2 hundred",
            "3 hundred",
            "300",
            Form::Cardinal,
        );
        check(
            "one hundred and two hundred",
            "one hundred",
            "100",
            Form::Cardinal,
        );
        check(
            "five thousand four thousand",
            "five thousand",
            "5000",
            Form::Cardinal,
        );
    }

    #[test]
    fn numerals_in_phrases() {
        card("4 thousand 3 hundred and 21", "4321");
        card("3 hundred and 21", "321");
        card("322 hundred", "32200");
        assert_eq!(parse("5"), None);
        assert_eq!(parse("5 apples"), None);
        assert_eq!(parse("1.5"), None);
    }

    #[test]
    fn continue_after_numerals() {
        let f = |v: &str| d(v);
        assert_eq!(
            cont("3", "1", " hundred and 21"),
            Some((f("321"), 15, Form::Cardinal))
        );
        assert_eq!(
            cont("4", "1", " thousand 3 hundred and 21"),
            Some((f("4321"), 26, Form::Cardinal))
        );
        assert_eq!(
            cont("13", "1", " lakh"),
            Some((f("1300000"), 5, Form::Cardinal))
        );
        assert_eq!(
            cont("6", "1", " crore and two hundred"),
            Some((f("60000200"), 22, Form::Cardinal))
        );
        assert_eq!(
            cont("3", "1", " million and a half"),
            Some((f("3500000"), 19, Form::Cardinal))
        );
        assert_eq!(
            cont("3", "1", " million and a quarter"),
            Some((f("3250000"), 22, Form::Cardinal))
        );
        assert_eq!(
            cont("3", "1", " dozens"),
            Some((f("36"), 7, Form::Cardinal))
        );
        assert_eq!(cont("3", "1", " dzs"), Some((f("36"), 4, Form::Cardinal)));
        assert_eq!(
            cont("322", "1", " hundred"),
            Some((f("32200"), 8, Form::Cardinal))
        );
        assert_eq!(
            cont("2.12", "0.01", " hundred"),
            Some((f("212"), 8, Form::Cardinal))
        );
        assert_eq!(
            cont("1", "1", " point 1"),
            Some((f("1.1"), 8, Form::Cardinal))
        );
        let third = f("0.3333333333333333333333333333");
        assert_eq!(cont("1", "1", " over 3"), Some((third, 7, Form::Fraction)));
        let twenty_first = f("0.0476190476190476190476190476");
        assert_eq!(
            cont("1", "1", " in twenty-one"),
            Some((twenty_first, 14, Form::Fraction))
        );
        assert_eq!(
            cont("3", "1", " out of 4"),
            Some((f("0.75"), 9, Form::Fraction))
        );
        assert_eq!(
            cont("3", "1", " times as many"),
            Some((f("3"), 6, Form::Multiple))
        );
        assert_eq!(
            cont("3", "1", " times the"),
            Some((f("3"), 6, Form::Multiple))
        );
        assert_eq!(
            cont("3", "1", " times more"),
            Some((f("3"), 6, Form::Multiple))
        );
        assert_eq!(
            cont("3", "1", " times higher"),
            Some((f("3"), 6, Form::Multiple))
        );
        assert_eq!(cont("2", "1", "-fold"), Some((f("2"), 5, Form::Multiple)));
        assert_eq!(cont("10", "1", "k"), Some((f("10000"), 1, Form::Cardinal)));
        assert_eq!(
            cont("3", "1", "bn"),
            Some((f("3000000000"), 2, Form::Cardinal))
        );
        assert_eq!(
            cont("100", "1", " millionths"),
            Some((f("0.0001"), 11, Form::Fraction))
        );
        assert_eq!(cont("10", "1", " times."), None);
        assert_eq!(cont("10", "1", " times"), None);
        assert_eq!(cont("8", "1", " in 5"), None);
        assert_eq!(cont("12", "1", " out of 10"), None);
        assert_eq!(cont("2000", "1", " over 3 years"), None);
        assert_eq!(cont("3", "1", " apples"), None);
        assert_eq!(cont("3", "1", ""), None);
        assert_eq!(cont("4", "1", "th"), None);
        assert_eq!(cont("10", "1", " k"), None);
        assert_eq!(cont("10", "1", "m"), None);
        assert_eq!(cont("300", "1", " kr"), None);
        assert_eq!(cont("1", "1", " in 2019"), None);
        assert_eq!(cont("4000", "1", " 3 hundred"), None);
    }

    #[test]
    fn continue_after_precision() {
        let p = |v: &str, pr: &str, rest: &str| {
            continue_after(d(v), d(pr), rest).and_then(|s| s.precision)
        };
        assert_eq!(p("5.5", "0.1", " thousand"), Some(d("100")));
        assert_eq!(p("3", "1", " million"), Some(d("1000000")));
        assert_eq!(p("3", "1", " hundred and 21"), Some(d("1")));
        assert_eq!(
            continue_after(d("-5"), ONE, " million").map(|s| s.value),
            Some(d("-5000000"))
        );
    }

    #[test]
    fn precision_is_place_value_of_last_word() {
        assert_eq!(prec("twenty-one"), Some(d("1")));
        assert_eq!(prec("twenty"), Some(d("10")));
        assert_eq!(prec("three million"), Some(d("1000000")));
        assert_eq!(prec("two hundred"), Some(d("100")));
        assert_eq!(prec("one hundred and six"), Some(d("1")));
        assert_eq!(prec("two thirds"), None);
        assert_eq!(prec("one in five"), None);
    }

    #[test]
    fn overflow_is_safe() {
        check(
            "a trillion trillion",
            "a trillion",
            "1000000000000",
            Form::Cardinal,
        );
        let huge = "a thousand million billion trillion";
        check(
            huge,
            "a thousand million billion",
            "1000000000000000000",
            Form::Cardinal,
        );
        assert!(parse("nine hundred trillion trillion trillion trillion").is_some());
        assert!(parse("one over 0").is_some_and(|s| s.value == ONE));
        assert_eq!(
            cont("79228162514264337593543950335", "1", " thousand"),
            None
        );
        assert!(
            parse("point nine nine nine nine nine nine nine nine nine nine nine nine nine nine")
                .is_some()
        );
        let long = "one hundred and ".repeat(50);
        assert!(parse(&long).is_some());
        assert_eq!(parse("99999999999999999999999999999999 hundred"), None);
    }

    #[test]
    fn may_start_filters() {
        for w in [
            "one",
            "One",
            "TWENTY",
            "twenty-one",
            "a",
            "an",
            "half",
            "quarter",
            "minus",
            "negative",
            "point",
            "twice",
            "double",
            "dozens",
            "thousands",
            "tens",
            "first",
            "twentyfifth",
            "tenfold",
            "nought",
            "naught",
            "nil",
            "zero",
            "several",
            "hundred",
            "lakh",
            "crore",
        ] {
            assert!(may_start(w), "{w:?}");
        }
        for w in [
            "",
            "the",
            "someone",
            "often",
            "tension",
            "and",
            "of",
            "in",
            "over",
            "times",
            "fifths",
            "seconds",
            "bn",
            "cr",
            "k",
            "fold",
            "oh",
            "5",
            "10k",
            "house",
            "extraordinarily",
        ] {
            assert!(!may_start(w), "{w:?}");
        }
    }

    #[test]
    fn parse_never_panics_on_odd_text() {
        for s in [
            "one—",
            "one -",
            "one - - two",
            "twenty-\u{a0}one",
            "one\n\ntwo",
            "one\ntwo",
            "ünë",
            "oneé",
            "one½",
            "point",
            "point.",
            "a\u{2014}half",
            "1,2",
            "1.",
            "one,000",
            "minus-5",
            "twenty—",
            "thousand and",
            "a dozen and a half",
            "1e10",
            "twentyfivefold",
        ] {
            let _ = parse(s);
            let _ = continue_after(ONE, ONE, s);
        }
        card("two\nhundred", "200");
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_are_sane(s in "((one|two|Twenty|ninety|hundred|thousand|million|trillion|lakh|crore|a|an|and|half|quarters?|third|fifths?|first|second|point|zero|oh|minus|over|in|out|of|every|times|as|fold|dozens?|tens|twice|double|several|few|k|bn|7|42|1,000|2.5|0) ?[-—,.]? ?){0,14}") {
            if let Some(x) = parse(&s) {
                proptest::prop_assert!(x.len > 0 && x.len <= s.len() && s.is_char_boundary(x.len));
                let letter = s.starts_with(|c: char| c.is_ascii_alphabetic());
                proptest::prop_assert!(!letter || may_start(&s), "parse without may_start");
                proptest::prop_assert!(!s[..x.len].ends_with(char::is_whitespace));
            }
            if let Some(x) = continue_after(d("12"), ONE, &s) {
                proptest::prop_assert!(x.len > 0 && x.len <= s.len() && s.is_char_boundary(x.len));
            }
            let _ = may_start(&s);
        }

        #[test]
        fn arbitrary_text_never_panics(s in "\\PC{0,40}") {
            let _ = parse(&s);
            let _ = continue_after(d("-3.25"), d("0.01"), &s);
            let _ = may_start(&s);
        }
    }
}
