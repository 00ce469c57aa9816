//! The report of `recount numbers`.
//!
//! # JSON
//!
//! `--format json` prints one object for all inputs; `--format jsonl` prints one file object per
//! line (and `--input jsonl` one per input line, in order):
//!
//! ```json
//! {"files": [{
//!   "path": "article.txt",
//!   "locale": {"setting": "auto", "language": "en", "decimal_point": 3, "decimal_comma": 0,
//!              "dot_grouping": 0, "comma_grouping": 1,
//!              "examples": [{"text": "3.76", "start": 120, "evidence": "decimal_point"}]},
//!   "numbers": [{
//!     "text": "380.000", "value": "380000", "kind": "number", "unit": null,
//!     "low": null, "high": null, "hedge": null, "precision": "1",
//!     "start": 2300, "end": 2307, "line": 17, "column": 201,
//!     "reading": {"separator_as": "grouping", "reason": "a decimal is not written with three trailing zeros"}
//!   }]
//! }]}
//! ```
//!
//! Every value is a decimal string in plain notation ("8.79", never 8.79 or "8.79e0"); a
//! percent's value is the percent figure. `start`/`end` are byte offsets into the file (for
//! DOCX and PDF, into the text read from it), `line` and `column` 1-based (columns count
//! characters of the text); a PDF's numbers have a `page`, and their `line` counts on it. `date` appears for dates and times,
//! `reading` where a separator was ambiguous, `too_large: true` where the digits exceed what a
//! 28-digit decimal holds (then `value` is null), `inexact: true` where a computed value (a
//! power such as "1.7^200") is rounded to the 28 significant digits a decimal holds. A file that could not be read appears as
//! `{"path": …, "error": "…"}`.

use super::{Locator, Place};
use crate::locale::Profile;
use crate::quantity::{Hedge, Kind, Quantity, Reading, plain};
use crate::recognize::Recognition;
use crate::source::Document;
use serde::Serialize;

/// One number, as reported.
#[derive(Debug, Serialize)]
pub struct NumberOut<'a> {
    pub text: &'a str,
    pub value: Option<String>,
    pub kind: Kind,
    pub unit: Option<&'a str>,
    pub low: Option<String>,
    pub high: Option<String>,
    pub hedge: Option<HedgeOut<'a>>,
    pub precision: Option<String>,
    pub start: usize,
    pub end: usize,
    /// The page of a PDF.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
    pub line: usize,
    pub column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading: Option<&'a Reading>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub too_large: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub inexact: bool,
}

/// A hedge, as reported.
#[derive(Debug, Serialize)]
pub struct HedgeOut<'a> {
    pub text: &'a str,
    pub kind: crate::quantity::HedgeKind,
}

impl<'a> From<&'a Hedge> for HedgeOut<'a> {
    fn from(h: &'a Hedge) -> Self {
        HedgeOut {
            text: &h.text,
            kind: h.kind,
        }
    }
}

/// One input's report.
#[derive(Debug, Serialize)]
pub struct FileOut<'a> {
    pub path: &'a str,
    pub locale: &'a Profile,
    pub numbers: Vec<NumberOut<'a>>,
}

/// One document's report as a line of JSON Lines, byte for byte what `serde_json` writes for
/// its [`file_out`], with each number written as soon as it is built (no list of them is
/// kept): their keys are fixed, and most of their strings need no escaping.
pub fn jsonl(doc: &Document, r: &Recognition) -> serde_json::Result<Vec<u8>> {
    let loc = Locator::new(doc);
    let mut v = Vec::with_capacity(256 + 256 * r.quantities.len());
    v.extend_from_slice(b"{\"path\":");
    json_str(&mut v, &doc.path)?;
    v.extend_from_slice(b",\"locale\":");
    serde_json::to_writer(&mut v, &r.profile)?;
    v.extend_from_slice(b",\"numbers\":[");
    for (k, q) in r.quantities.iter().enumerate() {
        if k > 0 {
            v.push(b',');
        }
        number_out(&loc, q).write_json(&mut v)?;
    }
    v.extend_from_slice(b"]}\n");
    Ok(v)
}

impl NumberOut<'_> {
    /// Writes the number as `serde_json` writes it.
    fn write_json(&self, v: &mut Vec<u8>) -> serde_json::Result<()> {
        v.extend_from_slice(b"{\"text\":");
        json_str(v, self.text)?;
        v.extend_from_slice(b",\"value\":");
        json_opt(v, self.value.as_deref())?;
        v.extend_from_slice(b",\"kind\":");
        serde_json::to_writer(&mut *v, &self.kind)?;
        v.extend_from_slice(b",\"unit\":");
        json_opt(v, self.unit)?;
        v.extend_from_slice(b",\"low\":");
        json_opt(v, self.low.as_deref())?;
        v.extend_from_slice(b",\"high\":");
        json_opt(v, self.high.as_deref())?;
        v.extend_from_slice(b",\"hedge\":");
        match &self.hedge {
            Some(h) => serde_json::to_writer(&mut *v, h)?,
            None => v.extend_from_slice(b"null"),
        }
        v.extend_from_slice(b",\"precision\":");
        json_opt(v, self.precision.as_deref())?;
        v.extend_from_slice(b",\"start\":");
        json_uint(v, self.start);
        v.extend_from_slice(b",\"end\":");
        json_uint(v, self.end);
        if let Some(p) = self.page {
            v.extend_from_slice(b",\"page\":");
            json_uint(v, p);
        }
        v.extend_from_slice(b",\"line\":");
        json_uint(v, self.line);
        v.extend_from_slice(b",\"column\":");
        json_uint(v, self.column);
        if let Some(d) = self.date {
            v.extend_from_slice(b",\"date\":");
            json_str(v, d)?;
        }
        if let Some(r) = self.reading {
            v.extend_from_slice(b",\"reading\":");
            serde_json::to_writer(&mut *v, r)?;
        }
        if self.too_large {
            v.extend_from_slice(b",\"too_large\":true");
        }
        if self.inexact {
            v.extend_from_slice(b",\"inexact\":true");
        }
        v.push(b'}');
        Ok(())
    }
}

/// Writes `s` as a JSON string: as it is between quotes when nothing in it needs escaping
/// (JSON escapes only quotes, backslashes and control characters), else as `serde_json`
/// escapes it.
fn json_str(v: &mut Vec<u8>, s: &str) -> serde_json::Result<()> {
    if s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        return serde_json::to_writer(&mut *v, s);
    }
    v.push(b'"');
    v.extend_from_slice(s.as_bytes());
    v.push(b'"');
    Ok(())
}

fn json_opt(v: &mut Vec<u8>, s: Option<&str>) -> serde_json::Result<()> {
    match s {
        Some(s) => json_str(v, s),
        None => {
            v.extend_from_slice(b"null");
            Ok(())
        }
    }
}

fn json_uint(v: &mut Vec<u8>, n: usize) {
    v.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// A file that could not be read, as reported.
#[derive(Debug, Serialize)]
pub struct FileError<'a> {
    pub path: &'a str,
    pub error: String,
}

/// Builds the report of one document.
pub fn file_out<'a>(doc: &'a Document, r: &'a Recognition) -> FileOut<'a> {
    let loc = Locator::new(doc);
    let numbers = r.quantities.iter().map(|q| number_out(&loc, q)).collect();
    FileOut {
        path: &doc.path,
        locale: &r.profile,
        numbers,
    }
}

fn number_out<'a>(loc: &Locator<'a>, q: &'a Quantity) -> NumberOut<'a> {
    let Place {
        offset: start,
        line,
        column,
        page,
    } = loc.place(q.span.start);
    NumberOut {
        text: &loc.text[q.span.start..q.span.end],
        value: q.value.as_ref().map(plain),
        kind: q.kind,
        unit: q.unit.as_deref(),
        low: q.low.as_ref().map(plain),
        high: q.high.as_ref().map(plain),
        hedge: q.hedge.as_deref().map(HedgeOut::from),
        precision: q.precision.as_ref().map(plain),
        start,
        end: loc.offset(q.span.end),
        page,
        line,
        column,
        date: q.date.as_deref(),
        reading: q.reading.as_deref(),
        too_large: q.too_large,
        inexact: q.inexact,
    }
}

/// Renders one document's numbers for a person: `path:line:col: kind value unit "text"`, one a
/// line (`path#page=N:line:col` for a PDF).
pub fn human(doc: &Document, r: &Recognition) -> String {
    let out = file_out(doc, r);
    let path = &doc.path;
    let mut s = String::new();
    for n in &out.numbers {
        let value = match (&n.value, &n.low, &n.high, n.date) {
            (_, _, _, Some(d)) => d.to_string(),
            (Some(v), _, _, _) => v.clone(),
            (None, Some(l), Some(h), _) => format!("{l}..{h}"),
            (None, Some(l), None, _) => format!("≥{l}"),
            _ if n.too_large => "too large to check".to_string(),
            _ => "-".to_string(),
        };
        let unit = n.unit.map(|u| format!(" {u}")).unwrap_or_default();
        let hedge = n
            .hedge
            .as_ref()
            .map(|h| format!(" ({})", h.text))
            .unwrap_or_default();
        let kind = serde_json::to_value(n.kind).ok();
        let kind = kind.as_ref().and_then(|k| k.as_str()).unwrap_or("number");
        let page = n.page.map(|p| format!("#page={p}")).unwrap_or_default();
        s.push_str(&format!(
            "{path}{page}:{}:{}: {kind} {value}{unit}{hedge} \"{}\"\n",
            n.line,
            n.column,
            // One number a line: a line break inside a number's text shows as a space.
            n.text.replace(['\n', '\r'], " ")
        ));
        if let Some(r) = n.reading {
            s.push_str(&format!(
                "    separator read as {}: {}\n",
                r.separator_as, r.reason
            ));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Setting;

    #[test]
    fn json_lines_are_what_serde_json_writes() {
        let text = "Sales rose about 12.5% to $3.76 million on 4 February 2026 at 10:30, \
                    from 380.000 \"units\" (1,200 km; 750 mi), between 50,000 and 100,000 \
                    of them; two thirds, 1.7^200 and 123456789012345678901234567890 too.\n\
                    Um 1.234 Euro\tstieg es – 5 °F, 3. Platz, v1.2.3, 5‰.";
        for path in ["a.txt", "odd \"name\"\t.txt"] {
            let doc = Document::new(path, text.to_string());
            let r = crate::recognize(&doc.text, Setting::Auto);
            let out = file_out(&doc, &r);
            assert!(out.numbers.len() >= 10, "{}", out.numbers.len());
            assert!(out.numbers.iter().any(|n| n.hedge.is_some()));
            let mut want = serde_json::to_vec(&out).expect("json");
            want.push(b'\n');
            let got = jsonl(&doc, &r).expect("json");
            assert_eq!(
                String::from_utf8_lossy(&got),
                String::from_utf8_lossy(&want)
            );
        }
    }
}
