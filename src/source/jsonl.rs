//! JSON Lines input (`--input jsonl`): one `{"text": …, "id": …}` object a line, each an input
//! of its own. Every line gives one record, in order: a document, or why the line is none (not
//! UTF-8, not JSON, no string `text`, too long), so a bad line costs only itself.
//!
//! Lines are split on `\n` (a `\r` before it is dropped); a last line without one counts, and
//! an empty line at the very end of the stream does not. A line is held in memory no further
//! than [`MAX_LINE`] bytes: the rest of a longer one is skipped, not stored.

use super::Document;
use std::io::BufRead;

/// The longest line read; a longer one is an error in its place.
pub const MAX_LINE: usize = super::MAX_BYTES;

/// One line of the stream: its number (from 1) and its bytes, or that it was too long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub number: usize,
    /// The bytes of the line without its line break; `None` when it was longer than
    /// [`MAX_LINE`].
    pub bytes: Option<Vec<u8>>,
}

/// The lines of a stream (see the module doc), each read with bounded memory.
pub struct Lines<R> {
    reader: R,
    number: usize,
    done: bool,
}

impl<R: BufRead> Lines<R> {
    pub fn new(reader: R) -> Self {
        Lines {
            reader,
            number: 0,
            done: false,
        }
    }

    /// Reads up to the next `\n` into `buf`, keeping at most `MAX_LINE + 1` bytes. Returns
    /// whether anything (bytes or a line break) was read.
    fn read_line(&mut self, buf: &mut Vec<u8>) -> std::io::Result<bool> {
        let mut any = false;
        loop {
            let chunk = match self.reader.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                return Ok(any);
            }
            any = true;
            let (take, end) = match memchr::memchr(b'\n', chunk) {
                Some(k) => (k, true),
                None => (chunk.len(), false),
            };
            let room = (MAX_LINE + 1).saturating_sub(buf.len());
            buf.extend_from_slice(&chunk[..take.min(room)]);
            self.reader.consume(take + usize::from(end));
            if end {
                return Ok(true);
            }
        }
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = std::io::Result<Line>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut buf = Vec::new();
        match self.read_line(&mut buf) {
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
            Ok(false) => {
                self.done = true;
                None
            }
            Ok(true) => {
                self.number += 1;
                if buf.last() == Some(&b'\r') {
                    buf.pop();
                }
                let bytes = (buf.len() <= MAX_LINE).then_some(buf);
                Some(Ok(Line {
                    number: self.number,
                    bytes,
                }))
            }
        }
    }
}

/// The input that line `line` of standard input gives: a document named by its `id` (or
/// `<stdin>:N`), or that name and why the line gives none.
pub fn record(line: &Line) -> Result<Document, (String, String)> {
    let path = format!("<stdin>:{}", line.number);
    let Some(bytes) = &line.bytes else {
        let msg = format!("{path}: line longer than {} MiB", MAX_LINE >> 20);
        return Err((path, msg));
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let column = String::from_utf8_lossy(&bytes[..e.valid_up_to()])
                .chars()
                .count()
                + 1;
            let msg = format!(
                "{path}:{column}: not valid UTF-8 at byte {} of the line",
                e.valid_up_to()
            );
            return Err((path, msg));
        }
    };
    let v: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let what = e.to_string();
            let what = what.split(" at line ").next().unwrap_or_default();
            let msg = format!("{path}:{}: invalid JSON: {what}", e.column());
            return Err((path, msg));
        }
    };
    let id = match v.get("id") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Null) | None => path.clone(),
        Some(other) => other.to_string(),
    };
    match v.get("text").and_then(|t| t.as_str()) {
        Some(t) => Ok(Document::new(&id, t.to_string())),
        None => {
            let msg = format!("{path}: expected an object with a string \"text\"");
            Err((path, msg))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8]) -> Vec<Line> {
        Lines::new(input).map(|l| l.unwrap()).collect()
    }

    #[test]
    fn every_line_is_a_record_and_the_last_needs_no_break() {
        let ls = lines(b"a\r\n\nb");
        let got: Vec<_> = ls.iter().map(|l| l.bytes.clone().unwrap()).collect();
        assert_eq!(got, [b"a".to_vec(), b"".to_vec(), b"b".to_vec()]);
        assert_eq!(lines(b"a\n").len(), 1);
        assert!(lines(b"").is_empty());
    }

    #[test]
    fn a_bad_line_is_an_error_in_its_place() {
        let ls = lines(b"{\"text\": \"5%\", \"id\": 7}\n{\"text\": \"\xff\"}\nnope\n{}\n");
        let r: Vec<_> = ls.iter().map(record).collect();
        assert_eq!(r[0].as_ref().unwrap().path, "7");
        assert_eq!(
            r[1].as_ref().unwrap_err().1,
            "<stdin>:2:11: not valid UTF-8 at byte 10 of the line"
        );
        assert_eq!(
            r[2].as_ref().unwrap_err().1,
            "<stdin>:3:2: invalid JSON: expected ident"
        );
        assert_eq!(
            r[3].as_ref().unwrap_err().1,
            "<stdin>:4: expected an object with a string \"text\""
        );
    }
}
