//! recount: finds the numbers and numeric claims in a text and re-derives what it states.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod lang;
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
pub mod config;
pub mod invariants;
pub mod lsp;
pub mod serve;

/// Finds the claims of the selected rules in `text` and checks each.
pub fn check_text(
    text: &str,
    setting: locale::Setting,
    selected: impl Fn(&str) -> bool,
) -> Vec<check::Outcome> {
    check_text_with(
        text,
        setting,
        selected,
        &claims::settings::Settings::default(),
    )
}

/// [`check_text`] with the rules' settings. Decision errors (p-values on the wrong side of
/// alpha) come first, the other findings in text order.
pub fn check_text_with(
    text: &str,
    setting: locale::Setting,
    selected: impl Fn(&str) -> bool,
    settings: &claims::settings::Settings,
) -> Vec<check::Outcome> {
    let r = recognize_for(text, setting, &selected);
    let doc = claims::Doc::new(text, &r).with_settings(settings.clone());
    let mut outcomes = claims::find(&doc, selected);
    outcomes.sort_by_key(|o| !check::stats::is_decision_error(o));
    outcomes
}

/// The numbers of `text` as the `selected` rules need them: rules that read the text itself
/// need no recognizer, so when only they run it is skipped.
pub fn recognize_for(
    text: &str,
    setting: locale::Setting,
    selected: impl Fn(&str) -> bool,
) -> Recognition {
    let needs_numbers = claims::RULES
        .iter()
        .any(|r| selected(r.id) && !claims::rules::TEXT_ONLY.contains(&r.id));
    if needs_numbers {
        recognize(text, setting)
    } else {
        Recognition {
            profile: locale::Profile::infer("", setting),
            quantities: Vec::new(),
        }
    }
}

/// Checks a document read by [`source::read`], leaving out the findings its
/// `<!-- recount-disable -->` comments turn off.
pub fn check_document(
    doc: &source::Document,
    setting: locale::Setting,
    selected: impl Fn(&str) -> bool,
) -> Vec<check::Outcome> {
    check_document_with(
        doc,
        setting,
        selected,
        &claims::settings::Settings::default(),
    )
}

/// [`check_document`] with the rules' settings.
pub fn check_document_with(
    doc: &source::Document,
    setting: locale::Setting,
    selected: impl Fn(&str) -> bool,
    settings: &claims::settings::Settings,
) -> Vec<check::Outcome> {
    let mut outcomes = check_text_with(&doc.text, setting, selected, settings);
    outcomes.retain(|o| {
        // The comments' places are the file's.
        let at = doc.map.file_offset(o.claim.stated.span.start);
        !doc.suppressions.iter().any(|s| s.covers(o.claim.rule, at))
    });
    outcomes
}
