//! Tokens: each sentence read once into the quantities it states, its words with their cue
//! classes from the [`lexicon`] of its language, and its punctuation.
//!
//! The claim rules match their frames against these tokens and never read the text again. A
//! quantity's token covers its hedge ("about 59 pct" is one token); a phrase of the lexicon
//! ("compared with", "das sind") is one token with the phrase's classes; dashes of every kind
//! are one punctuation token `–`, and square brackets are read as round ones.

pub mod lexicon;

use crate::quantity::{Quantity, Span};
pub use lexicon::{Cue, Cues, LEXICON, Langs};
use rust_decimal::Decimal;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    /// The quantity at this index of the document's quantities (a `u32`, so that a token
    /// takes 48 bytes: a document keeps every sentence's tokens).
    Quantity(u32),
    /// A word or a phrase of the lexicon.
    Word,
    /// Punctuation: `,` `;` `:` `(` `)` `–` `/` `=` `+` `!` `?`, and `<` `>` `≤` `≥` right
    /// before a figure.
    Punct(char),
}

/// One token of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub tok: Tok,
    pub span: Span,
    /// The cue classes of a word (empty for other tokens).
    pub cues: Cues,
    /// The factor a word states ("doubled" → 2), boxed: few words state one.
    pub factor: Option<Box<Decimal>>,
    /// Whether a word starts with a capital letter.
    pub capital: bool,
}

impl Token {
    /// The quantity index of a quantity token.
    pub fn quantity(&self) -> Option<usize> {
        match self.tok {
            Tok::Quantity(i) => Some(i as usize),
            _ => None,
        }
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.tok == Tok::Punct(c)
    }

    pub fn is_word(&self) -> bool {
        self.tok == Tok::Word
    }
}

/// The longest phrase of the lexicon, in words.
const LONGEST_PHRASE: usize = 4;

/// Reads the sentence `span` of `text` into tokens. `qs` are the document's quantities in text
/// order and `range` the indices of those inside the sentence; `langs` the languages whose
/// cue words count.
pub fn tokenize(
    text: &str,
    span: Span,
    qs: &[Quantity],
    range: std::ops::Range<usize>,
    langs: Langs,
) -> Vec<Token> {
    // The tokens are gathered in a buffer kept between sentences and handed out in a list of
    // their exact length: a document keeps every sentence's tokens, and a list grown by
    // doubling would hold a third more room than tokens, every page of it touched.
    TOKENS.with_borrow_mut(|out| {
        out.clear();
        read(text, span, qs, range, langs, out);
        out.as_slice().to_vec()
    })
}

thread_local! {
    static TOKENS: std::cell::RefCell<Vec<Token>> = std::cell::RefCell::default();
}

fn read(
    text: &str,
    span: Span,
    qs: &[Quantity],
    range: std::ops::Range<usize>,
    langs: Langs,
    out: &mut Vec<Token>,
) {
    let mut pos = span.start;
    for i in range {
        let q = &qs[i];
        let start = q
            .hedge
            .as_ref()
            .map_or(q.span.start, |h| h.span.start.min(q.span.start));
        let Ok(index) = u32::try_from(i) else {
            break;
        };
        if q.span.start < pos || q.span.end > span.end || factor_verb(text, q, langs) {
            continue;
        }
        if start > pos {
            words(text, Span::new(pos, start.max(pos)), langs, out);
        }
        out.push(Token {
            tok: Tok::Quantity(index),
            span: Span::new(start.max(pos), q.span.end),
            cues: Cues::NONE,
            factor: None,
            capital: false,
        });
        pos = q.span.end;
    }
    if pos < span.end {
        words(text, Span::new(pos, span.end), langs, out);
    }
}

/// Whether `q` is the factor of a verb or its noun ("doubled", "verdoppelt", "halved",
/// "Halbierung"), which the recognizer reads as exact (no precision), and the cue lexicon
/// knows as a factor word: the rules read the change it names ("von 40 auf 80 verdoppelt")
/// from that word, so it is a word here. The multiples that compare ("double the price",
/// "doppelt so viele", "tenfold") stay quantities.
fn factor_verb(text: &str, q: &Quantity, langs: Langs) -> bool {
    if q.kind != crate::quantity::Kind::Multiple || q.precision.is_some() {
        return false;
    }
    let word = &text[q.span.start..q.span.end];
    word.chars().all(char::is_alphabetic)
        && LEXICON
            .lookup(&[word.to_lowercase().as_str()], langs)
            .is_some_and(|h| h.words == 1 && h.factor.is_some())
}

/// The words of a segment being read: their spans and the ranges of their lower-case forms
/// in one buffer, kept between segments so that reading a word allocates nothing.
#[derive(Default)]
struct Scratch {
    lower: String,
    found: Vec<(Span, usize, usize)>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// The words and punctuation of `span`, which holds no quantity.
fn words(text: &str, span: Span, langs: Langs, out: &mut Vec<Token>) {
    SCRATCH.with_borrow_mut(|sc| words_in(text, span, langs, out, sc));
}

/// Turns the words gathered in `sc` into tokens with their cue classes, the longest phrase of
/// the lexicon first.
fn flush(text: &str, langs: Langs, sc: &mut Scratch, out: &mut Vec<Token>) {
    let found = &sc.found;
    let mut k = 0;
    let lexicon: &lexicon::Lexicon = &LEXICON;
    let lower = sc.lower.as_str();
    let word = |j: usize| {
        let (_, a, b) = found[j];
        &lower[a..b]
    };
    while k < found.len() {
        let n = (found.len() - k).min(LONGEST_PHRASE);
        let hit = lexicon.lookup_with(word(k), n, |j| word(k + j), langs);
        let n = hit.map_or(1, |h| h.words);
        let first = found[k].0;
        let last = found[k + n - 1].0;
        out.push(Token {
            tok: Tok::Word,
            span: Span::new(first.start, last.end),
            cues: hit.map_or(Cues::NONE, |h| h.cues),
            factor: hit.and_then(|h| h.factor).map(Box::new),
            capital: match text.as_bytes()[first.start] {
                b if b < 0x80 => b.is_ascii_uppercase(),
                _ => text[first.start..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase),
            },
        });
        k += n;
    }
    sc.found.clear();
    sc.lower.clear();
}

fn words_in(text: &str, span: Span, langs: Langs, out: &mut Vec<Token>, sc: &mut Scratch) {
    let seg = &text[span.start..span.end];
    let bytes = seg.as_bytes();
    sc.found.clear();
    sc.lower.clear();
    // The character at byte `i`, and its length: ASCII without decoding.
    let at = |i: usize| -> (char, usize) {
        let b = bytes[i];
        if b < 0x80 {
            (b as char, 1)
        } else {
            let c = seg[i..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let (c, len) = at(i);
        if c.is_alphanumeric() {
            let start = i;
            let mut end = i + len;
            let mut dotted = false;
            let mut ascii = len == 1;
            loop {
                // ASCII letters and digits byte by byte: most of a word.
                end += bytes[end..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                if end >= bytes.len() {
                    break;
                }
                let (d, dl) = at(end);
                let inner = matches!(d, '\'' | '’' | '-' | '‑' | '.')
                    && end + dl < bytes.len()
                    && at(end + dl).0.is_alphanumeric();
                if d.is_alphanumeric() || inner {
                    dotted |= d == '.';
                    ascii &= dl == 1;
                    end += dl;
                } else {
                    break;
                }
            }
            // "i.e." and "d.h." keep their last period.
            if dotted && bytes.get(end) == Some(&b'.') {
                end += 1;
            }
            let w = &seg[start..end];
            let a = sc.lower.len();
            if ascii {
                sc.lower.push_str(w);
                sc.lower[a..].make_ascii_lowercase();
            } else {
                for ch in w.chars().flat_map(char::to_lowercase) {
                    sc.lower.push(match ch {
                        '’' => '\'',
                        '‑' => '-',
                        c => c,
                    });
                }
            }
            let b = sc.lower.len();
            sc.found
                .push((Span::new(span.start + start, span.start + end), a, b));
            i = end;
            continue;
        }
        let p = match c {
            ',' | ';' | ':' | '(' | ')' | '/' | '=' | '+' | '!' | '?' => Some(c),
            '[' => Some('('),
            ']' => Some(')'),
            '–' | '—' | '‒' | '―' => Some('–'),
            // A hyphen between spaces is a dash.
            '-' if seg[..i].ends_with(' ') && seg[i + 1..].starts_with(' ') => Some('–'),
            // A comparison sign before a figure ("< 0.02%"); elsewhere ("<Nippon Lace>") none.
            '<' | '>' | '≤' | '≥' if seg[i + c.len_utf8()..].trim_start().is_empty() => Some(c),
            _ => None,
        };
        if let Some(p) = p {
            flush(text, langs, sc, out);
            out.push(Token {
                tok: Tok::Punct(p),
                span: Span::new(span.start + i, span.start + i + len),
                cues: if p == '=' {
                    Cue::Equals.set()
                } else {
                    Cues::NONE
                },
                factor: None,
                capital: false,
            });
        }
        i += len;
    }
    flush(text, langs, sc, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Setting;

    /// The tokens of `text` (one sentence) as short strings: `#text` for quantities, the cue
    /// classes in capitals for cue words, the word for others.
    fn show(text: &str, lang: &str) -> Vec<String> {
        let r = crate::recognize(text, Setting::Auto);
        let langs = Langs::of_code(lang).expect("language");
        let toks = tokenize(
            text,
            Span::new(0, text.len()),
            &r.quantities,
            0..r.quantities.len(),
            langs,
        );
        toks.iter()
            .map(|t| {
                let s = &text[t.span.start..t.span.end];
                match t.tok {
                    Tok::Quantity(_) => format!("#{s}"),
                    Tok::Punct(p) => p.to_string(),
                    Tok::Word if t.cues.is_empty() => s.to_string(),
                    Tok::Word => {
                        let names: Vec<&str> = Cue::ALL
                            .iter()
                            .filter(|(c, _)| t.cues.has(*c))
                            .map(|(_, n)| *n)
                            .collect();
                        format!("{s}:{}", names.join("+").to_uppercase())
                    }
                }
            })
            .collect()
    }

    #[test]
    fn a_news_sentence() {
        assert_eq!(
            show(
                "Sales rose 5.6 billion dlrs, or 0.9 pct, compared with about 40 mln a year ago.",
                "en"
            ),
            [
                "Sales",
                "rose:UP",
                "#5.6 billion dlrs",
                ",",
                "or:OR",
                "#0.9 pct",
                ",",
                "compared with:AGAINST",
                "#about 40 mln",
                "#a year",
                "ago:AGO",
            ]
        );
    }

    #[test]
    fn german_phrases_dashes_and_factors() {
        assert_eq!(
            show(
                "Nur 13 von 52 Wochen – das sind 25 Prozent; verdoppelt.",
                "de"
            ),
            [
                "Nur",
                "#13",
                "von:FROM+OF",
                "#52 Wochen",
                "–",
                "das sind:THAT_IS",
                "#25 Prozent",
                ";",
                "verdoppelt:FACTOR"
            ]
        );
    }

    #[test]
    fn abbreviations_hyphens_and_brackets() {
        assert_eq!(
            show("It grew, i.e. it doubled [year-on-year] - fast.", "en"),
            [
                "It",
                "grew:UP",
                ",",
                "i.e.:THAT_IS",
                "it",
                "doubled:FACTOR",
                "(",
                "year-on-year",
                ")",
                "–",
                "fast"
            ]
        );
    }

    #[test]
    fn comparison_signs_before_figures_only() {
        assert_eq!(
            show("Its part is < 0.02% of <Nippon Lace>.", "en"),
            [
                "Its:DET", "part", "is:BE", "<", "#0.02%", "of:OF", "Nippon", "Lace"
            ]
        );
    }
}
