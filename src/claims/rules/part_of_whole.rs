//! `part-of-whole`: a part, the whole, and the share the text says the part is of it.

use crate::check::{Claim, Expr, Operand};
use crate::claims::frame::{Match, is_duration};
use crate::claims::{Candidate, Doc, Finder, Frames, Rule};
use crate::quantity::Kind;
use crate::tokens::{Cue, Cues, Tok, Token};
use rust_decimal::Decimal;
use std::sync::LazyLock;

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
the whole is smaller than the part, or when no share verb links them. A fraction of small
figures (\"M-1 makes up a quarter of M-2\") relates names, not counts. Two stakes (\"to
212,300 shares, or 5.0 pct, from 318,450 shares, or 7.5 pct\") are compared only when the
sentence states no other amount of their kind that may be their whole, changing in between.
A whole that \"that\" or \"those\" points to in an earlier sentence is a weak reading: it is
reported when the share fits it, never as a `mismatch`."
    };
}

#[doc = doc!()]
pub const RULE: Rule = Rule {
    id: "part-of-whole",
    summary: "a part's share of a whole must be part ÷ whole",
    doc: doc!(),
    find: Finder::Candidates(find),
};

/// The frames of a share. Roles: `p` the share, `a` the part, `w` the whole, `v` the word that
/// presents the share, `k` a word the part and the share have in common, `q`/`a2` a second
/// share of the same whole and its part.
static FRAMES: LazyLock<Frames> = LazyLock::new(|| {
    Frames::new(&[
        // "A … make up / are / account for P% of [the …] B"; the builder finds A and B
        (75, "{v:SHARE|BE|THAT_IS|EQUALS|OR} {p:share} OF"),
        // "16 billion pesos in loan repayments, about 59 pct of the deficit of 27 billion"
        (70, "{a:amt} _4 , {p:share} OF"),
        // "… has trained 7% of the population of Minneapolis", the part earlier: "trained 65.000"
        (70, "{k:word} {p:share} OF"),
        // "A of B (P%)", "A out of B, or P%", "21 von 52 Wochen – das sind 40 Prozent"
        (80, "{a:amt} OF _2 {w:amt|dur} _2 ( {p:share}"),
        (
            80,
            "{a:amt} OF _2 {w:amt|dur} _2 ,|–|: OR|THAT_IS {p:share}",
        ),
        (80, "{a:amt} OF _2 {w:amt|dur} _2 – {p:share}"),
        // "4,400 of the 29,120 voters, 15.1%, were new"
        (75, "{a:amt} OF _2 {w:amt|dur} _2 , {x:share}"),
        // The share as a rate: "won 18 of its 24 games, a 75% win rate", "a success rate of
        // 75%", "18 von 24 Spielen, eine Quote von 75 Prozent"
        (
            75,
            "{a:amt} OF _2 {w:amt|dur} _2 , ARTICLE {p:share} _1 CHANGE",
        ),
        (
            75,
            "{a:amt} OF _2 {w:amt|dur} _2 , ARTICLE _1 CHANGE OF {p:share}",
        ),
        // The share first: "about 30 percent of the 1,000 respondents, or about 300 people",
        // "rund 30 Prozent der 1 000 Befragten, also etwa 300 Menschen"
        (
            80,
            "{p:share} [OF DET? / DET] {w:amt} _2 ,|( OR|THAT_IS ABOUT|NEARLY|OVER? {a:amt}",
        ),
        // "Of the 1,500 people surveyed, 900 (60%) said they approved"
        (80, "OF DET? {w:amt} _3 , {a:amt} _2 ( {p:share}"),
        // German without the comma: "Von 120 Schülern bestanden 90, das sind 75 Prozent"
        (
            80,
            "OF DET? {w:amt} {g:word} {h:word}? {a:amt} _4 ,|– THAT_IS {p:share}",
        ),
        // A genitive for "of": "90 der 120 Schüler bestanden, also drei Viertel"
        (75, "{a:num} DET {w:num} _3 ,|–|: OR|THAT_IS {p:share}"),
        // "Of the 52,000 registered voters, 29,120 cast a ballot, or 56%."
        (
            80,
            "OF DET? {w:amt} _3 , {a:amt} _4 ,? OR|THAT_IS {p:share}",
        ),
        // Two stakes in one company: "to 260,500 shares, or 6.4 pct of the total, from
        // 370,500, or 9.2 pct"
        (
            70,
            "{a:num} _1 ,? OR {q:pct} _9 FROM _2 {a2:num} _1 ,? OR {p:pct}",
        ),
    ])
});

fn is_amount(k: Kind) -> bool {
    matches!(k, Kind::Number | Kind::Money)
}

/// Whether quantity `i` can be a part or a whole: an amount written with digits, or a spelled
/// one of at least ten ("One ADR represents 0.75 pct of one share" relates no counts).
fn amount(doc: &Doc<'_>, i: usize) -> bool {
    let q = &doc.quantities[i];
    is_amount(q.kind)
        && (doc.text_of(i).bytes().any(|b| b.is_ascii_digit())
            || q.value.is_some_and(|v| v >= Decimal::TEN))
}

fn find(doc: &Doc<'_>) -> Vec<Candidate> {
    doc.matches(&FRAMES)
        .filter_map(|(si, m, support)| {
            if m.has("q") {
                two_shares(doc, si, &m, support)
            } else if m.has("w") {
                part_of_stated_whole(doc, si, &m, support)
            } else {
                share_of(doc, si, &m, support)
            }
        })
        .collect()
}

/// Whether token `t` ends an "of" phrase before a whole could follow: "2.5 pct of GNP from
/// 1.79 billion" names no whole.
fn breaks(t: &Token) -> bool {
    t.cues.meets(
        [
            Cue::From,
            Cue::To,
            Cue::And,
            Cue::Or,
            Cue::In,
            Cue::At,
            Cue::By,
            Cue::Than,
            Cue::Up,
            Cue::Down,
            Cue::Against,
            Cue::Ago,
            Cue::Year,
        ]
        .iter()
        .fold(Cues::NONE, |c, k| c.with(*k)),
    ) || matches!(t.tok, Tok::Punct(c) if c != '(')
}

/// The whole an "of" phrase that starts at token `of` names: the first amount after at most six
/// plain words ("of the 248,000", "of the Twin Cities population (3.76 million)"), a document
/// fact named by the phrase ("of the population of Minneapolis"), or the last amount before
/// the clause that a demonstrative points back to ("of that population"), with whether that
/// amount stands in an earlier sentence. `None` with the phrase's text when it names none.
fn whole_after(
    doc: &Doc<'_>,
    si: usize,
    of: usize,
    clause_start: usize,
) -> Result<(Operand, bool), String> {
    let toks = doc.tokens(si);
    let mut end = of + 1;
    while let Some(t) = toks.get(end) {
        if let Some(q) = t.quantity() {
            if amount(doc, q)
                && end - of <= 7
                && let Some(o) = doc.operand_with_fact(q)
            {
                return Ok((o, false));
            }
            break;
        }
        if breaks(t) {
            break;
        }
        end += 1;
    }
    let phrase_end = toks.get(end - 1).map_or(toks[of].span.end, |t| t.span.end);
    let phrase_start = toks.get(of + 1).map_or(phrase_end, |t| t.span.start);
    let phrase = doc.text[phrase_start..phrase_end.max(phrase_start)]
        .trim_end_matches(['(', ' '])
        .to_string();
    if let Some(o) = fact_operand(doc, &phrase) {
        return Ok((o, false));
    }
    let demonstrative = toks.get(of + 1).is_some_and(|t| t.cues.has(Cue::This)) && end - of <= 4;
    if demonstrative {
        let here = toks[..clause_start]
            .iter()
            .rev()
            .filter_map(Token::quantity)
            .find(|&q| amount(doc, q));
        let earlier = here.is_none();
        let last = here.or_else(|| {
            doc.tokens(si.checked_sub(1)?)
                .iter()
                .rev()
                .filter_map(Token::quantity)
                .find(|&q| amount(doc, q))
        });
        if let Some(o) = last.and_then(|q| doc.operand_with_fact(q)) {
            return Ok((o, earlier));
        }
    }
    Err(phrase)
}

/// Where the clause that holds token `at` starts: after the last ";", ":" or ", and"/", but"
/// (a comma before a conjunction) before it.
fn clause_start(toks: &[Token], at: usize) -> usize {
    (1..at)
        .rev()
        .find(|&k| {
            let t = &toks[k - 1];
            t.is_punct(';') || t.is_punct(':') || (t.is_punct(',') && toks[k].cues.has(Cue::And))
        })
        .map_or(0, |k| if toks[k].cues.has(Cue::And) { k + 1 } else { k })
}

/// A share introduced by a verb, an "or" or a comma, whose part and whole the builder finds:
/// the part among the amounts of the share's clause (all of them with "together"), a named
/// part, a fraction of an amount before ("half of those"), or an amount that follows the same
/// word earlier in the paragraph ("trained 65.000 people … has trained 7% of"); the whole after
/// "of" ([`whole_after`]). Without a whole, the claim is unverifiable and says what whole it
/// implies.
fn share_of(doc: &Doc<'_>, si: usize, m: &Match, support: u8) -> Option<Candidate> {
    let toks = doc.tokens(si);
    let pt = m.token("p")?;
    let p = toks[pt].quantity()?;
    let head = m.token("v").or(m.token("k")).unwrap_or(pt);
    let clause = clause_start(toks, head);
    let mut parts: Vec<Operand> = Vec::new();
    // "1,200 jobs, or 8% of …": a part linked past its noun, read only with a stated whole.
    let mut noun_between = false;
    if let Some(a) = doc.q(si, m, "a") {
        if amount(doc, a) {
            parts.extend(doc.operand_with_fact(a));
        }
    } else if let Some(v) = m.token("v") {
        let before: Vec<usize> = (clause..v)
            .filter_map(|k| toks[k].quantity().map(|q| (k, q)))
            .filter(|&(_, q)| amount(doc, q))
            .map(|(k, _)| k)
            .collect();
        let together = toks[clause..v].iter().any(|t| t.cues.has(Cue::Together));
        let or = toks[v].cues.has(Cue::Or);
        if together && !or {
            parts.extend(
                before
                    .iter()
                    .filter_map(|&k| doc.operand_with_fact(toks[k].quantity()?)),
            );
        } else if let Some(&k) = before.last() {
            // The part is the subject: words alone stand between it and the verb; an "or"
            // links only the figure right before its comma, with its noun ("1,200 jobs, or
            // 8% of …").
            let gap = &toks[k + 1..v];
            noun_between = or && gap.len() > 1;
            let linked = if or {
                gap.split_last().is_some_and(|(comma, noun)| {
                    comma.is_punct(',')
                        && noun.len() <= 3
                        && noun.iter().all(|t| t.is_word() && t.cues.is_empty())
                })
            } else {
                gap.iter()
                    .all(|t| t.is_word() || t.is_punct('(') || t.is_punct(')'))
            };
            if linked {
                parts.extend(toks[k].quantity().and_then(|q| doc.operand_with_fact(q)));
            }
        }
    } else if let Some(k) = m.token("k") {
        parts.extend(keyword_part(doc, si, k));
    }
    if parts.is_empty() && m.has("v") {
        // A named part: "Minneapolis makes up 11% of the Twin Cities population".
        let v = m.token("v")?;
        let (s, e) = (toks.get(clause)?.span.start, toks[v].span.start);
        if let Some(f) = fact_operand(doc, &doc.text[s..e.max(s)]) {
            parts.push(f);
        } else if let Some(fr) = fraction_of_previous(doc, si) {
            parts.push(fr);
        }
    }
    // A fraction of small figures ("M-1 makes up a quarter of M-2") relates names, not counts.
    if doc.quantities[p].kind == Kind::Fraction && parts.iter().any(|o| o.value < Decimal::TEN) {
        return None;
    }
    let stated = doc.stated(p)?;
    let whole = whole_after(doc, si, pt + 1, clause);
    // "of those savings" may point past the last amount of the sentence before: a reading
    // too weak for a mismatch.
    let (whole, support) = match whole {
        Ok((w, false)) => (w, support),
        Ok((w, true)) => (w, support.saturating_sub(20)),
        Err(phrase) => {
            // The text never states the whole: say what the claim implies it to be.
            let [part] = parts.as_slice() else {
                return None;
            };
            if stated.value.is_zero() || m.has("k") || noun_between {
                return None;
            }
            let implied = part.value.checked_div(stated.value)?.round_dp(0);
            let missing = format!(
                "the text never states {}; the claim implies it is about {} ({} ÷ {})",
                phrase.trim(),
                implied.normalize(),
                part.text,
                stated.text
            );
            let mut c = Claim::new(RULE.id, stated, Expr::Input(0), parts);
            c.missing = Some(missing);
            return Some(Candidate::new(c, support));
        }
    };
    if parts.is_empty() {
        return None;
    }
    let sum: Decimal = parts.iter().map(|o| o.value).sum();
    // A whole of zero goes on to the checker, which reports the division by zero.
    if !whole.value.is_zero() && sum > whole.value {
        return None;
    }
    let n = parts.len();
    let mut inputs = parts;
    inputs.push(whole);
    Some(Candidate::new(
        Claim::new(RULE.id, stated, Expr::sum(0..n) / Expr::Input(n), inputs),
        support,
    ))
}

/// The amount that follows the word of token `k` (of sentence `si`) earlier in the sentence or
/// in the two sentences before: "trained 65.000 people" for "has trained 7% of …".
fn keyword_part(doc: &Doc<'_>, si: usize, k: usize) -> Option<Operand> {
    let key = doc.tokens(si)[k].span;
    let key = doc.text[key.start..key.end].to_lowercase();
    let same = |t: &Token| t.is_word() && doc.text[t.span.start..t.span.end].to_lowercase() == key;
    for sj in (si.saturating_sub(2)..=si).rev() {
        let toks = doc.tokens(sj);
        let upto = if sj == si { k } else { toks.len() };
        // The nearest use of the word decides.
        if let Some(w) = (0..upto).rev().find(|&w| same(&toks[w])) {
            let q = toks[w + 1..upto.min(w + 3)]
                .iter()
                .find_map(Token::quantity)
                .filter(|&q| amount(doc, q))?;
            return doc.operand_with_fact(q);
        }
    }
    None
}

/// "A of B (P%)", "A out of B, or P%", "Of the B voters, A cast a ballot, or P%": the part and
/// the whole stand together; an appositive share (`x`) must close its phrase.
fn part_of_stated_whole(doc: &Doc<'_>, si: usize, m: &Match, support: u8) -> Option<Candidate> {
    let toks = doc.tokens(si);
    let (a, w) = (doc.q(si, m, "a")?, doc.q(si, m, "w")?);
    let p = match doc.q(si, m, "p") {
        Some(p) => p,
        None => {
            let x = m.token("x")?;
            let closes = toks
                .get(x + 1)
                .is_none_or(|t| matches!(t.tok, Tok::Punct(',' | ')' | ';' | '.' | ':')));
            if !closes {
                return None;
            }
            toks[x].quantity()?
        }
    };
    let (qa, qw) = (&doc.quantities[a], &doc.quantities[w]);
    let durations = is_duration(qw) && qa.kind == Kind::Number;
    if !durations && (!is_amount(qa.kind) || qa.kind != qw.kind || qa.unit != qw.unit) {
        return None;
    }
    // "Of the B …" opens the sentence.
    if toks[m.start].cues.has(Cue::Of) && m.start != 0 {
        return None;
    }
    let (x, y) = (doc.operand_with_fact(a)?, doc.operand_with_fact(w)?);
    if x.value > y.value || y.value.is_zero() {
        return None;
    }
    Some(Candidate::new(
        Claim::new(
            RULE.id,
            doc.stated(p)?,
            Expr::Input(0) / Expr::Input(1),
            vec![x, y],
        ),
        support,
    ))
}

/// How much the whole of two stakes may change between their dates (shares issued or bought
/// back), in percent.
const WHOLE_DRIFT: i64 = 5;

/// Two stakes in one company's shares: the second must be its part × the first share ÷ the
/// first part, within [`WHOLE_DRIFT`]% for shares issued or bought back in between.
fn two_shares(doc: &Doc<'_>, si: usize, m: &Match, support: u8) -> Option<Candidate> {
    if !doc.tokens(si).iter().any(|t| t.cues.has(Cue::Stake)) {
        return None;
    }
    let (a, q, a2, p) = (
        doc.q(si, m, "a")?,
        doc.q(si, m, "q")?,
        doc.q(si, m, "a2")?,
        doc.q(si, m, "p")?,
    );
    let (qa, qb) = (&doc.quantities[a], &doc.quantities[a2]);
    let bare = qb.kind == Kind::Number && qb.unit.is_none();
    if !is_amount(qa.kind) || !(bare || (qa.kind == qb.kind && qa.unit == qb.unit)) {
        return None;
    }
    // Another amount of the stakes' kind in the sentence may be the whole, stated changing
    // ("capital rose to 49 billion marks from 35.58 billion, with banks' holdings falling to
    // 1.57 billion marks or 3.2 pct from 1.61 billion marks or 4.5 pct").
    let whole_named = doc.in_sentence(doc.sentences[si]).any(|i| {
        i != a && i != a2 && {
            let o = &doc.quantities[i];
            o.kind == qa.kind && (o.unit == qa.unit || o.unit.is_none())
        }
    });
    if whole_named {
        return None;
    }
    let inputs = vec![doc.operand(a2)?, doc.operand(q)?, doc.operand(a)?];
    if inputs[2].value.is_zero() {
        return None;
    }
    let mut c = Claim::new(
        RULE.id,
        doc.stated(p)?,
        Expr::Input(0) * Expr::Input(1) / Expr::Input(2),
        inputs,
    );
    let drift = Decimal::new(WHOLE_DRIFT, 2);
    if let (Some((lo, a)), Some((hi, b))) = (c.stated.target.lo, c.stated.target.hi) {
        c.stated.target.lo = Some((lo * (Decimal::ONE - drift), a));
        c.stated.target.hi = Some((hi * (Decimal::ONE + drift), b));
    }
    c.note = Some(format!(
        "both shares are of one company's shares, which may change by {WHOLE_DRIFT}% in between"
    ));
    Some(Candidate::new(c, support))
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
    let toks = doc.tokens(si);
    let k = toks.iter().position(|t| {
        t.quantity()
            .is_some_and(|q| doc.quantities[q].kind == Kind::Fraction)
    })?;
    let points_back = toks.get(k + 1).is_some_and(|t| t.cues.has(Cue::Of))
        && toks.get(k + 2).is_some_and(|t| t.cues.has(Cue::This));
    if !points_back {
        return None;
    }
    let fi = toks[k].quantity()?;
    let base = doc
        .tokens(si.checked_sub(1)?)
        .iter()
        .rev()
        .filter_map(Token::quantity)
        .find(|&q| doc.quantities[q].kind == Kind::Number)?;
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
        let text = "Millbrook has 62,000 inhabitants. The two towns have 248,000 people, and Millbrook makes up 35% of that population.";
        assert_eq!(run("part-of-whole", text)[0].0, Verdict::Mismatch);
        // Past the sentence, the last amount may be another figure than the one meant: a
        // share that does not fit it is no finding.
        let text = "Millbrook has 62,000 inhabitants. The two towns have 248,000 people. Millbrook makes up 25% of that population.";
        assert_eq!(run("part-of-whole", text)[0].0, Verdict::Ok);
        let text = "Spending was 7.0 billion dlrs, or 7.5 pct less. The study said 5.1 billion dlrs, or 60 pct of those savings, came from storage.";
        assert_eq!(run("part-of-whole", text), []);
    }

    #[test]
    fn a_share_of_a_count_given_as_a_rate() {
        for (text, want) in [
            (
                "The team won 18 of its 24 games, a 75% win rate.",
                Verdict::Ok,
            ),
            (
                "The team won 18 of its 24 games, a success rate of 80%.",
                Verdict::Mismatch,
            ),
            (
                "Sie gewann 18 von 24 Spielen, eine Quote von 75 Prozent.",
                Verdict::Ok,
            ),
        ] {
            let v = run("part-of-whole", text);
            assert_eq!(v.len(), 1, "{text}: {v:?}");
            assert_eq!(v[0].0, want, "{text}: {v:?}");
        }
    }

    #[test]
    fn german_wholes_without_a_comma_and_in_the_genitive() {
        for (text, want) in [
            (
                "Von 80 Bewerbern kamen 60 weiter, das sind 75 Prozent.",
                Verdict::Ok,
            ),
            (
                "Von 80 Bewerbern kamen 60 weiter, das sind 70 Prozent.",
                Verdict::Mismatch,
            ),
            (
                "60 der 80 Bewerber kamen weiter, also drei Viertel.",
                Verdict::Ok,
            ),
            (
                "60 der 80 Bewerber kamen weiter, also zwei Drittel.",
                Verdict::Mismatch,
            ),
        ] {
            let v = run("part-of-whole", text);
            assert_eq!(v.len(), 1, "{text}: {v:?}");
            assert_eq!(v[0].0, want, "{text}: {v:?}");
        }
        // "von A auf B" is a change, not a part of a whole.
        assert!(
            run(
                "part-of-whole",
                "Die Zahl stieg von 120 auf 150, das sind 25 Prozent mehr."
            )
            .is_empty()
        );
    }

    #[test]
    fn the_share_first_then_the_whole_and_the_part() {
        for (text, want) in [
            (
                "About 40 percent of the 2,500 members, or about 1,000 people, voted.",
                Verdict::Ok,
            ),
            (
                "Rund 40 Prozent der 2 500 Mitglieder, also etwa 1 000 Menschen, stimmten ab.",
                Verdict::Ok,
            ),
            (
                "Rund 40 Prozent der 2 500 Mitglieder, also etwa 1 300 Menschen, stimmten ab.",
                Verdict::Mismatch,
            ),
        ] {
            let v = run("part-of-whole", text);
            assert_eq!(v.len(), 1, "{text}: {v:?}");
            assert_eq!(v[0].0, want, "{text}: {v:?}");
        }
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
        let v = run(
            "part-of-whole",
            "The firm cut 450 jobs, or 6% of its 7,500 staff.",
        );
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        let v = run(
            "part-of-whole",
            "The firm cut 450 jobs, or 9% of its 7,500 staff.",
        );
        assert_eq!(v[0].0, Verdict::Mismatch, "{v:?}");
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
    fn a_count_of_a_duration_and_german_restatements() {
        let v = run(
            "part-of-whole",
            "Nur 13 von 52 Wochen – das sind 25 Prozent – sind frei.",
        );
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        let v = run(
            "part-of-whole",
            "Es waren 30 von 40 Sitzen, also 60 Prozent.",
        );
        assert_eq!(v[0].0, Verdict::Mismatch, "{v:?}");
    }

    #[test]
    fn a_part_named_by_a_word_it_shares_with_the_share() {
        // The whole is a fact stated after the claim; the part stands in the sentence before.
        let text = "The club has enrolled 9,000 pupils since May. It has enrolled 40% of the children of Ulm. Ulm (22,500) is small.";
        let v = run("part-of-whole", text);
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        let text = "The club has enrolled 9,000 pupils since May. It has enrolled 20% of the children of Ulm. Ulm (22,500) is small.";
        assert_eq!(run("part-of-whole", text)[0].0, Verdict::Mismatch);
        // Without the shared word, no part.
        let text = "The club has 9,000 pupils since May. It has enrolled 20% of the children of Ulm. Ulm (22,500) is small.";
        assert!(run("part-of-whole", text).is_empty());
    }

    #[test]
    fn two_shares_of_one_whole() {
        let text =
            "They cut their stake to 212,300 shares, or 5.0 pct, from 318,450 shares, or 7.5 pct.";
        assert_eq!(run("part-of-whole", text)[0].0, Verdict::Ok);
        let text =
            "They cut their stake to 212,300 shares, or 5.0 pct, from 318,450 shares, or 9.5 pct.";
        assert_eq!(run("part-of-whole", text)[0].0, Verdict::Mismatch);
        // A whole the sentence states as changing is no fixed whole of both stakes.
        let text = "Capital rose to 49 billion marks from 35.58 billion, with their holdings falling to 1.57 billion marks or 3.2 pct from 1.61 billion marks or 4.5 pct.";
        assert_eq!(run("part-of-whole", text), []);
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
