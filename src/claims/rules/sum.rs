//! `sum`: parts and the total the text gives for them.

use crate::check::{Claim, Expr, Operand, Stated};
use crate::claims::{Doc, Rule};
use crate::quantity::Kind;
use rust_decimal::Decimal;

macro_rules! doc {
    () => {
        "## What it checks
Parts and the total the text gives for them: \"A and B together total C\", \"A and B, a combined
C\", \"A, B and C, or D in total\", \"a total of D: A … and B …\", \"A + B = C\", German \"A und
B zusammen C\", \"insgesamt C: A … und B …\". The total must be the sum of the parts. Parts and
total must be of one kind and unit: counts, or sums of money in one currency, or measures in
one unit. A part may be a document fact (\"Minneapolis (430.000) and St. Paul (310.000)
together have 740,000 inhabitants\").

## Why it matters
A total that does not match its parts is the plainest arithmetic error a text can make, and a
common sign that one of the parts was mistyped or updated without the total.

## Example
\"Boys and girls: 120 boys and 180 girls, a total of 310 children\" → 120 + 180 = 300, the text
says 310: `mismatch`.

## Verdicts
`ok` when the parts add up to the total at its precision, `imprecise` when only the parts'
rounding reaches it (\"1.2 million and 1.4 million, together 2.7 million\"), `mismatch` otherwise.

## Tolerance
Every figure stands for its rounding interval; a hedged total (\"about 3,000\") for its hedge.

## When it does not fire
Without a word that makes the last figure the total of exactly the listed parts (\"together\",
\"combined\", \"in total\", \"a total of\", \"altogether\", \"add up to\", \"=\"); for running
totals (\"bringing the total to 1,250\", \"raising the total to\"), whose earlier total the
text does not give; for lists with \"including\" or \"of which\", which need not be complete;
when parts and total differ in kind, unit or currency, or carry hedges (\"more than 100 and
200\"); when a part exceeds the total; and when the parts' sum is less than half or more than
twice the total, which points at a misread list rather than an error."
    };
}

#[doc = doc!()]
pub const RULE: Rule = Rule {
    id: "sum",
    summary: "a stated total must be the sum of its parts",
    doc: doc!(),
    find: crate::claims::Finder::Claims(find),
};

/// Words between the last part and the total that make it the total of the parts.
const TOTAL_CUES: &[&str] = &[
    "together",
    "combined",
    "altogether",
    "total",
    "totals",
    "totalled",
    "totaled",
    "totalling",
    "totaling",
    "add up to",
    "adds up to",
    "added up to",
    "in total",
    "in all",
    "zusammen",
    "insgesamt",
    "summe",
];

/// Words that make the total a running total, or the list an incomplete one.
const NOT_COMPLETE: &[&str] = &[
    "bringing",
    "brings",
    "brought",
    "raising",
    "raises",
    "taking",
    "takes",
    "pushing",
    "lifting",
    "including",
    "includes",
    "of which",
    "among them",
    "davon",
    "darunter",
    "so far",
    "now",
    "new",
    "another",
    "more",
    "additional",
    "weitere",
    "per",
    "each",
    "every",
    "a year",
    "pro",
    "je",
];

/// Words that link the parts of a list.
const AND: &[&str] = &["and", "plus", "und", "sowie", "+"];

/// Kinds that can be added.
fn addable(k: Kind) -> bool {
    matches!(k, Kind::Number | Kind::Money | Kind::Measure)
}

/// Whether quantities `i` and `j` are of one kind and unit.
fn alike(doc: &Doc<'_>, i: usize, j: usize) -> bool {
    let (a, b) = (&doc.quantities[i], &doc.quantities[j]);
    addable(a.kind) && a.kind == b.kind && a.unit == b.unit
}

/// The lower-case words of `s` with punctuation marks as words of their own.
fn tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in s.chars().chain([' ']) {
        if c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.') {
            word.extend(c.to_lowercase());
            continue;
        }
        // a period ends a word unless it abbreviates one ("St.")
        if word.ends_with('.') && !word.starts_with("st") {
            word.pop();
            out.push(std::mem::take(&mut word));
            out.push(".".to_string());
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if !c.is_whitespace() {
            out.push(c.to_string());
        }
    }
    out
}

/// Whether the phrase `p` (space-separated words) occurs in `toks`.
fn has_phrase(toks: &[String], p: &str) -> bool {
    let ws: Vec<&str> = p.split(' ').collect();
    toks.windows(ws.len())
        .any(|w| w.iter().zip(&ws).all(|(a, b)| a == b))
}

/// Whether the gap between two parts links them in a list: "and", ", ", " boys and ",
/// ") and St. Paul (", " in January and ". `last` says whether it is the gap before the last
/// part, which must hold "and".
fn list_link(gap: &str, last: bool) -> bool {
    let toks = tokens(gap);
    let words = toks.iter().filter(|t| t.chars().any(char::is_alphabetic));
    if words.count() > 4 || toks.iter().any(|t| matches!(t.as_str(), ";" | ":" | "%")) {
        return false;
    }
    if toks.iter().any(|t| NOT_COMPLETE.contains(&t.as_str())) {
        return false;
    }
    let and = toks.iter().any(|t| AND.contains(&t.as_str()));
    let comma = toks.iter().any(|t| t == ",");
    if last { and } else { comma && !and }
}

/// The parts that end with quantity `last`: a list "A, B and C" of alike quantities whose
/// links are list links. At least two.
fn parts_ending(doc: &Doc<'_>, range: &std::ops::Range<usize>, last: usize) -> Vec<usize> {
    let mut parts = vec![last];
    let mut j = last;
    while j > range.start {
        let i = j - 1;
        if !alike(doc, i, last) {
            break;
        }
        if !list_link(doc.between(i, j), parts.len() == 1) {
            break;
        }
        parts.push(i);
        j = i;
    }
    parts.reverse();
    if parts.len() < 2 {
        return Vec::new();
    }
    // A part right after "of", "among", "out of" names the whole the others are taken from
    // ("of the 1,000 respondents, 120 boys and 180 girls").
    let first = parts[0];
    let lead = tokens(doc.before(first, doc.sentences[sentence_of(doc, first)], 20));
    let tail: Vec<&str> = lead.iter().rev().take(2).map(String::as_str).collect();
    if tail
        .iter()
        .any(|t| matches!(*t, "of" | "among" | "from" | "than" | "von" | "unter"))
        && parts.len() > 2
    {
        parts.remove(0);
    }
    parts
}

/// The index of the sentence that holds quantity `i`.
fn sentence_of(doc: &Doc<'_>, i: usize) -> usize {
    let start = doc.quantities[i].span.start;
    doc.sentences
        .partition_point(|s| s.end <= start)
        .min(doc.sentences.len().saturating_sub(1))
}

fn find(doc: &Doc<'_>) -> Vec<Claim> {
    let mut out = Vec::new();
    for &s in &doc.sentences {
        let range = doc.in_sentence(s);
        let mut used = Vec::new();
        for c in range.clone() {
            if !addable(doc.quantities[c].kind) || used.contains(&c) {
                continue;
            }
            let found = list_then_total(doc, &range, c)
                .or_else(|| total_then_list(doc, s, &range, c))
                .or_else(|| equation(doc, &range, c));
            if let Some((parts, claim)) = found {
                used.extend(parts);
                used.push(c);
                out.push(claim);
            }
        }
    }
    out
}

/// "A and B together total C", "A and B, a combined C", "A and B, or C in total".
fn list_then_total(
    doc: &Doc<'_>,
    range: &std::ops::Range<usize>,
    c: usize,
) -> Option<(Vec<usize>, Claim)> {
    if c == range.start {
        return None;
    }
    let last = c - 1;
    if !alike(doc, last, c) {
        return None;
    }
    let gap = tokens(doc.between(last, c));
    let words = gap
        .iter()
        .filter(|t| t.chars().any(char::is_alphabetic))
        .count();
    if words > 6 || gap.iter().any(|t| matches!(t.as_str(), ";" | ":" | "%")) {
        return None;
    }
    let s = doc.sentences[sentence_of(doc, c)];
    let after = tokens(doc.after(c, s, 24));
    let cue_before = TOTAL_CUES.iter().any(|p| has_phrase(&gap, p));
    // "…, or 300 in total", "… 87 people altogether": the cue after the total and its noun
    let cue_after = ["in total", "in all", "altogether", "combined", "insgesamt"]
        .iter()
        .any(|p| {
            let ws: Vec<&str> = p.split(' ').collect();
            (0..=2).any(|skip| {
                after.len() >= skip + ws.len()
                    && after[..skip]
                        .iter()
                        .all(|w| w.chars().all(char::is_alphabetic))
                    && after[skip..].iter().zip(&ws).all(|(a, b)| a == b)
            })
        });
    if !(cue_before || cue_after) || NOT_COMPLETE.iter().any(|p| has_phrase(&gap, p)) {
        return None;
    }
    let parts = parts_ending(doc, range, last);
    claim(doc, &parts, c).map(|cl| (parts, cl))
}

/// "a total of C: A … and B …", "C in total: A and B", "insgesamt C: A und B".
fn total_then_list(
    doc: &Doc<'_>,
    s: crate::quantity::Span,
    range: &std::ops::Range<usize>,
    c: usize,
) -> Option<(Vec<usize>, Claim)> {
    let lead = tokens(doc.before(c, s, 24));
    let n = lead.len();
    let cue_before = (n >= 3 && lead[n - 3..] == ["a", "total", "of"])
        || (n >= 2 && lead[n - 2..] == ["total", "of"])
        || lead
            .last()
            .is_some_and(|w| matches!(w.as_str(), "totalling" | "totaling" | "insgesamt"));
    let next = range.clone().find(|&i| i > c)?;
    let gap = &doc.text[doc.quantities[c].span.end..start_of(doc, next)];
    let (colon, mark) = gap
        .char_indices()
        .find(|(_, c)| matches!(c, ':' | '—' | '–'))?;
    let head = tokens(&gap[..colon]);
    let cue_after = has_phrase(&head, "in total") || has_phrase(&head, "altogether");
    let words = head
        .iter()
        .filter(|t| t.chars().any(char::is_alphabetic))
        .count();
    if !(cue_before || cue_after) || words > 4 || head.iter().any(|t| t == ",") {
        return None;
    }
    let rest = tokens(&gap[colon + mark.len_utf8()..]);
    if rest
        .iter()
        .filter(|t| t.chars().any(char::is_alphabetic))
        .count()
        > 3
    {
        return None;
    }
    // Every quantity after the colon must be a part, and the list must end the sentence.
    let after: Vec<usize> = range.clone().filter(|&i| i > c).collect();
    if after.len() < 2 || !after.iter().all(|&i| alike(doc, i, c)) {
        return None;
    }
    let last = *after.last()?;
    let parts = parts_ending(doc, range, last);
    if parts != after {
        return None;
    }
    let tail = tokens(doc.after(last, s, 400));
    if tail
        .iter()
        .filter(|t| t.chars().any(char::is_alphabetic))
        .count()
        > 3
    {
        return None;
    }
    claim(doc, &parts, c).map(|cl| (parts, cl))
}

/// "A + B = C", "A plus B equals C".
fn equation(
    doc: &Doc<'_>,
    range: &std::ops::Range<usize>,
    c: usize,
) -> Option<(Vec<usize>, Claim)> {
    if c == range.start {
        return None;
    }
    let eq = doc.between(c - 1, c).trim();
    if !matches!(eq, "=" | "equals" | "equal") {
        return None;
    }
    let mut parts = vec![c - 1];
    let mut j = c - 1;
    while j > range.start && matches!(doc.between(j - 1, j).trim(), "+" | "plus") {
        j -= 1;
        parts.push(j);
    }
    parts.reverse();
    if parts.len() < 2 || !parts.iter().all(|&i| alike(doc, i, c)) {
        return None;
    }
    // One-digit sums ("2+2=5" on a poster) are rhetoric, not reported figures.
    let one_digit = |i: usize| {
        doc.quantities[i]
            .value
            .is_some_and(|v| v.abs() < Decimal::TEN && v.fract().is_zero())
    };
    if parts.iter().all(|&i| one_digit(i)) && one_digit(c) {
        return None;
    }
    claim(doc, &parts, c).map(|cl| (parts, cl))
}

/// Where the text of quantity `i` starts, with its hedge.
fn start_of(doc: &Doc<'_>, i: usize) -> usize {
    let q = &doc.quantities[i];
    q.hedge
        .as_ref()
        .map_or(q.span.start, |h| h.span.start.min(q.span.start))
}

/// The stated total of quantity `c`. In "add up to 2.7 million" the "up to" is the verb's,
/// not a hedge of the total.
fn stated_total(doc: &Doc<'_>, c: usize) -> Option<Stated> {
    let q = &doc.quantities[c];
    let verb = q.hedge.as_ref().is_some_and(|h| {
        h.text.eq_ignore_ascii_case("up to")
            && crate::lex::word_before(doc.text, h.span.start).is_some_and(|(_, w)| {
                matches!(
                    w.to_lowercase().as_str(),
                    "add" | "adds" | "added" | "adding"
                )
            })
    });
    if verb {
        let mut q = q.clone();
        q.hedge = None;
        q.high = None;
        return Stated::from_quantity(doc.text, &q);
    }
    doc.stated(c)
}

/// The claim that the parts add up to quantity `c`, if the figures allow one.
fn claim(doc: &Doc<'_>, parts: &[usize], c: usize) -> Option<Claim> {
    if parts.len() < 2 || parts.iter().any(|&i| doc.quantities[i].hedge.is_some()) {
        return None;
    }
    let inputs: Vec<Operand> = parts
        .iter()
        .map(|&i| doc.operand_with_fact(i))
        .collect::<Option<_>>()?;
    let stated = stated_total(doc, c)?;
    let total = stated.value;
    if total <= Decimal::ZERO
        || inputs
            .iter()
            .any(|o| o.value > total || o.value.is_sign_negative())
    {
        return None;
    }
    // Scale words must agree: "$1.2 and $1.5 billion" leaves the first without its scale.
    let scaled = |i: usize| doc.quantities[i].scale.is_some();
    if parts.iter().any(|&i| scaled(i)) || scaled(c) {
        let small = parts.iter().any(|&i| {
            !scaled(i)
                && doc.quantities[i]
                    .value
                    .is_some_and(|v| v.abs() < Decimal::ONE_THOUSAND)
        });
        if small {
            return None;
        }
    }
    let sum: Decimal = inputs.iter().map(|o| o.value).sum();
    if sum * Decimal::TWO < total || sum > total * Decimal::TWO {
        return None;
    }
    Some(Claim::new(
        RULE.id,
        stated,
        Expr::sum(0..inputs.len()),
        inputs,
    ))
}

#[cfg(test)]
mod tests {
    use crate::check::Verdict;
    use crate::claims::rules::tests::run;

    /// Asserts the verdicts of the rule on `text`, showing its messages if they differ.
    fn verdicts(text: &str, want: &[Verdict]) {
        crate::claims::rules::tests::verdicts_of("sum", text, want);
    }

    #[test]
    fn parts_then_their_total() {
        assert_eq!(
            run(
                "sum",
                "The 120 boys and 180 girls together total 300 children."
            ),
            [(
                Verdict::Ok,
                "120 + 180 = 300, the text says 300".to_string()
            )]
        );
        verdicts(
            "The 120 boys and 180 girls together total 310 children.",
            &[Verdict::Mismatch],
        );
        verdicts(
            "Sales were $5.2 million in January and $6.1 million in February, a combined $11.3 million.",
            &[Verdict::Ok],
        );
        verdicts(
            "Minneapolis (430.000), St. Paul (310.000) and Bloomington (90.000) together have 830.000 inhabitants.",
            &[Verdict::Ok],
        );
        verdicts(
            "They hired 40 nurses, 25 doctors and 12 clerks, or 87 people in total.",
            &[Verdict::Mismatch],
        );
        // The figure after "of" is the whole the parts come from, not a part.
        verdicts(
            "Of the 1,000 respondents, 120 men, 80 boys and 180 women together gave 390 answers.",
            &[Verdict::Mismatch],
        );
        verdicts(
            "Ticket sales of 1.2 million and 1.4 million add up to 2.7 million.",
            &[Verdict::Imprecise],
        );
    }

    #[test]
    fn total_then_its_parts() {
        assert_eq!(
            run(
                "sum",
                "There were a total of 310 children: 120 boys and 180 girls."
            ),
            [(
                Verdict::Mismatch,
                "120 + 180 = 300, the text says 310".to_string()
            )]
        );
        verdicts(
            "The plan costs $950 million in total: $400 million for roads, $350 million for rail and $200 million for buses.",
            &[Verdict::Ok],
        );
    }

    #[test]
    fn equations() {
        verdicts("That makes 30 + 40 = 70.", &[Verdict::Ok]);
        // A one-digit slogan is rhetoric.
        assert!(run("sum", "They held a blackboard reading 2+2=5.").is_empty());
        verdicts(
            "As 1,250 + 3,400 + 800 = 5,550, the sum is wrong.",
            &[Verdict::Mismatch],
        );
    }

    #[test]
    fn german_sums() {
        verdicts(
            "Die 120 Jungen und 180 Mädchen sind zusammen 300 Kinder.",
            &[Verdict::Ok],
        );
        verdicts(
            "Insgesamt 310 Kinder: 120 Jungen und 180 Mädchen.",
            &[Verdict::Mismatch],
        );
    }

    #[test]
    fn does_not_fire_on_running_totals_incomplete_lists_or_mixed_kinds() {
        for text in [
            "Another 50 cases and 20 deaths were reported, bringing the total to 1,250.",
            "The 120 boys and 180 girls were joined by 300 adults.",
            "A total of 310 children, including 120 boys and 180 girls, attended.",
            "There were 310 children: 120 boys and 180 girls.",
            "The 500 workers and 20 managers together earn $5 million.",
            "It has 40 nurses and 25 doctors; in total 800 staff work there.",
            "They sold 5 cars and 6 trucks, together 1,100 vehicles.",
            "Sales of $1.2 and $1.5 billion together make $2.7 billion.",
            "The 2019 and 2020 budgets together total 300 pages.",
            "More than 100 and 200 together total 300.",
        ] {
            assert!(
                run("sum", text).is_empty(),
                "{text}: {:?}",
                run("sum", text)
            );
        }
    }
}
