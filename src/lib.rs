//! recount: finds the numbers and numeric claims in a text and re-derives what it states.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod lex;
pub mod locale;
pub mod quantity;
pub mod recognize;
pub mod report;
pub mod source;
pub mod tokens;

pub use recognize::{Recognition, recognize};
pub mod check;
pub mod claims;
pub mod invariants;

/// Finds the claims of the selected rules in `text` and checks each.
pub fn check_text(
    text: &str,
    setting: locale::Setting,
    selected: impl Fn(&str) -> bool,
) -> Vec<check::Outcome> {
    let r = recognize(text, setting);
    let doc = claims::Doc::new(text, &r);
    claims::find(&doc, selected)
}

/// Checks a document read by [`source::read`], leaving out the findings its
/// `<!-- recount-disable -->` comments turn off.
pub fn check_document(
    doc: &source::Document,
    setting: locale::Setting,
    selected: impl Fn(&str) -> bool,
) -> Vec<check::Outcome> {
    let mut outcomes = check_text(&doc.text, setting, selected);
    outcomes.retain(|o| {
        let at = o.claim.stated.span.start;
        !doc.suppressions.iter().any(|s| s.covers(o.claim.rule, at))
    });
    outcomes
}
