//! Throughput of the recognizer on real text (../shared/corpus), single-threaded, in bytes per
//! second: `cargo bench --bench throughput`. Criterion prints MB/s (or MiB/s) per file.

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

fn recognize(c: &mut Criterion) {
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
                recount::recognize(black_box(&text), *setting)
                    .quantities
                    .len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, recognize);
criterion_main!(benches);
