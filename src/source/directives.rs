//! Inline control in documents, as markdownlint and Vale have it:
//!
//! ```text
//! <!-- recount-disable -->                 every rule off from here
//! <!-- recount-disable change, sum -->     these rules off from here
//! <!-- recount-enable -->                  every rule back on (or: recount-enable change)
//! <!-- recount-disable-next-line -->       every rule (or the named ones) off on the next line
//! ```
//!
//! In LaTeX the same commands stand in a `%` comment: `% recount-disable change`,
//! `% recount-enable`, `% recount-disable-next-line`.
//!
//! The comments are found in the decoded file before a Markdown or HTML reader blanks them;
//! since those readers keep byte offsets, the ranges apply to the document's text as they are.

use crate::quantity::Span;

/// A stretch of the text where some rules, or all, are off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// `None`: every rule.
    pub rules: Option<Vec<String>>,
    pub span: Span,
}

impl Suppression {
    /// Whether rule `id` is off at byte `at`.
    pub fn covers(&self, id: &str, at: usize) -> bool {
        self.span.start <= at
            && at < self.span.end
            && self
                .rules
                .as_ref()
                .is_none_or(|r| r.iter().any(|x| x == id))
    }
}

/// The comments of `raw` that may hold a command: `<!-- … -->`, and a LaTeX `%` comment (a
/// `%` not escaped as `\%`) whose text begins with `recount-`; each with where it starts and
/// ends and its text, in the order they stand.
fn comments(raw: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    // memchr's vectorised search: this reads every byte of every input.
    let open = memchr::memmem::Finder::new("<!--");
    while let Some(k) = open.find(&raw.as_bytes()[from..]) {
        let start = from + k;
        let Some(len) = raw[start..].find("-->") else {
            break;
        };
        let end = start + len + 3;
        from = end;
        // "<!-->" and "<!--->" are empty comments (as HTML reads them): their closer overlaps
        // the opener.
        let body = raw.get(start + 4..start + len).unwrap_or("");
        out.push((start, end, body.trim()));
    }
    for (i, _) in raw.match_indices('%') {
        if raw[..i].ends_with('\\') {
            continue;
        }
        let end = raw[i..].find('\n').map_or(raw.len(), |n| i + n);
        let body = raw[i + 1..end].trim();
        if body.starts_with("recount-") && !out.iter().any(|&(s, e, _)| s <= i && i < e) {
            out.push((i, end, body));
        }
    }
    out.sort_by_key(|c| c.0);
    out
}

/// The suppressions the comments in `raw` ask for.
pub fn suppressions(raw: &str) -> Vec<Suppression> {
    let mut out = Vec::new();
    // Open "disable" regions: where each starts and which rules it names.
    let mut open: Vec<(usize, Option<Vec<String>>)> = Vec::new();
    for (start, end, body) in comments(raw) {
        let Some(cmd) = body.strip_prefix("recount-") else {
            continue;
        };
        let (verb, rest) = cmd.split_once(char::is_whitespace).unwrap_or((cmd, ""));
        let names: Vec<String> = rest
            .split([',', ' '])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let rules = (!names.is_empty()).then_some(names);
        match verb {
            "disable" => open.push((end, rules)),
            "enable" => {
                open.retain(|(s, r)| {
                    let closes = match (&rules, r) {
                        (None, _) => true,
                        (Some(want), Some(have)) => have.iter().all(|h| want.contains(h)),
                        (Some(_), None) => false,
                    };
                    if closes {
                        out.push(Suppression {
                            rules: r.clone(),
                            span: Span::new(*s, start),
                        });
                    }
                    !closes
                });
            }
            "disable-next-line" => {
                let line_start = raw[end..].find('\n').map_or(raw.len(), |i| end + i + 1);
                let line_end = raw[line_start..]
                    .find('\n')
                    .map_or(raw.len(), |i| line_start + i);
                out.push(Suppression {
                    rules,
                    span: Span::new(line_start, line_end),
                });
            }
            _ => {}
        }
    }
    for (s, r) in open {
        out.push(Suppression {
            rules: r,
            span: Span::new(s, raw.len()),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_and_next_lines() {
        let raw = "a 1\n<!-- recount-disable change -->\nb 2\n<!-- recount-enable -->\nc 3\n<!-- recount-disable-next-line -->\nd 4\ne 5";
        let s = suppressions(raw);
        let at = |t: &str| raw.find(t).unwrap();
        let off = |id: &str, t: &str| s.iter().any(|x| x.covers(id, at(t)));
        assert!(!off("change", "a 1"));
        assert!(off("change", "b 2"));
        assert!(!off("sum", "b 2"));
        assert!(!off("change", "c 3"));
        assert!(off("sum", "d 4") && off("change", "d 4"));
        assert!(!off("sum", "e 5"));
    }

    #[test]
    fn latex_comments_hold_the_same_commands() {
        let raw = "a 1\n% recount-disable change\nb 2\n  % recount-enable\nc 3 % recount-disable-next-line sum\nd 4\n50\\% recount-disable\ne 5";
        let s = suppressions(raw);
        let at = |t: &str| raw.find(t).unwrap();
        let off = |id: &str, t: &str| s.iter().any(|x| x.covers(id, at(t)));
        assert!(!off("change", "a 1"));
        assert!(off("change", "b 2") && !off("sum", "b 2"));
        assert!(!off("change", "c 3"));
        assert!(off("sum", "d 4") && !off("change", "d 4"));
        // An escaped percent sign starts no comment.
        assert!(!off("sum", "e 5"));
    }

    #[test]
    fn an_unclosed_region_runs_to_the_end_and_other_comments_are_ignored() {
        let raw = "<!-- a note --> x <!-- recount-disable --> y <!-- unterminated";
        let s = suppressions(raw);
        assert_eq!(s.len(), 1);
        assert!(s[0].covers("sum", raw.find('y').unwrap()));
        assert!(!s[0].covers("sum", raw.find('x').unwrap()));
    }

    #[test]
    fn empty_comments_whose_closer_overlaps_the_opener() {
        // "<!-->" closes at once, so the command after it stands outside any comment, and
        // the next comment is read whole.
        let raw = "a 1 <!--> recount-disable --> b 2 <!---> <!-- recount-disable --> c 3";
        let s = suppressions(raw);
        assert_eq!(s.len(), 1, "{s:?}");
        assert!(s[0].covers("sum", raw.find("c 3").unwrap()));
        assert!(!s[0].covers("sum", raw.find("b 2").unwrap()));
    }
}
