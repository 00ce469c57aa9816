//! `p-value`: an APA-style test result whose p-value must follow from its statistic.
//!
//! The results are read from the text itself by a small parser (APA results are a formal
//! notation): a test label, its degrees of freedom, the statistic, and the p-value or "ns".
//! [`scan`] finds them; the arithmetic and the verdicts are in [`crate::check::stats::p`].

use crate::check::interval::{Range, Target};
use crate::check::stats::Stat;
use crate::check::stats::p::{Comp, PRules, PTest, TestType};
use crate::check::{Claim, Expr, Operand, Stated};
use crate::claims::{Doc, Rule};
use crate::quantity::Span;
use rust_decimal::Decimal;
use std::str::FromStr;

macro_rules! doc {
    () => {
        "## What it checks
A test result written the APA way: `t(28) = 2.20, p = .036`, `F(2, 56) = 1.23, p < .05`,
`χ2(1, N = 30) = 3.84, p = .05` (also X2, x2, chi2, χ²), `r(48) = .25, p = .08`, `z = 1.96,
p = .05`, `Q(3) = 7.1, p = .07` (and Qw, Qb: Q-within, Q-between), with `ns` for a p-value that
is only said to be not significant. The p-value is recomputed from the statistic and its degrees
of freedom (t, F, χ² and normal distributions; r through t) and compared with the one the text
reports, as statcheck does: two-tailed for t, r and z, the statistic as the interval its
decimals allow, an `=` p-value compared at its own decimals, `<` and `>` by statcheck's table.
Beyond statcheck it reads `;` after the statistic, `≤` and `≥`, the Unicode minus, a few
statistics between the result and its p (`F(2, 70) = 4.48, MSE = 6.61, p < .02`), p-values in
scientific notation (`p = 5.81 × 10−48`, `p < 1e-4`), and the damage PDF conversion does to
such results: `l` or `I` for 1 in `F(l, 76)`, `?2` or `B2` for χ2, a lost or mangled minus
sign, `pb.001` for `p < .001`, `p ! .01` and `p p .05` for `p < .01` and `p = .05`.

## Why it matters
About half of psychology papers contain at least one p-value that does not match its
statistic, and one in eight a decision error: a result reported as significant that is not, or
the other way round (Nuijten et al., 2016). Reviewers and editors run such checks before
publication; a typo in a p-value is easy to fix then and hard to retract later.

## Example
\"The groups differed, t(28) = 2.20, p = .03.\" → t(28) = 2.20 gives p = .0362, the text says
p = .03: `mismatch`. \"t(28) = 1.20, p = .03\" is a decision error (p = .240 is not
significant): the message says so first, and such findings are listed before the others.

## Verdicts
`ok` when the p of the statistic as written agrees with the reported p; `imprecise` when only
the statistic's rounding reaches it (the finding gives the p interval); `mismatch` otherwise,
as a decision error when the significance at alpha differs. In JSON, every finding carries
`stat` with statcheck's columns (`test_type`, `df1`, `df2`, `test_comp`, `test_value`,
`p_comp`, `reported_p`, `computed_p`, `p_low`, `p_high`, `error`, `decision_error`,
`one_tailed`).

## Tolerance
The statistic stands for its rounding interval (2.20 for [2.195, 2.205]); an `=` p-value is
compared after rounding to its own decimals. `p = .000` is an error (a p-value is never zero;
write p < .001). One-tailed p-values are accepted when the text says its tests are one-sided,
one-tailed or directional and only that makes the result consistent.

## Settings
Set with `--set p-value.KEY=VALUE` (statcheck's option in brackets):
`alpha` (alpha, .05); `p-equal-alpha-sig` (pEqualAlphaSig, true: p = alpha is significant);
`p-zero-error` (pZeroError, true); `one-tailed-text` (OneTailedTxt, true here: statcheck's
default is false); `one-tailed` (OneTailedTests, false: every t, r and z one-tailed); `tests`
(stat, all: a comma list of t, F, r, chi2, Z, Q).

## When it does not fire
Without degrees of freedom where the test needs them (`F = 10.98, p = .002`), for a t with two
degrees of freedom or in square brackets, for `T(28)` or `z(28)`, for ASCII `<=`/`>=` (statcheck
skips them too), for a p-value above 1, and for a correlation outside [−1, 1] (a misreading
more likely than an error)."
    };
}

#[doc = doc!()]
pub const RULE: Rule = Rule {
    id: "p-value",
    summary: "a reported p-value must follow from its test statistic",
    doc: doc!(),
    find: crate::claims::Finder::Claims(find),
};

/// The rule's settings: statcheck's options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub alpha: Decimal,
    pub p_equal_alpha_sig: bool,
    pub p_zero_error: bool,
    /// Accept a one-tailed p when the text says its tests are one-tailed (OneTailedTxt).
    pub one_tailed_text: bool,
    /// Compute every t, r and z one-tailed (OneTailedTests).
    pub one_tailed: bool,
    /// The tests to check.
    pub tests: Vec<TestType>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            alpha: Decimal::new(5, 2),
            p_equal_alpha_sig: true,
            p_zero_error: true,
            one_tailed_text: true,
            one_tailed: false,
            tests: vec![
                TestType::T,
                TestType::F,
                TestType::R,
                TestType::Chi2,
                TestType::Z,
                TestType::Q,
            ],
        }
    }
}

/// A setting's boolean value.
pub fn parse_bool(v: &str) -> Result<bool, String> {
    match v.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" | "1" => Ok(true),
        "false" | "no" | "off" | "0" => Ok(false),
        _ => Err(format!("expected true or false, got \"{v}\"")),
    }
}

impl Settings {
    pub const KEYS: &'static [&'static str] = &[
        "alpha",
        "p-equal-alpha-sig",
        "p-zero-error",
        "one-tailed-text",
        "one-tailed",
        "tests",
    ];

    /// Sets `key` to `value`, or says what was expected.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        match key {
            "alpha" => {
                let a = Decimal::from_str(value.trim())
                    .ok()
                    .filter(|a| *a > Decimal::ZERO && *a < Decimal::ONE)
                    .ok_or_else(|| format!("expected a number between 0 and 1, got \"{value}\""))?;
                self.alpha = a;
            }
            "p-equal-alpha-sig" => self.p_equal_alpha_sig = parse_bool(value)?,
            "p-zero-error" => self.p_zero_error = parse_bool(value)?,
            "one-tailed-text" => self.one_tailed_text = parse_bool(value)?,
            "one-tailed" => self.one_tailed = parse_bool(value)?,
            "tests" => {
                let mut tests = Vec::new();
                for t in value.split(',').map(str::trim).filter(|t| !t.is_empty()) {
                    tests.push(match t.to_ascii_lowercase().as_str() {
                        "t" => TestType::T,
                        "f" => TestType::F,
                        "r" | "cor" => TestType::R,
                        "chi2" | "chisq" => TestType::Chi2,
                        "z" => TestType::Z,
                        "q" => TestType::Q,
                        _ => {
                            return Err(format!(
                                "unknown test \"{t}\" (expected t, F, r, chi2, Z, Q)"
                            ));
                        }
                    });
                }
                self.tests = tests;
            }
            _ => {
                return Err(format!(
                    "unknown setting \"{key}\" (expected one of {})",
                    Self::KEYS.join(", ")
                ));
            }
        }
        Ok(())
    }

    fn checks(&self, t: TestType) -> bool {
        let t = match t {
            TestType::Qw | TestType::Qb => TestType::Q,
            t => t,
        };
        self.tests.contains(&t)
    }

    fn rules(&self) -> PRules {
        PRules {
            alpha: self.alpha,
            p_equal_alpha_sig: self.p_equal_alpha_sig,
            p_zero_error: self.p_zero_error,
        }
    }
}

/// A result as the text writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub test: TestType,
    pub df1: Option<Decimal>,
    pub df2: Option<Decimal>,
    pub test_comp: Comp,
    pub test_value: Decimal,
    pub p_comp: Comp,
    /// The p-value in units of 10^`p_exp`; `None` for "ns".
    pub reported_p: Option<Decimal>,
    pub p_exp: i32,
    /// From the test label to the end of the p-value.
    pub span: Span,
    /// The statistic, from its label to the end of its value.
    pub stat_span: Span,
    /// The p-value ("p = .036", "ns").
    pub p_span: Span,
}

// ---------------------------------------------------------------------------------------------
// The parser. A cursor over the text: every step takes the text and a byte position and gives
// what it read with the position after it.

/// Whether `c` is white space here: spaces, line breaks, the control characters PDF
/// conversion leaves around symbols, and Markdown's emphasis marks in plain text (`*t*(28)`).
fn is_space(c: char) -> bool {
    c.is_whitespace() || (c.is_control() && c != '\u{7f}') || matches!(c, '*' | '_')
}

fn skip_ws(s: &str, mut i: usize) -> usize {
    while let Some(c) = s[i..].chars().next() {
        if !is_space(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

fn next_char(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

fn prev_char(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

fn eat(s: &str, i: usize, lit: &str) -> Option<usize> {
    s.get(i..)?.starts_with(lit).then(|| i + lit.len())
}

/// A plain number: digits with an optional fraction ("28", "188.83", ".25").
fn number(s: &str, i: usize) -> Option<(Decimal, usize)> {
    let b = s.as_bytes();
    let mut j = i;
    while j < b.len() && b[j].is_ascii_digit() {
        j += 1;
    }
    if j < b.len() && b[j] == b'.' && j + 1 < b.len() && b[j + 1].is_ascii_digit() {
        j += 1;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
    }
    if j == i {
        return None;
    }
    let text = &s[i..j];
    let v = if text.starts_with('.') {
        Decimal::from_str(&format!("0{text}")).ok()?
    } else {
        Decimal::from_str(text).ok()?
    };
    Some((v, j))
}

/// A number that may group thousands with commas ("1,224.08", "11,455").
fn grouped(s: &str, i: usize) -> Option<(Decimal, usize)> {
    let b = s.as_bytes();
    let mut digits = String::new();
    let mut j = i;
    while j < b.len() && b[j].is_ascii_digit() {
        digits.push(b[j] as char);
        j += 1;
    }
    if !digits.is_empty() {
        // ",ddd" groups: exactly three digits, not followed by another digit.
        while j + 3 < b.len() + 1
            && b.get(j) == Some(&b',')
            && b.get(j + 1..j + 4)
                .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
            && !b.get(j + 4).is_some_and(u8::is_ascii_digit)
        {
            digits.push_str(&s[j + 1..j + 4]);
            j += 4;
        }
    }
    let rest = number(s, j).filter(|_| b.get(j) == Some(&b'.'));
    let (frac, end) = match rest {
        Some((_, e)) => (&s[j..e], e),
        None => ("", j),
    };
    if digits.is_empty() && frac.is_empty() {
        return None;
    }
    let text = format!("{}{frac}", if digits.is_empty() { "0" } else { &digits });
    Some((Decimal::from_str(&text).ok()?, end))
}

/// The test label at `i`: "t", "F", "r", "z", "Q", "Qw", "Q-between", "χ2", "chi2", "X2", and
/// the forms PDF conversion leaves of χ2 ("?2", "B2").
fn label(s: &str, i: usize) -> Option<(TestType, usize)> {
    let c = next_char(s, i)?;
    let boundary = |at: usize| prev_char(s, at).is_none_or(|p| !p.is_alphanumeric());
    // A quotation mark converted to "B" may stand glued before a label ("BF(2, 56)").
    let ok_start = boundary(i)
        || (prev_char(s, i) == Some('B') && boundary(i - 1) && matches!(c, 't' | 'F' | 'r' | 'Q'));
    if !ok_start {
        return None;
    }
    let after = |j: usize| next_char(s, j);
    let two = |j: usize| -> Option<usize> {
        let j = eat(s, j, "^").unwrap_or(j);
        let j = if after(j) == Some(' ') && matches!(after(j + 1), Some('2' | '²')) {
            j + 1
        } else {
            j
        };
        eat(s, j, "2").or_else(|| eat(s, j, "²"))
    };
    let chi = |j: usize| -> Option<(TestType, usize)> {
        let e = two(j)?;
        (!after(e).is_some_and(|c| c.is_alphanumeric())).then_some((TestType::Chi2, e))
    };
    // "ts", "Fs": a result stated for several tests at once ("all Fs(1, 76) < 1.2, ps > .25").
    let plural = |t: TestType, j: usize| {
        let j = if after(j) == Some('s') && !after(j + 1).is_some_and(char::is_alphanumeric) {
            j + 1
        } else {
            j
        };
        Some((t, j))
    };
    match c {
        't' => plural(TestType::T, i + 1),
        'F' => plural(TestType::F, i + 1),
        'r' => plural(TestType::R, i + 1),
        'z' | 'Z' => plural(TestType::Z, i + 1),
        'Q' => {
            let mut j = i + 1;
            let k = skip_ws(s, j);
            let k = eat(s, k, "-").map_or(k, |k| skip_ws(s, k));
            let rest = &s[k..];
            for (w, t) in [
                ("total", TestType::Q),
                ("Total", TestType::Q),
                ("T", TestType::Q),
                ("t", TestType::Q),
                ("within", TestType::Qw),
                ("Within", TestType::Qw),
                ("between", TestType::Qb),
                ("Between", TestType::Qb),
                ("w", TestType::Qw),
                ("W", TestType::Qw),
                ("b", TestType::Qb),
                ("B", TestType::Qb),
            ] {
                if rest.starts_with(w) && !after(k + w.len()).is_some_and(char::is_alphanumeric) {
                    return Some((t, k + w.len()));
                }
            }
            if after(j).is_some_and(char::is_alphanumeric) {
                return None;
            }
            j = i + 1;
            Some((TestType::Q, j))
        }
        'χ' => chi(i + c.len_utf8()),
        'X' | 'x' => chi(i + 1),
        'c' | 'C' => {
            let lower = s.get(i..i + 3)?.to_ascii_lowercase();
            if lower != "chi" {
                return None;
            }
            let j = i + 3;
            for w in [
                "-squared", "-square", " squared", " square", "squared", "square",
            ] {
                if let Some(e) = eat(s, j, w)
                    && !after(e).is_some_and(char::is_alphanumeric)
                {
                    return Some((TestType::Chi2, e));
                }
            }
            chi(j)
        }
        // "?2(10)", "??2(10)", "B2(1, N = 226)": what a PDF made of χ2.
        '?' => {
            let j = eat(s, i + 1, "?").unwrap_or(i + 1);
            chi(j)
        }
        'B' => chi(i + 1).filter(|(_, e)| after(*e) == Some('(')),
        _ => None,
    }
}

/// Degrees of freedom: "(28)", "(2, 56)", "(1, N = 30)", with the damage "(l, 76)".
fn dfs(s: &str, i: usize, test: TestType) -> Option<(Option<Decimal>, Option<Decimal>, usize)> {
    let j = skip_ws(s, i);
    let j = eat(s, j, "(")?;
    let j = skip_ws(s, j);
    // df1 of an F may be typeset as the letter l or I.
    let (first, j) = match next_char(s, j) {
        Some('l' | 'I') if test == TestType::F => (Decimal::ONE, j + 1),
        _ => number(s, j)?,
    };
    let j = skip_ws(s, j);
    let (second, j) = if let Some(k) = eat(s, j, ",") {
        let k = skip_ws(s, k);
        match next_char(s, k) {
            Some('N' | 'n') if test == TestType::Chi2 => {
                let k = skip_ws(s, k + 1);
                let k = eat(s, k, "=").or_else(|| eat(s, k, "p"))?;
                let k = skip_ws(s, k);
                let (_, k) = grouped(s, k)?;
                (None, k)
            }
            _ => {
                let (v, k) = number(s, k)?;
                (Some(v), k)
            }
        }
    } else {
        (None, j)
    };
    let j = skip_ws(s, j);
    let j = eat(s, j, ")")?;
    match test {
        TestType::T | TestType::R if second.is_none() => Some((None, Some(first), j)),
        TestType::F => Some((Some(first), Some(second?), j)),
        TestType::Chi2 | TestType::Q | TestType::Qw | TestType::Qb if second.is_none() => {
            Some((Some(first), None, j))
        }
        _ => None,
    }
}

/// A comparison sign, with the stand-ins PDF conversion leaves: "<bc>" and "p" for "=", "!"
/// and a glued "b" for "<", a glued "N" for ">". ASCII "<=" and ">=" are not read.
fn comparison(s: &str, i: usize, damaged: bool) -> Option<(Comp, usize)> {
    let j = skip_ws(s, i);
    let c = next_char(s, j)?;
    let glued_number =
        |k: usize| next_char(s, k).is_some_and(|d| d.is_ascii_digit() || d == '.' || d == '-');
    let (comp, k) = match c {
        '=' => (Comp::Eq, j + 1),
        '<' if s[j..].starts_with("<bc>") => (Comp::Eq, j + 4),
        '<' if !s[j + 1..].starts_with('=') => (Comp::Lt, j + 1),
        '>' if !s[j + 1..].starts_with('=') => (Comp::Gt, j + 1),
        '≤' => (Comp::Le, j + c.len_utf8()),
        '≥' => (Comp::Ge, j + c.len_utf8()),
        '!' if damaged => (Comp::Lt, j + 1),
        'p' if damaged && next_char(s, j + 1).is_some_and(is_space) => (Comp::Eq, j + 1),
        'b' if damaged && glued_number(j + 1) => (Comp::Lt, j + 1),
        'N' if damaged && glued_number(j + 1) => (Comp::Gt, j + 1),
        _ => return None,
    };
    // "= =" or "<=" typeset apart: no single comparison.
    Some((comp, k))
}

/// Whether `c` is a minus sign, or a mark PDF conversion made of one.
fn minus_like(c: char) -> bool {
    matches!(c, '-' | '−' | '–' | '—' | '‒' | '?' | '\u{fffd}') || (c.is_control() && c != '\n')
}

/// The statistic after its comparison: a sign (or what a PDF left of one) glued to the number,
/// and the number, its decimals kept. Marks separated from the number by white space are
/// debris and are skipped.
fn statistic(s: &str, i: usize) -> Option<(Decimal, usize)> {
    let mut j = i;
    loop {
        // White space only: a control character glued to the number is a lost minus sign.
        let k = j + (s[j..].len() - s[j..].trim_start().len());
        // A run of sign marks.
        let mut e = k;
        while let Some(c) = next_char(s, e) {
            if !minus_like(c) {
                break;
            }
            e += c.len_utf8();
        }
        if e > k {
            if let Some((v, end)) = grouped(s, e) {
                return Some((-v, end));
            }
            // Debris followed by white space: skip it and look again.
            if next_char(s, e).is_some_and(is_space) && e > j {
                j = e;
                continue;
            }
            return None;
        }
        return grouped(s, k);
    }
}

/// A statistic reported between the result and its p: ", MSE = 6.61", ", d = 0.45".
fn interposed(s: &str, i: usize) -> Option<usize> {
    let j = skip_ws(s, i);
    let mut k = j;
    while let Some(c) = next_char(s, k) {
        if c.is_alphanumeric() || matches!(c, '²' | '_' | '^') {
            k += c.len_utf8();
        } else {
            break;
        }
    }
    let name = &s[j..k];
    if name.is_empty() || name.len() > 12 || name == "p" || name == "ps" || name == "ns" {
        return None;
    }
    let k = skip_ws(s, k);
    let k = eat(s, k, "=")?;
    let (_, k) = statistic(s, k)?;
    let k = skip_ws(s, k);
    eat(s, k, ",").or_else(|| eat(s, k, ";"))
}

/// Digits written as superscripts ("⁴⁸"), or plain.
fn exponent(s: &str, i: usize) -> Option<(i32, usize)> {
    let mut j = skip_ws(s, i);
    let mut neg = false;
    if let Some(c) = next_char(s, j)
        && matches!(c, '-' | '−' | '–' | '⁻' | '+' | '⁺')
    {
        neg = matches!(c, '-' | '−' | '–' | '⁻');
        j += c.len_utf8();
    }
    let mut v: i32 = 0;
    let start = j;
    while let Some(c) = next_char(s, j) {
        let d = match c {
            '0'..='9' => c as i32 - '0' as i32,
            '⁰' => 0,
            '¹' => 1,
            '²' => 2,
            '³' => 3,
            '⁴' => 4,
            '⁵' => 5,
            '⁶' => 6,
            '⁷' => 7,
            '⁸' => 8,
            '⁹' => 9,
            _ => break,
        };
        v = v.checked_mul(10)?.checked_add(d)?;
        j += c.len_utf8();
    }
    if j == start || v > 400 {
        return None;
    }
    Some((if neg { -v } else { v }, j))
}

/// The p-value after its comparison: ".036", "0.05", ". 001", "5.81 × 10−48", "1e-4",
/// "10^-4". Its mantissa and power of ten.
fn p_number(s: &str, i: usize) -> Option<(Decimal, i32, usize)> {
    let j = skip_ws(s, i);
    // ". 001": a space after the point.
    let (m, j) = if s[j..].starts_with(". ") {
        let k = skip_ws(s, j + 1);
        let (v, e) =
            number(s, k).filter(|_| next_char(s, k).is_some_and(|c| c.is_ascii_digit()))?;
        let digits = &s[k..e];
        (
            Decimal::from_str(&format!("0.{digits}"))
                .ok()
                .filter(|_| v >= Decimal::ZERO)?,
            e,
        )
    } else {
        number(s, j)?
    };
    // A power of ten: "× 10−48", "x 10^-4", "·10⁻⁴", "e-4".
    let k = skip_ws(s, j);
    let times = ["×", "x", "X", "*", "·", "⋅"]
        .iter()
        .find_map(|t| eat(s, k, t))
        .map(|k| skip_ws(s, k))
        .and_then(|k| eat(s, k, "10"))
        .map(|k| eat(s, k, "^").unwrap_or(k));
    if let Some(k) = times
        && let Some((e, end)) = exponent(s, k)
    {
        return Some((m, e, end));
    }
    if let Some(k) = eat(s, j, "e").or_else(|| eat(s, j, "E"))
        && let Some((e, end)) = exponent(s, k)
    {
        return Some((m, e, end));
    }
    // "10^-4", "10⁻⁴": a bare power of ten.
    if m == Decimal::TEN && s[j..].starts_with(['^', '⁻', '−', '-']) {
        let k = eat(s, j, "^").unwrap_or(j);
        if let Some((e, end)) = exponent(s, k)
            && e < 0
        {
            return Some((Decimal::ONE, e, end));
        }
    }
    Some((m, 0, j))
}

/// The p-value part: "p = .036", "ps < .001", "ns", "n.s.", with the damaged signs.
/// A p-value part: its comparison, its mantissa and power of ten ("ns" has none), its span.
type PPart = (Comp, Option<(Decimal, i32)>, Span);

fn p_part(s: &str, i: usize) -> Option<PPart> {
    let j = skip_ws(s, i);
    let word_end = |k: usize| !next_char(s, k).is_some_and(char::is_alphanumeric);
    for ns in ["n.s.", "N.S.", "n.s", "ns", "NS"] {
        if let Some(k) = eat(s, j, ns)
            && word_end(k)
        {
            return Some((Comp::Ns, None, Span::new(j, k)));
        }
    }
    let k = eat(s, j, "p")?;
    let k = eat(s, k, "s").unwrap_or(k);
    let damaged = true;
    let (comp, k) = comparison(s, k, damaged)?;
    let (m, e, end) = p_number(s, k)?;
    Some((comp, Some((m, e)), Span::new(j, end)))
}

/// The result starting at a label at `i`, if one does.
fn result_at(s: &str, i: usize) -> Option<Found> {
    let (test, j) = label(s, i)?;
    let (df1, df2, j) = if test == TestType::Z {
        // z has no degrees of freedom: "z(28)" is no z-test.
        if next_char(s, skip_ws(s, j)) == Some('(') {
            return None;
        }
        (None, None, j)
    } else {
        dfs(s, j, test)?
    };
    let (test_comp, j) = comparison(s, j, true)?;
    let (test_value, stat_end) = statistic(s, j)?;
    if test == TestType::R && test_value.abs() > Decimal::ONE {
        return None;
    }
    if matches!(
        test,
        TestType::F | TestType::Chi2 | TestType::Q | TestType::Qw | TestType::Qb
    ) && test_value < Decimal::ZERO
    {
        return None;
    }
    let mut k = skip_ws(s, stat_end);
    // ", p = .03", "; p = .03", " (p = .03)".
    k = eat(s, k, ",")
        .or_else(|| eat(s, k, ";"))
        .or_else(|| eat(s, k, "(").filter(|&k| next_char(s, skip_ws(s, k)) == Some('p')))?;
    let mut tries = 0;
    let (p_comp, p, p_span) = loop {
        if let Some(p) = p_part(s, k) {
            break p;
        }
        tries += 1;
        if tries > 2 {
            return None;
        }
        k = interposed(s, k)?;
    };
    let (reported_p, p_exp) = match p {
        Some((m, e)) => {
            // A p above 1 is a misreading.
            if e >= 0 && m > Decimal::ONE {
                return None;
            }
            (Some(m), e)
        }
        None => (None, 0),
    };
    Some(Found {
        test,
        df1,
        df2,
        test_comp,
        test_value,
        p_comp,
        reported_p,
        p_exp,
        span: Span::new(i, p_span.end),
        stat_span: Span::new(i, stat_end),
        p_span,
    })
}

/// Bytes a label can start with.
fn may_start(b: u8) -> bool {
    matches!(
        b,
        b't' | b'F' | b'r' | b'z' | b'Z' | b'Q' | b'X' | b'x' | b'c' | b'C' | b'?' | b'B' | 0xCF
    )
}

/// The most bytes between the start of a result's label and the first digit after it (its
/// degrees of freedom or its statistic): "chi-square(2, N = 120)" and PDF debris fit in it.
const LABEL_TO_DIGIT: usize = 48;

/// The index of the first ASCII digit in `b` from `from` on, or `b.len()`: 16 bytes at a
/// time where none is a digit, a test the compiler makes one vector compare.
fn next_digit(b: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(chunk) = b.get(i..i + 16) {
        if chunk.iter().fold(false, |any, c| any | c.is_ascii_digit()) {
            break;
        }
        i += 16;
    }
    b[i..]
        .iter()
        .position(u8::is_ascii_digit)
        .map_or(b.len(), |k| i + k)
}

/// Every APA-style result in `text`, in order.
pub fn scan(text: &str) -> Vec<Found> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    // Where the next digit is: a result's statistic follows its label within
    // [`LABEL_TO_DIGIT`] bytes, so prose far from any digit is skipped.
    let mut digit = 0;
    while i < b.len() {
        // Only a byte that may start a label is tried: go to the next one.
        match b[i..].iter().position(|&c| may_start(c)) {
            Some(k) => i += k,
            None => break,
        }
        if digit <= i {
            digit = next_digit(b, i);
        }
        if digit - i > LABEL_TO_DIGIT {
            i = digit - LABEL_TO_DIGIT;
            while !text.is_char_boundary(i) {
                i += 1;
            }
            continue;
        }
        // A label starts a word (or follows a "B" that a quotation mark became).
        let glued = i > 0 && b[i - 1].is_ascii_alphanumeric() && b[i - 1] != b'B';
        if !glued
            && text.is_char_boundary(i)
            && let Some(f) = result_at(text, i)
        {
            i = f.span.end;
            out.push(f);
            continue;
        }
        i += 1;
    }
    out
}

/// Every p-value in `text` ("p = .035", "ns"), whether or not a statistic goes with it: the
/// comparison and the value (statcheck's `AllPValues`).
pub fn p_values(text: &str) -> Vec<(Comp, Option<Decimal>)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let boundary = prev_char(text, i).is_none_or(|c| !c.is_alphanumeric());
        if boundary
            && matches!(b[i], b'p' | b'n' | b'N')
            && let Some((comp, p, span)) = p_part(text, i)
        {
            out.push((comp, p.map(|(m, _)| m)));
            i = span.end.max(i + 1);
            continue;
        }
        i += 1;
    }
    out
}

/// Whether the text says its tests are one-tailed: "one-tailed", "one sided", "directional".
///
/// The words are ASCII, so they are looked for in any case of the ASCII letters without
/// lower-casing the text (no other character lower-cases into them).
pub fn says_one_tailed(text: &str) -> bool {
    let b = text.as_bytes();
    let at = |k: usize, word: &str| {
        b.get(k..k + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word.as_bytes()))
    };
    if memchr::memchr2_iter(b'd', b'D', b).any(|k| at(k, "directional")) {
        return true;
    }
    memchr::memchr2_iter(b'o', b'O', b).any(|k| {
        if !at(k, "one") {
            return false;
        }
        let rest = &text[k + 3..];
        let rest = rest
            .strip_prefix(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest);
        at(text.len() - rest.len(), "tailed") || at(text.len() - rest.len(), "sided")
    })
}

/// The p-value test of a found result under `settings` (one-tailed only when `one_tailed`).
pub fn test_of(f: &Found, settings: &Settings, one_tailed: bool) -> PTest {
    PTest {
        test: f.test,
        df1: f.df1,
        df2: f.df2,
        test_comp: f.test_comp,
        test_value: f.test_value,
        p_comp: f.p_comp,
        reported_p: f.reported_p,
        p_exp: f.p_exp,
        one_tailed,
        rules: settings.rules(),
    }
}

/// The test to check for `f`: two-tailed unless the settings make every test one-tailed, or
/// the text says its tests are one-tailed and only the one-tailed p is consistent
/// (statcheck's OneTailedTxt).
pub fn choose_test(f: &Found, settings: &Settings, text_one_tailed: bool) -> PTest {
    let two = test_of(f, settings, settings.one_tailed);
    if settings.one_tailed || !settings.one_tailed_text || !text_one_tailed || !f.test.has_tails() {
        return two;
    }
    let Some(r2) = two.evaluate() else {
        return two;
    };
    if !r2.error {
        return two;
    }
    let one = test_of(f, settings, true);
    match one.evaluate() {
        Some(r1) if !r1.error => one,
        _ => two,
    }
}

/// The claim a found result makes: its p follows from its statistic.
pub fn claim_of(text: &str, f: &Found, test: PTest) -> Claim {
    let stat_text = text[f.stat_span.start..f.stat_span.end].to_string();
    let stat_text = squeeze(&stat_text);
    // "t (28)", as Markdown's blanked emphasis leaves "*t*(28)", is shown "t(28)".
    let stat_text = match stat_text.split_once(" (") {
        Some((label, rest)) if !label.contains(' ') => format!("{label}({rest}"),
        _ => stat_text,
    };
    let half = Decimal::new(5, f.test_value.scale() + 1);
    let input = Operand {
        text: stat_text,
        value: f.test_value,
        range: Range {
            lo: f.test_value - half,
            hi: f.test_value + half,
        },
        span: Some(f.stat_span),
        fact: None,
    };
    let p_text = squeeze(&text[f.p_span.start..f.p_span.end]);
    let value = f.reported_p.unwrap_or(Decimal::ZERO);
    let stated = Stated {
        text: p_text,
        span: f.p_span,
        value,
        percent: false,
        unit: None,
        target: Target::closed(Range::point(value)),
        places: value.scale(),
    };
    Claim::new(
        RULE.id,
        stated,
        Expr::Stat(Box::new(Stat::P(test))),
        vec![input],
    )
}

/// `s` with runs of white space and control characters made one space.
fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if is_space(c) {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

fn find(doc: &Doc<'_>) -> Vec<Claim> {
    let settings = &doc.settings.p_value;
    let found = scan(doc.text);
    if found.is_empty() {
        return Vec::new();
    }
    let one_tailed = settings.one_tailed_text && says_one_tailed(doc.text);
    found
        .iter()
        .filter(|f| settings.checks(f.test))
        .map(|f| claim_of(doc.text, f, choose_test(f, settings, one_tailed)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_tailed_wording_in_any_case() {
        // What lower-casing the whole text and searching it finds.
        let by_lowercase = |text: &str| {
            let lower = text.to_lowercase();
            lower.contains("directional")
                || lower.match_indices("one").any(|(k, _)| {
                    let rest = &lower[k + 3..];
                    let rest = rest
                        .strip_prefix(|c: char| !c.is_alphanumeric())
                        .unwrap_or(rest);
                    rest.starts_with("tailed") || rest.starts_with("sided")
                })
        };
        for (text, says) in [
            ("a One-Tailed test", true),
            ("ONE SIDED", true),
            ("one–tailed, with a dash", true),
            ("onesided", true),
            ("Directional hypotheses", true),
            ("a phone-tailed bird", true),
            ("one  tailed (two spaces)", false),
            ("one-taİled", false),
            ("two-tailed tests", false),
            ("DIRECTIONA", false),
            ("Straße, one", false),
            ("", false),
            ("one", false),
            ("Ω one-Sided", true),
        ] {
            assert_eq!(says_one_tailed(text), says, "{text}");
            assert_eq!(by_lowercase(text), says, "{text}");
        }
    }
    use crate::check::Verdict;
    use crate::claims::rules::tests::run;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn one(text: &str) -> Found {
        let f = scan(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        f.into_iter().next().unwrap()
    }

    #[test]
    fn reads_every_kind_of_result() {
        let f = one("The groups differed, t(28) = 2.20, p = .036.");
        assert_eq!(
            (f.test, f.df2, f.test_value, f.p_comp, f.reported_p),
            (
                TestType::T,
                Some(d("28")),
                d("2.20"),
                Comp::Eq,
                Some(d("0.036"))
            )
        );
        let f = one("F(2, 56) = 1.23, p < .05");
        assert_eq!(
            (f.test, f.df1, f.df2),
            (TestType::F, Some(d("2")), Some(d("56")))
        );
        let f = one("χ2(1, N = 11,455) = 16.78, p <.001");
        assert_eq!((f.test, f.df1, f.df2), (TestType::Chi2, Some(d("1")), None));
        for chi in [
            "X2(1) = 3.84, p = .05",
            "chi2(1) = 3.84, p = .05",
            "χ²(1) = 3.84, p = .05",
        ] {
            assert_eq!(one(chi).test, TestType::Chi2, "{chi}");
        }
        assert_eq!(one("r(48) = .25, p = .08").test_value, d("0.25"));
        assert_eq!(one("z = 1.96, p = .05").test, TestType::Z);
        assert_eq!(one("Q-between(2) = 2.20, p = .03").test, TestType::Qb);
        assert_eq!(one("QWithin(12) = 9.20,\np = .69").test, TestType::Qw);
        assert_eq!(one("t(68) = 1.69, ns").p_comp, Comp::Ns);
        let f = one("F(2, 70) = 4.48, MSE = 6.61, p < .02");
        assert_eq!(f.reported_p, Some(d("0.02")));
    }

    #[test]
    fn goes_beyond_statcheck() {
        assert_eq!(one("t(28) = 2.20; p = .036").reported_p, Some(d("0.036")));
        assert_eq!(one("t(28) = −2.20, p ≤ .05").test_value, d("-2.20"));
        assert_eq!(one("t(28) = 2.20, p ≤ .05").p_comp, Comp::Le);
        let f = one("F(1, 500) = 400.1, p = 5.81 × 10−48");
        assert_eq!((f.reported_p, f.p_exp), (Some(d("5.81")), -48));
        let f = one("t(300) = 9.1, p < 1e-4");
        assert_eq!((f.reported_p, f.p_exp), (Some(d("1")), -4));
        let f = one("t(300) = 9.1, p < 10⁻⁴");
        assert_eq!((f.reported_p, f.p_exp), (Some(d("1")), -4));
    }

    #[test]
    fn repairs_pdf_damage() {
        assert_eq!(one("F(l, 76) = 23.95, p <.001").df1, Some(d("1")));
        assert_eq!(one("?2 (1, N= 510)= .20, p= .65").test, TestType::Chi2);
        let f = one("F(1, 86) p 8.90, p ! .01");
        assert_eq!((f.test_comp, f.p_comp), (Comp::Eq, Comp::Lt));
        assert_eq!(one("F(1, 93)= 27.60, pb.001").p_comp, Comp::Lt);
        assert_eq!(one("t(68) = ?2.15, p < .05").test_value, d("-2.15"));
        assert_eq!(one("t(67) p \u{1}3.03, p ! .01").test_value, d("-3.03"));
        assert_eq!(
            one("t(188.83) =\u{1} 2.90, p \u{1}= .004").test_value,
            d("2.90")
        );
    }

    #[test]
    fn leaves_what_is_no_result() {
        for text in [
            "T(28) = 2.20, p = .03",
            "t[28] = 2.20, p = .03",
            "t(2,28) = 2.20, p = .03",
            " z(28) = 2.20, p = .03",
            "t(28) = 2.20, p = 1.03",
            "t(38) = 2.25, p >= .03",
            "t(38) >= 2.25, p = .03",
            "r(28) = −59, p = .0008",
            "Qs(2) = 2.2, p = .03",
            "F = 10.98, p = .002",
            "This text has 0% of its stats in APA style: p < .05.",
            "The format(28) = 2.20, p = .03 call",
        ] {
            assert!(scan(text).is_empty(), "{text}: {:?}", scan(text));
        }
    }

    #[test]
    fn verdicts_and_messages() {
        assert_eq!(
            run("p-value", "The groups differed, t(28) = 2.20, p = .03."),
            [(
                Verdict::Mismatch,
                "t(28) = 2.20 gives p = 0.0362, the text says p = .03 (p = 0.0358–0.0366 within the statistic's rounding)"
                    .to_string()
            )]
        );
        assert_eq!(run("p-value", "t(28) = 2.20, p = .036")[0].0, Verdict::Ok);
        let r = run("p-value", "t(28) = 2.20, p = .037");
        assert_eq!(r[0].0, Verdict::Imprecise, "{r:?}");
        let r = run("p-value", "t(28) = 1.20, p = .03");
        assert!(
            r[0].1
                .starts_with("decision error: t(28) = 1.20 gives p = 0.240, not significant"),
            "{r:?}"
        );
        // One-tailed, as the text says.
        let r = run(
            "p-value",
            "All tests were one-tailed. t(28) = 2.20, p = .018",
        );
        assert_eq!(r[0].0, Verdict::Ok, "{r:?}");
        assert!(r[0].1.contains("one-tailed"), "{r:?}");
    }

    #[test]
    fn settings_are_typed() {
        let mut s = Settings::default();
        s.set("alpha", "0.1").unwrap();
        assert_eq!(s.alpha, d("0.1"));
        assert!(s.set("alpha", "2").is_err());
        assert!(s.set("one-tailed", "maybe").is_err());
        assert!(
            s.set("colour", "red")
                .unwrap_err()
                .contains("expected one of")
        );
        s.set("tests", "t, chi2").unwrap();
        assert_eq!(s.tests, [TestType::T, TestType::Chi2]);
    }
}
