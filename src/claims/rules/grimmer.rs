//! `grimmer`: a mean and SD of whole-number data must be possible together for their sample
//! size.

use super::grim::{informative, records, stated};
use crate::check::stats::Stat;
use crate::check::stats::granular::{self, GrimmerReason};
use crate::check::{Claim, Expr};
use crate::claims::{Doc, Rule};

macro_rules! doc {
    () => {
        "## What it checks
A mean and SD with their sample size, \"M = 5.21, SD = 1.6, n = 28\": if the data are whole
numbers, their sum of squares is a whole number of the same parity as their sum, and the SD
follows from it. GRIMMER (Anaya 2016, in Allard's analytic form as the R package scrutiny
implements it) checks that some whole-number sum of squares within the SD's rounding gives an
SD that rounds to the reported one and has the sum's parity.

## Why it matters
An SD that whole-number data cannot produce is a sign of a typo or of data that do not match
the report, and it is found in papers whose means pass GRIM.

## Example
\"(M = 5.23, SD = 2.55, n = 35)\" → the sums of squares that give SD 2.55 have the wrong parity
for a sum of 183: `mismatch` (\"test 3\", scrutiny's name for it).

## Verdicts
`ok` when the SD is possible, `mismatch` when it is not, with scrutiny's reason: no sum of
squares within the SD's bounds (test 1), none that rounds to the SD (test 2), none of the
sum's parity (test 3). A mean that fails GRIM is left to the `grim` rule.

## Tolerance
The SD is read as written, its trailing zeros kept, and stands for its rounding interval; the
rounding mode and items are GRIM's.

## Settings
Set with `--set grimmer.KEY=VALUE`: `items` (1), `rounding` (up_or_down), `symmetric`
(false), as for `grim`. A claim file gives them per claim: `grimmer: {mean: \"5.21\", sd:
\"1.6\", n: 28}`.

## When it does not fire
As `grim`; and without an SD after the mean."
    };
}

#[doc = doc!()]
pub const RULE: Rule = Rule {
    id: "grimmer",
    summary: "a mean and SD of whole numbers must be possible for their sample size",
    doc: doc!(),
    find: crate::claims::Finder::Claims(find),
};

fn find(doc: &Doc<'_>) -> Vec<Claim> {
    let st = &doc.settings.grimmer;
    records(doc)
        .into_iter()
        .filter_map(|r| {
            let (n, sd) = (r.n?, r.sd?);
            if !informative(r.mean.value, n.value, st.items) || n.value < 2 {
                return None;
            }
            // A mean that fails GRIM is `grim`'s finding.
            let reason = granular::grimmer(r.mean.value, sd.value, n.value, st.items, st.mode())?;
            if reason == GrimmerReason::Grim {
                return None;
            }
            Some(Claim::new(
                RULE.id,
                stated(doc.text, sd.value, sd.span),
                Expr::Stat(Box::new(Stat::Grimmer {
                    mean: r.mean.value,
                    sd: sd.value,
                    n: n.value,
                    items: st.items,
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
    fn sds_of_whole_numbers() {
        assert_eq!(
            run("grimmer", "(M = 5.21, SD = 1.6, n = 28)")[0].0,
            Verdict::Ok
        );
        let r = run("grimmer", "(M = 5.23, SD = 2.55, n = 35)");
        assert_eq!(r[0].0, Verdict::Mismatch, "{r:?}");
        assert!(r[0].1.contains("(test 3)"), "{r:?}");
        // 1 1 2 3 3 4 4 4 4 5 has mean 3.10 and SD 1.37.
        assert_eq!(
            run("grimmer", "M = 3.10, SD = 1.37, N = 10")[0].0,
            Verdict::Ok
        );
        // A mean that fails GRIM is grim's.
        assert!(run("grimmer", "(M = 5.19, SD = 1.5, n = 28)").is_empty());
        assert_eq!(
            run("grim", "(M = 5.19, SD = 1.5, n = 28)")[0].0,
            Verdict::Mismatch
        );
    }
}
