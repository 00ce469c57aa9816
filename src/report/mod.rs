//! Reports: renders what the library found as JSON, JSON Lines or human-readable text.
//! Every format renders the same data; the library never prints.

pub mod check;
pub mod numbers;
pub mod sarif;
pub mod stream;
pub mod verify;

/// Maps byte offsets to 1-based lines and columns (columns count characters).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// The 1-based line and column of byte `offset` in `text`.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let offset = crate::locale::floor_char_boundary(text, offset);
        let column = text[start.min(offset)..offset].chars().count() + 1;
        (line, column)
    }

    /// The byte offset where the 1-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line.clamp(1, self.starts.len()) - 1]
    }

    /// The byte offset where the 1-based `line` ends (before its line break).
    pub fn line_end(&self, text: &str, line: usize) -> usize {
        self.starts.get(line).map_or(text.len(), |&e| e - 1)
    }

    /// The text of the 1-based `line`, without its line break.
    pub fn line_text<'t>(&self, text: &'t str, line: usize) -> &'t str {
        let start = self.starts[line - 1];
        let end = self.starts.get(line).map_or(text.len(), |&e| e - 1);
        text[start..end].trim_end_matches('\r')
    }
}

/// Positions as reported for one document: byte offsets in the file (see
/// [`crate::source::SourceMap`]), lines and columns counted on the text, and for a PDF the page
/// with the line counted on that page.
#[derive(Debug, Clone)]
pub struct Locator<'t> {
    pub text: &'t str,
    pub idx: LineIndex,
    map: std::borrow::Cow<'t, crate::source::SourceMap>,
    /// The last place asked for (byte offset, line, column): the next one on the same line
    /// counts its column from there, for offsets are mostly asked for in order and a long
    /// line holds many figures.
    last: std::cell::Cell<(usize, usize, usize)>,
}

/// Where a byte of a document is, as reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The byte offset in the file.
    pub offset: usize,
    /// The 1-based line (on its page, for a PDF).
    pub line: usize,
    /// The 1-based column, in characters of the text.
    pub column: usize,
    /// The 1-based page of a PDF.
    pub page: Option<usize>,
}

impl<'t> Locator<'t> {
    /// The positions of `doc`.
    pub fn new(doc: &'t crate::source::Document) -> Self {
        Locator {
            text: &doc.text,
            idx: LineIndex::new(&doc.text),
            map: std::borrow::Cow::Borrowed(&doc.map),
            last: std::cell::Cell::new((0, 1, 1)),
        }
    }

    /// The positions of a text that is its own file.
    pub fn plain(text: &'t str) -> Self {
        Locator {
            text,
            idx: LineIndex::new(text),
            map: std::borrow::Cow::Owned(crate::source::SourceMap::default()),
            last: std::cell::Cell::new((0, 1, 1)),
        }
    }

    /// Where the text's byte `offset` is.
    pub fn place(&self, offset: usize) -> Place {
        let (line, column) = self.line_col(offset);
        let (page, line) = match self.map.page_line(offset, line) {
            Some((page, line)) => (Some(page), line),
            None => (None, line),
        };
        Place {
            offset: self.map.file_offset(offset),
            line,
            column,
            page,
        }
    }

    /// The 1-based line and column of the text's byte `offset` ([`LineIndex::line_col`]),
    /// counted on from the last place asked for where that is earlier on the same line.
    fn line_col(&self, offset: usize) -> (usize, usize) {
        let (at, line, column) = self.last.get();
        let offset = crate::locale::floor_char_boundary(self.text, offset);
        let next_line = self.idx.starts.get(line).copied().unwrap_or(usize::MAX);
        let (line, column) = if at <= offset && offset < next_line {
            (line, column + self.text[at..offset].chars().count())
        } else {
            self.idx.line_col(self.text, offset)
        };
        self.last.set((offset, line, column));
        (line, column)
    }

    /// The byte offset in the file of the text's byte `offset`.
    pub fn offset(&self, offset: usize) -> usize {
        self.map.file_offset(offset)
    }

    /// `path` as shown beside a line and column: for a PDF with the page, as PDF viewers
    /// take it in a link (`report.pdf#page=3`).
    pub fn shown_path(&self, path: &str, place: Place) -> String {
        match place.page {
            Some(p) => format!("{path}#page={p}"),
            None => path.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locator_counts_on_from_its_last_place_as_from_the_line_start() {
        let t = "ab 12 çé 3\n\nx 4,5 – 6\r\nlast 7 8";
        let idx = LineIndex::new(t);
        let mut offsets: Vec<usize> = (0..=t.len() + 2).collect();
        // In order, backwards, and in an order that jumps between lines.
        let mut orders = vec![offsets.clone()];
        offsets.reverse();
        orders.push(offsets.clone());
        orders.push(offsets.iter().map(|&o| (o * 7) % (t.len() + 3)).collect());
        for order in orders {
            let loc = Locator::plain(t);
            for &o in &order {
                let p = loc.place(o);
                assert_eq!((p.line, p.column), idx.line_col(t, o), "offset {o}");
            }
        }
    }

    #[test]
    fn lines_and_columns_count_characters() {
        let t = "ab\nç 5\n";
        let idx = LineIndex::new(t);
        assert_eq!(idx.line_col(t, 0), (1, 1));
        assert_eq!(idx.line_col(t, t.find('5').unwrap()), (2, 3));
        assert_eq!(idx.line_text(t, 2), "ç 5");
    }
}
