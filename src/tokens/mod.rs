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
    /// The quantity at this index of the document's quantities.
    Quantity(usize),
    /// A word or a phrase of the lexicon.
    Word,
    /// Punctuation: `,` `;` `:` `(` `)` `–` `/` `=` `+` `!` `?`.
    Punct(char),
}

/// One token of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub tok: Tok,
    pub span: Span,
    /// The cue classes of a word (empty for other tokens).
    pub cues: Cues,
    /// The factor a word states ("doubled" → 2).
    pub factor: Option<Decimal>,
    /// Whether a word starts with a capital letter.
    pub capital: bool,
}

impl Token {
    /// The quantity index of a quantity token.
    pub fn quantity(&self) -> Option<usize> {
        match self.tok {
            Tok::Quantity(i) => Some(i),
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
    let mut out = Vec::with_capacity(24);
    let mut pos = span.start;
    for i in range {
        let q = &qs[i];
        let start = q
            .hedge
            .as_ref()
            .map_or(q.span.start, |h| h.span.start.min(q.span.start));
        if q.span.start < pos || q.span.end > span.end {
            continue;
        }
        if start > pos {
            words(text, Span::new(pos, start.max(pos)), langs, &mut out);
        }
        out.push(Token {
            tok: Tok::Quantity(i),
            span: Span::new(start.max(pos), q.span.end),
            cues: Cues::NONE,
            factor: None,
            capital: false,
        });
        pos = q.span.end;
    }
    if pos < span.end {
        words(text, Span::new(pos, span.end), langs, &mut out);
    }
    out
}

/// The words and punctuation of `span`, which holds no quantity.
fn words(text: &str, span: Span, langs: Langs, out: &mut Vec<Token>) {
    let seg = &text[span.start..span.end];
    // The words of the segment with their lower-case forms, then their cue classes.
    let mut found: Vec<(Span, String)> = Vec::new();
    let flush = |found: &mut Vec<(Span, String)>, out: &mut Vec<Token>| {
        let lower: Vec<&str> = found.iter().map(|(_, l)| l.as_str()).collect();
        let mut k = 0;
        while k < found.len() {
            let window = &lower[k..(k + LONGEST_PHRASE).min(lower.len())];
            let hit = LEXICON.lookup(window, langs);
            let n = hit.map_or(1, |h| h.words);
            let first = found[k].0;
            let last = found[k + n - 1].0;
            out.push(Token {
                tok: Tok::Word,
                span: Span::new(first.start, last.end),
                cues: hit.map_or(Cues::NONE, |h| h.cues),
                factor: hit.and_then(|h| h.factor),
                capital: text[first.start..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase),
            });
            k += n;
        }
        found.clear();
    };
    let mut it = seg.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_alphanumeric() {
            let start = i;
            let mut end = i + c.len_utf8();
            let mut dotted = false;
            while let Some(&(j, d)) = it.peek() {
                let inner = matches!(d, '\'' | '’' | '-' | '‑' | '.')
                    && seg[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                if d.is_alphanumeric() || inner {
                    dotted |= d == '.';
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            // "i.e." and "d.h." keep their last period.
            if dotted && seg[end..].starts_with('.') {
                end += 1;
                it.next();
            }
            let w = &seg[start..end];
            let lower = if w.is_ascii() {
                w.to_ascii_lowercase()
            } else {
                w.to_lowercase().replace('’', "'").replace('‑', "-")
            };
            found.push((Span::new(span.start + start, span.start + end), lower));
            continue;
        }
        let p = match c {
            ',' | ';' | ':' | '(' | ')' | '/' | '=' | '+' | '!' | '?' => Some(c),
            '[' => Some('('),
            ']' => Some(')'),
            '–' | '—' | '‒' | '―' => Some('–'),
            // A hyphen between spaces is a dash.
            '-' if seg[..i].ends_with(' ') && seg[i + 1..].starts_with(' ') => Some('–'),
            _ => None,
        };
        if let Some(p) = p {
            flush(&mut found, out);
            out.push(Token {
                tok: Tok::Punct(p),
                span: Span::new(span.start + i, span.start + i + c.len_utf8()),
                cues: if p == '=' {
                    Cue::Equals.set()
                } else {
                    Cues::NONE
                },
                factor: None,
                capital: false,
            });
        }
    }
    flush(&mut found, out);
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
                "Nur 21 von 52 Wochen – das sind 40 Prozent; verdoppelt.",
                "de"
            ),
            [
                "Nur",
                "#21",
                "von:FROM+OF",
                "#52 Wochen",
                "–",
                "das sind:THAT_IS",
                "#40 Prozent",
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
}
