//! `part-of-whole`: a part, the whole, and the share the text says the part is of it.

use crate::check::{Claim, Expr, Operand};
use crate::claims::{Doc, Rule, has_word};
use crate::quantity::{Kind, Span};

macro_rules! doc {
    () => {
        "## What it checks
A part, a whole and the share the text gives for the part: \"A is/are/make up/account for/
represent P% of B\", \"A and B together make up P% of C\", \"A of B (P%)\", \"A out of B, or P%\".
P must be A ÷ B (or (A + B) ÷ C). Values may stand in the sentence or be document facts
(\"Minneapolis (430.000)\" anywhere in the text).

## Why it matters
Shares of a population, a budget or a vote are the most common derived figures in news.

## Example
\"Minneapolis (430.000) and St. Paul (310.000) together make up just under 20% of the Twin
Cities population (3.76 million).\" → (430,000 + 310,000) ÷ 3,760,000 = 19.68%: `ok`, since
\"just under 20%\" allows [19%, 20%).

## Verdicts
`ok`, `imprecise`, `mismatch` as for every rule; `unverifiable` when the text never states the
whole (\"about 45% of the cities' workforce\"): the finding then says what whole the claim implies.

## Tolerance
Inputs stand for their rounding intervals; \"just under\"/\"nearly\" allow 5% below the stated
share, \"about\" ±10%.

## When it does not fire
When the part and the whole are of different kinds (a sum of money and a head count), when
the whole is smaller than the part, or when no share verb links them."
    };
}

#[doc = doc!()]
pub const RULE: Rule = Rule {
    id: "part-of-whole",
    summary: "a part's share of a whole must be part ÷ whole",
    doc: doc!(),
    find: crate::claims::Finder::Claims(find),
};

/// Verbs that say a part is a share of a whole, right before the share.
const VERBS: &[&str] = &[
    "make up",
    "makes up",
    "made up",
    "account for",
    "accounts for",
    "accounted for",
    "represent",
    "represents",
    "represented",
    "comprise",
    "comprises",
    "constitute",
    "constitutes",
    "is",
    "are",
    "was",
    "were",
    "be",
    "equal",
    "equals",
    "amount to",
    "amounts to",
    "or",
    "which is",
    "machen",
    "macht",
    "ausmachen",
    "sind",
    "ist",
];

/// Words that say several parts are added up.
const TOGETHER: &[&str] = &[
    "together",
    "combined",
    "between them",
    "jointly",
    "zusammen",
];

fn is_amount(k: Kind) -> bool {
    matches!(k, Kind::Number | Kind::Money)
}

/// Whether quantity `i` can be a part or a whole: an amount written with digits, or a spelled
/// one of at least ten ("One ADR represents 0.75 pct of one share" relates no counts).
fn amount(doc: &Doc<'_>, i: usize) -> bool {
    let q = &doc.quantities[i];
    is_amount(q.kind)
        && (doc.text_of(i).bytes().any(|b| b.is_ascii_digit())
            || q.value.is_some_and(|v| v >= rust_decimal::Decimal::TEN))
}

fn find(doc: &Doc<'_>) -> Vec<Claim> {
    let mut out = Vec::new();
    for (si, &s) in doc.sentences.iter().enumerate() {
        let range = doc.in_sentence(s);
        for p in range.clone() {
            if doc.quantities[p].kind != Kind::Percent {
                continue;
            }
            if let Some(c) = verb_share(doc, s, range.clone(), p, si) {
                out.push(c);
            } else if let Some(c) = parenthesised_share(doc, range.clone(), p) {
                out.push(c);
            }
        }
    }
    out
}

/// "A … make up P% of [the …] B": the share follows a verb, the whole follows "of".
fn verb_share(
    doc: &Doc<'_>,
    s: Span,
    range: std::ops::Range<usize>,
    p: usize,
    si: usize,
) -> Option<Claim> {
    let q = &doc.quantities[p];
    let head_end = q.hedge.as_ref().map_or(q.span.start, |h| h.span.start);
    // The verb stands right before the share; 200 bytes hold any of them and the part.
    let s = Span::new(head_end.saturating_sub(200).max(s.start), s.end);
    let s = Span::new(crate::locale::floor_char_boundary(doc.text, s.start), s.end);
    let head = doc.text[s.start..head_end].trim_end();
    let lower = head.to_lowercase();
    let verb = VERBS
        .iter()
        .filter(|v| lower.ends_with(&format!(" {v}")))
        .max_by_key(|v| v.len())?;
    let verb_start = s.start + head.len() - verb.len();
    // "or" links a part to its share only right after it: "637 mln dlrs, or 2.24 pct of …".
    if *verb == "or" {
        let before_or = doc.text[s.start..verb_start].trim_end();
        let part_ends_here = range.clone().any(|i| {
            i < p
                && amount(doc, i)
                && before_or
                    .strip_suffix(',')
                    .is_some_and(|b| b.trim_end().len() + s.start == doc.quantities[i].span.end)
        });
        if !part_ends_here {
            return None;
        }
    }
    // The parts stand in the verb's own clause: "…, and Millbrook makes up 25%".
    let clause_start = clause_start(doc.text, s.start, verb_start);
    let rest = doc.after(p, s, 400);
    if !rest.starts_with(" of ") && !rest.starts_with(" der ") && !rest.starts_with(" von ") {
        return None;
    }
    // The whole: the first amount after "of" in the sentence, or a fact named there.
    let whole_idx = range.clone().find(|&i| i > p && amount(doc, i));
    let of_phrase_end = whole_idx.map_or(s.end, |w| doc.quantities[w].span.start);
    let of_phrase = &doc.text[q.span.end..of_phrase_end];
    let whole = match whole_idx {
        Some(w) if names_whole(of_phrase) => doc.operand_with_fact(w),
        _ => fact_operand(
            doc,
            of_phrase
                .trim_end()
                .trim_end_matches(['(', '.', ',', ';', ')'])
                .trim_end(),
        )
        .or_else(|| previous_whole(doc, si, of_phrase, clause_start)),
    };
    // The parts: amounts before the verb in the sentence, all of them if "together".
    let before: Vec<usize> = range
        .clone()
        .filter(|&i| {
            let qs = doc.quantities[i].span;
            qs.start >= clause_start && qs.end <= verb_start && amount(doc, i)
        })
        .collect();
    let head_lower = doc.text[clause_start..verb_start].to_lowercase();
    let together = TOGETHER.iter().any(|t| has_word(&head_lower, t));
    let mut parts: Vec<Operand> = if together {
        before
            .iter()
            .filter_map(|&i| doc.operand_with_fact(i))
            .collect()
    } else {
        before
            .last()
            .and_then(|&i| {
                // The part must be the subject: nothing but words between it and the verb.
                // ("…, or P%" has its comma.)
                let gap = &doc.text[doc.quantities[i].span.end..verb_start];
                let gap = if *verb == "or" {
                    gap.trim().trim_start_matches(',')
                } else {
                    gap
                };
                (!gap.contains([',', ';', '%']))
                    .then(|| doc.operand_with_fact(i))
                    .flatten()
            })
            .into_iter()
            .collect()
    };
    if parts.is_empty() {
        // A named part: "Minneapolis makes up 11% of the Twin Cities population".
        if let Some(f) = fact_operand(doc, &doc.text[clause_start..verb_start]) {
            parts.push(f);
        } else if let Some(fr) = fraction_of_previous(doc, si) {
            parts.push(fr);
        }
    }
    let stated = doc.stated(p)?;
    let Some(whole) = whole else {
        // The text never states the whole: say what the claim implies it to be.
        let part = parts.first()?;
        if parts.len() != 1 || stated.value.is_zero() {
            return None;
        }
        let implied = part.value.checked_div(stated.value)?.round_dp(0);
        let of = of_phrase.trim().trim_end_matches(['.', ',']);
        let missing = format!(
            "the text never states {}; the claim implies it is about {} ({} ÷ {})",
            of.trim_start_matches("of ").trim(),
            implied.normalize(),
            part.text,
            stated.text
        );
        return Some(Claim {
            rule: RULE.id,
            stated,
            expr: Expr::Input(0),
            inputs: parts,
            missing: Some(missing),
            note: None,
            id: None,
        });
    };
    if parts.is_empty() {
        return None;
    }
    let wk = whole.value;
    let sum: rust_decimal::Decimal = parts.iter().map(|o| o.value).sum();
    // A whole of zero goes on to the checker, which reports the division by zero.
    if !wk.is_zero() && sum > wk {
        return None;
    }
    let n = parts.len();
    let mut inputs = parts;
    inputs.push(whole);
    Some(Claim::new(
        RULE.id,
        stated,
        Expr::sum(0..n) / Expr::Input(n),
        inputs,
    ))
}

/// Words that end an "of" phrase before a whole could follow: "2.5 pct of GNP from 1.79
/// billion" names no whole.
const BREAKS: &[&str] = &[
    "from", "to", "compared", "than", "and", "or", "at", "in", "on", "by", "versus", "vs", "while",
    "with", "after", "before", "since", "against", "up", "down", "last", "this", "year",
];

/// Whether the text between a share and the next amount is a plain "of" phrase naming that
/// amount as the whole: "of the 248,000", "of the Twin Cities population (".
fn names_whole(of_phrase: &str) -> bool {
    let p = of_phrase.trim();
    let Some(rest) = p
        .strip_prefix("of")
        .or_else(|| p.strip_prefix("der"))
        .or_else(|| p.strip_prefix("von"))
    else {
        return false;
    };
    let rest = rest.trim_end().trim_end_matches('(').trim_end();
    let words: Vec<&str> = rest.split_whitespace().collect();
    words.len() <= 6
        && !rest.contains([',', ';', '.', ':'])
        && !words
            .iter()
            .any(|w| BREAKS.contains(&w.to_lowercase().as_str()))
}

/// "A of B (P%)", "A out of B, or P%": the share stands right after the whole.
fn parenthesised_share(doc: &Doc<'_>, range: std::ops::Range<usize>, p: usize) -> Option<Claim> {
    let start = range.start;
    if p < start + 2 {
        return None;
    }
    let (a, b) = (p - 2, p - 1);
    let (qa, qb) = (&doc.quantities[a], &doc.quantities[b]);
    if !is_amount(qa.kind) || qa.kind != qb.kind || qa.unit != qb.unit {
        return None;
    }
    let link = doc.between(a, b).trim();
    // A noun may follow the second figure: "30 out of 120 seats, or 25%".
    let words_then = |gap: &str, ends: &[&str]| {
        ends.iter().any(|c| {
            format!(" {}", gap.trim())
                .strip_suffix(c)
                .is_some_and(|noun| {
                    noun.chars()
                        .all(|ch| ch.is_alphabetic() || ch == ' ' || ch == '\'' || ch == '’')
                })
        })
    };
    // An appositive share stands between commas or before a full stop: "4,400 of the 29,120
    // voters, 15.1%, were".
    let appositive = matches!(
        doc.after(p, range_span(doc, &range), 2).chars().next(),
        Some(',' | ')' | '.' | ';')
    );
    let connectors: &[&str] = if appositive {
        &["(", ", or", ", i.e.", " —", " –", ", that is", ","]
    } else {
        &["(", ", or", ", i.e.", " —", " –", ", that is"]
    };
    let (part, whole) = if matches!(link, "of" | "out of" | "of the" | "von" | "aus")
        && words_then(doc.between(b, p), connectors)
    {
        // "A of B (P%)", "A out of B, or P%".
        (a, b)
    } else if sentence_starts_with_of(doc, &range, a)
        && words_then(link, &[","])
        && words_then(doc.between(b, p), connectors)
    {
        // "Of the B voters, A cast a ballot, or P%."
        (b, a)
    } else {
        return None;
    };
    let (x, y) = (doc.operand_with_fact(part)?, doc.operand_with_fact(whole)?);
    if x.value > y.value || y.value.is_zero() {
        return None;
    }
    Some(Claim::new(
        RULE.id,
        doc.stated(p)?,
        Expr::Input(0) / Expr::Input(1),
        vec![x, y],
    ))
}

/// Where the clause that ends at `verb_start` begins: after the last ", and", ", but", "; "
/// or ", while" of the sentence before it.
fn clause_start(text: &str, sentence_start: usize, verb_start: usize) -> usize {
    let head = &text[sentence_start..verb_start];
    [
        ", and ",
        ", but ",
        "; ",
        ", while ",
        ", whereas ",
        ", und ",
        ", aber ",
    ]
    .iter()
    .filter_map(|c| head.rfind(c).map(|i| i + c.len()))
    .max()
    .map_or(sentence_start, |i| sentence_start + i)
}

/// "… of that population": the whole a demonstrative points back to: the last amount before
/// the part's clause in the same sentence, or else in the sentence before.
fn previous_whole(
    doc: &Doc<'_>,
    si: usize,
    of_phrase: &str,
    clause_start: usize,
) -> Option<Operand> {
    let p = of_phrase.trim();
    let demonstrative = ["of that ", "of this ", "of these ", "of those "]
        .iter()
        .any(|d| p.starts_with(d));
    if !demonstrative || p.split_whitespace().count() > 4 {
        return None;
    }
    let s = doc.sentences[si];
    let here = doc
        .in_sentence(s)
        .rfind(|&i| doc.quantities[i].span.end <= clause_start && amount(doc, i));
    let last = here.or_else(|| {
        let prev = *doc.sentences.get(si.checked_sub(1)?)?;
        doc.in_sentence(prev).rfind(|&i| amount(doc, i))
    })?;
    doc.operand_with_fact(last)
}

/// The span of the sentence that holds the quantities `range`.
fn range_span(doc: &Doc<'_>, range: &std::ops::Range<usize>) -> Span {
    doc.sentences
        .iter()
        .copied()
        .find(|s| {
            s.start <= doc.quantities[range.start].span.start
                && doc.quantities[range.start].span.start < s.end
        })
        .unwrap_or(Span::new(0, doc.text.len()))
}

/// Whether the sentence opens with "Of [the]" right before quantity `a`: "Of the 52,000 …".
fn sentence_starts_with_of(doc: &Doc<'_>, range: &std::ops::Range<usize>, a: usize) -> bool {
    let s = range_span(doc, range);
    let head = doc.text[s.start..doc.quantities[a].span.start].trim_start();
    matches!(head.trim_end(), "Of the" | "Of" | "Of all" | "Von den")
}

/// The operand of the fact whose name ends `fragment`.
fn fact_operand(doc: &Doc<'_>, fragment: &str) -> Option<Operand> {
    let f = doc.facts.ending(fragment)?;
    let mut o = doc.operand(f.quantity)?;
    o.fact = Some(f.name.clone());
    Some(o)
}

/// "half of those …": a fraction of the last amount of the previous sentence, as an operand.
fn fraction_of_previous(doc: &Doc<'_>, si: usize) -> Option<Operand> {
    let s = doc.sentences[si];
    let fi = doc
        .in_sentence(s)
        .find(|&i| doc.quantities[i].kind == Kind::Fraction)?;
    let after = doc.after(fi, s, 12).trim_start();
    if !(after.starts_with("of those")
        || after.starts_with("of them")
        || after.starts_with("of these"))
    {
        return None;
    }
    let prev = doc.sentences.get(si.checked_sub(1)?)?;
    let base = doc
        .in_sentence(*prev)
        .rfind(|&i| doc.quantities[i].kind == Kind::Number)?;
    let f = doc.operand(fi)?;
    let b = doc.operand(base)?;
    let value = f.value.checked_mul(b.value)?;
    let range = f.range.checked_mul(b.range).ok()?;
    Some(Operand {
        text: format!("{} of {}", f.text, b.text),
        value,
        range,
        span: f.span,
        fact: None,
    })
}

#[cfg(test)]
mod tests {
    use crate::check::Verdict;
    use crate::claims::rules::tests::run;

    #[test]
    fn parts_together_of_a_whole() {
        let v = run(
            "part-of-whole",
            "Minneapolis (430.000) and St. Paul (310.000) together make up just under 20% of the Twin Cities population (3.76 million).",
        );
        assert_eq!(
            v,
            [(
                Verdict::Ok,
                "(430.000 + 310.000) ÷ 3.76 million = 19.7%, the text says just under 20%"
                    .to_string()
            )]
        );
        let v = run(
            "part-of-whole",
            "The 62,000 people of Millbrook make up 25% of the 248,000 people of both towns.",
        );
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        let v = run(
            "part-of-whole",
            "The 62,000 people of Millbrook make up 30% of the 248,000 people of both towns.",
        );
        assert_eq!(v[0].0, Verdict::Mismatch, "{v:?}");
    }

    #[test]
    fn share_after_the_whole() {
        let v = run(
            "part-of-whole",
            "Public safety takes $88 million of the $412 million (21.4%).",
        );
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        let v = run("part-of-whole", "They won 30 out of 120 seats, or 30%.");
        assert_eq!(v[0].0, Verdict::Mismatch, "{v:?}");
    }

    #[test]
    fn a_demonstrative_points_to_the_last_whole() {
        let text = "Millbrook has 62,000 inhabitants. Together the two towns are home to 248,000 people, and Millbrook makes up 25% of that population.";
        let v = run("part-of-whole", text);
        assert_eq!(
            v,
            [(
                Verdict::Ok,
                "62,000 ÷ 248,000 = 25%, the text says 25%".to_string()
            )]
        );
        let text = "Millbrook has 62,000 inhabitants. The two towns have 248,000 people. Millbrook makes up 35% of that population.";
        assert_eq!(run("part-of-whole", text)[0].0, Verdict::Mismatch);
    }

    #[test]
    fn whole_first_and_appositive_shares() {
        let v = run(
            "part-of-whole",
            "Of the 52,000 registered voters, 29,120 cast a ballot, or 56%.",
        );
        assert_eq!(
            v,
            [(
                Verdict::Ok,
                "29,120 ÷ 52,000 = 56%, the text says 56%".to_string()
            )]
        );
        let v = run(
            "part-of-whole",
            "Some 4,400 of the 29,120 voters, 15.1%, were new.",
        );
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        let v = run(
            "part-of-whole",
            "Some 4,400 of the 29,120 voters, 25.1%, were new.",
        );
        assert_eq!(v[0].0, Verdict::Mismatch, "{v:?}");
        // A comma alone does not make the next share the part's: here 15% is another figure.
        assert!(
            run(
                "part-of-whole",
                "Some 4,400 of the 29,120 voters, 15% more than in 2019 said so."
            )
            .is_empty()
        );
    }

    #[test]
    fn named_facts_from_elsewhere() {
        let v = run(
            "part-of-whole",
            "Ulm has 126,000 inhabitants. The region has 500,000 inhabitants. Ulm makes up 25% of the region.",
        );
        // "The region has 500,000 inhabitants" makes "region" a fact.
        assert_eq!(
            v,
            [(
                Verdict::Ok,
                "126,000 ÷ 500,000 = 25.2%, the text says 25%".to_string()
            )]
        );
        let v = run(
            "part-of-whole",
            "Ulm (126,000) lies in Swabia (1,800,000). Ulm makes up 7% of Swabia.",
        );
        assert_eq!(
            v,
            [(
                Verdict::Ok,
                "126,000 ÷ 1,800,000 = 7%, the text says 7%".to_string()
            )]
        );
    }

    #[test]
    fn unstated_whole_is_unverifiable_with_the_implied_whole() {
        let v = run(
            "part-of-whole",
            "Some 380.000 workers refused to work. If only half of those are in the cities, that would be about 45% of the cities' workforce.",
        );
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].0, Verdict::Unverifiable);
        assert!(v[0].1.contains("the cities' workforce; the claim implies it is about 422222 (half of 380.000 ÷ about 45%)"), "{}", v[0].1);
    }

    #[test]
    fn or_links_only_the_figure_right_before_it() {
        let v = run(
            "part-of-whole",
            "Bad loans were 637 mln dlrs, or 2.24 pct of the 28,437 mln dlrs of assets.",
        );
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        let text = "The repayment rate is 2.85 dlrs, the world price or 50 pct of the loan rate of 7.20 dlrs per cwt.";
        assert!(run("part-of-whole", text).is_empty());
        assert!(
            run(
                "part-of-whole",
                "One ADR represents 0.75 pct of one B share."
            )
            .is_empty()
        );
    }

    #[test]
    fn does_not_fire_on_unrelated_numbers() {
        assert!(run("part-of-whole", "In 2020, 45% of voters stayed home.").is_empty());
        assert!(
            run(
                "part-of-whole",
                "We sold 500 cars, and prices rose 5% of late."
            )
            .is_empty()
        );
        // Money and a head count are no part and whole.
        assert!(run("part-of-whole", "$5 million of the 200 workers (3%) left.").is_empty());
        // A whole smaller than the part is no whole.
        assert!(run("part-of-whole", "The 500 firms are 20% of the 100 sectors.").is_empty());
        // The amount after the "of" phrase is another figure, not the whole.
        let v = run(
            "part-of-whole",
            "The deficit will narrow to 1.19 billion ringgit or 1.8 pct of GNP from 1.79 billion a year earlier.",
        );
        assert!(
            v.iter()
                .all(|(verdict, _)| *verdict == Verdict::Unverifiable),
            "{v:?}"
        );
    }
}
