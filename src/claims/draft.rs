//! `recount draft`: a claim file written from what `check` finds in an article — a
//! fact-checker's starting point, not a verification.
//!
//! One claim per finding, with a quote that stands once in the article (its sentence, or a
//! shorter span around the stated figure), the stated figure as written, and the derivation in
//! the `derive` language over facts. A document fact keeps its name ("St. Paul" becomes
//! `st_paul`); another figure is named after its kind and digits ("38%" becomes `pct_38`,
//! "$412 million" `usd_412_million`). An `unverifiable` finding becomes an `unverifiable` claim
//! with a `# TODO` for the missing figure. Every value is written so that the recognizer reads
//! it back as the article's figure; `verify` on a draft gives the verdicts of `check`.

use super::file::{Normalized, read_operand, read_stated, suggest_name};
use crate::check::{self, Expr, Operand, Outcome, Verdict};
use crate::claims::{Doc, find};
use crate::locale::Setting;
use crate::quantity::Span;
use rust_decimal::Decimal;
use std::path::{Component, Path};

/// A fact of the draft.
struct DraftFact {
    name: String,
    /// Where its figure stands in the article (to recognize the same figure used twice).
    span: Option<Span>,
    value: String,
    /// The interval the rule takes the value for, where its rounding is not it.
    range: Option<String>,
    quote: Option<String>,
    source: Option<String>,
    todo: Option<String>,
}

/// Writes a claim file for the article `article` (read by [`crate::source::read`]), whose
/// `article:` is `article_ref`: the findings of `check` with every rule, less those the
/// article's `<!-- recount-disable -->` comments turn off.
pub fn draft(article: &crate::source::Document, article_ref: &str, setting: Setting) -> String {
    let text = article.text.as_str();
    let r = crate::recognize(text, setting);
    let doc = Doc::new(text, &r);
    let outcomes: Vec<Outcome> = find(&doc, |_| true)
        .into_iter()
        .filter(|o| {
            !article
                .suppressions
                .iter()
                .any(|s| s.covers(o.claim.rule, o.claim.stated.span.start))
        })
        .collect();
    let hay = Normalized::new(text);
    let mut facts: Vec<DraftFact> = Vec::new();
    let mut claims = String::new();
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for o in &outcomes {
        let c = &o.claim;
        let n = match counts.iter_mut().find(|(r, _)| *r == c.rule) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                counts.push((c.rule, 1));
                1
            }
        };
        let id = format!("{}-{n}", c.rule);
        let stated_span = stated_span(o);
        let sentence = doc
            .sentences
            .iter()
            .copied()
            .find(|s| s.start <= stated_span.start && stated_span.start < s.end)
            .unwrap_or(Span::new(0, text.len()));
        let quote = claim_quote(text, &hay, stated_span, sentence);
        claims.push_str(&format!("  - id: {id}\n"));
        claims.push_str(&format!("    quote: {}\n", yaml_str(&quote)));
        let (stated_text, allows) = stated_as_written(o, setting);
        claims.push_str(&format!("    stated: {}\n", yaml_str(&stated_text)));
        if let Some(a) = allows {
            claims.push_str(&format!(
                "    allows: {}  # as {} reads the statement\n",
                yaml_str(&a),
                c.rule
            ));
        }
        let unverifiable = match (&c.missing, o.error) {
            (Some(m), _) => Some(m.clone()),
            (None, Some(e)) => Some(format!("{e}: {}", c.expr.show(&c.inputs))),
            (None, None) => None,
        };
        if let Some(u) = unverifiable {
            claims.push_str(
                "    # TODO: find the missing figure, add it as a fact, and replace `unverifiable` with `derive`\n",
            );
            claims.push_str(&format!("    unverifiable: {}\n", yaml_str(&u)));
        } else {
            let names: Vec<String> = c
                .inputs
                .iter()
                .map(|op| operand_ref(op, &doc, &hay, setting, &mut facts))
                .collect();
            for op in c.inputs.iter().filter(|op| op.span.is_none()) {
                let v = op.value.normalize().to_string();
                if op.text != v {
                    claims.push_str(&format!("    # {v}: {}\n", op.text.replace('\n', " ")));
                }
            }
            claims.push_str(&format!(
                "    derive: {}\n",
                yaml_str(&print_expr(&c.expr, &names))
            ));
        }
        if o.verdict != Verdict::Ok && o.verdict != Verdict::Unverifiable {
            claims.push_str(&format!(
                "    # check says {}: {}\n",
                o.verdict,
                o.message.replace('\n', " ")
            ));
        }
    }
    let mut out = String::new();
    out.push_str(
        "# Drafted by `recount draft` from what `recount check` finds in the article. A draft is a\n\
         # starting point: read each claim against the article, name the facts, add their sources,\n\
         # and add the claims that check does not find.\n",
    );
    out.push_str(&format!("article: {}\n", yaml_str(article_ref)));
    if setting != Setting::Auto {
        out.push_str(&format!("locale: {}\n", setting.name()));
    }
    if facts.is_empty() {
        out.push_str("facts: {}\n");
    } else {
        out.push_str("facts:\n");
        for f in &facts {
            out.push_str(&format!("  {}:\n", f.name));
            out.push_str(&format!("    value: {}\n", yaml_str(&f.value)));
            if let Some(r) = &f.range {
                out.push_str(&format!(
                    "    range: {}  # as the rule reads the figure\n",
                    yaml_str(r)
                ));
            }
            if let Some(t) = &f.todo {
                out.push_str(&format!("    # TODO: {t}\n"));
            }
            if let Some(q) = &f.quote {
                out.push_str(&format!("    quote: {}\n", yaml_str(q)));
            }
            match &f.source {
                Some(s) => out.push_str(&format!("    source: {}\n", yaml_str(s))),
                None => out.push_str("    # source: TODO\n"),
            }
        }
    }
    if claims.is_empty() {
        out.push_str("claims: []\n");
    } else {
        out.push_str("claims:\n");
        out.push_str(&claims);
    }
    out
}

/// The span of the stated figure with its hedge.
fn stated_span(o: &Outcome) -> Span {
    let s = &o.claim.stated;
    let len = s.text.len();
    Span::new(s.span.end.saturating_sub(len), s.span.end)
}

/// The stated figure as the claim file writes it, and an `allows` interval when the rule
/// reads the statement otherwise than the recognizer reads it alone.
fn stated_as_written(o: &Outcome, setting: Setting) -> (String, Option<String>) {
    let s = &o.claim.stated;
    match read_stated(&s.text, setting) {
        Ok(back) if back.target == s.target => (s.text.clone(), None),
        _ => (s.text.clone(), Some(interval(&s.target, s.percent))),
    }
}

/// A value in the units the text writes it in, as a figure the recognizer reads back.
fn figure(v: Decimal, percent: bool) -> String {
    format!(
        "{}{}",
        check::in_text_units(v, percent),
        if percent { "%" } else { "" }
    )
}

/// An interval in the notation of claim files: "[19%, 20%)", "(2, )".
fn interval(t: &check::interval::Target, percent: bool) -> String {
    let (open, lo) = match t.lo {
        Some((v, closed)) => (if closed { '[' } else { '(' }, figure(v, percent)),
        None => ('(', String::new()),
    };
    let (close, hi) = match t.hi {
        Some((v, closed)) => (if closed { ']' } else { ')' }, figure(v, percent)),
        None => (')', String::new()),
    };
    format!("{open}{lo}, {hi}{close}")
}

/// The name a derivation uses for `op`, adding the fact to `facts` (or a literal for a constant).
fn operand_ref(
    op: &Operand,
    doc: &Doc<'_>,
    hay: &Normalized,
    setting: Setting,
    facts: &mut Vec<DraftFact>,
) -> String {
    let Some(span) = op.span else {
        // A constant of the rule: exact, written in place.
        return format!("exactly {}", op.value.normalize());
    };
    if let Some(f) = facts
        .iter()
        .find(|f| f.span == Some(span) && !f.name.is_empty())
    {
        return f.name.clone();
    }
    let base = match &op.fact {
        Some(n) => suggest_name(n),
        None => value_name(&op.text),
    };
    let mut name = base.clone();
    let mut k = 2;
    while facts.iter().any(|f| f.name == name)
        || super::derive::Func::NAMES.contains(&name.as_str())
    {
        name = format!("{base}_{k}");
        k += 1;
    }
    let (value, range, todo) = value_as_written(op, doc, setting);
    let doc_fact = op
        .fact
        .as_ref()
        .and_then(|n| doc.facts.facts.iter().find(|f| &f.name == n));
    let quote = match doc_fact {
        Some(f) => {
            let q = doc.quantities[f.quantity].span;
            let end = if doc.text[q.end..].starts_with(')') {
                q.end + 1
            } else {
                q.end
            };
            let s = Span::new(f.name_span.start.min(q.start), end);
            let t = fold_ws(&doc.text[s.start..s.end]);
            if hay.find(&t).len() == 1 {
                t
            } else {
                window(doc.text, hay, span, sentence_of(doc, span), 4)
            }
        }
        None => window(doc.text, hay, span, sentence_of(doc, span), 4),
    };
    facts.push(DraftFact {
        name: name.clone(),
        span: Some(span),
        value,
        range,
        quote: Some(quote),
        source: op
            .fact
            .as_ref()
            .map(|n| format!("the article, where it gives {n}")),
        todo,
    });
    name
}

fn sentence_of(doc: &Doc<'_>, s: Span) -> Span {
    doc.sentences
        .iter()
        .copied()
        .find(|x| x.start <= s.start && s.start < x.end)
        .unwrap_or(Span::new(0, doc.text.len()))
}

/// The figure as the claim file writes it — as in the article when it reads back alike
/// alone, else with its hedge, as exact, or in English digits — with a `range` when the rule
/// takes it for another interval than its rounding, and a TODO when no writing reads back.
fn value_as_written(
    op: &Operand,
    doc: &Doc<'_>,
    setting: Setting,
) -> (String, Option<String>, Option<String>) {
    let back = |t: &str| read_operand(t, setting).ok();
    let percent = op.text.contains('%');
    let mut candidates = vec![op.text.clone()];
    if let Some(q) = doc
        .quantities
        .iter()
        .find(|q| Some(q.span) == op.span && q.hedge.is_some())
        && let Some(h) = &q.hedge
    {
        let start = h.span.start.min(q.span.start);
        candidates.push(fold_ws(&doc.text[start..q.span.end]));
    }
    if op.range.lo == op.range.hi {
        candidates.push(format!("exactly {}", op.text));
    }
    let v = if percent {
        op.value * Decimal::ONE_HUNDRED
    } else {
        op.value
    };
    candidates.push(format!(
        "{}{}",
        format_decimal(v.normalize(), Setting::En),
        if percent { "%" } else { "" }
    ));
    if let Some(t) = candidates
        .iter()
        .find(|t| back(t).is_some_and(|b| b.value == op.value && b.range == op.range))
    {
        return (t.clone(), None, None);
    }
    let range = format!(
        "[{}, {}]",
        figure(op.range.lo, percent),
        figure(op.range.hi, percent)
    );
    if let Some(t) = candidates
        .iter()
        .find(|t| back(t).is_some_and(|b| b.value == op.value))
    {
        return (t.clone(), Some(range), None);
    }
    (
        op.text.clone(),
        Some(range),
        Some(format!(
            "alone, \"{}\" does not read as the article's figure ({}); check it",
            op.text,
            v.normalize()
        )),
    )
}

/// White space runs folded to one space.
fn fold_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The quote of a claim: its sentence when that is short and stands once, else a span of words
/// around the stated figure that stands once.
fn claim_quote(text: &str, hay: &Normalized, stated: Span, sentence: Span) -> String {
    let s = fold_ws(&text[sentence.start..sentence.end]);
    if s.chars().count() <= 160 && hay.find(&s).len() == 1 {
        return s;
    }
    window(text, hay, stated, sentence, 6)
}

/// The shortest run of at least `min_words` words around `span`, within `sentence` when it can
/// be, that stands once in the text.
fn window(text: &str, hay: &Normalized, span: Span, sentence: Span, min_words: usize) -> String {
    // The sentence without the white space around it.
    let body = &text[sentence.start..sentence.end];
    let sentence = Span::new(
        sentence.start + (body.len() - body.trim_start().len()),
        sentence.start + body.trim_end().len(),
    );
    let mut start = word_start(text, span.start);
    let mut end = word_end(text, span.end);
    let mut grow_left = true;
    loop {
        let q = fold_ws(&text[start..end]);
        let words = q.split(' ').count();
        if words >= min_words && hay.find(&q).len() == 1 {
            return q;
        }
        let can_left = start > sentence.start;
        let can_right = end < sentence.end;
        if !can_left && !can_right {
            // The whole sentence: widen past it only if it is not unique.
            if hay.find(&q).len() == 1 || (start == 0 && end == text.len()) {
                return q;
            }
            let (s, e) = (
                word_start(text, start.saturating_sub(1)),
                word_end(text, (end + 1).min(text.len())),
            );
            if (s, e) == (start, end) {
                return q;
            }
            start = s;
            end = e;
            continue;
        }
        if (grow_left && can_left) || !can_right {
            start = word_start(text, prev_nonspace(text, start));
        } else {
            end = word_end(text, next_nonspace(text, end));
        }
        grow_left = !grow_left;
    }
}

/// The start of the word that holds byte `i`.
fn word_start(text: &str, i: usize) -> usize {
    let i = crate::locale::floor_char_boundary(text, i.min(text.len()));
    text[..i]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(k, c)| k + c.len_utf8())
}

/// The end of the word that holds the byte before `i`.
fn word_end(text: &str, i: usize) -> usize {
    let i = crate::locale::floor_char_boundary(text, i.min(text.len()));
    text[i..]
        .char_indices()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(text.len(), |(k, _)| i + k)
}

/// The byte before `i`, skipping white space backwards (the end of the previous word).
fn prev_nonspace(text: &str, i: usize) -> usize {
    text[..i]
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_whitespace())
        .map_or(0, |(k, _)| k)
}

/// The start of the next word after `i`.
fn next_nonspace(text: &str, i: usize) -> usize {
    text[i..]
        .char_indices()
        .find(|&(_, c)| !c.is_whitespace())
        .map_or(text.len(), |(k, c)| i + k + c.len_utf8())
}

/// A readable name for a figure that names nothing: its kind and digits ("pct_38",
/// "usd_412_million", "n_430_000").
fn value_name(text: &str) -> String {
    let lower = text.to_lowercase();
    let prefix = if lower.contains('%') || lower.contains("percent") || lower.contains("prozent") {
        "pct"
    } else if lower.contains('$') || lower.contains("usd") || lower.contains("dollar") {
        "usd"
    } else if lower.contains('€') || lower.contains("eur") {
        "eur"
    } else if lower.contains('£') || lower.contains("gbp") {
        "gbp"
    } else {
        "n"
    };
    let mut digits = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit)
        {
            digits.push('_');
        }
    }
    let scale = [
        "thousand",
        "million",
        "billion",
        "trillion",
        "mio",
        "mrd",
        "millionen",
        "milliarden",
    ]
    .into_iter()
    .find(|w| super::has_word(&lower, w));
    let mut name = format!("{prefix}_{digits}");
    if let Some(w) = scale {
        name.push('_');
        name.push_str(w);
    }
    name
}

/// `expr` in the derive language, with `names` for its inputs.
pub fn print_expr(expr: &Expr, names: &[String]) -> String {
    fn prec(e: &Expr) -> u8 {
        match e {
            Expr::Add(..) | Expr::Sub(..) => 1,
            Expr::Mul(..) | Expr::Div(..) => 2,
            Expr::Neg(_) => 3,
            _ => 4,
        }
    }
    fn go(e: &Expr, names: &[String]) -> String {
        let side = |x: &Expr, paren: bool| {
            let s = go(x, names);
            if paren { format!("({s})") } else { s }
        };
        match e {
            Expr::Input(i) => names.get(*i).cloned().unwrap_or_else(|| "?".to_string()),
            Expr::Add(a, b) => format!("{} + {}", side(a, prec(a) < 1), side(b, prec(b) <= 1)),
            Expr::Sub(a, b) => format!("{} - {}", side(a, prec(a) < 1), side(b, prec(b) <= 1)),
            Expr::Mul(a, b) => format!("{} * {}", side(a, prec(a) < 2), side(b, prec(b) <= 2)),
            Expr::Div(a, b) => format!("{} / {}", side(a, prec(a) < 2), side(b, prec(b) <= 2)),
            Expr::Neg(a) => format!("-{}", side(a, prec(a) < 3)),
            Expr::Round(a, dp) => format!("round({}, {dp})", go(a, names)),
        }
    }
    go(expr, names)
}

/// `s` as a YAML scalar: plain where that reads back as the same string, else double-quoted.
pub fn yaml_str(s: &str) -> String {
    let plain = !s.is_empty()
        && s == s.trim()
        && !s.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%',
            '@', '`',
        ])
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.chars().any(|c| c.is_control())
        && !matches!(
            s.to_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "~" | "y" | "n"
        );
    if plain {
        return s.to_string();
    }
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `v` written with the digit grouping and decimal mark of `setting`: en 1,234.5, de 1.234,5,
/// fr 1 234,5 (a narrow no-break space groups), de-CH 1'234.5. Other settings write as en.
pub fn format_decimal(v: Decimal, setting: Setting) -> String {
    let (group, decimal) = match setting {
        Setting::De | Setting::Es | Setting::It | Setting::Nl | Setting::Pt => ('.', ','),
        Setting::Fr => ('\u{202f}', ','),
        Setting::DeCh => ('\'', '.'),
        _ => (',', '.'),
    };
    let s = v.abs().to_string();
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut out = String::new();
    if v.is_sign_negative() && !v.is_zero() {
        out.push('-');
    }
    let n = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

/// The path of `article` relative to the directory of `claim_file` (both relative to the
/// current directory or absolute).
pub fn relative_to(claim_file: &Path, article: &str) -> String {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let dir = abs(claim_file.parent().unwrap_or(Path::new("")));
    let target = abs(Path::new(article));
    let norm = |p: &Path| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for c in p.components() {
            match c {
                Component::ParentDir => {
                    out.pop();
                }
                Component::CurDir => {}
                c => out.push(c.as_os_str().to_string_lossy().to_string()),
            }
        }
        out
    };
    let (d, t) = (norm(&dir), norm(&target));
    let common = d.iter().zip(&t).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); d.len() - common];
    parts.extend(t[common..].iter().cloned());
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_figures() {
        assert_eq!(value_name("38%"), "pct_38");
        assert_eq!(value_name("$412 million"), "usd_412_million");
        assert_eq!(value_name("430.000"), "n_430_000");
        assert_eq!(value_name("8.79%"), "pct_8_79");
    }

    #[test]
    fn yaml_scalars() {
        assert_eq!(yaml_str("430.000"), "430.000");
        assert_eq!(yaml_str("just under 20%"), "just under 20%");
        assert_eq!(yaml_str("a: b"), "\"a: b\"");
        assert_eq!(yaml_str("-x"), "\"-x\"");
        assert_eq!(yaml_str("say \"hi\""), "say \"hi\"");
        assert_eq!(yaml_str("\"hi\" there"), "\"\\\"hi\\\" there\"");
        assert_eq!(yaml_str("no"), "\"no\"");
    }

    #[test]
    fn locales_format_digits() {
        let v: Decimal = "1234567.25".parse().unwrap_or_default();
        assert_eq!(format_decimal(v, Setting::En), "1,234,567.25");
        assert_eq!(format_decimal(v, Setting::De), "1.234.567,25");
        assert_eq!(format_decimal(v, Setting::Fr), "1\u{202f}234\u{202f}567,25");
        assert_eq!(format_decimal(v, Setting::DeCh), "1'234'567.25");
        assert_eq!(format_decimal(-v, Setting::En), "-1,234,567.25");
    }

    #[test]
    fn relative_paths() {
        assert_eq!(
            relative_to(Path::new("claims/x.yaml"), "claims/articles/a.md"),
            "articles/a.md"
        );
        assert_eq!(
            relative_to(Path::new("claims/x.yaml"), "../shared/examples/m.txt"),
            "../../shared/examples/m.txt"
        );
    }

    #[test]
    fn draft_of_the_cities_sentence_verifies_alike() {
        let text = "Minneapolis (430.000) and St. Paul (310.000) together make up just under 20% of the Twin Cities population (3.76 million). Among participants, 38% refused to work. While 38% of 23% doesn’t sound like much (it’s 8.79% total), it is a lot.\n";
        let doc = crate::source::Document::new("a.txt", text.to_string());
        let y = draft(&doc, "a.txt", Setting::Auto);
        assert!(
            y.contains("derive: (minneapolis + st_paul) / twin_cities_population"),
            "{y}"
        );
        assert!(y.contains("derive: pct_38 * pct_23"), "{y}");
        assert!(y.contains("quote: Minneapolis (430.000)"), "{y}");
    }
}
