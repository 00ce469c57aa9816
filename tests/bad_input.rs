//! Input that a recognizer must survive: huge digit runs, pathological separators, numbers
//! beyond exact range, arbitrary text. Nothing panics, nothing is lost, spans stay valid.

use proptest::prelude::*;
use recount::locale::Setting;
use recount::quantity::{Kind, Quantity};

fn spans_are_valid(text: &str, qs: &[Quantity]) {
    let mut last_end = 0;
    for q in qs {
        assert!(q.span.start < q.span.end, "empty span {q:?}");
        assert!(q.span.end <= text.len());
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        assert!(
            q.span.start >= last_end,
            "spans overlap or go backwards: {qs:?}"
        );
        last_end = q.span.end;
    }
}

#[test]
fn a_megabyte_of_digits_is_one_number_too_large_to_check() {
    let text = "7".repeat(1 << 20);
    let r = recount::recognize(&text, Setting::Auto);
    assert_eq!(r.quantities.len(), 1);
    let q = &r.quantities[0];
    assert!(q.too_large);
    assert_eq!(q.value, None);
    assert_eq!((q.span.start, q.span.end), (0, text.len()));
}

#[test]
fn a_megabyte_of_dotted_ones_is_recognized_in_linear_time() {
    let text = "1.".repeat(1 << 19);
    let r = recount::recognize(&text, Setting::Auto);
    spans_are_valid(&text, &r.quantities);
    // The whole run is covered by identifiers; none of it is read as an amount.
    assert!(r.quantities.iter().all(|q| q.kind == Kind::Identifier));
    assert_eq!(r.quantities.first().map(|q| q.span.start), Some(0));
}

#[test]
fn digit_runs_with_every_separator_do_not_panic() {
    for sep in [
        ",", ".", " ", "'", "’", "\u{a0}", "\u{202f}", ", ", "-", "/", ":",
    ] {
        let text = format!("x {} y", ["123"; 5000].join(sep));
        let r = recount::recognize(&text, Setting::Auto);
        spans_are_valid(&text, &r.quantities);
        assert!(!r.quantities.is_empty(), "separator {sep:?}");
    }
}

#[test]
fn numbers_beyond_decimal_range_are_flagged_not_wrapped() {
    for text in [
        "a 79228162514264337593543950336 b",
        "a 1,000,000,000,000,000,000,000,000,000,000 b",
        "a 99999999999999999999999999 trillion b",
        "a 1e40 b",
    ] {
        let r = recount::recognize(text, Setting::En);
        assert_eq!(r.quantities.len(), 1, "{text}: {:?}", r.quantities);
        assert!(r.quantities[0].too_large, "{text}");
        assert_eq!(r.quantities[0].value, None, "{text}");
    }
}

#[test]
fn a_sentence_with_hundreds_of_numbers_keeps_them_all() {
    let text: String = (1..=500).map(|i| format!("{i} apples, ")).collect();
    let r = recount::recognize(&text, Setting::En);
    let values: Vec<_> = r.quantities.iter().filter_map(|q| q.value).collect();
    assert_eq!(values.len(), 500);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        for setting in [Setting::Auto, Setting::En, Setting::De] {
            let r = recount::recognize(&text, setting);
            spans_are_valid(&text, &r.quantities);
        }
    }

    #[test]
    fn number_like_text_never_panics(text in "[0-9 .,'’%$€£+\\-−/^eExk½a-z]{0,60}") {
        let r = recount::recognize(&text, Setting::Auto);
        spans_are_valid(&text, &r.quantities);
    }
}

#[test]
fn check_survives_long_sentences_and_many_numbers() {
    // One sentence of 2,000 figures and shares, and a paragraph of 200 sentences.
    let sentence: String = (1..=2000)
        .map(|i| format!("{i}% of {}% or {}% total, ", i % 97 + 1, i % 13 + 1))
        .collect();
    let outcomes = recount::check_text(&sentence, Setting::Auto, |_| true);
    assert!(!outcomes.is_empty());
    let paragraph = "Minneapolis (430.000) and St. Paul (310.000) together make up just under 20% of the Twin Cities population (3.76 million). ".repeat(200);
    let outcomes = recount::check_text(&paragraph, Setting::Auto, |_| true);
    assert_eq!(outcomes.len(), 200);
    assert!(
        outcomes
            .iter()
            .all(|o| o.verdict == recount::check::Verdict::Ok)
    );
}

#[test]
fn a_base_of_zero_is_a_finding_not_a_panic() {
    let text = "Of the 0 members, 5 voted, or 50%. The 5 votes make up 50% of the 0 seats.";
    let outcomes = recount::check_text(text, Setting::Auto, |_| true);
    let zero: Vec<_> = outcomes
        .iter()
        .filter(|o| o.error == Some(recount::check::interval::ArithError::DivisionByZero))
        .collect();
    assert_eq!(zero.len(), 1, "{outcomes:?}");
    assert_eq!(zero[0].verdict, recount::check::Verdict::Unverifiable);
    assert!(
        zero[0].message.contains("division by zero"),
        "{}",
        zero[0].message
    );
}

#[test]
fn overflow_during_derivation_is_too_large_to_check() {
    let text = "While 79228162514264337593543950335% of 79228162514264337593543950335% is a lot (it's 1% total), fine.";
    let outcomes = recount::check_text(text, Setting::En, |_| true);
    assert_eq!(outcomes.len(), 1, "{outcomes:?}");
    assert!(
        outcomes[0].message.contains("too large to check"),
        "{}",
        outcomes[0].message
    );
}
