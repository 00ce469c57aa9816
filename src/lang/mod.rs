//! Languages: what recount knows of each one's way of writing numbers, and which language a
//! passage is in.
//!
//! The knowledge is data, from Unicode CLDR: one file per language under `lang/cldr/`, written
//! by `scripts/cldr/generate.py` and compiled into the library. A file holds the language's
//! decimal and grouping marks, its native digits, its percent and per-mille signs and words, its
//! compact scale words ("75 millones", "3,5 Mrd.", "1,2 млрд", "5 万", "2 lakh") and its currency
//! names and symbols. `build.rs` compiles the files into Rust tables (`src/lang/rows.rs` reads
//! their lines), so a run parses no data; each language's lookup tables are built when that
//! language is first asked for.
//!
//! A [`Language`] is a BCP 47 code ("es", "de-CH", "pt-PT"); `und` stands for a language
//! recount cannot tell. [`detect`] finds the language of a passage.

mod detect;
pub mod lexicon;
mod rows;

pub use detect::{detect, detect_sample, guess};
use lexicon::{Lexicon, Meaning, Place};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::sync::{LazyLock, OnceLock};

mod files {
    // The language files themselves are read by `build.rs` (into [`tables`]); the tests
    // check that it read every one.
    #![cfg_attr(not(test), allow(dead_code))]
    include!(concat!(env!("CARGO_MANIFEST_DIR"), "/lang/cldr/files.rs"));
}

/// The language files as `build.rs` compiled them: per language its head lines and the range of
/// its words, and the union's parts. A word is a [`Raw`](tables::Raw) of integers into one
/// text, so that the tables hold no pointers for the loader to relocate at every start.
mod tables {
    use super::Word;
    use super::lexicon::{Meaning, Place};
    use std::ops::Range;

    pub struct Lang {
        pub code: &'static str,
        /// The file's head lines, as written.
        pub head: &'static str,
        pub words: Range<usize>,
    }

    /// A word: its text and (for a currency) its code as ranges of [`TEXT`], what it means
    /// (`kind` 0 scale by `exp`, 1 percent, 2 per mille, 3 money) and where it stands.
    #[derive(Debug)]
    pub struct Raw {
        at: u32,
        len: u16,
        kind: u8,
        exp: u8,
        code_at: u32,
        code_len: u8,
        before: bool,
        exact: bool,
        decimal: Option<char>,
    }

    include!(concat!(env!("OUT_DIR"), "/cldr.rs"));

    fn text(at: u32, len: usize) -> &'static str {
        &TEXT[at as usize..at as usize + len]
    }

    /// The word that `r` stands for.
    pub fn word(r: &Raw) -> Word {
        let meaning = match r.kind {
            0 => Meaning::Scale(u32::from(r.exp)),
            1 => Meaning::Percent,
            2 => Meaning::PerMille,
            _ => Meaning::Money(text(r.code_at, usize::from(r.code_len))),
        };
        Word {
            text: text(r.at, usize::from(r.len)),
            meaning,
            place: if r.before {
                Place::Before
            } else {
                Place::After
            },
            exact: r.exact,
            decimal: r.decimal,
        }
    }
}

/// The CLDR release the language data comes from.
pub const CLDR_VERSION: &str = files::CLDR_VERSION;

/// A language, by its BCP 47 code as CLDR names it ("en", "es-419", "zh").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Language(&'static str);

impl Language {
    pub const EN: Language = Language("en");
    pub const DE: Language = Language("de");
    /// A language recount cannot tell ("undetermined", as BCP 47 says).
    pub const UND: Language = Language("und");

    /// The language's code: "en", "de-CH", "und".
    pub fn code(self) -> &'static str {
        self.0
    }

    /// The language of `code` ("es", "pt_PT", "DE-ch", or a three-letter ISO 639 code such as
    /// "spa"), if recount has data for it.
    pub fn parse(code: &str) -> Option<Language> {
        let key = code.trim().replace('_', "-").to_ascii_lowercase();
        let r = registry();
        r.by_code
            .get(key.as_str())
            .or_else(|| r.aliases.get(key.as_str()))
            .map(|&k| r.langs[k].language)
    }

    /// What CLDR says of the language; `None` for [`Language::UND`].
    pub fn data(self) -> Option<&'static Data> {
        let r = registry();
        r.by_code.get(self.0).map(|&k| &r.langs[k])
    }

    /// The language's English name ("Spanish", "Swiss High German").
    pub fn name(self) -> &'static str {
        self.data().map_or("undetermined", |d| d.name)
    }

    /// The language without its region: "de" for "de-CH".
    pub fn base(self) -> Language {
        let base = self.0.split('-').next().unwrap_or(self.0);
        if base == self.0 {
            return self;
        }
        Language::parse(base).unwrap_or(self)
    }

    /// Whether recount reads the language's spelled numbers ("zwei Millionen").
    pub fn has_number_words(self) -> bool {
        matches!(self.base(), Language::EN | Language::DE)
    }

    /// Every language recount has data for, in code order.
    pub fn all() -> impl Iterator<Item = Language> {
        registry().langs.iter().map(|d| d.language)
    }
}

impl Serialize for Language {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// A numbering system other than the Latin digits, as a language writes it natively.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Native {
    /// The CLDR name of the system ("arab", "deva", "beng").
    pub system: &'static str,
    pub decimal: char,
    pub group: char,
}

/// What CLDR says of one language's numbers.
#[derive(Debug)]
pub struct Data {
    pub language: Language,
    pub name: &'static str,
    /// The decimal and grouping marks of its Latin digits.
    pub decimal: char,
    pub group: char,
    /// Digits group as 12,34,567.
    pub indian: bool,
    /// Its default numbering system ("latn" for most).
    pub digits: &'static str,
    pub native: Option<Native>,
    /// The words of its own file's lines of `scale`, `pword`, `mword`, `percent`,
    /// `permille`, `money` and `sign`, and of its parent's file for a regional variant.
    own: &'static [tables::Raw],
    parent_own: Option<&'static [tables::Raw]>,
    /// Its words (a variant's: its parent's, then its own), once asked for.
    words: OnceLock<Vec<Word>>,
    lexicon: OnceLock<Lexicon>,
}

impl Data {
    /// The words and signs of its lines and its parent's (a variant's after its parent's).
    fn words(&self) -> &[Word] {
        self.words.get_or_init(|| {
            let parent = self.parent_own.unwrap_or_default();
            parent.iter().chain(self.own).map(tables::word).collect()
        })
    }

    /// The language's scale, percent and currency words and signs.
    pub fn lexicon(&self) -> &Lexicon {
        self.lexicon.get_or_init(|| {
            let mut words = self.words().to_vec();
            words
                .iter_mut()
                .for_each(|w| w.decimal = Some(self.decimal));
            Lexicon::new(&words)
        })
    }
}

/// One word or sign of a language's data: what it means and where it stands.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    pub text: &'static str,
    pub meaning: Meaning,
    pub place: Place,
    /// Short forms ("M", "Mrd.") match case exactly; names and long forms in any case.
    pub exact: bool,
    /// The decimal mark of the languages that write the word, where they agree.
    pub decimal: Option<char>,
}

struct Registry {
    langs: Vec<Data>,
    by_code: HashMap<String, usize>,
    aliases: HashMap<&'static str, usize>,
    /// Digit characters of other numbering systems and their values.
    digits: HashMap<char, u8>,
}

static REGISTRY: LazyLock<Registry> = LazyLock::new(Registry::load);

fn registry() -> &'static Registry {
    &REGISTRY
}

/// The words of every language that mean one thing in all of them: what a text of an unknown
/// language is read with ("millones" is a million in every language that writes it; "mil" is
/// not in the union, for it is a thousand in Spanish and a million in English finance).
pub fn any_language() -> &'static Union {
    static ANY: LazyLock<Union> = LazyLock::new(Union::load);
    &ANY
}

/// The word or sign of any language at the start of `rest` ([`Union::after`]), without
/// building the union where no language's word starts ([`may_edge`]).
pub fn any_after(rest: &str) -> Option<lexicon::Hit> {
    let t = rest.trim_start_matches(lexicon::is_ws);
    t.chars().next().filter(|&c| may_edge(c, Place::After))?;
    any_language().after(rest)
}

/// The word or sign of any language that ends right before `end` in `text`
/// ([`Union::before`]), without building the union where no language's word ends.
pub fn any_before(text: &str, end: usize) -> Option<lexicon::Hit> {
    let t = text[..end].trim_end_matches(lexicon::is_ws);
    t.chars()
        .next_back()
        .filter(|&c| may_edge(c, Place::Before))?;
    any_language().before(text, end)
}

/// Whether a word or sign of some language may start (after a number) or end (before one)
/// with `c`: any character but the marks that start or end none in the data (a test reads
/// every language's words to keep it so). Of the ASCII marks, `$`, `%`, `/` and `[` start
/// some ("$US", "/mile"), and `$`, `%`, `/` and `.` end some ("Rs."); of the dashes, quotes
/// and primes of General Punctuation only '‰' starts one and '’' ends one. No word starts or
/// ends with a digit, a line break or another control character. After "5)", "5,", "5.",
/// "1990–95", "5 47" or a number that ends its line the union is not built.
fn may_edge(c: char, place: Place) -> bool {
    if c.is_ascii_digit() || c.is_control() {
        return false;
    }
    let marks: &[char] = match place {
        Place::After => &['$', '%', '/', '[', '‰'],
        Place::Before => &['$', '%', '/', '.', '‰', '’'],
    };
    let mark = c.is_ascii_punctuation()
        || ('\u{2010}'..='\u{205e}').contains(&c)
        || matches!(c, '°' | '«' | '»' | '×');
    !mark || marks.contains(&c)
}

/// The union of every language's words, in parts by the first character of a word's key after
/// a number and the last before one: a lookup needs only the part of its key, and each part's
/// lexicon is built on its first lookup ("5 €" asks for the words that start with "€", never
/// for the thousands of currency names).
pub struct Union {
    parts: FxHashMap<(char, Place), Part>,
}

/// One part of the [`Union`]: its words of every language, each with its language's decimal
/// mark, and its lexicon once built.
struct Part {
    words: &'static [tables::Raw],
    lexicon: OnceLock<Lexicon>,
}

impl Union {
    /// The parts as `build.rs` compiled them.
    fn load() -> Union {
        let parts = tables::UNION
            .iter()
            .map(|(c, place, range)| {
                let words = &tables::UNION_WORDS[range.clone()];
                let lexicon = OnceLock::new();
                ((*c, *place), Part { words, lexicon })
            })
            .collect();
        Union { parts }
    }

    /// The lexicon of the part for keys with `c` at their edge.
    fn part(&self, c: char, place: Place) -> Option<&Lexicon> {
        let part = self.parts.get(&(c, place))?;
        Some(part.lexicon.get_or_init(|| {
            let words: Vec<Word> = part.words.iter().map(tables::word).collect();
            union_of(&words)
        }))
    }

    /// The word or sign at the start of `rest` (the text right after a number).
    pub fn after(&self, rest: &str) -> Option<lexicon::Hit> {
        let t = rest.trim_start_matches(lexicon::is_ws);
        self.part(key_edge(t, Place::After)?, Place::After)?
            .after(rest)
    }

    /// The word or sign that ends right before `end` in `text` (one white space between).
    pub fn before(&self, text: &str, end: usize) -> Option<lexicon::Hit> {
        let t = text[..end].trim_end_matches(lexicon::is_ws);
        self.part(key_edge(t, Place::Before)?, Place::Before)?
            .before(text, end)
    }
}

/// The first character of the lexicon key of `text` after a number, or the last before one
/// ([`rows::key_edge`]).
fn key_edge(text: &str, place: Place) -> Option<char> {
    rows::key_edge(text, place == Place::Before)
}

/// The lexicon of `words` (of every language, in language order) that mean one thing in all
/// of them.
fn union_of(words: &[Word]) -> Lexicon {
    // Most texts are lower-case already: their keys borrow the table's text.
    let mut seen: FxHashMap<(Cow<'static, str>, Place), Option<Word>> = FxHashMap::default();
    for &w in words {
        let key = if w.exact || w.text.chars().all(lower_already) {
            Cow::Borrowed(w.text)
        } else {
            Cow::Owned(w.text.to_lowercase())
        };
        match seen.entry((key, w.place)) {
            Entry::Vacant(v) => {
                v.insert(Some(w));
            }
            Entry::Occupied(mut o) => {
                if let Some(prev) = o.get_mut() {
                    if prev.meaning != w.meaning {
                        o.insert(None);
                    } else if prev.decimal != w.decimal {
                        prev.decimal = None;
                    }
                }
            }
        }
    }
    let words: Vec<Word> = seen.into_values().flatten().collect();
    Lexicon::new(&words)
}

/// Whether `c` lower-cases to itself.
fn lower_already(c: char) -> bool {
    let mut l = c.to_lowercase();
    l.next() == Some(c) && l.next().is_none()
}

/// The value of `c` as a digit of a numbering system other than the ASCII digits ("٣", "७",
/// "３"), from CLDR's numbering systems.
pub fn digit_value(c: char) -> Option<u8> {
    if c.is_ascii() {
        return None;
    }
    registry().digits.get(&c).copied()
}

impl Registry {
    fn load() -> Registry {
        let raw = tables::LANGS;
        let index: HashMap<&str, usize> =
            raw.iter().enumerate().map(|(k, l)| (l.code, k)).collect();
        let heads: Vec<Vec<Vec<&'static str>>> = raw.iter().map(|l| rows::head(l.head)).collect();
        let words = |l: &tables::Lang| &tables::WORDS[l.words.clone()];
        let mut langs = Vec::with_capacity(raw.len());
        for (k, l) in raw.iter().enumerate() {
            let parent_index = rows::field(&heads[k], "parent").and_then(|p| index.get(p).copied());
            let parent = parent_index.map(|k| &raw[k]);
            let mut d = Data {
                language: Language(l.code),
                name: l.code,
                decimal: '.',
                group: ',',
                indian: false,
                digits: "latn",
                native: None,
                own: words(l),
                parent_own: parent.map(words),
                words: OnceLock::new(),
                lexicon: OnceLock::new(),
            };
            // A variant's own lines come after its parent's and override them.
            let parent_head = parent_index.into_iter().flat_map(|p| &heads[p]);
            for line in parent_head.chain(&heads[k]) {
                d.read(line);
            }
            langs.push(d);
        }
        // Each code as written ("de-CH") and lower-cased ("de-ch", as parsed).
        let by_code = langs
            .iter()
            .enumerate()
            .flat_map(|(k, d)| {
                [
                    (d.language.0.to_string(), k),
                    (d.language.0.to_ascii_lowercase(), k),
                ]
            })
            .collect();
        let aliases = table(files::ALIASES)
            .into_iter()
            .filter_map(|l| Some((l[0], *index.get(l.get(1)?)?)))
            .collect();
        let mut digits = HashMap::new();
        for line in table(files::DIGITS) {
            let Some(ds) = line.get(1) else { continue };
            for (v, c) in ds.chars().enumerate() {
                // Han numerals (一二三) are words of a script without spaces, read as such.
                if !c.is_alphabetic() && v < 10 {
                    digits.insert(c, v as u8);
                }
            }
        }
        Registry {
            langs,
            by_code,
            aliases,
            digits,
        }
    }
}

impl Data {
    /// Takes in one line of a language file.
    fn read(&mut self, l: &[&'static str]) {
        let field = |k: usize| l.get(k).copied().unwrap_or("");
        let ch = |k: usize| field(k).chars().next();
        match l[0] {
            "name" => self.name = field(1),
            "decimal" => self.decimal = ch(1).unwrap_or('.'),
            "group" => self.group = ch(1).unwrap_or(','),
            "indian" => self.indian = field(1) == "1",
            "digits" => self.digits = field(1),
            "native" => {
                self.native = Some(Native {
                    system: field(1),
                    decimal: ch(2).unwrap_or('.'),
                    group: ch(3).unwrap_or(','),
                })
            }
            _ => {}
        }
    }
}

/// The lines of a tab-separated file, without comments and blank lines.
fn table(text: &'static str) -> Vec<Vec<&'static str>> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_in_any_spelling() {
        assert_eq!(Language::parse("es"), Some(Language("es")));
        assert_eq!(Language::parse("DE_ch").map(Language::code), Some("de-CH"));
        assert_eq!(Language::parse("spa").map(Language::code), Some("es"));
        assert_eq!(Language::parse("xx"), None);
        assert_eq!(
            Language::parse("de-CH").map(Language::base),
            Some(Language::DE)
        );
        assert!(Language::all().count() >= 100);
    }

    #[test]
    fn marks_and_variants_come_from_cldr() {
        let es = Language::parse("es").and_then(Language::data).unwrap();
        assert_eq!((es.decimal, es.group), (',', '.'));
        let ch = Language::parse("de-CH").and_then(Language::data).unwrap();
        assert_eq!((ch.decimal, ch.group), ('.', '\''));
        // A variant keeps its parent's words.
        assert!(ch.lexicon().after(" Mrd.").is_some());
        let hi = Language::parse("hi").and_then(Language::data).unwrap();
        assert!(hi.indian);
        assert_eq!(hi.native.map(|n| n.system), Some("deva"));
        assert_eq!(Language::UND.data().map(|d| d.name), None);
    }

    #[test]
    fn no_language_has_a_word_at_an_edge_that_leaves_the_union_unread() {
        let skipped: Vec<_> = any_language()
            .parts
            .keys()
            .filter(|(c, place)| !may_edge(*c, *place))
            .collect();
        assert!(skipped.is_empty(), "{skipped:?}");
        assert!(!may_edge(')', Place::After) && !may_edge('.', Place::After));
        assert!(!may_edge('–', Place::After) && !may_edge('°', Place::After));
        assert!(!may_edge('\n', Place::After) && !may_edge('4', Place::Before));
        assert!(may_edge('€', Place::After) && may_edge('.', Place::Before));
        assert_eq!(any_after(") and").map(|h| h.meaning), None);
        assert!(any_after(" zł").is_some());
    }

    #[test]
    fn the_union_in_parts_finds_what_the_whole_union_finds() {
        let all: Vec<Word> = any_language()
            .parts
            .values()
            .flat_map(|p| p.words.iter().map(tables::word))
            .collect();
        let whole = union_of(&all);
        let parts = any_language();
        let show = |h: Option<lexicon::Hit>| h.map(|h| (h.meaning, h.at, h.word_start));
        for w in &all {
            let after = format!("\u{a0}{} x", w.text);
            assert_eq!(
                show(parts.after(&after)),
                show(whole.after(&after)),
                "{after}"
            );
            let upper = format!(" {}", w.text.to_uppercase());
            assert_eq!(
                show(parts.after(&upper)),
                show(whole.after(&upper)),
                "{upper}"
            );
            let before = format!("x {} ", w.text);
            let end = before.len();
            assert_eq!(
                show(parts.before(&before, end)),
                show(whole.before(&before, end)),
                "{before}"
            );
        }
        assert_eq!(
            parts.after(" millones de").map(|h| h.meaning),
            Some(Meaning::Scale(6))
        );
        assert!(parts.after(", then").is_none());
    }

    #[test]
    fn the_compiled_tables_hold_every_file_as_its_lines_read() {
        let mut codes: Vec<&str> = files::FILES.iter().map(|(code, _)| *code).collect();
        codes.sort();
        let compiled: Vec<&str> = tables::LANGS.iter().map(|l| l.code).collect();
        assert_eq!(compiled, codes);
        for (code, text) in files::FILES {
            let l = &tables::LANGS[compiled.binary_search(code).unwrap()];
            assert_eq!(rows::head(l.head), rows::head(text), "{code}");
            let words: Vec<rows::Row> = tables::WORDS[l.words.clone()]
                .iter()
                .map(|r| row(&tables::word(r)))
                .collect();
            assert_eq!(words, rows::words(text), "{code}");
        }
        let es = Language::parse("es-MX").and_then(Language::data).unwrap();
        assert!(
            es.words().len() > es.own.len(),
            "a variant reads its parent's words too"
        );
    }

    /// The row of a compiled word, for [`rows::union_parts`].
    fn row(w: &Word) -> rows::Row<'static> {
        let sense = match w.meaning {
            Meaning::Scale(e) => rows::Sense::Scale(e),
            Meaning::Percent => rows::Sense::Percent,
            Meaning::PerMille => rows::Sense::PerMille,
            Meaning::Money(c) => rows::Sense::Money(c),
        };
        rows::Row {
            text: w.text,
            sense,
            before: w.place == Place::Before,
            exact: w.exact,
        }
    }

    /// A part's words as a sorted list without repeats: what the union makes of them.
    fn distinct(words: impl Iterator<Item = (rows::Row<'static>, char)>) -> Vec<String> {
        let mut v: Vec<String> = words.map(|(r, d)| format!("{r:?} {d}")).collect();
        v.sort();
        v.dedup();
        v
    }

    #[test]
    fn the_compiled_union_holds_every_language_s_words_with_its_decimal_mark() {
        // Every language's whole words (a variant's with its parent's), not only what the
        // build read: a variant that repeats its parent with the same mark adds nothing.
        let langs: Vec<(char, Vec<rows::Row>)> = registry()
            .langs
            .iter()
            .map(|d| (d.decimal, d.words().iter().map(row).collect()))
            .collect();
        let whole: Vec<_> = rows::union_parts(&langs)
            .into_iter()
            .map(|(key, words)| (key, distinct(words.into_iter())))
            .collect();
        let mut compiled: Vec<_> = tables::UNION
            .iter()
            .map(|(c, place, range)| {
                let words = tables::UNION_WORDS[range.clone()].iter().map(tables::word);
                let words = words.map(|w| (row(&w), w.decimal.unwrap_or('?')));
                ((*c, *place == Place::Before), distinct(words))
            })
            .collect();
        compiled.sort();
        assert_eq!(compiled, whole);
    }

    #[test]
    fn digits_of_other_scripts() {
        assert_eq!(digit_value('٣'), Some(3));
        assert_eq!(digit_value('७'), Some(7));
        assert_eq!(digit_value('০'), Some(0));
        assert_eq!(digit_value('３'), Some(3));
        assert_eq!(digit_value('3'), None);
        assert_eq!(digit_value('三'), None);
    }
}
