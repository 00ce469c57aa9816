//! Frames: the patterns that claim rules match against a sentence's [tokens](crate::tokens).
//!
//! A frame is written the way the sentences it matches read, in cue classes instead of words,
//! so that one frame serves every language whose lexicon has the classes:
//!
//! ```text
//! frame  = item*
//! item   = atom "?"?                      ; "?": the atom may be missing
//! atom   = "{" role ":" types "}"         ; a quantity of one of the types, or a cue word of
//!                                         ; one of the classes (in capitals), kept as `role`
//!        | CLASS ("|" CLASS)*             ; a cue word of one of the classes: UP|DOWN
//!        | punct ("|" punct)*             ; , ; : ( ) – / = +
//!        | "{" role ":word}"              ; a word that is no cue, kept as `role`
//!        | "_" digit                      ; a gap: up to n words, commas, brackets, and figures
//!                                         ; that are no amounts (dates, years, durations)
//!        | "[" frame ("/" frame)* "]"     ; a group of alternatives
//! types  = type ("|" type)*
//! type   = "pct" | "pts" | "num" | "money" | "measure" | "dur" | "temp" | "amt" | "mult"
//!        | "frac" | "share" | "date" | "range" | "any"
//! ```
//!
//! `amt` is an amount (a number, money or a measure that is no duration), `share` a percent or
//! a fraction, `any` every figure with a value. For example, the change rule's
//! `"{dir:UP|DOWN} {p:pct} TO {b:amt} ,? _2 FROM {a:amt}"` matches "rose 11.3 pct to 416 mln,
//! up from 374 mln". Matching tries every start token and takes, at each, the first reading:
//! optional atoms present before absent, alternatives in order, gaps shortest first. Gaps are
//! bounded, so a frame costs at most a constant per token and the search is linear in the
//! sentence.

use crate::quantity::{Kind, Quantity};
use crate::tokens::{Cue, Cues, Tok, Token};

/// Figure types a quantity atom accepts, as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Types(u16);

const TYPE_NAMES: [(&str, u16); 14] = [
    ("pct", 1),
    ("pts", 1 << 1),
    ("num", 1 << 2),
    ("money", 1 << 3),
    ("measure", 1 << 4),
    ("dur", 1 << 5),
    ("mult", 1 << 6),
    ("frac", 1 << 7),
    ("date", 1 << 8),
    ("range", 1 << 9),
    ("temp", 1 << 10),
    ("amt", (1 << 2) | (1 << 3) | (1 << 4)),
    ("share", 1 | (1 << 7)),
    ("any", 0x00ff),
];

/// Units of time: a measure in one is a duration, not an amount.
pub const DURATIONS: [&str; 7] = ["s", "min", "h", "d", "wk", "mo", "yr"];

/// Whether `q` is a duration ("three years", "52 Wochen").
pub fn is_duration(q: &Quantity) -> bool {
    q.kind == Kind::Measure && q.unit.as_deref().is_some_and(|u| DURATIONS.contains(&u))
}

/// The type bit of a quantity, if it has one.
fn type_of(q: &Quantity) -> u16 {
    match q.kind {
        Kind::Percent | Kind::PerMille => 1,
        Kind::PercentagePoints => 1 << 1,
        Kind::Number => 1 << 2,
        Kind::Money => 1 << 3,
        Kind::Measure if is_duration(q) => 1 << 5,
        Kind::Measure => 1 << 4,
        Kind::Multiple => 1 << 6,
        Kind::Fraction => 1 << 7,
        Kind::Date => 1 << 8,
        Kind::Range => 1 << 9,
        Kind::Temperature => 1 << 10,
        _ => 0,
    }
}

impl Types {
    /// Whether quantity `q` is of one of these types. A figure without a value, or too large
    /// to hold, is of none but `date` and `range`.
    pub fn accepts(self, q: &Quantity) -> bool {
        let t = type_of(q);
        if t & self.0 == 0 {
            return false;
        }
        t & ((1 << 8) | (1 << 9)) != 0 || (q.value.is_some() && !q.too_large)
    }
}

/// Whether a gap may pass over token `t`: a word, a comma, or a figure that states no amount.
fn passable(t: &Token, qs: &[Quantity]) -> bool {
    match t.tok {
        Tok::Word => true,
        Tok::Punct(c) => matches!(c, ',' | '(' | ')'),
        Tok::Quantity(i) => {
            let q = &qs[i as usize];
            !q.kind.is_quantity() || is_duration(q)
        }
    }
}

/// How many tokens an aside may hold.
const ASIDE: usize = 16;

/// How far a gap of at most nine tokens reaches: nine asides of [`ASIDE`] tokens and their
/// marks.
const GAP_SPAN: usize = 9 * (ASIDE + 2) + 1;

/// Where the aside that opens at token `i` closes: the next dash after a dash, the matching
/// parenthesis after one, with only passable tokens between, at most [`ASIDE`] of them.
fn aside_end(toks: &[Token], qs: &[Quantity], i: usize) -> Option<usize> {
    let close = match toks.get(i)?.tok {
        Tok::Punct('–') => '–',
        Tok::Punct('(') => ')',
        _ => return None,
    };
    for (k, t) in toks.iter().enumerate().skip(i + 1).take(ASIDE + 1) {
        if t.tok == Tok::Punct(close) {
            return (k > i + 1).then_some(k);
        }
        if !passable(t, qs) || t.tok == Tok::Punct('(') {
            return None;
        }
    }
    None
}

/// One atom of a frame.
#[derive(Debug, Clone, PartialEq)]
enum Item {
    Quantity(Option<&'static str>, Types),
    /// A word without cue classes.
    Word(&'static str),
    Cue(Option<&'static str>, Cues),
    Punct(Vec<char>),
    Gap(usize),
    Optional(Vec<Item>),
    Group(Vec<Vec<Item>>),
}

/// A compiled frame.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// The frame as written.
    pub source: &'static str,
    items: Vec<Item>,
    /// How many quantities every match holds: a sentence with fewer is skipped unread.
    pub quantities: usize,
    /// What the first token of a match must be, where one atom decides it.
    first: Option<Item>,
    /// What every match needs somewhere in the sentence: a sentence without it is skipped.
    needs: Needs,
}

/// What a sentence holds, or a frame needs: cue classes (each set one requirement: a word of
/// one of its classes), figure types (likewise) and punctuation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Needs {
    cues: Vec<Cues>,
    types: Vec<u16>,
    punct: Vec<Vec<char>>,
}

/// A summary of a sentence's tokens, against which frames' [`Needs`] are checked once.
#[derive(Debug, Clone, Copy, Default)]
pub struct Summary {
    cues: Cues,
    types: u16,
    punct: u64,
    quantities: usize,
}

/// What a sentence's quantities alone hold, before it is read into tokens: how many there
/// are and their figure types. Its tokens hold at most these (a factor verb such as
/// "doubled" is read as a word there), so a frame that finds too little here cannot match.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Glance {
    types: u16,
    quantities: usize,
}

impl Glance {
    /// The glance of a sentence's quantities.
    pub fn of(qs: &[Quantity]) -> Glance {
        Glance {
            types: qs.iter().fold(0, |t, q| t | type_of(q)),
            quantities: qs.len(),
        }
    }
}

/// The bit of a punctuation mark in a [`Summary`].
fn punct_bit(c: char) -> u64 {
    match c {
        ',' => 1,
        ';' => 2,
        ':' => 4,
        '(' => 8,
        ')' => 16,
        '–' => 32,
        '/' => 64,
        '=' => 128,
        '+' => 256,
        _ => 512,
    }
}

impl Summary {
    /// The summary of `toks`.
    pub fn of(toks: &[Token], qs: &[Quantity]) -> Summary {
        let mut s = Summary::default();
        for t in toks {
            s.cues = s.cues.union(t.cues);
            match t.tok {
                Tok::Quantity(q) => {
                    s.quantities += 1;
                    s.types |= type_of(&qs[q as usize]);
                }
                Tok::Punct(c) => s.punct |= punct_bit(c),
                Tok::Word => {}
            }
        }
        s
    }
}

/// What every match of `items` needs.
fn needs_of(items: &[Item], out: &mut Needs) {
    for i in items {
        match i {
            Item::Cue(_, c) => out.cues.push(*c),
            Item::Quantity(_, t) => out.types.push(t.0),
            Item::Punct(cs) => out.punct.push(cs.clone()),
            Item::Group(alts) if alts.len() == 1 => needs_of(&alts[0], out),
            _ => {}
        }
    }
}

/// The number of quantity atoms that every match of `items` fills.
fn required_quantities(items: &[Item]) -> usize {
    items
        .iter()
        .map(|i| match i {
            Item::Quantity(..) => 1,
            Item::Group(alts) => alts
                .iter()
                .map(|a| required_quantities(a))
                .min()
                .unwrap_or(0),
            _ => 0,
        })
        .sum()
}

/// A frame that does not parse, with the column (in characters) where it goes wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("frame {frame:?}, column {column}: {expected}")]
pub struct FrameError {
    pub frame: &'static str,
    pub column: usize,
    pub expected: String,
}

/// What a frame matched: the roles it filled, by token index.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Match {
    /// `(role, token index)`, in the order the frame fills them.
    pub roles: Vec<(&'static str, usize)>,
    /// The tokens `start..end` that the frame covers.
    pub start: usize,
    pub end: usize,
}

impl Match {
    /// The token that filled `role`.
    pub fn token(&self, role: &str) -> Option<usize> {
        self.roles.iter().find(|(r, _)| *r == role).map(|(_, t)| *t)
    }

    /// Whether the frame filled `role`.
    pub fn has(&self, role: &str) -> bool {
        self.token(role).is_some()
    }
}

impl Frame {
    /// Compiles `source`.
    pub fn parse(source: &'static str) -> Result<Frame, FrameError> {
        let mut p = Parser {
            source,
            pos: 0,
            chars: source.char_indices().collect(),
        };
        let alts = p.alternatives()?;
        if p.pos < p.chars.len() {
            return Err(p.error("an atom"));
        }
        let items = match <[Vec<Item>; 1]>::try_from(alts) {
            Ok([one]) => one,
            Err(alts) => vec![Item::Group(alts)],
        };
        let first = match items.first() {
            Some(i @ (Item::Quantity(..) | Item::Cue(..) | Item::Punct(_) | Item::Word(_))) => {
                Some(i.clone())
            }
            _ => None,
        };
        let mut needs = Needs::default();
        needs_of(&items, &mut needs);
        Ok(Frame {
            source,
            quantities: required_quantities(&items),
            items,
            first,
            needs,
        })
    }

    /// Whether a sentence of this glance may hold a match: it has a figure, as many as the
    /// frame fills, and of every type it needs.
    pub fn may_hold(&self, g: &Glance) -> bool {
        g.quantities > 0
            && g.quantities >= self.quantities
            && self.needs.types.iter().all(|t| g.types & t != 0)
    }

    /// Whether a sentence of this summary may hold a match.
    pub fn may_match(&self, s: &Summary) -> bool {
        s.quantities >= self.quantities
            && self.needs.cues.iter().all(|c| s.cues.meets(*c))
            && self.needs.types.iter().all(|t| s.types & t != 0)
            && self
                .needs
                .punct
                .iter()
                .all(|cs| cs.iter().any(|&c| s.punct & punct_bit(c) != 0))
    }

    /// Whether token `t` can start a match.
    fn may_start(&self, t: &Token, qs: &[Quantity]) -> bool {
        match &self.first {
            None => true,
            Some(Item::Quantity(_, types)) => t.quantity().is_some_and(|q| types.accepts(&qs[q])),
            Some(Item::Cue(_, cues)) => t.cues.meets(*cues),
            Some(Item::Punct(cs)) => matches!(t.tok, Tok::Punct(c) if cs.contains(&c)),
            Some(Item::Word(_)) => t.is_word() && t.cues.is_empty(),
            Some(_) => true,
        }
    }

    /// The first match of the frame that starts at token `at`.
    pub fn match_at(&self, toks: &[Token], qs: &[Quantity], at: usize) -> Option<Match> {
        let mut m = Matcher {
            toks,
            qs,
            roles: Vec::new(),
            then: Vec::new(),
        };
        let end = m.go(&self.items, at)?;
        Some(Match {
            roles: m.roles,
            start: at,
            end,
        })
    }

    /// Every match of the frame in `toks`, one for each start token where it matches.
    pub fn matches(&self, toks: &[Token], qs: &[Quantity]) -> Vec<Match> {
        let mut out = Vec::new();
        if self.quantities > 0
            && toks.iter().filter(|t| t.quantity().is_some()).count() < self.quantities
        {
            return out;
        }
        let mut m = Matcher {
            toks,
            qs,
            roles: Vec::new(),
            then: Vec::new(),
        };
        for (at, t) in toks.iter().enumerate() {
            if !self.may_start(t, qs) {
                continue;
            }
            m.roles.clear();
            m.then.clear();
            if let Some(end) = m.go(&self.items, at) {
                out.push(Match {
                    roles: m.roles.clone(),
                    start: at,
                    end,
                });
            }
        }
        out
    }
}

struct Matcher<'a, 'f> {
    toks: &'a [Token],
    qs: &'a [Quantity],
    roles: Vec<(&'static str, usize)>,
    /// What follows the group being matched, innermost last.
    then: Vec<&'f [Item]>,
}

impl<'f> Matcher<'_, 'f> {
    /// Matches `rest` after passing over at most `left` tokens from token `i`, nearest first.
    /// An aside set off by dashes or parentheses ("– places where it is available –") counts
    /// as one token, as well as being passed token by token. Each position is tried once,
    /// however many ways lead to it, so a gap costs at most a constant.
    fn gap(&mut self, rest: &'f [Item], i: usize, left: usize) -> Option<usize> {
        // Most gaps hold no aside: then each position is reached one way only.
        let ahead = self.toks.get(i..).unwrap_or_default();
        let opens = |t: &Token| matches!(t.tok, Tok::Punct('–' | '('));
        if !ahead.iter().take(left).any(opens) {
            for j in 0..=left {
                if j > 0 && !ahead.get(j - 1).is_some_and(|t| passable(t, self.qs)) {
                    break;
                }
                if let Some(e) = self.go(rest, i + j) {
                    return Some(e);
                }
            }
            return None;
        }
        // The most of the budget left on reaching each position after `i` (NONE: not reached):
        // positions only move forward, so one pass in order settles them.
        const NONE: u8 = u8::MAX;
        let mut best = [NONE; GAP_SPAN];
        best[0] = u8::try_from(left).unwrap_or(9).min(9);
        let mut furthest = 0;
        let mut off = 0;
        while off <= furthest {
            let budget = best[off];
            if budget != NONE {
                if let Some(e) = self.go(rest, i + off) {
                    return Some(e);
                }
                let Some(t) = self.toks.get(i + off) else {
                    break;
                };
                if budget > 0 {
                    let mut reach = |to: usize| {
                        if let Some(b) = best.get_mut(to - i) {
                            if *b == NONE || *b < budget - 1 {
                                *b = budget - 1;
                            }
                            furthest = furthest.max(to - i);
                        }
                    };
                    if let Some(end) = aside_end(self.toks, self.qs, i + off) {
                        reach(end + 1);
                    }
                    if passable(t, self.qs) {
                        reach(i + off + 1);
                    }
                }
            }
            off += 1;
        }
        None
    }

    /// Matches `items` and then what `self.then` holds, from token `i`; the end token.
    fn go(&mut self, items: &'f [Item], i: usize) -> Option<usize> {
        let Some((first, rest)) = items.split_first() else {
            let Some(next) = self.then.pop() else {
                return Some(i);
            };
            let r = self.go(next, i);
            self.then.push(next);
            return r;
        };
        match first {
            Item::Quantity(role, types) => {
                let t = self.toks.get(i)?;
                let q = t.quantity()?;
                if !types.accepts(&self.qs[q]) {
                    return None;
                }
                self.take(*role, i, rest)
            }
            Item::Word(role) => {
                let t = self.toks.get(i)?;
                if !t.is_word() || !t.cues.is_empty() {
                    return None;
                }
                self.take(Some(*role), i, rest)
            }
            Item::Cue(role, cues) => {
                let t = self.toks.get(i)?;
                if !t.cues.meets(*cues) {
                    return None;
                }
                self.take(*role, i, rest)
            }
            Item::Punct(cs) => {
                let t = self.toks.get(i)?;
                match t.tok {
                    Tok::Punct(c) if cs.contains(&c) => self.go(rest, i + 1),
                    _ => None,
                }
            }
            Item::Gap(n) => self.gap(rest, i, *n),
            Item::Optional(inner) => {
                self.then.push(rest);
                let r = self.go(inner, i);
                self.then.pop();
                r.or_else(|| self.go(rest, i))
            }
            Item::Group(alts) => {
                for alt in alts {
                    self.then.push(rest);
                    let r = self.go(alt, i);
                    self.then.pop();
                    if r.is_some() {
                        return r;
                    }
                }
                None
            }
        }
    }

    /// Takes token `i` for `role` and matches `rest` after it, or gives the role back.
    fn take(&mut self, role: Option<&'static str>, i: usize, rest: &'f [Item]) -> Option<usize> {
        let n = self.roles.len();
        if let Some(r) = role {
            self.roles.push((r, i));
        }
        let end = self.go(rest, i + 1);
        if end.is_none() {
            self.roles.truncate(n);
        }
        end
    }
}

struct Parser {
    source: &'static str,
    pos: usize,
    chars: Vec<(usize, char)>,
}

impl Parser {
    fn error(&self, expected: &str) -> FrameError {
        FrameError {
            frame: self.source,
            column: self.pos + 1,
            expected: format!("expected {expected}"),
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).map(|c| c.1)
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    /// `frame ("/" frame)*`, up to a `]` or the end.
    fn alternatives(&mut self) -> Result<Vec<Vec<Item>>, FrameError> {
        let mut alts = vec![self.sequence()?];
        while self.peek() == Some('/') && self.slash_is_separator() {
            self.pos += 1;
            alts.push(self.sequence()?);
        }
        Ok(alts)
    }

    /// A `/` separates alternatives inside brackets or at the top; `//` is the punctuation.
    fn slash_is_separator(&self) -> bool {
        self.chars.get(self.pos + 1).map(|c| c.1) != Some('/')
    }

    /// `item*`, up to a `/`, `]` or the end.
    fn sequence(&mut self) -> Result<Vec<Item>, FrameError> {
        let mut items = Vec::new();
        loop {
            self.skip_ws();
            match self.peek() {
                None | Some(']') => return Ok(items),
                Some('/') if self.slash_is_separator() => return Ok(items),
                _ => {}
            }
            let atom = self.atom()?;
            if self.peek() == Some('?') {
                self.pos += 1;
                items.push(Item::Optional(vec![atom]));
            } else {
                items.push(atom);
            }
        }
    }

    /// A run of characters that make a name.
    fn name(&mut self) -> &'static str {
        let start = self.chars.get(self.pos).map_or(self.source.len(), |c| c.0);
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            self.pos += 1;
        }
        let end = self.chars.get(self.pos).map_or(self.source.len(), |c| c.0);
        &self.source[start..end]
    }

    /// `CLASS ("|" CLASS)*`.
    fn classes(&mut self) -> Result<Cues, FrameError> {
        let mut cues = Cues::NONE;
        loop {
            let at = self.pos;
            let n = self.name();
            let c = Cue::named(n).ok_or_else(|| {
                self.pos = at;
                self.error("a cue class")
            })?;
            cues = cues.with(c);
            if self.peek() != Some('|') {
                return Ok(cues);
            }
            self.pos += 1;
        }
    }

    fn atom(&mut self) -> Result<Item, FrameError> {
        match self.peek() {
            Some('[') => {
                self.pos += 1;
                let alts = self.alternatives()?;
                if self.peek() != Some(']') {
                    return Err(self.error("']'"));
                }
                self.pos += 1;
                Ok(Item::Group(alts))
            }
            Some('{') => {
                self.pos += 1;
                let role = self.name();
                if role.is_empty() || self.peek() != Some(':') {
                    return Err(self.error("a role and ':'"));
                }
                self.pos += 1;
                let word = self.chars[self.pos..]
                    .iter()
                    .map(|c| c.1)
                    .take(5)
                    .eq("word}".chars());
                let item = if self.peek().is_some_and(|c| c.is_ascii_uppercase()) {
                    Item::Cue(Some(role), self.classes()?)
                } else if word {
                    self.pos += 4;
                    Item::Word(role)
                } else {
                    let mut bits = 0;
                    loop {
                        let at = self.pos;
                        let t = self.name();
                        let b = TYPE_NAMES.iter().find(|(n, _)| *n == t).ok_or_else(|| {
                            self.pos = at;
                            self.error("a figure type")
                        })?;
                        bits |= b.1;
                        if self.peek() != Some('|') {
                            break;
                        }
                        self.pos += 1;
                    }
                    Item::Quantity(Some(role), Types(bits))
                };
                if self.peek() != Some('}') {
                    return Err(self.error("'}'"));
                }
                self.pos += 1;
                Ok(item)
            }
            Some('_') => {
                self.pos += 1;
                let n = self
                    .peek()
                    .and_then(|c| c.to_digit(10))
                    .ok_or_else(|| self.error("a digit"))?;
                self.pos += 1;
                Ok(Item::Gap(n as usize))
            }
            Some(c) if c.is_ascii_uppercase() => Ok(Item::Cue(None, self.classes()?)),
            Some(_) => {
                let mut cs = Vec::new();
                loop {
                    match self.peek() {
                        Some(c @ (',' | ';' | ':' | '(' | ')' | '–' | '/' | '=' | '+')) => {
                            cs.push(c);
                            self.pos += 1;
                            // "//" is the slash itself.
                            if c == '/' {
                                self.pos += 1;
                            }
                        }
                        _ => return Err(self.error("an atom")),
                    }
                    if self.peek() != Some('|') {
                        return Ok(Item::Punct(cs));
                    }
                    self.pos += 1;
                }
            }
            None => Err(self.error("an atom")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Setting;
    use crate::quantity::Span;
    use crate::tokens::{Langs, tokenize};

    /// The roles of the first match of `frame` in `text`, with the text of each.
    fn roles(frame: &'static str, text: &str) -> Option<Vec<(&'static str, String)>> {
        let r = crate::recognize(text, Setting::Auto);
        let toks = tokenize(
            text,
            Span::new(0, text.len()),
            &r.quantities,
            0..r.quantities.len(),
            Langs::ALL,
        );
        let f = Frame::parse(frame).expect("frame");
        let m = f.matches(&toks, &r.quantities).into_iter().next()?;
        Some(
            m.roles
                .iter()
                .map(|(role, t)| {
                    let s = toks[*t].span;
                    (*role, text[s.start..s.end].to_string())
                })
                .collect(),
        )
    }

    fn pairs(v: &[(&'static str, &str)]) -> Option<Vec<(&'static str, String)>> {
        Some(v.iter().map(|(a, b)| (*a, b.to_string())).collect())
    }

    #[test]
    fn a_change_with_a_comma_and_a_word_between() {
        let f = "{dir:UP|DOWN} {p:pct} TO {b:amt} ,? _2 FROM {a:amt}";
        assert_eq!(
            roles(
                f,
                "Shipments rose 9.1 pct to 3.5 mln, up from 3.2 mln a year ago."
            ),
            pairs(&[
                ("dir", "rose"),
                ("p", "9.1 pct"),
                ("b", "3.5 mln"),
                ("a", "3.2 mln")
            ])
        );
        // A gap passes words and years, never another amount.
        assert!(roles(f, "It rose 9 pct to 3.5 mln, 7 mln from 3.2 mln.").is_none());
        assert!(roles("{a:amt} _3 {b:amt}", "from 3.2 mln in 1986 to 3.5 mln").is_some());
    }

    #[test]
    fn optional_atoms_groups_and_alternatives() {
        let f = "{a:num} OF {w:amt|dur} [– / , / (] THAT_IS {p:pct}";
        assert_eq!(
            roles(f, "Nur 13 von 52 Wochen – das sind 25 Prozent – sind frei."),
            pairs(&[("a", "13"), ("w", "52 Wochen"), ("p", "25 Prozent")])
        );
        let g = "{d:amt} ,? OR {p:pct} [,? [TO/AT] {b:amt}]?";
        assert_eq!(
            roles(
                g,
                "It fell 3.7 billion dlrs, or 1.0 pct, to 374.8 billion dlrs."
            ),
            pairs(&[
                ("d", "3.7 billion dlrs"),
                ("p", "1.0 pct"),
                ("b", "374.8 billion dlrs")
            ])
        );
        assert_eq!(
            roles(g, "It fell 3.7 billion dlrs, or 1.0 pct."),
            pairs(&[("d", "3.7 billion dlrs"), ("p", "1.0 pct")])
        );
    }

    #[test]
    fn an_aside_counts_as_one_token_of_a_gap() {
        let frame = "{m:FACTOR} _3 FROM _2 {a:amt} _2 TO _2 {b:amt}";
        let want = pairs(&[("m", "tripled"), ("a", "40"), ("b", "120")]);
        // Eight words set off by dashes or brackets pass as one.
        for text in [
            "It tripled its stores – the ones that sell fresh fish and bread – from 40 to 120.",
            "It tripled its stores - the ones that sell fresh fish and bread - from 40 to 120.",
            "It tripled its stores (the ones that sell fresh fish and bread) from 40 to 120.",
        ] {
            assert_eq!(roles(frame, text), want, "{text}");
        }
        // A long run of asides costs each gap a constant: every position is tried once.
        let text = format!(
            "{}and it tripled its stores – the new ones – from 40 to 120.",
            "( its ) – and – ".repeat(5_000)
        );
        assert_eq!(roles(frame, &text), want);
        // Not when the aside holds an amount, is left open, or the words outside are too many.
        for text in [
            "It tripled its stores – the 25 that sell fresh fish – from 40 to 120.",
            "It tripled its stores – the ones that sell fresh fish and bread from 40 to 120.",
            "It tripled the number of its stores – the ones that sell fish – from 40 to 120.",
        ] {
            assert_eq!(roles(frame, text), None, "{text}");
        }
    }

    #[test]
    fn bad_frames_say_where() {
        let e = Frame::parse("{p:pct} TOWARDS {b:amt}").unwrap_err();
        assert_eq!(e.column, 9, "{e}");
        assert!(
            Frame::parse("{p:percent}")
                .unwrap_err()
                .expected
                .contains("type")
        );
        assert!(Frame::parse("[UP / DOWN").is_err());
        assert!(Frame::parse("_x").is_err());
    }

    #[test]
    fn matching_is_linear_in_the_sentence() {
        // 10,000 figures and gaps everywhere: every start token costs a bounded search.
        let text = "1 and ".repeat(10_000);
        let f = Frame::parse("{a:num} _9 {b:num} _9 {c:pct}").expect("frame");
        let r = crate::recognize(&text, Setting::En);
        let toks = tokenize(
            &text,
            Span::new(0, text.len()),
            &r.quantities,
            0..r.quantities.len(),
            Langs::ALL,
        );
        assert!(f.matches(&toks, &r.quantities).is_empty());
    }
}
