//! `share-of-share`: a percentage of a percentage, and the overall share the text gives for it.

use crate::check::{Claim, Expr};
use crate::claims::{Candidate, Doc, Finder, Frames, Rule};
use std::sync::LazyLock;

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
    find: Finder::Candidates(find),
};

/// The frames of a share of a share. Roles: `x` and `y` the shares, `z` their product.
static FRAMES: LazyLock<Frames> = LazyLock::new(|| {
    Frames::new(&[
        // "38% of 23% doesn't sound like much (it's 8.79% total)", "50% of 40%, or 20%", "70%
        // of 60% were under forty, or 42% of them"
        (
            85,
            "{x:pct} OF {y:pct} _6 [{o:amt|dur} _2]? OR|THAT_IS|TOTAL|EQUALS|ABOUT {z:pct}",
        ),
        // "40% of 30% — 12% of all voters in all"
        (80, "{x:pct} OF {y:pct} _6 {z:pct} TOTAL"),
    ])
});

fn find(doc: &Doc<'_>) -> Vec<Candidate> {
    doc.matches(&FRAMES)
        .filter_map(|(si, m, support)| {
            let (a, b, c) = (
                doc.q(si, &m, "x")?,
                doc.q(si, &m, "y")?,
                doc.q(si, &m, "z")?,
            );
            let (x, y, stated) = (doc.operand(a)?, doc.operand(b)?, doc.stated(c)?);
            // The product is smaller than both shares.
            if stated.value >= x.value || stated.value >= y.value {
                return None;
            }
            Some(Candidate::new(
                Claim::new(RULE.id, stated, Expr::Input(0) * Expr::Input(1), vec![x, y]),
                support,
            ))
        })
        .collect()
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
