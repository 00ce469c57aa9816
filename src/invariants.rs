//! Properties that hold for every input, whatever its bytes: the fuzz targets in `fuzz/` assert
//! them on what libFuzzer makes up, and `tests/fuzz_replay.rs` asserts them on the checked-in
//! seeds and on every input that once broke one, on the stable compiler.
//!
//! Each function takes raw bytes, runs one stage of recount on them and panics, with what it
//! found, when a property fails. None of them prints.

use crate::check::{Outcome, Verdict};
use crate::locale::Setting;
use crate::quantity::{Kind, Quantity};

/// The longest input a property is run on: the targets cost time in proportion to the input,
/// and libFuzzer finds more in many short inputs than in a few long ones.
pub const MAX_INPUT: usize = 64 << 10;

/// The bytes as text: their UTF-8 prefix up to the first invalid byte.
fn text_of(bytes: &[u8]) -> &str {
    let bytes = &bytes[..bytes.len().min(MAX_INPUT)];
    match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
    }
}

/// Spans inside `text`, on character boundaries, not empty, in order and not overlapping.
fn spans_are_valid(text: &str, qs: &[Quantity]) {
    let mut last_end = 0;
    for q in qs {
        let (s, e) = (q.span.start, q.span.end);
        assert!(s < e && e <= text.len(), "span {s}..{e} of {}", text.len());
        assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "span {s}..{e} splits a character in {text:?}"
        );
        assert!(s >= last_end, "spans overlap or go backwards: {qs:?}");
        last_end = e;
    }
}

/// Kinds whose value is the number the digits spell, so that reading them alone must give it.
fn spelled_by_digits(q: &Quantity, text: &str) -> bool {
    matches!(
        q.kind,
        Kind::Number | Kind::Percent | Kind::Money | Kind::PercentagePoints | Kind::PerMille
    ) && q.hedge.is_none()
        && text.starts_with(|c: char| c.is_ascii_digit())
        && text.ends_with(|c: char| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
}

/// `recognize`: no panic; spans valid; `low ≤ value ≤ high` where set; a number of plain
/// digits and separators read alone, under the same fixed locale, gives the same value.
pub fn recognize(bytes: &[u8]) {
    let text = text_of(bytes);
    for setting in [Setting::Auto, Setting::En, Setting::De] {
        let r = crate::recognize(text, setting);
        spans_are_valid(text, &r.quantities);
        for q in &r.quantities {
            if let (Some(lo), Some(hi)) = (q.low, q.high) {
                assert!(lo <= hi, "low {lo} > high {hi} in {q:?}");
            }
            if let Some(v) = q.value {
                assert!(q.low.is_none_or(|lo| lo <= v), "low above value: {q:?}");
                assert!(q.high.is_none_or(|hi| v <= hi), "high below value: {q:?}");
            }
            let own = &text[q.span.start..q.span.end];
            if setting != Setting::Auto && q.value.is_some() && spelled_by_digits(q, own) {
                let alone = crate::recognize(own, setting);
                let same = alone
                    .quantities
                    .iter()
                    .find(|a| a.span.start == 0 && a.span.end == own.len());
                if let Some(a) = same {
                    assert_eq!(a.value, q.value, "{own:?} alone reads differently");
                }
            }
        }
    }
}

/// An outcome's verdict is the one its exact value, interval and stated target give.
fn outcome_agrees(text: &str, o: &Outcome) {
    let s = o.claim.stated.span;
    assert!(
        s.start <= s.end && s.end <= text.len(),
        "finding span {s:?}"
    );
    assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
    match (o.exact, o.range) {
        (Some(exact), Some(range)) => {
            assert!(o.error.is_none(), "{o:?}");
            assert!(range.lo <= range.hi, "empty interval in {o:?}");
            let t = &o.claim.stated.target;
            let expected = if t.contains(exact) {
                Verdict::Ok
            } else if range.meets(t) {
                Verdict::Imprecise
            } else {
                Verdict::Mismatch
            };
            assert_eq!(o.verdict, expected, "{o:?}");
        }
        (None, None) => assert_eq!(o.verdict, Verdict::Unverifiable, "{o:?}"),
        _ => panic!("an exact value without an interval or the other way round: {o:?}"),
    }
    if let Some(r) = &o.runner_up {
        outcome_agrees(text, r);
    }
}

/// `check`: no panic; every finding's span inside the text; every verdict is the one the
/// derived value and interval give against the stated figure.
pub fn check(bytes: &[u8]) {
    let text = text_of(bytes);
    for setting in [Setting::Auto, Setting::En] {
        for o in crate::check_text(text, setting, |_| true) {
            outcome_agrees(text, &o);
        }
    }
}

/// `claim_file`: a claim file is an error at a line, or it verifies without a panic. Files it
/// names are looked for under a folder that does not exist.
pub fn claim_file(bytes: &[u8]) {
    let text = text_of(bytes);
    let base = std::path::Path::new("/nonexistent/recount-fuzz");
    let errors = match crate::claims::file::load("fuzz.yaml", text, base) {
        Ok(file) => match crate::claims::file::verify(&file) {
            Ok(v) => {
                for c in &v.checked {
                    outcome_agrees(&v.text, &c.outcome);
                }
                return;
            }
            Err(f) => f.errors,
        },
        Err(f) => f.errors,
    };
    assert!(!errors.is_empty(), "a failure without an error");
    for e in errors {
        if e.path != "fuzz.yaml" {
            continue; // an error in a file it names (that cannot be read here)
        }
        let at =
            e.at.unwrap_or_else(|| panic!("an error without a place: {}", e.message));
        assert!(at.line >= 1 && at.column >= 1, "{e:?}");
        assert!(at.start <= at.end && at.end <= text.len(), "{e:?}");
    }
}

/// Whether two parsed derivations are the same tree, spans aside.
fn same_tree(a: &crate::claims::derive::Ast, b: &crate::claims::derive::Ast) -> bool {
    use crate::claims::derive::Node;
    match (&a.node, &b.node) {
        (Node::Number(x), Node::Number(y)) | (Node::Name(x), Node::Name(y)) => x == y,
        (Node::Neg(x), Node::Neg(y)) => same_tree(x, y),
        (Node::Bin(o, x1, y1), Node::Bin(p, x2, y2)) => {
            o == p && same_tree(x1, x2) && same_tree(y1, y2)
        }
        (Node::Call(f, xs), Node::Call(g, ys)) => {
            f == g && xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| same_tree(x, y))
        }
        _ => false,
    }
}

/// Every span of a tree inside `text`, on character boundaries.
fn tree_spans(text: &str, a: &crate::claims::derive::Ast) {
    use crate::claims::derive::Node;
    let s = &a.span;
    assert!(
        s.start <= s.end && s.end <= text.len(),
        "span {s:?} in {text:?}"
    );
    assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
    match &a.node {
        Node::Number(_) | Node::Name(_) => {}
        Node::Neg(x) => tree_spans(text, x),
        Node::Bin(_, x, y) => {
            tree_spans(text, x);
            tree_spans(text, y);
        }
        Node::Call(_, xs) => xs.iter().for_each(|x| tree_spans(text, x)),
    }
}

/// `derive`: an expression parses to a tree that prints as text which parses to the same
/// tree, or it is an error at a place inside it (a column).
pub fn derive(bytes: &[u8]) {
    use crate::claims::derive::parse;
    let text = text_of(bytes);
    match parse(text) {
        Ok(ast) => {
            tree_spans(text, &ast);
            let printed = ast.to_string();
            let again = parse(&printed)
                .unwrap_or_else(|e| panic!("{text:?} prints as {printed:?}, which fails: {e}"));
            assert!(
                same_tree(&ast, &again),
                "{text:?} prints as {printed:?}, which parses to another tree"
            );
        }
        Err(e) => {
            let s = &e.span;
            assert!(s.start <= s.end && s.end <= text.len(), "{e:?} in {text:?}");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
}

/// `sources`: the bytes read as text, Markdown, HTML and DOCX give a text or an error; the
/// Markdown and HTML texts keep every offset of the decoded file, as their source map gives
/// it (the same length, the same line breaks), and the suppressions lie inside the text.
pub fn sources(bytes: &[u8]) {
    use crate::source::{Format, decode, decode_as};
    let bytes = &bytes[..bytes.len().min(MAX_INPUT)];
    let decoded = decode("fuzz", bytes.to_vec(), None).ok().map(|d| d.text);
    for format in [Format::Text, Format::Markdown, Format::Html, Format::Docx] {
        let Ok(doc) = decode_as("fuzz", bytes.to_vec(), None, format) else {
            continue;
        };
        for s in &doc.suppressions {
            assert!(s.span.start <= s.span.end && s.span.end <= doc.text.len());
        }
        if matches!(format, Format::Markdown | Format::Html) {
            // Every byte of the text stands at its offset in the file, but past a character
            // reference between digits whose rest the text drops ("380&nbsp;000"), where the
            // map says by how much; and the line breaks stand with them.
            let src = decoded.as_deref().expect("a read file decodes");
            let map = &doc.map;
            assert_eq!(
                map.file_offset(doc.text.len()),
                src.len(),
                "{format:?} changes the length"
            );
            let lines = |t: &str| t.bytes().filter(|&b| b == b'\n').count();
            assert_eq!(
                lines(&doc.text),
                lines(src),
                "{format:?} drops a line break"
            );
            for (i, b) in doc.text.bytes().enumerate() {
                let at = map.file_offset(i);
                assert_eq!(
                    b == b'\n',
                    src.as_bytes()[at] == b'\n',
                    "{format:?} moves a line break"
                );
            }
        }
    }
}

/// `jsonl`: any bytes on `--input jsonl` give one record a line, numbered in order, each a
/// result or an error that serializes to one line of JSON.
pub fn jsonl(bytes: &[u8]) {
    use crate::report::numbers as nr;
    let bytes = &bytes[..bytes.len().min(MAX_INPUT)];
    let mut expected = bytes.iter().filter(|&&b| b == b'\n').count();
    if bytes.last().is_some_and(|&b| b != b'\n') {
        expected += 1;
    }
    let mut n = 0;
    for chunk in crate::source::jsonl::chunks(bytes, MAX_INPUT) {
        assert_eq!(chunk.first_line, n + 1, "chunks out of order");
        for record in chunk.records() {
            n += 1;
            let json = match record {
                Ok(doc) => {
                    let r = crate::recognize(&doc.text, Setting::Auto);
                    serde_json::to_string(&nr::file_out(&doc, &r))
                }
                Err((path, error)) => {
                    assert_eq!(path, format!("<stdin>:{n}"), "lines out of order");
                    serde_json::to_string(&nr::FileError { path: &path, error })
                }
            };
            let json = json.expect("a record serializes");
            assert!(!json.contains('\n'), "a record spans lines: {json}");
        }
    }
    assert_eq!(n, expected, "one record a line");
}
