//! The report of `recount verify`: a claim file's findings in the formats of `recount check`
//! (the JSON shape is documented in [`super::check`]), pointing into the claim file and, where
//! a claim's quote stands in the article, into the article too.

use super::LineIndex;
use super::check::{FileOut, PlaceOut, ProblemOut, Summary, finding_out};
use crate::check::Verdict;
use crate::claims::file::{Failed, QuoteIssue, Verified};
use crate::quantity::Span;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

fn place(path: &str, text: &str, idx: &LineIndex, s: Span) -> PlaceOut {
    let (line, column) = idx.line_col(text, s.start);
    PlaceOut {
        path: path.to_string(),
        start: s.start,
        end: s.end,
        line,
        column,
    }
}

/// Builds the report of a verified claim file; `shown` decides which findings are listed (the
/// summary counts all; quote problems are always listed).
pub fn file_out(v: &Verified, shown: impl Fn(Verdict) -> bool) -> FileOut {
    let idx = LineIndex::new(&v.text);
    let aidx = v.article.as_ref().map(|a| LineIndex::new(&a.text));
    let mut summary = Summary::default();
    let mut findings = Vec::new();
    for c in &v.checked {
        summary.count(c.outcome.verdict);
        if !shown(c.outcome.verdict) {
            continue;
        }
        let mut f = finding_out(&super::Locator::plain(&v.text), &c.outcome);
        let (line, column) = idx.line_col(&v.text, c.at.start);
        f.start = c.at.start;
        f.end = c.at.end;
        f.line = line;
        f.column = column;
        f.article = match (&v.article, &aidx, c.quote) {
            (Some(a), Some(ai), Some(q)) => Some(place(&a.path, &a.text, ai, q)),
            _ => None,
        };
        findings.push(f);
    }
    let problems = v
        .quotes
        .iter()
        .map(|q| {
            let (line, column) = idx.line_col(&v.text, q.at.start);
            let article = v.article.as_ref();
            ProblemOut {
                kind: q.kind(),
                level: if q.is_error() { "error" } else { "warning" },
                id: q.id.clone(),
                message: q.message(article.map_or("the article", |a| a.path.as_str())),
                start: q.at.start,
                end: q.at.end,
                line,
                column,
                found: match (article, &aidx) {
                    (Some(a), Some(ai)) => q
                        .found
                        .iter()
                        .map(|&s| place(&a.path, &a.text, ai, s))
                        .collect(),
                    _ => Vec::new(),
                },
            }
        })
        .collect();
    FileOut {
        path: v.path.clone(),
        findings,
        problems,
        summary,
    }
}

/// The `line` format: the findings as `check` writes them, then one line a quote problem,
/// `path:line:col:kind:level: message`.
pub fn line(file: &FileOut) -> String {
    let mut s = super::check::line(file);
    for p in &file.problems {
        s.push_str(&format!(
            "{}:{}:{}:{}:{}: {}\n",
            file.path, p.line, p.column, p.kind, p.level, p.message
        ));
    }
    s
}

/// GitHub Actions annotations: the findings as `check` writes them, then the quote problems.
pub fn github(file: &FileOut) -> String {
    let mut s = super::check::github(file);
    let esc = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let prop = |s: &str| esc(s).replace(':', "%3A").replace(',', "%2C");
    for p in &file.problems {
        s.push_str(&format!(
            "::{} file={},line={},col={},title={}::{}\n",
            p.level,
            prop(&file.path),
            p.line,
            p.column,
            prop(&format!("recount {}", p.kind)),
            esc(&p.message)
        ));
    }
    s
}

/// How many quotes are stale and how many stand more than once.
pub fn quote_counts(v: &Verified) -> (usize, usize) {
    let stale = v.quotes.iter().filter(|q| q.is_error()).count();
    (stale, v.quotes.len() - stale)
}

fn renderer(color: bool) -> Renderer {
    if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .term_width(100)
}

/// Renders a group without its first line (an empty title: the header says it).
fn body(renderer: &Renderer, group: Group<'_>) -> String {
    let rendered = renderer.render(&[group]);
    rendered
        .split_once('\n')
        .map_or(String::new(), |(_, b)| b.to_string())
}

/// Renders a verified claim file for a person: for each listed finding and quote problem, in
/// the order of the claim file, a `path:line:col: verdict[id] message` line, the claim in the
/// claim file (the stated figure ^^^, the facts it uses ---) and, where its quote stands in
/// the article, the article's line with the stated figure underlined.
pub fn human(v: &Verified, shown: impl Fn(Verdict) -> bool, color: bool) -> String {
    let renderer = renderer(color);
    let idx = LineIndex::new(&v.text);
    let mut items: Vec<(usize, String)> = Vec::new();
    for c in v.checked.iter().filter(|c| shown(c.outcome.verdict)) {
        let o = &c.outcome;
        let (line, column) = idx.line_col(&v.text, c.at.start);
        let mut s = format!(
            "{}:{line}:{column}: {}[{}] {}\n",
            v.path, o.verdict, c.id, o.message
        );
        let stated = o.claim.stated.span;
        let mut yaml = Snippet::source(v.text.as_str())
            .path(v.path.as_str())
            .annotation(
                AnnotationKind::Context
                    .span(c.at.start..c.at.end)
                    .label("claim"),
            )
            .annotation(
                AnnotationKind::Primary
                    .span(stated.start..stated.end)
                    .label(format!("stated: {}", o.claim.stated.text)),
            );
        for op in &o.claim.inputs {
            if let (Some(sp), Some(f)) = (op.span, &op.fact) {
                yaml = yaml.annotation(
                    AnnotationKind::Context
                        .span(sp.start..sp.end)
                        .label(format!("{f}: {}", op.text)),
                );
            }
        }
        let level = match o.verdict {
            Verdict::Mismatch => Level::ERROR,
            Verdict::Imprecise => Level::WARNING,
            _ => Level::NOTE,
        };
        let mut group = level.no_name().primary_title("").element(yaml);
        if let (Some(a), Some(q)) = (&v.article, c.quote) {
            // The stated figure inside the quote, or the whole quote when it is not there as
            // written (a statement in other words).
            let (at, label) = match c.stated {
                Some(s) => (s, format!("the article says {}", o.claim.stated.text)),
                None => (q, "the claim's quote".to_string()),
            };
            let mut art = Snippet::source(a.text.as_str())
                .path(a.path.as_str())
                .annotation(AnnotationKind::Primary.span(at.start..at.end).label(label));
            for (name, sp) in &c.fact_quotes {
                art = art.annotation(
                    AnnotationKind::Context
                        .span(sp.start..sp.end)
                        .label(name.clone()),
                );
            }
            group = group.element(art);
        }
        s.push_str(&body(&renderer, group));
        s.push_str("\n\n");
        items.push((c.at.start, s));
    }
    for q in &v.quotes {
        items.push((q.at.start, quote_issue(v, q, &renderer, &idx)));
    }
    items.sort_by_key(|(k, _)| *k);
    items.into_iter().map(|(_, s)| s).collect()
}

fn quote_issue(v: &Verified, q: &QuoteIssue, renderer: &Renderer, idx: &LineIndex) -> String {
    let article = v.article.as_ref();
    let (line, column) = idx.line_col(&v.text, q.at.start);
    let mut s = format!(
        "{}:{line}:{column}: {}[{}] {}\n",
        v.path,
        if q.is_error() { "error" } else { "warning" },
        q.kind(),
        q.message(article.map_or("the article", |a| a.path.as_str()))
    );
    let yaml =
        Snippet::source(v.text.as_str())
            .path(v.path.as_str())
            .annotation(AnnotationKind::Primary.span(q.at.start..q.at.end).label(
                if q.is_error() {
                    "not in the article"
                } else {
                    "in the article more than once"
                },
            ));
    let level = if q.is_error() {
        Level::ERROR
    } else {
        Level::WARNING
    };
    let mut group = level.no_name().primary_title("").element(yaml);
    if let Some(a) = article
        && !q.found.is_empty()
    {
        let mut art = Snippet::source(a.text.as_str()).path(a.path.as_str());
        for (k, f) in q.found.iter().enumerate() {
            art = art.annotation(
                AnnotationKind::Primary
                    .span(f.start..f.end)
                    .label(format!("{}", k + 1)),
            );
        }
        group = group.element(art);
    }
    s.push_str(&body(renderer, group));
    s.push_str("\n\n");
    s
}

/// The summary line of `recount verify`: the one of `check`, then the quote problems if any.
pub fn summary_line(s: Summary, files: usize, stale: usize, twice: usize) -> String {
    let mut line = super::check::summary_line(s, files);
    if stale + twice > 0 {
        line.push_str(&format!(
            "; {stale} stale quote{}, {twice} quote{} found more than once",
            if stale == 1 { "" } else { "s" },
            if twice == 1 { "" } else { "s" }
        ));
    }
    line
}

/// Renders why a claim file could not be checked: each error as `{prefix}path:line:col:
/// message` and, where it is in the claim file, its line with the place underlined.
pub fn failed_human(f: &Failed, color: bool, prefix: &str) -> String {
    let renderer = renderer(color);
    let mut s = String::new();
    for e in &f.errors {
        s.push_str(&format!("{prefix}{e}\n"));
        if let (Some(at), Some(text)) = (e.at, &f.text)
            && e.path == f.path
        {
            let end = if at.end > at.start {
                at.end
            } else {
                // An empty span: underline the character there, if any.
                text[at.start..]
                    .chars()
                    .next()
                    .map_or(at.start, |c| at.start + c.len_utf8())
            };
            let snippet = Snippet::source(text.as_str())
                .path(f.path.as_str())
                .annotation(AnnotationKind::Primary.span(at.start..end));
            let group = Level::ERROR.no_name().primary_title("").element(snippet);
            s.push_str(&body(&renderer, group));
            s.push('\n');
        }
    }
    s
}
