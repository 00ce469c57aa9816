//! `average`: an amount, a count, and the average per counted thing the text gives; and
//! rates: per 100,000, per unit of time, and a price per thing times the count.

use crate::check::{Claim, Expr, Operand};
use crate::claims::frame::{Match, is_duration};
use crate::claims::{Candidate, Doc, Finder, Frames, Rule};
use crate::quantity::Kind;
use crate::tokens::{Cue, Token};
use rust_decimal::Decimal;
use std::sync::LazyLock;

macro_rules! doc {
    () => {
        "## What it checks
An amount (A), a count (B) and the average the text gives per counted thing (C): \"1,200
people in 400 households, an average of 3 per household\", \"$5 million across 200 schools, or
$25,000 each\", \"400 households with 1,200 people, 3 per household\". C must be A ÷ B. And
rates, which are averages too:
- per 100,000: \"250 deaths in a population of 2 million, or 12.5 per 100,000 residents\": C
  must be A ÷ B × 100,000 (or the base the text gives);
- per unit of time: \"120,000 dollars in two minutes, or nearly 90 million dollars a day\",
  \"3,000 dlrs a day, or 1.1 mln dlrs a year\": C must be A over its duration, converted to
  the unit of C (a day has 1,440 minutes, a week 7 days, a month 365/12 days, a year 365);
- a price per thing and the total of the things: \"four mln shares … for 2.15 dlrs a share,
  or 8.6 mln dlrs\": the total must be the count × the price, where the count is the last
  number before the price whose noun is the thing priced, or the part taken of it (\"2.2 mln
  of the 2.6 mln shares … at 20 dlrs a share\"); with \"each\" (\"300 tickets at £25 each, a total
  of £7,500\", \"40 Plätze zu je 1 500 Euro, insgesamt 60 000 Euro\"), the count right before
  the price.
German \"pro\", \"je\" and \"jeweils\" are read like \"per\".

## Why it matters
Averages and rates are derived in the newsroom, not copied from a source, so slips (a wrong
divisor, a rate per 10,000 given as per 100,000, a daily figure multiplied by the wrong
number of days) are common.

## Example
\"The fund paid out $5 million across 200 schools, or $20,000 each.\" → $5 million ÷ 200 =
25,000, the text says $20,000: `mismatch`.

## Verdicts
`ok` when the derivation rounds to C, `imprecise` when only the rounding of the inputs reaches
C, `mismatch` otherwise.

## Tolerance
Every figure stands for its rounding interval; a hedged average (\"about 3 per household\",
\"fast 90 Millionen\") for its hedge. The base of a rate (100,000) and the lengths of days,
weeks and years are exact.

## When it does not fire
When the noun after \"per\" is not the noun of the count (\"40 hours per week in 5 offices\");
when \"each\" goes on with a noun (\"five going each way\"); when the amount and the average
differ in kind or currency; when A and B are not next to each other with one to four words
between them and no comma, \"and\" or \"or\", or when the count is one (\"340 dlrs a ton\": the
unit of a price); for earnings or dividends per share, which are taken over a weighted
average of shares the text rarely gives (a price per share times a count is checked: the total
comes after the price); when A or B is hedged; when more than one pair of figures could be
meant, or for a rate per 100,000 more or fewer than two other counts (the smaller is the
count, the larger the population); and when the derivation is less than half or more than
twice C (ten times for rates per 100,000), which points at a misread rather than an error. A
price a day restated a week or a year with a bare \", or\" (\"5 dlrs a day, or 20 dlrs a
week\") may be two offers: it is reported when it adds up, never as a mismatch."
    };
}

#[doc = doc!()]
pub const RULE: Rule = Rule {
    id: "average",
    summary: "an average per thing must be the amount divided by the count",
    doc: doc!(),
    find: Finder::Candidates(find),
};

/// The frames of an average or a rate. Roles: `c` the stated average or rate; `n` the noun
/// after "per" and `e` an "each" that names none, `g` an average word; `base` the base of a
/// rate; `a` an amount and `d` its duration, `u1` the unit of time of a stated rate and `u` that
/// of `c`; `p` a price per thing `k` and `t` the total. The builders find the amount and the
/// count of an average among the figures before it.
static FRAMES: LazyLock<Frames> = LazyLock::new(|| {
    Frames::new(&[
        // "an average of 2.4 people per car", "averaging 31 pupils a class"
        (80, "{g:AVERAGE} OF? {c:amt} _1 PER|ARTICLE {n:word}"),
        // "2.5 people per household", "about €3,000 per pupil", "3 pro Haushalt"
        (80, "{c:amt} _1 PER {n:word}"),
        // "for 90 mln dlrs, or 18 dlrs a tonne", "or 18 dlrs a barrel" (a measure of one)
        (75, "{c:amt} _1 ARTICLE {n:word}"),
        (75, "{c:amt} {n:measure}"),
        // "…, or $25,000 each.", "£40 apiece", "$40,000 per capita"
        (80, "{c:amt} _1 {e:PER}"),
        // "averaging 300", "im Schnitt 3", "300 on average"
        (75, "{g:AVERAGE} OF? {c:amt}"),
        (75, "{c:amt} _1 {g:AVERAGE}"),
        // "12.5 per 100,000 residents"
        (80, "{c:num} PER {base:num}"),
        // "120,000 dollars in two minutes, or nearly 90 million dollars a day"
        (
            80,
            "{a:amt} _2 IN? _1 {d:dur} _2 ,? THAT_IS {c:amt} [PER|ARTICLE? {u:DAY|WEEK|MONTH|YEAR} / PER? {u:dur}]",
        ),
        (
            70,
            "{a:amt} _2 IN? _1 {d:dur} _2 , OR {c:amt} [PER|ARTICLE? {u:DAY|WEEK|MONTH|YEAR} / PER? {u:dur}]",
        ),
        // "in fünf Minuten 250 000 Euro, also rund 72 Millionen Euro pro Tag"
        (
            80,
            "{d:dur} _2 {a:amt} _2 ,? THAT_IS {c:amt} [PER|ARTICLE? {u:DAY|WEEK|MONTH|YEAR} / PER? {u:dur}]",
        ),
        // "3,000 dlrs a day, or 1.1 mln dlrs a year": a price a day or a year may be two
        // offers rather than one restated, so an "or" alone gives weak support
        (
            80,
            "{a:amt} [PER|ARTICLE? {u1:DAY|WEEK|MONTH|YEAR} / PER? {u1:dur}] ,? THAT_IS {c:amt} [PER|ARTICLE? {u:DAY|WEEK|MONTH|YEAR} / PER? {u:dur}]",
        ),
        (
            55,
            "{a:amt} [PER|ARTICLE? {u1:DAY|WEEK|MONTH|YEAR} / PER? {u1:dur}] , OR {c:amt} [PER|ARTICLE? {u:DAY|WEEK|MONTH|YEAR} / PER? {u:dur}]",
        ),
        // "buy four mln shares … for 2.15 dlrs a share, or 8.6 mln dlrs"
        (
            80,
            "{p:money} PER|ARTICLE [{k:word} / {k:STAKE}] ,? OR|THAT_IS {t:money}",
        ),
        // "at 12 dlrs a share, for a total of 60 mln dlrs"
        (
            80,
            "{p:money} PER|ARTICLE [{k:word} / {k:STAKE}] ,? _2 TOTAL OF? {t:money}",
        ),
        // "40 seats at $1,500 each, a total of $60,000", "je 1 500 Euro, insgesamt 60 000 Euro"
        (80, "{p:money} {e:PER} ,? _2 TOTAL OF? {t:money}"),
        (80, "{e:PER} {p:money} ,? _2 TOTAL OF? {t:money}"),
    ])
});

fn find(doc: &Doc<'_>) -> Vec<Candidate> {
    doc.matches(&FRAMES)
        .flat_map(|(si, m, support)| {
            if m.has("t") {
                return product(doc, si, &m, support);
            }
            let c = if m.has("u") {
                per_time(doc, si, &m)
            } else if m.has("base") {
                per_base(doc, si, &m)
            } else {
                average(doc, si, &m)
            };
            c.map(|c| Candidate::new(c, support)).into_iter().collect()
        })
        .collect()
}

/// A noun reduced to a comparable stem: plural endings dropped (English and German) until
/// none is left, so that a singular and its plural meet ("share" and "shares" both "shar").
fn stem(w: &str) -> String {
    let mut s = stem_once(w);
    for _ in 0..3 {
        let next = stem_once(&s);
        if next == s {
            break;
        }
        s = next;
    }
    s
}

/// One plural ending dropped.
fn stem_once(w: &str) -> String {
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

/// The text of token `t`.
fn word<'a>(doc: &Doc<'a>, t: &Token) -> &'a str {
    &doc.text[t.span.start..t.span.end]
}

/// The noun of the count at token `k` of sentence `si`: the unit word of a measure ("300
/// days"), else the word right after it ("400 households", "40 mln shares").
fn count_noun(doc: &Doc<'_>, si: usize, k: usize) -> Option<String> {
    let toks = doc.tokens(si);
    let q = toks[k].quantity()?;
    if doc.quantities[q].kind == Kind::Measure {
        let text = doc.text_of(q);
        return text.split_whitespace().last().map(stem);
    }
    let next = toks.get(k + 1).filter(|t| t.is_word())?;
    Some(stem(word(doc, next)))
}

/// Whether quantity `i` is unhedged and of a value above zero.
fn positive(doc: &Doc<'_>, i: usize) -> bool {
    let q = &doc.quantities[i];
    q.hedge.is_none() && q.value.is_some_and(|v| v > Decimal::ZERO)
}

/// Whether `derived` lies within a factor `f` of `stated`.
fn plausible(derived: Decimal, stated: Decimal, f: Decimal) -> bool {
    derived * f >= stated && derived <= stated * f
}

/// What an average is per.
enum Per {
    /// "per household": the noun of the count.
    Noun(String),
    /// "a barrel": the unit of the count.
    Unit(String),
}

/// An average `c` (per the noun `n`, or each): of the pairs of figures before it that are
/// linked by a few words (an amount of `c`'s kind and unit and a count), the one whose count
/// has the noun, and whose quotient is near `c`. One reading only.
fn average(doc: &Doc<'_>, si: usize, m: &Match) -> Option<Claim> {
    let toks = doc.tokens(si);
    let ct = m.token("c")?;
    let c = toks[ct].quantity()?;
    let qc = &doc.quantities[c];
    if !matches!(qc.kind, Kind::Number | Kind::Money | Kind::Measure) {
        return None;
    }
    // "each" that goes on with a noun ("each way") or a figure names no average.
    if let Some(e) = m.token("e")
        && toks
            .get(e + 1)
            .is_some_and(|t| t.is_word() || t.quantity().is_some())
    {
        return None;
    }
    // What the average is per: a noun, or the unit of a measure of one ("a barrel").
    let per = match m.token("n") {
        Some(n) => match toks[n].quantity() {
            Some(q) => {
                let qn = &doc.quantities[q];
                if qn.value != Some(Decimal::ONE) {
                    return None;
                }
                Some(Per::Unit(qn.unit.clone()?))
            }
            None => Some(Per::Noun(stem(word(doc, &toks[n])))),
        },
        None => None,
    };
    let stated = doc.stated(c)?;
    if stated.value <= Decimal::ZERO {
        return None;
    }
    let figures: Vec<usize> = (0..ct).filter(|&k| toks[k].quantity().is_some()).collect();
    let mut readings = Vec::new();
    for w in figures.windows(2) {
        let (x, y) = (w[0], w[1]);
        let gap = &toks[x + 1..y];
        let linked = !gap.is_empty()
            && gap.len() <= 4
            && gap
                .iter()
                .all(|t| t.is_word() && !t.cues.has(Cue::And) && !t.cues.has(Cue::Or));
        if !linked {
            continue;
        }
        for (ka, kb) in [(x, y), (y, x)] {
            let (a, b) = (toks[ka].quantity()?, toks[kb].quantity()?);
            let (qa, qb) = (&doc.quantities[a], &doc.quantities[b]);
            if qa.kind != qc.kind || qa.unit != qc.unit {
                continue;
            }
            if !matches!(qb.kind, Kind::Number | Kind::Measure) || !positive(doc, a) {
                continue;
            }
            // A count of one ("a ton") is the unit of a price, not a count.
            if !positive(doc, b) || doc.quantities[b].value.is_none_or(|v| v <= Decimal::ONE) {
                continue;
            }
            let counted = match &per {
                Some(Per::Noun(n)) => count_noun(doc, si, kb).as_ref() == Some(n),
                Some(Per::Unit(u)) => qb.kind == Kind::Measure && qb.unit.as_ref() == Some(u),
                None => true,
            };
            if !counted {
                continue;
            }
            let (xa, xb) = (doc.operand(a)?, doc.operand(b)?);
            let derived = xa.value.checked_div(xb.value)?;
            if plausible(derived, stated.value, Decimal::TWO) {
                readings.push((xa, xb));
            }
        }
    }
    let [(x, y)] = <[_; 1]>::try_from(readings).ok()?;
    Some(Claim::new(
        RULE.id,
        stated,
        Expr::Input(0) / Expr::Input(1),
        vec![x, y],
    ))
}

/// "250 deaths in a population of 2,000,000, or 12.5 per 100,000": of exactly two other counts
/// in the sentence, the smaller over the larger, times the base.
fn per_base(doc: &Doc<'_>, si: usize, m: &Match) -> Option<Claim> {
    let (c, base_q) = (doc.q(si, m, "c")?, doc.q(si, m, "base")?);
    let base = doc.quantities[base_q].value?;
    let bases = [100, 1_000, 10_000, 100_000, 1_000_000].map(Decimal::from);
    if !bases.contains(&base) {
        return None;
    }
    let others: Vec<usize> = doc
        .tokens(si)
        .iter()
        .filter_map(Token::quantity)
        .filter(|&i| i != c && i != base_q && doc.quantities[i].kind == Kind::Number)
        .collect();
    let [i, j] = others[..] else {
        return None;
    };
    if !positive(doc, i) || !positive(doc, j) {
        return None;
    }
    let (x, y) = (doc.operand(i)?, doc.operand(j)?);
    let (count, population) = if x.value < y.value { (x, y) } else { (y, x) };
    if count.value >= population.value {
        return None;
    }
    let stated = doc.stated(c)?;
    let derived = count
        .value
        .checked_div(population.value)?
        .checked_mul(base)?;
    if stated.value <= Decimal::ZERO || !plausible(derived, stated.value, Decimal::TEN) {
        return None;
    }
    let base_text = doc.text_of(base_q).to_string();
    Some(Claim::new(
        RULE.id,
        stated,
        Expr::Input(0) / Expr::Input(1) * Expr::Input(2),
        vec![count, population, Operand::constant(base, &base_text)],
    ))
}

/// The length in days of the unit of time a cue word names ("day", "Woche", "a year"), and
/// the unit's name.
fn days_of_cue(t: &Token) -> Option<(Decimal, &'static str)> {
    let c = t.cues;
    Some(if c.has(Cue::Day) {
        (Decimal::ONE, "day")
    } else if c.has(Cue::Week) {
        (Decimal::from(7), "week")
    } else if c.has(Cue::Month) {
        (Decimal::from(365).checked_div(Decimal::from(12))?, "month")
    } else if c.has(Cue::Year) {
        (Decimal::from(365), "year")
    } else {
        return None;
    })
}

/// The length in days of a duration's unit ("min"), and the unit's name.
fn days_of_unit(u: &str) -> Option<(Decimal, &'static str)> {
    let day = Decimal::ONE;
    Some(match u {
        "s" => (day.checked_div(Decimal::from(86_400))?, "second"),
        "min" => (day.checked_div(Decimal::from(1_440))?, "minute"),
        "h" => (day.checked_div(Decimal::from(24))?, "hour"),
        "d" => (day, "day"),
        "wk" => (Decimal::from(7), "week"),
        "mo" => (Decimal::from(365).checked_div(Decimal::from(12))?, "month"),
        "yr" => (Decimal::from(365), "year"),
        _ => return None,
    })
}

/// The unit of time of a rate, in role `role`: a cue word ("pro Tag", "annually") or a
/// duration of one ("a year").
fn per_unit(doc: &Doc<'_>, si: usize, m: &Match, role: &str) -> Option<(Decimal, &'static str)> {
    let t = doc.tok(si, m, role)?;
    match t.quantity() {
        Some(q) => {
            let q = &doc.quantities[q];
            if q.value != Some(Decimal::ONE) || !is_duration(q) {
                return None;
            }
            days_of_unit(q.unit.as_deref()?)
        }
        None => days_of_cue(t),
    }
}

/// A rate per unit of time: an amount over a duration ("120,000 dollars in two minutes") or
/// a rate per another unit ("3,000 dlrs a day"), restated per the unit of `c`.
fn per_time(doc: &Doc<'_>, si: usize, m: &Match) -> Option<Claim> {
    let (a, c) = (doc.q(si, m, "a")?, doc.q(si, m, "c")?);
    let (qa, qc) = (&doc.quantities[a], &doc.quantities[c]);
    if qa.kind != qc.kind || qa.unit != qc.unit || !positive(doc, a) {
        return None;
    }
    let (to, to_name) = per_unit(doc, si, m, "u")?;
    let x = doc.operand(a)?;
    let (inputs, expr, (from, from_name), per) = if let Some(d) = doc.q(si, m, "d") {
        let qd = &doc.quantities[d];
        if !is_duration(qd) || !positive(doc, d) {
            return None;
        }
        let unit = days_of_unit(qd.unit.as_deref()?)?;
        (
            vec![x, doc.operand(d)?],
            Expr::Input(0) / Expr::Input(1) * Expr::Input(2),
            unit,
            true,
        )
    } else {
        let from = per_unit(doc, si, m, "u1")?;
        (vec![x], Expr::Input(0) * Expr::Input(1), from, false)
    };
    if from == to && !per {
        return None;
    }
    let k = to.checked_div(from)?;
    let shown = k.round_dp(4).normalize();
    let note = if k >= Decimal::ONE {
        format!("a {to_name} has {shown} {from_name}s")
    } else {
        format!("a {to_name} is {shown} of a {from_name}")
    };
    let mut inputs = inputs;
    inputs.push(Operand::constant(k, &shown.to_string()));
    let stated = doc.stated(c)?;
    let derived = expr.exact(&inputs).ok()?;
    if stated.value <= Decimal::ZERO || !plausible(derived, stated.value, Decimal::TWO) {
        return None;
    }
    let mut claim = Claim::new(RULE.id, stated, expr, inputs);
    claim.note = Some(note);
    Some(claim)
}

/// A price `p` per thing `k` and the total `t`: the count is the nearest number before the
/// price whose noun is the thing ("four mln shares … for 2.15 dlrs a share"), or the part
/// taken of it ("2.6 mln of the 3.06 mln shares … at 24 dlrs a share"): both readings are
/// proposed, the part's with a little less support.
fn product(doc: &Doc<'_>, si: usize, m: &Match, support: u8) -> Vec<Candidate> {
    let toks = doc.tokens(si);
    let (Some(p), Some(t), Some(pt)) = (doc.q(si, m, "p"), doc.q(si, m, "t"), m.token("p")) else {
        return Vec::new();
    };
    let (qp, qt) = (&doc.quantities[p], &doc.quantities[t]);
    if qp.unit != qt.unit || !positive(doc, p) {
        return Vec::new();
    }
    let is_count = |k: usize| {
        toks[k]
            .quantity()
            .is_some_and(|q| doc.quantities[q].kind == Kind::Number)
    };
    let nk = if let Some(k) = m.token("k") {
        // The count of the thing priced: "four mln shares … 2.15 dlrs a share".
        let thing = stem(word(doc, &toks[k]));
        (0..pt)
            .rev()
            .find(|&k| is_count(k) && count_noun(doc, si, k).as_deref() == Some(thing.as_str()))
    } else {
        // "each": the count right before, its noun and a word or two between ("40 seats at
        // $1,500 each").
        (pt.saturating_sub(4)..pt).rev().find(|&k| {
            is_count(k)
                && count_noun(doc, si, k).is_some()
                && toks[k + 1..pt].iter().all(|t| t.is_word())
        })
    };
    let Some(nk) = nk else {
        return Vec::new();
    };
    let mut counts = vec![(nk, support)];
    // "2.6 mln of the 3.06 mln shares": the number before "of" counts the same things.
    let of = (nk.saturating_sub(3)..nk)
        .rev()
        .find(|&j| toks[j].cues.has(Cue::Of))
        .filter(|&j| toks[j + 1..nk].iter().all(|t| t.cues.has(Cue::Det)));
    if let Some(j) = of
        && j > 0
        && toks[j - 1]
            .quantity()
            .is_some_and(|q| doc.quantities[q].kind == Kind::Number)
    {
        counts.push((j - 1, support.saturating_sub(5)));
    }
    counts
        .into_iter()
        .filter_map(|(ck, s)| {
            let n = toks[ck].quantity()?;
            if !positive(doc, n) {
                return None;
            }
            let (x, y) = (doc.operand(n)?, doc.operand(p)?);
            let stated = doc.stated(t)?;
            let derived = x.value.checked_mul(y.value)?;
            if stated.value <= Decimal::ZERO || !plausible(derived, stated.value, Decimal::TWO) {
                return None;
            }
            let c = Claim::new(RULE.id, stated, Expr::Input(0) * Expr::Input(1), vec![x, y]);
            Some(Candidate::new(c, s))
        })
        .collect()
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
    fn a_count_at_a_price_each_and_the_total() {
        verdicts(
            "They sold 300 tickets at £25 each, for a total of £7,500.",
            &[Verdict::Ok],
        );
        verdicts(
            "Es gab 40 Plätze zu je 1 500 Euro, insgesamt 80 000 Euro.",
            &[Verdict::Mismatch],
        );
        // The count must stand right before the price.
        verdicts(
            "In 2019 300 tickets were sold, and later the price was £25 each, for a total of £7,500.",
            &[],
        );
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
        verdicts(
            "The co-op sold 40,000 barrels for 900,000 dlrs, or 22.50 dlrs a barrel.",
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
        verdicts(
            "The state's output of $2.4 billion for 60,000 people comes to $40,000 per capita.",
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
    fn rates_per_unit_of_time() {
        assert_eq!(
            run(
                "average",
                "The firms earn 120,000 dollars in two minutes, or nearly 90 million dollars a day."
            ),
            [(
                Verdict::Ok,
                "120,000 dollars ÷ two minutes × 1440 = 86400000, the text says nearly 90 million dollars; a day has 1440 minutes"
                    .to_string()
            )]
        );
        verdicts(
            "Die Konzerne verdienen in fünf Minuten 250 000 Euro, also rund 72 Millionen Euro pro Tag, sagte sie.",
            &[Verdict::Ok],
        );
        verdicts(
            "Die Konzerne verdienen in fünf Minuten 250 000 Euro, also rund 100 Millionen Euro pro Tag, sagte sie.",
            &[Verdict::Mismatch],
        );
        verdicts(
            "Die Anlage verbraucht 600 Liter in zwei Stunden, also rund 7.200 Liter pro Tag.",
            &[Verdict::Ok],
        );
        verdicts(
            "The plant burns 4,000 tonnes a day, which is 1.46 mln tonnes a year.",
            &[Verdict::Ok],
        );
        verdicts(
            "The plant burns 4,000 tonnes a day, which is 1.2 mln tonnes a year.",
            &[Verdict::Mismatch],
        );
    }

    #[test]
    fn a_price_per_thing_times_the_count() {
        // 4 mln × 2.15 = 8.6 mln; "four mln" may be anything from 3.5 to 4.5 mln.
        assert_eq!(
            run(
                "average",
                "The group will buy four mln shares of the bank for 2.15 dlrs a share, or 8.6 mln dlrs."
            ),
            [(
                Verdict::Ok,
                "four mln × 2.15 dlrs = 8600000, the text says 8.6 mln dlrs".to_string()
            )]
        );
        verdicts(
            "The group will buy 4,120,000 shares of the bank for 2.15 dlrs a share, or 9.6 mln dlrs.",
            &[Verdict::Mismatch],
        );
        verdicts(
            "It placed 2,500,000 shares at 12 dlrs per share, for a total of 30 mln dlrs.",
            &[Verdict::Ok],
        );
        // The part sold of a holding is the count: 2.2 mln × 20 = 44 mln, where the holding
        // would give 52 mln.
        verdicts(
            "The fund will sell 2.2 mln of the 2.6 mln shares it holds at 20 dlrs a share, or 44 mln dlrs.",
            &[Verdict::Ok],
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
            "A day pass costs 5 dlrs a day, or 20 dlrs a week.",
            "It earned 2 mln dlrs, or 30 cts a share, on sales of 40 mln dlrs.",
            "Prices rise to 360 dlrs a ton from 340 dlrs a ton, and to 370 dlrs a ton in the West.",
        ] {
            assert!(
                run("average", text).is_empty(),
                "{text}: {:?}",
                run("average", text)
            );
        }
    }
}
