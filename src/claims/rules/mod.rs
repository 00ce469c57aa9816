//! The registry of rules: one file each, one line each here.

use super::Rule;

pub mod average;
pub mod breakdown;
pub mod change;
pub mod complement;
pub mod conversion;
pub mod multiple;
pub mod part_of_whole;
pub mod share_of_share;
pub mod sum;
pub mod weekday;

/// Every rule, in the order `recount rules` lists them.
pub static RULES: &[Rule] = &[
    share_of_share::RULE,
    part_of_whole::RULE,
    change::RULE,
    sum::RULE,
    average::RULE,
    multiple::RULE,
    complement::RULE,
    breakdown::RULE,
    weekday::RULE,
    conversion::RULE,
];

#[cfg(test)]
pub(crate) mod tests {
    use crate::check::Verdict;
    use crate::claims::{Doc, rule};
    use crate::locale::Setting;

    /// The verdicts and messages of rule `id` on `text`.
    pub fn run(id: &str, text: &str) -> Vec<(Verdict, String)> {
        let r = crate::recognize(text, Setting::Auto);
        let doc = Doc::new(text, &r);
        let rule = rule(id).unwrap_or_else(|| panic!("no rule {id}"));
        crate::claims::select::select(rule.candidates(&doc))
            .into_iter()
            .map(|o| (o.verdict, o.message))
            .collect()
    }

    /// Asserts the verdicts of rule `id` on `text`, showing its messages if they differ.
    pub fn verdicts_of(id: &str, text: &str, want: &[Verdict]) {
        let got = run(id, text);
        let v: Vec<Verdict> = got.iter().map(|(v, _)| *v).collect();
        assert_eq!(v, want, "{text}: {got:?}");
    }

    #[test]
    fn ids_are_unique_and_documented() {
        let mut ids: Vec<_> = super::RULES.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), super::RULES.len());
        for r in super::RULES {
            for section in [
                "## What it checks",
                "## Why it matters",
                "## Example",
                "## Verdicts",
                "## Tolerance",
            ] {
                assert!(r.doc.contains(section), "{} lacks {section}", r.id);
            }
        }
    }
}
