//! PDF: the text of each page, a line of text a line of the page (see the module doc of
//! [`crate::source`]).
//!
//! pdf-extract reads the file (through lopdf) and runs each page's content stream, handing
//! every glyph it shows to an output device with its position, width and size. The device
//! here lays the glyphs out as lines: a new line where the baseline moves by more than half
//! the font size, a space where a word starts further on than the last one ended, a tab where
//! the gap is wider than the font size (the next column of a table), and a form
//! feed at the end of a line that a paragraph gap (more than a line and a half) follows, which ends a
//! sentence without counting as a line. A page ends with a form feed and a line break, so a
//! line of the text is a line of its page and [`SourceMap`] gives the page of each.
//!
//! A number that the layout broke across two lines is put back together on the second:
//! `spent 1,2-` / `34 workers` becomes `spent` / `1,234 workers`, a range `10-` / `20 pages`
//! becomes `10-20 pages`, and `3,` / `500 people` becomes `3,500 people` (see
//! [`mend_breaks`]). Moving the head of the number down to its tail keeps it with the unit or
//! scale word that follows it, and keeps every other line where it was on the page.

use super::{SourceError, SourceMap};
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// The text of the PDF file `bytes` read from `path`, with its pages.
pub(super) fn text(path: &str, bytes: &[u8]) -> Result<(String, SourceMap), SourceError> {
    let fail = |reason: String| SourceError::Pdf {
        path: path.to_string(),
        reason,
    };
    if !bytes.starts_with(b"%PDF-") {
        let head = bytes.iter().position(|&b| b == b'%');
        if head.is_none_or(|at| at > 1024 || !bytes[at..].starts_with(b"%PDF-")) {
            return Err(fail("it does not start with %PDF-, so it is no PDF".into()));
        }
    }
    // The reader is not known to panic on bad files, but a panic in it must not take the
    // other inputs with it.
    let read = std::panic::catch_unwind(|| read_pages(bytes));
    let pages = match read {
        Ok(Ok(pages)) => pages,
        Ok(Err(reason)) => return Err(fail(reason)),
        Err(_) => return Err(fail("the PDF reader failed on it (a damaged file?)".into())),
    };
    let mut out = String::new();
    let mut starts = Vec::with_capacity(pages.len());
    let mut line = 1;
    for page in pages {
        starts.push((out.len(), line));
        let page = mend_breaks(&page);
        let page = page.trim_end_matches(['\n', '\u{c}', ' ']);
        out.push_str(page);
        out.push_str("\u{c}\n");
        line += memchr::memchr_iter(b'\n', page.as_bytes()).count() + 1;
    }
    Ok((out, SourceMap::with_pages(starts)))
}

/// The text of each page, in order.
fn read_pages(bytes: &[u8]) -> Result<Vec<String>, String> {
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| describe(&e))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err("it is encrypted with a password".into());
    }
    let mut pages = Vec::new();
    for (number, _) in doc.get_pages() {
        let mut device = Lines::default();
        pdf_extract::output_doc_page(&doc, &mut device, number)
            .map_err(|e| format!("page {number}: {}", describe_output(&e)))?;
        pages.push(device.text);
    }
    if pages.is_empty() {
        return Err("it has no pages".into());
    }
    Ok(pages)
}

fn describe(e: &pdf_extract::Error) -> String {
    let what = e.to_string();
    let what = what.trim_end_matches('.');
    format!("{} ({what})", "it cannot be parsed as a PDF")
}

fn describe_output(e: &OutputError) -> String {
    match e {
        OutputError::PdfError(e) => e.to_string(),
        other => other.to_string(),
    }
}

/// An output device that lays glyphs out as lines of text.
#[derive(Default)]
struct Lines {
    text: String,
    /// The page's height, to measure from its top.
    height: f64,
    /// Where the last glyph ended, its baseline and its size.
    last: Option<(f64, f64, f64)>,
    /// Whether the next glyph starts a word (a string shown on its own).
    word_start: bool,
}

impl OutputDev for Lines {
    fn begin_page(
        &mut self,
        _page: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.height = media_box.ury - media_box.lly;
        self.last = None;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        glyph: &str,
    ) -> Result<(), OutputError> {
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = if scale.is_finite() && scale > 0.0 {
            font_size * scale
        } else {
            font_size.abs()
        };
        let (x, y) = (trm.m31, self.height - trm.m32);
        if let Some((end, last_y, last_size)) = self.last {
            let dy = y - last_y;
            let line = size.max(last_size);
            if dy.abs() > 0.5 * line {
                // A new line; after a gap of more than a line and a half (a line being some
                // 1.2 times the font size), a new paragraph.
                if dy > 1.8 * line {
                    self.text.push('\u{c}');
                }
                self.text.push('\n');
            } else if x > end + size {
                // A gap wider than a word space can be (an em): a table's next column, which
                // a tab keeps apart ("631   423" is two numbers, "631 423" may be one).
                let kept = self.text.trim_end_matches(' ').len();
                self.text.truncate(kept);
                if !self.text.ends_with('\t') {
                    self.text.push('\t');
                }
            } else if self.word_start && x > end + 0.15 * size && !self.text.ends_with(' ') {
                self.text.push(' ');
            }
        }
        let blank = glyph.chars().all(char::is_whitespace);
        if !(blank && self.text.ends_with([' ', '\n'])) {
            // Whatever the PDF says a glyph is, a line break in it would move the lines.
            if glyph.contains(['\n', '\r', '\u{c}']) {
                self.text.push(' ');
            } else {
                self.text.push_str(glyph);
            }
        }
        self.word_start = false;
        self.last = Some((x + width * size, y, size));
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.word_start = true;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Puts numbers that a line break split back together on their second line (see the module
/// doc): a line that ends in a digit and a hyphen, or in a group separator, or in an
/// incomplete group, and a next line that starts with the digits that complete it. The head of
/// the number (with a currency sign written before it) moves down to its tail, so that it stays
/// with what follows it ("dollars", "%", "million").
pub fn mend_breaks(page: &str) -> String {
    let mut lines: Vec<String> = page.split('\n').map(str::to_string).collect();
    for i in 0..lines.len().saturating_sub(1) {
        let Some(cut) = mend(&lines[i], &lines[i + 1]) else {
            continue;
        };
        let above = &mut lines[i];
        let head = above[cut.start..above.len() - cut.drop].to_string();
        above.truncate(cut.start);
        let kept = above.trim_end().len();
        above.truncate(kept);
        lines[i + 1].insert_str(0, &head);
    }
    lines.join("\n")
}

/// How to mend a break: where the head of the number starts on the line above, and how many
/// bytes at its end to drop (a hyphen that only split a group).
struct Cut {
    start: usize,
    drop: usize,
}

/// Where the number that ends at `upto` of `line` starts: its digits and separators, and a
/// currency sign right before them.
fn head_start(line: &str, upto: usize) -> usize {
    let b = line.as_bytes();
    let mut i = upto;
    while i > 0
        && (b[i - 1].is_ascii_digit()
            || (matches!(b[i - 1], b',' | b'.') && i >= 2 && b[i - 2].is_ascii_digit()))
    {
        i -= 1;
    }
    match line[..i].chars().next_back() {
        Some(c @ ('$' | '€' | '£' | '¥')) => i - c.len_utf8(),
        _ => i,
    }
}

fn mend(above: &str, below: &str) -> Option<Cut> {
    let end = above.trim_end_matches([' ', '\u{c}']);
    if end.len() != above.len() {
        return None; // a paragraph ends, or the line ended in a space: no broken number
    }
    let digits_below = below.bytes().take_while(u8::is_ascii_digit).count();
    if digits_below == 0 {
        return None;
    }
    // What the line below continues with after its digits: the rest of the number too
    // ("34,567"), up to the first character that is not a digit or separator.
    let mut take = digits_below;
    let b = below.as_bytes();
    while take + 1 < b.len() && matches!(b[take], b',' | b'.') && b[take + 1].is_ascii_digit() {
        take += 1 + b[take + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
    }
    let bytes = end.as_bytes();
    let last = *bytes.last()?;
    let before_last = bytes.len().checked_sub(2).map(|k| bytes[k]);
    // The last run of digits on the line above (before a trailing hyphen or separator), and
    // the separator before it, if any.
    let run = |upto: usize| {
        let digits = bytes[..upto]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count();
        let sep = upto
            .checked_sub(digits + 1)
            .map(|k| bytes[k])
            .filter(|s| matches!(s, b',' | b'.'));
        let word_before = upto
            .checked_sub(digits + 1)
            .map(|k| bytes[k])
            .is_some_and(|c| c.is_ascii_alphabetic());
        (digits, sep, word_before)
    };
    match last {
        b'-' if before_last.is_some_and(|c| c.is_ascii_digit()) => {
            let (digits, sep, word) = run(bytes.len() - 1);
            if word {
                return None; // "A4-" / "20 pages": a name, not a number
            }
            // "1,2-" + "34": a group cut short, which the digits below complete.
            let start = head_start(end, bytes.len() - 1);
            if sep.is_some() && digits < 3 && digits + digits_below == 3 {
                return Some(Cut { start, drop: 1 });
            }
            // "10-" + "20": a range, joined as written.
            Some(Cut { start, drop: 0 })
        }
        b',' | b'.' if before_last.is_some_and(|c| c.is_ascii_digit()) => {
            // "3," + "500 people": the separator before a group of three, on a line that
            // ends in a number grouped in threes so far.
            let (digits, sep, word) = run(bytes.len() - 1);
            let grouped = (1..=3).contains(&digits) || (sep.is_some() && digits == 3);
            (grouped && !word && digits_below == 3 && take == 3).then(|| Cut {
                start: head_start(end, bytes.len() - 1),
                drop: 0,
            })
        }
        c if c.is_ascii_digit() => {
            // "1,2" + "34": a group cut short after a separator.
            let (digits, sep, word) = run(bytes.len());
            (sep.is_some() && !word && digits < 3 && digits + digits_below == 3).then(|| Cut {
                start: head_start(end, bytes.len()),
                drop: 0,
            })
        }
        _ => None,
    }
}

/// The tests' PDF writer, shared with the command-line tests.
#[cfg(test)]
#[path = "../../tests/support/pdf.rs"]
mod test_pdf;

#[cfg(test)]
mod tests {
    use super::*;

    use super::test_pdf as writer;
    use writer::{page, pdf};

    fn read(pages: &[&[writer::Line]]) -> (String, SourceMap) {
        text("t.pdf", &pdf(pages)).unwrap()
    }

    #[test]
    fn lines_of_a_page_are_lines_and_pages_end_in_a_form_feed() {
        let one = page(&["The council spent 1,2-", "34 dollars on", "roads."]);
        let two = page(&["Page two says 15%", "of it went on bridges."]);
        let (text, map) = read(&[&one, &two]);
        assert_eq!(
            text,
            "The council spent\n1,234 dollars on\nroads.\u{c}\n\
             Page two says 15%\nof it went on bridges.\u{c}\n"
        );
        // Page and line of a text line: "of it went" is line 5 of the text, line 2 of page 2.
        let at = text.find("of it").unwrap();
        assert_eq!(map.page_line(at, 5), Some((2, 2)));
        assert_eq!(map.page_line(text.find("1,234").unwrap(), 2), Some((1, 2)));
    }

    #[test]
    fn words_shown_apart_get_a_space_columns_a_tab_and_a_paragraph_gap_a_form_feed() {
        // Strings on one baseline: "Revenue" (48 points wide in 12-point Helvetica) with
        // a word space after it, then table cells an inch apart; then a line 40 points lower.
        let lines: &[writer::Line] = &[
            (72.0, 700.0, "Revenue"),
            (124.0, 700.0, "631"),
            (190.0, 700.0, "423"),
            (262.0, 700.0, "108"),
            (72.0, 660.0, "Costs rose."),
        ];
        let (text, _) = read(&[lines]);
        assert_eq!(text, "Revenue 631\t423\t108\u{c}\nCosts rose.\u{c}\n");
    }

    #[test]
    fn a_truncated_pdf_is_a_clear_error() {
        let whole = pdf(&[&page(&["A figure of 42."])]);
        for cut in [whole.len() / 3, whole.len() / 2, whole.len() - 40] {
            let err = text("t.pdf", &whole[..cut]).unwrap_err().to_string();
            assert!(err.starts_with("t.pdf: not a readable PDF file: "), "{err}");
        }
    }

    #[test]
    fn numbers_broken_across_lines_are_mended_on_the_second_line() {
        let cases = [
            ("cost 1,2-\n34 workers", "cost\n1,234 workers"),
            ("from 10-\n20 pages", "from\n10-20 pages"),
            ("some 3,\n500 people", "some\n3,500 people"),
            (
                "a total of 12,34\n5,678 units",
                "a total of\n12,345,678 units",
            ),
            ("up 1.2-\n3 %", "up\n1.2-3 %"),
            ("just 1,234,\n567", "just\n1,234,567"),
            ("paid $4,5-\n00 for it", "paid\n$4,500 for it"),
            ("1,2-\n34 at the start", "\n1,234 at the start"),
            // Nothing to mend.
            ("in 2019,\n300 people", "in 2019,\n300 people"),
            ("items 1, 2,\n3 and 4", "items 1, 2,\n3 and 4"),
            ("size A4-\n20", "size A4-\n20"),
            ("ends 12 \n34", "ends 12 \n34"),
            ("paragraph 5\u{c}\n6 here", "paragraph 5\u{c}\n6 here"),
            ("one 1,23\n4567", "one 1,23\n4567"),
            ("word-\nbreak", "word-\nbreak"),
        ];
        for (page, mended) in cases {
            assert_eq!(mend_breaks(page), mended, "{page:?}");
            assert_eq!(
                mend_breaks(page).matches('\n').count(),
                page.matches('\n').count()
            );
        }
    }

    #[test]
    fn what_is_no_pdf_is_a_clear_error() {
        let err = text("a.pdf", b"PK\x03\x04 a zip").unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.pdf: not a readable PDF file: it does not start with %PDF-, so it is no PDF"
        );
        let err = text("a.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("a.pdf: not a readable PDF file: it cannot be parsed as a PDF"),
            "{err}"
        );
    }
}
