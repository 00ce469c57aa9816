//! Throughput on real text (../shared/corpus), single-threaded, in bytes per second: the
//! recognizer (`numbers/…`), and the claims stage alone (`claims/…`: sentences, tokens, frames,
//! candidates, checks and selection over text already recognized).
//! `cargo bench --bench throughput`. Criterion prints MB/s (or MiB/s) per file. Both run in a
//! pool of one thread, for the library reads a long text's parts and a document's rules on
//! the threads of the pool it runs in.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use recount::locale::Setting;
use std::hint::black_box;
use std::path::Path;

/// The corpus files measured, with the locale a user would give them.
const FILES: &[(&str, Setting)] = &[
    ("english-wiki.txt", Setting::Auto),
    ("english-news-bbc.txt", Setting::Auto),
    ("german-news-10kgnad.txt", Setting::Auto),
];

/// A pool of one thread, in which each measured call runs.
fn one_thread() -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a pool of one thread")
}

fn recognize(c: &mut Criterion) {
    let pool = one_thread();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut group = c.benchmark_group("numbers");
    group.sample_size(10);
    for (name, setting) in FILES {
        let Ok(text) = std::fs::read_to_string(dir.join(name)) else {
            eprintln!("skipped {name}: ../shared/corpus is not there");
            continue;
        };
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| {
                pool.install(|| {
                    recount::recognize(black_box(&text), *setting)
                        .quantities
                        .len()
                })
            })
        });
    }
    group.finish();
}

/// The files the claims stage is measured on: dense news, where most sentences hold figures.
const CLAIM_FILES: &[&str] = &["english-news-reuters.txt", "german-news-10kgnad.txt"];

fn claims(c: &mut Criterion) {
    let pool = one_thread();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut group = c.benchmark_group("claims");
    group.sample_size(10);
    for name in CLAIM_FILES {
        let Ok(text) = std::fs::read_to_string(dir.join(name)) else {
            eprintln!("skipped {name}: ../shared/corpus is not there");
            continue;
        };
        let r = recount::recognize(&text, Setting::Auto);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| {
                pool.install(|| {
                    let doc = recount::claims::Doc::new(black_box(&text), &r);
                    recount::claims::find(&doc, |_| true).len()
                })
            })
        });
    }
    group.finish();
}

criterion_group!(benches, recognize, claims);
criterion_main!(benches);
