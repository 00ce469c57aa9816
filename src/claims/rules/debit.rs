//! `debit`: the SD of a binary variable must follow from its mean.

use super::grim::{parse_rounding, records, stated};
use crate::check::stats::Stat;
use crate::check::stats::granular::{Mode, Rounding};
use crate::check::{Claim, Expr};
use crate::claims::{Doc, Rule};
use rust_decimal::Decimal;

macro_rules! doc {
    () => {
        "## What it checks
The mean and SD of a binary (0/1) variable, \"the proportion of smokers (M = 0.19, SD = 0.35,
n = 1683)\": a 0/1 variable's SD is √(n/(n−1) · m(1−m)) for its mean m, so the SD must be what
some mean within the reported mean's rounding gives (DEBIT, Heathers and Brown 2019, as the R
package scrutiny implements it). The rule fires when the sentence says the variable is binary
(\"binary\", \"dichotomous\", \"proportion\", \"0/1\", \"yes/no\", \"dummy\") and the mean and
SD both lie between 0 and 1.

## Why it matters
A proportion's SD is fixed by the proportion; an SD that does not fit is a typo, or the
variable was not binary after all.

## Example
\"The proportion of smokers was M = 0.19 (SD = 0.35, n = 1683).\" → a 0/1 variable with mean
0.19 has an SD of 0.39: `mismatch`.

## Verdicts
`ok` when the SD fits, `mismatch` when it does not.

## Tolerance
Both figures stand for their rounding intervals; the SDs of every mean in the mean's interval
count, rounded like the reported SD.

## Settings
Set with `--set debit.KEY=VALUE`: `rounding` (up_or_down), `symmetric` (false), as for `grim`.
A claim file gives them per claim: `debit: {mean: \"0.19\", sd: \"0.35\", n: 1683}`.

## When it does not fire
When nothing in the sentence says the variable is binary, or a figure lies outside [0, 1]."
    };
}

#[doc = doc!()]
pub const RULE: Rule = Rule {
    id: "debit",
    summary: "the SD of a binary variable must follow from its mean",
    doc: doc!(),
    find: crate::claims::Finder::Claims(find),
};

/// DEBIT's settings: scrutiny's arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub rounding: Mode,
    pub symmetric: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            rounding: Mode::new(Rounding::UpOrDown),
            symmetric: false,
        }
    }
}

impl Settings {
    pub const KEYS: &'static [&'static str] = &["rounding", "symmetric"];

    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        match key {
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
        super::grim::mode(self.rounding, self.symmetric)
    }
}

/// Words that say a variable is binary.
const BINARY: &[&str] = &[
    "binary",
    "dichotomous",
    "proportion",
    "0/1",
    "yes/no",
    "dummy",
    "coded 0",
    "coded as 0",
];

fn find(doc: &Doc<'_>) -> Vec<Claim> {
    let st = &doc.settings.debit;
    let unit = |v: Decimal| v >= Decimal::ZERO && v <= Decimal::ONE;
    records(doc)
        .into_iter()
        .filter_map(|r| {
            let (n, sd) = (r.n?, r.sd?);
            let sentence = doc.text[r.sentence.start..r.sentence.end].to_lowercase();
            if !BINARY.iter().any(|w| sentence.contains(w))
                || !unit(r.mean.value)
                || !unit(sd.value)
                || n.value < 2
            {
                return None;
            }
            Some(Claim::new(
                RULE.id,
                stated(doc.text, sd.value, sd.span),
                Expr::Stat(Box::new(Stat::Debit {
                    mean: r.mean.value,
                    sd: sd.value,
                    n: n.value,
                    mode: st.mode(),
                })),
                r.inputs(doc.text, Some(sd), n),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::check::Verdict;
    use crate::claims::rules::tests::run;

    #[test]
    fn sd_of_a_proportion() {
        let r = run(
            "debit",
            "The proportion of smokers was M = 0.19 (SD = 0.35, n = 1683).",
        );
        assert_eq!(r[0].0, Verdict::Mismatch, "{r:?}");
        assert_eq!(
            run(
                "debit",
                "The binary outcome had M = 0.53, SD = 0.50, n = 1683."
            )[0]
            .0,
            Verdict::Ok
        );
        // Nothing says the variable is binary.
        assert!(run("debit", "Scores were M = 0.19 (SD = 0.35, n = 1683).").is_empty());
    }
}
