//! Agreement on line-aligned translations (../shared/corpus: NTREX-128 and XQuAD, English and
//! German): line N of one file says what line N of the other says, so its amounts should read
//! alike on both sides.
//!
//! A line's amounts are the values of the figures recognized in it (counts, amounts of money,
//! percentages, measures, fractions, years; both ends of a range), as a multiset; dates,
//! times, ordinals, identifiers and a spelled "one" alone (a determiner as often as not) are
//! left out. A pair of lines where either side has an
//! amount agrees when the two multisets are equal. Pairs that disagree because the translation
//! says something else ("20 miles" against "32 km", a figure dropped) are listed with the
//! reason in tests/parallel/translation.tsv; the floors in tests/parallel/floors.tsv apply to
//! agreement with and without them. `RECOUNT_PARALLEL_MISSES=1` prints every disagreement
//! that is not listed.

#[path = "support/shared.rs"]
mod shared;

use recount::locale::Setting;
use recount::quantity::{Kind, Quantity};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The pairs measured: a name, the English file and the German file.
const PAIRS: &[(&str, &str, &str)] = &[
    ("ntrex", "english-ntrex.txt", "german-ntrex.txt"),
    ("xquad", "english-xquad.txt", "german-xquad.txt"),
];

/// The amounts of one line, as sorted decimal strings.
fn amounts(line: &str, setting: Setting) -> Vec<String> {
    // "one" and "ein" are determiners as often as amounts ("one of them", "ein Mann"), and
    // English writes the one where German writes the other: a spelled 1 alone is no figure.
    let spelled_one = |q: &Quantity| {
        q.value == Some(Decimal::ONE)
            && q.unit.is_none()
            && !line[q.span.start..q.span.end].contains(|c: char| c.is_ascii_digit())
    };
    let keep = |q: &Quantity| {
        !matches!(
            q.kind,
            Kind::Date | Kind::Time | Kind::Ordinal | Kind::Identifier
        ) && !spelled_one(q)
    };
    let mut out: Vec<String> = recount::recognize(line, setting)
        .quantities
        .iter()
        .filter(|q| keep(q))
        .flat_map(|q| {
            if q.kind == Kind::Range {
                vec![q.low, q.high]
            } else {
                vec![q.value.or(q.low).or(q.high)]
            }
        })
        .flatten()
        .map(|v| v.normalize().to_string())
        .collect();
    out.sort();
    out
}

#[test]
fn amounts_agree_across_translations() {
    let Some(dir) = shared::dir("corpus") else {
        return;
    };
    // pair -> line number (1-based) -> reason
    let mut listed: HashMap<String, BTreeMap<usize, String>> = HashMap::new();
    for row in shared::load_tsv("parallel", "translation.tsv") {
        let line = row[1].parse().expect("line number");
        listed
            .entry(row[0].clone())
            .or_default()
            .insert(line, row.get(2).cloned().unwrap_or_default());
    }
    let floors: HashMap<(String, String), f64> = shared::load_tsv("parallel", "floors.tsv")
        .into_iter()
        .map(|r| ((r[0].clone(), r[1].clone()), r[2].parse().unwrap_or(0.0)))
        .collect();
    let show = std::env::var("RECOUNT_PARALLEL_MISSES").is_ok();
    let mut failures = Vec::new();
    println!(
        "{:<7} {:>6} {:>7} {:>8} {:>11} {:>9}",
        "pair", "lines", "agree", "agree%", "translation", "adjusted%"
    );
    for (name, en_file, de_file) in PAIRS {
        let en = std::fs::read_to_string(dir.join(en_file)).expect("read English side");
        let de = std::fs::read_to_string(dir.join(de_file)).expect("read German side");
        let listed = listed.remove(*name).unwrap_or_default();
        let (mut lines, mut agree, mut translation) = (0, 0, 0);
        for (k, (e, g)) in en.lines().zip(de.lines()).enumerate() {
            let (a, b) = (amounts(e, Setting::Auto), amounts(g, Setting::Auto));
            if a.is_empty() && b.is_empty() {
                continue;
            }
            lines += 1;
            let line = k + 1;
            if a == b {
                agree += 1;
                if listed.contains_key(&line) {
                    failures.push(format!(
                        "{name}:{line} agrees now: remove it from translation.tsv"
                    ));
                }
            } else if listed.contains_key(&line) {
                translation += 1;
            } else if show {
                println!("  {name}:{line}\n    en {a:?}  {e}\n    de {b:?}  {g}");
            }
        }
        let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
        let raw = pct(agree, lines);
        let adjusted = pct(agree, lines - translation);
        println!("{name:<7} {lines:>6} {agree:>7} {raw:>7.1}% {translation:>11} {adjusted:>8.1}%");
        for (what, got) in [("raw", raw), ("adjusted", adjusted)] {
            match floors.get(&(name.to_string(), what.to_string())) {
                Some(f) if got + 1e-9 < *f => {
                    failures.push(format!("{name} {what}: {got:.1}% < floor {f:.1}%"))
                }
                None => failures.push(format!("{name} {what}: no floor in floors.tsv")),
                _ => {}
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The values of the figures written with digits (of any script) in `line`, for comparing a
/// translation's.
fn digit_values(line: &str, setting: Setting) -> Vec<String> {
    recount::recognize(line, setting)
        .quantities
        .iter()
        .filter(|q| q.kind.is_quantity() || q.kind == Kind::Year)
        .filter(|q| line[q.span.start..q.span.end].contains(char::is_numeric))
        .flat_map(|q| [q.value, q.low, q.high])
        .flatten()
        .map(|v| v.normalize().to_string())
        .collect()
}

/// Digit recall in the translations of NTREX-128 (a folder of `newstest2019-ref.<lang>.txt`
/// files beside `newstest2019-src.eng.txt`, named by `RECOUNT_NTREX_DIR`): of the values that
/// the English lines write in digits, the share that the translation's reading, under the
/// translation's own `--locale` and under `auto`, also has. Not run by default: the corpus is
/// not part of ../shared.
#[test]
#[ignore]
fn digit_recall_in_ntrex_translations() {
    let Ok(dir) = std::env::var("RECOUNT_NTREX_DIR") else {
        return;
    };
    let dir = Path::new(&dir);
    let en = std::fs::read_to_string(dir.join("newstest2019-src.eng.txt")).expect("English");
    let en: Vec<Vec<String>> = en.lines().map(|l| digit_values(l, Setting::En)).collect();
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("NTREX folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("newstest2019-ref."))
        .collect();
    names.sort();
    let (mut all, mut all_auto, mut langs) = (Vec::new(), Vec::new(), 0);
    println!(
        "{:<12} {:>6} {:>8} {:>8}",
        "language", "values", "locale", "auto"
    );
    for name in names {
        let code = name.split('.').nth(1).unwrap_or_default();
        let base = code.split('-').next().unwrap_or(code);
        let Some(setting) = Setting::parse(base) else {
            continue;
        };
        let text = std::fs::read_to_string(dir.join(&name)).expect("translation");
        let (mut n, mut found, mut found_auto) = (0, 0, 0);
        for (want, line) in en.iter().zip(text.lines()) {
            if want.is_empty() {
                continue;
            }
            let got = digit_values(line, setting);
            let got_auto = digit_values(line, Setting::Auto);
            for v in want {
                n += 1;
                found += usize::from(got.contains(v));
                found_auto += usize::from(got_auto.contains(v));
            }
            // RECOUNT_NTREX_SHOW=<code> prints that language's lines that miss a value.
            if std::env::var("RECOUNT_NTREX_SHOW").is_ok_and(|c| c == code)
                && want.iter().any(|v| !got.contains(v))
            {
                println!("  en {want:?}\n  {code} {got:?} {line}");
            }
        }
        let pct = |a: usize| 100.0 * a as f64 / n.max(1) as f64;
        println!(
            "{code:<12} {n:>6} {:>7.1}% {:>7.1}%",
            pct(found),
            pct(found_auto)
        );
        all.push(pct(found));
        all_auto.push(pct(found_auto));
        langs += 1;
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    println!(
        "{langs} languages: mean recall {:.1}% (locale), {:.1}% (auto)",
        mean(&all),
        mean(&all_auto)
    );
}
