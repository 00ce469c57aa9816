//! Document facts: values the text states about a named thing, wherever they stand, so that a
//! claim elsewhere in the text can use them.
//!
//! ```text
//! fact  = name " (" quantity ")"                       ; "Minneapolis (430.000)"
//!       | "the population of " name " is " quantity    ; "the population of Ulm is 126,000"
//!       | name " has " quantity " " people-noun        ; "Ulm has 126,000 inhabitants"
//! name  = up to four words, the last capitalised or a noun after capitalised words
//! ```

use crate::quantity::{Kind, Quantity, Span};

/// A value the text states about a named thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// The name as written ("St. Paul", "Twin Cities population").
    pub name: String,
    /// Where the name stands.
    pub name_span: Span,
    /// The index of the quantity that gives the value.
    pub quantity: usize,
}

/// The facts of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    pub facts: Vec<Fact>,
}

/// Words that end a name when read backwards from the value.
const STOP: &[&str] = &[
    "the", "of", "and", "or", "in", "to", "a", "an", "from", "with", "for", "by", "at", "on", "as",
    "than", "that", "up", "make", "makes", "together", "der", "die", "das", "und", "von", "mit",
    "im", "in",
];

/// Nouns that say a count of people follows "X has N".
const PEOPLE: &[&str] = &[
    "inhabitants",
    "residents",
    "people",
    "citizens",
    "Einwohner",
    "Menschen",
];

impl Facts {
    /// Finds the facts in `text`, whose quantities are `qs`.
    pub fn find(text: &str, qs: &[Quantity]) -> Facts {
        let mut facts = Vec::new();
        for (i, q) in qs.iter().enumerate() {
            if !matches!(q.kind, Kind::Number | Kind::Money) || q.value.is_none() {
                continue;
            }
            let before = &text[..q.span.start];
            let after = &text[q.span.end..];
            // "Minneapolis (430.000)"
            if let Some(b) = before.strip_suffix('(') {
                if after.starts_with(')')
                    && let Some((name, span)) = name_before(text, b.trim_end_matches(' ').len())
                {
                    facts.push(Fact {
                        name,
                        name_span: span,
                        quantity: i,
                    });
                }
                continue;
            }
            // "the population of Ulm is 126,000"
            for verb in [" is ", " was ", " are ", " of "] {
                // A name is a few words: look back no further than 80 bytes.
                let near = crate::locale::floor_char_boundary(
                    text,
                    before.len().saturating_sub(80 + verb.len()),
                );
                if let Some(b) = before.strip_suffix(verb)
                    && let Some(k) = b[near.min(b.len())..]
                        .rfind("population of ")
                        .map(|k| near + k)
                {
                    let name_start = k + "population of ".len();
                    let name = b[name_start..].trim();
                    if is_name(name) {
                        facts.push(Fact {
                            name: name.to_string(),
                            name_span: Span::new(name_start, name_start + name.len()),
                            quantity: i,
                        });
                    }
                }
            }
            // "Ulm has 126,000 inhabitants"
            if let Some(b) = before
                .strip_suffix(" has ")
                .or_else(|| before.strip_suffix(" hat "))
            {
                let noun = after
                    .trim_start()
                    .split(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or("");
                if PEOPLE.contains(&noun)
                    && let Some((name, span)) = name_before(text, b.len())
                {
                    facts.push(Fact {
                        name,
                        name_span: span,
                        quantity: i,
                    });
                }
            }
        }
        Facts { facts }
    }

    /// The fact whose name is `name` (case-insensitive), or whose name starts with it ("Twin
    /// Cities" finds "Twin Cities population").
    pub fn get(&self, name: &str) -> Option<&Fact> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        self.facts
            .iter()
            .find(|f| f.name.eq_ignore_ascii_case(name))
            .or_else(|| {
                self.facts.iter().find(|f| {
                    f.name.len() > name.len()
                        && f.name.is_char_boundary(name.len())
                        && f.name[..name.len()].eq_ignore_ascii_case(name)
                        && f.name[name.len()..].starts_with(' ')
                })
            })
    }

    /// The fact with the longest name that ends `fragment` ("… of the Twin Cities").
    pub fn ending(&self, fragment: &str) -> Option<&Fact> {
        let f = fragment.trim_end();
        self.facts
            .iter()
            .filter(|fact| {
                f.len() >= fact.name.len()
                    && f.is_char_boundary(f.len() - fact.name.len())
                    && f[f.len() - fact.name.len()..].eq_ignore_ascii_case(&fact.name)
            })
            .max_by_key(|fact| fact.name.len())
    }
}

/// Whether `s` reads as a name: one to four words, the first capitalised.
fn is_name(s: &str) -> bool {
    let words: Vec<_> = s.split_whitespace().collect();
    (1..=4).contains(&words.len()) && words[0].chars().next().is_some_and(char::is_uppercase)
}

/// The name that ends at byte `end`: up to four words back, stopping at punctuation or a
/// stop word; it must contain a capitalised word.
fn name_before(text: &str, end: usize) -> Option<(String, Span)> {
    // An appositive name keeps its comma: "Its neighbour, Millbrook, has 62,000".
    let end = text[..end].trim_end().trim_end_matches(',').len();
    let head = &text[..end];
    let mut start = end;
    for w in head.rsplit(' ').take(4) {
        let word = w.trim();
        if word.is_empty() {
            break;
        }
        let clean = word.trim_end_matches('.');
        let abbreviation = word.ends_with('.')
            && clean.chars().next().is_some_and(char::is_uppercase)
            && (clean.len() == 1 || super::ABBREVIATIONS.contains(&clean));
        if STOP.contains(&word)
            || word.ends_with([',', ';', ':', '(', ')', '"', '“', '”'])
            || (word.ends_with('.') && !abbreviation)
            || !word.chars().next().is_some_and(char::is_alphabetic)
        {
            break;
        }
        start -= w.len() + usize::from(start < end);
        if start == 0 {
            break;
        }
    }
    let start = start.min(end);
    let mut name = text[start..end].trim();
    for article in ["The ", "the ", "Die ", "Der ", "Das "] {
        name = name.strip_prefix(article).unwrap_or(name);
    }
    let capitalised = text[start..end]
        .trim()
        .split(' ')
        .any(|w| w.chars().next().is_some_and(char::is_uppercase));
    if name.is_empty() || !capitalised {
        return None;
    }
    let s = end - name.len();
    Some((name.to_string(), Span::new(s, end)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Setting;

    fn facts(text: &str) -> Vec<(String, String)> {
        let r = crate::recognize(text, Setting::Auto);
        Facts::find(text, &r.quantities)
            .facts
            .into_iter()
            .map(|f| {
                let q = &r.quantities[f.quantity];
                (
                    f.name,
                    q.value
                        .map(|v| v.normalize().to_string())
                        .unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn parenthesised_values_after_names() {
        assert_eq!(
            facts(
                "Minneapolis (430.000) and St. Paul (310.000) together make up just under 20% of the Twin Cities population (3.76 million)."
            ),
            [
                ("Minneapolis".to_string(), "430000".to_string()),
                ("St. Paul".to_string(), "310000".to_string()),
                ("Twin Cities population".to_string(), "3760000".to_string()),
            ]
        );
    }

    #[test]
    fn appositive_names() {
        assert_eq!(
            facts("Its neighbour, Millbrook, has 62,000 inhabitants."),
            [("Millbrook".to_string(), "62000".to_string())]
        );
    }

    #[test]
    fn population_sentences() {
        assert_eq!(
            facts("The population of Ulm is 126,000."),
            [("Ulm".to_string(), "126000".to_string())]
        );
        assert_eq!(
            facts("Harbor City has 186,000 inhabitants."),
            [("Harbor City".to_string(), "186000".to_string())]
        );
    }

    #[test]
    fn no_fact_without_a_name() {
        assert!(facts("the rallies (50,000) were big").is_empty());
        assert!(facts("It rose (5%) last year.").is_empty());
    }

    #[test]
    fn lookup_by_prefix_and_ending() {
        let text = "of the Twin Cities population (3.76 million) and Ulm (126,000)";
        let r = crate::recognize(text, Setting::Auto);
        let f = Facts::find(text, &r.quantities);
        assert_eq!(
            f.get("twin cities").map(|f| f.name.as_str()),
            Some("Twin Cities population")
        );
        assert_eq!(
            f.ending("so for 80% of the Twin Cities population")
                .map(|f| f.name.as_str()),
            Some("Twin Cities population")
        );
        assert!(f.get("Cities").is_none());
    }
}
