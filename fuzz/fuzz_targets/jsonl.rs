//! Fuzz target `jsonl`: asserts [`recount::invariants::jsonl`] on every input.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| recount::invariants::jsonl(data));
