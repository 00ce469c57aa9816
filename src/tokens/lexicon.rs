//! The cue lexicon: which words and phrases signal which [`Cue`] class, per language.
//!
//! The words are data, one file per language in `lang/cues/` (`en.yaml`, `de.yaml`, …),
//! which `build.rs` compiles into Rust tables (so a run parses no YAML); the lexicon is built
//! from them once, on first use. A file lists, for each class, its words and phrases,
//! and under `factors` the words that state a multiple ("doubled" → 2, "halbiert" → 0.5):
//!
//! ```yaml
//! language: en
//! classes:
//!   up: [rose, increased, "went up"]
//!   from: [from]
//! factors:
//!   "2": [doubled, twofold]
//! ```
//!
//! Adding a language is adding its file to [`LANGUAGES`] here and in `build.rs`; the claim
//! rules name classes only.

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use std::str::FromStr;
use std::sync::LazyLock;

/// A class of cue words. The frames of the claim rules are written in these classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Cue {
    /// A rise: "rose", "up", "stieg", "hausse".
    Up,
    /// A fall: "fell", "off", "sank", "baisse".
    Down,
    /// The start of a change: "from", "von".
    From,
    /// The end of a change: "to", "auf".
    To,
    /// A level reached: "at", "bei".
    At,
    /// The size of a change: "by", "um".
    By,
    /// A part of a whole: "of", "out of", "von".
    Of,
    /// A restatement: "or" ("5.6 billion dlrs, or 0.9 pct").
    Or,
    And,
    /// A period or place: "in", "during", "im".
    In,
    /// A result restated: "which is", "das sind", "also", "soit".
    ThatIs,
    /// A total: "total", "in all", "insgesamt".
    Total,
    /// Parts taken together: "together", "combined", "zusammen".
    Together,
    /// The rest of a whole: "the remaining", "the other", "die übrigen".
    Rest,
    /// A multiple: "times", "mal".
    Times,
    Half,
    /// A rate: "per", "each", "pro".
    Per,
    /// "a", "an", "ein": a rate in "3 dlrs a share".
    Article,
    Average,
    /// "points": a change of a percentage in points.
    Points,
    /// "equals", "comes to", "ergibt".
    Equals,
    Than,
    More,
    Less,
    /// A level above another: "above", "higher than".
    Above,
    /// A level below another: "below", "lower than".
    Below,
    /// Two levels compared: "against", "compared with".
    Against,
    /// The time of the earlier value: "a year ago", "earlier".
    Ago,
    /// A share stated by a verb: "make up", "account for", "ausmachen".
    Share,
    /// "every", "jeder": "jeder zweite".
    Every,
    /// "change", "difference".
    Change,
    /// "stake", "holding".
    Stake,
    Day,
    Week,
    Month,
    Year,
    /// A word that states a multiple; its factor is in the lexicon ("doubled" → 2).
    Factor,
    /// A hedge a little below: "nearly", "fast".
    Nearly,
    /// A hedge around: "about", "rund".
    About,
    /// A hedge above: "more than", "mehr als".
    Over,
    /// A function word that opens a noun phrase or a time: "the", "last", "its", "der".
    Det,
    /// A form of "to be": "is", "were", "sind".
    Be,
    /// A demonstrative that points back: "this", "those", "diese".
    This,
    /// A comparison of equals: "as" (many as), "so" (viele wie).
    As,
    /// Another part of a whole: "the other", "die anderen".
    Other,
    /// A consequence drawn: "so", "that leaves", "in other words".
    So,
    /// A list that need not be complete follows: "including", "of which", "darunter".
    Including,
    /// Those who gave no answer close a poll: "undecided", "don't know", "weiß nicht".
    Undecided,
    /// A breakdown of a whole into all its parts: "racial makeup", "ethnic composition".
    Makeup,
}

impl Cue {
    /// Every class, with the name the lexicon files and frames use.
    pub const ALL: [(Cue, &'static str); 49] = [
        (Cue::Up, "up"),
        (Cue::Down, "down"),
        (Cue::From, "from"),
        (Cue::To, "to"),
        (Cue::At, "at"),
        (Cue::By, "by"),
        (Cue::Of, "of"),
        (Cue::Or, "or"),
        (Cue::And, "and"),
        (Cue::In, "in"),
        (Cue::ThatIs, "that_is"),
        (Cue::Total, "total"),
        (Cue::Together, "together"),
        (Cue::Rest, "rest"),
        (Cue::Times, "times"),
        (Cue::Half, "half"),
        (Cue::Per, "per"),
        (Cue::Article, "article"),
        (Cue::Average, "average"),
        (Cue::Points, "points"),
        (Cue::Equals, "equals"),
        (Cue::Than, "than"),
        (Cue::More, "more"),
        (Cue::Less, "less"),
        (Cue::Above, "above"),
        (Cue::Below, "below"),
        (Cue::Against, "against"),
        (Cue::Ago, "ago"),
        (Cue::Share, "share"),
        (Cue::Every, "every"),
        (Cue::Change, "change"),
        (Cue::Stake, "stake"),
        (Cue::Day, "day"),
        (Cue::Week, "week"),
        (Cue::Month, "month"),
        (Cue::Year, "year"),
        (Cue::Factor, "factor"),
        (Cue::Nearly, "nearly"),
        (Cue::About, "about"),
        (Cue::Over, "over"),
        (Cue::Det, "det"),
        (Cue::Be, "be"),
        (Cue::This, "this"),
        (Cue::As, "as"),
        (Cue::Other, "other"),
        (Cue::So, "so"),
        (Cue::Including, "including"),
        (Cue::Undecided, "undecided"),
        (Cue::Makeup, "makeup"),
    ];

    /// The class a lexicon file or frame names.
    pub fn named(name: &str) -> Option<Cue> {
        Cue::ALL
            .iter()
            .find(|(_, n)| n.eq_ignore_ascii_case(name))
            .map(|(c, _)| *c)
    }

    /// The set of this one class.
    pub const fn set(self) -> Cues {
        Cues(1 << self as u8)
    }
}

/// A set of cue classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Cues(pub u64);

impl Cues {
    pub const NONE: Cues = Cues(0);

    pub fn has(self, c: Cue) -> bool {
        self.0 & c.set().0 != 0
    }

    pub fn meets(self, other: Cues) -> bool {
        self.0 & other.0 != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn with(self, c: Cue) -> Cues {
        Cues(self.0 | c.set().0)
    }

    pub fn union(self, o: Cues) -> Cues {
        Cues(self.0 | o.0)
    }
}

/// The languages that have a cue file, in the order of [`CUE_TABLES`].
pub const LANGUAGES: [&str; 7] = ["en", "de", "fr", "es", "it", "nl", "pt"];

/// The cue files, compiled in (the tests read them; a run reads [`CUE_TABLES`]).
#[cfg(test)]
const FILES: [&str; 7] = [
    include_str!("../../lang/cues/en.yaml"),
    include_str!("../../lang/cues/de.yaml"),
    include_str!("../../lang/cues/fr.yaml"),
    include_str!("../../lang/cues/es.yaml"),
    include_str!("../../lang/cues/it.yaml"),
    include_str!("../../lang/cues/nl.yaml"),
    include_str!("../../lang/cues/pt.yaml"),
];

/// A set of languages, by their index in [`LANGUAGES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Langs(pub u8);

impl Langs {
    pub const ALL: Langs = Langs((1 << LANGUAGES.len()) - 1);

    /// The language with this code ("en", "de-CH" → de), if it has a cue file.
    pub fn of_code(code: &str) -> Option<Langs> {
        let base = code.split(['-', '_']).next().unwrap_or(code);
        LANGUAGES
            .iter()
            .position(|l| l.eq_ignore_ascii_case(base))
            .map(|i| Langs(1 << i))
    }

    fn contains(self, i: usize) -> bool {
        self.0 & (1 << i) != 0
    }
}

/// What one word or phrase means in one language.
#[derive(Debug, Clone)]
struct Sense {
    lang: usize,
    cues: Cues,
    factor: Option<Decimal>,
}

/// The senses of a word, and of the phrases that start with it.
#[derive(Debug, Default)]
struct Entry {
    senses: Vec<Sense>,
    /// Phrases that start with this word: their further words, and their senses.
    phrases: Vec<(Vec<String>, Vec<Sense>)>,
}

/// A word or phrase found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// How many words it spans (1 for a word).
    pub words: usize,
    pub cues: Cues,
    pub factor: Option<Decimal>,
}

/// The lexicon of every language.
#[derive(Debug)]
pub struct Lexicon {
    words: FxHashMap<String, Entry>,
    /// The longest first word, in bytes: a longer word is none.
    longest: usize,
}

/// One cue file as written.
#[cfg(test)]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    language: String,
    classes: std::collections::BTreeMap<String, Vec<String>>,
    #[serde(default)]
    factors: std::collections::BTreeMap<String, Vec<String>>,
}

/// One cue file's lists: its language, and per class (and per factor) its words, in the
/// file's order of classes and factors (by name).
pub struct Table<'a> {
    language: &'a str,
    classes: &'a [(&'a str, &'a [&'a str])],
    factors: &'a [(&'a str, &'a [&'a str])],
}

// `CUE_TABLES`: the files of `lang/cues/`, as `build.rs` read them, in the order of
// [`LANGUAGES`].
include!(concat!(env!("OUT_DIR"), "/cues.rs"));

/// The lexicon built from the files compiled in.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    // The files are the project's own and tested (see the tests below): a broken one is a
    // build defect, not user input.
    Lexicon::from_tables(CUE_TABLES).unwrap_or_else(|e| panic!("a cue file is broken: {e}"))
});

impl Lexicon {
    /// Builds the lexicon from cue files (YAML) in the order of [`LANGUAGES`].
    #[cfg(test)]
    fn from_files(files: &[&str]) -> Result<Lexicon, String> {
        let parsed = files
            .iter()
            .map(|text| serde_yaml::from_str::<File>(text).map_err(|e| e.to_string()))
            .collect::<Result<Vec<File>, String>>()?;
        // Each file's classes and factors, owned, then as the slices a table holds.
        type Lists<'a, W> = [Vec<(&'a str, W)>; 2];
        let owned: Vec<Lists<Vec<&str>>> = parsed
            .iter()
            .map(|f| [lists(&f.classes), lists(&f.factors)])
            .collect();
        let borrowed: Vec<Lists<&[&str]>> = owned
            .iter()
            .map(|pair| {
                pair.each_ref()
                    .map(|l| l.iter().map(|(k, w)| (*k, &w[..])).collect())
            })
            .collect();
        let tables: Vec<Table> = parsed
            .iter()
            .zip(&borrowed)
            .map(|(f, [classes, factors])| Table {
                language: &f.language,
                classes,
                factors,
            })
            .collect();
        Lexicon::from_tables(&tables)
    }

    /// Builds the lexicon from the cue files' lists, in the order of [`LANGUAGES`].
    fn from_tables(tables: &[Table]) -> Result<Lexicon, String> {
        let mut words: FxHashMap<String, Entry> = FxHashMap::default();
        for (lang, f) in tables.iter().enumerate() {
            if LANGUAGES.get(lang) != Some(&f.language) {
                return Err(format!("file {lang} is for {}", f.language));
            }
            let mut add = |phrase: &str, cues: Cues, factor: Option<Decimal>| {
                let mut parts = split_words(phrase);
                if parts.is_empty() {
                    return;
                }
                let first = parts.remove(0);
                let entry = words.entry(first).or_default();
                let senses = if parts.is_empty() {
                    &mut entry.senses
                } else if let Some(k) = entry.phrases.iter().position(|(p, _)| *p == parts) {
                    &mut entry.phrases[k].1
                } else {
                    entry.phrases.push((parts, Vec::new()));
                    let last = entry.phrases.len() - 1;
                    &mut entry.phrases[last].1
                };
                match senses.iter_mut().find(|s| s.lang == lang) {
                    Some(s) => {
                        s.cues = s.cues.union(cues);
                        s.factor = s.factor.or(factor);
                    }
                    None => senses.push(Sense { lang, cues, factor }),
                }
            };
            for (class, list) in f.classes {
                let cue = Cue::named(class)
                    .ok_or_else(|| format!("{}: unknown class {class}", f.language))?;
                for w in *list {
                    add(w, cue.set(), None);
                }
            }
            for (factor, list) in f.factors {
                let v = Decimal::from_str(factor)
                    .map_err(|_| format!("{}: factor {factor} is no number", f.language))?;
                for w in *list {
                    add(w, Cue::Factor.set(), Some(v));
                }
            }
        }
        // Longest phrases first, so that the first that fits is the longest.
        for e in words.values_mut() {
            e.phrases.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        }
        let longest = words.keys().map(String::len).max().unwrap_or(0);
        Ok(Lexicon { words, longest })
    }

    /// What the words `words[0..]` (lower-case) start with in `langs`: the longest phrase, or
    /// the first word alone.
    pub fn lookup(&self, words: &[&str], langs: Langs) -> Option<Hit> {
        self.lookup_with(words.first()?, words.len(), |j| words[j], langs)
    }

    /// [`Lexicon::lookup`] for the `n` words of which `first` is the first and `word(j)` the
    /// `j`th: the words after the first are asked for only where a phrase starts with it.
    pub fn lookup_with<'w>(
        &self,
        first: &str,
        n: usize,
        word: impl Fn(usize) -> &'w str,
        langs: Langs,
    ) -> Option<Hit> {
        if first.len() > self.longest {
            return None;
        }
        let e = self.words.get(first)?;
        for (rest, senses) in &e.phrases {
            if n > rest.len()
                && rest.iter().enumerate().all(|(j, r)| word(j + 1) == r)
                && let Some(h) = hit(senses, langs, rest.len() + 1)
            {
                return Some(h);
            }
        }
        hit(&e.senses, langs, 1)
    }
}

/// The senses of `senses` in `langs`, merged.
fn hit(senses: &[Sense], langs: Langs, words: usize) -> Option<Hit> {
    let mut cues = Cues::NONE;
    let mut factor = None;
    for s in senses.iter().filter(|s| langs.contains(s.lang)) {
        cues = cues.union(s.cues);
        factor = factor.or(s.factor);
    }
    (!cues.is_empty()).then_some(Hit {
        words,
        cues,
        factor,
    })
}

/// Each list of a cue file's map with its name, in the map's order.
#[cfg(test)]
fn lists(m: &std::collections::BTreeMap<String, Vec<String>>) -> Vec<(&str, Vec<&str>)> {
    m.iter()
        .map(|(k, v)| (k.as_str(), v.iter().map(String::as_str).collect()))
        .collect()
}

/// The lower-case words of a lexicon phrase ("went up" → ["went", "up"]).
fn split_words(phrase: &str) -> Vec<String> {
    phrase
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> Langs {
        Langs::of_code("en").expect("en")
    }

    #[test]
    fn every_file_loads_with_known_classes() {
        let lex = Lexicon::from_files(&FILES).expect("cue files");
        assert!(lex.words.len() > 300, "{}", lex.words.len());
        for (i, _) in LANGUAGES.iter().enumerate() {
            let n = lex
                .words
                .values()
                .filter(|e| e.senses.iter().any(|s| s.lang == i))
                .count();
            assert!(n > 60, "language {} has {n} words", LANGUAGES[i]);
        }
    }

    #[test]
    fn the_compiled_tables_say_what_the_files_say() {
        let read = Lexicon::from_files(&FILES).expect("cue files");
        let show = |l: &Lexicon| {
            let mut v: Vec<String> = l.words.iter().map(|(k, e)| format!("{k} {e:?}")).collect();
            v.sort();
            v
        };
        assert_eq!(show(&read), show(&LEXICON));
        assert_eq!(read.longest, LEXICON.longest);
    }

    #[test]
    fn words_and_the_longest_phrase() {
        let h = LEXICON.lookup(&["rose"], en()).expect("rose");
        assert!(h.cues.has(Cue::Up) && h.words == 1);
        let h = LEXICON
            .lookup(&["compared", "with", "x"], en())
            .expect("phrase");
        assert!(h.cues.has(Cue::Against) && h.words == 2, "{h:?}");
        let h = LEXICON.lookup(&["doubled"], en()).expect("doubled");
        assert_eq!(h.factor, Some(Decimal::TWO));
        assert!(LEXICON.lookup(&["sales"], en()).is_none());
    }

    #[test]
    fn a_word_means_what_it_means_in_the_language_asked() {
        let de = Langs::of_code("de-CH").expect("de");
        let von = LEXICON.lookup(&["von"], de).expect("von");
        assert!(von.cues.has(Cue::From) && von.cues.has(Cue::Of));
        assert!(LEXICON.lookup(&["von"], en()).is_none());
        let also = LEXICON.lookup(&["also"], de).expect("also");
        assert!(also.cues.has(Cue::ThatIs));
        assert!(LEXICON.lookup(&["also"], en()).is_none());
        // Without a known language every language's senses count.
        assert!(LEXICON.lookup(&["auf"], Langs::ALL).is_some());
    }

    #[test]
    fn broken_files_are_reported() {
        let bad = "language: en\nclasses:\n  upward: [rose]\n";
        assert!(
            Lexicon::from_files(&[bad])
                .unwrap_err()
                .contains("unknown class")
        );
        let wrong = "language: de\nclasses: {}\n";
        assert!(Lexicon::from_files(&[wrong]).is_err());
    }
}
