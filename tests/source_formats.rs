//! Markdown and HTML inputs end to end: read through `recount::source`, recognized and checked
//! on the blanked text, and every reported span and line:column still points at the bytes of
//! the original file.

use recount::locale::Setting;
use recount::report::LineIndex;

fn fixture(name: &str) -> (String, recount::source::Document) {
    let path = format!(
        "{}/tests/fixtures/formats/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let file = std::fs::read_to_string(&path).unwrap();
    let doc = recount::source::read(&path, None).unwrap();
    (file, doc)
}

/// Each number recount finds: its line:column as reported (counted on the text), its
/// line:column counted on the original file, and the bytes of the file at its span.
fn found(file: &str, text: &str) -> Vec<String> {
    let on_text = LineIndex::new(text);
    let on_file = LineIndex::new(file);
    recount::recognize(text, Setting::Auto)
        .quantities
        .iter()
        .map(|q| {
            let (line, col) = on_text.line_col(text, q.span.start);
            let (file_line, file_col) = on_file.line_col(file, q.span.start);
            assert_eq!(line, file_line, "lines are the file's");
            let at = if col == file_col {
                String::new()
            } else {
                format!(" (file column {file_col})")
            };
            format!("{line}:{col} {}{at}", &file[q.span.start..q.span.end])
        })
        .collect()
}

/// Where and what each mismatch is, as reported (line:column on the text, bytes of the file).
fn mismatches(file: &str, text: &str) -> Vec<String> {
    let idx = LineIndex::new(text);
    recount::check_text(text, Setting::Auto, |_| true)
        .iter()
        .filter(|o| o.verdict == recount::check::Verdict::Mismatch)
        .map(|o| {
            let span = o.claim.stated.span;
            let (line, col) = idx.line_col(text, span.start);
            format!("{line}:{col} {}", &file[span.start..span.end])
        })
        .collect()
}

#[test]
fn markdown_spans_point_into_the_file() {
    let (file, doc) = fixture("council.md");
    assert_eq!(doc.text.len(), file.len());
    assert_eq!(doc.text.lines().count(), file.lines().count());
    // Front matter, code, link targets, image alt text and comments give no numbers;
    // table cells are numbers of their own.
    assert_eq!(
        found(&file, &doc.text),
        [
            "6:30 3",
            "8:27 50",
            "8:40 200",
            "8:82 40 %",
            "9:14 120",
            "9:21 400",
            "9:26 30 %",
            "13:14 12",
            "13:22 64 %",
            "14:14 9",
            "14:22 58 %",
            // "&nbsp;" and "&mdash;" before it on the line are fewer characters decoded.
            "20:48 8 % (file column 51)",
        ]
    );
    assert_eq!(mismatches(&file, &doc.text), ["8:82 40 %"]);
}

#[test]
fn html_spans_point_into_the_file() {
    let (file, doc) = fixture("council.html");
    assert_eq!(doc.text.len(), file.len());
    assert_eq!(doc.text.lines().count(), file.lines().count());
    let found = found(&file, &doc.text);
    // Styles, scripts, attributes, comments and code give no numbers; the title does.
    assert_eq!(
        found,
        [
            "4:22 2024",
            "9:39 3",
            "10:31 50",
            "10:80 200",
            "10:92 40&nbsp;%",
            // After a decoded "&nbsp;" (six characters in the file, five in the text),
            // columns on the same line are one less than the file's.
            "10:132 120 (file column 133)",
            "10:139 400 (file column 140)",
            "10:144 30 % (file column 145)",
            "11:30 12",
            "11:41 64 %",
            "11:77 9",
            "11:87 58 %",
            // "&euro;" decodes to three spaces and "€" so that the sign stays on its
            // number: the amount's span starts at the "€", three bytes into "&euro;".
            "14:19 ro;5&nbsp;million",
            "14:46 8 % (file column 51)",
        ]
    );
    assert_eq!(mismatches(&file, &doc.text), ["10:92 40&nbsp;%"]);
}

#[test]
fn an_explicit_format_overrides_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.txt");
    std::fs::write(&path, "<p>5 <b>%</b></p>").unwrap();
    let path = path.to_str().unwrap();
    let plain = recount::source::read(path, None).unwrap();
    assert_eq!(plain.text, "<p>5 <b>%</b></p>");
    let html = recount::source::read_as(path, None, Some(recount::source::Format::Html)).unwrap();
    assert_eq!(html.text, "   5    %        ");
}

/// The numbers of `doc` as `numbers --format json` reports them: the bytes of the file at
/// each reported span, and the value.
fn reported(file: &str, doc: &recount::source::Document) -> Vec<(String, String)> {
    let r = recount::recognize(&doc.text, Setting::Auto);
    let out = recount::report::numbers::file_out(doc, &r);
    out.numbers
        .iter()
        .map(|n| {
            (
                file[n.start..n.end].to_string(),
                n.value.clone().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn a_non_breaking_space_reference_groups_digits_as_the_character_does() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<p>The plant has 380&nbsp;000 workers and 1&#160;250 robots.</p>\n";
    let plain = "The plant has 380\u{a0}000 workers and 1\u{a0}250 robots.\n";
    let markdown = "The plant has *380&nbsp;000* workers and 1&#xA0;250 robots.\n";
    let mut values = Vec::new();
    for (name, file) in [("a.html", page), ("a.txt", plain), ("a.md", markdown)] {
        let path = dir.path().join(name);
        std::fs::write(&path, file).unwrap();
        let doc = recount::source::read(path.to_str().unwrap(), None).unwrap();
        let found = reported(file, &doc);
        let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        match name {
            "a.html" => assert_eq!(texts, ["380&nbsp;000", "1&#160;250"]),
            "a.txt" => assert_eq!(texts, ["380\u{a0}000", "1\u{a0}250"]),
            _ => assert_eq!(texts, ["380&nbsp;000", "1&#xA0;250"]),
        }
        values.push(found.into_iter().map(|(_, v)| v).collect::<Vec<_>>());
    }
    assert_eq!(values[0], ["380000", "1250"]);
    assert!(values.iter().all(|v| *v == values[0]), "{values:?}");
}

#[test]
fn a_paper_in_pdf_has_its_statistics_checked() {
    let path = format!(
        "{}/tests/fixtures/formats/sleep-study.pdf",
        env!("CARGO_MANIFEST_DIR")
    );
    let doc = recount::source::read(&path, None).unwrap();
    // The typeset minus and χ come through.
    assert!(doc.text.contains("t(38) = \u{2212}2.10"), "{}", doc.text);
    let loc = recount::report::Locator::new(&doc);
    let got: Vec<String> = recount::check_text(&doc.text, Setting::Auto, |r| {
        matches!(r, "p-value" | "grim")
    })
    .iter()
    .map(|o| {
        let at = o.claim.stated.span.start;
        let page = loc.place(at).page.unwrap_or(0);
        let quote = &doc.text[at..o.claim.stated.span.end];
        format!("page {page} {} {:?} {quote}", o.claim.rule, o.verdict)
    })
    .collect();
    // p of t(38) = 2.43 is .0199, of F(1, 76) = 4.12 .0459, of t(38) = −2.10 .0424 (all
    // agree); χ2(2) = 4.10 gives .129, not .03 (a decision error); 5.19 × 28 = 145.32 is no
    // whole number of points; F(2, 56) = 1.23 across a line break gives .300. The decision
    // error comes first.
    assert_eq!(
        got,
        [
            "page 1 p-value Mismatch p = .03",
            "page 1 p-value Ok p = .020",
            "page 1 p-value Ok p = .046",
            "page 1 grim Mismatch M = 5.19",
            "page 1 p-value Ok p = .042",
            "page 2 p-value Ok p = .30",
        ]
    );
}

#[test]
fn a_file_that_is_no_pdf_is_an_error_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paper.pdf");
    std::fs::write(&path, "t(28) = 2.20, p = .03").unwrap();
    let path = path.to_str().unwrap();
    let e = recount::source::read(path, None).unwrap_err().to_string();
    assert!(
        e.starts_with(&format!("{path}: not a readable PDF file")),
        "{e}"
    );
}
