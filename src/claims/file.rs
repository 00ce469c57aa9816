//! Claim files: curated claims about an article, with the facts they rest on and where those
//! come from, checked by `recount verify` with the same engine as `recount check`.
//!
//! # Schema
//!
//! ```yaml
//! article: articles/harbor-budget.md  # optional; relative to the claim file
//! locale: en                          # how to read the numbers in this file; default auto
//! facts:                              # name: fact; names are letters, digits and _
//!   budget_2026:
//!     value: $412 million             # read by the recognizer, as in an article
//!     quote: "a budget of $412 million"   # optional; must stand in the article once
//!     source: "council minutes, 12 March 2026"  # optional, free text
//!   budget_2025: { value: 380, unit: million USD }  # a unit is appended before reading
//!   # Every fact also takes `note:` (free text) and `range:` (see below).
//!   budget_rise: { derive: budget_2026 - budget_2025 }  # a fact may be derived from others
//! facts_from: [data/budget.csv]       # optional: CSV rows name,value[,unit,source]
//! claims:
//!   - id: budget-increase             # required, unique: findings carry it
//!     quote: "an increase of 8.4%"    # optional; must stand in the article once
//!     stated: 8.4%                    # the figure the article states, hedge and all
//!     derive: pct_change(budget_2025, budget_2026)   # see the derive module
//!     note: "the article rounds to a tenth"          # optional; added to the message
//!     source: "…"                     # optional, free text
//!     tolerance: 0.1%                 # optional: widens what `stated` allows, either side
//!   - id: turnout-tripled
//!     stated: tripled                 # a statement the recognizer does not read alone …
//!     allows: "[2.7, 3.3]"            # … says what it allows, as an interval
//!     derive: ballots_2025 / ballots_2021
//!   - id: workforce-share
//!     stated: about 45%
//!     unverifiable: the article never states the cities' workforce   # instead of derive
//!   - id: table2-ratings              # statistics, instead of stated and derive:
//!     grim: {mean: "5.19", n: 28, items: 1}     # also grimmer, debit, p_value (see stat_claims)
//! ```
//!
//! Every value — `value`, `stated`, `tolerance` and the numbers inside `derive` — is read by
//! the recognizer that reads articles, under the file's `locale`: "430.000", "3.76 million",
//! "8.79%", "just under 20%", "more than twice". A figure stands for its rounding interval and
//! a hedge shapes what the stated figure allows, so a claim's verdict is exactly the verdict
//! `check` gives the same figures in an article. `tolerance` is in the stated figure's units
//! (for a percentage, `0.5%` is half a percentage point).
//!
//! Where the usual reading does not fit, an interval says it outright: `allows` on a claim
//! (what the statement allows, instead of the stated figure's rounding and hedge) and `range`
//! on a fact (what the value may have been, instead of its rounding). An interval is
//! `[lo, hi]` with figures read by the recognizer, a round bracket for an open end and an
//! empty end for none: `"[19%, 20%)"`, `"(2, ]"`. Quote it: YAML reads `[` as a list.
//!
//! A CSV file of `facts_from` has one fact a row: `name,value[,unit,source]`; a first row
//! `name,value,…` is a header; quote a value with commas ("1,234"). A unit is appended to the
//! value before it is read ("38" and "%" read as 38%).
//!
//! Positions: serde gives no spans for values, so [`Yaml`] finds them in the text: the claim
//! at its `id:` line, a fact at its key, a field at its key within the claim or fact.

use super::derive::{self, Ast, FactRef};
use crate::check::interval::ArithError;
use crate::check::{self, Claim, Expr, Operand, Outcome, Stated};
use crate::locale::Setting;
use crate::quantity::Span;
use crate::report::LineIndex;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};
use std::fmt;
use std::path::{Component, Path, PathBuf};

/// The rule id of findings from claim files.
pub const RULE: &str = "claim";

/// An error in a claim file (or a file it names) that stops it from being checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The file the error is in: the claim file, a CSV file, the article.
    pub path: String,
    /// 1-based line and column, and the byte span in that file, when known.
    pub at: Option<At>,
    pub message: String,
}

/// A place in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At {
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Some(a) => write!(f, "{}:{}:{}: {}", self.path, a.line, a.column, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for Error {}

/// A claim file that could not be checked: its text (if it could be read) and every error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failed {
    pub path: String,
    pub text: Option<String>,
    pub errors: Vec<Error>,
}

// ---------------------------------------------------------------------------------------------
// The schema as serde reads it.

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    article: Option<String>,
    locale: Option<String>,
    #[serde(default)]
    facts: RawFacts,
    #[serde(default)]
    facts_from: Vec<String>,
    claims: Vec<RawClaim>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFact {
    value: Option<String>,
    derive: Option<String>,
    range: Option<String>,
    unit: Option<String>,
    quote: Option<String>,
    source: Option<String>,
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaim {
    id: String,
    /// Required, except for the statistics claims (see [`super::stat_claims`]).
    #[serde(default)]
    stated: String,
    grim: Option<serde_yaml::Value>,
    grimmer: Option<serde_yaml::Value>,
    debit: Option<serde_yaml::Value>,
    p_value: Option<serde_yaml::Value>,
    quote: Option<String>,
    derive: Option<String>,
    unverifiable: Option<String>,
    note: Option<String>,
    source: Option<String>,
    tolerance: Option<String>,
    allows: Option<String>,
}

/// The facts in the order written, duplicates kept (serde's maps would keep only the last).
#[derive(Debug, Default)]
struct RawFacts(Vec<(String, RawFact)>);

impl<'de> Deserialize<'de> for RawFacts {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawFacts;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map from fact names to facts")
            }
            fn visit_unit<E: de::Error>(self) -> Result<RawFacts, E> {
                Ok(RawFacts::default())
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<RawFacts, A::Error> {
                let mut v = Vec::new();
                while let Some(k) = m.next_key::<String>()? {
                    v.push((k, m.next_value()?));
                }
                Ok(RawFacts(v))
            }
        }
        d.deserialize_any(V)
    }
}

// ---------------------------------------------------------------------------------------------
// Finding positions in the YAML text.

/// Finds keys and values in the text of a YAML file written in block style, as claim files
/// are; where it finds nothing (flow style, odd layouts) callers fall back to a wider place.
pub struct Yaml<'t> {
    text: &'t str,
    /// Byte ranges of the lines, without their line breaks.
    lines: Vec<(usize, usize)>,
}

impl<'t> Yaml<'t> {
    pub fn new(text: &'t str) -> Self {
        let mut lines = Vec::new();
        let mut start = 0;
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                lines.push((start, i));
                start = i + 1;
            }
        }
        if start < text.len() {
            lines.push((start, text.len()));
        }
        Yaml { text, lines }
    }

    fn line(&self, i: usize) -> &'t str {
        let (s, e) = self.lines[i];
        self.text[s..e].trim_end_matches('\r')
    }

    fn indent(&self, i: usize) -> usize {
        let l = self.line(i);
        l.len() - l.trim_start().len()
    }

    /// Whether line `i` holds content (not blank, not a comment).
    fn content(&self, i: usize) -> bool {
        let t = self.line(i).trim_start();
        !t.is_empty() && !t.starts_with('#')
    }

    /// The line of the top-level key `key:`.
    fn top_key(&self, key: &str) -> Option<usize> {
        (0..self.lines.len()).find(|&i| {
            let l = self.line(i);
            self.indent(i) == 0 && key_of(l).is_some_and(|(k, _)| k == key)
        })
    }

    /// The lines of the direct children of the block at line `at`.
    fn children(&self, at: usize) -> Vec<usize> {
        let base = self.indent(at);
        let mut out = Vec::new();
        let mut child = None;
        for i in at + 1..self.lines.len() {
            if !self.content(i) {
                continue;
            }
            let ind = self.indent(i);
            if ind <= base && !(base == 0 && ind == 0 && self.line(i).starts_with("- ")) {
                break;
            }
            let c = *child.get_or_insert(ind);
            if ind == c {
                out.push(i);
            }
        }
        out
    }

    /// The keys of the mapping under the top-level `section:`, in order, with their spans.
    fn keys_under(&self, section: &str) -> Vec<(String, Span)> {
        let Some(at) = self.top_key(section) else {
            return Vec::new();
        };
        self.children(at)
            .into_iter()
            .filter_map(|i| {
                let l = self.line(i);
                let ind = self.indent(i);
                let (k, r) = key_of(&l[ind..])?;
                let s = self.lines[i].0 + ind + r.start;
                Some((k, Span::new(s, s + r.len())))
            })
            .collect()
    }

    /// The byte spans of the items of the sequence under the top-level `section:`.
    fn items_under(&self, section: &str) -> Vec<Span> {
        let Some(at) = self.top_key(section) else {
            return Vec::new();
        };
        let starts: Vec<usize> = self
            .children(at)
            .into_iter()
            .filter(|&i| self.line(i).trim_start().starts_with('-'))
            .collect();
        let end_of_section = (at + 1..self.lines.len())
            .find(|&i| self.content(i) && self.indent(i) == 0 && !self.line(i).starts_with('-'))
            .map_or(self.text.len(), |i| self.lines[i].0);
        starts
            .iter()
            .enumerate()
            .map(|(k, &i)| {
                let end = starts
                    .get(k + 1)
                    .map_or(end_of_section, |&j| self.lines[j].0);
                Span::new(self.lines[i].0, end)
            })
            .collect()
    }

    /// The span of the value of `field:` inside `block` (without quotes), if it is there.
    pub fn field(&self, block: Span, field: &str) -> Option<Span> {
        let b = &self.text[block.start..block.end];
        let mut from = 0;
        while let Some(k) = b[from..].find(field) {
            let p = from + k;
            from = p + field.len();
            let before = b[..p].trim_end_matches(' ');
            let at_key = before.is_empty()
                || before.ends_with(['\n', '{', ',', '-']) && !before.ends_with("--");
            let after = &b[p + field.len()..];
            let after_trim = after.trim_start_matches(' ');
            if !at_key || !after_trim.starts_with(':') {
                continue;
            }
            let colon = p + field.len() + (after.len() - after_trim.len());
            let flow = before
                .rfind('{')
                .is_some_and(|o| !before[o..].contains('}'))
                && !before[before.rfind('{').unwrap_or(0)..].contains('\n');
            let v = &b[colon + 1..];
            let lead = v.len() - v.trim_start_matches(' ').len();
            let v0 = colon + 1 + lead;
            let rest = &b[v0..];
            let (s, e) = if let Some(q) = rest.strip_prefix('"') {
                let mut end = q.len();
                let mut esc = false;
                for (i, c) in q.char_indices() {
                    if esc {
                        esc = false;
                    } else if c == '\\' {
                        esc = true;
                    } else if c == '"' {
                        end = i;
                        break;
                    }
                }
                (v0 + 1, v0 + 1 + end)
            } else if let Some(q) = rest.strip_prefix('\'') {
                let end = q.find('\'').unwrap_or(q.len());
                (v0 + 1, v0 + 1 + end)
            } else {
                let line_end = rest.find('\n').unwrap_or(rest.len());
                let mut end = rest[..line_end].find(" #").unwrap_or(line_end);
                if flow {
                    end = rest[..end].find([',', '}']).unwrap_or(end);
                }
                (v0, v0 + rest[..end].trim_end().len())
            };
            return Some(Span::new(block.start + s, block.start + e));
        }
        None
    }

    /// The first place where `needle` stands, from `from` on.
    fn find(&self, needle: &str, from: usize) -> Option<Span> {
        let k = self.text.get(from..)?.find(needle)?;
        Some(Span::new(from + k, from + k + needle.len()))
    }
}

/// The key of a `key: …` line (quotes removed) and its byte range in `line`.
fn key_of(line: &str) -> Option<(String, std::ops::Range<usize>)> {
    let l = line.strip_prefix("- ").unwrap_or(line);
    let off = line.len() - l.len();
    let (k, r) = if let Some(q) = l.strip_prefix('"').or_else(|| l.strip_prefix('\'')) {
        let close = q.find(['"', '\''])?;
        (q[..close].to_string(), 1..1 + close)
    } else {
        let c = l.find(':')?;
        (l[..c].trim_end().to_string(), 0..l[..c].trim_end().len())
    };
    let after = &l[r.end + usize::from(r.start == 1)..];
    if !after.trim_start().starts_with(':') || k.is_empty() {
        return None;
    }
    Some((k, off + r.start..off + r.end))
}

// ---------------------------------------------------------------------------------------------
// A loaded claim file.

/// What a fact is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactDef {
    Value(Operand),
    Derived(Ast),
}

/// A fact of a claim file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub name: String,
    pub def: FactDef,
    pub quote: Option<String>,
    pub source: Option<String>,
    /// Where the fact is defined: the claim file or a CSV file, and the place in it.
    pub path: String,
    pub at: At,
    /// Where its quote stands in the claim file.
    pub quote_at: Option<Span>,
}

/// A claim of a claim file, ready for the checker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub claim: Claim,
    pub quote: Option<String>,
    /// Where the claim's `id` value, its `derive` value and its quote stand in the claim file.
    pub at: Span,
    pub derive_at: Option<Span>,
    pub quote_at: Option<Span>,
}

/// The article a claim file is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The path to show: the claim file's directory joined with `article`, tidied.
    pub path: String,
    pub text: String,
}

/// A claim file, read and compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimFile {
    pub path: String,
    pub text: String,
    pub setting: Setting,
    pub article: Option<Article>,
    pub facts: Vec<Fact>,
    pub entries: Vec<Entry>,
}

/// What a claim's quote gave in the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteIssue {
    /// "claim \"budget-increase\"" or "fact \"budget_2026\"".
    pub owner: String,
    /// The claim's id, for a claim's quote.
    pub id: Option<String>,
    pub quote: String,
    /// Where the quote stands in the claim file.
    pub at: Span,
    /// Where it stands in the article: empty when stale, two or more when ambiguous.
    pub found: Vec<Span>,
}

impl QuoteIssue {
    /// A stale quote (no longer in the article) is an error; one found twice a warning.
    pub fn is_error(&self) -> bool {
        self.found.is_empty()
    }

    pub fn kind(&self) -> &'static str {
        if self.is_error() {
            "stale-quote"
        } else {
            "quote-twice"
        }
    }

    pub fn message(&self, article: &str) -> String {
        if self.found.is_empty() {
            format!(
                "{}: the quote no longer stands in {article}: \"{}\"",
                self.owner, self.quote
            )
        } else {
            format!(
                "{}: the quote stands {} times in {article}; lengthen it so that it points at one place: \"{}\"",
                self.owner,
                self.found.len(),
                self.quote
            )
        }
    }
}

/// A checked claim, with where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub id: String,
    pub outcome: Outcome,
    /// The claim's `id` value in the claim file.
    pub at: Span,
    /// The quote in the article, where it stands once.
    pub quote: Option<Span>,
    /// The stated figure inside that quote, if it is there as written.
    pub stated: Option<Span>,
    /// Quotes of the facts the claim uses that stand once in the article.
    pub fact_quotes: Vec<(String, Span)>,
}

/// A verified claim file: every claim's outcome, and the quotes that no longer fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub path: String,
    pub text: String,
    pub article: Option<Article>,
    pub checked: Vec<Checked>,
    pub quotes: Vec<QuoteIssue>,
}

/// Reads, compiles and verifies the claim file at `path`.
pub fn verify_path(path: &str) -> Result<Verified, Failed> {
    let doc = crate::source::read(path, None).map_err(|e| Failed {
        path: path.to_string(),
        text: None,
        errors: vec![Error {
            path: path.to_string(),
            at: None,
            message: source_message(path, &e.to_string()),
        }],
    })?;
    let base = Path::new(path).parent().unwrap_or(Path::new(""));
    verify_text(path, &doc.text, base)
}

/// Verifies a claim file given as text; files it names are read relative to `base`.
pub fn verify_text(path: &str, text: &str, base: &Path) -> Result<Verified, Failed> {
    let file = load(path, text, base)?;
    verify(&file)
}

/// A source error without its leading path (the error carries the path).
fn source_message(path: &str, msg: &str) -> String {
    msg.strip_prefix(path)
        .and_then(|m| m.strip_prefix(": "))
        .unwrap_or(msg)
        .to_string()
}

/// Collects errors while a file is read.
struct Errors<'t> {
    path: &'t str,
    text: &'t str,
    idx: LineIndex,
    list: Vec<Error>,
}

impl<'t> Errors<'t> {
    fn at(&self, s: Span) -> At {
        let (line, column) = self.idx.line_col(self.text, s.start);
        At {
            line,
            column,
            start: s.start,
            end: s.end,
        }
    }

    fn push(&mut self, s: Span, message: impl Into<String>) {
        let at = self.at(s);
        self.list.push(Error {
            path: self.path.to_string(),
            at: Some(at),
            message: message.into(),
        });
    }
}

/// The span in the file of bytes `r` of a value whose text in the file is at `at`: exact when
/// the file holds the value as written, else the whole value.
fn sub_span(text: &str, at: Span, value: &str, r: std::ops::Range<usize>) -> Span {
    if text.get(at.start..at.end) == Some(value) {
        Span::new(at.start + r.start, at.start + r.end)
    } else if text.get(at.start..at.end).map(str::trim) == Some(value.trim()) {
        let lead = value.len() - value.trim_start().len();
        Span::new(
            (at.start + r.start).saturating_sub(lead),
            (at.start + r.end).saturating_sub(lead),
        )
    } else {
        at
    }
}

/// The line (and column 1) of the marker (`---` or `...`) that ends the file's first YAML
/// document, if something comes before it.
fn second_document(text: &str) -> Option<(usize, usize)> {
    let mut content = false;
    for (i, line) in text.lines().enumerate() {
        let marker = ["---", "..."].iter().any(|m| {
            line.strip_prefix(m)
                .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t', '\r']))
        });
        if marker && content {
            return Some((i + 1, 1));
        }
        let t = line.trim();
        content |= !marker && !t.is_empty() && !t.starts_with('#');
    }
    None
}

/// Whether `name` can be used in a derivation.
fn is_name(name: &str) -> bool {
    let mut cs = name.chars();
    cs.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && cs.all(|c| c.is_alphanumeric() || c == '_')
}

/// Reads and compiles a claim file: every error at its place, or the file.
pub fn load(path: &str, text: &str, base: &Path) -> Result<ClaimFile, Failed> {
    let failed = |errors: Vec<Error>| Failed {
        path: path.to_string(),
        text: Some(text.to_string()),
        errors,
    };
    let mut errs = Errors {
        path,
        text,
        idx: LineIndex::new(text),
        list: Vec::new(),
    };
    let raw: RawFile = match serde_yaml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            let msg = e.to_string();
            // "…, while scanning a quoted scalar at line 3 column 13": the place where the
            // unfinished token starts is where a person fixes it.
            let scanning = msg
                .find("while scanning")
                .and_then(|k| location_in(&msg[k..]));
            // Every error gets a place: a second document at its marker, anything else
            // without one at the start of the file.
            let loc = scanning
                .or_else(|| e.location().map(|l| (l.line(), l.column())))
                .or_else(|| second_document(text))
                .or(Some((1, 1)));
            let msg = if scanning.is_some() {
                strip_locations(&msg)
            } else {
                without_location(&msg)
            };
            let at = loc.map(|(line, column)| {
                let start = line_col_offset(text, line, column);
                At {
                    line,
                    column,
                    start,
                    end: start,
                }
            });
            let syntax = !msg.contains(": ") || msg.starts_with("found ") || msg.contains("while ");
            let message = if text.trim().is_empty() {
                "the claim file is empty; it needs at least `claims:`".to_string()
            } else if syntax {
                format!("YAML syntax error: {msg}")
            } else {
                msg
            };
            return Err(failed(vec![Error {
                path: path.to_string(),
                at,
                message,
            }]));
        }
    };
    let y = Yaml::new(text);
    let setting = match raw.locale.as_deref() {
        None => Setting::Auto,
        Some(l) => Setting::parse(l.trim()).unwrap_or_else(|| {
            let s = y
                .top_key("locale")
                .map(|i| y.lines[i])
                .map_or(Span::new(0, 0), |(s, e)| Span::new(s, e));
            errs.push(
                s,
                format!(
                    "unknown locale \"{l}\" (expected one of {})",
                    Setting::NAMES.join(", ")
                ),
            );
            Setting::Auto
        }),
    };

    // Facts, in the file and from CSV files.
    let keys = y.keys_under("facts");
    let facts_line = y
        .top_key("facts")
        .map_or(Span::new(0, 0), |i| Span::new(y.lines[i].0, y.lines[i].1));
    let mut facts: Vec<Fact> = Vec::new();
    let mut derived: Vec<(usize, String, Span)> = Vec::new();
    // Facts whose definition has an error: a claim that uses one is not reported again.
    let mut broken: Vec<String> = Vec::new();
    for (k, (name, rf)) in raw.facts.0.iter().enumerate() {
        let key = match keys.get(k) {
            Some((kn, s)) if kn == name => *s,
            _ => y
                .find(&format!("{name}:"), facts_line.start)
                .unwrap_or(facts_line),
        };
        let block = fact_block(&y, key);
        if let Some(first) = facts.iter().find(|f| &f.name == name) {
            errs.push(
                key,
                format!(
                    "fact \"{name}\" is defined twice (first at line {}); rename one or remove it",
                    first.at.line
                ),
            );
            continue;
        }
        if !is_name(name) {
            errs.push(
                key,
                format!(
                    "\"{name}\" cannot be a fact's name: use letters, digits and _ (like {})",
                    suggest_name(name)
                ),
            );
            continue;
        }
        if derive::Func::NAMES.contains(&name.as_str()) {
            errs.push(
                key,
                format!("\"{name}\" is a function's name; name the fact otherwise"),
            );
            continue;
        }
        let def = match (&rf.value, &rf.derive) {
            (Some(v), None) => {
                let vt = match &rf.unit {
                    Some(u) if !u.trim().is_empty() => format!("{} {}", v.trim(), u.trim()),
                    _ => v.clone(),
                };
                let at = y.field(block, "value").unwrap_or(key);
                let range = match &rf.range {
                    None => Ok(None),
                    Some(r) => parse_interval(r, setting).and_then(|t| match (t.lo, t.hi) {
                        (Some((lo, true)), Some((hi, true))) if lo <= hi => {
                            Ok(Some(check::interval::Range { lo, hi }))
                        }
                        _ => Err(format!(
                            "the range \"{}\" must be closed and bounded, like \"[39.5, 40.5]\"",
                            r.trim()
                        )),
                    }),
                };
                let range = match range {
                    Ok(r) => r,
                    Err(m) => {
                        let at = y.field(block, "range").unwrap_or(key);
                        errs.push(at, format!("fact \"{name}\": {m}"));
                        continue;
                    }
                };
                match read_operand(&vt, setting) {
                    Ok(mut op) => {
                        op.span = op.span.map(|s| sub_span(text, at, &vt, s.start..s.end));
                        op.fact = Some(name.clone());
                        if let Some(r) = range {
                            op.range = r;
                        }
                        FactDef::Value(op)
                    }
                    Err(m) => {
                        errs.push(at, format!("fact \"{name}\": {m}"));
                        broken.push(name.clone());
                        continue;
                    }
                }
            }
            (None, Some(d)) => {
                let at = y.field(block, "derive").unwrap_or(key);
                match derive::parse(d) {
                    Ok(ast) => {
                        derived.push((facts.len(), d.clone(), at));
                        FactDef::Derived(ast)
                    }
                    Err(e) => {
                        errs.push(
                            sub_span(text, at, d, e.span.clone()),
                            format!("fact \"{name}\": {}", e.message),
                        );
                        broken.push(name.clone());
                        continue;
                    }
                }
            }
            (Some(_), Some(_)) => {
                errs.push(
                    key,
                    format!("fact \"{name}\" has both `value` and `derive`; keep one"),
                );
                continue;
            }
            (None, None) => {
                errs.push(
                    key,
                    format!("fact \"{name}\" needs a `value` (or a `derive` from other facts)"),
                );
                continue;
            }
        };
        let quote_at = rf.quote.as_ref().and_then(|_| y.field(block, "quote"));
        let _ = &rf.note;
        facts.push(Fact {
            name: name.clone(),
            def,
            quote: rf.quote.clone(),
            source: rf.source.clone(),
            path: path.to_string(),
            at: errs.at(key),
            quote_at,
        });
    }
    let mut csv_errors = Vec::new();
    for csv in &raw.facts_from {
        let full = base.join(csv);
        let shown = tidy(&full);
        // A claim file is no CSV file: naming itself would report every line of it.
        let same = |a: &Path, b: &Path| {
            a.canonicalize()
                .is_ok_and(|a| b.canonicalize().is_ok_and(|b| a == b))
        };
        if same(&full, Path::new(path)) {
            let key = text.find("facts_from").unwrap_or(0);
            let at = y.find(csv, key).or_else(|| y.find(csv, 0));
            errs.push(
                at.unwrap_or(Span::new(0, 0)),
                format!("facts_from \"{csv}\" is this claim file itself; it names CSV files"),
            );
            continue;
        }
        match crate::source::read(&full.to_string_lossy(), None) {
            Ok(doc) => {
                csv_facts(&shown, &doc.text, setting, &mut facts, &mut csv_errors);
            }
            Err(e) => {
                let at = y
                    .find(csv, facts_line.end.min(text.len()))
                    .or_else(|| y.find(csv, 0))
                    .unwrap_or(Span::new(0, 0));
                errs.push(
                    at,
                    format!(
                        "cannot read facts_from \"{csv}\": {}",
                        source_message(&full.to_string_lossy(), &e.to_string())
                    ),
                );
            }
        }
    }
    errs.list.extend(csv_errors);

    // Derived facts: every name known, no cycles, and the arithmetic works.
    let names: Vec<&str> = facts.iter().map(|f| f.name.as_str()).collect();
    let lookup = |n: &str| {
        facts.iter().find(|f| f.name == n).map(|f| match &f.def {
            FactDef::Value(op) => FactRef::Value(op),
            FactDef::Derived(a) => FactRef::Derived(a),
        })
    };
    let mut reported_cycle = false;
    for (fi, d, at) in &derived {
        let f = &facts[*fi];
        let FactDef::Derived(ast) = &f.def else {
            continue;
        };
        match derive::compile_fact(&f.name, ast, setting, &lookup, &names) {
            Ok(c) => {
                if let Some(m) = arith_problem(&c.expr, &c.inputs) {
                    errs.push(*at, format!("fact \"{}\": {m}", f.name));
                }
            }
            Err(e) => {
                let cycle = e.message.contains("in a cycle");
                if cycle && reported_cycle {
                    continue;
                }
                reported_cycle |= cycle;
                if e.message.starts_with("in fact") {
                    // Reported at that fact.
                    continue;
                }
                let span = if cycle {
                    *at
                } else {
                    sub_span(text, *at, d, e.span.clone())
                };
                let message = if cycle {
                    e.message.clone()
                } else {
                    format!("fact \"{}\": {}", f.name, e.message)
                };
                errs.push(span, message);
            }
        }
    }
    let facts_ok = errs.list.is_empty();

    // Claims.
    let items = y.items_under("claims");
    let claims_line = y
        .top_key("claims")
        .map_or(Span::new(0, 0), |i| Span::new(y.lines[i].0, y.lines[i].1));
    let mut entries: Vec<Entry> = Vec::new();
    let mut seen: Vec<(String, Span)> = Vec::new();
    for (k, rc) in raw.claims.iter().enumerate() {
        let block = if items.len() == raw.claims.len() {
            items[k]
        } else {
            claims_line
        };
        let id_at = y
            .field(block, "id")
            .filter(|s| text[s.start..s.end].trim() == rc.id.trim())
            .or_else(|| y.find(&rc.id, claims_line.start))
            .unwrap_or(block);
        let block = if items.len() == raw.claims.len() {
            block
        } else {
            Span::new(id_at.start, text.len())
        };
        let id = rc.id.trim().to_string();
        let who = format!("claim \"{id}\"");
        if id.is_empty() {
            errs.push(id_at, "a claim's id is empty");
            continue;
        }
        if let Some((_, first)) = seen.iter().find(|(s, _)| *s == id) {
            let line = errs.at(*first).line;
            errs.push(
                id_at,
                format!(
                    "claim id \"{id}\" is used twice (first at line {line}); ids must be unique"
                ),
            );
            continue;
        }
        seen.push((id.clone(), id_at));
        let stats: Vec<(&str, &serde_yaml::Value)> = [
            ("grim", &rc.grim),
            ("grimmer", &rc.grimmer),
            ("debit", &rc.debit),
            ("p_value", &rc.p_value),
        ]
        .into_iter()
        .filter_map(|(k, v)| Some((k, v.as_ref()?)))
        .collect();
        if let Some(&(key, value)) = stats.first() {
            let at = y.field(block, key).unwrap_or(id_at);
            let extra = if stats.len() > 1 {
                Some("give one of grim, grimmer, debit, p_value a claim".to_string())
            } else if !rc.stated.is_empty() || rc.derive.is_some() || rc.allows.is_some() {
                Some(format!("a {key} claim takes no stated, derive or allows"))
            } else {
                None
            };
            if let Some(m) = extra {
                errs.push(at, format!("{who}: {m}"));
                continue;
            }
            match super::stat_claims::build(RULE, key, value) {
                Ok(mut claim) => {
                    claim.stated.span = at;
                    claim.id = Some(id.clone());
                    claim.note = rc.note.as_ref().map(|n| n.trim().to_string());
                    entries.push(Entry {
                        id: id.clone(),
                        claim,
                        quote: rc.quote.clone(),
                        at: id_at,
                        derive_at: Some(at),
                        quote_at: rc.quote.as_ref().and_then(|_| y.field(block, "quote")),
                    });
                }
                Err(m) => errs.push(at, format!("{who}: {m}")),
            }
            continue;
        }
        let stated_at = y.field(block, "stated").unwrap_or(id_at);
        let read = read_stated(&rc.stated, setting);
        let stated = match (&rc.allows, read) {
            (None, Ok(mut s)) => {
                s.span = sub_span(text, stated_at, &rc.stated, s.span.start..s.span.end);
                s
            }
            (None, Err(m)) => {
                errs.push(
                    stated_at,
                    format!(
                        "{who}: stated: {m} (if the statement is no figure, say what it allows with `allows`)"
                    ),
                );
                continue;
            }
            (Some(a), read) => match stated_allowing(&rc.stated, a, read.ok(), setting) {
                Ok(mut s) => {
                    s.span = stated_at;
                    s
                }
                Err(m) => {
                    let at = y.field(block, "allows").unwrap_or(id_at);
                    errs.push(at, format!("{who}: allows: {m}"));
                    continue;
                }
            },
        };
        let stated = match &rc.tolerance {
            None => stated,
            Some(t) => match read_operand(t, setting) {
                Ok(op) => widen(stated, op.value.abs()),
                Err(m) => {
                    let at = y.field(block, "tolerance").unwrap_or(id_at);
                    errs.push(at, format!("{who}: tolerance: {m}"));
                    continue;
                }
            },
        };
        let _ = &rc.source;
        let derive_at = y.field(block, "derive");
        let (expr, inputs, missing) = match (&rc.derive, &rc.unverifiable) {
            (Some(d), None) => {
                let at = derive_at.unwrap_or(id_at);
                let ast = match derive::parse(d) {
                    Ok(a) => a,
                    Err(e) => {
                        errs.push(
                            sub_span(text, at, d, e.span.clone()),
                            format!("{who}: {}", e.message),
                        );
                        continue;
                    }
                };
                match derive::compile(&ast, setting, &lookup, &names) {
                    Ok(c) => (c.expr, c.inputs, None),
                    Err(e) => {
                        let about_broken = broken
                            .iter()
                            .any(|b| e.message.starts_with(&format!("unknown fact \"{b}\"")));
                        if about_broken
                            || (!facts_ok
                                && (e.message.starts_with("in fact")
                                    || e.message.contains("in a cycle")))
                        {
                            continue;
                        }
                        errs.push(
                            sub_span(text, at, d, e.span.clone()),
                            format!("{who}: {}", e.message),
                        );
                        continue;
                    }
                }
            }
            (None, Some(u)) => (Expr::Input(0), Vec::new(), Some(u.trim().to_string())),
            (Some(_), Some(_)) => {
                errs.push(
                    id_at,
                    format!("{who} has both `derive` and `unverifiable`; keep one"),
                );
                continue;
            }
            (None, None) => {
                errs.push(
                    id_at,
                    format!(
                        "{who} needs a `derive` (how the stated figure follows) or `unverifiable` (what is missing)"
                    ),
                );
                continue;
            }
        };
        let quote_at = rc.quote.as_ref().and_then(|_| y.field(block, "quote"));
        entries.push(Entry {
            id: id.clone(),
            claim: Claim {
                rule: RULE,
                stated,
                expr,
                inputs,
                missing,
                note: rc.note.as_ref().map(|n| n.trim().to_string()),
                id: Some(id),
            },
            quote: rc.quote.clone(),
            at: id_at,
            derive_at,
            quote_at,
        });
    }

    // The article.
    let article = match &raw.article {
        None => None,
        Some(a) => {
            let full = base.join(a.trim());
            let shown = tidy(&full);
            match crate::source::read(&full.to_string_lossy(), None) {
                Ok(doc) => Some(Article {
                    path: shown,
                    text: doc.text,
                }),
                Err(e) => {
                    let at = y
                        .top_key("article")
                        .and_then(|i| y.field(Span::new(y.lines[i].0, y.lines[i].1), "article"))
                        .unwrap_or(Span::new(0, 0));
                    errs.push(
                        at,
                        format!(
                            "cannot read the article {shown}: {}",
                            source_message(&full.to_string_lossy(), &e.to_string())
                        ),
                    );
                    None
                }
            }
        }
    };
    if !errs.list.is_empty() {
        return Err(failed(errs.list));
    }
    Ok(ClaimFile {
        path: path.to_string(),
        text: text.to_string(),
        setting,
        article,
        facts,
        entries,
    })
}

/// The span of a fact's definition: from its key to the next key at the same indentation.
fn fact_block(y: &Yaml<'_>, key: Span) -> Span {
    let line = y
        .lines
        .partition_point(|&(s, _)| s <= key.start)
        .saturating_sub(1);
    let ind = y.indent(line);
    let end = (line + 1..y.lines.len())
        .find(|&i| y.content(i) && y.indent(i) <= ind)
        .map_or(y.text.len(), |i| y.lines[i].0);
    Span::new(key.start, end)
}

/// A name that can be used in a derivation, made from `s`: "St. Paul" → "st_paul".
pub fn suggest_name(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    let out = out.trim_end_matches('_').to_string();
    if out.chars().next().is_none_or(|c| !c.is_alphabetic()) {
        format!("f_{out}")
    } else {
        out
    }
}

/// A serde_yaml message without its first " at line N column M" (the error's prefix says it).
fn without_location(msg: &str) -> String {
    let Some(k) = msg.find(" at line ") else {
        return msg.to_string();
    };
    let rest = &msg[k + " at line ".len()..];
    let skip = rest
        .find(" column ")
        .map(|c| {
            let after = &rest[c + " column ".len()..];
            c + " column ".len()
                + after
                    .find(|ch: char| !ch.is_ascii_digit())
                    .unwrap_or(after.len())
        })
        .unwrap_or(0);
    format!("{}{}", &msg[..k], &rest[skip..])
}

/// The line and column of the first " at line N column M" in `msg`.
fn location_in(msg: &str) -> Option<(usize, usize)> {
    let k = msg.find(" at line ")?;
    let rest = &msg[k + " at line ".len()..];
    let (line, rest) = rest.split_once(" column ")?;
    let col: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line.parse().ok()?, col.parse().ok()?))
}

/// `msg` without any " at line N column M".
fn strip_locations(msg: &str) -> String {
    let mut m = msg.to_string();
    while m.contains(" at line ") {
        let next = without_location(&m);
        if next == m {
            break;
        }
        m = next;
    }
    m
}

/// The byte offset of a 1-based line and column (in characters).
fn line_col_offset(text: &str, line: usize, column: usize) -> usize {
    let start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>()
        .min(text.len());
    let rest = &text[start..];
    start
        + rest
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

/// Reads a figure as an operand of a derivation.
pub fn read_operand(t: &str, setting: Setting) -> Result<Operand, String> {
    let q = derive::read_figure(t, setting)?;
    let trimmed = t.trim();
    let lead = t.len() - t.trim_start().len();
    let mut op = Operand::from_quantity(trimmed, &q)
        .ok_or_else(|| format!("cannot use \"{trimmed}\" in arithmetic"))?;
    op.span = op
        .span
        .map(|s| crate::quantity::Span::new(s.start + lead, s.end + lead));
    Ok(op)
}

/// Reads a figure as a stated result.
pub fn read_stated(t: &str, setting: Setting) -> Result<Stated, String> {
    let q = derive::read_figure(t, setting)?;
    let trimmed = t.trim();
    let lead = t.len() - t.trim_start().len();
    let mut s = Stated::from_quantity(trimmed, &q)
        .ok_or_else(|| format!("cannot read \"{trimmed}\" as a stated figure"))?;
    let start = q
        .hedge
        .as_ref()
        .map_or(q.span.start, |h| h.span.start.min(q.span.start));
    s.span = crate::quantity::Span::new(start + lead, q.span.end + lead);
    // The statement as written ("three times"), not only the figure the recognizer took.
    s.text = trimmed.to_string();
    Ok(s)
}

/// An interval `[lo, hi]`, `(lo, hi)`, `[lo, ]`…, with figures read under `setting`, in natural
/// units.
pub fn parse_interval(t: &str, setting: Setting) -> Result<check::interval::Target, String> {
    let bad = || {
        format!(
            "cannot read \"{}\" as an interval like \"[19%, 20%)\" (a bracket, a figure, \", \", a figure, a bracket)",
            t.trim()
        )
    };
    let s = t.trim();
    let (open, rest) = match s.chars().next() {
        Some('[') => (true, &s[1..]),
        Some('(') => (false, &s[1..]),
        _ => return Err(bad()),
    };
    let (body, close) = match rest.chars().last() {
        Some(']') => (&rest[..rest.len() - 1], true),
        Some(')') => (&rest[..rest.len() - 1], false),
        _ => return Err(bad()),
    };
    let (lo, hi) = body.split_once(", ").ok_or_else(bad)?;
    let end = |f: &str, closed: bool| -> Result<Option<(Decimal, bool)>, String> {
        let f = f.trim();
        if f.is_empty() || matches!(f, "∞" | "-∞" | "−∞" | "inf" | "-inf") {
            return Ok(None);
        }
        read_operand(f, setting).map(|op| Some((op.value, closed)))
    };
    let target = check::interval::Target {
        lo: end(lo, open)?,
        hi: end(hi, close)?,
    };
    if let (Some((l, _)), Some((h, _))) = (target.lo, target.hi)
        && l > h
    {
        return Err(format!(
            "the interval \"{s}\" is empty: its low end is above its high end"
        ));
    }
    Ok(target)
}

/// A stated result whose target is the interval `allows`; `read` is the stated text read as a
/// figure, if it is one (for its value, units and places).
fn stated_allowing(
    text: &str,
    allows: &str,
    read: Option<Stated>,
    setting: Setting,
) -> Result<Stated, String> {
    let target = parse_interval(allows, setting)?;
    let places = allows
        .split(", ")
        .map(|f| {
            f.trim_matches(['[', ']', '(', ')', ' ', '%'])
                .split_once('.')
                .map_or(0, |(_, d)| {
                    d.chars().take_while(char::is_ascii_digit).count()
                })
        })
        .max()
        .unwrap_or(0);
    let places = u32::try_from(places).unwrap_or(0);
    if let Some(mut s) = read {
        // A figure in words ("tripled") has no digits of its own: the interval's say how
        // closely it is meant.
        if !text.contains(|c: char| c.is_ascii_digit()) {
            s.places = s.places.max(places);
        }
        s.text = text.trim().to_string();
        s.target = target;
        return Ok(s);
    }
    let percent = allows.contains('%');
    let value = match (target.lo, target.hi) {
        (Some((l, _)), Some((h, _))) => (l + h) / Decimal::TWO,
        (Some((v, _)), None) | (None, Some((v, _))) => v,
        (None, None) => Decimal::ZERO,
    };
    Ok(Stated {
        text: text.trim().to_string(),
        span: crate::quantity::Span::new(0, text.len()),
        value,
        percent,
        unit: percent.then(|| "%".to_string()),
        target,
        places,
    })
}

/// The stated result, allowing `t` more either side.
fn widen(mut s: Stated, t: Decimal) -> Stated {
    s.target.lo = s.target.lo.map(|(v, _)| (v - t, true));
    s.target.hi = s.target.hi.map(|(v, _)| (v + t, true));
    s
}

/// Facts from the CSV file at `path` (for messages), with text `text`.
fn csv_facts(
    path: &str,
    text: &str,
    setting: Setting,
    facts: &mut Vec<Fact>,
    errs: &mut Vec<Error>,
) {
    let idx = LineIndex::new(text);
    let mut offset = 0;
    for (n, raw_line) in text.split_inclusive('\n').enumerate() {
        let line_start = offset;
        offset += raw_line.len();
        let line = raw_line.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let at = |s: usize, e: usize| {
            let (l, c) = idx.line_col(text, line_start + s);
            Some(At {
                line: l,
                column: c,
                start: line_start + s,
                end: line_start + e,
            })
        };
        let fields = match csv_fields(line) {
            Ok(f) => f,
            Err(col) => {
                errs.push(Error {
                    path: path.to_string(),
                    at: at(col, line.len()),
                    message: "a quoted field has no closing quote".to_string(),
                });
                continue;
            }
        };
        let get = |i: usize| fields.get(i).map(|(s, r)| (s.trim(), r.clone()));
        let (Some((name, nr)), Some((value, vr))) = (get(0), get(1)) else {
            errs.push(Error {
                path: path.to_string(),
                at: at(0, line.len()),
                message: "expected name,value[,unit,source]".to_string(),
            });
            continue;
        };
        if n == 0 && name.eq_ignore_ascii_case("name") && value.eq_ignore_ascii_case("value") {
            continue;
        }
        if !is_name(name) {
            errs.push(Error {
                path: path.to_string(),
                at: at(nr.start, nr.end),
                message: format!(
                    "\"{name}\" cannot be a fact's name: use letters, digits and _ (like {})",
                    suggest_name(name)
                ),
            });
            continue;
        }
        if let Some(first) = facts.iter().find(|f| f.name == name) {
            errs.push(Error {
                path: path.to_string(),
                at: at(nr.start, nr.end),
                message: format!(
                    "fact \"{name}\" is defined twice (first in {} at line {})",
                    first.path, first.at.line
                ),
            });
            continue;
        }
        let vt = match get(2) {
            Some((u, _)) if !u.is_empty() => format!("{value} {u}"),
            _ => value.to_string(),
        };
        match read_operand(&vt, setting) {
            Ok(mut op) => {
                op.span = None;
                op.fact = Some(name.to_string());
                let Some(a) = at(nr.start, nr.end) else {
                    continue;
                };
                facts.push(Fact {
                    name: name.to_string(),
                    def: FactDef::Value(op),
                    quote: None,
                    source: get(3).map(|(s, _)| s.to_string()).filter(|s| !s.is_empty()),
                    path: path.to_string(),
                    at: a,
                    quote_at: None,
                });
            }
            Err(m) => errs.push(Error {
                path: path.to_string(),
                at: at(vr.start, vr.end),
                message: format!("fact \"{name}\": {m}"),
            }),
        }
    }
}

/// The fields of a CSV line with their byte ranges; `Err(column)` for an unclosed quote.
fn csv_fields(line: &str) -> Result<Vec<(String, std::ops::Range<usize>)>, usize> {
    let mut out = Vec::new();
    let mut i = 0;
    let b = line.as_bytes();
    loop {
        let start = i;
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        if i < b.len() && b[i] == b'"' {
            let mut s = String::new();
            let open = i;
            i += 1;
            loop {
                let Some(k) = line[i..].find('"') else {
                    return Err(open);
                };
                s.push_str(&line[i..i + k]);
                i += k + 1;
                if line[i..].starts_with('"') {
                    s.push('"');
                    i += 1;
                } else {
                    break;
                }
            }
            out.push((s, open + 1..i - 1));
            let k = line[i..].find(',').map_or(line.len(), |k| i + k);
            i = k;
        } else {
            let k = line[i..].find(',').map_or(line.len(), |k| i + k);
            out.push((line[start..k].to_string(), start..k));
            i = k;
        }
        if i >= line.len() {
            break;
        }
        i += 1;
    }
    Ok(out)
}

/// `p` with "." dropped and "x/.." folded where that needs no file system.
pub fn tidy(p: &Path) -> String {
    let mut out: Vec<Component<'_>> = Vec::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                _ => out.push(c),
            },
            _ => out.push(c),
        }
    }
    let pb: PathBuf = out.iter().collect();
    let s = pb.to_string_lossy().to_string();
    if s.is_empty() { ".".to_string() } else { s }
}

/// What is wrong with the arithmetic of `expr`, if anything: a divisor that is zero (or may be
/// within its inputs' rounding), or a value too large to hold.
pub fn arith_problem(expr: &Expr, ops: &[Operand]) -> Option<String> {
    let exact = expr.exact(ops);
    let range = expr.range(ops);
    match (exact, range) {
        (Ok(_), Ok(_)) => None,
        (Err(ArithError::Overflow), _) | (_, Err(ArithError::Overflow)) => Some(
            "the derivation overflows: a value is too large to compute exactly (beyond 28 significant digits)"
                .to_string(),
        ),
        _ => Some(zero_divisor(expr, ops).unwrap_or_else(|| "division by zero".to_string())),
    }
}

/// The first divisor in `e` that is zero or may be zero, described.
fn zero_divisor(e: &Expr, ops: &[Operand]) -> Option<String> {
    match e {
        Expr::Input(_) | Expr::Stat(_) => None,
        Expr::Neg(a) | Expr::Round(a, _) => zero_divisor(a, ops),
        Expr::Add(a, b) | Expr::Sub(a, b) | Expr::Mul(a, b) => {
            zero_divisor(a, ops).or_else(|| zero_divisor(b, ops))
        }
        Expr::Div(a, b) => zero_divisor(a, ops)
            .or_else(|| zero_divisor(b, ops))
            .or_else(|| {
                let shown = match b.as_ref() {
                    Expr::Input(i) => match ops.get(*i) {
                        Some(Operand {
                            fact: Some(f),
                            text,
                            ..
                        }) => format!("{f} ({text})"),
                        _ => b.show(ops),
                    },
                    _ => b.show(ops),
                };
                match (b.exact(ops), b.range(ops)) {
                    (Ok(v), _) if v.is_zero() => {
                        Some(format!("division by zero: the divisor {shown} is 0"))
                    }
                    (_, Ok(r)) if r.lo <= Decimal::ZERO && r.hi >= Decimal::ZERO => Some(format!(
                        "division by zero: the divisor {shown} may be 0 within its inputs' rounding ({} to {})",
                        r.lo.normalize(),
                        r.hi.normalize()
                    )),
                    _ => None,
                }
            }),
    }
}

/// Checks every claim of `file` and every quote against its article.
pub fn verify(file: &ClaimFile) -> Result<Verified, Failed> {
    let mut errs = Errors {
        path: &file.path,
        text: &file.text,
        idx: LineIndex::new(&file.text),
        list: Vec::new(),
    };
    let mut checked = Vec::new();
    for e in &file.entries {
        if e.claim.missing.is_none()
            && let Some(m) = arith_problem(&e.claim.expr, &e.claim.inputs)
        {
            errs.push(
                e.derive_at.unwrap_or(e.at),
                format!("claim \"{}\": {m}", e.id),
            );
            continue;
        }
        checked.push(Checked {
            id: e.id.clone(),
            outcome: check::check(e.claim.clone()),
            at: e.at,
            quote: None,
            stated: None,
            fact_quotes: Vec::new(),
        });
    }
    if !errs.list.is_empty() {
        return Err(Failed {
            path: file.path.clone(),
            text: Some(file.text.clone()),
            errors: errs.list,
        });
    }
    let mut quotes = Vec::new();
    if let Some(article) = &file.article {
        let hay = Normalized::new(&article.text);
        let mut fact_spans: Vec<(String, Span)> = Vec::new();
        for f in &file.facts {
            let Some(q) = &f.quote else { continue };
            let found = hay.find(q);
            if found.len() == 1 {
                fact_spans.push((f.name.clone(), found[0]));
            } else {
                quotes.push(QuoteIssue {
                    owner: format!("fact \"{}\"", f.name),
                    id: None,
                    quote: q.clone(),
                    at: f.quote_at.unwrap_or(Span::new(f.at.start, f.at.end)),
                    found,
                });
            }
        }
        for (e, c) in file.entries.iter().zip(checked.iter_mut()) {
            c.fact_quotes = c
                .outcome
                .claim
                .inputs
                .iter()
                .filter_map(|op| {
                    let n = op.fact.as_ref()?;
                    fact_spans.iter().find(|(m, _)| m == n).cloned()
                })
                .collect();
            let Some(q) = &e.quote else { continue };
            let found = hay.find(q);
            if found.len() == 1 {
                let s = found[0];
                c.quote = Some(s);
                let inner_text = &article.text[s.start..s.end];
                let inner = Normalized::new(inner_text);
                // The stated figure as a whole token: "8%" is not the end of "48%".
                let whole = |x: &Span| {
                    let before = inner_text[..x.start].chars().next_back();
                    let after = inner_text[x.end..].chars().next();
                    before.is_none_or(|c| !c.is_alphanumeric() && !matches!(c, '.' | ',' | '-'))
                        && after.is_none_or(|c| !c.is_alphanumeric())
                };
                c.stated = inner
                    .find(&e.claim.stated.text)
                    .iter()
                    .find(|x| whole(x))
                    .map(|x| Span::new(s.start + x.start, s.start + x.end));
                // Facts quoted near the claim's figure, to show with it.
                let near = c.stated.unwrap_or(s);
                let line_of = |p: usize| article.text[..p].matches('\n').count();
                c.fact_quotes.retain(|(_, f)| {
                    line_of(f.start) == line_of(near.start)
                        && f.start.max(near.start) - f.end.min(near.start) <= 120
                });
            } else {
                quotes.push(QuoteIssue {
                    owner: format!("claim \"{}\"", e.id),
                    id: Some(e.id.clone()),
                    quote: q.clone(),
                    at: e.quote_at.unwrap_or(e.at),
                    found,
                });
            }
        }
    }
    Ok(Verified {
        path: file.path.clone(),
        text: file.text.clone(),
        article: file.article.clone(),
        checked,
        quotes,
    })
}

/// A text with white space runs folded to one space and typographic quotes made plain, with the
/// byte offset in the original of every byte, so that a quote matches across line breaks.
pub struct Normalized {
    text: String,
    map: Vec<usize>,
    end: usize,
}

fn fold(c: char) -> char {
    match c {
        '’' | '‘' | '‚' | '′' => '\'',
        '“' | '”' | '„' | '″' => '"',
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

impl Normalized {
    pub fn new(s: &str) -> Self {
        let mut text = String::with_capacity(s.len());
        let mut map = Vec::with_capacity(s.len());
        for (i, c) in s.char_indices() {
            let f = fold(c);
            if f == ' ' && text.ends_with(' ') {
                continue;
            }
            let before = text.len();
            text.push(f);
            map.extend(std::iter::repeat_n(i, text.len() - before));
        }
        Normalized {
            text,
            map,
            end: s.len(),
        }
    }

    /// Where `needle` stands (folded the same way, trimmed), as spans of the original.
    pub fn find(&self, needle: &str) -> Vec<Span> {
        let n: String = Normalized::new(needle.trim()).text;
        if n.is_empty() {
            return Vec::new();
        }
        self.text
            .match_indices(&n)
            .map(|(i, m)| {
                let start = self.map[i];
                let last = i + m.len();
                let end = self.map.get(last).copied().unwrap_or(self.end);
                // The end is the start of the next character: trim folded white space.
                Span::new(start, end)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_str(text: &str) -> Result<ClaimFile, Vec<String>> {
        load("c.yaml", text, Path::new("."))
            .map_err(|f| f.errors.iter().map(ToString::to_string).collect::<Vec<_>>())
    }

    fn verdicts(text: &str) -> Vec<(String, check::Verdict, String)> {
        let f = load_str(text).unwrap_or_else(|e| panic!("{e:?}"));
        let v = verify(&f).unwrap_or_else(|e| panic!("{:?}", e.errors));
        v.checked
            .into_iter()
            .map(|c| (c.id, c.outcome.verdict, c.outcome.message))
            .collect()
    }

    const CITIES: &str = "\
facts:
  minneapolis: { value: 430.000, source: \"census estimate\" }
  st_paul:
    value: 310.000
  twin_cities: { value: 3.76 million }
  cities: { derive: minneapolis + st_paul }
claims:
  - id: cities-share
    stated: just under 20%
    derive: cities / twin_cities
  - id: strike-share
    stated: 8.79%
    derive: 38% * 23%
    note: poll by the organizers
  - id: workforce
    stated: about 45%
    unverifiable: the cities' workforce is never stated
";

    #[test]
    fn verdicts_are_those_of_check() {
        let v = verdicts(CITIES);
        assert_eq!(
            v,
            [
                (
                    "cities-share".to_string(),
                    check::Verdict::Ok,
                    "(430.000 + 310.000) ÷ 3.76 million = 19.7%, the text says just under 20%"
                        .to_string()
                ),
                (
                    "strike-share".to_string(),
                    check::Verdict::Imprecise,
                    "38% × 23% = 8.74%, the text says 8.79% (within the inputs' rounding: 8.438%–9.048%); poll by the organizers".to_string()
                ),
                (
                    "workforce".to_string(),
                    check::Verdict::Unverifiable,
                    "about 45%: the cities' workforce is never stated".to_string()
                ),
            ]
        );
    }

    #[test]
    fn positions_of_claims_and_values() {
        let f = load_str(CITIES).unwrap();
        let idx = LineIndex::new(CITIES);
        let line = |s: Span| idx.line_col(CITIES, s.start);
        assert_eq!(line(f.entries[0].at), (8, 9));
        assert_eq!(line(f.entries[1].at), (11, 9));
        assert_eq!(
            &CITIES[f.entries[0].claim.stated.span.start..f.entries[0].claim.stated.span.end],
            "just under 20%"
        );
        let FactDef::Value(op) = &f.facts[1].def else {
            panic!()
        };
        let s = op.span.unwrap();
        assert_eq!(&CITIES[s.start..s.end], "310.000");
        assert_eq!((f.facts[1].at.line, f.facts[1].at.column), (3, 3));
    }

    fn errors(text: &str) -> Vec<String> {
        match load_str(text) {
            Ok(f) => match verify(&f) {
                Ok(_) => Vec::new(),
                Err(e) => e.errors.iter().map(ToString::to_string).collect(),
            },
            Err(e) => e,
        }
    }

    #[test]
    fn errors_name_the_place() {
        assert_eq!(
            errors("facts:\n  a: { value: 5 }\n  a: { value: 6 }\nclaims: []\n"),
            ["c.yaml:3:3: fact \"a\" is defined twice (first at line 2); rename one or remove it"]
        );
        assert_eq!(
            errors("facts:\n  a: { derive: b + 1 }\n  b: { derive: a * 2 }\nclaims: []\n"),
            ["c.yaml:2:16: the facts a → b → a derive each other in a cycle"]
        );
        assert_eq!(
            errors(
                "facts:\n  zero: { value: 0 }\nclaims:\n  - id: x\n    stated: 5\n    derive: 10 / zero\n"
            ),
            ["c.yaml:6:13: claim \"x\": division by zero: the divisor zero (0) is 0"]
        );
        assert_eq!(
            errors(
                "claims:\n  - id: x\n    stated: 5\n    derive: 79228162514264337593543950335 * 2\n"
            ),
            [
                "c.yaml:4:13: claim \"x\": the derivation overflows: a value is too large to compute exactly (beyond 28 significant digits)"
            ]
        );
        assert_eq!(
            errors("facts:\n  a: { value: lots }\nclaims: []\n"),
            ["c.yaml:2:15: fact \"a\": cannot read \"lots\" as a figure"]
        );
        assert_eq!(
            errors(
                "facts:\n  minneapolis: { value: 5 }\nclaims:\n  - id: x\n    stated: 5\n    derive: minneapols + 1\n"
            ),
            [
                "c.yaml:6:13: claim \"x\": unknown fact \"minneapols\"; did you mean \"minneapolis\"?"
            ]
        );
        assert_eq!(
            errors("claims:\n  - id: x\n    stated: \"5\n"),
            [
                "c.yaml:3:13: YAML syntax error: found unexpected end of stream, while scanning a quoted scalar"
            ]
        );
        assert_eq!(
            errors(
                "claims:\n  - id: x\n    stated: 5\n  - id: x\n    stated: 5\n    unverifiable: no\n"
            ),
            [
                "c.yaml:2:9: claim \"x\" needs a `derive` (how the stated figure follows) or `unverifiable` (what is missing)",
                "c.yaml:4:9: claim id \"x\" is used twice (first at line 2); ids must be unique"
            ]
        );
    }

    #[test]
    fn tolerance_widens_the_stated_figure() {
        let text = "claims:\n  - id: x\n    stated: 8.79%\n    derive: exactly 38% * exactly 23%\n    tolerance: 0.1%\n";
        assert_eq!(verdicts(text)[0].1, check::Verdict::Ok);
        let text = "claims:\n  - id: x\n    stated: 8.79%\n    derive: exactly 38% * exactly 23%\n";
        assert_eq!(verdicts(text)[0].1, check::Verdict::Mismatch);
    }

    #[test]
    fn intervals_say_what_a_statement_allows() {
        let text = "claims:\n  - id: t\n    stated: tripled\n    allows: \"[2.7, 3.3]\"\n    derive: 6,900 / 2,100\n  - id: u\n    stated: just under 20%\n    allows: \"[19%, 20%)\"\n    derive: exactly 20%\n";
        let v = verdicts(text);
        assert_eq!(v[0].1, check::Verdict::Ok, "{v:?}");
        assert_eq!(v[0].2, "6,900 ÷ 2,100 = 3.29, the text says tripled");
        assert_eq!(v[1].1, check::Verdict::Mismatch, "{v:?}");
        let text = "facts:\n  h: { value: 40 m, range: \"[35, 45]\" }\nclaims:\n  - id: c\n    stated: 148 ft\n    derive: h / exactly 0.3048\n";
        assert_eq!(verdicts(text)[0].1, check::Verdict::Imprecise);
        assert_eq!(
            errors("facts:\n  h: { value: 40 m, range: \"[35, ]\" }\nclaims: []\n"),
            [
                "c.yaml:2:29: fact \"h\": the range \"[35, ]\" must be closed and bounded, like \"[39.5, 40.5]\""
            ]
        );
        assert_eq!(
            errors("claims:\n  - id: t\n    stated: soared\n    derive: 3\n"),
            [
                "c.yaml:3:13: claim \"t\": stated: cannot read \"soared\" as a figure (if the statement is no figure, say what it allows with `allows`)"
            ]
        );
    }

    #[test]
    fn quotes_match_across_line_breaks_and_typographic_quotes() {
        let n = Normalized::new("it’s 8.79%\n  total, and it’s 8.79% total");
        assert_eq!(n.find("it's 8.79% total").len(), 2);
        let s = n.find("8.79%   total, and");
        assert_eq!(s, [Span::new(7, 25)]);
    }

    #[test]
    fn csv_fields_with_quotes() {
        assert_eq!(
            csv_fields("a,\"1,234\",,\"say \"\"hi\"\"\"").unwrap(),
            [
                ("a".to_string(), 0..1),
                ("1,234".to_string(), 3..8),
                (String::new(), 10..10),
                ("say \"hi\"".to_string(), 12..22)
            ]
        );
        assert_eq!(csv_fields("a,\"open"), Err(2));
    }

    #[test]
    fn tidy_folds_parent_dirs() {
        assert_eq!(
            tidy(Path::new("claims/../../shared/x.txt")),
            "../shared/x.txt"
        );
        assert_eq!(
            tidy(Path::new("./claims/articles/a.md")),
            "claims/articles/a.md"
        );
    }
}
