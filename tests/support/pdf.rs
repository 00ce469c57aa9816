//! A PDF writer for tests: pages of lines of text, each line shown at its place in 12-point
//! Helvetica, written with lopdf. The files are as small as a PDF can be, but real PDFs:
//! poppler's `pdftotext` reads them.

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};

/// A line of text on a page: its left edge and baseline (points from the bottom left of an
/// A4 page), and what it says.
pub type Line<'a> = (f64, f64, &'a str);

/// A PDF file of these pages.
pub fn pdf(pages: &[&[Line]]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
    });
    let mut kids = Vec::new();
    for lines in pages {
        let mut operations = Vec::new();
        for &(x, y, text) in lines.iter() {
            operations.push(Operation::new("BT", vec![]));
            operations.push(Operation::new("Tf", vec!["F1".into(), 12.into()]));
            operations.push(Operation::new("Td", vec![x.into(), y.into()]));
            operations.push(Operation::new("Tj", vec![Object::string_literal(text)]));
            operations.push(Operation::new("ET", vec![]));
        }
        let content = Content { operations }.encode().expect("content encodes");
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
        });
        kids.push(Object::from(page_id));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
    });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("the PDF is written");
    bytes
}

/// Lines from the top of a page down, 14 points apart, at the left margin.
pub fn page<'a>(texts: &[&'a str]) -> Vec<Line<'a>> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| (72.0, 770.0 - 14.0 * i as f64, *t))
        .collect()
}
