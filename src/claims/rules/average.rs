//! `average`: an amount, a count, and the average per counted thing the text gives.

use crate::check::{Claim, Expr, Operand};
use crate::claims::{Doc, Rule};
use crate::quantity::{Kind, Span};
use rust_decimal::Decimal;

macro_rules! doc {
    () => {
        "## What it checks
An amount (A), a count (B) and the average the text gives per counted thing (C): \"1,200
people in 400 households, an average of 3 per household\", \"$5 million across 200 schools, or
$25,000 each\", \"400 households with 1,200 people, 3 per household\"; and rates: \"250 deaths
in a population of 2 million, or 12.5 per 100,000 residents\". C must be A ÷ B (or A ÷ B ×
100,000 for a rate). German \"pro\" and \"je\" are read like \"per\".

## Why it matters
Averages and rates are derived in the newsroom, not copied from a source, so slips (a wrong
divisor, a rate per 10,000 given as per 100,000) are common.

## Example
\"The fund paid out $5 million across 200 schools, or $20,000 each.\" → $5 million ÷ 200 =
25,000, the text says $20,000: `mismatch`.

## Verdicts
`ok` when A ÷ B rounds to C, `imprecise` when only the rounding of A and B reaches C, `mismatch`
otherwise.

## Tolerance
Every figure stands for its rounding interval; a hedged average (\"about 3 per household\")
for its hedge. The base of a rate (100,000) is exact.

## When it does not fire
When the noun after \"per\" is not the noun of the count (\"40 hours per week in 5 offices\");
when the amount and the average differ in kind or currency; when A and B are not linked by a
preposition such as \"in\", \"across\", \"among\", \"for\", \"with\"; for earnings or dividends
per share, which are taken over a weighted average of shares the text rarely gives; when more
than one count or population could be meant; and when A ÷ B is less than half or more than
twice C (ten times for rates), which points at a misread rather than an error."
    };
}

#[doc = doc!()]
pub const RULE: Rule = Rule {
    id: "average",
    summary: "an average per thing must be the amount divided by the count",
    doc: doc!(),
    find: crate::claims::Finder::Claims(find),
};

/// Prepositions that put an amount over a count: "1,200 people in 400 households".
const OVER: &[&str] = &[
    "in", "across", "among", "amongst", "between", "for", "over", "to", "into", "on", "from",
    "shared", "spread", "divided", "auf", "für", "unter", "in", "an",
];

/// Words that put a count before its amount: "400 households with 1,200 people".
const WITH: &[&str] = &[
    "with", "have", "has", "had", "holding", "sharing", "housing", "mit", "haben", "hatten",
];

/// Nouns for people, which "per capita", "per head", "per person" refer to.
const PEOPLE: &[&str] = &[
    "people",
    "person",
    "persons",
    "residents",
    "resident",
    "inhabitants",
    "inhabitant",
    "citizens",
    "citizen",
    "population",
    "einwohner",
    "menschen",
    "personen",
    "bürger",
];

/// The lower-case words of `s`, punctuation dropped.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A noun reduced to a comparable stem: plural endings dropped.
fn stem(w: &str) -> String {
    let w = w.to_lowercase();
    for (plural, single) in [
        ("people", "person"),
        ("children", "child"),
        ("men", "man"),
        ("women", "woman"),
    ] {
        if w == plural {
            return single.to_string();
        }
    }
    if let Some(s) = w.strip_suffix("ies") {
        return format!("{s}y");
    }
    for suffix in ["sses", "shes", "ches", "xes"] {
        if w.ends_with(suffix) {
            return w[..w.len() - 2].to_string();
        }
    }
    if w.ends_with('s') && !w.ends_with("ss") && w.len() > 3 {
        return w[..w.len() - 1].to_string();
    }
    // German plurals: "Haushalte" / "Haushalt", "Einwohner" / "Einwohnern"
    if let Some(s) = w.strip_suffix("en").filter(|s| s.len() > 3) {
        return s.to_string();
    }
    if let Some(s) = w.strip_suffix('e').filter(|s| s.len() > 3) {
        return s.to_string();
    }
    if let Some(s) = w
        .strip_suffix('n')
        .filter(|s| s.len() > 3 && s.ends_with("er"))
    {
        return s.to_string();
    }
    w
}

/// The noun right after quantity `i` (its first word), if a word follows.
fn noun_after(doc: &Doc<'_>, i: usize) -> Option<String> {
    let q = &doc.quantities[i];
    let rest = &doc.text[q.span.end..];
    if !rest.starts_with([' ', '\u{a0}']) {
        return None;
    }
    words(rest.get(..rest.len().min(40))?).into_iter().next()
}

/// The noun of a count: the unit word of a measure ("300 days"), else the word after it.
fn count_noun(doc: &Doc<'_>, i: usize) -> Option<String> {
    if doc.quantities[i].kind == Kind::Measure {
        return words(doc.text_of(i)).pop();
    }
    noun_after(doc, i)
}

/// Whether two nouns name the same thing.
fn same_noun(a: &str, b: &str) -> bool {
    let (a, b) = (stem(a), stem(b));
    a == b || (PEOPLE.iter().any(|p| stem(p) == a) && PEOPLE.iter().any(|p| stem(p) == b))
}

/// How the text presents the average C.
enum Per {
    /// "per household", "a household", "pro Haushalt": the noun of the count.
    Noun(String),
    /// "each", "apiece", "an average of", "on average": the count is the one linked to the
    /// amount.
    Each,
}

/// How quantity `c` is presented as an average, if it is.
fn per_of(doc: &Doc<'_>, s: Span, c: usize) -> Option<Per> {
    let after = words(doc.after(c, s, 40));
    let before = words(doc.before(c, s, 30));
    // the average may carry its own noun: "3.25 people per household"
    let skip = usize::from(
        after.len() > 1
            && matches!(after[1].as_str(), "per" | "pro" | "je" | "each" | "apiece")
            && after[0].chars().all(char::is_alphabetic)
            && !matches!(after[0].as_str(), "per" | "pro" | "je" | "each"),
    );
    let after = &after[skip..];
    let first = after.first().map(String::as_str);
    match first {
        Some("per" | "pro" | "je") => {
            let noun = after.get(1)?;
            return match noun.as_str() {
                "capita" | "head" | "kopf" => Some(Per::Noun("person".to_string())),
                "share" | "aktie" | "cent" | "mille" => None,
                n if n.chars().all(char::is_alphabetic) => Some(Per::Noun(n.to_string())),
                _ => None,
            };
        }
        // "… or $20,000 each." ends the clause; "five going each way" is no average.
        Some("each" | "apiece" | "jeweils") => {
            let raw = doc.after(c, s, 60);
            let w = first.unwrap_or("each");
            let tail = raw.find(w).map_or("", |i| &raw[i + w.len()..]);
            let ends = tail
                .trim_start()
                .chars()
                .next()
                .is_none_or(|ch| !ch.is_alphanumeric());
            return ends.then_some(Per::Each);
        }
        _ => {}
    }
    let b: Vec<&str> = before.iter().map(String::as_str).collect();
    let average = matches!(
        b.as_slice(),
        [.., "average", "of"]
            | [.., "averaging"]
            | [.., "on", "average"]
            | [.., "durchschnittlich"]
            | [.., "im", "schnitt"]
    );
    let a: Vec<&str> = after.iter().map(String::as_str).collect();
    let average = average
        || matches!(
            a.as_slice(),
            [_, "on", "average", ..] | ["on", "average", ..] | ["im", "schnitt", ..]
        );
    average.then_some(Per::Each)
}

/// Kinds an amount or average may have.
fn amount(k: Kind) -> bool {
    matches!(k, Kind::Number | Kind::Money | Kind::Measure)
}

fn find(doc: &Doc<'_>) -> Vec<Claim> {
    let mut out = Vec::new();
    for &s in &doc.sentences {
        let range = doc.in_sentence(s);
        for c in range.clone() {
            let qc = &doc.quantities[c];
            if !amount(qc.kind) {
                continue;
            }
            if let Some(claim) = rate(doc, s, &range, c) {
                out.push(claim);
                continue;
            }
            let Some(per) = per_of(doc, s, c) else {
                continue;
            };
            if let Some(claim) = average(doc, &range, c, &per) {
                out.push(claim);
            }
        }
    }
    out
}

/// The count B and amount A for the average C, both before C in the sentence.
fn average(doc: &Doc<'_>, range: &std::ops::Range<usize>, c: usize, per: &Per) -> Option<Claim> {
    let qc = &doc.quantities[c];
    let before: Vec<usize> = range.clone().filter(|&i| i < c).collect();
    // Pairs (A, B) linked by a preposition, A before B ("in") or B before A ("with").
    let mut pairs = Vec::new();
    for w in before.windows(2) {
        let (x, y) = (w[0], w[1]);
        let gap = words(doc.between(x, y));
        if gap.len() > 4 || doc.between(x, y).contains([';', ':', '(', ')']) {
            continue;
        }
        let (a, b) = if gap.iter().any(|g| OVER.contains(&g.as_str())) {
            (x, y)
        } else if gap.iter().any(|g| WITH.contains(&g.as_str())) {
            (y, x)
        } else {
            continue;
        };
        let (qa, qb) = (&doc.quantities[a], &doc.quantities[b]);
        if qa.kind != qc.kind
            || qa.unit != qc.unit
            || !matches!(qb.kind, Kind::Number | Kind::Measure)
        {
            continue;
        }
        if let Per::Noun(n) = per
            && !count_noun(doc, b).is_some_and(|nb| same_noun(&nb, n))
        {
            continue;
        }
        pairs.push((a, b));
    }
    // One reading only.
    let [(a, b)] = pairs.as_slice() else {
        return None;
    };
    let (a, b) = (*a, *b);
    if [a, b, c].iter().any(|&i| {
        let q = &doc.quantities[i];
        i != c && q.hedge.is_some()
    }) {
        return None;
    }
    let x = doc.operand(a)?;
    let y = doc.operand(b)?;
    let stated = doc.stated(c)?;
    if y.value <= Decimal::ZERO || x.value <= Decimal::ZERO || stated.value <= Decimal::ZERO {
        return None;
    }
    let derived = x.value.checked_div(y.value)?;
    if !plausible(derived, stated.value, Decimal::TWO) {
        return None;
    }
    Some(Claim::new(
        RULE.id,
        stated,
        Expr::Input(0) / Expr::Input(1),
        vec![x, y],
    ))
}

/// Whether `derived` lies within a factor `f` of `stated`.
fn plausible(derived: Decimal, stated: Decimal, f: Decimal) -> bool {
    derived * f >= stated && derived <= stated * f
}

/// "250 deaths in a population of 2 million, or 12.5 per 100,000 residents".
fn rate(doc: &Doc<'_>, s: Span, range: &std::ops::Range<usize>, c: usize) -> Option<Claim> {
    let base_i = c + 1;
    if base_i >= range.end || doc.between(c, base_i).trim() != "per" {
        return None;
    }
    let qb = &doc.quantities[base_i];
    let base = qb.value?;
    let bases = [100, 1_000, 10_000, 100_000, 1_000_000].map(Decimal::from);
    if qb.kind != Kind::Number || !bases.contains(&base) || doc.quantities[c].kind != Kind::Number {
        return None;
    }
    // The population: a count named as people, or after "population of".
    let others: Vec<usize> = range
        .clone()
        .filter(|&i| i != c && i != base_i && doc.quantities[i].kind == Kind::Number)
        .collect();
    let is_population = |i: usize| {
        let before = words(doc.before(i, s, 20));
        let tail: Vec<&str> = before.iter().rev().take(2).map(String::as_str).collect();
        tail == ["of", "population"]
            || tail == ["von", "bevölkerung"]
            || noun_after(doc, i).is_some_and(|n| PEOPLE.contains(&n.as_str()))
    };
    let populations: Vec<usize> = others
        .iter()
        .copied()
        .filter(|&i| is_population(i))
        .collect();
    let [p] = populations.as_slice() else {
        return None;
    };
    let counts: Vec<usize> = others.iter().copied().filter(|i| i != p).collect();
    let [n] = counts.as_slice() else {
        return None;
    };
    let (p, n) = (*p, *n);
    if doc.quantities[p].hedge.is_some() || doc.quantities[n].hedge.is_some() {
        return None;
    }
    let x = doc.operand(n)?;
    let y = doc.operand(p)?;
    let stated = doc.stated(c)?;
    if y.value <= x.value || x.value <= Decimal::ZERO || stated.value <= Decimal::ZERO {
        return None;
    }
    let derived = x.value.checked_div(y.value)?.checked_mul(base)?;
    if !plausible(derived, stated.value, Decimal::TEN) {
        return None;
    }
    let base_text = doc.text_of(base_i).to_string();
    Some(Claim::new(
        RULE.id,
        stated,
        Expr::Input(0) / Expr::Input(1) * Expr::Input(2),
        vec![x, y, Operand::constant(base, &base_text)],
    ))
}

#[cfg(test)]
mod tests {
    use crate::check::Verdict;
    use crate::claims::rules::tests::run;

    /// Asserts the verdicts of the rule on `text`, showing its messages if they differ.
    fn verdicts(text: &str, want: &[Verdict]) {
        crate::claims::rules::tests::verdicts_of("average", text, want);
    }

    #[test]
    fn per_the_noun_of_the_count() {
        assert_eq!(
            run(
                "average",
                "There were 1,200 people in 400 households, an average of 3 per household."
            ),
            [(Verdict::Ok, "1,200 ÷ 400 = 3, the text says 3".to_string())]
        );
        verdicts(
            "There were 1,200 people in 400 households, an average of 4 per household.",
            &[Verdict::Mismatch],
        );
        verdicts(
            "The 400 households with 1,300 people hold 3.25 people per household.",
            &[Verdict::Ok],
        );
        verdicts(
            "The region spent €4.2 million on 1,400 pupils, about €3,000 per pupil.",
            &[Verdict::Ok],
        );
    }

    #[test]
    fn each_and_on_average() {
        assert_eq!(
            run(
                "average",
                "The fund paid out $5 million across 200 schools, or $20,000 each."
            ),
            [(
                Verdict::Mismatch,
                "$5 million ÷ 200 = 25000, the text says $20,000".to_string()
            )]
        );
        verdicts(
            "The fund paid out $5 million across 200 schools, or $25,000 each.",
            &[Verdict::Ok],
        );
        verdicts(
            "In 2020, 90,000 visitors came in 300 days, averaging 300.",
            &[Verdict::Ok],
        );
    }

    #[test]
    fn rates_per_hundred_thousand() {
        assert_eq!(
            run(
                "average",
                "There were 250 deaths in a population of 2,000,000, or 12.5 per 100,000 residents."
            ),
            [(
                Verdict::Ok,
                "250 ÷ 2,000,000 × 100,000 = 12.5, the text says 12.5".to_string()
            )]
        );
        verdicts(
            "The city of 412,000 residents saw 52 murders, a rate of 15 per 100,000.",
            &[Verdict::Mismatch],
        );
    }

    #[test]
    fn german_averages() {
        verdicts(
            "Die 1.200 Menschen leben in 400 Haushalten, im Schnitt 3 pro Haushalt.",
            &[Verdict::Ok],
        );
    }

    #[test]
    fn does_not_fire_without_a_matching_count() {
        for text in [
            "The 300 employees work 40 hours per week in 5 offices.",
            "Net profit was 50 mln dlrs on 40 mln shares, or 1.20 dlrs per share.",
            "The 200 schools got $5 million, and 30 pupils each received a laptop.",
            "About 1,200 people in 400 households earn $3 per hour.",
            "It sold 1,200 cars in 400 days, and 3 per dealer.",
            "There were 250 deaths and 300 injuries in a population of 2 million, or 12.5 per 100,000 residents.",
            "Speeds of 120 km per hour were measured on 40 roads.",
            "They sold 1,200 tickets in 4 cities, or 30 each.",
            "There are 75 lanes on eight roads, five going each way.",
        ] {
            assert!(
                run("average", text).is_empty(),
                "{text}: {:?}",
                run("average", text)
            );
        }
    }
}
