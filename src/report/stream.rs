//! Streaming: inputs processed in parallel and their reports written in input order as each is
//! done, with memory bounded by what is in flight rather than by how many inputs or findings
//! there are; and JSON documents (`{"files": [...]}`, a SARIF log) written one array item at
//! a time.

use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// How much work may be in flight at once: jobs started whose results are not yet handed on.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    /// At most this many jobs.
    pub jobs: usize,
    /// At most this much of their cost (input bytes, say), unless a single job costs more.
    pub cost: u64,
}

/// Runs `work` on each of `jobs` on `pool`'s threads and hands the results to `sink` in the
/// order of `jobs`, each as soon as it and all before it are done. The calling thread draws
/// the jobs (so an iterator that reads standard input reads it in order) and runs `sink`;
/// at most `budget` of jobs are in flight, so a slow job holds up the output but not memory.
/// A job that panics gives `on_panic()` in its place. The first error of `sink` stops
/// drawing new jobs; it is returned once the jobs in flight are done.
pub fn ordered<J, R>(
    pool: &rayon::ThreadPool,
    jobs: impl Iterator<Item = J>,
    cost: impl Fn(&J) -> u64,
    budget: Budget,
    work: impl Fn(J) -> R + Sync,
    on_panic: impl Fn() -> R,
    mut sink: impl FnMut(R) -> io::Result<()>,
) -> io::Result<()>
where
    J: Send,
    R: Send,
{
    let (tx, rx) = std::sync::mpsc::channel::<(usize, Option<R>)>();
    let work = &work;
    pool.in_place_scope(|scope| {
        let mut done: BTreeMap<usize, Option<R>> = BTreeMap::new();
        let mut costs = std::collections::VecDeque::new();
        let (mut started, mut written, mut in_flight) = (0usize, 0usize, 0u64);
        let mut failure = None;
        // Hands on every result that is next in order.
        let mut drain = |done: &mut BTreeMap<usize, Option<R>>,
                         written: &mut usize,
                         in_flight: &mut u64,
                         costs: &mut std::collections::VecDeque<u64>,
                         failure: &mut Option<io::Error>| {
            while let Some(r) = done.remove(written) {
                *written += 1;
                *in_flight -= costs.pop_front().unwrap_or(0);
                if failure.is_none() {
                    let r = r.unwrap_or_else(&on_panic);
                    if let Err(e) = sink(r) {
                        *failure = Some(e);
                    }
                }
            }
        };
        for job in jobs {
            if failure.is_some() {
                break;
            }
            let c = cost(&job);
            while started > written
                && (started - written >= budget.jobs || in_flight + c > budget.cost)
            {
                let Ok((i, r)) = rx.recv() else { break };
                done.insert(i, r);
                drain(
                    &mut done,
                    &mut written,
                    &mut in_flight,
                    &mut costs,
                    &mut failure,
                );
            }
            let tx = tx.clone();
            let i = started;
            scope.spawn(move |_| {
                let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(job)));
                // The receiver outlives every job of the scope.
                let _ = tx.send((i, r.ok()));
            });
            started += 1;
            in_flight += c;
            costs.push_back(c);
        }
        while written < started {
            let Ok((i, r)) = rx.recv() else { break };
            done.insert(i, r);
            drain(
                &mut done,
                &mut written,
                &mut in_flight,
                &mut costs,
                &mut failure,
            );
        }
        failure.map_or(Ok(()), Err)
    })
}

/// A JSON document whose one array is written an item at a time: what comes before the
/// array's items, how deep they are indented, and what comes after. The whole is what
/// `serde_json::to_writer_pretty` writes for the document with those items in the array.
#[derive(Debug, Clone)]
pub struct JsonArray {
    head: String,
    indent: usize,
    tail: String,
    items: usize,
}

impl JsonArray {
    /// `{"files": [...]}`.
    pub fn files() -> JsonArray {
        JsonArray::around(&serde_json::json!({ "files": MARK_VALUE }))
    }

    /// The document `doc` with its array where the string [`MARK_VALUE`] stands in it.
    pub fn around(doc: &serde_json::Value) -> JsonArray {
        let mark = serde_json::to_string(MARK_VALUE).unwrap_or_default();
        let text = serde_json::to_string_pretty(doc).unwrap_or_default();
        let (head, tail) = text.split_once(&mark).unwrap_or((&text, ""));
        // The mark stands as the value of a key; the items go one level deeper than the key.
        let key_line = head.rsplit('\n').next().unwrap_or("");
        let indent = key_line.len() - key_line.trim_start_matches(' ').len() + 2;
        JsonArray {
            head: head.to_string(),
            indent,
            tail: tail.to_string(),
            items: 0,
        }
    }

    /// The pretty JSON of `item`, indented to stand in the array, for [`JsonArray::write_item`].
    pub fn render(&self, item: &impl Serialize) -> io::Result<Vec<u8>> {
        let text = serde_json::to_vec_pretty(item)?;
        let pad = " ".repeat(self.indent);
        let mut out = Vec::with_capacity(text.len() + text.len() / 8);
        // JSON strings hold no raw line breaks, so every line break starts a line of the item.
        for (k, line) in text.split(|&b| b == b'\n').enumerate() {
            if k > 0 {
                out.push(b'\n');
            }
            out.extend_from_slice(pad.as_bytes());
            out.extend_from_slice(line);
        }
        Ok(out)
    }

    /// Writes an item rendered by [`JsonArray::render`] (the head first, before the first).
    pub fn write_item(&mut self, out: &mut impl Write, rendered: &[u8]) -> io::Result<()> {
        if self.items == 0 {
            out.write_all(self.head.as_bytes())?;
            out.write_all(b"[\n")?;
        } else {
            out.write_all(b",\n")?;
        }
        self.items += 1;
        out.write_all(rendered)
    }

    /// Writes the end of the document (the whole of it when no item was written).
    pub fn finish(&mut self, out: &mut impl Write) -> io::Result<()> {
        if self.items == 0 {
            out.write_all(self.head.as_bytes())?;
            out.write_all(b"[]")?;
        } else {
            let close = " ".repeat(self.indent.saturating_sub(2));
            write!(out, "\n{close}]")?;
        }
        out.write_all(self.tail.as_bytes())?;
        out.write_all(b"\n")
    }
}

/// The string that marks where [`JsonArray::around`] puts the items.
pub const MARK_VALUE: &str = "\u{1}recount-items\u{1}";

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn streamed(doc: serde_json::Value, items: &[serde_json::Value]) -> String {
        let mut a = JsonArray::around(&doc);
        let mut out = Vec::new();
        for item in items {
            let r = a.render(item).unwrap();
            a.write_item(&mut out, &r).unwrap();
        }
        a.finish(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_streamed_array_is_what_pretty_printing_the_whole_gives() {
        let items = [
            json!({"path": "a", "n": [1, 2]}),
            json!({"path": "b", "n": []}),
        ];
        for k in 0..=items.len() {
            let whole = json!({ "files": items[..k] });
            let expect = serde_json::to_string_pretty(&whole).unwrap() + "\n";
            assert_eq!(
                streamed(json!({ "files": MARK_VALUE }), &items[..k]),
                expect
            );
        }
        // An array deeper in the document, with keys after it.
        let doc =
            |r: serde_json::Value| json!({"v": 1, "runs": [{"tool": "x", "results": r}], "z": 2});
        let expect = serde_json::to_string_pretty(&doc(json!(items))).unwrap() + "\n";
        assert_eq!(streamed(doc(json!(MARK_VALUE)), &items), expect);
    }

    #[test]
    fn results_come_in_input_order_whatever_the_timing() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let mut seen = Vec::new();
        let budget = Budget { jobs: 3, cost: 10 };
        ordered(
            &pool,
            0..40u64,
            |_| 4,
            budget,
            |i| {
                // Early jobs are slow, so later ones finish first.
                std::thread::sleep(std::time::Duration::from_millis((40 - i) % 7));
                i
            },
            || u64::MAX,
            |r| {
                seen.push(r);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(seen, (0..40).collect::<Vec<_>>());
    }

    #[test]
    fn a_panicking_job_gives_its_stand_in_and_the_others_go_on() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let mut seen = Vec::new();
        let budget = Budget { jobs: 2, cost: 1 };
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        ordered(
            &pool,
            0..5i32,
            |_| 1,
            budget,
            |i| if i == 2 { panic!("bad input") } else { i },
            || -1,
            |r| {
                seen.push(r);
                Ok(())
            },
        )
        .unwrap();
        std::panic::set_hook(hook);
        assert_eq!(seen, [0, 1, -1, 3, 4]);
    }

    #[test]
    fn a_failing_sink_stops_the_run_with_its_error() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let mut calls = 0;
        let budget = Budget { jobs: 2, cost: 100 };
        let err = ordered(
            &pool,
            0..1000,
            |_| 1,
            budget,
            |i| i,
            || 0,
            |_| {
                calls += 1;
                Err(io::Error::from(io::ErrorKind::BrokenPipe))
            },
        )
        .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
        assert_eq!(calls, 1);
    }
}
