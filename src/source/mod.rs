//! Sources: reads a file or standard input into text, decoding legacy encodings on request,
//! and reports bytes that are not text with their position.
//!
//! # Formats
//!
//! The format comes from the file extension unless the caller names one ([`Format`]):
//! plain text (anything else, and standard input), Markdown (`.md`, `.markdown`),
//! HTML (`.html`, `.htm`), DOCX (`.docx`) and PDF (`.pdf`). Everything downstream works on
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
//!   A reference to a space between two digits (`380&nbsp;000`, `1&#8239;234`) is the one
//!   exception to keeping offsets: it becomes the space alone, so that the number reads as
//!   it would with the character written out, and the [`SourceMap`] of the document turns
//!   text offsets after it back into the file's (reports give the file's).
//!   Columns count characters of this text, so they are the file's columns except after
//!   a decoded reference or a blanked non-ASCII character earlier on the same line
//!   (`&euro;` is 6 characters in the file and 4 here).
//! - **DOCX** is the text of `word/document.xml`: one line per paragraph (`<w:p>`), with
//!   `<w:tab/>` as a tab and `<w:br/>`/`<w:cr/>` as a line break. A reported line is
//!   therefore the paragraph number (counting a manual line break as starting a new one),
//!   and a column is the character within it; byte offsets are offsets in this text, not
//!   in the zip file. Headers, footers, footnotes and comments are not read.
//! - **PDF** is the text of each page laid out as lines (see `pdf.rs`): a line of the text is a
//!   line of its page, each page ends in a form feed, and the [`SourceMap`] gives each offset
//!   its page, so reports say `report.pdf#page=3:12:5` (page, line on the page, column). A
//!   number that a line break split ("1,2-" / "34") is mended, on the second line.
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
mod pdf;
pub mod walk;

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
    /// Where the text's bytes stand in the file, where that is not byte for byte.
    pub map: SourceMap,
}

impl Document {
    /// A document of plain `text`, with the suppressions its comments ask for.
    pub fn new(path: &str, text: String) -> Document {
        let suppressions = directives::suppressions(&text);
        Document {
            path: path.to_string(),
            text,
            suppressions,
            map: SourceMap::default(),
        }
    }
}

/// How positions in a [`Document::text`] translate to the file it was read from.
///
/// For plain text, Markdown and HTML a byte offset of the text is the file's, except after a
/// character reference between two digits that decodes to a space (`380&nbsp;000`): it
/// becomes the one space character it stands for, so that the digits around it read as one
/// number, and the bytes of the file after it stand further on by what was dropped. A PDF's
/// text has a page a form feed; its lines are counted from the top of each page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    /// Text offsets from which on the file stands further, with how many bytes further.
    shifts: Vec<(usize, usize)>,
    /// For a PDF: the text offset and the 1-based text line where each page starts.
    pages: Vec<(usize, usize)>,
}

impl SourceMap {
    /// The byte offset in the file of the text's byte `offset` (for DOCX and PDF, which have
    /// no offsets of their own worth giving, the offset in the text).
    pub fn file_offset(&self, offset: usize) -> usize {
        let i = self.shifts.partition_point(|&(at, _)| at <= offset);
        offset + i.checked_sub(1).map_or(0, |i| self.shifts[i].1)
    }

    /// Whether the document has pages (a PDF).
    pub fn has_pages(&self) -> bool {
        !self.pages.is_empty()
    }

    /// The 1-based page and the line on that page of the text's `line` (1-based, counted on
    /// the whole text) at byte `offset`; `None` for a document without pages.
    pub fn page_line(&self, offset: usize, line: usize) -> Option<(usize, usize)> {
        let i = self.pages.partition_point(|&(at, _)| at <= offset);
        let (_, first) = *self.pages.get(i.checked_sub(1)?)?;
        Some((i, line + 1 - first.min(line)))
    }

    /// A map of a text with pages, which start at these (text offset, 1-based text line) pairs.
    pub(crate) fn with_pages(pages: Vec<(usize, usize)>) -> SourceMap {
        SourceMap {
            shifts: Vec::new(),
            pages,
        }
    }
}

/// A format reader's output for `src`, checked to keep every byte offset (but where its map
/// says otherwise) and every line break, with the form feeds that mark shared-line block
/// boundaries shown as '|' (for the readers' tests).
#[cfg(test)]
pub(crate) fn blanked(src: &str, read: fn(&str) -> (String, SourceMap)) -> String {
    let (out, map) = read(src);
    assert_eq!(map.file_offset(out.len()), src.len(), "same byte length");
    let lines = |s: &str| s.bytes().filter(|&b| b == b'\n').count();
    assert_eq!(lines(&out), lines(src), "same lines");
    for (i, b) in out.bytes().enumerate() {
        let at = map.file_offset(i);
        assert_eq!(b == b'\n', src.as_bytes()[at] == b'\n', "line break at {i}");
        if map.shifts.is_empty() {
            assert_eq!(i, at);
        }
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
    #[error(
        "{path}: a binary file, not text (a NUL byte at byte {offset}); name its format with --from if it is one recount reads"
    )]
    Binary { path: String, offset: usize },
    #[error(
        "{path}: {} is more than the {} that recount reads of one input; split it, or give its parts as JSON Lines (--input jsonl), or raise --max-size",
        mib(size),
        mib(max)
    )]
    TooLarge { path: String, size: u64, max: u64 },
    #[error("{path}: not a readable DOCX file: {reason}")]
    Docx { path: String, reason: String },
    #[error("{path}: not a readable PDF file: {reason}")]
    Pdf { path: String, reason: String },
    #[error("unknown input format \"{0}\" (expected txt, md, html, docx or pdf)")]
    UnknownFormat(String),
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
    /// A PDF document.
    Pdf,
}

impl Format {
    /// The names `--from` takes.
    pub const NAMES: &'static [&'static str] = &["txt", "md", "html", "docx", "pdf"];

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
            "pdf" => Some(Format::Pdf),
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
    read_limited(path, encoding, format, MAX_SIZE)
}

/// The most bytes of one input that [`read_as`] reads: far above any article, paper or
/// report, low enough that one input cannot take the machine's memory (reading takes some
/// ten times an input's size). A larger text is better given as JSON Lines, a record a
/// paragraph or article.
pub const MAX_SIZE: u64 = 32 << 20;

/// [`read_as`], with inputs of more than `max` bytes an error.
pub fn read_limited(
    path: &str,
    encoding: Option<Encoding>,
    format: Option<Format>,
    max: u64,
) -> Result<Document, SourceError> {
    use std::io::Read;
    let io = |e: std::io::Error| SourceError::Io {
        path: path.to_string(),
        reason: e.to_string(),
    };
    let too_large = |size: u64| SourceError::TooLarge {
        path: path.to_string(),
        size,
        max,
    };
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .lock()
            .take(max.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(io)?;
        if bytes.len() as u64 > max {
            return Err(too_large(bytes.len() as u64));
        }
    } else {
        let file = std::fs::File::open(Path::new(path)).map_err(io)?;
        let meta = file.metadata().map_err(io)?;
        if meta.is_dir() {
            return Err(io(std::io::Error::from(std::io::ErrorKind::IsADirectory)));
        }
        if meta.len() > max {
            return Err(too_large(meta.len()));
        }
        bytes.reserve(meta.len() as usize);
        // A file that grows while it is read is cut at the limit, and so refused.
        file.take(max.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(io)?;
        if bytes.len() as u64 > max {
            return Err(too_large(bytes.len() as u64));
        }
    }
    let format = format.unwrap_or_else(|| Format::for_path(path));
    decode_as(path, bytes, encoding, format)
}

/// A size for a message: "100 MiB", "12.5 MiB", "14000 bytes".
fn mib(bytes: &u64) -> String {
    let m = *bytes as f64 / f64::from(1 << 20);
    if *bytes < 1 << 20 {
        format!("{bytes} bytes")
    } else if m.fract() == 0.0 {
        format!("{m:.0} MiB")
    } else {
        format!("{m:.1} MiB")
    }
}

/// Decodes `bytes` read from `path` as `format`. `encoding` applies to text, Markdown and
/// HTML; a DOCX names its own, and a PDF's text is UTF-8.
pub fn decode_as(
    path: &str,
    bytes: Vec<u8>,
    encoding: Option<Encoding>,
    format: Format,
) -> Result<Document, SourceError> {
    let (text, suppressions, map) = match format {
        Format::Docx => (docx::text(path, &bytes)?, Vec::new(), SourceMap::default()),
        Format::Pdf => {
            let (text, map) = pdf::text(path, &bytes)?;
            (text, Vec::new(), map)
        }
        Format::Text => return decode(path, bytes, encoding),
        Format::Markdown | Format::Html => {
            let raw = decode(path, bytes, encoding)?;
            let (text, map) = if format == Format::Markdown {
                markdown::text(&raw.text)
            } else {
                html::text(&raw.text)
            };
            (text, raw.suppressions, map)
        }
    };
    Ok(Document {
        path: path.to_string(),
        text,
        suppressions,
        map,
    })
}

/// Decodes `bytes` as UTF-8 (a BOM is dropped), or with `encoding` when one is named. A
/// UTF-16 byte order mark names its encoding itself, as it does for a browser or an editor.
pub fn decode(
    path: &str,
    mut bytes: Vec<u8>,
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
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    if let Some(offset) = memchr::memchr(0, &bytes) {
        return Err(SourceError::Binary {
            path: path.to_string(),
            offset,
        });
    }
    bytes.drain(..bom);
    match String::from_utf8(bytes) {
        Ok(s) => Ok(Document::new(path, s)),
        Err(e) => {
            let body = e.as_bytes();
            let valid = &body[..e.utf8_error().valid_up_to()];
            let offset = valid.len() + bom;
            let line = memchr::memchr_iter(b'\n', valid).count() + 1;
            let line_start = memchr::memrchr(b'\n', valid).map_or(0, |p| p + 1);
            let column = String::from_utf8_lossy(&valid[line_start..])
                .chars()
                .count()
                + 1;
            Err(SourceError::Utf8 {
                path: path.to_string(),
                offset,
                byte: body[valid.len()],
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
    /// Byte ranges of the source that the text leaves out (see [`SourceMap`]), in order.
    dropped: Vec<std::ops::Range<usize>>,
}

/// The space characters that group digits ("380 000", "1 234"); a character reference between
/// two digits that decodes to one of them is read as a grouping mark of one number.
const GROUPING_SPACES: &[char] = &[' ', '\u{a0}', '\u{202f}', '\u{2009}', '\u{2007}'];

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
            dropped: Vec::new(),
        }
    }

    /// Puts the prose `text` that the source spells at `range`: the source itself when it
    /// spells `text` literally, else `text` padded with spaces to the range's length
    /// (a decoded character reference), provided it fits and keeps the line breaks where
    /// they are; otherwise the source as it is. The padding goes after `text`, or before it
    /// when only the character after the range is a letter or digit, so that the text
    /// touches the word it belongs to: `&euro;5` becomes `   €5`, `5&nbsp;%` `5`, NBSP,
    /// four spaces, `%`. A space between two digits (`380&nbsp;000`) has no padding: the
    /// rest of its range is dropped from the text, so that the digits read as one number.
    fn put(&mut self, range: std::ops::Range<usize>, text: &str) {
        let (start, end) = (range.start, range.end);
        if start > end
            || end > self.src.len()
            || !self.src.is_char_boundary(start)
            || !self.src.is_char_boundary(end)
        {
            return;
        }
        let mut chars = text.chars();
        let one_space =
            chars.next().is_some_and(|c| GROUPING_SPACES.contains(&c)) && chars.next().is_none();
        let digit_before = start > 0 && self.out[start - 1].is_ascii_digit();
        let digit_after = self.src.as_bytes().get(end).is_some_and(u8::is_ascii_digit);
        let in_order = self.dropped.last().is_none_or(|d| d.end <= start);
        if one_space && digit_before && digit_after && in_order && text.len() < end - start {
            self.out[start..start + text.len()].copy_from_slice(text.as_bytes());
            self.dropped.push(start + text.len()..end);
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

    /// The finished text, and where its bytes stand in the source.
    fn finish(mut self) -> (String, SourceMap) {
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
        let mut map = SourceMap::default();
        if !self.dropped.is_empty() {
            let mut kept = Vec::with_capacity(self.out.len());
            let (mut from, mut gone) = (0, 0);
            for d in &self.dropped {
                kept.extend_from_slice(&self.out[from..d.start]);
                gone += d.end - d.start;
                map.shifts.push((kept.len(), gone));
                from = d.end;
            }
            kept.extend_from_slice(&self.out[from..]);
            self.out = kept;
        }
        // Every write copies whole characters into bytes that were blank, and a dropped range
        // starts and ends on a character boundary, so this holds; should it not, the source
        // itself is the one text that is sure to be.
        match String::from_utf8(self.out) {
            Ok(text) => (text, map),
            Err(_) => (self.src.to_string(), SourceMap::default()),
        }
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
    fn a_nul_byte_makes_a_binary_file_unless_an_encoding_is_named() {
        let bytes = b"PK\x03\x04\x00\x00 5 %".to_vec();
        let err = decode("a.txt", bytes.clone(), None).unwrap_err();
        assert_eq!(
            err,
            SourceError::Binary {
                path: "a.txt".into(),
                offset: 4
            }
        );
        assert!(
            err.to_string()
                .starts_with("a.txt: a binary file, not text")
        );
        // UTF-16 has NUL bytes in every ASCII character.
        let enc = Encoding::for_label("utf-16le").unwrap();
        let doc = decode("a.txt", b"5\x00%\x00".to_vec(), Some(enc)).unwrap();
        assert_eq!(doc.text, "5%");
    }

    #[test]
    fn an_input_over_the_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.html");
        std::fs::write(&path, "<p>12 345</p>\n".repeat(1000)).unwrap();
        let path = path.to_str().unwrap();
        let err = read_limited(path, None, None, 10_000).unwrap_err();
        assert_eq!(
            err,
            SourceError::TooLarge {
                path: path.into(),
                size: 14_000,
                max: 10_000
            }
        );
        assert!(
            err.to_string()
                .contains("big.html: 14000 bytes is more than the 10000 bytes")
        );
        assert!(read_limited(path, None, None, 14_000).is_ok());
        let big = SourceError::TooLarge {
            path: "a".into(),
            size: 100 << 20,
            max: MAX_SIZE,
        };
        assert!(
            big.to_string()
                .starts_with("a: 100 MiB is more than the 32 MiB")
        );
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
            "unknown input format \"rtf\" (expected txt, md, html, docx or pdf)"
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
        assert_eq!(o.finish().0, "ab\u{c}cd\n x");
    }

    proptest::proptest! {
        /// Whatever the input, the Markdown and HTML readers keep its byte length and every
        /// line break, and never panic.
        #[test]
        fn markup_readers_keep_length_and_lines(
            src in "([<>/&;#!`*_|~\\[\\]()=\"'a-z0-9 \n\r\t-]|é|€|&nbsp;|&euro;|<p>|</p>|<td>|```|<!--|-->|<script>|</script>){0,60}"
        ) {
            for (out, map) in [markdown::text(&src), html::text(&src)] {
                proptest::prop_assert_eq!(map.file_offset(out.len()), src.len());
                for (i, b) in out.bytes().enumerate() {
                    proptest::prop_assert_eq!(src.as_bytes()[map.file_offset(i)] == b'\n', b == b'\n');
                }
            }
        }
    }
}

/// Reads a size as `--max-size` takes it: bytes, or with a suffix K, M or G (powers of 1024;
/// "KiB", "MB" and the like read the same).
pub fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let digits = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let n: u64 = s[..digits].parse().ok()?;
    let unit = s[digits..].trim().to_ascii_lowercase();
    let shift = match unit.trim_end_matches('b').trim_end_matches('i') {
        "" => 0,
        "k" => 10,
        "m" => 20,
        "g" => 30,
        _ => return None,
    };
    n.checked_mul(1 << shift)
}

#[cfg(test)]
mod size_tests {
    #[test]
    fn sizes_read_with_binary_suffixes() {
        use super::parse_size;
        assert_eq!(parse_size("500"), Some(500));
        assert_eq!(parse_size("32M"), Some(32 << 20));
        assert_eq!(parse_size("1 GiB"), Some(1 << 30));
        assert_eq!(parse_size("64kb"), Some(64 << 10));
        assert_eq!(parse_size("12X"), None);
        assert_eq!(parse_size("M"), None);
    }
}
