//! The lines of a language file of `lang/cldr/`, as `build.rs` reads them into the tables
//! compiled into the library (this module uses only `std`, for the build script includes it).
//!
//! A file is tab-separated: a head of `code`, `name`, `parent`, `decimal`, `group`, `indian`,
//! `digits` and `native` lines, then the word lines `percent`, `permille`, `pword`, `mword`,
//! `scale`, `money` and `sign`. Blank lines and lines that start with `#` are skipped.
//!
//! At run time the library reads only the compiled heads ([`head`], [`field`]) and looks keys
//! up by their edge ([`key_edge`]); its tests check the compiled tables against these readings.
#![cfg_attr(not(test), allow(dead_code))]

use std::collections::BTreeMap;

/// The keys of a file's head: its lines before the first word.
pub const HEAD: &[&str] = &[
    "code", "name", "parent", "decimal", "group", "indian", "digits", "native",
];

/// The fields of a word line that [`words`] reads.
pub const WORD_FIELDS: usize = 5;

/// What a word line says a word does to the number next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sense<'a> {
    /// Multiplies it by ten to this power.
    Scale(u32),
    Percent,
    PerMille,
    /// Makes it an amount of this currency (ISO code).
    Money(&'a str),
}

/// One word or sign of a file, with where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row<'a> {
    pub text: &'a str,
    pub sense: Sense<'a>,
    /// Before the number ("$ 5", "%50"), not after it.
    pub before: bool,
    /// Short forms ("M", "Mrd.") match case exactly; names and long forms in any case.
    pub exact: bool,
}

/// The lines of a file that are neither blank nor comments, split at tabs, each cut to its
/// first [`WORD_FIELDS`] fields; a line may end in "\r\n".
pub fn lines(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').take(WORD_FIELDS).collect())
}

/// The head of a file: its lines up to the first word, split into fields.
pub fn head(text: &str) -> Vec<Vec<&str>> {
    lines(text).take_while(|l| HEAD.contains(&l[0])).collect()
}

/// The first value of the line `key` in a file's `head` ("decimal" → ",").
pub fn field<'a>(head: &[Vec<&'a str>], key: &str) -> Option<&'a str> {
    head.iter()
        .find(|l| l[0] == key)
        .and_then(|l| l.get(1).copied())
}

/// The words and signs of a file's word lines, in the file's order.
pub fn words(text: &str) -> Vec<Row<'_>> {
    let mut rows = Vec::new();
    for l in lines(text) {
        read_word(&l, &mut rows);
    }
    rows
}

fn read_word<'a>(l: &[&'a str], rows: &mut Vec<Row<'a>>) {
    let field = |k: usize| l.get(k).copied().unwrap_or("");
    let before = |k: usize| field(k) == "before";
    let mut word = |text: &'a str, sense: Sense<'a>, before: bool, exact: bool| {
        if !text.is_empty() {
            rows.push(Row {
                text,
                sense,
                before,
                exact,
            });
        }
    };
    match l[0] {
        "percent" => word(field(2), Sense::Percent, before(1), true),
        "permille" => word(field(2), Sense::PerMille, before(1), true),
        "pword" => word(field(2), Sense::Percent, before(1), false),
        "mword" => word(field(2), Sense::PerMille, before(1), false),
        "scale" => {
            let Ok(exp) = field(1).parse::<u32>() else {
                return;
            };
            // Short forms are abbreviations whose case means something ("M", not "m");
            // a lone small letter ("5 m") is a metre as often as a million.
            // Two letters or fewer are an abbreviation in any form ("M" as a long form).
            let short = field(2) == "short" || latin_letters(field(4)) <= 2;
            if short && latin_letters(field(4)) == 1 && field(4).starts_with(char::is_lowercase) {
                return;
            }
            word(field(4), Sense::Scale(exp), before(3), short)
        }
        "money" => word(field(2), Sense::Money(field(1)), false, false),
        "sign" => {
            // A lone Latin letter ("R", "L") is too often something else.
            let s = field(2);
            if !(s.chars().count() == 1 && s.chars().all(|c| c.is_ascii_alphabetic())) {
                word(s, Sense::Money(field(1)), false, true);
                word(s, Sense::Money(field(1)), true, true);
            }
        }
        _ => {}
    }
}

/// How many letters `word` has if they are all ASCII (a period aside), else `usize::MAX`.
pub fn latin_letters(word: &str) -> usize {
    let letters = word.trim_end_matches('.');
    if letters.bytes().all(|b| b.is_ascii_alphabetic()) {
        letters.len()
    } else {
        usize::MAX
    }
}

/// The first character of the lookup key of `text` after a number (`before` false), or the
/// last before one: that character lower-cased.
pub fn key_edge(text: &str, before: bool) -> Option<char> {
    let c = if before {
        text.chars().next_back()?
    } else {
        text.chars().next()?
    };
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    if before {
        c.to_lowercase().last()
    } else {
        c.to_lowercase().next()
    }
}

/// The words of every language in parts by the edge of their key ([`key_edge`]) and their
/// place (`true` before the number), each with its language's decimal mark: `langs` gives, in
/// language order, a language's mark and its words. "M", "Md", "Mn" scale only in the
/// languages that abbreviate so, and are left out.
pub fn union_parts<'a>(
    langs: &[(char, Vec<Row<'a>>)],
) -> BTreeMap<(char, bool), Vec<(Row<'a>, char)>> {
    let mut parts: BTreeMap<(char, bool), Vec<(Row<'a>, char)>> = BTreeMap::new();
    for (decimal, rows) in langs {
        for r in rows {
            if matches!(r.sense, Sense::Scale(_)) && latin_letters(r.text) <= 2 {
                continue;
            }
            if let Some(c) = key_edge(r.text, r.before) {
                parts.entry((c, r.before)).or_default().push((*r, *decimal));
            }
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_skip_comments_and_blanks_and_keep_five_fields() {
        let text = "code\tes\n# note\n\nscale\t6\tlong\tafter\tmillones\textra\r\nsign\tUSD\tUS$";
        let got: Vec<Vec<&str>> = lines(text).collect();
        assert_eq!(
            got,
            [
                vec!["code", "es"],
                vec!["scale", "6", "long", "after", "millones"],
                vec!["sign", "USD", "US$"],
            ]
        );
        assert_eq!(head(text), [vec!["code", "es"]]);
    }

    #[test]
    fn word_lines_become_rows() {
        let text = "code\txx\nscale\t6\tshort\tafter\tM\nscale\t6\tshort\tafter\tm\n\
                    pword\tbefore\tpor ciento\nsign\tZAR\tR\nsign\tPEN\tS/\nscale\tx\tlong\tafter\tbad\n";
        let rows = words(text);
        let show: Vec<_> = rows
            .iter()
            .map(|r| (r.text, r.sense, r.before, r.exact))
            .collect();
        assert_eq!(
            show,
            [
                ("M", Sense::Scale(6), false, true),
                ("por ciento", Sense::Percent, true, false),
                ("S/", Sense::Money("PEN"), false, true),
                ("S/", Sense::Money("PEN"), true, true),
            ]
        );
    }
}
