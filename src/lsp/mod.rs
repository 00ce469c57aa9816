//! `recount lsp`: a language server over standard input and output that publishes recount's
//! findings as diagnostics for Markdown, plain-text, HTML and LaTeX buffers as the user types.
//!
//! - A document is checked whole when it is opened or saved, with the settings of the
//!   recount.toml found upward from its file, exactly as `recount check` checks it.
//! - After an edit, once the buffer has been quiet for [`DEBOUNCE`], only the paragraphs the
//!   edit touched (between blank lines) are read and checked again; the findings elsewhere
//!   are kept and moved with the text. A claim whose inputs stand in another paragraph than
//!   its result is found again by the whole check that follows when the buffer has been quiet
//!   for [`SETTLE`].
//! - Mismatches are errors and imprecise results warnings; the message is the derivation
//!   ("38% × 23% = 8.74%, the text says 8.79% …"), and the inputs are related locations.
//! - Code actions: a weekday that does not match its date is replaced by the right one
//!   (English and German names, full or short); any finding can be turned off for its line with a
//!   `recount-disable-next-line RULE` comment (`%` in LaTeX, `<!-- -->` elsewhere).
//! - Hover on a figure shows how it was read: value, kind, unit, precision, hedge, and how an
//!   ambiguous separator was taken.
//!
//! The server is synchronous (lsp-server): one thread reads messages and does the work
//! between them, so a check never races an edit.

use crate::check::{Outcome, Verdict};
use crate::config::{Resolver, Settings};
use crate::report::LineIndex;
use crate::source::{self, Document, Format};
use lsp_server::{Connection, Message, Notification, Request, Response};
use lsp_types as lt;
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// How long the buffer must be quiet after an edit before the edited paragraphs are checked.
pub const DEBOUNCE: Duration = Duration::from_millis(50);
/// How long it must be quiet before the whole document is checked again.
pub const SETTLE: Duration = Duration::from_millis(1500);

type Error = Box<dyn std::error::Error + Send + Sync>;

/// Serves one client over standard input and output until it exits.
pub fn run() -> Result<(), Error> {
    let (conn, io) = Connection::stdio();
    let caps = lt::ServerCapabilities {
        text_document_sync: Some(lt::TextDocumentSyncCapability::Options(
            lt::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lt::TextDocumentSyncKind::INCREMENTAL),
                save: Some(lt::TextDocumentSyncSaveOptions::Supported(true)),
                ..Default::default()
            },
        )),
        hover_provider: Some(lt::HoverProviderCapability::Simple(true)),
        code_action_provider: Some(lt::CodeActionProviderCapability::Simple(true)),
        ..Default::default()
    };
    conn.initialize(serde_json::to_value(caps)?)?;
    let mut server = Server::default();
    server.main_loop(&conn)?;
    drop(conn);
    io.join()?;
    Ok(())
}

/// A finding in a buffer, at byte offsets of the buffer.
#[derive(Debug, Clone)]
struct Found {
    start: usize,
    end: usize,
    rule: &'static str,
    verdict: Verdict,
    message: String,
    inputs: Vec<(usize, usize)>,
    /// For a weekday that does not match its date: the right weekday's number (Monday 1).
    weekday: Option<i8>,
}

/// A figure in a buffer and how it was read (for hover).
#[derive(Debug, Clone)]
struct Figure {
    start: usize,
    end: usize,
    hover: String,
}

/// An open buffer.
struct Buffer {
    path: String,
    format: Format,
    latex: bool,
    version: i32,
    text: String,
    /// The text the findings and figures refer to, and them.
    checked: String,
    found: Vec<Found>,
    figures: Vec<Figure>,
    settings: Settings,
    due_part: Option<Instant>,
    due_whole: Option<Instant>,
}

#[derive(Default)]
struct Server {
    buffers: HashMap<lt::Uri, Buffer>,
    resolver: Resolver,
}

impl Server {
    fn main_loop(&mut self, conn: &Connection) -> Result<(), Error> {
        loop {
            let due = self
                .buffers
                .values()
                .flat_map(|b| [b.due_part, b.due_whole])
                .flatten()
                .min();
            let msg = match due {
                Some(d) => {
                    let wait = d.saturating_duration_since(Instant::now());
                    match conn.receiver.recv_timeout(wait) {
                        Ok(m) => Some(m),
                        Err(crossbeam_channel::RecvTimeoutError::Timeout) => None,
                        Err(crossbeam_channel::RecvTimeoutError::Disconnected) => return Ok(()),
                    }
                }
                None => match conn.receiver.recv() {
                    Ok(m) => Some(m),
                    Err(_) => return Ok(()),
                },
            };
            match msg {
                Some(Message::Request(rq)) => {
                    if conn.handle_shutdown(&rq)? {
                        return Ok(());
                    }
                    let resp = self.request(rq);
                    conn.sender.send(Message::Response(resp))?;
                }
                Some(Message::Notification(n)) => {
                    if n.method == "exit" {
                        return Ok(());
                    }
                    self.notification(conn, n)?;
                }
                Some(Message::Response(_)) => {}
                None => {}
            }
            self.run_due(conn)?;
        }
    }

    fn run_due(&mut self, conn: &Connection) -> Result<(), Error> {
        let now = Instant::now();
        let mut publish = Vec::new();
        for (uri, b) in &mut self.buffers {
            if b.due_part.is_some_and(|d| d <= now) {
                b.due_part = None;
                b.check_edited();
                publish.push(uri.clone());
            } else if b.due_part.is_none() && b.due_whole.is_some_and(|d| d <= now) {
                b.due_whole = None;
                b.check_whole();
                publish.push(uri.clone());
            }
        }
        for uri in publish {
            self.publish(conn, &uri)?;
        }
        Ok(())
    }

    fn publish(&self, conn: &Connection, uri: &lt::Uri) -> Result<(), Error> {
        let Some(b) = self.buffers.get(uri) else {
            return Ok(());
        };
        let idx = LineIndex::new(&b.checked);
        let diagnostics = b
            .found
            .iter()
            .map(|f| lt::Diagnostic {
                range: range(&b.checked, &idx, f.start, f.end),
                severity: Some(if f.verdict == Verdict::Mismatch {
                    lt::DiagnosticSeverity::ERROR
                } else {
                    lt::DiagnosticSeverity::WARNING
                }),
                code: Some(lt::NumberOrString::String(f.rule.to_string())),
                source: Some("recount".to_string()),
                message: format!("{}: {}", f.verdict, f.message),
                related_information: Some(
                    f.inputs
                        .iter()
                        .map(|&(s, e)| lt::DiagnosticRelatedInformation {
                            location: lt::Location {
                                uri: uri.clone(),
                                range: range(&b.checked, &idx, s, e),
                            },
                            message: format!("input {}", &b.checked[s..e]),
                        })
                        .collect(),
                ),
                ..Default::default()
            })
            .collect();
        let params = lt::PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics,
            version: Some(b.version),
        };
        conn.sender.send(Message::Notification(Notification::new(
            "textDocument/publishDiagnostics".to_string(),
            params,
        )))?;
        Ok(())
    }

    fn notification(&mut self, conn: &Connection, n: Notification) -> Result<(), Error> {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let p: lt::DidOpenTextDocumentParams = serde_json::from_value(n.params)?;
                let d = p.text_document;
                let path = uri_path(&d.uri);
                let (settings, problem) = match self.resolver.settings_for(&path) {
                    Ok(s) => (s, None),
                    Err(e) => (Settings::default(), Some(e.to_string())),
                };
                if let Some(message) = problem {
                    let params = lt::ShowMessageParams {
                        typ: lt::MessageType::ERROR,
                        message: format!("recount: {message}"),
                    };
                    conn.sender.send(Message::Notification(Notification::new(
                        "window/showMessage".to_string(),
                        params,
                    )))?;
                }
                let latex =
                    d.language_id == "latex" || d.language_id == "tex" || path.ends_with(".tex");
                let format = match d.language_id.as_str() {
                    "markdown" => Format::Markdown,
                    "html" => Format::Html,
                    "plaintext" | "latex" | "tex" => Format::Text,
                    _ => match Format::for_path(&path) {
                        Format::Docx => Format::Text,
                        f => f,
                    },
                };
                let mut b = Buffer {
                    path,
                    format,
                    latex,
                    version: d.version,
                    text: d.text,
                    checked: String::new(),
                    found: Vec::new(),
                    figures: Vec::new(),
                    settings,
                    due_part: None,
                    due_whole: None,
                };
                b.check_whole();
                self.buffers.insert(d.uri.clone(), b);
                self.publish(conn, &d.uri)?;
            }
            "textDocument/didChange" => {
                let p: lt::DidChangeTextDocumentParams = serde_json::from_value(n.params)?;
                if let Some(b) = self.buffers.get_mut(&p.text_document.uri) {
                    for c in p.content_changes {
                        match c.range {
                            Some(r) => {
                                let s = offset(&b.text, r.start);
                                let e = offset(&b.text, r.end).max(s);
                                b.text.replace_range(s..e, &c.text);
                            }
                            None => b.text = c.text,
                        }
                    }
                    b.version = p.text_document.version;
                    let now = Instant::now();
                    b.due_part = Some(now + DEBOUNCE);
                    b.due_whole = Some(now + SETTLE);
                }
            }
            "textDocument/didSave" => {
                let p: lt::DidSaveTextDocumentParams = serde_json::from_value(n.params)?;
                if let Some(b) = self.buffers.get_mut(&p.text_document.uri) {
                    b.due_part = None;
                    b.due_whole = None;
                    b.check_whole();
                }
                self.publish(conn, &p.text_document.uri)?;
            }
            "textDocument/didClose" => {
                let p: lt::DidCloseTextDocumentParams = serde_json::from_value(n.params)?;
                self.buffers.remove(&p.text_document.uri);
                let params = lt::PublishDiagnosticsParams {
                    uri: p.text_document.uri,
                    diagnostics: Vec::new(),
                    version: None,
                };
                conn.sender.send(Message::Notification(Notification::new(
                    "textDocument/publishDiagnostics".to_string(),
                    params,
                )))?;
            }
            _ => {}
        }
        Ok(())
    }

    fn request(&mut self, rq: Request) -> Response {
        let result = match rq.method.as_str() {
            "textDocument/hover" => serde_json::from_value(rq.params)
                .map_err(|e| e.to_string())
                .map(|p| serde_json::to_value(self.hover(p)).unwrap_or_default()),
            "textDocument/codeAction" => serde_json::from_value(rq.params)
                .map_err(|e| e.to_string())
                .map(|p| serde_json::to_value(self.code_actions(p)).unwrap_or_default()),
            _ => {
                return Response::new_err(
                    rq.id,
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("recount does not answer {}", rq.method),
                );
            }
        };
        match result {
            Ok(v) => Response::new_ok(rq.id, v),
            Err(e) => Response::new_err(rq.id, lsp_server::ErrorCode::InvalidParams as i32, e),
        }
    }

    fn hover(&self, p: lt::HoverParams) -> Option<lt::Hover> {
        let pp = p.text_document_position_params;
        let b = self.buffers.get(&pp.text_document.uri)?;
        if b.checked != b.text {
            // The figures are of an older text until the next check.
            return None;
        }
        let at = offset(&b.checked, pp.position);
        let k = b.figures.partition_point(|f| f.end < at);
        let fig = b.figures.get(k).filter(|f| f.start <= at && at <= f.end)?;
        let mut value = fig.hover.clone();
        for f in b.found.iter().filter(|f| f.start <= at && at <= f.end) {
            value.push_str(&format!(
                "\n\n**{}** [{}]: {}",
                f.verdict, f.rule, f.message
            ));
        }
        let idx = LineIndex::new(&b.checked);
        Some(lt::Hover {
            contents: lt::HoverContents::Markup(lt::MarkupContent {
                kind: lt::MarkupKind::Markdown,
                value,
            }),
            range: Some(range(&b.checked, &idx, fig.start, fig.end)),
        })
    }

    // lsp-types keys a workspace edit's changes by its `Uri`, whose cached parts clippy sees
    // as interior mutability; the key is never changed.
    #[allow(clippy::mutable_key_type)]
    fn code_actions(&self, p: lt::CodeActionParams) -> Vec<lt::CodeActionOrCommand> {
        let uri = p.text_document.uri;
        let Some(b) = self.buffers.get(&uri) else {
            return Vec::new();
        };
        if b.checked != b.text {
            return Vec::new();
        }
        let idx = LineIndex::new(&b.checked);
        let lo = offset(&b.checked, p.range.start);
        let hi = offset(&b.checked, p.range.end);
        let mut out = Vec::new();
        for f in b.found.iter().filter(|f| f.start <= hi && lo <= f.end) {
            let diag = lt::Diagnostic {
                range: range(&b.checked, &idx, f.start, f.end),
                code: Some(lt::NumberOrString::String(f.rule.to_string())),
                source: Some("recount".to_string()),
                message: format!("{}: {}", f.verdict, f.message),
                ..Default::default()
            };
            let edit = |range, new_text: String| {
                let mut changes = HashMap::new();
                changes.insert(uri.clone(), vec![lt::TextEdit { range, new_text }]);
                Some(lt::WorkspaceEdit {
                    changes: Some(changes),
                    ..Default::default()
                })
            };
            if let Some((ws, we, right)) = weekday_fix(&b.checked, f) {
                out.push(lt::CodeActionOrCommand::CodeAction(lt::CodeAction {
                    title: format!("Replace {} with {right}", &b.checked[ws..we]),
                    kind: Some(lt::CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diag.clone()]),
                    edit: edit(range(&b.checked, &idx, ws, we), right),
                    is_preferred: Some(true),
                    ..Default::default()
                }));
            }
            let (line, _) = idx.line_col(&b.checked, f.start);
            let line_start = idx.line_start(line);
            let indent: String = b.checked[line_start..]
                .chars()
                .take_while(|c| *c == ' ' || *c == '\t')
                .collect();
            let comment = if b.latex {
                format!("{indent}% recount-disable-next-line {}\n", f.rule)
            } else {
                format!("{indent}<!-- recount-disable-next-line {} -->\n", f.rule)
            };
            let at = range(&b.checked, &idx, line_start, line_start);
            out.push(lt::CodeActionOrCommand::CodeAction(lt::CodeAction {
                title: format!("Turn off {} for this line", f.rule),
                kind: Some(lt::CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diag]),
                edit: edit(at, comment),
                ..Default::default()
            }));
        }
        out
    }
}

impl Buffer {
    /// Reads the buffer as its format: the text the positions refer to, same byte length.
    fn read(&self, raw: &str) -> Document {
        source::decode_as(&self.path, raw.as_bytes().to_vec(), None, self.format)
            .unwrap_or_else(|_| Document::new(&self.path, raw.to_string()))
    }

    /// Checks the whole buffer, as `recount check` does.
    fn check_whole(&mut self) {
        let doc = self.read(&self.text);
        let (found, figures) = self.findings(&doc, 0);
        self.found = found;
        self.figures = figures;
        self.checked = self.text.clone();
    }

    /// Checks the paragraphs that changed since the last check and keeps the rest.
    fn check_edited(&mut self) {
        let (old, new) = (&self.checked, &self.text);
        if old == new {
            return;
        }
        let prefix = old
            .bytes()
            .zip(new.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        let max_suffix = old.len().min(new.len()) - prefix;
        let suffix = old
            .bytes()
            .rev()
            .zip(new.bytes().rev())
            .take(max_suffix)
            .take_while(|(a, b)| a == b)
            .count();
        let doc = self.read(new);
        let text = &doc.text;
        let a = paragraph_start(text, prefix);
        let b = paragraph_end(text, new.len() - suffix);
        let (a, b) = (
            crate::locale::floor_char_boundary(text, a),
            crate::locale::floor_char_boundary(text, b).max(a),
        );
        // The same stretch in the old text: [a, old_b), everything after it moved by `delta`.
        let old_b = b + old.len() - new.len();
        let delta = new.len() as isize - old.len() as isize;
        let moved = |x: usize| (x as isize + delta) as usize;
        let outside = |s: usize, e: usize| e <= a || s >= old_b;
        let mut found: Vec<Found> = self
            .found
            .iter()
            .filter(|f| outside(f.start, f.end) && f.inputs.iter().all(|&(s, e)| outside(s, e)))
            .map(|f| {
                let mut f = f.clone();
                let m = |x: usize| if x >= old_b { moved(x) } else { x };
                f.start = m(f.start);
                f.end = m(f.end);
                for i in &mut f.inputs {
                    *i = (m(i.0), m(i.1));
                }
                f
            })
            .collect();
        let mut figures: Vec<Figure> = self
            .figures
            .iter()
            .filter(|f| outside(f.start, f.end))
            .map(|f| {
                let mut f = f.clone();
                if f.start >= old_b {
                    f.start = moved(f.start);
                    f.end = moved(f.end);
                }
                f
            })
            .collect();
        let part = Document {
            path: doc.path.clone(),
            text: text[a..b].to_string(),
            suppressions: Vec::new(),
            map: Default::default(),
        };
        let (mut new_found, new_figures) = self.findings(&part, a);
        new_found.retain(|f| !doc.suppressions.iter().any(|s| s.covers(f.rule, f.start)));
        found.extend(new_found);
        figures.extend(new_figures);
        found.sort_by_key(|f| (f.start, f.rule));
        figures.sort_by_key(|f| f.start);
        self.found = found;
        self.figures = figures;
        self.checked = self.text.clone();
    }

    /// The findings (mismatch and imprecise) and figures of `doc`, whose text starts at byte
    /// `base` of the buffer.
    fn findings(&self, doc: &Document, base: usize) -> (Vec<Found>, Vec<Figure>) {
        let r = crate::recognize(&doc.text, self.settings.locale_setting());
        let outcomes = self.settings.check_recognized(doc, &r);
        let found = outcomes
            .iter()
            .filter(|o| matches!(o.verdict, Verdict::Mismatch | Verdict::Imprecise))
            .map(|o| found(o, base))
            .collect();
        let figures = crate::report::numbers::file_out(doc, &r)
            .numbers
            .iter()
            .map(|n| Figure {
                start: base + n.start,
                end: base + n.end,
                hover: hover_text(n),
            })
            .collect();
        (found, figures)
    }
}

fn found(o: &Outcome, base: usize) -> Found {
    let c = &o.claim;
    Found {
        start: base + c.stated.span.start,
        end: base + c.stated.span.end,
        rule: c.rule,
        verdict: o.verdict,
        message: o.message.clone(),
        inputs: c
            .inputs
            .iter()
            .filter_map(|i| i.span)
            .map(|s| (base + s.start, base + s.end))
            .collect(),
        weekday: (c.rule == "weekday")
            .then(|| o.exact.and_then(|v| i8::try_from(v.mantissa()).ok()))
            .flatten()
            .filter(|_| o.exact.is_some_and(|v| v.scale() == 0)),
    }
}

/// How a figure was read, as Markdown.
fn hover_text(n: &crate::report::numbers::NumberOut<'_>) -> String {
    let mut s = format!("**{}**", n.text);
    if let Some(v) = &n.value {
        s.push_str(&format!(" = {v}"));
    }
    let kind = serde_json::to_value(n.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    s.push_str(&format!(" · {kind}"));
    if let Some(u) = n.unit {
        s.push_str(&format!(" · unit {u}"));
    }
    if let Some(p) = &n.precision {
        s.push_str(&format!(" · rounded to {p}"));
    }
    if let (Some(lo), Some(hi)) = (&n.low, &n.high) {
        s.push_str(&format!(" · {lo} to {hi}"));
    }
    if let Some(h) = &n.hedge {
        s.push_str(&format!(" · hedge “{}”", h.text));
    }
    if let Some(d) = n.date {
        s.push_str(&format!(" · date {d}"));
    }
    if let Some(v) = n.reading.and_then(|r| serde_json::to_value(r).ok()) {
        let sep = v["separator_as"].as_str().unwrap_or_default();
        let why = v["reason"].as_str().unwrap_or_default();
        s.push_str(&format!("\n\nseparator read as {sep}: {why}"));
    }
    s
}

/// The weekday word at the start of a weekday finding, and the right one in its place, in
/// the language and form the text writes it (full or abbreviated).
fn weekday_fix(text: &str, f: &Found) -> Option<(usize, usize, String)> {
    if f.verdict != Verdict::Mismatch {
        return None;
    }
    let right = jiff::civil::Weekday::from_monday_one_offset(f.weekday?).ok()?;
    let span = text.get(f.start..f.end)?;
    let word_len = span
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(span.len());
    let name = crate::claims::rules::weekday::name_like(&span[..word_len], right)?;
    Some((f.start, f.start + word_len, name.to_string()))
}

/// Where the paragraph holding byte `at` starts: after the blank line before it.
fn paragraph_start(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    let head = &text.as_bytes()[..at];
    let mut i = at;
    while i > 0 {
        match memchr::memrchr(b'\n', &head[..i]) {
            None => return 0,
            Some(nl) => {
                let before = &head[..nl];
                let prev = memchr::memrchr(b'\n', before).map_or(0, |p| p + 1);
                if head[prev..nl].iter().all(u8::is_ascii_whitespace) && nl > 0 {
                    return nl + 1;
                }
                i = nl;
            }
        }
    }
    0
}

/// Where the paragraph holding byte `at` ends: at the blank line after it.
fn paragraph_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = at.min(text.len());
    while let Some(k) = memchr::memchr(b'\n', &bytes[i..]) {
        let nl = i + k;
        let next_end = memchr::memchr(b'\n', &bytes[nl + 1..]).map_or(bytes.len(), |e| nl + 1 + e);
        if bytes[nl + 1..next_end].iter().all(u8::is_ascii_whitespace) {
            return nl;
        }
        i = nl + 1;
    }
    text.len()
}

/// The path of a `file:` URI (percent-decoded), or the URI as it is.
fn uri_path(uri: &lt::Uri) -> String {
    let s = uri.as_str();
    match s.strip_prefix("file://") {
        Some(p) => percent_encoding::percent_decode_str(p)
            .decode_utf8_lossy()
            .into_owned(),
        None => s.to_string(),
    }
}

/// The byte offset of an LSP position (UTF-16 columns), clamped to the text.
fn offset(text: &str, p: lt::Position) -> usize {
    let mut start = 0;
    for _ in 0..p.line {
        match memchr::memchr(b'\n', &text.as_bytes()[start..]) {
            Some(k) => start += k + 1,
            None => return text.len(),
        }
    }
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if c == '\n' || units >= p.character as usize {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// The LSP position of byte `at`.
fn position(text: &str, idx: &LineIndex, at: usize) -> lt::Position {
    let at = crate::locale::floor_char_boundary(text, at.min(text.len()));
    let (line, _) = idx.line_col(text, at);
    let start = idx.line_start(line).min(at);
    let character = text[start..at].chars().map(char::len_utf16).sum::<usize>();
    lt::Position {
        line: (line - 1) as u32,
        character: character as u32,
    }
}

fn range(text: &str, idx: &LineIndex, start: usize, end: usize) -> lt::Range {
    lt::Range {
        start: position(text, idx, start),
        end: position(text, idx, end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units_both_ways() {
        let t = "a€b\n😀x 5";
        let idx = LineIndex::new(t);
        let five = t.find('5').unwrap();
        let p = position(t, &idx, five);
        assert_eq!((p.line, p.character), (1, 4));
        assert_eq!(offset(t, p), five);
        assert_eq!(
            offset(
                t,
                lt::Position {
                    line: 0,
                    character: 2
                }
            ),
            t.find('b').unwrap()
        );
        assert_eq!(
            offset(
                t,
                lt::Position {
                    line: 9,
                    character: 0
                }
            ),
            t.len()
        );
    }

    #[test]
    fn paragraphs_are_bounded_by_blank_lines() {
        let t = "one\ntwo\n\nthree\nfour\n  \nfive";
        let at = t.find("four").unwrap();
        assert_eq!(
            &t[paragraph_start(t, at)..paragraph_end(t, at)],
            "three\nfour"
        );
        assert_eq!(paragraph_start(t, 1), 0);
        assert_eq!(
            &t[paragraph_start(t, t.len())..paragraph_end(t, t.len())],
            "five"
        );
    }

    fn buffer(text: &str) -> Buffer {
        let mut b = Buffer {
            path: "t.md".into(),
            format: Format::Markdown,
            latex: false,
            version: 1,
            text: text.into(),
            checked: String::new(),
            found: Vec::new(),
            figures: Vec::new(),
            settings: Settings::default(),
            due_part: None,
            due_whole: None,
        };
        b.check_whole();
        b
    }

    #[test]
    fn an_edit_rechecks_its_paragraph_and_moves_the_rest() {
        let p = "That is 40% of 30%, or 20% of all voters.";
        let mut b = buffer(&format!("{p}\n\nNothing here.\n\n{p}\n"));
        assert_eq!(b.found.len(), 2);
        let before: Vec<_> = b.found.iter().map(|f| f.start).collect();
        // Fix the first claim and lengthen the middle paragraph.
        b.text =
            format!("That is 40% of 30%, or 12% of all voters.\n\nNothing at all here.\n\n{p}\n");
        b.check_edited();
        assert_eq!(b.found.len(), 1);
        assert_eq!(b.found[0].start, before[1] + "at all ".len());
        assert_eq!(&b.text[b.found[0].start..b.found[0].end], "20%");
        // The incremental result is the whole check's.
        let whole = buffer(&b.text);
        let key = |v: &[Found]| {
            v.iter()
                .map(|f| (f.start, f.end, f.message.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(key(&b.found), key(&whole.found));
        assert_eq!(b.figures.len(), whole.figures.len());
    }

    /// The weekday fixes for `text`: the word replaced, and what replaces it.
    fn weekday_fixes(text: &str) -> Vec<(String, String)> {
        let b = buffer(text);
        b.found
            .iter()
            .filter_map(|f| weekday_fix(&b.checked, f))
            .map(|(s, e, r)| (b.checked[s..e].to_string(), r))
            .collect()
    }

    #[test]
    fn a_wrong_weekday_gets_its_fix() {
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        assert_eq!(
            weekday_fixes(
                "The vote was on Wednesday, March 3, 2026, and the count on Fri., March 7, 2026.\n"
            ),
            pairs(&[("Wednesday", "Tuesday"), ("Fri", "Sat")])
        );
        // German names, full or short, get German fixes.
        assert_eq!(
            weekday_fixes(
                "Die Wahl war am Mittwoch, 3. März 2026, gezählt wurde am Fr, 7. März 2026.\n"
            ),
            pairs(&[("Mittwoch", "Dienstag"), ("Fr", "Sa")])
        );
    }
}
