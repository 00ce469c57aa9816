//! Sources: reads a file or standard input into text, decoding legacy encodings on request,
//! and reports bytes that are not text with their position.
//!
//! # Formats
//!
//! The format comes from the file extension unless the caller names one ([`Format`]):
//! plain text (anything else, and standard input), Markdown (`.md`, `.markdown`),
//! HTML (`.html`, `.htm`) and DOCX (`.docx`). Everything downstream works on
//! [`Document::text`] and reports byte offsets, lines and columns counted on it, so
//! each format decides what those positions mean:
//!
//! - **Plain text** is the file, decoded (a UTF-8 byte order mark is dropped).
//! - **Markdown and HTML** keep every byte offset of the file: the text has exactly the
//!   file's byte length, prose stays where it is, and markup becomes spaces (each byte of
//!   a multi-byte character that is markup becomes one space). Every `\n` (and `\r`) of
//!   the file stays, so line numbers are the file's. Blanked: tags and attributes,
//!   comments, the doctype, `<script>`, `<style>` and other non-prose elements, code
//!   (fenced, indented, inline, `<code>`, `<pre>`), front matter, link destinations and
//!   titles, images (their alt text too), footnote marks, struck-through text.
//!   Character references are decoded in place and padded with spaces to their length:
//!   `5&nbsp;%` becomes `5`, NBSP, four spaces, `%`; `&euro;` becomes `€` and three spaces,
//!   except that the spaces go first when only the character after the reference is a
//!   letter or digit, so that a sign stays on its number: `&euro;5` becomes `   €5`.
//!   Columns count characters of this text, so they are the file's columns except after
//!   a decoded reference or a blanked non-ASCII character earlier on the same line
//!   (`&euro;` is 6 characters in the file and 4 here).
//! - **DOCX** is the text of `word/document.xml`: one line per paragraph (`<w:p>`), with
//!   `<w:tab/>` as a tab and `<w:br/>`/`<w:cr/>` as a line break. A reported line is
//!   therefore the paragraph number (counting a manual line break as starting a new one),
//!   and a column is the character within it; byte offsets are offsets in this text, not
//!   in the zip file. Headers, footers, footnotes and comments are not read.
//!
//! # Block boundaries
//!
//! The sentence splitter ends a sentence at a line break, but two blocks can share a line:
//! table cells in Markdown (`| 40 | 60 |`) and any blocks in HTML (`<p>a</p><p>b</p>`,
//! minified pages). Replacing a blanked byte with `\n` would end the sentence but move
//! every later line number away from the file, and a line map to undo that would have to
//! travel through every report. Instead one blanked byte at such a boundary becomes a
//! form feed (U+000C): it is white space, one byte and one column wide, counts as no line,
//! and the sentence splitter treats it like a line break. It is placed only where the
//! white space between the two blocks has no line break already, so a pretty-printed
//! page gets none. The cost: a snippet of such a line shows the form feed (annotate-snippets
//! draws it as `␌`), and a consumer that splits sentences on its own must know it.

pub mod directives;
mod docx;
mod html;
pub mod jsonl;
mod markdown;

use std::fmt;
use std::path::Path;

/// A text read from a file or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The path as the user gave it ("-" for standard input).
    pub path: String,
    pub text: String,
    /// Where the document's `<!-- recount-disable -->` comments turn rules off.
    pub suppressions: Vec<directives::Suppression>,
}

impl Document {
    /// A document of plain `text`, with the suppressions its comments ask for.
    pub fn new(path: &str, text: String) -> Document {
        let suppressions = directives::suppressions(&text);
        Document {
            path: path.to_string(),
            text,
            suppressions,
        }
    }
}

/// A format reader's output for `src`, checked to keep the byte length and every line break,
/// with the form feeds that mark shared-line block boundaries shown as '|' (for the readers'
/// tests).
#[cfg(test)]
pub(crate) fn blanked(src: &str, read: fn(&str) -> String) -> String {
    let out = read(src);
    assert_eq!(out.len(), src.len(), "same byte length");
    for (i, b) in src.bytes().enumerate() {
        assert_eq!(b == b'\n', out.as_bytes()[i] == b'\n', "line break at {i}");
    }
    out.replace('\u{c}', "|")
}

/// Why an input could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SourceError {
    #[error("{path}: cannot read: {reason}")]
    Io { path: String, reason: String },
    #[error(
        "{path}:{line}:{column}: not valid UTF-8 at byte {offset} (byte 0x{byte:02x}); name the encoding with --encoding, e.g. --encoding windows-1252"
    )]
    Utf8 {
        path: String,
        offset: usize,
        byte: u8,
        line: usize,
        column: usize,
    },
    #[error(
        "unknown encoding \"{0}\" (expected a WHATWG label such as utf-8, windows-1252, iso-8859-15, utf-16le)"
    )]
    UnknownEncoding(String),
    #[error("{path}: not a readable DOCX file: {reason}")]
    Docx { path: String, reason: String },
    #[error("unknown input format \"{0}\" (expected txt, md, html or docx)")]
    UnknownFormat(String),
    #[error("{path}: larger than {} MiB, the most one input may be; split it", MAX_BYTES >> 20)]
    TooLarge { path: String },
}

/// The most bytes one input may have. Checking takes memory in proportion to the text (up to
/// some 40 bytes a byte of text, for a text dense with figures), so a limit keeps one huge
/// input from taking the machine's memory; it is read no further than this.
pub const MAX_BYTES: usize = 128 << 20;

/// Reads `r` to its end, or to just past [`MAX_BYTES`] (then [`SourceError::TooLarge`]).
pub fn read_bounded(path: &str, r: impl std::io::Read) -> Result<Vec<u8>, SourceError> {
    let mut buf = Vec::new();
    std::io::Read::read_to_end(&mut r.take(MAX_BYTES as u64 + 1), &mut buf).map_err(|e| {
        SourceError::Io {
            path: path.to_string(),
            reason: e.to_string(),
        }
    })?;
    if buf.len() > MAX_BYTES {
        return Err(SourceError::TooLarge {
            path: path.to_string(),
        });
    }
    Ok(buf)
}

/// How to read an input's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text: the decoded bytes as they are.
    Text,
    /// Markdown (CommonMark with tables, footnotes, task lists, strikethrough, front matter).
    Markdown,
    /// HTML.
    Html,
    /// A Word document (Office Open XML).
    Docx,
}

impl Format {
    /// The names `--from` takes.
    pub const NAMES: &'static [&'static str] = &["txt", "md", "html", "docx"];

    /// The format a path's extension names; plain text when it names none we read.
    pub fn for_path(path: &str) -> Format {
        let ext = Path::new(path)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("");
        Format::for_name(ext).unwrap_or(Format::Text)
    }

    /// The format called `name` (an extension or a name: "md", "markdown", "htm", "text").
    pub fn for_name(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }
}

impl std::str::FromStr for Format {
    type Err = SourceError;

    fn from_str(s: &str) -> Result<Format, SourceError> {
        Format::for_name(s).ok_or_else(|| SourceError::UnknownFormat(s.to_string()))
    }
}

/// A text encoding named by `--encoding`.
#[derive(Clone, Copy)]
pub struct Encoding(&'static encoding_rs::Encoding);

impl fmt::Debug for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.name())
    }
}

impl Encoding {
    /// Looks up an encoding by its WHATWG label ("latin1", "windows-1252", "utf-16le").
    pub fn for_label(label: &str) -> Result<Encoding, SourceError> {
        encoding_rs::Encoding::for_label(label.trim().as_bytes())
            .map(Encoding)
            .ok_or_else(|| SourceError::UnknownEncoding(label.to_string()))
    }
}

/// Reads the file at `path` ("-" reads standard input) in the format its extension names.
pub fn read(path: &str, encoding: Option<Encoding>) -> Result<Document, SourceError> {
    read_as(path, encoding, None)
}

/// Reads the file at `path` ("-" reads standard input) as `format`, or as the format its
/// extension names when `format` is `None` (standard input is then plain text).
pub fn read_as(
    path: &str,
    encoding: Option<Encoding>,
    format: Option<Format>,
) -> Result<Document, SourceError> {
    let bytes = if path == "-" {
        read_bounded(path, std::io::stdin().lock())?
    } else {
        let io = |e: std::io::Error| SourceError::Io {
            path: path.to_string(),
            reason: e.to_string(),
        };
        let file = std::fs::File::open(Path::new(path)).map_err(io)?;
        // Reading a directory fails only at the first read on some systems: say so first.
        if file.metadata().map_err(io)?.is_dir() {
            return Err(io(std::io::Error::from(std::io::ErrorKind::IsADirectory)));
        }
        read_bounded(path, file)?
    };
    let format = format.unwrap_or_else(|| Format::for_path(path));
    decode_as(path, bytes, encoding, format)
}

/// Decodes `bytes` read from `path` as `format`. `encoding` applies to text, Markdown and
/// HTML; a DOCX names its own.
pub fn decode_as(
    path: &str,
    bytes: Vec<u8>,
    encoding: Option<Encoding>,
    format: Format,
) -> Result<Document, SourceError> {
    let (text, suppressions) = match format {
        Format::Docx => (docx::text(path, &bytes)?, Vec::new()),
        Format::Text => return decode(path, bytes, encoding),
        Format::Markdown | Format::Html => {
            let raw = decode(path, bytes, encoding)?;
            let text = if format == Format::Markdown {
                markdown::text(&raw.text)
            } else {
                html::text(&raw.text)
            };
            (text, raw.suppressions)
        }
    };
    Ok(Document {
        path: path.to_string(),
        text,
        suppressions,
    })
}

/// Decodes `bytes` as UTF-8 (a BOM is dropped), or with `encoding` when one is named. A
/// UTF-16 byte order mark names its encoding itself, as it does for a browser or an editor.
pub fn decode(
    path: &str,
    bytes: Vec<u8>,
    encoding: Option<Encoding>,
) -> Result<Document, SourceError> {
    let bom = encoding_rs::Encoding::for_bom(&bytes)
        .map(|(e, _)| e)
        .filter(|e| *e != encoding_rs::UTF_8);
    if let Some(enc) = encoding.map(|Encoding(e)| e).or(bom) {
        // A malformed sequence becomes U+FFFD, as a browser shows it.
        let (text, _, _) = enc.decode(&bytes);
        return Ok(Document::new(path, text.into_owned()));
    }
    let body = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .map_or(&bytes[..], |b| b);
    match std::str::from_utf8(body) {
        Ok(s) => Ok(Document::new(path, s.to_string())),
        Err(e) => {
            let offset = e.valid_up_to() + (bytes.len() - body.len());
            let valid = &body[..e.valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
            let column = String::from_utf8_lossy(&valid[line_start..])
                .chars()
                .count()
                + 1;
            Err(SourceError::Utf8 {
                path: path.to_string(),
                offset,
                byte: bytes[offset],
                line,
                column,
            })
        }
    }
}

/// A text of the same byte length as its source, built by copying prose over a blank copy.
///
/// It starts as the source with every byte but `\n` and `\r` replaced by a space; the
/// format readers then put back the prose ([`Overlay::put`]) and mark block boundaries
/// ([`Overlay::boundary`]). Whatever they do, the result keeps every byte offset and
/// every line break of the source.
struct Overlay<'s> {
    src: &'s str,
    out: Vec<u8>,
    boundaries: Vec<usize>,
}

/// What marks a block boundary that shares a line with both blocks (see the module doc).
pub const BLOCK_BREAK: char = '\u{c}';

impl<'s> Overlay<'s> {
    fn new(src: &'s str) -> Self {
        let out = src
            .bytes()
            .map(|b| if matches!(b, b'\n' | b'\r') { b } else { b' ' })
            .collect();
        Overlay {
            src,
            out,
            boundaries: Vec::new(),
        }
    }

    /// Puts the prose `text` that the source spells at `range`: the source itself when it
    /// spells `text` literally, else `text` padded with spaces to the range's length
    /// (a decoded character reference), provided it fits and keeps the line breaks where
    /// they are; otherwise the source as it is. The padding goes after `text`, or before it
    /// when only the character after the range is a letter or digit, so that the text
    /// touches the word it belongs to: `&euro;5` becomes `   €5`, `5&nbsp;%` `5`, NBSP,
    /// four spaces, `%`.
    fn put(&mut self, range: std::ops::Range<usize>, text: &str) {
        let (start, end) = (range.start, range.end);
        if start > end
            || end > self.src.len()
            || !self.src.is_char_boundary(start)
            || !self.src.is_char_boundary(end)
        {
            return;
        }
        let original = &self.src.as_bytes()[start..end];
        let target = &mut self.out[start..end];
        if text.as_bytes() == original {
            target.copy_from_slice(original);
            return;
        }
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let pad_before =
            word(self.src[end..].chars().next()) && !word(self.src[..start].chars().next_back());
        let at = if pad_before {
            original.len().saturating_sub(text.len())
        } else {
            0
        };
        let fits = text.len() <= original.len()
            && original.iter().enumerate().all(|(i, &b)| {
                let new = i
                    .checked_sub(at)
                    .and_then(|j| text.as_bytes().get(j))
                    .copied()
                    .unwrap_or(b' ');
                (b == b'\n') == (new == b'\n') && (b == b'\r') == (new == b'\r')
            });
        if fits {
            target.fill(b' ');
            target[at..at + text.len()].copy_from_slice(text.as_bytes());
        } else {
            target.copy_from_slice(original);
        }
    }

    /// Marks a block boundary at byte `at` (see the module doc for what becomes of it).
    fn boundary(&mut self, at: usize) {
        self.boundaries.push(at);
    }

    /// The finished text.
    fn finish(mut self) -> String {
        let blank = |b: u8| matches!(b, b' ' | b'\t' | b'\r' | b'\x0c');
        self.boundaries.sort_unstable();
        self.boundaries.dedup();
        for &at in &self.boundaries {
            if self.out.get(at) != Some(&b' ') {
                continue;
            }
            let before = self.out[..at].iter().rposition(|&b| !blank(b));
            let after = self.out[at..].iter().position(|&b| !blank(b));
            let (Some(b), Some(a)) = (before, after) else {
                continue; // nothing on one side: no sentence to end
            };
            let run = &self.out[b + 1..at + a];
            if self.out[b] == b'\n' || self.out[at + a] == b'\n' || run.contains(&b'\x0c') {
                continue; // a line break (or a mark) already parts the blocks
            }
            self.out[at] = b'\x0c';
        }
        // Every write copies whole characters into bytes that were blank, so this holds;
        // should it not, the source itself is the one same-length text that is sure to be.
        String::from_utf8(self.out).unwrap_or_else(|_| self.src.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_the_byte_line_and_column() {
        let err = decode("a.txt", b"ok\nab\xffc".to_vec(), None).unwrap_err();
        assert_eq!(
            err,
            SourceError::Utf8 {
                path: "a.txt".into(),
                offset: 5,
                byte: 0xff,
                line: 2,
                column: 3
            }
        );
        assert!(
            err.to_string()
                .starts_with("a.txt:2:3: not valid UTF-8 at byte 5")
        );
    }

    #[test]
    fn legacy_encodings_decode_when_named() {
        let enc = Encoding::for_label("windows-1252").unwrap();
        let doc = decode("a.txt", b"5 \x80".to_vec(), Some(enc)).unwrap();
        assert_eq!(doc.text, "5 €");
        assert!(Encoding::for_label("klingon").is_err());
    }

    #[test]
    fn bom_is_dropped_and_empty_is_fine() {
        assert_eq!(
            decode("a", b"\xEF\xBB\xBF5".to_vec(), None).unwrap().text,
            "5"
        );
        assert_eq!(decode("a", Vec::new(), None).unwrap().text, "");
    }

    #[test]
    fn unreadable_path_is_an_error() {
        let err = read("/nonexistent/recount/file.txt", None).unwrap_err();
        assert!(matches!(err, SourceError::Io { .. }));
    }

    #[test]
    fn the_extension_names_the_format() {
        assert_eq!(Format::for_path("a/b.MD"), Format::Markdown);
        assert_eq!(Format::for_path("x.markdown"), Format::Markdown);
        assert_eq!(Format::for_path("x.htm"), Format::Html);
        assert_eq!(Format::for_path("x.html"), Format::Html);
        assert_eq!(Format::for_path("x.docx"), Format::Docx);
        assert_eq!(Format::for_path("x.txt"), Format::Text);
        assert_eq!(Format::for_path("x.csv"), Format::Text);
        assert_eq!(Format::for_path("-"), Format::Text);
        assert_eq!(Format::for_path("README"), Format::Text);
        assert_eq!("md".parse::<Format>().unwrap(), Format::Markdown);
        assert_eq!(
            "rtf".parse::<Format>().unwrap_err().to_string(),
            "unknown input format \"rtf\" (expected txt, md, html or docx)"
        );
    }

    #[test]
    fn files_are_read_by_extension_unless_a_format_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let md = dir.path().join("a.md");
        std::fs::write(&md, "# Up *5 %*\n").unwrap();
        let md = md.to_str().unwrap();
        assert_eq!(read(md, None).unwrap().text, "  Up  5 % \n");
        assert_eq!(
            read_as(md, None, Some(Format::Text)).unwrap().text,
            "# Up *5 %*\n"
        );
        let html = dir.path().join("a.htm");
        std::fs::write(&html, "<p>5&nbsp;%</p>").unwrap();
        let doc = read(html.to_str().unwrap(), None).unwrap();
        assert_eq!(doc.text, "   5\u{a0}    %    ");
    }

    #[test]
    fn markup_files_are_decoded_before_they_are_read() {
        // The encoding applies, and invalid UTF-8 is the same error as for text.
        let enc = Encoding::for_label("windows-1252").unwrap();
        let doc = decode_as("a.html", b"<b>5 \x80</b>".to_vec(), Some(enc), Format::Html);
        assert_eq!(doc.unwrap().text, "   5 €    ");
        let err = decode_as("a.md", b"# \xff".to_vec(), None, Format::Markdown).unwrap_err();
        assert!(matches!(err, SourceError::Utf8 { offset: 2, .. }));
    }

    #[test]
    fn a_boundary_mark_needs_prose_on_both_sides_and_no_line_break() {
        let mut o = Overlay::new("ab|cd\n|x");
        o.put(0..2, "ab");
        o.put(3..5, "cd");
        o.put(7..8, "x");
        o.boundary(2); // between "ab" and "cd": marked
        o.boundary(6); // a line break before it: not marked
        assert_eq!(o.finish(), "ab\u{c}cd\n x");
    }

    proptest::proptest! {
        /// Whatever the input, the Markdown and HTML readers keep its byte length and every
        /// line break, and never panic.
        #[test]
        fn markup_readers_keep_length_and_lines(
            src in "([<>/&;#!`*_|~\\[\\]()=\"'a-z0-9 \n\r\t-]|é|€|&nbsp;|&euro;|<p>|</p>|<td>|```|<!--|-->|<script>|</script>){0,60}"
        ) {
            for out in [markdown::text(&src), html::text(&src)] {
                proptest::prop_assert_eq!(out.len(), src.len());
                for (a, b) in src.bytes().zip(out.bytes()) {
                    proptest::prop_assert_eq!(a == b'\n', b == b'\n');
                }
            }
        }
    }
}
