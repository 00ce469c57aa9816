//! `share-of-share`: a percentage of a percentage, and the overall share the text gives for it.

use crate::check::{Claim, Expr};
use crate::claims::{Doc, Rule};
use crate::quantity::Kind;

macro_rules! doc {
    () => {
        "## What it checks
A share of a share and the overall share the text states for it: \"X% of Y% … Z% total\",
\"X% of Y%, or Z%\". The overall share must be X × Y.

## Why it matters
Multiplying percentages is where articles slip most often: 38% of 23% is 8.74%, not 8.79%.

## Example
\"Among participants (23% of voters), 38% refused to work. While 38% of 23% doesn't sound like
much (it's 8.79% total) …\" → 38% × 23% = 8.74%, the text says 8.79%: `imprecise`, since the
inputs' rounding allows 8.44%–9.05%.

## Verdicts
`ok` when X × Y rounds to Z at Z's precision (or lies within Z's hedge), `imprecise` when only
the inputs' rounding reaches Z, `mismatch` otherwise.

## Tolerance
Each input stands for its rounding interval (38% is [37.5%, 38.5%]); the stated share for its
own, or for its hedge (\"about 9%\" is ±10%).

## When it does not fire
Without a word that presents the third figure as the combined share (\"total\", \"overall\", \"or\",
\"that is\", \"it's\", \"in all\"), or when the third figure is not smaller than both others."
    };
}

#[doc = doc!()]
pub const RULE: Rule = Rule {
    id: "share-of-share",
    summary: "X% of Y% must be the overall share the text gives",
    doc: doc!(),
    find: crate::claims::Finder::Claims(find),
};

/// Words between the second share and the third that present it as the product.
const CUES_BETWEEN: &[&str] = &[
    "or",
    "i.e.",
    "that is",
    "which is",
    "it's",
    "it is",
    "that's",
    "total",
    "overall",
    "in all",
    "equal to",
    "equals",
    "=",
    "meaning",
    "roughly",
    "about",
    "also",
    "insgesamt",
    "also rund",
];

/// Words right after the third share that present it as the product.
const CUES_AFTER: &[&str] = &[
    "total",
    "overall",
    "of all",
    "of the total",
    "in all",
    "insgesamt",
];

fn find(doc: &Doc<'_>) -> Vec<Claim> {
    let mut out = Vec::new();
    for &s in &doc.sentences {
        let idx: Vec<usize> = doc
            .in_sentence(s)
            .filter(|&i| doc.quantities[i].kind == Kind::Percent)
            .collect();
        for (k, w) in idx.windows(2).enumerate() {
            let (a, b) = (w[0], w[1]);
            let of = doc.between(a, b).trim();
            if of != "of" && of != "von" {
                continue;
            }
            // The first share after the pair that the text presents as their product.
            let Some(&c) = idx.get(k + 2) else {
                continue;
            };
            let gap = doc.between(b, c).to_lowercase();
            let after = doc.after(c, s, 16).trim_start().to_lowercase();
            let cued = CUES_BETWEEN
                .iter()
                .any(|w| crate::claims::has_word(&gap, w))
                || CUES_AFTER.iter().any(|w| after.starts_with(w));
            if !cued || doc.between(b, c).contains('%') {
                continue;
            }
            let (Some(x), Some(y), Some(stated)) = (doc.operand(a), doc.operand(b), doc.stated(c))
            else {
                continue;
            };
            if stated.value >= x.value || stated.value >= y.value {
                continue;
            }
            out.push(Claim::new(
                RULE.id,
                stated,
                Expr::Input(0) * Expr::Input(1),
                vec![x, y],
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::Verdict;
    use crate::claims::rules::tests::run;

    #[test]
    fn fires_on_a_share_of_a_share_with_a_total() {
        let v = run(
            "share-of-share",
            "While 38% of 23% doesn't sound like much (it's 8.79% total), it is a lot.",
        );
        assert_eq!(v, [(Verdict::Imprecise, "38% × 23% = 8.74%, the text says 8.79% (within the inputs' rounding: 8.438%–9.048%)".to_string())]);
        let v = run(
            "share-of-share",
            "Half of them, 50% of 40%, or 20%, stayed.",
        );
        assert_eq!(v[0].0, Verdict::Ok);
        let v = run(
            "share-of-share",
            "That is 40% of 30%, or 20% of all voters.",
        );
        assert_eq!(v[0].0, Verdict::Mismatch);
    }

    #[test]
    fn does_not_fire_without_a_cue_or_a_third_share() {
        assert!(run("share-of-share", "Some 38% of 23% of voters stayed home.").is_empty());
        assert!(run("share-of-share", "Of 40% of the land, 20% is forest.").is_empty());
        assert!(run("share-of-share", "38% of 23% stayed, while 5% left.").is_empty());
        // A third share larger than the factors is not their product.
        assert!(run("share-of-share", "38% of 23%, or 60% of the rest, stayed.").is_empty());
    }
}
