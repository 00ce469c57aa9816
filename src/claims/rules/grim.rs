//! `grim`: a mean of whole-number data must be a possible mean of its sample size.
//!
//! Also the reading of means, SDs and sample sizes from the text ([`records`]) that `grimmer`
//! and `debit` share.

use crate::check::interval::{Range, Target};
use crate::check::stats::Stat;
use crate::check::stats::granular::{Mode, Rounding};
use crate::check::{Claim, Expr, Operand, Stated};
use crate::claims::{Doc, Rule};
use crate::quantity::Span;
use rust_decimal::Decimal;
use std::str::FromStr;

macro_rules! doc {
    () => {
        "## What it checks
A mean reported with its sample size, \"M = 5.19, SD = 1.34, n = 28\", \"(M = 3.45, N = 20)\":
if the data are whole numbers (ratings on a scale, counts, scores), the mean of n of them is
a multiple of 1/n, and a reported mean must be one of those multiples rounded to its decimals
(GRIM, Brown and Heathers 2016). The mean is read as written: \"5.20\" claims two decimals, so
it must round from a multiple of 1/n at two decimals. With several items per response
(`items`), the grid is 1/(n × items).

## Why it matters
A mean that no sample of that size can produce means that the mean, the sample size or the
data are wrong: a typo, a dropped participant, or worse. GRIM found such means in about half
of the psychology papers its authors checked.

## Example
\"Participants rated the task (M = 5.19, SD = 1.34, n = 28).\" → 145/28 = 5.179 and 146/28 =
5.214 are the nearest means of 28 whole numbers; neither rounds to 5.19: `mismatch`.

## Verdicts
`ok` when some multiple of 1/(n × items) rounds to the mean, `mismatch` when none does.

## Tolerance
The mean is compared at its own decimals, in the rounding mode set (`up_or_down` by default:
half up or half down both count). Means with more than n × items possible values at their
decimals (a mean of 200 responses to two decimals) are not checked: every mean is possible.

## Settings
Set with `--set grim.KEY=VALUE` (scrutiny's argument in brackets): `items` (items, 1);
`rounding` (rounding, up_or_down; also up, down, even, ceiling_or_floor, ceiling, floor, trunc,
anti_trunc, up_from:N, down_from:N, up_from_or_down_from:N, 05up, which take a mean exactly
on a step's boundary as possibly a hair either side, as scrutiny does; or Python's ROUND_HALF_UP,
ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_05UP,
which round it exactly); `symmetric` (symmetric, false). A claim file gives them per claim: `grim: {mean: \"5.19\", n: 28, items: 1}`.

## When it does not fire
For a mean with a unit after it (\"M = 534.27 ms\"), which is rarely a mean of whole numbers;
when the sentence gives no sample size or several that could be the mean's; for a sample size
that is no whole number."
    };
}

#[doc = doc!()]
pub const RULE: Rule = Rule {
    id: "grim",
    summary: "a mean of whole numbers must be possible for its sample size",
    doc: doc!(),
    find: crate::claims::Finder::Claims(find),
};

/// GRIM's and GRIMMER's settings: scrutiny's arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub items: u64,
    pub rounding: Mode,
    pub symmetric: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            items: 1,
            rounding: Mode::new(Rounding::UpOrDown),
            symmetric: false,
        }
    }
}

impl Settings {
    pub const KEYS: &'static [&'static str] = &["items", "rounding", "symmetric"];

    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        match key {
            "items" => {
                self.items = value
                    .trim()
                    .parse()
                    .ok()
                    .filter(|i| *i >= 1)
                    .ok_or_else(|| {
                        format!("expected a whole number of items (1 or more), got \"{value}\"")
                    })?
            }
            "rounding" => self.rounding = parse_rounding(value)?,
            "symmetric" => self.symmetric = super::p_value::parse_bool(value)?,
            _ => {
                return Err(format!(
                    "unknown setting \"{key}\" (expected one of {})",
                    Self::KEYS.join(", ")
                ));
            }
        }
        Ok(())
    }

    pub fn mode(&self) -> Mode {
        mode(self.rounding, self.symmetric)
    }
}

/// The rounding mode `rounding`, with its ties taken both ways when `symmetric` asks for it.
pub fn mode(rounding: Mode, symmetric: bool) -> Mode {
    Mode {
        symmetric: symmetric || rounding.symmetric,
        ..rounding
    }
}

/// A rounding mode by name, or what names there are.
pub fn parse_rounding(value: &str) -> Result<Mode, String> {
    Mode::parse(value).ok_or_else(|| {
        format!(
            "unknown rounding \"{value}\" (expected one of {}, or Python's ROUND_HALF_UP, ROUND_HALF_EVEN, …)",
            Rounding::NAMES.join(", ")
        )
    })
}

/// A figure as written, with where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At<T> {
    pub value: T,
    /// The label and the figure ("M = 5.19").
    pub span: Span,
}

/// A mean the text reports, with the SD and sample size that go with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub mean: At<Decimal>,
    pub sd: Option<At<Decimal>>,
    pub n: Option<At<u64>>,
    /// The sentence it stands in.
    pub sentence: Span,
}

impl Record {
    /// The mean, the SD `sd` (for the tests that read one) and the sample size `n` as the
    /// inputs of a claim.
    pub fn inputs(&self, text: &str, sd: Option<At<Decimal>>, n: At<u64>) -> Vec<Operand> {
        let mut out = vec![operand(text, self.mean.value, self.mean.span)];
        out.extend(sd.map(|sd| operand(text, sd.value, sd.span)));
        out.push(operand(text, Decimal::from(n.value), n.span));
        out
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Mean,
    Sd,
    N,
}

/// The labels of means, SDs and sample sizes.
const LABELS: &[(&str, Key)] = &[
    ("Mean", Key::Mean),
    ("mean", Key::Mean),
    ("M", Key::Mean),
    ("x̄", Key::Mean),
    ("SD", Key::Sd),
    ("S.D.", Key::Sd),
    ("s.d.", Key::Sd),
    ("sd", Key::Sd),
    ("N", Key::N),
    ("n", Key::N),
];

/// Unit words after a mean that make it a measurement rather than a mean of whole numbers.
const UNITS: &[&str] = &[
    "ms", "s", "sec", "seconds", "min", "minutes", "h", "hours", "days", "years", "months", "kg",
    "g", "cm", "mm", "m", "km", "lb", "%", "°", "mmHg", "bpm", "Hz",
];

/// The labelled figures of a sentence, in order: (key, value text, span).
fn items(text: &str, s: Span) -> Vec<(Key, Decimal, Span, bool)> {
    let t = &text[s.start..s.end];
    let mut out = Vec::new();
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !matches!(b[i], b'M' | b'm' | b'x' | b'S' | b's' | b'N' | b'n')
            || t[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric())
        {
            i += 1;
            continue;
        }
        let Some((key, after)) = LABELS
            .iter()
            .find_map(|(l, k)| t[i..].starts_with(l).then(|| (*k, i + l.len())))
        else {
            i += 1;
            continue;
        };
        let rest = &t[after..];
        let lead = rest.len() - rest.trim_start().len();
        let r = rest.trim_start();
        let Some(r) = r.strip_prefix('=').or_else(|| r.strip_prefix(':')) else {
            i += 1;
            continue;
        };
        let eq = after + lead + 1;
        let lead2 = r.len() - r.trim_start().len();
        let num_start = eq + lead2;
        let num = &t[num_start..];
        let neg = num.starts_with(['-', '−']);
        let digits_at = num_start
            + if neg {
                num.chars().next().map_or(0, char::len_utf8)
            } else {
                0
            };
        let mut end = digits_at;
        let nb = t.as_bytes();
        let mut seen_point = false;
        while end < nb.len() {
            match nb[end] {
                b'0'..=b'9' => end += 1,
                b'.' if !seen_point && nb.get(end + 1).is_some_and(u8::is_ascii_digit) => {
                    seen_point = true;
                    end += 1
                }
                b',' if key == Key::N
                    && nb
                        .get(end + 1..end + 4)
                        .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
                    && !nb.get(end + 4).is_some_and(u8::is_ascii_digit) =>
                {
                    end += 1
                }
                _ => break,
            }
        }
        if end == digits_at {
            i += 1;
            continue;
        }
        let raw: String = t[digits_at..end].chars().filter(|c| *c != ',').collect();
        let raw = if raw.starts_with('.') {
            format!("0{raw}")
        } else {
            raw
        };
        let Ok(mut v) = Decimal::from_str(&raw) else {
            i += 1;
            continue;
        };
        if neg {
            v = -v;
        }
        let tail = t[end..].trim_start();
        let unit = UNITS.iter().any(|u| {
            tail.starts_with(u) && !tail[u.len()..].starts_with(|c: char| c.is_alphanumeric())
        });
        out.push((key, v, Span::new(s.start + i, s.start + end), unit));
        i = end;
    }
    out
}

/// The means of the text with their SDs and sample sizes: a mean takes the SD and n that follow
/// it before the next mean, or the sentence's one n.
pub fn records(doc: &Doc<'_>) -> Vec<Record> {
    let mut out = Vec::new();
    for &s in &doc.sentences {
        // Every item is a label, then '=' or ':': most sentences of prose have neither mark.
        if memchr::memchr2(b'=', b':', &doc.text.as_bytes()[s.start..s.end]).is_none() {
            continue;
        }
        let its = items(doc.text, s);
        if !its.iter().any(|(k, ..)| *k == Key::Mean) {
            continue;
        }
        let ns: Vec<_> = its.iter().filter(|(k, ..)| *k == Key::N).collect();
        for (idx, (k, v, span, unit)) in its.iter().enumerate() {
            if *k != Key::Mean || *unit {
                continue;
            }
            let mut sd = None;
            let mut n = None;
            for (k2, v2, s2, _) in &its[idx + 1..] {
                match k2 {
                    Key::Mean => break,
                    Key::Sd if sd.is_none() => {
                        sd = Some(At {
                            value: *v2,
                            span: *s2,
                        })
                    }
                    Key::N if n.is_none() => n = Some((*v2, *s2)),
                    _ => {}
                }
            }
            if n.is_none() && ns.len() == 1 {
                n = Some((ns[0].1, ns[0].2));
            }
            let n = n.and_then(|(v, span)| {
                let whole = v.fract().is_zero() && v > Decimal::ZERO;
                let value = rust_decimal::prelude::ToPrimitive::to_u64(&v).filter(|_| whole)?;
                Some(At { value, span })
            });
            out.push(Record {
                mean: At {
                    value: *v,
                    span: *span,
                },
                sd,
                n,
                sentence: s,
            });
        }
    }
    out
}

/// An operand for a figure of the text.
pub fn operand(text: &str, value: Decimal, span: Span) -> Operand {
    Operand {
        text: text[span.start..span.end].to_string(),
        value,
        range: Range::point(value),
        span: Some(span),
        fact: None,
    }
}

/// The stated figure of a granularity claim.
pub fn stated(text: &str, value: Decimal, span: Span) -> Stated {
    Stated {
        text: text[span.start..span.end].to_string(),
        span,
        value,
        percent: false,
        unit: None,
        target: Target::closed(Range::point(value)),
        places: value.scale(),
    }
}

/// Whether GRIM can tell anything: fewer possible means than values at the mean's decimals.
pub fn informative(mean: Decimal, n: u64, items: u64) -> bool {
    let grid = 10u64.checked_pow(mean.scale()).unwrap_or(u64::MAX);
    n.saturating_mul(items) < grid
}

fn find(doc: &Doc<'_>) -> Vec<Claim> {
    let st = &doc.settings.grim;
    records(doc)
        .into_iter()
        .filter_map(|r| {
            let n = r.n?;
            if !informative(r.mean.value, n.value, st.items) {
                return None;
            }
            Some(Claim::new(
                RULE.id,
                stated(doc.text, r.mean.value, r.mean.span),
                Expr::Stat(Box::new(Stat::Grim {
                    mean: r.mean.value,
                    n: n.value,
                    items: st.items,
                    percent: false,
                    mode: st.mode(),
                })),
                r.inputs(doc.text, None, n),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::check::Verdict;
    use crate::claims::rules::tests::run;

    #[test]
    fn means_of_whole_numbers() {
        let r = run(
            "grim",
            "Participants rated the task (M = 5.19, SD = 1.34, n = 28).",
        );
        assert_eq!(
            r,
            [(
                Verdict::Mismatch,
                "no mean of 28 whole-number responses rounds to 5.19: 145/28 = 5.1786 and 146/28 = 5.2143 are the nearest"
                    .to_string()
            )]
        );
        assert_eq!(run("grim", "(M = 5.18, N = 28)")[0].0, Verdict::Ok);
        // Trailing zeros count.
        assert_eq!(run("grim", "(M = 5.20, N = 28)")[0].0, Verdict::Mismatch);
        // The one sample size of the sentence.
        assert_eq!(
            run(
                "grim",
                "The 28 students (n = 28) rated it M = 5.19 and SD = 1.3."
            )[0]
            .0,
            Verdict::Mismatch
        );
    }

    #[test]
    fn does_not_fire_without_a_whole_sample_or_on_measurements() {
        for text in [
            "Reaction times were M = 534.27 ms (SD = 80.1, n = 28).",
            "The mean was M = 5.19.",
            "M = 5.19, n = 28.5",
            "Groups of n = 14 and n = 16 took part; M = 5.19.",
            "(M = 5.193, n = 2000)",
        ] {
            assert!(
                run("grim", text).is_empty(),
                "{text}: {:?}",
                run("grim", text)
            );
        }
    }
}
