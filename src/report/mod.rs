//! Reports: renders what the library found as JSON, JSON Lines or human-readable text.
//! Every format renders the same data; the library never prints.

pub mod check;
pub mod numbers;
pub mod sarif;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters() {
        let t = "ab\nç 5\n";
        let idx = LineIndex::new(t);
        assert_eq!(idx.line_col(t, 0), (1, 1));
        assert_eq!(idx.line_col(t, t.find('5').unwrap()), (2, 3));
        assert_eq!(idx.line_text(t, 2), "ç 5");
    }
}
