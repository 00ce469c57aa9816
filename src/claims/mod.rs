//! Claims: rules that find relations between the quantities of a text — a share of a share, a
//! part of a whole, a sum, a change — and state them as [`Claim`]s for the checker.
//!
//! Every rule is one file in `rules/` with an id, a documentation text (what it checks, why it
//! matters, an example, its verdicts and tolerance) that `recount rule ID` prints, and its own
//! tests, including sentences where it must not fire. [`RULES`] is the one registry.
//!
//! Rules see a [`Doc`]: the text, its quantities, its sentences read into
//! [tokens](crate::tokens), and its [`facts::Facts`]. A rule matches its [frames](frame) against
//! the tokens and proposes [`Candidate`] derivations with their support; [`select`] chooses
//! among the candidates for each stated figure.

pub mod derive;
pub mod draft;
pub mod facts;
pub mod file;
pub mod frame;
pub mod rules;
pub mod select;
pub mod settings;
pub mod stat_claims;

use crate::check::{Claim, Operand, Outcome, Stated};
use crate::quantity::{Kind, Quantity, Span};
use crate::recognize::Recognition;
use crate::tokens::{Langs, Token};
use frame::{Frame, Match};
pub use select::Candidate;
use std::sync::OnceLock;

/// A rule: its id, a one-line summary, its documentation, and the function that finds claims.
pub struct Rule {
    pub id: &'static str,
    pub summary: &'static str,
    /// What `recount rule ID` prints: what it checks, why it matters, an example, verdicts,
    /// tolerance.
    pub doc: &'static str,
    pub find: Finder,
}

/// How a rule finds its claims.
pub enum Finder {
    /// Claims it is sure of, each with full support.
    Claims(fn(&Doc<'_>) -> Vec<Claim>),
    /// Candidate readings with their support.
    Candidates(fn(&Doc<'_>) -> Vec<Candidate>),
}

/// The support a claim of a [`Finder::Claims`] rule has.
const SURE: u8 = 80;

impl Rule {
    /// The candidates of this rule in `doc`.
    pub fn candidates(&self, doc: &Doc<'_>) -> Vec<Candidate> {
        match self.find {
            Finder::Claims(f) => f(doc)
                .into_iter()
                .map(|c| Candidate::new(c, SURE))
                .collect(),
            Finder::Candidates(f) => f(doc),
        }
    }
}

/// The frames of a rule, compiled once, each with the support a match gives.
pub struct Frames(Vec<(Frame, u8)>);

impl Frames {
    /// Compiles `(support, frame)` pairs; the frames are the rules' own, and a test of every
    /// rule compiles them, so a broken one is a defect of the build.
    pub fn new(list: &[(u8, &'static str)]) -> Frames {
        Frames(
            list.iter()
                .map(|&(s, f)| (Frame::parse(f).unwrap_or_else(|e| panic!("{e}")), s))
                .collect(),
        )
    }
}

pub use rules::RULES;

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// A text prepared for the rules.
pub struct Doc<'a> {
    pub text: &'a str,
    pub quantities: Vec<Quantity>,
    /// Sentence spans, in order, covering the text.
    pub sentences: Vec<Span>,
    /// The indices of the quantities inside each sentence.
    ranges: Vec<std::ops::Range<usize>>,
    /// Each sentence's tokens, read when a rule first asks for them ([`Doc::tokens`]).
    tokens: Vec<OnceLock<Vec<Token>>>,
    /// What each sentence's tokens hold, for skipping frames that cannot match.
    summaries: Vec<OnceLock<frame::Summary>>,
    /// What each sentence's quantities alone hold: a sentence where no frame finds what it
    /// needs there is never read into tokens.
    glances: Vec<frame::Glance>,
    /// The languages whose cue words the tokens were read with.
    pub langs: Langs,
    pub facts: facts::Facts,
    /// The first full date in the text ("Mi 04.02.2026"), for dates written without a year.
    pub dateline: Option<jiff::civil::Date>,
    /// The rules' settings.
    pub settings: settings::Settings,
    /// When the search must stop ([`Doc::with_deadline`]), and whether it has.
    deadline: Option<std::time::Instant>,
    expired: std::sync::atomic::AtomicBool,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, r: &Recognition) -> Doc<'a> {
        Doc::of(text, &r.profile, r.quantities.clone())
    }

    /// [`Doc::new`] taking the recognition whole, its quantities not copied.
    pub fn from_recognition(text: &'a str, r: Recognition) -> Doc<'a> {
        Doc::of(text, &r.profile, r.quantities)
    }

    fn of(text: &'a str, profile: &crate::locale::Profile, quantities: Vec<Quantity>) -> Doc<'a> {
        let sentences = sentences(text, &quantities);
        let langs = langs_of(profile);
        let ranges: Vec<std::ops::Range<usize>> = sentences
            .iter()
            .map(|&s| {
                let lo = quantities.partition_point(|q| q.span.start < s.start);
                let hi = quantities.partition_point(|q| q.span.start < s.end);
                lo..hi
            })
            .collect();
        let glances = ranges
            .iter()
            .map(|r| frame::Glance::of(&quantities[r.clone()]))
            .collect();
        let tokens = sentences.iter().map(|_| OnceLock::new()).collect();
        let summaries = sentences.iter().map(|_| OnceLock::new()).collect();
        let facts = facts::Facts::find(text, &quantities);
        let dateline = quantities
            .iter()
            .filter(|q| q.kind == Kind::Date)
            .find_map(|q| {
                q.date
                    .as_deref()
                    .and_then(|d| d.parse::<jiff::civil::Date>().ok())
            });
        Doc {
            text,
            quantities,
            sentences,
            ranges,
            tokens,
            summaries,
            glances,
            langs,
            facts,
            dateline,
            settings: settings::Settings::default(),
            deadline: None,
            expired: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// The document with a time limit: past `deadline` the rules read no further sentence, and
    /// [`Doc::expired`] tells that the findings are incomplete.
    pub fn with_deadline(mut self, deadline: std::time::Instant) -> Doc<'a> {
        self.deadline = Some(deadline);
        self
    }

    /// Whether the search stopped at the deadline.
    pub fn expired(&self) -> bool {
        self.expired.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Whether the deadline has passed (and from now on, that it has).
    fn past_deadline(&self) -> bool {
        use std::sync::atomic::Ordering::Relaxed;
        if self.expired.load(Relaxed) {
            return true;
        }
        let past = self
            .deadline
            .is_some_and(|d| std::time::Instant::now() >= d);
        if past {
            self.expired.store(true, Relaxed);
        }
        past
    }

    /// The document with these rule settings.
    pub fn with_settings(mut self, settings: settings::Settings) -> Doc<'a> {
        self.settings = settings;
        self
    }

    /// Every match of `frames` in the sentences: `(sentence index, match, support)`.
    pub fn matches<'f>(
        &'f self,
        frames: &'f Frames,
    ) -> impl Iterator<Item = (usize, Match, u8)> + 'f {
        // A sentence is read into tokens only where some frame finds the figures it needs.
        let read = (0..self.sentences.len())
            .filter(|&si| frames.0.iter().any(|(f, _)| f.may_hold(&self.glances[si])))
            .take_while(|_| !self.past_deadline());
        read.flat_map(move |si| {
            let toks = self.tokens(si);
            let summary = self.summary(si);
            frames
                .0
                .iter()
                .filter(move |(f, _)| f.may_match(summary))
                .flat_map(move |(f, support)| {
                    f.matches(toks, &self.quantities)
                        .into_iter()
                        .map(move |m| (si, m, *support))
                })
        })
    }

    /// The tokens of sentence `si` (none for a sentence without a figure), read on first use.
    pub fn tokens(&self, si: usize) -> &[Token] {
        let Some(cell) = self.tokens.get(si) else {
            return &[];
        };
        cell.get_or_init(|| {
            let range = self.ranges[si].clone();
            if range.is_empty() {
                Vec::new()
            } else {
                let s = self.sentences[si];
                crate::tokens::tokenize(self.text, s, &self.quantities, range, self.langs)
            }
        })
    }

    /// What the tokens of sentence `si` hold.
    fn summary(&self, si: usize) -> &frame::Summary {
        self.summaries[si].get_or_init(|| frame::Summary::of(self.tokens(si), &self.quantities))
    }

    /// The quantity index of the token that filled `role` in match `m` of sentence `si`.
    pub fn q(&self, si: usize, m: &Match, role: &str) -> Option<usize> {
        self.tokens(si).get(m.token(role)?)?.quantity()
    }

    /// The token that filled `role` in match `m` of sentence `si`.
    pub fn tok(&self, si: usize, m: &Match, role: &str) -> Option<&Token> {
        self.tokens(si).get(m.token(role)?)
    }

    /// The index of the sentence that holds quantity `q`.
    pub fn sentence_of(&self, q: usize) -> Option<usize> {
        let at = self.quantities.get(q)?.span.start;
        let k = self.sentences.partition_point(|s| s.end <= at);
        (k < self.sentences.len()).then_some(k)
    }

    /// The index, among the tokens of sentence `si`, of quantity `q`.
    pub fn token_of(&self, si: usize, q: usize) -> Option<usize> {
        let toks = self.tokens(si);
        let at = self.quantities[q].span.end;
        let k = toks.partition_point(|t| t.span.end < at);
        (toks.get(k)?.quantity() == Some(q)).then_some(k)
    }

    /// Whether a noun of its own follows quantity `q` of sentence `si` ("300 workers"): a word
    /// that is no cue and no function word.
    pub fn own_noun(&self, si: usize, q: usize) -> bool {
        self.token_of(si, q)
            .and_then(|k| self.tokens(si).get(k + 1))
            .is_some_and(|t| t.is_word() && t.cues.is_empty())
    }

    /// Indices of the quantities inside sentence `s`.
    pub fn in_sentence(&self, s: Span) -> std::ops::Range<usize> {
        let lo = self.quantities.partition_point(|q| q.span.start < s.start);
        let hi = self.quantities.partition_point(|q| q.span.start < s.end);
        lo..hi
    }

    /// The text between the end of quantity `a` and the start of quantity `b`.
    pub fn between(&self, a: usize, b: usize) -> &'a str {
        let (x, y) = (self.quantities[a].span.end, self.quantities[b].span.start);
        if x <= y { &self.text[x..y] } else { "" }
    }

    /// The text of quantity `i`.
    pub fn text_of(&self, i: usize) -> &'a str {
        let s = self.quantities[i].span;
        &self.text[s.start..s.end]
    }

    /// The text of sentence `s` from at most `max` bytes before `end` up to `end`: the words
    /// that lead to a figure, without scanning the whole sentence for every figure in it.
    pub fn lead(&self, s: Span, end: usize, max: usize) -> &'a str {
        let start =
            crate::locale::floor_char_boundary(self.text, end.saturating_sub(max)).max(s.start);
        &self.text[start.min(end)..end]
    }

    /// Up to `n` bytes of text before quantity `i`, within its sentence.
    pub fn before(&self, i: usize, sentence: Span, n: usize) -> &'a str {
        let end = self.quantities[i].span.start;
        let start = crate::locale::floor_char_boundary(self.text, end.saturating_sub(n))
            .max(sentence.start);
        &self.text[start.min(end)..end]
    }

    /// Up to `n` bytes of text after quantity `i`, within its sentence.
    pub fn after(&self, i: usize, sentence: Span, n: usize) -> &'a str {
        let start = self.quantities[i].span.end;
        let end = crate::locale::floor_char_boundary(self.text, (start + n).min(sentence.end));
        &self.text[start..end.max(start)]
    }

    /// The operand quantity `i` gives.
    pub fn operand(&self, i: usize) -> Option<Operand> {
        Operand::from_quantity(self.text, &self.quantities[i])
    }

    /// The operand quantity `i` gives, read without a hedge that would leave it unbounded: where
    /// the hedge holds for the claim as a whole ("well over seven feet (2.1 metres)").
    pub fn operand_unhedged(&self, i: usize) -> Option<Operand> {
        let mut q = self.quantities[i].clone();
        if q.hedge.as_ref().is_some_and(|h| {
            !matches!(
                h.kind,
                crate::quantity::HedgeKind::About | crate::quantity::HedgeKind::Exactly
            )
        }) {
            q.hedge = None;
        }
        Operand::from_quantity(self.text, &q)
    }

    /// The operand quantity `i` gives, named after the document fact it states, if it states
    /// one ("Minneapolis (430.000)").
    pub fn operand_with_fact(&self, i: usize) -> Option<Operand> {
        let mut o = self.operand(i)?;
        o.fact = self
            .facts
            .facts
            .iter()
            .find(|f| f.quantity == i)
            .map(|f| f.name.clone());
        Some(o)
    }

    /// The stated result quantity `i` gives, read without a hedge that would leave it
    /// unbounded, as [`Doc::operand_unhedged`] reads an input.
    pub fn stated_unhedged(&self, i: usize) -> Option<Stated> {
        let mut q = self.quantities[i].clone();
        if q.hedge.as_ref().is_some_and(|h| {
            !matches!(
                h.kind,
                crate::quantity::HedgeKind::About | crate::quantity::HedgeKind::Exactly
            )
        }) {
            q.hedge = None;
        }
        Stated::from_quantity(self.text, &q)
    }

    /// The stated result quantity `i` gives.
    pub fn stated(&self, i: usize) -> Option<Stated> {
        Stated::from_quantity(self.text, &self.quantities[i])
    }
}

/// Abbreviations whose period ends no sentence.
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "No", "Nr", "vs", "etc", "e.g", "i.e", "U.S", "U.K",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "ca",
    "approx", "Inc", "Ltd", "Co", "Corp", "a.m", "p.m", "Mio", "Mrd", "Tsd", "bzw", "z.B", "d.h",
    "Fig", "Vol", "pp", "cf",
];

/// Splits `text` into sentences: after '.', '!' or '?' followed by white space and a capital,
/// digit or quote, and at line breaks. A period inside a number, date or abbreviation ends none.
/// A form feed ends a sentence like a line break: the Markdown and HTML readers put one where
/// two blocks (table cells, paragraphs) share a line (see [`crate::source`]).
/// In hard-wrapped text (no line longer than [`WRAP_WIDTH`]), a line break inside a paragraph is
/// a space: "the remaining\n8% were undecided" is one sentence.
pub fn sentences(text: &str, qs: &[Quantity]) -> Vec<Span> {
    // Whether the block (lines between blank lines) around a position is hard-wrapped, found
    // once a block.
    let mut block: Option<(usize, usize, bool)> = None;
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut qi = 0;
    let mut i = 0;
    // Only a stop, a line break or a form feed can end a sentence: the next of each kind,
    // found with memchr and looked for again once passed.
    let next = |from: usize, find: &dyn Fn(&[u8]) -> Option<usize>| {
        find(&bytes[from..]).map_or(bytes.len(), |k| from + k)
    };
    let stop = |h: &[u8]| memchr::memchr3(b'.', b'!', b'?', h);
    let line = |h: &[u8]| memchr::memchr2(b'\n', b'\x0c', h);
    let (mut next_stop, mut next_line) = (next(0, &stop), next(0, &line));
    while i < bytes.len() {
        if next_stop < i {
            next_stop = next(i, &stop);
        }
        if next_line < i {
            next_line = next(i, &line);
        }
        i = next_stop.min(next_line);
        if i >= bytes.len() {
            break;
        }
        let b = bytes[i];
        while qi < qs.len() && qs[qi].span.end <= i {
            qi += 1;
        }
        let inside = qs
            .get(qi)
            .is_some_and(|q| q.span.start <= i && i < q.span.end);
        // A form feed stands where the Markdown and HTML readers close a block on one line.
        let end = if b == b'\x0c' {
            Some(i + 1)
        } else if b == b'\n' {
            let (_, _, wrapped) = *block.get_or_insert_with(|| wrapped_block(text, i));
            if block.is_some_and(|(_, end, _)| i + 1 >= end) {
                block = None;
            }
            (!(wrapped && soft_break(text, i))).then_some(i + 1)
        } else if matches!(b, b'.' | b'!' | b'?') && !inside {
            ends_sentence(text, i)
        } else {
            None
        };
        if let Some(e) = end {
            if text[start..e].trim().is_empty() {
                start = e;
            } else {
                out.push(Span::new(start, e));
                start = e;
            }
        }
        i += 1;
    }
    if !text[start..].trim().is_empty() {
        out.push(Span::new(start, text.len()));
    }
    out
}

/// The longest line, in characters, of a text that is taken as hard-wrapped.
pub const WRAP_WIDTH: usize = 100;

/// The block (lines between blank lines) that holds byte `i`, and whether it is hard-wrapped:
/// two lines or more, none longer than [`WRAP_WIDTH`]. One long line makes only its own block
/// one-paragraph-a-line.
fn wrapped_block(text: &str, i: usize) -> (usize, usize, bool) {
    let b = text.as_bytes();
    // After the last blank line before `i`, and up to the first after it: a line break
    // preceded (followed) by another.
    let start = memchr::memrchr_iter(b'\n', &b[..i])
        .find(|&k| k > 0 && b[k - 1] == b'\n')
        .map_or(0, |k| k + 1);
    let end = memchr::memchr_iter(b'\n', &b[i..])
        .map(|k| i + k)
        .find(|&k| b.get(k + 1) == Some(&b'\n'))
        .map_or(text.len(), |k| k + 1);
    let mut lines = 0;
    let mut wrapped = true;
    for l in text[start..end].lines() {
        if l.chars().count() > WRAP_WIDTH {
            wrapped = false;
            break;
        }
        lines += 1;
    }
    (start, end, wrapped && lines >= 2)
}

/// Whether the line break at `i` only wraps a paragraph: the line goes on with words, and the
/// next line is no blank, heading, list item, quote or table row.
fn soft_break(text: &str, i: usize) -> bool {
    let line_start = text[..i].rfind('\n').map_or(0, |k| k + 1);
    let line = text[line_start..i].trim_end_matches('\r');
    let next = text[i + 1..].lines().next().unwrap_or("");
    let first = next.trim_start();
    let list_item = {
        let digits = first.len() - first.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        digits > 0
            && first[digits..].starts_with([')', '.'])
            && first[digits + 1..].starts_with(' ')
    };
    !line.trim().is_empty()
        && !line.trim_start().starts_with(['#', '|'])
        && !first.is_empty()
        && !first.starts_with(['#', '-', '*', '+', '>', '|', '='])
        && !list_item
        && line.trim().chars().count() >= SHORT_LINE
}

/// A line shorter than this inside wrapped text is a heading, not a wrapped line.
const SHORT_LINE: usize = 40;

/// Where the sentence ends if the mark at `i` ends it (after closing brackets and quotes).
fn ends_sentence(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i + 1..];
    let after = rest.trim_start_matches([')', '"', '”', '’', '\'', ']']);
    let end = i + 1 + (rest.len() - after.len());
    let ws = after.len() - after.trim_start().len();
    if ws == 0 && !after.is_empty() {
        return None;
    }
    let next = after.trim_start().chars().next();
    if !next.is_none_or(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '„' | '‘' | '(' | '[')
    }) {
        return None;
    }
    if text.as_bytes()[i] == b'.' {
        let word = text[..i]
            .rsplit(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or("");
        if ABBREVIATIONS.contains(&word)
            || (word.len() == 1 && word.chars().all(char::is_uppercase))
        {
            return None;
        }
    }
    Some(end)
}

/// The languages whose cue words count in a document of this profile: the `--locale`'s, or
/// the language found in the text, or every language where none was found.
pub fn langs_of(p: &crate::locale::Profile) -> Langs {
    Langs::of_code(p.setting)
        .or_else(|| Langs::of_code(p.language.code()))
        .unwrap_or(Langs::ALL)
}

/// Finds and checks the claims of every selected rule in `doc`, choosing for each stated figure
/// the reading that [`select`] prefers, in text order.
pub fn find(doc: &Doc<'_>, selected: impl Fn(&str) -> bool) -> Vec<Outcome> {
    use rayon::prelude::*;
    // The rules read the document apart from each other (a sentence's tokens are read once,
    // by whichever rule asks first): they run on the pool's threads, and their candidates
    // are taken in rule order whatever the timing.
    let chosen: Vec<&Rule> = RULES.iter().filter(|r| selected(r.id)).collect();
    let per_rule: Vec<Vec<Candidate>> = chosen.par_iter().map(|r| r.candidates(doc)).collect();
    let candidates: Vec<Candidate> = per_rule.into_iter().flatten().collect();
    let mut out = select::select(candidates);
    out.sort_by_key(|o| (o.claim.stated.span.start, o.claim.rule));
    out
}

/// Whether `s` (already lower-cased or not) contains `word` as a whole word.
pub fn has_word(s: &str, word: &str) -> bool {
    s.match_indices(word).any(|(i, _)| {
        let before = s[..i].chars().next_back();
        let after = s[i + word.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Setting;

    #[test]
    fn past_its_deadline_a_document_is_read_no_further_and_says_so() {
        let text = "Sales rose 10% to 110 from 100. Costs fell 20% to 80 from 100.";
        let r = crate::recognize(text, Setting::Auto);
        let doc = Doc::new(text, &r);
        assert_eq!(find(&doc, |_| true).len(), 2);
        assert!(!doc.expired());
        let late = Doc::new(text, &r).with_deadline(std::time::Instant::now());
        assert!(find(&late, |_| true).is_empty());
        assert!(late.expired());
        let early = Doc::new(text, &r)
            .with_deadline(std::time::Instant::now() + std::time::Duration::from_secs(3600));
        assert_eq!(find(&early, |_| true).len(), 2);
        assert!(!early.expired());
    }

    fn split(text: &str) -> Vec<&str> {
        let r = crate::recognize(text, Setting::Auto);
        sentences(text, &r.quantities)
            .into_iter()
            .map(|s| text[s.start..s.end].trim())
            .collect()
    }

    #[test]
    fn sentences_do_not_end_inside_numbers_dates_or_abbreviations() {
        assert_eq!(
            split("It rose 3.5% to $1.2 million. St. Paul (310.000) grew. Am 23. Januar kam er."),
            [
                "It rose 3.5% to $1.2 million.",
                "St. Paul (310.000) grew.",
                "Am 23. Januar kam er."
            ]
        );
        assert_eq!(
            split("One.\nTwo!  Three? (Four.)"),
            ["One.", "Two!", "Three?", "(Four.)"]
        );
        // Wrapped prose goes on across a line break; a heading or a blank line ends a sentence.
        let wrapped =
            "Among postal voters, 70% of 60% of all of them were under\nforty, or 42% of them.";
        assert_eq!(split(wrapped).len(), 1);
        assert_eq!(
            split("Budget 2026\nSpending rose 5%.\n\nNext part."),
            ["Budget 2026", "Spending rose 5%.", "Next part."]
        );
        assert_eq!(
            split("Share 40 %\x0c60 % of it"),
            ["Share 40 %", "60 % of it"]
        );
    }

    #[test]
    fn hard_wrapped_lines_are_joined_within_a_paragraph() {
        let text = "# Title\n\nIn a survey, 54% approved, 38% disapproved and the remaining\n8% were undecided. Of those who approved,\n40% said so.\n\n- a list\n- of items\n";
        assert_eq!(
            split(text),
            [
                "# Title",
                "In a survey, 54% approved, 38% disapproved and the remaining\n8% were undecided.",
                "Of those who approved,\n40% said so.",
                "- a list",
                "- of items"
            ]
        );
        // One paragraph a line, some longer than a wrapped line could be: every break counts.
        let long = format!(
            "HEADLINE WITHOUT A STOP\nFirst {}.\nSecond.",
            "word ".repeat(30)
        );
        assert_eq!(split(&long).len(), 3);
    }

    /// One sentence of 10,002 figures, every rule's cues in reach of every figure: the engine
    /// reads it (a quadratic search over the figures would not finish in a test's time) and
    /// still finds each change in it, right or wrong.
    #[test]
    fn a_sentence_of_ten_thousand_figures() {
        let mut text = String::from("Sales");
        for i in 0..3334 {
            let wrong = i % 2 == 1;
            text.push_str(if wrong {
                " rose 30% to 110 tonnes from 100 tonnes, or"
            } else {
                " rose 10% to 110 tonnes from 100 tonnes, or"
            });
        }
        text.push_str(" so.");
        let r = crate::recognize(&text, Setting::Auto);
        assert_eq!(r.quantities.len(), 3334 * 3);
        let doc = Doc::new(&text, &r);
        assert_eq!(doc.sentences.len(), 1);
        let found = find(&doc, |rule| rule == "change");
        let verdict = |v: crate::check::Verdict| found.iter().filter(|o| o.verdict == v).count();
        assert_eq!(verdict(crate::check::Verdict::Ok), 1667);
        assert_eq!(verdict(crate::check::Verdict::Mismatch), 1667);
    }

    #[test]
    fn whole_words_only() {
        assert!(has_word("they make up 20%", "make up"));
        assert!(!has_word("makeup", "make"));
    }
}
