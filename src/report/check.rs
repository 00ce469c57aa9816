//! The report of `recount check` (and `recount verify`): findings as human diagnostics, JSON,
//! JSON Lines or SARIF 2.1.0.
//!
//! # JSON
//!
//! ```json
//! {"files": [{
//!   "path": "article.txt",
//!   "findings": [{
//!     "rule": "share-of-share", "verdict": "imprecise",
//!     "message": "38% × 23% = 8.74%, the text says 8.79% (within the inputs' rounding: 8.438%–9.048%)",
//!     "stated": {"text": "8.79%", "value": "8.79", "unit": "%"},
//!     "derived": {"value": "8.74", "low": "8.4375", "high": "9.0475", "expression": "38% × 23%"},
//!     "inputs": [{"text": "38%", "value": "38", "start": 2270, "end": 2273},
//!                {"text": "23%", "value": "23", "start": 2277, "end": 2280}],
//!     "facts": [],
//!     "start": 2314, "end": 2319, "line": 13, "column": 521,
//!     "confidence": 100
//!   }],
//!   "summary": {"ok": 0, "imprecise": 1, "mismatch": 0, "unverifiable": 0}
//! }]}
//! ```
//!
//! Values are decimal strings in the units the text writes them in: a percent as its percent
//! figure ("8.74"). `derived` is null for `unverifiable` findings, whose message says what is
//! missing. `facts` lists the document facts a finding used, with where they stand. `id` is set
//! for findings of a claim file. `confidence` (0–100) says how sure the engine is that the text
//! states the claim as read: the cue support of the reading, raised when its arithmetic agrees
//! (see `recount::claims::select`); claim-file findings have 100. Where another reading of the
//! same stated figure competed, `runner_up` gives it: `{"rule", "verdict", "message",
//! "confidence"}`.
//!
//! # Statistics
//!
//! Findings of `p-value` carry `stat`, with statcheck's column names; values are decimal
//! strings as written or computed, `null` where statcheck has NA:
//!
//! ```json
//! "stat": {"test_type": "t", "df1": null, "df2": "28", "test_comp": "=", "test_value": "2.20",
//!          "p_comp": "=", "reported_p": "0.03", "computed_p": "0.03622548477884291",
//!          "p_low": "0.03583565920357131", "p_high": "0.03661911547262849", "error": true,
//!          "decision_error": false, "one_tailed": false, "raw": "t(28) = 2.20, p = .03"}
//! ```
//!
//! `test_type` is one of `t`, `F`, `r`, `Z`, `Chi2`, `Q`, `Qw`, `Qb`; comparisons are `=`, `<`,
//! `>`, `<=`, `>=` (for `≤`, `≥`) and `ns` (`reported_p` null); `p_low`–`p_high` is the p
//! interval from the statistic's rounding; `one_tailed` says p was computed one-tailed. A p in
//! scientific notation keeps it: `"reported_p": "5.81e-48"`. Decision errors come first in a
//! file's findings. Findings of `grim`, `grimmer` and `debit` carry `granularity`:
//!
//! ```json
//! "granularity": {"test": "grim", "mean": "5.19", "sd": null, "n": 28, "items": 1,
//!                 "percent": false, "rounding": "up_or_down", "consistent": false,
//!                 "reason": null}
//! ```
//!
//! where `reason` is GRIMMER's (scrutiny's `show_reason` text).
//!
//! # Claim files (`recount verify`)
//!
//! The same shape, with `path` the claim file. A finding's `rule` is `claim`, its `id` the
//! claim's id, and `start`, `end`, `line`, `column` the claim's `id` value in the claim file;
//! inputs and facts point at their values in the claim file. Where the claim's quote stands
//! once in the article, `article` gives its place there:
//!
//! ```json
//! {"id": "strike-share", "rule": "claim", "verdict": "imprecise", "…": "…",
//!  "start": 412, "end": 424, "line": 19, "column": 9,
//!  "article": {"path": "../shared/examples/minneapolis-2026.txt",
//!              "start": 2295, "end": 2320, "line": 13, "column": 502}}
//! ```
//!
//! `problems` lists the quotes that no longer fit the article: `{"kind": "stale-quote",
//! "level": "error", "id": "…", "message": "…", "start", "end", "line", "column"}` at the quote
//! in the claim file, and `quote-twice` warnings with `found`, the places in the article.

use super::{LineIndex, Locator};
use crate::check::{Outcome, Verdict, in_text_units};
use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use serde::Serialize;

/// The stated result, as reported.
#[derive(Debug, Serialize)]
pub struct StatedOut {
    pub text: String,
    pub value: String,
    pub unit: Option<String>,
}

/// What the derivation gave, as reported.
#[derive(Debug, Serialize)]
pub struct DerivedOut {
    pub value: String,
    pub low: String,
    pub high: String,
    pub expression: String,
}

/// An input, as reported.
#[derive(Debug, Serialize)]
pub struct InputOut {
    pub text: String,
    pub value: String,
    pub start: Option<usize>,
    pub end: Option<usize>,
}

/// A document fact a finding used, as reported.
#[derive(Debug, Serialize)]
pub struct FactOut {
    pub name: String,
    pub text: String,
    pub value: String,
    pub start: Option<usize>,
    pub line: Option<usize>,
}

/// One finding, as reported.
#[derive(Debug, Serialize)]
pub struct FindingOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub rule: &'static str,
    pub verdict: Verdict,
    pub message: String,
    pub stated: StatedOut,
    pub derived: Option<DerivedOut>,
    pub inputs: Vec<InputOut>,
    pub facts: Vec<FactOut>,
    pub start: usize,
    pub end: usize,
    /// The page of a PDF.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
    pub line: usize,
    pub column: usize,
    /// For a claim file's finding: where its quote stands in the article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<PlaceOut>,
    /// How sure the engine is that the text states this claim (0–100; 100 for claim files).
    pub confidence: u8,
    /// The best other reading of the same stated figure, if there was one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub runner_up: Option<RunnerUpOut>,
    /// For a p-value: statcheck's columns.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stat: Option<StatOut>,
    /// For a granularity test (GRIM, GRIMMER, DEBIT): its inputs and result.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub granularity: Option<GranularityOut>,
}

/// Another reading of a finding's stated figure, as reported.
#[derive(Debug, Serialize)]
pub struct RunnerUpOut {
    pub rule: &'static str,
    pub verdict: Verdict,
    pub message: String,
    pub confidence: u8,
}

/// A p-value finding's statcheck columns (see the module doc).
#[derive(Debug, Clone, Serialize)]
pub struct StatOut {
    pub test_type: &'static str,
    pub df1: Option<String>,
    pub df2: Option<String>,
    pub test_comp: &'static str,
    pub test_value: String,
    pub p_comp: &'static str,
    pub reported_p: Option<String>,
    pub computed_p: Option<String>,
    pub p_low: Option<String>,
    pub p_high: Option<String>,
    pub error: bool,
    pub decision_error: bool,
    pub one_tailed: bool,
    pub raw: String,
}

/// A granularity finding's inputs and result (see the module doc).
#[derive(Debug, Clone, Serialize)]
pub struct GranularityOut {
    pub test: &'static str,
    pub mean: String,
    pub sd: Option<String>,
    pub n: u64,
    pub items: u64,
    pub percent: bool,
    pub rounding: String,
    pub consistent: bool,
    pub reason: Option<&'static str>,
}

/// The `stat` and `granularity` fields of an outcome.
fn stat_fields(text: &str, o: &Outcome) -> (Option<StatOut>, Option<GranularityOut>) {
    use crate::check::stats::{Stat, granular, p::Comp};
    let crate::check::Expr::Stat(s) = &o.claim.expr else {
        return (None, None);
    };
    let comp = |c: Comp| match c {
        Comp::Le => "<=",
        Comp::Ge => ">=",
        c => c.symbol(),
    };
    match s.as_ref() {
        Stat::P(t) => {
            let r = t.evaluate();
            let show = |v: rust_decimal::Decimal| {
                let v = v.normalize();
                if t.p_exp == 0 {
                    v.to_string()
                } else {
                    format!("{v}e{}", t.p_exp)
                }
            };
            let raw = match (
                o.claim.inputs.first().and_then(|i| i.span),
                o.claim.stated.span,
            ) {
                (Some(a), b) if a.start <= b.end && b.end <= text.len() => {
                    text[a.start..b.end].to_string()
                }
                _ => format!(
                    "{}, {}",
                    o.claim.inputs.first().map_or("", |i| &i.text),
                    o.claim.stated.text
                ),
            };
            (
                Some(StatOut {
                    test_type: t.test.label(),
                    df1: t.df1.map(|d| d.normalize().to_string()),
                    df2: t.df2.map(|d| d.normalize().to_string()),
                    test_comp: comp(t.test_comp),
                    test_value: t.test_value.to_string(),
                    p_comp: comp(t.p_comp),
                    reported_p: t.reported_p.map(|p| {
                        if t.p_exp == 0 {
                            p.to_string()
                        } else {
                            format!("{p}e{}", t.p_exp)
                        }
                    }),
                    computed_p: r.map(|r| show(r.computed)),
                    p_low: r.map(|r| show(r.low)),
                    p_high: r.map(|r| show(r.high)),
                    error: r.is_some_and(|r| r.error),
                    decision_error: r.is_some_and(|r| r.decision_error),
                    one_tailed: t.one_tailed && t.test.has_tails(),
                    raw: raw.split_whitespace().collect::<Vec<_>>().join(" "),
                }),
                None,
            )
        }
        Stat::Grim {
            mean,
            n,
            items,
            percent,
            mode,
        } => (
            None,
            Some(GranularityOut {
                test: "grim",
                mean: mean.to_string(),
                sd: None,
                n: *n,
                items: *items,
                percent: *percent,
                rounding: mode.name(),
                consistent: o.verdict == Verdict::Ok,
                reason: None,
            }),
        ),
        Stat::Grimmer {
            mean,
            sd,
            n,
            items,
            mode,
        } => (
            None,
            Some(GranularityOut {
                test: "grimmer",
                mean: mean.to_string(),
                sd: Some(sd.to_string()),
                n: *n,
                items: *items,
                percent: false,
                rounding: mode.name(),
                consistent: o.verdict == Verdict::Ok,
                reason: granular::grimmer(*mean, *sd, *n, *items, *mode).map(|r| r.text()),
            }),
        ),
        Stat::Debit { mean, sd, n, mode } => (
            None,
            Some(GranularityOut {
                test: "debit",
                mean: mean.to_string(),
                sd: Some(sd.to_string()),
                n: *n,
                items: 1,
                percent: false,
                rounding: mode.name(),
                consistent: o.verdict == Verdict::Ok,
                reason: None,
            }),
        ),
    }
}

/// A place in another file (the article of a claim file).
#[derive(Debug, Clone, Serialize)]
pub struct PlaceOut {
    pub path: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
}

/// A problem of a claim file's quote: `stale-quote` (an error: the quote no longer stands in
/// the article) or `quote-twice` (a warning: it stands there more than once).
#[derive(Debug, Serialize)]
pub struct ProblemOut {
    pub kind: &'static str,
    pub level: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub message: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    /// Where the quote stands in the article, for a quote found more than once.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub found: Vec<PlaceOut>,
}

/// How many findings of each verdict.
#[derive(Debug, Default, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub ok: usize,
    pub imprecise: usize,
    pub mismatch: usize,
    pub unverifiable: usize,
}

impl Summary {
    pub fn count(&mut self, v: Verdict) {
        match v {
            Verdict::Ok => self.ok += 1,
            Verdict::Imprecise => self.imprecise += 1,
            Verdict::Mismatch => self.mismatch += 1,
            Verdict::Unverifiable => self.unverifiable += 1,
        }
    }

    pub fn add(&mut self, o: Summary) {
        self.ok += o.ok;
        self.imprecise += o.imprecise;
        self.mismatch += o.mismatch;
        self.unverifiable += o.unverifiable;
    }
}

/// One input's report.
#[derive(Debug, Serialize)]
pub struct FileOut {
    pub path: String,
    pub findings: Vec<FindingOut>,
    /// A claim file's quote problems (absent for articles).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<ProblemOut>,
    pub summary: Summary,
}

/// Builds the report of one document. `outcomes` are all outcomes; `shown` decides which are
/// listed (the summary counts all).
pub fn file_out(
    doc: &crate::source::Document,
    outcomes: &[Outcome],
    shown: impl Fn(Verdict) -> bool,
) -> FileOut {
    let loc = Locator::new(doc);
    let mut summary = Summary::default();
    let mut findings = Vec::new();
    for o in outcomes {
        summary.count(o.verdict);
        if shown(o.verdict) {
            findings.push(finding_out(&loc, o));
        }
    }
    FileOut {
        path: doc.path.clone(),
        findings,
        problems: Vec::new(),
        summary,
    }
}

pub(crate) fn finding_out(loc: &Locator, o: &Outcome) -> FindingOut {
    let (stat, granularity) = stat_fields(loc.text, o);
    let c = &o.claim;
    let pct = c.stated.percent;
    let span = c.stated.span;
    let at = loc.place(span.start);
    let derived = match (o.exact, o.range) {
        (Some(e), Some(r)) => Some(DerivedOut {
            value: in_text_units(e, pct),
            low: in_text_units(r.lo, pct),
            high: in_text_units(r.hi, pct),
            expression: c.expr.show(&c.inputs),
        }),
        _ => None,
    };
    let input_value = |op: &crate::check::Operand| {
        // Inputs are shown in their own units: a percent input as its percent figure.
        let is_pct = op.text.contains('%')
            || op.text.to_lowercase().contains("percent")
            || op.text.contains("Prozent");
        in_text_units(op.value, is_pct)
    };
    FindingOut {
        id: c.id.clone(),
        rule: c.rule,
        verdict: o.verdict,
        message: o.message.clone(),
        stated: StatedOut {
            text: c.stated.text.clone(),
            value: in_text_units(c.stated.value, pct),
            unit: c.stated.unit.clone(),
        },
        derived,
        inputs: c
            .inputs
            .iter()
            .map(|op| InputOut {
                text: op.text.clone(),
                value: input_value(op),
                start: op.span.map(|s| loc.offset(s.start)),
                end: op.span.map(|s| loc.offset(s.end)),
            })
            .collect(),
        facts: c
            .inputs
            .iter()
            .filter_map(|op| {
                let name = op.fact.clone()?;
                Some(FactOut {
                    name,
                    text: op.text.clone(),
                    value: input_value(op),
                    start: op.span.map(|s| loc.offset(s.start)),
                    line: op.span.map(|s| loc.place(s.start).line),
                })
            })
            .collect(),
        start: at.offset,
        end: loc.offset(span.end),
        page: at.page,
        line: at.line,
        column: at.column,
        article: None,
        confidence: o.confidence,
        runner_up: o.runner_up.as_ref().map(|r| RunnerUpOut {
            rule: r.claim.rule,
            verdict: r.verdict,
            message: r.message.clone(),
            confidence: r.confidence,
        }),
        stat,
        granularity,
    }
}

/// Renders one document's findings for a person: a `path:line:col: verdict[rule] message` line
/// (`path#page=N:line:col` for a PDF), the source line with the stated value (^^^) and its
/// inputs (---) underlined, then a blank line.
pub fn human(
    doc: &crate::source::Document,
    outcomes: &[Outcome],
    shown: impl Fn(Verdict) -> bool,
    color: bool,
) -> String {
    let loc = Locator::new(doc);
    let (path, text, idx) = (doc.path.as_str(), doc.text.as_str(), &loc.idx);
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .term_width(100);
    let mut s = String::new();
    for o in outcomes.iter().filter(|o| shown(o.verdict)) {
        let c = &o.claim;
        let at = loc.place(c.stated.span.start);
        let shown_path = loc.shown_path(path, at);
        s.push_str(&format!(
            "{shown_path}:{}:{}: {}[{}] {}\n",
            at.line, at.column, o.verdict, c.rule, o.message
        ));
        // Only the lines around the claim go to the renderer, so that a long document (or a
        // very long line) costs each finding a window, not the whole text.
        let (ws, we, _) = window(text, idx, c);
        let first_line = loc.place(ws).line;
        let local = |sp: crate::quantity::Span| sp.start - ws..sp.end - ws;
        let mut snippet = Snippet::source(&text[ws..we])
            .line_start(first_line)
            .path(&shown_path)
            .annotation(
                AnnotationKind::Primary
                    .span(local(c.stated.span))
                    .label(format!("the text says {}", c.stated.text)),
            );
        for op in &c.inputs {
            if let Some(sp) = op.span.filter(|sp| sp.start >= ws && sp.end <= we) {
                let label = match &op.fact {
                    Some(f) => format!("{f}: {}", op.text),
                    None => String::new(),
                };
                snippet = snippet.annotation(AnnotationKind::Context.span(local(sp)).label(label));
            }
        }
        let level = match o.verdict {
            Verdict::Mismatch => Level::ERROR,
            Verdict::Imprecise => Level::WARNING,
            _ => Level::NOTE,
        };
        let report = [level.no_name().primary_title("").element(snippet)];
        let rendered = renderer.render(&report);
        // The first line repeats an empty title; the header above already says it.
        let body = rendered.split_once('\n').map_or("", |(_, b)| b);
        s.push_str(body);
        s.push_str("\n\n");
    }
    s
}

/// Lines of context shown around a claim, and the most bytes of one long line.
const CONTEXT_LINES: usize = 3;
const WINDOW_BYTES: usize = 1000;

/// The byte range of text shown for claim `c`: the lines from its stated value to the inputs
/// within a few lines of it, cut to a window around the stated value when a line is very long.
/// Returns the range and the 1-based number of its first line.
fn window(text: &str, idx: &LineIndex, c: &crate::check::Claim) -> (usize, usize, usize) {
    let stated = c.stated.span;
    let (line, _) = idx.line_col(text, stated.start);
    let mut first = line;
    let mut last = idx.line_col(text, stated.end).0;
    for sp in c.inputs.iter().filter_map(|o| o.span) {
        let (l1, l2) = (idx.line_col(text, sp.start).0, idx.line_col(text, sp.end).0);
        if l1 + CONTEXT_LINES >= line && l2 <= last + CONTEXT_LINES {
            first = first.min(l1);
            last = last.max(l2);
        }
    }
    let start = idx.line_start(first);
    let end = idx.line_end(text, last);
    if end - start <= 4 * WINDOW_BYTES {
        return (start, end, first);
    }
    // A very long line: a window around the stated value, widened to the inputs near it.
    let mut lo = stated.start.saturating_sub(WINDOW_BYTES).max(start);
    let mut hi = (stated.end + WINDOW_BYTES).min(end);
    for sp in c.inputs.iter().filter_map(|o| o.span) {
        if sp.start + 2 * WINDOW_BYTES >= stated.start && sp.end <= stated.end + 2 * WINDOW_BYTES {
            lo = lo.min(sp.start.max(start));
            hi = hi.max(sp.end.min(end));
        }
    }
    let lo = crate::locale::floor_char_boundary(text, lo);
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    (lo, hi, idx.line_col(text, lo).0)
}

/// The summary line: "3 findings: 1 mismatch, 1 imprecise, 1 unverifiable, 4 ok".
pub fn summary_line(s: Summary, files: usize) -> String {
    let total = s.mismatch + s.imprecise + s.unverifiable + s.ok;
    format!(
        "{} claim{} checked in {} file{}: {} mismatch, {} imprecise, {} unverifiable, {} ok",
        total,
        if total == 1 { "" } else { "s" },
        files,
        if files == 1 { "" } else { "s" },
        s.mismatch,
        s.imprecise,
        s.unverifiable,
        s.ok
    )
}

/// One line a finding, `path:line:col:rule:verdict: message` (`path#page=N:…` for a PDF), for
/// editors that parse compiler-style errors.
pub fn line(file: &FileOut) -> String {
    file.findings
        .iter()
        .map(|f| {
            let page = f.page.map(|p| format!("#page={p}")).unwrap_or_default();
            format!(
                "{}{page}:{}:{}:{}:{}: {}\n",
                file.path, f.line, f.column, f.rule, f.verdict, f.message
            )
        })
        .collect()
}

/// GitHub Actions workflow commands, one a finding, so findings show on the changed lines of a
/// pull request.
pub fn github(file: &FileOut) -> String {
    file.findings
        .iter()
        .map(|f| {
            let level = match f.verdict {
                Verdict::Mismatch => "error",
                Verdict::Imprecise => "warning",
                _ => "notice",
            };
            // Workflow commands escape '%', CR and LF in the message, and ',' ':' in properties.
            let esc = |s: &str| {
                s.replace('%', "%25")
                    .replace('\r', "%0D")
                    .replace('\n', "%0A")
            };
            let prop = |s: &str| esc(s).replace(':', "%3A").replace(',', "%2C");
            format!(
                "::{level} file={},line={},col={},title={}::{}\n",
                prop(&file.path),
                f.line,
                f.column,
                prop(&format!("recount {} ({})", f.rule, f.verdict)),
                esc(&f.message)
            )
        })
        .collect()
}
