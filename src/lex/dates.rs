//! Dates and times: numbers that name a day or an hour, not an amount.
//!
//! ```text
//! iso-date     = YYYY "-" MM "-" DD
//! dotted-date  = D[D] "." M[M] "." (YYYY | YY)          ; "04.02.2026"
//! slash-date   = D[D] "/" D[D] "/" (YYYY | YY)           ; month first unless the first > 12
//! day-month    = D[D] ["." | ordinal-suffix] [" of"] " " month [[","] " " YYYY]
//! month-day    = month ["."] " " D[D] [ordinal-suffix] [[","] " " YYYY]   ; the month precedes
//! clock        = H[H] ":" MM [":" SS] [am-pm] | H[H] ["." MM] " Uhr" | H[H] " " am-pm
//! ```
//!
//! Calendar validity is checked with jiff: "31.02.2026" is not a date.

use jiff::civil::Date;
use nom::{
    IResult, Parser, bytes::complete::take_while_m_n, character::complete::char as ch,
    combinator::opt,
};

/// A date or time found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    /// `true` for a date, `false` for a time of day.
    pub is_date: bool,
    /// ISO form: "2026-02-04", "--01-23" (no year), "10:30".
    pub iso: String,
}

/// Month names and abbreviations (English and German) with their numbers.
const MONTHS: &[(&str, u8)] = &[
    ("January", 1),
    ("February", 2),
    ("March", 3),
    ("April", 4),
    ("May", 5),
    ("June", 6),
    ("July", 7),
    ("August", 8),
    ("September", 9),
    ("October", 10),
    ("November", 11),
    ("December", 12),
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sep", 9),
    ("Sept", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
    ("Januar", 1),
    ("Jänner", 1),
    ("Februar", 2),
    ("März", 3),
    ("Mai", 5),
    ("Juni", 6),
    ("Juli", 7),
    ("Oktober", 10),
    ("Okt", 10),
    ("Dezember", 12),
    ("Dez", 12),
];

/// The month a word names.
pub fn month(word: &str) -> Option<u8> {
    // Every name is capitalised; most words that meet a number are not.
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    MONTHS.iter().find(|(m, _)| *m == word).map(|&(_, n)| n)
}

fn digits(min: usize, max: usize) -> impl Fn(&str) -> IResult<&str, &str> {
    move |i| take_while_m_n(min, max, |c: char| c.is_ascii_digit())(i)
}

fn num(s: &str) -> i16 {
    s.parse().unwrap_or(0)
}

/// Whether the text at `s` does not continue a number or word.
fn boundary(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        // "04.02.2026." at a sentence end is fine; "1.2.3.4" is not a date.
        Some('.') | Some('/') | Some('-') | Some(':') => {
            !it.next().is_some_and(|c| c.is_ascii_digit())
        }
        Some(_) => true,
    }
}

fn iso(y: Option<i16>, m: i16, d: i16) -> Option<String> {
    match y {
        Some(y) => Date::new(y, m as i8, d as i8).ok().map(|d| d.to_string()),
        None => Date::new(2024, m as i8, d as i8)
            .ok()
            .map(|_| format!("--{m:02}-{d:02}")),
    }
}

fn year_of(s: &str) -> i16 {
    let y = num(s);
    if s.len() == 2 {
        if y < 50 { 2000 + y } else { 1900 + y }
    } else {
        y
    }
}

/// `iso-date`
fn iso_date(i: &str) -> IResult<&str, (i16, i16, i16)> {
    let (r, (y, _, m, _, d)) =
        (digits(4, 4), ch('-'), digits(2, 2), ch('-'), digits(2, 2)).parse(i)?;
    Ok((r, (num(y), num(m), num(d))))
}

/// `dotted-date` and `slash-date`: returns the three fields and the separator.
fn sep_date(i: &str) -> IResult<&str, (&str, &str, &str, char)> {
    let (r, a) = digits(1, 2)(i)?;
    let sep = r.chars().next().unwrap_or(' ');
    if sep != '.' && sep != '/' {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Char,
        )));
    }
    let (r, (_, b, _, y)) = (ch(sep), digits(1, 2), ch(sep), digits(2, 4)).parse(r)?;
    if y.len() == 3 {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        )));
    }
    Ok((r, (a, b, y, sep)))
}

/// `clock` with a colon.
fn colon_time(i: &str) -> IResult<&str, (i16, i16)> {
    let (r, (h, _, m, _)) = (
        digits(1, 2),
        ch(':'),
        digits(2, 2),
        opt((ch(':'), digits(2, 2))),
    )
        .parse(i)?;
    Ok((r, (num(h), num(m))))
}

/// An am/pm marker after a time: returns the bytes it covers and whether it is pm.
fn am_pm(s: &str) -> Option<(usize, bool)> {
    let ws = s.len() - s.trim_start_matches(' ').len();
    let t = &s[ws..];
    // Every marker begins with 'a' or 'p', in either case.
    if !t.starts_with(['a', 'p', 'A', 'P']) {
        return None;
    }
    for (w, pm) in [
        ("a.m.", false),
        ("p.m.", true),
        ("am", false),
        ("pm", true),
        ("AM", false),
        ("PM", true),
    ] {
        if t.starts_with(w) && !t[w.len()..].starts_with(|c: char| c.is_alphanumeric()) {
            return Some((ws + w.len(), pm));
        }
    }
    None
}

/// A date or time that starts at the digit at `pos`. `german` decides "3. Mai"-style reading.
pub fn at_digit(text: &str, pos: usize) -> Option<Found> {
    let s = &text[pos..];
    let done = |rest: &str, is_date: bool, iso: String| Found {
        start: pos,
        end: text.len() - rest.len(),
        is_date,
        iso,
    };
    let run = s.bytes().take_while(u8::is_ascii_digit).count();
    if run == 4
        && s.as_bytes().get(4) == Some(&b'-')
        && let Ok((r, (y, m, d))) = iso_date(s)
        && boundary(r)
        && let Some(d) = iso(Some(y), m, d)
    {
        return Some(done(r, true, d));
    }
    // Every other form starts with one or two digits, then a separator ('.', '/', ':'), a
    // space or NBSP, an am/pm marker or an ordinal suffix.
    let next = s.as_bytes().get(run).copied();
    if !(1..=2).contains(&run)
        || !matches!(
            next,
            Some(
                b'.' | b'/'
                    | b':'
                    | b' '
                    | 0xC2
                    | b'a'
                    | b'p'
                    | b'A'
                    | b'P'
                    | b's'
                    | b'n'
                    | b'r'
                    | b't'
            )
        )
    {
        return None;
    }
    if matches!(next, Some(b'.' | b'/'))
        && let Ok((r, (a, b, y, sep))) = sep_date(s)
        && boundary(r)
    {
        let (a, b) = (num(a), num(b));
        // Slashes: month first (US) unless the first field cannot be a month.
        let (d, m) = if sep == '/' && a <= 12 {
            (b, a)
        } else {
            (a, b)
        };
        if let Some(d) = iso(Some(year_of(y)), m, d) {
            return Some(done(r, true, d));
        }
    }
    if next == Some(b':')
        && let Ok((r, (h, m))) = colon_time(s)
        && boundary(r)
        && h < 24
        && m < 60
    {
        let (extra, pm) = am_pm(r).unwrap_or((0, false));
        let h = if pm && h < 12 { h + 12 } else { h };
        return Some(done(&r[extra..], false, format!("{h:02}:{m:02}")));
    }
    if matches!(next, Some(b'.' | b' ' | b'a' | b'p' | b'A' | b'P'))
        && let Some(f) = uhr_or_am_pm(s)
    {
        return Some(done(&s[f.0..], false, f.1));
    }
    day_month(text, pos)
}

/// `H[H] ["." MM] " Uhr"` and `H[H] " " am-pm`.
fn uhr_or_am_pm(s: &str) -> Option<(usize, String)> {
    let (r, h) = digits(1, 2)(s).ok()?;
    let (r, m) = match (ch::<&str, nom::error::Error<&str>>('.'), digits(2, 2)).parse(r) {
        Ok((r2, (_, m))) => (r2, num(m)),
        Err(_) => (r, 0),
    };
    let h = num(h);
    if h > 24 || m > 59 {
        return None;
    }
    // " Uhr" after any space, the no-break one too ("13.00\u{a0}Uhr").
    let spaced = r.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    if spaced.len() < r.len()
        && let Some(r2) = spaced.strip_prefix("Uhr")
        && boundary(r2)
    {
        return Some((s.len() - r2.len(), format!("{h:02}:{m:02}")));
    }
    if let Some((len, pm)) = am_pm(r)
        && h <= 12
    {
        let h = if pm && h < 12 {
            h + 12
        } else if !pm && h == 12 {
            0
        } else {
            h
        };
        return Some((s.len() - r.len() + len, format!("{h:02}:{m:02}")));
    }
    None
}

/// `day-month`: "4 February 2026", "23. Januar", "23rd of January".
fn day_month(text: &str, pos: usize) -> Option<Found> {
    let s = &text[pos..];
    let (r, d) = digits(1, 2)(s).ok()?;
    let mut r = r;
    for suf in [".", "st", "nd", "rd", "th"] {
        if let Some(t) = r.strip_prefix(suf) {
            r = t;
            break;
        }
    }
    r = r.strip_prefix(" of").unwrap_or(r);
    let r = r.strip_prefix([' ', '\u{a0}'])?;
    let word = super::affix::word_at(r);
    let m = month(word)?;
    let mut rest = &r[word.len()..];
    if word.len() <= 4 {
        rest = rest.strip_prefix('.').unwrap_or(rest);
    }
    let (rest, y) = year_after(rest);
    let iso = iso(y, i16::from(m), num(d))?;
    Some(Found {
        start: pos,
        end: text.len() - rest.len(),
        is_date: true,
        iso,
    })
}

/// `[[","] " " YYYY]` after a day and month.
fn year_after(rest: &str) -> (&str, Option<i16>) {
    let comma = rest.starts_with(',');
    let t = rest.strip_prefix(',').unwrap_or(rest);
    // One space, or after a comma the line break of wrapped text: "November 2,\n2025" (but
    // "1 March\n2000 GMT" is a date and a time).
    let sep: &[char] = if comma {
        &[' ', '\n', '\u{a0}']
    } else {
        &[' ', '\u{a0}']
    };
    if let Some(t) = t.strip_prefix(sep)
        && let Ok((r, y)) = digits(4, 4)(t)
        && boundary(r)
    {
        return (r, Some(num(y)));
    }
    (rest, None)
}

/// `month-day`: a month name ends right before the digit at `pos` ("January 23rd", "Jan. 23,
/// 2026"). Returns the date with its start at the month.
pub fn month_day(text: &str, pos: usize) -> Option<Found> {
    // The day has one or two digits: most numbers are no day.
    let run = text[pos..].bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&run) {
        return None;
    }
    let before = &text[..pos];
    let b = before
        .strip_suffix(' ')
        .or_else(|| before.strip_suffix('\u{a0}'))?;
    let b2 = b.strip_suffix('.').unwrap_or(b);
    let wstart = b2
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map(|(i, _)| i)?;
    let word = &b2[wstart..];
    if b2.len() != b.len() && word.len() > 4 {
        return None;
    }
    let m = month(word)?;
    let s = &text[pos..];
    let (mut r, d) = digits(1, 2)(s).ok()?;
    // "im Juli 2,7 Prozent", "in May 3.5%": a decimal after a month's name is no day.
    let mut after = r.chars();
    if matches!(after.next(), Some(',' | '.')) && after.next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    for suf in ["st", "nd", "rd", "th"] {
        if let Some(t) = r.strip_prefix(suf) {
            r = t;
            break;
        }
    }
    if !boundary(r) {
        return None;
    }
    let (rest, y) = year_after(r);
    let iso = iso(y, i16::from(m), num(d))?;
    Some(Found {
        start: wstart,
        end: text.len() - rest.len(),
        is_date: true,
        iso,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<(String, &str)> {
        at_digit(s, 0).map(|f| (f.iso, &s[f.start..f.end]))
    }

    #[test]
    fn a_decimal_after_a_month_is_no_day() {
        let t = "im Juli 2,7 Prozent";
        assert!(month_day(t, t.find('2').unwrap_or(0)).is_none());
        let t = "on July 4, 2019";
        assert!(month_day(t, t.find('4').unwrap_or(0)).is_some());
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(d("04.02.2026 x"), Some(("2026-02-04".into(), "04.02.2026")));
        assert_eq!(d("2026-02-04"), Some(("2026-02-04".into(), "2026-02-04")));
        assert_eq!(d("5/17/2018?"), Some(("2018-05-17".into(), "5/17/2018")));
        assert_eq!(d("31.02.2026"), None, "not a day of the calendar");
        assert_eq!(d("1.2.3.4"), None, "an address is not a date");
    }

    #[test]
    fn spelled_months() {
        assert_eq!(
            d("4 February 2026"),
            Some(("2026-02-04".into(), "4 February 2026"))
        );
        assert_eq!(d("23. Januar"), Some(("--01-23".into(), "23. Januar")));
        assert_eq!(
            d("23rd of January"),
            Some(("--01-23".into(), "23rd of January"))
        );
        let t = "Friday (January 23rd), when";
        let f = month_day(t, t.find("23").unwrap()).unwrap();
        assert_eq!(
            (&t[f.start..f.end], f.iso.as_str()),
            ("January 23rd", "--01-23")
        );
        let t = "on November 2,\n2025, and";
        let f = month_day(t, t.find('2').unwrap()).unwrap();
        assert_eq!(f.iso, "2025-11-02");
        let t = "on Jan. 23, 2026 the";
        let f = month_day(t, t.find("23").unwrap()).unwrap();
        assert_eq!(&t[f.start..f.end], "Jan. 23, 2026");
        let t = "they may 5 times";
        assert!(month_day(t, t.find('5').unwrap()).is_none());
    }

    #[test]
    fn times() {
        assert_eq!(d("10:30 today"), Some(("10:30".into(), "10:30")));
        assert_eq!(d("10.30 Uhr"), Some(("10:30".into(), "10.30 Uhr")));
        assert_eq!(
            d("13.00\u{a0}Uhr"),
            Some(("13:00".into(), "13.00\u{a0}Uhr"))
        );
        assert_eq!(d("4.40 am on"), Some(("04:40".into(), "4.40 am")));
        assert_eq!(d("11 a.m."), Some(("11:00".into(), "11 a.m.")));
        assert_eq!(d("7pm"), Some(("19:00".into(), "7pm")));
        assert_eq!(d("10.30 euros"), None);
        assert_eq!(d("25:30"), None);
    }
}
