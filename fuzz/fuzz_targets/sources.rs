//! Fuzz target `sources`: asserts [`recount::invariants::sources`] on every input.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| recount::invariants::sources(data));
