//! `sum`: parts and the total the text gives for them.

use crate::check::{Claim, Expr, Operand, Stated};
use crate::claims::frame::Match;
use crate::claims::{Candidate, Doc, Finder, Frames, Rule};
use crate::quantity::{HedgeKind, Kind};
use crate::tokens::{Cue, Cues, Tok, Token};
use rust_decimal::Decimal;
use std::sync::LazyLock;

macro_rules! doc {
    () => {
        "## What it checks
Parts and the total the text gives for them: \"A and B together total C\", \"A and B, a combined
C\", \"A, B and C, or D in total\", \"a total of D: A … and B …\", \"A + B = C\", German \"A und
B zusammen C\", \"insgesamt C: A … und B …\". The total must be the sum of the parts. Parts and
total must be of one kind and unit: counts, or sums of money in one currency, or measures in
one unit; after a total of money, parts with its scale word and no currency (\"250 Millionen
Euro: 100 Millionen für …\") are of its currency. A part may be a document fact (\"Minneapolis (430.000) and St. Paul (310.000)
together have 740,000 inhabitants\"), or a count of things that each hold a stated multiple
(\"three triple turrets and two double turrets, 13 guns in all\" → 3 × 3 + 2 × 2).

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
Without a word of the total class (\"together\", \"combined\", \"in total\", \"in all\", \"a total
of\", \"altogether\", \"insgesamt\", \"zusammen\", \"add up to\") or an equals sign between the
last part and the total, or a colon or dash between a total and its list; for running totals
(\"bringing the total to 1,250\": a total followed by \"to\"), whose earlier total the text does
not give; for lists with \"including\", \"of which\" or \"darunter\", which need not be complete;
when a link of the list holds a semicolon, more than four words, a rate (\"per\", \"each\", \"a
year\") or another figure; when parts and total differ in kind, unit or currency, or carry
hedges (\"more than 100 and 200\"); when a part exceeds the total; for sums of one-digit
figures in an equation (\"2+2=5\"); and when the parts' sum is less than half or more than twice
the total, which points at a misread list rather than an error."
    };
}

#[doc = doc!()]
pub const RULE: Rule = Rule {
    id: "sum",
    summary: "a stated total must be the sum of its parts",
    doc: doc!(),
    find: Finder::Candidates(find),
};

/// The frames of a sum. Roles: `last` the last part of a list before its total, `first` the
/// first part of a list after it, `c` the total, `t` the word that makes it the total, `v` the
/// verb of "add up to", `e` an equals sign or word. The builder walks the list from `last`
/// back, or from `first` on.
static FRAMES: LazyLock<Frames> = LazyLock::new(|| {
    Frames::new(&[
        // "120 boys and 180 girls together total 300 children", "$6.1 million in March, a
        // combined $11.3 million", "Die 120 Jungen und 180 Mädchen sind zusammen 300 Kinder"
        (80, "{last:amt} _4 {t:TOGETHER|TOTAL} _2 {c:amt}"),
        // "tickets of 1.2 million and 1.4 million add up to 2.7 million"
        (80, "{last:amt} _3 {v:UP} {c:amt}"),
        // "9 pilots, 30 nurses and 12 clerks, or 51 staff in all", "16 guns altogether"
        (75, "{last:amt} _3 ,? OR? {c:amt} _2 {t:TOTAL|TOGETHER}"),
        // "There were a total of 310 pupils: 120 boys and 190 girls", "In all, 300 seats – …"
        (75, "{t:TOTAL} ,? OF? {c:amt} _3 :|– _3 {first:amt}"),
        // "The plan costs $950 million in total: $400 million for roads, …"
        (75, "{c:amt} _2 {t:TOTAL} _2 :|– _3 {first:amt}"),
        // "30 + 40 = 70", "1,250 plus 3,400 equals 4,650"
        (80, "{last:amt} {e:EQUALS} {c:amt}"),
    ])
});

/// Cues in a link of a list that make its parts rates, or the list one that need not be
/// complete: "per", "each", "including", "of which".
const NOT_A_LIST: Cues = Cues(Cue::Per.set().0 | Cue::Every.set().0 | Cue::Including.set().0);

fn find(doc: &Doc<'_>) -> Vec<Candidate> {
    doc.matches(&FRAMES)
        .filter_map(|(si, m, support)| {
            let parts = if m.has("first") {
                list_after(doc, si, &m)?
            } else {
                list_before(doc, si, &m)?
            };
            let c = m.token("c")?;
            claim(doc, si, &parts, c).map(|cl| Candidate::new(cl, support))
        })
        .collect()
}

/// Kinds that can be added.
fn addable(k: Kind) -> bool {
    matches!(k, Kind::Number | Kind::Money | Kind::Measure)
}

/// Whether quantities `i` and `j` are of one kind and unit.
fn alike(doc: &Doc<'_>, i: usize, j: usize) -> bool {
    let (a, b) = (&doc.quantities[i], &doc.quantities[j]);
    addable(a.kind) && a.kind == b.kind && a.unit == b.unit
}

/// Whether part `i` is of total `c`'s kind with the currency left out: "250 Millionen Euro: 100
/// Millionen für Schulen, …", a bare figure with the total's scale word.
fn elided(doc: &Doc<'_>, i: usize, c: usize) -> bool {
    let (part, total) = (&doc.quantities[i], &doc.quantities[c]);
    part.kind == Kind::Number
        && part.unit.is_none()
        && total.kind == Kind::Money
        && part.scale.is_some()
        && part.scale == total.scale
}

/// Whether the tokens `toks` state a rate or open a nested list: "per", "each", "a year",
/// "including", "of which".
fn not_a_list(toks: &[Token]) -> bool {
    toks.iter().enumerate().any(|(k, t)| {
        let period = Cue::Day.set().0 | Cue::Week.set().0 | Cue::Month.set().0 | Cue::Year.set().0;
        t.cues.meets(NOT_A_LIST)
            // "a year" is one phrase; "a week" two words
            || (t.cues.has(Cue::Year) && t.cues.has(Cue::Det))
            || (t.cues.has(Cue::Article)
                && toks.get(k + 1).is_some_and(|u| u.cues.meets(Cues(period))))
    })
}

/// How the tokens between two parts link them: `None` when they do not ("; ", a clause, a
/// rate), else whether they hold "and" (or "+").
fn link(gap: &[Token]) -> Option<bool> {
    let words = gap.iter().filter(|t| t.is_word()).count();
    let punct_ok = gap.iter().all(|t| match t.tok {
        Tok::Punct(c) => matches!(c, ',' | '(' | ')' | '+'),
        Tok::Word => true,
        Tok::Quantity(_) => false,
    });
    if words > 4 || !punct_ok || not_a_list(gap) {
        return None;
    }
    let and = gap.iter().any(|t| t.cues.has(Cue::And) || t.is_punct('+'));
    let comma = gap.iter().any(|t| t.is_punct(','));
    (and || comma).then_some(and)
}

/// The parts of the list that ends with the quantity token `last`: "A, B and C", each link a
/// list link, the last one with "and". At least two; a first part right after "of", "from"
/// or "than" names the whole the others are taken from ("of the 1,000 respondents, 120 men,
/// 80 boys and 180 women") and is left out.
fn parts_ending(doc: &Doc<'_>, si: usize, last: usize) -> Vec<usize> {
    let toks = doc.tokens(si);
    let Some(ql) = toks[last].quantity() else {
        return Vec::new();
    };
    let mut parts = vec![last];
    let mut j = last;
    while let Some(i) = (0..j).rev().find(|&k| toks[k].quantity().is_some()) {
        let Some(qi) = toks[i].quantity() else { break };
        let first_link = parts.len() == 1;
        match link(&toks[i + 1..j]) {
            Some(and) if and == first_link && alike(doc, qi, ql) => {}
            _ => break,
        }
        parts.push(i);
        j = i;
    }
    parts.reverse();
    if parts.len() < 2 {
        return Vec::new();
    }
    let first = parts[0];
    let whole = (first.saturating_sub(2)..first).any(|k| {
        toks[k].cues.meets(Cues(
            Cue::Of.set().0 | Cue::From.set().0 | Cue::Than.set().0,
        ))
    });
    if whole && parts.len() > 2 {
        parts.remove(0);
    }
    parts
}

/// The parts of a list before its total (`last` … `c`): the link to the total must be no
/// running total ("bringing the total to") and name no rate or nested list; an equation's
/// parts are linked by "+" or "plus" alone.
fn list_before(doc: &Doc<'_>, si: usize, m: &Match) -> Option<Vec<usize>> {
    let toks = doc.tokens(si);
    let (last, c) = (m.token("last")?, m.token("c")?);
    if m.has("e") {
        let mut parts = vec![last];
        let mut j = last;
        while j >= 2
            && (toks[j - 1].is_punct('+') || toks[j - 1].cues.has(Cue::And))
            && toks[j - 2].quantity().is_some()
        {
            j -= 2;
            parts.push(j);
        }
        parts.reverse();
        return Some(parts);
    }
    let gap = &toks[last + 1..c];
    if not_a_list(gap) || gap.iter().any(|t| t.is_punct(';') || t.is_punct(':')) {
        return None;
    }
    if let Some(t) = m.token("t") {
        // "bringing the total to 1,250": the total before is not given.
        let running = toks[t].cues.has(Cue::Total)
            && toks[t + 1..c.max(t + 1)]
                .iter()
                .any(|u| u.cues.has(Cue::To));
        if running {
            return None;
        }
    }
    if m.has("v") {
        // "add up to": the verb takes the hedge "up to" of the total.
        let q = &doc.quantities[toks[c].quantity()?];
        if q.hedge.as_ref().is_none_or(|h| h.kind != HedgeKind::AtMost) {
            return None;
        }
    }
    Some(parts_ending(doc, si, last))
}

/// The parts of a list after its total ("a total of C: A and B"): every figure after the colon
/// is a part, and the list ends the sentence (three words may follow).
fn list_after(doc: &Doc<'_>, si: usize, m: &Match) -> Option<Vec<usize>> {
    let toks = doc.tokens(si);
    let (c, first) = (m.token("c")?, m.token("first")?);
    let colon = (c + 1..first).find(|&k| toks[k].is_punct(':') || toks[k].is_punct('–'))?;
    if toks[c + 1..colon].iter().any(|t| t.is_punct(',')) {
        return None;
    }
    let last = (0..toks.len())
        .rev()
        .find(|&k| toks[k].quantity().is_some())?;
    let tail = toks[last + 1..].iter().filter(|t| t.is_word()).count();
    if tail > 3 {
        return None;
    }
    let parts = parts_ending(doc, si, last);
    (parts.first() == Some(&first)).then_some(parts)
}

/// The operand a part gives, and the factor of a multiple it is a count of ("three triple
/// turrets" → 3 and 3).
fn part(doc: &Doc<'_>, si: usize, k: usize) -> Option<(Operand, Option<Operand>)> {
    let toks = doc.tokens(si);
    let q = toks[k].quantity()?;
    let o = doc.operand_with_fact(q)?;
    let factor = toks.get(k + 1).and_then(|t| {
        let f = t.factor.as_deref().copied().filter(|f| *f > Decimal::ONE)?;
        Some(Operand::constant(f, &doc.text[t.span.start..t.span.end]))
    });
    Some((o, factor))
}

/// The stated total of quantity `c`. In "add up to 2.7 million" the "up to" is the verb's,
/// not a hedge of the total.
fn stated_total(doc: &Doc<'_>, c: usize, verb: bool) -> Option<Stated> {
    if verb {
        let mut q = doc.quantities[c].clone();
        q.hedge = None;
        q.high = None;
        return Stated::from_quantity(doc.text, &q);
    }
    doc.stated(c)
}

/// The claim that the parts (tokens of sentence `si`) add up to the token `c`, if the figures
/// allow one.
fn claim(doc: &Doc<'_>, si: usize, parts: &[usize], c: usize) -> Option<Claim> {
    let toks = doc.tokens(si);
    let qc = toks[c].quantity()?;
    let idx: Vec<usize> = parts
        .iter()
        .map(|&k| toks[k].quantity())
        .collect::<Option<_>>()?;
    if idx.len() < 2
        || idx.iter().any(|&i| {
            doc.quantities[i].hedge.is_some() || !(alike(doc, i, qc) || elided(doc, i, qc))
        })
    {
        return None;
    }
    // "add up to 2.7 million": an UP word right before the hedge of the total.
    let verb = c > 0
        && toks[c - 1].cues.has(Cue::Up)
        && doc.quantities[qc]
            .hedge
            .as_ref()
            .is_some_and(|h| h.kind == HedgeKind::AtMost);
    let stated = stated_total(doc, qc, verb)?;
    if !verb
        && doc.quantities[qc]
            .hedge
            .as_ref()
            .is_some_and(|h| h.kind == HedgeKind::AtMost)
    {
        return None;
    }
    let mut inputs = Vec::new();
    let mut terms = Vec::new();
    let mut values = Vec::new();
    for &k in parts {
        let (o, factor) = part(doc, si, k)?;
        let i = inputs.len();
        let v = match &factor {
            Some(f) => o.value.checked_mul(f.value)?,
            None => o.value,
        };
        values.push(v);
        inputs.push(o);
        terms.push(match factor {
            Some(f) => {
                inputs.push(f);
                Expr::Input(i) * Expr::Input(i + 1)
            }
            None => Expr::Input(i),
        });
    }
    let total = stated.value;
    if total <= Decimal::ZERO || values.iter().any(|v| *v > total || v.is_sign_negative()) {
        return None;
    }
    // Scale words must agree: "$1.2 and $1.5 billion" leaves the first without its scale.
    let scaled = |i: usize| doc.quantities[i].scale.is_some();
    if idx.iter().any(|&i| scaled(i)) || scaled(qc) {
        let small = idx.iter().any(|&i| {
            !scaled(i)
                && doc.quantities[i]
                    .value
                    .is_some_and(|v| v.abs() < Decimal::ONE_THOUSAND)
        });
        if small {
            return None;
        }
    }
    // One-digit sums ("2+2=5" on a poster) are rhetoric, not reported figures.
    let one_digit = |i: usize| {
        doc.quantities[i]
            .value
            .is_some_and(|v| v.abs() < Decimal::TEN && v.fract().is_zero())
    };
    let equation = c > 0 && toks[c - 1].cues.has(Cue::Equals);
    if equation && idx.iter().all(|&i| one_digit(i)) && one_digit(qc) {
        return None;
    }
    let sum: Decimal = values.iter().sum();
    if sum * Decimal::TWO < total || sum > total * Decimal::TWO {
        return None;
    }
    // Grouped to the right, so that it shows without brackets: "120 + 180 + 80".
    let expr = terms.into_iter().rev().reduce(|acc, e| e + acc)?;
    Some(Claim::new(RULE.id, stated, expr, inputs))
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
    fn parts_that_leave_out_the_total_s_currency() {
        let v = run(
            "sum",
            "Insgesamt 180 Millionen Euro: 90 Millionen für Brücken, 60 Millionen für Schienen und 30 Millionen für Radwege.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        let v = run(
            "sum",
            "Insgesamt 180 Millionen Euro: 90 Millionen für Brücken, 60 Millionen für Schienen und 50 Millionen für Radwege.",
        );
        assert_eq!(v[0].0, Verdict::Mismatch, "{v:?}");
        // Bare figures without the total's scale word are counts of something else.
        assert!(
            run(
                "sum",
                "Insgesamt 180 Millionen Euro: 90 für Brücken, 60 für Schienen und 30 für Radwege."
            )
            .is_empty()
        );
    }

    #[test]
    fn counts_of_multiples() {
        assert_eq!(
            run(
                "sum",
                "The cruiser carried four triple turrets and two double turrets, 16 guns in all."
            ),
            [(
                Verdict::Ok,
                "four × triple + two × double = 16, the text says 16".to_string()
            )]
        );
        verdicts(
            "The cruiser carried four triple turrets and two double turrets, 18 guns in all.",
            &[Verdict::Mismatch],
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
        verdicts("We had 1,250 plus 3,400 equals 4,650.", &[Verdict::Ok]);
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
            "They found 50 cases and 20 deaths, raising the total to 1,250.",
            "The 120 boys and 180 girls were joined by 300 adults.",
            "A total of 310 children, including 120 boys and 180 girls, attended.",
            "A total of 310 children: 120 boys and 180 girls, of which 40 were new.",
            "There were 310 children: 120 boys and 180 girls.",
            "The 500 workers and 20 managers together earn $5 million.",
            "It has 40 nurses and 25 doctors; in total 800 staff work there.",
            "They sold 5 cars and 6 trucks, together 1,100 vehicles.",
            "Sales of $1.2 and $1.5 billion together make $2.7 billion.",
            "The 2019 and 2020 budgets together total 300 pages.",
            "More than 100 and 200 together total 300.",
            "They paid $40 per hour and $25 per day, $65 in total.",
        ] {
            assert!(
                run("sum", text).is_empty(),
                "{text}: {:?}",
                run("sum", text)
            );
        }
    }
}
