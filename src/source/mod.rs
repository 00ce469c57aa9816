//! Sources: reads a file or standard input into text, decoding legacy encodings on request,
//! and reports bytes that are not text with their position.

use std::fmt;
use std::path::Path;

/// A text read from a file or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The path as the user gave it ("-" for standard input).
    pub path: String,
    pub text: String,
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

/// Reads the file at `path` ("-" reads standard input).
pub fn read(path: &str, encoding: Option<Encoding>) -> Result<Document, SourceError> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).map_err(|e| {
            SourceError::Io {
                path: path.to_string(),
                reason: e.to_string(),
            }
        })?;
        buf
    } else {
        std::fs::read(Path::new(path)).map_err(|e| SourceError::Io {
            path: path.to_string(),
            reason: e.to_string(),
        })?
    };
    decode(path, bytes, encoding)
}

/// Decodes `bytes` as UTF-8 (a BOM is dropped), or with `encoding` when one is named.
pub fn decode(
    path: &str,
    bytes: Vec<u8>,
    encoding: Option<Encoding>,
) -> Result<Document, SourceError> {
    if let Some(Encoding(enc)) = encoding {
        let (text, _, _) = enc.decode(&bytes);
        return Ok(Document {
            path: path.to_string(),
            text: text.into_owned(),
        });
    }
    let body = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .map_or(&bytes[..], |b| b);
    match std::str::from_utf8(body) {
        Ok(s) => Ok(Document {
            path: path.to_string(),
            text: s.to_string(),
        }),
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
}
