//! `weekday`: a weekday written next to a date must be the date's weekday.

use crate::check::interval::{Range, Target};
use crate::check::{Claim, Expr, Operand, Stated};
use crate::claims::{Doc, Rule};
use crate::quantity::{Kind, Span};
use jiff::civil::{Date, Weekday};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

macro_rules! doc {
    () => {
        "## What it checks
A weekday next to a date: \"Friday, January 23rd\", \"Friday (January 23rd)\", \"last week Friday
(January 23rd)\", \"on Monday, February 2, 2026\", \"Mi 04.02.2026\", \"Mittwoch, den 4. Februar\",
\"January 23 (Friday)\". The weekday must be the date's. English and German names and their
abbreviations (Mon, Tue, … and Mo, Di, Mi, Do, Fr, Sa, So).

## Why it matters
A wrong weekday means the weekday or the date is wrong, and readers plan by both: it is one of
the commonest slips in event notices and reports.

## Example
\"on Thursday, January 23, 2026\" → January 23, 2026 is a Friday: `mismatch`, \"either the
weekday is wrong, or the date (the nearest Thursday is January 22)\". Which half holds the typo
the rule does not guess.

## Verdicts
`ok` when the weekday matches, `mismatch` when it does not, `unverifiable` when the date has
no year and the text no dateline to take one from. Two weekdays with dates without a year
within two months of each other are checked against each other (\"Monday, May 11, through
Friday, May 15\": four days apart either way): `ok` when they agree, and `mismatch` on the
second when they do not.

## Tolerance
None: a weekday is right or wrong. A date without a year takes the year of the document's
dateline (its first full date, if it stands near the top) that puts it within eight months of
the dateline; if two years do (a date about half a year away), either weekday is accepted.

## When it does not fire
When the weekday belongs to a span or a list (\"Friday and Saturday, January 23 and 24\", \"from
Friday to Sunday, January 25\"), after \"the\" (\"The Sun, 23 January\", a newspaper), for a
German two-letter abbreviation before a date not written the German way (\"So, January 23
was …\"), and for a date without a year when another year is named nearby (\"In 2020, on
Friday, January 24 …\")."
    };
}

#[doc = doc!()]
pub const RULE: Rule = Rule {
    id: "weekday",
    summary: "a weekday next to a date must be the date's weekday",
    doc: doc!(),
    find: crate::claims::Finder::Claims(find),
};

/// Full weekday names, English and German, with their weekday.
const NAMES: &[(&str, Weekday)] = &[
    ("Monday", Weekday::Monday),
    ("Tuesday", Weekday::Tuesday),
    ("Wednesday", Weekday::Wednesday),
    ("Thursday", Weekday::Thursday),
    ("Friday", Weekday::Friday),
    ("Saturday", Weekday::Saturday),
    ("Sunday", Weekday::Sunday),
    ("Montag", Weekday::Monday),
    ("Dienstag", Weekday::Tuesday),
    ("Mittwoch", Weekday::Wednesday),
    ("Donnerstag", Weekday::Thursday),
    ("Freitag", Weekday::Friday),
    ("Samstag", Weekday::Saturday),
    ("Sonnabend", Weekday::Saturday),
    ("Sonntag", Weekday::Sunday),
];

/// The name of weekday `right` written as `written` is: in its language, full or abbreviated
/// alike ("Wednesday" → "Tuesday", "Fri" → "Sat", "Mittwoch" → "Dienstag", "Mi" → "Di").
pub fn name_like(written: &str, right: Weekday) -> Option<&'static str> {
    let groups: [&[(&str, Weekday)]; 4] = [&NAMES[..7], &NAMES[7..], ABBREVIATIONS, GERMAN_SHORT];
    let group = groups
        .into_iter()
        .find(|g| g.iter().any(|(w, _)| *w == written))?;
    group.iter().find(|(_, d)| *d == right).map(|(w, _)| *w)
}

/// English abbreviations, written capitalised, with or without a period.
const ABBREVIATIONS: &[(&str, Weekday)] = &[
    ("Mon", Weekday::Monday),
    ("Tue", Weekday::Tuesday),
    ("Tues", Weekday::Tuesday),
    ("Wed", Weekday::Wednesday),
    ("Thu", Weekday::Thursday),
    ("Thur", Weekday::Thursday),
    ("Thurs", Weekday::Thursday),
    ("Fri", Weekday::Friday),
    ("Sat", Weekday::Saturday),
    ("Sun", Weekday::Sunday),
];

/// German two-letter abbreviations: only before a date written the German way.
const GERMAN_SHORT: &[(&str, Weekday)] = &[
    ("Mo", Weekday::Monday),
    ("Di", Weekday::Tuesday),
    ("Mi", Weekday::Wednesday),
    ("Do", Weekday::Thursday),
    ("Fr", Weekday::Friday),
    ("Sa", Weekday::Saturday),
    ("So", Weekday::Sunday),
];

/// Words before a weekday that make it one end of a span or one item of a list.
const SPAN_WORDS: &[&str] = &[
    "and", "or", "to", "through", "thru", "until", "till", "till", "und", "oder", "bis", "the",
    "every", "each", "jeden", "sowie",
];

/// How far a dateline may stand from the start of the text.
const DATELINE_WITHIN: usize = 300;

/// Days within which a date without a year may lie from the dateline: eight months, so that
/// a date half a year away has two candidate years, and either weekday passes.
const NEAR_DATELINE: i64 = 240;

/// How far apart, in days, two weekdays with dates without a year may be for one to vouch for
/// the other.
const RELATIVE_WITHIN: i64 = 62;

/// How many weekdays with dates on each side of one are looked at for [`relative`].
const NEIGHBOURS: usize = 8;

fn find(doc: &Doc<'_>) -> Vec<Claim> {
    let dateline = dateline(doc);
    let mut found = Vec::new();
    for (i, q) in doc.quantities.iter().enumerate() {
        if q.kind != Kind::Date {
            continue;
        }
        let Some(iso) = q.date.as_deref() else {
            continue;
        };
        if let Some((wd, span, written)) = weekday_before(doc, i).or_else(|| weekday_after(doc, i))
        {
            found.push((i, iso, wd, span, written));
        }
    }
    let mut out = Vec::new();
    for (k, (i, iso, wd, span, written)) in found.iter().enumerate() {
        let Some(c) = claim(doc, *i, iso, *wd, *span, written.clone(), dateline) else {
            continue;
        };
        // Without a year, another weekday with a date nearby still tells whether the two agree:
        // "Monday, May 11, through Friday, May 15".
        let c = match c.missing {
            Some(_) => relative(doc, &found, k).unwrap_or(c),
            None => c,
        };
        out.push(c);
    }
    out
}

/// The claim that weekday `found[k]` fits the nearest other weekday with a date without a year:
/// the days between the dates and between the weekdays must agree. The first of two dates
/// that disagree stays unverifiable; the second is the mismatch.
fn relative(
    doc: &Doc<'_>,
    found: &[(usize, &str, Weekday, Span, String)],
    k: usize,
) -> Option<Claim> {
    let (_, iso, wd, span, written) = &found[k];
    let md = |iso: &str| -> Option<(i8, i8)> {
        let md = iso.strip_prefix("--").or_else(|| iso.get(5..))?;
        let (m, d) = md.split_once('-')?;
        Some((m.parse().ok()?, d.parse().ok()?))
    };
    let (m, d) = md(iso)?;
    let leap = |m: i8, d: i8| m == 2 && d == 29;
    // Only another date without a year of the same line: one with a year would have given
    // this one its year. The dates are in text order, so the search stops at the first date
    // on another line or after [`NEIGHBOURS`] dates, and the whole pass stays linear.
    let same_line = |j: usize| {
        let (a, b) = (
            doc.quantities[found[j].0].span,
            doc.quantities[found[k].0].span,
        );
        let (lo, hi) = if a.start < b.start {
            (a.end, b.start)
        } else {
            (b.end, a.start)
        };
        lo >= hi || !doc.text[lo..hi].contains('\n')
    };
    let near = |j: usize| -> Option<(usize, i64)> {
        if !found[j].1.starts_with("--") {
            return None;
        }
        let (om, od) = md(found[j].1)?;
        let year = if leap(m, d) || leap(om, od) {
            2004
        } else {
            2001
        };
        let days = days_between(Date::new(year, om, od).ok()?, Date::new(year, m, d).ok()?);
        (days.abs() <= RELATIVE_WITHIN).then_some((j, days))
    };
    let earlier = (0..k)
        .rev()
        .take(NEIGHBOURS)
        .take_while(|&j| same_line(j))
        .find_map(&near);
    let (j, days) = earlier.or_else(|| {
        (k + 1..found.len())
            .take(NEIGHBOURS)
            .take_while(|&j| same_line(j))
            .find_map(&near)
    })?;
    let (_, _, owd, _, owritten) = &found[j];
    let expected = owd.wrapping_add(days);
    if expected != *wd && j > k {
        return None;
    }
    let n = i64::from(wd.to_monday_one_offset());
    let word = written_weekday(written);
    let after = if days >= 0 { "after" } else { "before" };
    let mut c = Claim::new(
        RULE.id,
        Stated {
            text: format!("{word} ({n})"),
            span: *span,
            value: Decimal::from(n),
            percent: false,
            unit: None,
            target: Target::closed(Range::point(Decimal::from(n))),
            places: 0,
        },
        Expr::Input(0),
        vec![Operand::constant(
            Decimal::from(expected.to_monday_one_offset()),
            &format!(
                "the weekday {} days {after} {}",
                days.abs(),
                written_weekday(owritten)
            ),
        )],
    );
    c.note = Some(if expected == *wd {
        "the text gives no year; the weekdays of its dates agree with each other".to_string()
    } else {
        format!(
            "the text gives no year, but its dates disagree: {} days {after} a {} is a {}, not a {}",
            days.abs(),
            english(*owd),
            english(expected),
            english(*wd)
        )
    });
    Some(c)
}

/// The document's dateline, if its first full date reads as one: near the top, at the start
/// of its line or after a few capitalised words ("Mi 04.02.2026", "*Harbor City, Friday, March
/// 13, 2026.*", "WASHINGTON, March 2 -"), not inside a sentence ("a bond due May 14, 1997").
fn dateline(doc: &Doc<'_>) -> Option<Date> {
    let q = doc.quantities.iter().find(|q| {
        q.kind == Kind::Date && q.date.as_deref().is_some_and(|d| d.parse::<Date>().is_ok())
    })?;
    if q.span.start > DATELINE_WITHIN {
        return None;
    }
    let line_start = doc.text[..q.span.start].rfind('\n').map_or(0, |k| k + 1);
    let prefix = &doc.text[line_start..q.span.start];
    let capitalised = prefix
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .filter(|w| !w.is_empty())
        .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    (prefix.len() <= 40 && capitalised)
        .then_some(doc.dateline)
        .flatten()
}

/// The weekday written right before date `i`: "Friday, January 23", "Friday (January 23)",
/// "Freitag, den 23. Januar", "Mi 04.02.2026". Its weekday, span and text.
fn weekday_before(doc: &Doc<'_>, i: usize) -> Option<(Weekday, Span, String)> {
    let q = &doc.quantities[i];
    let text = doc.text;
    let mut head = text[..q.span.start].trim_end();
    let bracket = head.ends_with('(');
    if bracket {
        if !text[q.span.end..].starts_with(')') {
            return None;
        }
        head = head[..head.len() - 1].trim_end();
    }
    let end = q.span.end + usize::from(bracket);
    for article in ["den", "dem", "the"] {
        if let Some(h) = head.strip_suffix(article)
            && h.ends_with([' ', ','])
        {
            head = h.trim_end();
            break;
        }
    }
    if !bracket {
        head = head.strip_suffix(',').unwrap_or(head).trim_end();
    }
    // Nothing but the connectors may stand between: at most a few bytes.
    if q.span.start - head.len() > 8 {
        return None;
    }
    let (start, word) = crate::lex::word_before(text, head.len())?;
    let wd = if let Some((_, w)) = NAMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(word)) {
        // Full names: capitalised or all lower case.
        if !(word.starts_with(|c: char| c.is_uppercase()) || word == word.to_lowercase()) {
            return None;
        }
        *w
    } else if let Some((_, w)) = ABBREVIATIONS.iter().find(|(n, _)| *n == word) {
        *w
    } else if let Some((_, w)) = GERMAN_SHORT.iter().find(|(n, _)| *n == word) {
        // "Mi 04.02.2026", "Fr., 23. Januar": only before a date written the German way.
        if !german_day_first(doc.text_of(i)) {
            return None;
        }
        *w
    } else {
        return None;
    };
    if in_a_span(text, start) {
        return None;
    }
    Some((wd, Span::new(start, end), text[start..end].to_string()))
}

/// The weekday written right after date `i`: "January 23 (Friday)", "January 23, a Friday".
fn weekday_after(doc: &Doc<'_>, i: usize) -> Option<(Weekday, Span, String)> {
    let q = &doc.quantities[i];
    let rest = &doc.text[q.span.end..];
    let (inner, close) = if let Some(r) = rest.strip_prefix(" (") {
        (r, ")")
    } else if let Some(r) = rest.strip_prefix(", a ") {
        (r, "")
    } else {
        return None;
    };
    let word: &str = inner
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let (_, wd) = NAMES.iter().find(|(n, _)| *n == word)?;
    let after = &inner[word.len()..];
    if !close.is_empty() && !after.starts_with(close) {
        return None;
    }
    if after.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let end = q.span.end + (rest.len() - inner.len()) + word.len() + close.len();
    Some((
        *wd,
        Span::new(q.span.start, end),
        doc.text[q.span.start..end].to_string(),
    ))
}

/// Whether a date is written the German way, its day first and followed by a period:
/// "04.02.2026", "4. Februar", "23. September" (but not "23 September": "So 23 September" may be
/// an English "So").
fn german_day_first(s: &str) -> bool {
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (1..=2).contains(&digits) && s[digits..].starts_with('.')
}

/// Whether the weekday starting at `start` is one end of a span or one item of a list:
/// "Friday and Saturday", "from Friday to Sunday", "Friday–Sunday".
fn in_a_span(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    if before.ends_with(['-', '–', '—', '/', '&']) {
        return true;
    }
    let Some((_, w)) = crate::lex::word_before(text, before.len()) else {
        return false;
    };
    let lower = w.to_lowercase();
    // "Monday, May 11, through Friday, May 15": each end has its own date.
    let dated_ends = matches!(
        lower.as_str(),
        "to" | "through" | "thru" | "until" | "till" | "bis"
    ) && text[..before.len() - w.len()]
        .trim_end()
        .trim_end_matches(',')
        .ends_with(|c: char| c.is_ascii_digit());
    (SPAN_WORDS.contains(&lower.as_str()) && !dated_ends)
        || NAMES.iter().any(|(n, _)| n.eq_ignore_ascii_case(w))
        || ABBREVIATIONS.iter().any(|(n, _)| *n == w)
}

/// The claim that date `i` (ISO `iso`) falls on weekday `wd`.
fn claim(
    doc: &Doc<'_>,
    i: usize,
    iso: &str,
    wd: Weekday,
    span: Span,
    written: String,
    dateline: Option<Date>,
) -> Option<Claim> {
    let word = written_weekday(&written);
    let n = i64::from(wd.to_monday_one_offset());
    let stated = |text: String| Stated {
        text,
        span,
        value: Decimal::from(n),
        percent: false,
        unit: None,
        target: Target::closed(Range::point(Decimal::from(n))),
        places: 0,
    };
    let md = iso.strip_prefix("--");
    let (date, from_dateline) = if let Ok(d) = iso.parse::<Date>() {
        (d, None)
    } else if let Some(d) = md.and_then(|md| year_after(doc, i, md)) {
        (d, None)
    } else {
        let (m, d) = md?.split_once('-')?;
        let (m, d): (i8, i8) = (m.parse().ok()?, d.parse().ok()?);
        let Some(line) = dateline.filter(|_| !other_year_nearby(doc, i, dateline)) else {
            let shown = month_day(m, d);
            let why = if dateline.is_some() {
                "and another year than the dateline's is named near it"
            } else {
                "and no dateline near its top to take one from"
            };
            return Some(Claim {
                rule: RULE.id,
                stated: stated(written.clone()),
                expr: Expr::Input(0),
                inputs: vec![Operand::constant(Decimal::from(n), &written)],
                missing: Some(format!("the text gives no year for {shown}, {why}")),
                note: None,
                id: None,
            });
        };
        // The years that put the date near the dateline; one whose weekday matches wins.
        let candidates: Vec<Date> = [-1i16, 0, 1]
            .iter()
            .filter_map(|k| Date::new(line.year() + k, m, d).ok())
            .filter(|c| days_between(line, *c).abs() <= NEAR_DATELINE)
            .collect();
        let best = candidates.iter().find(|c| c.weekday() == wd).or_else(|| {
            candidates
                .iter()
                .min_by_key(|c| days_between(line, **c).abs())
        })?;
        (*best, Some(line))
    };
    let actual = date.weekday();
    let shown = full_date(date);
    let mut notes = Vec::new();
    if actual != wd {
        let after = date.nth_weekday(1, wd).ok()?;
        let before = date.nth_weekday(-1, wd).ok()?;
        let nearest = if days_between(date, after) <= days_between(before, date) {
            after
        } else {
            before
        };
        notes.push(format!(
            "{shown} is a {}, not a {}: either the weekday is wrong, or the date (the nearest {} is {})",
            english(actual),
            english(wd),
            english(wd),
            month_day(nearest.month(), nearest.day())
        ));
    }
    if let Some(line) = from_dateline {
        notes.push(format!(
            "the year {} is taken from the dateline ({})",
            date.year(),
            full_date(line)
        ));
    }
    Some(Claim {
        rule: RULE.id,
        stated: stated(format!("{word} ({n})")),
        expr: Expr::Input(0),
        inputs: vec![Operand::constant(
            Decimal::from(actual.to_monday_one_offset()),
            &format!("weekday of {shown}"),
        )],
        missing: None,
        note: (!notes.is_empty()).then(|| notes.join("; ")),
        id: None,
    })
}

/// Words after a four-digit number that make it a time of day.
const CLOCK_WORDS: &[&str] = &[
    "GMT", "BST", "UTC", "CET", "CEST", "ET", "EST", "EDT", "Uhr", "hours", "hrs",
];

/// Date `i` ("--09-29") completed by a year right after it ("29. September\u{a0}2018", which
/// the recognizer reads as a date and a year).
fn year_after(doc: &Doc<'_>, i: usize, md: &str) -> Option<Date> {
    let y = doc.quantities.get(i + 1)?;
    let gap = doc.between(i, i + 1);
    let gap_ok = gap.chars().all(|c| matches!(c, ' ' | '\u{a0}' | ',')) && gap.len() <= 4;
    // "1 March\n2000 GMT" is a date and a time.
    let clock = doc.text[y.span.end..]
        .split_whitespace()
        .next()
        .is_some_and(|w| CLOCK_WORDS.contains(&w));
    if y.kind != Kind::Year || !gap_ok || clock {
        return None;
    }
    let year = y.value?.to_i16()?;
    let (m, d) = md.split_once('-')?;
    Date::new(year, m.parse().ok()?, d.parse().ok()?).ok()
}

/// Whether a year other than the dateline's is named in the sentence of date `i` or the two
/// before it: the date may then be of that year.
fn other_year_nearby(doc: &Doc<'_>, i: usize, dateline: Option<Date>) -> bool {
    let Some(line) = dateline else {
        return false;
    };
    let at = doc.quantities[i].span.start;
    let si = doc
        .sentences
        .iter()
        .position(|s| s.start <= at && at < s.end)
        .unwrap_or(0);
    let lo = doc.sentences[si.saturating_sub(2)].start;
    let first = doc.quantities.partition_point(|q| q.span.start < lo).min(i);
    doc.quantities[first..i].iter().any(|q| {
        let year = match q.kind {
            Kind::Year => q.value.and_then(|v| v.to_i16()),
            Kind::Date => q
                .date
                .as_deref()
                .and_then(|d| d.parse::<Date>().ok())
                .map(|d| d.year()),
            _ => None,
        };
        year.is_some_and(|y| y != line.year())
    })
}

/// The weekday word of the written phrase.
fn written_weekday(written: &str) -> String {
    let words: Vec<&str> = written
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let is_day = |w: &str| {
        NAMES.iter().any(|(n, _)| n.eq_ignore_ascii_case(w))
            || ABBREVIATIONS.iter().any(|(n, _)| *n == w)
            || GERMAN_SHORT.iter().any(|(n, _)| *n == w)
    };
    words
        .iter()
        .find(|w| is_day(w))
        .map_or_else(String::new, |w| (*w).to_string())
}

fn days_between(a: Date, b: Date) -> i64 {
    a.duration_until(b).as_secs() / 86_400
}

fn english(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_day(m: i8, d: i8) -> String {
    let name = usize::try_from(m - 1)
        .ok()
        .and_then(|k| MONTHS.get(k))
        .copied()
        .unwrap_or("?");
    format!("{name} {d}")
}

fn full_date(d: Date) -> String {
    format!("{}, {}", month_day(d.month(), d.day()), d.year())
}

#[cfg(test)]
mod tests {
    use crate::check::Verdict;
    use crate::claims::rules::tests::run;

    #[test]
    fn dates_without_a_year_vouch_for_each_other() {
        let v = run(
            "weekday",
            "The forecast for Monday, May 11, through Friday, May 15, calls for sun.",
        );
        let verdicts: Vec<Verdict> = v.iter().map(|(v, _)| *v).collect();
        assert_eq!(verdicts, [Verdict::Ok, Verdict::Ok], "{v:?}");
        let v = run(
            "weekday",
            "They play on Saturday 20 August and on Monday 21 August.",
        );
        assert_eq!(v[1].0, Verdict::Mismatch, "{v:?}");
        assert!(
            v[1].1.contains("1 days after a Saturday is a Sunday"),
            "{}",
            v[1].1
        );
        // Dates months apart say nothing of each other.
        let v = run(
            "weekday",
            "On Friday, March 6 and again on Monday, October 12.",
        );
        assert!(v.iter().all(|(v, _)| *v == Verdict::Unverifiable), "{v:?}");
    }

    #[test]
    fn a_wrong_weekday_names_both_fixes() {
        let v = run(
            "weekday",
            "The vote was on Thursday, January 23, 2026, in the hall.",
        );
        assert_eq!(
            v,
            [(
                Verdict::Mismatch,
                "weekday of January 23, 2026 = 5, the text says Thursday (4); January 23, 2026 is a Friday, not a Thursday: either the weekday is wrong, or the date (the nearest Thursday is January 22)".to_string()
            )]
        );
        // A slip in a wire report: April 3, 1986 was a Thursday (April 3, 1987 a Friday).
        let v = run("weekday", "Grain stocks as of Friday, April 3 , 1986.");
        assert_eq!(v[0].0, Verdict::Mismatch, "{v:?}");
        assert!(
            v[0].1.contains("the nearest Friday is April 4"),
            "{}",
            v[0].1
        );
        let v = run(
            "weekday",
            "On Monday, February 2, 2026, the temperature fell.",
        );
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
    }

    #[test]
    fn german_dates_and_abbreviations() {
        let v = run("weekday", "Mi 04.02.2026\nIn the past months …");
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        let v = run("weekday", "Do 04.02.2026\nIn the past months …");
        assert_eq!(v[0].0, Verdict::Mismatch, "{v:?}");
        let v = run("weekday", "Am Mittwoch, den 4. Februar 2026 tagte der Rat.");
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        let v = run("weekday", "Am Di, 22. September 2026 tagte der Rat.");
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        let v = run("weekday", "Am Freitag, 4. Februar 2026 tagte der Rat.");
        assert_eq!(v[0].0, Verdict::Mismatch, "{v:?}");
    }

    #[test]
    fn a_date_without_a_year_takes_the_datelines() {
        let text = "Mi 04.02.2026\nThe high point was last week Friday (January 23rd), when the city shut down.";
        let v = run("weekday", text);
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(
            v[1],
            (
                Verdict::Ok,
                "weekday of January 23, 2026 = 5, the text says Friday (5); the year 2026 is taken from the dateline (February 4, 2026)".to_string()
            )
        );
        let v = run(
            "weekday",
            "Mi 04.02.2026\nIt began on Thursday (January 23rd), when the city shut down.",
        );
        assert_eq!(v[1].0, Verdict::Mismatch, "{v:?}");
        // Half a year away either way: the year that fits is taken (August 1, 2025 is a Friday).
        let v = run("weekday", "Mi 04.02.2026\nIt began on Friday, August 1.");
        assert_eq!(v[1].0, Verdict::Ok, "{v:?}");
        // Not a dateline: a date inside the first sentence.
        let v = run(
            "weekday",
            "Acme is issuing a bond due May 14, 1997. Terms will be set on Monday, April 6.",
        );
        assert_eq!(v[0].0, Verdict::Unverifiable, "{v:?}");
        // A year after a no-break space completes the date.
        let v = run(
            "weekday",
            "Die Kundgebung ist am Samstag, den 29. September\u{a0}2018.",
        );
        assert_eq!(v[0].0, Verdict::Ok, "{v:?}");
        // A time on the next line is no year.
        let v = run("weekday", "Ewood Park\nTuesday, 1 March\n2000 GMT\n");
        assert_eq!(v[0].0, Verdict::Unverifiable, "{v:?}");
        // After the date in brackets.
        let v = run("weekday", "Mi 04.02.2026\nIt began on January 23 (Friday).");
        assert_eq!(v[1].0, Verdict::Ok, "{v:?}");
    }

    #[test]
    fn no_year_and_no_dateline_is_unverifiable() {
        let v = run("weekday", "It began on Friday, January 23rd, in the rain.");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].0, Verdict::Unverifiable);
        assert!(v[0].1.contains("no year for January 23"), "{}", v[0].1);
    }

    #[test]
    fn does_not_fire_on_spans_lists_or_other_words() {
        assert!(run("weekday", "Open Friday and Saturday, January 24, 2026.").is_empty());
        assert!(run("weekday", "From Friday to Sunday, January 25, 2026.").is_empty());
        assert!(run("weekday", "The Sun, 23 January 2026, wrote so.").is_empty());
        assert!(run("weekday", "So, January 23, 2026 was the day.").is_empty());
        assert!(run("weekday", "The Friday before January 23, 2026 was cold.").is_empty());
        // Another year nearby: the yearless date may be of that year.
        let v = run(
            "weekday",
            "Mi 04.02.2026\nIn 2020, on Thursday, January 23, the first case was found.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[1].0, Verdict::Unverifiable, "{v:?}");
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_text_made_of_its_cues(text in "(Friday|Mi|So|Sun|the|and|, |\\(|\\)|den |\\.|\\n|January [0-9]{1,2}(, 20[0-9]{2})?|[0-9]{2}\\.[0-9]{2}\\.20[0-9]{2}|[0-9]{1,2}\\. Februar|2000 GMT|İ| ){0,30}") {
            let _ = run("weekday", &text);
        }
    }
}
