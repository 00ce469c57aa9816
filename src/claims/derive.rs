//! The `derive` language of claim files: how a stated figure follows from facts and numbers.
//!
//! ```text
//! derivation = expr EOF
//! expr       = term (("+" | "-" | "−") term)*
//! term       = unary (("*" | "×" | "/" | "÷") unary)*
//! unary      = ("-" | "−") unary | atom
//! atom       = "(" expr ")" | call | number | name
//! call       = function "(" expr (("," | ";") expr)* ")"
//! function   = "sum" | "mean" | "round" | "share" | "pct_change" | "points"
//! number     = ["exactly" " "] [currency] digit (digit | separator digit)* [suffix]
//! separator  = "." | "," | "'" | "’" | " " | NBSP | NNBSP
//! suffix     = "%" | "‰" | (" " word){1,3}          ; "3.76 million", "2 percentage points"
//! name       = (letter | "_") (letter | digit | "_")*
//! ```
//!
//! Numbers are read by the same recognizer as articles, under the claim file's locale, so a
//! number stands for its rounding interval exactly as in `check`: "38%" is [37.5%, 38.5%], and
//! "exactly 100%" is the point 100%. A percentage is a fraction in arithmetic (38% is 0.38).
//! Between a function's arguments, write ", " (a comma and a space) or ";": "1,5" is one number.
//!
//! Functions: `sum(a, …)`, `mean(a, …)` (the sum ÷ the count), `round(x, n)` (x rounded to n
//! decimal places, half away from zero; a percentage is a fraction here, so round(x, 4) keeps
//! hundredths of a percent), `share(a, b)` = a ÷ b, `pct_change(a, b)` = (b − a) ÷ a,
//! `points(a, b)` = b − a.
//!
//! [`parse`] gives an [`Ast`] with byte spans, [`Ast`]'s `Display` prints it back in a form
//! that parses to the same tree, and [`compile`] turns it into a [`check::Expr`] over operands.

use crate::check::{self, Expr, Operand};
use crate::locale::Setting;
use crate::quantity::{Kind, Quantity};
use nom::IResult;
use nom::Parser;
use rust_decimal::Decimal;
use std::fmt;

/// A function of the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    Sum,
    Mean,
    /// Rounded to this many decimal places.
    Round(u32),
    Share,
    PctChange,
    Points,
}

impl Func {
    /// Every function's name, as the language spells it.
    pub const NAMES: [&'static str; 6] = ["sum", "mean", "round", "share", "pct_change", "points"];

    fn name(self) -> &'static str {
        match self {
            Func::Sum => "sum",
            Func::Mean => "mean",
            Func::Round(_) => "round",
            Func::Share => "share",
            Func::PctChange => "pct_change",
            Func::Points => "points",
        }
    }
}

/// An arithmetic operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Add,
    Sub,
    Mul,
    Div,
}

impl Op {
    fn precedence(self) -> u8 {
        match self {
            Op::Add | Op::Sub => 1,
            Op::Mul | Op::Div => 2,
        }
    }

    fn sign(self) -> &'static str {
        match self {
            Op::Add => "+",
            Op::Sub => "-",
            Op::Mul => "*",
            Op::Div => "/",
        }
    }
}

/// A node of a parsed derivation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A number as written ("3.76 million", "exactly 100%").
    Number(String),
    /// A fact's name.
    Name(String),
    Neg(Box<Ast>),
    Bin(Op, Box<Ast>, Box<Ast>),
    /// A function and its arguments (for `round`, only the rounded expression).
    Call(Func, Vec<Ast>),
}

/// A parsed derivation with the byte span of each node in the derivation's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ast {
    pub node: Node,
    pub span: std::ops::Range<usize>,
}

impl Ast {
    fn precedence(&self) -> u8 {
        match &self.node {
            Node::Bin(op, ..) => op.precedence(),
            Node::Neg(_) => 3,
            _ => 4,
        }
    }

    /// The names of the facts the derivation uses, in order of first use.
    pub fn names(&self) -> Vec<(&str, std::ops::Range<usize>)> {
        fn go<'a>(a: &'a Ast, out: &mut Vec<(&'a str, std::ops::Range<usize>)>) {
            match &a.node {
                Node::Number(_) => {}
                Node::Name(n) => {
                    if !out.iter().any(|(m, _)| m == n) {
                        out.push((n, a.span.clone()));
                    }
                }
                Node::Neg(x) => go(x, out),
                Node::Bin(_, x, y) => {
                    go(x, out);
                    go(y, out);
                }
                Node::Call(_, args) => args.iter().for_each(|x| go(x, out)),
            }
        }
        let mut out = Vec::new();
        go(self, &mut out);
        out
    }
}

/// Prints the derivation with ASCII operators and the parentheses its structure needs.
impl fmt::Display for Ast {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn side(f: &mut fmt::Formatter<'_>, a: &Ast, paren: bool) -> fmt::Result {
            if paren {
                write!(f, "({a})")
            } else {
                write!(f, "{a}")
            }
        }
        match &self.node {
            Node::Number(t) | Node::Name(t) => f.write_str(t),
            Node::Neg(x) => {
                f.write_str("-")?;
                side(f, x, x.precedence() < 3)
            }
            Node::Bin(op, a, b) => {
                side(f, a, a.precedence() < op.precedence())?;
                write!(f, " {} ", op.sign())?;
                side(f, b, b.precedence() <= op.precedence())
            }
            Node::Call(func, args) => {
                write!(f, "{}(", func.name())?;
                for (i, a) in args.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{a}")?;
                }
                if let Func::Round(n) = func {
                    write!(f, ", {n}")?;
                }
                f.write_str(")")
            }
        }
    }
}

/// Why a derivation could not be parsed or compiled, with the byte span in its text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct DeriveError {
    pub message: String,
    pub span: std::ops::Range<usize>,
}

/// The parser's error: where (as the length of the input left) and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PErr {
    rest: usize,
    end: usize,
    message: String,
}

impl<'a> nom::error::ParseError<&'a str> for PErr {
    fn from_error_kind(input: &'a str, _: nom::error::ErrorKind) -> Self {
        PErr {
            rest: input.len(),
            end: input.len(),
            message: String::new(),
        }
    }

    fn append(_: &'a str, _: nom::error::ErrorKind, other: Self) -> Self {
        other
    }
}

type Res<'a, T> = IResult<&'a str, T, PErr>;

/// A failure that stops the parse, at `input`, spanning `len` bytes.
fn fail<T>(input: &str, len: usize, message: impl Into<String>) -> Res<'_, T> {
    Err(nom::Err::Failure(PErr {
        rest: input.len(),
        end: input.len().saturating_sub(len),
        message: message.into(),
    }))
}

/// An AST node whose span is still measured as input left at its start and end.
fn node(node: Node, rest_start: usize, rest_end: usize) -> Ast {
    Ast {
        node,
        span: rest_start..rest_end,
    }
}

/// How deep a derivation may nest parentheses, function calls and signs ("-(-(x))" is four).
pub const MAX_DEPTH: usize = 64;

/// The most binary operators a derivation may have (a chain of them nests too: `a + b + c` is
/// `(a + b) + c`).
pub const MAX_OPERATORS: usize = 1000;

/// Where `text` nests deeper than [`MAX_DEPTH`] or has more operators than [`MAX_OPERATORS`],
/// found in one pass before parsing, so that no input makes the parser (or anything that walks
/// the tree after it) recurse without bound.
fn too_deep(text: &str) -> Option<DeriveError> {
    // One entry an open parenthesis (the outermost for the whole text): the signs in a row
    // before the current operand at that level.
    let mut levels: Vec<usize> = vec![0];
    let mut operators = 0;
    // Whether the last token leaves an operator expected (an operand ended).
    let mut after_operand = false;
    for (k, c) in text.char_indices() {
        let span = k..k + c.len_utf8();
        match c {
            '(' => {
                levels.push(0);
                after_operand = false;
            }
            ')' => {
                if levels.len() > 1 {
                    levels.pop();
                }
                after_operand = true;
            }
            ',' | ';' => {
                if let Some(top) = levels.last_mut() {
                    *top = 0;
                }
                after_operand = false;
            }
            '+' | '-' | '−' | '*' | '×' | '/' | '÷' => {
                if after_operand {
                    operators += 1;
                    if operators > MAX_OPERATORS {
                        return Some(DeriveError {
                            message: format!(
                                "more than {MAX_OPERATORS} operators; split the derivation into facts"
                            ),
                            span,
                        });
                    }
                    if let Some(top) = levels.last_mut() {
                        *top = 0;
                    }
                } else if let Some(top) = levels.last_mut() {
                    *top += 1; // a sign
                }
                after_operand = false;
            }
            c if c.is_whitespace() => {}
            _ => after_operand = true,
        }
        let depth = levels.len() - 1 + levels.iter().sum::<usize>();
        if depth > MAX_DEPTH {
            return Some(DeriveError {
                message: format!(
                    "nested more than {MAX_DEPTH} deep (parentheses, functions and signs); split the derivation into facts"
                ),
                span,
            });
        }
    }
    None
}

/// Parses a derivation.
pub fn parse(text: &str) -> Result<Ast, DeriveError> {
    if let Some(e) = too_deep(text) {
        return Err(e);
    }
    let total = text.len();
    let to_span = |rest: usize, end: usize| (total - rest)..(total - end);
    match derivation(text) {
        Ok((_, mut ast)) => {
            fix_spans(&mut ast, total);
            Ok(ast)
        }
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => Err(DeriveError {
            message: if e.message.is_empty() {
                "expected a number, a fact's name or \"(\"".to_string()
            } else {
                e.message
            },
            span: to_span(e.rest, e.end),
        }),
        Err(nom::Err::Incomplete(_)) => Err(DeriveError {
            message: "the derivation ends too early".to_string(),
            span: total..total,
        }),
    }
}

/// Turns spans measured from the end into byte offsets.
fn fix_spans(a: &mut Ast, total: usize) {
    a.span = (total - a.span.start)..(total - a.span.end);
    match &mut a.node {
        Node::Number(_) | Node::Name(_) => {}
        Node::Neg(x) => fix_spans(x, total),
        Node::Bin(_, x, y) => {
            fix_spans(x, total);
            fix_spans(y, total);
        }
        Node::Call(_, args) => args.iter_mut().for_each(|x| fix_spans(x, total)),
    }
}

/// White space between tokens: any Unicode white space, as the messages' tokens are split.
fn ws(i: &str) -> Res<'_, &str> {
    let n = i.len() - i.trim_start().len();
    Ok((&i[n..], &i[..n]))
}

/// derivation = expr EOF
fn derivation(i: &str) -> Res<'_, Ast> {
    let (i, _) = ws(i)?;
    if i.is_empty() {
        return fail(i, 0, "the derivation is empty");
    }
    let (i, e) = expr(i)?;
    let (i, _) = ws(i)?;
    if !i.is_empty() {
        let token = i.split_whitespace().next().unwrap_or(i);
        let len = token.len().min(i.len());
        let what = if i.starts_with(')') {
            "a \")\" without its \"(\"".to_string()
        } else {
            format!("\"{token}\"")
        };
        return fail(
            i,
            len,
            format!("expected an operator (+ − × ÷) or the end, found {what}"),
        );
    }
    Ok((i, e))
}

/// An additive operator: "+", "-" or "−".
fn add_op(i: &str) -> Res<'_, Op> {
    let (i, _) = ws(i)?;
    nom::branch::alt((
        nom::character::complete::char('+').map(|_| Op::Add),
        nom::character::complete::char('-').map(|_| Op::Sub),
        nom::character::complete::char('−').map(|_| Op::Sub),
    ))
    .parse(i)
}

/// A multiplicative operator: "*", "×", "/" or "÷".
fn mul_op(i: &str) -> Res<'_, Op> {
    let (i, _) = ws(i)?;
    nom::branch::alt((
        nom::character::complete::one_of("*×").map(|_| Op::Mul),
        nom::character::complete::one_of("/÷").map(|_| Op::Div),
    ))
    .parse(i)
}

/// Left-associative chain of `operand (op operand)*`.
fn chain<'a>(
    i: &'a str,
    operand: fn(&'a str) -> Res<'a, Ast>,
    op: fn(&'a str) -> Res<'a, Op>,
) -> Res<'a, Ast> {
    let (mut i, mut acc) = operand(i)?;
    loop {
        match op(i) {
            Ok((rest, o)) => {
                let (rest, _) = ws(rest)?;
                if rest.is_empty() || rest.starts_with(')') || rest.starts_with([',', ';']) {
                    return fail(
                        rest,
                        0,
                        format!("expected something after \"{}\"", o.sign()),
                    );
                }
                let (rest, rhs) = operand(rest)?;
                let (start, end) = (acc.span.start, rhs.span.end);
                acc = node(Node::Bin(o, Box::new(acc), Box::new(rhs)), start, end);
                i = rest;
            }
            Err(nom::Err::Error(_)) => return Ok((i, acc)),
            Err(e) => return Err(e),
        }
    }
}

/// expr = term (("+" | "-" | "−") term)*
fn expr(i: &str) -> Res<'_, Ast> {
    chain(i, term, add_op)
}

/// term = unary (("*" | "×" | "/" | "÷") unary)*
fn term(i: &str) -> Res<'_, Ast> {
    chain(i, unary, mul_op)
}

/// unary = ("-" | "−") unary | atom
fn unary(i: &str) -> Res<'_, Ast> {
    let (i, _) = ws(i)?;
    let start = i.len();
    if let Some(rest) = i.strip_prefix('-').or_else(|| i.strip_prefix('−')) {
        let (rest, _) = ws(rest)?;
        let (rest, x) = unary(rest)?;
        return Ok((rest, node(Node::Neg(Box::new(x)), start, rest.len())));
    }
    atom(i)
}

/// atom = "(" expr ")" | call | number | name
fn atom(i: &str) -> Res<'_, Ast> {
    let (i, _) = ws(i)?;
    let start = i.len();
    if let Some(rest) = i.strip_prefix('(') {
        let (rest, inner) = expr(rest)?;
        let (rest, _) = ws(rest)?;
        let Some(rest) = rest.strip_prefix(')') else {
            return fail(rest, 0, "expected \")\"");
        };
        // The parentheses belong to the node: its span covers them.
        let mut inner = inner;
        inner.span = start..rest.len();
        return Ok((rest, inner));
    }
    if let Ok(r) = number(i) {
        return Ok(r);
    }
    let (rest, id) = name(i)?;
    let (after, _) = ws(rest)?;
    if after.starts_with('(') {
        return call(i, id, after);
    }
    Ok((rest, node(Node::Name(id.to_string()), start, rest.len())))
}

/// call = function "(" expr (("," | ";") expr)* ")"; `open` is the input at "(".
fn call<'a>(i: &'a str, id: &str, open: &'a str) -> Res<'a, Ast> {
    let start = i.len();
    let func = match id {
        "sum" => Func::Sum,
        "mean" => Func::Mean,
        "round" => Func::Round(0),
        "share" => Func::Share,
        "pct_change" => Func::PctChange,
        "points" => Func::Points,
        _ => {
            return fail(
                i,
                id.len(),
                format!(
                    "unknown function \"{id}\" (functions: {})",
                    Func::NAMES.join(", ")
                ),
            );
        }
    };
    let mut rest = &open[1..];
    let mut args = Vec::new();
    loop {
        let (r, _) = ws(rest)?;
        if r.starts_with(')') && args.is_empty() {
            return fail(r, 1, format!("{id}() needs arguments"));
        }
        let (r, a) = expr(r)?;
        args.push(a);
        let (r, _) = ws(r)?;
        if let Some(r) = r.strip_prefix([',', ';']) {
            rest = r;
            continue;
        }
        let Some(r) = r.strip_prefix(')') else {
            return fail(r, 0, format!("expected \",\" or \")\" in {id}(…)"));
        };
        rest = r;
        break;
    }
    let arity = |n: usize, what: &str| -> Result<(), nom::Err<PErr>> {
        if args.len() == n {
            Ok(())
        } else {
            Err(nom::Err::Failure(PErr {
                rest: start,
                end: rest.len(),
                message: format!(
                    "{id} takes {what}, here it has {} argument{}",
                    args.len(),
                    if args.len() == 1 { "" } else { "s" }
                ),
            }))
        }
    };
    let func = match func {
        Func::Round(_) => {
            arity(2, "two arguments: round(x, places)")?;
            let places = &args[1];
            let n = match &places.node {
                Node::Number(t) if t.chars().all(|c| c.is_ascii_digit()) => t.parse::<u32>().ok(),
                _ => None,
            };
            let Some(n) = n.filter(|&n| n <= 20) else {
                return Err(nom::Err::Failure(PErr {
                    rest: places.span.start,
                    end: places.span.end,
                    message: "round's second argument is the number of decimal places, a whole number from 0 to 20".to_string(),
                }));
            };
            args.truncate(1);
            Func::Round(n)
        }
        Func::Share => {
            arity(2, "two arguments: share(part, whole)")?;
            func
        }
        Func::PctChange => {
            arity(2, "two arguments: pct_change(old, new)")?;
            func
        }
        Func::Points => {
            arity(2, "two arguments: points(old, new)")?;
            func
        }
        Func::Sum | Func::Mean => func,
    };
    Ok((rest, node(Node::Call(func, args), start, rest.len())))
}

/// name = (letter | "_") (letter | digit | "_")*
fn name(i: &str) -> Res<'_, &str> {
    let end = i
        .char_indices()
        .find(|&(k, c)| !(c.is_alphabetic() || c == '_' || (k > 0 && c.is_numeric())))
        .map_or(i.len(), |(k, _)| k);
    if end == 0 {
        let found = i
            .chars()
            .next()
            .map_or_else(|| "the end".to_string(), |c| format!("\"{c}\""));
        return fail(
            i,
            i.chars().next().map_or(0, char::len_utf8),
            format!("expected a number, a fact's name or \"(\", found {found}"),
        );
    }
    Ok((&i[end..], &i[..end]))
}

/// Whether `c` separates digit groups or decimals inside a number.
fn is_separator(c: char) -> bool {
    matches!(c, '.' | ',' | '\'' | '’' | ' ' | '\u{a0}' | '\u{202f}')
}

/// number = ["exactly" " "] [currency] digit (digit | separator digit)* [suffix]
fn number(i: &str) -> Res<'_, Ast> {
    let start = i.len();
    let mut k = 0;
    for prefix in ["exactly ", "genau "] {
        if i.starts_with(prefix) {
            k = prefix.len();
        }
    }
    let rest = &i[k..];
    let cur = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '$' | '€' | '£' | '¥'))
        .map_or(0, char::len_utf8);
    let digits = &rest[cur..];
    if !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(nom::Err::Error(PErr {
            rest: start,
            end: start,
            message: String::new(),
        }));
    }
    // digit (digit | separator digit)*
    let mut end = 0;
    let mut chars = digits.char_indices().peekable();
    while let Some((p, c)) = chars.next() {
        if c.is_ascii_digit() {
            end = p + 1;
        } else if is_separator(c) && chars.peek().is_some_and(|&(_, d)| d.is_ascii_digit()) {
            continue;
        } else {
            break;
        }
    }
    let mut len = k + cur + end;
    // suffix = "%" | "‰" | (" " word){1,3}
    let tail = &i[len..];
    if tail.starts_with(['%', '‰']) {
        len += 1 + usize::from(tail.starts_with('‰')) * 2;
    } else {
        let mut words = 0;
        let mut t = tail;
        while words < 3 {
            let Some(after_space) = t.strip_prefix(' ') else {
                break;
            };
            let w = after_space
                .char_indices()
                .find(|&(_, c)| !c.is_alphabetic())
                .map_or(after_space.len(), |(p, _)| p);
            if w == 0 {
                break;
            }
            let (after_word, _) = ws(&after_space[w..])?;
            // A word followed by "(" is a function, not a unit.
            if after_word.starts_with('(') {
                break;
            }
            len += 1 + w;
            t = &after_space[w..];
            words += 1;
        }
    }
    let text = &i[..len];
    let rest = &i[len..];
    Ok((
        rest,
        node(Node::Number(text.to_string()), start, rest.len()),
    ))
}

/// A fact as a derivation sees it: a value, or another derivation.
pub enum FactRef<'a> {
    Value(&'a Operand),
    Derived(&'a Ast),
}

/// Reads `text` as one figure with the recognizer, under `setting`: the quantity, or why not.
pub fn read_figure(text: &str, setting: Setting) -> Result<Quantity, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("the value is empty".to_string());
    }
    let r = crate::recognize(t, setting);
    let with_value: Vec<&Quantity> = r.quantities.iter().filter(|q| q.value.is_some()).collect();
    match with_value.as_slice() {
        [] => {
            if let Some(q) = r.quantities.iter().find(|q| q.too_large) {
                let _ = q;
                Err(format!(
                    "\"{t}\" is too large to hold exactly (more than 28 digits)"
                ))
            } else if let Some(q) = r.quantities.first() {
                Err(format!(
                    "cannot read \"{t}\" as a figure: it reads as a {}",
                    kind_name(q.kind)
                ))
            } else {
                Err(format!("cannot read \"{t}\" as a figure"))
            }
        }
        [q] => {
            if matches!(q.kind, Kind::Date | Kind::Time | Kind::Identifier) {
                return Err(format!(
                    "cannot read \"{t}\" as a figure: it reads as a {}",
                    kind_name(q.kind)
                ));
            }
            let start = q.hedge.as_ref().map_or(q.span.start, |h| h.span.start);
            let before = t[..start.min(q.span.start)].trim();
            if !before.is_empty() && !before.chars().all(|c| matches!(c, '$' | '€' | '£')) {
                return Err(format!(
                    "cannot read \"{t}\" as one figure: \"{before}\" before it is not part of it"
                ));
            }
            Ok((*q).clone())
        }
        many => Err(format!(
            "\"{t}\" holds {} figures ({}); write one",
            many.len(),
            many.iter()
                .map(|q| format!("\"{}\"", &t[q.span.start..q.span.end]))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Date => "date",
        Kind::Time => "time",
        Kind::Identifier => "number that names rather than counts",
        Kind::Year => "year",
        Kind::Ordinal => "ordinal",
        _ => "number without a value",
    }
}

/// A derivation compiled for the checker: the expression over `inputs`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compiled {
    pub expr: Expr,
    pub inputs: Vec<Operand>,
}

/// Compiles `ast` into an expression over operands. Numbers are read under `setting`; names
/// are looked up with `facts` (a derived fact is compiled in place, so the intervals are those
/// of its own inputs); `known` are all names, for suggestions.
pub fn compile<'a>(
    ast: &Ast,
    setting: Setting,
    facts: &dyn Fn(&str) -> Option<FactRef<'a>>,
    known: &[&str],
) -> Result<Compiled, DeriveError> {
    compile_in(ast, setting, facts, known, Vec::new())
}

/// Compiles the derivation of the fact `name`: as [`compile`], and a cycle back to `name` is
/// reported as starting there.
pub fn compile_fact<'a>(
    name: &str,
    ast: &Ast,
    setting: Setting,
    facts: &dyn Fn(&str) -> Option<FactRef<'a>>,
    known: &[&str],
) -> Result<Compiled, DeriveError> {
    compile_in(ast, setting, facts, known, vec![name.to_string()])
}

fn compile_in<'a>(
    ast: &Ast,
    setting: Setting,
    facts: &dyn Fn(&str) -> Option<FactRef<'a>>,
    known: &[&str],
    stack: Vec<String>,
) -> Result<Compiled, DeriveError> {
    let mut c = Compiler {
        setting,
        facts,
        known,
        inputs: Vec::new(),
        stack,
    };
    let expr = c.go(ast)?;
    Ok(Compiled {
        expr,
        inputs: c.inputs,
    })
}

struct Compiler<'f, 'a> {
    setting: Setting,
    facts: &'f dyn Fn(&str) -> Option<FactRef<'a>>,
    known: &'f [&'f str],
    inputs: Vec<Operand>,
    /// The derived facts being compiled, to find cycles.
    stack: Vec<String>,
}

impl Compiler<'_, '_> {
    fn push(&mut self, op: Operand) -> Expr {
        if op.fact.is_some()
            && let Some(i) = self.inputs.iter().position(|o| o.fact == op.fact)
        {
            return Expr::Input(i);
        }
        self.inputs.push(op);
        Expr::Input(self.inputs.len() - 1)
    }

    fn go(&mut self, a: &Ast) -> Result<Expr, DeriveError> {
        let err = |message: String| DeriveError {
            message,
            span: a.span.clone(),
        };
        Ok(match &a.node {
            Node::Number(t) => {
                let q = read_figure(t, self.setting).map_err(err)?;
                let op = Operand::from_quantity(t.trim(), &q)
                    .ok_or_else(|| err(format!("cannot use \"{t}\" in arithmetic")))?;
                self.push(op)
            }
            Node::Name(n) => match (self.facts)(n) {
                Some(FactRef::Value(op)) => self.push(op.clone()),
                Some(FactRef::Derived(inner)) => {
                    if let Some(k) = self.stack.iter().position(|s| s == n) {
                        let mut cycle = self.stack[k..].to_vec();
                        cycle.push(n.clone());
                        return Err(err(format!(
                            "the facts {} derive each other in a cycle",
                            cycle.join(" → ")
                        )));
                    }
                    self.stack.push(n.clone());
                    let e = self.go(inner).map_err(|mut e| {
                        // An error inside another fact's derivation is reported at the name.
                        if !e.message.contains("in a cycle") {
                            e.message = format!("in fact \"{n}\": {}", e.message);
                        }
                        e.span = a.span.clone();
                        e
                    });
                    self.stack.pop();
                    e?
                }
                None => return Err(err(unknown_name(n, self.known))),
            },
            Node::Neg(x) => -self.go(x)?,
            Node::Bin(op, x, y) => {
                let (x, y) = (self.go(x)?, self.go(y)?);
                match op {
                    Op::Add => x + y,
                    Op::Sub => x - y,
                    Op::Mul => x * y,
                    Op::Div => x / y,
                }
            }
            Node::Call(f, args) => {
                let mut xs = Vec::new();
                for x in args {
                    xs.push(self.go(x)?);
                }
                let mut it = xs.into_iter();
                let (Some(first), second) = (it.next(), it.next()) else {
                    return Err(err("a function without arguments".to_string()));
                };
                let two = |second: Option<Expr>| {
                    second.ok_or_else(|| err(format!("{} takes two arguments", f.name())))
                };
                match f {
                    Func::Sum | Func::Mean => {
                        let n = args.len();
                        let total = second.into_iter().chain(it).fold(first, |s, x| s + x);
                        if *f == Func::Mean && n > 1 {
                            let count = Operand::constant(Decimal::from(n), &n.to_string());
                            total / self.push(count)
                        } else {
                            total
                        }
                    }
                    Func::Round(dp) => Expr::Round(Box::new(first), *dp),
                    Func::Share => first / two(second)?,
                    Func::PctChange => {
                        let new = two(second)?;
                        (new - first.clone()) / first
                    }
                    Func::Points => two(second)? - first,
                }
            }
        })
    }
}

/// "unknown fact "minneapols"; did you mean "minneapolis"?"
pub fn unknown_name(n: &str, known: &[&str]) -> String {
    let best = known
        .iter()
        .map(|k| (strsim::jaro_winkler(n, k), *k))
        .filter(|(s, _)| *s >= 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match best {
        Some((_, k)) => format!("unknown fact \"{n}\"; did you mean \"{k}\"?"),
        None if known.is_empty() => format!("unknown fact \"{n}\" (the file defines no facts)"),
        None => format!("unknown fact \"{n}\" (facts: {})", known.join(", ")),
    }
}

/// Evaluates the exact value of a compiled derivation (a convenience for tests and drafts).
pub fn exact(c: &Compiled) -> Result<Decimal, check::interval::ArithError> {
    c.expr.exact(&c.inputs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> String {
        match parse(s) {
            Ok(a) => a.to_string(),
            Err(e) => format!("error at {:?}: {}", e.span, e.message),
        }
    }

    #[test]
    fn precedence_and_parentheses() {
        assert_eq!(p("(a + b) / c"), "(a + b) / c");
        assert_eq!(p("a + b / c"), "a + b / c");
        assert_eq!(p("a − (b − c)"), "a - (b - c)");
        assert_eq!(p("a - b - c"), "a - b - c");
        assert_eq!(p("38% × 23%"), "38% * 23%");
        assert_eq!(p("−x ÷ 2"), "-x / 2");
        assert_eq!(p("-(a + b)"), "-(a + b)");
    }

    #[test]
    fn numbers_as_written() {
        assert_eq!(p("3.76 million / 2"), "3.76 million / 2");
        assert_eq!(p("exactly 100% - undecided"), "exactly 100% - undecided");
        assert_eq!(p("1 234,5 + 1'234.5"), "1 234,5 + 1'234.5");
        assert_eq!(
            p("$412 million - $380 million"),
            "$412 million - $380 million"
        );
        assert_eq!(p("round(38%*23%, 4)"), "round(38% * 23%, 4)");
        assert_eq!(p("sum(1,5; 2)"), "sum(1,5, 2)");
        assert_eq!(p("2 percentage points"), "2 percentage points");
    }

    #[test]
    fn functions() {
        assert_eq!(p("pct_change(old, new)"), "pct_change(old, new)");
        assert_eq!(
            p("mean(a, b, c) + share(x, y)"),
            "mean(a, b, c) + share(x, y)"
        );
        assert_eq!(
            p("foo(a)"),
            "error at 0..3: unknown function \"foo\" (functions: sum, mean, round, share, pct_change, points)"
        );
        assert_eq!(
            p("share(a)"),
            "error at 0..8: share takes two arguments: share(part, whole), here it has 1 argument"
        );
        assert!(p("round(a, b)").contains("whole number"));
    }

    #[test]
    fn syntax_errors_point_at_the_place() {
        assert_eq!(p("(a + b"), "error at 6..6: expected \")\"".to_string());
        assert_eq!(
            p("a b"),
            "error at 2..3: expected an operator (+ − × ÷) or the end, found \"b\""
        );
        assert_eq!(p("a +"), "error at 3..3: expected something after \"+\"");
        assert_eq!(p(""), "error at 0..0: the derivation is empty");
        assert_eq!(
            p("a + ?"),
            "error at 4..5: expected a number, a fact's name or \"(\", found \"?\""
        );
        assert_eq!(
            p("a)"),
            "error at 1..2: expected an operator (+ − × ÷) or the end, found a \")\" without its \"(\""
        );
    }

    #[test]
    fn nesting_and_length_are_bounded_before_parsing() {
        let deep = format!("{}x{}", "(".repeat(100_000), ")".repeat(100_000));
        let e = parse(&deep).unwrap_err();
        assert_eq!(e.span, MAX_DEPTH..MAX_DEPTH + 1);
        assert!(e.message.starts_with("nested more than 64 deep"), "{e}");
        let signs = format!("{}x", "- ".repeat(100_000));
        assert!(parse(&signs).unwrap_err().message.starts_with("nested"));
        let calls = format!("{}x{}", "sum(".repeat(1000), ")".repeat(1000));
        assert!(parse(&calls).unwrap_err().message.starts_with("nested"));
        // At the limits the tree parses, prints and parses back the same.
        let ok = format!(
            "{}x{}",
            "(-".repeat(MAX_DEPTH / 2),
            ")".repeat(MAX_DEPTH / 2)
        );
        assert!(parse(&ok).is_ok(), "{:?}", parse(&ok));
        let chain = vec!["a"; MAX_OPERATORS + 1].join(" - ");
        let a = parse(&chain).unwrap();
        assert_eq!(p(&a.to_string()), p(&chain));
        let long = vec!["a"; MAX_OPERATORS + 2].join(" * ");
        let e = parse(&long).unwrap_err();
        assert!(e.message.starts_with("more than 1000 operators"), "{e}");
        // Signs after operators are signs, not operators, and count as nesting.
        assert!(parse("a - -b * -(c + -d)").is_ok());
    }

    #[test]
    fn spans_cover_the_source() {
        let a = parse("(alpha + beta) / gamma").unwrap();
        assert_eq!(a.span, 0..22);
        assert_eq!(
            a.names(),
            [("alpha", 1..6), ("beta", 9..13), ("gamma", 17..22)]
        );
    }

    fn value(s: &str) -> Decimal {
        let ops = [
            Operand::constant(Decimal::new(430_000, 0), "430,000"),
            Operand::constant(Decimal::new(310_000, 0), "310,000"),
        ];
        let facts = |n: &str| match n {
            "a" => Some(FactRef::Value(&ops[0])),
            "b" => Some(FactRef::Value(&ops[1])),
            _ => None,
        };
        let c = compile(&parse(s).unwrap(), Setting::En, &facts, &["a", "b"]).unwrap();
        exact(&c).unwrap()
    }

    #[test]
    fn functions_compute_what_they_say() {
        use std::str::FromStr;
        let d = |s| Decimal::from_str(s).unwrap();
        assert_eq!(value("sum(a, b)"), d("740000"));
        assert_eq!(value("mean(a, b)"), d("370000"));
        assert_eq!(value("share(b, a)").round_dp(4), d("0.7209"));
        assert_eq!(value("pct_change(b, a)").round_dp(4), d("0.3871"));
        assert_eq!(value("points(38%, 23%)"), d("-0.15"));
        assert_eq!(value("round(38% * 23%, 4)"), d("0.0874"));
        assert_eq!(value("38% × 23%"), d("0.0874"));
        assert_eq!(value("-a + b"), d("-120000"));
    }

    #[test]
    fn unknown_names_suggest_the_nearest() {
        let facts = |_: &str| None;
        let e = compile(
            &parse("minneapols + st_paul").unwrap(),
            Setting::En,
            &facts,
            &["minneapolis", "st_paul"],
        )
        .unwrap_err();
        assert_eq!(
            e.message,
            "unknown fact \"minneapols\"; did you mean \"minneapolis\"?"
        );
        assert_eq!(e.span, 0..10);
    }

    #[test]
    fn figures_are_read_by_the_recognizer() {
        let q = read_figure("just under 20%", Setting::Auto).unwrap();
        assert_eq!(q.value, Some(Decimal::new(20, 0)));
        assert!(q.hedge.is_some());
        let q = read_figure("430.000", Setting::De).unwrap();
        assert_eq!(q.value, Some(Decimal::new(430_000, 0)));
        assert!(read_figure("lots", Setting::Auto).is_err());
        assert!(
            read_figure("5 and 6", Setting::Auto)
                .unwrap_err()
                .contains("2 figures")
        );
    }
}
