//! JSON Lines input (`--input jsonl`): one record `{"text": …, "id": …}` a line, read from a
//! stream in chunks of whole lines, so that a stream of any length is read in bounded memory
//! and the chunks can be read in parallel. Other fields of a record are ignored; a record's
//! `id` (a string as it is, anything else as its JSON) names it in the output, or else its
//! place, `<stdin>:LINE`. A line that is not such a record is an error naming its line, and
//! the lines after it are read on. So is a line longer than the input limit (`--max-size`): it
//! is passed over as it streams in, never held, so that one endless line cannot exhaust memory.

use super::Document;
use serde::Deserialize;
use std::borrow::Cow;
use std::io::BufRead;

/// A chunk ends after the line that brings it to this many bytes, or after this many lines.
const CHUNK_BYTES: usize = 1 << 20;
const CHUNK_LINES: usize = 4096;

/// Whole lines of a JSON Lines stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    /// The 1-based number of its first line in the stream.
    pub first_line: usize,
    data: Vec<u8>,
    /// The lines (counted from 0 in the chunk) that were longer than the limit, and the limit:
    /// each stands in `data` as an empty line.
    too_long: Vec<usize>,
    limit: usize,
    /// The stream could not be read after these lines: why.
    error: Option<String>,
}

/// A record read, or where and why a line is none: (its place, the message).
pub type Record = Result<Document, (String, String)>;

impl Chunk {
    /// Its size in bytes.
    pub fn len(&self) -> usize {
        self.data.len()
    }

    /// Whether it holds no line.
    pub fn is_empty(&self) -> bool {
        self.data.is_empty() && self.error.is_none()
    }

    /// Its records, one a line, in order (and the read error the stream ended with, if any).
    pub fn records(&self) -> impl Iterator<Item = Record> + '_ {
        let lines = self
            .data
            .split_inclusive(|&b| b == b'\n')
            .enumerate()
            .map(|(k, line)| {
                let n = self.first_line + k;
                if self.too_long.binary_search(&k).is_ok() {
                    let place = format!("<stdin>:{n}");
                    let msg = format!(
                        "{place}: line longer than the input limit of {} bytes (--max-size); passed over",
                        self.limit
                    );
                    return Err((place, msg));
                }
                record(n, line)
            });
        let error = self.error.as_ref().map(|e| {
            let place = format!(
                "<stdin>:{}",
                self.first_line + memchr::memchr_iter(b'\n', &self.data).count()
            );
            let message = format!("{place}: cannot read standard input: {e}");
            Err((place, message))
        });
        lines.chain(error)
    }
}

/// The fields of a record that recount reads.
#[derive(Deserialize)]
struct Fields<'a> {
    #[serde(borrow)]
    text: Option<Cow<'a, str>>,
    id: Option<serde_json::Value>,
}

/// The record on line `n`.
fn record(n: usize, line: &[u8]) -> Record {
    let place = format!("<stdin>:{n}");
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let line = match std::str::from_utf8(line) {
        Ok(l) => l,
        Err(e) => {
            let msg = format!(
                "{place}:{}: not valid UTF-8 (byte 0x{:02x})",
                e.valid_up_to() + 1,
                line[e.valid_up_to()]
            );
            return Err((place, msg));
        }
    };
    let expected = || format!("{place}: expected an object with a string \"text\"");
    let fields: Fields = match serde_json::from_str(line) {
        Ok(f) => f,
        Err(e) if e.classify() == serde_json::error::Category::Data => {
            return Err((place.clone(), expected()));
        }
        Err(e) => {
            let what = e.to_string();
            let what = what.split(" at line ").next().unwrap_or_default();
            let msg = format!("{place}:{}: invalid JSON: {what}", e.column().max(1));
            return Err((place, msg));
        }
    };
    let Some(text) = fields.text else {
        return Err((place.clone(), expected()));
    };
    let id = match fields.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Null) | None => place,
        Some(other) => other.to_string(),
    };
    Ok(Document::new(&id, text.into_owned()))
}

/// The chunks of the JSON Lines stream `input`, read as they are asked for; a line longer
/// than `limit` bytes is passed over, and only its place is kept.
pub fn chunks(mut input: impl BufRead, limit: usize) -> impl Iterator<Item = Chunk> {
    let mut next_line = 1;
    let mut ended = false;
    std::iter::from_fn(move || {
        if ended {
            return None;
        }
        let mut chunk = Chunk {
            first_line: next_line,
            data: Vec::new(),
            too_long: Vec::new(),
            limit,
            error: None,
        };
        let mut lines = 0;
        while chunk.data.len() < CHUNK_BYTES && lines < CHUNK_LINES {
            match read_line(&mut input, &mut chunk.data, limit) {
                Ok(Line::End) => {
                    ended = true;
                    break;
                }
                Ok(Line::Read) => lines += 1,
                Ok(Line::TooLong) => {
                    chunk.too_long.push(lines);
                    lines += 1;
                }
                Err(e) => {
                    chunk.error = Some(e.to_string());
                    ended = true;
                    break;
                }
            }
        }
        next_line += lines;
        (!chunk.is_empty()).then_some(chunk)
    })
}

/// What [`read_line`] read.
enum Line {
    /// A line, appended with its newline (if the stream has one).
    Read,
    /// A line longer than the limit: passed over, and an empty line appended in its place.
    TooLong,
    /// Nothing: the stream has ended.
    End,
}

/// Appends the next line of `input` to `data`, unless it is longer than `limit` bytes.
fn read_line(input: &mut impl BufRead, data: &mut Vec<u8>, limit: usize) -> std::io::Result<Line> {
    let start = data.len();
    let mut skipping = false;
    loop {
        let buf = match input.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                data.truncate(start);
                return Err(e);
            }
        };
        if buf.is_empty() {
            return Ok(if skipping {
                data.push(b'\n');
                Line::TooLong
            } else if data.len() == start {
                Line::End
            } else {
                Line::Read
            });
        }
        let (take, done) = match memchr::memchr(b'\n', buf) {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        if !skipping {
            data.extend_from_slice(&buf[..take]);
            if data.len() - start > limit.saturating_add(usize::from(done)) {
                data.truncate(start);
                skipping = true;
            }
        }
        input.consume(take);
        if done {
            return Ok(if skipping {
                data.push(b'\n');
                Line::TooLong
            } else {
                Line::Read
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &[u8]) -> Vec<String> {
        read_from(input)
    }

    #[test]
    fn records_are_read_in_order_and_bad_lines_name_their_line() {
        let input = b"{\"id\": \"a\", \"text\": \"5 %\"}\nnot json\n{\"text\": \"x\", \"id\": 7}\r\n[1]\n{\"id\": \"b\"}\n\xff\n{\"text\": \"\\u00e9\"}";
        assert_eq!(
            read(input),
            [
                "a=5 %",
                "<stdin>:2 ! <stdin>:2:2: invalid JSON: expected ident",
                "7=x",
                "<stdin>:4 ! <stdin>:4: expected an object with a string \"text\"",
                "<stdin>:5 ! <stdin>:5: expected an object with a string \"text\"",
                "<stdin>:6 ! <stdin>:6:1: not valid UTF-8 (byte 0xff)",
                "<stdin>:7=é",
            ]
        );
    }

    #[test]
    fn a_long_stream_comes_in_bounded_chunks_of_whole_lines() {
        let line = format!("{{\"text\": \"{}\"}}\n", "x".repeat(1000));
        let input = line.repeat(3000);
        let chunks: Vec<Chunk> = chunks(input.as_bytes(), 1 << 20).collect();
        assert!(chunks.len() >= 3, "{} chunks", chunks.len());
        let mut expect_line = 1;
        for c in &chunks {
            assert_eq!(c.first_line, expect_line);
            assert!(c.len() <= CHUNK_BYTES + line.len());
            assert!(c.data.ends_with(b"\n"));
            expect_line += c.records().count();
        }
        assert_eq!(expect_line, 3001);
    }

    #[test]
    fn a_read_error_ends_the_stream_with_an_error_after_the_lines_read() {
        struct Failing(bool);
        impl std::io::Read for Failing {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                if std::mem::replace(&mut self.0, true) {
                    return Err(std::io::Error::other("device gone"));
                }
                let line = b"{\"text\": \"1\"}\n";
                buf[..line.len()].copy_from_slice(line);
                Ok(line.len())
            }
        }
        let got = read_from(std::io::BufReader::new(Failing(false)));
        assert_eq!(
            got,
            [
                "<stdin>:1=1",
                "<stdin>:2 ! <stdin>:2: cannot read standard input: device gone"
            ]
        );
    }

    #[test]
    fn a_line_over_the_limit_is_passed_over_without_being_held() {
        /// 64 MiB of one line, made as it is read, then two short records.
        struct Endless(usize);
        impl std::io::Read for Endless {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                const LONG: usize = 64 << 20;
                if self.0 < LONG {
                    let n = buf.len().min(LONG - self.0);
                    buf[..n].fill(b'x');
                    self.0 += n;
                    return Ok(n);
                }
                let tail = b"\n{\"text\": \"5\"}\n{\"text\": \"6\"}";
                let at = self.0 - LONG;
                let n = buf.len().min(tail.len() - at);
                buf[..n].copy_from_slice(&tail[at..at + n]);
                self.0 += n;
                Ok(n)
            }
        }
        let read: Vec<Chunk> = chunks(std::io::BufReader::new(Endless(0)), 1000).collect();
        assert!(read.iter().all(|c| c.len() < 100), "a long line was held");
        let got: Vec<String> = read
            .iter()
            .flat_map(|c| c.records().collect::<Vec<_>>())
            .map(|r| match r {
                Ok(d) => format!("{}={}", d.path, d.text),
                Err((place, msg)) => format!("{place} ! {msg}"),
            })
            .collect();
        assert_eq!(
            got,
            [
                "<stdin>:1 ! <stdin>:1: line longer than the input limit of 1000 bytes (--max-size); passed over",
                "<stdin>:2=5",
                "<stdin>:3=6",
            ]
        );
        // At the limit a line is read; one byte over, it is not, with or without its newline.
        let at = format!("{{\"text\": \"{}\"}}", "y".repeat(88));
        assert_eq!(at.len(), 100);
        let input = format!("{at}\n{at}y\n{at}");
        let got: Vec<bool> = chunks(input.as_bytes(), 100)
            .flat_map(|c| c.records().map(|r| r.is_ok()).collect::<Vec<_>>())
            .collect();
        assert_eq!(got, [true, false, true]);
        let got: Vec<bool> = chunks(format!("{at}y").as_bytes(), 100)
            .flat_map(|c| c.records().map(|r| r.is_ok()).collect::<Vec<_>>())
            .collect();
        assert_eq!(got, [false]);
    }

    fn read_from(input: impl BufRead) -> Vec<String> {
        chunks(input, 1 << 20)
            .flat_map(|c| c.records().collect::<Vec<_>>())
            .map(|r| match r {
                Ok(d) => format!("{}={}", d.path, d.text),
                Err((place, msg)) => format!("{place} ! {msg}"),
            })
            .collect()
    }
}
