//! Locale: which character marks decimals and which groups thousands, per document and per
//! token, with the evidence for each decision.
//!
//! A document's conventions are inferred from numerals that only one convention can read:
//! "1.234.567" and "1.234,5" use a dot for grouping, "3,76" a decimal comma, "8.79" a decimal
//! point, "1,234,567" comma grouping. An ambiguous numeral ("1.000", "380.000", "2,357": one
//! separator followed by exactly three digits) is then resolved by, in this order:
//!
//! 1. an explicit `--locale`;
//! 2. what follows it: a scale word ("4.151 billion") makes it a decimal; a count noun
//!    ("380.000 workers") asks for a whole number;
//! 3. trailing zeros: "3.000" is not how anyone writes the decimal 3;
//! 4. the document's evidence for that separator, when it points one way;
//! 5. the language of the sentence (German text groups with dots);
//! 6. English, the default.

use crate::lex::numeral::{self, CH, Convention, DE, EN, Shape};
use serde::Serialize;

/// The `--locale` setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Setting {
    #[default]
    Auto,
    En,
    EnIn,
    De,
    DeCh,
    Fr,
    Es,
    It,
    Nl,
    Pt,
    /// Any other language or regional variant CLDR describes ("ja", "pt-PT", "es-419").
    Lang(Language),
}

impl Setting {
    /// All names `--locale` accepts.
    pub const NAMES: [&'static str; 10] = [
        "auto", "en", "de", "fr", "es", "it", "nl", "pt", "de-CH", "en-IN",
    ];

    /// Parses a `--locale` value.
    pub fn parse(s: &str) -> Option<Setting> {
        Some(match s {
            "auto" => Setting::Auto,
            "en" => Setting::En,
            "en-IN" => Setting::EnIn,
            "de" => Setting::De,
            "de-CH" => Setting::DeCh,
            "fr" => Setting::Fr,
            "es" => Setting::Es,
            "it" => Setting::It,
            "nl" => Setting::Nl,
            "pt" => Setting::Pt,
            _ => Setting::Lang(Language::parse(s)?),
        })
    }

    /// The setting's name as `--locale` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Setting::Auto => "auto",
            Setting::En => "en",
            Setting::EnIn => "en-IN",
            Setting::De => "de",
            Setting::DeCh => "de-CH",
            Setting::Fr => "fr",
            Setting::Es => "es",
            Setting::It => "it",
            Setting::Nl => "nl",
            Setting::Pt => "pt",
            Setting::Lang(l) => l.code(),
        }
    }

    /// The language the setting reads ([`Language::UND`] for `auto`).
    pub fn language(self) -> Language {
        match self {
            Setting::Auto => Language::UND,
            Setting::En => Language::EN,
            Setting::De => Language::DE,
            Setting::Lang(l) => l,
            other => Language::parse(other.name()).unwrap_or(Language::UND),
        }
    }

    /// The fixed convention of an explicit locale.
    fn convention(self) -> Option<Convention> {
        match self {
            Setting::Auto => None,
            Setting::En | Setting::EnIn => Some(EN),
            Setting::DeCh => Some(CH),
            Setting::Fr => Some(Convention {
                decimal: ',',
                group: '\u{202f}',
                indian: false,
            }),
            Setting::De | Setting::Es | Setting::It | Setting::Nl | Setting::Pt => Some(DE),
            Setting::Lang(l) => {
                let d = l.data()?;
                Some(Convention {
                    decimal: d.decimal,
                    group: d.group,
                    indian: d.indian,
                })
            }
        }
    }
}

pub use crate::lang::Language;

/// What one unambiguous numeral says about the document's conventions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    DecimalPoint,
    DecimalComma,
    DotGrouping,
    CommaGrouping,
}

/// A numeral that served as evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Example {
    pub text: String,
    pub start: usize,
    pub evidence: Evidence,
}

/// The document's number conventions and the evidence behind them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Profile {
    /// The `--locale` setting.
    pub setting: &'static str,
    /// The language of the prose.
    pub language: Language,
    /// How many unambiguous numerals use a decimal point, a decimal comma, dot grouping,
    /// comma grouping.
    pub decimal_point: usize,
    pub decimal_comma: usize,
    pub dot_grouping: usize,
    pub comma_grouping: usize,
    /// The first few numerals of each kind of evidence.
    pub examples: Vec<Example>,
    #[serde(skip)]
    pub explicit: Option<Convention>,
}

/// How many examples of each kind of evidence the profile keeps.
const EXAMPLES_PER_KIND: usize = 3;

impl Profile {
    /// Infers the profile of `text` under `setting`.
    pub fn infer(text: &str, setting: Setting) -> Profile {
        let mut p = Profile {
            setting: setting.name(),
            language: match setting {
                Setting::Auto => detect_language(text),
                _ => setting.language(),
            },
            decimal_point: 0,
            decimal_comma: 0,
            dot_grouping: 0,
            comma_grouping: 0,
            examples: Vec::new(),
            explicit: setting.convention(),
        };
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(off) = memchr_digit(&bytes[i..]) {
            let pos = i + off;
            if pos > 0 && bytes[pos - 1].is_ascii_alphanumeric() {
                i = pos + 1;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                continue;
            }
            // Only a separator makes a numeral evidence: skip plain digit runs unread.
            let run = bytes[pos..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if !numeral::separator_at(text, pos + run) {
                i = pos + run;
                continue;
            }
            let Some(sh) = numeral::shape(text, pos) else {
                i = pos + 1;
                continue;
            };
            i = sh.end();
            if looks_like_date_or_time(text, &sh) {
                continue;
            }
            for ev in evidence(&sh) {
                p.note(&sh, ev);
            }
        }
        p
    }

    fn note(&mut self, sh: &Shape<'_>, ev: Evidence) {
        let count = match ev {
            Evidence::DecimalPoint => &mut self.decimal_point,
            Evidence::DecimalComma => &mut self.decimal_comma,
            Evidence::DotGrouping => &mut self.dot_grouping,
            Evidence::CommaGrouping => &mut self.comma_grouping,
        };
        *count += 1;
        if *count <= EXAMPLES_PER_KIND {
            self.examples.push(Example {
                text: sh.text.to_string(),
                start: sh.start,
                evidence: ev,
            });
        }
    }

    /// Decides how to read `sh`; `cue` says what the text around it suggests.
    pub fn resolve(&self, sh: &Shape<'_>, cue: Cue) -> Resolution {
        self.resolve_in(sh, cue, || cue.sentence)
    }

    /// [`Profile::resolve`] where the language of the sentence at the last step is found by
    /// `sentence`, which is called only if nothing before it decides (its answer stands for
    /// `cue.sentence` there; the scale-word step still reads `cue.sentence`).
    pub fn resolve_in(
        &self,
        sh: &Shape<'_>,
        cue: Cue,
        sentence: impl FnOnce() -> Option<Language>,
    ) -> Resolution {
        // Without separators, every convention reads the digits alike.
        if sh.seps.is_empty() && sh.leading.is_none() {
            return sh
                .read(EN)
                .map_or(Resolution::Unreadable, Resolution::plain);
        }
        if let Some(conv) = self.explicit {
            if let Some(v) = sh.read(conv) {
                return Resolution::plain(v);
            }
            // Another convention's reading is taken where it groups digits ("1.111,11" under
            // en) or where a single separator can only be its decimal mark ("1,3" under en);
            // "22,24,26,31" under en stays a list.
            let other = [EN, DE, CH]
                .into_iter()
                .filter_map(|c| sh.read(c))
                .find(|v| v.grouped || sh.seps.len() == 1);
            return other.map_or(Resolution::Unreadable, Resolution::plain);
        }
        let en = sh.read(EN);
        let de = sh.read(DE).or_else(|| sh.read(CH));
        match (en, de) {
            (None, None) => Resolution::Unreadable,
            (Some(v), None) | (None, Some(v)) => Resolution::plain(v),
            (Some(a), Some(b)) if a.value == b.value => Resolution::plain(a),
            (Some(en), Some(de)) => {
                let sep = sh.seps.last().copied().unwrap_or('.');
                let (group, decimal) = if sep == '.' { (de, en) } else { (en, de) };
                let (grouping, reason) = self.decide(sh, sep, cue, sentence);
                let v = if grouping { group } else { decimal };
                Resolution::Ambiguous {
                    value: v,
                    grouping,
                    reason,
                }
            }
        }
    }

    /// Whether the ambiguous separator `sep` groups thousands, and why.
    fn decide(
        &self,
        sh: &Shape<'_>,
        sep: char,
        cue: Cue,
        sentence: impl FnOnce() -> Option<Language>,
    ) -> (bool, String) {
        if let Some(conv) = self.explicit {
            return (
                conv.group == sep,
                format!("--locale {} reads '{sep}' that way", self.setting),
            );
        }
        // A scale word after "4.151" in English or "1,5" in German makes the separator that
        // language's decimal mark; "28,437 mln" in English stays a grouped number. A word of
        // languages that agree on their decimal mark ("millones") brings that mark with it.
        let comma_cue = cue
            .scale_decimal
            .unwrap_or_else(|| decimal_mark(cue.sentence.unwrap_or(self.language)))
            == ',';
        let decimal_here = if sep == '.' {
            !comma_cue || self.decimal_point > 0
        } else {
            comma_cue || (self.decimal_comma > 0 && self.comma_grouping == 0)
        };
        if let Some(word) = cue.scale_word.filter(|_| decimal_here) {
            return (
                false,
                format!("the scale word \"{word}\" follows, so '{sep}' marks decimals"),
            );
        }
        if let Some(word) = cue.count_noun {
            return (
                true,
                format!("\"{word}\" counts whole things, so '{sep}' groups thousands"),
            );
        }
        if sh.groups.last().is_some_and(|g| *g == "000") {
            return (
                true,
                "a decimal is not written with three trailing zeros".to_string(),
            );
        }
        let (as_group, as_decimal) = if sep == '.' {
            (self.dot_grouping, self.decimal_point)
        } else {
            (self.comma_grouping, self.decimal_comma)
        };
        if as_group > 0 && as_decimal == 0 {
            return (
                true,
                format!(
                    "the document groups with '{sep}' elsewhere ({as_group}×) and never uses it as a decimal mark"
                ),
            );
        }
        if as_decimal > 0 && as_group == 0 {
            return (
                false,
                format!(
                    "the document uses '{sep}' as a decimal mark elsewhere ({as_decimal}×) and never to group"
                ),
            );
        }
        // The last step: the language of the sentence.
        let language = sentence().unwrap_or(self.language);
        let grouping = sep != decimal_mark(language);
        let lang = match language {
            Language::UND => "English",
            l => l.name(),
        };
        (
            grouping,
            format!(
                "the sentence is {lang}, which writes '{sep}' as {}",
                if grouping {
                    "grouping"
                } else {
                    "a decimal mark"
                }
            ),
        )
    }
}

/// What the words around an ambiguous numeral suggest.
#[derive(Debug, Clone, Copy, Default)]
pub struct Cue<'a> {
    /// A scale word follows ("billion", "Mio.").
    pub scale_word: Option<&'a str>,
    /// The decimal mark of the languages that write that scale word, where they agree
    /// ("millones": ',').
    pub scale_decimal: Option<char>,
    /// A noun that counts whole things follows ("workers", "Menschen").
    pub count_noun: Option<&'a str>,
    /// The language of the sentence around it, if it is clear.
    pub sentence: Option<Language>,
}

/// How a numeral was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// Only one reading exists.
    Plain(numeral::Value),
    /// Two readings existed; `grouping` tells which was taken and `reason` why.
    Ambiguous {
        value: numeral::Value,
        grouping: bool,
        reason: String,
    },
    /// No convention reads the shape.
    Unreadable,
}

impl Resolution {
    fn plain(v: numeral::Value) -> Self {
        Resolution::Plain(v)
    }
}

/// The evidence an unambiguous numeral gives.
fn evidence(sh: &Shape<'_>) -> Vec<Evidence> {
    let en = sh.read(EN);
    let de = sh.read(DE);
    let mut out = Vec::new();
    match (en, de) {
        (Some(v), None) => {
            if v.decimal_mark == Some('.') {
                out.push(Evidence::DecimalPoint);
            }
            if v.grouped && sh.seps.contains(&',') {
                out.push(Evidence::CommaGrouping);
            }
        }
        (None, Some(v)) => {
            if v.decimal_mark == Some(',') {
                out.push(Evidence::DecimalComma);
            }
            if v.grouped && sh.seps.contains(&'.') {
                out.push(Evidence::DotGrouping);
            }
        }
        _ => {}
    }
    out
}

/// Dates and times ("04.02.2026", "10.30 Uhr") look like numerals but say nothing of the
/// document's decimal mark.
fn looks_like_date_or_time(text: &str, sh: &Shape<'_>) -> bool {
    let dotted_date = sh.seps.len() == 2
        && sh.seps.iter().all(|&c| c == '.')
        && sh.groups[0].len() <= 2
        && sh.groups[1].len() <= 2
        && (sh.groups[2].len() == 4 || sh.groups[2].len() == 2);
    let rest = text[sh.end()..].trim_start();
    let clock = sh.seps.len() == 1 && rest.starts_with("Uhr");
    dotted_date || clock
}

/// The offset of the first ASCII digit in `bytes`, eight bytes at a time.
fn memchr_digit(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        // XOR with '0' maps the digits, and only them, to bytes below 10.
        let x = u64::from_le_bytes(word) ^ (ONES * 0x30);
        if x.wrapping_sub(ONES * 10) & !x & HIGHS != 0 {
            return chunk.iter().position(u8::is_ascii_digit).map(|p| base + p);
        }
        base += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(u8::is_ascii_digit)
        .map(|p| base + p)
}

/// The decimal mark of `language`'s digits ('.' where it is not known).
pub fn decimal_mark(language: Language) -> char {
    language.data().map_or('.', |d| d.decimal)
}

/// Guesses the language of `text`: English or German from common function words where they
/// are dense, else by [`crate::lang::detect`] on a sample; English when nothing tells.
pub fn detect_language(text: &str) -> Language {
    // A sample is enough; this runs once per document.
    let end = floor_char_boundary(text, 16 * 1024);
    let sample = &text[..end];
    let (en, de, words) = function_words(sample);
    // In English and German prose about one word in five is one of these; a few in a text of
    // another language ("on", "die") are loans or names.
    if (en + de) * 20 >= words && decisive(en, de) {
        return if de > en { Language::DE } else { Language::EN };
    }
    let detected = crate::lang::detect_sample(sample, 2048);
    // A headline of a few words ("Tsunami nach Erdbeben in Indonesien: hunderte Tote") has a
    // function word or two of one language and none of the other: they tell it, unless the
    // detector is sure of a third language.
    let one_sided = en.min(de) == 0 && en.max(de) >= 1 && words < 20;
    if one_sided && detected.is_none_or(|l| matches!(l.base(), Language::EN | Language::DE)) {
        return if de > en { Language::DE } else { Language::EN };
    }
    if let Some(l) = detected {
        return l;
    }
    // Too short for the detector to be sure: the function words, however few, else its guess
    // ("Kosten stiegen um zwei Millionen Euro.") choose between the two languages whose number
    // words are read; English when neither tells.
    match en.cmp(&de) {
        std::cmp::Ordering::Greater => Language::EN,
        std::cmp::Ordering::Less => Language::DE,
        std::cmp::Ordering::Equal => {
            match crate::lang::guess(&sample[..floor_char_boundary(sample, 2048)]) {
                Some(Language::DE) => Language::DE,
                _ => Language::EN,
            }
        }
    }
}

/// The language of a passage, if its function words point clearly one way, or else the
/// language detector is confident of it.
pub fn language_of(passage: &str) -> Option<Language> {
    let (en, de, _) = function_words(passage);
    if !decisive(en, de) {
        // "Diebe stehlen 26.750 US-Dollar ... in Newport on the Levee": a name's "on the"
        // outweighs one "der"; the detector reads the whole passage.
        crate::lang::detect(passage).or(match en.cmp(&de) {
            std::cmp::Ordering::Greater => Some(Language::EN),
            std::cmp::Ordering::Less => Some(Language::DE),
            std::cmp::Ordering::Equal => None,
        })
    } else if de > en {
        Some(Language::DE)
    } else {
        Some(Language::EN)
    }
}

/// Whether `en` English and `de` German function words tell the language: clearly more of the
/// one than of the other.
fn decisive(en: usize, de: usize) -> bool {
    en.max(de) >= 2 * en.min(de) + 2
}

/// How many English and German function words, and how many words, `passage` has.
fn function_words(passage: &str) -> (usize, usize, usize) {
    let (mut en, mut de, mut words) = (0usize, 0usize, 0usize);
    for w in passage
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        match w {
            "the" | "and" | "of" | "to" | "is" | "that" | "for" | "with" | "was" | "are" | "on"
            | "by" | "from" | "have" | "has" | "this" | "which" | "were" | "their" | "The"
            | "at" | "it" | "as" | "be" | "but" | "not" | "or" | "been" | "they" | "its"
            | "said" | "had" | "would" | "who" | "It" | "They" => en += 1,
            "der" | "die" | "das" | "und" | "ist" | "nicht" | "mit" | "von" | "den" | "zu"
            | "im" | "für" | "auf" | "sich" | "dem" | "des" | "eine" | "wird" | "auch" | "Die"
            | "Der" | "Das" | "nach" | "bei" | "aus" | "über" | "oder" | "sind" | "hat" | "als"
            | "aber" | "nur" | "dass" | "wurde" | "wurden" | "noch" | "wie" | "werden" | "um"
            | "vom" | "zum" | "zur" | "beim" | "einer" | "einen" | "Nach" | "Bei" | "Im" => de += 1,
            _ => {}
        }
    }
    (en, de, words)
}

/// The largest char boundary at or below `i`.
pub fn floor_char_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    let mut i = i;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_headlines_are_told_by_their_function_words() {
        assert_eq!(
            detect_language("Sturm nach Erdbeben in Chile: hunderte Verletzte"),
            Language::DE
        );
        assert_eq!(
            detect_language("Flood at the coast: it was not safe"),
            Language::EN
        );
    }
    use rust_decimal::Decimal;
    use std::str::FromStr;

    fn value(p: &Profile, s: &str, cue: Cue) -> Decimal {
        let sh = numeral::shape(s, 0).unwrap();
        match p.resolve(&sh, cue) {
            Resolution::Plain(v) | Resolution::Ambiguous { value: v, .. } => v.value.unwrap(),
            Resolution::Unreadable => panic!("unreadable {s}"),
        }
    }

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn evidence_is_counted_from_unambiguous_numerals_only() {
        let p = Profile::infer(
            "It cost 3.76 million, 8.79% and 1,234,567 people; 380.000 and 04.02.2026.",
            Setting::Auto,
        );
        assert_eq!(p.decimal_point, 2);
        assert_eq!(p.comma_grouping, 1);
        assert_eq!(p.dot_grouping, 0);
        assert_eq!(p.decimal_comma, 0);
    }

    #[test]
    fn trailing_zeros_beat_decimal_point_evidence() {
        let p = Profile::infer("3.76 million and 8.79% of the vote", Setting::Auto);
        assert_eq!(value(&p, "380.000", Cue::default()), dec("380000"));
        // Without trailing zeros, the document's decimal point decides.
        assert_eq!(value(&p, "2.357", Cue::default()), dec("2.357"));
    }

    #[test]
    fn scale_words_and_count_nouns_decide() {
        let p = Profile::infer("the 1.234.567 people", Setting::Auto);
        let scale = Cue {
            scale_word: Some("billion"),
            ..Cue::default()
        };
        assert_eq!(value(&p, "4.151", scale), dec("4.151"));
        let count = Cue {
            count_noun: Some("workers"),
            ..Cue::default()
        };
        assert_eq!(
            value(&Profile::infer("8.79", Setting::Auto), "2.357", count),
            dec("2357")
        );
    }

    #[test]
    fn a_scale_word_makes_only_the_language_s_decimal_mark_a_decimal() {
        let p = Profile::infer("the 28,437 mln dlrs of assets", Setting::Auto);
        let scale = Cue {
            scale_word: Some("mln"),
            ..Cue::default()
        };
        assert_eq!(value(&p, "28,437", scale), dec("28437"));
        assert_eq!(value(&p, "4.151", scale), dec("4.151"));
        let de = Profile::infer("Die Stadt und der Fluss", Setting::Auto);
        assert_eq!(value(&de, "1,234", scale), dec("1.234"));
    }

    #[test]
    fn explicit_locale_wins() {
        let en = Profile::infer("", Setting::En);
        let de = Profile::infer("", Setting::De);
        assert_eq!(value(&en, "4.800", Cue::default()), dec("4.8"));
        assert_eq!(value(&de, "4.800", Cue::default()), dec("4800"));
        assert_eq!(value(&de, "4,800", Cue::default()), dec("4.8"));
        // A shape the explicit locale cannot read falls back to the other convention.
        assert_eq!(value(&en, "1.111,11", Cue::default()), dec("1111.11"));
    }

    #[test]
    fn digit_search_finds_the_first_digit_only() {
        for (s, want) in [
            ("abcdefghij7", Some(10)),
            ("::;;//..", None),
            ("x9", Some(1)),
            ("0", Some(0)),
            ("abcdefgh:/@", None),
        ] {
            assert_eq!(memchr_digit(s.as_bytes()), want, "{s}");
        }
    }

    #[test]
    fn german_sentences_group_with_dots() {
        let p = Profile::infer("Die Stadt und der Fluss", Setting::Auto);
        assert_eq!(p.language, Language::DE);
        assert_eq!(value(&p, "2.357", Cue::default()), dec("2357"));
        assert_eq!(value(&p, "2,357", Cue::default()), dec("2.357"));
    }
}
