//! DOCX: the text of a Word document's body, one line per paragraph (see the module doc of
//! [`crate::source`]).
//!
//! The zip crate opens the package and quick-xml reads `word/document.xml` with namespaces
//! resolved, so a prefix other than `w:` reads the same. Text is the `<w:t>` of runs; a
//! run's `<w:tab/>` is a tab, its `<w:br/>` and `<w:cr/>` a line break, its
//! `<w:noBreakHyphen/>` a hyphen. Deleted text (`<w:delText>`), field codes
//! (`<w:instrText>`) and the fallback copy of alternate content (`<mc:Fallback>`, which
//! repeats what `<mc:Choice>` shows) are not read.

use super::SourceError;
use quick_xml::NsReader;
use quick_xml::events::Event;
use quick_xml::name::{Namespace, ResolveResult};
use std::io::Read;

/// WordprocessingML's namespace.
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// Markup compatibility's namespace (`mc:AlternateContent`).
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// The most `word/document.xml` may unpack to: far above any real document's text, low
/// enough that a zip bomb is an error rather than the machine's memory.
const MAX_XML: u64 = 512 << 20;

/// The text of the DOCX file `bytes` read from `path`.
pub(super) fn text(path: &str, bytes: &[u8]) -> Result<String, SourceError> {
    let fail = |reason: String| SourceError::Docx {
        path: path.to_string(),
        reason,
    };
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| fail(format!("expected a ZIP archive ({e})")))?;
    let entry = match zip.by_name("word/document.xml") {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => {
            return Err(fail(
                "the archive has no word/document.xml, so it is no Word document".into(),
            ));
        }
        Err(e) => return Err(fail(format!("cannot open word/document.xml ({e})"))),
    };
    // The size the archive declares is checked first; the bound on reading holds should it lie.
    if entry.size() > MAX_XML {
        return Err(fail(format!(
            "word/document.xml unpacks to more than {} MiB",
            MAX_XML >> 20
        )));
    }
    let mut xml = Vec::new();
    entry
        .take(MAX_XML + 1)
        .read_to_end(&mut xml)
        .map_err(|e| fail(format!("cannot unpack word/document.xml ({e})")))?;
    if xml.len() as u64 > MAX_XML {
        return Err(fail(format!(
            "word/document.xml unpacks to more than {} MiB",
            MAX_XML >> 20
        )));
    }
    let xml = String::from_utf8(xml).map_err(|e| {
        fail(format!(
            "word/document.xml is not UTF-8 (at byte {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    body_text(&xml).map_err(|(at, e)| fail(format!("word/document.xml: {e} (at byte {at})")))
}

/// What an element is, as far as text goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Paragraph,
    Run,
    Text,
    Tab,
    Break,
    Hyphen,
    Fallback,
    Other,
}

fn part(ns: &ResolveResult<'_>, local: &str) -> Part {
    match ns {
        ResolveResult::Bound(Namespace(n)) if *n == W => match local {
            "p" => Part::Paragraph,
            "r" => Part::Run,
            "t" => Part::Text,
            "tab" => Part::Tab,
            "br" | "cr" => Part::Break,
            "noBreakHyphen" => Part::Hyphen,
            _ => Part::Other,
        },
        ResolveResult::Bound(Namespace(n)) if *n == MC && local == "Fallback" => Part::Fallback,
        _ => Part::Other,
    }
}

/// The paragraphs of `xml`, each ended by a line break but the last; or where and why the
/// XML is malformed.
fn body_text(xml: &str) -> Result<String, (u64, String)> {
    let mut reader = NsReader::from_str(xml);
    let mut out = String::new();
    // The open elements, outermost first, and how many of each kind are open (so that a
    // deeply nested file costs no more a step than a flat one).
    let mut open: Vec<Part> = Vec::new();
    let mut count = [0usize; Part::Other as usize + 1];
    let inside = |count: &[usize], p: Part| count[p as usize] > 0;
    // Text counts inside a `<w:t>` that is not in a fallback copy.
    let reading = |open: &[Part], count: &[usize]| {
        open.last() == Some(&Part::Text) && !inside(count, Part::Fallback)
    };
    loop {
        let (ns, event) = match reader.read_resolved_event() {
            Ok(read) => read,
            Err(e) => return Err((reader.error_position(), e.to_string())),
        };
        match event {
            Event::Start(e) => {
                let p = part(&ns, e.local_name().as_ref());
                open.push(p);
                count[p as usize] += 1;
            }
            Event::Empty(e) => {
                if inside(&count, Part::Fallback) {
                    continue;
                }
                // Tab stops and the like outside runs are layout, not text.
                let in_run = inside(&count, Part::Run);
                match part(&ns, e.local_name().as_ref()) {
                    Part::Paragraph => out.push('\n'),
                    Part::Tab if in_run => out.push('\t'),
                    Part::Break if in_run => out.push('\n'),
                    Part::Hyphen if in_run => out.push('-'),
                    _ => {}
                }
            }
            Event::End(_) => {
                let p = open.pop().unwrap_or(Part::Other);
                count[p as usize] = count[p as usize].saturating_sub(1);
                if p == Part::Paragraph && !inside(&count, Part::Fallback) {
                    out.push('\n');
                }
            }
            Event::Text(t) if reading(&open, &count) => out.push_str(&t.xml10_content()),
            Event::CData(t) if reading(&open, &count) => out.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if reading(&open, &count) => {
                let at = reader.buffer_position();
                match r.resolve_char_ref() {
                    Ok(Some(c)) => out.push(c),
                    Ok(None) => match quick_xml::escape::resolve_predefined_entity(&r) {
                        Some(s) => out.push_str(s),
                        None => return Err((at, format!("unknown entity &{};", &*r))),
                    },
                    Err(e) => return Err((at, e.to_string())),
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !open.is_empty() {
        return Err((
            xml.len() as u64,
            "the document ends inside an element".into(),
        ));
    }
    if out.ends_with('\n') {
        out.pop();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>"#;
    const TAIL: &str = "<w:sectPr/></w:body></w:document>";

    /// A DOCX file with `files` (name, content), deflated as Word does.
    fn zip_with(files: &[(&str, &str)]) -> Vec<u8> {
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, content) in files {
            zip.start_file(*name, opts).unwrap();
            zip.write_all(content.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
        buf.into_inner()
    }

    fn docx(body: &str) -> Vec<u8> {
        let doc = format!("{HEAD}{body}{TAIL}");
        zip_with(&[
            ("[Content_Types].xml", "<Types/>"),
            ("word/document.xml", &doc),
        ])
    }

    fn p(runs: &str) -> String {
        format!(
            "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>{runs}</w:p>"
        )
    }

    #[test]
    fn paragraphs_are_lines_and_runs_join() {
        let body = [
            p("<w:r><w:t>Sales rose </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>5 %</w:t></w:r>"),
            p("<w:r><w:t xml:space=\"preserve\">A</w:t><w:tab/><w:t>40 &amp; B</w:t><w:br/><w:t>60</w:t></w:r>"),
            p(""),
            p("<w:r><w:t>x&#37;</w:t><w:noBreakHyphen/><w:delText>9</w:delText><w:instrText>PAGE 7</w:instrText></w:r>"),
        ]
        .concat();
        assert_eq!(
            text("a.docx", &docx(&body)).unwrap(),
            "Sales rose 5 %\nA\t40 & B\n60\n\nx%-"
        );
    }

    #[test]
    fn a_table_cell_is_a_paragraph_and_fallbacks_are_not_read_twice() {
        let body = format!(
            "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>{}",
            p("<w:r><w:t>40</w:t></w:r>"),
            p("<w:r><w:t>60</w:t></w:r>"),
            p(
                "<w:r><w:t>See</w:t><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>box 5</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>box 5</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
            )
        );
        // A text box's paragraph is a line of its own, inside the one that holds it.
        assert_eq!(text("a.docx", &docx(&body)).unwrap(), "40\n60\nSeebox 5\n");
    }

    #[test]
    fn another_prefix_reads_the_same() {
        let doc = "<x:document xmlns:x=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><x:body><x:p><x:r><x:t>5</x:t></x:r></x:p></x:body></x:document>";
        let file = zip_with(&[("word/document.xml", doc)]);
        assert_eq!(text("a.docx", &file).unwrap(), "5");
    }

    #[test]
    fn a_docx_on_disk_reads_through_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.docx");
        std::fs::write(&path, docx(&p("<w:r><w:t>Up 5 %</w:t></w:r>"))).unwrap();
        let doc = super::super::read(path.to_str().unwrap(), None).unwrap();
        assert_eq!(doc.text, "Up 5 %");
    }

    #[test]
    fn not_a_zip_is_a_clear_error() {
        let err = text("a.docx", b"plain text, not a zip").unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.starts_with("a.docx: not a readable DOCX file: expected a ZIP archive"),
            "{msg}"
        );
    }

    #[test]
    fn a_zip_without_a_document_is_a_clear_error() {
        let err = text("a.docx", &zip_with(&[("other.txt", "5")])).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.docx: not a readable DOCX file: the archive has no word/document.xml, so it is no Word document"
        );
    }

    #[test]
    fn malformed_xml_is_a_clear_error() {
        let bad = zip_with(&[(
            "word/document.xml",
            "<w:document><w:p><w:t>5</w:x></w:document>",
        )]);
        let msg = text("a.docx", &bad).unwrap_err().to_string();
        assert!(
            msg.starts_with("a.docx: not a readable DOCX file: word/document.xml: "),
            "{msg}"
        );
        let unclosed = zip_with(&[("word/document.xml", &format!("{HEAD}<w:p>"))]);
        assert!(text("a.docx", &unclosed).is_err());
        let not_utf8 = {
            let mut buf = std::io::Cursor::new(Vec::new());
            let mut zip = zip::ZipWriter::new(&mut buf);
            zip.start_file(
                "word/document.xml",
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
            zip.write_all(b"<a>\xff</a>").unwrap();
            zip.finish().unwrap();
            buf.into_inner()
        };
        let msg = text("a.docx", &not_utf8).unwrap_err().to_string();
        assert!(msg.contains("not UTF-8 (at byte 3)"), "{msg}");
    }

    #[test]
    fn a_truncated_zip_is_an_error_not_a_panic() {
        let file = docx(&p("<w:r><w:t>5</w:t></w:r>"));
        for cut in [0, 10, file.len() / 2, file.len() - 1] {
            assert!(text("a.docx", &file[..cut]).is_err(), "cut at {cut}");
        }
    }
}
