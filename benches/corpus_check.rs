//! False alarms and speed of `check` on real text: runs every rule over ../shared/corpus,
//! prints findings per rule and verdict per MB, the throughput on one core, and a fixed
//! random sample of `mismatch` findings with their context for a person to judge.
//!
//! `cargo bench --bench corpus_check` (add `-- --sample N` for another sample size, and
//! `-- --verdict imprecise` to sample another verdict).

use recount::check::Verdict;
use recount::locale::Setting;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: ../shared/corpus is not there");
        return;
    };
    let args: Vec<String> = std::env::args().collect();
    let sample_size = args
        .iter()
        .position(|a| a == "--sample")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(40usize);
    let sampled = match args
        .iter()
        .position(|a| a == "--verdict")
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
    {
        Some("imprecise") => Verdict::Imprecise,
        Some("unverifiable") => Verdict::Unverifiable,
        Some("ok") => Verdict::Ok,
        _ => Verdict::Mismatch,
    };
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut counts: BTreeMap<(&str, Verdict), usize> = BTreeMap::new();
    let mut mismatches = Vec::new();
    let mut bytes = 0usize;
    let mut elapsed = 0.0f64;
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        bytes += text.len();
        // Documents are separated by blank lines; each is checked on its own.
        let t = Instant::now();
        let mut offset = 0;
        for doc in text.split("\n\n") {
            for o in recount::check_text(doc, Setting::Auto, |_| true) {
                *counts.entry((o.claim.rule, o.verdict)).or_default() += 1;
                if o.verdict == sampled {
                    let s = o.claim.stated.span;
                    let lo = doc[..s.start].rfind('\n').map_or(0, |i| i + 1);
                    let hi = doc[s.end..].find('\n').map_or(doc.len(), |i| s.end + i);
                    mismatches.push((
                        name.clone(),
                        offset + s.start,
                        o.message.clone(),
                        doc[lo..hi].to_string(),
                    ));
                }
            }
            offset += doc.len() + 2;
        }
        elapsed += t.elapsed().as_secs_f64();
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "checked {mb:.1} MB in {elapsed:.2} s on one core: {:.1} MB/s",
        mb / elapsed
    );
    println!(
        "{:<16} {:<13} {:>7} {:>9}",
        "rule", "verdict", "count", "per MB"
    );
    for ((rule, verdict), n) in &counts {
        println!(
            "{rule:<16} {:<13} {n:>7} {:>9.2}",
            verdict.to_string(),
            *n as f64 / mb
        );
    }
    // A fixed pseudo-random sample (xorshift), so that a reading can be repeated.
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut pick = Vec::new();
    let mut pool: Vec<usize> = (0..mismatches.len()).collect();
    while pick.len() < sample_size && !pool.is_empty() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        pick.push(pool.swap_remove((state % pool.len() as u64) as usize));
    }
    pick.sort_unstable();
    println!(
        "\nsample of {} of {} {sampled} findings:",
        pick.len(),
        mismatches.len()
    );
    for (k, i) in pick.iter().enumerate() {
        let (file, at, msg, context) = &mismatches[*i];
        let context: String = context.chars().take(600).collect();
        println!("\n[{}] {file} @{at}: {msg}\n    {context}", k + 1);
    }
}
