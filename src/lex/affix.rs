//! What stands right after or right before a number and changes what it states: scale words
//! ("3.76 million", "1,5 Mio."), percent signs and words, currency symbols and codes, units,
//! temperatures, and the count nouns that tell an ambiguous numeral to be a whole number.
//!
//! ```text
//! suffix    = [ws] ( percent | points | permille | scale | currency | temperature | unit )
//! ws        = { " " | NBSP | U+202F }
//! prefix    = currency-symbol [" "] | currency-code " "
//! ```
//!
//! Every table lists words as written; matching is case-sensitive where the case carries
//! meaning ("M" is a million, "m" a metre) and case-insensitive elsewhere.

use super::sieve::{Edge, Sieve, WordSet, token_len};
use rust_decimal::Decimal;
use std::sync::LazyLock;

/// What a suffix makes of the number before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suffix {
    /// Multiplies the number ("million", "k", "Mrd.").
    Scale(Decimal),
    Percent,
    PercentagePoints,
    PerMille,
    /// A currency, by ISO code.
    Currency(&'static str),
    /// A temperature scale: "°C", "°F" or "°".
    Temperature(&'static str),
    /// A unit of measure, by symbol.
    Unit(&'static str),
}

/// A suffix found after a number: what it is and how many bytes (from the end of the number)
/// it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub suffix: Suffix,
    pub len: usize,
    /// The suffix word as written, without the white space before it.
    pub word_start: usize,
    /// A factor the suffix carries besides its meaning ("MEUR" is a million euros).
    pub factor: Option<Decimal>,
}

fn pow10(n: u32) -> Decimal {
    Decimal::from_i128_with_scale(10i128.pow(n), 0)
}

/// Length of the white space at the start of `s` (spaces, NBSP, narrow NBSP, thin space).
pub fn ws_len(s: &str) -> usize {
    // Plain spaces byte by byte; the others, of several bytes, char by char.
    let spaces = s.bytes().take_while(|&b| b == b' ').count();
    if s.as_bytes().get(spaces).is_none_or(|&b| b < 0x80) {
        return spaces;
    }
    s[spaces..]
        .char_indices()
        .find(|&(_, c)| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
        .map_or(s.len(), |(i, _)| spaces + i)
}

/// The word (letters, and a trailing '.' for abbreviations is not included) at the start of `s`.
pub fn word_at(s: &str) -> &str {
    // ASCII letters byte by byte; letters of several bytes after them char by char.
    let ascii = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    if s.as_bytes().get(ascii).is_none_or(|&b| b < 0x80) {
        return &s[..ascii];
    }
    let end = s[ascii..]
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(s.len(), |(i, _)| ascii + i);
    &s[..end]
}

/// The text right after a number, split once for all the suffix tables: the white space at
/// its start and the run of letters and digits after that. Each table is then looked up
/// without measuring them again.
#[derive(Debug, Clone, Copy)]
pub struct Next<'a> {
    /// The text after the number.
    rest: &'a str,
    /// Bytes of white space at the start of `rest`.
    ws: usize,
    /// Bytes of letters and digits after the white space.
    token: usize,
}

impl<'a> Next<'a> {
    pub fn new(rest: &'a str) -> Next<'a> {
        let ws = ws_len(rest);
        Next {
            rest,
            ws,
            token: token_len(&rest[ws..]),
        }
    }

    /// The text after the number.
    pub fn rest(&self) -> &'a str {
        self.rest
    }

    /// The text after the white space.
    fn word_text(&self) -> &'a str {
        &self.rest[self.ws..]
    }
}

/// Whether the character after a suffix ends it (not a letter or digit).
fn ends_word(s: &str) -> bool {
    s.chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// Scale words and their factors. `true` marks words that must match case exactly.
const SCALES: &[(&str, u32, bool)] = &[
    ("thousand", 3, false),
    ("thousands", 3, false),
    ("million", 6, false),
    ("millions", 6, false),
    ("billion", 9, false),
    ("billions", 9, false),
    ("trillion", 12, false),
    ("trillions", 12, false),
    ("lakh", 5, false),
    ("lakhs", 5, false),
    ("lkh", 5, false),
    ("lkhs", 5, false),
    ("lac", 5, false),
    ("crore", 7, false),
    ("crores", 7, false),
    ("k", 3, false),
    ("K", 3, true),
    ("M", 6, true),
    ("MM", 6, true),
    ("mn", 6, false),
    ("mln", 6, false),
    ("mil", 6, false),
    ("mio", 6, false),
    ("Mio", 6, true),
    ("bn", 9, false),
    ("bln", 9, false),
    ("b", 9, true),
    ("B", 9, true),
    ("G", 9, true),
    ("tn", 12, false),
    ("tln", 12, false),
    ("trn", 12, false),
    ("T", 12, true),
    ("Tsd", 3, true),
    ("tsd", 3, true),
    ("Tausend", 3, true),
    ("tausend", 3, true),
    ("Million", 6, true),
    ("Millionen", 6, true),
    ("Mrd", 9, true),
    ("Milliarde", 9, true),
    ("Milliarden", 9, true),
    ("milliard", 9, false),
    ("milliards", 9, false),
    ("Bio", 12, true),
    ("Billionen", 12, true),
];

static SCALE_SIEVE: LazyLock<Sieve> =
    LazyLock::new(|| Sieve::new(SCALES.iter().map(|s| s.0), Edge::Front));

/// Single letters that scale only when glued to the digits ("10k", "1.2b"), or after a space
/// when nothing but punctuation follows ("1,674.5 G."); "10 b" in a sentence is not ten billion.
fn glued_only(word: &str) -> bool {
    matches!(word, "b" | "B" | "G" | "M" | "MM" | "T")
}

/// A scale word at the start of `rest` (the text right after a number).
pub fn scale(rest: &str, german: bool) -> Option<Found> {
    Next::new(rest).scale(german)
}

impl Next<'_> {
    /// [`scale`] on the text after a number.
    pub fn scale(&self, german: bool) -> Option<Found> {
        let (rest, ws) = (self.rest, self.ws);
        let w = word_at(self.word_text());
        if w.is_empty() {
            return None;
        }
        if ws > 0 && glued_only(w) {
            let after = rest[ws + w.len()..].trim_start();
            let ends = after.chars().next().is_none_or(|c| !c.is_alphanumeric());
            if !(ends && w.chars().all(|c| c.is_ascii_uppercase())) {
                return None;
            }
        }
        // "Billion" is 10^12 in German and 10^9 in English.
        let exp = if w == "Billion" {
            if german { 12 } else { 9 }
        } else {
            SCALE_SIEVE
                .candidates(w)
                .map(|k| SCALES[k])
                .find(|(s, _, exact)| {
                    if *exact {
                        *s == w
                    } else {
                        s.eq_ignore_ascii_case(w)
                    }
                })?
                .1
        };
        let mut len = ws + w.len();
        // Abbreviations take a period: "Mio.", "Mrd.", "Tsd.", "Bio.".
        if rest[len..].starts_with('.')
            && matches!(
                w,
                "Mio" | "mio" | "Mrd" | "Tsd" | "tsd" | "Bio" | "mln" | "bln"
            )
        {
            len += 1;
        }
        Some(Found {
            suffix: Suffix::Scale(pow10(exp)),
            len,
            word_start: ws,
            factor: None,
        })
    }
}

/// Abbreviations that scale an amount of money, as business pages write them: "£30m",
/// "$2.5bn", "€40mn", "30m dollars". Outside money, "30m" is thirty metres.
const MONEY_SCALES: &[(&str, u32)] = &[
    ("m", 6),
    ("mn", 6),
    ("mln", 6),
    ("bn", 9),
    ("b", 9),
    ("k", 3),
    ("tn", 12),
];

impl Next<'_> {
    /// A money scale abbreviation ([`MONEY_SCALES`], any case) glued to the number, or after
    /// one space ("£30 m"). The caller knows the amount is money: a currency stands before the number,
    /// or one follows the abbreviation ([`Next::money_scale_before_currency`]).
    pub fn money_scale(&self) -> Option<Found> {
        if self.ws > 1 {
            return None;
        }
        let w = word_at(self.word_text());
        let exp = MONEY_SCALES
            .iter()
            .find(|(s, _)| s.eq_ignore_ascii_case(w))?
            .1;
        let mut len = self.ws + w.len();
        if self.rest[len..].starts_with('.') && w.len() > 1 {
            len += 1;
        }
        Some(Found {
            suffix: Suffix::Scale(pow10(exp)),
            len,
            word_start: self.ws,
            factor: None,
        })
    }

    /// [`Next::money_scale`] where a currency word, code or symbol follows it ("30m dollars",
    /// "5bn euros", "2.5m USD").
    pub fn money_scale_before_currency(&self) -> Option<Found> {
        let f = self.money_scale()?;
        Next::new(&self.rest[f.len..]).currency().map(|_| f)
    }
}

/// Percent, percentage points and per mille words and signs after a number.
const PERCENT_WORDS: &[(&str, Suffix)] = &[
    ("percentage points", Suffix::PercentagePoints),
    ("percentage point", Suffix::PercentagePoints),
    ("percent", Suffix::Percent),
    ("percents", Suffix::Percent),
    ("percentage", Suffix::Percent),
    ("per cent", Suffix::Percent),
    ("pct", Suffix::Percent),
    ("Prozentpunkte", Suffix::PercentagePoints),
    ("Prozentpunkten", Suffix::PercentagePoints),
    ("Prozentpunkt", Suffix::PercentagePoints),
    ("Prozent", Suffix::Percent),
    ("pour cent", Suffix::Percent),
    ("por ciento", Suffix::Percent),
    ("per cento", Suffix::Percent),
    ("procent", Suffix::Percent),
    ("pp", Suffix::PercentagePoints),
    ("Promille", Suffix::PerMille),
    ("per mille", Suffix::PerMille),
];

static PERCENT_SIEVE: LazyLock<Sieve> =
    LazyLock::new(|| Sieve::new(PERCENT_WORDS.iter().map(|p| p.0), Edge::Front));

/// A percent sign or word at the start of `rest`.
pub fn percent(rest: &str) -> Option<Found> {
    Next::new(rest).percent()
}

/// A percent word glued by a hyphen into a compound, at the start of `rest` (the text after
/// the hyphen): "Prozent-Ziel", "percent cut", "Prozentpunkte-Abstand". Words of four letters
/// or more only, so that no sign or abbreviation ("5-pp") starts a compound.
pub fn percent_in_compound(rest: &str) -> Option<Found> {
    let f = Next::new("").percent_word(rest)?;
    (f.word_start == 0
        && f.len >= 4
        && matches!(f.suffix, Suffix::Percent | Suffix::PercentagePoints))
    .then_some(f)
}

impl Next<'_> {
    /// The percent word at the very start of `r` (no white space before it).
    fn percent_word(&self, r: &str) -> Option<Found> {
        let token = token_len(r);
        for (w, s) in PERCENT_SIEVE
            .candidates_with(r, token)
            .map(|k| &PERCENT_WORDS[k])
        {
            if r.len() >= w.len()
                && r.is_char_boundary(w.len())
                && r[..w.len()].eq_ignore_ascii_case(w)
                && ends_word(&r[w.len()..])
            {
                return Some(Found {
                    suffix: *s,
                    len: w.len(),
                    word_start: 0,
                    factor: None,
                });
            }
        }
        None
    }

    /// [`percent`] on the text after a number.
    pub fn percent(&self) -> Option<Found> {
        let (ws, r) = (self.ws, self.word_text());
        if let Some(after) = r.strip_prefix('%') {
            // "%-Punkte" and "% points" are percentage points.
            for tail in ["-Punkte", "-Punkten", "-Punkt", " points", " point"] {
                if after.starts_with(tail) && ends_word(&after[tail.len()..]) {
                    return Some(Found {
                        suffix: Suffix::PercentagePoints,
                        len: ws + 1 + tail.len(),
                        word_start: ws,
                        factor: None,
                    });
                }
            }
            return Some(Found {
                suffix: Suffix::Percent,
                len: ws + 1,
                word_start: ws,
                factor: None,
            });
        }
        if r.starts_with('‰') {
            return Some(Found {
                suffix: Suffix::PerMille,
                len: ws + '‰'.len_utf8(),
                word_start: ws,
                factor: None,
            });
        }
        if ws == 0 && !r.starts_with("pp") {
            return None;
        }
        for (w, s) in PERCENT_SIEVE
            .candidates_with(r, self.token)
            .map(|k| &PERCENT_WORDS[k])
        {
            if r.len() >= w.len()
                && r.is_char_boundary(w.len())
                && r[..w.len()].eq_ignore_ascii_case(w)
                && ends_word(&r[w.len()..])
            {
                let mut len = ws + w.len();
                if *w == "pp" && r[w.len()..].starts_with('.') {
                    len += 1;
                }
                return Some(Found {
                    suffix: *s,
                    len,
                    word_start: ws,
                    factor: None,
                });
            }
        }
        None
    }
}

/// Currency symbols, codes and words, with their ISO codes.
const CURRENCY_AFTER: &[(&str, &str)] = &[
    ("US-Dollar", "USD"),
    ("US dollars", "USD"),
    ("US dollar", "USD"),
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("Dollar", "USD"),
    ("dlrs", "USD"),
    ("dlr", "USD"),
    ("bucks", "USD"),
    ("grand", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("Euro", "EUR"),
    ("pounds sterling", "GBP"),
    ("pounds", "GBP"),
    ("pound", "GBP"),
    ("Pfund", "GBP"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("rupees", "INR"),
    ("rupee", "INR"),
    ("francs", "CHF"),
    ("Franken", "CHF"),
    ("cents", "cent"),
    ("cent", "cent"),
    ("Cent", "cent"),
    ("pennies", "cent"),
    ("penny", "penny"),
    ("pence", "pence"),
    ("p", "pence"),
    ("c", "cent"),
    ("sen", "sen"),
    ("sens", "sen"),
    ("kopecks", "kopeck"),
    ("kopiykas", "kopeck"),
    ("UAH", "UAH"),
    ("MYR", "MYR"),
    ("NZD", "NZD"),
    ("HKD", "HKD"),
    ("ZAR", "ZAR"),
    ("BRL", "BRL"),
    ("MXN", "MXN"),
    ("PLN", "PLN"),
    ("TRY", "TRY"),
    ("KRW", "KRW"),
    ("ringgit", "MYR"),
    ("shekels", "ILS"),
    ("shekel", "ILS"),
    ("rials", "IRR"),
    ("rial", "IRR"),
    ("rubles", "RUB"),
    ("roubles", "RUB"),
    ("Rubel", "RUB"),
    ("pesos", "MXN"),
    ("peso", "MXN"),
    ("rand", "ZAR"),
    ("naira", "NGN"),
    ("dirhams", "AED"),
    ("dirham", "AED"),
    ("kronor", "SEK"),
    ("kroner", "NOK"),
    ("zloty", "PLN"),
    ("baht", "THB"),
    ("lira", "TRY"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("CHF", "CHF"),
    ("JPY", "JPY"),
    ("CNY", "CNY"),
    ("INR", "INR"),
    ("AUD", "AUD"),
    ("CAD", "CAD"),
    ("SEK", "SEK"),
    ("NOK", "NOK"),
    ("DKK", "DKK"),
    ("RUB", "RUB"),
    ("€", "EUR"),
    ("$", "USD"),
    ("£", "GBP"),
    ("¥", "JPY"),
];

static CURRENCY_AFTER_SIEVE: LazyLock<Sieve> =
    LazyLock::new(|| Sieve::new(CURRENCY_AFTER.iter().map(|c| c.0), Edge::Front));

/// Symbols that are not words, so need no word boundary after them.
fn is_symbol(s: &str) -> bool {
    matches!(s, "€" | "$" | "£" | "¥")
}

/// A currency word, code or symbol at the start of `rest`.
pub fn currency_after(rest: &str) -> Option<Found> {
    Next::new(rest).currency()
}

impl Next<'_> {
    /// [`currency_after`] on the text after a number.
    pub fn currency(&self) -> Option<Found> {
        let (ws, r) = (self.ws, self.word_text());
        // "MEUR", "MUSD": millions of a currency, as finance writes them.
        if let Some(code) = r.strip_prefix('M').and_then(|t| t.get(..3))
            && ends_word(&r[4..])
            && code.bytes().all(|b| b.is_ascii_uppercase())
            && let Some((_, iso)) = CURRENCY_AFTER.iter().find(|(w, _)| *w == code)
        {
            return Some(Found {
                suffix: Suffix::Currency(iso),
                len: ws + 4,
                word_start: ws,
                factor: Some(pow10(6)),
            });
        }
        for (w, code) in CURRENCY_AFTER_SIEVE
            .candidates_with(r, self.token)
            .map(|k| &CURRENCY_AFTER[k])
        {
            let exact = w.chars().next().is_some_and(|c| c.is_uppercase()) || is_symbol(w);
            let hit = if exact {
                r.starts_with(w)
            } else {
                r.len() >= w.len()
                    && r.is_char_boundary(w.len())
                    && r[..w.len()].eq_ignore_ascii_case(w)
            };
            if hit && (is_symbol(w) || ends_word(&r[w.len()..])) {
                // "p" and "c" are pence and cents only when glued to the digits ("43c").
                if (*w == "p" || *w == "c") && ws > 0 {
                    continue;
                }
                return Some(Found {
                    suffix: Suffix::Currency(code),
                    len: ws + w.len(),
                    word_start: ws,
                    factor: None,
                });
            }
        }
        None
    }
}

/// The first three bytes (0 past the end) of every currency or unit word that
/// [`Next::currency`] and [`Next::unit`] know, and of an ISO code after "M" ("MEUR").
pub fn unit_word_heads() -> impl Iterator<Item = [u8; 3]> {
    let head = |w: &str| [0, 1, 2].map(|i| w.as_bytes().get(i).copied().unwrap_or(0));
    let words = CURRENCY_AFTER
        .iter()
        .map(|c| c.0)
        .chain(UNITS.iter().map(|u| u.0));
    let millions = CURRENCY_AFTER
        .iter()
        .map(|c| c.0.as_bytes())
        .filter(|w| w.len() == 3 && w.iter().all(u8::is_ascii_uppercase))
        .map(|w| [b'M', w[0], w[1]]);
    words.map(head).chain(millions)
}

/// Currency symbols and codes that stand before a number, longest first.
const CURRENCY_BEFORE: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("US $", "USD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("NZ$", "NZD"),
    ("HK$", "HKD"),
    ("R$", "BRL"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("Rs.", "INR"),
    ("Rs", "INR"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("CHF", "CHF"),
    ("JPY", "JPY"),
    ("CNY", "CNY"),
    ("INR", "INR"),
    ("SFr.", "CHF"),
    ("Fr.", "CHF"),
];

/// What stands before a number: [`CURRENCY_BEFORE`], then every ISO code that recount knows
/// after a number, for it also stands before one ("CAD3.03").
static BEFORE: LazyLock<Vec<(&str, &str)>> = LazyLock::new(|| {
    let codes = CURRENCY_AFTER
        .iter()
        .filter(|(w, code)| w == code && w.len() == 3);
    CURRENCY_BEFORE.iter().chain(codes).copied().collect()
});

static BEFORE_SIEVE: LazyLock<Sieve> =
    LazyLock::new(|| Sieve::new(BEFORE.iter().map(|b| b.0), Edge::Back));

/// A currency symbol or code that ends right before `end` in `text` (one space allowed between
/// a code and the number). Returns the code and the byte offset where the symbol starts.
pub fn currency_before(text: &str, end: usize) -> Option<(&'static str, usize)> {
    let before = &text[..end];
    let trimmed = before.trim_end_matches([' ', '\u{a0}', '\u{202f}']);
    if before.len() - trimmed.len() > 1 {
        return None;
    }
    for (sym, code) in BEFORE_SIEVE.candidates(trimmed).map(|k| BEFORE[k]) {
        if let Some(head) = trimmed.strip_suffix(sym) {
            // Codes and letters need a boundary before them ("ABCUSD 5" is not dollars).
            let letter_sym = sym.chars().next().is_some_and(|c| c.is_alphabetic());
            if letter_sym
                && head
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric())
            {
                continue;
            }
            return Some((code, head.len()));
        }
    }
    None
}

/// Units of measure after a number, as written, with their symbols.
const UNITS: &[(&str, &str)] = &[
    ("km²", "km²"),
    ("m²", "m²"),
    ("m³", "m³"),
    ("km2", "km²"),
    ("square kilometres", "km²"),
    ("square kilometers", "km²"),
    ("square miles", "mi²"),
    ("square feet", "ft²"),
    ("sq ft", "ft²"),
    ("sq mi", "mi²"),
    ("sq km", "km²"),
    ("square kilometre", "km²"),
    ("square mile", "mi²"),
    ("Quadratkilometer", "km²"),
    ("Quadratmeter", "m²"),
    ("km/h", "km/h"),
    ("mph", "mph"),
    ("kWh", "kWh"),
    ("MWh", "MWh"),
    ("GWh", "GWh"),
    ("TWh", "TWh"),
    ("kW", "kW"),
    ("MW", "MW"),
    ("GW", "GW"),
    ("kms", "km"),
    ("km", "km"),
    ("KM", "km"),
    ("cm", "cm"),
    ("mm", "mm"),
    ("m", "m"),
    ("kg", "kg"),
    ("mg", "mg"),
    ("g", "g"),
    ("t", "t"),
    ("lb", "lb"),
    ("lbs", "lb"),
    ("oz", "oz"),
    ("ft", "ft"),
    ("ml", "ml"),
    ("l", "l"),
    ("ha", "ha"),
    ("kilometres", "km"),
    ("kilometers", "km"),
    ("kilometre", "km"),
    ("kilometer", "km"),
    ("Kilometer", "km"),
    ("metres", "m"),
    ("meters", "m"),
    ("metre", "m"),
    ("meter", "m"),
    ("Meter", "m"),
    ("centimetres", "cm"),
    ("centimeters", "cm"),
    ("Zentimeter", "cm"),
    ("millimetres", "mm"),
    ("millimeters", "mm"),
    ("miles", "mi"),
    ("mile", "mi"),
    ("Meilen", "mi"),
    ("feet", "ft"),
    ("foot", "ft"),
    ("inches", "in"),
    ("inch", "in"),
    ("yards", "yd"),
    ("yard", "yd"),
    ("yds", "yd"),
    ("yd", "yd"),
    ("milliliters", "ml"),
    ("millilitres", "ml"),
    ("milliliter", "ml"),
    ("millilitre", "ml"),
    ("Milliliter", "ml"),
    ("hectoliters", "hl"),
    ("hectolitres", "hl"),
    ("Hektoliter", "hl"),
    ("milligrams", "mg"),
    ("milligram", "mg"),
    ("kilograms", "kg"),
    ("kilogram", "kg"),
    ("kilos", "kg"),
    ("Kilogramm", "kg"),
    ("Kilo", "kg"),
    ("grams", "g"),
    ("Gramm", "g"),
    ("tonnes", "t"),
    ("tonne", "t"),
    ("tons", "t"),
    ("ton", "t"),
    ("Tonnen", "t"),
    ("ounces", "oz"),
    ("litres", "l"),
    ("liters", "l"),
    ("litre", "l"),
    ("liter", "l"),
    ("Liter", "l"),
    ("gallons", "gal"),
    ("gallon", "gal"),
    ("barrels", "bbl"),
    ("barrel", "bbl"),
    ("hectares", "ha"),
    ("hectare", "ha"),
    ("Hektar", "ha"),
    ("acres", "acre"),
    ("acre", "acre"),
    ("hours", "h"),
    ("hour", "h"),
    ("Stunden", "h"),
    ("Stunde", "h"),
    ("minutes", "min"),
    ("minute", "min"),
    ("Minuten", "min"),
    ("Minute", "min"),
    ("seconds", "s"),
    ("Sekunden", "s"),
    ("days", "d"),
    ("Tage", "d"),
    ("Tagen", "d"),
    ("weeks", "wk"),
    ("week", "wk"),
    ("Wochen", "wk"),
    ("Woche", "wk"),
    ("months", "mo"),
    ("month", "mo"),
    ("Monate", "mo"),
    ("Monaten", "mo"),
    ("Monat", "mo"),
    ("years", "yr"),
    ("year", "yr"),
    ("Jahre", "yr"),
    ("Jahren", "yr"),
    ("Jahr", "yr"),
];

static UNIT_SIEVE: LazyLock<Sieve> =
    LazyLock::new(|| Sieve::new(UNITS.iter().map(|u| u.0), Edge::Front));

/// A unit of measure at the start of `rest`.
pub fn unit(rest: &str) -> Option<Found> {
    Next::new(rest).unit()
}

impl Next<'_> {
    /// [`unit`] on the text after a number.
    pub fn unit(&self) -> Option<Found> {
        let (ws, r) = (self.ws, self.word_text());
        let mut best: Option<Found> = None;
        for (w, sym) in UNIT_SIEVE.candidates_with(r, self.token).map(|k| &UNITS[k]) {
            let short = w.len() <= 3 && !w.contains(' ');
            let hit = if short {
                r.starts_with(w)
            } else {
                r.len() >= w.len()
                    && r.is_char_boundary(w.len())
                    && r[..w.len()].eq_ignore_ascii_case(w)
            };
            if hit && ends_word(&r[w.len()..]) && best.is_none_or(|b| b.len < ws + w.len()) {
                best = Some(Found {
                    suffix: Suffix::Unit(sym),
                    len: ws + w.len(),
                    word_start: ws,
                    factor: None,
                });
            }
        }
        best
    }
}

/// A temperature after a number: "° Celsius", "°C", " °F", " degrees Fahrenheit", " Grad".
pub fn temperature(rest: &str) -> Option<Found> {
    Next::new(rest).temperature()
}

impl Next<'_> {
    /// [`temperature`] on the text after a number.
    pub fn temperature(&self) -> Option<Found> {
        let (ws, r) = (self.ws, self.word_text());
        let (deg_len, after_deg) = if let Some(a) = r.strip_prefix('°') {
            ('°'.len_utf8(), a)
        } else if let Some(a) = r
            .strip_prefix("degrees")
            .or_else(|| r.strip_prefix("degree"))
        {
            (r.len() - a.len(), a)
        } else if let Some(a) = r.strip_prefix("Grad") {
            (4, a)
        } else {
            return None;
        };
        let ws2 = ws_len(after_deg);
        let tail = &after_deg[ws2..];
        let scales: [(&str, &'static str); 6] = [
            ("Celsius", "°C"),
            ("celsius", "°C"),
            ("Fahrenheit", "°F"),
            ("fahrenheit", "°F"),
            ("C", "°C"),
            ("F", "°F"),
        ];
        for (w, sym) in scales {
            if tail.starts_with(w) && ends_word(&tail[w.len()..]) {
                return Some(Found {
                    suffix: Suffix::Temperature(sym),
                    len: ws + deg_len + ws2 + w.len(),
                    word_start: ws,
                    factor: None,
                });
            }
        }
        if deg_len == '°'.len_utf8() || ends_word(after_deg) {
            return Some(Found {
                suffix: Suffix::Temperature("°"),
                len: ws + deg_len,
                word_start: ws,
                factor: None,
            });
        }
        None
    }
}

/// Nouns that count whole things: an ambiguous "380.000" before one of them is a whole number.
const COUNT_NOUNS: &[&str] = &[
    "people",
    "persons",
    "workers",
    "residents",
    "inhabitants",
    "members",
    "agents",
    "troops",
    "soldiers",
    "officers",
    "employees",
    "jobs",
    "students",
    "voters",
    "households",
    "homes",
    "families",
    "children",
    "participants",
    "protesters",
    "visitors",
    "users",
    "customers",
    "cars",
    "vehicles",
    "units",
    "copies",
    "votes",
    "seats",
    "cases",
    "deaths",
    "births",
    "Menschen",
    "Personen",
    "Einwohner",
    "Einwohnern",
    "Mitarbeiter",
    "Beschäftigte",
    "Arbeiter",
    "Arbeitnehmer",
    "Mitglieder",
    "Teilnehmer",
    "Besucher",
    "Stimmen",
    "Wohnungen",
    "Haushalte",
    "Kinder",
    "Schüler",
    "Studenten",
    "Soldaten",
    "Fälle",
    "Stück",
];

static COUNT_NOUN_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(COUNT_NOUNS));

/// A count noun after a number ("380.000 workers", "3.000 of these troops").
pub fn count_noun(rest: &str) -> Option<&str> {
    Next::new(rest).count_noun()
}

impl<'a> Next<'a> {
    /// [`count_noun`] on the text after a number.
    pub fn count_noun(&self) -> Option<&'a str> {
        let mut r = self.word_text();
        for skip in ["of these ", "of the ", "of those "] {
            if let Some(t) = r.strip_prefix(skip) {
                r = t;
            }
        }
        let w = word_at(r);
        COUNT_NOUN_SET.contains(w).then_some(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_words_and_abbreviations() {
        assert_eq!(
            scale(" million workers", false).unwrap().suffix,
            Suffix::Scale(pow10(6))
        );
        let f = scale(" Mio. Euro", true).unwrap();
        assert_eq!((f.suffix, f.len), (Suffix::Scale(pow10(6)), 5));
        assert_eq!(scale("k", false).unwrap().suffix, Suffix::Scale(pow10(3)));
        assert_eq!(
            scale(" Billionen", true).unwrap().suffix,
            Suffix::Scale(pow10(12))
        );
        assert_eq!(
            scale(" Billion", true).unwrap().suffix,
            Suffix::Scale(pow10(12))
        );
        assert_eq!(
            scale(" billion", false).unwrap().suffix,
            Suffix::Scale(pow10(9))
        );
        // A glued "M" is a million, a lone "m" after a space is not a scale.
        assert!(scale("M", false).is_some());
        assert!(scale(" b", false).is_none());
        assert!(scale(" kilometres", false).is_none());
    }

    #[test]
    fn percent_signs_words_and_points() {
        assert_eq!(percent("% of").unwrap().len, 1);
        assert_eq!(percent("\u{a0}%").unwrap().len, 3);
        assert_eq!(percent(" per cent").unwrap().suffix, Suffix::Percent);
        assert_eq!(
            percent(" Prozentpunkte").unwrap().suffix,
            Suffix::PercentagePoints
        );
        assert_eq!(
            percent(" percentage points").unwrap().suffix,
            Suffix::PercentagePoints
        );
        assert_eq!(percent("pp").unwrap().suffix, Suffix::PercentagePoints);
        assert_eq!(percent("‰").unwrap().suffix, Suffix::PerMille);
        assert!(percent(" percentile").is_none());
        assert!(
            percent("percent").is_none(),
            "a word glued to the digits is not a percent"
        );
    }

    #[test]
    fn percent_words_in_hyphenated_compounds() {
        let f = percent_in_compound("Prozent-Ziel").unwrap();
        assert_eq!((f.suffix, f.len), (Suffix::Percent, 7));
        let f = percent_in_compound("Prozentpunkte-Abstand").unwrap();
        assert_eq!(f.suffix, Suffix::PercentagePoints);
        assert_eq!(percent_in_compound("percent cut").unwrap().len, 7);
        // No abbreviation, no per mille, no word that only starts like one.
        assert!(percent_in_compound("pp").is_none());
        assert!(percent_in_compound("pct").is_none());
        assert!(percent_in_compound("Promille-Grenze").is_none());
        assert!(percent_in_compound("Prozentsatz").is_none());
        assert!(percent_in_compound(" Prozent").is_none());
    }

    #[test]
    fn currencies_before_and_after() {
        assert_eq!(
            currency_after(" USD last year").unwrap().suffix,
            Suffix::Currency("USD")
        );
        assert_eq!(
            currency_after(" Euro").unwrap().suffix,
            Suffix::Currency("EUR")
        );
        assert_eq!(currency_after("€").unwrap().suffix, Suffix::Currency("EUR"));
        assert!(currency_after(" Europe").is_none());
        assert_eq!(currency_before("cost $", 6), Some(("USD", 5)));
        assert_eq!(currency_before("cost US$ ", 9), Some(("USD", 5)));
        assert_eq!(currency_before("cost EUR ", 9), Some(("EUR", 5)));
        assert_eq!(currency_before("XEUR ", 5), None);
    }

    #[test]
    fn units_temperatures_and_count_nouns() {
        assert_eq!(unit(" km away").unwrap().suffix, Suffix::Unit("km"));
        assert_eq!(unit(" kilometres").unwrap().suffix, Suffix::Unit("km"));
        assert!(unit(" meteors").is_none());
        assert_eq!(
            temperature("° Celsius").unwrap().suffix,
            Suffix::Temperature("°C")
        );
        assert_eq!(
            temperature(" °F").unwrap().suffix,
            Suffix::Temperature("°F")
        );
        assert_eq!(count_noun(" workers refused"), Some("workers"));
        assert_eq!(count_noun(" of these troops"), Some("troops"));
        assert_eq!(count_noun(" of them"), None);
    }
}
