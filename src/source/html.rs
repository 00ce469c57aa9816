//! HTML: the prose of a page at the byte offsets it has in the file (see the module doc of
//! [`crate::source`]).
//!
//! html5gum tokenizes (WHATWG tokenizer, switching to raw text inside `<script>`, `<style>`,
//! `<textarea>` and the like); its tokens carry byte spans. A text token arrives with its
//! character references already decoded, so the tokenizer is wrapped in an emitter that
//! also records each piece of text as the tokenizer emits it, with the position where it
//! ends: a character reference is one such piece, which lets the decoded character land
//! where its reference starts, padded with spaces to the reference's length.

use super::Overlay;
use html5gum::{DefaultEmitter, Emitter, ForwardingEmitter, Token, Tokenizer};
use std::cell::RefCell;
use std::rc::Rc;

/// The text of the HTML page `src`: same byte length, markup blanked.
pub(super) fn text(src: &str) -> (String, super::SourceMap) {
    let mut overlay = Overlay::new(src);
    Html::default().feed(&mut overlay, src, 0);
    overlay.finish()
}

/// Elements whose content is not prose: code, scripts, styles, embedded graphics and
/// formulas, form controls, and struck-out text.
const HIDDEN: &[&[u8]] = &[
    b"script",
    b"style",
    b"noscript",
    b"template",
    b"code",
    b"pre",
    b"kbd",
    b"samp",
    b"svg",
    b"math",
    b"iframe",
    b"object",
    b"xmp",
    b"noembed",
    b"noframes",
    b"textarea",
    b"select",
    b"del",
    b"s",
    b"strike",
];

/// Elements that start or end a block: a sentence never runs across them.
const BLOCKS: &[&[u8]] = &[
    b"address",
    b"article",
    b"aside",
    b"blockquote",
    b"body",
    b"br",
    b"caption",
    b"dd",
    b"details",
    b"dialog",
    b"div",
    b"dl",
    b"dt",
    b"fieldset",
    b"figcaption",
    b"figure",
    b"footer",
    b"form",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"head",
    b"header",
    b"hgroup",
    b"hr",
    b"html",
    b"legend",
    b"li",
    b"main",
    b"menu",
    b"nav",
    b"ol",
    b"option",
    b"p",
    b"pre",
    b"section",
    b"summary",
    b"table",
    b"tbody",
    b"td",
    b"tfoot",
    b"th",
    b"thead",
    b"title",
    b"tr",
    b"ul",
];

/// A reader of HTML that may come in fragments (Markdown's inline HTML): it remembers which
/// hidden elements are open from one fragment to the next.
#[derive(Debug, Default)]
pub(super) struct Html {
    /// The hidden elements open now, innermost last.
    open_hidden: Vec<Vec<u8>>,
}

impl Html {
    /// Whether text here is inside a hidden element (e.g. Markdown text between an inline
    /// `<code>` and `</code>`).
    pub(super) fn hiding(&self) -> bool {
        !self.open_hidden.is_empty()
    }

    /// Puts the prose of `fragment` into `overlay`, where the fragment starts at byte `base`
    /// of the overlay's source and has the same length there.
    pub(super) fn feed(&mut self, overlay: &mut Overlay<'_>, fragment: &str, base: usize) {
        let pieces = Rc::new(RefCell::new(Vec::new()));
        let mut inner = DefaultEmitter::new_with_span();
        inner.naively_switch_states(true);
        let emitter = Recorder {
            inner,
            position: 0,
            pieces: Rc::clone(&pieces),
        };
        // Errors are the tokenizer's notes on bad HTML, from which it recovers; a string
        // reader fails on nothing else.
        let tokens: Vec<Token<usize>> = Tokenizer::new_with_emitter(fragment, emitter)
            .filter_map(Result::ok)
            .collect();
        let pieces = pieces.borrow();
        let mut next_piece = 0;
        for token in tokens {
            match token {
                Token::StartTag(tag) => {
                    let name = tag.name.to_ascii_lowercase();
                    if is_in(BLOCKS, &name) {
                        overlay.boundary(base + tag.span.start);
                    }
                    if is_in(HIDDEN, &name) && !tag.self_closing {
                        self.open_hidden.push(name);
                    }
                }
                Token::EndTag(tag) => {
                    let name = tag.name.to_ascii_lowercase();
                    if is_in(BLOCKS, &name) {
                        overlay.boundary(base + tag.span.start);
                    }
                    if let Some(i) = self.open_hidden.iter().rposition(|n| *n == name) {
                        self.open_hidden.truncate(i);
                    }
                }
                Token::String(s) => {
                    let (start, end) = (s.span.start, s.span.end);
                    // The pieces of this string: those that end inside it.
                    while next_piece < pieces.len() && pieces[next_piece].0 <= start {
                        next_piece += 1;
                    }
                    let mut from = start;
                    while next_piece < pieces.len() && pieces[next_piece].0 <= end {
                        let (to, ref value) = pieces[next_piece];
                        next_piece += 1;
                        if self.hiding() || to <= from {
                            continue;
                        }
                        let value = String::from_utf8_lossy(value);
                        overlay.put(base + from..base + to, &value);
                        from = to;
                    }
                }
                // Comments, doctypes and tokenizer errors: nothing of them is prose.
                Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
            }
        }
    }
}

fn is_in(names: &[&[u8]], name: &[u8]) -> bool {
    names.contains(&name)
}

/// The default emitter, which also records each piece of text the tokenizer emits with the
/// byte position where the piece ends.
struct Recorder {
    inner: DefaultEmitter<usize>,
    position: usize,
    pieces: Pieces,
}

/// Pieces of text with the byte position where each ends, shared between the emitter inside
/// the tokenizer and the reader of its tokens.
type Pieces = Rc<RefCell<Vec<(usize, Vec<u8>)>>>;

impl ForwardingEmitter for Recorder {
    type Token = Token<usize>;

    fn inner(&mut self) -> &mut impl Emitter<Token = Self::Token> {
        &mut self.inner
    }

    fn move_position(&mut self, offset: isize) {
        self.position = self.position.saturating_add_signed(offset);
        ForwardingEmitter::move_position(&mut self.inner, offset);
    }

    fn emit_string(&mut self, s: &[u8]) {
        self.pieces.borrow_mut().push((self.position, s.to_vec()));
        ForwardingEmitter::emit_string(&mut self.inner, s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text, checked to keep length and line breaks, with form feeds shown as '|'.
    fn t(src: &str) -> String {
        crate::source::blanked(src, text)
    }

    #[test]
    fn tags_and_attributes_become_spaces() {
        assert_eq!(
            t("<b class=\"x 5\">Sales</b> rose <a href=\"/2023/5\">5 %</a>."),
            "               Sales     rose                   5 %    ."
        );
    }

    #[test]
    fn prose_stays_at_its_offsets_and_lines() {
        let src = "<html>\n<body>\n<p>Revenue was <em>40</em> of 100.</p>\n</body>\n</html>\n";
        let out = t(src);
        assert_eq!(
            out.lines().nth(2).unwrap().trim(),
            "Revenue was     40      of 100."
        );
        let at = src.find("40").unwrap();
        assert_eq!(&out[at..at + 2], "40");
        // Blocks on lines of their own need no mark.
        assert!(!out.contains('|'));
    }

    #[test]
    fn entities_are_decoded_in_place_and_padded() {
        let out = t("5&nbsp;% &euro;3 AT&amp;T &#37; &copy2023");
        assert_eq!(out, "5\u{a0}    %    €3 AT&    T %        ©2023");
    }

    #[test]
    fn a_space_reference_between_digits_is_one_grouping_space_and_the_map_knows() {
        let src = "<p>380&nbsp;000 workers, 1&#8239;234&#x202F;567 and 5&nbsp;%</p>";
        let (out, map) = text(src);
        assert_eq!(
            out,
            "   380\u{a0}000 workers, 1\u{202f}234\u{202f}567 and 5\u{a0}    %    "
        );
        // Every byte of the text maps to the byte of the file it came from.
        for needle in ["000 workers", "234", "567", "5\u{a0}", "%"] {
            let at = out.find(needle).unwrap();
            let file_at = map.file_offset(at);
            let first = needle.chars().next().unwrap();
            assert!(src[file_at..].starts_with(first), "{needle}");
        }
        assert_eq!(map.file_offset(out.len()), src.len());
        assert_eq!(map.file_offset(3), 3);
    }

    #[test]
    fn a_multibyte_character_in_markup_becomes_one_space_per_byte() {
        assert_eq!(t("<img alt=\"café\">5"), "                 5");
    }

    #[test]
    fn scripts_styles_comments_and_code_are_blank() {
        let out = t("<script>var x = 5 < 6;</script><style>p{width:5px}</style>\
             <!-- 7 % --><p>Text 8<code>9</code><pre>10\n11</pre></p><!DOCTYPE html>");
        assert_eq!(out.split_whitespace().collect::<Vec<_>>(), ["Text", "8"]);
        assert!(!out.contains(['5', '6', '7', '9']));
    }

    #[test]
    fn nested_hidden_elements_close_at_their_own_end_tag() {
        let out = t("<pre><code>1</code> 2</pre> 3");
        assert_eq!(out.trim(), "3");
    }

    #[test]
    fn struck_out_text_is_blank() {
        assert_eq!(t("<del>5</del> <s>6</s> 7").trim(), "7");
    }

    #[test]
    fn blocks_on_one_line_are_parted_by_a_form_feed() {
        assert_eq!(t("<p>a 5</p><p>b 6</p>"), "   a 5|      b 6    ");
        assert_eq!(
            t("<table><tr><td>40</td><td>60</td></tr></table>"),
            "               40|        60                  "
        );
        // Inline elements part nothing.
        assert_eq!(t("a<b>5</b>b"), "a   5    b");
        // Nor does a block tag with a line break beside it.
        assert_eq!(t("<p>a</p>\n<p>b</p>"), "   a    \n   b    ");
    }

    #[test]
    fn crlf_line_breaks_stay() {
        assert_eq!(t("<p>a\r\n5&amp;\r\nb</p>"), "   a\r\n5&    \r\nb    ");
    }

    #[test]
    fn broken_html_is_read_as_far_as_it_goes() {
        assert_eq!(t("a < b 5 <p"), "a < b 5   ");
        assert_eq!(t(""), "");
        assert_eq!(t("<p>unclosed 5 &"), "   unclosed 5 &");
    }
}
