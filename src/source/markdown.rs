//! Markdown: the prose of a document at the byte offsets it has in the file (see the module
//! doc of [`crate::source`]).
//!
//! pulldown-cmark parses (CommonMark with tables, footnotes, task lists, strikethrough,
//! heading attributes and YAML or TOML front matter; not math, since `$5 and $10` is money)
//! and its offset iterator gives each event's byte range. Text events are put back where
//! they are; everything else stays blank. Raw HTML goes through the HTML reader, so the
//! prose in an HTML block survives and its tags and comments do not.

use super::Overlay;
use super::html::Html;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// The text of the Markdown document `src`: same byte length, markup blanked.
pub(super) fn text(src: &str) -> (String, super::SourceMap) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_DEFINITION_LIST;
    let mut overlay = Overlay::new(src);
    let mut html = Html::default();
    // For each open element, whether its text is hidden; `hidden` counts the trues.
    let mut open: Vec<bool> = Vec::new();
    let mut hidden = 0;
    // The lines of the HTML block being read.
    let mut html_block: Option<Vec<Range<usize>>> = None;
    for (event, range) in Parser::new_ext(src, options).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                let hide = match tag {
                    Tag::CodeBlock(_)
                    | Tag::MetadataBlock(_)
                    | Tag::Image { .. }
                    | Tag::Strikethrough => true,
                    Tag::Link { link_type, .. } => {
                        matches!(link_type, LinkType::Autolink | LinkType::Email)
                    }
                    Tag::HtmlBlock => {
                        html_block = Some(Vec::new());
                        false
                    }
                    _ => false,
                };
                open.push(hide);
                hidden += usize::from(hide);
            }
            Event::End(end) => {
                if open.pop() == Some(true) {
                    hidden -= 1;
                }
                match end {
                    TagEnd::TableCell => overlay.boundary(range.end),
                    TagEnd::HtmlBlock => {
                        if let Some(lines) = html_block.take() {
                            html_block_text(&mut overlay, &mut html, src, range, &lines);
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(text) if hidden == 0 && !html.hiding() => overlay.put(range, &text),
            Event::Html(_) => match &mut html_block {
                Some(lines) => lines.push(range),
                None => html.feed(&mut overlay, &src[range.clone()], range.start),
            },
            Event::InlineHtml(_) => html.feed(&mut overlay, &src[range.clone()], range.start),
            // Code, footnote marks, task list boxes, breaks, rules: nothing is prose
            // (a soft break's line break is kept anyway).
            _ => {}
        }
    }
    overlay.finish()
}

/// Reads an HTML block as one piece of HTML, so that a comment or `<script>` may span its
/// lines; what is not one of its lines (a block quote's `>`, list indentation) is blanked
/// first.
fn html_block_text(
    overlay: &mut Overlay<'_>,
    html: &mut Html,
    src: &str,
    block: Range<usize>,
    lines: &[Range<usize>],
) {
    let mut fragment: Vec<u8> = src.as_bytes()[block.clone()]
        .iter()
        .map(|&b| if matches!(b, b'\n' | b'\r') { b } else { b' ' })
        .collect();
    for line in lines {
        if line.start >= block.start && line.end <= block.end {
            let at = line.start - block.start..line.end - block.start;
            fragment[at].copy_from_slice(&src.as_bytes()[line.clone()]);
        }
    }
    // The lines are whole characters copied into ASCII, so this is UTF-8.
    if let Ok(fragment) = String::from_utf8(fragment) {
        html.feed(overlay, &fragment, block.start);
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
    fn headings_keep_their_text() {
        assert_eq!(t("# Sales 5 %\n"), "  Sales 5 %\n");
        assert_eq!(t("## Costs ##\n"), "   Costs   \n");
        assert_eq!(t("Title\n=====\n"), "Title\n     \n");
        assert_eq!(t("# Q3 {#q3}\n"), "  Q3      \n");
    }

    #[test]
    fn emphasis_marks_are_blank() {
        assert_eq!(
            t("Sales rose *5 %* and **10 %** and _3_.\n"),
            "Sales rose  5 %  and   10 %   and  3 .\n"
        );
    }

    #[test]
    fn links_keep_their_text_not_their_destination() {
        assert_eq!(
            t("See [the 2023 report](https://x.org/2024/5 \"page 9\") now.\n"),
            "See  the 2023 report                                 now.\n"
        );
        assert_eq!(t("Mail <https://x.org/7>.\n"), "Mail                  .\n");
        assert_eq!(
            t("A [ref][r] here.\n\n[r]: https://x.org/8\n"),
            "A  ref     here.\n\n                    \n"
        );
    }

    #[test]
    fn images_are_blank() {
        assert_eq!(
            t("Chart ![up 5 %](c/5.png) here\n"),
            "Chart                    here\n"
        );
    }

    #[test]
    fn code_is_blank() {
        let src = "Text 1 `x = 2` end\n\n```rust\nlet y = 3;\n```\n\n    indented 4\n\nafter 5\n";
        let out = t(src);
        assert_eq!(
            out.trim_end(),
            "Text 1         end\n\n       \n          \n   \n\n              \n\nafter 5"
        );
    }

    #[test]
    fn front_matter_is_blank() {
        let out = t("---\ntitle: 5 things\nyear: 2024\n---\n\nBody 6\n");
        assert_eq!(out, "   \n               \n          \n   \n\nBody 6\n");
        let out = t("+++\nyear = 2024\n+++\nBody 7\n");
        assert_eq!(out, "   \n           \n   \nBody 7\n");
    }

    #[test]
    fn tables_part_cells_with_form_feeds() {
        let src = "| Party | Share |\n|---|--:|\n| A | 40 % |\n| B | 60 % |\n";
        let out = t(src);
        assert_eq!(
            out,
            "  Party | Share  \n         \n  A | 40 %  \n  B | 60 %  \n"
        );
        // Without outer pipes too.
        assert_eq!(t("a | b\n--|--\n1 | 2\n"), "a | b\n     \n1 | 2\n");
    }

    #[test]
    fn lists_quotes_and_task_boxes_keep_text() {
        assert_eq!(t("- one 1\n- [x] two 2\n"), "  one 1\n      two 2\n");
        assert_eq!(t("> quote 3\n> more 4\n"), "  quote 3\n  more 4\n");
        assert_eq!(t("1. first 5\n"), "   first 5\n");
    }

    #[test]
    fn entities_and_escapes_are_decoded_in_place() {
        assert_eq!(
            t("5&nbsp;% and &euro;3 and \\*\n"),
            "5\u{a0}    % and    €3 and  *\n"
        );
    }

    #[test]
    fn html_in_markdown_goes_through_the_html_reader() {
        assert_eq!(
            t("Text <b>5</b> <code>6</code> <!-- 7\n8 --> end\n"),
            "Text    5                          \n      end\n"
        );
        let out = t("<div>\n<!-- 9\n10 -->\nshown 11\n</div>\n\n> <p>quoted 12</p>\n");
        assert_eq!(
            out,
            "     \n      \n      \nshown 11\n      \n\n     quoted 12    \n"
        );
    }

    #[test]
    fn footnotes_keep_their_text_not_their_marks() {
        assert_eq!(
            t("Claim 5.[^1]\n\n[^1]: Source 6.\n"),
            "Claim 5.    \n\n      Source 6.\n"
        );
    }

    #[test]
    fn struck_text_is_blank_and_single_tildes_stay() {
        assert_eq!(
            t("~5 % not ~~6 %~~ but 7 %\n"),
            "~5 % not         but 7 %\n"
        );
    }

    #[test]
    fn multibyte_markup_and_prose() {
        // A non-ASCII prose character stays; lengths match byte for byte.
        assert_eq!(t("*Größe* 5 €\n"), " Größe  5 €\n");
    }
}
